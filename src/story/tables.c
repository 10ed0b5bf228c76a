/*
 * tables.c - the story module's tables in the store, and reading them back
 * (see parallax/story.h).
 *
 * Schema (module "story", migrated through px_store_module_migrate):
 *   story_members(article, seq, story)    clustered stored articles
 *   story_stories(id, size, outlets, t_min, t_max, headline), indexed
 *                 by each order of the story list (step 4)
 *   story_merges(n, from_id, into_id, by_article, settled)
 *   story_copies(story, from_article, to_article, words, similarity, dir)
 *   story_dups(article, same_as, outlet, title, published)
 *   story_analysis(story, key, sources, json, text, text_color, error)
 *   story_findings(story, n, type, kind, summary, articles, evidence)
 *   story_alignment(story, a, b, direction, confidence, coverage_a,
 *                   coverage_b, pairs)      (written by analysis.c)
 *   story_outlets(outlet, docs)                 (written by boiler.c)
 * All reads are plain prepared statements; callbacks receive strings that
 * live until they return.
 */
#include <string.h> /* strlen */

#include "story/story_int.h"

static const char *const steps[] = {
    "CREATE TABLE story_members (article TEXT PRIMARY KEY,"
    "  seq INTEGER NOT NULL, story TEXT NOT NULL);"
    "CREATE INDEX story_members_story ON story_members(story, seq);"
    "CREATE TABLE story_stories (id TEXT PRIMARY KEY, size INTEGER NOT NULL,"
    "  outlets INTEGER NOT NULL, t_min INTEGER, t_max INTEGER, headline TEXT);"
    "CREATE TABLE story_merges (n INTEGER PRIMARY KEY, from_id TEXT NOT NULL,"
    "  into_id TEXT NOT NULL, by_article TEXT NOT NULL);"
    "CREATE TABLE story_copies (story TEXT NOT NULL, from_article TEXT NOT "
    "NULL,"
    "  to_article TEXT NOT NULL, words INTEGER NOT NULL,"
    "  similarity REAL NOT NULL, dir INTEGER NOT NULL);"
    "CREATE INDEX story_copies_story ON story_copies(story);"
    "CREATE TABLE story_dups (article TEXT PRIMARY KEY, same_as TEXT NOT NULL,"
    "  outlet TEXT, title TEXT, published TEXT);"
    "CREATE INDEX story_dups_same ON story_dups(same_as);",
    "CREATE TABLE story_analysis (story TEXT PRIMARY KEY, key TEXT NOT NULL,"
    "  sources INTEGER NOT NULL, json TEXT, text TEXT, text_color TEXT,"
    "  error INTEGER NOT NULL);"
    "CREATE TABLE story_findings (story TEXT NOT NULL, n INTEGER NOT NULL,"
    "  type TEXT NOT NULL, kind TEXT NOT NULL, summary TEXT,"
    "  articles TEXT, evidence TEXT, PRIMARY KEY (story, n));"
    "CREATE TABLE story_alignment (story TEXT NOT NULL, a TEXT NOT NULL,"
    "  b TEXT NOT NULL, direction TEXT NOT NULL, confidence REAL NOT NULL,"
    "  coverage_a REAL NOT NULL, coverage_b REAL NOT NULL, pairs TEXT,"
    "  PRIMARY KEY (story, a, b));"
    "CREATE TABLE story_outlets (outlet TEXT PRIMARY KEY,"
    "  docs INTEGER NOT NULL);",
    /* 3: merges made by settling are told from merges made by an article */
    "ALTER TABLE story_merges ADD COLUMN settled INTEGER NOT NULL DEFAULT 0;",
    /* 4: one index per order of the story list (px_story_each), holding
     * the filtered columns too, so that a filtered, limited list reads
     * only the index entries it passes and the rows it shows */
    "CREATE INDEX story_stories_size ON story_stories(size DESC, id,"
    "  outlets, t_min, t_max);"
    "CREATE INDEX story_stories_outlets ON story_stories(outlets DESC,"
    "  size DESC, id, t_min, t_max);"
    "CREATE INDEX story_stories_recent ON story_stories(t_max DESC,"
    "  size DESC, id, outlets, t_min);",
};

px_result px_story_open(px_store *s) {
    return px_store_module_migrate(s, "story", steps,
                                   sizeof steps / sizeof steps[0]);
}

px_result px_story_sql(px_store *s, const char *sql, sqlite3_stmt **st) {
    return sqlite3_prepare_v2(px_store_sqlite(s), sql, -1, st, NULL)
               ? PX_ERR_STORE
               : PX_OK;
}

px_result px_story_query(px_store *s, const char *sql, const char *id,
                         sqlite3_stmt **st) {
    px_result rc = px_story_sql(s, sql, st);
    if (!rc) px_story_bind_text(*st, 1, id);
    return rc;
}

void px_story_bind_text(sqlite3_stmt *st, int i, const char *v) {
    if (v)
        sqlite3_bind_text(st, i, v, (int)strlen(v), SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

const char *px_story_col(sqlite3_stmt *st, int i) {
    return (const char *)sqlite3_column_text(st, i);
}

px_result px_story_add_copy(px_store *s, const char *id, const char *same_as,
                            const char *outlet, const char *title,
                            const char *published) {
    sqlite3_stmt *st;
    px_result rc = px_story_sql(
        s, "INSERT OR REPLACE INTO story_dups VALUES (?, ?, ?, ?, ?)", &st);
    if (rc) return rc;
    const char *v[] = {id, same_as, outlet, title, published};
    for (int i = 0; i < 5; i++) px_story_bind_text(st, i + 1, v[i]);
    rc = sqlite3_step(st) == SQLITE_DONE ? PX_OK : PX_ERR_STORE;
    sqlite3_finalize(st);
    return rc;
}

/* ----------------------------------------------------------------- reads */

static int64_t col_time(sqlite3_stmt *st, int i) {
    return sqlite3_column_type(st, i) == SQLITE_NULL
               ? PX_TIME_NONE
               : sqlite3_column_int64(st, i);
}

static void fill_info(sqlite3_stmt *st, px_story_info *o) {
    const char *id = px_story_col(st, 0);
    size_t n = strlen(id);
    if (n >= PX_CLUSTER_ID_LEN) n = PX_CLUSTER_ID_LEN - 1;
    memcpy(o->id, id, n);
    o->id[n] = 0;
    o->size = (size_t)sqlite3_column_int64(st, 1);
    o->outlets = (size_t)sqlite3_column_int64(st, 2);
    o->t_min = col_time(st, 3);
    o->t_max = col_time(st, 4);
    o->headline = px_story_col(st, 5);
}

#define INFO_COLS "id, size, outlets, t_min, t_max, headline"

/* The listing query of a filter, from constant fragments only; every
 * value is bound (?1 min_size, ?2 min_outlets, ?3 since, ?4 until, ?5
 * limit).  Plans (EXPLAIN QUERY PLAN at 125,000 stories in
 * bench/README.md): each order walks its own index (step 4) and stops at
 * the limit; with since, the range t_max >= since on the recent index
 * reads only the stories that reach it, and the few found are sorted (a
 * walk in size order would read every older story first).  A column is
 * written +col where its index must not be used; the indexes carry the
 * filtered columns, so rows are only read for stories listed.  The span
 * conditions are there only when asked for, so that a story without times
 * (NULL t_min, t_max) is left out exactly then. */
void px_story_list_sql(const px_story_filter *f, px_buf *sql) {
    static const char *const where[3][2] = {
        [PX_STORY_BY_SIZE] = {" WHERE size >= ?1 AND +outlets >= ?2",
                              " WHERE +size >= ?1 AND +outlets >= ?2"},
        [PX_STORY_BY_OUTLETS] = {" WHERE +size >= ?1 AND outlets >= ?2",
                                 " WHERE +size >= ?1 AND +outlets >= ?2"},
        [PX_STORY_BY_RECENT] = {" WHERE +size >= ?1 AND +outlets >= ?2",
                                " WHERE +size >= ?1 AND +outlets >= ?2"},
    };
    static const char *const by[3][2] = {
        [PX_STORY_BY_SIZE] = {" ORDER BY size DESC, id",
                              " ORDER BY +size DESC, id"},
        [PX_STORY_BY_OUTLETS] = {" ORDER BY outlets DESC, size DESC, id",
                                 " ORDER BY +outlets DESC, size DESC, id"},
        [PX_STORY_BY_RECENT] = {" ORDER BY t_max DESC, size DESC, id",
                                " ORDER BY t_max DESC, size DESC, id"},
    };
    int since = f->since != PX_TIME_NONE;
    px_buf_puts(sql, "SELECT " INFO_COLS " FROM story_stories");
    px_buf_puts(sql, where[f->sort][since]);
    if (since) px_buf_puts(sql, " AND t_max >= ?3");
    if (f->until != PX_TIME_NONE) px_buf_puts(sql, " AND t_min <= ?4");
    px_buf_puts(sql, by[f->sort][since]);
    px_buf_puts(sql, " LIMIT ?5");
}

/* Bind a count; a size_t over INT64_MAX is held as INT64_MAX (no story
 * reaches it), not wrapped to a negative number that every story passes. */
static void bind_count(sqlite3_stmt *st, int i, size_t v) {
    sqlite3_bind_int64(st, i,
                       v > (size_t)INT64_MAX ? INT64_MAX : (sqlite3_int64)v);
}

px_result px_story_each(px_store *s, const px_story_filter *f,
                        px_story_each_fn fn, void *ud) {
    px_story_filter all;
    if (!f) {
        px_story_filter_default(&all);
        f = &all;
    }
    if ((unsigned)f->sort > PX_STORY_BY_RECENT) return PX_ERR_INVALID;
    px_buf sql = PX_BUF_INIT;
    sqlite3_stmt *st;
    px_story_list_sql(f, &sql);
    px_result rc = px_story_sql(s, sql.data, &st);
    px_buf_release(&sql);
    if (rc) return rc;
    bind_count(st, 1, f->min_size);
    bind_count(st, 2, f->min_outlets);
    sqlite3_bind_int64(st, 3, f->since);
    sqlite3_bind_int64(st, 4, f->until);
    if (f->limit)
        bind_count(st, 5, f->limit);
    else
        sqlite3_bind_int64(st, 5, -1); /* no limit */
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        px_story_info info;
        fill_info(st, &info);
        if (fn(ud, &info)) break;
    }
    sqlite3_finalize(st);
    return r == SQLITE_ROW || r == SQLITE_DONE ? PX_OK : PX_ERR_STORE;
}

px_result px_story_get(px_store *s, const char *id, px_story_info *out) {
    sqlite3_stmt *st;
    px_result rc = px_story_sql(s,
                                "SELECT " INFO_COLS " FROM story_stories"
                                " WHERE id = ?",
                                &st);
    if (rc) return rc;
    px_story_bind_text(st, 1, id);
    int r = sqlite3_step(st);
    if (r == SQLITE_ROW) {
        fill_info(st, out);
        out->headline = px_strdup(out->headline);
    }
    sqlite3_finalize(st);
    return r == SQLITE_ROW    ? PX_OK
           : r == SQLITE_DONE ? PX_ERR_NOTFOUND
                              : PX_ERR_STORE;
}

px_result px_story_members(px_store *s, const char *id, px_story_member_fn fn,
                           void *ud) {
    sqlite3_stmt *st;
    px_result rc = px_story_query(
        s,
        "SELECT m.article, NULL, coalesce(a.outlet, a.wire), a.title,"
        " a.published, 0 AS k, m.seq"
        "  FROM story_members m JOIN articles a ON a.id = m.article"
        "  WHERE m.story = ?1"
        " UNION ALL "
        "SELECT d.article, d.same_as, d.outlet, d.title, d.published, 1, m.seq"
        "  FROM story_dups d JOIN story_members m ON m.article = d.same_as"
        "  WHERE m.story = ?1 ORDER BY 6, 7",
        id, &st);
    if (rc) return rc;
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        px_story_member m = {px_story_col(st, 0), px_story_col(st, 1),
                             px_story_col(st, 2), px_story_col(st, 3),
                             px_story_col(st, 4)};
        if (fn(ud, &m)) break;
    }
    sqlite3_finalize(st);
    return r == SQLITE_ROW || r == SQLITE_DONE ? PX_OK : PX_ERR_STORE;
}

px_result px_story_edges(px_store *s, const char *id, px_story_edge_fn fn,
                         void *ud) {
    sqlite3_stmt *st;
    px_result rc =
        px_story_sql(s,
                     "SELECT from_article, to_article, words, similarity, dir"
                     "  FROM story_copies WHERE story = ? ORDER BY words DESC,"
                     "  from_article, to_article",
                     &st);
    if (rc) return rc;
    px_story_bind_text(st, 1, id);
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        px_story_edge e = {px_story_col(st, 0), px_story_col(st, 1),
                           (uint32_t)sqlite3_column_int64(st, 2),
                           sqlite3_column_double(st, 3),
                           sqlite3_column_int(st, 4)};
        if (fn(ud, &e)) break;
    }
    sqlite3_finalize(st);
    return r == SQLITE_ROW || r == SQLITE_DONE ? PX_OK : PX_ERR_STORE;
}

px_result px_story_of(px_store *s, const char *article,
                      char buf[PX_CLUSTER_ID_LEN]) {
    sqlite3_stmt *st;
    px_result rc = px_story_sql(
        s,
        "SELECT story FROM story_members WHERE article = ?1 UNION ALL "
        "SELECT m.story FROM story_dups d JOIN story_members m"
        "  ON m.article = d.same_as WHERE d.article = ?1",
        &st);
    if (rc) return rc;
    px_story_bind_text(st, 1, article);
    int r = sqlite3_step(st);
    if (r == SQLITE_ROW) {
        const char *v = px_story_col(st, 0);
        size_t n = strlen(v);
        if (n >= PX_CLUSTER_ID_LEN) n = PX_CLUSTER_ID_LEN - 1;
        memcpy(buf, v, n);
        buf[n] = 0;
    }
    sqlite3_finalize(st);
    return r == SQLITE_ROW    ? PX_OK
           : r == SQLITE_DONE ? PX_ERR_NOTFOUND
                              : PX_ERR_STORE;
}

px_result px_story_merges(px_store *s, px_story_merge_fn fn, void *ud) {
    sqlite3_stmt *st;
    px_result rc = px_story_sql(s,
                                "SELECT from_id, into_id, by_article, settled"
                                " FROM story_merges ORDER BY n",
                                &st);
    if (rc) return rc;
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW)
        if (fn(ud, px_story_col(st, 0), px_story_col(st, 1),
               px_story_col(st, 2), sqlite3_column_int(st, 3)))
            break;
    sqlite3_finalize(st);
    return r == SQLITE_ROW || r == SQLITE_DONE ? PX_OK : PX_ERR_STORE;
}
