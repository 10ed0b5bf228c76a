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

/* A headline from the opening words of text[0..len): an article's text
 * (a story without titles) or a long title.  Its first line, cut when
 * longer than PX_HEADLINE_BYTES at the last space within them.  A line without
 * a space there (Thai, Chinese, Japanese: no spaces between words) is kept
 * whole up to PX_HEADLINE_UNSPACED bytes, else cut at the last space within
 * those, else at the last grapheme cluster boundary within them.  NULL if
 * the text is blank.  Caller frees (px_free). */
#define PX_HEADLINE_BYTES    80
#define PX_HEADLINE_UNSPACED 240
char *px_story_opening(const char *text, size_t len);

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

/* Order of a story list; every order ends with the id, so it is total. */
typedef enum px_story_sort {
    PX_STORY_BY_SIZE = 0,    /* articles, largest first, then id */
    PX_STORY_BY_OUTLETS = 1, /* outlets, most first, then size, then id */
    PX_STORY_BY_RECENT = 2   /* last publication (t_max), newest first, then
                                size, then id; stories without times last */
} px_story_sort;

/* Caps of a filter's values (px_story_filter_set refuses more). */
#define PX_STORY_LIMIT_MAX 1000000    /* limit */
#define PX_STORY_COUNT_MAX 1000000000 /* min_size, min_outlets */
#define PX_STORY_ARG_MAX   64         /* bytes of a value given as text */

/* Which stories a list holds, and in which order.  A story is listed when
 * size >= min_size, outlets >= min_outlets and its publication span
 * [t_min, t_max] overlaps [since, until]; an open end is PX_TIME_NONE.
 * When since or until is set, stories without known times are left out
 * (their span cannot be placed).  Applied in SQL over story_stories. */
typedef struct px_story_filter {
    size_t limit;       /* at most this many stories; 0 = all */
    size_t min_size;    /* articles, copies included; 0 = any */
    size_t min_outlets; /* distinct outlets; 0 = any */
    int64_t since;      /* seconds since the epoch, or PX_TIME_NONE */
    int64_t until;      /* seconds since the epoch, or PX_TIME_NONE */
    px_story_sort sort; /* PX_STORY_BY_SIZE by default */
} px_story_filter;

/* Every story, largest first. */
void px_story_filter_default(px_story_filter *f);

/* Set one field of f from text, as the CLI option or HTTP parameter of
 * the same name ('-' and '_' alike): "limit", "min_size", "min_outlets"
 * (decimal numbers; limit from 1 to PX_STORY_LIMIT_MAX, the minimums from
 * 0 to PX_STORY_COUNT_MAX), "since", "until" (px_story_time_arg; until
 * with a bare date means the end of that day) and "sort" ("size",
 * "outlets", "recent").  now: the current time (seconds since the epoch),
 * for relative times.  On error f is unchanged, PX_ERR_INVALID is
 * returned and *why (static, may be NULL) says what is wanted. */
px_result px_story_filter_set(px_story_filter *f, const char *name,
                              const char *value, int64_t now, const char **why);

/* A time given as text: an ISO 8601 date or date-time ("2025-03-04",
 * "2025-03-04T09:00Z", "2025-03-04T09:00:00+02:00", px_time_parse), or a
 * time back from now: a number and a unit, "90m", "24h", "7d", "2w"
 * (minutes, hours, days, weeks).  end_of_day: a bare date means its last
 * second (23:59:59 UTC) instead of its first.  PX_ERR_INVALID if it is
 * neither or longer than PX_STORY_ARG_MAX bytes. */
px_result px_story_time_arg(const char *s, int64_t now, int end_of_day,
                            int64_t *out);

typedef int (*px_story_each_fn)(void *ud, const px_story_info *st);
/* The stories f selects, in its order (f NULL = px_story_filter_default:
 * all, largest first).  fn returns non-zero to stop. */
px_result px_story_each(px_store *s, const px_story_filter *f,
                        px_story_each_fn fn, void *ud);
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
