/*
 * test_read.c - the readers: JSON Lines fields and errors, plain text with
 * title detection, directories, gzip/zstd, size caps, binary input.
 */
#include <unistd.h> /* mkdtemp, unlink, rmdir */
#include <zlib.h>
#include <zstd.h>

#include "testutil.h"

typedef struct errlog {
    px_buf text; /* "line:rc;" per error */
    size_t n;
} errlog;

static void on_err(void *ud, const char *path, size_t line, px_result rc,
                   const char *msg) {
    errlog *e = ud;
    (void)path;
    (void)msg;
    px_buf_printf(&e->text, "%zu:%d;", line, (int)rc);
    e->n++;
}

/* Read everything from a memory input; articles' ids joined by '|'. */
static char *read_mem(const char *name, const char *data, size_t n, size_t cap,
                      errlog *e, px_article ***keep) {
    px_read_opts o = {on_err, e, cap};
    px_reader *r;
    size_t before = e->n;
    assert_int_equal(px_reader_new_mem(name, data, n, &o, &r), PX_OK);
    px_buf ids = PX_BUF_INIT;
    px_article *a;
    size_t k = 0;
    while (!px_reader_next(r, &a) && a) {
        px_buf_printf(&ids, "%s%s", ids.len ? "|" : "", a->id);
        if (keep)
            (*keep)[k++] = a;
        else
            px_article_free(a);
    }
    assert_int_equal(px_reader_nerrors(r), e->n - before);
    px_reader_free(r);
    px_buf_putc(&ids, 0);
    return px_buf_detach(&ids, NULL);
}

static void test_jsonl_fields(void **state) {
    (void)state;
    const char *in =
        "\xEF\xBB\xBF{\"id\":\"a\",\"url\":\"http://x\",\"outlet\":\"O\","
        "\"title\":\"T\",\"text\":\"Body one.\",\"published\":"
        "\"2025-12-02T10:00:00+01:00\",\"lang\":\"en\",\"tags\":[1,2],\"k\":"
        "null}\n"
        "\n"
        "{\"id\":7,\"text\":\"Body two.\"}\n"
        "{\"text\":\"Body three.\"}\n";
    errlog e = {PX_BUF_INIT, 0};
    px_article *got[3], **keep = got;
    char *ids = read_mem("x.jsonl", in, strlen(in), 0, &e, &keep);
    assert_int_equal(e.n, 0);
    assert_int_equal(strncmp(ids, "a|7|h", 5), 0);
    assert_string_equal(got[0]->url, "http://x");
    assert_string_equal(got[0]->outlet, "O");
    assert_string_equal(got[0]->title, "T");
    assert_string_equal(got[0]->lang, "en");
    assert_string_equal(got[0]->text, "Body one.");
    assert_true(got[0]->published_ts == 1764666000);
    assert_string_equal(got[0]->extra, "{\"tags\":[1,2],\"k\":null}");
    assert_string_equal(got[0]->origin, "x.jsonl:1");
    assert_string_equal(got[1]->id, "7");
    assert_null(got[1]->extra);
    assert_true(got[1]->published_ts == PX_TIME_NONE);
    assert_int_equal(strncmp(got[2]->id, "h", 1), 0);
    assert_int_equal(strlen(got[2]->id), 17);
    assert_string_equal(got[2]->origin, "x.jsonl:4");
    for (int i = 0; i < 3; i++) px_article_free(got[i]);
    px_free(ids);
    px_buf_release(&e.text);
}

/* Each bad line is reported with its line and code; good lines survive. */
static void test_jsonl_errors(void **state) {
    (void)state;
    const char *in = "{\"id\":\"1\",\"text\":\"ok\"}\n"
                     "{\"id\":\"2\",\"text\":\"\"}\n"         /* 2 empty */
                     "{\"id\":\"3\"}\n"                       /* 3 missing */
                     "{\"id\":\"1\",\"text\":\"again\"}\n"    /* 4 dup id */
                     "{\"id\":\"5\",\"text\":\"bad \xff\"}\n" /* 5 utf-8 */
                     "[1,2]\n"                                /* 6 not obj */
                     "{\"id\":\"7\",\"text\":3}\n"            /* 7 type */
                     "{\"id\":\"8\",\"text\":\"ok8\"}\n"
                     "{\"id\":\"a\\tb\",\"text\":\"x\"}\n" /* 9 ctl id */
                     "{\"id\":\"9\",\"text\":\"tru";       /* 10 trunc */
    errlog e = {PX_BUF_INIT, 0};
    char *ids = read_mem("e.jsonl", in, strlen(in), 0, &e, NULL);
    assert_string_equal(ids, "1|8");
    assert_string_equal(e.text.data, "2:8;3:8;4:6;5:4;6:5;7:5;9:3;10:5;");
    px_free(ids);
    px_buf_release(&e.text);
}

/* .json: an array of records (errors name the element), or JSON Lines. */
static void test_json_array(void **state) {
    (void)state;
    const char *in =
        "\n [ {\"id\":\"j1\",\"text\":\"one\"},\n {\"id\":\"j2\"},\n 5,\n"
        " {\"id\":\"j1\",\"text\":\"dup\"}, {\"text\":\"four\",\"x\":[]} ]\n";
    errlog e = {PX_BUF_INIT, 0};
    px_article *got[2], **keep = got;
    char *ids = read_mem("a.json", in, strlen(in), 0, &e, &keep);
    assert_int_equal(strncmp(ids, "j1|h", 4), 0);
    assert_string_equal(e.text.data, "0:8;0:5;0:6;");
    assert_string_equal(got[0]->origin, "a.json[1]");
    assert_string_equal(got[1]->origin, "a.json[5]");
    assert_string_equal(got[1]->extra, "{\"x\":[]}");
    px_article_free(got[0]);
    px_article_free(got[1]);
    px_free(ids);
    /* syntax errors carry their line; JSON Lines in a .json file work */
    px_buf_clear(&e.text);
    const char *b = "[{\"id\":\"k\",\n\"text\":]";
    ids = read_mem("b.json", b, strlen(b), 0, &e, NULL);
    assert_string_equal(ids, "");
    assert_string_equal(e.text.data, "2:5;");
    px_free(ids);
    const char *c =
        "{\"id\":\"l1\",\"text\":\"x\"}\n{\"id\":\"l2\",\"text\":\"y\"}\n";
    ids = read_mem("c.json", c, strlen(c), 0, &e, NULL);
    assert_string_equal(ids, "l1|l2");
    px_free(ids);
    /* an array over the cap is refused as a whole */
    ids = read_mem("d.json", in, strlen(in), 16, &e, NULL);
    assert_string_equal(ids, "");
    px_free(ids);
    assert_string_equal(e.text.data, "2:5;0:7;");
    px_buf_release(&e.text);
}

/* A line over the cap is skipped (not buffered) and reported. */
static void test_line_cap(void **state) {
    (void)state;
    px_buf in = PX_BUF_INIT;
    px_buf_puts(&in,
                "{\"id\":\"a\",\"text\":\"short\"}\n{\"id\":\"b\",\"text\":\"");
    for (int i = 0; i < 300000; i++) px_buf_putc(&in, 'x');
    px_buf_puts(&in, "\"}\n{\"id\":\"c\",\"text\":\"after\"}\n");
    errlog e = {PX_BUF_INIT, 0};
    char *ids = read_mem("big.jsonl", in.data, in.len, 1000, &e, NULL);
    assert_string_equal(ids, "a|c");
    assert_string_equal(e.text.data, "2:7;");
    px_free(ids);
    px_buf_release(&e.text);
    px_buf_release(&in);
}

static void test_txt_title(void **state) {
    (void)state;
    const char *in = "Big News Today\n\nBig News Today\nBig News Today\n"
                     "Body with bad \xff byte.\n";
    errlog e = {PX_BUF_INIT, 0};
    px_article *got[1], **keep = got;
    char *ids = read_mem("dir/seed.txt.gz", in, strlen(in), 0, &e, &keep);
    assert_string_equal(ids, "seed");
    assert_string_equal(got[0]->title, "Big News Today");
    assert_int_equal(got[0]->text_len, strlen(in)); /* bytes kept verbatim */
    assert_memory_equal(got[0]->text, in, strlen(in));
    px_article_free(got[0]);
    px_free(ids);
    /* a first line that is never repeated is not a title */
    in = "Just a sentence here.\nAnother one.\n";
    keep = got;
    ids = read_mem("b.txt", in, strlen(in), 0, &e, &keep);
    assert_null(got[0]->title);
    assert_int_equal(e.n, 0);
    px_article_free(got[0]);
    px_free(ids);
    px_buf_release(&e.text);
}

static void test_bad_files(void **state) {
    (void)state;
    errlog e = {PX_BUF_INIT, 0};
    char *ids = read_mem("empty.txt", "", 0, 0, &e, NULL);
    assert_string_equal(ids, "");
    px_free(ids);
    ids = read_mem("blank.jsonl", "\n  \n", 4, 0, &e, NULL);
    px_free(ids);
    ids = read_mem("bin.txt", "ab\ncd\0ef", 8, 0, &e, NULL);
    px_free(ids);
    static const char ctrl[] = "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f text";
    ids = read_mem("ctl.txt", ctrl, sizeof ctrl - 1, 0, &e, NULL);
    px_free(ids);
    ids = read_mem("big.txt", "0123456789", 10, 5, &e, NULL);
    px_free(ids);
    /* gzip magic followed by garbage */
    ids = read_mem("c.jsonl", "\x1f\x8b\x08\x00garbage!", 12, 0, &e, NULL);
    px_free(ids);
    assert_string_equal(e.text.data, "0:8;0:8;2:9;1:9;0:7;0:12;");
    px_buf_release(&e.text);
}

/* gzip of n bytes into out (px_malloc'd); returns its length. */
static size_t gzip_mem(const char *in, size_t n, unsigned char **out) {
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY),
                     Z_OK);
    size_t cap = deflateBound(&z, n) + 32;
    *out = px_malloc(cap);
    z.next_in = (unsigned char *)in;
    z.avail_in = (uInt)n;
    z.next_out = *out;
    z.avail_out = (uInt)cap;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    deflateEnd(&z);
    return cap - z.avail_out;
}

/* Compression is found by magic bytes whatever the name; a cut-off
 * compressed stream is reported, the articles before the cut are kept. */
static void test_magic(void **state) {
    (void)state;
    const char *in =
        "{\"id\":\"m1\",\"text\":\"one\"}\n{\"id\":\"m2\",\"text\":\"two\"}\n";
    unsigned char *gz;
    size_t gn = gzip_mem(in, strlen(in), &gz);
    errlog e = {PX_BUF_INIT, 0};
    char *ids = read_mem("plain-name.jsonl", (const char *)gz, gn, 0, &e, NULL);
    assert_string_equal(ids, "m1|m2");
    px_free(ids);
    ids = read_mem("cut.jsonl", (const char *)gz, gn - 6, 0, &e, NULL);
    px_free(ids);
    /* two gzip members back to back (as `cat a.gz b.gz` makes) */
    const char *in2 = "{\"id\":\"m3\",\"text\":\"three\"}\n";
    unsigned char *gz2;
    size_t gn2 = gzip_mem(in2, strlen(in2), &gz2);
    px_buf both = PX_BUF_INIT;
    px_buf_append(&both, gz, gn);
    px_buf_append(&both, gz2, gn2);
    ids = read_mem("two.jsonl", both.data, both.len, 0, &e, NULL);
    assert_string_equal(ids, "m1|m2|m3");
    px_free(ids);
    px_buf_release(&both);
    px_free(gz2);
    px_free(gz);
    size_t zc = ZSTD_compressBound(strlen(in));
    unsigned char *zs = px_malloc(zc);
    size_t zn = ZSTD_compress(zs, zc, in, strlen(in), 3);
    assert_false(ZSTD_isError(zn));
    ids = read_mem("z.jsonl", (const char *)zs, zn, 0, &e, NULL);
    assert_string_equal(ids, "m1|m2");
    px_free(ids);
    ids = read_mem("zcut.jsonl", (const char *)zs, zn - 3, 0, &e, NULL);
    px_free(ids);
    px_free(zs);
    /* both cut streams: one "corrupt or truncated" report each */
    assert_int_equal(e.n, 2);
    assert_non_null(strstr(e.text.data, ":12;"));
    px_buf_release(&e.text);
}

/* Compressed input through a real file, and a directory walk in order. */
static void test_dir_gzip(void **state) {
    (void)state;
    char dir[] = "/tmp/px_test_read_XXXXXX", p[256];
    assert_non_null(mkdtemp(dir));
    snprintf(p, sizeof p, "%s/b.jsonl.gz", dir);
    gzFile gz = gzopen(p, "wb");
    gzputs(
        gz,
        "{\"id\":\"b1\",\"text\":\"one\"}\n{\"id\":\"b2\",\"text\":\"two\"}\n");
    gzclose(gz);
    snprintf(p, sizeof p, "%s/a.txt", dir);
    FILE *f = fopen(p, "w");
    fputs("alpha text\n", f);
    fclose(f);
    snprintf(p, sizeof p, "%s/notes.tsv", dir); /* unknown: skipped */
    f = fopen(p, "w");
    fputs("x\ty\n", f);
    fclose(f);
    const char *paths[] = {dir, "/nonexistent/px"};
    errlog e = {PX_BUF_INIT, 0};
    px_read_opts o = {on_err, &e, 0};
    px_reader *r;
    assert_int_equal(px_reader_new(paths, 2, &o, &r), PX_OK);
    px_buf ids = PX_BUF_INIT;
    px_article *a;
    while (!px_reader_next(r, &a) && a) {
        px_buf_printf(&ids, "%s;", a->id);
        px_article_free(a);
    }
    assert_string_equal(ids.data, "a;b1;b2;");
    assert_string_equal(e.text.data, "0:2;");
    px_reader_free(r);
    px_buf_release(&ids);
    px_buf_release(&e.text);
    const char *names[] = {"a.txt", "b.jsonl.gz", "notes.tsv"};
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        unlink(p);
    }
    rmdir(dir);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonl_fields),
        cmocka_unit_test(test_jsonl_errors),
        cmocka_unit_test(test_line_cap),
        cmocka_unit_test(test_txt_title),
        cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_dir_gzip),
        cmocka_unit_test(test_magic),
        cmocka_unit_test(test_json_array),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
