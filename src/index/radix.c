/*
 * radix.c - LSD radix sort on 16-bit digits (see radix.h).
 */
#include <string.h> /* memcpy */

#include "index/radix.h"
#include "parallax/core.h"

#define DIGITS  4
#define BUCKETS 65536
#define SMALL   64

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

void px_radix_sort(px_kv *a, px_kv *tmp, size_t n) {
    if (n <= SMALL) {
        sort_by_key_small(a, n);
        return;
    }
    size_t *count = px_calloc((size_t)DIGITS * BUCKETS, sizeof *count);
    for (size_t i = 0; i < n; i++)
        for (int d = 0; d < DIGITS; d++)
            count[d * BUCKETS + ((a[i].key >> (16 * d)) & 0xFFFF)]++;
    px_kv *src = a, *dst = tmp;
    for (int d = 0; d < DIGITS; d++) {
        size_t *c = count + (size_t)d * BUCKETS;
        if (c[(a[0].key >> (16 * d)) & 0xFFFF] == n) continue; /* all equal */
        size_t sum = 0;
        for (size_t b = 0; b < BUCKETS; b++) {
            size_t k = c[b];
            c[b] = sum;
            sum += k;
        }
        for (size_t i = 0; i < n; i++)
            dst[c[(src[i].key >> (16 * d)) & 0xFFFF]++] = src[i];
        px_kv *t = src;
        src = dst;
        dst = t;
    }
    if (src != a) memcpy(a, src, n * sizeof *a);
    px_free(count);
}
