/*
 * Cron expressions (the scheduler of `datamap serve`)
 *
 * Five fields, as in Vixie cron and crontab(5):
 *
 *     minute (0-59)  hour (0-23)  day-of-month (1-31)  month (1-12)  day-of-week (0-7)
 *
 * Each field is '*' or a comma-separated list of items; an item is a value,
 * a range "a-b", optionally followed by a step "/n" ("*" + "/n", "a-b/n", and
 * "a/n" meaning a to the field's maximum). Months take names jan..dec,
 * days of week sun..sat (case-insensitive); day of week 0 and 7 are Sunday.
 * Aliases: @hourly, @daily (@midnight), @weekly, @monthly, @yearly (@annually).
 *
 * Day rule (crontab(5)): when both day-of-month and day-of-week are
 * restricted (their field does not start with '*'), a day matches when
 * EITHER matches ("0 0 1,15 * 1": the 1st, the 15th and every Monday);
 * otherwise both must match.
 *
 * Time zones (dm_cron_next_tz, dm_cron_due_tz; src/core/tz.h): the fields
 * are read on the wall clock of the zone; tz NULL means UTC, where no time
 * is skipped or repeated. Where daylight saving moves the clock, the rule is
 * that of Vixie cron and cronie, with jobs split in two kinds:
 *   - wildcard jobs, whose minute or hour field starts with '*' (every 15
 *     minutes, "0 * * * *", @hourly), follow the wall clock: a minute that does not
 *     exist (spring forward) is not run, a minute that occurs twice (fall
 *     back) runs at both occurrences;
 *   - fixed-time jobs (every other: "30 2 * * *", "0 1-3 * * *", @daily)
 *     run once per local time: a time that does not exist runs once, right
 *     at the change (Europe/Berlin 2026-03-29 "30 2 * * *" runs at 03:00
 *     CEST = 01:00 UTC; several such times in one gap run once), and a time
 *     that occurs twice runs at its first occurrence only (2026-10-25 02:30
 *     CEST = 00:30 UTC, not again at 02:30 CET).
 * Shifts of 30 minutes (Australia/Lord_Howe) follow the same rule.
 */
#ifndef DM_CORE_CRON_H
#define DM_CORE_CRON_H

#include <stdbool.h>
#include <stdint.h>

#include "core/error.h"
#include "core/tz.h"

typedef struct dm_cron {
    uint64_t minutes;       /* bit m set: minute m matches */
    uint32_t hours;         /* bit h */
    uint32_t mdays;         /* bit d, 1..31 */
    uint16_t months;        /* bit m, 1..12 */
    uint8_t wdays;          /* bit w, 0..6 (Sunday 0) */
    bool mday_star, wday_star;  /* field started with '*' (for the day rule) */
    bool minute_star, hour_star;    /* field started with '*' (wildcard job, for DST) */
} dm_cron;

/* Parse expr. On failure DM_ERR_ARG with a message naming the expression,
 * the field and what is wrong ("cron '0 0 32 * *': day-of-month 32 out of
 * range 1-31"); *out is then zeroed. */
dm_status dm_cron_parse(const char *expr, dm_cron *out, dm_error *err);

/* The first time the expression fires strictly after `after` (Unix seconds,
 * UTC; the result is on a whole minute), or -1 when it never fires in the
 * next 8 years ("0 0 30 2 *"). */
int64_t dm_cron_next(const dm_cron *c, int64_t after);

/* Whether a run is due at `now` when the last one ran at last_run: true
 * when a slot fell in (last_run, now]. Pure: slots missed while the service
 * was down make it due once, not once per missed slot, since the caller then
 * records last_run = now. last_run < 0 (never ran) is due at once. */
bool dm_cron_due(const dm_cron *c, int64_t last_run, int64_t now);

/* dm_cron_next and dm_cron_due on the wall clock of tz (NULL: UTC), with
 * the daylight-saving rule above. Times are still Unix seconds; a result
 * is on a whole local minute, and a fixed-time job may fire at the instant
 * of a change. Pure and thread-safe. */
int64_t dm_cron_next_tz(const dm_cron *c, const dm_tz *tz, int64_t after);
bool dm_cron_due_tz(const dm_cron *c, const dm_tz *tz, int64_t last_run, int64_t now);

#endif
