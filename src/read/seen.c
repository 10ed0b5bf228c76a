/*
 * seen.c - set of ids already read in a batch (see seen.h).
 */
#include <string.h> /* strcmp, strlen */

#include "parallax/core.h"
#include "read/seen.h"

void px_seen_init(px_seen *s) {
    s->slots = NULL;
    s->cap = s->n = 0;
}

void px_seen_release(px_seen *s) {
    for (size_t i = 0; i < s->cap; i++) {
        px_free(s->slots[i].id);
        px_free(s->slots[i].origin);
    }
    px_free(s->slots);
    px_seen_init(s);
}

/* Slot holding id, or the empty slot where it belongs. */
static px_seen_entry *probe(const px_seen *s, uint64_t h, const char *id) {
    size_t i = (size_t)h & (s->cap - 1);
    while (s->slots[i].id && (s->slots[i].hash != h || strcmp(s->slots[i].id, id)))
        i = (i + 1) & (s->cap - 1);
    return &s->slots[i];
}

static void grow(px_seen *s) {
    px_seen old = *s;
    s->cap = old.cap ? old.cap * 2 : 64;
    s->slots = px_calloc(s->cap, sizeof *s->slots);
    for (size_t i = 0; i < old.cap; i++)
        if (old.slots[i].id)
            *probe(s, old.slots[i].hash, old.slots[i].id) = old.slots[i];
    px_free(old.slots);
}

const char *px_seen_add(px_seen *s, const char *id, const char *origin) {
    if (2 * (s->n + 1) > s->cap) grow(s);
    uint64_t h = px_hash64(id, strlen(id), 0);
    px_seen_entry *e = probe(s, h, id);
    if (e->id) return e->origin;
    e->hash = h;
    e->id = px_strdup(id);
    e->origin = px_strdup(origin);
    s->n++;
    return NULL;
}
