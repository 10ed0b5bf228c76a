/*
 * parallax/store.h - the embedded SQLite store (WAL mode).
 *
 * Holds articles (original text, cleaned text, metadata, content hash) and
 * the results of later stages.  The schema is versioned (PRAGMA user_version)
 * and migrated forward on open; a store written by a newer build is refused
 * with PX_ERR_SCHEMA.  Every write happens inside a transaction, so a killed
 * process loses at most the batch in flight and never corrupts the file.
 */
#ifndef PARALLAX_STORE_H
#define PARALLAX_STORE_H

#include "parallax/article.h"
#include "parallax/core.h"
#include "parallax/doc.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PX_STORE_DEFAULT_PATH "parallax.db"

typedef struct px_store px_store;

/* Open (creating and migrating when needed).  readonly: 1 to refuse writes;
 * a missing file is then PX_ERR_NOTFOUND rather than created.  Errors:
 * PX_ERR_IO the file cannot be opened or created, PX_ERR_SCHEMA see above,
 * PX_ERR_STORE not an SQLite database (or damaged, or locked); *out is
 * then NULL. */
px_result px_store_open(const char *path, int readonly, px_store **out);
void px_store_close(px_store *s); /* accepts NULL */
/* Last SQLite error message (owned by the store). */
const char *px_store_errmsg(const px_store *s);

/* Transactions: cheap to nest (only the outermost one commits).  Batch
 * many px_store_put calls in one transaction for speed; an article is
 * durable (survives kill -9) once the outermost commit returned PX_OK. */
px_result px_store_begin(px_store *s);
px_result px_store_commit(px_store *s);
px_result px_store_rollback(px_store *s);

typedef enum px_put_status {
    PX_PUT_INSERTED = 0,    /* new article stored */
    PX_PUT_SAME = 1,        /* same id, same content: nothing to do */
    PX_PUT_DUP_CONTENT = 2, /* other id, identical content: not stored */
    PX_PUT_ID_CONFLICT = 3  /* same id, different content: not stored */
} px_put_status;

/* Store an article and its cleaned view (doc may be NULL: built here with
 * the article's title and outlet).  Outlet, wire and title missing from the
 * article are taken from the doc's metadata (px_doc_meta).
 * *status says what happened; *other (may be NULL) receives the id of the
 * article it duplicates, owned by the caller. */
px_result px_store_put(px_store *s, const px_article *a, const px_doc *doc,
                       px_put_status *status, char **other);
/* Fetch by id; *out owned by the caller.  PX_ERR_NOTFOUND if absent. */
px_result px_store_get(px_store *s, const char *id, px_article **out);
/* Call fn for each article in insertion order (text included when
 * with_text); fn returns non-zero to stop. */
typedef int (*px_store_each_fn)(void *ud, const px_article *a);
px_result px_store_each(px_store *s, int with_text, px_store_each_fn fn,
                        void *ud);
/* Number of stored articles. */
px_result px_store_count(px_store *s, size_t *n);
/* Cleaned text of a stored article (*clean owned by the caller, NUL-
 * terminated; len may be NULL).  PX_ERR_NOTFOUND if absent. */
px_result px_store_get_clean(px_store *s, const char *id, char **clean,
                             size_t *len);
/* PRAGMA integrity_check: PX_OK when the file is sound. */
px_result px_store_check(px_store *s);

/* Module tables.  A library module (dedup, stories, claims ...) keeps its
 * tables, named "<module>_<table>", in the same file and declares them as
 * an append-only list of SQL scripts; this applies the scripts the file has
 * not seen yet (version per module in table px_modules), in a transaction.
 * Call it from the module's open function; idempotent and cheap when up to
 * date.  PX_ERR_SCHEMA if the file holds a newer version of the module.
 * steps are not retained. */
px_result px_store_module_migrate(px_store *s, const char *module,
                                  const char *const *steps, size_t nsteps);

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_STORE_H */
