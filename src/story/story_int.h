/*
 * story/story_int.h - internals shared by the story module's files:
 * SQL helpers over the store's connection (tables.c) and the headline
 * generator (headline.c) used by the build (build.c).
 */
#ifndef PX_STORY_INT_H
#define PX_STORY_INT_H

#include <sqlite3.h>

#include "parallax/story.h"
#include "store/store_int.h"

/* Prepare sql on the store's connection. */
px_result px_story_sql(px_store *s, const char *sql, sqlite3_stmt **st);
/* Bind a string (NULL binds NULL), copied by SQLite. */
void px_story_bind_text(sqlite3_stmt *st, int i, const char *v);
/* Column i as a string, NULL for NULL (valid until the next step). */
const char *px_story_col(sqlite3_stmt *st, int i);

/* The headline of a story from its member titles (NULL entries skipped):
 * the title sharing the most words with the others (the medoid), at most
 * the first PX_HEADLINE_TITLES considered.  NULL if there is no title.
 * Caller frees. */
#define PX_HEADLINE_TITLES 64
char *px_story_headline(const char *const *titles, size_t n);

#endif /* PX_STORY_INT_H */
