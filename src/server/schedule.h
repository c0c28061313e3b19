/*
 * The schedule of `datamap serve`: which schedule_STAGE jobs to queue, and
 * for whom (config schedule:, src/core/config.h).
 *
 * A slot is one cron expression and the job it queues: kind
 * "schedule_STAGE" with target "all" (the stage's expression, or its
 * default) or a source name (schedule.sources.NAME.STAGE). A stage or a
 * source's stage that is "off" has no slot. The "all" fan-out skips the
 * sources that have their own expression for that stage, "off" included
 * (dm_schedule_source_owns), so every source follows exactly one slot per
 * stage.
 *
 * The scheduler's memory of a slot is the created_at of the newest job of
 * its kind and target (dm_catalog_job_last_created_target): a slot is due
 * when one of its times fell after that (dm_cron_due_tz), so times missed
 * while the service was down fire once. Everything here is pure: the
 * scheduler thread (worker.c) does the catalog I/O.
 */
#ifndef DM_SERVER_SCHEDULE_H
#define DM_SERVER_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/config.h"
#include "core/cron.h"
#include "core/tz.h"

typedef struct dm_schedule_slot {
    const char *stage;      /* "discover", "crawl", "classify", "tags" */
    char *target;           /* "all" or a source name */
    char kind[32];          /* "schedule_" + stage */
    char *expr;             /* as configured, or the stage's default */
    dm_cron cron;
} dm_schedule_slot;

typedef struct dm_schedule {
    dm_tz *tz;              /* schedule.timezone; NULL = UTC */
    dm_schedule_slot *slots;    /* stage-wide slots in stage order, then per source in config order */
    size_t nslots;
} dm_schedule;

/* Build the slots of cfg (NULL: defaults only) and load its zone. Errors:
 * the zone file cannot be loaded (it could at config time), or an
 * expression does not parse (dm_config_load validated them). */
dm_status dm_schedule_new(const dm_config *cfg, dm_schedule **out, dm_error *err);
void dm_schedule_free(dm_schedule *s);

/* due[i] = whether slots[i] is to be queued at `now`, given last[i]: the
 * created_at of the newest job of its kind and target, -1 when none (due
 * at once). Returns how many are due. */
size_t dm_schedule_due(const dm_schedule *s, const int64_t *last, int64_t now, bool *due);

/* Whether source has its own expression (or "off") for stage in cfg, so
 * that the stage-wide "all" fan-out leaves it out. cfg NULL: false. */
bool dm_schedule_source_owns(const dm_config *cfg, const char *stage, const char *source);

/* A stage's expression when the config names none ("0 * * * *" for
 * discover, ...); NULL for an unknown stage. */
const char *dm_schedule_default(const char *stage);

#endif
