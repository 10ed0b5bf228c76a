/*
 * story_view.c - one story as text, JSON or HTML (see story_view.h).
 *
 * The story's rows come from the store (px_story_get, px_story_members,
 * px_story_edges) into a small in-memory model; each format is then one
 * straight pass over the model.
 */
#include <string.h>
#include <time.h> /* gmtime_r, strftime */

#include "cli/story_view.h"

typedef struct member {
    char *article, *same_as, *outlet, *title, *published;
} member;

typedef struct edge {
    char *from, *to;
    uint32_t words;
    double sim;
    int dir;
} edge;

typedef struct model {
    px_story_info info;
    member *m;
    size_t nm, am;
    edge *e;
    size_t ne, ae;
} model;

static int take_member(void *ud, const px_story_member *x) {
    model *md = ud;
    if (md->nm == md->am) {
        md->am = md->am ? 2 * md->am : 16;
        md->m = px_realloc(md->m, md->am * sizeof *md->m);
    }
    md->m[md->nm++] = (member){px_strdup(x->article), px_strdup(x->same_as),
                               px_strdup(x->outlet), px_strdup(x->title),
                               px_strdup(x->published)};
    return 0;
}

static int take_edge(void *ud, const px_story_edge *x) {
    model *md = ud;
    if (md->ne == md->ae) {
        md->ae = md->ae ? 2 * md->ae : 16;
        md->e = px_realloc(md->e, md->ae * sizeof *md->e);
    }
    md->e[md->ne++] = (edge){px_strdup(x->from), px_strdup(x->to), x->words,
                             x->similarity, x->dir};
    return 0;
}

static void model_release(model *md) {
    for (size_t i = 0; i < md->nm; i++) {
        member *m = &md->m[i];
        px_free(m->article);
        px_free(m->same_as);
        px_free(m->outlet);
        px_free(m->title);
        px_free(m->published);
    }
    for (size_t i = 0; i < md->ne; i++) {
        px_free(md->e[i].from);
        px_free(md->e[i].to);
    }
    px_free(md->m);
    px_free(md->e);
    px_free((char *)md->info.headline);
}

static px_result model_load(px_store *s, const char *id, model *md) {
    px_result rc = px_story_get(s, id, &md->info);
    if (!rc) rc = px_story_members(s, id, take_member, md);
    if (!rc) rc = px_story_edges(s, id, take_edge, md);
    return rc;
}

void story_time(int64_t ts, char buf[24]) {
    buf[0] = 0;
    if (ts == PX_TIME_NONE) return;
    time_t t = (time_t)ts;
    struct tm tm;
    if (gmtime_r(&t, &tm)) strftime(buf, 24, "%Y-%m-%d %H:%MZ", &tm);
}

static const char *nz(const char *s) { return s ? s : ""; }

/* ----------------------------------------------------------------- text */

static void view_text(const model *md, int color, px_buf *o) {
    char t0[24], t1[24];
    story_time(md->info.t_min, t0);
    story_time(md->info.t_max, t1);
    px_buf_printf(o, "%sstory %s%s  %s\n", color ? "\033[1m" : "",
                  md->info.id, color ? "\033[0m" : "", nz(md->info.headline));
    px_buf_printf(o, "%zu articles from %zu outlets", md->info.size,
                  md->info.outlets);
    if (*t0) px_buf_printf(o, ", %s .. %s", t0, t1);
    px_buf_puts(o, "\n\nsources\n");
    for (size_t i = 0; i < md->nm; i++) {
        const member *m = &md->m[i];
        px_buf_printf(o, "  %-24s %-20s %-20s %s", m->article, nz(m->outlet),
                      nz(m->published), nz(m->title));
        if (m->same_as) px_buf_printf(o, "  (copy of %s)", m->same_as);
        px_buf_putc(o, '\n');
    }
    px_buf_puts(o, "\ncopy graph (who took from whom)\n");
    if (!md->ne) px_buf_puts(o, "  no shared passages\n");
    for (size_t i = 0; i < md->ne; i++) {
        const edge *e = &md->e[i];
        px_buf_printf(o, "  %s %s %s  %u shared words, similarity %.2f%s\n",
                      e->from, e->dir ? "->" : "--", e->to, e->words, e->sim,
                      e->dir ? "" : " (order unknown)");
    }
}

/* ----------------------------------------------------------------- JSON */

static void json_kv(px_buf *o, const char *k, const char *v, int comma) {
    px_buf_printf(o, "%s\"%s\": ", comma ? ", " : "", k);
    if (v) px_buf_json_str(o, v, strlen(v));
    else px_buf_puts(o, "null");
}

static void json_time(px_buf *o, const char *k, int64_t ts) {
    if (ts == PX_TIME_NONE) px_buf_printf(o, ", \"%s\": null", k);
    else px_buf_printf(o, ", \"%s\": %lld", k, (long long)ts);
}

static void view_json(const model *md, px_buf *o) {
    px_buf_puts(o, "{");
    json_kv(o, "id", md->info.id, 0);
    json_kv(o, "headline", md->info.headline, 1);
    px_buf_printf(o, ", \"size\": %zu, \"outlets\": %zu", md->info.size,
                  md->info.outlets);
    json_time(o, "t_min", md->info.t_min);
    json_time(o, "t_max", md->info.t_max);
    px_buf_puts(o, ", \"articles\": [");
    for (size_t i = 0; i < md->nm; i++) {
        const member *m = &md->m[i];
        px_buf_puts(o, i ? ", {" : "{");
        json_kv(o, "id", m->article, 0);
        json_kv(o, "outlet", m->outlet, 1);
        json_kv(o, "title", m->title, 1);
        json_kv(o, "published", m->published, 1);
        json_kv(o, "copy_of", m->same_as, 1);
        px_buf_puts(o, "}");
    }
    px_buf_puts(o, "], \"copies\": [");
    for (size_t i = 0; i < md->ne; i++) {
        const edge *e = &md->e[i];
        px_buf_puts(o, i ? ", {" : "{");
        json_kv(o, "from", e->from, 0);
        json_kv(o, "to", e->to, 1);
        px_buf_printf(o, ", \"words\": %u, \"similarity\": %.4f, "
                         "\"direction\": \"%s\"}",
                      e->words, e->sim, e->dir ? "by_time" : "unknown");
    }
    px_buf_puts(o, "]}");
}

/* ----------------------------------------------------------------- HTML */

void story_html_head(px_buf *o, const char *title) {
    px_buf_puts(o, "<!doctype html>\n<html><head><meta charset=\"utf-8\">"
                   "<title>");
    px_buf_html(o, title, strlen(title));
    px_buf_puts(o, "</title><style>"
        "body{font:15px/1.45 system-ui,sans-serif;max-width:60em;margin:2em "
        "auto;padding:0 1em;color:#222}h1{font-size:1.4em}"
        "table{border-collapse:collapse;width:100%}td,th{text-align:left;"
        "padding:.25em .6em;border-bottom:1px solid #ddd;vertical-align:top}"
        ".meta{color:#666}.copy{color:#888}.arrow{font-weight:bold}"
        "</style></head><body>\n");
}

static void html_cell(px_buf *o, const char *s) {
    px_buf_puts(o, "<td>");
    if (s) px_buf_html(o, s, strlen(s));
    px_buf_puts(o, "</td>");
}

static void view_html(const model *md, px_buf *o) {
    story_html_head(o, md->info.headline ? md->info.headline : md->info.id);
    px_buf_puts(o, "<p><a href=\"index.html\">all stories</a></p><h1>");
    px_buf_html(o, nz(md->info.headline), strlen(nz(md->info.headline)));
    char t0[24], t1[24];
    story_time(md->info.t_min, t0);
    story_time(md->info.t_max, t1);
    px_buf_printf(o, "</h1><p class=\"meta\">story %s &middot; %zu articles "
                     "from %zu outlets %s%s%s</p>\n<h2>Sources</h2><table>"
                     "<tr><th>article</th><th>outlet</th><th>published</th>"
                     "<th>title</th></tr>\n",
                  md->info.id, md->info.size, md->info.outlets, t0,
                  *t0 ? " &ndash; " : "", t1);
    for (size_t i = 0; i < md->nm; i++) {
        const member *m = &md->m[i];
        px_buf_puts(o, m->same_as ? "<tr class=\"copy\">" : "<tr>");
        html_cell(o, m->article);
        html_cell(o, m->outlet);
        html_cell(o, m->published);
        html_cell(o, m->title);
        px_buf_puts(o, "</tr>\n");
    }
    px_buf_puts(o, "</table>\n<h2>Copy graph: who took from whom</h2>"
                   "<table><tr><th>from</th><th></th><th>to</th>"
                   "<th>shared words</th><th>similarity</th></tr>\n");
    for (size_t i = 0; i < md->ne; i++) {
        const edge *e = &md->e[i];
        px_buf_puts(o, "<tr>");
        html_cell(o, e->from);
        px_buf_printf(o, "<td class=\"arrow\">%s</td>",
                      e->dir ? "&rarr;" : "&harr;");
        html_cell(o, e->to);
        px_buf_printf(o, "<td>%u</td><td>%.2f</td></tr>\n", e->words, e->sim);
    }
    px_buf_puts(o, "</table>\n</body></html>\n");
}

px_result story_view(px_store *s, const char *id, story_fmt fmt, int color,
                     px_buf *out) {
    model md = {0};
    px_result rc = model_load(s, id, &md);
    if (!rc) {
        if (fmt == STORY_JSON) view_json(&md, out);
        else if (fmt == STORY_HTML) view_html(&md, out);
        else view_text(&md, color, out);
    }
    model_release(&md);
    return rc;
}
