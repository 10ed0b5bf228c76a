/*
 * shard.c - slots, reading and global numbering of parallax-mpi (shard.h).
 *
 * A rank loads its byte range of a split file into memory (one pread per
 * range after finding the two line starts) and hands it to the library's
 * memory reader under the file's own name, so the format rules are those
 * of `parallax dedup`.  Articles go to the corpus in batches built by
 * worker threads (px_corpus_add_texts) and are freed at once.
 */
#include <fcntl.h>    /* open */
#include <stdio.h>    /* fprintf */
#include <stdlib.h>   /* strtoull */
#include <string.h>   /* memchr, strlen */
#include <sys/stat.h> /* stat */
#include <unistd.h>   /* pread, close */

#include "mpi/ids.h"
#include "mpi/shard.h"

#define BATCH 1024
#define PROBE 65536

void pxmpi_shard_say(const char *cmd, const char *where, int where_len,
                     unsigned long long line, const char *msg) {
    px_buf b = PX_BUF_INIT; /* one write: ranks share stderr */
    px_buf_printf(&b, "parallax-mpi %s: %.*s", cmd, where_len, where);
    if (line) px_buf_printf(&b, ":%llu", line);
    px_buf_printf(&b, ": %s\n", msg);
    fwrite(b.data, 1, b.len, stderr);
    px_buf_release(&b);
}

/* ------------------------------------------------------------------ plan */

static int has_suffix(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

/* An uncompressed, non-empty JSON Lines file that ranks can share. */
static int splittable(const char *path) {
    struct stat st;
    if (!has_suffix(path, ".jsonl") && !has_suffix(path, ".ndjson")) return 0;
    if (stat(path, &st) || !S_ISREG(st.st_mode) || st.st_size < 4) return 0;
    unsigned char m[4] = {0};
    int fd = open(path, O_RDONLY);
    if (fd < 0) return 0;
    ssize_t got = pread(fd, m, sizeof m, 0);
    close(fd);
    int gz = m[0] == 0x1f && m[1] == 0x8b;
    int zst = m[0] == 0x28 && m[1] == 0xb5 && m[2] == 0x2f && m[3] == 0xfd;
    return got == 4 && !gz && !zst;
}

static pxmpi_slot *plan(const pxmpi_comm *c, char *const *paths, int n,
                        size_t *nslots) {
    pxmpi_slot *s = NULL;
    size_t ns = 0, whole = 0;
    for (int i = 0; i < n; i++) {
        int split = splittable(paths[i]), parts = split ? c->size : 1;
        s = px_realloc(s, (ns + (size_t)parts) * sizeof *s);
        for (int p = 0; p < parts; p++)
            s[ns++] = (pxmpi_slot){paths[i], split ? p : (int)(whole % (size_t)c->size),
                                   split, 0, 0, 0, 0, 0};
        whole += !split;
    }
    *nslots = ns;
    return s;
}

/* ------------------------------------------------------------ byte ranges */

/* The first line start at or after x: x itself after a newline. */
static uint64_t line_start(int fd, uint64_t x, uint64_t size) {
    char buf[PROBE];
    if (x == 0) return 0;
    for (uint64_t at = x - 1; at < size;) {
        ssize_t got = pread(fd, buf, sizeof buf, (off_t)at);
        if (got <= 0) return size;
        const char *nl = memchr(buf, '\n', (size_t)got);
        if (nl) return at + (uint64_t)(nl - buf) + 1;
        at += (uint64_t)got;
    }
    return size;
}

typedef struct chunk {
    char *data;   /* owned */
    size_t len;
} chunk;

/* Rank c->rank's range of a split file into *ch; newlines into *lines. */
static px_result chunk_load(const pxmpi_comm *c, const char *path, chunk *ch,
                            uint64_t *lines) {
    struct stat st;
    int fd = open(path, O_RDONLY);
    if (fd < 0 || fstat(fd, &st)) {
        if (fd >= 0) close(fd);
        return PX_ERR_IO;
    }
    uint64_t size = (uint64_t)st.st_size, r = (uint64_t)c->rank;
    uint64_t b = line_start(fd, size * r / (uint64_t)c->size, size);
    uint64_t e = line_start(fd, size * (r + 1) / (uint64_t)c->size, size);
    px_result rc = PX_OK;
    ch->len = (size_t)(e - b);
    ch->data = px_try_malloc(ch->len + 1);
    if (!ch->data) rc = PX_ERR_NOMEM;
    for (size_t at = 0; !rc && at < ch->len;) { /* pread caps at ~2 GiB */
        ssize_t got = pread(fd, ch->data + at, ch->len - at, (off_t)(b + at));
        if (got <= 0) rc = PX_ERR_IO;
        else at += (size_t)got;
    }
    close(fd);
    *lines = 0;
    for (const char *p = ch->data; !rc && (p = memchr(p, '\n', ch->len -
                                        (size_t)(p - ch->data))); p++)
        ++*lines;
    return rc;
}

/* ---------------------------------------------------------------- reading */

typedef struct reading {
    const char *cmd;
    pxmpi_origins *origins; /* of the documents added */
    uint64_t line0;   /* lines of the file before the slot */
    px_corpus *corpus;
    unsigned threads;
    size_t nbad;
    px_article *art[BATCH];
    const char *ids[BATCH], *texts[BATCH];
    size_t lens[BATCH];
    px_result rcs[BATCH];
    size_t n;
} reading;

/* msg with the line of "(first read at PATH:LINE)" (a repeated id within
 * this range) counted in the whole file, into out. */
static void shift_first(const reading *rd, const char *path, const char *msg,
                        px_buf *out) {
    px_buf key = PX_BUF_INIT;
    px_buf_printf(&key, "(first read at %s:", path);
    const char *at = strstr(msg, key.data);
    char *end;
    unsigned long long line = at ? strtoull(at + key.len, &end, 10) : 0;
    if (line && *end == ')') {
        px_buf_append(out, msg, (size_t)(at - msg) + key.len);
        px_buf_printf(out, "%llu%s", line + rd->line0, end);
    } else {
        px_buf_puts(out, msg);
    }
    px_buf_release(&key);
}

static void on_error(void *ud, const char *path, size_t line, px_result rc,
                     const char *msg) {
    const reading *rd = ud;
    px_buf m = PX_BUF_INIT;
    if (rc == PX_ERR_DUPLICATE && rd->line0) shift_first(rd, path, msg, &m);
    else px_buf_puts(&m, msg);
    pxmpi_shard_say(rd->cmd, path, (int)strlen(path),
           line ? (unsigned long long)(line + rd->line0) : 0, m.data);
    px_buf_release(&m);
}

/* Where an article was read ("path:line", the line counted in the whole
 * file) appended to out. */
static void origin_of(const reading *rd, const px_article *a, px_buf *out) {
    const char *o = a->origin ? a->origin : a->id, *colon = strrchr(o, ':');
    char *end;
    unsigned long long line = colon ? strtoull(colon + 1, &end, 10) : 0;
    if (colon && *end == 0 && line) {
        px_buf_append(out, o, (size_t)(colon - o));
        px_buf_printf(out, ":%llu", line + rd->line0);
    } else {
        px_buf_puts(out, o);
    }
}

static px_result flush(reading *rd) {
    px_result rc = px_corpus_add_texts(rd->corpus, rd->n, rd->ids, rd->texts,
                                       rd->lens, rd->threads, rd->rcs);
    px_buf where = PX_BUF_INIT;
    for (size_t i = 0; i < rd->n; i++) {
        px_buf_clear(&where);
        origin_of(rd, rd->art[i], &where);
        if (rd->rcs[i]) {
            pxmpi_shard_say(rd->cmd, where.data, (int)where.len, 0,
                   px_result_str(rd->rcs[i]));
            rd->nbad++;
        } else {
            pxmpi_origins_add(rd->origins, where.data, where.len);
        }
        px_article_free(rd->art[i]);
    }
    px_buf_release(&where);
    rd->n = 0;
    return rc;
}

/* Every article of r into the corpus. */
static px_result drain(reading *rd, px_reader *r) {
    px_result rc = PX_OK;
    px_article *a;
    while (!rc && !(rc = px_reader_next(r, &a)) && a) {
        rd->art[rd->n] = a;
        rd->ids[rd->n] = a->id;
        rd->texts[rd->n] = a->text ? a->text : "";
        rd->lens[rd->n++] = a->text_len;
        if (rd->n == BATCH) rc = flush(rd);
    }
    px_result frc = flush(rd);
    rd->nbad += px_reader_nerrors(r);
    return rc ? rc : frc;
}

/* Read slot s (its chunk ch when split) into rd->corpus. */
static px_result read_slot(reading *rd, const pxmpi_slot *s, const chunk *ch) {
    px_read_opts ro = {on_error, rd, 0};
    px_reader *r = NULL;
    if (s->split && !ch->len) return PX_OK;
    px_result rc = s->split
                       ? px_reader_new_mem(s->path, ch->data, ch->len, &ro, &r)
                       : px_reader_new(&s->path, 1, &ro, &r);
    if (!rc) rc = drain(rd, r);
    px_reader_free(r);
    return rc;
}

/* --------------------------------------------------------------- numbers */

/* Sum v[0..n) over all ranks, in place. */
static void sum_all(const pxmpi_comm *c, uint64_t *v, size_t n) {
    MPI_Allreduce(MPI_IN_PLACE, v, (int)n, MPI_UINT64_T, MPI_SUM, c->comm);
}

/* Kept documents of each slot of this rank into v (summed later). */
static void count_kept(const pxmpi_comm *c, const pxmpi_shard *s, uint64_t *v) {
    size_t d = 0;
    for (size_t i = 0; i < s->nslots; i++) {
        if (s->slots[i].owner != c->rank) continue;
        for (uint64_t k = 0; k < s->slots[i].nread; k++, d++)
            v[i] += s->global[d] != PXMPI_DROPPED;
    }
}

/* Number this rank's kept documents from `base` on, slot sl's part. */
static void number_slot(pxmpi_shard *s, const pxmpi_slot *sl, size_t *d,
                        size_t *k) {
    uint64_t g = sl->base;
    for (uint64_t i = 0; i < sl->nread; i++, ++*d) {
        if (s->global[*d] == PXMPI_DROPPED) continue;
        s->global[*d] = g++;
        s->kept[(*k)++] = (uint32_t)*d;
    }
}

/* Global bases, owner-local starts and each kept document's number. */
static void number(const pxmpi_comm *c, pxmpi_shard *s) {
    uint64_t *v = px_calloc(s->nslots + 1, sizeof *v);
    count_kept(c, s, v);
    sum_all(c, v, s->nslots);
    uint64_t *local = px_calloc((size_t)c->size, sizeof *local), g = 0;
    size_t d = 0, k = 0;
    for (size_t i = 0; i < s->nslots; i++) {
        pxmpi_slot *sl = &s->slots[i];
        sl->ndocs = v[i];
        sl->base = g;
        sl->local = local[sl->owner];
        if (sl->owner == c->rank) number_slot(s, sl, &d, &k);
        local[sl->owner] += sl->ndocs;
        g += sl->ndocs;
    }
    s->ndocs = g;
    px_free(local);
    px_free(v);
}

/* Lines before each split slot, from every rank's newline counts. */
static void line_offsets(const pxmpi_comm *c, pxmpi_shard *s, uint64_t *line0) {
    for (size_t i = 0; i < s->nslots; i++) line0[i] = s->slots[i].lines;
    sum_all(c, line0, s->nslots);
    uint64_t run = 0;
    for (size_t i = 0; i < s->nslots; i++) {
        uint64_t n = line0[i];
        if (!s->slots[i].split || s->slots[i].owner == 0) run = 0;
        line0[i] = run;
        run += n;
    }
}

/* Load the chunks of this rank's split slots (phase 1). */
static void load_chunks(const pxmpi_comm *c, const char *cmd, pxmpi_shard *s,
                        chunk *ch) {
    for (size_t i = 0; i < s->nslots; i++) {
        pxmpi_slot *sl = &s->slots[i];
        if (!sl->split || sl->owner != c->rank) continue;
        px_result rc = chunk_load(c, sl->path, &ch[i], &sl->lines);
        if (rc) {
            pxmpi_shard_say(cmd, sl->path, (int)strlen(sl->path), 0, px_result_str(rc));
            px_free(ch[i].data);
            ch[i] = (chunk){NULL, 0};
            s->nbad++;
        }
    }
}

px_result pxmpi_shard_read(const pxmpi_comm *c, const char *cmd,
                           char *const *paths, int n, unsigned threads,
                           pxmpi_shard *out) {
    pxmpi_shard s = {.rank = c->rank, .corpus = px_corpus_new()};
    s.slots = plan(c, paths, n, &s.nslots);
    chunk *ch = px_calloc(s.nslots + 1, sizeof *ch);
    uint64_t *line0 = px_calloc(s.nslots + 1, sizeof *line0);
    load_chunks(c, cmd, &s, ch);
    line_offsets(c, &s, line0);
    reading *rd = px_calloc(1, sizeof *rd);
    *rd = (reading){.cmd = cmd, .origins = &s.origins, .corpus = s.corpus,
                    .threads = threads};
    px_result rc = PX_OK;
    for (size_t i = 0; i < s.nslots && !rc; i++) {
        if (s.slots[i].owner != c->rank) continue;
        size_t before = px_corpus_size(s.corpus);
        rd->line0 = line0[i];
        rc = read_slot(rd, &s.slots[i], &ch[i]);
        s.slots[i].nread = px_corpus_size(s.corpus) - before;
    }
    if (rc) pxmpi_shard_say(cmd, "corpus", 6, 0, px_result_str(rc));
    s.nbad += rd->nbad;
    for (size_t i = 0; i < s.nslots; i++) px_free(ch[i].data);
    px_free(ch);
    px_free(line0);
    px_free(rd);
    uint64_t failed = pxmpi_sum(c, rc != PX_OK);
    size_t nc = px_corpus_size(s.corpus) + 1, ndup = 0;
    s.global = px_calloc(nc, sizeof *s.global);
    s.kept = px_calloc(nc, sizeof *s.kept);
    number(c, &s); /* provisional: every document */
    rc = pxmpi_ids_unique(c, cmd, &s, &ndup);
    s.nbad += ndup;
    number(c, &s);
    *out = s;
    return failed ? PX_ERR_IO : rc;
}

int pxmpi_shard_owner(const pxmpi_shard *s, uint64_t g, uint32_t *local) {
    size_t lo = 0, hi = s->nslots; /* last slot with base <= g */
    *local = 0;
    if (!hi) return -1;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->slots[mid].base <= g) lo = mid;
        else hi = mid;
    }
    uint64_t k = s->slots[lo].local + (g - s->slots[lo].base);
    *local = s->slots[lo].owner == s->rank ? s->kept[k] : (uint32_t)k;
    return s->slots[lo].owner;
}

void pxmpi_shard_release(pxmpi_shard *s) {
    px_corpus_free(s->corpus);
    px_free(s->slots);
    px_free(s->global);
    px_free(s->kept);
    pxmpi_origins_release(&s->origins);
    *s = (pxmpi_shard){0};
}
