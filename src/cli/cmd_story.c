/*
 * cmd_story.c - `parallax story`.  PLACEHOLDER until its issue lands: reports
 * that the command is not available yet.
 */
#include "cli/cli.h"

int px_cmd_story(int argc, char **argv) {
    (void)argc;
    cli_err(argv[0], "not available in this build yet");
    return PX_EXIT_FAIL;
}
