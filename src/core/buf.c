/*
 * buf.c - px_buf, the growable NUL-terminated byte buffer.
 *
 * Invariant: alloc == 0 && data == NULL, or data[len] == '\0' and
 * len < alloc.  Growth doubles; a non-zero cap_limit bounds len so that
 * buffers fed by untrusted input cannot grow without limit (like curl's
 * dynbuf "toobig").
 */
#include <stdarg.h> /* va_list */
#include <stdio.h>  /* vsnprintf */
#include <string.h> /* memcpy, strlen */

#include "core/array.h"
#include "core/utf8.h"
#include "parallax/core.h"

void px_buf_init(px_buf *b, size_t cap_limit) {
    b->data = NULL;
    b->len = b->alloc = 0;
    b->cap_limit = cap_limit;
}

void px_buf_release(px_buf *b) {
    px_free(b->data);
    px_buf_init(b, b->cap_limit);
}

void px_buf_clear(px_buf *b) {
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

/* 1 if extra more bytes would take len past cap_limit. */
static int buf_toobig(const px_buf *b, size_t extra) {
    return b->cap_limit &&
           (extra > b->cap_limit || b->len > b->cap_limit - extra);
}

static px_result buf_reserve(px_buf *b, size_t extra) {
    if (buf_toobig(b, extra)) return PX_ERR_TOOBIG;
    /* len + extra + 1 wraps only when no cap_limit bounds extra: then
     * SIZE_MAX asks for more than can be had, as it should */
    size_t need = extra < SIZE_MAX - b->len ? b->len + extra + 1 : SIZE_MAX;
    b->data = px_array_grow(b->data, &b->alloc, need, 64, 1);
    return PX_OK;
}

px_result px_buf_append(px_buf *b, const void *p, size_t n) {
    px_result rc = buf_reserve(b, n);
    if (rc) return rc;
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return PX_OK;
}

px_result px_buf_putc(px_buf *b, char c) {
    return px_buf_append(b, &c, 1);
}

px_result px_buf_puts(px_buf *b, const char *s) {
    return px_buf_append(b, s, strlen(s));
}

/* Formats once in the common case: straight into the free space (at
 * least the 64 bytes of a first allocation), and a second time only when
 * the text did not fit, after growing.  A failure leaves len and the
 * text unchanged (the free space past the NUL may have been written). */
px_result px_buf_printf(px_buf *b, const char *fmt, ...) {
    if (!b->alloc) {
        px_result rc = buf_reserve(b, 0);
        if (rc) return rc;
    }
    size_t room = b->alloc - b->len; /* > 0: data[len] is the NUL */
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->data + b->len, room, fmt, ap);
    va_end(ap);
    if (n < 0 || buf_toobig(b, (size_t)n)) {
        b->data[b->len] = '\0';
        return n < 0 ? PX_ERR_INVALID : PX_ERR_TOOBIG;
    }
    if ((size_t)n >= room) { /* truncated: grow, format again */
        b->data[b->len] = '\0';
        px_result rc = buf_reserve(b, (size_t)n);
        if (rc) return rc;
        va_start(ap, fmt);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
    return PX_OK;
}

px_result px_buf_json_field(px_buf *b, const char *key, const char *v,
                            int first) {
    px_result rc = px_buf_printf(b, "%s\"%s\":", first ? "" : ",", key);
    if (rc) return rc;
    return v ? px_buf_json_str(b, v, strlen(v)) : px_buf_puts(b, "null");
}

px_result px_buf_json_str(px_buf *b, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    px_result rc = px_buf_putc(b, '"');
    size_t i = 0;
    while (!rc && i < n) {
        size_t run = i;
        /* copy the longest run needing no escape in one append */
        while (run < n && p[run] >= 0x20 && p[run] < 0x80 && p[run] != '"' &&
               p[run] != '\\')
            run++;
        if (run > i) {
            rc = px_buf_append(b, p + i, run - i);
            i = run;
            continue;
        }
        unsigned c = p[i];
        if (c >= 0x80) {
            int32_t cp;
            size_t k = px_utf8_decode(p + i, n - i, &cp);
            if (k)
                rc = px_buf_append(b, p + i, k), i += k;
            else
                rc = px_buf_append(b, "\xEF\xBF\xBD", 3), i++;
            continue;
        }
        char esc[7] = {'\\', 0, 0, 0, 0, 0, 0};
        size_t elen = 2;
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            esc[1] = 'u', esc[2] = '0', esc[3] = '0';
            esc[4] = hex[c >> 4], esc[5] = hex[c & 15];
            elen = 6;
        }
        rc = px_buf_append(b, esc, elen);
        i++;
    }
    return rc ? rc : px_buf_putc(b, '"');
}

px_result px_buf_html(px_buf *b, const char *s, size_t n) {
    px_result rc = PX_OK;
    size_t i = 0;
    while (!rc && i < n) {
        size_t run = i;
        while (run < n && (!s[run] || !strchr("&<>\"'", s[run]))) run++;
        if (run > i) {
            rc = px_buf_append(b, s + i, run - i);
            i = run;
            continue;
        }
        switch (s[i]) {
        case '&': rc = px_buf_puts(b, "&amp;"); break;
        case '<': rc = px_buf_puts(b, "&lt;"); break;
        case '>': rc = px_buf_puts(b, "&gt;"); break;
        case '"': rc = px_buf_puts(b, "&quot;"); break;
        default: rc = px_buf_puts(b, "&#39;"); break;
        }
        i++;
    }
    return rc;
}

char *px_buf_detach(px_buf *b, size_t *len) {
    char *d = b->data;
    if (len) *len = b->len;
    if (!d) d = px_strndup("", 0);
    px_buf_init(b, b->cap_limit);
    return d;
}
