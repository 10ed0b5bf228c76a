/*
 * store.c - px_store: articles in SQLite (see parallax/store.h).
 *
 * Design: one connection per px_store, WAL journal with synchronous=NORMAL
 * (a killed process never loses a committed transaction; only power loss
 * may drop the last ones), a busy timeout for concurrent readers/writers,
 * and prepared statements kept for the store's lifetime.  Transactions nest
 * by depth: only the outermost begin/commit reach SQLite, so callers batch
 * many puts in one commit.  Identity: `id` is unique, and so is the XXH3-128
 * hash of the original text, which makes exact duplicates cheap to refuse.
 */
#include <string.h> /* memcmp */
#include <time.h>   /* time */
#include <unistd.h> /* access */
#include <xxhash.h>

#include "store/migrate.h"
#include "store/store_int.h"

#define COLS                                                                   \
    "id, url, outlet, title, published, published_ts, lang, wire, "            \
    "extra, origin, text"

enum { ST_BY_ID, ST_BY_HASH, ST_INSERT, ST_GET, ST_CLEAN, ST_COUNT, ST_N };

static const char *const sql[ST_N] = {
    "SELECT hash FROM articles WHERE id = ?",
    "SELECT id FROM articles WHERE hash = ?",
    "INSERT INTO articles (id, hash, text, clean, url, outlet, title,"
    " published, published_ts, lang, wire, extra, origin, bad_utf8, added_ts)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "SELECT " COLS " FROM articles WHERE id = ?",
    "SELECT clean FROM articles WHERE id = ?",
    "SELECT count(*) FROM articles",
};

struct px_store {
    sqlite3 *db;
    sqlite3_stmt *st[ST_N];
    int depth; /* open px_store_begin calls */
    int readonly;
};

sqlite3 *px_store_sqlite(px_store *s) {
    return s->db;
}

const char *px_store_errmsg(const px_store *s) {
    return s ? sqlite3_errmsg(s->db) : "no store";
}

static px_result configure(px_store *s) {
    static const char rw[] =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
    sqlite3_busy_timeout(s->db, 10000);
    if (sqlite3_exec(s->db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL) ||
        (!s->readonly && sqlite3_exec(s->db, rw, NULL, NULL, NULL)))
        return PX_ERR_STORE;
    px_result rc = px_schema_migrate(s->db, s->readonly);
    for (int i = 0; !rc && i < ST_N; i++)
        if (sqlite3_prepare_v3(s->db, sql[i], -1, SQLITE_PREPARE_PERSISTENT,
                               &s->st[i], NULL))
            rc = PX_ERR_STORE;
    return rc;
}

px_result px_store_open(const char *path, int readonly, px_store **out) {
    *out = NULL;
    if (readonly && access(path, F_OK)) return PX_ERR_NOTFOUND;
    px_store *s = px_calloc(1, sizeof *s);
    s->readonly = readonly;
    int flags = readonly ? SQLITE_OPEN_READONLY
                         : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    px_result rc =
        sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL)
            ? PX_ERR_STORE
            : configure(s);
    if (rc == PX_ERR_STORE &&
        (sqlite3_errcode(s->db) & 0xff) == SQLITE_CANTOPEN)
        rc = PX_ERR_IO;
    if (rc) {
        px_store_close(s);
        return rc;
    }
    *out = s;
    return PX_OK;
}

void px_store_close(px_store *s) {
    if (!s) return;
    if (s->depth) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    for (int i = 0; i < ST_N; i++) sqlite3_finalize(s->st[i]);
    sqlite3_close(s->db);
    px_free(s);
}

px_result px_store_begin(px_store *s) {
    if (s->depth && sqlite3_get_autocommit(s->db))
        return PX_ERR_STORE; /* lost */
    if (s->depth == 0 &&
        sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL))
        return PX_ERR_STORE;
    s->depth++;
    return PX_OK;
}

px_result px_store_commit(px_store *s) {
    if (s->depth <= 0) return PX_ERR_INVALID;
    if (--s->depth == 0 && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL)) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return PX_ERR_STORE;
    }
    return PX_OK;
}

px_result px_store_rollback(px_store *s) {
    if (s->depth <= 0) return PX_ERR_INVALID;
    s->depth = 0;
    return sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL) ? PX_ERR_STORE
                                                             : PX_OK;
}

/* Run a prepared statement to its first row: 1 row, 0 none, -1 error.
 * The caller resets it. */
static int step_row(sqlite3_stmt *st) {
    int r = sqlite3_step(st);
    return r == SQLITE_ROW ? 1 : r == SQLITE_DONE ? 0 : -1;
}

static void bind_str(sqlite3_stmt *st, int i, const char *s) {
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

static char *col_str(sqlite3_stmt *st, int i) {
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? px_strndup((const char *)t, (size_t)sqlite3_column_bytes(st, i))
             : NULL;
}

/* Existing article with this id or this content: sets status and other;
 * 1 when found, 0 when new, -1 on error. */
static int find_existing(px_store *s, const char *id, const unsigned char *h,
                         px_put_status *status, char **other) {
    sqlite3_stmt *q = s->st[ST_BY_ID];
    sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
    int r = step_row(q);
    if (r == 1) {
        int same = sqlite3_column_bytes(q, 0) == 16 &&
                   !memcmp(sqlite3_column_blob(q, 0), h, 16);
        *status = same ? PX_PUT_SAME : PX_PUT_ID_CONFLICT;
        if (other) *other = px_strdup(id);
    }
    sqlite3_reset(q);
    if (r) return r;
    q = s->st[ST_BY_HASH];
    sqlite3_bind_blob(q, 1, h, 16, SQLITE_STATIC);
    r = step_row(q);
    if (r == 1) {
        *status = PX_PUT_DUP_CONTENT;
        if (other) *other = col_str(q, 0);
    }
    sqlite3_reset(q);
    return r;
}

static const char *meta_or(const char *given, const px_doc *d,
                           const char *key) {
    return given ? given : px_doc_meta(d, key);
}

static px_result insert(px_store *s, const px_article *a, const px_doc *d,
                        const unsigned char *h) {
    sqlite3_stmt *q = s->st[ST_INSERT];
    size_t clen;
    const char *clean = px_doc_clean(d, &clen);
    sqlite3_bind_text(q, 1, a->id, -1, SQLITE_STATIC);
    sqlite3_bind_blob(q, 2, h, 16, SQLITE_STATIC);
    sqlite3_bind_blob64(q, 3, a->text, a->text_len, SQLITE_STATIC);
    sqlite3_bind_text64(q, 4, clean ? clean : "", clean ? clen : 0,
                        SQLITE_STATIC, SQLITE_UTF8);
    bind_str(q, 5, a->url);
    bind_str(q, 6, meta_or(a->outlet, d, "outlet"));
    bind_str(q, 7, meta_or(a->title, d, "title"));
    bind_str(q, 8, a->published);
    if (a->published_ts == PX_TIME_NONE)
        sqlite3_bind_null(q, 9);
    else
        sqlite3_bind_int64(q, 9, a->published_ts);
    bind_str(q, 10, a->lang);
    bind_str(q, 11, meta_or(a->wire, d, "wire"));
    bind_str(q, 12, a->extra);
    bind_str(q, 13, a->origin);
    sqlite3_bind_int64(q, 14, (sqlite3_int64)px_doc_bad_utf8(d));
    sqlite3_bind_int64(q, 15, (sqlite3_int64)time(NULL));
    int r = sqlite3_step(q);
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return r == SQLITE_DONE ? PX_OK : PX_ERR_STORE;
}

static void content_hash(const void *text, size_t n, unsigned char out[16]) {
    XXH128_canonical_t c;
    XXH128_canonicalFromHash(&c, XXH3_128bits(text, n));
    memcpy(out, c.digest, 16);
}

/* Insert a new article, building its doc when the caller gave none. */
static px_result insert_new(px_store *s, const px_article *a, const px_doc *doc,
                            const unsigned char *h) {
    px_doc *own = NULL;
    px_doc_opts o = {0, a->title, a->outlet, NULL};
    px_result rc = doc ? PX_OK : px_doc_new(a->text, a->text_len, &o, &own);
    if (!rc) rc = insert(s, a, doc ? doc : own, h);
    px_doc_free(own);
    return rc;
}

px_result px_store_put(px_store *s, const px_article *a, const px_doc *doc,
                       px_put_status *status, char **other) {
    if (!a->id || !a->text) return PX_ERR_INVALID;
    if (other) *other = NULL;
    unsigned char h[16];
    content_hash(a->text, a->text_len, h);
    px_result rc = px_store_begin(s);
    if (rc) return rc;
    int found = find_existing(s, a->id, h, status, other);
    if (found < 0)
        rc = PX_ERR_STORE;
    else if (!found) {
        *status = PX_PUT_INSERTED;
        rc = insert_new(s, a, doc, h);
    }
    /* A failed statement is undone by SQLite itself: commit what the
     * enclosing batch holds rather than losing it. */
    px_result crc = px_store_commit(s);
    return rc ? rc : crc;
}

/* Article from a row of COLS. */
static px_article *row_article(sqlite3_stmt *q, int with_text) {
    px_article *a = px_article_new();
    char **f[] = {&a->id, &a->url, &a->outlet, &a->title, &a->published};
    for (int i = 0; i < 5; i++) *f[i] = col_str(q, i);
    if (sqlite3_column_type(q, 5) != SQLITE_NULL)
        a->published_ts = sqlite3_column_int64(q, 5);
    a->lang = col_str(q, 6);
    a->wire = col_str(q, 7);
    a->extra = col_str(q, 8);
    a->origin = col_str(q, 9);
    if (with_text)
        px_article_set_text(a, sqlite3_column_blob(q, 10),
                            (size_t)sqlite3_column_bytes(q, 10));
    return a;
}

px_result px_store_get(px_store *s, const char *id, px_article **out) {
    sqlite3_stmt *q = s->st[ST_GET];
    sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
    int r = step_row(q);
    *out = r == 1 ? row_article(q, 1) : NULL;
    sqlite3_reset(q);
    return r == 1 ? PX_OK : r == 0 ? PX_ERR_NOTFOUND : PX_ERR_STORE;
}

px_result px_store_get_clean(px_store *s, const char *id, char **clean,
                             size_t *len) {
    sqlite3_stmt *q = s->st[ST_CLEAN];
    sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
    int r = step_row(q);
    *clean = NULL;
    if (r == 1) {
        *clean = col_str(q, 0);
        if (!*clean) *clean = px_strdup("");
        if (len) *len = strlen(*clean);
    }
    sqlite3_reset(q);
    return r == 1 ? PX_OK : r == 0 ? PX_ERR_NOTFOUND : PX_ERR_STORE;
}

px_result px_store_each(px_store *s, int with_text, px_store_each_fn fn,
                        void *ud) {
    sqlite3_stmt *q;
    const char *sel = with_text ? "SELECT " COLS " FROM articles ORDER BY seq"
                                : "SELECT id, url, outlet, title, published,"
                                  " published_ts, lang, wire, extra, origin"
                                  " FROM articles ORDER BY seq";
    if (sqlite3_prepare_v2(s->db, sel, -1, &q, NULL)) return PX_ERR_STORE;
    int r;
    while ((r = step_row(q)) == 1) {
        px_article *a = row_article(q, with_text);
        int stop = fn(ud, a);
        px_article_free(a);
        if (stop) break;
    }
    sqlite3_finalize(q);
    return r < 0 ? PX_ERR_STORE : PX_OK;
}

px_result px_store_count(px_store *s, size_t *n) {
    sqlite3_stmt *q = s->st[ST_COUNT];
    int r = step_row(q);
    *n = r == 1 ? (size_t)sqlite3_column_int64(q, 0) : 0;
    sqlite3_reset(q);
    return r == 1 ? PX_OK : PX_ERR_STORE;
}

px_result px_store_module_migrate(px_store *s, const char *module,
                                  const char *const *steps, size_t nsteps) {
    if (s->readonly) return px_schema_module(s->db, module, steps, nsteps);
    px_result rc = px_store_begin(s);
    if (rc) return rc;
    rc = px_schema_module(s->db, module, steps, nsteps);
    if (rc) {
        px_store_rollback(s);
        return rc;
    }
    return px_store_commit(s);
}

px_result px_store_check(px_store *s) {
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, "PRAGMA integrity_check", -1, &q, NULL))
        return PX_ERR_STORE;
    int ok = step_row(q) == 1 &&
             !strcmp((const char *)sqlite3_column_text(q, 0), "ok");
    sqlite3_finalize(q);
    return ok ? PX_OK : PX_ERR_STORE;
}
