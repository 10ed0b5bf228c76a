/*
 * side.c - one article prepared for alignment: sentences, a comparison key
 * per token and a set of weighted terms per sentence.
 *
 * Terms are Snowball stems (numbers keep only their digits and decimal
 * point, so "115,600" and "115600" meet; initials "U.S." join into "us").
 * Boosts encode what survives a rewrite: numbers 2.0, capitalised words
 * not opening the sentence (names) 1.6, content words 1.0; function words
 * are no terms at all (they only matter to the word diff, which compares
 * every token's key).  Stems are cached per distinct token (token hash -> key)
 * in an open-addressing table (px_stem_memo), local to the call or shared by
 * the caller across texts of one language: news repeats its words, and
 * stemming is the costly part.  This is the once-per-article work; the
 * pairwise part (align.c) only reads it.
 */
#include <stdlib.h> /* qsort */

#include "align/align_int.h"
#include "core/array.h"
#include "core/utf8.h"

#define BOOST_NUMBER 2.0f
#define BOOST_NAME   1.6f
#define BOOST_WORD   1.0f

struct px_stem_memo {
    px_stemmer *stem; /* borrowed, or NULL */
    uint64_t *tok;    /* token hash, 0 = empty */
    uint64_t *key;
    uint8_t *stop;
    size_t mask, fill;
};

typedef struct prep {
    px_align_side *s;
    px_stem_memo *memo;
    uint8_t *stop; /* per token: a function word */
    const px_token *t;
    const char *norm;
    size_t nterm, aterm;
} prep;

static void memo_alloc(px_stem_memo *m, size_t cap) {
    m->tok = px_calloc(cap, sizeof *m->tok);
    m->key = px_malloc(cap * sizeof *m->key);
    m->stop = px_malloc(cap);
    m->mask = cap - 1;
    m->fill = 0;
}

px_stem_memo *px_stem_memo_new(px_stemmer *stem) {
    px_stem_memo *m = px_calloc(1, sizeof *m);
    m->stem = stem;
    memo_alloc(m, 1024);
    return m;
}

void px_stem_memo_free(px_stem_memo *m) {
    if (!m) return;
    px_free(m->tok);
    px_free(m->key);
    px_free(m->stop);
    px_free(m);
}

static size_t memo_slot(const px_stem_memo *m, uint64_t h) {
    size_t i = (size_t)h & m->mask;
    while (m->tok[i] && m->tok[i] != h) i = (i + 1) & m->mask;
    return i;
}

/* Double the table (kept at most half full). */
static void memo_grow(px_stem_memo *m) {
    px_stem_memo old = *m;
    memo_alloc(m, 2 * (old.mask + 1));
    for (size_t i = 0; i <= old.mask; i++) {
        if (!old.tok[i]) continue;
        size_t j = memo_slot(m, old.tok[i]);
        m->tok[j] = old.tok[i], m->key[j] = old.key[i],
        m->stop[j] = old.stop[i];
        m->fill++;
    }
    px_free(old.tok);
    px_free(old.key);
    px_free(old.stop);
}

static uint64_t word_key(const px_stem_memo *m, const char *w, size_t n) {
    if (!m->stem) return px_hash64(w, n, 1);
    size_t sl;
    const char *st = px_stemmer_stem(m->stem, w, n, &sl);
    return px_hash64(st, sl, 1);
}

uint64_t px_stem_memo_get(px_stem_memo *m, uint64_t h, const char *w, size_t n,
                          int *stop) {
    if (!h) h = 1;
    size_t i = memo_slot(m, h);
    if (!m->tok[i]) {
        if (m->fill + 1 > m->mask / 2) {
            memo_grow(m);
            i = memo_slot(m, h);
        }
        m->fill++;
        m->tok[i] = h;
        m->key[i] = word_key(m, w, n);
        m->stop[i] = (uint8_t)(px_stopword(w, n) != 0);
    }
    if (stop) *stop = m->stop[i];
    return m->key[i];
}

/* Key of a number: its digits and '.', so thousands separators vanish. */
static uint64_t number_key(const char *w, size_t n) {
    char buf[64];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof buf; i++)
        if (w[i] != ',') buf[k++] = w[i];
    return px_hash64(buf, k, 2);
}

static uint64_t token_key(prep *p, size_t k) {
    const px_token *t = &p->t[k];
    const char *w = p->norm + t->norm_off;
    if (!(t->flags & PX_TOK_ALPHA)) return number_key(w, t->norm_len);
    int stop;
    uint64_t key = px_stem_memo_get(p->memo, t->hash, w, t->norm_len, &stop);
    p->stop[k] = (uint8_t)stop;
    return key;
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
    *key = word_key(p->memo, buf, n);
    return n;
}

static void add_term(prep *p, uint64_t h, float boost, uint32_t sent) {
    p->s->terms = px_array_grow(p->s->terms, &p->aterm, p->nterm + 1, 256,
                                sizeof *p->s->terms);
    p->s->terms[p->nterm++] = (px_term){h, boost, sent};
}

static float token_boost(const prep *p, size_t k, size_t first) {
    const px_token *t = &p->t[k];
    if (!(t->flags & PX_TOK_ALPHA)) return BOOST_NUMBER;
    if (p->stop[k]) return 0;
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

/* Is cp read as bigrams (Han, kana and Thai are written without spaces
 * between words; Hangul words carry glued particles)? */
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
    if (!px_utf8_decode(w, n, &cp) || !unspaced_script(cp)) return 0;
    for (size_t chars = 0; i < n; chars++) {
        if (!(l = px_utf8_decode(w + i, n - i, &cp))) l = 1;
        if (chars)
            add_term(p, px_hash64(w + prev, i + l - prev, 3), BOOST_WORD, si);
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
    p->stop = px_calloc(s->ntok + 1, 1);
    for (size_t k = 0; k < s->ntok; k++) s->key[k] = token_key(p, k);
    s->term_off = px_malloc((s->nsents + 1) * sizeof *s->term_off);
    for (size_t i = 0; i < s->nsents; i++) {
        s->term_off[i] = (uint32_t)p->nterm;
        sentence_terms(p, (uint32_t)i);
    }
    s->term_off[s->nsents] = (uint32_t)p->nterm;
    px_free(p->stop);
}

px_result px_align_side_new_memo(const px_doc *d, const px_article *a,
                                 px_stem_memo *m, px_align_side **out) {
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
    prep p = {s, m, NULL, t, px_doc_norm(d, NULL), 0, 0};
    s->key = px_malloc((s->ntok + 1) * sizeof *s->key);
    prepare(&p);
    px_cues_find(s);
    *out = s;
    return PX_OK;
}

px_result px_align_side_new(const px_doc *d, const px_article *a,
                            const px_align_opts *opts, px_align_side **out) {
    *out = NULL;
    if (!d) return PX_ERR_INVALID;
    const char *lang = opts && opts->lang ? opts->lang : a ? a->lang : NULL;
    px_stemmer *stem = px_stemmer_new(lang);
    if (!stem) stem = px_stemmer_new("en");
    px_stem_memo *m = px_stem_memo_new(stem);
    px_result rc = px_align_side_new_memo(d, a, m, out);
    px_stem_memo_free(m);
    px_stemmer_free(stem);
    return rc;
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

const px_doc *px_align_side_doc(const px_align_side *s) {
    return s->doc;
}

const px_article *px_align_side_article(const px_align_side *s) {
    return s->art;
}

const px_sent *px_align_side_sents(const px_align_side *s, size_t *n) {
    *n = s->nsents;
    return s->sents;
}
