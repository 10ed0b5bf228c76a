/*
 * story_view.h - the CLI's part of showing stories: writing story pages
 * as files (the views themselves are parallax/story_view.h).
 */
#ifndef PX_CLI_STORY_VIEW_H
#define PX_CLI_STORY_VIEW_H

#include "cli/cli.h"

/* Write the page of story id into dir/id.html; 0 on success, else the
 * problem was reported as "parallax CMD: path: reason". */
int story_write_html(const char *cmd, px_store *s, const char *dir,
                     const char *id);

#endif /* PX_CLI_STORY_VIEW_H */
