/*
 * sentence.c - sentence segmentation over a px_doc (see parallax/sentence.h
 * for the rules).
 *
 * Design: one pass over the tokens.  Each gap between two tokens (the norm
 * bytes between them: spaces, punctuation, line breaks) is classified once
 * (scan_gap), then a short decision (gap_breaks) says whether a sentence
 * ends there, using the words on both sides: the case of the next word is
 * read from the ORIGINAL text (the norm view is case-folded).  Sentence
 * ends are found in norm offsets and mapped back to original bytes through
 * the doc's offset maps; the end maps to the last visible character plus
 * its combining marks.  Linear in the text; no allocation but the output.
 */
#include <stdlib.h> /* bsearch */
#include <string.h> /* memcmp, strlen */
#include <utf8proc.h>

#include "core/array.h"
#include "core/utf8.h"
#include "parallax/sentence.h"
#include "parallax/text.h"

typedef struct seg {
    const px_doc *d;
    const unsigned char *norm;
    size_t nlen;
    const unsigned char *orig;
    size_t olen;
    const px_token *t;
    size_t nt;
    px_sent *out;
    size_t n, alloc;
} seg;

/* What lies between two tokens. */
typedef struct gap {
    size_t from, to; /* norm range of the gap */
    int newline;     /* holds a line break */
    size_t nl_first; /* first line break (if newline) */
    size_t nl_last;  /* last line break (if newline) */
    int stop;        /* 0 none, '.', '!' (also ?) or 'c' (CJK stop) */
    size_t stop_end; /* after the stop and its closing quotes */
    int spaced;      /* whitespace right after stop_end */
    int colon;       /* ':' before the first line break */
} gap;

/* ----------------------------------------------------------- word lists */

static int cmp_word(const void *k, const void *e) {
    const char *const *kw = k;
    const char *b = *(const char *const *)e;
    return strcmp(*kw, b);
}

static int in_list(const char *const *list, size_t n, const char *w) {
    return bsearch(&w, list, n, sizeof *list, cmp_word) != NULL;
}

/* Titles before a name: a '.' after them never ends a sentence. */
static int is_title(const char *w) {
    static const char *const l[] = {
        "adm",  "brig", "capt", "cmdr",   "col", "dr",  "fr",  "gen", "gov",
        "hon",  "lt",   "maj",  "messrs", "mme", "mr",  "mrs", "ms",  "mt",
        "pres", "prof", "rep",  "rev",    "sen", "sgt", "st",  "supt"};
    return in_list(l, sizeof l / sizeof l[0], w);
}

/* Abbreviations that may also end a sentence. */
static int is_abbrev(const char *w) {
    static const char *const l[] = {
        "approx", "apr",  "aug", "ave", "blvd", "co",  "corp",
        "dec",    "dept", "est", "etc", "feb",  "fig", "inc",
        "jan",    "jr",   "jul", "jun", "ltd",  "mar", "no",
        "nos",    "nov",  "oct", "sep", "sept", "sr",  "vs"};
    return in_list(l, sizeof l / sizeof l[0], w);
}

/* ---------------------------------------------------------- characters */

static int32_t cp_at(const unsigned char *s, size_t n, size_t i, size_t *len) {
    int32_t cp;
    size_t l = px_utf8_decode(s + i, n - i, &cp);
    if (!l) l = 1, cp = 0xFFFD;
    *len = l;
    return cp;
}

static int is_stop_cp(int32_t c) {
    return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x06D4 ||
           c == 0x0964 || c == 0x0965 || c == 0x3002 || c == 0xFF61;
}

static int is_cjk_stop(int32_t c) {
    return c == 0x3002 || c == 0xFF61;
}

static int is_closer(int32_t c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x300D ||
           c == 0x300F || c == 0xFF09 || c == 0x3011;
}

static int is_space_cp(int32_t c) {
    return c == ' ' || c == '\n';
}

/* ------------------------------------------------------------------ gaps */

static void scan_gap(const seg *s, size_t from, size_t to, gap *g) {
    *g = (gap){from, to, 0, 0, 0, 0, 0, 0, 0};
    size_t i = from, l;
    while (i < to) {
        int32_t c = cp_at(s->norm, to, i, &l);
        if (c == '\n') {
            if (!g->newline) g->nl_first = i;
            g->newline = 1, g->nl_last = i;
        } else if (c == ':' && !g->newline) {
            g->colon = 1;
        } else if (!g->stop && !g->newline && is_stop_cp(c)) {
            g->stop = is_cjk_stop(c) ? 'c' : c == '.' ? '.' : '!';
            size_t j = i + l;
            while (j < to &&
                   (is_stop_cp(c = cp_at(s->norm, to, j, &l)) || is_closer(c)))
                j += l;
            g->stop_end = j;
            g->spaced = j < to && is_space_cp(cp_at(s->norm, to, j, &l));
            if (j > i) {
                i = j;
                continue;
            }
        }
        i += l;
    }
}

/* Category of the first character of token k in the original text. */
static utf8proc_category_t tok_cat(const seg *s, size_t k) {
    size_t l;
    int32_t c = cp_at(s->orig, s->olen, s->t[k].start, &l);
    return utf8proc_category(c);
}

/* Normalised form of token k into buf (NUL-terminated, truncated). */
static const char *tok_word(const seg *s, size_t k, char *buf, size_t cap) {
    size_t n = s->t[k].norm_len < cap - 1 ? s->t[k].norm_len : cap - 1;
    memcpy(buf, s->norm + s->t[k].norm_off, n);
    buf[n] = 0;
    return buf;
}

/* Does a '.' after token k end the sentence before token k + 1? */
static int period_breaks(const seg *s, size_t k) {
    char w[16], nx[16];
    tok_word(s, k, w, sizeof w);
    if (is_title(w)) return 0;
    int short_form = s->t[k].norm_len == 1 && (s->t[k].flags & PX_TOK_ALPHA);
    if (!short_form && !is_abbrev(w)) return 1;
    tok_word(s, k + 1, nx, sizeof nx); /* "U. S. Fish": no function word */
    return (s->t[k + 1].flags & PX_TOK_CAP) && s->t[k + 1].norm_len > 1 &&
           px_stopword(nx, strlen(nx));
}

/* A Thai letter or vowel/tone mark (U+0E01..U+0E4E; not a Thai digit). */
static int is_thai_letter(int32_t c) {
    return c >= 0x0E01 && c <= 0x0E4E;
}

/* Thai ends a sentence with a space, not a stop: does the gap after token
 * k, spaces only, lie between two Thai words? */
static int thai_space_breaks(const seg *s, size_t k, const gap *g) {
    size_t l, e = s->t[k].norm_off + s->t[k].norm_len, last = e - 1;
    if (g->to >= s->nlen || s->norm[g->to] != 0xE0) return 0; /* fast */
    for (size_t i = g->from; i < g->to; i++)
        if (s->norm[i] != ' ') return 0;
    while (last > s->t[k].norm_off && (s->norm[last] & 0xC0) == 0x80) last--;
    return g->from < g->to && is_thai_letter(cp_at(s->norm, e, last, &l)) &&
           is_thai_letter(cp_at(s->norm, s->nlen, g->to, &l));
}

/* Does the gap after token k (before k + 1) end a sentence? */
static int gap_breaks(const seg *s, size_t k, const gap *g) {
    utf8proc_category_t next = tok_cat(s, k + 1);
    if (g->newline) {
        /* hard-wrapped prose: no punctuation, next line goes on in lower
         * case */
        return g->stop || g->colon || next != UTF8PROC_CATEGORY_LL;
    }
    if (!g->stop) return thai_space_breaks(s, k, g);
    if (g->stop == 'c') return 1;
    if (!g->spaced) return next == UTF8PROC_CATEGORY_LO;
    if (next == UTF8PROC_CATEGORY_LL) return 0;
    return g->stop == '.' ? period_breaks(s, k) : 1;
}

/* ------------------------------------------------------------- mapping */

/* Original offset just after the norm character that ends at norm offset
 * e (exclusive), with any combining marks that follow it up to lim (the
 * next sentence's first token: a mark after a stop is a token of its
 * own, and sentences must not overlap). */
static size_t orig_end(const seg *s, size_t e, size_t lim) {
    size_t k = e - 1, l;
    while (k > 0 && (s->norm[k] & 0xC0) == 0x80) k--;
    size_t o = px_doc_norm_to_orig(s->d, k);
    if (o >= s->olen) return s->olen;
    o += (cp_at(s->orig, s->olen, o, &l), l);
    while (o < s->olen && o < lim) {
        int32_t c = cp_at(s->orig, s->olen, o, &l);
        utf8proc_category_t cat = utf8proc_category(c);
        if (cat != UTF8PROC_CATEGORY_MN && cat != UTF8PROC_CATEGORY_MC &&
            cat != UTF8PROC_CATEGORY_ME)
            break;
        o += l;
    }
    return o;
}

/* Last non-space norm offset (exclusive end) at or before e, not below b. */
static size_t trim_back(const seg *s, size_t b, size_t e) {
    while (e > b && (s->norm[e - 1] == ' ' || s->norm[e - 1] == '\n')) e--;
    return e;
}

static size_t trim_front(const seg *s, size_t b, size_t e) {
    while (b < e && (s->norm[b] == ' ' || s->norm[b] == '\n')) b++;
    return b;
}

static void emit(seg *s, size_t ns, size_t ne, size_t t0, size_t t1,
                 uint32_t flags) {
    if (t1 <= t0) return;
    s->out = px_array_grow(s->out, &s->alloc, s->n + 1, 32, sizeof *s->out);
    px_sent *o = &s->out[s->n++];
    o->span.start = px_doc_norm_to_orig(s->d, ns);
    o->span.end = orig_end(s, ne, t1 < s->nt ? s->t[t1].start : s->olen);
    if (o->span.end < o->span.start) o->span.end = o->span.start;
    o->tok_first = (uint32_t)t0;
    o->tok_count = (uint32_t)(t1 - t0);
    o->flags = flags;
}

/* ------------------------------------------------------------ datelines */

/* Is token k written in capitals only, with at least 3 letters? */
static int tok_all_caps(const seg *s, size_t k) {
    size_t i = s->t[k].start, e = s->t[k].end, letters = 0, l;
    if (!(s->t[k].flags & PX_TOK_ALPHA)) return 0;
    while (i < e) {
        utf8proc_category_t c = utf8proc_category(cp_at(s->orig, e, i, &l));
        if (c == UTF8PROC_CATEGORY_LL) return 0;
        letters += c == UTF8PROC_CATEGORY_LU;
        i += l;
    }
    return letters >= 3;
}

/* Tokens before a " - " that opens the sentence [t0, t1) when it reads
 * like a dateline (a capitalised place or a wire in brackets), else 0. */
static size_t dateline_len(const seg *s, size_t t0, size_t t1) {
    int caps = 0;
    for (size_t k = t0; k + 1 < t1 && k < t0 + 12; k++) {
        caps |= tok_all_caps(s, k);
        size_t a = s->t[k].norm_off + s->t[k].norm_len;
        size_t b = s->t[k + 1].norm_off;
        int wire = b > a && s->norm[a] == ')';
        for (size_t i = a; i + 2 < b; i++)
            if (s->norm[i] == ' ' && s->norm[i + 1] == '-' &&
                (s->norm[i + 2] == ' ' || s->norm[i + 2] == '-'))
                return caps || wire ? k + 1 - t0 : 0;
    }
    return 0;
}

/* Emit sentence [ns, ne) over tokens [t0, t1), splitting off a dateline
 * when it opens a paragraph. */
static void emit_sentence(seg *s, size_t ns, size_t ne, size_t t0, size_t t1,
                          uint32_t flags) {
    size_t dl = (flags & PX_SENT_PARA) ? dateline_len(s, t0, t1) : 0;
    if (dl) {
        size_t last = t0 + dl - 1;
        size_t de = s->t[last].norm_off + s->t[last].norm_len;
        if (s->norm[de] == ')') de++;
        emit(s, ns, de, t0, t0 + dl, flags | PX_SENT_DATELINE);
        ns = s->t[t0 + dl].norm_off;
        while (ns > de && s->norm[ns - 1] != ' ' && s->norm[ns - 1] != '-')
            ns--; /* keep an opening quote */
        t0 += dl;
        flags &= ~PX_SENT_PARA;
    }
    emit(s, ns, ne, t0, t1, flags);
}

/* ---------------------------------------------------------------- split */

static void split(seg *s) {
    if (!s->nt) return;
    size_t ns = trim_front(s, 0, s->t[0].norm_off), t0 = 0;
    uint32_t flags = PX_SENT_PARA;
    for (size_t k = 0; k < s->nt; k++) {
        size_t a = s->t[k].norm_off + s->t[k].norm_len;
        size_t b = k + 1 < s->nt ? s->t[k + 1].norm_off : s->nlen;
        gap g;
        scan_gap(s, a, b, &g);
        int last = k + 1 == s->nt;
        int brk = last || gap_breaks(s, k, &g);
        int cut = !brk && k + 1 - t0 >= PX_SENT_MAX_TOKENS;
        if (!brk && !cut) continue;
        size_t ne, next;
        if (cut) {
            ne = a, next = b, flags |= PX_SENT_CUT;
        } else if (g.newline && !(g.stop && g.stop_end <= g.nl_first)) {
            ne = trim_back(s, a, g.nl_first), next = g.nl_last + 1;
            if (!g.stop && t0 + 25 >= k + 1 && (flags & PX_SENT_PARA))
                flags |= PX_SENT_HEADLINE;
        } else if (!g.stop) { /* the last token, or a Thai space */
            ne = trim_back(s, a, b), next = b;
        } else {
            ne = g.stop_end, next = g.newline ? g.nl_last + 1 : g.stop_end;
        }
        emit_sentence(s, ns, ne, t0, k + 1, flags);
        ns = trim_front(s, next, b);
        t0 = k + 1;
        flags = g.newline ? PX_SENT_PARA : 0;
    }
}

px_result px_sent_split(const px_doc *d, px_sent **out, size_t *n) {
    seg s = {0};
    s.d = d;
    s.norm = (const unsigned char *)px_doc_norm(d, &s.nlen);
    s.orig = (const unsigned char *)px_doc_orig(d, &s.olen);
    s.t = px_doc_tokens(d, &s.nt);
    split(&s);
    *out = s.out;
    *n = s.n;
    return PX_OK;
}

px_result px_sent_split_text(const char *text, size_t len, px_sent **out,
                             size_t *n) {
    px_doc_opts o = {0};
    o.no_clean = 1;
    px_doc *d;
    *out = NULL;
    *n = 0;
    px_result rc = px_doc_new(text, len, &o, &d);
    if (rc) return rc;
    rc = px_sent_split(d, out, n);
    px_doc_free(d);
    return rc;
}

long px_sent_find(const px_sent *sents, size_t n, size_t off) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sents[mid].span.end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < n && sents[lo].span.start <= off && off < sents[lo].span.end)
        return (long)lo;
    return -1;
}
