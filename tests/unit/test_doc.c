/*
 * test_doc.c - the clean/norm views, offset maps and tokenizer.
 * Data-driven: each case is an input and the expected normalised tokens.
 */
#include "testutil.h"
#include "wordgen.h"

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
    {"bad\xFF"
     "byte",
     "bad|byte"},
    {"\xD8\xA7\xD8\xB6\xD8\xA7\xD9\x81\xD8\xA9 "
     "\xD8\xA7\xD8\xB9\xD9\x84\xD8\xA7\xD9\x86",
     "\xD8\xA7\xD8\xB6\xD8\xA7\xD9\x81\xD8\xA9|"
     "\xD8\xA7\xD8\xB9\xD9\x84\xD8\xA7\xD9\x86"},
    {"STRASSE Stra\xC3\x9F"
     "e",
     "strasse|strasse"},
    {"end.", "end"},
    {"'quoted' word's", "quoted|word's"},
    {"caf\xC3\xA9's menu", "caf\xC3\xA9's|menu"},
    {"Internationalization  ABCDEFGHIJKLMNOPQRSTUVWXYZ 12,345,678.90 x",
     "internationalization|abcdefghijklmnopqrstuvwxyz|12,345,678.90|x"},
    {"AbCdEfGh`ijklmnop qrstuvwx\tyz 0123456789abcdef",
     "abcdefgh'ijklmnop|qrstuvwx|yz|0123456789abcdef"},
    {"tail-word\xC3\xA9 e\xCC\x81tude", "tail|word\xC3\xA9|\xC3\xA9tude"},
    /* U+2017 folds to a space and U+0333, three bytes each (fuzz_align) */
    {"a \xE2\x80\x97 b", "a|\xCC\xB3|b"},
};

static int cont_byte(const char *s, size_t off) {
    return ((unsigned char)s[off] & 0xC0) == 0x80;
}

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
            /* and cut at character boundaries */
            assert_false(cont_byte(text, t[i].start));
            assert_false(t[i].end < strlen(text) && cont_byte(text, t[i].end));
        }
        if (strcmp(got.data ? got.data : "", tok_cases[c].tokens))
            fail_msg("case %zu: got '%s' want '%s'", c,
                     got.data ? got.data : "", tok_cases[c].tokens);
        px_buf_release(&got);
        px_doc_free(d);
    }
}

/* Every token's original span holds the word it was made from. */
static void test_spans_point_into_original(void **state) {
    (void)state;
    const char *text = "  Kremlin \xE2\x80\x9C"
                       "Peskov\xE2\x80\x9D said\xFF 1.2%";
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

/* ---------------------------------------------------- golden digests
 * A digest of EVERY output of px_doc_new (clean and norm views, the
 * offset maps at every view offset, token records, removals, metadata,
 * replaced-byte count) over fixed inputs.  The values were recorded from
 * the implementation as it stood before the speed work (bench/README.md,
 * "clean"): an optimisation must leave all of them unchanged.  A change
 * that alters behaviour on purpose updates them and says why. */

#include <jansson.h> /* json_load_file: the shared data sets */

static uint64_t dg_mix(uint64_t h, const void *p, size_t n) {
    return px_hash64(p, n, h);
}

static uint64_t dg_u64(uint64_t h, uint64_t v) {
    return dg_mix(h, &v, sizeof v);
}

static uint64_t dg_str(uint64_t h, const char *s) {
    return s ? dg_mix(h, s, strlen(s) + 1) : dg_u64(h, 0xA11);
}

/* Digest of everything one doc reports, chained onto h. */
static uint64_t dg_doc(uint64_t h, const char *text, size_t len,
                       const px_doc_opts *o) {
    px_doc *d;
    assert_int_equal(px_doc_new(text, len, o, &d), PX_OK);
    size_t cl, nl, n;
    const char *clean = px_doc_clean(d, &cl), *norm = px_doc_norm(d, &nl);
    h = dg_mix(dg_u64(h, cl), clean, cl);
    h = dg_mix(dg_u64(h, nl), norm, nl);
    for (size_t i = 0; i <= cl; i++) h = dg_u64(h, px_doc_clean_to_orig(d, i));
    for (size_t i = 0; i <= nl; i++) h = dg_u64(h, px_doc_norm_to_orig(d, i));
    const px_token *t = px_doc_tokens(d, &n);
    h = dg_u64(h, n);
    for (size_t i = 0; i < n; i++) {
        uint64_t f[6] = {t[i].start,    t[i].end,  t[i].norm_off,
                         t[i].norm_len, t[i].hash, t[i].flags};
        h = dg_mix(h, f, sizeof f);
    }
    const px_removal *r = px_doc_removals(d, &n);
    h = dg_u64(h, n);
    for (size_t i = 0; i < n; i++) {
        uint64_t f[3] = {r[i].span.start, r[i].span.end, r[i].reason};
        h = dg_str(dg_mix(h, f, sizeof f), r[i].detail);
    }
    static const char *keys[] = {"title", "wire", "outlet", "dateline"};
    for (size_t k = 0; k < 4; k++) h = dg_str(h, px_doc_meta(d, keys[k]));
    h = dg_u64(h, px_doc_bad_utf8(d));
    px_doc_free(d);
    return h;
}

/* Digest of a text cleaned three ways: default, with a known title and
 * outlet, and without the cleaner. */
static uint64_t dg_text(uint64_t h, const char *text, size_t len) {
    px_doc_opts titled = {0, "Kremlin says talks go on", "Modern.az", NULL};
    px_doc_opts raw = {1, NULL, NULL, NULL};
    h = dg_doc(h, text, len, NULL);
    h = dg_doc(h, text, len, &titled);
    return dg_doc(h, text, len, &raw);
}

/* Pieces the generator draws from: ASCII words in every case, numbers with
 * separators, apostrophes, every whitespace, control bytes, invalid UTF-8,
 * quotes and dashes to unify, NFKC/case-fold cases (fullwidth, ligatures,
 * sharp s, Greek sigma, combining marks, Hangul jamo), Cyrillic, Arabic,
 * CJK, and boilerplate the cleaner acts on. */
static const char *const dg_pieces[] = {
    "the",
    "Kremlin",
    "SAID",
    "word's",
    "O'Neil",
    "115,600",
    "1.2",
    "3.",
    "x",
    "AbCdEfGhIjKl",
    "`",
    "'",
    ".",
    ",",
    "-",
    "!",
    "?",
    "(",
    ")",
    "%",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    "\f",
    "\v",
    "\x01",
    "\x7F",
    "\xFF",
    "\xC3",
    "\xE2\x80",
    "\xED\xA0\x80",
    "\xC0\xAF",
    "\xE2\x80\x99",
    "\xE2\x80\x9C",
    "\xE2\x80\x9D",
    "\xE2\x80\x94",
    "\xC2\xAB",
    "\xC2\xBB",
    "\xC2\xA0",
    "\xE2\x80\x8B",
    "\xE2\x80\xA8",
    "\xC2\x85",
    "\xEF\xBC\xA6\xEF\xBD\x95",
    "\xEF\xAC\x81",
    "Stra\xC3\x9F"
    "e",
    "\xCE\xA3\xCE\xBF\xCF\x86\xCE\xAF\xCE\xB1",
    "\xCC\x81",
    "e\xCC\x81",
    "\xE1\x84\x80\xE1\x85\xA1",
    "\xED\x95\x9C\xEA\xB5\xAD",
    "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
    "\xD8\xA7\xD8\xB6\xD8\xA7\xD9\x81\xD8\xA9",
    "\xD8\xA7\xD8\xB6\xD8\xA7\xD9\x81\xD8\xA9 "
    "\xD8\xA7\xD8\xB9\xD9\x84\xD8\xA7\xD9\x86",
    "\xE4\xB8\xAD\xE6\x96\x87",
    "\xE2\x91\xA0",
    "\xC2\xBD",
    "\xF0\x9F\x98\x80",
    "\xD9\xA3",
    "Reuters",
    "Advertisement",
    "Share this article",
    "Subscribe",
    "Modern.az reports that",
    "MOSCOW (Reuters) - ",
    "Kremlin says talks go on",
    "Photo: AP",
    "Read more:",
};

static void dg_gen(px_buf *b, uint64_t *seed) {
    size_t np = sizeof dg_pieces / sizeof dg_pieces[0];
    size_t parts = (size_t)(wg_next(seed) % 400);
    for (size_t i = 0; i < parts; i++) {
        uint64_t r = wg_next(seed);
        if (r % 7 == 0) /* a run of plain words: the ASCII fast paths */
            for (size_t w = 0; w < 1 + r % 13; w++)
                px_buf_append(b, w ? " ab" : "Cd", 2 + (w > 0));
        else
            px_buf_append(b, dg_pieces[r % np], strlen(dg_pieces[r % np]));
        if (r >> 60 < 9) px_buf_putc(b, r >> 56 & 1 ? '\n' : ' ');
    }
}

static void test_golden_generated(void **state) {
    (void)state;
    uint64_t seed = 0x9E3779B97F4A7C15ull, h = 0;
    for (int k = 0; k < 1500; k++) {
        px_buf b = PX_BUF_INIT;
        dg_gen(&b, &seed);
        h = dg_text(h, b.data ? b.data : "", b.len);
        px_buf_release(&b);
    }
    if (h != 0xffe1ce977c23cb0bull)
        fail_msg("generated corpus digest %016llx", (unsigned long long)h);
}

/* Digest over the texts of a shared data set (skipped when absent). */
static void dg_shared(const char *rel, uint64_t want) {
    char path[512];
    const char *env = getenv("PX_SHARED"); /* as bench/bench_clean.sh */
    if (env) snprintf(path, sizeof path, "%s/%s", env, rel);
    FILE *probe = env ? fopen(path, "rb") : NULL;
    if (probe)
        fclose(probe);
    else if (!px_test_shared(rel, path, sizeof path))
        skip();
    uint64_t h = 0;
    size_t n = 0;
    if (strstr(rel, ".jsonl")) {
        FILE *f = fopen(path, "rb");
        char *line = NULL;
        size_t cap = 0;
        while (getline(&line, &cap, f) > 0) {
            json_t *o = json_loads(line, 0, NULL);
            json_t *t = json_object_get(o, "text");
            if (json_is_string(t))
                h = dg_text(h, json_string_value(t), json_string_length(t)),
                n++;
            json_decref(o);
        }
        free(line);
        fclose(f);
    } else {
        json_t *g = json_load_file(path, 0, NULL), *v;
        const char *k;
        json_object_foreach(g, k, v) {
            json_t *t = json_object_get(v, "articleBody");
            if (json_is_string(t))
                h = dg_text(dg_str(h, k), json_string_value(t),
                            json_string_length(t)),
                n++;
        }
        json_decref(g);
    }
    assert_true(n > 0);
    if (h != want)
        fail_msg("%s: digest %016llx over %zu texts", rel,
                 (unsigned long long)h, n);
}

static void test_golden_ecbplus(void **state) {
    (void)state;
    dg_shared("data/ecbplus/dev.jsonl", 0xc0c4ec8eb9058ff1ull);
}

static void test_golden_extraction(void **state) {
    (void)state;
    dg_shared("data/article-extraction/ground-truth.json",
              0xce1e8a66cb968f2eull);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokens),
        cmocka_unit_test(test_spans_point_into_original),
        cmocka_unit_test(test_null_and_caps),
        cmocka_unit_test(test_golden_generated),
        cmocka_unit_test(test_golden_ecbplus),
        cmocka_unit_test(test_golden_extraction),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
