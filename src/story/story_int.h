/*
 * story/story_int.h - internals shared by the story module's files:
 * SQL helpers over the store's connection and the story list's query
 * (tables.c), the headline generator (headline.c) and the copy-graph hubs
 * (hubs.c) used by the build (build.c).
 */
#ifndef PX_STORY_INT_H
#define PX_STORY_INT_H

#include <sqlite3.h>

#include "parallax/reuse.h"
#include "parallax/story.h"
#include "store/store_int.h"

/* Prepare sql on the store's connection. */
px_result px_story_sql(px_store *s, const char *sql, sqlite3_stmt **st);
/* Prepare sql and bind id to its first parameter. */
px_result px_story_query(px_store *s, const char *sql, const char *id,
                         sqlite3_stmt **st);
/* Bind a string (NULL binds NULL), copied by SQLite. */
void px_story_bind_text(sqlite3_stmt *st, int i, const char *v);
/* Column i as a string, NULL for NULL (valid until the next step). */
const char *px_story_col(sqlite3_stmt *st, int i);

/* The SQL of px_story_each for f (f->sort valid), appended to sql: for
 * the listing and for checking its plan. */
void px_story_list_sql(const px_story_filter *f, px_buf *sql);

/* The text of member i of a story (NUL-terminated, *len its bytes; NULL
 * if it cannot be read); the caller of the callback frees it. */
typedef char *(*px_story_text_fn)(void *ud, size_t i, size_t *len);

/* The headline of a story from the titles of its members titles[0..n)
 * (NULL or empty for a member without one; at most the first
 * PX_HEADLINE_TITLES members considered): of the titles that represent
 * the story (at least a third of their words found in the other members'
 * titles or, text non-NULL, texts: text(ud, i) is asked only when the
 * titles do not settle it), the one sharing the most words with the
 * other titles (the medoid).  NULL if there is no such title.  Caller
 * frees. */
#define PX_HEADLINE_TITLES 64
char *px_story_headline(const char *const *titles, size_t n,
                        px_story_text_fn text, void *ud);

/* A candidate copy-graph edge (hubs.c): article `to` shares `votes`
 * frequent anchors whose earliest holder in its story is `from`
 * (clustering sequence numbers). */
typedef struct px_story_link {
    uint32_t from, to, votes;
} px_story_link;

/* Sources kept per article from the frequent anchors. */
#define PX_STORY_HUB_SOURCES 3

/* Candidate edges from the frequent anchors f[0..nf) of px_reuse_run_
 * frequent (doc = clustering sequence number): each anchor whose
 * holders are more than half in one story links them there to their
 * earliest (smallest rank), and each article keeps the PX_STORY_HUB_
 * SOURCES sources it shares most anchors with.  story[seq], rank[seq]
 * for seq < n (rank: a permutation, earlier first).  Returns the count,
 * sorted by (from, to); *out caller frees. */
size_t px_story_hub_links(const px_reuse_frequent *f, size_t nf,
                          const size_t *story, const size_t *rank, size_t n,
                          px_story_link **out);

/* Learn the recurring lines of every stored outlet (boiler.c) and record
 * the outlets' article counts (story_outlets).  *out owned by the caller. */
px_result px_story_boiler_learn(px_store *s, px_boiler **out);

/* A story's claim comparison as shown: what px_story_analyze stores and
 * the views read (stored when fresh, else computed by px_story_result_
 * compute).  Strings owned by the result. */
typedef struct px_story_finding {
    char *type, *kind, *summary;
    char *articles; /* ids on each side: "a, b | c" */
} px_story_finding;

typedef struct px_story_result {
    size_t nsrc;             /* sources compared */
    char *json;              /* px_compare_to_json, NULL with < 2 sources */
    char *text, *text_color; /* px_compare_to_text without/with colour */
    px_story_finding *f;
    size_t nf;
    px_result rc; /* why the comparison failed, or PX_OK */
} px_story_result;

void px_story_result_release(px_story_result *r);
/* The freshness key of story id into key[17] (hex). */
px_result px_story_key(px_store *s, const char *id, char key[17]);
/* Compute the comparison of story id (bounds in story_analysis.h), with
 * the learned boilerplate model b (may be NULL). */
px_result px_story_result_compute(px_store *s, const char *id,
                                  const px_boiler *b, px_story_result *r);
/* The stored result of story id if its key matches; PX_ERR_NOTFOUND when
 * absent or stale. */
px_result px_story_result_load(px_store *s, const char *id, px_story_result *r);

#endif /* PX_STORY_INT_H */
