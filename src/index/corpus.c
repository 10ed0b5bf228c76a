/*
 * corpus.c - the flat word store behind dedup and reuse (parallax/corpus.h)
 * and its append-only index file.
 *
 * In memory: one array of word hashes over all documents added, a document
 * offset table into it, and the ids as one NUL-separated byte string with
 * its own offset table: 4 bytes a word.  The original spans (8 bytes a
 * word, needed only to report the few passages found) are spilled to an
 * unlinked temporary file in blocks and read back with pread(), so the
 * resident memory of a million articles stays near 1.6 GB; the last block
 * is still in memory and read from there.
 *
 * On disk (native little-endian, checked by an endianness mark):
 *
 *   file     "PXCORP\0\0" u32 version u32 0x01020304, then segments
 *            (version 3: words of unspaced scripts are letter units, see
 *            "word units" below; older files are refused, not converted)
 *   segment  seg_head (below)
 *            u64 off[ndocs+1]  u8 ids[idbytes]  pad to 8
 *            u32 hash[nwords] u32 start[nwords] u32 end[nwords]  pad to 8
 *            px_kv bands[nbands]  px_kv anchors[nanchors]
 *
 * Each run appends one segment (O(new documents)), never rewriting the
 * old ones.  Loading maps the file read-only, so a million-article index
 * opens in milliseconds and only the pages a match touches are read.  Every
 * size and document offset is checked at load; key values are checked where
 * they are used; a damaged or truncated file is refused.
 */
#include <errno.h>
#include <fcntl.h>    /* open */
#include <stdio.h>    /* FILE */
#include <stdlib.h>   /* mkstemp, getenv */
#include <string.h>   /* memcmp, strlen */
#include <sys/mman.h> /* mmap */
#include <sys/stat.h> /* fstat */
#include <unistd.h>   /* close */

#include <utf8proc.h>

#include "clean/script.h"
#include "core/array.h"
#include "core/utf8.h"
#include "index/corpus_int.h"
#include "index/parallel.h"

#define FORMAT_VERSION 3u /* 3: words of unspaced scripts cut into units */
#define ENDIAN_MARK    0x01020304u
static const char file_magic[8] = "PXCORP\0";
static const char seg_magic[8] = "PXSEG\0\0";

typedef struct file_head {
    char magic[8];
    uint32_t version, endian;
} file_head;

typedef struct seg_head {
    char magic[8];
    uint64_t ndocs, nwords, idbytes, nbands, nanchors;
    uint64_t band_params, anchor_params;
} seg_head;

/* A mapped segment: the public part plus its arrays. */
typedef struct seg {
    px_corpus_seg pub;
    const uint64_t *off;
    const char *ids;
    size_t *idoff; /* owned */
    const uint32_t *hash, *start, *end;
} seg;

struct px_corpus {
    void *map; /* the mapped file, or NULL */
    size_t map_len;
    seg *seg;
    size_t nseg, nbase;
    /* documents added in memory: numbers nbase + i */
    uint32_t *hash;
    size_t nw, aw;
    int span_fd;        /* spill file of (start, end) pairs, -1: none yet */
    uint32_t *span_buf; /* pairs of words [span_flushed, nw) */
    size_t span_flushed, span_alloc; /* span_alloc: words span_buf holds */
    size_t *off;                     /* nd + 1 entries */
    size_t *idoff;                   /* nd entries into ids */
    size_t nd, ad;
    px_buf ids;
};

px_corpus *px_corpus_new(void) {
    px_corpus *c = px_calloc(1, sizeof *c);
    c->span_fd = -1;
    c->ad = 16;
    c->off = px_calloc(c->ad + 1, sizeof *c->off);
    c->idoff = px_calloc(c->ad, sizeof *c->idoff);
    return c;
}

void px_corpus_free(px_corpus *c) {
    if (!c) return;
    for (size_t i = 0; i < c->nseg; i++) px_free(c->seg[i].idoff);
    px_free(c->seg);
    if (c->map) munmap(c->map, c->map_len);
    px_free(c->hash);
    px_free(c->span_buf);
    if (c->span_fd >= 0) close(c->span_fd);
    px_free(c->off);
    px_free(c->idoff);
    px_buf_release(&c->ids);
    px_free(c);
}

#define SPAN_BLOCK ((size_t)1 << 17) /* words of spans kept in memory */

static void grow_words(px_corpus *c, size_t need) {
    c->hash =
        px_array_grow(c->hash, &c->aw, c->nw + need, 1024, sizeof *c->hash);
}

static void grow_docs(px_corpus *c) {
    if (c->nd < c->ad) return;
    c->ad *= 2;
    c->off = px_realloc(c->off, (c->ad + 1) * sizeof *c->off);
    c->idoff = px_realloc(c->idoff, c->ad * sizeof *c->idoff);
}

/* An unlinked temporary file ($TMPDIR or /tmp), or -1. */
static int spill_open(void) {
    const char *dir = getenv("TMPDIR");
    px_buf path = PX_BUF_INIT;
    px_buf_printf(&path, "%s/parallax-spans-XXXXXX",
                  dir && *dir ? dir : "/tmp");
    int fd = mkostemp(path.data, O_CLOEXEC);
    if (fd >= 0) unlink(path.data);
    px_buf_release(&path);
    return fd;
}

/* Make room for n more spans in memory, writing the block out when full;
 * PX_ERR_IO (nothing changed) if the spill file cannot be written. */
static px_result spans_room(px_corpus *c, size_t n) {
    size_t held = c->nw - c->span_flushed;
    if (held + n <= c->span_alloc) return PX_OK;
    if (held && held + n > SPAN_BLOCK) {
        if (c->span_fd < 0 && (c->span_fd = spill_open()) < 0) return PX_ERR_IO;
        size_t bytes = held * 8;
        if (pwrite(c->span_fd, c->span_buf, bytes,
                   (off_t)(c->span_flushed * 8)) != (ssize_t)bytes)
            return PX_ERR_IO;
        c->span_flushed = c->nw;
        held = 0;
    }
    if (held + n > c->span_alloc) {
        c->span_alloc = held + n > SPAN_BLOCK ? held + n : SPAN_BLOCK;
        c->span_buf = px_realloc(c->span_buf, c->span_alloc * 8);
    }
    return PX_OK;
}

/* ------------------------------------------------------------ word units */

/*
 * The units matched are the px_doc word tokens, except in scripts written
 * without spaces between words (px_script_unspaced: Chinese, Japanese,
 * Thai, Lao, Myanmar, Khmer), where a token is a whole clause that never
 * recurs.  Such a token is cut, without a dictionary, into letters (each
 * with the combining marks that follow it: a Thai vowel or tone mark stays
 * with its consonant) and runs of other characters ("nhk" of "NHKによると",
 * the digits of "12人"), and these give the units:
 *   - a Han or kana letter is a unit: a syllable or a morpheme;
 *   - a run of Thai (Lao, Myanmar, Khmer) letters gives its overlapping
 *     letter trigrams, about a syllable each (a run of 1-2 letters is one
 *     unit): single letters of an alphabet of ~45 are so common that the
 *     4-unit anchors of reuse would hit each other everywhere (63 s instead
 *     of 5 s on the bench corpus, bench/README.md);
 *   - a run of other characters is one unit, hashed as the same word alone.
 * A shingle of 5 units is then 5 Han letters or 7 Thai ones, a reuse
 * passage of 15 units 15 or 17 (docs/dedup.md).  Every unit keeps its span
 * in ORIGINAL bytes: a letter starts where its first normalised byte maps
 * back to and ends where the next one starts (the token's end for the
 * last); letters that one original character normalised into ("㍿" ->
 * "株式会社") map to the same start and are kept as one, so spans are
 * never empty; a trigram spans its three letters (trigrams overlap, their
 * starts and ends increase).  Documents without a byte >= 0xE0 (Latin,
 * Greek, Cyrillic, Arabic text) never look at their tokens' bytes: each
 * token is one unit with its own hash, as before.
 */

/* 1 if the normalised token s[0..n) holds a letter of an unspaced script. */
static int tok_unspaced(const unsigned char *s, size_t n) {
    for (size_t k = 0; k < n; k++) {
        int32_t cp;
        size_t l;
        if (s[k] >= 0xE0 && (l = px_utf8_decode(s + k, n - k, &cp))) {
            if (px_script_unspaced(cp)) return 1;
            k += l - 1;
        }
    }
    return 0;
}

static int is_mark(int32_t cp) {
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
           c == UTF8PROC_CATEGORY_ME;
}

/* Bytes of the letter (with its marks) or run of other characters at
 * s[k..n) (k < n); *kind receives px_script_unspaced of the letter, 0 for
 * a run. */
static size_t piece_len(const unsigned char *s, size_t k, size_t n,
                        uint8_t *kind) {
    int32_t cp;
    size_t l = px_utf8_decode(s + k, n - k, &cp), e;
    int letter = l ? px_script_unspaced(cp) : 0;
    for (e = k + (l ? l : 1); e < n; e += l ? l : 1) {
        l = px_utf8_decode(s + e, n - e, &cp);
        if (l && px_script_unspaced(cp)) break;   /* a letter starts anew */
        if (letter && !(l && is_mark(cp))) break; /* it takes only marks */
    }
    *kind = (uint8_t)letter;
    return e - k;
}

/* Scratch of tok_units: per piece, its first byte in the token's
 * normalised form and its kind. */
typedef struct piece_buf {
    uint32_t *from;
    uint8_t *kind;
} piece_buf;

/* Write the units of token t (see above) to hash[] and sp[] (start, end
 * pairs); returns their number, at most t->norm_len.  The pieces are laid
 * out in sp first and the units written over them (never ahead). */
static size_t tok_units(const px_doc *d, const px_token *t, const char *norm,
                        piece_buf *pb, uint32_t *hash, uint32_t *sp) {
    const unsigned char *s = (const unsigned char *)norm + t->norm_off;
    size_t n = t->norm_len, np = 0, nu = 0;
    uint8_t kind;
    pb->from[0] = 0, sp[0] = t->start;
    for (size_t k = piece_len(s, 0, n, &pb->kind[0]); k < n;) {
        size_t l = piece_len(s, k, n, &kind);
        size_t at = px_doc_norm_to_orig(d, t->norm_off + k);
        if (at > sp[2 * np] && at < t->end) { /* else one with the last */
            sp[2 * np + 1] = (uint32_t)at;
            np++;
            pb->from[np] = (uint32_t)k, pb->kind[np] = kind;
            sp[2 * np] = (uint32_t)at;
        }
        k += l;
    }
    sp[2 * np + 1] = t->end;
    np++;
    for (size_t i = 0, j; i < np; i = j) {
        j = i + 1;
        if (pb->kind[i] == PX_UNSPACED_ALPHA)
            while (j < np && pb->kind[j] == PX_UNSPACED_ALPHA) j++;
        size_t w = j - i < 3 ? j - i : 3; /* pieces per unit */
        for (size_t q = i; q + w <= j; q++, nu++) {
            size_t from = pb->from[q], to = q + w < np ? pb->from[q + w] : n;
            uint32_t start = sp[2 * q], end = sp[2 * (q + w - 1) + 1];
            hash[nu] = (uint32_t)px_hash64(s + from, to - from, 0);
            sp[2 * nu] = start, sp[2 * nu + 1] = end;
        }
    }
    return nu;
}

/* Token t is cut into units (see above). */
static int tok_cut(const px_token *t, const char *norm) {
    return t->norm_len &&
           tok_unspaced((const unsigned char *)norm + t->norm_off, t->norm_len);
}

/* 1 if s[0..n) has a byte >= 0xE0 (a lead byte of 3 or 4): one pass in
 * blocks the compiler vectorises, so that a document without any (every
 * Latin, Greek, Cyrillic or Arabic one) never looks at its tokens' bytes. */
static int has_wide(const unsigned char *s, size_t n) {
    size_t i = 0;
    for (; i + 64 <= n; i += 64) {
        unsigned any = 0;
        for (size_t j = 0; j < 64; j++) any |= s[i + j] >= 0xE0;
        if (any) return 1;
    }
    for (; i < n; i++)
        if (s[i] >= 0xE0) return 1;
    return 0;
}

px_result px_corpus_add(px_corpus *c, const char *id, const px_doc *d,
                        uint32_t *docno) {
    if (c->nbase + c->nd >= PX_CORPUS_MAX_DOCS) return PX_ERR_TOOBIG;
    size_t n, nlen, room = 0, most = 0; /* room: bound of the units */
    const px_token *t = px_doc_tokens(d, &n);
    const char *norm = px_doc_norm(d, &nlen);
    /* cut[i]: token i is cut into units (only a wide document has any) */
    uint8_t *cut = has_wide((const unsigned char *)norm, nlen)
                       ? px_malloc(n ? n : 1)
                       : NULL;
    for (size_t i = 0; i < n; i++) {
        if (cut) cut[i] = (uint8_t)tok_cut(&t[i], norm);
        size_t k = cut && cut[i] ? t[i].norm_len : 0;
        room += k ? k : 1;
        if (k > most) most = k; /* the longest token cut */
    }
    if (spans_room(c, room)) {
        px_free(cut);
        return PX_ERR_IO;
    }
    grow_docs(c);
    grow_words(c, room);
    piece_buf pb = {NULL, NULL};
    if (most) {
        pb.from = px_malloc(most * sizeof *pb.from);
        pb.kind = px_malloc(most);
    }
    uint32_t *sp = c->span_buf + (c->nw - c->span_flushed) * 2;
    uint32_t *h = c->hash + c->nw;
    size_t nu = 0;
    for (size_t i = 0; i < n; i++) {
        if (cut && cut[i]) {
            nu += tok_units(d, &t[i], norm, &pb, h + nu, sp + 2 * nu);
            continue;
        }
        h[nu] = (uint32_t)t[i].hash;
        sp[2 * nu] = t[i].start;
        sp[2 * nu + 1] = t[i].end;
        nu++;
    }
    px_free(pb.from);
    px_free(pb.kind);
    px_free(cut);
    c->nw += nu;
    size_t idlen = id ? strlen(id) : 0;
    if (idlen > PX_CORPUS_MAX_ID) idlen = PX_CORPUS_MAX_ID;
    c->idoff[c->nd] = c->ids.len;
    px_buf_append(&c->ids, id ? id : "", idlen);
    px_buf_putc(&c->ids, '\0');
    if (docno) *docno = (uint32_t)(c->nbase + c->nd);
    c->off[++c->nd] = c->nw;
    return PX_OK;
}

/* Spans (start, end pairs) of in-memory words [from, from + n) into out;
 * 0 on success. */
static int spans_read(const px_corpus *c, size_t from, size_t n,
                      uint32_t *out) {
    while (n && from < c->span_flushed) {
        size_t k = c->span_flushed - from < n ? c->span_flushed - from : n;
        if (pread(c->span_fd, out, k * 8, (off_t)(from * 8)) !=
            (ssize_t)(k * 8))
            return -1;
        from += k, out += 2 * k, n -= k;
    }
    if (n) memcpy(out, c->span_buf + (from - c->span_flushed) * 2, n * 8);
    return 0;
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

/* Documents built at once: bounds the memory of the px_doc views (tens of
 * kilobytes per article) whatever n the caller passes. */
#define BUILD_CHUNK 2048

px_result px_corpus_add_texts(px_corpus *c, size_t n, const char *const *ids,
                              const char *const *texts, const size_t *lens,
                              unsigned threads, px_result *rcs) {
    size_t chunk = n < BUILD_CHUNK ? n : BUILD_CHUNK;
    px_doc **docs = px_calloc(chunk ? chunk : 1, sizeof *docs);
    px_result rc = PX_OK;
    for (size_t at = 0; at < n; at += chunk) {
        size_t m = n - at < chunk ? n - at : chunk;
        build_job j = {texts + at, lens + at, docs, rcs + at};
        px_parallel_for(px_threads(threads), m, 8, build_range, &j);
        for (size_t i = 0; i < m; i++) {
            if (!rc && !rcs[at + i])
                rc = px_corpus_add(c, ids[at + i], docs[i], NULL);
            px_doc_free(docs[i]);
        }
    }
    px_free(docs);
    return rc;
}

/* -------------------------------------------------------------- accessors */

size_t px_corpus_size(const px_corpus *c) {
    return c->nbase + c->nd;
}
size_t px_corpus_nbase(const px_corpus *c) {
    return c->nbase;
}
size_t px_corpus_nsegs(const px_corpus *c) {
    return c->nseg;
}

const px_corpus_seg *px_corpus_seg_at(const px_corpus *c, size_t i) {
    return &c->seg[i].pub;
}

/* The mapped segment holding document d (< nbase). */
static const seg *seg_of(const px_corpus *c, size_t d) {
    size_t lo = 0, hi = c->nseg - 1;
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        if (c->seg[mid].pub.doc_base <= d)
            lo = mid;
        else
            hi = mid - 1;
    }
    return &c->seg[lo];
}

const char *px_corpus_id(const px_corpus *c, uint32_t docno) {
    if (docno >= c->nbase) return c->ids.data + c->idoff[docno - c->nbase];
    const seg *s = seg_of(c, docno);
    return s->ids + s->idoff[docno - s->pub.doc_base];
}

const uint32_t *px_corpus_words(const px_corpus *c, uint32_t docno, size_t *n) {
    if (docno >= c->nbase) {
        size_t i = docno - c->nbase;
        *n = c->off[i + 1] - c->off[i];
        return c->hash + c->off[i];
    }
    const seg *s = seg_of(c, docno);
    size_t i = docno - s->pub.doc_base;
    *n = (size_t)(s->off[i + 1] - s->off[i]);
    return s->hash + s->off[i];
}

px_span px_corpus_span(const px_corpus *c, uint32_t docno, size_t from,
                       size_t to) {
    if (docno >= c->nbase) {
        size_t base = c->off[docno - c->nbase];
        uint32_t a[2] = {0, 0}, b[2] = {0, 0}; /* an unreadable spill: 0 */
        spans_read(c, base + from, 1, a);
        spans_read(c, base + to - 1, 1, b);
        return (px_span){a[0], b[1]};
    }
    const seg *s = seg_of(c, docno);
    size_t base = (size_t)s->off[docno - s->pub.doc_base];
    return (px_span){s->start[base + from], s->end[base + to - 1]};
}

const px_seg_keys *px_corpus_keys(const px_corpus *c, size_t i,
                                  px_key_kind kind, uint64_t params) {
    const px_seg_keys *k =
        kind == PX_KEYS_BANDS ? &c->seg[i].pub.bands : &c->seg[i].pub.anchors;
    return k->params == params ? k : NULL;
}

size_t px_corpus_unkeyed(const px_corpus *c, px_key_kind kind, uint64_t params,
                         px_range **out) {
    px_range *r = px_malloc((c->nseg + 1) * sizeof *r);
    size_t n = 0;
    for (size_t i = 0; i < c->nseg; i++) {
        const px_corpus_seg *s = &c->seg[i].pub;
        if (px_corpus_keys(c, i, kind, params) || !s->nd) continue;
        if (n && r[n - 1].to == s->doc_base)
            r[n - 1].to += s->nd;
        else
            r[n++] = (px_range){s->doc_base, s->doc_base + s->nd};
    }
    if (c->nd) {
        if (n && r[n - 1].to == c->nbase)
            r[n - 1].to += c->nd;
        else
            r[n++] = (px_range){c->nbase, c->nbase + c->nd};
    }
    *out = r;
    return n;
}

size_t px_kv_lower(const px_kv *v, size_t n, uint64_t k) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].key < k)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* ---------------------------------------------------------------- writing */

static int write_all(FILE *f, const void *p, size_t size, size_t n) {
    return n == 0 || fwrite(p, size, n, f) == n;
}

static int write_pad(FILE *f, uint64_t len) {
    static const char zero[8];
    return write_all(f, zero, 1, (size_t)((8 - len % 8) % 8));
}

/* One column (0 start, 1 end) of the in-memory spans, in blocks. */
static int write_span_column(FILE *f, const px_corpus *c, int col) {
    uint32_t *pairs = px_malloc(SPAN_BLOCK * 8),
             *one = px_malloc(SPAN_BLOCK * 4);
    int ok = 1;
    for (size_t at = 0; ok && at < c->nw; at += SPAN_BLOCK) {
        size_t n = c->nw - at < SPAN_BLOCK ? c->nw - at : SPAN_BLOCK;
        ok = spans_read(c, at, n, pairs) == 0;
        for (size_t i = 0; i < n; i++) one[i] = pairs[2 * i + col];
        ok = ok && write_all(f, one, 4, n);
    }
    px_free(pairs);
    px_free(one);
    return ok;
}

/* The in-memory documents as one segment body after its header. */
static int write_docs(FILE *f, const px_corpus *c) {
    uint64_t *off = px_malloc((c->nd + 1) * sizeof *off);
    for (size_t i = 0; i <= c->nd; i++) off[i] = c->off[i];
    int ok = write_all(f, off, sizeof *off, c->nd + 1) &&
             write_all(f, c->ids.data, 1, c->ids.len) &&
             write_pad(f, c->ids.len) && write_all(f, c->hash, 4, c->nw) &&
             write_span_column(f, c, 0) && write_span_column(f, c, 1) &&
             write_pad(f, (uint64_t)c->nw * 12);
    px_free(off);
    return ok;
}

px_result px_corpus_append(const px_corpus *c, const char *path,
                           const px_seg_keys *bands,
                           const px_seg_keys *anchors) {
    FILE *f = fopen(path, "ab");
    if (!f) return PX_ERR_IO;
    int ok = 1;
    if (ftell(f) == 0) {
        file_head h = {{0}, FORMAT_VERSION, ENDIAN_MARK};
        memcpy(h.magic, file_magic, sizeof h.magic);
        ok = write_all(f, &h, sizeof h, 1);
    }
    seg_head s = {{0},      c->nd,      c->nw,         c->ids.len,
                  bands->n, anchors->n, bands->params, anchors->params};
    memcpy(s.magic, seg_magic, sizeof s.magic);
    ok = ok && write_all(f, &s, sizeof s, 1) && write_docs(f, c) &&
         write_all(f, bands->v, sizeof *bands->v, bands->n) &&
         write_all(f, anchors->v, sizeof *anchors->v, anchors->n);
    ok = fflush(f) == 0 && fsync(fileno(f)) == 0 && ok;
    ok = fclose(f) == 0 && ok;
    return ok ? PX_OK : PX_ERR_IO;
}

/* ---------------------------------------------------------------- loading */

static uint64_t pad8(uint64_t n) {
    return (n + 7) & ~(uint64_t)7;
}

/* Bytes of a segment's body, or 0 when its counts cannot fit in `room`. */
static uint64_t seg_size(const seg_head *h, uint64_t room) {
    if (h->ndocs > PX_CORPUS_MAX_DOCS || h->nwords > room / 12 ||
        h->idbytes > room || h->nbands > room / 16 || h->nanchors > room / 16)
        return 0;
    return (h->ndocs + 1) * 8 + pad8(h->idbytes) + pad8(h->nwords * 12) +
           (h->nbands + h->nanchors) * 16;
}

/* Check and index one segment's documents; 1 if sound. */
static int seg_check(seg *s, const seg_head *h) {
    if (s->off[0] != 0 || s->off[h->ndocs] != h->nwords) return 0;
    for (size_t i = 0; i < h->ndocs; i++)
        if (s->off[i] > s->off[i + 1]) return 0;
    if (h->ndocs && (h->idbytes == 0 || s->ids[h->idbytes - 1] != '\0'))
        return 0;
    s->idoff = px_malloc((h->ndocs ? h->ndocs : 1) * sizeof *s->idoff);
    size_t k = 0;
    for (size_t i = 0; i < h->idbytes; i++) {
        if (i == 0 || s->ids[i - 1] == '\0') {
            if (k == h->ndocs) return 0;
            s->idoff[k++] = i;
        }
    }
    return k == h->ndocs;
}

/* Map one segment at p (room bytes left); its size, 0 if damaged. */
static uint64_t seg_map(const char *p, uint64_t room, size_t doc_base, seg *s) {
    seg_head h;
    if (room < sizeof h) return 0;
    memcpy(&h, p, sizeof h);
    uint64_t body = seg_size(&h, room);
    if (memcmp(h.magic, seg_magic, sizeof seg_magic) || !body ||
        body > room - sizeof h)
        return 0;
    const char *q = p + sizeof h;
    s->off = (const uint64_t *)q;
    s->ids = q + (h.ndocs + 1) * 8;
    s->hash = (const uint32_t *)(s->ids + pad8(h.idbytes));
    s->start = s->hash + h.nwords;
    s->end = s->start + h.nwords;
    const px_kv *kv =
        (const px_kv *)((const char *)s->hash + pad8(h.nwords * 12));
    s->pub =
        (px_corpus_seg){doc_base,
                        (size_t)h.ndocs,
                        {kv, (size_t)h.nbands, h.band_params},
                        {kv + h.nbands, (size_t)h.nanchors, h.anchor_params}};
    return seg_check(s, &h) ? sizeof h + body : 0;
}

static px_result map_segments(px_corpus *c) {
    const char *p = c->map;
    uint64_t at = sizeof(file_head);
    size_t alloc = 0;
    while (at < c->map_len) {
        c->seg = px_array_grow(c->seg, &alloc, c->nseg + 1, 8, sizeof *c->seg);
        seg *s = &c->seg[c->nseg];
        memset(s, 0, sizeof *s);
        uint64_t n = seg_map(p + at, c->map_len - at, c->nbase, s);
        c->nseg++; /* counted even when bad, so its idoff is freed */
        if (!n || c->nbase + s->pub.nd > PX_CORPUS_MAX_DOCS)
            return PX_ERR_PARSE;
        c->nbase += s->pub.nd;
        at += n;
    }
    return PX_OK;
}

px_result px_corpus_load(const char *path, px_corpus **out) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno == ENOENT ? PX_ERR_NOTFOUND : PX_ERR_IO;
    struct stat st;
    file_head h;
    px_result rc = PX_ERR_PARSE;
    px_corpus *c = px_corpus_new();
    if (fstat(fd, &st) != 0 || (size_t)st.st_size < sizeof h) goto out;
    c->map_len = (size_t)st.st_size;
    c->map = mmap(NULL, c->map_len, PROT_READ, MAP_PRIVATE, fd, 0);
    if (c->map == MAP_FAILED) {
        c->map = NULL;
        rc = PX_ERR_IO;
        goto out;
    }
    memcpy(&h, c->map, sizeof h);
    if (memcmp(h.magic, file_magic, sizeof file_magic) ||
        h.endian != ENDIAN_MARK)
        goto out;
    rc = h.version > FORMAT_VERSION   ? PX_ERR_SCHEMA
         : h.version < FORMAT_VERSION ? PX_ERR_UNSUPPORTED
                                      : map_segments(c);
out:
    close(fd);
    if (rc)
        px_corpus_free(c);
    else
        *out = c;
    return rc;
}
