/*
 * shingle.c - word shingles: one 64-bit hash per run of n consecutive words.
 *
 * The run is folded multiplicatively (order-sensitive: "a b" != "b a") and
 * then finalised, at n multiply-adds per shingle.  A document shorter than
 * n words is one shingle of all its words, so short texts still compare.
 */
#include "fingerprint/mix.h"
#include "parallax/dedup.h"

#define FOLD 0x9E3779B97F4A7C15ULL

size_t px_shingle_count(size_t nwords, unsigned size) {
    if (nwords == 0 || size == 0) return 0;
    return nwords >= size ? nwords - size + 1 : 1;
}

void px_shingle_hashes(const uint32_t *words, size_t nwords, unsigned size,
                       uint64_t *out) {
    size_t n = px_shingle_count(nwords, size);
    unsigned len = nwords < size ? (unsigned)nwords : size;
    for (size_t i = 0; i < n; i++) {
        uint64_t h = len;
        for (unsigned j = 0; j < len; j++) h = (h + words[i + j]) * FOLD;
        out[i] = px_mix64(h);
    }
}
