/*
 * offmap.c - piecewise offset maps (see offmap.h).
 */
#include "clean/offmap.h"
#include "core/array.h"
#include "parallax/core.h"

void px_offmap_init(px_offmap *m) {
    m->p = NULL;
    m->n = m->alloc = 0;
}

void px_offmap_release(px_offmap *m) {
    px_free(m->p);
    px_offmap_init(m);
}

void px_offmap_push(px_offmap *m, size_t view_off, size_t view_len,
                    size_t src_off, size_t src_len) {
    m->p = px_array_grow(m->p, &m->alloc, m->n + 1, 16, sizeof *m->p);
    m->p[m->n++] = (px_offpiece){(uint32_t)view_off, (uint32_t)src_off,
                                 (uint32_t)view_len, (uint32_t)src_len};
}

/* Index of the last piece with view_off <= off (0 if none). */
static size_t find(const px_offmap *m, size_t off) {
    size_t lo = 0, hi = m->n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->p[mid].view_off <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Index of the last piece with view_off <= off, walking from *hint. */
static size_t find_from(const px_offmap *m, size_t off, size_t *hint) {
    size_t i = *hint < m->n ? *hint : 0;
    if (m->p[i].view_off > off) i = find(m, off); /* went backwards */
    while (i + 1 < m->n && m->p[i + 1].view_off <= off) i++;
    *hint = i;
    return i;
}

static size_t start_in(const px_offpiece *q, size_t off) {
    if (off < q->view_off) return q->src_off;
    size_t d = off - q->view_off;
    if (d >= q->view_len) return q->src_off + q->src_len;
    if (q->view_len == q->src_len) return q->src_off + d;
    return q->src_off;
}

static size_t end_in(const px_offpiece *q, size_t off) {
    size_t d = off - q->view_off;
    if (d > q->view_len) return q->src_off + q->src_len;
    if (q->view_len == q->src_len) return q->src_off + d;
    return q->src_off + q->src_len;
}

size_t px_offmap_start(const px_offmap *m, size_t off) {
    if (!m->n) return off;
    return start_in(&m->p[find(m, off)], off);
}

size_t px_offmap_start_walk(const px_offmap *m, size_t off, size_t *hint) {
    if (!m->n) return off;
    return start_in(&m->p[find_from(m, off, hint)], off);
}

size_t px_offmap_end_walk(const px_offmap *m, size_t off, size_t *hint) {
    if (!m->n) return off;
    if (off == 0) return m->p[0].src_off;
    return end_in(&m->p[find_from(m, off - 1, hint)], off);
}
