/*
 * test_dedup.c - shingles, one-permutation MinHash, LSH parameters and the
 * dedup pipeline (pairs, containment, clusters, edge-case documents).
 */
#include <math.h>

#include "wordgen.h"

static void test_shingle_count(void **state) {
    (void)state;
    assert_int_equal(px_shingle_count(0, 5), 0);
    assert_int_equal(px_shingle_count(1, 5), 1);
    assert_int_equal(px_shingle_count(4, 5), 1);
    assert_int_equal(px_shingle_count(5, 5), 1);
    assert_int_equal(px_shingle_count(12, 5), 8);
    uint32_t w[6] = {1, 2, 3, 1, 2, 3};
    uint64_t h[4];
    px_shingle_hashes(w, 6, 3, h);
    assert_true(h[0] == h[3]); /* same words, same hash */
    assert_true(h[0] != h[1] && h[1] != h[2]);
    uint32_t r[3] = {3, 2, 1};
    uint64_t hr;
    px_shingle_hashes(r, 3, 3, &hr);
    assert_true(hr != h[0]); /* order matters */
}

/* Two sets of n shingles sharing `shared`: estimate close to the truth. */
static void test_minhash_estimate(void **state) {
    (void)state;
    enum { N = 2000, K = 256 };
    static uint64_t a[N], b[N];
    uint64_t s = 42;
    size_t shared = 1200; /* J = 1200 / 2800 */
    for (size_t i = 0; i < N; i++) {
        a[i] = wg_next(&s);
        b[i] = i < shared ? a[i] : wg_next(&s);
    }
    uint32_t sa[K], sb[K];
    assert_int_equal(px_minhash_sign(a, N, K, 7, sa), PX_OK);
    assert_int_equal(px_minhash_sign(b, N, K, 7, sb), PX_OK);
    double j = px_minhash_jaccard(sa, sb, K);
    assert_true(fabs(j - 1200.0 / 2800.0) < 0.1);
    /* identical sets in another order: identical signatures */
    for (size_t i = 0; i < N; i++) b[i] = a[N - 1 - i];
    assert_int_equal(px_minhash_sign(b, N, K, 7, sb), PX_OK);
    assert_true(px_minhash_jaccard(sa, sb, K) == 1.0);
    /* another seed, another family */
    assert_int_equal(px_minhash_sign(a, N, K, 8, sb), PX_OK);
    assert_true(px_minhash_jaccard(sa, sb, K) < 0.1);
}

/* Few shingles: densification fills every bin from the non-empty ones. */
static void test_minhash_densify(void **state) {
    (void)state;
    uint64_t one = 12345, two[2] = {12345, 999};
    uint32_t s1[128], s2[128];
    assert_int_equal(px_minhash_sign(&one, 1, 128, 1, s1), PX_OK);
    for (int i = 1; i < 128; i++) assert_true(s1[i] == s1[0]);
    assert_int_equal(px_minhash_sign(two, 2, 128, 1, s2), PX_OK);
    double j = px_minhash_jaccard(s1, s2, 128);
    assert_true(j > 0.2 && j < 0.8); /* true J = 0.5 */
    assert_int_equal(px_minhash_sign(two, 0, 128, 1, s2), PX_ERR_EMPTY);
    assert_int_equal(px_minhash_sign(two, 2, 0, 1, s2), PX_ERR_INVALID);
    assert_int_equal(px_minhash_sign(two, 2, PX_MINHASH_K_MAX + 1, 1, s2),
                     PX_ERR_INVALID);
}

static void test_lsh_params(void **state) {
    (void)state;
    const double ts[] = {0.3, 0.5, 0.8, 0.9, 1.0};
    for (size_t i = 0; i < sizeof ts / sizeof ts[0]; i++) {
        unsigned b, r;
        assert_int_equal(px_lsh_params(ts[i], 128, &b, &r), PX_OK);
        assert_true(b * r <= 128 && b >= 1 && r >= 1);
        assert_true(px_lsh_prob(ts[i], b, r) >= 0.99);
        assert_true(px_lsh_prob(ts[i] / 3, b, r) < 0.5);
    }
    unsigned b, r;
    assert_int_equal(px_lsh_params(0, 128, &b, &r), PX_ERR_INVALID);
    assert_int_equal(px_lsh_params(1.5, 128, &b, &r), PX_ERR_INVALID);
    assert_int_equal(px_lsh_params(0.8, 0, &b, &r), PX_ERR_INVALID);
}

/* Run dedup at threshold t over texts; returns pairs (caller frees). */
static px_dup_pair *dedup(const char *const *texts, size_t n, double t,
                          size_t *np) {
    px_corpus *c = wg_corpus(texts, n);
    px_dedup_opts o;
    px_dedup_opts_init(&o);
    o.threshold = t;
    px_dup_pair *p;
    assert_int_equal(px_dedup_run(c, &o, &p, np), PX_OK);
    px_corpus_free(c);
    return p;
}

/* Identical, empty, one-word and shorter-than-n documents. */
static void test_dedup_edge_documents(void **state) {
    (void)state;
    const char *texts[] = {"The talks in Moscow are regarded as one of the "
                           "highest-level meetings.",
                           "The talks in Moscow are regarded as one of the "
                           "highest-level meetings.",
                           "",
                           "",
                           "Moscow",
                           "Moscow",
                           "Kyiv",
                           "two words",
                           "two words",
                           "two other"};
    size_t np;
    px_dup_pair *p = dedup(texts, 10, 0.8, &np);
    assert_int_equal(np, 3); /* 0-1, 4-5, 7-8; empties never pair */
    assert_int_equal(p[0].a, 0);
    assert_int_equal(p[0].b, 1);
    assert_true(p[0].jaccard == 1.0 && p[0].contain_ab == 1.0);
    assert_int_equal(p[1].a, 4);
    assert_int_equal(p[1].b, 5);
    assert_int_equal(p[2].a, 7);
    assert_int_equal(p[2].b, 8);
    px_free(p);
}

/* A document that is the first half of another: contained, low Jaccard. */
static void test_dedup_containment(void **state) {
    (void)state;
    px_buf a = PX_BUF_INIT, b = PX_BUF_INIT;
    uint64_t s = 1, copy = 99, copy2 = 99;
    wg_words(&a, &s, 300, 5000, 0, &copy);
    wg_words(&b, &s, 300, 5000, 0, &copy2);
    wg_words(&b, &s, 30, 5000, 0, NULL); /* b = a + 30 words */
    const char *texts[] = {a.data, b.data};
    size_t np;
    px_dup_pair *p = dedup(texts, 2, 0.8, &np);
    assert_int_equal(np, 1);
    assert_true(p[0].contain_ab == 1.0);
    assert_true(p[0].contain_ba > 0.85 && p[0].contain_ba < 0.95);
    assert_true(fabs(p[0].jaccard - p[0].contain_ba) < 1e-9);
    px_free(p);
    px_buf_release(&a);
    px_buf_release(&b);
}

/* Planted near-duplicates at J ~ 0.9 are found; unrelated texts are not. */
static void test_dedup_recall(void **state) {
    (void)state;
    enum { N = 40 };
    px_buf t[N];
    const char *texts[N];
    uint64_t s = 7;
    for (int i = 0; i < N; i += 2) {
        uint64_t c1 = 1000 + i, c2 = 1000 + i;
        t[i] = (px_buf)PX_BUF_INIT;
        t[i + 1] = (px_buf)PX_BUF_INIT;
        wg_words(&t[i], &s, 400, 20000, 0, &c1);
        wg_words(&t[i + 1], &s, 400, 20000, 0, &c2);
        px_buf_puts(&t[i + 1], " tail word"); /* J = 396/398 */
        texts[i] = t[i].data;
        texts[i + 1] = t[i + 1].data;
    }
    size_t np;
    px_dup_pair *p = dedup(texts, N, 0.8, &np);
    assert_int_equal(np, N / 2);
    for (size_t i = 0; i < np; i++) {
        assert_int_equal(p[i].a, 2 * i);
        assert_int_equal(p[i].b, 2 * i + 1);
    }
    px_free(p);
    for (int i = 0; i < N; i++) px_buf_release(&t[i]);
}

/* Non-Latin scripts: the same Arabic / Cyrillic / CJK-spaced text pairs. */
static void test_dedup_non_latin(void **state) {
    (void)state;
    const char *texts[] = {
        "\xD9\x85\xD9\x88\xD8\xB3\xD9\x83\xD9\x88 "
        "\xD9\x83\xD9\x8A\xD9\x8A\xD9\x81 "
        "\xD8\xA7\xD9\x84\xD8\xAD\xD8\xB1\xD8\xA8 "
        "\xD8\xA7\xD9\x84\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 "
        "\xD8\xA7\xD9\x84\xD9\x8A\xD9\x88\xD9\x85 \xD9\x81\xD9\x8A",
        "\xD9\x85\xD9\x88\xD8\xB3\xD9\x83\xD9\x88 "
        "\xD9\x83\xD9\x8A\xD9\x8A\xD9\x81 "
        "\xD8\xA7\xD9\x84\xD8\xAD\xD8\xB1\xD8\xA8 "
        "\xD8\xA7\xD9\x84\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 "
        "\xD8\xA7\xD9\x84\xD9\x8A\xD9\x88\xD9\x85 \xD9\x81\xD9\x8A",
        "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 "
        "\xD0\x9A\xD0\xB8\xD0\xB5\xD0\xB2 "
        "\xD0\xB2\xD0\xBE\xD0\xB9\xD0\xBD\xD0\xB0 \xD0\xBC\xD0\xB8\xD1\x80 "
        "\xD1\x81\xD0\xB5\xD0\xB3\xD0\xBE\xD0\xB4\xD0\xBD\xD1\x8F",
        "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 "
        "\xD0\xBA\xD0\xB8\xD0\xB5\xD0\xB2 "
        "\xD0\xB2\xD0\xBE\xD0\xB9\xD0\xBD\xD0\xB0 \xD0\xBC\xD0\xB8\xD1\x80 "
        "\xD1\x81\xD0\xB5\xD0\xB3\xD0\xBE\xD0\xB4\xD0\xBD\xD1\x8F",
    };
    size_t np;
    px_dup_pair *p = dedup(texts, 4, 0.8, &np);
    assert_int_equal(np, 2); /* Arabic pair; Cyrillic pair (case folded) */
    assert_int_equal(p[0].a, 0);
    assert_int_equal(p[1].a, 2);
    px_free(p);
}

static void test_dedup_clusters_and_first_new(void **state) {
    (void)state;
    px_dup_pair pairs[] = {{3, 5, 1, 1, 1}, {1, 3, 1, 1, 1}, {0, 2, 1, 1, 1}};
    uint32_t *root;
    assert_int_equal(px_dedup_clusters(6, pairs, 3, &root), PX_OK);
    uint32_t want[] = {0, 1, 0, 1, 4, 1};
    for (int i = 0; i < 6; i++) assert_int_equal(root[i], want[i]);
    px_free(root);
    assert_int_equal(px_dedup_clusters(2, pairs, 1, &root), PX_ERR_INVALID);

    const char *texts[] = {"a b c d e f g", "a b c d e f g", "a b c d e f g"};
    px_corpus *c = wg_corpus(texts, 3);
    px_dedup_opts o;
    px_dedup_opts_init(&o);
    o.first_new = 2; /* documents 0 and 1 were seen before */
    px_dup_pair *p;
    size_t np;
    assert_int_equal(px_dedup_run(c, &o, &p, &np), PX_OK);
    assert_int_equal(np, 2);
    assert_int_equal(p[0].b, 2);
    assert_int_equal(p[1].b, 2);
    px_free(p);
    o.shingle = 0;
    assert_int_equal(px_dedup_run(c, &o, &p, &np), PX_ERR_INVALID);
    px_corpus_free(c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shingle_count),
        cmocka_unit_test(test_minhash_estimate),
        cmocka_unit_test(test_minhash_densify),
        cmocka_unit_test(test_lsh_params),
        cmocka_unit_test(test_dedup_edge_documents),
        cmocka_unit_test(test_dedup_containment),
        cmocka_unit_test(test_dedup_recall),
        cmocka_unit_test(test_dedup_non_latin),
        cmocka_unit_test(test_dedup_clusters_and_first_new),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
