/*
 * parallax/clean.h - boilerplate removal: learned recurring lines and the
 * names of removal reasons.
 *
 * The cleaner itself runs inside px_doc_new() (parallax/doc.h).  Most of
 * its rules need nothing but the article (a repeated title, a UI label
 * glued to a paragraph, a credit line); one needs a corpus: lines that
 * recur across many articles of the same outlet ("Coastline Daily -
 * independent news since 1987.").  A px_boiler learns those.
 *
 * How ingest uses it (two passes over a batch, or incrementally):
 *
 *   px_boiler *b = px_boiler_new(NULL);
 *   for each article a:  px_boiler_add(b, a->outlet, a->text, a->text_len);
 *   for each article a:  px_doc_opts o = {0, a->title, a->outlet, b};
 *                        px_doc_new(a->text, a->text_len, &o, &doc); ...
 *   px_boiler_free(b);
 *
 * A line counts at most once per article.  It is "recurring" for an outlet
 * when at least min_docs of that outlet's articles hold it and they are at
 * least min_share of the outlet's articles.  The cleaner removes such a
 * line only above the first or below the last paragraph, or when it is not
 * a sentence (short, no final punctuation): a wire sentence an outlet
 * repeats in every story about a war stays.  Articles without an outlet
 * are pooled under the empty outlet "".
 *
 * Thread safety: px_boiler_add needs exclusive access; once built, a
 * model may be read by any number of threads (px_doc_new only reads it).
 */
#ifndef PARALLAX_CLEAN_H
#define PARALLAX_CLEAN_H

#include <stddef.h>
#include "parallax/core.h"
#include "parallax/doc.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct px_boiler_opts {
    unsigned min_docs; /* articles of an outlet holding the line; 0 = 3 */
    double min_share;  /* share of the outlet's articles; 0 = 0.2 */
    size_t max_lines;  /* distinct (outlet, line) pairs kept; 0 = 1<<20.
                        * Beyond it new lines are not learned (counts of
                        * known ones still grow): memory stays bounded. */
} px_boiler_opts;

/* New empty model; opts may be NULL (defaults).  Caller frees. */
px_boiler *px_boiler_new(const px_boiler_opts *opts);
void px_boiler_free(px_boiler *b); /* accepts NULL */

/* Learn the lines of one article of `outlet` (NULL = "").  text is read,
 * not kept.  Lines longer than PX_BOILER_MAX_LINE bytes are ignored. */
#define PX_BOILER_MAX_LINE 512
px_result px_boiler_add(px_boiler *b, const char *outlet, const char *text,
                        size_t len);

/* Articles learned for outlet, and how many of them hold line[0..n)
 * (compared folded: case and spacing ignored). */
size_t px_boiler_docs(const px_boiler *b, const char *outlet);
size_t px_boiler_count(const px_boiler *b, const char *outlet, const char *line,
                       size_t n);
/* 1 if line[0..n) recurs in outlet's articles (see above). */
int px_boiler_recurring(const px_boiler *b, const char *outlet,
                        const char *line, size_t n);

/* Stable short name of a removal reason ("title-repeat", "ui-label",
 * "credit", "share", "recurring", "dateline", "control"). */
const char *px_removal_reason_str(px_removal_reason r);

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_CLEAN_H */
