/*
 * origins.h - where each document of a rank was read ("path:line"), kept
 * as one NUL-separated byte string with an offset table, for the messages
 * about ids repeated across ranks (ids.h).
 */
#ifndef PX_MPI_ORIGINS_H
#define PX_MPI_ORIGINS_H

#include "parallax.h"

typedef struct pxmpi_origins {
    px_buf text;  /* the strings, each with its NUL */
    size_t *at;   /* start of string i (owned) */
    size_t n, cap;
} pxmpi_origins;

/* Append s[0..len) as the next document's origin (copied). */
void pxmpi_origins_add(pxmpi_origins *o, const char *s, size_t len);
/* Origin of document i (owned by o, NUL-terminated), "" past the end. */
const char *pxmpi_origins_get(const pxmpi_origins *o, size_t i);
void pxmpi_origins_release(pxmpi_origins *o);

#endif /* PX_MPI_ORIGINS_H */
