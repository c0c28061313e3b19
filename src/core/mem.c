#include "core/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t n)
{
    fprintf(stderr, "datamap: out of memory (allocating %zu bytes)\n", n);
    abort();
}

void *dm_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (p == NULL)
        oom(n);
    return p;
}

void *dm_xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (p == NULL)
        oom(count * size);
    return p;
}

void *dm_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (q == NULL)
        oom(n);
    return q;
}

char *dm_xstrdup(const char *s)
{
    return dm_xstrndup(s, strlen(s));
}

char *dm_xstrndup(const char *s, size_t n)
{
    char *p = dm_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *dm_xasprintf(const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = dm_xmalloc((size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

void dm_wipe(void *p, size_t n)
{
    if (p && n)
        explicit_bzero(p, n);
}

void dm_free_secret(char *s)
{
    if (s) {
        dm_wipe(s, strlen(s));
        free(s);
    }
}

char *dm_buf_reserve(dm_buf *b, size_t n)
{
    if (n > SIZE_MAX - 1 - b->len)
        oom(SIZE_MAX);
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap = cap > SIZE_MAX / 2 ? SIZE_MAX : cap * 2;
        b->data = dm_xrealloc(b->data, cap);
        b->cap = cap;
    }
    return b->data + b->len;
}

void dm_buf_append(dm_buf *b, const void *p, size_t n)
{
    char *dst = dm_buf_reserve(b, n);
    if (n)
        memcpy(dst, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void dm_buf_puts(dm_buf *b, const char *s)
{
    dm_buf_append(b, s, strlen(s));
}

void dm_buf_putc(dm_buf *b, char c)
{
    dm_buf_append(b, &c, 1);
}

void dm_buf_vprintf(dm_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n < 0) {    /* a bad format: nothing to append */
        va_end(ap2);
        return;
    }
    char *dst = dm_buf_reserve(b, (size_t)n);
    vsnprintf(dst, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    b->len += (size_t)n;
}

void dm_buf_printf(dm_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    dm_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

dm_status dm_capbuf_append(dm_capbuf *c, const void *p, size_t n)
{
    if (n > c->max || c->b.len > c->max - n)
        return DM_ERR_LIMIT;
    dm_buf_append(&c->b, p, n);
    return DM_OK;
}

dm_status dm_capbuf_printf(dm_capbuf *c, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n > c->max || c->b.len > c->max - (size_t)n) {
        va_end(ap2);
        return DM_ERR_LIMIT;
    }
    dm_buf_vprintf(&c->b, fmt, ap2);
    va_end(ap2);
    return DM_OK;
}

void dm_buf_reset(dm_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void dm_buf_free(dm_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

char *dm_buf_steal(dm_buf *b)
{
    char *p = b->data ? b->data : dm_xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

struct dm_arena_block {
    dm_arena_block *next;
    size_t size, used;
    _Alignas(16) unsigned char mem[];
};

void dm_arena_init(dm_arena *a, size_t block_size)
{
    a->head = NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
}

void *dm_arena_alloc(dm_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    dm_arena_block *blk = a->head;
    /* Blocks after head are full or reset-free ones kept for reuse. */
    if (blk == NULL || blk->size - blk->used < n) {
        size_t size = n > a->block_size ? n : a->block_size;
        blk = dm_xmalloc(sizeof *blk + size);
        blk->size = size;
        blk->used = 0;
        blk->next = a->head;
        a->head = blk;
    }
    void *p = blk->mem + blk->used;
    blk->used += n;
    return p;
}

char *dm_arena_strndup(dm_arena *a, const char *s, size_t n)
{
    char *p = dm_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void dm_arena_reset(dm_arena *a)
{
    /* Keep the newest block (usually the only one), free the others. */
    if (a->head == NULL)
        return;
    dm_arena_block *keep = a->head, *blk = keep->next;
    while (blk) {
        dm_arena_block *next = blk->next;
        free(blk);
        blk = next;
    }
    keep->next = NULL;
    keep->used = 0;
}

void dm_arena_free(dm_arena *a)
{
    dm_arena_block *blk = a->head;
    while (blk) {
        dm_arena_block *next = blk->next;
        free(blk);
        blk = next;
    }
    a->head = NULL;
}

void *dm_grow_(void *p, size_t *cap, size_t need, size_t elem)
{
    size_t n = *cap ? *cap : 8;
    while (n < need)
        n = n > SIZE_MAX / 2 ? SIZE_MAX : n * 2;
    if (elem && n > SIZE_MAX / elem)
        oom(SIZE_MAX);
    p = dm_xrealloc(p, n * elem);
    *cap = n;
    return p;
}
