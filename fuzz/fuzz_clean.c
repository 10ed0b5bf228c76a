/*
 * fuzz_clean.c - libFuzzer target for the cleaner and the document views.
 *
 * Input: one option byte, then the article text (arbitrary bytes).  The
 * option byte picks which px_doc_opts are set (a title taken from the
 * first line, an outlet, a px_boiler learned from the text's own halves).
 * Asserted invariants (abort on violation):
 *   - removal spans are inside the text, non-empty, strictly increasing;
 *   - token spans are inside the text, non-empty, in order (start and end
 *     never decrease: one original character may yield two tokens, as
 *     NFKC turns "½" into "1⁄2"), never overlap a removal; norm offsets
 *     are inside the norm view; spans start and end at character
 *     boundaries (never inside a valid UTF-8 character);
 *   - clean/norm -> original offset maps stay inside the text;
 *   - removal reasons have names; metadata strings are readable.
 */
#include <stdint.h>
#include <stdlib.h> /* abort */
#include <string.h> /* memchr, strlen */

#include "fuzz_util.h" /* fuzz_inside_char */
#include "parallax.h"

#define CHECK(x)                                                               \
    do {                                                                       \
        if (!(x)) abort();                                                     \
    } while (0)

static void check_removals(const px_doc *d, size_t len) {
    size_t n, pos = 0;
    const px_removal *r = px_doc_removals(d, &n);
    for (size_t i = 0; i < n; i++) {
        CHECK(r[i].span.start >= pos && r[i].span.start < r[i].span.end);
        CHECK(r[i].span.end <= len);
        CHECK(strcmp(px_removal_reason_str(r[i].reason), "unknown"));
        pos = r[i].span.end;
    }
}

static void check_tokens(const px_doc *d, size_t len) {
    size_t n, nr, nl, ps = 0, pe = 0, k = 0;
    const char *orig = px_doc_orig(d, NULL);
    const px_token *t = px_doc_tokens(d, &n);
    const px_removal *r = px_doc_removals(d, &nr);
    px_doc_norm(d, &nl);
    for (size_t i = 0; i < n; i++) {
        CHECK(t[i].start < t[i].end && t[i].end <= len);
        CHECK(t[i].start >= ps && t[i].end >= pe);
        CHECK(!fuzz_inside_char(orig, len, t[i].start) &&
              !fuzz_inside_char(orig, len, t[i].end));
        CHECK(t[i].norm_off + (size_t)t[i].norm_len <= nl);
        ps = t[i].start, pe = t[i].end;
        while (k < nr && r[k].span.end <= t[i].start) k++;
        CHECK(k == nr || r[k].span.start >= t[i].end); /* not in a removal */
    }
}

static void check_maps(const px_doc *d, size_t len) {
    size_t cl, nl;
    px_doc_clean(d, &cl);
    px_doc_norm(d, &nl);
    for (size_t i = 0; i <= cl; i += 1 + cl / 64)
        CHECK(px_doc_clean_to_orig(d, i) <= len);
    for (size_t i = 0; i <= nl; i += 1 + nl / 64)
        CHECK(px_doc_norm_to_orig(d, i) <= len);
    static const char *const keys[] = {"title", "wire", "outlet", "dateline",
                                       "nope"};
    for (size_t k = 0; k < 5; k++) {
        const char *v = px_doc_meta(d, keys[k]);
        if (v) CHECK(strlen(v) < 4096);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!size) return 0;
    unsigned flags = data[0];
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    char title[128] = "";
    const char *nl = memchr(text, '\n', len);
    size_t tl = nl ? (size_t)(nl - text) : len;
    if (tl >= sizeof title) tl = sizeof title - 1;
    memcpy(title, text, tl);
    title[tl] = '\0';
    px_boiler *b = NULL;
    if (flags & 4) {
        b = px_boiler_new(NULL);
        for (int i = 0; i < 3; i++) px_boiler_add(b, "O", text, len);
        px_boiler_add(b, "O", text, len / 2);
    }
    px_doc_opts o = {(flags & 8) != 0, (flags & 1) ? title : NULL,
                     (flags & 2) ? "O" : NULL, b};
    px_doc *d;
    if (px_doc_new(text, len, &o, &d) == PX_OK) {
        check_removals(d, len);
        check_tokens(d, len);
        check_maps(d, len);
        px_doc_free(d);
    }
    px_boiler_free(b);
    return 0;
}
