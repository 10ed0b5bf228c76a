/*
 * exchange.c - all-to-all byte exchange of parallax-mpi (see exchange.h).
 */
#include <limits.h> /* INT_MAX */

#include "mpi/exchange.h"

/* 1 when every count and the running displacement fit an int. */
static int fits_int(const uint64_t *n, int size) {
    uint64_t total = 0;
    for (int r = 0; r < size; r++) total += n[r];
    return total <= INT_MAX;
}

/* int counts and displacements of n[0..size). */
static void to_ints(const uint64_t *n, int size, int *cnt, int *disp) {
    int at = 0;
    for (int r = 0; r < size; r++) {
        cnt[r] = (int)n[r];
        disp[r] = at;
        at += cnt[r];
    }
}

px_result pxmpi_exchange(const pxmpi_comm *c, px_buf *send, pxmpi_recv *out) {
    int p = c->size;
    uint64_t *ns = px_malloc(2 * (size_t)p * sizeof *ns), *nr = ns + p;
    int *iv = px_malloc(4 * (size_t)p * sizeof *iv);
    for (int r = 0; r < p; r++) ns[r] = send[r].len;
    MPI_Alltoall(ns, 1, MPI_UINT64_T, nr, 1, MPI_UINT64_T, c->comm);
    int ok = fits_int(ns, p) && fits_int(nr, p), all_ok = 0;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, c->comm);
    px_result rc = all_ok ? PX_OK : PX_ERR_TOOBIG;
    out->data = NULL;
    out->from = px_calloc((size_t)p + 1, sizeof *out->from);
    if (!rc) {
        to_ints(ns, p, iv, iv + p);
        to_ints(nr, p, iv + 2 * p, iv + 3 * p);
        for (int r = 0; r < p; r++) out->from[r + 1] = out->from[r] + nr[r];
        out->data = px_malloc(out->from[p] + 1);
        px_buf packed = PX_BUF_INIT;
        for (int r = 0; r < p; r++) px_buf_append(&packed, send[r].data, send[r].len);
        MPI_Alltoallv(packed.data, iv, iv + p, MPI_BYTE, out->data, iv + 2 * p,
                      iv + 3 * p, MPI_BYTE, c->comm);
        px_buf_release(&packed);
    }
    for (int r = 0; r < p; r++) px_buf_release(&send[r]);
    px_free(ns);
    px_free(iv);
    return rc;
}

void pxmpi_recv_release(pxmpi_recv *r) {
    px_free(r->data);
    px_free(r->from);
    r->data = NULL;
    r->from = NULL;
}

uint64_t pxmpi_sum(const pxmpi_comm *c, uint64_t v) {
    uint64_t s = 0;
    MPI_Allreduce(&v, &s, 1, MPI_UINT64_T, MPI_SUM, c->comm);
    return s;
}
