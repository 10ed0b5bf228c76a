/*
 * fuzz_url.c - libFuzzer target for the HTTP request-target parser of
 * `parallax serve` (px_url_parse): whatever the bytes, it returns a code,
 * never reads outside the input, and on success every segment is
 * non-empty, free of control bytes and not "." or ".." (a "%2F" may
 * decode to '/' inside one: ids may hold slashes), and every parameter
 * is found again by px_url_get.
 */
#include <stdlib.h> /* abort */
#include <string.h>

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_str(const char *s) {
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    px_url u;
    px_result rc = px_url_parse((const char *)data, size, &u);
    if (rc) {
        if (u.buf || u.nseg || u.nparam) abort();
        return 0;
    }
    if (u.nseg > PX_URL_MAX_SEGS || u.nparam > PX_URL_MAX_PARAMS) abort();
    for (size_t i = 0; i < u.nseg; i++) {
        const char *s = u.seg[i];
        if (!*s || !strcmp(s, ".") || !strcmp(s, ".."))
            abort();
        check_str(s);
    }
    for (size_t i = 0; i < u.nparam; i++) {
        check_str(u.param[i].key);
        check_str(u.param[i].val);
        if (!px_url_get(&u, u.param[i].key)) abort();
    }
    px_url_release(&u);
    return 0;
}
