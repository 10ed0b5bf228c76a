/*
 * rules.h - shared state of the cleaner's rules (clean.c, meta.c).
 *
 * Rules never edit text: each one looks at the original and proposes
 * removal candidates {span, reason, detail} and metadata.  clean.c then
 * sorts the candidates, trims overlaps and emits keep/removal spans (the
 * contract of clean_int.h).  Zones: lines before `head_end` sit above the
 * first paragraph, lines from `foot_start` on below the last one; a few
 * weaker rules apply only there.
 */
#ifndef PX_CLEAN_RULES_H
#define PX_CLEAN_RULES_H

#include "clean/clean_int.h"
#include "clean/fold.h"

typedef struct px_cand {
    size_t start, end;
    px_removal_reason why;
    const char *detail; /* static string */
    const char *tag;    /* static qualifier (a language), or NULL */
} px_cand;

typedef struct px_clean_ctx {
    const char *text;
    size_t len;
    const px_doc_opts *opts; /* never NULL inside the rules */
    px_line *lines;
    size_t nlines;
    size_t head_end, foot_start; /* zone limits, line indexes */
    int doc_script; /* dominant script of the text, -1 until needed */
    px_cand *cand;
    size_t ncand, acand;
    px_clean_out *out; /* metadata goes here */
} px_clean_ctx;

/* Propose removing [start, end); detail and tag are static strings. */
void px_ctx_cand(px_clean_ctx *c, size_t start, size_t end,
                 px_removal_reason why, const char *detail, const char *tag);
/* Set a metadata field to a copy of s[0..n) unless already set. */
void px_ctx_meta(char **field, const char *s, size_t n);

/* meta.c: debris that becomes metadata. */
void px_rule_dateline(px_clean_ctx *c); /* "MOSCOW (Reuters) -" */
void px_rule_selfref(px_clean_ctx *c);  /* "Modern.az reports that" */
/* 1 (and a candidate) if line i is a credit line ("Reuters", "(AP)",
 * "Reporting by ..."). */
int px_rule_credit(px_clean_ctx *c, size_t i);

#endif /* PX_CLEAN_RULES_H */
