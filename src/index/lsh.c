/*
 * lsh.c - choosing the LSH banding (bands x rows) for a Jaccard threshold.
 *
 * A pair at Jaccard s becomes a candidate with P(s) = 1 - (1 - s^r)^b.
 * As in the usual construction (Leskovec et al., "Mining of Massive
 * Datasets", ch. 3), every (b, r) with b * r <= k is scored by the area of
 * false positives (integral of P over [0, t)) plus false negatives
 * (integral of 1 - P over [t, 1]).  Candidates are verified exactly
 * afterwards, so a missed pair costs more than an extra candidate: only
 * choices with P(t) >= 0.99 compete (all of them if none qualifies).
 */
#include <math.h> /* pow */

#include "parallax/dedup.h"

#define STEPS      64
#define MIN_RECALL 0.99

double px_lsh_prob(double s, unsigned bands, unsigned rows) {
    return 1.0 - pow(1.0 - pow(s, rows), bands);
}

/* Midpoint-rule integral of P (or 1 - P when miss) over [lo, hi). */
static double area(double lo, double hi, unsigned b, unsigned r, int miss) {
    double h = (hi - lo) / STEPS, sum = 0;
    for (int i = 0; i < STEPS; i++) {
        double p = px_lsh_prob(lo + (i + 0.5) * h, b, r);
        sum += miss ? 1.0 - p : p;
    }
    return sum * h;
}

px_result px_lsh_params(double threshold, unsigned k, unsigned *bands,
                        unsigned *rows) {
    if (!(threshold > 0 && threshold <= 1) || k == 0 || k > PX_MINHASH_K_MAX)
        return PX_ERR_INVALID;
    double best = INFINITY, best_any = INFINITY;
    unsigned bb = 1, br = k, ab = 1, ar = k;
    for (unsigned b = 1; b <= k; b++) {
        for (unsigned r = 1; b * r <= k; r++) {
            double cost =
                area(0, threshold, b, r, 0) + area(threshold, 1, b, r, 1);
            if (cost < best_any) best_any = cost, ab = b, ar = r;
            if (px_lsh_prob(threshold, b, r) >= MIN_RECALL && cost < best)
                best = cost, bb = b, br = r;
        }
    }
    *bands = best < INFINITY ? bb : ab;
    *rows = best < INFINITY ? br : ar;
    return PX_OK;
}
