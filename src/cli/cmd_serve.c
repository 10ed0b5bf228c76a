/*
 * cmd_serve.c - `parallax serve [--db PATH] [--port N] [--bind ADDR]
 * [--threads N] [-v]`: a read-only HTTP server over the store
 * (parallax/serve.h, endpoints in docs/serve.md).
 *
 * SIGINT, SIGTERM (and SIGPIPE) are blocked before the server's threads
 * start, so they inherit the mask; the main thread then waits for
 * INT/TERM with sigwait and stops the server cleanly: no handler, no
 * global flag.
 */
#include <getopt.h>   /* getopt_long */
#include <inttypes.h> /* PRIu64 */
#include <pthread.h>  /* pthread_sigmask */
#include <signal.h>   /* sigwait */
#include <string.h>   /* strchr */

#include "cli/cli.h"

static const char help[] =
    "usage: parallax serve [--db PATH] [--port N] [--bind ADDR] "
    "[--threads N] [-v]\n"
    "Serve the store read-only over HTTP: story index, stories, articles,\n"
    "claim-by-claim comparisons and alignments as HTML or JSON (endpoints\n"
    "in docs/serve.md).  Prints the server's URL, then runs until SIGINT\n"
    "or SIGTERM.\n"
    "  --db PATH     store file (default $PARALLAX_DB or ./parallax.db)\n"
    "  --port N      TCP port (default 8080; 0 = any free port)\n"
    "  --bind ADDR   numeric address to listen on (default 127.0.0.1;\n"
    "                0.0.0.0 or :: for every interface)\n"
    "  --threads N   worker threads, 1..64 (default 4)\n"
    "  -v, --verbose access log on stderr, one line per request\n";

typedef struct serve_args {
    const char *db;
    px_server_opts o;
    int verbose;
} serve_args;

/* A whole number in [lo, hi] for option opt; -1 (reported) if not. */
static int number(const char *cmd, const char *opt, const char *v, uint64_t lo,
                  uint64_t hi, uint64_t *out) {
    if (!cli_uint(v, lo, hi, out)) return 0;
    cli_err(cmd,
            "%s wants a whole number from %" PRIu64 " to %" PRIu64 ", not '%s'",
            opt, lo, hi, v);
    return -1;
}

static int parse(int argc, char **argv, serve_args *a) {
    static const struct option opts[] = {{"db", required_argument, 0, 'd'},
                                         {"port", required_argument, 0, 'p'},
                                         {"bind", required_argument, 0, 'b'},
                                         {"threads", required_argument, 0, 't'},
                                         {"verbose", no_argument, 0, 'v'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    uint64_t n;
    int c;
    optind = 1;
    while ((c = cli_getopt(argc, argv, "d:p:b:t:vh", opts)) != -1) {
        switch (c) {
        case 'd': a->db = optarg; break;
        case 'p':
            if (number(argv[0], "--port", optarg, 0, 65535, &n)) return 2;
            a->o.port = (uint16_t)n;
            break;
        case 'b': a->o.bind = optarg; break;
        case 't':
            if (number(argv[0], "--threads", optarg, 1, 64, &n)) return 2;
            a->o.threads = (unsigned)n;
            break;
        case 'v': a->verbose = 1; break;
        case 'h': fputs(help, stdout); return 1;
        default: fputs(help, stderr); return 2;
        }
    }
    if (optind != argc) {
        fputs(help, stderr);
        return 2;
    }
    return 0;
}

static void log_line(void *ud, const char *line) {
    (void)ud;
    fprintf(stderr, "%s\n", line);
}

static const char *start_error(px_result rc) {
    switch (rc) {
    case PX_ERR_NOTFOUND: return "no store here (run 'parallax run' first)";
    case PX_ERR_INVALID: return "--bind: not a numeric IPv4 or IPv6 address";
    case PX_ERR_IO:
        return "cannot listen on that address and port "
               "(in use, or not allowed?)";
    default: return px_result_str(rc);
    }
}

int px_cmd_serve(int argc, char **argv) {
    serve_args a = {NULL, {NULL, NULL, 8080, 0, NULL, NULL}, 0};
    int p = parse(argc, argv, &a);
    if (p) return p == 1 ? PX_EXIT_OK : PX_EXIT_USAGE;
    a.o.db = cli_db_path(a.db);
    if (a.verbose) a.o.log = log_line;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    px_server *sv;
    px_result rc = px_server_start(&a.o, &sv);
    if (rc) {
        cli_err(argv[0], "%s: %s", a.o.db, start_error(rc));
        return PX_EXIT_FAIL;
    }
    const char *host = a.o.bind ? a.o.bind : "127.0.0.1";
    int v6 = strchr(host, ':') != NULL;
    printf("http://%s%s%s:%u/\n", v6 ? "[" : "", host, v6 ? "]" : "",
           (unsigned)px_server_port(sv));
    fflush(stdout);
    sigdelset(&set, SIGPIPE);
    int sig;
    sigwait(&set, &sig);
    if (a.verbose) cli_err(argv[0], "signal %d: stopping", sig);
    px_server_free(sv);
    return PX_EXIT_OK;
}
