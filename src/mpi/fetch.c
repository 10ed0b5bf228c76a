/*
 * fetch.c - fetching other ranks' documents (see fetch.h).
 */
#include <stdlib.h> /* qsort */
#include <string.h> /* memcpy, strlen */

#include "mpi/fetch.h"

static int cmp_u64(const void *x, const void *y) {
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

/* Requests: each wanted document's number to the rank holding it. */
static void ask(const pxmpi_comm *c, const pxmpi_shard *s, const uint64_t *want,
                size_t n, px_buf *send) {
    uint64_t *w = px_malloc((n ? n : 1) * sizeof *w);
    memcpy(w, want, n * sizeof *w);
    qsort(w, n, sizeof *w, cmp_u64);
    for (size_t i = 0; i < n; i++) {
        uint32_t local;
        if (i && w[i] == w[i - 1]) continue;
        int r = pxmpi_shard_owner(s, w[i], &local);
        if (r >= 0 && r < c->size) px_buf_append(&send[r], &w[i], sizeof w[i]);
    }
    px_free(w);
}

/* Replies: (number, length, blob padded to 8) for every request. */
static void answer(const pxmpi_comm *c, const pxmpi_shard *s,
                   const pxmpi_recv *req, pxmpi_pack_fn pack, px_buf *send) {
    static const char pad[8] = {0};
    px_buf blob = PX_BUF_INIT;
    for (int r = 0; r < c->size; r++) {
        for (size_t at = req->from[r]; at + 8 <= req->from[r + 1]; at += 8) {
            uint64_t g, len;
            uint32_t local;
            memcpy(&g, req->data + at, sizeof g);
            if (pxmpi_shard_owner(s, g, &local) != c->rank) continue;
            px_buf_clear(&blob);
            pack(s, local, &blob);
            len = blob.len;
            px_buf_append(&send[r], &g, sizeof g);
            px_buf_append(&send[r], &len, sizeof len);
            px_buf_append(&send[r], blob.data, blob.len);
            px_buf_append(&send[r], pad, (8 - blob.len % 8) % 8);
        }
    }
    px_buf_release(&blob);
}

typedef struct entry {
    uint64_t num;
    size_t at, len;
} entry;

static int cmp_entry(const void *x, const void *y) {
    return cmp_u64(&((const entry *)x)->num, &((const entry *)y)->num);
}

/* Index the total bytes of replies by document number. */
static void index_replies(pxmpi_docs *d, size_t total) {
    entry *e = NULL;
    size_t n = 0, cap = 0;
    for (size_t at = 0; at + 16 <= total;) {
        uint64_t g, len;
        memcpy(&g, d->raw.data + at, sizeof g);
        memcpy(&len, d->raw.data + at + 8, sizeof len);
        if (len > total - at - 16) break; /* cannot happen between ranks */
        if (n == cap) {
            cap = cap ? 2 * cap : 256;
            e = px_realloc(e, cap * sizeof *e);
        }
        e[n++] = (entry){g, at + 16, (size_t)len};
        at += 16 + (size_t)len + (8 - (size_t)len % 8) % 8;
    }
    qsort(e, n, sizeof *e, cmp_entry);
    d->n = n;
    d->num = px_malloc((n ? n : 1) * sizeof *d->num);
    d->at = px_malloc((n ? n : 1) * sizeof *d->at);
    d->len = px_malloc((n ? n : 1) * sizeof *d->len);
    for (size_t i = 0; i < n; i++) {
        d->num[i] = e[i].num;
        d->at[i] = e[i].at;
        d->len[i] = e[i].len;
    }
    px_free(e);
}

px_result pxmpi_fetch(const pxmpi_comm *c, const pxmpi_shard *s,
                      const uint64_t *want, size_t n, pxmpi_pack_fn pack,
                      pxmpi_docs *out) {
    *out = (pxmpi_docs){0};
    px_buf *send = px_calloc((size_t)c->size, sizeof *send);
    pxmpi_recv req;
    ask(c, s, want, n, send);
    px_result rc = pxmpi_exchange(c, send, &req);
    if (!rc) answer(c, s, &req, pack, send);
    pxmpi_recv_release(&req);
    if (!rc) rc = pxmpi_exchange(c, send, &out->raw);
    if (!rc) index_replies(out, out->raw.from[c->size]);
    px_free(send);
    return rc;
}

const void *pxmpi_docs_get(const pxmpi_docs *d, uint64_t g, size_t *len) {
    size_t lo = 0, hi = d->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->num[mid] < g) lo = mid + 1;
        else hi = mid;
    }
    if (lo == d->n || d->num[lo] != g) return NULL;
    *len = d->len[lo];
    return d->raw.data + d->at[lo];
}

void pxmpi_docs_release(pxmpi_docs *d) {
    px_free(d->num);
    px_free(d->at);
    px_free(d->len);
    pxmpi_recv_release(&d->raw);
    *d = (pxmpi_docs){0};
}

void pxmpi_pack_words(const pxmpi_shard *s, uint32_t local, px_buf *out) {
    size_t n;
    const uint32_t *w = px_corpus_words(s->corpus, local, &n);
    px_buf_append(out, w, n * sizeof *w);
}

void pxmpi_pack_id(const pxmpi_shard *s, uint32_t local, px_buf *out) {
    const char *id = px_corpus_id(s->corpus, local);
    px_buf_append(out, id, strlen(id));
}
