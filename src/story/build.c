/*
 * build.c - px_story_build: stored articles -> stories, copy graph,
 * headlines (see parallax/story.h for the contract).
 *
 * Steps, each bounded by the number of stored articles:
 *   1. entries: one light record per stored article (no text), and the
 *      order of the previous build (story_members.seq);
 *   2. order: previous members first in their order, then new articles by
 *      publication time (an unknown time inherits the one of the article
 *      stored before it), store order breaking ties;
 *   3. reuse: a px_corpus of every article in that order (corpus document
 *      number = clustering sequence number), px_reuse_run_frequent over
 *      it, and for each article the earlier articles it shares passages
 *      with; the anchors too frequent for pairs (held by more than
 *      max_df articles) are kept, a few per article;
 *   4. cluster: every article in order, with those copied-from hints;
 *   5. hubs: the frequent anchors of a story of many near-copies link
 *      each article to the earliest holder (hubs.c), at most
 *      PX_STORY_HUB_SOURCES per article, each link verified by aligning
 *      the two texts (px_reuse_pair); they join the copy graph only;
 *   6. write: all story tables replaced in one transaction.
 * Texts are fetched twice (steps 3 and 4) rather than keeping every
 * article's features in memory, again in step 5 for the articles of hub
 * links only (none in stories of at most max_df / 2 articles), and in
 * step 6 for the members of a story whose titles do not settle its
 * headline (px_story_headline; none when the titles agree).
 */
#include <stdlib.h> /* qsort, bsearch */
#include <string.h>

#include "core/array.h"
#include "parallax/corpus.h"
#include "parallax/reuse.h"
#include "story/story_int.h"

typedef struct entry {
    char *id, *title;
    int64_t ts, key; /* publication time; ordering key */
    size_t store_idx;
    size_t old_seq; /* SIZE_MAX: new in this build */
    uint64_t idhash;
} entry;

typedef struct idseq {
    uint64_t h;
    size_t seq;
} idseq;

typedef struct pairagg { /* passages of one article pair, summed */
    uint32_t a, b, words;
    double sim;
} pairagg;

typedef struct builder {
    px_store *s;
    const px_story_opts *o;
    entry *e;
    size_t n, a;
    idseq *old; /* previous members, sorted by id hash */
    size_t nold;
    size_t *order; /* seq -> entry */
    pairagg *pairs;
    size_t npairs;
    size_t *cf_off, *cf;     /* copied-from lists (CSR by seq) */
    px_reuse_frequent *freq; /* anchors too frequent for pairs */
    size_t nfreq;
    pairagg *hub; /* copy-graph edges of hub links (step 5) */
    size_t nhub;
    px_clusterer *c;
    px_stemmer *st;
} builder;

static void progress(const builder *b, const char *phase, size_t done,
                     size_t total) {
    if (b->o->progress) b->o->progress(b->o->ud, phase, done, total);
}

/* ------------------------------------------------------------ 1. entries */

static int cmp_idseq(const void *x, const void *y) {
    const idseq *a = x, *b = y;
    return a->h < b->h ? -1 : a->h > b->h;
}

static px_result load_old(builder *b) {
    sqlite3_stmt *st;
    px_result rc =
        px_story_sql(b->s, "SELECT article, seq FROM story_members", &st);
    if (rc) return rc;
    size_t a = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        b->old = px_array_grow(b->old, &a, b->nold + 1, 1024, sizeof *b->old);
        const char *id = px_story_col(st, 0);
        b->old[b->nold++] = (idseq){px_hash64(id, strlen(id), 0),
                                    (size_t)sqlite3_column_int64(st, 1)};
    }
    sqlite3_finalize(st);
    if (b->nold) qsort(b->old, b->nold, sizeof *b->old, cmp_idseq);
    return PX_OK;
}

static int collect_one(void *ud, const px_article *a) {
    builder *b = ud;
    b->e = px_array_grow(b->e, &b->a, b->n + 1, 1024, sizeof *b->e);
    entry *e = &b->e[b->n];
    *e = (entry){px_strdup(a->id),
                 px_strdup(a->title),
                 a->published_ts,
                 a->published_ts,
                 b->n,
                 SIZE_MAX,
                 px_hash64(a->id, strlen(a->id), 0)};
    if (e->key == PX_TIME_NONE && b->n) e->key = b->e[b->n - 1].key;
    idseq k = {e->idhash, 0},
          *f = b->nold ? bsearch(&k, b->old, b->nold, sizeof *b->old, cmp_idseq)
                       : NULL;
    if (f) e->old_seq = f->seq;
    b->n++;
    return 0;
}

/* -------------------------------------------------------------- 2. order */

static int cmp_entry(const void *x, const void *y, void *ud) {
    const entry *e = ud;
    const entry *a = &e[*(const size_t *)x], *b = &e[*(const size_t *)y];
    int an = a->old_seq == SIZE_MAX, bn = b->old_seq == SIZE_MAX;
    if (an != bn) return an - bn;
    if (!an) return a->old_seq < b->old_seq ? -1 : a->old_seq > b->old_seq;
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    return a->store_idx < b->store_idx ? -1 : a->store_idx > b->store_idx;
}

static void make_order(builder *b) {
    b->order = px_malloc((b->n ? b->n : 1) * sizeof *b->order);
    for (size_t i = 0; i < b->n; i++) b->order[i] = i;
    if (b->n) qsort_r(b->order, b->n, sizeof *b->order, cmp_entry, b->e);
}

/* ---------------------------------------------------- article by seq */

/* The stored article of sequence number seq and its doc (both owned by the
 * caller); an article that cannot be read gets an empty doc. */
static px_result fetch(builder *b, size_t seq, px_article **a, px_doc **d) {
    px_result rc = px_store_get(b->s, b->e[b->order[seq]].id, a);
    if (rc) return rc;
    px_doc_opts o = {0, (*a)->title, (*a)->outlet, NULL};
    if (px_doc_new((*a)->text, (*a)->text_len, &o, d))
        return px_doc_new("", 0, NULL, d);
    return PX_OK;
}

/* -------------------------------------------------------------- 3. reuse */

static int cmp_pass(const void *x, const void *y) {
    const px_passage *a = x, *b = y;
    if (a->b != b->b) return a->b < b->b ? -1 : 1;
    return a->a < b->a ? -1 : a->a > b->a;
}

/* Fold passages per pair (sorted by b then a) and build the copied-from
 * lists: article b took from every earlier a it shares a passage with. */
static void fold_passages(builder *b, px_passage *p, size_t np) {
    if (np) qsort(p, np, sizeof *p, cmp_pass);
    b->pairs = px_malloc((np ? np : 1) * sizeof *b->pairs);
    for (size_t i = 0; i < np; i++) {
        pairagg *last = &b->pairs[b->npairs ? b->npairs - 1 : 0];
        if (b->npairs && last->a == p[i].a && last->b == p[i].b) {
            last->words += p[i].words;
            if (p[i].similarity > last->sim) last->sim = p[i].similarity;
        } else {
            b->pairs[b->npairs++] =
                (pairagg){p[i].a, p[i].b, p[i].words, p[i].similarity};
        }
    }
    b->cf_off = px_calloc(b->n + 1, sizeof *b->cf_off);
    b->cf = px_malloc((b->npairs ? b->npairs : 1) * sizeof *b->cf);
    for (size_t i = 0; i < b->npairs; i++) b->cf_off[b->pairs[i].b + 1]++;
    for (size_t i = 0; i < b->n; i++) b->cf_off[i + 1] += b->cf_off[i];
    for (size_t i = 0; i < b->npairs; i++) b->cf[i] = b->pairs[i].a;
}

static px_result run_reuse(builder *b) {
    px_corpus *corpus = px_corpus_new();
    px_result rc = PX_OK;
    for (size_t seq = 0; seq < b->n && !rc; seq++) {
        px_article *a = NULL;
        px_doc *d = NULL;
        rc = fetch(b, seq, &a, &d);
        if (!rc) rc = px_corpus_add(corpus, a->id, d, NULL);
        px_doc_free(d);
        px_article_free(a);
        if (seq % 256 == 0) progress(b, "reuse", seq, b->n);
    }
    px_passage *p = NULL;
    size_t np = 0;
    if (!rc) {
        px_reuse_opts ro;
        px_reuse_opts_init(&ro);
        rc = px_reuse_run_frequent(corpus, &ro, &p, &np, &b->freq, &b->nfreq);
    }
    if (!rc) fold_passages(b, p, np);
    px_free(p);
    px_corpus_free(corpus);
    return rc;
}

/* ------------------------------------------------------------ 4. cluster */

static px_result run_cluster(builder *b) {
    px_result rc = px_clusterer_new(&b->o->cluster, &b->c);
    for (size_t seq = 0; seq < b->n && !rc; seq++) {
        px_article *a = NULL;
        px_doc *d = NULL;
        px_cluster_feats *f = NULL;
        rc = fetch(b, seq, &a, &d);
        if (!rc)
            rc = px_cluster_feats_new(d, a->title, b->st, &b->o->cluster, &f);
        if (!rc)
            rc = px_clusterer_add(b->c, a->id, f, b->e[b->order[seq]].ts,
                                  b->cf + b->cf_off[seq],
                                  b->cf_off[seq + 1] - b->cf_off[seq], NULL);
        px_cluster_feats_free(f);
        px_doc_free(d);
        px_article_free(a);
        if (seq % 256 == 0) progress(b, "cluster", seq, b->n);
    }
    if (!rc) px_clusterer_settle(b->c);
    return rc;
}

/* --------------------------------------------------------------- 5. hubs */

static int cmp_pairagg(const void *x, const void *y) {
    const pairagg *a = x, *b = y;
    if (a->b != b->b) return a->b < b->b ? -1 : 1;
    return a->a < b->a ? -1 : a->a > b->a;
}

static int cmp_rank(const void *x, const void *y, void *ud) {
    const int64_t *ts = ud;
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    if (ts[a] != ts[b]) return ts[a] < ts[b] ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* Rank of each article for the hubs: publication time (unknown last),
 * then clustering order.  rank[seq] caller frees. */
static size_t *hub_ranks(const builder *b) {
    size_t *by = px_malloc((b->n ? b->n : 1) * sizeof *by);
    size_t *rank = px_malloc((b->n ? b->n : 1) * sizeof *rank);
    for (size_t seq = 0; seq < b->n; seq++) by[seq] = seq;
    int64_t *ts = px_malloc((b->n ? b->n : 1) * sizeof *ts);
    for (size_t seq = 0; seq < b->n; seq++) {
        int64_t t = b->e[b->order[seq]].ts;
        ts[seq] = t == PX_TIME_NONE ? INT64_MAX : t;
    }
    if (b->n) qsort_r(by, b->n, sizeof *by, cmp_rank, ts);
    for (size_t i = 0; i < b->n; i++) rank[by[i]] = i;
    px_free(ts);
    px_free(by);
    return rank;
}

/* Shared words and best similarity of two fetched texts (px_reuse_pair);
 * 0 words when they share no passage. */
static px_result align_pair(const px_doc *x, const px_doc *y, pairagg *out) {
    px_passage *p = NULL;
    size_t np = 0;
    px_result rc = px_reuse_pair(x, y, NULL, &p, &np);
    for (size_t i = 0; i < np && !rc; i++) {
        out->words += p[i].words;
        if (p[i].similarity > out->sim) out->sim = p[i].similarity;
    }
    px_free(p);
    return rc;
}

/* Copy-graph edges of the hub links (see the top of the file): every
 * link not already a reuse pair whose two texts share a passage. */
static px_result run_hubs(builder *b) {
    if (!b->nfreq) return PX_OK;
    size_t *story = px_malloc(b->n * sizeof *story);
    for (size_t seq = 0; seq < b->n; seq++)
        story[seq] = px_clusterer_story_of(b->c, seq);
    size_t *rank = hub_ranks(b);
    px_story_link *l = NULL;
    size_t nl = px_story_hub_links(b->freq, b->nfreq, story, rank, b->n, &l);
    px_free(rank);
    px_free(story);
    px_free(b->freq);
    b->freq = NULL;
    b->nfreq = 0;
    b->hub = px_malloc((nl ? nl : 1) * sizeof *b->hub);
    px_result rc = PX_OK;
    px_article *fa = NULL;
    px_doc *fd = NULL; /* the text of link source `cur` */
    uint32_t cur = UINT32_MAX;
    for (size_t i = 0; i < nl && !rc; i++) {
        uint32_t x = l[i].from < l[i].to ? l[i].from : l[i].to;
        uint32_t y = l[i].from < l[i].to ? l[i].to : l[i].from;
        pairagg e = {x, y, 0, 0};
        if (b->npairs &&
            bsearch(&e, b->pairs, b->npairs, sizeof *b->pairs, cmp_pairagg))
            continue;           /* the reuse stage has it */
        if (l[i].from != cur) { /* links come sorted by source */
            px_doc_free(fd);
            px_article_free(fa);
            fd = NULL;
            fa = NULL;
            rc = fetch(b, l[i].from, &fa, &fd);
            if (rc) break;
            cur = l[i].from;
        }
        px_article *ta = NULL;
        px_doc *td = NULL;
        rc = fetch(b, l[i].to, &ta, &td);
        if (!rc) rc = align_pair(fd, td, &e);
        if (!rc && e.words) b->hub[b->nhub++] = e;
        px_doc_free(td);
        px_article_free(ta);
        if (i % 256 == 0) progress(b, "copies", i, nl);
    }
    px_doc_free(fd);
    px_article_free(fa);
    px_free(l);
    return rc;
}

/* -------------------------------------------------------------- 6. write */

static px_result exec(builder *b, const char *sql) {
    return sqlite3_exec(px_store_sqlite(b->s), sql, NULL, NULL, NULL)
               ? PX_ERR_STORE
               : PX_OK;
}

static px_result write_members(builder *b) {
    sqlite3_stmt *st;
    px_result rc =
        px_story_sql(b->s, "INSERT INTO story_members VALUES (?, ?, ?)", &st);
    char sid[PX_CLUSTER_ID_LEN];
    for (size_t seq = 0; seq < b->n && !rc; seq++) {
        px_clusterer_story_id(b->c, seq, sid);
        px_story_bind_text(st, 1, b->e[b->order[seq]].id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)seq);
        px_story_bind_text(st, 3, sid);
        if (sqlite3_step(st) != SQLITE_DONE) rc = PX_ERR_STORE;
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return rc;
}

/* The copy-graph rows of pairs[0..n): those within one story. */
static px_result write_pairs(builder *b, sqlite3_stmt *st, const pairagg *pairs,
                             size_t n) {
    px_result rc = PX_OK;
    char sid[PX_CLUSTER_ID_LEN];
    for (size_t i = 0; i < n && !rc; i++) {
        const pairagg *p = &pairs[i];
        if (px_clusterer_story_of(b->c, p->a) !=
            px_clusterer_story_of(b->c, p->b))
            continue;
        const entry *x = &b->e[b->order[p->a]], *y = &b->e[b->order[p->b]];
        int timed =
            x->ts != PX_TIME_NONE && y->ts != PX_TIME_NONE && x->ts != y->ts;
        if (timed && y->ts < x->ts) {
            const entry *t = x;
            x = y;
            y = t;
        }
        px_clusterer_story_id(b->c, p->a, sid);
        px_story_bind_text(st, 1, sid);
        px_story_bind_text(st, 2, x->id);
        px_story_bind_text(st, 3, y->id);
        sqlite3_bind_int64(st, 4, p->words);
        sqlite3_bind_double(st, 5, p->sim);
        sqlite3_bind_int(st, 6, timed);
        if (sqlite3_step(st) != SQLITE_DONE) rc = PX_ERR_STORE;
        sqlite3_reset(st);
    }
    return rc;
}

static px_result write_copies(builder *b) {
    sqlite3_stmt *st;
    px_result rc = px_story_sql(
        b->s, "INSERT INTO story_copies VALUES (?, ?, ?, ?, ?, ?)", &st);
    if (!rc) rc = write_pairs(b, st, b->pairs, b->npairs);
    if (!rc) rc = write_pairs(b, st, b->hub, b->nhub);
    sqlite3_finalize(st);
    return rc;
}

static px_result write_merges(builder *b) {
    sqlite3_stmt *st;
    px_result rc = px_story_sql(
        b->s, "INSERT INTO story_merges VALUES (?, ?, ?, ?, ?)", &st);
    size_t nm;
    const px_cluster_merge *m = px_clusterer_merges(b->c, &nm);
    for (size_t i = 0; i < nm && !rc; i++) {
        sqlite3_bind_int64(st, 1, (sqlite3_int64)i);
        px_story_bind_text(st, 2, m[i].from);
        px_story_bind_text(st, 3, m[i].into);
        px_story_bind_text(st, 4, b->e[b->order[m[i].by]].id);
        sqlite3_bind_int(st, 5, m[i].settled);
        if (sqlite3_step(st) != SQLITE_DONE) rc = PX_ERR_STORE;
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return rc;
}

/* Story rows by SQL over the members just written (and the copies).  An
 * article without an outlet counts as its wire's when it carries a wire
 * credit (a scraped Reuters report names Reuters only in its credit line). */
static px_result write_stories(builder *b) {
    return exec(
        b,
        "INSERT INTO story_stories (id, size, outlets, t_min, t_max)"
        " SELECT m.story, count(*) + coalesce(sum(d.n), 0),"
        "  (SELECT count(DISTINCT o) FROM ("
        "     SELECT coalesce(a2.outlet, a2.wire) AS o FROM story_members m2"
        "       JOIN articles a2 ON a2.id = m2.article WHERE m2.story = m.story"
        "     UNION SELECT d2.outlet FROM story_dups d2 JOIN story_members m3"
        "       ON m3.article = d2.same_as WHERE m3.story = m.story)),"
        "  min(a.published_ts), max(a.published_ts)"
        " FROM story_members m JOIN articles a ON a.id = m.article"
        " LEFT JOIN (SELECT same_as, count(*) AS n FROM story_dups"
        "            GROUP BY same_as) d ON d.same_as = m.article"
        " GROUP BY m.story");
}

typedef struct headrow {
    size_t story, seq;
} headrow;

static int cmp_headrow(const void *x, const void *y) {
    const headrow *a = x, *b = y;
    if (a->story != b->story) return a->story < b->story ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* A headline for a story without titles: the opening words of its first
 * article's cleaned text (px_story_opening). */
static char *opening_words(builder *b, size_t seq) {
    char *clean = NULL;
    size_t len = 0;
    if (px_store_get_clean(b->s, b->e[b->order[seq]].id, &clean, &len))
        return NULL;
    char *h = px_story_opening(clean, len);
    px_free(clean);
    return h;
}

/* The members of one story for px_story_headline: member i is the article
 * of clustering sequence number r[i].seq. */
typedef struct head_members {
    builder *b;
    const headrow *r;
} head_members;

static char *member_text(void *ud, size_t i, size_t *len) {
    head_members *h = ud;
    char *clean = NULL;
    if (px_store_get_clean(h->b->s, h->b->e[h->b->order[h->r[i].seq]].id,
                           &clean, len))
        return NULL;
    return clean;
}

/* Headlines: the medoid of each story's member titles that represent it,
 * else the opening words of its first article. */
static px_result write_headlines(builder *b) {
    headrow *r = px_malloc((b->n ? b->n : 1) * sizeof *r);
    for (size_t seq = 0; seq < b->n; seq++)
        r[seq] = (headrow){px_clusterer_story_of(b->c, seq), seq};
    if (b->n) qsort(r, b->n, sizeof *r, cmp_headrow);
    const char **titles = px_malloc(PX_HEADLINE_TITLES * sizeof *titles);
    sqlite3_stmt *st;
    px_result rc = px_story_sql(
        b->s, "UPDATE story_stories SET headline = ? WHERE id = ?", &st);
    char sid[PX_CLUSTER_ID_LEN];
    for (size_t i = 0; i < b->n && !rc;) {
        size_t j = i, k = 0;
        for (; j < b->n && r[j].story == r[i].story; j++)
            if (k < PX_HEADLINE_TITLES)
                titles[k++] = b->e[b->order[r[j].seq]].title;
        head_members hm = {b, r + i};
        char *h = px_story_headline(titles, k, member_text, &hm);
        if (!h) h = opening_words(b, r[i].seq);
        px_clusterer_story_id(b->c, r[i].seq, sid);
        px_story_bind_text(st, 1, h);
        px_story_bind_text(st, 2, sid);
        if (sqlite3_step(st) != SQLITE_DONE) rc = PX_ERR_STORE;
        sqlite3_reset(st);
        px_free(h);
        i = j;
    }
    sqlite3_finalize(st);
    px_free(titles);
    px_free(r);
    return rc;
}

static px_result write_all(builder *b) {
    px_result rc = px_store_begin(b->s);
    if (rc) return rc;
    rc = exec(b, "DELETE FROM story_members; DELETE FROM story_stories;"
                 "DELETE FROM story_merges; DELETE FROM story_copies;");
    if (!rc) rc = write_members(b);
    if (!rc) rc = write_copies(b);
    if (!rc) rc = write_merges(b);
    if (!rc) rc = write_stories(b);
    if (!rc) rc = write_headlines(b);
    if (rc) {
        px_store_rollback(b->s);
        return rc;
    }
    return px_store_commit(b->s);
}

/* --------------------------------------------------------------- driver */

void px_story_opts_default(px_story_opts *o) {
    *o = (px_story_opts){0};
    px_cluster_opts_default(&o->cluster);
}

static void builder_release(builder *b) {
    for (size_t i = 0; i < b->n; i++) {
        px_free(b->e[i].id);
        px_free(b->e[i].title);
    }
    px_free(b->e);
    px_free(b->old);
    px_free(b->order);
    px_free(b->pairs);
    px_free(b->cf_off);
    px_free(b->cf);
    px_free(b->freq);
    px_free(b->hub);
    px_clusterer_free(b->c);
    px_stemmer_free(b->st);
}

px_result px_story_build(px_store *s, const px_story_opts *o,
                         px_story_stats *stats) {
    px_story_opts defaults;
    if (!o) px_story_opts_default(&defaults);
    builder b = {.s = s, .o = o ? o : &defaults};
    px_result rc = px_story_open(s);
    if (!rc) rc = load_old(&b);
    if (!rc) rc = px_store_each(s, 0, collect_one, &b);
    if (!rc) {
        make_order(&b);
        b.st = px_stemmer_new("en");
        rc = run_reuse(&b);
    }
    if (!rc) rc = run_cluster(&b);
    if (!rc) rc = run_hubs(&b);
    if (!rc) {
        progress(&b, "write", b.n, b.n);
        rc = write_all(&b);
    }
    if (!rc && stats) {
        size_t nm;
        px_clusterer_merges(b.c, &nm);
        *stats = (px_story_stats){b.n, px_clusterer_nstories(b.c), nm,
                                  b.npairs + b.nhub};
    }
    builder_release(&b);
    return rc;
}
