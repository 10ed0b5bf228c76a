/*
 * main.c - `parallax COMMAND [options] [files]`: dispatch to a command.
 */
#include <stdarg.h> /* va_list */
#include <stdio.h>  /* printf */
#include <string.h> /* strcmp */
#include <unistd.h> /* isatty */

#include "cli/cli.h"

typedef struct command {
    const char *name;
    int (*fn)(int, char **);
    const char *summary;
} command;

static const command commands[] = {
    {"ingest", px_cmd_ingest, "read, clean and store articles"},
    {"clean", px_cmd_clean, "print an article's cleaned text (--explain)"},
    {"show", px_cmd_show, "print a stored article"},
    {"list", px_cmd_list, "list stored articles"},
    {"extract", px_cmd_extract, "extract the article from HTML pages"},
    {"dedup", px_cmd_dedup, "find near-duplicate documents"},
    {"reuse", px_cmd_reuse, "find reused passages between documents"},
    {"align", px_cmd_align, "align two articles sentence by sentence"},
    {"claims", px_cmd_claims, "extract claims from an article"},
    {"compare", px_cmd_compare, "compare sources claim by claim"},
    {"cluster", px_cmd_cluster, "group articles into stories"},
    {"run", px_cmd_run, "the main job: ingest to compared stories"},
    {"stories", px_cmd_stories, "list stories in the store"},
    {"story", px_cmd_story, "print one story"},
    {"serve", px_cmd_serve, "serve the store read-only over HTTP"},
};

static void usage(FILE *f) {
    fprintf(f, "usage: parallax COMMAND [options] [files]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\n'parallax COMMAND --help' describes a command; "
               "'man parallax' (docs/parallax.1) all of them.\n");
}

void cli_err(const char *cmd, const char *fmt, ...) {
    va_list ap;
    fprintf(stderr, "parallax %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cli_isatty(FILE *f) { return isatty(fileno(f)); }

void cli_flush(px_buf *b) {
    if (b->len) fwrite(b->data, 1, b->len, stdout);
    px_buf_clear(b);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        usage(stderr);
        return PX_EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
        !strcmp(argv[1], "help")) {
        usage(stdout);
        return PX_EXIT_OK;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("parallax %s\n", px_version());
        return PX_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "parallax: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return PX_EXIT_USAGE;
}
