/*
 * array.h - growth of the library's dynamic arrays, in one place.
 *
 * Design: an array is a pointer, an element count kept by its owner and a
 * capacity (in elements).  px_array_grow makes room for `need` elements by
 * doubling the capacity, from `first` when nothing is allocated yet: the
 * policy every push site used to spell out by hand, so sizes and the points
 * where memory moves are what they were.  Memory comes from px_realloc,
 * which aborts on exhaustion (parallax/core.h); a capacity whose size in
 * bytes would not fit a size_t is exhaustion too (px_realloc is asked for
 * SIZE_MAX bytes, which it cannot get), never a wrapped, short array.
 */
#ifndef PX_CORE_ARRAY_H
#define PX_CORE_ARRAY_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* SIZE_MAX */

#include "parallax/core.h" /* px_realloc */

/* Make room in p, an array of elem-byte elements with *alloc of them
 * allocated, for need elements: if need > *alloc, *alloc doubles (starting
 * at first > 0 when it is 0) until it is >= need and p is reallocated.
 * Returns the array, which may have moved: assign it back, as with
 * realloc (p is then invalid); never NULL.  Usual call, before storing
 * element n:  v = px_array_grow(v, &alloc, n + 1, 64, sizeof *v); */
static inline void *px_array_grow(void *p, size_t *alloc, size_t need,
                                  size_t first, size_t elem) {
    if (need <= *alloc) return p;
    size_t a = *alloc ? *alloc : first;
    while (a < need) a = a > SIZE_MAX / 2 ? SIZE_MAX : a * 2;
    *alloc = a;
    return px_realloc(p, a > SIZE_MAX / elem ? SIZE_MAX : a * elem);
}

#endif /* PX_CORE_ARRAY_H */
