/*
 * synth.h - synthetic news articles for the benchmarks (header-only, no
 * state beyond the caller's generator): Zipf-like background words from a
 * 30,000-word vocabulary, and for each event a handful of capitalised
 * names and numbers repeated through its articles.
 */
#ifndef PX_BENCH_SYNTH_H
#define PX_BENCH_SYNTH_H

#include <math.h>

#include "parallax.h"

typedef struct rng {
    uint64_t s;
} rng;

static inline uint64_t synth_rnd(rng *r) { /* xorshift64* */
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 2685821657736338717ull;
}

static inline void synth_word(px_buf *b, uint64_t k, int cap) {
    static const char cons[] = "bcdfghklmnprstvz", vow[] = "aeiou";
    int syl = 2 + (int)(k % 3);
    for (int i = 0; i < syl; i++) {
        char c = cons[(k >> (4 * i)) & 15];
        px_buf_putc(b, (char)(i == 0 && cap ? c - 32 : c));
        px_buf_putc(b, vow[(k >> (4 * i + 2)) % 5]);
    }
}

static inline char *synth_article(rng *r, size_t event, size_t words) {
    px_buf b = PX_BUF_INIT;
    rng ev = {event * 0x9E3779B97F4A7C15ull + 1};
    for (size_t w = 0; w < words; w++) {
        if (w % 12 == 0) { /* an event detail every 12 words */
            uint64_t d = synth_rnd(&ev) % 6;
            if (d < 3)
                synth_word(&b, 100000 + event * 7 + d, 1);
            else
                px_buf_printf(&b, "%llu", (unsigned long long)(event * 13 + d));
        } else {
            double u = (double)(synth_rnd(r) % 1000000) / 1e6;
            synth_word(&b, (uint64_t)(30000.0 * pow(u, 3.0)), 0);
        }
        px_buf_puts(&b, w % 20 == 19 ? ". " : " ");
    }
    return px_buf_detach(&b, NULL);
}

#endif /* PX_BENCH_SYNTH_H */
