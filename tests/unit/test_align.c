/*
 * test_align.c - sentence alignment, word diff, direction and the views:
 * identical, disjoint and empty articles, reordered paragraphs, a split
 * sentence, word changes, publication times, JSON that parses, HTML with
 * caller marks, and a 10 MB article with bounded memory.
 */
#include <jansson.h>
#include <sys/resource.h> /* getrusage */

#include "testutil.h"

static const char P1[] =
    "Kremlin spokesperson Dmitry Peskov told reporters that the meeting "
    "with Putin will take place in the second half of the day. ";
static const char P2[] =
    "Putin has repeatedly stated that he is ready for peace talks. "
    "Russian forces now control more than 19% of Ukraine. ";
static const char P3[] =
    "U.S. officials say more than 1.2 million people have been killed or "
    "wounded in the war. Neither side has disclosed casualty numbers.";
static const char OTHER[] =
    "The city council approved a new budget for public libraries. "
    "Volunteers planted three hundred trees along the river bank. "
    "A local bakery won the regional bread competition.";

typedef struct fixture {
    px_doc *d[2];
    px_article *a[2];
    px_align *al;
} fixture;

static px_align *align_texts(fixture *f, const char *x, const char *y) {
    const char *t[2] = {x, y};
    for (int i = 0; i < 2; i++) {
        f->a[i] = px_article_new();
        px_article_set_text(f->a[i], t[i], strlen(t[i]));
        assert_int_equal(px_doc_new(f->a[i]->text, f->a[i]->text_len, NULL,
                                    &f->d[i]),
                         PX_OK);
    }
    assert_int_equal(px_align_docs(f->d[0], f->a[0], f->d[1], f->a[1], NULL,
                                   &f->al),
                     PX_OK);
    return f->al;
}

static void fixture_release(fixture *f) {
    px_align_free(f->al);
    for (int i = 0; i < 2; i++) {
        px_doc_free(f->d[i]);
        px_article_free(f->a[i]);
    }
    memset(f, 0, sizeof *f);
}

static char *cat3(const char *x, const char *y, const char *z) {
    px_buf b = PX_BUF_INIT;
    px_buf_puts(&b, x);
    px_buf_puts(&b, "\n\n");
    px_buf_puts(&b, y);
    px_buf_puts(&b, "\n\n");
    px_buf_puts(&b, z);
    return px_buf_detach(&b, NULL);
}

/* Text of a pair's first sentence on a side. */
static int pair_side_has(const px_align *al, const px_align_pair *p, int side,
                         const char *needle) {
    size_t n;
    const px_sent *s = px_align_side_sents(px_align_get_side(al, side), &n);
    const char *t = px_doc_orig(px_align_side_doc(px_align_get_side(al, side)), NULL);
    const uint32_t *v = side ? p->b_sents : p->a_sents;
    uint32_t k = side ? p->b_n : p->a_n;
    for (uint32_t i = 0; i < k; i++)
        if (memmem(t + s[v[i]].span.start, s[v[i]].span.end - s[v[i]].span.start,
                   needle, strlen(needle)))
            return 1;
    return 0;
}

static void test_identical(void **state) {
    (void)state;
    fixture f = {0};
    char *t = cat3(P1, P2, P3);
    px_align *al = align_texts(&f, t, t);
    size_t ns, n;
    px_align_side_sents(px_align_get_side(al, 0), &ns);
    assert_int_equal(px_align_npairs(al), ns);
    for (size_t i = 0; i < ns; i++) {
        const px_align_pair *p = px_align_get_pair(al, i);
        assert_int_equal(p->a_n, 1);
        assert_int_equal(p->b_n, 1);
        assert_int_equal(p->a_sents[0], p->b_sents[0]);
        assert_true(p->score > 0.99);
        assert_true(p->kept > 0.99);
        assert_false(p->moved);
        for (size_t k = 0; k < p->nops; k++)
            assert_int_equal(p->ops[k].kind, PX_OP_KEEP);
    }
    px_align_only(al, 0, &n);
    assert_int_equal(n, 0);
    assert_int_equal(px_align_direction(al)->dir, PX_DIR_SAME);
    assert_true(px_align_coverage(al, 0) > 0.99);
    fixture_release(&f);
    px_free(t);
}

/* A caller's IDF (e.g. from the store) replaces the learned one; <= 0
 * falls back.  Here: every term but numbers weighs 1, numbers fall back. */
static double flat_idf(void *ud, uint64_t term) {
    size_t *calls = ud;
    (*calls)++;
    return term == px_hash64("19", 2, 2) ? 0 : 1.0;
}

static void test_external_idf(void **state) {
    (void)state;
    fixture f = {0};
    char *t = cat3(P1, P2, P3);
    size_t calls = 0;
    px_align_opts o = {0};
    o.idf = flat_idf;
    o.idf_ud = &calls;
    for (int i = 0; i < 2; i++) {
        f.a[i] = px_article_new();
        px_article_set_text(f.a[i], t, strlen(t));
        assert_int_equal(px_doc_new(f.a[i]->text, f.a[i]->text_len, NULL, &f.d[i]),
                         PX_OK);
    }
    assert_int_equal(px_align_docs(f.d[0], f.a[0], f.d[1], f.a[1], &o, &f.al),
                     PX_OK);
    assert_true(calls > 10);
    assert_int_equal(px_align_npairs(f.al), 5);
    fixture_release(&f);
    px_free(t);
}

static void test_disjoint_and_empty(void **state) {
    (void)state;
    fixture f = {0};
    char *t = cat3(P1, P2, P3);
    px_align *al = align_texts(&f, t, OTHER);
    size_t na, nb;
    assert_int_equal(px_align_npairs(al), 0);
    px_align_only(al, 0, &na);
    px_align_only(al, 1, &nb);
    assert_int_equal(na, 5);
    assert_int_equal(nb, 3);
    assert_int_equal(px_align_direction(al)->dir, PX_DIR_UNKNOWN);
    fixture_release(&f);

    al = align_texts(&f, "", t);
    assert_int_equal(px_align_npairs(al), 0);
    px_align_only(al, 0, &na);
    px_align_only(al, 1, &nb);
    assert_int_equal(na, 0);
    assert_int_equal(nb, 5);
    px_buf b = PX_BUF_INIT;
    assert_int_equal(px_align_to_json(al, &b), PX_OK);
    assert_int_equal(px_align_to_html(al, NULL, &b), PX_OK);
    assert_int_equal(px_align_to_text(al, NULL, &b), PX_OK);
    px_buf_release(&b);
    fixture_release(&f);
    px_free(t);
}

static void test_reordered(void **state) {
    (void)state;
    fixture f = {0};
    char *x = cat3(P1, P2, P3), *y = cat3(P3, P1, P2);
    px_align *al = align_texts(&f, x, y);
    assert_int_equal(px_align_npairs(al), 5);
    for (size_t i = 0; i < 5; i++) {
        const px_align_pair *p = px_align_get_pair(al, i);
        /* P3 (the last 2 pairs in A's order) moved to the front of B */
        assert_int_equal(p->moved, i >= 3);
        size_t la = p->a_span.end - p->a_span.start;
        assert_int_equal(la, p->b_span.end - p->b_span.start);
        assert_memory_equal(x + p->a_span.start, y + p->b_span.start, la);
    }
    fixture_release(&f);
    px_free(x);
    px_free(y);
}

/* A rewrite: one sentence split in two, words replaced, one added. */
static void test_rewrite(void **state) {
    (void)state;
    fixture f = {0};
    const char *a =
        "Kremlin spokesperson Dmitry Peskov told reporters that Witkoff's "
        "meeting with Putin will take place in the afternoon, but declined "
        "to outline Russia's red lines, saying that megaphone diplomacy is "
        "not helpful. The talks aim to end the deadliest conflict in Europe "
        "since World War II.";
    const char *b =
        "Modern.az reports that Kremlin spokesman Dmitry Peskov confirmed "
        "that Witkoff's meeting with Putin will take place in the afternoon. "
        "He refused to discuss Russia's red lines and stated that megaphone "
        "diplomacy was harmful. The talks aim to end the bloodiest conflict "
        "in Europe since World War II. Zelenskyy wrote on the X platform "
        "about a just peace.";
    px_align *al = align_texts(&f, a, b);
    assert_int_equal(px_align_npairs(al), 2);
    const px_align_pair *p = px_align_get_pair(al, 0);
    assert_int_equal(p->a_n, 1);
    assert_int_equal(p->b_n, 2); /* split: one-to-many */
    int told = 0, bloody = 0;
    for (size_t i = 0; i < 2; i++) {
        p = px_align_get_pair(al, i);
        for (size_t k = 0; k < p->nops; k++) {
            const px_op *op = &p->ops[k];
            if (op->kind != PX_OP_REPLACE) continue;
            px_span x = op->a_span, y = op->b_span;
            if (!strncmp(a + x.start, "told reporters", x.end - x.start) &&
                !strncmp(b + y.start, "confirmed", y.end - y.start))
                told = 1;
            if (!strncmp(a + x.start, "deadliest", x.end - x.start) &&
                !strncmp(b + y.start, "bloodiest", y.end - y.start))
                bloody = 1;
        }
    }
    assert_true(told);
    assert_true(bloody);
    size_t n;
    const uint32_t *only = px_align_only(al, 1, &n);
    assert_int_equal(n, 1);
    assert_int_equal(only[0], 3);
    assert_true(pair_side_has(al, px_align_get_pair(al, 1), 1, "bloodiest"));
    /* B adds material and frames a sentence with "reports that" */
    assert_int_equal(px_align_direction(al)->dir, PX_DIR_A_TO_B);
    assert_true(px_align_direction(al)->nev >= 2);
    fixture_release(&f);
}

static void test_times(void **state) {
    (void)state;
    fixture f = {0};
    char *t = cat3(P1, P2, P3);
    for (int i = 0; i < 2; i++) {
        f.a[i] = px_article_new();
        px_article_set_text(f.a[i], t, strlen(t));
        assert_int_equal(px_doc_new(f.a[i]->text, f.a[i]->text_len, NULL, &f.d[i]),
                         PX_OK);
    }
    assert_int_equal(px_time_parse("2025-12-02T12:00:00Z", &f.a[0]->published_ts), PX_OK);
    assert_int_equal(px_time_parse("2025-12-02T09:30:00Z", &f.a[1]->published_ts), PX_OK);
    assert_int_equal(px_align_docs(f.d[0], f.a[0], f.d[1], f.a[1], NULL, &f.al), PX_OK);
    const px_direction *d = px_align_direction(f.al);
    assert_int_equal(d->dir, PX_DIR_B_TO_A);
    assert_int_equal(d->ev[0].kind, PX_EV_TIME);
    assert_true(d->ev[0].weight < 0);
    assert_true(d->confidence > 0.8);
    fixture_release(&f);
    px_free(t);
}

/* One side credited to a wire: it is the source.  Both credited to the
 * same wire: siblings, the verdict loses half its confidence. */
static void test_wire(void **state) {
    (void)state;
    fixture f = {0};
    char *x = cat3(P1, P2, "Reuters"), *y = cat3(P1, P2, P3);
    char *z = cat3(P1, "Reuters", "");
    px_align *al = align_texts(&f, y, x);
    const px_direction *d = px_align_direction(al);
    assert_int_equal(d->dir, PX_DIR_B_TO_A);
    int wire = 0;
    for (size_t i = 0; i < d->nev; i++)
        if (d->ev[i].kind == PX_EV_WIRE && d->ev[i].weight < 0) wire = 1;
    assert_true(wire);
    fixture_release(&f);
    al = align_texts(&f, x, z);
    d = px_align_direction(al);
    int siblings = 0;
    for (size_t i = 0; i < d->nev; i++)
        if (d->ev[i].kind == PX_EV_WIRE && d->ev[i].weight == 0) siblings = 1;
    assert_true(siblings);
    assert_int_equal(d->dir, PX_DIR_B_TO_A); /* x adds P2 to z */
    assert_true(d->confidence <= 0.5);
    fixture_release(&f);
    px_free(x);
    px_free(y);
    px_free(z);
}

static void test_json_and_html(void **state) {
    (void)state;
    fixture f = {0};
    char *x = cat3(P1, P2, P3);
    char *y = cat3(P3, OTHER, P1);
    px_align *al = align_texts(&f, x, y);
    px_buf b = PX_BUF_INIT;
    assert_int_equal(px_align_to_json(al, &b), PX_OK);
    json_error_t err;
    json_t *j = json_loads(b.data, 0, &err);
    if (!j) fail_msg("JSON does not parse: %s", err.text);
    json_t *pairs = json_object_get(j, "pairs");
    assert_int_equal(json_array_size(pairs), 3);
    json_t *p0 = json_array_get(pairs, 0);
    assert_true(json_is_array(json_object_get(p0, "a_sents")));
    assert_true(json_is_array(json_object_get(p0, "ops")));
    assert_true(json_is_number(json_object_get(p0, "score")));
    assert_int_equal(json_array_size(json_object_get(j, "only_a")), 2);
    assert_int_equal(json_array_size(json_object_get(j, "only_b")), 3);
    assert_true(json_is_string(json_object_get(json_object_get(j, "direction"), "dir")));
    json_decref(j);

    px_buf_clear(&b);
    px_align_mark m = {1, {0, 4}, "num<bad>", "a note & more"};
    px_align_html_opts o = {0};
    o.marks = &m;
    o.nmarks = 1;
    o.head_html = "<p id=\"extra\">compare</p>";
    assert_int_equal(px_align_to_html(al, &o, &b), PX_OK);
    assert_non_null(strstr(b.data, "class=\"mk-numbad\""));
    assert_non_null(strstr(b.data, "title=\"a note &amp; more\""));
    assert_non_null(strstr(b.data, "<p id=\"extra\">compare</p>"));
    assert_non_null(strstr(b.data, "class=\"s only\""));
    assert_non_null(strstr(b.data, "data-partners=\"b"));
    assert_null(strstr(b.data, "<script src"));
    assert_null(strstr(b.data, "<link"));
    px_buf_release(&b);
    fixture_release(&f);
    px_free(x);
    px_free(y);
}

/* A sentence of n distinct words and its copy with the first, middle and
 * last words replaced: three REPLACE ops, n - 3 words kept, whichever LCS
 * runs (bit-parallel up to 64 words, the table beyond). */
static void check_long_diff(int n) {
    px_buf a = PX_BUF_INIT, b = PX_BUF_INIT;
    for (int i = 0; i < n; i++) {
        px_buf_printf(&a, "%sword%c%c", i ? " " : "", 'a' + i / 26, 'a' + i % 26);
        if (i == 0 || i == n / 2 || i == n - 1)
            px_buf_printf(&b, "%sother%c%c", i ? " " : "", 'a' + i / 26, 'a' + i % 26);
        else
            px_buf_printf(&b, "%sword%c%c", i ? " " : "", 'a' + i / 26, 'a' + i % 26);
    }
    px_buf_puts(&a, ".");
    px_buf_puts(&b, ".");
    fixture f = {0};
    px_align *al = align_texts(&f, a.data, b.data);
    assert_int_equal(px_align_npairs(al), 1);
    const px_align_pair *p = px_align_get_pair(al, 0);
    int rep = 0;
    uint32_t kept = 0;
    for (size_t k = 0; k < p->nops; k++) {
        rep += p->ops[k].kind == PX_OP_REPLACE;
        if (p->ops[k].kind == PX_OP_KEEP) kept += p->ops[k].a_n;
        assert_true(p->ops[k].kind == PX_OP_KEEP || p->ops[k].kind == PX_OP_REPLACE);
    }
    assert_int_equal(rep, 3);
    assert_int_equal(kept, (uint32_t)n - 3);
    fixture_release(&f);
    px_buf_release(&a);
    px_buf_release(&b);
}

static void test_long_diff(void **state) {
    (void)state;
    check_long_diff(40);  /* bit-parallel */
    check_long_diff(200); /* table */
}

/* CJK has no spaces: a token is a clause, matched by character bigrams. */
static void test_cjk(void **state) {
    (void)state;
    fixture f = {0};
    px_align *al = align_texts(
        &f,
        "\xE4\xB8\x9C\xE4\xBA\xAC\xE7\x94\xB5\xE5\x8A\x9B\xE5\x85\xAC\xE5\x8F\xB8"
        "\xE5\x91\xA8\xE4\xBA\x8C\xE8\xA1\xA8\xE7\xA4\xBA\xE3\x80\x82"
        "\xE5\xAE\x98\xE5\x91\x98\xE8\xAF\xB4\xE6\xB2\xA1\xE6\x9C\x89\xE4\xBA\xBA"
        "\xE5\x8F\x97\xE4\xBC\xA4\xE3\x80\x82",
        "\xE5\xAE\x98\xE5\x91\x98\xE8\xA1\xA8\xE7\xA4\xBA\xE6\xB2\xA1\xE6\x9C\x89"
        "\xE4\xBA\xBA\xE5\x91\x98\xE5\x8F\x97\xE4\xBC\xA4\xE3\x80\x82"
        "\xE4\xB8\x9C\xE4\xBA\xAC\xE7\x94\xB5\xE5\x8A\x9B\xE5\x85\xAC\xE5\x8F\xB8"
        "\xE8\xA1\xA8\xE7\xA4\xBA\xE5\x91\xA8\xE4\xBA\x8C\xE3\x80\x82");
    assert_int_equal(px_align_npairs(al), 2);
    assert_int_equal(px_align_get_pair(al, 0)->b_sents[0], 1);
    assert_int_equal(px_align_get_pair(al, 1)->b_sents[0], 0);
    fixture_release(&f);
}

/* Deterministic pseudo-text: sentences of 8..27 words from a vocabulary
 * of made-up words. */
static void fake_text(px_buf *b, size_t bytes, uint64_t seed) {
    static const char *const syl[] = {"ka", "lo", "mi", "ren", "tas", "vo",
                                      "shi", "dan", "per", "ul", "gro", "ne"};
    uint64_t r = seed;
    while (b->len < bytes) {
        r = r * 6364136223846793005ull + 1442695040888963407ull;
        int words = 8 + (int)((r >> 33) % 20);
        for (int w = 0; w < words; w++) {
            r = r * 6364136223846793005ull + 1442695040888963407ull;
            int ns = 1 + (int)((r >> 40) % 3);
            for (int s = 0; s < ns; s++)
                px_buf_puts(b, syl[(r >> (20 + 4 * s)) % 12]);
            px_buf_puts(b, w + 1 < words ? " " : ". ");
        }
        if ((r >> 50) % 5 == 0) px_buf_puts(b, "\n\n");
    }
}

static void test_big(void **state) {
    (void)state;
    px_buf big = PX_BUF_INIT, small = PX_BUF_INIT;
    fake_text(&big, (size_t)10 << 20, 7);
    fake_text(&small, 4000, 99);
    fixture f = {0};
    px_align *al = align_texts(&f, big.data, small.data);
    assert_non_null(al);
    size_t n;
    px_align_only(al, 1, &n);
    assert_true(px_align_npairs(al) + n > 0);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    /* memory stays proportional to the text (ASan doubles it): < 2 GiB */
    assert_true(ru.ru_maxrss < 2L * 1024 * 1024);
    fixture_release(&f);
    px_buf_release(&big);
    px_buf_release(&small);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identical),   cmocka_unit_test(test_external_idf),   cmocka_unit_test(test_disjoint_and_empty),
        cmocka_unit_test(test_reordered),   cmocka_unit_test(test_rewrite),
        cmocka_unit_test(test_times),       cmocka_unit_test(test_json_and_html),
        cmocka_unit_test(test_cjk),         cmocka_unit_test(test_long_diff),         cmocka_unit_test(test_wire),         cmocka_unit_test(test_big)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
