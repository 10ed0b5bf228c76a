/*
 * report.h - rank 0 prints the distributed dedup result in the formats of
 * `parallax dedup` (text, or JSON Lines: docs/dedup.md), so that the two
 * commands' outputs are byte-identical on the same inputs.
 *
 * The ids of the documents in pairs are fetched from their readers (only
 * those: rank 0 never holds the whole corpus); clusters come from
 * px_dedup_clusters over the global document numbers.
 */
#ifndef PX_MPI_REPORT_H
#define PX_MPI_REPORT_H

#include <stdio.h>

#include "mpi/shard.h"

/* Print pairs[0..n) (rank 0's, sorted; none elsewhere) and their clusters
 * to out on rank 0; *nclusters receives their number there.  Collective. */
px_result pxmpi_report(const pxmpi_comm *c, const pxmpi_shard *s,
                       const px_dup_pair *pairs, size_t n, int json,
                       FILE *out, size_t *nclusters);

#endif /* PX_MPI_REPORT_H */
