/*
 * claims.c - the claimer (compiled language data), the claim set, the
 * order of the extraction passes and the JSON form of a claim.
 *
 * Passes (claims_int.h): words -> entities -> times -> quantities ->
 * speech (attributions, then quotes).  Times run before quantities so a
 * year is not read as a figure.  At the end claims are sorted by span and
 * each claim is linked to the innermost attribution whose credited clause
 * contains it.
 */
#include <stdlib.h> /* qsort */
#include <string.h> /* strcmp */

#include "claims/claims_int.h"
#include "core/array.h"

/* ---------------------------------------------------------------- claimer */

static const px_lang *const langs[] = {&px_lang_en};
static const char *const lang_codes[] = {"en", NULL};

const char *const *px_claimer_langs(void) {
    return lang_codes;
}

px_claimer *px_claimer_new(const char *lang) {
    if (!lang) lang = "en";
    for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++) {
        if (strcmp(langs[i]->code, lang) && strcmp(langs[i]->stem_lang, lang))
            continue;
        px_claimer *c = px_calloc(1, sizeof *c);
        c->lang = langs[i];
        px_lexicon_init(&c->lx, c->lang);
        return c;
    }
    return NULL;
}

void px_claimer_free(px_claimer *c) {
    if (!c) return;
    px_lexicon_release(&c->lx);
    px_free(c);
}

const char *px_claimer_loaded(const px_claimer *c, uint64_t h) {
    size_t len;
    const px_lex_entry *e = px_lexicon_match(&c->lx, &h, 1, LX_LOADED, &len);
    return e && strcmp(e->canon, "neutral") ? e->canon : NULL;
}

const char *px_claimer_lang(const px_claimer *c) {
    return c->lang->code;
}

/* -------------------------------------------------------------- claim set */

px_claim *px_claims_add(px_xctx *x, px_claim_kind k, size_t i, size_t j) {
    px_claims *cs = x->out;
    cs->c = px_array_grow(cs->c, &cs->alloc, cs->n + 1, 64, sizeof *cs->c);
    px_claim *c = &cs->c[cs->n++];
    memset(c, 0, sizeof *c);
    c->kind = k;
    c->span = px_words_span(x, i, j);
    c->sentence = x->w[i].sent;
    c->attribution = c->speaker = c->entity = PX_NONE;
    return c;
}

int32_t px_claims_add_entity(px_claims *cs, px_entity_type t, char *name,
                             px_span first) {
    cs->ent =
        px_array_grow(cs->ent, &cs->aent, cs->nent + 1, 32, sizeof *cs->ent);
    px_entity *e = &cs->ent[cs->nent];
    memset(e, 0, sizeof *e);
    e->type = t, e->name = name, e->first = first;
    return (int32_t)cs->nent++;
}

void px_claims_free(px_claims *cs) {
    if (!cs) return;
    for (size_t i = 0; i < cs->n; i++) {
        px_free(cs->c[i].thing);
        px_free(cs->c[i].verb);
        px_free(cs->c[i].norm);
    }
    for (size_t i = 0; i < cs->nent; i++) {
        px_free(cs->ent[i].name);
        px_free(cs->ent[i].role);
    }
    px_free(cs->c);
    px_free(cs->ent);
    px_free(cs->sent);
    px_free(cs);
}

/* ------------------------------------------------------------- extraction */

static int cmp_claim(const void *a, const void *b) {
    const px_claim *x = a, *y = b;
    if (x->span.start != y->span.start)
        return x->span.start < y->span.start ? -1 : 1;
    if (x->kind != y->kind) return x->kind == PX_CLAIM_ATTRIBUTION ? -1 : 1;
    return x->span.end < y->span.end ? -1 : x->span.end > y->span.end;
}

/* Innermost attribution whose credited clause holds each claim.  Claims
 * are sorted; the attributions of one sentence are few, so scan them. */
static void link_attributions(px_claims *cs) {
    size_t lo = 0; /* first claim of the current sentence */
    for (size_t i = 0; i < cs->n; i++) {
        px_claim *c = &cs->c[i];
        while (lo < i && cs->c[lo].sentence < c->sentence) lo++;
        size_t best_len = (size_t)-1;
        for (size_t k = lo; k < cs->n && cs->c[k].sentence == c->sentence;
             k++) {
            const px_claim *a = &cs->c[k];
            if (a->kind != PX_CLAIM_ATTRIBUTION || k == i) continue;
            size_t len = a->text_span.end - a->text_span.start;
            if (a->text_span.start <= c->span.start &&
                c->span.end <= a->text_span.end && len < best_len)
                c->attribution = (int32_t)k, best_len = len;
        }
    }
}

px_result px_claims_extract(const px_claimer *cl, const px_doc *doc,
                            px_claims **out) {
    *out = NULL;
    if (!cl || !doc) return PX_ERR_INVALID;
    px_xctx x = {0};
    x.cl = cl;
    x.out = px_calloc(1, sizeof *x.out);
    x.last_person = PX_NONE;
    px_result rc = px_words_build(&x, doc);
    if (rc) {
        px_free(x.w);
        px_claims_free(x.out);
        return rc;
    }
    px_extract_entities(&x);
    px_extract_times(&x);
    px_extract_quantities(&x);
    px_extract_speech(&x);
    px_entities_release(&x);
    px_free(x.w);
    if (x.out->n) qsort(x.out->c, x.out->n, sizeof *x.out->c, cmp_claim);
    link_attributions(x.out);
    *out = x.out;
    return PX_OK;
}

const px_claim *px_claims_list(const px_claims *cs, size_t *n) {
    *n = cs ? cs->n : 0;
    return cs ? cs->c : NULL;
}

const px_entity *px_claims_entities(const px_claims *cs, size_t *n) {
    *n = cs ? cs->nent : 0;
    return cs ? cs->ent : NULL;
}

const px_span *px_claims_sentences(const px_claims *cs, size_t *n) {
    *n = cs ? cs->nsent : 0;
    return cs ? cs->sent : NULL;
}

/* ------------------------------------------------------------------ names */

const char *px_claim_kind_str(px_claim_kind k) {
    static const char *const s[] = {"?",           "quantity", "quote",
                                    "attribution", "entity",   "time"};
    return (unsigned)k < 6 ? s[k] : "?";
}

const char *px_hedge_str(px_hedge h) {
    static const char *const s[] = {NULL, "over", "under", "nearly", "about"};
    return (unsigned)h < 5 ? s[h] : NULL;
}

const char *px_entity_type_str(px_entity_type t) {
    static const char *const s[] = {"?",   "person",    "place",
                                    "org", "described", "other"};
    return (unsigned)t < 6 ? s[t] : "?";
}

/* ------------------------------------------------------------------- JSON */

static void json_span(px_buf *b, const char *key, px_span s, const char *orig,
                      size_t len) {
    if (s.end <= s.start || s.end > len) return;
    px_buf_printf(b, ",\"%s\":[%zu,%zu],\"%s_text\":", key, s.start, s.end,
                  key);
    px_buf_json_str(b, orig + s.start, s.end - s.start);
}

static void json_strf(px_buf *b, const char *key, const char *v) {
    if (!v) return;
    px_buf_printf(b, ",\"%s\":", key);
    px_buf_json_str(b, v, strlen(v));
}

static void json_entity(px_buf *b, const char *key, const px_claims *cs,
                        int32_t e) {
    if (e < 0 || (size_t)e >= cs->nent) return;
    const px_entity *en = &cs->ent[e];
    px_buf_printf(b, ",\"%s\":{\"id\":%d,\"name\":", key, (int)e);
    px_buf_json_str(b, en->name, strlen(en->name));
    px_buf_printf(b, ",\"type\":\"%s\"", px_entity_type_str(en->type));
    json_strf(b, "role", en->role);
    px_buf_putc(b, '}');
}

static void json_quantity(px_buf *b, const px_claim *c, const char *orig,
                          size_t len) {
    px_buf_printf(b, ",\"value\":%.10g,\"precision\":%.10g", c->value,
                  c->precision);
    json_strf(b, "hedge", px_hedge_str(c->hedge));
    json_strf(b, "unit", c->unit);
    json_strf(b, "thing", c->thing);
    json_span(b, "value_span", c->value_span, orig, len);
    json_span(b, "hedge_span", c->hedge_span, orig, len);
    json_span(b, "unit_span", c->unit_span, orig, len);
    json_span(b, "thing_span", c->thing_span, orig, len);
}

px_result px_claim_to_json(const px_claims *cs, const px_claim *c,
                           const char *orig, size_t len, px_buf *b) {
    px_buf_printf(b, "{\"kind\":\"%s\",\"span\":[%zu,%zu],\"text\":",
                  px_claim_kind_str(c->kind), c->span.start, c->span.end);
    px_buf_json_str(b, orig + c->span.start, c->span.end - c->span.start);
    px_buf_printf(b, ",\"sentence\":%u", c->sentence);
    if (c->kind == PX_CLAIM_QUANTITY) json_quantity(b, c, orig, len);
    json_entity(b, "speaker", cs, c->speaker);
    json_entity(b, "entity", cs, c->entity);
    json_span(b, "speaker_span", c->speaker_span, orig, len);
    json_strf(b, "verb", c->verb);
    if (c->kind == PX_CLAIM_QUOTE) {
        json_span(b, "quote_span", c->text_span, orig, len);
        px_buf_printf(b, ",\"scare\":%s", c->scare ? "true" : "false");
        json_span(b, "clause_span", c->clause_span, orig, len);
    } else if (c->kind == PX_CLAIM_ATTRIBUTION) {
        json_span(b, "credited_span", c->text_span, orig, len);
    }
    json_strf(b, "norm", c->norm);
    if (c->attribution >= 0) {
        const px_claim *a = &cs->c[c->attribution];
        px_buf_printf(b, ",\"attributed_to\":");
        px_buf_json_str(b, orig + a->speaker_span.start,
                        a->speaker_span.end - a->speaker_span.start);
    }
    return px_buf_putc(b, '}');
}
