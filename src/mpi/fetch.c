/*
 * fetch.c - fetching other ranks' documents (see fetch.h).
 */
#include <string.h> /* memcpy, strlen */

#include "mpi/fetch.h"
#include "mpi/rec.h"

/* Requests: each wanted document's number to the rank holding it. */
static void ask(const pxmpi_comm *c, const pxmpi_shard *s, const uint64_t *want,
                size_t n, px_buf *send) {
    uint64_t *w = px_malloc((n ? n : 1) * sizeof *w);
    memcpy(w, want, n * sizeof *w);
    n = pxmpi_u64_unique(w, n);
    for (size_t i = 0; i < n; i++) {
        uint32_t local;
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

/* Index the total bytes of replies: (document, offset of its blob). */
static void index_replies(pxmpi_docs *d, size_t total) {
    size_t cap = 0;
    for (size_t at = 0; at + 16 <= total;) {
        uint64_t g, len;
        memcpy(&g, d->raw.data + at, sizeof g);
        memcpy(&len, d->raw.data + at + 8, sizeof len);
        if (len > total - at - 16) break; /* cannot happen between ranks */
        if (d->n == cap) {
            cap = cap ? 2 * cap : 256;
            d->idx = px_realloc(d->idx, cap * sizeof *d->idx);
        }
        d->idx[d->n++] = (pxmpi_rec){g, at + 16};
        at += 16 + (size_t)len + (8 - (size_t)len % 8) % 8;
    }
    pxmpi_rec_sort(d->idx, d->n);
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
    size_t lo = pxmpi_rec_find(d->idx, d->n, g);
    if (lo == d->n) return NULL;
    uint64_t n;
    memcpy(&n, d->raw.data + d->idx[lo].val - 8, sizeof n);
    *len = (size_t)n;
    return d->raw.data + d->idx[lo].val;
}

void pxmpi_docs_release(pxmpi_docs *d) {
    px_free(d->idx);
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
