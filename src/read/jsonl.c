/*
 * jsonl.c - JSON Lines: one article object per line.
 *
 * Known fields: id (string or integer), url, outlet, title, text,
 * published (ISO-8601, parsed into published_ts), lang, wire.  Every other
 * field is kept verbatim in article->extra as a JSON object.  Missing or
 * null fields are tolerated, except text: a record without text is an
 * error for that line.  Blank lines are skipped; a UTF-8 byte-order mark
 * on the first line is ignored.  Each bad line (malformed, truncated,
 * invalid UTF-8, over the size cap, wrong field type) is reported with its
 * line number and the rest of the file is read.
 */
#include <jansson.h>
#include <string.h> /* strcmp, strlen */

#include "read/read_int.h"

#define ID_MAX 1024 /* bytes: ids are keys, not documents (see id_ok) */

static const char *const known[] = {"id",        "url",  "outlet", "title",
                                    "published", "lang", "wire",   "text"};
#define NSTRING_FIELDS 7 /* known[] before "text": the field_slot() ones */

static int is_known(const char *key) {
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (!strcmp(key, known[i])) return 1;
    return 0;
}

/* Field offsets of the string members, in the order of known[]. */
static char **field_slot(px_article *a, size_t i) {
    char **slots[] = {&a->id,        &a->url,  &a->outlet, &a->title,
                      &a->published, &a->lang, &a->wire};
    _Static_assert(sizeof slots / sizeof slots[0] == NSTRING_FIELDS,
                   "one slot per string field");
    return slots[i];
}

/* Copy one known string field; integers are accepted for "id". */
static int take_field(px_src *src, px_article *a, json_t *obj, size_t i) {
    json_t *v = json_object_get(obj, known[i]);
    char **slot = field_slot(a, i);
    if (!v || json_is_null(v)) return 1;
    if (json_is_integer(v) && i == 0) {
        char num[32];
        snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
        *slot = px_strdup(num);
        return 1;
    }
    if (!json_is_string(v)) {
        px_src_error(src, src->line, PX_ERR_JSON,
                     "field \"%s\" must be a string", known[i]);
        return 0;
    }
    if (json_string_length(v)) *slot = px_strdup(json_string_value(v));
    return 1;
}

/* Unknown fields as a compact JSON object, or NULL when there are none. */
static char *extra_fields(json_t *obj) {
    json_t *extra = json_object();
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        if (!is_known(key)) json_object_set(extra, key, v);
    }
    char *out = NULL;
    if (json_object_size(extra)) {
        char *s = json_dumps(extra, JSON_COMPACT | JSON_PRESERVE_ORDER);
        out = px_strdup(s);
        free(s);
    }
    json_decref(extra);
    return out;
}

static int take_text(px_src *src, px_article *a, json_t *obj) {
    json_t *t = json_object_get(obj, "text");
    if (!t || json_is_null(t)) {
        px_src_error(src, src->line, PX_ERR_EMPTY, "missing \"text\"");
        return 0;
    }
    if (!json_is_string(t)) {
        px_src_error(src, src->line, PX_ERR_JSON, "\"text\" must be a string");
        return 0;
    }
    size_t n = json_string_length(t);
    const char *s = json_string_value(t);
    size_t i = 0;
    while (i < n && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'))) i++;
    if (i == n) {
        px_src_error(src, src->line, PX_ERR_EMPTY, "empty \"text\"");
        return 0;
    }
    px_article_set_text(a, s, n);
    return 1;
}

/* Ids are keys printed in tab-separated lists: short, no control bytes. */
static int id_ok(px_src *src, const char *id) {
    size_t n = strlen(id);
    const char *why = n > ID_MAX ? "\"id\" longer than 1024 bytes" : NULL;
    for (size_t i = 0; !why && i < n; i++)
        if ((unsigned char)id[i] < 0x20 || id[i] == 0x7f)
            why = "\"id\" contains control characters";
    if (why) px_src_error(src, src->line, PX_ERR_INVALID, "%s", why);
    return !why;
}

px_article *px_read_json_record(px_src *src, json_t *obj) {
    px_article *a = px_article_new();
    int ok = take_text(src, a, obj);
    for (size_t i = 0; ok && i < NSTRING_FIELDS; i++)
        ok = take_field(src, a, obj, i);
    if (ok && a->id) ok = id_ok(src, a->id);
    if (!ok) {
        px_article_free(a);
        return NULL;
    }
    if (a->published && px_time_parse(a->published, &a->published_ts))
        a->published_ts = PX_TIME_NONE;
    a->extra = extra_fields(obj);
    return a;
}

void px_read_json_error(px_src *src, const void *err) {
    const json_error_t *e = err;
    enum json_error_code code = json_error_code(e);
    const char *what = code == json_error_premature_end_of_input
                           ? "truncated JSON"
                       : code == json_error_invalid_utf8 ? "invalid UTF-8"
                                                         : "malformed JSON";
    px_src_error(src,
                 src->line ? src->line : (size_t)(e->line > 0 ? e->line : 0),
                 code == json_error_invalid_utf8 ? PX_ERR_UTF8 : PX_ERR_JSON,
                 "%s at column %d: %s", what, e->column, e->text);
}

/* Parse one non-blank line; NULL (reported) when it is not an article. */
static px_article *parse_line(px_src *src, const char *s, size_t n) {
    json_error_t e;
    json_t *obj = json_loadb(s, n, JSON_REJECT_DUPLICATES, &e);
    if (!obj) {
        px_read_json_error(src, &e);
        return NULL;
    }
    px_article *a = NULL;
    if (!json_is_object(obj))
        px_src_error(src, src->line, PX_ERR_JSON, "not a JSON object");
    else
        a = px_read_json_record(src, obj);
    json_decref(obj);
    return a;
}

static int blank_line(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return 0;
    return 1;
}

px_result px_read_jsonl_next(px_src *src, px_article **out) {
    *out = NULL;
    while (!*out) {
        int eof;
        px_result rc =
            px_stream_getline(src->st, &src->scratch, src->cap, &eof);
        if (eof && !rc) return PX_OK;
        src->line++;
        if (rc == PX_ERR_TOOBIG) {
            px_src_error(src, src->line, rc,
                         "line longer than the %zu-byte cap; skipped",
                         src->cap);
            continue;
        }
        if (rc) return rc;
        const char *s = src->scratch.data;
        size_t n = src->scratch.len;
        if (src->line == 1 && n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
            s += 3, n -= 3;
        if (!blank_line(s, n)) *out = parse_line(src, s, n);
    }
    return PX_OK;
}
