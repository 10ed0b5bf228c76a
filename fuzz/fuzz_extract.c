/*
 * fuzz_extract.c - libFuzzer target for the HTML extractor: any bytes in,
 * a page or a clean error out, never a crash or a leak.  Caps are small so
 * the fuzzer explores structure, not size.
 */
#include <stddef.h>
#include <stdint.h>

#include "parallax.h"

static void sink(void *ud, int kept, const char *reason, const char *where,
                 const char *text, size_t n) {
    size_t *total = ud;
    *total += (size_t)kept + n + (reason[0] != 0) + (where[0] != 0) +
              (n ? (unsigned char)text[0] : 0u);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    size_t total = 0;
    px_extract_opts o = {1 << 20, 20000, NULL, sink, &total};
    px_page *p = NULL;
    if (px_page_extract((const char *)data, size, "https://example.com/a", &o,
                        &p) == PX_OK) {
        px_buf b = PX_BUF_INIT;
        px_page_to_json(p, "fuzz", &b);
        px_article_free(px_page_to_article(p));
        px_buf_release(&b);
    }
    px_page_free(p);
    return 0;
}
