/*
 * shingle.c - word shingles: one 64-bit hash per run of n consecutive words.
 *
 * The run's hash is a polynomial in the word hashes, H = sum w[i+j] B^(n-1-j)
 * (mod 2^64), rolled along the text at one multiply-add per word whatever n,
 * then finalised so every bit depends on every word (order-sensitive:
 * "a b" != "b a").  A document shorter than n words is one shingle of all
 * its words, so short texts still compare.
 */
#include "fingerprint/mix.h"
#include "parallax/dedup.h"

#define BASE 0x9E3779B97F4A7C15ULL

size_t px_shingle_count(size_t nwords, unsigned size) {
    if (nwords == 0 || size == 0) return 0;
    return nwords >= size ? nwords - size + 1 : 1;
}

void px_shingle_hashes(const uint32_t *words, size_t nwords, unsigned size,
                       uint64_t *out) {
    size_t n = px_shingle_count(nwords, size);
    if (!n) return;
    unsigned len = nwords < size ? (unsigned)nwords : size;
    uint64_t h = 0, top = 1; /* top = BASE^(len-1) */
    for (unsigned j = 0; j < len; j++) {
        h = h * BASE + words[j];
        if (j) top *= BASE;
    }
    out[0] = px_mix64(h + len);
    for (size_t i = 1; i < n; i++) {
        h = (h - words[i - 1] * top) * BASE + words[i + len - 1];
        out[i] = px_mix64(h + len);
    }
}
