/*
 * rec.c - sorting parallax-mpi's records (see rec.h).
 */
#include <stdlib.h> /* qsort, bsearch */

#include "mpi/rec.h"

static int cmp_u64(const void *x, const void *y) {
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

static int cmp_rec(const void *x, const void *y) {
    const pxmpi_rec *a = x, *b = y;
    int c = cmp_u64(&a->key, &b->key);
    return c ? c : cmp_u64(&a->val, &b->val);
}

void pxmpi_rec_sort(pxmpi_rec *r, size_t n) {
    if (n) qsort(r, n, sizeof *r, cmp_rec);
}

size_t pxmpi_rec_find(const pxmpi_rec *r, size_t n, uint64_t k) {
    const pxmpi_rec *hit = n ? bsearch(&k, r, n, sizeof *r, cmp_u64) : NULL;
    return hit ? (size_t)(hit - r) : n;
}

size_t pxmpi_u64_unique(uint64_t *v, size_t n) {
    if (n) qsort(v, n, sizeof *v, cmp_u64);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (!u || v[i] != v[u - 1]) v[u++] = v[i];
    return u;
}
