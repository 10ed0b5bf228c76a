/*
 * feats.c - the features of one article for same-event clustering.
 *
 * One pass over the doc's tokens emits (hash, kind, count) triples; a sort
 * by hash folds repeats; each distinct feature then weighs
 * kind_weight * ln(1 + count).  Hashes are seeded by kind, so the word
 * "jakarta" and the place "jakarta" are different features.  Nothing here
 * depends on other articles: inverse document frequency is applied when the
 * article is added to a clusterer.
 *
 *   words     alphabetic, not a function word, >= 2 bytes: Snowball stem
 *   numbers   tokens of digits (thousands separators dropped)
 *   entities  runs of capitalised words with nothing but spaces between;
 *             a single capitalised word opening a sentence is ambiguous
 *             (every sentence starts with one) and is skipped
 *   places    entities right after in/at/near/from/outside
 *   dates     month + day or day + month
 *   headline  the title's stemmed content words again, in their own
 *             namespace (w_headline), so that headline meets headline
 * Title tokens count w_title each; titles are mostly in title case, so
 * they give words and numbers only.  Chinese, Japanese, Thai, Korean,
 * Russian and Greek words are keyed differently (see "words of other
 * scripts").
 */
#include <math.h>     /* log */
#include <stdlib.h>   /* qsort */
#include <string.h>   /* memcmp */
#include <utf8proc.h> /* utf8proc_decompose_char */

#include "clean/script.h" /* px_script_of */
#include "cluster/feats.h"
#include "core/array.h"
#include "core/utf8.h"

/* Cap on features emitted per article: bounds work and memory for huge
 * inputs (a 500-word article emits about 700). */
#define FEATS_MAX_EMIT 65536u

typedef struct emitter {
    px_cluster_feat *v;
    size_t n, a;
} emitter;

static void emit(emitter *e, uint64_t hash, unsigned kind, double count) {
    if (e->n >= FEATS_MAX_EMIT) return;
    e->v = px_array_grow(e->v, &e->a, e->n + 1, 256, sizeof *e->v);
    e->v[e->n++] = (px_cluster_feat){hash, (float)count, kind};
}

static uint64_t kind_hash(unsigned kind, uint64_t h) {
    return px_hash64(&h, sizeof h, 0x9E3779B97F4A7C15ull + kind);
}

/* ------------------------------------------------------------ token view */

typedef struct tokview {
    const px_token *t;
    size_t n;
    const char *norm; /* norm view */
    const char *orig; /* original text */
} tokview;

static void tokview_init(tokview *v, const px_doc *d) {
    size_t len;
    v->t = px_doc_tokens(d, &v->n);
    v->norm = px_doc_norm(d, &len);
    v->orig = px_doc_orig(d, &len);
}

static const char *tok_str(const tokview *v, size_t i, size_t *n) {
    *n = v->t[i].norm_len;
    return v->norm + v->t[i].norm_off;
}

static int tok_is(const tokview *v, size_t i, const char *w) {
    size_t n, wn = strlen(w);
    const char *s = tok_str(v, i, &n);
    return n == wn && !memcmp(s, w, n);
}

/* Only spaces (no newline, no punctuation) between tokens i-1 and i. */
static int tok_glued(const tokview *v, size_t i) {
    for (uint32_t k = v->t[i - 1].end; k < v->t[i].start; k++)
        if (v->orig[k] != ' ' && v->orig[k] != '\t') return 0;
    return 1;
}

/* Token i opens a sentence: first, after a paragraph break, or after
 * sentence punctuation or an opening quote. */
static int tok_sentence_start(const tokview *v, size_t i) {
    if (i == 0 || (v->t[i].flags & PX_TOK_PARA)) return 1;
    for (uint32_t k = v->t[i - 1].end; k < v->t[i].start; k++) {
        char c = v->orig[k];
        if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '"' ||
            c == ':' || c == '(')
            return 1;
    }
    return 0;
}

static int tok_alpha(const tokview *v, size_t i) {
    return (v->t[i].flags & PX_TOK_ALPHA) != 0;
}

static int tok_numeric(const tokview *v, size_t i) {
    return (v->t[i].flags & (PX_TOK_DIGIT | PX_TOK_ALPHA)) == PX_TOK_DIGIT;
}

static int tok_content(const tokview *v, size_t i) {
    size_t n;
    const char *s = tok_str(v, i, &n);
    return tok_alpha(v, i) && n >= 2 && !px_stopword(s, n);
}

/* ----------------------------------------------------- words and numbers */

/* The stem of the word s[0..n) as a feature of kind (a word, or a headline
 * word). */
static void emit_stem_of(emitter *e, const char *s, size_t n, px_stemmer *st,
                         unsigned kind, double count) {
    size_t sn;
    const char *stem = px_stemmer_stem(st, s, n, &sn);
    emit(e, kind_hash(kind, px_hash64(stem, sn, 0)), kind, count);
}

static void emit_stem(emitter *e, const tokview *v, size_t i, px_stemmer *st,
                      unsigned kind, double count) {
    size_t n;
    const char *s = tok_str(v, i, &n);
    emit_stem_of(e, s, n, st, kind, count);
}

/* A numeral s[0..n): thousands separators dropped ("2,000" = "2000"),
 * Thai digits (U+0E50..U+0E59, "๒๐๐๐") read as ASCII ones. */
static void emit_numeral(emitter *e, const char *s, size_t n, double count) {
    size_t k = 0;
    char buf[64];
    const unsigned char *u = (const unsigned char *)s;
    for (size_t j = 0; j < n && k < sizeof buf; j++)
        if (j + 2 < n && u[j] == 0xE0 && u[j + 1] == 0xB9 && u[j + 2] >= 0x90 &&
            u[j + 2] <= 0x99)
            buf[k++] = (char)('0' + (u[j + 2] - 0x90)), j += 2;
        else if (s[j] != ',')
            buf[k++] = s[j];
    emit(e, kind_hash(PX_FEAT_NUMBER, px_hash64(buf, k, 0)), PX_FEAT_NUMBER,
         count);
}

static void emit_number(emitter *e, const tokview *v, size_t i, double count) {
    size_t n;
    const char *s = tok_str(v, i, &n);
    emit_numeral(e, s, n, count);
}

/* ------------------------------------------------- words of other scripts */

/*
 * The word path above (Snowball stem of a space-delimited token, with the
 * caller's stemmer, English in practice) fails on three kinds of script:
 *
 * - Chinese, Japanese and Thai have no spaces between words: a token is a
 *   whole clause ("山体滑坡已造成12人失踪", "น้ำท่วมอำเภอโป่งแดง") that never
 *   recurs.  Such a clause is read as runs of one script (scan_clause):
 *   - Han characters give themselves and the overlapping bigrams of their
 *     run, katakana the bigrams of theirs: the usual dictionary-free
 *     units (most words have one or two characters, a longer name shares
 *     its bigrams, a bigram across a word boundary is rare noise that idf
 *     discounts).  Bigrams alone left follow-ups that restate little below
 *     the join threshold (docs/cluster.md).  Hiragana is skipped: in
 *     Japanese it writes particles and endings ("の", "が", "ている"); the
 *     content is in the kanji and katakana.
 *   - Thai letters give the overlapping trigrams of their run, vowel and
 *     tone marks dropped (a Thai syllable is 2-4 letters, so a trigram is
 *     about a syllable; single letters and bigrams of an alphabet of ~60
 *     say little, and marks placed above or below a consonant would only
 *     split a trigram's spellings); a run of 1-2 letters is one unit.
 *   Digits inside the clause (ASCII or Thai) are numbers, Latin letters
 *   ("NHK", "iPhone") words.
 * - Korean separates words by spaces but glues particles and endings to
 *   them ("서울에서" = 서울 + 에서, "소방당국은" = 소방당국 + 은): a run of
 *   Hangul gives the whole word and, when it has 3 syllables or more, its
 *   first HANGUL_STEM syllables as a blind stem (most Korean nouns have
 *   two syllables) and its syllable bigrams, so that a compound meets its
 *   parts ("플라스틱공장", "공장에서") and a word with another particle
 *   meets itself ("작업자가", "작업자는").  Without the whole word, one
 *   number shared with another story outweighed the rest (docs/cluster.md).
 *   Digits glued to a counter or particle ("3명이", "27일") are numbers.
 * - Russian and Greek inflect by suffix ("фабрики", "фабрике") and have no
 *   stemmer here: a word is cut to its first TRUNC_KEEP letters, accents
 *   dropped (Greek stress moves between forms; Russian writes ё as е), a
 *   blind but serviceable stem for suffixing languages.  Words shorter
 *   than TRUNC_MIN letters are taken for function words ("в", "на", "το",
 *   "οι"): there is no stop list for them.  Entities use the cut words too,
 *   so "в Верхнелуцке" and "Верхнелуцка" name one place.
 *
 * Arabic, Hebrew and Devanagari keep the whole-word path: clitic prefixes
 * (Arabic al-, wa-; Hebrew ha-, be-) defeat a cut, and whole words tell
 * their events apart (tests/cli/test_cluster_edge.sh).
 */
#define TRUNC_KEEP  5 /* letters kept of a Cyrillic or Greek word */
#define TRUNC_MIN   3 /* shorter Cyrillic or Greek words are not content */
#define HANGUL_STEM 2 /* syllables kept of a Korean word as its stem */

typedef enum word_path { PATH_STEM, PATH_SCAN, PATH_CUT } word_path;

/* The path of token i: scanned by runs when it holds a Han, kana, Thai or
 * Hangul letter (a clause may open with Latin letters: "NHKによると"), else
 * by the script of its first letter. */
static word_path tok_path(const tokview *v, size_t i) {
    size_t n, l;
    const unsigned char *s = (const unsigned char *)tok_str(v, i, &n);
    word_path first = PATH_STEM;
    int seen = 0; /* a letter was seen: first is decided */
    for (size_t k = 0; k < n; k += l ? l : 1) {
        int32_t cp;
        l = 1;
        if (s[k] < 0x80) { /* ASCII: a letter is Latin */
            seen |= (s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z';
            continue;
        }
        if (!(l = px_utf8_decode(s + k, n - k, &cp))) continue;
        int sc = px_script_of(cp);
        if (sc == PX_SC_CJK || sc == PX_SC_THAI || sc == PX_SC_HANGUL)
            return PATH_SCAN;
        if (!seen && sc != PX_SC_NONE)
            first = sc == PX_SC_CYRILLIC || sc == PX_SC_GREEK ? PATH_CUT
                                                              : PATH_STEM;
        seen |= sc != PX_SC_NONE;
    }
    return first;
}

/* Hash of the cut form of token i (first TRUNC_KEEP letters, accents
 * stripped), or 0 when the word has fewer than TRUNC_MIN letters. */
static uint64_t tok_cut_hash(const tokview *v, size_t i) {
    size_t n, l, len = 0, letters = 0;
    const unsigned char *s = (const unsigned char *)tok_str(v, i, &n);
    unsigned char buf[TRUNC_KEEP * 4]; /* UTF-8: at most 4 bytes a letter */
    for (size_t k = 0; k < n; k += l ? l : 1) {
        int32_t cp, base[4];
        if (!(l = px_utf8_decode(s + k, n - k, &cp))) continue;
        utf8proc_ssize_t nb = utf8proc_decompose_char(
            cp, base, 4, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, NULL);
        if (nb < 0 || nb > 4) base[0] = cp, nb = 1; /* keep it as it is */
        for (utf8proc_ssize_t b = 0; b < nb; b++)
            if (letters++ < TRUNC_KEEP)
                len += px_utf8_encode(base[b], buf + len);
    }
    return letters < TRUNC_MIN ? 0 : px_hash64(buf, len, 0);
}

/* Key of token i in an entity: the cut hash for Cyrillic and Greek (0:
 * too short to be a name), else the token's own hash. */
static uint64_t tok_name_hash(const tokview *v, size_t i) {
    return tok_path(v, i) == PATH_CUT ? tok_cut_hash(v, i) : v->t[i].hash;
}

/* Run classes of the letters of a scanned clause. */
enum { RUN_NONE, RUN_HAN, RUN_KANA, RUN_THAI, RUN_HANGUL, RUN_MARK };

/* Run class of cp: RUN_MARK for a Thai vowel or tone mark (skipped inside
 * a Thai run), RUN_NONE for anything else that ends a run (hiragana
 * included). */
static int run_class(int32_t cp) {
    if (cp >= 0x30A0 && cp <= 0x30FF) return RUN_KANA; /* and its ー */
    if (cp >= 0x3040 && cp <= 0x309F) return RUN_NONE; /* hiragana */
    if (cp == 0x3005) return RUN_HAN;                  /* 々 repeats a Han */
    switch (px_script_of(cp)) {
    case PX_SC_CJK: return RUN_HAN;
    case PX_SC_THAI: return RUN_THAI;
    case PX_SC_HANGUL: return RUN_HANGUL;
    case PX_SC_NONE:
        return cp >= 0x0E00 && cp <= 0x0E7F &&
                       utf8proc_category(cp) == UTF8PROC_CATEGORY_MN
                   ? RUN_MARK
                   : RUN_NONE;
    default: return RUN_NONE;
    }
}

/* Length of the digit at s[k..n): 1 for an ASCII digit, 3 for a Thai
 * digit (U+0E50..U+0E59), else 0. */
static size_t digit_len(const char *s, size_t k, size_t n) {
    const unsigned char *u = (const unsigned char *)s + k;
    if (k < n && u[0] >= '0' && u[0] <= '9') return 1;
    if (k + 2 < n && u[0] == 0xE0 && u[1] == 0xB9 && u[2] >= 0x90 &&
        u[2] <= 0x99)
        return 3;
    return 0;
}

/* Length of the numeral at s[k..n) (digits with inner '.' or ','), 0 when
 * no digit starts there. */
static size_t numeral_len(const char *s, size_t k, size_t n) {
    size_t l = 0, d;
    for (;;) {
        if ((d = digit_len(s, k + l, n)))
            l += d;
        else if (l && k + l < n && (s[k + l] == '.' || s[k + l] == ',') &&
                 (d = digit_len(s, k + l + 1, n)))
            l += 1 + d;
        else
            return l;
    }
}

/* A run of ASCII letters inside a scanned clause ("nhk", "iphone"): a
 * word, stemmed as on the word path. */
static void emit_latin(emitter *e, const char *s, size_t n, px_stemmer *st,
                       double count) {
    if (n >= 2 && !px_stopword(s, n))
        emit_stem_of(e, s, n, st, PX_FEAT_WORD, count);
}

static int at_latin(const char *s, size_t k, size_t n) {
    return k < n && (s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z';
}

static void emit_word_bytes(emitter *e, const void *s, size_t n, double count) {
    emit(e, kind_hash(PX_FEAT_WORD, px_hash64(s, n, 0)), PX_FEAT_WORD, count);
}

/* The run of one class being read in a clause. */
typedef struct run {
    int cls;         /* RUN_HAN .. RUN_HANGUL, RUN_NONE: no run */
    size_t start;    /* offset of its first character */
    size_t prev;     /* offset of its last character */
    size_t end;      /* end of its last character */
    size_t stem;     /* Hangul: end of its HANGUL_STEM-th syllable */
    size_t len;      /* characters (Thai: letters) so far */
    int32_t last[2]; /* Thai: its last two letters, the latest in last[1] */
} run;

/* Thai letters cps[0..n) as one unit. */
static void emit_thai(emitter *e, const int32_t *cps, size_t n, double count) {
    unsigned char buf[3 * 4];
    size_t len = 0;
    for (size_t j = 0; j < n; j++) len += px_utf8_encode(cps[j], buf + len);
    emit_word_bytes(e, buf, len, count);
}

/* End the run r: a Korean word, and when it is longer than its stem, the
 * stem and the syllable bigrams; or a short Thai run. */
static void run_flush(emitter *e, const char *s, run *r, double count) {
    if (r->cls == RUN_HANGUL) {
        emit_word_bytes(e, s + r->start, r->end - r->start, count);
        if (r->len > HANGUL_STEM) {
            emit_word_bytes(e, s + r->start, r->stem - r->start, count);
            /* every Hangul syllable or jamo is 3 bytes of UTF-8 */
            for (size_t q = r->start; q + 6 <= r->end; q += 3)
                emit_word_bytes(e, s + q, 6, count);
        }
    } else if (r->cls == RUN_THAI && r->len < 3) {
        emit_thai(e, r->last + 2 - r->len, r->len, count);
    }
    r->cls = RUN_NONE;
}

/* The character cp at s[k..k+l) of class cls, continuing run r or
 * starting one. */
static void run_add(emitter *e, const char *s, run *r, int32_t cp, size_t k,
                    size_t l, int cls, double count) {
    if (cls != r->cls) {
        run_flush(e, s, r, count);
        *r = (run){.cls = cls, .start = k};
    }
    if (cls == RUN_HAN) /* the character itself, a word or part of one */
        emit_word_bytes(e, s + k, l, count);
    if ((cls == RUN_HAN || cls == RUN_KANA) && r->len) /* the bigram */
        emit_word_bytes(e, s + r->prev, k + l - r->prev, count);
    if (cls == RUN_THAI) {
        if (r->len >= 2) {
            int32_t tri[3] = {r->last[0], r->last[1], cp};
            emit_thai(e, tri, 3, count);
        }
        r->last[0] = r->last[1], r->last[1] = cp;
    }
    if (cls == RUN_HANGUL && r->len < HANGUL_STEM) r->stem = k + l;
    r->prev = k, r->end = k + l;
    r->len++;
}

/* The runs of token i by script (see above), and its numerals and Latin
 * words. */
static void scan_clause(emitter *e, const tokview *v, size_t i, px_stemmer *st,
                        double count) {
    size_t n, l;
    const char *s = tok_str(v, i, &n);
    run r = {.cls = RUN_NONE};
    for (size_t k = 0; k < n; k += l) {
        int32_t cp;
        int cls = RUN_NONE;
        if ((l = numeral_len(s, k, n))) {
            emit_numeral(e, s + k, l, count);
        } else if (at_latin(s, k, n)) {
            for (l = 1; at_latin(s, k + l, n);) l++;
            emit_latin(e, s + k, l, st, count);
        } else if ((l = px_utf8_decode((const unsigned char *)s + k, n - k,
                                       &cp))) {
            cls = run_class(cp);
        } else {
            l = 1; /* an invalid byte */
        }
        if (cls == RUN_MARK && r.cls == RUN_THAI) continue; /* dropped */
        if (cls == RUN_NONE || cls == RUN_MARK)
            run_flush(e, s, &r, count);
        else
            run_add(e, s, &r, cp, k, l, cls, count);
    }
    run_flush(e, s, &r, count);
}

/* Emit token i by its script's path; 0 when it takes the word path. */
static int emit_other_script(emitter *e, const tokview *v, size_t i,
                             px_stemmer *st, double count) {
    if (!tok_alpha(v, i)) return 0;
    switch (tok_path(v, i)) {
    case PATH_SCAN: scan_clause(e, v, i, st, count); return 1;
    case PATH_CUT: {
        uint64_t h = tok_cut_hash(v, i);
        if (h) emit(e, kind_hash(PX_FEAT_WORD, h), PX_FEAT_WORD, count);
        return 1;
    }
    default: return 0;
    }
}

/* Weight of the token at position i: the lead states the event, later
 * paragraphs drift into background (earlier events of the same kind). */
static double lead_weight(size_t i, double lead) {
    return lead > 0 ? lead / (lead + (double)i) : 1.0;
}

static void emit_terms(emitter *e, const tokview *v, px_stemmer *st,
                       double count, double lead) {
    for (size_t i = 0; i < v->n; i++) {
        double w = count * lead_weight(i, lead);
        if (emit_other_script(e, v, i, st, w))
            continue;
        else if (tok_content(v, i))
            emit_stem(e, v, i, st, PX_FEAT_WORD, w);
        else if (tok_numeric(v, i))
            emit_number(e, v, i, w);
    }
}

/* The title's content words again, in a namespace of their own: a headline
 * states the event in a few words, and two headlines sharing theirs ("Red
 * Sox offer Teixeira") say more than the same words anywhere in two
 * bodies.  Words of other scripts stay in the word namespace only. */
static void emit_headline(emitter *e, const tokview *v, px_stemmer *st) {
    for (size_t i = 0; i < v->n; i++)
        if (tok_path(v, i) == PATH_STEM && tok_content(v, i))
            emit_stem(e, v, i, st, PX_FEAT_HEADLINE, 1.0);
}

/* ------------------------------------------------------------- entities */

static int tok_cap_word(const tokview *v, size_t i) {
    return (v->t[i].flags & PX_TOK_CAP) && tok_content(v, i) &&
           tok_name_hash(v, i);
}

static int tok_locative(const tokview *v, size_t i) {
    static const char *const preps[] = {"in", "at", "near", "from", "outside"};
    for (size_t k = 0; k < sizeof preps / sizeof preps[0]; k++)
        if (tok_is(v, i, preps[k])) return 1;
    return 0;
}

/* Emit the entity starting at token i; returns the token after it. */
static size_t emit_entity(emitter *e, const tokview *v, size_t i,
                          const px_cluster_opts *o) {
    size_t j = i + 1;
    uint64_t h = tok_name_hash(v, i);
    while (j < v->n && tok_cap_word(v, j) && tok_glued(v, j)) {
        uint64_t pair[2] = {h, tok_name_hash(v, j++)};
        h = px_hash64(pair, sizeof pair, 0);
    }
    if (j - i == 1 && tok_sentence_start(v, i)) return j;
    double w = lead_weight(i, o->lead_tokens);
    emit(e, kind_hash(PX_FEAT_ENTITY, h), PX_FEAT_ENTITY, w);
    if (o->w_place > 0 && i > 0 && tok_glued(v, i) && tok_locative(v, i - 1))
        emit(e, kind_hash(PX_FEAT_PLACE, h), PX_FEAT_PLACE, w);
    return j;
}

static void emit_entities(emitter *e, const tokview *v,
                          const px_cluster_opts *o) {
    for (size_t i = 0; i < v->n;)
        i = tok_cap_word(v, i) ? emit_entity(e, v, i, o) : i + 1;
}

/* ---------------------------------------------------------------- dates */

/* 1..12 for a month name or abbreviation, else 0. */
static int tok_month(const tokview *v, size_t i) {
    static const char *const names[] = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    static const char *const abbr[] = {"jan", "feb", "mar", "apr",
                                       "may", "jun", "jul", "aug",
                                       "sep", "oct", "nov", "dec"};
    size_t n;
    const char *s = tok_str(v, i, &n);
    if (n < 3 || n > 9 || s[0] < 'a' || s[0] > 's') return 0;
    for (int m = 0; m < 12; m++)
        if (tok_is(v, i, names[m]) || tok_is(v, i, abbr[m])) return m + 1;
    return 0;
}

/* 1..31 for a day-of-month numeral ("10", "10th"), else 0. */
static int tok_day(const tokview *v, size_t i) {
    size_t n;
    const char *s = tok_str(v, i, &n);
    int d = 0;
    size_t k = 0;
    while (k < n && k < 2 && s[k] >= '0' && s[k] <= '9')
        d = d * 10 + (s[k++] - '0');
    if (!k || (k < n && !(s[k] >= 'a' && s[k] <= 'z'))) return 0;
    if (k < n && n - k != 2) return 0; /* only st/nd/rd/th suffixes */
    return d >= 1 && d <= 31 ? d : 0;
}

static void emit_dates(emitter *e, const tokview *v, double lead) {
    for (size_t i = 0; i + 1 < v->n; i++) {
        int m = tok_month(v, i), d = m ? tok_day(v, i + 1) : 0;
        if (!m) {
            d = tok_day(v, i);
            m = d ? tok_month(v, i + 1) : 0;
        }
        if (m && d)
            emit(e, kind_hash(PX_FEAT_DATE, (uint64_t)m * 32 + (uint64_t)d),
                 PX_FEAT_DATE, lead_weight(i, lead));
    }
}

/* ------------------------------------------------------------- folding */

static int cmp_feat(const void *a, const void *b) {
    const px_cluster_feat *x = a, *y = b;
    return x->hash < y->hash ? -1 : x->hash > y->hash;
}

static double kind_weight(unsigned kind, const px_cluster_opts *o) {
    switch (kind) {
    case PX_FEAT_ENTITY: return o->w_entity;
    case PX_FEAT_PLACE: return o->w_place;
    case PX_FEAT_NUMBER: return o->w_number;
    case PX_FEAT_DATE: return o->w_date;
    case PX_FEAT_HEADLINE: return o->w_headline;
    default: return 1.0;
    }
}

/* Sort, fold repeats, weigh; drops zero-weight kinds. */
static void fold(emitter *e, const px_cluster_opts *o) {
    if (e->n) qsort(e->v, e->n, sizeof *e->v, cmp_feat);
    size_t out = 0;
    for (size_t i = 0; i < e->n;) {
        size_t j = i + 1;
        double count = e->v[i].w;
        while (j < e->n && e->v[j].hash == e->v[i].hash) count += e->v[j++].w;
        double w = kind_weight(e->v[i].kind, o) * log1p(count);
        if (w > 0) {
            e->v[out] = e->v[i];
            e->v[out++].w = (float)w;
        }
        i = j;
    }
    e->n = out;
}

px_result px_cluster_feats_new(const px_doc *doc, const char *title,
                               px_stemmer *stemmer, const px_cluster_opts *opts,
                               px_cluster_feats **out) {
    px_cluster_opts defaults;
    if (!opts) px_cluster_opts_default(&defaults);
    const px_cluster_opts *o = opts ? opts : &defaults;
    if (!stemmer || !out) return PX_ERR_INVALID;
    emitter e = {0};
    if (doc) {
        tokview v;
        tokview_init(&v, doc);
        emit_terms(&e, &v, stemmer, 1.0, o->lead_tokens);
        emit_entities(&e, &v, o);
        emit_dates(&e, &v, o->lead_tokens);
    }
    if (title && *title && o->w_title > 0) {
        px_doc *td = NULL;
        px_doc_opts to = {.no_clean = 1};
        px_result rc = px_doc_new(title, strlen(title), &to, &td);
        if (rc) {
            px_free(e.v);
            return rc;
        }
        tokview v;
        tokview_init(&v, td);
        emit_terms(&e, &v, stemmer, o->w_title, 0);
        emit_headline(&e, &v, stemmer);
        px_doc_free(td);
    }
    fold(&e, o);
    px_cluster_feats *f = px_malloc(sizeof *f);
    f->v = e.v;
    f->n = e.n;
    *out = f;
    return PX_OK;
}

void px_cluster_feats_free(px_cluster_feats *f) {
    if (!f) return;
    px_free(f->v);
    px_free(f);
}

size_t px_cluster_feats_count(const px_cluster_feats *f) {
    return f ? f->n : 0;
}
