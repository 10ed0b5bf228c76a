/*
 * test_clean.c - the boilerplate cleaner, data-driven.
 *
 * Each case is an input text (plus the title/outlet a reader would pass)
 * and the exact removals ("reason:text", '|'-separated) and metadata
 * ("key=value", ';'-separated) expected.  Every case also checks the
 * invariants: removals and kept spans partition the original, the clean
 * view is the kept text, and no token lies inside a removal.  The seed
 * cases read ../shared/seeds when present and check that every real
 * sentence survives.
 */
#include "clean/script.h" /* px_grapheme_end, px_grapheme_cut */
#include "testutil.h"

typedef struct clean_case {
    const char *name;
    const char *text;
    const char *title, *outlet; /* px_doc_opts as a reader would set them */
    const char *removed;        /* "reason:text|..." in order */
    const char *meta;           /* "key=value;..." in key order */
} clean_case;

#define LONG_PARA                                                              \
    "The envoy met the president on Tuesday for talks on ending the war, "     \
    "officials said."
#define RU_PARA                                                                \
    "\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD \xD0\xB2\xD1\x81\xD1\x82"        \
    "\xD1\x80\xD0\xB5\xD1\x82\xD0\xB8\xD0\xBB\xD1\x81\xD1\x8F \xD1\x81 "       \
    "\xD0\xBF\xD0\xBE\xD1\x81\xD0\xBB\xD0\xB0\xD0\xBD\xD0\xBD\xD0\xB8"         \
    "\xD0\xBA\xD0\xBE\xD0\xBC \xD0\xB2 \xD0\xBF\xD0\xBE\xD0\xBD\xD0\xB5"       \
    "\xD0\xB4\xD0\xB5\xD0\xBB\xD1\x8C\xD0\xBD\xD0\xB8\xD0\xBA \xD0\xB2 "       \
    "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB5."
#define AR_LABEL                                                               \
    "\xD8\xA7\xD8\xB6\xD8\xA7\xD9\x81\xD8\xA9 "                                \
    "\xD8\xA7\xD8\xB9\xD9\x84\xD8\xA7\xD9\x86"
#define RU_LABEL "\xD0\xA0\xD0\xB5\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xBC\xD0\xB0"
/* "The envoy met the president on Tuesday to discuss ending the war." */
#define AR_PARA                                                                \
    "\u0627\u0644\u062A\u0642\u0649 \u0627\u0644\u0645\u0628\u0639"            \
    "\u0648\u062B \u0627\u0644\u0631\u0626\u064A\u0633 \u064A\u0648\u0645 "    \
    "\u0627\u0644\u062B\u0644\u0627\u062B\u0627\u0621 \u0644\u0628\u062D"      \
    "\u062B \u0625\u0646\u0647\u0627\u0621 \u0627\u0644\u062D\u0631\u0628."
#define AR_MOSCOW "\u0645\u0648\u0633\u0643\u0648"
#define ZH_PARA                                                                \
    "\u7279\u4F7F\u5468\u4E8C\u4E0E\u603B\u7EDF\u4F1A\u9762\uFF0C\u8BA8"       \
    "\u8BBA\u7ED3\u675F\u6218\u4E89\u3002"
#define ZH_MOSCOW "\u83AB\u65AF\u79D1"
#define RU_MOSCOW "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"

static const clean_case cases[] = {
    /* --- title */
    {"title repeated",
     "Big news today\n\nBig news today\nBig news today\n" LONG_PARA "\n", NULL,
     NULL, "title-repeat:Big news today\n|title-repeat:Big news today\n",
     "title=Big news today"},
    {"title repeated, other case, CRLF",
     "BIG NEWS TODAY\r\nBig news today\r\n" LONG_PARA "\r\n", NULL, NULL,
     "title-repeat:Big news today\r\n", "title=BIG NEWS TODAY"},
    {"title that does not repeat", "Big news today\n" LONG_PARA "\n", NULL,
     NULL, "", ""},
    {"given title, once", "Big news today\n" LONG_PARA "\n", "Big news today",
     NULL, "", "title=Big news today"},
    {"title repeated further down is not at the top",
     "Big news today\n" LONG_PARA "\nBig news today\n", NULL, NULL, "", ""},
    /* --- UI / ad labels */
    {"Arabic label glued", LONG_PARA AR_LABEL "\n\n" LONG_PARA "\n", NULL, NULL,
     "ui-label:" AR_LABEL, ""},
    {"Cyrillic label after a space", LONG_PARA " " RU_LABEL "\n" LONG_PARA "\n",
     NULL, NULL, "ui-label: " RU_LABEL, ""},
    {"unknown run in another script, glued",
     LONG_PARA "\xE5\xB9\xBF\xE5\x91\x8A\xE4\xBD\x8D\n" LONG_PARA "\n", NULL,
     NULL, "ui-label:\xE5\xB9\xBF\xE5\x91\x8A\xE4\xBD\x8D", ""},
    {"run in another script after a space stays",
     LONG_PARA " " RU_MOSCOW "\n" LONG_PARA "\n", NULL, NULL, "", ""},
    {"Arabic label glued to the start",
     LONG_PARA "\n" AR_LABEL "The envoy met the president again.\n", NULL, NULL,
     "ui-label:" AR_LABEL, ""},
    {"label glued to the start, case change",
     LONG_PARA "\nAdvertisementThe envoy met the president again.\n", NULL,
     NULL, "ui-label:Advertisement", ""},
    {"label glued to the start, capitals",
     LONG_PARA "\nADVERTISEMENTThe envoy met the president again.\n", NULL,
     NULL, "ui-label:ADVERTISEMENT", ""},
    {"names with inner capitals stay",
     LONG_PARA "\nMcDonald and AdAstra and NATOThe met in iPhone town.\n", NULL,
     NULL, "", ""},
    {"label word opening a sentence stays",
     LONG_PARA "\nAdvertisements are everywhere in the city now.\n", NULL, NULL,
     "", ""},
    {"label line in the body", LONG_PARA "\nADVERTISEMENT\n" LONG_PARA "\n",
     NULL, NULL, "ui-label:ADVERTISEMENT\n", ""},
    {"label word inside a quote stays",
     "\"Advertisement is everywhere,\" she said.\n" LONG_PARA "\n", NULL, NULL,
     "", ""},
    {"one-word sentences stay",
     "He asked if they would stay.\nNo.\nWhy?\n"
     "Advertisement.\n" LONG_PARA "\n",
     NULL, NULL, "", ""},
    {"a one-line text is never all debris", "Advertisement", NULL, NULL, "",
     ""},
    {"a short line ending a passage in its script stays",
     LONG_PARA "\n" AR_PARA "\n" AR_MOSCOW "\n" LONG_PARA " " LONG_PARA
               "\n" LONG_PARA "\n",
     NULL, NULL, "", ""},
    {"a lone short line in another script goes",
     LONG_PARA " " LONG_PARA "\n" AR_MOSCOW "\n" LONG_PARA " " LONG_PARA "\n",
     NULL, NULL, "ui-label:" AR_MOSCOW "\n", ""},
    /* --- whole non-Latin articles lose nothing */
    {"Russian article", RU_PARA "\n" RU_MOSCOW "\n" RU_PARA " " RU_PARA "\n",
     NULL, NULL, "", ""},
    {"Arabic article with a Latin name",
     AR_PARA " NATO " AR_PARA "\n" AR_MOSCOW "\n" AR_PARA "\n", NULL, NULL, "",
     ""},
    {"Chinese article", ZH_PARA "\n" ZH_MOSCOW "\n" ZH_PARA ZH_PARA "\n", NULL,
     NULL, "", ""},
    /* --- credits and datelines */
    {"credit line", LONG_PARA "\n\nReuters", NULL, NULL, "credit:Reuters",
     "wire=Reuters"},
    {"credit in parentheses", LONG_PARA "\n(AP)\n", NULL, NULL, "credit:(AP)\n",
     "wire=AP"},
    {"two wires", LONG_PARA "\n\xE2\x80\x94 AFP/Reuters\n", NULL, NULL,
     "credit:\xE2\x80\x94 AFP/Reuters\n", "wire=AFP/Reuters"},
    {"reporting credit",
     LONG_PARA "\n(Reporting by Ann Lee; Editing by Bo "
               "Ng)\nReuters\n",
     NULL, NULL,
     "credit:(Reporting by Ann Lee; Editing by Bo Ng)\n|credit:Reuters\n",
     "wire=Reuters"},
    {"wire name mid-text stays", "Reuters\n" LONG_PARA "\n", NULL, NULL, "",
     ""},
    {"dateline", "MOSCOW (Reuters) - " LONG_PARA "\n", NULL, NULL,
     "dateline:MOSCOW (Reuters) - ", "wire=Reuters;dateline=MOSCOW"},
    {"dateline with country and long dash",
     "KYIV, Ukraine (AP) \xE2\x80\x94 " LONG_PARA "\n", NULL, NULL,
     "dateline:KYIV, Ukraine (AP) \xE2\x80\x94 ",
     "wire=AP;dateline=KYIV, Ukraine"},
    {"dateline naming the outlet itself",
     "HESSEL (Hessel News) - " LONG_PARA "\n", NULL, "Hessel News",
     "dateline:HESSEL (Hessel News) - ", "outlet=Hessel News;dateline=HESSEL"},
    {"dateline credit repeated at the foot",
     "VELMORA (Kestrel Wire) - " LONG_PARA "\nKestrel Wire\n", NULL, NULL,
     "dateline:VELMORA (Kestrel Wire) - |credit:Kestrel Wire\n",
     "wire=Kestrel Wire;dateline=VELMORA"},
    {"not a dateline",
     "U.S. - China trade talks resumed on Tuesday, "
     "officials said.\n" LONG_PARA "\n",
     NULL, NULL, "", ""},
    /* --- self-references stay in the text */
    {"self-reference",
     LONG_PARA "\nModern.az reports that the talks will "
               "start at noon.\n",
     NULL, NULL, "", "outlet=Modern.az"},
    {"a person is no outlet",
     LONG_PARA "\nMichael Silverman reports that "
               "the team won.\n",
     NULL, NULL, "", ""},
    {"an acronym outlet",
     LONG_PARA "\nSKY-TV reports that three people "
               "died.\n",
     NULL, NULL, "", "outlet=SKY-TV"},
    {"a date in parentheses is no agency", "(March 20, 2007) - " LONG_PARA "\n",
     NULL, NULL, "", ""},
    {"pronoun is no outlet",
     LONG_PARA "\nHe reports that the talks will "
               "start.\n",
     NULL, NULL, "", ""},
    {"another outlet cited",
     LONG_PARA "\nThe Daily Planet reports that the "
               "talks will start.\n",
     NULL, "Modern.az", "", ""},
    /* --- share lines */
    {"share footer",
     LONG_PARA "\nShare this article: Facebook | X | Email\n"
               "Follow Coastline Daily on X and Telegram.\n",
     NULL, NULL,
     "share:Share this article: Facebook | X | Email\n|share:Follow "
     "Coastline Daily on X and Telegram.\n",
     ""},
    {"call to action in the body stays",
     LONG_PARA "\nJoin the protest on Telegram, organisers urged.\n" LONG_PARA
               "\n",
     NULL, NULL, "", ""},
    {"share sentence stays",
     LONG_PARA "\nShare this moment with your "
               "family, the mayor urged.\n" LONG_PARA "\n",
     NULL, NULL, "", ""},
    /* --- control characters, invalid UTF-8 */
    {"control characters", "Hello\x01\x02 world.\n" LONG_PARA "\n", NULL, NULL,
     "control:\x01\x02", ""},
    {"invalid UTF-8 is no debris", "Big \xFF news\n" LONG_PARA "\xFE\n", NULL,
     NULL, "", ""},
};

/* Removals as "reason:text|..." */
static char *removals_str(const px_doc *d, const char *text) {
    px_buf b = PX_BUF_INIT;
    size_t n;
    const px_removal *r = px_doc_removals(d, &n);
    px_buf_putc(&b, '\0');
    b.len = 0;
    for (size_t i = 0; i < n; i++) {
        if (i) px_buf_putc(&b, '|');
        px_buf_printf(&b, "%s:", px_removal_reason_str(r[i].reason));
        px_buf_append(&b, text + r[i].span.start,
                      r[i].span.end - r[i].span.start);
    }
    return px_buf_detach(&b, NULL);
}

static char *meta_str(const px_doc *d) {
    static const char *const keys[] = {"title", "wire", "outlet", "dateline"};
    px_buf b = PX_BUF_INIT;
    px_buf_putc(&b, '\0');
    b.len = 0;
    for (size_t k = 0; k < 4; k++) {
        const char *v = px_doc_meta(d, keys[k]);
        if (!v) continue;
        px_buf_printf(&b, "%s%s=%s", b.len ? ";" : "", keys[k], v);
    }
    return px_buf_detach(&b, NULL);
}

/* Removals are in order and inside the text; the clean view is the
 * original minus the removals (a space may join two kept pieces); no token
 * starts or ends inside a removal. */
static void check_invariants(const px_doc *d, const char *text, size_t len) {
    size_t n, nt, cl, pos = 0;
    const px_removal *r = px_doc_removals(d, &n);
    const px_token *t = px_doc_tokens(d, &nt);
    const char *clean = px_doc_clean(d, &cl);
    px_buf kept = PX_BUF_INIT;
    for (size_t i = 0; i <= n; i++) {
        size_t s = i < n ? r[i].span.start : len;
        assert_true(s >= pos && s <= len);
        px_buf_append(&kept, text + pos, s - pos);
        if (i == n) break;
        assert_true(r[i].span.start < r[i].span.end && r[i].span.end <= len);
        pos = r[i].span.end;
        for (size_t k = 0; k < nt; k++)
            assert_true(t[k].end <= r[i].span.start ||
                        t[k].start >= r[i].span.end);
    }
    if (!px_doc_bad_utf8(d)) {
        size_t a = 0, b = 0;
        while (a < cl && b < kept.len) {
            if (clean[a] == kept.data[b])
                a++, b++;
            else
                assert_int_equal(clean[a++], ' ');
        }
        assert_int_equal(b, kept.len);
        assert_int_equal(a, cl);
    }
    px_buf_release(&kept);
}

static void test_cases(void **state) {
    (void)state;
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const clean_case *k = &cases[c];
        size_t len = strlen(k->text);
        px_doc_opts o = {0, k->title, k->outlet, NULL};
        px_doc *d;
        assert_int_equal(px_doc_new(k->text, len, &o, &d), PX_OK);
        char *rm = removals_str(d, k->text), *meta = meta_str(d);
        if (strcmp(rm, k->removed) || strcmp(meta, k->meta))
            fail_msg("case '%s':\n removed '%s'\n    want '%s'\n meta '%s'\n"
                     " want '%s'",
                     k->name, rm, k->removed, meta, k->meta);
        check_invariants(d, k->text, len);
        px_free(rm);
        px_free(meta);
        px_doc_free(d);
    }
}

/* The clean view is the original minus the removals (a space may join two
 * kept pieces). */
static void test_clean_view(void **state) {
    (void)state;
    const char *text = "Big news\nBig news\n" LONG_PARA AR_LABEL "\nReuters";
    px_doc *d;
    assert_int_equal(px_doc_new(text, strlen(text), NULL, &d), PX_OK);
    size_t cl;
    const char *clean = px_doc_clean(d, &cl);
    assert_string_equal(clean, "Big news\n" LONG_PARA "\n");
    assert_int_equal(px_doc_clean_to_orig(d, 9), 18);
    px_doc_free(d);
}

/* ------------------------------------------------------------ learned */

static void test_boiler(void **state) {
    (void)state;
    const char *foot = "Coastline Daily - news from the coast since 1987.";
    char text[512];
    px_boiler *b = px_boiler_new(NULL);
    for (int i = 0; i < 4; i++) {
        snprintf(text, sizeof text,
                 "Story number %d is about a thing that "
                 "happened, officials said today in the city.\n%s\n",
                 i, foot);
        assert_int_equal(px_boiler_add(b, "Coastline", text, strlen(text)),
                         PX_OK);
    }
    px_boiler_add(b, "Other", text, strlen(text));
    assert_int_equal(px_boiler_docs(b, "Coastline"), 4);
    assert_int_equal(px_boiler_count(b, "Coastline", foot, strlen(foot)), 4);
    assert_int_equal(px_boiler_count(b, "Other", foot, strlen(foot)), 1);
    assert_true(px_boiler_recurring(b, "Coastline", foot, strlen(foot)));
    assert_false(px_boiler_recurring(b, "Other", foot, strlen(foot)));

    /* the cleaner removes it for Coastline only, as a footer */
    snprintf(text, sizeof text, "%s\n%s\n", LONG_PARA, foot);
    for (int o = 0; o < 2; o++) {
        px_doc_opts opts = {0, NULL, o ? "Other" : "Coastline", b};
        px_doc *d;
        assert_int_equal(px_doc_new(text, strlen(text), &opts, &d), PX_OK);
        char *rm = removals_str(d, text);
        assert_string_equal(rm, o ? ""
                                  : "recurring:Coastline Daily - news "
                                    "from the coast since 1987.\n");
        px_free(rm);
        px_doc_free(d);
    }
    /* a recurring sentence in the middle of the body stays */
    snprintf(text, sizeof text, "%s\n%s\n%s\n", LONG_PARA, foot, LONG_PARA);
    px_doc_opts opts = {0, NULL, "Coastline", b};
    px_doc *d;
    assert_int_equal(px_doc_new(text, strlen(text), &opts, &d), PX_OK);
    size_t n;
    px_doc_removals(d, &n);
    assert_int_equal(n, 0);
    px_doc_free(d);
    px_boiler_free(b);
    px_boiler_free(NULL);
}

static void test_boiler_cap(void **state) {
    (void)state;
    px_boiler_opts o = {0, 0, 8};
    px_boiler *b = px_boiler_new(&o);
    char line[64];
    for (int i = 0; i < 100; i++) {
        snprintf(line, sizeof line, "line %d\n", i);
        px_boiler_add(b, "X", line, strlen(line));
    }
    size_t known = 0;
    for (int i = 0; i < 100; i++) {
        snprintf(line, sizeof line, "line %d", i);
        known += px_boiler_count(b, "X", line, strlen(line)) > 0;
    }
    assert_true(known < 8); /* the outlet's own counter takes one slot */
    assert_int_equal(px_boiler_add(NULL, "X", "a", 1), PX_ERR_INVALID);
    px_boiler_free(b);
}

/* --------------------------------------------------------------- seeds */

/* Every run of the original ending with final punctuation and holding at
 * least 3 words (a real sentence) is in the clean text. */
static size_t check_sentences(const char *text, size_t len, const char *clean) {
    size_t s = 0, checked = 0;
    for (size_t i = 0; i < len; i++) {
        int end = strchr(".!?", text[i]) &&
                  (i + 1 == len || text[i + 1] == ' ' || text[i + 1] == '\n');
        if (!end && text[i] != '\n') continue;
        while (s < i && (text[s] == ' ' || text[s] == '\n')) s++;
        size_t n = i + (end ? 1 : 0) - s, words = 1;
        for (size_t k = s; k < s + n; k++) words += text[k] == ' ';
        if (end && words >= 3) {
            char *sent = px_strndup(text + s, n);
            if (!strstr(clean, sent)) fail_msg("sentence lost: '%s'", sent);
            px_free(sent);
            checked++;
        }
        s = i + 1;
    }
    return checked;
}

static void test_seed_reuters(void **state) {
    (void)state;
    char path[256];
    if (!px_test_shared("seeds/000_db9f598bcc720c5d.txt", path, sizeof path))
        skip();
    size_t len;
    char *text = px_test_slurp(path, &len);
    px_doc *d;
    assert_int_equal(px_doc_new(text, len, NULL, &d), PX_OK);
    const char *title = "Witkoff and Kushner Meet Putin in Moscow to Discuss "
                        "Ending the War in Ukraine";
    const char *clean = px_doc_clean(d, NULL);
    const char *first = strstr(clean, title);
    assert_non_null(first);
    assert_null(strstr(first + 1, title)); /* the title once */
    assert_null(strstr(clean, AR_LABEL));
    assert_null(strstr(clean, "Reuters"));
    char *rm = removals_str(d, text);
    char want[512];
    snprintf(want, sizeof want,
             "title-repeat:%s\n|title-repeat:%s\n|"
             "ui-label:" AR_LABEL "|credit:Reuters",
             title, title);
    assert_string_equal(rm, want);
    assert_string_equal(px_doc_meta(d, "wire"), "Reuters");
    assert_string_equal(px_doc_meta(d, "title"), title);
    assert_true(check_sentences(text, len, clean) >= 10); /* all 10 */
    check_invariants(d, text, len);
    px_free(rm);
    px_doc_free(d);
    px_free(text);
}

static void test_seed_modern(void **state) {
    (void)state;
    char path[256];
    if (!px_test_shared("seeds/002_2fef65d93e5c9bc7.txt", path, sizeof path))
        skip();
    size_t len, n, cl;
    char *text = px_test_slurp(path, &len);
    px_doc *d;
    assert_int_equal(px_doc_new(text, len, NULL, &d), PX_OK);
    px_doc_removals(d, &n);
    assert_int_equal(n, 0);
    const char *clean = px_doc_clean(d, &cl);
    assert_int_equal(cl, len);
    assert_memory_equal(clean, text, len);
    assert_string_equal(px_doc_meta(d, "outlet"), "Modern.az");
    assert_null(px_doc_meta(d, "wire"));
    px_doc_free(d);
    px_free(text);
}

/* Grapheme clusters (px_grapheme_end), one row a text and its clusters
 * '|'-separated: a Thai consonant keeps its vowel and tone marks, a
 * decomposed accent its letter, an invalid byte stands alone. */
static void test_graphemes(void **state) {
    (void)state;
    static const char *const rows[][2] = {
        {"ผู้โดยสาร", "ผู้|โ|ด|ย|ส|า|ร"},
        {"น้ำ", "น้ำ"},
        {"e\xcc\x81te", "e\xcc\x81|t|e"},
        {"渡轮", "渡|轮"},
        {"a\xff"
         "b",
         "a|\xff"
         "|b"},
    };
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        const char *s = rows[r][0];
        size_t n = strlen(s);
        px_buf got = PX_BUF_INIT;
        for (size_t i = 0, e; i < n; i = e) {
            e = px_grapheme_end(s, n, i);
            assert_true(e > i && e <= n);
            if (i) px_buf_putc(&got, '|');
            px_buf_append(&got, s + i, e - i);
        }
        px_buf_putc(&got, 0);
        assert_string_equal(got.data, rows[r][1]);
        px_buf_release(&got);
    }
    /* px_grapheme_cut: the last cluster end within the bound */
    static const struct {
        const char *s;
        size_t from, to, want;
    } cuts[] = {
        {"ผู้โดยสาร", 0, 8, 0},     /* "ผู้" is 9 bytes: nothing fits */
        {"ผู้โดยสาร", 0, 9, 9},     /* it fits whole */
        {"ผู้โดยสาร", 0, 14, 12},   /* 14 falls inside "ด": back to 12 */
        {"e\xcc\x81te", 0, 2, 0}, /* never between e and its accent */
        {"abc", 1, 10, 3},        /* bound past the end: the end */
    };
    for (size_t r = 0; r < sizeof cuts / sizeof cuts[0]; r++)
        assert_int_equal(px_grapheme_cut(cuts[r].s, strlen(cuts[r].s),
                                         cuts[r].from, cuts[r].to),
                         cuts[r].want);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),        cmocka_unit_test(test_clean_view),
        cmocka_unit_test(test_boiler),       cmocka_unit_test(test_boiler_cap),
        cmocka_unit_test(test_seed_reuters), cmocka_unit_test(test_seed_modern),
        cmocka_unit_test(test_graphemes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
