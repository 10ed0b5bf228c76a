/*
 * mix.h - the 64-bit finaliser (splitmix64 / murmur3 fmix) used to turn
 * combined word hashes into well-spread shingle, bin and band hashes.
 */
#ifndef PX_FINGERPRINT_MIX_H
#define PX_FINGERPRINT_MIX_H

#include <stdint.h>

static inline uint64_t px_mix64(uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

#endif /* PX_FINGERPRINT_MIX_H */
