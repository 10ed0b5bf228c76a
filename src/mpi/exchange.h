/*
 * exchange.h - the collectives of the Open MPI driver (parallax-mpi).
 *
 * Every phase of the distributed matchers is "each rank sends some bytes to
 * every rank": band keys to the owner of their slice of the key space,
 * candidate pairs to the owner of the pair, document requests to the
 * reading rank and the replies back.  pxmpi_exchange is that one step:
 * MPI_Alltoall of the byte counts, one collective size check (MPI counts
 * and displacements are ints: at most 2 GiB received per rank per step,
 * else every rank gets PX_ERR_TOOBIG together, never a hang), then
 * MPI_Alltoallv.  Records are sent as raw bytes between ranks of one job
 * (same binary, same byte order).
 */
#ifndef PX_MPI_EXCHANGE_H
#define PX_MPI_EXCHANGE_H

#include <mpi.h>

#include "parallax.h"

typedef struct pxmpi_comm {
    MPI_Comm comm;
    int rank, size;
} pxmpi_comm;

/* Bytes received from every rank: rank r's part is
 * data[from[r] .. from[r + 1]) (from has size + 1 entries). */
typedef struct pxmpi_recv {
    char *data;   /* owned */
    size_t *from; /* owned */
} pxmpi_recv;

/* Send send[r] (size entries, caller-owned; emptied on return) to rank r
 * and receive every rank's part for this rank into *out (release with
 * pxmpi_recv_release).  Collective: every rank gets the same result code. */
px_result pxmpi_exchange(const pxmpi_comm *c, px_buf *send, pxmpi_recv *out);
void pxmpi_recv_release(pxmpi_recv *r);

/* The sum over all ranks of v (collective). */
uint64_t pxmpi_sum(const pxmpi_comm *c, uint64_t v);

#endif /* PX_MPI_EXCHANGE_H */
