/*
 * store_int.h - inside view of the store for other library modules
 * (dedup index, stories, claims ...), which keep their own tables in the
 * same database file.
 *
 * Contract: a module names its tables "<module>_<name>" (dedup_sigs,
 * story_members ...), creates and evolves them only through
 * px_store_module_migrate() (parallax/store.h) called from its own open
 * function, and never alters the core tables (articles, px_modules).  Use
 * px_store_begin/commit around writes so batches nest with the caller's.
 * See docs/store.md.
 */
#ifndef PX_STORE_INT_H
#define PX_STORE_INT_H

#include <sqlite3.h>
#include "parallax/store.h"

/* The store's connection (owned by the store; do not close). */
sqlite3 *px_store_sqlite(px_store *s);

#endif /* PX_STORE_INT_H */
