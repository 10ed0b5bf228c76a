/*
 * cli.h - shared helpers of the parallax command-line program.
 *
 * The program is a thin layer over libparallax: it uses only parallax.h.
 * Each command lives in src/cli/cmd_<name>.c as `int px_cmd_<name>(argc,
 * argv)` where argv[0] is the command name; it returns an exit code.
 */
#ifndef PX_CLI_H
#define PX_CLI_H

#include <getopt.h> /* struct option */
#include <stdio.h>
#include "parallax.h"

/* Exit codes (documented in docs/parallax.1 and README). */
enum {
    PX_EXIT_OK = 0,      /* success */
    PX_EXIT_PARTIAL = 1, /* some inputs were bad and skipped; rest done */
    PX_EXIT_USAGE = 2,   /* bad command line */
    PX_EXIT_FAIL = 3     /* nothing useful done: I/O, store, or internal */
};

/* Print "parallax CMD: message" on stderr. */
void cli_err(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* getopt_long (optind reset by the caller) with errors printed as
 * "parallax CMD: unrecognized option '--x'" (argv[0] is CMD); returns as
 * getopt_long, but '?' for every error (unknown or ambiguous option,
 * missing or unexpected argument), already reported. */
int cli_getopt(int argc, char **argv, const char *shortopts,
               const struct option *longopts);
/* Long name of the option whose val is val in longopts ("?" if none): for
 * messages, as long-only options have internal vals like 'B'. */
const char *cli_opt_name(const struct option *longopts, int val);
/* Parse a number option argument within [lo, hi]; 0 on success, -1 if it
 * is not a number, is NaN or out of range (*out unchanged). */
int cli_num(const char *s, double lo, double hi, double *out);
/* Parse a whole-number option argument within [lo, hi]: decimal digits
 * only (no sign, space, fraction or exponent); 0 on success, -1 if it is
 * anything else, overflows or is out of range (*out unchanged).  As with
 * cli_num, the caller names the option and the value in its message. */
int cli_uint(const char *s, uint64_t lo, uint64_t hi, uint64_t *out);
/* Parse a threshold-like option argument (--opt of cmd): a number in
 * [0, 1], or in (0, 1] when !zero_ok.  0 on success; -1 after printing
 * "parallax CMD: --OPT wants a number in 0..1, not 'S'" (*out unchanged). */
int cli_fraction(const char *cmd, const char *opt, const char *s, int zero_ok,
                 double *out);
/* 1 if the stream is a terminal (colour, progress bars, summaries). */
int cli_isatty(FILE *f);
/* Write a whole px_buf to stdout, then clear it. */
void cli_flush(px_buf *b);

/* The store a command uses: opt (its --db) when given, else
 * $PARALLAX_DB when set, else ./parallax.db. */
const char *cli_db_path(const char *opt);
/* Open that store (readonly: never created); prints one message naming
 * the path and returns NULL on failure (exit with PX_EXIT_FAIL). */
px_store *cli_store_open(const char *cmd, const char *opt, int readonly);

/* Inputs of a command: paths ("-" = stdin) and/or stored article ids.
 * Each argument that names an existing path (or "-") is read with the
 * readers; any other argument is looked up as an article id in the store
 * (db: the command's --db or NULL, resolved by cli_db_path; opened
 * read-only on the first id).  Articles come in argument order; an
 * argument that is neither is reported ("no such file or stored article").
 * No arguments: stdin when it is not a terminal, else every stored
 * article.  Problems are printed as "parallax CMD: path:line: reason" and
 * counted. */
typedef struct cli_input cli_input;
px_result cli_input_open(const char *cmd, char *const *args, int nargs,
                         const char *db, cli_input **out);
/* Next article (caller frees), or NULL at the end. */
px_article *cli_input_next(cli_input *in);
size_t cli_input_nerrors(const cli_input *in);
void cli_input_free(cli_input *in);

/* The commands. */
int px_cmd_ingest(int argc, char **argv);
int px_cmd_clean(int argc, char **argv);
int px_cmd_show(int argc, char **argv);
int px_cmd_list(int argc, char **argv);
int px_cmd_dedup(int argc, char **argv);
int px_cmd_reuse(int argc, char **argv);
int px_cmd_align(int argc, char **argv);
int px_cmd_claims(int argc, char **argv);
int px_cmd_compare(int argc, char **argv);
int px_cmd_extract(int argc, char **argv);
int px_cmd_cluster(int argc, char **argv);
int px_cmd_run(int argc, char **argv);
int px_cmd_stories(int argc, char **argv);
int px_cmd_story(int argc, char **argv);
int px_cmd_serve(int argc, char **argv);

#endif /* PX_CLI_H */
