/*
 * cmd_story.c - `parallax story [--db PATH] [--json] [--html DIR] ID`:
 * one story (by story id, or by the id of any of its articles): sources,
 * copy graph and claim comparison.
 */
#include <getopt.h> /* getopt_long */
#include <string.h>

#include <errno.h>    /* errno */
#include <sys/stat.h> /* mkdir */

#include "cli/story_view.h"

static const char help[] =
    "usage: parallax story [--db PATH] [--json] [--html DIR] ID\n"
    "Print one story: its sources, who took passages from whom, and how the\n"
    "sources differ claim by claim.  ID: a story id (from 'parallax\n"
    "stories') or the id of one of its articles.\n"
    "  --db PATH    store file (default $PARALLAX_DB or ./parallax.db)\n"
    "  --json       one JSON object (schema in docs/run.md)\n"
    "  --html DIR   write DIR/ID.html (self-contained; DIR and its missing\n"
    "               parents are created)\n";

int story_html_dir(const char *cmd, const char *dir) {
    px_buf path = PX_BUF_INIT;
    px_buf_puts(&path, dir);
    int rc = 0;
    /* each prefix ending before a '/', then the whole path (mkdir -p) */
    for (size_t i = 1; i <= path.len && !rc; i++) {
        if (i < path.len && path.data[i] != '/') continue;
        char c = path.data[i];
        path.data[i] = '\0';
        struct stat sb;
        if (mkdir(path.data, 0777) && errno != EEXIST) rc = -1;
        if (!rc && (stat(path.data, &sb) || !S_ISDIR(sb.st_mode))) {
            errno = ENOTDIR;
            rc = -1;
        }
        if (rc)
            cli_err(cmd, "%s: cannot create directory: %s", path.data,
                    strerror(errno));
        path.data[i] = c;
    }
    px_buf_release(&path);
    return rc;
}

int story_write_html(const char *cmd, px_store *s, const char *dir,
                     const char *id) {
    px_buf page = PX_BUF_INIT, path = PX_BUF_INIT;
    px_result rc = px_story_render(s, id, PX_STORY_HTML, 0, NULL, &page);
    px_buf_printf(&path, "%s/%s.html", dir, id);
    int nodir = !rc && story_html_dir(cmd, dir); /* reported */
    FILE *f = rc || nodir ? NULL : fopen(path.data, "wb");
    int ok = f && fwrite(page.data, 1, page.len, f) == page.len;
    if (f && fclose(f)) ok = 0;
    if (!ok && !nodir)
        cli_err(cmd, "%s: %s", path.data,
                rc ? px_result_str(rc) : "cannot write");
    px_buf_release(&page);
    px_buf_release(&path);
    return ok ? 0 : -1;
}

int px_cmd_story(int argc, char **argv) {
    static const struct option opts[] = {{"db", required_argument, 0, 'd'},
                                         {"json", no_argument, 0, 'j'},
                                         {"html", required_argument, 0, 'H'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    const char *db = NULL, *html = NULL;
    int json = 0, c;
    optind = 1;
    while ((c = cli_getopt(argc, argv, "d:jH:h", opts)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'j': json = 1; break;
        case 'H': html = optarg; break;
        case 'h': fputs(help, stdout); return PX_EXIT_OK;
        default: fputs(help, stderr); return PX_EXIT_USAGE;
        }
    }
    if (optind != argc - 1) {
        fputs(help, stderr);
        return PX_EXIT_USAGE;
    }
    px_store *s = cli_store_open(argv[0], db, 1);
    if (!s) return PX_EXIT_FAIL;
    char sid[PX_CLUSTER_ID_LEN];
    const char *id = argv[optind];
    if (!px_story_of(s, id, sid)) id = sid; /* an article's id */
    int rc = PX_EXIT_OK;
    if (html) {
        rc = story_write_html(argv[0], s, html, id) ? PX_EXIT_FAIL : PX_EXIT_OK;
    } else {
        px_buf out = PX_BUF_INIT;
        px_result r =
            px_story_render(s, id, json ? PX_STORY_JSON : PX_STORY_TEXT,
                            cli_isatty(stdout), NULL, &out);
        if (json) px_buf_putc(&out, '\n');
        if (r == PX_ERR_NOTFOUND) {
            cli_err(argv[0],
                    "%s: no such story or article in a story "
                    "(run 'parallax run' first)",
                    id);
            rc = PX_EXIT_FAIL;
        } else if (r) {
            cli_err(argv[0], "%s: %s", id, px_result_str(r));
            rc = PX_EXIT_FAIL;
        } else {
            cli_flush(&out);
        }
        px_buf_release(&out);
    }
    px_store_close(s);
    return rc;
}
