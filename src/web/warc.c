/*
 * warc.c - WARC 1.0/1.1 reader: response records with HTML payloads,
 * extracted page by page.
 *
 * Layers, bottom up:
 *   src_*   bytes from the file, inflated when it is gzip (one member per
 *           record, members concatenated; a corrupt member is reported and
 *           the reader resynchronises on the next gzip magic), with a
 *           push-back buffer so the record layer can return bytes it read
 *           too far;
 *   rec_*   one record: "WARC/1.x" line, named fields, a block of
 *           Content-Length bytes, CRLF CRLF.  The length is not trusted:
 *           a block that contains the next record's start is cut there
 *           (overstated length); a block not followed by CRLF CRLF is
 *           extended up to the next "WARC/1." line (understated length).
 *           Garbage between records is skipped to the next "WARC/1." line.
 *   http_*  the HTTP response inside: status, Content-Type (HTML only,
 *           charset kept), chunked transfer and gzip/deflate content
 *           encodings undone, then the page extractor.
 * Every problem is reported with the record's offset in the uncompressed
 * stream; nothing is fatal except I/O errors.
 */
#include <stdlib.h> /* strtoull */
#include <string.h>
#include <strings.h> /* strncasecmp */
#include <zlib.h>

#include "parallax/extract.h"

#define LINE_MAX_BYTES 65536 /* one header line */
#define HEADER_MAX     ((size_t)1 << 20)
#define CHUNK          65536

/* ------------------------------------------------------------ byte source */

typedef struct src {
    FILE *f;
    int gz, eof, z_live;
    z_stream z;
    unsigned char in[CHUNK];
    unsigned char out[CHUNK];
    size_t out_pos, out_len;
    px_buf back; /* pushed-back bytes, read first */
    size_t back_pos;
    uint64_t pos; /* bytes handed out so far */
} src;

struct px_warc {
    src s;
    px_warc_opts o;
    size_t nerr;
    size_t nrec; /* records seen */
};

static void report(px_warc *w, uint64_t off, px_result rc, const char *msg) {
    w->nerr++;
    if (w->o.on_error) w->o.on_error(w->o.ud, off, rc, msg);
}

/* Skip compressed input up to the next gzip member header. */
static void gz_resync(src *s) {
    for (;;) {
        for (size_t i = 0; i + 2 < s->z.avail_in; i++) {
            const unsigned char *p = s->z.next_in + i;
            if (p[0] == 0x1f && p[1] == 0x8b && p[2] == 8) {
                s->z.next_in += i;
                s->z.avail_in -= (uInt)i;
                inflateReset(&s->z);
                return;
            }
        }
        size_t keep = s->z.avail_in < 2 ? s->z.avail_in : 2;
        memmove(s->in, s->z.next_in + s->z.avail_in - keep, keep);
        size_t k = fread(s->in + keep, 1, CHUNK - keep, s->f);
        s->z.next_in = s->in;
        s->z.avail_in = (uInt)(keep + k);
        if (!k) {
            s->eof = 1;
            return;
        }
    }
}

/* Inflate more output; 0 at the end of the input. */
static int gz_fill(px_warc *w) {
    src *s = &w->s;
    while (!s->eof) {
        if (!s->z.avail_in) {
            s->z.avail_in = (uInt)fread(s->in, 1, CHUNK, s->f);
            s->z.next_in = s->in;
            if (!s->z.avail_in) {
                s->eof = 1;
                if (s->z_live)
                    report(w, s->pos, PX_ERR_PARSE,
                           "truncated gzip member at end of file");
                return 0;
            }
        }
        s->z.next_out = s->out;
        s->z.avail_out = CHUNK;
        int zr = inflate(&s->z, Z_NO_FLUSH);
        s->out_pos = 0;
        s->out_len = CHUNK - s->z.avail_out;
        s->z_live = zr != Z_STREAM_END;
        if (zr == Z_STREAM_END)
            inflateReset(&s->z);
        else if (zr != Z_OK && zr != Z_BUF_ERROR) {
            report(w, s->pos, PX_ERR_PARSE,
                   "corrupt gzip data; skipped to "
                   "the next gzip member");
            s->z_live = 0;
            gz_resync(s);
        }
        if (s->out_len) return 1;
    }
    return 0;
}

static int src_fill(px_warc *w) {
    src *s = &w->s;
    if (s->gz) return gz_fill(w);
    if (s->eof) return 0;
    s->out_pos = 0;
    s->out_len = fread(s->out, 1, CHUNK, s->f);
    if (!s->out_len) s->eof = 1;
    return s->out_len > 0;
}

/* Up to n bytes into dst; 0 at the end. */
static size_t src_read(px_warc *w, void *dst, size_t n) {
    src *s = &w->s;
    size_t k;
    if (s->back_pos < s->back.len) {
        k = s->back.len - s->back_pos;
        if (k > n) k = n;
        memcpy(dst, s->back.data + s->back_pos, k);
        s->back_pos += k;
    } else {
        if (s->out_pos == s->out_len && !src_fill(w)) return 0;
        k = s->out_len - s->out_pos;
        if (k > n) k = n;
        memcpy(dst, s->out + s->out_pos, k);
        s->out_pos += k;
    }
    s->pos += k;
    return k;
}

/* Return bytes to the front of the stream. */
static void src_unread(src *s, const char *p, size_t n) {
    px_buf nb = PX_BUF_INIT;
    px_buf_append(&nb, p, n);
    px_buf_append(&nb, s->back.data + s->back_pos, s->back.len - s->back_pos);
    px_buf_release(&s->back);
    s->back = nb;
    s->back_pos = 0;
    s->pos -= n;
}

/* One line including its "\n" into line (cleared first); 0 at the end.
 * Lines longer than LINE_MAX_BYTES are cut. */
static int src_line(px_warc *w, px_buf *line) {
    px_buf_clear(line);
    char c;
    while (line->len < LINE_MAX_BYTES && src_read(w, &c, 1)) {
        px_buf_putc(line, c);
        if (c == '\n') break;
    }
    return line->len > 0;
}

/* ---------------------------------------------------------------- records */

typedef struct rec {
    uint64_t off;
    char type[32];
    char *uri, *date, *ctype;
    uint64_t length;
    int has_length;
    px_buf block;
} rec;

static void rec_release(rec *r) {
    px_free(r->uri);
    px_free(r->date);
    px_free(r->ctype);
    px_buf_release(&r->block);
    memset(r, 0, sizeof *r);
}

static char *field_value(const char *line, size_t n) {
    const char *c = memchr(line, ':', n);
    if (!c) return NULL;
    const char *v = c + 1, *e = line + n;
    while (v < e && (*v == ' ' || *v == '\t')) v++;
    while (e > v && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ')) e--;
    return px_strndup(v, (size_t)(e - v));
}

static int field_is(const px_buf *l, const char *name) {
    size_t k = strlen(name);
    return l->len > k && !strncasecmp(l->data, name, k) && l->data[k] == ':';
}

static void rec_field(rec *r, const px_buf *l) {
    char **dst = field_is(l, "WARC-Target-URI") ? &r->uri
                 : field_is(l, "WARC-Date")     ? &r->date
                 : field_is(l, "Content-Type")  ? &r->ctype
                                                : NULL;
    if (dst && !*dst) {
        *dst = field_value(l->data, l->len);
        if (*dst && dst == &r->uri && **dst == '<') { /* WARC 1.0 <uri> */
            size_t n = strlen(*dst);
            memmove(*dst, *dst + 1, n);
            if (n > 1 && (*dst)[n - 2] == '>') (*dst)[n - 2] = 0;
        }
        return;
    }
    char *v = NULL;
    if (field_is(l, "WARC-Type") && (v = field_value(l->data, l->len)))
        snprintf(r->type, sizeof r->type, "%s", v);
    if (field_is(l, "Content-Length") && (v = field_value(l->data, l->len))) {
        char *end;
        r->length = strtoull(v, &end, 10);
        r->has_length = *v >= '0' && *v <= '9' && !*end;
    }
    px_free(v);
}

static int is_version_line(const px_buf *l) {
    return l->len >= 7 && !memcmp(l->data, "WARC/1.", 7);
}

static int is_blank_line(const px_buf *l) {
    return l->data[0] == '\n' || (l->data[0] == '\r' && l->len <= 2);
}

/* Find the next "WARC/1." line; 0 at the end.  Reports skipped garbage. */
static int rec_start(px_warc *w, px_buf *line, uint64_t *off) {
    int garbage = 0;
    for (;;) {
        *off = w->s.pos;
        if (!src_line(w, line)) {
            if (garbage || !w->nrec)
                report(w, w->nrec ? *off : 0, PX_ERR_PARSE,
                       w->nrec ? "bytes after the last record ignored"
                               : "no WARC record found");
            return 0;
        }
        if (is_version_line(line)) break;
        if (!is_blank_line(line)) garbage = 1;
    }
    if (garbage)
        report(w, *off, PX_ERR_PARSE,
               "bytes outside any record skipped up to this record");
    return 1;
}

static px_result rec_header(px_warc *w, rec *r, px_buf *line) {
    size_t total = 0;
    for (;;) {
        if (!src_line(w, line)) return PX_ERR_PARSE;
        total += line->len;
        if (total > HEADER_MAX) return PX_ERR_TOOBIG;
        if (is_blank_line(line)) return PX_OK;
        if (is_version_line(line)) {
            src_unread(&w->s, line->data, line->len);
            return PX_ERR_PARSE;
        }
        rec_field(r, line);
    }
}

/* Read Content-Length bytes (at most max kept; the rest skipped). */
static px_result rec_block(px_warc *w, rec *r, size_t max) {
    char tmp[CHUNK];
    uint64_t left = r->length;
    px_result rc = r->length > max ? PX_ERR_TOOBIG : PX_OK;
    while (left) {
        size_t k =
            src_read(w, tmp, left < sizeof tmp ? (size_t)left : sizeof tmp);
        if (!k) return PX_ERR_EMPTY; /* truncated */
        if (!rc) px_buf_append(&r->block, tmp, k);
        left -= k;
    }
    return rc;
}

/* Overstated length: the block holds the next record's start. */
static int rec_cut_next(px_warc *w, rec *r) {
    static const char mark[] = "\r\n\r\nWARC/1.";
    const char *p = r->block.len ? memmem(r->block.data, r->block.len, mark,
                                          sizeof mark - 1)
                                 : NULL;
    if (!p) return 0;
    size_t at = (size_t)(p - r->block.data);
    src_unread(&w->s, p + 4, r->block.len - at - 4);
    r->block.len = at;
    r->block.data[at] = 0;
    return 1;
}

/* Understated length: take bytes up to the next "WARC/1." line. */
static void rec_extend(px_warc *w, rec *r, px_buf *line, size_t max) {
    while (src_line(w, line)) {
        if (is_version_line(line)) {
            src_unread(&w->s, line->data, line->len);
            break;
        }
        if (r->block.len + line->len <= max)
            px_buf_append(&r->block, line->data, line->len);
    }
    while (r->block.len && (r->block.data[r->block.len - 1] == '\n' ||
                            r->block.data[r->block.len - 1] == '\r'))
        r->block.data[--r->block.len] = 0;
}

/* After the block: CRLF CRLF (a missing one, or the next record right
 * away, is tolerated); text instead means the length lied. */
static void rec_trailer(px_warc *w, rec *r, px_buf *line, size_t max) {
    if (rec_cut_next(w, r)) {
        report(w, r->off, PX_ERR_PARSE,
               "Content-Length overstates the block; cut at the next record");
        return;
    }
    for (int blank = 0; blank < 2 && src_line(w, line);) {
        if (is_version_line(line)) {
            src_unread(&w->s, line->data, line->len);
            return;
        }
        if (is_blank_line(line)) {
            blank++;
            continue;
        }
        report(w, r->off, PX_ERR_PARSE,
               "Content-Length understates the "
               "block; read up to the next record");
        if (r->block.len + line->len <= max)
            px_buf_append(&r->block, line->data, line->len);
        rec_extend(w, r, line, max);
        return;
    }
}

/* Read the next record; PX_OK, PX_ERR_EMPTY at the end, or an error that
 * was reported (the caller goes on with the next record). */
static px_result rec_read(px_warc *w, rec *r, px_buf *line) {
    size_t max =
        w->o.max_record_bytes ? w->o.max_record_bytes : PX_WARC_MAX_RECORD;
    if (!rec_start(w, line, &r->off)) return PX_ERR_EMPTY;
    w->nrec++;
    px_result rc = rec_header(w, r, line);
    if (rc || !r->has_length) {
        report(w, r->off, rc ? rc : PX_ERR_PARSE,
               rc == PX_ERR_TOOBIG ? "header block too big"
               : rc                ? "truncated record header"
                                   : "missing or invalid Content-Length");
        return PX_ERR_PARSE;
    }
    rc = rec_block(w, r, max);
    if (rc == PX_ERR_EMPTY) {
        /* Before blaming the file, see whether the length lied. */
        if (rec_cut_next(w, r)) {
            report(w, r->off, PX_ERR_PARSE,
                   "Content-Length overstates the "
                   "block; cut at the next record");
            return PX_OK;
        }
        report(w, r->off, PX_ERR_PARSE,
               "truncated record (end of input "
               "inside the block)");
        return PX_ERR_PARSE;
    }
    if (rc) {
        report(w, r->off, rc, "record exceeds the size cap; skipped");
        return rc;
    }
    rec_trailer(w, r, line, max);
    return PX_OK;
}

/* ------------------------------------------------------------------- HTTP */

typedef struct http {
    int status;
    const char *body;
    size_t body_len;
    char ctype[256];
    int chunked, gzip;
} http;

static void http_field(http *h, const char *l, size_t n) {
    char *v = field_value(l, n);
    if (!v) return;
    if (n > 13 && !strncasecmp(l, "Content-Type:", 13))
        snprintf(h->ctype, sizeof h->ctype, "%s", v);
    else if (n > 18 && !strncasecmp(l, "Transfer-Encoding:", 18))
        h->chunked = strstr(v, "chunked") != NULL;
    else if (n > 17 && !strncasecmp(l, "Content-Encoding:", 17))
        h->gzip = strstr(v, "gzip") || strstr(v, "deflate") ? 1
                  : strstr(v, "identity") || !*v            ? 0
                                                            : -1;
    px_free(v);
}

/* Parse status line and headers; body follows the blank line. */
static int http_parse(const char *p, size_t n, http *h) {
    memset(h, 0, sizeof *h);
    const char *end = p + n, *nl = memchr(p, '\n', n);
    if (!nl || n < 12 || memcmp(p, "HTTP/", 5)) return 0;
    const char *sp = memchr(p, ' ', (size_t)(nl - p));
    h->status = sp ? atoi(sp + 1) : 0;
    for (p = nl + 1; p < end;) {
        nl = memchr(p, '\n', (size_t)(end - p));
        size_t k = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (k == 0 || (k == 1 && *p == '\r')) {
            h->body = nl ? nl + 1 : end;
            h->body_len = (size_t)(end - h->body);
            return 1;
        }
        http_field(h, p, k);
        p = nl ? nl + 1 : end;
    }
    h->body = end;
    return 1;
}

static px_result http_unchunk(const char *p, size_t n, px_buf *out) {
    const char *end = p + n;
    while (p < end) {
        char *e;
        unsigned long long k = strtoull(p, &e, 16);
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (e == p || !nl) return PX_ERR_PARSE;
        if (!k) return PX_OK;
        p = nl + 1;
        if (k > (unsigned long long)(end - p)) k = (size_t)(end - p);
        px_result rc = px_buf_append(out, p, (size_t)k);
        if (rc) return rc;
        p += k;
        while (p < end && (*p == '\r' || *p == '\n')) p++;
    }
    return PX_OK;
}

static px_result http_inflate(const char *p, size_t n, px_buf *out) {
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 32) != Z_OK) return PX_ERR_NOMEM;
    unsigned char tmp[CHUNK];
    z.next_in = (unsigned char *)p;
    z.avail_in = (uInt)n;
    int zr = Z_OK;
    px_result rc = PX_OK;
    while (zr == Z_OK && !rc) {
        z.next_out = tmp;
        z.avail_out = sizeof tmp;
        zr = inflate(&z, Z_NO_FLUSH);
        rc = px_buf_append(out, tmp, sizeof tmp - z.avail_out);
        if (zr == Z_BUF_ERROR && !z.avail_in) break; /* truncated: keep */
    }
    inflateEnd(&z);
    if (!rc && zr != Z_STREAM_END && zr != Z_BUF_ERROR) rc = PX_ERR_PARSE;
    return rc;
}

static int is_html(const char *ctype) {
    return !*ctype || strstr(ctype, "html") != NULL;
}

/* The HTML payload of a response record, or NULL (not HTML / not 2xx). */
static px_result http_payload(px_warc *w, const rec *r, http *h, px_buf *tmp,
                              px_buf *tmp2) {
    if (!http_parse(r->block.data, r->block.len, h)) {
        report(w, r->off, PX_ERR_PARSE, "response without an HTTP header");
        return PX_ERR_PARSE;
    }
    if (h->status < 200 || h->status > 299 || !is_html(h->ctype))
        return PX_ERR_UNSUPPORTED;
    if (h->chunked) {
        if (http_unchunk(h->body, h->body_len, tmp))
            report(w, r->off, PX_ERR_PARSE,
                   "bad chunked encoding; kept "
                   "what decoded");
        h->body = tmp->data ? tmp->data : "";
        h->body_len = tmp->len;
    }
    if (h->gzip < 0) {
        report(w, r->off, PX_ERR_UNSUPPORTED, "unsupported Content-Encoding");
        return PX_ERR_UNSUPPORTED;
    }
    if (h->gzip) {
        px_result rc = http_inflate(h->body, h->body_len, tmp2);
        if (rc) {
            report(w, r->off, rc, "corrupt gzip/deflate body");
            return rc;
        }
        h->body = tmp2->data ? tmp2->data : "";
        h->body_len = tmp2->len;
    }
    return PX_OK;
}

/* ------------------------------------------------------------------- API */

px_result px_warc_new(FILE *f, const px_warc_opts *opts, px_warc **out) {
    px_warc *w = px_calloc(1, sizeof *w);
    w->s.f = f;
    if (opts) w->o = *opts;
    int c = getc(f);
    if (c != EOF) ungetc(c, f);
    w->s.gz = c == 0x1f;
    if (w->s.gz && inflateInit2(&w->s.z, 15 + 16) != Z_OK) {
        px_free(w);
        return PX_ERR_NOMEM;
    }
    *out = w;
    return PX_OK;
}

/* Responses over HTTP, or HTML stored as a resource record. */
static int record_wanted(const rec *r) {
    if (!strcmp(r->type, "response"))
        return strstr(r->ctype, "application/http") != NULL;
    return !strcmp(r->type, "resource") && strstr(r->ctype, "html");
}

static px_result record_page(px_warc *w, rec *r, px_page **out) {
    http h;
    size_t cap =
        w->o.max_record_bytes ? w->o.max_record_bytes : PX_WARC_MAX_RECORD;
    px_buf t1, t2;
    px_buf_init(&t1, cap);
    px_buf_init(&t2, cap * 4);
    px_result rc = PX_OK;
    if (!strcmp(r->type, "resource")) { /* the page itself, no HTTP */
        memset(&h, 0, sizeof h);
        snprintf(h.ctype, sizeof h.ctype, "%s", r->ctype);
        h.body = r->block.data ? r->block.data : "";
        h.body_len = r->block.len;
    } else {
        rc = http_payload(w, r, &h, &t1, &t2);
    }
    if (!rc) {
        px_extract_opts eo = w->o.extract;
        eo.charset = h.ctype;
        rc = px_page_extract(h.body, h.body_len, r->uri, &eo, out);
        if (rc && rc != PX_ERR_EMPTY)
            report(w, r->off, rc, "HTML payload could not be extracted");
    }
    if (!rc) {
        px_page *p = *out;
        px_free(p->url);
        p->url = px_strdup(r->uri);
        int64_t ts;
        if (!p->published && r->date && !px_time_parse(r->date, &ts)) {
            p->published = px_strdup(r->date);
            p->published_ts = ts;
        }
    }
    px_buf_release(&t1);
    px_buf_release(&t2);
    return rc;
}

px_result px_warc_next(px_warc *w, px_page **out, uint64_t *offset) {
    *out = NULL;
    px_buf line = PX_BUF_INIT;
    rec r;
    memset(&r, 0, sizeof r);
    for (;;) {
        rec_release(&r);
        px_buf_init(&r.block, 0);
        px_result rc = rec_read(w, &r, &line);
        if (rc == PX_ERR_EMPTY) break;
        if (rc || !r.ctype || !record_wanted(&r)) continue;
        if (!record_page(w, &r, out)) {
            if (offset) *offset = r.off;
            break;
        }
    }
    rec_release(&r);
    px_buf_release(&line);
    return ferror(w->s.f) ? PX_ERR_IO : PX_OK;
}

size_t px_warc_nerrors(const px_warc *w) {
    return w->nerr;
}

void px_warc_free(px_warc *w) {
    if (!w) return;
    if (w->s.gz) inflateEnd(&w->s.z);
    px_buf_release(&w->s.back);
    px_free(w);
}
