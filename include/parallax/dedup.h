/*
 * parallax/dedup.h - near-duplicate documents: word shingles, MinHash
 * signatures, LSH banding and verified pairs with clusters.
 *
 * Pipeline over a px_corpus (parallax/corpus.h):
 *
 *   words -> shingles (n consecutive words, one 64-bit hash each)
 *         -> one-permutation MinHash with optimal densification: each
 *            shingle hash picks one of k bins and competes for its minimum,
 *            so the cost per shingle does not grow with k; empty bins borrow
 *            from a bin chosen by a fixed per-bin random sequence
 *            (Shrivastava 2017), which keeps P[bins equal] = Jaccard
 *         -> LSH: b bands of r rows, (b, r) chosen from the threshold by
 *            minimising the false-positive + false-negative areas under
 *            the S-curve among the choices that keep P(candidate) >= 0.99
 *            at the threshold; band keys are radix-sorted, equal keys give
 *            candidate pairs
 *         -> verification: exact Jaccard of the two shingle sets, and the
 *            containment of each document in the other
 *         -> union-find clusters over the verified pairs.
 *
 * Documents shorter than n words give one shingle (all their words);
 * empty documents have no shingles and never pair.
 */
#ifndef PARALLAX_DEDUP_H
#define PARALLAX_DEDUP_H

#include <stdint.h>
#include "parallax/core.h"
#include "parallax/corpus.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------ fingerprints */

#define PX_MINHASH_K_MAX 4096 /* signature length cap */
#define PX_SHINGLE_MAX 64     /* shingle length cap, in words */

/* Number of shingles px_shingle_hashes writes for nwords words. */
size_t px_shingle_count(size_t nwords, unsigned size);
/* Hash every run of `size` consecutive words of words[0..nwords) into
 * out[0..px_shingle_count()) (caller-owned).  Order-sensitive. */
void px_shingle_hashes(const uint32_t *words, size_t nwords, unsigned size,
                       uint64_t *out);

/* One-permutation MinHash with optimal densification of n shingle hashes
 * into sig[0..k) (caller-owned).  seed selects the hash family; two
 * signatures are comparable only with the same k and seed.  PX_ERR_EMPTY
 * when n == 0 (sig is then all 0xFFFFFFFF), PX_ERR_INVALID for a bad k. */
px_result px_minhash_sign(const uint64_t *shingles, size_t n, unsigned k,
                          uint64_t seed, uint32_t *sig);
/* Estimated Jaccard: the share of equal bins. */
double px_minhash_jaccard(const uint32_t *a, const uint32_t *b, unsigned k);

/* Choose bands * rows <= k for a Jaccard threshold (see the top comment).
 * PX_ERR_INVALID unless 0 < threshold <= 1 and 1 <= k <= PX_MINHASH_K_MAX. */
px_result px_lsh_params(double threshold, unsigned k, unsigned *bands,
                        unsigned *rows);
/* Probability that a pair at Jaccard s becomes an LSH candidate. */
double px_lsh_prob(double s, unsigned bands, unsigned rows);
/* The band keys of a signature of bands * rows (or more) bins into
 * keys[0..bands) (caller-owned): the keys px_dedup_run groups documents by,
 * for drivers that distribute the banding (src/mpi/). */
void px_lsh_band_keys(const uint32_t *sig, unsigned bands, unsigned rows,
                      uint64_t *keys);

/* ------------------------------------------------------------------ dedup */

typedef struct px_dedup_opts {
    double threshold;   /* report pairs with Jaccard >= this (0.8) */
    unsigned k;         /* signature length (128) */
    unsigned shingle;   /* words per shingle (5) */
    unsigned bands;     /* 0: chosen from threshold (with rows) */
    unsigned rows;
    unsigned threads;   /* 0: one per core */
    uint64_t seed;      /* hash family (fixed default) */
    uint32_t first_new; /* report only pairs with a document >= this */
    size_t max_bucket;  /* band buckets larger than this link each member
                           to the bucket's first only (1000) */
} px_dedup_opts;

void px_dedup_opts_init(px_dedup_opts *o);
/* Validate o and resolve its banding (given bands and rows, else chosen
 * from the threshold); PX_ERR_INVALID if unusable. */
px_result px_dedup_banding(const px_dedup_opts *o, unsigned *bands,
                           unsigned *rows);

/* One verified near-duplicate pair (a < b, document numbers). */
typedef struct px_dup_pair {
    uint32_t a, b;
    double jaccard;    /* exact, over the shingle sets */
    double contain_ab; /* |A & B| / |A|: share of a found in b */
    double contain_ba; /* |A & B| / |B| */
} px_dup_pair;

/* Find the near-duplicate pairs of a corpus.  *pairs (caller frees with
 * px_free) is sorted by (a, b).  Documents of a loaded index whose band
 * keys were stored with the same parameters are not signed again: new
 * documents are looked up in the stored sorted keys. */
px_result px_dedup_run(const px_corpus *c, const px_dedup_opts *o,
                       px_dup_pair **pairs, size_t *npairs);

/* Exact Jaccard and containments of two word sequences' shingle sets. */
void px_dedup_compare(const uint32_t *a, size_t na, const uint32_t *b,
                      size_t nb, unsigned shingle, px_dup_pair *out);

/* Union-find over pairs: root[i] (ndocs entries, caller frees) is the
 * smallest document number of i's cluster (i itself when alone). */
px_result px_dedup_clusters(size_t ndocs, const px_dup_pair *pairs,
                            size_t npairs, uint32_t **root);

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_DEDUP_H */
