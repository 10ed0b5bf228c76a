/*
 * radix.c - LSD radix sort on 16-bit digits, 8-bit ones for inputs too
 * short to repay clearing 2 MB of counters (see radix.h).
 */
#include <string.h> /* memcpy */

#include "index/radix.h"
#include "parallax/core.h"

#define SMALL  64
#define MEDIUM 65536 /* below: 8-bit digits */

void px_kv_sort_small(px_kv *a, size_t n) {
    for (size_t i = 1; i < n; i++) {
        px_kv x = a[i];
        size_t j = i;
        while (j > 0 && (a[j - 1].key > x.key ||
                         (a[j - 1].key == x.key && a[j - 1].val > x.val))) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = x;
    }
}

static void sort_by_key_small(px_kv *a, size_t n) {
    for (size_t i = 1; i < n; i++) {
        px_kv x = a[i];
        size_t j = i;
        while (j > 0 && a[j - 1].key > x.key) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = x;
    }
}

/* LSD passes over digits of `bits` bits; count: (64 / bits) << bits
 * zeroed counters. */
static void lsd(px_kv *a, px_kv *tmp, size_t n, unsigned bits, size_t *count) {
    const unsigned digits = 64 / bits;
    const size_t buckets = (size_t)1 << bits, mask = buckets - 1;
    for (size_t i = 0; i < n; i++)
        for (unsigned d = 0; d < digits; d++)
            count[d * buckets + ((a[i].key >> (bits * d)) & mask)]++;
    px_kv *src = a, *dst = tmp;
    for (unsigned d = 0; d < digits; d++) {
        size_t *c = count + d * buckets;
        if (c[(a[0].key >> (bits * d)) & mask] == n) continue; /* all equal */
        size_t sum = 0;
        for (size_t b = 0; b < buckets; b++) {
            size_t k = c[b];
            c[b] = sum;
            sum += k;
        }
        for (size_t i = 0; i < n; i++)
            dst[c[(src[i].key >> (bits * d)) & mask]++] = src[i];
        px_kv *t = src;
        src = dst;
        dst = t;
    }
    if (src != a) memcpy(a, src, n * sizeof *a);
}

void px_radix_sort(px_kv *a, px_kv *tmp, size_t n) {
    if (n <= SMALL) {
        sort_by_key_small(a, n);
        return;
    }
    if (n < MEDIUM) { /* 8-bit digits: no 2 MB of counters to clear */
        size_t count[8 * 256] = {0};
        lsd(a, tmp, n, 8, count);
        return;
    }
    size_t *count = px_calloc((size_t)4 << 16, sizeof *count);
    lsd(a, tmp, n, 16, count);
    px_free(count);
}
