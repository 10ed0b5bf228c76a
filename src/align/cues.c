/*
 * cues.c - source cues in one article, found once when its side is
 * prepared: a credit line naming a wire service ("Reuters" alone on a
 * line) and wire names next to a reporting cue ("according to Reuters",
 * "Reuters reported", "told AFP"), and the words that frame a sentence as
 * reported ("reports that").  direction.c weighs them per pair.
 *
 * Design: wire names are a short fixed table of normalised words; tokens
 * are matched by the 64-bit hash the doc already stores (seed 0 of the
 * normalised form), so the scan is one hash compare per token and name.
 */
#include <string.h>  /* strlen, memcmp */
#include <strings.h> /* strncasecmp */

#include "align/align_int.h"

typedef struct wire_name {
    const char *show;  /* display form */
    const char *w[3];  /* normalised words */
} wire_name;

static const wire_name wires[] = {
    {"Reuters", {"reuters"}}, {"AP", {"ap"}},
    {"Associated Press", {"associated", "press"}}, {"AFP", {"afp"}},
    {"Agence France-Presse", {"agence", "france", "presse"}},
    {"Bloomberg", {"bloomberg"}}, {"dpa", {"dpa"}}, {"TASS", {"tass"}},
    {"Interfax", {"interfax"}}, {"RIA Novosti", {"ria", "novosti"}},
    {"Xinhua", {"xinhua"}}, {"EFE", {"efe"}}, {"ANSA", {"ansa"}},
    {"Anadolu", {"anadolu"}}, {"UPI", {"upi"}}, {"Kyodo", {"kyodo"}},
    {"Yonhap", {"yonhap"}}, {"APA", {"apa"}},
};
#define NWIRES (sizeof wires / sizeof wires[0])

int px_tok_is(const px_doc *d, size_t k, const char *w) {
    size_t n;
    const px_token *t = px_doc_tokens(d, &n);
    size_t l = strlen(w);
    return k < n && t[k].norm_len == l &&
           !memcmp(px_doc_norm(d, NULL) + t[k].norm_off, w, l);
}

/* Tokens of wire i starting at token k, or 0. */
static size_t wire_at(const px_doc *d, size_t k, size_t i) {
    size_t j = 0;
    while (j < 3 && wires[i].w[j]) {
        if (!px_tok_is(d, k + j, wires[i].w[j])) return 0;
        j++;
    }
    return j;
}

/* Reporting cue around tokens [k, k+n) of d. */
static int reporting_cue(const px_doc *d, size_t k, size_t n) {
    static const char *const after[] = {"reported", "reports", "said",
                                        "news", "reporting", "quoted"};
    if (k >= 2 && px_tok_is(d, k - 2, "according") && px_tok_is(d, k - 1, "to"))
        return 1;
    if (k >= 1 && (px_tok_is(d, k - 1, "told") || px_tok_is(d, k - 1, "cited")))
        return 1;
    for (size_t i = 0; i < sizeof after / sizeof after[0]; i++)
        if (px_tok_is(d, k + n, after[i])) return 1;
    return 0;
}

static void find_credit(px_align_side *s) {
    s->credit = -1;
    for (size_t i = 0; i < s->nsents && s->credit < 0; i++) {
        const px_sent *se = &s->sents[i];
        if (se->tok_count > 3) continue;
        for (size_t k = 0; k < NWIRES; k++)
            if (wire_at(s->doc, se->tok_first, k) == se->tok_count) {
                s->credit = (int)k;
                s->credit_span = se->span;
                break;
            }
    }
}

static void find_cites(px_align_side *s) {
    size_t n;
    const px_token *t = px_doc_tokens(s->doc, &n);
    uint64_t first[NWIRES];
    for (size_t i = 0; i < NWIRES; i++)
        first[i] = px_hash64(wires[i].w[0], strlen(wires[i].w[0]), 0);
    for (size_t k = 0; k < n; k++)
        for (size_t i = 0; i < NWIRES; i++) {
            size_t l;
            if (t[k].hash != first[i] || !(l = wire_at(s->doc, k, i)) ||
                !reporting_cue(s->doc, k, l))
                continue;
            s->cites = px_realloc(s->cites, (s->ncites + 1) * sizeof *s->cites);
            s->cites[s->ncites++] =
                (px_cue){(int)i, {t[k].start, t[k + l - 1].end}};
        }
}

/* Tokens that frame a sentence as reported: "X reports that", "according
 * to X".  One byte per token, so a pair's inserted words are checked in
 * O(1) each. */
static void find_frames(px_align_side *s) {
    static const char *const words[] = {"reports", "reported", "according"};
    uint64_t h[3];
    size_t n;
    const px_token *t = px_doc_tokens(s->doc, &n);
    for (size_t i = 0; i < 3; i++) h[i] = px_hash64(words[i], strlen(words[i]), 0);
    s->frame = px_calloc(n + 1, 1);
    for (size_t k = 0; k < n; k++)
        s->frame[k] = t[k].hash == h[0] || t[k].hash == h[1] || t[k].hash == h[2];
}

void px_cues_find(px_align_side *s) {
    find_credit(s);
    find_cites(s);
    find_frames(s);
}

const char *px_wire_show(int i) {
    return i >= 0 && (size_t)i < NWIRES ? wires[i].show : "";
}

int px_wire_is(int i, const char *name) {
    if (i < 0 || (size_t)i >= NWIRES || !name) return 0;
    return !strncasecmp(wires[i].show, name, strlen(wires[i].show));
}
