/*
 * reuse.c - reused passages across a corpus (parallax/reuse.h).
 *
 * Three flat, sorted arrays do the work:
 *   anchors  (n-gram hash, doc << 32 | word), winnowed per document by
 *            threads, radix-sorted by hash;
 *   hits     (a << 32 | b, pos_a << 32 | pos_b) for every two documents
 *            sharing an anchor held by at most max_df occurrences,
 *            radix-sorted by pair;
 *   pairs    the runs of equal pair keys, handed to threads, each run
 *            sorted by position and chained into passages (passage.c).
 * Spans are filled from the corpus (original byte offsets) at the end.
 */
#include <stdlib.h> /* qsort */

#include "index/parallel.h"
#include "parallax/dedup.h"
#include "reuse/passage.h"
#include "reuse/winnow.h"

#define WINDOW_MAX 8
#define GAP_MAX 200

void px_reuse_opts_init(px_reuse_opts *o) {
    *o = (px_reuse_opts){4, 0, 15, 0.5, 40, 100, 0, 0};
}

/* Winnowing window that guarantees runs of min_words words are seen. */
static unsigned window_for(const px_reuse_opts *o) {
    if (o->window) return o->window;
    if (o->min_words < o->ngram + 1) return 1;
    unsigned w = o->min_words - o->ngram + 1;
    return w > WINDOW_MAX ? WINDOW_MAX : w;
}

/* ---------------------------------------------------------------- vectors */

typedef struct kv_vec {
    px_kv *v;
    size_t n, alloc;
} kv_vec;

static void kv_push(kv_vec *kv, uint64_t key, uint64_t val) {
    if (kv->n == kv->alloc) {
        kv->alloc = kv->alloc ? kv->alloc * 2 : 1024;
        kv->v = px_realloc(kv->v, kv->alloc * sizeof *kv->v);
    }
    kv->v[kv->n++] = (px_kv){key, val};
}

/* Concatenate per-thread vectors into one array (the vectors are freed). */
static px_kv *kv_concat(kv_vec *vs, unsigned nv, size_t *n) {
    size_t total = 0;
    for (unsigned t = 0; t < nv; t++) total += vs[t].n;
    px_kv *all = px_malloc((total ? total : 1) * sizeof *all);
    size_t k = 0;
    for (unsigned t = 0; t < nv; t++) {
        for (size_t i = 0; i < vs[t].n; i++) all[k++] = vs[t].v[i];
        px_free(vs[t].v);
    }
    *n = total;
    return all;
}

static void kv_sort(px_kv *a, size_t n) {
    px_kv *tmp = px_malloc((n ? n : 1) * sizeof *tmp);
    px_radix_sort(a, tmp, n);
    px_free(tmp);
}

/* ---------------------------------------------------------------- anchors */

typedef struct anchor_job {
    const px_corpus *c;
    unsigned ngram, window;
    kv_vec *per_thread;
} anchor_job;

static void anchor_range(void *ud, size_t from, size_t to, unsigned tid) {
    anchor_job *j = ud;
    kv_vec *out = &j->per_thread[tid];
    uint64_t *h = NULL;
    uint32_t *pos = NULL;
    size_t alloc = 0;
    for (size_t d = from; d < to; d++) {
        size_t nw;
        const uint32_t *w = px_corpus_words(j->c, (uint32_t)d, &nw);
        size_t ng = px_shingle_count(nw, j->ngram);
        if (ng > alloc) {
            alloc = ng * 2;
            h = px_realloc(h, alloc * sizeof *h);
            pos = px_realloc(pos, alloc * sizeof *pos);
        }
        size_t k = px_winnow(w, nw, j->ngram, j->window, h, pos);
        for (size_t i = 0; i < k; i++) kv_push(out, h[i], d << 32 | pos[i]);
    }
    px_free(h);
    px_free(pos);
}

/* ------------------------------------------------------------------- hits */

/* Hits of every two documents sharing one anchor group g[0..n). */
static void group_hits(const px_kv *g, size_t n, uint32_t first_new,
                       kv_vec *hits) {
    for (size_t x = 0; x < n; x++) {
        for (size_t y = x + 1; y < n; y++) {
            uint64_t dx = g[x].val >> 32, dy = g[y].val >> 32;
            if (dx == dy || (dx < first_new && dy < first_new)) continue;
            const px_kv *lo = dx < dy ? &g[x] : &g[y];
            const px_kv *hi = dx < dy ? &g[y] : &g[x];
            kv_push(hits, (lo->val & 0xFFFFFFFF00000000ULL) | (hi->val >> 32),
                    lo->val << 32 | (hi->val & 0xFFFFFFFFu));
        }
    }
}

static px_kv *collect_hits(px_kv *anchors, size_t na, const px_reuse_opts *o,
                           size_t *nh) {
    kv_vec hits = {0};
    for (size_t i = 0; i < na;) {
        size_t j = i + 1;
        while (j < na && anchors[j].key == anchors[i].key) j++;
        if (j - i >= 2 && j - i <= o->max_df)
            group_hits(anchors + i, j - i, o->first_new, &hits);
        i = j;
    }
    kv_sort(hits.v, hits.n);
    *nh = hits.n;
    return hits.v;
}

/* -------------------------------------------------------------- passages */

typedef struct pair_job {
    const px_corpus *c;
    px_kv *hits;
    const size_t *group; /* start of each pair's run; ngroups + 1 entries */
    unsigned ngram;
    const px_reuse_opts *o;
    px_passage_vec *per_thread;
} pair_job;

/* Sort one pair's hits by position (val). */
static void sort_by_val(px_kv *h, size_t n) {
    if (n <= 64) {
        px_kv_sort_small(h, n);
        return;
    }
    uint64_t key = h[0].key;
    for (size_t i = 0; i < n; i++) h[i] = (px_kv){h[i].val, 0};
    px_kv *tmp = px_malloc(n * sizeof *tmp);
    px_radix_sort(h, tmp, n);
    px_free(tmp);
    for (size_t i = 0; i < n; i++) h[i] = (px_kv){key, h[i].key};
}

static void pair_range(void *ud, size_t from, size_t to, unsigned tid) {
    pair_job *j = ud;
    px_passage_vec *out = &j->per_thread[tid];
    for (size_t g = from; g < to; g++) {
        px_kv *h = j->hits + j->group[g];
        size_t n = j->group[g + 1] - j->group[g];
        uint32_t a = (uint32_t)(h[0].key >> 32), b = (uint32_t)h[0].key;
        px_side sa, sb;
        sa.w = px_corpus_words(j->c, a, &sa.n);
        sb.w = px_corpus_words(j->c, b, &sb.n);
        sort_by_val(h, n);
        size_t first = out->n;
        px_passages_find(sa, sb, h, n, j->ngram, j->o, out);
        for (size_t i = first; i < out->n; i++) {
            px_passage *p = &out->v[i];
            p->a = a;
            p->b = b;
            p->a_span = px_corpus_span(j->c, a, p->a_from, p->a_to);
            p->b_span = px_corpus_span(j->c, b, p->b_from, p->b_to);
        }
    }
}

static int by_position(const void *x, const void *y) {
    const px_passage *p = x, *q = y;
    if (p->a != q->a) return p->a < q->a ? -1 : 1;
    if (p->b != q->b) return p->b < q->b ? -1 : 1;
    return p->a_from < q->a_from ? -1 : p->a_from > q->a_from;
}

static px_passage *passages(const px_corpus *c, px_kv *hits, size_t nh,
                            const px_reuse_opts *o, unsigned threads,
                            size_t *n) {
    size_t ng = 0;
    size_t *group = px_malloc((nh + 1) * sizeof *group);
    for (size_t i = 0; i < nh; i++)
        if (!i || hits[i].key != hits[i - 1].key) group[ng++] = i;
    group[ng] = nh;
    px_passage_vec *pt = px_calloc(threads, sizeof *pt);
    pair_job j = {c, hits, group, o->ngram, o, pt};
    px_parallel_for(threads, ng, 64, pair_range, &j);
    px_passage_vec all = {0};
    for (unsigned t = 0; t < threads; t++) {
        for (size_t i = 0; i < pt[t].n; i++)
            px_passage_vec_push(&all, &pt[t].v[i]);
        px_free(pt[t].v);
    }
    px_free(pt);
    px_free(group);
    if (all.n) qsort(all.v, all.n, sizeof *all.v, by_position);
    *n = all.n;
    return all.v;
}

/* -------------------------------------------------------------------- run */

static px_result check_opts(const px_reuse_opts *o) {
    if (o->ngram == 0 || o->ngram > PX_SHINGLE_MAX) return PX_ERR_INVALID;
    if (o->window > 64 || o->max_gap > GAP_MAX) return PX_ERR_INVALID;
    if (!(o->min_sim >= 0 && o->min_sim <= 1)) return PX_ERR_INVALID;
    return PX_OK;
}

px_result px_reuse_run(const px_corpus *c, const px_reuse_opts *o,
                       px_passage **out, size_t *n) {
    px_result rc = check_opts(o);
    if (rc) return rc;
    unsigned threads = px_threads(o->threads);
    kv_vec *pt = px_calloc(threads, sizeof *pt);
    anchor_job aj = {c, o->ngram, window_for(o), pt};
    px_parallel_for(threads, px_corpus_size(c), 64, anchor_range, &aj);
    size_t na, nh;
    px_kv *anchors = kv_concat(pt, threads, &na);
    px_free(pt);
    kv_sort(anchors, na);
    px_kv *hits = collect_hits(anchors, na, o, &nh);
    px_free(anchors);
    *out = passages(c, hits, nh, o, threads, n);
    px_free(hits);
    return PX_OK;
}

px_result px_reuse_pair(const px_doc *a, const px_doc *b,
                        const px_reuse_opts *opts, px_passage **out,
                        size_t *n) {
    px_reuse_opts o;
    if (opts) o = *opts;
    else px_reuse_opts_init(&o);
    o.window = 1;
    o.max_df = UINT32_MAX;
    o.first_new = 0;
    o.threads = 1;
    px_corpus *c = px_corpus_new();
    px_corpus_add(c, "a", a, NULL);
    px_corpus_add(c, "b", b, NULL);
    px_result rc = px_reuse_run(c, &o, out, n);
    px_corpus_free(c);
    return rc;
}

double px_reuse_cover(const px_corpus *c, const px_passage *p, size_t n,
                      uint32_t a, uint32_t b, uint32_t doc) {
    size_t nw;
    px_corpus_words(c, doc, &nw);
    if (!nw) return 0;
    uint8_t *mark = px_calloc(nw, 1);
    size_t covered = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i].a != a || p[i].b != b) continue;
        uint32_t from = doc == a ? p[i].a_from : p[i].b_from;
        uint32_t to = doc == a ? p[i].a_to : p[i].b_to;
        for (uint32_t k = from; k < to && k < nw; k++)
            covered += !mark[k], mark[k] = 1;
    }
    px_free(mark);
    return (double)covered / nw;
}
