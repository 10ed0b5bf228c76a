/*
 * txt.c - plain-text articles: one file, one article.
 *
 * The id is the file stem; the bytes are kept exactly as read (invalid
 * UTF-8 included: the doc views repair it, the original stays verbatim).
 * Title: scraped pages often start with the headline and repeat it (the
 * Reuters seed has it three times).  When the first non-blank line is short
 * and recurs as a whole line further down, it is taken as the title.
 * Nothing is removed here: dropping the repeats is the cleaner's job.
 */
#include <string.h> /* memchr, memcmp */

#include "read/read_int.h"

#define TITLE_MAX 400 /* bytes: longer first lines are paragraphs */

static int is_blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f' &&
            s[i] != '\n')
            return 0;
    return 1;
}

/* Trim ASCII blanks at both ends of the n bytes at s. */
static void trim(const char **s, size_t *n) {
    while (*n && is_blank(*s, 1)) (*s)++, (*n)--;
    while (*n && is_blank(*s + *n - 1, 1)) (*n)--;
}

/* Next line from p up to end: sets line and len (trimmed); returns the position
 * after it. */
static const char *next_line(const char *p, const char *end, const char **line,
                             size_t *len) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *stop = nl ? nl : end;
    *line = p;
    *len = (size_t)(stop - p);
    trim(line, len);
    return nl ? nl + 1 : end;
}

/* The first non-blank line when a later line repeats it exactly. */
static void find_title(px_article *a) {
    const char *p = a->text, *end = a->text + a->text_len, *first = NULL;
    size_t flen = 0;
    while (p < end && !first) {
        p = next_line(p, end, &first, &flen);
        if (!flen) first = NULL;
    }
    if (!first || flen > TITLE_MAX || !memchr(first, ' ', flen)) return;
    while (p < end) {
        const char *l;
        size_t n;
        p = next_line(p, end, &l, &n);
        if (n == flen && !memcmp(l, first, n)) {
            px_article_set(&a->title, first, flen);
            return;
        }
    }
}

px_result px_read_txt_next(px_src *src, px_article **out) {
    *out = NULL;
    if (src->done) return PX_OK;
    src->done = 1;
    px_buf_clear(&src->scratch);
    px_result rc = px_stream_slurp(src->st, &src->scratch, src->cap);
    if (rc == PX_ERR_TOOBIG) {
        px_src_error(src, 0, rc, "file larger than the %zu-byte cap; skipped",
                     src->cap);
        return PX_OK;
    }
    if (rc) return rc;
    if (is_blank(src->scratch.data, src->scratch.len)) {
        px_src_error(src, 0, PX_ERR_EMPTY, "no text");
        return PX_OK;
    }
    px_article *a = px_article_new();
    a->id = px_strdup(src->stem);
    a->text = px_buf_detach(&src->scratch, &a->text_len);
    find_title(a);
    *out = a;
    return PX_OK;
}
