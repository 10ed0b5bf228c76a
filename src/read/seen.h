/*
 * seen.h - the ids read so far in one batch, with where each was read, so
 * that a repeated id is reported against its first occurrence (internal).
 *
 * Open addressing on the 64-bit hash of the id (linear probing, grown at
 * half load); the id itself is compared, so hash collisions are harmless.
 */
#ifndef PX_READ_SEEN_H
#define PX_READ_SEEN_H

#include <stddef.h>
#include <stdint.h>

typedef struct px_seen_entry {
    uint64_t hash;
    char *id;      /* NULL: empty slot */
    char *origin;  /* where the id was first read */
} px_seen_entry;

typedef struct px_seen {
    px_seen_entry *slots;
    size_t cap, n;
} px_seen;

void px_seen_init(px_seen *s);
void px_seen_release(px_seen *s);
/* Record id (read at origin).  Returns NULL when it is new, else the
 * origin of its first occurrence (owned by the set). */
const char *px_seen_add(px_seen *s, const char *id, const char *origin);

#endif /* PX_READ_SEEN_H */
