/*
 * parallel.c - chunked parallel for-loop (see parallel.h).
 */
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h> /* sysconf */

#include "index/parallel.h"
#include "parallax/core.h"

#define MAX_THREADS 64

typedef struct job {
    px_range_fn fn;
    void *ud;
    size_t n, chunk;
    atomic_size_t next;
} job;

typedef struct worker {
    job *j;
    unsigned tid;
} worker;

unsigned px_threads(unsigned requested) {
    if (requested) return requested > MAX_THREADS ? MAX_THREADS : requested;
    long c = sysconf(_SC_NPROCESSORS_ONLN);
    return c < 1 ? 1 : c > MAX_THREADS ? MAX_THREADS : (unsigned)c;
}

static void *run(void *arg) {
    worker *w = arg;
    job *j = w->j;
    for (;;) {
        size_t from = atomic_fetch_add(&j->next, j->chunk);
        if (from >= j->n) break;
        size_t to = from + j->chunk < j->n ? from + j->chunk : j->n;
        j->fn(j->ud, from, to, w->tid);
    }
    return NULL;
}

void px_parallel_for(unsigned threads, size_t n, size_t chunk, px_range_fn fn,
                     void *ud) {
    if (!chunk) chunk = 1;
    if (threads > MAX_THREADS) threads = MAX_THREADS;
    if (threads <= 1 || n <= chunk) {
        if (n) fn(ud, 0, n, 0);
        return;
    }
    job j = {fn, ud, n, chunk, 0};
    pthread_t th[MAX_THREADS];
    worker w[MAX_THREADS];
    unsigned started = 0;
    for (unsigned t = 1; t < threads; t++) {
        w[t] = (worker){&j, t};
        if (pthread_create(&th[t], NULL, run, &w[t]) != 0) break;
        started = t;
    }
    w[0] = (worker){&j, 0};
    run(&w[0]);
    for (unsigned t = 1; t <= started; t++) pthread_join(th[t], NULL);
}
