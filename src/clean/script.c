/*
 * script.c - approximate Unicode script of letters by block (see script.h).
 *
 * ASCII letters are Latin without a table lookup; other code points are
 * first checked to be letters (utf8proc category L*) and then placed by
 * block ranges, the common ones first.
 */
#include <utf8proc.h>

#include "clean/script.h"
#include "clean/simd.h"
#include "core/utf8.h"

typedef struct block {
    int32_t lo, hi;
    int script;
} block;

static const block blocks[] = {
    {0x00C0, 0x024F, PX_SC_LATIN},    {0x0370, 0x03FF, PX_SC_GREEK},
    {0x0400, 0x052F, PX_SC_CYRILLIC}, {0x0530, 0x058F, PX_SC_ARMENIAN},
    {0x0590, 0x05FF, PX_SC_HEBREW},   {0x0600, 0x06FF, PX_SC_ARABIC},
    {0x0750, 0x077F, PX_SC_ARABIC},   {0x08A0, 0x08FF, PX_SC_ARABIC},
    {0x0E00, 0x0E7F, PX_SC_THAI},     {0x10A0, 0x10FF, PX_SC_GEORGIAN},
    {0x1100, 0x11FF, PX_SC_HANGUL},   {0x1200, 0x139F, PX_SC_ETHIOPIC},
    {0x1C80, 0x1C8F, PX_SC_CYRILLIC}, {0x1E00, 0x1EFF, PX_SC_LATIN},
    {0x1F00, 0x1FFF, PX_SC_GREEK},    {0x2C60, 0x2C7F, PX_SC_LATIN},
    {0x2DE0, 0x2DFF, PX_SC_CYRILLIC}, {0x3040, 0x30FF, PX_SC_CJK},
    {0x3400, 0x4DBF, PX_SC_CJK},      {0x4E00, 0x9FFF, PX_SC_CJK},
    {0xA640, 0xA69F, PX_SC_CYRILLIC}, {0xA720, 0xA7FF, PX_SC_LATIN},
    {0xAC00, 0xD7AF, PX_SC_HANGUL},   {0xF900, 0xFAFF, PX_SC_CJK},
    {0xFB1D, 0xFB4F, PX_SC_HEBREW},   {0xFB50, 0xFDFF, PX_SC_ARABIC},
    {0xFE70, 0xFEFF, PX_SC_ARABIC},   {0xFF21, 0xFF5A, PX_SC_LATIN},
    {0xFF66, 0xFF9F, PX_SC_CJK},      {0x20000, 0x3134F, PX_SC_CJK},
};

int px_script_of(int32_t cp) {
    if (cp < 0x80)
        return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? PX_SC_LATIN
                                                          : PX_SC_NONE;
    utf8proc_category_t c = utf8proc_category(cp);
    if (c < UTF8PROC_CATEGORY_LU || c > UTF8PROC_CATEGORY_LO) return PX_SC_NONE;
    if (cp >= 0x0900 && cp < 0x0E00) return PX_SC_INDIC + (cp - 0x0900) / 0x80;
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
        if (cp >= blocks[i].lo && cp <= blocks[i].hi) return blocks[i].script;
    return PX_SC_OTHER;
}

int px_script_unspaced(int32_t cp) {
    if (cp < 0x0E00) return 0; /* below Thai: every alphabet with spaces */
    if (cp == 0x3005) return PX_UNSPACED_IDEO; /* 々 repeats the Han before */
    switch (px_script_of(cp)) {
    case PX_SC_CJK: return PX_UNSPACED_IDEO;
    case PX_SC_THAI: return PX_UNSPACED_ALPHA;
    case PX_SC_OTHER: /* Lao, Myanmar, Khmer */
        return (cp >= 0x0E80 && cp <= 0x0EFF) ||
                       (cp >= 0x1000 && cp <= 0x109F) ||
                       (cp >= 0x1780 && cp <= 0x17FF)
                   ? PX_UNSPACED_ALPHA
                   : 0;
    default: return 0;
    }
}

size_t px_script_count(const char *s, size_t n, size_t counts[PX_SC_COUNT]) {
    const unsigned char *u = (const unsigned char *)s;
    size_t total = 0, i = 0;
    while (i < n) {
        if (i + 16 <= n) { /* 16 ASCII bytes: count their letters at once */
            px_v16 v = px_v16_load(u + i);
            if (!px_v16_high(v)) {
                unsigned k = px_popcount16(px_v16_alpha(v));
                counts[PX_SC_LATIN] += k, total += k;
                i += 16;
                continue;
            }
        }
        if (u[i] < 0x80) { /* fast path: ASCII letters are Latin */
            if (((u[i] | 0x20) >= 'a' && (u[i] | 0x20) <= 'z'))
                counts[PX_SC_LATIN]++, total++;
            i++;
            continue;
        }
        int32_t cp;
        size_t l = px_utf8_decode(u + i, n - i, &cp);
        if (!l) {
            i++;
            continue;
        }
        int sc = px_script_of(cp);
        if (sc) counts[sc]++, total++;
        i += l;
    }
    return total;
}

size_t px_grapheme_end(const char *s, size_t n, size_t i) {
    const unsigned char *u = (const unsigned char *)s;
    int32_t prev, cp, state = 0;
    size_t l = px_utf8_decode(u + i, n - i, &prev);
    if (!l) return i + 1;
    for (i += l; i < n; i += l) {
        if (!(l = px_utf8_decode(u + i, n - i, &cp)) ||
            utf8proc_grapheme_break_stateful(prev, cp, &state))
            break;
        prev = cp;
    }
    return i;
}

size_t px_grapheme_cut(const char *s, size_t n, size_t from, size_t to) {
    size_t cut = from;
    for (size_t g; cut < n && (g = px_grapheme_end(s, n, cut)) <= to;) cut = g;
    return cut;
}

int px_script_dominant(const size_t counts[PX_SC_COUNT]) {
    int best = PX_SC_NONE;
    for (int s = 1; s < PX_SC_COUNT; s++)
        if (counts[s] > counts[best]) best = s;
    return best;
}

int px_script_uniform(const char *s, size_t n) {
    size_t counts[PX_SC_COUNT] = {0};
    size_t total = px_script_count(s, n, counts);
    if (!total) return PX_SC_NONE;
    int d = px_script_dominant(counts);
    return counts[d] == total ? d : -1;
}
