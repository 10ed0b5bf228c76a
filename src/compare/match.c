/*
 * match.c - matching quantities, quotes, times and attributions across a
 * pair of sources.
 *
 * Quantities: candidates need compatible units and either aligned
 * sentences or compatible values; they are scored (aligned sentences,
 * value relation, shared counted thing) and taken best first, one to one.
 * A figure's interval comes from its precision and hedge: "115,600" is
 * [115,550, 115,650], "around" widens it by 5 %, "more than" opens it
 * upwards.  Equal values with disjoint counted things differ ("people" vs
 * "military personnel"; in scripts without spaces, where the thing is
 * glued to the rest of its clause, only the classifier at the start of
 * the run is compared: same_classifier); overlapping intervals are
 * rounding.  A matched figure whose credit changed yields
 * attribution_changed.  Contradictions (another value, another counted
 * thing, another credit) need sentences that tell the same fact
 * (FIGURE_MIN_SCORE), so two different events described alike do not
 * raise false alarms.
 *
 * Quotes: matched by the overlap of their content words (Dice) and the
 * speaker; the words said are compared as stem sequences, a quoted phrase
 * together with the rest of its clause, so "megaphone diplomacy is not
 * helpful" vs "megaphone diplomacy" was harmful is a changed quote.
 */
#include <math.h>    /* fabs, INFINITY */
#include <stdio.h>   /* snprintf */
#include <stdlib.h>  /* qsort */
#include <string.h>  /* strcmp */
#include <strings.h> /* strcasecmp */

#include "compare/compare_int.h"
#include "core/array.h"

#define MAX_STEMS 256
/* Sentence pairs compared for their credits must be rewrites of each
 * other (weighted Dice of the alignment), not loosely related sentences. */
#define CREDIT_MIN_SCORE 0.45
/* Figures: a changed value or credit needs sentences that tell the same
 * fact (a rewrite, even a loose one: 0.3 keeps "carrying 312 people ran
 * aground" ~ "More than 300 passengers were evacuated"), not two storms
 * described alike (ECB+ different-event pairs score lower). */
#define FIGURE_MIN_SCORE 0.3

static const px_claim *claims_of(const px_cpair *p, int x, size_t *n) {
    return px_claims_list(p->s[x]->claims, n);
}

static const px_entity *entity_of(const px_cpair *p, int x, int32_t e) {
    size_t n;
    const px_entity *en = px_claims_entities(p->s[x]->claims, &n);
    return e >= 0 && (size_t)e < n ? &en[e] : NULL;
}

/* The alignment pair holding the start of claim a of A when it also
 * holds the start of claim b of B, else NULL. */
static const px_align_pair *aligned_pair(const px_cpair *p, const px_claim *a,
                                         const px_claim *b) {
    long sa = px_cpair_claim_sent(p, 0, a);
    long pa = sa < 0 ? -1 : px_align_partner(p->al, 0, (size_t)sa);
    long sb = px_cpair_claim_sent(p, 1, b);
    if (pa < 0 || sb < 0) return NULL;
    const px_align_pair *pr = px_align_get_pair(p->al, (size_t)pa);
    for (uint32_t k = 0; k < pr->b_n; k++)
        if (pr->b_sents[k] == (uint32_t)sb) return pr;
    return NULL;
}

static size_t shared(const uint64_t *a, size_t na, const uint64_t *b,
                     size_t nb) {
    size_t n = 0;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (a[i] == b[j]) {
                n++;
                break;
            }
    return n;
}

static px_span join(px_span a, px_span b) {
    if (b.end <= b.start) return a;
    return (px_span){a.start < b.start ? a.start : b.start,
                     a.end > b.end ? a.end : b.end};
}

/* ------------------------------------------------------------ quantities */

typedef enum { REL_FAR = 0, REL_NEAR = 1, REL_EQUAL = 2 } rel;

static void interval(const px_claim *c, double *lo, double *hi) {
    double v = c->value, half = (c->precision > 0 ? c->precision : 1) / 2;
    double w = fabs(v) * 0.05 > half ? fabs(v) * 0.05 : half;
    *lo = v - half, *hi = v + half;
    switch (c->hedge) {
    case PX_HEDGE_OVER: *lo = v, *hi = INFINITY; break;
    case PX_HEDGE_UNDER: *lo = v / 2, *hi = v; break; /* "up to 30" */
    case PX_HEDGE_NEARLY: *lo = v - 2 * w, *hi = v; break;
    case PX_HEDGE_ABOUT: *lo = v - w, *hi = v + w; break;
    default: break;
    }
}

static rel relation(const px_claim *a, const px_claim *b) {
    double m = fabs(a->value) > 1 ? fabs(a->value) : 1;
    if (fabs(a->value - b->value) <= 1e-9 * m) return REL_EQUAL;
    double alo, ahi, blo, bhi;
    interval(a, &alo, &ahi);
    interval(b, &blo, &bhi);
    /* intervals that only touch ("six" [5.5, 6.5], "seven" [6.5, 7.5])
     * are different figures */
    return alo < bhi && blo < ahi ? REL_NEAR : REL_FAR;
}

static int units_ok(const px_claim *a, const px_claim *b) {
    if (!a->unit || !b->unit) return !a->unit && !b->unit;
    return !strcmp(a->unit, b->unit);
}

/* Two counted things written without spaces, runs a[0..na) and b[0..nb)
 * of letters of one kind: the same when they start with the same
 * classifier or counter ("คน" of "12 คน" and of "12 คนตามรายงาน").  Its
 * length is unknown without a dictionary, so: the same first grapheme
 * cluster for Han and kana (a counter is one letter: 人, 名, 台), the same
 * first two for Thai and its kin (คน, คัน, หลัง differ there), or the
 * shorter run whole ("ปี" and "ปีที่แล้ว"). */
static int same_classifier(const char *a, size_t na, const char *b, size_t nb,
                           int kind) {
    size_t need = kind == PX_UNSPACED_ALPHA ? 2 : 1, same = 0, i = 0, j = 0;
    while (i < na && j < nb && same < need) {
        size_t ei = px_grapheme_end(a, na, i), ej = px_grapheme_end(b, nb, j);
        if (ei - i != ej - j || memcmp(a + i, b + j, ei - i)) break;
        same++, i = ei, j = ej;
    }
    return same >= need || (same && (i == na || j == nb));
}

/* -1 things disjoint, 0 unknown, 1 shared words. */
static int things(const px_cpair *p, const px_claim *a, const px_claim *b) {
    if (a->thing_span.end <= a->thing_span.start ||
        b->thing_span.end <= b->thing_span.start)
        return 0;
    const char *ra, *rb;
    int ka, kb;
    size_t la = px_cpair_thing_run(p, 0, a, &ra, &ka);
    size_t lb = la ? px_cpair_thing_run(p, 1, b, &rb, &kb) : 0;
    if (lb && ka == kb) return same_classifier(ra, la, rb, lb, ka) ? 1 : -1;
    const uint64_t *sa, *sb;
    size_t na = px_cpair_thing(p, 0, a, &sa);
    size_t nb = px_cpair_thing(p, 1, b, &sb);
    if (!na || !nb) return 0;
    return shared(sa, na, sb, nb) ? 1 : -1;
}

typedef struct cand {
    size_t a, b;
    double score;
} cand;

static int cmp_cand(const void *x, const void *y) {
    const cand *a = x, *b = y;
    if (a->score != b->score) return a->score > b->score ? -1 : 1;
    if (a->a != b->a) return a->a < b->a ? -1 : 1;
    return a->b < b->b ? -1 : a->b > b->b;
}

static void add_cand(cand **cs, size_t *n, size_t *alloc, cand c) {
    *cs = px_array_grow(*cs, alloc, *n + 1, 64, sizeof **cs);
    (*cs)[(*n)++] = c;
}

static double qty_score(const px_cpair *p, const px_claim *a,
                        const px_claim *b) {
    if (!units_ok(a, b)) return -1;
    rel r = relation(a, b);
    const px_align_pair *pr = aligned_pair(p, a, b);
    int al = pr != NULL;
    if (!al && r == REL_FAR) return -1; /* cheap test first */
    int th = things(p, a, b);
    /* loosely related sentences (two different storms) are no grounds
     * for a contradiction: another figure, or the same figure counting
     * another thing, needs a rewrite of the sentence */
    if (al && pr->score < FIGURE_MIN_SCORE && (r == REL_FAR || th < 0))
        return -1;
    if (!al && (r == REL_FAR || th < 0 || (th == 0 && r != REL_EQUAL)))
        return -1;
    /* a different figure in an aligned sentence is the same fact only if
     * it counts the same thing or has the same unit */
    if (al && r == REL_FAR && (th < 0 || (th == 0 && !a->unit))) return -1;
    /* small numbers counting different things are different facts ("one
     * count" vs "one man") */
    if (r == REL_EQUAL && th < 0 && fabs(a->value) < 10 && !a->unit) return -1;
    return 3.0 * al + 2.0 * r + th;
}

static char *qty_text(const px_cpair *p, int x, const px_claim *c) {
    return px_cpair_snip(p, x, join(c->span, c->thing_span), 120);
}

static void figure_credit(px_cpair *p, const px_claim *qa, const px_claim *qb);

static void report_qty(px_cpair *p, const px_claim *a, const px_claim *b) {
    rel r = relation(a, b);
    int th = things(p, a, b);
    px_finding_type t = PX_FIND_DIFFERS;
    const char *why = "different figures";
    if (r == REL_EQUAL && th < 0)
        why = "same figure, different thing counted";
    else if (r == REL_EQUAL && a->hedge == b->hedge)
        t = PX_FIND_SAME, why = "same";
    else if (r == REL_EQUAL)
        t = PX_FIND_ROUNDED, why = "hedge changed";
    else if (r == REL_NEAR)
        t = PX_FIND_ROUNDED, why = th < 0 ? "rounded, within precision "
                                            "(counted thing worded differently)"
                                          : "rounded, within precision";
    char *ta = qty_text(p, 0, a), *tb = qty_text(p, 1, b);
    px_buf s = PX_BUF_INIT;
    px_buf_printf(&s, "%s: \"%s\" (%s) vs \"%s\" (%s)", why, ta,
                  px_cpair_label(p, 0), tb, px_cpair_label(p, 1));
    px_free(ta);
    px_free(tb);
    px_finding *f =
        px_finding_add(p, 0, t, PX_FK_QUANTITY, px_buf_detach(&s, NULL));
    px_finding_ev_add(f, p->idx[0], join(a->span, a->thing_span));
    px_finding_ev_add(f, p->idx[1], join(b->span, b->thing_span));
    figure_credit(p, a, b);
}

/* A figure only one source gives, inside a passage both have. */
static void only_qty(px_cpair *p, int x, const px_claim *q) {
    long part = px_cpair_partner(p, x, q->span.start);
    if (part < 0) return; /* the passage itself is only_in */
    char *t = qty_text(p, x, q);
    px_buf s = PX_BUF_INIT;
    px_buf_printf(&s, "figure only in %s (not in %s): \"%s\"",
                  px_cpair_label(p, x), px_cpair_label(p, !x), t);
    px_free(t);
    px_finding *f = px_finding_add(p, x, PX_FIND_ONLY_IN, PX_FK_QUANTITY,
                                   px_buf_detach(&s, NULL));
    px_finding_ev_add(f, p->idx[x], join(q->span, q->thing_span));
    const px_align_pair *pr = px_align_get_pair(p->al, (size_t)part);
    px_finding_ev_add(f, p->idx[!x], x ? pr->a_span : pr->b_span);
}

static void report_unmatched(px_cpair *p, px_claim_kind k,
                             void (*fn)(px_cpair *, int, const px_claim *)) {
    for (int x = 0; x < 2; x++) {
        size_t n;
        const px_claim *c = claims_of(p, x, &n);
        for (size_t i = 0; i < n; i++)
            if (c[i].kind == k && !p->used[x][i]) fn(p, x, &c[i]);
    }
}

/* Claims of kind k of side B, for windowed candidate search on long
 * texts: in span order, and (quantities) by value. */
typedef struct bset {
    const px_claim *b;
    size_t *idx, *byval;
    size_t n;
} bset;

static int cmp_value(const void *x, const void *y, void *ud) {
    const px_claim *b = ud;
    double u = b[*(const size_t *)x].value, v = b[*(const size_t *)y].value;
    return u < v ? -1 : u > v;
}

static void bset_init(bset *bs, const px_cpair *p, px_claim_kind k) {
    size_t nb;
    bs->b = claims_of(p, 1, &nb);
    bs->idx = px_malloc((nb ? nb : 1) * sizeof *bs->idx);
    bs->byval = px_malloc((nb ? nb : 1) * sizeof *bs->byval);
    bs->n = 0;
    for (size_t j = 0; j < nb; j++)
        if (bs->b[j].kind == k) bs->idx[bs->n++] = j;
    memcpy(bs->byval, bs->idx, bs->n * sizeof *bs->idx);
    qsort_r(bs->byval, bs->n, sizeof *bs->byval, cmp_value, (void *)bs->b);
}

static void bset_release(bset *bs) {
    px_free(bs->idx);
    px_free(bs->byval);
}

/* First position in idx whose claim starts at or after off. */
static size_t lower_start(const bset *bs, size_t off) {
    size_t lo = 0, hi = bs->n;
    while (lo < hi) {
        size_t m = (lo + hi) / 2;
        if (bs->b[bs->idx[m]].span.start < off)
            lo = m + 1;
        else
            hi = m;
    }
    return lo;
}

static size_t lower_value(const bset *bs, double v) {
    size_t lo = 0, hi = bs->n;
    while (lo < hi) {
        size_t m = (lo + hi) / 2;
        if (bs->b[bs->byval[m]].value < v)
            lo = m + 1;
        else
            hi = m;
    }
    return lo;
}

typedef struct cands {
    cand *c;
    size_t n, alloc;
} cands;

static void try_pair(px_cpair *p, cands *cs, const px_claim *a, size_t i,
                     const bset *bs, size_t j,
                     double (*score)(const px_cpair *, const px_claim *,
                                     const px_claim *)) {
    if (p->used[1][j]) return;
    double s = score(p, &a[i], &bs->b[j]);
    if (s >= 0) add_cand(&cs->c, &cs->n, &cs->alloc, (cand){i, j, s});
}

/* Above this many pairs, candidates are windowed: claims of the aligned
 * sentences, and for figures the nearest values. */
#define ALL_PAIRS_MAX 200000
#define VALUE_WINDOW  8

static void windowed(px_cpair *p, cands *cs, const px_claim *a, size_t i,
                     const bset *bs, int by_value,
                     double (*score)(const px_cpair *, const px_claim *,
                                     const px_claim *)) {
    long pa = px_cpair_partner(p, 0, a[i].span.start);
    px_span w = {0, 0};
    if (pa >= 0) {
        w = px_align_get_pair(p->al, (size_t)pa)->b_span;
        for (size_t m = lower_start(bs, w.start);
             m < bs->n && bs->b[bs->idx[m]].span.start < w.end; m++)
            try_pair(p, cs, a, i, bs, bs->idx[m], score);
    }
    if (!by_value) return;
    size_t at = lower_value(bs, a[i].value);
    size_t from = at > VALUE_WINDOW ? at - VALUE_WINDOW : 0;
    for (size_t m = from; m < bs->n && m < at + VALUE_WINDOW; m++) {
        const px_claim *c = &bs->b[bs->byval[m]];
        if (c->span.start >= w.start && c->span.start < w.end) continue;
        try_pair(p, cs, a, i, bs, bs->byval[m], score);
    }
}

/* Greedy one-to-one matching of claims of kind k by score (< 0: never). */
static void match_greedy(px_cpair *p, px_claim_kind k, int by_value,
                         double (*score)(const px_cpair *, const px_claim *,
                                         const px_claim *),
                         void (*report)(px_cpair *, const px_claim *,
                                        const px_claim *)) {
    size_t na, nk = 0;
    const px_claim *a = claims_of(p, 0, &na);
    bset bs;
    bset_init(&bs, p, k);
    for (size_t i = 0; i < na; i++) nk += a[i].kind == k;
    cands cs = {NULL, 0, 0};
    for (size_t i = 0; i < na; i++) {
        if (a[i].kind != k || p->used[0][i]) continue;
        if (nk * bs.n > ALL_PAIRS_MAX) {
            windowed(p, &cs, a, i, &bs, by_value, score);
            continue;
        }
        for (size_t m = 0; m < bs.n; m++)
            try_pair(p, &cs, a, i, &bs, bs.idx[m], score);
    }
    if (cs.n) qsort(cs.c, cs.n, sizeof *cs.c, cmp_cand);
    for (size_t c = 0; c < cs.n; c++) {
        if (p->used[0][cs.c[c].a] || p->used[1][cs.c[c].b]) continue;
        p->used[0][cs.c[c].a] = p->used[1][cs.c[c].b] = 1;
        report(p, &a[cs.c[c].a], &bs.b[cs.c[c].b]);
    }
    px_free(cs.c);
    bset_release(&bs);
}

void px_match_quantities(px_cpair *p) {
    match_greedy(p, PX_CLAIM_QUANTITY, 1, qty_score, report_qty);
    report_unmatched(p, PX_CLAIM_QUANTITY, only_qty);
}

/* --------------------------------------------------- credit of a figure */

static const px_claim *attribution_of(const px_cpair *p, int x,
                                      const px_claim *c, size_t *idx) {
    size_t n;
    const px_claim *cs = claims_of(p, x, &n);
    if (c->attribution < 0 || (size_t)c->attribution >= n) return NULL;
    *idx = (size_t)c->attribution;
    return &cs[*idx];
}

static int same_speaker(const px_cpair *p, int32_t ea, int32_t eb) {
    const px_entity *a = entity_of(p, 0, ea), *b = entity_of(p, 1, eb);
    return a && b && px_names_match(a, b);
}

static char *speaker_text(const px_cpair *p, int x, const px_claim *at) {
    if (!at) return px_strdup("unattributed");
    px_buf s = PX_BUF_INIT;
    char *t = px_cpair_snip(p, x, at->speaker_span, 80);
    const px_entity *e = entity_of(p, x, at->speaker);
    px_buf_printf(&s, "credited to \"%s\"", t);
    if (e && at->speaker_span.end - at->speaker_span.start < 6 &&
        strcasecmp(t, e->name))
        px_buf_printf(&s, " (%s)", e->name); /* a resolved pronoun */
    px_free(t);
    return px_buf_detach(&s, NULL);
}

static void credit_finding(px_cpair *p, px_finding_kind k, const char *what,
                           const px_claim *aa, const px_claim *ab, px_span ea,
                           px_span eb) {
    char *sa = speaker_text(p, 0, aa), *sb = speaker_text(p, 1, ab);
    px_buf s = PX_BUF_INIT;
    const char *how = !ab   ? "credit dropped"
                      : !aa ? "credit added"
                            : "credited differently";
    px_buf_printf(&s, "%s: %s: %s in %s; %s in %s", how, what, sa,
                  px_cpair_label(p, 0), sb, px_cpair_label(p, 1));
    px_free(sa);
    px_free(sb);
    px_finding *f =
        px_finding_add(p, 0, PX_FIND_ATTRIBUTION, k, px_buf_detach(&s, NULL));
    if (aa) px_finding_ev_add(f, p->idx[0], aa->span);
    px_finding_ev_add(f, p->idx[0], ea);
    if (ab) px_finding_ev_add(f, p->idx[1], ab->span);
    px_finding_ev_add(f, p->idx[1], eb);
}

static void figure_credit(px_cpair *p, const px_claim *qa, const px_claim *qb) {
    size_t ia = 0, ib = 0;
    /* only figures known to be the same fact: in rewritten sentences, or
     * the same value counting the same thing; not equal numbers met by
     * chance nor loosely related sentences */
    const px_align_pair *pr = aligned_pair(p, qa, qb);
    if (!(pr && pr->score >= FIGURE_MIN_SCORE) &&
        !(things(p, qa, qb) > 0 && relation(qa, qb) == REL_EQUAL))
        return;
    const px_claim *aa = attribution_of(p, 0, qa, &ia);
    const px_claim *ab = attribution_of(p, 1, qb, &ib);
    if (!aa && !ab) return;
    if (aa && ab && same_speaker(p, aa->speaker, ab->speaker)) return;
    if ((aa && p->used[0][ia]) || (ab && p->used[1][ib])) return;
    if (aa) p->used[0][ia] = 1;
    if (ab) p->used[1][ib] = 1;
    char *t = qty_text(p, 0, qa);
    px_buf w = PX_BUF_INIT;
    px_buf_printf(&w, "\"%s\"", t);
    px_free(t);
    credit_finding(p, PX_FK_ATTRIBUTION, w.data, aa, ab,
                   join(qa->span, qa->thing_span),
                   join(qb->span, qb->thing_span));
    px_buf_release(&w);
}

/* ---------------------------------------------------------------- quotes */

static size_t quote_stems(const px_cpair *p, int x, const px_claim *q, int said,
                          uint64_t *out) {
    px_span sp = said && q->scare ? q->clause_span : q->text_span;
    return px_cpair_stems(p, x, sp, out, MAX_STEMS, !said);
}

static double quote_score(const px_cpair *p, const px_claim *a,
                          const px_claim *b) {
    uint64_t sa[MAX_STEMS], sb[MAX_STEMS];
    size_t na = quote_stems(p, 0, a, 0, sa), nb = quote_stems(p, 1, b, 0, sb);
    if (!na || !nb) return -1;
    double dice = 2.0 * (double)shared(sa, na, sb, nb) / (double)(na + nb);
    int sp = same_speaker(p, a->speaker, b->speaker);
    int conflict = a->speaker >= 0 && b->speaker >= 0 && !sp;
    if (dice < 0.5 || (conflict && dice < 0.8)) return -1;
    return dice + sp;
}

/* Is b[0..nb) a contiguous run of a[0..na)? */
static int contains_run(const uint64_t *a, size_t na, const uint64_t *b,
                        size_t nb) {
    for (size_t i = 0; nb && i + nb <= na; i++)
        if (!memcmp(a + i, b, nb * sizeof *b)) return 1;
    return 0;
}

/* 2: the same words; 1: one is a cut of the other (a quote shortened);
 * 0: the words or the sense changed. */
static int said_same(const px_cpair *p, const px_claim *a, const px_claim *b) {
    uint64_t sa[MAX_STEMS], sb[MAX_STEMS];
    int both_scare = a->scare && b->scare;
    size_t na = quote_stems(p, 0, a, !both_scare, sa);
    size_t nb = quote_stems(p, 1, b, !both_scare, sb);
    if (na == nb && !memcmp(sa, sb, na * sizeof *sa)) return 2;
    return contains_run(sa, na, sb, nb) || contains_run(sb, nb, sa, na);
}

/* How a quote's speaker is named in summaries: the words of the text when
 * they hold the entity's name ("United States and Ukraine", "Kremlin
 * spokesperson Dmitry Peskov"), else the name (a pronoun resolved).
 * Owned by the caller; NULL when the quote has no speaker. */
static char *speaker_name(const px_cpair *p, int x, const px_claim *q) {
    const px_entity *e = entity_of(p, x, q->speaker);
    if (!e) return NULL;
    char *t = px_cpair_snip(p, x, q->speaker_span, 80);
    if (strcasestr(t, e->name)) return t;
    px_free(t);
    return px_strdup(e->name);
}

static void quote_finding(px_cpair *p, px_finding_type t, char *summary,
                          px_span xa, px_span xb) {
    px_finding *f = px_finding_add(p, 0, t, PX_FK_QUOTE, summary);
    px_finding_ev_add(f, p->idx[0], xa);
    px_finding_ev_add(f, p->idx[1], xb);
}

static void report_quote(px_cpair *p, const px_claim *a, const px_claim *b) {
    const px_entity *ea = entity_of(p, 0, a->speaker);
    const px_entity *eb = entity_of(p, 1, b->speaker);
    px_span xa = a->scare ? a->clause_span : a->span;
    px_span xb = b->scare ? b->clause_span : b->span;
    char *na = speaker_name(p, 0, a), *nb = speaker_name(p, 1, b);
    px_buf s = PX_BUF_INIT;
    if (ea && eb && !px_names_match(ea, eb)) {
        px_buf_printf(&s, "quote credited differently: %s in %s; %s in %s", na,
                      px_cpair_label(p, 0), nb, px_cpair_label(p, 1));
        quote_finding(p, PX_FIND_ATTRIBUTION, px_buf_detach(&s, NULL), xa, xb);
    } else {
        int same = said_same(p, a, b);
        char *ta = px_cpair_snip(p, 0, xa, 160),
             *tb = px_cpair_snip(p, 1, xb, 160);
        const char *who = na ? na : nb;
        px_buf_printf(&s, "%s%s%s %s (%s) vs %s (%s)", who ? who : "",
                      who ? ": " : "",
                      same == 2 ? "same quote"
                      : same    ? "same quote, shortened"
                                : "quote changed",
                      ta, px_cpair_label(p, 0), tb, px_cpair_label(p, 1));
        px_free(ta);
        px_free(tb);
        quote_finding(p, same ? PX_FIND_SAME : PX_FIND_QUOTE,
                      px_buf_detach(&s, NULL), xa, xb);
    }
    px_free(na);
    px_free(nb);
}

/* A full quote one source gives and the other does not, in a passage both
 * have. */
static void only_quote(px_cpair *p, int x, const px_claim *q) {
    if (q->scare || px_cpair_partner(p, x, q->span.start) < 0) return;
    const px_entity *e = entity_of(p, x, q->speaker);
    char *t = px_cpair_snip(p, x, q->span, 160);
    px_buf s = PX_BUF_INIT;
    px_buf_printf(&s, "quote only in %s (not in %s): %s%s%s",
                  px_cpair_label(p, x), px_cpair_label(p, !x), e ? e->name : "",
                  e ? ": " : "", t);
    px_free(t);
    px_finding *f = px_finding_add(p, x, PX_FIND_ONLY_IN, PX_FK_QUOTE,
                                   px_buf_detach(&s, NULL));
    px_finding_ev_add(f, p->idx[x], q->span);
}

void px_match_quotes(px_cpair *p) {
    match_greedy(p, PX_CLAIM_QUOTE, 0, quote_score, report_quote);
    report_unmatched(p, PX_CLAIM_QUOTE, only_quote);
}

/* ----------------------------------------------------------------- times */

static size_t time_class(const char *norm) {
    const char *c = strchr(norm, ':');
    return c ? (size_t)(c - norm) : 0;
}

/* The normalised time of c on side x, with "today", "yesterday" and
 * "tomorrow" resolved to a weekday when the article's publication time is
 * known (so "today" in one source can meet "on Tuesday" in another). */
static const char *time_norm(const px_cpair *p, int x, const px_claim *c,
                             char *buf, size_t n) {
    static const char *const rels[] = {"rel:yesterday", "rel:today",
                                       "rel:tomorrow"};
    static const char *const day[] = {"sunday",    "monday",   "tuesday",
                                      "wednesday", "thursday", "friday",
                                      "saturday"};
    const px_article *a = p->s[x]->art;
    if (!a || a->published_ts == PX_TIME_NONE) return c->norm;
    for (int k = 0; k < 3; k++) {
        if (strcmp(c->norm, rels[k])) continue;
        int64_t days = a->published_ts / 86400 + (k - 1);
        if (a->published_ts < 0 && a->published_ts % 86400) days--;
        snprintf(buf, n, "weekday:%s", day[((days % 7) + 7 + 4) % 7]);
        return buf;
    }
    return c->norm;
}

/* 2 same time, 1 same kind of time but another value, 0 not comparable. */
static int time_rel(const px_cpair *p, const px_claim *a, const px_claim *b) {
    char ba[32], bb[32];
    const char *na = time_norm(p, 0, a, ba, sizeof ba);
    const char *nb = time_norm(p, 1, b, bb, sizeof bb);
    if (!strcmp(na, nb)) return 2;
    size_t ca = time_class(na), cb = time_class(nb);
    return ca == cb && !strncmp(na, nb, ca);
}

static double time_score(const px_cpair *p, const px_claim *a,
                         const px_claim *b) {
    const px_align_pair *pr = aligned_pair(p, a, b);
    if (!pr) return -1;
    int r = time_rel(p, a, b);
    /* another day in loosely related sentences is no contradiction */
    if (r == 1 && pr->score < CREDIT_MIN_SCORE) return -1;
    return r ? r : -1;
}

static void report_time(px_cpair *p, const px_claim *a, const px_claim *b) {
    int same = time_rel(p, a, b) == 2;
    char *ta = px_cpair_snip(p, 0, a->span, 80),
         *tb = px_cpair_snip(p, 1, b->span, 80);
    px_buf s = PX_BUF_INIT;
    px_buf_printf(&s, "%s: \"%s\" (%s) vs \"%s\" (%s)",
                  same ? "same time" : "different time", ta,
                  px_cpair_label(p, 0), tb, px_cpair_label(p, 1));
    px_free(ta);
    px_free(tb);
    px_finding *f = px_finding_add(p, 0, same ? PX_FIND_SAME : PX_FIND_DIFFERS,
                                   PX_FK_TIME, px_buf_detach(&s, NULL));
    px_finding_ev_add(f, p->idx[0], a->span);
    px_finding_ev_add(f, p->idx[1], b->span);
}

void px_match_times(px_cpair *p) {
    match_greedy(p, PX_CLAIM_TIME, 0, time_score, report_time);
}

/* ---------------------------------------------------- sentence credits */

/* Is attribution a the source's own outlet ("Modern.az reports")? */
static int self_credit(const px_cpair *p, int x, const px_claim *a) {
    const px_article *art = p->s[x]->art;
    const char *outlet =
        art && art->outlet ? art->outlet : px_doc_meta(p->s[x]->doc, "outlet");
    const px_entity *e = entity_of(p, x, a->speaker);
    return e && outlet && !strcasecmp(e->name, outlet);
}

/* First attribution with a speaker in span sp of side x. */
static const px_claim *credit_in(const px_cpair *p, int x, px_span sp,
                                 size_t *idx) {
    size_t n;
    const px_claim *c = claims_of(p, x, &n);
    for (size_t i = px_cpair_first_claim(p, x, sp.start);
         i < n && c[i].span.start < sp.end; i++)
        if (c[i].kind == PX_CLAIM_ATTRIBUTION && c[i].speaker >= 0 &&
            c[i].span.end <= sp.end && !self_credit(p, x, &c[i])) {
            *idx = i;
            return &c[i];
        }
    return NULL;
}

/* Does any attribution in span sp of side x name entity e of side !x? */
static int credits_name(const px_cpair *p, int x, px_span sp,
                        const px_entity *e) {
    size_t n;
    const px_claim *c = claims_of(p, x, &n);
    for (size_t i = px_cpair_first_claim(p, x, sp.start);
         i < n && c[i].span.start < sp.end; i++) {
        if (c[i].kind != PX_CLAIM_ATTRIBUTION || c[i].span.end > sp.end)
            continue;
        const px_entity *o = entity_of(p, x, c[i].speaker);
        if (o && px_names_match(o, e)) return 1;
    }
    return 0;
}

static void same_credit(px_cpair *p, const px_claim *aa, const px_claim *ab) {
    char *ta = px_cpair_snip(p, 0, aa->span, 80);
    char *tb = px_cpair_snip(p, 1, ab->span, 80);
    px_buf s = PX_BUF_INIT;
    px_buf_printf(&s, "same credit: \"%s\" (%s) vs \"%s\" (%s)", ta,
                  px_cpair_label(p, 0), tb, px_cpair_label(p, 1));
    px_free(ta);
    px_free(tb);
    px_finding *f = px_finding_add(p, 0, PX_FIND_SAME, PX_FK_ATTRIBUTION,
                                   px_buf_detach(&s, NULL));
    px_finding_ev_add(f, p->idx[0], aa->span);
    px_finding_ev_add(f, p->idx[1], ab->span);
}

/* The credits of one pair of rewritten sentences. */
static void credit_pair(px_cpair *p, const px_align_pair *pr) {
    size_t ia = 0, ib = 0;
    const px_claim *aa = credit_in(p, 0, pr->a_span, &ia);
    const px_claim *ab = credit_in(p, 1, pr->b_span, &ib);
    if ((!aa && !ab) || (aa && p->used[0][ia]) || (ab && p->used[1][ib]))
        return;
    if (aa && ab && same_speaker(p, aa->speaker, ab->speaker)) {
        p->used[0][ia] = p->used[1][ib] = 1;
        same_credit(p, aa, ab);
        return;
    }
    if (aa && ab &&
        (credits_name(p, 1, pr->b_span, entity_of(p, 0, aa->speaker)) ||
         credits_name(p, 0, pr->a_span, entity_of(p, 1, ab->speaker))))
        return;
    /* one side credits a speaker the other credits elsewhere: the
     * statement moved, the credit did not change */
    px_span all_a = {0, p->s[0]->len}, all_b = {0, p->s[1]->len};
    if (!ab && credits_name(p, 1, all_b, entity_of(p, 0, aa->speaker))) return;
    if (!aa && credits_name(p, 0, all_a, entity_of(p, 1, ab->speaker))) return;
    if (aa) p->used[0][ia] = 1;
    if (ab) p->used[1][ib] = 1;
    char *t =
        px_cpair_snip(p, aa ? 0 : 1, aa ? aa->text_span : ab->text_span, 100);
    px_buf w = PX_BUF_INIT;
    px_buf_printf(&w, "\"%s\"", t);
    px_free(t);
    credit_finding(p, PX_FK_ATTRIBUTION, w.data, aa, ab, pr->a_span,
                   pr->b_span);
    px_buf_release(&w);
}

void px_match_attributions(px_cpair *p) {
    size_t np = px_align_npairs(p->al);
    for (size_t k = 0; k < np; k++) {
        const px_align_pair *pr = px_align_get_pair(p->al, k);
        if (pr->score >= CREDIT_MIN_SCORE) credit_pair(p, pr); /* rewrites */
    }
}
