/*
 * Memory and strings
 *
 * dm_xmalloc and friends abort with a message when memory runs out: datamap
 * keeps its memory bounded, so running out is a bug or a hostile input that
 * slipped past a cap, and unwinding half-built state would only hide it.
 *
 * dm_buf is a growable byte buffer that cannot fail: running out of memory
 * aborts, as dm_xmalloc does, so its appends return nothing to check. Where
 * the input decides how much is appended (a request body, a decoded cell),
 * use dm_capbuf: a dm_buf with a hard cap (like curl's dynbuf), whose appends
 * past the cap fail with DM_ERR_LIMIT instead of eating the machine. Both
 * keep their content NUL-terminated.
 */
#ifndef DM_CORE_MEM_H
#define DM_CORE_MEM_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

void *dm_xmalloc(size_t n);
void *dm_xcalloc(size_t count, size_t size);
void *dm_xrealloc(void *p, size_t n);
char *dm_xstrdup(const char *s);
char *dm_xstrndup(const char *s, size_t n);
char *dm_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Overwrite n bytes of a secret (a key, a password, a token) so that freed
 * memory does not keep it; the compiler may not drop the writes. */
void dm_wipe(void *p, size_t n);
/* dm_wipe the string, then free it. NULL is fine. */
void dm_free_secret(char *s);

typedef struct dm_buf {
    char *data;     /* NUL-terminated; NULL until the first append */
    size_t len;
    size_t cap;     /* allocated bytes */
} dm_buf;

#define DM_BUF_INIT {NULL, 0, 0}

void dm_buf_append(dm_buf *b, const void *p, size_t n);
void dm_buf_puts(dm_buf *b, const char *s);
void dm_buf_putc(dm_buf *b, char c);
void dm_buf_printf(dm_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void dm_buf_vprintf(dm_buf *b, const char *fmt, va_list ap);
/* Make room for n more bytes; returns where to write them (then add n to len). */
char *dm_buf_reserve(dm_buf *b, size_t n);
void dm_buf_reset(dm_buf *b);           /* len = 0, keeps the memory */
void dm_buf_free(dm_buf *b);            /* frees, back to DM_BUF_INIT */
/* Hand the content over to the caller (free() it); the buffer is empty afterwards. */
char *dm_buf_steal(dm_buf *b);

/* A dm_buf that never grows past max bytes of content. */
typedef struct dm_capbuf {
    dm_buf b;
    size_t max;
} dm_capbuf;

#define DM_CAPBUF_INIT(maxlen) {DM_BUF_INIT, (maxlen)}

/* DM_ERR_LIMIT, and nothing appended, when the content would pass max. */
dm_status dm_capbuf_append(dm_capbuf *c, const void *p, size_t n);
dm_status dm_capbuf_printf(dm_capbuf *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Arena: bump allocation for per-object scratch, freed all at once. Blocks
 * are kept on reset so a loop over many objects allocates only at its start.
 */
typedef struct dm_arena_block dm_arena_block;
typedef struct dm_arena {
    dm_arena_block *head;
    size_t block_size;
} dm_arena;

void dm_arena_init(dm_arena *a, size_t block_size);
void *dm_arena_alloc(dm_arena *a, size_t n);       /* 16-byte aligned, aborts on OOM */
char *dm_arena_strndup(dm_arena *a, const char *s, size_t n);
void dm_arena_reset(dm_arena *a);
void dm_arena_free(dm_arena *a);

/*
 * Growable arrays. Any struct with a pointer, a count and a size_t capacity
 * grows with DM_GROW; DM_VEC declares such a struct and DM_PUSH appends:
 *
 *     DM_VEC(char *) names = {0};
 *     *DM_PUSH(names) = dm_xstrdup("x");     ... free(names.v);
 *
 *     DM_GROW(t->items, t->cap, t->n + 1);   t->items[t->n++] = item;
 *
 * Capacity doubles (at least 8 elements); running out of memory aborts.
 */
void *dm_grow_(void *p, size_t *cap, size_t need, size_t elem);

#define DM_GROW(arr, cap, need) \
    ((size_t)(need) > (cap) ? (void)((arr) = dm_grow_((arr), &(cap), (need), sizeof *(arr))) : (void)0)
#define DM_VEC(T) struct { T *v; size_t n, cap; }
#define DM_PUSH(vec) (DM_GROW((vec).v, (vec).cap, (vec).n + 1), &(vec).v[(vec).n++])

#endif
