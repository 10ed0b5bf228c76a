/*
 * minhash.c - one-permutation MinHash with optimal densification.
 *
 * Each shingle hash is re-mixed with the seed; its top 32 bits choose a bin
 * (multiply-shift onto [0, k)) and its low 32 bits are the value that
 * competes for the bin's minimum: one hash and one compare per shingle,
 * whatever k.  Bins no shingle fell into are filled as in Shrivastava,
 * "Optimal Densification for Fast and Accurate Minwise Hashing" (ICML
 * 2017): empty bin i probes bins r = h(i, 1), h(i, 2), ... (a fixed random
 * sequence per bin, the same in every document) and copies the first
 * non-empty one.  For two sets, P[sig_a[i] == sig_b[i]] is their Jaccard.
 */
#include <string.h> /* memset */

#include "fingerprint/mix.h"
#include "parallax/dedup.h"

#define EMPTY 0xFFFFFFFFu

/* Probe sequence of bin i, attempt t: a bin in [0, k). */
static unsigned probe(uint64_t seed, unsigned i, unsigned t, unsigned k) {
    uint64_t h = px_mix64(seed ^ ((uint64_t)i << 32 | t));
    return (unsigned)(((h >> 32) * k) >> 32);
}

static void densify(uint32_t *sig, const uint8_t *full, unsigned k,
                    uint64_t seed) {
    for (unsigned i = 0; i < k; i++) {
        if (full[i]) continue;
        for (unsigned t = 1;; t++) {
            unsigned r = probe(seed, i, t, k);
            if (full[r]) {
                sig[i] = sig[r];
                break;
            }
        }
    }
}

px_result px_minhash_sign(const uint64_t *shingles, size_t n, unsigned k,
                          uint64_t seed, uint32_t *sig) {
    if (k == 0 || k > PX_MINHASH_K_MAX) return PX_ERR_INVALID;
    uint8_t full[PX_MINHASH_K_MAX];
    memset(full, 0, k);
    for (unsigned i = 0; i < k; i++) sig[i] = EMPTY;
    if (n == 0) return PX_ERR_EMPTY;
    uint64_t s = px_mix64(seed);
    for (size_t j = 0; j < n; j++) {
        uint64_t h = px_mix64(shingles[j] ^ s);
        unsigned bin = (unsigned)(((h >> 32) * k) >> 32);
        uint32_t v = (uint32_t)h;
        if (v < sig[bin] || !full[bin]) sig[bin] = v;
        full[bin] = 1;
    }
    densify(sig, full, k, s);
    return PX_OK;
}

double px_minhash_jaccard(const uint32_t *a, const uint32_t *b, unsigned k) {
    if (k == 0) return 0.0;
    unsigned eq = 0;
    for (unsigned i = 0; i < k; i++) eq += a[i] == b[i];
    return (double)eq / k;
}
