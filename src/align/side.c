/*
 * side.c - one article prepared for alignment: sentences, a comparison key
 * per token and a set of weighted terms per sentence.
 *
 * Terms are Snowball stems (numbers keep only their digits and decimal
 * point, so "115,600" and "115600" meet; initials "U.S." join into "us").
 * Boosts encode what survives a rewrite: numbers 2.0, capitalised words
 * not opening the sentence (names) 1.6, content words 1.0; function words
 * are no terms at all (they only matter to the word diff, which compares
 * every token's key).  Stems are cached per distinct token (token hash -> key) in a small
 * open-addressing table local to the call: news repeats its words, and
 * stemming is the costly part.  This is the once-per-article work; the
 * pairwise part (align.c) only reads it.
 */
#include <stdlib.h> /* qsort */

#include "align/align_int.h"
#include "core/utf8.h"

#define BOOST_NUMBER 2.0f
#define BOOST_NAME 1.6f
#define BOOST_WORD 1.0f

typedef struct stem_cache {
    uint64_t *tok;  /* token hash, 0 = empty */
    uint64_t *key;
    size_t mask, fill;
} stem_cache;

typedef struct prep {
    px_align_side *s;
    px_stemmer *stem;
    stem_cache cache;
    const px_token *t;
    const char *norm;
    size_t nterm, aterm;
} prep;

/* Key of a number: its digits and '.', so thousands separators vanish. */
static uint64_t number_key(const char *w, size_t n) {
    char buf[64];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof buf; i++)
        if (w[i] != ',') buf[k++] = w[i];
    return px_hash64(buf, k, 2);
}

static uint64_t word_key(prep *p, const char *w, size_t n) {
    if (!p->stem) return px_hash64(w, n, 1);
    size_t sl;
    const char *st = px_stemmer_stem(p->stem, w, n, &sl);
    return px_hash64(st, sl, 1);
}

static uint64_t token_key(prep *p, size_t k) {
    const px_token *t = &p->t[k];
    const char *w = p->norm + t->norm_off;
    if (!(t->flags & PX_TOK_ALPHA)) return number_key(w, t->norm_len);
    uint64_t h = t->hash ? t->hash : 1;
    size_t i = (size_t)h & p->cache.mask;
    while (p->cache.tok[i] && p->cache.tok[i] != h) i = (i + 1) & p->cache.mask;
    if (!p->cache.tok[i]) {
        if (p->cache.fill >= p->cache.mask / 2) /* full: stop caching */
            return word_key(p, w, t->norm_len);
        p->cache.fill++;
        p->cache.tok[i] = h;
        p->cache.key[i] = word_key(p, w, t->norm_len);
    }
    return p->cache.key[i];
}

/* Initials "u . s ." from token k on: joined key and tokens used, or 0. */
static size_t initials(prep *p, size_t k, size_t end, uint64_t *key) {
    char buf[16];
    size_t n = 0, j = k;
    while (j < end && n < sizeof buf && p->t[j].norm_len == 1 &&
           (p->t[j].flags & PX_TOK_ALPHA) &&
           p->norm[p->t[j].norm_off + 1] == '.') {
        buf[n++] = p->norm[p->t[j].norm_off];
        j++;
    }
    if (n < 2) return 0;
    *key = word_key(p, buf, n);
    return n;
}

static void add_term(prep *p, uint64_t h, float boost, uint32_t sent) {
    if (p->nterm == p->aterm) {
        p->aterm = p->aterm ? p->aterm * 2 : 256;
        p->s->terms = px_realloc(p->s->terms, p->aterm * sizeof *p->s->terms);
    }
    p->s->terms[p->nterm++] = (px_term){h, boost, sent};
}

static float token_boost(const prep *p, size_t k, size_t first) {
    const px_token *t = &p->t[k];
    if (!(t->flags & PX_TOK_ALPHA)) return BOOST_NUMBER;
    if (px_stopword(p->norm + t->norm_off, t->norm_len)) return 0;
    if ((t->flags & PX_TOK_CAP) && k > first) return BOOST_NAME;
    return BOOST_WORD;
}

int px_term_cmp(const void *x, const void *y) {
    const px_term *a = x, *b = y;
    return a->h < b->h ? -1 : a->h > b->h;
}

/* Sort terms [from, nterm) and merge duplicates (keeping the top boost). */
static void dedupe(prep *p, size_t from) {
    if (p->nterm == from) return; /* no terms (maybe no array yet) */
    px_term *t = p->s->terms + from;
    size_t n = p->nterm - from, o = 0;
    qsort(t, n, sizeof *t, px_term_cmp);
    for (size_t i = 0; i < n; i++) {
        if (o && t[o - 1].h == t[i].h) {
            if (t[i].boost > t[o - 1].boost) t[o - 1].boost = t[i].boost;
            continue;
        }
        t[o++] = t[i];
    }
    p->nterm = from + o;
}

/* Is cp written without spaces between words (Han, kana, Hangul, Thai)? */
static int unspaced_script(int32_t cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
           (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x0E00 && cp <= 0x0E7F);
}

/* A token of an unspaced script is a whole clause, not a word: its terms
 * are its character bigrams (the usual unit for CJK retrieval).  Returns
 * 0 when the token is not of such a script. */
static int bigram_terms(prep *p, size_t k, uint32_t si) {
    const unsigned char *w = (const unsigned char *)p->norm + p->t[k].norm_off;
    size_t n = p->t[k].norm_len, i = 0, prev = 0, l;
    int32_t cp;
    if (!(l = px_utf8_decode(w, n, &cp)) || !unspaced_script(cp)) return 0;
    for (size_t chars = 0; i < n; chars++) {
        if (!(l = px_utf8_decode(w + i, n - i, &cp))) l = 1;
        if (chars) add_term(p, px_hash64(w + prev, i + l - prev, 3), BOOST_WORD, si);
        prev = i;
        i += l;
    }
    if (n && prev == 0) add_term(p, px_hash64(w, n, 3), BOOST_WORD, si);
    return 1;
}

static void sentence_terms(prep *p, uint32_t si) {
    const px_sent *s = &p->s->sents[si];
    size_t first = s->tok_first, end = first + s->tok_count, from = p->nterm;
    for (size_t k = first; k < end;) {
        uint64_t h;
        size_t n = initials(p, k, end, &h);
        if (n) {
            for (size_t j = 0; j < n; j++) p->s->key[k + j] = h;
            add_term(p, h, BOOST_NAME, si);
            k += n;
            continue;
        }
        float boost = token_boost(p, k, first);
        if (!bigram_terms(p, k, si) && boost > 0)
            add_term(p, p->s->key[k], boost, si);
        k++;
    }
    dedupe(p, from);
}

static void prepare(prep *p) {
    px_align_side *s = p->s;
    size_t cap = 64;
    while (cap < s->ntok * 2 && cap < ((size_t)1 << 22)) cap *= 2;
    p->cache.tok = px_calloc(cap, sizeof *p->cache.tok);
    p->cache.key = px_malloc(cap * sizeof *p->cache.key);
    p->cache.mask = cap - 1;
    for (size_t k = 0; k < s->ntok; k++) s->key[k] = token_key(p, k);
    s->term_off = px_malloc((s->nsents + 1) * sizeof *s->term_off);
    for (size_t i = 0; i < s->nsents; i++) {
        s->term_off[i] = (uint32_t)p->nterm;
        sentence_terms(p, (uint32_t)i);
    }
    s->term_off[s->nsents] = (uint32_t)p->nterm;
    px_free(p->cache.tok);
    px_free(p->cache.key);
}

px_result px_align_side_new(const px_doc *d, const px_article *a,
                            const px_align_opts *opts, px_align_side **out) {
    *out = NULL;
    if (!d) return PX_ERR_INVALID;
    px_align_side *s = px_calloc(1, sizeof *s);
    s->doc = d;
    s->art = a;
    px_result rc = px_sent_split(d, &s->sents, &s->nsents);
    if (!rc && s->nsents > PX_ALIGN_MAX_SENTS) rc = PX_ERR_TOOBIG;
    if (rc) {
        px_align_side_free(s);
        return rc;
    }
    const px_token *t = px_doc_tokens(d, &s->ntok);
    if (s->ntok > UINT32_MAX / 2) {
        px_align_side_free(s);
        return PX_ERR_TOOBIG;
    }
    const char *lang = opts && opts->lang ? opts->lang : a ? a->lang : NULL;
    prep p = {s, px_stemmer_new(lang), {0}, t, px_doc_norm(d, NULL), 0, 0};
    if (!p.stem) p.stem = px_stemmer_new("en");
    s->key = px_malloc((s->ntok + 1) * sizeof *s->key);
    prepare(&p);
    px_stemmer_free(p.stem);
    px_cues_find(s);
    *out = s;
    return PX_OK;
}

void px_align_side_free(px_align_side *s) {
    if (!s) return;
    px_free(s->sents);
    px_free(s->terms);
    px_free(s->term_off);
    px_free(s->key);
    px_free(s->cites);
    px_free(s->frame);
    px_free(s);
}

const px_doc *px_align_side_doc(const px_align_side *s) { return s->doc; }

const px_article *px_align_side_article(const px_align_side *s) {
    return s->art;
}

const px_sent *px_align_side_sents(const px_align_side *s, size_t *n) {
    *n = s->nsents;
    return s->sents;
}
