/*
 * parallax/cluster.h - online same-event clustering: articles into stories.
 *
 * A story is one real-world event ("two Reuters reporters jailed in
 * Myanmar"), not a topic ("press freedom").  Articles are added one at a
 * time in publication order; each joins the most similar live story when the
 * similarity reaches the threshold, or starts a new story.  Work per article
 * is bounded whatever the number of stories: candidate stories come from an
 * inverted index over the article's most discriminative features (each
 * posting list keeps only its newest stories), and only the best few
 * candidates are scored in full.  Memory per story is bounded too (its
 * centroid keeps at most `story_terms` features) and at most `max_live`
 * stories stay matchable: the least recently updated ones are retired.
 *
 * Similarity is the cosine between the article and the story centroid over
 * one sparse vector of namespaced features, each weighted by a log term
 * frequency, its kind's weight and an inverse document frequency learned
 * online:
 *   words     stemmed content words of body and title (title counts w_title)
 *   entities  runs of capitalised words (names of people, places, bodies)
 *   places    entities after a locative preposition ("in Jakarta")
 *   numbers   numerals ("6.1", "2,000")
 *   dates     a month with its day ("April 10")
 *   headline  the title's words again, in their own namespace
 * then scaled by time decay (half-life) when both sides have a time, and by
 * conflict_factor when the two disagree on rare numbers, dates and names, and
 * raised by copied passages when the caller passes the articles the new one
 * copied from (the reuse stage).
 *
 * Story ids are stable: derived from the id of the story's first article,
 * so the same input in the same order always gives the same ids, and adding
 * articles later never renames an existing story.  When a late article
 * makes two stories as similar as a join requires, and the two agree on
 * their specific evidence (merge_specific), the younger story is merged
 * into the older one and the merge is recorded.
 *
 * Thread safety: a px_clusterer is used by one thread at a time.
 */
#ifndef PARALLAX_CLUSTER_H
#define PARALLAX_CLUSTER_H

#include <stdint.h>
#include "parallax/core.h"
#include "parallax/doc.h"
#include "parallax/text.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct px_cluster_opts {
    double threshold;        /* join when similarity >= threshold (0..1] */
    double w_title;          /* count of a title word relative to a body word */
    double w_entity;         /* weight of an entity feature */
    double w_place;          /* weight of a place feature */
    double w_number;         /* weight of a number feature */
    double w_date;           /* weight of a date feature */
    double w_headline;       /* weight of a headline feature: a title word
                                in its own namespace */
    double w_reuse;          /* similarity added per copied-from story member */
    double lead_tokens;      /* token i of the body counts lead/(lead+i);
                                0 = every token counts 1 */
    double half_life_days;   /* time decay half-life; 0 = no decay */
    size_t story_terms;      /* features kept per story centroid */
    size_t query_terms;      /* article features used to find candidates */
    size_t posting_cap;      /* newest stories kept per feature */
    size_t candidates;       /* candidates scored in full */
    size_t max_live;         /* stories kept matchable (LRU retires the rest) */
    double merge_specific;   /* a late merge of two stories also needs this
                                cosine over their specific features
                                (entities, places, numbers, dates) [0..1] */
    double conflict_factor;  /* similarity scale when the article and the
                                story both hold rare numbers/dates/names and
                                the story holds none of the article's (0..1];
                                1 = off */
    double conflict_rare;    /* a number, date or name is rare when at most
                                this share of the articles so far hold it
                                [0..1] */
    double settle_threshold; /* px_clusterer_settle: a small story joins the
                                best other story scoring this (0..1] */
    double feature_cap;      /* most weight one feature may hold in an
                                article's unit vector (0..1]; 1 = no cap */
    size_t settle_size;      /* stories of at most this many articles are
                                settled (0 = settling does nothing) */
    size_t min_shared;       /* an article and a story with fewer features
                                in common score 0: one shared rare number
                                or name is a coincidence, not an event (a
                                side with fewer features needs them all) */
} px_cluster_opts;

/* Fill *o with the shipped defaults (tuned on ECB+ dev; bench/README.md). */
void px_cluster_opts_default(px_cluster_opts *o);

/* Features of one article, extracted without any corpus state (so they can
 * be computed ahead, in parallel, or in a different order than they are
 * added).  Opaque; owned by the caller. */
typedef struct px_cluster_feats px_cluster_feats;

/* Extract from the article body (doc, may be NULL for no text) and its title
 * (may be NULL).  stemmer: required, one per thread (parallax/text.h; not
 * thread-safe).  opts may be NULL (defaults).  *out owned by the caller. */
px_result px_cluster_feats_new(const px_doc *doc, const char *title,
                               px_stemmer *stemmer, const px_cluster_opts *opts,
                               px_cluster_feats **out);
void px_cluster_feats_free(px_cluster_feats *f); /* accepts NULL */
/* Number of distinct features (0 for an article without usable text). */
size_t px_cluster_feats_count(const px_cluster_feats *f);

typedef struct px_clusterer px_clusterer;

/* opts may be NULL (defaults); copied.  *out owned by the caller. */
px_result px_clusterer_new(const px_cluster_opts *opts, px_clusterer **out);
void px_clusterer_free(px_clusterer *c); /* accepts NULL */

/* What happened to one added article. */
typedef struct px_cluster_result {
    size_t seq;    /* 0-based position of the article in add order */
    int is_new;    /* 1: it started a new story */
    double score;  /* similarity to the story it joined (0 if new) */
    size_t merged; /* stories merged into its story by this article */
} px_cluster_result;

#define PX_CLUSTER_ID_LEN       18 /* "s" + 16 hex digits + NUL */
#define PX_CLUSTER_MAX_ARTICLES ((size_t)UINT32_MAX - 1)

/* Add one article.  id: its stable article id (copied into the story id
 * only through a hash).  ts: seconds since the epoch or PX_TIME_NONE
 * (parallax/article.h).  copied_from: sequence numbers of earlier articles
 * this one shares passages with (from the reuse stage), may be NULL.
 * Articles without features start their own singleton story.
 * PX_ERR_TOOBIG past PX_CLUSTER_MAX_ARTICLES. */
px_result px_clusterer_add(px_clusterer *c, const char *id,
                           const px_cluster_feats *f, int64_t ts,
                           const size_t *copied_from, size_t ncopied,
                           px_cluster_result *res);

/* Settle the stories at the end of a batch of adds: every story of at most
 * settle_size articles is scored against the other stories as they are now
 * (as an article would be, its centroid as the query) and merged into the
 * best one scoring settle_threshold or more.  An article that came early,
 * while its event's story was still thin, started a story of its own that
 * the later articles passed by; this joins them.  Merges are recorded with
 * settled = 1 and the first article of the story merged away.  Work: one
 * candidate search per small story.  Returns the number of merges. */
size_t px_clusterer_settle(px_clusterer *c);

/* Articles added so far. */
size_t px_clusterer_count(const px_clusterer *c);
/* Final story of the article added as seq (merges followed), written as a
 * NUL-terminated id into buf[PX_CLUSTER_ID_LEN].  PX_ERR_NOTFOUND if seq is
 * out of range. */
px_result px_clusterer_story_id(const px_clusterer *c, size_t seq,
                                char buf[PX_CLUSTER_ID_LEN]);
/* Internal story number of an article (stable while no merge happens;
 * follows merges), for grouping without formatting ids. */
size_t px_clusterer_story_of(const px_clusterer *c, size_t seq);
/* Number of stories (after merges). */
size_t px_clusterer_nstories(const px_clusterer *c);

/* One recorded merge: story `from` was merged into story `into`.  A merge
 * made by an article (settled = 0) happened when the article `by` (a
 * sequence number) arrived and reached both stories; one made by
 * px_clusterer_settle (settled = 1) names in `by` the first article of the
 * story merged away. */
typedef struct px_cluster_merge {
    char from[PX_CLUSTER_ID_LEN];
    char into[PX_CLUSTER_ID_LEN];
    size_t by;
    int settled;
} px_cluster_merge;

/* Merges so far, in the order they happened.  *n set; array owned by c and
 * valid until the next px_clusterer_add. */
const px_cluster_merge *px_clusterer_merges(const px_clusterer *c, size_t *n);

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_CLUSTER_H */
