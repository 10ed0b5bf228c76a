/*
 * core.c - result strings, version, allocation wrappers and hashing.
 *
 * Allocation: one set of wrappers so that every allocation of the library
 * goes through one place.  px_malloc & co. abort on exhaustion (a library
 * that processes news has nothing sensible to do then); px_try_* return
 * NULL for the few callers whose size comes from untrusted input.
 */
#include <stdio.h>  /* fprintf */
#include <stdlib.h> /* malloc, abort */
#include <string.h> /* memcpy, strlen */

#define XXH_INLINE_ALL
#include <xxhash.h> /* XXH3_64bits_withSeed */

#include "parallax/core.h"

static const char *const result_names[] = {
    [PX_OK] = "ok",
    [PX_ERR_NOMEM] = "out of memory",
    [PX_ERR_IO] = "input/output error",
    [PX_ERR_INVALID] = "invalid argument",
    [PX_ERR_UTF8] = "invalid UTF-8",
    [PX_ERR_JSON] = "malformed JSON",
    [PX_ERR_DUPLICATE] = "duplicate",
    [PX_ERR_TOOBIG] = "too big",
    [PX_ERR_EMPTY] = "empty",
    [PX_ERR_BINARY] = "binary data",
    [PX_ERR_STORE] = "store error",
    [PX_ERR_NOTFOUND] = "not found",
    [PX_ERR_PARSE] = "parse error",
    [PX_ERR_UNSUPPORTED] = "unsupported",
    [PX_ERR_INTERNAL] = "internal error",
    [PX_ERR_SCHEMA] = "store schema too new",
};

const char *px_result_str(px_result rc) {
    size_t i = (size_t)rc;
    if (i < sizeof result_names / sizeof result_names[0] && result_names[i])
        return result_names[i];
    return "unknown error";
}

const char *px_version(void) {
    return "0.1.0";
}

static void oom(size_t n) {
    fprintf(stderr, "parallax: out of memory allocating %zu bytes\n", n);
    abort();
}

void *px_try_malloc(size_t n) {
    return malloc(n ? n : 1);
}
void *px_try_realloc(void *p, size_t n) {
    return realloc(p, n ? n : 1);
}

void *px_malloc(size_t n) {
    void *p = px_try_malloc(n);
    if (!p) oom(n);
    return p;
}

void *px_calloc(size_t count, size_t size) {
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p) oom(count * size);
    return p;
}

void *px_realloc(void *p, size_t n) {
    void *q = px_try_realloc(p, n);
    if (!q) oom(n);
    return q;
}

char *px_strndup(const char *s, size_t n) {
    if (!s) return NULL;
    char *d = px_malloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *px_strdup(const char *s) {
    return s ? px_strndup(s, strlen(s)) : NULL;
}

void px_free(void *p) {
    free(p);
}

uint64_t px_hash64(const void *p, size_t n, uint64_t seed) {
    return XXH3_64bits_withSeed(p, n, seed);
}
