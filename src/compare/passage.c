/*
 * passage.c - what one source has and the other lacks (passages, people)
 * and wording changes inside aligned sentences.
 *
 * Passages: runs of consecutive sentences the alignment left unpaired;
 * the summary names the people and counts the figures inside, whose own
 * findings are not repeated.  People: a person named in one source only
 * (by full name or surname), when named in a passage both sources have.
 * Wording: word-diff runs of aligned sentences that hold a loaded or
 * intensified word from the language lexicon ("deadliest" -> "bloodiest",
 * "talks" -> "decisive talks").
 */
#include <string.h> /* strlen, strcmp */

#include "compare/compare_int.h"

#define MIN_PASSAGE_TOKENS 4


/* --------------------------------------------------------------- passages */

/* People and figures inside span sp of side x, for the summary; marks the
 * claims there used. */
static void passage_contents(px_cpair *p, int x, px_span sp, px_buf *s) {
    size_t n, ne, figures = 0, people = 0;
    const px_claim *c = px_claims_list(p->s[x]->claims, &n);
    const px_entity *en = px_claims_entities(p->s[x]->claims, &ne);
    for (size_t i = px_cpair_first_claim(p, x, sp.start);
         i < n && c[i].span.start < sp.end; i++) {
        if (c[i].span.end > sp.end) continue;
        p->used[x][i] = 1;
        if (c[i].kind == PX_CLAIM_QUANTITY) figures++;
        if (c[i].kind != PX_CLAIM_ENTITY || en[c[i].entity].type != PX_ENT_PERSON)
            continue;
        if (people >= 4 || en[c[i].entity].first.start != c[i].span.start)
            continue;
        px_buf_printf(s, "%s%s", people ? ", " : "; names ",
                      en[c[i].entity].name);
        people++;
    }
    if (figures) px_buf_printf(s, "; %zu figure%s", figures, figures > 1 ? "s" : "");
}

static void one_passage(px_cpair *p, int x, size_t s0, size_t s1) {
    const px_sent *st = p->s[x]->sents;
    size_t toks = 0;
    for (size_t k = s0; k < s1; k++) toks += st[k].tok_count;
    if (toks < MIN_PASSAGE_TOKENS) return;
    px_span sp = {st[s0].span.start, st[s1 - 1].span.end};
    char *t = px_cpair_snip(p, x, st[s0].span, 100);
    px_buf s = PX_BUF_INIT;
    int headline = s1 - s0 == 1 && (st[s0].flags & PX_SENT_HEADLINE);
    px_buf_printf(&s, "%sonly in %s (not in %s): \"%s\" (%zu sentence%s",
                  headline ? "headline " : "", px_cpair_label(p, x),
                  px_cpair_label(p, !x), t, s1 - s0, s1 - s0 > 1 ? "s" : "");
    px_free(t);
    passage_contents(p, x, sp, &s);
    px_buf_putc(&s, ')');
    px_finding *f = px_finding_add(p, x, PX_FIND_ONLY_IN, PX_FK_PASSAGE,
                                   px_buf_detach(&s, NULL));
    px_finding_ev_add(f, p->idx[x], sp);
}

void px_find_passages(px_cpair *p) {
    for (int x = 0; x < 2; x++) {
        size_t n;
        const uint32_t *only = px_align_only(p->al, x, &n);
        const px_sent *st = p->s[x]->sents;
        for (size_t i = 0; i < n;) {
            /* consecutive unpaired sentences of one paragraph */
            size_t j = i + 1;
            while (j < n && only[j] == only[j - 1] + 1 &&
                   !(st[only[j]].flags & PX_SENT_PARA))
                j++;
            one_passage(p, x, only[i], only[j - 1] + 1);
            i = j;
        }
    }
}

/* ----------------------------------------------------------------- people */

static int named_in(const px_cpair *p, int x, const px_entity *e) {
    size_t n;
    const px_entity *en = px_claims_entities(p->s[x]->claims, &n);
    for (size_t i = 0; i < n; i++)
        if (en[i].type == PX_ENT_PERSON && px_names_match(&en[i], e)) return 1;
    return 0;
}

void px_find_people(px_cpair *p) {
    for (int x = 0; x < 2; x++) {
        size_t n, ne;
        const px_claim *c = px_claims_list(p->s[x]->claims, &n);
        const px_entity *en = px_claims_entities(p->s[x]->claims, &ne);
        uint8_t *done = px_calloc(ne ? ne : 1, 1);
        for (size_t i = 0; i < n; i++) {
            if (c[i].kind != PX_CLAIM_ENTITY || p->used[x][i]) continue;
            const px_entity *e = &en[c[i].entity];
            if (e->type != PX_ENT_PERSON || done[c[i].entity]) continue;
            done[c[i].entity] = 1;
            if (named_in(p, !x, e)) continue;
            px_buf s = PX_BUF_INIT;
            px_buf_printf(&s, "person only in %s (not in %s): %s%s%s%s",
                          px_cpair_label(p, x), px_cpair_label(p, !x), e->name, e->role ? " (" : "", e->role ? e->role : "",
                          e->role ? ")" : "");
            px_finding *f = px_finding_add(p, x, PX_FIND_ONLY_IN, PX_FK_ENTITY,
                                           px_buf_detach(&s, NULL));
            px_finding_ev_add(f, p->idx[x], c[i].span);
        }
        px_free(done);
    }
}

/* ---------------------------------------------------------------- wording */

/* The loaded class of the first loaded token among n from t, or NULL. */
static const char *loaded(const px_cpair *p, int x, uint32_t t, uint32_t n,
                          uint32_t *at) {
    const px_csrc *s = p->s[x];
    for (uint32_t k = t; k < t + n && k < s->ntok; k++) {
        const char *cls = px_claimer_loaded(p->c->claimer, s->tok[k].hash);
        if (cls) {
            *at = k;
            return cls;
        }
    }
    return NULL;
}

/* Evidence span of a diff run: its words (empty for an empty run). */
static px_span run_span(uint32_t n, px_span sp) {
    return n ? sp : (px_span){0, 0};
}

#define WORDING_MAX_RUN 3

/* Is span sp of side x already evidence of a quote finding of this pair?
 * (A changed quote is reported once, as quote_changed.) */
static int in_quote_finding(const px_cpair *p, int x, px_span sp) {
    for (size_t i = 0; i < p->c->nf; i++) {
        const px_finding *f = &p->c->f[i];
        if (f->kind != PX_FK_QUOTE) continue;
        for (size_t e = 0; e < f->nev; e++)
            if (f->ev[e].article == p->idx[x] && f->ev[e].span.start <= sp.start &&
                sp.end <= f->ev[e].span.end)
                return 1;
    }
    return 0;
}

/* ea or eb may be empty (words added or dropped): one-sided evidence. */
static void wording_finding(px_cpair *p, const char *cls, px_span ea,
                            px_span eb) {
    if ((ea.end > ea.start && in_quote_finding(p, 0, ea)) ||
        (eb.end > eb.start && in_quote_finding(p, 1, eb)))
        return;
    px_buf s = PX_BUF_INIT;
    px_span one = ea.end > ea.start ? ea : eb;
    int x = ea.end > ea.start ? 0 : 1;
    if (ea.end > ea.start && eb.end > eb.start) {
        char *ta = px_cpair_snip(p, 0, ea, 60), *tb = px_cpair_snip(p, 1, eb, 60);
        px_buf_printf(&s, "%s wording: \"%s\" (%s) vs \"%s\" (%s)", cls, ta,
                      px_cpair_label(p, 0), tb, px_cpair_label(p, 1));
        px_free(ta);
        px_free(tb);
    } else {
        char *t = px_cpair_snip(p, x, one, 60);
        px_buf_printf(&s, "%s wording only in %s (not in %s): \"%s\"", cls,
                      px_cpair_label(p, x), px_cpair_label(p, !x), t);
        px_free(t);
    }
    px_finding *f = px_finding_add(p, 0, PX_FIND_WORDING, PX_FK_PASSAGE,
                                   px_buf_detach(&s, NULL));
    px_finding_ev_add(f, p->idx[0], ea);
    px_finding_ev_add(f, p->idx[1], eb);
}

/* A short changed run holding a loaded word: "deadliest" -> "bloodiest". */
static void short_run(px_cpair *p, const px_op *op) {
    uint32_t ka = 0, kb = 0;
    const char *ca = loaded(p, 0, op->a_tok, op->a_n, &ka);
    const char *cb = loaded(p, 1, op->b_tok, op->b_n, &kb);
    if (!ca && !cb) return;
    wording_finding(p, cb ? cb : ca,
                    run_span(op->a_n, op->a_span), run_span(op->b_n, op->b_span));
}

/* An intensifier put before a word both sides have, inside a longer
 * change: "talks" -> "decisive talks". */
/* A loaded word in a longer change ("seized" for "captured"): reported
 * when the other side's run does not use it too. */
static void loaded_in_run(px_cpair *p, const px_op *op, int x, uint32_t k,
                          const char *cls) {
    const px_csrc *s = p->s[x], *os = p->s[!x];
    uint32_t ot = x ? op->a_tok : op->b_tok, on = x ? op->a_n : op->b_n;
    for (uint32_t i = ot; i < ot + on && i < os->ntok; i++)
        if (os->tok[i].hash == s->tok[k].hash) return;
    px_span mine = {s->tok[k].start, s->tok[k].end};
    px_span other = on && on <= 8 ? (x ? op->a_span : op->b_span)
                                  : (px_span){0, 0};
    wording_finding(p, cls, x ? other : mine, x ? mine : other);
}

/* An intensifier put before a word both sides have, inside a longer
 * change: "talks" -> "decisive talks"; a superlative with no counterpart;
 * a loaded word the other side does not use. */
static void intensified(px_cpair *p, const px_align_pair *pr, const px_op *op,
                        int x) {
    uint32_t k;
    const px_csrc *s = p->s[x];
    const char *cls = loaded(p, x, x ? op->b_tok : op->a_tok,
                             x ? op->b_n : op->a_n, &k);
    if (!cls || k + 1 >= s->ntok) return;
    if (!strcmp(cls, "loaded")) {
        loaded_in_run(p, op, x, k, cls);
        return;
    }
    if (s->orig[s->tok[k].end] == '-') return; /* "highest-level" */
    px_span head = {s->tok[k + 1].start, s->tok[k + 1].end};
    uint64_t h, o[64];
    if (px_cpair_stems(p, x, head, &h, 1, 0) != 1) return;
    px_span other = x ? pr->a_span : pr->b_span;
    size_t no = px_cpair_stems(p, !x, other, o, 64, 0);
    const px_csrc *os = p->s[!x];
    px_span mine = {s->tok[k].start, s->tok[k + 1].end};
    for (size_t i = 0; i < no; i++) {
        if (o[i] != h) continue;
        /* the i-th token of the other span */
        size_t tk = 0;
        while (tk < os->ntok && os->tok[tk].end <= other.start) tk++;
        tk += i;
        if (tk >= os->ntok) return;
        px_span oh = {os->tok[tk].start, os->tok[tk].end};
        wording_finding(p, cls, x ? oh : mine, x ? mine : oh);
        return;
    }
    if (strcmp(cls, "superlative")) return;
    /* "the worst accident in a decade": a superlative with no counterpart */
    wording_finding(p, cls, x ? other : mine, x ? mine : other);
}

static void one_wording(px_cpair *p, const px_align_pair *pr, const px_op *op) {
    if (op->a_n <= WORDING_MAX_RUN && op->b_n <= WORDING_MAX_RUN) {
        short_run(p, op);
        return;
    }
    intensified(p, pr, op, 0);
    intensified(p, pr, op, 1);
}

/* Wording is compared only between sentences that tell the same thing
 * (weighted Dice of the alignment), not two events described alike. */
#define WORDING_MIN_SCORE 0.3

void px_find_wording(px_cpair *p) {
    size_t np = px_align_npairs(p->al);
    for (size_t k = 0; k < np; k++) {
        const px_align_pair *pr = px_align_get_pair(p->al, k);
        if (pr->score < WORDING_MIN_SCORE) continue;
        for (size_t o = 0; o < pr->nops; o++)
            if (pr->ops[o].kind != PX_OP_KEEP) one_wording(p, pr, &pr->ops[o]);
    }
}
