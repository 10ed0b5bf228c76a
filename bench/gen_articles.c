/*
 * gen_articles.c - synthetic articles as JSON Lines for the `parallax run`
 * benchmark: gen_articles N [WORDS] > file.jsonl
 *
 * Events of 8 articles from 50 outlets, published an hour apart per event
 * with minutes of jitter; titles from the event's names.  Deterministic.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "synth.h"

int main(int argc, char **argv) {
    size_t n = argc > 1 ? (size_t)atol(argv[1]) : 1000;
    size_t words = argc > 2 ? (size_t)atol(argv[2]) : 500;
    int near = argc > 3 && !strcmp(argv[3], "near");
    rng r = {7};
    px_buf line = PX_BUF_INIT, title = PX_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        size_t ev = near ? 0 : i / 8;
        rng wire = {7}; /* near: the same text every time */
        char *text = synth_article(near ? &wire : &r, ev, words);
        px_buf_clear(&title);
        synth_word(&title, 100000 + ev * 7, 1);
        px_buf_puts(&title, " and ");
        synth_word(&title, 100000 + ev * 7 + 1, 1);
        px_buf_printf(&title, " report %zu", ev * 13 + 3);
        time_t ts = (time_t)(1700000000LL + (long long)ev * 3600 +
                             (long long)(synth_rnd(&r) % 1800));
        if (near)
            ts = (time_t)(1700000000LL + (long long)i * 60 +
                          (long long)(synth_rnd(&r) % 600));
        struct tm tm;
        char when[32];
        gmtime_r(&ts, &tm);
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
        px_buf_clear(&line);
        px_buf_printf(&line,
                      "{\"id\": \"a%07zu\", \"outlet\": \"outlet%zu\", "
                      "\"published\": \"%s\", \"title\": ",
                      i, (size_t)(synth_rnd(&r) % 50), when);
        px_buf_json_str(&line, title.data, title.len);
        px_buf_puts(&line, ", \"text\": ");
        if (near) {
            px_buf tail = PX_BUF_INIT;
            px_buf_printf(&tail, "%s Filed by desk %zu.", text, i);
            px_buf_json_str(&line, tail.data, tail.len);
            px_buf_release(&tail);
        } else {
            px_buf_json_str(&line, text, strlen(text));
        }
        px_buf_puts(&line, "}\n");
        fwrite(line.data, 1, line.len, stdout);
        px_free(text);
    }
    px_buf_release(&line);
    px_buf_release(&title);
    return 0;
}
