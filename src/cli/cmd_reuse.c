/*
 * cmd_reuse.c - `parallax reuse`: passages shared between documents
 * (parallax/reuse.h), with original byte offsets and per-pair coverage.
 */
#include <getopt.h> /* getopt_long */
#include "cli/corpus_in.h"
#include "cli/match.h"

static const char help[] =
    "usage: parallax reuse [OPTIONS] [INPUT...]\n"
    "Find passages reused between documents (copied text, also when lightly\n"
    "edited), with byte offsets into the original texts.  INPUT: files,\n"
    "directories, JSON Lines, \"-\" for stdin (default).\n"
    "  -m, --min-words N  shortest passage, in shared words (default 15)\n"
    "  -s, --min-sim S    lowest passage similarity 0..1 (default 0.5)\n"
    "  -n, --ngram N      words per anchor n-gram (default 4, or --min-words\n"
    "                     when that is smaller)\n"
    "  -w, --window W     winnowing window (default: from --min-words, <= 8)\n"
    "      --max-gap N    words between anchors of one passage (default 40)\n"
    "      --max-df N     ignore anchors occurring more often (default 100)\n"
    "      --index FILE   match index: load it, add the inputs, report only\n"
    "                     pairs with a new document, append them to it\n"
    "      --db PATH      store for stored article ids (default\n"
    "                     $PARALLAX_DB or ./parallax.db; no INPUT: all)\n"
    "  -j, --threads N    worker threads (default: one per core)\n"
    "      --json         JSON Lines (schema: docs/reuse.md)\n"
    "  -h, --help         this help\n";

typedef struct reuse_cli {
    px_reuse_opts o;
    const char *index, *db;
    int json;
} reuse_cli;

/* Apply one numeric option; 0 on success. */
static int set_num(px_reuse_opts *o, int ch, const char *arg) {
    uint64_t v = 0;
    switch (ch) {
    case 's': return cli_num(arg, 0, 1, &o->min_sim);
    case 'm':
        if (cli_uint(arg, 1, 1000000, &v)) return -1;
        o->min_words = (unsigned)v;
        return 0;
    case 'n':
        if (cli_uint(arg, 1, PX_SHINGLE_MAX, &v)) return -1;
        o->ngram = (unsigned)v;
        return 0;
    case 'w':
        if (cli_uint(arg, 1, 64, &v)) return -1;
        o->window = (unsigned)v;
        return 0;
    case 'G':
        if (cli_uint(arg, 0, 200, &v)) return -1;
        o->max_gap = (unsigned)v;
        return 0;
    case 'D':
        if (cli_uint(arg, 2, 1000000000, &v)) return -1;
        o->max_df = (unsigned)v;
        return 0;
    case 'j':
        if (cli_uint(arg, 1, 64, &v)) return -1;
        o->threads = (unsigned)v;
        return 0;
    default: return -1;
    }
}

static int parse(int argc, char **argv, reuse_cli *c) {
    static const struct option opts[] = {
        {"min-words", required_argument, 0, 'm'},
        {"min-sim", required_argument, 0, 's'},
        {"ngram", required_argument, 0, 'n'},
        {"window", required_argument, 0, 'w'},
        {"max-gap", required_argument, 0, 'G'},
        {"max-df", required_argument, 0, 'D'},
        {"index", required_argument, 0, 'I'},
        {"db", required_argument, 0, 'd'},
        {"threads", required_argument, 0, 'j'},
        {"json", no_argument, 0, 'J'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int ch, ngram_given = 0;
    optind = 1;
    while ((ch = cli_getopt(argc, argv, "m:s:n:w:j:h", opts)) != -1) {
        ngram_given |= ch == 'n';
        if (ch == 'h') {
            fputs(help, stdout);
            return 0;
        }
        if (ch == 'I')
            c->index = optarg;
        else if (ch == 'd')
            c->db = optarg;
        else if (ch == 'J')
            c->json = 1;
        else if (ch == '?' || ch == ':') {
            fputs(help, stderr);
            return PX_EXIT_USAGE;
        } else if (set_num(&c->o, ch, optarg)) {
            cli_err(argv[0], "invalid value for --%s: '%s'",
                    cli_opt_name(opts, ch), optarg);
            return PX_EXIT_USAGE;
        }
    }
    /* passages shorter than the n-gram could never be anchored */
    if (!ngram_given && c->o.min_words < c->o.ngram)
        c->o.ngram = c->o.min_words;
    return -1;
}

static int run(const char *cmd, const void *ctx, cli_corpus *cc) {
    const reuse_cli *c = ctx;
    px_reuse_opts o = c->o;
    o.first_new = cc->first_new;
    size_t n, npairs;
    if (cli_reuse_print(cmd, cc->corpus, &o, c->json, &n, &npairs))
        return PX_EXIT_FAIL;
    if (cli_isatty(stderr))
        fprintf(stderr,
                "parallax reuse: %zu documents, %zu passages in %zu "
                "pairs\n",
                px_corpus_size(cc->corpus), n, npairs);
    return cc->nbad ? PX_EXIT_PARTIAL : PX_EXIT_OK;
}

int px_cmd_reuse(int argc, char **argv) {
    reuse_cli c = {{0}, NULL, NULL, 0};
    px_reuse_opts_init(&c.o);
    int prc = parse(argc, argv, &c);
    if (prc >= 0) return prc;
    cli_corpus_job job = {c.index, c.db, c.o.threads, NULL, &c.o, run, &c};
    return cli_corpus_run(argv[0], argv + optind, argc - optind, &job);
}
