/*
 * Progress of a pipeline run: stores, tables and rows done out of the total
 * known so far, the rate and the time left.
 *
 * On a terminal (human logs) it is one line on stderr, redrawn at most ten
 * times a second and erased before anything else is written: every log line
 * (core/log.c) and every command's output on stdout (dm_progress_clear
 * first) starts on a clean line. With --log-format json there is no line;
 * the same counts go out as "progress" events (info level) every few
 * seconds and once at the end. One run at a time per process; the counters
 * are safe to update from any thread.
 */
#ifndef DM_CORE_PROGRESS_H
#define DM_CORE_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Start counting from zero; line: draw the terminal line, events: log
 * "progress" events (JSON logs). Neither: count only. */
void dm_progress_start(bool line, bool events);
/* Totals grow as they become known: stores when a command knows its
 * assets, tables when a store lists them, rows when a table's sample size
 * is known (rows_unknown: a table whose size is not; its rows count as
 * done without a total until dm_progress_rows_settle). */
void dm_progress_total(int64_t stores, int64_t tables, int64_t rows);
void dm_progress_rows_unknown(int delta);
void dm_progress_done(int64_t stores, int64_t tables, int64_t rows);
/* A table ended after reading `read` rows of an announced `planned` (-1
 * when none was announced): the total follows what was read. */
void dm_progress_rows_settle(int64_t planned, int64_t read);
/* Milliseconds of a monotonic clock (durations in -v lines). */
int64_t dm_progress_now_ms(void);
/* What is under way now ("classify crm/people"). */
void dm_progress_doing(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Erase the line if it is shown (it comes back with the next update). */
void dm_progress_clear(void);
/* The last event (when events are on), erase the line, stop. */
void dm_progress_stop(void);
/* The line as shown: "classify crm/people | stores 1/3 | tables 4/10 |
 * rows 262,144/400,000 | 85,000 rows/s | 0:03 left". */
void dm_progress_format(char *buf, size_t size);

#endif
