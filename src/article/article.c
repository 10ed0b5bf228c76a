/*
 * article.c - px_article lifecycle, ISO-8601 time parsing, JSON output.
 */
#include <stdio.h>  /* snprintf */
#include <string.h> /* memset, strlen */
#include <time.h>   /* struct tm, timegm */

#include "parallax/article.h"

px_article *px_article_new(void) {
    px_article *a = px_calloc(1, sizeof *a);
    a->published_ts = PX_TIME_NONE;
    return a;
}

void px_article_free(px_article *a) {
    if (!a) return;
    px_free(a->id);
    px_free(a->url);
    px_free(a->outlet);
    px_free(a->title);
    px_free(a->published);
    px_free(a->lang);
    px_free(a->wire);
    px_free(a->text);
    px_free(a->extra);
    px_free(a->origin);
    px_free(a);
}

void px_article_set(char **field, const char *s, size_t n) {
    px_free(*field);
    *field = s ? px_strndup(s, n) : NULL;
}

void px_article_set_text(px_article *a, const char *s, size_t n) {
    px_free(a->text);
    a->text = px_strndup(s ? s : "", s ? n : 0);
    a->text_len = s ? n : 0;
}

px_article *px_article_dup(const px_article *a) {
    px_article *d = px_article_new();
    d->id = px_strdup(a->id);
    d->url = px_strdup(a->url);
    d->outlet = px_strdup(a->outlet);
    d->title = px_strdup(a->title);
    d->published = px_strdup(a->published);
    d->published_ts = a->published_ts;
    d->lang = px_strdup(a->lang);
    d->wire = px_strdup(a->wire);
    px_article_set_text(d, a->text, a->text_len);
    d->extra = px_strdup(a->extra);
    d->origin = px_strdup(a->origin);
    return d;
}

/* Read exactly n digits at *p into *v; advance. */
static int digits(const char **p, int n, int *v) {
    int x = 0;
    for (int i = 0; i < n; i++) {
        char c = (*p)[i];
        if (c < '0' || c > '9') return 0;
        x = x * 10 + (c - '0');
    }
    *p += n;
    *v = x;
    return 1;
}

px_result px_time_parse(const char *s, int64_t *out) {
    int y, mo, d, h = 0, mi = 0, sec = 0, oh = 0, om = 0, sign = 0;
    const char *p = s;
    if (!s || !digits(&p, 4, &y) || *p++ != '-' || !digits(&p, 2, &mo) ||
        *p++ != '-' || !digits(&p, 2, &d))
        return PX_ERR_PARSE;
    if (*p == 'T' || *p == 't' || *p == ' ') {
        p++;
        if (!digits(&p, 2, &h) || *p++ != ':' || !digits(&p, 2, &mi))
            return PX_ERR_PARSE;
        if (*p == ':') {
            p++;
            if (!digits(&p, 2, &sec)) return PX_ERR_PARSE;
            if (*p == '.' || *p == ',')
                for (p++; *p >= '0' && *p <= '9'; p++) {
                }
        }
        if (*p == 'Z' || *p == 'z')
            p++;
        else if (*p == '+' || *p == '-') {
            sign = *p++ == '-' ? -1 : 1;
            if (!digits(&p, 2, &oh)) return PX_ERR_PARSE;
            if (*p == ':') p++;
            if (*p && !digits(&p, 2, &om)) return PX_ERR_PARSE;
        }
    }
    if (*p || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 ||
        sec > 60 || oh > 23 || om > 59)
        return PX_ERR_PARSE;
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = y - 1900, tm.tm_mon = mo - 1, tm.tm_mday = d;
    tm.tm_hour = h, tm.tm_min = mi, tm.tm_sec = sec;
    int64_t t = (int64_t)timegm(&tm);
    *out = t - (int64_t)sign * (oh * 3600 + om * 60);
    return PX_OK;
}

static px_result field(px_buf *b, const char *key, const char *v) {
    if (!v) return PX_OK;
    px_result rc = px_buf_printf(b, ",\"%s\":", key);
    return rc ? rc : px_buf_json_str(b, v, strlen(v));
}

px_result px_article_to_json(const px_article *a, int with_text, px_buf *b) {
    px_result rc = px_buf_puts(b, "{\"id\":");
    if (!rc)
        rc = px_buf_json_str(b, a->id ? a->id : "", a->id ? strlen(a->id) : 0);
    if (!rc) rc = field(b, "url", a->url);
    if (!rc) rc = field(b, "outlet", a->outlet);
    if (!rc) rc = field(b, "title", a->title);
    if (!rc) rc = field(b, "published", a->published);
    if (!rc) rc = field(b, "lang", a->lang);
    if (!rc) rc = field(b, "wire", a->wire);
    if (!rc && with_text && a->text) {
        rc = px_buf_puts(b, ",\"text\":");
        if (!rc) rc = px_buf_json_str(b, a->text, a->text_len);
    }
    if (!rc && a->extra) rc = px_buf_printf(b, ",\"extra\":%s", a->extra);
    return rc ? rc : px_buf_putc(b, '}');
}
