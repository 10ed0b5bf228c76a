/*
 * clean_int.h - library-internal interface between the boilerplate cleaner
 * (clean.c) and the document views (doc.c).
 *
 * The cleaner looks at the original text and decides which byte ranges to
 * keep; doc.c turns the kept ranges into the clean and norm views.
 * Invariant on output: keep[] spans are sorted, non-overlapping, and every
 * byte of the original is either in a keep span or in exactly one removal.
 */
#ifndef PX_CLEAN_INT_H
#define PX_CLEAN_INT_H

#include "parallax/doc.h"

typedef struct px_clean_out {
    px_span *keep; /* kept ranges of the original, in order */
    size_t nkeep, akeep;
    px_removal *rm; /* removed ranges with reasons, in order */
    size_t nrm, arm;
    char *title; /* metadata found, owned, or NULL */
    char *wire;
    char *outlet;
    char *dateline;
} px_clean_out;

/* Decide what to keep.  opts may be NULL.  out must be zeroed by caller. */
px_result px_clean_run(const char *text, size_t len, const px_doc_opts *opts,
                       px_clean_out *out);
void px_clean_out_release(px_clean_out *out);

/* Append helpers for the cleaner's rules. */
void px_clean_keep(px_clean_out *out, size_t start, size_t end);
void px_clean_remove(px_clean_out *out, size_t start, size_t end,
                     px_removal_reason why, const char *detail);

#endif /* PX_CLEAN_INT_H */
