/*
 * serve_load.c - a small closed-loop HTTP load generator for bench_serve.sh
 * (wrk and ab are not on the machine).
 *
 *   serve_load HOST PORT PATH CONNECTIONS SECONDS
 *
 * Each of CONNECTIONS threads keeps one HTTP/1.1 keep-alive connection and
 * sends GET PATH, reads the whole reply (Content-Length), and sends the
 * next, for SECONDS.  Prints one line: requests/s, mean, p50, p99 latency
 * in ms, the count of non-200 replies or failures (any makes the run
 * suspect: the script reports it) and the number of requests answered.  Honest limits: the client shares the
 * machine with the server, and closed-loop load measures throughput at
 * that concurrency, not latency under an open arrival rate.
 */
#include <arpa/inet.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "parallax.h"

#define MAX_CONN 64
#define MAX_SAMPLES (1u << 20)

typedef struct worker {
    struct sockaddr_in sa;
    const char *path;
    double until;
    double *lat;      /* ms */
    size_t n, bad;
    pthread_t th;
} worker;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int connect_to(const struct sockaddr_in *sa) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd >= 0 && connect(fd, (const struct sockaddr *)sa, sizeof *sa)) {
        close(fd);
        fd = -1;
    }
    return fd;
}

/* Read one reply into b; its status, or -1 on a broken connection. */
static int read_reply(int fd, px_buf *b) {
    char tmp[65536];
    px_buf_clear(b);
    char *hdr_end = NULL;
    size_t need = 0;
    for (;;) {
        if (hdr_end && b->len >= need) break;
        ssize_t k = read(fd, tmp, sizeof tmp);
        if (k <= 0) return -1;
        px_buf_append(b, tmp, (size_t)k);
        if (!hdr_end && (hdr_end = strstr(b->data, "\r\n\r\n"))) {
            const char *cl = strcasestr(b->data, "\r\ncontent-length:");
            size_t body = cl && cl < hdr_end ? strtoul(cl + 17, NULL, 10) : 0;
            need = (size_t)(hdr_end - b->data) + 4 + body;
        }
    }
    return b->len > 12 ? atoi(b->data + 9) : -1;
}

static void *run(void *ud) {
    worker *w = ud;
    char req[1024];
    int len = snprintf(req, sizeof req,
                       "GET %s HTTP/1.1\r\nHost: bench\r\n\r\n", w->path);
    px_buf b = PX_BUF_INIT;
    int fd = -1;
    while (now() < w->until && w->n < MAX_SAMPLES) {
        if (fd < 0 && (fd = connect_to(&w->sa)) < 0) {
            w->bad++;
            break;
        }
        double t0 = now();
        int status = write(fd, req, (size_t)len) == len ? read_reply(fd, &b)
                                                        : -1;
        if (status < 0) {
            close(fd);
            fd = -1;
        }
        if (status != 200) w->bad++;
        else w->lat[w->n++] = (now() - t0) * 1e3;
    }
    if (fd >= 0) close(fd);
    px_buf_release(&b);
    return NULL;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: serve_load HOST PORT PATH CONNECTIONS "
                        "SECONDS\n");
        return 2;
    }
    int nc = atoi(argv[4]);
    double secs = atof(argv[5]);
    if (nc < 1 || nc > MAX_CONN || secs <= 0) return 2;
    worker w[MAX_CONN];
    double t0 = now();
    for (int i = 0; i < nc; i++) {
        w[i] = (worker){.path = argv[3], .until = t0 + secs};
        w[i].sa.sin_family = AF_INET;
        w[i].sa.sin_port = htons((uint16_t)atoi(argv[2]));
        inet_pton(AF_INET, argv[1], &w[i].sa.sin_addr);
        w[i].lat = px_malloc(MAX_SAMPLES * sizeof *w[i].lat);
        pthread_create(&w[i].th, NULL, run, &w[i]);
    }
    size_t n = 0, bad = 0;
    for (int i = 0; i < nc; i++) {
        pthread_join(w[i].th, NULL);
        n += w[i].n;
        bad += w[i].bad;
    }
    double elapsed = now() - t0;
    double *all = px_malloc((n ? n : 1) * sizeof *all), sum = 0;
    for (int i = 0, k = 0; i < nc; i++)
        for (size_t j = 0; j < w[i].n; j++) sum += all[k++] = w[i].lat[j];
    qsort(all, n, sizeof *all, cmp_double);
    printf("%10.0f %8.2f %8.2f %8.2f %6zu %zu\n", (double)n / elapsed,
           n ? sum / (double)n : 0, n ? all[n / 2] : 0,
           n ? all[(size_t)((double)n * 0.99)] : 0, bad, n);
    for (int i = 0; i < nc; i++) px_free(w[i].lat);
    px_free(all);
    return 0;
}
