/*
 * match.c - printing dedup and reuse results, and `ingest --match`
 * (see match.h).
 *
 * ingest --match keeps the index file beside the store (DB.pxindex, see
 * parallax/index.h): the articles the ingest stored are added to the
 * loaded index, matched against it with the default dedup and reuse
 * settings (reporting only pairs with a new article), and appended.
 * Their words come from the cleaned view as `parallax run` builds it for
 * its comparisons (docs/run.md, step 3): with the article's title and
 * outlet and the boilerplate learned over the whole store (lines that
 * recur across an outlet's stored articles), so an outlet's footer is not
 * reported as a passage its articles share.  Learning needs every stored
 * article, so the new ones are only noted during the ingest and read back
 * from the store at the end.
 */
#include <string.h> /* strlen */

#include "parallax/clean.h" /* px_boiler */

#include "cli/match.h"

/* `{"type":"TYPE","a":"A","b":"B"` of a JSON line about a pair. */
static void json_pair_head(px_buf *out, const char *type, const char *a,
                           const char *b) {
    px_buf_printf(out, "{\"type\":\"%s\",\"a\":", type);
    px_buf_json_str(out, a, strlen(a));
    px_buf_puts(out, ",\"b\":");
    px_buf_json_str(out, b, strlen(b));
}

void cli_print_dups(const px_corpus *cp, const px_dup_pair *p, size_t n,
                    int json, px_buf *out) {
    for (size_t i = 0; i < n; i++) {
        const char *a = px_corpus_id(cp, p[i].a), *b = px_corpus_id(cp, p[i].b);
        if (json) {
            json_pair_head(out, "pair", a, b);
            px_buf_printf(out,
                          ",\"jaccard\":%.4f,\"contain_ab\":%.4f,"
                          "\"contain_ba\":%.4f}\n",
                          p[i].jaccard, p[i].contain_ab, p[i].contain_ba);
        } else {
            px_buf_printf(out,
                          "%.3f\t%s\t%s\t(%.3f of a in b, %.3f of b in a)\n",
                          p[i].jaccard, a, b, p[i].contain_ab, p[i].contain_ba);
        }
        if (out->len > 65536) cli_flush(out);
    }
}

size_t cli_print_clusters(const px_corpus *cp, const px_dup_pair *pairs,
                          size_t npairs, int json, px_buf *out) {
    uint32_t *root;
    size_t nd = px_corpus_size(cp), nc = 0;
    if (px_dedup_clusters(nd, pairs, npairs, &root)) return 0;
    uint32_t *next = px_malloc((nd ? nd : 1) * sizeof *next);
    uint32_t *last = px_malloc((nd ? nd : 1) * sizeof *last);
    for (size_t i = 0; i < nd; i++) next[i] = last[i] = UINT32_MAX;
    for (size_t i = 0; i < nd; i++) { /* members linked from their root */
        uint32_t r = root[i];
        if (r == i) {
            last[i] = (uint32_t)i;
            continue;
        }
        next[last[r]] = (uint32_t)i;
        last[r] = (uint32_t)i;
    }
    for (size_t i = 0; i < nd; i++) {
        if (root[i] != i || next[i] == UINT32_MAX) continue;
        px_buf_printf(out,
                      json ? "{\"type\":\"cluster\",\"cluster\":%zu,"
                             "\"members\":["
                           : "cluster %zu:",
                      ++nc);
        for (uint32_t m = (uint32_t)i; m != UINT32_MAX; m = next[m]) {
            const char *id = px_corpus_id(cp, m);
            if (json) {
                if (m != i) px_buf_putc(out, ',');
                px_buf_json_str(out, id, strlen(id));
            } else {
                px_buf_printf(out, " %s", id);
            }
        }
        px_buf_puts(out, json ? "]}\n" : "\n");
        if (out->len > 65536) cli_flush(out);
    }
    px_free(next);
    px_free(last);
    px_free(root);
    return nc;
}

static void print_passage(const px_corpus *cp, const px_passage *p, int json,
                          px_buf *out) {
    const char *a = px_corpus_id(cp, p->a), *b = px_corpus_id(cp, p->b);
    if (!json) {
        px_buf_printf(out, "%s [%zu,%zu)\t%s [%zu,%zu)\t%u words\tsim %.3f\n",
                      a, p->a_span.start, p->a_span.end, b, p->b_span.start,
                      p->b_span.end, p->words, p->similarity);
        return;
    }
    json_pair_head(out, "passage", a, b);
    px_buf_printf(out,
                  ",\"a_span\":[%zu,%zu],\"b_span\":[%zu,%zu],\"words\":%u,"
                  "\"similarity\":%.4f}\n",
                  p->a_span.start, p->a_span.end, p->b_span.start,
                  p->b_span.end, p->words, p->similarity);
}

/* The summary line of a pair whose passages are p[0..n). */
static void print_pair(const px_corpus *cp, const px_passage *p, size_t n,
                       int json, px_buf *out) {
    const char *a = px_corpus_id(cp, p->a), *b = px_corpus_id(cp, p->b);
    double ca = px_reuse_cover(cp, p, n, p->a, p->b, p->a);
    double cb = px_reuse_cover(cp, p, n, p->a, p->b, p->b);
    if (!json) {
        px_buf_printf(out,
                      "# %s ~ %s: %zu passages, %.1f%% of a, %.1f%% of b\n", a,
                      b, n, 100 * ca, 100 * cb);
        return;
    }
    json_pair_head(out, "reuse_pair", a, b);
    px_buf_printf(out, ",\"passages\":%zu,\"a_cover\":%.4f,\"b_cover\":%.4f}\n",
                  n, ca, cb);
}

size_t cli_print_passages(const px_corpus *cp, const px_passage *ps, size_t n,
                          int json, px_buf *out) {
    size_t npairs = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && ps[j].a == ps[i].a && ps[j].b == ps[i].b)
            print_passage(cp, &ps[j++], json, out);
        print_pair(cp, ps + i, j - i, json, out);
        npairs++;
        i = j;
        if (out->len > 65536) cli_flush(out);
    }
    return npairs;
}

px_result cli_reuse_print(const char *cmd, const px_corpus *cp,
                          const px_reuse_opts *opts, int json, size_t *npass,
                          size_t *npairs) {
    px_passage *ps;
    size_t n;
    px_result rc = px_reuse_run(cp, opts, &ps, &n);
    if (rc) {
        cli_err(cmd, "reuse: %s", px_result_str(rc));
        return rc;
    }
    px_buf out = PX_BUF_INIT;
    size_t np = cli_print_passages(cp, ps, n, json, &out);
    cli_flush(&out);
    px_buf_release(&out);
    px_free(ps);
    if (npass) *npass = n;
    if (npairs) *npairs = np;
    return PX_OK;
}

/* ------------------------------------------------------- ingest --match */

struct cli_match {
    const char *cmd;
    px_store *store; /* borrowed */
    px_buf path;     /* DB.pxindex */
    px_corpus *corpus;
    uint32_t first_new;
    char **ids; /* stored by this ingest, in order */
    size_t nids, aids;
};

cli_match *cli_match_open(const char *cmd, const char *db, px_store *store) {
    cli_match *m = px_calloc(1, sizeof *m);
    m->cmd = cmd;
    m->store = store;
    px_buf_printf(&m->path, "%s.pxindex", cli_db_path(db));
    px_result rc = px_corpus_load(m->path.data, &m->corpus);
    if (rc == PX_ERR_NOTFOUND) {
        m->corpus = px_corpus_new();
    } else if (rc) {
        cli_err(cmd, "%s: cannot load the match index: %s%s", m->path.data,
                px_result_str(rc),
                rc == PX_ERR_UNSUPPORTED ? " (written by an older parallax, "
                                           "other word units: remove it to "
                                           "start a new one)"
                                         : "");
        px_buf_release(&m->path);
        px_free(m);
        return NULL;
    }
    m->first_new = (uint32_t)px_corpus_size(m->corpus);
    return m;
}

void cli_match_add(cli_match *m, const px_article *a) {
    if (m->nids == m->aids) {
        m->aids = m->aids ? 2 * m->aids : 256;
        m->ids = px_realloc(m->ids, m->aids * sizeof *m->ids);
    }
    m->ids[m->nids++] = px_strdup(a->id);
}

/* px_store_each callback: learn the lines of one article of an outlet
 * (articles without one learn nothing, as in `parallax run`). */
static int learn_one(void *ud, const px_article *a) {
    if (!a->outlet || !*a->outlet) return 0;
    return px_boiler_add(ud, a->outlet, a->text, a->text_len) != PX_OK;
}

/* Add the noted articles to the corpus, cleaned with the boilerplate
 * learned over the whole store. */
static px_result add_noted(cli_match *m) {
    px_boiler *b = px_boiler_new(NULL);
    px_result rc = px_store_each(m->store, 1, learn_one, b);
    for (size_t i = 0; i < m->nids && !rc; i++) {
        px_article *a = NULL;
        px_doc *d = NULL;
        rc = px_store_get(m->store, m->ids[i], &a);
        px_doc_opts o = {0, rc ? NULL : a->title, rc ? NULL : a->outlet, b};
        if (!rc && !px_doc_new(a->text, a->text_len, &o, &d))
            px_corpus_add(m->corpus, a->id, d, NULL);
        px_doc_free(d);
        px_article_free(a);
    }
    px_boiler_free(b);
    return rc;
}

void cli_match_free(cli_match *m) {
    if (!m) return;
    for (size_t i = 0; i < m->nids; i++) px_free(m->ids[i]);
    px_free(m->ids);
    px_corpus_free(m->corpus);
    px_buf_release(&m->path);
    px_free(m);
}

px_result cli_match_finish(cli_match *m, int json) {
    px_dedup_opts d;
    px_reuse_opts r;
    px_dedup_opts_init(&d);
    px_reuse_opts_init(&r);
    d.first_new = r.first_new = m->first_new;
    px_dup_pair *pairs = NULL;
    px_passage *ps = NULL;
    size_t np = 0, nps = 0;
    px_result rc = add_noted(m);
    if (rc) {
        cli_err(m->cmd, "store: %s", px_store_errmsg(m->store));
        cli_match_free(m);
        return rc;
    }
    rc = px_dedup_run(m->corpus, &d, &pairs, &np);
    if (!rc) rc = px_reuse_run(m->corpus, &r, &ps, &nps);
    if (!rc) {
        px_buf out = PX_BUF_INIT;
        cli_print_dups(m->corpus, pairs, np, json, &out);
        cli_print_passages(m->corpus, ps, nps, json, &out);
        cli_flush(&out);
        px_buf_release(&out);
        rc = px_index_append(m->corpus, m->path.data, &d, &r);
    }
    if (rc)
        cli_err(m->cmd, "%s: match index: %s", m->path.data, px_result_str(rc));
    px_free(pairs);
    px_free(ps);
    cli_match_free(m);
    return rc;
}
