/*
 * parallax/story.h - stories in the store: the clustering of every stored
 * article into same-event stories, their copy graph (who took passages
 * from whom) and a headline, kept in module tables of the store.
 *
 * px_story_build() (re)computes everything from the stored articles:
 *   order     articles already in a story keep their place; new ones follow
 *             in publication order (unknown times keep store order), so a
 *             re-run with the same store gives the same stories and adding
 *             articles never renames a story (ids come from first members);
 *   reuse     shared passages between all articles (parallax/reuse.h); an
 *             article's passages taken from earlier ones raise the
 *             similarity to their stories (px_clusterer_add copied_from);
 *   cluster   parallax/cluster.h with the options given;
 *   copies    the copy graph: every pair of articles of one story sharing
 *             passages; and since the reuse stage gives no pairs for a
 *             passage held by more than max_df (100) articles, such a
 *             passage, when more than half of its articles are in one
 *             story (a story of many near-copies, not a stock phrase),
 *             links each of them there to the earliest published holder
 *             (at most 3 such sources per article, each checked by
 *             aligning the two texts);
 *   write     tables story_members, story_stories, story_merges,
 *             story_copies replaced in one transaction: an interrupted
 *             build leaves the previous result whole.
 * Copies (identical texts under other ids, which the store keeps once) are
 * recorded with px_story_add_copy() and counted as sources of the story of
 * the text they repeat.
 */
#ifndef PARALLAX_STORY_H
#define PARALLAX_STORY_H

#include <stdint.h>
#include "parallax/cluster.h"
#include "parallax/core.h"
#include "parallax/store.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Progress of a build: phase ("reuse", "cluster", "copies" when a story
 * has passages too frequent for the reuse stage, "write"), done of total. */
typedef void (*px_story_progress_fn)(void *ud, const char *phase, size_t done,
                                     size_t total);

typedef struct px_story_opts {
    px_cluster_opts cluster;       /* clustering options */
    px_story_progress_fn progress; /* may be NULL */
    void *ud;                      /* passed to progress */
} px_story_opts;

void px_story_opts_default(px_story_opts *o);

typedef struct px_story_stats {
    size_t articles; /* stored articles clustered */
    size_t stories;  /* stories (after merges) */
    size_t merges;   /* merges recorded */
    size_t pairs;    /* article pairs sharing passages (reuse pairs, then
                        copy-graph links of passages too frequent for them) */
} px_story_stats;

/* Create the module tables when needed (idempotent). */
px_result px_story_open(px_store *s);

/* Record that article `id` (not stored: its text is identical) repeats the
 * stored article `same_as`.  outlet, title, published may be NULL. */
px_result px_story_add_copy(px_store *s, const char *id, const char *same_as,
                            const char *outlet, const char *title,
                            const char *published);

/* Recompute the stories of every stored article (see above).  stats may
 * be NULL. */
px_result px_story_build(px_store *s, const px_story_opts *o,
                         px_story_stats *stats);

/* One story as listed. */
typedef struct px_story_info {
    char id[PX_CLUSTER_ID_LEN];
    size_t size;          /* articles, copies included */
    size_t outlets;       /* distinct outlets (or URL hosts) */
    int64_t t_min, t_max; /* publication span, PX_TIME_NONE if unknown */
    const char *headline; /* generated from member titles, or NULL; in a
                             px_story_each callback valid during the call,
                             from px_story_get owned by its caller */
} px_story_info;

typedef int (*px_story_each_fn)(void *ud, const px_story_info *st);
/* Stories by size (largest first), then id.  fn returns non-zero to stop. */
px_result px_story_each(px_store *s, px_story_each_fn fn, void *ud);
/* One story; PX_ERR_NOTFOUND if no such id.  headline owned by *out's
 * caller: free with px_free((char *)out->headline). */
px_result px_story_get(px_store *s, const char *id, px_story_info *out);

/* A member: stored article (same_as NULL) or a copy of one. */
typedef struct px_story_member {
    const char *article;
    const char *same_as; /* for copies: the stored article it repeats */
    const char *outlet, *title, *published; /* may be NULL */
} px_story_member;
typedef int (*px_story_member_fn)(void *ud, const px_story_member *m);
/* Members of story id in clustering order, copies last. */
px_result px_story_members(px_store *s, const char *id, px_story_member_fn fn,
                           void *ud);

/* An edge of the copy graph: `to` shares passages with `from`, which
 * published them first when dir is 1 (by publication time); dir 0 when
 * the times do not tell (then `from` is the earlier in clustering order).
 * In a story of more than max_df / 2 near-copies most edges link a copy
 * to the earliest article holding its text (see the top of the file). */
typedef struct px_story_edge {
    const char *from, *to;
    uint32_t words;    /* shared words over all passages */
    double similarity; /* best passage similarity */
    int dir;
} px_story_edge;
typedef int (*px_story_edge_fn)(void *ud, const px_story_edge *e);
/* Copy-graph edges of story id, most shared words first. */
px_result px_story_edges(px_store *s, const char *id, px_story_edge_fn fn,
                         void *ud);

/* Story of an article (stored or copy) into buf; PX_ERR_NOTFOUND if none. */
px_result px_story_of(px_store *s, const char *article,
                      char buf[PX_CLUSTER_ID_LEN]);

/* Merges recorded by the last build: fn(ud, from, into, by_article,
 * settled), settled as in px_cluster_merge (parallax/cluster.h): 0 when the
 * article `by` reached both stories, 1 when settling merged away the story
 * whose first article is `by`. */
typedef int (*px_story_merge_fn)(void *ud, const char *from, const char *into,
                                 const char *by, int settled);
px_result px_story_merges(px_store *s, px_story_merge_fn fn, void *ud);

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_STORY_H */
