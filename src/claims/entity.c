/*
 * entity.c - people, places and organisations, with roles and aliases.
 *
 * Names are runs of capitalised words inside a clause ("Dmitry Peskov",
 * "U.S.", "White House").  A run is typed by, in order: the gazetteer
 * (places, organisations), an organisation head word ("Council"), role
 * words inside or just before it ("Russian President Vladimir Putin",
 * "U.S. envoy Steve Witkoff": the name is the trailing plain words, the
 * rest is the role), a known given name, or a following reporting verb.
 * Two passes: the first creates multi-word names, the second resolves
 * single words, so "Witkoff" (anywhere) joins "Steve Witkoff" and a
 * sentence-initial "Putin" is known.  Aliases: same surname, same
 * gazetteer canonical name, or a described role ("the U.S. envoy") that a
 * named person holds.  Described sources ("a White House official",
 * "Maps published by Ukraine-aligned sources") are built on demand by the
 * speech pass through px_entity_before/after.
 */
#include <string.h>  /* strcmp, strlen, memcmp */
#include <strings.h> /* strncasecmp */

#include "claims/claims_int.h"

#define MAX_ENTITIES 4096
#define MAX_RUN      8

/* A capitalised run [i, j) and the name inside it [ni, nj). */
typedef struct run {
    size_t i, j, ni, nj;
    size_t ri; /* role start (== ni when no role) */
    px_entity_type type;
    const char *canon; /* gazetteer name */
    int title;         /* inside a title-case headline */
} run;

static int is_possessive(const px_word *w) {
    return w->nlen > 2 && w->norm[w->nlen - 2] == '\'' &&
           w->norm[w->nlen - 1] == 's';
}

static int is_cap(const px_word *w) {
    return (w->tflags & PX_TOK_CAP) && (w->tflags & PX_TOK_ALPHA);
}

/* A plain name word: capitalised, not a role, function, time or demonym
 * word. */
static int is_name_word(const px_word *w) {
    return is_cap(w) && !(w->cats & (LX_ROLE | LX_ROLEMOD | LX_FUNC | LX_MONTH |
                                     LX_WEEKDAY | LX_DEMONYM | LX_AUX |
                                     LX_REPORT | LX_RELTIME | LX_SOURCE));
}

static size_t run_end(const px_xctx *x, size_t i) {
    size_t j = i + 1;
    while (j < x->n && j - i < MAX_RUN && is_cap(&x->w[j]) &&
           !(x->w[j].gap & (G_BREAK | G_HYPHEN | G_SLASH)) &&
           !is_possessive(&x->w[j - 1]))
        j++;
    return j;
}

/* Where the role words before name word i start (lower-case "envoy",
 * "special", capitalised "U.S.", possessives); i if there is no role. */
static size_t role_start(const px_xctx *x, size_t i) {
    size_t k = i, start = i;
    int has_role = 0;
    while (k > 0 && !(x->w[k].gap & (G_BREAK | G_SLASH))) {
        const px_word *p = &x->w[k - 1];
        if (p->cats & LX_ROLE)
            has_role = 1;
        else if (!(p->cats & LX_ROLEMOD) && !is_cap(p) && !is_possessive(p) &&
                 !(x->w[k].gap & G_HYPHEN))
            break;
        if (p->cats & (LX_FUNC | LX_AUX) && !(p->cats & LX_ROLEMOD)) break;
        k--;
        if (has_role) start = k;
    }
    return start;
}

/* Split run [i, j) into role and name; type it from the gazetteer. */
static void run_classify(const px_xctx *x, run *r) {
    size_t len;
    const px_lex_entry *g =
        px_words_match(x, r->i, LX_PLACE | LX_ORG, G_BREAK | G_HYPHEN, &len);
    r->type = 0, r->canon = NULL;
    if (g && (r->i + len >= r->j || len > 1)) { /* "Modern.az", "U.S." */
        r->j = r->i + len;
        r->type = g->cat == LX_PLACE ? PX_ENT_PLACE : PX_ENT_ORG;
        r->canon = g->canon, r->ni = r->i, r->nj = r->j, r->ri = r->i;
        return;
    }
    r->nj = r->j;
    r->ni = r->j;
    while (r->ni > r->i && is_name_word(&x->w[r->ni - 1])) r->ni--;
    if (r->ni == r->nj) return; /* no name words: a role or a common word */
    r->ri = role_start(x, r->ni);
    int several = r->nj - r->ni > 1; /* "Carrow Island", not "Island" */
    if (several && (x->w[r->nj - 1].cats & LX_ORGWORD))
        r->type = PX_ENT_ORG;
    else if (several && (x->w[r->nj - 1].cats & LX_PLACEWORD))
        r->type = PX_ENT_PLACE;
    else if (r->ri < r->ni || (x->w[r->ni].cats & LX_GIVEN))
        r->type = PX_ENT_PERSON;
}

/* A headline in title case ("Witkoff and Kushner Meet Putin"): most of
 * its longer words are capitalised, so capitals say nothing there. */
static int title_case(const px_xctx *x, size_t i) {
    size_t s = i, caps = 0, words = 0;
    while (s > 0 && !(x->w[s].gap & G_SENT)) s--;
    for (size_t k = s; k < x->n && k < s + 40; k++) {
        if (k > s && (x->w[k].gap & G_SENT)) break;
        if (x->w[k].nlen < 4 || !(x->w[k].tflags & PX_TOK_ALPHA)) continue;
        words++;
        caps += (x->w[k].tflags & PX_TOK_CAP) != 0;
    }
    return words >= 6 && caps * 10 >= words * 8;
}

/* ---------------------------------------------------------- entity table */

/* Span of words [i, j) without a final possessive "'s" / "’s". */
static px_span name_span(const px_xctx *x, size_t i, size_t j) {
    px_span s = px_words_span(x, i, j);
    if (!is_possessive(&x->w[j - 1])) return s;
    const char *o = x->orig;
    if (s.end >= 2 && o[s.end - 2] == '\'')
        s.end -= 2;
    else if (s.end >= 4 && !memcmp(o + s.end - 4, "\xE2\x80\x99", 3))
        s.end -= 4;
    return s;
}

static char *name_text(const px_xctx *x, size_t i, size_t j) {
    px_span s = name_span(x, i, j);
    return px_strndup(x->orig + s.start, s.end - s.start);
}

/* ---------------------------------------------------------- hash index */

static size_t idmap_slot(const px_idmap *m, uint64_t k) {
    size_t i = (size_t)k & (m->cap - 1);
    while (m->val[i] != PX_NONE && m->key[i] != k) i = (i + 1) & (m->cap - 1);
    return i;
}

static int32_t idmap_get(const px_idmap *m, uint64_t k) {
    return m->cap ? m->val[idmap_slot(m, k)] : PX_NONE;
}

static void idmap_put(px_idmap *m, uint64_t k, int32_t v);

static void idmap_grow(px_idmap *m) {
    px_idmap old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->n = 0;
    m->key = px_malloc(m->cap * sizeof *m->key);
    m->val = px_malloc(m->cap * sizeof *m->val);
    for (size_t i = 0; i < m->cap; i++) m->val[i] = PX_NONE;
    for (size_t i = 0; i < old.cap; i++)
        if (old.val[i] != PX_NONE) idmap_put(m, old.key[i], old.val[i]);
    px_free(old.key);
    px_free(old.val);
}

/* Keeps the first value put for a key. */
static void idmap_put(px_idmap *m, uint64_t k, int32_t v) {
    if (2 * (m->n + 1) > m->cap) idmap_grow(m);
    size_t i = idmap_slot(m, k);
    if (m->val[i] != PX_NONE) return;
    m->key[i] = k, m->val[i] = v, m->n++;
}

void px_entities_release(px_xctx *x) {
    px_free(x->names.key);
    px_free(x->names.val);
    px_free(x->surnames.key);
    px_free(x->surnames.val);
}

static uint64_t name_key(const char *name, px_entity_type t) {
    return px_hash64(name, strlen(name), (uint64_t)t);
}

/* Folded form of word i without a possessive, as a key. */
static uint64_t word_key(const px_xctx *x, size_t i) {
    const px_word *w = &x->w[i];
    return px_hash64(w->norm, is_possessive(w) ? w->nlen - 2 : w->nlen, 7);
}

static int32_t find_entity(const px_xctx *x, const char *name,
                           px_entity_type t) {
    return idmap_get(&x->names, name_key(name, t));
}

/* A person whose last name word equals the single word at i. */
static int32_t find_surname(const px_xctx *x, size_t i) {
    return idmap_get(&x->surnames, word_key(x, i));
}

/* New entity over words [i, j); name is consumed. */
static int32_t new_entity(px_xctx *x, px_entity_type t, char *name, size_t i,
                          size_t j) {
    int32_t e = px_claims_add_entity(x->out, t, name, px_words_span(x, i, j));
    idmap_put(&x->names, name_key(name, t), e);
    if (t == PX_ENT_PERSON) idmap_put(&x->surnames, word_key(x, j - 1), e);
    return e;
}

static void set_role(px_xctx *x, int32_t e, size_t ri, size_t ni) {
    if (ri >= ni || x->out->ent[e].role) return;
    px_span s = px_words_span(x, ri, ni);
    x->out->ent[e].role = px_strndup(x->orig + s.start, s.end - s.start);
}

static void add_mention(px_xctx *x, int32_t e, size_t i, size_t j) {
    x->out->ent[e].mentions++;
    px_claim *c = px_claims_add(x, PX_CLAIM_ENTITY, i, j);
    c->entity = e;
    c->span = name_span(x, i, j);
    c->norm = name_text(x, i, j);
    for (size_t k = i; k < j; k++) x->w[k].ent = e;
}

static int32_t entity_for(px_xctx *x, const run *r) {
    char *name = r->canon ? px_strdup(r->canon) : name_text(x, r->ni, r->nj);
    int32_t e = find_entity(x, name, r->type);
    if (e == PX_NONE && r->type == PX_ENT_PERSON && r->nj - r->ni == 1)
        e = find_surname(x, r->ni);
    if (e != PX_NONE || x->out->nent >= MAX_ENTITIES) {
        px_free(name);
        return e;
    }
    return new_entity(x, r->type, name, r->ni, r->nj);
}

/* ----------------------------------------------------------------- passes */

static int followed_by_verb(const px_xctx *x, size_t j) {
    return j < x->n && (x->w[j].cats & LX_REPORT) &&
           !(x->w[j].gap & (G_STOP | G_PARA));
}

/* Second-pass typing of a run the first pass left open. */
static void resolve_open(px_xctx *x, run *r) {
    if (r->type) return;
    size_t n = r->nj - r->ni;
    int32_t e = n == 1 ? find_surname(x, r->ni) : PX_NONE;
    if (e != PX_NONE) {
        r->type = PX_ENT_PERSON;
        return;
    }
    int initial = (x->w[r->ni].gap & G_SENT) != 0;
    const px_word *w = &x->w[r->ni];
    if (r->title) return; /* headline capitals say nothing */
    /* "Organisers said": a plural common noun opening a sentence */
    if (n == 1 && initial && w->nlen > 3 && w->norm[w->nlen - 1] == 's' &&
        w->norm[w->nlen - 2] != 's')
        return;
    if (n >= 2 || followed_by_verb(x, r->nj))
        r->type = n >= 2 && !initial ? PX_ENT_OTHER : PX_ENT_PERSON;
    else if (!initial)
        r->type = PX_ENT_OTHER;
    if (n >= 2 && followed_by_verb(x, r->nj) && (x->w[r->nj].cats & LX_REPORT))
        r->type = PX_ENT_PERSON;
}

static void take_run(px_xctx *x, run *r, int pass) {
    if (r->ni >= r->nj) return;
    if (pass == 1) resolve_open(x, r);
    if (!r->type) return;
    int multi = r->nj - r->ni > 1 || r->canon;
    if (pass == 0 && !(multi && r->type == PX_ENT_PERSON) && !r->canon) return;
    if (pass == 1 && x->w[r->ni].ent != PX_NONE) return;
    int32_t e = entity_for(x, r);
    if (e == PX_NONE) return;
    set_role(x, e, r->ri, r->ni);
    add_mention(x, e, r->ni, r->nj);
}

void px_extract_entities(px_xctx *x) {
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < x->n;) {
            if (!is_cap(&x->w[i]) || x->w[i].ent != PX_NONE) {
                i++;
                continue;
            }
            int title = title_case(x, i);
            run r = {i, title ? i + 1 : run_end(x, i), i, i, i, 0, NULL, title};
            /* skip a leading function word ("The Kremlin") */
            while (r.i < r.j && (x->w[r.i].cats & (LX_FUNC | LX_AUX)) &&
                   !(x->w[r.i].cats & (LX_PLACE | LX_ORG)))
                r.i++;
            if (r.i < r.j) {
                run_classify(x, &r);
                take_run(x, &r, pass);
            }
            i = r.j > i ? r.j : i + 1;
        }
    }
}

/* ------------------------------------------------------ described sources */

static int np_word(const px_word *w) {
    return !(w->cats & (LX_FUNC | LX_AUX | LX_REPORT)) || is_cap(w) ||
           (w->cats & (LX_ROLEMOD | LX_DEMONYM));
}

/* Start of the noun phrase ending with word j-1 (modifiers before a head). */
static size_t np_start(const px_xctx *x, size_t j, size_t maxw) {
    size_t k = j - 1;
    while (k > 0 && j - k < maxw && !(x->w[k].gap & (G_BREAK & ~G_QCLOSE)) &&
           np_word(&x->w[k - 1]))
        k--;
    return k;
}

static int32_t described(px_xctx *x, size_t i, size_t j) {
    char *name = px_words_norm(x, i, j);
    int32_t e = find_entity(x, name, PX_ENT_DESCRIBED);
    if (e != PX_NONE || x->out->nent >= MAX_ENTITIES) {
        px_free(name);
        return e;
    }
    return new_entity(x, PX_ENT_DESCRIBED, name, i, j);
}

/* A described role ("the U.S. envoy") held by a named person. */
static int32_t role_holder(const px_xctx *x, size_t i, size_t j) {
    const px_word *head = &x->w[j - 1];
    if (!(head->cats & LX_ROLE)) return PX_NONE;
    for (size_t e = 0; e < x->out->nent; e++) {
        const px_entity *en = &x->out->ent[e];
        if (en->type != PX_ENT_PERSON || !en->role) continue;
        px_span s = px_words_span(x, i, j);
        const char *txt = x->orig + s.start;
        size_t len = s.end - s.start;
        size_t rl = strlen(en->role);
        if (rl >= len && !strncasecmp(en->role + rl - len, txt, len))
            return (int32_t)e;
    }
    return PX_NONE;
}

static int32_t last_person(const px_xctx *x, size_t i) {
    if (x->last_person != PX_NONE) return x->last_person;
    while (i-- > 0)
        if (x->w[i].ent != PX_NONE &&
            x->out->ent[x->w[i].ent].type == PX_ENT_PERSON)
            return x->w[i].ent;
    return PX_NONE;
}

int32_t px_entity_before(px_xctx *x, size_t i, size_t *from) {
    if (i == 0) return PX_NONE;
    const px_word *p = &x->w[i - 1];
    if (p->ent != PX_NONE) {
        size_t k = i - 1;
        while (k > 0 && x->w[k - 1].ent == p->ent && !(x->w[k].gap & G_BREAK))
            k--;
        *from = k;
        return p->ent;
    }
    if (p->cats & LX_PRONOUN) {
        *from = i - 1;
        return last_person(x, i - 1);
    }
    if (!(p->cats & (LX_SOURCE | LX_ROLE))) return PX_NONE;
    size_t k = np_start(x, i, 6);
    /* "Maps published by Ukraine-aligned sources": extend over by/from */
    if (k >= 2 &&
        (px_word_is(&x->w[k - 1], "by") || px_word_is(&x->w[k - 1], "from")) &&
        !(x->w[k].gap & G_BREAK) && !(x->w[k - 1].gap & G_BREAK)) {
        size_t h = k - 2;
        if (h > 0 && x->w[h].nlen > 2 &&
            !memcmp(x->w[h].norm + x->w[h].nlen - 2, "ed", 2))
            h--;
        if (x->w[h].cats & LX_SOURCE) k = np_start(x, h + 1, 4);
    }
    while (k < i - 1 && (x->w[k].cats & LX_FUNC) &&
           !(x->w[k].cats & LX_ROLEMOD))
        k++;
    *from = k;
    int32_t e = role_holder(x, k, i);
    if (e == PX_NONE) return described(x, k, i);
    add_mention(x, e, k, i); /* "the U.S. envoy" names Steve Witkoff */
    return e;
}

int32_t px_entity_after(px_xctx *x, size_t i, size_t *to) {
    size_t k = i;
    while (k < x->n && k - i < 6 && !(k > i && (x->w[k].gap & G_BREAK))) {
        const px_word *w = &x->w[k];
        if (w->ent != PX_NONE) {
            size_t j = k + 1;
            while (j < x->n && x->w[j].ent == w->ent) j++;
            *to = j;
            return w->ent;
        }
        if ((w->cats & (LX_ROLE | LX_ROLEMOD)) && k + 1 < x->n &&
            x->w[k + 1].ent != PX_NONE && !(x->w[k + 1].gap & G_BREAK)) {
            k++; /* "said President Volodymyr Zelenskyy" */
            continue;
        }
        if (w->cats & (LX_SOURCE | LX_ROLE) && !(w->cats & LX_FUNC)) {
            size_t from;
            *to = k + 1;
            return px_entity_before(x, k + 1, &from);
        }
        if (!np_word(w) && !px_word_is(w, "the") && !px_word_is(w, "a") &&
            !px_word_is(w, "an"))
            break;
        k++;
    }
    return PX_NONE;
}
