/*
 * meta.c - page metadata from <meta>, JSON-LD, <time> and <title>.
 *
 * Each field has an ordered list of sources, most specific first: JSON-LD
 * article objects (@type ending in "Article", BlogPosting, Report, also
 * inside @graph or arrays), then Open Graph / article:* / Dublin Core /
 * parsely / sailthru <meta> names, then markup (<time datetime>, <title>,
 * <html lang>, the URL's host).  Titles lose a trailing " | Outlet".
 */
#include <jansson.h>
#include <string.h>

#include "web/meta.h"

#define LD_DEPTH   8  /* nesting searched for an article object */
#define LD_OBJECTS 64 /* objects visited per JSON-LD block */

typedef struct ld_info {
    char *headline, *author, *published, *publisher, *lang, *body;
} ld_info;

/* ------------------------------------------------------------------ meta */

static const char *meta_get(const px_html *h, const char *key) {
    const px_buf *b = &h->meta.metas;
    for (size_t i = 0; i < b->len;) {
        const char *k = b->data + i;
        const char *v = k + strlen(k) + 1;
        if (!strcmp(k, key) && *v) return v;
        i = (size_t)(v - b->data) + strlen(v) + 1;
    }
    return NULL;
}

static const char *meta_first(const px_html *h, const char *const *keys) {
    for (; *keys; keys++) {
        const char *v = meta_get(h, *keys);
        if (v) return v;
    }
    return NULL;
}

/* --------------------------------------------------------------- JSON-LD */

static int ld_is_article(json_t *o) {
    json_t *t = json_object_get(o, "@type");
    json_t *one = json_is_array(t) ? json_array_get(t, 0) : t;
    const char *s = json_string_value(one);
    if (!s) return 0;
    size_t n = strlen(s);
    return (n >= 7 && !strcmp(s + n - 7, "Article")) ||
           !strcmp(s, "BlogPosting") || !strcmp(s, "Report") ||
           !strcmp(s, "LiveBlogPosting");
}

/* Depth-limited search with an explicit stack (no recursion). */
static json_t *ld_find(json_t *root) {
    json_t *stack[LD_OBJECTS];
    size_t depth[LD_OBJECTS], n = 0, seen = 0;
    stack[n] = root;
    depth[n++] = 0;
    while (n && seen++ < LD_OBJECTS) {
        json_t *v = stack[--n];
        size_t d = depth[n];
        if (json_is_object(v) && ld_is_article(v)) return v;
        if (d >= LD_DEPTH) continue;
        json_t *kids = json_is_object(v) ? json_object_get(v, "@graph") : v;
        if (!json_is_array(kids)) continue;
        for (size_t i = json_array_size(kids); i-- > 0 && n < LD_OBJECTS;) {
            stack[n] = json_array_get(kids, i);
            depth[n++] = d + 1;
        }
    }
    return NULL;
}

static const char *ld_name(json_t *v) {
    if (json_is_string(v)) return json_string_value(v);
    if (json_is_object(v)) return json_string_value(json_object_get(v, "name"));
    return NULL;
}

static char *ld_authors(json_t *a) {
    px_buf b = PX_BUF_INIT;
    size_t n = json_is_array(a) ? json_array_size(a) : 1;
    for (size_t i = 0; i < n && i < 16; i++) {
        const char *s = ld_name(json_is_array(a) ? json_array_get(a, i) : a);
        if (!s || !*s || strstr(s, "://")) continue;
        if (b.len) px_buf_puts(&b, ", ");
        px_buf_puts(&b, s);
    }
    return px_buf_detach(&b, NULL);
}

static char *dup_str(json_t *v) {
    const char *s = json_string_value(v);
    return s && *s ? px_strdup(s) : NULL;
}

static void ld_take(json_t *o, ld_info *ld) {
    if (!ld->headline) ld->headline = dup_str(json_object_get(o, "headline"));
    if (!ld->author) ld->author = ld_authors(json_object_get(o, "author"));
    if (!ld->published)
        ld->published = dup_str(json_object_get(o, "datePublished"));
    if (!ld->publisher) {
        const char *s = ld_name(json_object_get(o, "publisher"));
        ld->publisher = s && *s ? px_strdup(s) : NULL;
    }
    if (!ld->lang) ld->lang = dup_str(json_object_get(o, "inLanguage"));
    if (!ld->body) ld->body = dup_str(json_object_get(o, "articleBody"));
}

static void ld_parse(const px_html *h, ld_info *ld) {
    const px_buf *b = &h->meta.ld;
    for (size_t i = 0; i < b->len;) {
        const char *s = b->data + i;
        size_t n = strlen(s);
        json_t *root = json_loadb(s, n, JSON_DECODE_ANY, NULL);
        json_t *o = root ? ld_find(root) : NULL;
        if (o) ld_take(o, ld);
        json_decref(root);
        i += n + 1;
    }
}

static void ld_release(ld_info *ld) {
    px_free(ld->headline);
    px_free(ld->author);
    px_free(ld->published);
    px_free(ld->publisher);
    px_free(ld->lang);
}

/* ---------------------------------------------------------------- fields */

static char *trim_dup(const char *s) {
    if (!s) return NULL;
    while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' ||
                 s[n - 1] == '\r'))
        n--;
    return n ? px_strndup(s, n) : NULL;
}

static char *pick(const char *a, const char *b) {
    return trim_dup(a ? a : b);
}

/* "https://www.example.com/x" -> "example.com" */
static char *url_host(const char *url) {
    const char *p = url ? strstr(url, "://") : NULL;
    if (!p) return NULL;
    p += 3;
    if (!strncmp(p, "www.", 4)) p += 4;
    size_t n = strcspn(p, "/:?#");
    return n ? px_strndup(p, n) : NULL;
}

/* Drop " | Outlet" / " - Outlet" from a title. */
static void title_strip(char *t, const char *outlet) {
    static const char *const seps[] = {" | ", " - ", " \xe2\x80\x94 ",
                                       " \xe2\x80\x93 ", " :: "};
    if (!t || !outlet) return;
    size_t tn = strlen(t), on = strlen(outlet);
    for (size_t i = 0; i < sizeof seps / sizeof *seps; i++) {
        size_t sn = strlen(seps[i]);
        if (tn > on + sn && !strcasecmp(t + tn - on, outlet) &&
            !memcmp(t + tn - on - sn, seps[i], sn)) {
            t[tn - on - sn] = 0;
            return;
        }
    }
}

static char *first_time(const px_html *h) {
    for (uint32_t i = 0; i < h->n; i++) {
        const px_hnode *e = &h->nodes[i];
        if (e->tag == PX_T_TIME && e->attr_len)
            return px_strndup(h->pool.data + e->attr_off, e->attr_len);
    }
    return NULL;
}

static char *lang_norm(const char *s) {
    char *l = trim_dup(s);
    for (char *p = l; p && *p; p++)
        if (*p == '_') *p = '-';
    return l;
}

static void fill_title(const px_html *h, const ld_info *ld, px_page *p) {
    static const char *const keys[] = {"og:title", "twitter:title", "dc.title",
                                       NULL};
    const char *t = meta_first(h, keys);
    if (!t) t = ld->headline;
    p->title = pick(t, h->meta.title.len ? h->meta.title.data : NULL);
    title_strip(p->title, p->outlet);
}

/* Text of the subtree at i (pre-order: descendants follow it), at most
 * cap - 1 bytes. */
static void node_text(const px_html *h, uint32_t i, char *out, size_t cap) {
    size_t k = 0;
    for (uint32_t j = i + 1; j < h->n && k + 1 < cap; j++) {
        uint32_t a = h->nodes[j].parent;
        while (a != PX_HNONE && a > i) a = h->nodes[a].parent;
        if (a != i) break; /* left the subtree */
        const px_hnode *e = &h->nodes[j];
        if (e->tag != PX_T_TEXT) continue;
        size_t n = e->len < cap - 1 - k ? e->len : cap - 1 - k;
        memcpy(out + k, h->pool.data + e->off, n);
        k += n;
    }
    out[k] = 0;
}

/* Collapse runs of spaces in place. */
static void squeeze(char *s) {
    char *w = s;
    for (const char *r = s; *r; r++)
        if (*r != ' ' || (w > s && w[-1] != ' ')) *w++ = *r;
    *w = 0;
}

/* "By Jane Roe - 11/18/19 10:00" -> "Jane Roe": drop the "By", stop at
 * a digit, a separator or a "Published"/"Updated" stamp. */
static char *byline_clean(char *t) {
    static const char *const stops[] = {" - ", " Published", " Updated",
                                        " Posted"};
    squeeze(t);
    char *s = t + (*t == ' ');
    if (!strncasecmp(s, "by ", 3)) s += 3;
    size_t n = strcspn(s, "0123456789|");
    for (size_t i = 0; i < sizeof stops / sizeof *stops; i++) {
        char *x = strstr(s, stops[i]);
        if (x && (size_t)(x - s) < n) n = (size_t)(x - s);
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == ',')) n--;
    return n >= 3 ? px_strndup(s, n) : NULL;
}

/* The first short element whose class/id says byline or author. */
static char *byline_markup(const px_html *h) {
    for (uint32_t i = 0; i < h->n; i++) {
        const px_hnode *e = &h->nodes[i];
        if (e->tag == PX_T_TEXT || !e->len) continue;
        const char *cue = h->pool.data + e->off;
        if ((!memmem(cue, e->len, "byline", 6) &&
             !memmem(cue, e->len, "author", 6)) ||
            memmem(cue, e->len, "comment", 7))
            continue;
        char buf[128];
        node_text(h, i, buf, sizeof buf);
        char *b = strlen(buf) < 100 ? byline_clean(buf) : NULL;
        if (b) return b;
    }
    return NULL;
}

/* Seconds since the epoch of an ISO-8601-ish time; also accepts a space
 * for the "T" and "+hhmm" offsets ("2019-11-20 06:35:39+0000"). */
static int64_t time_of(const char *s) {
    int64_t ts;
    if (!px_time_parse(s, &ts)) return ts;
    char t[64];
    size_t n = strlen(s);
    if (n < 10 || n + 2 > sizeof t) return PX_TIME_NONE;
    memcpy(t, s, n + 1);
    if (t[10] == ' ') t[10] = 'T';
    if (n > 5 && (t[n - 5] == '+' || t[n - 5] == '-') && t[n - 3] != ':') {
        memmove(t + n - 1, t + n - 2, 3); /* "+hhmm" -> "+hh:mm" */
        t[n - 2] = ':';
    }
    return px_time_parse(t, &ts) ? PX_TIME_NONE : ts;
}

static void fill_people_time(const px_html *h, ld_info *ld, px_page *p) {
    static const char *const authors[] = {"author",
                                          "article:author",
                                          "parsely-author",
                                          "sailthru.author",
                                          "dc.creator",
                                          "byl",
                                          NULL};
    static const char *const dates[] = {"article:published_time",
                                        "datepublished",
                                        "og:published_time",
                                        "pubdate",
                                        "publishdate",
                                        "parsely-pub-date",
                                        "sailthru.date",
                                        "dc.date.issued",
                                        "dc.date",
                                        "date",
                                        NULL};
    const char *a = ld->author && *ld->author ? ld->author : NULL;
    const char *ma = meta_first(h, authors);
    if (!a && ma && !strstr(ma, "://")) a = ma;
    p->byline = trim_dup(a);
    if (p->byline && !strncasecmp(p->byline, "by ", 3))
        memmove(p->byline, p->byline + 3, strlen(p->byline + 3) + 1);
    if (!p->byline) p->byline = byline_markup(h);
    const char *d = ld->published ? ld->published : meta_first(h, dates);
    p->published = d ? trim_dup(d) : first_time(h);
    if (p->published) p->published_ts = time_of(p->published);
}

void px_meta_fill(const px_html *h, const char *url, px_page *p,
                  char **ld_body) {
    static const char *const sites[] = {"og:site_name", "application-name",
                                        NULL};
    static const char *const langs[] = {"content-language", "og:locale",
                                        "dc.language", NULL};
    ld_info ld = {0};
    ld_parse(h, &ld);
    const char *canon = h->meta.canonical.len ? h->meta.canonical.data : NULL;
    if (canon && strncmp(canon, "http", 4)) canon = NULL;
    const char *og = meta_get(h, "og:url");
    if (og && strncmp(og, "http", 4)) og = NULL;
    p->url = pick(canon ? canon : og, url);
    const char *site = meta_first(h, sites);
    p->outlet = site           ? trim_dup(site)
                : ld.publisher ? trim_dup(ld.publisher)
                               : url_host(p->url);
    fill_title(h, &ld, p);
    fill_people_time(h, &ld, p);
    const char *lang = h->meta.lang.len ? h->meta.lang.data : ld.lang;
    p->lang = lang_norm(lang ? lang : meta_first(h, langs));
    *ld_body = ld.body;
    ld_release(&ld);
}
