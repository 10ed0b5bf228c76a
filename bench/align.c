/*
 * align.c - benchmark driver for `parallax align` (run by bench_align.sh).
 *
 *   align DEV.jsonl [LABELS.tsv]
 *
 * 1. Quality on synthetic rewrites with known truth.  Each ECB+ dev article
 *    (>= 4 sentences) is rewritten with a seeded generator: sentences
 *    dropped, split at a comma, merged with the next, words swapped for
 *    synonyms, clauses inserted, blocks of sentences reordered, foreign
 *    sentences (from another article) inserted.  Every B sentence comes
 *    from a known "unit" with a known set of A sentences; the aligner's
 *    pairs become (A sentence, unit) links, scored against the truth:
 *    precision, recall, F1 of sentence links.
 * 2. ECB+ real pairs (labels read HERE ONLY, never by the engine): articles
 *    about the same event vs the same kind of event (same topic, other
 *    event).  No sentence truth exists; the table shows the share of
 *    sentences aligned: independent reports of one event share some
 *    sentences, reports of different events should share almost none (a
 *    false-alignment rate).
 * 3. Speed on ~600-word pairs (an article of concatenated dev texts and
 *    its rewrite): px_align_new() on prepared sides (the pairwise cost),
 *    and the whole pipeline per pair (2 docs + 2 sides + align).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parallax.h"

/* ---------------------------------------------------------------- input */

typedef struct art {
    char *id, *text, *event;
} art;

typedef struct corpus {
    art *a;
    size_t n;
} corpus;

static void load(const char *path, corpus *c) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(3);
    }
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        json_t *j = json_loads(line, 0, NULL);
        if (!j) continue;
        const char *id = json_string_value(json_object_get(j, "id"));
        const char *t = json_string_value(json_object_get(j, "text"));
        if (id && t) {
            c->a = px_realloc(c->a, (c->n + 1) * sizeof *c->a);
            c->a[c->n++] = (art){px_strdup(id), px_strdup(t), NULL};
        }
        json_decref(j);
    }
    free(line);
    fclose(f);
}

static void load_labels(const char *path, corpus *c) {
    FILE *f = fopen(path, "rb");
    if (!f) return;
    char id[128], ev[128];
    while (fscanf(f, "%127s %127s", id, ev) == 2)
        for (size_t i = 0; i < c->n; i++)
            if (!strcmp(c->a[i].id, id)) c->a[i].event = px_strdup(ev);
    fclose(f);
}

/* ------------------------------------------------------------ synthetic */

static uint64_t rnd(uint64_t *s) {
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static int chance(uint64_t *s, int pct) {
    return (int)(rnd(s) % 100) < pct;
}

/* A B unit: its text span in B and the A sentences it came from. */
typedef struct unit {
    size_t start, end;
    uint32_t a[2];
    int na;
} unit;

typedef struct rewrite {
    px_buf text;
    unit *u;
    size_t nu, au;
    uint64_t seed;
    int noise; /* % of longer words of the sentence paraphrased away */
} rewrite;

static const char *const synonyms[][2] = {
    {"said", "stated"},         {"told", "informed"},
    {"people", "persons"},      {"police", "officers"},
    {"began", "started"},       {"killed", "slain"},
    {"announced", "declared"},  {"arrested", "detained"},
    {"country", "nation"},      {"about", "around"},
    {"big", "large"},           {"help", "assist"},
    {"deadliest", "bloodiest"}, {"show", "display"},
    {"more than", "over"},      {"government", "authorities"},
    {"after", "following"},     {"before", "prior to"},
};

/* Stand-ins for paraphrased words: common news words the original may
 * or may not use, so a rewrite loses overlap the way a real one does. */
static const char *const generic[] = {
    "reportedly", "officials", "local",       "situation", "statement",
    "earlier",    "region",    "authorities", "latest",    "further",
    "matter",     "incident",  "sources",     "week",      "several",
    "major",      "public",    "recent"};

static const char *const clauses[] = {
    ", officials said", ", according to local media", ", reports say",
    ", the agency reported", ", witnesses said"};

/* Append sentence text t[0..n) with synonym swaps and maybe a clause. */
static void rewrite_words(rewrite *r, const char *t, size_t n, int clause) {
    size_t i = 0;
    while (i < n) {
        int done = 0;
        for (size_t k = 0; k < sizeof synonyms / sizeof synonyms[0] && !done;
             k++) {
            size_t l = strlen(synonyms[k][0]);
            if (i + l <= n && !memcmp(t + i, synonyms[k][0], l) &&
                (i == 0 || t[i - 1] == ' ') &&
                (i + l == n || t[i + l] == ' ' || t[i + l] == ',') &&
                chance(&r->seed, 60)) {
                px_buf_puts(&r->text, synonyms[k][1]);
                i += l, done = 1;
            }
        }
        if (done) continue;
        size_t j = i, e;
        while (j < n && t[j] != ' ') j++;
        for (e = i; e < j && ((t[e] | 32) >= 'a' && (t[e] | 32) <= 'z'); e++) {
        }
        if (e - i >= 4 && i > 0 &&
            chance(&r->seed, r->noise)) { /* paraphrase */
            px_buf_puts(&r->text, generic[rnd(&r->seed) % 18]);
            i = e;
        }
        if (j < n) j++;
        px_buf_append(&r->text, t + i, j - i);
        i = j;
    }
    if (clause && r->text.len && r->text.data[r->text.len - 1] == '.') {
        r->text.len--;
        px_buf_puts(&r->text, clauses[rnd(&r->seed) % 5]);
        px_buf_putc(&r->text, '.');
    }
}

static void add_unit(rewrite *r, size_t start, const uint32_t *a, int na) {
    if (r->nu == r->au) {
        r->au = r->au ? r->au * 2 : 32;
        r->u = px_realloc(r->u, r->au * sizeof *r->u);
    }
    unit *u = &r->u[r->nu++];
    u->start = start;
    u->end = r->text.len;
    u->na = na;
    for (int i = 0; i < na; i++) u->a[i] = a[i];
}

/* Split point of t: a ", " near the middle, or 0. */
static size_t split_point(const char *t, size_t n) {
    size_t best = 0;
    for (size_t i = n / 4; i + 2 < 3 * n / 4; i++)
        if (t[i] == ',' && t[i + 1] == ' ' && t[i + 2] >= 'a' &&
            t[i + 2] <= 'z')
            best = i;
    return best;
}

/* Emit A sentence i (and maybe i+1) as one or two units; returns the
 * number of A sentences consumed. */
static size_t emit_sentence(rewrite *r, const char *a, const px_sent *s,
                            size_t ns, uint32_t i) {
    const char *t = a + s[i].span.start;
    size_t n = s[i].span.end - s[i].span.start, cut = split_point(t, n);
    size_t start = r->text.len;
    r->noise = (int)(rnd(&r->seed) % 3) * 20; /* 0, 20 or 40% */
    if (cut && chance(&r->seed, 25)) {        /* split in two */
        rewrite_words(r, t, cut, 0);
        px_buf_puts(&r->text, ". ");
        add_unit(r, start, &i, 1);
        start = r->text.len;
        px_buf_putc(&r->text, (char)(t[cut + 2] - 'a' + 'A'));
        rewrite_words(r, t + cut + 3, n - cut - 3, 0);
        add_unit(r, start, &i, 1);
        return 1;
    }
    if (i + 1 < ns && n > 1 && t[n - 1] == '.' && chance(&r->seed, 15)) {
        const char *t2 = a + s[i + 1].span.start; /* merge with the next */
        size_t n2 = s[i + 1].span.end - s[i + 1].span.start;
        rewrite_words(r, t, n - 1, 0);
        px_buf_puts(&r->text, ", and ");
        rewrite_words(r, t2, n2, chance(&r->seed, 20));
        uint32_t both[2] = {i, i + 1};
        add_unit(r, start, both, 2);
        return 2;
    }
    rewrite_words(r, t, n, chance(&r->seed, 25));
    add_unit(r, start, &i, 1);
    return 1;
}

/* A foreign sentence (from article `o`) as a unit with no A partner. */
static void foreign(rewrite *r, const char *o) {
    px_sent *s;
    size_t n;
    if (px_sent_split_text(o, strlen(o), &s, &n) || !n) return;
    size_t k = rnd(&r->seed) % n, start = r->text.len;
    px_buf_append(&r->text, o + s[k].span.start,
                  s[k].span.end - s[k].span.start);
    add_unit(r, start, NULL, 0);
    px_free(s);
}

/* Space between two units, or a paragraph break (always after a unit
 * without final punctuation: a heading or a dateline stays a line). */
static void separate(rewrite *r) {
    if (!r->text.len) return;
    char last = r->text.data[r->text.len - 1];
    int open = !strchr(".!?\"')", last);
    px_buf_puts(&r->text, open || chance(&r->seed, 30) ? "\n\n" : " ");
}

/* Blocks of 1..3 A sentences, adjacent blocks swapped at random. */
static void make_rewrite(rewrite *r, const char *a, const char *other) {
    px_sent *s;
    size_t ns;
    px_sent_split_text(a, strlen(a), &s, &ns);
    uint32_t order[4096];
    size_t no = 0;
    for (uint32_t i = 0; i < ns && no < 4096; i++) order[no++] = i;
    for (size_t i = 0; i + 3 < no; i += 2)
        if (chance(&r->seed, 30)) { /* swap two blocks of two */
            uint32_t t0 = order[i], t1 = order[i + 1];
            order[i] = order[i + 2], order[i + 1] = order[i + 3];
            order[i + 2] = t0, order[i + 3] = t1;
        }
    for (size_t k = 0; k < no;) {
        uint32_t i = order[k];
        separate(r);
        if (chance(&r->seed, 10)) foreign(r, other), separate(r);
        if (chance(&r->seed, 10)) { /* dropped: only in A */
            k++;
            continue;
        }
        int merge_ok = k + 1 < no && order[k + 1] == i + 1;
        k += emit_sentence(r, a, s, merge_ok ? ns : i + 1, i);
    }
    px_free(s);
}

/* ------------------------------------------------------------- scoring */

typedef struct score {
    size_t tp, fp, fn;
} score;

/* Unit of B holding most of span sp. */
static long unit_of(const rewrite *r, px_span sp) {
    long best = -1;
    size_t bo = 0;
    for (size_t u = 0; u < r->nu; u++) {
        size_t s = sp.start > r->u[u].start ? sp.start : r->u[u].start;
        size_t e = sp.end < r->u[u].end ? sp.end : r->u[u].end;
        if (e > s && e - s > bo) bo = e - s, best = (long)u;
    }
    return best;
}

static void score_pair(const px_align *al, const rewrite *r, score *sc) {
    size_t nb, cap = r->nu * 8 + 8, nl = 0;
    const px_sent *bs = px_align_side_sents(px_align_get_side(al, 1), &nb);
    uint64_t *links = px_malloc(cap * sizeof *links);
    for (size_t i = 0; i < px_align_npairs(al); i++) {
        const px_align_pair *p = px_align_get_pair(al, i);
        for (uint32_t x = 0; x < p->a_n; x++)
            for (uint32_t y = 0; y < p->b_n; y++) {
                long u = unit_of(r, bs[p->b_sents[y]].span);
                uint64_t l = ((uint64_t)p->a_sents[x] << 32) | (uint32_t)u;
                int dup = 0;
                for (size_t k = 0; k < nl; k++) dup |= links[k] == l;
                if (dup || u < 0) continue;
                if (nl == cap)
                    links = px_realloc(links, (cap *= 2) * sizeof *links);
                links[nl++] = l;
            }
    }
    size_t truth = 0, hit = 0;
    for (size_t u = 0; u < r->nu; u++)
        for (int k = 0; k < r->u[u].na; k++) {
            uint64_t l = ((uint64_t)r->u[u].a[k] << 32) | (uint32_t)u;
            truth++;
            for (size_t q = 0; q < nl; q++)
                if (links[q] == l) {
                    hit++;
                    break;
                }
        }
    sc->tp += hit;
    sc->fp += nl - hit;
    sc->fn += truth - hit;
    px_free(links);
}

static px_align *align_texts(const char *x, const char *y, double thr,
                             px_doc **dx, px_doc **dy) {
    px_align *al = NULL;
    px_align_opts o = {0};
    o.threshold = thr;
    px_doc_new(x, strlen(x), NULL, dx);
    px_doc_new(y, strlen(y), NULL, dy);
    px_align_docs(*dx, NULL, *dy, NULL, &o, &al);
    return al;
}

/* Sentence-pair F1 on the synthetic set at threshold thr (0 = default);
 * verbose prints the counts. */
static double synthetic(const corpus *c, double thr, int verbose) {
    score sc = {0, 0, 0};
    size_t pairs = 0;
    for (size_t i = 0; i < c->n; i++) {
        px_sent *s;
        size_t ns;
        px_sent_split_text(c->a[i].text, strlen(c->a[i].text), &s, &ns);
        px_free(s);
        if (ns < 4) continue;
        rewrite r = {PX_BUF_INIT, NULL, 0, 0, 1000 + i, 0};
        make_rewrite(&r, c->a[i].text, c->a[(i + c->n / 2) % c->n].text);
        px_doc *dx, *dy;
        px_align *al = align_texts(c->a[i].text, r.text.data, thr, &dx, &dy);
        score_pair(al, &r, &sc);
        pairs++;
        px_align_free(al);
        px_doc_free(dx);
        px_doc_free(dy);
        px_buf_release(&r.text);
        px_free(r.u);
    }
    double p = sc.tp ? (double)sc.tp / (sc.tp + sc.fp) : 0;
    double rc = sc.tp ? (double)sc.tp / (sc.tp + sc.fn) : 0;
    double f1 = p + rc > 0 ? 2 * p * rc / (p + rc) : 0;
    if (!verbose) return f1;
    printf("%-44s %zu\n", "synthetic rewrites: article pairs", pairs);
    printf("%-44s %zu / %zu / %zu\n", "synthetic: links TP / FP / FN", sc.tp,
           sc.fp, sc.fn);
    printf("%-44s %.3f / %.3f / %.3f\n", "synthetic: sentence-pair P / R / F1",
           p, rc, f1);
    return f1;
}

/* ------------------------------------------------------------- ECB+ */

/* Share of sentences aligned in ECB+ article pairs about the same event
 * (out[1]) and other events of the same topic (out[0]). */
static void real_pairs(const corpus *c, double thr, int verbose,
                       double out[2]) {
    double share[2] = {0, 0};
    size_t npairs[2] = {0, 0}, aligned[2] = {0, 0};
    for (size_t i = 0; i < c->n; i++)
        for (size_t j = i + 1; j < c->n; j++) {
            const char *ei = c->a[i].event, *ej = c->a[j].event;
            if (!ei || !ej) continue;
            size_t ti = strspn(ei, "0123456789"), tj = strspn(ej, "0123456789");
            if (ti != tj || strncmp(ei, ej, ti)) continue; /* other topic */
            int same = !strcmp(ei, ej);
            if (npairs[same] >= 1500) continue;
            px_doc *dx, *dy;
            px_align *al =
                align_texts(c->a[i].text, c->a[j].text, thr, &dx, &dy);
            size_t na, nb, oa, ob;
            px_align_side_sents(px_align_get_side(al, 0), &na);
            px_align_side_sents(px_align_get_side(al, 1), &nb);
            px_align_only(al, 0, &oa);
            px_align_only(al, 1, &ob);
            if (na + nb) share[same] += (double)(na + nb - oa - ob) / (na + nb);
            aligned[same] += px_align_npairs(al);
            npairs[same]++;
            px_align_free(al);
            px_doc_free(dx);
            px_doc_free(dy);
        }
    for (int s = 0; s < 2; s++) out[s] = npairs[s] ? share[s] / npairs[s] : 0;
    for (int s = 1; verbose && s >= 0; s--) {
        char k[64];
        snprintf(k, sizeof k, "ECB+ %s: article pairs",
                 s ? "same event" : "other event");
        printf("%-44s %zu\n", k, npairs[s]);
        snprintf(k, sizeof k, "ECB+ %s: sentences aligned",
                 s ? "same event" : "other event");
        printf("%-44s %.1f%% (%.2f pairs per article pair)\n", k,
               npairs[s] ? 100 * share[s] / npairs[s] : 0,
               npairs[s] ? (double)aligned[s] / npairs[s] : 0);
    }
}

/* ---------------------------------------------------------------- speed */

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); /* per core, on a shared box */
    return t.tv_sec + t.tv_nsec / 1e9;
}

static size_t words(const char *t) {
    size_t n = 0;
    for (int in = 0; *t; t++) {
        int w = *t != ' ' && *t != '\n';
        n += w && !in;
        in = w;
    }
    return n;
}

/* Seconds per px_align_new over n prepared pairs, for about 2 s. */
static double time_align(px_align_side *s[2][64], int n,
                         const px_align_opts *o) {
    double t0 = now(), t1 = t0;
    size_t rounds = 0;
    while (t1 - t0 < 2.0) {
        for (int p = 0; p < n; p++) {
            px_align *al;
            px_align_new(s[0][p], s[1][p], o, &al);
            px_align_free(al);
        }
        rounds++;
        t1 = now();
    }
    return (t1 - t0) / (rounds * n);
}

static void speed(const corpus *c) {
    enum { NP = 64 };
    char *x[NP], *y[NP];
    size_t k = 0, wsum = 0;
    const char *at = c->a[0].text;
    for (int p = 0; p < NP; p++) { /* ~600-word articles, whole lines */
        px_buf b = PX_BUF_INIT;
        while (words(b.data ? b.data : "") < 600) {
            if (!*at) at = c->a[++k % c->n].text;
            const char *e = strchr(at, '\n');
            size_t n = e ? (size_t)(e - at) + 1 : strlen(at);
            px_buf_append(&b, at, n);
            if (!e) px_buf_putc(&b, '\n');
            at += n;
        }
        x[p] = px_buf_detach(&b, NULL);
        rewrite r = {PX_BUF_INIT, NULL, 0, 0, 77 + (uint64_t)p, 0};
        make_rewrite(&r, x[p], c->a[(k + 100) % c->n].text);
        y[p] = px_buf_detach(&r.text, NULL);
        px_free(r.u);
        wsum += words(x[p]) + words(y[p]);
    }
    px_doc *d[2][NP];
    px_align_side *s[2][NP];
    double t0 = now();
    for (int p = 0; p < NP; p++) {
        px_doc_new(x[p], strlen(x[p]), NULL, &d[0][p]);
        px_doc_new(y[p], strlen(y[p]), NULL, &d[1][p]);
    }
    double t1 = now();
    for (int p = 0; p < NP; p++) {
        px_align_side_new(d[0][p], NULL, NULL, &s[0][p]);
        px_align_side_new(d[1][p], NULL, NULL, &s[1][p]);
    }
    double t2 = now();
    double per = time_align(s, NP, NULL);
    px_align_opts nw = {0};
    nw.no_words = 1;
    double per_nw = time_align(s, NP, &nw);
    printf("%-44s %.0f words\n", "speed: mean words per article",
           wsum / (2.0 * NP));
    printf("%-44s %.0f pairs/s (%.1f us/pair)\n",
           "speed: align prepared sides, with word diff", 1 / per, per * 1e6);
    printf("%-44s %.0f pairs/s (%.1f us/pair)\n",
           "speed: align prepared sides, sentences only", 1 / per_nw,
           per_nw * 1e6);
    printf("%-44s %.0f articles/s\n", "speed: side prep (segment + stem)",
           2 * NP / (t2 - t1));
    printf("%-44s %.0f pairs/s\n",
           "speed: whole pipeline (2 docs+2 sides+align)",
           1 / ((t1 - t0) / NP + (t2 - t1) / NP + per));
    for (int p = 0; p < NP; p++) {
        for (int i = 0; i < 2; i++) {
            px_align_side_free(s[i][p]);
            px_doc_free(d[i][p]);
        }
        px_free(x[p]);
        px_free(y[p]);
    }
}

/* Threshold sweep: what each choice costs on both sets. */
static void calibrate(const corpus *c) {
    static const double thr[] = {0.15, 0.18, 0.22, 0.25, 0.30, 0.35};
    printf("\n%-10s %-14s %-18s %s\n", "threshold", "synthetic F1",
           "ECB+ same event", "ECB+ other event (sentences aligned)");
    for (size_t i = 0; i < sizeof thr / sizeof thr[0]; i++) {
        double share[2];
        double f1 = synthetic(c, thr[i], 0);
        real_pairs(c, thr[i], 0, share);
        printf("%-10.2f %-14.3f %-18.1f %.1f\n", thr[i], f1, 100 * share[1],
               100 * share[0]);
    }
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: align DEV.jsonl [LABELS.tsv]\n");
        return 2;
    }
    corpus c = {NULL, 0};
    load(argv[1], &c);
    if (!c.n) return 3;
    if (argc > 2) load_labels(argv[2], &c);
    printf("%-44s %s\n", "metric", "value");
    double share[2];
    synthetic(&c, 0, 1);
    if (argc > 2) real_pairs(&c, 0, 1, share);
    speed(&c);
    if (argc > 2) calibrate(&c);
    for (size_t i = 0; i < c.n; i++) {
        px_free(c.a[i].id);
        px_free(c.a[i].text);
        px_free(c.a[i].event);
    }
    px_free(c.a);
    return 0;
}
