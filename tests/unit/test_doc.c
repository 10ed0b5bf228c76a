/*
 * test_doc.c - the clean/norm views, offset maps and tokenizer.
 * Data-driven: each case is an input and the expected normalised tokens.
 */
#include "testutil.h"

typedef struct tok_case {
    const char *text;
    const char *tokens; /* normalised tokens joined by '|' */
} tok_case;

static const tok_case tok_cases[] = {
    {"", ""},
    {"   \n\t ", ""},
    {"Hello, World!", "hello|world"},
    {"U.S. envoy", "u|s|envoy"},
    {"1.2 million and 115,600 km", "1.2|million|and|115,600|km"},
    {"Russia\xE2\x80\x99s control", "russia's|control"},
    {"Russia's control", "russia's|control"},
    {"\xEF\xBC\xA6\xEF\xBD\x95\xEF\xBD\x8C\xEF\xBD\x8C width", "full|width"},
    {"caf\x65\xCC\x81 caf\xC3\xA9", "caf\xC3\xA9|caf\xC3\xA9"},
    {"28-point plan", "28|point|plan"},
    {"bad\xFF" "byte", "bad|byte"},
    {"\xD8\xA7\xD8\xB6\xD8\xA7\xD9\x81\xD8\xA9 \xD8\xA7\xD8\xB9\xD9\x84\xD8\xA7\xD9\x86",
     "\xD8\xA7\xD8\xB6\xD8\xA7\xD9\x81\xD8\xA9|\xD8\xA7\xD8\xB9\xD9\x84\xD8\xA7\xD9\x86"},
    {"STRASSE Stra\xC3\x9F" "e", "strasse|strasse"},
    {"end.", "end"},
    {"'quoted' word's", "quoted|word's"},
    {"caf\xC3\xA9's menu", "caf\xC3\xA9's|menu"},
    {"Internationalization  ABCDEFGHIJKLMNOPQRSTUVWXYZ 12,345,678.90 x",
     "internationalization|abcdefghijklmnopqrstuvwxyz|12,345,678.90|x"},
    {"AbCdEfGh`ijklmnop qrstuvwx\tyz 0123456789abcdef",
     "abcdefgh'ijklmnop|qrstuvwx|yz|0123456789abcdef"},
    {"tail-word\xC3\xA9 e\xCC\x81tude", "tail|word\xC3\xA9|\xC3\xA9tude"},
};

static void test_tokens(void **state) {
    (void)state;
    for (size_t c = 0; c < sizeof tok_cases / sizeof tok_cases[0]; c++) {
        const char *text = tok_cases[c].text;
        px_doc *d;
        assert_int_equal(px_doc_new(text, strlen(text), NULL, &d), PX_OK);
        size_t n;
        const px_token *t = px_doc_tokens(d, &n);
        const char *norm = px_doc_norm(d, NULL);
        px_buf got = PX_BUF_INIT;
        for (size_t i = 0; i < n; i++) {
            if (i) px_buf_putc(&got, '|');
            px_buf_append(&got, norm + t[i].norm_off, t[i].norm_len);
            /* the token hash is px_hash64 of its normalised form */
            assert_true(t[i].hash ==
                        px_hash64(norm + t[i].norm_off, t[i].norm_len, 0));
            /* invariant: spans are inside the original, increasing */
            assert_true(t[i].start < t[i].end && t[i].end <= strlen(text));
            if (i) assert_true(t[i - 1].end <= t[i].start);
        }
        if (strcmp(got.data ? got.data : "", tok_cases[c].tokens))
            fail_msg("case %zu: got '%s' want '%s'", c, got.data ? got.data : "",
                     tok_cases[c].tokens);
        px_buf_release(&got);
        px_doc_free(d);
    }
}

/* Every token's original span holds the word it was made from. */
static void test_spans_point_into_original(void **state) {
    (void)state;
    const char *text = "  Kremlin \xE2\x80\x9C" "Peskov\xE2\x80\x9D said\xFF 1.2%";
    px_doc *d;
    assert_int_equal(px_doc_new(text, strlen(text), NULL, &d), PX_OK);
    size_t n;
    const px_token *t = px_doc_tokens(d, &n);
    assert_int_equal(n, 4);
    assert_memory_equal(text + t[0].start, "Kremlin", 7);
    assert_int_equal(t[0].end - t[0].start, 7);
    assert_memory_equal(text + t[1].start, "Peskov", 6);
    assert_int_equal(t[1].end - t[1].start, 6);
    assert_memory_equal(text + t[2].start, "said", 4);
    assert_int_equal(t[2].end - t[2].start, 4);
    assert_memory_equal(text + t[3].start, "1.2", 3);
    assert_true(t[0].flags & PX_TOK_CAP);
    assert_false(t[2].flags & PX_TOK_CAP);
    assert_true(t[3].flags & PX_TOK_DIGIT);
    assert_int_equal(px_doc_bad_utf8(d), 1);
    px_doc_free(d);
}

static void test_null_and_caps(void **state) {
    (void)state;
    px_doc *d = (px_doc *)1;
    assert_int_equal(px_doc_new(NULL, 5, NULL, &d), PX_ERR_INVALID);
    assert_null(d);
    px_doc_free(NULL);
    assert_int_equal(px_doc_new(NULL, 0, NULL, &d), PX_OK);
    size_t n;
    px_doc_tokens(d, &n);
    assert_int_equal(n, 0);
    px_doc_free(d);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokens),
        cmocka_unit_test(test_spans_point_into_original),
        cmocka_unit_test(test_null_and_caps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
