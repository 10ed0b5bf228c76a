/*
 * swar.h - "SIMD within a register": tests and transforms on 8 bytes held
 * in a uint64_t, for the ASCII fast paths of the cleaner and doc views.
 *
 * Conventions: a result mask has 0x80 in each byte that matched.  range8
 * needs bytes below 0x80 (callers check `w & PX_SWAR_HIGH` first); eq8 may
 * also mark a byte right above a marked one (a borrow), so callers use it
 * only where a false "yes" merely loses a fast path.
 */
#ifndef PX_CLEAN_SWAR_H
#define PX_CLEAN_SWAR_H

#include <stdint.h>
#include <string.h> /* memcpy */

#define PX_SWAR_ONES 0x0101010101010101ull
#define PX_SWAR_HIGH 0x8080808080808080ull

static inline uint64_t px_swar_load(const unsigned char *s) {
    uint64_t w;
    memcpy(&w, s, 8);
    return w;
}

/* Bytes of w (all < 0x80) within [lo, hi]. */
static inline uint64_t px_swar_range(uint64_t w, unsigned char lo,
                                     unsigned char hi) {
    return (w + PX_SWAR_ONES * (0x80u - lo)) &
           ~(w + PX_SWAR_ONES * (0x7Fu - hi)) & PX_SWAR_HIGH;
}

/* Bytes of w equal to b (see the note on borrows above). */
static inline uint64_t px_swar_eq(uint64_t w, unsigned char b) {
    uint64_t x = w ^ (PX_SWAR_ONES * b);
    return (x - PX_SWAR_ONES) & ~x & PX_SWAR_HIGH;
}

/* 1 if every byte of w is printable ASCII or a space (0x20..0x7E): exact,
 * as a borrow or carry only starts at a byte out of range. */
static inline int px_swar_printable(uint64_t w) {
    return !(((w - PX_SWAR_ONES * 0x20) | (w + PX_SWAR_ONES) | w) &
             PX_SWAR_HIGH);
}

#endif /* PX_CLEAN_SWAR_H */
