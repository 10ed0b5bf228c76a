/*
 * meta.c - cleaner rules that turn debris into metadata: datelines,
 * self-references and credit lines.
 *
 * A dateline ("MOSCOW, Dec 2 (Reuters) - ") is removed from the clean
 * text and kept as `dateline` (the place) and `wire` (the agency, or
 * `outlet` when it names the article's own outlet).  A credit line at the
 * foot ("Reuters", "(AP)", "AFP/Reuters") is removed and kept as `wire`;
 * a reporting credit ("Reporting by ...; Editing by ...") is removed.  A
 * self-reference ("Modern.az reports that ...") is a real sentence: it
 * stays in the text and only yields `outlet`.
 */
#include <string.h> /* memcmp, strncasecmp */
#include <strings.h>
#include <utf8proc.h>

#include "clean/lexicon.h"
#include "clean/rules.h"
#include "clean/simd.h"
#include "core/utf8.h"

/* ---------------------------------------------------------------- dateline */

static int is_upper_at(const unsigned char *s, size_t n, size_t i, size_t *l) {
    int32_t cp;
    *l = px_utf8_decode(s + i, n - i, &cp);
    if (!*l) return 0;
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

/* Upper-case place words ("NEW YORK", "ST. PETERSBURG"); returns the end,
 * *letters counts upper-case letters.  A word must start with a capital and
 * hold no lower-case letter. */
static size_t scan_place(const unsigned char *s, size_t n, size_t *letters) {
    size_t i = 0, l;
    *letters = 0;
    for (;;) {
        if (i >= n || !is_upper_at(s, n, i, &l)) return i;
        size_t w = i;
        while (i < n && (is_upper_at(s, n, i, &l) || s[i] == '.' ||
                         s[i] == '\'' || s[i] == '-')) {
            if (s[i] != '.' && s[i] != '\'' && s[i] != '-') (*letters)++;
            i += s[i] < 0x80 ? 1 : l;
        }
        if (i < n && s[i] >= 'a' && s[i] <= 'z') return w ? w - 1 : 0;
        if (i + 1 < n && s[i] == ' ' && is_upper_at(s, n, i + 1, &l))
            i++;
        else
            return i;
    }
}

/* Dash (-, --, en or em dash) at s[i]: its length, else 0. */
static size_t dash_at(const unsigned char *s, size_t n, size_t i, int *strong) {
    *strong = 0;
    if (i + 1 < n && s[i] == '-' && s[i + 1] == '-') return *strong = 1, 2;
    if (i < n && s[i] == '-') return 1;
    if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 &&
        (s[i + 2] == 0x93 || s[i + 2] == 0x94))
        return *strong = 1, 3;
    return 0;
}

static size_t skip_spaces(const unsigned char *s, size_t n, size_t i) {
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    return i;
}

/* After the place: ", Valdoria" / ", Dec. 2" up to a '(' or a dash. */
static size_t scan_extra(const unsigned char *s, size_t n, size_t i) {
    if (i >= n || s[i] != ',') return i;
    int strong;
    for (size_t j = i + 1; j < n && j < i + 48; j++) {
        if (s[j] == '(') return j;
        if (s[j] == ' ' && dash_at(s, n, j + 1, &strong)) return j;
        if (s[j] == ')' || s[j] == '"') break;
    }
    return i;
}

typedef struct dateline {
    px_span place, wire; /* relative to the line start; wire may be empty */
    size_t len;          /* bytes to remove */
} dateline;

/* "(Agency)" at s[i]: the end after ')', or i when absent.  An agency
 * starts with a capital and holds no digit ("(March 20, 2007)" is none). */
static size_t scan_wire(const unsigned char *s, size_t n, size_t i,
                        px_span *wire) {
    if (i + 1 >= n || s[i] != '(' || s[i + 1] < 'A' || s[i + 1] > 'Z') return i;
    for (size_t j = i + 1; j < n && j < i + 48; j++) {
        if (s[j] == '(' || (s[j] >= '0' && s[j] <= '9')) break;
        if (s[j] == ')') {
            if (j == i + 1) break;
            *wire = (px_span){i + 1, j};
            return j + 1;
        }
    }
    return i;
}

static int parse_dateline(const unsigned char *s, size_t n, dateline *d) {
    size_t letters;
    memset(d, 0, sizeof *d);
    size_t pe = scan_place(s, n, &letters);
    if (pe && letters < 2) return 0;
    size_t i = scan_extra(s, n, pe);
    d->place = (px_span){0, i};
    i = skip_spaces(s, n, i);
    i = skip_spaces(s, n, scan_wire(s, n, i, &d->wire));
    int agency = d->wire.end > d->wire.start, strong;
    if (!pe && !agency) return 0;
    size_t dl = dash_at(s, n, i, &strong);
    if (!dl || i + dl >= n || (s[i + dl] != ' ' && s[i + dl] != '\t')) return 0;
    if (!agency && (!strong || letters < 3))
        return 0; /* no agency: only "KYIV — " with a long dash */
    d->len = skip_spaces(s, n, i + dl);
    return 1;
}

static int same_name(const char *a, size_t an, const char *b) {
    return b && strlen(b) == an && !strncasecmp(a, b, an);
}

static void record_dateline(px_clean_ctx *c, size_t at, const dateline *d) {
    const char *s = c->text + at;
    size_t pe = d->place.end;
    while (pe > d->place.start && s[pe - 1] == ' ') pe--;
    px_ctx_meta(&c->out->dateline, s + d->place.start, pe - d->place.start);
    size_t wn = d->wire.end - d->wire.start;
    if (wn) {
        if (same_name(s + d->wire.start, wn, c->opts->outlet))
            px_ctx_meta(&c->out->outlet, s + d->wire.start, wn);
        else
            px_ctx_meta(&c->out->wire, s + d->wire.start, wn);
    }
    px_ctx_cand(c, at, at + d->len, PX_RM_DATELINE,
                "dateline prefix, kept as metadata", NULL);
}

void px_rule_dateline(px_clean_ctx *c) {
    size_t seen = 0;
    for (size_t i = 0; i < c->nlines && seen < 6; i++) {
        const px_line *l = &c->lines[i];
        if (px_line_blank(c->text, l)) continue;
        seen++;
        dateline d;
        if (parse_dateline((const unsigned char *)c->text + l->start,
                           l->end - l->start, &d)) {
            record_dateline(c, l->start, &d);
            return;
        }
    }
}

/* ---------------------------------------------------------- self-reference */

/* "<Outlet> reports that": the verbs that may stand before " that ". */
static const char *const report_verbs[] = {
    " reports", " reported", " has learned", " has learnt", " learned",
};
/* The same in Azerbaijani ("Modern.az xəbər verir ki"). */
static const char az_verb[] = " xəbər verir ki ";

static int connector(const char *w, size_t n) {
    return (n == 2 && (!memcmp(w, "of", 2) || !memcmp(w, "de", 2))) ||
           (n == 3 && (!memcmp(w, "the", 3) || !memcmp(w, "and", 3))) ||
           (n == 1 && *w == '&');
}

static int pronoun(const char *w, size_t n) {
    static const char *const p[] = {"He",     "She",      "It",   "They",
                                    "We",     "This",     "That", "The",
                                    "Police", "Officials"};
    for (size_t i = 0; i < sizeof p / sizeof p[0]; i++)
        if (strlen(p[i]) == n && !memcmp(w, p[i], n)) return 1;
    return 0;
}

/* Words that make a capitalised name an outlet's ("Coastline Daily"). */
static const char *const media_words[] = {
    "Daily",   "News",      "Times",  "Post",     "Herald",    "Journal",
    "Gazette", "Tribune",   "Today",  "Online",   "Media",     "Press",
    "Agency",  "Radio",     "TV",     "Channel",  "Telegraph", "Observer",
    "Express", "Chronicle", "Review", "Magazine", "Network",   "Wire",
};

/* A word that names an outlet by itself: a domain ("Modern.az"), an
 * acronym ("BBC", "SKY-TV") or a media word. */
static int media_word(const char *w, size_t n) {
    const char *dot = memchr(w, '.', n);
    if (dot && dot > w && (size_t)(dot - w) + 3 <= n) return 1;
    size_t caps = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i] >= 'a' && w[i] <= 'z')
            caps = n + 1; /* not an acronym */
        else if (w[i] >= 'A' && w[i] <= 'Z')
            caps++;
    }
    if (caps >= 2 && caps <= n) return 1;
    for (size_t i = 0; i < sizeof media_words / sizeof media_words[0]; i++)
        if (strlen(media_words[i]) == n && !memcmp(w, media_words[i], n))
            return 1;
    return 0;
}

/* A plausible outlet name: 1-5 capitalised words, one of them a media
 * word, domain or acronym ("Michael Silverman reports that" is a person). */
static int outlet_name(const char *s, size_t n) {
    size_t words = 0, i = 0;
    int media = 0;
    if (!n || n > 48) return 0;
    while (i < n) {
        size_t w = i;
        while (i < n && s[i] != ' ') i++;
        size_t wl = i - w;
        int cap = (s[w] >= 'A' && s[w] <= 'Z') || (s[w] >= '0' && s[w] <= '9');
        if (!cap && !connector(s + w, wl)) return 0;
        if (memchr(s + w, ',', wl) || memchr(s + w, '"', wl)) return 0;
        media |= media_word(s + w, wl);
        words++;
        while (i < n && s[i] == ' ') i++;
    }
    if (!media || words > 5 || (words == 1 && pronoun(s, n))) return 0;
    char f[64];
    size_t fl = px_fold(s, n, f, sizeof f);
    return fl != (size_t)-1 && !px_lex_wire(f, fl);
}

/* Start of the sentence holding position p of the line [ls, p). */
static size_t sentence_start(const char *t, size_t ls, size_t p) {
    for (size_t j = p; j > ls + 1; j--)
        if (t[j - 1] == ' ' &&
            (t[j - 2] == '.' || t[j - 2] == '!' || t[j - 2] == '?'))
            return j;
    return ls;
}

/* The outlet name before position p (where a verb starts), if any. */
static int selfref_at(px_clean_ctx *c, const px_line *l, size_t p) {
    const char *t = c->text;
    size_t s = sentence_start(t, l->start, p);
    if (!outlet_name(t + s, p - s)) return 0;
    if (c->opts->outlet && !same_name(t + s, p - s, c->opts->outlet))
        return 0; /* another outlet cited, not a self-reference */
    px_ctx_meta(&c->out->outlet, t + s, p - s);
    return 1;
}

/* Each " that " of the line is checked for a reporting verb before it:
 * one scan of the line, whatever the number of verbs. */
static int selfref_in_line(px_clean_ctx *c, const px_line *l) {
    const char *t = c->text, *e = t + l->end, *h = t + l->start;
    while ((h = px_memmem(h, (size_t)(e - h), " that ", 6))) {
        size_t p = (size_t)(h - t);
        for (size_t v = 0; v < sizeof report_verbs / sizeof report_verbs[0];
             v++) {
            size_t vl = strlen(report_verbs[v]);
            if (p - l->start >= vl &&
                !memcmp(t + p - vl, report_verbs[v], vl) &&
                selfref_at(c, l, p - vl))
                return 1;
        }
        h += 6;
    }
    h = px_memmem(t + l->start, l->end - l->start, az_verb, sizeof az_verb - 1);
    return h && selfref_at(c, l, (size_t)(h - t));
}

void px_rule_selfref(px_clean_ctx *c) {
    size_t seen = 0;
    for (size_t i = 0; i < c->nlines && seen < 3 && c->lines[i].start < 1536;
         i++) {
        if (px_line_blank(c->text, &c->lines[i])) continue;
        seen++;
        if (selfref_in_line(c, &c->lines[i])) return;
    }
}

/* ------------------------------------------------------------------ credit */

/* Strip "-", "©", "Source:", "via", parentheses around a credit core. */
static void credit_core(const char *s, size_t *a, size_t *b) {
    static const char *const pre[] = {"source:", "sources:",   "via ",
                                      "with ",   "copyright ", "(c) ",
                                      "\xC2\xA9"};
    for (int again = 1; again;) {
        again = 0;
        while (*a < *b && s[*a] && strchr(" \t-([*|", s[*a])) (*a)++, again = 1;
        while (*b > *a && s[*b - 1] && strchr(" \t.)]*|", s[*b - 1]))
            (*b)--, again = 1;
        if (*b - *a >= 3 && !memcmp(s + *a, "\xE2\x80", 2) &&
            (s[*a + 2] == '\x93' || s[*a + 2] == '\x94'))
            *a += 3, again = 1;
        for (size_t k = 0; k < sizeof pre / sizeof pre[0]; k++) {
            size_t pl = strlen(pre[k]);
            if (*b - *a > pl && !strncasecmp(s + *a, pre[k], pl))
                *a += pl, again = 1;
        }
    }
}

/* Every part of "afp/reuters", "ap, reuters" is a wire (or the dateline's). */
static int wire_parts(const char *f, size_t n, const char *known) {
    size_t i = 0;
    while (i < n) {
        size_t s = i;
        while (i < n && f[i] != '/' && f[i] != ',' && f[i] != '&') i++;
        size_t a = s, b = i;
        while (a < b && f[a] == ' ') a++;
        while (b > a && f[b - 1] == ' ') b--;
        if (b - a > 4 && !memcmp(f + a, "and ", 4)) a += 4;
        char k[64];
        size_t kl = known ? px_fold(known, strlen(known), k, sizeof k) : 0;
        int ok =
            px_lex_wire(f + a, b - a) ||
            (kl && kl != (size_t)-1 && kl == b - a && !memcmp(k, f + a, kl));
        if (!ok) return 0;
        i++;
    }
    return n > 0;
}

int px_rule_credit(px_clean_ctx *c, size_t i) {
    const px_line *l = &c->lines[i];
    size_t a = l->start, b = l->end;
    if (b - a > 300) return 0;
    char f[320];
    size_t h = b - a < 40 ? b - a : 40; /* the opening words suffice */
    while (h < b - a && h > 0 && ((unsigned char)c->text[a + h] & 0xC0) == 0x80)
        h--;
    size_t fl = px_fold(c->text + a, h, f, sizeof f);
    if (fl == (size_t)-1) return 0;
    if (px_lex_reporting(f, fl)) {
        px_ctx_cand(c, l->start, l->next, PX_RM_CREDIT, "reporting credit",
                    NULL);
        return 1;
    }
    if (b - a > 64) return 0;
    credit_core(c->text, &a, &b);
    fl = px_fold(c->text + a, b - a, f, sizeof f);
    if (fl == (size_t)-1 || !wire_parts(f, fl, c->out->wire)) return 0;
    px_ctx_meta(&c->out->wire, c->text + a, b - a);
    px_ctx_cand(c, l->start, l->next, PX_RM_CREDIT,
                "credit line, kept as metadata (wire)", NULL);
    return 1;
}
