/*
 * stream.c - buffered byte streams with gzip/zstd decoding (see stream.h).
 *
 * Design: raw bytes from a file descriptor or a memory buffer land in `in`;
 * the codec (chosen once from the first four bytes) moves them into `out`,
 * from which peek/getline/slurp consume.  `out` is compacted before each
 * refill so peeks of up to its size always succeed.  Corrupt or truncated
 * compressed data is an error of the stream, never undefined behaviour.
 */
#include <errno.h>  /* errno */
#include <fcntl.h>  /* open */
#include <string.h> /* memchr, memcpy, memmove */
#include <unistd.h> /* read, close */
#include <zlib.h>
#include <zstd.h>

#include "read/stream.h"

#define STREAM_CHUNK ((size_t)64 << 10)

typedef enum codec { CODEC_UNKNOWN, CODEC_RAW, CODEC_GZIP, CODEC_ZSTD } codec;

struct px_stream {
    int fd, own_fd;           /* -1 for memory streams */
    const unsigned char *mem; /* memory source, or NULL */
    size_t mem_len, mem_pos;
    codec codec;
    z_stream z;
    int z_live, z_end; /* inflate initialised / member ended */
    ZSTD_DStream *zs;
    size_t zs_last; /* last ZSTD_decompressStream result */
    unsigned char in[STREAM_CHUNK];
    size_t in_pos, in_len;
    int in_eof;
    unsigned char out[STREAM_CHUNK];
    size_t out_pos, out_len;
    int eof; /* no more decoded bytes */
};

px_result px_stream_open_file(const char *path, px_stream **out) {
    int stdin_ = path[0] == '-' && path[1] == '\0';
    int fd = stdin_ ? 0 : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return PX_ERR_IO;
    px_stream *s = px_calloc(1, sizeof *s);
    s->fd = fd;
    s->own_fd = !stdin_;
    *out = s;
    return PX_OK;
}

px_stream *px_stream_open_mem(const void *p, size_t n) {
    px_stream *s = px_calloc(1, sizeof *s);
    s->fd = -1;
    s->mem = p;
    s->mem_len = n;
    return s;
}

void px_stream_free(px_stream *s) {
    if (!s) return;
    if (s->own_fd) close(s->fd);
    if (s->z_live) inflateEnd(&s->z);
    ZSTD_freeDStream(s->zs);
    px_free(s);
}

/* Append source bytes to `in` after in_len; sets in_eof at the end. */
static px_result raw_read(px_stream *s) {
    size_t room = STREAM_CHUNK - s->in_len, k = 0;
    if (s->mem) {
        k = s->mem_len - s->mem_pos < room ? s->mem_len - s->mem_pos : room;
        memcpy(s->in + s->in_len, s->mem + s->mem_pos, k);
        s->mem_pos += k;
    } else {
        ssize_t r;
        do r = read(s->fd, s->in + s->in_len, room);
        while (r < 0 && errno == EINTR);
        if (r < 0) return PX_ERR_IO;
        k = (size_t)r;
    }
    s->in_len += k;
    if (!k) s->in_eof = 1;
    return PX_OK;
}

/* Refill `in` when it has been consumed. */
static px_result raw_fill(px_stream *s) {
    if (s->in_pos < s->in_len || s->in_eof) return PX_OK;
    s->in_pos = s->in_len = 0;
    return raw_read(s);
}

/* Choose the codec from the magic bytes at the start of the source. */
static px_result detect(px_stream *s) {
    while (s->in_len < 4 && !s->in_eof) {
        px_result rc = raw_read(s);
        if (rc) return rc;
    }
    const unsigned char *m = s->in;
    s->codec = CODEC_RAW;
    if (s->in_len >= 2 && m[0] == 0x1f && m[1] == 0x8b) {
        if (inflateInit2(&s->z, 15 + 32) != Z_OK) return PX_ERR_NOMEM;
        s->z_live = 1;
        s->codec = CODEC_GZIP;
    } else if (s->in_len >= 4 && m[0] == 0x28 && m[1] == 0xb5 && m[2] == 0x2f &&
               m[3] == 0xfd) {
        s->zs = ZSTD_createDStream();
        if (!s->zs) return PX_ERR_NOMEM;
        ZSTD_initDStream(s->zs);
        s->codec = CODEC_ZSTD;
    }
    return PX_OK;
}

static px_result step_gzip(px_stream *s, size_t *made) {
    if (s->z_end) { /* next member of a multi-member file */
        if (inflateReset(&s->z) != Z_OK) return PX_ERR_PARSE;
        s->z_end = 0;
    }
    s->z.next_in = s->in + s->in_pos;
    s->z.avail_in = (uInt)(s->in_len - s->in_pos);
    s->z.next_out = s->out + s->out_len;
    s->z.avail_out = (uInt)(STREAM_CHUNK - s->out_len);
    int zr = inflate(&s->z, Z_NO_FLUSH);
    *made = STREAM_CHUNK - s->out_len - s->z.avail_out;
    s->in_pos = s->in_len - s->z.avail_in;
    if (zr == Z_STREAM_END)
        s->z_end = 1;
    else if (zr != Z_OK && !(zr == Z_BUF_ERROR && !*made))
        return PX_ERR_PARSE;
    return PX_OK;
}

static px_result step_zstd(px_stream *s, size_t *made) {
    ZSTD_inBuffer ib = {s->in, s->in_len, s->in_pos};
    ZSTD_outBuffer ob = {s->out, STREAM_CHUNK, s->out_len};
    size_t r = ZSTD_decompressStream(s->zs, &ob, &ib);
    if (ZSTD_isError(r)) return PX_ERR_PARSE;
    s->zs_last = r;
    *made = ob.pos - s->out_len;
    s->in_pos = ib.pos;
    return PX_OK;
}

static px_result step_raw(px_stream *s, size_t *made) {
    size_t k = s->in_len - s->in_pos, room = STREAM_CHUNK - s->out_len;
    if (k > room) k = room;
    memcpy(s->out + s->out_len, s->in + s->in_pos, k);
    s->in_pos += k;
    *made = k;
    return PX_OK;
}

/* At the end of the source: was the compressed data complete? */
static px_result check_end(const px_stream *s) {
    if (s->codec == CODEC_GZIP && !s->z_end) return PX_ERR_PARSE;
    if (s->codec == CODEC_ZSTD && s->zs_last != 0) return PX_ERR_PARSE;
    return PX_OK;
}

/* Decode more bytes into `out` (after compacting it); sets eof when the
 * source is exhausted and nothing more was produced. */
static px_result fill(px_stream *s) {
    if (s->out_pos) {
        memmove(s->out, s->out + s->out_pos, s->out_len - s->out_pos);
        s->out_len -= s->out_pos;
        s->out_pos = 0;
    }
    px_result rc = s->codec == CODEC_UNKNOWN ? detect(s) : PX_OK;
    size_t made = 0;
    while (!rc && !made && s->out_len < STREAM_CHUNK && !s->eof) {
        rc = raw_fill(s);
        int starved = s->in_pos == s->in_len;
        if (rc) break;
        if (starved && s->in_eof) {
            s->eof = 1;
            rc = check_end(s);
            break;
        }
        rc = s->codec == CODEC_GZIP   ? step_gzip(s, &made)
             : s->codec == CODEC_ZSTD ? step_zstd(s, &made)
                                      : step_raw(s, &made);
        s->out_len += made;
    }
    return rc;
}

px_result px_stream_peek(px_stream *s, size_t n, const unsigned char **p,
                         size_t *got) {
    if (n > STREAM_CHUNK) n = STREAM_CHUNK;
    px_result rc = PX_OK;
    while (!rc && s->out_len - s->out_pos < n && !s->eof) rc = fill(s);
    *p = s->out + s->out_pos;
    *got = s->out_len - s->out_pos < n ? s->out_len - s->out_pos : n;
    return rc;
}

/* Make decoded bytes available; 0 when the stream is over. */
static px_result avail(px_stream *s, size_t *n) {
    px_result rc = PX_OK;
    while (!rc && s->out_pos == s->out_len && !s->eof) rc = fill(s);
    *n = s->out_len - s->out_pos;
    return rc;
}

px_result px_stream_getline(px_stream *s, px_buf *line, size_t cap, int *eof) {
    px_buf_clear(line);
    int any = 0, toobig = 0;
    for (;;) {
        size_t n;
        px_result rc = avail(s, &n);
        if (rc) return rc;
        if (!n) break;
        const unsigned char *p = s->out + s->out_pos;
        const unsigned char *nl = memchr(p, '\n', n);
        size_t take = nl ? (size_t)(nl - p) : n;
        any = 1;
        if (!toobig && line->len + take > cap) {
            toobig = 1;
            px_buf_clear(line);
        }
        if (!toobig) px_buf_append(line, p, take);
        s->out_pos += take + (nl != NULL);
        if (nl) break;
    }
    *eof = !any;
    return toobig ? PX_ERR_TOOBIG : PX_OK;
}

px_result px_stream_slurp(px_stream *s, px_buf *out, size_t cap) {
    for (;;) {
        size_t n;
        px_result rc = avail(s, &n);
        if (rc || !n) return rc;
        if (out->len + n > cap) return PX_ERR_TOOBIG;
        px_buf_append(out, s->out + s->out_pos, n);
        s->out_pos += n;
    }
}
