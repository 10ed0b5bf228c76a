/*
 * stem.c - Snowball stemming through libstemmer, and English function words.
 *
 * The stop list is small on purpose: determiners, pronouns, auxiliaries,
 * prepositions, conjunctions and the reporting verbs every news text is full
 * of.  It is a sorted table searched by bsearch: no global state.
 */
#include <libstemmer.h> /* sb_stemmer_* (no pkg-config file in Debian) */
#include <stdlib.h>     /* bsearch */
#include <string.h>     /* strcmp, memcmp */

#include "parallax/text.h"

struct px_stemmer {
    struct sb_stemmer *sb;
};

static const char *snowball_name(const char *lang) {
    static const struct {
        const char *iso, *name;
    } map[] = {
        {"ar", "arabic"},   {"da", "danish"},    {"de", "german"},
        {"en", "english"},  {"es", "spanish"},   {"fi", "finnish"},
        {"fr", "french"},   {"hu", "hungarian"}, {"it", "italian"},
        {"nl", "dutch"},    {"no", "norwegian"}, {"pt", "portuguese"},
        {"ro", "romanian"}, {"ru", "russian"},   {"sv", "swedish"},
        {"tr", "turkish"},
    };
    if (!lang) return "english";
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strncmp(lang, map[i].iso, 2) && (!lang[2] || lang[2] == '-'))
            return map[i].name;
    return lang;
}

px_stemmer *px_stemmer_new(const char *lang) {
    struct sb_stemmer *sb = sb_stemmer_new(snowball_name(lang), "UTF_8");
    if (!sb) return NULL;
    px_stemmer *s = px_malloc(sizeof *s);
    s->sb = sb;
    return s;
}

void px_stemmer_free(px_stemmer *s) {
    if (!s) return;
    sb_stemmer_delete(s->sb);
    px_free(s);
}

const char *px_stemmer_stem(px_stemmer *s, const char *word, size_t n,
                            size_t *outlen) {
    unsigned char c0 = n ? (unsigned char)word[0] : 0;
    int alpha =
        c0 >= 0x80 || (c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z');
    if (!alpha) {
        *outlen = n;
        return word;
    }
    const sb_symbol *r =
        sb_stemmer_stem(s->sb, (const sb_symbol *)word, (int)n);
    if (!r) {
        *outlen = n;
        return word;
    }
    *outlen = (size_t)sb_stemmer_length(s->sb);
    return (const char *)r;
}

/* Sorted (strcmp order) English function words. */
static const char *const stopwords[] = {
    "a",          "about",   "above",    "according", "after",   "again",
    "against",    "all",     "also",     "am",        "an",      "and",
    "any",        "are",     "as",       "at",        "be",      "because",
    "been",       "before",  "being",    "below",     "between", "both",
    "but",        "by",      "can",      "could",     "did",     "do",
    "does",       "doing",   "down",     "during",    "each",    "few",
    "for",        "from",    "further",  "had",       "has",     "have",
    "having",     "he",      "her",      "here",      "hers",    "herself",
    "him",        "himself", "his",      "how",       "i",       "if",
    "in",         "into",    "is",       "it",        "it's",    "its",
    "itself",     "just",    "may",      "me",        "might",   "more",
    "most",       "must",    "my",       "myself",    "no",      "nor",
    "not",        "now",     "of",       "off",       "on",      "once",
    "only",       "or",      "other",    "our",       "ours",    "ourselves",
    "out",        "over",    "own",      "s",         "said",    "same",
    "says",       "she",     "should",   "so",        "some",    "such",
    "than",       "that",    "the",      "their",     "theirs",  "them",
    "themselves", "then",    "there",    "these",     "they",    "this",
    "those",      "through", "to",       "told",      "too",     "under",
    "until",      "up",      "very",     "was",       "we",      "were",
    "what",       "when",    "where",    "which",     "while",   "who",
    "whom",       "why",     "will",     "with",      "would",   "you",
    "your",       "yours",   "yourself",
};

typedef struct key {
    const char *w;
    size_t n;
} key;

static int cmp_word(const void *k, const void *e) {
    const key *a = k;
    const char *b = *(const char *const *)e;
    size_t bn = strlen(b);
    int c = memcmp(a->w, b, a->n < bn ? a->n : bn);
    if (c) return c;
    return a->n < bn ? -1 : a->n > bn;
}

int px_stopword(const char *word, size_t n) {
    key k = {word, n};
    return bsearch(&k, stopwords, sizeof stopwords / sizeof stopwords[0],
                   sizeof stopwords[0], cmp_word) != NULL;
}
