/*
 * wordgen.h - synthetic texts for the dedup/reuse/corpus tests: seeded
 * pseudo-random words from a fixed vocabulary, optional edits, and a
 * corpus built from a list of texts.
 */
#ifndef PX_TEST_WORDGEN_H
#define PX_TEST_WORDGEN_H

#include "testutil.h"

/* Deterministic generator (xorshift64*). */
static inline uint64_t wg_next(uint64_t *s) {
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 0x2545F4914F6CDD1DULL;
}

/* Append word number k (a distinct lower-case letter string) to b. */
static inline void wg_word(px_buf *b, uint64_t k) {
    char w[16];
    size_t n = 0;
    do {
        w[n++] = (char)('a' + k % 26);
        k /= 26;
    } while (k && n < sizeof w);
    px_buf_append(b, w, n);
}

/* Append n random words (vocabulary of vocab words) separated by spaces;
 * each word is replaced by a fresh one with probability edit_pct/100. */
static inline void wg_words(px_buf *b, uint64_t *s, size_t n, unsigned vocab,
                            unsigned edit_pct, uint64_t *copy_state) {
    for (size_t i = 0; i < n; i++) {
        if (b->len && b->data[b->len - 1] != '\n') px_buf_putc(b, ' ');
        uint64_t k = wg_next(copy_state ? copy_state : s) % vocab;
        if (edit_pct && wg_next(s) % 100 < edit_pct)
            k = vocab + wg_next(s) % vocab;
        wg_word(b, k);
    }
}

/* Corpus of n NUL-terminated texts with ids "d0", "d1", ... */
static inline px_corpus *wg_corpus(const char *const *texts, size_t n) {
    px_corpus *c = px_corpus_new();
    for (size_t i = 0; i < n; i++) {
        px_doc *d;
        char id[32];
        snprintf(id, sizeof id, "d%zu", i);
        assert_int_equal(px_doc_new(texts[i], strlen(texts[i]), NULL, &d),
                         PX_OK);
        assert_int_equal(px_corpus_add(c, id, d, NULL), PX_OK);
        px_doc_free(d);
    }
    return c;
}

#endif /* PX_TEST_WORDGEN_H */
