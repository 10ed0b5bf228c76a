/*
 * test_story.c - stories in the store: build from stored articles, story
 * listing and members, copies of identical texts, stable ids across
 * builds, the story list's filters and orders (and their values given as
 * text), the headline chosen from member titles, the stored analysis
 * (comparison, findings, alignments) with its freshness rule, and the
 * copy graph of a story of hundreds of near-copies (hub links).
 */
#include <unistd.h> /* unlink */

#include "story/story_int.h"
#include "testutil.h"

static void test_headline(void **state) {
    (void)state;
    const char *t[] = {
        "Ferry aground off Carrow, 312 evacuated",
        NULL,
        "Saint Ilvara ferry runs aground off Carrow Island",
        "Ferry runs aground off Carrow Island; 312 evacuated",
        "",
    };
    char *h = px_story_headline(t, 5, NULL, NULL);
    assert_string_equal(h,
                        "Ferry runs aground off Carrow Island; 312 evacuated");
    px_free(h);
    /* scraped date stamps agree with one another, labels are short: a
     * descriptive title wins over both */
    const char *scraped[] = {
        "Posted: Nov 27, 2005 8:20 AM ET Last Updated: Nov 27, 2005",
        "Last Updated: Monday, 28 November 2005, 02:24 GMT",
        "November 28th, 2005, 09:11 GMT",
        "Quake",
        "Powerful quake on Qeshm island kills 10",
        "Quake levels villages on Qeshm island",
    };
    h = px_story_headline(scraped, 6, NULL, NULL);
    assert_string_equal(h, "Powerful quake on Qeshm island kills 10");
    px_free(h);
    /* only short titles: the best of them; only date stamps: none */
    const char *shorts[] = {"THURSDAY, JUNE 30, 2005", "Deputy Sheriff",
                            "Sheriff's deputy"};
    h = px_story_headline(shorts, 3, NULL, NULL);
    assert_string_equal(h, "Deputy Sheriff");
    px_free(h);
    assert_null(px_story_headline(shorts, 1, NULL, NULL));
    const char *none[] = {NULL, ""};
    assert_null(px_story_headline(none, 2, NULL, NULL));
    assert_null(px_story_headline(none, 0, NULL, NULL));
}

/* Member texts of the support rows below (fictional). */
static const char *const ferry_text =
    "The ferry Saint Ilvara ran aground off Carrow Island on Tuesday. All "
    "312 passengers were evacuated by the coastguard; diesel leaked near "
    "the island's reserve.";
static const char *const budget_text =
    "Carrow council approved a budget of 4 million for a new fish market at "
    "the harbour, the mayor said on Tuesday.";
static const char *const th_ferry_text =
    "เรือข้ามฟากนาวาศรีเกยตื้นนอกเกาะคารอว์เมื่อเช้าวันอังคาร "
    "หน่วยยามฝั่งอพยพผู้โดยสารทั้งหมดขึ้นฝั่งอย่างปลอดภัย";
static const char *const th_budget_text =
    "สภาเมืองคารอว์อนุมัติงบประมาณสร้างตลาดปลาแห่งใหม่ที่ท่าเรือ";
static const char *const zh_ferry_text =
    "渡轮圣伊尔瓦拉号周二在卡罗岛附近搁浅，船上三百一十二名乘客全部获救。";
static const char *const zh_un_text = "联合国气候会议今日在日内瓦开幕。";
static const char *const ja_ferry_text =
    "フェリー「サン・イルヴァラ」が火曜日の朝カロー島沖で座礁し、"
    "乗客三百十二人が全員救助された。";
static const char *const ja_un_text = "国連の会議が今日ジュネーブで開幕した。";

typedef struct texts_ud {
    const char *const *texts;
    size_t asked; /* texts read */
} texts_ud;

static char *member_text(void *ud, size_t i, size_t *len) {
    texts_ud *t = ud;
    t->asked++;
    if (!t->texts[i]) return NULL;
    *len = strlen(t->texts[i]);
    return px_strdup(t->texts[i]);
}

/* A title represents its story when the other members hold at least a third
 * of its words: a weakly joined article's title (about a council budget,
 * in a story about a ferry) is no headline even as the only title.  One
 * row a story: titles and texts of its members (NULL: none), the headline
 * (NULL: none fits, the caller takes the opening words) and the texts
 * read (only when the titles do not settle it). */
static void test_headline_support(void **state) {
    (void)state;
    enum { MEMBERS = 4 };
    static const struct {
        const char *title[MEMBERS], *text[MEMBERS];
        const char *want;
        size_t asked;
    } rows[] = {
        /* the only title is the outlier's: none */
        {{NULL, NULL, "Carrow council approves fish market budget", NULL},
         {ferry_text, ferry_text, budget_text, NULL},
         NULL,
         2},
        /* the outlier's title is the earliest, a supported one wins */
        {{NULL, "Carrow council approves fish market budget",
          "Passengers evacuated as ferry runs aground", NULL},
         {ferry_text, budget_text, ferry_text, NULL},
         "Passengers evacuated as ferry runs aground",
         2},
        /* the only title is supported by the other texts */
        {{NULL, "Ferry Saint Ilvara runs aground off Carrow", NULL, NULL},
         {ferry_text, ferry_text, ferry_text, NULL},
         "Ferry Saint Ilvara runs aground off Carrow",
         1},
        /* titles that agree settle it without reading any text */
        {{"Ferry aground off Carrow Island", "Ferry runs aground off Carrow",
          NULL, NULL},
         {ferry_text, ferry_text, NULL, NULL},
         "Ferry aground off Carrow Island",
         0},
        /* a story of one member keeps its title */
        {{"Carrow council approves fish market budget", NULL, NULL, NULL},
         {budget_text, NULL, NULL, NULL},
         "Carrow council approves fish market budget",
         0},
        /* Thai: words are grapheme trigrams, not the whole unspaced run */
        {{NULL, "เรือข้ามฟากเกยตื้นนอกเกาะคารอว์", NULL, NULL},
         {th_ferry_text, th_ferry_text, th_ferry_text, NULL},
         "เรือข้ามฟากเกยตื้นนอกเกาะคารอว์",
         1},
        {{NULL, NULL, "สภาคารอว์อนุมัติงบตลาดปลา", NULL},
         {th_ferry_text, th_ferry_text, th_budget_text, NULL},
         NULL,
         2},
        /* Chinese and Japanese: letter pairs; titles come whole */
        {{"联合国会议今日开幕", "渡轮在卡罗岛附近搁浅",
          "渡轮卡罗岛搁浅乘客获救", NULL},
         {zh_un_text, zh_ferry_text, zh_ferry_text, NULL},
         "渡轮在卡罗岛附近搁浅",
         2},
        {{"国連会議が今日開幕", "フェリーがカロー島沖で座礁",
          "カロー島沖でフェリー座礁 乗客全員救助", NULL},
         {ja_un_text, ja_ferry_text, ja_ferry_text, NULL},
         "フェリーがカロー島沖で座礁",
         2},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        size_t n = 0;
        while (n < MEMBERS && (rows[i].title[n] || rows[i].text[n])) n++;
        texts_ud ud = {rows[i].text, 0};
        char *h = px_story_headline(rows[i].title, n, member_text, &ud);
        if (!rows[i].want ? h != NULL : !h || strcmp(h, rows[i].want))
            fail_msg("row %zu: got \"%s\", want \"%s\"", i, h ? h : "(null)",
                     rows[i].want ? rows[i].want : "(null)");
        if (ud.asked != rows[i].asked)
            fail_msg("row %zu: %zu texts read, want %zu", i, ud.asked,
                     rows[i].asked);
        px_free(h);
    }
}

/* Headlines from opening words (stories without titles), one row a case:
 * the text, the headline.  Thai and Chinese have no spaces between words:
 * a line is cut at a space (a word boundary) or, when one run of letters
 * fills the bound, between grapheme clusters, never between a consonant
 * and its marks (fictional texts written for this test). */
static void test_opening_words(void **state) {
    (void)state;
    static const struct {
        const char *text, *want;
    } rows[] = {
        /* English: the last space within PX_HEADLINE_BYTES */
        {"The ferry Saint Ilvara ran aground off Carrow Island on Tuesday "
         "morning with 312 people aboard, the coastguard said.\nMore.",
         "The ferry Saint Ilvara ran aground off Carrow Island on Tuesday "
         "morning with"},
        {"  \n Library reopens\nIts doors", "Library reopens"},
        /* Thai, first space after 168 bytes: cut there, a whole phrase */
        {"เรือข้ามฟากนาวาศรีเกยตื้นนอกเกาะคารอว์เมื่อเช้าวันอังคาร "
         "เจ้าหน้าที่อพยพผู้โดยสารขึ้นฝั่งได้ทั้งหมดและไม่มีผู้บาดเจ็บแม้แต่คนเดียว"
         "ตามที่หน่วยยามฝั่งแจ้ง\nย่อหน้าที่สอง",
         "เรือข้ามฟากนาวาศรีเกยตื้นนอกเกาะคารอว์เมื่อเช้าวันอังคาร"},
        /* Thai, a line of 168 bytes without a space: whole */
        {"เรือข้ามฟากนาวาศรีเกยตื้นนอกเกาะคารอว์เมื่อเช้าวันอังคาร\nผู้โดยสารปลอดภัย",
         "เรือข้ามฟากนาวาศรีเกยตื้นนอกเกาะคารอว์เมื่อเช้าวันอังคาร"},
        /* Thai, one run past PX_HEADLINE_UNSPACED: byte 240 falls inside
         * "ผู้" (consonant, vowel, tone mark), which is left out whole */
        {"ข่าวด่วนเรือข้ามฟากนาวาศรีเกยตื้นนอกเกาะคารอว์เมื่อเช้าวันอังคาร"
         "เจ้าหน้าที่อพยพผู้โดยสารขึ้นฝั่งได้ทั้งหมดและไม่มีผู้บาดเจ็บแม้แต่คนเดียว"
         "ตามที่หน่วยยามฝั่งแจ้ง",
         "ข่าวด่วนเรือข้ามฟากนาวาศรีเกยตื้นนอกเกาะคารอว์เมื่อเช้าวันอังคาร"
         "เจ้าหน้าที่อพยพ"},
        /* Chinese, one run: 80 characters */
        {"渡轮圣伊尔瓦拉号周二早晨在卡罗岛附近搁浅船上三百一十二名乘客全部被安"
         "全"
         "转移海岸警卫队表示没有人员受伤当局正在调查事故原因并将于下周公布初步"
         "报告"
         "渡轮公司表示深感歉意",
         "渡轮圣伊尔瓦拉号周二早晨在卡罗岛附近搁浅船上三百一十二名乘客全部被安"
         "全"
         "转移海岸警卫队表示没有人员受伤当局正在调查事故原因并将于下周公布初步"
         "报告"
         "渡轮公司表示深感歉"},
        /* Japanese: the space after the first clause */
        {"フェリー「サン・イルヴァラ」が火曜日の朝カロー島沖で座礁し乗客三百十"
         "二人が"
         "全員救助された "
         "海上保安庁によると負傷者はいないという。運航会社は事故の"
         "原因を調べている",
         "フェリー「サン・イルヴァラ」が火曜日の朝カロー島沖で座礁し乗客三百十"
         "二人が"
         "全員救助された"},
        {" \n \n", NULL},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char *h = px_story_opening(rows[i].text, strlen(rows[i].text));
        if (!rows[i].want) {
            assert_null(h);
            continue;
        }
        assert_non_null(h);
        if (strcmp(h, rows[i].want))
            fail_msg("row %zu: got \"%s\", want \"%s\"", i, h, rows[i].want);
        px_free(h);
    }
}

static void put(px_store *s, const char *id, const char *title,
                const char *published, const char *text) {
    px_article *a = px_article_new();
    px_article_set(&a->id, id, strlen(id));
    if (title) px_article_set(&a->title, title, strlen(title));
    if (published) {
        px_article_set(&a->published, published, strlen(published));
        assert_int_equal(px_time_parse(published, &a->published_ts), PX_OK);
    }
    px_article_set_text(a, text, strlen(text));
    px_put_status st;
    char *other = NULL;
    assert_int_equal(px_store_put(s, a, NULL, &st, &other), PX_OK);
    if (st == PX_PUT_DUP_CONTENT)
        assert_int_equal(
            px_story_add_copy(s, id, other, "Copy Times", title, published),
            PX_OK);
    px_free(other);
    px_article_free(a);
}

static const char *wire =
    "A magnitude 6.1 earthquake struck the Iranian island of Qeshm on Sunday, "
    "killing 10 people and flattening villages, officials in Tehran said. "
    "Rescue teams from Bandar Abbas reached the island by boat on Sunday "
    "afternoon and searched the rubble of homes in the villages of Tolah "
    "and Kousheh, the provincial governor told state television.";
static const char *rewrite =
    "Ten people died in Qeshm. A magnitude 6.1 earthquake struck the Iranian "
    "island of Qeshm on Sunday, killing 10 people and flattening villages, "
    "officials in Tehran said. Rescue teams from Bandar Abbas reached the "
    "island by boat on Sunday afternoon and searched the rubble of homes in "
    "the villages of Tolah and Kousheh, the provincial governor told state "
    "television. The island is a free trade zone.";
static const char *rewrite2 =
    "A magnitude 6.1 earthquake struck the Iranian island of Qeshm on Sunday, "
    "killing 10 people and flattening villages, officials in Tehran said. "
    "Rescue teams from Bandar Abbas reached the island by boat on Sunday "
    "afternoon and searched the rubble of homes in the villages of Tolah "
    "and Kousheh. The toll could rise, the Red Crescent said.";
static const char *other =
    "Actress Lindsay Lohan checked into a Malibu rehab clinic on Thursday, "
    "her publicist Leslie Sloane confirmed in a statement to reporters.";

typedef struct seen {
    size_t n;
    char first[64];
} seen;

static int count_member(void *ud, const px_story_member *m) {
    seen *s = ud;
    if (!s->n++) snprintf(s->first, sizeof s->first, "%s", m->article);
    return 0;
}

static int count_edge(void *ud, const px_story_edge *e) {
    seen *s = ud;
    if (!s->n++)
        snprintf(s->first, sizeof s->first, "%s>%s:%d", e->from, e->to, e->dir);
    return 0;
}

static int count_story(void *ud, const px_story_info *st) {
    (void)st;
    ((seen *)ud)->n++;
    return 0;
}

/* An empty store at path (a mkstemp template). */
static px_store *empty_store(char *path) {
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    unlink(path);
    px_store *s = NULL;
    assert_int_equal(px_store_open(path, 0, &s), PX_OK);
    assert_int_equal(px_story_open(s), PX_OK);
    return s;
}

/* A fresh store at path (a mkstemp template) holding the quake wire, its
 * rewrite, an unrelated article and a copy of the wire. */
static px_store *fixture(char *path) {
    px_store *s = empty_store(path);
    put(s, "rewrite", "Ten dead in Qeshm quake", "2025-01-05T12:00:00Z",
        rewrite);
    put(s, "wire", "Quake kills 10 on Qeshm", "2025-01-05T09:00:00Z", wire);
    put(s, "lohan", "Lohan enters rehab", NULL, other);
    put(s, "wire-copy", "Quake on Qeshm", NULL, wire); /* identical text */
    return s;
}

static void fixture_close(px_store *s, const char *path) {
    px_store_close(s);
    unlink(path);
    char aux[64];
    snprintf(aux, sizeof aux, "%s-wal", path);
    unlink(aux);
    snprintf(aux, sizeof aux, "%s-shm", path);
    unlink(aux);
}

static void test_build(void **state) {
    (void)state;
    char path[] = "/tmp/px_test_story_XXXXXX";
    px_store *s = fixture(path);
    px_story_stats st;
    assert_int_equal(px_story_build(s, NULL, &st), PX_OK);
    assert_int_equal(st.articles, 3);
    assert_int_equal(st.stories, 2);
    char a[PX_CLUSTER_ID_LEN], b[PX_CLUSTER_ID_LEN], c[PX_CLUSTER_ID_LEN];
    assert_int_equal(px_story_of(s, "wire", a), PX_OK);
    assert_int_equal(px_story_of(s, "rewrite", b), PX_OK);
    assert_int_equal(px_story_of(s, "wire-copy", c), PX_OK);
    assert_string_equal(a, b);
    assert_string_equal(a, c);
    assert_int_equal(px_story_of(s, "nope", c), PX_ERR_NOTFOUND);
    px_story_info info;
    assert_int_equal(px_story_get(s, a, &info), PX_OK);
    assert_int_equal(info.size, 3); /* two stored + one copy */
    assert_non_null(info.headline);
    px_free((char *)info.headline);
    seen m = {0}, e = {0}, n = {0};
    assert_int_equal(px_story_members(s, a, count_member, &m), PX_OK);
    assert_int_equal(m.n, 3);
    /* new articles go in publication order: the wire came first */
    assert_string_equal(m.first, "wire");
    assert_int_equal(px_story_edges(s, a, count_edge, &e), PX_OK);
    assert_int_equal(e.n, 1);
    assert_string_equal(e.first, "wire>rewrite:1"); /* earlier -> later */
    assert_int_equal(px_story_each(s, NULL, count_story, &n), PX_OK);
    assert_int_equal(n.n, 2);
    /* rebuild: same ids */
    assert_int_equal(px_story_build(s, NULL, NULL), PX_OK);
    assert_int_equal(px_story_of(s, "rewrite", c), PX_OK);
    assert_string_equal(a, c);
    assert_int_equal(px_story_get(s, "s0000", &info), PX_ERR_NOTFOUND);
    fixture_close(s, path);
}

static int count_rows(px_store *s, const char *sql) {
    sqlite3_stmt *st;
    assert_int_equal(px_story_sql(s, sql, &st), PX_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* The stored analysis: rows per story, fresh on a second pass, recomputed
 * after a change, and read back equal to a fresh computation. */
static void test_analysis(void **state) {
    (void)state;
    char path[] = "/tmp/px_test_story_XXXXXX";
    px_store *s = fixture(path);
    assert_int_equal(px_story_build(s, NULL, NULL), PX_OK);
    char a[PX_CLUSTER_ID_LEN];
    assert_int_equal(px_story_of(s, "wire", a), PX_OK);
    assert_false(px_story_analysis_fresh(s, a));
    px_story_analysis_stats st;
    assert_int_equal(px_story_analyze(s, NULL, NULL, &st), PX_OK);
    assert_int_equal(st.stories, 2);
    assert_int_equal(st.computed, 2);
    assert_int_equal(st.failed, 0);
    assert_true(px_story_analysis_fresh(s, a));
    assert_int_equal(count_rows(s, "SELECT count(*) FROM story_analysis"), 2);
    assert_int_equal(count_rows(s, "SELECT count(*) FROM story_alignment"
                                   " WHERE a = 'wire' AND b = 'rewrite'"),
                     1);
    assert_true(count_rows(s, "SELECT count(*) FROM story_findings") > 0);
    px_story_result stored = {0}, computed = {0};
    assert_int_equal(px_story_result_load(s, a, &stored), PX_OK);
    assert_int_equal(px_story_result_compute(s, a, NULL, &computed), PX_OK);
    assert_int_equal(stored.nsrc, 2);
    assert_string_equal(stored.json, computed.json);
    assert_int_equal(stored.nf, computed.nf);
    px_story_result_release(&stored);
    px_story_result_release(&computed);
    assert_int_equal(px_story_analyze(s, NULL, NULL, &st), PX_OK);
    assert_int_equal(st.computed, 0);
    assert_int_equal(st.fresh, 2);
    /* a new member makes its story stale; the other stays fresh */
    put(s, "wire2", "Qeshm quake toll", "2025-01-05T15:00:00Z", rewrite2);
    assert_int_equal(px_story_build(s, NULL, NULL), PX_OK);
    assert_false(px_story_analysis_fresh(s, a));
    assert_int_equal(px_story_analyze(s, NULL, NULL, &st), PX_OK);
    assert_int_equal(st.computed, 1);
    assert_int_equal(st.fresh, 1);
    assert_true(px_story_analysis_fresh(s, a));
    fixture_close(s, path);
}

/* ids listed by px_story_each under f, space-separated, into out. */
typedef struct listed {
    char ids[256];
    size_t n, stop; /* stop after this many (0 = never) */
} listed;

static int take_listed(void *ud, const px_story_info *st) {
    listed *l = ud;
    size_t len = strlen(l->ids);
    snprintf(l->ids + len, sizeof l->ids - len, "%s%s", len ? " " : "", st->id);
    return ++l->n == l->stop;
}

static const char *list(px_store *s, const px_story_filter *f) {
    static listed l;
    l = (listed){{0}, 0, 0};
    assert_int_equal(px_story_each(s, f, take_listed, &l), PX_OK);
    return l.ids;
}

/* The story list's filters and orders over story_stories rows written
 * here: minimums, the span overlap with inclusive ends, stories without
 * times left out of time filters and last in the recent order, limit. */
static void test_filter(void **state) {
    (void)state;
    char path[] = "/tmp/px_test_story_XXXXXX";
    px_store *s = empty_store(path);
    sqlite3_stmt *st;
    assert_int_equal(px_story_sql(s,
                                  "INSERT INTO story_stories (id, size,"
                                  " outlets, t_min, t_max) VALUES"
                                  " ('a', 5, 1, 100000, 200000),"
                                  " ('b', 3, 3, 300000, 400000),"
                                  " ('c', 3, 2, NULL, NULL),"
                                  " ('d', 1, 1, 500000, 500000),"
                                  " ('e', 3, 3, 50000, 60000)",
                                  &st),
                     PX_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    px_story_filter f;
    px_story_filter_default(&f);
    assert_string_equal(list(s, &f), "a b c e d");
    assert_string_equal(list(s, NULL), "a b c e d");
    f.min_outlets = 3;
    assert_string_equal(list(s, &f), "b e");
    f.min_outlets = 2;
    f.sort = PX_STORY_BY_OUTLETS;
    assert_string_equal(list(s, &f), "b e c");
    px_story_filter_default(&f);
    f.sort = PX_STORY_BY_RECENT;
    assert_string_equal(list(s, &f), "d b a e c");
    f.min_size = 3;
    f.limit = 2;
    assert_string_equal(list(s, &f), "b a");
    px_story_filter_default(&f);
    f.since = 150000;
    assert_string_equal(list(s, &f), "a b d"); /* c: no times */
    px_story_filter_default(&f);
    f.until = 150000;
    assert_string_equal(list(s, &f), "a e");
    f.since = 200000; /* both ends inclusive */
    f.until = 300000;
    assert_string_equal(list(s, &f), "a b");
    f.since = 200001;
    f.until = 299999;
    assert_string_equal(list(s, &f), "");
    /* counts past INT64_MAX are not wrapped into "any" */
    px_story_filter_default(&f);
    f.limit = SIZE_MAX;
    assert_string_equal(list(s, &f), "a b c e d");
    f.min_outlets = SIZE_MAX;
    assert_string_equal(list(s, &f), "");
    /* the callback still stops the list */
    px_story_filter_default(&f);
    listed l = {{0}, 0, 3};
    assert_int_equal(px_story_each(s, &f, take_listed, &l), PX_OK);
    assert_string_equal(l.ids, "a b c");
    f.sort = (px_story_sort)7;
    assert_int_equal(px_story_each(s, &f, take_listed, &l), PX_ERR_INVALID);
    /* the index page lists the same */
    px_story_filter_default(&f);
    f.min_outlets = 3;
    px_buf page = PX_BUF_INIT;
    assert_int_equal(px_story_index_html(s, NULL, &f, &page), PX_OK);
    assert_non_null(strstr(page.data, "href=\"b.html\""));
    assert_non_null(strstr(page.data, "href=\"e.html\""));
    assert_null(strstr(page.data, "href=\"a.html\""));
    px_buf_release(&page);
    fixture_close(s, path);
}

/* The plan of every listing query: an index of story step 4, never a
 * scan of the table; without since the order is the index's (no sort),
 * with since the t_max range of the recent index.  The planner has no
 * statistics (no ANALYZE), so the plans do not depend on the row count. */
static void test_filter_plans(void **state) {
    (void)state;
    char path[] = "/tmp/px_test_story_XXXXXX";
    px_store *s = empty_store(path);
    static const char *const want[3] = {
        "story_stories_size", "story_stories_outlets", "story_stories_recent"};
    for (int sort = 0; sort < 3; sort++)
        for (int mask = 0; mask < 16; mask++) {
            px_story_filter f;
            px_story_filter_default(&f);
            f.sort = (px_story_sort)sort;
            f.min_size = mask & 1 ? 2 : 0;
            f.min_outlets = mask & 2 ? 3 : 0;
            if (mask & 4) f.since = 1741046400;
            if (mask & 8) f.until = 1741132799;
            px_buf sql = PX_BUF_INIT, plan = PX_BUF_INIT;
            px_buf_puts(&sql, "EXPLAIN QUERY PLAN ");
            px_story_list_sql(&f, &sql);
            sqlite3_stmt *st;
            assert_int_equal(px_story_sql(s, sql.data, &st), PX_OK);
            while (sqlite3_step(st) == SQLITE_ROW)
                px_buf_printf(&plan, "%s\n", px_story_col(st, 3));
            sqlite3_finalize(st);
            const char *idx = mask & 4 ? want[2] : want[sort];
            if (!strstr(plan.data, idx))
                fail_msg("%s\n%s", sql.data, plan.data);
            assert_null(strstr(plan.data, "SCAN story_stories\n"));
            if (!(mask & 4) || sort == PX_STORY_BY_RECENT)
                assert_null(strstr(plan.data, "TEMP B-TREE"));
            px_buf_release(&sql);
            px_buf_release(&plan);
        }
    fixture_close(s, path);
}

/* Filter values from text: times absolute and relative, numbers, sorts,
 * names with '-' or '_', caps, and f left unchanged on a refusal. */
static void test_filter_args(void **state) {
    (void)state;
    const int64_t now = 2000000000;
    int64_t t = 0;
    static const struct {
        const char *s;
        int end_of_day;
        int64_t want;
    } good[] = {
        {"2025-03-04", 0, 1741046400},
        {"2025-03-04", 1, 1741046400 + 86399},
        {"2025-03-04T09:00Z", 1, 1741078800},
        {"2025-03-04T09:00:00Z", 0, 1741078800},
        {"2025-03-04T10:00+01:00", 0, 1741078800},
        {"2024-02-29", 0, 1709164800}, /* a leap day */
        {"24h", 0, 2000000000 - 86400},
        {"7d", 1, 2000000000 - 7 * 86400},
        {"2w", 0, 2000000000 - 14 * 86400},
        {"90m", 0, 2000000000 - 5400},
        {"0h", 0, 2000000000},
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        assert_int_equal(
            px_story_time_arg(good[i].s, now, good[i].end_of_day, &t), PX_OK);
        assert_int_equal(t, good[i].want);
    }
    static const char *const bad[] = {
        "",
        "h",
        "24",
        "24y",
        "-5h",
        "+5h",
        "5 h",
        "2025-02-29",
        "2025-02-30",
        "2025-04-31",
        "2025-13-01",
        "2025-03-04T24:00Z",
        "yesterday",
        "11111111111h", /* 11 digits */
        "2025-03-04T09:00:00.00000000000000000000000000000000000000000000000Z",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(px_story_time_arg(bad[i], now, 0, &t), PX_ERR_INVALID);
    assert_int_equal(px_story_time_arg(NULL, now, 0, &t), PX_ERR_INVALID);

    px_story_filter f, before;
    px_story_filter_default(&f);
    const char *why = NULL;
    assert_int_equal(px_story_filter_set(&f, "min-outlets", "3", now, &why),
                     PX_OK);
    assert_int_equal(px_story_filter_set(&f, "min_size", "0", now, &why),
                     PX_OK);
    assert_int_equal(px_story_filter_set(&f, "limit", "50", now, &why), PX_OK);
    assert_int_equal(px_story_filter_set(&f, "since", "2025-03-04", now, &why),
                     PX_OK);
    assert_int_equal(px_story_filter_set(&f, "until", "2025-03-04", now, &why),
                     PX_OK);
    assert_int_equal(px_story_filter_set(&f, "sort", "recent", now, &why),
                     PX_OK);
    assert_int_equal(f.min_outlets, 3);
    assert_int_equal(f.min_size, 0);
    assert_int_equal(f.limit, 50);
    assert_int_equal(f.since, 1741046400);
    assert_int_equal(f.until, 1741046400 + 86399); /* the whole day */
    assert_int_equal(f.sort, PX_STORY_BY_RECENT);
    static const struct {
        const char *name, *value, *why;
    } refused[] = {
        {"limit", "0", "want a number from 1 to 1000000"},
        {"limit", "1000001", "want a number from 1 to 1000000"},
        {"min_size", "1000000001", "want a number from 0 to 1000000000"},
        {"min-outlets", "-1", "want a number from 0 to 1000000000"},
        {"min_outlets", "3x", "want a number from 0 to 1000000000"},
        {"min_outlets", "", "want a number from 0 to 1000000000"},
        {"min_outlets", NULL, "want a number from 0 to 1000000000"},
        {"since", "soon", NULL},
        {"sort", "Size", "want size, outlets or recent"},
        {"min__size", "1", "unknown filter"},
        {"db", "x", "unknown filter"},
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        before = f;
        why = NULL;
        assert_int_equal(px_story_filter_set(&f, refused[i].name,
                                             refused[i].value, now, &why),
                         PX_ERR_INVALID);
        assert_memory_equal(&f, &before, sizeof f);
        assert_non_null(why);
        if (refused[i].why) assert_string_equal(why, refused[i].why);
    }
    assert_int_equal(px_story_filter_set(&f, "sort", "x", now, NULL),
                     PX_ERR_INVALID);
}

/* Hub links from frequent anchors (px_story_hub_links): an anchor mostly
 * in one story links its holders there to the earliest (by rank); a stock
 * phrase spread over stories links nothing; an article keeps its 3 best
 * sources (most anchors, then earliest). */
static void test_hub_links(void **state) {
    (void)state;
    /* articles 0-5 in story 0, 6-11 in story 1; article 2 is the earliest
     * of story 0 */
    const size_t story[12] = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1};
    const size_t rank[12] = {1, 2, 0, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    const px_reuse_frequent f[] = {
        /* 5 of its 6 holders in story 0: a hub */
        {10, 0, 6},
        {10, 1, 6},
        {10, 2, 6},
        {10, 3, 6},
        {10, 4, 6},
        {10, 6, 6},
        /* a stock phrase: 3 holders listed of 100 */
        {20, 0, 100},
        {20, 1, 100},
        {20, 2, 100},
        /* article 11 shares anchors with four earlier ones, two with 9 */
        {30, 6, 2},
        {30, 11, 2},
        {31, 7, 2},
        {31, 11, 2},
        {32, 8, 2},
        {32, 11, 2},
        {33, 9, 2},
        {33, 11, 2},
        {34, 9, 2},
        {34, 11, 2},
        /* no majority: two of four in each story */
        {40, 3, 4},
        {40, 4, 4},
        {40, 7, 4},
        {40, 8, 4}};
    px_story_link *l = NULL;
    size_t n =
        px_story_hub_links(f, sizeof f / sizeof f[0], story, rank, 12, &l);
    const px_story_link want[] = {{2, 0, 1},  {2, 1, 1},  {2, 3, 1}, {2, 4, 1},
                                  {6, 11, 1}, {7, 11, 1}, {9, 11, 2}};
    assert_int_equal(n, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(l[i].from, want[i].from);
        assert_int_equal(l[i].to, want[i].to);
        assert_int_equal(l[i].votes, want[i].votes);
    }
    px_free(l);
    assert_int_equal(px_story_hub_links(NULL, 0, story, rank, 12, &l), 0);
    px_free(l);
}

typedef struct edges {
    size_t n, from_first, by_time_forward;
    char first[32];
} edges;

static int near_edge(void *ud, const px_story_edge *e) {
    edges *x = ud;
    x->n++;
    x->from_first += !strcmp(e->from, x->first);
    /* ids carry their minute: "n<minute>-<input number>" */
    x->by_time_forward += e->dir && atoi(e->from + 1) < atoi(e->to + 1);
    return 0;
}

/* A story of 300 near-copies of one wire text, published in another order
 * than stored: the passage is in more than max_df (100) articles, so the
 * reuse stage links few or none of them; the hubs link every copy to the
 * earliest published one, earlier -> later. */
static void test_build_near_copies(void **state) {
    (void)state;
    enum { N = 300 };
    char path[] = "/tmp/px_test_story_XXXXXX";
    px_store *s = empty_store(path);
    char earliest[32] = "";
    for (unsigned i = 0; i < N; i++) {
        unsigned minute = (i * 97 + 13) % N; /* a permutation of 0..299 */
        char id[32], when[32], text[1024];
        snprintf(id, sizeof id, "n%03u-%03u", minute, i);
        snprintf(when, sizeof when, "2025-02-01T%02u:%02u:00Z", 8 + minute / 60,
                 minute % 60);
        snprintf(text, sizeof text, "%s Filed by desk %u in district %u.", wire,
                 i, i * 7 + 3);
        put(s, id, "Quake kills 10 on Qeshm", when, text);
        if (!minute) snprintf(earliest, sizeof earliest, "%s", id);
    }
    px_story_stats st;
    assert_int_equal(px_story_build(s, NULL, &st), PX_OK);
    char a[PX_CLUSTER_ID_LEN];
    assert_int_equal(px_story_of(s, earliest, a), PX_OK);
    px_story_info info;
    assert_int_equal(px_story_get(s, a, &info), PX_OK);
    assert_int_equal(info.size, N);
    px_free((char *)info.headline);
    edges e = {0};
    snprintf(e.first, sizeof e.first, "%s", earliest);
    assert_int_equal(px_story_edges(s, a, near_edge, &e), PX_OK);
    assert_int_equal(e.from_first, N - 1);    /* each copy from the earliest */
    assert_int_equal(e.by_time_forward, e.n); /* earlier -> later */
    assert_true(e.n <= st.pairs);
    assert_true(e.n <= (size_t)PX_STORY_HUB_SOURCES * N); /* bounded */
    fixture_close(s, path);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_headline),
                                       cmocka_unit_test(test_opening_words),
                                       cmocka_unit_test(test_headline_support),
                                       cmocka_unit_test(test_build),
                                       cmocka_unit_test(test_analysis),
                                       cmocka_unit_test(test_hub_links),
                                       cmocka_unit_test(test_build_near_copies),
                                       cmocka_unit_test(test_filter),
                                       cmocka_unit_test(test_filter_plans),
                                       cmocka_unit_test(test_filter_args)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
