/*
 * lexicon.h - per-language word and phrase tables of the claim extractor,
 * and their compiled form (a hash map keyed by the first word's token hash).
 *
 * A language is one const table of px_lex_entry (src/claims/lang_<xx>.c).
 * Phrases are written as the doc tokenizer splits them: lower case, one
 * space between tokens ("u s" for "U.S.", "per cent", "more than").
 * Compiling hashes each word exactly like px_doc tokens (px_hash64, seed
 * 0), so matching a phrase is comparing a few 64-bit hashes.
 */
#ifndef PX_CLAIMS_LEXICON_H
#define PX_CLAIMS_LEXICON_H

#include <stdint.h>
#include "parallax/core.h"

/* Word categories (a word may have several). */
enum {
    LX_NUM = 1u << 0,      /* number word: val = value */
    LX_SCALE = 1u << 1,    /* "million": val = multiplier */
    LX_FRAC = 1u << 2,     /* "fifth", "half": val = fraction */
    LX_HEDGE = 1u << 3,    /* before a figure: val = px_hedge */
    LX_HEDGE_POST = 1u << 4, /* after a figure ("or more"): val = px_hedge */
    LX_UNIT = 1u << 5,     /* canon = unit */
    LX_MONTH = 1u << 6,    /* val = 1..12 */
    LX_WEEKDAY = 1u << 7,  /* canon = day name */
    LX_RELTIME = 1u << 8,  /* "yesterday", "last week": canon = norm */
    LX_REPORT = 1u << 9,   /* reporting verb: canon = lemma, val 1 = -ing */
    LX_ROLE = 1u << 10,    /* role noun ("envoy", "president") */
    LX_ROLEMOD = 1u << 11, /* role modifier ("special", "deputy") */
    LX_PRONOUN = 1u << 12, /* personal pronoun that can be a speaker */
    LX_SOURCE = 1u << 13,  /* described source head ("officials", "maps") */
    LX_PLACE = 1u << 14,   /* gazetteer place: canon = name (needs caps) */
    LX_ORG = 1u << 15,     /* gazetteer organisation (needs caps) */
    LX_LOADED = 1u << 16,  /* loaded / intensified word */
    LX_FUNC = 1u << 17,    /* function word: never part of a name or NP */
    LX_AUX = 1u << 18,     /* "have", "been", "were" */
    LX_ORGWORD = 1u << 19, /* a name ending in it is an org ("Council") */
    LX_GIVEN = 1u << 20,   /* common given name */
    LX_ACCORDING = 1u << 21, /* "according to" */
    LX_TIMEPREP = 1u << 22,  /* "in", "since", "on": before a time */
    LX_ABBR = 1u << 23,    /* abbreviation that takes a dot ("mr", "gen") */
    LX_DEMONYM = 1u << 24, /* "Russian": an adjective, not an entity */
    LX_DAYPART = 1u << 25, /* "afternoon", "morning" */
    LX_NOTNUM = 1u << 26,  /* "one of": number word that is not a figure */
    LX_PLACEWORD = 1u << 27, /* a name ending in it is a place ("Island") */
    LX_NOTHING = 1u << 28, /* ends a counted thing ("south", "cannot") */
    LX_MULTI = 1u << 31    /* compiled: a longer phrase starts here */
};

typedef struct px_lex_entry {
    const char *phrase; /* tokens joined by one space */
    uint32_t cat;       /* LX_* (one category per entry) */
    double val;         /* numeric payload, see categories */
    const char *canon;  /* string payload, or NULL */
} px_lex_entry;

/* One language's data. */
typedef struct px_lang {
    const char *code;           /* "en" */
    const char *stem_lang;      /* for px_stemmer_new */
    const px_lex_entry *lex;
    size_t nlex;
} px_lang;

#define PX_LEX_MAX_WORDS 4

/* A compiled entry. */
typedef struct px_lex_item {
    uint64_t h[PX_LEX_MAX_WORDS];
    uint8_t n;               /* words */
    int32_t next;            /* next item with the same first word, or -1 */
    const px_lex_entry *e;
} px_lex_item;

typedef struct px_lexicon {
    px_lex_item *items;
    size_t nitems;
    uint64_t *keys;          /* open addressing: first-word hash */
    int32_t *head;           /* first item index for keys[i], -1 empty */
    uint32_t *cats;          /* union of single-word categories (+LX_MULTI) */
    size_t mask;
} px_lexicon;

void px_lexicon_init(px_lexicon *lx, const px_lang *lang);
void px_lexicon_release(px_lexicon *lx);
/* Categories of one word (its token hash); 0 if unknown. */
uint32_t px_lexicon_cats(const px_lexicon *lx, uint64_t h);
/* Longest entry of a category in mask matching hashes[0..n): returns it
 * and its word count in *len, or NULL. */
const px_lex_entry *px_lexicon_match(const px_lexicon *lx, const uint64_t *h,
                                     size_t n, uint32_t mask, size_t *len);

/* Languages compiled in. */
extern const px_lang px_lang_en;

#endif /* PX_CLAIMS_LEXICON_H */
