/*
 * filter.c - which stories a list holds: the px_story_filter of
 * parallax/story.h set from text, once for every front end (the
 * `parallax stories` options and the HTTP /stories and / parameters give
 * the same names, values, caps and messages).
 *
 * Values are checked here, strictly and within fixed caps (digits only,
 * at most PX_STORY_ARG_MAX bytes, dates that exist); the query itself
 * (tables.c, px_story_each) only binds the numbers, it never sees text.
 */
#include <string.h> /* strlen, strcmp */

#include "story/story_int.h"

#define STR_(x) #x
#define STR(x)  STR_(x)

void px_story_filter_default(px_story_filter *f) {
    *f = (px_story_filter){
        0, 0, 0, PX_TIME_NONE, PX_TIME_NONE, PX_STORY_BY_SIZE};
}

/* A decimal number of at most 10 digits (no sign, no space) into *out. */
static int parse_count(const char *s, uint64_t *out) {
    uint64_t v = 0;
    size_t n = 0;
    for (; s[n] >= '0' && s[n] <= '9' && n < 10; n++)
        v = v * 10 + (uint64_t)(s[n] - '0');
    if (!n || s[n]) return -1;
    *out = v;
    return 0;
}

/* 1 if the "YYYY-MM-DD" opening s names a day of the calendar (px_time_
 * parse checks only 1..31, and timegm would roll Feb 30 into March). */
static int real_day(const char *s) {
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
            (s[3] - '0');
    int mo = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[mo - 1] + (mo == 2 && leap);
}

px_result px_story_time_arg(const char *s, int64_t now, int end_of_day,
                            int64_t *out) {
    size_t len = s ? strlen(s) : 0;
    if (!len || len > PX_STORY_ARG_MAX) return PX_ERR_INVALID;
    /* relative: digits then one unit letter */
    static const struct {
        char unit;
        int64_t secs;
    } units[] = {{'m', 60}, {'h', 3600}, {'d', 86400}, {'w', 604800}};
    uint64_t n;
    char num[11];
    if (len >= 2 && len - 1 < sizeof num) {
        memcpy(num, s, len - 1);
        num[len - 1] = 0;
        for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
            if (s[len - 1] == units[i].unit && !parse_count(num, &n)) {
                /* n < 10^10 and secs <= 604800: no overflow */
                *out = now - (int64_t)n * units[i].secs;
                return PX_OK;
            }
    }
    int64_t t;
    if (px_time_parse(s, &t) || !real_day(s)) return PX_ERR_INVALID;
    if (end_of_day && len == 10) t += 86399;
    *out = t;
    return PX_OK;
}

/* name as given, '-' and '_' alike. */
static int is_name(const char *name, const char *want) {
    for (; *name && *want; name++, want++)
        if (*name != *want && !(*name == '-' && *want == '_')) return 0;
    return !*name && !*want;
}

px_result px_story_filter_set(px_story_filter *f, const char *name,
                              const char *value, int64_t now,
                              const char **why) {
    static const char *const sorts[] = {"size", "outlets", "recent"};
    const char *w = "unknown filter";
    uint64_t n;
    int64_t t;
    if (!value) value = "";
    if (is_name(name, "limit")) {
        w = "want a number from 1 to " STR(PX_STORY_LIMIT_MAX);
        if (!parse_count(value, &n) && n >= 1 && n <= PX_STORY_LIMIT_MAX) {
            f->limit = (size_t)n;
            return PX_OK;
        }
    } else if (is_name(name, "min_size") || is_name(name, "min_outlets")) {
        w = "want a number from 0 to " STR(PX_STORY_COUNT_MAX);
        if (!parse_count(value, &n) && n <= PX_STORY_COUNT_MAX) {
            *(is_name(name, "min_size") ? &f->min_size : &f->min_outlets) =
                (size_t)n;
            return PX_OK;
        }
    } else if (is_name(name, "since") || is_name(name, "until")) {
        int until = is_name(name, "until");
        w = "want an ISO 8601 date or date-time (2025-03-04, "
            "2025-03-04T09:00Z) or a time back from now (90m, 24h, 7d, 2w)";
        if (!px_story_time_arg(value, now, until, &t)) {
            *(until ? &f->until : &f->since) = t;
            return PX_OK;
        }
    } else if (is_name(name, "sort")) {
        w = "want size, outlets or recent";
        for (size_t i = 0; i < sizeof sorts / sizeof sorts[0]; i++)
            if (!strcmp(value, sorts[i])) {
                f->sort = (px_story_sort)i;
                return PX_OK;
            }
    }
    if (why) *why = w;
    return PX_ERR_INVALID;
}
