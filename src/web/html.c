/*
 * html.c - HTML to compact array tree through libxml2's SAX HTML parser.
 *
 * libxml2 does the tokenising, entity decoding and HTML error recovery
 * (implied end tags, misnesting); its SAX events arrive balanced, so the
 * tree is built with a single "current node" cursor.  The tree parser
 * would recurse on free; SAX plus our flat array never does, whatever the
 * nesting depth.  Whitespace is collapsed while text is stored.  A skip
 * counter drops whole subtrees that never hold article text; <title>,
 * <meta> and the canonical link go to `meta`.  A lexical prescan removes
 * comments, scripts and styles first (keeping JSON-LD bodies).
 */
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h> /* xmlSwitchEncoding */
#include <string.h>
#include <strings.h> /* strncasecmp */

#include "web/html.h"

#define LD_MAX    ((size_t)4 << 20) /* JSON-LD bytes kept per page */
#define META_MAX  ((size_t)1 << 20) /* <meta> bytes kept per page */
#define TITLE_MAX 4096

typedef struct tag_info {
    const char *name;
    uint8_t tag;
    uint8_t flags;
} tag_info;

/* Sorted by name for bsearch.  SKIP: the subtree never holds article
 * text and is not stored. */
#define SKIP 0x80
static const tag_info tags[] = {
    {"a", PX_T_A, 0},
    {"address", PX_T_ADDRESS, PX_HF_BLOCK},
    {"article", PX_T_ARTICLE, PX_HF_BLOCK},
    {"aside", PX_T_ASIDE, PX_HF_BLOCK},
    {"audio", PX_T_OTHER, SKIP},
    {"b", PX_T_B, 0},
    {"blockquote", PX_T_BLOCKQUOTE, PX_HF_BLOCK},
    {"body", PX_T_BODY, PX_HF_BLOCK},
    {"br", PX_T_BR, PX_HF_BLOCK},
    {"button", PX_T_OTHER, SKIP},
    {"canvas", PX_T_OTHER, SKIP},
    {"caption", PX_T_CAPTION, PX_HF_BLOCK},
    {"center", PX_T_CENTER, PX_HF_BLOCK},
    {"dd", PX_T_DD, PX_HF_BLOCK},
    {"details", PX_T_DETAILS, PX_HF_BLOCK},
    {"dialog", PX_T_DIALOG, PX_HF_BLOCK},
    {"div", PX_T_DIV, PX_HF_BLOCK},
    {"dl", PX_T_DL, PX_HF_BLOCK},
    {"dt", PX_T_DT, PX_HF_BLOCK},
    {"em", PX_T_EM, 0},
    {"embed", PX_T_OTHER, SKIP},
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
    {"iframe", PX_T_OTHER, SKIP},
    {"input", PX_T_OTHER, SKIP},
    {"label", PX_T_LABEL, 0},
    {"li", PX_T_LI, PX_HF_BLOCK},
    {"main", PX_T_MAIN, PX_HF_BLOCK},
    {"map", PX_T_OTHER, SKIP},
    {"math", PX_T_OTHER, SKIP},
    {"nav", PX_T_NAV, PX_HF_BLOCK},
    {"noscript", PX_T_OTHER, SKIP},
    {"object", PX_T_OTHER, SKIP},
    {"ol", PX_T_OL, PX_HF_BLOCK},
    {"option", PX_T_OTHER, SKIP},
    {"p", PX_T_P, PX_HF_BLOCK},
    {"pre", PX_T_PRE, PX_HF_BLOCK},
    {"script", PX_T_OTHER, SKIP},
    {"section", PX_T_SECTION, PX_HF_BLOCK},
    {"select", PX_T_OTHER, SKIP},
    {"span", PX_T_SPAN, 0},
    {"strong", PX_T_STRONG, 0},
    {"style", PX_T_OTHER, SKIP},
    {"svg", PX_T_OTHER, SKIP},
    {"table", PX_T_TABLE, PX_HF_BLOCK},
    {"td", PX_T_TD, PX_HF_BLOCK},
    {"template", PX_T_OTHER, SKIP},
    {"textarea", PX_T_OTHER, SKIP},
    {"th", PX_T_TH, PX_HF_BLOCK},
    {"time", PX_T_TIME, 0},
    {"tr", PX_T_TR, PX_HF_BLOCK},
    {"ul", PX_T_UL, PX_HF_BLOCK},
    {"video", PX_T_OTHER, SKIP},
};

static int cmp_tag(const void *k, const void *e) {
    return strcmp(k, ((const tag_info *)e)->name);
}

static const tag_info *tag_find(const char *name) {
    return bsearch(name, tags, sizeof tags / sizeof *tags, sizeof *tags,
                   cmp_tag);
}

const char *px_html_tag_name(int tag) {
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
        if (tags[i].tag == tag && tag != PX_T_OTHER) return tags[i].name;
    return tag == PX_T_ROOT ? "root" : tag == PX_T_TEXT ? "#text" : "*";
}

/* ------------------------------------------------------------ parse state */

typedef struct sax_state {
    px_html *h;
    xmlParserCtxtPtr ctxt;
    uint32_t cur;    /* node receiving children */
    size_t skip;     /* >0: inside a dropped subtree (nesting count) */
    px_buf *capture; /* where skipped text goes (title, JSON-LD) */
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
        if (s->ctxt) xmlStopParser(s->ctxt);
        return PX_HNONE;
    }
    if (h->n == h->cap) {
        uint32_t cap = h->cap ? h->cap * 2 : 1024;
        px_hnode *nn = px_try_realloc(h->nodes, (size_t)cap * sizeof *nn);
        if (!nn) {
            s->rc = PX_ERR_NOMEM;
            if (s->ctxt) xmlStopParser(s->ctxt);
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
        if (p->last != PX_HNONE)
            h->nodes[p->last].next = i;
        else
            p->first = i;
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
static int head_element(sax_state *s, const char *name, const xmlChar **atts) {
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

/* Start a dropped subtree (its text is not kept). */
static void skip_begin(sax_state *s) {
    s->skip = 1;
    s->capture = NULL;
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
    const tag_info *ti = tag_find(name);
    if ((ti && (ti->flags & SKIP)) || is_hidden(atts) ||
        head_element(s, name, atts)) {
        skip_begin(s);
        return;
    }
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
    if (s->cur != PX_HNONE && s->cur != 0) s->cur = s->h->nodes[s->cur].parent;
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

/* ---------------------------------------------------------------- prescan */

/* Case-insensitive "<name" followed by a delimiter at p (p < end). */
static int tag_at(const char *p, const char *end, const char *name) {
    size_t k = strlen(name);
    if ((size_t)(end - p) < k + 2 || p[0] != '<' || strncasecmp(p + 1, name, k))
        return 0;
    char c = p[k + 1];
    return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' ||
           c == '\r' || c == '\f';
}

static const char *find_ci(const char *p, const char *end, const char *s) {
    size_t k = strlen(s);
    for (; p && (size_t)(end - p) >= k; p++) {
        p = memchr(p, '<', (size_t)(end - p));
        if (!p || (size_t)(end - p) < k) return NULL;
        if (!strncasecmp(p, s, k)) return p;
    }
    return NULL;
}

/* Skip a <script> or <style> element starting at p; JSON-LD bodies go to
 * meta.ld.  Returns where the document resumes. */
static const char *raw_element(px_html *h, const char *p, const char *end,
                               const char *close) {
    const char *gt = memchr(p, '>', (size_t)(end - p));
    if (!gt) return end;
    const char *body = gt + 1, *stop = find_ci(body, end, close);
    if (!stop) stop = end;
    px_buf *ld = &h->meta.ld;
    if (memmem(p, (size_t)(gt - p), "ld+json", 7) &&
        ld->len + (size_t)(stop - body) + 1 <= LD_MAX) {
        if (ld->len) px_buf_putc(ld, 0);
        px_buf_append(ld, body, (size_t)(stop - body));
    }
    const char *after =
        stop < end ? memchr(stop, '>', (size_t)(end - stop)) : NULL;
    return after ? after + 1 : end;
}

/* Copy html without comments, scripts and styles into out.  libxml2 2.9
 * ends script text at any "</" + letter (HTML 4 rules), which lets
 * document.write() strings leak into the page text; HTML5 ends it only at
 * "</script".  Doing this lexing first also saves the parser the work. */
static px_result prescan(px_html *h, const char *p, size_t len, px_buf *out) {
    const char *end = p + len, *from = p;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) break;
        const char *next = NULL;
        if ((size_t)(end - lt) >= 4 && !memcmp(lt, "<!--", 4)) {
            const char *e = memmem(lt + 4, (size_t)(end - lt - 4), "-->", 3);
            next = e ? e + 3 : end;
        } else if (tag_at(lt, end, "script")) {
            next = raw_element(h, lt, end, "</script");
        } else if (tag_at(lt, end, "style")) {
            next = raw_element(h, lt, end, "</style");
        }
        if (!next) {
            p = lt + 1;
            continue;
        }
        px_result rc = px_buf_append(out, from, (size_t)(lt - from));
        if (rc) return rc;
        px_buf_putc(out, ' ');
        p = from = next;
    }
    return px_buf_append(out, from, (size_t)(end - from));
}

static void sax_run(sax_state *s, const char *html, size_t len) {
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(html, (int)len);
    if (!ctxt) {
        s->rc = PX_ERR_NOMEM;
        return;
    }
    s->ctxt = ctxt;
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
    ctxt->userData = s;
    htmlCtxtUseOptions(ctxt, HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(ctxt);
    htmlFreeParserCtxt(ctxt);
}

px_result px_html_parse(px_html *h, const char *html, size_t len,
                        size_t max_nodes) {
    memset(h, 0, sizeof *h);
    if (len > INT32_MAX) return PX_ERR_TOOBIG;
    h->max_nodes =
        max_nodes > UINT32_MAX - 1 ? UINT32_MAX - 1 : (uint32_t)max_nodes;
    px_buf_init(&h->pool, UINT32_MAX - 1);
    sax_state s = {h, NULL, PX_HNONE, 0, NULL, 0, PX_OK};
    uint32_t root = node_add(&s, PX_T_ROOT);
    if (root == PX_HNONE) return s.rc ? s.rc : PX_ERR_NOMEM;
    h->nodes[root].flags = PX_HF_BLOCK;
    s.cur = root;
    px_buf clean;
    px_buf_init(&clean, len + 1);
    s.rc = prescan(h, html, len, &clean);
    if (!s.rc && clean.len) sax_run(&s, clean.data, clean.len);
    px_buf_release(&clean);
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
