/*
 * Catalog: the job queue (catalog.h, "jobs"), as portable SQL over db.h.
 *
 * Claiming is one UPDATE ... WHERE id = (SELECT ... LIMIT 1) RETURNING in a
 * write transaction: on SQLite the transaction is BEGIN IMMEDIATE, which
 * serialises claimers on the busy timeout; on PostgreSQL the inner SELECT
 * gets FOR UPDATE SKIP LOCKED (ops->claim_lock) so claimers skip each other's
 * rows instead of queueing. Leases and run_after are ISO 8601 UTC strings,
 * which compare in time order as text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "catalog/catalog.h"
#include "catalog/catalog_impl.h"
#include "core/mem.h"

#define JOB_COLS \
    "id, kind, target, state, attempts, max_attempts, run_after, lease_owner, lease_until, last_error, created_at, updated_at"
#define DEFAULT_MAX_ATTEMPTS 5

#define ARGS(...) (const dm_db_val[]){__VA_ARGS__}, sizeof((const dm_db_val[]){__VA_ARGS__}) / sizeof(dm_db_val)

static int64_t iso_to_epoch(const char *iso)
{
    struct tm tm = {0};
    if (iso == NULL || strptime(iso, "%Y-%m-%dT%H:%M:%SZ", &tm) == NULL)
        return -1;
    return (int64_t)timegm(&tm);
}

/* now + secs as ISO 8601 UTC. */
static void iso_plus(const char *now, int64_t secs, char out[32])
{
    time_t t = (time_t)(iso_to_epoch(now) + secs);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Prepare, bind, step once; *found tells whether a row came. The statement
 * stays open on the row for reading (finalize it). */
static dm_status q_first(dm_db *db, const char *sql, const dm_db_val *vals, size_t n, dm_db_stmt **st, bool *found,
                         dm_error *err)
{
    *found = false;
    dm_status rc = dm_db_prepare(db, sql, st, err);
    if (rc == DM_OK && n > 0)
        rc = dm_db_bind_vals(*st, vals, n, err);
    if (rc == DM_OK)
        rc = dm_db_step(*st, found, err);
    return rc;
}

/* Step a statement to its end. */
static dm_status q_drain(dm_db_stmt *st, dm_error *err)
{
    bool row = true;
    dm_status rc = DM_OK;
    while (rc == DM_OK && row)
        rc = dm_db_step(st, &row, err);
    return rc;
}

static dm_status q_exec(dm_db *db, const char *sql, const dm_db_val *vals, size_t n, bool *found, dm_error *err)
{
    dm_db_stmt *st = NULL;
    bool row = false;
    dm_status rc = q_first(db, sql, vals, n, &st, &row, err);
    if (rc == DM_OK && row)
        rc = q_drain(st, err);
    if (found != NULL)
        *found = row;
    dm_db_finalize(st);
    return rc;
}

static char *col_dup(dm_db_stmt *st, int col)
{
    const char *s = dm_db_col_text(st, col);
    return s ? dm_xstrdup(s) : NULL;
}

static void read_job(dm_db_stmt *st, dm_job_rec *j)
{
    j->id = dm_db_col_int64(st, 0);
    j->kind = col_dup(st, 1);
    j->target = col_dup(st, 2);
    j->state = col_dup(st, 3);
    j->attempts = (int)dm_db_col_int64(st, 4);
    j->max_attempts = (int)dm_db_col_int64(st, 5);
    j->run_after = col_dup(st, 6);
    j->lease_owner = col_dup(st, 7);
    j->lease_until = col_dup(st, 8);
    j->last_error = col_dup(st, 9);
    j->created_at = col_dup(st, 10);
    j->updated_at = col_dup(st, 11);
}

static dm_status tx_end(dm_db *db, dm_status rc, dm_error *err)
{
    if (rc == DM_OK)
        return dm_db_commit(db, err);
    dm_db_rollback(db);
    return rc;
}

dm_status dm_catalog_job_enqueue(dm_catalog *cat, const char *kind, const char *target, int max_attempts,
                                 int64_t run_after_seconds, int64_t *id, bool *is_new, dm_error *err)
{
    dm_db *db = dm_catalog_db(cat);
    dm_db_stmt *st = NULL;
    char now[32], when[32];
    bool row = false;
    int64_t job_id = 0;
    if (kind == NULL || *kind == '\0' || target == NULL || *target == '\0')
        return DM_FAIL(err, DM_ERR_ARG, "job: kind and target are required");
    dm_catalog_now(cat, now);
    iso_plus(now, run_after_seconds > 0 ? run_after_seconds : 0, when);
    dm_status rc = dm_db_begin(db, err);
    if (rc != DM_OK)
        return rc;
    rc = q_first(db,
                 "INSERT INTO jobs (kind, target, state, attempts, max_attempts, run_after, created_at, updated_at) "
                 "VALUES (?, ?, 'queued', 0, ?, ?, ?, ?) "
                 "ON CONFLICT (kind, target) WHERE state IN ('queued', 'running') DO NOTHING RETURNING id",
                 ARGS(DV_T(kind), DV_T(target), DV_I(max_attempts > 0 ? max_attempts : DEFAULT_MAX_ATTEMPTS),
                      DV_T(when), DV_T(now), DV_T(now)),
                 &st, &row, err);
    if (rc == DM_OK && row) {
        job_id = dm_db_col_int64(st, 0);
        rc = q_drain(st, err);
    }
    dm_db_finalize(st);
    st = NULL;
    if (is_new != NULL)
        *is_new = row;
    if (rc == DM_OK && !row) {
        /* one exists: bring a queued one forward when asked for sooner */
        rc = q_first(db,
                     "UPDATE jobs SET run_after = CASE WHEN state = 'queued' AND run_after > ? THEN ? "
                     "ELSE run_after END WHERE kind = ? AND target = ? AND state IN ('queued', 'running') "
                     "RETURNING id",
                     ARGS(DV_T(when), DV_T(when), DV_T(kind), DV_T(target)), &st, &row, err);
        if (rc == DM_OK && row) {
            job_id = dm_db_col_int64(st, 0);
            rc = q_drain(st, err);
        } else if (rc == DM_OK) {
            rc = DM_FAIL(err, DM_ERR_INTERNAL, "job %s %s: neither inserted nor found", kind, target);
        }
        dm_db_finalize(st);
    }
    /* idle workers of the fleet wake at commit */
    if (rc == DM_OK && db->ops->notify_jobs_sql != NULL)
        rc = dm_db_exec(db, db->ops->notify_jobs_sql, err);
    rc = tx_end(db, rc, err);
    if (rc == DM_OK && id != NULL)
        *id = job_id;
    return rc;
}

/* The sources (target up to '/') with at least limit jobs running under a
 * live lease; schedule_* jobs are not counted. */
static dm_status full_sources(dm_db *db, const char *now, int limit, char ***out, size_t *nout, dm_error *err)
{
    typedef struct { char *name; int n; } count;
    count *c = NULL;
    size_t nc = 0, cap = 0;
    dm_db_stmt *st = NULL;
    bool row = false;
    *out = NULL;
    *nout = 0;
    dm_status rc = q_first(db,
                           "SELECT target FROM jobs WHERE state = 'running' AND lease_until >= ? "
                           "AND kind NOT LIKE 'schedule%'",
                           ARGS(DV_T(now)), &st, &row, err);
    while (rc == DM_OK && row) {
        const char *t = dm_db_col_text(st, 0);
        size_t l = t ? strcspn(t, "/") : 0;
        size_t i = 0;
        while (i < nc && !(strlen(c[i].name) == l && strncmp(c[i].name, t, l) == 0))
            i++;
        if (i == nc && t != NULL) {
            DM_GROW(c, cap, nc + 1);
            c[nc++] = (count){dm_xstrndup(t, l), 0};
        }
        if (i < nc)
            c[i].n++;
        rc = dm_db_step(st, &row, err);
    }
    dm_db_finalize(st);
    char **full = NULL;
    size_t nfull = 0, fcap = 0;
    for (size_t i = 0; i < nc; i++) {
        if (rc == DM_OK && c[i].n >= limit) {
            DM_GROW(full, fcap, nfull + 1);
            full[nfull++] = c[i].name;
        } else {
            free(c[i].name);
        }
    }
    free(c);
    *out = full;
    *nout = nfull;
    return rc;
}

/* Characters (not bytes) of a UTF-8 string: what substr() counts in both
 * SQLite and PostgreSQL. */
static int64_t utf8_chars(const char *s)
{
    int64_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

dm_status dm_catalog_job_claim_limited(dm_catalog *cat, const char *owner, int64_t lease_seconds,
                                       int max_per_source, dm_job_rec *out, bool *claimed, dm_error *err)
{
    dm_db *db = dm_catalog_db(cat);
    dm_db_stmt *st = NULL;
    char now[32], until[32];
    char **full = NULL;
    size_t nfull = 0;
    dm_buf sql = DM_BUF_INIT;
    dm_db_val *vals = NULL;
    bool row = false;
    memset(out, 0, sizeof *out);
    *claimed = false;
    dm_catalog_now(cat, now);
    iso_plus(now, lease_seconds > 0 ? lease_seconds : 1, until);
    dm_status rc = dm_db_begin(db, err);
    if (rc != DM_OK)
        return rc;
    /* a job whose worker died on its last allowed attempt is dead, not retried */
    rc = q_exec(db,
                "UPDATE jobs SET state = 'dead', lease_owner = NULL, lease_until = NULL, updated_at = ?, "
                "last_error = 'lease expired on attempt ' || attempts || ': the worker stopped' "
                "WHERE state = 'running' AND lease_until < ? AND attempts >= max_attempts",
                ARGS(DV_T(now), DV_T(now)), NULL, err);
    if (rc != DM_OK)
        goto out;
    if (max_per_source > 0) {
        /* count and claim under one lock: another claimer's running row is
         * committed (and seen) before this one counts */
        if (db->ops->claim_serialize_sql != NULL && (rc = dm_db_exec(db, db->ops->claim_serialize_sql, err)) != DM_OK)
            goto out;
        if ((rc = full_sources(db, now, max_per_source, &full, &nfull, err)) != DM_OK)
            goto out;
    }
    size_t nv = 0;
    vals = dm_xcalloc(5 + 3 * nfull, sizeof *vals);
    vals[nv++] = DV_T(owner);
    vals[nv++] = DV_T(until);
    vals[nv++] = DV_T(now);
    vals[nv++] = DV_T(now);
    vals[nv++] = DV_T(now);
    dm_buf_puts(&sql, "UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = ?, lease_until = ?, "
                      "updated_at = ? WHERE id = (SELECT id FROM jobs WHERE ((state = 'queued' AND run_after <= ?) "
                      "OR (state = 'running' AND lease_until < ?))");
    char **prefixes = nfull ? dm_xcalloc(nfull, sizeof *prefixes) : NULL;
    for (size_t i = 0; i < nfull; i++) {
        prefixes[i] = dm_xasprintf("%s/", full[i]);
        dm_buf_puts(&sql, " AND (kind LIKE 'schedule%' OR NOT (target = ? OR substr(target, 1, ?) = ?))");
        vals[nv++] = DV_T(full[i]);
        vals[nv++] = DV_I(utf8_chars(prefixes[i]));
        vals[nv++] = DV_T(prefixes[i]);
    }
    dm_buf_printf(&sql, " ORDER BY run_after, id LIMIT 1%s) RETURNING " JOB_COLS, db->ops->claim_lock);
    rc = q_first(db, sql.data, vals, nv, &st, &row, err);
    if (rc == DM_OK && row) {
        read_job(st, out);
        rc = q_drain(st, err);
    }
    for (size_t i = 0; i < nfull; i++)
        free(prefixes[i]);
    free(prefixes);
out:
    dm_db_finalize(st);
    rc = tx_end(db, rc, err);
    if (rc == DM_OK)
        *claimed = row;
    else
        dm_job_rec_free(out);
    for (size_t i = 0; i < nfull; i++)
        free(full[i]);
    free(full);
    free(vals);
    dm_buf_free(&sql);
    return rc;
}

dm_status dm_catalog_job_claim(dm_catalog *cat, const char *owner, int64_t lease_seconds, dm_job_rec *out,
                               bool *claimed, dm_error *err)
{
    return dm_catalog_job_claim_limited(cat, owner, lease_seconds, 0, out, claimed, err);
}

dm_status dm_catalog_job_wait(dm_catalog *cat, int timeout_ms, bool *supported, bool *woken, dm_error *err)
{
    dm_db *db = dm_catalog_db(cat);
    *woken = false;
    *supported = db->ops->wait_jobs != NULL;
    if (!*supported)
        return DM_OK;
    return db->ops->wait_jobs(db, timeout_ms, woken, err);
}

static dm_status lease_lost(dm_error *err, int64_t id, const char *owner)
{
    return DM_FAIL(err, DM_ERR_NOT_FOUND, "job %lld: not running under %s any more (lease lost)", (long long)id,
                   owner);
}

dm_status dm_catalog_job_heartbeat(dm_catalog *cat, int64_t id, const char *owner, int64_t lease_seconds,
                                   dm_error *err)
{
    char now[32], until[32];
    bool found = false;
    dm_catalog_now(cat, now);
    iso_plus(now, lease_seconds > 0 ? lease_seconds : 1, until);
    dm_status rc = q_exec(dm_catalog_db(cat),
                          "UPDATE jobs SET lease_until = ?, updated_at = ? WHERE id = ? AND state = 'running' "
                          "AND lease_owner = ? RETURNING id",
                          ARGS(DV_T(until), DV_T(now), DV_I(id), DV_T(owner)), &found, err);
    if (rc == DM_OK && !found)
        rc = lease_lost(err, id, owner);
    return rc;
}

dm_status dm_catalog_job_complete(dm_catalog *cat, int64_t id, const char *owner, dm_error *err)
{
    char now[32];
    bool found = false;
    dm_catalog_now(cat, now);
    dm_status rc = q_exec(dm_catalog_db(cat),
                          "UPDATE jobs SET state = 'done', lease_owner = NULL, lease_until = NULL, updated_at = ? "
                          "WHERE id = ? AND state = 'running' AND lease_owner = ? RETURNING id",
                          ARGS(DV_T(now), DV_I(id), DV_T(owner)), &found, err);
    if (rc == DM_OK && !found)
        rc = lease_lost(err, id, owner);
    return rc;
}

/* Full-jitter delay before the next attempt after `attempts` tries. */
static int64_t backoff_delay(const dm_job_backoff *b, int attempts)
{
    int64_t base = b && b->base_seconds > 0 ? b->base_seconds : 30;
    int64_t cap = b && b->cap_seconds > 0 ? b->cap_seconds : 3600;
    int64_t ceiling = base;
    for (int i = 1; i < attempts && ceiling < cap; i++)
        ceiling *= 2;
    if (ceiling > cap)
        ceiling = cap;
    uint64_t r = b && b->random ? b->random(b->ud) : ((uint64_t)arc4random() << 32) | arc4random();
    return (int64_t)(r % (uint64_t)(ceiling + 1));
}

dm_status dm_catalog_job_fail(dm_catalog *cat, int64_t id, const char *owner, const char *message, bool permanent,
                              const dm_job_backoff *backoff, bool *dead, dm_error *err)
{
    dm_db *db = dm_catalog_db(cat);
    dm_db_stmt *st = NULL;
    char now[32], when[32];
    bool row = false, is_dead = false;
    dm_catalog_now(cat, now);
    dm_status rc = dm_db_begin(db, err);
    if (rc != DM_OK)
        return rc;
    rc = q_first(db, "SELECT attempts, max_attempts FROM jobs WHERE id = ? AND state = 'running' AND lease_owner = ?",
                 ARGS(DV_I(id), DV_T(owner)), &st, &row, err);
    if (rc == DM_OK && !row)
        rc = lease_lost(err, id, owner);
    if (rc != DM_OK)
        goto out;
    int attempts = (int)dm_db_col_int64(st, 0), max_attempts = (int)dm_db_col_int64(st, 1);
    dm_db_finalize(st);
    st = NULL;
    is_dead = permanent || attempts >= max_attempts;
    iso_plus(now, is_dead ? 0 : backoff_delay(backoff, attempts), when);
    rc = q_exec(db,
                "UPDATE jobs SET state = ?, run_after = ?, last_error = ?, lease_owner = NULL, lease_until = NULL, "
                "updated_at = ? WHERE id = ?",
                ARGS(DV_T(is_dead ? DM_JOB_DEAD : DM_JOB_QUEUED), DV_T(when), DV_T(message ? message : "failed"),
                     DV_T(now), DV_I(id)),
                NULL, err);
out:
    dm_db_finalize(st);
    rc = tx_end(db, rc, err);
    if (rc == DM_OK && dead != NULL)
        *dead = is_dead;
    return rc;
}

dm_status dm_catalog_job_retry(dm_catalog *cat, int64_t id, dm_error *err)
{
    dm_db *db = dm_catalog_db(cat);
    dm_job_rec j = {0};
    char now[32];
    bool busy = false;
    dm_catalog_now(cat, now);
    dm_status rc = dm_db_begin(db, err);
    if (rc != DM_OK)
        return rc;
    if ((rc = dm_catalog_job_get(cat, id, &j, err)) != DM_OK)
        goto out;
    if (strcmp(j.state, DM_JOB_QUEUED) == 0 || strcmp(j.state, DM_JOB_RUNNING) == 0) {
        rc = DM_FAIL(err, DM_ERR_ARG, "job %lld is %s already", (long long)id, j.state);
        goto out;
    }
    rc = q_exec(db, "SELECT id FROM jobs WHERE kind = ? AND target = ? AND state IN ('queued', 'running')",
                ARGS(DV_T(j.kind), DV_T(j.target)), &busy, err);
    if (rc == DM_OK && busy)
        rc = DM_FAIL(err, DM_ERR_ARG, "job %lld: another %s job for %s is queued or running", (long long)id, j.kind,
                     j.target);
    if (rc == DM_OK)
        rc = q_exec(db,
                    "UPDATE jobs SET state = 'queued', attempts = 0, run_after = ?, lease_owner = NULL, "
                    "lease_until = NULL, updated_at = ? WHERE id = ?",
                    ARGS(DV_T(now), DV_T(now), DV_I(id)), NULL, err);
    if (rc == DM_OK && db->ops->notify_jobs_sql != NULL)
        rc = dm_db_exec(db, db->ops->notify_jobs_sql, err);
out:
    dm_job_rec_free(&j);
    return tx_end(db, rc, err);
}

dm_status dm_catalog_job_get(dm_catalog *cat, int64_t id, dm_job_rec *out, dm_error *err)
{
    dm_db_stmt *st = NULL;
    bool row = false;
    memset(out, 0, sizeof *out);
    dm_status rc = q_first(dm_catalog_db(cat), "SELECT " JOB_COLS " FROM jobs WHERE id = ?", ARGS(DV_I(id)), &st,
                           &row, err);
    if (rc == DM_OK && !row)
        rc = DM_FAIL(err, DM_ERR_NOT_FOUND, "no job %lld", (long long)id);
    if (rc == DM_OK)
        read_job(st, out);
    dm_db_finalize(st);
    return rc;
}

dm_status dm_catalog_job_list(dm_catalog *cat, const char *state, int64_t limit, int64_t offset, dm_job_rec **out,
                              size_t *n, dm_error *err)
{
    dm_db *db = dm_catalog_db(cat);
    dm_db_stmt *st = NULL;
    dm_job_rec *list = NULL;
    size_t count = 0, cap = 0;
    bool row = false;
    *out = NULL;
    *n = 0;
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT " JOB_COLS " FROM jobs%s ORDER BY id DESC LIMIT ? OFFSET ?",
             state ? " WHERE state = ?" : "");
    dm_db_val vals[3];
    size_t nv = 0;
    if (state)
        vals[nv++] = DV_T(state);
    vals[nv++] = DV_I(limit > 0 ? limit : INT64_MAX);
    vals[nv++] = DV_I(offset > 0 ? offset : 0);
    dm_status rc = q_first(db, sql, vals, nv, &st, &row, err);
    while (rc == DM_OK && row) {
        DM_GROW(list, cap, count + 1);
        read_job(st, &list[count++]);
        rc = dm_db_step(st, &row, err);
    }
    dm_db_finalize(st);
    if (rc != DM_OK) {
        dm_job_list_free(list, count);
        return rc;
    }
    *out = list;
    *n = count;
    return DM_OK;
}

dm_status dm_catalog_job_counts(dm_catalog *cat, int64_t counts[4], dm_error *err)
{
    static const char *const states[4] = {DM_JOB_QUEUED, DM_JOB_RUNNING, DM_JOB_DONE, DM_JOB_DEAD};
    dm_db_stmt *st = NULL;
    bool row = false;
    memset(counts, 0, 4 * sizeof *counts);
    dm_status rc = q_first(dm_catalog_db(cat), "SELECT state, COUNT(*) FROM jobs GROUP BY state", NULL, 0, &st,
                           &row, err);
    while (rc == DM_OK && row) {
        const char *s = dm_db_col_text(st, 0);
        for (int i = 0; i < 4; i++)
            if (s && strcmp(s, states[i]) == 0)
                counts[i] = dm_db_col_int64(st, 1);
        rc = dm_db_step(st, &row, err);
    }
    dm_db_finalize(st);
    return rc;
}

dm_status dm_catalog_job_last_created(dm_catalog *cat, const char *kind, int64_t *when, dm_error *err)
{
    dm_db_stmt *st = NULL;
    bool row = false;
    *when = -1;
    dm_status rc = q_first(dm_catalog_db(cat), "SELECT MAX(created_at) FROM jobs WHERE kind = ?", ARGS(DV_T(kind)),
                           &st, &row, err);
    if (rc == DM_OK && row && !dm_db_col_is_null(st, 0))
        *when = iso_to_epoch(dm_db_col_text(st, 0));
    dm_db_finalize(st);
    return rc;
}

dm_status dm_catalog_job_last_created_target(dm_catalog *cat, const char *kind, const char *target, int64_t *when,
                                             dm_error *err)
{
    dm_db_stmt *st = NULL;
    bool row = false;
    *when = -1;
    dm_status rc = q_first(dm_catalog_db(cat), "SELECT MAX(created_at) FROM jobs WHERE kind = ? AND target = ?",
                           ARGS(DV_T(kind), DV_T(target)), &st, &row, err);
    if (rc == DM_OK && row && !dm_db_col_is_null(st, 0))
        *when = iso_to_epoch(dm_db_col_text(st, 0));
    dm_db_finalize(st);
    return rc;
}

void dm_job_rec_free(dm_job_rec *j)
{
    if (j == NULL)
        return;
    free(j->kind);
    free(j->target);
    free(j->state);
    free(j->run_after);
    free(j->lease_owner);
    free(j->lease_until);
    free(j->last_error);
    free(j->created_at);
    free(j->updated_at);
    memset(j, 0, sizeof *j);
}

void dm_job_list_free(dm_job_rec *list, size_t n)
{
    for (size_t i = 0; list != NULL && i < n; i++)
        dm_job_rec_free(&list[i]);
    free(list);
}

dm_status dm_catalog_job_prune(dm_catalog *cat, int64_t keep_seconds, int64_t *removed, dm_error *err)
{
    dm_db *db = dm_catalog_db(cat);
    dm_db_stmt *st = NULL;
    char now[32], before[32];
    bool row = false;
    int64_t n = 0;
    dm_catalog_now(cat, now);
    iso_plus(now, -keep_seconds, before);
    /* the newest job of each schedule kind and target is the scheduler's
     * memory (dm_catalog_job_last_created_target): it stays */
    dm_status rc = q_first(db,
                           "DELETE FROM jobs WHERE state = 'done' AND updated_at < ? AND id NOT IN "
                           "(SELECT MAX(id) FROM jobs WHERE kind LIKE 'schedule%' GROUP BY kind, target) RETURNING id",
                           ARGS(DV_T(before)), &st, &row, err);
    while (rc == DM_OK && row) {
        n++;
        rc = dm_db_step(st, &row, err);
    }
    dm_db_finalize(st);
    if (removed != NULL)
        *removed = rc == DM_OK ? n : 0;
    return rc;
}
