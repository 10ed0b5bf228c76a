/*
 * claims_int.h - internals shared by the claim extractor's passes.
 *
 * The extractor works on a "word" view: the px_doc tokens, each with its
 * lexicon categories and a summary of the punctuation in the original text
 * just before it (gap flags).  Passes run in order over that view, each
 * appending claims to one px_claims set:
 *
 *   words.c     word view, gap flags, sentence boundaries
 *   entity.c    names (gazetteer, capitalisation, roles, aliases)
 *   quantity.c  figures: value, hedge, unit, counted thing
 *   timex.c     dates, weekdays, months, years, relative times
 *   speech.c    attributions and quotes with speaker and verb
 *   claims.c    the set, ordering, JSON
 */
#ifndef PX_CLAIMS_INT_H
#define PX_CLAIMS_INT_H

#include "claims/lexicon.h"
#include "parallax/claims.h"

/* Gap flags: what the original text holds between word i-1 and word i. */
enum {
    G_SPACE = 1u << 0, /* whitespace */
    G_STOP = 1u << 1,  /* . ! ? */
    G_COMMA = 1u << 2,
    G_SEMI = 1u << 3, /* ; */
    G_COLON = 1u << 4,
    G_QOPEN = 1u << 5,  /* a quotation mark opening before word i */
    G_QCLOSE = 1u << 6, /* a quotation mark closing after word i-1 */
    G_HYPHEN = 1u << 7, /* "-" joining two words without space */
    G_DASH = 1u << 8,   /* dash between words: — – or " - " */
    G_PARA = 1u << 9,   /* line break */
    G_PAREN = 1u << 10, /* ( ) [ ] */
    G_DOT = 1u << 11,   /* "." with no space after: "U.S", "Modern.az" */
    G_PCT = 1u << 12,   /* "%" */
    G_CUR = 1u << 13,   /* currency sign: cur holds the unit */
    G_SENT = 1u << 14,  /* a sentence starts at word i */
    G_SLASH = 1u << 15,
    G_OTHER = 1u << 16, /* any other symbol */
    G_BREAK = G_STOP | G_COMMA | G_SEMI | G_COLON | G_QOPEN | G_QCLOSE |
              G_DASH | G_PARA | G_PAREN | G_SENT
};

typedef struct px_word {
    uint32_t start, end; /* original span */
    const char *norm;    /* normalised form (not NUL-terminated) */
    uint32_t nlen;
    uint64_t hash;   /* of norm without a possessive "'s" */
    uint32_t tflags; /* PX_TOK_* */
    uint32_t cats;   /* LX_* */
    uint32_t gap;    /* G_* before this word */
    uint32_t sent;   /* sentence index */
    const char *cur; /* currency unit of a sign in the gap, or NULL */
    int32_t ent;     /* entity index of a mention covering it */
    int used;        /* taken by a time or quantity claim */
} px_word;

struct px_claimer {
    const px_lang *lang;
    px_lexicon lx;
};

struct px_claims {
    px_claim *c;
    size_t n, alloc;
    px_entity *ent;
    size_t nent, aent;
    px_span *sent;
    size_t nsent, asent;
};

/* Hash index (64-bit key -> entity), open addressing; owned by px_xctx. */
typedef struct px_idmap {
    uint64_t *key;
    int32_t *val; /* PX_NONE = empty slot */
    size_t cap, n;
} px_idmap;

/* Everything a pass needs. */
typedef struct px_xctx {
    const px_claimer *cl;
    const char *orig;
    size_t orig_len;
    px_word *w;
    size_t n; /* words; w[n] is a sentinel holding the tail gap */
    px_claims *out;
    int32_t last_person; /* pronoun antecedent (entity index) */
    px_idmap names;      /* (type, name) -> entity */
    px_idmap surnames;   /* folded last name word -> person */
} px_xctx;

/* words.c */
px_result px_words_build(px_xctx *x, const px_doc *doc);
/* 1 if the word equals s (normalised, NUL-terminated). */
int px_word_is(const px_word *w, const char *s);
/* Match a lexicon phrase of a category in mask starting at word i, not
 * crossing a break (gap flags in `breaks`); returns the entry, *len words. */
const px_lex_entry *px_words_match(const px_xctx *x, size_t i, uint32_t mask,
                                   uint32_t breaks, size_t *len);
/* Original text of words [i, j) as a normalised, space-joined copy. */
char *px_words_norm(const px_xctx *x, size_t i, size_t j);
/* Span [w[i].start, w[j-1].end), extended over a closing "." of a one-letter
 * abbreviation ("U.S."). */
px_span px_words_span(const px_xctx *x, size_t i, size_t j);

/* claims.c: append a zeroed claim of kind k over words [i, j). */
px_claim *px_claims_add(px_xctx *x, px_claim_kind k, size_t i, size_t j);
int32_t px_claims_add_entity(px_claims *cs, px_entity_type t, char *name,
                             px_span first);

/* entity.c: release the entity indexes */
void px_entities_release(px_xctx *x);

/* the passes */
void px_extract_entities(px_xctx *x);
void px_extract_quantities(px_xctx *x);
void px_extract_times(px_xctx *x);
void px_extract_speech(px_xctx *x);

/* entity.c helpers used by speech.c: the entity of a subject ending just
 * before word i (a name, a pronoun, or a described source created on
 * demand); *from receives its first word.  PX_NONE if there is none. */
int32_t px_entity_before(px_xctx *x, size_t i, size_t *from);
/* The entity of a name or described source starting at word i (after a
 * verb: "said Peskov"); *to receives the end word. */
int32_t px_entity_after(px_xctx *x, size_t i, size_t *to);

#endif /* PX_CLAIMS_INT_H */
