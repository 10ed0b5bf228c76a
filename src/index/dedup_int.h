/*
 * dedup_int.h - dedup internals shared with the index file writer.
 */
#ifndef PX_INDEX_DEDUP_INT_H
#define PX_INDEX_DEDUP_INT_H

#include "index/corpus_int.h"
#include "parallax/dedup.h"

/* Fingerprint of everything that determines a band key. */
uint64_t px_dedup_params(const px_dedup_opts *o, unsigned bands,
                         unsigned rows);
/* Sorted band keys (val = document) of the documents in ranges r[0..nr);
 * empty documents have none.  Caller frees. */
px_kv *px_dedup_keys(const px_corpus *c, const px_dedup_opts *o,
                     unsigned bands, unsigned rows, const px_range *r,
                     size_t nr, size_t *n);

#endif /* PX_INDEX_DEDUP_INT_H */
