/*
 * lexicon.c - compile a language table into a hash map and match phrases.
 *
 * The map is open addressing on the first word's 64-bit hash (load <= 1/2),
 * each slot heading a chain of items (all phrases starting with that word).
 * Lookups per token are one probe sequence; phrase matching walks the
 * short chain.  Built once per px_claimer, read-only afterwards.
 */
#include <string.h> /* strchr, memset */

#include "claims/lexicon.h"

static size_t split_words(const char *p, uint64_t *h) {
    size_t n = 0;
    while (*p && n < PX_LEX_MAX_WORDS) {
        const char *sp = strchr(p, ' ');
        size_t len = sp ? (size_t)(sp - p) : strlen(p);
        h[n++] = px_hash64(p, len, 0);
        if (!sp) break;
        p = sp + 1;
    }
    return n;
}

static size_t slot_of(const px_lexicon *lx, uint64_t h) {
    size_t i = (size_t)h & lx->mask;
    while (lx->head[i] >= 0 && lx->keys[i] != h) i = (i + 1) & lx->mask;
    return i;
}

void px_lexicon_init(px_lexicon *lx, const px_lang *lang) {
    memset(lx, 0, sizeof *lx);
    size_t cap = 64;
    while (cap < lang->nlex * 2) cap <<= 1;
    lx->mask = cap - 1;
    lx->keys = px_calloc(cap, sizeof *lx->keys);
    lx->head = px_malloc(cap * sizeof *lx->head);
    lx->cats = px_calloc(cap, sizeof *lx->cats);
    for (size_t i = 0; i < cap; i++) lx->head[i] = -1;
    lx->items = px_calloc(lang->nlex ? lang->nlex : 1, sizeof *lx->items);
    for (size_t k = 0; k < lang->nlex; k++) {
        px_lex_item *it = &lx->items[lx->nitems];
        it->e = &lang->lex[k];
        it->n = (uint8_t)split_words(it->e->phrase, it->h);
        if (!it->n) continue;
        size_t s = slot_of(lx, it->h[0]);
        lx->keys[s] = it->h[0];
        it->next = lx->head[s];
        lx->head[s] = (int32_t)lx->nitems++;
        lx->cats[s] |= it->n == 1 ? it->e->cat : LX_MULTI;
    }
}

void px_lexicon_release(px_lexicon *lx) {
    px_free(lx->items);
    px_free(lx->keys);
    px_free(lx->head);
    px_free(lx->cats);
    memset(lx, 0, sizeof *lx);
}

uint32_t px_lexicon_cats(const px_lexicon *lx, uint64_t h) {
    size_t s = slot_of(lx, h);
    return lx->head[s] >= 0 ? lx->cats[s] : 0;
}

const px_lex_entry *px_lexicon_match(const px_lexicon *lx, const uint64_t *h,
                                     size_t n, uint32_t mask, size_t *len) {
    if (!n) return NULL;
    size_t s = slot_of(lx, h[0]);
    const px_lex_entry *best = NULL;
    size_t blen = 0;
    for (int32_t i = lx->head[s]; i >= 0; i = lx->items[i].next) {
        const px_lex_item *it = &lx->items[i];
        if (!(it->e->cat & mask) || it->n > n || it->n <= blen) continue;
        size_t k = 1;
        while (k < it->n && it->h[k] == h[k]) k++;
        if (k == it->n) best = it->e, blen = it->n;
    }
    *len = blen;
    return best;
}
