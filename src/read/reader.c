/*
 * reader.c - FIRST CUT: every path is one plain-text article (id = file
 * stem).  Directories, JSON Lines, compression and error reporting are
 * built on this interface (see parallax/read.h).
 */
#include <stdio.h>  /* fopen */
#include <string.h> /* strrchr */

#include "parallax/read.h"

struct px_reader {
    char **paths;
    size_t n, next, nerr;
    px_read_opts opts;
};

px_result px_reader_new(const char *const *paths, size_t npaths,
                        const px_read_opts *opts, px_reader **out) {
    px_reader *r = px_calloc(1, sizeof *r);
    r->paths = px_calloc(npaths ? npaths : 1, sizeof *r->paths);
    for (size_t i = 0; i < npaths; i++) r->paths[i] = px_strdup(paths[i]);
    r->n = npaths;
    if (opts) r->opts = *opts;
    *out = r;
    return PX_OK;
}

static px_article *read_txt(px_reader *r, const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        r->nerr++;
        if (r->opts.on_error)
            r->opts.on_error(r->opts.ud, path, 0, PX_ERR_IO, "cannot open");
        return NULL;
    }
    px_buf b = PX_BUF_INIT;
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0) px_buf_append(&b, tmp, k);
    fclose(f);
    px_article *a = px_article_new();
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    a->id = px_strndup(base, dot ? (size_t)(dot - base) : strlen(base));
    a->origin = px_strdup(path);
    a->text = px_buf_detach(&b, &a->text_len);
    return a;
}

px_result px_reader_next(px_reader *r, px_article **out) {
    *out = NULL;
    while (r->next < r->n && !*out) *out = read_txt(r, r->paths[r->next++]);
    return PX_OK;
}

size_t px_reader_nerrors(const px_reader *r) { return r->nerr; }

void px_reader_free(px_reader *r) {
    if (!r) return;
    for (size_t i = 0; i < r->n; i++) px_free(r->paths[i]);
    px_free(r->paths);
    px_free(r);
}
