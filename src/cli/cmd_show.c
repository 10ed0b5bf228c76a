/*
 * cmd_show.c - `parallax show [--db PATH] [--json] [--clean] ID...`: print
 * stored articles (metadata header, blank line, text; or one JSON object
 * per article, schema in docs/ingest.md).
 */
#include <getopt.h> /* getopt_long */
#include <inttypes.h>
#include <string.h> /* strlen */

#include "cli/cli.h"

static const char help[] =
    "usage: parallax show [--db PATH] [--json] [--clean] ID...\n"
    "Print stored articles: metadata, a blank line, then the original text.\n"
    "  --db PATH   store file (default $PARALLAX_DB or ./parallax.db)\n"
    "  --clean     print the cleaned text instead of the original\n"
    "  --json      one JSON object per article (with \"clean\" if --clean)\n";

static void header(px_buf *b, const char *key, const char *v) {
    if (v) px_buf_printf(b, "%s: %s\n", key, v);
}

static void show_text(px_buf *b, const px_article *a, const char *clean) {
    header(b, "id", a->id);
    header(b, "title", a->title);
    header(b, "url", a->url);
    header(b, "outlet", a->outlet);
    header(b, "wire", a->wire);
    header(b, "published", a->published);
    header(b, "lang", a->lang);
    header(b, "origin", a->origin);
    header(b, "extra", a->extra);
    px_buf_printf(b, "bytes: %zu\n\n", a->text_len);
    const char *t = clean ? clean : a->text;
    size_t n = clean ? strlen(clean) : a->text_len;
    px_buf_append(b, t, n);
    if (n && t[n - 1] != '\n') px_buf_putc(b, '\n');
}

static void show_json(px_buf *b, const px_article *a, const char *clean) {
    px_article_to_json(a, 1, b);
    b->len--; /* reopen the object */
    px_buf_puts(b, ",\"origin\":");
    px_buf_json_str(b, a->origin ? a->origin : "",
                    a->origin ? strlen(a->origin) : 0);
    if (a->published_ts != PX_TIME_NONE)
        px_buf_printf(b, ",\"published_ts\":%" PRId64, a->published_ts);
    if (clean) {
        px_buf_puts(b, ",\"clean\":");
        px_buf_json_str(b, clean, strlen(clean));
    }
    px_buf_puts(b, "}\n");
}

/* Print one article; 0 when it is not stored (reported). */
static int show_one(px_store *s, const char *id, int json, int clean,
                    px_buf *out) {
    px_article *a;
    char *c = NULL;
    px_result rc = px_store_get(s, id, &a);
    if (!rc && clean) rc = px_store_get_clean(s, id, &c, NULL);
    if (rc) {
        cli_err("show", "%s: %s", id,
                rc == PX_ERR_NOTFOUND ? "no such article" : px_store_errmsg(s));
        return 0;
    }
    if (json)
        show_json(out, a, c);
    else
        show_text(out, a, c);
    cli_flush(out);
    px_free(c);
    px_article_free(a);
    return 1;
}

int px_cmd_show(int argc, char **argv) {
    static const struct option opts[] = {{"db", required_argument, 0, 'd'},
                                         {"json", no_argument, 0, 'j'},
                                         {"clean", no_argument, 0, 'c'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    const char *db = NULL;
    int json = 0, clean = 0, c;
    optind = 1;
    while ((c = cli_getopt(argc, argv, "h", opts)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'j': json = 1; break;
        case 'c': clean = 1; break;
        case 'h': fputs(help, stdout); return PX_EXIT_OK;
        default: fputs(help, stderr); return PX_EXIT_USAGE;
        }
    }
    if (optind == argc) {
        fputs(help, stderr);
        return PX_EXIT_USAGE;
    }
    px_store *s = cli_store_open(argv[0], db, 1);
    if (!s) return PX_EXIT_FAIL;
    px_buf out = PX_BUF_INIT;
    int found = 0;
    for (int i = optind; i < argc; i++)
        found += show_one(s, argv[i], json, clean, &out);
    px_buf_release(&out);
    px_store_close(s);
    return found == argc - optind ? PX_EXIT_OK
           : found                ? PX_EXIT_PARTIAL
                                  : PX_EXIT_FAIL;
}
