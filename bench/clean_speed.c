/*
 * clean_speed.c - throughput of px_doc_new (clean + norm + tokens).
 *
 * usage: clean_speed FILE.jsonl MB THREADS [noclean|cleaner]
 *
 * Loads the "text" field of every JSON line, then builds and frees a
 * px_doc for each text, cycling over the set until MB megabytes (10^6
 * bytes) of text have been processed, split across THREADS threads.
 * Prints one tab-separated line:
 *   bytes  threads  wall_s  cpu_s  MB/s(wall)  MB/s per CPU-second
 * The per-CPU-second figure is the per-core speed even on a loaded,
 * shared machine; wall MB/s shows the parallel total.  "noclean" sets
 * px_doc_opts.no_clean to time normalising and tokenising alone;
 * "cleaner" times the cleaner's rules alone (px_clean_run, internal).
 */
#include <jansson.h> /* json_loads */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h> /* clock_gettime */

#include "clean/clean_int.h" /* px_clean_run: the "cleaner" mode */
#include "parallax.h"

typedef struct corpus {
    char **text;
    size_t *len;
    size_t n, total;
} corpus;

typedef struct job {
    const corpus *c;
    size_t first, target; /* start index, bytes to process */
    int mode;             /* 0 full, 1 noclean, 2 cleaner alone */
    size_t done;
    double cpu;
} job;

static int load(const char *path, corpus *c) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    char *line = NULL;
    size_t cap = 0, acap = 0;
    ssize_t k;
    while ((k = getline(&line, &cap, f)) > 0) {
        json_t *o = json_loadb(line, (size_t)k, 0, NULL);
        json_t *t = o ? json_object_get(o, "text") : NULL;
        if (json_is_string(t) && json_string_length(t)) {
            if (c->n == acap) {
                acap = acap ? 2 * acap : 256;
                c->text = px_realloc(c->text, acap * sizeof *c->text);
                c->len = px_realloc(c->len, acap * sizeof *c->len);
            }
            c->len[c->n] = json_string_length(t);
            c->text[c->n] = px_strndup(json_string_value(t), c->len[c->n]);
            c->total += c->len[c->n++];
        }
        json_decref(o);
    }
    free(line);
    fclose(f);
    return c->n ? 0 : -1;
}

static double now(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void one(const job *j, size_t k) {
    px_doc_opts o = {j->mode == 1, NULL, NULL, NULL};
    if (j->mode == 2) {
        px_clean_out out;
        memset(&out, 0, sizeof out);
        if (px_clean_run(j->c->text[k], j->c->len[k], NULL, &out)) abort();
        px_clean_out_release(&out);
        return;
    }
    px_doc *d;
    if (px_doc_new(j->c->text[k], j->c->len[k], &o, &d)) abort();
    px_doc_free(d);
}

static void *run(void *arg) {
    job *j = arg;
    double t0 = now(CLOCK_THREAD_CPUTIME_ID);
    for (size_t i = j->first; j->done < j->target; i++) {
        size_t k = i % j->c->n;
        one(j, k);
        j->done += j->c->len[k];
    }
    j->cpu = now(CLOCK_THREAD_CPUTIME_ID) - t0;
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr,
                "usage: clean_speed FILE.jsonl MB THREADS [noclean|cleaner]\n");
        return 2;
    }
    corpus c = {0};
    if (load(argv[1], &c)) {
        fprintf(stderr, "clean_speed: %s: no texts\n", argv[1]);
        return 1;
    }
    size_t target = (size_t)(atof(argv[2]) * 1e6);
    int nt = atoi(argv[3]);
    if (nt < 1 || nt > 64) nt = 1;
    int mode = argc < 5                      ? 0
               : !strcmp(argv[4], "noclean") ? 1
               : !strcmp(argv[4], "cleaner") ? 2
                                             : 0;
    job jobs[64];
    pthread_t th[64];
    double t0 = now(CLOCK_MONOTONIC), cpu = 0;
    size_t done = 0;
    for (int i = 0; i < nt; i++) {
        jobs[i] = (job){
            &c, (size_t)i * c.n / (size_t)nt, target / (size_t)nt, mode, 0, 0};
        pthread_create(&th[i], NULL, run, &jobs[i]);
    }
    for (int i = 0; i < nt; i++) {
        pthread_join(th[i], NULL);
        done += jobs[i].done;
        cpu += jobs[i].cpu;
    }
    double wall = now(CLOCK_MONOTONIC) - t0;
    printf("%zu\t%d\t%.2f\t%.2f\t%.1f\t%.1f\n", done, nt, wall, cpu,
           (double)done / 1e6 / wall, (double)done / 1e6 / cpu);
    for (size_t i = 0; i < c.n; i++) px_free(c.text[i]);
    px_free(c.text);
    px_free(c.len);
    return 0;
}
