/*
 * cluster/vocab.h - the clusterer's feature table: for each feature hash a
 * dense index, its document frequency and its posting list (the newest
 * stories whose centroid holds it).
 *
 * Design: open addressing with linear probing over a power-of-two table of
 * indexes into a dense record array (records never move their index, so
 * stories keep feature indexes instead of hashes).  Posting lists are
 * rings of at most `cap` story numbers: a feature common to thousands of
 * stories costs no more than a rare one, and lookups favour recent stories.
 */
#ifndef PX_CLUSTER_VOCAB_H
#define PX_CLUSTER_VOCAB_H

#include <stddef.h>
#include <stdint.h>

typedef struct px_vfeat {
    uint64_t hash;
    uint32_t df;     /* articles holding the feature */
    uint32_t npost;  /* entries used in post */
    uint32_t head;   /* next slot to overwrite once full */
    uint32_t apost;  /* allocated entries */
    uint32_t *post;  /* story numbers */
    unsigned kind;   /* feature kind (cluster/feats.h), set by the clusterer */
} px_vfeat;

typedef struct px_vocab {
    px_vfeat *f;     /* dense records */
    size_t n, a;
    uint32_t *slot;  /* hash table: index + 1, 0 = empty */
    size_t nslot;    /* power of two */
    uint32_t cap;    /* posting ring size */
} px_vocab;

void px_vocab_init(px_vocab *v, uint32_t posting_cap);
void px_vocab_release(px_vocab *v);
/* Index of the feature, inserted with df 0 when new. */
uint32_t px_vocab_intern(px_vocab *v, uint64_t hash);
/* Record story as holding feature fi (overwrites the oldest when full). */
void px_vocab_post(px_vocab *v, uint32_t fi, uint32_t story);

#endif /* PX_CLUSTER_VOCAB_H */
