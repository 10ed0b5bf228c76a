/*
 * migrate.c - the core schema as an append-only list of migrations.
 *
 * Never edit a released step: add a new one at the end.  Step i brings the
 * file from user_version i to i + 1.  Migrations run in one IMMEDIATE
 * transaction, so a crash mid-way leaves the previous version intact.
 */
#include <stdio.h> /* snprintf */

#include "store/migrate.h"

static const char *const core_steps[] = {
    /* 1: articles and the module registry */
    "CREATE TABLE articles ("
    " seq INTEGER PRIMARY KEY," /* insertion order */
    " id TEXT NOT NULL UNIQUE,"
    " hash BLOB NOT NULL UNIQUE," /* XXH3-128 of text, canonical */
    " text BLOB NOT NULL,"        /* original bytes, exactly */
    " clean TEXT,"                /* cleaned view (valid UTF-8) */
    " url TEXT, outlet TEXT, title TEXT, published TEXT,"
    " published_ts INTEGER, lang TEXT, wire TEXT,"
    " extra TEXT,"  /* unknown input fields, JSON */
    " origin TEXT," /* path:line it was read from */
    " bad_utf8 INTEGER NOT NULL DEFAULT 0,"
    " added_ts INTEGER NOT NULL);"
    "CREATE INDEX articles_published ON articles(published_ts);"
    "CREATE TABLE px_modules (name TEXT PRIMARY KEY,"
    " version INTEGER NOT NULL);",
};

int px_schema_version(void) {
    return (int)(sizeof core_steps / sizeof core_steps[0]);
}

static int user_version(sqlite3 *db) {
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) ==
            SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

px_result px_schema_migrate(sqlite3 *db, int readonly) {
    int v = user_version(db), want = px_schema_version();
    if (v < 0) return PX_ERR_STORE;
    if (v > want || (v < want && readonly)) return PX_ERR_SCHEMA;
    if (v == want) return PX_OK;
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL))
        return PX_ERR_STORE;
    v = user_version(db);     /* another process may have migrated meanwhile */
    if (v < 0 || v >= want) { /* nothing left to do, or a newer schema */
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return v < 0 ? PX_ERR_STORE : v > want ? PX_ERR_SCHEMA : PX_OK;
    }
    int rc = SQLITE_OK;
    for (; rc == SQLITE_OK && v < want; v++)
        rc = sqlite3_exec(db, core_steps[v], NULL, NULL, NULL);
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version=%d", want);
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return rc == SQLITE_OK ? PX_OK : PX_ERR_STORE;
}

static int module_version(sqlite3 *db, const char *module) {
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(db, "SELECT version FROM px_modules WHERE name=?",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, module, -1, SQLITE_STATIC);
    int r = sqlite3_step(st);
    v = r == SQLITE_ROW ? sqlite3_column_int(st, 0) : r == SQLITE_DONE ? 0 : -1;
    sqlite3_finalize(st);
    return v;
}

static int set_module_version(sqlite3 *db, const char *module, size_t n) {
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(
        db, "INSERT OR REPLACE INTO px_modules(name, version) VALUES(?, ?)", -1,
        &st, NULL);
    if (rc) return rc;
    sqlite3_bind_text(st, 1, module, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)n);
    rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    sqlite3_finalize(st);
    return rc;
}

px_result px_schema_module(sqlite3 *db, const char *module,
                           const char *const *steps, size_t n) {
    int v = module_version(db, module);
    if (v < 0) return PX_ERR_STORE;
    if ((size_t)v > n) return PX_ERR_SCHEMA;
    int rc = SQLITE_OK;
    for (size_t i = (size_t)v; rc == SQLITE_OK && i < n; i++)
        rc = sqlite3_exec(db, steps[i], NULL, NULL, NULL);
    if (rc == SQLITE_OK && (size_t)v < n)
        rc = set_module_version(db, module, n);
    return rc == SQLITE_OK ? PX_OK : PX_ERR_STORE;
}
