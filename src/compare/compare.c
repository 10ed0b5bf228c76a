/*
 * compare.c - the comparison object and its driver.
 *
 * Each source is prepared once: claims extracted, alignment side built
 * (sentences, stems).  Then every pair (i < j) is aligned and run through
 * the matchers in order of consequence: quantities (which also report the
 * attribution of a matched figure), quotes, times, sentence attributions,
 * passages and people found in one source only, and wording.  A claim
 * reported once is marked used so later matchers do not repeat it.
 * With three or more sources the pairwise findings about one claim are
 * then merged (merge.c), summaries get their source names, and findings
 * are finally sorted by type (report order), kind, first article
 * and position.
 */
#include <stdlib.h>  /* qsort */
#include <string.h>  /* strcmp */
#include <strings.h> /* strcasecmp */

#include "compare/compare_int.h"
#include "core/array.h"

/* ------------------------------------------------------------- findings */

px_finding *px_finding_add(px_cpair *p, int first, px_finding_type t,
                           px_finding_kind k, char *summary) {
    px_compare *c = p->c;
    c->f = px_array_grow(c->f, &c->af, c->nf + 1, 32, sizeof *c->f);
    px_finding *f = &c->f[c->nf++];
    memset(f, 0, sizeof *f);
    f->type = t, f->kind = k, f->summary = summary;
    f->sides[0] = (uint64_t)1 << p->idx[first];
    f->sides[1] = (uint64_t)1 << p->idx[!first];
    f->pairs = 1;
    return f;
}

void px_finding_ev_add(px_finding *f, size_t article, px_span span) {
    if (span.end <= span.start) return;
    for (size_t e = 0; e < f->nev; e++)
        if (f->ev[e].article == article && f->ev[e].span.start == span.start &&
            f->ev[e].span.end == span.end)
            return;
    if (!(f->nev & (f->nev - 1))) /* grow at powers of two */
        f->ev = px_realloc(f->ev, (f->nev ? 2 * f->nev : 2) * sizeof *f->ev);
    f->ev[f->nev++] = (px_finding_ev){article, span};
}

/* Order of kinds inside a type: what a passage leaves out weighs more
 * than a single figure or name missing. */
static int kind_rank(const px_finding *f) {
    if (f->kind == PX_FK_PASSAGE) return f->type == PX_FIND_ONLY_IN ? -1 : 9;
    return (int)f->kind;
}

static int cmp_finding(const void *a, const void *b) {
    const px_finding *x = a, *y = b;
    if (x->type != y->type) return x->type < y->type ? -1 : 1;
    int kx = kind_rank(x), ky = kind_rank(y);
    if (kx != ky) return kx < ky ? -1 : 1;
    size_t xa = x->nev ? x->ev[0].article : 0,
           ya = y->nev ? y->ev[0].article : 0;
    if (xa != ya) return xa < ya ? -1 : 1;
    size_t xs = x->nev ? x->ev[0].span.start : 0;
    size_t ys = y->nev ? y->ev[0].span.start : 0;
    return xs < ys ? -1 : xs > ys;
}

/* ------------------------------------------------------------ pair tools */

long px_cpair_sent(const px_cpair *p, int x, size_t off) {
    return px_sent_find(p->s[x]->sents, p->s[x]->nsents, off);
}

long px_cpair_partner(const px_cpair *p, int x, size_t off) {
    long s = px_cpair_sent(p, x, off);
    return s < 0 ? -1 : px_align_partner(p->al, x, (size_t)s);
}

size_t px_cpair_first_claim(const px_cpair *p, int x, size_t off) {
    size_t n;
    const px_claim *c = px_claims_list(p->s[x]->claims, &n);
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c[mid].span.start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static size_t first_token(const px_csrc *s, size_t off) {
    size_t lo = 0, hi = s->ntok;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->tok[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Stem hash and class of token t of s, looked up once per source (the
 * matchers ask for the same spans again for every pair and candidate). */
static void token_stem(px_stem_memo *m, px_csrc *s, size_t t) {
    int stop;
    s->stem[t] =
        px_stem_memo_get(m, s->tok[t].hash, s->norm + s->tok[t].norm_off,
                         s->tok[t].norm_len, &stop);
    s->cls[t] = stop ? 2 : 1;
}

size_t px_cpair_stems(const px_cpair *p, int x, px_span sp, uint64_t *out,
                      size_t max, int content_only) {
    px_csrc *s = p->s[x];
    size_t n = 0;
    for (size_t t = first_token(s, sp.start);
         t < s->ntok && s->tok[t].start < sp.end && n < max; t++) {
        if (!s->cls[t]) token_stem(p->c->memo, s, t);
        if (content_only && s->cls[t] == 2) continue;
        out[n++] = s->stem[t];
    }
    return n;
}

long px_cpair_claim_sent(const px_cpair *p, int x, const px_claim *c) {
    size_t n;
    const px_claim *base = px_claims_list(p->s[x]->claims, &n);
    return p->s[x]->csent[c - base];
}

size_t px_cpair_thing(const px_cpair *p, int x, const px_claim *c,
                      const uint64_t **out) {
    px_csrc *s = p->s[x];
    size_t n;
    size_t i = (size_t)(c - px_claims_list(s->claims, &n));
    uint64_t *t = s->thing + i * PX_THING_MAX;
    if (s->nthing[i] == 0xFF)
        s->nthing[i] =
            (uint8_t)px_cpair_stems(p, x, c->thing_span, t, PX_THING_MAX, 1);
    *out = t;
    return s->nthing[i];
}

size_t px_cpair_thing_run(const px_cpair *p, int x, const px_claim *c,
                          const char **run, int *kind) {
    const px_csrc *s = p->s[x];
    if (c->thing_span.end <= c->thing_span.start) return 0;
    size_t t = first_token(s, c->thing_span.start);
    if (t >= s->ntok || s->tok[t].start >= c->thing_span.end) return 0;
    const unsigned char *u =
        (const unsigned char *)s->norm + s->tok[t].norm_off;
    int32_t cp;
    if (!s->tok[t].norm_len || u[0] < 0xE0 ||
        !px_utf8_decode(u, s->tok[t].norm_len, &cp) ||
        !(*kind = px_script_unspaced(cp)))
        return 0;
    *run = (const char *)u;
    return s->tok[t].norm_len;
}

/* A label placeholder byte in the article text becomes a space. */
char *px_cpair_snip(const px_cpair *p, int x, px_span sp, size_t max) {
    const char *o = p->s[x]->orig;
    size_t n = sp.end - sp.start, cut = n;
    /* whole grapheme clusters: a Thai mark stays with its consonant */
    if (n > max) cut = px_grapheme_cut(o + sp.start, n, 0, max);
    px_buf b = PX_BUF_INIT;
    px_buf_append(&b, o + sp.start, cut);
    for (size_t k = 0; k < b.len; k++)
        if (b.data[k] == PX_LABEL_MARK) b.data[k] = ' ';
    if (cut < n) px_buf_puts(&b, "...");
    return px_buf_detach(&b, NULL);
}

const char *px_cpair_label(const px_cpair *p, int x) {
    return p->lab[x];
}

static const char *last_word(const char *s) {
    const char *sp = strrchr(s, ' ');
    return sp ? sp + 1 : s;
}

/* Length of the first word of s. */
static size_t first_len(const char *s) {
    const char *sp = strchr(s, ' ');
    return sp ? (size_t)(sp - s) : strlen(s);
}

int px_names_match(const px_entity *a, const px_entity *b) {
    if (!strcasecmp(a->name, b->name)) return 1;
    /* described sources with the same affiliation: "russian military
     * leaders" ~ "russian army", but not "u s officials" ~ "ukrainian
     * officials" */
    if (a->type == PX_ENT_DESCRIBED && b->type == PX_ENT_DESCRIBED)
        return first_len(a->name) == first_len(b->name) &&
               !strncasecmp(a->name, b->name, first_len(a->name)) &&
               strchr(a->name, ' ') && strchr(b->name, ' ');
    if (a->type == PX_ENT_PERSON && b->type == PX_ENT_PERSON) {
        /* "Tara" ~ "Tara Reid": a lone name matches either end */
        const px_entity *one = strchr(a->name, ' ') ? b : a;
        const px_entity *full = one == a ? b : a;
        if (!strchr(one->name, ' ') &&
            first_len(full->name) == strlen(one->name) &&
            !strncasecmp(full->name, one->name, strlen(one->name)))
            return 1;
        return !strcasecmp(last_word(a->name), last_word(b->name));
    }
    return 0;
}

/* ----------------------------------------------------------------- setup */

static px_result prepare(px_compare *c, size_t i, const px_compare_src *in) {
    px_csrc *s = &c->src[i];
    s->doc = in->doc, s->art = in->art;
    s->orig = px_doc_orig(s->doc, &s->len);
    s->tok = px_doc_tokens(s->doc, &s->ntok);
    s->norm = px_doc_norm(s->doc, NULL);
    s->stem = px_malloc((s->ntok ? s->ntok : 1) * sizeof *s->stem);
    s->cls = px_calloc(s->ntok ? s->ntok : 1, 1);
    px_result rc = px_claims_extract(c->claimer, s->doc, &s->claims);
    if (!rc) rc = px_align_side_new_memo(s->doc, s->art, c->memo, &s->side);
    if (rc) return rc;
    s->sents = px_align_side_sents(s->side, &s->nsents);
    size_t n;
    const px_claim *cl = px_claims_list(s->claims, &n);
    s->csent = px_malloc((n ? n : 1) * sizeof *s->csent);
    s->thing = px_malloc((n ? n : 1) * PX_THING_MAX * sizeof *s->thing);
    s->nthing = px_malloc(n ? n : 1);
    memset(s->nthing, 0xFF, n ? n : 1);
    for (size_t k = 0; k < n; k++)
        s->csent[k] = px_sent_find(s->sents, s->nsents, cl[k].span.start);
    return PX_OK;
}

static void run_pair(px_compare *c, size_t i, size_t j, const px_align *al) {
    px_cpair p = {c,
                  {&c->src[i], &c->src[j]},
                  {i, j},
                  al,
                  {NULL, NULL},
                  {{PX_LABEL_MARK, (char)('0' + i), 0},
                   {PX_LABEL_MARK, (char)('0' + j), 0}}};
    for (int x = 0; x < 2; x++) {
        size_t n;
        px_claims_list(p.s[x]->claims, &n);
        p.used[x] = px_calloc(n ? n : 1, 1);
    }
    px_match_quantities(&p);
    px_match_quotes(&p);
    px_match_times(&p);
    px_match_attributions(&p);
    px_find_passages(&p);
    px_find_people(&p);
    px_find_wording(&p);
    px_free(p.used[0]);
    px_free(p.used[1]);
}

static void drop_same(px_compare *c) {
    size_t k = 0;
    for (size_t i = 0; i < c->nf; i++) {
        if (c->f[i].type == PX_FIND_SAME) {
            px_free(c->f[i].summary);
            px_free(c->f[i].ev);
        } else {
            c->f[k++] = c->f[i];
        }
    }
    c->nf = k;
}

static px_result run_all(px_compare *c, const px_align_opts *ao) {
    c->aligns = px_calloc(c->nsrc * (c->nsrc - 1) / 2, sizeof *c->aligns);
    for (size_t i = 0; i < c->nsrc; i++)
        for (size_t j = i + 1; j < c->nsrc; j++) {
            px_align *al;
            px_result rc =
                px_align_new(c->src[i].side, c->src[j].side, ao, &al);
            if (rc) return rc;
            c->aligns[c->naligns++] = al;
            run_pair(c, i, j, al);
        }
    return PX_OK;
}

px_result px_compare_new(const px_compare_src *src, size_t n,
                         const px_compare_opts *opts, px_compare **out) {
    *out = NULL;
    if (!src || n < 2) return PX_ERR_INVALID;
    if (n > PX_COMPARE_MAX_SOURCES) return PX_ERR_TOOBIG;
    const char *lang = opts && opts->lang ? opts->lang : "en";
    px_compare *c = px_calloc(1, sizeof *c);
    c->with_same = opts ? opts->with_same : 1;
    c->claimer = px_claimer_new(lang);
    c->stem = px_stemmer_new(lang);
    px_result rc = c->claimer && c->stem ? PX_OK : PX_ERR_UNSUPPORTED;
    if (!rc) c->memo = px_stem_memo_new(c->stem);
    px_align_opts ao = {.threshold = opts ? opts->threshold : 0, .lang = lang};
    c->src = px_calloc(n, sizeof *c->src);
    c->nsrc = n;
    for (size_t i = 0; i < n && !rc; i++) {
        if (!src[i].doc)
            rc = PX_ERR_INVALID;
        else
            rc = prepare(c, i, &src[i]);
    }
    if (!rc) rc = run_all(c, &ao);
    if (rc) {
        px_compare_free(c);
        return rc;
    }
    px_compare_merge(c);
    px_compare_label(c);
    if (!c->with_same) drop_same(c);
    if (c->nf) qsort(c->f, c->nf, sizeof *c->f, cmp_finding);
    *out = c;
    return PX_OK;
}

void px_compare_free(px_compare *c) {
    if (!c) return;
    for (size_t i = 0; i < c->naligns; i++) px_align_free(c->aligns[i]);
    for (size_t i = 0; c->src && i < c->nsrc; i++) {
        px_align_side_free(c->src[i].side);
        px_claims_free(c->src[i].claims);
        px_free(c->src[i].stem);
        px_free(c->src[i].cls);
        px_free(c->src[i].csent);
        px_free(c->src[i].thing);
        px_free(c->src[i].nthing);
    }
    for (size_t i = 0; i < c->nf; i++) {
        px_free(c->f[i].summary);
        px_free(c->f[i].ev);
    }
    px_free(c->aligns);
    px_free(c->src);
    px_free(c->f);
    px_claimer_free(c->claimer);
    px_stem_memo_free(c->memo);
    px_stemmer_free(c->stem);
    px_free(c);
}

const px_finding *px_compare_findings(const px_compare *c, size_t *n) {
    *n = c->nf;
    return c->f;
}

const px_claims *px_compare_claims(const px_compare *c, size_t i) {
    return i < c->nsrc ? c->src[i].claims : NULL;
}

const px_align *px_compare_align(const px_compare *c) {
    return c->naligns ? c->aligns[0] : NULL;
}

const px_align_side *px_compare_side(const px_compare *c, size_t i) {
    return i < c->nsrc ? c->src[i].side : NULL;
}

const char *px_finding_type_str(px_finding_type t) {
    static const char *const s[] = {"differs",       "attribution_changed",
                                    "quote_changed", "rounded",
                                    "only_in",       "wording",
                                    "same"};
    return (unsigned)t < 7 ? s[t] : "?";
}

const char *px_finding_kind_str(px_finding_kind k) {
    static const char *const s[] = {"quantity", "quote", "attribution",
                                    "entity",   "time",  "passage"};
    return (unsigned)k < 6 ? s[k] : "?";
}
