/*
 * ids.h - one document per id across the ranks of parallax-mpi.
 *
 * `parallax dedup` reads through one reader, which reports an id read
 * twice and skips the second article.  Each rank's reader does the same
 * within its slots; this pass does it across ranks: every document's
 * (id hash, global number, id, origin) goes to the rank owning the hash,
 * which finds equal ids (compared in full, not by hash) and answers the
 * holder of every later one (larger global number) with the origin of the
 * first.  The holder reports "ORIGIN: duplicate id "ID" (first read at
 * ORIGIN); skipped" as the reader does, and drops the document before the
 * final numbering.  Cost: about 40 bytes plus the id and origin per
 * document, once.
 */
#ifndef PX_MPI_IDS_H
#define PX_MPI_IDS_H

#include "mpi/shard.h"

/* Mark this rank's documents whose id a document with a smaller global
 * number has (s->global[d] = PXMPI_DROPPED), reporting each on stderr;
 * returns how many.  Needs the provisional numbering.  Collective. */
px_result pxmpi_ids_unique(const pxmpi_comm *c, const char *cmd,
                           pxmpi_shard *s, size_t *ndropped);

#endif /* PX_MPI_IDS_H */
