/*
 * fuzz_route.c - libFuzzer target for the request handling of `parallax
 * serve` beyond the URL parser: px_serve_route answers GET <input> from a
 * small store built once (three articles, their stories), so decoded ids,
 * ?format=, ?limit=, ?same= and the compare, align, story and article
 * pages all see arbitrary bytes.  Invariants: every reply has a status
 * among those docs/serve.md lists, a content type with a charset, and a
 * body; an error reply from a JSON endpoint is JSON.
 * Seeds: fuzz/corpus/route/ (one request target each).
 */
#include <stdio.h>  /* snprintf */
#include <stdlib.h> /* abort, atexit */
#include <string.h>
#include <unistd.h> /* getpid, unlink */

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const texts[][3] = {
    {"wire", "Wire",
     "Ferry hits rocks near Carrow, 312 people evacuated.\n\nThe ferry Saint "
     "Ilvara ran aground at dawn on Tuesday, the coast guard said. All 312 "
     "passengers were taken off by lifeboats, officials said."},
    {"paper", "Paper",
     "Ferry aground near Carrow: more than 300 evacuated.\n\nThe ferry Saint "
     "Ilvara ran aground at dawn on Tuesday, the coast guard said. \"All "
     "are safe,\" the mayor said. Diesel was leaking from the hull."},
    {"a/b c%", "Odd", "Short text with an odd id."},
};

static char path[64];
static px_store *s;

static void remove_store(void) {
    px_store_close(s);
    char side[80];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

/* The store, built on first use and kept for the process (read only);
 * its file is removed at exit. */
static px_store *store(void) {
    if (s) return s;
    snprintf(path, sizeof path, "/tmp/px_fuzz_route_%d.db", (int)getpid());
    unlink(path);
    px_store *w;
    if (px_store_open(path, 0, &w)) abort();
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        px_article *a = px_article_new();
        a->id = px_strdup(texts[i][0]);
        a->outlet = px_strdup(texts[i][1]);
        px_article_set_text(a, texts[i][2], strlen(texts[i][2]));
        px_put_status ps;
        if (px_store_put(w, a, NULL, &ps, NULL)) abort();
        px_article_free(a);
    }
    px_story_opts o;
    px_story_opts_default(&o);
    if (px_story_open(w) || px_story_build(w, &o, NULL)) abort();
    px_store_close(w);
    if (px_store_open(path, 1, &s)) abort();
    atexit(remove_store);
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    px_http_reply r;
    px_serve_route(store(), "GET", (const char *)data, size, &r);
    static const int ok[] = {200, 400, 404, 405, 414, 500};
    size_t i = 0;
    while (i < sizeof ok / sizeof ok[0] && ok[i] != r.status) i++;
    if (i == sizeof ok / sizeof ok[0] || !r.type || !strstr(r.type, "charset"))
        abort();
    if (!r.body.data || !r.body.len) abort();
    if (r.status != 200 && strstr(r.type, "json") && r.body.data[0] != '{')
        abort();
    px_http_reply_release(&r);
    return 0;
}
