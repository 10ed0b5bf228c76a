/*
 * parallax/text.h - word-level helpers shared by the matching stages:
 * stemming (Snowball, via libstemmer) and function-word lists.
 *
 * A px_stemmer is NOT thread-safe (libstemmer keeps state per instance):
 * use one per thread.  Words are given in normalised form (px_doc tokens).
 */
#ifndef PARALLAX_TEXT_H
#define PARALLAX_TEXT_H

#include <stddef.h>
#include "parallax/core.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct px_stemmer px_stemmer;

/* lang: ISO 639-1 ("en") or Snowball name ("english"); NULL = English.
 * Returns NULL if libstemmer has no algorithm for it. */
px_stemmer *px_stemmer_new(const char *lang);
void px_stemmer_free(px_stemmer *s); /* accepts NULL */
/* Stem word[0..n); returns a pointer valid until the next call on s and
 * stores its length.  Non-alphabetic words are returned unchanged. */
const char *px_stemmer_stem(px_stemmer *s, const char *word, size_t n,
                            size_t *outlen);

/* 1 if the normalised word is an English function word ("the", "of",
 * "said"...), which carries little evidence of shared content. */
int px_stopword(const char *word, size_t n);

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_TEXT_H */
