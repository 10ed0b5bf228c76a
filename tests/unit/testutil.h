/*
 * testutil.h - shared includes for the cmocka unit tests.
 *
 * Each tests/unit/test_<module>.c is one binary linked with libparallax.a.
 * Tests that read ../shared data call px_test_shared() and skip when absent.
 */
#ifndef PX_TESTUTIL_H
#define PX_TESTUTIL_H

#include <setjmp.h> /* cmocka needs these before cmocka.h */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "parallax.h"

/* Path of a file under ../shared (relative to the repository root, where
 * tests run), or NULL when it is not present on this machine. */
static inline const char *px_test_shared(const char *rel, char *buf, size_t n) {
    snprintf(buf, n, "../shared/%s", rel);
    FILE *f = fopen(buf, "rb");
    if (!f) return NULL;
    fclose(f);
    return buf;
}

/* Read a whole file into a px_malloc'd NUL-terminated buffer. */
static inline char *px_test_slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    px_buf b = PX_BUF_INIT;
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0) px_buf_append(&b, tmp, k);
    fclose(f);
    return px_buf_detach(&b, len);
}

#endif /* PX_TESTUTIL_H */
