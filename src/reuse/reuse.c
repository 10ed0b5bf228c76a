/*
 * reuse.c - reused passages across a corpus (parallax/reuse.h).
 *
 * Three flat, sorted arrays do the work:
 *   anchors  (n-gram hash, doc << 32 | word), winnowed per document by
 *            threads into 64 buckets by the top bits of the hash, each
 *            bucket radix-sorted and turned into hits by a thread (one
 *            bucket's sort scratch per thread at a time); documents of a
 *            loaded index whose anchors were stored with the same
 *            parameters are not winnowed again: their sorted anchors are
 *            searched instead; the anchors written to an index have each
 *            run of equal keys ordered by (document, word), whatever thread
 *            winnowed them;
 *   hits     (a << 32 | b, pos_a << 32 | pos_b) for every two documents
 *            sharing an anchor held by at most max_df occurrences,
 *            radix-sorted by pair;
 *   pairs    the runs of equal pair keys, handed to threads, each run
 *            sorted by position and chained into passages (passage.c);
 *   frequent on request (px_reuse_run_frequent), the anchors dropped for
 *            max_df, one record per (anchor, document), capped per
 *            document to its smallest hashes as the buckets finish (in
 *            hash order): linear where the hits of such an anchor would
 *            be quadratic.
 * Spans are filled from the corpus (original byte offsets) at the end.
 */
#include <pthread.h> /* the frequent anchors' drain */
#include <stdlib.h>  /* qsort */
#include <string.h>  /* memcpy */

#include "core/array.h"
#include "index/parallel.h"
#include "parallax/dedup.h"
#include "reuse/passage.h"
#include "reuse/reuse_int.h"
#include "reuse/winnow.h"

#define WINDOW_MAX     8
#define GAP_MAX        200
#define PAIR_MAX_DF    1000 /* px_reuse_pair: occurrences of one anchor */
#define PREFETCH_AHEAD 4    /* pair groups whose words are fetched ahead */
#define PREFETCH_HITS  2    /* hits of a group fetched ahead */

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
    kv->v = px_array_grow(kv->v, &kv->alloc, kv->n + 1, 1024, sizeof *kv->v);
    kv->v[kv->n++] = (px_kv){key, val};
}

/* Concatenate vectors vs[0], vs[stride], ... (nv of them) into one array;
 * each vector is freed as soon as it is copied. */
static px_kv *kv_concat(kv_vec *vs, unsigned nv, unsigned stride, size_t *n) {
    size_t total = 0;
    for (unsigned t = 0; t < nv; t++) total += vs[t * stride].n;
    px_kv *all = px_malloc((total ? total : 1) * sizeof *all);
    size_t k = 0;
    for (unsigned t = 0; t < nv; t++) {
        kv_vec *v = &vs[t * stride];
        if (v->n) memcpy(all + k, v->v, v->n * sizeof *v->v);
        k += v->n;
        px_free(v->v);
        *v = (kv_vec){NULL, 0, 0};
    }
    *n = total;
    return all;
}

static void kv_sort(px_kv *a, size_t n) {
    px_kv *tmp = px_malloc((n ? n : 1) * sizeof *tmp);
    px_radix_sort(a, tmp, n);
    px_free(tmp);
}

/* Sort a[0..n), records of one key, by value (a pair's hits by position,
 * an anchor's occurrences by document and word). */
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

/* ---------------------------------------------------------------- anchors */

/* Anchors are kept in BUCKETS vectors per thread by the top bits of their
 * hash: a key's occurrences all fall in one bucket, so buckets can be
 * sorted and turned into hits one at a time (one per thread), and only
 * that bucket's radix scratch is allocated: 64 buckets keep it small. */
#define BUCKET_BITS 6
#define BUCKETS     (1u << BUCKET_BITS)

typedef struct anchor_set {
    kv_vec *v; /* v[tid * BUCKETS + bucket] */
    unsigned threads;
} anchor_set;

typedef struct anchor_job {
    const px_corpus *c;
    unsigned ngram, window;
    size_t from; /* first document of the range */
    anchor_set *set;
} anchor_job;

static void anchor_range(void *ud, size_t from, size_t to, unsigned tid) {
    anchor_job *j = ud;
    kv_vec *out = &j->set->v[tid * BUCKETS];
    uint64_t *h = NULL;
    uint32_t *pos = NULL;
    size_t alloc = 0;
    for (size_t i = from; i < to; i++) {
        size_t d = j->from + i, nw;
        const uint32_t *w = px_corpus_words(j->c, (uint32_t)d, &nw);
        size_t ng = px_shingle_count(nw, j->ngram);
        if (!ng) continue; /* no n-gram, no anchor (h may still be NULL) */
        if (ng > alloc) {
            alloc = ng * 2;
            h = px_realloc(h, alloc * sizeof *h);
            pos = px_realloc(pos, alloc * sizeof *pos);
        }
        size_t k = px_winnow(w, nw, j->ngram, j->window, h, pos);
        for (size_t m = 0; m < k; m++)
            kv_push(&out[h[m] >> (64 - BUCKET_BITS)], h[m], d << 32 | pos[m]);
    }
    px_free(h);
    px_free(pos);
}

/* Winnow the documents of ranges r[0..nr) into a fresh anchor set. */
static void anchors_fill(const px_corpus *c, const px_reuse_opts *o,
                         const px_range *r, size_t nr, anchor_set *set) {
    set->threads = px_threads(o->threads);
    set->v = px_calloc((size_t)set->threads * BUCKETS, sizeof *set->v);
    for (size_t i = 0; i < nr; i++) {
        anchor_job aj = {c, o->ngram, window_for(o), r[i].from, set};
        px_parallel_for(set->threads, r[i].to - r[i].from, 64, anchor_range,
                        &aj);
    }
}

/* Bucket b of a set as one sorted array (caller frees; taken from set). */
static px_kv *anchors_bucket(anchor_set *set, unsigned b, size_t *n) {
    px_kv *all = kv_concat(set->v + b, set->threads, BUCKETS, n);
    kv_sort(all, *n);
    return all;
}

/* Order each run of equal keys of a[0..n) (sorted by key) by value.  The
 * stable key sort keeps the order of the threads' vectors, which depends
 * on which thread winnowed which documents; by (document, word) the
 * anchors are the same from run to run and for any number of threads.
 * Runs of one, most of them, cost one comparison; a run of r sorts in
 * O(r) (radix) or at most 64 r (insertion, r <= 64). */
static void order_ties(px_kv *a, size_t n) {
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && a[j].key == a[i].key) j++;
        if (j - i > 1) sort_by_val(a + i, j - i);
        i = j;
    }
}

px_kv *px_reuse_anchors(const px_corpus *c, const px_reuse_opts *o,
                        const px_range *r, size_t nr, size_t *n) {
    anchor_set set;
    anchors_fill(c, o, r, nr, &set);
    size_t total = 0;
    for (size_t i = 0; i < (size_t)set.threads * BUCKETS; i++)
        total += set.v[i].n;
    px_kv *all = px_malloc((total ? total : 1) * sizeof *all);
    *n = 0;
    for (unsigned b = 0; b < BUCKETS; b++) { /* buckets ascend with the key */
        size_t k;
        px_kv *part = anchors_bucket(&set, b, &k);
        order_ties(part, k);
        memcpy(all + *n, part, k * sizeof *part);
        *n += k;
        px_free(part);
    }
    px_free(set.v);
    return all;
}

uint64_t px_reuse_params(const px_reuse_opts *o) {
    uint64_t p[2] = {o->ngram, window_for(o)};
    return px_hash64(p, sizeof p, 0x616e6368); /* "anch" */
}

/* ------------------------------------------------------------------- hits */

/* Push the hit of two anchor occurrences x, y of different documents. */
static void hit_push(kv_vec *hits, uint64_t x, uint64_t y) {
    uint64_t dx = x >> 32, dy = y >> 32;
    if (dx == dy) return;
    uint64_t lo = dx < dy ? x : y, hi = dx < dy ? y : x;
    kv_push(hits, (lo & 0xFFFFFFFF00000000ULL) | (hi >> 32),
            lo << 32 | (hi & 0xFFFFFFFFu));
}

/* Hits of every two documents sharing one anchor group g[0..n). */
static void group_hits(const px_kv *g, size_t n, uint32_t first_new,
                       kv_vec *hits) {
    for (size_t x = 0; x < n; x++)
        for (size_t y = x + 1; y < n; y++)
            if ((g[x].val >> 32) >= first_new || (g[y].val >> 32) >= first_new)
                hit_push(hits, g[x].val, g[y].val);
}

/* The stored anchors of one key in the usable segments (one slot per
 * segment of the corpus). */
typedef struct stored {
    const px_kv **v;
    size_t *n;
    size_t nseg, total;
} stored;

static void stored_find(const px_corpus *c, uint64_t params, uint64_t key,
                        stored *st) {
    st->nseg = st->total = 0;
    for (size_t s = 0; s < px_corpus_nsegs(c); s++) {
        const px_seg_keys *sk = px_corpus_keys(c, s, PX_KEYS_ANCHORS, params);
        if (!sk) continue;
        size_t at = px_kv_lower(sk->v, sk->n, key), e = at;
        while (e < sk->n && sk->v[e].key == key) e++;
        if (e == at) continue;
        st->v[st->nseg] = sk->v + at;
        st->n[st->nseg++] = e - at;
        st->total += e - at;
    }
}

/* Hits of the new documents of g[0..n) with stored occurrences, which
 * are checked against the corpus (a damaged index must not point
 * outside a document). */
static void stored_hits(const px_corpus *c, const px_kv *g, size_t n,
                        const stored *st, uint32_t first_new, kv_vec *hits) {
    for (size_t s = 0; s < st->nseg; s++) {
        for (size_t k = 0; k < st->n[s]; k++) {
            uint64_t v = st->v[s][k].val, d = v >> 32;
            size_t nw = 0;
            if (d < px_corpus_nbase(c)) px_corpus_words(c, (uint32_t)d, &nw);
            if ((v & 0xFFFFFFFFu) >= nw) continue;
            for (size_t x = 0; x < n; x++)
                if ((g[x].val >> 32) >= first_new) hit_push(hits, g[x].val, v);
        }
    }
}

/* 1 if a group of anchors holds a new document. */
static int group_new(const px_kv *g, size_t n, uint32_t first_new) {
    for (size_t x = 0; x < n; x++)
        if ((g[x].val >> 32) >= first_new) return 1;
    return 0;
}

/* Documents holding one anchor: the distinct documents of the group
 * g[0..n) (sorted by document) and of its stored occurrences. */
static uint32_t group_docs(const px_kv *g, size_t n, const stored *st) {
    uint64_t docs = 0;
    for (size_t x = 0; x < n; x++)
        docs += !x || g[x].val >> 32 != g[x - 1].val >> 32;
    for (size_t s = 0; s < st->nseg; s++)
        for (size_t k = 0; k < st->n[s]; k++)
            docs += !k || st->v[s][k].val >> 32 != st->v[s][k - 1].val >> 32;
    return docs > UINT32_MAX ? UINT32_MAX : (uint32_t)docs;
}

/* Record a frequent anchor (held by more than max_df occurrences) once
 * per document of its group g[0..n) when more than max_df documents hold
 * it (not one text repeating it): key = hash, val = doc << 32 | docs.
 * The group comes in the order of the threads' vectors, not by document:
 * it is ordered first (such groups are rare, and the caller's hits do not
 * depend on it), so each document counts and is recorded once, in order. */
static void frequent_push(px_kv *g, size_t n, const stored *st, unsigned max_df,
                          kv_vec *freq) {
    sort_by_val(g, n);
    uint32_t docs = group_docs(g, n, st);
    if (docs <= max_df) return;
    for (size_t x = 0; x < n; x++)
        if (!x || g[x].val >> 32 != g[x - 1].val >> 32)
            kv_push(freq, g[x].key, (g[x].val & 0xFFFFFFFF00000000ULL) | docs);
}

/* Append the hits of one sorted run of anchors to hits, and when freq is
 * not NULL the frequent anchors to freq. */
static void collect_hits(const px_corpus *c, px_kv *anchors, size_t na,
                         const px_reuse_opts *o, kv_vec *hits, kv_vec *freq) {
    uint64_t params = px_reuse_params(o);
    size_t nseg = px_corpus_nsegs(c);
    stored st = {px_calloc(nseg + 1, sizeof *st.v),
                 px_calloc(nseg + 1, sizeof *st.n), 0, 0};
    for (size_t i = 0; i < na;) {
        size_t j = i + 1;
        while (j < na && anchors[j].key == anchors[i].key) j++;
        if (nseg && group_new(anchors + i, j - i, o->first_new))
            stored_find(c, params, anchors[i].key, &st);
        size_t df = j - i + st.total;
        if (df >= 2 && df <= o->max_df) {
            group_hits(anchors + i, j - i, o->first_new, hits);
            stored_hits(c, anchors + i, j - i, &st, o->first_new, hits);
        } else if (freq && df > o->max_df) {
            frequent_push(anchors + i, j - i, &st, o->max_df, freq);
        }
        st.nseg = st.total = 0;
        i = j;
    }
    px_free(st.v);
    px_free(st.n);
}

/* The frequent anchors, gathered as the buckets are done: a finished
 * bucket's records wait until every lower bucket is drained, then go to
 * the output, at most PX_REUSE_FREQUENT_PER_DOC per document.  Buckets
 * ascend with the hash, so each document keeps its smallest hashes (a
 * bottom-k sketch: near-copies keep the same anchors), the output comes
 * sorted by (hash, document), and only the few buckets in flight are
 * held uncapped. */
typedef struct freq_sink {
    pthread_mutex_t mu;
    kv_vec bucket[BUCKETS]; /* finished, not yet drained */
    uint8_t done[BUCKETS];
    unsigned next; /* first bucket not drained */
    uint8_t *kept; /* per document */
    size_t ndocs;
    px_reuse_frequent *v;
    size_t n, alloc;
} freq_sink;

static void freq_append(freq_sink *fs, const kv_vec *kv) {
    for (size_t i = 0; i < kv->n; i++) {
        uint32_t d = (uint32_t)(kv->v[i].val >> 32);
        if (d >= fs->ndocs || fs->kept[d] >= PX_REUSE_FREQUENT_PER_DOC)
            continue;
        fs->kept[d]++;
        fs->v =
            px_array_grow(fs->v, &fs->alloc, fs->n + 1, 1024, sizeof *fs->v);
        fs->v[fs->n++] =
            (px_reuse_frequent){kv->v[i].key, d, (uint32_t)kv->v[i].val};
    }
}

/* Bucket b is finished with records kv (taken): drain what is ready. */
static void freq_done(freq_sink *fs, unsigned b, kv_vec *kv) {
    pthread_mutex_lock(&fs->mu);
    fs->bucket[b] = *kv;
    *kv = (kv_vec){NULL, 0, 0};
    fs->done[b] = 1;
    for (; fs->next < BUCKETS && fs->done[fs->next]; fs->next++) {
        kv_vec *d = &fs->bucket[fs->next];
        freq_append(fs, d);
        px_free(d->v);
        *d = (kv_vec){NULL, 0, 0};
    }
    pthread_mutex_unlock(&fs->mu);
}

typedef struct hits_job {
    const px_corpus *c;
    const px_reuse_opts *o;
    anchor_set *set;
    kv_vec *hits;    /* one vector per bucket */
    freq_sink *freq; /* NULL: not wanted */
} hits_job;

static void hits_range(void *ud, size_t from, size_t to, unsigned tid) {
    hits_job *j = ud;
    (void)tid;
    for (size_t b = from; b < to; b++) {
        size_t na;
        px_kv *anchors = anchors_bucket(j->set, (unsigned)b, &na);
        kv_vec freq = {0};
        collect_hits(j->c, anchors, na, j->o, &j->hits[b],
                     j->freq ? &freq : NULL);
        px_free(anchors);
        if (j->freq) freq_done(j->freq, (unsigned)b, &freq);
    }
}

/* Every hit of the documents in ranges r[0..nr), sorted by pair.  The
 * buckets are turned into hits by threads, each into its own vector,
 * joined in bucket order.  When freq is not NULL, also the frequent
 * anchors (px_reuse_run_frequent; see freq_sink). */
static px_kv *all_hits(const px_corpus *c, const px_reuse_opts *o,
                       const px_range *r, size_t nr, size_t *nh,
                       px_reuse_frequent **freq, size_t *nfreq) {
    anchor_set set;
    anchors_fill(c, o, r, nr, &set);
    kv_vec per_bucket[BUCKETS] = {{0}};
    freq_sink *fs = NULL;
    if (freq) {
        fs = px_calloc(1, sizeof *fs);
        pthread_mutex_init(&fs->mu, NULL);
        fs->ndocs = px_corpus_size(c);
        fs->kept = px_calloc(fs->ndocs ? fs->ndocs : 1, 1);
    }
    hits_job j = {c, o, &set, per_bucket, fs};
    px_parallel_for(set.threads, BUCKETS, 1, hits_range, &j);
    px_free(set.v);
    if (fs) {
        *freq = fs->v ? fs->v : px_malloc(sizeof **freq);
        *nfreq = fs->n;
        pthread_mutex_destroy(&fs->mu);
        px_free(fs->kept);
        px_free(fs);
    }
    px_kv *hits = kv_concat(per_bucket, BUCKETS, 1, nh);
    kv_sort(hits, *nh);
    return hits;
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

/* Ask for the words around the first hits of group g: the chaining and
 * extension of a pair read them at scattered places of a corpus far
 * larger than the caches, and without this wait for each in turn. */
static void prefetch_group(const pair_job *j, size_t g) {
    const px_kv *h = j->hits + j->group[g];
    size_t n = j->group[g + 1] - j->group[g], na, nb;
    const uint32_t *wa = px_corpus_words(j->c, (uint32_t)(h[0].key >> 32), &na);
    const uint32_t *wb = px_corpus_words(j->c, (uint32_t)h[0].key, &nb);
    for (size_t i = 0; i < n && i < PREFETCH_HITS; i++) {
        uint32_t pa = (uint32_t)(h[i].val >> 32), pb = (uint32_t)h[i].val;
        if (pa < na) __builtin_prefetch(wa + pa);
        if (pb < nb) __builtin_prefetch(wb + pb);
    }
}

static void pair_range(void *ud, size_t from, size_t to, unsigned tid) {
    pair_job *j = ud;
    px_passage_vec *out = &j->per_thread[tid];
    for (size_t g = from; g < to; g++) {
        if (g + PREFETCH_AHEAD < to) prefetch_group(j, g + PREFETCH_AHEAD);
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

px_result px_reuse_run_frequent(const px_corpus *c, const px_reuse_opts *o,
                                px_passage **out, size_t *n,
                                px_reuse_frequent **freq, size_t *nfreq) {
    px_result rc = check_opts(o);
    if (rc) return rc;
    px_range *r;
    size_t nr = px_corpus_unkeyed(c, PX_KEYS_ANCHORS, px_reuse_params(o), &r);
    size_t nh;
    px_kv *hits = all_hits(c, o, r, nr, &nh, freq, nfreq);
    px_free(r);
    *out = passages(c, hits, nh, o, px_threads(o->threads), n);
    px_free(hits);
    return PX_OK;
}

px_result px_reuse_run(const px_corpus *c, const px_reuse_opts *o,
                       px_passage **out, size_t *n) {
    return px_reuse_run_frequent(c, o, out, n, NULL, NULL);
}

px_result px_reuse_pair(const px_doc *a, const px_doc *b,
                        const px_reuse_opts *opts, px_passage **out,
                        size_t *n) {
    px_reuse_opts o;
    if (opts)
        o = *opts;
    else
        px_reuse_opts_init(&o);
    o.window = 1;
    o.max_df = PAIR_MAX_DF; /* a degenerate, self-repeating text stays linear */
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
