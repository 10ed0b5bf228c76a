/*
 * story_view.h - the CLI's part of showing stories: writing story pages
 * as files (the views themselves are parallax/story_view.h).
 */
#ifndef PX_CLI_STORY_VIEW_H
#define PX_CLI_STORY_VIEW_H

#include "cli/cli.h"

/* Create directory dir and its missing parents (mkdir -p); 0 on success,
 * else -1 after reporting "parallax CMD: path: cannot create directory". */
int story_html_dir(const char *cmd, const char *dir);
/* Write the page of story id (dir created as by story_html_dir) into
 * dir/id.html; 0 on success, else the problem was reported as "parallax CMD:
 * path: reason". */
int story_write_html(const char *cmd, px_store *s, const char *dir,
                     const char *id);

#endif /* PX_CLI_STORY_VIEW_H */
