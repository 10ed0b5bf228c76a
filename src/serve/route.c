/*
 * route.c - one HTTP request against the store into a reply (see
 * parallax/serve.h; endpoints in docs/serve.md).
 *
 * A request is parsed (px_url), dispatched on its first path segment, and
 * answered with the library's own views: story pages and lists from
 * parallax/story_view.h, compare pages from compare.h, alignment pages
 * from align.h, articles from article.h.  Every failure becomes a reply
 * with a status and a one-line message: JSON {"error": ...} when the
 * endpoint was to answer JSON, plain text otherwise.  The store is only
 * read.
 */
#include <stdarg.h>
#include <stdio.h> /* vsnprintf */
#include <string.h>
#include <time.h> /* time, for relative ?since= ?until= */

#include "parallax/align.h"
#include "parallax/compare.h"
#include "parallax/serve.h"
#include "parallax/story_view.h"

#define ID_MAX   512 /* bytes of an id in a request */
#define MAX_SRCS 3   /* /compare?a=&b=&c= */

static const char T_HTML[] = "text/html; charset=utf-8";
static const char T_JSON[] = "application/json; charset=utf-8";
static const char T_JSONL[] = "application/x-ndjson; charset=utf-8";
static const char T_TEXT[] = "text/plain; charset=utf-8";

/* Links of the served pages. */
static const px_story_links links = {"/", "/story/", "", "/article/",
                                     "/compare?a="};

typedef enum fmt { F_HTML = 1, F_JSON = 2, F_TEXT = 4, F_JSONL = 8 } fmt;

typedef struct req {
    px_store *s;
    px_url u;
    px_http_reply *r;
    int json; /* errors as JSON */
} req;

static void reply(req *q, int status, const char *type) {
    q->r->status = status;
    q->r->type = type;
}

/* An error reply: status and a message. */
__attribute__((format(printf, 3, 4))) static void fail(req *q, int status,
                                                       const char *fmt_, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt_);
    vsnprintf(msg, sizeof msg, fmt_, ap);
    va_end(ap);
    px_buf *o = &q->r->body;
    px_buf_clear(o);
    if (q->json) {
        px_buf_printf(o, "{\"error\": {\"status\": %d, \"message\": ", status);
        px_buf_json_str(o, msg, strlen(msg));
        px_buf_puts(o, "}}\n");
    } else {
        px_buf_printf(o, "%d %s\n", status, msg);
    }
    reply(q, status, q->json ? T_JSON : T_TEXT);
}

static void fail_store(req *q, px_result rc) {
    fail(q, 500, "store error: %s (%s)", px_result_str(rc),
         px_store_errmsg(q->s));
}

/* ?format= among the allowed ones (def when absent); 0 after a 400. */
static fmt get_format(req *q, unsigned allowed, fmt def) {
    static const struct {
        const char *name;
        fmt f;
    } names[] = {{"html", F_HTML},
                 {"json", F_JSON},
                 {"text", F_TEXT},
                 {"jsonl", F_JSONL}};
    const char *v = px_url_get(&q->u, "format");
    fmt f = v ? 0 : def;
    for (size_t i = 0; v && i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(v, names[i].name) && (allowed & names[i].f)) f = names[i].f;
    q->json = (f ? f : def) & (F_JSON | F_JSONL);
    if (!f) fail(q, 400, "format: unknown or not offered here");
    return f;
}

/* The story list's filter from ?limit= ?min_size= ?min_outlets= ?since=
 * ?until= ?sort= (px_story_filter_set: the checks and caps of `parallax
 * stories`); -1 after a 400 naming the parameter. */
static int get_filter(req *q, px_story_filter *f) {
    static const char *const keys[] = {"limit", "min_size", "min_outlets",
                                       "since", "until",    "sort"};
    int64_t now = (int64_t)time(NULL);
    px_story_filter_default(f);
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        const char *v = px_url_get(&q->u, keys[i]), *why;
        if (v && px_story_filter_set(f, keys[i], v, now, &why)) {
            fail(q, 400, "%s: %s", keys[i], why);
            return -1;
        }
    }
    return 0;
}

static const char *type_of(fmt f) {
    return f == F_JSON    ? T_JSON
           : f == F_JSONL ? T_JSONL
           : f == F_TEXT  ? T_TEXT
                          : T_HTML;
}

/* End a computed page: 200 (a newline after JSON), or 500 naming what
 * could not be done. */
static void finish(req *q, fmt f, px_result rc, const char *what) {
    if (rc) {
        fail(q, 500, "cannot %s: %s", what, px_result_str(rc));
        return;
    }
    if (f == F_JSON) px_buf_putc(&q->r->body, '\n');
    reply(q, 200, type_of(f));
}

/* -------------------------------------------------------------- stories */

/* Answer a list of the stories: 200 as type, or 500 when the store has
 * none (rc from the listing). */
static void reply_list(req *q, px_result rc, const char *type) {
    if (rc)
        fail(q, 500,
             "no stories in this store (run 'parallax run' "
             "first): %s",
             px_result_str(rc));
    else
        reply(q, 200, type);
}

static void on_index(req *q, const char *arg) {
    (void)arg;
    px_story_filter sf;
    if (get_filter(q, &sf) || !get_format(q, F_HTML, F_HTML)) return;
    px_result rc = px_story_index_html(q->s, &links, &sf, &q->r->body);
    reply_list(q, rc, T_HTML);
}

typedef struct list_ctx {
    px_buf *o;
    size_t n;
    int lines;
} list_ctx;

static int list_one(void *ud, const px_story_info *st) {
    list_ctx *x = ud;
    if (x->n++ && !x->lines) px_buf_puts(x->o, ",\n");
    px_story_info_to_json(st, x->o);
    if (x->lines) px_buf_putc(x->o, '\n');
    return 0;
}

static void on_stories(req *q, const char *arg) {
    (void)arg;
    px_story_filter sf;
    fmt f = get_filter(q, &sf) ? 0 : get_format(q, F_JSON | F_JSONL, F_JSON);
    if (!f) return;
    list_ctx x = {&q->r->body, 0, f == F_JSONL};
    if (!x.lines) px_buf_puts(x.o, "[");
    px_result rc = px_story_each(q->s, &sf, list_one, &x);
    if (!x.lines) px_buf_puts(x.o, "]\n");
    reply_list(q, rc, type_of(f));
}

static void on_story(req *q, const char *id) {
    fmt f = get_format(q, F_HTML | F_JSON | F_TEXT, F_HTML);
    if (!f) return;
    char sid[PX_CLUSTER_ID_LEN];
    if (!px_story_of(q->s, id, sid)) id = sid; /* an article's id */
    px_story_fmt sf = f == F_JSON   ? PX_STORY_JSON
                      : f == F_TEXT ? PX_STORY_TEXT
                                    : PX_STORY_HTML;
    px_result rc = px_story_render(q->s, id, sf, 0, &links, &q->r->body);
    if (rc == PX_ERR_NOTFOUND)
        fail(q, 404, "no such story or article in a story: %s", id);
    else
        finish(q, f, rc, "show the story");
}

/* ------------------------------------------------------------- articles */

/* Fetch article id; 404/500 reply and NULL when it cannot be had. */
static px_article *get_article(req *q, const char *id) {
    px_article *a = NULL;
    px_result rc =
        strlen(id) > ID_MAX ? PX_ERR_NOTFOUND : px_store_get(q->s, id, &a);
    if (rc == PX_ERR_NOTFOUND)
        fail(q, 404, "no such article: %.200s", id);
    else if (rc)
        fail_store(q, rc);
    return rc ? NULL : a;
}

static void on_article(req *q, const char *id) {
    fmt f = get_format(q, F_JSON | F_TEXT, F_JSON);
    px_article *a = f ? get_article(q, id) : NULL;
    if (!a) return;
    if (f == F_TEXT) {
        px_buf_append(&q->r->body, a->text, a->text_len);
    } else {
        px_article_to_json(a, 1, &q->r->body);
        px_buf_putc(&q->r->body, '\n');
    }
    reply(q, 200, type_of(f));
    px_article_free(a);
}

/* The articles named by ?a= ?b= (?c=) and their docs. */
typedef struct srcs {
    px_article *art[MAX_SRCS];
    px_doc *doc[MAX_SRCS];
    px_compare_src src[MAX_SRCS];
    size_t n;
} srcs;

static void srcs_release(srcs *x) {
    for (size_t i = 0; i < x->n; i++) {
        px_doc_free(x->doc[i]);
        px_article_free(x->art[i]);
    }
}

/* Load parameters a, b (required) and up to max of a, b, c; 0 or -1 after
 * an error reply. */
static int srcs_load(req *q, size_t max, srcs *x) {
    static const char *const keys[MAX_SRCS] = {"a", "b", "c"};
    const char *ids[MAX_SRCS];
    for (size_t i = 0; i < max; i++) {
        ids[i] = px_url_get(&q->u, keys[i]);
        if (i < 2 && (!ids[i] || !*ids[i])) {
            fail(q, 400, "missing parameter %s (an article id)", keys[i]);
            return -1;
        }
    }
    for (size_t i = 0; i < max && ids[i] && *ids[i]; i++) {
        const char *id = ids[i];
        px_article *a = get_article(q, id);
        if (!a) return -1;
        px_doc_opts o = {0, a->title, a->outlet, NULL};
        px_result rc = px_doc_new(a->text, a->text_len, &o, &x->doc[x->n]);
        x->art[x->n] = a;
        x->src[x->n] = (px_compare_src){x->doc[x->n], a};
        x->n++;
        if (rc) {
            fail(q, 500, "cannot read article %.200s: %s", id,
                 px_result_str(rc));
            return -1;
        }
    }
    return 0;
}

/* The claim-by-claim comparison of the sources (?same=0: without the
 * `same` findings) as format f into o. */
static px_result compare_view(req *q, const srcs *x, fmt f, px_buf *o) {
    const char *same = px_url_get(&q->u, "same");
    px_compare_opts co = {NULL, 0, !(same && !strcmp(same, "0"))};
    px_compare *c = NULL;
    px_result rc = px_compare_new(x->src, x->n, &co, &c);
    if (!rc)
        rc = f == F_JSON   ? px_compare_to_json(c, o)
             : f == F_TEXT ? px_compare_to_text(c, 0, o)
                           : px_compare_to_html(c, o);
    px_compare_free(c);
    return rc;
}

/* The sentence alignment of the first two sources as format f into o. */
static px_result align_view(req *q, const srcs *x, fmt f, px_buf *o) {
    (void)q;
    px_align *al = NULL;
    px_result rc =
        px_align_docs(x->doc[0], x->art[0], x->doc[1], x->art[1], NULL, &al);
    if (!rc)
        rc = f == F_JSON   ? px_align_to_json(al, o)
             : f == F_TEXT ? px_align_to_text(al, NULL, o)
                           : px_align_to_html(al, NULL, o);
    px_align_free(al);
    return rc;
}

/* /compare and /align: load up to max sources, render them with view
 * (what: its name in an error reply) and answer. */
static void on_sources(req *q, size_t max, const char *what,
                       px_result (*view)(req *, const srcs *, fmt, px_buf *)) {
    fmt f = get_format(q, F_HTML | F_JSON | F_TEXT, F_HTML);
    srcs x = {0};
    if (f && !srcs_load(q, max, &x))
        finish(q, f, view(q, &x, f, &q->r->body), what);
    srcs_release(&x);
}

static void on_compare(req *q, const char *arg) {
    (void)arg;
    on_sources(q, MAX_SRCS, "compare", compare_view);
}

static void on_align(req *q, const char *arg) {
    (void)arg;
    on_sources(q, 2, "align", align_view);
}

static void on_health(req *q, const char *arg) {
    (void)arg;
    q->json = 1;
    size_t n = 0;
    px_result rc = px_store_count(q->s, &n);
    if (rc) {
        fail_store(q, rc);
        return;
    }
    px_buf_printf(&q->r->body,
                  "{\"status\": \"ok\", \"version\": \"%s\", "
                  "\"articles\": %zu}\n",
                  px_version(), n);
    reply(q, 200, T_JSON);
}

/* --------------------------------------------------------------- router */

static const struct route {
    const char *name; /* first segment; "" = "/" */
    int arg;          /* 1: takes one more segment (an id) */
    void (*fn)(req *, const char *);
} routes[] = {
    {"", 0, on_index},          {"stories", 0, on_stories},
    {"story", 1, on_story},     {"article", 1, on_article},
    {"compare", 0, on_compare}, {"align", 0, on_align},
    {"health", 0, on_health},
};

static void dispatch(req *q) {
    const char *first = q->u.nseg ? q->u.seg[0] : "";
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        const struct route *rt = &routes[i];
        if (strcmp(first, rt->name)) continue;
        q->json =
            rt->fn == on_stories || rt->fn == on_article || rt->fn == on_health;
        if (q->u.nseg == (size_t)rt->arg + (*first != 0))
            rt->fn(q, rt->arg ? q->u.seg[1] : NULL);
        else
            fail(q, 404, "no such page (see docs/serve.md)");
        return;
    }
    fail(q, 404, "no such page (see docs/serve.md)");
}

void px_serve_route(px_store *s, const char *method, const char *target,
                    size_t len, px_http_reply *r) {
    *r = (px_http_reply){500, T_TEXT, NULL, PX_BUF_INIT};
    req q = {s, {0}, r, 0};
    px_result rc = px_url_parse(target, len, &q.u);
    if (strcmp(method, "GET") && strcmp(method, "HEAD")) {
        fail(&q, 405, "method not allowed: only GET and HEAD");
        r->allow = "GET, HEAD";
    } else if (rc == PX_ERR_TOOBIG) {
        fail(&q, 414, "request target too long or too many parts");
    } else if (rc) {
        fail(&q, 400, "malformed request target");
    } else {
        dispatch(&q);
    }
    px_url_release(&q.u);
}

void px_http_reply_release(px_http_reply *r) {
    px_buf_release(&r->body);
}
