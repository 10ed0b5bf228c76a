/*
 * cmd_clean.c - `parallax clean [--explain] [--norm] [--json] FILE...`:
 * print each article's cleaned text; --explain lists every removed span.
 */
#include <getopt.h> /* getopt_long */
#include <string.h>

#include "cli/cli.h"

static const char help[] =
    "usage: parallax clean [--explain] [--norm] [--tokens] FILE...\n"
    "Print the cleaned text of each article (boilerplate removed).\n"
    "  --explain   list every removed span: [start,end) reason text\n"
    "  --norm      print the normalised matching view instead\n"
    "  --tokens    print the word tokens with their original byte spans\n";

int px_cmd_clean(int argc, char **argv) {
    static const struct option opts[] = {
        {"explain", no_argument, 0, 'e'}, {"norm", no_argument, 0, 'n'},
        {"tokens", no_argument, 0, 't'},  {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int explain = 0, norm = 0, tokens = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "enth", opts, NULL)) != -1) {
        switch (c) {
        case 'e': explain = 1; break;
        case 'n': norm = 1; break;
        case 't': tokens = 1; break;
        case 'h': fputs(help, stdout); return PX_EXIT_OK;
        default: fputs(help, stderr); return PX_EXIT_USAGE;
        }
    }
    cli_input *in;
    if (cli_input_open(argv[0], argv + optind, argc - optind, NULL, &in))
        return PX_EXIT_FAIL;
    px_buf out = PX_BUF_INIT;
    px_article *a;
    int bad = 0;
    while ((a = cli_input_next(in))) {
        px_doc *d;
        px_doc_opts o = {0, a->title, a->outlet, NULL};
        px_result rc = px_doc_new(a->text, a->text_len, &o, &d);
        if (rc) {
            cli_err(argv[0], "%s: %s", a->origin, px_result_str(rc));
            bad = 1;
            px_article_free(a);
            continue;
        }
        size_t n;
        if (tokens) {
            const px_token *t = px_doc_tokens(d, &n);
            const char *nv = px_doc_norm(d, NULL);
            for (size_t i = 0; i < n; i++)
                px_buf_printf(&out, "%u\t%u\t%.*s\n", t[i].start, t[i].end,
                              (int)t[i].norm_len, nv + t[i].norm_off);
        } else if (explain) {
            const px_removal *r = px_doc_removals(d, &n);
            for (size_t i = 0; i < n; i++) {
                px_buf_printf(&out, "[%zu,%zu) %s: ", r[i].span.start,
                              r[i].span.end, r[i].detail ? r[i].detail : "");
                px_buf_append(&out, a->text + r[i].span.start,
                              r[i].span.end - r[i].span.start);
                px_buf_putc(&out, '\n');
            }
        } else {
            const char *t = norm ? px_doc_norm(d, &n) : px_doc_clean(d, &n);
            px_buf_append(&out, t, n);
            if (n && t[n - 1] != '\n') px_buf_putc(&out, '\n');
        }
        cli_flush(&out);
        px_doc_free(d);
        px_article_free(a);
    }
    px_buf_release(&out);
    int rc = cli_input_nerrors(in) || bad ? PX_EXIT_PARTIAL : PX_EXIT_OK;
    cli_input_free(in);
    return rc;
}
