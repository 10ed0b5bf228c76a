/*
 * fuzz_jsonl.c - libFuzzer target for the JSON readers: JSON Lines, and
 * JSON arrays (inputs whose first non-blank byte is '['), with the decoding
 * stream beneath them (inputs starting with gzip or zstd magic are inflated
 * first).  Reads the whole input from memory (as a ".json" file, which
 * takes both paths) with a small size cap so overlong lines and arrays are
 * exercised too; every article must carry an id and text.
 */
#include <stdlib.h> /* abort */

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    px_read_opts o = {NULL, NULL, 4096};
    px_reader *r;
    if (px_reader_new_mem("fuzz.json", data, size, &o, &r)) return 0;
    px_article *a;
    while (!px_reader_next(r, &a) && a) {
        if (!a->id || !a->text || !a->text_len) abort();
        px_article_free(a);
    }
    px_reader_free(r);
    return 0;
}
