/*
 * match.h - output of the matchers (dedup pairs and clusters, reuse
 * passages) shared by `parallax dedup`, `parallax reuse` and
 * `parallax ingest --match`, and the --match step of ingest.
 */
#ifndef PX_CLI_MATCH_H
#define PX_CLI_MATCH_H

#include "cli/cli.h"

/* Near-duplicate pairs, one line each (text or JSON, docs/dedup.md). */
void cli_print_dups(const px_corpus *cp, const px_dup_pair *p, size_t n,
                    int json, px_buf *out);
/* The clusters of two or more documents the pairs make; their number. */
size_t cli_print_clusters(const px_corpus *cp, const px_dup_pair *pairs,
                          size_t npairs, int json, px_buf *out);
/* Passages sorted by pair (px_reuse_run order), each pair followed by
 * its summary (docs/reuse.md); returns the number of pairs. */
size_t cli_print_passages(const px_corpus *cp, const px_passage *ps, size_t n,
                          int json, px_buf *out);

/* Find the passages of cp with opts and print them to stdout; *npass and
 * *npairs (may be NULL) receive the counts.  PX_OK or the failure, already
 * reported as "parallax CMD: ...". */
px_result cli_reuse_print(const char *cmd, const px_corpus *cp,
                          const px_reuse_opts *opts, int json, size_t *npass,
                          size_t *npairs);

/* `ingest --match`: the index beside the store (DB.pxindex). */
typedef struct cli_match cli_match;
/* Load the index of store db (empty when missing); NULL after printing
 * a message when it cannot be read.  store: the open store db names
 * (borrowed; must stay open until cli_match_finish or cli_match_free). */
cli_match *cli_match_open(const char *cmd, const char *db, px_store *store);
/* Note a newly stored article (only its id is kept). */
void cli_match_add(cli_match *m, const px_article *a);
/* Read the noted articles back from the store, cleaned with the
 * boilerplate learned over the whole store (as `parallax run` cleans the
 * sources it compares), match them against everything in the index,
 * print the near-duplicates and passages (JSON Lines when json), append
 * them to the index and free m.  Returns PX_OK or the failure (already
 * reported). */
px_result cli_match_finish(cli_match *m, int json);
/* Free without matching (the ingest failed). */
void cli_match_free(cli_match *m);

#endif /* PX_CLI_MATCH_H */
