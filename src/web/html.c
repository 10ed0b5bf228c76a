/*
 * html.c - HTML to compact array tree through libxml2's SAX HTML parser.
 *
 * libxml2 does the tokenising, entity decoding and HTML error recovery
 * (implied end tags, misnesting); its SAX events arrive balanced, so the
 * tree is built with a single "current node" cursor.  The tree parser
 * would recurse on free; SAX plus our flat array never does, whatever the
 * nesting depth.  Whitespace is collapsed while text is stored.  A skip
 * counter drops whole subtrees that never hold article text; JSON-LD
 * script bodies, <title>, <meta> and the canonical link go to `meta`.
 */
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h> /* xmlSwitchEncoding */
#include <string.h>

#include "web/html.h"

#define LD_MAX ((size_t)4 << 20)    /* JSON-LD bytes kept per page */
#define META_MAX ((size_t)1 << 20)  /* <meta> bytes kept per page */
#define TITLE_MAX 4096

typedef struct tag_info {
    const char *name;
    uint8_t tag;
    uint8_t flags;
} tag_info;

/* Sorted by name for bsearch. */
static const tag_info tags[] = {
    {"a", PX_T_A, 0},
    {"address", PX_T_ADDRESS, PX_HF_BLOCK},
    {"article", PX_T_ARTICLE, PX_HF_BLOCK},
    {"aside", PX_T_ASIDE, PX_HF_BLOCK},
    {"b", PX_T_B, 0},
    {"blockquote", PX_T_BLOCKQUOTE, PX_HF_BLOCK},
    {"body", PX_T_BODY, PX_HF_BLOCK},
    {"br", PX_T_BR, PX_HF_BLOCK},
    {"caption", PX_T_CAPTION, PX_HF_BLOCK},
    {"center", PX_T_CENTER, PX_HF_BLOCK},
    {"dd", PX_T_DD, PX_HF_BLOCK},
    {"details", PX_T_DETAILS, PX_HF_BLOCK},
    {"dialog", PX_T_DIALOG, PX_HF_BLOCK},
    {"div", PX_T_DIV, PX_HF_BLOCK},
    {"dl", PX_T_DL, PX_HF_BLOCK},
    {"dt", PX_T_DT, PX_HF_BLOCK},
    {"em", PX_T_EM, 0},
    {"figcaption", PX_T_FIGCAPTION, PX_HF_BLOCK},
    {"figure", PX_T_FIGURE, PX_HF_BLOCK},
    {"font", PX_T_FONT, 0},
    {"footer", PX_T_FOOTER, PX_HF_BLOCK},
    {"form", PX_T_FORM, PX_HF_BLOCK},
    {"h1", PX_T_H1, PX_HF_BLOCK},
    {"h2", PX_T_H2, PX_HF_BLOCK},
    {"h3", PX_T_H3, PX_HF_BLOCK},
    {"h4", PX_T_H4, PX_HF_BLOCK},
    {"h5", PX_T_H5, PX_HF_BLOCK},
    {"h6", PX_T_H6, PX_HF_BLOCK},
    {"header", PX_T_HEADER, PX_HF_BLOCK},
    {"hr", PX_T_HR, PX_HF_BLOCK},
    {"i", PX_T_I, 0},
    {"label", PX_T_LABEL, 0},
    {"li", PX_T_LI, PX_HF_BLOCK},
    {"main", PX_T_MAIN, PX_HF_BLOCK},
    {"nav", PX_T_NAV, PX_HF_BLOCK},
    {"ol", PX_T_OL, PX_HF_BLOCK},
    {"p", PX_T_P, PX_HF_BLOCK},
    {"pre", PX_T_PRE, PX_HF_BLOCK},
    {"section", PX_T_SECTION, PX_HF_BLOCK},
    {"span", PX_T_SPAN, 0},
    {"strong", PX_T_STRONG, 0},
    {"table", PX_T_TABLE, PX_HF_BLOCK},
    {"td", PX_T_TD, PX_HF_BLOCK},
    {"th", PX_T_TH, PX_HF_BLOCK},
    {"time", PX_T_TIME, 0},
    {"tr", PX_T_TR, PX_HF_BLOCK},
    {"ul", PX_T_UL, PX_HF_BLOCK},
};

/* Elements whose subtree is never article text. */
static const char *const skipped[] = {
    "audio", "button", "canvas", "embed", "iframe", "input",
    "map", "math", "noscript", "object", "option", "script", "select",
    "style", "svg", "template", "textarea", "video"};

static int cmp_tag(const void *k, const void *e) {
    return strcmp(k, ((const tag_info *)e)->name);
}

static const tag_info *tag_find(const char *name) {
    return bsearch(name, tags, sizeof tags / sizeof *tags, sizeof *tags,
                   cmp_tag);
}

const char *px_html_tag_name(int tag) {
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
        if (tags[i].tag == tag) return tags[i].name;
    return tag == PX_T_ROOT ? "root" : tag == PX_T_TEXT ? "#text" : "*";
}

static int is_skipped(const char *name) {
    for (size_t i = 0; i < sizeof skipped / sizeof *skipped; i++)
        if (!strcmp(name, skipped[i])) return 1;
    return 0;
}

/* ------------------------------------------------------------ parse state */

typedef struct sax_state {
    px_html *h;
    xmlParserCtxtPtr ctxt;
    uint32_t cur;      /* node receiving children */
    size_t skip;       /* >0: inside a dropped subtree (nesting count) */
    px_buf *capture;   /* where skipped text goes (title, JSON-LD) */
    size_t capture_max;
    px_result rc;
} sax_state;

static const char *attr_get(const xmlChar **atts, const char *name) {
    for (size_t i = 0; atts && atts[i]; i += 2)
        if (!strcmp((const char *)atts[i], name))
            return atts[i + 1] ? (const char *)atts[i + 1] : "";
    return NULL;
}

static uint32_t node_add(sax_state *s, uint8_t tag) {
    px_html *h = s->h;
    if (h->n >= h->max_nodes) {
        h->truncated = 1;
        xmlStopParser(s->ctxt);
        return PX_HNONE;
    }
    if (h->n == h->cap) {
        uint32_t cap = h->cap ? h->cap * 2 : 1024;
        px_hnode *nn = px_try_realloc(h->nodes, (size_t)cap * sizeof *nn);
        if (!nn) {
            s->rc = PX_ERR_NOMEM;
            xmlStopParser(s->ctxt);
            return PX_HNONE;
        }
        h->nodes = nn;
        h->cap = cap;
    }
    uint32_t i = h->n++;
    px_hnode *n = &h->nodes[i];
    memset(n, 0, sizeof *n);
    n->tag = tag;
    n->parent = s->cur;
    n->first = n->last = n->next = PX_HNONE;
    if (s->cur != PX_HNONE) {
        px_hnode *p = &h->nodes[s->cur];
        if (p->last != PX_HNONE) h->nodes[p->last].next = i;
        else p->first = i;
        p->last = i;
    }
    return i;
}

static px_result pool_add(sax_state *s, const char *str, size_t n,
                          uint32_t *off) {
    *off = (uint32_t)s->h->pool.len;
    px_result rc = px_buf_append(&s->h->pool, str, n);
    if (rc) {
        s->rc = rc;
        xmlStopParser(s->ctxt);
    }
    return rc;
}

/* Lower-cased "class id itemprop role" of an element, for the cue rules. */
static void node_cues(sax_state *s, px_hnode *n, const xmlChar **atts) {
    static const char *const names[] = {"class", "id", "itemprop", "role"};
    char tmp[512];
    size_t k = 0;
    for (size_t i = 0; i < 4; i++) {
        const char *v = attr_get(atts, names[i]);
        for (; v && *v && k + 2 < sizeof tmp; v++)
            tmp[k++] = (*v >= 'A' && *v <= 'Z') ? (char)(*v + 32) : *v;
        if (v) tmp[k++] = ' ';
    }
    if (k && !pool_add(s, tmp, k, &n->off)) n->len = (uint32_t)k;
}

static int is_hidden(const xmlChar **atts) {
    if (attr_get(atts, "hidden")) return 1;
    const char *st = attr_get(atts, "style");
    if (!st) return 0;
    char tmp[256];
    size_t k = 0;
    for (; *st && k + 1 < sizeof tmp; st++)
        if (*st != ' ') tmp[k++] = *st;
    tmp[k] = 0;
    return strstr(tmp, "display:none") || strstr(tmp, "visibility:hidden");
}

static void meta_pair(px_buf *b, const char *k, const char *v) {
    if (!k || !v || b->len + strlen(k) + strlen(v) + 2 > META_MAX) return;
    for (const char *p = k; *p; p++)
        px_buf_putc(b, (*p >= 'A' && *p <= 'Z') ? (char)(*p + 32) : *p);
    px_buf_putc(b, 0);
    px_buf_append(b, v, strlen(v) + 1);
}

static void buf_set(px_buf *b, const char *v, size_t max) {
    if (!v || b->len) return;
    size_t n = strlen(v);
    px_buf_append(b, v, n < max ? n : max);
}

/* Head-like elements seen anywhere: metadata.  1: not a tree node. */
static int head_element(sax_state *s, const char *name,
                        const xmlChar **atts) {
    px_html_meta *m = &s->h->meta;
    if (!strcmp(name, "meta")) {
        const char *key = attr_get(atts, "property");
        if (!key) key = attr_get(atts, "name");
        if (!key) key = attr_get(atts, "itemprop");
        if (!key) key = attr_get(atts, "http-equiv");
        meta_pair(&m->metas, key, attr_get(atts, "content"));
        return 1;
    }
    if (!strcmp(name, "link")) {
        const char *rel = attr_get(atts, "rel");
        if (rel && !strcmp(rel, "canonical"))
            buf_set(&m->canonical, attr_get(atts, "href"), TITLE_MAX);
        return 1;
    }
    if (!strcmp(name, "html")) buf_set(&m->lang, attr_get(atts, "lang"), 64);
    return 0;
}

/* Start a dropped subtree; title and JSON-LD text is captured. */
static void skip_begin(sax_state *s, const char *name, const xmlChar **atts) {
    s->skip = 1;
    s->capture = NULL;
    if (!strcmp(name, "script")) {
        const char *t = attr_get(atts, "type");
        px_buf *ld = &s->h->meta.ld;
        if (t && strstr(t, "ld+json") && ld->len < LD_MAX) {
            if (ld->len) px_buf_putc(ld, 0);
            s->capture = ld;
            s->capture_max = LD_MAX;
        }
    }
}

static void on_start(void *ud, const xmlChar *xname, const xmlChar **atts) {
    sax_state *s = ud;
    const char *name = (const char *)xname;
    if (s->skip) {
        s->skip++;
        return;
    }
    if (!strcmp(name, "title") && !s->h->meta.title.len) {
        s->skip = 1;
        s->capture = &s->h->meta.title;
        s->capture_max = TITLE_MAX;
        return;
    }
    if (is_skipped(name) || is_hidden(atts)) {
        skip_begin(s, name, atts);
        return;
    }
    if (head_element(s, name, atts)) {
        s->skip = 1;
        s->capture = NULL;
        return;
    }
    const tag_info *ti = tag_find(name);
    uint32_t i = node_add(s, ti ? ti->tag : PX_T_OTHER);
    if (i == PX_HNONE) return;
    px_hnode *n = &s->h->nodes[i];
    n->flags = ti ? ti->flags : 0;
    if (n->tag == PX_T_A && attr_get(atts, "href")) n->flags |= PX_HF_LINK;
    node_cues(s, n, atts);
    const char *dt = attr_get(atts, "datetime");
    if (!dt) dt = attr_get(atts, "content");
    if (dt) {
        size_t k = strnlen(dt, 256);
        if (k && !pool_add(s, dt, k, &n->attr_off)) n->attr_len = (uint32_t)k;
    }
    s->cur = i;
}

static void on_end(void *ud, const xmlChar *name) {
    sax_state *s = ud;
    (void)name;
    if (s->skip) {
        if (--s->skip == 0) s->capture = NULL;
        return;
    }
    if (s->cur != PX_HNONE && s->cur != 0)
        s->cur = s->h->nodes[s->cur].parent;
}

static int is_space(unsigned char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

/* Append text to the current text node, collapsing whitespace runs. */
static void text_append(sax_state *s, const char *t, size_t len) {
    px_html *h = s->h;
    px_hnode *cur = &h->nodes[s->cur];
    uint32_t ti = cur->last;
    if (ti == PX_HNONE || h->nodes[ti].tag != PX_T_TEXT) {
        ti = node_add(s, PX_T_TEXT);
        if (ti == PX_HNONE) return;
        h->nodes[ti].off = (uint32_t)h->pool.len;
    }
    px_hnode *tn = &h->nodes[ti];
    int sp = tn->len && h->pool.data[h->pool.len - 1] == ' ';
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && !is_space((unsigned char)t[i])) continue;
        if (i > start) {
            if (px_buf_append(&h->pool, t + start, i - start)) goto full;
            sp = 0;
        }
        if (i < len && !sp) {
            if (px_buf_putc(&h->pool, ' ')) goto full;
            sp = 1;
        }
        start = i + 1;
    }
    tn->len = (uint32_t)(h->pool.len - tn->off);
    return;
full:
    s->rc = PX_ERR_TOOBIG;
    xmlStopParser(s->ctxt);
}

static void on_text(void *ud, const xmlChar *ch, int len) {
    sax_state *s = ud;
    if (len <= 0) return;
    if (s->skip) {
        if (s->capture && s->capture->len + (size_t)len <= s->capture_max)
            px_buf_append(s->capture, ch, (size_t)len);
        return;
    }
    if (s->cur != PX_HNONE) text_append(s, (const char *)ch, (size_t)len);
}

static void on_error(void *ud, const char *msg, ...) {
    (void)ud;
    (void)msg;
}

px_result px_html_parse(px_html *h, const char *html, size_t len,
                        size_t max_nodes) {
    memset(h, 0, sizeof *h);
    if (len > INT32_MAX) return PX_ERR_TOOBIG;
    h->max_nodes = max_nodes > UINT32_MAX - 1 ? UINT32_MAX - 1
                                              : (uint32_t)max_nodes;
    px_buf_init(&h->pool, UINT32_MAX - 1);
    sax_state s = {h, NULL, PX_HNONE, 0, NULL, 0, PX_OK};
    uint32_t root = node_add(&s, PX_T_ROOT);
    if (root == PX_HNONE) return s.rc ? s.rc : PX_ERR_NOMEM;
    h->nodes[root].flags = PX_HF_BLOCK;
    s.cur = root;
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(html, (int)len);
    if (!ctxt) return PX_ERR_NOMEM;
    s.ctxt = ctxt;
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.startElement = on_start;
    sax.endElement = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    sax.ignorableWhitespace = on_text;
    sax.error = on_error;
    sax.warning = on_error;
    sax.fatalError = on_error;
    memcpy(ctxt->sax, &sax, sizeof sax);
    ctxt->userData = &s;
    htmlCtxtUseOptions(ctxt, HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(ctxt);
    htmlFreeParserCtxt(ctxt);
    return s.rc;
}

void px_html_release(px_html *h) {
    if (!h) return;
    px_free(h->nodes);
    px_buf_release(&h->pool);
    px_buf_release(&h->meta.title);
    px_buf_release(&h->meta.ld);
    px_buf_release(&h->meta.metas);
    px_buf_release(&h->meta.lang);
    px_buf_release(&h->meta.canonical);
    memset(h, 0, sizeof *h);
}
