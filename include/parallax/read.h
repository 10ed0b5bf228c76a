/*
 * parallax/read.h - readers: turn paths (files, directories, "-" for stdin)
 * into a stream of px_article.
 *
 * Formats, chosen by extension (after stripping .gz / .zst; compression is
 * detected by magic bytes, whatever the name):
 *   .txt            one article; id = file stem; leading title line
 *                   recognised when the text repeats it
 *   .jsonl .ndjson  JSON Lines: id, url, outlet, title, text,
 *                   published, lang, wire; unknown fields kept in `extra`
 *   .json           a JSON array of such objects when it starts with '['
 *                   (parsed whole, under the size cap), else JSON Lines
 *   .html .htm      main text through the extractor (parallax/extract.h)
 *   .warc           WARC response records (parallax/extract.h)
 *   other names     given explicitly: JSON Lines when the first byte is
 *                   '{', else plain text; inside directories: skipped
 *   directories     walked recursively in sorted order (hidden entries
 *                   skipped)
 *   "-"             JSON Lines on stdin (gzip/zstd detected by magic)
 *
 * Ids: the "id" field, else the file stem (.txt), else "h" + 16 hex digits
 * of the content hash.  An id read twice in one reader is reported and the
 * second article skipped.  Empty inputs, binary data (NUL bytes or mostly
 * control characters), lines or files over max_article_bytes (skipped
 * without being buffered), malformed/truncated JSON, invalid UTF-8 inside
 * JSON, records without text and unreadable paths are all reported; invalid
 * UTF-8 in .txt files is kept verbatim (the doc views repair it).
 *
 * Bad input never stops the stream: each problem is reported through the
 * error callback with path, line and reason, counted, and skipped.
 */
#ifndef PARALLAX_READ_H
#define PARALLAX_READ_H

#include "parallax/article.h"
#include "parallax/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Called once per problem.  line is 1-based, 0 when not line-oriented. */
typedef void (*px_read_error_fn)(void *ud, const char *path, size_t line,
                                 px_result rc, const char *msg);

typedef struct px_read_opts {
    px_read_error_fn on_error; /* NULL: errors are only counted */
    void *ud;                  /* passed to on_error */
    size_t max_article_bytes;  /* 0: default PX_READ_MAX_ARTICLE */
} px_read_opts;

#define PX_READ_MAX_ARTICLE ((size_t)32 << 20) /* 32 MiB per line/file */

typedef struct px_reader px_reader;

/* paths are copied.  opts may be NULL. */
px_result px_reader_new(const char *const *paths, size_t npaths,
                        const px_read_opts *opts, px_reader **out);
/* Reader over n bytes of memory named `name` (its extension picks the
 * format, as for a file; "-" means JSON Lines).  data is not copied and
 * must outlive the reader.  For tests and fuzzing. */
px_result px_reader_new_mem(const char *name, const void *data, size_t n,
                            const px_read_opts *opts, px_reader **out);
/* Queue one more path behind those already queued (copied). */
void px_reader_push(px_reader *r, const char *path);
/* Next article into *out (caller frees with px_article_free), or *out = NULL
 * at the end.  Returns PX_OK unless the reader itself cannot go on. */
px_result px_reader_next(px_reader *r, px_article **out);
/* Problems reported so far. */
size_t px_reader_nerrors(const px_reader *r);
void px_reader_free(px_reader *r); /* accepts NULL */

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_READ_H */
