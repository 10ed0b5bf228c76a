/*
 * rec.h - the flat records parallax-mpi sorts: (key, value) pairs of
 * 64-bit numbers (band key and document, cluster root and member) and
 * plain 64-bit numbers (candidate pairs, document numbers).  Each rank
 * sorts only its own slice, so qsort is enough.
 */
#ifndef PX_MPI_REC_H
#define PX_MPI_REC_H

#include <stddef.h>
#include <stdint.h>

typedef struct pxmpi_rec {
    uint64_t key, val;
} pxmpi_rec;

/* Sort r[0..n) by (key, val). */
void pxmpi_rec_sort(pxmpi_rec *r, size_t n);
/* Index of a record of sorted r[0..n) with key k (keys unique), or n. */
size_t pxmpi_rec_find(const pxmpi_rec *r, size_t n, uint64_t k);
/* Sort v[0..n) and drop repeats; returns the number left. */
size_t pxmpi_u64_unique(uint64_t *v, size_t n);

#endif /* PX_MPI_REC_H */
