/*
 * test_cluster_scripts.c - clustering features of words in other scripts
 * (cluster/feats.c, "words of other scripts"): Chinese and Japanese give
 * Han characters and bigrams, hiragana is skipped, inner digits are
 * numbers and inner Latin letters words; Russian and Greek words are cut to
 * five letters without accents and short ones dropped, names included; Arabic
 * keeps whole words. Features are compared through the internal layout
 * (cluster/feats.h).
 */
#include "testutil.h"

#include "cluster/feats.h"

/* Features of text (no title), default options. */
static px_cluster_feats *feats(px_stemmer *st, const char *text) {
    px_doc *d = NULL;
    px_cluster_feats *f = NULL;
    assert_int_equal(px_doc_new(text, strlen(text), NULL, &d), PX_OK);
    assert_int_equal(px_cluster_feats_new(d, NULL, st, NULL, &f), PX_OK);
    px_doc_free(d);
    return f;
}

/* Features of kind (0: any) that a and b share (both sorted by hash). */
static size_t shared(const px_cluster_feats *a, const px_cluster_feats *b,
                     unsigned kind) {
    size_t n = 0;
    for (size_t i = 0, j = 0; i < a->n && j < b->n;) {
        if (a->v[i].hash < b->v[j].hash)
            i++;
        else if (a->v[i].hash > b->v[j].hash)
            j++;
        else
            n += !kind || a->v[i].kind == kind, i++, j++;
    }
    return n;
}

static size_t of_kind(const px_cluster_feats *f, unsigned kind) {
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++) n += f->v[i].kind == kind;
    return n;
}

/* Count of features a and b share, from two texts. */
static size_t shared_text(px_stemmer *st, const char *a, const char *b,
                          unsigned kind) {
    px_cluster_feats *fa = feats(st, a), *fb = feats(st, b);
    size_t n = shared(fa, fb, kind);
    px_cluster_feats_free(fa);
    px_cluster_feats_free(fb);
    return n;
}

static void test_chinese(void **state) {
    px_stemmer *st = *state;
    /* one clause token: 4 characters + 3 bigrams, and the number 12 */
    px_cluster_feats *f = feats(st, "山体滑坡12人");
    assert_int_equal(of_kind(f, PX_FEAT_NUMBER), 1);
    /* 山 体 滑 坡 人, 山体 体滑 滑坡 */
    assert_int_equal(of_kind(f, PX_FEAT_WORD), 8);
    px_cluster_feats_free(f);
    /* the same place and event in two different clauses */
    assert_true(shared_text(st, "青河县山体滑坡，12人失踪。",
                            "记者从青河县获悉，山体滑坡现场搜救仍在进行。",
                            PX_FEAT_WORD) >= 9);
    assert_int_equal(
        shared_text(st, "青河县山体滑坡。", "南湾市跨海大桥通车。", 0), 0);
}

static void test_japanese(void **state) {
    px_stemmer *st = *state;
    /* hiragana (の, で) is skipped; Han runs 北浜市 and 化学工場 */
    px_cluster_feats *f = feats(st, "北浜市の化学工場で");
    assert_int_equal(f->n, 3 + 2 + 4 + 3);
    px_cluster_feats_free(f);
    /* katakana runs give bigrams, no single characters */
    f = feats(st, "コンクール");
    assert_int_equal(f->n, 4);
    px_cluster_feats_free(f);
    /* a clause opening with Latin letters is still a Han/kana clause, its
     * Latin run a word: "nhk", then 取材 (3 features) */
    assert_int_equal(shared_text(st, "NHKによると", "NHKの取材で", 0), 1);
    f = feats(st, "NHKの取材で");
    assert_int_equal(f->n, 1 + 3);
    px_cluster_feats_free(f);
    /* only hiragana: nothing to cluster by */
    f = feats(st, "これはそれです");
    assert_int_equal(px_cluster_feats_count(f), 0);
    px_cluster_feats_free(f);
}

static void test_russian(void **state) {
    px_stemmer *st = *state;
    /* inflected forms share their cut: фабри, пожар, верхн, рабоч */
    assert_int_equal(shared_text(st, "пожар фабрики рабочих",
                                 "пожара фабрике рабочие", PX_FEAT_WORD),
                     3);
    /* short function words (в, на, по) give nothing */
    px_cluster_feats *f = feats(st, "в на по и");
    assert_int_equal(px_cluster_feats_count(f), 0);
    px_cluster_feats_free(f);
    /* ё and е are one letter */
    assert_int_equal(shared_text(st, "зелёный", "зеленый", 0), 1);
    /* a name in two cases, after a capitalised preposition or not */
    assert_int_equal(
        shared_text(st, "Пожар начался ночью. В Верхнелуцке горел склад.",
                    "Огонь охватил склад около Верхнелуцка.", PX_FEAT_ENTITY),
        1);
}

static void test_greek(void **state) {
    px_stemmer *st = *state;
    /* the stress moves between forms: χωριό, χωριού */
    assert_int_equal(shared_text(st, "χωριό", "χωριού", PX_FEAT_WORD), 1);
    px_cluster_feats *f = feats(st, "το η οι σε");
    assert_int_equal(px_cluster_feats_count(f), 0);
    px_cluster_feats_free(f);
}

static void test_whole_words(void **state) {
    px_stemmer *st = *state;
    /* Arabic and Hebrew keep whole words: a prefixed form differs */
    assert_int_equal(shared_text(st, "بلدة السيول", "بلدة سيول", PX_FEAT_WORD),
                     1);
    assert_int_equal(shared_text(st, "רכבת משא", "רכבת המשא", PX_FEAT_WORD), 1);
    /* English is untouched: Snowball stems */
    assert_int_equal(shared_text(st, "floods closed bridges",
                                 "flooding closes bridge", PX_FEAT_WORD),
                     3);
}

static int setup(void **state) {
    *state = px_stemmer_new("en");
    return *state ? 0 : -1;
}

static int teardown(void **state) {
    px_stemmer_free(*state);
    return 0;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chinese),     cmocka_unit_test(test_japanese),
        cmocka_unit_test(test_russian),     cmocka_unit_test(test_greek),
        cmocka_unit_test(test_whole_words),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
