/*
 * json.c - ".json" files: a JSON array of article objects, or JSON Lines.
 *
 * Data sets are often shipped as one array ("[{...}, {...}]") rather than
 * as JSON Lines.  A .json file whose first non-blank byte is '[' is parsed
 * whole (under the size cap: an array cannot be streamed record by record
 * with jansson) and each element becomes an article, with the same fields
 * and rules as a JSON Lines record; problems name the element ("element
 * 3: missing "text"") and syntax errors their line.  Anything else is read
 * as JSON Lines.
 */
#include <jansson.h>

#include "read/read_int.h"

typedef struct array_doc {
    int lines;    /* not an array: read as JSON Lines */
    json_t *root; /* the parsed array, NULL when it could not be read */
    size_t next;  /* index of the next element */
} array_doc;

static void array_free(void *p) {
    array_doc *a = p;
    json_decref(a->root);
    px_free(a);
}

static int starts_array(px_stream *st) {
    const unsigned char *p;
    size_t n, i = 0;
    if (px_stream_peek(st, 4096, &p, &n)) return 0;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) i = 3;
    while (i < n &&
           (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t'))
        i++;
    return i < n && p[i] == '[';
}

/* Parse the whole file into a->root. */
static px_result load(px_src *src, array_doc *a) {
    px_result rc = px_stream_slurp(src->st, &src->scratch, src->cap);
    if (rc == PX_ERR_TOOBIG)
        px_src_error(src, 0, rc,
                     "JSON array larger than the %zu-byte cap; "
                     "skipped (use JSON Lines, or --max-bytes)",
                     src->cap);
    if (rc) return rc == PX_ERR_TOOBIG ? PX_OK : rc;
    json_error_t e;
    a->root = json_loadb(src->scratch.data, src->scratch.len,
                         JSON_REJECT_DUPLICATES, &e);
    px_buf_release(&src->scratch);
    if (!a->root) px_read_json_error(src, &e);
    return PX_OK;
}

static px_article *element(px_src *src, array_doc *arr) {
    json_t *v = json_array_get(arr->root, arr->next++);
    src->element = arr->next;
    px_article *a = NULL;
    if (!json_is_object(v))
        px_src_error(src, 0, PX_ERR_JSON, "not a JSON object");
    else if ((a = px_read_json_record(src, v))) {
        px_buf o = PX_BUF_INIT;
        px_buf_printf(&o, "%s[%zu]", src->path, arr->next);
        a->origin = px_buf_detach(&o, NULL);
    }
    return a; /* src->element stays set for the driver's duplicate check */
}

px_result px_read_json_next(px_src *src, px_article **out) {
    *out = NULL;
    array_doc *arr = src->state;
    if (!arr) {
        src->state = arr = px_calloc(1, sizeof *arr);
        src->state_free = array_free;
        arr->lines = !starts_array(src->st);
        px_result rc = arr->lines ? PX_OK : load(src, arr);
        if (rc) return rc;
    }
    if (arr->lines) return px_read_jsonl_next(src, out);
    while (!*out && arr->root && arr->next < json_array_size(arr->root))
        *out = element(src, arr);
    if (!*out) src->element = 0;
    return PX_OK;
}
