/*
 * Memory and strings
 *
 * dm_xmalloc and friends abort with a message when memory runs out: datamap
 * keeps its memory bounded, so running out is a bug or a hostile input that
 * slipped past a cap, and unwinding half-built state would only hide it.
 *
 * dm_buf is a growable byte buffer with a hard cap (like curl's dynbuf):
 * appends past the cap fail with DM_ERR_LIMIT instead of eating the machine.
 * The content is always NUL-terminated.
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

typedef struct dm_buf {
    char *data;     /* NUL-terminated; NULL until the first append */
    size_t len;
    size_t cap;     /* allocated bytes */
    size_t max;     /* hard cap on len; 0 means SIZE_MAX */
} dm_buf;

#define DM_BUF_INIT(maxlen) {NULL, 0, 0, (maxlen)}

dm_status dm_buf_append(dm_buf *b, const void *p, size_t n);
dm_status dm_buf_putc(dm_buf *b, char c);
dm_status dm_buf_printf(dm_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Make room for n more bytes; returns a pointer to write them at, or NULL past the cap. */
char *dm_buf_reserve(dm_buf *b, size_t n);
void dm_buf_reset(dm_buf *b);           /* len = 0, keeps the memory */
void dm_buf_free(dm_buf *b);            /* frees, back to DM_BUF_INIT state (max kept) */
/* Hand the content over to the caller (free() it); the buffer is empty afterwards. */
char *dm_buf_steal(dm_buf *b);

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

#endif
