/*
 * zstd decompression (libzstd's streaming API). Several frames back to back
 * are one stream.
 */
#include "formats/codec.h"

#include <stdlib.h>
#include <zstd.h>

#include "core/mem.h"

typedef struct zs_ctx {
    dm_codec_out c;
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
    n = dm_codec_room(&z->c, n);
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
        return dm_codec_over_cap(&z->c, "zstd", err);
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

static dm_status zs_open(dm_stream *inner, uint64_t max_output, dm_stream **out, dm_error *err)
{
    zs_ctx *z = dm_xcalloc(1, sizeof *z);
    z->d = ZSTD_createDCtx();
    if (z->d == NULL) {
        free(z);
        return DM_FAIL(err, DM_ERR_NOMEM, "%s: cannot start zstd decoder", dm_stream_name(inner));
    }
    /* Bound the decoder's window (128 MiB, the library default) explicitly. */
    ZSTD_DCtx_setParameter(z->d, ZSTD_d_windowLogMax, 27);
    z->c.inner = inner;
    z->c.max_output = max_output;
    *out = dm_stream_new(&zs_ops, z, dm_stream_name(inner), UINT64_MAX);
    return DM_OK;
}

const dm_codec_def dm_codec_zstd = {
    .name = "zstd",
    .suffixes = "zst zstd",
    .magic = "\x28\xb5\x2f\xfd",
    .magic_len = 4,
    .open = zs_open,
};
