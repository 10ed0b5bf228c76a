/*
 * test_sentence.c - sentence segmentation: data-driven cases (text and the
 * expected sentences, as original text joined by '|'), flags, invariants,
 * the token cap and px_sent_find.
 */
#include "testutil.h"

typedef struct sent_case {
    const char *text;
    const char *sents; /* original text of each sentence, joined by '|' */
} sent_case;

static const sent_case cases[] = {
    {"", ""},
    {"  \n\n ", ""},
    {"U.S. envoy Steve Witkoff met Dr. Smith on Jan. 5. He left.",
     "U.S. envoy Steve Witkoff met Dr. Smith on Jan. 5.|He left."},
    {"More than 1.2 million people were killed. About 115,600 square km.",
     "More than 1.2 million people were killed.|About 115,600 square km."},
    {"\xE2\x80\x9CThis is it. We are done,\xE2\x80\x9D he said. Then he left.",
     "\xE2\x80\x9CThis is it.|We are done,\xE2\x80\x9D he said.|Then he left."},
    {"He said: \"It is over.\" Then he left.",
     "He said: \"It is over.\"|Then he left."},
    {"Big Headline Here\nThe body starts here. Second one.",
     "Big Headline Here|The body starts here.|Second one."},
    {"He lives in the U.S. The company grew.",
     "He lives in the U.S.|The company grew."},
    {"U.S. officials say more than 1.2 million died.",
     "U.S. officials say more than 1.2 million died."},
    {"What? he asked. Nobody knew!", "What? he asked.|Nobody knew!"},
    {"It rose 5.5% in 2025. Prices fell.",
     "It rose 5.5% in 2025.|Prices fell."},
    {"He paused... Then he spoke.", "He paused...|Then he spoke."},
    {"This sentence is wrapped\nacross two lines. Next.",
     "This sentence is wrapped\nacross two lines.|Next."},
    {"Smith & Co. said profits rose. Gen. Jones agreed.",
     "Smith & Co. said profits rose.|Gen. Jones agreed."},
    {"MOSCOW, Dec 2 (Reuters) - Russia said it would talk.",
     "MOSCOW, Dec 2 (Reuters)|Russia said it would talk."},
    /* Arabic: full stop and question mark */
    {"\xD9\x82\xD8\xA7\xD9\x84 "
     "\xD8\xA7\xD9\x84\xD9\x85\xD8\xAA\xD8\xAD\xD8\xAF\xD8\xAB. "
     "\xD9\x88\xD8\xA3\xD8\xB6\xD8\xA7\xD9\x81\xD8\x9F "
     "\xD9\x86\xD8\xB9\xD9\x85.",
     "\xD9\x82\xD8\xA7\xD9\x84 "
     "\xD8\xA7\xD9\x84\xD9\x85\xD8\xAA\xD8\xAD\xD8\xAF\xD8\xAB.|"
     "\xD9\x88\xD8\xA3\xD8\xB6\xD8\xA7\xD9\x81\xD8\x9F|"
     "\xD9\x86\xD8\xB9\xD9\x85."},
    /* CJK: ideographic full stop and fullwidth exclamation, no spaces */
    {"\xE4\xBB\x8A\xE5\xA4\xA9\xE5\xA5\xBD\xE3\x80\x82\xE6\x88\x91\xE4\xBB\xAC"
     "\xE5\x8E\xBB\xEF\xBC\x81\xE5\xA5\xBD\xE7\x9A\x84\xE3\x80\x82",
     "\xE4\xBB\x8A\xE5\xA4\xA9\xE5\xA5\xBD\xE3\x80\x82|\xE6\x88\x91\xE4\xBB\xAC"
     "\xE5\x8E\xBB\xEF\xBC\x81|\xE5\xA5\xBD\xE7\x9A\x84\xE3\x80\x82"},
    /* Thai: a space between two Thai words ends a sentence, a space next
     * to a number does not */
    {"น้ำท่วมอำเภอโป่งแดง จังหวัดลำธารทอง ชาวบ้าน 1,200 "
     "ครัวเรือนได้รับผลกระทบ\nมีผู้เสียชีวิต 2 ราย",
     "น้ำท่วมอำเภอโป่งแดง|จังหวัดลำธารทอง|ชาวบ้าน 1,200 "
     "ครัวเรือนได้รับผลกระทบ|มีผู้เสียชีวิต 2 ราย"},
    /* glued UI label in another script after a full stop */
    {"since World War II.\xD8\xA7\xD8\xB6\xD8\xA7\xD9\x81\xD8\xA9",
     "since World War II.|\xD8\xA7\xD8\xB6\xD8\xA7\xD9\x81\xD8\xA9"},
    /* a combining mark after a full stop is a token, so it opens the next
     * sentence instead of being kept twice (fuzz_align) */
    {"\xE4\xBB\x8A\xE5\xA4\xA9\xE3\x80\x82\xCC\xB3 x",
     "\xE4\xBB\x8A\xE5\xA4\xA9\xE3\x80\x82|\xCC\xB3 x"},
};

/* Check the invariants every split must keep. */
static void check_invariants(const char *text, size_t len, const px_sent *s,
                             size_t n, size_t ntok) {
    size_t next_tok = 0;
    for (size_t i = 0; i < n; i++) {
        assert_true(s[i].span.start < s[i].span.end);
        assert_true(s[i].span.end <= len);
        assert_true(s[i].tok_count >= 1);
        assert_int_equal(s[i].tok_first, next_tok);
        next_tok += s[i].tok_count;
        if (i) assert_true(s[i - 1].span.end <= s[i].span.start);
        /* no sentence starts or ends with white space */
        assert_false(text[s[i].span.start] == ' ' ||
                     text[s[i].span.start] == '\n');
        assert_false(text[s[i].span.end - 1] == ' ' ||
                     text[s[i].span.end - 1] == '\n');
    }
    assert_int_equal(next_tok, ntok);
}

static void test_cases(void **state) {
    (void)state;
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const char *text = cases[c].text;
        px_doc *d;
        /* segmentation alone: the cleaner would lift the dateline out */
        px_doc_opts raw = {.no_clean = 1};
        assert_int_equal(px_doc_new(text, strlen(text), &raw, &d), PX_OK);
        px_sent *s;
        size_t n, ntok;
        assert_int_equal(px_sent_split(d, &s, &n), PX_OK);
        px_doc_tokens(d, &ntok);
        check_invariants(text, strlen(text), s, n, ntok);
        px_buf got = PX_BUF_INIT;
        for (size_t i = 0; i < n; i++) {
            if (i) px_buf_putc(&got, '|');
            px_buf_append(&got, text + s[i].span.start,
                          s[i].span.end - s[i].span.start);
        }
        if (strcmp(got.data ? got.data : "", cases[c].sents))
            fail_msg("case %zu: got '%s' want '%s'", c,
                     got.data ? got.data : "", cases[c].sents);
        px_buf_release(&got);
        px_free(s);
        px_doc_free(d);
    }
}

static void test_flags(void **state) {
    (void)state;
    const char *t = "Witkoff Meets Putin\nMOSCOW (Reuters) - Talks began. "
                    "They ended.\nA new paragraph.";
    px_sent *s;
    size_t n;
    assert_int_equal(px_sent_split_text(t, strlen(t), &s, &n), PX_OK);
    assert_int_equal(n, 5);
    assert_true(s[0].flags & PX_SENT_HEADLINE);
    assert_true(s[0].flags & PX_SENT_PARA);
    assert_true(s[1].flags & PX_SENT_DATELINE);
    assert_false(s[2].flags & (PX_SENT_HEADLINE | PX_SENT_DATELINE));
    assert_false(s[3].flags & PX_SENT_PARA);
    assert_true(s[4].flags & PX_SENT_PARA);
    assert_false(s[4].flags & PX_SENT_HEADLINE);
    /* px_sent_find */
    assert_int_equal(px_sent_find(s, n, 0), 0);
    assert_int_equal(px_sent_find(s, n, s[3].span.start), 3);
    assert_int_equal(px_sent_find(s, n, s[3].span.end - 1), 3);
    assert_int_equal(px_sent_find(s, n, s[3].span.end), -1); /* the space */
    assert_int_equal(px_sent_find(s, n, strlen(t) + 10), -1);
    px_free(s);
}

/* Text without punctuation is cut every PX_SENT_MAX_TOKENS tokens. */
static void test_cap(void **state) {
    (void)state;
    px_buf b = PX_BUF_INIT;
    for (int i = 0; i < 1000; i++) px_buf_puts(&b, "word ");
    px_sent *s;
    size_t n;
    assert_int_equal(px_sent_split_text(b.data, b.len, &s, &n), PX_OK);
    assert_int_equal(n, 3);
    assert_int_equal(s[0].tok_count, PX_SENT_MAX_TOKENS);
    assert_true(s[0].flags & PX_SENT_CUT);
    assert_int_equal(s[2].tok_count, 1000 - 2 * PX_SENT_MAX_TOKENS);
    px_free(s);
    px_buf_release(&b);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_cases),
                                       cmocka_unit_test(test_flags),
                                       cmocka_unit_test(test_cap)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
