/*
 * Sources
 *
 * A source driver knows one kind of store (local folders, S3, DynamoDB,
 * PostgreSQL, ...). It is a table of functions registered by URL scheme in
 * registry.c; adding a store touches only src/sources/ and one registry line.
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
#include "formats/reader.h"

typedef struct dm_source dm_source;

/* Report a problem with one target ("file:///x/y.csv") and go on. */
typedef void (*dm_problem_fn)(void *ctx, const char *target, const char *msg);

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
} dm_sample_spec;

/* Where a driver delivers rows. Column numbers are table-wide: the driver
 * announces each with `column` before a row uses it. */
typedef struct dm_row_sink {
    void *ctx;
    void (*column)(void *ctx, size_t col, const char *name);
    void (*row)(void *ctx, const dm_field *fields, size_t nfields);
    dm_problem_fn problem;
    /* Format facts of the table as read ("csv", "gzip"), once known. */
    void (*format)(void *ctx, const char *format, const char *compression);
} dm_row_sink;

/* A column as the store declares it (see table_columns). */
typedef struct dm_column_decl {
    char *name;
    const char *type;       /* catalog type: "bigint" "double" "boolean" "date" "timestamp" "string" "array" */
    bool nullable;
    bool primary_key;
} dm_column_decl;

typedef struct dm_source_ops {
    const char *scheme;     /* "file", "s3", ... */
    const char *kind;       /* human name: "local folder" */
    dm_status (*open)(const char *url, const char *options_json, dm_source **out, dm_error *err);
    void (*close)(dm_source *src);
    /* Assets, into a malloc'd array. */
    dm_status (*list_assets)(dm_source *src, dm_asset_desc **out, size_t *n, dm_problem_fn problem,
                             void *pctx, dm_error *err);
    /* Tables of one asset (by location). */
    dm_status (*list_tables)(dm_source *src, const dm_asset_desc *asset, dm_table_desc **out, size_t *n,
                             dm_problem_fn problem, void *pctx, dm_error *err);
    dm_status (*read_rows)(dm_source *src, const dm_table_desc *table, const dm_sample_spec *spec,
                           const dm_row_sink *sink, dm_error *err);
    /* Tags of an asset (keys/values malloc'd), with where they came from. */
    dm_status (*read_tags)(dm_source *src, const dm_asset_desc *asset, char ***keys, char ***values,
                           size_t *n, const char **origin, dm_error *err);
    void (*free_table_data)(void *driver_data);
    /* Optional (NULL: column types are inferred from the values read): the
     * columns a table declares (SQL sources), borrowed from the table's
     * driver_data and valid as long as the table description. */
    dm_status (*table_columns)(dm_source *src, const dm_table_desc *table, const dm_column_decl **out,
                               size_t *n, dm_error *err);
    /* Optional (NULL: not supported): write a column's classification into
     * the store's own column comment (`classify --write-comments`). marker is
     * "Sensitive Data Element | ['EMAIL']", or NULL to remove a previous one;
     * the comment's other text is kept. */
    dm_status (*write_column_comment)(dm_source *src, const dm_table_desc *table, const char *column,
                                      const char *marker, dm_error *err);
    /* Optional (NULL: none): facts about an asset for the Art. 30 report
     * (region, encryption at rest, retention rules...) as a malloc'd JSON
     * object; stored with dm_catalog_asset_set_facts by the tags step. */
    dm_status (*read_facts)(dm_source *src, const dm_asset_desc *asset, char **facts_json, dm_error *err);
    /* Optional (NULL: the caller polls): wait up to timeout_ms for the store
     * to announce a schema change (a table created or altered), setting up
     * what it needs on the first call where the user may (PostgreSQL: an
     * event trigger calling pg_notify, and LISTEN). *changed tells whether
     * one came. An error means "cannot watch here": the caller polls. */
    dm_status (*wait_change)(dm_source *src, int timeout_ms, bool *changed, dm_error *err);
    /* Optional, with wait_change (NULL: any change may touch every asset):
     * the assets the changes reported so far touched, then forgotten, as a
     * malloc'd array of malloc'd asset names (as list_assets names them;
     * possibly ones that are gone or not listed yet). *all true when the
     * driver lost track: treat every asset as changed. */
    void (*changed_assets)(dm_source *src, char ***names, size_t *n, bool *all);
} dm_source_ops;

struct dm_source {
    const dm_source_ops *ops;
    char *url;
    void *ctx;
};

/* Find the driver for a URL (plain paths are "file"); NULL when none. */
const dm_source_ops *dm_source_lookup(const char *url);
/* Open a source for a URL; DM_ERR_ARG names an unsupported scheme. */
dm_status dm_source_open(const char *url, const char *options_json, dm_source **out, dm_error *err);
void dm_source_close(dm_source *src);

void dm_asset_desc_free_list(dm_asset_desc *list, size_t n);
void dm_table_desc_free_list(const dm_source *src, dm_table_desc *list, size_t n);

extern const dm_source_ops dm_source_file_ops;

#endif
