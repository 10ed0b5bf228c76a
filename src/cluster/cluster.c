/*
 * cluster.c - online same-event clustering (see parallax/cluster.h).
 *
 * Per added article:
 *   1. intern its features, bump their document frequencies, weigh each by
 *      tf * idf (idf from the articles seen so far), keep the strongest
 *      `story_terms`, normalise to unit length;
 *   2. candidates: stories in the posting lists of its `query_terms`
 *      strongest features, ranked by the summed weight of the features that
 *      hit them; the best `candidates` (plus the stories of articles it
 *      copied from) are scored in full;
 *   3. score = cosine(article, story centroid) * time decay
 *      [* conflict_factor when the two disagree on rare numbers, dates,
 *      names]
 *      + reuse bonus;
 *   4. join the best story at or above the threshold (its centroid, a sum
 *      of member unit vectors, is truncated back to `story_terms`), else
 *      start a story.  Any other candidate the article also reaches is
 *      merged into the older story when the two centroids are now at least
 *      as similar as a join requires AND agree on their specific evidence
 *      (entities, places, numbers, dates: cosine over those features alone
 *      >= merge_specific).  Stories of the same kind of event share their
 *      topic words, so topic similarity alone chained them together; the
 *      who/where/when/how-many is what tells two such events apart.
 * Settling (px_clusterer_settle, at the end of a batch): an article that
 * arrived early meets its event's story while that story is one or two
 * articles thin, and starts a story of its own that later articles pass by.
 * Each small story (at most settle_size articles) is scored again, as an
 * article would be, against the stories as they are now, and merged into
 * the best other one scoring settle_threshold or more.
 * Merged stories point to their survivor (union-find); stories untouched
 * for longest are retired past `max_live` (lazy LRU queue), freeing their
 * centroid.  Every step is bounded by the options, not by the number of
 * stories.
 */
#include <math.h>   /* log, sqrt, pow, fmax */
#include <stdio.h>  /* snprintf */
#include <stdlib.h> /* qsort */
#include <string.h> /* memcpy, memmove */

#include "cluster/feats.h"
#include "cluster/vocab.h"
#include "core/array.h"
#include "parallax/article.h" /* PX_TIME_NONE */

typedef struct term {
    uint32_t f; /* vocab index */
    float w;
} term;

typedef struct story {
    uint64_t idhash; /* hash of the first member's id */
    uint32_t parent; /* itself unless merged away */
    uint32_t size;
    uint32_t last;  /* seq of the last update (LRU) */
    uint32_t first; /* seq of the first member */
    int live;       /* matchable: a root that is not retired */
    int64_t t_min, t_max;
    term *terms; /* centroid, sorted by f */
    uint32_t nterms;
    double norm; /* L2 norm of the centroid */
    float acc;   /* scratch: query weight hitting it (0 between adds) */
} story;

typedef struct cand {
    uint32_t story;
    double score;
} cand;

typedef struct lru_ent {
    uint32_t story, seq;
} lru_ent;

struct px_clusterer {
    px_cluster_opts o;
    px_vocab voc;
    story *st;
    size_t nst, ast;
    uint32_t *art; /* story each article joined */
    size_t nart, aart;
    px_cluster_merge *merges;
    size_t nmerge, amerge;
    lru_ent *lru;
    size_t lru_head, lru_len, lru_alloc;
    size_t nlive;
    term *hits; /* scratch: stories hit by the query (f = story) */
    size_t ahits;
    term *vec; /* scratch: the article vector */
    size_t avec;
    term *scratch; /* scratch: centroid truncation */
    size_t ascratch;
    float *dense; /* scratch: the article vector by feature index */
    size_t adense;
    cand *cands; /* scratch: candidates, room for opts.candidates */
};

void px_cluster_opts_default(px_cluster_opts *o) {
    *o = (px_cluster_opts){
        .threshold = 0.35,
        .w_title = 2.0,
        .w_entity = 3.0,
        .w_place = 3.0,
        .w_number = 4.5,
        .w_date = 3.0,
        .w_headline = 3.0,
        .w_reuse = 0.3,
        .lead_tokens = 50,
        .half_life_days = 3.0,
        .story_terms = 256,
        .query_terms = 24,
        .posting_cap = 32,
        .candidates = 16,
        .max_live = (size_t)1 << 20,
        .merge_specific = 0.45,
        .conflict_factor = 0.9,
        .conflict_rare = 0.05,
        .settle_threshold = 0.25,
        .settle_size = 3,
        .feature_cap = 0.5,
        .min_shared = 2,
    };
}

static int opts_valid(const px_cluster_opts *o) {
    return o->threshold > 0 && o->threshold <= 1 && o->w_title >= 0 &&
           o->w_entity >= 0 && o->w_place >= 0 && o->w_number >= 0 &&
           o->w_date >= 0 && o->w_headline >= 0 && o->lead_tokens >= 0 &&
           o->w_reuse >= 0 && o->half_life_days >= 0 && o->story_terms >= 1 &&
           o->story_terms <= 65536 && o->query_terms >= 1 &&
           o->query_terms <= 1024 && o->posting_cap >= 1 &&
           o->posting_cap <= 65536 && o->candidates >= 1 &&
           o->candidates <= 4096 && o->max_live >= 1 &&
           o->merge_specific >= 0 && o->merge_specific <= 1 &&
           o->conflict_factor > 0 && o->conflict_factor <= 1 &&
           o->conflict_rare >= 0 && o->conflict_rare <= 1 &&
           o->settle_threshold > 0 && o->settle_threshold <= 1 &&
           o->feature_cap > 0 && o->feature_cap <= 1;
}

px_result px_clusterer_new(const px_cluster_opts *opts, px_clusterer **out) {
    px_cluster_opts o;
    if (opts)
        o = *opts;
    else
        px_cluster_opts_default(&o);
    if (!out || !opts_valid(&o)) return PX_ERR_INVALID;
    px_clusterer *c = px_calloc(1, sizeof *c);
    c->o = o;
    px_vocab_init(&c->voc, (uint32_t)o.posting_cap);
    c->cands = px_malloc(o.candidates * sizeof *c->cands);
    *out = c;
    return PX_OK;
}

void px_clusterer_free(px_clusterer *c) {
    if (!c) return;
    px_vocab_release(&c->voc);
    for (size_t i = 0; i < c->nst; i++) px_free(c->st[i].terms);
    px_free(c->st);
    px_free(c->art);
    px_free(c->merges);
    px_free(c->lru);
    px_free(c->vec);
    px_free(c->scratch);
    px_free(c->dense);
    px_free(c->cands);
    px_free(c->hits);
    px_free(c);
}

/* ---------------------------------------------------------------- helpers */

static uint32_t find_root(const px_clusterer *c, uint32_t s) {
    while (c->st[s].parent != s) s = c->st[s].parent;
    return s;
}

static int cmp_term_f(const void *a, const void *b) {
    const term *x = a, *y = b;
    return x->f < y->f ? -1 : x->f > y->f;
}

static double terms_norm(const term *t, size_t n) {
    double s = 0;
    for (size_t i = 0; i < n; i++) s += (double)t[i].w * t[i].w;
    return sqrt(s);
}

/* Heavier term first; ties by feature index, so selection is
 * deterministic. */
static int term_heavier(const term *x, const term *y) {
    return x->w > y->w || (x->w == y->w && x->f < y->f);
}

static void term_swap(term *t, size_t i, size_t j) {
    term tmp = t[i];
    t[i] = t[j];
    t[j] = tmp;
}

/* Quickselect: reorder t[0..n) so that t[0..k) are the k heaviest terms
 * (in no particular order).  Terms are distinct (by f), so the Lomuto
 * partition always places its pivot; expected linear time. */
static void terms_select(term *t, size_t n, size_t k) {
    size_t lo = 0, hi = n; /* the answer boundary k lies in [lo, hi] */
    while (hi - lo > 1 && k > lo && k < hi) {
        term_swap(t, lo + (hi - lo) / 2, hi - 1);
        size_t store = lo;
        for (size_t i = lo; i + 1 < hi; i++)
            if (term_heavier(&t[i], &t[hi - 1])) term_swap(t, i, store++);
        term_swap(t, store, hi - 1); /* pivot at its final rank `store` */
        if (store == k || store + 1 == k) return;
        if (store > k)
            hi = store;
        else
            lo = store + 1;
    }
}

/* Keep the `keep` heaviest terms of t[0..*n) in their order (f order),
 * using scratch (room for *n terms): select on a copy, then filter by the
 * lightest selected term.  Linear time. */
static void terms_truncate(term *t, uint32_t *n, size_t keep, term *scratch) {
    if (*n <= keep) return;
    memcpy(scratch, t, *n * sizeof *t);
    terms_select(scratch, *n, keep);
    term pivot = scratch[0];
    for (size_t i = 1; i < keep; i++)
        if (term_heavier(&pivot, &scratch[i])) pivot = scratch[i];
    size_t out = 0;
    for (size_t i = 0; i < *n; i++)
        if (!term_heavier(&pivot, &t[i])) t[out++] = t[i];
    *n = (uint32_t)out;
}

static double terms_dot(const term *a, size_t na, const term *b, size_t nb) {
    double s = 0;
    size_t i = 0, j = 0;
    while (i < na && j < nb) {
        if (a[i].f < b[j].f)
            i++;
        else if (a[i].f > b[j].f)
            j++;
        else
            s += (double)a[i++].w * b[j++].w;
    }
    return s;
}

static void scratch_reserve(px_clusterer *c, size_t n) {
    if (n <= c->ascratch) return;
    c->ascratch = n * 2;
    c->scratch = px_realloc(c->scratch, c->ascratch * sizeof *c->scratch);
}

/* ------------------------------------------------------- article vector */

static void terms_unit(term *t, size_t n) {
    double norm = terms_norm(t, n);
    for (size_t i = 0; i < n && norm > 0; i++) t[i].w = (float)(t[i].w / norm);
}

/* Cap every weight of the unit vector t[0..n) at cap and keep it unit:
 * w' = min(cap, w * s), with s the scale at which the uncapped features
 * fill the length the capped ones leave (water-filling).  The capped set
 * only grows as s grows, so the loop ends within n rounds (one or two in
 * practice).  A vector with too few features to be unit under the cap
 * (n * cap^2 <= 1) is made uniform. */
static void terms_cap(term *t, size_t n, double cap) {
    if (!n || cap >= 1) return;
    if ((double)n * cap * cap <= 1) {
        for (size_t i = 0; i < n; i++) t[i].w = (float)(1 / sqrt((double)n));
        return;
    }
    double s = 1;
    for (size_t round = 0; round < n; round++) {
        size_t k = 0;
        double rest = 0;
        for (size_t i = 0; i < n; i++)
            if (t[i].w * s > cap)
                k++;
            else
                rest += (double)t[i].w * t[i].w;
        double room = 1 - (double)k * cap * cap;
        double next = room > 0 && rest > 0 ? sqrt(room / rest) : 0;
        if (next <= s) break; /* nothing new capped: s is the fill scale */
        s = next;
    }
    for (size_t i = 0; i < n; i++)
        t[i].w = (float)(t[i].w * s > cap ? cap : t[i].w * s);
    terms_unit(t, n); /* float slack; or 1/cap^2 features alone fill it */
}

/* Finish the n weighted terms in c->vec: keep the story_terms heaviest,
 * the query_terms heaviest of them first, at unit length, no feature above
 * feature_cap (a feature new to the corpus gets the top idf, and an
 * article's one unheard-of number, "filed by desk 4711", could otherwise
 * carry most of its weight and keep its copies from their story).
 * Returns the count kept. */
static size_t vector_finish(px_clusterer *c, size_t nin) {
    size_t n = nin < c->o.story_terms ? nin : c->o.story_terms;
    terms_select(c->vec, nin, n);
    terms_select(c->vec, n, c->o.query_terms); /* the query comes first */
    terms_unit(c->vec, n);
    terms_cap(c->vec, n, c->o.feature_cap);
    return n;
}

/* Weigh the features into c->vec (unit length, at most story_terms, the
 * query_terms heaviest first); returns the count. */
static size_t article_vector(px_clusterer *c, const px_cluster_feats *f) {
    double n_art = (double)c->nart + 1;
    if (f->n > c->avec) {
        c->avec = f->n;
        c->vec = px_realloc(c->vec, c->avec * sizeof *c->vec);
    }
    for (size_t i = 0; i < f->n; i++) {
        uint32_t fi = px_vocab_intern(&c->voc, f->v[i].hash);
        c->voc.f[fi].kind = f->v[i].kind;
        uint32_t df = ++c->voc.f[fi].df;
        double idf = log((n_art + 1) / ((double)df + 1)) + 1;
        c->vec[i] = (term){fi, (float)(f->v[i].w * idf)};
    }
    return vector_finish(c, f->n);
}

/* ------------------------------------------------------------ candidates */

static int cmp_cand_score(const void *a, const void *b) {
    const cand *x = a, *y = b;
    if (x->score != y->score) return x->score > y->score ? -1 : 1;
    return x->story < y->story ? -1 : x->story > y->story;
}

/* Credit story s with weight w (accumulated in the story; the stories hit
 * are listed in c->hits). */
static void hit(px_clusterer *c, size_t *n, uint32_t s, float w) {
    if (c->st[s].acc == 0) {
        c->hits =
            px_array_grow(c->hits, &c->ahits, *n + 1, 1024, sizeof *c->hits);
        c->hits[(*n)++] = (term){s, 0};
    }
    c->st[s].acc += w;
}

/* Candidate stories of the article (its query terms first in c->vec) into
 * c->cands: the `candidates` stories with the most weight of query terms
 * in their posting lists, stories of copied-from articles first.  Returns
 * the count. */
static size_t gather(px_clusterer *c, size_t nvec, const size_t *copied,
                     size_t ncopied) {
    size_t n = 0, q = nvec < c->o.query_terms ? nvec : c->o.query_terms;
    for (size_t i = 0; i < q; i++) {
        const px_vfeat *vf = &c->voc.f[c->vec[i].f];
        for (uint32_t k = 0; k < vf->npost; k++) {
            uint32_t s = find_root(c, vf->post[k]);
            if (c->st[s].live) hit(c, &n, s, c->vec[i].w);
        }
    }
    for (size_t i = 0; i < ncopied; i++) {
        if (copied[i] >= c->nart) continue;
        uint32_t s = find_root(c, c->art[copied[i]]);
        if (c->st[s].live) hit(c, &n, s, 1e9f);
    }
    for (size_t i = 0; i < n; i++) {
        c->hits[i].w = c->st[c->hits[i].f].acc;
        c->st[c->hits[i].f].acc = 0;
    }
    size_t k = n < c->o.candidates ? n : c->o.candidates;
    terms_select(c->hits, n, k);
    for (size_t i = 0; i < k; i++) c->cands[i] = (cand){c->hits[i].f, 0};
    return k;
}

/* ---------------------------------------------------------------- scores */

static double decay(const px_clusterer *c, const story *s, int64_t ts) {
    if (ts == PX_TIME_NONE || s->t_min == PX_TIME_NONE ||
        c->o.half_life_days <= 0)
        return 1.0;
    int64_t dt = ts < s->t_min   ? s->t_min - ts
                 : ts > s->t_max ? ts - s->t_max
                                 : 0;
    return pow(0.5, (double)dt / (c->o.half_life_days * 86400.0));
}

static int copied_into(const px_clusterer *c, uint32_t s, const size_t *copied,
                       size_t ncopied) {
    for (size_t i = 0; i < ncopied; i++)
        if (copied[i] < c->nart && find_root(c, c->art[copied[i]]) == s)
            return 1;
    return 0;
}

/* Dot product of the article (scattered in c->dense) with a story; *shared
 * is set to the number of features they have in common. */
static double dense_dot(const px_clusterer *c, const story *s, size_t *shared) {
    double d = 0;
    size_t n = 0;
    for (uint32_t i = 0; i < s->nterms; i++) {
        float a = c->dense[s->terms[i].f];
        d += a * s->terms[i].w;
        n += a != 0;
    }
    *shared = n;
    return d;
}

/* Scatter (w = the vector's weights) or clear (w = 0) c->dense. */
static void dense_scatter(px_clusterer *c, size_t nvec, int set) {
    if (c->adense < c->voc.n) {
        size_t a = c->voc.n * 2;
        c->dense = px_realloc(c->dense, a * sizeof *c->dense);
        memset(c->dense + c->adense, 0, (a - c->adense) * sizeof *c->dense);
        c->adense = a;
    }
    for (size_t i = 0; i < nvec; i++)
        c->dense[c->vec[i].f] = set ? c->vec[i].w : 0;
}

/* A number, date or name (entity) held by at most conflict_rare of the
 * articles so far, or by one article only (rare in a corpus of any size). */
static int term_rare(const px_clusterer *c, const term *t) {
    unsigned k = c->voc.f[t->f].kind;
    return (k == PX_FEAT_NUMBER || k == PX_FEAT_DATE || k == PX_FEAT_ENTITY) &&
           c->voc.f[t->f].df <=
               fmax(1.0, c->o.conflict_rare * (double)(c->nart + 1));
}

/* 1 when the article (c->vec[0..nvec), sorted by f) and the story both
 * hold rare numbers, dates or names and the story holds none of the
 * article's: two events of one kind share their topic, common people and
 * places, and often differ only in a toll, a year, a ship, an opponent. */
static int rare_conflict(const px_clusterer *c, size_t nvec, const story *s) {
    size_t j = 0, ours = 0, theirs = 0;
    for (uint32_t k = 0; k < s->nterms; k++)
        theirs += term_rare(c, &s->terms[k]);
    if (!theirs) return 0;
    for (size_t i = 0; i < nvec; i++) {
        const term *t = &c->vec[i];
        if (!term_rare(c, t)) continue;
        ours++;
        while (j < s->nterms && s->terms[j].f < t->f) j++;
        if (j < s->nterms && s->terms[j].f == t->f) return 0;
    }
    return ours > 0;
}

/* Score the first ncand candidates in place and sort them best first. */
static void score(px_clusterer *c, size_t ncand, size_t nvec, int64_t ts,
                  const size_t *copied, size_t ncopied) {
    dense_scatter(c, nvec, 1);
    for (size_t i = 0; i < ncand; i++) {
        const story *s = &c->st[c->cands[i].story];
        size_t shared = 0;
        double cos = s->norm > 0 ? dense_dot(c, s, &shared) / s->norm : 0;
        /* an article (or story) of fewer features needs them all */
        size_t need = c->o.min_shared;
        if (need > nvec) need = nvec;
        if (need > s->nterms) need = s->nterms;
        if (shared < need) cos = 0;
        c->cands[i].score = cos * decay(c, s, ts);
        if (c->o.conflict_factor < 1 && rare_conflict(c, nvec, s))
            c->cands[i].score *= c->o.conflict_factor;
        if (copied_into(c, c->cands[i].story, copied, ncopied))
            c->cands[i].score += c->o.w_reuse;
    }
    dense_scatter(c, nvec, 0);
    if (ncand) qsort(c->cands, ncand, sizeof *c->cands, cmp_cand_score);
}

/* --------------------------------------------------------------- stories */

static void lru_touch(px_clusterer *c, uint32_t s, uint32_t seq) {
    c->st[s].last = seq;
    if (c->lru_head > 1024 && c->lru_head * 2 > c->lru_len) {
        memmove(c->lru, c->lru + c->lru_head,
                (c->lru_len - c->lru_head) * sizeof *c->lru);
        c->lru_len -= c->lru_head;
        c->lru_head = 0;
    }
    c->lru = px_array_grow(c->lru, &c->lru_alloc, c->lru_len + 1, 1024,
                           sizeof *c->lru);
    c->lru[c->lru_len++] = (lru_ent){s, seq};
}

static void story_retire(px_clusterer *c, story *s) {
    px_free(s->terms);
    s->terms = NULL;
    s->nterms = 0;
    s->live = 0;
    c->nlive--;
}

static void lru_enforce(px_clusterer *c) {
    while (c->nlive > c->o.max_live && c->lru_head < c->lru_len) {
        lru_ent e = c->lru[c->lru_head++];
        story *s = &c->st[e.story];
        if (s->live && s->last == e.seq) story_retire(c, s);
    }
}

/* Add terms b[0..nb) (sorted by f) to story si's centroid,
 * posting si under every feature new to it. */
static void centroid_add(px_clusterer *c, uint32_t si, const term *b,
                         size_t nb) {
    story *s = &c->st[si];
    term *m = px_malloc((s->nterms + nb) * sizeof *m);
    size_t i = 0, j = 0, k = 0;
    while (i < s->nterms || j < nb) {
        if (j == nb || (i < s->nterms && s->terms[i].f < b[j].f))
            m[k++] = s->terms[i++];
        else if (i == s->nterms || b[j].f < s->terms[i].f) {
            px_vocab_post(&c->voc, b[j].f, si);
            m[k++] = b[j++];
        } else {
            m[k] = s->terms[i++];
            m[k++].w += b[j++].w;
        }
    }
    px_free(s->terms);
    s->terms = m;
    s->nterms = (uint32_t)k;
    if (k > c->o.story_terms) {
        scratch_reserve(c, k);
        terms_truncate(s->terms, &s->nterms, c->o.story_terms, c->scratch);
    }
    s->norm = terms_norm(s->terms, s->nterms);
}

static void story_span(story *s, int64_t t_min, int64_t t_max) {
    if (t_min == PX_TIME_NONE) return;
    if (s->t_min == PX_TIME_NONE || t_min < s->t_min) s->t_min = t_min;
    if (s->t_max == PX_TIME_NONE || t_max > s->t_max) s->t_max = t_max;
}

static uint32_t story_new(px_clusterer *c, const char *id, size_t nvec,
                          int64_t ts) {
    c->st = px_array_grow(c->st, &c->ast, c->nst + 1, 1024, sizeof *c->st);
    uint32_t si = (uint32_t)c->nst++;
    story *s = &c->st[si];
    *s = (story){.idhash = px_hash64(id, strlen(id), 0),
                 .parent = si,
                 .first = (uint32_t)c->nart,
                 .size = 1,
                 .t_min = ts,
                 .t_max = ts};
    if (nvec) {
        s->live = 1;
        c->nlive++;
        centroid_add(c, si, c->vec, nvec);
    }
    return si;
}

static void story_format(const px_clusterer *c, uint32_t s,
                         char buf[PX_CLUSTER_ID_LEN]) {
    snprintf(buf, PX_CLUSTER_ID_LEN, "s%016llx",
             (unsigned long long)c->st[s].idhash);
}

/* Merge story `from` into `into`, recording it as made by article `by`
 * (settled: by the end-of-batch settling). */
static void story_merge(px_clusterer *c, uint32_t into, uint32_t from,
                        uint32_t by, int settled) {
    story *f = &c->st[from];
    centroid_add(c, into, f->terms, f->nterms);
    story *t = &c->st[into];
    t->size += f->size;
    story_span(t, f->t_min, f->t_max);
    f->parent = into;
    story_retire(c, f);
    c->merges = px_array_grow(c->merges, &c->amerge, c->nmerge + 1, 16,
                              sizeof *c->merges);
    px_cluster_merge *m = &c->merges[c->nmerge++];
    story_format(c, from, m->from);
    story_format(c, into, m->into);
    m->by = by;
    m->settled = settled;
}

static int term_specific(const px_clusterer *c, const term *t) {
    return c->voc.f[t->f].kind != PX_FEAT_WORD;
}

static double specific_norm(const px_clusterer *c, const story *s) {
    double n = 0;
    for (uint32_t k = 0; k < s->nterms; k++)
        if (term_specific(c, &s->terms[k]))
            n += (double)s->terms[k].w * s->terms[k].w;
    return sqrt(n);
}

/* Cosine of two centroids over their specific (non-word) features; 1 when
 * either has none (no evidence against the merge). */
static double specific_cos(const px_clusterer *c, const story *a,
                           const story *b) {
    double d = 0, na = specific_norm(c, a), nb = specific_norm(c, b);
    size_t i = 0, j = 0;
    while (i < a->nterms && j < b->nterms) {
        if (a->terms[i].f < b->terms[j].f)
            i++;
        else if (a->terms[i].f > b->terms[j].f)
            j++;
        else {
            if (term_specific(c, &a->terms[i]))
                d += (double)a->terms[i].w * b->terms[j].w;
            i++, j++;
        }
    }
    return na > 0 && nb > 0 ? d / (na * nb) : 1;
}

/* Merge into `s` every other candidate the article reached whose centroid
 * is now as close to s as a join requires and agrees with it on the
 * specific evidence.  Returns the survivor. */
static uint32_t merge_reached(px_clusterer *c, uint32_t s, size_t ncand,
                              uint32_t seq, size_t *merged) {
    for (size_t i = 1; i < ncand && c->cands[i].score >= c->o.threshold; i++) {
        uint32_t o = find_root(c, c->cands[i].story);
        if (o == s || !c->st[o].live) continue;
        const story *a = &c->st[s], *b = &c->st[o];
        double cos = a->norm > 0 && b->norm > 0
                         ? terms_dot(a->terms, a->nterms, b->terms, b->nterms) /
                               (a->norm * b->norm)
                         : 0;
        if (cos < c->o.threshold || specific_cos(c, a, b) < c->o.merge_specific)
            continue;
        uint32_t into = s < o ? s : o, from = s < o ? o : s;
        story_merge(c, into, from, seq, 0);
        s = into;
        (*merged)++;
    }
    return s;
}

/* ------------------------------------------------------------------- add */

px_result px_clusterer_add(px_clusterer *c, const char *id,
                           const px_cluster_feats *f, int64_t ts,
                           const size_t *copied_from, size_t ncopied,
                           px_cluster_result *res) {
    if (!c || !id || !f || (ncopied && !copied_from)) return PX_ERR_INVALID;
    if (c->nart >= PX_CLUSTER_MAX_ARTICLES) return PX_ERR_TOOBIG;
    uint32_t seq = (uint32_t)c->nart;
    size_t nvec = article_vector(c, f);
    size_t ncand = nvec || ncopied ? gather(c, nvec, copied_from, ncopied) : 0;
    if (nvec) qsort(c->vec, nvec, sizeof *c->vec, cmp_term_f);
    score(c, ncand, nvec, ts, copied_from, ncopied);
    px_cluster_result r = {.seq = seq};
    uint32_t s;
    if (ncand && c->cands[0].score >= c->o.threshold) {
        s = c->cands[0].story;
        r.score = c->cands[0].score;
        centroid_add(c, s, c->vec, nvec);
        c->st[s].size++;
        story_span(&c->st[s], ts, ts);
        s = merge_reached(c, s, ncand, seq, &r.merged);
    } else {
        s = story_new(c, id, nvec, ts);
        r.is_new = 1;
    }
    c->art = px_array_grow(c->art, &c->aart, c->nart + 1, 1024, sizeof *c->art);
    c->art[c->nart++] = s;
    if (c->st[s].live) {
        lru_touch(c, s, seq);
        lru_enforce(c);
    }
    if (res) *res = r;
    return PX_OK;
}

/* ---------------------------------------------------------------- settle */

/* The best other story for small story si (its centroid as the query), or
 * si itself when none reaches settle_threshold. */
static uint32_t settle_target(px_clusterer *c, uint32_t si) {
    const story *s = &c->st[si];
    if (s->nterms > c->avec) {
        c->avec = s->nterms;
        c->vec = px_realloc(c->vec, c->avec * sizeof *c->vec);
    }
    memcpy(c->vec, s->terms, s->nterms * sizeof *c->vec);
    size_t nvec = vector_finish(c, s->nterms);
    size_t ncand = gather(c, nvec, NULL, 0);
    qsort(c->vec, nvec, sizeof *c->vec, cmp_term_f);
    score(c, ncand, nvec, s->t_min, NULL, 0);
    for (size_t i = 0; i < ncand; i++) {
        uint32_t o = find_root(c, c->cands[i].story);
        if (c->cands[i].score < c->o.settle_threshold) break;
        if (o != si && c->st[o].live) return o;
    }
    return si;
}

size_t px_clusterer_settle(px_clusterer *c) {
    if (!c || !c->nart) return 0;
    size_t merged = 0, nst = c->nst;
    for (uint32_t si = 0; si < nst; si++) {
        const story *s = &c->st[si];
        if (!s->live || s->parent != si || s->size > c->o.settle_size) continue;
        uint32_t other = settle_target(c, si);
        if (other == si) continue;
        /* the bigger story keeps its id (then the older): settling a
         * story must not rename the story it joins */
        const story *o = &c->st[other];
        int keep_other =
            o->size > s->size || (o->size == s->size && other < si);
        uint32_t into = keep_other ? other : si, from = keep_other ? si : other;
        story_merge(c, into, from, c->st[from].first, 1);
        lru_touch(c, into, (uint32_t)(c->nart - 1));
        merged++;
    }
    return merged;
}

/* --------------------------------------------------------------- queries */

size_t px_clusterer_count(const px_clusterer *c) {
    return c ? c->nart : 0;
}

size_t px_clusterer_story_of(const px_clusterer *c, size_t seq) {
    return find_root(c, c->art[seq]);
}

px_result px_clusterer_story_id(const px_clusterer *c, size_t seq,
                                char buf[PX_CLUSTER_ID_LEN]) {
    if (!c || seq >= c->nart) return PX_ERR_NOTFOUND;
    story_format(c, find_root(c, c->art[seq]), buf);
    return PX_OK;
}

size_t px_clusterer_nstories(const px_clusterer *c) {
    return c ? c->nst - c->nmerge : 0;
}

const px_cluster_merge *px_clusterer_merges(const px_clusterer *c, size_t *n) {
    *n = c ? c->nmerge : 0;
    return c ? c->merges : NULL;
}
