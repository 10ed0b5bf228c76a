/*
 * cmd_claims.c - `parallax claims [--json] [--kind K] [--lang L] FILE...`:
 * print the claims extracted from each article (quantities, quotes,
 * attributions, entities, times), one a line with its original byte span.
 * --json prints JSON Lines, one claim a line (docs/claims.md).
 */
#include <getopt.h> /* getopt_long */
#include <string.h> /* strcmp */

#include "cli/cli.h"

static const char help[] =
    "usage: parallax claims [--json] [--kind KIND] [--lang LANG] [--db DB] "
    "FILE|ID...\n"
    "Extract the claims of each article: quantities (value, hedge, unit,\n"
    "counted thing), quotes (speaker, verb), attributions, entities, times.\n"
    "  --json        JSON Lines, one claim a line (docs/claims.md)\n"
    "  --kind KIND   only quantity|quote|attribution|entity|time\n"
    "  --lang LANG   language of the lexicon (default en)\n"
    "  --db DB       store for article ids (default $PARALLAX_DB\n             "
    "   or ./parallax.db)\n";

static void print_text(const px_claims *cs, const px_claim *c, const char *orig,
                       px_buf *out) {
    size_t ne;
    const px_entity *ent = px_claims_entities(cs, &ne);
    px_buf_printf(out, "%-11s %6zu-%-6zu %.*s", px_claim_kind_str(c->kind),
                  c->span.start, c->span.end,
                  (int)(c->span.end - c->span.start), orig + c->span.start);
    if (c->kind == PX_CLAIM_QUANTITY) {
        px_buf_printf(out, "  [value=%.10g", c->value);
        if (c->unit) px_buf_printf(out, " unit=%s", c->unit);
        if (c->hedge) px_buf_printf(out, " hedge=%s", px_hedge_str(c->hedge));
        if (c->thing) px_buf_printf(out, " thing=\"%s\"", c->thing);
        px_buf_putc(out, ']');
    }
    if (c->kind == PX_CLAIM_TIME) px_buf_printf(out, "  [%s]", c->norm);
    int32_t e = c->kind == PX_CLAIM_ENTITY ? c->entity : c->speaker;
    if (e >= 0 && (size_t)e < ne)
        px_buf_printf(out, "  [%s: %s%s%s]", px_entity_type_str(ent[e].type),
                      ent[e].name, ent[e].role ? ", " : "",
                      ent[e].role ? ent[e].role : "");
    if (c->kind == PX_CLAIM_QUOTE && c->scare) px_buf_puts(out, " (phrase)");
    if (c->attribution >= 0) {
        const px_claim *a = &px_claims_list(cs, &ne)[c->attribution];
        px_buf_printf(out, "  <- %.*s",
                      (int)(a->speaker_span.end - a->speaker_span.start),
                      orig + a->speaker_span.start);
    }
    px_buf_putc(out, '\n');
}

static int kind_of(const char *s) {
    for (int k = PX_CLAIM_QUANTITY; k <= PX_CLAIM_TIME; k++)
        if (!strcmp(s, px_claim_kind_str((px_claim_kind)k))) return k;
    return -1;
}

static void print_claims(const px_article *a, const px_claims *cs, int json,
                         int kind, px_buf *out) {
    size_t n;
    const px_claim *c = px_claims_list(cs, &n);
    for (size_t i = 0; i < n; i++) {
        if (kind > 0 && (int)c[i].kind != kind) continue;
        if (!json) {
            print_text(cs, &c[i], a->text, out);
            continue;
        }
        px_buf_puts(out, "{\"article\":");
        px_buf_json_str(out, a->id, strlen(a->id));
        px_buf_puts(out, ",\"claim\":");
        px_claim_to_json(cs, &c[i], a->text, a->text_len, out);
        px_buf_puts(out, "}\n");
    }
}

typedef struct args {
    int json, kind;
    const char *lang, *db;
} args;

/* 0 to go on, else an exit code + 1 (so PX_EXIT_OK is 1). */
static int parse(int argc, char **argv, args *a) {
    static const struct option opts[] = {{"json", no_argument, 0, 'j'},
                                         {"kind", required_argument, 0, 'k'},
                                         {"lang", required_argument, 0, 'l'},
                                         {"db", required_argument, 0, 'd'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    int c;
    optind = 1;
    while ((c = cli_getopt(argc, argv, "jk:l:d:h", opts)) != -1) {
        switch (c) {
        case 'j': a->json = 1; break;
        case 'k':
            if ((a->kind = kind_of(optarg)) < 0) {
                cli_err(argv[0], "unknown kind '%s'", optarg);
                return PX_EXIT_USAGE + 1;
            }
            break;
        case 'l': a->lang = optarg; break;
        case 'd': a->db = optarg; break;
        case 'h': fputs(help, stdout); return PX_EXIT_OK + 1;
        default: fputs(help, stderr); return PX_EXIT_USAGE + 1;
        }
    }
    return 0;
}

/* Extract and print one article's claims; 0 or 1 (failed). */
static int one_article(const char *cmd, const px_claimer *cl, const args *o,
                       const px_article *a, px_buf *out) {
    px_doc *d = NULL;
    px_claims *cs = NULL;
    px_doc_opts dopts = {0, a->title, a->outlet, NULL};
    px_result rc = px_doc_new(a->text, a->text_len, &dopts, &d);
    if (!rc) rc = px_claims_extract(cl, d, &cs);
    if (rc)
        cli_err(cmd, "%s: %s", a->origin, px_result_str(rc));
    else
        print_claims(a, cs, o->json, o->kind, out);
    cli_flush(out);
    px_claims_free(cs);
    px_doc_free(d);
    return rc != PX_OK;
}

int px_cmd_claims(int argc, char **argv) {
    args o = {0, 0, "en", NULL};
    int p = parse(argc, argv, &o);
    if (p) return p - 1;
    px_claimer *cl = px_claimer_new(o.lang);
    if (!cl) {
        cli_err(argv[0], "no claim lexicon for language '%s'", o.lang);
        return PX_EXIT_USAGE;
    }
    cli_input *in;
    if (cli_input_open(argv[0], argv + optind, argc - optind, o.db, &in)) {
        px_claimer_free(cl);
        return PX_EXIT_FAIL;
    }
    px_buf out = PX_BUF_INIT;
    px_article *a;
    int bad = 0;
    while ((a = cli_input_next(in))) {
        bad |= one_article(argv[0], cl, &o, a, &out);
        px_article_free(a);
    }
    px_buf_release(&out);
    int rc = cli_input_nerrors(in) || bad ? PX_EXIT_PARTIAL : PX_EXIT_OK;
    cli_input_free(in);
    px_claimer_free(cl);
    return rc;
}
