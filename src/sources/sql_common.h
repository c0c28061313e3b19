/*
 * Shared logic of the SQL sources (sqlite.c, postgres.c, mysql.c):
 * source options, declared type -> catalog type, include/exclude globs,
 * "key=value; key=value" comments as tags, URL redaction, cell caps and
 * datamap's column-comment marker.
 */
#ifndef DM_SOURCES_SQL_COMMON_H
#define DM_SOURCES_SQL_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/kv.h"

/* Options of every SQL source (--option K=V), with their defaults:
 *   views=true|false          views (and materialized views) are tables too (false)
 *   all_databases=true|false  server sources: every database, even when the URL names one (false)
 *   include=GLOB[,GLOB...]    only tables whose "schema.table" matches one glob (* and ?)
 *   exclude=GLOB[,GLOB...]    skip tables whose "schema.table" matches one glob
 *   databases=GLOB[,GLOB...]  server sources: only databases whose name matches one glob
 *   max_cell_bytes=N          bytes read per cell (4096)
 *   statement_timeout=MS      time limit per statement, milliseconds (30000)
 *   option_file=PATH          MySQL: an option file to read ([client] group), e.g. with the password
 * SQLite has no schemas: its tables are matched as "main.table". */
typedef struct dm_sql_opts {
    bool views;
    bool all_databases;
    char **include, **exclude, **databases;
    size_t ninclude, nexclude, ndatabases;
    size_t max_cell_bytes;
    int statement_timeout_ms;
    char *option_file;          /* NULL when not given */
    bool no_watch;              /* watch=false: never set up change notification (PostgreSQL's event trigger) */
} dm_sql_opts;

/* Parse options_json ({"k":"v"}, NULL or "" is {}); an unknown key or a bad
 * value is DM_ERR_ARG naming it. Free with dm_sql_opts_free. */
dm_status dm_sql_opts_parse(const char *options_json, dm_sql_opts *out, dm_error *err);
void dm_sql_opts_free(dm_sql_opts *o);
/* Whether "schema.table" passes the include and exclude globs. */
bool dm_sql_opts_wanted(const dm_sql_opts *o, const char *schema, const char *table);
/* Whether a database name passes the databases globs. */
bool dm_sql_opts_wanted_db(const dm_sql_opts *o, const char *db);

/* Catalog type of a declared SQL type (any case, with modifiers):
 * "bigint" "double" "boolean" "date" "timestamp" "string" or "array". */
const char *dm_sql_map_type(const char *declared);

/* A glob (* any run, ? one character) as a SQL LIKE pattern with '\' as the
 * escape character (the default of PostgreSQL and MySQL). malloc'd. */
char *dm_sql_glob_to_like(const char *glob);

/* Add the "key=value; key=value" pairs of a comment to a tag list (spaces
 * around keys and values trimmed; parts without '=' or with an empty key
 * ignored; a key already in the list keeps its first value, so the database
 * comment wins over table comments read after it). Returns how many pairs
 * the comment held. */
size_t dm_sql_tags_parse(dm_kvlist *t, const char *comment);

/* The URL without its password (user:pass@ -> user@, password=... query
 * parameter dropped): for messages and locations. malloc'd. */
char *dm_sql_redact_url(const char *url);

/* Length of a cell cut to at most cap bytes without splitting a UTF-8
 * sequence. */
size_t dm_sql_cell_len(const char *p, size_t len, size_t cap);

/* Datamap's marker in a column comment: "Sensitive Data Element | [...]".
 * The comment to store given the existing one (NULL when none) and the new
 * marker (NULL to remove it): other text is kept, a previous marker line is
 * replaced. Returns NULL when nothing changes, else a malloc'd string ("" to
 * drop the comment). */
#define DM_SQL_MARKER_PREFIX "Sensitive Data Element | "
char *dm_sql_comment_merge(const char *existing, const char *marker);

#endif
