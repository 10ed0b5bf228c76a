/*
 * corpus.c - the flat word store behind dedup and reuse (parallax/corpus.h).
 *
 * Layout: parallel arrays over all words of all documents (hash, start,
 * end), a document offset table off[0..n] into them, and the ids as one
 * NUL-separated byte string with its own offset table.  Appending grows the
 * arrays geometrically; nothing is ever moved between documents.
 *
 * File format (native little-endian, checked by an endianness mark):
 *   "PXCORP\0\0" u32 version u32 0x01020304
 *   u64 ndocs u64 nwords u64 idbytes
 *   u64 off[ndocs+1]  u8 ids[idbytes]  u32 hash[nwords]
 *   u32 start[nwords] u32 end[nwords]
 */
#include <errno.h>
#include <stdio.h>  /* FILE, rename */
#include <string.h> /* memcmp, strlen */

#include "index/parallel.h"
#include "parallax/corpus.h"

#define FORMAT_VERSION 1u
#define ENDIAN_MARK 0x01020304u
static const char magic[8] = "PXCORP\0";

struct px_corpus {
    uint32_t *hash, *start, *end;
    size_t nw, aw;
    size_t *off;   /* ndocs + 1 entries */
    size_t *idoff; /* ndocs entries into ids */
    size_t nd, ad;
    px_buf ids;
};

px_corpus *px_corpus_new(void) {
    px_corpus *c = px_calloc(1, sizeof *c);
    c->ad = 16;
    c->off = px_calloc(c->ad + 1, sizeof *c->off);
    c->idoff = px_calloc(c->ad, sizeof *c->idoff);
    return c;
}

void px_corpus_free(px_corpus *c) {
    if (!c) return;
    px_free(c->hash);
    px_free(c->start);
    px_free(c->end);
    px_free(c->off);
    px_free(c->idoff);
    px_buf_release(&c->ids);
    px_free(c);
}

static void grow_words(px_corpus *c, size_t need) {
    if (c->nw + need <= c->aw) return;
    size_t a = c->aw ? c->aw : 1024;
    while (a < c->nw + need) a *= 2;
    c->hash = px_realloc(c->hash, a * sizeof *c->hash);
    c->start = px_realloc(c->start, a * sizeof *c->start);
    c->end = px_realloc(c->end, a * sizeof *c->end);
    c->aw = a;
}

static void grow_docs(px_corpus *c) {
    if (c->nd < c->ad) return;
    c->ad *= 2;
    c->off = px_realloc(c->off, (c->ad + 1) * sizeof *c->off);
    c->idoff = px_realloc(c->idoff, c->ad * sizeof *c->idoff);
}

px_result px_corpus_add(px_corpus *c, const char *id, const px_doc *d,
                        uint32_t *docno) {
    if (c->nd >= PX_CORPUS_MAX_DOCS) return PX_ERR_TOOBIG;
    size_t n;
    const px_token *t = px_doc_tokens(d, &n);
    grow_docs(c);
    grow_words(c, n);
    for (size_t i = 0; i < n; i++) {
        c->hash[c->nw + i] = (uint32_t)t[i].hash;
        c->start[c->nw + i] = t[i].start;
        c->end[c->nw + i] = t[i].end;
    }
    c->nw += n;
    size_t idlen = id ? strlen(id) : 0;
    if (idlen > PX_CORPUS_MAX_ID) idlen = PX_CORPUS_MAX_ID;
    c->idoff[c->nd] = c->ids.len;
    px_buf_append(&c->ids, id ? id : "", idlen);
    px_buf_putc(&c->ids, '\0');
    if (docno) *docno = (uint32_t)c->nd;
    c->off[++c->nd] = c->nw;
    return PX_OK;
}

/* ------------------------------------------------------ threaded building */

typedef struct build_job {
    const char *const *texts;
    const size_t *lens;
    px_doc **docs;
    px_result *rcs;
} build_job;

static void build_range(void *ud, size_t from, size_t to, unsigned tid) {
    build_job *j = ud;
    (void)tid;
    for (size_t i = from; i < to; i++)
        j->rcs[i] = px_doc_new(j->texts[i], j->lens[i], NULL, &j->docs[i]);
}

px_result px_corpus_add_texts(px_corpus *c, size_t n, const char *const *ids,
                              const char *const *texts, const size_t *lens,
                              unsigned threads, px_result *rcs) {
    px_doc **docs = px_calloc(n ? n : 1, sizeof *docs);
    build_job j = {texts, lens, docs, rcs};
    px_parallel_for(px_threads(threads), n, 8, build_range, &j);
    px_result rc = PX_OK;
    for (size_t i = 0; i < n; i++) {
        if (!rc && !rcs[i]) rc = px_corpus_add(c, ids[i], docs[i], NULL);
        px_doc_free(docs[i]);
    }
    px_free(docs);
    return rc;
}

/* -------------------------------------------------------------- accessors */

size_t px_corpus_size(const px_corpus *c) { return c->nd; }

const char *px_corpus_id(const px_corpus *c, uint32_t docno) {
    return c->ids.data + c->idoff[docno];
}

const uint32_t *px_corpus_words(const px_corpus *c, uint32_t docno,
                                size_t *n) {
    *n = c->off[docno + 1] - c->off[docno];
    return c->hash + c->off[docno];
}

px_span px_corpus_span(const px_corpus *c, uint32_t docno, size_t from,
                       size_t to) {
    size_t base = c->off[docno];
    px_span s = {c->start[base + from], c->end[base + to - 1]};
    return s;
}

/* ---------------------------------------------------------------- file io */

typedef struct file_head {
    char magic[8];
    uint32_t version, endian;
    uint64_t ndocs, nwords, idbytes;
} file_head;

static int write_all(FILE *f, const void *p, size_t size, size_t n) {
    return n == 0 || fwrite(p, size, n, f) == n;
}

px_result px_corpus_save(const px_corpus *c, const char *path) {
    px_buf tmp = PX_BUF_INIT;
    px_buf_printf(&tmp, "%s.tmp", path);
    FILE *f = fopen(tmp.data, "wb");
    if (!f) {
        px_buf_release(&tmp);
        return PX_ERR_IO;
    }
    file_head h = {{0}, FORMAT_VERSION, ENDIAN_MARK, c->nd, c->nw, c->ids.len};
    memcpy(h.magic, magic, sizeof h.magic);
    uint64_t *off = px_malloc((c->nd + 1) * sizeof *off);
    for (size_t i = 0; i <= c->nd; i++) off[i] = c->off[i];
    int ok = write_all(f, &h, sizeof h, 1) &&
             write_all(f, off, sizeof *off, c->nd + 1) &&
             write_all(f, c->ids.data, 1, c->ids.len) &&
             write_all(f, c->hash, 4, c->nw) &&
             write_all(f, c->start, 4, c->nw) &&
             write_all(f, c->end, 4, c->nw);
    px_free(off);
    ok = (fclose(f) == 0) && ok;
    if (ok) ok = rename(tmp.data, path) == 0;
    if (!ok) remove(tmp.data);
    px_buf_release(&tmp);
    return ok ? PX_OK : PX_ERR_IO;
}

static int read_all(FILE *f, void *p, size_t size, size_t n) {
    return n == 0 || fread(p, size, n, f) == n;
}

/* Check every offset of a freshly read corpus; 1 if sound. */
static int corpus_valid(const px_corpus *c, const uint64_t *off) {
    if (off[0] != 0 || off[c->nd] != c->nw) return 0;
    for (size_t i = 0; i < c->nd; i++)
        if (off[i] > off[i + 1]) return 0;
    if (c->ids.len && c->ids.data[c->ids.len - 1] != '\0') return 0;
    size_t k = 0;
    for (size_t i = 0; i < c->ids.len && k <= c->nd; i++)
        if (c->ids.data[i] == '\0') k++;
    if (k != c->nd) return 0;
    for (size_t i = 0; i < c->nw; i++)
        if (c->start[i] > c->end[i]) return 0;
    return 1;
}

/* Size limits a header must respect before anything is allocated. */
static int head_sane(const file_head *h, uint64_t fsize) {
    if (h->ndocs > PX_CORPUS_MAX_DOCS) return 0;
    uint64_t need = sizeof *h + (h->ndocs + 1) * 8 + h->idbytes;
    if (h->nwords > fsize / 12 || h->idbytes > fsize) return 0;
    return need + h->nwords * 12 == fsize;
}

static px_result read_body(FILE *f, const file_head *h, px_corpus *c) {
    c->nd = c->ad = (size_t)h->ndocs;
    c->nw = c->aw = (size_t)h->nwords;
    uint64_t *off = px_malloc((c->nd + 1) * sizeof *off);
    c->off = px_realloc(c->off, (c->nd + 1) * sizeof *c->off);
    c->idoff = px_realloc(c->idoff, (c->nd ? c->nd : 1) * sizeof *c->idoff);
    c->hash = px_malloc((c->nw ? c->nw : 1) * 4);
    c->start = px_malloc((c->nw ? c->nw : 1) * 4);
    c->end = px_malloc((c->nw ? c->nw : 1) * 4);
    px_buf_append(&c->ids, "", 0);
    c->ids.data = px_realloc(c->ids.data, h->idbytes + 1);
    c->ids.alloc = h->idbytes + 1;
    c->ids.len = h->idbytes;
    c->ids.data[c->ids.len] = '\0';
    int ok = read_all(f, off, 8, c->nd + 1) &&
             read_all(f, c->ids.data, 1, c->ids.len) &&
             read_all(f, c->hash, 4, c->nw) &&
             read_all(f, c->start, 4, c->nw) &&
             read_all(f, c->end, 4, c->nw) && corpus_valid(c, off);
    for (size_t i = 0, k = 0; ok && i <= c->nd; i++) {
        c->off[i] = (size_t)off[i];
        if (i == c->nd) break;
        c->idoff[i] = k;
        k += strlen(c->ids.data + k) + 1;
    }
    px_free(off);
    return ok ? PX_OK : PX_ERR_PARSE;
}

px_result px_corpus_load(const char *path, px_corpus **out) {
    FILE *f = fopen(path, "rb");
    if (!f) return errno == ENOENT ? PX_ERR_NOTFOUND : PX_ERR_IO;
    file_head h;
    px_result rc = PX_ERR_PARSE;
    px_corpus *c = NULL;
    if (fseek(f, 0, SEEK_END) != 0) goto out;
    long fsize = ftell(f);
    rewind(f);
    if (fsize < 0 || !read_all(f, &h, sizeof h, 1) ||
        memcmp(h.magic, magic, sizeof magic) != 0 || h.endian != ENDIAN_MARK)
        goto out;
    if (h.version > FORMAT_VERSION) {
        rc = PX_ERR_SCHEMA;
        goto out;
    }
    if (!head_sane(&h, (uint64_t)fsize)) goto out;
    c = px_corpus_new();
    rc = read_body(f, &h, c);
out:
    fclose(f);
    if (rc) px_corpus_free(c);
    else *out = c;
    return rc;
}
