/*
 * fuzz_warc.c - libFuzzer target for the WARC reader: records, lengths,
 * gzip members and HTTP payloads from arbitrary bytes.
 */
#include <stdint.h>
#include <stdio.h>

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!size) return 0;
    FILE *f = fmemopen((void *)data, size, "rb");
    if (!f) return 0;
    px_warc_opts o = {NULL, NULL, 1 << 20, {1 << 20, 20000, NULL, NULL, NULL}};
    px_warc *w;
    if (px_warc_new(f, &o, &w) == PX_OK) {
        px_page *p;
        for (int i = 0; i < 1000 && !px_warc_next(w, &p, NULL) && p; i++)
            px_page_free(p);
        px_warc_free(w);
    }
    fclose(f);
    return 0;
}
