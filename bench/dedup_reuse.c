/*
 * dedup_reuse.c - benchmark helper for `parallax dedup` / `parallax reuse`:
 * a seeded corpus generator with planted near-duplicates and planted edited
 * passages (ground truth included), and timed, evaluated runs of the
 * library stages.  Driven by bench/bench_dedup.sh and bench/bench_reuse.sh.
 *
 *   dedup_reuse gen DOCS DIR     write DIR/corpus.jsonl + truth_*.tsv
 *   dedup_reuse sig DOCS         signature throughput (k=128, 300 words)
 *   dedup_reuse dedup DOCS       dedup pipeline, recall/precision
 *   dedup_reuse reuse DOCS       reuse pipeline, recall/precision
 *   dedup_reuse stream DOCS      add 1,000 articles to a DOCS index
 *
 * Corpus: words follow a Zipf law (s = 1) over a vocabulary ranked by
 * frequency: the words of ../shared/data/ecbplus/dev.jsonl when present,
 * then synthetic words up to VOCAB.  Sentences of 12-28 words, paragraphs
 * of 3-6 sentences.  Planted with a fixed seed:
 *   near-duplicates  5% of documents copy an earlier plain document with a
 *                    word substitution rate from a fixed ladder (shingle
 *                    Jaccard from 1.0 down to about 0.4);
 *   passages         2% of documents receive 60-150 words of another plain
 *                    document at a sentence boundary, edited at 16%: 10%
 *                    substitutions, 3% deletions, 3% insertions.
 * Documents in planted pairs take part in nothing else, so the truth is
 * complete: any other report is a false positive.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h> /* getrusage */
#include <time.h>
#include <unistd.h> /* close */

#include "parallax.h"

#define VOCAB 100000
#define SEED  20251202u

/* ================================================================ random */

static uint64_t rnd(uint64_t *s) {
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 0x2545F4914F6CDD1DULL;
}

static unsigned rnd_in(uint64_t *s, unsigned lo, unsigned hi) {
    return lo + (unsigned)(rnd(s) % (hi - lo + 1));
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* CPU time of the calling thread: per-core rates on a shared machine. */
static double cpu_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* CPU time of the whole process, every thread. */
static double cpu_process(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static double peak_rss_mb(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024.0;
}

/* ============================================================ vocabulary */

typedef struct vocab {
    char **word;
    double *cdf;
    size_t n;
} vocab;

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct wcount {
    char *w;
    size_t n;
} wcount;

static int cmp_count(const void *a, const void *b) {
    const wcount *x = a, *y = b;
    return x->n != y->n ? (x->n < y->n ? 1 : -1) : strcmp(x->w, y->w);
}

/* Distinct lower-case words of a file, most frequent first. */
static size_t real_words(const char *path, char **out, size_t max) {
    FILE *f = path ? fopen(path, "rb") : NULL;
    if (!f) return 0;
    size_t n = 0, a = 1 << 16;
    char **all = malloc(a * sizeof *all), w[64];
    int c, k = 0;
    while ((c = fgetc(f)) != EOF) {
        if (isalpha(c) && k < 63) {
            w[k++] = (char)tolower(c);
            continue;
        }
        if (k >= 2) {
            if (n == a) all = realloc(all, (a *= 2) * sizeof *all);
            w[k] = 0;
            all[n++] = strdup(w);
        }
        k = 0;
    }
    fclose(f);
    qsort(all, n, sizeof *all, cmp_str);
    wcount *wc = malloc((n ? n : 1) * sizeof *wc);
    size_t u = 0;
    for (size_t i = 0; i < n; i++) {
        if (u && !strcmp(wc[u - 1].w, all[i])) {
            wc[u - 1].n++;
            free(all[i]);
        } else
            wc[u++] = (wcount){all[i], 1};
    }
    qsort(wc, u, sizeof *wc, cmp_count);
    size_t m = u < max ? u : max;
    for (size_t i = 0; i < u; i++) {
        if (i < m)
            out[i] = wc[i].w;
        else
            free(wc[i].w);
    }
    free(wc);
    free(all);
    return m;
}

static void vocab_init(vocab *v, const char *path) {
    v->word = malloc(VOCAB * sizeof *v->word);
    v->n = real_words(path, v->word, VOCAB);
    for (size_t i = v->n; i < VOCAB; i++) { /* synthetic tail */
        char w[16];
        size_t k = i, m = 0;
        w[m++] = 'z';
        do {
            w[m++] = (char)('a' + k % 26);
            k /= 26;
        } while (k);
        w[m++] = 'q';
        w[m] = 0;
        v->word[i] = strdup(w);
    }
    v->n = VOCAB;
    v->cdf = malloc(VOCAB * sizeof *v->cdf);
    double s = 0;
    for (size_t i = 0; i < VOCAB; i++) v->cdf[i] = s += 1.0 / (double)(i + 1);
}

static uint32_t vocab_draw(const vocab *v, uint64_t *s) {
    double u = (rnd(s) >> 11) * (1.0 / 9007199254740992.0) * v->cdf[v->n - 1];
    size_t lo = 0, hi = v->n - 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v->cdf[mid] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (uint32_t)lo;
}

static void vocab_free(vocab *v) {
    for (size_t i = 0; i < v->n; i++) free(v->word[i]);
    free(v->word);
    free(v->cdf);
}

/* ============================================================= generator */

typedef struct wlist {
    uint32_t *w;
    size_t n, a;
} wlist;

static void wl_push(wlist *l, uint32_t w) {
    if (l->n == l->a)
        l->w = realloc(l->w, (l->a = l->a ? l->a * 2 : 512) * sizeof *l->w);
    l->w[l->n++] = w;
}

typedef struct planted {
    uint32_t src, dst;
    size_t s_from, s_to, d_from, d_to; /* word ranges */
    px_span s_span, d_span;            /* byte spans, after rendering */
} planted;

typedef struct dup_truth {
    uint32_t base, copy;
    double rate;
} dup_truth;

typedef struct corpus_gen {
    size_t n, bytes;
    wlist *words;
    char **text;
    size_t *len;
    char (*id)[24];
    planted *pass;
    size_t npass;
    dup_truth *dup;
    size_t ndup;
} corpus_gen;

enum { PLAIN = 0, USED = 1 };

static const double dup_ladder[] = {0,    0.005, 0.01, 0.02,
                                    0.03, 0.05,  0.08, 0.12};

/* Edited copy of src[from..to) appended to out with the 16% edit model. */
static void edit_copy(const vocab *v, uint64_t *s, const uint32_t *src,
                      size_t from, size_t to, wlist *out) {
    for (size_t i = from; i < to; i++) {
        unsigned r = (unsigned)(rnd(s) % 100);
        if (r < 10)
            wl_push(out, vocab_draw(v, s)); /* substitution */
        else if (r < 13)
            continue;      /* deletion */
        else if (r < 16) { /* insertion */
            wl_push(out, vocab_draw(v, s));
            wl_push(out, src[i]);
        } else
            wl_push(out, src[i]);
    }
}

/* Insert an edited passage of doc src into doc dst at a random point. */
static void plant_passage(const vocab *v, uint64_t *s, corpus_gen *g,
                          uint32_t src, uint32_t dst) {
    wlist *S = &g->words[src], *D = &g->words[dst], ins = {0};
    size_t len = rnd_in(s, 60, 150);
    if (len > S->n) len = S->n;
    size_t from = rnd(s) % (S->n - len + 1), at = rnd(s) % (D->n + 1);
    edit_copy(v, s, S->w, from, from + len, &ins);
    wlist nd = {0};
    for (size_t i = 0; i < at; i++) wl_push(&nd, D->w[i]);
    for (size_t i = 0; i < ins.n; i++) wl_push(&nd, ins.w[i]);
    for (size_t i = at; i < D->n; i++) wl_push(&nd, D->w[i]);
    free(D->w);
    *D = nd;
    g->pass[g->npass++] =
        (planted){src, dst, from, from + len, at, at + ins.n, {0, 0}, {0, 0}};
    free(ins.w);
}

/* Text of a word list; word byte spans into starts/ends (may be NULL). */
static char *render(const vocab *v, uint64_t *s, const wlist *l, size_t *starts,
                    size_t *ends, size_t *len) {
    px_buf b = PX_BUF_INIT;
    unsigned sent = rnd_in(s, 12, 28), para = rnd_in(s, 3, 6);
    int cap = 1;
    for (size_t i = 0; i < l->n; i++) {
        if (starts) starts[i] = b.len;
        size_t at = b.len;
        px_buf_puts(&b, v->word[l->w[i]]);
        if (cap) b.data[at] = (char)toupper((unsigned char)b.data[at]);
        if (ends) ends[i] = b.len;
        cap = --sent == 0 || i + 1 == l->n;
        if (!cap) {
            px_buf_putc(&b, ' ');
            continue;
        }
        px_buf_putc(&b, '.');
        sent = rnd_in(s, 12, 28);
        if (--para == 0) {
            px_buf_puts(&b, "\n\n");
            para = rnd_in(s, 3, 6);
        } else {
            px_buf_putc(&b, ' ');
        }
    }
    return px_buf_detach(&b, len);
}

static uint32_t pick_plain(uint64_t *s, uint8_t *role, size_t n) {
    for (;;) {
        uint32_t d = (uint32_t)(rnd(s) % n);
        if (role[d] == PLAIN) {
            role[d] = USED;
            return d;
        }
    }
}

static void gen_plant(const vocab *v, uint64_t *s, corpus_gen *g,
                      double dup_share, double pass_share) {
    size_t nd = (size_t)(g->n * dup_share), np = (size_t)(g->n * pass_share);
    uint8_t *role = calloc(g->n, 1);
    g->dup = malloc((nd + 1) * sizeof *g->dup);
    g->pass = malloc((np + 1) * sizeof *g->pass);
    for (size_t i = 0; i < nd; i++) {
        uint32_t base = pick_plain(s, role, g->n),
                 copy = pick_plain(s, role, g->n);
        double rate =
            dup_ladder[i % (sizeof dup_ladder / sizeof dup_ladder[0])];
        wlist *B = &g->words[base], *C = &g->words[copy];
        C->n = 0;
        for (size_t k = 0; k < B->n; k++)
            wl_push(C, (rnd(s) % 1000000) < rate * 1000000 ? vocab_draw(v, s)
                                                           : B->w[k]);
        g->dup[g->ndup++] = (dup_truth){base, copy, rate};
    }
    for (size_t i = 0; i < np; i++) {
        uint32_t src = pick_plain(s, role, g->n),
                 dst = pick_plain(s, role, g->n);
        plant_passage(v, s, g, src, dst);
    }
    free(role);
}

/* Append document d as one JSON line to f. */
static void write_jsonl(FILE *f, const corpus_gen *g, size_t d, px_buf *b) {
    px_buf_clear(b);
    px_buf_printf(b, "{\"id\":\"%s\",\"text\":", g->id[d]);
    px_buf_json_str(b, g->text[d], g->len[d]);
    px_buf_puts(b, "}\n");
    fwrite(b->data, 1, b->len, f);
}

/* Render every document; fill the passages' byte spans.  With out, each
 * text is written there as JSON Lines and dropped at once (a million
 * articles need not fit in memory twice). */
static void gen_render(const vocab *v, uint64_t *s, corpus_gen *g, FILE *out) {
    g->text = malloc(g->n * sizeof *g->text);
    g->len = malloc(g->n * sizeof *g->len);
    size_t **st = calloc(g->n, sizeof *st), **en = calloc(g->n, sizeof *en);
    for (size_t p = 0; p < g->npass; p++) {
        uint32_t ds[2] = {g->pass[p].src, g->pass[p].dst};
        for (int k = 0; k < 2; k++) {
            st[ds[k]] = malloc(g->words[ds[k]].n * sizeof **st);
            en[ds[k]] = malloc(g->words[ds[k]].n * sizeof **en);
        }
    }
    g->bytes = 0;
    px_buf line = PX_BUF_INIT;
    for (size_t d = 0; d < g->n; d++) {
        g->text[d] = render(v, s, &g->words[d], st[d], en[d], &g->len[d]);
        g->bytes += g->len[d];
        if (!out) continue;
        write_jsonl(out, g, d, &line);
        px_free(g->text[d]);
        g->text[d] = NULL;
    }
    px_buf_release(&line);
    for (size_t p = 0; p < g->npass; p++) {
        planted *q = &g->pass[p];
        q->s_span = (px_span){st[q->src][q->s_from], en[q->src][q->s_to - 1]};
        q->d_span = (px_span){st[q->dst][q->d_from], en[q->dst][q->d_to - 1]};
    }
    for (size_t d = 0; d < g->n; d++) {
        free(st[d]);
        free(en[d]);
    }
    free(st);
    free(en);
}

static void gen_make(corpus_gen *g, size_t n, unsigned lo, unsigned hi,
                     double dup_share, double pass_share, FILE *out) {
    vocab v;
    char path[] = "../shared/data/ecbplus/dev.jsonl";
    const char *env = getenv("PX_SHARED");
    char buf[512];
    if (env) snprintf(buf, sizeof buf, "%s/data/ecbplus/dev.jsonl", env);
    vocab_init(&v, env ? buf : path);
    uint64_t s = SEED;
    memset(g, 0, sizeof *g);
    g->n = n;
    g->words = calloc(n, sizeof *g->words);
    g->id = malloc(n * sizeof *g->id);
    for (size_t d = 0; d < n; d++) {
        unsigned nw = rnd_in(&s, lo, hi);
        for (unsigned i = 0; i < nw; i++)
            wl_push(&g->words[d], vocab_draw(&v, &s));
        snprintf(g->id[d], sizeof g->id[d], "g%zu", d);
    }
    gen_plant(&v, &s, g, dup_share, pass_share);
    gen_render(&v, &s, g, out);
    vocab_free(&v);
}

static void gen_free(corpus_gen *g) {
    for (size_t d = 0; d < g->n; d++) {
        free(g->words[d].w);
        px_free(g->text[d]);
    }
    free(g->words);
    free(g->text);
    free(g->len);
    free(g->id);
    free(g->pass);
    free(g->dup);
}

/* CPU time of the whole process (all threads). */
static double proc_cpu_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static double build_cpu; /* CPU seconds of the last gen_corpus */

static px_corpus *gen_corpus(const corpus_gen *g, size_t n, double *secs) {
    const char **ids = malloc(n * sizeof *ids);
    px_result *rcs = malloc(n * sizeof *rcs);
    for (size_t i = 0; i < n; i++) ids[i] = g->id[i];
    px_corpus *c = px_corpus_new();
    double t0 = now(), c0 = proc_cpu_now();
    px_corpus_add_texts(c, n, ids, (const char *const *)g->text, g->len, 0,
                        rcs);
    *secs = now() - t0;
    build_cpu = proc_cpu_now() - c0;
    free(ids);
    free(rcs);
    return c;
}

/* The planted benchmark corpus (300-500 words, 5% near-duplicates, 2%
 * planted passages) and its px_corpus; *tb: seconds to build it. */
static px_corpus *planted_corpus(corpus_gen *g, size_t n, double *tb) {
    gen_make(g, n, 300, 500, 0.05, 0.02, NULL);
    return gen_corpus(g, n, tb);
}

/* ================================================================== modes */

static int mode_gen(size_t n, const char *dir) {
    corpus_gen g;
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus.jsonl", dir);
    FILE *f = fopen(path, "wb");
    if (!f) return 1;
    gen_make(&g, n, 300, 500, 0.05, 0.02, f);
    fclose(f);
    snprintf(path, sizeof path, "%s/truth_dups.tsv", dir);
    f = fopen(path, "wb");
    for (size_t i = 0; f && i < g.ndup; i++)
        fprintf(f, "%s\t%s\t%.3f\n", g.id[g.dup[i].base], g.id[g.dup[i].copy],
                g.dup[i].rate);
    if (f) fclose(f);
    snprintf(path, sizeof path, "%s/truth_passages.tsv", dir);
    f = fopen(path, "wb");
    for (size_t i = 0; f && i < g.npass; i++) {
        const planted *p = &g.pass[i];
        fprintf(f, "%s\t%zu\t%zu\t%s\t%zu\t%zu\n", g.id[p->src],
                p->s_span.start, p->s_span.end, g.id[p->dst], p->d_span.start,
                p->d_span.end);
    }
    if (f) fclose(f);
    printf("%zu documents, %.1f MB, %zu near-duplicate pairs, %zu passages\n",
           g.n, g.bytes / 1e6, g.ndup, g.npass);
    gen_free(&g);
    return 0;
}

/* Signatures of 300-word documents, one thread. */
static int mode_sig(size_t n) {
    corpus_gen g;
    gen_make(&g, n, 300, 300, 0, 0, NULL);
    double tb;
    px_corpus *c = gen_corpus(&g, n, &tb);
    uint64_t *sh = malloc(n * 1024 * sizeof *sh);
    size_t *ns = malloc(n * sizeof *ns);
    memset(sh, 0, n * 1024 * sizeof *sh); /* fault the pages in before timing */
    uint32_t sig[128];
    double t0 = now(), c0 = cpu_now();
    for (size_t d = 0; d < n; d++) {
        size_t nw;
        const uint32_t *w = px_corpus_words(c, (uint32_t)d, &nw);
        px_shingle_hashes(w, nw, 5, sh + d * 1024);
        ns[d] = px_shingle_count(nw, 5);
        px_minhash_sign(sh + d * 1024, ns[d], 128, 1, sig);
    }
    double t = now() - t0, ct = cpu_now() - c0;
    c0 = cpu_now();
    for (size_t d = 0; d < n; d++)
        px_minhash_sign(sh + d * 1024, ns[d], 128, 1, sig);
    double cm = cpu_now() - c0;
    printf("signatures\t%zu docs\t%.0f docs/s/core\t%.1f MB/s/core\t"
           "(shingles + MinHash k=128, 1 thread, CPU time; wall %.0f docs/s)\n",
           n, n / ct, g.bytes / ct / 1e6, n / t);
    printf("minhash-only\t%zu docs\t%.0f docs/s/core\n", n, n / cm);
    printf("tokenize\t%zu docs\t%.0f docs/s\t%.1f MB/s\t(px_doc, all threads, "
           "wall;"
           " %.1f MB/s/core CPU)\n",
           n, n / tb, g.bytes / tb / 1e6, g.bytes / build_cpu / 1e6);
    free(ns);
    free(sh);
    px_corpus_free(c);
    gen_free(&g);
    return 0;
}

/* ----------------------------------------------------- exact all-pairs */

typedef struct u64vec {
    uint64_t *v;
    size_t n, a;
} u64vec;

static void u64_push(u64vec *x, uint64_t k) {
    if (x->n == x->a)
        x->v = realloc(x->v, (x->a = x->a ? x->a * 2 : 4096) * sizeof *x->v);
    x->v[x->n++] = k;
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

typedef struct sh_ent {
    uint64_t h;
    uint32_t doc;
} sh_ent;

static int cmp_ent(const void *a, const void *b) {
    const sh_ent *x = a, *y = b;
    return x->h < y->h   ? -1
           : x->h > y->h ? 1
                         : (x->doc > y->doc) - (x->doc < y->doc);
}

/* Every pair of c with exact shingle Jaccard >= t, as (a << 32 | b),
 * sorted: through an inverted index, so pairs sharing nothing cost nothing. */
static u64vec exact_pairs(const px_corpus *c, double t) {
    size_t nd = px_corpus_size(c), ne = 0, ae = 1 << 20;
    sh_ent *e = malloc(ae * sizeof *e);
    size_t *size = calloc(nd, sizeof *size);
    uint64_t *sh = NULL;
    size_t ash = 0;
    for (size_t d = 0; d < nd; d++) {
        size_t nw;
        const uint32_t *w = px_corpus_words(c, (uint32_t)d, &nw);
        size_t ns = px_shingle_count(nw, 5);
        if (ns > ash) sh = realloc(sh, (ash = ns * 2) * sizeof *sh);
        px_shingle_hashes(w, nw, 5, sh);
        qsort(sh, ns, sizeof *sh, cmp_u64);
        for (size_t i = 0; i < ns; i++) {
            if (i && sh[i] == sh[i - 1]) continue;
            if (ne == ae) e = realloc(e, (ae *= 2) * sizeof *e);
            e[ne++] = (sh_ent){sh[i], (uint32_t)d};
            size[d]++;
        }
    }
    qsort(e, ne, sizeof *e, cmp_ent);
    u64vec pk = {0}, out = {0};
    for (size_t i = 0; i < ne;) {
        size_t j = i + 1;
        while (j < ne && e[j].h == e[i].h) j++;
        for (size_t x = i; x < j; x++)
            for (size_t y = x + 1; y < j; y++)
                u64_push(&pk, (uint64_t)e[x].doc << 32 | e[y].doc);
        i = j;
    }
    qsort(pk.v, pk.n, sizeof *pk.v, cmp_u64);
    for (size_t i = 0; i < pk.n;) {
        size_t j = i + 1;
        while (j < pk.n && pk.v[j] == pk.v[i]) j++;
        size_t a = pk.v[i] >> 32, b = pk.v[i] & 0xFFFFFFFFu, inter = j - i;
        if ((double)inter / (double)(size[a] + size[b] - inter) >= t)
            u64_push(&out, pk.v[i]);
        i = j;
    }
    free(pk.v);
    free(e);
    free(size);
    free(sh);
    return out;
}

/* Recall and precision of found pairs against exact ones (both sorted). */
static void pair_scores(const u64vec *truth, const px_dup_pair *p, size_t n,
                        double *recall, double *precision) {
    size_t tp = 0, i = 0, j = 0;
    while (i < truth->n && j < n) {
        uint64_t k = (uint64_t)p[j].a << 32 | p[j].b;
        if (truth->v[i] < k)
            i++;
        else if (truth->v[i] > k)
            j++;
        else
            tp++, i++, j++;
    }
    *recall = truth->n ? (double)tp / truth->n : 1;
    *precision = n ? (double)tp / n : 1;
}

static int mode_dedup(size_t n) {
    corpus_gen g;
    double tb;
    px_corpus *c = planted_corpus(&g, n, &tb);
    px_dedup_opts o;
    px_dedup_opts_init(&o);
    px_dup_pair *p;
    size_t np;
    double t0 = now();
    px_dedup_run(c, &o, &p, &np);
    double td = now() - t0;
    printf("dedup\t%zu docs\t%.1f MB\ttokenize %.2fs\tdedup %.2fs\t%.0f "
           "docs/s\t%.1f MB/s"
           "\tend-to-end %.0f docs/s\tpeak RSS %.0f MB\t%zu pairs\n",
           n, g.bytes / 1e6, tb, td, n / td, g.bytes / td / 1e6, n / (tb + td),
           peak_rss_mb(), np);
    px_free(p);
    px_corpus_free(c);
    size_t ns = n < 20000 ? n : 20000;
    c = gen_corpus(&g, ns, &tb);
    const double ts[] = {0.5, 0.7, 0.8, 0.9};
    for (size_t k = 0; k < 4; k++) {
        u64vec truth = exact_pairs(c, ts[k]);
        o.threshold = ts[k];
        px_dedup_run(c, &o, &p, &np);
        double r, pr;
        pair_scores(&truth, p, np, &r, &pr);
        unsigned b, rw;
        px_lsh_params(ts[k], o.k, &b, &rw);
        printf("exact-sample\t%zu docs\tJ>=%.1f\tbands %u x rows %u\t%zu true "
               "pairs\t"
               "%zu found\trecall %.4f\tprecision %.4f\n",
               ns, ts[k], b, rw, truth.n, np, r, pr);
        free(truth.v);
        px_free(p);
    }
    px_corpus_free(c);
    gen_free(&g);
    return 0;
}

/* Share of [s0, e0) and [s1, e1) in common, over the longer of the two. */
static double span_match(px_span x, px_span y) {
    size_t lo = x.start > y.start ? x.start : y.start;
    size_t hi = x.end < y.end ? x.end : y.end;
    size_t lx = x.end - x.start, ly = y.end - y.start;
    return hi > lo ? (double)(hi - lo) / (double)(lx > ly ? lx : ly) : 0;
}

/* Does found passage f match planted q (either orientation)? */
static int passage_match(const px_passage *f, const planted *q) {
    if (f->a == q->src && f->b == q->dst)
        return span_match(f->a_span, q->s_span) >= 0.8 &&
               span_match(f->b_span, q->d_span) >= 0.8;
    if (f->a == q->dst && f->b == q->src)
        return span_match(f->a_span, q->d_span) >= 0.8 &&
               span_match(f->b_span, q->s_span) >= 0.8;
    return 0;
}

static int is_dup_pair(const corpus_gen *g, uint32_t a, uint32_t b) {
    for (size_t i = 0; i < g->ndup; i++)
        if ((g->dup[i].base == a && g->dup[i].copy == b) ||
            (g->dup[i].base == b && g->dup[i].copy == a))
            return 1;
    return 0;
}

static int mode_reuse(size_t n) {
    corpus_gen g;
    double tb;
    px_corpus *c = planted_corpus(&g, n, &tb);
    px_reuse_opts o;
    px_reuse_opts_init(&o);
    px_passage *p;
    size_t np;
    double t0 = now();
    px_reuse_run(c, &o, &p, &np);
    double tr = now() - t0;
    /* planted passage of each document (dst and src are used once) */
    int32_t *of = malloc(n * sizeof *of);
    for (size_t d = 0; d < n; d++) of[d] = -1;
    for (size_t i = 0; i < g.npass; i++)
        of[g.pass[i].src] = of[g.pass[i].dst] = (int32_t)i;
    uint8_t *hit = calloc(g.npass + 1, 1);
    size_t tp = 0, judged = 0;
    for (size_t i = 0; i < np; i++) {
        if (is_dup_pair(&g, p[i].a, p[i].b)) continue; /* whole-doc reuse */
        judged++;
        int32_t q = of[p[i].a];
        if (q >= 0 && passage_match(&p[i], &g.pass[q])) tp++, hit[q] = 1;
    }
    size_t found = 0;
    for (size_t i = 0; i < g.npass; i++) found += hit[i];
    printf("reuse\t%zu docs\t%.1f MB\ttokenize %.2fs\treuse %.2fs\t%.1f MB/s\t"
           "end-to-end %.1f MB/s\tpeak RSS %.0f MB\n",
           n, g.bytes / 1e6, tb, tr, g.bytes / tr / 1e6,
           g.bytes / (tb + tr) / 1e6, peak_rss_mb());
    printf("reuse-quality\t%zu planted\t%zu reported (%zu outside dup pairs)\t"
           "recall %.4f\tprecision %.4f\n",
           g.npass, np, judged, g.npass ? (double)found / g.npass : 1,
           judged ? (double)tp / judged : 1);
    free(of);
    free(hit);
    px_free(p);
    px_corpus_free(c);
    gen_free(&g);
    return 0;
}

/* Streaming: N articles indexed, then 1,000 more added and matched. */
static int mode_stream(size_t n) {
    enum { NEW = 1000 };
    corpus_gen g;
    gen_make(&g, n + NEW, 300, 500, 0.05, 0.02, NULL);
    double tb;
    px_corpus *c = gen_corpus(&g, n, &tb);
    char path[] = "/tmp/px_bench_index_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return 1;
    close(fd);
    remove(path);
    double t0 = now(), c0 = cpu_process();
    px_index_append(c, path, NULL, NULL);
    double tidx = now() - t0, cidx = cpu_process() - c0;
    px_corpus_free(c);
    t0 = now();
    px_corpus *l;
    if (px_corpus_load(path, &l)) return 1;
    double tload = now() - t0;
    const char **ids = malloc(NEW * sizeof *ids);
    px_result *rcs = malloc(NEW * sizeof *rcs);
    for (size_t i = 0; i < NEW; i++) ids[i] = g.id[n + i];
    double t1 = now();
    px_corpus_add_texts(l, NEW, ids, (const char *const *)g.text + n, g.len + n,
                        0, rcs);
    double tadd = now() - t1;
    px_dedup_opts d;
    px_reuse_opts r;
    px_dedup_opts_init(&d);
    px_reuse_opts_init(&r);
    d.first_new = r.first_new = (uint32_t)n;
    px_dup_pair *p;
    px_passage *q;
    size_t np, nq;
    t1 = now();
    px_dedup_run(l, &d, &p, &np);
    double tdd = now() - t1;
    t1 = now();
    px_reuse_run(l, &r, &q, &nq);
    double tre = now() - t1;
    t1 = now();
    px_index_append(l, path, &d, &r);
    double tapp = now() - t1, total = now() - t0;
    printf("stream\t%zu indexed (+%d new)\tindex build %.2fs (%.2fs CPU)\t"
           "load %.3fs\t"
           "tokenize new %.3fs\tdedup %.3fs\treuse %.3fs\tappend %.3fs\t"
           "total %.3fs\t%zu pairs, %zu passages\n",
           n, NEW, tidx, cidx, tload, tadd, tdd, tre, tapp, total, np, nq);
    px_free(p);
    px_free(q);
    free(ids);
    free(rcs);
    px_corpus_free(l);
    remove(path);
    gen_free(&g);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr,
                "usage: dedup_reuse gen|sig|dedup|reuse|stream DOCS [DIR]\n");
        return 2;
    }
    size_t n = strtoul(argv[2], NULL, 10);
    if (n < 10) n = 10;
    if (!strcmp(argv[1], "gen") && argc > 3) return mode_gen(n, argv[3]);
    if (!strcmp(argv[1], "sig")) return mode_sig(n);
    if (!strcmp(argv[1], "dedup")) return mode_dedup(n);
    if (!strcmp(argv[1], "reuse")) return mode_reuse(n);
    if (!strcmp(argv[1], "stream")) return mode_stream(n);
    fprintf(stderr, "dedup_reuse: unknown mode '%s'\n", argv[1]);
    return 2;
}
