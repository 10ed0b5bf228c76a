/*
 * read_int.h - the plug-in interface between the reader driver (reader.c)
 * and the per-format readers (txt.c, jsonl.c; later html/warc).
 *
 * The driver opens each input as a decompressed px_stream, rejects empty
 * and binary inputs, picks a format from the file extension (formats.c,
 * after stripping .gz/.zst) and then calls the format's `next` until it
 * yields no article.  A format reports each problem with px_src_error and
 * goes on with the next record; it returns non-PX_OK only when the input
 * cannot be read further (the driver then moves to the next input).
 *
 * Adding a format: write `px_result px_read_<fmt>_next(px_src *, px_article
 * **)` in src/<stage>/, declare it below and add a row to the table in
 * formats.c.  Set a->id (NULL: the driver derives one from the content
 * hash), a->text and whatever metadata the format carries; the driver sets
 * a->origin when the format leaves it NULL and checks duplicate ids.
 */
#ifndef PX_READ_INT_H
#define PX_READ_INT_H

#include "parallax/read.h"
#include "read/stream.h"

typedef struct px_src {
    px_stream *st;    /* decompressed bytes of the input */
    const char *path; /* input name as reported ("<stdin>" for "-") */
    const char *stem; /* file name without directories and extensions */
    size_t line;      /* 1-based line of the last line read (0: none) */
    size_t cap;       /* max bytes of one article or line */
    px_buf scratch;   /* line / file buffer owned by the source */
    int done;         /* set by single-article formats once yielded */
    size_t nerr;      /* problems reported for this input */
    const px_read_opts *opts;
    size_t element; /* 1-based record of a JSON array (0: none);
                       px_src_error prefixes "element N: " */
    void *state;    /* a format's own state, or NULL */
    void (*state_free)(void *state); /* called when the input closes */
} px_src;

/* Report one problem of this input (line 0: the input as a whole). */
void px_src_error(px_src *src, size_t line, px_result rc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Yield the next article of src into *out (NULL at the end). */
typedef px_result (*px_read_next_fn)(px_src *src, px_article **out);

typedef struct px_read_format {
    const char *ext; /* lower-case extension with its dot: ".txt" */
    px_read_next_fn next;
    int by_path; /* reads src->path itself: no text sniffing */
} px_read_format;

/* Format for a file name by extension (".gz"/".zst" stripped first), or
 * NULL when the extension is not a known one. */
const px_read_format *px_read_format_for(const char *name);
/* Format by its extension (".jsonl"), or NULL. */
const px_read_format *px_read_format_named(const char *ext);

/* The built-in formats. */
px_result px_read_txt_next(px_src *src, px_article **out);
px_result px_read_jsonl_next(px_src *src, px_article **out);
px_result px_read_json_next(px_src *src, px_article **out);

/* Article from one parsed JSON record (a jansson json_t object), shared by
 * the JSON Lines and JSON array readers; NULL (reported) when unusable. */
struct json_t;
px_article *px_read_json_record(px_src *src, struct json_t *obj);
/* Report a jansson parse error (a json_error_t *) at src->line, or at the
 * error's own line when src->line is 0 (whole-document parses). */
void px_read_json_error(px_src *src, const void *err);
px_result px_read_html_next(px_src *src, px_article **out); /* src/web */
px_result px_read_warc_next(px_src *src, px_article **out); /* src/web */

#endif /* PX_READ_INT_H */
