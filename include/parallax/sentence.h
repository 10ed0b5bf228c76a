/*
 * parallax/sentence.h - sentence segmentation of news text.
 *
 * Sentences are found on the normalised view of a px_doc (quotes, dashes and
 * spaces unified) with the token flags for case, and reported as spans of
 * the ORIGINAL text plus the range of px_doc_tokens() they cover.  Rules, in
 * the order they apply to the gap between two tokens:
 *
 *   - a line break ends a sentence (headlines, datelines and paragraphs
 *     are lines), unless the text is hard-wrapped: the line does not end in
 *     punctuation and the next starts with a lower-case letter;
 *   - . ! ? ... and the full stops of other scripts (Arabic U+061F U+06D4,
 *     CJK U+3002 U+FF01 U+FF1F, Devanagari U+0964) end a sentence, closing
 *     quotes and brackets right after them stay with it;
 *   - except: the next word starts with a lower-case letter ("U.S.
 *     officials", "he said. and"); the word before the '.' is a title
 *     ("Dr.", "Gen."), or an initial / month / other abbreviation ("U.S.",
 *     "Jan.", "Inc.") not followed by a capitalised function word; digits
 *     around '.' and ',' are inside one token ("1.2 million", "115,600");
 *   - CJK full stops end a sentence even without a following space, and
 *     so does any stop glued to a letter of a caseless script ("War
 *     II.اضافة": a label pasted after the text);
 *   - Thai has no full stop: a space between two Thai words ends a
 *     sentence (not one next to a number: "ชาวบ้าน 1,200 ครัวเรือน");
 *   - a dateline opening a paragraph ("MOSCOW, Dec 2 (Reuters) -") is its
 *     own sentence, flagged PX_SENT_DATELINE;
 *   - a sentence longer than PX_SENT_MAX_TOKENS tokens is cut (PX_SENT_CUT)
 *     so every later stage is bounded on text without punctuation.
 *
 * A sentence always holds at least one token; text the cleaner removed is
 * never part of a sentence.
 */
#ifndef PARALLAX_SENTENCE_H
#define PARALLAX_SENTENCE_H

#include <stdint.h>
#include "parallax/core.h"
#include "parallax/doc.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PX_SENT_PARA     0x01u /* first sentence of a paragraph or line */
#define PX_SENT_HEADLINE 0x02u /* a whole line without final punctuation */
#define PX_SENT_DATELINE 0x04u /* a dateline prefix, not a real sentence */
#define PX_SENT_CUT      0x08u /* ended at PX_SENT_MAX_TOKENS, not at a stop */

#define PX_SENT_MAX_TOKENS 400u

typedef struct px_sent {
    px_span span;       /* original bytes: first to last visible character,
                           opening and closing quotes included */
    uint32_t tok_first; /* tokens [tok_first, tok_first + tok_count) of */
    uint32_t tok_count; /* px_doc_tokens(); tok_count >= 1 */
    uint32_t flags;     /* PX_SENT_* */
} px_sent;

/* Split the doc into sentences, in text order.  *out is a px_malloc'd array
 * of *n sentences owned by the caller (px_free); NULL when *n == 0. */
px_result px_sent_split(const px_doc *d, px_sent **out, size_t *n);

/* Same for raw text, without cleaning: spans index text[0..len); token
 * ranges refer to px_doc_new(text, len, &(px_doc_opts){.no_clean = 1}).
 * Fails like px_doc_new (PX_ERR_TOOBIG above PX_DOC_MAX_BYTES). */
px_result px_sent_split_text(const char *text, size_t len, px_sent **out,
                             size_t *n);

/* Index of the sentence holding original byte offset off (binary search
 * over sents[0..n), sorted as returned), or -1 when off is in none. */
long px_sent_find(const px_sent *sents, size_t n, size_t off);

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_SENTENCE_H */
