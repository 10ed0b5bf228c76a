/*
 * test_store.c - the SQLite store: put outcomes (new, same, duplicate
 * content, id conflict), read-back, batches, module migrations, schema
 * version checks.
 */
#include <sqlite3.h>
#include <unistd.h> /* unlink */

#include "testutil.h"

static char db_path[64];

static px_article *art(const char *id, const char *text) {
    px_article *a = px_article_new();
    a->id = px_strdup(id);
    px_article_set_text(a, text, strlen(text));
    return a;
}

static void remove_db(void) {
    char p[80];
    unlink(db_path);
    snprintf(p, sizeof p, "%s-wal", db_path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", db_path);
    unlink(p);
}

static int setup(void **state) {
    (void)state;
    snprintf(db_path, sizeof db_path, "/tmp/px_test_store_%d.db",
             (int)getpid());
    remove_db();
    return 0;
}

static int teardown(void **state) {
    (void)state;
    remove_db();
    return 0;
}

static px_put_status put(px_store *s, px_article *a, char **other) {
    px_put_status st = (px_put_status)-1;
    assert_int_equal(px_store_put(s, a, NULL, &st, other), PX_OK);
    px_article_free(a);
    return st;
}

static void test_put_outcomes(void **state) {
    (void)state;
    px_store *s;
    assert_int_equal(px_store_open(db_path, 0, &s), PX_OK);
    char *other = NULL;
    /* exact bytes kept, invalid UTF-8 included */
    assert_int_equal(put(s, art("a", "Alpha text.\xff\n"), NULL),
                     PX_PUT_INSERTED);
    assert_int_equal(put(s, art("a", "Alpha text.\xff\n"), NULL), PX_PUT_SAME);
    assert_int_equal(put(s, art("a", "Changed."), &other), PX_PUT_ID_CONFLICT);
    assert_string_equal(other, "a");
    px_free(other);
    assert_int_equal(put(s, art("b", "Alpha text.\xff\n"), &other),
                     PX_PUT_DUP_CONTENT);
    assert_string_equal(other, "a");
    px_free(other);
    px_article *m = art("c", "Gamma.");
    m->title = px_strdup("T");
    m->published = px_strdup("2025-01-01");
    m->published_ts = 1735689600;
    m->extra = px_strdup("{\"k\":1}");
    assert_int_equal(put(s, m, NULL), PX_PUT_INSERTED);
    size_t n;
    assert_int_equal(px_store_count(s, &n), PX_OK);
    assert_int_equal(n, 2);
    px_article *g;
    assert_int_equal(px_store_get(s, "a", &g), PX_OK);
    assert_int_equal(g->text_len, 13);
    assert_memory_equal(g->text, "Alpha text.\xff\n", 13);
    px_article_free(g);
    assert_int_equal(px_store_get(s, "c", &g), PX_OK);
    assert_string_equal(g->title, "T");
    assert_string_equal(g->extra, "{\"k\":1}");
    assert_true(g->published_ts == 1735689600);
    px_article_free(g);
    assert_int_equal(px_store_get(s, "zz", &g), PX_ERR_NOTFOUND);
    char *clean;
    assert_int_equal(px_store_get_clean(s, "a", &clean, NULL), PX_OK);
    assert_non_null(strstr(clean, "Alpha text."));
    assert_null(strchr(clean, '\xff')); /* repaired in the clean view */
    px_free(clean);
    assert_int_equal(px_store_check(s), PX_OK);
    px_store_close(s);
}

static int collect(void *ud, const px_article *a) {
    px_buf_printf(ud, "%s;", a->id);
    return 0;
}

static void test_batch_and_reopen(void **state) {
    (void)state;
    px_store *s;
    assert_int_equal(px_store_open(db_path, 0, &s), PX_OK);
    assert_int_equal(px_store_begin(s), PX_OK);
    assert_int_equal(put(s, art("x1", "one"), NULL), PX_PUT_INSERTED);
    assert_int_equal(put(s, art("x2", "one"), NULL), PX_PUT_DUP_CONTENT);
    assert_int_equal(px_store_rollback(s), PX_OK);
    assert_int_equal(px_store_begin(s), PX_OK);
    assert_int_equal(put(s, art("y1", "two"), NULL), PX_PUT_INSERTED);
    assert_int_equal(put(s, art("y0", "three"), NULL), PX_PUT_INSERTED);
    assert_int_equal(px_store_commit(s), PX_OK);
    px_store_close(s);
    assert_int_equal(px_store_open(db_path, 1, &s), PX_OK);
    px_buf ids = PX_BUF_INIT;
    assert_int_equal(px_store_each(s, 0, collect, &ids), PX_OK);
    assert_string_equal(ids.data, "y1;y0;"); /* insertion order */
    px_buf_release(&ids);
    px_store_close(s);
}

static void test_modules_and_versions(void **state) {
    (void)state;
    static const char *const steps[] = {
        "CREATE TABLE demo_t (k INTEGER PRIMARY KEY);",
        "ALTER TABLE demo_t ADD COLUMN v TEXT;",
    };
    px_store *s;
    assert_int_equal(px_store_open(db_path, 0, &s), PX_OK);
    assert_int_equal(px_store_module_migrate(s, "demo", steps, 1), PX_OK);
    assert_int_equal(px_store_module_migrate(s, "demo", steps, 2), PX_OK);
    assert_int_equal(px_store_module_migrate(s, "demo", steps, 2), PX_OK);
    assert_int_equal(px_store_module_migrate(s, "demo", steps, 1),
                     PX_ERR_SCHEMA);
    px_store_close(s);
    /* a file from a newer build is refused */
    sqlite3 *db;
    assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
    assert_int_equal(
        sqlite3_exec(db, "PRAGMA user_version=999", NULL, NULL, NULL),
        SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(px_store_open(db_path, 0, &s), PX_ERR_SCHEMA);
    assert_null(s);
    assert_int_equal(px_store_open("/tmp/px_no_such_store.db", 1, &s),
                     PX_ERR_NOTFOUND);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_put_outcomes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_batch_and_reopen, setup, teardown),
        cmocka_unit_test_setup_teardown(test_modules_and_versions, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
