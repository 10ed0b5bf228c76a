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

/* Load index (may be NULL; a missing file starts empty), then add every
 * input (db: the store for stored ids, NULL = default; see cli_input_open).
 * Problems are reported as "parallax CMD: origin: reason".  Returns PX_OK
 * unless nothing sensible can be done. */
px_result cli_corpus_read(const char *cmd, char *const *args, int nargs,
                          const char *index, const char *db, unsigned threads,
                          cli_corpus *out);
/* Append the new documents to index (if not NULL) with keys for d and r
 * (NULL: defaults), and free the corpus. */
px_result cli_corpus_finish(const char *cmd, const char *index,
                            const px_dedup_opts *d, const px_reuse_opts *r,
                            cli_corpus *cc);

#endif /* PX_CLI_CORPUS_IN_H */
