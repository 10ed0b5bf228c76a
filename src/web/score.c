/*
 * score.c - content scoring: find the article body among a page's blocks.
 *
 * Design (in the spirit of readability and trafilatura, written anew):
 *  1. Segment: the text between two block boundaries under the same
 *     nearest block element is one paragraph (a block).
 *  2. Score containers: each paragraph of 25+ bytes credits its container
 *     (the element holding it), the one above with half and the next with
 *     a sixth of 1 + commas + min(len/100, 3).  A container starts from a
 *     tag prior and +-25 for positive/negative class/id cues; its final
 *     score is scaled by 1 - link density.  When several strong candidates
 *     share an ancestor the body is that ancestor; siblings of the winner
 *     that score well, share its class or read as prose join it.
 *  3. Filter: inside the chosen containers each block is kept unless it sits
 *     under boilerplate (nav, aside, footer, figure, captions, class/id cues
 *     such as related/share/comment/newsletter/ad), is mostly links, is a
 *     top-level heading or repeats the title.
 * Every pass is a loop over the pre-order node array: no recursion.
 */
#include <math.h>
#include <string.h>

#include "core/array.h"
#include "web/score.h"

typedef struct para {
    uint32_t block;       /* nearest block element */
    uint32_t off, len;    /* text in ctx.buf */
    uint32_t links;       /* bytes inside links */
    uint32_t first, last; /* first and last text node */
} para;

typedef struct ctx {
    const px_html *h;
    uint32_t *blk;  /* nearest block ancestor (self if block) */
    uint32_t *text; /* text bytes in the subtree */
    uint32_t *link; /* link text bytes in the subtree */
    uint32_t *bad;  /* boilerplate ancestor inside content, or NONE */
    float *score;
    uint8_t *cand;    /* scored as a container */
    uint8_t *inc;     /* 1: inside the body; 2: a body root */
    uint8_t *hasblk;  /* has a block child other than <br> */
    uint8_t *aside;   /* under comments, related links, nav, aside, footer */
    uint8_t *cluster; /* inside an inline cluster of links (hover cards) */
    uint32_t *nlink;  /* links in the subtree */
    para *paras;
    size_t np, pcap;
    px_buf buf;
} ctx;

/* --------------------------------------------------------------- cue words */

/* Cue words; a leading '=' asks for a whole word (between non-letters). */
static const char *const boiler_words[] = {"=ad",
                                           "=ads",
                                           "advert",
                                           "=author",
                                           "banner",
                                           "breadcrumb",
                                           "byline",
                                           "caption",
                                           "comment",
                                           "consent",
                                           "cookie",
                                           "credit",
                                           "disqus",
                                           "=footer",
                                           "gallery",
                                           "gdpr",
                                           "=header",
                                           "=hidden",
                                           "masthead",
                                           "=menu",
                                           "=meta",
                                           "modal",
                                           "=nav",
                                           "navigation",
                                           "newsletter",
                                           "outbrain",
                                           "popular",
                                           "popup",
                                           "promo",
                                           "readmore",
                                           "read-more",
                                           "recommend",
                                           "related",
                                           "screen-reader",
                                           "=share",
                                           "sharing",
                                           "sidebar",
                                           "signup",
                                           "sign-up",
                                           "social",
                                           "sponsor",
                                           "sr-only",
                                           "subscri",
                                           "taboola",
                                           "=tags",
                                           "toolbar",
                                           "trending",
                                           "visually-hidden",
                                           "visuallyhidden",
                                           "widget"};

static const char *const good_words[] = {"article", "=body", "content",
                                         "entry",   "=main", "=post",
                                         "=text",   "story", "blog"};

static int is_alpha(char c) {
    return (c >= 'a' && c <= 'z');
}

static const char *cue_find(const char *s, size_t n, const char *w) {
    int whole = *w == '=';
    if (whole) w++;
    size_t k = strlen(w);
    for (const char *p = s; p && (size_t)(p - s) + k <= n;) {
        p = memmem(p, n - (size_t)(p - s), w, k);
        if (!p) return NULL;
        if (!whole || ((p == s || !is_alpha(p[-1])) &&
                       ((size_t)(p - s) + k == n || !is_alpha(p[k]))))
            return w;
        p++;
    }
    return NULL;
}

static const char *cue_any(const char *s, size_t n, const char *const *w,
                           size_t nw) {
    for (size_t i = 0; i < nw && n; i++) {
        const char *m = cue_find(s, n, w[i]);
        if (m) return m;
    }
    return NULL;
}

int px_cue_boiler(const char *cue, size_t n, const char **word) {
    const char *m = cue_any(cue, n, boiler_words,
                            sizeof boiler_words / sizeof *boiler_words);
    if (word) *word = m;
    return m != NULL;
}

static const char *node_cue(const ctx *c, uint32_t i, size_t *n) {
    const px_hnode *e = &c->h->nodes[i];
    *n = e->len;
    return c->h->pool.data ? c->h->pool.data + e->off : "";
}

/* ---------------------------------------------------------------- passes */

static int is_tag(int t, int a, int b) {
    return t >= a && t <= b;
}

/* Sections that never hold the article, however much prose they have. */
static const char *const aside_words[] = {"comment", "related", "disqus",
                                          "recommend"};

static int aside_node(const ctx *c, uint32_t i) {
    int t = c->h->nodes[i].tag;
    if (t == PX_T_ASIDE || t == PX_T_NAV || t == PX_T_FOOTER) return 1;
    /* a wrapper of most of the page is not a side section */
    if (t == PX_T_BODY || c->text[i] * 2 > c->text[0]) return 0;
    size_t n;
    const char *cue = node_cue(c, i, &n);
    return cue_any(cue, n, aside_words,
                   sizeof aside_words / sizeof *aside_words) != NULL;
}

/* An inline element of a <p> holding 3+ links and little else: a widget
 * (hover card, link list) inside the paragraph, not part of its prose. */
static int link_cluster(const ctx *c, uint32_t i) {
    const px_hnode *e = &c->h->nodes[i];
    return !(e->flags & (PX_HF_BLOCK | PX_HF_LINK)) && e->tag != PX_T_TEXT &&
           c->h->nodes[c->blk[e->parent]].tag == PX_T_P && c->nlink[i] >= 3 &&
           c->link[i] * 5 >= c->text[i] * 4;
}

/* Reverse: text and link totals, without text inside link clusters. */
static void sum_text(ctx *c) {
    const px_hnode *nodes = c->h->nodes;
    memset(c->text, 0, c->h->n * sizeof *c->text);
    memset(c->link, 0, c->h->n * sizeof *c->link);
    memset(c->nlink, 0, c->h->n * sizeof *c->nlink);
    for (uint32_t i = c->h->n; i-- > 1;) {
        const px_hnode *e = &nodes[i];
        if (e->tag == PX_T_TEXT && !c->cluster[i]) c->text[i] = e->len;
        if (e->flags & PX_HF_LINK) {
            c->link[i] = c->text[i];
            c->nlink[i]++;
        }
        c->nlink[e->parent] += c->nlink[i];
        c->text[e->parent] += c->text[i];
        c->link[e->parent] += c->link[i];
        if ((e->flags & PX_HF_BLOCK) && e->tag != PX_T_BR)
            c->hasblk[e->parent] = 1;
    }
}

/* Link clusters: the innermost ones (a hover card, not the link that
 * shows it), then everything under them. */
static void mark_clusters(ctx *c) {
    enum { CAND = 1, INNER = 2 }; /* INNER: a candidate lies below */
    const px_hnode *nodes = c->h->nodes;
    for (uint32_t i = c->h->n; i-- > 1;) {
        if (link_cluster(c, i)) c->cluster[i] |= CAND;
        if (c->cluster[i]) c->cluster[nodes[i].parent] |= INNER;
    }
    c->cluster[0] = 0;
    for (uint32_t i = 1; i < c->h->n; i++) {
        int own = c->cluster[i] == CAND;
        c->cluster[i] = c->cluster[nodes[i].parent] || own;
    }
}

/* Forward: nearest block ancestor.  Reverse: totals.  Forward: link
 * clusters, then totals again without them, then side sections. */
static void pass_tree(ctx *c) {
    const px_html *h = c->h;
    for (uint32_t i = 0; i < h->n; i++) {
        const px_hnode *e = &h->nodes[i];
        uint32_t p = e->parent;
        c->blk[i] = (e->flags & PX_HF_BLOCK) || p == PX_HNONE ? i : c->blk[p];
    }
    sum_text(c);
    mark_clusters(c);
    sum_text(c);
    for (uint32_t i = 1; i < h->n; i++)
        if (h->nodes[i].tag != PX_T_TEXT)
            c->aside[i] = c->aside[h->nodes[i].parent] || aside_node(c, i);
}

static int in_link(const ctx *c, uint32_t i) {
    for (uint32_t p = c->h->nodes[i].parent; p != PX_HNONE && p != c->blk[i];
         p = c->h->nodes[p].parent)
        if (c->h->nodes[p].flags & PX_HF_LINK) return 1;
    return 0;
}

static void para_flush(ctx *c, para *cur) {
    while (cur->len && c->buf.data[cur->off + cur->len - 1] == ' ') {
        cur->len--;
        c->buf.len--;
    }
    if (cur->links > cur->len) cur->links = cur->len; /* trimmed space */
    if (cur->len) {
        c->paras =
            px_array_grow(c->paras, &c->pcap, c->np + 1, 256, sizeof *c->paras);
        c->paras[c->np++] = *cur;
    }
    cur->off = (uint32_t)c->buf.len;
    cur->len = cur->links = 0;
    cur->block = cur->first = PX_HNONE;
}

static px_result para_text(ctx *c, para *cur, uint32_t i) {
    const px_hnode *e = &c->h->nodes[i];
    const char *t = c->h->pool.data + e->off;
    size_t n = e->len;
    if (n && *t == ' ' && (!cur->len || c->buf.data[c->buf.len - 1] == ' ')) {
        t++;
        n--;
    }
    if (!n) return PX_OK;
    px_result rc = px_buf_append(&c->buf, t, n);
    if (rc) return rc;
    if (cur->first == PX_HNONE) cur->first = i;
    cur->last = i;
    cur->len += (uint32_t)n;
    if (in_link(c, i)) cur->links += (uint32_t)n;
    return PX_OK;
}

/* Split the text into paragraphs at block boundaries. */
static px_result pass_paras(ctx *c) {
    para cur = {PX_HNONE, 0, 0, 0, PX_HNONE, PX_HNONE};
    for (uint32_t i = 1; i < c->h->n; i++) {
        const px_hnode *e = &c->h->nodes[i];
        if (e->tag != PX_T_TEXT) {
            if (e->flags & PX_HF_BLOCK) para_flush(c, &cur);
            continue;
        }
        if (c->cluster[i]) continue;
        uint32_t b = c->blk[e->parent];
        if (b != cur.block) {
            para_flush(c, &cur);
            cur.block = b;
        }
        px_result rc = para_text(c, &cur, i);
        if (rc) return rc;
    }
    para_flush(c, &cur);
    return PX_OK;
}

/* ------------------------------------------------------------ containers */

static float tag_prior(int t) {
    if (t == PX_T_DIV || t == PX_T_ARTICLE || t == PX_T_MAIN) return 5;
    if (t == PX_T_PRE || t == PX_T_TD || t == PX_T_BLOCKQUOTE) return 3;
    if (t == PX_T_ADDRESS || is_tag(t, PX_T_LI, PX_T_DD) || t == PX_T_FORM)
        return -3;
    if (is_tag(t, PX_T_H1, PX_T_H6) || t == PX_T_TH) return -5;
    return 0;
}

static float class_weight(const ctx *c, uint32_t i) {
    size_t n;
    const char *cue = node_cue(c, i, &n);
    float w = 0;
    if (cue_any(cue, n, good_words, sizeof good_words / sizeof *good_words))
        w += 25;
    if (px_cue_boiler(cue, n, NULL)) w -= 25;
    return w;
}

static size_t commas(const char *s, size_t n) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ',')
            k++;
        else if (i + 1 < n && (unsigned char)s[i] == 0xD8 &&
                 (unsigned char)s[i + 1] == 0x8C)
            k++; /* Arabic comma */
        else if (i + 2 < n && (unsigned char)s[i] == 0xEF &&
                 (unsigned char)s[i + 1] == 0xBC &&
                 (unsigned char)s[i + 2] == 0x8C)
            k++; /* full-width comma */
    }
    return k;
}

static void credit(ctx *c, const para *p) {
    const px_hnode *nodes = c->h->nodes;
    uint32_t a = c->hasblk[p->block] ? p->block : nodes[p->block].parent;
    float s = 1.0f + (float)commas(c->buf.data + p->off, p->len) +
              fminf((float)p->len / 100.0f, 3.0f);
    static const float share[] = {1.0f, 0.5f, 1.0f / 6.0f};
    for (int lv = 0; lv < 3 && a != PX_HNONE && a != 0; lv++) {
        if (!c->cand[a]) {
            c->cand[a] = 1;
            c->score[a] = tag_prior(nodes[a].tag) + class_weight(c, a);
        }
        c->score[a] += s * share[lv];
        a = nodes[a].parent;
    }
}

static float final_score(const ctx *c, uint32_t i) {
    float ld = c->text[i] ? (float)c->link[i] / (float)c->text[i] : 0;
    float s = c->score[i] * (1.0f - ld);
    return c->aside[i] ? s * 0.3f : s;
}

static int is_under(const ctx *c, uint32_t i, uint32_t anc) {
    for (; i != PX_HNONE; i = c->h->nodes[i].parent)
        if (i == anc) return 1;
    return 0;
}

/* When 3+ near-best candidates live under one ancestor of the best, the
 * body is split across them: take that ancestor. */
static uint32_t widen(const ctx *c, uint32_t top, const uint32_t *alt,
                      size_t nalt) {
    if (nalt < 3) return top;
    for (uint32_t a = c->h->nodes[top].parent; a != PX_HNONE && a != 0;
         a = c->h->nodes[a].parent) {
        if (c->h->nodes[a].tag == PX_T_BODY) break;
        size_t k = 0;
        for (size_t j = 0; j < nalt; j++) k += is_under(c, alt[j], a);
        if (k >= 3) return a;
    }
    return top;
}

static uint32_t pick_top(ctx *c) {
    uint32_t top = PX_HNONE, alt[5];
    size_t nalt = 0;
    float best = 0;
    for (uint32_t i = 1; i < c->h->n; i++)
        if (c->cand[i] && (top == PX_HNONE || final_score(c, i) > best)) {
            best = final_score(c, i);
            top = i;
        }
    if (top == PX_HNONE) return 0;
    for (uint32_t i = 1; i < c->h->n && nalt < 5; i++)
        if (c->cand[i] && i != top && !is_under(c, i, top) &&
            !is_under(c, top, i) && final_score(c, i) >= 0.75f * best)
            alt[nalt++] = i;
    return widen(c, top, alt, nalt);
}

static int same_cue(const ctx *c, uint32_t a, uint32_t b) {
    size_t na, nb;
    const char *ca = node_cue(c, a, &na), *cb = node_cue(c, b, &nb);
    return na && na == nb && !memcmp(ca, cb, na);
}

static int prose_sibling(const ctx *c, uint32_t s) {
    uint32_t t = c->text[s];
    float ld = t ? (float)c->link[s] / (float)t : 1;
    if (c->hasblk[s] || !t) return 0;
    if (t > 80) return ld < 0.25f;
    return ld == 0 && c->h->nodes[s].tag == PX_T_P;
}

/* Containers elsewhere with the top's tag and class: the body continued
 * after an interruption (ad slots, inline promos). */
static void mark_continued(ctx *c, uint32_t top, float need) {
    const px_hnode *nodes = c->h->nodes;
    if (!nodes[top].len) return;
    for (uint32_t i = 1; i < c->h->n; i++)
        if (c->cand[i] && !c->inc[i] && nodes[i].tag == nodes[top].tag &&
            same_cue(c, i, top) && !c->aside[i] && !is_under(c, i, top) &&
            !is_under(c, top, i) && final_score(c, i) >= need)
            c->inc[i] = 2;
}

/* Mark the body roots: the top container and the siblings that join it. */
static void mark_roots(ctx *c, uint32_t top) {
    const px_hnode *nodes = c->h->nodes;
    uint32_t par = nodes[top].parent;
    c->inc[top] = 2;
    if (par == PX_HNONE || top == 0) return;
    float best = final_score(c, top);
    float need = fmaxf(10.0f, best * 0.2f);
    for (uint32_t s = nodes[par].first; s != PX_HNONE; s = nodes[s].next) {
        if (s == top || nodes[s].tag == PX_T_TEXT) continue;
        float bonus = same_cue(c, s, top) ? best * 0.2f : 0;
        if ((c->cand[s] && final_score(c, s) + bonus >= need) ||
            prose_sibling(c, s))
            c->inc[s] = 2;
    }
    mark_continued(c, top, need);
}

static int boiler_tag(int t) {
    return t == PX_T_NAV || t == PX_T_ASIDE || t == PX_T_FOOTER ||
           t == PX_T_FIGURE || t == PX_T_FIGCAPTION || t == PX_T_DIALOG ||
           t == PX_T_HEADER || t == PX_T_CAPTION;
}

/* Forward: who is inside the body, and under which boilerplate. */
static void pass_content(ctx *c) {
    const px_hnode *nodes = c->h->nodes;
    for (uint32_t i = 0; i < c->h->n; i++) {
        uint32_t p = nodes[i].parent;
        c->bad[i] = PX_HNONE;
        if (c->inc[i] == 2) continue;
        if (p == PX_HNONE || !c->inc[p]) continue;
        c->inc[i] = 1;
        c->bad[i] = c->bad[p];
        size_t n;
        const char *cue = node_cue(c, i, &n);
        if (c->bad[i] == PX_HNONE && nodes[i].tag != PX_T_TEXT &&
            (boiler_tag(nodes[i].tag) || px_cue_boiler(cue, n, NULL)))
            c->bad[i] = i;
    }
}

/* ---------------------------------------------------------------- output */

static void describe(const ctx *c, uint32_t i, char *out, size_t cap) {
    size_t n;
    const char *cue = node_cue(c, i, &n);
    size_t k = 0;
    while (k < n && k < 40 && cue[k] != ' ') k++;
    snprintf(out, cap, "%s%s%.*s", px_html_tag_name(c->h->nodes[i].tag),
             k ? "." : "", (int)k, cue);
}

/* A label, not prose: one short word without closing punctuation
 * ("Advertisement", "Comments", "Topics"). */
static int is_label(const ctx *c, const para *p) {
    int t = c->h->nodes[p->block].tag;
    if (is_tag(t, PX_T_H1, PX_T_DD) || is_tag(t, PX_T_TR, PX_T_TH))
        return 0; /* headings, lists and tables hold short items */
    const char *s = c->buf.data + p->off;
    size_t spaces = 0;
    for (size_t i = 0; i < p->len; i++) spaces += s[i] == ' ';
    char last = s[p->len - 1];
    return p->len <= 24 && !spaces && !strchr(".!?\"')", last);
}

/* Why p is dropped, or NULL when it is kept. */
static const char *verdict(const ctx *c, const para *p, const char *title,
                           char *why, size_t cap) {
    const px_hnode *nodes = c->h->nodes;
    if (!c->inc[p->block]) return "outside the main content";
    uint32_t b = c->bad[p->block];
    if (b == PX_HNONE && c->bad[p->last] != PX_HNONE)
        b = c->bad[p->first]; /* inline boilerplate: <span class=caption> */
    if (b != PX_HNONE) {
        size_t n;
        const char *cue = node_cue(c, b, &n), *w = NULL;
        if (boiler_tag(nodes[b].tag) || !px_cue_boiler(cue, n, &w))
            snprintf(why, cap, "inside <%s>", px_html_tag_name(nodes[b].tag));
        else
            snprintf(why, cap, "class/id cue '%s'", w + (*w == '='));
        return why;
    }
    /* mostly links, and little prose besides (hover cards inside a link
     * do not sink a long sentence) */
    if (p->links * 2 > p->len && p->len - p->links < 100) {
        snprintf(why, cap, "link density %.2f", (double)p->links / p->len);
        return why;
    }
    if (nodes[p->block].tag == PX_T_H1) return "top-level heading";
    if (is_label(c, p)) return "a label, not prose";
    if (title && strlen(title) == p->len &&
        !memcmp(title, c->buf.data + p->off, p->len))
        return "repeats the title";
    return NULL;
}

/* A heading, or a short line without closing punctuation ("More:",
 * "Comments"): it introduces what follows, so it never ends an article. */
static int is_intro(const ctx *c, const para *p) {
    if (is_tag(c->h->nodes[p->block].tag, PX_T_H1, PX_T_H6)) return 1;
    const char *s = c->buf.data + p->off;
    size_t n = p->len;
    while (n && (s[n - 1] == ' ' ||
                 (n >= 2 && s[n - 2] == '\xc2' && s[n - 1] == '\xa0')))
        n -= s[n - 1] == ' ' ? 1 : 2; /* spaces, no-break spaces */
    /* closing punctuation; \x9d ends U+201D */
    return p->len < 40 && n && !strchr(".!?\"')]\x9d", s[n - 1]);
}

/* Index from which every kept paragraph is a trailing intro. */
static size_t body_end(const ctx *c, const char *title) {
    char why[96];
    size_t end = c->np;
    for (; end > 0; end--) {
        const para *p = &c->paras[end - 1];
        if (!verdict(c, p, title, why, sizeof why) && !is_intro(c, p)) break;
    }
    return end;
}

static px_result emit(ctx *c, const char *title, px_buf *text,
                      px_explain_fn explain, void *ud) {
    char why[96], where[64];
    size_t end = body_end(c, title);
    for (size_t i = 0; i < c->np; i++) {
        const para *p = &c->paras[i];
        const char *v = verdict(c, p, title, why, sizeof why);
        if (!v && i >= end) v = "heading or label at the end of the body";
        if (explain) {
            describe(c, p->block, where, sizeof where);
            explain(ud, v == NULL, v ? v : "main content", where,
                    c->buf.data + p->off, p->len);
        }
        if (v) continue;
        px_result rc = PX_OK;
        if (text->len) rc = px_buf_append(text, "\n\n", 2);
        if (!rc) rc = px_buf_append(text, c->buf.data + p->off, p->len);
        if (rc) return rc;
    }
    return PX_OK;
}

static void ctx_release(ctx *c) {
    px_free(c->blk);
    px_free(c->text);
    px_free(c->link);
    px_free(c->bad);
    px_free(c->score);
    px_free(c->cand);
    px_free(c->inc);
    px_free(c->hasblk);
    px_free(c->aside);
    px_free(c->cluster);
    px_free(c->nlink);
    px_free(c->paras);
    px_buf_release(&c->buf);
}

px_result px_score_body(const px_html *h, const char *title, px_buf *text,
                        px_explain_fn explain, void *ud) {
    if (!h->n) return PX_OK;
    ctx c;
    memset(&c, 0, sizeof c);
    c.h = h;
    size_t n = h->n;
    c.blk = px_malloc(n * sizeof *c.blk);
    c.text = px_calloc(n, sizeof *c.text);
    c.link = px_calloc(n, sizeof *c.link);
    c.bad = px_malloc(n * sizeof *c.bad);
    c.score = px_calloc(n, sizeof *c.score);
    c.cand = px_calloc(n, 1);
    c.inc = px_calloc(n, 1);
    c.hasblk = px_calloc(n, 1);
    c.aside = px_calloc(n, 1);
    c.cluster = px_calloc(n, 1);
    c.nlink = px_calloc(n, sizeof *c.nlink);
    pass_tree(&c);
    px_result rc = pass_paras(&c);
    if (!rc) {
        for (size_t i = 0; i < c.np; i++)
            if (c.paras[i].len >= 25) credit(&c, &c.paras[i]);
        mark_roots(&c, pick_top(&c));
        pass_content(&c);
        rc = emit(&c, title, text, explain, ud);
    }
    ctx_release(&c);
    return rc;
}
