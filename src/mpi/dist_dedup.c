/*
 * dist_dedup.c - distributed near-duplicate pairs (see dist_dedup.h).
 *
 * Records on the wire: band keys as (key, document) pairs of uint64,
 * candidates as one uint64 (a << 32 | b, a < b), verified pairs as
 * px_dup_pair.
 */
#include <stdlib.h> /* qsort */

#include "mpi/dist_dedup.h"
#include "mpi/fetch.h"
#include "mpi/rec.h"

/* Rank owning a 64-bit value (band key or pair): a well-mixed hash. */
static int owner_of(const pxmpi_comm *c, uint64_t v) {
    return (int)(px_hash64(&v, sizeof v, 0x6f776e) % (uint64_t)c->size);
}

/* ----------------------------------------------------------------- sign */

typedef struct signer {
    const px_dedup_opts *o;
    unsigned bands, rows;
    uint64_t *sh;     /* shingle hashes */
    size_t ash;
    uint32_t *sig;
    uint64_t *keys;
} signer;

/* Band records of local document d to the ranks owning their keys. */
static void sign_doc(const pxmpi_comm *c, const pxmpi_shard *s, signer *g,
                     uint32_t d, px_buf *send) {
    size_t nw;
    const uint32_t *w = px_corpus_words(s->corpus, d, &nw);
    size_t ns = px_shingle_count(nw, g->o->shingle);
    if (ns > g->ash) {
        g->ash = ns * 2;
        g->sh = px_realloc(g->sh, g->ash * sizeof *g->sh);
    }
    px_shingle_hashes(w, nw, g->o->shingle, g->sh);
    if (px_minhash_sign(g->sh, ns, g->o->k, g->o->seed, g->sig)) return;
    px_lsh_band_keys(g->sig, g->bands, g->rows, g->keys);
    for (unsigned b = 0; b < g->bands; b++) {
        pxmpi_rec r = {g->keys[b], s->global[d]};
        px_buf_append(&send[owner_of(c, r.key)], &r, sizeof r);
    }
}

static void sign_all(const pxmpi_comm *c, const pxmpi_shard *s,
                     const px_dedup_opts *o, unsigned bands, unsigned rows,
                     px_buf *send) {
    signer g = {o, bands, rows, NULL, 0, NULL, NULL};
    g.sig = px_malloc(o->k * sizeof *g.sig);
    g.keys = px_malloc(bands * sizeof *g.keys);
    size_t n = px_corpus_size(s->corpus);
    for (size_t d = 0; d < n; d++)
        if (s->global[d] != PXMPI_DROPPED) sign_doc(c, s, &g, (uint32_t)d, send);
    px_free(g.sh);
    px_free(g.sig);
    px_free(g.keys);
}

/* ----------------------------------------------------------- candidates */

/* Candidate (x, y) to the rank owning the pair. */
static void pair_send(const pxmpi_comm *c, uint64_t x, uint64_t y,
                      px_buf *send) {
    if (x == y) return;
    uint64_t p = x < y ? x << 32 | y : y << 32 | x;
    px_buf_append(&send[owner_of(c, p)], &p, sizeof p);
}

/* The pairs of every bucket of this rank's records: all pairs of a
 * bucket, or when it is larger than max_bucket its first document with
 * each other one (the rule of px_dedup_run, documents in number order). */
static void buckets(const pxmpi_comm *c, pxmpi_rec *r, size_t n,
                    size_t max_bucket, px_buf *send) {
    pxmpi_rec_sort(r, n);
    for (size_t first = 0, end; first < n; first = end) {
        for (end = first + 1; end < n && r[end].key == r[first].key;) end++;
        if (end - first > max_bucket) {
            for (size_t m = first + 1; m < end; m++)
                pair_send(c, r[first].val, r[m].val, send);
            continue;
        }
        for (size_t x = first; x + 1 < end; x++)
            for (size_t y = x + 1; y < end; y++)
                pair_send(c, r[x].val, r[y].val, send);
    }
}

/* ---------------------------------------------------------- verification */

/* Verify candidates p[0..n) with the fetched words; verified pairs at or
 * over the threshold to rank 0. */
static void verify(const pxmpi_docs *words, const uint64_t *p, size_t n,
                   const px_dedup_opts *o, px_buf *to_root) {
    for (size_t i = 0; i < n; i++) {
        px_dup_pair d = {(uint32_t)(p[i] >> 32), (uint32_t)p[i], 0, 0, 0};
        size_t la = 0, lb = 0;
        const uint32_t *wa = pxmpi_docs_get(words, d.a, &la);
        const uint32_t *wb = pxmpi_docs_get(words, d.b, &lb);
        if (!wa || !wb) continue; /* cannot happen: every owner answers */
        px_dedup_compare(wa, la / 4, wb, lb / 4, o->shingle, &d);
        if (d.jaccard >= o->threshold) px_buf_append(to_root, &d, sizeof d);
    }
}

static px_result check_and_verify(const pxmpi_comm *c, const pxmpi_shard *s,
                                  const px_dedup_opts *o, uint64_t *p,
                                  size_t n, px_buf *send) {
    uint64_t *want = px_malloc((2 * n + 1) * sizeof *want);
    for (size_t i = 0; i < n; i++) {
        want[2 * i] = p[i] >> 32;
        want[2 * i + 1] = p[i] & UINT32_MAX;
    }
    pxmpi_docs words;
    px_result rc = pxmpi_fetch(c, s, want, 2 * n, pxmpi_pack_words, &words);
    px_free(want);
    if (!rc) verify(&words, p, n, o, &send[0]);
    pxmpi_docs_release(&words);
    return rc;
}

static int cmp_pair(const void *x, const void *y) {
    const px_dup_pair *a = x, *b = y;
    if (a->a != b->a) return (a->a > b->a) - (a->a < b->a);
    return (a->b > b->b) - (a->b < b->b);
}

/* ------------------------------------------------------------------ run */

/* Exchange send, then hand the received bytes to the caller. */
static px_result step(const pxmpi_comm *c, px_buf *send, char **data,
                      size_t *bytes) {
    pxmpi_recv r;
    px_result rc = pxmpi_exchange(c, send, &r);
    *data = rc ? NULL : r.data;
    *bytes = rc ? 0 : r.from[c->size];
    if (rc) px_free(r.data);
    px_free(r.from);
    return rc;
}

px_result pxmpi_dedup(const pxmpi_comm *c, const pxmpi_shard *s,
                      const px_dedup_opts *o, px_dup_pair **pairs,
                      size_t *npairs) {
    unsigned bands, rows;
    *pairs = NULL;
    *npairs = 0;
    px_result rc = px_dedup_banding(o, &bands, &rows);
    if (!rc && s->ndocs > PX_CORPUS_MAX_DOCS) rc = PX_ERR_TOOBIG;
    if (rc) return rc;
    px_buf *send = px_calloc((size_t)c->size, sizeof *send);
    char *data = NULL;
    size_t bytes = 0;
    sign_all(c, s, o, bands, rows, send);
    rc = step(c, send, &data, &bytes); /* band records to key owners */
    if (!rc) buckets(c, (pxmpi_rec *)(void *)data, bytes / sizeof(pxmpi_rec),
                     o->max_bucket, send);
    px_free(data);
    if (!rc) rc = step(c, send, &data, &bytes); /* candidates to owners */
    size_t n = rc ? 0 : pxmpi_u64_unique((uint64_t *)(void *)data, bytes / 8);
    if (!rc) rc = check_and_verify(c, s, o, (uint64_t *)(void *)data, n, send);
    px_free(data);
    if (!rc) rc = step(c, send, &data, &bytes); /* verified to rank 0 */
    for (int r = 0; r < c->size; r++) px_buf_release(&send[r]);
    px_free(send);
    if (rc) return rc;
    *npairs = bytes / sizeof **pairs;
    *pairs = (px_dup_pair *)(void *)data;
    qsort(*pairs, *npairs, sizeof **pairs, cmp_pair);
    return PX_OK;
}
