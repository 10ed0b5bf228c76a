/*
 * offmap.h - piecewise map from offsets in a derived view back to offsets in
 * its source text.
 *
 * A map is a list of pieces {view_off, src_off, view_len, src_len} covering
 * the view in order.  Pieces with view_len == src_len map byte for byte
 * (copied text, ASCII case folding); others (a replaced invalid byte, a
 * collapsed run of spaces, a folded non-ASCII letter) map as a whole: a start
 * offset inside goes to the piece's source start, an end offset to its
 * source end.  Lookups are binary searches: O(log pieces).  Pure-ASCII text
 * needs one piece per kept segment.
 */
#ifndef PX_OFFMAP_H
#define PX_OFFMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct px_offpiece {
    uint32_t view_off, src_off, view_len, src_len;
} px_offpiece;

typedef struct px_offmap {
    px_offpiece *p;
    size_t n, alloc;
} px_offmap;

void px_offmap_init(px_offmap *m);
void px_offmap_release(px_offmap *m);
/* Append a piece (no merging): the slow path of px_offmap_add. */
void px_offmap_push(px_offmap *m, size_t view_off, size_t view_len,
                    size_t src_off, size_t src_len);

/* Record that view bytes [view_off, +view_len) came from source bytes
 * [src_off, +src_len).  Calls must come in increasing view_off order;
 * equal-length pieces adjacent in both views are merged (inline: the
 * views add a piece per word of non-Latin text). */
static inline void px_offmap_add(px_offmap *m, size_t view_off, size_t view_len,
                                 size_t src_off, size_t src_len) {
    if (m->n) {
        px_offpiece *last = &m->p[m->n - 1];
        if (last->view_len == last->src_len && view_len == src_len &&
            last->view_off + last->view_len == view_off &&
            last->src_off + last->src_len == src_off) {
            last->view_len += (uint32_t)view_len;
            last->src_len += (uint32_t)src_len;
            return;
        }
    }
    px_offmap_push(m, view_off, view_len, src_off, src_len);
}
/* Source offset of the byte at view offset off (as a span start). */
size_t px_offmap_start(const px_offmap *m, size_t off);

/* Lookups for callers that ask in increasing order (the tokenizer), as a
 * span start (_start_at) or as a span end (_end_at: the source offset just
 * after the byte before view offset off).  *hint is a piece index the
 * caller keeps between calls (start at 0); each lookup walks forward from
 * it, so a pass over a view costs O(pieces + lookups), not a binary search
 * each. */
size_t px_offmap_start_walk(const px_offmap *m, size_t off, size_t *hint);
size_t px_offmap_end_walk(const px_offmap *m, size_t off, size_t *hint);

/* Inline fast path: the offset falls in the hinted byte-for-byte piece. */
static inline size_t px_offmap_start_at(const px_offmap *m, size_t off,
                                        size_t *hint) {
    if (*hint < m->n) {
        const px_offpiece *q = &m->p[*hint];
        if (off >= q->view_off && off - q->view_off < q->view_len &&
            q->view_len == q->src_len)
            return q->src_off + (off - q->view_off);
    }
    return px_offmap_start_walk(m, off, hint);
}

static inline size_t px_offmap_end_at(const px_offmap *m, size_t off,
                                      size_t *hint) {
    if (*hint < m->n) {
        const px_offpiece *q = &m->p[*hint];
        if (off > q->view_off && off - q->view_off <= q->view_len &&
            q->view_len == q->src_len)
            return q->src_off + (off - q->view_off);
    }
    return px_offmap_end_walk(m, off, hint);
}

/* A byte-for-byte piece remembered by a caller mapping spans in increasing
 * order: view [lo, hi] maps to source by adding delta (mod 2^N). */
typedef struct px_offwin {
    size_t lo, hi, delta;
} px_offwin;

/* Map the span [s, e) (s < e) of the view to the source: *os as a start,
 * *oe as an end, exactly as px_offmap_start_at / px_offmap_end_at would.
 * When the span lies inside the window it costs two compares; otherwise
 * the hinted lookups run and the window moves to the piece holding e. */
static inline void px_offmap_span_at(const px_offmap *m, size_t s, size_t e,
                                     size_t hint[2], px_offwin *w, size_t *os,
                                     size_t *oe) {
    if (s >= w->lo && e <= w->hi) {
        *os = s + w->delta;
        *oe = e + w->delta;
        return;
    }
    *os = px_offmap_start_at(m, s, &hint[0]);
    *oe = px_offmap_end_at(m, e, &hint[1]);
    const px_offpiece *q = hint[1] < m->n ? &m->p[hint[1]] : NULL;
    if (q && q->view_len == q->src_len && q->view_len) {
        w->lo = q->view_off;
        w->hi = (size_t)q->view_off + q->view_len;
        w->delta = (size_t)q->src_off - (size_t)q->view_off;
    }
}

#endif /* PX_OFFMAP_H */
