/*
 * clean.c - conservative, explainable boilerplate removal.
 *
 * FIRST CUT: keeps everything.  The rules (repeated title, UI labels in any
 * script, credit/share lines, learned recurring lines) are added on top of
 * this interface; see clean_int.h for the contract.
 */
#include <string.h> /* memset */

#include "clean/clean_int.h"

void px_clean_keep(px_clean_out *out, size_t start, size_t end) {
    if (start >= end) return;
    if (out->nkeep && out->keep[out->nkeep - 1].end == start) {
        out->keep[out->nkeep - 1].end = end; /* coalesce adjacent ranges */
        return;
    }
    if (out->nkeep == out->akeep) {
        out->akeep = out->akeep ? out->akeep * 2 : 16;
        out->keep = px_realloc(out->keep, out->akeep * sizeof *out->keep);
    }
    out->keep[out->nkeep++] = (px_span){start, end};
}

void px_clean_remove(px_clean_out *out, size_t start, size_t end,
                     px_removal_reason why, const char *detail) {
    if (start >= end) return;
    if (out->nrm == out->arm) {
        out->arm = out->arm ? out->arm * 2 : 8;
        out->rm = px_realloc(out->rm, out->arm * sizeof *out->rm);
    }
    out->rm[out->nrm++] = (px_removal){{start, end}, why, px_strdup(detail)};
}

void px_clean_out_release(px_clean_out *out) {
    for (size_t i = 0; i < out->nrm; i++) px_free((char *)out->rm[i].detail);
    px_free(out->rm);
    px_free(out->keep);
    px_free(out->title);
    px_free(out->wire);
    px_free(out->outlet);
    px_free(out->dateline);
    memset(out, 0, sizeof *out);
}

px_result px_clean_run(const char *text, size_t len, const px_doc_opts *opts,
                       px_clean_out *out) {
    (void)text;
    (void)opts;
    px_clean_keep(out, 0, len);
    return PX_OK;
}
