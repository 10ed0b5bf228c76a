/*
 * vocab.c - feature table of the clusterer (see cluster/vocab.h).
 */
#include <string.h> /* memset */

#include "cluster/vocab.h"
#include "core/array.h"
#include "parallax/core.h"

void px_vocab_init(px_vocab *v, uint32_t posting_cap) {
    memset(v, 0, sizeof *v);
    v->cap = posting_cap ? posting_cap : 1;
    v->nslot = 1024;
    v->slot = px_calloc(v->nslot, sizeof *v->slot);
}

void px_vocab_release(px_vocab *v) {
    for (size_t i = 0; i < v->n; i++) px_free(v->f[i].post);
    px_free(v->f);
    px_free(v->slot);
    memset(v, 0, sizeof *v);
}

static size_t probe_start(const px_vocab *v, uint64_t hash) {
    return (size_t)(hash ^ (hash >> 29)) & (v->nslot - 1);
}

static void rehash(px_vocab *v) {
    px_free(v->slot);
    v->nslot *= 2;
    v->slot = px_calloc(v->nslot, sizeof *v->slot);
    for (size_t i = 0; i < v->n; i++) {
        size_t s = probe_start(v, v->f[i].hash);
        while (v->slot[s]) s = (s + 1) & (v->nslot - 1);
        v->slot[s] = (uint32_t)i + 1;
    }
}

uint32_t px_vocab_intern(px_vocab *v, uint64_t hash) {
    size_t s = probe_start(v, hash);
    for (; v->slot[s]; s = (s + 1) & (v->nslot - 1))
        if (v->f[v->slot[s] - 1].hash == hash) return v->slot[s] - 1;
    v->f = px_array_grow(v->f, &v->a, v->n + 1, 1024, sizeof *v->f);
    uint32_t idx = (uint32_t)v->n++;
    v->f[idx] = (px_vfeat){.hash = hash};
    v->slot[s] = idx + 1;
    if (v->n * 2 > v->nslot) rehash(v);
    return idx;
}

void px_vocab_post(px_vocab *v, uint32_t fi, uint32_t story) {
    px_vfeat *f = &v->f[fi];
    if (f->npost < v->cap) {
        if (f->npost == f->apost) {
            f->apost = f->apost ? f->apost * 2 : 2;
            if (f->apost > v->cap) f->apost = v->cap;
            f->post = px_realloc(f->post, f->apost * sizeof *f->post);
        }
        f->post[f->npost++] = story;
        return;
    }
    f->post[f->head] = story;
    f->head = (f->head + 1) % v->cap;
}
