/*
 * dedup.c - near-duplicate pairs of a corpus (parallax/dedup.h).
 *
 * Flat and sort-based throughout: signatures are one n x k array filled by
 * threads over documents; band keys are (key, doc) records in one array,
 * radix-sorted so that documents agreeing on a band sit next to each other;
 * candidate pairs are (a << 32 | b) records, radix-sorted and deduplicated;
 * each unique candidate is verified exactly (shingle sets recomputed from
 * the corpus words, sorted, intersected), again threaded.
 */
#include <string.h> /* memcpy */

#include "fingerprint/mix.h"
#include "index/parallel.h"
#include "index/radix.h"
#include "parallax/dedup.h"

#define DEFAULT_SEED 0x70617261u /* "para" */
#define FOLD 0x9E3779B97F4A7C15ULL

void px_dedup_opts_init(px_dedup_opts *o) {
    *o = (px_dedup_opts){0.8, 128, 5, 0, 0, 0, DEFAULT_SEED, 0, 1000};
}

/* ------------------------------------------------------------- signatures */

typedef struct sign_job {
    const px_corpus *c;
    const px_dedup_opts *o;
    uint32_t *sigs;
    uint8_t *empty;
} sign_job;

static void sign_range(void *ud, size_t from, size_t to, unsigned tid) {
    sign_job *j = ud;
    (void)tid;
    uint64_t *sh = NULL;
    size_t ash = 0;
    for (size_t d = from; d < to; d++) {
        size_t nw;
        const uint32_t *w = px_corpus_words(j->c, (uint32_t)d, &nw);
        size_t ns = px_shingle_count(nw, j->o->shingle);
        if (ns > ash) {
            ash = ns * 2;
            sh = px_realloc(sh, ash * sizeof *sh);
        }
        px_shingle_hashes(w, nw, j->o->shingle, sh);
        j->empty[d] = px_minhash_sign(sh, ns, j->o->k, j->o->seed,
                                      j->sigs + d * j->o->k) != PX_OK;
    }
    px_free(sh);
}

/* -------------------------------------------------------------- band keys */

typedef struct band_job {
    const uint32_t *sigs;
    unsigned k, bands, rows;
    px_kv *keys;
} band_job;

static void band_range(void *ud, size_t from, size_t to, unsigned tid) {
    band_job *j = ud;
    (void)tid;
    for (size_t d = from; d < to; d++) {
        const uint32_t *s = j->sigs + d * j->k;
        for (unsigned b = 0; b < j->bands; b++) {
            uint64_t h = (uint64_t)(b + 1) * FOLD;
            for (unsigned r = 0; r < j->rows; r++)
                h = (h + s[b * j->rows + r]) * FOLD;
            j->keys[d * j->bands + b] = (px_kv){px_mix64(h), d};
        }
    }
}

/* Append pair (x, y) if it involves a new document. */
static void pair_push(px_kv **v, size_t *n, size_t *a, uint64_t x,
                      uint64_t y, uint32_t first_new) {
    uint64_t lo = x < y ? x : y, hi = x < y ? y : x;
    if (hi < first_new || lo == hi) return;
    if (*n == *a) {
        *a = *a ? *a * 2 : 1024;
        *v = px_realloc(*v, *a * sizeof **v);
    }
    (*v)[(*n)++] = (px_kv){lo << 32 | hi, 0};
}

/* Candidate pairs from sorted band keys, sorted and unique. */
static px_kv *candidates(const px_kv *keys, size_t nk, const px_dedup_opts *o,
                         size_t *np) {
    px_kv *v = NULL;
    size_t n = 0, a = 0;
    for (size_t i = 0; i < nk;) {
        size_t j = i + 1;
        while (j < nk && keys[j].key == keys[i].key) j++;
        int star = j - i > o->max_bucket;
        for (size_t x = i; x < j; x++)
            for (size_t y = x + 1; y < (star && x > i ? x + 1 : j); y++)
                pair_push(&v, &n, &a, keys[x].val, keys[y].val, o->first_new);
        i = j;
    }
    if (!n) return v;
    px_kv *tmp = px_malloc(n * sizeof *tmp);
    px_radix_sort(v, tmp, n);
    px_free(tmp);
    size_t u = 1;
    for (size_t i = 1; i < n; i++)
        if (v[i].key != v[u - 1].key) v[u++] = v[i];
    *np = u;
    return v;
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
        if (sa[i].key < sb[j].key) i++;
        else if (sa[i].key > sb[j].key) j++;
        else both++, i++, j++;
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

static px_result check_opts(const px_dedup_opts *o, unsigned *bands,
                            unsigned *rows) {
    if (o->shingle == 0 || o->shingle > PX_SHINGLE_MAX) return PX_ERR_INVALID;
    if (o->bands && o->rows) {
        *bands = o->bands;
        *rows = o->rows;
        return (uint64_t)o->bands * o->rows <= o->k && o->k <= PX_MINHASH_K_MAX
                   ? PX_OK : PX_ERR_INVALID;
    }
    return px_lsh_params(o->threshold, o->k, bands, rows);
}

/* Band keys of the non-empty documents, sorted. */
static px_kv *band_keys(const uint32_t *sigs, const uint8_t *empty, size_t nd,
                        const px_dedup_opts *o, unsigned bands, unsigned rows,
                        unsigned threads, size_t *nk) {
    px_kv *keys = px_malloc((nd && bands ? nd * bands : 1) * sizeof *keys);
    band_job bj = {sigs, o->k, bands, rows, keys};
    px_parallel_for(threads, nd, 256, band_range, &bj);
    size_t n = 0;
    for (size_t i = 0; i < nd * bands; i++)
        if (!empty[keys[i].val]) keys[n++] = keys[i];
    px_kv *tmp = px_malloc((n ? n : 1) * sizeof *tmp);
    px_radix_sort(keys, tmp, n);
    px_free(tmp);
    *nk = n;
    return keys;
}

px_result px_dedup_run(const px_corpus *c, const px_dedup_opts *o,
                       px_dup_pair **pairs, size_t *npairs, uint32_t **sigs) {
    unsigned bands, rows;
    px_result rc = check_opts(o, &bands, &rows);
    if (rc) return rc;
    size_t nd = px_corpus_size(c), nk = 0, nc = 0;
    unsigned threads = px_threads(o->threads);
    uint32_t *sg = px_malloc((nd ? nd : 1) * o->k * sizeof *sg);
    uint8_t *empty = px_calloc(nd ? nd : 1, 1);
    sign_job sj = {c, o, sg, empty};
    px_parallel_for(threads, nd, 64, sign_range, &sj);
    px_kv *keys = band_keys(sg, empty, nd, o, bands, rows, threads, &nk);
    px_kv *cand = candidates(keys, nk, o, &nc);
    px_free(keys);
    px_free(empty);
    px_dup_pair *out = px_malloc((nc ? nc : 1) * sizeof *out);
    verify_job vj = {c, cand, o->shingle, out};
    px_parallel_for(threads, nc, 16, verify_range, &vj);
    px_free(cand);
    size_t n = 0;
    for (size_t i = 0; i < nc; i++)
        if (out[i].jaccard >= o->threshold) out[n++] = out[i];
    *pairs = out;
    *npairs = n;
    if (sigs) *sigs = sg;
    else px_free(sg);
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
        if (x < y) p[y] = x;
        else p[x] = y;
    }
    for (size_t i = 0; i < ndocs; i++) p[i] = find_root(p, (uint32_t)i);
    *root = p;
    return PX_OK;
}
