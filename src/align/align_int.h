/*
 * align_int.h - library-internal layout of the alignment objects, shared by
 * the aligner (align.c, side.c), the word diff (wdiff.c), the direction
 * finder (direction.c) and the views (view_text.c, view_html.c).
 *
 * A side holds, per sentence, its set of distinct terms (hash of the stem
 * plus a boost for numbers and names), sorted by hash, and per token the
 * key the word diff compares (stem hash).  An align holds the per-pair term
 * weights (IDF over both sides), the pairs with their sentence lists and
 * word ops, and the direction evidence.
 */
#ifndef PX_ALIGN_INT_H
#define PX_ALIGN_INT_H

#include "parallax/align.h"
#include "parallax/text.h"

typedef struct px_term {
    uint64_t h;    /* px_hash64 of the stem (numbers: digits only) */
    float boost;   /* type weight: number, name, function word */
    uint32_t sent; /* sentence index */
} px_term;

/* A wire service named in a side's text (cues.c). */
typedef struct px_cue {
    int wire;     /* index into the wire table */
    px_span span; /* where it is named */
} px_cue;

struct px_align_side {
    const px_doc *doc;
    const px_article *art;
    px_sent *sents;
    size_t nsents;
    px_term *terms;     /* grouped by sentence, sorted by hash within */
    uint32_t *term_off; /* nsents + 1 offsets into terms */
    uint64_t *key;      /* per token: comparison key for the word diff */
    size_t ntok;
    int credit; /* wire of a credit line, or -1 */
    px_span credit_span;
    px_cue *cites; /* wires named near a reporting cue */
    size_t ncites;
    uint8_t *frame; /* per token: 1 for "reports", "according"... */
};

typedef struct px_pair_int {
    px_align_pair pub;
    uint32_t *a, *b; /* sentence lists (pub points at them) */
    px_op *ops;
} px_pair_int;

struct px_align {
    const px_align_side *side[2];
    px_align_side *owned[2]; /* sides made by px_align_docs */
    float *w[2];             /* per term of each side: its weight */
    double *sw[2];           /* per sentence: total term weight */
    double thr;
    int no_words; /* skip word diffs */
    px_pair_int *pairs;
    size_t npairs, apairs;
    long *partner[2]; /* per sentence: pair index or -1 */
    uint32_t *only[2];
    size_t nonly[2];
    double cover[2];
    px_direction dir;
    px_evidence *ev;
    size_t nev;
};

/* Stems by token (side.c): px_token.hash -> px_hash64 of the Snowball stem
 * of the normalised word (seed 1) and its px_stopword() class, computed
 * once per distinct word.  A caller preparing several texts with one
 * stemmer (px_compare: every source of a story) shares one memo, so a
 * word the sources share is stemmed once.  Not thread-safe: one memo per
 * thread.  stem is borrowed (NULL: a word is its own stem). */
typedef struct px_stem_memo px_stem_memo;
px_stem_memo *px_stem_memo_new(px_stemmer *stem);
void px_stem_memo_free(px_stem_memo *m); /* accepts NULL */
/* Key of the token with hash h and normalised text w[0..n); *stop (may be
 * NULL) gets 1 for a function word. */
uint64_t px_stem_memo_get(px_stem_memo *m, uint64_t h, const char *w, size_t n,
                          int *stop);
/* px_align_side_new with the memo's stemmer and cache (the memo's stemmer
 * must be the one px_align_side_new would pick for opts and a). */
px_result px_align_side_new_memo(const px_doc *d, const px_article *a,
                                 px_stem_memo *m, px_align_side **out);

/* qsort comparator of px_term by hash (side.c). */
int px_term_cmp(const void *x, const void *y);

/* Word diff of a pair's tokens into p->ops (wdiff.c), with a workspace
 * reused across the pairs of one alignment. */
typedef struct px_wdiff_ws px_wdiff_ws;
px_wdiff_ws *px_wdiff_ws_new(void);
void px_wdiff_ws_free(px_wdiff_ws *ws); /* accepts NULL */
void px_wdiff_pair(const px_align *al, px_pair_int *p, px_wdiff_ws *ws);

/* Direction evidence and verdict into al->dir (direction.c). */
void px_direction_find(px_align *al);

/* Source cues of a side (cues.c): credit line and wire citations. */
void px_cues_find(px_align_side *s);
const char *px_wire_show(int wire);         /* "Reuters" */
int px_wire_is(int wire, const char *name); /* name starts with the wire */
int px_tok_is(const px_doc *d, size_t k, const char *w); /* token k is w */

/* Blocks in reading order, for the views: B-only sentences before the
 * first pair, then A's sentences in order, each pair where its first A
 * sentence is (pi >= 0, side/sent: that sentence) followed by the B-only
 * sentences after its B sentences; unpaired sentences come as pi = -1
 * with their side and index.  Every sentence of both sides is visited in
 * exactly one block. */
typedef void (*px_walk_fn)(void *ud, long pi, int side, uint32_t sent);
void px_align_walk(const px_align *al, px_walk_fn fn, void *ud);

/* Helpers shared by the views (view_text.c). */
const char *px_side_label(const px_align *al, int side);

#endif /* PX_ALIGN_INT_H */
