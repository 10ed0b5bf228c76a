/*
 * radix.h - LSD radix sort of (64-bit key, 64-bit value) records by key.
 *
 * The matchers turn every "group by hash" into a sort of flat records
 * (band keys, anchors, document pairs), so one fast sort serves them all:
 * 16-bit digits, one histogram pass for all four digits, digits on which
 * every key agrees are skipped.  Stable.  Inputs under 64K records use
 * 8-bit digits, small ones insertion sort.
 */
#ifndef PX_INDEX_RADIX_H
#define PX_INDEX_RADIX_H

#include <stddef.h>
#include <stdint.h>

typedef struct px_kv {
    uint64_t key;
    uint64_t val;
} px_kv;

/* Sort a[0..n) by key; tmp must hold n records (caller-owned scratch). */
void px_radix_sort(px_kv *a, px_kv *tmp, size_t n);
/* Sort a[0..n) by (key, val): for the short runs inside one group. */
void px_kv_sort_small(px_kv *a, size_t n);

#endif /* PX_INDEX_RADIX_H */
