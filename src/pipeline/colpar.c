#include "pipeline/colpar.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/mem.h"

#define BATCH_BYTES (2u << 20)
#define BATCH_CELLS (64u << 10)
#define MAX_THREADS 64

/* One batch: the cells of a run of rows, column by column. Cell pointers
 * point into arena, which never moves while the batch holds cells. */
typedef struct batch {
    char *arena;
    size_t used, cap;
    dm_field **cells;   /* per column */
    size_t *n, *ncap;   /* per column: cells, room */
    size_t ncols;       /* columns with room allocated */
    size_t total;       /* cells in all columns */
} batch;

struct dm_colpar {
    dm_colpar_fn fn;
    void *ctx;
    int jobs;
    batch slots[DM_COLPAR_SLOTS];

    /* Shared with the threads, under mu. Batch number k lives in slot
     * k % DM_COLPAR_SLOTS; batches 0..submitted-1 are handed over, the
     * reader fills batch number `submitted`. */
    pthread_mutex_t mu;
    pthread_cond_t cv;      /* any change: new batch, a column done, quit */
    uint64_t submitted;
    uint64_t *done;         /* per column: batches gone through fn */
    bool *busy;             /* per column: a thread is on it */
    size_t ncols, colcap;   /* columns known to the scheduler */
    bool quit;

    pthread_t threads[MAX_THREADS];
    int nthreads;
};

static void batch_reset(batch *b)
{
    for (size_t c = 0; c < b->ncols; c++)
        b->n[c] = 0;
    b->used = 0;
    b->total = 0;
}

static void batch_free(batch *b)
{
    for (size_t c = 0; c < b->ncols; c++)
        free(b->cells[c]);
    free(b->cells);
    free(b->n);
    free(b->ncap);
    free(b->arena);
}

/* Oldest batch every column is through (the slot of batch number `min`
 * is the next to come free). Under mu. */
static uint64_t min_done(const dm_colpar *cp)
{
    uint64_t m = cp->submitted;
    for (size_t c = 0; c < cp->ncols; c++)
        if (cp->done[c] < m)
            m = cp->done[c];
    return m;
}

/* One unit of work, if any is free: the column that is furthest behind
 * (so slots come free in order), its next batch. Called and returns under
 * mu; runs fn without it. */
static bool work_one(dm_colpar *cp)
{
    size_t best = SIZE_MAX;
    for (size_t c = 0; c < cp->ncols; c++)
        if (!cp->busy[c] && cp->done[c] < cp->submitted && (best == SIZE_MAX || cp->done[c] < cp->done[best]))
            best = c;
    if (best == SIZE_MAX)
        return false;
    size_t c = best;
    const batch *b = &cp->slots[cp->done[c] % DM_COLPAR_SLOTS];
    cp->busy[c] = true;
    pthread_mutex_unlock(&cp->mu);
    if (c < b->ncols && b->n[c])
        cp->fn(cp->ctx, c, b->cells[c], b->n[c]);
    pthread_mutex_lock(&cp->mu);
    cp->busy[c] = false;
    cp->done[c]++;
    pthread_cond_broadcast(&cp->cv);
    return true;
}

static void *thread_main(void *arg)
{
    dm_colpar *cp = arg;
    pthread_mutex_lock(&cp->mu);
    while (!cp->quit)
        if (!work_one(cp))
            pthread_cond_wait(&cp->cv, &cp->mu);
    pthread_mutex_unlock(&cp->mu);
    return NULL;
}

/* The caller works (or waits) until every column is through batch number
 * `upto` - 1. Under mu. */
static void help_until(dm_colpar *cp, uint64_t upto)
{
    while (min_done(cp) < upto)
        if (!work_one(cp))
            pthread_cond_wait(&cp->cv, &cp->mu);
}

dm_colpar *dm_colpar_new(int jobs, dm_colpar_fn fn, void *ctx)
{
    dm_colpar *cp = dm_xcalloc(1, sizeof *cp);
    cp->fn = fn;
    cp->ctx = ctx;
    cp->jobs = jobs < 1 ? 1 : jobs > MAX_THREADS ? MAX_THREADS : jobs;
    pthread_mutex_init(&cp->mu, NULL);
    pthread_cond_init(&cp->cv, NULL);
    return cp;
}

static void start_threads(dm_colpar *cp)
{
    for (int i = 0; i < cp->jobs - 1; i++) {
        if (pthread_create(&cp->threads[cp->nthreads], NULL, thread_main, cp) != 0) {
            dm_warn("could not start a classifier thread; going on with %d", cp->nthreads + 1);
            break;
        }
        cp->nthreads++;
    }
}

/* Hand the batch being filled to the threads, then wait for the slot of
 * the next one to come free (working meanwhile). */
static void submit(dm_colpar *cp, bool last)
{
    batch *b = &cp->slots[cp->submitted % DM_COLPAR_SLOTS];
    if (b->total == 0)
        return;
    /* a table that fits in one batch is done by the caller alone */
    if (!last && cp->nthreads == 0 && cp->jobs > 1)
        start_threads(cp);
    pthread_mutex_lock(&cp->mu);
    cp->submitted++;
    pthread_cond_broadcast(&cp->cv);
    if (cp->submitted >= DM_COLPAR_SLOTS)
        help_until(cp, cp->submitted - DM_COLPAR_SLOTS + 1);
    pthread_mutex_unlock(&cp->mu);
    batch_reset(&cp->slots[cp->submitted % DM_COLPAR_SLOTS]);
}

/* Columns up to ncols known to the scheduler; a new one has nothing in the
 * batches already handed over. */
static void grow_columns(dm_colpar *cp, size_t ncols)
{
    pthread_mutex_lock(&cp->mu);
    if (ncols > cp->colcap) {
        size_t cap = cp->colcap ? cp->colcap : 16;
        while (cap < ncols)
            cap *= 2;
        cp->done = dm_xrealloc(cp->done, cap * sizeof *cp->done);
        cp->busy = dm_xrealloc(cp->busy, cap * sizeof *cp->busy);
        cp->colcap = cap;
    }
    for (size_t c = cp->ncols; c < ncols; c++) {
        cp->done[c] = cp->submitted;
        cp->busy[c] = false;
    }
    cp->ncols = ncols;
    pthread_mutex_unlock(&cp->mu);
}

static void batch_columns(batch *b, size_t ncols)
{
    if (ncols <= b->ncols)
        return;
    b->cells = dm_xrealloc(b->cells, ncols * sizeof *b->cells);
    b->n = dm_xrealloc(b->n, ncols * sizeof *b->n);
    b->ncap = dm_xrealloc(b->ncap, ncols * sizeof *b->ncap);
    for (size_t c = b->ncols; c < ncols; c++) {
        b->cells[c] = NULL;
        b->n[c] = b->ncap[c] = 0;
    }
    b->ncols = ncols;
}

void dm_colpar_row(dm_colpar *cp, const dm_field *f, size_t n, size_t ncols)
{
    size_t bytes = 0, cells = 0, maxcol = 0;
    for (size_t i = 0; i < n; i++)
        if (f[i].col < ncols) {
            bytes += f[i].len;
            cells++;
            if (f[i].col + 1 > maxcol)
                maxcol = f[i].col + 1;
        }
    if (cells == 0)
        return;
    batch *b = &cp->slots[cp->submitted % DM_COLPAR_SLOTS];
    if (b->total && (b->used + bytes > b->cap || b->total + cells > BATCH_CELLS)) {
        submit(cp, false);
        b = &cp->slots[cp->submitted % DM_COLPAR_SLOTS];
    }
    if (b->cap < bytes || b->arena == NULL) {
        /* empty batch here: nothing points into the arena yet */
        free(b->arena);
        b->cap = bytes > BATCH_BYTES ? bytes : BATCH_BYTES;
        b->arena = dm_xmalloc(b->cap);
    }
    if (maxcol > cp->ncols)
        grow_columns(cp, maxcol);
    batch_columns(b, maxcol);
    for (size_t i = 0; i < n; i++) {
        size_t c = f[i].col;
        if (c >= ncols)
            continue;
        DM_GROW(b->cells[c], b->ncap[c], b->n[c] + 1);
        dm_field *d = &b->cells[c][b->n[c]++];
        *d = f[i];
        d->ptr = b->arena + b->used;
        if (f[i].len)
            memcpy(b->arena + b->used, f[i].ptr, f[i].len);
        b->used += f[i].len;
    }
    b->total += cells;
}

void dm_colpar_drain(dm_colpar *cp)
{
    submit(cp, true);
    pthread_mutex_lock(&cp->mu);
    help_until(cp, cp->submitted);
    pthread_mutex_unlock(&cp->mu);
}

void dm_colpar_free(dm_colpar *cp)
{
    if (cp == NULL)
        return;
    dm_colpar_drain(cp);
    pthread_mutex_lock(&cp->mu);
    cp->quit = true;
    pthread_cond_broadcast(&cp->cv);
    pthread_mutex_unlock(&cp->mu);
    for (int i = 0; i < cp->nthreads; i++)
        pthread_join(cp->threads[i], NULL);
    for (int s = 0; s < DM_COLPAR_SLOTS; s++)
        batch_free(&cp->slots[s]);
    free(cp->done);
    free(cp->busy);
    pthread_cond_destroy(&cp->cv);
    pthread_mutex_destroy(&cp->mu);
    free(cp);
}
