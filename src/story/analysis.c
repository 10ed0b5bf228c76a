/*
 * analysis.c - the stored analysis of each story (see
 * parallax/story_analysis.h): claim comparison and alignments computed once
 * by `parallax run`, read back by the views.
 *
 * One in-memory form, px_story_result (story_int.h), serves both ways: it
 * is filled from a px_compare (compute) or from the tables (load), and the
 * views render only from it, so a stored story and a computed one print
 * the same bytes.  The freshness key hashes (XXH3-64) the stored members
 * in clustering order with their content hashes and their outlets' size
 * classes; a story is recomputed exactly when that key changed.
 *
 * Work goes in batches of PX_STORY_ANALYZE_BATCH stale stories: the
 * calling thread reads their sources from the store, PX_STORY_THREADS
 * threads clean, compare and align them (each px_compare has its own
 * stemmer and stem memo, and the alignments to the first source reuse the
 * comparison's prepared sides; the learned px_boiler is read-only and
 * shared), then the calling thread writes the batch in one transaction.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h> /* snprintf */
#include <string.h>
#include <xxhash.h>

#include "core/array.h"
#include "parallax/clean.h"
#include "parallax/compare.h"
#include "parallax/story_analysis.h"
#include "story/story_int.h"

#define ANALYSIS_VERSION 1 /* bump when the computed result changes */
#define PX_STORY_THREADS 2 /* comparing threads (the caller's included) */

/* ------------------------------------------------------------ the key */

/* Size class of an outlet's article count: 0 for none, else bit length. */
static unsigned char size_class(sqlite3_int64 docs) {
    unsigned char c = 0;
    while (docs > 0) {
        c++;
        docs >>= 1;
    }
    return c;
}

px_result px_story_key(px_store *s, const char *id, char key[17]) {
    sqlite3_stmt *st;
    px_result rc =
        px_story_query(s,
                       "SELECT m.article, a.hash, o.docs FROM story_members m"
                       "  JOIN articles a ON a.id = m.article"
                       "  LEFT JOIN story_outlets o ON o.outlet = a.outlet"
                       "  WHERE m.story = ? ORDER BY m.seq",
                       id, &st);
    if (rc) return rc;
    XXH3_state_t *h = XXH3_createState();
    XXH3_64bits_reset_withSeed(h, ANALYSIS_VERSION);
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        XXH3_64bits_update(h, sqlite3_column_text(st, 0),
                           (size_t)sqlite3_column_bytes(st, 0) + 1);
        XXH3_64bits_update(h, sqlite3_column_blob(st, 1),
                           (size_t)sqlite3_column_bytes(st, 1));
        unsigned char cls = size_class(sqlite3_column_int64(st, 2));
        XXH3_64bits_update(h, &cls, 1);
    }
    snprintf(key, 17, "%016llx", (unsigned long long)XXH3_64bits_digest(h));
    XXH3_freeState(h);
    sqlite3_finalize(st);
    return r == SQLITE_DONE ? PX_OK : PX_ERR_STORE;
}

/* ------------------------------------------------------------ sources */

typedef struct srcset {
    px_article *art[PX_STORY_COMPARE_MAX];
    px_doc *doc[PX_STORY_COMPARE_MAX];
    px_compare_src src[PX_STORY_COMPARE_MAX];
    size_t n;
} srcset;

static void srcs_release(srcset *ss) {
    for (size_t i = 0; i < ss->n; i++) {
        px_doc_free(ss->doc[i]);
        px_article_free(ss->art[i]);
    }
    ss->n = 0;
}

/* Read source id from the store (its doc is made by srcs_docs). */
static px_result srcs_read(px_store *s, const char *id, srcset *ss) {
    px_article *a = NULL;
    px_result rc = px_store_get(s, id, &a);
    if (rc) {
        px_article_free(a);
        return rc;
    }
    ss->doc[ss->n] = NULL;
    ss->art[ss->n++] = a;
    return PX_OK;
}

/* Read the first PX_STORY_COMPARE_MAX stored members in clustering order
 * (on failure, those before the failing one stay read). */
static px_result srcs_load(px_store *s, const char *id, srcset *ss) {
    sqlite3_stmt *st;
    px_result rc = px_story_query(s,
                                  "SELECT article FROM story_members"
                                  " WHERE story = ? ORDER BY seq LIMIT ?",
                                  id, &st);
    if (rc) return rc;
    sqlite3_bind_int(st, 2, PX_STORY_COMPARE_MAX);
    int r;
    while (!rc && (r = sqlite3_step(st)) == SQLITE_ROW)
        rc = srcs_read(s, px_story_col(st, 0), ss);
    if (!rc && r != SQLITE_DONE) rc = PX_ERR_STORE;
    sqlite3_finalize(st);
    return rc;
}

/* The cleaned views of the read sources, in order, with the learned
 * boilerplate b (no store access: any thread).  A source that cannot be
 * used (say over a size cap), or read_rc, the failure that stopped the
 * reading after them, fails the comparison of the story (noted in r->rc,
 * nothing compared), not the run. */
static void srcs_docs(srcset *ss, const px_boiler *b, px_result read_rc,
                      px_story_result *r) {
    px_result rc = PX_OK;
    for (size_t i = 0; !rc && i < ss->n; i++) {
        px_article *a = ss->art[i];
        px_doc_opts o = {0, a->title, a->outlet, b};
        rc = px_doc_new(a->text, a->text_len, &o, &ss->doc[i]);
        if (rc)
            ss->doc[i] = NULL;
        else
            ss->src[i] = (px_compare_src){ss->doc[i], a};
    }
    if (!rc) rc = read_rc;
    if (!rc) return;
    srcs_release(ss);
    r->rc = rc;
}

/* Read the sources; only store errors are returned, any other failure
 * to read is kept in *read_rc for srcs_docs. */
static px_result srcs_load_or_note(px_store *s, const char *id, srcset *ss,
                                   px_result *read_rc) {
    px_result rc = srcs_load(s, id, ss);
    *read_rc = rc == PX_ERR_STORE ? PX_OK : rc;
    return rc == PX_ERR_STORE ? rc : PX_OK;
}

/* ------------------------------------------------------------- result */

void px_story_result_release(px_story_result *r) {
    px_free(r->json);
    px_free(r->text);
    px_free(r->text_color);
    for (size_t i = 0; i < r->nf; i++) {
        px_story_finding *f = &r->f[i];
        px_free(f->type);
        px_free(f->kind);
        px_free(f->summary);
        px_free(f->articles);
    }
    px_free(r->f);
    *r = (px_story_result){0};
}

static char *render(const px_compare *c, int fmt) {
    px_buf b = PX_BUF_INIT;
    if (fmt < 0)
        px_compare_to_json(c, &b);
    else
        px_compare_to_text(c, fmt, &b);
    px_buf_putc(&b, 0);
    return px_buf_detach(&b, NULL);
}

/* The sources on each side of a finding: "a, b | c" (bit k of sides[s] =
 * source k). */
static char *side_ids(const px_finding *f, const srcset *ss) {
    px_buf b = PX_BUF_INIT;
    const char *sep = "";
    for (int s = 0; s < 2; s++) {
        for (size_t k = 0; k < ss->n; k++) {
            if (!(f->sides[s] >> k & 1)) continue;
            px_buf_printf(&b, "%s%s", sep, ss->art[k]->id);
            sep = ", ";
        }
        sep = " | ";
    }
    px_buf_putc(&b, 0);
    return px_buf_detach(&b, NULL);
}

static void result_fill(const px_compare *c, const srcset *ss,
                        px_story_result *r) {
    r->json = render(c, -1);
    r->text = render(c, 0);
    r->text_color = render(c, 1);
    size_t n = 0;
    const px_finding *f = px_compare_findings(c, &n);
    r->f = px_calloc(n ? n : 1, sizeof *r->f);
    r->nf = n;
    for (size_t i = 0; i < n; i++) {
        char *ids = side_ids(&f[i], ss);
        r->f[i] = (px_story_finding){px_strdup(px_finding_type_str(f[i].type)),
                                     px_strdup(px_finding_kind_str(f[i].kind)),
                                     px_strdup(f[i].summary), ids};
    }
}

/* Compare the loaded sources into r (r->rc on failure). */
static px_compare *result_from(const srcset *ss, px_story_result *r) {
    px_compare *c = NULL;
    r->nsrc = ss->n;
    if (ss->n < 2) return NULL;
    px_compare_opts co = {NULL, 0, 0};
    r->rc = px_compare_new(ss->src, ss->n, &co, &c);
    if (!r->rc) result_fill(c, ss, r);
    return c;
}

px_result px_story_result_compute(px_store *s, const char *id,
                                  const px_boiler *b, px_story_result *r) {
    srcset ss = {0};
    px_result read_rc;
    px_result rc = srcs_load_or_note(s, id, &ss, &read_rc);
    if (!rc) srcs_docs(&ss, b, read_rc, r);
    if (!rc) px_compare_free(result_from(&ss, r));
    srcs_release(&ss);
    return rc;
}

/* Findings of a stored story into r. */
static px_result findings_load(px_store *s, const char *id,
                               px_story_result *r) {
    sqlite3_stmt *st;
    px_result rc = px_story_query(s,
                                  "SELECT type, kind, summary, articles"
                                  " FROM story_findings WHERE story = ?"
                                  " ORDER BY n",
                                  id, &st);
    if (rc) return rc;
    size_t cap = 0;
    int q;
    while ((q = sqlite3_step(st)) == SQLITE_ROW) {
        r->f = px_array_grow(r->f, &cap, r->nf + 1, 16, sizeof *r->f);
        r->f[r->nf++] = (px_story_finding){
            px_strdup(px_story_col(st, 0)), px_strdup(px_story_col(st, 1)),
            px_strdup(px_story_col(st, 2)), px_strdup(px_story_col(st, 3))};
    }
    sqlite3_finalize(st);
    return q == SQLITE_DONE ? PX_OK : PX_ERR_STORE;
}

px_result px_story_result_load(px_store *s, const char *id,
                               px_story_result *r) {
    char key[17];
    px_result rc = px_story_key(s, id, key);
    sqlite3_stmt *st;
    if (!rc)
        rc = px_story_query(s,
                            "SELECT sources, json, text, text_color,"
                            " error FROM story_analysis"
                            " WHERE story = ? AND key = ?",
                            id, &st);
    if (rc) return rc;
    px_story_bind_text(st, 2, key);
    int q = sqlite3_step(st);
    if (q == SQLITE_ROW) {
        r->nsrc = (size_t)sqlite3_column_int64(st, 0);
        r->json = px_strdup(px_story_col(st, 1));
        r->text = px_strdup(px_story_col(st, 2));
        r->text_color = px_strdup(px_story_col(st, 3));
        r->rc = (px_result)sqlite3_column_int(st, 4);
    }
    sqlite3_finalize(st);
    if (q != SQLITE_ROW)
        return q == SQLITE_DONE ? PX_ERR_NOTFOUND : PX_ERR_STORE;
    return findings_load(s, id, r);
}

int px_story_analysis_fresh(px_store *s, const char *id) {
    px_story_result r = {0};
    px_result rc = px_story_result_load(s, id, &r);
    px_story_result_release(&r);
    return rc == PX_OK;
}

/* ------------------------------------------------------------- writes */

static px_result exec1(px_store *s, const char *sql, const char *id) {
    sqlite3_stmt *st;
    px_result rc = px_story_query(s, sql, id, &st);
    if (rc) return rc;
    rc = sqlite3_step(st) == SQLITE_DONE ? PX_OK : PX_ERR_STORE;
    sqlite3_finalize(st);
    return rc;
}

/* Run a prepared insert whose values are bound; reset it for the next. */
static px_result step_reset(sqlite3_stmt *st) {
    px_result rc = sqlite3_step(st) == SQLITE_DONE ? PX_OK : PX_ERR_STORE;
    sqlite3_reset(st);
    return rc;
}

static char *evidence_json(const px_finding *f, const srcset *ss) {
    px_buf b = PX_BUF_INIT;
    px_buf_putc(&b, '[');
    for (size_t k = 0; k < f->nev; k++) {
        const char *id = ss->art[f->ev[k].article]->id;
        px_buf_puts(&b, k ? ", {\"article\": " : "{\"article\": ");
        px_buf_json_str(&b, id, strlen(id));
        px_buf_printf(&b, ", \"start\": %zu, \"end\": %zu}",
                      f->ev[k].span.start, f->ev[k].span.end);
    }
    px_buf_puts(&b, "]");
    px_buf_putc(&b, 0);
    return px_buf_detach(&b, NULL);
}

static px_result findings_write(px_store *s, const char *id,
                                const px_compare *c, const srcset *ss,
                                const px_story_result *r) {
    sqlite3_stmt *st;
    px_result rc = px_story_sql(s,
                                "INSERT INTO story_findings VALUES"
                                " (?, ?, ?, ?, ?, ?, ?)",
                                &st);
    if (rc) return rc;
    size_t n = 0;
    const px_finding *f = c ? px_compare_findings(c, &n) : NULL;
    for (size_t i = 0; !rc && i < r->nf && i < n; i++) {
        char *ev = evidence_json(&f[i], ss);
        const px_story_finding *x = &r->f[i];
        px_story_bind_text(st, 1, id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        const char *v[] = {x->type, x->kind, x->summary, x->articles, ev};
        for (int k = 0; k < 5; k++) px_story_bind_text(st, k + 3, v[k]);
        rc = step_reset(st);
        px_free(ev);
    }
    sqlite3_finalize(st);
    return rc;
}

static px_result result_write(px_store *s, const char *id, const char *key,
                              const px_story_result *r) {
    sqlite3_stmt *st;
    px_result rc = px_story_query(s,
                                  "INSERT OR REPLACE INTO story_analysis"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?)",
                                  id, &st);
    if (rc) return rc;
    px_story_bind_text(st, 2, key);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)r->nsrc);
    px_story_bind_text(st, 4, r->json);
    px_story_bind_text(st, 5, r->text);
    px_story_bind_text(st, 6, r->text_color);
    sqlite3_bind_int(st, 7, (int)r->rc);
    rc = step_reset(st);
    sqlite3_finalize(st);
    return rc;
}

static char *pairs_json(const px_align *al) {
    px_buf b = PX_BUF_INIT;
    px_buf_putc(&b, '[');
    for (size_t i = 0; i < px_align_npairs(al); i++) {
        const px_align_pair *p = px_align_get_pair(al, i);
        px_buf_printf(&b, "%s[%zu, %zu, %zu, %zu, %.4f]", i ? ", " : "",
                      p->a_span.start, p->a_span.end, p->b_span.start,
                      p->b_span.end, p->score);
    }
    px_buf_putc(&b, ']');
    px_buf_putc(&b, 0);
    return px_buf_detach(&b, NULL);
}

/* ---------------------------------------------------------------- jobs */

/* One stale story of a batch: loaded and written by the calling thread,
 * compared and aligned by any worker. */
typedef struct job {
    char *id;
    char key[17];
    px_result read_rc; /* reading failed after ss.n sources (not the store) */
    srcset ss;         /* read by the calling thread, docs made by the worker */
    const px_boiler *b;
    px_story_result r;
    px_compare *c;
    px_align *al[PX_STORY_COMPARE_MAX];       /* al[i]: source i to source 0 */
    px_align_side *own[PX_STORY_COMPARE_MAX]; /* sides not from c */
} job;

/* Does an article of language lang get the English stemmer when aligned
 * without a language (NULL, "", "en", "en-GB")? */
static int english(const char *lang) {
    return !lang || !lang[0] ||
           (!strncmp(lang, "en", 2) && (!lang[2] || lang[2] == '-'));
}

/* The alignment side of source i: the comparison's (built with English)
 * when the article's own language gives the same one, else built once
 * here (NULL when it cannot be). */
static const px_align_side *job_side(job *j, size_t i) {
    if (j->c && english(j->ss.art[i]->lang)) return px_compare_side(j->c, i);
    if (!j->own[i] &&
        px_align_side_new(j->ss.doc[i], j->ss.art[i], NULL, &j->own[i]))
        j->own[i] = NULL;
    return j->own[i];
}

/* The comparison, then each source aligned to source 0 (sentence pairs
 * only), reusing the comparison's sides: no source is prepared twice. */
static void job_compute(job *j) {
    srcs_docs(&j->ss, j->b, j->read_rc, &j->r);
    j->c = result_from(&j->ss, &j->r);
    px_align_opts ao = {0};
    ao.no_words = 1;
    const px_align_side *a = j->ss.n > 1 ? job_side(j, 0) : NULL;
    for (size_t i = 1; a && i < j->ss.n; i++) {
        const px_align_side *b = job_side(j, i);
        if (!b || px_align_new(a, b, &ao, &j->al[i]))
            j->al[i] = NULL; /* an unalignable pair has no row */
    }
}

static void job_release(job *j) {
    for (size_t i = 0; i < PX_STORY_COMPARE_MAX; i++) px_align_free(j->al[i]);
    for (size_t i = 0; i < PX_STORY_COMPARE_MAX; i++)
        px_align_side_free(j->own[i]);
    px_compare_free(j->c);
    px_story_result_release(&j->r);
    srcs_release(&j->ss);
    px_free(j->id);
}

typedef struct pool {
    job *jobs;
    size_t n;
    atomic_size_t next;
} pool;

static void *pool_work(void *ud) {
    pool *p = ud;
    size_t i;
    while ((i = atomic_fetch_add(&p->next, 1)) < p->n) job_compute(&p->jobs[i]);
    return NULL;
}

/* Compute every job on PX_STORY_THREADS threads (the caller's included). */
static void pool_run(job *jobs, size_t n) {
    pool p = {jobs, n, 0};
    pthread_t t[PX_STORY_THREADS - 1];
    size_t started = 0;
    while (started < PX_STORY_THREADS - 1 && started + 1 < n &&
           !pthread_create(&t[started], NULL, pool_work, &p))
        started++;
    pool_work(&p);
    for (size_t i = 0; i < started; i++) pthread_join(t[i], NULL);
}

/* -------------------------------------------------------- alignment rows */

static px_result align_write(sqlite3_stmt *st, const job *j, size_t i) {
    const px_align *al = j->al[i];
    const px_direction *d = px_align_direction(al);
    char *pairs = pairs_json(al);
    px_story_bind_text(st, 1, j->id);
    px_story_bind_text(st, 2, j->ss.art[0]->id);
    px_story_bind_text(st, 3, j->ss.art[i]->id);
    px_story_bind_text(st, 4, px_dir_name(d->dir));
    sqlite3_bind_double(st, 5, d->confidence);
    sqlite3_bind_double(st, 6, px_align_coverage(al, 0));
    sqlite3_bind_double(st, 7, px_align_coverage(al, 1));
    px_story_bind_text(st, 8, pairs);
    px_result rc = step_reset(st);
    px_free(pairs);
    return rc;
}

static px_result alignments_write(px_store *s, const job *j) {
    sqlite3_stmt *st;
    px_result rc = px_story_sql(s,
                                "INSERT INTO story_alignment VALUES"
                                " (?, ?, ?, ?, ?, ?, ?, ?)",
                                &st);
    for (size_t i = 1; !rc && i < j->ss.n; i++)
        if (j->al[i]) rc = align_write(st, j, i);
    sqlite3_finalize(st);
    return rc;
}

static px_result rows_clear(px_store *s, const char *id) {
    static const char *const del[] = {
        "DELETE FROM story_analysis WHERE story = ?",
        "DELETE FROM story_findings WHERE story = ?",
        "DELETE FROM story_alignment WHERE story = ?"};
    px_result rc = PX_OK;
    for (size_t i = 0; !rc && i < 3; i++) rc = exec1(s, del[i], id);
    return rc;
}

/* Replace the rows of a computed story. */
static px_result job_write(px_store *s, const job *j) {
    px_result rc = rows_clear(s, j->id);
    if (!rc) rc = result_write(s, j->id, j->key, &j->r);
    if (!rc) rc = findings_write(s, j->id, j->c, &j->ss, &j->r);
    if (!rc) rc = alignments_write(s, j);
    return rc;
}

/* Is the stored key of story id equal to key? */
static int key_stored(px_store *s, const char *id, const char *key) {
    sqlite3_stmt *st;
    if (px_story_query(s,
                       "SELECT 1 FROM story_analysis WHERE story = ?"
                       " AND key = ?",
                       id, &st))
        return 0;
    px_story_bind_text(st, 2, key);
    int yes = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return yes;
}

static int take_id(void *ud, const px_story_info *st) {
    px_buf *ids = ud;
    px_buf_append(ids, st->id, strlen(st->id) + 1);
    return 0;
}

static px_result drop_gone(px_store *s) {
    static const char *const sql[] = {
        "DELETE FROM story_analysis WHERE story NOT IN"
        " (SELECT id FROM story_stories)",
        "DELETE FROM story_findings WHERE story NOT IN"
        " (SELECT id FROM story_stories)",
        "DELETE FROM story_alignment WHERE story NOT IN"
        " (SELECT id FROM story_stories)"};
    px_result rc = PX_OK;
    for (size_t i = 0; !rc && i < 3; i++)
        rc = sqlite3_exec(px_store_sqlite(s), sql[i], NULL, NULL, NULL)
                 ? PX_ERR_STORE
                 : PX_OK;
    return rc;
}

/* Learn the boilerplate and drop rows of stories that are gone: one
 * transaction before the batches (the keys read story_outlets). */
static px_result prepare(px_store *s, px_boiler **b) {
    px_result rc = px_store_begin(s);
    if (rc) return rc;
    rc = px_story_boiler_learn(s, b);
    if (!rc) rc = drop_gone(s);
    if (rc)
        px_store_rollback(s);
    else
        rc = px_store_commit(s);
    return rc;
}

/* Queue story id into jobs[*n] unless fresh. */
static px_result job_add(px_store *s, const char *id, const px_boiler *b,
                         job *jobs, size_t *n, px_story_analysis_stats *st) {
    job *j = &jobs[*n];
    *j = (job){0};
    px_result rc = px_story_key(s, id, j->key);
    st->stories++;
    if (rc) return rc;
    if (key_stored(s, id, j->key)) {
        st->fresh++;
        return PX_OK;
    }
    j->id = px_strdup(id);
    (*n)++;
    j->b = b;
    return srcs_load_or_note(s, id, &j->ss, &j->read_rc);
}

/* Compute and write one batch of jobs in one transaction. */
static px_result batch_finish(px_store *s, job *jobs, size_t n,
                              px_story_analysis_stats *st) {
    pool_run(jobs, n);
    px_result rc = n ? px_store_begin(s) : PX_OK;
    for (size_t i = 0; !rc && i < n; i++) {
        rc = job_write(s, &jobs[i]);
        st->computed++;
        if (jobs[i].r.rc) st->failed++;
    }
    if (n && rc)
        px_store_rollback(s);
    else if (n)
        rc = px_store_commit(s);
    return rc;
}

px_result px_story_analyze(px_store *s, px_story_progress_fn progress, void *ud,
                           px_story_analysis_stats *stats) {
    px_story_analysis_stats tmp = {0};
    if (!stats) stats = &tmp;
    *stats = (px_story_analysis_stats){0};
    px_buf ids = PX_BUF_INIT;
    px_boiler *b = NULL;
    job jobs[PX_STORY_ANALYZE_BATCH];
    size_t total = 0, n = 0;
    px_result rc = px_story_open(s);
    if (!rc) rc = px_story_each(s, NULL, take_id, &ids);
    for (size_t i = 0; i < ids.len; i += strlen(ids.data + i) + 1) total++;
    if (!rc) rc = prepare(s, &b);
    for (size_t i = 0; !rc && i < ids.len; i += strlen(ids.data + i) + 1) {
        rc = job_add(s, ids.data + i, b, jobs, &n, stats);
        if (!rc && (n == PX_STORY_ANALYZE_BATCH || stats->stories == total)) {
            rc = batch_finish(s, jobs, n, stats);
            for (size_t k = 0; k < n; k++) job_release(&jobs[k]);
            n = 0;
        }
        if (progress) progress(ud, "compare", stats->stories, total);
    }
    for (size_t k = 0; k < n; k++) job_release(&jobs[k]);
    px_boiler_free(b);
    px_buf_release(&ids);
    return rc;
}
