/*
 * report.c - printing the distributed dedup result (see report.h).
 *
 * Clusters: every document of a pair is listed with its union-find root
 * (the smallest number of its cluster); sorting (root, document) puts each
 * cluster's members together in input order and the clusters in order of
 * their first member, the order `parallax dedup` prints.
 */
#include "mpi/fetch.h"
#include "mpi/report.h"

/* Append the id of document g as text or as a JSON string. */
static void put_id(const pxmpi_docs *ids, uint64_t g, int json, px_buf *b) {
    size_t len = 0;
    const char *id = pxmpi_docs_get(ids, g, &len);
    if (!id) id = "";
    if (json) px_buf_json_str(b, id, len);
    else px_buf_append(b, id, len);
}

static void put_pair(const pxmpi_docs *ids, const px_dup_pair *p, int json,
                     px_buf *b) {
    if (json) {
        px_buf_puts(b, "{\"type\":\"pair\",\"a\":");
        put_id(ids, p->a, 1, b);
        px_buf_puts(b, ",\"b\":");
        put_id(ids, p->b, 1, b);
        px_buf_printf(b, ",\"jaccard\":%.4f,\"contain_ab\":%.4f,"
                         "\"contain_ba\":%.4f}\n",
                      p->jaccard, p->contain_ab, p->contain_ba);
        return;
    }
    px_buf_printf(b, "%.3f\t", p->jaccard);
    put_id(ids, p->a, 0, b);
    px_buf_putc(b, '\t');
    put_id(ids, p->b, 0, b);
    px_buf_printf(b, "\t(%.3f of a in b, %.3f of b in a)\n", p->contain_ab,
                  p->contain_ba);
}

/* Members of the pairs' clusters as (root, document) records, sorted;
 * *n set. */
static pxmpi_rec *members(const pxmpi_shard *s, const px_dup_pair *pairs,
                       size_t np, size_t *n) {
    uint32_t *root = NULL;
    *n = 0;
    if (px_dedup_clusters(s->ndocs, pairs, np, &root)) return NULL;
    pxmpi_rec *m = px_malloc((2 * np + 1) * sizeof *m);
    for (size_t i = 0; i < np; i++) {
        m[2 * i] = (pxmpi_rec){root[pairs[i].a], pairs[i].a};
        m[2 * i + 1] = (pxmpi_rec){root[pairs[i].b], pairs[i].b};
    }
    px_free(root);
    pxmpi_rec_sort(m, 2 * np);
    size_t u = 0;
    for (size_t i = 0; i < 2 * np; i++)
        if (!u || m[i].val != m[u - 1].val) m[u++] = m[i];
    *n = u;
    return m;
}

static size_t put_clusters(const pxmpi_docs *ids, const pxmpi_rec *m, size_t n,
                           int json, FILE *out, px_buf *b) {
    size_t nc = 0;
    for (size_t i = 0; i < n; i++) {
        int first = !i || m[i].key != m[i - 1].key;
        if (first && i) px_buf_puts(b, json ? "]}\n" : "\n");
        if (first)
            px_buf_printf(b, json ? "{\"type\":\"cluster\",\"cluster\":%zu,"
                                    "\"members\":[" : "cluster %zu:", ++nc);
        else if (json) px_buf_putc(b, ',');
        if (!json) px_buf_putc(b, ' ');
        put_id(ids, m[i].val, json, b);
        if (b->len > 65536) {
            fwrite(b->data, 1, b->len, out);
            px_buf_clear(b);
        }
    }
    if (n) px_buf_puts(b, json ? "]}\n" : "\n");
    return nc;
}

px_result pxmpi_report(const pxmpi_comm *c, const pxmpi_shard *s,
                       const px_dup_pair *pairs, size_t n, int json,
                       FILE *out, size_t *nclusters) {
    uint64_t *want = px_malloc((2 * n + 1) * sizeof *want);
    for (size_t i = 0; i < n; i++) {
        want[2 * i] = pairs[i].a;
        want[2 * i + 1] = pairs[i].b;
    }
    pxmpi_docs ids;
    px_result rc = pxmpi_fetch(c, s, want, 2 * n, pxmpi_pack_id, &ids);
    px_free(want);
    *nclusters = 0;
    if (rc || c->rank != 0) {
        pxmpi_docs_release(&ids);
        return rc;
    }
    px_buf b = PX_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        put_pair(&ids, &pairs[i], json, &b);
        if (b.len > 65536) {
            fwrite(b.data, 1, b.len, out);
            px_buf_clear(&b);
        }
    }
    size_t nm;
    pxmpi_rec *m = members(s, pairs, n, &nm);
    *nclusters = put_clusters(&ids, m, nm, json, out, &b);
    fwrite(b.data ? b.data : "", 1, b.len, out);
    px_buf_release(&b);
    px_free(m);
    pxmpi_docs_release(&ids);
    return PX_OK;
}
