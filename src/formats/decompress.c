/*
 * Decompressing streams: gzip (zlib) and zstd (libzstd streaming API).
 *
 * A decompressor reads its input straight out of the inner stream's buffer
 * (dm_stream_fill/consume) and writes into the buffer of the outer stream, so
 * no third buffer exists. Its output is capped (max_output) so a zip bomb
 * stops with DM_ERR_LIMIT; a stream that ends before its compressed data
 * does is DM_ERR_FORMAT "NAME: truncated gzip stream".
 */
#include "formats/stream.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

#include "core/mem.h"

const char *dm_compression_name(dm_compression c)
{
    switch (c) {
    case DM_COMP_GZIP: return "gzip";
    case DM_COMP_ZSTD: return "zstd";
    case DM_COMP_NONE: break;
    }
    return "none";
}

/* Shared by both drivers: input, output cap and the name for messages. */
typedef struct dec_common {
    dm_stream *inner;
    uint64_t max_output;    /* 0: no cap */
    uint64_t produced;
    bool done;              /* the compressed data ended cleanly */
} dec_common;

/* How much of n the cap still allows: one byte past it, so passing the cap
 * is seen (and refused) instead of silently truncating. */
static size_t cap_room(const dec_common *c, size_t n)
{
    if (c->max_output == 0)
        return n;
    uint64_t room = c->max_output - c->produced + 1;
    return room < n ? (size_t)room : n;
}

static ssize_t over_cap(const dec_common *c, const char *kind, dm_error *err)
{
    dm_error_set(err, DM_ERR_LIMIT, "%s: %s output exceeds the limit of %llu bytes",
                 dm_stream_name(c->inner), kind, (unsigned long long)c->max_output);
    return -1;
}

/* ---- gzip ---- */

typedef struct gz_ctx {
    dec_common c;
    z_stream z;
} gz_ctx;

static ssize_t gz_read(void *ctx, void *buf, size_t n, dm_error *err)
{
    gz_ctx *g = ctx;
    const char *name = dm_stream_name(g->c.inner);
    if (g->c.done || n == 0)
        return 0;
    n = cap_room(&g->c, n);
    g->z.next_out = buf;
    g->z.avail_out = n > UINT32_MAX ? UINT32_MAX : (uInt)n;
    while (g->z.avail_out > 0) {
        const char *in;
        size_t in_len;
        if (dm_stream_fill(g->c.inner, &in, &in_len, err) != DM_OK)
            return -1;
        /* At the end of the input inflate still runs once, to flush output
         * it holds back; only when that makes no progress is it truncated. */
        g->z.next_in = (Bytef *)in;
        g->z.avail_in = in_len > UINT32_MAX ? UINT32_MAX : (uInt)in_len;
        uInt out_before = g->z.avail_out;
        int zrc = inflate(&g->z, Z_NO_FLUSH);
        dm_stream_consume(g->c.inner, in_len - g->z.avail_in);
        if (zrc == Z_STREAM_END) {
            /* Another gzip member may follow (cat a.gz b.gz); anything else
             * after the end is ignored, as gzip -d does with a warning. */
            const char *magic;
            size_t mlen;
            if (dm_stream_peek(g->c.inner, 2, &magic, &mlen, err) != DM_OK)
                return -1;
            if (mlen == 2 && (unsigned char)magic[0] == 0x1f && (unsigned char)magic[1] == 0x8b) {
                inflateReset(&g->z);
                continue;
            }
            g->c.done = true;
            break;
        }
        if (zrc == Z_DATA_ERROR || zrc == Z_NEED_DICT || zrc == Z_STREAM_ERROR) {
            dm_error_set(err, DM_ERR_FORMAT, "%s: corrupt gzip data (%s)", name,
                         g->z.msg ? g->z.msg : "invalid data");
            return -1;
        }
        if (zrc == Z_MEM_ERROR) {
            dm_error_set(err, DM_ERR_NOMEM, "%s: out of memory in inflate", name);
            return -1;
        }
        if (in_len == 0 && g->z.avail_out == out_before) {
            if ((size_t)(g->z.next_out - (Bytef *)buf) > 0)
                break;      /* hand out what we have; the next call reports it */
            dm_error_set(err, DM_ERR_FORMAT, "%s: truncated gzip stream", name);
            return -1;
        }
        /* Z_OK, or Z_BUF_ERROR when this input made no progress: loop for more. */
    }
    size_t got = (size_t)(g->z.next_out - (Bytef *)buf);
    g->c.produced += got;
    if (g->c.max_output && g->c.produced > g->c.max_output)
        return over_cap(&g->c, "gzip", err);
    return (ssize_t)got;
}

static void gz_close(void *ctx)
{
    gz_ctx *g = ctx;
    inflateEnd(&g->z);
    dm_stream_close(g->c.inner);
    free(g);
}

static const dm_stream_ops gz_ops = {.name = "gzip", .read = gz_read, .close = gz_close};

/* ---- zstd ---- */

typedef struct zs_ctx {
    dec_common c;
    ZSTD_DCtx *d;
    size_t hint;            /* last ZSTD_decompressStream result: 0 at a frame end */
    bool any_input;
} zs_ctx;

static ssize_t zs_read(void *ctx, void *buf, size_t n, dm_error *err)
{
    zs_ctx *z = ctx;
    const char *name = dm_stream_name(z->c.inner);
    if (z->c.done || n == 0)
        return 0;
    n = cap_room(&z->c, n);
    ZSTD_outBuffer out = {buf, n, 0};
    while (out.pos < out.size) {
        const char *in;
        size_t in_len;
        if (dm_stream_fill(z->c.inner, &in, &in_len, err) != DM_OK)
            return -1;
        if (in_len == 0) {
            if (z->hint != 0 || !z->any_input) {
                /* Mid-frame, or the decoder may still hold output: drain it. */
                ZSTD_inBuffer empty = {NULL, 0, 0};
                size_t before = out.pos;
                size_t r = ZSTD_decompressStream(z->d, &out, &empty);
                if (ZSTD_isError(r)) {
                    dm_error_set(err, DM_ERR_FORMAT, "%s: corrupt zstd data (%s)", name,
                                 ZSTD_getErrorName(r));
                    return -1;
                }
                z->hint = r;
                if (out.pos > before)
                    continue;
                if (r != 0 || !z->any_input) {
                    if (out.pos > 0)
                        break;
                    dm_error_set(err, DM_ERR_FORMAT, "%s: truncated zstd stream", name);
                    return -1;
                }
            }
            z->c.done = true;
            break;
        }
        z->any_input = true;
        ZSTD_inBuffer inb = {in, in_len, 0};
        size_t r = ZSTD_decompressStream(z->d, &out, &inb);
        dm_stream_consume(z->c.inner, inb.pos);
        if (ZSTD_isError(r)) {
            dm_error_set(err, DM_ERR_FORMAT, "%s: corrupt zstd data (%s)", name,
                         ZSTD_getErrorName(r));
            return -1;
        }
        z->hint = r;
    }
    z->c.produced += out.pos;
    if (z->c.max_output && z->c.produced > z->c.max_output)
        return over_cap(&z->c, "zstd", err);
    return (ssize_t)out.pos;
}

static void zs_close(void *ctx)
{
    zs_ctx *z = ctx;
    ZSTD_freeDCtx(z->d);
    dm_stream_close(z->c.inner);
    free(z);
}

static const dm_stream_ops zs_ops = {.name = "zstd", .read = zs_read, .close = zs_close};

dm_status dm_stream_decompress(dm_stream *inner, uint64_t max_output, dm_stream **out,
                               dm_compression *kind, dm_error *err)
{
    *out = NULL;
    if (kind)
        *kind = DM_COMP_NONE;
    const char *head;
    size_t len;
    dm_status rc = dm_stream_peek(inner, 4, &head, &len, err);
    if (rc != DM_OK)
        return rc;
    const unsigned char *m = (const unsigned char *)head;
    const char *name = dm_stream_name(inner);
    if (len >= 2 && m[0] == 0x1f && m[1] == 0x8b) {
        gz_ctx *g = dm_xcalloc(1, sizeof *g);
        if (inflateInit2(&g->z, 15 + 32) != Z_OK) {
            free(g);
            return DM_FAIL(err, DM_ERR_NOMEM, "%s: cannot start gzip decoder", name);
        }
        g->c.inner = inner;
        g->c.max_output = max_output;
        *out = dm_stream_new(&gz_ops, g, name, UINT64_MAX);
        if (kind)
            *kind = DM_COMP_GZIP;
        return DM_OK;
    }
    if (len >= 4 && m[0] == 0x28 && m[1] == 0xb5 && m[2] == 0x2f && m[3] == 0xfd) {
        zs_ctx *z = dm_xcalloc(1, sizeof *z);
        z->d = ZSTD_createDCtx();
        if (z->d == NULL) {
            free(z);
            return DM_FAIL(err, DM_ERR_NOMEM, "%s: cannot start zstd decoder", name);
        }
        /* Bound the decoder's window (128 MiB, the library default) explicitly. */
        ZSTD_DCtx_setParameter(z->d, ZSTD_d_windowLogMax, 27);
        z->c.inner = inner;
        z->c.max_output = max_output;
        *out = dm_stream_new(&zs_ops, z, name, UINT64_MAX);
        if (kind)
            *kind = DM_COMP_ZSTD;
        return DM_OK;
    }
    *out = inner;
    return DM_OK;
}
