/*
 * boiler.c - learned boilerplate: lines recurring across an outlet's
 * articles (see parallax/clean.h).
 *
 * Design: one open-addressing hash table of 64-bit keys to counts.  A
 * line's key is the hash of its folded form seeded with the outlet's hash,
 * so all outlets share one table; an outlet's article count lives in the
 * same table under a key derived from the outlet alone.  Nothing of the
 * text is stored, only hashes (a false match needs a 64-bit collision).
 * Key 0 marks an empty slot (a real key of 0 is remapped to 1).  The table
 * doubles at 50% load up to max_lines entries.
 */
#include <stdlib.h> /* qsort */
#include <string.h> /* strlen */

#include "clean/fold.h"
#include "parallax/clean.h"

typedef struct slot {
    uint64_t key;
    uint32_t count;
} slot;

struct px_boiler {
    slot *tab;
    size_t cap, used;
    px_boiler_opts o;
};

px_boiler *px_boiler_new(const px_boiler_opts *opts) {
    px_boiler *b = px_calloc(1, sizeof *b);
    if (opts) b->o = *opts;
    if (!b->o.min_docs) b->o.min_docs = 3;
    if (b->o.min_share <= 0) b->o.min_share = 0.2;
    if (!b->o.max_lines) b->o.max_lines = (size_t)1 << 20;
    b->cap = 1024;
    b->tab = px_calloc(b->cap, sizeof *b->tab);
    return b;
}

void px_boiler_free(px_boiler *b) {
    if (!b) return;
    px_free(b->tab);
    px_free(b);
}

static uint64_t outlet_seed(const char *outlet) {
    const char *o = outlet ? outlet : "";
    return px_hash64(o, strlen(o), 0x626f696c6572ull); /* "boiler" */
}

static uint64_t fix_key(uint64_t k) {
    return k ? k : 1;
}

static slot *find(const px_boiler *b, uint64_t key) {
    size_t i = (size_t)key & (b->cap - 1);
    while (b->tab[i].key && b->tab[i].key != key) i = (i + 1) & (b->cap - 1);
    return &b->tab[i];
}

static void grow(px_boiler *b) {
    slot *old = b->tab;
    size_t ocap = b->cap;
    b->cap *= 2;
    b->tab = px_calloc(b->cap, sizeof *b->tab);
    for (size_t i = 0; i < ocap; i++)
        if (old[i].key) *find(b, old[i].key) = old[i];
    px_free(old);
}

static void bump(px_boiler *b, uint64_t key) {
    slot *s = find(b, key);
    if (!s->key) {
        if (b->used >= b->o.max_lines) return; /* cap reached: do not learn */
        if (2 * (b->used + 1) > b->cap) {
            grow(b);
            s = find(b, key);
        }
        s->key = key;
        b->used++;
    }
    if (s->count < UINT32_MAX) s->count++;
}

/* Key of a line under an outlet seed; 0 when the line is not learnable. */
static uint64_t line_key(uint64_t seed, const char *s, size_t n) {
    char f[PX_BOILER_MAX_LINE + 1];
    if (n > PX_BOILER_MAX_LINE) return 0;
    size_t fl = px_fold(s, n, f, sizeof f);
    if (fl == (size_t)-1 || fl == 0) return 0;
    return fix_key(px_hash64(f, fl, seed));
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

px_result px_boiler_add(px_boiler *b, const char *outlet, const char *text,
                        size_t len) {
    if (!b || (!text && len)) return PX_ERR_INVALID;
    uint64_t seed = outlet_seed(outlet);
    px_line *lines;
    size_t n, k = 0;
    px_lines_split(text ? text : "", len, &lines, &n);
    uint64_t *keys = px_malloc((n + 1) * sizeof *keys);
    for (size_t i = 0; i < n; i++) {
        uint64_t key = line_key(seed, text + lines[i].start,
                                lines[i].end - lines[i].start);
        if (key) keys[k++] = key;
    }
    if (k) qsort(keys, k, sizeof *keys, cmp_u64);
    for (size_t i = 0; i < k; i++)
        if (!i || keys[i] != keys[i - 1]) bump(b, keys[i]); /* once a doc */
    bump(b, fix_key(seed));
    px_free(keys);
    px_free(lines);
    return PX_OK;
}

size_t px_boiler_docs(const px_boiler *b, const char *outlet) {
    return b ? find(b, fix_key(outlet_seed(outlet)))->count : 0;
}

size_t px_boiler_count(const px_boiler *b, const char *outlet, const char *line,
                       size_t n) {
    if (!b) return 0;
    uint64_t key = line_key(outlet_seed(outlet), line, n);
    return key ? find(b, key)->count : 0;
}

int px_boiler_recurring(const px_boiler *b, const char *outlet,
                        const char *line, size_t n) {
    size_t docs = px_boiler_docs(b, outlet);
    if (!docs) return 0;
    size_t c = px_boiler_count(b, outlet, line, n);
    return c >= b->o.min_docs && (double)c >= b->o.min_share * (double)docs;
}
