/*
 * report.c - the views of a comparison: JSON (docs/compare.md), a terminal
 * report grouped by finding type, and the alignment HTML page of the first
 * two sources with a findings panel.
 *
 * HTML: each evidence span becomes an alignment-page mark of class
 * "f<N>" (rendered "mk-f<N>"); clicking finding N in the panel toggles the
 * "hl" class on every piece of its evidence, in both columns, and scrolls
 * to the first.  Only summaries and article text reach the page, escaped.
 */
#include <stdio.h>  /* snprintf */
#include <string.h> /* strlen */

#include "compare/compare_int.h"

static const char *art_field(const px_csrc *s, const char *key) {
    const px_article *a = s->art;
    const char *v = NULL;
    if (a && !strcmp(key, "id")) v = a->id;
    if (a && !strcmp(key, "title")) v = a->title;
    if (a && !strcmp(key, "outlet")) v = a->outlet;
    if (a && !strcmp(key, "wire")) v = a->wire;
    return v ? v : px_doc_meta(s->doc, key);
}

static void json_id(const px_compare *c, size_t i, px_buf *b) {
    const char *id = art_field(&c->src[i], "id");
    if (id)
        px_buf_json_str(b, id, strlen(id));
    else
        px_buf_printf(b, "%zu", i);
}

/* "sides":[{"articles":[ids],"index":[i...]}, ...] */
static void json_sides(const px_compare *c, const px_finding *f, px_buf *b) {
    px_buf_puts(b, ",\"sides\":[");
    for (int s = 0; s < 2; s++) {
        px_buf_puts(b, s ? ",{\"articles\":[" : "{\"articles\":[");
        const char *sep = "";
        for (size_t i = 0; i < c->nsrc; i++)
            if (f->sides[s] >> i & 1) {
                px_buf_puts(b, sep);
                json_id(c, i, b);
                sep = ",";
            }
        px_buf_puts(b, "],\"index\":[");
        sep = "";
        for (size_t i = 0; i < c->nsrc; i++)
            if (f->sides[s] >> i & 1) {
                px_buf_printf(b, "%s%zu", sep, i);
                sep = ",";
            }
        px_buf_puts(b, "]}");
    }
    px_buf_printf(b, "],\"pairs\":%u", f->pairs);
}

static int ev_side(const px_finding *f, size_t article) {
    return f->sides[0] >> article & 1 ? 0 : f->sides[1] >> article & 1 ? 1 : -1;
}

px_result px_compare_to_json(const px_compare *c, px_buf *b) {
    px_buf_puts(b, "{\"articles\":[");
    for (size_t i = 0; i < c->nsrc; i++) {
        px_buf_puts(b, i ? ",{\"id\":" : "{\"id\":");
        json_id(c, i, b);
        px_buf_json_field(b, "title", art_field(&c->src[i], "title"), 0);
        px_buf_json_field(b, "outlet", art_field(&c->src[i], "outlet"), 0);
        px_buf_json_field(b, "wire", art_field(&c->src[i], "wire"), 0);
        px_buf_putc(b, '}');
    }
    px_buf_puts(b, "],\"findings\":[");
    for (size_t i = 0; i < c->nf; i++) {
        const px_finding *f = &c->f[i];
        px_buf_printf(
            b, "%s{\"type\":\"%s\",\"kind\":\"%s\",\"summary\":", i ? "," : "",
            px_finding_type_str(f->type), px_finding_kind_str(f->kind));
        px_buf_json_str(b, f->summary, strlen(f->summary));
        json_sides(c, f, b);
        px_buf_puts(b, ",\"evidence\":[");
        for (size_t e = 0; e < f->nev; e++) {
            const px_csrc *s = &c->src[f->ev[e].article];
            px_span sp = f->ev[e].span;
            px_buf_puts(b, e ? ",{\"article\":" : "{\"article\":");
            json_id(c, f->ev[e].article, b);
            px_buf_printf(b, ",\"index\":%zu,\"span\":[%zu,%zu],\"text\":",
                          f->ev[e].article, sp.start, sp.end);
            px_buf_json_str(b, s->orig + sp.start, sp.end - sp.start);
            int side = ev_side(f, f->ev[e].article);
            if (side < 0)
                px_buf_puts(b, ",\"side\":null}");
            else
                px_buf_printf(b, ",\"side\":%d}", side);
        }
        px_buf_puts(b, "]}");
    }
    return px_buf_puts(b, "]}");
}

/* ------------------------------------------------------------------ text */

/* "      [1] 1575-1623  more than 115,000 square kilometers ..." */
static void ev_line(const px_compare *c, const px_finding_ev *ev, px_buf *b) {
    const char *o = c->src[ev->article].orig;
    size_t s = ev->span.start, n = ev->span.end - s, cut = n > 90 ? 90 : n;
    while (cut < n && cut > 0 && ((unsigned char)o[s + cut] & 0xC0) == 0x80)
        cut--;
    px_buf_printf(b, "      [%zu] %zu-%zu  ", ev->article, s, ev->span.end);
    size_t from = b->len;
    px_buf_append(b, o + s, cut);
    for (size_t k = from; k < b->len; k++)
        if (b->data[k] == '\n' || b->data[k] == '\t') b->data[k] = ' ';
    px_buf_puts(b, cut < n ? "...\n" : "\n");
}

px_result px_compare_to_text(const px_compare *c, int color, px_buf *b) {
    const char *bold = color ? "\033[1m" : "", *off = color ? "\033[0m" : "";
    for (size_t i = 0; i < c->nsrc; i++) {
        const char *id = art_field(&c->src[i], "id");
        const char *outlet = art_field(&c->src[i], "outlet");
        if (!outlet) outlet = art_field(&c->src[i], "wire");
        px_buf_printf(b, "[%zu] %s%s%s%s\n", i, id ? id : "(no id)",
                      outlet ? " (" : "", outlet ? outlet : "",
                      outlet ? ")" : "");
    }
    for (size_t i = 0; i < c->nf;) {
        size_t j = i;
        while (j < c->nf && c->f[j].type == c->f[i].type) j++;
        px_buf_printf(b, "\n%s%s (%zu)%s\n", bold,
                      px_finding_type_str(c->f[i].type), j - i, off);
        for (size_t k = i; k < j; k++) {
            const px_finding *f = &c->f[k];
            px_buf_printf(b, "  - %s: %s\n", px_finding_kind_str(f->kind),
                          f->summary);
            for (size_t e = 0; e < f->nev; e++) ev_line(c, &f->ev[e], b);
        }
        i = j;
    }
    if (!c->nf) px_buf_puts(b, "\nno findings\n");
    return PX_OK;
}

/* ------------------------------------------------------------------ HTML */

static const char panel_css[] =
    ".findings{list-style:none;padding:0;margin:0}"
    ".findings li{cursor:pointer;padding:2px 4px;border-left:4px solid #ccc}"
    ".findings li:hover{background:#eef}"
    ".findings .t-differs,.findings .t-attribution_changed,"
    ".findings .t-quote_changed{border-color:#c00}"
    ".findings .t-rounded,.findings .t-wording{border-color:#e90}"
    ".findings .t-only_in{border-color:#06c}"
    ".findings .t-same{border-color:#090}"
    ".findings b{font-variant:small-caps;margin-right:.5em}"
    ".hl{background:#ff0 !important;outline:2px solid #e90}";

static const char panel_js[] =
    "<script>document.querySelectorAll('.findings li').forEach(function(li){"
    "li.addEventListener('click',function(){var c='mk-f'+li.dataset.f;"
    "document.querySelectorAll('.hl').forEach(function(e){"
    "e.classList.remove('hl')});var first=null;"
    "document.querySelectorAll('.'+c).forEach(function(e){"
    "e.classList.add('hl');if(!first)first=e});"
    "if(first)first.scrollIntoView({block:'center'})})})</script>";

static void panel(const px_compare *c, px_buf *h) {
    px_buf_printf(h, "<h2>Findings (%zu)</h2><ol class=\"findings\">", c->nf);
    for (size_t i = 0; i < c->nf; i++) {
        const px_finding *f = &c->f[i];
        const char *t = px_finding_type_str(f->type);
        px_buf_printf(h, "<li class=\"t-%s\" data-f=\"%zu\"><b>%s</b>", t, i,
                      t);
        px_buf_html(h, px_finding_kind_str(f->kind),
                    strlen(px_finding_kind_str(f->kind)));
        px_buf_puts(h, ": ");
        px_buf_html(h, f->summary, strlen(f->summary));
        px_buf_puts(h, "</li>");
    }
    px_buf_puts(h, "</ol>");
    px_buf_puts(h, panel_js);
}

px_result px_compare_to_html(const px_compare *c, px_buf *out) {
    const px_align *al = px_compare_align(c);
    if (!al) return PX_ERR_INVALID;
    size_t nm = 0, nev = 0;
    for (size_t i = 0; i < c->nf; i++) nev += c->f[i].nev;
    px_align_mark *marks = px_calloc(nev + 1, sizeof *marks);
    char(*cls)[24] = px_calloc(c->nf + 1, sizeof *cls);
    for (size_t i = 0; i < c->nf; i++) {
        snprintf(cls[i], sizeof cls[i], "f%zu", i);
        for (size_t e = 0; e < c->f[i].nev; e++) {
            if (c->f[i].ev[e].article > 1) continue;
            marks[nm++] =
                (px_align_mark){(int)c->f[i].ev[e].article, c->f[i].ev[e].span,
                                cls[i], c->f[i].summary};
        }
    }
    px_buf side = PX_BUF_INIT;
    panel(c, &side);
    px_align_html_opts o = {0};
    o.side_html = side.data;
    o.css = panel_css;
    o.marks = marks;
    o.nmarks = nm;
    px_result rc = px_align_to_html(al, &o, out);
    px_buf_release(&side);
    px_free(marks);
    px_free(cls);
    return rc;
}
