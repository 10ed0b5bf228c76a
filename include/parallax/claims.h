/*
 * parallax/claims.h - claim extraction: the checkable statements of one
 * article (quantities, quotes, attributions, entities, times).
 *
 * Design: deterministic, rule and lexicon based, no model.  A px_claimer
 * holds one language's compiled lexicon (number words, hedges, units,
 * reporting verbs, roles, a small gazetteer ...; see src/claims/lang_*.c:
 * adding a language is adding one table).  It is immutable once built, so
 * one claimer may be shared by many threads.  px_claims_extract() reads
 * the word tokens of a px_doc (with the punctuation between them, taken
 * from the original text) and returns a px_claims set.
 *
 * Every span is a byte offset range into the ORIGINAL article text.
 * Strings inside claims and entities are owned by the px_claims set.
 */
#ifndef PARALLAX_CLAIMS_H
#define PARALLAX_CLAIMS_H

#include <stdint.h>
#include "parallax/core.h"
#include "parallax/doc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Stable values (they appear in JSON as strings, see docs/claims.md). */
typedef enum px_claim_kind {
    PX_CLAIM_QUANTITY = 1,
    PX_CLAIM_QUOTE = 2,
    PX_CLAIM_ATTRIBUTION = 3,
    PX_CLAIM_ENTITY = 4,
    PX_CLAIM_TIME = 5
} px_claim_kind;

/* How a figure is qualified.  OVER: "more than", "over", "at least";
 * UNDER: "less than", "up to", "at most"; NEARLY: "nearly", "almost";
 * ABOUT: "around", "about", "roughly", "some". */
typedef enum px_hedge {
    PX_HEDGE_NONE = 0,
    PX_HEDGE_OVER = 1,
    PX_HEDGE_UNDER = 2,
    PX_HEDGE_NEARLY = 3,
    PX_HEDGE_ABOUT = 4
} px_hedge;

typedef enum px_entity_type {
    PX_ENT_PERSON = 1,
    PX_ENT_PLACE = 2,
    PX_ENT_ORG = 3,
    PX_ENT_DESCRIBED = 4, /* a described source: "a White House official" */
    PX_ENT_OTHER = 5
} px_entity_type;

/* One entity of an article: all its mentions share the index. */
typedef struct px_entity {
    px_entity_type type;
    char *name;    /* canonical name: the longest form ("Steve Witkoff") */
    char *role;    /* first role seen ("U.S. envoy"), or NULL */
    px_span first; /* its first mention */
    uint32_t mentions;
} px_entity;

#define PX_NONE ((int32_t)-1)

/* One claim.  Fields not used by its kind are zero / PX_NONE / NULL. */
typedef struct px_claim {
    px_claim_kind kind;
    px_span span;        /* the whole claim */
    uint32_t sentence;   /* index of the sentence holding span.start */
    int32_t attribution; /* index of the attribution claim crediting it */

    /* quantity: value in base units ("1.2 million" -> 1200000, "one-fifth"
     * -> 20 with unit "%"); precision = place of the last significant
     * digit (115,600 -> 100; 1.2 million -> 100000). */
    double value, precision;
    px_hedge hedge;
    const char *unit; /* canonical unit ("%", "km2", "USD", "year",
                         "point"), static string, or NULL */
    px_span value_span, hedge_span, unit_span, thing_span;
    char *thing; /* counted thing, normalised ("people killed or
                    wounded", "of ukraine"), or NULL */

    /* quote, attribution: who and how */
    int32_t speaker;      /* entity index, or PX_NONE */
    px_span speaker_span; /* the mention (may be a pronoun) */
    char *verb;           /* reporting verb, lemma ("say"), or NULL */
    px_span verb_span;
    px_span text_span;   /* quote: inside the marks; attribution: the
                            credited clause */
    int scare;           /* quote: short phrase inside a sentence */
    px_span clause_span; /* quote: the quote and the rest of its clause */

    /* entity mention */
    int32_t entity; /* entity index (also speaker of quotes) */

    /* time: normalised value ("2022-02", "weekday:tuesday", "rel:last
     * week"); entity: the surface name */
    char *norm;
} px_claim;

typedef struct px_claimer px_claimer;
typedef struct px_claims px_claims;

/* Compile the lexicon of a language: ISO 639-1 code ("en"); NULL = "en".
 * Returns NULL when the language has no table.  Caller frees. */
px_claimer *px_claimer_new(const char *lang);
void px_claimer_free(px_claimer *c); /* accepts NULL */
/* The class of a loaded or intensified word given its px_doc token hash
 * ("superlative", "intensifier", "loaded"), or NULL: used to flag wording
 * changes between aligned sentences. */
const char *px_claimer_loaded(const px_claimer *c, uint64_t token_hash);
/* Language code of the claimer ("en"). */
const char *px_claimer_lang(const px_claimer *c);
/* Languages with a table, NULL-terminated, static. */
const char *const *px_claimer_langs(void);

/* Extract the claims of doc.  doc must outlive *out (claims point to no
 * doc memory, but spans index its original text).  Fails with
 * PX_ERR_TOOBIG above PX_CLAIMS_MAX_TOKENS tokens.  *out owned by caller. */
#define PX_CLAIMS_MAX_TOKENS ((size_t)1 << 24)
px_result px_claims_extract(const px_claimer *c, const px_doc *doc,
                            px_claims **out);
void px_claims_free(px_claims *cs); /* accepts NULL */

/* Claims in order of span start (attribution before what it credits). */
const px_claim *px_claims_list(const px_claims *cs, size_t *n);
const px_entity *px_claims_entities(const px_claims *cs, size_t *n);
/* Sentence spans used for claim.sentence, in order. */
const px_span *px_claims_sentences(const px_claims *cs, size_t *n);

const char *px_claim_kind_str(px_claim_kind k);   /* "quantity" ... */
const char *px_hedge_str(px_hedge h);             /* "over", NULL if none */
const char *px_entity_type_str(px_entity_type t); /* "person" ... */

/* Append claim c of cs as one JSON object (no newline); orig is the
 * article's original text (for "text" fields). */
px_result px_claim_to_json(const px_claims *cs, const px_claim *c,
                           const char *orig, size_t orig_len, px_buf *out);

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_CLAIMS_H */
