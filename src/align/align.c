/*
 * align.c - sentence alignment of two prepared sides (see parallax/align.h).
 *
 * Steps, all bounded by the number of term occurrences:
 *
 *   1. weights: one hash table over the terms of both sides gives each
 *      term its sentence frequency df and top boost; weight = boost *
 *      log(1 + N / df) (N sentences on both sides) or the caller's IDF;
 *   2. candidates: the table doubles as an inverted index over B's
 *      sentences; each A sentence accumulates shared weight per B sentence
 *      (terms in more than MAX_POSTINGS B sentences are skipped: they weigh
 *      next to nothing and would make this quadratic); weighted Dice;
 *   3. greedy 1-1: candidates best first, both sentences free, Dice >=
 *      threshold (any order: reordering is allowed);
 *   4. growth: an unpaired sentence joins a nearby pair when most of its
 *      weight is found in the pair's other side and the pair's Dice does
 *      not drop (a sentence split in two, or two merged into one);
 *   5. pairs sorted by first A sentence, word diff per pair (wdiff.c),
 *      coverage and direction (direction.c).
 */
#include <math.h>   /* log */
#include <stdlib.h> /* qsort */
#include <string.h> /* memset */

#include "align/align_int.h"
#include "core/array.h"

#define MAX_POSTINGS 512  /* B sentences per term in candidate search */
#define CAND_MIN     0.08 /* smallest Dice kept as a candidate */
#define MIN_SHARED   2    /* shared terms a candidate needs (see below) */
#define MAX_GROUP    6    /* sentences per side in one pair */
#define GROW_CONTAIN 0.5  /* share of a joining sentence found in partner */
#define GROW_NEXT    0.3  /* the same for a direct neighbour of the pair */
#define GROW_SLACK   0.02 /* Dice a pair may lose when a sentence joins */
#define GROW_REACH   3    /* how far (in sentences) a joiner may be */
#define HEADLINE_BAR 1.5  /* threshold factor: headline vs body sentence */
#define JOIN_FLOOR                                                             \
    0.5               /* greedy also reads candidates this far below the       \
                         threshold, for joins */
#define CONTEXT_W 0.1 /* order bonus for a matching diagonal neighbour */

typedef struct tentry {
    uint64_t h;
    uint32_t df, nb; /* sentences holding it: all, on B */
    uint32_t head;   /* first of its nb postings in work.post */
    uint32_t pos;    /* fill position while building postings */
    float boost, w;
} tentry;

typedef struct cand {
    uint32_t a, b;
    float dice;
    float key; /* greedy order: Dice + context */
} cand;

typedef struct wpair {
    uint32_t s[2][MAX_GROUP];
    uint32_t n[2];
    double score;
} wpair;

#define IDF_CACHE 64 /* df values whose IDF is memoised per pair */

typedef struct work {
    px_align *al;
    tentry *tab;
    size_t mask;
    uint32_t *slot[2];     /* per term of each side: its table slot */
    double idf[IDF_CACHE]; /* log(1 + N / df) by df, 0 = not yet */
    uint32_t *post;        /* B sentences per term, grouped by term */
    cand *c;
    size_t nc, ac;
    uint32_t *coff[2]; /* CSR: candidates of each sentence */
    uint32_t *cidx[2];
    wpair *wp;
    size_t nwp;
    long *in[2];         /* sentence -> working pair or -1 */
    px_term *scratch[2]; /* group scoring */
    size_t ascratch[2];
} work;

/* ------------------------------------------------------------- weights */

static tentry *tab_get(work *w, uint64_t h) {
    size_t i = (size_t)(h ^ (h >> 29)) & w->mask;
    while (w->tab[i].df && w->tab[i].h != h) i = (i + 1) & w->mask;
    w->tab[i].h = h;
    return &w->tab[i];
}

static void count_side(work *w, int side) {
    const px_align_side *s = w->al->side[side];
    size_t n = s->term_off[s->nsents];
    w->slot[side] = px_malloc((n + 1) * sizeof *w->slot[side]);
    for (size_t i = 0; i < n; i++) {
        tentry *e = tab_get(w, s->terms[i].h);
        w->slot[side][i] = (uint32_t)(e - w->tab);
        e->df++;
        if (s->terms[i].boost > e->boost) e->boost = s->terms[i].boost;
        e->nb += side;
    }
}

/* Inverted index of B: for each term, its B sentences, contiguous. */
static void postings(work *w) {
    const px_align_side *b = w->al->side[1];
    size_t n = b->term_off[b->nsents];
    uint32_t off = 0;
    for (size_t i = 0; i <= w->mask; i++) {
        w->tab[i].head = w->tab[i].pos = off;
        off += w->tab[i].nb;
    }
    w->post = px_malloc((n + 1) * sizeof *w->post);
    for (size_t i = 0; i < n; i++)
        w->post[w->tab[w->slot[1][i]].pos++] = b->terms[i].sent;
}

static double learned_idf(work *w, uint32_t df, double N) {
    if (df >= IDF_CACHE) return log(1.0 + N / df);
    if (w->idf[df] == 0) w->idf[df] = log(1.0 + N / df);
    return w->idf[df];
}

static void weigh_side(work *w, int side, const px_align_opts *o, double N) {
    px_align *al = w->al;
    const px_align_side *s = al->side[side];
    size_t n = s->term_off[s->nsents];
    al->w[side] = px_malloc((n + 1) * sizeof *al->w[side]);
    al->sw[side] = px_calloc(s->nsents + 1, sizeof *al->sw[side]);
    for (size_t i = 0; i < n; i++) {
        tentry *e = &w->tab[w->slot[side][i]];
        if (e->w == 0) {
            double idf = o && o->idf ? o->idf(o->idf_ud, e->h) : 0;
            if (idf <= 0) idf = learned_idf(w, e->df, N);
            e->w = (float)(idf * e->boost);
        }
        al->w[side][i] = e->w;
        al->sw[side][s->terms[i].sent] += e->w;
    }
}

static void weigh(work *w, const px_align_opts *o) {
    const px_align_side *a = w->al->side[0], *b = w->al->side[1];
    size_t n = a->term_off[a->nsents] + b->term_off[b->nsents], cap = 64;
    while (cap < n * 2) cap *= 2;
    w->tab = px_calloc(cap, sizeof *w->tab);
    w->mask = cap - 1;
    count_side(w, 0);
    count_side(w, 1);
    postings(w);
    double N = (double)(a->nsents + b->nsents);
    weigh_side(w, 0, o, N);
    weigh_side(w, 1, o, N);
}

/* ---------------------------------------------------------- candidates */

static void add_cand(work *w, uint32_t a, uint32_t b, float dice) {
    w->c = px_array_grow(w->c, &w->ac, w->nc + 1, 256, sizeof *w->c);
    w->c[w->nc++] = (cand){a, b, dice, dice};
}

/* Enough shared terms to be evidence: two, or all of a sentence that has
 * fewer ("Fanning said." = "Fanning said."). */
static int enough_shared(const work *w, uint32_t a, uint32_t b, uint32_t n) {
    const px_align_side *A = w->al->side[0], *B = w->al->side[1];
    uint32_t ta = A->term_off[a + 1] - A->term_off[a];
    uint32_t tb = B->term_off[b + 1] - B->term_off[b];
    return n >= MIN_SHARED || n >= (ta < tb ? ta : tb);
}

static void candidates(work *w) {
    const px_align *al = w->al;
    const px_align_side *A = al->side[0], *B = al->side[1];
    double *acc = px_calloc(B->nsents + 1, sizeof *acc);
    uint32_t *cnt = px_calloc(B->nsents + 1, sizeof *cnt);
    uint32_t *touched = px_malloc((B->nsents + 1) * sizeof *touched);
    for (uint32_t a = 0; a < A->nsents; a++) {
        size_t nt = 0;
        for (uint32_t i = A->term_off[a]; i < A->term_off[a + 1]; i++) {
            const tentry *e = &w->tab[w->slot[0][i]];
            if (!e->nb || e->nb > MAX_POSTINGS) continue;
            for (uint32_t j = e->head; j < e->head + e->nb; j++) {
                uint32_t b = w->post[j];
                if (!cnt[b]++) touched[nt++] = b;
                acc[b] += e->w;
            }
        }
        for (size_t k = 0; k < nt; k++) {
            uint32_t b = touched[k];
            double den = al->sw[0][a] + al->sw[1][b];
            double dice = den > 0 ? 2 * acc[b] / den : 0;
            if (dice >= CAND_MIN && enough_shared(w, a, b, cnt[b]))
                add_cand(w, a, b, (float)dice);
            acc[b] = 0, cnt[b] = 0;
        }
    }
    px_free(acc);
    px_free(cnt);
    px_free(touched);
}

/* CSR index: candidates of each sentence of `side`. */
static void index_cands(work *w, int side) {
    size_t ns = w->al->side[side]->nsents;
    uint32_t *off = px_calloc(ns + 2, sizeof *off);
    for (size_t i = 0; i < w->nc; i++)
        off[(side ? w->c[i].b : w->c[i].a) + 2]++;
    for (size_t i = 2; i < ns + 2; i++) off[i] += off[i - 1];
    uint32_t *idx = px_malloc((w->nc + 1) * sizeof *idx);
    for (size_t i = 0; i < w->nc; i++)
        idx[off[(side ? w->c[i].b : w->c[i].a) + 1]++] = (uint32_t)i;
    w->coff[side] = off;
    w->cidx[side] = idx;
}

/* -------------------------------------------------------- group scores */

/* Distinct terms (with weights) of sentences s[0..n) of a side into the
 * side's scratch, sorted by hash; returns their count and total weight. */
static size_t group_terms(work *w, int side, const uint32_t *s, size_t n,
                          double *total) {
    const px_align_side *sd = w->al->side[side];
    const float *wt = w->al->w[side];
    size_t cnt = 0;
    for (size_t k = 0; k < n; k++)
        cnt += sd->term_off[s[k] + 1] - sd->term_off[s[k]];
    if (cnt > w->ascratch[side]) {
        w->ascratch[side] = cnt * 2;
        w->scratch[side] =
            px_realloc(w->scratch[side], w->ascratch[side] * sizeof(px_term));
    }
    px_term *t = w->scratch[side];
    size_t o = 0;
    for (size_t k = 0; k < n; k++)
        for (uint32_t i = sd->term_off[s[k]]; i < sd->term_off[s[k] + 1]; i++)
            t[o++] = (px_term){sd->terms[i].h, wt[i], 0};
    if (n > 1) qsort(t, o, sizeof *t, px_term_cmp); /* one is sorted */
    size_t u = 0;
    *total = 0;
    for (size_t i = 0; i < o; i++) {
        if (u && t[u - 1].h == t[i].h) continue;
        t[u++] = t[i];
        *total += t[i].boost;
    }
    return u;
}

/* Shared weight of two sentence groups, and each group's total. */
static double group_shared(work *w, const uint32_t *as, size_t an,
                           const uint32_t *bs, size_t bn, double *wa,
                           double *wb) {
    size_t na = group_terms(w, 0, as, an, wa);
    size_t nb = group_terms(w, 1, bs, bn, wb);
    const px_term *x = w->scratch[0], *y = w->scratch[1];
    double shared = 0;
    size_t i = 0, j = 0;
    while (i < na && j < nb) {
        if (x[i].h < y[j].h)
            i++;
        else if (x[i].h > y[j].h)
            j++;
        else
            shared += x[i++].boost, j++;
    }
    return shared;
}

static double dice_of(double shared, double wa, double wb) {
    return wa + wb > 0 ? 2 * shared / (wa + wb) : 0;
}

/* ------------------------------------------------------------- pairing */

static int cmp_cand_desc(const void *x, const void *y) {
    const cand *a = x, *b = y;
    if (a->key != b->key) return a->key < b->key ? 1 : -1;
    if (a->a != b->a) return a->a < b->a ? -1 : 1;
    return a->b < b->b ? -1 : a->b > b->b;
}

/* A headline summarises many sentences: pairing it with one body sentence
 * needs a higher score than pairing two body (or two headline) lines. */
static int headline_mismatch(const work *w, const cand *c) {
    uint32_t fa = w->al->side[0]->sents[c->a].flags & PX_SENT_HEADLINE;
    uint32_t fb = w->al->side[1]->sents[c->b].flags & PX_SENT_HEADLINE;
    return !fa != !fb && c->dice < w->al->thr * HEADLINE_BAR;
}

/* Is sentence s within GROW_REACH of the pair's sentences on side x? */
static int near_pair(const wpair *p, int x, uint32_t s) {
    for (uint32_t k = 0; k < p->n[x]; k++) {
        uint32_t d = p->s[x][k] > s ? p->s[x][k] - s : s - p->s[x][k];
        if (d <= GROW_REACH) return 1;
    }
    return 0;
}

static void insert_sorted(uint32_t *v, uint32_t *n, uint32_t s) {
    uint32_t i = *n;
    while (i > 0 && v[i - 1] > s) v[i] = v[i - 1], i--;
    v[i] = s;
    (*n)++;
}

/* Score of pair p with sentence s added on side x (and s's containment). */
/* Is sentence s right next to one of the pair's sentences on side x? */
static int next_to(const wpair *p, int x, uint32_t s) {
    for (uint32_t k = 0; k < p->n[x]; k++)
        if (p->s[x][k] + 1 == s || s + 1 == p->s[x][k]) return 1;
    return 0;
}

static double try_join(work *w, const wpair *p, int x, uint32_t s,
                       double *contain) {
    wpair q = *p;
    insert_sorted(q.s[x], &q.n[x], s);
    double wa, wb, wx, wy;
    double sh = x ? group_shared(w, p->s[0], p->n[0], &s, 1, &wy, &wx)
                  : group_shared(w, &s, 1, p->s[1], p->n[1], &wx, &wy);
    *contain = wx > 0 ? sh / wx : 0;
    if (*contain < (next_to(p, x, s) ? GROW_NEXT : GROW_CONTAIN)) return -1;
    sh = group_shared(w, q.s[0], q.n[0], q.s[1], q.n[1], &wa, &wb);
    return dice_of(sh, wa, wb);
}

/* Join sentence s of side x to pair pi if it fits: room, s contained
 * enough in the partner, the pair's score holds.  Returns the new score
 * (not applied), or -1. */
static double join_score(work *w, long pi, int x, uint32_t s) {
    const px_align_side *sd = w->al->side[x];
    const wpair *p = &w->wp[pi];
    double contain;
    if ((sd->sents[s].flags & (PX_SENT_HEADLINE | PX_SENT_DATELINE)) ||
        p->n[x] >= MAX_GROUP || !near_pair(p, x, s))
        return -1;
    double sc = try_join(w, p, x, s, &contain);
    return sc >= p->score - GROW_SLACK ? sc : -1;
}

static void join(work *w, long pi, int x, uint32_t s, double score) {
    insert_sorted(w->wp[pi].s[x], &w->wp[pi].n[x], s);
    w->wp[pi].score = score;
    w->in[x][s] = pi;
}

/* Try to attach unpaired sentence s of side x to the best nearby pair. */
static int grow_one(work *w, int x, uint32_t s) {
    long best = -1;
    double best_score = 0;
    for (uint32_t k = w->coff[x][s]; k < w->coff[x][s + 1]; k++) {
        const cand *c = &w->c[w->cidx[x][k]];
        long pi = w->in[!x][x ? c->a : c->b];
        double sc = pi < 0 ? -1 : join_score(w, pi, x, s);
        if (sc > best_score) best = pi, best_score = sc;
    }
    if (best < 0) return 0;
    join(w, best, x, s, best_score);
    return 1;
}

/* Dice of candidate (a, b), or 0 when it is none. */
static double cand_dice(const work *w, long a, long b) {
    if (a < 0 || b < 0 || (size_t)a >= w->al->side[0]->nsents) return 0;
    for (uint32_t k = w->coff[0][a]; k < w->coff[0][a + 1]; k++)
        if (w->c[w->cidx[0][k]].b == (uint32_t)b)
            return w->c[w->cidx[0][k]].dice;
    return 0;
}

/* Order key: Dice plus a little for a diagonal neighbour that matches too,
 * so repeated sentences ("Fanning said.") pair in context. */
static float cand_key(const work *w, const cand *c) {
    double up = cand_dice(w, (long)c->a - 1, (long)c->b - 1);
    double down = cand_dice(w, (long)c->a + 1, (long)c->b + 1);
    return (float)(c->dice + CONTEXT_W * (up > down ? up : down));
}

/* Best first: a pair of two free sentences above the threshold, or a free
 * sentence joining its candidate's pair when it sits right next to it (a
 * split or merged sentence, before a weaker partner elsewhere takes it). */
static void greedy(work *w) {
    cand *c = px_malloc((w->nc + 1) * sizeof *c);
    size_t n = 0;
    for (size_t i = 0; i < w->nc; i++)
        if (w->c[i].dice >= w->al->thr * JOIN_FLOOR) {
            c[n] = w->c[i];
            c[n++].key = cand_key(w, &w->c[i]);
        }
    qsort(c, n, sizeof *c, cmp_cand_desc);
    w->wp = px_malloc((n + 1) * sizeof *w->wp);
    for (size_t i = 0; i < n; i++) {
        long pa = w->in[0][c[i].a], pb = w->in[1][c[i].b];
        if (pa >= 0 && pb >= 0) continue;
        if (pa >= 0 || pb >= 0) {
            int x = pa >= 0; /* side of the free sentence */
            long pi = x ? pa : pb;
            uint32_t s = x ? c[i].b : c[i].a;
            double sc;
            if (next_to(&w->wp[pi], x, s) &&
                (sc = join_score(w, pi, x, s)) >= 0)
                join(w, pi, x, s, sc);
            continue;
        }
        if (c[i].dice < w->al->thr || headline_mismatch(w, &c[i])) continue;
        wpair *p = &w->wp[w->nwp];
        memset(p, 0, sizeof *p);
        p->s[0][0] = c[i].a, p->s[1][0] = c[i].b;
        p->n[0] = p->n[1] = 1;
        p->score = c[i].dice;
        w->in[0][c[i].a] = w->in[1][c[i].b] = (long)w->nwp++;
    }
    px_free(c);
}

static void grow(work *w) {
    for (int round = 0; round < 3; round++) {
        int changed = 0;
        for (int x = 0; x < 2; x++)
            for (uint32_t s = 0; s < w->al->side[x]->nsents; s++)
                if (w->in[x][s] < 0) changed |= grow_one(w, x, s);
        if (!changed) break;
    }
}

/* ------------------------------------------------------------- results */

static px_span hull(const px_align_side *s, const uint32_t *v, uint32_t n) {
    return (px_span){s->sents[v[0]].span.start, s->sents[v[n - 1]].span.end};
}

static int cmp_wpair(const void *x, const void *y) {
    const wpair *a = x, *b = y;
    return a->s[0][0] < b->s[0][0] ? -1 : a->s[0][0] > b->s[0][0];
}

static void publish(work *w) {
    px_align *al = w->al;
    px_wdiff_ws *ws = al->no_words ? NULL : px_wdiff_ws_new();
    qsort(w->wp, w->nwp, sizeof *w->wp, cmp_wpair);
    al->pairs = px_calloc(w->nwp + 1, sizeof *al->pairs);
    al->npairs = w->nwp;
    for (size_t i = 0; i < w->nwp; i++) {
        const wpair *q = &w->wp[i];
        px_pair_int *p = &al->pairs[i];
        for (int x = 0; x < 2; x++) {
            uint32_t *v = px_malloc(q->n[x] * sizeof *v);
            memcpy(v, q->s[x], q->n[x] * sizeof *v);
            for (uint32_t k = 0; k < q->n[x]; k++)
                al->partner[x][v[k]] = (long)i;
            if (x)
                p->b = v;
            else
                p->a = v;
        }
        p->pub = (px_align_pair){p->a,
                                 q->n[0],
                                 p->b,
                                 q->n[1],
                                 hull(al->side[0], p->a, q->n[0]),
                                 hull(al->side[1], p->b, q->n[1]),
                                 q->score,
                                 NULL,
                                 0,
                                 0,
                                 0};
        if (ws) px_wdiff_pair(al, p, ws);
    }
    px_wdiff_ws_free(ws);
}

/* Mark pairs off the longest run that keeps the same order on both sides
 * (pairs are sorted by A; LIS over their first B sentence, O(n log n)). */
static void mark_moved(px_align *al) {
    size_t n = al->npairs, len = 0;
    if (!n) return;
    size_t *tail = px_malloc(n * sizeof *tail),
           *prev = px_malloc(n * sizeof *prev);
    for (size_t i = 0; i < n; i++) {
        uint32_t b = al->pairs[i].pub.b_sents[0];
        size_t lo = 0, hi = len;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (al->pairs[tail[mid]].pub.b_sents[0] < b)
                lo = mid + 1;
            else
                hi = mid;
        }
        prev[i] = lo ? tail[lo - 1] : (size_t)-1;
        tail[lo] = i;
        if (lo == len) len++;
        al->pairs[i].pub.moved = 1;
    }
    for (size_t i = tail[len - 1]; i != (size_t)-1; i = prev[i])
        al->pairs[i].pub.moved = 0;
    px_free(tail);
    px_free(prev);
}

static void finish_side(px_align *al, int x) {
    const px_align_side *s = al->side[x];
    double all = 0, in = 0;
    al->only[x] = px_malloc((s->nsents + 1) * sizeof *al->only[x]);
    for (size_t i = 0; i < s->nsents; i++) {
        all += al->sw[x][i];
        if (al->partner[x][i] >= 0)
            in += al->sw[x][i];
        else
            al->only[x][al->nonly[x]++] = (uint32_t)i;
    }
    al->cover[x] = all > 0 ? in / all : 0;
}

static void work_release(work *w) {
    px_free(w->tab);
    px_free(w->slot[0]);
    px_free(w->slot[1]);
    px_free(w->post);
    px_free(w->c);
    px_free(w->wp);
    for (int x = 0; x < 2; x++) {
        px_free(w->coff[x]);
        px_free(w->cidx[x]);
        px_free(w->in[x]);
        px_free(w->scratch[x]);
    }
}

px_result px_align_new(const px_align_side *a, const px_align_side *b,
                       const px_align_opts *opts, px_align **out) {
    *out = NULL;
    if (!a || !b) return PX_ERR_INVALID;
    px_align *al = px_calloc(1, sizeof *al);
    al->side[0] = a, al->side[1] = b;
    al->thr =
        opts && opts->threshold > 0 ? opts->threshold : PX_ALIGN_THRESHOLD;
    al->no_words = opts && opts->no_words;
    work w = {0};
    w.al = al;
    weigh(&w, opts);
    candidates(&w);
    for (int x = 0; x < 2; x++) {
        size_t n = al->side[x]->nsents + 1;
        index_cands(&w, x);
        w.in[x] = px_malloc(n * sizeof *w.in[x]);
        al->partner[x] = px_malloc(n * sizeof *al->partner[x]);
        for (size_t i = 0; i < n; i++) w.in[x][i] = al->partner[x][i] = -1;
    }
    greedy(&w);
    grow(&w);
    publish(&w);
    mark_moved(al);
    finish_side(al, 0);
    finish_side(al, 1);
    work_release(&w);
    px_direction_find(al);
    *out = al;
    return PX_OK;
}

px_result px_align_docs(const px_doc *a, const px_article *am, const px_doc *b,
                        const px_article *bm, const px_align_opts *opts,
                        px_align **out) {
    px_align_side *sa = NULL, *sb = NULL;
    *out = NULL;
    px_result rc = px_align_side_new(a, am, opts, &sa);
    if (!rc) rc = px_align_side_new(b, bm, opts, &sb);
    if (!rc) rc = px_align_new(sa, sb, opts, out);
    if (rc) {
        px_align_side_free(sa);
        px_align_side_free(sb);
        return rc;
    }
    (*out)->owned[0] = sa;
    (*out)->owned[1] = sb;
    return PX_OK;
}

void px_align_free(px_align *al) {
    if (!al) return;
    for (size_t i = 0; i < al->npairs; i++) {
        px_free(al->pairs[i].a);
        px_free(al->pairs[i].b);
        px_free(al->pairs[i].ops);
    }
    px_free(al->pairs);
    for (int x = 0; x < 2; x++) {
        px_free(al->w[x]);
        px_free(al->sw[x]);
        px_free(al->partner[x]);
        px_free(al->only[x]);
        px_align_side_free(al->owned[x]);
    }
    for (size_t i = 0; i < al->nev; i++) px_free((char *)al->ev[i].text);
    px_free(al->ev);
    px_free(al);
}

/* ------------------------------------------------------- reading order */

/* B-only sentences right after B sentence b. */
static void walk_only_b(const px_align *al, uint32_t b, px_walk_fn fn,
                        void *ud) {
    for (uint32_t s = b + 1; s < al->side[1]->nsents && al->partner[1][s] < 0;
         s++)
        fn(ud, -1, 1, s);
}

void px_align_walk(const px_align *al, px_walk_fn fn, void *ud) {
    for (uint32_t s = 0; s < al->side[1]->nsents && al->partner[1][s] < 0; s++)
        fn(ud, -1, 1, s);
    for (uint32_t s = 0; s < al->side[0]->nsents; s++) {
        long pi = al->partner[0][s];
        if (pi < 0) {
            fn(ud, -1, 0, s);
            continue;
        }
        const px_align_pair *p = &al->pairs[pi].pub;
        if (p->a_sents[0] != s) continue;
        fn(ud, pi, 0, s);
        for (uint32_t k = 0; k < p->b_n; k++)
            walk_only_b(al, p->b_sents[k], fn, ud);
    }
}

/* ----------------------------------------------------------- accessors */

const px_align_side *px_align_get_side(const px_align *al, int side) {
    return al->side[side ? 1 : 0];
}

size_t px_align_npairs(const px_align *al) {
    return al->npairs;
}

const px_align_pair *px_align_get_pair(const px_align *al, size_t i) {
    return i < al->npairs ? &al->pairs[i].pub : NULL;
}

long px_align_partner(const px_align *al, int side, size_t sent) {
    side = side ? 1 : 0;
    return sent < al->side[side]->nsents ? al->partner[side][sent] : -1;
}

const uint32_t *px_align_only(const px_align *al, int side, size_t *n) {
    side = side ? 1 : 0;
    *n = al->nonly[side];
    return al->only[side];
}

double px_align_coverage(const px_align *al, int side) {
    return al->cover[side ? 1 : 0];
}

const px_direction *px_align_direction(const px_align *al) {
    return &al->dir;
}

const char *px_op_kind_name(px_op_kind k) {
    static const char *const n[] = {"keep", "replace", "insert", "delete"};
    return (unsigned)k < 4 ? n[k] : "unknown";
}

const char *px_dir_name(px_dir d) {
    static const char *const n[] = {"unknown", "a->b", "b->a", "same"};
    return (unsigned)d < 4 ? n[d] : "unknown";
}

const char *px_evidence_kind_name(px_evidence_kind k) {
    static const char *const n[] = {"", "time", "containment", "wire",
                                    "attribution"};
    return k >= 1 && k <= 4 ? n[k] : "unknown";
}
