/*
 * shard.h - which rank of parallax-mpi reads which input, and the global
 * document numbers that make its output identical to `parallax dedup`.
 *
 * The inputs are cut into slots, in input order: an uncompressed JSON
 * Lines file (.jsonl, .ndjson) becomes one slot per rank, rank r reading
 * the r-th byte range with both ends moved forward to the next line start
 * (every rank computes the same cut, so each line is read exactly once);
 * any other input (a file, a directory, a compressed file) is one slot
 * read whole by rank (k mod size) for the k-th such input.  Each rank reads
 * its slots with the library readers and builds a px_corpus of them (the
 * same cleaning and tokenising as `parallax dedup`); then one all-reduce
 * of the per-slot document counts gives every slot the global number of
 * its first document: the slots' documents in slot order are the
 * documents in the order one `parallax dedup` over the same inputs reads
 * them.  Error messages give file:line in the whole file (a second
 * all-reduce of per-slot line counts).
 *
 * An id read again on another rank is dropped by ids.h before the final
 * numbering, as the single reader of `parallax dedup` skips it.
 * Inputs must be visible at the same paths on every node (shared disk).
 */
#ifndef PX_MPI_SHARD_H
#define PX_MPI_SHARD_H

#include "mpi/exchange.h"
#include "mpi/origins.h"

#define PXMPI_DROPPED UINT64_MAX /* global number of a dropped document */

typedef struct pxmpi_slot {
    const char *path;  /* the input (borrowed from the arguments) */
    int owner;         /* rank that reads it */
    int split;         /* 1: a byte range of a JSON Lines file */
    uint64_t base;     /* global number of its first document */
    uint64_t ndocs;    /* its documents (all ranks agree) */
    uint64_t nread;    /* documents the owner added to its corpus */
    uint64_t local;    /* owner's number of its first kept document */
    uint64_t lines;    /* newlines in its byte range (split slots) */
} pxmpi_slot;

typedef struct pxmpi_shard {
    int rank;
    px_corpus *corpus;  /* this rank's documents, in global order (owned) */
    pxmpi_slot *slots;  /* owned */
    size_t nslots;
    uint64_t ndocs;     /* documents of all ranks */
    uint64_t *global;   /* global number of each corpus document, or
                           PXMPI_DROPPED (owned) */
    uint32_t *kept;     /* corpus number of each kept document (owned) */
    pxmpi_origins origins; /* where each corpus document was read */
    size_t nbad;        /* inputs or lines this rank could not use */
} pxmpi_shard;

/* Read this rank's share of paths[0..n) into *out (release with
 * pxmpi_shard_release).  Problems are reported on stderr as
 * "CMD: file:line: reason" and counted in nbad; threads build the
 * documents (0: one per core).  Collective. */
px_result pxmpi_shard_read(const pxmpi_comm *c, const char *cmd,
                           char *const *paths, int n, unsigned threads,
                           pxmpi_shard *out);
/* Rank holding global document g; *local receives its corpus number
 * there (meaningful on that rank). */
int pxmpi_shard_owner(const pxmpi_shard *s, uint64_t g, uint32_t *local);
void pxmpi_shard_release(pxmpi_shard *s);

/* "parallax-mpi CMD: WHERE[:LINE]: MSG" on stderr in one write (the ranks
 * share it); line 0: none. */
void pxmpi_shard_say(const char *cmd, const char *where, int where_len,
                     unsigned long long line, const char *msg);

#endif /* PX_MPI_SHARD_H */
