/*
 * parallax/align.h - sentence and word alignment of two articles, the
 * direction of copying, and text / JSON / HTML views of the result.
 *
 * An outlet that rewrites a story keeps its facts and skeleton and changes
 * its words, so the unit of alignment is the sentence:
 *
 *   1. each article is split into sentences (parallax/sentence.h) and each
 *      sentence becomes a set of weighted terms: Snowball stems of content
 *      words, numbers (weighted up), capitalised names (weighted up);
 *      function words are left out; weights are IDF over the sentences of
 *      both articles unless the caller supplies an IDF table;
 *   2. candidate pairs come from an inverted index (no all-pairs scan);
 *      similarity is weighted Dice; pairs are taken best first (reordering
 *      allowed), and grown into one-to-many / many-to-one pairs when an
 *      unpaired neighbour is contained in the partner and keeps the score;
 *   3. pairs scoring below the threshold are dropped: their sentences are
 *      "only in A" / "only in B";
 *   4. inside each pair a word diff (LCS over stems) gives kept, replaced,
 *      inserted and deleted runs ("deadliest" -> "bloodiest");
 *   5. direction: publication times, wire credits, attribution cues
 *      ("according to Reuters") and containment asymmetry, each an evidence
 *      item with a signed weight; reported with a confidence.
 *
 * Two-stage use: px_align_side_new() prepares one article once (sentences,
 * stems: the costly part), px_align_new() aligns two prepared sides
 * (cheap: many pairs per article).  px_align_docs() does both.
 *
 * Lifetimes: a px_align_side borrows its px_doc (and article, if given);
 * a px_align borrows both sides.  Free the align first, then the sides,
 * then the docs.  Nothing is global; objects are not shared between
 * threads while in use.  Every span is in ORIGINAL bytes of its article.
 */
#ifndef PARALLAX_ALIGN_H
#define PARALLAX_ALIGN_H

#include <stdint.h>
#include "parallax/article.h"
#include "parallax/core.h"
#include "parallax/doc.h"
#include "parallax/sentence.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Default pair threshold on the weighted Dice score (calibrated on the
 * synthetic rewrite set, see bench/README.md). */
#define PX_ALIGN_THRESHOLD 0.25
/* Size cap: sentences per article (beyond it the rest is not aligned and
 * px_align_side_new returns PX_ERR_TOOBIG). */
#define PX_ALIGN_MAX_SENTS 2000000u

/* Optional external IDF (e.g. learned from the store): weight of a term
 * given its hash, px_hash64(stem, len, 1) for words (Snowball stem of the
 * normalised token) and px_hash64(digits, len, 2) for numbers (digits and
 * '.' only).  Return a value <= 0 to fall back to the IDF learned from the
 * two texts. */
typedef double (*px_align_idf_fn)(void *ud, uint64_t term);

typedef struct px_align_opts {
    double threshold;    /* <= 0: PX_ALIGN_THRESHOLD */
    const char *lang;    /* stemmer language; NULL: article lang or "en" */
    px_align_idf_fn idf; /* NULL: learned from the two articles */
    void *idf_ud;
    int no_words; /* 1: skip the word diff (every pair gets
                     nops = 0; the "attribution frame" cue of the
                     direction needs it): for stages that only
                     need sentence pairs */
} px_align_opts;

/* ------------------------------------------------------------ one side */

typedef struct px_align_side px_align_side;

/* Prepare doc d (article meta a may be NULL: it gives id, outlet, wire,
 * publication time and language).  d and a must outlive the side.
 * opts may be NULL.  *out owned by the caller. */
px_result px_align_side_new(const px_doc *d, const px_article *a,
                            const px_align_opts *opts, px_align_side **out);
void px_align_side_free(px_align_side *s); /* accepts NULL */

const px_doc *px_align_side_doc(const px_align_side *s);
const px_article *px_align_side_article(const px_align_side *s); /* or NULL */
/* The side's sentences (owned by the side). */
const px_sent *px_align_side_sents(const px_align_side *s, size_t *n);

/* ----------------------------------------------------------- alignment */

typedef enum px_op_kind {
    PX_OP_KEEP = 0,    /* same word (same stem) on both sides */
    PX_OP_REPLACE = 1, /* a run of A words became a run of B words */
    PX_OP_INSERT = 2,  /* B words with no counterpart in A */
    PX_OP_DELETE = 3   /* A words with no counterpart in B */
} px_op_kind;

/* One word-diff run.  Token indexes are into px_doc_tokens() of each side;
 * an INSERT has a_n == 0 and an empty a_span at the insertion point (and
 * DELETE likewise on B). */
typedef struct px_op {
    px_op_kind kind;
    uint32_t a_tok, a_n;
    uint32_t b_tok, b_n;
    px_span a_span, b_span;
} px_op;

/* One aligned pair: sentences a_sents[0..a_n) of A with b_sents[0..b_n) of
 * B (1-1, 1-n, n-1 or n-m; ascending, usually consecutive, but a sentence
 * split in two may see its halves apart).  Spans run from the first
 * sentence's start to the last one's end. */
typedef struct px_align_pair {
    const uint32_t *a_sents; /* owned by the align */
    uint32_t a_n;
    const uint32_t *b_sents;
    uint32_t b_n;
    px_span a_span, b_span;
    double score;     /* weighted Dice in [0, 1] */
    const px_op *ops; /* word diff, in order, owned by the align; a
                         run never crosses a sentence boundary */
    size_t nops;
    double kept; /* share of the pair's words (both sides) the
                    diff keeps: 1 verbatim, ~0 rewritten; 0
                    with no_words */
    int moved;   /* 1: out of order (not on the longest run of
                    pairs in the same order on both sides) */
} px_align_pair;

typedef enum px_dir {
    PX_DIR_UNKNOWN = 0, /* no usable evidence, or it cancels out */
    PX_DIR_A_TO_B = 1,  /* B derives from A */
    PX_DIR_B_TO_A = 2,  /* A derives from B */
    PX_DIR_SAME = 3     /* (near) identical texts, no order evidence */
} px_dir;

typedef enum px_evidence_kind {
    PX_EV_TIME = 1,        /* publication times */
    PX_EV_CONTAINMENT = 2, /* one covers most of the other and adds */
    PX_EV_WIRE = 3,        /* one is credited to a wire service */
    PX_EV_ATTRIBUTION = 4  /* one names the other's source ("according to") */
} px_evidence_kind;

typedef struct px_evidence {
    px_evidence_kind kind;
    double weight;    /* signed: > 0 supports A -> B, < 0 supports B -> A */
    int side;         /* 0 = A, 1 = B: text the evidence was found in */
    px_span span;     /* in that side's original text; empty if none */
    const char *text; /* human explanation, owned by the align */
} px_evidence;

typedef struct px_direction {
    px_dir dir;
    double confidence;     /* 0..1 */
    const px_evidence *ev; /* owned by the align */
    size_t nev;
} px_direction;

typedef struct px_align px_align;

/* Align two prepared sides.  opts may be NULL (threshold, idf are read
 * from it; lang was fixed by the sides).  *out owned by the caller. */
px_result px_align_new(const px_align_side *a, const px_align_side *b,
                       const px_align_opts *opts, px_align **out);
void px_align_free(px_align *al); /* accepts NULL */

/* Convenience: prepare both docs and align.  The returned align owns the
 * two sides (freed by px_align_free); the docs/articles are borrowed. */
px_result px_align_docs(const px_doc *a, const px_article *am, const px_doc *b,
                        const px_article *bm, const px_align_opts *opts,
                        px_align **out);

/* side: 0 = A, 1 = B. */
const px_align_side *px_align_get_side(const px_align *al, int side);
size_t px_align_npairs(const px_align *al);
/* Pairs are sorted by their first A sentence. */
const px_align_pair *px_align_get_pair(const px_align *al, size_t i);
/* Index of the pair holding sentence `sent` of `side`, or -1 if unpaired. */
long px_align_partner(const px_align *al, int side, size_t sent);
/* Sentences of `side` in no pair, ascending (owned by the align). */
const uint32_t *px_align_only(const px_align *al, int side, size_t *n);
/* Share of `side`'s term weight that lies in aligned sentences (0..1). */
double px_align_coverage(const px_align *al, int side);
const px_direction *px_align_direction(const px_align *al);

/* Stable names: "keep", "replace", "insert", "delete"; "a->b", "b->a",
 * "unknown", "same"; "time", "containment", "wire", "attribution". */
const char *px_op_kind_name(px_op_kind k);
const char *px_dir_name(px_dir d);
const char *px_evidence_kind_name(px_evidence_kind k);

/* -------------------------------------------------------------- views */

/* Append the alignment as one JSON object (schema: docs/align.md), no
 * trailing newline. */
px_result px_align_to_json(const px_align *al, px_buf *out);

typedef struct px_align_text_opts {
    int color; /* 1: ANSI colours (deleted red, inserted green) */
    int width; /* 0: interleaved A/B lines; >= 40: two columns this wide */
} px_align_text_opts;

/* Append a human-readable view.  opts may be NULL (interleaved, plain). */
px_result px_align_to_text(const px_align *al, const px_align_text_opts *o,
                           px_buf *out);

/* An extra span to mark on the HTML page (used by later stages, e.g.
 * compare marks changed numbers).  cls is a CSS class: only [A-Za-z0-9_-]
 * characters are kept; note becomes the hover title (escaped). */
typedef struct px_align_mark {
    int side;     /* 0 = A, 1 = B */
    px_span span; /* original bytes of that side */
    const char *cls;
    const char *note; /* or NULL */
} px_align_mark;

typedef struct px_align_html_opts {
    const char *title;   /* page title; NULL: built from the articles */
    const char *a_label; /* column headings; NULL: outlet, id or "A"/"B" */
    const char *b_label;
    const char *head_html;      /* TRUSTED HTML appended inside the header */
    const char *side_html;      /* TRUSTED HTML for a panel below the header */
    const char *css;            /* TRUSTED CSS appended to the built-in style */
    const px_align_mark *marks; /* extra marks; borrowed for the call */
    size_t nmarks;
} px_align_html_opts;

/* Append one self-contained HTML page (inline CSS and JS, no external
 * assets): two columns, sentences linked to their partners (hover shows,
 * click scrolls to it), word changes marked, one-side-only sentences
 * shaded, header with direction, evidence and coverage.  o may be NULL. */
px_result px_align_to_html(const px_align *al, const px_align_html_opts *o,
                           px_buf *out);

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_ALIGN_H */
