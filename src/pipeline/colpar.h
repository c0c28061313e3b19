/*
 * Column-parallel work on one table (--jobs N > 1).
 *
 * The reader stays on the calling thread; its rows are copied into batches
 * kept column by column, and up to N threads (the caller included) run the
 * per-column work on them. A column's cells always reach the work function
 * one batch after the other, in row order, by one thread at a time, so the
 * column's state sees exactly the cells, in exactly the order, that a
 * single-threaded read gives it: the results are those of --jobs 1.
 *
 * Why columns and not byte ranges of the file: the column state of the
 * engine is order-dependent (first masked examples, gates that stop a finder
 * after 256 cells, the per-column cache), so ranges classified apart cannot
 * be merged into the exact verdict; and a quoted CSV field with newlines,
 * a compressed file or a JSON document has no safe split point anyway. The
 * reader runs at over 1 GB/s, the classification at tens of MB/s, so one
 * reader keeps many classifiers busy. A table of one column gains nothing.
 *
 * Batches in flight are bounded (DM_COLPAR_SLOTS of at most 2 MiB of cell
 * bytes and 64 Ki cells each), so memory does not grow with the file.
 */
#ifndef DM_PIPELINE_COLPAR_H
#define DM_PIPELINE_COLPAR_H

#include <stddef.h>

#include "formats/reader.h"

#define DM_COLPAR_SLOTS 3

/* The work for the cells of one column, in row order (kind as read). */
typedef void (*dm_colpar_fn)(void *ctx, size_t col, const dm_field *cells, size_t n);

typedef struct dm_colpar dm_colpar;

/* jobs: threads in all (>= 2; the caller is one of them, started only once
 * a table fills its first batch, so small tables start none). */
dm_colpar *dm_colpar_new(int jobs, dm_colpar_fn fn, void *ctx);
/* One row: its cells of columns below ncols are copied. May run work. */
void dm_colpar_row(dm_colpar *cp, const dm_field *f, size_t n, size_t ncols);
/* Returns once every row given so far went through fn: call it before the
 * columns' state moves (a new column reallocates it). */
void dm_colpar_drain(dm_colpar *cp);
/* Drains, stops the threads and frees. NULL is a no-op. */
void dm_colpar_free(dm_colpar *cp);

#endif
