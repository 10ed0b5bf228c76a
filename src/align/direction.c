/*
 * direction.c - which of two aligned articles derives from the other.
 *
 * Never a bare verdict: each cue becomes a px_evidence with a signed weight
 * (> 0 for A -> B) and a sentence of explanation; the verdict is the sign
 * of the sum, its confidence 1 - exp(-|sum|), and "unknown" below MIN_SUM.
 * Cues, strongest first:
 *
 *   time         both publication times known and apart: earlier is the
 *                source (2.0);
 *   wire         one side is credited to a wire service (article field,
 *                cleaner metadata, or a line holding only a wire name) and
 *                the other is not: the wire copy is the source (1.0);
 *   attribution  one side names the other's wire or outlet near a
 *                reporting cue ("according to Reuters", "Reuters reported")
 *                (1.5), or frames shared sentences with an inserted
 *                attribution ("Modern.az reports that ...") (0.5);
 *   containment  one side's content is mostly found in the other, which
 *                adds material of its own (up to 1.5).
 */
#include <math.h>   /* exp, fabs */
#include <stdio.h>  /* snprintf */
#include <strings.h> /* strcasecmp */

#include "align/align_int.h"

#define MIN_SUM 0.3
#define W_TIME 2.0
#define W_WIRE 1.0
#define W_NAMED 1.5
#define W_FRAME 0.5

static void add_ev(px_align *al, px_evidence_kind k, double weight, int side,
                   px_span span, const char *text) {
    al->ev = px_realloc(al->ev, (al->nev + 1) * sizeof *al->ev);
    al->ev[al->nev++] = (px_evidence){k, weight, side, span, px_strdup(text)};
}

static const char *label(const px_align *al, int x) { return px_side_label(al, x); }

/* The side's wire credit as text into buf, or NULL. */
static const char *wire_of(const px_align_side *s, char *buf, size_t cap,
                           px_span *span) {
    *span = (px_span){0, 0};
    const char *w = s->art && s->art->wire ? s->art->wire
                                           : px_doc_meta(s->doc, "wire");
    if (w || s->credit < 0) return w;
    *span = s->credit_span;
    snprintf(buf, cap, "%s", px_wire_show(s->credit));
    return buf;
}

static void time_cue(px_align *al) {
    const px_article *a = al->side[0]->art, *b = al->side[1]->art;
    if (!a || !b || a->published_ts == PX_TIME_NONE ||
        b->published_ts == PX_TIME_NONE)
        return;
    int64_t d = b->published_ts - a->published_ts;
    if (d > -60 && d < 60) return;
    char t[256];
    int64_t m = (d < 0 ? -d : d) / 60;
    snprintf(t, sizeof t, "%s was published %lldh%02lldm before %s",
             label(al, d < 0), (long long)(m / 60), (long long)(m % 60),
             label(al, d > 0));
    add_ev(al, PX_EV_TIME, d > 0 ? W_TIME : -W_TIME, d < 0, (px_span){0, 0}, t);
}

/* Wire credits: one side credited and not the other points to the wire
 * copy as the source; both credited to the same wire suggests siblings
 * (weight 0, and the verdict's confidence is halved). */
static int wire_cue(px_align *al, const char *wa, px_span sa, const char *wb,
                    px_span sb) {
    char t[256];
    if (wa && wb && !strcasecmp(wa, wb)) {
        snprintf(t, sizeof t, "both are credited to %s: they may share that "
                              "source rather than copy each other", wa);
        add_ev(al, PX_EV_WIRE, 0, 0, sa, t);
        return 1;
    }
    if (!wa == !wb) return 0;
    int x = wa ? 0 : 1;
    snprintf(t, sizeof t, "%s is credited to the wire service %s; %s is not",
             label(al, x), x ? wb : wa, label(al, !x));
    add_ev(al, PX_EV_WIRE, x ? -W_WIRE : W_WIRE, x, x ? sb : sa, t);
    return 0;
}

/* Side y cites w, the wire side x is credited to: x is y's source. */
static void named_cue(px_align *al, int y, const char *w) {
    const px_align_side *s = al->side[y];
    for (size_t i = 0; w && i < s->ncites; i++) {
        if (!px_wire_is(s->cites[i].wire, w)) continue;
        char m[256];
        snprintf(m, sizeof m, "%s cites %s, the wire %s is credited to",
                 label(al, y), w, label(al, !y));
        add_ev(al, PX_EV_ATTRIBUTION, y ? W_NAMED : -W_NAMED, y,
               s->cites[i].span, m);
        return;
    }
}

/* An inserted "X reports that" / "according to X" around a shared
 * sentence on side y. */
static void frame_cue(px_align *al, int y) {
    const px_doc *d = al->side[y]->doc;
    const uint8_t *frame = al->side[y]->frame;
    for (size_t i = 0; i < al->npairs; i++) {
        const px_align_pair *p = &al->pairs[i].pub;
        for (size_t k = 0; k < p->nops; k++) {
            const px_op *op = &p->ops[k];
            px_op_kind mine = y ? PX_OP_INSERT : PX_OP_DELETE;
            uint32_t at = y ? op->b_tok : op->a_tok, n = y ? op->b_n : op->a_n;
            if (op->kind != mine && op->kind != PX_OP_REPLACE) continue;
            for (uint32_t j = at; j < at + n; j++) {
                if (!frame[j]) continue;
                char m[256];
                snprintf(m, sizeof m,
                         "%s wraps a shared sentence in an attribution it "
                         "added (\"%.*s\")",
                         label(al, y), (int)((y ? op->b_span : op->a_span).end -
                                             (y ? op->b_span : op->a_span).start),
                         px_doc_orig(d, NULL) + (y ? op->b_span : op->a_span).start);
                add_ev(al, PX_EV_ATTRIBUTION, y ? W_FRAME : -W_FRAME, y,
                       y ? op->b_span : op->a_span, m);
                return;
            }
        }
    }
}

static void containment_cue(px_align *al) {
    double ca = al->cover[0], cb = al->cover[1], d = ca - cb;
    if (!al->npairs || fabs(d) < 0.1) return;
    int x = d > 0 ? 0 : 1; /* x is the contained one: the source */
    char t[256];
    snprintf(t, sizeof t,
             "%.0f%% of %s's content is found in %s, which adds material "
             "(only %.0f%% of it is in %s)",
             100 * al->cover[x], label(al, x), label(al, !x),
             100 * al->cover[!x], label(al, x));
    double w = 2 * fabs(d) > 1.5 ? 1.5 : 2 * fabs(d);
    add_ev(al, PX_EV_CONTAINMENT, x ? -w : w, !x, (px_span){0, 0}, t);
}

void px_direction_find(px_align *al) {
    char ba[64], bb[64];
    px_span sa, sb;
    const char *wa = wire_of(al->side[0], ba, sizeof ba, &sa);
    const char *wb = wire_of(al->side[1], bb, sizeof bb, &sb);
    int siblings = 0;
    time_cue(al);
    if (al->npairs) {
        siblings = wire_cue(al, wa, sa, wb, sb);
        named_cue(al, 1, wa);
        named_cue(al, 0, wb);
        frame_cue(al, 1);
        frame_cue(al, 0);
    }
    containment_cue(al);
    double sum = 0;
    for (size_t i = 0; i < al->nev; i++) sum += al->ev[i].weight;
    al->dir.ev = al->ev;
    al->dir.nev = al->nev;
    al->dir.confidence = (1 - exp(-fabs(sum))) * (siblings ? 0.5 : 1);
    if (fabs(sum) >= MIN_SUM) {
        al->dir.dir = sum > 0 ? PX_DIR_A_TO_B : PX_DIR_B_TO_A;
    } else if (al->npairs && al->cover[0] > 0.9 && al->cover[1] > 0.9) {
        al->dir.dir = PX_DIR_SAME;
        al->dir.confidence = (al->cover[0] + al->cover[1]) / 2;
    } else {
        al->dir.dir = PX_DIR_UNKNOWN;
    }
}
