/*
 * fuzz_index.c - libFuzzer target for the match index file reader
 * (px_corpus_load, parallax/index.h): any bytes are written to a file and
 * loaded; a file that loads is walked and matched against (so damaged
 * stored keys reach the dedup and reuse lookups), never a crash or a leak.
 * Seeds: fuzz/corpus/index/ (real index files).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parallax.h"

static void walk(px_corpus *c) {
    size_t total = 0;
    for (size_t d = 0; d < px_corpus_size(c); d++) {
        size_t n;
        const uint32_t *w = px_corpus_words(c, (uint32_t)d, &n);
        total += strlen(px_corpus_id(c, (uint32_t)d)) + (n ? w[0] : 0);
        if (n) total += px_corpus_span(c, (uint32_t)d, 0, n).end;
    }
    (void)total;
}

static void match(px_corpus *c) {
    static const char text[] = "Moscow is ready for peace talks, but the "
                               "meeting with Putin will take place today.";
    px_doc *d;
    if (px_doc_new(text, sizeof text - 1, NULL, &d)) return;
    px_corpus_add(c, "new", d, NULL);
    px_doc_free(d);
    px_dedup_opts o;
    px_reuse_opts r;
    px_dedup_opts_init(&o);
    px_reuse_opts_init(&r);
    o.first_new = r.first_new = (uint32_t)(px_corpus_size(c) - 1);
    o.threads = r.threads = 1;
    px_dup_pair *p = NULL;
    px_passage *q = NULL;
    size_t np, nq;
    if (px_dedup_run(c, &o, &p, &np) == PX_OK) px_free(p);
    if (px_reuse_run(c, &r, &q, &nq) == PX_OK) px_free(q);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char path[] = "/tmp/px_fuzz_index_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return 0;
    if (write(fd, data, size) != (ssize_t)size) {
        close(fd);
        unlink(path);
        return 0;
    }
    close(fd);
    px_corpus *c = NULL;
    if (px_corpus_load(path, &c) == PX_OK) {
        walk(c);
        match(c);
    }
    px_corpus_free(c);
    unlink(path);
    return 0;
}
