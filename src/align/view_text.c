/*
 * view_text.c - JSON and terminal views of an alignment.
 *
 * JSON (schema in docs/align.md) lists every pair with sentence indexes,
 * original spans, texts, score and word ops, then the one-side sentences,
 * coverage and the direction with its evidence.
 *
 * Terminal: blocks in reading order (px_align_walk): pairs in A's order,
 * B-only sentences after the B sentence they follow, A-only in place.  Word
 * changes are coloured (A red, B green) or, in plain mode, wdiff-style
 * [-deleted-] {+inserted+}.  With a width, the two sides are set in two columns
 * wrapped at a character count.
 */
#include <string.h> /* strlen */
#include <utf8proc.h>

#include "align/align_int.h"

/* ---------------------------------------------------------------- labels */

const char *px_side_label(const px_align *al, int side) {
    const px_article *a = al->side[side]->art;
    const char *outlet = px_doc_meta(al->side[side]->doc, "outlet");
    if (a && a->outlet) return a->outlet;
    if (outlet) return outlet;
    if (a && a->id) return a->id;
    return side ? "B" : "A";
}

/* ------------------------------------------------------------------ JSON */

static void json_span(px_buf *o, const char *key, px_span s) {
    px_buf_printf(o, ",\"%s\":[%zu,%zu]", key, s.start, s.end);
}

static void json_text(px_buf *o, const char *key, const px_align_side *s,
                      px_span sp) {
    px_buf_printf(o, ",\"%s\":", key);
    px_buf_json_str(o, px_doc_orig(s->doc, NULL) + sp.start, sp.end - sp.start);
}

static void json_list(px_buf *o, const char *key, const uint32_t *v, size_t n) {
    px_buf_printf(o, "\"%s\":[", key);
    for (size_t i = 0; i < n; i++) px_buf_printf(o, "%s%u", i ? "," : "", v[i]);
    px_buf_putc(o, ']');
}

static void json_op(px_buf *o, const px_align *al, const px_op *op) {
    px_buf_printf(o, "{\"op\":\"%s\"", px_op_kind_name(op->kind));
    json_span(o, "a_span", op->a_span);
    json_span(o, "b_span", op->b_span);
    if (op->kind != PX_OP_KEEP) {
        json_text(o, "a", al->side[0], op->a_span);
        json_text(o, "b", al->side[1], op->b_span);
    }
    px_buf_putc(o, '}');
}

static void json_pair(px_buf *o, const px_align *al, const px_align_pair *p) {
    px_buf_putc(o, '{');
    json_list(o, "a_sents", p->a_sents, p->a_n);
    px_buf_putc(o, ',');
    json_list(o, "b_sents", p->b_sents, p->b_n);
    json_span(o, "a_span", p->a_span);
    json_span(o, "b_span", p->b_span);
    px_buf_printf(o, ",\"score\":%.4f,\"kept\":%.3f,\"moved\":%s", p->score,
                  p->kept, p->moved ? "true" : "false");
    json_text(o, "a_text", al->side[0], p->a_span);
    json_text(o, "b_text", al->side[1], p->b_span);
    px_buf_puts(o, ",\"ops\":[");
    for (size_t k = 0; k < p->nops; k++) {
        if (k) px_buf_putc(o, ',');
        json_op(o, al, &p->ops[k]);
    }
    px_buf_puts(o, "]}");
}

static void json_only(px_buf *o, const px_align *al, int x) {
    size_t n;
    const uint32_t *v = px_align_only(al, x, &n);
    px_buf_printf(o, ",\"only_%c\":[", x ? 'b' : 'a');
    for (size_t i = 0; i < n; i++) {
        px_span sp = al->side[x]->sents[v[i]].span;
        px_buf_printf(o, "%s{\"sent\":%u", i ? "," : "", v[i]);
        json_span(o, "span", sp);
        json_text(o, "text", al->side[x], sp);
        px_buf_putc(o, '}');
    }
    px_buf_putc(o, ']');
}

static void json_side(px_buf *o, const px_align *al, int x) {
    const px_article *a = al->side[x]->art;
    px_buf_printf(o, "%s\"%c\":{\"label\":", x ? "," : "", x ? 'b' : 'a');
    const char *l = px_side_label(al, x);
    px_buf_json_str(o, l, strlen(l));
    if (a && a->id) {
        px_buf_puts(o, ",\"id\":");
        px_buf_json_str(o, a->id, strlen(a->id));
    }
    px_buf_printf(o, ",\"sentences\":%zu,\"coverage\":%.4f}",
                  al->side[x]->nsents, al->cover[x]);
}

static void json_direction(px_buf *o, const px_align *al) {
    const px_direction *d = &al->dir;
    px_buf_printf(o,
                  ",\"direction\":{\"dir\":\"%s\",\"confidence\":%.3f,"
                  "\"evidence\":[",
                  px_dir_name(d->dir), d->confidence);
    for (size_t i = 0; i < d->nev; i++) {
        const px_evidence *e = &d->ev[i];
        px_buf_printf(o, "%s{\"kind\":\"%s\",\"weight\":%.3f,\"side\":\"%c\"",
                      i ? "," : "", px_evidence_kind_name(e->kind), e->weight,
                      e->side ? 'b' : 'a');
        json_span(o, "span", e->span);
        px_buf_puts(o, ",\"text\":");
        px_buf_json_str(o, e->text, strlen(e->text));
        px_buf_putc(o, '}');
    }
    px_buf_puts(o, "]}");
}

px_result px_align_to_json(const px_align *al, px_buf *out) {
    px_buf_putc(out, '{');
    json_side(out, al, 0);
    json_side(out, al, 1);
    px_buf_printf(out, ",\"threshold\":%.3f,\"pairs\":[", al->thr);
    for (size_t i = 0; i < al->npairs; i++) {
        if (i) px_buf_putc(out, ',');
        json_pair(out, al, &al->pairs[i].pub);
    }
    px_buf_putc(out, ']');
    json_only(out, al, 0);
    json_only(out, al, 1);
    json_direction(out, al);
    return px_buf_putc(out, '}');
}

/* -------------------------------------------------------------- terminal */

#define RED   "\033[31m"
#define GREEN "\033[32m"
#define DIM   "\033[2m"
#define BOLD  "\033[1m"
#define OFF   "\033[0m"

typedef struct tview {
    const px_align *al;
    const px_align_text_opts *o;
    px_buf *out;
} tview;

/* Append article text for a terminal: control characters (an ESC in the
 * article would drive the terminal) become spaces. */
static void put_text(px_buf *o, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        px_buf_putc(o, c < 0x20 || c == 0x7F ? ' ' : (char)c);
    }
}

/* Text of sentence s of side x with the pair's changed words marked. */
static void marked_sentence(tview *v, px_buf *o, const px_align_pair *p, int x,
                            uint32_t s) {
    const char *txt = px_doc_orig(v->al->side[x]->doc, NULL);
    px_span sp = v->al->side[x]->sents[s].span;
    size_t at = sp.start;
    for (size_t k = 0; p && k < p->nops; k++) {
        const px_op *op = &p->ops[k];
        px_span os = x ? op->b_span : op->a_span;
        if (op->kind == PX_OP_KEEP || os.start == os.end || os.start < at ||
            os.end > sp.end)
            continue;
        put_text(o, txt + at, os.start - at);
        px_buf_puts(o, v->o->color ? (x ? GREEN : RED) : x ? "{+" : "[-");
        put_text(o, txt + os.start, os.end - os.start);
        px_buf_puts(o, v->o->color ? OFF : x ? "+}" : "-]");
        at = os.end;
    }
    put_text(o, txt + at, sp.end - at);
}

/* "A3,4 text..." for sentences s[0..n) of side x into o. */
static void side_text(tview *v, px_buf *o, const px_align_pair *p, int x,
                      const uint32_t *s, size_t n) {
    px_buf_putc(o, x ? 'B' : 'A');
    for (size_t i = 0; i < n; i++) px_buf_printf(o, "%s%u", i ? "," : "", s[i]);
    px_buf_putc(o, ' ');
    for (size_t i = 0; i < n; i++) {
        if (i) px_buf_putc(o, ' ');
        marked_sentence(v, o, p, x, s[i]);
    }
}

/* Visible width of s[0..n) in terminal columns: ANSI escapes take none,
 * wide (CJK) characters two. */
static size_t vis_width(const char *s, size_t n) {
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] == '\033') {
            while (i < n && s[i] != 'm') i++;
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(n - i), &cp);
        if (l <= 0) l = 1, cp = '?';
        int cw = utf8proc_charwidth(cp);
        w += cw > 0 ? (size_t)cw : 0;
        i += (size_t)l;
    }
    return w;
}

/* Wrap s into lines of at most cw visible characters, one per '\n' in
 * out; an open colour is closed at each line end and reopened after. */
static void wrap(const char *s, size_t n, size_t cw, px_buf *out) {
    size_t i = 0, w = 0;
    const char *colour = NULL;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != ' ') j++;
        size_t ww = vis_width(s + i, j - i);
        if (w && w + 1 + ww > cw) {
            if (colour) px_buf_puts(out, OFF);
            px_buf_putc(out, '\n');
            if (colour) px_buf_puts(out, colour);
            w = 0;
        } else if (w) {
            px_buf_putc(out, ' '), w++;
        }
        for (size_t k = i; k < j; k++)
            if (s[k] == '\033' && k + 3 < j)
                colour = !strncmp(s + k, OFF, strlen(OFF)) ? NULL
                         : s[k + 3] == '2'                 ? GREEN
                                                           : RED;
        px_buf_append(out, s + i, j - i);
        w += ww;
        i = j + 1;
    }
    px_buf_putc(out, '\n');
}

/* Next line of a wrapped buffer from *at (without its '\n'). */
static size_t next_line(const px_buf *b, size_t *at, const char **line) {
    *line = "";
    if (!b->data) return 0;
    *line = b->data + *at;
    size_t e = *at;
    while (e < b->len && b->data[e] != '\n') e++;
    size_t n = e - *at;
    *at = e < b->len ? e + 1 : e;
    return n;
}

static void two_columns(tview *v, const px_buf *l, const px_buf *r) {
    size_t cw = ((size_t)v->o->width - 3) / 2;
    px_buf wl = PX_BUF_INIT, wr = PX_BUF_INIT;
    wrap(l->data ? l->data : "", l->len, cw, &wl);
    wrap(r->data ? r->data : "", r->len, cw, &wr);
    size_t al = 0, ar = 0;
    while (al < wl.len || ar < wr.len) {
        const char *a, *b;
        size_t na = next_line(&wl, &al, &a), nb = next_line(&wr, &ar, &b);
        size_t pad = cw > vis_width(a, na) ? cw - vis_width(a, na) : 0;
        px_buf_append(v->out, a, na);
        px_buf_printf(v->out, "%*s | ", (int)pad, "");
        px_buf_append(v->out, b, nb);
        px_buf_putc(v->out, '\n');
    }
    px_buf_release(&wl);
    px_buf_release(&wr);
}

/* One block: A sentences (or none) beside B sentences (or none). */
static void block(tview *v, const px_align_pair *p, const uint32_t *as,
                  size_t an, const uint32_t *bs, size_t bn) {
    px_buf l = PX_BUF_INIT, r = PX_BUF_INIT;
    if (an) side_text(v, &l, p, 0, as, an);
    if (bn) side_text(v, &r, p, 1, bs, bn);
    if (v->o->width >= 40) {
        two_columns(v, &l, &r);
    } else {
        if (an) px_buf_printf(v->out, "  %s\n", l.data);
        if (bn) px_buf_printf(v->out, "  %s\n", r.data);
    }
    px_buf_release(&l);
    px_buf_release(&r);
}

static void only_line(tview *v, int x, uint32_t s) {
    px_buf_printf(v->out, "%sonly in %s%s\n", v->o->color ? DIM : "",
                  px_side_label(v->al, x), v->o->color ? OFF : "");
    block(v, NULL, x ? NULL : &s, !x, x ? &s : NULL, x);
}

static void header(tview *v) {
    const px_align *al = v->al;
    px_buf_printf(v->out, "%sA: %s  B: %s%s\n", v->o->color ? BOLD : "",
                  px_side_label(al, 0), px_side_label(al, 1),
                  v->o->color ? OFF : "");
    px_buf_printf(v->out,
                  "pairs %zu, only in A %zu, only in B %zu; coverage A %.0f%%, "
                  "B %.0f%%\ndirection %s (confidence %.2f)\n",
                  al->npairs, al->nonly[0], al->nonly[1], 100 * al->cover[0],
                  100 * al->cover[1], px_dir_name(al->dir.dir),
                  al->dir.confidence);
    for (size_t i = 0; i < al->dir.nev; i++)
        px_buf_printf(v->out, "  %+.2f %s: %s\n", al->dir.ev[i].weight,
                      px_evidence_kind_name(al->dir.ev[i].kind),
                      al->dir.ev[i].text);
    px_buf_putc(v->out, '\n');
}

/* px_align_walk callback: one block of the terminal view. */
static void text_block(void *ud, long pi, int side, uint32_t s) {
    tview *v = ud;
    if (pi < 0) {
        only_line(v, side, s);
        return;
    }
    const px_align_pair *p = &v->al->pairs[pi].pub;
    px_buf_printf(v->out, "%spair %ld: score %.2f, %.0f%% words kept%s%s\n",
                  v->o->color ? DIM : "", pi + 1, p->score, 100 * p->kept,
                  p->moved ? ", moved" : "", v->o->color ? OFF : "");
    block(v, p, p->a_sents, p->a_n, p->b_sents, p->b_n);
}

px_result px_align_to_text(const px_align *al, const px_align_text_opts *o,
                           px_buf *out) {
    px_align_text_opts plain = {0, 0};
    tview v = {al, o ? o : &plain, out};
    header(&v);
    px_align_walk(al, text_block, &v);
    return PX_OK;
}
