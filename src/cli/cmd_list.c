/*
 * cmd_list.c - `parallax list [--db PATH] [--json]`: the stored articles in
 * insertion order, one per line: id, published, outlet, title (tab-
 * separated, "-" when unknown, control characters as spaces), or JSON
 * objects without the text.
 */
#include <getopt.h> /* getopt_long */

#include "cli/cli.h"

static const char help[] =
    "usage: parallax list [--db PATH] [--json]\n"
    "List stored articles: id, published, outlet, title (tab-separated).\n"
    "  --db PATH   store file (default $PARALLAX_DB or ./parallax.db)\n"
    "  --json      one JSON object per article (no text)\n";

typedef struct lister {
    px_buf out;
    int json;
} lister;

/* One TSV field: "-" when unknown; tabs, newlines and other control
 * bytes become spaces so each article stays on one line. */
static void field(px_buf *b, const char *s, char sep) {
    if (!s) s = "-";
    for (; *s; s++) px_buf_putc(b, (unsigned char)*s < 0x20 ? ' ' : *s);
    px_buf_putc(b, sep);
}

static int list_one(void *ud, const px_article *a) {
    lister *l = ud;
    if (l->json) {
        px_article_to_json(a, 0, &l->out);
        px_buf_putc(&l->out, '\n');
    } else {
        field(&l->out, a->id, '\t');
        field(&l->out, a->published, '\t');
        field(&l->out, a->outlet, '\t');
        field(&l->out, a->title, '\n');
    }
    if (l->out.len > 65536) cli_flush(&l->out);
    return 0;
}

int px_cmd_list(int argc, char **argv) {
    static const struct option opts[] = {{"db", required_argument, 0, 'd'},
                                         {"json", no_argument, 0, 'j'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    const char *db = NULL;
    lister l = {PX_BUF_INIT, 0};
    int c;
    optind = 1;
    while ((c = cli_getopt(argc, argv, "h", opts)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'j': l.json = 1; break;
        case 'h': fputs(help, stdout); return PX_EXIT_OK;
        default: fputs(help, stderr); return PX_EXIT_USAGE;
        }
    }
    if (optind != argc) {
        fputs(help, stderr);
        return PX_EXIT_USAGE;
    }
    px_store *s = cli_store_open(argv[0], db, 1);
    if (!s) return PX_EXIT_FAIL;
    px_result rc = px_store_each(s, 0, list_one, &l);
    cli_flush(&l.out);
    if (rc) cli_err(argv[0], "%s: %s", cli_db_path(db), px_store_errmsg(s));
    px_buf_release(&l.out);
    px_store_close(s);
    return rc ? PX_EXIT_FAIL : PX_EXIT_OK;
}
