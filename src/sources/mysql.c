/*
 * MySQL and MariaDB servers (mysql://user@host:port/db), over libmariadb
 *
 * Credentials: the user from the URL; the password from MYSQL_PWD, else
 * from the [client] group of the option files the client library reads
 * (~/.my.cnf ...) or of --option option_file=PATH. A password in the URL is
 * used but never shown (sources registered in the catalog cannot hold one).
 * URL parameters: socket=PATH, ssl-mode=DISABLED|PREFERRED|REQUIRED|
 * VERIFY_CA|VERIFY_IDENTITY (RDS/Aurora), ssl-ca=PATH; a connection that
 * asked for TLS and is not encrypted is closed before any query.
 *
 * Assets: the URL's database, or with none (or all_databases=true) every
 * database but information_schema, mysql, performance_schema and sys,
 * narrowed by databases=GLOB,...
 *
 * Tables: per database one information_schema.tables query (table_rows as
 * the row estimate, views with views=true, include/exclude as LIKE in its
 * WHERE clause, matched against "db.table") and one
 * information_schema.columns query for all of them.
 *
 * Reads: a READ ONLY session and transaction, max_statement_time
 * (MariaDB) or max_execution_time (MySQL), rows streamed
 * (mysql_use_result), LEFT(col, max_cell_bytes) per cell. A table larger
 * than the budget is sampled with WHERE RAND(seed) < p LIMIT n, p from
 * table_rows: one pass that stops once n rows are found, never a sort.
 * Identifiers in backticks with backticks doubled. A lost connection is
 * reopened for the next table.
 *
 * Tags: "key=value; key=value" in the schema comment (MariaDB 10.5+) and
 * in table comments (the schema's value wins for a key given twice).
 */
#include <ctype.h>
#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "core/hash.h"
#include "core/log.h"
#include "core/mem.h"
#include "sources/sql_common.h"
#include "sources/source_impl.h"


typedef struct my_src {
    char *host, *user, *password, *db;  /* URL parts (percent-decoded); NULL when absent */
    unsigned port;
    char *hostport;
    char *socket, *ssl_ca;      /* URL parameters socket= and ssl-ca= */
    int ssl_mode;               /* 0 default, 1 REQUIRED, 2 VERIFY_CA/VERIFY_IDENTITY */
    dm_sql_opts opts;
    MYSQL *conn;
} my_src;

typedef struct my_table {
    char *db, *name;
    bool is_view;
    int64_t table_rows;
    dm_column_decl *cols;
    size_t ncols, cap;
} my_table;

static const char *const system_dbs[] = {"information_schema", "mysql", "performance_schema", "sys", NULL};

static char *pct_decode(const char *s, size_t n)
{
    char *out = dm_xmalloc(n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '%' && i + 2 < n && isxdigit((unsigned char)s[i + 1]) && isxdigit((unsigned char)s[i + 2])) {
            char hex[3] = {s[i + 1], s[i + 2], 0};
            out[k++] = (char)strtol(hex, NULL, 16);
            i += 2;
            continue;
        }
        out[k++] = s[i];
    }
    out[k] = '\0';
    return out;
}

static void my_close(void *state)
{
    my_src *s = state;
    if (s->conn)
        mysql_close(s->conn);
    dm_free_secret(s->password);
    free(s->host);
    free(s->user);
    free(s->db);
    free(s->hostport);
    free(s->socket);
    free(s->ssl_ca);
    dm_sql_opts_free(&s->opts);
    free(s);
}

static dm_status my_fail(dm_error *err, MYSQL *conn, const char *what)
{
    unsigned e = mysql_errno(conn);
    dm_status code = DM_ERR_BACKEND;
    if (e == ER_TABLEACCESS_DENIED_ERROR || e == ER_COLUMNACCESS_DENIED_ERROR || e == ER_DBACCESS_DENIED_ERROR ||
        e == ER_ACCESS_DENIED_ERROR)
        code = DM_ERR_AUTH;
    else if (e == CR_SERVER_LOST || e == CR_SERVER_GONE_ERROR || e == CR_CONNECTION_ERROR ||
             e == CR_CONN_HOST_ERROR || e == ER_CONNECTION_KILLED || e == ER_QUERY_INTERRUPTED)
        code = DM_ERR_IO;
    else if (e == ER_STATEMENT_TIMEOUT || e == 3024 /* MySQL: maximum statement execution time exceeded */)
        code = DM_ERR_TIMEOUT;
    return DM_FAIL(err, code, "%s: %s", what, mysql_error(conn));
}

/* Connection to the server (databases are named in queries). */
static dm_status my_connect(my_src *s, dm_error *err)
{
    if (s->conn) {
        if (mysql_ping(s->conn) == 0)
            return DM_OK;
        mysql_close(s->conn);
        s->conn = NULL;
    }
    s->conn = mysql_init(NULL);
    if (s->conn == NULL)
        return DM_FAIL(err, DM_ERR_NOMEM, "mysql_init failed");
    unsigned timeout = 10;
    unsigned read_timeout = (unsigned)(s->opts.statement_timeout_ms / 1000) + 30;
    mysql_optionsv(s->conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
    mysql_optionsv(s->conn, MYSQL_OPT_READ_TIMEOUT, &read_timeout);
    mysql_optionsv(s->conn, MYSQL_READ_DEFAULT_GROUP, "client");
    if (s->opts.option_file)
        mysql_optionsv(s->conn, MYSQL_READ_DEFAULT_FILE, s->opts.option_file);
    mysql_optionsv(s->conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    if (s->ssl_mode) {
        my_bool yes = 1;
        mysql_ssl_set(s->conn, NULL, NULL, s->ssl_ca, NULL, NULL);
        mysql_optionsv(s->conn, MYSQL_OPT_SSL_ENFORCE, &yes);
        if (s->ssl_mode == 2)
            mysql_optionsv(s->conn, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &yes);
    }
    if (s->ssl_ca)
        mysql_optionsv(s->conn, MYSQL_OPT_SSL_CA, s->ssl_ca);
    mysql_optionsv(s->conn, MYSQL_OPT_CONNECT_ATTR_ADD, "program_name", "datamap");
    const char *pw = s->password ? s->password : getenv("MYSQL_PWD");
    if (mysql_real_connect(s->conn, s->host, s->user, pw, NULL, s->port, s->socket, 0) == NULL) {
        dm_status rc = mysql_errno(s->conn) == ER_ACCESS_DENIED_ERROR ? DM_ERR_AUTH : DM_ERR_IO;
        rc = DM_FAIL(err, rc, "cannot connect to %s: %s", s->hostport, mysql_error(s->conn));
        mysql_close(s->conn);
        s->conn = NULL;
        return rc;
    }
    if (s->ssl_mode && mysql_get_ssl_cipher(s->conn) == NULL) {
        /* never go on in clear text when TLS was asked for */
        mysql_close(s->conn);
        s->conn = NULL;
        return DM_FAIL(err, DM_ERR_AUTH, "cannot connect to %s: ssl-mode asks for TLS and the connection is not "
                                         "encrypted (does the server have TLS?)", s->hostport);
    }
    char set[160];
    /* a read-only session; the statement limit is MariaDB's or MySQL's (the other one fails, harmlessly) */
    if (mysql_query(s->conn, "SET SESSION TRANSACTION READ ONLY")) {
        dm_status rc = my_fail(err, s->conn, s->hostport);
        mysql_close(s->conn);
        s->conn = NULL;
        return rc;
    }
    snprintf(set, sizeof set, "SET SESSION max_statement_time = %.3f", s->opts.statement_timeout_ms / 1000.0);
    if (mysql_query(s->conn, set)) {
        snprintf(set, sizeof set, "SET SESSION max_execution_time = %d", s->opts.statement_timeout_ms);
        if (mysql_query(s->conn, set))
            dm_debug("%s: no statement time limit on this server", s->hostport);
    }
    return DM_OK;
}

/* ?socket=PATH&ssl-mode=REQUIRED|VERIFY_CA|VERIFY_IDENTITY|PREFERRED|DISABLED&ssl-ca=PATH */
static dm_status parse_params(my_src *s, const char *q, dm_error *err)
{
    if (q == NULL)
        return DM_OK;
    q++;
    while (*q && *q != '#') {
        size_t len = strcspn(q, "&#");
        const char *eq = memchr(q, '=', len);
        size_t kl = eq ? (size_t)(eq - q) : len;
        char *val = eq ? pct_decode(eq + 1, len - kl - 1) : dm_xstrdup("");
        dm_status rc = DM_OK;
        if (kl == 6 && strncmp(q, "socket", 6) == 0) {
            free(s->socket);
            s->socket = val;
            val = NULL;
        } else if (kl == 6 && strncmp(q, "ssl-ca", 6) == 0) {
            free(s->ssl_ca);
            s->ssl_ca = val;
            val = NULL;
        } else if (kl == 8 && strncmp(q, "ssl-mode", 8) == 0) {
            if (strcasecmp(val, "REQUIRED") == 0)
                s->ssl_mode = 1;
            else if (strcasecmp(val, "VERIFY_CA") == 0 || strcasecmp(val, "VERIFY_IDENTITY") == 0)
                s->ssl_mode = 2;
            else if (strcasecmp(val, "PREFERRED") == 0 || strcasecmp(val, "DISABLED") == 0)
                s->ssl_mode = 0;
            else
                rc = DM_FAIL(err, DM_ERR_ARG, "mysql URL: ssl-mode takes DISABLED, PREFERRED, REQUIRED, VERIFY_CA or "
                                              "VERIFY_IDENTITY, not '%s'", val);
        } else {
            rc = DM_FAIL(err, DM_ERR_ARG, "mysql URL: unknown parameter '%.*s' (known: socket, ssl-mode, ssl-ca)",
                         (int)kl, q);
        }
        free(val);
        if (rc)
            return rc;
        q += len;
        if (*q == '&')
            q++;
    }
    return DM_OK;
}

static dm_status my_open(const char *url, const char *options_json, void **state, char **shown_url, dm_error *err)
{
    if (strncmp(url, "mysql://", 8) != 0)
        return DM_FAIL(err, DM_ERR_ARG, "not a mysql:// URL");
    const char *p = url + 8;
    const char *end = p + strcspn(p, "/?#");
    const char *at = NULL;
    for (const char *q = p; q < end; q++)
        if (*q == '@')
            at = q;
    my_src *s = dm_xcalloc(1, sizeof *s);
    *state = s;     /* closed by the framework on failure */
    dm_status rc = DM_OK;
    if (at) {
        const char *colon = memchr(p, ':', (size_t)(at - p));
        s->user = pct_decode(p, (size_t)((colon ? colon : at) - p));
        if (colon)
            s->password = pct_decode(colon + 1, (size_t)(at - colon - 1));
        p = at + 1;
    }
    const char *hp_end = end;
    const char *colon = NULL;
    if (*p == '[') {    /* [::1]:3306 */
        const char *rb = memchr(p, ']', (size_t)(end - p));
        if (rb) {
            s->host = dm_xstrndup(p + 1, (size_t)(rb - p - 1));
            colon = rb + 1 < end && rb[1] == ':' ? rb + 1 : NULL;
        }
    } else {
        colon = memchr(p, ':', (size_t)(end - p));
        if ((colon ? colon : hp_end) > p)
            s->host = dm_xstrndup(p, (size_t)((colon ? colon : hp_end) - p));
    }
    s->port = 3306;
    if (colon) {
        char *pe;
        unsigned long port = strtoul(colon + 1, &pe, 10);
        if (pe != end || port == 0 || port > 65535)
            return DM_FAIL(err, DM_ERR_ARG, "mysql URL: bad port");
        s->port = (unsigned)port;
    }
    if (*end == '/') {
        const char *db = end + 1;
        size_t n = strcspn(db, "?#");
        if (n)
            s->db = pct_decode(db, n);
    }
    if ((rc = parse_params(s, strchr(end, '?'), err)))
        return rc;
    if (s->host == NULL)
        s->host = dm_xstrdup("localhost");
    s->hostport = dm_xasprintf("%s:%u", s->host, s->port);
    *shown_url = dm_xasprintf("mysql://%s%s%s", s->hostport, s->db ? "/" : "", s->db ? s->db : "");
    return dm_sql_opts_parse(options_json, &s->opts, err);
}

/* 'text' as a quoted SQL literal, escaped by the client library. */
static void put_literal(dm_buf *b, MYSQL *conn, const char *text)
{
    size_t n = strlen(text);
    char *tmp = dm_xmalloc(2 * n + 1);
    unsigned long len = mysql_real_escape_string(conn, tmp, text, (unsigned long)n);
    dm_buf_putc(b, '\'');
    dm_buf_append(b, tmp, len);
    dm_buf_putc(b, '\'');
    free(tmp);
}

/* `name` with backticks doubled. */
static void put_ident(dm_buf *b, const char *name)
{
    dm_buf_putc(b, '`');
    for (const char *p = name; *p; p++) {
        if (*p == '`')
            dm_buf_putc(b, '`');
        dm_buf_putc(b, *p);
    }
    dm_buf_putc(b, '`');
}

static bool is_system_db(const char *db)
{
    for (const char *const *d = system_dbs; *d; d++)
        if (strcmp(*d, db) == 0)
            return true;
    return false;
}

static dm_status my_list_assets(dm_source *src, dm_asset_desc **out, size_t *n, dm_problem_fn problem, void *pctx,
                                dm_error *err)
{
    my_src *s = src->state;
    dm_status rc;
    *out = NULL;
    *n = 0;
    if ((rc = my_connect(s, err)))
        return rc;
    char **names = NULL;
    size_t nn = 0;
    if (s->db && !s->opts.all_databases) {
        names = dm_xcalloc(1, sizeof *names);
        names[nn++] = dm_xstrdup(s->db);
    } else {
        if (mysql_query(s->conn, "SELECT schema_name FROM information_schema.schemata ORDER BY schema_name"))
            return my_fail(err, s->conn, src->url);
        MYSQL_RES *res = mysql_store_result(s->conn);
        if (res == NULL)
            return my_fail(err, s->conn, src->url);
        MYSQL_ROW row;
        names = dm_xcalloc(mysql_num_rows(res) + 1, sizeof *names);
        while ((row = mysql_fetch_row(res)))
            if (row[0] && !is_system_db(row[0]) && dm_sql_opts_wanted_db(&s->opts, row[0]))
                names[nn++] = dm_xstrdup(row[0]);
        mysql_free_result(res);
    }
    *out = dm_xcalloc(nn + 1, sizeof **out);
    for (size_t i = 0; i < nn; i++) {
        (*out)[i].name = names[i];
        (*out)[i].kind = dm_xstrdup("database");
        (*out)[i].location = dm_xasprintf("mysql://%s/%s", s->hostport, names[i]);
    }
    *n = nn;
    free(names);
    return DM_OK;
}

static void my_table_free(void *data)
{
    my_table *t = data;
    if (t == NULL)
        return;
    for (size_t i = 0; i < t->ncols; i++)
        free(t->cols[i].name);
    free(t->cols);
    free(t->db);
    free(t->name);
    free(t);
}

/* " AND (x LIKE 'a' OR x LIKE 'b')" for include, " AND NOT (...)" for exclude. */
static void put_globs(dm_buf *b, MYSQL *conn, const char *expr, char *const *globs, size_t n, bool negate)
{
    if (n == 0)
        return;
    dm_buf_printf(b, " AND %s(", negate ? "NOT " : "");
    for (size_t i = 0; i < n; i++) {
        char *like = dm_sql_glob_to_like(globs[i]);
        dm_buf_printf(b, "%s%s LIKE ", i ? " OR " : "", expr);
        put_literal(b, conn, like);
        free(like);
    }
    dm_buf_putc(b, ')');
}

static int cmp_table(const void *a, const void *b)
{
    return strcmp((*(my_table *const *)a)->name, (*(my_table *const *)b)->name);
}

static dm_status my_list_tables(dm_source *src, const dm_asset_desc *asset, dm_table_desc **out, size_t *n,
                                dm_problem_fn problem, void *pctx, dm_error *err)
{
    my_src *s = src->state;
    dm_status rc;
    dm_buf q = DM_BUF_INIT;
    MYSQL_RES *res = NULL;
    my_table **tabs = NULL, **sorted = NULL;
    size_t nt = 0;
    char **fps = NULL;
    *out = NULL;
    *n = 0;
    if ((rc = my_connect(s, err)))
        return rc;
    dm_buf_printf(&q, "SELECT table_name, table_type, table_rows, data_length, update_time, create_time "
                      "FROM information_schema.tables WHERE table_schema = ");
    put_literal(&q, s->conn, asset->name);
    dm_buf_printf(&q, " AND table_type IN ('BASE TABLE', 'SYSTEM VERSIONED'%s)", s->opts.views ? ", 'VIEW'" : "");
    put_globs(&q, s->conn, "CONCAT(table_schema, '.', table_name)", s->opts.include, s->opts.ninclude, false);
    put_globs(&q, s->conn, "CONCAT(table_schema, '.', table_name)", s->opts.exclude, s->opts.nexclude, true);
    dm_buf_printf(&q, " ORDER BY table_name");
    if (mysql_real_query(s->conn, q.data, q.len) || (res = mysql_store_result(s->conn)) == NULL) {
        rc = my_fail(err, s->conn, asset->location);
        goto out;
    }
    size_t cap = mysql_num_rows(res);
    tabs = dm_xcalloc(cap + 1, sizeof *tabs);
    fps = dm_xcalloc(cap + 1, sizeof *fps);
    MYSQL_ROW row;
    while ((row = mysql_fetch_row(res)) && nt < cap) {
        my_table *t = tabs[nt] = dm_xcalloc(1, sizeof *t);
        t->db = dm_xstrdup(asset->name);
        t->name = dm_xstrdup(row[0] ? row[0] : "");
        t->is_view = row[1] && strcmp(row[1], "VIEW") == 0;
        t->table_rows = row[2] ? strtoll(row[2], NULL, 10) : -1;
        fps[nt] = dm_xasprintf("%s:%s:%s:%s", row[2] ? row[2] : "-", row[3] ? row[3] : "-", row[4] ? row[4] : "-",
                               row[5] ? row[5] : "-");
        nt++;
    }
    mysql_free_result(res);
    res = NULL;

    /* columns of every table in one query, matched by name */
    sorted = dm_xcalloc(nt + 1, sizeof *sorted);
    memcpy(sorted, tabs, nt * sizeof *tabs);
    qsort(sorted, nt, sizeof *sorted, cmp_table);
    dm_buf_reset(&q);
    dm_buf_printf(&q, "SELECT table_name, column_name, column_type, is_nullable, column_key "
                      "FROM information_schema.columns WHERE table_schema = ");
    put_literal(&q, s->conn, asset->name);
    dm_buf_printf(&q, " ORDER BY table_name, ordinal_position");
    if (mysql_real_query(s->conn, q.data, q.len) || (res = mysql_store_result(s->conn)) == NULL) {
        rc = my_fail(err, s->conn, asset->location);
        goto out;
    }
    while ((row = mysql_fetch_row(res))) {
        if (row[0] == NULL || row[1] == NULL)
            continue;
        my_table key = {.name = row[0]}, *kp = &key;
        my_table **hit = bsearch(&kp, sorted, nt, sizeof *sorted, cmp_table);
        if (hit == NULL)
            continue;
        my_table *t = *hit;
        DM_GROW(t->cols, t->cap, t->ncols + 1);
        dm_column_decl *c = &t->cols[t->ncols++];
        c->name = dm_xstrdup(row[1]);
        c->type = dm_sql_map_type(row[2]);
        c->nullable = row[3] == NULL || strcmp(row[3], "NO") != 0;
        c->primary_key = row[4] && strcmp(row[4], "PRI") == 0;
    }
    *out = dm_xcalloc(nt + 1, sizeof **out);
    for (size_t i = 0; i < nt; i++) {
        my_table *t = tabs[i];
        dm_table_desc *d = &(*out)[i];
        uint64_t h = DM_FNV64_INIT;
        for (size_t c = 0; c < t->ncols; c++) {
            h = dm_fnv64(h, t->cols[c].name, strlen(t->cols[c].name) + 1);
            h = dm_fnv64(h, t->cols[c].type, strlen(t->cols[c].type) + 1);
        }
        d->name = dm_xstrdup(t->name);
        d->location = dm_xasprintf("%s/%s", asset->location, t->name);
        d->fingerprint = dm_xasprintf("mysql:%s:%016llx", fps[i], (unsigned long long)h);
        d->rows_estimate = t->is_view ? -1 : t->table_rows;
        d->bytes = -1;
        d->driver_data = t;
        tabs[i] = NULL;
    }
    *n = nt;
out:
    if (res)
        mysql_free_result(res);
    for (size_t i = 0; i < nt; i++) {
        my_table_free(tabs[i]);
        free(fps[i]);
    }
    free(tabs);
    free(fps);
    free(sorted);
    dm_buf_free(&q);
    return rc;
}

static dm_status my_table_columns(dm_source *src, const dm_table_desc *table, const dm_column_decl **out, size_t *n,
                                  dm_error *err)
{
    const my_table *t = table->driver_data;
    *out = t->cols;
    *n = t->ncols;
    return DM_OK;
}

static dm_status my_read_rows(dm_source *src, const dm_table_desc *table, const dm_sample_spec *spec,
                              const dm_row_sink *sink, dm_error *err)
{
    my_src *s = src->state;
    const my_table *t = table->driver_data;
    dm_status rc = DM_OK;
    dm_buf q = DM_BUF_INIT;
    MYSQL_RES *res = NULL;
    dm_field *f = dm_xcalloc(t->ncols + 1, sizeof *f);
    bool in_tx = false;

    for (size_t c = 0; c < t->ncols; c++)
        sink->column(sink->ctx, c, t->cols[c].name);
    if (sink->format)
        sink->format(sink->ctx, "mysql", "none", NULL);
    if (t->ncols == 0)
        goto out;
    if ((rc = my_connect(s, err)))
        goto out;
    dm_buf_printf(&q, "SELECT ");
    for (size_t c = 0; c < t->ncols; c++) {
        dm_buf_printf(&q, "%sLEFT(", c ? ", " : "");
        put_ident(&q, t->cols[c].name);
        dm_buf_printf(&q, ", %zu)", s->opts.max_cell_bytes);
    }
    dm_buf_printf(&q, " FROM ");
    put_ident(&q, t->db);
    dm_buf_putc(&q, '.');
    put_ident(&q, t->name);
    double est = (double)t->table_rows;
    if (spec->rows != UINT64_MAX && !t->is_view && est <= (double)spec->rows) {
        /* table_rows is an estimate (InnoDB), possibly stale: count, up to
         * 100 budgets of rows, so a big table is not read from its head only */
        uint64_t cap = spec->rows > 100000 ? 10000001 : spec->rows * 100 + 1;
        dm_buf pq = DM_BUF_INIT;
        dm_buf_printf(&pq, "SELECT COUNT(*) FROM (SELECT 1 FROM ");
        put_ident(&pq, t->db);
        dm_buf_putc(&pq, '.');
        put_ident(&pq, t->name);
        dm_buf_printf(&pq, " LIMIT %llu) x", (unsigned long long)cap);
        char *probe = dm_buf_steal(&pq);
        if (mysql_query(s->conn, probe) == 0 && (res = mysql_store_result(s->conn)) != NULL) {
            MYSQL_ROW row = mysql_fetch_row(res);
            if (row && row[0])
                est = strtod(row[0], NULL);
            mysql_free_result(res);
            res = NULL;
        }
        free(probe);
    }
    if (spec->rows != UINT64_MAX) {
        if (!t->is_view && est > (double)spec->rows) {
            double p = (double)spec->rows * 1.2 / est;
            dm_buf_printf(&q, " WHERE RAND(%u) < %.9f", (unsigned)(spec->seed & 0x7fffffff), p > 1 ? 1.0 : p);
        }
        dm_buf_printf(&q, " LIMIT %llu", (unsigned long long)spec->rows);
    }
    if (mysql_query(s->conn, "START TRANSACTION READ ONLY")) {
        rc = my_fail(err, s->conn, "read-only transaction");
        goto out;
    }
    in_tx = true;
    if (mysql_real_query(s->conn, q.data, q.len) || (res = mysql_use_result(s->conn)) == NULL) {
        rc = my_fail(err, s->conn, "sample");
        goto out;
    }
    MYSQL_ROW row;
    while ((row = mysql_fetch_row(res))) {
        unsigned long *lens = mysql_fetch_lengths(res);
        size_t nf = 0;
        for (size_t c = 0; c < t->ncols; c++) {
            if (row[c] == NULL)
                f[nf++] = (dm_field){(uint32_t)c, DM_VAL_NULL, "", 0};
            else
                f[nf++] = (dm_field){(uint32_t)c, DM_VAL_STRING, row[c],
                                     dm_sql_cell_len(row[c], lens[c], s->opts.max_cell_bytes)};
        }
        if (!sink->row(sink->ctx, f, nf)) {
            /* the sink stopped. mysql_free_result would read every row left
             * of an unbuffered result: cut the connection instead (the server
             * drops the query) and connect afresh next time. */
            shutdown(mysql_get_socket(s->conn), SHUT_RDWR);
            mysql_free_result(res);
            res = NULL;
            mysql_close(s->conn);
            s->conn = NULL;
            in_tx = false;
            goto out;
        }
    }
    if (mysql_errno(s->conn))
        rc = my_fail(err, s->conn, "sample");
out:
    if (res)
        mysql_free_result(res);
    if (in_tx && s->conn && mysql_query(s->conn, rc ? "ROLLBACK" : "COMMIT") && rc == DM_OK)
        rc = my_fail(err, s->conn, "commit");
    free(f);
    dm_buf_free(&q);
    return rc;
}

static dm_status my_read_tags(dm_source *src, const dm_asset_desc *asset, dm_kvlist *tags, const char **origin,
                              dm_error *err)
{
    my_src *s = src->state;
    dm_status rc;
    dm_buf q = DM_BUF_INIT;
    MYSQL_RES *res = NULL;
    MYSQL_ROW row;
    *origin = "store";
    if ((rc = my_connect(s, err)))
        return rc;
    /* schema comments exist in MariaDB 10.5+ only: without them, table comments alone */
    dm_buf_printf(&q, "SELECT schema_comment FROM information_schema.schemata WHERE schema_name = ");
    put_literal(&q, s->conn, asset->name);
    if (mysql_real_query(s->conn, q.data, q.len) == 0 && (res = mysql_store_result(s->conn)) != NULL) {
        while ((row = mysql_fetch_row(res)))
            dm_sql_tags_parse(tags, row[0]);
        mysql_free_result(res);
        res = NULL;
    }
    dm_buf_reset(&q);
    dm_buf_printf(&q, "SELECT table_comment FROM information_schema.tables WHERE table_schema = ");
    put_literal(&q, s->conn, asset->name);
    dm_buf_printf(&q, " AND table_type IN ('BASE TABLE', 'SYSTEM VERSIONED'%s)", s->opts.views ? ", 'VIEW'" : "");
    put_globs(&q, s->conn, "CONCAT(table_schema, '.', table_name)", s->opts.include, s->opts.ninclude, false);
    put_globs(&q, s->conn, "CONCAT(table_schema, '.', table_name)", s->opts.exclude, s->opts.nexclude, true);
    dm_buf_printf(&q, " ORDER BY table_name");
    if (mysql_real_query(s->conn, q.data, q.len) || (res = mysql_store_result(s->conn)) == NULL) {
        rc = my_fail(err, s->conn, asset->location);
        goto out;
    }
    while ((row = mysql_fetch_row(res)))
        dm_sql_tags_parse(tags, row[0]);
    mysql_free_result(res);
out:
    dm_buf_free(&q);
    return rc;
}

const dm_source_ops dm_source_mysql_ops = {
    .open = my_open,
    .close = my_close,
    .list_assets = my_list_assets,
    .list_tables = my_list_tables,
    .read_rows = my_read_rows,
    .read_tags = my_read_tags,
    .free_table_data = my_table_free,
    .table_columns = my_table_columns,
    .write_column_comment = NULL,
};
