/*
 * persist.c - px_index_append (parallax/index.h): compute the match keys
 * of the articles added since the load and append them as one segment.
 */
#include "index/dedup_int.h"
#include "parallax/index.h"
#include "reuse/reuse_int.h"

px_result px_index_append(const px_corpus *c, const char *path,
                          const px_dedup_opts *d, const px_reuse_opts *r) {
    px_dedup_opts dopt;
    px_reuse_opts ropt;
    if (d)
        dopt = *d;
    else
        px_dedup_opts_init(&dopt);
    if (r)
        ropt = *r;
    else
        px_reuse_opts_init(&ropt);
    unsigned bands, rows;
    px_result rc = px_dedup_banding(&dopt, &bands, &rows);
    if (rc) return rc;
    px_range tail = {px_corpus_nbase(c), px_corpus_size(c)};
    px_seg_keys bk = {NULL, 0, px_dedup_params(&dopt, bands, rows)};
    px_seg_keys ak = {NULL, 0, px_reuse_params(&ropt)};
    px_kv *b = px_dedup_keys(c, &dopt, bands, rows, &tail, 1, &bk.n);
    px_kv *a = px_reuse_anchors(c, &ropt, &tail, 1, &ak.n);
    bk.v = b;
    ak.v = a;
    rc = px_corpus_append(c, path, &bk, &ak);
    px_free(b);
    px_free(a);
    return rc;
}
