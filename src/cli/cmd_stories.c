/*
 * cmd_stories.c - `parallax stories [--db PATH] [--json] [--html DIR]
 * [--limit N] [--min-size N] [--min-outlets N] [--since TIME]
 * [--until TIME] [--sort size|outlets|recent]`: the stories in the store,
 * largest first by default.
 *
 * The filter options fill one px_story_filter (parallax/story.h) through
 * px_story_filter_set, which checks the values as `parallax serve` checks
 * its parameters; the filtering and ordering are done by the store's
 * query.  --html writes DIR/index.html (the list, linking each story) and
 * one DIR/<story>.html per listed story; pages are self-contained (inline
 * style, no scripts or external assets).
 */
#include <getopt.h> /* getopt_long */
#include <string.h>
#include <time.h> /* time */

#include "cli/story_view.h"

static const char help[] =
    "usage: parallax stories [--db PATH] [--json] [--html DIR] [--limit N]\n"
    "                        [--min-size N] [--min-outlets N] [--since TIME]\n"
    "                        [--until TIME] [--sort size|outlets|recent]\n"
    "List the stories of the store (after 'parallax run'), largest first by\n"
    "default: id, articles, outlets, time span, headline.\n"
    "  --db PATH         store file (default $PARALLAX_DB or ./parallax.db)\n"
    "  --json            one JSON object per story (schema in docs/run.md)\n"
    "  --html DIR        write DIR/index.html and one page per story (DIR\n"
    "                    and its missing parents are created)\n"
    "  --limit N         at most N stories (default: all)\n"
    "  --min-size N      only stories of at least N articles (copies count)\n"
    "  --min-outlets N   only stories carried by at least N outlets\n"
    "  --since TIME      only stories whose time span reaches TIME or later\n"
    "  --until TIME      only stories whose time span starts by TIME\n"
    "                    TIME: 2025-03-04 (until: the end of that day),\n"
    "                    2025-03-04T09:00Z, or back from now: 90m 24h 7d 2w;\n"
    "                    with --since/--until, stories without times are out\n"
    "  --sort KEY        size (default), outlets or recent (last published)\n";

typedef struct lister {
    const char *cmd;
    px_store *s;
    int json;
    const char *html;
    px_story_filter filter;
    px_buf out;
    char **ids; /* --html: stories to write */
    size_t nids, aids;
} lister;

static void list_text(lister *l, const px_story_info *st) {
    char t0[24], t1[24];
    px_story_time(st->t_min, t0);
    px_story_time(st->t_max, t1);
    px_buf_printf(&l->out, "%s  %5zu  %4zu  %-17s  %-17s  %s\n", st->id,
                  st->size, st->outlets, *t0 ? t0 : "-", *t1 ? t1 : "-",
                  st->headline ? st->headline : "");
}

static void list_json(lister *l, const px_story_info *st) {
    px_story_info_to_json(st, &l->out);
    px_buf_putc(&l->out, '\n');
}

/* --html: remember the story; its page is written after the index. */
static void list_html(lister *l, const px_story_info *st) {
    if (l->nids == l->aids) {
        l->aids = l->aids ? 2 * l->aids : 64;
        l->ids = px_realloc(l->ids, l->aids * sizeof *l->ids);
    }
    l->ids[l->nids++] = px_strdup(st->id);
}

static int on_story(void *ud, const px_story_info *st) {
    lister *l = ud;
    if (l->html)
        list_html(l, st);
    else if (l->json)
        list_json(l, st);
    else
        list_text(l, st);
    if (!l->html && l->out.len > 65536) cli_flush(&l->out);
    return 0;
}

/* index.html, then every listed story's page. */
static int write_site(lister *l) {
    if (story_html_dir(l->cmd, l->html)) return -1;
    px_buf page = PX_BUF_INIT, path = PX_BUF_INIT;
    px_story_index_html(l->s, NULL, &l->filter, &page);
    px_buf_printf(&path, "%s/index.html", l->html);
    FILE *f = fopen(path.data, "wb");
    int bad = !f || fwrite(page.data, 1, page.len, f) != page.len;
    if (f && fclose(f)) bad = 1;
    if (bad) cli_err(l->cmd, "%s: cannot write", path.data);
    for (size_t i = 0; i < l->nids && !bad; i++)
        bad = story_write_html(l->cmd, l->s, l->html, l->ids[i]) != 0;
    px_buf_release(&page);
    px_buf_release(&path);
    return bad ? -1 : 0;
}

/* The long name of option c ("" if none). */
static const char *opt_name(const struct option *o, int c) {
    for (; o->name; o++)
        if (o->val == c) return o->name;
    return "";
}

static int parse(int argc, char **argv, lister *l, const char **db) {
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'},
        {"json", no_argument, 0, 'j'},
        {"html", required_argument, 0, 'H'},
        {"limit", required_argument, 0, 'n'},
        {"min-size", required_argument, 0, 'S'},
        {"min-outlets", required_argument, 0, 'O'},
        {"since", required_argument, 0, 's'},
        {"until", required_argument, 0, 'u'},
        {"sort", required_argument, 0, 'o'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int c;
    const char *why;
    int64_t now = (int64_t)time(NULL);
    optind = 1;
    while ((c = cli_getopt(argc, argv, "d:jH:n:S:O:s:u:o:h", opts)) != -1) {
        const char *name = opt_name(opts, c);
        switch (c) {
        case 'd': *db = optarg; break;
        case 'j': l->json = 1; break;
        case 'H': l->html = optarg; break;
        case 'n':
        case 'S':
        case 'O':
        case 's':
        case 'u':
        case 'o':
            if (px_story_filter_set(&l->filter, name, optarg, now, &why)) {
                cli_err(argv[0], "--%s: %s", name, why);
                return PX_EXIT_USAGE;
            }
            break;
        case 'h': fputs(help, stdout); return -1;
        default: fputs(help, stderr); return PX_EXIT_USAGE;
        }
    }
    if (optind != argc) {
        fputs(help, stderr);
        return PX_EXIT_USAGE;
    }
    return 0;
}

int px_cmd_stories(int argc, char **argv) {
    lister l = {.cmd = argv[0], .out = PX_BUF_INIT};
    const char *db = NULL;
    px_story_filter_default(&l.filter);
    int rc = parse(argc, argv, &l, &db);
    if (rc) return rc < 0 ? PX_EXIT_OK : rc;
    l.s = cli_store_open(argv[0], db, 1);
    if (!l.s) return PX_EXIT_FAIL;
    px_result r = px_story_each(l.s, &l.filter, on_story, &l);
    if (r) {
        cli_err(argv[0],
                "no stories in this store (run 'parallax run' "
                "first): %s",
                px_result_str(r));
        rc = PX_EXIT_FAIL;
    } else if (l.html) {
        rc = write_site(&l) ? PX_EXIT_FAIL : PX_EXIT_OK;
    } else {
        cli_flush(&l.out);
    }
    for (size_t i = 0; i < l.nids; i++) px_free(l.ids[i]);
    px_free(l.ids);
    px_buf_release(&l.out);
    px_store_close(l.s);
    return rc;
}
