/*
 * passage.c - chaining anchor hits into passages (see passage.h).
 *
 *   chain    hits in order of a position join an open chain when they lie
 *            within max_gap words of it on both sides, on a nearby
 *            diagonal (b - a), and the words between look reused too, so
 *            substitutions, insertions and deletions between anchors do not
 *            break a passage; otherwise (repeated phrases, another passage)
 *            they open a new chain;
 *   score    while chaining, the words between two consecutive hits of a
 *            chain are aligned exactly (LCS of two short segments) and the
 *            anchor words counted once, giving the shared word count;
 *   extend   each chain grows outwards with an X-drop alignment (match +1,
 *            mismatch or gap -1, banded), which recovers the edited words
 *            at the ends that no anchor covers;
 *   filter   chains overlapping on both sides keep the larger; passages
 *            under min_words shared words or min_sim similarity go.
 */
#include <stdlib.h> /* qsort */
#include <string.h> /* memset */

#include "core/array.h"
#include "reuse/passage.h"

#define OPEN_CHAINS  16   /* recent chains a hit may join */
#define BAND         8    /* X-drop band half-width, in words */
#define XDROP        6    /* stop when the score falls this far below best */
#define SEG_MAX      256  /* longest gap segment aligned exactly */
#define SMALL_GAP    8    /* gap (words) joined without looking at it */
#define MAX_PASSAGES 4096 /* passages kept per pair of documents */
#define NEG_INF      (-(1 << 20))

void px_passage_vec_push(px_passage_vec *pv, const px_passage *p) {
    pv->v = px_array_grow(pv->v, &pv->alloc, pv->n + 1, 16, sizeof *pv->v);
    pv->v[pv->n++] = *p;
}

typedef struct chain {
    uint32_t a0, a1, b0, b1; /* word ranges [a0, a1) x [b0, b1) */
    int64_t diag;            /* b - a of the last hit */
    uint32_t words;          /* shared words so far */
} chain;

/* ------------------------------------------------------------- alignment */

/* Longest common subsequence of two short word segments. */
static uint32_t lcs(const uint32_t *a, size_t na, const uint32_t *b,
                    size_t nb) {
    if (!na || !nb) return 0;
    if (na > SEG_MAX) na = SEG_MAX;
    if (nb > SEG_MAX) nb = SEG_MAX;
    uint16_t prev[SEG_MAX + 1], cur[SEG_MAX + 1];
    memset(prev, 0, (nb + 1) * sizeof *prev);
    cur[0] = 0;
    for (size_t i = 1; i <= na; i++) {
        for (size_t j = 1; j <= nb; j++) {
            uint16_t m = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : 0;
            uint16_t s = prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
            cur[j] = m > s ? m : s;
        }
        memcpy(prev, cur, (nb + 1) * sizeof *prev);
    }
    return prev[nb];
}

/* Word k of a side read forwards (step 1) or backwards from p. */
static uint32_t at(const uint32_t *p, size_t k, int step) {
    return step > 0 ? p[k] : *(p - k);
}

typedef struct ext {
    uint32_t la, lb, words; /* words taken on each side, shared words */
} ext;

typedef struct cell {
    int score;
    uint32_t words;
} cell;

/* Best-scoring cell of row i from the previous row: banded DP step. */
static void xdrop_row(const uint32_t *a, const uint32_t *b, size_t nb, int step,
                      size_t i, const cell *prev, cell *cur) {
    for (int d = -BAND; d <= BAND; d++) {
        cell *c = &cur[d + BAND];
        ptrdiff_t j = (ptrdiff_t)i + d;
        c->score = NEG_INF;
        c->words = 0;
        if (j < 0 || (size_t)j > nb) continue;
        if (j > 0 && d > -BAND && cur[d + BAND - 1].score - 1 > c->score)
            *c = (cell){cur[d + BAND - 1].score - 1, cur[d + BAND - 1].words};
        if (d < BAND && prev[d + BAND + 1].score - 1 > c->score)
            *c = (cell){prev[d + BAND + 1].score - 1, prev[d + BAND + 1].words};
        if (j > 0) {
            int eq = at(a, i - 1, step) == at(b, (size_t)j - 1, step);
            int s = prev[d + BAND].score + (eq ? 1 : -1);
            if (s > c->score) *c = (cell){s, prev[d + BAND].words + eq};
        }
    }
}

/* 1 if one of the first XDROP + 1 words of a equals a word of b within
 * the band.  If none does, every cell of row i scores at most -i (a path
 * there takes at least i steps, none of them a match), so extend() stops
 * at row XDROP + 1 with nothing gained (a chain end followed by
 * unrelated text), which is cheaper to tell than to align. */
static int may_extend(const uint32_t *a, size_t na, const uint32_t *b,
                      size_t nb, int step) {
    size_t rows = na < XDROP + 1 ? na : XDROP + 1;
    for (size_t x = 0; x < rows; x++) {
        uint32_t w = at(a, x, step);
        size_t lo = x > BAND ? x - BAND : 0, hi = x + BAND + 1;
        if (hi > nb) hi = nb;
        for (size_t y = lo; y < hi; y++)
            if (at(b, y, step) == w) return 1;
    }
    return 0;
}

/* X-drop extension from the start of a and b in direction step. */
static ext extend(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
                  int step) {
    if (!may_extend(a, na, b, nb, step)) return (ext){0, 0, 0};
    cell prev[2 * BAND + 1], cur[2 * BAND + 1];
    for (int d = -BAND; d <= BAND; d++)
        prev[d + BAND] = (cell){d >= 0 && (size_t)d <= nb ? -d : NEG_INF, 0};
    ext best = {0, 0, 0};
    int best_score = 0;
    for (size_t i = 1; i <= na; i++) {
        xdrop_row(a, b, nb, step, i, prev, cur);
        int row_best = NEG_INF;
        for (int d = -BAND; d <= BAND; d++) {
            const cell *c = &cur[d + BAND];
            if (c->score > row_best) row_best = c->score;
            if (c->score > best_score) {
                best_score = c->score;
                best =
                    (ext){(uint32_t)i, (uint32_t)((ptrdiff_t)i + d), c->words};
            }
        }
        if (row_best < best_score - XDROP) break;
        memcpy(prev, cur, sizeof prev);
    }
    return best;
}

/* ---------------------------------------------------------------- chains */

/* End of the anchor at p on a side: n-gram words, fewer in a document
 * shorter than the n-gram. */
static uint32_t anchor_end(px_side s, uint32_t p, unsigned ngram) {
    return p + ngram <= s.n ? p + ngram : (uint32_t)s.n;
}

/* Add hit (pa, pb) to chain c, counting the newly shared words. */
static void chain_add(chain *c, px_side a, px_side b, uint32_t pa, uint32_t pb,
                      unsigned ngram) {
    uint32_t ea = anchor_end(a, pa, ngram), eb = anchor_end(b, pb, ngram);
    if (pa >= c->a1 && pb >= c->b1) {
        uint32_t la = ea - pa, lb = eb - pb;
        c->words += lcs(a.w + c->a1, pa - c->a1, b.w + c->b1, pb - c->b1) +
                    (la < lb ? la : lb);
    } else if (ea > c->a1 && eb > c->b1) {
        uint32_t da = ea - c->a1, db = eb - c->b1;
        c->words += da < db ? da : db; /* overlapping anchors */
    } else {
        return; /* crossing or contained: nothing new */
    }
    c->a1 = ea > c->a1 ? ea : c->a1;
    c->b1 = eb > c->b1 ? eb : c->b1;
    c->diag = (int64_t)pb - pa;
}

/* May hit (pa, pb) join chain c?  Within max_gap words on both sides,
 * and a gap longer than SMALL_GAP must itself look reused (its aligned
 * words reach min_sim), so unrelated text between two passages that
 * happen to be near each other does not weld them into one. */
static int chain_fits(const chain *c, px_side a, px_side b, uint32_t pa,
                      uint32_t pb, const px_reuse_opts *o) {
    if ((int64_t)pa > (int64_t)c->a1 + o->max_gap) return 0;
    if ((int64_t)pb > (int64_t)c->b1 + o->max_gap || pb < c->b0) return 0;
    uint32_t ga = pa > c->a1 ? pa - c->a1 : 0, gb = pb > c->b1 ? pb - c->b1 : 0;
    if (ga <= SMALL_GAP && gb <= SMALL_GAP) return 1;
    uint32_t m = lcs(a.w + c->a1, ga, b.w + c->b1, gb);
    return 2.0 * m >= o->min_sim * (ga + gb);
}

/* The open chain a hit may join (closest diagonal), or -1. */
static ptrdiff_t chain_pick(const chain *cs, size_t n, px_side a, px_side b,
                            uint32_t pa, uint32_t pb, const px_reuse_opts *o) {
    ptrdiff_t best = -1;
    int64_t best_dd = (int64_t)o->max_gap + 1;
    size_t lo = n > OPEN_CHAINS ? n - OPEN_CHAINS : 0;
    for (size_t i = n; i-- > lo;) {
        int64_t dd = (int64_t)pb - pa - cs[i].diag;
        if (dd < 0) dd = -dd;
        if (dd < best_dd && chain_fits(&cs[i], a, b, pa, pb, o))
            best_dd = dd, best = (ptrdiff_t)i;
    }
    return best;
}

/* Grow a chain at both ends and turn it into a passage. */
static px_passage chain_close(const chain *c, px_side a, px_side b) {
    ext r = extend(a.w + c->a1, a.n - c->a1, b.w + c->b1, b.n - c->b1, 1);
    ext l = {0, 0, 0};
    if (c->a0 && c->b0)
        l = extend(a.w + c->a0 - 1, c->a0, b.w + c->b0 - 1, c->b0, -1);
    px_passage p = {0};
    p.a_from = c->a0 - l.la;
    p.a_to = c->a1 + r.la;
    p.b_from = c->b0 - l.lb;
    p.b_to = c->b1 + r.lb;
    p.words = c->words + l.words + r.words;
    p.similarity = 2.0 * p.words / ((p.a_to - p.a_from) + (p.b_to - p.b_from));
    return p;
}

static int overlaps(const px_passage *x, const px_passage *y) {
    return x->a_from < y->a_to && y->a_from < x->a_to && x->b_from < y->b_to &&
           y->b_from < x->b_to;
}

static int by_words_desc(const void *x, const void *y) {
    const px_passage *p = x, *q = y;
    if (p->words != q->words) return p->words < q->words ? 1 : -1;
    return p->a_from < q->a_from ? -1 : p->a_from > q->a_from;
}

/* Keep the passages that pass the filters and overlap no larger one; at
 * most MAX_PASSAGES per pair (the largest), which bounds the quadratic
 * overlap check on pathological, self-repeating texts. */
static void select_passages(px_passage *ps, size_t n, const px_reuse_opts *o,
                            px_passage_vec *out) {
    qsort(ps, n, sizeof *ps, by_words_desc);
    size_t first = out->n;
    if (n > MAX_PASSAGES) n = MAX_PASSAGES;
    for (size_t i = 0; i < n; i++) {
        if (ps[i].words < o->min_words || ps[i].similarity < o->min_sim)
            continue;
        int clash = 0;
        for (size_t j = first; j < out->n && !clash; j++)
            clash = overlaps(&ps[i], &out->v[j]);
        if (!clash) px_passage_vec_push(out, &ps[i]);
    }
}

void px_passages_find(px_side a, px_side b, const px_kv *hits, size_t nhits,
                      unsigned ngram, const px_reuse_opts *o,
                      px_passage_vec *out) {
    chain *cs = px_malloc((nhits ? nhits : 1) * sizeof *cs);
    size_t nc = 0;
    for (size_t i = 0; i < nhits; i++) {
        uint32_t pa = (uint32_t)(hits[i].val >> 32), pb = (uint32_t)hits[i].val;
        ptrdiff_t k = chain_pick(cs, nc, a, b, pa, pb, o);
        if (k >= 0) {
            chain_add(&cs[k], a, b, pa, pb, ngram);
            continue;
        }
        chain *c = &cs[nc++];
        *c = (chain){pa, pa, pb, pb, (int64_t)pb - pa, 0};
        chain_add(c, a, b, pa, pb, ngram);
    }
    px_passage *ps = px_malloc((nc ? nc : 1) * sizeof *ps);
    for (size_t i = 0; i < nc; i++) ps[i] = chain_close(&cs[i], a, b);
    select_passages(ps, nc, o, out);
    px_free(ps);
    px_free(cs);
}
