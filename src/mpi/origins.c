/*
 * origins.c - per-document origins of a rank (see origins.h).
 */
#include "mpi/origins.h"

void pxmpi_origins_add(pxmpi_origins *o, const char *s, size_t len) {
    if (o->n == o->cap) {
        o->cap = o->cap ? 2 * o->cap : 1024;
        o->at = px_realloc(o->at, o->cap * sizeof *o->at);
    }
    o->at[o->n++] = o->text.len;
    px_buf_append(&o->text, s, len);
    px_buf_append(&o->text, "", 1);
}

const char *pxmpi_origins_get(const pxmpi_origins *o, size_t i) {
    return i < o->n ? o->text.data + o->at[i] : "";
}

void pxmpi_origins_release(pxmpi_origins *o) {
    px_buf_release(&o->text);
    px_free(o->at);
    *o = (pxmpi_origins){PX_BUF_INIT, NULL, 0, 0};
}
