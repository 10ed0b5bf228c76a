/*
 * cmd_ingest.c - `parallax ingest [--db PATH] [--json] [-v] PATH... | -`:
 * read articles, build their cleaned view and store them.
 *
 * Design: articles are stored in batches of --batch (default 500) per
 * transaction.  Everything said about an article's fate (the --json status
 * lines, the counts in the summary) is held back until its batch has been
 * committed, so whatever was reported as stored survives a kill -9; the
 * messages about bad input go to stderr at once.
 */
#include <getopt.h> /* getopt_long */
#include <stdint.h> /* SIZE_MAX */
#include <string.h> /* strcmp */

#include "cli/cli.h"
#include "cli/match.h"

static const char help[] =
    "usage: parallax ingest [--db PATH] [--json] [-v] PATH... | -\n"
    "Read articles (.txt, .jsonl/.ndjson/.json, .html/.htm, .warc,\n"
    "directories, gzip/zstd, '-' = JSON Lines on stdin), clean them and\n"
    "store them.\n"
    "  --db PATH        store file (default $PARALLAX_DB or ./parallax.db)\n"
    "  --json           one JSON line per input article with its status\n"
    "  -v, --verbose    print the summary even when stderr is not a terminal\n"
    "  --max-bytes N    size cap of one article or line (default 32 MiB)\n"
    "  --batch N        articles per transaction (default 500)\n"
    "  --match          then report near-duplicates and reused passages of\n"
    "                   the new articles against all earlier ones (index\n"
    "                   DB.pxindex; docs/dedup.md, docs/reuse.md)\n"
    "Exit: 0 all stored or already there, 1 some input was bad or refused,\n"
    "2 usage, 3 the store failed.  See docs/ingest.md.\n";

enum { N_READ, N_STORED, N_SAME, N_DUP, N_CONFLICT, N_ERR, N_COUNTS };

typedef struct ingest {
    const char *cmd;
    px_store *store;
    int json;
    px_buf pending;         /* --json lines of the open batch */
    size_t batch[N_COUNTS]; /* counts of the open batch */
    size_t total[N_COUNTS]; /* committed counts */
    size_t in_batch, batch_max;
    cli_match *match; /* --match, or NULL */
} ingest;

static const char *const status_name[] = {"stored", "unchanged", "duplicate",
                                          "conflict"};

static void json_line(ingest *g, const char *id, const char *origin,
                      const char *status, const char *key, const char *val) {
    if (!g->json) return;
    px_buf *b = &g->pending;
    px_buf_puts(b, "{");
    if (id) {
        px_buf_puts(b, "\"id\":");
        px_buf_json_str(b, id, strlen(id));
        px_buf_putc(b, ',');
    }
    px_buf_puts(b, "\"origin\":");
    px_buf_json_str(b, origin, strlen(origin));
    px_buf_printf(b, ",\"status\":\"%s\"", status);
    if (val) {
        px_buf_printf(b, ",\"%s\":", key);
        px_buf_json_str(b, val, strlen(val));
    }
    px_buf_puts(b, "}\n");
}

static void on_read_error(void *ud, const char *path, size_t line, px_result rc,
                          const char *msg) {
    ingest *g = ud;
    (void)rc;
    char origin[4096];
    if (line)
        snprintf(origin, sizeof origin, "%s:%zu", path, line);
    else
        snprintf(origin, sizeof origin, "%s", path);
    cli_err(g->cmd, "%s: %s", origin, msg);
    g->batch[N_ERR]++;
    json_line(g, NULL, origin, "error", "error", msg);
}

/* Commit the open batch, then publish what it did. */
static px_result batch_commit(ingest *g) {
    px_result rc = px_store_commit(g->store);
    if (rc) {
        cli_err(g->cmd,
                "store commit failed (%s): the last %zu articles were "
                "not stored",
                px_store_errmsg(g->store), g->in_batch);
        return rc;
    }
    cli_flush(&g->pending);
    fflush(stdout);
    for (int i = 0; i < N_COUNTS; i++)
        g->total[i] += g->batch[i], g->batch[i] = 0;
    g->in_batch = 0;
    if (cli_isatty(stderr) && !g->json)
        fprintf(stderr, "parallax ingest: %zu read, %zu stored...\r",
                g->total[N_READ],
                g->total[N_STORED]); /* next line overwrites */
    return PX_OK;
}

static void report_put(ingest *g, const px_article *a, px_put_status st,
                       const char *other) {
    static const int count_of[] = {N_STORED, N_SAME, N_DUP, N_CONFLICT};
    g->batch[count_of[st]]++;
    if (st == PX_PUT_DUP_CONTENT)
        cli_err(g->cmd,
                "%s: \"%s\" has the same text as stored \"%s\"; not "
                "stored again",
                a->origin, a->id, other);
    else if (st == PX_PUT_ID_CONFLICT)
        cli_err(g->cmd,
                "%s: id \"%s\" is already stored with a different "
                "text; not stored",
                a->origin, a->id);
    json_line(g, a->id, a->origin, status_name[st],
              st == PX_PUT_DUP_CONTENT ? "duplicate_of" : "",
              st == PX_PUT_DUP_CONTENT ? other : NULL);
}

/* Clean and store one article (the store builds the cleaned view only
 * for new ones); PX_ERR_STORE stops the run. */
static px_result ingest_one(ingest *g, const px_article *a) {
    px_put_status st = PX_PUT_INSERTED;
    char *other = NULL;
    g->batch[N_READ]++;
    px_result rc = px_store_put(g->store, a, NULL, &st, &other);
    if (!rc)
        report_put(g, a, st, other);
    else if (rc != PX_ERR_STORE) {
        cli_err(g->cmd, "%s: %s", a->origin, px_result_str(rc));
        g->batch[N_ERR]++;
        json_line(g, a->id, a->origin, "error", "error", px_result_str(rc));
    } else
        cli_err(g->cmd, "%s: store: %s", a->origin, px_store_errmsg(g->store));
    px_free(other);
    if (!rc && st == PX_PUT_INSERTED && g->match) cli_match_add(g->match, a);
    return rc == PX_ERR_STORE ? rc : PX_OK;
}

static px_result run(ingest *g, px_reader *r) {
    px_result rc = px_store_begin(g->store);
    px_article *a;
    while (!rc && !(rc = px_reader_next(r, &a)) && a) {
        rc = ingest_one(g, a);
        px_article_free(a);
        if (!rc && ++g->in_batch >= g->batch_max) {
            rc = batch_commit(g);
            if (!rc) rc = px_store_begin(g->store);
        }
    }
    if (rc)
        px_store_rollback(g->store);
    else
        rc = batch_commit(g);
    return rc;
}

/* A positive count from the command line for option opt; 0 (reported)
 * when invalid ("99999999999999999999" too: cli_uint refuses overflow). */
static size_t count_arg(const char *cmd, const char *opt, const char *s) {
    uint64_t v;
    if (!cli_uint(s, 1, SIZE_MAX, &v)) return (size_t)v;
    cli_err(cmd, "--%s wants a positive whole number, not '%s'", opt, s);
    return 0;
}

static void summary(const ingest *g) {
    const size_t *t = g->total;
    fprintf(stderr,
            "parallax ingest: %zu read, %zu stored, %zu unchanged, %zu "
            "duplicates, %zu conflicts, %zu errors\n",
            t[N_READ], t[N_STORED], t[N_SAME], t[N_DUP], t[N_CONFLICT],
            t[N_ERR]);
}

int px_cmd_ingest(int argc, char **argv) {
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'},
        {"json", no_argument, 0, 'j'},
        {"verbose", no_argument, 0, 'v'},
        {"max-bytes", required_argument, 0, 'm'},
        {"batch", required_argument, 0, 'b'},
        {"help", no_argument, 0, 'h'},
        {"match", no_argument, 0, 'M'},
        {0, 0, 0, 0}};
    ingest g = {.cmd = argv[0], .batch_max = 500};
    const char *db = NULL;
    int verbose = 0, match = 0, c;
    px_read_opts ro = {on_read_error, &g, PX_READ_MAX_ARTICLE};
    optind = 1;
    while ((c = cli_getopt(argc, argv, "vh", opts)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'j': g.json = 1; break;
        case 'v': verbose = 1; break;
        case 'm':
            ro.max_article_bytes = count_arg(g.cmd, "max-bytes", optarg);
            break;
        case 'b': g.batch_max = count_arg(g.cmd, "batch", optarg); break;
        case 'M': match = 1; break;
        case 'h': fputs(help, stdout); return PX_EXIT_OK;
        default: fputs(help, stderr); return PX_EXIT_USAGE;
        }
    }
    if (!g.batch_max || !ro.max_article_bytes ||
        (optind == argc && cli_isatty(stdin))) {
        fputs(help, stderr);
        return PX_EXIT_USAGE;
    }
    const char *dash[] = {"-"};
    const char *const *paths =
        optind < argc ? (const char *const *)argv + optind : dash;
    if (!(g.store = cli_store_open(g.cmd, db, 0))) return PX_EXIT_FAIL;
    if (match && !(g.match = cli_match_open(g.cmd, db, g.store))) {
        px_store_close(g.store);
        return PX_EXIT_FAIL;
    }
    px_reader *r;
    px_reader_new(paths, optind < argc ? (size_t)(argc - optind) : 1, &ro, &r);
    px_result rc = run(&g, r);
    px_reader_free(r);
    if (g.match && !rc)
        rc = cli_match_finish(g.match, g.json);
    else
        cli_match_free(g.match);
    px_store_close(g.store);
    px_buf_release(&g.pending);
    if (verbose || cli_isatty(stderr)) summary(&g);
    if (rc) return PX_EXIT_FAIL;
    return g.total[N_ERR] || g.total[N_CONFLICT] ? PX_EXIT_PARTIAL : PX_EXIT_OK;
}
