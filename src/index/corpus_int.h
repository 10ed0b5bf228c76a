/*
 * corpus_int.h - the segments of a px_corpus, for the matchers and the
 * index file writer (internal to libparallax).
 *
 * A corpus loaded from an index file maps the file read-only: each segment
 * is one earlier append, holding its documents' words plus the sorted
 * match keys computed when it was written (LSH band keys for dedup,
 * winnowed anchors for reuse), each tagged with a fingerprint of the
 * parameters that produced them.  A matcher whose parameters have the same
 * fingerprint looks new documents up in those sorted keys instead of
 * recomputing anything for the old documents.
 */
#ifndef PX_INDEX_CORPUS_INT_H
#define PX_INDEX_CORPUS_INT_H

#include "index/radix.h"
#include "parallax/corpus.h"

/* Sorted (key, value) records of one segment and their parameters. */
typedef struct px_seg_keys {
    const px_kv *v;
    size_t n;
    uint64_t params;
} px_seg_keys;

typedef struct px_corpus_seg {
    size_t doc_base, nd; /* documents [doc_base, doc_base + nd) */
    px_seg_keys bands;   /* val: document number */
    px_seg_keys anchors; /* val: document << 32 | word position */
} px_corpus_seg;

/* Documents held in mapped segments (numbers below this); the rest were
 * added in memory. */
size_t px_corpus_nbase(const px_corpus *c);
size_t px_corpus_nsegs(const px_corpus *c);
const px_corpus_seg *px_corpus_seg_at(const px_corpus *c, size_t i);

/* Append documents [nbase, size) to the index file at path as one new
 * segment with the given sorted keys (creating the file when missing). */
px_result px_corpus_append(const px_corpus *c, const char *path,
                           const px_seg_keys *bands,
                           const px_seg_keys *anchors);

/* A range of document numbers [from, to). */
typedef struct px_range {
    size_t from, to;
} px_range;

/* Which stored keys a matcher uses. */
typedef enum px_key_kind { PX_KEYS_BANDS = 0, PX_KEYS_ANCHORS = 1 } px_key_kind;

/* Stored keys of kind in segment i when made with params, else NULL. */
const px_seg_keys *px_corpus_keys(const px_corpus *c, size_t i,
                                  px_key_kind kind, uint64_t params);
/* The documents whose keys of that kind and params are NOT stored (in
 * memory, or in segments made with other parameters), as ranges into
 * *out (caller frees); returns their number. */
size_t px_corpus_unkeyed(const px_corpus *c, px_key_kind kind, uint64_t params,
                         px_range **out);

/* First record of a sorted key array with key >= k. */
size_t px_kv_lower(const px_kv *v, size_t n, uint64_t k);

#endif /* PX_INDEX_CORPUS_INT_H */
