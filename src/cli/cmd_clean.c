/*
 * cmd_clean.c - `parallax clean [--explain|--json|--norm|--tokens]
 * [--learn] FILE...`: print each article's cleaned text, or what the
 * cleaner removed and why (docs/clean.md).
 *
 * Default output is the clean text of each article.  --explain prints one
 * line per removed span, "[start,end) reason (detail): text", with byte
 * offsets into the original text and the text escaped (\n, \t, \xHH),
 * then "meta KEY: value" lines.  --json prints one object per article.
 * --learn reads every input first and learns the lines that recur across
 * each outlet's articles (px_boiler), then cleans with that model: all
 * inputs are held in memory, so it is meant for batches, not archives.
 */
#include <getopt.h> /* getopt_long */
#include <string.h>

#include "cli/cli.h"

static const char help[] =
    "usage: parallax clean [--explain | --json | --norm | --tokens] [--learn]\n"
    "                      [FILE... | -]\n"
    "Print the cleaned text of each article (boilerplate removed).\n"
    "  --explain   list every removed span: [start,end) reason (detail): text\n"
    "              (byte offsets into the original text), then metadata\n"
    "  --json      one JSON object per article: id, clean, removed, meta\n"
    "  --norm      print the normalised matching view instead\n"
    "  --tokens    print the word tokens with their original byte spans\n"
    "  --learn     first learn lines recurring across each outlet's articles\n"
    "              in the inputs, and remove those too\n"
    "Exit: 0 ok, 1 some inputs bad (reported on stderr), 2 usage, 3 failure.\n";

enum mode { M_CLEAN, M_EXPLAIN, M_JSON, M_NORM, M_TOKENS };

static const char *const meta_keys[] = {"title", "wire", "outlet", "dateline"};

/* Text of a span with newlines, tabs and control bytes made visible. */
static void put_escaped(px_buf *out, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')
            px_buf_puts(out, "\\n");
        else if (c == '\t')
            px_buf_puts(out, "\\t");
        else if (c == '\\')
            px_buf_puts(out, "\\\\");
        else if (c < 0x20 || c == 0x7F)
            px_buf_printf(out, "\\x%02X", c);
        else
            px_buf_putc(out, (char)c);
    }
}

static void put_explain(px_buf *out, const px_article *a, const px_doc *d) {
    size_t n;
    const px_removal *r = px_doc_removals(d, &n);
    px_buf_printf(out, "# %s\n", a->id ? a->id : a->origin);
    for (size_t i = 0; i < n; i++) {
        px_buf_printf(out, "[%zu,%zu) %s (%s): ", r[i].span.start,
                      r[i].span.end, px_removal_reason_str(r[i].reason),
                      r[i].detail ? r[i].detail : "");
        put_escaped(out, a->text + r[i].span.start,
                    r[i].span.end - r[i].span.start);
        px_buf_putc(out, '\n');
    }
    for (size_t k = 0; k < sizeof meta_keys / sizeof meta_keys[0]; k++) {
        const char *v = px_doc_meta(d, meta_keys[k]);
        if (v) px_buf_printf(out, "meta %s: %s\n", meta_keys[k], v);
    }
    if (px_doc_bad_utf8(d))
        px_buf_printf(out, "invalid UTF-8 sequences replaced: %zu\n",
                      px_doc_bad_utf8(d));
}

static void put_json_str(px_buf *out, const char *key, const char *v) {
    px_buf_printf(out, "\"%s\":", key);
    if (v)
        px_buf_json_str(out, v, strlen(v));
    else
        px_buf_puts(out, "null");
}

static void put_json(px_buf *out, const px_article *a, const px_doc *d) {
    size_t n, cl;
    const char *clean = px_doc_clean(d, &cl);
    px_buf_putc(out, '{');
    put_json_str(out, "id", a->id);
    px_buf_puts(out, ",\"clean\":");
    px_buf_json_str(out, clean, cl);
    px_buf_puts(out, ",\"removed\":[");
    const px_removal *r = px_doc_removals(d, &n);
    for (size_t i = 0; i < n; i++) {
        px_buf_printf(out, "%s{\"span\":[%zu,%zu],\"reason\":\"%s\",",
                      i ? "," : "", r[i].span.start, r[i].span.end,
                      px_removal_reason_str(r[i].reason));
        put_json_str(out, "detail", r[i].detail);
        px_buf_puts(out, ",\"text\":");
        px_buf_json_str(out, a->text + r[i].span.start,
                        r[i].span.end - r[i].span.start);
        px_buf_putc(out, '}');
    }
    px_buf_puts(out, "],\"meta\":{");
    int first = 1;
    for (size_t k = 0; k < sizeof meta_keys / sizeof meta_keys[0]; k++) {
        const char *v = px_doc_meta(d, meta_keys[k]);
        if (!v) continue;
        if (!first) px_buf_putc(out, ',');
        put_json_str(out, meta_keys[k], v);
        first = 0;
    }
    px_buf_printf(out, "},\"bad_utf8\":%zu}\n", px_doc_bad_utf8(d));
}

static void put_tokens(px_buf *out, const px_doc *d) {
    size_t n;
    const px_token *t = px_doc_tokens(d, &n);
    const char *nv = px_doc_norm(d, NULL);
    for (size_t i = 0; i < n; i++)
        px_buf_printf(out, "%u\t%u\t%.*s\n", t[i].start, t[i].end,
                      (int)t[i].norm_len, nv + t[i].norm_off);
}

static void put_view(px_buf *out, const px_doc *d, int norm) {
    size_t n;
    const char *t = norm ? px_doc_norm(d, &n) : px_doc_clean(d, &n);
    px_buf_append(out, t, n);
    if (n && t[n - 1] != '\n') px_buf_putc(out, '\n');
}

/* Clean one article and print it in the chosen mode; 0 or 1 (failed). */
static int clean_one(const char *cmd, enum mode m, const px_boiler *learned,
                     const px_article *a, px_buf *out) {
    px_doc *d;
    px_doc_opts o = {0, a->title, a->outlet, learned};
    px_result rc = px_doc_new(a->text, a->text_len, &o, &d);
    if (rc) {
        cli_err(cmd, "%s: %s", a->origin, px_result_str(rc));
        return 1;
    }
    switch (m) {
    case M_EXPLAIN: put_explain(out, a, d); break;
    case M_JSON: put_json(out, a, d); break;
    case M_TOKENS: put_tokens(out, d); break;
    default: put_view(out, d, m == M_NORM); break;
    }
    cli_flush(out);
    px_doc_free(d);
    return 0;
}

/* --learn: read everything, learn, then clean. */
static int clean_learned(const char *cmd, enum mode m, cli_input *in,
                         px_buf *out) {
    px_article **all = NULL, *a;
    size_t n = 0, cap = 0;
    int bad = 0;
    px_boiler *b = px_boiler_new(NULL);
    while ((a = cli_input_next(in))) {
        if (n == cap)
            all = px_realloc(all, (cap = cap ? 2 * cap : 64) * sizeof *all);
        all[n++] = a;
        px_boiler_add(b, a->outlet, a->text, a->text_len);
    }
    for (size_t i = 0; i < n; i++) {
        bad |= clean_one(cmd, m, b, all[i], out);
        px_article_free(all[i]);
    }
    px_free(all);
    px_boiler_free(b);
    return bad;
}

int px_cmd_clean(int argc, char **argv) {
    static const struct option opts[] = {{"explain", no_argument, 0, 'e'},
                                         {"json", no_argument, 0, 'j'},
                                         {"norm", no_argument, 0, 'n'},
                                         {"tokens", no_argument, 0, 't'},
                                         {"learn", no_argument, 0, 'l'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    enum mode m = M_CLEAN;
    int learn = 0, c;
    optind = 1;
    while ((c = cli_getopt(argc, argv, "ejntlh", opts)) != -1) {
        switch (c) {
        case 'e': m = M_EXPLAIN; break;
        case 'j': m = M_JSON; break;
        case 'n': m = M_NORM; break;
        case 't': m = M_TOKENS; break;
        case 'l': learn = 1; break;
        case 'h': fputs(help, stdout); return PX_EXIT_OK;
        default: fputs(help, stderr); return PX_EXIT_USAGE;
        }
    }
    cli_input *in;
    if (cli_input_open(argv[0], argv + optind, argc - optind, NULL, &in))
        return PX_EXIT_FAIL;
    px_buf out = PX_BUF_INIT;
    int bad = 0;
    if (learn) {
        bad = clean_learned(argv[0], m, in, &out);
    } else {
        px_article *a;
        while ((a = cli_input_next(in))) {
            bad |= clean_one(argv[0], m, NULL, a, &out);
            px_article_free(a);
        }
    }
    px_buf_release(&out);
    int rc = cli_input_nerrors(in) || bad ? PX_EXIT_PARTIAL : PX_EXIT_OK;
    cli_input_free(in);
    return rc;
}
