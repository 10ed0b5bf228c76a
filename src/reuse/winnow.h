/*
 * winnow.h - anchor selection for text reuse: winnowing over word n-grams.
 *
 * Schleimer, Wilkerson and Aiken, "Winnowing: local algorithms for
 * document fingerprinting" (SIGMOD 2003): of every window of w consecutive
 * n-gram hashes keep the minimum (the rightmost on ties), each selected
 * position once.  Any run of w + n - 1 words shared by two documents
 * shares at least one selected n-gram; the density is about 2 / (w + 1).
 */
#ifndef PX_REUSE_WINNOW_H
#define PX_REUSE_WINNOW_H

#include <stddef.h>
#include <stdint.h>

/* Select anchors of words[0..nw): n-gram hashes into hash[], their first
 * word into pos[] (both caller-owned with px_shingle_count(nw, ngram)
 * entries).  Returns the number selected.  window 1 keeps every n-gram. */
size_t px_winnow(const uint32_t *words, size_t nw, unsigned ngram,
                 unsigned window, uint64_t *hash, uint32_t *pos);

#endif /* PX_REUSE_WINNOW_H */
