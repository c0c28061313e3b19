/*
 * PostgreSQL servers (postgres://user@host:port/db, postgresql://...)
 *
 * The URL goes to libpq as it is (PQconnectdbParams with expand_dbname), so
 * PG* environment variables, ~/.pgpass, sslmode and every other URI
 * parameter work as libpq documents them. The URL is never printed: messages
 * and locations use postgres://host:port/db built from what libpq parsed.
 *
 * Assets: when the URL names a database, that database only (unless
 * --option all_databases=true); otherwise every database the role may
 * connect to (templates skipped), found from the "postgres" database. Option
 * databases=GLOB,... narrows the list.
 *
 * Tables: per database, one query lists the tables (views and materialized
 * views with views=true) outside pg_catalog, information_schema and pg_toast
 * with include/exclude applied in its WHERE clause, and one more query gives
 * the columns (format_type, NOT NULL, primary key, comment) of all of them:
 * two queries per database whatever the number of tables. Names are
 * "schema.table".
 *
 * Reads: every session is read-only (default_transaction_read_only) with a
 * statement_timeout; a sample runs in a READ ONLY transaction, streams rows
 * (single-row mode), reads left(col::text, max_cell_bytes) per cell, and
 * uses TABLESAMPLE SYSTEM (p) LIMIT n with p from pg_class.reltuples, or
 * BERNOULLI for small tables and when SYSTEM is refused; plain LIMIT for
 * views and tables that fit the budget. Identifiers are quoted with
 * PQescapeIdentifier. A dropped connection is reopened for the next table.
 *
 * Tags: "key=value; key=value" in COMMENT ON DATABASE, then in the tables'
 * comments (the database's value wins for a key given twice).
 * Write-back: COMMENT ON COLUMN in a READ WRITE transaction of its own.
 */
#include <libpq-fe.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hash.h"
#include "core/log.h"
#include "core/mem.h"
#include "core/redact.h"
#include "sources/sql_common.h"
#include "sources/source_impl.h"


typedef struct pg_src {
    char *url;          /* as given: may hold a password, never printed */
    char *scheme;       /* "postgres" or "postgresql" */
    char *url_db;       /* database the URL names, or NULL */
    char *hostport;     /* "host:port" for locations */
    dm_sql_opts opts;
    PGconn *conn;
    char *conn_db;      /* database of conn */
    PGconn **listen;    /* wait_change: one LISTEN connection per database */
    size_t nlisten;
    bool watching;
} pg_src;

typedef struct pg_table {
    char *db, *schema, *name;
    char relkind;
    double reltuples;
    int64_t relpages;
    dm_column_decl *cols;
    char **comments;    /* per column, NULL when none */
    size_t ncols, cap;
} pg_table;

/* libpq's message on one line: newlines and tabs become single spaces. */
static char *first_line(const char *msg)
{
    char *s = dm_xstrdup(msg ? msg : "");
    size_t n = 0;
    for (const char *p = s; *p; p++) {
        bool space = *p == '\n' || *p == '\t' || *p == ' ';
        if (space && (n == 0 || s[n - 1] == ' '))
            continue;
        s[n++] = space ? ' ' : *p;
    }
    while (n && s[n - 1] == ' ')
        n--;
    s[n] = '\0';
    return s;
}

/* A libpq failure as a dm_error: the message is libpq's (it never holds the
 * password), prefixed with what was being done. */
static dm_status pg_fail(dm_error *err, PGconn *conn, const PGresult *res, const char *what)
{
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    char *msg = first_line(res && PQresultErrorMessage(res)[0] ? PQresultErrorMessage(res) : PQerrorMessage(conn));
    dm_status code = DM_ERR_BACKEND;
    if (state && strcmp(state, "42501") == 0)
        code = DM_ERR_AUTH;
    else if (state && strcmp(state, "57014") == 0)
        code = DM_ERR_TIMEOUT;
    else if (conn && PQstatus(conn) == CONNECTION_BAD)
        code = DM_ERR_IO;
    dm_status rc = DM_FAIL(err, code, "%s: %s", what, msg);
    free(msg);
    return rc;
}

static void pg_close(void *state)
{
    pg_src *s = state;
    PQfinish(s->conn);
    for (size_t i = 0; i < s->nlisten; i++)
        PQfinish(s->listen[i]);
    free(s->listen);
    dm_sql_opts_free(&s->opts);
    dm_free_secret(s->url);
    free(s->scheme);
    free(s->url_db);
    free(s->hostport);
    free(s->conn_db);
    free(s);
}

/* Connect to database db (NULL: the URL's). */
static dm_status pg_connect(pg_src *s, const char *db, dm_error *err)
{
    if (s->conn && PQstatus(s->conn) == CONNECTION_OK &&
        ((db == NULL && s->conn_db == NULL) || (db && s->conn_db && strcmp(db, s->conn_db) == 0)))
        return DM_OK;
    PQfinish(s->conn);
    s->conn = NULL;
    free(s->conn_db);
    s->conn_db = NULL;
    const char *keys[6], *vals[6];
    int k = 0;
    keys[k] = "connect_timeout", vals[k++] = "10";
    keys[k] = "dbname", vals[k++] = s->url;
    if (db)
        keys[k] = "dbname", vals[k++] = db;
    keys[k] = "fallback_application_name", vals[k++] = "datamap";
    keys[k] = NULL, vals[k] = NULL;
    s->conn = PQconnectdbParams(keys, vals, 1);
    char *where = dm_xasprintf("%s://%s/%s", s->scheme, s->hostport, db ? db : s->url_db ? s->url_db : "");
    dm_status rc = DM_OK;
    if (s->conn == NULL || PQstatus(s->conn) != CONNECTION_OK) {
        char *clean = dm_text_redact_url(s->conn ? PQerrorMessage(s->conn) : "out of memory", s->url);
        char *msg = first_line(clean);
        free(clean);
        bool auth = strstr(msg, "password") || strstr(msg, "authentication");
        rc = DM_FAIL(err, auth ? DM_ERR_AUTH : DM_ERR_IO, "cannot connect to database %s: %s",
                     db ? db : s->url_db ? s->url_db : "(libpq default)", msg);
        free(msg);
        goto out;
    }
    char *set = dm_xasprintf("SET default_transaction_read_only = on; SET statement_timeout = %d; "
                             "SET lock_timeout = %d; SET client_encoding = 'UTF8'",
                             s->opts.statement_timeout_ms, s->opts.statement_timeout_ms);
    PGresult *r = PQexec(s->conn, set);
    free(set);
    if (PQresultStatus(r) != PGRES_COMMAND_OK)
        rc = pg_fail(err, s->conn, r, where);
    PQclear(r);
    if (rc == DM_OK)
        s->conn_db = db ? dm_xstrdup(db) : NULL;
out:
    if (rc) {
        PQfinish(s->conn);
        s->conn = NULL;
    }
    free(where);
    return rc;
}

/* postgres:// and libpq's postgresql:// are one driver; URLs are shown
 * with the scheme they were given. */
static dm_status pg_open(const char *url, const char *options_json, void **state, char **shown_url, dm_error *err)
{
    dm_status rc = DM_OK;
    char *perr = NULL;
    PQconninfoOption *info = PQconninfoParse(url, &perr);
    char *shown = dm_sql_redact_url(url);
    if (info == NULL) {
        char *clean = dm_text_redact_url(perr ? perr : "out of memory", url);   /* libpq may quote the URL */
        char *msg = first_line(clean);
        free(clean);
        rc = DM_FAIL(err, DM_ERR_ARG, "%s: %s", shown, msg);
        free(msg);
        PQfreemem(perr);
        free(shown);
        return rc;
    }
    pg_src *s = dm_xcalloc(1, sizeof *s);
    *state = s;     /* closed by the framework on failure */
    s->url = dm_xstrdup(url);
    s->scheme = dm_xstrndup(url, strcspn(url, ":"));
    const char *host = NULL, *port = NULL, *db = NULL;
    for (PQconninfoOption *o = info; o->keyword; o++) {
        if (o->val == NULL || *o->val == '\0')
            continue;
        if (strcmp(o->keyword, "host") == 0)
            host = o->val;
        else if (strcmp(o->keyword, "port") == 0)
            port = o->val;
        else if (strcmp(o->keyword, "dbname") == 0)
            db = o->val;
    }
    /* what libpq will use when the URL is silent: PGHOST, PGPORT, PGDATABASE */
    if (host == NULL)
        host = getenv("PGHOST") ? getenv("PGHOST") : "localhost";
    if (port == NULL)
        port = getenv("PGPORT") ? getenv("PGPORT") : "5432";
    if (db == NULL)
        db = getenv("PGDATABASE");
    s->hostport = dm_xasprintf("%s:%s", host, port);
    s->url_db = db && *db ? dm_xstrdup(db) : NULL;
    *shown_url = dm_xasprintf("%s://%s%s%s", s->scheme, s->hostport, s->url_db ? "/" : "",
                              s->url_db ? s->url_db : "");
    for (PQconninfoOption *o = info; o->keyword; o++)
        if (o->val && strcmp(o->keyword, "password") == 0)
            dm_wipe(o->val, strlen(o->val));    /* PQconninfoFree does not */
    PQconninfoFree(info);
    free(shown);
    return dm_sql_opts_parse(options_json, &s->opts, err);
}

static void add_asset(dm_source *src, dm_asset_desc **out, size_t *n, const char *db)
{
    pg_src *s = src->state;
    *out = dm_xrealloc(*out, (*n + 1) * sizeof **out);
    dm_asset_desc *a = &(*out)[(*n)++];
    memset(a, 0, sizeof *a);
    a->name = dm_xstrdup(db);
    a->kind = dm_xstrdup("database");
    a->location = dm_xasprintf("%s://%s/%s", s->scheme, s->hostport, db);
}

static dm_status pg_list_assets(dm_source *src, dm_asset_desc **out, size_t *n, dm_problem_fn problem, void *pctx,
                                dm_error *err)
{
    pg_src *s = src->state;
    dm_status rc;
    *out = NULL;
    *n = 0;
    if (s->url_db && !s->opts.all_databases) {
        /* connect once, so a wrong password or a missing database shows here */
        if ((rc = pg_connect(s, NULL, err)))
            return rc;
        add_asset(src, out, n, s->url_db);
        return DM_OK;
    }
    if (s->url_db)
        rc = pg_connect(s, NULL, err);
    else if ((rc = pg_connect(s, "postgres", err)) && rc != DM_ERR_AUTH)
        rc = pg_connect(s, "template1", err);
    if (rc)
        return rc;
    PGresult *r = PQexec(s->conn, "SELECT datname FROM pg_catalog.pg_database WHERE datallowconn AND NOT datistemplate "
                                  "AND has_database_privilege(datname, 'CONNECT') ORDER BY datname");
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        rc = pg_fail(err, s->conn, r, src->url);
        PQclear(r);
        return rc;
    }
    for (int i = 0; i < PQntuples(r); i++)
        if (dm_sql_opts_wanted_db(&s->opts, PQgetvalue(r, i, 0)))
            add_asset(src, out, n, PQgetvalue(r, i, 0));
    PQclear(r);
    return DM_OK;
}

static void pg_table_free(void *data)
{
    pg_table *t = data;
    if (t == NULL)
        return;
    for (size_t i = 0; i < t->ncols; i++) {
        free(t->cols[i].name);
        free(t->comments[i]);
    }
    free(t->cols);
    free(t->comments);
    free(t->db);
    free(t->schema);
    free(t->name);
    free(t);
}

/* {"a","b\"c"}: a text[] literal for a query parameter. */
static char *array_literal(char *const *items, size_t n, bool as_like)
{
    dm_buf b = DM_BUF_INIT;
    dm_buf_putc(&b, '{');
    for (size_t i = 0; i < n; i++) {
        char *item = as_like ? dm_sql_glob_to_like(items[i]) : dm_xstrdup(items[i]);
        dm_buf_putc(&b, i ? ',' : '"');
        if (i)
            dm_buf_putc(&b, '"');
        for (const char *p = item; *p; p++) {
            if (*p == '"' || *p == '\\')
                dm_buf_putc(&b, '\\');
            dm_buf_putc(&b, *p);
        }
        dm_buf_putc(&b, '"');
        free(item);
    }
    dm_buf_putc(&b, '}');
    return dm_buf_steal(&b);
}

typedef struct oid_ix {
    unsigned long long oid;
    size_t idx;
} oid_ix;

static int cmp_oid(const void *a, const void *b)
{
    const oid_ix *x = a, *y = b;
    return x->oid < y->oid ? -1 : x->oid > y->oid;
}

static const char tables_sql[] =
    "SELECT c.oid, n.nspname, c.relname, c.relkind, c.reltuples::float8, c.relpages::int8,"
    " coalesce(s.n_tup_ins, 0) + coalesce(s.n_tup_upd, 0) + coalesce(s.n_tup_del, 0)"
    " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
    " LEFT JOIN pg_catalog.pg_stat_all_tables s ON s.relid = c.oid"
    " WHERE (c.relkind IN ('r', 'p') OR ($1 AND c.relkind IN ('v', 'm')))"
    " AND NOT c.relispartition"
    " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'"
    " AND n.nspname NOT LIKE 'pg\\_temp\\_%'"
    " AND (cardinality($2::text[]) = 0 OR (n.nspname || '.' || c.relname) LIKE ANY ($2::text[]))"
    " AND NOT ((n.nspname || '.' || c.relname) LIKE ANY ($3::text[]))"
    " ORDER BY n.nspname, c.relname";

static const char columns_sql[] =
    "SELECT a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,"
    " EXISTS (SELECT 1 FROM pg_catalog.pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary"
    " AND a.attnum = ANY (i.indkey)), pg_catalog.col_description(a.attrelid, a.attnum)"
    " FROM pg_catalog.pg_attribute a"
    " WHERE a.attrelid = ANY ($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped"
    " ORDER BY a.attrelid, a.attnum";

static dm_status pg_list_tables(dm_source *src, const dm_asset_desc *asset, dm_table_desc **out, size_t *n,
                                dm_problem_fn problem, void *pctx, dm_error *err)
{
    pg_src *s = src->state;
    dm_status rc;
    PGresult *r = NULL, *rc_cols = NULL;
    pg_table **tabs = NULL;
    size_t nt = 0;
    dm_buf oids = DM_BUF_INIT;
    char *inc = array_literal(s->opts.include, s->opts.ninclude, true);
    char *exc = array_literal(s->opts.exclude, s->opts.nexclude, true);
    *out = NULL;
    *n = 0;
    if ((rc = pg_connect(s, asset->name, err)))
        goto out;
    const char *params[3] = {s->opts.views ? "true" : "false", inc, exc};
    r = PQexecParams(s->conn, tables_sql, 3, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        rc = pg_fail(err, s->conn, r, asset->location);
        goto out;
    }
    nt = (size_t)PQntuples(r);
    tabs = dm_xcalloc(nt + 1, sizeof *tabs);
    dm_buf_putc(&oids, '{');
    for (size_t i = 0; i < nt; i++) {
        pg_table *t = tabs[i] = dm_xcalloc(1, sizeof *t);
        t->db = dm_xstrdup(asset->name);
        t->schema = dm_xstrdup(PQgetvalue(r, (int)i, 1));
        t->name = dm_xstrdup(PQgetvalue(r, (int)i, 2));
        t->relkind = PQgetvalue(r, (int)i, 3)[0];
        t->reltuples = strtod(PQgetvalue(r, (int)i, 4), NULL);
        t->relpages = strtoll(PQgetvalue(r, (int)i, 5), NULL, 10);
        dm_buf_printf(&oids, "%s%s", i ? "," : "", PQgetvalue(r, (int)i, 0));
    }
    dm_buf_putc(&oids, '}');
    const char *cparams[1] = {oids.data};
    rc_cols = PQexecParams(s->conn, columns_sql, 1, NULL, cparams, NULL, NULL, 0);
    if (PQresultStatus(rc_cols) != PGRES_TUPLES_OK) {
        rc = pg_fail(err, s->conn, rc_cols, asset->location);
        goto out;
    }
    /* columns come by table oid: find each row's table in an oid-sorted index */
    oid_ix *ix = dm_xcalloc(nt + 1, sizeof *ix);
    for (size_t i = 0; i < nt; i++)
        ix[i] = (oid_ix){strtoull(PQgetvalue(r, (int)i, 0), NULL, 10), i};
    qsort(ix, nt, sizeof *ix, cmp_oid);
    for (size_t row = 0, ncrows = (size_t)PQntuples(rc_cols); row < ncrows; row++) {
        oid_ix key = {strtoull(PQgetvalue(rc_cols, (int)row, 0), NULL, 10), 0};
        oid_ix *hit = bsearch(&key, ix, nt, sizeof *ix, cmp_oid);
        if (hit == NULL)
            continue;
        pg_table *t = tabs[hit->idx];
        {
            size_t had = t->cap;
            DM_GROW(t->cols, t->cap, t->ncols + 1);
            if (t->cap != had)  /* comments has the capacity of cols */
                t->comments = dm_xrealloc(t->comments, t->cap * sizeof *t->comments);
            dm_column_decl *c = &t->cols[t->ncols];
            c->name = dm_xstrdup(PQgetvalue(rc_cols, (int)row, 1));
            c->type = dm_sql_map_type(PQgetvalue(rc_cols, (int)row, 2));
            c->nullable = PQgetvalue(rc_cols, (int)row, 3)[0] != 't';
            c->primary_key = PQgetvalue(rc_cols, (int)row, 4)[0] == 't';
            t->comments[t->ncols] =
                PQgetisnull(rc_cols, (int)row, 5) ? NULL : dm_xstrdup(PQgetvalue(rc_cols, (int)row, 5));
            t->ncols++;
        }
    }
    free(ix);
    *out = dm_xcalloc(nt + 1, sizeof **out);
    for (size_t i = 0; i < nt; i++) {
        pg_table *t = tabs[i];
        dm_table_desc *d = &(*out)[i];
        uint64_t h = DM_FNV64_INIT;
        for (size_t c = 0; c < t->ncols; c++) {
            h = dm_fnv64(h, t->cols[c].name, strlen(t->cols[c].name) + 1);
            h = dm_fnv64(h, t->cols[c].type, strlen(t->cols[c].type) + 1);
        }
        d->name = dm_xasprintf("%s.%s", t->schema, t->name);
        d->location = dm_xasprintf("%s/%s", asset->location, d->name);
        d->fingerprint = dm_xasprintf("pg:%s:%s:%s:%016llx", PQgetvalue(r, (int)i, 4), PQgetvalue(r, (int)i, 5),
                                      PQgetvalue(r, (int)i, 6), (unsigned long long)h);
        d->rows_estimate = t->reltuples >= 0 && t->relkind != 'v' ? (int64_t)t->reltuples : -1;
        d->bytes = t->relkind == 'v' ? -1 : t->relpages * 8192;
        d->driver_data = t;
        tabs[i] = NULL;
    }
    *n = nt;
out:
    for (size_t i = 0; tabs && i < nt; i++)
        pg_table_free(tabs[i]);
    free(tabs);
    PQclear(r);
    PQclear(rc_cols);
    dm_buf_free(&oids);
    free(inc);
    free(exc);
    return rc;
}

static dm_status pg_table_columns(dm_source *src, const dm_table_desc *table, const dm_column_decl **out, size_t *n,
                                  dm_error *err)
{
    const pg_table *t = table->driver_data;
    *out = t->cols;
    *n = t->ncols;
    return DM_OK;
}

/* "schema"."table" quoted by libpq; NULL when the connection refuses. */
static char *qualified(PGconn *conn, const pg_table *t)
{
    char *qs = PQescapeIdentifier(conn, t->schema, strlen(t->schema));
    char *qt = PQescapeIdentifier(conn, t->name, strlen(t->name));
    char *q = qs && qt ? dm_xasprintf("%s.%s", qs, qt) : NULL;
    PQfreemem(qs);
    PQfreemem(qt);
    return q;
}

/* Run one sampling query in single-row mode, rows to the sink. */
static dm_status sample_query(pg_src *s, const pg_table *t, const char *sql, const dm_row_sink *sink,
                              const char *where, dm_error *err)
{
    dm_status rc = DM_OK;
    bool stopped = false;
    dm_field *f = dm_xcalloc(t->ncols + 1, sizeof *f);
    PGresult *r = PQexec(s->conn, "BEGIN TRANSACTION READ ONLY");
    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        rc = pg_fail(err, s->conn, r, where);
        PQclear(r);
        free(f);
        return rc;
    }
    PQclear(r);
    if (!PQsendQuery(s->conn, sql) || !PQsetSingleRowMode(s->conn)) {
        rc = pg_fail(err, s->conn, NULL, where);
        goto out;
    }
    while ((r = PQgetResult(s->conn)) != NULL) {
        ExecStatusType st = PQresultStatus(r);
        if (st == PGRES_SINGLE_TUPLE && !stopped) {
            size_t nf = 0;
            for (int c = 0; c < PQnfields(r) && (size_t)c < t->ncols; c++) {
                if (PQgetisnull(r, 0, c)) {
                    f[nf++] = (dm_field){(uint32_t)c, DM_VAL_NULL, "", 0};
                    continue;
                }
                const char *p = PQgetvalue(r, 0, c);
                size_t len = (size_t)PQgetlength(r, 0, c);
                f[nf++] = (dm_field){(uint32_t)c, DM_VAL_STRING, p, dm_sql_cell_len(p, len, s->opts.max_cell_bytes)};
            }
            if (!sink->row(sink->ctx, f, nf)) {
                /* the sink stopped: cancel on the server, drop what still comes */
                stopped = true;
                char msg[256];
                PGcancel *cancel = PQgetCancel(s->conn);
                if (cancel == NULL || !PQcancel(cancel, msg, sizeof msg))
                    dm_debug("%s: cancel: %s", where, cancel ? msg : "no cancel handle");
                PQfreeCancel(cancel);
            }
        } else if (st != PGRES_TUPLES_OK && st != PGRES_SINGLE_TUPLE && rc == DM_OK && !stopped) {
            rc = pg_fail(err, s->conn, r, where);
        }
        PQclear(r);
    }
out:
    if (PQstatus(s->conn) == CONNECTION_OK) {
        r = PQexec(s->conn, rc || stopped ? "ROLLBACK" : "COMMIT");
        PQclear(r);
    } else if (rc == DM_OK) {
        rc = pg_fail(err, s->conn, NULL, where);
    }
    free(f);
    return rc;
}

static dm_status pg_read_rows(dm_source *src, const dm_table_desc *table, const dm_sample_spec *spec,
                              const dm_row_sink *sink, dm_error *err)
{
    pg_src *s = src->state;
    const pg_table *t = table->driver_data;
    dm_status rc = DM_OK;
    dm_buf q = DM_BUF_INIT;
    char *from = NULL;

    for (size_t c = 0; c < t->ncols; c++)
        sink->column(sink->ctx, c, t->cols[c].name);
    if (sink->format)
        sink->format(sink->ctx, "postgres", "none", NULL);
    if (t->ncols == 0)
        return DM_OK;
    if ((rc = pg_connect(s, t->db, err)))
        return rc;
    if ((from = qualified(s->conn, t)) == NULL) {
        rc = pg_fail(err, s->conn, NULL, "quoting");
        goto out;
    }
    dm_buf_printf(&q, "SELECT ");
    for (size_t c = 0; c < t->ncols; c++) {
        char *qc = PQescapeIdentifier(s->conn, t->cols[c].name, strlen(t->cols[c].name));
        if (qc == NULL) {
            rc = pg_fail(err, s->conn, NULL, "quoting");
            goto out;
        }
        dm_buf_printf(&q, "%sleft(%s::text, %zu)", c ? ", " : "", qc, s->opts.max_cell_bytes);
        PQfreemem(qc);
    }
    dm_buf_printf(&q, " FROM %s", from);
    size_t head = q.len;
    bool all = spec->rows == UINT64_MAX;
    double est = t->reltuples;
    if (!all && t->relkind != 'v' && est <= (double)spec->rows) {
        /* never analyzed (-1) or a stale estimate: count, up to 100 budgets
         * of rows, so a big table is not read from its head only */
        uint64_t cap = spec->rows > 100000 ? 10000001 : spec->rows * 100 + 1;
        char *probe = dm_xasprintf("SELECT count(*) FROM (SELECT 1 FROM %s LIMIT %llu) x", from,
                                   (unsigned long long)cap);
        PGresult *r = PQexec(s->conn, probe);
        free(probe);
        if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
            est = strtod(PQgetvalue(r, 0, 0), NULL);
        PQclear(r);
    }
    bool sampled = !all && t->relkind != 'v' && est > (double)spec->rows;
    if (sampled) {
        /* a little over the budget, so the LIMIT rarely finds too few */
        double p = 100.0 * (double)spec->rows * 1.2 / est;
        if (p > 100.0)
            p = 100.0;
        /* small tables: BERNOULLI spreads better than a few whole pages */
        const char *method = t->relpages < 64 ? "BERNOULLI" : "SYSTEM";
        dm_buf_printf(&q, " TABLESAMPLE %s (%.6f) REPEATABLE (%u) LIMIT %llu", method, p,
                      (unsigned)(spec->seed & 0x7fffffff), (unsigned long long)spec->rows);
        rc = sample_query(s, t, q.data, sink, table->location, err);
        if (rc == DM_ERR_BACKEND && strcmp(method, "SYSTEM") == 0 && PQstatus(s->conn) == CONNECTION_OK) {
            dm_debug("%s: TABLESAMPLE SYSTEM refused (%s), BERNOULLI instead", table->location, err->msg);
            q.len = head;
            q.data[head] = '\0';
            dm_buf_printf(&q, " TABLESAMPLE BERNOULLI (%.6f) REPEATABLE (%u) LIMIT %llu", p,
                          (unsigned)(spec->seed & 0x7fffffff), (unsigned long long)spec->rows);
            rc = sample_query(s, t, q.data, sink, table->location, err);
        }
    } else {
        if (!all)
            dm_buf_printf(&q, " LIMIT %llu", (unsigned long long)spec->rows);
        rc = sample_query(s, t, q.data, sink, table->location, err);
    }
out:
    free(from);
    dm_buf_free(&q);
    return rc;
}

static dm_status pg_read_tags(dm_source *src, const dm_asset_desc *asset, dm_kvlist *tags, const char **origin,
                              dm_error *err)
{
    pg_src *s = src->state;
    dm_status rc;
    char *inc = array_literal(s->opts.include, s->opts.ninclude, true);
    char *exc = array_literal(s->opts.exclude, s->opts.nexclude, true);
    PGresult *r = NULL;
    *origin = "store";
    if ((rc = pg_connect(s, asset->name, err)))
        goto out;
    r = PQexec(s->conn, "SELECT pg_catalog.shobj_description(oid, 'pg_database') FROM pg_catalog.pg_database "
                        "WHERE datname = current_database()");
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        rc = pg_fail(err, s->conn, r, asset->location);
        goto out;
    }
    if (PQntuples(r) == 1 && !PQgetisnull(r, 0, 0))
        dm_sql_tags_parse(tags, PQgetvalue(r, 0, 0));
    PQclear(r);
    /* the tables of the crawl (same filters), their comments */
    const char *params[3] = {s->opts.views ? "true" : "false", inc, exc};
    char *sql = dm_xasprintf("SELECT pg_catalog.obj_description(c.oid, 'pg_class')%s",
                             strstr(tables_sql, " FROM pg_catalog.pg_class"));
    r = PQexecParams(s->conn, sql, 3, NULL, params, NULL, NULL, 0);
    free(sql);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        rc = pg_fail(err, s->conn, r, asset->location);
        goto out;
    }
    for (int i = 0; i < PQntuples(r); i++)
        if (!PQgetisnull(r, i, 0))
            dm_sql_tags_parse(tags, PQgetvalue(r, i, 0));
out:
    PQclear(r);
    free(inc);
    free(exc);
    return rc;
}

static dm_status pg_write_column_comment(dm_source *src, const dm_table_desc *table, const char *column,
                                         const char *marker, dm_error *err)
{
    pg_src *s = src->state;
    pg_table *t = table->driver_data;
    dm_status rc = DM_OK;
    size_t c = 0;
    while (c < t->ncols && strcmp(t->cols[c].name, column) != 0)
        c++;
    if (c == t->ncols)
        return DM_FAIL(err, DM_ERR_NOT_FOUND, "no column %s", column);
    char *text = dm_sql_comment_merge(t->comments[c], marker);
    if (text == NULL)
        return DM_OK;   /* already right */
    char *from = NULL, *qc = NULL, *lit = NULL, *sql = NULL;
    PGresult *r = NULL;
    if ((rc = pg_connect(s, t->db, err)))
        goto out;
    from = qualified(s->conn, t);
    qc = PQescapeIdentifier(s->conn, column, strlen(column));
    lit = *text ? PQescapeLiteral(s->conn, text, strlen(text)) : NULL;
    if (from == NULL || qc == NULL || (*text && lit == NULL)) {
        rc = pg_fail(err, s->conn, NULL, "quoting");
        goto out;
    }
    sql = dm_xasprintf("BEGIN TRANSACTION READ WRITE; COMMENT ON COLUMN %s.%s IS %s; COMMIT", from, qc,
                       lit ? lit : "NULL");
    r = PQexec(s->conn, sql);
    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        rc = pg_fail(err, s->conn, r, table->location);
        PQclear(PQexec(s->conn, "ROLLBACK"));
        goto out;
    }
    free(t->comments[c]);
    t->comments[c] = *text ? dm_xstrdup(text) : NULL;
out:
    PQclear(r);
    free(sql);
    PQfreemem(lit);
    PQfreemem(qc);
    free(from);
    free(text);
    return rc;
}

/* The event trigger of `discover --watch`: every DDL command that makes or
 * changes a table notifies channel datamap_ddl. */
static const char trigger_sql[] =
    "BEGIN TRANSACTION READ WRITE;"
    "CREATE OR REPLACE FUNCTION public.datamap_notify_ddl() RETURNS event_trigger LANGUAGE plpgsql AS "
    "'BEGIN PERFORM pg_notify(''datamap_ddl'', tg_tag); END';"
    "DO 'BEGIN IF NOT EXISTS (SELECT 1 FROM pg_event_trigger WHERE evtname = ''datamap_ddl'') THEN "
    "CREATE EVENT TRIGGER datamap_ddl ON ddl_command_end WHEN TAG IN (''CREATE TABLE'', ''CREATE TABLE AS'', "
    "''SELECT INTO'', ''ALTER TABLE'', ''CREATE VIEW'', ''ALTER VIEW'', ''CREATE MATERIALIZED VIEW'', "
    "''COMMENT'') EXECUTE FUNCTION public.datamap_notify_ddl(); END IF; END';"
    "COMMIT";

/* First wait_change: a LISTEN connection per database of the source, with
 * the event trigger installed where the role may (else someone else's
 * trigger, or nothing: the caller's polling still finds changes). */
static dm_status watch_setup(dm_source *src, dm_error *err)
{
    pg_src *s = src->state;
    dm_asset_desc *assets = NULL;
    size_t na = 0;
    dm_status rc = pg_list_assets(src, &assets, &na, NULL, NULL, err);
    if (rc)
        return rc;
    s->listen = dm_xcalloc(na + 1, sizeof *s->listen);
    for (size_t i = 0; i < na && rc == DM_OK; i++) {
        /* borrow pg_connect's logic, then keep the connection for LISTEN */
        if ((rc = pg_connect(s, assets[i].name, err)))
            break;
        PGconn *c = s->conn;
        s->conn = NULL;
        free(s->conn_db);
        s->conn_db = NULL;
        s->listen[s->nlisten++] = c;
        PGresult *r = PQexec(c, trigger_sql);
        if (PQresultStatus(r) != PGRES_COMMAND_OK) {
            char *msg = first_line(PQresultErrorMessage(r));
            dm_info("%s: no event trigger (%s): new tables are found by polling", assets[i].location, msg);
            free(msg);
            PQclear(PQexec(c, "ROLLBACK"));
        }
        PQclear(r);
        r = PQexec(c, "LISTEN datamap_ddl");
        if (PQresultStatus(r) != PGRES_COMMAND_OK)
            rc = pg_fail(err, c, r, assets[i].location);
        PQclear(r);
    }
    dm_asset_desc_free_list(assets, na);
    return rc;
}

static dm_status pg_wait_change(dm_source *src, int timeout_ms, bool *changed, dm_error *err)
{
    pg_src *s = src->state;
    dm_status rc;
    *changed = false;
    if (s->opts.no_watch)
        return DM_FAIL(err, DM_ERR_ARG, "%s: watching is off for this source (option watch=false)", src->url);
    if (!s->watching) {
        s->watching = true;
        if ((rc = watch_setup(src, err)))
            return rc;
    }
    if (s->nlisten == 0)
        return DM_FAIL(err, DM_ERR_NOT_FOUND, "%s: no database to watch", src->url);
    struct pollfd *fds = dm_xcalloc(s->nlisten, sizeof *fds);
    for (size_t i = 0; i < s->nlisten; i++)
        fds[i] = (struct pollfd){.fd = PQsocket(s->listen[i]), .events = POLLIN};
    int got = poll(fds, (nfds_t)s->nlisten, timeout_ms);
    rc = DM_OK;
    for (size_t i = 0; got > 0 && i < s->nlisten; i++) {
        if (!(fds[i].revents & (POLLIN | POLLERR | POLLHUP)))
            continue;
        if (!PQconsumeInput(s->listen[i])) {
            rc = pg_fail(err, s->listen[i], NULL, src->url);
            continue;
        }
        PGnotify *nt;
        while ((nt = PQnotifies(s->listen[i])) != NULL) {
            dm_debug("%s: %s announced", src->url, nt->extra);
            *changed = true;
            PQfreemem(nt);
        }
    }
    free(fds);
    return rc;
}

const dm_source_ops dm_source_postgres_ops = {
    .open = pg_open,
    .close = pg_close,
    .list_assets = pg_list_assets,
    .list_tables = pg_list_tables,
    .read_rows = pg_read_rows,
    .read_tags = pg_read_tags,
    .free_table_data = pg_table_free,
    .table_columns = pg_table_columns,
    .write_column_comment = pg_write_column_comment,
    .wait_change = pg_wait_change,
};
