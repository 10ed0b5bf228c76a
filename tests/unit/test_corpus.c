/*
 * test_corpus.c - the flat word store: words and original spans, threaded
 * building, the index file (round trip, appends, damaged and foreign
 * files) and streaming matches against a loaded index.
 */
#include <unistd.h> /* close, ftruncate */

#include "wordgen.h"

static void test_corpus_words_and_spans(void **state) {
    (void)state;
    const char *texts[] = {"Hello, \xC3\x9C"
                           "ber world!",
                           "", "one"};
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

/* Words of scripts written without spaces: a unit per Han or kana letter,
 * Thai letter trigrams (marks kept with their letter), other runs inside
 * the clause whole; spans into the original. */
static void test_corpus_unspaced_units(void **state) {
    (void)state;
    const char *texts[] = {"NHKによると12人", "NHK", "ก้าวหน้า", "㍿は",
                           "Plain words, twice: plain."};
    px_corpus *c = wg_corpus(texts, 5);
    size_t n, n1;
    const uint32_t *w = px_corpus_words(c, 0, &n);
    assert_int_equal(n, 7); /* nhk に よ る と 12 人 */
    assert_int_equal(w[0], px_corpus_words(c, 1, &n1)[0]); /* "nhk" alone */
    static const uint32_t sp0[7][2] = {{0, 3},   {3, 6},   {6, 9},  {9, 12},
                                       {12, 15}, {15, 17}, {17, 20}};
    for (size_t i = 0; i < 7; i++) {
        px_span s = px_corpus_span(c, 0, i, i + 1);
        assert_int_equal(s.start, sp0[i][0]);
        assert_int_equal(s.end, sp0[i][1]);
    }
    /* Thai: letters with their marks (ก้ | า | ว | ห | น้ | า), their
     * overlapping trigrams: ก้าว, าวห, วหน้, หน้า */
    px_corpus_words(c, 2, &n);
    assert_int_equal(n, 4);
    assert_int_equal(px_corpus_span(c, 2, 0, 1).start, 0);
    assert_int_equal(px_corpus_span(c, 2, 0, 1).end, 12);
    assert_int_equal(px_corpus_span(c, 2, 1, 2).start, 6);
    assert_int_equal(px_corpus_span(c, 2, 1, 2).end, 15);
    assert_int_equal(px_corpus_span(c, 2, 3, 4).start, 12);
    assert_int_equal(px_corpus_span(c, 2, 3, 4).end, 24);
    assert_int_equal(px_corpus_span(c, 2, 0, 4).end, 24);
    /* one original letter normalised into four (株式会社): one unit */
    px_corpus_words(c, 3, &n);
    assert_int_equal(n, 2);
    assert_int_equal(px_corpus_span(c, 3, 0, 1).end, 3);
    assert_int_equal(px_corpus_span(c, 3, 1, 2).start, 3);
    /* Latin: the px_doc tokens as they are */
    px_doc *d;
    assert_int_equal(px_doc_new(texts[4], strlen(texts[4]), NULL, &d), PX_OK);
    const px_token *t = px_doc_tokens(d, &n1);
    w = px_corpus_words(c, 4, &n);
    assert_int_equal(n, n1);
    for (size_t i = 0; i < n; i++) assert_int_equal(w[i], (uint32_t)t[i].hash);
    px_doc_free(d);
    px_corpus_free(c);
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
    assert_int_equal(px_corpus_add_texts(c, N, ids, texts, lens, 2, rcs),
                     PX_OK);
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

/* A temporary file name (the file itself removed). */
static void tmp_path(char *path) {
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    remove(path);
}

static void test_corpus_file(void **state) {
    (void)state;
    const char *texts[] = {"alpha beta gamma", "", "\xCE\xB1\xCE\xB2 delta"};
    px_corpus *c = wg_corpus(texts, 3);
    char path[] = "/tmp/px_test_corpus_XXXXXX";
    tmp_path(path);
    assert_int_equal(px_index_append(c, path, NULL, NULL), PX_OK);
    px_corpus *l;
    assert_int_equal(px_corpus_load(path, &l), PX_OK);
    assert_int_equal(px_corpus_size(l), 3);
    for (uint32_t d = 0; d < 3; d++) {
        size_t n1, n2;
        const uint32_t *w1 = px_corpus_words(c, d, &n1);
        const uint32_t *w2 = px_corpus_words(l, d, &n2);
        assert_int_equal(n1, n2);
        if (n1) assert_memory_equal(w1, w2, n1 * sizeof *w1);
        assert_string_equal(px_corpus_id(c, d), px_corpus_id(l, d));
    }
    px_span s = px_corpus_span(l, 2, 0, 2);
    assert_int_equal(s.start, 0);
    assert_int_equal(s.end, 10);
    /* append after a load: a second segment, numbers continue */
    px_doc *d;
    assert_int_equal(px_doc_new("more", 4, NULL, &d), PX_OK);
    uint32_t no;
    assert_int_equal(px_corpus_add(l, "x", d, &no), PX_OK);
    assert_int_equal(no, 3);
    px_doc_free(d);
    assert_int_equal(px_index_append(l, path, NULL, NULL), PX_OK);
    px_corpus_free(l);
    assert_int_equal(px_corpus_load(path, &l), PX_OK);
    assert_int_equal(px_corpus_size(l), 4);
    assert_string_equal(px_corpus_id(l, 3), "x");
    assert_string_equal(px_corpus_id(l, 2), "d2");
    px_corpus_free(l);

    /* truncated, then corrupted, then foreign, then missing */
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    assert_int_equal(ftruncate(fileno(f), 100), 0);
    fclose(f);
    assert_int_equal(px_corpus_load(path, &l), PX_ERR_PARSE);
    remove(path);
    assert_int_equal(px_index_append(c, path, NULL, NULL), PX_OK);
    f = fopen(path, "r+b");
    fseek(f, 80, SEEK_SET); /* first document offset of the segment */
    fputc(0x7F, f);
    fclose(f);
    assert_int_equal(px_corpus_load(path, &l), PX_ERR_PARSE);
    remove(path); /* an older format version (other word units) */
    assert_int_equal(px_index_append(c, path, NULL, NULL), PX_OK);
    f = fopen(path, "r+b");
    fseek(f, 8, SEEK_SET);
    fputc(2, f);
    fclose(f);
    assert_int_equal(px_corpus_load(path, &l), PX_ERR_UNSUPPORTED);
    f = fopen(path, "wb");
    fputs("not a corpus at all, just text", f);
    fclose(f);
    assert_int_equal(px_corpus_load(path, &l), PX_ERR_PARSE);
    remove(path);
    assert_int_equal(px_corpus_load(path, &l), PX_ERR_NOTFOUND);
    px_corpus_free(c);
}

/* Matching new documents against a loaded index gives the batch result
 * restricted to pairs with a new document, with stored keys (same
 * parameters) and without (other parameters). */
static void test_index_streaming(void **state) {
    (void)state;
    enum { N = 30, OLD = 20 };
    px_buf t[N];
    const char *texts[N];
    uint64_t s = 5;
    for (int i = 0; i < N; i++) {
        uint64_t c1 = 100 + i % 10; /* doc i and i+10, i+20: near copies */
        t[i] = (px_buf)PX_BUF_INIT;
        wg_words(&t[i], &s, 200, 3000, 0, &c1);
        wg_words(&t[i], &s, 5, 3000, 0, NULL); /* J about 0.95 */
        texts[i] = t[i].data;
    }
    px_corpus *all = wg_corpus(texts, N), *old = wg_corpus(texts, OLD);
    char path[] = "/tmp/px_test_index_XXXXXX";
    tmp_path(path);
    assert_int_equal(px_index_append(old, path, NULL, NULL), PX_OK);
    px_corpus *l;
    assert_int_equal(px_corpus_load(path, &l), PX_OK);
    for (int i = OLD; i < N; i++) {
        px_doc *d;
        assert_int_equal(px_doc_new(texts[i], strlen(texts[i]), NULL, &d),
                         PX_OK);
        assert_int_equal(px_corpus_add(l, "n", d, NULL), PX_OK);
        px_doc_free(d);
    }
    for (int variant = 0; variant < 2; variant++) {
        px_dedup_opts o;
        px_dedup_opts_init(&o);
        o.threshold = variant ? 0.5 : 0.8; /* 0.5: keys not stored */
        px_dup_pair *pb, *ps;
        size_t nb, ns;
        assert_int_equal(px_dedup_run(all, &o, &pb, &nb), PX_OK);
        o.first_new = OLD;
        assert_int_equal(px_dedup_run(l, &o, &ps, &ns), PX_OK);
        size_t k = 0;
        for (size_t i = 0; i < nb; i++) {
            if (pb[i].b < OLD) continue;
            assert_true(k < ns);
            assert_int_equal(pb[i].a, ps[k].a);
            assert_int_equal(pb[i].b, ps[k].b);
            k++;
        }
        assert_int_equal(k, ns);
        assert_true(ns >= 10);
        px_free(pb);
        px_free(ps);

        px_reuse_opts r;
        px_reuse_opts_init(&r);
        r.min_words = variant ? 20 : 15;
        px_passage *qb, *qs;
        assert_int_equal(px_reuse_run(all, &r, &qb, &nb), PX_OK);
        r.first_new = OLD;
        assert_int_equal(px_reuse_run(l, &r, &qs, &ns), PX_OK);
        k = 0;
        for (size_t i = 0; i < nb; i++) {
            if (qb[i].b < OLD) continue;
            assert_true(k < ns);
            assert_int_equal(qb[i].a, qs[k].a);
            assert_int_equal(qb[i].a_span.start, qs[k].a_span.start);
            assert_int_equal(qb[i].b_span.end, qs[k].b_span.end);
            k++;
        }
        assert_int_equal(k, ns);
        assert_true(ns >= 10);
        px_free(qb);
        px_free(qs);
    }
    px_corpus_free(l);
    px_corpus_free(all);
    px_corpus_free(old);
    remove(path);
    for (int i = 0; i < N; i++) px_buf_release(&t[i]);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus_words_and_spans),
        cmocka_unit_test(test_corpus_unspaced_units),
        cmocka_unit_test(test_corpus_add_texts),
        cmocka_unit_test(test_corpus_file),
        cmocka_unit_test(test_index_streaming),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
