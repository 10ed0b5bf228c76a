/*
 * test_serve.c - the request-target parser (decoding, caps, refusals) and
 * the router against a small store built here (stories and the filters
 * of the story list, articles, compare, align, errors), without sockets;
 * then one real server on a free port answering a raw HTTP request.
 */
#include <arpa/inet.h>
#include <sys/socket.h>
#include <unistd.h>

#include "testutil.h"

/* ------------------------------------------------------------------ url */

static void url_decodes_path_and_query(void **st) {
    (void)st;
    const char *t = "/story/a%20b//c?x=1&y=a+b%26c&flag&x=2#frag";
    px_url u;
    assert_int_equal(px_url_parse(t, strlen(t), &u), PX_OK);
    assert_int_equal(u.nseg, 3);
    assert_string_equal(u.seg[0], "story");
    assert_string_equal(u.seg[1], "a b");
    assert_string_equal(u.seg[2], "c");
    assert_int_equal(u.nparam, 4);
    assert_string_equal(px_url_get(&u, "x"), "1"); /* first wins */
    assert_string_equal(px_url_get(&u, "y"), "a b&c");
    assert_string_equal(px_url_get(&u, "flag"), "");
    assert_null(px_url_get(&u, "frag"));
    assert_null(px_url_get(&u, "z"));
    px_url_release(&u);
    assert_int_equal(px_url_parse("/", 1, &u), PX_OK);
    assert_int_equal(u.nseg, 0);
    px_url_release(&u);
}

static void url_refuses_bad_targets(void **st) {
    (void)st;
    static const char *const bad[] = {
        "",    "story",  "/a%2",        "/a%zz",   "/a%00b", "/a%0ab",
        "/..", "/a/./b", "/a/%2e%2e/b", "/?k=%1f", "/?k=%"};
    px_url u;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(px_url_parse(bad[i], strlen(bad[i]), &u),
                         PX_ERR_PARSE);
        assert_null(u.buf);
    }
    char nul[] = "/a\0b";
    assert_int_equal(px_url_parse(nul, 4, &u), PX_ERR_PARSE);
}

static void url_caps(void **st) {
    (void)st;
    px_url u;
    char *big = px_malloc(PX_URL_MAX + 2);
    memset(big, 'x', PX_URL_MAX + 1);
    big[0] = '/';
    assert_int_equal(px_url_parse(big, PX_URL_MAX + 1, &u), PX_ERR_TOOBIG);
    assert_int_equal(px_url_parse(big, PX_URL_MAX, &u), PX_OK);
    px_url_release(&u);
    px_free(big);
    px_buf b = PX_BUF_INIT;
    for (int i = 0; i <= PX_URL_MAX_SEGS; i++) px_buf_puts(&b, "/s");
    assert_int_equal(px_url_parse(b.data, b.len, &u), PX_ERR_TOOBIG);
    px_buf_clear(&b);
    px_buf_putc(&b, '/');
    for (int i = 0; i <= PX_URL_MAX_PARAMS; i++)
        px_buf_printf(&b, "%ck%d=v", i ? '&' : '?', i);
    assert_int_equal(px_url_parse(b.data, b.len, &u), PX_ERR_TOOBIG);
    px_buf_release(&b);
}

/* ---------------------------------------------------------------- route */

typedef struct fixture {
    char path[64];
    px_store *s;
} fixture;

static const char *const texts[][3] = {
    {"wire", "Wire",
     "Ferry hits rocks near Carrow, 312 people evacuated. "
     "The ferry Saint Ilvara ran aground at dawn on Tuesday, the coast "
     "guard said. All 312 passengers and crew were taken off by lifeboats. "
     "Diesel was leaking from the hull, officials said."},
    {"paper", "Paper",
     "Ferry aground near Carrow: more than 300 evacuated. "
     "The ferry Saint Ilvara ran aground at dawn on Tuesday, the coast "
     "guard said. All 312 passengers and crew were taken off by lifeboats. "
     "Diesel was leaking badly from the hull, the mayor said."},
};

/* The store file and its WAL companions (a reader may leave them). */
static void store_unlink(const char *path) {
    char side[sizeof((fixture *)0)->path + 8];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

static int setup(void **st) {
    fixture *f = px_calloc(1, sizeof *f);
    snprintf(f->path, sizeof f->path, "/tmp/px_test_serve_%d.db", getpid());
    store_unlink(f->path);
    px_store *w;
    assert_int_equal(px_store_open(f->path, 0, &w), PX_OK);
    for (size_t i = 0; i < 2; i++) {
        px_article *a = px_article_new();
        a->id = px_strdup(texts[i][0]);
        a->outlet = px_strdup(texts[i][1]);
        px_article_set_text(a, texts[i][2], strlen(texts[i][2]));
        px_put_status ps;
        assert_int_equal(px_store_put(w, a, NULL, &ps, NULL), PX_OK);
        px_article_free(a);
    }
    px_story_opts o;
    px_story_opts_default(&o);
    assert_int_equal(px_story_open(w), PX_OK);
    assert_int_equal(px_story_build(w, &o, NULL), PX_OK);
    px_store_close(w);
    assert_int_equal(px_store_open(f->path, 1, &f->s), PX_OK);
    *st = f;
    return 0;
}

static int teardown(void **st) {
    fixture *f = *st;
    px_store_close(f->s);
    store_unlink(f->path);
    px_free(f);
    return 0;
}

/* GET target; returns the status, body in r (caller releases). */
static int get(fixture *f, const char *method, const char *target,
               px_http_reply *r) {
    px_serve_route(f->s, method, target, strlen(target), r);
    assert_non_null(r->body.data);
    assert_non_null(strstr(r->type, "charset=utf-8"));
    return r->status;
}

static void route_pages(void **st) {
    fixture *f = *st;
    px_http_reply r;
    char sid[PX_CLUSTER_ID_LEN];
    assert_int_equal(px_story_of(f->s, "wire", sid), PX_OK);
    assert_int_equal(get(f, "GET", "/", &r), 200);
    assert_string_equal(r.type, "text/html; charset=utf-8");
    assert_non_null(strstr(r.body.data, sid));
    px_http_reply_release(&r);
    assert_int_equal(get(f, "GET", "/story/paper?format=json", &r), 200);
    assert_non_null(strstr(r.body.data, sid));
    px_http_reply_release(&r);
    assert_int_equal(get(f, "GET", "/article/wire?format=text", &r), 200);
    assert_string_equal(r.body.data, texts[0][2]);
    px_http_reply_release(&r);
    assert_int_equal(get(f, "GET", "/compare?a=wire&b=paper&format=json", &r),
                     200);
    assert_non_null(strstr(r.body.data, "\"findings\""));
    assert_non_null(strstr(r.body.data, "\"attribution_changed\""));
    assert_non_null(strstr(r.body.data, "\"rounded\"")); /* 312 / 300 */
    px_http_reply_release(&r);
    assert_int_equal(get(f, "HEAD", "/align?a=wire&b=paper", &r), 200);
    assert_non_null(strstr(r.body.data, "<html"));
    px_http_reply_release(&r);
    assert_int_equal(get(f, "GET", "/health", &r), 200);
    assert_non_null(strstr(r.body.data, "\"articles\": 2"));
    px_http_reply_release(&r);
}

static void route_errors(void **st) {
    fixture *f = *st;
    static const struct {
        const char *m, *t;
        int status;
    } cases[] = {
        {"POST", "/", 405},
        {"PUT", "/story/x", 405},
        {"GET", "/nope", 404},
        {"GET", "/story", 404},
        {"GET", "/story/x", 404},
        {"GET", "/article/x", 404},
        {"GET", "/compare?a=wire", 400},
        {"GET", "/compare?b=wire&a=x", 404},
        {"GET", "/align?a=wire&b=paper&format=xml", 400},
        {"GET", "/stories?limit=0", 400},
        {"GET", "/stories?limit=1000001", 400},
        {"GET", "/stories?min_size=x", 400},
        {"GET", "/stories?min_outlets=-1", 400},
        {"GET", "/stories?min_outlets=1000000001", 400},
        {"GET", "/stories?since=2025-13-01", 400},
        {"GET", "/stories?until=2025-03-04T25:00Z", 400},
        {"GET", "/stories?until=7y", 400},
        {"GET", "/stories?sort=SIZE", 400},
        {"GET", "/?since=tomorrow", 400},
        {"GET", "/stories?since=2025-03-04T10:00+01:00", 400}, /* '+' = ' ' */
        {"GET", "/a%zz", 400},
        {"GET", "/health/x", 404},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        px_http_reply r;
        assert_int_equal(get(f, cases[i].m, cases[i].t, &r), cases[i].status);
        assert_true(r.body.len > 4);
        if (cases[i].status == 405) assert_string_equal(r.allow, "GET, HEAD");
        px_http_reply_release(&r);
    }
    px_http_reply r;
    assert_int_equal(get(f, "GET", "/article/x", &r), 404);
    assert_string_equal(r.type, "application/json; charset=utf-8");
    assert_non_null(strstr(r.body.data, "\"error\""));
    px_http_reply_release(&r);
}

/* The story list's filter parameters: the fixture's one story has two
 * outlets, two articles and no times. */
static void route_story_filters(void **st) {
    fixture *f = *st;
    char sid[PX_CLUSTER_ID_LEN];
    assert_int_equal(px_story_of(f->s, "wire", sid), PX_OK);
    static const struct {
        const char *t;
        int listed;
    } cases[] = {
        {"/stories?min_outlets=2&min_size=2&sort=outlets&limit=5", 1},
        {"/stories?min_outlets=3", 0},
        {"/stories?min_size=3", 0},
        {"/stories?sort=recent", 1},
        {"/stories?since=2000-01-01", 0}, /* no times: left out */
        {"/stories?until=24h", 0},
        {"/stories?since=2025-03-04T10:00%2B01:00", 0}, /* '+' as %2B */
        {"/?min_outlets=2", 1},
        {"/?min_outlets=3", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        px_http_reply r;
        assert_int_equal(get(f, "GET", cases[i].t, &r), 200);
        assert_int_equal(strstr(r.body.data, sid) != NULL, cases[i].listed);
        px_http_reply_release(&r);
    }
    px_http_reply r;
    assert_int_equal(get(f, "GET", "/stories?min_outlets=3", &r), 200);
    assert_string_equal(r.body.data, "[]\n");
    px_http_reply_release(&r);
    assert_int_equal(get(f, "GET", "/stories?sort=recent&since=x", &r), 400);
    assert_string_equal(r.type, "application/json; charset=utf-8");
    assert_non_null(strstr(r.body.data, "\"since: want an ISO 8601 date"));
    px_http_reply_release(&r);
    assert_int_equal(get(f, "GET", "/?min_size=1e3", &r), 400);
    assert_string_equal(r.body.data,
                        "400 min_size: want a number from 0 to 1000000000\n");
    px_http_reply_release(&r);
}

/* --------------------------------------------------------------- server */

static void server_answers(void **st) {
    fixture *f = *st;
    px_server_opts o = {f->path, "127.0.0.1", 0, 2, NULL, NULL};
    px_server *sv;
    assert_int_equal(px_server_start(&o, &sv), PX_OK);
    uint16_t port = px_server_port(sv);
    assert_true(port > 0);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {0};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(connect(fd, (struct sockaddr *)&sa, sizeof sa), 0);
    const char req[] = "GET /health HTTP/1.0\r\n\r\n";
    assert_int_equal(write(fd, req, sizeof req - 1), (ssize_t)sizeof req - 1);
    px_buf b = PX_BUF_INIT;
    char tmp[4096];
    ssize_t k;
    while ((k = read(fd, tmp, sizeof tmp)) > 0)
        px_buf_append(&b, tmp, (size_t)k);
    close(fd);
    assert_non_null(b.data);
    assert_memory_equal(b.data, "HTTP/1.", 7);
    assert_memory_equal(b.data + 8, " 200 ", 5);
    assert_non_null(strstr(b.data, "\"status\": \"ok\""));
    px_buf_release(&b);
    px_server_free(sv);
    px_server_opts bad = {"/nonexistent/x.db", NULL, 0, 1, NULL, NULL};
    assert_int_equal(px_server_start(&bad, &sv), PX_ERR_NOTFOUND);
    assert_null(sv);
    px_server_free(NULL);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(url_decodes_path_and_query),
        cmocka_unit_test(url_refuses_bad_targets),
        cmocka_unit_test(url_caps),
        cmocka_unit_test_setup_teardown(route_pages, setup, teardown),
        cmocka_unit_test_setup_teardown(route_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(route_story_filters, setup, teardown),
        cmocka_unit_test_setup_teardown(server_answers, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
