/*
 * web/score.h - content scoring: which text blocks of a page are the
 * article body (internal).
 */
#ifndef PX_WEB_SCORE_H
#define PX_WEB_SCORE_H

#include "parallax/extract.h"
#include "web/html.h"

/* Append the body of h to text: paragraphs separated by blank lines.
 * title (may be NULL) is dropped where it repeats.  explain (may be NULL)
 * hears every block's fate. */
px_result px_score_body(const px_html *h, const char *title, px_buf *text,
                        px_explain_fn explain, void *ud);

/* 1 if the cue string (lower-case "class id itemprop role") names
 * boilerplate; *word is set to the cue that matched. */
int px_cue_boiler(const char *cue, size_t n, const char **word);

#endif /* PX_WEB_SCORE_H */
