/*
 * speech.c - attributions ("U.S. officials say ...", "according to ...",
 * "..., Peskov said") and direct quotes with their speaker and verb.
 *
 * Attributions: every reporting verb with a subject.  The subject is the
 * name, pronoun or described source right before the verb (adverbs and
 * auxiliaries skipped: "has repeatedly said"), else the sentence's subject
 * (a name or pronoun opening it: "He refused ... and stated that"), else a
 * name after the verb when the verb follows a comma or quote ("...,"
 * said Peskov).  A participle ("saying", "adding") takes the speaker of the
 * sentence's previous attribution.  The credited clause runs from after
 * the verb (and its object, up to "that") to the end of the sentence, or,
 * for a trailing attribution, from the sentence start to the subject.
 * Pronouns resolve to the last person who spoke (else the last person
 * named).
 *
 * Quotes: an opening mark is paired with the next closing mark; a quote may
 * span sentences and continue across paragraphs that reopen with a mark.
 * A quote is "scare" (a quoted phrase) when short and without its own
 * sentence punctuation; its clause then runs on to the next break
 * ("megaphone diplomacy" was harmful), which is what a comparison of
 * sense needs.  The speaker is the attribution of the quote's sentence;
 * a quote of whole sentences with none continues the previous quote's
 * speaker (two sentences back at most).  Titles and names in quote marks
 * ("Australia", "Miss Pinup Girl of the World") are not quotes.
 */
#include <string.h> /* memcmp */

#include "claims/claims_int.h"

#define QUOTE_MAX_WORDS 400

/* ----------------------------------------------------------- attribution */

static size_t sentence_first(const px_xctx *x, size_t i) {
    while (i > 0 && !(x->w[i].gap & G_SENT)) i--;
    return i;
}

static size_t sentence_last(const px_xctx *x, size_t i) {
    while (i + 1 < x->n && !(x->w[i + 1].gap & G_SENT)) i++;
    return i + 1;
}

static int adverbish(const px_word *w) {
    static const char *const adv[] = {"also", "not", "later", "again",
                                      "earlier", "then", "once", "never"};
    for (size_t k = 0; k < sizeof adv / sizeof adv[0]; k++)
        if (px_word_is(w, adv[k])) return 1;
    return (w->cats & LX_AUX) ||
           (w->nlen > 3 && !memcmp(w->norm + w->nlen - 2, "ly", 2));
}

static const px_claim *last_attribution(const px_xctx *x, uint32_t sent,
                                        size_t before_word) {
    for (size_t k = x->out->n; k-- > 0;) {
        const px_claim *c = &x->out->c[k];
        if (c->kind != PX_CLAIM_ATTRIBUTION) continue;
        if (c->sentence != sent) return NULL;
        if (c->span.end <= x->w[before_word].start) return c;
    }
    return NULL;
}

/* "they": the plural source opening the sentence ("European officials
 * expressed concerns ... they argued"). */
static int32_t plural_subject(px_xctx *x, size_t s, size_t v, size_t *from) {
    for (size_t k = s; k < v && k < s + 6; k++)
        if ((x->w[k].cats & LX_SOURCE) && k > s)
            return px_entity_before(x, k + 1, from);
    return PX_NONE;
}

static int32_t sentence_subject(px_xctx *x, size_t v, size_t *from) {
    size_t s = sentence_first(x, v);
    if (s >= v) return PX_NONE;
    if (x->w[s].ent != PX_NONE) {
        *from = s;
        return x->w[s].ent;
    }
    if (x->w[s].cats & LX_PRONOUN) {
        *from = s;
        return px_entity_before(x, s + 1, from);
    }
    return PX_NONE;
}

/* Subject of verb v; *adjacent = 1 when it is right before the verb. */
static int32_t subject_of(px_xctx *x, size_t v, size_t *from, int *adjacent) {
    size_t k = v;
    *adjacent = 1;
    while (k > 0 && v - k < 3 && !(x->w[k].gap & (G_BREAK & ~G_QCLOSE)) &&
           adverbish(&x->w[k - 1]))
        k--;
    if (k > 0 && !(x->w[k].gap & (G_BREAK & ~G_QCLOSE))) {
        int32_t e = px_entity_before(x, k, from);
        if (e != PX_NONE && px_word_is(&x->w[*from], "they")) {
            size_t f2;
            const px_claim *a = last_attribution(x, x->w[v].sent, v);
            int32_t p = a ? a->speaker
                          : plural_subject(x, sentence_first(x, v), *from, &f2);
            if (p != PX_NONE) e = p;
        }
        if (e != PX_NONE) {
            /* "the United States and Ukraine said" */
            if (*from >= 2 && px_word_is(&x->w[*from - 1], "and") &&
                x->w[*from - 2].ent != PX_NONE)
                px_entity_before(x, *from - 1, from);
            return e;
        }
    }
    *adjacent = 0;
    /* the sentence's subject carries over only across "and"/"but" or a
     * parenthetical ("He refused ... and stated", "Putin, in turn, said") */
    const px_word *p = &x->w[k - (k > 0)];
    if (k > 0 && !px_word_is(p, "and") && !px_word_is(p, "but") &&
        !(x->w[k].gap & G_COMMA))
        return PX_NONE;
    return sentence_subject(x, v, from);
}

/* After the verb: skip "that", or an object up to "that" ("told reporters
 * that"). */
static size_t clause_start(const px_xctx *x, size_t k, size_t end) {
    for (size_t j = k; j < end && j < k + 6; j++) {
        if (j > k && (x->w[j].gap & (G_BREAK & ~G_QOPEN))) break;
        if (px_word_is(&x->w[j], "that")) return j + 1;
    }
    return k;
}

static px_claim *add_attribution(px_xctx *x, size_t from, size_t v,
                                 size_t vlen, int32_t who) {
    px_claim *c = px_claims_add(x, PX_CLAIM_ATTRIBUTION, from, v + vlen);
    c->speaker = who;
    c->verb_span = px_words_span(x, v, v + vlen);
    if (who != PX_NONE && x->out->ent[who].type == PX_ENT_PERSON)
        x->last_person = who;
    return c;
}

static void set_scope(const px_xctx *x, px_claim *c, size_t a, size_t b) {
    if (b > a) c->text_span = px_words_span(x, a, b);
}

static void according_to(px_xctx *x, size_t v, size_t len) {
    size_t to, s = sentence_first(x, v), e = sentence_last(x, v);
    int32_t who = px_entity_after(x, v + len, &to);
    if (who == PX_NONE) return;
    px_claim *c = add_attribution(x, v, v, len, who);
    c->span = px_words_span(x, v, to);
    c->speaker_span = px_words_span(x, v + len, to);
    c->verb = px_strdup("according");
    if (s == v) set_scope(x, c, to, e);
    else set_scope(x, c, s, v);
}

/* "..., said Peskov" / "“...,” a White House official said". */
static px_claim *inverted(px_xctx *x, size_t v, size_t len) {
    size_t to;
    int32_t who;
    if (!(x->w[v].gap & (G_COMMA | G_QCLOSE)) ||
        (who = px_entity_after(x, v + len, &to)) == PX_NONE)
        return NULL;
    px_claim *c = add_attribution(x, v, v, len, who);
    c->span = px_words_span(x, v, to);
    c->speaker_span = px_words_span(x, v + len, to);
    set_scope(x, c, sentence_first(x, v), v);
    return c;
}

static void one_verb(px_xctx *x, size_t v, size_t len,
                     const px_lex_entry *e) {
    size_t from = v, s = sentence_first(x, v), end = sentence_last(x, v);
    int32_t who;
    int adjacent;
    px_claim *c;
    /* "called for", "called on" credit a demand; "called himself X",
     * "the people called to testify" name or summon */
    if (!strcmp(e->canon, "call") &&
        (v + len >= x->n || !(px_word_is(&x->w[v + len], "for") ||
                              px_word_is(&x->w[v + len], "on"))))
        return;
    if (e->val == 1) { /* "saying": the sentence's speaker */
        const px_claim *p = last_attribution(x, x->w[v].sent, v);
        if (!p) return;
        px_span sp = p->speaker_span;
        who = p->speaker;
        c = add_attribution(x, v, v, len, who);
        c->speaker_span = sp;
        set_scope(x, c, clause_start(x, v + len, end), end);
    } else if ((c = inverted(x, v, len))) {
        /* done */
    } else if ((who = subject_of(x, v, &from, &adjacent)) != PX_NONE) {
        px_span sp = px_words_span(x, from, adjacent ? v : from + 1);
        if (!adjacent) {
            size_t k = from;
            while (k + 1 < v && x->w[k + 1].ent == who && who >= 0) k++;
            sp = px_words_span(x, from, k + 1);
        }
        if (adjacent) {
            size_t k = v;
            while (k > from + 1 && adverbish(&x->w[k - 1])) k--;
            sp = px_words_span(x, from, k);
        }
        c = add_attribution(x, adjacent ? from : v, v, len, who);
        c->speaker_span = sp;
        /* "..., her rep told People in a statement.": credits what came
         * before the comma */
        int trailing = v + len >= end ||
                       (x->w[v + len].gap & (G_STOP | G_PARA)) ||
                       ((x->w[from].gap & (G_COMMA | G_QCLOSE)) &&
                        clause_start(x, v + len, end) == v + len &&
                        end - (v + len) <= 6);
        if (trailing && from > s) set_scope(x, c, s, from);
        else set_scope(x, c, clause_start(x, v + len, end), end);
    } else {
        return;
    }
    c->verb = px_strdup(e->canon);
}

static int passive_aux(const px_word *w) {
    static const char *const be[] = {"be", "been", "being", "is", "was",
                                      "were", "are"};
    for (size_t k = 0; k < sizeof be / sizeof be[0]; k++)
        if (px_word_is(w, be[k])) return 1;
    return 0;
}

static int particle(const px_xctx *x, size_t j) {
    static const char *const parts[] = {"off", "up", "out", "back", "for"};
    if (j >= x->n || (x->w[j].gap & G_BREAK)) return 0;
    for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++)
        if (px_word_is(&x->w[j], parts[k])) return 1;
    return 0;
}

static void attributions(px_xctx *x) {
    for (size_t v = 0; v < x->n; v++) {
        if (!(x->w[v].cats & (LX_REPORT | LX_MULTI))) continue;
        size_t len;
        const px_lex_entry *e = px_words_match(x, v, LX_ACCORDING, G_BREAK,
                                               &len);
        if (e) {
            according_to(x, v, len);
            v += len - 1;
            continue;
        }
        e = px_words_match(x, v, LX_REPORT, G_BREAK, &len);
        if (!e || (x->w[v].tflags & PX_TOK_CAP && !(x->w[v].gap & G_SENT) &&
                   x->w[v].ent != PX_NONE))
            continue;
        if (v > 0 && passive_aux(&x->w[v - 1])) continue; /* "be admitted" */
        if (particle(x, v + len)) continue; /* "called off", "told off" */
        one_verb(x, v, len, e);
        v += len - 1;
    }
}

/* ----------------------------------------------------------------- quotes */

static int is_quote_at(const unsigned char *s, size_t p, size_t end,
                       size_t *l) {
    if (s[p] == '"') return *l = 1, 1;
    if (p + 2 <= end && s[p] == 0xC2 && (s[p + 1] == 0xAB || s[p + 1] == 0xBB))
        return *l = 2, 1;
    if (p + 3 <= end && s[p] == 0xE2 && s[p + 1] == 0x80 &&
        (s[p + 2] == 0x9C || s[p + 2] == 0x9D || s[p + 2] == 0x9E ||
         s[p + 2] == 0x98 || s[p + 2] == 0x99))
        return *l = 3, 1;
    return 0;
}

/* The last quote mark in the gap [a, b), or the first when first != 0. */
static px_span mark_in(const px_xctx *x, size_t a, size_t b, int first) {
    const unsigned char *s = (const unsigned char *)x->orig;
    px_span found = {b, b};
    for (size_t p = a; p < b; p++) {
        size_t l;
        if (!is_quote_at(s, p, b, &l)) continue;
        found = (px_span){p, p + l};
        if (first) break;
        p += l - 1;
    }
    return found;
}

/* Word index of the closing mark for a quote opening before word i. */
static size_t quote_close(const px_xctx *x, size_t i) {
    for (size_t k = i + 1; k <= x->n && k - i <= QUOTE_MAX_WORDS; k++) {
        uint32_t g = x->w[k].gap;
        if (g & G_QCLOSE) return k;
        if ((g & G_PARA) && !(g & G_QOPEN)) return 0;
        if ((g & G_QOPEN) && !(g & G_PARA)) return 0;
    }
    return 0;
}

/* The attributions of the document: a block of x->out->c, in text order;
 * quotes come in text order too, so a cursor walks it once. */
typedef struct attr_block {
    size_t lo, hi;
} attr_block;

/* The attribution of a quote: the last one in its sentence whose speaker
 * comes before the quote, else one right after it ("...," Peskov said). */
static const px_claim *speaker_for(const px_xctx *x, attr_block *ab,
                                   px_span q, size_t i, size_t k) {
    const px_claim *best = NULL;
    uint32_t s0 = x->w[i].sent;
    while (ab->lo < ab->hi && x->out->c[ab->lo].sentence < s0) ab->lo++;
    for (size_t c = ab->lo; c < ab->hi; c++) {
        const px_claim *a = &x->out->c[c];
        if (a->sentence > s0 + 1) break;
        if (a->speaker == PX_NONE) continue;
        if (a->sentence == s0 && a->speaker_span.start < q.start) best = a;
        /* "...," a senior official said: the credit starts within a few
         * words after the closing mark */
        size_t near = k + 2 < x->n ? k + 2 : x->n - 1;
        if (!best && a->span.start >= q.end && k < x->n &&
            a->span.start <= x->w[near].end)
            return a;
    }
    return best;
}

#define TITLE_MAX_WORDS 10

/* A title or name in quote marks ("Australia", "Miss Pinup Girl of the
 * World", 'Mockingjay'): a few words, each capitalised but for function
 * words inside it.  Not speech, unless a credit follows it ("Yes," he
 * said). */
static int title_words(const px_xctx *x, size_t i, size_t k) {
    if (k - i > TITLE_MAX_WORDS) return 0;
    int caps = 0;
    for (size_t j = i; j < k; j++) {
        const px_word *w = &x->w[j];
        if (!(w->tflags & PX_TOK_ALPHA)) continue;
        unsigned char c0 = (unsigned char)x->orig[w->start];
        if (c0 >= 'A' && c0 <= 'Z') {
            caps++;
            continue;
        }
        if (!(w->cats & LX_FUNC) || j == i || j + 1 == k) return 0;
    }
    return caps > 0;
}

/* The speaker of the quote before the one being added, when that quote
 * is at most two sentences back: a quote of its own sentences that
 * continues someone's words ("...," Howard said. "People who ..."). */
static const px_claim *previous_speaker(const px_xctx *x, uint32_t s0) {
    for (size_t c = x->out->n - 1; c-- > 0;) {
        const px_claim *p = &x->out->c[c];
        if (p->kind != PX_CLAIM_QUOTE) continue;
        return p->speaker != PX_NONE && p->sentence + 2 >= s0 ? p : NULL;
    }
    return NULL;
}

static void one_quote(px_xctx *x, attr_block *ab, size_t i, size_t k) {
    size_t a = i ? x->w[i - 1].end : 0;
    px_span open = mark_in(x, a, x->w[i].start, 0);
    px_span close = mark_in(x, x->w[k - 1].end, x->w[k].start, 1);
    if (title_words(x, i, k)) {
        const px_claim *at = speaker_for(x, ab, (px_span){open.start, close.end}, i, k);
        if (!at || at->span.start < close.end) return;
    }
    px_claim *c = px_claims_add(x, PX_CLAIM_QUOTE, i, k);
    c->span = (px_span){open.start, close.end};
    c->text_span = px_words_span(x, i, k);
    int stop_inside = 0;
    for (size_t p = x->w[k - 1].end; p < close.start; p++)
        if (x->orig[p] == '.' || x->orig[p] == '!' || x->orig[p] == '?')
            stop_inside = 1;
    /* a quoted phrase sits inside a sentence; a quote opening the
     * sentence or introduced by a colon is a statement */
    int opens = (x->w[i].gap & (G_SENT | G_COLON)) != 0;
    c->scare = k - i < 6 && !stop_inside && !opens;
    size_t e = k;
    uint32_t after = k < x->n ? x->w[k].gap & ~(uint32_t)(G_QCLOSE | G_SPACE) : 0;
    while (c->scare && !(after & G_BREAK) && e < x->n && e - k < 12 &&
           (e == k || !(x->w[e].gap & G_BREAK)))
        e++;
    c->clause_span = (px_span){open.start, e > k ? x->w[e - 1].end : close.end};
    px_span q = c->span;
    const px_claim *at = speaker_for(x, ab, q, i, k);
    if (!at && opens && !c->scare) at = previous_speaker(x, c->sentence);
    if (!at) return;
    c->speaker = at->speaker;
    c->speaker_span = at->speaker_span;
    c->verb_span = at->verb_span;
    c->verb = px_strdup(at->verb);
}

static void quotes(px_xctx *x, attr_block *ab) {
    for (size_t i = 0; i < x->n; i++) {
        if (!(x->w[i].gap & G_QOPEN)) continue;
        size_t k = quote_close(x, i);
        if (!k) continue;
        one_quote(x, ab, i, k);
        i = k - 1;
    }
}

void px_extract_speech(px_xctx *x) {
    attr_block ab = {x->out->n, 0};
    attributions(x);
    ab.hi = x->out->n;
    quotes(x, &ab);
}
