/*
 * parallax/doc.h - the cleaned and normalised views of one article text.
 *
 * A px_doc is built once per article and read by every later stage.  It
 * holds three views of the same text and maps between them:
 *
 *   original   the bytes as read (not copied: the caller keeps them alive)
 *   clean      original minus boilerplate (repeated title, UI/ad labels,
 *              credit and share lines ...), invalid UTF-8 replaced by U+FFFD
 *   norm       clean text for matching: NFKC + case folding, quotes, dashes
 *              and spaces unified; split into word tokens
 *
 * Every token and every removal carries its span in ORIGINAL byte offsets.
 * Invariants: tokens are in increasing order of start; token spans never
 * overlap a removed span; norm_off/norm_len index into px_doc_norm().
 */
#ifndef PARALLAX_DOC_H
#define PARALLAX_DOC_H

#include <stdint.h>
#include "parallax/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Token flags. */
#define PX_TOK_ALPHA 0x01u /* contains a letter */
#define PX_TOK_DIGIT 0x02u /* contains a digit */
#define PX_TOK_CAP   0x04u /* first letter upper- or title-case in original */
#define PX_TOK_PARA  0x08u /* first token after a paragraph break */

typedef struct px_token {
    uint32_t start, end; /* span in the original text */
    uint32_t norm_off;   /* offset of the normalised form in norm view */
    uint32_t norm_len;   /* its length in bytes */
    uint64_t hash;       /* px_hash64 of the normalised form, seed 0 */
    uint32_t flags;      /* PX_TOK_* */
} px_token;

/* Why a span was removed by the cleaner.  Stable values. */
typedef enum px_removal_reason {
    PX_RM_TITLE_REPEAT = 1, /* title line repeated at the top */
    PX_RM_UI_LABEL = 2, /* UI / ad label ("Advertisement", "اضافة اعلان") */
    PX_RM_CREDIT = 3,    /* credit line ("Reuters"), kept as metadata */
    PX_RM_SHARE = 4,     /* share / subscribe / follow line */
    PX_RM_RECURRING = 5, /* line recurring across an outlet's articles */
    PX_RM_DATELINE = 6,  /* dateline prefix, kept as metadata */
    PX_RM_CONTROL = 7    /* control characters, stray markup */
} px_removal_reason;

typedef struct px_removal {
    px_span span; /* in original bytes */
    px_removal_reason reason;
    const char *detail; /* human explanation, owned by the doc */
} px_removal;

/* Learned boilerplate: lines that recur across an outlet's articles.
 * Opaque; see px_boiler_* in parallax/clean.h.  May be NULL everywhere. */
typedef struct px_boiler px_boiler;

typedef struct px_doc_opts {
    int no_clean;       /* 1: keep boilerplate (norm still built) */
    const char *title;  /* known title (helps the title rule), or NULL */
    const char *outlet; /* known outlet (helps self-references), or NULL */
    const px_boiler *learned; /* learned recurring lines, or NULL */
} px_doc_opts;

typedef struct px_doc px_doc;

/* Build the views of text[0..len).  text must stay alive and unchanged for
 * the doc's lifetime (the doc does not copy it).  opts may be NULL.
 * Fails with PX_ERR_TOOBIG above PX_DOC_MAX_BYTES.  *out owned by caller. */
#define PX_DOC_MAX_BYTES ((size_t)1 << 30)
px_result px_doc_new(const char *text, size_t len, const px_doc_opts *opts,
                     px_doc **out);
void px_doc_free(px_doc *d); /* accepts NULL */

const char *px_doc_orig(const px_doc *d, size_t *len);
const char *px_doc_clean(const px_doc *d, size_t *len);
const char *px_doc_norm(const px_doc *d, size_t *len);
/* Map an offset in the clean / norm view to the original text. */
size_t px_doc_clean_to_orig(const px_doc *d, size_t off);
size_t px_doc_norm_to_orig(const px_doc *d, size_t off);

const px_token *px_doc_tokens(const px_doc *d, size_t *n);
const px_removal *px_doc_removals(const px_doc *d, size_t *n);
/* Metadata the cleaner found: "title", "wire", "outlet", "dateline";
 * NULL when absent.  Owned by the doc. */
const char *px_doc_meta(const px_doc *d, const char *key);
/* Number of invalid UTF-8 sequences replaced. */
size_t px_doc_bad_utf8(const px_doc *d);

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_DOC_H */
