/*
 * parallax/index.h - the persisted match index of dedup and reuse
 * (streaming: add articles, match them against everything seen before).
 *
 * An index file is a px_corpus written in append-only segments, one per
 * run: the new articles' words and original spans plus their sorted LSH
 * band keys and winnowed reuse anchors.  Load it with px_corpus_load (the
 * file is mapped, not read: opening a million-article index is cheap), add
 * the new articles with px_corpus_add, run px_dedup_run / px_reuse_run
 * with first_new = the loaded size, then px_index_append.  A run whose
 * parameters differ from the stored ones is still correct: it recomputes
 * the keys of the old articles (slower).
 *
 * Disk per million articles of ~400 words: 4.8 GB of words and spans,
 * 0.26 GB of band keys (16 bands), ~1.4 GB of anchors (winnowing window
 * 8, n = 4).  Only the pages that matches touch are read.
 */
#ifndef PARALLAX_INDEX_H
#define PARALLAX_INDEX_H

#include "parallax/corpus.h"
#include "parallax/dedup.h"
#include "parallax/reuse.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Append the articles added to c since it was loaded (all of them for a
 * corpus made with px_corpus_new) to the index file at path (created when
 * missing), with their band keys for d's parameters and anchors for r's
 * (either may be NULL: defaults).  The file is only appended to and
 * flushed to disk; a failed append leaves a truncated segment that the
 * next load refuses (PX_ERR_PARSE). */
px_result px_index_append(const px_corpus *c, const char *path,
                          const px_dedup_opts *d, const px_reuse_opts *r);

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_INDEX_H */
