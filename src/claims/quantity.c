/*
 * quantity.c - figures: value, hedge, unit and the thing counted.
 *
 *   [hedge] [currency] value [scale] [unit] [post-hedge] [counted thing]
 *   "more than"  "$"   "1.2"  "million" "people" ... "killed or wounded"
 *
 * Values are digits ("115,600", "1.2", "1.2m"), number words ("two",
 * "tens of thousands"), or fractions ("one-fifth", "half", normalised to
 * percent).  The precision is the place of the last significant digit,
 * so "115,600" is 115,600 +/- 50 and "115,000" is +/- 500: comparing
 * sources can then tell rounding from a different figure.  A hyphenated
 * unit ("28-point", "10-year") is a unit too.  The counted thing is the
 * noun phrase after the figure ("people", "military personnel") or an
 * "of" phrase ("of Ukraine"), plus a passive predicate within a few words
 * ("have been killed or wounded"); after a noun, a participle counts
 * only when it looks passive ("people injured in", not "workers walked
 * out").  "1 in 5" is a share (20 %).  Word numbers need a unit or a thing
 * ("one of the ..." is not a figure).
 */
#include <math.h>   /* pow, floor */
#include <string.h> /* memcmp */

#include "claims/claims_int.h"

#define THING_MAX 4

typedef struct qty {
    size_t vi, vj;       /* value words */
    size_t end;          /* after value, scale and unit */
    double value, precision;
    const char *unit;
    px_span unit_span;
    px_hedge hedge;
    px_span hedge_span;
    size_t hi;           /* first word (hedge or value) */
} qty;

/* ----------------------------------------------------------- the value */

/* Parse digits with "," thousands and "." decimals.  Returns the number of
 * bytes used (0 if w does not start with a digit). */
static size_t parse_digits(const char *s, size_t n, double *v, double *prec) {
    double val = 0, scale = 1;
    int decimals = -1, trailing0 = 0, dots = 0;
    size_t k = 0;
    for (; k < n; k++) {
        char c = s[k];
        if (c >= '0' && c <= '9') {
            if (decimals >= 0) decimals++, scale /= 10, val += (c - '0') * scale;
            else val = val * 10 + (c - '0');
            trailing0 = c == '0' ? trailing0 + 1 : 0;
        } else if (c == ',' && k + 1 < n) {
            trailing0 = 0; /* thousands separator */
        } else if (c == '.' && k + 1 < n && s[k + 1] >= '0' && s[k + 1] <= '9') {
            dots++;
            decimals = 0, trailing0 = 0;
        } else {
            break;
        }
    }
    if (!k) return 0;
    if (dots > 1) { /* "1.200.000": dots as thousands */
        double t = 0;
        for (size_t i = 0; i < k; i++)
            if (s[i] >= '0' && s[i] <= '9') t = t * 10 + (s[i] - '0');
        val = t, decimals = -1;
    }
    *v = val;
    /* trailing zeros round only from the hundreds: "10 people" is ten */
    if (decimals > 0) *prec = pow(10, -decimals);
    else *prec = pow(10, trailing0 > 0 && val >= 100 ? trailing0 : 0);
    if (*prec > val && val > 0) *prec = pow(10, floor(log10(val)));
    return k;
}

/* Digit value of word i with an optional glued or separate scale. */
static int value_digits(const px_xctx *x, size_t i, qty *q) {
    const px_word *w = &x->w[i];
    if (w->nlen > 1 && w->norm[0] == '0' && w->norm[1] != '.' &&
        w->norm[1] != ',')
        return 0; /* "05", "007": parts of dates and codes */
    size_t k = parse_digits(w->norm, w->nlen, &q->value, &q->precision);
    if (!k) return 0;
    /* "AK-47", "F-16", "Covid-19": a model or code, not a figure */
    if (i > 0 && (w->gap & G_HYPHEN) && (x->w[i - 1].tflags & PX_TOK_ALPHA) &&
        !(x->w[i - 1].cats & (LX_NUM | LX_HEDGE)))
        return 0;
    /* ".500": a decimal written without its leading zero */
    size_t st = w->start;
    if (k == w->nlen && st > 0 && x->orig[st - 1] == '.' &&
        (st == 1 || x->orig[st - 2] == ' ' || x->orig[st - 2] == '\n')) {
        double scale = pow(10, -(double)w->nlen);
        q->value *= scale, q->precision = scale;
    }
    q->vi = i, q->vj = q->end = i + 1;
    if (k < w->nlen) { /* "1.2m", "3bn", "5k" */
        uint64_t h = px_hash64(w->norm + k, w->nlen - k, 0);
        size_t len;
        const px_lex_entry *e = px_lexicon_match(&x->cl->lx, &h, 1, LX_SCALE,
                                                 &len);
        if (!e) return 0; /* "2nd", "g7", "covid19" */
        q->value *= e->val, q->precision *= e->val;
    }
    return 1;
}

static int value_words(const px_xctx *x, size_t i, qty *q) {
    size_t len;
    const px_lex_entry *e = px_words_match(x, i, LX_NUM, G_BREAK, &len);
    if (!e || px_words_match(x, i, LX_NOTNUM, G_BREAK, &len)) return 0;
    px_words_match(x, i, LX_NUM, G_BREAK, &len);
    q->value = e->val;
    q->precision = e->val >= 10 && e->val < 20 ? 1 : e->val >= 20 ? 10 : 1;
    if (e->val >= 100) q->precision = e->val / 2;
    q->vi = i, q->vj = q->end = i + len;
    /* "twenty-five" */
    if (e->val >= 20 && e->val < 100 && q->end < x->n &&
        (x->w[q->end].gap & G_HYPHEN)) {
        const px_lex_entry *u =
            px_words_match(x, q->end, LX_NUM, G_BREAK, &len);
        if (u && u->val < 10) q->value += u->val, q->precision = 1, q->end++;
        q->vj = q->end;
    }
    return 1;
}

/* "one-fifth", "two-thirds", "a quarter", "half": as percent. */
static int value_fraction(const px_xctx *x, size_t i, qty *q) {
    size_t len, k = i;
    double num = 1;
    const px_lex_entry *e = px_words_match(x, i, LX_NUM, G_BREAK, &len);
    if (e && len == 1 && i + 1 < x->n && !(x->w[i + 1].gap & G_BREAK))
        num = e->val, k = i + 1;
    else if (px_word_is(&x->w[i], "a") && i + 1 < x->n)
        k = i + 1;
    e = px_words_match(x, k, LX_FRAC, G_BREAK, &len);
    if (!e || (k == i && !px_word_is(&x->w[i], "half"))) return 0;
    if (k == i && i > 0 && (px_word_is(&x->w[i - 1], "the") ||
                            px_word_is(&x->w[i - 1], "first") ||
                            px_word_is(&x->w[i - 1], "second") ||
                            px_word_is(&x->w[i - 1], "in")))
        return 0; /* "the second half of the day", "cut in half" */
    if (k > i && (x->w[k].gap & G_BREAK)) return 0;
    q->vi = i, q->vj = q->end = k + 1;
    size_t ul;
    const px_lex_entry *u;
    /* "half a percentage point": a fraction of one unit */
    if (k + 2 < x->n && (px_word_is(&x->w[k + 1], "a") ||
                         px_word_is(&x->w[k + 1], "an")) &&
        !(x->w[k + 2].gap & G_BREAK) &&
        (u = px_words_match(x, k + 2, LX_UNIT, G_BREAK, &ul))) {
        q->value = num * e->val, q->precision = q->value / 2;
        q->unit = u->canon;
        q->unit_span = px_words_span(x, k + 2, k + 2 + ul);
        q->end = k + 2 + ul;
        return 1;
    }
    q->value = num * e->val * 100;
    q->precision = 10;
    q->unit = "%";
    q->unit_span = px_words_span(x, k, k + 1);
    return 1;
}

/* ------------------------------------------------------ hedge, scale, unit */

static void find_hedge(const px_xctx *x, qty *q) {
    q->hi = q->vi;
    for (size_t back = 3; back >= 1; back--) {
        if (q->vi < back) continue;
        size_t s = q->vi - back, len;
        const px_lex_entry *e = px_words_match(x, s, LX_HEDGE, G_BREAK, &len);
        if (!e || s + len != q->vi || (x->w[q->vi].gap & (G_BREAK & ~G_SENT)))
            continue;
        q->hedge = (px_hedge)e->val;
        q->hedge_span = px_words_span(x, s, q->vi);
        q->hi = s;
        return;
    }
}

static void find_scale_unit(const px_xctx *x, qty *q) {
    size_t len;
    const px_lex_entry *e;
    if (q->end < x->n && !(x->w[q->end].gap & (G_BREAK | G_PCT)) &&
        (e = px_words_match(x, q->end, LX_SCALE, G_BREAK, &len)) &&
        e->val > 1) {
        q->value *= e->val, q->precision *= e->val;
        q->end += len;
    }
    if (x->w[q->vi].cur && !q->unit) q->unit = x->w[q->vi].cur;
    if (q->hi < q->vi && x->w[q->hi].cur) q->unit = x->w[q->hi].cur;
    if (q->end <= x->n && (x->w[q->end].gap & G_PCT)) {
        q->unit = "%";
        size_t p = x->w[q->end - 1].end;
        while (p < x->orig_len && x->orig[p] != '%') p++;
        q->unit_span = (px_span){p, p + 1};
        return;
    }
    if (q->end < x->n && !(x->w[q->end].gap & (G_BREAK & ~G_SENT)) &&
        (e = px_words_match(x, q->end, LX_UNIT, G_BREAK, &len)) &&
        !(x->w[q->end].gap & G_SENT)) {
        if (q->unit && strcmp(q->unit, e->canon)) return;
        q->unit = e->canon;
        q->unit_span = px_words_span(x, q->end, q->end + len);
        q->end += len;
        /* "61-year-old": an age */
        if (!strcmp(q->unit, "year") && q->end < x->n &&
            (x->w[q->end].gap & G_HYPHEN) && px_word_is(&x->w[q->end], "old")) {
            q->unit = "age";
            q->unit_span.end = x->w[q->end].end;
            q->end++;
        }
    }
}

/* ------------------------------------------------------------ the thing */

static int ends_with(const px_word *w, const char *suf, size_t n) {
    return w->nlen > n + 2 && !memcmp(w->norm + w->nlen - n, suf, n);
}

static int participle(const px_word *w) {
    return ends_with(w, "ed", 2) || ends_with(w, "ing", 3) ||
           px_word_is(w, "killed") || px_word_is(w, "held");
}

static int thing_word(const px_xctx *x, size_t k) {
    const px_word *w = &x->w[k];
    if (w->cats & (LX_FUNC | LX_AUX | LX_HEDGE | LX_MONTH | LX_WEEKDAY) &&
        !(w->cats & (LX_PLACE | LX_ORG | LX_ROLEMOD)))
        return 0;
    if (w->cats & (LX_NOTHING | LX_RELTIME | LX_NUM)) return 0;
    /* "last season", "next week": a time word ends the phrase */
    if ((w->cats & LX_TIMEPREP) && k > 0 && !(x->w[k - 1].cats & LX_NUM) &&
        !(x->w[k - 1].tflags & PX_TOK_DIGIT))
        return 0;
    if (w->cats & LX_REPORT) return 0;
    if (!(w->tflags & PX_TOK_ALPHA) || w->used) return 0;
    if (ends_with(w, "ly", 2)) return 0;
    return 1;
}

/* After a noun, a participle is passive ("people injured in", "flights
 * cancelled") when a break, a conjunction or a preposition of place or
 * time follows it; else it is the verb of the clause ("workers walked
 * out", "fans packed the stadium"), or a gerund ("people fleeing"). */
static int passive_after_noun(const px_xctx *x, size_t j) {
    static const char *const after[] = {
        "or", "and", "in", "by", "at", "on", "during", "after", "since",
        "across", "near", "from", "over", "to", "as", "under", "inside",
        "outside", "following", "last", "this", "so", "overnight"};
    if (ends_with(&x->w[j], "ing", 3)) return 0;
    if (j + 1 >= x->n || (x->w[j + 1].gap & G_BREAK)) return 1;
    for (size_t i = 0; i < sizeof after / sizeof *after; i++)
        if (px_word_is(&x->w[j + 1], after[i])) return 1;
    return 0;
}

/* Noun phrase words from k: stops at a break, a function word or verb.
 * of_phrase: an "of" phrase takes no participle after its noun. */
static size_t np_end(const px_xctx *x, size_t k, size_t max, int of_phrase) {
    size_t j = k;
    while (j < x->n && j - k < max && thing_word(x, j) &&
           (j == k || !(x->w[j].gap & (G_BREAK | G_SLASH)))) {
        int adj = j + 1 < x->n && thing_word(x, j + 1) &&
                  !participle(&x->w[j + 1]) && !(x->w[j + 1].gap & G_BREAK);
        if (participle(&x->w[j]) && j > k &&
            (of_phrase || !passive_after_noun(x, j)))
            break;
        if (participle(&x->w[j]) && j == k && !adj) break;
        j++;
    }
    return j;
}

/* "have been killed or wounded" within a few words after the thing. */
static size_t predicate(const px_xctx *x, size_t k, size_t *ps) {
    size_t skip = 0;
    while (k < x->n && skip < 5 && !(x->w[k].cats & LX_AUX) &&
           !(x->w[k].gap & G_BREAK))
        k++, skip++;
    if (k >= x->n || !(x->w[k].cats & LX_AUX) || (x->w[k].gap & G_BREAK))
        return 0;
    while (k < x->n && (x->w[k].cats & LX_AUX) && !(x->w[k].gap & G_BREAK))
        k++;
    size_t s = k, j = k;
    while (j < x->n && !(x->w[j].gap & G_BREAK) &&
           (participle(&x->w[j]) ||
            ((px_word_is(&x->w[j], "or") || px_word_is(&x->w[j], "and")) &&
             j + 1 < x->n && participle(&x->w[j + 1]))))
        j++;
    if (j == s || !participle(&x->w[j - 1])) return 0;
    *ps = s;
    return j;
}

static void find_thing(px_xctx *x, const qty *q, px_claim *c) {
    size_t k = q->end, s;
    if (k >= x->n || (x->w[k].gap & (G_BREAK & ~G_SENT)) ||
        (x->w[k].gap & G_SENT))
        return;
    int of = px_word_is(&x->w[k], "of");
    size_t from = of ? k + 1 : k;
    if (of && from < x->n && px_word_is(&x->w[from], "the")) from++;
    size_t j = from < x->n && !(x->w[from].gap & G_BREAK)
                   ? np_end(x, from, THING_MAX, of) : from;
    if (j == from) return;
    px_buf b = PX_BUF_INIT;
    c->thing_span = px_words_span(x, k, j);
    char *np = px_words_norm(x, of ? k : from, j);
    px_buf_puts(&b, np);
    px_free(np);
    size_t pe = of ? 0 : predicate(x, j, &s);
    if (pe) {
        char *pr = px_words_norm(x, s, pe);
        px_buf_printf(&b, " %s", pr);
        px_free(pr);
    }
    c->thing = px_buf_detach(&b, NULL);
}

/* ----------------------------------------------------------------- pass */

static int read_value(const px_xctx *x, size_t i, qty *q) {
    memset(q, 0, sizeof *q);
    const px_word *w = &x->w[i];
    if (w->used) return 0;
    if (w->tflags & PX_TOK_DIGIT) return value_digits(x, i, q);
    if (!(w->cats & (LX_NUM | LX_FRAC | LX_MULTI)) && !px_word_is(w, "a"))
        return 0;
    return value_fraction(x, i, q) || value_words(x, i, q);
}

/* "1 in 5 adults", "one in three": a share, as percent; not "2 in 3
 * minutes" (a unit after it) nor "3 in 2" (no share). */
static void ratio(const px_xctx *x, qty *q) {
    size_t k = q->end, len;
    qty d;
    if (q->unit || k + 1 >= x->n || !px_word_is(&x->w[k], "in") ||
        (x->w[k].gap & G_BREAK) || (x->w[k + 1].gap & G_BREAK) ||
        !read_value(x, k + 1, &d) || d.value <= q->value || q->value <= 0)
        return;
    if (d.end < x->n && !(x->w[d.end].gap & G_BREAK) &&
        px_words_match(x, d.end, LX_UNIT | LX_SCALE, G_BREAK, &len))
        return;
    q->value = 100 * q->value / d.value, q->precision = 1;
    q->unit = "%";
    q->unit_span = px_words_span(x, k, d.end);
    q->end = d.end;
}

static void post_hedge(const px_xctx *x, qty *q) {
    size_t len;
    const px_lex_entry *e;
    if (q->end < x->n && !(x->w[q->end].gap & G_BREAK) &&
        (e = px_words_match(x, q->end, LX_HEDGE_POST, G_BREAK, &len))) {
        q->hedge = (px_hedge)e->val;
        q->hedge_span = px_words_span(x, q->end, q->end + len);
        q->end += len;
    }
}

static size_t one_quantity(px_xctx *x, size_t i) {
    qty q;
    if (!read_value(x, i, &q)) return i + 1;
    find_hedge(x, &q);
    find_scale_unit(x, &q);
    ratio(x, &q);
    post_hedge(x, &q);
    int words = !(x->w[i].tflags & PX_TOK_DIGIT);
    px_claim c = {0};
    find_thing(x, &q, &c);
    if (words && !q.unit && !c.thing) return q.end;
    px_claim *out = px_claims_add(x, PX_CLAIM_QUANTITY, q.hi, q.end);
    *out = (px_claim){.kind = PX_CLAIM_QUANTITY, .span = out->span,
                      .sentence = out->sentence, .attribution = PX_NONE,
                      .speaker = PX_NONE, .entity = PX_NONE};
    if (q.hi == q.vi && x->w[q.vi].cur) { /* include the "$" */
        size_t p = x->w[q.vi].start, lim = q.vi ? x->w[q.vi - 1].end : 0;
        while (p > lim && x->orig[p - 1] != ' ' && x->orig[p - 1] != '\n') p--;
        out->span.start = p;
    }
    if (q.unit_span.end > out->span.end) out->span.end = q.unit_span.end;
    out->value = q.value, out->precision = q.precision;
    out->hedge = q.hedge, out->hedge_span = q.hedge_span;
    out->unit = q.unit, out->unit_span = q.unit_span;
    out->value_span = px_words_span(x, q.vi, q.vj);
    out->thing = c.thing, out->thing_span = c.thing_span;
    for (size_t k = q.hi; k < q.end; k++) x->w[k].used = 1;
    return q.end > i ? q.end : i + 1;
}

void px_extract_quantities(px_xctx *x) {
    for (size_t i = 0; i < x->n;) i = one_quantity(x, i);
}
