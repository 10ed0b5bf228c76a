/*
 * corpus_in.h - shared input stage of `parallax dedup` and `parallax reuse`:
 * read the inputs (cli_input_open) into a px_corpus, optionally on top of
 * a persisted index file (--index), and append the new ones afterwards.
 */
#ifndef PX_CLI_CORPUS_IN_H
#define PX_CLI_CORPUS_IN_H

#include "cli/cli.h"

typedef struct cli_corpus {
    px_corpus *corpus;  /* owned */
    uint32_t first_new; /* first document read in this run */
    size_t nbad;        /* inputs that could not be read or built */
} cli_corpus;

/* What the command does with the corpus read (ctx: its options): an exit
 * code; PX_EXIT_FAIL leaves the index file as it was. */
typedef int (*cli_corpus_fn)(const char *cmd, const void *ctx, cli_corpus *cc);

typedef struct cli_corpus_job {
    const char *index;      /* --index file, or NULL */
    const char *db;         /* store for stored ids, NULL = default */
    unsigned threads;       /* building threads (0: one per core) */
    const px_dedup_opts *d; /* keys saved to the index (NULL: defaults) */
    const px_reuse_opts *r; /* idem */
    cli_corpus_fn run;      /* the command's work */
    const void *ctx;        /* run's options */
} cli_corpus_job;

/* The whole of dedup or reuse after its options: load job->index (a
 * missing file starts empty), add every input (args, see cli_input_open),
 * call job->run, then append the new documents to the index (unless run
 * failed) and free the corpus.  Problems are reported as "parallax CMD:
 * origin: reason".  Returns run's exit code, or PX_EXIT_FAIL when the
 * corpus could not be built or the index not saved. */
int cli_corpus_run(const char *cmd, char *const *args, int nargs,
                   const cli_corpus_job *job);

#endif /* PX_CLI_CORPUS_IN_H */
