/*
 * wdiff.c - word-level diff inside one aligned pair.
 *
 * The tokens of the pair's A sentences and of its B sentences are compared
 * by key (Snowball stem hash: "meeting" keeps "meet").  Common prefix and
 * suffix are stripped first (identical sentences cost O(n)); the middle is a
 * bit-parallel LCS when B's part fits a 64-bit word (most sentences), else
 * a classic LCS table, capped at MAX_CELLS cells (beyond it the middle is one
 * replacement: sentences are capped at PX_SENT_MAX_TOKENS, so this only
 * bites on huge merged groups).  The edit script is then grouped into runs:
 * deletions and insertions between two kept words form one REPLACE
 * ("told reporters" -> "confirmed"), and no run crosses a sentence boundary
 * of either side, so every op maps to one contiguous original span.
 */
#include "align/align_int.h"
#include "core/array.h"

#define MAX_CELLS ((size_t)4 << 20)

typedef struct gtok {
    uint32_t tok;  /* first token index in the side's doc */
    uint32_t ntok; /* tokens in this unit: initials "U.S." share one key */
    uint32_t sent; /* sentence ordinal within the pair */
    uint64_t key;
} gtok;

/* The workspace: buffers reused from pair to pair of one alignment. */
struct px_wdiff_ws {
    gtok *t[2];
    size_t n[2], at[2];
    char *script; /* 'K', 'D' (A only), 'I' (B only) */
    size_t ns, ascript;
    uint16_t *L; /* LCS table */
    size_t aL;
    uint64_t *V; /* bit-parallel rows */
    size_t aV;
};
typedef struct px_wdiff_ws seqs;

/* Grow *p (elements of size sz, capacity *cap) to hold n. */
static void *reserve(void *p, size_t *cap, size_t n, size_t sz) {
    if (n <= *cap) return p;
    *cap = n * 2;
    return px_realloc(p, *cap * sz);
}

typedef struct opsink {
    const px_align *al;
    px_pair_int *p;
    size_t aops;
} opsink;

static void gather(seqs *q, int x, const px_align_side *s, const uint32_t *v,
                   uint32_t n) {
    size_t total = 0;
    for (uint32_t i = 0; i < n; i++) total += s->sents[v[i]].tok_count;
    gtok *g = q->t[x] = reserve(q->t[x], &q->at[x], total + 1, sizeof *g);
    size_t o = 0;
    for (uint32_t i = 0; i < n; i++) {
        const px_sent *se = &s->sents[v[i]];
        for (uint32_t k = 0; k < se->tok_count; k++) {
            uint64_t key = s->key[se->tok_first + k];
            if (k && g[o - 1].key == key && g[o - 1].sent == i) {
                g[o - 1].ntok++; /* one unit: "U.S." */
                continue;
            }
            g[o++] = (gtok){se->tok_first + k, 1, i, key};
        }
    }
    q->n[x] = o;
}

/* Bit-parallel LCS (Allison-Dix, Hyyro) for m <= 64: rows V[k] over the
 * reversed sequences, so the LCS of the suffixes a[i..], b[j..] is the
 * number of zero bits of V[n - i] among its low m - j bits.  O(n m / 64)
 * word operations instead of n m dependent steps. */
static const uint64_t *bp_rows(seqs *q, const gtok *a, size_t n, const gtok *b,
                               size_t m) {
    uint64_t *V = q->V = reserve(q->V, &q->aV, n + 1, sizeof *V);
    V[0] = ~(uint64_t)0;
    for (size_t k = 0; k < n; k++) {
        uint64_t M = 0, key = a[n - 1 - k].key;
        for (size_t j = 0; j < m; j++)
            M |= (uint64_t)(b[m - 1 - j].key == key) << j;
        uint64_t U = V[k] & M;
        V[k + 1] = (V[k] + U) | (V[k] - U);
    }
    return V;
}

static size_t bp_suffix_lcs(const uint64_t *V, size_t n, size_t m, size_t i,
                            size_t j) {
    size_t bits = m - j;
    uint64_t mask = bits >= 64 ? ~(uint64_t)0 : (((uint64_t)1 << bits) - 1);
    return (size_t)__builtin_popcountll(~V[n - i] & mask);
}

static void lcs_bits(seqs *q, const gtok *a, size_t n, const gtok *b,
                     size_t m) {
    const uint64_t *V = bp_rows(q, a, n, b, m);
    size_t i = 0, j = 0;
    while (i < n && j < m) {
        if (a[i].key == b[j].key)
            q->script[q->ns++] = 'K', i++, j++;
        else if (bp_suffix_lcs(V, n, m, i + 1, j) >=
                 bp_suffix_lcs(V, n, m, i, j + 1))
            q->script[q->ns++] = 'D', i++;
        else
            q->script[q->ns++] = 'I', j++;
    }
    while (i < n) q->script[q->ns++] = 'D', i++;
    while (j < m) q->script[q->ns++] = 'I', j++;
}

/* LCS edit script of a[0..n) vs b[0..m) appended to q->script. */
static void lcs(seqs *q, const gtok *a, size_t n, const gtok *b, size_t m) {
    if (!n || !m || (n + 1) * (m + 1) > MAX_CELLS) {
        for (size_t i = 0; i < n; i++) q->script[q->ns++] = 'D';
        for (size_t j = 0; j < m; j++) q->script[q->ns++] = 'I';
        return;
    }
    if (m <= 64) {
        lcs_bits(q, a, n, b, m);
        return;
    }
    size_t W = m + 1;
    uint16_t *L = q->L = reserve(q->L, &q->aL, (n + 1) * W, sizeof *L);
    for (size_t j = 0; j <= m; j++) L[n * W + j] = 0;
    for (size_t i = 0; i < n; i++) L[i * W + m] = 0;
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            L[i * W + j] =
                a[i].key == b[j].key ? (uint16_t)(L[(i + 1) * W + j + 1] + 1)
                : L[(i + 1) * W + j] >= L[i * W + j + 1] ? L[(i + 1) * W + j]
                                                         : L[i * W + j + 1];
    size_t i = 0, j = 0;
    while (i < n && j < m) {
        if (a[i].key == b[j].key)
            q->script[q->ns++] = 'K', i++, j++;
        else if (L[(i + 1) * W + j] >= L[i * W + j + 1])
            q->script[q->ns++] = 'D', i++;
        else
            q->script[q->ns++] = 'I', j++;
    }
    while (i < n) q->script[q->ns++] = 'D', i++;
    while (j < m) q->script[q->ns++] = 'I', j++;
}

static void edit_script(seqs *q) {
    size_t n = q->n[0], m = q->n[1], pre = 0, suf = 0;
    const gtok *a = q->t[0], *b = q->t[1];
    while (pre < n && pre < m && a[pre].key == b[pre].key) pre++;
    while (suf < n - pre && suf < m - pre &&
           a[n - 1 - suf].key == b[m - 1 - suf].key)
        suf++;
    q->script = reserve(q->script, &q->ascript, n + m + 1, 1);
    q->ns = 0;
    for (size_t i = 0; i < pre; i++) q->script[q->ns++] = 'K';
    lcs(q, a + pre, n - pre - suf, b + pre, m - pre - suf);
    for (size_t i = 0; i < suf; i++) q->script[q->ns++] = 'K';
}

/* ----------------------------------------------------------------- ops */

static void push_op(opsink *o, px_op op) {
    px_pair_int *p = o->p;
    p->ops =
        px_array_grow(p->ops, &o->aops, p->pub.nops + 1, 16, sizeof *p->ops);
    p->ops[p->pub.nops++] = op;
}

/* Original span of tokens g[from..from+n) of a side; an empty run gives an
 * empty span after token g[from - 1] (or before g[from]). */
static px_span run_span(const px_token *t, const gtok *g, size_t len,
                        size_t from, size_t n) {
    if (n) {
        const gtok *last = &g[from + n - 1];
        return (px_span){t[g[from].tok].start,
                         t[last->tok + last->ntok - 1].end};
    }
    size_t at = from  ? t[g[from - 1].tok + g[from - 1].ntok - 1].end
                : len ? t[g[0].tok].start
                      : 0;
    return (px_span){at, at};
}

/* Doc tokens in units g[from..from+n). */
static uint32_t units_tokens(const gtok *g, size_t from, size_t n) {
    uint32_t t = 0;
    for (size_t i = 0; i < n; i++) t += g[from + i].ntok;
    return t;
}

/* Token index where an empty run at unit i sits. */
static uint32_t insertion_point(const gtok *g, size_t n, size_t i) {
    if (i < n) return g[i].tok;
    return i ? g[i - 1].tok + g[i - 1].ntok : 0;
}

/* Length of the run from i on that stays in one sentence (at most n). */
static size_t one_sentence(const gtok *g, size_t i, size_t n) {
    size_t k = 0;
    while (k < n && g[i + k].sent == g[i].sent) k++;
    return k;
}

/* Emit A tokens [ia, ia+na) vs B tokens [ib, ib+nb) as ops of `kind`,
 * cut at sentence boundaries of either side. */
static void emit_runs(opsink *o, const seqs *q, px_op_kind kind, size_t ia,
                      size_t na, size_t ib, size_t nb) {
    const px_token *ta = px_doc_tokens(o->al->side[0]->doc, &(size_t){0});
    const px_token *tb = px_doc_tokens(o->al->side[1]->doc, &(size_t){0});
    while (na || nb) {
        size_t ka = na ? one_sentence(q->t[0], ia, na) : 0;
        size_t kb = nb ? one_sentence(q->t[1], ib, nb) : 0;
        if (kind == PX_OP_KEEP) ka = kb = ka < kb ? ka : kb;
        px_op_kind k = kind == PX_OP_KEEP ? kind
                       : ka && kb         ? PX_OP_REPLACE
                       : ka               ? PX_OP_DELETE
                                          : PX_OP_INSERT;
        px_op op = {k,
                    ka ? q->t[0][ia].tok : 0,
                    units_tokens(q->t[0], ia, ka),
                    kb ? q->t[1][ib].tok : 0,
                    units_tokens(q->t[1], ib, kb),
                    run_span(ta, q->t[0], q->n[0], ia, ka),
                    run_span(tb, q->t[1], q->n[1], ib, kb)};
        if (!ka) op.a_tok = insertion_point(q->t[0], q->n[0], ia);
        if (!kb) op.b_tok = insertion_point(q->t[1], q->n[1], ib);
        push_op(o, op);
        ia += ka, na -= ka, ib += kb, nb -= kb;
    }
}

static void script_to_ops(opsink *o, const seqs *q) {
    size_t i = 0, ia = 0, ib = 0;
    while (i < q->ns) {
        size_t j = i, na = 0, nb = 0;
        if (q->script[i] == 'K') {
            while (j < q->ns && q->script[j] == 'K') j++;
            emit_runs(o, q, PX_OP_KEEP, ia, j - i, ib, j - i);
            na = nb = j - i;
        } else {
            for (; j < q->ns && q->script[j] != 'K'; j++)
                q->script[j] == 'D' ? na++ : nb++;
            emit_runs(o, q, PX_OP_REPLACE, ia, na, ib, nb);
        }
        ia += na, ib += nb, i = j;
    }
}

px_wdiff_ws *px_wdiff_ws_new(void) {
    return px_calloc(1, sizeof(px_wdiff_ws));
}

void px_wdiff_ws_free(px_wdiff_ws *q) {
    if (!q) return;
    px_free(q->t[0]);
    px_free(q->t[1]);
    px_free(q->script);
    px_free(q->L);
    px_free(q->V);
    px_free(q);
}

void px_wdiff_pair(const px_align *al, px_pair_int *p, px_wdiff_ws *q) {
    gather(q, 0, al->side[0], p->a, p->pub.a_n);
    gather(q, 1, al->side[1], p->b, p->pub.b_n);
    edit_script(q);
    opsink o = {al, p, 0};
    script_to_ops(&o, q);
    p->pub.ops = p->ops;
    size_t kept = 0, all = 0;
    for (size_t k = 0; k < p->pub.nops; k++) {
        all += p->ops[k].a_n + p->ops[k].b_n;
        if (p->ops[k].kind == PX_OP_KEEP) kept += p->ops[k].a_n + p->ops[k].b_n;
    }
    p->pub.kept = all ? (double)kept / all : 0;
}
