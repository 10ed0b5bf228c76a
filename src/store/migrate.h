/*
 * migrate.h - schema versions of the store (internal).
 *
 * The core schema is a list of migration scripts (migrate.c); the number
 * of scripts applied is PRAGMA user_version.  Modules keep their own
 * version in the px_modules table (px_store_module_migrate).
 */
#ifndef PX_STORE_MIGRATE_H
#define PX_STORE_MIGRATE_H

#include <sqlite3.h>
#include "parallax/core.h"

/* Schema version this build writes. */
int px_schema_version(void);
/* Bring db up to px_schema_version() in one transaction.  PX_ERR_SCHEMA
 * when the file is newer than this build, or older and readonly. */
px_result px_schema_migrate(sqlite3 *db, int readonly);
/* Apply steps[from..n) of a module's scripts, recording n.  In one
 * transaction (the caller's, when one is open). */
px_result px_schema_module(sqlite3 *db, const char *module,
                           const char *const *steps, size_t n);

#endif /* PX_STORE_MIGRATE_H */
