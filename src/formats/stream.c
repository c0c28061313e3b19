/*
 * Byte streams: the buffered front end shared by every driver, and the file
 * and memory drivers. The decompressing drivers live in decompress.c.
 *
 * Each stream owns one buffer of DM_STREAM_BUF bytes; buf[pos, end) holds
 * bytes read from the driver and not yet consumed. fill() hands that window
 * out so parsers scan it in place; only peek() moves bytes (to make n of them
 * contiguous), and then at most DM_STREAM_BUF - n of them.
 */
#include "formats/stream.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/mem.h"

struct dm_stream {
    const dm_stream_ops *ops;
    void *ctx;
    char *name;
    uint64_t size;
    uint64_t offset;        /* bytes consumed */
    char *buf;              /* allocated on first use */
    size_t pos, end;
    bool eof;               /* the driver returned 0 */
    bool failed;            /* the driver failed: the error is sticky */
    dm_error fail;
};

dm_stream *dm_stream_new(const dm_stream_ops *ops, void *ctx, const char *name, uint64_t size)
{
    dm_stream *s = dm_xcalloc(1, sizeof *s);
    s->ops = ops;
    s->ctx = ctx;
    s->name = dm_xstrdup(name ? name : ops->name);
    s->size = size;
    return s;
}

void dm_stream_close(dm_stream *s)
{
    if (s == NULL)
        return;
    if (s->ops->close)
        s->ops->close(s->ctx);
    free(s->buf);
    free(s->name);
    free(s);
}

/* One driver read with the sticky-error and end-of-stream bookkeeping. */
static ssize_t driver_read(dm_stream *s, void *dst, size_t n, dm_error *err)
{
    if (s->failed) {
        if (err)
            *err = s->fail;
        return -1;
    }
    if (s->eof || n == 0)
        return 0;
    dm_error local = {0};
    ssize_t got = s->ops->read(s->ctx, dst, n, &local);
    if (got < 0) {
        if (local.code == DM_OK)
            dm_error_set(&local, DM_ERR_IO, "%s: read failed", s->name);
        s->failed = true;
        s->fail = local;
        if (err)
            *err = local;
        return -1;
    }
    if (got == 0)
        s->eof = true;
    return got;
}

ssize_t dm_stream_read(dm_stream *s, void *buf, size_t n, dm_error *err)
{
    size_t have = s->end - s->pos;
    if (have > 0) {
        size_t take = have < n ? have : n;
        memcpy(buf, s->buf + s->pos, take);
        s->pos += take;
        s->offset += take;
        return (ssize_t)take;
    }
    ssize_t got = driver_read(s, buf, n, err);
    if (got > 0)
        s->offset += (uint64_t)got;
    return got;
}

dm_status dm_stream_fill(dm_stream *s, const char **data, size_t *len, dm_error *err)
{
    if (s->pos == s->end) {
        if (s->buf == NULL)
            s->buf = dm_xmalloc(DM_STREAM_BUF);
        s->pos = s->end = 0;
        /* Drivers may return short reads; one is enough here. */
        ssize_t got = driver_read(s, s->buf, DM_STREAM_BUF, err);
        if (got < 0) {
            *data = NULL;
            *len = 0;
            return err ? err->code : s->fail.code;
        }
        s->end = (size_t)got;
    }
    *data = s->buf + s->pos;
    *len = s->end - s->pos;
    return DM_OK;
}

dm_status dm_stream_peek(dm_stream *s, size_t n, const char **data, size_t *len, dm_error *err)
{
    if (n > DM_STREAM_BUF)
        n = DM_STREAM_BUF;
    if (s->buf == NULL)
        s->buf = dm_xmalloc(DM_STREAM_BUF);
    if (s->end - s->pos < n && s->pos + n > DM_STREAM_BUF) {
        memmove(s->buf, s->buf + s->pos, s->end - s->pos);
        s->end -= s->pos;
        s->pos = 0;
    }
    while (s->end - s->pos < n && !s->eof) {
        ssize_t got = driver_read(s, s->buf + s->end, DM_STREAM_BUF - s->end, err);
        if (got < 0) {
            *data = NULL;
            *len = 0;
            return err ? err->code : s->fail.code;
        }
        s->end += (size_t)got;
    }
    size_t have = s->end - s->pos;
    *data = s->buf + s->pos;
    *len = have < n ? have : n;
    return DM_OK;
}

void dm_stream_consume(dm_stream *s, size_t n)
{
    size_t have = s->end - s->pos;
    if (n > have)
        n = have;
    s->pos += n;
    s->offset += n;
}

dm_status dm_stream_seek(dm_stream *s, uint64_t offset, dm_error *err)
{
    if (s->ops->seek == NULL)
        return DM_FAIL(err, DM_ERR_ARG, "%s: %s stream cannot seek", s->name, s->ops->name);
    if (s->failed) {
        if (err)
            *err = s->fail;
        return s->fail.code;
    }
    dm_status rc = s->ops->seek(s->ctx, offset, err);
    if (rc != DM_OK)
        return rc;
    s->pos = s->end = 0;
    s->eof = false;
    s->offset = offset;
    return DM_OK;
}

dm_status dm_stream_read_at(dm_stream *s, uint64_t offset, void *buf, size_t n, dm_error *err)
{
    size_t got = 0;
    dm_status rc;
    if (s->ops->read_at == NULL && (rc = dm_stream_seek(s, offset, err)) != DM_OK)
        return rc;
    if (s->failed) {
        if (err)
            *err = s->fail;
        return s->fail.code;
    }
    s->pos = s->end = 0;
    s->eof = false;
    while (got < n) {
        ssize_t k = s->ops->read_at ? s->ops->read_at(s->ctx, offset + got, (char *)buf + got, n - got, err)
                                    : dm_stream_read(s, (char *)buf + got, n - got, err);
        if (k < 0)
            return err && err->code ? err->code : DM_ERR_IO;
        if (k == 0)
            return DM_FAIL(err, DM_ERR_FORMAT, "%s: truncated: ends at byte %llu, %zu more bytes expected", s->name,
                           (unsigned long long)(offset + got), n - got);
        got += (size_t)k;
    }
    s->offset = offset + n;
    return DM_OK;
}

bool dm_stream_can_seek(const dm_stream *s)
{
    return s->ops->seek != NULL;
}

uint64_t dm_stream_size(const dm_stream *s)
{
    return s->size;
}

uint64_t dm_stream_offset(const dm_stream *s)
{
    return s->offset;
}

const char *dm_stream_name(const dm_stream *s)
{
    return s->name;
}

/* ---- file driver ---- */

typedef struct file_ctx {
    int fd;
    char *path;
} file_ctx;

static ssize_t file_read(void *ctx, void *buf, size_t n, dm_error *err)
{
    file_ctx *f = ctx;
    for (;;) {
        ssize_t got = read(f->fd, buf, n);
        if (got >= 0)
            return got;
        if (errno == EINTR)
            continue;
        int e = errno;
        dm_error_set(err, DM_ERR_IO, "%s: %s", f->path, strerror(e));
        if (err)
            err->sys_errno = e;
        return -1;
    }
}

static dm_status file_seek(void *ctx, uint64_t offset, dm_error *err)
{
    file_ctx *f = ctx;
    if (offset > (uint64_t)INT64_MAX || lseek(f->fd, (off_t)offset, SEEK_SET) < 0) {
        int e = errno;
        dm_error_set(err, DM_ERR_IO, "%s: cannot seek to %llu: %s", f->path,
                     (unsigned long long)offset, strerror(e));
        if (err)
            err->sys_errno = e;
        return DM_ERR_IO;
    }
    return DM_OK;
}

static void file_close(void *ctx)
{
    file_ctx *f = ctx;
    if (f->fd >= 0)
        close(f->fd);
    free(f->path);
    free(f);
}

static const dm_stream_ops file_ops = {
    .name = "file", .read = file_read, .seek = file_seek, .close = file_close,
};

/* Regular files only get the seek op: a pipe or FIFO cannot seek. */
static const dm_stream_ops pipe_ops = {
    .name = "file", .read = file_read, .seek = NULL, .close = file_close,
};

dm_status dm_stream_open_file(const char *path, dm_stream **out, dm_error *err)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        dm_status code = (e == ENOENT || e == ENOTDIR) ? DM_ERR_NOT_FOUND : DM_ERR_IO;
        dm_error_set(err, code, "%s: %s", path, strerror(e));
        if (err)
            err->sys_errno = e;
        return code;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        dm_error_set(err, DM_ERR_IO, "%s: %s", path, strerror(e));
        if (err)
            err->sys_errno = e;
        return DM_ERR_IO;
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        return DM_FAIL(err, DM_ERR_ARG, "%s: is a directory", path);
    }
    bool regular = S_ISREG(st.st_mode);
#ifdef POSIX_FADV_SEQUENTIAL
    if (regular)
        (void)posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    file_ctx *f = dm_xmalloc(sizeof *f);
    f->fd = fd;
    f->path = dm_xstrdup(path);
    *out = dm_stream_new(regular ? &file_ops : &pipe_ops, f, path,
                         regular ? (uint64_t)st.st_size : UINT64_MAX);
    return DM_OK;
}

dm_stream *dm_stream_open_fd(int fd, const char *name, uint64_t size)
{
#ifdef POSIX_FADV_SEQUENTIAL
    (void)posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    file_ctx *f = dm_xmalloc(sizeof *f);
    f->fd = fd;
    f->path = dm_xstrdup(name);
    return dm_stream_new(&file_ops, f, name, size);
}

/* ---- memory driver ---- */

typedef struct mem_ctx {
    const char *data;
    size_t len, pos;
} mem_ctx;

static ssize_t mem_read(void *ctx, void *buf, size_t n, dm_error *err)
{
    mem_ctx *m = ctx;
    size_t have = m->len - m->pos;
    if (n > have)
        n = have;
    if (n)
        memcpy(buf, m->data + m->pos, n);
    m->pos += n;
    return (ssize_t)n;
}

static dm_status mem_seek(void *ctx, uint64_t offset, dm_error *err)
{
    mem_ctx *m = ctx;
    m->pos = offset > m->len ? m->len : (size_t)offset;
    return DM_OK;
}

static void mem_close(void *ctx)
{
    free(ctx);
}

static const dm_stream_ops mem_ops = {
    .name = "mem", .read = mem_read, .seek = mem_seek, .close = mem_close,
};

dm_stream *dm_stream_open_mem(const void *data, size_t len, const char *name)
{
    mem_ctx *m = dm_xmalloc(sizeof *m);
    m->data = data;
    m->len = len;
    m->pos = 0;
    return dm_stream_new(&mem_ops, m, name ? name : "mem", len);
}
