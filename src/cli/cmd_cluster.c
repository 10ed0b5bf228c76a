/*
 * cmd_cluster.c - `parallax cluster [--json] [--threshold X] INPUT...`:
 * group articles into stories (one real-world event each).
 *
 * Articles are clustered in publication order.  Input rarely comes sorted,
 * so a bounded reorder window (a min-heap on (time, input position) holding
 * the features of at most WINDOW articles) releases the earliest article
 * whenever it is full; an article without a time takes the time of the
 * article before it in the input, so it keeps its input position.  Output
 * is in input order: `--json` one {"id","story"} object per article, plain
 * `id<TAB>story` lines otherwise, and on a terminal a summary of the
 * stories instead.  An article with nothing to cluster by (only
 * boilerplate or punctuation left after cleaning) is its own story and is
 * named on stderr; it does not change the exit code.
 */
#include <getopt.h> /* getopt_long */
#include <stdlib.h> /* qsort */
#include <string.h>

#include "cli/cli.h"

#define WINDOW 4096 /* articles held for reordering by time */

static const char help[] =
    "usage: parallax cluster [--json] [--threshold X] [--db PATH] INPUT...\n"
    "Group articles into stories, one real-world event each, in publication\n"
    "order.  INPUT: files, directories, JSON Lines, - for stdin, or stored\n"
    "article ids.\n"
    "  --json          one line per article, in input order:\n"
    "                  {\"id\": ..., \"story\": ...}\n"
    "  --threshold X   similarity needed to join a story (default 0.35)\n"
    "  --db PATH       store for stored ids (default $PARALLAX_DB or\n"
    "                  ./parallax.db)\n"
    "Without --json: id<TAB>story lines, or a summary on a terminal.\n";

typedef struct pending {
    int64_t key; /* ordering key: publication time (inherited when unknown) */
    int64_t ts;  /* publication time, PX_TIME_NONE when unknown */
    size_t idx;  /* input position */
    px_cluster_feats *f;
} pending;

typedef struct job {
    const char *cmd;
    px_clusterer *c;
    px_stemmer *st;
    px_cluster_opts o;
    pending heap[WINDOW];
    size_t nheap;
    char **ids;   /* by input position */
    char **heads; /* by input position: headline (first titles only) */
    size_t *seq;  /* by input position: clusterer sequence number */
    size_t *pos;  /* by clusterer sequence number: input position */
    size_t n, a;
    int64_t last_key;
} job;

/* ---------------------------------------------------------------- heap */

static int pend_less(const pending *x, const pending *y) {
    return x->key < y->key || (x->key == y->key && x->idx < y->idx);
}

static void heap_push(job *j, pending p) {
    size_t i = j->nheap++;
    j->heap[i] = p;
    while (i && pend_less(&j->heap[i], &j->heap[(i - 1) / 2])) {
        pending t = j->heap[i];
        j->heap[i] = j->heap[(i - 1) / 2];
        j->heap[(i - 1) / 2] = t;
        i = (i - 1) / 2;
    }
}

static pending heap_pop(job *j) {
    pending top = j->heap[0];
    j->heap[0] = j->heap[--j->nheap];
    for (size_t i = 0;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < j->nheap && pend_less(&j->heap[l], &j->heap[m])) m = l;
        if (r < j->nheap && pend_less(&j->heap[r], &j->heap[m])) m = r;
        if (m == i) break;
        pending t = j->heap[i];
        j->heap[i] = j->heap[m];
        j->heap[m] = t;
        i = m;
    }
    return top;
}

/* ------------------------------------------------------------ clustering */

static void release_one(job *j) {
    pending p = heap_pop(j);
    px_cluster_result r;
    px_clusterer_add(j->c, j->ids[p.idx], p.f, p.ts, NULL, 0, &r);
    j->seq[p.idx] = r.seq;
    j->pos[r.seq] = p.idx;
    if (!r.is_new) { /* only a story's first article names it */
        px_free(j->heads[p.idx]);
        j->heads[p.idx] = NULL;
    }
    px_cluster_feats_free(p.f);
}

static char *headline(const px_article *a) {
    const char *s = a->title && *a->title ? a->title : a->text;
    char *h = px_story_opening(s, strlen(s));
    return h ? h : px_strdup("");
}

/* Read, featurise and queue one article. */
static px_result take(job *j, const px_article *a) {
    px_doc *d = NULL;
    px_doc_opts dopts = {0, a->title, a->outlet, NULL};
    px_result rc = px_doc_new(a->text, a->text_len, &dopts, &d);
    if (rc) return rc;
    px_cluster_feats *f = NULL;
    rc = px_cluster_feats_new(d, a->title, j->st, &j->o, &f);
    px_doc_free(d);
    if (rc) return rc;
    if (!px_cluster_feats_count(f))
        cli_err(j->cmd,
                "%s: \"%s\" has no words to cluster by (nothing left after "
                "cleaning); a story of its own",
                a->origin ? a->origin : a->id, a->id);
    if (j->n == j->a) {
        j->a = j->a ? j->a * 2 : 1024;
        j->ids = px_realloc(j->ids, j->a * sizeof *j->ids);
        j->heads = px_realloc(j->heads, j->a * sizeof *j->heads);
        j->seq = px_realloc(j->seq, j->a * sizeof *j->seq);
        j->pos = px_realloc(j->pos, j->a * sizeof *j->pos);
    }
    size_t idx = j->n++;
    j->ids[idx] = px_strdup(a->id);
    j->heads[idx] = headline(a);
    if (a->published_ts != PX_TIME_NONE) j->last_key = a->published_ts;
    if (j->nheap == WINDOW) release_one(j);
    heap_push(j, (pending){j->last_key, a->published_ts, idx, f});
    return PX_OK;
}

/* --------------------------------------------------------------- output */

static void print_articles(const job *j, int json) {
    px_buf out = PX_BUF_INIT;
    char sid[PX_CLUSTER_ID_LEN];
    for (size_t i = 0; i < j->n; i++) {
        px_clusterer_story_id(j->c, j->seq[i], sid);
        if (json) {
            px_buf_puts(&out, "{\"id\": ");
            px_buf_json_str(&out, j->ids[i], strlen(j->ids[i]));
            px_buf_printf(&out, ", \"story\": \"%s\"}\n", sid);
        } else {
            px_buf_printf(&out, "%s\t%s\n", j->ids[i], sid);
        }
        if (out.len > 65536) cli_flush(&out);
    }
    cli_flush(&out);
    px_buf_release(&out);
}

typedef struct story_row {
    size_t story, size, first; /* first: input position of first member */
} story_row;

static int cmp_row(const void *a, const void *b) {
    const story_row *x = a, *y = b;
    if (x->size != y->size) return x->size > y->size ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

/* Stories by size, each with its first article's headline. */
static void print_summary(const job *j) {
    size_t nst = 0, nseq = px_clusterer_count(j->c);
    story_row *rows = px_calloc(nseq ? nseq : 1, sizeof *rows);
    size_t *row_of = px_malloc((nseq ? nseq : 1) * sizeof *row_of);
    for (size_t s = 0; s < nseq; s++) row_of[s] = SIZE_MAX;
    for (size_t i = 0; i < j->n; i++) {
        size_t s = px_clusterer_story_of(j->c, j->seq[i]);
        if (row_of[s] == SIZE_MAX)
            rows[row_of[s] = nst++] = (story_row){s, 0, i};
        story_row *r = &rows[row_of[s]];
        r->size++;
        if (j->heads[i] && !j->heads[r->first]) r->first = i;
    }
    qsort(rows, nst, sizeof *rows, cmp_row);
    printf("%zu articles in %zu stories\n", j->n, nst);
    char sid[PX_CLUSTER_ID_LEN];
    for (size_t k = 0; k < nst; k++) {
        px_clusterer_story_id(j->c, j->seq[rows[k].first], sid);
        const char *h = j->heads[rows[k].first];
        printf("%s  %5zu  %s\n", sid, rows[k].size, h ? h : "");
    }
    size_t nm;
    const px_cluster_merge *m = px_clusterer_merges(j->c, &nm);
    for (size_t k = 0; k < nm; k++)
        printf("merged %s into %s (%s %s)\n", m[k].from, m[k].into,
               m[k].settled ? "settling; its first article" : "article",
               j->ids[j->pos[m[k].by]]);
    px_free(rows);
    px_free(row_of);
}

static void job_release(job *j) {
    while (j->nheap) px_cluster_feats_free(heap_pop(j).f);
    for (size_t i = 0; i < j->n; i++) {
        px_free(j->ids[i]);
        px_free(j->heads[i]);
    }
    px_free(j->ids);
    px_free(j->heads);
    px_free(j->seq);
    px_free(j->pos);
    px_clusterer_free(j->c);
    px_stemmer_free(j->st);
}

/* -------------------------------------------------------------- command */

static int parse_args(int argc, char **argv, int *json, const char **db,
                      px_cluster_opts *o) {
    static const struct option opts[] = {
        {"json", no_argument, 0, 'j'},
        {"threshold", required_argument, 0, 't'},
        {"db", required_argument, 0, 'd'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int c;
    optind = 1;
    while ((c = cli_getopt(argc, argv, "jt:d:h", opts)) != -1) {
        switch (c) {
        case 'j': *json = 1; break;
        case 'd': *db = optarg; break;
        case 't':
            if (cli_fraction(argv[0], "threshold", optarg, 0, &o->threshold))
                return PX_EXIT_USAGE;
            break;
        case 'h': fputs(help, stdout); return -1;
        default: fputs(help, stderr); return PX_EXIT_USAGE;
        }
    }
    return 0;
}

int px_cmd_cluster(int argc, char **argv) {
    job *j = px_calloc(1, sizeof *j); /* large: the reorder window */
    int json = 0;
    const char *db = NULL;
    px_cluster_opts_default(&j->o);
    j->cmd = argv[0];
    j->last_key = PX_TIME_NONE;
    int rc = parse_args(argc, argv, &json, &db, &j->o);
    cli_input *in = NULL;
    if (rc || cli_input_open(argv[0], argv + optind, argc - optind, db, &in)) {
        px_free(j);
        return rc < 0 ? PX_EXIT_OK : rc ? rc : PX_EXIT_FAIL;
    }
    j->st = px_stemmer_new("en");
    px_clusterer_new(&j->o, &j->c);
    px_article *a;
    int bad = 0;
    while ((a = cli_input_next(in))) {
        px_result r = take(j, a);
        if (r) {
            cli_err(argv[0], "%s: %s", a->origin ? a->origin : a->id,
                    px_result_str(r));
            bad = 1;
        }
        px_article_free(a);
    }
    while (j->nheap) release_one(j);
    px_clusterer_settle(j->c);
    if (!json && cli_isatty(stdout))
        print_summary(j);
    else
        print_articles(j, json);
    rc = cli_input_nerrors(in) || bad ? PX_EXIT_PARTIAL : PX_EXIT_OK;
    cli_input_free(in);
    job_release(j);
    px_free(j);
    return rc;
}
