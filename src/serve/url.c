/*
 * url.c - request targets into decoded path segments and query parameters
 * (see parallax/serve.h).
 *
 * One copy of the target is made; it is cut into pieces with NULs and
 * each piece is percent-decoded in place (decoding never lengthens), so
 * the result points into that one buffer.  Anything that could smuggle a
 * path or confuse a later stage is refused: bad escapes, decoded NUL and
 * control bytes, "." and ".." segments.
 */
#include <string.h>

#include "parallax/serve.h"

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decode s in place ('+' is a space when plus); -1 on a bad escape or a
 * decoded control byte. */
static int decode(char *s, int plus) {
    char *w = s;
    for (const char *r = s; *r; r++) {
        int c = (unsigned char)*r;
        if (c == '%') {
            int h = hexval(r[1]), l = h < 0 ? -1 : hexval(r[2]);
            if (l < 0) return -1;
            c = h * 16 + l;
            r += 2;
        } else if (c == '+' && plus) {
            c = ' ';
        }
        if (c < 0x20 || c == 0x7f) return -1;
        *w++ = (char)c;
    }
    *w = 0;
    return 0;
}

static px_result split_path(px_url *u, char *p) {
    char *save;
    for (char *seg = strtok_r(p, "/", &save); seg;
         seg = strtok_r(NULL, "/", &save)) {
        if (u->nseg == PX_URL_MAX_SEGS) return PX_ERR_TOOBIG;
        if (decode(seg, 0) || !strcmp(seg, ".") || !strcmp(seg, ".."))
            return PX_ERR_PARSE;
        u->seg[u->nseg++] = seg;
    }
    return PX_OK;
}

static px_result split_query(px_url *u, char *q) {
    char *save;
    for (char *kv = strtok_r(q, "&", &save); kv;
         kv = strtok_r(NULL, "&", &save)) {
        if (u->nparam == PX_URL_MAX_PARAMS) return PX_ERR_TOOBIG;
        char *eq = strchr(kv, '=');
        char *val = eq ? eq + 1 : kv + strlen(kv);
        if (eq) *eq = 0;
        if (decode(kv, 1) || decode(val, 1)) return PX_ERR_PARSE;
        u->param[u->nparam++] = (px_url_param){kv, val};
    }
    return PX_OK;
}

px_result px_url_parse(const char *target, size_t len, px_url *u) {
    memset(u, 0, sizeof *u);
    if (len > PX_URL_MAX) return PX_ERR_TOOBIG;
    if (!len || target[0] != '/' || memchr(target, 0, len))
        return PX_ERR_PARSE;
    u->buf = px_strndup(target, len);
    char *frag = strchr(u->buf, '#');
    if (frag) *frag = 0;
    char *q = strchr(u->buf, '?');
    if (q) *q++ = 0;
    px_result rc = split_path(u, u->buf);
    if (!rc && q) rc = split_query(u, q);
    if (rc) px_url_release(u);
    return rc;
}

void px_url_release(px_url *u) {
    px_free(u->buf);
    memset(u, 0, sizeof *u);
}

const char *px_url_get(const px_url *u, const char *key) {
    for (size_t i = 0; i < u->nparam; i++)
        if (!strcmp(u->param[i].key, key)) return u->param[i].val;
    return NULL;
}
