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
 * comments, scripts and styles first (keeping JSON-LD bodies), then start
 * tags are cut after ATTRS_MAX attributes (see cap_attrs).
 */
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h> /* xmlSwitchEncoding */
#include <string.h>
#include <strings.h> /* strncasecmp */

#include "web/html.h"

#define LD_MAX    ((size_t)4 << 20) /* JSON-LD bytes kept per page */
#define META_MAX  ((size_t)1 << 20) /* <meta> bytes kept per page */
#define TITLE_MAX 4096
#define ATTRS_MAX 128 /* attributes passed to libxml2 per start tag */

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

/* ------------------------------------------------------- attribute cap */

/* libxml2 2.9 checks each new attribute of a start tag against all the
 * earlier ones (htmlParseStartTag, "at most one declaration of an
 * attribute"): a tag with n attributes costs n^2/2 string compares, so a
 * 3.5 MB page of one <div> with 200,000 attributes took 64 s.  Real tags
 * carry a few dozen at most; those past ATTRS_MAX are dropped here, which
 * bounds the parse at ATTRS_MAX compares per attribute.
 *
 * The lexer follows libxml2 2.9's own tokenising so that its tags and
 * ours coincide: a start tag is '<' + ASCII letter; names are runs of
 * [A-Za-z0-9:._-] read in chunks of at most 100 bytes (each chunk is a
 * separate attribute to libxml2); a name must start with a letter, '_',
 * ':' or '.', anything else is skipped to the next blank or '>'; a value
 * is quoted (to the matching quote, '>' included) or runs to a blank or
 * '>'; the tag ends at '>' or "/>".  End tags, "<!" and "<?" run to the
 * next '>'; <script> and <style> content to the next "</" + letter.
 * Where the two might still differ, this lexer counts more attributes,
 * never fewer, within a tag. */

#define NAME_CHUNK 100 /* HTML_PARSER_BUFFER_SIZE of libxml2 */

static int is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_name_char(char c) {
    return is_letter(c) || (c >= '0' && c <= '9') || c == ':' || c == '.' ||
           c == '-' || c == '_';
}

static int at_tag_end(const char *p, const char *end) {
    return *p == '>' || (*p == '/' && end - p > 1 && p[1] == '>');
}

/* A name run at p: its end, counting one attribute per NAME_CHUNK bytes
 * into *n and noting in *cut where attribute ATTRS_MAX + 1 starts. */
static const char *lex_name(const char *p, const char *end, size_t *n,
                            const char **cut) {
    const char *q = p;
    while (q < end && is_name_char(*q)) {
        if ((size_t)(q - p) % NAME_CHUNK == 0 && ++*n > ATTRS_MAX && !*cut)
            *cut = q;
        q++;
    }
    return q;
}

/* The start tag at lt ('<' + letter): returns its end ('>', "/>" or end);
 * *cut is where attribute ATTRS_MAX + 1 starts, NULL when none does;
 * *raw is 1 for <script> and <style>. */
static const char *lex_start_tag(const char *lt, const char *end,
                                 const char **cut, int *raw) {
    const char *p = lt + 1, *name = p;
    size_t n = 0;
    *cut = NULL;
    while (p < end && p - name < NAME_CHUNK && is_name_char(*p)) p++;
    size_t k = (size_t)(p - name);
    *raw = (k == 6 && !strncasecmp(name, "script", 6)) ||
           (k == 5 && !strncasecmp(name, "style", 5));
    for (;;) {
        while (p < end && is_blank(*p)) p++;
        if (p == end || at_tag_end(p, end)) return p;
        if (!is_letter(*p) && *p != '_' && *p != ':' && *p != '.') {
            /* not a name: libxml2 drops it up to a blank or the end */
            while (p < end && !is_blank(*p) && !at_tag_end(p, end)) p++;
            continue;
        }
        p = lex_name(p, end, &n, cut);
        const char *q = p;
        while (q < end && is_blank(*q)) q++;
        if (q == end || *q != '=') continue;
        for (q++; q < end && is_blank(*q);) q++;
        if (q < end && (*q == '"' || *q == '\'')) {
            const char *close = memchr(q + 1, *q, (size_t)(end - q - 1));
            p = close ? close + 1 : end;
        } else {
            while (q < end && !is_blank(*q) && *q != '>') q++;
            p = q;
        }
    }
}

/* Where the markup construct at lt ends (exclusive), past its '>'; for a
 * start tag, *cut and *raw as lex_start_tag. */
static const char *lex_markup(const char *lt, const char *end, const char **cut,
                              int *raw) {
    *cut = NULL;
    *raw = 0;
    const char *gt;
    if (is_letter(lt[1]))
        gt = lex_start_tag(lt, end, cut, raw);
    else
        gt = memchr(lt + 1, '>', (size_t)(end - lt - 1));
    if (!gt || gt == end) {
        *raw = 0;
        return end;
    }
    if (*gt == '/' && gt[1] == '>') { /* <script/>: empty, no content */
        *raw = 0;
        return gt + 2;
    }
    return gt + 1;
}

/* Copy html into out with the attributes past ATTRS_MAX of every start
 * tag removed; 0 (out untouched) when no tag has that many. */
static int cap_attrs(const char *p, size_t len, px_buf *out) {
    const char *end = p + len, *from = p;
    int changed = 0;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p)), *cut;
        int raw;
        if (!lt || end - lt < 2) break;
        if (!is_letter(lt[1]) && lt[1] != '/' && lt[1] != '!' && lt[1] != '?') {
            p = lt + 1; /* a lone '<' is text */
            continue;
        }
        p = lex_markup(lt, end, &cut, &raw);
        if (cut) {
            /* keep the tag up to its attribute ATTRS_MAX + 1, then close
             * it where it closed (or here, at the end of the input) */
            const char *gt = lex_start_tag(lt, end, &cut, &raw);
            px_buf_append(out, from, (size_t)(cut - from));
            if (gt == end) px_buf_putc(out, '>');
            from = gt;
            changed = 1;
        }
        if (raw) { /* script or style content: to "</" + letter */
            for (; p < end; p++) {
                p = memchr(p, '<', (size_t)(end - p));
                if (!p) {
                    p = end;
                    break;
                }
                if (end - p > 2 && p[1] == '/' && is_letter(p[2])) break;
            }
        }
    }
    if (changed) px_buf_append(out, from, (size_t)(end - from));
    return changed;
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
    px_buf capped;
    px_buf_init(&capped, clean.len + 2);
    int cut = !s.rc && cap_attrs(clean.data, clean.len, &capped);
    const px_buf *in = cut ? &capped : &clean;
    if (!s.rc && in->len) sax_run(&s, in->data, in->len);
    px_buf_release(&capped);
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
