/*
 * test_core.c - result strings, px_buf (caps, JSON and HTML escaping),
 * article time parsing, array growth (core/array.h).
 */
#include "testutil.h"

#include "core/array.h"

static void test_buf_cap(void **state) {
    (void)state;
    px_buf b;
    px_buf_init(&b, 8);
    assert_int_equal(px_buf_puts(&b, "12345678"), PX_OK);
    assert_int_equal(px_buf_putc(&b, '9'), PX_ERR_TOOBIG);
    assert_int_equal(b.len, 8);
    assert_string_equal(b.data, "12345678");
    px_buf_release(&b);
    px_buf_release(&b); /* release twice is harmless */
}

static void test_buf_printf(void **state) {
    (void)state;
    px_buf b = PX_BUF_INIT;
    assert_int_equal(px_buf_printf(&b, "%s=%d", "n", 42), PX_OK);
    assert_int_equal(px_buf_printf(&b, ";%s", ""), PX_OK);
    assert_int_equal(b.len, 5);
    assert_string_equal(b.data, "n=42;");
    /* a text that fills the free space exactly, then one that does not
     * fit in what is left (the NUL's byte) and a long one: both grow */
    char long_text[3001];
    for (size_t i = 0; i < sizeof long_text - 1; i++)
        long_text[i] = (char)('a' + i % 26);
    long_text[sizeof long_text - 1] = '\0';
    size_t room = b.alloc - b.len - 1;
    assert_int_equal(px_buf_printf(&b, "%.*s", (int)room, long_text), PX_OK);
    assert_int_equal(b.len + 1, b.alloc);
    assert_int_equal(px_buf_printf(&b, "%c|", 'x'), PX_OK);
    assert_int_equal(px_buf_printf(&b, "<%s>", long_text), PX_OK);
    px_buf ref = PX_BUF_INIT;
    px_buf_puts(&ref, "n=42;");
    px_buf_append(&ref, long_text, room);
    px_buf_puts(&ref, "x|<");
    px_buf_puts(&ref, long_text);
    px_buf_puts(&ref, ">");
    assert_int_equal(b.len, ref.len);
    assert_int_equal(b.len, 5 + room + 2 + 3002);
    assert_string_equal(b.data, ref.data);
    assert_true(b.len < b.alloc);
    px_buf_release(&ref);
    px_buf_release(&b);

    /* over the cap: refused, text unchanged, whether or not it would fit
     * in the memory already allocated */
    px_buf c;
    px_buf_init(&c, 8);
    assert_int_equal(px_buf_printf(&c, "%d", 1234), PX_OK);
    assert_int_equal(px_buf_printf(&c, "%s", "56789"), PX_ERR_TOOBIG);
    assert_int_equal(px_buf_printf(&c, "%s", long_text), PX_ERR_TOOBIG);
    assert_int_equal(c.len, 4);
    assert_string_equal(c.data, "1234");
    assert_int_equal(px_buf_printf(&c, "%s", "5678"), PX_OK);
    assert_string_equal(c.data, "12345678");
    px_buf_release(&c);
    px_buf_init(&c, 8);
    assert_int_equal(px_buf_printf(&c, "%s", long_text), PX_ERR_TOOBIG);
    assert_int_equal(c.len, 0);
    px_buf_release(&c);
}

static void test_json_escape(void **state) {
    (void)state;
    static const struct {
        const char *in;
        size_t n;
        const char *out;
    } cases[] = {
        {"a\"b\\c", 5, "\"a\\\"b\\\\c\""},
        {"\n\t\x01", 3, "\"\\n\\t\\u0001\""},
        {"caf\xC3\xA9", 5, "\"caf\xC3\xA9\""},
        {"x\xFFy", 3, "\"x\xEF\xBF\xBDy\""},
        {"a\0b", 3, "\"a\\u0000b\""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        px_buf b = PX_BUF_INIT;
        assert_int_equal(px_buf_json_str(&b, cases[i].in, cases[i].n), PX_OK);
        assert_string_equal(b.data, cases[i].out);
        px_buf_release(&b);
    }
    px_buf b = PX_BUF_INIT; /* fields: first, escaped, null */
    px_buf_putc(&b, '{');
    px_buf_json_field(&b, "id", "a\"1", 1);
    px_buf_json_field(&b, "url", NULL, 0);
    px_buf_putc(&b, '}');
    assert_string_equal(b.data, "{\"id\":\"a\\\"1\",\"url\":null}");
    px_buf_release(&b);
}

static void test_html_escape(void **state) {
    (void)state;
    px_buf b = PX_BUF_INIT;
    px_buf_html(&b, "<a href=\"x\">&'</a>", 18);
    assert_string_equal(b.data,
                        "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    px_buf_release(&b);
}

static void test_time(void **state) {
    (void)state;
    int64_t t;
    assert_int_equal(px_time_parse("1970-01-01", &t), PX_OK);
    assert_int_equal(t, 0);
    assert_int_equal(px_time_parse("2025-12-02T10:00:00Z", &t), PX_OK);
    assert_int_equal(t, 1764669600);
    assert_int_equal(px_time_parse("2025-12-02T12:00:00+02:00", &t), PX_OK);
    assert_int_equal(t, 1764669600);
    assert_int_equal(px_time_parse("2025-13-02", &t), PX_ERR_PARSE);
    assert_int_equal(px_time_parse("yesterday", &t), PX_ERR_PARSE);
    assert_int_equal(px_time_parse(NULL, &t), PX_ERR_PARSE);
}

static void test_array_grow(void **state) {
    (void)state;
    uint32_t *v = NULL;
    size_t alloc = 0;
    v = px_array_grow(v, &alloc, 1, 4, sizeof *v); /* first: 4 */
    assert_non_null(v);
    assert_int_equal(alloc, 4);
    for (uint32_t i = 0; i < 4; i++) v[i] = i;
    uint32_t *same = px_array_grow(v, &alloc, 4, 4, sizeof *v);
    assert_ptr_equal(same, v); /* room enough: untouched */
    assert_int_equal(alloc, 4);
    v = px_array_grow(v, &alloc, 5, 4, sizeof *v); /* doubles */
    assert_int_equal(alloc, 8);
    v = px_array_grow(v, &alloc, 50, 4, sizeof *v); /* until need fits */
    assert_int_equal(alloc, 64);
    for (uint32_t i = 0; i < 4; i++) assert_int_equal(v[i], i); /* kept */
    v[49] = 49;
    px_free(v);
}

static void test_result_str(void **state) {
    (void)state;
    assert_string_equal(px_result_str(PX_OK), "ok");
    assert_string_equal(px_result_str((px_result)9999), "unknown error");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf_cap),     cmocka_unit_test(test_buf_printf),
        cmocka_unit_test(test_json_escape), cmocka_unit_test(test_html_escape),
        cmocka_unit_test(test_time),        cmocka_unit_test(test_result_str),
        cmocka_unit_test(test_array_grow),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
