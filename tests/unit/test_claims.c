/*
 * test_claims.c - claim extraction: quantities (value, unit, hedge, thing),
 * quotes with speakers, attributions, times, and span invariants.
 * Data-driven: each case is a sentence and the expected slots.
 */
#include <math.h> /* fabs */

#include "testutil.h"

typedef struct qcase {
    const char *text;
    double value;
    const char *unit, *hedge, *thing, *span;
} qcase;

static const qcase qcases[] = {
    {"U.S. officials say more than 1.2 million people have been killed or "
     "wounded.",
     1200000, NULL, "over", "people killed or wounded",
     "more than 1.2 million"},
    {"Russian forces control over 19 percent of Ukraine.", 19, "%", "over",
     "of ukraine", "over 19 percent"},
    {"It is around 115,600 square kilometers.", 115600, "km2", "about", NULL,
     "around 115,600 square kilometers"},
    {"a 28-point peace proposal", 28, "point", NULL, "peace proposal",
     "28-point"},
    {"Russia holds one-fifth of Ukrainian territory.", 20, "%", NULL,
     "of ukrainian territory", "one-fifth"},
    {"The loss was $1.5 billion.", 1.5e9, "USD", NULL, NULL, "$1.5 billion"},
    {"Around 4,500 workers walked out of the factory.", 4500, NULL, "about",
     "workers", "Around 4,500"},
    {"The blast left 14 people injured in the old town.", 14, NULL, NULL,
     "people injured", "14"},
    {"About 1 in 5 adults in the region has diabetes.", 20, "%", "about",
     "adults", "About 1 in 5"},
    {"The storm dumped up to 250 millimetres of rain.", 250, "mm", "under",
     "of rain", "up to 250 millimetres"},
};

/* One text extracted: claims and entities at hand. */
typedef struct fx {
    px_claimer *cl;
    px_doc *d;
    px_claims *cs;
    const px_claim *c;
    size_t n;
    const px_entity *e;
    size_t ne;
} fx;

static px_claims *extract(const px_claimer *cl, const char *text, px_doc **d);

static void fx_open(fx *f, const char *text) {
    f->cl = px_claimer_new("en");
    assert_non_null(f->cl);
    f->cs = extract(f->cl, text, &f->d);
    f->c = px_claims_list(f->cs, &f->n);
    f->e = px_claims_entities(f->cs, &f->ne);
}

static void fx_close(fx *f) {
    px_claims_free(f->cs);
    px_doc_free(f->d);
    px_claimer_free(f->cl);
}

static px_claims *extract(const px_claimer *cl, const char *text, px_doc **d) {
    px_claims *cs = NULL;
    assert_int_equal(px_doc_new(text, strlen(text), NULL, d), PX_OK);
    assert_int_equal(px_claims_extract(cl, *d, &cs), PX_OK);
    return cs;
}

static const px_claim *first_of(const px_claims *cs, px_claim_kind k) {
    size_t n;
    const px_claim *c = px_claims_list(cs, &n);
    for (size_t i = 0; i < n; i++)
        if (c[i].kind == k) return &c[i];
    return NULL;
}

static void check_str(const char *got, const char *want, size_t i) {
    if (!want && !got) return;
    if (!want || !got || strcmp(got, want))
        fail_msg("case %zu: got '%s' want '%s'", i, got ? got : "(null)",
                 want ? want : "(null)");
}

static void test_quantities(void **state) {
    (void)state;
    px_claimer *cl = px_claimer_new("en");
    assert_non_null(cl);
    for (size_t i = 0; i < sizeof qcases / sizeof qcases[0]; i++) {
        px_doc *d;
        px_claims *cs = extract(cl, qcases[i].text, &d);
        const px_claim *q = first_of(cs, PX_CLAIM_QUANTITY);
        if (!q) fail_msg("case %zu: no quantity", i);
        assert_true(fabs(q->value - qcases[i].value) < 1e-6 * qcases[i].value);
        check_str(q->unit, qcases[i].unit, i);
        check_str(px_hedge_str(q->hedge), qcases[i].hedge, i);
        check_str(q->thing, qcases[i].thing, i);
        size_t sl = q->span.end - q->span.start;
        if (sl != strlen(qcases[i].span) ||
            memcmp(qcases[i].text + q->span.start, qcases[i].span, sl))
            fail_msg("case %zu: span '%.*s'", i, (int)sl,
                     qcases[i].text + q->span.start);
        px_claims_free(cs);
        px_doc_free(d);
    }
    px_claimer_free(cl);
}

/* "one of" and years are not figures. */
/* "one of" and years are not figures. */
static void test_not_quantities(void **state) {
    (void)state;
    fx f;
    fx_open(&f, "It was one of the AK-47 meetings held in 2025 since 2022.");
    assert_null(first_of(f.cs, PX_CLAIM_QUANTITY));
    const px_claim *tm = first_of(f.cs, PX_CLAIM_TIME);
    assert_non_null(tm);
    assert_string_equal(tm->norm, "year:2025");
    fx_close(&f);
}

static void test_quote_speaker(void **state) {
    (void)state;
    fx f;
    fx_open(
        &f,
        "Kremlin spokesperson Dmitry Peskov told reporters that the meeting "
        "will take place, saying that \xE2\x80\x9Cmegaphone diplomacy is not "
        "helpful.\xE2\x80\x9D He later added that \xE2\x80\x9Cred "
        "lines\xE2\x80\x9D "
        "exist.");
    int quotes = 0;
    for (size_t i = 0; i < f.n; i++) {
        if (f.c[i].kind != PX_CLAIM_QUOTE) continue;
        quotes++;
        assert_true(f.c[i].speaker >= 0);
        assert_string_equal(f.e[f.c[i].speaker].name, "Dmitry Peskov");
        assert_string_equal(f.e[f.c[i].speaker].role, "Kremlin spokesperson");
        assert_int_equal(f.c[i].scare, quotes == 2);
    }
    assert_int_equal(quotes, 2);
    fx_close(&f);
}

static void test_attribution_and_alias(void **state) {
    (void)state;
    const char *t = "U.S. envoy Steve Witkoff met Putin. Witkoff said talks "
                    "went well. The U.S. envoy added that more were planned. "
                    "According to Reuters, 12 people died.";
    fx f;
    fx_open(&f, t);
    int witkoff = 0, according = 0;
    for (size_t i = 0; i < f.n; i++) {
        const px_claim *c = &f.c[i];
        if (c->kind == PX_CLAIM_ENTITY &&
            !strcmp(f.e[c->entity].name, "Steve Witkoff"))
            witkoff++;
        if (c->kind == PX_CLAIM_QUANTITY) {
            assert_true(c->attribution >= 0);
            according = !strcmp(f.c[c->attribution].verb, "according");
        }
        assert_true(c->span.start <= c->span.end && c->span.end <= strlen(t));
    }
    assert_int_equal(witkoff, 3); /* name, surname, role */
    assert_true(according);
    fx_close(&f);
}

/* A pronoun speaker resolves to the last person who spoke; a clock time is
 * a time, not two figures. */
static void test_pronoun_and_clock(void **state) {
    (void)state;
    fx f;
    fx_open(&f, "Mira Talven said the ship left at 5:40 a.m. on Tuesday. "
                "She added: \"Everyone is safe.\"");
    const px_claim *q = first_of(f.cs, PX_CLAIM_QUOTE);
    assert_non_null(q);
    assert_true(q->speaker >= 0);
    assert_string_equal(f.e[q->speaker].name, "Mira Talven");
    assert_null(first_of(f.cs, PX_CLAIM_QUANTITY));
    const px_claim *tm = first_of(f.cs, PX_CLAIM_TIME);
    assert_string_equal(tm->norm, "clock:05:40");
    fx_close(&f);
}

/* Inverted credits, guillemets, a quote across paragraphs. */
static void test_quote_forms(void **state) {
    (void)state;
    static const struct {
        const char *text, *speaker;
        int scare;
    } cases[] = {
        {"\xE2\x80\x9CWe will win,\xE2\x80\x9D said President Volodymyr "
         "Zelenskyy.",
         "Volodymyr Zelenskyy", 0},
        {"\xE2\x80\x9CThe talks were useful,\xE2\x80\x9D a senior State "
         "Department official told reporters.",
         "senior state department official", 0},
        {"Peskov said: \xC2\xABMegaphone diplomacy is not helpful.\xC2\xBB",
         "Peskov", 0},
        {"The minister said: \xE2\x80\x9C"
         "First part.\n\n\xE2\x80\x9C"
         "Second part.\xE2\x80\x9D",
         "minister", 0},
        {"Dmitry Peskov refused to discuss Russia's \xE2\x80\x9Cred "
         "lines\xE2\x80\x9D "
         "and said more.",
         "Dmitry Peskov", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fx f;
        fx_open(&f, cases[i].text);
        const px_claim *q = first_of(f.cs, PX_CLAIM_QUOTE);
        if (!q) fail_msg("case %zu: no quote", i);
        if (q->speaker < 0) fail_msg("case %zu: no speaker", i);
        check_str(f.e[q->speaker].name, cases[i].speaker, i);
        assert_int_equal(q->scare, cases[i].scare);
        fx_close(&f);
    }
}

/* A title in quote marks is no quote; a quote of whole sentences with no
 * credit continues the previous speaker; "’" before "t" is an apostrophe. */
static void test_quote_titles(void **state) {
    (void)state;
    fx f;
    fx_open(&f, "She starred in \"Australia\" last year. \"We will "
                "rebuild,\" Mayor Ana Lind said. \"The town didn\xE2\x80\x99t "
                "give up.\"");
    size_t quotes = 0, lind = 0;
    for (const px_claim *q = f.c; q < f.c + f.n; q++) {
        quotes += q->kind == PX_CLAIM_QUOTE;
        lind += q->kind == PX_CLAIM_QUOTE && !q->scare && q->speaker >= 0 &&
                !strcmp(f.e[q->speaker].name, "Ana Lind");
    }
    assert_int_equal(quotes, 2); /* not "Australia" */
    assert_int_equal(lind, 2);
    fx_close(&f);
}

static void test_edges(void **state) {
    (void)state;
    assert_null(px_claimer_new("klingon"));
    px_claimer_free(NULL);
    px_claims_free(NULL);
    px_claimer *cl = px_claimer_new("en");
    const char *odd[] = {"", "\"", "\xE2\x80\x9C unbalanced", "$", "%%%",
                         "1,,2..3 million million", "\xFF\xFE 12%",
                         /* fuzz_claims: NFKC makes "⅓" two tokens on the
                          * same bytes; the gap between them was read from
                          * before the text (ASan: heap-buffer-overflow) */
                         "KP\xE2\x85\x93%Kr", "\xE2\x85\x93 of \xE2\x80\x99s"};
    for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++) {
        px_doc *d;
        px_claims *cs = extract(cl, odd[i], &d);
        px_claims_free(cs);
        px_doc_free(d);
    }
    px_claimer_free(cl);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quantities),
        cmocka_unit_test(test_not_quantities),
        cmocka_unit_test(test_quote_speaker),
        cmocka_unit_test(test_attribution_and_alias),
        cmocka_unit_test(test_pronoun_and_clock),
        cmocka_unit_test(test_quote_forms),
        cmocka_unit_test(test_quote_titles),
        cmocka_unit_test(test_edges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
