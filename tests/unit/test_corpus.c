/*
 * test_corpus.c - the flat word store: words and original spans, threaded
 * building, and the file format (round trip, damaged and foreign files).
 */
#include <unistd.h> /* close, ftruncate */

#include "wordgen.h"

static void test_corpus_words_and_spans(void **state) {
    (void)state;
    const char *texts[] = {"Hello, \xC3\x9C" "ber world!", "", "one"};
    px_corpus *c = wg_corpus(texts, 3);
    assert_int_equal(px_corpus_size(c), 3);
    assert_string_equal(px_corpus_id(c, 1), "d1");
    size_t n;
    const uint32_t *w = px_corpus_words(c, 0, &n);
    assert_int_equal(n, 3);
    assert_true(w[0] != w[1]);
    px_span s = px_corpus_span(c, 0, 1, 3); /* "Über world" */
    assert_int_equal(s.start, 7);
    assert_int_equal(s.end, 18);
    px_corpus_words(c, 1, &n);
    assert_int_equal(n, 0);
    px_corpus_free(c);
    px_corpus_free(NULL);
}

static void test_corpus_add_texts(void **state) {
    (void)state;
    enum { N = 100 };
    px_buf t[N];
    const char *ids[N], *texts[N];
    size_t lens[N];
    px_result rcs[N];
    char idbuf[N][16];
    uint64_t s = 1;
    for (int i = 0; i < N; i++) {
        t[i] = (px_buf)PX_BUF_INIT;
        wg_words(&t[i], &s, 10 + i, 1000, 0, NULL);
        snprintf(idbuf[i], sizeof idbuf[i], "t%d", i);
        ids[i] = idbuf[i];
        texts[i] = t[i].data;
        lens[i] = t[i].len;
    }
    px_corpus *c = px_corpus_new();
    assert_int_equal(px_corpus_add_texts(c, N, ids, texts, lens, 2, rcs), PX_OK);
    assert_int_equal(px_corpus_size(c), N);
    for (int i = 0; i < N; i++) {
        size_t n;
        px_corpus_words(c, (uint32_t)i, &n);
        assert_int_equal(n, 10 + i); /* input order kept */
        assert_string_equal(px_corpus_id(c, (uint32_t)i), ids[i]);
        px_buf_release(&t[i]);
    }
    px_corpus_free(c);
}

static void test_corpus_file(void **state) {
    (void)state;
    const char *texts[] = {"alpha beta gamma", "", "\xCE\xB1\xCE\xB2 delta"};
    px_corpus *c = wg_corpus(texts, 3);
    char path[] = "/tmp/px_test_corpus_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(px_corpus_save(c, path), PX_OK);
    px_corpus *l;
    assert_int_equal(px_corpus_load(path, &l), PX_OK);
    assert_int_equal(px_corpus_size(l), 3);
    for (uint32_t d = 0; d < 3; d++) {
        size_t n1, n2;
        const uint32_t *w1 = px_corpus_words(c, d, &n1);
        const uint32_t *w2 = px_corpus_words(l, d, &n2);
        assert_int_equal(n1, n2);
        assert_memory_equal(w1, w2, n1 * sizeof *w1);
        assert_string_equal(px_corpus_id(c, d), px_corpus_id(l, d));
    }
    px_span s = px_corpus_span(l, 2, 0, 2);
    assert_int_equal(s.start, 0);
    assert_int_equal(s.end, 10);
    /* appending after a load keeps working */
    px_doc *d;
    assert_int_equal(px_doc_new("more", 4, NULL, &d), PX_OK);
    uint32_t no;
    assert_int_equal(px_corpus_add(l, "x", d, &no), PX_OK);
    assert_int_equal(no, 3);
    px_doc_free(d);
    px_corpus_free(l);

    /* truncated, then corrupted, then foreign */
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    assert_int_equal(ftruncate(fileno(f), 60), 0);
    fclose(f);
    assert_int_equal(px_corpus_load(path, &l), PX_ERR_PARSE);
    assert_int_equal(px_corpus_save(c, path), PX_OK);
    f = fopen(path, "r+b");
    fseek(f, 40, SEEK_SET); /* first document offset */
    fputc(0x7F, f);
    fclose(f);
    assert_int_equal(px_corpus_load(path, &l), PX_ERR_PARSE);
    f = fopen(path, "wb");
    fputs("not a corpus at all, just text", f);
    fclose(f);
    assert_int_equal(px_corpus_load(path, &l), PX_ERR_PARSE);
    remove(path);
    assert_int_equal(px_corpus_load(path, &l), PX_ERR_NOTFOUND);
    px_corpus_free(c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus_words_and_spans),
        cmocka_unit_test(test_corpus_add_texts),
        cmocka_unit_test(test_corpus_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
