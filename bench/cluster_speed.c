/*
 * cluster_speed.c - speed of the clustering step on synthetic 500-word
 * articles.
 *
 *   cluster_speed N [WORDS]
 *
 * Generates N articles of WORDS words (default 500) in memory: Zipf-like
 * background words from a 30,000-word vocabulary, plus, for events of ~8
 * articles each, a handful of capitalised names, numbers and a date shared
 * by the event.  Times, on one core: the whole step from text (doc views,
 * features, clustering) and clustering alone (features computed ahead).
 * Prints one table row per phase.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parallax.h"
#include "synth.h"

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); /* per core */
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void row(const char *phase, size_t n, double sec) {
    printf("%-28s %9zu %9.2f %12.0f\n", phase, n, sec, (double)n / sec * 60);
}

int main(int argc, char **argv) {
    size_t n = argc > 1 ? (size_t)atol(argv[1]) : 20000;
    size_t words = argc > 2 ? (size_t)atol(argv[2]) : 500;
    rng r = {42};
    char **texts = malloc(n * sizeof *texts);
    for (size_t i = 0; i < n; i++) texts[i] = synth_article(&r, i / 8, words);
    px_stemmer *st = px_stemmer_new("en");
    px_cluster_feats **fs = malloc(n * sizeof *fs);
    px_clusterer *c = NULL;
    px_clusterer_new(NULL, &c);
    char id[32];
    double t0 = now();
    for (size_t i = 0; i < n; i++) {
        px_doc *d = NULL;
        px_doc_new(texts[i], strlen(texts[i]), NULL, &d);
        px_cluster_feats_new(d, NULL, st, NULL, &fs[i]);
        snprintf(id, sizeof id, "a%zu", i);
        px_clusterer_add(c, id, fs[i], PX_TIME_NONE, NULL, 0, NULL);
        px_doc_free(d);
    }
    px_clusterer_settle(c);
    double t1 = now();
    size_t nst = px_clusterer_nstories(c);
    px_clusterer_free(c);
    px_clusterer_new(NULL, &c);
    double t2 = now();
    for (size_t i = 0; i < n; i++) {
        snprintf(id, sizeof id, "a%zu", i);
        px_clusterer_add(c, id, fs[i], PX_TIME_NONE, NULL, 0, NULL);
    }
    px_clusterer_settle(c);
    double t3 = now();
    printf("%-28s %9s %9s %12s\n", "phase (1 core)", "articles", "cpu s",
           "articles/min");
    row("text -> doc+features+story", n, t1 - t0);
    row("features -> story", n, t3 - t2);
    printf("stories: %zu (synthetic events: %zu)\n", nst, (n + 7) / 8);
    for (size_t i = 0; i < n; i++) {
        free(texts[i]);
        px_cluster_feats_free(fs[i]);
    }
    free(texts);
    free(fs);
    px_clusterer_free(c);
    px_stemmer_free(st);
    return 0;
}
