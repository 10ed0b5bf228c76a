/*
 * main.c - parallax-mpi: the scale-out driver of the corpus matchers over
 * Open MPI (docs/mpi.md).  `mpirun -np N parallax-mpi dedup [OPTIONS]
 * INPUT...` prints what `parallax dedup [OPTIONS] INPUT...` prints; every
 * rank reads and signs a share of the inputs (shard.h), the band-key space
 * is split between the ranks (dist_dedup.h), rank 0 writes the result
 * (report.h).  Built only by `make mpi`; one machine needs none of this.
 *
 * Exit codes as the CLI's: 0 ok, 1 some inputs could not be read (the
 * rest is processed), 2 usage, 3 failure.  Usage errors are reported by
 * rank 0 only; every rank exits with the same code.
 */
#include <getopt.h> /* getopt_long */
#include <stdio.h>  /* fprintf */
#include <stdlib.h> /* strtod */
#include <string.h> /* strcmp */
#include <unistd.h> /* isatty */

#include "mpi/dist_dedup.h"
#include "mpi/report.h"

enum { EXIT_PARTIAL = 1, EXIT_USAGE = 2, EXIT_FAIL = 3 };

static const char usage[] =
    "usage: mpirun [-np N] parallax-mpi dedup [OPTIONS] INPUT...\n"
    "Near-duplicate documents over an MPI job: the output of\n"
    "`parallax dedup` on the same inputs (docs/mpi.md).  INPUT: files or\n"
    "directories; JSON Lines files (.jsonl, .ndjson) are split between the\n"
    "ranks by byte ranges, other inputs go to the ranks in turn.\n"
    "  -t, --threshold J  report pairs with Jaccard >= J (default 0.8)\n"
    "  -k, --num-perm K   MinHash signature length (default 128)\n"
    "  -n, --shingle N    words per shingle (default 5)\n"
    "      --bands B      LSH bands (with --rows; default: from J)\n"
    "      --rows R       LSH rows per band\n"
    "  -j, --threads N    threads per rank building documents (default 1)\n"
    "      --json         JSON Lines (schema: docs/dedup.md)\n"
    "  -h, --help         this help\n"
    "`parallax-mpi reuse` is not distributed yet: use `parallax reuse`.\n";

typedef struct opts {
    px_dedup_opts o;
    int json;
} opts;

/* Parse v as a number within [lo, hi]; 0 when it is one. */
static int num(const char *v, double lo, double hi, double *out) {
    char *end;
    double x = strtod(v, &end);
    if (end == v || *end || !(x >= lo && x <= hi)) return -1;
    *out = x;
    return 0;
}

/* Apply option ch with argument arg; 0 ok, -1 bad value. */
static int apply(opts *p, int ch, const char *arg) {
    double v = 0;
    int bad = 0;
    switch (ch) {
    case 't': return num(arg, 1e-9, 1, &p->o.threshold);
    case 'k': bad = num(arg, 1, PX_MINHASH_K_MAX, &v); p->o.k = (unsigned)v; break;
    case 'n': bad = num(arg, 1, PX_SHINGLE_MAX, &v); p->o.shingle = (unsigned)v; break;
    case 'B': bad = num(arg, 1, PX_MINHASH_K_MAX, &v); p->o.bands = (unsigned)v; break;
    case 'R': bad = num(arg, 1, PX_MINHASH_K_MAX, &v); p->o.rows = (unsigned)v; break;
    case 'j': bad = num(arg, 1, 64, &v); p->o.threads = (unsigned)v; break;
    default: return -1;
    }
    return bad;
}

/* -1 to go on, else the exit code (help or usage error). */
static int parse(int argc, char **argv, int quiet, opts *p) {
    static const struct option lo[] = {
        {"help", no_argument, 0, 'h'},      {"json", no_argument, 0, 'J'},
        {"threshold", required_argument, 0, 't'},
        {"num-perm", required_argument, 0, 'k'},
        {"shingle", required_argument, 0, 'n'},
        {"bands", required_argument, 0, 'B'},
        {"rows", required_argument, 0, 'R'},
        {"threads", required_argument, 0, 'j'}, {0, 0, 0, 0}};
    opterr = !quiet;
    optind = 1;
    for (int ch; (ch = getopt_long(argc, argv, "ht:k:n:j:", lo, NULL)) != -1;) {
        if (ch == 'h') {
            if (!quiet) fputs(usage, stdout);
            return 0;
        }
        if (ch == 'J') p->json = 1;
        else if (ch == '?' || apply(p, ch, optarg)) {
            if (!quiet && ch != '?')
                fprintf(stderr, "parallax-mpi dedup: invalid value for -%c: "
                                "'%s'\n", ch, optarg);
            if (!quiet) fputs(usage, stderr);
            return EXIT_USAGE;
        }
    }
    const char *bad = NULL;
    if (!p->o.bands != !p->o.rows ||
        (p->o.bands && p->o.bands * p->o.rows > p->o.k))
        bad = "--bands and --rows go together, bands*rows <= k";
    else if (optind >= argc) bad = "no INPUT (stdin is not shared by ranks)";
    for (int i = optind; !bad && i < argc; i++)
        if (!strcmp(argv[i], "-")) bad = "\"-\": stdin is not shared by ranks";
    if (bad && !quiet) fprintf(stderr, "parallax-mpi dedup: %s\n", bad);
    return bad ? EXIT_USAGE : -1;
}

static int dedup(const pxmpi_comm *c, int argc, char **argv) {
    opts p = {{0}, 0};
    px_dedup_opts_init(&p.o);
    p.o.threads = 1;
    int prc = parse(argc, argv, c->rank != 0, &p);
    if (prc >= 0) return prc;
    pxmpi_shard s;
    px_dup_pair *pairs = NULL;
    size_t np = 0, ncl = 0;
    px_result rc = pxmpi_shard_read(c, "dedup", argv + optind, argc - optind,
                                    p.o.threads, &s);
    if (!rc) rc = pxmpi_dedup(c, &s, &p.o, &pairs, &np);
    if (!rc) rc = pxmpi_report(c, &s, pairs, np, p.json, stdout, &ncl);
    uint64_t nbad = pxmpi_sum(c, s.nbad);
    if (rc && c->rank == 0)
        fprintf(stderr, "parallax-mpi dedup: %s\n", px_result_str(rc));
    else if (c->rank == 0 && isatty(fileno(stderr)))
        fprintf(stderr, "parallax-mpi dedup: %llu documents on %d ranks, %zu "
                "pairs at J >= %.2f, %zu clusters\n",
                (unsigned long long)s.ndocs, c->size, np, p.o.threshold, ncl);
    px_free(pairs);
    pxmpi_shard_release(&s);
    return rc ? EXIT_FAIL : nbad ? EXIT_PARTIAL : 0;
}

int main(int argc, char **argv) {
    pxmpi_comm c = {MPI_COMM_WORLD, 0, 1};
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(c.comm, &c.rank);
    MPI_Comm_size(c.comm, &c.size);
    int ec = EXIT_USAGE;
    if (argc >= 2 && !strcmp(argv[1], "dedup")) {
        ec = dedup(&c, argc - 1, argv + 1);
    } else if (argc >= 2 && (!strcmp(argv[1], "-h") ||
                             !strcmp(argv[1], "--help"))) {
        if (c.rank == 0) fputs(usage, stdout);
        ec = 0;
    } else if (c.rank == 0) {
        if (argc >= 2 && !strcmp(argv[1], "reuse"))
            fputs("parallax-mpi: reuse is not distributed yet (docs/mpi.md); "
                  "use `parallax reuse`\n", stderr);
        fputs(usage, stderr);
    }
    fflush(stdout);
    MPI_Finalize();
    return ec;
}
