/*
 * cmd_stories.c - `parallax stories [--db PATH] [--json] [--html DIR]
 * [--limit N]`: the stories in the store, largest first.
 *
 * --html writes DIR/index.html (the list, linking each story) and one
 * DIR/<story>.html per listed story; pages are self-contained (inline
 * style, no scripts or external assets).
 */
#include <getopt.h> /* getopt_long */
#include <stdlib.h> /* strtoul */
#include <string.h>

#include "cli/story_view.h"

static const char help[] =
    "usage: parallax stories [--db PATH] [--json] [--html DIR] [--limit N]\n"
    "List the stories of the store (after 'parallax run'), largest first:\n"
    "id, articles, outlets, time span, headline.\n"
    "  --db PATH    store file (default $PARALLAX_DB or ./parallax.db)\n"
    "  --json       one JSON object per story (schema in docs/run.md)\n"
    "  --html DIR   write DIR/index.html and one page per story (DIR and its\n"
    "               missing parents are created)\n"
    "  --limit N    at most N stories (default: all)\n";

typedef struct lister {
    const char *cmd;
    px_store *s;
    int json;
    const char *html;
    size_t limit, n;
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
    if (l->limit && l->n >= l->limit) return 1;
    l->n++;
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
    px_story_index_html(l->s, NULL, l->limit, &page);
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

static int parse(int argc, char **argv, lister *l, const char **db) {
    static const struct option opts[] = {{"db", required_argument, 0, 'd'},
                                         {"json", no_argument, 0, 'j'},
                                         {"html", required_argument, 0, 'H'},
                                         {"limit", required_argument, 0, 'n'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    int c;
    char *end;
    optind = 1;
    while ((c = cli_getopt(argc, argv, "d:jH:n:h", opts)) != -1) {
        switch (c) {
        case 'd': *db = optarg; break;
        case 'j': l->json = 1; break;
        case 'H': l->html = optarg; break;
        case 'n':
            l->limit = (size_t)strtoul(optarg, &end, 10);
            /* strtoul reads "-1" as ULONG_MAX: refuse the sign */
            if (*end || !l->limit || optarg[0] == '-') {
                cli_err(argv[0], "--limit: want a positive number");
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
    int rc = parse(argc, argv, &l, &db);
    if (rc) return rc < 0 ? PX_EXIT_OK : rc;
    l.s = cli_store_open(argv[0], db, 1);
    if (!l.s) return PX_EXIT_FAIL;
    px_result r = px_story_each(l.s, on_story, &l);
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
