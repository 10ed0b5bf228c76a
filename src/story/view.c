/*
 * view.c - stories as text, JSON or HTML (see parallax/story_view.h).
 *
 * The story's rows come from the store (px_story_get, px_story_members,
 * px_story_edges) into a small in-memory model; each format is then one
 * straight pass over the model.  The claim comparison is the one stored by
 * `parallax run` (parallax/story_analysis.h) when it is fresh, else it is
 * computed here with the same bounds (px_story_result_compute); both give
 * the same px_story_result, so stored and computed stories print alike.  The
 * index page is one pass over px_story_each with the caller's filter.
 * Links are built from px_story_links so the same pages serve a static
 * site and the HTTP server.
 */
#include <string.h>
#include <time.h> /* gmtime_r, strftime */

#include "core/array.h"
#include "parallax/story_view.h"
#include "story/story_int.h"

typedef struct member {
    char *article, *same_as, *outlet, *title, *published;
} member;

typedef struct edge {
    char *from, *to;
    uint32_t words;
    double sim;
    int dir;
} edge;

typedef struct merge {
    char *from; /* the story merged into this one */
    char *by;   /* the article that made it (see px_story_merge_fn) */
    int settled;
} merge;

typedef struct model {
    px_story_info info;
    px_story_result res; /* the comparison: stored when fresh, else computed */
    member *m;
    size_t nm, am;
    edge *e;
    size_t ne, ae;
    merge *merged;
    size_t nmerged, amerged;
} model;

static int take_member(void *ud, const px_story_member *x) {
    model *md = ud;
    md->m = px_array_grow(md->m, &md->am, md->nm + 1, 16, sizeof *md->m);
    md->m[md->nm++] = (member){px_strdup(x->article), px_strdup(x->same_as),
                               px_strdup(x->outlet), px_strdup(x->title),
                               px_strdup(x->published)};
    return 0;
}

static int take_edge(void *ud, const px_story_edge *x) {
    model *md = ud;
    md->e = px_array_grow(md->e, &md->ae, md->ne + 1, 16, sizeof *md->e);
    md->e[md->ne++] = (edge){px_strdup(x->from), px_strdup(x->to), x->words,
                             x->similarity, x->dir};
    return 0;
}

static int take_merge(void *ud, const char *from, const char *into,
                      const char *by, int settled) {
    model *md = ud;
    if (strcmp(into, md->info.id)) return 0;
    md->merged = px_array_grow(md->merged, &md->amerged, md->nmerged + 1, 4,
                               sizeof *md->merged);
    md->merged[md->nmerged++] =
        (merge){px_strdup(from), px_strdup(by), settled};
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
    px_story_result_release(&md->res);
    for (size_t i = 0; i < md->nmerged; i++) {
        px_free(md->merged[i].from);
        px_free(md->merged[i].by);
    }
    px_free(md->merged);
    px_free((char *)md->info.headline);
}

/* The comparison: stored when fresh, else computed now (not stored: a
 * view never writes) without learned boilerplate (learning reads every
 * stored article; `parallax run` does it once for all stories). */
static px_result model_compare(px_store *s, model *md) {
    /* absent, stale, or a store from before the analysis tables */
    if (!px_story_result_load(s, md->info.id, &md->res)) return PX_OK;
    px_story_result_release(&md->res);
    return px_story_result_compute(s, md->info.id, NULL, &md->res);
}

static px_result model_load(px_store *s, const char *id, model *md) {
    px_result rc = px_story_get(s, id, &md->info);
    if (!rc) rc = px_story_members(s, id, take_member, md);
    if (!rc) rc = px_story_edges(s, id, take_edge, md);
    if (!rc) rc = px_story_merges(s, take_merge, md);
    if (!rc) {
        px_result c = model_compare(s, md);
        if (c) md->res.rc = c;
    }
    return rc;
}

void px_story_time(int64_t ts, char buf[24]) {
    buf[0] = 0;
    if (ts == PX_TIME_NONE) return;
    time_t t = (time_t)ts;
    struct tm tm;
    if (gmtime_r(&t, &tm)) strftime(buf, 24, "%Y-%m-%d %H:%MZ", &tm);
}

static const char *nz(const char *s) {
    return s ? s : "";
}

/* The plural ending of a count's noun. */
static const char *plural(size_t n) {
    return n == 1 ? "" : "s";
}

/* The text view lists at most TEXT_ROWS sources and copy-graph edges: a
 * story of 10,000 wire copies would print 20,000 lines.  --json and the
 * HTML page list them all. */
#define TEXT_ROWS 100

static void more_rows(px_buf *o, size_t n, const char *what) {
    if (n > TEXT_ROWS)
        px_buf_printf(o, "  ... and %zu more %s (--json or --html lists all)\n",
                      n - TEXT_ROWS, what);
}

/* "N articles from M outlets"; a corpus without outlet fields (nor wire
 * credits) says so instead of "from 0 outlets". */
static void size_phrase(const px_story_info *in, px_buf *o) {
    px_buf_printf(o, "%zu article%s", in->size, plural(in->size));
    if (in->outlets)
        px_buf_printf(o, " from %zu outlet%s", in->outlets,
                      plural(in->outlets));
    else
        px_buf_puts(o, ", no outlet named");
}

/* ----------------------------------------------------------------- text */

/* One line per source: id, outlet, time, title.  Each of the first three
 * columns is as wide as its longest listed value, up to a cap (longer
 * values overflow it); a column no source has (outlets and times of a
 * scraped corpus) is left out, not padded. */
static void text_sources(const model *md, px_buf *o) {
    static const size_t cap[3] = {24, 20, 25};
    size_t w[3] = {0, 0, 0};
    for (size_t i = 0; i < md->nm && i < TEXT_ROWS; i++) {
        const char *v[3] = {md->m[i].article, md->m[i].outlet,
                            md->m[i].published};
        for (int c = 0; c < 3; c++) {
            size_t n = v[c] ? strlen(v[c]) : 0;
            if (n > w[c]) w[c] = n < cap[c] ? n : cap[c];
        }
    }
    for (size_t i = 0; i < md->nm && i < TEXT_ROWS; i++) {
        const member *m = &md->m[i];
        px_buf_printf(o, "  %-*s", (int)w[0], m->article);
        if (w[1]) px_buf_printf(o, " %-*s", (int)w[1], nz(m->outlet));
        if (w[2]) px_buf_printf(o, " %-*s", (int)w[2], nz(m->published));
        px_buf_printf(o, " %s", nz(m->title));
        if (m->same_as) px_buf_printf(o, "  (copy of %s)", m->same_as);
        px_buf_putc(o, '\n');
    }
    more_rows(o, md->nm, "sources");
}

static void view_text(const model *md, int color, px_buf *o) {
    char t0[24], t1[24];
    px_story_time(md->info.t_min, t0);
    px_story_time(md->info.t_max, t1);
    px_buf_printf(o, "%sstory %s%s  %s\n", color ? "\033[1m" : "", md->info.id,
                  color ? "\033[0m" : "", nz(md->info.headline));
    size_phrase(&md->info, o);
    if (*t0) px_buf_printf(o, ", %s .. %s", t0, t1);
    for (size_t i = 0; i < md->nmerged; i++) {
        const merge *g = &md->merged[i];
        px_buf_printf(o,
                      g->settled ? "\nmerged story %s into it (settling; "
                                   "its first article: %s)"
                                 : "\nmerged story %s into it (when %s joined)",
                      g->from, g->by);
    }
    px_buf_puts(o, "\n\nsources\n");
    text_sources(md, o);
    px_buf_puts(o, "\ncopy graph (who took from whom)\n");
    if (!md->ne) px_buf_puts(o, "  no shared passages\n");
    for (size_t i = 0; i < md->ne && i < TEXT_ROWS; i++) {
        const edge *e = &md->e[i];
        px_buf_printf(o, "  %s %s %s  %u shared words, similarity %.2f%s\n",
                      e->from, e->dir ? "->" : "--", e->to, e->words, e->sim,
                      e->dir ? "" : " (order unknown)");
    }
    more_rows(o, md->ne, "edges");
    px_buf_printf(o, "\nclaims (%zu source%s compared)\n", md->res.nsrc,
                  plural(md->res.nsrc));
    const char *cmp = color ? md->res.text_color : md->res.text;
    if (cmp)
        px_buf_puts(o, cmp);
    else if (md->res.rc)
        px_buf_printf(o, "  comparison failed: %s\n",
                      px_result_str(md->res.rc));
    else
        px_buf_puts(o, "  one source: nothing to compare\n");
}

/* ----------------------------------------------------------------- JSON */

static void json_kv(px_buf *o, const char *k, const char *v, int comma) {
    px_buf_printf(o, "%s\"%s\": ", comma ? ", " : "", k);
    if (v)
        px_buf_json_str(o, v, strlen(v));
    else
        px_buf_puts(o, "null");
}

static void json_time(px_buf *o, const char *k, int64_t ts) {
    if (ts == PX_TIME_NONE)
        px_buf_printf(o, ", \"%s\": null", k);
    else
        px_buf_printf(o, ", \"%s\": %lld", k, (long long)ts);
}

static void view_json(const model *md, px_buf *o) {
    px_buf_puts(o, "{");
    json_kv(o, "id", md->info.id, 0);
    json_kv(o, "headline", md->info.headline, 1);
    px_buf_printf(o, ", \"size\": %zu, \"outlets\": %zu", md->info.size,
                  md->info.outlets);
    json_time(o, "t_min", md->info.t_min);
    json_time(o, "t_max", md->info.t_max);
    px_buf_puts(o, ", \"merged\": [");
    for (size_t i = 0; i < md->nmerged; i++) {
        px_buf_puts(o, i ? ", {" : "{");
        json_kv(o, "story", md->merged[i].from, 0);
        json_kv(o, "by", md->merged[i].by, 1);
        px_buf_printf(o, ", \"settled\": %s}",
                      md->merged[i].settled ? "true" : "false");
    }
    px_buf_puts(o, "]");
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
        px_buf_printf(o,
                      ", \"words\": %u, \"similarity\": %.4f, "
                      "\"direction\": \"%s\"}",
                      e->words, e->sim, e->dir ? "by_time" : "unknown");
    }
    px_buf_puts(o, "], \"comparison\": ");
    px_buf_puts(o, md->res.json ? md->res.json : "null");
    if (md->res.rc)
        px_buf_printf(o, ", \"comparison_error\": \"%s\"",
                      px_result_str(md->res.rc));
    px_buf_puts(o, "}");
}

/* ----------------------------------------------------------------- HTML */

void px_story_links_files(px_story_links *l) {
    *l = (px_story_links){"index.html", "", ".html", NULL, NULL};
}

static const px_story_links *links_or_files(const px_story_links *l,
                                            px_story_links *files) {
    if (l) return l;
    px_story_links_files(files);
    return files;
}

/* Percent-encode every byte outside the URL-unreserved set. */
static void url_id(px_buf *o, const char *id) {
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
            (*p >= '0' && *p <= '9') || strchr("-._~", *p))
            px_buf_putc(o, (char)*p);
        else
            px_buf_printf(o, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
    }
}

/* Open a link: <a href="pre ID suf (the caller closes the quote). */
static void href_open(px_buf *o, const char *pre, const char *id,
                      const char *suf) {
    px_buf_puts(o, "<a href=\"");
    px_buf_html(o, pre, strlen(pre));
    url_id(o, id);
    if (suf) px_buf_html(o, suf, strlen(suf));
}

/* <a href="pre ID suf">text</a>; just the text when pre is NULL. */
static void html_link(px_buf *o, const char *pre, const char *id,
                      const char *suf, const char *text) {
    if (pre) {
        href_open(o, pre, id, suf);
        px_buf_puts(o, "\">");
    }
    px_buf_html(o, text, strlen(text));
    if (pre) px_buf_puts(o, "</a>");
}

static void html_head(px_buf *o, const char *title) {
    px_buf_puts(o, "<!doctype html>\n<html><head><meta charset=\"utf-8\">"
                   "<title>");
    px_buf_html(o, title, strlen(title));
    px_buf_puts(
        o, "</title><style>"
           "body{font:15px/1.45 system-ui,sans-serif;max-width:60em;margin:2em "
           "auto;padding:0 1em;color:#222}h1{font-size:1.4em}"
           "table{border-collapse:collapse;width:100%}td,th{text-align:left;"
           "padding:.25em .6em;border-bottom:1px solid #ddd;vertical-align:top}"
           ".meta{color:#666}.copy{color:#888}.arrow{font-weight:bold}"
           "</style></head><body>\n");
}

/* Table cells with the texts s[0..n), escaped (NULL: an empty cell). */
static void html_cells(px_buf *o, const char *const *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        px_buf_puts(o, "<td>");
        if (s[i]) px_buf_html(o, s[i], strlen(s[i]));
        px_buf_puts(o, "</td>");
    }
}

static void html_cell(px_buf *o, const char *s) {
    html_cells(o, &s, 1);
}

/* The findings of the comparison: type, kind, what it says, sources. */
static void html_findings(const model *md, px_buf *o) {
    px_buf_printf(o,
                  "<h2>Claims: how the sources differ</h2><p class=\"meta\">"
                  "%zu sources compared</p>\n",
                  md->res.nsrc);
    if (!md->res.nf) {
        px_buf_printf(o, "<p>%s</p>\n",
                      md->res.rc ? px_result_str(md->res.rc) : "No findings.");
        return;
    }
    px_buf_puts(o, "<table><tr><th>finding</th><th>kind</th><th>what</th>"
                   "<th>sources</th></tr>\n");
    for (size_t i = 0; i < md->res.nf; i++) {
        const px_story_finding *f = &md->res.f[i];
        const char *row[] = {f->type, f->kind, f->summary, f->articles};
        px_buf_puts(o, "<tr>");
        html_cells(o, row, 4);
        px_buf_puts(o, "</tr>\n");
    }
    px_buf_puts(o, "</table>\n");
}

static void html_sources(const model *md, const px_story_links *l, px_buf *o) {
    px_buf_puts(o, "<h2>Sources</h2><table><tr><th>article</th><th>outlet"
                   "</th><th>published</th><th>title</th></tr>\n");
    for (size_t i = 0; i < md->nm; i++) {
        const member *m = &md->m[i];
        px_buf_puts(o, m->same_as ? "<tr class=\"copy\"><td>" : "<tr><td>");
        html_link(o, m->same_as ? NULL : l->article_pre, m->article, NULL,
                  m->article);
        const char *rest[] = {m->outlet, m->published, m->title};
        px_buf_puts(o, "</td>");
        html_cells(o, rest, 3);
        px_buf_puts(o, "</tr>\n");
    }
    px_buf_puts(o, "</table>\n");
}

static void html_copies(const model *md, const px_story_links *l, px_buf *o) {
    px_buf_printf(o,
                  "<h2>Copy graph: who took from whom</h2><table><tr>"
                  "<th>from</th><th></th><th>to</th><th>shared words</th>"
                  "<th>similarity</th>%s</tr>\n",
                  l->compare_pre ? "<th></th>" : "");
    for (size_t i = 0; i < md->ne; i++) {
        const edge *e = &md->e[i];
        px_buf_puts(o, "<tr>");
        html_cell(o, e->from);
        px_buf_printf(o, "<td class=\"arrow\">%s</td>",
                      e->dir ? "&rarr;" : "&harr;");
        html_cell(o, e->to);
        px_buf_printf(o, "<td>%u</td><td>%.2f</td>", e->words, e->sim);
        if (l->compare_pre) {
            px_buf_puts(o, "<td>");
            href_open(o, l->compare_pre, e->from, "&b=");
            url_id(o, e->to);
            px_buf_puts(o, "\">compare</a></td>");
        }
        px_buf_puts(o, "</tr>\n");
    }
    px_buf_puts(o, "</table>\n");
}

static void view_html(const model *md, const px_story_links *l, px_buf *o) {
    html_head(o, md->info.headline ? md->info.headline : md->info.id);
    px_buf_puts(o, "<p>");
    html_link(o, l->index, "", NULL, "all stories");
    px_buf_puts(o, "</p><h1>");
    px_buf_html(o, nz(md->info.headline), strlen(nz(md->info.headline)));
    char t0[24], t1[24];
    px_story_time(md->info.t_min, t0);
    px_story_time(md->info.t_max, t1);
    px_buf_printf(o, "</h1><p class=\"meta\">story %s &middot; ", md->info.id);
    size_phrase(&md->info, o);
    px_buf_printf(o, " %s%s%s</p>\n", t0, *t0 ? " &ndash; " : "", t1);
    html_sources(md, l, o);
    html_copies(md, l, o);
    html_findings(md, o);
    px_buf_puts(o, "</body></html>\n");
}

px_result px_story_render(px_store *s, const char *id, px_story_fmt fmt,
                          int color, const px_story_links *links, px_buf *out) {
    model md = {0};
    px_story_links files;
    px_result rc = model_load(s, id, &md);
    if (!rc) {
        if (fmt == PX_STORY_JSON)
            view_json(&md, out);
        else if (fmt == PX_STORY_HTML)
            view_html(&md, links_or_files(links, &files), out);
        else
            view_text(&md, color, out);
    }
    model_release(&md);
    return rc;
}

/* ---------------------------------------------------------------- index */

void px_story_info_to_json(const px_story_info *st, px_buf *o) {
    px_buf_printf(o, "{\"id\": \"%s\", \"size\": %zu, \"outlets\": %zu", st->id,
                  st->size, st->outlets);
    json_time(o, "t_min", st->t_min);
    json_time(o, "t_max", st->t_max);
    json_kv(o, "headline", st->headline, 1);
    px_buf_puts(o, "}");
}

typedef struct index_ctx {
    const px_story_links *links;
    px_buf *out;
} index_ctx;

static int index_row(void *ud, const px_story_info *st) {
    index_ctx *x = ud;
    char t0[24];
    px_story_time(st->t_min, t0);
    px_buf_puts(x->out, "<tr><td>");
    html_link(x->out, x->links->story_pre, st->id, x->links->story_suf,
              st->headline ? st->headline : st->id);
    px_buf_printf(x->out, "</td><td>%zu</td><td>%zu</td><td>%s</td></tr>\n",
                  st->size, st->outlets, t0);
    return 0;
}

px_result px_story_index_html(px_store *s, const px_story_links *links,
                              const px_story_filter *f, px_buf *out) {
    px_story_links files;
    index_ctx x = {links_or_files(links, &files), out};
    html_head(out, "parallax stories");
    px_buf_puts(out, "<h1>Stories</h1><table><tr><th>headline</th>"
                     "<th>articles</th><th>outlets</th><th>first "
                     "published</th></tr>\n");
    px_result rc = px_story_each(s, f, index_row, &x);
    px_buf_puts(out, "</table></body></html>\n");
    return rc;
}
