/*
 * fuzz_headline.c - libFuzzer target for story headlines: the medoid of
 * member titles with its support check (px_story_headline) and the
 * opening-words cut (px_story_opening).
 *
 * The input is split at NUL bytes into members; a member's first line is
 * its title (an empty line: no title), the rest its text, handed to the
 * headline through the text callback.  Invariants (abort on violation):
 *   - a headline is NULL or one of the given titles, byte for byte;
 *   - opening words are NULL or a piece of the member's first line, after
 *     its leading blanks, at most PX_HEADLINE_UNSPACED bytes, never
 *     ending inside a valid UTF-8 character.
 */
#include <stdlib.h> /* abort */
#include <string.h> /* memchr, strcmp, strlen */

#include "fuzz_util.h" /* fuzz_inside_char */
#include "parallax.h"
#include "story/story_int.h"

#define MEMBERS 80 /* more than PX_HEADLINE_TITLES: the cap is exercised */

typedef struct member {
    char *title, *text;
    size_t text_len;
} member;

static char *text_of(void *ud, size_t i, size_t *len) {
    const member *m = (const member *)ud + i;
    *len = m->text_len;
    return px_strndup(m->text, m->text_len);
}

static void check_opening(const char *s, size_t len) {
    char *h = px_story_opening(s, len);
    if (!h) return;
    size_t start = 0, n = strlen(h);
    while (start < len && (s[start] == ' ' || s[start] == '\n')) start++;
    if (!n || n > PX_HEADLINE_UNSPACED || start + n > len ||
        memcmp(h, s + start, n) || memchr(h, '\n', n) ||
        fuzz_inside_char(s, len, start + n))
        abort();
    px_free(h);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *p = (const char *)data, *end = p + size;
    member m[MEMBERS];
    const char *titles[MEMBERS];
    size_t n = 0;
    while (p < end && n < MEMBERS) {
        const char *z = memchr(p, 0, (size_t)(end - p));
        size_t len = z ? (size_t)(z - p) : (size_t)(end - p);
        const char *nl = memchr(p, '\n', len);
        size_t tl = nl ? (size_t)(nl - p) : len;
        m[n].title = px_strndup(p, tl);
        m[n].text = px_strndup(nl ? nl + 1 : p + len, nl ? len - tl - 1 : 0);
        m[n].text_len = nl ? len - tl - 1 : 0;
        titles[n] = *m[n].title ? m[n].title : NULL;
        check_opening(p, len);
        n++;
        p += len + 1;
    }
    char *h = px_story_headline(titles, n, text_of, m);
    if (h) {
        size_t i = 0;
        while (i < n && !(titles[i] && !strcmp(titles[i], h))) i++;
        if (i == n) abort();
    }
    px_free(h);
    for (size_t i = 0; i < n; i++) px_free(m[i].title), px_free(m[i].text);
    return 0;
}
