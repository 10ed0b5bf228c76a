/*
 * view_html.c - the alignment as one self-contained HTML page.
 *
 * Layout: a header (direction, evidence, coverage, caller's extra HTML, a
 * button switching views), an optional panel, then two columns, one per
 * article, paragraphs as <p>; the other view is a table with one row per
 * block in reading order (pair, or a sentence of one side only), built
 * from the same sentence renderer (class "ps", no ids).
 * Every sentence is <span class="s" id="a12" data-pair="3"
 * data-partners="b7 b8">; sentences in no pair get class "only" and no
 * data-pair.  Inside a sentence, text is cut at every boundary of a word
 * op or caller mark, and each piece carries the classes of what covers it
 * (del / ins / rep, mk-<cls>), so overlapping marks never need nested
 * tags.  Inline CSS and a few lines of JS (hover highlights the partner,
 * click scrolls to it): no external assets.  All article text and labels
 * are HTML-escaped; only the caller's head_html/side_html/css are trusted.
 */
#include <stdlib.h> /* qsort */
#include <string.h> /* strlen */

#include "align/align_int.h"
#include "core/array.h"

typedef struct hview {
    const px_align *al;
    const px_align_html_opts *o;
    px_buf *out;
    size_t *cut; /* piece boundaries of the current sentence */
    size_t ncut, acut;
} hview;

static const char css[] =
    "body{font:15px/1.5 Georgia,serif;margin:0;color:#222;background:#fff}"
    "header{padding:12px 20px;background:#f4f4f0;border-bottom:1px solid #ccc}"
    "header h1{font-size:18px;margin:0 0 6px}"
    ".dir b{color:#7a2e00}.ev{margin:4px 0;font-size:13px}"
    ".cov{font-size:13px;color:#444}.panel{padding:8px 20px;"
    "border-bottom:1px solid #ddd}"
    "main{display:flex;gap:20px;padding:10px 20px}"
    ".col{flex:1;min-width:0}.col h2{font-size:15px;border-bottom:2px solid "
    "#999}"
    ".s,.ps{border-radius:3px;cursor:pointer}.s[data-pair]:hover,.hl"
    "{background:#fde9a6;outline:1px solid #e0b000}"
    "#view{float:right;font:13px sans-serif}[hidden]{display:none!important}"
    "table.rows{border-collapse:collapse;margin:10px 20px;width:calc(100% - "
    "40px)}"
    ".rows td{vertical-align:top;width:50%;padding:4px 8px;"
    "border-bottom:1px solid #e4e4e4}"
    ".only{background:#e6e6e6;color:#555}.moved{border-left:3px solid #6a5acd}"
    ".del{background:#ffd6d6;text-decoration:line-through #c00}"
    ".ins{background:#d4f7d4}.rep{background:#ffe2b8}"
    ".sc{font:11px sans-serif;color:#888;vertical-align:super}";

static const char js[] =
    "document.getElementById('view').addEventListener('click',function(){"
    "var m=document.querySelector('main'),r=document.getElementById('rows');"
    "m.hidden=!m.hidden;r.hidden=!r.hidden;"
    "this.textContent=m.hidden?'View: articles':'View: side by side'});"
    "document.querySelectorAll('[data-pair]').forEach(function(e){"
    "var k=e.getAttribute('data-pair');"
    "function set(on){document.querySelectorAll('[data-pair=\"'+k+'\"]')"
    ".forEach(function(x){x.classList.toggle('hl',on)})}"
    "e.addEventListener('mouseenter',function(){set(true)});"
    "e.addEventListener('mouseleave',function(){set(false)});"
    "e.addEventListener('click',function(){"
    "var p=(e.getAttribute('data-partners')||'').split(' ')[0];"
    "var t=p&&document.getElementById(p);"
    "if(t)t.scrollIntoView({block:'center',behavior:'smooth'})})});";

static void esc(px_buf *o, const char *s) {
    px_buf_html(o, s, strlen(s));
}

/* Append cls keeping only [A-Za-z0-9_-]. */
static void class_name(px_buf *o, const char *cls) {
    for (; cls && *cls; cls++)
        if ((*cls >= 'a' && *cls <= 'z') || (*cls >= 'A' && *cls <= 'Z') ||
            (*cls >= '0' && *cls <= '9') || *cls == '_' || *cls == '-')
            px_buf_putc(o, *cls);
}

/* ---------------------------------------------------------------- header */

static void header(hview *v) {
    const px_align *al = v->al;
    const px_align_html_opts *o = v->o;
    const char *la = o->a_label ? o->a_label : px_side_label(al, 0);
    const char *lb = o->b_label ? o->b_label : px_side_label(al, 1);
    px_buf_puts(v->out, "<header><button id=\"view\" type=\"button\">"
                        "View: side by side</button><h1>");
    if (o->title)
        esc(v->out, o->title);
    else {
        esc(v->out, la);
        px_buf_puts(v->out, " \xE2\x86\x94 ");
        esc(v->out, lb);
    }
    px_buf_printf(v->out,
                  "</h1><p class=\"dir\" data-dir=\"%s\">Direction: <b>",
                  px_dir_name(al->dir.dir));
    if (al->dir.dir == PX_DIR_A_TO_B || al->dir.dir == PX_DIR_B_TO_A) {
        int src = al->dir.dir == PX_DIR_B_TO_A;
        esc(v->out, src ? lb : la);
        px_buf_puts(v->out, " \xE2\x86\x92 ");
        esc(v->out, src ? la : lb);
    } else {
        px_buf_puts(v->out,
                    al->dir.dir == PX_DIR_SAME ? "same text" : "unknown");
    }
    px_buf_printf(v->out, "</b> (confidence %.2f)</p><ul class=\"ev\">",
                  al->dir.confidence);
    for (size_t i = 0; i < al->dir.nev; i++) {
        px_buf_printf(v->out, "<li data-kind=\"%s\">%+.2f ",
                      px_evidence_kind_name(al->dir.ev[i].kind),
                      al->dir.ev[i].weight);
        esc(v->out, al->dir.ev[i].text);
        px_buf_puts(v->out, "</li>");
    }
    px_buf_printf(v->out,
                  "</ul><p class=\"cov\">%zu aligned pairs; coverage %.0f%% of "
                  "A, %.0f%% of B; %zu sentences only in A, %zu only in B</p>",
                  al->npairs, 100 * al->cover[0], 100 * al->cover[1],
                  al->nonly[0], al->nonly[1]);
    if (o->head_html) px_buf_puts(v->out, o->head_html);
    px_buf_puts(v->out, "</header>");
    if (o->side_html) {
        px_buf_puts(v->out, "<section class=\"panel\">");
        px_buf_puts(v->out, o->side_html);
        px_buf_puts(v->out, "</section>");
    }
}

/* --------------------------------------------------------------- pieces */

static void push_cut(hview *v, size_t at) {
    v->cut = px_array_grow(v->cut, &v->acut, v->ncut + 1, 32, sizeof *v->cut);
    v->cut[v->ncut++] = at;
}

/* A cut at `at` if it falls strictly inside sentence span sp. */
static void add_cut(hview *v, size_t at, px_span sp) {
    if (at > sp.start && at < sp.end) push_cut(v, at);
}

static int cmp_size(const void *x, const void *y) {
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

static int covers(px_span s, size_t from, size_t to) {
    return s.start <= from && to <= s.end && s.start < s.end;
}

/* Cut points of sentence span sp: ops of pair p and the caller's marks. */
static void cuts(hview *v, int x, const px_align_pair *p, px_span sp) {
    v->ncut = 0;
    push_cut(v, sp.start);
    push_cut(v, sp.end);
    for (size_t k = 0; p && k < p->nops; k++) {
        px_span os = x ? p->ops[k].b_span : p->ops[k].a_span;
        add_cut(v, os.start, sp);
        add_cut(v, os.end, sp);
    }
    for (size_t k = 0; k < v->o->nmarks; k++) {
        if (v->o->marks[k].side != x) continue;
        add_cut(v, v->o->marks[k].span.start, sp);
        add_cut(v, v->o->marks[k].span.end, sp);
    }
    qsort(v->cut, v->ncut, sizeof *v->cut, cmp_size);
}

/* Classes and note of piece [from, to) of side x. */
static void piece_attrs(hview *v, int x, const px_align_pair *p, size_t from,
                        size_t to, px_buf *cls, const char **note,
                        const px_op **rep) {
    *note = NULL;
    *rep = NULL;
    for (size_t k = 0; p && k < p->nops; k++) {
        const px_op *op = &p->ops[k];
        if (op->kind == PX_OP_KEEP ||
            !covers(x ? op->b_span : op->a_span, from, to))
            continue;
        px_buf_puts(cls, op->kind == PX_OP_REPLACE ? "rep "
                         : x                       ? "ins "
                                                   : "del ");
        if (op->kind == PX_OP_REPLACE) *rep = op;
    }
    for (size_t k = 0; k < v->o->nmarks; k++) {
        const px_align_mark *m = &v->o->marks[k];
        if (m->side != x || !covers(m->span, from, to)) continue;
        px_buf_puts(cls, "mk-");
        class_name(cls, m->cls);
        px_buf_putc(cls, ' ');
        if (m->note) *note = m->note;
    }
}

static void piece(hview *v, int x, const px_align_pair *p, size_t from,
                  size_t to) {
    const char *txt = px_doc_orig(v->al->side[x]->doc, NULL);
    px_buf cls = PX_BUF_INIT;
    const char *note;
    const px_op *rep;
    piece_attrs(v, x, p, from, to, &cls, &note, &rep);
    if (cls.len) {
        cls.data[--cls.len] = 0;
        px_buf_printf(v->out, "<span class=\"%s\"", cls.data);
        if (note) {
            px_buf_puts(v->out, " title=\"");
            esc(v->out, note);
            px_buf_putc(v->out, '"');
        } else if (rep) { /* hover shows the other side's words */
            px_span o = x ? rep->a_span : rep->b_span;
            px_buf_puts(v->out, x ? " title=\"\xE2\x86\x90 "
                                  : " title=\"\xE2\x86\x92 ");
            px_buf_html(v->out,
                        px_doc_orig(v->al->side[!x]->doc, NULL) + o.start,
                        o.end - o.start);
            px_buf_putc(v->out, '"');
        }
        px_buf_putc(v->out, '>');
    }
    px_buf_html(v->out, txt + from, to - from);
    if (cls.len) px_buf_puts(v->out, "</span>");
    px_buf_release(&cls);
}

/* ------------------------------------------------------------ sentences */

static void partners(hview *v, const px_align_pair *p, int x) {
    const uint32_t *s = x ? p->a_sents : p->b_sents;
    uint32_t n = x ? p->a_n : p->b_n;
    px_buf_puts(v->out, " data-partners=\"");
    for (uint32_t i = 0; i < n; i++)
        px_buf_printf(v->out, "%s%c%u", i ? " " : "", x ? 'a' : 'b', s[i]);
    px_buf_putc(v->out, '"');
}

/* Sentence s of side x: in a column (class "s", with its id and partners)
 * or in a row of the side-by-side table (class "ps"). */
static void sentence(hview *v, int x, uint32_t s, int in_row) {
    const px_align *al = v->al;
    px_span sp = al->side[x]->sents[s].span;
    long pi = al->partner[x][s];
    const px_align_pair *p = pi >= 0 ? &al->pairs[pi].pub : NULL;
    px_buf_printf(v->out, "<span class=\"%s%s\"", in_row ? "ps" : "s",
                  !p         ? " only"
                  : p->moved ? " moved"
                             : "");
    if (!in_row) px_buf_printf(v->out, " id=\"%c%u\"", x ? 'b' : 'a', s);
    if (p) {
        px_buf_printf(v->out,
                      " data-pair=\"%ld\" title=\"pair %ld: score %.2f, %.0f%% "
                      "words kept%s\"",
                      pi, pi + 1, p->score, 100 * p->kept,
                      p->moved ? ", moved" : "");
        if (!in_row) partners(v, p, x);
    }
    px_buf_putc(v->out, '>');
    cuts(v, x, p, sp);
    for (size_t i = 0; i + 1 < v->ncut; i++)
        if (v->cut[i] < v->cut[i + 1]) piece(v, x, p, v->cut[i], v->cut[i + 1]);
    if (p) px_buf_printf(v->out, "<sup class=\"sc\">%ld</sup>", pi + 1);
    px_buf_puts(v->out, "</span> ");
}

static void column(hview *v, int x) {
    const px_align_side *sd = v->al->side[x];
    const char *l = x ? v->o->b_label : v->o->a_label;
    px_buf_printf(v->out, "<div class=\"col\" id=\"col%c\"><h2>",
                  x ? 'B' : 'A');
    esc(v->out, l ? l : px_side_label(v->al, x));
    px_buf_puts(v->out, "</h2><p dir=\"auto\">");
    for (uint32_t s = 0; s < sd->nsents; s++) {
        if (s && (sd->sents[s].flags & PX_SENT_PARA))
            px_buf_puts(v->out, "</p><p dir=\"auto\">");
        sentence(v, x, s, 0);
    }
    px_buf_puts(v->out, "</p></div>");
}

/* One cell of the side-by-side table: side x of a block. */
static void cell(hview *v, long pi, int side, uint32_t s, int x) {
    px_buf_puts(v->out, "<td dir=\"auto\">");
    if (pi >= 0) {
        const px_align_pair *p = &v->al->pairs[pi].pub;
        for (uint32_t k = 0; k < (x ? p->b_n : p->a_n); k++)
            sentence(v, x, x ? p->b_sents[k] : p->a_sents[k], 1);
    } else if (side == x) {
        sentence(v, x, s, 1);
    }
    px_buf_puts(v->out, "</td>");
}

/* px_align_walk callback: one row of the side-by-side table. */
static void row(void *ud, long pi, int side, uint32_t s) {
    hview *v = ud;
    px_buf_puts(v->out, "<tr>");
    cell(v, pi, side, s, 0);
    cell(v, pi, side, s, 1);
    px_buf_puts(v->out, "</tr>");
}

px_result px_align_to_html(const px_align *al, const px_align_html_opts *o,
                           px_buf *out) {
    px_align_html_opts none;
    memset(&none, 0, sizeof none);
    hview v = {al, o ? o : &none, out, NULL, 0, 0};
    px_buf_puts(out, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                     "<title>");
    esc(out, v.o->title ? v.o->title : "parallax align");
    px_buf_printf(out, "</title><style>%s%s</style></head><body>", css,
                  v.o->css ? v.o->css : "");
    header(&v);
    px_buf_puts(out, "<main>");
    column(&v, 0);
    column(&v, 1);
    px_buf_puts(out, "</main><table class=\"rows\" id=\"rows\" hidden>");
    px_align_walk(al, row, &v);
    px_buf_printf(out, "</table><script>%s</script></body></html>\n", js);
    px_free(v.cut);
    return PX_OK;
}
