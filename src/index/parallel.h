/*
 * parallel.h - a minimal parallel for-loop over [0, n) with pthreads.
 *
 * Work is handed out in chunks from an atomic counter, so uneven items
 * (one 10 MB article among short ones) balance themselves.  fn gets the
 * worker number (0 .. threads-1) to index per-thread scratch.  With one
 * thread (or n small) everything runs in the calling thread.
 */
#ifndef PX_INDEX_PARALLEL_H
#define PX_INDEX_PARALLEL_H

#include <stddef.h>

typedef void (*px_range_fn)(void *ud, size_t from, size_t to, unsigned tid);

/* Number of threads to use for a request (0 = online cores, capped). */
unsigned px_threads(unsigned requested);
/* Run fn over [0, n) in chunks of `chunk` items on `threads` threads. */
void px_parallel_for(unsigned threads, size_t n, size_t chunk, px_range_fn fn,
                     void *ud);

#endif /* PX_INDEX_PARALLEL_H */
