/*
 * Catalog
 *
 * The catalog is datamap's memory: sources, the assets found in them, their
 * tables and columns (with schema versions), findings, tags, runs and jobs.
 * Callers see only this interface. Underneath, catalog.c holds the logic as
 * portable SQL over a small database interface (db.h) with one backend per
 * database: db_sqlite.c and db_postgres.c, so the PostgreSQL catalog of
 * fleet mode needs no change here or in any caller.
 *
 * URLs: a path or "sqlite:///path" (default ./datamap.db, created mode 0600,
 * WAL), ":memory:" for a throwaway catalog (`datamap scan`), and
 * "postgres://user@host:port/db?sslmode=...&password_file=PATH&
 * statement_timeout=SECS" (libpq's URL and PG* variables, .pgpass; the
 * database must exist). Messages show a URL without its password.
 *
 * Each pipeline step commits its result in one transaction
 * (dm_catalog_begin/commit), so a crash loses at most the step under way.
 * Times are UTC ISO 8601 strings ("2026-11-27T08:00:00Z").
 *
 * Ownership: *_rec structs returned to the caller own their strings; free
 * them with the matching *_free (NULL-safe). Arrays come with a count and are
 * freed with the *_list_free function.
 */
#ifndef DM_CATALOG_CATALOG_H
#define DM_CATALOG_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

typedef struct dm_catalog dm_catalog;

/* Asset states, in pipeline order. */
#define DM_ASSET_DISCOVERED "discovered"
#define DM_ASSET_CATALOGED "cataloged"
#define DM_ASSET_CLASSIFIED "classified"

/* url NULL means the default "datamap.db". Fails with DM_ERR_BACKEND when
 * the file is not a SQLite database, is corrupt, is a SQLite database that
 * is not a catalog, or has a schema newer than this binary knows (all left
 * untouched); DM_ERR_ARG for unknown schemes; for PostgreSQL, DM_ERR_IO when
 * the server cannot be reached and DM_ERR_AUTH when the password is refused.
 * Threads: a dm_catalog belongs to one thread at a time; give each thread
 * its own (they may share the file). */
dm_status dm_catalog_open(const char *url, dm_catalog **out, dm_error *err);
/* For commands that only read: a missing file, or one without a schema,
 * fails with DM_ERR_NOT_FOUND ("no catalog at URL") and nothing is created. */
dm_status dm_catalog_open_existing(const char *url, dm_catalog **out, dm_error *err);
/* Create the schema or migrate it to the current version (idempotent). One
 * query when up to date, so every command may call it. Call it with no
 * transaction open. */
dm_status dm_catalog_migrate(dm_catalog *cat, dm_error *err);
int dm_catalog_schema_version(dm_catalog *cat);  /* 0 before init, -1 when unreadable */
void dm_catalog_close(dm_catalog *cat);          /* NULL is a no-op; rolls back an open transaction */

/* Pin the clock used for every timestamp the catalog writes (tests,
 * reproducible runs): iso is "YYYY-MM-DDTHH:MM:SSZ"; NULL returns to the
 * system clock. (Added to the first draft of this interface.) */
void dm_catalog_set_now(dm_catalog *cat, const char *iso);

/* Transactions nest: a begin inside a begin is a savepoint, its commit
 * releases it and its rollback undoes only what came after it. When the
 * outermost commit fails, the transaction is rolled back. Every catalog
 * function below that writes several rows is atomic by itself (it uses such
 * a nested level), whether or not a transaction is open, and never commits
 * the caller's transaction. */
dm_status dm_catalog_begin(dm_catalog *cat, dm_error *err);
dm_status dm_catalog_commit(dm_catalog *cat, dm_error *err);
void dm_catalog_rollback(dm_catalog *cat);
/* A read-only snapshot for a series of reads (reports, exports): one lock
 * instead of one per statement, writers not blocked; end it with
 * dm_catalog_rollback. */
dm_status dm_catalog_begin_read(dm_catalog *cat, dm_error *err);

/* ---- sources ---------------------------------------------------------- */

typedef struct dm_source_rec {
    int64_t id;
    char *name;
    char *url;              /* never contains a password: callers strip it */
    char *options_json;     /* {"k":"v",...} from --option */
    char *tags_json;        /* {"k":"v",...} from --tag */
    char *require_tag;      /* "key=value" or NULL */
    char *created_at;
} dm_source_rec;

/* DM_ERR_ARG when the name exists already, or when the URL holds a password
 * ("scheme://user:pass@host", or a password= parameter). options_json and
 * tags_json NULL are stored as "{}". */
/* True when url carries a password ("scheme://user:pass@host/..." or a
 * "password=" query parameter): dm_catalog_source_add refuses those. */
bool dm_catalog_url_has_password(const char *url);
/* url with the password of its user part and any password= parameter
 * replaced by "***", for messages (malloc'ed). */
char *dm_catalog_url_redact(const char *url);
dm_status dm_catalog_source_add(dm_catalog *cat, const dm_source_rec *src, int64_t *id, dm_error *err);
dm_status dm_catalog_source_get(dm_catalog *cat, const char *name, dm_source_rec *out, dm_error *err);
dm_status dm_catalog_source_list(dm_catalog *cat, dm_source_rec **out, size_t *n, dm_error *err);
/* Removes the source; its assets are marked deleted, never dropped. The
 * name can then be used by a new source. */
dm_status dm_catalog_source_remove(dm_catalog *cat, const char *name, dm_error *err);
void dm_source_rec_free(dm_source_rec *s);
void dm_source_list_free(dm_source_rec *list, size_t n);

/* ---- assets ----------------------------------------------------------- */

typedef struct dm_asset_rec {
    int64_t id;
    int64_t source_id;
    char *source_name;
    char *name;
    char *kind;             /* "folder", "bucket", "dynamodb_table", "database", "file" */
    char *location;         /* URL: file:///data/sales, s3://bucket */
    char *state;            /* DM_ASSET_* */
    char *fingerprint;      /* driver-defined; changes when the content changed */
    char *first_seen, *last_seen, *deleted_at;      /* deleted_at NULL when present */
    char *cataloged_at, *classified_at;
    char *region;           /* store region, NULL when not known */
    char *facts_json;       /* store facts for the report: {"encryption":"AES256",...} */
    char *last_error;       /* why its last crawl/classify failed, NULL when it went through */
    char *failed_at;        /* when, NULL with last_error */
    char *unread_json;      /* files not read: [{"kind":".pdf","reason":"not supported","files":12}]; NULL: none */
} dm_asset_rec;

typedef struct dm_asset_filter {
    const char *source;     /* source name, or NULL for all */
    const char *name;       /* asset name, or NULL */
    bool include_deleted;
} dm_asset_filter;

/* Insert or refresh an asset seen by discover: sets last_seen to now, clears
 * deleted_at; a new asset starts in state "discovered". *is_new tells which.
 * location/region NULL keep the known values. DM_ERR_NOT_FOUND when the
 * source does not exist or was removed. */
dm_status dm_catalog_asset_upsert(dm_catalog *cat, int64_t source_id, const char *name,
                                  const char *kind, const char *location, const char *region,
                                  int64_t *id, bool *is_new, dm_error *err);
/* Mark deleted (deleted_at = now) every asset of the source not in keep_ids.
 * Assets deleted already keep their deleted_at and are not counted. */
dm_status dm_catalog_asset_mark_vanished(dm_catalog *cat, int64_t source_id, const int64_t *keep_ids,
                                         size_t n_keep, size_t *n_vanished, dm_error *err);
/* Move to a state; "cataloged" also sets cataloged_at and fingerprint (may be
 * NULL to keep), "classified" sets classified_at. Any move is allowed but
 * discovered -> classified (DM_ERR_ARG: crawl first); an unknown state is
 * DM_ERR_ARG, an unknown id DM_ERR_NOT_FOUND. */
dm_status dm_catalog_asset_set_state(dm_catalog *cat, int64_t id, const char *state,
                                     const char *fingerprint, dm_error *err);
dm_status dm_catalog_asset_set_facts(dm_catalog *cat, int64_t id, const char *facts_json, dm_error *err);
/* Record why the asset's crawl or classify failed (failed_at = now), or
 * clear it (error NULL) once one went through. */
dm_status dm_catalog_asset_set_error(dm_catalog *cat, int64_t id, const char *error, dm_error *err);
/* The files of the asset its last crawl did not read (NULL or "[]": none). */
dm_status dm_catalog_asset_set_unread(dm_catalog *cat, int64_t id, const char *unread_json, dm_error *err);
/* "12 .pdf not supported, 1 .parquet corrupt" into out (empty when none);
 * the number of files. */
uint64_t dm_unread_summary(const char *unread_json, char *out, size_t outlen);
dm_status dm_catalog_asset_list(dm_catalog *cat, const dm_asset_filter *f, dm_asset_rec **out,
                                size_t *n, dm_error *err);
void dm_asset_rec_free(dm_asset_rec *a);
void dm_asset_list_free(dm_asset_rec *list, size_t n);

/* ---- tables and columns (crawl) -------------------------------------- */

typedef struct dm_column_def {
    const char *name;
    const char *type;       /* "bigint" "double" "boolean" "date" "timestamp" "string" "array" "struct" */
    bool nullable;
    bool is_partition;      /* Hive-style key=value folder */
    bool primary_key;       /* part of the table's primary key (SQL sources) */
} dm_column_def;

typedef struct dm_table_put {
    int64_t asset_id;
    const char *name;
    const char *location;   /* URL of the file, folder or database table */
    const char *format;     /* "csv" "tsv" "jsonl" "json" "postgres" ... */
    const char *compression;/* "none" "gzip" "zstd" */
    const char *fingerprint;
    int64_t rows_estimate;  /* -1 when unknown */
    int64_t bytes;          /* -1 when unknown */
    const dm_column_def *columns;
    size_t ncolumns;
    const char *encoding;   /* text files: "utf-8" "windows-1252" ...; NULL for databases */
} dm_table_put;

typedef struct dm_schema_change {
    int version;            /* schema version after the put (1 for a new table) */
    bool is_new;            /* the table did not exist */
    bool changed;           /* a new version was recorded */
    size_t added, removed, retyped;
} dm_schema_change;

/* Insert or update a table and its columns. When the column set or a type
 * differs from the current version, a new schema version is recorded with
 * the lists of added, removed and retyped columns; removed columns are kept,
 * marked removed. Nullability and is_partition change in place. Known
 * columns keep their ordinal (a column that comes back gets its old row and
 * place); new ones are appended in the order given. A new table gives
 * version 1 with is_new and changed true and added = ncolumns. Clears the
 * table's deleted_at. Duplicate column names: DM_ERR_ARG. */
dm_status dm_catalog_table_put(dm_catalog *cat, const dm_table_put *t, int64_t *table_id,
                               dm_schema_change *chg, dm_error *err);
dm_status dm_catalog_table_mark_vanished(dm_catalog *cat, int64_t asset_id, const int64_t *keep_ids,
                                         size_t n_keep, dm_error *err);

typedef struct dm_table_rec {
    int64_t id;
    int64_t asset_id;
    char *name, *location, *format, *compression, *fingerprint;
    char *encoding;         /* NULL: not a text file, or catalogued before encodings were told */
    int64_t rows_estimate, bytes, rows_sampled;
    int schema_version;
    char *cataloged_at, *classified_at, *deleted_at;
} dm_table_rec;

/* Every table of the asset by name, vanished ones too (deleted_at set).
 * rows_sampled is -1 until the table is classified. */
dm_status dm_catalog_table_list(dm_catalog *cat, int64_t asset_id, dm_table_rec **out, size_t *n,
                                dm_error *err);
void dm_table_list_free(dm_table_rec *list, size_t n);

typedef struct dm_column_rec {
    int64_t id;
    char *name, *type;
    bool nullable, is_partition, removed;
    bool primary_key;
    int ordinal;
    char *comment;          /* "Sensitive Data Element | ['EMAIL']" or NULL */
    char *entities;         /* JSON array of entity names, "[]" when none */
} dm_column_rec;

/* Every column of the table by ordinal, removed ones too (removed true). */
dm_status dm_catalog_column_list(dm_catalog *cat, int64_t table_id, dm_column_rec **out, size_t *n,
                                 dm_error *err);
void dm_column_list_free(dm_column_rec *list, size_t n);

/* ---- runs and findings (classify) ------------------------------------ */

dm_status dm_catalog_run_begin(dm_catalog *cat, const char *command, int64_t *run_id, dm_error *err);
dm_status dm_catalog_run_end(dm_catalog *cat, int64_t run_id, const char *status,
                             const char *stats_json, dm_error *err);

typedef struct dm_finding_rec {
    const char *column;     /* column name in the table */
    const char *entity;     /* "EMAIL" */
    int64_t matches;        /* cells holding the entity */
    int64_t sampled;        /* non-empty cells looked at */
    double ratio;
    const char *confidence; /* "high" "medium" "low" */
    const char *evidence_json;  /* JSON array of masked examples: ["j***@e***.com"] */
    int64_t allow_listed;   /* cells found but allow-listed (classify.allow.*): not in matches */
} dm_finding_rec;

/* Replace the classification of a table: for every column, entities is set
 * from the findings (none -> "[]" and no comment), the comment becomes the
 * reference's text "Sensitive Data Element | ['EMAIL', 'PHONE_NUMBER']"
 * (entities in the order given), and one findings row per (column, entity)
 * is added for this run. Sets rows_sampled and classified_at on the table,
 * and makes this run the table's latest classification.
 * Transactions: it does not commit; wrap it with dm_catalog_begin/commit
 * together with the asset's state change. Without an open transaction it
 * is still atomic on its own. On failure nothing of it remains and the
 * caller's transaction stays usable. Putting the same (run, table) again
 * replaces that run's rows. A finding naming no column of the table, or a
 * (column, entity) given twice: DM_ERR_ARG. evidence_json NULL is "[]". */
dm_status dm_catalog_findings_put(dm_catalog *cat, int64_t run_id, int64_t table_id, int64_t rows_sampled,
                                  const dm_finding_rec *f, size_t n, dm_error *err);

/* The human decision in force on a finding (see "reviews" below): review
 * is "dismissed" or "confirmed", NULL when there is none (then the other
 * review_* are NULL too). */
typedef struct dm_finding_out {
    char *column, *entity, *confidence, *evidence_json, *created_at;
    int64_t matches, sampled, run_id;
    double ratio;
    char *review, *review_by, *review_at, *review_reason;
    int64_t allow_listed;   /* as dm_finding_rec */
} dm_finding_out;

/* The latest findings of a table (from the last run that classified it:
 * empty when that run found nothing), by column ordinal.
 * DM_ERR_NOT_FOUND for an unknown table. */
dm_status dm_catalog_findings_list(dm_catalog *cat, int64_t table_id, dm_finding_out **out, size_t *n,
                                   dm_error *err);
void dm_finding_list_free(dm_finding_out *list, size_t n);

/* ---- reviews (human decisions on findings; reviews.c) ----------------- */

/* A person may dismiss a finding (a false positive: it is still computed
 * and stored, but left out of the personal-data counts, the report's
 * categories and the gaps) or confirm it (shown as confirmed, confidence
 * kept). A decision is kept with the column's schema version and the
 * finding's value shape at the time (dm_review_shape), and holds across
 * re-scans while both stay the same. When either changes, the next
 * classification of the table records a "lapsed" row and the finding shows
 * again undecided. An undo is an "undone" row. Nothing is ever deleted:
 * dm_catalog_review_list gives the whole history. A dismissed entity is
 * left out of the column's entities and comment. */
#define DM_REVIEW_DISMISSED "dismissed"
#define DM_REVIEW_CONFIRMED "confirmed"
#define DM_REVIEW_UNDONE "undone"
#define DM_REVIEW_LAPSED "lapsed"

typedef struct dm_review_put {
    const char *source;     /* NULL: the asset name must be unique among live assets */
    const char *asset, *table, *column, *entity;
    const char *decision;   /* "dismissed" "confirmed" or "undone" */
    const char *by, *reason;/* both required, not blank */
} dm_review_put;

/* Record a decision on the current finding of a live column. Errors name
 * what was not found: DM_ERR_NOT_FOUND for an unknown (or ambiguous: ARG)
 * asset, table, column, or an entity the column has no current finding of;
 * DM_ERR_ARG for a bad decision, a blank reason or by, and for an undo when
 * no decision is in force. *id (may be NULL) receives the new row's id. */
dm_status dm_catalog_review_put(dm_catalog *cat, const dm_review_put *r, int64_t *id, dm_error *err);

typedef struct dm_review_rec {
    int64_t id;
    char *source, *asset, *table, *column, *entity, *decision, *by, *reason, *created_at, *shape;
    int schema_version;
} dm_review_rec;

/* The history of decisions, oldest first; only those in force (a decision
 * whose finding still points at it) when current_only. */
dm_status dm_catalog_review_list(dm_catalog *cat, bool current_only, dm_review_rec **out, size_t *n,
                                 dm_error *err);
void dm_review_list_free(dm_review_rec *list, size_t n);

/* The value shape of a finding: the set of shape keys of its masked
 * examples (letters -> 'a', digits -> '9', '*' and other characters kept,
 * runs of one class written once: "j***@e***.com" is "a*@a*.a"), sorted,
 * hashed (FNV-1a 64, 16 hex digits). A column whose values change form
 * (emails become phone numbers) changes shape; the same values sampled
 * again do not. evidence_json NULL or not an array counts as []. */
void dm_review_shape(const char *evidence_json, char out[17]);

/* ---- tags ------------------------------------------------------------- */

typedef struct dm_tag {
    char *key, *value;
    char *origin;           /* "store" "sidecar" "config" "source" */
    char *updated_at;
    char *overridden_by;    /* the origin whose value for this key wins, or NULL: this one is in force */
} dm_tag;

/* The one precedence rule for tags, used by every reader (catalog export,
 * report, API, UI): when two origins give one key, the tags that sit on the
 * asset itself win over defaults set from outside, because whoever tagged
 * the store knows it best: "store" (bucket tagging, DynamoDB tags, database
 * comments) 0, "sidecar" (.datamap-tags.yaml) 1, "config" 2, "source" (the
 * source's --tag, a default for all its assets) 3; an unknown origin 4. */
int dm_tag_origin_rank(const char *origin);
/* The same rank as an SQL expression over the origin column COL. */
#define DM_TAG_RANK_SQL(col)                                                                                           \
    "(CASE " col " WHEN 'store' THEN 0 WHEN 'sidecar' THEN 1 WHEN 'config' THEN 2 WHEN 'source' THEN 3 ELSE 4 END)"

/* Set the tags of one origin on an asset: keys of that origin not in the new
 * set are removed; every change (added, changed, removed) is kept in the
 * tag history with the old and new value (NULL for none). A tag whose value
 * did not change is left alone: updated_at is when its value last changed.
 * Other origins are untouched. */
dm_status dm_catalog_tags_put(dm_catalog *cat, int64_t asset_id, const char *origin,
                              const char *const *keys, const char *const *values, size_t n, dm_error *err);
/* All tags of the asset, every origin, by key then precedence (the first of
 * a key is in force; the others carry overridden_by). */
dm_status dm_catalog_tags_get(dm_catalog *cat, int64_t asset_id, dm_tag **out, size_t *n, dm_error *err);
void dm_tag_list_free(dm_tag *list, size_t n);

/* ---- jobs (the queue of `datamap serve` and `datamap worker`) -------- */

/* One unit of work: kind "discover" (target a source name), "crawl",
 * "classify", "tags" (an asset as SOURCE/NAME), "run" (a source name).
 * States: queued -> running -> done; a failure goes back to queued with a
 * later run_after until max_attempts, then dead (kept, listed, retryable by
 * hand with dm_catalog_job_retry). A running job whose lease expired is
 * claimed again by the next claimer (its worker died); one that used up
 * its attempts that way becomes dead. Jobs run at least once: a job must
 * be idempotent (the pipeline's are: one transaction per target). The
 * implementation is in jobs.c. */
#define DM_JOB_QUEUED "queued"
#define DM_JOB_RUNNING "running"
#define DM_JOB_DONE "done"
#define DM_JOB_DEAD "dead"

typedef struct dm_job_rec {
    int64_t id;
    char *kind, *target, *state;
    int attempts, max_attempts;
    char *run_after, *lease_owner, *lease_until, *last_error, *created_at, *updated_at;
} dm_job_rec;

/* Backoff after a failure: the delay before attempt n+1 is uniform in
 * [0, min(cap_seconds, base_seconds * 2^(n-1))] ("full jitter"). random
 * NULL uses arc4random; tests pass their own. */
typedef struct dm_job_backoff {
    int64_t base_seconds, cap_seconds;
    uint64_t (*random)(void *ud);
    void *ud;
} dm_job_backoff;

/* Queue a job to run now (or at run_after_seconds from now). Idempotent:
 * when a job of the same kind and target is already queued or running, no
 * new one is made, *id is that job's and *is_new false. max_attempts <= 0
 * means 5. id and is_new may be NULL. */
dm_status dm_catalog_job_enqueue(dm_catalog *cat, const char *kind, const char *target, int max_attempts,
                                 int64_t run_after_seconds, int64_t *id, bool *is_new, dm_error *err);
/* Claim the oldest due job (queued with run_after <= now, or running with
 * an expired lease) for owner, with a lease of lease_seconds; attempts is
 * counted up. One write transaction: two claimers never get the same job.
 * *claimed false when nothing is due. Call with no transaction open. */
dm_status dm_catalog_job_claim(dm_catalog *cat, const char *owner, int64_t lease_seconds, dm_job_rec *out,
                               bool *claimed, dm_error *err);
/* The same, skipping the jobs of a source that already has max_per_source
 * jobs running under a live lease, whoever runs them (0: no limit). A job's
 * source is its target up to the first '/'; schedule_* jobs touch no store
 * and are never held back. Claimers under a limit take turns (a short
 * lock), so the limit holds across every worker of a shared catalog. */
dm_status dm_catalog_job_claim_limited(dm_catalog *cat, const char *owner, int64_t lease_seconds,
                                       int max_per_source, dm_job_rec *out, bool *claimed, dm_error *err);
/* Wait up to timeout_ms for a job to be queued by any process sharing the
 * catalog (PostgreSQL LISTEN/NOTIFY). *supported false (at once) when the
 * backend cannot tell, and the caller polls instead. Call with no
 * transaction open. */
dm_status dm_catalog_job_wait(dm_catalog *cat, int timeout_ms, bool *supported, bool *woken, dm_error *err);
/* Extend the lease of a running job held by owner. DM_ERR_NOT_FOUND when
 * owner no longer holds it (it expired and another claimer took it). */
dm_status dm_catalog_job_heartbeat(dm_catalog *cat, int64_t id, const char *owner, int64_t lease_seconds,
                                   dm_error *err);
/* Mark done. DM_ERR_NOT_FOUND when owner no longer holds the lease. */
dm_status dm_catalog_job_complete(dm_catalog *cat, int64_t id, const char *owner, dm_error *err);
/* Record a failure (message kept in last_error): queued again after the
 * backoff delay, or dead when attempts reached max_attempts or permanent is
 * true. *dead (may be NULL) tells which. DM_ERR_NOT_FOUND when owner no
 * longer holds the lease. */
dm_status dm_catalog_job_fail(dm_catalog *cat, int64_t id, const char *owner, const char *message, bool permanent,
                              const dm_job_backoff *backoff, bool *dead, dm_error *err);
/* Queue a dead (or done) job again by hand, attempts back to 0.
 * DM_ERR_NOT_FOUND for an unknown id; DM_ERR_ARG when it is queued or
 * running, or when another job of its kind and target is. */
dm_status dm_catalog_job_retry(dm_catalog *cat, int64_t id, dm_error *err);
dm_status dm_catalog_job_get(dm_catalog *cat, int64_t id, dm_job_rec *out, dm_error *err);
/* Newest first; state NULL for all; limit <= 0 for no limit. */
dm_status dm_catalog_job_list(dm_catalog *cat, const char *state, int64_t limit, int64_t offset, dm_job_rec **out,
                              size_t *n, dm_error *err);
/* Number of jobs in each state, in the order queued, running, done, dead. */
dm_status dm_catalog_job_counts(dm_catalog *cat, int64_t counts[4], dm_error *err);
/* created_at of the newest job of that kind, as Unix seconds; -1 when none. */
dm_status dm_catalog_job_last_created(dm_catalog *cat, const char *kind, int64_t *when, dm_error *err);
/* The same for one kind and target ("schedule_discover", "crm"): the
 * scheduler's memory of a per-source slot. */
dm_status dm_catalog_job_last_created_target(dm_catalog *cat, const char *kind, const char *target, int64_t *when,
                                             dm_error *err);
/* Delete done jobs last updated more than keep_seconds ago, keeping the
 * newest job of each schedule_* kind and target; dead and pending jobs stay.
 * *removed (may be NULL) counts them. */
dm_status dm_catalog_job_prune(dm_catalog *cat, int64_t keep_seconds, int64_t *removed, dm_error *err);
void dm_job_rec_free(dm_job_rec *j);
void dm_job_list_free(dm_job_rec *list, size_t n);

/* ---- search, runs, counts (the service's API and metrics; search.c) --- */

typedef struct dm_asset_search {
    const char *state;      /* DM_ASSET_*, "failed" (a last_error) or NULL */
    const char *source;     /* source name or NULL */
    const char *entity;     /* assets with a live column holding this entity, or NULL */
    const char *tag;        /* "key" (any value) or "key=value", or NULL */
    const char *text;       /* substring of the name or location, or NULL */
    int64_t limit, offset;  /* limit <= 0: no limit */
} dm_asset_search;

/* Live assets matching every filter given, by source then name, one page;
 * *total counts every match. */
dm_status dm_catalog_asset_search(dm_catalog *cat, const dm_asset_search *q, dm_asset_rec **out, size_t *n,
                                  int64_t *total, dm_error *err);

/* What an asset holds, as the inventory shows it: its live columns with at
 * least one finding no person dismissed (as the report counts them), and
 * the distinct entity types of those findings, sorted. */
dm_status dm_catalog_asset_personal(dm_catalog *cat, int64_t asset_id, int64_t *ncolumns, char ***entities,
                                    size_t *nentities, dm_error *err);

typedef struct dm_run_rec {
    int64_t id;
    char *command, *status, *started_at, *ended_at, *stats_json;
} dm_run_rec;

/* Newest first; limit <= 0: no limit. */
dm_status dm_catalog_run_list(dm_catalog *cat, int64_t limit, int64_t offset, dm_run_rec **out, size_t *n,
                              dm_error *err);
void dm_run_list_free(dm_run_rec *list, size_t n);
/* Number of runs recorded (the API's total). */
dm_status dm_catalog_run_count(dm_catalog *cat, int64_t *n, dm_error *err);
/* One asset by id, live or vanished; DM_ERR_NOT_FOUND when none. */
dm_status dm_catalog_asset_get(dm_catalog *cat, int64_t id, dm_asset_rec *out, dm_error *err);

typedef struct dm_finding_search {
    const char *entity;     /* "EMAIL" or NULL */
    const char *source;     /* source name or NULL */
    int64_t asset_id;       /* 0: any */
    const char *confidence; /* "high" "medium" "low" or NULL */
    int64_t limit, offset;  /* limit <= 0: no limit */
} dm_finding_search;

/* A current finding (the latest classification of a live column of a live
 * table) with where it is. */
typedef struct dm_finding_hit {
    int64_t asset_id, matches, sampled;
    char *source, *asset, *table, *column, *entity, *confidence, *evidence_json, *classified_at;
    double ratio;
    char *review, *review_by, *review_at, *review_reason;  /* as dm_finding_out */
    int64_t allow_listed;   /* as dm_finding_out */
} dm_finding_hit;

/* Current findings matching every filter, by source, asset, table, column
 * ordinal and entity, one page; *total counts every match. */
dm_status dm_catalog_finding_search(dm_catalog *cat, const dm_finding_search *q, dm_finding_hit **out, size_t *n,
                                    int64_t *total, dm_error *err);
void dm_finding_hit_list_free(dm_finding_hit *list, size_t n);

typedef struct dm_tag_search {
    const char *key, *value;    /* exact; NULL: any */
    const char *source;
    int64_t asset_id;           /* 0: any */
    int64_t limit, offset;
} dm_tag_search;

typedef struct dm_tag_hit {
    int64_t asset_id;
    char *source, *asset, *key, *value, *origin, *updated_at;
    char *overridden_by;    /* as in dm_tag */
} dm_tag_hit;

/* Tags of live assets matching every filter, by source, asset, key and
 * precedence, one page; *total counts every match. key=value matches the
 * value in force only (an overridden value is not the asset's). */
dm_status dm_catalog_tag_search(dm_catalog *cat, const dm_tag_search *q, dm_tag_hit **out, size_t *n, int64_t *total,
                                dm_error *err);
void dm_tag_hit_list_free(dm_tag_hit *list, size_t n);

/* A short text that changes whenever a run starts or ends, a tag changes or
 * a source is added or removed (the service's caches compare it). *open is
 * true while some run is still going (its results land table by table). */
dm_status dm_catalog_change_mark(dm_catalog *cat, char **mark, bool *open, dm_error *err);

/* The entities (a JSON array each) of every live column with personal
 * data; free each string and the array. */
dm_status dm_catalog_personal_columns(dm_catalog *cat, char ***entities_json, size_t *n, dm_error *err);

#endif
