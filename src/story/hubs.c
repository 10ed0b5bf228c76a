/*
 * hubs.c - copy-graph candidates from the passages too common for the
 * reuse stage (see story_int.h, px_story_hub_links).
 *
 * The reuse stage gives no pairs for an anchor held by more than max_df
 * (100) articles: a story of 10,000 near-copies of one wire text would
 * have 50 million pairs.  It reports those anchors instead, a few per
 * article (px_reuse_run_frequent).  Here, after clustering, each such
 * anchor is a hub:
 *   - it belongs to the story holding more than half of its articles, if
 *     one does: the text of a story of copies.  A stock phrase or an
 *     outlet's footer, spread over many stories, belongs to none and
 *     links nothing (which is also why stories of at most max_df / 2
 *     articles never get a hub link: their copy graph is the reuse
 *     stage's);
 *   - its holders in that story are linked to the earliest of them (by
 *     rank: publication time, then clustering order);
 *   - each article keeps the PX_STORY_HUB_SOURCES sources it shares the
 *     most hub anchors with (the earlier source on ties).
 * Linear in the anchors reported (at most PX_REUSE_FREQUENT_PER_DOC per
 * article) plus one sort of the links; no pair of holders is enumerated.
 * The caller verifies each link by aligning its two texts.
 */
#include <stdlib.h> /* qsort */

#include "core/array.h"
#include "story/story_int.h"

/* Links (one vote each: `to` holds an anchor whose earliest holder is
 * `from`) by article, then source. */
static int cmp_to_from(const void *x, const void *y) {
    const px_story_link *a = x, *b = y;
    if (a->to != b->to) return a->to < b->to ? -1 : 1;
    return a->from < b->from ? -1 : a->from > b->from;
}

static int cmp_from_to(const void *x, const void *y) {
    const px_story_link *a = x, *b = y;
    if (a->from != b->from) return a->from < b->from ? -1 : 1;
    return a->to < b->to ? -1 : a->to > b->to;
}

typedef struct link_vec {
    px_story_link *v;
    size_t n, alloc;
} link_vec;

/* The votes of one anchor g[0..n): its holders in the story holding more
 * than half of its documents, each to the earliest of them. */
static void anchor_votes(const px_reuse_frequent *g, size_t n,
                         const size_t *story, const size_t *rank, size_t na,
                         link_vec *out) {
    size_t cand = SIZE_MAX, run = 0, in = 0; /* Boyer-Moore majority vote */
    for (size_t x = 0; x < n; x++) {
        if (g[x].doc >= na) continue;
        size_t s = story[g[x].doc];
        if (!run) {
            cand = s;
            run = 1;
        } else if (s == cand) {
            run++;
        } else {
            run--;
        }
    }
    uint32_t center = UINT32_MAX;
    for (size_t x = 0; x < n; x++) {
        if (g[x].doc >= na || story[g[x].doc] != cand) continue;
        in++;
        if (center == UINT32_MAX || rank[g[x].doc] < rank[center])
            center = g[x].doc;
    }
    if (2 * (uint64_t)in <= g[0].docs || in < 2) return;
    for (size_t x = 0; x < n; x++) {
        if (g[x].doc >= na || g[x].doc == center || story[g[x].doc] != cand)
            continue;
        out->v =
            px_array_grow(out->v, &out->alloc, out->n + 1, 256, sizeof *out->v);
        out->v[out->n++] = (px_story_link){center, g[x].doc, 1};
    }
}

size_t px_story_hub_links(const px_reuse_frequent *f, size_t nf,
                          const size_t *story, const size_t *rank, size_t na,
                          px_story_link **out) {
    link_vec lv = {0};
    for (size_t i = 0; i < nf;) {
        size_t j = i + 1;
        while (j < nf && f[j].key == f[i].key) j++;
        anchor_votes(f + i, j - i, story, rank, na, &lv);
        i = j;
    }
    /* count the votes per (to, from), then keep each article's best */
    if (lv.n) qsort(lv.v, lv.n, sizeof *lv.v, cmp_to_from);
    size_t k = 0;
    for (size_t i = 0; i < lv.n; i++) {
        if (k && lv.v[k - 1].to == lv.v[i].to &&
            lv.v[k - 1].from == lv.v[i].from)
            lv.v[k - 1].votes++;
        else
            lv.v[k++] = lv.v[i];
    }
    size_t m = 0;
    for (size_t i = 0; i < k;) {
        size_t j = i + 1;
        while (j < k && lv.v[j].to == lv.v[i].to) j++;
        /* the PX_STORY_HUB_SOURCES best of lv.v[i..j) by selection: the
         * sources of one article are few */
        for (size_t t = 0; t < PX_STORY_HUB_SOURCES && i + t < j; t++) {
            size_t best = i + t;
            for (size_t x = best + 1; x < j; x++) {
                const px_story_link *a = &lv.v[x], *b = &lv.v[best];
                if (a->votes > b->votes ||
                    (a->votes == b->votes && rank[a->from] < rank[b->from]))
                    best = x;
            }
            px_story_link tmp = lv.v[i + t];
            lv.v[i + t] = lv.v[best];
            lv.v[best] = tmp;
            lv.v[m++] = lv.v[i + t];
        }
        i = j;
    }
    if (m) qsort(lv.v, m, sizeof *lv.v, cmp_from_to);
    *out = lv.v;
    return m;
}
