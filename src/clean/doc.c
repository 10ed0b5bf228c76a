/*
 * doc.c - the clean and norm views of an article, and its word tokens.
 *
 * Pipeline, one pass each, all linear in the text length:
 *
 *   1. px_clean_run() decides which original ranges to keep (clean.c).
 *   2. build_clean(): copy kept ranges, replacing invalid UTF-8 by U+FFFD;
 *      offmap clean -> original.
 *   3. build_norm(): NFKC + case folding (utf8proc) per grapheme-ish unit
 *      (a code point with its combining marks), quotes/dashes/spaces
 *      unified, whitespace runs collapsed; offmap norm -> clean.
 *   4. tokenize(): word tokens over the norm view (letters, digits and marks;
 *      an apostrophe inside a word and . or , inside a number stay in the
 *      token), with original spans.
 *
 * Speed (bench/bench_clean.sh): mostly-ASCII news must go fast, so ASCII
 * has its own paths everywhere (16-byte tests, simd.h): build_clean checks
 * 16 bytes at a time for non-ASCII; build_norm copies and folds whole
 * stretches of printable ASCII with single whitespace 16 bytes at a time,
 * as ONE offset-map piece (no utf8proc call, no per-word piece); the
 * tokenizer works on per-byte bit masks of 64-byte blocks, finds words,
 * joiners and flags with integer operations on the masks, decodes only
 * the non-ASCII code points, and maps token spans to the original through
 * one cached window of both offset maps (lookups only when a span leaves
 * it).  Non-ASCII code points are decoded and looked up once per view.
 * Views are allocated once at their final size bound, the token array at
 * its exact size (tokens are counted on the masks first).  Any change
 * here must keep the golden digests of tests/unit/test_doc.c (every
 * output, byte for byte); figures in bench/README.md ("clean").
 */
#include <string.h> /* memcpy, strcmp */
#include <stdint.h> /* uint64_t */
#include <utf8proc.h>
#define XXH_INLINE_ALL
#include <xxhash.h> /* XXH3_64bits: px_hash64 with seed 0, inlined */

#include "clean/clean_int.h"
#include "clean/offmap.h"
#include "clean/simd.h"
#include "core/utf8.h"
#include "parallax/doc.h"

struct px_doc {
    const char *orig;
    size_t orig_len;
    px_buf clean;
    px_offmap clean_map; /* clean -> original */
    px_buf norm;
    px_offmap norm_map; /* norm -> clean */
    px_token *tok;
    size_t ntok, atok;
    px_clean_out co;
    size_t bad_utf8;
};

/* ------------------------------------------------------------ clean view */

/* Make room for n more bytes (views are written in place on hot paths). */
static void ensure(px_buf *b, size_t n) {
    if (b->len + n + 1 <= b->alloc) return;
    size_t a = b->alloc * 2 > b->len + n + 1 ? b->alloc * 2 : b->len + n + 1;
    b->data = px_realloc(b->data, a);
    b->alloc = a;
}

/* Append n bytes to a view: px_buf_append inlined (views have no size
 * cap), keeping the NUL after the last byte. */
static inline void view_put(px_buf *b, const void *p, size_t n) {
    ensure(b, n);
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static inline void view_putc(px_buf *b, char c) {
    view_put(b, &c, 1);
}

static int is_space_byte(unsigned char c) {
    return c == ' ' || (unsigned)(c - '\t') < 5u; /* \t \n \v \f \r */
}

/* Length of the valid UTF-8 prefix of s[i..end), 16 ASCII bytes at a
 * time. */
static size_t valid_run(const unsigned char *s, size_t i, size_t end) {
    size_t run = i;
    int32_t cp;
    while (run < end) {
        if (run + 16 <= end && !px_v16_high(px_v16_load(s + run))) {
            run += 16;
            continue;
        }
        if (s[run] < 0x80)
            run++;
        else {
            size_t l = px_utf8_decode(s + run, end - run, &cp);
            if (!l) break;
            run += l;
        }
    }
    return run - i;
}

static void build_clean(px_doc *d) {
    const unsigned char *s = (const unsigned char *)d->orig;
    for (size_t k = 0; k < d->co.nkeep; k++) {
        size_t i = d->co.keep[k].start, end = d->co.keep[k].end;
        /* a removed range between two words must not glue them together */
        if (k && d->clean.len && i < end &&
            !is_space_byte((unsigned char)d->clean.data[d->clean.len - 1]) &&
            !is_space_byte(s[i])) {
            px_offmap_add(&d->clean_map, d->clean.len, 1, i, 0);
            view_putc(&d->clean, ' ');
        }
        while (i < end) {
            size_t run = valid_run(s, i, end);
            if (run) {
                px_offmap_add(&d->clean_map, d->clean.len, run, i, run);
                view_put(&d->clean, s + i, run);
                i += run;
            }
            if (i < end) { /* invalid byte */
                px_offmap_add(&d->clean_map, d->clean.len, 3, i, 1);
                view_put(&d->clean, "\xEF\xBF\xBD", 3);
                d->bad_utf8++;
                i++;
            }
        }
    }
}

/* ------------------------------------------------------------- norm view */

/* Unified replacements for punctuation that varies between outlets. */
/* Quotes, dashes and line separators that vary between outlets: their
 * unified form, or -1. */
static int32_t unify_punct(int32_t cp) {
    if (cp < 0x85 || (cp > 0x2BC && cp < 0x2010) ||
        (cp > 0x2212 && cp < 0x301D) || (cp > 0x301E && cp < 0xFE58) ||
        cp > 0xFF0D)
        return -1; /* outside the cases below: letters of most scripts */
    switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
    case 0xFF07: return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
    case 0x301D:
    case 0x301E:
    case 0xFF02: return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D: return '-';
    case 0x2028:
    case 0x2029:
    case 0x0085: return '\n';
    default: return -1;
    }
}

/* Unified replacement of cp: a character, 0 to drop it, -1 for none. */
static int32_t unify_cp(int32_t cp) {
    int32_t u = unify_punct(cp);
    if (u >= 0) return u;
    utf8proc_category_t cat = utf8proc_category(cp);
    if (cat == UTF8PROC_CATEGORY_ZS) return ' ';
    if (cat == UTF8PROC_CATEGORY_CF || cat == UTF8PROC_CATEGORY_CC) return 0;
    return -1; /* no special rule */
}

/* 1 if cp is its own norm form: no unification rule, no decomposition, no
 * case folding, an assigned starter that is no space, format or control
 * character (most letters of Cyrillic, Arabic, CJK, Hangul ...); p is
 * its utf8proc property. */
static int cp_identity(const utf8proc_property_t *p, int32_t cp) {
    if (p->decomp_seqindex != UINT16_MAX ||
        p->casefold_seqindex != UINT16_MAX || p->combining_class ||
        unify_punct(cp) >= 0)
        return 0;
    switch (p->category) {
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO: return 0;
    default: return 1;
    }
}

static int is_mark_cat(utf8proc_category_t c) {
    return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
           c == UTF8PROC_CATEGORY_ME;
}

static int is_mark(int32_t cp) {
    return is_mark_cat(utf8proc_category(cp));
}

/* Pending whitespace run: 0 none, 1 space, 2 newline. */
typedef struct norm_state {
    int ws;
    size_t ws_start;
} norm_state;

static void flush_ws(px_doc *d, norm_state *st, size_t at) {
    if (st->ws && d->norm.len) {
        px_offmap_add(&d->norm_map, d->norm.len, 1, st->ws_start,
                      at - st->ws_start);
        view_putc(&d->norm, st->ws == 2 ? '\n' : ' ');
    }
    st->ws = 0;
}

static void note_ws(norm_state *st, size_t at, int newline) {
    if (!st->ws) st->ws_start = at;
    if (newline)
        st->ws = 2;
    else if (!st->ws)
        st->ws = 1;
}

/* Do a and b (n bytes each) have their code points start at the same
 * offsets? */
static int same_cuts(const unsigned char *a, const unsigned char *b, size_t n) {
    for (size_t k = 0; k < n; k++)
        if (((a[k] & 0xC0) == 0x80) != ((b[k] & 0xC0) == 0x80)) return 0;
    return 1;
}

/* Map a folded unit out[0, olen) to its source src[0, slen) at clean
 * offset at.  A piece of equal lengths maps byte for byte, which is right
 * only when the code points line up ("Б" -> "б"); when they do not
 * (U+2017 -> " " U+0333, three bytes each), an offset inside the unit
 * would land inside a source character, so the unit is recorded as two
 * pieces of unequal lengths, each standing for the whole source unit.  One
 * output code point has no inside offset anyone asks for. */
static void map_unit(px_doc *d, const unsigned char *out, size_t olen,
                     const unsigned char *src, size_t slen, size_t at) {
    size_t first = 1;
    while (first < olen && (out[first] & 0xC0) == 0x80) first++;
    if (olen != slen || first == olen || same_cuts(out, src, olen)) {
        px_offmap_add(&d->norm_map, d->norm.len, olen, at, slen);
        return;
    }
    px_offmap_push(&d->norm_map, d->norm.len, first, at, slen);
    px_offmap_push(&d->norm_map, d->norm.len + first, olen - first, at, slen);
}

/* Fold one unit (code point plus following marks) starting at s[i]; returns
 * bytes consumed. */
static size_t norm_unit(px_doc *d, norm_state *st, const unsigned char *s,
                        size_t i, size_t n, int32_t cp, size_t l) {
    int32_t u = unify_cp(cp);
    if (u == 0) return l; /* dropped: format/control characters */
    if (u == ' ' || u == '\n') {
        note_ws(st, i, u == '\n');
        return l;
    }
    flush_ws(d, st, i);
    if (u > 0) {
        px_offmap_add(&d->norm_map, d->norm.len, 1, i, l);
        view_putc(&d->norm, (char)u);
        return l;
    }
    /* gather combining marks so composition sees the whole unit */
    size_t j = i + l;
    int32_t m;
    size_t ml;
    while (j < n && s[j] >= 0x80 && (ml = px_utf8_decode(s + j, n - j, &m)) &&
           is_mark(m) && j - i < 64)
        j += ml;
    utf8proc_int32_t buf[72];
    utf8proc_ssize_t k =
        utf8proc_decompose(s + i, (utf8proc_ssize_t)(j - i), buf, 72,
                           UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                               UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
    unsigned char out[72 * 4];
    size_t olen = 0;
    if (k > 0 && k <= 72) {
        k = utf8proc_normalize_utf32(
            buf, k, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
        for (utf8proc_ssize_t q = 0; q < k; q++) {
            int32_t v = unify_cp(buf[q]);
            if (v == 0) continue;
            olen += px_utf8_encode(v > 0 ? v : buf[q], out + olen);
        }
    } else {
        memcpy(out, s + i, j - i);
        olen = j - i;
    }
    map_unit(d, out, olen, s + i, j - i, i);
    view_put(&d->norm, out, olen);
    return j - i;
}

static int printable(unsigned char c) {
    return (unsigned)(c - 0x21) < 0x5Eu;
}

static unsigned char fold_ascii(unsigned char c) {
    if ((unsigned)(c - 'A') < 26u) return (unsigned char)(c + 32);
    return c == '`' ? '\'' : c;
}

/* Copy the stretch of printable ASCII starting at s[i] - single whitespace
 * bytes between printable ones included, as ' ' or '\n' - folded (lower
 * case, '`' as '\'').  Its norm view has the same length, so it maps as
 * ONE offset-map piece.  A stretch that runs into non-ASCII leaves its last
 * letter for norm_unit (a combining mark may follow).  Returns the end.
 * 16 bytes at a time: the stretch stops at the first byte that is neither
 * printable nor a whitespace byte followed by a printable one. */
static size_t put_ascii(px_doc *d, const unsigned char *s, size_t n, size_t i) {
    ensure(&d->norm, n - i + 16);
    unsigned char *o = (unsigned char *)d->norm.data + d->norm.len - i;
    size_t j = i;
    while (j + 16 <= n) {
        px_v16 v = px_v16_load(s + j);
        unsigned pr = px_v16_range(v, 0x21, 0x7E),
                 ws = px_v16_range(v, '\t', '\r') | px_v16_eq(v, ' ');
        unsigned stop = ~pr & ~(ws & (pr >> 1)) & 0x7FFFu; /* bytes 0-14 */
        px_v16_fold_store(v, o + j);
        if (stop) { /* the byte-wise loop below stops there too */
            j += (size_t)__builtin_ctz(stop);
            break;
        }
        j += pr >> 15 ? 16 : 15; /* byte 15 is decided with the next ones */
    }
    while (j < n) {
        unsigned char c = s[j];
        if (printable(c)) {
            o[j] = fold_ascii(c);
            j++;
        } else if (is_space_byte(c) && j + 1 < n && printable(s[j + 1])) {
            o[j] = c == '\n' ? '\n' : ' ';
            o[j + 1] = fold_ascii(s[j + 1]);
            j += 2;
        } else {
            break;
        }
    }
    if (j < n && s[j] >= 0x80 && j - i > 1) j--;
    px_offmap_add(&d->norm_map, d->norm.len, j - i, i, j - i);
    d->norm.len += j - i;
    d->norm.data[d->norm.len] = '\0';
    return j;
}

/* Bytes of the run of non-ASCII code points at s[i] that are their own
 * norm form and not followed by a combining mark (that would fold with
 * them): copied as is, one offset-map piece. */
static size_t identity_run(const unsigned char *s, size_t n, size_t i) {
    size_t j = i, l;
    int32_t cp;
    if (j >= n || s[j] < 0x80 || !(l = px_utf8_decode(s + j, n - j, &cp)))
        return 0;
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    while (cp_identity(p, cp)) { /* each code point decoded, looked up once */
        size_t k = j + l, nl;
        int32_t next;
        if (k >= n || s[k] < 0x80 ||
            !(nl = px_utf8_decode(s + k, n - k, &next)))
            return k - i; /* ends after cp: ASCII, the end, an invalid byte */
        const utf8proc_property_t *q = utf8proc_get_property(next);
        if (is_mark_cat(q->category)) break; /* cp folds with its mark */
        j = k, l = nl, cp = next, p = q;
    }
    return j - i;
}

static void build_norm(px_doc *d) {
    const unsigned char *s = (const unsigned char *)d->clean.data;
    size_t n = d->clean.len;
    norm_state st = {0, 0};
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) {
            if (c <= ' ' || c == 0x7F) {
                note_ws(&st, i, c == '\n');
                i++;
                continue;
            }
            flush_ws(d, &st, i);
            if (i + 1 < n && s[i + 1] >= 0x80) /* letter + combining mark? */
                i += norm_unit(d, &st, s, i, n, (int32_t)c, 1);
            else
                i = put_ascii(d, s, n, i);
            continue;
        }
        int32_t cp;
        size_t l = px_utf8_decode(s + i, n - i, &cp);
        if (!l) { /* cannot happen: clean view is valid UTF-8 */
            i++;
            continue;
        }
        size_t run = identity_run(s, n, i);
        if (run) {
            flush_ws(d, &st, i);
            px_offmap_add(&d->norm_map, d->norm.len, run, i, run);
            view_put(&d->norm, s + i, run);
            i += run;
            continue;
        }
        i += norm_unit(d, &st, s, i, n, cp, l);
    }
}

/* ------------------------------------------------------------- tokenizer */

/*
 * Tokens come from bit masks of the norm view, one bit per byte, held per
 * 64-byte block (tok_masks): letter bytes (letters and marks: the bytes of
 * the code point) and digit bytes, '\n', apostrophes, '.' and ','.  ASCII
 * bytes are classified by 16-byte compares; only where bytes >= 0x80 are
 * do code points get decoded and classified by utf8proc category
 * (tok_nonascii).  Then, per block:
 *   joiners  an apostrophe between two letter bytes, a '.' or ',' between
 *            two digit bytes;
 *   words    runs of letter, digit and joiner bytes: a token starts where
 *            the run mask turns on and ends where it turns off;
 *   flags    ALPHA / DIGIT when the span holds a letter / digit byte,
 *            PARA for the first token and when a '\n' lies between the
 *            previous token and this one.
 * This is exactly the scan code point by code point it replaces (a word
 * is letters and digits joined by ' between letters and . or , between
 * digits), with no per-byte branches on ASCII text.
 */

/* Character classes; LETTER and DIGIT equal PX_TOK_ALPHA and PX_TOK_DIGIT. */
enum { CH_SEP = 0, CH_LETTER = 1, CH_DIGIT = 2 };

static int classify_nonascii(int32_t cp) {
    utf8proc_category_t cat = utf8proc_category(cp);
    if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME)
        return CH_LETTER; /* letters and marks */
    if (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO)
        return CH_DIGIT;
    return CH_SEP;
}

/* Where tokens are written, and what they are mapped through: copied
 * into locals so that the token stores cannot alias them. */
typedef struct tok_out {
    const px_offmap *nmap, *cmap; /* norm -> clean, clean -> original */
    const char *norm;
    const unsigned char *clean;
    size_t clean_len;
    size_t nh[2], ch[2]; /* forward-walking hints and windows (offmap.h) */
    px_offwin nw, cw;
    /* both windows at once: norm [lo, hi] maps to clean by adding nd and
     * to the original by adding od (lo > hi: none) */
    size_t lo, hi, nd, od;
} tok_out;

/* The norm range whose spans both windows map, after they moved. */
static void tok_window(tok_out *o) {
    int64_t lo = (int64_t)o->nw.lo, hi = (int64_t)o->nw.hi,
            nd = (int64_t)o->nw.delta;
    if ((int64_t)o->cw.lo - nd > lo) lo = (int64_t)o->cw.lo - nd;
    if ((int64_t)o->cw.hi - nd < hi) hi = (int64_t)o->cw.hi - nd;
    if (!o->nw.hi || !o->cw.hi || lo < 0 || hi <= lo) {
        o->lo = 1, o->hi = 0;
        return;
    }
    o->lo = (size_t)lo, o->hi = (size_t)hi;
    o->nd = o->nw.delta, o->od = o->nw.delta + o->cw.delta;
}

static int starts_upper(const tok_out *o, size_t clean_off) {
    const unsigned char *s = o->clean + clean_off;
    if (*s < 0x80) return *s >= 'A' && *s <= 'Z';
    int32_t cp;
    if (!px_utf8_decode(s, o->clean_len - clean_off, &cp)) return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

/* Write the token norm[ns, ne) to *t (room was counted, see tok_words). */
static inline void emit_token(tok_out *o, px_token *t, size_t ns, size_t ne,
                              unsigned flags) {
    size_t cs, ce, os, oe;
    unsigned char c0;
    if (ns >= o->lo && ne <= o->hi) { /* inside both windows */
        cs = ns + o->nd, os = ns + o->od, oe = ne + o->od;
        c0 = o->clean[cs]; /* a clean byte of the window's piece */
    } else {
        px_offmap_span_at(o->nmap, ns, ne, o->nh, &o->nw, &cs, &ce);
        if (cs < ce)
            px_offmap_span_at(o->cmap, cs, ce, o->ch, &o->cw, &os, &oe);
        else { /* cannot happen (a norm byte comes from >= 1 clean byte) */
            os = px_offmap_start_at(o->cmap, cs, &o->ch[0]);
            oe = px_offmap_end_at(o->cmap, ce, &o->ch[1]);
        }
        tok_window(o);
        c0 = cs < o->clean_len ? o->clean[cs] : 0;
    }
    if (c0 < 0x80 ? (unsigned)(c0 - 'A') < 26u : starts_upper(o, cs))
        flags |= PX_TOK_CAP;
    /* == px_hash64(norm, len, 0) (test_doc checks), inlined: hot path */
    *t = (px_token){(uint32_t)os,
                    (uint32_t)oe,
                    (uint32_t)ns,
                    (uint32_t)(ne - ns),
                    XXH3_64bits(o->norm + ns, ne - ns),
                    flags};
}

/* Per-block masks of the norm view; each array has nb + 1 entries, the
 * last one zero (bytes past the end are no word bytes). */
typedef struct tok_masks {
    uint64_t *let, *dig, *nl, *ap, *dc, *hi;
    size_t nb;
} tok_masks;

/* Masks of the 64 bytes at s into block k. */
static void tok_block(const unsigned char *s, tok_masks *m, size_t k) {
    uint64_t let = 0, dig = 0, nl = 0, ap = 0, dc = 0, hi = 0;
    for (unsigned q = 0; q < 4; q++) {
        px_v16 v = px_v16_load(s + 16 * q);
        unsigned sh = 16 * q;
        let |= (uint64_t)px_v16_alpha(v) << sh;
        dig |= (uint64_t)px_v16_range(v, '0', '9') << sh;
        nl |= (uint64_t)px_v16_eq(v, '\n') << sh;
        ap |= (uint64_t)px_v16_eq(v, '\'') << sh;
        dc |= (uint64_t)px_v16_eq_or(v, 0x02, '.') << sh; /* . and , */
        hi |= (uint64_t)px_v16_high(v) << sh;
    }
    m->let[k] = let, m->dig[k] = dig, m->nl[k] = nl;
    m->ap[k] = ap, m->dc[k] = dc, m->hi[k] = hi;
}

/* Set bits [a, b) (a < b) of a mask array. */
static void set_range(uint64_t *m, size_t a, size_t b) {
    size_t ka = a >> 6, kb = (b - 1) >> 6;
    uint64_t lo = ~0ull << (a & 63), hi = ~0ull >> (63 - ((b - 1) & 63));
    if (ka == kb) {
        m[ka] |= lo & hi;
        return;
    }
    m[ka] |= lo;
    for (size_t k = ka + 1; k < kb; k++) m[k] = ~0ull;
    m[kb] |= hi;
}

/* Letter and digit bits of the non-ASCII code points, decoded from left
 * to right as the text reads (an invalid byte is a one-byte separator):
 * each run of bytes >= 0x80 is decoded in one go, and each stretch of one
 * class is marked at once. */
static void tok_nonascii(const unsigned char *s, size_t n, tok_masks *m) {
    size_t i = 0, k = 0; /* i: start of the next code point to decode */
    /* classes of recent code points (a text repeats its alphabet): a
     * direct-mapped cache in front of utf8proc, keyed by cp mod 128 */
    int32_t seen[128];
    unsigned char cls[128];
    memset(seen, 0xFF, sizeof seen);
    while (k < m->nb) {
        size_t base = 64 * k;
        uint64_t h = m->hi[k];
        if (i > base) h = i - base >= 64 ? 0 : h & (~0ull << (i - base));
        if (!h) {
            k++;
            continue;
        }
        i = base + (size_t)__builtin_ctzll(h);
        size_t rs = i; /* start of the stretch of class rc */
        int rc = CH_SEP;
        while (i < n && s[i] >= 0x80) {
            int32_t cp;
            size_t l = px_utf8_decode(s + i, n - i, &cp);
            int c = CH_SEP;
            if (l) {
                unsigned h7 = (unsigned)cp & 127u;
                if (seen[h7] != cp)
                    seen[h7] = cp,
                    cls[h7] = (unsigned char)classify_nonascii(cp);
                c = cls[h7];
            }
            if (c != rc) {
                if (rc) set_range(rc == CH_LETTER ? m->let : m->dig, rs, i);
                rs = i, rc = c;
            }
            i += l ? l : 1;
        }
        if (rc) set_range(rc == CH_LETTER ? m->let : m->dig, rs, i);
        k = i >> 6;
    }
}

/* a + b + *carry, the carry out left in *carry. */
static inline uint64_t add_carry(uint64_t a, uint64_t b, unsigned *carry) {
    uint64_t s = a + b, t = s + *carry;
    *carry = (s < a) | (t < s);
    return t;
}

/* Words and flags from the class masks, in place: let becomes the word
 * mask W; nl the starts of PARA tokens; dig and ap the (exclusive) ends
 * of tokens holding a digit / a letter.  Flags travel along a run by
 * carry propagation: adding a run's marked bits to the run's mask carries
 * out just past the run.  Returns the number of tokens. */
static size_t tok_words(tok_masks *m) {
    size_t nb = m->nb, ntok = 0;
    uint64_t prevL = 0, prevD = 0, wprev = 0;
    unsigned cp = 1, ca = 0, cd = 0; /* carry 1: the first token is PARA */
    for (size_t k = 0; k <= nb; k++) {
        uint64_t L = m->let[k], D = m->dig[k];
        uint64_t Lp = L << 1 | prevL >> 63, Dp = D << 1 | prevD >> 63;
        uint64_t Ln = L >> 1 | (k < nb ? m->let[k + 1] << 63 : 0),
                 Dn = D >> 1 | (k < nb ? m->dig[k + 1] << 63 : 0);
        uint64_t W = L | D | (m->ap[k] & Lp & Ln) | (m->dc[k] & Dp & Dn);
        ntok += px_popcount64(W & ~(W << 1 | wprev >> 63));
        m->nl[k] = add_carry(~W, m->nl[k], &cp) & W;
        m->ap[k] = add_carry(W, L, &ca) & ~W;
        m->dig[k] = add_carry(W, D, &cd) & ~W;
        m->let[k] = W;
        prevL = L, prevD = D, wprev = W;
    }
    return ntok;
}

static void tokenize(px_doc *d) {
    const unsigned char *s = (const unsigned char *)d->norm.data;
    size_t n = d->norm.len;
    if (!n) {
        d->tok = px_malloc(sizeof *d->tok);
        return;
    }
    size_t nb = (n + 63) / 64, full = n / 64;
    uint64_t *buf = px_malloc(6 * (nb + 1) * sizeof *buf);
    tok_masks m = {buf,
                   buf + (nb + 1),
                   buf + 2 * (nb + 1),
                   buf + 3 * (nb + 1),
                   buf + 4 * (nb + 1),
                   buf + 5 * (nb + 1),
                   nb};
    /* one call site, so that tok_block is inlined with its constants */
    unsigned char tail[64] = {0}; /* the last, partial block, padded */
    memcpy(tail, s + 64 * full, n - 64 * full);
    uint64_t any_hi = 0;
    for (size_t k = 0; k <= nb; k++) {
        tok_block(k < full ? s + 64 * k : tail, &m, k);
        any_hi |= m.hi[k];
        if (k == full) memset(tail, 0, sizeof tail); /* then the sentinel */
    }
    if (any_hi) tok_nonascii(s, n, &m);
    d->atok = tok_words(&m);
    d->tok = px_malloc((d->atok ? d->atok : 1) * sizeof *d->tok);

    const uint64_t *W = m.let, *para = m.nl, *alpha = m.ap, *digit = m.dig;
    tok_out o = {&d->norm_map,
                 &d->clean_map,
                 d->norm.data,
                 (const unsigned char *)d->clean.data,
                 d->clean.len,
                 {0, 0},
                 {0, 0},
                 {0, 0, 0},
                 {0, 0, 0},
                 1,
                 0,
                 0,
                 0};
    px_token *t = d->tok;
    uint64_t wprev = 0;
    size_t start = 0;
    unsigned flags = 0; /* of the token running in from earlier blocks */
    int open = 0;
    for (size_t k = 0; k <= nb; k++) {
        uint64_t w = W[k], st = w & ~(w << 1 | wprev >> 63),
                 en = ~w & (w << 1 | wprev >> 63);
        uint64_t pk = para[k], ak = alpha[k], dk = digit[k];
        size_t base = 64 * k;
        wprev = w;
        while (st | en) {
            if (!open) { /* next start */
                unsigned sb = (unsigned)__builtin_ctzll(st);
                flags = (unsigned)(pk >> sb & 1) * PX_TOK_PARA;
                start = base + sb;
                st &= st - 1;
                open = 1;
                if (!en) break;
            }
            unsigned eb = (unsigned)__builtin_ctzll(en); /* its end */
            flags |= (unsigned)(ak >> eb & 1) * PX_TOK_ALPHA |
                     (unsigned)(dk >> eb & 1) * PX_TOK_DIGIT;
            emit_token(&o, t++, start, base + eb, flags);
            en &= en - 1;
            open = 0;
        }
    }
    d->ntok = (size_t)(t - d->tok);
    px_free(buf);
}

/* ------------------------------------------------------------ public API */

/* Allocate a view once at its size bound (it may still grow: NFKC can
 * lengthen text). */
static void reserve(px_buf *b, size_t n) {
    b->data = px_malloc(n);
    b->alloc = n;
    b->data[0] = '\0';
}

px_result px_doc_new(const char *text, size_t len, const px_doc_opts *opts,
                     px_doc **out) {
    *out = NULL;
    if (!text && len) return PX_ERR_INVALID;
    if (len > PX_DOC_MAX_BYTES) return PX_ERR_TOOBIG;
    px_doc *d = px_calloc(1, sizeof *d);
    d->orig = text ? text : "";
    d->orig_len = len;
    px_buf_init(&d->clean, 0);
    px_buf_init(&d->norm, 0);
    px_offmap_init(&d->clean_map);
    px_offmap_init(&d->norm_map);
    px_result rc;
    if (opts && opts->no_clean) {
        px_clean_keep(&d->co, 0, len);
        rc = PX_OK;
    } else {
        rc = px_clean_run(d->orig, len, opts, &d->co);
    }
    if (rc) {
        px_doc_free(d);
        return rc;
    }
    reserve(&d->clean, len + 64);
    build_clean(d);
    reserve(&d->norm, d->clean.len + 64);
    build_norm(d);
    tokenize(d);
    px_buf_putc(&d->clean, '\0'); /* ensure data != NULL */
    d->clean.len--;
    px_buf_putc(&d->norm, '\0');
    d->norm.len--;
    *out = d;
    return PX_OK;
}

void px_doc_free(px_doc *d) {
    if (!d) return;
    px_buf_release(&d->clean);
    px_buf_release(&d->norm);
    px_offmap_release(&d->clean_map);
    px_offmap_release(&d->norm_map);
    px_free(d->tok);
    px_clean_out_release(&d->co);
    px_free(d);
}

const char *px_doc_orig(const px_doc *d, size_t *len) {
    if (len) *len = d->orig_len;
    return d->orig;
}

const char *px_doc_clean(const px_doc *d, size_t *len) {
    if (len) *len = d->clean.len;
    return d->clean.data;
}

const char *px_doc_norm(const px_doc *d, size_t *len) {
    if (len) *len = d->norm.len;
    return d->norm.data;
}

size_t px_doc_clean_to_orig(const px_doc *d, size_t off) {
    return px_offmap_start(&d->clean_map, off);
}

size_t px_doc_norm_to_orig(const px_doc *d, size_t off) {
    return px_offmap_start(&d->clean_map, px_offmap_start(&d->norm_map, off));
}

const px_token *px_doc_tokens(const px_doc *d, size_t *n) {
    *n = d->ntok;
    return d->tok;
}

const px_removal *px_doc_removals(const px_doc *d, size_t *n) {
    *n = d->co.nrm;
    return d->co.rm;
}

const char *px_doc_meta(const px_doc *d, const char *key) {
    if (!strcmp(key, "title")) return d->co.title;
    if (!strcmp(key, "wire")) return d->co.wire;
    if (!strcmp(key, "outlet")) return d->co.outlet;
    if (!strcmp(key, "dateline")) return d->co.dateline;
    return NULL;
}

size_t px_doc_bad_utf8(const px_doc *d) {
    return d->bad_utf8;
}
