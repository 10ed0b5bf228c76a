/*
 * charset.c - charset detection and conversion to UTF-8.
 *
 * Follows the order browsers use (WHATWG "encoding sniffing", simplified):
 * BOM, transport-layer declaration, a <meta> prescan of the first 4 KiB,
 * then a guess; but bytes that are valid UTF-8 are taken as UTF-8 whatever
 * is declared (mislabelled pages are common, valid multi-byte sequences in
 * legacy text are not).  Labels that browsers map to windows-1252 (latin1,
 * iso-8859-1, us-ascii) are mapped the same way.  glibc iconv does the
 * conversion; bytes it rejects become U+FFFD so one bad byte never loses
 * a page.  Valid UTF-8 input is passed through without a copy.
 */
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h> /* strncasecmp */

#include "web/charset.h"

#define PRESCAN     4096
#define REPLACEMENT "\xef\xbf\xbd"

/* --------------------------------------------------------------- UTF-8 */

static size_t seq_len(const unsigned char *s, size_t n) {
    unsigned c = s[0];
    size_t k = c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
    if (!k || k > n) return 0;
    for (size_t i = 1; i < k; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0; /* overlong */
    if (c == 0xED && s[1] > 0x9F) return 0; /* surrogate */
    if (c == 0xF0 && s[1] < 0x90) return 0; /* overlong */
    if (c == 0xF4 && s[1] > 0x8F) return 0; /* > U+10FFFF */
    return k;
}

size_t px_utf8_valid_prefix(const char *str, size_t n) {
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        if (s[i] >= 0x80) {
            size_t k = seq_len(s + i, n - i);
            if (!k) return i;
            i += k;
        } else if (s[i]) {
            i++;
        } else {
            return i;
        }
    }
    return n;
}

/* Copy in to buf, replacing what is not valid UTF-8. */
static px_result utf8_repair(const char *in, size_t n, px_buf *buf) {
    size_t i = 0;
    while (i < n) {
        size_t k = px_utf8_valid_prefix(in + i, n - i);
        px_result rc = px_buf_append(buf, in + i, k);
        i += k;
        if (!rc && i < n)
            rc = in[i] ? px_buf_append(buf, REPLACEMENT, 3)
                       : px_buf_putc(buf, ' ');
        if (rc) return rc;
        i++;
    }
    return PX_OK;
}

/* ------------------------------------------------------------- detection */

/* Copy a charset label starting at s into out (lower-case). */
static int label_copy(const char *s, const char *end, char *out, size_t cap) {
    while (s < end && (*s == ' ' || *s == '"' || *s == '\'' || *s == '=')) s++;
    size_t k = 0;
    for (; s < end && k + 1 < cap; s++) {
        char c = *s;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' ||
              c == '.'))
            break;
        out[k++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    out[k] = 0;
    return k > 0;
}

/* "charset=" anywhere in the first bytes (covers <meta charset> and
 * http-equiv Content-Type), or in a Content-Type header value. */
static int label_find(const char *s, size_t n, char *out, size_t cap) {
    const char *end = s + n;
    for (const char *p = s; p + 8 <= end; p++) {
        p = memchr(p, 'c', (size_t)(end - p));
        if (!p || p + 8 > end) break;
        if (!strncasecmp(p, "charset", 7) && label_copy(p + 7, end, out, cap))
            return 1;
    }
    return 0;
}

static const char *label_norm(const char *l) {
    static const char *const w1252[] = {"latin1",     "iso-8859-1", "iso8859-1",
                                        "us-ascii",   "ascii",      "l1",
                                        "iso_8859-1", "cp1252"};
    if (!strcmp(l, "utf-8") || !strcmp(l, "utf8")) return "UTF-8";
    for (size_t i = 0; i < sizeof w1252 / sizeof *w1252; i++)
        if (!strcmp(l, w1252[i])) return "WINDOWS-1252";
    return l;
}

static px_result convert(const char *in, size_t n, const char *from,
                         px_buf *buf) {
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) return utf8_repair(in, n, buf);
    char tmp[16384];
    char *ip = (char *)in;
    size_t il = n;
    px_result rc = PX_OK;
    while (il && !rc) {
        char *op = tmp;
        size_t ol = sizeof tmp;
        size_t r = iconv(cd, &ip, &il, &op, &ol);
        rc = px_buf_append(buf, tmp, (size_t)(op - tmp));
        if (r == (size_t)-1 && errno != E2BIG && !rc) {
            rc = px_buf_append(buf, REPLACEMENT, 3); /* EILSEQ / EINVAL */
            ip++;
            il--;
        }
    }
    iconv_close(cd);
    if (rc) return rc;
    /* iconv may let NULs through: repair in place is enough. */
    for (size_t i = 0; i < buf->len; i++)
        if (!buf->data[i]) buf->data[i] = ' ';
    return PX_OK;
}

static const char *bom(const char **in, size_t *n) {
    const unsigned char *s = (const unsigned char *)*in;
    if (*n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        *in += 3;
        *n -= 3;
        return "UTF-8";
    }
    if (*n >= 2 && s[0] == 0xFF && s[1] == 0xFE) return "UTF-16LE";
    if (*n >= 2 && s[0] == 0xFE && s[1] == 0xFF) return "UTF-16BE";
    return NULL;
}

px_result px_charset_utf8(const char *in, size_t n, const char *declared,
                          px_buf *buf, const char **out, size_t *out_n) {
    char label[48];
    const char *cs = bom(&in, &n);
    /* Valid UTF-8 with multi-byte text is almost never a legacy encoding,
     * whatever the page declares: pass it through. */
    if ((!cs || !strcmp(cs, "UTF-8")) && px_utf8_valid_prefix(in, n) == n) {
        *out = in;
        *out_n = n;
        return PX_OK;
    }
    if (!cs && declared &&
        label_find(declared, strlen(declared), label, sizeof label))
        cs = label_norm(label);
    if (!cs && label_find(in, n < PRESCAN ? n : PRESCAN, label, sizeof label))
        cs = label_norm(label);
    if (!cs) cs = "WINDOWS-1252"; /* undeclared and not UTF-8 */
    px_result rc = !strcmp(cs, "UTF-8") ? utf8_repair(in, n, buf)
                                        : convert(in, n, cs, buf);
    *out = buf->data ? buf->data : "";
    *out_n = buf->len;
    return rc;
}
