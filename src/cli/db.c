/*
 * db.c - which store a command uses (--db, $PARALLAX_DB, ./parallax.db)
 * and opening it with one clear message on failure.
 */
#include <stdlib.h> /* getenv */

#include "cli/cli.h"

const char *cli_db_path(const char *opt) {
    const char *env = getenv("PARALLAX_DB");
    return opt ? opt : env && *env ? env : PX_STORE_DEFAULT_PATH;
}

px_store *cli_store_open(const char *cmd, const char *opt, int readonly) {
    const char *path = cli_db_path(opt);
    px_store *s;
    px_result rc = px_store_open(path, readonly, &s);
    if (rc == PX_ERR_NOTFOUND)
        cli_err(
            cmd,
            "%s: no store here (run 'parallax ingest' or 'parallax run' first)",
            path);
    else if (rc == PX_ERR_SCHEMA)
        cli_err(cmd, "%s: store schema %s", path,
                readonly ? "differs from this build (open it with ingest)"
                         : "is newer than this build");
    else if (rc == PX_ERR_IO)
        cli_err(cmd, "%s: cannot open or create the store file", path);
    else if (rc)
        cli_err(cmd, "%s: not a parallax store (not SQLite, damaged or locked)",
                path);
    return rc ? NULL : s;
}
