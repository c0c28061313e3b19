/*
 * Service mode: `datamap serve` (scheduler, worker threads, HTTP API, event
 * intake, web UI, metrics) and `datamap worker` (the workers only).
 *
 * Jobs (catalog.h "jobs") and what a worker does with them:
 *   run SOURCE          discover, crawl + classify, tags for every asset of the source, at once
 *                       (POST /api/v1/run, matching events)
 *   discover SOURCE     find assets; a new (not yet crawled) one gets a crawl job
 *   crawl SOURCE/ASSET  infer schemas; then a classify and a tags job when it is not classified
 *   classify SOURCE/ASSET, tags SOURCE/ASSET
 *   schedule_STAGE all  made by the scheduler when STAGE's cron fires: one STAGE job per source
 *                       (discover) or live asset, leaving out the sources with their own
 *                       expression for STAGE (config schedule.sources); their created_at is
 *                       the scheduler's memory, so slots missed while down fire once after a restart
 *   schedule_STAGE SOURCE  the same for one source's own expression (src/server/schedule.h)
 *
 * The scheduler also deletes done jobs after 7 days (dead ones stay), and
 * the watcher (watcher.c) queues `run SOURCE` when a store announces a change.
 */
#ifndef DM_SERVER_SERVER_H
#define DM_SERVER_SERVER_H

#include "cli/cli.h"

int dm_cmd_serve(dm_cli *cli, int argc, char **argv);
int dm_cmd_worker(dm_cli *cli, int argc, char **argv);

#endif
