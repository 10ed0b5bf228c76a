/*
 * server.c - the libmicrohttpd daemon of px_server (see parallax/serve.h).
 *
 * MHD runs its own listening and worker threads (internal polling with a
 * thread pool).  The raw request target is captured by the URI-log hook
 * (before MHD decodes anything) and handed to px_serve_route, so our own
 * parser, with its caps, is the only one that matters.  Each request
 * borrows one read-only store connection from a pool with as many
 * connections as worker threads (mutex + condition variable): SQLite
 * handles are never shared at once.  The reply body is handed to MHD
 * without a copy.  GET and HEAD are answered on the handler's second call,
 * once MHD has the whole request: a reply queued earlier makes MHD close
 * the connection (no keep-alive); other methods get their 405 at once.
 */
#include <arpa/inet.h> /* inet_ntop */
#include <microhttpd.h>
#include <netdb.h>     /* getaddrinfo */
#include <pthread.h>
#include <stdio.h>     /* snprintf */
#include <stdlib.h>    /* free */
#include <string.h>
#include <time.h>      /* clock_gettime */

#include "parallax/serve.h"

#define MAX_THREADS 64
#define CONN_TIMEOUT_S 30u       /* idle connection timeout */
#define CONN_LIMIT 512u          /* simultaneous connections */
#define CONN_MEMORY (32u * 1024) /* per connection: request line + headers */
#define LOG_TARGET_MAX 200       /* bytes of the target in a log line */

struct px_server {
    struct MHD_Daemon *d;
    px_store **stores;     /* the pool; free ones are stores[0..nfree) */
    size_t nstores, nfree;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    px_serve_log_fn log;
    void *ud;
    uint16_t port;
};

/* What MHD keeps per request. */
typedef struct conn_req {
    char *target;          /* raw request target (at most PX_URL_MAX + 1) */
    size_t len;
    struct timespec t0;
    int called;            /* the access handler saw the headers */
} conn_req;

static px_store *pool_take(px_server *sv) {
    pthread_mutex_lock(&sv->mu);
    while (!sv->nfree) pthread_cond_wait(&sv->cv, &sv->mu);
    px_store *s = sv->stores[--sv->nfree];
    pthread_mutex_unlock(&sv->mu);
    return s;
}

static void pool_give(px_server *sv, px_store *s) {
    pthread_mutex_lock(&sv->mu);
    sv->stores[sv->nfree++] = s;
    pthread_cond_signal(&sv->cv);
    pthread_mutex_unlock(&sv->mu);
}

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c) {
    (void)cls;
    (void)c;
    conn_req *cr = px_calloc(1, sizeof *cr);
    cr->len = strnlen(uri, PX_URL_MAX + 1); /* one more: "too long" */
    cr->target = px_strndup(uri, cr->len);
    clock_gettime(CLOCK_MONOTONIC, &cr->t0);
    return cr;
}

static void on_done(void *cls, struct MHD_Connection *c, void **req_cls,
                    enum MHD_RequestTerminationCode why) {
    (void)cls;
    (void)c;
    (void)why;
    conn_req *cr = *req_cls;
    if (cr) px_free(cr->target);
    px_free(cr);
    *req_cls = NULL;
}

static void client_addr(struct MHD_Connection *c, char buf[INET6_ADDRSTRLEN]) {
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    const struct sockaddr *sa = ci ? ci->client_addr : NULL;
    strcpy(buf, "-");
    if (sa && sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, buf,
                  INET6_ADDRSTRLEN);
    else if (sa && sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr,
                  buf, INET6_ADDRSTRLEN);
}

/* "ADDR METHOD TARGET STATUS BYTES MSms", control bytes shown as '?'. */
static void log_request(px_server *sv, struct MHD_Connection *c,
                        const char *method, const conn_req *cr, int status,
                        size_t bytes) {
    char addr[INET6_ADDRSTRLEN], target[LOG_TARGET_MAX + 1];
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (double)(t1.tv_sec - cr->t0.tv_sec) * 1e3 +
                (double)(t1.tv_nsec - cr->t0.tv_nsec) / 1e6;
    size_t n = cr->len < LOG_TARGET_MAX ? cr->len : LOG_TARGET_MAX;
    for (size_t i = 0; i < n; i++)
        target[i] = (unsigned char)cr->target[i] < 0x20 ? '?' : cr->target[i];
    target[n] = 0;
    client_addr(c, addr);
    char line[LOG_TARGET_MAX + 160];
    snprintf(line, sizeof line, "%s %.16s %s%s %d %zu %.1fms", addr, method,
             target, n < cr->len ? "..." : "", status, bytes, ms);
    sv->log(sv->ud, line);
}

static enum MHD_Result queue(struct MHD_Connection *c, px_http_reply *r) {
    size_t len;
    char *body = px_buf_detach(&r->body, &len);
    struct MHD_Response *resp =
        MHD_create_response_from_buffer_with_free_callback(len, body, free);
    if (!resp) {
        px_free(body);
        return MHD_NO;
    }
    MHD_add_response_header(resp, "Content-Type", r->type);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Cache-Control", "no-cache");
    MHD_add_response_header(resp, "Content-Security-Policy",
                            "default-src 'none'; style-src 'unsafe-inline'; "
                            "script-src 'unsafe-inline'; img-src data:");
    if (r->allow) MHD_add_response_header(resp, "Allow", r->allow);
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    return ok;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c,
                                  const char *url, const char *method,
                                  const char *version, const char *upload,
                                  size_t *upload_size, void **req_cls) {
    (void)version;
    (void)upload;
    (void)upload_size;
    px_server *sv = cls;
    conn_req *cr = *req_cls;
    if (!cr) cr = *req_cls = on_uri(NULL, url, c);
    int get = !strcmp(method, "GET") || !strcmp(method, "HEAD");
    if (get && !cr->called++ && !*upload_size)
        return MHD_YES; /* answer once the request is complete: keep-alive */
    px_http_reply r;
    px_store *s = pool_take(sv);
    px_serve_route(s, method, cr->target, cr->len, &r);
    pool_give(sv, s);
    size_t bytes = r.body.len;
    int status = r.status;
    enum MHD_Result ok = queue(c, &r);
    px_http_reply_release(&r);
    if (sv->log) log_request(sv, c, method, cr, status, bytes);
    return ok;
}

/* Numeric address + port into ss; PX_ERR_INVALID if not an address. */
static px_result bind_addr(const char *host, uint16_t port,
                           struct sockaddr_storage *ss, int *v6) {
    struct addrinfo hints = {0}, *ai = NULL;
    hints.ai_flags = AI_NUMERICHOST | AI_PASSIVE;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host ? host : "127.0.0.1", NULL, &hints, &ai) || !ai)
        return PX_ERR_INVALID;
    memset(ss, 0, sizeof *ss);
    memcpy(ss, ai->ai_addr, ai->ai_addrlen);
    *v6 = ai->ai_family == AF_INET6;
    if (*v6) ((struct sockaddr_in6 *)ss)->sin6_port = htons(port);
    else ((struct sockaddr_in *)ss)->sin_port = htons(port);
    freeaddrinfo(ai);
    return PX_OK;
}

static px_result pool_open(px_server *sv, const char *db, size_t n) {
    sv->stores = px_calloc(n, sizeof *sv->stores);
    for (; sv->nstores < n; sv->nstores++) {
        px_result rc = px_store_open(db, 1, &sv->stores[sv->nstores]);
        if (rc) return rc;
    }
    sv->nfree = n;
    return PX_OK;
}

static px_result daemon_start(px_server *sv, const px_server_opts *o,
                              unsigned threads) {
    struct sockaddr_storage ss;
    int v6;
    px_result rc = bind_addr(o->bind, o->port, &ss, &v6);
    if (rc) return rc;
    sv->d = MHD_start_daemon(
        MHD_USE_AUTO_INTERNAL_THREAD | (v6 ? MHD_USE_IPv6 : 0), o->port,
        NULL, NULL, on_request, sv,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
        MHD_OPTION_THREAD_POOL_SIZE, threads,
        MHD_OPTION_CONNECTION_TIMEOUT, CONN_TIMEOUT_S,
        MHD_OPTION_CONNECTION_LIMIT, CONN_LIMIT,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONN_MEMORY,
        MHD_OPTION_URI_LOG_CALLBACK, on_uri, (void *)sv,
        MHD_OPTION_NOTIFY_COMPLETED, on_done, (void *)sv,
        MHD_OPTION_END);
    if (!sv->d) return PX_ERR_IO;
    const union MHD_DaemonInfo *di =
        MHD_get_daemon_info(sv->d, MHD_DAEMON_INFO_BIND_PORT);
    sv->port = di ? di->port : o->port;
    return PX_OK;
}

px_result px_server_start(const px_server_opts *o, px_server **out) {
    *out = NULL;
    unsigned threads = o->threads ? o->threads : 4;
    if (!o->db || threads > MAX_THREADS) return PX_ERR_INVALID;
    px_server *sv = px_calloc(1, sizeof *sv);
    pthread_mutex_init(&sv->mu, NULL);
    pthread_cond_init(&sv->cv, NULL);
    sv->log = o->log;
    sv->ud = o->ud;
    px_result rc = pool_open(sv, o->db, threads);
    if (!rc) rc = daemon_start(sv, o, threads);
    if (rc) px_server_free(sv);
    else *out = sv;
    return rc;
}

uint16_t px_server_port(const px_server *sv) { return sv->port; }

void px_server_free(px_server *sv) {
    if (!sv) return;
    if (sv->d) MHD_stop_daemon(sv->d);
    for (size_t i = 0; i < sv->nstores; i++) px_store_close(sv->stores[i]);
    px_free(sv->stores);
    pthread_cond_destroy(&sv->cv);
    pthread_mutex_destroy(&sv->mu);
    px_free(sv);
}
