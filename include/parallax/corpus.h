/*
 * parallax/corpus.h - a compact, append-only word store shared by the
 * corpus-scale matchers (dedup, reuse) and its file format.
 *
 * Design: documents are kept as flat arrays, not objects: one 32-bit hash
 * per normalised word token (the low half of px_token.hash; in Chinese and
 * Japanese a letter, in Thai a letter trigram), all documents back to back,
 * plus an offset table and the ids; the tokens' ORIGINAL byte spans are
 * spilled to an unlinked temporary file ($TMPDIR or /tmp) and read back
 * only for what is reported.  About 4 resident bytes a word: 1.2 GB per
 * million 300-word articles (docs/dedup.md has the budget).  Matchers work
 * on word numbers and turn them into original byte offsets with
 * px_corpus_span(), so every reported span points into the article as it
 * was read.
 *
 * A corpus can be appended to an index file and loaded again (streaming:
 * load, add new articles, match them against everything seen before,
 * append; see parallax/index.h).  Loading checks every count and offset,
 * so a damaged file is refused, never trusted.
 *
 * Thread safety: adding is single-writer; reading a corpus that is not
 * being modified is safe from any number of threads.
 */
#ifndef PARALLAX_CORPUS_H
#define PARALLAX_CORPUS_H

#include <stdint.h>
#include "parallax/core.h"
#include "parallax/doc.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PX_CORPUS_MAX_DOCS ((size_t)UINT32_MAX - 1) /* documents per corpus */
#define PX_CORPUS_MAX_ID   4096                     /* bytes of one id */

typedef struct px_corpus px_corpus;

/* New empty corpus; free with px_corpus_free. */
px_corpus *px_corpus_new(void);
void px_corpus_free(px_corpus *c); /* accepts NULL */

/* Append a document: its id (copied; truncated to PX_CORPUS_MAX_ID bytes)
 * and the word tokens of d, those of scripts written without spaces
 * (Chinese, Japanese, Thai...) cut into letters or letter trigrams, each
 * with its original span (docs/dedup.md, "Units in Chinese, Japanese,
 * Thai").  *docno (may be NULL) receives its number.  An empty document is
 * kept (it matches nothing).  PX_ERR_TOOBIG when the corpus is full,
 * PX_ERR_IO if the span spill file cannot be written. */
px_result px_corpus_add(px_corpus *c, const char *id, const px_doc *d,
                        uint32_t *docno);

/* Build px_doc views of n texts with `threads` worker threads (0 = one
 * per core) and append them in order.  rcs[i] (n entries, caller-owned)
 * receives each text's result; texts that fail are not added.  Returns
 * PX_OK unless the corpus itself fails (then nothing after is added). */
px_result px_corpus_add_texts(px_corpus *c, size_t n, const char *const *ids,
                              const char *const *texts, const size_t *lens,
                              unsigned threads, px_result *rcs);

size_t px_corpus_size(const px_corpus *c);                    /* documents */
const char *px_corpus_id(const px_corpus *c, uint32_t docno); /* owned by c */
/* The word hashes of a document (owned by c) and their number. */
const uint32_t *px_corpus_words(const px_corpus *c, uint32_t docno, size_t *n);
/* Original byte span covered by words [from, to) of a document
 * (from < to <= number of words). */
px_span px_corpus_span(const px_corpus *c, uint32_t docno, size_t from,
                       size_t to);

/* Load an index file written by px_index_append (parallax/index.h); the
 * file is mapped read-only and must not be truncated while *out lives;
 * articles added later are kept in memory.  *out owned by the caller.
 * PX_ERR_NOTFOUND if path does not exist, PX_ERR_PARSE if it is damaged,
 * PX_ERR_SCHEMA if written by a newer format version, PX_ERR_UNSUPPORTED by
 * an older one (version 2 held the words of Chinese, Japanese and Thai as
 * whole clauses, not the units px_corpus_add now keeps: such a file cannot
 * be converted without the texts; build it again). */
px_result px_corpus_load(const char *path, px_corpus **out);

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_CORPUS_H */
