/*
 * extract_speed.c - throughput of px_page_extract (parse + extract) on a
 * directory of .html.gz pages, one core, pages already in memory; then one
 * large synthetic page (size in MB, second argument) with the peak RSS.
 *
 *   extract_speed DIR [ROUNDS] [BIG_MB]
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <zlib.h>

#include "parallax.h"

#define MAX_PAGES 4096

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); /* per-core: CPU time */
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Load every page of dir into memory, gunzipped. */
static size_t load(const char *dir, px_buf *pages, size_t *total) {
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t n = 0;
    *total = 0;
    while (d && (e = readdir(d)) && n < MAX_PAGES) {
        if (!strstr(e->d_name, ".htm")) continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        gzFile g = gzopen(path, "rb");
        if (!g) continue;
        px_buf_init(&pages[n], 0);
        char tmp[65536];
        int k;
        while ((k = gzread(g, tmp, sizeof tmp)) > 0)
            px_buf_append(&pages[n], tmp, (size_t)k);
        gzclose(g);
        *total += pages[n].len;
        n++;
    }
    if (d) closedir(d);
    return n;
}

static void big_page(size_t mb) {
    px_buf b = PX_BUF_INIT;
    px_buf_puts(&b, "<html><body><nav><a href=/>Home</a></nav><article>");
    while (b.len < mb << 20)
        px_buf_puts(&b, "<p>A paragraph of a very long page, with commas, "
                        "<a href=/x>a link</a> and <b>bold</b> words.</p>\n");
    px_buf_puts(&b, "</article></body></html>");
    double t = now();
    px_extract_opts o = {b.len + 1, 0, NULL, NULL, NULL};
    px_page *p = NULL;
    px_result rc = px_page_extract(b.data, b.len, NULL, &o, &p);
    double s = now() - t;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("| synthetic page | %.1f MB | %.2f s | %.1f MB/s | peak RSS %ld MB"
           " | %s%s |\n",
           (double)b.len / 1e6, s, (double)b.len / 1e6 / s, ru.ru_maxrss / 1024,
           px_result_str(rc), p && p->truncated ? ", node cap reached" : "");
    px_page_free(p);
    px_buf_release(&b);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: extract_speed DIR [ROUNDS] [BIG_MB]\n");
        return 2;
    }
    int rounds = argc > 2 ? atoi(argv[2]) : 3;
    static px_buf pages[MAX_PAGES];
    size_t total, n = load(argv[1], pages, &total);
    double best = 1e30;
    for (int r = 0; r < rounds; r++) {
        double t = now();
        for (size_t i = 0; i < n; i++) {
            px_page *p = NULL;
            if (!px_page_extract(pages[i].data, pages[i].len, NULL, NULL, &p))
                px_page_free(p);
        }
        double s = now() - t;
        if (s < best) best = s;
    }
    printf("| input | size | CPU time (best of %d) | throughput | |\n", rounds);
    printf("|---|---|---|---|---|\n");
    printf("| %zu pages | %.1f MB | %.3f s | %.1f MB/s | one core |\n", n,
           (double)total / 1e6, best, (double)total / 1e6 / best);
    if (argc > 3) big_page((size_t)atoi(argv[3]));
    for (size_t i = 0; i < n; i++) px_buf_release(&pages[i]);
    return 0;
}
