/*
 * parallax/story_analysis.h - the stored analysis of each story: the claim
 * comparison of its sources and the alignment of each source with the
 * story's earliest one, computed by `parallax run` and read back by the
 * story views (parallax/story_view.h) so showing a story is fast.
 *
 * Bounds per story: the first PX_STORY_COMPARE_MAX stored members in
 * clustering order (earliest published first; copies share their
 * original's text and are not compared again) are compared claim by claim
 * (every pair of them is aligned inside px_compare); each of those members
 * is aligned (sentence pairs only, no word diff) to the first one.
 *
 * Freshness: a story's analysis is keyed by a 64-bit hash of its stored
 * members in order and their content hashes (and the analysis version).
 * px_story_analyze() skips a story whose key is unchanged and replaces the
 * rows of one whose key changed in one transaction, committing every
 * PX_STORY_ANALYZE_BATCH stories: a killed run keeps the committed stories
 * and a re-run completes the rest with identical results.  Rows of stories
 * that no longer exist are deleted.
 */
#ifndef PARALLAX_STORY_ANALYSIS_H
#define PARALLAX_STORY_ANALYSIS_H

#include "parallax/core.h"
#include "parallax/store.h"
#include "parallax/story.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PX_STORY_COMPARE_MAX 8
#define PX_STORY_ANALYZE_BATCH 16

typedef struct px_story_analysis_stats {
    size_t stories;   /* stories seen */
    size_t computed;  /* analysed by this call */
    size_t fresh;     /* already up to date, skipped */
    size_t failed;    /* comparison failed (recorded with its error) */
} px_story_analysis_stats;

/* Analyse every story whose stored analysis is missing or stale (see
 * above).  progress may be NULL (phase "compare").  stats may be NULL. */
px_result px_story_analyze(px_store *s, px_story_progress_fn progress,
                           void *ud, px_story_analysis_stats *stats);

/* 1 when story id has a stored analysis matching its current members. */
int px_story_analysis_fresh(px_store *s, const char *id);

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_STORY_ANALYSIS_H */
