/*
 * story_view.h - how `parallax story` and `parallax stories --html` show
 * one story: its sources, its copy graph and the claim comparison of its
 * articles, as text, JSON (docs/run.md) or a self-contained HTML page.
 */
#ifndef PX_CLI_STORY_VIEW_H
#define PX_CLI_STORY_VIEW_H

#include "cli/cli.h"

typedef enum story_fmt { STORY_TEXT, STORY_JSON, STORY_HTML } story_fmt;

/* Append story `id` to out in fmt.  PX_ERR_NOTFOUND if there is no such
 * story.  color: ANSI colour in text. */
px_result story_view(px_store *s, const char *id, story_fmt fmt, int color,
                     px_buf *out);

/* Write the page of story id into dir/id.html; 0 on success, else the
 * problem was reported as "parallax CMD: path: reason". */
int story_write_html(const char *cmd, px_store *s, const char *dir,
                     const char *id);

/* "2025-03-04 09:12Z" (UTC) into buf[24], or "" for PX_TIME_NONE. */
void story_time(int64_t ts, char buf[24]);

/* The opening of an HTML page with the shared inline style. */
void story_html_head(px_buf *out, const char *title);

#endif /* PX_CLI_STORY_VIEW_H */
