/*
 * headline.c - a story's headline from its member titles.
 *
 * Outlets rewrite one another's headlines; the one most representative of
 * the story shares the most words with the rest.  Each title becomes a set
 * of word hashes (letters and digits, ASCII case-folded, 3+ bytes); the
 * headline is the title with the highest summed cosine overlap with the
 * others (ties: the earliest).  Quadratic in the titles, so only the first
 * PX_HEADLINE_TITLES are considered.
 */
#include <math.h>   /* sqrt */
#include <string.h> /* strlen */

#include "story/story_int.h"

#define WORDS_MAX 64 /* words of one title considered */

typedef struct wordset {
    uint64_t h[WORDS_MAX];
    size_t n;
} wordset;

static int word_byte(unsigned char c) {
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
}

static void wordset_build(wordset *w, const char *s) {
    w->n = 0;
    for (size_t i = 0; s[i] && w->n < WORDS_MAX;) {
        while (s[i] && !word_byte((unsigned char)s[i])) i++;
        char buf[64];
        size_t k = 0;
        for (; s[i] && word_byte((unsigned char)s[i]); i++)
            if (k < sizeof buf) {
                char c = s[i];
                buf[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            }
        if (k < 3) continue;
        uint64_t h = px_hash64(buf, k, 0);
        size_t j = 0;
        while (j < w->n && w->h[j] != h) j++;
        if (j == w->n) w->h[w->n++] = h;
    }
}

static double overlap(const wordset *a, const wordset *b) {
    if (!a->n || !b->n) return 0;
    size_t shared = 0;
    for (size_t i = 0; i < a->n; i++)
        for (size_t j = 0; j < b->n; j++) shared += a->h[i] == b->h[j];
    return (double)shared / sqrt((double)a->n * (double)b->n);
}

char *px_story_headline(const char *const *titles, size_t n) {
    wordset *ws = px_malloc(PX_HEADLINE_TITLES * sizeof *ws);
    const char *pick[PX_HEADLINE_TITLES];
    size_t m = 0;
    for (size_t i = 0; i < n && m < PX_HEADLINE_TITLES; i++)
        if (titles[i] && *titles[i]) {
            pick[m] = titles[i];
            wordset_build(&ws[m++], titles[i]);
        }
    size_t best = 0;
    double best_score = -1;
    for (size_t i = 0; i < m; i++) {
        double sc = 0;
        for (size_t j = 0; j < m; j++)
            if (j != i) sc += overlap(&ws[i], &ws[j]);
        if (sc > best_score) {
            best_score = sc;
            best = i;
        }
    }
    px_free(ws);
    return m ? px_strdup(pick[best]) : NULL;
}
