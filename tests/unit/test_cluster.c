/*
 * test_cluster.c - online same-event clustering: grouping, stable ids,
 * merges, and the edge cases (no text, identical copies, 10,000 copies,
 * other scripts).
 */
#include <math.h> /* fabs */

#include "testutil.h"

typedef struct fixture {
    px_clusterer *c;
    px_stemmer *st;
    px_cluster_opts o;
} fixture;

/* A clusterer with options o. */
static void fx_init_opts(fixture *fx, const px_cluster_opts *o) {
    fx->o = *o;
    fx->st = px_stemmer_new("en");
    assert_int_equal(px_clusterer_new(&fx->o, &fx->c), PX_OK);
}

/* Defaults, with the threshold and merge_specific given unless < 0. */
static void fx_init_merge(fixture *fx, double threshold,
                          double merge_specific) {
    px_cluster_opts o;
    px_cluster_opts_default(&o);
    if (threshold > 0) o.threshold = threshold;
    if (merge_specific >= 0) o.merge_specific = merge_specific;
    fx_init_opts(fx, &o);
}

static void fx_init(fixture *fx, double threshold) {
    fx_init_merge(fx, threshold, -1);
}

static void fx_release(fixture *fx) {
    px_clusterer_free(fx->c);
    px_stemmer_free(fx->st);
}

/* Features of text (the doc is only needed while extracting). */
static px_cluster_feats *feats_of(fixture *fx, const char *text,
                                  const char *title) {
    px_doc *d = NULL;
    px_cluster_feats *f = NULL;
    assert_int_equal(px_doc_new(text, strlen(text), NULL, &d), PX_OK);
    assert_int_equal(px_cluster_feats_new(d, title, fx->st, &fx->o, &f), PX_OK);
    px_doc_free(d);
    return f;
}

static px_cluster_result add(fixture *fx, const char *id, const char *title,
                             const char *text) {
    px_cluster_feats *f = feats_of(fx, text, title);
    px_cluster_result r;
    assert_int_equal(px_clusterer_add(fx->c, id, f, PX_TIME_NONE, NULL, 0, &r),
                     PX_OK);
    px_cluster_feats_free(f);
    return r;
}

static const char *quake[] = {
    "A magnitude 6.1 earthquake struck the Iranian island of Qeshm on "
    "Sunday, killing 10 people and flattening villages, officials in Tehran "
    "reported.",
    "Ten people died when a 6.1 magnitude quake hit Qeshm island in southern "
    "Iran on Sunday; rescuers searched flattened villages.",
    "The earthquake on Qeshm island killed 10 and injured dozens, Iranian "
    "state television reported from Tehran on Sunday.",
};
static const char *rehab[] = {
    "Actress Lindsay Lohan checked into a Malibu rehab clinic on Thursday, "
    "her publicist Leslie Sloane confirmed.",
    "Lindsay Lohan has entered rehab in Malibu, publicist Leslie Sloane "
    "said Thursday in a statement.",
    "Lohan, 24, began a stay at the Malibu rehab facility Thursday, "
    "according to her publicist Sloane.",
};

static const char *quake2[] = {
    "A magnitude 8.8 earthquake struck near Concepcion in Chile on "
    "Saturday, killing 700 people, officials in Santiago said in 2010.",
    "The 8.8 quake that hit Concepcion, Chile, on Saturday killed 700 "
    "people, Santiago officials said.",
};

/* Two earthquakes years apart, in different places, with different
 * magnitudes and tolls: same kind of event, two stories; each paraphrase
 * with the same who/where/when joins its own. */
static void test_same_kind_apart(void **state) {
    (void)state;
    fixture fx;
    fx_init(&fx, 0);
    add(&fx, "q0", NULL, quake[0]);
    add(&fx, "c0", NULL, quake2[0]);
    add(&fx, "q1", NULL, quake[1]);
    add(&fx, "c1", NULL, quake2[1]);
    size_t q = px_clusterer_story_of(fx.c, 0),
           c = px_clusterer_story_of(fx.c, 1);
    assert_true(q != c);
    assert_int_equal(px_clusterer_story_of(fx.c, 2), q);
    assert_int_equal(px_clusterer_story_of(fx.c, 3), c);
    assert_int_equal(px_clusterer_nstories(fx.c), 2);
    fx_release(&fx);
}

static void test_two_events(void **state) {
    (void)state;
    fixture fx;
    fx_init(&fx, 0);
    char id[16];
    for (int i = 0; i < 3; i++) {
        snprintf(id, sizeof id, "q%d", i);
        add(&fx, id, NULL, quake[i]);
        snprintf(id, sizeof id, "r%d", i);
        add(&fx, id, NULL, rehab[i]);
    }
    size_t q = px_clusterer_story_of(fx.c, 0),
           r = px_clusterer_story_of(fx.c, 1);
    assert_true(q != r);
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(px_clusterer_story_of(fx.c, i), i % 2 ? r : q);
    assert_int_equal(px_clusterer_nstories(fx.c), 2);
    fx_release(&fx);
}

/* Three reports each of two events, with a join threshold so high that
 * every article starts its own story (as early articles do while the
 * stories are thin); settling then joins each small story to its event's,
 * never across events.  settle_size 0 turns settling off.  before (may be
 * NULL) receives each article's story id before settling. */
static size_t settled(size_t settle_size, fixture *fx,
                      char before[6][PX_CLUSTER_ID_LEN]) {
    px_cluster_opts o;
    px_cluster_opts_default(&o);
    o.threshold = 0.9;
    o.settle_size = settle_size;
    fx_init_opts(fx, &o);
    char id[16];
    for (int i = 0; i < 3; i++) {
        snprintf(id, sizeof id, "r%d", i);
        assert_true(add(fx, id, NULL, rehab[i]).is_new);
        snprintf(id, sizeof id, "q%d", i);
        assert_true(add(fx, id, NULL, quake[i]).is_new);
    }
    for (size_t i = 0; before && i < 6; i++)
        px_clusterer_story_id(fx->c, i, before[i]);
    char r0[PX_CLUSTER_ID_LEN], q0[PX_CLUSTER_ID_LEN], id2[PX_CLUSTER_ID_LEN];
    px_clusterer_story_id(fx->c, 0, r0);
    px_clusterer_story_id(fx->c, 1, q0);
    size_t n = px_clusterer_settle(fx->c);
    /* of stories of one size the oldest keeps its id */
    px_clusterer_story_id(fx->c, 0, id2);
    assert_string_equal(id2, r0);
    px_clusterer_story_id(fx->c, 1, id2);
    assert_string_equal(id2, q0);
    return n;
}

/* Settling joins a small story and a bigger one under the bigger one's id:
 * here the bigger (3 articles, itself small enough to be settled) is met
 * first and must not be renamed after the late singleton it reaches. */
static void test_settle_keeps_big_id(void **state) {
    (void)state;
    px_cluster_opts o;
    px_cluster_opts_default(&o);
    o.threshold = 0.9;
    fixture fx;
    fx_init_opts(&fx, &o);
    px_cluster_feats *f = feats_of(&fx, rehab[0], NULL);
    char id[16];
    for (int i = 0; i < 3; i++) {
        snprintf(id, sizeof id, "big%d", i);
        assert_int_equal(
            px_clusterer_add(fx.c, id, f, PX_TIME_NONE, NULL, 0, NULL), PX_OK);
    }
    px_cluster_feats_free(f);
    assert_true(add(&fx, "late", NULL, rehab[2]).is_new);
    char big[PX_CLUSTER_ID_LEN], after[PX_CLUSTER_ID_LEN];
    px_clusterer_story_id(fx.c, 0, big);
    assert_int_equal(px_clusterer_settle(fx.c), 1);
    px_clusterer_story_id(fx.c, 3, after);
    assert_string_equal(after, big);
    px_clusterer_story_id(fx.c, 0, after);
    assert_string_equal(after, big);
    fx_release(&fx);
}

static void test_settle(void **state) {
    (void)state;
    fixture fx;
    assert_int_equal(settled(0, &fx, NULL), 0);
    assert_int_equal(px_clusterer_nstories(fx.c), 6);
    fx_release(&fx);

    /* every article started its own story: story ids before settling */
    char before[6][PX_CLUSTER_ID_LEN];
    assert_int_equal(settled(3, &fx, before), 4);
    assert_int_equal(px_clusterer_nstories(fx.c), 2);
    size_t r = px_clusterer_story_of(fx.c, 0),
           q = px_clusterer_story_of(fx.c, 1);
    assert_true(r != q);
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(px_clusterer_story_of(fx.c, i), i % 2 ? q : r);
    size_t n;
    const px_cluster_merge *m = px_clusterer_merges(fx.c, &n);
    assert_int_equal(n, 4);
    for (size_t i = 0; i < n; i++) {
        /* settled, named by the merged-away story's (single) article:
         * its id is the story's, the last article's would not be */
        assert_true(m[i].settled);
        assert_true(m[i].by < 6);
        assert_string_equal(m[i].from, before[m[i].by]);
        assert_string_not_equal(m[i].from, m[i].into);
    }
    assert_int_equal(px_clusterer_settle(fx.c), 0); /* settled: a no-op */
    assert_int_equal(px_clusterer_settle(NULL), 0);
    fx_release(&fx);
}

static void test_stable_ids(void **state) {
    (void)state;
    char a[PX_CLUSTER_ID_LEN], b[PX_CLUSTER_ID_LEN], c2[PX_CLUSTER_ID_LEN];
    fixture fx;
    fx_init(&fx, 0);
    add(&fx, "first", NULL, quake[0]);
    assert_int_equal(px_clusterer_story_id(fx.c, 0, a), PX_OK);
    add(&fx, "second", NULL, quake[1]);
    add(&fx, "third", NULL, quake[2]);
    assert_int_equal(px_clusterer_story_id(fx.c, 0, b), PX_OK);
    assert_int_equal(px_clusterer_story_id(fx.c, 2, c2), PX_OK);
    assert_string_equal(a, b); /* later articles never rename a story */
    assert_string_equal(a, c2);
    assert_int_equal(strlen(a), PX_CLUSTER_ID_LEN - 1);
    assert_int_equal(px_clusterer_story_id(fx.c, 3, a), PX_ERR_NOTFOUND);
    fx_release(&fx);
    /* same input, same order, new clusterer: same id */
    fx_init(&fx, 0);
    add(&fx, "first", NULL, quake[0]);
    assert_int_equal(px_clusterer_story_id(fx.c, 0, c2), PX_OK);
    assert_string_equal(a, c2);
    fx_release(&fx);
}

static void test_merge(void **state) {
    (void)state;
    fixture fx;
    fx_init(&fx, 0.3);
    add(&fx, "x", NULL, "Alpha bravo charlie delta echo foxtrot.");
    assert_true(
        add(&fx, "y", NULL, "Golf hotel india juliet kilo lima.").is_new);
    px_cluster_result r = add(
        &fx, "z", NULL,
        "Alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo "
        "lima.");
    assert_false(r.is_new);
    assert_int_equal(r.merged, 1);
    size_t n;
    const px_cluster_merge *m = px_clusterer_merges(fx.c, &n);
    assert_int_equal(n, 1);
    char x[PX_CLUSTER_ID_LEN];
    px_clusterer_story_id(fx.c, 0, x);
    assert_string_equal(m[0].into, x); /* the older story survives */
    assert_int_equal(m[0].by, 2);
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(px_clusterer_story_of(fx.c, i), 0);
    assert_int_equal(px_clusterer_nstories(fx.c), 1);
    fx_release(&fx);
}

/* Two earthquakes (different where, magnitude, toll) and a later vague
 * report that reaches both: topic words alone would merge the stories; the
 * disagreeing specific evidence keeps them apart.  With the gate off
 * (merge_specific 0) the same input merges, so the gate is what holds. */
static size_t bridged_merges(double merge_specific) {
    fixture fx;
    fx_init_merge(&fx, 0.1, merge_specific);
    add(&fx, "a", NULL,
        "A magnitude 6.1 earthquake struck Qeshm island, killing 10 people, "
        "officials in Tehran said.");
    assert_true(
        add(&fx, "b", NULL,
            "Rescuers dug through rubble after a magnitude 8.8 quake hit "
            "Concepcion, leaving 700 dead, officials in Santiago said.")
            .is_new);
    px_cluster_result r =
        add(&fx, "c", NULL,
            "The earthquake struck and killed people; rescuers dug through "
            "rubble as officials said the quake hit hard.");
    assert_false(r.is_new);
    size_t n;
    px_clusterer_merges(fx.c, &n);
    assert_int_equal(n, r.merged);
    fx_release(&fx);
    return n;
}

static void test_merge_needs_agreement(void **state) {
    (void)state;
    assert_int_equal(bridged_merges(0.0), 1);
    px_cluster_opts o;
    px_cluster_opts_default(&o);
    assert_int_equal(bridged_merges(o.merge_specific), 0);
}

/* Score of a second article (text) joining a navy story, with the rare
 * evidence conflict scaled by factor (every number, date and name counts
 * as rare). */
static double navy_score(double factor, const char *text) {
    px_cluster_opts o;
    px_cluster_opts_default(&o);
    o.threshold = 0.05;
    o.conflict_factor = factor;
    o.conflict_rare = 1;
    fixture fx;
    fx_init_opts(&fx, &o);
    add(&fx, "a", NULL,
        "The Indian Navy frigate Tabar captured 23 pirates in the Gulf of "
        "Aden on Tuesday, navy officials in Mumbai said.");
    px_cluster_result r = add(&fx, "b", NULL, text);
    assert_false(r.is_new);
    fx_release(&fx);
    return r.score;
}

/* Same kind of capture, other numbers and no shared name: the story and
 * the article disagree on rare evidence, so the similarity is scaled by
 * conflict_factor; an article sharing one of the story's numbers is not
 * touched. */
static void test_number_conflict(void **state) {
    (void)state;
    const char *other = "The navy captured 26 pirates in the gulf in 2011, "
                        "navy officials said.";
    const char *same = "The navy captured 23 pirates in the gulf, navy "
                       "officials said.";
    double off = navy_score(1.0, other), on = navy_score(0.5, other);
    assert_true(off > 0.1);
    assert_true(fabs(on - off * 0.5) < 1e-6);
    assert_true(fabs(navy_score(0.5, same) - navy_score(1.0, same)) < 1e-9);
}

static void test_no_text(void **state) {
    (void)state;
    fixture fx;
    fx_init(&fx, 0);
    assert_true(add(&fx, "e1", NULL, "").is_new);
    assert_true(add(&fx, "e2", NULL, "   \n ").is_new);
    assert_true(add(&fx, "e3", NULL, "the of and").is_new); /* no content */
    px_cluster_feats *f = NULL;
    assert_int_equal(px_cluster_feats_new(NULL, NULL, fx.st, &fx.o, &f), PX_OK);
    assert_int_equal(px_cluster_feats_count(f), 0);
    assert_int_equal(
        px_clusterer_add(fx.c, "e4", f, PX_TIME_NONE, NULL, 0, NULL), PX_OK);
    px_cluster_feats_free(f);
    assert_int_equal(px_clusterer_nstories(fx.c), 4);
    assert_int_equal(px_clusterer_add(fx.c, NULL, NULL, 0, NULL, 0, NULL),
                     PX_ERR_INVALID);
    fx_release(&fx);
}

static void test_many_copies(void **state) {
    (void)state;
    fixture fx;
    fx_init(&fx, 0);
    px_cluster_feats *f = feats_of(&fx, quake[0], "Quake hits Qeshm");
    char id[32];
    for (int i = 0; i < 10000; i++) {
        snprintf(id, sizeof id, "copy%d", i);
        px_cluster_result r;
        assert_int_equal(
            px_clusterer_add(fx.c, id, f, PX_TIME_NONE, NULL, 0, &r), PX_OK);
        assert_int_equal(r.is_new, i == 0);
    }
    assert_int_equal(px_clusterer_nstories(fx.c), 1);
    assert_int_equal(px_clusterer_count(fx.c), 10000);
    px_cluster_feats_free(f);
    fx_release(&fx);
}

/* Stories of n near-copies that differ only in a number no other article
 * holds ("Filed by desk 17."): that number has the top idf, and without
 * the feature cap it carries most of each copy's weight. */
static size_t near_copy_stories(double feature_cap, int n) {
    px_cluster_opts o;
    px_cluster_opts_default(&o);
    o.feature_cap = feature_cap;
    fixture fx;
    fx_init_opts(&fx, &o);
    char id[32], text[512];
    for (int i = 0; i < n; i++) {
        snprintf(id, sizeof id, "near%d", i);
        snprintf(text, sizeof text, "%s Filed by desk %d.", quake[0], 1000 + i);
        add(&fx, id, NULL, text);
    }
    px_clusterer_settle(fx.c);
    size_t k = px_clusterer_nstories(fx.c);
    fx_release(&fx);
    return k;
}

static void test_feature_cap(void **state) {
    (void)state;
    px_cluster_opts o;
    px_cluster_opts_default(&o);
    assert_int_equal(near_copy_stories(o.feature_cap, 3000), 1);
    assert_true(near_copy_stories(1.0, 3000) > 1); /* the cap is what holds */
}

/* Similarity of two reports of one grounding under the same headline, with
 * bodies that share nothing (threshold lowered so the second joins and its
 * score is reported). */
static double headline_score(double w_headline) {
    px_cluster_opts o;
    px_cluster_opts_default(&o);
    o.w_headline = w_headline;
    o.threshold = 0.01;
    fixture fx;
    fx_init_opts(&fx, &o);
    const char *title = "Ferry runs aground off Carrow Island";
    px_cluster_feats *a = feats_of(
        &fx,
        "The Saint Ilvara struck a sandbank before dawn; the coast guard "
        "took all 312 people off by noon.",
        title);
    px_cluster_feats *b = feats_of(
        &fx,
        "Passengers described a jolt and a long wait on deck while lifeboats "
        "shuttled them ashore.",
        title);
    px_cluster_result r;
    px_clusterer_add(fx.c, "a", a, PX_TIME_NONE, NULL, 0, &r);
    px_clusterer_add(fx.c, "b", b, PX_TIME_NONE, NULL, 0, &r);
    assert_true(px_cluster_feats_count(a) > 0);
    px_cluster_feats_free(a);
    px_cluster_feats_free(b);
    fx_release(&fx);
    assert_false(r.is_new);
    return r.score;
}

static void test_headline(void **state) {
    (void)state;
    px_cluster_opts o;
    px_cluster_opts_default(&o);
    /* the headline meets the headline: a clear gain over title words
     * mixed into the body's */
    assert_true(headline_score(o.w_headline) > headline_score(0) + 0.1);
}

/* Stories after adding two short reports that share one rare number and
 * nothing else (no word in common: two scripts) and settling. */
static size_t one_number_stories(size_t min_shared) {
    px_cluster_opts o;
    px_cluster_opts_default(&o);
    o.min_shared = min_shared;
    fixture fx;
    fx_init_opts(&fx, &o);
    add(&fx, "zh", NULL, "伊朗格什姆岛发生6.1级地震，造成十人死亡。");
    add(&fx, "ar", NULL, "ضرب زلزال بقوة 6.1 درجات جزيرة قشم في جنوب إيران");
    px_clusterer_settle(fx.c);
    size_t n = px_clusterer_nstories(fx.c);
    fx_release(&fx);
    return n;
}

static void test_one_shared_feature(void **state) {
    (void)state;
    px_cluster_opts o;
    px_cluster_opts_default(&o);
    assert_int_equal(one_number_stories(o.min_shared), 2);
    assert_int_equal(one_number_stories(1), 1); /* min_shared is what holds */
}

/* min_shared asks for what a side has: an article of one feature still
 * joins the story of its identical copy. */
static void test_one_feature_copy(void **state) {
    (void)state;
    fixture fx;
    fx_init(&fx, -1);
    px_cluster_feats *f = feats_of(&fx, "earthquakes", NULL);
    assert_int_equal(px_cluster_feats_count(f), 1);
    px_cluster_result r1, r2;
    assert_int_equal(px_clusterer_add(fx.c, "a", f, PX_TIME_NONE, NULL, 0, &r1),
                     PX_OK);
    assert_int_equal(px_clusterer_add(fx.c, "b", f, PX_TIME_NONE, NULL, 0, &r2),
                     PX_OK);
    assert_false(r2.is_new);
    assert_int_equal(px_clusterer_story_of(fx.c, 0),
                     px_clusterer_story_of(fx.c, 1));
    px_cluster_feats_free(f);
    fx_release(&fx);
}

static void test_other_scripts(void **state) {
    (void)state;
    fixture fx;
    fx_init(&fx, 0);
    const char *ru = "Землетрясение магнитудой 6,1 произошло на острове Кешм.";
    const char *ar = "ضرب زلزال بقوة 6.1 درجات جزيرة قشم في جنوب إيران";
    const char *zh = "伊朗格什姆岛发生6.1级地震";
    add(&fx, "ru1", NULL, ru);
    add(&fx, "ar1", NULL, ar);
    add(&fx, "zh1", NULL, zh);
    assert_false(add(&fx, "ru2", NULL, ru).is_new);
    assert_false(add(&fx, "ar2", NULL, ar).is_new);
    assert_int_equal(px_clusterer_story_of(fx.c, 3),
                     px_clusterer_story_of(fx.c, 0));
    assert_int_equal(px_clusterer_story_of(fx.c, 4),
                     px_clusterer_story_of(fx.c, 1));
    assert_true(px_clusterer_story_of(fx.c, 0) !=
                px_clusterer_story_of(fx.c, 1));
    fx_release(&fx);
}

static void test_bounded_live(void **state) {
    (void)state;
    px_cluster_opts o;
    px_cluster_opts_default(&o);
    o.max_live = 2;
    px_stemmer *st = px_stemmer_new("en");
    px_clusterer *c = NULL;
    assert_int_equal(px_clusterer_new(&o, &c), PX_OK);
    fixture fx = {c, st, o};
    add(&fx, "a", NULL, quake[0]);
    add(&fx, "b", NULL, rehab[0]);
    const char *budget =
        "Parliament passed the budget bill after a long debate.";
    add(&fx, "c", NULL, budget);
    /* the quake story was retired (least recently updated of three): a
     * further quake article starts anew; the newest story still matches */
    assert_true(add(&fx, "d", NULL, quake[1]).is_new);
    assert_false(add(&fx, "e", NULL, budget).is_new);
    o.threshold = 0;
    assert_int_equal(px_clusterer_new(&o, &c), PX_ERR_INVALID);
    fx_release(&fx);
}

static void test_time_decay(void **state) {
    (void)state;
    fixture fx;
    fx_init(&fx, 0);
    px_cluster_feats *f = feats_of(&fx, quake[0], NULL);
    int64_t day = 86400, t0 = 1700000000;
    px_cluster_result r;
    assert_int_equal(px_clusterer_add(fx.c, "d0", f, t0, NULL, 0, &r), PX_OK);
    assert_int_equal(px_clusterer_add(fx.c, "d1", f, t0 + day / 2, NULL, 0, &r),
                     PX_OK);
    assert_false(r.is_new); /* same text, same day */
    /* the same text a month later: decayed far below the threshold */
    assert_int_equal(
        px_clusterer_add(fx.c, "d30", f, t0 + 30 * day, NULL, 0, &r), PX_OK);
    assert_true(r.is_new);
    /* no time on either side: no decay */
    assert_int_equal(px_clusterer_add(fx.c, "dn", f, PX_TIME_NONE, NULL, 0, &r),
                     PX_OK);
    assert_false(r.is_new);
    px_cluster_feats_free(f);
    fx_release(&fx);
}

/* Add quake[0] then t, with or without the hint that t copied from it;
 * returns whether t started a story of its own. */
static int weak_match_is_new(const char *t, int hint) {
    fixture fx;
    fx_init(&fx, 0.5);
    add(&fx, "w", NULL, quake[0]);
    px_cluster_feats *f = feats_of(&fx, t, NULL);
    px_cluster_result r;
    size_t from = 0;
    assert_int_equal(px_clusterer_add(fx.c, "t", f, PX_TIME_NONE,
                                      hint ? &from : NULL, hint ? 1 : 0, &r),
                     PX_OK);
    px_cluster_feats_free(f);
    fx_release(&fx);
    return r.is_new;
}

static void test_reuse_hint(void **state) {
    (void)state;
    /* a weak textual match (cosine about 0.46 < 0.5) joins only with the
     * copied-passage hint (+ w_reuse) */
    const char *t = "Villages were flattened on Qeshm island, officials said.";
    assert_true(weak_match_is_new(t, 0));
    assert_false(weak_match_is_new(t, 1));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_events),
        cmocka_unit_test(test_settle),
        cmocka_unit_test(test_settle_keeps_big_id),
        cmocka_unit_test(test_feature_cap),
        cmocka_unit_test(test_headline),
        cmocka_unit_test(test_stable_ids),
        cmocka_unit_test(test_merge),
        cmocka_unit_test(test_no_text),
        cmocka_unit_test(test_many_copies),
        cmocka_unit_test(test_other_scripts),
        cmocka_unit_test(test_one_shared_feature),
        cmocka_unit_test(test_one_feature_copy),
        cmocka_unit_test(test_bounded_live),
        cmocka_unit_test(test_time_decay),
        cmocka_unit_test(test_reuse_hint),
        cmocka_unit_test(test_merge_needs_agreement),
        cmocka_unit_test(test_same_kind_apart),
        cmocka_unit_test(test_number_conflict),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
