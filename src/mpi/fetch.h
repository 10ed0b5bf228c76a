/*
 * fetch.h - documents of other ranks, on demand (parallax-mpi).
 *
 * A rank that verifies a pair, or prints it, needs data of documents read
 * by other ranks: their word hashes (4 bytes a word) or their ids.  Fetch
 * is two exchanges: the global numbers each rank wants go to the ranks
 * holding them (pxmpi_shard_owner), and the owners answer with one blob
 * per document, made by a pack callback: (number, length, bytes padded to
 * 8) records.  The result is a table sorted by document number.
 */
#ifndef PX_MPI_FETCH_H
#define PX_MPI_FETCH_H

#include "mpi/rec.h"
#include "mpi/shard.h"

/* Append document `local` of s's corpus to out, as the requester needs it. */
typedef void (*pxmpi_pack_fn)(const pxmpi_shard *s, uint32_t local,
                              px_buf *out);

typedef struct pxmpi_docs {
    pxmpi_rec *idx;  /* (global number, offset of its blob in raw), sorted
                        (owned); the blob's length is the 8 bytes before */
    size_t n;
    pxmpi_recv raw;  /* the replies, holding the blobs */
} pxmpi_docs;

/* Fetch the blobs of global documents want[0..n) (any order, duplicates
 * allowed) into *out (release with pxmpi_docs_release).  Collective. */
px_result pxmpi_fetch(const pxmpi_comm *c, const pxmpi_shard *s,
                      const uint64_t *want, size_t n, pxmpi_pack_fn pack,
                      pxmpi_docs *out);
/* Blob of document g (NULL if it was not fetched); *len its bytes. */
const void *pxmpi_docs_get(const pxmpi_docs *d, uint64_t g, size_t *len);
void pxmpi_docs_release(pxmpi_docs *d);

/* Pack callbacks: the word hashes, or the id (without NUL). */
void pxmpi_pack_words(const pxmpi_shard *s, uint32_t local, px_buf *out);
void pxmpi_pack_id(const pxmpi_shard *s, uint32_t local, px_buf *out);

#endif /* PX_MPI_FETCH_H */
