/*
 * The watcher thread of `datamap serve`: every source whose driver can
 * announce changes (wait_change: local folders through inotify, PostgreSQL
 * through an event trigger and LISTEN) is kept open, and a change queues a
 * `run` job for that source at once instead of waiting for the schedule.
 *
 * The source list is read again every WATCH_REFRESH_S seconds, so sources
 * added while the service runs are watched too. A source that cannot be
 * watched (no inotify, too many folders, a role that may not create event
 * triggers) is logged once and tried again after WATCH_RETRY_S seconds; the
 * schedule still covers it.
 *
 * What is queued: when the driver tells which assets a change touched
 * (changed_assets: local folders), `discover SOURCE` (new and removed
 * assets; a new one gets its crawl from the discover job) and `crawl` and
 * `tags` for each touched asset the catalog knows; a crawl whose tables
 * changed queues their classification. So one new file in a source of
 * 10,000 folders costs a discover and one crawl, not a run over all of them.
 * Otherwise, `run SOURCE`.
 *
 * The queue makes one job per kind and target while queued or running
 * (catalog.h). A change that lands while such a job is already running
 * would be lost that way (it may have read the folder before the change),
 * so a wanted job stays pending until one queued after the change exists.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/log.h"
#include "core/mem.h"
#include "server/service.h"
#include "sources/source.h"

#define WATCH_REFRESH_S 5
#define WATCH_RETRY_S 300
#define WATCH_SLICE_MS 200      /* total wait per pass over the sources */

typedef struct pending {
    char kind[16];
    char *target;
} pending;

typedef struct watched {
    char *name, *url, *options;
    dm_source *src;         /* NULL: not watchable (now) */
    int64_t retry_at;       /* when src is NULL: monotonic seconds to try again */
    pending *jobs;          /* wanted, not yet covered by a job queued after the change */
    size_t njobs;
    bool seen;              /* still in the catalog (refresh) */
} watched;

static pthread_t watcher_thread;
static bool watcher_running;

static int64_t mono_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec;
}

static void watched_free(watched *w)
{
    dm_source_close(w->src);
    for (size_t i = 0; i < w->njobs; i++)
        free(w->jobs[i].target);
    free(w->jobs);
    free(w->name);
    free(w->url);
    free(w->options);
}

/* Open the source and see whether it can be watched: the first
 * wait_change sets up what it needs. */
static void try_watch(watched *w)
{
    dm_error err = {0};
    bool changed = false;
    w->retry_at = mono_s() + WATCH_RETRY_S;
    if (dm_source_open(w->url, w->options, &w->src, &err) != DM_OK) {
        dm_debug("watch %s: %s", w->name, err.msg);
        return;
    }
    if (dm_source_wait_change(w->src, 0, &changed, &err) != DM_OK) {
        dm_info("watch %s: %s; the schedule covers it", w->name, err.msg);
        dm_source_close(w->src);
        w->src = NULL;
        if (err.code == DM_ERR_ARG)
            w->retry_at = INT64_MAX;    /* never here (no announcements, or turned off): not again */
        return;
    }
    dm_info("watching %s for changes", w->name);
}

/* Merge the catalog's sources into the list: new ones are watched, removed
 * ones dropped; a source whose URL or options changed starts again. */
static void refresh(dm_catalog *cat, watched **list, size_t *n)
{
    dm_source_rec *s = NULL;
    size_t ns = 0;
    dm_error err = {0};
    if (dm_catalog_source_list(cat, &s, &ns, &err) != DM_OK) {
        dm_warn("watch: %s", err.msg);
        return;
    }
    for (size_t i = 0; i < *n; i++)
        (*list)[i].seen = false;
    for (size_t k = 0; k < ns; k++) {
        const char *opts = s[k].options_json ? s[k].options_json : "{}";
        watched *w = NULL;
        for (size_t i = 0; i < *n && w == NULL; i++)
            if (strcmp((*list)[i].name, s[k].name) == 0)
                w = &(*list)[i];
        if (w && (strcmp(w->url, s[k].url) != 0 || strcmp(w->options, opts) != 0)) {
            watched_free(w);
            *w = (watched){0};
        } else if (w) {
            w->seen = true;
            continue;
        } else {
            *list = dm_xrealloc(*list, (*n + 1) * sizeof **list);
            w = &(*list)[(*n)++];
            *w = (watched){0};
        }
        w->name = dm_xstrdup(s[k].name);
        w->url = dm_xstrdup(s[k].url);
        w->options = dm_xstrdup(opts);
        w->seen = true;
    }
    dm_source_list_free(s, ns);
    size_t keep = 0;
    for (size_t i = 0; i < *n; i++) {
        if ((*list)[i].seen)
            (*list)[keep++] = (*list)[i];
        else
            watched_free(&(*list)[i]);
    }
    *n = keep;
}

static void want(watched *w, const char *kind, const char *target)
{
    for (size_t i = 0; i < w->njobs; i++)
        if (strcmp(w->jobs[i].kind, kind) == 0 && strcmp(w->jobs[i].target, target) == 0)
            return;
    w->jobs = dm_xrealloc(w->jobs, (w->njobs + 1) * sizeof *w->jobs);
    pending *p = &w->jobs[w->njobs++];
    snprintf(p->kind, sizeof p->kind, "%s", kind);
    p->target = dm_xstrdup(target);
}

/* A change came: what to queue for it (see the top of the file). */
static void plan(dm_catalog *cat, watched *w)
{
    char **names = NULL;
    size_t n = 0;
    bool all = true;
    dm_source_changed_assets(w->src, &names, &n, &all);
    if (all) {
        want(w, "run", w->name);
    } else {
        want(w, "discover", w->name);
        for (size_t i = 0; i < n; i++) {
            /* only assets the catalog knows: a new one gets its crawl from
             * the discover job, a crawl of an unknown one would fail */
            dm_asset_filter f = {.source = w->name, .name = names[i]};
            dm_asset_rec *list = NULL;
            size_t na = 0;
            if (dm_catalog_asset_list(cat, &f, &list, &na, NULL) == DM_OK && na > 0) {
                char *target = dm_xasprintf("%s/%s", w->name, names[i]);
                want(w, "crawl", target);
                want(w, "tags", target);
                free(target);
            }
            dm_asset_list_free(list, na);
        }
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* Queue the pending jobs; one stays pending while only a running job of
 * its kind and target (which may have missed the change) exists. */
static void flush(dm_service *svc, dm_catalog *cat, watched *w)
{
    size_t keep = 0;
    bool queued = false;
    for (size_t i = 0; i < w->njobs; i++) {
        pending *p = &w->jobs[i];
        dm_error err = {0};
        int64_t id = 0;
        bool is_new = false, still = true;
        if (dm_catalog_job_enqueue(cat, p->kind, p->target, (int)svc->max_attempts, 0, &id, &is_new, &err) != DM_OK) {
            dm_warn("watch %s: %s", w->name, err.msg);
        } else if (is_new) {
            dm_info("watch %s: changed, %s %s queued", w->name, p->kind, p->target);
            queued = true;
            still = false;
        } else {
            dm_job_rec j;
            if (dm_catalog_job_get(cat, id, &j, &err) == DM_OK) {
                still = strcmp(j.state, DM_JOB_RUNNING) == 0;
                dm_job_rec_free(&j);
            }
        }
        if (still)
            w->jobs[keep++] = *p;
        else
            free(p->target);
    }
    w->njobs = keep;
    if (queued)
        dm_service_poke(svc);
}

static void *watcher_main(void *arg)
{
    dm_service *svc = arg;
    dm_catalog *cat = NULL;
    dm_error err = {0};
    watched *list = NULL;
    size_t n = 0;
    int64_t next_refresh = 0;
    if (dm_catalog_open(svc->catalog_url, &cat, &err) != DM_OK) {
        dm_error_log("watch: catalog: %s", err.msg);
        return NULL;
    }
    while (!atomic_load(&svc->stop)) {
        int64_t now = mono_s();
        if (now >= next_refresh) {
            refresh(cat, &list, &n);
            next_refresh = now + WATCH_REFRESH_S;
        }
        size_t active = 0;
        for (size_t i = 0; i < n; i++) {
            if (list[i].src == NULL && now >= list[i].retry_at)
                try_watch(&list[i]);
            active += list[i].src != NULL;
        }
        int slice = active ? WATCH_SLICE_MS / (int)active : WATCH_SLICE_MS;
        if (slice < 10)
            slice = 10;
        for (size_t i = 0; i < n && !atomic_load(&svc->stop); i++) {
            watched *w = &list[i];
            bool changed = false;
            if (w->src == NULL)
                continue;
            if (dm_source_wait_change(w->src, slice, &changed, &err) != DM_OK) {
                dm_info("watch %s: %s; the schedule covers it", w->name, err.msg);
                dm_source_close(w->src);
                w->src = NULL;
                w->retry_at = mono_s() + WATCH_RETRY_S;
            }
            if (changed)
                plan(cat, w);
            if (w->njobs > 0)
                flush(svc, cat, w);
        }
        if (active == 0) {
            struct timespec ts = {0, WATCH_SLICE_MS * 1000000L};
            nanosleep(&ts, NULL);
        }
    }
    for (size_t i = 0; i < n; i++)
        watched_free(&list[i]);
    free(list);
    dm_catalog_close(cat);
    return NULL;
}

dm_status dm_watcher_start(dm_service *svc, dm_error *err)
{
    if (pthread_create(&watcher_thread, NULL, watcher_main, svc) != 0)
        return DM_FAIL(err, DM_ERR_INTERNAL, "could not start the watcher thread");
    watcher_running = true;
    return DM_OK;
}

void dm_watcher_stop(dm_service *svc)
{
    (void)svc;      /* svc->stop is already set: the thread ends within one slice */
    if (watcher_running)
        pthread_join(watcher_thread, NULL);
    watcher_running = false;
}
