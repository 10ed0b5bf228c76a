/*
 * extract.c - one HTML page to a px_page: charset, parse, metadata, body.
 *
 * The pipeline is: cap check -> UTF-8 (charset.c) -> compact tree
 * (html.c) -> metadata (meta.c) -> body blocks (score.c).  When scoring
 * finds far less text than the page's own JSON-LD articleBody, the
 * publisher's copy is taken instead (some pages render the body by script).
 */
#include <string.h>
#include <unistd.h> /* dup */
#include <zlib.h>

#include "parallax/extract.h"
#include "web/charset.h"
#include "web/html.h"
#include "web/meta.h"
#include "web/score.h"

static size_t opt_max_html(const px_extract_opts *o) {
    return o && o->max_html_bytes ? o->max_html_bytes : PX_EXTRACT_MAX_HTML;
}

/* "<p", "</": markup, not a less-than sign. */
static int has_tag(const char *s, size_t n) {
    for (const char *lt = s; (lt = memchr(lt, '<', n - (size_t)(lt - s)));) {
        if (++lt == s + n) return 0;
        char c = (char)(*lt | 0x20);
        if (*lt == '/' || (c >= 'a' && c <= 'z')) return 1;
    }
    return 0;
}

/* JSON-LD bodies are plain text or, on some sites, HTML again. */
static void ld_text(const char *ld, size_t n, size_t max_nodes, px_buf *out) {
    if (!has_tag(ld, n)) {
        px_buf_append(out, ld, n);
        return;
    }
    px_html h;
    if (!px_html_parse(&h, ld, n, max_nodes))
        px_score_body(&h, NULL, out, NULL, NULL);
    px_html_release(&h);
}

/* Use the JSON-LD body when the markup gave less than a third of it. */
static void body_fallback(px_buf *text, const char *ld, size_t max_nodes) {
    size_t n = ld ? strlen(ld) : 0;
    if (n < 200 || text->len * 3 >= n) return;
    px_buf alt = PX_BUF_INIT;
    ld_text(ld, n, max_nodes, &alt);
    if (alt.len > text->len * 2) {
        px_buf_release(text);
        *text = alt;
    } else {
        px_buf_release(&alt);
    }
}

static px_result extract_utf8(const char *html, size_t len, const char *url,
                              const px_extract_opts *o, px_page *p) {
    px_html h;
    size_t max_nodes = o && o->max_nodes ? o->max_nodes : PX_EXTRACT_MAX_NODES;
    px_result rc = px_html_parse(&h, html, len, max_nodes);
    if (!rc) {
        char *ld_body = NULL;
        px_meta_fill(&h, url, p, &ld_body);
        px_buf text = PX_BUF_INIT;
        rc = px_score_body(&h, p->title, &text, o ? o->explain : NULL,
                           o ? o->ud : NULL);
        body_fallback(&text, ld_body, max_nodes);
        px_free(ld_body);
        p->truncated = h.truncated;
        p->text = px_buf_detach(&text, &p->text_len);
    }
    px_html_release(&h);
    return rc;
}

px_result px_page_extract(const char *html, size_t len, const char *url,
                          const px_extract_opts *opts, px_page **out) {
    *out = NULL;
    if (len > opt_max_html(opts)) return PX_ERR_TOOBIG;
    if (!len) return PX_ERR_EMPTY;
    px_buf conv;
    px_buf_init(&conv, opt_max_html(opts) * 4 + 16);
    const char *u8;
    size_t n;
    px_result rc =
        px_charset_utf8(html, len, opts ? opts->charset : NULL, &conv, &u8, &n);
    px_page *p = px_calloc(1, sizeof *p);
    p->published_ts = PX_TIME_NONE;
    if (!rc) rc = extract_utf8(u8, n, url, opts, p);
    px_buf_release(&conv);
    if (rc)
        px_page_free(p);
    else
        *out = p;
    return rc;
}

/* Read a whole (maybe gzip'ed) stream, failing past max bytes. */
static px_result slurp_gz(gzFile g, size_t max, px_buf *b) {
    char tmp[65536];
    int k;
    while ((k = gzread(g, tmp, sizeof tmp)) > 0) {
        if (b->len + (size_t)k > max) return PX_ERR_TOOBIG;
        px_buf_append(b, tmp, (size_t)k);
    }
    int err;
    gzerror(g, &err);
    return k < 0 || (err != Z_OK && err != Z_BUF_ERROR) ? PX_ERR_PARSE : PX_OK;
}

/* 1 when a file's bytes are not a page: a NUL byte in the first 8 KiB
 * (executables, images, archives), unless a UTF-16 byte-order mark says
 * the NULs are half of UTF-16 code units.  The readers refuse such files
 * the same way (src/read/reader.c); without this an ELF binary given to
 * `parallax extract` came out as a "page" of mojibake. */
static int looks_binary(const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 2 &&
        ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return 0;
    return n && memchr(s, 0, n < 8192 ? n : 8192) != NULL;
}

px_result px_page_extract_file(const char *path, const px_extract_opts *opts,
                               px_page **out) {
    *out = NULL;
    gzFile g = strcmp(path, "-") ? gzopen(path, "rb") : gzdopen(dup(0), "rb");
    if (!g) return PX_ERR_IO;
    px_buf b = PX_BUF_INIT;
    px_result rc = slurp_gz(g, opt_max_html(opts), &b);
    gzclose(g);
    if (!rc && looks_binary(b.data, b.len)) rc = PX_ERR_BINARY;
    if (!rc) rc = px_page_extract(b.data, b.len, NULL, opts, out);
    px_buf_release(&b);
    return rc;
}

void px_page_free(px_page *p) {
    if (!p) return;
    px_free(p->url);
    px_free(p->title);
    px_free(p->byline);
    px_free(p->published);
    px_free(p->outlet);
    px_free(p->lang);
    px_free(p->text);
    px_free(p);
}

px_article *px_page_to_article(const px_page *p) {
    px_article *a = px_article_new();
    a->url = px_strdup(p->url);
    a->title = px_strdup(p->title);
    a->published = px_strdup(p->published);
    a->published_ts = p->published_ts;
    a->outlet = px_strdup(p->outlet);
    a->lang = px_strdup(p->lang);
    px_article_set_text(a, p->text ? p->text : "", p->text_len);
    if (p->byline) {
        px_buf b = PX_BUF_INIT;
        px_buf_puts(&b, "{\"byline\":");
        px_buf_json_str(&b, p->byline, strlen(p->byline));
        px_buf_putc(&b, '}');
        a->extra = px_buf_detach(&b, NULL);
    }
    return a;
}

px_result px_page_to_json(const px_page *p, const char *file, px_buf *out) {
    size_t before = out->len;
    px_buf_putc(out, '{');
    px_buf_json_field(out, "file", file, 1);
    px_buf_json_field(out, "url", p->url, 0);
    px_buf_json_field(out, "title", p->title, 0);
    px_buf_json_field(out, "byline", p->byline, 0);
    px_buf_json_field(out, "published", p->published, 0);
    px_buf_json_field(out, "outlet", p->outlet, 0);
    px_buf_json_field(out, "lang", p->lang, 0);
    px_buf_puts(out, ",\"text\":");
    px_buf_json_str(out, p->text ? p->text : "", p->text_len);
    px_result rc = px_buf_putc(out, '}');
    if (rc) out->len = before;
    return rc;
}
