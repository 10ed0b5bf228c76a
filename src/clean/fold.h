/*
 * fold.h - lines of an article and the folded form used to compare them.
 *
 * The cleaner's rules look at whole lines (paragraphs) and at short runs
 * of text.  A line is [start, end) without its terminator; `next` is where
 * the following line starts.  Folding lower-cases every letter
 * (utf8proc simple case mapping), maps NBSP and other spaces to ' ',
 * collapses whitespace runs and trims both ends, so "  ADVERTISEMENT "
 * and "Advertisement" compare equal.  Folding writes into a caller's
 * fixed buffer and gives up on text longer than that: the rules only ever
 * compare short lines, so nothing is allocated per line.
 */
#ifndef PX_CLEAN_FOLD_H
#define PX_CLEAN_FOLD_H

#include <stddef.h>
#include <stdint.h>

typedef struct px_line {
    size_t start, end; /* content, without "\n" or "\r\n" */
    size_t next;       /* start of the following line (or text length) */
} px_line;

/* Split text[0..len) into lines; *out is px_malloc'd (caller frees), *n
 * receives the count (a text without a final newline still ends a line). */
void px_lines_split(const char *text, size_t len, px_line **out, size_t *n);

/* 1 if the line holds only whitespace. */
int px_line_blank(const char *text, const px_line *l);

/* Fold s[0..n) into out (capacity cap bytes, NUL-terminated).  Returns the
 * folded length, or (size_t)-1 when the result does not fit or s holds
 * invalid UTF-8. */
size_t px_fold(const char *s, size_t n, char *out, size_t cap);

/* Number of whitespace-separated words in s[0..n), counting stops at
 * limit (so "has at least 12 words" reads only the first 12). */
size_t px_count_words(const char *s, size_t n, size_t limit);

/* 1 if the code point ends a sentence or closes a quote after one:
 * . ! ? ... and their CJK / Arabic forms, closing quotes and brackets. */
int px_cp_final_punct(int32_t cp);

/* The same for an ASCII byte, inline (it runs on the end of every line). */
static inline int px_ascii_final_punct(unsigned c) {
    return c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' ||
           c == ')' || c == ']';
}

#endif /* PX_CLEAN_FOLD_H */
