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
 * Time zone: every time is in UTC (seconds since the epoch, evaluated on the
 * UTC calendar). There is no local time, so daylight-saving changes never
 * skip or repeat a slot. "0 2 * * *" means 02:00 UTC.
 */
#ifndef DM_CORE_CRON_H
#define DM_CORE_CRON_H

#include <stdbool.h>
#include <stdint.h>

#include "core/error.h"

typedef struct dm_cron {
    uint64_t minutes;       /* bit m set: minute m matches */
    uint32_t hours;         /* bit h */
    uint32_t mdays;         /* bit d, 1..31 */
    uint16_t months;        /* bit m, 1..12 */
    uint8_t wdays;          /* bit w, 0..6 (Sunday 0) */
    bool mday_star, wday_star;  /* field started with '*' (for the day rule) */
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

#endif
