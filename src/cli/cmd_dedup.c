/*
 * cmd_dedup.c - `parallax dedup`: near-duplicate documents (parallax/dedup.h)
 * as verified pairs and union-find clusters, in text or JSON Lines.
 */
#include <getopt.h> /* getopt_long */
#include <string.h> /* strlen */

#include "cli/corpus_in.h"

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
    "      --index FILE   persisted corpus: load it, add the inputs, report\n"
    "                     only pairs with a new document, save it back\n"
    "  -j, --threads N    worker threads (default: one per core)\n"
    "      --json         JSON Lines (schema: docs/dedup.md)\n"
    "  -h, --help         this help\n";

typedef struct dedup_cli {
    px_dedup_opts o;
    const char *index;
    int json;
} dedup_cli;

static int parse(int argc, char **argv, dedup_cli *c) {
    static const struct option opts[] = {
        {"threshold", required_argument, 0, 't'},
        {"num-perm", required_argument, 0, 'k'},
        {"shingle", required_argument, 0, 'n'},
        {"bands", required_argument, 0, 'B'},
        {"rows", required_argument, 0, 'R'},
        {"index", required_argument, 0, 'I'},
        {"threads", required_argument, 0, 'j'},
        {"json", no_argument, 0, 'J'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int ch;
    double v = 0;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "t:k:n:j:h", opts, NULL)) != -1) {
        int bad = 0;
        switch (ch) {
        case 't': bad = cli_num(optarg, 1e-9, 1, &c->o.threshold); break;
        case 'k': bad = cli_num(optarg, 1, PX_MINHASH_K_MAX, &v); c->o.k = (unsigned)v; break;
        case 'n': bad = cli_num(optarg, 1, PX_SHINGLE_MAX, &v); c->o.shingle = (unsigned)v; break;
        case 'B': bad = cli_num(optarg, 1, PX_MINHASH_K_MAX, &v); c->o.bands = (unsigned)v; break;
        case 'R': bad = cli_num(optarg, 1, PX_MINHASH_K_MAX, &v); c->o.rows = (unsigned)v; break;
        case 'j': bad = cli_num(optarg, 1, 64, &v); c->o.threads = (unsigned)v; break;
        case 'I': c->index = optarg; break;
        case 'J': c->json = 1; break;
        case 'h': fputs(help, stdout); return 0;
        default: fputs(help, stderr); return PX_EXIT_USAGE;
        }
        if (bad) {
            cli_err(argv[0], "invalid value for -%c: '%s'", ch, optarg);
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

static void print_pairs(const px_corpus *cp, const px_dup_pair *p, size_t n,
                        int json, px_buf *out) {
    for (size_t i = 0; i < n; i++) {
        const char *a = px_corpus_id(cp, p[i].a), *b = px_corpus_id(cp, p[i].b);
        if (json) {
            px_buf_puts(out, "{\"type\":\"pair\",\"a\":");
            px_buf_json_str(out, a, strlen(a));
            px_buf_puts(out, ",\"b\":");
            px_buf_json_str(out, b, strlen(b));
            px_buf_printf(out,
                          ",\"jaccard\":%.4f,\"contain_ab\":%.4f,"
                          "\"contain_ba\":%.4f}\n",
                          p[i].jaccard, p[i].contain_ab, p[i].contain_ba);
        } else {
            px_buf_printf(out, "%.3f\t%s\t%s\t(%.3f of a in b, %.3f of b in a)\n",
                          p[i].jaccard, a, b, p[i].contain_ab, p[i].contain_ba);
        }
        if (out->len > 65536) cli_flush(out);
    }
}

/* Print each cluster of two or more documents; returns their number. */
static size_t print_clusters(const px_corpus *cp, const uint32_t *root,
                             int json, px_buf *out) {
    size_t nd = px_corpus_size(cp), nc = 0;
    uint32_t *next = px_malloc((nd ? nd : 1) * sizeof *next);
    uint32_t *last = px_malloc((nd ? nd : 1) * sizeof *last);
    for (size_t i = 0; i < nd; i++) next[i] = last[i] = UINT32_MAX;
    for (size_t i = 0; i < nd; i++) { /* members linked from their root */
        uint32_t r = root[i];
        if (r == i) { last[i] = (uint32_t)i; continue; }
        next[last[r]] = (uint32_t)i;
        last[r] = (uint32_t)i;
    }
    for (size_t i = 0; i < nd; i++) {
        if (root[i] != i || next[i] == UINT32_MAX) continue;
        px_buf_printf(out, json ? "{\"type\":\"cluster\",\"cluster\":%zu,"
                                  "\"members\":[" : "cluster %zu:", ++nc);
        for (uint32_t m = (uint32_t)i; m != UINT32_MAX; m = next[m]) {
            const char *id = px_corpus_id(cp, m);
            if (json) {
                if (m != i) px_buf_putc(out, ',');
                px_buf_json_str(out, id, strlen(id));
            } else {
                px_buf_printf(out, " %s", id);
            }
        }
        px_buf_puts(out, json ? "]}\n" : "\n");
        if (out->len > 65536) cli_flush(out);
    }
    px_free(next);
    px_free(last);
    return nc;
}

static int run(const char *cmd, const dedup_cli *c, cli_corpus *cc) {
    px_dup_pair *pairs;
    size_t np;
    px_dedup_opts o = c->o;
    o.first_new = cc->first_new;
    px_result rc = px_dedup_run(cc->corpus, &o, &pairs, &np, NULL);
    if (rc) {
        cli_err(cmd, "%s", px_result_str(rc));
        return PX_EXIT_FAIL;
    }
    uint32_t *root;
    px_dedup_clusters(px_corpus_size(cc->corpus), pairs, np, &root);
    px_buf out = PX_BUF_INIT;
    print_pairs(cc->corpus, pairs, np, c->json, &out);
    size_t ncl = print_clusters(cc->corpus, root, c->json, &out);
    cli_flush(&out);
    px_buf_release(&out);
    if (cli_isatty(stderr))
        fprintf(stderr, "parallax dedup: %zu documents, %zu pairs at J >= %.2f, "
                "%zu clusters\n", px_corpus_size(cc->corpus), np, o.threshold,
                ncl);
    px_free(root);
    px_free(pairs);
    return cc->nbad ? PX_EXIT_PARTIAL : PX_EXIT_OK;
}

int px_cmd_dedup(int argc, char **argv) {
    dedup_cli c = {{0}, NULL, 0};
    px_dedup_opts_init(&c.o);
    int prc = parse(argc, argv, &c);
    if (prc >= 0) return prc;
    cli_corpus cc;
    px_result rc = cli_corpus_read(argv[0], argv + optind, argc - optind,
                                   c.index, c.o.threads, &cc);
    if (rc) {
        if (cc.corpus) cli_corpus_finish(argv[0], NULL, &cc);
        return PX_EXIT_FAIL;
    }
    int ec = run(argv[0], &c, &cc);
    if (cli_corpus_finish(argv[0], ec == PX_EXIT_FAIL ? NULL : c.index, &cc))
        ec = PX_EXIT_FAIL;
    return ec;
}
