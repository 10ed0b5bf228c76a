/*
 * passage.h - from anchor hits between two documents to reused passages.
 *
 * Internal to the reuse stage: px_reuse_run (corpus) and px_reuse_pair
 * gather the hits; this part chains, extends, scores and filters them.
 */
#ifndef PX_REUSE_PASSAGE_H
#define PX_REUSE_PASSAGE_H

#include "index/radix.h"
#include "parallax/reuse.h"

/* Growable passage list (owned by whoever initialised it). */
typedef struct px_passage_vec {
    px_passage *v;
    size_t n, alloc;
} px_passage_vec;

void px_passage_vec_push(px_passage_vec *pv, const px_passage *p);

/* Words of one side of a pair. */
typedef struct px_side {
    const uint32_t *w;
    size_t n;
} px_side;

/* hits[i].val = a position << 32 | b position, sorted ascending; every hit
 * is one shared n-gram of `ngram` words.  Appends the passages (document
 * numbers left 0, spans unset: word ranges only) to out. */
void px_passages_find(px_side a, px_side b, const px_kv *hits, size_t nhits,
                      unsigned ngram, const px_reuse_opts *o,
                      px_passage_vec *out);

#endif /* PX_REUSE_PASSAGE_H */
