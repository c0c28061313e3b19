/*
 * Byte streams
 *
 * A dm_stream is something bytes are read from: a file, a memory block, a
 * decompressor over another stream, an HTTP body. Every stream has a small
 * look-ahead so formats and compression can be detected by content
 * (dm_stream_peek) before anything is consumed.
 *
 * Memory is bounded: a stream holds one buffer of DM_STREAM_BUF bytes, and a
 * decompressor stops with DM_ERR_LIMIT when its output passes max_output
 * (a zip bomb) instead of growing.
 */
#ifndef DM_FORMATS_STREAM_H
#define DM_FORMATS_STREAM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/error.h"

#define DM_STREAM_BUF (256 * 1024)

typedef struct dm_stream dm_stream;

typedef struct dm_stream_ops {
    const char *name;                                           /* "file", "gzip", "zstd", "mem" */
    /* Read up to n bytes; return the count, 0 at the end, -1 with err set. */
    ssize_t (*read)(void *ctx, void *buf, size_t n, dm_error *err);
    /* Optional: position the source at an absolute byte offset. */
    dm_status (*seek)(void *ctx, uint64_t offset, dm_error *err);
    void (*close)(void *ctx);
    /* Optional: read up to n bytes at an absolute offset, where a driver
     * fetches better knowing how much is wanted (S3: one ranged GET of
     * exactly that range, instead of read-ahead guessed from the pattern).
     * The count, 0 at the end, -1 with err set. Without it,
     * dm_stream_read_at seeks and reads. */
    ssize_t (*read_at)(void *ctx, uint64_t offset, void *buf, size_t n, dm_error *err);
} dm_stream_ops;

/* Wrap a driver context into a stream; the stream owns ctx and closes it.
 * size is the total byte size when known, else UINT64_MAX. name is used in
 * error messages (a path or URL) and copied. */
dm_stream *dm_stream_new(const dm_stream_ops *ops, void *ctx, const char *name, uint64_t size);

dm_status dm_stream_open_file(const char *path, dm_stream **out, dm_error *err);
/* A stream over a regular file the caller opened (it checked what fd is;
 * the stream owns fd from here, closed with the stream). name is for
 * errors and the stream's name. */
dm_stream *dm_stream_open_fd(int fd, const char *name, uint64_t size);
/* A stream over caller memory that must outlive the stream (tests, HTTP bodies). */
dm_stream *dm_stream_open_mem(const void *data, size_t len, const char *name);

/* Read up to n bytes. Returns count, 0 at end of stream, -1 on error. */
ssize_t dm_stream_read(dm_stream *s, void *buf, size_t n, dm_error *err);
/* Look at up to n (<= DM_STREAM_BUF) next bytes without consuming them; *len
 * may be less than n at the end of the stream. */
dm_status dm_stream_peek(dm_stream *s, size_t n, const char **data, size_t *len, dm_error *err);
/* Borrow the buffered bytes (refilling when empty) and consume them with
 * dm_stream_consume: lets parsers scan in place without copying.
 * *len == 0 means end of stream. */
dm_status dm_stream_fill(dm_stream *s, const char **data, size_t *len, dm_error *err);
void dm_stream_consume(dm_stream *s, size_t n);

/* Seek to an absolute offset (only when the driver can); drops buffered bytes. */
dm_status dm_stream_seek(dm_stream *s, uint64_t offset, dm_error *err);
bool dm_stream_can_seek(const dm_stream *s);
/* Read exactly n bytes at an absolute offset of a seekable stream (random
 * access formats: Parquet's footer and column chunks). Fewer bytes than n
 * is DM_ERR_FORMAT "truncated". Drops buffered bytes; the position after
 * it is unspecified (seek before reading on). */
dm_status dm_stream_read_at(dm_stream *s, uint64_t offset, void *buf, size_t n, dm_error *err);
uint64_t dm_stream_size(const dm_stream *s);        /* UINT64_MAX when unknown */
uint64_t dm_stream_offset(const dm_stream *s);      /* bytes consumed so far */
const char *dm_stream_name(const dm_stream *s);
void dm_stream_close(dm_stream *s);                 /* NULL is a no-op */

/* A codec's id: its row in formats/codec_list.h (DM_COMP_GZIP, DM_COMP_ZSTD). */
typedef enum dm_compression {
    DM_COMP_NONE = 0,
#define DM_CODEC_ROW(id, def) DM_COMP_##id,
#include "formats/codec_list.h"
#undef DM_CODEC_ROW
    DM_COMP_COUNT       /* one past the last id */
} dm_compression;

/* Detect a codec (gzip, zstd) by its magic bytes. On DM_OK, *out is either `inner` itself
 * (not compressed) or a decompressing stream that owns `inner`. Decompressed
 * output is capped at max_output bytes (0: no cap). A truncated or corrupt
 * compressed stream fails its read with DM_ERR_FORMAT naming the stream. */
dm_status dm_stream_decompress(dm_stream *inner, uint64_t max_output, dm_stream **out,
                               dm_compression *kind, dm_error *err);

/* The codec's name, "gzip", "zstd"; "none" for DM_COMP_NONE (or out of range). */
const char *dm_compression_name(dm_compression c);

#endif
