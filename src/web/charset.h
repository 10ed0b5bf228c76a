/*
 * web/charset.h - bring a page's bytes to valid UTF-8 (internal).
 */
#ifndef PX_WEB_CHARSET_H
#define PX_WEB_CHARSET_H

#include "parallax/core.h"

/* Decide the charset of in[0..n): byte-order mark, then `declared` (from an
 * HTTP header; may be NULL), then <meta charset> / http-equiv in the first
 * 4 KiB, else UTF-8 when the bytes are valid UTF-8 and windows-1252 when
 * not.  If the bytes are already valid UTF-8 without NULs, *out is in and
 * nothing is copied; otherwise they are converted (iconv) or repaired
 * (invalid bytes become U+FFFD, NUL a space) into buf and *out = buf->data.
 * The result's length is in *out_n.  buf is caller-owned (capped by its
 * cap_limit); release it after use. */
px_result px_charset_utf8(const char *in, size_t n, const char *declared,
                          px_buf *buf, const char **out, size_t *out_n);

/* Length of the valid UTF-8 prefix of s[0..n) without NUL bytes. */
size_t px_utf8_valid_prefix(const char *s, size_t n);

#endif /* PX_WEB_CHARSET_H */
