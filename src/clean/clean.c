/*
 * clean.c - conservative, explainable boilerplate removal.
 *
 * Contract in clean_int.h: the original text is split into kept spans and
 * removals, each removal with a reason and a human detail.  Design:
 *
 *   1. Split into lines once (fold.c); find the zones above the first and
 *      below the last paragraph (a line of 12+ words).
 *   2. Rules propose candidates (rules.h), each from one observable shape:
 *        control     C0/C1 control characters, a leading BOM
 *        title       the first line repeated right below itself: keep the
 *                    first, remove the repeats (`title` metadata)
 *        dateline    "MOSCOW (Reuters) - " (meta.c)
 *        footer      from the last line up: credit lines (meta.c), share
 *                    lines, UI labels, learned recurring lines
 *        each line   a whole-line UI label ("Advertisement", or a short
 *                    line in another script than the article's and its
 *                    neighbours'), a share line, a learned recurring line
 *                    that is not a sentence, a label glued after the final
 *                    punctuation of a paragraph ("...World War II.اضافة
 *                    اعلان") - from the lexicon, or an unknown short run in
 *                    another script with no space - and a lexicon label
 *                    glued to the start ("AdvertisementThe ...")
 *   3. Candidates are sorted, overlaps trimmed, keep = the complement.
 *
 * Never removed: a line of 12+ words (except as a title repeat or as
 * footer debris), anything inside a sentence, text in the paragraph's own
 * script.  Self-references stay in the text (meta.c).  Cost: one pass over
 * the bytes for control characters and line ends; every rule is gated by a
 * cheap test on a line's ends or first bytes, so the cleaner is cheap next
 * to normalising (bench/bench_clean.sh).
 */
#include <assert.h> /* assert */
#include <stdio.h>  /* snprintf */
#include <stdlib.h> /* qsort */
#include <string.h> /* memset, memcmp */

#include <utf8proc.h>

#include "clean/lexicon.h"
#include "clean/rules.h"
#include "clean/script.h"
#include "clean/simd.h"
#include "core/array.h"
#include "core/utf8.h"
#include "parallax/clean.h"

/* ------------------------------------------------------------- candidates */

void px_ctx_cand(px_clean_ctx *c, size_t start, size_t end,
                 px_removal_reason why, const char *detail, const char *tag) {
    if (start >= end) return;
    c->cand =
        px_array_grow(c->cand, &c->acand, c->ncand + 1, 8, sizeof *c->cand);
    c->cand[c->ncand++] = (px_cand){start, end, why, detail, tag};
}

void px_ctx_meta(char **field, const char *s, size_t n) {
    if (!*field && n) *field = px_strndup(s, n);
}

static void whole_line(px_clean_ctx *c, size_t i, px_removal_reason why,
                       const char *detail, const char *tag) {
    px_ctx_cand(c, c->lines[i].start, c->lines[i].next, why, detail, tag);
}

/* ----------------------------------------------------- control characters */

static int control_at(const unsigned char *s, size_t n, size_t i, size_t *len) {
    unsigned b = s[i];
    *len = 1;
    if (b < 0x20) return b != '\t' && b != '\n' && b != '\r' && b != '\f';
    if (b == 0x7F) return 1;
    if (b == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F)
        return *len = 2, 1;
    if (i == 0 && n >= 3 && b == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        return *len = 3, 1;
    return 0;
}

/* Bytes of the 16 at s where control_at may find a control character
 * (past offset 0, where a BOM may stand): C0 controls but \t \n \f \r,
 * DEL, and 0xC2 (C1 controls are U+0080-U+009F). */
static unsigned control_candidates(const unsigned char *s) {
    px_v16 v = px_v16_load(s);
    if ((px_v16_range(v, 0x20, 0x7E) | px_v16_eq(v, '\n')) == 0xFFFFu)
        return 0; /* the common case: printable ASCII and newlines */
    return px_v16_range(v, 0x00, 0x08) | px_v16_eq(v, 0x0B) |
           px_v16_range(v, 0x0E, 0x1F) | px_v16_eq(v, 0x7F) |
           px_v16_eq(v, 0xC2);
}

static void rule_control(px_clean_ctx *c) {
    const unsigned char *s = (const unsigned char *)c->text;
    size_t i = 0, n = c->len, l;
    while (i < n) {
        if (i && i + 64 <= n && px_plain64(s + i)) {
            i += 64;
            continue;
        }
        if (i && i + 16 <= n) { /* skip to the next candidate byte */
            unsigned m = control_candidates(s + i);
            if (!m) {
                i += 16;
                continue;
            }
            i += (size_t)__builtin_ctz(m);
        }
        if (!control_at(s, n, i, &l)) {
            i++;
            continue;
        }
        size_t start = i;
        while (i < n && control_at(s, n, i, &l)) i += l;
        px_ctx_cand(c, start, i, PX_RM_CONTROL, "control characters", NULL);
    }
}

/* ---------------------------------------------------------------- helpers */

static size_t line_len(const px_clean_ctx *c, size_t i) {
    return c->lines[i].end - c->lines[i].start;
}

/* Fold line i into f (cap bytes); (size_t)-1 if too long. */
static size_t fold_line(const px_clean_ctx *c, size_t i, char *f, size_t cap) {
    if (line_len(c, i) >= cap) return (size_t)-1;
    return px_fold(c->text + c->lines[i].start, line_len(c, i), f, cap);
}

static int ends_final(const char *s, size_t n) {
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    if (!n) return 0;
    unsigned char last = (unsigned char)s[n - 1];
    if (last < 0x80) return px_ascii_final_punct(last);
    size_t k = n - 1;
    while (k && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
    int32_t cp;
    return px_utf8_decode((const unsigned char *)s + k, n - k, &cp) &&
           px_cp_final_punct(cp);
}

/* A paragraph: 12 words or more. */
static int paragraph(const px_clean_ctx *c, size_t i) {
    return line_len(c, i) >= 48 && px_count_words(c->text + c->lines[i].start,
                                                  line_len(c, i), 12) >= 12;
}

static int sentence_like(const px_clean_ctx *c, size_t i) {
    const char *s = c->text + c->lines[i].start;
    return ends_final(s, line_len(c, i)) || paragraph(c, i);
}

static int at_edge(const px_clean_ctx *c, size_t i) {
    return i < c->head_end || i >= c->foot_start;
}

static size_t nonblank_lines(const px_clean_ctx *c) {
    size_t k = 0;
    for (size_t i = 0; i < c->nlines && k < 2; i++)
        k += !px_line_blank(c->text, &c->lines[i]);
    return k;
}

/* First paragraph from the top, last from the bottom: only the lines
 * around the edges are measured. */
static void find_zones(px_clean_ctx *c) {
    size_t first = 0, last = c->nlines;
    while (first < c->nlines && !paragraph(c, first)) first++;
    if (first == c->nlines) {
        c->head_end = c->foot_start = 0; /* no paragraph: all edge */
        return;
    }
    while (last > first && !paragraph(c, last - 1)) last--;
    c->head_end = first;
    c->foot_start = last;
}

/* Dominant script of the article, sampled on its first KB (enough to
 * tell an English article from a Russian one); PX_SC_NONE when unclear. */
static int doc_script(px_clean_ctx *c) {
    if (c->doc_script < 0) {
        size_t counts[PX_SC_COUNT] = {0};
        size_t n = c->len < 1024 ? c->len : 1024;
        size_t total = px_script_count(c->text, n, counts);
        int d = px_script_dominant(counts);
        c->doc_script = total >= 200 && counts[d] * 2 > total ? d : PX_SC_NONE;
    }
    return c->doc_script;
}

/* ------------------------------------------------------------------ title */

/* First and last non-blank byte of line i, ASCII-lower-cased: a cheap
 * test before folding two lines to compare them. */
static int line_ends(const px_clean_ctx *c, size_t i, unsigned *first,
                     unsigned *last) {
    const unsigned char *s = (const unsigned char *)c->text;
    size_t a = c->lines[i].start, b = c->lines[i].end;
    while (a < b && (s[a] == ' ' || s[a] == '\t')) a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) b--;
    if (a == b) return 0;
    *first = (unsigned)(s[a] - 'A') < 26u ? s[a] + 32u : s[a];
    *last = (unsigned)(s[b - 1] - 'A') < 26u ? s[b - 1] + 32u : s[b - 1];
    return 1;
}

static int same_line(const px_clean_ctx *c, size_t a, size_t b) {
    char fa[512], fb[512];
    unsigned f1, l1, f2, l2;
    if (!line_ends(c, a, &f1, &l1) || !line_ends(c, b, &f2, &l2) ||
        (f1 < 0x80 && f1 != f2) || (l1 < 0x80 && l1 != l2))
        return 0;
    size_t la = fold_line(c, a, fa, sizeof fa);
    size_t lb = fold_line(c, b, fb, sizeof fb);
    return la != (size_t)-1 && la == lb && la && !memcmp(fa, fb, la);
}

static int is_given_title(const px_clean_ctx *c, size_t i) {
    const char *t = c->opts->title;
    char fa[512], fb[512];
    if (!t) return 0;
    size_t la = fold_line(c, i, fa, sizeof fa);
    size_t lb = px_fold(t, strlen(t), fb, sizeof fb);
    return la != (size_t)-1 && la == lb && !memcmp(fa, fb, la);
}

static void rule_title(px_clean_ctx *c) {
    size_t t = 0, reps = 0;
    while (t < c->nlines && t < 3 && px_line_blank(c->text, &c->lines[t])) t++;
    if (t >= c->nlines || t >= 3 || line_len(c, t) > 400) return;
    for (size_t j = t + 1; j < c->nlines && j < t + 12; j++) {
        if (px_line_blank(c->text, &c->lines[j])) continue;
        if (!same_line(c, t, j)) break;
        whole_line(c, j, PX_RM_TITLE_REPEAT,
                   "title repeated at the top (first kept)", NULL);
        reps++;
    }
    if (reps || is_given_title(c, t))
        px_ctx_meta(&c->out->title, c->text + c->lines[t].start,
                    line_len(c, t));
}

/* ------------------------------------------------------------ line rules */

/* Dominant script of the non-blank line next to line i (dir -1 or +1),
 * read on at most 128 bytes; PX_SC_NONE when there is none. */
static int neighbour_script(const px_clean_ctx *c, size_t i, int dir) {
    size_t k = i;
    do {
        if (dir < 0 ? k == 0 : k + 1 >= c->nlines) return PX_SC_NONE;
        k = dir < 0 ? k - 1 : k + 1;
    } while (px_line_blank(c->text, &c->lines[k]));
    size_t counts[PX_SC_COUNT] = {0}, n = line_len(c, k);
    px_script_count(c->text + c->lines[k].start, n < 128 ? n : 128, counts);
    return px_script_dominant(counts);
}

/* An unknown short line in another script than the article's, and not
 * part of a passage in that script (a quoted verse, a bilingual block). */
static int foreign_short(px_clean_ctx *c, size_t i) {
    const char *s = c->text + c->lines[i].start;
    size_t n = line_len(c, i);
    if (n > 48 || px_count_words(s, n, 4) > 3 || ends_final(s, n)) return 0;
    int sc = px_script_uniform(s, n);
    if (sc <= PX_SC_NONE) return 0;
    int d = doc_script(c);
    return d != PX_SC_NONE && sc != d && neighbour_script(c, i, -1) != sc &&
           neighbour_script(c, i, +1) != sc;
}

/* A line folded at most once, on first need, for the rules that compare
 * it against word lists. */
typedef struct folded_line {
    char f[256];
    size_t n; /* (size_t)-1: too long or invalid */
    int done;
} folded_line;

static size_t fold_once(const px_clean_ctx *c, size_t i, folded_line *fo) {
    if (!fo->done) {
        fo->n = fold_line(c, i, fo->f, sizeof fo->f);
        fo->done = 1;
    }
    return fo->n;
}

static int line_label(px_clean_ctx *c, size_t i, folded_line *fo) {
    const char *s = c->text + c->lines[i].start;
    if (line_len(c, i) > 96 || ends_final(s, line_len(c, i)))
        return 0; /* labels are short and no sentences: skip folding */
    size_t fl = fold_once(c, i, fo);
    if (fl == (size_t)-1 || !fl) return 0;
    const char *lang = px_lex_ui_label(fo->f, fl);
    if (lang) {
        whole_line(c, i, PX_RM_UI_LABEL, "UI/ad label line", lang);
        return 1;
    }
    if (!foreign_short(c, i)) return 0;
    whole_line(c, i, PX_RM_UI_LABEL,
               "short line in another script than the article", NULL);
    return 1;
}

/* Cheap gate: the line's first word opens a call to action, or the line
 * is short and no sentence (it may list platforms only). */
static int share_opening(const px_clean_ctx *c, size_t i) {
    size_t n = line_len(c, i), k = 0;
    const char *s = c->text + c->lines[i].start;
    if (n <= 96 && !ends_final(s, n)) return 1;
    while (k < n && (s[k] == ' ' || s[k] == '\t')) k++;
    return px_lex_share_gate(s + k, n - k) && px_lex_share_first(s + k, n - k);
}

static int line_share(px_clean_ctx *c, size_t i, int edge, folded_line *fo) {
    if (line_len(c, i) > 200 || !share_opening(c, i)) return 0;
    size_t fl = fold_once(c, i, fo);
    if (fl == (size_t)-1 || !fl || px_count_words(fo->f, fl, 21) > 20 ||
        !px_lex_share(fo->f, fl, edge))
        return 0;
    whole_line(c, i, PX_RM_SHARE, "share/subscribe/follow line", NULL);
    return 1;
}

static int line_recurring(px_clean_ctx *c, size_t i, int edge) {
    const px_boiler *b = c->opts->learned;
    if (!b || line_len(c, i) > PX_BOILER_MAX_LINE) return 0;
    if (!edge && sentence_like(c, i)) return 0;
    if (!px_boiler_recurring(b, c->opts->outlet, c->text + c->lines[i].start,
                             line_len(c, i)))
        return 0;
    whole_line(c, i, PX_RM_RECURRING,
               "line recurring across the outlet's "
               "articles (learned)",
               NULL);
    return 1;
}

/* Start of the run after the last final punctuation in the last 96 bytes
 * of [a, b), or b when there is none. */
static size_t tail_start(const char *t, size_t a, size_t b) {
    size_t i = b > a + 96 ? b - 96 : a, after = b;
    while (i < b && ((unsigned char)t[i] & 0xC0) == 0x80) i++;
    while (i < b) {
        int32_t cp;
        size_t l = px_utf8_decode((const unsigned char *)t + i, b - i, &cp);
        if (!l) return b;
        i += l;
        if (px_cp_final_punct(cp)) after = i;
    }
    return after;
}

/* The paragraph before the run is written mostly in another script. */
static int foreign_run(const char *t, size_t a, size_t ts, size_t te) {
    size_t n = te - ts;
    if (n > 64 || px_count_words(t + ts, n, 5) > 4) return 0;
    int sc = px_script_uniform(t + ts, n);
    if (sc <= PX_SC_NONE) return 0;
    size_t counts[PX_SC_COUNT] = {0};
    if (ts - a > 256) a = ts - 256; /* the end of the paragraph suffices */
    px_script_count(t + a, ts - a, counts);
    int d = px_script_dominant(counts);
    return d != PX_SC_NONE && d != sc && counts[d] >= 20;
}

static void rule_glued(px_clean_ctx *c, size_t i) {
    const char *t = c->text;
    size_t a = c->lines[i].start, b = c->lines[i].end;
    while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t')) b--;
    if (b == a || ends_final(t + a, b - a)) return; /* the common case */
    size_t ts = tail_start(t, a, b);
    if (ts == b || ts == a) return;
    size_t cs = ts;
    while (cs < b && (t[cs] == ' ' || t[cs] == '\t')) cs++;
    char f[128];
    size_t fl = px_fold(t + cs, b - cs, f, sizeof f);
    if (fl == (size_t)-1 || !fl) return;
    const char *lang = px_lex_ui_label(f, fl);
    if (lang)
        px_ctx_cand(c, ts, b, PX_RM_UI_LABEL,
                    "UI/ad label glued to the end of a paragraph", lang);
    else if (cs == ts && foreign_run(t, a, ts, b))
        px_ctx_cand(c, ts, b, PX_RM_UI_LABEL,
                    "short run in another script glued to the end of a "
                    "paragraph",
                    NULL);
}

/* Letter case of a code point: 1 lower, 2 upper (or title), 0 none. */
static int case_of(int32_t cp) {
    if (cp < 0x80)
        return (unsigned)(cp - 'a') < 26u   ? 1
               : (unsigned)(cp - 'A') < 26u ? 2
                                            : 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LL                                ? 1
           : c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT ? 2
                                                                    : 0;
}

/* Where a label glued to the start of a paragraph would end, within the
 * opening 32 bytes: two letters touching across a script change
 * ("اضافة اعلانThe"), a lower-case letter touching an upper-case one
 * ("AdvertisementThe"), or an all-capitals run meeting a capitalised word
 * ("ADVERTISEMENTThe").  0 when there is none. */
static size_t glue_point(const unsigned char *s, size_t n) {
    size_t end = n < 32 ? n : 32, i = 0, l = 1;
    int psc = 0, pcase = 0, caps = 1;
    while (i < end) {
        int32_t cp, nx;
        int sc, cs;
        if (s[i] < 0x80) { /* ASCII inline: this runs on every line */
            cp = s[i], l = 1;
            cs = (unsigned)(cp - 'a') < 26u   ? 1
                 : (unsigned)(cp - 'A') < 26u ? 2
                                              : 0;
            sc = cs ? PX_SC_LATIN : PX_SC_NONE;
        } else {
            if (!(l = px_utf8_decode(s + i, n - i, &cp))) return 0;
            sc = px_script_of(cp), cs = case_of(cp);
        }
        if (sc && psc) { /* two letters touching */
            if (sc != psc || (pcase == 1 && cs == 2)) return i;
            if (caps && i >= 2 && pcase == 2 && cs == 2 && i + l < n &&
                px_utf8_decode(s + i + l, n - i - l, &nx) && case_of(nx) == 1)
                return i;
        }
        if (sc && cs != 2) caps = 0;
        psc = sc, pcase = cs, i += l;
    }
    return 0;
}

/* Cheap gate for glue_point on ASCII: in the opening 32 bytes of the
 * line (s[0..n), avail readable bytes at s), some lower-case byte touches
 * an upper-case one, or two capitals touch a lower-case byte; a byte >=
 * 0x80 there, or a line under 8 bytes, always passes. */
static int maybe_glued(const unsigned char *s, size_t n, size_t avail) {
    if (n < 8) return 1;
    size_t m = n < 32 ? n : 32;
    unsigned char pad[32];
    if (avail < 32) { /* near the end of the text: read a padded copy */
        memset(pad, 0, sizeof pad);
        memcpy(pad, s, m);
        s = pad;
    }
    px_v16 a = px_v16_load(s), b = px_v16_load(s + 16);
    uint32_t keep = m == 32 ? 0xFFFFFFFFu : (1u << m) - 1;
    if ((px_v16_high(a) | px_v16_high(b) << 16) & keep) return 1;
    uint32_t lo =
                 (px_v16_range(a, 'a', 'z') | px_v16_range(b, 'a', 'z') << 16) &
                 keep,
             up =
                 (px_v16_range(a, 'A', 'Z') | px_v16_range(b, 'A', 'Z') << 16) &
                 keep;
    return ((lo << 1) & up) || ((up << 1) & up & (lo >> 1));
}

/* A lexicon label glued to the start of a paragraph of 3+ more words. */
static void rule_glued_start(px_clean_ctx *c, size_t i) {
    const char *t = c->text;
    size_t a = c->lines[i].start, n = line_len(c, i);
    if (!maybe_glued((const unsigned char *)t + a, n, c->len - a)) return;
    size_t p = glue_point((const unsigned char *)t + a, n);
    char f[64];
    if (!p || px_count_words(t + a + p, n - p, 3) < 3) return;
    size_t fl = px_fold(t + a, p, f, sizeof f);
    if (fl == (size_t)-1 || !fl) return;
    const char *lang = px_lex_ui_label(f, fl);
    if (lang)
        px_ctx_cand(c, a, a + p, PX_RM_UI_LABEL,
                    "UI/ad label glued to the start of a paragraph", lang);
}

/* From the last line up while lines are footer debris; returns the first
 * footer line (nlines when none). */
static size_t rule_footer(px_clean_ctx *c) {
    size_t i = c->nlines;
    while (i > 0) {
        size_t k = i - 1;
        folded_line fo; /* only .done is read before fold_once fills it */
        fo.done = 0;
        if (!px_line_blank(c->text, &c->lines[k]) && !px_rule_credit(c, k) &&
            !line_share(c, k, 1, &fo) && !line_label(c, k, &fo) &&
            !line_recurring(c, k, 1))
            break;
        i = k;
    }
    return i;
}

static void rule_lines(px_clean_ctx *c, size_t upto) {
    for (size_t i = 0; i < upto; i++) {
        if (px_line_blank(c->text, &c->lines[i])) continue;
        int edge = at_edge(c, i);
        folded_line fo; /* only .done is read before fold_once fills it */
        fo.done = 0;
        if (line_label(c, i, &fo) || line_share(c, i, edge, &fo) ||
            line_recurring(c, i, edge))
            continue;
        rule_glued(c, i);
        rule_glued_start(c, i);
    }
}

/* ------------------------------------------------------------------- emit */

static int cmp_cand(const void *x, const void *y) {
    const px_cand *a = x, *b = y;
    if (a->start != b->start) return a->start < b->start ? -1 : 1;
    return a->end > b->end ? -1 : a->end < b->end;
}

static void emit(px_clean_ctx *c) {
    if (c->ncand) qsort(c->cand, c->ncand, sizeof *c->cand, cmp_cand);
    size_t pos = 0;
    char detail[160];
    for (size_t k = 0; k < c->ncand; k++) {
        px_cand *d = &c->cand[k];
        size_t s = d->start > pos ? d->start : pos;
        if (s >= d->end) continue; /* inside an earlier removal */
        px_clean_keep(c->out, pos, s);
        if (d->tag)
            snprintf(detail, sizeof detail, "%s [%s]", d->detail, d->tag);
        else
            snprintf(detail, sizeof detail, "%s", d->detail);
        px_clean_remove(c->out, s, d->end, d->why, detail);
        pos = d->end;
    }
    px_clean_keep(c->out, pos, c->len);
}

void px_clean_keep(px_clean_out *out, size_t start, size_t end) {
    if (start >= end) return;
    if (out->nkeep && out->keep[out->nkeep - 1].end == start) {
        out->keep[out->nkeep - 1].end = end; /* coalesce adjacent ranges */
        return;
    }
    out->keep = px_array_grow(out->keep, &out->akeep, out->nkeep + 1, 16,
                              sizeof *out->keep);
    out->keep[out->nkeep++] = (px_span){start, end};
}

void px_clean_remove(px_clean_out *out, size_t start, size_t end,
                     px_removal_reason why, const char *detail) {
    if (start >= end) return;
    out->rm =
        px_array_grow(out->rm, &out->arm, out->nrm + 1, 8, sizeof *out->rm);
    out->rm[out->nrm++] = (px_removal){{start, end}, why, px_strdup(detail)};
}

void px_clean_out_release(px_clean_out *out) {
    for (size_t i = 0; i < out->nrm; i++) px_free((char *)out->rm[i].detail);
    px_free(out->rm);
    px_free(out->keep);
    px_free(out->title);
    px_free(out->wire);
    px_free(out->outlet);
    px_free(out->dateline);
    memset(out, 0, sizeof *out);
}

const char *px_removal_reason_str(px_removal_reason r) {
    switch (r) {
    case PX_RM_TITLE_REPEAT: return "title-repeat";
    case PX_RM_UI_LABEL: return "ui-label";
    case PX_RM_CREDIT: return "credit";
    case PX_RM_SHARE: return "share";
    case PX_RM_RECURRING: return "recurring";
    case PX_RM_DATELINE: return "dateline";
    case PX_RM_CONTROL: return "control";
    }
    return "unknown";
}

px_result px_clean_run(const char *text, size_t len, const px_doc_opts *opts,
                       px_clean_out *out) {
    static const px_doc_opts none = {0, NULL, NULL, NULL};
    px_clean_ctx c;
    memset(&c, 0, sizeof c);
    c.text = text;
    c.len = len;
    c.opts = opts ? opts : &none;
    c.out = out;
    c.doc_script = -1;
    assert(px_lex_share_gate_ok()); /* the precomputed gate is current */
    px_lines_split(text, len, &c.lines, &c.nlines);
    find_zones(&c);
    rule_control(&c);
    rule_title(&c);
    px_rule_dateline(&c);
    px_rule_selfref(&c);
    if (nonblank_lines(&c) > 1) /* a one-line text is never all debris */
        rule_lines(&c, rule_footer(&c));
    emit(&c);
    px_free(c.cand);
    px_free(c.lines);
    return PX_OK;
}
