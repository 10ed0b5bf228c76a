/*
 * fuzz_txt.c - libFuzzer target for the plain-text reader: binary and
 * empty-input detection, title recognition, compressed input by magic
 * bytes, and the size cap (small here, so it is hit).  An article must come
 * back with its bytes exactly as given when the input is not compressed.
 */
#include <stdlib.h> /* abort */
#include <string.h> /* memcmp */

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    px_read_opts o = {NULL, NULL, 8192};
    px_reader *r;
    if (px_reader_new_mem("dir/fuzz.txt", data, size, &o, &r)) return 0;
    px_article *a;
    int compressed = size >= 2 && ((data[0] == 0x1f && data[1] == 0x8b) ||
                                   (data[0] == 0x28 && data[1] == 0xb5));
    while (!px_reader_next(r, &a) && a) {
        if (strcmp(a->id, "fuzz")) abort();
        if (!compressed && (a->text_len != size || memcmp(a->text, data, size)))
            abort();
        if (a->title && !strstr(a->text, a->title)) abort();
        px_article_free(a);
    }
    px_reader_free(r);
    return 0;
}
