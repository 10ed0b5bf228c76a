/*
 * test_cluster_scripts.c - clustering features of words in other scripts
 * (cluster/feats.c, "words of other scripts"): Chinese and Japanese give
 * Han characters and bigrams, hiragana is skipped, inner digits are
 * numbers and inner Latin letters words; Russian and Greek words are cut to
 * five letters without accents and short ones dropped, names included; Arabic
 * keeps whole words; Thai gives letter trigrams without marks, Thai digits
 * are numbers; a Korean word gives itself, its first two syllables and its
 * syllable bigrams.  Features are compared through the internal layout
 * (cluster/feats.h).  Last, fictional Thai and Korean articles (two events
 * of one kind per script, three articles each) are clustered.
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

static void test_thai(void **state) {
    px_stemmer *st = *state;
    /* น้ำท่วม: marks dropped (ำ is ํ + า after NFKC), letters น า ท ว ม
     * give 3 trigrams */
    px_cluster_feats *f = feats(st, "น้ำท่วม");
    assert_int_equal(f->n, 3);
    px_cluster_feats_free(f);
    /* a run of 1-2 letters is one unit: ณ, and ที่ (ท, mark dropped) */
    f = feats(st, "ณ ที่");
    assert_int_equal(f->n, 2);
    px_cluster_feats_free(f);
    /* the same place inside two different clauses: โ ป ง แ ด ง gives 4
     * trigrams */
    assert_true(shared_text(st, "น้ำท่วมอำเภอโป่งแดง", "ผู้ว่าลงพื้นที่โป่งแดง",
                            PX_FEAT_WORD) >= 4);
    assert_int_equal(
        shared_text(st, "น้ำท่วมอำเภอโป่งแดง", "สะพานพังที่ห้วยทรายขาว", PX_FEAT_WORD),
        0);
    /* Thai digits are numbers, standalone or inside a clause */
    assert_int_equal(shared_text(st, "ชาวบ้าน ๑,๒๐๐ ครัวเรือน",
                                 "ชาวบ้าน 1,200 ครัวเรือน", PX_FEAT_NUMBER),
                     1);
    f = feats(st, "ผู้เสียชีวิต๒ราย");
    assert_int_equal(of_kind(f, PX_FEAT_NUMBER), 1);
    px_cluster_feats_free(f);
    assert_int_equal(shared_text(st, "ผู้เสียชีวิต๒ราย", "2", PX_FEAT_NUMBER), 1);
}

static void test_korean(void **state) {
    px_stemmer *st = *state;
    /* 서울에서: the word, the stem 서울 (also the first bigram), 울에, 에서 */
    px_cluster_feats *f = feats(st, "서울에서");
    assert_int_equal(f->n, 4);
    px_cluster_feats_free(f);
    /* one noun with two particles, and bare */
    assert_int_equal(shared_text(st, "서울에서", "서울의", PX_FEAT_WORD), 1);
    assert_int_equal(shared_text(st, "서울에서", "서울", PX_FEAT_WORD), 1);
    /* a compound meets its part: 플라스틱공장, 공장에서 share 공장 */
    assert_int_equal(shared_text(st, "플라스틱공장", "공장에서", PX_FEAT_WORD),
                     1);
    /* digits glued to a counter and a particle are a number */
    assert_int_equal(shared_text(st, "작업자 3명이", "3명은", PX_FEAT_NUMBER),
                     1);
    assert_int_equal(shared_text(st, "한빛시의", "청솔군의", 0), 0);
}

/* Fictional Thai and Korean news, two events of one kind per script (two
 * floods, two fires), three articles each; the event is the id without
 * its last "-N". */
static const char *const thko[][2] = {
    {"th-flooda-1", "น้ำป่าไหลหลากเข้าท่วมอำเภอโป่งแดง จังหวัดลำธารทอง "
                    "หลังฝนตกหนักติดต่อกันสองวัน ชาวบ้าน 1,200 "
                    "ครัวเรือนได้รับผลกระทบ มีผู้เสียชีวิต 2 ราย "
                    "เจ้าหน้าที่เร่งอพยพประชาชนไปยังศูนย์พักพิงชั่วคราว"},
    {"th-flooda-2", "ผู้ว่าราชการจังหวัดลำธารทองลงพื้นที่อำเภอโป่งแดงเพื่อสำรวจความเสียหายจา"
                    "กน้ำป่าที่ไหลหลากเข้าท่วมเมื่อวานนี้ "
                    "ระดับน้ำในลำน้ำสายคำยังสูงกว่าตลิ่ง 80 เซนติเมตร "
                    "ยอดผู้เสียชีวิตยังอยู่ที่ 2 ราย"},
    {"th-flooda-3", "น้ำที่ท่วมอำเภอโป่งแดง จังหวัดลำธารทอง เริ่มลดลงแล้ว "
                    "ชาวบ้าน 1,200 "
                    "ครัวเรือนทยอยกลับเข้าบ้านเพื่อทำความสะอาด "
                    "ขณะที่จังหวัดประกาศให้โป่งแดงเป็นเขตประสบภัยพิบัติ"},
    {"th-floodb-1", "น้ำท่วมฉับพลันที่อำเภอห้วยทรายขาว จังหวัดสุวรรณคีรี "
                    "ทำให้สะพานข้ามลำห้วยพังลง ชาวบ้าน 350 "
                    "ครัวเรือนถูกตัดขาด และมีผู้สูญหาย 1 ราย "
                    "ทีมกู้ภัยกำลังเร่งค้นหา"},
    {"th-floodb-2", "ทีมกู้ภัยยังค้นหาผู้สูญหายจากเหตุน้ำท่วมฉับพลันที่อำเภอห้วยทรายขาวไม่พบ "
                    "หลังสะพานพังทำให้ 350 ครัวเรือนติดอยู่ในหมู่บ้าน "
                    "ทหารใช้เรือท้องแบนนำอาหารและน้ำดื่มเข้าไปส่ง"},
    {"th-floodb-3", "กรมทางหลวงชนบทเตรียมสร้างสะพานชั่วคราวที่อำเภอห้วยทรายขาว "
                    "จังหวัดสุวรรณคีรี "
                    "แทนสะพานข้ามลำห้วยที่พังเพราะน้ำท่วม เพื่อให้ชาวบ้าน "
                    "350 ครัวเรือนเดินทางได้ภายในหนึ่งสัปดาห์"},
    {"ko-firea-1", "한빛시의 플라스틱 공장에서 27일 새벽 큰불이 나 작업자 "
                   "3명이 다쳤다. 소방당국은 소방관 "
                   "120명을 투입해 다섯 시간 만에 불을 껐다."},
    {"ko-firea-2", "한빛시 플라스틱공장 화재로 다친 작업자 3명은 인근 병원으로 "
                   "옮겨졌다. 소방당국에 따르면 불은 "
                   "원료를 쌓아 둔 창고에서 시작됐다."},
    {"ko-firea-3", "경찰은 한빛시에서 작업자 3명을 다치게 한 플라스틱 공장 "
                   "화재의 원인을 밝히기 위해 합동 "
                   "감식을 벌였다. 회사는 피해액을 약 30억 원으로 추산했다."},
    {"ko-fireb-1", "청솔군의 전통시장에서 밤사이 불이 나 점포 40곳이 탔다. "
                   "다친 사람은 없었지만 상인들은 "
                   "명절을 앞두고 큰 피해를 입었다."},
    {"ko-fireb-2", "청솔군은 화재로 점포 40곳을 잃은 전통시장 상인들에게 임시 "
                   "매장을 마련해 주겠다고 밝혔다. "
                   "소방당국은 밤사이 번진 불을 새벽에 껐다."},
    {"ko-fireb-3", "점포 40곳을 태운 청솔전통시장 화재 현장을 찾은 군수는 "
                   "상인들과 만나 빠른 복구를 약속했다. "
                   "소방당국은 전기 합선이 원인일 가능성을 조사하고 있다."},
};
#define NTHKO (sizeof thko / sizeof thko[0])

/* Cluster the articles in the given order (defaults, no times, settled as
 * `parallax cluster` does); 1 when every event is one story of its own. */
static int thko_partition_ok(px_stemmer *st, const size_t *order) {
    px_clusterer *c = NULL;
    assert_int_equal(px_clusterer_new(NULL, &c), PX_OK);
    for (size_t k = 0; k < NTHKO; k++) {
        px_cluster_feats *f = feats(st, thko[order[k]][1]);
        px_cluster_result r;
        assert_int_equal(px_clusterer_add(c, thko[order[k]][0], f, PX_TIME_NONE,
                                          NULL, 0, &r),
                         PX_OK);
        px_cluster_feats_free(f);
    }
    px_clusterer_settle(c);
    int ok = 1;
    for (size_t a = 0; a < NTHKO; a++)
        for (size_t b = a + 1; b < NTHKO; b++) {
            const char *ia = thko[order[a]][0], *ib = thko[order[b]][0];
            size_t ea = strrchr(ia, '-') - ia, eb = strrchr(ib, '-') - ib;
            int same_event = ea == eb && !memcmp(ia, ib, ea);
            int same_story =
                px_clusterer_story_of(c, a) == px_clusterer_story_of(c, b);
            if (same_event != same_story) {
                print_message("%s and %s: %s\n", ia, ib,
                              same_event ? "split" : "merged");
                ok = 0;
            }
        }
    px_clusterer_free(c);
    return ok;
}

static void test_cluster_thai_korean(void **state) {
    px_stemmer *st = *state;
    size_t fwd[NTHKO], rev[NTHKO];
    for (size_t k = 0; k < NTHKO; k++) fwd[k] = k, rev[k] = NTHKO - 1 - k;
    assert_true(thko_partition_ok(st, fwd));
    assert_true(thko_partition_ok(st, rev));
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
        cmocka_unit_test(test_chinese),
        cmocka_unit_test(test_japanese),
        cmocka_unit_test(test_russian),
        cmocka_unit_test(test_greek),
        cmocka_unit_test(test_whole_words),
        cmocka_unit_test(test_thai),
        cmocka_unit_test(test_korean),
        cmocka_unit_test(test_cluster_thai_korean),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
