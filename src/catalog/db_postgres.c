/*
 * Catalog database backend: PostgreSQL (libpq), for fleet mode.
 *
 * URL: "postgres://[user[:password]@]host[:port]/dbname[?param=value...]"
 * (or "postgresql://"), read by libpq, so its conventions hold: PGHOST,
 * PGUSER, PGPASSWORD and the other PG* variables fill what the URL leaves
 * out, ~/.pgpass (or PGPASSFILE) gives passwords, sslmode/sslrootcert/...
 * choose TLS as libpq does. Two parameters are datamap's own and are taken
 * out before libpq sees the URL:
 *   password_file=PATH     the password is the first line of PATH (a
 *                          mounted secret), so it is in no URL or variable;
 *   statement_timeout=SECS every statement is cancelled after SECS seconds
 *                          (default 60; 0 turns it off), DM_ERR_TIMEOUT.
 * A password is never shown: the handle's label is the URL without it.
 *
 * Statements: the `?` placeholders of db.h are rewritten to $1, $2, ...
 * once per statement text, and the statement is prepared once per
 * connection (up to CACHE_MAX texts) and kept for reuse after finalize().
 * Parameters travel as text and the server types them from their context
 * (db.h's rule). Results are read whole into the client (PQexecPrepared), so
 * a caller may run other statements while it steps through rows, as it can
 * with SQLite; the catalog's queries are paged, so a result stays small.
 *
 * Transactions run under READ COMMITTED. In PostgreSQL an error inside a
 * transaction aborts it; COMMIT of such a transaction answers ROLLBACK, and
 * this backend turns that into an error instead of a silent loss. A
 * serialization failure or a deadlock is DM_ERR_CONFLICT: the transaction is
 * gone, the caller may run it again.
 */
#include "catalog/db.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <libpq-fe.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hash.h"
#include "core/mem.h"
#include "core/redact.h"

#define CACHE_MAX 128                   /* prepared statements kept per connection */
#define DEFAULT_STATEMENT_TIMEOUT_S 60
#define CONNECT_TIMEOUT_S "10"
/* Advisory lock key of schema migrations: "datamap" in ASCII. */
#define MIGRATE_LOCK_KEY "28539428672987504"
/* Advisory lock key of claims under a per-source limit: "dmclaim". */
#define CLAIM_LOCK_KEY "30803361318349165"
#define JOBS_CHANNEL "datamap_jobs"

typedef struct pg_db pg_db;

typedef struct pg_stmt {
    struct dm_db_stmt base;             /* first */
    char name[24];                      /* prepared statement name; "" when not prepared */
    char *sql;                          /* with $n placeholders */
    char *orig;                         /* as given, when cached (the cache key) */
    uint64_t hash;
    int nparams;
    char **params;                      /* nparams values, NULL for SQL NULL */
    PGresult *res;                      /* after the first step */
    int row, nrows;
    bool cached, in_use;
} pg_stmt;

struct pg_db {
    struct dm_db base;                  /* first: a dm_db * points here */
    PGconn *conn;
    pg_stmt *cache[CACHE_MAX];
    size_t ncache;
    int next_name;
    bool listening;                     /* LISTEN datamap_jobs sent */
};

static const dm_db_ops postgres_ops;

static pg_db *db_of(dm_db *db)
{
    return (pg_db *)db;
}

static pg_stmt *stmt_of(dm_db_stmt *st)
{
    return (pg_stmt *)st;
}

/* libpq messages end with a newline and may run over several lines. */
static void one_line(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    for (char *p = s; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
}

/* Turn a failed result (or a connection error when res is NULL) into a
 * dm_status by its SQLSTATE. */
static dm_status fail_res(pg_db *d, const PGresult *res, dm_error *err)
{
    char msg[400];
    const char *m = res ? PQresultErrorMessage(res) : NULL;
    if (m == NULL || *m == '\0')
        m = PQerrorMessage(d->conn);
    snprintf(msg, sizeof msg, "%s", m && *m ? m : "unknown error");
    one_line(msg);
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    const char *label = d->base.label;
    if (PQstatus(d->conn) == CONNECTION_BAD) {
        dm_status s = DM_FAIL(err, DM_ERR_IO, "catalog %s: connection lost: %s", label, msg);
        if (err != NULL)
            err->retryable = true;
        return s;
    }
    if (state == NULL)
        return DM_FAIL(err, DM_ERR_BACKEND, "catalog %s: %s", label, msg);
    if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0)
        return DM_FAIL(err, DM_ERR_CONFLICT, "catalog %s: %s (run the transaction again)", label, msg);
    if (strcmp(state, "57014") == 0 || strcmp(state, "55P03") == 0)
        return DM_FAIL(err, DM_ERR_TIMEOUT, "catalog %s: %s", label, msg);
    if (strncmp(state, "08", 2) == 0 || strncmp(state, "57P", 3) == 0) {
        dm_status s = DM_FAIL(err, DM_ERR_IO, "catalog %s: %s", label, msg);
        if (err != NULL)
            err->retryable = true;
        return s;
    }
    if (strcmp(state, "28P01") == 0 || strcmp(state, "28000") == 0 || strcmp(state, "42501") == 0)
        return DM_FAIL(err, DM_ERR_AUTH, "catalog %s: %s", label, msg);
    if (strcmp(state, "53100") == 0)
        return DM_FAIL(err, DM_ERR_IO, "catalog %s: %s", label, msg);
    return DM_FAIL(err, DM_ERR_BACKEND, "catalog %s: %s", label, msg);
}

static bool res_ok(const PGresult *res)
{
    ExecStatusType s = PQresultStatus(res);
    return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_EMPTY_QUERY;
}

static dm_status pg_exec(dm_db *db, const char *script, dm_error *err)
{
    pg_db *d = db_of(db);
    PGresult *res = PQexec(d->conn, script);
    dm_status rc = DM_OK;
    if (!res_ok(res))
        rc = fail_res(d, res, err);
    else if (strcmp(PQcmdStatus(res), "ROLLBACK") == 0 && strncmp(script, "COMMIT", 6) == 0)
        rc = DM_FAIL(err, DM_ERR_BACKEND, "catalog %s: the transaction was rolled back after an earlier error",
                     db->label);
    PQclear(res);
    return rc;
}

/* `?` -> $1, $2, ... outside quoted strings, quoted names and comments. */
static char *rewrite_placeholders(const char *sql, int *nparams)
{
    dm_buf b = DM_BUF_INIT;
    int n = 0;
    for (const char *p = sql; *p;) {
        if (*p == '\'' || *p == '"') {
            const char q = *p;
            const char *e = p + 1;
            while (*e && !(*e == q && e[1] != q))
                e += *e == q ? 2 : 1;   /* '' and "" are escaped quotes */
            if (*e)
                e++;
            dm_buf_append(&b, p, (size_t)(e - p));
            p = e;
        } else if (p[0] == '-' && p[1] == '-') {
            size_t l = strcspn(p, "\n");
            dm_buf_append(&b, p, l);
            p += l;
        } else if (p[0] == '/' && p[1] == '*') {
            const char *e = strstr(p + 2, "*/");
            e = e ? e + 2 : p + strlen(p);
            dm_buf_append(&b, p, (size_t)(e - p));
            p = e;
        } else if (*p == '?') {
            dm_buf_printf(&b, "$%d", ++n);
            p++;
        } else {
            dm_buf_append(&b, p, 1);
            p++;
        }
    }
    *nparams = n;
    if (b.data == NULL)
        dm_buf_append(&b, "", 0);
    return dm_buf_steal(&b);
}

static void clear_params(pg_stmt *s)
{
    for (int i = 0; i < s->nparams; i++) {
        free(s->params[i]);
        s->params[i] = NULL;
    }
}

static void stmt_reset(pg_stmt *s)
{
    PQclear(s->res);
    s->res = NULL;
    s->row = -1;
    s->nrows = 0;
    clear_params(s);
}

static void stmt_free(pg_stmt *s)
{
    stmt_reset(s);
    free(s->params);
    free(s->sql);
    free(s->orig);
    free(s);
}

static dm_status pg_prepare(dm_db *db, const char *sql, dm_db_stmt **out, dm_error *err)
{
    pg_db *d = db_of(db);
    uint64_t hash = dm_fnv64_str(DM_FNV64_INIT, sql);
    *out = NULL;
    for (size_t i = 0; i < d->ncache; i++) {
        pg_stmt *c = d->cache[i];
        if (!c->in_use && c->hash == hash && strcmp(c->orig, sql) == 0) {
            c->in_use = true;
            *out = &c->base;
            return DM_OK;
        }
    }
    pg_stmt *s = dm_xcalloc(1, sizeof *s);
    s->base.db = db;
    s->sql = rewrite_placeholders(sql, &s->nparams);
    s->params = dm_xcalloc((size_t)(s->nparams > 0 ? s->nparams : 1), sizeof *s->params);
    s->row = -1;
    s->in_use = true;
    if (d->ncache < CACHE_MAX) {
        /* Prepared on the server once; a statement prepared inside a
         * transaction stays after a rollback (PREPARE is not transactional). */
        snprintf(s->name, sizeof s->name, "dm_%d", d->next_name++);
        PGresult *res = PQprepare(d->conn, s->name, s->sql, s->nparams, NULL);
        if (!res_ok(res)) {
            dm_status rc = fail_res(d, res, err);
            dm_error_prefix(err, "preparing \"%.60s\"", sql);
            PQclear(res);
            stmt_free(s);
            return rc;
        }
        PQclear(res);
        s->cached = true;
        s->hash = hash;
        s->orig = dm_xstrdup(sql);
        d->cache[d->ncache++] = s;
    }
    *out = &s->base;
    return DM_OK;
}

static dm_status set_param(dm_db_stmt *st, int idx, char *v, dm_error *err)
{
    pg_stmt *s = stmt_of(st);
    if (idx < 1 || idx > s->nparams) {
        free(v);
        return DM_FAIL(err, DM_ERR_INTERNAL, "catalog %s: parameter %d of %d bound", st->db->label, idx,
                       s->nparams);
    }
    free(s->params[idx - 1]);
    s->params[idx - 1] = v;
    return DM_OK;
}

static dm_status pg_bind_text(dm_db_stmt *st, int idx, const char *s, dm_error *err)
{
    return set_param(st, idx, s ? dm_xstrdup(s) : NULL, err);
}

static dm_status pg_bind_int64(dm_db_stmt *st, int idx, int64_t v, dm_error *err)
{
    return set_param(st, idx, dm_xasprintf("%" PRId64, v), err);
}

static dm_status pg_bind_double(dm_db_stmt *st, int idx, double v, dm_error *err)
{
    char *s = isnan(v) ? dm_xstrdup("NaN") : isinf(v) ? dm_xstrdup(v > 0 ? "Infinity" : "-Infinity")
                                                      : dm_xasprintf("%.17g", v);
    return set_param(st, idx, s, err);
}

static dm_status pg_bind_null(dm_db_stmt *st, int idx, dm_error *err)
{
    return set_param(st, idx, NULL, err);
}

static dm_status pg_step(dm_db_stmt *st, bool *row, dm_error *err)
{
    pg_stmt *s = stmt_of(st);
    pg_db *d = db_of(st->db);
    *row = false;
    if (s->res == NULL) {
        const char *const *vals = (const char *const *)s->params;
        PGresult *res = s->name[0] ? PQexecPrepared(d->conn, s->name, s->nparams, vals, NULL, NULL, 0)
                                   : PQexecParams(d->conn, s->sql, s->nparams, NULL, vals, NULL, NULL, 0);
        if (!res_ok(res)) {
            dm_status rc = fail_res(d, res, err);
            PQclear(res);
            return rc;
        }
        s->res = res;
        s->nrows = PQntuples(res);
        s->row = -1;
    }
    if (s->row < s->nrows)
        s->row++;
    *row = s->row < s->nrows;
    return DM_OK;
}

static void pg_reset(dm_db_stmt *st)
{
    stmt_reset(stmt_of(st));
}

static bool pg_col_is_null(dm_db_stmt *st, int col)
{
    pg_stmt *s = stmt_of(st);
    if (s->res == NULL || s->row < 0 || s->row >= s->nrows || col >= PQnfields(s->res))
        return true;
    return PQgetisnull(s->res, s->row, col) != 0;
}

static const char *pg_col_text(dm_db_stmt *st, int col)
{
    pg_stmt *s = stmt_of(st);
    if (pg_col_is_null(st, col))
        return NULL;
    return PQgetvalue(s->res, s->row, col);
}

/* Text to integer; a boolean ("t"/"f", what a comparison returns where
 * SQLite returns 1/0) reads as 1/0. */
static int64_t pg_col_int64(dm_db_stmt *st, int col)
{
    const char *v = pg_col_text(st, col);
    if (v == NULL)
        return 0;
    if (v[0] == 't' && v[1] == '\0')
        return 1;
    if (strchr(v, '.') != NULL || strchr(v, 'e') != NULL)
        return (int64_t)strtod(v, NULL);
    return (int64_t)strtoll(v, NULL, 10);
}

static double pg_col_double(dm_db_stmt *st, int col)
{
    const char *v = pg_col_text(st, col);
    if (v == NULL)
        return 0.0;
    if (v[0] == 't' && v[1] == '\0')
        return 1.0;
    return strtod(v, NULL);
}

static void pg_finalize(dm_db_stmt *st)
{
    pg_stmt *s = stmt_of(st);
    if (s->cached) {
        stmt_reset(s);
        s->in_use = false;
        return;
    }
    stmt_free(s);
}

/* A one-row, one-column integer query with an optional text parameter. */
static dm_status query_int(pg_db *d, const char *sql, const char *arg, int64_t *v, dm_error *err)
{
    const char *vals[1] = {arg};
    PGresult *res = PQexecParams(d->conn, sql, arg ? 1 : 0, NULL, vals, NULL, NULL, 0);
    dm_status rc = DM_OK;
    *v = 0;
    if (!res_ok(res))
        rc = fail_res(d, res, err);
    else if (PQntuples(res) > 0 && !PQgetisnull(res, 0, 0))
        *v = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
    PQclear(res);
    return rc;
}

/* Tables are looked for in the schema the connection writes to (the first
 * of search_path), so a catalog may live in its own schema of a shared
 * database (options=-csearch_path=datamap). */
static dm_status pg_table_exists(dm_db *db, const char *name, bool *exists, dm_error *err)
{
    int64_t n = 0;
    dm_status rc = query_int(db_of(db),
                             "SELECT count(*) FROM pg_catalog.pg_tables "
                             "WHERE schemaname = current_schema() AND tablename = $1",
                             name, &n, err);
    *exists = n > 0;
    return rc;
}

/* A database server is shared: other tables beside the catalog are normal. */
static dm_status pg_has_user_tables(dm_db *db, bool *any, dm_error *err)
{
    (void)db;
    (void)err;
    *any = false;
    return DM_OK;
}

/* Idle workers sleep on the connection's socket until a NOTIFY (a job was
 * queued anywhere in the fleet) or the timeout, instead of polling the
 * queue. Notifications that arrived during other statements are already
 * queued in libpq: they count too. */
static dm_status pg_wait_jobs(dm_db *db, int timeout_ms, bool *woken, dm_error *err)
{
    pg_db *d = db_of(db);
    dm_status rc;
    *woken = false;
    if (!d->listening) {
        if ((rc = pg_exec(db, "LISTEN " JOBS_CHANNEL, err)) != DM_OK)
            return rc;
        d->listening = true;
    }
    for (int round = 0; round < 2; round++) {
        if (PQconsumeInput(d->conn) == 0)
            return fail_res(d, NULL, err);
        PGnotify *n;
        while ((n = PQnotifies(d->conn)) != NULL) {
            *woken = true;
            PQfreemem(n);
        }
        if (*woken || round == 1 || timeout_ms <= 0)
            return DM_OK;
        struct pollfd pfd = {.fd = PQsocket(d->conn), .events = POLLIN};
        int got = poll(&pfd, 1, timeout_ms);
        if (got < 0 && errno != EINTR)
            return DM_FAIL(err, DM_ERR_IO, "catalog %s: waiting for jobs: %s", db->label, strerror(errno));
        if (got <= 0)
            return DM_OK;
    }
    return DM_OK;
}

static bool pg_in_transaction(dm_db *db)
{
    PGTransactionStatusType t = PQtransactionStatus(db_of(db)->conn);
    return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

static void pg_close(dm_db *db)
{
    pg_db *d = db_of(db);
    for (size_t i = 0; i < d->ncache; i++)
        stmt_free(d->cache[i]);
    if (d->conn != NULL)
        PQfinish(d->conn);      /* the server rolls back an open transaction */
    free(d->base.label);
    free(d);
}

static const dm_db_ops postgres_ops = {
    .name = "postgres",
    .id_column = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
    .begin_sql = "BEGIN ISOLATION LEVEL READ COMMITTED",
    .begin_read_sql = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
    .claim_lock = " FOR UPDATE SKIP LOCKED",
    .row_lock = " FOR UPDATE",
    .migrate_lock_sql = "SELECT pg_advisory_xact_lock(" MIGRATE_LOCK_KEY ")",
    .claim_serialize_sql = "SELECT pg_advisory_xact_lock(" CLAIM_LOCK_KEY ")",
    .notify_jobs_sql = "NOTIFY " JOBS_CHANNEL,
    .wait_jobs = pg_wait_jobs,
    .exec = pg_exec,
    .prepare = pg_prepare,
    .bind_text = pg_bind_text,
    .bind_int64 = pg_bind_int64,
    .bind_double = pg_bind_double,
    .bind_null = pg_bind_null,
    .step = pg_step,
    .reset = pg_reset,
    .col_is_null = pg_col_is_null,
    .col_text = pg_col_text,
    .col_int64 = pg_col_int64,
    .col_double = pg_col_double,
    .finalize = pg_finalize,
    .table_exists = pg_table_exists,
    .has_user_tables = pg_has_user_tables,
    .claim = NULL,
    .in_transaction = pg_in_transaction,
    .close = pg_close,
};

/* NOTICEs ("relation already exists, skipping") would go to stderr. */
static void quiet_notice(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

/* Percent-decode src[0..n) into a new string. */
static char *pct_decode(const char *src, size_t n)
{
    char *out = dm_xmalloc(n + 1), *o = out;
    for (size_t i = 0; i < n; i++) {
        if (src[i] == '%' && i + 2 < n && isxdigit((unsigned char)src[i + 1]) &&
            isxdigit((unsigned char)src[i + 2])) {
            char hex[3] = {src[i + 1], src[i + 2], 0};
            *o++ = (char)strtol(hex, NULL, 16);
            i += 2;
        } else {
            *o++ = src[i];
        }
    }
    *o = '\0';
    return out;
}

/* Take datamap's own parameters out of the URL's query: *libpq_url is what
 * libpq reads, *password_file and *timeout_s what the parameters said. */
static dm_status split_url(const char *url, char **libpq_url, char **password_file, long *timeout_s, dm_error *err)
{
    const char *q = strchr(url, '?');
    dm_buf b = DM_BUF_INIT;
    *password_file = NULL;
    *timeout_s = DEFAULT_STATEMENT_TIMEOUT_S;
    dm_buf_append(&b, url, q ? (size_t)(q - url) : strlen(url));
    char sep = '?';
    for (const char *p = q ? q + 1 : NULL; p != NULL && *p;) {
        size_t l = strcspn(p, "&");
        if (strncmp(p, "password_file=", 14) == 0) {
            free(*password_file);
            *password_file = pct_decode(p + 14, l - 14);
        } else if (strncmp(p, "statement_timeout=", 18) == 0) {
            char *v = pct_decode(p + 18, l - 18), *end = NULL;
            errno = 0;
            long t = strtol(v, &end, 10);
            bool bad = *v == '\0' || *end != '\0' || errno != 0 || t < 0 || t > 86400;
            free(v);
            if (bad) {
                free(*password_file);
                *password_file = NULL;
                dm_buf_free(&b);
                return DM_FAIL(err, DM_ERR_ARG, "catalog URL: statement_timeout takes seconds (0 to 86400)");
            }
            *timeout_s = t;
        } else if (l > 0) {
            dm_buf_append(&b, &sep, 1);
            dm_buf_append(&b, p, l);
            sep = '&';
        }
        p += l;
        if (*p == '&')
            p++;
    }
    *libpq_url = dm_buf_steal(&b);
    return DM_OK;
}

/* The first line of path, for password_file=. */
static dm_status read_password(const char *path, char **out, dm_error *err)
{
    FILE *f = fopen(path, "r");
    *out = NULL;
    if (f == NULL)
        return DM_FAIL(err, DM_ERR_IO, "catalog password_file %s: %s", path, strerror(errno));
    char line[1024];
    if (fgets(line, sizeof line, f) == NULL)
        line[0] = '\0';
    fclose(f);
    line[strcspn(line, "\r\n")] = '\0';
    if (line[0] == '\0')
        return DM_FAIL(err, DM_ERR_CONFIG, "catalog password_file %s is empty", path);
    *out = dm_xstrdup(line);
    explicit_bzero(line, sizeof line);
    return DM_OK;
}

dm_status dm_db_postgres_open(const char *url, dm_db **out, dm_error *err)
{
    char *libpq_url = NULL, *pwfile = NULL, *password = NULL;
    long timeout_s = 0;
    *out = NULL;
    dm_status rc = split_url(url, &libpq_url, &pwfile, &timeout_s, err);
    if (rc != DM_OK)
        return rc;
    pg_db *d = dm_xcalloc(1, sizeof *d);
    d->base.ops = &postgres_ops;
    d->base.label = dm_db_redact_url(url);
    if (pwfile != NULL && (rc = read_password(pwfile, &password, err)) != DM_OK)
        goto out;
    /* Defaults first: the URL (expanded from dbname) overrides them, and a
     * password_file's password overrides the URL's. */
    const char *keys[8], *vals[8];
    int k = 0;
    keys[k] = "connect_timeout", vals[k++] = CONNECT_TIMEOUT_S;
    keys[k] = "fallback_application_name", vals[k++] = "datamap";
    keys[k] = "client_encoding", vals[k++] = "UTF8";
    keys[k] = "dbname", vals[k++] = libpq_url;
    if (password != NULL)
        keys[k] = "password", vals[k++] = password;
    keys[k] = NULL, vals[k] = NULL;
    d->conn = PQconnectdbParams(keys, vals, 1);
    if (d->conn == NULL) {
        rc = DM_FAIL(err, DM_ERR_NOMEM, "catalog %s: out of memory", d->base.label);
        goto out;
    }
    if (PQstatus(d->conn) != CONNECTION_OK) {
        char msg[400];
        char *clean = dm_text_redact_url(PQerrorMessage(d->conn), url);     /* libpq may quote the URL */
        snprintf(msg, sizeof msg, "%s", clean);
        free(clean);
        one_line(msg);
        bool auth = strstr(msg, "password authentication failed") != NULL ||
                    strstr(msg, "no password supplied") != NULL || strstr(msg, "authentication failed") != NULL;
        rc = DM_FAIL(err, auth ? DM_ERR_AUTH : DM_ERR_IO, "catalog %s: cannot connect: %s", d->base.label, msg);
        if (err != NULL && !auth)
            err->retryable = true;
        goto out;
    }
    PQsetNoticeProcessor(d->conn, quiet_notice, NULL);
    /* A worker that hangs inside a transaction must not hold row locks
     * for ever: the server ends such a session after ten minutes. */
    char set[192];
    snprintf(set, sizeof set,
             "SET statement_timeout = %ld; SET idle_in_transaction_session_timeout = 600000; "
             "SET client_min_messages = warning",
             timeout_s * 1000);
    if ((rc = pg_exec(&d->base, set, err)) != DM_OK)
        goto out;
    *out = &d->base;
    d = NULL;
out:
    if (password != NULL) {
        explicit_bzero(password, strlen(password));
        free(password);
    }
    free(pwfile);
    if (libpq_url != NULL) {
        explicit_bzero(libpq_url, strlen(libpq_url));
        free(libpq_url);
    }
    if (d != NULL)
        pg_close(&d->base);
    return rc;
}
