/*
 * parallax/core.h - result codes, allocation, spans and the growable buffer
 * shared by every stage of libparallax.
 *
 * Design: every fallible call returns a px_result (0 = PX_OK).  Codes are
 * stable: a retired code keeps its number forever, new codes are appended.
 * Allocation goes through px_malloc & co., which abort on exhaustion (like
 * redis zmalloc); callers that can recover use px_try_malloc.  All spans any
 * stage reports are byte offsets [start, end) into the ORIGINAL article text.
 */
#ifndef PARALLAX_CORE_H
#define PARALLAX_CORE_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint32_t, uint64_t */

#ifdef __cplusplus
extern "C" {
#endif

/* Marks a function that never returns NULL (allocators that abort), so
 * compilers and static analysers know it. */
#if defined(__GNUC__) || defined(__clang__)
#define PX_NONNULL_RET __attribute__((returns_nonnull))
#else
#define PX_NONNULL_RET
#endif

/* ---------------------------------------------------------------- results */

typedef enum px_result {
    PX_OK = 0,
    PX_ERR_NOMEM = 1,        /* allocation failed (only from px_try_* paths) */
    PX_ERR_IO = 2,           /* read/write/open failed; errno is meaningful */
    PX_ERR_INVALID = 3,      /* invalid argument or option */
    PX_ERR_UTF8 = 4,         /* invalid UTF-8 where it cannot be repaired */
    PX_ERR_JSON = 5,         /* malformed or truncated JSON */
    PX_ERR_DUPLICATE = 6,    /* duplicate id or content */
    PX_ERR_TOOBIG = 7,       /* input exceeds a documented size cap */
    PX_ERR_EMPTY = 8,        /* empty input or no text */
    PX_ERR_BINARY = 9,       /* input looks binary, not text */
    PX_ERR_STORE = 10,       /* SQLite store error */
    PX_ERR_NOTFOUND = 11,    /* id or path not found */
    PX_ERR_PARSE = 12,       /* structured input (HTML, WARC, gzip) malformed */
    PX_ERR_UNSUPPORTED = 13, /* format or feature not supported */
    PX_ERR_INTERNAL = 14,    /* invariant violated: a bug */
    PX_ERR_SCHEMA = 15       /* store schema newer than this build */
} px_result;

/* Short, stable, lower-case description of a result code ("out of memory"). */
const char *px_result_str(px_result rc);

/* Version of the library, "MAJOR.MINOR.PATCH". */
const char *px_version(void);

/* ------------------------------------------------------------- allocation */

/* px_malloc/px_calloc/px_realloc/px_strdup abort the process with a message
 * when memory runs out: callers never check for NULL.  px_try_malloc and
 * px_try_realloc return NULL instead, for callers sized by untrusted input.
 * px_free accepts NULL. */
PX_NONNULL_RET void *px_malloc(size_t n);
PX_NONNULL_RET void *px_calloc(size_t count, size_t size);
PX_NONNULL_RET void *px_realloc(void *p, size_t n);
void *px_try_malloc(size_t n);
void *px_try_realloc(void *p, size_t n);
char *px_strdup(const char *s);            /* NULL in, NULL out */
char *px_strndup(const char *s, size_t n); /* copies n bytes + NUL */
void px_free(void *p);

/* ------------------------------------------------------------------ spans */

/* A half-open byte range [start, end) into an article's original text. */
typedef struct px_span {
    size_t start;
    size_t end;
} px_span;

/* ----------------------------------------------------------------- buffer */

/* Growable byte buffer, always NUL-terminated (data[len] == 0 once any byte
 * was added; data may be NULL while len == 0).  `cap_limit` (0 = none) is a
 * hard size cap for buffers filled from untrusted input: appends that would
 * exceed it fail with PX_ERR_TOOBIG and leave the buffer unchanged. */
typedef struct px_buf {
    char *data;
    size_t len;
    size_t alloc;
    size_t cap_limit;
} px_buf;

#define PX_BUF_INIT                                                            \
    { NULL, 0, 0, 0 }

void px_buf_init(px_buf *b, size_t cap_limit);
void px_buf_release(px_buf *b); /* frees data, back to init state */
void px_buf_clear(px_buf *b);   /* len = 0, keeps memory */
px_result px_buf_append(px_buf *b, const void *p, size_t n);
px_result px_buf_putc(px_buf *b, char c);
px_result px_buf_puts(px_buf *b, const char *s);
px_result px_buf_printf(px_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Append s as a JSON string literal (with quotes), escaping as needed;
 * invalid UTF-8 bytes become U+FFFD so the output is always valid JSON. */
px_result px_buf_json_str(px_buf *b, const char *s, size_t n);
/* Append "key":value, the value a JSON string of the NUL-terminated v or
 * null when v is NULL, after a comma unless first. */
px_result px_buf_json_field(px_buf *b, const char *key, const char *v,
                            int first);
/* Append s HTML-escaped (&<>"'). */
px_result px_buf_html(px_buf *b, const char *s, size_t n);
/* Take ownership of the data (caller frees with px_free); b is reset. */
char *px_buf_detach(px_buf *b, size_t *len);

/* ------------------------------------------------------------------- hash */

/* 64-bit hash of a byte string (XXH3-64 with a seed). */
uint64_t px_hash64(const void *p, size_t n, uint64_t seed);

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_CORE_H */
