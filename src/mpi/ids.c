/*
 * ids.c - ids repeated across ranks (see ids.h).
 *
 * Wire records, padded to 8 bytes: to the hash owner
 * (hash, global number, id length, origin length, id, origin); back to the
 * holder (its global number, origin length, origin of the first).
 */
#include <string.h> /* memcpy, strlen */

#include "mpi/ids.h"
#include "mpi/rec.h"

static const char pad[8];

static void put(px_buf *b, const void *p, size_t n, int align) {
    px_buf_append(b, p, n);
    if (align) px_buf_append(b, pad, (8 - n % 8) % 8);
}

static uint64_t get(const char *p) {
    uint64_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

static void ask(const pxmpi_comm *c, const pxmpi_shard *s, px_buf *send) {
    size_t n = px_corpus_size(s->corpus);
    for (size_t d = 0; d < n; d++) {
        const char *id = px_corpus_id(s->corpus, (uint32_t)d);
        const char *o = pxmpi_origins_get(&s->origins, d);
        uint64_t h[4] = {px_hash64(id, strlen(id), 0x6964), s->global[d],
                         strlen(id), strlen(o)};
        px_buf *b = &send[h[0] % (uint64_t)c->size];
        put(b, h, sizeof h, 0);
        put(b, id, h[2], 1);
        put(b, o, h[3], 1);
    }
}

/* One received document: where its id and origin start. */
typedef struct entry {
    const char *rec;
} entry;

static const char *entry_id(const entry *e) { return e->rec + 32; }
static size_t entry_idlen(const entry *e) { return (size_t)get(e->rec + 16); }
static const char *entry_origin(const entry *e) {
    size_t n = entry_idlen(e);
    return e->rec + 32 + n + (8 - n % 8) % 8;
}

static int same_id(const entry *a, const entry *b) {
    return entry_idlen(a) == entry_idlen(b) &&
           !memcmp(entry_id(a), entry_id(b), entry_idlen(a));
}

/* Parse the requests into entries and (hash, global) records, sorted. */
static size_t parse(const char *data, size_t total, entry **ent,
                    pxmpi_rec **byhash, pxmpi_rec **byglobal) {
    size_t n = 0, cap = 0;
    for (size_t at = 0; at + 32 <= total;) {
        if (n == cap) {
            cap = cap ? 2 * cap : 256;
            *ent = px_realloc(*ent, cap * sizeof **ent);
            *byhash = px_realloc(*byhash, cap * sizeof **byhash);
            *byglobal = px_realloc(*byglobal, cap * sizeof **byglobal);
        }
        const char *r = data + at;
        size_t li = (size_t)get(r + 16), lo = (size_t)get(r + 24);
        (*ent)[n] = (entry){r};
        (*byhash)[n] = (pxmpi_rec){get(r), get(r + 8)};
        (*byglobal)[n] = (pxmpi_rec){get(r + 8), n};
        n++;
        at += 32 + li + (8 - li % 8) % 8 + lo + (8 - lo % 8) % 8;
    }
    pxmpi_rec_sort(*byhash, n);
    pxmpi_rec_sort(*byglobal, n);
    return n;
}

static const entry *entry_of(const entry *e, const pxmpi_rec *byglobal,
                             size_t n, uint64_t g) {
    return &e[byglobal[pxmpi_rec_find(byglobal, n, g)].val];
}

/* Answer to the holder of a later document of an id: the first's origin. */
static void tell(const pxmpi_shard *s, uint64_t later, const entry *first,
                 px_buf *send) {
    uint32_t local;
    uint64_t h[2] = {later, get(first->rec + 24)};
    px_buf *b = &send[pxmpi_shard_owner(s, later, &local)];
    put(b, h, sizeof h, 0);
    put(b, entry_origin(first), (size_t)h[1], 1);
}

/* Answer the holder of every later document of an id. */
static void answer(const pxmpi_shard *s, const char *data, size_t total,
                   px_buf *send) {
    entry *e = NULL;
    pxmpi_rec *bh = NULL, *bg = NULL;
    size_t n = parse(data, total, &e, &bh, &bg);
    for (size_t run = 0, end; run < n; run = end) {
        for (end = run + 1; end < n && bh[end].key == bh[run].key;) end++;
        for (size_t i = run + 1; i < end; i++) {
            const entry *later = entry_of(e, bg, n, bh[i].val);
            size_t j = run;
            while (j < i && !same_id(entry_of(e, bg, n, bh[j].val), later)) j++;
            if (j < i) tell(s, bh[i].val, entry_of(e, bg, n, bh[j].val), send);
        }
    }
    px_free(e);
    px_free(bh);
    px_free(bg);
}

/* Drop and report the documents named in the answers. */
static size_t drop(const char *cmd, pxmpi_shard *s, const char *data,
                   size_t total) {
    size_t n = 0;
    px_buf msg = PX_BUF_INIT;
    for (size_t at = 0; at + 16 <= total; n++) {
        uint64_t g = get(data + at), len = get(data + at + 8);
        uint32_t local;
        pxmpi_shard_owner(s, g, &local);
        const char *o = pxmpi_origins_get(&s->origins, local);
        px_buf_clear(&msg);
        px_buf_printf(&msg, "duplicate id \"%s\" (first read at %.*s); skipped",
                      px_corpus_id(s->corpus, local), (int)len, data + at + 16);
        pxmpi_shard_say(cmd, o, (int)strlen(o), 0, msg.data);
        s->global[local] = PXMPI_DROPPED;
        at += 16 + (size_t)len + (8 - (size_t)len % 8) % 8;
    }
    px_buf_release(&msg);
    return n;
}

px_result pxmpi_ids_unique(const pxmpi_comm *c, const char *cmd,
                           pxmpi_shard *s, size_t *ndropped) {
    px_buf *send = px_calloc((size_t)c->size, sizeof *send);
    pxmpi_recv r;
    *ndropped = 0;
    ask(c, s, send);
    px_result rc = pxmpi_exchange(c, send, &r);
    if (!rc) answer(s, r.data, r.from[c->size], send);
    pxmpi_recv_release(&r);
    if (!rc) rc = pxmpi_exchange(c, send, &r);
    if (!rc) *ndropped = drop(cmd, s, r.data, r.from[c->size]);
    pxmpi_recv_release(&r);
    px_free(send);
    return rc;
}
