/*
 * parallax/reuse.h - reused passages between documents (text reuse).
 *
 * Design (corpus scale, px_reuse_run):
 *   1. anchors: hashes of word n-grams chosen by winnowing (the minimum hash
 *      of every window of w consecutive n-grams), so any exact shared run
 *      of at least w + n - 1 words yields at least one shared anchor;
 *   2. anchors are radix-sorted by hash; anchors held by more than max_df
 *      documents (stock phrases) are dropped; each remaining pair of
 *      documents sharing an anchor gets an (a position, b position) hit;
 *   3. hits are radix-sorted by document pair; per pair they are chained
 *      along the diagonal (tolerating gaps and diagonal drift from
 *      insertions/deletions), each chain is extended outwards with an
 *      X-drop alignment (match +1, substitution/indel -1) and scored by a
 *      banded alignment (shared words, similarity); overlapping chains are
 *      merged, short or dissimilar passages dropped.
 * An anchor held by more than max_df documents gives no hits: its pairs
 * would grow with the square of its documents.  px_reuse_run_frequent
 * reports such anchors instead, a few per document, for callers that can
 * link their holders in linear time (the copy graph of a story of
 * thousands of near-copies: parallax/story.h).
 * Spans are ORIGINAL byte offsets (through px_corpus_span).
 */
#ifndef PARALLAX_REUSE_H
#define PARALLAX_REUSE_H

#include <stdint.h>
#include "parallax/core.h"
#include "parallax/corpus.h"
#include "parallax/doc.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct px_reuse_opts {
    unsigned ngram;     /* words per anchor n-gram (4) */
    unsigned window;    /* winnowing window in n-grams (0: from min_words,
                           at most 8); 1 = every n-gram */
    unsigned min_words; /* shortest passage, in shared words (15) */
    double min_sim;     /* lowest passage similarity (0.5) */
    unsigned max_gap;   /* words between two anchors of one chain (40) */
    unsigned max_df;    /* drop anchors in more documents than this (100) */
    unsigned threads;   /* 0: one per core */
    uint32_t first_new; /* report only pairs with a document >= this */
} px_reuse_opts;

void px_reuse_opts_init(px_reuse_opts *o);

/* One reused passage between documents a < b. */
typedef struct px_passage {
    uint32_t a, b;          /* document numbers */
    px_span a_span, b_span; /* ORIGINAL byte offsets */
    uint32_t a_from, a_to;  /* word range [from, to) in a */
    uint32_t b_from, b_to;  /* word range in b */
    uint32_t words;         /* words the two passages share (aligned) */
    double similarity;      /* 2 * words / (a words + b words) */
} px_passage;

/* All passages of a corpus, sorted by (a, b, a_from); at most 4,096 (the
 * largest) per pair of documents.  *out caller frees with px_free. */
px_result px_reuse_run(const px_corpus *c, const px_reuse_opts *o,
                       px_passage **out, size_t *n);

/* An anchor dropped for being held by more than max_df occurrences, in
 * more than max_df documents (a stock phrase, or the text of a story of
 * many near-copies), and one document holding it. */
typedef struct px_reuse_frequent {
    uint64_t key;  /* anchor hash */
    uint32_t doc;  /* a document holding it */
    uint32_t docs; /* documents holding it (those of a loaded index too) */
} px_reuse_frequent;

/* Frequent anchors kept per document (the smallest hashes). */
#define PX_REUSE_FREQUENT_PER_DOC 8

/* px_reuse_run, plus the frequent anchors of the documents winnowed by
 * this call (not those whose anchors were read from a loaded index): for
 * each document at most PX_REUSE_FREQUENT_PER_DOC of them, those with the
 * smallest hashes, so near-copies keep the same ones; sorted by (key,
 * doc).  *out and *freq caller frees with px_free.  The passages are
 * those of px_reuse_run. */
px_result px_reuse_run_frequent(const px_corpus *c, const px_reuse_opts *o,
                                px_passage **out, size_t *n,
                                px_reuse_frequent **freq, size_t *nfreq);

/* Passages between two documents (for aligners): every n-gram is an anchor
 * (window 1; an n-gram occurring more than 1,000 times in the two texts,
 * i.e. degenerate repetition, is ignored).  Document numbers in the result: a =
 * 0, b = 1. opts may be NULL (defaults).  *out caller frees with px_free. */
px_result px_reuse_pair(const px_doc *a, const px_doc *b,
                        const px_reuse_opts *opts, px_passage **out, size_t *n);

/* Share of document `doc`'s words covered by the passages of the pair
 * (a, b) in p[0..n) (any order). */
double px_reuse_cover(const px_corpus *c, const px_passage *p, size_t n,
                      uint32_t a, uint32_t b, uint32_t doc);

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_REUSE_H */
