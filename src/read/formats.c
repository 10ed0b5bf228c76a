/*
 * formats.c - the table of input formats, keyed by file extension.
 *
 * This is the hook where further readers plug in (HTML and WARC come
 * through the extractor, src/web/read_web.c).  Compression is
 * not a format: ".gz" and ".zst" are stripped before the lookup and the
 * stream decodes by magic bytes.
 */
#include <string.h>  /* strrchr, strlen */
#include <strings.h> /* strcasecmp, strncasecmp */

#include "read/read_int.h"

static const px_read_format formats[] = {
    {".txt", px_read_txt_next, 0},     {".text", px_read_txt_next, 0},
    {".jsonl", px_read_jsonl_next, 0}, {".ndjson", px_read_jsonl_next, 0},
    {".json", px_read_json_next, 0},   {".html", px_read_html_next, 0},
    {".htm", px_read_html_next, 0},    {".warc", px_read_warc_next, 1},
};

const px_read_format *px_read_format_named(const char *ext) {
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (!strcasecmp(ext, formats[i].ext)) return &formats[i];
    return NULL;
}

/* Length of name without a trailing compression suffix. */
static size_t strip_compression(const char *name, size_t n) {
    static const char *const suffixes[] = {".gz", ".zst"};
    for (size_t i = 0; i < 2; i++) {
        size_t k = strlen(suffixes[i]);
        if (n > k && !strncasecmp(name + n - k, suffixes[i], k)) return n - k;
    }
    return n;
}

const px_read_format *px_read_format_for(const char *name) {
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    size_t n = strip_compression(base, strlen(base));
    for (size_t i = n; i > 0; i--) {
        if (base[i - 1] != '.') continue;
        char ext[16];
        if (n - (i - 1) >= sizeof ext) return NULL;
        memcpy(ext, base + i - 1, n - (i - 1));
        ext[n - (i - 1)] = '\0';
        return px_read_format_named(ext);
    }
    return NULL;
}
