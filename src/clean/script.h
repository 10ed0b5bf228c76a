/*
 * script.h - which writing system a letter belongs to, by Unicode block.
 *
 * The cleaner only needs to tell "this short run is written in another
 * script than its paragraph" (an Arabic "add advertisement" label glued to
 * an English paragraph), so scripts are approximated by code-point blocks
 * rather than the full Scripts.txt property: Latin, Greek, Cyrillic,
 * Armenian, Hebrew, Arabic, each Indic block, Thai, Georgian, Hangul, CJK
 * (Han and kana together) and Ethiopic.  Digits, punctuation, symbols and
 * marks have no script (PX_SC_NONE) and never decide anything.
 */
#ifndef PX_CLEAN_SCRIPT_H
#define PX_CLEAN_SCRIPT_H

#include <stddef.h>
#include <stdint.h>

enum {
    PX_SC_NONE = 0,
    PX_SC_LATIN,
    PX_SC_GREEK,
    PX_SC_CYRILLIC,
    PX_SC_ARMENIAN,
    PX_SC_HEBREW,
    PX_SC_ARABIC,
    PX_SC_THAI,
    PX_SC_GEORGIAN,
    PX_SC_HANGUL,
    PX_SC_CJK,
    PX_SC_ETHIOPIC,
    PX_SC_OTHER,
    PX_SC_INDIC = 16, /* + one per 128-code-point Indic block (10 blocks) */
    PX_SC_COUNT = 32
};

/* Script of a letter code point; PX_SC_NONE for non-letters. */
int px_script_of(int32_t cp);

/* Letters per script in s[0..n) added to counts[PX_SC_COUNT]; returns
 * the total number of letters seen.  Invalid bytes are skipped. */
size_t px_script_count(const char *s, size_t n, size_t counts[PX_SC_COUNT]);

/* Letters of scripts written without spaces between words, where a
 * space-delimited token is a whole clause: the matchers read them letter
 * by letter (parallax/corpus.h), the clustering features by runs.
 * PX_UNSPACED_IDEO: Han and kana (PX_SC_CJK, with the iteration mark
 * U+3005), a letter is a syllable or a morpheme; PX_UNSPACED_ALPHA: Thai,
 * Lao, Myanmar, Khmer, a letter is a sound.  0 for anything else. */
enum { PX_UNSPACED_IDEO = 1, PX_UNSPACED_ALPHA = 2 };
int px_script_unspaced(int32_t cp);

/* End of the grapheme cluster (utf8proc's extended grapheme breaks) that
 * starts at byte i of s[0..n) (i < n): a Thai consonant with its vowel
 * and tone marks, a letter with its combining accents, an emoji sequence.
 * An invalid byte is a cluster of its own.  Cutting text only at such ends
 * never separates a mark from its letter. */
size_t px_grapheme_end(const char *s, size_t n, size_t i);

/* Where to cut s[0..n) at or before byte to, walking whole grapheme
 * clusters from byte from (a cluster start): the end of the last cluster
 * that fits, or from when none does. */
size_t px_grapheme_cut(const char *s, size_t n, size_t from, size_t to);

/* Script with most letters in counts, PX_SC_NONE when all are zero. */
int px_script_dominant(const size_t counts[PX_SC_COUNT]);

/* The single script of every letter in s[0..n): PX_SC_NONE if there are no
 * letters, -1 if letters of two scripts are mixed. */
int px_script_uniform(const char *s, size_t n);

#endif /* PX_CLEAN_SCRIPT_H */
