/*
 * parallax/serve.h - a small read-only HTTP server over the store, so a
 * newsroom can browse stories and compare articles from a browser or a
 * script.  Endpoints, formats and status codes: docs/serve.md.
 *
 * Three layers, usable apart:
 *   px_url       parse a request target ("/story/s12?format=json") into
 *                percent-decoded path segments and query parameters, with
 *                size caps; no allocation beyond one copy of the target;
 *   px_serve_route  answer one request against an open store into a
 *                px_http_reply (status, content type, body): the pages are
 *                the library's own views (story_view.h, compare.h,
 *                align.h), no socket involved;
 *   px_server    libmicrohttpd daemon (internal polling with a thread
 *                pool); each worker borrows a read-only store connection
 *                from a pool of as many connections as threads, so no
 *                SQLite handle is shared between threads at once.
 * Nothing is written to the store; nothing is global.
 */
#ifndef PARALLAX_SERVE_H
#define PARALLAX_SERVE_H

#include <stdint.h>
#include "parallax/core.h"
#include "parallax/store.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------- request URL */

#define PX_URL_MAX 4096       /* bytes of a request target (else 414) */
#define PX_URL_MAX_SEGS 8     /* path segments */
#define PX_URL_MAX_PARAMS 16  /* query parameters */

typedef struct px_url_param {
    const char *key, *val;    /* decoded, NUL-terminated; val "" if no '=' */
} px_url_param;

typedef struct px_url {
    char *buf;                            /* owned: decoded copy */
    const char *seg[PX_URL_MAX_SEGS];     /* non-empty path segments */
    size_t nseg;
    px_url_param param[PX_URL_MAX_PARAMS];
    size_t nparam;
} px_url;

/* Parse an origin-form request target: path, optional "?query", optional
 * "#fragment" (ignored).  Segments and parameters are percent-decoded ('+'
 * is a space in the query); empty segments are skipped.  Errors (u is then
 * released): PX_ERR_TOOBIG longer than PX_URL_MAX or more segments or
 * parameters than the caps; PX_ERR_PARSE not starting with '/', a bad
 * %-escape, a decoded NUL or control byte, or a "." / ".." segment.
 * Release with px_url_release (also after an error: harmless). */
px_result px_url_parse(const char *target, size_t len, px_url *u);
void px_url_release(px_url *u);
/* Value of the first parameter named key, or NULL. */
const char *px_url_get(const px_url *u, const char *key);

/* ---------------------------------------------------------------- route */

typedef struct px_http_reply {
    int status;          /* HTTP status code */
    const char *type;    /* Content-Type with charset (static string) */
    const char *allow;   /* Allow header for 405, else NULL (static) */
    px_buf body;         /* owned; release with px_http_reply_release */
} px_http_reply;

/* Answer request `method` `target` (len bytes) from store s (read only).
 * Always fills *r (errors are replies: 400, 404, 405, 414, 500 with a
 * message in the body, JSON when the endpoint answers JSON). */
void px_serve_route(px_store *s, const char *method, const char *target,
                    size_t len, px_http_reply *r);
void px_http_reply_release(px_http_reply *r);

/* --------------------------------------------------------------- server */

/* One access-log line (no newline), e.g. "127.0.0.1 GET /story/s1 200
 * 5123 1.2ms"; called from worker threads, one call per request. */
typedef void (*px_serve_log_fn)(void *ud, const char *line);

typedef struct px_server_opts {
    const char *db;       /* store path, opened read-only per worker */
    const char *bind;     /* numeric IPv4/IPv6 address; NULL = 127.0.0.1 */
    uint16_t port;        /* 0 = any free port (see px_server_port) */
    unsigned threads;     /* worker threads, 1..64; 0 = 4 */
    px_serve_log_fn log;  /* access log, or NULL */
    void *ud;             /* passed to log */
} px_server_opts;

typedef struct px_server px_server;

/* Open the store connections and start listening.  Errors: those of
 * px_store_open (the store must exist), PX_ERR_INVALID bad bind address
 * or threads, PX_ERR_IO cannot listen (port in use ...). */
px_result px_server_start(const px_server_opts *o, px_server **out);
/* The port listened on (useful with port 0). */
uint16_t px_server_port(const px_server *sv);
/* Stop listening, finish or close connections, close the store
 * connections and free.  Accepts NULL. */
void px_server_free(px_server *sv);

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_SERVE_H */
