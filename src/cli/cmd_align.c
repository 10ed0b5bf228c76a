/*
 * cmd_align.c - `parallax align A B`: sentence and word alignment of two
 * articles (files, "-" or stored ids), the direction of copying, and a
 * terminal, JSON or HTML view.  A thin layer over parallax/align.h.
 */
#include <getopt.h> /* getopt_long */
#include <string.h>

#include "cli/cli.h"

static const char help[] =
    "usage: parallax align [OPTIONS] A B | PAIR.jsonl | -\n"
    "Align two articles sentence by sentence: which sentences correspond,\n"
    "what changed inside each pair, what only one side has, and which text\n"
    "derives from which.  A and B are files or stored article ids; a single\n"
    "argument (a .jsonl file, or \"-\" for JSON Lines on stdin) gives the\n"
    "first two articles it holds.\n"
    "  --json            one JSON object (schema: docs/align.md)\n"
    "  --html FILE       write a self-contained HTML page to FILE\n"
    "  --columns[=W]     two columns, W characters wide (default 160)\n"
    "  --color=WHEN      auto (default), always, never\n"
    "  --threshold X     pair score threshold (default 0.25)\n"
    "  --lang L          stemmer language (default: article's, else en)\n"
    "  --db PATH         store for article ids ($PARALLAX_DB, ./parallax.db)\n"
    "  -h, --help        this help\n"
    "Exit: 0 ok, 2 usage, 3 an input could not be read or aligned.\n";

typedef struct align_args {
    int json, width, color;
    const char *html, *db;
    px_align_opts opts;
} align_args;

static int parse_color(const char *s, int *color) {
    if (!s || !strcmp(s, "always"))
        *color = 1;
    else if (!strcmp(s, "never"))
        *color = 0;
    else if (!strcmp(s, "auto"))
        *color = cli_isatty(stdout);
    else
        return -1;
    return 0;
}

/* Parse options; returns -1 to go on, else an exit code. */
static int parse_args(int argc, char **argv, align_args *a) {
    static const struct option opts[] = {
        {"json", no_argument, 0, 'j'},
        {"html", required_argument, 0, 'H'},
        {"columns", optional_argument, 0, 'c'},
        {"color", optional_argument, 0, 'C'},
        {"threshold", required_argument, 0, 't'},
        {"lang", required_argument, 0, 'l'},
        {"db", required_argument, 0, 'd'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int c;
    a->color = cli_isatty(stdout);
    optind = 1;
    while ((c = cli_getopt(argc, argv, "h", opts)) != -1) {
        switch (c) {
        case 'j': a->json = 1; break;
        case 'H': a->html = optarg; break;
        case 'c': {
            uint64_t w = 160;
            if (optarg && cli_uint(optarg, 40, 1000, &w)) {
                cli_err(argv[0],
                        "--columns wants a width from 40 to 1000, "
                        "not '%s'",
                        optarg);
                goto usage;
            }
            a->width = (int)w;
            break;
        }
        case 'C':
            if (parse_color(optarg, &a->color)) goto usage;
            break;
        case 't':
            if (cli_fraction(argv[0], "threshold", optarg, 1,
                             &a->opts.threshold))
                goto usage;
            break;
        case 'l': a->opts.lang = optarg; break;
        case 'd': a->db = optarg; break;
        case 'h': fputs(help, stdout); return PX_EXIT_OK;
        default: goto usage;
        }
    }
    int nin = argc - optind;
    if (nin < 1 || nin > 2) {
        cli_err(argv[0], "need one or two inputs");
        goto usage;
    }
    return -1;
usage:
    fputs(help, stderr);
    return PX_EXIT_USAGE;
}

/* Read the first two articles of the inputs. */
static int read_two(const char *cmd, char **args, int nargs, const char *db,
                    px_article *art[2]) {
    cli_input *in;
    if (cli_input_open(cmd, args, nargs, db, &in)) return PX_EXIT_FAIL;
    px_article *a;
    int n = 0;
    while ((a = cli_input_next(in))) {
        if (n < 2)
            art[n++] = a;
        else
            px_article_free(a);
    }
    cli_input_free(in);
    if (n < 2) {
        cli_err(cmd, "need two readable articles, got %d", n);
        return PX_EXIT_FAIL;
    }
    return -1;
}

static int write_html(const char *cmd, const char *path, const px_align *al) {
    px_buf b = PX_BUF_INIT;
    px_align_to_html(al, NULL, &b);
    FILE *f = fopen(path, "wb");
    int ok = f && fwrite(b.data, 1, b.len, f) == b.len;
    if (f && fclose(f)) ok = 0;
    px_buf_release(&b);
    if (!ok) cli_err(cmd, "%s: cannot write", path);
    return ok ? PX_EXIT_OK : PX_EXIT_FAIL;
}

static int run(const char *cmd, const align_args *a, px_article *art[2]) {
    px_doc *d[2] = {NULL, NULL};
    px_align *al = NULL;
    int rc = PX_EXIT_FAIL;
    for (int i = 0; i < 2; i++) {
        px_doc_opts o = {0, art[i]->title, art[i]->outlet, NULL};
        px_result r = px_doc_new(art[i]->text, art[i]->text_len, &o, &d[i]);
        if (r) {
            cli_err(cmd, "%s: %s", art[i]->origin, px_result_str(r));
            goto out;
        }
    }
    px_result r = px_align_docs(d[0], art[0], d[1], art[1], &a->opts, &al);
    if (r) {
        cli_err(cmd, "cannot align: %s", px_result_str(r));
        goto out;
    }
    px_buf b = PX_BUF_INIT;
    px_align_text_opts to = {a->color, a->width};
    if (a->json) {
        px_align_to_json(al, &b);
        px_buf_putc(&b, '\n');
    } else if (!a->html) {
        px_align_to_text(al, &to, &b);
    }
    cli_flush(&b);
    px_buf_release(&b);
    rc = a->html ? write_html(cmd, a->html, al) : PX_EXIT_OK;
out:
    px_align_free(al);
    px_doc_free(d[0]);
    px_doc_free(d[1]);
    return rc;
}

int px_cmd_align(int argc, char **argv) {
    align_args a;
    memset(&a, 0, sizeof a);
    int rc = parse_args(argc, argv, &a);
    if (rc >= 0) return rc;
    px_article *art[2] = {NULL, NULL};
    rc = read_two(argv[0], argv + optind, argc - optind, a.db, art);
    if (rc < 0) rc = run(argv[0], &a, art);
    px_article_free(art[0]);
    px_article_free(art[1]);
    return rc;
}
