/*
 * claims.c - benchmark helper of bench_claims.sh.
 *
 *   claims eval FILE.tsv     (PX_VERBOSE=1: print each miss) quantity
 * extraction precision / recall / F1 per field (value, unit, hedge, thing)
 * against the labelled set (bench/data/claims_quantities.tsv) claims speed N
 * FILE...   extraction speed: every file processed N times (doc build + claims,
 * and claims alone), MB/s
 *
 * Scoring: per sentence, a gold figure is found when a predicted quantity
 * has its value (relative error < 1e-6); unmatched predictions are false
 * positives for every field.  For unit, hedge and thing a field is a true
 * positive when the matched prediction has the gold value of the field,
 * a false positive when it gives another one (or one where gold has none),
 * a false negative when gold has one and the prediction does not.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parallax.h"

enum { F_VALUE, F_UNIT, F_HEDGE, F_THING, NF };
static const char *const fname[NF] = {"value", "unit", "hedge", "thing"};

typedef struct gold {
    char *sent;
    double value;
    char *f[NF]; /* unit, hedge, thing as text ("-" = none) */
} gold;

typedef struct score {
    size_t tp[NF], fp[NF], fn[NF];
} score;

static int none(const char *s) {
    return !s || !*s || !strcmp(s, "-");
}

static int verbose;

static void field(score *sc, int f, const char *g, const char *p) {
    if (none(g) && none(p)) return;
    if (!none(g) && !none(p) && !strcmp(g, p))
        sc->tp[f]++;
    else {
        if (verbose)
            fprintf(stderr, "  %s: gold '%s' got '%s'\n", fname[f], g ? g : "-",
                    p ? p : "-");
        if (!none(p)) sc->fp[f]++;
        if (!none(g)) sc->fn[f]++;
    }
}

static void eval_sentence(const px_claimer *cl, gold *g, size_t n, score *sc) {
    px_doc *d;
    px_claims *cs;
    if (px_doc_new(g[0].sent, strlen(g[0].sent), NULL, &d)) return;
    if (px_claims_extract(cl, d, &cs)) {
        px_doc_free(d);
        return;
    }
    size_t nc;
    const px_claim *c = px_claims_list(cs, &nc);
    char *used = calloc(nc + 1, 1);
    for (size_t k = 0; k < n; k++) {
        const px_claim *m = NULL;
        for (size_t i = 0; i < nc && !m; i++)
            if (c[i].kind == PX_CLAIM_QUANTITY && !used[i] &&
                fabs(c[i].value - g[k].value) <= 1e-6 * fabs(g[k].value) + 1e-9)
                m = &c[i], used[i] = 1;
        if (!m) {
            if (verbose)
                fprintf(stderr, "  missed %g in: %s\n", g[k].value, g[k].sent);
            sc->fn[F_VALUE]++;
            for (int f = F_UNIT; f < NF; f++)
                if (!none(g[k].f[f])) sc->fn[f]++;
            continue;
        }
        sc->tp[F_VALUE]++;
        field(sc, F_UNIT, g[k].f[F_UNIT], m->unit);
        field(sc, F_HEDGE, g[k].f[F_HEDGE], px_hedge_str(m->hedge));
        field(sc, F_THING, g[k].f[F_THING], m->thing);
    }
    for (size_t i = 0; i < nc; i++)
        if (c[i].kind == PX_CLAIM_QUANTITY && !used[i]) {
            if (verbose)
                fprintf(stderr, "  extra %g in: %s\n", c[i].value, g[0].sent);
            sc->fp[F_VALUE]++;
            if (c[i].unit) sc->fp[F_UNIT]++;
            if (c[i].hedge) sc->fp[F_HEDGE]++;
            if (c[i].thing) sc->fp[F_THING]++;
        }
    free(used);
    px_claims_free(cs);
    px_doc_free(d);
}

static int eval(const char *path) {
    FILE *fp = fopen(path, "r");
    if (!fp) return perror(path), 1;
    gold *g = NULL;
    size_t n = 0;
    char line[4096];
    while (fgets(line, sizeof line, fp)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        line[strcspn(line, "\n")] = 0;
        char *t[5] = {0}, *save = NULL;
        t[0] = strtok_r(line, "\t", &save);
        for (int k = 1; k < 5; k++) t[k] = strtok_r(NULL, "\t", &save);
        if (!t[4]) continue;
        g = realloc(g, (n + 1) * sizeof *g);
        g[n] = (gold){strdup(t[0]),
                      atof(t[1]),
                      {NULL, strdup(t[2]), strdup(t[3]), strdup(t[4])}};
        n++;
    }
    fclose(fp);
    px_claimer *cl = px_claimer_new("en");
    score sc = {{0}, {0}, {0}};
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && !strcmp(g[j].sent, g[i].sent)) j++;
        eval_sentence(cl, g + i, j - i, &sc);
        i = j;
    }
    printf("%-8s %5s %5s %5s %9s %9s %6s\n", "field", "tp", "fp", "fn",
           "precision", "recall", "f1");
    for (int f = 0; f < NF; f++) {
        double p =
            sc.tp[f] + sc.fp[f] ? (double)sc.tp[f] / (sc.tp[f] + sc.fp[f]) : 1;
        double r =
            sc.tp[f] + sc.fn[f] ? (double)sc.tp[f] / (sc.tp[f] + sc.fn[f]) : 1;
        printf("%-8s %5zu %5zu %5zu %9.3f %9.3f %6.3f\n", fname[f], sc.tp[f],
               sc.fp[f], sc.fn[f], p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }
    printf("(%zu gold figures)\n", n);
    for (size_t i = 0; i < n; i++) {
        free(g[i].sent);
        for (int f = 1; f < NF; f++) free(g[i].f[f]);
    }
    free(g);
    px_claimer_free(cl);
    return 0;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int speed(int reps, int nf, char **files) {
    px_claimer *cl = px_claimer_new("en");
    size_t bytes = 0, nclaims = 0;
    double t_all = 0, t_claims = 0;
    for (int i = 0; i < nf; i++) {
        FILE *fp = fopen(files[i], "rb");
        if (!fp) continue;
        px_buf b = PX_BUF_INIT;
        char tmp[65536];
        size_t k;
        while ((k = fread(tmp, 1, sizeof tmp, fp)) > 0)
            px_buf_append(&b, tmp, k);
        fclose(fp);
        for (int r = 0; r < reps && b.len; r++) {
            double t0 = now();
            px_doc *d;
            px_claims *cs;
            if (px_doc_new(b.data, b.len, NULL, &d)) break;
            double t1 = now();
            if (!px_claims_extract(cl, d, &cs)) {
                size_t n;
                px_claims_list(cs, &n);
                nclaims += n;
                px_claims_free(cs);
            }
            double t2 = now();
            px_doc_free(d);
            t_all += t2 - t0, t_claims += t2 - t1, bytes += b.len;
        }
        px_buf_release(&b);
    }
    printf("%-22s %10s %10s %12s\n", "stage", "MB", "seconds", "MB/s");
    printf("%-22s %10.2f %10.3f %12.1f\n", "doc + claims", bytes / 1e6, t_all,
           bytes / 1e6 / t_all);
    printf("%-22s %10.2f %10.3f %12.1f\n", "claims only", bytes / 1e6, t_claims,
           bytes / 1e6 / t_claims);
    printf("(%zu claims, 1 thread)\n", nclaims);
    px_claimer_free(cl);
    return 0;
}

int main(int argc, char **argv) {
    verbose = getenv("PX_VERBOSE") != NULL;
    if (argc >= 3 && !strcmp(argv[1], "eval")) return eval(argv[2]);
    if (argc >= 4 && !strcmp(argv[1], "speed"))
        return speed(atoi(argv[2]), argc - 3, argv + 3);
    fprintf(stderr, "usage: claims eval FILE.tsv | claims speed N FILE...\n");
    return 2;
}
