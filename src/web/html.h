/*
 * web/html.h - an HTML page as a compact array tree (internal).
 *
 * Nodes live in one array in document (pre-)order, so a parent's index is
 * always below its children's: bottom-up aggregates are one reverse loop,
 * and walks use parent/next links, never recursion.  Text and attribute
 * strings live in one byte pool.  Subtrees that never hold article text
 * (script, style, svg, forms controls, hidden elements...) are not stored;
 * head-only data (<title>, <meta>, <link rel=canonical>, JSON-LD) is
 * collected on the way into `px_html_meta`.
 */
#ifndef PX_WEB_HTML_H
#define PX_WEB_HTML_H

#include <stdint.h>

#include "parallax/core.h"

#define PX_HNONE UINT32_MAX

/* Tags the extractor tells apart; every other element is PX_T_OTHER. */
enum px_tag {
    PX_T_TEXT,
    PX_T_OTHER,
    PX_T_ROOT,
    PX_T_A,
    PX_T_P,
    PX_T_DIV,
    PX_T_SPAN,
    PX_T_H1,
    PX_T_H2,
    PX_T_H3,
    PX_T_H4,
    PX_T_H5,
    PX_T_H6,
    PX_T_LI,
    PX_T_UL,
    PX_T_OL,
    PX_T_DL,
    PX_T_DT,
    PX_T_DD,
    PX_T_BR,
    PX_T_HR,
    PX_T_TABLE,
    PX_T_TR,
    PX_T_TD,
    PX_T_TH,
    PX_T_BLOCKQUOTE,
    PX_T_PRE,
    PX_T_ARTICLE,
    PX_T_SECTION,
    PX_T_MAIN,
    PX_T_HEADER,
    PX_T_FOOTER,
    PX_T_NAV,
    PX_T_ASIDE,
    PX_T_FIGURE,
    PX_T_FIGCAPTION,
    PX_T_FORM,
    PX_T_BODY,
    PX_T_TIME,
    PX_T_ADDRESS,
    PX_T_CAPTION,
    PX_T_DETAILS,
    PX_T_DIALOG,
    PX_T_LABEL,
    PX_T_CENTER,
    PX_T_FONT,
    PX_T_B,
    PX_T_I,
    PX_T_EM,
    PX_T_STRONG,
    PX_T_COUNT
};

/* Node flags. */
enum {
    PX_HF_BLOCK = 1, /* block-level: breaks paragraphs */
    PX_HF_LINK = 2   /* an <a> with an href */
};

typedef struct px_hnode {
    uint32_t parent, first, last, next; /* PX_HNONE when absent */
    uint32_t off, len;           /* text: collapsed-on-output text in the pool;
                                    element: "class id itemprop role" cue string */
    uint32_t attr_off, attr_len; /* element: datetime/content attr value */
    uint8_t tag;
    uint8_t flags;
} px_hnode;

/* Metadata gathered while parsing (pool offsets; len 0 = absent). */
typedef struct px_html_meta {
    px_buf title;     /* <title> text */
    px_buf ld;        /* JSON-LD scripts, NUL-separated */
    px_buf metas;     /* "key\0value\0" pairs: og:title, author, ... */
    px_buf lang;      /* <html lang> */
    px_buf canonical; /* <link rel=canonical href> */
} px_html_meta;

typedef struct px_html {
    px_hnode *nodes;
    uint32_t n, cap, max_nodes;
    px_buf pool;
    px_html_meta meta;
    int truncated; /* node cap reached: the rest of the page was not read */
} px_html;

/* Parse UTF-8 html[0..len) into h (caller-owned struct; px_html_release
 * frees it even on failure).  max_nodes: node cap. */
px_result px_html_parse(px_html *h, const char *html, size_t len,
                        size_t max_nodes);
void px_html_release(px_html *h);
/* Tag name of a px_tag ("p"), for explanations. */
const char *px_html_tag_name(int tag);

#endif /* PX_WEB_HTML_H */
