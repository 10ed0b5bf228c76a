/*
 * fold.c - line splitting and the folded comparison form (see fold.h).
 *
 * ASCII bytes take a table-free fast path; other code points go through
 * utf8proc_tolower and the category check for spaces.
 */
#include <string.h> /* memchr */
#include <utf8proc.h>

#include "clean/fold.h"
#include "clean/simd.h"
#include "core/array.h"
#include "core/utf8.h"
#include "parallax/core.h"

void px_lines_split(const char *text, size_t len, px_line **out, size_t *n) {
    size_t cap = 16, k = 0, i = 0;
    px_line *v = px_malloc(cap * sizeof *v);
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t next = nl ? end + 1 : len;
        if (end > i && text[end - 1] == '\r') end--;
        v = px_array_grow(v, &cap, k + 1, 16, sizeof *v);
        v[k++] = (px_line){i, end, next};
        i = next;
    }
    *out = v;
    *n = k;
}

static int is_ascii_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
           c == '\v';
}

int px_line_blank(const char *text, const px_line *l) {
    for (size_t i = l->start; i < l->end; i++)
        if (!is_ascii_space((unsigned char)text[i])) return 0;
    return 1;
}

/* Append one folded non-ASCII code point; returns 0 when out of room. */
static int put_cp(char *out, size_t cap, size_t *o, int32_t cp, int *space) {
    utf8proc_category_t cat = utf8proc_category(cp);
    if (cat == UTF8PROC_CATEGORY_ZS) {
        *space = *o > 0;
        return 1;
    }
    if (cat == UTF8PROC_CATEGORY_CF) return 1; /* zero-width, BOM, RLM */
    unsigned char enc[4];
    size_t l = px_utf8_encode(utf8proc_tolower(cp), enc);
    if (*o + *space + l + 1 > cap) return 0;
    if (*space) out[(*o)++] = ' ';
    *space = 0;
    memcpy(out + *o, enc, l);
    *o += l;
    return 1;
}

size_t px_fold(const char *s, size_t n, char *out, size_t cap) {
    const unsigned char *u = (const unsigned char *)s;
    size_t o = 0, i = 0;
    int space = 0;
    if (!cap) return (size_t)-1;
    while (i < n) {
        if (i + 16 <= n && o + (size_t)space + 17 <= cap) {
            /* 16 ASCII bytes, single spaces between words: same length */
            px_v16 v = px_v16_load(u + i);
            unsigned sp = px_v16_range(v, '\t', '\r') | px_v16_eq(v, ' ');
            if (!px_v16_high(v) && !(sp & (sp << 1) & 0xFFFFu) &&
                !(sp & 0x8001u)) {
                if (space) out[o++] = ' ';
                space = 0;
                px_v16_lower_store(v, (unsigned char *)out + o);
                o += 16, i += 16;
                continue;
            }
        }
        unsigned b = u[i];
        if (b < 0x80) { /* fast path: no decoding, no utf8proc */
            if (is_ascii_space((unsigned char)b)) {
                space = o > 0;
            } else {
                if (o + (size_t)space + 2 > cap) return (size_t)-1;
                if (space) out[o++] = ' ';
                space = 0;
                out[o++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
            }
            i++;
            continue;
        }
        int32_t cp;
        size_t l = px_utf8_decode(u + i, n - i, &cp);
        if (!l || !put_cp(out, cap, &o, cp, &space)) return (size_t)-1;
        i += l;
    }
    out[o] = '\0';
    return o;
}

/* Word starts are counted 16 bytes at a time (a non-space byte after a
 * space or at the start), and the count capped at limit: the same as
 * stopping at the limit-th word. */
size_t px_count_words(const char *s, size_t n, size_t limit) {
    const unsigned char *u = (const unsigned char *)s;
    size_t w = 0, i = 0;
    unsigned prev_sp = 1; /* the byte before s counts as a space */
    for (; i + 16 <= n && w < limit; i += 16) {
        px_v16 v = px_v16_load(u + i);
        unsigned sp = px_v16_range(v, '\t', '\r') | px_v16_eq(v, ' ');
        w += px_popcount16(~sp & (sp << 1 | prev_sp) & 0xFFFFu);
        prev_sp = sp >> 15;
    }
    int in = !prev_sp;
    for (; i < n && w < limit; i++) {
        int sp = is_ascii_space(u[i]);
        if (!sp && !in) w++;
        in = !sp;
    }
    return w < limit ? w : limit;
}

int px_cp_final_punct(int32_t cp) {
    if (cp < 0x80) return px_ascii_final_punct((unsigned)cp);
    switch (cp) {
    case 0x2019:
    case 0x201D:
    case 0x00BB:
    case 0x2026:
    case 0x203A:
    case 0x3002:
    case 0xFF01:
    case 0xFF1F:
    case 0xFF0E:
    case 0x300D:
    case 0x300F:
    case 0x061F:
    case 0x06D4:
    case 0x0964:
    case 0x0965: return 1;
    default: return 0;
    }
}
