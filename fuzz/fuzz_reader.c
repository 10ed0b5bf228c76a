/*
 * fuzz_reader.c - libFuzzer target for the readers' format dispatch and
 * the HTML reader (src/read/reader.c, formats.c, src/web/read_web.c): the
 * first input byte picks the name the rest is read under - an HTML page
 * (plain or ".gz"-named: the stream decodes by magic bytes), a file with
 * no or an unknown extension (sniffed: JSON Lines when it starts with
 * '{', else text), "-" (JSON Lines) - so the sniffing, the binary and
 * empty checks and the page-to-article path all see arbitrary bytes.
 * Every article handed out must carry an id and a non-empty text.  (WARC
 * is read by path, not from memory: fuzz_warc covers its reader.)
 * Seeds: fuzz/corpus/reader/.
 */
#include <stdlib.h> /* abort */

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const char *const names[] = {
        "dir/page.html", "page.htm.gz", "noext", "odd.xyz", "-", "a.NDJSON"};
    if (!size) return 0;
    const char *name = names[data[0] % (sizeof names / sizeof names[0])];
    px_read_opts o = {NULL, NULL, 16384};
    px_reader *r;
    if (px_reader_new_mem(name, data + 1, size - 1, &o, &r)) return 0;
    px_article *a;
    while (!px_reader_next(r, &a) && a) {
        if (!a->id || !a->id[0] || !a->text || !a->text_len) abort();
        px_article_free(a);
    }
    px_reader_free(r);
    return 0;
}
