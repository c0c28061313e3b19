/*
 * Sources
 *
 * A source driver knows one kind of store (local folders, S3, DynamoDB,
 * PostgreSQL, ...). Callers use the dm_source_* calls below; the drivers and
 * their table live behind them (source_impl.h, registry.c).
 *
 * The pipeline asks a driver for:
 *   - the assets of a source (discover),
 *   - the tables of an asset, each with a fingerprint that changes when its
 *     content changes (crawl skips unchanged tables),
 *   - rows of a table, sampled as asked (crawl and classify),
 *   - the tags of an asset.
 * Per-target problems (one unreadable file, one table without permission)
 * are reported through the problem callback and the rest goes on; a returned
 * error means the whole call failed.
 */
#ifndef DM_SOURCES_SOURCE_H
#define DM_SOURCES_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/kv.h"
#include "formats/encoding.h"
#include "formats/reader.h"

typedef struct dm_source dm_source;

/* Report a problem with one target ("file:///x/y.csv") and go on. */
typedef void (*dm_problem_fn)(void *ctx, const char *target, const char *msg);

/* A file of a store that is not read, so that it is counted on its asset by
 * kind and reason ("12 .pdf not supported", "1 .parquet corrupt") instead of
 * skipped in silence. kind: the name's extension with its dot (".pdf"; a
 * compression suffix kept: ".csv.gz"), "no extension" when none; reason:
 * DM_UNREAD_* below. */
typedef void (*dm_unread_fn)(void *ctx, const char *target, const char *kind, const char *reason);

#define DM_UNREAD_UNSUPPORTED "not supported"   /* a kind of file datamap does not read */
#define DM_UNREAD_CORRUPT "corrupt"             /* its format is known, its content is broken or cut short */
#define DM_UNREAD_EMPTY "empty"
#define DM_UNREAD_TOO_LARGE "too large"         /* a limit: record, footer, decompressed size */
#define DM_UNREAD_FAILED "unreadable"           /* the store refused or failed the read */
#define DM_UNREAD_SQLITE "a SQLite database (scan it as sqlite://)"

/* The kind of a file for dm_unread_fn, from its name or URL, into out. */
void dm_unread_kind(const char *name, char *out, size_t outlen);
/* The reason for a read that failed with err (DM_UNREAD_*). */
const char *dm_unread_reason(const dm_error *err);

typedef struct dm_asset_desc {
    char *name;
    char *kind;             /* "folder", "bucket", "database", "dynamodb_table" */
    char *location;         /* URL */
    char *region;           /* NULL when not applicable */
} dm_asset_desc;

typedef struct dm_table_desc {
    char *name;
    char *location;         /* URL of the file, folder or table */
    char *fingerprint;      /* changes when the content changes */
    int64_t bytes;          /* -1 when unknown */
    int64_t rows_estimate;  /* -1 when unknown */
    char **partition_keys;  /* Hive-style keys, in folder order */
    size_t npartition_keys;
    void *driver_data;      /* the driver's own description (files, ...) */
} dm_table_desc;

/* What to read from a table. */
typedef struct dm_sample_spec {
    uint64_t rows;          /* at most this many rows; UINT64_MAX: every row */
    uint64_t seed;          /* for reproducible random choices */
    dm_encoding encoding;   /* text files: read in this encoding; DM_ENC_AUTO detects (and
                             * a source's own encoding= option applies) */
} dm_sample_spec;

/* Where a driver delivers rows. Column numbers are table-wide: the driver
 * announces each with `column` before a row uses it. `row` returns whether
 * to go on: on false the driver stops reading the table (cancelling the
 * query or scan it runs) and read_rows returns DM_OK at once. */
typedef struct dm_row_sink {
    void *ctx;
    void (*column)(void *ctx, size_t col, const char *name);
    bool (*row)(void *ctx, const dm_field *fields, size_t nfields);
    dm_problem_fn problem;
    /* Format facts of the table as read ("csv", "gzip", "windows-1252"),
     * once known; encoding is NULL where text has none (databases). */
    void (*format)(void *ctx, const char *format, const char *compression, const char *encoding);
    /* Optional: whether a cell reads as personal data. Files ask it of a
     * header candidate (dm_format_sniff_checked): such a record is data. */
    bool (*is_value)(void *ctx, const char *p, size_t n);
    /* Optional: a part of the table (a file) that could not be read at all
     * or to its end; the problem is reported too. */
    dm_unread_fn unread;
} dm_row_sink;

/* A column as the store declares it (see table_columns). */
typedef struct dm_column_decl {
    char *name;
    const char *type;       /* catalog type: "bigint" "double" "boolean" "date" "timestamp" "string" "array" */
    bool nullable;
    bool primary_key;
} dm_column_decl;

/* ---- calls ------------------------------------------------------------------
 * Every call goes through these wrappers; the ops table behind them is the
 * drivers' business (source_impl.h). Optional abilities answer neutrally or
 * with DM_ERR_ARG "<driver> does not ...", as each says. */

/* The URL scheme a URL would be opened with ("file" for plain paths,
 * otherwise the scheme as the driver table spells it), or NULL when no
 * driver answers to it. */
const char *dm_source_lookup(const char *url);
/* What to use instead of a password in a URL or option, for the driver of
 * url: only what that driver reads (postgres: PGPASSWORD, ~/.pgpass ...;
 * mysql: MYSQL_PWD, an option file; s3/dynamodb: the AWS conventions). url
 * NULL or of no known driver: every driver's, each named. */
const char *dm_source_secret_hint(const char *url);
/* Open a source for a URL; DM_ERR_ARG names an unsupported scheme. */
dm_status dm_source_open(const char *url, const char *options_json, dm_source **out, dm_error *err);
void dm_source_close(dm_source *src);
/* The name of the driver behind a source ("postgres", "file", ...). */
const char *dm_source_driver_name(const dm_source *src);

/* Assets, into a malloc'd array (free with dm_asset_desc_free_list). */
dm_status dm_source_list_assets(dm_source *src, dm_asset_desc **out, size_t *n, dm_problem_fn problem, void *pctx,
                                dm_error *err);
/* Where drivers tell the files they list but do not read (a .pdf in a
 * folder, a SQLite database) while listing tables; NULL: not told. */
void dm_source_set_unread(dm_source *src, dm_unread_fn fn, void *ctx);
/* Tables of one asset (free with dm_table_desc_free_list). */
dm_status dm_source_list_tables(dm_source *src, const dm_asset_desc *asset, dm_table_desc **out, size_t *n,
                                dm_problem_fn problem, void *pctx, dm_error *err);
/* Rows of a table into the sink, until the table ends, the sample is full
 * or the sink's row returns false (then DM_OK: stopping is not a failure). */
dm_status dm_source_read_rows(dm_source *src, const dm_table_desc *table, const dm_sample_spec *spec,
                              const dm_row_sink *sink, dm_error *err);
/* Tags of an asset into *tags (emptied first; the caller frees it with
 * dm_kv_free, also after an error, when it is empty), with where they came
 * from ("store", "sidecar"). A store without tags answers none, origin "store". */
dm_status dm_source_read_tags(dm_source *src, const dm_asset_desc *asset, dm_kvlist *tags, const char **origin,
                              dm_error *err);
/* The columns a table declares (SQL sources), borrowed and valid as long as
 * the table description. A store that declares none answers *n = 0: the
 * column types are then inferred from the values read. */
dm_status dm_source_table_columns(dm_source *src, const dm_table_desc *table, const dm_column_decl **out, size_t *n,
                                  dm_error *err);
/* Write a column's classification into the store's own column comment
 * (`classify --write-comments`). marker is "Sensitive Data Element | ['EMAIL']",
 * or NULL to remove a previous one; the comment's other text is kept. A store
 * without column comments answers DM_ERR_ARG "<driver> has no column comments". */
dm_status dm_source_write_column_comment(dm_source *src, const dm_table_desc *table, const char *column,
                                         const char *marker, dm_error *err);
/* Facts about an asset for the Art. 30 report (region, encryption at rest,
 * retention rules...) as a malloc'd JSON object; *facts_json NULL when the
 * store has none. */
dm_status dm_source_read_facts(dm_source *src, const dm_asset_desc *asset, char **facts_json, dm_error *err);
/* Wait up to timeout_ms for the store to announce a schema change (a table
 * created or altered), setting up what it needs on the first call where the
 * user may (PostgreSQL: an event trigger calling pg_notify, and LISTEN).
 * *changed tells whether one came. An error means "cannot watch here": the
 * caller polls; DM_ERR_ARG means never here (a store that announces nothing,
 * or watching turned off by the source's options), other codes maybe later. */
dm_status dm_source_wait_change(dm_source *src, int timeout_ms, bool *changed, dm_error *err);
/* After wait_change: the assets the changes reported so far touched, then
 * forgotten, as a malloc'd array of malloc'd asset names (as list_assets
 * names them; possibly ones that are gone or not listed yet). *all true when
 * any asset may have changed (the driver lost track, or cannot tell). */
void dm_source_changed_assets(dm_source *src, char ***names, size_t *n, bool *all);

void dm_asset_desc_free_list(dm_asset_desc *list, size_t n);
void dm_table_desc_free_list(const dm_source *src, dm_table_desc *list, size_t n);

#endif
