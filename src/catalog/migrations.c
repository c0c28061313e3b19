/*
 * Catalog schema migrations: the versioned steps and how they are applied.
 *
 * Times are TEXT holding UTC ISO 8601 ("2026-11-27T08:00:00Z"), which sorts
 * as time does. Booleans are INTEGER 0/1. JSON is TEXT. Nothing is ever
 * dropped by the pipeline: vanished assets and tables get deleted_at,
 * removed columns get removed = 1, removed sources get removed_at.
 */
#include "catalog/migrations.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

typedef struct migration {
    int version;
    const char *name;
    const char *sql;
} migration;

static const char meta_ddl[] = "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)";

static const char v1_sql[] =
    /* Configured endpoints. A removed source stays (its assets point to it)
     * and frees its name for a new source. */
    "CREATE TABLE sources (\n"
    "    id @ID@,\n"
    "    name TEXT NOT NULL,\n"
    "    url TEXT NOT NULL,\n"
    "    options_json TEXT NOT NULL DEFAULT '{}',\n"
    "    tags_json TEXT NOT NULL DEFAULT '{}',\n"
    "    require_tag TEXT,\n"
    "    created_at TEXT NOT NULL,\n"
    "    removed_at TEXT\n"
    ");\n"
    "CREATE UNIQUE INDEX sources_live_name ON sources (name) WHERE removed_at IS NULL;\n"

    /* Data stores found in a source, with the pipeline state machine. */
    "CREATE TABLE assets (\n"
    "    id @ID@,\n"
    "    source_id BIGINT NOT NULL REFERENCES sources (id),\n"
    "    name TEXT NOT NULL,\n"
    "    kind TEXT NOT NULL,\n"
    "    location TEXT,\n"
    "    state TEXT NOT NULL DEFAULT 'discovered'\n"
    "        CHECK (state IN ('discovered', 'cataloged', 'classified')),\n"
    "    fingerprint TEXT,\n"
    "    first_seen TEXT NOT NULL,\n"
    "    last_seen TEXT NOT NULL,\n"
    "    deleted_at TEXT,\n"
    "    cataloged_at TEXT,\n"
    "    classified_at TEXT,\n"
    "    region TEXT,\n"
    "    facts_json TEXT,\n"
    "    UNIQUE (source_id, name)\n"
    ");\n"
    "CREATE INDEX assets_name ON assets (name);\n"
    "CREATE INDEX assets_live_state ON assets (state) WHERE deleted_at IS NULL;\n"

    /* One row per command run (classify, run, scan, ...). */
    "CREATE TABLE runs (\n"
    "    id @ID@,\n"
    "    command TEXT NOT NULL,\n"
    "    status TEXT NOT NULL,\n"
    "    started_at TEXT NOT NULL,\n"
    "    ended_at TEXT,\n"
    "    stats_json TEXT\n"
    ");\n"

    /* Tables inside an asset. classified_run_id is the run whose findings
     * are the table's current classification. */
    "CREATE TABLE tables (\n"
    "    id @ID@,\n"
    "    asset_id BIGINT NOT NULL REFERENCES assets (id),\n"
    "    name TEXT NOT NULL,\n"
    "    location TEXT,\n"
    "    format TEXT,\n"
    "    compression TEXT,\n"
    "    fingerprint TEXT,\n"
    "    rows_estimate BIGINT NOT NULL DEFAULT -1,\n"
    "    bytes BIGINT NOT NULL DEFAULT -1,\n"
    "    rows_sampled BIGINT NOT NULL DEFAULT -1,\n"
    "    schema_version INTEGER NOT NULL DEFAULT 1,\n"
    "    first_seen TEXT NOT NULL,\n"
    "    cataloged_at TEXT NOT NULL,\n"
    "    classified_at TEXT,\n"
    "    classified_run_id BIGINT REFERENCES runs (id),\n"
    "    deleted_at TEXT,\n"
    "    UNIQUE (asset_id, name)\n"
    ");\n"

    /* Columns of a table, all versions: removed ones stay with removed = 1.
     * entities is a JSON array of entity names; comment the reference's
     * "Sensitive Data Element | [...]" text, NULL when no entity. */
    "CREATE TABLE columns (\n"
    "    id @ID@,\n"
    "    table_id BIGINT NOT NULL REFERENCES tables (id),\n"
    "    name TEXT NOT NULL,\n"
    "    ordinal INTEGER NOT NULL,\n"
    "    type TEXT NOT NULL,\n"
    "    nullable INTEGER NOT NULL DEFAULT 1,\n"
    "    is_partition INTEGER NOT NULL DEFAULT 0,\n"
    "    removed INTEGER NOT NULL DEFAULT 0,\n"
    "    comment TEXT,\n"
    "    entities TEXT NOT NULL DEFAULT '[]',\n"
    "    UNIQUE (table_id, name)\n"
    ");\n"

    /* Schema history: the columns of each version and what changed. */
    "CREATE TABLE schema_versions (\n"
    "    id @ID@,\n"
    "    table_id BIGINT NOT NULL REFERENCES tables (id),\n"
    "    version INTEGER NOT NULL,\n"
    "    created_at TEXT NOT NULL,\n"
    "    columns_json TEXT NOT NULL,\n"
    "    changes_json TEXT NOT NULL,\n"
    "    UNIQUE (table_id, version)\n"
    ");\n"

    /* One row per column x entity per run; evidence is masked. */
    "CREATE TABLE findings (\n"
    "    id @ID@,\n"
    "    run_id BIGINT NOT NULL REFERENCES runs (id),\n"
    "    table_id BIGINT NOT NULL REFERENCES tables (id),\n"
    "    column_id BIGINT NOT NULL REFERENCES columns (id),\n"
    "    entity TEXT NOT NULL,\n"
    "    matches BIGINT NOT NULL,\n"
    "    sampled BIGINT NOT NULL,\n"
    "    ratio DOUBLE PRECISION NOT NULL,\n"
    "    confidence TEXT,\n"
    "    evidence_json TEXT NOT NULL DEFAULT '[]',\n"
    "    created_at TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX findings_table_run ON findings (table_id, run_id);\n"
    "CREATE INDEX findings_run ON findings (run_id);\n"
    "CREATE INDEX findings_column ON findings (column_id);\n"

    /* Tags of an asset by origin ("store" "sidecar" "config" "source"),
     * and every change to them. */
    "CREATE TABLE tags (\n"
    "    asset_id BIGINT NOT NULL REFERENCES assets (id),\n"
    "    origin TEXT NOT NULL,\n"
    "    key TEXT NOT NULL,\n"
    "    value TEXT NOT NULL,\n"
    "    updated_at TEXT NOT NULL,\n"
    "    PRIMARY KEY (asset_id, origin, key)\n"
    ");\n"
    "CREATE INDEX tags_key_value ON tags (key, value);\n"
    "CREATE TABLE tag_history (\n"
    "    id @ID@,\n"
    "    asset_id BIGINT NOT NULL REFERENCES assets (id),\n"
    "    origin TEXT NOT NULL,\n"
    "    key TEXT NOT NULL,\n"
    "    old_value TEXT,\n"
    "    new_value TEXT,\n"
    "    changed_at TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX tag_history_asset ON tag_history (asset_id, changed_at);\n"

    /* Work queue of the service mode. A worker claims the oldest due queued
     * job (jobs_claim), takes over running jobs whose lease expired
     * (jobs_lease); at most one queued or running job per kind and target
     * (jobs_pending, so enqueueing is INSERT ... ON CONFLICT DO NOTHING). */
    "CREATE TABLE jobs (\n"
    "    id @ID@,\n"
    "    kind TEXT NOT NULL,\n"
    "    target TEXT NOT NULL,\n"
    "    state TEXT NOT NULL DEFAULT 'queued'\n"
    "        CHECK (state IN ('queued', 'running', 'done', 'failed', 'dead')),\n"
    "    attempts INTEGER NOT NULL DEFAULT 0,\n"
    "    max_attempts INTEGER NOT NULL DEFAULT 5,\n"
    "    run_after TEXT NOT NULL,\n"
    "    lease_owner TEXT,\n"
    "    lease_until TEXT,\n"
    "    last_error TEXT,\n"
    "    created_at TEXT NOT NULL,\n"
    "    updated_at TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX jobs_claim ON jobs (state, run_after);\n"
    "CREATE INDEX jobs_lease ON jobs (lease_until) WHERE state = 'running';\n"
    "CREATE UNIQUE INDEX jobs_pending ON jobs (kind, target) WHERE state IN ('queued', 'running');\n";

/* Version 2: primary-key columns of database tables (declared by SQL sources). */
static const char v2_sql[] =
    "ALTER TABLE columns ADD COLUMN primary_key INTEGER NOT NULL DEFAULT 0;\n";

/* Version 3: the scheduler's memory (the newest job of a kind and target)
 * and the pruning of done jobs without scanning the whole queue. */
static const char v3_sql[] =
    "CREATE INDEX jobs_kind_target_created ON jobs (kind, target, created_at);\n"
    "CREATE INDEX jobs_done ON jobs (updated_at) WHERE state = 'done';\n";

/* Version 4: human review of findings. finding_reviews is the history of
 * decisions, never deleted: a decision ("dismissed", "confirmed") holds the
 * column's schema version and the finding's value shape at the time; an undo
 * ("undone") and a lapse ("lapsed": the schema or the shape changed since)
 * are new rows. findings.review_id points at the decision in force for that
 * finding (NULL: none), so every reader gets it with one join. */
static const char v4_sql[] =
    "CREATE TABLE finding_reviews (\n"
    "    id @ID@,\n"
    "    table_id BIGINT NOT NULL REFERENCES tables (id),\n"
    "    column_id BIGINT NOT NULL REFERENCES columns (id),\n"
    "    entity TEXT NOT NULL,\n"
    "    decision TEXT NOT NULL\n"
    "        CHECK (decision IN ('dismissed', 'confirmed', 'undone', 'lapsed')),\n"
    "    by_name TEXT NOT NULL,\n"
    "    reason TEXT NOT NULL,\n"
    "    schema_version INTEGER NOT NULL,\n"
    "    shape TEXT NOT NULL,\n"
    "    created_at TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX finding_reviews_key ON finding_reviews (column_id, entity, id);\n"
    "ALTER TABLE findings ADD COLUMN review_id BIGINT;\n";

/* Version 5: the text encoding a file table was read in ("windows-1252"). */
static const char v5_sql[] =
    "ALTER TABLE tables ADD COLUMN encoding TEXT;\n";

/* Version 6: why an asset's last crawl or classify failed ("truncated gzip
 * stream" on one of its files), NULL when it went through: the inventory
 * shows a failed asset as failed, not as "discovered". */
static const char v6_sql[] =
    "ALTER TABLE assets ADD COLUMN last_error TEXT;\n"
    "ALTER TABLE assets ADD COLUMN failed_at TEXT;\n";

/* Version 7: cells a finding left out because the config's allow lists name
 * their values (classify.allow.*), so a finding can say "3 cells
 * allow-listed". */
static const char v7_sql[] =
    "ALTER TABLE findings ADD COLUMN allow_listed BIGINT NOT NULL DEFAULT 0;\n";

/* Version 8: the files of a store its last crawl did not read, by kind and
 * reason: [{"kind": ".pdf", "reason": "not supported", "files": 12}]. */
static const char v8_sql[] =
    "ALTER TABLE assets ADD COLUMN unread_json TEXT;\n";

static const migration steps[] = {
    {1, "initial schema", v1_sql},
    {2, "primary keys", v2_sql},
    {3, "job indexes", v3_sql},
    {4, "finding reviews", v4_sql},
    {5, "table encodings", v5_sql},
    {6, "asset errors", v6_sql},
    {7, "allow-listed cells", v7_sql},
    {8, "unread files", v8_sql},
};

#define NSTEPS (sizeof steps / sizeof steps[0])

int dm_migrations_latest(void)
{
    return steps[NSTEPS - 1].version;
}

dm_status dm_migrations_current(dm_db *db, int *version, dm_error *err)
{
    dm_db_stmt *st = NULL;
    bool exists = false, row = false;
    *version = 0;
    dm_status rc = db->ops->table_exists(db, "meta", &exists, err);
    if (rc != DM_OK || !exists)
        return rc;
    if ((rc = dm_db_prepare(db, "SELECT value FROM meta WHERE key = 'schema_version'", &st, err)) != DM_OK)
        goto out;
    if ((rc = dm_db_step(st, &row, err)) != DM_OK || !row)
        goto out;
    const char *v = dm_db_col_text(st, 0);
    char *end = NULL;
    errno = 0;
    long n = v ? strtol(v, &end, 10) : -1;
    if (v == NULL || *end != '\0' || errno != 0 || n < 0 || n > 1000000) {
        rc = DM_FAIL(err, DM_ERR_BACKEND, "catalog %s: meta.schema_version holds \"%.20s\", not a version",
                     db->label, v ? v : "NULL");
        goto out;
    }
    *version = (int)n;
out:
    dm_db_finalize(st);
    return rc;
}

static dm_status check_in_tx(dm_db *db, int *version, dm_error *err);

/* The version and "any other tables?" are two reads; outside a transaction
 * another process can commit its first migration step between them, and the
 * file would look like someone else's database. Read both in one snapshot. */
dm_status dm_migrations_check(dm_db *db, int *version, dm_error *err)
{
    if (db->tx_depth > 0)
        return check_in_tx(db, version, err);
    dm_status rc = dm_db_begin_read(db, err);
    if (rc != DM_OK)
        return rc;
    rc = check_in_tx(db, version, err);
    if (rc == DM_OK)
        return dm_db_commit(db, err);
    dm_db_rollback(db);
    return rc;
}

static dm_status check_in_tx(dm_db *db, int *version, dm_error *err)
{
    dm_status rc = dm_migrations_current(db, version, err);
    if (rc != DM_OK)
        return rc;
    if (*version > dm_migrations_latest())
        return DM_FAIL(err, DM_ERR_BACKEND,
                       "catalog %s has schema version %d but this datamap knows versions up to %d: upgrade datamap",
                       db->label, *version, dm_migrations_latest());
    if (*version == 0) {
        bool any = false;
        if ((rc = db->ops->has_user_tables(db, &any, err)) != DM_OK)
            return rc;
        if (any)
            return DM_FAIL(err, DM_ERR_BACKEND,
                           "%s holds tables but is not a datamap catalog; refusing to change it", db->label);
    }
    return DM_OK;
}

/* Apply one step in its own transaction unless another process did already. */
static dm_status apply_step(dm_db *db, const migration *m, dm_error *err)
{
    char *sql = NULL;
    dm_db_stmt *st = NULL;
    int cur = 0;
    bool row;
    dm_status rc = dm_db_begin(db, err);
    if (rc != DM_OK)
        return rc;
    /* Under READ COMMITTED two migrators would both read the old version:
     * the lock queues them, and the version is read after it. */
    if (db->ops->migrate_lock_sql != NULL && (rc = dm_db_exec(db, db->ops->migrate_lock_sql, err)) != DM_OK)
        goto out;
    if ((rc = dm_migrations_check(db, &cur, err)) != DM_OK || cur >= m->version)
        goto out;
    if (cur != m->version - 1) {
        rc = DM_FAIL(err, DM_ERR_INTERNAL, "catalog %s: at version %d, cannot apply step %d", db->label, cur,
                     m->version);
        goto out;
    }
    if ((rc = dm_db_exec(db, meta_ddl, err)) != DM_OK)
        goto out;
    sql = dm_db_expand_ddl(db, m->sql);
    if ((rc = dm_db_exec(db, sql, err)) != DM_OK)
        goto out;
    if ((rc = dm_db_prepare(db,
                            "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            &st, err)) != DM_OK)
        goto out;
    char v[16];
    snprintf(v, sizeof v, "%d", m->version);
    const dm_db_val vals[] = {DV_T(v)};
    if ((rc = dm_db_bind_vals(st, vals, 1, err)) != DM_OK || (rc = dm_db_step(st, &row, err)) != DM_OK)
        goto out;
out:
    dm_db_finalize(st);
    free(sql);
    if (rc == DM_OK)
        return dm_db_commit(db, err);
    dm_db_rollback(db);
    dm_error_prefix(err, "migrating catalog %s to version %d (%s)", db->label, m->version, m->name);
    return rc;
}

dm_status dm_migrations_apply(dm_db *db, int *version, dm_error *err)
{
    int cur = 0;
    dm_status rc = dm_migrations_check(db, &cur, err);
    if (rc != DM_OK)
        return rc;
    if (cur < dm_migrations_latest()) {
        if (db->tx_depth != 0)
            return DM_FAIL(err, DM_ERR_INTERNAL, "catalog %s: migrate inside a transaction", db->label);
        for (size_t i = 0; i < NSTEPS; i++) {
            if (steps[i].version <= cur)
                continue;
            if ((rc = apply_step(db, &steps[i], err)) != DM_OK)
                return rc;
        }
        cur = dm_migrations_latest();
    }
    if (version != NULL)
        *version = cur;
    return DM_OK;
}
