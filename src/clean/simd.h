/*
 * simd.h - 16-byte tests on text for the ASCII fast paths of the cleaner
 * and the doc views: each test reads s[0..16) and returns a 16-bit mask,
 * bit b for byte b.
 *
 * Design: SSE2 (every x86-64 CPU has it) when the compiler targets it, a
 * compare or two and one movemask per test; elsewhere, or with
 * -DPX_NO_SIMD, a plain loop over the 16 bytes computing the same masks
 * (so the two builds give byte-identical outputs; build with
 * EXTRA_CFLAGS=-DPX_NO_SIMD to test the portable path).  Callers combine
 * masks with integer operations (the tokenizer builds the 64-bit masks of
 * a 64-byte block from four tests).  Besides the tests: two folding
 * stores (the norm view's ASCII fold and fold.h's lower-casing),
 * px_plain64 (64 bytes of plain text in one test), popcounts, and a
 * memmem that filters 16 positions at a time.  Bytes are compared as
 * unsigned values throughout.
 */
#ifndef PX_CLEAN_SIMD_H
#define PX_CLEAN_SIMD_H

#include <stddef.h> /* size_t */
#include <stdint.h>
#include <string.h> /* memcpy, memcmp */

#if defined(__SSE2__) && !defined(PX_NO_SIMD)
#define PX_SIMD_SSE2 1
#include <emmintrin.h>
#endif

#ifdef PX_SIMD_SSE2

typedef __m128i px_v16;

static inline px_v16 px_v16_load(const unsigned char *s) {
    return _mm_loadu_si128((const __m128i *)(const void *)s);
}

/* Bytes >= 0x80. */
static inline unsigned px_v16_high(px_v16 v) {
    return (unsigned)_mm_movemask_epi8(v);
}

/* Bytes equal to c. */
static inline unsigned px_v16_eq(px_v16 v, unsigned char c) {
    return (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(v, _mm_set1_epi8((char)c)));
}

/* Bytes b with (b | bits) == c (c ^ bits: bytes that differ from c only
 * in bits). */
static inline unsigned px_v16_eq_or(px_v16 v, unsigned char bits,
                                    unsigned char c) {
    return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
        _mm_or_si128(v, _mm_set1_epi8((char)bits)), _mm_set1_epi8((char)c)));
}

/* Bytes within [lo, hi] (unsigned; lo <= hi): biased into a signed
 * compare, x - lo < hi - lo + 1 as unsigned. */
static inline unsigned px_v16_range(px_v16 v, unsigned char lo,
                                    unsigned char hi) {
    __m128i x = _mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - lo)));
    return (unsigned)_mm_movemask_epi8(
        _mm_cmplt_epi8(x, _mm_set1_epi8((char)(0x80 + (hi - lo) + 1))));
}

/* ASCII letters (either case). */
static inline unsigned px_v16_alpha(px_v16 v) {
    return px_v16_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z');
}

/* Store v folded as the norm view folds ASCII: 'A'-'Z' lower-cased, '`'
 * as '\'', \t \v \f \r as ' '; other bytes unchanged. */
static inline void px_v16_fold_store(px_v16 v, unsigned char *o) {
    __m128i up = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(0x80 - 'A')),
                                _mm_set1_epi8((char)(0x80 + 26)));
    __m128i ws = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(0x80 - '\t')),
                                _mm_set1_epi8((char)(0x80 + 5)));
    ws = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), ws);
    __m128i bq = _mm_cmpeq_epi8(v, _mm_set1_epi8('`'));
    v = _mm_or_si128(v, _mm_and_si128(up, _mm_set1_epi8(0x20)));
    v = _mm_xor_si128(v, _mm_and_si128(bq, _mm_set1_epi8('`' ^ '\'')));
    v = _mm_or_si128(_mm_andnot_si128(ws, v),
                     _mm_and_si128(ws, _mm_set1_epi8(' ')));
    _mm_storeu_si128((__m128i *)(void *)o, v);
}

/* Store v lower-cased ('A'-'Z'), with \t \n \v \f \r as ' ': the folded
 * form of fold.h for ASCII. */
static inline void px_v16_lower_store(px_v16 v, unsigned char *o) {
    __m128i up = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(0x80 - 'A')),
                                _mm_set1_epi8((char)(0x80 + 26)));
    __m128i ws = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(0x80 - '\t')),
                                _mm_set1_epi8((char)(0x80 + 5)));
    v = _mm_or_si128(v, _mm_and_si128(up, _mm_set1_epi8(0x20)));
    v = _mm_or_si128(_mm_andnot_si128(ws, v),
                     _mm_and_si128(ws, _mm_set1_epi8(' ')));
    _mm_storeu_si128((__m128i *)(void *)o, v);
}

/* 1 if each of the 64 bytes at s is printable ASCII (0x20-0x7E) or '\n'
 * (the common case of article text, tested in one go). */
static inline int px_plain64(const unsigned char *s) {
    __m128i ok = _mm_set1_epi8(-1);
    for (unsigned q = 0; q < 4; q++) {
        __m128i v = px_v16_load(s + 16 * q);
        __m128i pr = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(0x80 - 0x20)),
                                    _mm_set1_epi8((char)(0x80 + 0x5F)));
        ok = _mm_and_si128(
            ok, _mm_or_si128(pr, _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
    }
    return _mm_movemask_epi8(ok) == 0xFFFF;
}

#else /* portable: the same masks one byte at a time */

typedef struct px_v16 {
    unsigned char b[16];
} px_v16;

static inline px_v16 px_v16_load(const unsigned char *s) {
    px_v16 v;
    memcpy(v.b, s, 16);
    return v;
}

static inline unsigned px_v16_high(px_v16 v) {
    unsigned m = 0;
    for (unsigned i = 0; i < 16; i++) m |= (unsigned)(v.b[i] >> 7) << i;
    return m;
}

static inline unsigned px_v16_eq(px_v16 v, unsigned char c) {
    unsigned m = 0;
    for (unsigned i = 0; i < 16; i++) m |= (unsigned)(v.b[i] == c) << i;
    return m;
}

static inline unsigned px_v16_eq_or(px_v16 v, unsigned char bits,
                                    unsigned char c) {
    unsigned m = 0;
    for (unsigned i = 0; i < 16; i++)
        m |= (unsigned)((v.b[i] | bits) == c) << i;
    return m;
}

static inline unsigned px_v16_range(px_v16 v, unsigned char lo,
                                    unsigned char hi) {
    unsigned m = 0;
    for (unsigned i = 0; i < 16; i++)
        m |= (unsigned)((unsigned)(v.b[i] - lo) <= (unsigned)(hi - lo)) << i;
    return m;
}

static inline unsigned px_v16_alpha(px_v16 v) {
    unsigned m = 0;
    for (unsigned i = 0; i < 16; i++)
        m |= (unsigned)((unsigned)((v.b[i] | 0x20) - 'a') < 26u) << i;
    return m;
}

static inline void px_v16_fold_store(px_v16 v, unsigned char *o) {
    for (unsigned i = 0; i < 16; i++) {
        unsigned char c = v.b[i];
        o[i] = (unsigned)(c - 'A') < 26u ? (unsigned char)(c + 32)
               : c == '`'                ? (unsigned char)'\''
               : (unsigned)(c - '\t') < 5u && c != '\n' ? (unsigned char)' '
                                                        : c;
    }
}

static inline void px_v16_lower_store(px_v16 v, unsigned char *o) {
    for (unsigned i = 0; i < 16; i++) {
        unsigned char c = v.b[i];
        o[i] = (unsigned)(c - 'A') < 26u   ? (unsigned char)(c + 32)
               : (unsigned)(c - '\t') < 5u ? (unsigned char)' '
                                           : c;
    }
}

static inline int px_plain64(const unsigned char *s) {
    for (unsigned i = 0; i < 64; i++)
        if ((unsigned)(s[i] - 0x20) > 0x5Eu && s[i] != '\n') return 0;
    return 1;
}

#endif

/* ------------------------------------------------------------- helpers */

/* Number of bits set in a 16-bit mask (no popcnt instruction assumed). */
static inline unsigned px_popcount16(unsigned m) {
    m = m - ((m >> 1) & 0x5555u);
    m = (m & 0x3333u) + ((m >> 2) & 0x3333u);
    m = (m + (m >> 4)) & 0x0F0Fu;
    return (m + (m >> 8)) & 0x1Fu;
}

/* Number of bits set in a 64-bit mask (no popcnt instruction assumed:
 * inline, not libgcc's call). */
static inline unsigned px_popcount64(uint64_t m) {
    m = m - ((m >> 1) & 0x5555555555555555ull);
    m = (m & 0x3333333333333333ull) + ((m >> 2) & 0x3333333333333333ull);
    m = (m + (m >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return (unsigned)((m * 0x0101010101010101ull) >> 56);
}

/* First occurrence of nd[0..m) (m >= 2) in h[0..n), or NULL: memmem,
 * with 16 candidate positions at a time filtered on the needle's first,
 * second and last bytes. */
static inline const char *px_memmem(const char *h, size_t n, const char *nd,
                                    size_t m) {
    const unsigned char *u = (const unsigned char *)h;
    size_t i = 0;
    if (n < m) return NULL;
    for (; i + 15 + m <= n; i += 16) {
        unsigned c =
            px_v16_eq(px_v16_load(u + i), (unsigned char)nd[0]) &
            px_v16_eq(px_v16_load(u + i + 1), (unsigned char)nd[1]) &
            px_v16_eq(px_v16_load(u + i + m - 1), (unsigned char)nd[m - 1]);
        for (; c; c &= c - 1) {
            size_t p = i + (size_t)__builtin_ctz(c);
            if (!memcmp(h + p, nd, m)) return h + p;
        }
    }
    for (; i + m <= n; i++)
        if (h[i] == nd[0] && !memcmp(h + i, nd, m)) return h + i;
    return NULL;
}

#endif /* PX_CLEAN_SIMD_H */
