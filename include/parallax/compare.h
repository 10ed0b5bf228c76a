/*
 * parallax/compare.h - compare sources on one story claim by claim.
 *
 * Given two or more articles, every pair is aligned sentence by sentence
 * (parallax/align.h) and the claims of each article (parallax/claims.h)
 * are matched across the pair by their slots: quantities by unit, value,
 * counted thing and aligned sentence; quotes by speaker and words;
 * attributions by the credited statement; times within aligned sentences.
 * Each match or miss becomes a finding:
 *
 *   differs              a different value, or the same value counting a
 *                        different thing ("people" vs "military personnel")
 *   attribution_changed  the statement is credited to someone else, or the
 *                        credit was dropped or added
 *   quote_changed        a quotation of the same speaker with other words
 *   rounded              values agree within the stated precision and
 *                        hedges ("around 115,600" vs "more than 115,000")
 *   only_in              a passage, figure, quote or person in one source
 *   wording              aligned sentences differ by loaded or intensified
 *                        words ("deadliest" vs "bloodiest")
 *   same                 both say it
 *
 * listed in that order (most consequential first), then by position.
 * With three or more sources, findings of different pairs about the same
 * claim (shared evidence, or aligned passages and quotes one source
 * lacks) become one finding naming every article on each side.
 * Every evidence span is in ORIGINAL bytes of its article.  The compare
 * object borrows the docs and articles given to it.
 */
#ifndef PARALLAX_COMPARE_H
#define PARALLAX_COMPARE_H

#include <stdint.h>

#include "parallax/align.h"
#include "parallax/article.h"
#include "parallax/claims.h"
#include "parallax/core.h"
#include "parallax/doc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Stable values; the order is the report order. */
typedef enum px_finding_type {
    PX_FIND_DIFFERS = 0,
    PX_FIND_ATTRIBUTION = 1, /* attribution_changed */
    PX_FIND_QUOTE = 2,       /* quote_changed */
    PX_FIND_ROUNDED = 3,
    PX_FIND_ONLY_IN = 4,
    PX_FIND_WORDING = 5,
    PX_FIND_SAME = 6
} px_finding_type;

typedef enum px_finding_kind {
    PX_FK_QUANTITY = 0,
    PX_FK_QUOTE = 1,
    PX_FK_ATTRIBUTION = 2,
    PX_FK_ENTITY = 3,
    PX_FK_TIME = 4,
    PX_FK_PASSAGE = 5
} px_finding_kind;

typedef struct px_finding_ev {
    size_t article; /* index into the compared articles */
    px_span span;   /* original bytes of that article */
} px_finding_ev;

/* One finding.  With three or more sources the pairwise findings about
 * one claim are merged: the evidence lists every article involved and
 * sides[] says which side each is on.  sides[0] is the side the summary
 * names first (for only_in: the articles that have it), sides[1] the
 * other (for only_in: the articles that lack it); bit i = article i. */
typedef struct px_finding {
    px_finding_type type;
    px_finding_kind kind;
    char *summary;     /* one line a person reads (owned by c) */
    px_finding_ev *ev; /* nev entries (owned by c) */
    size_t nev;
    uint64_t sides[2]; /* article bitmasks (PX_COMPARE_MAX_SOURCES) */
    uint32_t pairs;    /* pairwise comparisons merged into it */
} px_finding;

/* One compared source: its doc and (optional) article metadata. */
typedef struct px_compare_src {
    const px_doc *doc;
    const px_article *art; /* id, title, outlet, wire; may be NULL */
} px_compare_src;

typedef struct px_compare_opts {
    const char *lang; /* claim and stem language; NULL = "en" */
    double threshold; /* alignment threshold; <= 0 = default */
    int with_same;    /* 0: drop `same` findings from the list */
} px_compare_opts;

typedef struct px_compare px_compare;

/* Compare n >= 2 sources (at most PX_COMPARE_MAX_SOURCES).  src[] and what
 * it points to must outlive *out.  opts may be NULL (same included). */
#define PX_COMPARE_MAX_SOURCES 64
px_result px_compare_new(const px_compare_src *src, size_t n,
                         const px_compare_opts *opts, px_compare **out);
void px_compare_free(px_compare *c); /* accepts NULL */

const px_finding *px_compare_findings(const px_compare *c, size_t *n);
/* The claims of source i (owned by c). */
const px_claims *px_compare_claims(const px_compare *c, size_t i);
/* The alignment of sources 0 and 1 (owned by c). */
const px_align *px_compare_align(const px_compare *c);
/* The alignment side of source i, built with the comparison's language
 * (opts->lang, default "en") and no external IDF (owned by c; NULL when i
 * is out of range). */
const px_align_side *px_compare_side(const px_compare *c, size_t i);

const char *px_finding_type_str(px_finding_type t); /* "rounded" ... */
const char *px_finding_kind_str(px_finding_kind k); /* "quantity" ... */

/* Views.  JSON: one object {"articles":[...],"findings":[...]} (schema in
 * docs/compare.md), no trailing newline.  Text: grouped by type, colour
 * when color != 0.  HTML: the alignment page of sources 0 and 1 with a
 * findings panel; clicking a finding highlights its evidence. */
px_result px_compare_to_json(const px_compare *c, px_buf *out);
px_result px_compare_to_text(const px_compare *c, int color, px_buf *out);
px_result px_compare_to_html(const px_compare *c, px_buf *out);

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_COMPARE_H */
