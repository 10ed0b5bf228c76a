/*
 * test_radix.c - the record sort behind dedup and reuse: sorted by key and
 * stable (equal keys keep their order) at every size class (insertion,
 * 8-bit and 16-bit digits), also when every key agrees on some digits.
 */
#include "testutil.h"

#include "index/radix.h"

static uint64_t next(uint64_t *s) { /* xorshift64* */
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 0x2545F4914F6CDD1DULL;
}

/* Sort n records whose keys take few values spread over all digits,
 * or (narrow) differ only in the low 12 bits; val is the input order. */
static void check(size_t n, int narrow) {
    px_kv *a = malloc((n ? n : 1) * sizeof *a);
    px_kv *tmp = malloc((n ? n : 1) * sizeof *tmp);
    uint64_t s = 0x9E3779B97F4A7C15ULL ^ n;
    for (size_t i = 0; i < n; i++) {
        uint64_t r = next(&s);
        uint64_t k = narrow ? 0xABCD000000000000ULL | (r & 0xFFF)
                            : (r % 97) * 0x0101010101010101ULL;
        a[i] = (px_kv){k, i};
    }
    px_radix_sort(a, tmp, n);
    for (size_t i = 1; i < n; i++) {
        assert_true(a[i - 1].key <= a[i].key);
        if (a[i - 1].key == a[i].key) assert_true(a[i - 1].val < a[i].val);
    }
    uint8_t *seen = calloc(n ? n : 1, 1); /* a permutation of the input */
    for (size_t i = 0; i < n; i++) {
        assert_true(a[i].val < n && !seen[a[i].val]);
        seen[a[i].val] = 1;
    }
    free(seen);
    free(a);
    free(tmp);
}

static void test_radix_sizes(void **state) {
    (void)state;
    const size_t sizes[] = {0, 1, 2, 64, 65, 1000, 65535, 65536, 200000};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        check(sizes[i], 0);
        check(sizes[i], 1);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_radix_sizes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
