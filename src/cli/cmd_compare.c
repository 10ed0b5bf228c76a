/*
 * cmd_compare.c - `parallax compare [--json] [--html FILE] A B [C...]`:
 * compare sources claim by claim (files or stored article ids) and print
 * the findings grouped by type, most consequential first.
 */
#include <getopt.h> /* getopt_long */
#include <string.h> /* strcmp */

#include "cli/cli.h"

static const char help[] =
    "usage: parallax compare [--json] [--html FILE] [--no-same] [--lang L]\n"
    "                        [--threshold T] [--db DB] A B [C...]\n"
    "       parallax compare [options] ARTICLES.jsonl\n"
    "Compare two or more articles on one story claim by claim: figures,\n"
    "quotes, attributions, times, passages and wording.  A, B ... are files\n"
    "(\"-\" = stdin, JSON Lines with several articles) or stored article ids.\n"
    "Findings, most consequential first: differs, attribution_changed,\n"
    "quote_changed, rounded, only_in, wording, same.\n"
    "  --json          one JSON object (schema: docs/compare.md)\n"
    "  --html FILE     alignment page of the first two with the findings\n"
    "  --no-same       leave out `same` findings\n"
    "  --lang L        claim lexicon and stemmer language (default en)\n"
    "  --threshold T   sentence alignment threshold (default: align's)\n"
    "  --db DB         store for article ids (default $PARALLAX_DB or\n"
    "                  ./parallax.db)\n";

typedef struct args {
    int json, no_same;
    const char *html, *lang, *db;
    double threshold;
} args;

static int parse(int argc, char **argv, args *a) {
    static const struct option opts[] = {
        {"json", no_argument, 0, 'j'},
        {"html", required_argument, 0, 'H'},
        {"no-same", no_argument, 0, 'n'},
        {"lang", required_argument, 0, 'l'},
        {"threshold", required_argument, 0, 't'},
        {"db", required_argument, 0, 'd'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int c;
    optind = 1;
    while ((c = cli_getopt(argc, argv, "jH:nl:t:d:h", opts)) != -1) {
        switch (c) {
        case 'j': a->json = 1; break;
        case 'H': a->html = optarg; break;
        case 'n': a->no_same = 1; break;
        case 'l': a->lang = optarg; break;
        case 't':
            if (cli_fraction(argv[0], "threshold", optarg, 1, &a->threshold))
                return 2;
            break;
        case 'd': a->db = optarg; break;
        case 'h': fputs(help, stdout); return 1;
        default: fputs(help, stderr); return 2;
        }
    }
    if (argc - optind < 1) {
        cli_err(argv[0], "need at least two articles");
        fputs(help, stderr);
        return 2;
    }
    if (argc - optind > PX_COMPARE_MAX_SOURCES) {
        cli_err(argv[0], "at most %d articles", PX_COMPARE_MAX_SOURCES);
        return 2;
    }
    return 0;
}

static int write_file(const char *cmd, const char *path, const px_buf *b) {
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(b->data, 1, b->len, f) != b->len) {
        cli_err(cmd, "%s: cannot write", path);
        if (f) fclose(f);
        return PX_EXIT_FAIL;
    }
    return fclose(f) ? PX_EXIT_FAIL : PX_EXIT_OK;
}

static int report(const char *cmd, const args *a, const px_compare *cmp) {
    px_buf b = PX_BUF_INIT;
    int rc = PX_EXIT_OK;
    if (a->json) {
        px_compare_to_json(cmp, &b);
        px_buf_putc(&b, '\n');
        cli_flush(&b);
    } else if (!a->html) {
        px_compare_to_text(cmp, cli_isatty(stdout), &b);
        cli_flush(&b);
    }
    if (a->html) {
        px_result r = px_compare_to_html(cmp, &b);
        rc = r ? PX_EXIT_FAIL : write_file(cmd, a->html, &b);
    }
    px_buf_release(&b);
    return rc;
}

/* The articles read, with their docs. */
typedef struct sources {
    px_article *art[PX_COMPARE_MAX_SOURCES];
    px_doc *doc[PX_COMPARE_MAX_SOURCES];
    px_compare_src src[PX_COMPARE_MAX_SOURCES];
    size_t n;
    int partial; /* some input unreadable or left out */
} sources;

static void sources_read(const char *cmd, cli_input *in, sources *s) {
    px_article *x;
    while (s->n < PX_COMPARE_MAX_SOURCES && (x = cli_input_next(in))) {
        px_doc_opts o = {0, x->title, x->outlet, NULL};
        px_result r = px_doc_new(x->text, x->text_len, &o, &s->doc[s->n]);
        if (r) {
            cli_err(cmd, "%s: %s", x->origin, px_result_str(r));
            px_article_free(x);
            s->partial = 1;
            continue;
        }
        s->art[s->n] = x;
        s->src[s->n] = (px_compare_src){s->doc[s->n], x};
        s->n++;
    }
    if (s->n == PX_COMPARE_MAX_SOURCES && (x = cli_input_next(in))) {
        cli_err(cmd, "more than %d articles: compared the first %d",
                PX_COMPARE_MAX_SOURCES, PX_COMPARE_MAX_SOURCES);
        px_article_free(x);
        s->partial = 1;
    }
    s->partial |= cli_input_nerrors(in) != 0;
}

static void sources_release(sources *s) {
    for (size_t i = 0; i < s->n; i++) {
        px_doc_free(s->doc[i]);
        px_article_free(s->art[i]);
    }
}

/* Read the articles, build their docs, compare. */
static int run(const char *cmd, const args *a, char **paths, int n) {
    sources *s = px_calloc(1, sizeof *s);
    cli_input *in;
    if (cli_input_open(cmd, paths, n, a->db, &in)) {
        px_free(s);
        return PX_EXIT_FAIL;
    }
    sources_read(cmd, in, s);
    cli_input_free(in);
    int rc = PX_EXIT_FAIL;
    px_compare *cmp = NULL;
    px_compare_opts co = {a->lang, a->threshold, !a->no_same};
    px_result r;
    if (s->n < 2) {
        cli_err(cmd, "need at least two articles, got %zu", s->n);
        rc = s->partial ? PX_EXIT_FAIL : PX_EXIT_USAGE;
    } else if ((r = px_compare_new(s->src, s->n, &co, &cmp))) {
        cli_err(cmd, "cannot compare: %s", px_result_str(r));
    } else {
        rc = report(cmd, a, cmp);
    }
    px_compare_free(cmp);
    int partial = s->partial;
    sources_release(s);
    px_free(s);
    return rc == PX_EXIT_OK && partial ? PX_EXIT_PARTIAL : rc;
}

int px_cmd_compare(int argc, char **argv) {
    args a = {0, 0, NULL, "en", NULL, 0};
    int p = parse(argc, argv, &a);
    if (p) return p == 1 ? PX_EXIT_OK : PX_EXIT_USAGE;
    return run(argv[0], &a, argv + optind, argc - optind);
}
