/*
 * parallax/extract.h - news pages as they are stored on the web: main-text
 * extraction from HTML, and WARC archives read record by record.
 *
 * Design: a page is parsed once with libxml2's HTML parser in SAX mode into
 * a compact array tree (no recursion anywhere, so 100k nested tags are
 * fine); metadata comes from <meta>, JSON-LD (NewsArticle & co.) and <time>;
 * the body comes from content scoring (text and link density, tag and
 * class/id cues, position), which picks the article's container and then
 * keeps or drops each block in it.  Input is converted to UTF-8 first
 * (BOM, HTTP header, <meta charset>, else UTF-8 or windows-1252).
 *
 * Everything fed by untrusted input is capped (page bytes, tree nodes,
 * JSON-LD bytes, WARC header and record sizes): over a cap the call fails
 * with PX_ERR_TOOBIG or, for the tree, stops reading the page and extracts
 * from what was parsed.
 */
#ifndef PARALLAX_EXTRACT_H
#define PARALLAX_EXTRACT_H

#include <stdio.h>  /* FILE */
#include <stdint.h> /* int64_t */
#include "parallax/article.h"
#include "parallax/core.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PX_EXTRACT_MAX_HTML  ((size_t)64 << 20) /* default page cap */
#define PX_EXTRACT_MAX_NODES ((size_t)4 << 20)  /* tree nodes per page */

/* Called once per text block with the decision taken on it: kept (1) or
 * dropped (0), the reason ("main content", "link density 0.83", "class
 * 'related'", ...), the block's element ("div.story-body > p") and its
 * text (n bytes, not NUL-terminated). */
typedef void (*px_explain_fn)(void *ud, int kept, const char *reason,
                              const char *where, const char *text, size_t n);

typedef struct px_extract_opts {
    size_t max_html_bytes; /* 0: PX_EXTRACT_MAX_HTML */
    size_t max_nodes;      /* 0: PX_EXTRACT_MAX_NODES */
    const char *charset;   /* declared charset (HTTP header), or NULL */
    px_explain_fn explain; /* NULL: no explanations */
    void *ud;              /* passed to explain */
} px_extract_opts;

/* What was extracted from one page.  Owns all its strings; fields not found
 * are NULL.  text: body paragraphs separated by blank lines ("" if none). */
typedef struct px_page {
    char *url; /* canonical or given URL */
    char *title;
    char *byline;         /* author(s), ", "-separated */
    char *published;      /* publication time as given (ISO-8601) */
    int64_t published_ts; /* seconds since the epoch, or PX_TIME_NONE */
    char *outlet;         /* site name */
    char *lang;           /* BCP-47 tag */
    char *text;
    size_t text_len;
    int truncated; /* 1 when the node cap stopped the parse early */
} px_page;

/* Extract the article from html[0..len) (any charset; see above).  url: the
 * page's address if known (copied; may be NULL).  opts may be NULL.  On
 * PX_OK *out is a new page the caller frees with px_page_free.  Fails with
 * PX_ERR_TOOBIG over the page cap, PX_ERR_EMPTY on an empty input. */
px_result px_page_extract(const char *html, size_t len, const char *url,
                          const px_extract_opts *opts, px_page **out);
/* Read a .html/.htm file, gzip-compressed or not (detected by magic), at
 * most opts->max_html_bytes of HTML, and extract it.  Besides the errors
 * above: PX_ERR_IO cannot open, PX_ERR_PARSE corrupt gzip data,
 * PX_ERR_BINARY a NUL byte in the first 8 KiB (not a page) unless the
 * file starts with a UTF-16 byte-order mark. */
px_result px_page_extract_file(const char *path, const px_extract_opts *opts,
                               px_page **out);
void px_page_free(px_page *p); /* accepts NULL */
/* A new article with the page's fields (byline kept in `extra` as
 * {"byline": ...}); id and origin are left NULL for the caller. */
px_article *px_page_to_article(const px_page *p);
/* Append the page as one JSON object {"file","url","title","byline",
 * "published","outlet","lang","text"} (no newline); file may be NULL. */
px_result px_page_to_json(const px_page *p, const char *file, px_buf *out);

/* ------------------------------------------------------------------ WARC */

/* Called once per problem in a WARC file: byte offset of the record (in
 * the uncompressed stream) and what is wrong. */
typedef void (*px_warc_error_fn)(void *ud, uint64_t offset, px_result rc,
                                 const char *msg);

typedef struct px_warc_opts {
    px_warc_error_fn on_error; /* NULL: errors are only counted */
    void *ud;
    size_t max_record_bytes; /* 0: PX_WARC_MAX_RECORD */
    px_extract_opts extract; /* for each HTML payload (charset: from
                                the HTTP header) */
} px_warc_opts;

#define PX_WARC_MAX_RECORD ((size_t)64 << 20)

typedef struct px_warc px_warc;

/* Read WARC records from f (plain, or gzip with one member per record:
 * detected by magic).  f stays owned by the caller and must outlive the
 * reader.  opts may be NULL. */
px_result px_warc_new(FILE *f, const px_warc_opts *opts, px_warc **out);
/* Next response record with an HTML payload (or resource record holding
 * HTML), extracted: *out is a new page
 * (caller frees) with url = WARC-Target-URI (unless the page names a
 * canonical one) and the capture time (WARC-Date) as published when the
 * page gives none; *out = NULL at the end.  Truncated or corrupt records
 * are reported through on_error and skipped.  *offset (may be NULL): the
 * record's offset.  Returns PX_OK unless reading cannot go on (I/O). */
px_result px_warc_next(px_warc *w, px_page **out, uint64_t *offset);
size_t px_warc_nerrors(const px_warc *w);
void px_warc_free(px_warc *w); /* accepts NULL */

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_EXTRACT_H */
