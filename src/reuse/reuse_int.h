/*
 * reuse_int.h - reuse internals shared with the index file writer.
 */
#ifndef PX_REUSE_REUSE_INT_H
#define PX_REUSE_REUSE_INT_H

#include "index/corpus_int.h"
#include "parallax/reuse.h"

/* Fingerprint of everything that determines the anchors under o. */
uint64_t px_reuse_params(const px_reuse_opts *o);
/* Anchors (val = document << 32 | word) of the documents in ranges
 * r[0..nr), sorted by (key, val): the same array for any number of
 * threads, so an index file is byte-reproducible.  Caller frees. */
px_kv *px_reuse_anchors(const px_corpus *c, const px_reuse_opts *o,
                        const px_range *r, size_t nr, size_t *n);

#endif /* PX_REUSE_REUSE_INT_H */
