/*
 * fuzz_align.c - libFuzzer target for sentence segmentation and alignment.
 *
 * The input is split at its first 0xFF byte (or in half) into two
 * articles; both are segmented, aligned, and rendered as JSON, text and
 * HTML.  Checks the invariants every consumer relies on: sentence spans
 * inside the text, ordered, and every op span inside its pair's side.
 */
#include <stdlib.h>
#include <string.h>

#include "parallax.h"

static void check_sents(const px_sent *s, size_t n, size_t len) {
    for (size_t i = 0; i < n; i++) {
        if (s[i].span.start >= s[i].span.end || s[i].span.end > len) abort();
        if (i && s[i - 1].span.end > s[i].span.start) abort();
    }
}

static void check_pairs(const px_align *al, size_t la, size_t lb) {
    for (size_t i = 0; i < px_align_npairs(al); i++) {
        const px_align_pair *p = px_align_get_pair(al, i);
        if (!p->a_n || !p->b_n || p->a_span.end > la || p->b_span.end > lb)
            abort();
        for (size_t k = 0; k < p->nops; k++) {
            const px_op *op = &p->ops[k];
            if (op->a_span.start < p->a_span.start ||
                op->a_span.end > p->a_span.end ||
                op->b_span.start < p->b_span.start ||
                op->b_span.end > p->b_span.end)
                abort();
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *t = (const char *)data;
    const char *cut = memchr(t, 0xFF, size);
    size_t la = cut ? (size_t)(cut - t) : size / 2;
    size_t lb = size - la - (cut ? 1 : 0);
    const char *tb = t + size - lb;
    px_doc *da = NULL, *db = NULL;
    px_align *al = NULL;
    if (px_doc_new(t, la, NULL, &da) || px_doc_new(tb, lb, NULL, &db)) goto out;
    px_sent *s;
    size_t n;
    if (px_sent_split(da, &s, &n) == PX_OK) {
        check_sents(s, n, la);
        px_free(s);
    }
    if (px_align_docs(da, NULL, db, NULL, NULL, &al)) goto out;
    check_pairs(al, la, lb);
    px_buf b = PX_BUF_INIT;
    px_align_to_json(al, &b);
    px_align_text_opts o = {1, 60};
    px_align_to_text(al, &o, &b);
    px_align_to_html(al, NULL, &b);
    px_buf_release(&b);
out:
    px_align_free(al);
    px_doc_free(da);
    px_doc_free(db);
    return 0;
}
