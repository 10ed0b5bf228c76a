/*
 * cmd_dedup.c - `parallax dedup`: near-duplicate documents (parallax/dedup.h)
 * as verified pairs and union-find clusters, in text or JSON Lines.
 */
#include <getopt.h> /* getopt_long */
#include "cli/corpus_in.h"
#include "cli/match.h"

static const char help[] =
    "usage: parallax dedup [OPTIONS] [INPUT...]\n"
    "Find near-duplicate documents: MinHash + LSH candidates, verified by\n"
    "exact shingle Jaccard, grouped into clusters.  INPUT: files,\n"
    "directories, JSON Lines, \"-\" for stdin (default).\n"
    "  -t, --threshold J  report pairs with Jaccard >= J (default 0.8)\n"
    "  -k, --num-perm K   MinHash signature length (default 128)\n"
    "  -n, --shingle N    words per shingle (default 5)\n"
    "      --bands B      LSH bands (with --rows; default: from J)\n"
    "      --rows R       LSH rows per band\n"
    "      --index FILE   match index: load it, add the inputs, report only\n"
    "                     pairs with a new document, append them to it\n"
    "      --db PATH      store for stored article ids (default\n"
    "                     $PARALLAX_DB or ./parallax.db; no INPUT: all)\n"
    "  -j, --threads N    worker threads (default: one per core)\n"
    "      --reuse        also report reused passages (as `parallax reuse`\n"
    "                     with its defaults), reading and tokenizing once\n"
    "      --json         JSON Lines (schema: docs/dedup.md)\n"
    "  -h, --help         this help\n";

typedef struct dedup_cli {
    px_dedup_opts o;
    const char *index, *db;
    int json, reuse;
} dedup_cli;

static int parse(int argc, char **argv, dedup_cli *c) {
    static const struct option opts[] = {
        {"threshold", required_argument, 0, 't'},
        {"num-perm", required_argument, 0, 'k'},
        {"shingle", required_argument, 0, 'n'},
        {"bands", required_argument, 0, 'B'},
        {"rows", required_argument, 0, 'R'},
        {"index", required_argument, 0, 'I'},
        {"db", required_argument, 0, 'd'},
        {"threads", required_argument, 0, 'j'},
        {"json", no_argument, 0, 'J'},
        {"reuse", no_argument, 0, 'U'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int ch;
    uint64_t v = 0;
    optind = 1;
    while ((ch = cli_getopt(argc, argv, "t:k:n:j:h", opts)) != -1) {
        int bad = 0;
        switch (ch) {
        case 't': bad = cli_num(optarg, 1e-9, 1, &c->o.threshold); break;
        case 'k':
            bad = cli_uint(optarg, 1, PX_MINHASH_K_MAX, &v);
            c->o.k = (unsigned)v;
            break;
        case 'n':
            bad = cli_uint(optarg, 1, PX_SHINGLE_MAX, &v);
            c->o.shingle = (unsigned)v;
            break;
        case 'B':
            bad = cli_uint(optarg, 1, PX_MINHASH_K_MAX, &v);
            c->o.bands = (unsigned)v;
            break;
        case 'R':
            bad = cli_uint(optarg, 1, PX_MINHASH_K_MAX, &v);
            c->o.rows = (unsigned)v;
            break;
        case 'j':
            bad = cli_uint(optarg, 1, 64, &v);
            c->o.threads = (unsigned)v;
            break;
        case 'I': c->index = optarg; break;
        case 'd': c->db = optarg; break;
        case 'J': c->json = 1; break;
        case 'U': c->reuse = 1; break;
        case 'h': fputs(help, stdout); return 0;
        default: fputs(help, stderr); return PX_EXIT_USAGE;
        }
        if (bad) {
            cli_err(argv[0], "invalid value for --%s: '%s'",
                    cli_opt_name(opts, ch), optarg);
            return PX_EXIT_USAGE;
        }
    }
    if (!c->o.bands != !c->o.rows ||
        (c->o.bands && c->o.bands * c->o.rows > c->o.k)) {
        cli_err(argv[0], "--bands and --rows go together, bands*rows <= k");
        return PX_EXIT_USAGE;
    }
    return -1;
}

/* The reuse options of --reuse and of the anchors saved to --index: the
 * defaults, on the threads of -j. */
static px_reuse_opts reuse_opts(const dedup_cli *c) {
    px_reuse_opts r;
    px_reuse_opts_init(&r);
    r.threads = c->o.threads;
    return r;
}

/* --reuse: the passages of the same corpus; 0 on success. */
static int run_reuse(const char *cmd, const dedup_cli *c, cli_corpus *cc) {
    px_reuse_opts r = reuse_opts(c);
    r.first_new = cc->first_new;
    return cli_reuse_print(cmd, cc->corpus, &r, c->json, NULL, NULL) ? -1 : 0;
}

static int run(const char *cmd, const void *ctx, cli_corpus *cc) {
    const dedup_cli *c = ctx;
    px_dup_pair *pairs;
    size_t np;
    px_dedup_opts o = c->o;
    o.first_new = cc->first_new;
    px_result rc = px_dedup_run(cc->corpus, &o, &pairs, &np);
    if (rc) {
        cli_err(cmd, "%s", px_result_str(rc));
        return PX_EXIT_FAIL;
    }
    px_buf out = PX_BUF_INIT;
    cli_print_dups(cc->corpus, pairs, np, c->json, &out);
    size_t ncl = cli_print_clusters(cc->corpus, pairs, np, c->json, &out);
    cli_flush(&out);
    px_buf_release(&out);
    if (cli_isatty(stderr))
        fprintf(stderr,
                "parallax dedup: %zu documents, %zu pairs at J >= %.2f, "
                "%zu clusters\n",
                px_corpus_size(cc->corpus), np, o.threshold, ncl);
    px_free(pairs);
    if (c->reuse && run_reuse(cmd, c, cc)) return PX_EXIT_FAIL;
    return cc->nbad ? PX_EXIT_PARTIAL : PX_EXIT_OK;
}

int px_cmd_dedup(int argc, char **argv) {
    dedup_cli c = {{0}, NULL, NULL, 0, 0};
    px_dedup_opts_init(&c.o);
    int prc = parse(argc, argv, &c);
    if (prc >= 0) return prc;
    px_reuse_opts r = reuse_opts(&c); /* the index's reuse keys */
    cli_corpus_job job = {c.index, c.db, c.o.threads, &c.o, &r, run, &c};
    return cli_corpus_run(argv[0], argv + optind, argc - optind, &job);
}
