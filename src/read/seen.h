/*
 * seen.h - the ids read so far in one batch, with where each was first
 * read, so that a repeated id is reported against its first occurrence
 * (internal).
 *
 * Sized for volume: an entry is 24 bytes (128-bit hash of the id, input
 * number, line), not a copy of the id, so ten million ids fit in about
 * half a gigabyte.  Two different ids colliding on 128 bits is not a
 * practical concern (about 1e-25 at that size).  Open addressing with
 * linear probing, grown at half load.
 */
#ifndef PX_READ_SEEN_H
#define PX_READ_SEEN_H

#include <stddef.h>
#include <stdint.h>

typedef struct px_seen_entry {
    uint64_t h1, h2;      /* h1 == h2 == 0: empty slot */
    uint32_t input : 31;  /* index into inputs */
    uint32_t element : 1; /* pos is a JSON array element, not a line */
    uint32_t pos; /* line or element, 0: none (saturates at UINT32_MAX) */
} px_seen_entry;

typedef struct px_seen {
    px_seen_entry *slots;
    size_t cap, n;
    char **inputs; /* names of the inputs, in order of px_seen_input */
    size_t ninputs;
} px_seen;

void px_seen_init(px_seen *s);
void px_seen_release(px_seen *s);
/* Register the next input's name (copied); later adds refer to it. */
void px_seen_input(px_seen *s, const char *name);
/* Where an id was read in the last registered input: a line, or an
 * element of a JSON array (both 1-based; 0 for neither). */
typedef struct px_seen_pos {
    size_t line, element;
} px_seen_pos;

/* Record id, read at pos of the last registered input.  Returns 1 when it
 * is new; else 0 and the first occurrence as "name", "name:line" or
 * "name[element]" in where (at most n bytes, NUL-terminated). */
int px_seen_add(px_seen *s, const char *id, px_seen_pos pos, char *where,
                size_t n);

#endif /* PX_READ_SEEN_H */
