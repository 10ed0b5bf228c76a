/*
 * parallax/article.h - one news article as read from any input.
 *
 * An article owns all its strings (px_strdup'd).  `text` holds the ORIGINAL
 * bytes exactly as read (for JSON Lines: the decoded "text" string); every
 * span reported by later stages is a byte offset into it.  Fields that were
 * not given are NULL.
 */
#ifndef PARALLAX_ARTICLE_H
#define PARALLAX_ARTICLE_H

#include <stdint.h>
#include "parallax/core.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PX_TIME_NONE INT64_MIN /* published_ts when the time is unknown */

typedef struct px_article {
    char *id;             /* stable id: given, file stem, or content hash */
    char *url;            /* source URL, or NULL */
    char *outlet;         /* publishing outlet ("Modern.az"), or NULL */
    char *title;          /* headline, or NULL */
    char *published;      /* publication time as given (ISO-8601), or NULL */
    int64_t published_ts; /* seconds since the epoch (UTC), or PX_TIME_NONE */
    char *lang;           /* BCP-47 language tag, or NULL */
    char *wire;           /* wire service credited ("Reuters"), or NULL */
    char *text;           /* original text bytes, NUL-terminated */
    size_t text_len;      /* bytes in text, excluding the NUL */
    char *extra;          /* unknown input fields as a JSON object, or NULL */
    char *origin;         /* where it was read: "path" or "path:line" */
} px_article;

/* New empty article (all fields NULL, published_ts = PX_TIME_NONE). */
PX_NONNULL_RET px_article *px_article_new(void);
/* Frees the article and every string it owns; accepts NULL. */
void px_article_free(px_article *a);
/* Replace a string field with a copy of s (n bytes; NULL clears). */
void px_article_set(char **field, const char *s, size_t n);
/* Replace the text with a copy of n bytes. */
void px_article_set_text(px_article *a, const char *s, size_t n);
/* Deep copy. */
px_article *px_article_dup(const px_article *a);

/* Parse an ISO-8601 date or date-time ("2025-12-02", "2025-12-02T10:00:00Z",
 * "+03:00" offsets) into seconds since the epoch.  PX_ERR_PARSE if invalid. */
px_result px_time_parse(const char *s, int64_t *out);

/* Append the article as one JSON object (no newline).  with_text: include
 * the "text" field. */
px_result px_article_to_json(const px_article *a, int with_text, px_buf *out);

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_ARTICLE_H */
