/*
 * headline.c - a story's headline from its member titles.
 *
 * Outlets rewrite one another's headlines; the one most representative of
 * the story shares the most words with the rest.  Each title becomes a set
 * of word hashes (runs of letters, marks and digits, case-folded, 3+
 * bytes; in scripts written without spaces, where a run is a clause,
 * overlapping grapheme-cluster trigrams for Thai and its kin, letter
 * pairs for Han and kana); the headline is the title with the highest
 * summed cosine overlap with the others (ties: the earliest).  Quadratic
 * in the titles, so only the first PX_HEADLINE_TITLES are considered.
 *
 * The medoid is only as good as its candidates: when a story's only title
 * (or its earliest, on a tie) is that of an article that joined weakly,
 * it won.  So a title must first represent the story: at least a third
 * of its words (SUPPORT) occur in the other members, in their titles or
 * else their texts (read through the caller's callback only for a title
 * the other titles do not settle, so a story whose titles agree reads
 * nothing).  A third, not a half: on ECB+ dev, 3 headlines of the
 * story's own event ("Breaking: man charged with arson after fire at
 * Waitrose in Wellington", 3 of 7 words in the other members' texts)
 * fell under a half; a weak joiner shares a place name or so (1 of 6).
 *
 * What a scraper hands over as a title is often not one: a date stamp
 * ("Last Updated: Monday, 28 November 2005, 02:24 GMT"), a section label
 * ("Deputy Sheriff").  Date stamps agree with one another, so several of
 * them outvoted the real headlines; short labels won because the cosine
 * favours short sets.  So numbers, English function words (px_stopword)
 * and date and time words do not count as words, and a title needs
 * HEAD_WORDS words to be chosen while any title of that length exists (a
 * story whose titles are all shorter still gets its best one; one whose
 * titles hold no word at all, or none that represents it, gets none, and
 * the caller falls back to its opening words).
 *
 * Opening words (px_story_opening) are cut only where a reader would cut:
 * at a space.  Thai, Chinese and Japanese put no space between words, so
 * a first line without a space in PX_HEADLINE_BYTES gets a larger bound
 * (their letters take 3 bytes) and, when one run of letters fills even
 * that, is cut between grapheme clusters: a Thai vowel or tone mark stays
 * with its consonant.
 */
#include <math.h>   /* sqrt */
#include <stdlib.h> /* bsearch */
#include <string.h> /* strlen, strcmp */

#include <utf8proc.h>

#include "clean/script.h"  /* px_grapheme_cut, _end, px_script_unspaced */
#include "core/array.h"    /* px_array_grow */
#include "core/utf8.h"     /* px_utf8_decode, px_utf8_encode */
#include "parallax/text.h" /* px_stopword */
#include "story/story_int.h"

#define WORDS_MAX  64 /* words of one title considered */
#define HEAD_WORDS 3  /* words a title needs to be preferred */
#define SUPPORT    3  /* 1/SUPPORT of a title's words must occur elsewhere */

typedef struct wordset {
    uint64_t h[WORDS_MAX];
    size_t n;
} wordset;

/* Date and time words of scraped date stamps (sorted, for bsearch);
 * English function words come from px_stopword (parallax/text.h). */
static const char *const datewords[] = {
    "apr",       "april",   "aug",      "august",    "bst",      "cdt",
    "cest",      "cet",     "cst",      "dec",       "december", "edt",
    "est",       "feb",     "february", "fri",       "friday",   "gmt",
    "jan",       "january", "jul",      "july",      "jun",      "june",
    "last",      "mar",     "march",    "mon",       "monday",   "nov",
    "november",  "oct",     "october",  "pdt",       "posted",   "pst",
    "published", "sat",     "saturday", "sep",       "sept",     "september",
    "sun",       "sunday",  "thu",      "thursday",  "tue",      "tuesday",
    "updated",   "utc",     "wed",      "wednesday",
};

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* buf[0..k) (case-folded) is a number, a function word or a date word. */
static int noise_word(const char *buf, size_t k) {
    size_t digits = 0;
    for (size_t i = 0; i < k; i++) digits += buf[i] >= '0' && buf[i] <= '9';
    if (digits == k || px_stopword(buf, k)) return 1;
    if (k > 9) return 0; /* longer than any date word */
    char w[10];
    memcpy(w, buf, k);
    w[k] = 0;
    const char *key = w;
    return bsearch(&key, datewords, sizeof datewords / sizeof datewords[0],
                   sizeof datewords[0], cmp_str) != NULL;
}

/* ---------------------------------------------------------------- words */

typedef void (*word_fn)(void *ud, uint64_t h);

/* A letter, mark or digit. */
static int word_cp(int32_t cp) {
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') ||
               ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
}

static int mark_cp(int32_t cp) {
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

/* A word of a spaced script, s[0..n): case-folded, at most 64 bytes
 * hashed; numbers, function words, date words and words under 3 bytes
 * are left out. */
static void spaced_word(const char *s, size_t n, word_fn add, void *ud) {
    const unsigned char *u = (const unsigned char *)s;
    char buf[64];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof buf;) {
        int32_t cp = 0;
        size_t l = px_utf8_decode(u + i, n - i, &cp);
        if (cp < 0x80) {
            buf[k++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        } else {
            unsigned char e[4];
            size_t el = px_utf8_encode(utf8proc_tolower(cp), e);
            if (k + el > sizeof buf) break;
            memcpy(buf + k, e, el);
            k += el;
        }
        i += l;
    }
    if (k >= 3 && !noise_word(buf, k)) add(ud, px_hash64(buf, k, 0));
}

/* A run of letters of a script without spaces between words, s[i..j):
 * its overlapping grapheme-cluster trigrams (Thai, Lao, Myanmar, Khmer:
 * about a syllable each) or bigrams (Han and kana: most words are two
 * letters); a shorter run is one word. */
static void unspaced_units(const char *s, size_t i, size_t j, int kind,
                           word_fn add, void *ud) {
    size_t w = kind == PX_UNSPACED_ALPHA ? 3 : 2, starts[3], ng = 0;
    for (size_t p = i, e; p < j; p = e, ng++) {
        e = px_grapheme_end(s, j, p);
        starts[ng % w] = p;
        if (ng + 1 >= w) {
            size_t from = starts[(ng + 1 - w) % w];
            add(ud, px_hash64(s + from, e - from, 0));
        }
    }
    if (ng < w) add(ud, px_hash64(s + i, j - i, 0));
}

/* Calls add for each word of s[0..n): runs of letters, marks and digits
 * (utf8proc categories L, M, N), a run split where a letter of another
 * kind (px_script_unspaced) starts ("12人" is "12" and "人"). */
static void words_of(const char *s, size_t n, word_fn add, void *ud) {
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t l = px_utf8_decode(u + i, n - i, &cp);
        if (!l || !word_cp(cp)) {
            i += l ? l : 1;
            continue;
        }
        int kind = px_script_unspaced(cp);
        size_t j = i + l;
        while (j < n) {
            size_t m = px_utf8_decode(u + j, n - j, &cp);
            if (!m || !word_cp(cp) ||
                (px_script_unspaced(cp) != kind &&
                 !(cp >= 0x80 && mark_cp(cp))))
                break;
            j += m;
        }
        if (kind)
            unspaced_units(s, i, j, kind, add, ud);
        else
            spaced_word(s + i, j - i, add, ud);
        i = j;
    }
}

static void wordset_add(void *ud, uint64_t h) {
    wordset *w = ud;
    size_t j = 0;
    while (j < w->n && w->h[j] != h) j++;
    if (j == w->n && w->n < WORDS_MAX) w->h[w->n++] = h;
}

static void wordset_build(wordset *w, const char *s) {
    w->n = 0;
    words_of(s, strlen(s), wordset_add, w);
}

static double overlap(const wordset *a, const wordset *b) {
    if (!a->n || !b->n) return 0;
    size_t shared = 0;
    for (size_t i = 0; i < a->n; i++)
        for (size_t j = 0; j < b->n; j++) shared += a->h[i] == b->h[j];
    return (double)shared / sqrt((double)a->n * (double)b->n);
}

/* ------------------------------------------------------------- support */

/* The words of one member's text, sorted and unique (loaded on demand). */
typedef struct textset {
    uint64_t *h;
    size_t n, a;
    int loaded;
} textset;

static void textset_add(void *ud, uint64_t h) {
    textset *t = ud;
    t->h = px_array_grow(t->h, &t->a, t->n + 1, 256, sizeof *t->h);
    t->h[t->n++] = h;
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

typedef struct judge {
    const wordset *ws; /* of the titles */
    const size_t *mem; /* member index of each title */
    size_t m, n;       /* titles, members */
    px_story_text_fn text;
    void *ud;
    textset *ts; /* per member, NULL until a text is needed */
} judge;

static const textset *member_words(judge *jd, size_t i) {
    if (!jd->ts) jd->ts = px_calloc(jd->n, sizeof *jd->ts);
    textset *t = &jd->ts[i];
    if (t->loaded) return t;
    t->loaded = 1;
    size_t len = 0;
    char *s = jd->text(jd->ud, i, &len);
    if (!s) return t;
    words_of(s, len, textset_add, t);
    px_free(s);
    if (t->n) qsort(t->h, t->n, sizeof *t->h, cmp_u64);
    size_t k = 0; /* unique */
    for (size_t r = 0; r < t->n; r++)
        if (!k || t->h[k - 1] != t->h[r]) t->h[k++] = t->h[r];
    t->n = k;
    return t;
}

/* Title t represents its story: at least a third of its words occur in the
 * other members, in their titles or (jd->text given) their texts, which
 * are read only when the titles do not settle it.  A story of one member
 * has nothing to judge by. */
static int supported(judge *jd, size_t t) {
    const wordset *w = &jd->ws[t];
    if (jd->n < 2 || !w->n) return 1;
    uint8_t seen[WORDS_MAX] = {0};
    size_t got = 0;
    for (size_t k = 0; k < w->n; k++)
        for (size_t u = 0; u < jd->m && !seen[k]; u++)
            for (size_t q = 0; u != t && q < jd->ws[u].n && !seen[k]; q++)
                if (jd->ws[u].h[q] == w->h[k]) seen[k] = 1, got++;
    for (size_t i = 0; i < jd->n && jd->text && SUPPORT * got < w->n; i++) {
        if (i == jd->mem[t]) continue;
        const textset *ts = member_words(jd, i);
        for (size_t k = 0; k < w->n && ts->n; k++)
            if (!seen[k] &&
                bsearch(&w->h[k], ts->h, ts->n, sizeof *ts->h, cmp_u64))
                seen[k] = 1, got++;
    }
    return SUPPORT * got >= w->n;
}

/* ------------------------------------------------------------ headline */

char *px_story_headline(const char *const *titles, size_t n,
                        px_story_text_fn text, void *ud) {
    wordset *ws = px_malloc(PX_HEADLINE_TITLES * sizeof *ws);
    const char *pick[PX_HEADLINE_TITLES];
    size_t mem[PX_HEADLINE_TITLES];
    uint8_t ok[PX_HEADLINE_TITLES];
    size_t m = 0;
    if (n > PX_HEADLINE_TITLES) n = PX_HEADLINE_TITLES;
    for (size_t i = 0; i < n; i++)
        if (titles[i] && *titles[i]) {
            pick[m] = titles[i];
            mem[m] = i;
            wordset_build(&ws[m++], titles[i]);
        }
    judge jd = {ws, mem, m, n, text, ud, NULL};
    size_t need = 1; /* words a candidate needs: HEAD_WORDS if any has */
    for (size_t i = 0; i < m; i++) {
        ok[i] = (uint8_t)supported(&jd, i);
        if (ok[i] && ws[i].n >= HEAD_WORDS) need = HEAD_WORDS;
    }
    size_t best = m;
    double best_score = -1;
    for (size_t i = 0; i < m; i++) {
        if (!ok[i] || ws[i].n < need) continue;
        double sc = 0;
        for (size_t j = 0; j < m; j++)
            if (j != i) sc += overlap(&ws[i], &ws[j]);
        if (sc > best_score) {
            best_score = sc;
            best = i;
        }
    }
    for (size_t i = 0; jd.ts && i < n; i++) px_free(jd.ts[i].h);
    px_free(jd.ts);
    px_free(ws);
    return best < m ? px_strdup(pick[best]) : NULL;
}

/* ------------------------------------------------------- opening words */

/* The last space of s[from..to), or 0. */
static size_t last_space(const char *s, size_t from, size_t to) {
    while (to > from)
        if (s[--to] == ' ') return to;
    return 0;
}

char *px_story_opening(const char *s, size_t len) {
    size_t start = 0;
    while (start < len && (s[start] == ' ' || s[start] == '\n')) start++;
    size_t end = start; /* the line's end, at most PX_HEADLINE_UNSPACED on */
    while (end < len && s[end] != '\n' && end - start < PX_HEADLINE_UNSPACED)
        end++;
    int whole = end == len || s[end] == '\n';
    size_t n, cut;
    if (whole && end - start <= PX_HEADLINE_BYTES)
        n = end;
    else if ((cut = last_space(s, start, start + PX_HEADLINE_BYTES)) > start)
        n = cut;
    else if (whole)
        n = end; /* no space early on, but the line is short enough */
    else if ((cut = last_space(s, start, end)) > start)
        n = cut;
    else /* one unspaced run: its last whole grapheme cluster in the bound */
        n = px_grapheme_cut(s, len, start, end);
    return n > start ? px_strndup(s + start, n - start) : NULL;
}
