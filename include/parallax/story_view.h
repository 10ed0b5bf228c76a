/*
 * parallax/story_view.h - how stories are shown: one story (its sources,
 * copy graph and the claim comparison of its sources) as text, JSON
 * (docs/run.md) or a self-contained HTML page, and the story list as JSON
 * objects or an HTML index page.
 *
 * Used by `parallax story`, `parallax stories --html` (a static site of
 * files) and `parallax serve` (pages over HTTP): the only difference is
 * where links point, given by px_story_links.  Every id written into an
 * href is percent-encoded, every text HTML-escaped.  Pages carry an inline
 * style and no scripts or external assets.
 */
#ifndef PARALLAX_STORY_VIEW_H
#define PARALLAX_STORY_VIEW_H

#include <stdint.h>
#include "parallax/core.h"
#include "parallax/store.h"
#include "parallax/story.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum px_story_fmt {
    PX_STORY_TEXT = 0,
    PX_STORY_JSON = 1,
    PX_STORY_HTML = 2
} px_story_fmt;

/* Where HTML links point: an href is prefix + percent-encoded id + suffix.
 * A NULL prefix leaves that kind of link out.  Borrowed for the call. */
typedef struct px_story_links {
    const char *index;     /* the story list ("index.html", "/") */
    const char *story_pre; /* a story: "" + id + ".html", "/story/" + id */
    const char *story_suf;
    const char *article_pre; /* an article: "/article/" + id */
    const char *compare_pre; /* two articles: compare_pre + A + "&b=" + B */
} px_story_links;

/* Links of the static site of `parallax stories --html`: index.html and
 * <id>.html side by side, no article or compare links. */
void px_story_links_files(px_story_links *l);

/* Append story `id` to out in fmt (JSON: one object, no newline).  color:
 * ANSI colour in text.  links: HTML only; NULL = px_story_links_files.
 * PX_ERR_NOTFOUND if there is no such story. */
px_result px_story_render(px_store *s, const char *id, px_story_fmt fmt,
                          int color, const px_story_links *links, px_buf *out);

/* Append one listed story as a JSON object (docs/run.md), no newline. */
void px_story_info_to_json(const px_story_info *st, px_buf *out);

/* Append the HTML index page of the stories f selects, in its order (f
 * NULL = all, largest first; see px_story_each).  links NULL =
 * px_story_links_files.  Errors of px_story_each. */
px_result px_story_index_html(px_store *s, const px_story_links *links,
                              const px_story_filter *f, px_buf *out);

/* "2025-03-04 09:12Z" (UTC) into buf[24], or "" for PX_TIME_NONE. */
void px_story_time(int64_t ts, char buf[24]);

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_STORY_VIEW_H */
