/*
 * timex.c - time expressions: dates ("December 2, 2025", "February 2022"),
 * months ("in August"), weekdays ("on Tuesday", "Monday afternoon"),
 * years ("in 2025", "since 2022") and relative times ("last week",
 * "today", "on the eve of").
 *
 * Each becomes a time claim with a normalised value for matching across
 * sources: "2025-12-02", "2022-02", "month:08", "weekday:tuesday",
 * "year:2025", "rel:last week".  Month and weekday names need a capital
 * ("May" the month, not "may" the verb); a bare four-digit number counts
 * as a year only between 1800 and 2100 and when no unit follows it.  The
 * words of a time claim are marked used so they are not read as figures.
 */
#include <stdio.h>  /* snprintf */
#include <stdlib.h> /* strtol */

#include "claims/claims_int.h"

/* Integer value of an all-digit word, or -1. */
static long word_int(const px_word *w) {
    if (!w->norm || w->nlen > 4 || w->nlen == 0) return -1;
    long v = 0;
    for (uint32_t k = 0; k < w->nlen; k++) {
        if (w->norm[k] < '0' || w->norm[k] > '9') return -1;
        v = v * 10 + (w->norm[k] - '0');
    }
    return v;
}

static int is_year(const px_xctx *x, size_t i) {
    long v = word_int(&x->w[i]);
    if (v < 1800 || v > 2100 || x->w[i].nlen != 4) return 0;
    if (i + 1 < x->n && (x->w[i + 1].gap & (G_PCT | G_HYPHEN))) return 0;
    size_t len;
    return !(i + 1 < x->n && !(x->w[i + 1].gap & G_BREAK) &&
             px_words_match(x, i + 1, LX_UNIT | LX_SCALE, G_BREAK, &len));
}

static void add_time(px_xctx *x, size_t i, size_t j, const char *norm) {
    px_claim *c = px_claims_add(x, PX_CLAIM_TIME, i, j);
    c->norm = px_strdup(norm);
    for (size_t k = i; k < j; k++) x->w[k].used = 1;
}

/* A preposition or "last/next/this" right before word i joins the span. */
static size_t with_prep(const px_xctx *x, size_t i) {
    if (i && (x->w[i - 1].cats & LX_TIMEPREP) && !(x->w[i].gap & G_BREAK) &&
        !x->w[i - 1].used)
        return i - 1;
    return i;
}

static size_t month_date(px_xctx *x, size_t i, int month) {
    char buf[32];
    size_t j = i + 1, s = i;
    long day = -1, year = -1;
    if (i && !(x->w[i].gap & G_BREAK) && (day = word_int(&x->w[i - 1])) >= 1 &&
        day <= 31)
        s = i - 1;
    else
        day = -1;
    long d2 = j < x->n && !(x->w[j].gap & (G_BREAK & ~G_COMMA))
                  ? word_int(&x->w[j])
                  : -1;
    if (day < 0 && d2 >= 1 && d2 <= 31) day = d2, j++;
    if (j < x->n && !(x->w[j].gap & (G_BREAK & ~G_COMMA)) && is_year(x, j))
        year = word_int(&x->w[j]), j++;
    if (year > 0 && day > 0)
        snprintf(buf, sizeof buf, "%04ld-%02d-%02ld", year, month, day);
    else if (year > 0)
        snprintf(buf, sizeof buf, "%04ld-%02d", year, month);
    else if (day > 0)
        snprintf(buf, sizeof buf, "month:%02d-%02ld", month, day);
    else
        snprintf(buf, sizeof buf, "month:%02d", month);
    add_time(x, with_prep(x, s), j, buf);
    return j;
}

static size_t weekday(px_xctx *x, size_t i, const char *day) {
    char buf[48];
    size_t j = i + 1;
    if (j < x->n && (x->w[j].cats & LX_DAYPART) && !(x->w[j].gap & G_BREAK))
        j++;
    snprintf(buf, sizeof buf, "weekday:%s", day);
    add_time(x, with_prep(x, i), j, buf);
    return j;
}

/* "a.m." / "pm" at word j: returns the words it takes (0 if none) and
 * sets *pm. */
static size_t meridiem(const px_xctx *x, size_t j, int *pm) {
    if (j >= x->n || (x->w[j].gap & G_BREAK)) return 0;
    const px_word *w = &x->w[j];
    if (px_word_is(w, "am") || px_word_is(w, "pm"))
        return *pm = w->norm[0] == 'p', 1;
    if (j + 1 < x->n && (px_word_is(w, "a") || px_word_is(w, "p")) &&
        px_word_is(&x->w[j + 1], "m") && !(x->w[j + 1].gap & G_SPACE))
        return *pm = w->norm[0] == 'p', 2;
    return 0;
}

/* "5:40 a.m.", "17:30", "4 p.m.": a clock time. */
static size_t clock_time(px_xctx *x, size_t i) {
    long h = word_int(&x->w[i]), m = 0;
    if (h < 0 || h > 24) return 0;
    size_t j = i + 1;
    if (j < x->n && x->w[j].gap == G_COLON && x->w[j].nlen == 2 &&
        (m = word_int(&x->w[j])) >= 0 && m <= 59)
        j++;
    else if (m = 0, h > 12)
        return 0;
    int pm = 0;
    size_t k = meridiem(x, j, &pm);
    if (j == i + 1 && !k) return 0; /* a bare number */
    if (pm && h < 12) h += 12;
    char buf[32];
    snprintf(buf, sizeof buf, "clock:%02ld:%02ld", h, m);
    add_time(x, i, j + k, buf);
    return j + k;
}

static size_t one_time(px_xctx *x, size_t i) {
    const px_word *w = &x->w[i];
    size_t ct = (w->tflags & PX_TOK_DIGIT) ? clock_time(x, i) : 0;
    if (ct) return ct;
    size_t len;
    const px_lex_entry *e = px_words_match(x, i, LX_RELTIME, G_BREAK, &len);
    if (e) {
        char buf[64];
        snprintf(buf, sizeof buf, "rel:%s", e->canon);
        add_time(x, i, i + len, buf);
        return i + len;
    }
    if (!(w->tflags & PX_TOK_CAP) && (w->cats & (LX_MONTH | LX_WEEKDAY)))
        return i + 1;
    if ((e = px_words_match(x, i, LX_MONTH, 0, &len)) && len == 1)
        return month_date(x, i, (int)e->val);
    if ((e = px_words_match(x, i, LX_WEEKDAY, 0, &len)) && len == 1)
        return weekday(x, i, e->canon);
    if (is_year(x, i)) {
        char buf[16];
        snprintf(buf, sizeof buf, "year:%.4s", w->norm);
        add_time(x, with_prep(x, i), i + 1, buf);
    }
    return i + 1;
}

void px_extract_times(px_xctx *x) {
    for (size_t i = 0; i < x->n;) {
        if (x->w[i].used ||
            !(x->w[i].cats & (LX_RELTIME | LX_MONTH | LX_WEEKDAY | LX_MULTI) ||
              (x->w[i].tflags & PX_TOK_DIGIT))) {
            i++;
            continue;
        }
        i = one_time(x, i);
    }
}
