/*
 * corpus_in.c - inputs of dedup/reuse into a corpus (see corpus_in.h).
 *
 * Articles are read in batches; each batch is cleaned and tokenised by
 * worker threads (px_corpus_add_texts) while keeping input order, then
 * the articles are freed: only the compact word arrays stay in memory.
 */
#include <stdlib.h> /* strtod */

#include "cli/corpus_in.h"

#define BATCH 1024

typedef struct batch {
    px_article *art[BATCH];
    const char *ids[BATCH], *texts[BATCH];
    size_t lens[BATCH];
    px_result rcs[BATCH];
    size_t n;
} batch;

static px_result batch_flush(const char *cmd, batch *b, unsigned threads,
                             cli_corpus *cc) {
    px_result rc = px_corpus_add_texts(cc->corpus, b->n, b->ids, b->texts,
                                       b->lens, threads, b->rcs);
    for (size_t i = 0; i < b->n; i++) {
        if (b->rcs[i]) {
            cli_err(cmd, "%s: %s",
                    b->art[i]->origin ? b->art[i]->origin : b->ids[i],
                    px_result_str(b->rcs[i]));
            cc->nbad++;
        }
        px_article_free(b->art[i]);
    }
    b->n = 0;
    return rc;
}

static px_result load_index(const char *cmd, const char *index,
                            cli_corpus *cc) {
    px_result rc = index ? px_corpus_load(index, &cc->corpus) : PX_ERR_NOTFOUND;
    if (rc == PX_ERR_NOTFOUND) {
        cc->corpus = px_corpus_new();
        return PX_OK;
    }
    if (rc) cli_err(cmd, "%s: cannot load index: %s", index, px_result_str(rc));
    return rc;
}

px_result cli_corpus_read(const char *cmd, char *const *args, int nargs,
                          const char *index, const char *db, unsigned threads,
                          cli_corpus *out) {
    cli_corpus cc = {NULL, 0, 0};
    px_result rc = load_index(cmd, index, &cc);
    if (rc) return rc;
    cc.first_new = (uint32_t)px_corpus_size(cc.corpus);
    cli_input *in;
    rc = cli_input_open(cmd, args, nargs, db, &in);
    if (rc) {
        px_corpus_free(cc.corpus);
        return rc;
    }
    batch *b = px_calloc(1, sizeof *b);
    px_article *a;
    while (!rc && (a = cli_input_next(in))) {
        b->art[b->n] = a;
        b->ids[b->n] = a->id;
        b->texts[b->n] = a->text ? a->text : "";
        b->lens[b->n++] = a->text_len;
        if (b->n == BATCH) rc = batch_flush(cmd, b, threads, &cc);
    }
    if (!rc) rc = batch_flush(cmd, b, threads, &cc);
    if (rc) cli_err(cmd, "corpus: %s", px_result_str(rc));
    cc.nbad += cli_input_nerrors(in);
    cli_input_free(in);
    px_free(b);
    *out = cc;
    return rc;
}

px_result cli_corpus_finish(const char *cmd, const char *index,
                            const px_dedup_opts *d, const px_reuse_opts *r,
                            cli_corpus *cc) {
    px_result rc = index ? px_index_append(cc->corpus, index, d, r) : PX_OK;
    if (rc) cli_err(cmd, "%s: cannot save index: %s", index, px_result_str(rc));
    px_corpus_free(cc->corpus);
    cc->corpus = NULL;
    return rc;
}

int cli_num(const char *s, double lo, double hi, double *out) {
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end || !(v >= lo && v <= hi)) return -1;
    *out = v;
    return 0;
}
