/*
 * cluster/feats.h - internal layout of px_cluster_feats (feats.c), shared
 * with the clusterer (cluster.c).
 */
#ifndef PX_CLUSTER_FEATS_H
#define PX_CLUSTER_FEATS_H

#include "parallax/cluster.h"

/* Feature kinds: also the hash seeds that keep their namespaces apart. */
enum {
    PX_FEAT_WORD = 1,
    PX_FEAT_ENTITY = 2,
    PX_FEAT_PLACE = 3,
    PX_FEAT_NUMBER = 4,
    PX_FEAT_DATE = 5,
    PX_FEAT_HEADLINE = 6
};

/* One feature: hash (kind-seeded), weight before idf, kind. */
typedef struct px_cluster_feat {
    uint64_t hash;
    float w;
    unsigned kind;
} px_cluster_feat;

/* Distinct features sorted by hash. */
struct px_cluster_feats {
    px_cluster_feat *v;
    size_t n;
};

#endif /* PX_CLUSTER_FEATS_H */
