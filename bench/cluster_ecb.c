/*
 * cluster_ecb.c - bench driver: cluster a JSON Lines file of articles
 * (id, title, text) with the library and print {"id","story"} per line.
 *
 *   cluster_ecb FILE.jsonl [name=value ...]
 *
 * name is an option of px_cluster_opts (threshold, w_title, w_entity,
 * w_place, w_number, w_date, story_terms, query_terms, posting_cap,
 * candidates, merge_specific, conflict_*, half_life_days, w_reuse,
 * settle_*), for tuning from bench/ecb_tune.sh.  Settles after the last
 * article, as the CLI does.  It reads
 * only ids, titles and texts: never labels.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parallax.h"

static int set_opt(px_cluster_opts *o, const char *kv) {
    const char *eq = strchr(kv, '=');
    if (!eq) return -1;
    double v = atof(eq + 1);
    size_t n = (size_t)(eq - kv);
#define OPT(name, conv)                                                        \
    if (n == strlen(#name) && !strncmp(kv, #name, n)) {                        \
        o->name = conv(v);                                                     \
        return 0;                                                              \
    }
    /* clang-format off */
    OPT(threshold, (double))
    OPT(w_title, (double))
    OPT(w_entity, (double))
    OPT(w_place, (double))
    OPT(lead_tokens, (double))
    OPT(w_number, (double))
    OPT(w_date, (double))
    OPT(w_headline, (double))
    OPT(story_terms, (size_t))
    OPT(query_terms, (size_t))
    OPT(posting_cap, (size_t))
    OPT(candidates, (size_t))
    OPT(merge_specific, (double))
    OPT(conflict_factor, (double))
    OPT(conflict_rare, (double))
    OPT(half_life_days, (double))
    OPT(w_reuse, (double))
    OPT(settle_threshold, (double))
    OPT(settle_size, (size_t))
    OPT(feature_cap, (double))
    OPT(min_shared, (size_t))
    /* clang-format on */
#undef OPT
    return -1;
}

static const char *jstr(json_t *o, const char *k) {
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: cluster_ecb FILE.jsonl [name=value...]\n");
        return 2;
    }
    px_cluster_opts o;
    px_cluster_opts_default(&o);
    for (int i = 2; i < argc; i++)
        if (set_opt(&o, argv[i])) {
            fprintf(stderr, "cluster_ecb: bad option %s\n", argv[i]);
            return 2;
        }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 3;
    }
    px_clusterer *c = NULL;
    px_stemmer *st = px_stemmer_new("en");
    if (px_clusterer_new(&o, &c)) return 2;
    char **ids = NULL;
    size_t n = 0;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        json_error_t err;
        json_t *j = json_loads(line, 0, &err);
        const char *id = j ? jstr(j, "id") : NULL,
                   *text = j ? jstr(j, "text") : NULL;
        if (!id || !text) {
            fprintf(stderr, "cluster_ecb: bad line %zu\n", n + 1);
            json_decref(j);
            continue;
        }
        px_doc *d = NULL;
        px_cluster_feats *fe = NULL;
        px_doc_new(text, strlen(text), NULL, &d);
        px_cluster_feats_new(d, jstr(j, "title"), st, &o, &fe);
        int64_t ts = PX_TIME_NONE; /* "published", when given */
        if (jstr(j, "published") && px_time_parse(jstr(j, "published"), &ts))
            ts = PX_TIME_NONE;
        px_clusterer_add(c, id, fe, ts, NULL, 0, NULL);
        ids = realloc(ids, (n + 1) * sizeof *ids);
        ids[n++] = strdup(id);
        px_cluster_feats_free(fe);
        px_doc_free(d);
        json_decref(j);
    }
    px_clusterer_settle(c);
    for (size_t i = 0; i < n; i++) {
        char sid[PX_CLUSTER_ID_LEN];
        px_clusterer_story_id(c, i, sid);
        printf("{\"id\": \"%s\", \"story\": \"%s\"}\n", ids[i], sid);
        free(ids[i]);
    }
    free(ids);
    free(line);
    fclose(f);
    px_clusterer_free(c);
    px_stemmer_free(st);
    return 0;
}
