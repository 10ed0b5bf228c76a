/*
 * lexicon.h - the word lists behind the cleaner's rules.
 *
 * Every entry is stored folded (see fold.h), so callers fold the text once
 * and compare bytes.  Lists are small, static and read-only; lookups are
 * linear scans over a few hundred short strings, done only for short
 * lines or short trailing runs, never per byte.
 */
#ifndef PX_CLEAN_LEXICON_H
#define PX_CLEAN_LEXICON_H

#include <stddef.h>
#include <stdint.h>

/* Language tag of a UI / ad label ("Advertisement", "اضافة اعلان",
 * "Реклама", "广告" ...) equal to the folded string f, or NULL. */
const char *px_lex_ui_label(const char *f, size_t n);

/* 1 if f (folded) is a wire service name ("reuters", "afp", "ap" ...). */
int px_lex_wire(const char *f, size_t n);

/* 1 if the folded line f is a share / subscribe / follow line: starts with
 * an imperative that never opens a news sentence ("share this", "follow
 * us"), or lists platforms only ("Facebook | X | Email"), or - only when
 * at_edge (the line is above the first or below the last paragraph) -
 * starts with a weaker verb ("follow", "join") and names a platform. */
int px_lex_share(const char *f, size_t n, int at_edge);

/* 1 if some call to action starts with the first word of s[0..n) (the
 * bytes up to a space or ':'): a gate before folding a whole line. */
int px_lex_share_first(const char *s, size_t n);
/* A cheaper gate still, on a line's first two bytes (a precomputed 512-bit
 * set): 0 when no call to action can open s[0..n) (1 for non-ASCII
 * openings).  px_lex_share_gate_ok() checks the set against the lists. */
int px_lex_share_gate(const char *s, size_t n);
int px_lex_share_gate_ok(void);

/* 1 if the folded line starts a reporting credit ("reporting by",
 * "editing by", "additional reporting by" ...). */
int px_lex_reporting(const char *f, size_t n);

#endif /* PX_CLEAN_LEXICON_H */
