/*
 * fuzz_cluster.c - libFuzzer target for the clustering features and the
 * clusterer: the input is split at NUL bytes into articles (the first line
 * of each doubles as its title); every article is featurised and added.
 * Invariants: each article gets a story, the same text added twice joins
 * the story of its first copy when it has features, and story counts stay
 * within the article count.
 */
#include <stdio.h>  /* snprintf */
#include <stdlib.h> /* abort */
#include <string.h> /* memchr */

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void add_twice(px_clusterer *c, px_stemmer *st, const char *text,
                      size_t len, size_t k) {
    px_doc *d = NULL;
    if (px_doc_new(text, len, NULL, &d)) return;
    char title[64], id[32];
    size_t tl = 0;
    while (tl < len && tl < sizeof title - 1 && text[tl] != '\n' && text[tl])
        title[tl] = text[tl], tl++;
    title[tl] = 0;
    px_cluster_feats *f = NULL;
    if (px_cluster_feats_new(d, title, st, NULL, &f)) abort();
    px_cluster_result r1, r2;
    snprintf(id, sizeof id, "a%zu", k);
    if (px_clusterer_add(c, id, f, PX_TIME_NONE, NULL, 0, &r1)) abort();
    snprintf(id, sizeof id, "b%zu", k);
    size_t prev = r1.seq;
    if (px_clusterer_add(c, id, f, PX_TIME_NONE, &prev, 1, &r2)) abort();
    if (px_cluster_feats_count(f) &&
        px_clusterer_story_of(c, r1.seq) != px_clusterer_story_of(c, r2.seq))
        abort();
    px_cluster_feats_free(f);
    px_doc_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    px_stemmer *st = px_stemmer_new("en");
    px_clusterer *c = NULL;
    if (px_clusterer_new(NULL, &c)) abort();
    const char *p = (const char *)data, *end = p + size;
    for (size_t k = 0; p < end && k < 64; k++) {
        const char *z = memchr(p, 0, (size_t)(end - p));
        size_t len = z ? (size_t)(z - p) : (size_t)(end - p);
        add_twice(c, st, p, len, k);
        p += len + 1;
    }
    if (px_clusterer_nstories(c) > px_clusterer_count(c)) abort();
    char sid[PX_CLUSTER_ID_LEN];
    for (size_t i = 0; i < px_clusterer_count(c); i++)
        if (px_clusterer_story_id(c, i, sid)) abort();
    px_clusterer_free(c);
    px_stemmer_free(st);
    return 0;
}
