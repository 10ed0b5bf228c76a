/*
 * winnow.c - winnowing over word n-gram hashes (see winnow.h).
 *
 * The n-gram hashes are the dedup shingle hashes, computed into the output
 * array and compacted in place: a selected position is always at or after
 * the slot it is written to, so no scratch memory is needed.  The minimum
 * of each window is tracked incrementally and rescanned only when it
 * leaves the window (window <= 64, so a rescan is short).
 */
#include "parallax/dedup.h"
#include "reuse/winnow.h"

/* Rightmost minimum of h[from..to). */
static size_t window_min(const uint64_t *h, size_t from, size_t to) {
    size_t m = from;
    for (size_t i = from + 1; i < to; i++)
        if (h[i] <= h[m]) m = i;
    return m;
}

size_t px_winnow(const uint32_t *words, size_t nw, unsigned ngram,
                 unsigned window, uint64_t *hash, uint32_t *pos) {
    size_t ng = px_shingle_count(nw, ngram);
    px_shingle_hashes(words, nw, ngram, hash);
    if (window <= 1 || ng <= window) {
        size_t keep = window <= 1 ? ng : (ng ? 1 : 0);
        size_t m = window <= 1 ? 0 : window_min(hash, 0, ng);
        for (size_t i = 0; i < keep; i++) {
            hash[i] = hash[m + i];
            pos[i] = (uint32_t)(m + i);
        }
        return keep;
    }
    size_t n = 0, m = window_min(hash, 0, window), last = (size_t)-1;
    for (size_t s = 0; s + window <= ng; s++) {
        size_t e = s + window - 1; /* newest n-gram of the window */
        if (m < s)
            m = window_min(hash, s, e + 1);
        else if (hash[e] <= hash[m])
            m = e;
        if (m != last) {
            uint64_t h = hash[m];
            hash[n] = h;
            pos[n++] = (uint32_t)m;
            last = m;
        }
    }
    return n;
}
