/*
 * dist_dedup.h - near-duplicate pairs over the ranks of an MPI job, equal
 * to px_dedup_run on the whole corpus (parallax/dedup.h).
 *
 * Each rank signs its own documents with the library (px_shingle_hashes,
 * px_minhash_sign, px_lsh_band_keys), and sends every (band key, document)
 * record to the rank owning that key (key mod ranks: the band-key space is
 * hash-partitioned).  A key's whole bucket then sits on one rank, which
 * sorts its records by (key, document) and turns each bucket into pairs
 * with px_dedup_run's rules (all pairs; a bucket larger than max_bucket
 * links each member to its first).  Candidate pairs go to the rank owning
 * the pair (hash mod ranks), which removes the duplicates that several
 * bands produce, fetches the word hashes of both documents from their
 * readers (fetch.h) and verifies with px_dedup_compare.  The verified pairs
 * are gathered and sorted on rank 0.
 */
#ifndef PX_MPI_DIST_DEDUP_H
#define PX_MPI_DIST_DEDUP_H

#include "mpi/shard.h"

/* The verified pairs, by global document number, sorted by (a, b), into
 * *pairs (caller frees) on rank 0; other ranks get none.  PX_ERR_INVALID
 * for unusable options, PX_ERR_TOOBIG past the exchange or corpus caps.
 * Collective. */
px_result pxmpi_dedup(const pxmpi_comm *c, const pxmpi_shard *s,
                      const px_dedup_opts *o, px_dup_pair **pairs,
                      size_t *npairs);

#endif /* PX_MPI_DIST_DEDUP_H */
