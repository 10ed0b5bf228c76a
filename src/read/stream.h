/*
 * stream.h - decompressing byte streams for the readers (internal).
 *
 * A px_stream yields the bytes of a file, stdin or a memory buffer,
 * transparently inflating gzip (RFC 1952, concatenated members too) and
 * zstd frames, detected by their magic bytes rather than the file name.
 * Reads are buffered (64 KiB); px_stream_getline hands out one line at a
 * time under a hard cap, skipping the remainder of an overlong line without
 * buffering it, so a 100 MB line costs no more memory than the cap.
 */
#ifndef PX_READ_STREAM_H
#define PX_READ_STREAM_H

#include <stddef.h>
#include "parallax/core.h"

typedef struct px_stream px_stream;

/* Open path ("-" = stdin, not closed at free).  PX_ERR_IO with errno set
 * when the file cannot be opened.  *out owned by the caller. */
px_result px_stream_open_file(const char *path, px_stream **out);
/* Stream over n bytes at p, which must outlive the stream (not copied). */
px_stream *px_stream_open_mem(const void *p, size_t n);
void px_stream_free(px_stream *s); /* accepts NULL */

/* Peek at up to n decompressed bytes without consuming them; *got = how
 * many are available (fewer only at the end of the stream). */
px_result px_stream_peek(px_stream *s, size_t n, const unsigned char **p,
                         size_t *got);
/* Next line (without its '\n') into line (cleared first).  *eof = 1 when
 * no line was left.  A line longer than cap bytes is consumed to its end
 * and PX_ERR_TOOBIG returned (line then holds nothing useful).  PX_ERR_PARSE
 * for corrupt compressed data, PX_ERR_IO for read errors. */
px_result px_stream_getline(px_stream *s, px_buf *line, size_t cap, int *eof);
/* Whole remaining stream into out, at most cap bytes (PX_ERR_TOOBIG). */
px_result px_stream_slurp(px_stream *s, px_buf *out, size_t cap);

#endif /* PX_READ_STREAM_H */
