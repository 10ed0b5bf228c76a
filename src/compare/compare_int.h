/*
 * compare_int.h - internals of the claim-by-claim comparison.
 *
 *   compare.c   the object: claims and alignment sides per source, the
 *               pairwise driver, ordering of findings
 *   match.c     quantities, quotes, times, attributions across one pair
 *   passage.c   only_in passages and people, wording changes
 *   merge.c     N-way: one finding per claim across pairs, labels
 *   report.c    text, JSON and HTML views
 *
 * Summaries are written with label placeholders (px_cpair_label: byte
 * PX_LABEL_MARK then '0' + article index); once every pair has run and
 * findings are merged, each placeholder becomes the names of all the
 * articles on that article's side ("Valdoria Today, The Velmora Herald").
 */
#ifndef PX_COMPARE_INT_H
#define PX_COMPARE_INT_H

#include "align/align_int.h" /* px_stem_memo */
#include "clean/script.h"    /* px_script_unspaced, px_grapheme_* */
#include "core/utf8.h"       /* px_utf8_decode */
#include "parallax/compare.h"
#include "parallax/sentence.h"
#include "parallax/text.h"

typedef struct px_csrc {
    const px_doc *doc;
    const px_article *art;
    const char *orig;
    size_t len;
    px_claims *claims;
    px_align_side *side;
    const px_sent *sents;
    size_t nsents;
    const px_token *tok;
    size_t ntok;
    const char *norm;
    /* per token, filled on first use by px_cpair_stems: the stem hash and
     * the word class (0 not yet, 1 content word, 2 function word) */
    uint64_t *stem;
    uint8_t *cls;
    /* per claim: the sentence of its start (-1: none), and the content
     * stems of its counted thing (filled on first use: nthing 0xFF) */
    long *csent;
    uint64_t *thing; /* PX_THING_MAX per claim */
    uint8_t *nthing;
} px_csrc;

#define PX_THING_MAX 32

struct px_compare {
    px_csrc *src;
    size_t nsrc;
    px_claimer *claimer;
    px_stemmer *stem;
    px_stem_memo *memo; /* stems of every source's words (c->stem) */
    px_align **aligns;  /* one per pair (i < j), in order */
    size_t naligns;
    px_finding *f;
    size_t nf, af;
    int with_same;
};

/* The pair being compared: sources a and b (side 0 and 1 of al). */
typedef struct px_cpair {
    px_compare *c;
    px_csrc *s[2];
    size_t idx[2];
    const px_align *al;
    uint8_t *used[2]; /* claim already reported, per side */
    char lab[2][3];   /* label placeholders of the two sides */
} px_cpair;

#define PX_LABEL_MARK '\001'

/* compare.c */
/* A finding of pair p; side `first` of the pair is sides[0] (for only_in:
 * the side that has it).  Takes summary. */
px_finding *px_finding_add(px_cpair *p, int first, px_finding_type t,
                           px_finding_kind k, char *summary);
/* Append evidence (empty spans and repeats are ignored). */
void px_finding_ev_add(px_finding *f, size_t article, px_span span);
/* Pair index of the sentence holding byte `off` of side x, or -1. */
long px_cpair_partner(const px_cpair *p, int x, size_t off);
/* Index of the first claim of side x starting at or after off (claims
 * are in span order). */
size_t px_cpair_first_claim(const px_cpair *p, int x, size_t off);
/* Sentence index of byte off on side x, or -1. */
long px_cpair_sent(const px_cpair *p, int x, size_t off);
/* Stems of the content words of span sp on side x, as hashes, into out
 * (at most max); returns the count. */
size_t px_cpair_stems(const px_cpair *p, int x, px_span sp, uint64_t *out,
                      size_t max, int content_only);
/* Sentence index of the start of claim c of side x, or -1. */
long px_cpair_claim_sent(const px_cpair *p, int x, const px_claim *c);
/* Content stems (at most PX_THING_MAX) of the counted thing of claim c of
 * side x into *out (owned by the comparison); returns their count. */
size_t px_cpair_thing(const px_cpair *p, int x, const px_claim *c,
                      const uint64_t **out);
/* When the counted thing of claim c of side x starts with a word of a
 * script written without spaces (Thai "คนตามรายงาน", Chinese "人死亡"), that
 * whole run in the normalised view into *run (owned by the source) and
 * *kind (px_script_unspaced of its first letter); returns its bytes, 0
 * when the thing is absent or spaced.  Such a token is a clause: only its
 * start is the classifier or counter of the figure. */
size_t px_cpair_thing_run(const px_cpair *p, int x, const px_claim *c,
                          const char **run, int *kind);
/* Text of span sp on side x, shortened to at most max bytes of whole
 * grapheme clusters, "..." marking the cut (owned). */
char *px_cpair_snip(const px_cpair *p, int x, px_span sp, size_t max);
/* The placeholder naming side x in summaries (see above). */
const char *px_cpair_label(const px_cpair *p, int x);
/* Do two entity names (of different articles) name the same one? */
int px_names_match(const px_entity *a, const px_entity *b);

/* match.c, passage.c */
void px_match_quantities(px_cpair *p);
void px_match_quotes(px_cpair *p);
void px_match_times(px_cpair *p);
void px_match_attributions(px_cpair *p);
void px_find_passages(px_cpair *p);
void px_find_people(px_cpair *p);
void px_find_wording(px_cpair *p);

/* merge.c: merge findings of different pairs about one claim (n > 2),
 * then turn label placeholders into names. */
void px_compare_merge(px_compare *c);
void px_compare_label(px_compare *c);

#endif /* PX_COMPARE_INT_H */
