/*
 * dedup.c - near-duplicate pairs of a corpus (parallax/dedup.h).
 *
 * Flat and sort-based throughout: each document's signature is computed by
 * a worker thread and turned at once into its band keys, (key, doc)
 * records in one array, radix-sorted so that documents agreeing on a band
 * sit next to each other; documents of a loaded index whose keys were
 * stored with the same parameters are not signed again, their sorted keys
 * are searched instead.  Candidate pairs are (a << 32 | b) records,
 * radix-sorted and deduplicated; each is verified exactly (shingle sets
 * recomputed from the corpus words, sorted, intersected), threaded.
 */

#include "core/array.h"
#include "fingerprint/mix.h"
#include "index/parallel.h"
#include "index/dedup_int.h"

#define DEFAULT_SEED 0x70617261u /* "para" */
#define FOLD         0x9E3779B97F4A7C15ULL

void px_dedup_opts_init(px_dedup_opts *o) {
    *o = (px_dedup_opts){0.8, 128, 5, 0, 0, 0, DEFAULT_SEED, 0, 1000};
}

/* -------------------------------------------------------------- band keys */

typedef struct key_job {
    const px_corpus *c;
    const px_dedup_opts *o;
    unsigned bands, rows;
    size_t from; /* first document of the range */
    px_kv *keys; /* bands records per document of the range */
} key_job;

void px_lsh_band_keys(const uint32_t *sig, unsigned bands, unsigned rows,
                      uint64_t *keys) {
    for (unsigned b = 0; b < bands; b++) {
        uint64_t h = (uint64_t)(b + 1) * FOLD;
        for (unsigned r = 0; r < rows; r++) h = (h + sig[b * rows + r]) * FOLD;
        keys[b] = px_mix64(h);
    }
}

/* Band keys of one document from its signature; val UINT64_MAX if empty. */
static void doc_keys(const uint32_t *sig, int empty, uint64_t doc,
                     unsigned bands, unsigned rows, px_kv *out) {
    uint64_t keys[PX_MINHASH_K_MAX];
    px_lsh_band_keys(sig, bands, rows, keys);
    for (unsigned b = 0; b < bands; b++)
        out[b] = (px_kv){keys[b], empty ? UINT64_MAX : doc};
}

static void key_range(void *ud, size_t from, size_t to, unsigned tid) {
    key_job *j = ud;
    (void)tid;
    uint64_t *sh = NULL;
    size_t ash = 0;
    uint32_t *sig = px_malloc(j->o->k * sizeof *sig);
    for (size_t i = from; i < to; i++) {
        size_t d = j->from + i, nw;
        const uint32_t *w = px_corpus_words(j->c, (uint32_t)d, &nw);
        size_t ns = px_shingle_count(nw, j->o->shingle);
        if (ns > ash) {
            ash = ns * 2;
            sh = px_realloc(sh, ash * sizeof *sh);
        }
        px_shingle_hashes(w, nw, j->o->shingle, sh);
        int empty = px_minhash_sign(sh, ns, j->o->k, j->o->seed, sig) != PX_OK;
        doc_keys(sig, empty, d, j->bands, j->rows, j->keys + i * j->bands);
    }
    px_free(sig);
    px_free(sh);
}

px_kv *px_dedup_keys(const px_corpus *c, const px_dedup_opts *o, unsigned bands,
                     unsigned rows, const px_range *r, size_t nr, size_t *n) {
    size_t total = 0, at = 0;
    for (size_t i = 0; i < nr; i++) total += (r[i].to - r[i].from) * bands;
    px_kv *keys = px_malloc((total ? total : 1) * sizeof *keys);
    unsigned threads = px_threads(o->threads);
    for (size_t i = 0; i < nr; i++) {
        key_job j = {c, o, bands, rows, r[i].from, keys + at};
        px_parallel_for(threads, r[i].to - r[i].from, 64, key_range, &j);
        at += (r[i].to - r[i].from) * bands;
    }
    size_t m = 0;
    for (size_t i = 0; i < total; i++)
        if (keys[i].val != UINT64_MAX) keys[m++] = keys[i];
    px_kv *tmp = px_malloc((m ? m : 1) * sizeof *tmp);
    px_radix_sort(keys, tmp, m);
    px_free(tmp);
    *n = m;
    return keys;
}

uint64_t px_dedup_params(const px_dedup_opts *o, unsigned bands,
                         unsigned rows) {
    uint64_t p[5] = {o->k, o->shingle, o->seed, bands, rows};
    return px_hash64(p, sizeof p, 0x62616e64); /* "band" */
}

/* ------------------------------------------------------------- candidates */

typedef struct pair_vec {
    px_kv *v;
    size_t n, alloc;
    uint32_t first_new;
} pair_vec;

/* Append pair (x, y) if it involves a new document. */
static void pair_push(pair_vec *pv, uint64_t x, uint64_t y) {
    uint64_t lo = x < y ? x : y, hi = x < y ? y : x;
    if (hi < pv->first_new || lo == hi) return;
    pv->v = px_array_grow(pv->v, &pv->alloc, pv->n + 1, 1024, sizeof *pv->v);
    pv->v[pv->n++] = (px_kv){lo << 32 | hi, 0};
}

/* Pairs among the computed keys: each run of equal keys. */
static void pool_pairs(const px_kv *keys, size_t nk, size_t max_bucket,
                       pair_vec *pv) {
    for (size_t i = 0; i < nk;) {
        size_t j = i + 1;
        while (j < nk && keys[j].key == keys[i].key) j++;
        int star = j - i > max_bucket;
        for (size_t x = i; x < j; x++)
            for (size_t y = x + 1; y < (star && x > i ? x + 1 : j); y++)
                pair_push(pv, keys[x].val, keys[y].val);
        i = j;
    }
}

/* Pairs of new documents with the stored keys of one segment. */
static void stored_pairs(const px_kv *keys, size_t nk, const px_seg_keys *sk,
                         const px_corpus_seg *seg, size_t max_bucket,
                         pair_vec *pv) {
    for (size_t i = 0; i < nk; i++) {
        if (keys[i].val < pv->first_new) continue;
        size_t at = px_kv_lower(sk->v, sk->n, keys[i].key);
        for (size_t m = 0;
             at < sk->n && sk->v[at].key == keys[i].key && m < max_bucket;
             at++, m++) {
            uint64_t d = sk->v[at].val;
            if (d >= seg->doc_base && d < seg->doc_base + seg->nd)
                pair_push(pv, keys[i].val, d); /* else: damaged, skipped */
        }
    }
}

/* All candidate pairs, sorted and unique. */
static px_kv *candidates(const px_corpus *c, const px_dedup_opts *o,
                         unsigned bands, unsigned rows, size_t *np) {
    uint64_t params = px_dedup_params(o, bands, rows);
    px_range *r;
    size_t nr = px_corpus_unkeyed(c, PX_KEYS_BANDS, params, &r), nk;
    px_kv *keys = px_dedup_keys(c, o, bands, rows, r, nr, &nk);
    px_free(r);
    pair_vec pv = {NULL, 0, 0, o->first_new};
    pool_pairs(keys, nk, o->max_bucket, &pv);
    for (size_t s = 0; s < px_corpus_nsegs(c); s++) {
        const px_seg_keys *sk = px_corpus_keys(c, s, PX_KEYS_BANDS, params);
        if (sk)
            stored_pairs(keys, nk, sk, px_corpus_seg_at(c, s), o->max_bucket,
                         &pv);
    }
    px_free(keys);
    *np = 0;
    if (!pv.n) return pv.v;
    px_kv *tmp = px_malloc(pv.n * sizeof *tmp);
    px_radix_sort(pv.v, tmp, pv.n);
    px_free(tmp);
    size_t u = 1;
    for (size_t i = 1; i < pv.n; i++)
        if (pv.v[i].key != pv.v[u - 1].key) pv.v[u++] = pv.v[i];
    *np = u;
    return pv.v;
}

/* ----------------------------------------------------------- verification */

/* Sorted unique shingle hashes of words into *set; returns their number. */
static size_t shingle_set(const uint32_t *w, size_t nw, unsigned size,
                          px_kv **set, px_kv **tmp) {
    size_t ns = px_shingle_count(nw, size);
    uint64_t *h = px_malloc((ns ? ns : 1) * sizeof *h);
    px_shingle_hashes(w, nw, size, h);
    *set = px_malloc((ns ? ns : 1) * sizeof **set);
    *tmp = px_malloc((ns ? ns : 1) * sizeof **tmp);
    for (size_t i = 0; i < ns; i++) (*set)[i] = (px_kv){h[i], 0};
    px_free(h);
    px_radix_sort(*set, *tmp, ns);
    size_t u = 0;
    for (size_t i = 0; i < ns; i++)
        if (!u || (*set)[i].key != (*set)[u - 1].key) (*set)[u++] = (*set)[i];
    return u;
}

void px_dedup_compare(const uint32_t *a, size_t na, const uint32_t *b,
                      size_t nb, unsigned shingle, px_dup_pair *out) {
    px_kv *sa, *sb, *ta, *tb;
    size_t ua = shingle_set(a, na, shingle, &sa, &ta);
    size_t ub = shingle_set(b, nb, shingle, &sb, &tb);
    size_t i = 0, j = 0, both = 0;
    while (i < ua && j < ub) {
        if (sa[i].key < sb[j].key)
            i++;
        else if (sa[i].key > sb[j].key)
            j++;
        else
            both++, i++, j++;
    }
    size_t uni = ua + ub - both;
    out->jaccard = uni ? (double)both / uni : 0;
    out->contain_ab = ua ? (double)both / ua : 0;
    out->contain_ba = ub ? (double)both / ub : 0;
    px_free(sa);
    px_free(sb);
    px_free(ta);
    px_free(tb);
}

typedef struct verify_job {
    const px_corpus *c;
    const px_kv *cand;
    unsigned shingle;
    px_dup_pair *out;
} verify_job;

static void verify_range(void *ud, size_t from, size_t to, unsigned tid) {
    verify_job *j = ud;
    (void)tid;
    for (size_t i = from; i < to; i++) {
        uint32_t a = (uint32_t)(j->cand[i].key >> 32);
        uint32_t b = (uint32_t)j->cand[i].key;
        size_t na, nb;
        const uint32_t *wa = px_corpus_words(j->c, a, &na);
        const uint32_t *wb = px_corpus_words(j->c, b, &nb);
        j->out[i].a = a;
        j->out[i].b = b;
        px_dedup_compare(wa, na, wb, nb, j->shingle, &j->out[i]);
    }
}

/* ------------------------------------------------------------------- run */

px_result px_dedup_banding(const px_dedup_opts *o, unsigned *bands,
                           unsigned *rows) {
    if (o->shingle == 0 || o->shingle > PX_SHINGLE_MAX) return PX_ERR_INVALID;
    if (o->bands && o->rows) {
        *bands = o->bands;
        *rows = o->rows;
        return (uint64_t)o->bands * o->rows <= o->k && o->k <= PX_MINHASH_K_MAX
                   ? PX_OK
                   : PX_ERR_INVALID;
    }
    return px_lsh_params(o->threshold, o->k, bands, rows);
}

px_result px_dedup_run(const px_corpus *c, const px_dedup_opts *o,
                       px_dup_pair **pairs, size_t *npairs) {
    unsigned bands, rows;
    px_result rc = px_dedup_banding(o, &bands, &rows);
    if (rc) return rc;
    size_t nc;
    px_kv *cand = candidates(c, o, bands, rows, &nc);
    px_dup_pair *out = px_malloc((nc ? nc : 1) * sizeof *out);
    verify_job vj = {c, cand, o->shingle, out};
    px_parallel_for(px_threads(o->threads), nc, 16, verify_range, &vj);
    px_free(cand);
    size_t n = 0;
    for (size_t i = 0; i < nc; i++)
        if (out[i].jaccard >= o->threshold) out[n++] = out[i];
    *pairs = out;
    *npairs = n;
    return PX_OK;
}

/* -------------------------------------------------------------- clusters */

static uint32_t find_root(uint32_t *p, uint32_t x) {
    while (p[x] != x) {
        p[x] = p[p[x]];
        x = p[x];
    }
    return x;
}

px_result px_dedup_clusters(size_t ndocs, const px_dup_pair *pairs,
                            size_t npairs, uint32_t **root) {
    uint32_t *p = px_malloc((ndocs ? ndocs : 1) * sizeof *p);
    for (size_t i = 0; i < ndocs; i++) p[i] = (uint32_t)i;
    for (size_t i = 0; i < npairs; i++) {
        if (pairs[i].a >= ndocs || pairs[i].b >= ndocs) {
            px_free(p);
            return PX_ERR_INVALID;
        }
        uint32_t x = find_root(p, pairs[i].a), y = find_root(p, pairs[i].b);
        if (x < y)
            p[y] = x;
        else
            p[x] = y;
    }
    for (size_t i = 0; i < ndocs; i++) p[i] = find_root(p, (uint32_t)i);
    *root = p;
    return PX_OK;
}
