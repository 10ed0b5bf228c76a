/*
 * test_text.c - stemming and function words.
 */
#include "testutil.h"

static void test_stem(void **state) {
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"meeting", "meet"},     {"talks", "talk"}, {"deadliest", "deadliest"},
        {"officials", "offici"}, {"1.2", "1.2"},    {"russia's", "russia"},
    };
    px_stemmer *s = px_stemmer_new("en");
    assert_non_null(s);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n;
        const char *r =
            px_stemmer_stem(s, cases[i].in, strlen(cases[i].in), &n);
        if (n != strlen(cases[i].out) || memcmp(r, cases[i].out, n))
            fail_msg("%s -> %.*s, want %s", cases[i].in, (int)n, r,
                     cases[i].out);
    }
    px_stemmer_free(s);
    px_stemmer_free(NULL);
    assert_null(px_stemmer_new("klingon"));
}

static void test_stopwords(void **state) {
    (void)state;
    assert_true(px_stopword("the", 3));
    assert_true(px_stopword("yourself", 8));
    assert_true(px_stopword("a", 1));
    assert_false(px_stopword("putin", 5));
    assert_false(px_stopword("th", 2));
    assert_false(px_stopword("", 0));
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_stem),
                                       cmocka_unit_test(test_stopwords)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
