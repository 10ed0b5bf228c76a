/*
 * headline.c - a story's headline from its member titles.
 *
 * Outlets rewrite one another's headlines; the one most representative of
 * the story shares the most words with the rest.  Each title becomes a set
 * of word hashes (letters and digits, ASCII case-folded, 3+ bytes); the
 * headline is the title with the highest summed cosine overlap with the
 * others (ties: the earliest).  Quadratic in the titles, so only the first
 * PX_HEADLINE_TITLES are considered.
 *
 * What a scraper hands over as a title is often not one: a date stamp
 * ("Last Updated: Monday, 28 November 2005, 02:24 GMT"), a section label
 * ("Deputy Sheriff").  Date stamps agree with one another, so several of
 * them outvoted the real headlines; short labels won because the cosine
 * favours short sets.  So numbers, English function words (px_stopword)
 * and date and time words do not count as words, and a title needs
 * HEAD_WORDS words to be chosen while any title of that length exists (a
 * story whose titles are all shorter still gets its best one; one whose
 * titles hold no word at all gets none, and the caller falls back to its
 * opening words).
 *
 * Opening words (px_story_opening) are cut only where a reader would cut:
 * at a space.  Thai, Chinese and Japanese put no space between words, so
 * a first line without a space in PX_HEADLINE_BYTES gets a larger bound
 * (their letters take 3 bytes) and, when one run of letters fills even
 * that, is cut between grapheme clusters: a Thai vowel or tone mark stays
 * with its consonant.
 */
#include <math.h>   /* sqrt */
#include <stdlib.h> /* bsearch */
#include <string.h> /* strlen, strcmp */

#include "clean/script.h"  /* px_grapheme_end */
#include "parallax/text.h" /* px_stopword */
#include "story/story_int.h"

#define WORDS_MAX  64 /* words of one title considered */
#define HEAD_WORDS 3  /* words a title needs to be preferred */

typedef struct wordset {
    uint64_t h[WORDS_MAX];
    size_t n;
} wordset;

/* Date and time words of scraped date stamps (sorted, for bsearch);
 * English function words come from px_stopword (parallax/text.h). */
static const char *const datewords[] = {
    "apr",       "april",   "aug",      "august",    "bst",      "cdt",
    "cest",      "cet",     "cst",      "dec",       "december", "edt",
    "est",       "feb",     "february", "fri",       "friday",   "gmt",
    "jan",       "january", "jul",      "july",      "jun",      "june",
    "last",      "mar",     "march",    "mon",       "monday",   "nov",
    "november",  "oct",     "october",  "pdt",       "posted",   "pst",
    "published", "sat",     "saturday", "sep",       "sept",     "september",
    "sun",       "sunday",  "thu",      "thursday",  "tue",      "tuesday",
    "updated",   "utc",     "wed",      "wednesday",
};

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* buf[0..k) (case-folded) is a number, a function word or a date word. */
static int noise_word(const char *buf, size_t k) {
    size_t digits = 0;
    for (size_t i = 0; i < k; i++) digits += buf[i] >= '0' && buf[i] <= '9';
    if (digits == k || px_stopword(buf, k)) return 1;
    if (k > 9) return 0; /* longer than any date word */
    char w[10];
    memcpy(w, buf, k);
    w[k] = 0;
    const char *key = w;
    return bsearch(&key, datewords, sizeof datewords / sizeof datewords[0],
                   sizeof datewords[0], cmp_str) != NULL;
}

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
        if (k < 3 || noise_word(buf, k)) continue;
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
    size_t need = 1; /* words a candidate needs: HEAD_WORDS if any has */
    for (size_t i = 0; i < m; i++)
        if (ws[i].n >= HEAD_WORDS) need = HEAD_WORDS;
    size_t best = m;
    double best_score = -1;
    for (size_t i = 0; i < m; i++) {
        if (ws[i].n < need) continue;
        double sc = 0;
        for (size_t j = 0; j < m; j++)
            if (j != i) sc += overlap(&ws[i], &ws[j]);
        if (sc > best_score) {
            best_score = sc;
            best = i;
        }
    }
    px_free(ws);
    return best < m ? px_strdup(pick[best]) : NULL;
}

/* ------------------------------------------------------- opening words */

/* The last space of s[from..to), or 0. */
static size_t last_space(const char *s, size_t from, size_t to) {
    while (to > from)
        if (s[--to] == ' ') return to;
    return 0;
}

char *px_story_opening(const char *s, size_t len) {
    size_t start = 0;
    while (start < len && (s[start] == ' ' || s[start] == '\n')) start++;
    size_t end = start; /* the line's end, at most PX_HEADLINE_UNSPACED on */
    while (end < len && s[end] != '\n' && end - start < PX_HEADLINE_UNSPACED)
        end++;
    int whole = end == len || s[end] == '\n';
    size_t n = end, cut;
    if (whole && end - start <= PX_HEADLINE_BYTES)
        n = end;
    else if ((cut = last_space(s, start, start + PX_HEADLINE_BYTES)) > start)
        n = cut;
    else if (whole)
        n = end; /* no space early on, but the line is short enough */
    else if ((cut = last_space(s, start, end)) > start)
        n = cut;
    else /* one unspaced run: its last whole grapheme cluster in the bound */
        for (size_t g = n = start; (g = px_grapheme_end(s, len, g)) <= end;)
            n = g;
    return n > start ? px_strndup(s + start, n - start) : NULL;
}
