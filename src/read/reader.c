/*
 * reader.c - the reader driver: paths in, px_article stream out.
 *
 * Design: a stack of pending inputs (explicit paths, then directory
 * entries pushed in reverse sorted order so they pop in order, giving a
 * deterministic depth-first walk).  Each input is opened as a decoding
 * px_stream, checked (empty, binary), matched to a format from the table
 * in formats.c and drained through that format's `next`.  Every article
 * gets an id (given, file stem, or "h" + content hash) and an origin
 * ("path:line"); ids repeated within the batch are reported against their
 * first occurrence and skipped.  Problems go to the error callback and are
 * counted; the stream always goes on with the rest.
 */
#include <dirent.h>   /* opendir, readdir */
#include <errno.h>    /* errno */
#include <stdarg.h>   /* va_list */
#include <stdio.h>    /* vsnprintf */
#include <stdlib.h>   /* qsort */
#include <string.h>   /* strcmp, strerror, strrchr */
#include <sys/stat.h> /* stat */

#include "core/array.h"
#include "read/read_int.h"
#include "read/seen.h"

#define DIR_DEPTH_MAX 64   /* directory nesting (guards symlink loops) */
#define SNIFF_BYTES   8192 /* bytes examined for binary content */

typedef struct pending {
    char *path;
    int depth; /* directory depth; -1 for an explicit argument */
} pending;

struct px_reader {
    pending *todo; /* stack: the next input is at the top */
    size_t ntodo, todo_cap;
    px_read_opts opts;
    size_t nerr;
    px_seen seen;
    const px_read_format *fmt; /* format of the open source, NULL: none */
    px_src src;
    char *src_path, *src_stem;
    size_t src_articles;
    const void *mem; /* memory input (px_reader_new_mem) */
    size_t mem_len;
};

void px_src_error(px_src *src, size_t line, px_result rc, const char *fmt,
                  ...) {
    char msg[2048];
    int k = src->element
                ? snprintf(msg, sizeof msg, "element %zu: ", src->element)
                : 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg + k, sizeof msg - (size_t)k, fmt, ap);
    va_end(ap);
    src->nerr++;
    if (src->opts->on_error)
        src->opts->on_error(src->opts->ud, src->path, line, rc, msg);
}

/* A problem with an input that never became a source. */
static void path_error(px_reader *r, const char *path, px_result rc,
                       const char *msg) {
    r->nerr++;
    if (r->opts.on_error) r->opts.on_error(r->opts.ud, path, 0, rc, msg);
}

static void push(px_reader *r, char *path, int depth) {
    r->todo =
        px_array_grow(r->todo, &r->todo_cap, r->ntodo + 1, 16, sizeof *r->todo);
    r->todo[r->ntodo++] = (pending){path, depth};
}

static px_reader *reader_alloc(const px_read_opts *opts) {
    px_reader *r = px_calloc(1, sizeof *r);
    if (opts) r->opts = *opts;
    if (!r->opts.max_article_bytes)
        r->opts.max_article_bytes = PX_READ_MAX_ARTICLE;
    px_seen_init(&r->seen);
    return r;
}

px_result px_reader_new(const char *const *paths, size_t npaths,
                        const px_read_opts *opts, px_reader **out) {
    px_reader *r = reader_alloc(opts);
    for (size_t i = npaths; i > 0; i--) push(r, px_strdup(paths[i - 1]), -1);
    *out = r;
    return PX_OK;
}

px_result px_reader_new_mem(const char *name, const void *data, size_t len,
                            const px_read_opts *opts, px_reader **out) {
    px_reader *r = reader_alloc(opts);
    r->mem = data;
    r->mem_len = len;
    push(r, px_strdup(name), -1);
    *out = r;
    return PX_OK;
}

void px_reader_push(px_reader *r, const char *path) {
    /* The bottom of the stack is read last: queue the path there. */
    push(r, NULL, 0);
    memmove(r->todo + 1, r->todo, (r->ntodo - 1) * sizeof *r->todo);
    r->todo[0] = (pending){px_strdup(path), -1};
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Queue the entries of a directory (hidden ones skipped), sorted. */
static void push_dir(px_reader *r, const char *path, int depth) {
    DIR *d = opendir(path);
    if (!d) {
        path_error(r, path, PX_ERR_IO, strerror(errno));
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        names = px_array_grow(names, &cap, n + 1, 32, sizeof *names);
        size_t k = strlen(path);
        names[n] = px_malloc(k + strlen(e->d_name) + 2);
        sprintf(names[n++], "%s%s%s", path, k && path[k - 1] == '/' ? "" : "/",
                e->d_name);
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, cmp_str); /* names may be NULL */
    for (size_t i = n; i > 0; i--) push(r, names[i - 1], depth + 1);
    px_free(names);
}

/* File name without directories and without format/compression suffixes. */
static char *stem_of(const char *path) {
    const char *base = strrchr(path, '/');
    char *s = px_strdup(base ? base + 1 : path);
    char *dot = strrchr(s, '.');
    if (dot && dot != s && (!strcmp(dot, ".gz") || !strcmp(dot, ".zst"))) {
        *dot = '\0';
        dot = strrchr(s, '.');
    }
    if (dot && dot != s) *dot = '\0';
    return s;
}

/* Line (1-based) of the first NUL byte, 1 when the sample is mostly control
 * characters, 0 when it looks like text. */
static size_t binary_line(const unsigned char *p, size_t n) {
    size_t ctrl = 0, line = 1;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == 0) return line;
        if (p[i] == '\n')
            line++;
        else if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\r' && p[i] != '\f' &&
                  p[i] != '\v' && p[i] != 0x1b) ||
                 p[i] == 0x7f)
            ctrl++;
    }
    return ctrl * 10 > n ? 1 : 0;
}

static const char *stream_reason(px_result rc) {
    return rc == PX_ERR_PARSE ? "corrupt or truncated compressed data"
                              : "read error";
}

/* Check the start of the open source; 0 (reported) when it is unusable. */
static int source_ok(px_src *src) {
    const unsigned char *p;
    size_t n;
    px_result rc = px_stream_peek(src->st, SNIFF_BYTES, &p, &n);
    if (rc)
        px_src_error(src, 0, rc, "%s", stream_reason(rc));
    else if (!n)
        px_src_error(src, 0, PX_ERR_EMPTY, "empty file");
    size_t bl = rc || !n ? 0 : binary_line(p, n);
    int utf16 = n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) ||
                           (p[0] == 0xFE && p[1] == 0xFF));
    if (bl)
        px_src_error(
            src, bl, PX_ERR_BINARY, "%s",
            utf16
                ? "UTF-16 text is not supported (convert it to UTF-8); skipped"
                : "binary data, not text; skipped");
    return !rc && n && !bl;
}

/* Format of an explicit file with an unknown extension: JSON Lines when it
 * starts with '{', else plain text. */
static const px_read_format *sniff_format(px_stream *st) {
    const unsigned char *p;
    size_t n, i = 0;
    if (px_stream_peek(st, SNIFF_BYTES, &p, &n)) n = 0;
    while (i < n &&
           (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t'))
        i++;
    return px_read_format_named(i < n && p[i] == '{' ? ".jsonl" : ".txt");
}

static void close_source(px_reader *r) {
    if (r->fmt && !r->src_articles && !r->src.nerr)
        px_src_error(&r->src, 0, PX_ERR_EMPTY, "no articles found");
    r->nerr += r->src.nerr;
    px_stream_free(r->src.st);
    px_buf_release(&r->src.scratch);
    if (r->src.state_free) r->src.state_free(r->src.state);
    px_free(r->src_path);
    px_free(r->src_stem);
    memset(&r->src, 0, sizeof r->src);
    r->src_path = r->src_stem = NULL;
    r->fmt = NULL;
}

/* Open one file as the current source. */
static void open_file(px_reader *r, const char *path, int in_dir) {
    int is_stdin = !strcmp(path, "-") && !r->mem;
    const px_read_format *fmt =
        is_stdin ? px_read_format_named(".jsonl") : px_read_format_for(path);
    if (!fmt && in_dir) return; /* directories: known formats only */
    px_stream *st = NULL;
    if (r->mem)
        st = px_stream_open_mem(r->mem, r->mem_len);
    else if (px_stream_open_file(path, &st)) {
        path_error(r, path, PX_ERR_IO, strerror(errno));
        return;
    }
    r->src = (px_src){.st = st,
                      .cap = r->opts.max_article_bytes,
                      .scratch = PX_BUF_INIT,
                      .opts = &r->opts};
    r->src_path = px_strdup(is_stdin ? "<stdin>" : path);
    r->src_stem = stem_of(path);
    r->src.path = r->src_path;
    r->src.stem = r->src_stem;
    px_seen_input(&r->seen, r->src_path);
    r->src_articles = 0;
    r->fmt = fmt ? fmt : sniff_format(st);
    if (!r->fmt->by_path && !source_ok(&r->src)) {
        r->fmt = NULL; /* reported already: no "no articles" on top */
        close_source(r);
    }
}

/* Pop inputs until a source is open; 0 when none is left. */
static int open_next(px_reader *r) {
    while (!r->fmt && r->ntodo) {
        pending p = r->todo[--r->ntodo];
        struct stat sb;
        int is_stdin = !strcmp(p.path, "-");
        if (!r->mem && !is_stdin && stat(p.path, &sb))
            path_error(r, p.path, PX_ERR_IO, strerror(errno));
        else if (!r->mem && !is_stdin && S_ISDIR(sb.st_mode)) {
            if (p.depth >= DIR_DEPTH_MAX)
                path_error(r, p.path, PX_ERR_TOOBIG,
                           "directories nested too deep");
            else
                push_dir(r, p.path, p.depth < 0 ? 0 : p.depth);
        } else
            open_file(r, p.path, p.depth >= 0);
        px_free(p.path);
    }
    return r->fmt != NULL;
}

/* Give the article its id and origin; 0 (reported, freed) on a repeat. */
static int finish(px_reader *r, px_article *a) {
    char buf[64];
    px_src *src = &r->src;
    if (!a->id) {
        snprintf(buf, sizeof buf, "h%016llx",
                 (unsigned long long)px_hash64(a->text, a->text_len, 0));
        a->id = px_strdup(buf);
    }
    if (!a->origin) {
        px_buf o = PX_BUF_INIT;
        px_buf_puts(&o, src->path);
        if (src->line) px_buf_printf(&o, ":%zu", src->line);
        a->origin = px_buf_detach(&o, NULL);
    }
    char first[4200];
    px_seen_pos pos = {src->line, src->element};
    if (!px_seen_add(&r->seen, a->id, pos, first, sizeof first)) {
        px_src_error(src, src->line, PX_ERR_DUPLICATE,
                     "duplicate id \"%s\" (first read at %s); skipped", a->id,
                     first);
        px_article_free(a);
        return 0;
    }
    r->src_articles++;
    return 1;
}

px_result px_reader_next(px_reader *r, px_article **out) {
    *out = NULL;
    while (open_next(r)) {
        px_article *a = NULL;
        px_result rc = r->fmt->next(&r->src, &a);
        if (rc) px_src_error(&r->src, r->src.line, rc, "%s", stream_reason(rc));
        if (a && finish(r, a)) {
            *out = a;
            return PX_OK;
        }
        if (!a || rc) close_source(r);
    }
    return PX_OK;
}

size_t px_reader_nerrors(const px_reader *r) {
    return r->nerr + r->src.nerr;
}

void px_reader_free(px_reader *r) {
    if (!r) return;
    if (r->fmt) {
        r->fmt = NULL;
        close_source(r);
    }
    for (size_t i = 0; i < r->ntodo; i++) px_free(r->todo[i].path);
    px_free(r->todo);
    px_seen_release(&r->seen);
    px_free(r);
}
