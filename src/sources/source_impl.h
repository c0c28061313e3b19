/*
 * Source drivers: the implementation side of source.h
 *
 * Included only by the .c files of src/sources/. Callers never see the ops table: they
 * use the dm_source_* wrappers, which check optional ops once.
 *
 * Adding a source driver:
 *   1. one new file src/sources/<name>.c defining
 *          const dm_source_ops dm_source_<name>_ops = {.open = ..., ...};
 *      (required: open, close, list_assets, list_tables, read_rows; the
 *      others may stay NULL, and the wrappers give the neutral answer);
 *   2. one row in the driver table in registry.c: its name, the URL schemes
 *      it answers to, and &dm_source_<name>_ops (declared just above it).
 * The framework allocates the dm_source and keeps its URL; the driver
 * allocates only its own state, returned by open and freed by close.
 */
#ifndef DM_SOURCES_SOURCE_IMPL_H
#define DM_SOURCES_SOURCE_IMPL_H

#include "sources/source.h"

typedef struct dm_source_ops dm_source_ops;

/* One row of the driver table. */
typedef struct dm_source_driver {
    const char *name;               /* "postgres" */
    const char *const *schemes;     /* NULL-terminated: {"postgres", "postgresql", NULL} */
    const dm_source_ops *ops;
    /* Where this driver takes a password from instead of the URL or an
     * option: only what the driver really reads (shown in refusals). */
    const char *secret_hint;
    /* The driver reads the include= and exclude= options itself (the SQL
     * drivers, on schema.table); for the others the framework takes them
     * out of the options and filters assets and tables (see registry.c). */
    bool own_filters;
} dm_source_driver;

struct dm_source {
    const dm_source_driver *driver;
    char *url;      /* as the driver shows it (canonical, no password) */
    void *state;    /* the driver's, from open */
    char **include, **exclude;  /* glob patterns, framework-applied */
    size_t ninclude, nexclude;
    dm_unread_fn unread;    /* dm_source_set_unread */
    void *unread_ctx;
};

/* A driver lists a file it will not read (dm_source_set_unread's callback;
 * the kind from the target's name). */
void dm_source_note_unread(dm_source *src, const char *target, const char *reason);

struct dm_source_ops {
    /* Check the URL and options and set up the driver's state (*state,
     * freed by close). *shown_url: the URL as messages and the catalog
     * should show it (malloc'd, e.g. canonical and without the password),
     * or left NULL to keep url. On failure the framework frees *shown_url
     * and closes *state when set, so a driver may fill both early. */
    dm_status (*open)(const char *url, const char *options_json, void **state, char **shown_url, dm_error *err);
    void (*close)(void *state);
    dm_status (*list_assets)(dm_source *src, dm_asset_desc **out, size_t *n, dm_problem_fn problem, void *pctx,
                             dm_error *err);
    dm_status (*list_tables)(dm_source *src, const dm_asset_desc *asset, dm_table_desc **out, size_t *n,
                             dm_problem_fn problem, void *pctx, dm_error *err);
    dm_status (*read_rows)(dm_source *src, const dm_table_desc *table, const dm_sample_spec *spec,
                           const dm_row_sink *sink, dm_error *err);
    /* Optional ops (NULL: see the wrapper in source.h for the answer). */
    /* tags arrives empty; on failure the wrapper empties it again */
    dm_status (*read_tags)(dm_source *src, const dm_asset_desc *asset, dm_kvlist *tags, const char **origin,
                           dm_error *err);
    void (*free_table_data)(void *driver_data);
    dm_status (*table_columns)(dm_source *src, const dm_table_desc *table, const dm_column_decl **out, size_t *n,
                               dm_error *err);
    dm_status (*write_column_comment)(dm_source *src, const dm_table_desc *table, const char *column,
                                      const char *marker, dm_error *err);
    dm_status (*read_facts)(dm_source *src, const dm_asset_desc *asset, char **facts_json, dm_error *err);
    dm_status (*wait_change)(dm_source *src, int timeout_ms, bool *changed, dm_error *err);
    void (*changed_assets)(dm_source *src, char ***names, size_t *n, bool *all);
};

#endif
