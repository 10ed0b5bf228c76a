/*
 * seen.c - set of ids already read in a batch (see seen.h).
 */
#include <stdio.h>  /* snprintf */
#include <string.h> /* strlen */

#include "parallax/core.h"
#include "read/seen.h"

void px_seen_init(px_seen *s) {
    memset(s, 0, sizeof *s);
}

void px_seen_release(px_seen *s) {
    for (size_t i = 0; i < s->ninputs; i++) px_free(s->inputs[i]);
    px_free(s->inputs);
    px_free(s->slots);
    px_seen_init(s);
}

void px_seen_input(px_seen *s, const char *name) {
    s->inputs = px_realloc(s->inputs, (s->ninputs + 1) * sizeof *s->inputs);
    s->inputs[s->ninputs++] = px_strdup(name);
}

static int empty(const px_seen_entry *e) {
    return !e->h1 && !e->h2;
}

/* Slot holding (h1, h2), or the empty slot where it belongs. */
static px_seen_entry *probe(const px_seen *s, uint64_t h1, uint64_t h2) {
    size_t i = (size_t)h1 & (s->cap - 1);
    while (!empty(&s->slots[i]) &&
           (s->slots[i].h1 != h1 || s->slots[i].h2 != h2))
        i = (i + 1) & (s->cap - 1);
    return &s->slots[i];
}

static void grow(px_seen *s) {
    px_seen old = *s;
    s->cap = old.cap ? old.cap * 2 : 1024;
    s->slots = px_calloc(s->cap, sizeof *s->slots);
    for (size_t i = 0; i < old.cap; i++)
        if (!empty(&old.slots[i]))
            *probe(s, old.slots[i].h1, old.slots[i].h2) = old.slots[i];
    px_free(old.slots);
}

int px_seen_add(px_seen *s, const char *id, px_seen_pos pos, char *where,
                size_t n) {
    if (2 * (s->n + 1) > s->cap) grow(s);
    size_t len = strlen(id);
    uint64_t h1 = px_hash64(id, len, 0x5eed1), h2 = px_hash64(id, len, 0x5eed2);
    if (!h1 && !h2) h2 = 1; /* keep the empty marker free */
    px_seen_entry *e = probe(s, h1, h2);
    if (!empty(e)) {
        const char *name = s->inputs[e->input];
        if (!e->pos)
            snprintf(where, n, "%s", name);
        else
            snprintf(where, n, e->element ? "%s[%u]" : "%s:%u", name,
                     (unsigned)e->pos);
        return 0;
    }
    size_t p = pos.element ? pos.element : pos.line;
    e->h1 = h1;
    e->h2 = h2;
    e->input = (uint32_t)(s->ninputs - 1) & 0x7fffffffu;
    e->element = pos.element != 0;
    e->pos = p > UINT32_MAX ? UINT32_MAX : (uint32_t)p;
    s->n++;
    return 1;
}
