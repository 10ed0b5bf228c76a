/*
 * cmd_run.c - `parallax run [--db PATH] [--json] INPUT...`: the main job.
 *
 * Ingest (clean and store every input article; identical texts under
 * other ids are recorded as copies of the stored one), then rebuild the
 * stories of the whole store: reuse, clustering, copy graph, headlines
 * (px_story_build), then compare and align the sources of each story whose
 * members changed and store the results (px_story_analyze), so showing a
 * story reads them back.
 *
 * Resumable and idempotent: articles are committed in batches, so an
 * interrupted run keeps what it stored and a re-run skips it (unchanged);
 * the story tables are replaced in one transaction, so they are either the
 * previous build or the new one, and a re-run over the same store rebuilds
 * the same stories.  Progress goes to stderr on a terminal only.
 */
#include <getopt.h> /* getopt_long */
#include <string.h>

#include "cli/cli.h"

static const char help[] =
    "usage: parallax run [--db PATH] [--json] [--threshold X] INPUT...\n"
    "The main job: read, clean and store the articles, then group the whole\n"
    "store into stories with their copy graph.  Re-running is safe: stored\n"
    "articles are skipped, stories are rebuilt the same way.\n"
    "  --db PATH        store file (default $PARALLAX_DB or ./parallax.db)\n"
    "  --json           print the counts as one JSON object\n"
    "  --threshold X    clustering similarity threshold (default 0.35)\n"
    "  --batch N        articles per transaction (default 500)\n"
    "  --no-compare     do not store claim comparisons and alignments\n"
    "                   (then `parallax story` computes them when shown)\n"
    "Then: parallax stories, parallax story ID.  See docs/run.md.\n";

enum { R_READ, R_NEW, R_SAME, R_COPY, R_CONFLICT, R_BAD, R_COUNTS };

typedef struct runjob {
    const char *cmd;
    px_store *store;
    int tty;
    int no_compare; /* skip px_story_analyze */
    size_t batch, in_batch;
    size_t n[R_COUNTS];
} runjob;

/* ------------------------------------------------------------- progress */

static void bar(const char *phase, size_t done, size_t total) {
    char b[31];
    size_t fill = total ? done * 30 / total : 30;
    for (size_t i = 0; i < 30; i++) b[i] = i < fill ? '#' : ' ';
    b[30] = 0;
    fprintf(stderr, "\r%-8s [%s] %zu/%zu", phase, b, done, total);
    fflush(stderr);
}

static void on_progress(void *ud, const char *phase, size_t done,
                        size_t total) {
    if (*(const int *)ud) bar(phase, done, total);
}

/* --------------------------------------------------------------- ingest */

/* Store one article; the store cleans only the articles it inserts, so a
 * re-run does not clean again what is already there. */
static px_result put_one(runjob *j, const px_article *a) {
    px_put_status st;
    char *other = NULL;
    px_result rc = px_store_put(j->store, a, NULL, &st, &other);
    if (!rc && st == PX_PUT_DUP_CONTENT)
        rc = px_story_add_copy(j->store, a->id, other, a->outlet, a->title,
                               a->published);
    if (!rc && st == PX_PUT_ID_CONFLICT)
        cli_err(j->cmd, "%s: id %s already stored with another text, skipped",
                a->origin ? a->origin : a->id, a->id);
    if (!rc)
        j->n[st == PX_PUT_INSERTED      ? R_NEW
             : st == PX_PUT_SAME        ? R_SAME
             : st == PX_PUT_DUP_CONTENT ? R_COPY
                                        : R_CONFLICT]++;
    px_free(other);
    return rc;
}

static px_result ingest(runjob *j, cli_input *in) {
    px_article *a;
    px_result rc = PX_OK;
    while (!rc && (a = cli_input_next(in))) {
        j->n[R_READ]++;
        if (!j->in_batch) rc = px_store_begin(j->store);
        px_result r = rc ? rc : put_one(j, a);
        if (r == PX_ERR_STORE)
            rc = r;
        else if (r) {
            cli_err(j->cmd, "%s: %s", a->origin ? a->origin : a->id,
                    px_result_str(r));
            j->n[R_BAD]++;
        }
        px_article_free(a);
        if (!rc && ++j->in_batch >= j->batch) {
            rc = px_store_commit(j->store);
            j->in_batch = 0;
        }
        if (j->tty && j->n[R_READ] % 100 == 0)
            fprintf(stderr, "\ringest   %zu articles", j->n[R_READ]);
    }
    if (j->in_batch) {
        if (rc)
            px_store_rollback(j->store);
        else
            rc = px_store_commit(j->store);
    }
    return rc;
}

/* --------------------------------------------------------------- report */

static void report(const runjob *j, const px_story_stats *st,
                   const px_story_analysis_stats *as, int json) {
    if (json) {
        printf("{\"read\": %zu, \"stored\": %zu, \"unchanged\": %zu, "
               "\"copies\": %zu, \"conflicts\": %zu, \"bad\": %zu, "
               "\"articles\": %zu, \"stories\": %zu, \"merges\": %zu, "
               "\"pairs\": %zu, \"compared\": %zu, \"fresh\": %zu}\n",
               j->n[R_READ], j->n[R_NEW], j->n[R_SAME], j->n[R_COPY],
               j->n[R_CONFLICT], j->n[R_BAD], st->articles, st->stories,
               st->merges, st->pairs, as->computed, as->fresh);
    } else if (j->tty) {
        fprintf(stderr, "\r%60s\r", "");
        printf("read %zu: %zu stored, %zu unchanged, %zu copies, %zu "
               "conflicts, %zu bad\nstore: %zu articles in %zu stories "
               "(%zu merges, %zu article pairs share passages)\n"
               "compared %zu stories (%zu unchanged)\n"
               "next: parallax stories; parallax story ID\n",
               j->n[R_READ], j->n[R_NEW], j->n[R_SAME], j->n[R_COPY],
               j->n[R_CONFLICT], j->n[R_BAD], st->articles, st->stories,
               st->merges, st->pairs, as->computed, as->fresh);
    }
}

static int parse(int argc, char **argv, const char **db, int *json, runjob *j,
                 px_story_opts *so) {
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'},
        {"json", no_argument, 0, 'j'},
        {"threshold", required_argument, 0, 't'},
        {"batch", required_argument, 0, 'b'},
        {"help", no_argument, 0, 'h'},
        {"no-compare", no_argument, 0, 'C'},
        {0, 0, 0, 0}};
    int c;
    uint64_t n;
    optind = 1;
    while ((c = cli_getopt(argc, argv, "d:jt:b:hC", opts)) != -1) {
        switch (c) {
        case 'd': *db = optarg; break;
        case 'j': *json = 1; break;
        case 't':
            if (cli_fraction(argv[0], "threshold", optarg, 0,
                             &so->cluster.threshold))
                return PX_EXIT_USAGE;
            break;
        case 'b':
            if (cli_uint(optarg, 1, 1000000, &n)) {
                cli_err(argv[0],
                        "--batch wants a whole number from 1 to 1000000, "
                        "not '%s'",
                        optarg);
                return PX_EXIT_USAGE;
            }
            j->batch = (size_t)n;
            break;
        case 'C': j->no_compare = 1; break;
        case 'h': fputs(help, stdout); return -1;
        default: fputs(help, stderr); return PX_EXIT_USAGE;
        }
    }
    if (optind == argc) {
        cli_err(argv[0], "no input (files, directories, - for stdin)");
        fputs(help, stderr);
        return PX_EXIT_USAGE;
    }
    return 0;
}

int px_cmd_run(int argc, char **argv) {
    runjob j = {.cmd = argv[0], .batch = 500, .tty = cli_isatty(stderr)};
    px_story_opts so;
    px_story_opts_default(&so);
    const char *db = NULL;
    int json = 0;
    int rc = parse(argc, argv, &db, &json, &j, &so);
    if (rc) return rc < 0 ? PX_EXIT_OK : rc;
    j.store = cli_store_open(argv[0], db, 0);
    if (!j.store) return PX_EXIT_FAIL;
    cli_input *in = NULL;
    px_result r = px_story_open(j.store);
    if (!r) r = cli_input_open(argv[0], argv + optind, argc - optind, db, &in);
    if (!r) r = ingest(&j, in);
    px_story_stats st = {0};
    so.progress = on_progress;
    so.ud = &j.tty;
    if (!r) r = px_story_build(j.store, &so, &st);
    px_story_analysis_stats as = {0};
    if (!r && !j.no_compare)
        r = px_story_analyze(j.store, on_progress, &j.tty, &as);
    if (r) {
        if (j.tty) fputc('\n', stderr);
        cli_err(argv[0], "%s (%s)", px_result_str(r), px_store_errmsg(j.store));
        rc = PX_EXIT_FAIL;
    } else {
        report(&j, &st, &as, json);
        rc = j.n[R_BAD] || j.n[R_CONFLICT] || cli_input_nerrors(in)
                 ? PX_EXIT_PARTIAL
                 : PX_EXIT_OK;
    }
    cli_input_free(in);
    px_store_close(j.store);
    return rc;
}
