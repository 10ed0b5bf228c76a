/*
 * fuzz_compare.c - libFuzzer target: compare two texts (the input split at
 * its first NUL byte, or in half) and render JSON; checks evidence spans.
 */
#include <stdlib.h>
#include <string.h>

#include "parallax.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
    const char *s = (const char *)data;
    const char *nul = memchr(s, 0, size);
    size_t na = nul ? (size_t)(nul - s) : size / 2;
    size_t off = nul ? na + 1 : na;
    px_doc *d[2] = {NULL, NULL};
    if (px_doc_new(s, na, NULL, &d[0]) ||
        px_doc_new(s + off, size - off, NULL, &d[1]))
        goto out;
    px_compare_src src[2] = {{d[0], NULL}, {d[1], NULL}};
    px_compare *c;
    if (px_compare_new(src, 2, NULL, &c)) goto out;
    size_t n;
    const px_finding *f = px_compare_findings(c, &n);
    for (size_t i = 0; i < n; i++)
        for (size_t e = 0; e < f[i].nev; e++)
            if (f[i].ev[e].span.end > (f[i].ev[e].article ? size - off : na))
                abort();
    px_buf b = PX_BUF_INIT;
    px_compare_to_json(c, &b);
    px_buf_release(&b);
    px_compare_free(c);
out:
    px_doc_free(d[0]);
    px_doc_free(d[1]);
    return 0;
}
