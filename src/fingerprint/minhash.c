/*
 * minhash.c - one-permutation MinHash with optimal densification.
 *
 * Each (already well mixed) shingle hash is xor-ed with the seed and
 * multiplied by an odd constant, a bijection of 64-bit values: the top 32
 * bits of the product choose a bin (multiply-shift onto [0, k)) and its low
 * 32 bits are the value that competes for the bin's minimum.  One multiply
 * and one compare per shingle, whatever k.  Bins no shingle fell into are
 * filled as in Shrivastava, "Optimal Densification for Fast and Accurate
 * Minwise Hashing" (ICML 2017): empty bin i probes bins r = h(i, 1), h(i, 2),
 * ... (a fixed random sequence per bin, the same in every document) and copies
 * the first non-empty one.  For two sets, P[sig_a[i] == sig_b[i]] is their
 * Jaccard.
 */
#include "fingerprint/mix.h"
#include "parallax/dedup.h"

#define EMPTY  0xFFFFFFFFu
#define SPREAD 0xD6E8FEB86659FD93ULL /* odd */

/* Probe sequence of bin i, attempt t: a bin in [0, k). */
static unsigned probe(uint64_t seed, unsigned i, unsigned t, unsigned k) {
    uint64_t h = px_mix64(seed ^ ((uint64_t)i << 32 | t));
    return (unsigned)(((h >> 32) * k) >> 32);
}

/* Fill the empty bins (still EMPTY: a bin whose true minimum is exactly
 * 0xFFFFFFFF counts as empty too, the same way in every document). */
static void densify(uint32_t *sig, unsigned k, uint64_t seed) {
    uint8_t full[PX_MINHASH_K_MAX];
    for (unsigned i = 0; i < k; i++) full[i] = sig[i] != EMPTY;
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
    for (unsigned i = 0; i < k; i++) sig[i] = EMPTY;
    if (n == 0) return PX_ERR_EMPTY;
    uint64_t s = px_mix64(seed);
    for (size_t j = 0; j < n; j++) {
        uint64_t h = (shingles[j] ^ s) * SPREAD;
        unsigned bin = (unsigned)(((h >> 32) * k) >> 32);
        uint32_t v = (uint32_t)h, old = sig[bin];
        sig[bin] = v < old ? v : old;
    }
    for (unsigned i = 0; i < k; i++)
        if (sig[i] != EMPTY) {
            densify(sig, k, s);
            return PX_OK;
        }
    return PX_ERR_EMPTY; /* unreachable in practice: all values were ~0 */
}

double px_minhash_jaccard(const uint32_t *a, const uint32_t *b, unsigned k) {
    if (k == 0) return 0.0;
    unsigned eq = 0;
    for (unsigned i = 0; i < k; i++) eq += a[i] == b[i];
    return (double)eq / k;
}
