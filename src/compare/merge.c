/*
 * merge.c - one finding per claim across pairs (three or more sources),
 * and the names that replace the label placeholders of summaries.
 *
 * Every pair of sources is compared on its own, so with three sources a
 * passage only one of them has is reported twice ("only in C, not in A",
 * "only in C, not in B") and a figure one source rounds is reported once
 * per other source.  Here findings of one type and kind are joined
 * (union-find) when they share a claim:
 *
 *   - the same evidence span of the same article (the last evidence of
 *     each article is its claim; for only_in only the articles that have
 *     it count, the others' evidence is context), or
 *   - for passages and quotes one source lacks: evidence of two articles
 *     whose sentences the alignment of those two articles pairs ("only in
 *     A, not in C" and "only in B, not in C" about one paragraph).
 *
 * Each pairwise finding puts its two articles on opposite sides.  A group
 * is laid out from its first finding: a member joins when its articles
 * fit the sides placed so far (only_in members keep their orientation:
 * side 0 has it); one that contradicts them stays a finding of its own
 * (three different values, each pair rounded); `same` findings cannot
 * contradict, their sides go by the words each source uses.  The merged
 * finding keeps
 * the first member's summary, the union of the evidence and both sides'
 * articles, so "rounded: 312 people (\1 0) vs More than 300 (\1 1)"
 * reads "(Valdoria Today, The Velmora Herald) vs ... (Coastline Daily)".
 */
#include <stdlib.h>  /* qsort */
#include <string.h>  /* memset, strchr */
#include <strings.h> /* strcasecmp */

#include "compare/compare_int.h"

/* ------------------------------------------------------------ union-find */

static size_t uf_find(size_t *up, size_t x) {
    while (up[x] != x) x = up[x] = up[up[x]];
    return x;
}

static void uf_join(size_t *up, size_t a, size_t b) {
    a = uf_find(up, a), b = uf_find(up, b);
    if (a < b)
        up[b] = a; /* the root is the earliest finding */
    else if (b < a)
        up[a] = b;
}

/* ----------------------------------------------------------------- nodes */

/* One claim a finding is about: its evidence in one article. */
typedef struct node {
    const px_finding *f;
    size_t fi, art;
    px_span sp;
} node;

static int cmp_node(const void *x, const void *y) {
    const node *a = x, *b = y;
    if (a->f->type != b->f->type) return a->f->type < b->f->type ? -1 : 1;
    if (a->f->kind != b->f->kind) return a->f->kind < b->f->kind ? -1 : 1;
    if (a->art != b->art) return a->art < b->art ? -1 : 1;
    if (a->sp.start != b->sp.start) return a->sp.start < b->sp.start ? -1 : 1;
    if (a->sp.end != b->sp.end) return a->sp.end < b->sp.end ? -1 : 1;
    return a->fi < b->fi ? -1 : a->fi > b->fi;
}

static int same_claim(const node *a, const node *b) {
    return a->f->type == b->f->type && a->f->kind == b->f->kind &&
           a->art == b->art && a->sp.start == b->sp.start &&
           a->sp.end == b->sp.end;
}

/* The nodes of finding fi: the last evidence of each article holding the
 * claim.  A pairwise finding names two articles, so at most 2. */
static size_t finding_nodes(const px_finding *f, size_t fi, node *out) {
    size_t n = 0;
    for (size_t e = f->nev; e-- > 0 && n < 2;) {
        size_t a = f->ev[e].article;
        if (f->type == PX_FIND_ONLY_IN && !(f->sides[0] >> a & 1)) continue;
        if (n && out[0].art == a) continue;
        out[n++] = (node){f, fi, a, f->ev[e].span};
    }
    return n;
}

/* ------------------------------------------------- aligned only_in claims */

static const px_align *pair_align(const px_compare *c, size_t i, size_t j) {
    size_t n = c->nsrc;
    return c->aligns[i * (2 * n - i - 1) / 2 + (j - i - 1)];
}

/* The span of article b aligned with the sentence holding byte off of
 * article a, or an empty span. */
static px_span partner_span(const px_compare *c, size_t a, size_t off,
                            size_t b) {
    const px_csrc *s = &c->src[a];
    long si = px_sent_find(s->sents, s->nsents, off);
    if (si < 0) return (px_span){0, 0};
    int x = a > b;
    const px_align *al = x ? pair_align(c, b, a) : pair_align(c, a, b);
    long k = px_align_partner(al, x, (size_t)si);
    if (k < 0) return (px_span){0, 0};
    const px_align_pair *pr = px_align_get_pair(al, (size_t)k);
    return x ? pr->a_span : pr->b_span;
}

/* First node >= key (type, kind, article b, start). */
static size_t lower_node(const node *nd, size_t n, const node *key) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t m = (lo + hi) / 2;
        if (cmp_node(&nd[m], key) < 0)
            lo = m + 1;
        else
            hi = m;
    }
    return lo;
}

static int overlaps(const node *x, const node *key, px_span sp) {
    return x->f->type == key->f->type && x->f->kind == key->f->kind &&
           x->art == key->art && x->sp.start < sp.end && sp.start < x->sp.end;
}

/* Join the only_in passage or quote of node v with those of other articles
 * in the sentences aligned with it. */
static void join_aligned(const px_compare *c, const node *nd, size_t n,
                         const node *v, size_t *up) {
    for (size_t b = 0; b < c->nsrc; b++) {
        if (b == v->art) continue;
        px_span sp = partner_span(c, v->art, v->sp.start, b);
        if (sp.end <= sp.start) continue;
        node key = {v->f, 0, b, {sp.start, 0}};
        size_t m = lower_node(nd, n, &key);
        if (m > 0 && overlaps(&nd[m - 1], &key, sp))
            uf_join(up, v->fi, nd[m - 1].fi);
        for (; m < n && overlaps(&nd[m], &key, sp); m++)
            uf_join(up, v->fi, nd[m].fi);
    }
}

static int aligned_kind(const px_finding *f) {
    return f->type == PX_FIND_ONLY_IN &&
           (f->kind == PX_FK_PASSAGE || f->kind == PX_FK_QUOTE);
}

/* ----------------------------------------------------------------- sides */

static size_t bit_index(uint64_t m) {
    return (size_t)__builtin_ctzll(m);
}

/* Orientation of pairwise finding f in a group whose articles are placed
 * in side_of[] (-1 unplaced): 0 or 1, -1 not placeable yet, -2 contradicts
 * the group. */
static int orient(const px_finding *f, const int *side_of) {
    int s0 = side_of[bit_index(f->sides[0])],
        s1 = side_of[bit_index(f->sides[1])];
    int o = f->type == PX_FIND_ONLY_IN ? 0
            : s0 >= 0                  ? s0
            : s1 >= 0                  ? 1 - s1
                                       : -1;
    if (o < 0) return -1;
    if ((s0 >= 0 && s0 != o) || (s1 >= 0 && s1 != 1 - o)) return -2;
    return o;
}

static int cmp_ev(const void *x, const void *y) {
    const px_finding_ev *a = x, *b = y;
    if (a->article != b->article) return a->article < b->article ? -1 : 1;
    return a->span.start < b->span.start ? -1 : a->span.start > b->span.start;
}

/* The claim text of article a in finding f (its last evidence). */
static px_span claim_of(const px_finding *f, size_t a) {
    for (size_t e = f->nev; e-- > 0;)
        if (f->ev[e].article == a) return f->ev[e].span;
    return (px_span){0, 0};
}

static int same_text(const px_compare *c, size_t a, px_span x, size_t b,
                     px_span y) {
    return x.end - x.start == y.end - y.start &&
           !memcmp(c->src[a].orig + x.start, c->src[b].orig + y.start,
                   x.end - x.start);
}

/* `same` findings never contradict: an article joins side 0 when its
 * words are those of the first finding's side 0, else side 1. */
static void place_same(const px_compare *c, const px_finding *r,
                       const px_finding *m, int *side_of) {
    size_t r0 = bit_index(r->sides[0]), r1 = bit_index(r->sides[1]);
    px_span t0 = claim_of(r, r0);
    for (int s = 0; s < 2; s++) {
        size_t a = bit_index(m->sides[s]);
        if (side_of[a] >= 0) continue;
        side_of[a] = !(a != r1 && same_text(c, a, claim_of(m, a), r0, t0));
    }
}

/* Fold member m, oriented o, into representative r. */
static void absorb(px_finding *r, px_finding *m, const int *side_of) {
    for (int s = 0; s < 2; s++)
        r->sides[side_of[bit_index(m->sides[s])]] |= m->sides[s];
    for (size_t e = 0; e < m->nev; e++)
        px_finding_ev_add(r, m->ev[e].article, m->ev[e].span);
    r->pairs += m->pairs;
    px_free(m->summary);
    px_free(m->ev);
    m->summary = NULL, m->ev = NULL, m->nev = 0;
}

/* Merge the findings mem[0..n) (one group, in finding order) into the
 * first; marks absorbed ones in gone[]. */
static void merge_group(px_compare *c, const size_t *mem, size_t n,
                        uint8_t *gone) {
    int side_of[PX_COMPARE_MAX_SOURCES];
    uint8_t *placed = px_calloc(n, 1);
    for (size_t i = 0; i < PX_COMPARE_MAX_SOURCES; i++) side_of[i] = -1;
    px_finding *r = &c->f[mem[0]];
    side_of[bit_index(r->sides[0])] = 0, side_of[bit_index(r->sides[1])] = 1;
    placed[0] = 1;
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t k = 1; k < n; k++) {
            if (placed[k]) continue;
            px_finding *m = &c->f[mem[k]];
            int o = m->type == PX_FIND_SAME ? 0 : orient(m, side_of);
            if (o == -1) continue;
            placed[k] = 1; /* placed, or left on its own (-2) */
            if (o < 0) continue;
            if (m->type == PX_FIND_SAME) {
                place_same(c, r, m, side_of);
            } else {
                side_of[bit_index(m->sides[0])] = o;
                side_of[bit_index(m->sides[1])] = 1 - o;
            }
            absorb(r, m, side_of);
            gone[mem[k]] = 1;
            changed = 1;
        }
    }
    if (r->pairs > 1) qsort(r->ev, r->nev, sizeof *r->ev, cmp_ev);
    px_free(placed);
}

static int cmp_root(const void *x, const void *y, void *ud) {
    size_t *up = ud, a = *(const size_t *)x, b = *(const size_t *)y;
    size_t ra = uf_find(up, a), rb = uf_find(up, b);
    if (ra != rb) return ra < rb ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* Union the findings that share a claim (see the top of the file). */
static void group(const px_compare *c, size_t *up) {
    node *nd = px_malloc((2 * c->nf + 1) * sizeof *nd);
    size_t n = 0;
    for (size_t i = 0; i < c->nf; i++) n += finding_nodes(&c->f[i], i, nd + n);
    qsort(nd, n, sizeof *nd, cmp_node);
    for (size_t i = 1; i < n; i++)
        if (same_claim(&nd[i - 1], &nd[i])) uf_join(up, nd[i - 1].fi, nd[i].fi);
    for (size_t i = 0; i < n; i++)
        if (aligned_kind(nd[i].f)) join_aligned(c, nd, n, &nd[i], up);
    px_free(nd);
}

void px_compare_merge(px_compare *c) {
    if (c->nsrc < 3 || c->nf < 2) return;
    size_t *up = px_malloc(c->nf * sizeof *up),
           *ord = px_malloc(c->nf * sizeof *ord);
    uint8_t *gone = px_calloc(c->nf, 1);
    for (size_t i = 0; i < c->nf; i++) up[i] = ord[i] = i;
    group(c, up);
    qsort_r(ord, c->nf, sizeof *ord, cmp_root, up);
    for (size_t i = 0; i < c->nf;) {
        size_t j = i + 1, root = uf_find(up, ord[i]);
        while (j < c->nf && uf_find(up, ord[j]) == root) j++;
        if (j - i > 1) merge_group(c, ord + i, j - i, gone);
        i = j;
    }
    size_t k = 0;
    for (size_t i = 0; i < c->nf; i++)
        if (!gone[i]) c->f[k++] = c->f[i];
    c->nf = k;
    px_free(up);
    px_free(ord);
    px_free(gone);
}

/* ---------------------------------------------------------------- labels */

/* Outlet, else wire credit ("Reuters"), else NULL. */
static const char *source_name(const px_csrc *s) {
    if (s->art && s->art->outlet) return s->art->outlet;
    if (s->art && s->art->wire) return s->art->wire;
    const char *m = px_doc_meta(s->doc, "outlet");
    return m ? m : px_doc_meta(s->doc, "wire");
}

/* How source i is named: its outlet when no other source has the same,
 * else its id, else a letter. */
static char *label_new(const px_compare *c, size_t i) {
    const char *me = source_name(&c->src[i]);
    for (size_t j = 0; me && j < c->nsrc; j++) {
        const char *other = source_name(&c->src[j]);
        if (j != i && other && !strcasecmp(me, other)) me = NULL;
    }
    if (me) return px_strdup(me);
    const px_article *a = c->src[i].art;
    if (a && a->id) return px_strdup(a->id);
    px_buf b = PX_BUF_INIT;
    if (i < 26)
        px_buf_putc(&b, (char)('A' + i));
    else
        px_buf_printf(&b, "source %zu", i + 1);
    return px_buf_detach(&b, NULL);
}

/* The names of the articles on the side of article a. */
static void side_names(const px_compare *c, const px_finding *f, size_t a,
                       char *const *lab, px_buf *b) {
    uint64_t bit = (uint64_t)1 << a;
    uint64_t side = f->sides[0] & bit   ? f->sides[0]
                    : f->sides[1] & bit ? f->sides[1]
                                        : bit;
    const char *sep = "";
    for (size_t i = 0; i < c->nsrc; i++)
        if (side >> i & 1) {
            px_buf_puts(b, sep);
            px_buf_puts(b, lab[i]);
            sep = ", ";
        }
}

void px_compare_label(px_compare *c) {
    char **lab = px_calloc(c->nsrc, sizeof *lab);
    for (size_t i = 0; i < c->nsrc; i++) lab[i] = label_new(c, i);
    for (size_t i = 0; i < c->nf; i++) {
        px_finding *f = &c->f[i];
        if (!strchr(f->summary, PX_LABEL_MARK)) continue;
        px_buf b = PX_BUF_INIT;
        for (const char *s = f->summary; *s; s++) {
            const char *m = strchr(s, PX_LABEL_MARK);
            if (!m) m = s + strlen(s);
            px_buf_append(&b, s, (size_t)(m - s)); /* the text up to it */
            if (!*(s = m)) break;
            size_t a = s[1] ? (size_t)(s[1] - '0') : c->nsrc;
            if (a >= c->nsrc) continue; /* a stray mark is dropped */
            side_names(c, f, a, lab, &b);
            s++;
        }
        px_free(f->summary);
        f->summary = px_buf_detach(&b, NULL);
    }
    for (size_t i = 0; i < c->nsrc; i++) px_free(lab[i]);
    px_free(lab);
}
