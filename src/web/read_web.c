/*
 * read_web.c - the readers' hooks for web formats (see read/read_int.h):
 * `.html`/`.htm` pages (gzip/zstd decoded by the stream) become one
 * article each through the extractor; `.warc` files (plain or gzip) become
 * one article per HTML response record.
 *
 * WARC files are read by path with the WARC reader's own gzip layer, which
 * resynchronises on the next member after corrupt data instead of giving up
 * on the file; its state lives in src->state between calls.  Page ids:
 * the file stem for pages, "stem@offset" (the record's offset in the
 * uncompressed archive) for WARC records; bylines go to `extra`.
 */
#include <stdio.h> /* fopen */
#include <string.h>

#include "parallax/extract.h"
#include "read/read_int.h"

px_result px_read_html_next(px_src *src, px_article **out) {
    *out = NULL;
    if (src->done) return PX_OK;
    src->done = 1;
    size_t cap = src->cap && src->cap < PX_EXTRACT_MAX_HTML
                     ? src->cap
                     : PX_EXTRACT_MAX_HTML;
    px_buf_clear(&src->scratch);
    px_result rc = px_stream_slurp(src->st, &src->scratch, cap);
    if (rc == PX_ERR_TOOBIG) {
        px_src_error(src, 0, rc, "page larger than the %zu-byte cap; skipped",
                     cap);
        return PX_OK;
    }
    if (rc) return rc;
    px_extract_opts o = {cap, 0, NULL, NULL, NULL};
    px_page *p = NULL;
    rc = px_page_extract(src->scratch.data, src->scratch.len, NULL, &o, &p);
    if (rc || !p->text_len) {
        px_src_error(src, 0, rc ? rc : PX_ERR_EMPTY, "%s",
                     rc ? "page could not be parsed"
                        : "no article text found in the page");
        px_page_free(p);
        return PX_OK;
    }
    *out = px_page_to_article(p);
    (*out)->id = px_strdup(src->stem);
    px_page_free(p);
    return PX_OK;
}

typedef struct warc_state {
    FILE *f;
    px_warc *w;
    px_src *src;
} warc_state;

static void warc_state_free(void *p) {
    warc_state *s = p;
    px_warc_free(s->w);
    if (s->f) fclose(s->f);
    px_free(s);
}

static void warc_error(void *ud, uint64_t off, px_result rc, const char *msg) {
    px_src_error(ud, 0, rc, "record at byte %llu: %s", (unsigned long long)off,
                 msg);
}

static warc_state *warc_open(px_src *src) {
    FILE *f = fopen(src->path, "rb");
    if (!f) {
        px_src_error(src, 0, PX_ERR_IO, "cannot open");
        return NULL;
    }
    warc_state *s = px_calloc(1, sizeof *s);
    s->f = f;
    px_warc_opts o = {warc_error, src, 0, {0, 0, NULL, NULL, NULL}};
    if (px_warc_new(f, &o, &s->w)) {
        warc_state_free(s);
        return NULL;
    }
    src->state = s;
    src->state_free = warc_state_free;
    return s;
}

px_result px_read_warc_next(px_src *src, px_article **out) {
    *out = NULL;
    warc_state *s = src->state;
    if (!s) {
        if (src->done) return PX_OK;
        src->done = 1;
        if (!(s = warc_open(src))) return PX_OK;
    }
    px_page *p = NULL;
    uint64_t off = 0;
    px_result rc = px_warc_next(s->w, &p, &off);
    if (!p) return rc;
    px_article *a = px_page_to_article(p);
    px_page_free(p);
    px_buf b = PX_BUF_INIT;
    px_buf_printf(&b, "%s@%llu", src->stem, (unsigned long long)off);
    a->id = px_buf_detach(&b, NULL);
    px_buf_printf(&b, "%s@%llu", src->path, (unsigned long long)off);
    a->origin = px_buf_detach(&b, NULL);
    *out = a;
    return PX_OK;
}
