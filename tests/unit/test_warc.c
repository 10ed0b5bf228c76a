/*
 * test_warc.c - the WARC reader on generated archives: plain and per-record
 * gzip, non-HTML and non-response records skipped, charset from the HTTP
 * header, chunked and gzip payloads, and damage: a truncated gzip member, a
 * corrupt member, lying Content-Lengths, garbage between records.
 */
#include <zlib.h>

#include "testutil.h"

#define HTML_A                                                                 \
    "<html><body><p>First page, about the harbour, which reopened "            \
    "on Monday after repairs.</p></body></html>"
#define HTML_B                                                                 \
    "<html><head><title>B</title><meta property=\"article:"                    \
    "published_time\" content=\"2020-05-05T05:05:05Z\"></head>"                \
    "<body><p>Second page, about the railway, which closed on "                \
    "Tuesday for the winter.</p></body></html>"

/* Append one record with an HTTP response around body.  clen_delta lies
 * about the block length. */
static void record(px_buf *b, const char *type, const char *uri,
                   const char *http_ctype, const char *extra_hdr,
                   const char *body, size_t body_len, long clen_delta) {
    px_buf blk = PX_BUF_INIT;
    px_buf_printf(&blk, "HTTP/1.1 200 OK\r\nContent-Type: %s\r\n%s\r\n",
                  http_ctype, extra_hdr ? extra_hdr : "");
    px_buf_append(&blk, body, body_len);
    px_buf_printf(b,
                  "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\n"
                  "WARC-Date: 2024-02-03T04:05:06Z\r\nContent-Type: "
                  "application/http; msgtype=response\r\nContent-Length: "
                  "%ld\r\n\r\n",
                  type, uri, (long)blk.len + clen_delta);
    px_buf_append(b, blk.data, blk.len);
    px_buf_puts(b, "\r\n\r\n");
    px_buf_release(&blk);
}

static void html_record(px_buf *b, const char *uri, const char *html) {
    record(b, "response", uri, "text/html; charset=utf-8", NULL, html,
           strlen(html), 0);
}

/* gzip member of p[0..n) appended to out. */
static void gz_member(px_buf *out, const char *p, size_t n) {
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY),
                     Z_OK);
    size_t cap = deflateBound(&z, n) + 64;
    unsigned char *tmp = malloc(cap);
    z.next_in = (unsigned char *)p;
    z.avail_in = (uInt)n;
    z.next_out = tmp;
    z.avail_out = (uInt)cap;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    px_buf_append(out, tmp, cap - z.avail_out);
    deflateEnd(&z);
    free(tmp);
}

typedef struct result {
    px_page *pages[16];
    size_t n, nerr;
    char errors[1024];
} result;

static void on_err(void *ud, uint64_t off, px_result rc, const char *msg) {
    result *r = ud;
    (void)off;
    (void)rc;
    strncat(r->errors, msg, sizeof r->errors - strlen(r->errors) - 2);
    strcat(r->errors, "|");
}

static void read_all(const px_buf *b, result *r) {
    memset(r, 0, sizeof *r);
    FILE *f = fmemopen(b->data, b->len, "rb");
    assert_non_null(f);
    px_warc_opts o = {on_err, r, 0, {0, 0, NULL, NULL, NULL}};
    px_warc *w;
    assert_int_equal(px_warc_new(f, &o, &w), PX_OK);
    px_page *p;
    while (px_warc_next(w, &p, NULL) == PX_OK && p && r->n < 16)
        r->pages[r->n++] = p;
    r->nerr = px_warc_nerrors(w);
    px_warc_free(w);
    fclose(f);
}

static void result_free(result *r) {
    for (size_t i = 0; i < r->n; i++) px_page_free(r->pages[i]);
}

/* A, a request, a PDF response, B: two pages. */
static void build_basic(px_buf *b) {
    html_record(b, "http://a.example/1", HTML_A);
    record(b, "request", "http://a.example/2", "text/html", NULL, "GET", 3, 0);
    record(b, "response", "http://a.example/doc.pdf", "application/pdf", NULL,
           "%PDF", 4, 0);
    html_record(b, "<http://b.example/2>", HTML_B);
}

static void check_basic(const result *r) {
    assert_int_equal(r->n, 2);
    assert_string_equal(r->pages[0]->url, "http://a.example/1");
    assert_non_null(strstr(r->pages[0]->text, "harbour"));
    /* no date in the page: capture time */
    assert_string_equal(r->pages[0]->published, "2024-02-03T04:05:06Z");
    assert_string_equal(r->pages[1]->url, "http://b.example/2");
    assert_string_equal(r->pages[1]->published, "2020-05-05T05:05:05Z");
    assert_non_null(strstr(r->pages[1]->text, "railway"));
}

static void test_plain(void **state) {
    (void)state;
    px_buf b = PX_BUF_INIT;
    build_basic(&b);
    result r;
    read_all(&b, &r);
    check_basic(&r);
    assert_int_equal(r.nerr, 0);
    result_free(&r);
    px_buf_release(&b);
}

/* Each record of a plain archive becomes one gzip member. */
static void gzip_records(const px_buf *plain, px_buf *gz) {
    const char *p = plain->data, *end = plain->data + plain->len;
    while (p < end) {
        const char *next =
            memmem(p + 1, (size_t)(end - p - 1), "WARC/1.0\r\n", 10);
        if (!next) next = end;
        gz_member(gz, p, (size_t)(next - p));
        p = next;
    }
}

static void test_gzip_members(void **state) {
    (void)state;
    px_buf plain = PX_BUF_INIT, gz = PX_BUF_INIT;
    build_basic(&plain);
    gzip_records(&plain, &gz);
    result r;
    read_all(&gz, &r);
    check_basic(&r);
    assert_int_equal(r.nerr, 0);
    result_free(&r);
    px_buf_release(&plain);
    px_buf_release(&gz);
}

static void test_truncated_member(void **state) {
    (void)state;
    px_buf plain = PX_BUF_INIT, gz = PX_BUF_INIT;
    html_record(&plain, "http://a.example/1", HTML_A);
    gzip_records(&plain, &gz);
    size_t first = gz.len;
    px_buf_clear(&plain);
    html_record(&plain, "http://b.example/2", HTML_B);
    gzip_records(&plain, &gz);
    gz.len = first + (gz.len - first) / 2; /* cut the second member */
    result r;
    read_all(&gz, &r);
    assert_int_equal(r.n, 1);
    assert_non_null(strstr(r.pages[0]->text, "harbour"));
    assert_true(r.nerr >= 1);
    assert_non_null(strstr(r.errors, "truncated"));
    result_free(&r);
    px_buf_release(&plain);
    px_buf_release(&gz);
}

static void test_corrupt_member(void **state) {
    (void)state;
    px_buf plain = PX_BUF_INIT, gz = PX_BUF_INIT;
    build_basic(&plain);
    html_record(&plain, "http://c.example/3", HTML_A);
    gzip_records(&plain, &gz);
    /* wreck the deflate data of the first member (after its header) */
    for (size_t i = 12; i < 40; i++) gz.data[i] = (char)0xff;
    result r;
    read_all(&gz, &r);
    assert_true(r.nerr >= 1);
    assert_non_null(strstr(r.errors, "corrupt gzip"));
    assert_true(r.n >= 2); /* B and C survive */
    assert_string_equal(r.pages[r.n - 1]->url, "http://c.example/3");
    result_free(&r);
    px_buf_release(&plain);
    px_buf_release(&gz);
}

static void test_lying_length(void **state) {
    (void)state;
    px_buf b = PX_BUF_INIT;
    /* overstated by 500 bytes: would swallow the next record */
    record(&b, "response", "http://a.example/1", "text/html", NULL, HTML_A,
           strlen(HTML_A), 500);
    html_record(&b, "http://b.example/2", HTML_B);
    result r;
    read_all(&b, &r);
    assert_int_equal(r.n, 2);
    assert_non_null(strstr(r.errors, "overstates"));
    assert_string_equal(r.pages[1]->url, "http://b.example/2");
    result_free(&r);
    px_buf_clear(&b);
    /* understated by 40 bytes: the rest of the block is recovered */
    record(&b, "response", "http://a.example/1", "text/html", NULL, HTML_A,
           strlen(HTML_A), -40);
    html_record(&b, "http://b.example/2", HTML_B);
    read_all(&b, &r);
    assert_int_equal(r.n, 2);
    assert_non_null(strstr(r.errors, "understates"));
    assert_non_null(strstr(r.pages[0]->text, "after repairs"));
    result_free(&r);
    /* overstated at the end of the file: truncated, reported */
    px_buf_clear(&b);
    html_record(&b, "http://a.example/1", HTML_A);
    record(&b, "response", "http://b.example/2", "text/html", NULL, HTML_B,
           strlen(HTML_B), 100000);
    read_all(&b, &r);
    assert_int_equal(r.n, 1);
    assert_non_null(strstr(r.errors, "truncated record"));
    result_free(&r);
    px_buf_release(&b);
}

static void test_resource_record(void **state) {
    (void)state;
    px_buf b = PX_BUF_INIT;
    px_buf_printf(&b,
                  "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: "
                  "file:///a.html\r\nContent-Type: text/html\r\n"
                  "Content-Length: %zu\r\n\r\n%s\r\n\r\n",
                  strlen(HTML_A), HTML_A);
    result r;
    read_all(&b, &r);
    assert_int_equal(r.n, 1);
    assert_non_null(strstr(r.pages[0]->text, "harbour"));
    assert_string_equal(r.pages[0]->url, "file:///a.html");
    result_free(&r);
    px_buf_release(&b);
}

/* Writers that end records with one CRLF, or none, are read silently. */
static void test_lenient_separators(void **state) {
    (void)state;
    px_buf b = PX_BUF_INIT;
    html_record(&b, "http://a.example/1", HTML_A);
    b.len -= 2; /* one CRLF after the block */
    html_record(&b, "http://b.example/2", HTML_B);
    b.len -= 4; /* none at the end of the file */
    result r;
    read_all(&b, &r);
    assert_int_equal(r.n, 2);
    assert_int_equal(r.nerr, 0);
    result_free(&r);
    px_buf_release(&b);
}

static void test_garbage_and_headers(void **state) {
    (void)state;
    px_buf b = PX_BUF_INIT;
    px_buf_puts(&b, "junk before\r\nmore junk\r\n");
    html_record(&b, "http://a.example/1", HTML_A);
    px_buf_puts(&b, "WARC/1.0\r\nWARC-Type: response\r\n\r\n"); /* no length */
    px_buf_puts(&b, "WARC/1.0\r\nWARC-Type: resp");             /* cut */
    result r;
    read_all(&b, &r);
    assert_int_equal(r.n, 1);
    assert_non_null(strstr(r.errors, "outside any record"));
    assert_non_null(strstr(r.errors, "Content-Length"));
    assert_int_equal(r.nerr, 3);
    result_free(&r);
    /* no record at all */
    px_buf_clear(&b);
    px_buf_puts(&b, "<html>not an archive</html>\n");
    read_all(&b, &r);
    assert_int_equal(r.n, 0);
    assert_string_equal(r.errors, "no WARC record found|");
    px_buf_release(&b);
}

static void test_payload_encodings(void **state) {
    (void)state;
    px_buf b = PX_BUF_INIT;
    /* windows-1251 declared in the HTTP header */
    const char cyr[] = "<p>\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0, a sentence "
                       "long enough to be kept.</p>";
    record(&b, "response", "http://r.example/",
           "text/html; charset=windows-1251", NULL, cyr, sizeof cyr - 1, 0);
    /* chunked transfer encoding */
    const char chunked[] = "f\r\n<p>Chunked body\r\n"
                           "27\r\n, split in pieces, and long enough.</p>\r\n"
                           "0\r\n\r\n";
    record(&b, "response", "http://c.example/", "text/html",
           "Transfer-Encoding: chunked\r\n", chunked, sizeof chunked - 1, 0);
    /* gzip content encoding */
    px_buf z = PX_BUF_INIT;
    gz_member(&z, HTML_A, strlen(HTML_A));
    record(&b, "response", "http://g.example/", "text/html",
           "Content-Encoding: gzip\r\n", z.data, z.len, 0);
    result r;
    read_all(&b, &r);
    assert_int_equal(r.n, 3);
    assert_non_null(strstr(r.pages[0]->text, "\xd0\x9f\xd1\x80\xd0\xb8"));
    assert_non_null(strstr(r.pages[1]->text, "Chunked body, split in pieces"));
    assert_non_null(strstr(r.pages[2]->text, "harbour"));
    assert_int_equal(r.nerr, 0);
    result_free(&r);
    px_buf_release(&z);
    px_buf_release(&b);
}

static void test_record_cap(void **state) {
    (void)state;
    px_buf b = PX_BUF_INIT;
    px_buf big = PX_BUF_INIT;
    px_buf_puts(&big, "<p>");
    for (int i = 0; i < 5000; i++) px_buf_puts(&big, "words and words, ");
    px_buf_puts(&big, "</p>");
    record(&b, "response", "http://big.example/", "text/html", NULL, big.data,
           big.len, 0);
    html_record(&b, "http://a.example/1", HTML_A);
    FILE *f = fmemopen(b.data, b.len, "rb");
    result r;
    memset(&r, 0, sizeof r);
    px_warc_opts o = {on_err, &r, 4096, {0, 0, NULL, NULL, NULL}};
    px_warc *w;
    assert_int_equal(px_warc_new(f, &o, &w), PX_OK);
    px_page *p;
    assert_int_equal(px_warc_next(w, &p, NULL), PX_OK);
    assert_non_null(p);
    assert_string_equal(p->url, "http://a.example/1");
    assert_non_null(strstr(r.errors, "size cap"));
    px_page_free(p);
    px_warc_free(w);
    fclose(f);
    px_buf_release(&big);
    px_buf_release(&b);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain),
        cmocka_unit_test(test_gzip_members),
        cmocka_unit_test(test_truncated_member),
        cmocka_unit_test(test_corrupt_member),
        cmocka_unit_test(test_lying_length),
        cmocka_unit_test(test_resource_record),
        cmocka_unit_test(test_lenient_separators),
        cmocka_unit_test(test_garbage_and_headers),
        cmocka_unit_test(test_payload_encodings),
        cmocka_unit_test(test_record_cap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
