/*
 * gzip decompression (zlib's inflate). Several gzip members back to back
 * (cat a.gz b.gz) are one stream, as gzip -d reads them.
 */
#include "formats/codec.h"

#include <stdlib.h>
#include <zlib.h>

#include "core/mem.h"

typedef struct gz_ctx {
    dm_codec_out c;
    z_stream z;
} gz_ctx;

static ssize_t gz_read(void *ctx, void *buf, size_t n, dm_error *err)
{
    gz_ctx *g = ctx;
    const char *name = dm_stream_name(g->c.inner);
    if (g->c.done || n == 0)
        return 0;
    n = dm_codec_room(&g->c, n);
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
        return dm_codec_over_cap(&g->c, "gzip", err);
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

static dm_status gz_open(dm_stream *inner, uint64_t max_output, dm_stream **out, dm_error *err)
{
    gz_ctx *g = dm_xcalloc(1, sizeof *g);
    /* 15 + 32: the largest window, and a gzip or zlib header detected */
    if (inflateInit2(&g->z, 15 + 32) != Z_OK) {
        free(g);
        return DM_FAIL(err, DM_ERR_NOMEM, "%s: cannot start gzip decoder", dm_stream_name(inner));
    }
    g->c.inner = inner;
    g->c.max_output = max_output;
    *out = dm_stream_new(&gz_ops, g, dm_stream_name(inner), UINT64_MAX);
    return DM_OK;
}

const dm_codec_def dm_codec_gzip = {
    .name = "gzip",
    .suffixes = "gz gzip",
    .magic = "\x1f\x8b",
    .magic_len = 2,
    .open = gz_open,
};
