/*
 * words.c - the extractor's word view: px_doc tokens with lexicon
 * categories, the punctuation found between them in the original text
 * (gap flags) and sentence boundaries.
 *
 * Gaps are read from the ORIGINAL bytes between two tokens, so quotation
 * marks, "%", currency signs and dashes (which the tokenizer drops) are
 * visible to the passes.  A quotation mark is "opening" when it sits right
 * before the next word (no space between) or is an opening glyph (“ « „),
 * "closing" when it follows the previous word or is a closing glyph; a
 * right single quote before "t", "s", "re" ... is an apostrophe.
 * Sentences are those of parallax/sentence.h (shared with the alignment).
 */
#include <string.h> /* memcmp, memcpy */

#include "claims/claims_int.h"
#include "parallax/sentence.h"

/* ------------------------------------------------------------------ gaps */

typedef struct gap_state {
    uint32_t g;
    int seen_space; /* whitespace met so far in this gap */
    const char *cur;
} gap_state;

static void gap_quote(gap_state *st, int kind, size_t i, size_t l, size_t end) {
    /* kind: 1 opening glyph, 2 closing glyph, 0 ambiguous (straight) */
    int next_is_word = i + l >= end; /* the quote touches the next word */
    if (kind == 1 || (kind == 0 && next_is_word && st->seen_space))
        st->g |= G_QOPEN;
    else if (kind == 2 || !st->seen_space)
        st->g |= G_QCLOSE;
    else
        st->g |= G_QOPEN;
}

static void gap_byte(gap_state *st, const unsigned char *s, size_t i,
                     size_t start, size_t end) {
    switch (s[i]) {
    case ' ':
    case '\t':
    case '\r':
    case '\f':
    case '\v': st->g |= G_SPACE, st->seen_space = 1; break;
    case '\n': st->g |= G_SPACE | G_PARA, st->seen_space = 1; break;
    case '.':
        /* "U.S" and "Modern.az": a dot touching both words */
        st->g |= (i == start && i + 1 == end && start) ? G_DOT : G_STOP;
        break;
    case '!':
    case '?': st->g |= G_STOP; break;
    case ',': st->g |= G_COMMA; break;
    case ';': st->g |= G_SEMI; break;
    case ':': st->g |= G_COLON; break;
    case '%': st->g |= G_PCT; break;
    case '$': st->g |= G_CUR, st->cur = "USD"; break;
    case '(':
    case ')':
    case '[':
    case ']': st->g |= G_PAREN; break;
    case '/': st->g |= G_SLASH; break;
    case '-': st->g |= (i == start && i + 1 == end) ? G_HYPHEN : G_DASH; break;
    case '"': gap_quote(st, 0, i, 1, end); break;
    default: st->g |= G_OTHER; break;
    }
}

/* Multi-byte symbols: quotes, dashes, currency signs, no-break space. */
static size_t gap_mb(gap_state *st, const unsigned char *s, size_t i,
                     size_t end) {
    static const struct {
        const char *b;
        uint32_t g;
        int q;
        const char *cur;
    } sym[] = {
        {"\xE2\x80\x9C", 0, 1, NULL},       {"\xE2\x80\x9D", 0, 2, NULL},
        {"\xE2\x80\x9E", 0, 1, NULL},       {"\xC2\xAB", 0, 1, NULL},
        {"\xC2\xBB", 0, 2, NULL},           {"\xE2\x80\x98", 0, 1, NULL},
        {"\xE2\x80\x9F", 0, 1, NULL},       {"\xE2\x80\x94", G_DASH, -1, NULL},
        {"\xE2\x80\x93", G_DASH, -1, NULL}, {"\xC2\xA0", G_SPACE, -1, NULL},
        {"\xE2\x82\xAC", G_CUR, -1, "EUR"}, {"\xC2\xA3", G_CUR, -1, "GBP"},
        {"\xC2\xA5", G_CUR, -1, "JPY"},     {"\xE2\x82\xBD", G_CUR, -1, "RUB"},
        {"\xE2\x82\xB4", G_CUR, -1, "UAH"}, {"\xE2\x80\xA6", G_STOP, -1, NULL},
        {"\xE2\x80\x99", 0, 2, NULL},
    };
    for (size_t k = 0; k < sizeof sym / sizeof sym[0]; k++) {
        size_t l = strlen(sym[k].b);
        if (i + l > end || memcmp(s + i, sym[k].b, l)) continue;
        if (sym[k].q >= 0) gap_quote(st, sym[k].q, i, l, end);
        st->g |= sym[k].g;
        if (sym[k].g & G_SPACE) st->seen_space = 1;
        if (sym[k].cur) st->cur = sym[k].cur;
        return l;
    }
    st->g |= G_OTHER;
    size_t l = 1;
    while (i + l < end && (s[i + l] & 0xC0) == 0x80) l++;
    return l;
}

static void gap_scan(px_word *w, const char *orig, size_t start, size_t end) {
    const unsigned char *s = (const unsigned char *)orig;
    gap_state st = {0, start == 0, NULL};
    size_t i = start;
    while (i < end) {
        if (s[i] < 0x80)
            gap_byte(&st, s, i++, start, end);
        else
            i += gap_mb(&st, s, i, end);
    }
    /* "didn’t", "it ’ s": a right single quote before a contraction's
     * ending is an apostrophe, not the close of a quote */
    static const char *const tail[] = {"t", "s", "re", "ve", "ll", "d", "m"};
    int apos = end - start >= 3 && !memcmp(s + end - 3, "\xE2\x80\x99", 3);
    if (!apos && end - start >= 4)
        apos = !memcmp(s + end - 4, "\xE2\x80\x99 ", 4);
    for (size_t k = 0; apos && k < sizeof tail / sizeof *tail; k++)
        if (px_word_is(w, tail[k])) st.g &= ~(uint32_t)G_QCLOSE;
    w->gap = st.g;
    w->cur = st.cur;
}

/* ------------------------------------------------------------- sentences */

/* The word before i is an abbreviation or an initial ("U.S.", "Mr."). */
static int abbrev_before(const px_xctx *x, size_t i) {
    const px_word *p = &x->w[i - 1];
    return (p->cats & LX_ABBR) || (p->nlen == 1 && (p->tflags & PX_TOK_CAP));
}

/* Sentences come from the shared segmenter (parallax/sentence.h), so
 * claim.sentence agrees with the alignment; a dot inside a sentence after
 * an abbreviation ("U.S. officials") is then no stop for the passes. */
static px_result mark_sentences(px_xctx *x, const px_doc *doc) {
    px_sent *st;
    size_t ns;
    px_result rc = px_sent_split(doc, &st, &ns);
    if (rc) return rc;
    px_claims *cs = x->out;
    cs->sent = px_malloc((ns ? ns : 1) * sizeof *cs->sent);
    cs->nsent = cs->asent = ns;
    for (size_t k = 0; k < ns; k++) {
        cs->sent[k] = st[k].span;
        size_t a = st[k].tok_first, b = a + st[k].tok_count;
        if (a < x->n) x->w[a].gap |= G_SENT;
        for (size_t t = a; t < b && t < x->n; t++) x->w[t].sent = (uint32_t)k;
    }
    px_free(st);
    for (size_t i = 1; i < x->n; i++)
        if (!(x->w[i].gap & G_SENT) && (x->w[i].gap & G_STOP) &&
            abbrev_before(x, i))
            x->w[i].gap = (x->w[i].gap & ~(uint32_t)G_STOP) | G_DOT;
    if (x->n) x->w[0].gap |= G_SENT;
    return PX_OK;
}

/* ------------------------------------------------------------ public-ish */

px_result px_words_build(px_xctx *x, const px_doc *doc) {
    size_t n;
    const px_token *t = px_doc_tokens(doc, &n);
    if (n > PX_CLAIMS_MAX_TOKENS) return PX_ERR_TOOBIG;
    const char *norm = px_doc_norm(doc, NULL);
    x->orig = px_doc_orig(doc, &x->orig_len);
    x->w = px_calloc(n + 1, sizeof *x->w);
    x->n = n;
    size_t prev_end = 0;
    for (size_t i = 0; i <= n; i++) {
        px_word *w = &x->w[i];
        w->ent = PX_NONE;
        if (i == n) {
            w->start = w->end = (uint32_t)x->orig_len;
        } else {
            w->start = t[i].start, w->end = t[i].end;
            w->norm = norm + t[i].norm_off, w->nlen = t[i].norm_len;
            w->hash = t[i].hash, w->tflags = t[i].flags;
            if (w->nlen > 2 && w->norm[w->nlen - 2] == '\'' &&
                w->norm[w->nlen - 1] == 's') /* "Russia's": look up "russia" */
                w->hash = px_hash64(w->norm, w->nlen - 2, 0);
            w->cats = px_lexicon_cats(&x->cl->lx, w->hash);
        }
        /* tokens cut from one original character share its span (NFKC
         * turns "⅓" into "1⁄3": tokens "1" and "3", both on the same 3
         * bytes), so a token may start before the last one ended: then
         * the gap is empty, not end - start wrapped round (which read
         * before the text) */
        gap_scan(w, x->orig, prev_end < w->start ? prev_end : w->start,
                 w->start);
        prev_end = w->end;
    }
    return mark_sentences(x, doc);
}

int px_word_is(const px_word *w, const char *s) {
    size_t l = strlen(s);
    return w->nlen == l && w->norm && !memcmp(w->norm, s, l);
}

const px_lex_entry *px_words_match(const px_xctx *x, size_t i, uint32_t mask,
                                   uint32_t breaks, size_t *len) {
    *len = 0;
    if (i >= x->n || !(x->w[i].cats & (mask | LX_MULTI))) return NULL;
    uint64_t h[PX_LEX_MAX_WORDS];
    size_t k = 0;
    while (k < PX_LEX_MAX_WORDS && i + k < x->n &&
           (k == 0 || !(x->w[i + k].gap & breaks))) {
        h[k] = x->w[i + k].hash;
        k++;
    }
    return px_lexicon_match(&x->cl->lx, h, k, mask, len);
}

char *px_words_norm(const px_xctx *x, size_t i, size_t j) {
    px_buf b = PX_BUF_INIT;
    for (size_t k = i; k < j; k++) {
        if (k > i) px_buf_putc(&b, ' ');
        px_buf_append(&b, x->w[k].norm, x->w[k].nlen);
    }
    return px_buf_detach(&b, NULL);
}

px_span px_words_span(const px_xctx *x, size_t i, size_t j) {
    px_span s = {x->w[i].start, x->w[j - 1].end};
    const px_word *last = &x->w[j - 1];
    if (last->nlen == 1 && s.end < x->orig_len && x->orig[s.end] == '.' &&
        (x->w[j - 1].tflags & PX_TOK_CAP))
        s.end++;
    return s;
}
