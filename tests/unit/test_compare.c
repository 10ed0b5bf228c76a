/*
 * test_compare.c - claim-by-claim comparison on small written pairs: each
 * case is two texts and the finding types (with kind) that must appear,
 * and for identical texts, that only `same` appears; the prepared sides
 * a comparison lends (px_compare_side) align as the docs do.
 */
#include <utf8proc.h>

#include "testutil.h"

typedef struct ccase {
    const char *a, *b;
    px_finding_type type;
    px_finding_kind kind;
} ccase;

static const ccase cases[] = {
    {"Russian forces control around 115,600 square kilometers of land, "
     "officials said.",
     "Russian forces control more than 115,000 square kilometers of land, "
     "officials said.",
     PX_FIND_ROUNDED, PX_FK_QUANTITY},
    {"Officials say 1.2 million people have been killed in the war.",
     "Officials say 1.2 million soldiers have been killed in the war.",
     PX_FIND_DIFFERS, PX_FK_QUANTITY},
    {"Police said 40 people were arrested at the rally in the capital.",
     "Police said 75 people were arrested at the rally in the capital.",
     PX_FIND_DIFFERS, PX_FK_QUANTITY},
    /* touching intervals: six [5.5, 6.5] and seven [6.5, 7.5] differ */
    {"Police said six people were arrested at the rally in the capital.",
     "Police said seven people were arrested at the rally in the capital.",
     PX_FIND_DIFFERS, PX_FK_QUANTITY},
    /* "10" is ten, not a figure rounded to tens */
    {"Officials said 10 people were hurt when the roof fell in.",
     "Officials said 5 people were hurt when the roof fell in.",
     PX_FIND_DIFFERS, PX_FK_QUANTITY},
    {"U.S. officials say more than 300 homes were destroyed by the storm.",
     "More than 300 homes were destroyed by the storm.", PX_FIND_ATTRIBUTION,
     PX_FK_ATTRIBUTION},
    {"Minister Anna Berg said: \"The plan is not helpful for the region.\"",
     "Minister Anna Berg said: \"The plan is harmful for the region.\"",
     PX_FIND_QUOTE, PX_FK_QUOTE},
    {"Minister Anna Berg said: \"The plan is not helpful for the region.\"",
     "Mayor John Smith said: \"The plan is not helpful for the region.\"",
     PX_FIND_ATTRIBUTION, PX_FK_QUOTE},
    {"The talks lasted three hours on Monday, officials said.",
     "The talks lasted three hours on Friday, officials said.", PX_FIND_DIFFERS,
     PX_FK_TIME},
    {"It was the deadliest storm in the region since 1990, the agency said.",
     "It was the bloodiest storm in the region since 1990, the agency said.",
     PX_FIND_WORDING, PX_FK_PASSAGE},
    {"The storm hit the coast on Monday and flooded the harbour.",
     "The storm hit the coast on Monday and flooded the harbour. The "
     "government has promised a new sea wall by the end of next year.",
     PX_FIND_ONLY_IN, PX_FK_PASSAGE},
};

static px_compare *run(const char *a, const char *b, px_doc **da, px_doc **db) {
    assert_int_equal(px_doc_new(a, strlen(a), NULL, da), PX_OK);
    assert_int_equal(px_doc_new(b, strlen(b), NULL, db), PX_OK);
    px_compare_src src[2] = {{*da, NULL}, {*db, NULL}};
    px_compare *c = NULL;
    assert_int_equal(px_compare_new(src, 2, NULL, &c), PX_OK);
    return c;
}

static void test_cases(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        px_doc *da, *db;
        px_compare *c = run(cases[i].a, cases[i].b, &da, &db);
        size_t n, hit = 0;
        const px_finding *f = px_compare_findings(c, &n);
        for (size_t k = 0; k < n; k++) {
            if (f[k].type == cases[i].type && f[k].kind == cases[i].kind) hit++;
            for (size_t e = 0; e < f[k].nev; e++) /* spans in the original */
                assert_true(
                    f[k].ev[e].span.end <=
                    strlen(f[k].ev[e].article ? cases[i].b : cases[i].a));
        }
        if (!hit) {
            for (size_t k = 0; k < n; k++)
                fprintf(stderr, "  %s %s\n", px_finding_type_str(f[k].type),
                        f[k].summary);
            fail_msg("case %zu: no %s/%s finding", i,
                     px_finding_type_str(cases[i].type),
                     px_finding_kind_str(cases[i].kind));
        }
        px_compare_free(c);
        px_doc_free(da);
        px_doc_free(db);
    }
}

/* Identical texts: every finding is `same`, and there are some. */
/* Every snippet of summary cut short ('..."') ends where a grapheme
 * cluster of its source (text a or b) ends: no mark follows it there. */
static void snips_whole(const char *summary, const char *a, const char *b) {
    for (const char *e = strstr(summary, "...\""); e;
         e = strstr(e + 1, "...\"")) {
        const char *q = e;
        while (q > summary && q[-1] != '"') q--;
        char snip[256];
        size_t len = (size_t)(e - q);
        assert_true(len < sizeof snip);
        memcpy(snip, q, len);
        snip[len] = 0;
        const char *at = strstr(a, snip);
        if (!at) at = strstr(b, snip);
        assert_non_null(at);
        utf8proc_int32_t cp;
        assert_true(
            utf8proc_iterate((const utf8proc_uint8_t *)at + len, -1, &cp) > 0);
        utf8proc_category_t c = utf8proc_category(cp);
        if (c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC)
            fail_msg("snippet \"%s\" cut before a mark", snip);
    }
}

/* Thai writes no space between words: after "12 " comes the classifier
 * glued to the rest of the clause ("12 คนตามรายงานของตำรวจ"), which is no
 * other thing counted than "12 คน".  One row a pair (fictional texts):
 * 1 when the figure counts different things (people, houses), else the
 * figures are the same. */
static void test_unspaced_things(void **state) {
    (void)state;
    static const char *const fire = "เพลิงไหม้โกดังสินค้าในอำเภอวังศิลาทำให้มี";
    static const struct {
        const char *a, *b;
        int differs;
    } rows[] = {
        {"ผู้เสียชีวิต 12 คนตามรายงานของตำรวจภูธรจังหวัดเมื่อเช้าวันพุธ",
         "ผู้เสียชีวิต 12 คน ตามรายงานของตำรวจภูธรจังหวัดเมื่อเช้าวันพุธ", 0},
        {"ผู้เสียชีวิต 12 คน และบาดเจ็บอีกหลายรายตามรายงานของตำรวจภูธรจังหวัด",
         "ผู้เสียชีวิต 12 คนตามรายงานของตำรวจภูธรจังหวัด", 0},
        /* vehicles: under 10, a different thing was no match at all */
        {"รถดับเพลิง 8 คันในการควบคุมเพลิงที่โกดังสินค้าวังศิลา",
         "รถดับเพลิง 8 คันเข้าควบคุมเพลิงที่โกดังสินค้าวังศิลา", 0},
        /* a one-letter classifier: "ปี" (years) alone and glued */
        {"โกดังที่เปิดใช้งานมาแล้ว 15 ปีก่อนเกิดเหตุเพลิงไหม้",
         "โกดังที่เปิดใช้งานมาแล้ว 15 ปี ก่อนเกิดเหตุเพลิงไหม้", 0},
        /* people against houses: still a different thing counted */
        {"ผู้เสียชีวิต 12 คนตามรายงานของตำรวจภูธรจังหวัดเมื่อเช้าวันพุธ",
         "บ้านเสียหาย 12 หลังตามรายงานของตำรวจภูธรจังหวัดเมื่อเช้าวันพุธ", 1},
        /* the snippet of "30 คนถูกนำส่ง..." is cut at 120 bytes, inside
         * "จังหวัด" (ว and its vowel mark): it ends before ว */
        {"ผู้บาดเจ็บ 30 คน ถูกนำส่งโรงพยาบาล",
         "ผู้บาดเจ็บ 30 คนถูกนำส่งโรงพยาบาลประจำจังหวัดวังศิลาเมื่อคืนวันอังคาร", 0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char a[512], b[512];
        snprintf(a, sizeof a, "%s%s", fire, rows[i].a);
        snprintf(b, sizeof b, "%s%s", fire, rows[i].b);
        px_doc *da, *db;
        px_compare *c = run(a, b, &da, &db);
        size_t n, differs = 0, same = 0;
        const px_finding *f = px_compare_findings(c, &n);
        for (size_t k = 0; k < n; k++) {
            if (f[k].kind != PX_FK_QUANTITY) continue;
            differs += f[k].type == PX_FIND_DIFFERS;
            same += f[k].type == PX_FIND_SAME;
            snips_whole(f[k].summary, a, b);
        }
        if (rows[i].differs ? !differs : differs || !same)
            fail_msg("row %zu: %zu differs, %zu same quantity findings", i,
                     differs, same);
        px_compare_free(c);
        px_doc_free(da);
        px_doc_free(db);
    }
}

static void test_identical(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        px_doc *da, *db;
        px_compare *c = run(cases[i].a, cases[i].a, &da, &db);
        size_t n;
        const px_finding *f = px_compare_findings(c, &n);
        for (size_t k = 0; k < n; k++)
            if (f[k].type != PX_FIND_SAME)
                fail_msg("case %zu: %s on identical texts: %s", i,
                         px_finding_type_str(f[k].type), f[k].summary);
        px_buf b = PX_BUF_INIT;
        assert_int_equal(px_compare_to_json(c, &b), PX_OK);
        assert_non_null(strstr(b.data, "\"findings\":["));
        px_buf_release(&b);
        px_compare_free(c);
        px_doc_free(da);
        px_doc_free(db);
    }
}

/* Three sources: one finding per claim, sides name every source. */
static void test_three(void **state) {
    (void)state;
    const char *t[3] = {
        "Police said 40 people were arrested at the rally in the capital.",
        "Police said 75 people were arrested at the rally in the capital.",
        "Police said 40 people were arrested at the rally in the capital. "
        "The opposition called for a general strike next week."};
    px_doc *d[3];
    px_compare_src src[3];
    for (int i = 0; i < 3; i++) {
        assert_int_equal(px_doc_new(t[i], strlen(t[i]), NULL, &d[i]), PX_OK);
        src[i] = (px_compare_src){d[i], NULL};
    }
    px_compare_opts o = {NULL, 0, 0};
    px_compare *c = NULL;
    assert_int_equal(px_compare_new(src, 3, &o, &c), PX_OK);
    size_t n, differs = 0, only = 0;
    const px_finding *f = px_compare_findings(c, &n);
    for (size_t i = 0; i < n; i++) {
        if (f[i].type == PX_FIND_DIFFERS && f[i].kind == PX_FK_QUANTITY) {
            differs++; /* 40 (A, C) vs 75 (B): one finding of two pairs */
            assert_int_equal(f[i].pairs, 2);
            assert_true(f[i].sides[0] == 5 && f[i].sides[1] == 2);
            assert_non_null(strstr(f[i].summary, "(A, C) vs"));
        }
        if (f[i].type == PX_FIND_ONLY_IN && f[i].kind == PX_FK_PASSAGE) {
            only++; /* the strike: only in C, not in A, B */
            assert_true(f[i].sides[0] == 4 && f[i].sides[1] == 3);
            assert_non_null(strstr(f[i].summary, "only in C (not in A, B)"));
        }
    }
    assert_int_equal(differs, 1);
    assert_int_equal(only, 1);
    px_compare_free(c);
    for (int i = 0; i < 3; i++) px_doc_free(d[i]);
}

/* The comparison's prepared sides: one per source, and aligning two of
 * them gives what px_align_docs gives from the docs (story analysis
 * stores such alignments without preparing the sources again). */
static void test_sides(void **state) {
    (void)state;
    const char *t[3] = {cases[0].a, cases[0].b, cases[10].b};
    px_doc *d[3];
    px_compare_src src[3];
    for (int i = 0; i < 3; i++) {
        assert_int_equal(px_doc_new(t[i], strlen(t[i]), NULL, &d[i]), PX_OK);
        src[i] = (px_compare_src){d[i], NULL};
    }
    px_compare *c = NULL;
    assert_int_equal(px_compare_new(src, 3, NULL, &c), PX_OK);
    for (size_t i = 0; i < 3; i++)
        assert_ptr_equal(px_align_side_doc(px_compare_side(c, i)), d[i]);
    assert_null(px_compare_side(c, 3));
    px_align_opts o = {0};
    o.no_words = 1;
    for (size_t i = 1; i < 3; i++) {
        px_align *x = NULL, *y = NULL;
        assert_int_equal(
            px_align_new(px_compare_side(c, 0), px_compare_side(c, i), &o, &x),
            PX_OK);
        assert_int_equal(px_align_docs(d[0], NULL, d[i], NULL, &o, &y), PX_OK);
        assert_int_equal(px_align_npairs(x), px_align_npairs(y));
        for (size_t k = 0; k < px_align_npairs(x); k++) {
            const px_align_pair *p = px_align_get_pair(x, k);
            const px_align_pair *q = px_align_get_pair(y, k);
            assert_int_equal(p->a_span.start, q->a_span.start);
            assert_int_equal(p->b_span.end, q->b_span.end);
            assert_true(p->score == q->score);
        }
        assert_true(px_align_coverage(x, 1) == px_align_coverage(y, 1));
        assert_int_equal(px_align_direction(x)->dir,
                         px_align_direction(y)->dir);
        px_align_free(x);
        px_align_free(y);
    }
    px_compare_free(c);
    for (int i = 0; i < 3; i++) px_doc_free(d[i]);
}

static void test_invalid(void **state) {
    (void)state;
    px_compare *c = (px_compare *)1;
    assert_int_equal(px_compare_new(NULL, 0, NULL, &c), PX_ERR_INVALID);
    assert_null(c);
    px_compare_free(NULL);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),   cmocka_unit_test(test_identical),
        cmocka_unit_test(test_three),   cmocka_unit_test(test_sides),
        cmocka_unit_test(test_invalid), cmocka_unit_test(test_unspaced_things),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
