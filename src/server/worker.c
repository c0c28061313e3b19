/*
 * Worker threads, the heartbeat thread and the scheduler thread of the
 * service, and what each job kind does (service.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/log.h"
#include "core/mem.h"
#include "server/schedule.h"
#include "server/service.h"

const char *const dm_service_kind_names[DM_NKINDS] = {"run", "discover", "crawl", "classify", "tags", "schedule"};

static pthread_t workers[DM_SERVICE_MAX_WORKERS], heartbeat_thread, scheduler_thread;
static bool have_scheduler;

typedef struct worker_arg {
    dm_service *svc;
    int idx;
} worker_arg;
static worker_arg worker_args[DM_SERVICE_MAX_WORKERS];

static double mono_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Sleep up to secs, woken early by stop or poke. */
static void nap(dm_service *svc, double secs)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += (time_t)secs;
    ts.tv_nsec += (long)((secs - (double)(time_t)secs) * 1e9);
    if (ts.tv_nsec >= 1000000000L)
        ts.tv_sec++, ts.tv_nsec -= 1000000000L;
    pthread_mutex_lock(&svc->mu);
    if (!atomic_load(&svc->stop))
        pthread_cond_timedwait(&svc->wake, &svc->mu, &ts);
    pthread_mutex_unlock(&svc->mu);
}

void dm_service_poke(dm_service *svc)
{
    pthread_mutex_lock(&svc->mu);
    pthread_cond_broadcast(&svc->wake);
    pthread_mutex_unlock(&svc->mu);
}

static int kind_index(const char *kind)
{
    if (strncmp(kind, "schedule_", 9) == 0)
        return DM_KIND_SCHEDULE;
    for (int i = 0; i < DM_NKINDS; i++)
        if (strcmp(kind, dm_service_kind_names[i]) == 0)
            return i;
    return -1;
}

/* Find SOURCE/NAME. */
static dm_status find_asset(dm_catalog *cat, const char *target, dm_source_rec *src, dm_asset_rec *asset,
                            dm_error *err)
{
    const char *slash = strchr(target, '/');
    if (slash == NULL)
        return DM_FAIL(err, DM_ERR_NOT_FOUND, "asset target '%s' is not SOURCE/NAME", target);
    char *sname = dm_xstrndup(target, (size_t)(slash - target));
    dm_asset_filter f = {.source = sname, .name = slash + 1};
    dm_asset_rec *list = NULL;
    size_t n = 0;
    dm_status rc = dm_catalog_source_get(cat, sname, src, err);
    if (rc == DM_OK && (rc = dm_catalog_asset_list(cat, &f, &list, &n, err)) == DM_OK) {
        if (n == 0) {
            rc = DM_FAIL(err, DM_ERR_NOT_FOUND, "no live asset %s", target);
        } else {
            *asset = list[0];
            memset(&list[0], 0, sizeof list[0]);
        }
    }
    dm_asset_list_free(list, n);
    free(sname);
    return rc;
}

static void enqueue(dm_service *svc, dm_catalog *cat, const char *kind, const char *target)
{
    dm_error err = {0};
    if (dm_catalog_job_enqueue(cat, kind, target, (int)svc->max_attempts, 0, NULL, NULL, &err) != DM_OK)
        dm_warn("could not queue %s %s: %s", kind, target, err.msg);
}

static void enqueue_asset(dm_service *svc, dm_catalog *cat, const char *kind, const dm_asset_rec *a)
{
    char *t = dm_xasprintf("%s/%s", a->source_name, a->name);
    enqueue(svc, cat, kind, t);
    free(t);
}

/* schedule_STAGE TARGET: fan out STAGE jobs, to every source (discover) or
 * live asset when target is "all" except the sources with their own
 * expression for the stage, else to the source named target only. */
static dm_status fan_out(dm_service *svc, dm_catalog *cat, const char *stage, const char *target, dm_error *err)
{
    bool all = strcmp(target, "all") == 0;
    dm_status rc = DM_OK;
    if (!all) {
        dm_source_rec one = {0};
        rc = dm_catalog_source_get(cat, target, &one, err);
        dm_source_rec_free(&one);
        if (rc != DM_OK)
            return rc;
    }
    if (strcmp(stage, "discover") == 0) {
        if (!all) {
            enqueue(svc, cat, "discover", target);
            return DM_OK;
        }
        dm_source_rec *s = NULL;
        size_t n = 0;
        rc = dm_catalog_source_list(cat, &s, &n, err);
        for (size_t i = 0; rc == DM_OK && i < n; i++)
            if (!dm_schedule_source_owns(svc->cfg, stage, s[i].name))
                enqueue(svc, cat, "discover", s[i].name);
        dm_source_list_free(s, n);
        return rc;
    }
    dm_asset_rec *a = NULL;
    size_t n = 0;
    dm_asset_filter f = {.source = all ? NULL : target};
    rc = dm_catalog_asset_list(cat, &f, &a, &n, err);
    for (size_t i = 0; rc == DM_OK && i < n; i++) {
        bool crawled = strcmp(a[i].state, DM_ASSET_DISCOVERED) != 0;
        if (strcmp(stage, "classify") == 0 && !crawled)
            continue;   /* its crawl job will queue it */
        if (all && dm_schedule_source_owns(svc->cfg, stage, a[i].source_name))
            continue;   /* its own slot covers it */
        enqueue_asset(svc, cat, stage, &a[i]);
    }
    dm_asset_list_free(a, n);
    return rc;
}

/* Run one job; DM_ERR_NOT_FOUND means it can never succeed (permanent). */
static dm_status run_job(dm_service *svc, dm_catalog *cat, const dm_job_rec *job, dm_error *err)
{
    dm_pipeline *p = NULL;
    dm_source_rec src = {0};
    dm_asset_rec asset = {0};
    dm_asset_rec *assets = NULL;
    size_t nassets = 0;
    dm_status rc = DM_OK;
    int k = kind_index(job->kind);
    if (k < 0)
        return DM_FAIL(err, DM_ERR_NOT_FOUND, "unknown job kind '%s'", job->kind);
    if (k == DM_KIND_SCHEDULE)
        return fan_out(svc, cat, job->kind + 9, job->target, err);
    if (k == DM_KIND_RUN || k == DM_KIND_DISCOVER)
        rc = dm_catalog_source_get(cat, job->target, &src, err);
    else
        rc = find_asset(cat, job->target, &src, &asset, err);
    if (rc == DM_ERR_NOT_FOUND && k != DM_KIND_RUN && k != DM_KIND_DISCOVER && src.name != NULL) {
        /* the asset vanished since the job was queued (its folder was
         * removed, discover saw it): nothing left to do */
        dm_info("job %lld: %s %s: %s, nothing to do", (long long)job->id, job->kind, job->target, err->msg);
        rc = DM_OK;
        goto out;
    }
    if (rc != DM_OK)
        goto out;
    if ((rc = dm_pipeline_new(cat, &svc->popts, job->kind, &p, err)) != DM_OK)
        goto out;
    switch (k) {
    case DM_KIND_RUN:
    case DM_KIND_DISCOVER: {
        dm_pipeline_discover(p, &src);
        dm_asset_filter f = {.source = src.name};
        if ((rc = dm_catalog_asset_list(cat, &f, &assets, &nassets, err)) != DM_OK)
            goto out;
        for (size_t i = 0; i < nassets && !atomic_load(&svc->stop); i++) {
            if (k == DM_KIND_DISCOVER) {
                if (strcmp(assets[i].state, DM_ASSET_DISCOVERED) == 0)
                    enqueue_asset(svc, cat, "crawl", &assets[i]);
                continue;
            }
            dm_pipeline_asset(p, &src, &assets[i], true, true);
            dm_pipeline_tags(p, &src, &assets[i]);
        }
        break;
    }
    case DM_KIND_CRAWL:
        dm_pipeline_asset(p, &src, &asset, true, false);
        break;
    case DM_KIND_CLASSIFY:
        dm_pipeline_asset(p, &src, &asset, false, true);
        break;
    case DM_KIND_TAGS:
        dm_pipeline_tags(p, &src, &asset);
        break;
    }
    size_t np = 0;
    const dm_problem *probs = dm_pipeline_problems(p, &np);
    if (np > 0)
        rc = DM_FAIL(err, DM_ERR_IO, "%zu problem(s); first: %s: %s", np, probs[0].target, probs[0].message);
    if (k == DM_KIND_CRAWL && rc == DM_OK) {
        /* a crawled asset that is not classified yet goes on */
        dm_asset_rec now = {0};
        dm_source_rec s2 = {0};
        if (find_asset(cat, job->target, &s2, &now, NULL) == DM_OK && strcmp(now.state, DM_ASSET_CATALOGED) == 0) {
            enqueue(svc, cat, "classify", job->target);
            enqueue(svc, cat, "tags", job->target);
        }
        dm_asset_rec_free(&now);
        dm_source_rec_free(&s2);
    }
    pthread_mutex_lock(&svc->mu);
    svc->rows_scanned += dm_pipeline_get_stats(p)->rows_read;
    svc->bytes_scanned += dm_pipeline_get_stats(p)->bytes_read;
    pthread_mutex_unlock(&svc->mu);
out:
    dm_pipeline_finish(p);
    dm_pipeline_free(p);
    dm_asset_list_free(assets, nassets);
    dm_asset_rec_free(&asset);
    dm_source_rec_free(&src);
    return rc;
}

static void *worker_main(void *arg)
{
    worker_arg *wa = arg;
    dm_service *svc = wa->svc;
    dm_catalog *cat = NULL;
    dm_error err = {0};
    char owner[128];
    snprintf(owner, sizeof owner, "%s:w%d", svc->owner_prefix, wa->idx);
    while (!atomic_load(&svc->stop) && dm_catalog_open(svc->catalog_url, &cat, &err) != DM_OK) {
        dm_error_log("worker %d: catalog: %s", wa->idx, err.msg);
        nap(svc, 5);
    }
    while (!atomic_load(&svc->stop)) {
        dm_job_rec job;
        bool claimed = false;
        if (dm_catalog_job_claim_limited(cat, owner, svc->lease_seconds, svc->max_per_source, &job, &claimed,
                                         &err) != DM_OK) {
            dm_warn("worker %d: claim: %s", wa->idx, err.msg);
            nap(svc, 1);
            continue;
        }
        if (!claimed) {
            /* PostgreSQL: sleep until a job is queued anywhere in the fleet
             * (NOTIFY), at most 2 s so a stop is seen; SQLite: poll */
            bool supported = false, woken = false;
            if (dm_catalog_job_wait(cat, 2000, &supported, &woken, &err) != DM_OK) {
                dm_warn("worker %d: waiting for jobs: %s", wa->idx, err.msg);
                nap(svc, 1);
            } else if (!supported) {
                nap(svc, 1);
            }
            continue;
        }
        pthread_mutex_lock(&svc->mu);
        svc->running[wa->idx] = job.id;
        pthread_mutex_unlock(&svc->mu);
        dm_info("job %lld: %s %s (attempt %d)", (long long)job.id, job.kind, job.target, job.attempts);
        double t0 = mono_now();
        dm_error jerr = {0};
        dm_status rc = run_job(svc, cat, &job, &jerr);
        double secs = mono_now() - t0;
        pthread_mutex_lock(&svc->mu);
        svc->running[wa->idx] = 0;
        int k = kind_index(job.kind);
        if (k >= 0) {
            svc->stage_seconds[k] += secs;
            svc->stage_count[k]++;
        }
        if (rc == DM_OK)
            svc->jobs_ok++;
        else
            svc->jobs_failed++;
        pthread_mutex_unlock(&svc->mu);
        if (rc == DM_OK) {
            if (dm_catalog_job_complete(cat, job.id, owner, &err) != DM_OK)
                dm_warn("job %lld: %s", (long long)job.id, err.msg);
        } else {
            bool dead = false;
            dm_job_backoff b = {.base_seconds = 30, .cap_seconds = 3600};
            dm_warn("job %lld: %s %s failed: %s", (long long)job.id, job.kind, job.target, jerr.msg);
            if (dm_catalog_job_fail(cat, job.id, owner, jerr.msg, rc == DM_ERR_NOT_FOUND, &b, &dead, &err) != DM_OK)
                dm_warn("job %lld: %s", (long long)job.id, err.msg);
        }
        dm_job_rec_free(&job);
        dm_service_poke(svc);   /* the job may have queued others */
    }
    dm_catalog_close(cat);
    return NULL;
}

/* Renew the leases of the jobs this process runs, every lease/3 seconds. */
static void *heartbeat_main(void *arg)
{
    dm_service *svc = arg;
    dm_catalog *cat = NULL;
    dm_error err = {0};
    if (dm_catalog_open(svc->catalog_url, &cat, &err) != DM_OK) {
        dm_error_log("heartbeat: catalog: %s", err.msg);
        return NULL;
    }
    double every = svc->lease_seconds / 3.0;
    while (!atomic_load(&svc->stop)) {
        nap(svc, every < 0.5 ? 0.5 : every);
        for (int i = 0; i < svc->nworkers; i++) {
            pthread_mutex_lock(&svc->mu);
            int64_t id = svc->running[i];
            pthread_mutex_unlock(&svc->mu);
            if (id == 0)
                continue;
            char owner[128];
            snprintf(owner, sizeof owner, "%s:w%d", svc->owner_prefix, i);
            if (dm_catalog_job_heartbeat(cat, id, owner, svc->lease_seconds, &err) != DM_OK)
                dm_debug("heartbeat: %s", err.msg);
        }
    }
    dm_catalog_close(cat);
    return NULL;
}

/* Log the slots, and warn about configured sources the catalog lacks. */
static void scheduler_announce(dm_catalog *cat, const dm_config *cfg, const dm_schedule *sched)
{
    for (size_t i = 0; i < sched->nslots; i++) {
        const dm_schedule_slot *sl = &sched->slots[i];
        dm_info("scheduler: %s %s at '%s' (%s)", sl->stage, sl->target, sl->expr, dm_tz_name(sched->tz));
    }
    for (size_t k = 0; cfg != NULL && k < cfg->nschedule_sources; k++) {
        dm_source_rec src = {0};
        dm_error err = {0};
        dm_status rc = dm_catalog_source_get(cat, cfg->schedule_sources[k].source, &src, &err);
        if (rc == DM_ERR_NOT_FOUND)
            dm_warn("scheduler: schedule.sources.%s (%s:%zu): no such source in the catalog; its schedule waits "
                    "until `datamap source add %s`",
                    cfg->schedule_sources[k].source, cfg->path ? cfg->path : "config", cfg->schedule_sources[k].line,
                    cfg->schedule_sources[k].source);
        else if (rc != DM_OK)
            dm_warn("scheduler: %s", err.msg);
        dm_source_rec_free(&src);
    }
}

#define JOB_KEEP_DONE_S (7 * 86400)   /* done jobs stay listed this long */
#define JOB_PRUNE_EVERY_S 3600

static void *scheduler_main(void *arg)
{
    dm_service *svc = arg;
    dm_catalog *cat = NULL;
    dm_schedule *sched = NULL;
    dm_error err = {0};
    int64_t *last = NULL;
    bool *due = NULL;
    if (dm_schedule_new(svc->cfg, &sched, &err) != DM_OK) {
        dm_error_log("scheduler: %s; nothing is scheduled", err.msg);
        return NULL;
    }
    while (!atomic_load(&svc->stop) && dm_catalog_open(svc->catalog_url, &cat, &err) != DM_OK) {
        dm_error_log("scheduler: catalog: %s", err.msg);
        nap(svc, 5);
    }
    if (cat == NULL)
        goto out;
    scheduler_announce(cat, svc->cfg, sched);
    last = dm_xcalloc(sched->nslots ? sched->nslots : 1, sizeof *last);
    due = dm_xcalloc(sched->nslots ? sched->nslots : 1, sizeof *due);
    double last_pass = -1, last_prune = -1;
    while (!atomic_load(&svc->stop)) {
        /* nap wakes at every poke (each finished job): one pass a second at most */
        double since = mono_now() - last_pass;
        if (last_pass >= 0 && since < 1) {
            nap(svc, 1 - since);
            continue;
        }
        last_pass = mono_now();
        int64_t now = (int64_t)time(NULL);
        bool trouble = false;   /* a catalog call failed: try again soon */
        if (last_prune < 0 || last_pass - last_prune >= JOB_PRUNE_EVERY_S) {
            /* a watched folder that changes often makes many run jobs */
            int64_t removed = 0;
            last_prune = last_pass;
            if (dm_catalog_job_prune(cat, JOB_KEEP_DONE_S, &removed, &err) != DM_OK)
                dm_warn("scheduler: pruning done jobs: %s", err.msg);
            else if (removed > 0)
                dm_info("scheduler: %lld done job(s) older than %d days removed", (long long)removed,
                        JOB_KEEP_DONE_S / 86400);
        }
        for (size_t i = 0; i < sched->nslots; i++) {
            const dm_schedule_slot *sl = &sched->slots[i];
            if (dm_catalog_job_last_created_target(cat, sl->kind, sl->target, &last[i], &err) != DM_OK) {
                dm_warn("scheduler: %s", err.msg);
                last[i] = now;  /* not due this round */
                trouble = true;
            }
        }
        dm_schedule_due(sched, last, now, due);
        for (size_t i = 0; i < sched->nslots; i++) {
            const dm_schedule_slot *sl = &sched->slots[i];
            bool is_new = false;
            if (!due[i])
                continue;
            if (strcmp(sl->target, "all") != 0) {
                /* a configured source not (yet) in the catalog: wait for it */
                dm_source_rec src = {0};
                dm_status rc = dm_catalog_source_get(cat, sl->target, &src, &err);
                dm_source_rec_free(&src);
                if (rc == DM_ERR_NOT_FOUND)
                    continue;
            }
            if (dm_catalog_job_enqueue(cat, sl->kind, sl->target, 3, 0, NULL, &is_new, &err) != DM_OK) {
                dm_warn("scheduler: %s", err.msg);
                trouble = true;
            } else if (is_new) {
                dm_info("scheduler: %s %s due", sl->stage, sl->target);
                dm_service_poke(svc);
            }
        }
        /* wake for the next slot, or in 15 s to notice a stage still queued */
        double wait = trouble ? 2 : 15;
        for (size_t i = 0; i < sched->nslots; i++) {
            int64_t next = dm_cron_next_tz(&sched->slots[i].cron, sched->tz, now);
            if (next >= 0 && (double)(next - now) < wait)
                wait = (double)(next - now);
        }
        nap(svc, wait < 1 ? 1 : wait);
    }
out:
    free(last);
    free(due);
    dm_catalog_close(cat);
    dm_schedule_free(sched);
    return NULL;
}

dm_status dm_service_start(dm_service *svc, bool schedule, dm_error *err)
{
    int started = 0;
    for (; started < svc->nworkers; started++) {
        worker_args[started] = (worker_arg){svc, started};
        if (pthread_create(&workers[started], NULL, worker_main, &worker_args[started]) != 0)
            goto fail;
    }
    if (pthread_create(&heartbeat_thread, NULL, heartbeat_main, svc) != 0)
        goto fail;
    have_scheduler = schedule && pthread_create(&scheduler_thread, NULL, scheduler_main, svc) == 0;
    return DM_OK;
fail:
    svc->nworkers = started;
    atomic_store(&svc->stop, true);
    dm_service_poke(svc);
    for (int i = 0; i < started; i++)
        pthread_join(workers[i], NULL);
    return DM_FAIL(err, DM_ERR_INTERNAL, "could not start threads: %s", strerror(errno));
}

void dm_service_stop(dm_service *svc)
{
    atomic_store(&svc->stop, true);
    dm_service_poke(svc);
    for (int i = 0; i < svc->nworkers; i++)
        pthread_join(workers[i], NULL);
    pthread_join(heartbeat_thread, NULL);
    if (have_scheduler)
        pthread_join(scheduler_thread, NULL);
}
