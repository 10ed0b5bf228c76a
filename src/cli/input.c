/*
 * input.c - where a command's articles come from: paths via the readers,
 * or ids from the store (see cli.h).
 *
 * FIRST CUT: paths only; stored ids are added with the store.
 */
#include "cli/cli.h"

struct cli_input {
    const char *cmd;
    px_reader *reader;
};

static void on_error(void *ud, const char *path, size_t line, px_result rc,
                     const char *msg) {
    const cli_input *in = ud;
    if (line)
        cli_err(in->cmd, "%s:%zu: %s (%s)", path, line, msg, px_result_str(rc));
    else
        cli_err(in->cmd, "%s: %s (%s)", path, msg, px_result_str(rc));
}

px_result cli_input_open(const char *cmd, char *const *args, int nargs,
                         const char *db, cli_input **out) {
    (void)db;
    cli_input *in = px_calloc(1, sizeof *in);
    in->cmd = cmd;
    px_read_opts o = {on_error, in, 0};
    const char *dash[] = {"-"};
    px_result rc = nargs
        ? px_reader_new((const char *const *)args, (size_t)nargs, &o, &in->reader)
        : px_reader_new(dash, 1, &o, &in->reader);
    if (rc) {
        cli_input_free(in);
        return rc;
    }
    *out = in;
    return PX_OK;
}

px_article *cli_input_next(cli_input *in) {
    px_article *a = NULL;
    if (px_reader_next(in->reader, &a)) return NULL;
    return a;
}

size_t cli_input_nerrors(const cli_input *in) {
    return px_reader_nerrors(in->reader);
}

void cli_input_free(cli_input *in) {
    if (!in) return;
    px_reader_free(in->reader);
    px_free(in);
}
