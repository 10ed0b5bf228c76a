/*
 * test_reuse.c - winnowing anchors, passage chaining/extension and the
 * corpus-scale reuse run: edited passages, passages at the very start and
 * end, identical, empty and one-word documents, non-Latin scripts, 10 MB
 * documents, original byte offsets, the anchors dropped for max_df.
 */
#include "reuse/winnow.h"
#include "wordgen.h"

/* Passages between two texts through px_reuse_pair. */
static px_passage *pair(const char *a, const char *b, unsigned min_words,
                        size_t *n) {
    px_doc *da, *db;
    assert_int_equal(px_doc_new(a, strlen(a), NULL, &da), PX_OK);
    assert_int_equal(px_doc_new(b, strlen(b), NULL, &db), PX_OK);
    px_reuse_opts o;
    px_reuse_opts_init(&o);
    o.min_words = min_words;
    px_passage *p;
    assert_int_equal(px_reuse_pair(da, db, &o, &p, n), PX_OK);
    px_doc_free(da);
    px_doc_free(db);
    return p;
}

/* Share of [s0, e0) covered by [s1, e1). */
static double overlap(size_t s0, size_t e0, size_t s1, size_t e1) {
    size_t lo = s0 > s1 ? s0 : s1, hi = e0 < e1 ? e0 : e1;
    return hi > lo ? (double)(hi - lo) / (double)(e0 - s0) : 0;
}

static void test_winnow_guarantee(void **state) {
    (void)state;
    uint32_t w[200];
    uint64_t s = 3, h[200];
    uint32_t pos[200];
    for (int i = 0; i < 200; i++) w[i] = (uint32_t)wg_next(&s);
    size_t n = px_winnow(w, 200, 4, 6, h, pos);
    assert_true(n > 200 / 8 && n < 200 / 2); /* density about 2/(w+1) */
    for (size_t i = 1; i < n; i++) assert_true(pos[i] > pos[i - 1]);
    /* every window of 6 n-grams holds a selected position */
    for (uint32_t start = 0; start + 6 <= 197; start++) {
        int seen = 0;
        for (size_t i = 0; i < n; i++)
            seen |= pos[i] >= start && pos[i] < start + 6;
        assert_true(seen);
    }
    assert_int_equal(px_winnow(w, 200, 4, 1, h, pos), 197);
    assert_int_equal(px_winnow(w, 0, 4, 6, h, pos), 0);
    assert_int_equal(px_winnow(w, 3, 4, 6, h, pos), 1);
}

/* A passage at the very start of a and the very end of b, edited at 10%. */
static void test_reuse_start_and_end(void **state) {
    (void)state;
    px_buf a = PX_BUF_INIT, b = PX_BUF_INIT;
    uint64_t s = 11, c1 = 500, c2 = 500;
    wg_words(&a, &s, 80, 5000, 0, &c1);
    size_t a_end = a.len;
    wg_words(&a, &s, 100, 5000, 0, NULL);
    wg_words(&b, &s, 120, 5000, 0, NULL);
    px_buf_putc(&b, ' ');
    size_t b_start = b.len;
    wg_words(&b, &s, 80, 5000, 10, &c2);
    size_t np;
    px_passage *p = pair(a.data, b.data, 15, &np);
    assert_int_equal(np, 1);
    assert_int_equal(p[0].a_span.start, 0);
    assert_int_equal(p[0].b_span.end, b.len);
    assert_true(overlap(0, a_end, p[0].a_span.start, p[0].a_span.end) >= 0.95);
    assert_true(overlap(b_start, b.len, p[0].b_span.start, p[0].b_span.end) >=
                0.95);
    assert_true(p[0].similarity > 0.8 && p[0].similarity < 1.0);
    px_free(p);
    px_buf_release(&a);
    px_buf_release(&b);
}

/* Passages edited at 16% (10% substitutions here, as whole-word changes)
 * inside unrelated text are found with >= 80% overlap. */
static void test_reuse_edited_passages(void **state) {
    (void)state;
    int found = 0;
    for (uint64_t seed = 1; seed <= 20; seed++) {
        px_buf a = PX_BUF_INIT, b = PX_BUF_INIT;
        uint64_t s = seed, c1 = seed * 77, c2 = seed * 77;
        wg_words(&a, &s, 150, 20000, 0, NULL);
        size_t as = a.len + 1;
        wg_words(&a, &s, 60, 20000, 0, &c1);
        size_t ae = a.len;
        wg_words(&a, &s, 150, 20000, 0, NULL);
        wg_words(&b, &s, 90, 20000, 0, NULL);
        size_t bs = b.len + 1;
        wg_words(&b, &s, 60, 20000, 16, &c2);
        size_t be = b.len;
        wg_words(&b, &s, 90, 20000, 0, NULL);
        size_t np;
        px_passage *p = pair(a.data, b.data, 15, &np);
        for (size_t i = 0; i < np; i++)
            found +=
                overlap(as, ae, p[i].a_span.start, p[i].a_span.end) >= 0.8 &&
                overlap(bs, be, p[i].b_span.start, p[i].b_span.end) >= 0.8;
        assert_true(np <= 1);
        px_free(p);
        px_buf_release(&a);
        px_buf_release(&b);
    }
    assert_true(found >= 19);
}

static void test_reuse_identical_empty_short(void **state) {
    (void)state;
    px_buf a = PX_BUF_INIT;
    uint64_t s = 5;
    wg_words(&a, &s, 300, 5000, 0, NULL);
    size_t np;
    px_passage *p = pair(a.data, a.data, 15, &np);
    assert_int_equal(np, 1);
    assert_int_equal(p[0].a_span.start, 0);
    assert_int_equal(p[0].a_span.end, a.len);
    assert_int_equal(p[0].words, 300);
    assert_true(p[0].similarity == 1.0);
    px_free(p);
    p = pair("", a.data, 1, &np);
    assert_int_equal(np, 0);
    px_free(p);
    p = pair("word", "word", 1, &np); /* one word: shorter than the n-gram */
    assert_int_equal(np, 1);
    assert_int_equal(p[0].words, 1);
    px_free(p);
    p = pair("", "", 1, &np);
    assert_int_equal(np, 0);
    px_free(p);
    px_buf_release(&a);
}

/* Cyrillic and Greek: multi-byte words, offsets in original bytes. */
static void test_reuse_non_latin(void **state) {
    (void)state;
    const char *shared =
        "\xD0\xB2\xD1\x81\xD1\x82\xD1\x80\xD0\xB5\xD1\x87\xD0\xB0 "
        "\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD\xD0\xB0 \xD0\xB8 "
        "\xD0\xA3\xD0\xB8\xD1\x82\xD0\xBA\xD0\xBE\xD1\x84\xD0\xB0 "
        "\xD1\x81\xD0\xBE\xD1\x81\xD1\x82\xD0\xBE\xD0\xB8\xD1\x82\xD1\x81\xD1"
        "\x8F "
        "\xD0\xB2\xD0\xBE "
        "\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80\xD0\xBD\xD0\xB8\xD0\xBA";
    px_buf a = PX_BUF_INIT, b = PX_BUF_INIT;
    px_buf_puts(&a,
                "\xCE\xB7 "
                "\xCF\x83\xCF\x85\xCE\xBD\xCE\xAC\xCE\xBD\xCF\x84\xCE\xB7\xCF"
                "\x83\xCE\xB7 "
                "\xCE\xB8\xCE\xB1 \xCE\xB3\xCE\xAF\xCE\xBD\xCE\xB5\xCE\xB9. ");
    size_t as = a.len;
    px_buf_puts(&a, shared);
    px_buf_puts(&b,
                "\xD0\x9A\xD1\x80\xD0\xB5\xD0\xBC\xD0\xBB\xD1\x8C "
                "\xD1\x81\xD0\xBE\xD0\xBE\xD0\xB1\xD1\x89\xD0\xB8\xD0\xBB: ");
    size_t bs = b.len;
    px_buf_puts(&b, shared);
    px_buf_puts(&b,
                " \xCE\xBA\xCE\xB1\xCE\xB9 \xCE\xAC\xCE\xBB\xCE\xBB\xCE\xB1.");
    size_t np;
    px_passage *p = pair(a.data, b.data, 5, &np);
    assert_int_equal(np, 1);
    assert_int_equal(p[0].a_span.start, as);
    assert_int_equal(p[0].a_span.end, a.len);
    assert_int_equal(p[0].b_span.start, bs);
    assert_int_equal(p[0].b_span.end, bs + strlen(shared));
    assert_int_equal(p[0].words, 7);
    px_free(p);
    px_buf_release(&a);
    px_buf_release(&b);
}

/* Two 10 MB documents sharing one 200-word passage in the middle. */
static void test_reuse_10mb(void **state) {
    (void)state;
    px_buf a = PX_BUF_INIT, b = PX_BUF_INIT;
    uint64_t s = 99, c1 = 4242, c2 = 4242;
    while (a.len < (5u << 20)) wg_words(&a, &s, 1000, 1u << 20, 0, NULL);
    size_t as = a.len + 1;
    wg_words(&a, &s, 200, 1u << 20, 0, &c1);
    size_t ae = a.len;
    while (a.len < (10u << 20)) wg_words(&a, &s, 1000, 1u << 20, 0, NULL);
    while (b.len < (3u << 20)) wg_words(&b, &s, 1000, 1u << 20, 0, NULL);
    size_t bs = b.len + 1;
    wg_words(&b, &s, 200, 1u << 20, 0, &c2);
    while (b.len < (10u << 20)) wg_words(&b, &s, 1000, 1u << 20, 0, NULL);
    size_t np;
    px_passage *p = pair(a.data, b.data, 15, &np);
    assert_int_equal(np, 1);
    assert_int_equal(p[0].a_span.start, as);
    assert_int_equal(p[0].a_span.end, ae);
    assert_int_equal(p[0].b_span.start, bs);
    assert_int_equal(p[0].words, 200);
    px_free(p);
    px_buf_release(&a);
    px_buf_release(&b);
}

/* One word repeated 200,000 times in both texts: every anchor is the same,
 * which must not turn into 10^10 hits (the call returns promptly). */
static void test_reuse_degenerate_repetition(void **state) {
    (void)state;
    px_buf a = PX_BUF_INIT;
    for (int i = 0; i < 200000; i++) px_buf_puts(&a, "spam ");
    size_t np;
    px_passage *p = pair(a.data, a.data, 15, &np);
    assert_true(np <= 1);
    px_free(p);
    px_buf_release(&a);
}

/* Corpus run: only pairs with new documents; stock phrases over max_df
 * are ignored; coverage of each side. */
static void test_reuse_corpus(void **state) {
    (void)state;
    enum { N = 6 };
    px_buf t[N];
    const char *texts[N];
    uint64_t s = 17;
    for (int i = 0; i < N; i++) {
        uint64_t c = 31337; /* the same 40 words in every document */
        t[i] = (px_buf)PX_BUF_INIT;
        wg_words(&t[i], &s, 40, 5000, 0, NULL);
        wg_words(&t[i], &s, 40, 5000, 0, &c);
        wg_words(&t[i], &s, 40, 5000, 0, NULL);
        texts[i] = t[i].data;
    }
    px_corpus *c = wg_corpus(texts, N);
    px_reuse_opts o;
    px_reuse_opts_init(&o);
    px_passage *p;
    size_t n;
    assert_int_equal(px_reuse_run(c, &o, &p, &n), PX_OK);
    assert_int_equal(n, N * (N - 1) / 2);
    for (size_t i = 0; i < n; i++) {
        assert_true(p[i].words == 40);
        assert_true(p[i].a < p[i].b);
        double ca = px_reuse_cover(c, p, n, p[i].a, p[i].b, p[i].a);
        assert_true(ca > 0.33 && ca < 0.34);
    }
    px_free(p);
    o.first_new = N - 1;
    assert_int_equal(px_reuse_run(c, &o, &p, &n), PX_OK);
    assert_int_equal(n, N - 1);
    for (size_t i = 0; i < n; i++) assert_int_equal(p[i].b, N - 1);
    px_free(p);
    o.first_new = 0;
    o.max_df = N - 1; /* the phrase is in N documents: a stock phrase */
    o.window = 1;     /* (every n-gram, so none escapes at its edges) */
    assert_int_equal(px_reuse_run(c, &o, &p, &n), PX_OK);
    assert_int_equal(n, 0);
    px_free(p);
    o.ngram = 0;
    assert_int_equal(px_reuse_run(c, &o, &p, &n), PX_ERR_INVALID);
    px_corpus_free(c);
    for (int i = 0; i < N; i++) px_buf_release(&t[i]);
}

/* The anchors dropped for max_df, reported by px_reuse_run_frequent: a
 * passage in 150 documents and another in 3 (with max_df 100): the
 * passages are those of px_reuse_run (the 3 documents' pairs only), each
 * holder of the first passage lists at most PX_REUSE_FREQUENT_PER_DOC of
 * its anchors, the same ones in every document (the smallest hashes),
 * with 150 holders, sorted by (key, doc).  A phrase repeated within few
 * documents is not reported. */
static void test_reuse_frequent(void **state) {
    (void)state;
    enum { N = 150 };
    px_buf t[N];
    const char *texts[N];
    uint64_t s = 23;
    for (int i = 0; i < N; i++) {
        uint64_t c = 4242, c2 = 777;
        t[i] = (px_buf)PX_BUF_INIT;
        /* own words from a vocabulary large enough that no two
         * documents share one by chance next to the shared text */
        wg_words(&t[i], &s, 30, 1u << 30, 0, NULL);
        wg_words(&t[i], &s, 120, 5000, 0, &c); /* the wire text */
        if (i < 3) wg_words(&t[i], &s, 40, 5000, 0, &c2);
        wg_words(&t[i], &s, 30, 1u << 30, 0, NULL);
        texts[i] = t[i].data;
    }
    px_corpus *c = wg_corpus(texts, N);
    px_reuse_opts o;
    px_reuse_opts_init(&o);
    o.window = 1; /* every n-gram: none of the wire's escapes at its edges */
    px_passage *p, *p2;
    px_reuse_frequent *f;
    size_t n, n2, nf;
    assert_int_equal(px_reuse_run_frequent(c, &o, &p, &n, &f, &nf), PX_OK);
    assert_int_equal(px_reuse_run(c, &o, &p2, &n2), PX_OK);
    assert_int_equal(n, 3); /* the pairs of the 3 documents */
    assert_int_equal(n2, n);
    assert_memory_equal(p, p2, n * sizeof *p);
    assert_int_equal(nf, (size_t)N * PX_REUSE_FREQUENT_PER_DOC);
    for (size_t i = 0; i < nf; i++) {
        assert_int_equal(f[i].docs, N);
        assert_true(f[i].doc < N);
        if (i)
            assert_true(f[i].key > f[i - 1].key ||
                        (f[i].key == f[i - 1].key && f[i].doc > f[i - 1].doc));
    }
    /* the same PX_REUSE_FREQUENT_PER_DOC anchors, each held by all */
    for (size_t i = 0; i < nf; i += N)
        for (size_t k = 0; k < N; k++) {
            assert_int_equal(f[i + k].key, f[i].key);
            assert_int_equal(f[i + k].doc, k);
        }
    px_free(p);
    px_free(p2);
    px_free(f);
    px_corpus_free(c);
    for (int i = 0; i < N; i++) px_buf_release(&t[i]);
    /* a phrase repeated 25 times in each of 5 documents: 125 occurrences
     * but 5 documents, so not reported */
    for (int i = 0; i < 5; i++) {
        t[i] = (px_buf)PX_BUF_INIT;
        for (int k = 0; k < 25; k++) {
            uint64_t r = 99;
            wg_words(&t[i], &s, 12, 5000, 0, &r);
        }
        texts[i] = t[i].data;
    }
    c = wg_corpus(texts, 5);
    assert_int_equal(px_reuse_run_frequent(c, &o, &p, &n, &f, &nf), PX_OK);
    assert_int_equal(nf, 0);
    px_free(p);
    px_free(f);
    px_corpus_free(c);
    for (int i = 0; i < 5; i++) px_buf_release(&t[i]);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_winnow_guarantee),
        cmocka_unit_test(test_reuse_start_and_end),
        cmocka_unit_test(test_reuse_edited_passages),
        cmocka_unit_test(test_reuse_identical_empty_short),
        cmocka_unit_test(test_reuse_non_latin),
        cmocka_unit_test(test_reuse_10mb),
        cmocka_unit_test(test_reuse_degenerate_repetition),
        cmocka_unit_test(test_reuse_corpus),
        cmocka_unit_test(test_reuse_frequent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
