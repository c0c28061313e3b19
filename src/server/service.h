/*
 * Service mode: the state of one `datamap serve` or `datamap worker` process
 * (started by src/cli/serve.c), shared by the files of src/server: worker
 * threads, scheduler, HTTP API, event intake, web UI, metrics.
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
#ifndef DM_SERVER_SERVICE_H
#define DM_SERVER_SERVICE_H

#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "catalog/catalog.h"
#include "core/config.h"
#include "core/cron.h"
#include "pipeline/pipeline.h"

#define DM_SERVICE_MAX_WORKERS 64

/* Stage duration metrics, per job kind. */
enum { DM_KIND_RUN, DM_KIND_DISCOVER, DM_KIND_CRAWL, DM_KIND_CLASSIFY, DM_KIND_TAGS, DM_KIND_SCHEDULE, DM_NKINDS };
extern const char *const dm_service_kind_names[DM_NKINDS];

typedef struct dm_service {
    const char *catalog_url;
    dm_pipeline_opts popts;
    int nworkers;
    int64_t lease_seconds;
    int max_per_source;         /* jobs running at once against one source, fleet-wide (0: no limit) */
    int64_t max_attempts;
    char owner_prefix[96];          /* host:pid */
    const dm_config *cfg;
    char *token;                    /* bearer token, NULL = open */
    char *events_secret;            /* X-Datamap-Events-Secret for /api/v1/events, NULL = none */

    atomic_bool stop;
    pthread_mutex_t mu;
    pthread_cond_t wake;            /* new job, or stop */
    /* what each worker holds now (for the heartbeat); 0 = idle */
    int64_t running[DM_SERVICE_MAX_WORKERS];
    /* metrics (mu) */
    uint64_t rows_scanned, bytes_scanned, jobs_ok, jobs_failed;
    double stage_seconds[DM_NKINDS];
    uint64_t stage_count[DM_NKINDS];
} dm_service;

/* Worker threads + heartbeat thread; the scheduler thread when schedule. */
dm_status dm_service_start(dm_service *svc, bool schedule, dm_error *err);
/* Stop claiming, let running jobs finish, join every thread. */
void dm_service_stop(dm_service *svc);
/* Wake idle workers (a job was queued). */
void dm_service_poke(dm_service *svc);

/* The watcher thread (watcher.c): sources that announce changes get a run
 * job at once. Stops when svc->stop is set (dm_service_stop). */
dm_status dm_watcher_start(dm_service *svc, dm_error *err);
void dm_watcher_stop(dm_service *svc);

/* HTTP server (http.c). */
typedef struct dm_http dm_http;
dm_status dm_http_start(dm_service *svc, const char *listen, dm_http **out, dm_error *err);
void dm_http_stop(dm_http *h);

/* Events (events.c): parse an EventBridge/CloudTrail event or an S3 event
 * notification and queue `run` jobs for the matching sources. DM_ERR_ARG with
 * a reason for a malformed or unknown event (nothing queued). *queued is a
 * JSON array of {"job","kind","target"} (new reference). */

dm_status dm_events_intake(dm_catalog *cat, const char *body, size_t len, json_t **queued, dm_error *err);

#endif
