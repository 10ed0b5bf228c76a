/*
 * cmd_extract.c - `parallax extract [--json] [--explain] FILE...`: the
 * article of each HTML page (.html, .htm, gzip'ed or not, "-" for stdin)
 * or of each HTML response in a WARC file (.warc, .warc.gz).
 */
#include <dirent.h> /* scandir */
#include <errno.h>
#include <getopt.h> /* getopt_long */
#include <stdlib.h> /* free */
#include <string.h>
#include <sys/stat.h> /* stat */

#include "cli/cli.h"

static const char help[] =
    "usage: parallax extract [--json] [--explain] [FILE|DIR|-]...\n"
    "Extract each news page's article: title, byline, time, outlet,\n"
    "language and body paragraphs.  FILE: .html/.htm (optionally .gz),\n"
    ".warc/.warc.gz (every HTML response record), or - for stdin (HTML);\n"
    "DIR: every such file below it, in name order.\n"
    "  --json      one JSON object per page: file, url, title, byline,\n"
    "              published, outlet, lang, text\n"
    "  --explain   list every text block: keep/drop, reason, element\n"
    "Exit: 0 ok, 1 some inputs or records were bad (reported), 2 usage,\n"
    "3 nothing could be read.\n";

typedef struct run {
    const char *cmd;
    int json, explain;
    px_buf out;
    size_t pages, bad;
} run;

static void on_explain(void *ud, int kept, const char *reason,
                       const char *where, const char *text, size_t n) {
    run *r = ud;
    px_buf_printf(&r->out, "%s\t%s\t%s\t", kept ? "keep" : "drop", where,
                  reason);
    px_buf_append(&r->out, text, n > 100 ? 100 : n);
    px_buf_puts(&r->out, n > 100 ? "...\n" : "\n");
}

static void print_page(run *r, const px_page *p, const char *file) {
    if (r->json) {
        px_page_to_json(p, file, &r->out);
        px_buf_putc(&r->out, '\n');
    } else {
        if (r->pages) px_buf_puts(&r->out, "\n");
        px_buf_printf(&r->out, "# %s\n", p->title ? p->title : "");
        px_buf_printf(&r->out, "file: %s\nurl: %s\nbyline: %s\n", file,
                      p->url ? p->url : "", p->byline ? p->byline : "");
        px_buf_printf(&r->out, "published: %s\noutlet: %s\nlang: %s\n\n",
                      p->published ? p->published : "",
                      p->outlet ? p->outlet : "", p->lang ? p->lang : "");
        px_buf_append(&r->out, p->text, p->text_len);
        px_buf_putc(&r->out, '\n');
    }
    r->pages++;
    cli_flush(&r->out);
}

static int has_suffix(const char *s, const char *suf) {
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && !strcmp(s + n - k, suf);
}

static void on_warc_error(void *ud, uint64_t off, px_result rc,
                          const char *msg) {
    const char **ctx = ud;
    cli_err(ctx[0], "%s: record at byte %llu: %s (%s)", ctx[1],
            (unsigned long long)off, msg, px_result_str(rc));
}

static void do_warc(run *r, const char *path) {
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        cli_err(r->cmd, "%s: cannot open", path);
        r->bad++;
        return;
    }
    const char *ctx[2] = {r->cmd, path};
    px_warc_opts o = {
        on_warc_error, ctx, 0, {0, 0, NULL, r->explain ? on_explain : NULL, r}};
    px_warc *w;
    px_page *p;
    if (!px_warc_new(f, &o, &w)) {
        while (!px_warc_next(w, &p, NULL) && p) {
            if (r->explain) px_buf_putc(&r->out, '\n');
            print_page(r, p, path);
            px_page_free(p);
        }
        r->bad += px_warc_nerrors(w);
        px_warc_free(w);
    }
    if (f != stdin) fclose(f);
}

static void do_html(run *r, const char *path) {
    px_extract_opts o = {0, 0, NULL, r->explain ? on_explain : NULL, r};
    px_page *p;
    errno = 0;
    px_result rc = px_page_extract_file(path, &o, &p);
    if (rc) {
        cli_err(r->cmd, "%s: %s", path,
                rc == PX_ERR_TOOBIG        ? "page exceeds the 64 MiB HTML cap"
                : rc == PX_ERR_BINARY      ? "binary data, not HTML; skipped"
                : rc == PX_ERR_IO && errno ? strerror(errno)
                                           : px_result_str(rc));
        cli_flush(&r->out);
        r->bad++;
        return;
    }
    if (p->truncated)
        cli_err(r->cmd, "%s: node cap reached; page read in part", path);
    if (r->explain) px_buf_putc(&r->out, '\n');
    print_page(r, p, path);
    px_page_free(p);
}

static int is_page(const char *name) {
    static const char *const exts[] = {".html",   ".htm",  ".html.gz",
                                       ".htm.gz", ".warc", ".warc.gz"};
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
        if (has_suffix(name, exts[i])) return 1;
    return 0;
}

static void do_path(run *r, const char *path, int depth);

/* Every page or WARC file below dir, in name order (depth-limited). */
static void do_dir(run *r, const char *dir, int depth) {
    struct dirent **ents;
    int n = scandir(dir, &ents, NULL, alphasort);
    if (n < 0) {
        cli_err(r->cmd, "%s: %s", dir, strerror(errno));
        r->bad++;
        return;
    }
    for (int i = 0; i < n; i++) {
        const char *name = ents[i]->d_name;
        if (name[0] != '.' && depth < 16) {
            px_buf p = PX_BUF_INIT;
            px_buf_printf(&p, "%s/%s", dir, name);
            struct stat sb;
            if (!stat(p.data, &sb) && (S_ISDIR(sb.st_mode) || is_page(name)))
                do_path(r, p.data, depth + 1);
            px_buf_release(&p);
        }
        free(ents[i]);
    }
    free(ents);
}

static void do_path(run *r, const char *path, int depth) {
    struct stat sb;
    if (strcmp(path, "-") && !stat(path, &sb) && S_ISDIR(sb.st_mode))
        do_dir(r, path, depth);
    else if (has_suffix(path, ".warc") || has_suffix(path, ".warc.gz"))
        do_warc(r, path);
    else
        do_html(r, path);
}

int px_cmd_extract(int argc, char **argv) {
    static const struct option opts[] = {{"json", no_argument, 0, 'j'},
                                         {"explain", no_argument, 0, 'e'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    run r = {argv[0], 0, 0, PX_BUF_INIT, 0, 0};
    int c;
    optind = 1;
    while ((c = cli_getopt(argc, argv, "jeh", opts)) != -1) {
        switch (c) {
        case 'j': r.json = 1; break;
        case 'e': r.explain = 1; break;
        case 'h': fputs(help, stdout); return PX_EXIT_OK;
        default: fputs(help, stderr); return PX_EXIT_USAGE;
        }
    }
    if (optind == argc && cli_isatty(stdin)) {
        fputs(help, stderr); /* nothing given and nothing piped in */
        return PX_EXIT_USAGE;
    }
    char *dash[] = {"-"};
    char **files = optind < argc ? argv + optind : dash;
    int nfiles = optind < argc ? argc - optind : 1;
    for (int i = 0; i < nfiles; i++) do_path(&r, files[i], 0);
    px_buf_release(&r.out);
    if (!r.bad) return PX_EXIT_OK;
    return r.pages ? PX_EXIT_PARTIAL : PX_EXIT_FAIL;
}
