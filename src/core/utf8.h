/*
 * utf8.h - tiny inline UTF-8 helpers shared inside the library.
 * (Unicode properties and normalisation come from utf8proc; these only
 * validate and decode, on hot paths where a call per byte would cost.)
 */
#ifndef PX_UTF8_H
#define PX_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length of the valid UTF-8 sequence at s (n > 0 bytes available), or 0
 * if the bytes there are not valid UTF-8 (overlong, surrogate, > U+10FFFF,
 * truncated).  *cp receives the code point when valid. */
static inline size_t px_utf8_decode(const unsigned char *s, size_t n,
                                    int32_t *cp) {
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    /* one straight path per length (hot on non-Latin text) */
    if (c < 0xE0) { /* C2-DF: 2 bytes, never overlong, never a surrogate */
        if (c < 0xC2 || n < 2 || (s[1] & 0xC0) != 0x80) return 0;
        *cp = (int32_t)((c & 0x1Fu) << 6 | (s[1] & 0x3Fu));
        return 2;
    }
    if (c < 0xF0) { /* E0-EF: 3 bytes */
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
        uint32_t v = (c & 0x0Fu) << 12 | (s[1] & 0x3Fu) << 6 | (s[2] & 0x3Fu);
        if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) return 0;
        *cp = (int32_t)v;
        return 3;
    }
    if (c > 0xF4 || n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
        (s[3] & 0xC0) != 0x80)
        return 0; /* F0-F4: 4 bytes */
    uint32_t v = (c & 0x07u) << 18 | (s[1] & 0x3Fu) << 12 |
                 (s[2] & 0x3Fu) << 6 | (s[3] & 0x3Fu);
    if (v < 0x10000 || v > 0x10FFFF) return 0;
    *cp = (int32_t)v;
    return 4;
}

/* Encode cp (valid scalar value) into out (>= 4 bytes); returns length. */
static inline size_t px_utf8_encode(int32_t cp, unsigned char *out) {
    uint32_t c = (uint32_t)cp;
    if (c < 0x80) {
        out[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (unsigned char)(0xC0 | (c >> 6));
        out[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (c >> 12));
        out[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (c >> 18));
    out[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

#endif /* PX_UTF8_H */
