/*
 * SQLite files (sqlite:///path/to/file.db)
 *
 * The file is one asset (kind "database"); its user tables are the tables
 * (views too with --option views=true), matched against include/exclude as
 * "main.<table>". Column types are the declared ones, mapped to catalog
 * types (dm_sql_map_type).
 *
 * The file is opened read-only (SQLITE_OPEN_READONLY plus PRAGMA
 * query_only), every read has a time limit (a progress handler interrupts
 * it past statement_timeout), text cells are cut to max_cell_bytes in the
 * query itself and blobs are not read. Identifiers are quoted by doubling
 * '"', so any table name is just a name.
 *
 * Sampling: a rowid table larger than the row budget is read at rowids
 * spread over [min(rowid), max(rowid)]: the range is cut into as many
 * strata as rows wanted and one random rowid is sought in each (an index
 * seek per row, never a scan of the table). Views and WITHOUT ROWID tables
 * are read from their start, up to the budget.
 *
 * No tags: SQLite has no comments.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/hash.h"
#include "core/log.h"
#include "core/mem.h"
#include "sources/sql_common.h"
#include "sources/source_impl.h"


typedef struct sq_src {
    char *path;
    sqlite3 *db;
    dm_sql_opts opts;
    /* time limit: SQLite's own time in steps of the current statement, so
     * the sink's work between rows does not count */
    int64_t spent_ns, step_start_ns;
} sq_src;

typedef struct sq_table {
    char *name;
    bool is_view, has_rowid;
    int64_t min_rowid, max_rowid;
    dm_column_decl *cols;
    size_t ncols;
} sq_table;

/* "x" -> "\"x\"" with '"' doubled. */
static void quote_ident(dm_buf *b, const char *name)
{
    dm_buf_putc(b, '"');
    for (const char *p = name; *p; p++) {
        if (*p == '"')
            dm_buf_putc(b, '"');
        dm_buf_putc(b, *p);
    }
    dm_buf_putc(b, '"');
}

static int64_t now_ns(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000000000LL + now.tv_nsec;
}

/* progress handler: non-zero interrupts the statement */
static int deadline_passed(void *ctx)
{
    sq_src *s = ctx;
    return s->spent_ns + (now_ns() - s->step_start_ns) > (int64_t)s->opts.statement_timeout_ms * 1000000LL;
}

/* A new statement: its time starts at zero. */
static void arm_deadline(sq_src *s)
{
    s->spent_ns = 0;
    s->step_start_ns = now_ns();
}

/* sqlite3_step, counting its time against the statement's limit. */
static int timed_step(sq_src *s, sqlite3_stmt *st)
{
    s->step_start_ns = now_ns();
    int r = sqlite3_step(st);
    s->spent_ns += now_ns() - s->step_start_ns;
    return r;
}

static dm_status sq_fail(sq_src *s, dm_error *err, const char *what)
{
    int code = sqlite3_errcode(s->db);
    if (code == SQLITE_INTERRUPT)
        return DM_FAIL(err, DM_ERR_TIMEOUT, "%s: statement time limit (%d ms) reached", what,
                       s->opts.statement_timeout_ms);
    return DM_FAIL(err, code == SQLITE_AUTH || code == SQLITE_PERM ? DM_ERR_AUTH : DM_ERR_BACKEND, "%s: %s", what,
                   sqlite3_errmsg(s->db));
}

static void sq_close(void *state)
{
    sq_src *s = state;
    sqlite3_close_v2(s->db);
    dm_sql_opts_free(&s->opts);
    free(s->path);
    free(s);
}

static dm_status sq_open(const char *url, const char *options_json, void **state, char **shown_url, dm_error *err)
{
    dm_status rc = DM_OK;
    const char *p = strncmp(url, "sqlite://", 9) == 0 ? url + 9 : url;
    char real[PATH_MAX];
    if (*p == '\0')
        return DM_FAIL(err, DM_ERR_ARG, "%s: no file named (sqlite:///path/to/file.db)", url);
    if (realpath(p, real) == NULL)
        return DM_FAIL(err, DM_ERR_NOT_FOUND, "%s: %s", url, strerror(errno));
    char head[16];
    int fd = open(real, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return DM_FAIL(err, errno == EACCES ? DM_ERR_AUTH : DM_ERR_IO, "%s: %s", url, strerror(errno));
    ssize_t got = read(fd, head, sizeof head);
    close(fd);
    if (got != (ssize_t)sizeof head || memcmp(head, "SQLite format 3", 16) != 0)
        return DM_FAIL(err, DM_ERR_FORMAT, "%s: not a SQLite database", url);

    sq_src *s = dm_xcalloc(1, sizeof *s);
    *state = s;     /* closed by the framework on failure */
    char *shown = *shown_url = dm_xasprintf("sqlite://%s", real);
    s->path = dm_xstrdup(real);
    if ((rc = dm_sql_opts_parse(options_json, &s->opts, err)))
        return rc;
    if (sqlite3_open_v2(real, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
        return DM_FAIL(err, DM_ERR_IO, "%s: %s", shown, s->db ? sqlite3_errmsg(s->db) : "cannot open");
    sqlite3_busy_timeout(s->db, 5000);
    sqlite3_progress_handler(s->db, 10000, deadline_passed, s);
    arm_deadline(s);
    if (sqlite3_exec(s->db, "PRAGMA query_only = 1", NULL, NULL, NULL) != SQLITE_OK)
        return sq_fail(s, err, shown);
    return DM_OK;
}

static dm_status sq_list_assets(dm_source *src, dm_asset_desc **out, size_t *n, dm_problem_fn problem, void *pctx,
                                dm_error *err)
{
    sq_src *s = src->state;
    const char *base = strrchr(s->path, '/');
    base = base ? base + 1 : s->path;
    char *name = dm_xstrdup(base);
    char *dot = strchr(name, '.');
    if (dot && dot != name)
        *dot = '\0';
    *out = dm_xcalloc(1, sizeof **out);
    (*out)[0].name = name;
    (*out)[0].kind = dm_xstrdup("database");
    (*out)[0].location = dm_xstrdup(src->url);
    *n = 1;
    return DM_OK;
}

static void sq_table_free(void *data)
{
    sq_table *t = data;
    if (t == NULL)
        return;
    for (size_t i = 0; i < t->ncols; i++)
        free(t->cols[i].name);
    free(t->cols);
    free(t->name);
    free(t);
}

/* Columns of one table (declared types), rowid range and a fingerprint. */
static dm_status describe(sq_src *s, sq_table *t, const char *sql_text, char **fingerprint, dm_error *err)
{
    dm_status rc = DM_OK;
    sqlite3_stmt *st = NULL;
    dm_buf q = DM_BUF_INIT;
    uint64_t h = dm_fnv64(DM_FNV64_INIT, sql_text ? sql_text : "", sql_text ? strlen(sql_text) : 0);
    size_t cap = 0;

    if (sqlite3_prepare_v2(s->db, "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?1)", -1, &st, NULL) !=
        SQLITE_OK) {
        rc = sq_fail(s, err, t->name);
        goto out;
    }
    sqlite3_bind_text(st, 1, t->name, -1, SQLITE_TRANSIENT);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        DM_GROW(t->cols, cap, t->ncols + 1);
        const char *name = (const char *)sqlite3_column_text(st, 0);
        const char *type = (const char *)sqlite3_column_text(st, 1);
        dm_column_decl *c = &t->cols[t->ncols++];
        c->name = dm_xstrdup(name ? name : "");
        c->type = dm_sql_map_type(type);
        c->nullable = sqlite3_column_int(st, 2) == 0 && sqlite3_column_int(st, 3) == 0;
        c->primary_key = sqlite3_column_int(st, 3) > 0;
    }
    if (step != SQLITE_DONE) {
        rc = sq_fail(s, err, t->name);
        goto out;
    }
    sqlite3_finalize(st);
    st = NULL;

    t->has_rowid = false;
    if (!t->is_view) {
        dm_buf_printf(&q, "SELECT min(rowid), max(rowid) FROM ");
        quote_ident(&q, t->name);
        /* WITHOUT ROWID tables fail to prepare: read from their start */
        if (sqlite3_prepare_v2(s->db, q.data, -1, &st, NULL) == SQLITE_OK) {
            if (sqlite3_step(st) == SQLITE_ROW) {
                t->has_rowid = true;
                t->min_rowid = sqlite3_column_int64(st, 0);
                t->max_rowid = sqlite3_column_int64(st, 1);
            } else {
                rc = sq_fail(s, err, t->name);
                goto out;
            }
        }
    }
    struct stat sb;
    int64_t facts[4] = {t->min_rowid, t->max_rowid, 0, 0};
    if (stat(s->path, &sb) == 0) {
        facts[2] = (int64_t)sb.st_size;
        facts[3] = (int64_t)sb.st_mtim.tv_sec * 1000000000LL + sb.st_mtim.tv_nsec;
    }
    h = dm_fnv64(h, facts, sizeof facts);
    *fingerprint = dm_xasprintf("sqlite:%016llx", (unsigned long long)h);
out:
    sqlite3_finalize(st);
    dm_buf_free(&q);
    return rc;
}

static dm_status sq_list_tables(dm_source *src, const dm_asset_desc *asset, dm_table_desc **out, size_t *n,
                                dm_problem_fn problem, void *pctx, dm_error *err)
{
    sq_src *s = src->state;
    sqlite3_stmt *st = NULL;
    dm_status rc = DM_OK;
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    arm_deadline(s);
    const char *sql = "SELECT name, type, sql FROM sqlite_schema WHERE type IN ('table','view') AND name NOT LIKE "
                      "'sqlite\\_%' ESCAPE '\\' ORDER BY name";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        rc = sq_fail(s, err, src->url);
        goto out;
    }
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        const char *type = (const char *)sqlite3_column_text(st, 1);
        const char *text = (const char *)sqlite3_column_text(st, 2);
        bool is_view = type && strcmp(type, "view") == 0;
        if (name == NULL || (is_view && !s->opts.views) || !dm_sql_opts_wanted(&s->opts, "main", name))
            continue;
        sq_table *t = dm_xcalloc(1, sizeof *t);
        t->name = dm_xstrdup(name);
        t->is_view = is_view;
        char *fp = NULL;
        char *loc = dm_xasprintf("%s/%s", src->url, name);
        dm_error terr = {0};
        if (describe(s, t, text, &fp, &terr)) {
            problem(pctx, loc, terr.msg);
            sq_table_free(t);
            free(loc);
            continue;
        }
        DM_GROW(*out, cap, *n + 1);
        dm_table_desc *d = &(*out)[(*n)++];
        memset(d, 0, sizeof *d);
        d->name = dm_xstrdup(name);
        d->location = loc;
        d->fingerprint = fp;
        d->bytes = -1;
        d->rows_estimate = t->has_rowid && t->max_rowid >= t->min_rowid ? t->max_rowid - t->min_rowid + 1 : -1;
        if (t->has_rowid && t->max_rowid == 0 && t->min_rowid == 0)
            d->rows_estimate = 0;
        d->driver_data = t;
    }
    if (step != SQLITE_DONE)
        rc = sq_fail(s, err, src->url);
out:
    sqlite3_finalize(st);
    if (rc) {
        dm_table_desc_free_list(src, *out, *n);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

static dm_status sq_table_columns(dm_source *src, const dm_table_desc *table, const dm_column_decl **out, size_t *n,
                                  dm_error *err)
{
    const sq_table *t = table->driver_data;
    *out = t->cols;
    *n = t->ncols;
    return DM_OK;
}

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Deliver the current row of st, columns from `first` on; whether to go on. */
static bool deliver(sq_src *s, sqlite3_stmt *st, int first, size_t ncols, dm_field *f, const dm_row_sink *sink)
{
    size_t nf = 0;
    for (size_t c = 0; c < ncols; c++) {
        int i = first + (int)c;
        int type = sqlite3_column_type(st, i);
        if (type == SQLITE_NULL) {
            f[nf++] = (dm_field){(uint32_t)c, DM_VAL_NULL, "", 0};
            continue;
        }
        const char *p = (const char *)sqlite3_column_text(st, i);
        size_t len = (size_t)sqlite3_column_bytes(st, i);
        if (p == NULL)
            continue;
        uint8_t kind = type == SQLITE_TEXT ? DM_VAL_STRING : DM_VAL_NUMBER;
        f[nf++] = (dm_field){(uint32_t)c, kind, p, dm_sql_cell_len(p, len, s->opts.max_cell_bytes)};
    }
    return sink->row(sink->ctx, f, nf);
}

static dm_status sq_read_rows(dm_source *src, const dm_table_desc *table, const dm_sample_spec *spec,
                              const dm_row_sink *sink, dm_error *err)
{
    sq_src *s = src->state;
    const sq_table *t = table->driver_data;
    dm_status rc = DM_OK;
    dm_buf q = DM_BUF_INIT;
    sqlite3_stmt *st = NULL;
    dm_field *f = dm_xcalloc(t->ncols + 1, sizeof *f);

    for (size_t c = 0; c < t->ncols; c++)
        sink->column(sink->ctx, c, t->cols[c].name);
    if (sink->format)
        sink->format(sink->ctx, "sqlite", "none", NULL);
    if (t->ncols == 0)
        goto out;
    arm_deadline(s);

    uint64_t span = t->has_rowid ? (uint64_t)(t->max_rowid - t->min_rowid) + 1 : 0;
    bool spread = t->has_rowid && !t->is_view && spec->rows != UINT64_MAX && span > spec->rows;
    dm_buf_printf(&q, "SELECT %s", spread ? "rowid, " : "");
    for (size_t c = 0; c < t->ncols; c++) {
        dm_buf q1 = DM_BUF_INIT;
        quote_ident(&q1, t->cols[c].name);
        /* text cut in the query (characters; bytes are cut again below), blobs not read */
        dm_buf_printf(&q, "%sCASE typeof(%s) WHEN 'text' THEN substr(%s, 1, %zu) WHEN 'blob' THEN NULL ELSE %s END",
                      c ? ", " : "", q1.data, q1.data, s->opts.max_cell_bytes, q1.data);
        dm_buf_free(&q1);
    }
    dm_buf_printf(&q, " FROM ");
    quote_ident(&q, t->name);
    if (spread)
        dm_buf_printf(&q, " WHERE rowid >= ?1 ORDER BY rowid LIMIT 1");
    else if (spec->rows != UINT64_MAX)
        dm_buf_printf(&q, " LIMIT %llu", (unsigned long long)spec->rows);
    if (sqlite3_prepare_v2(s->db, q.data, -1, &st, NULL) != SQLITE_OK) {
        rc = sq_fail(s, err, "sample");
        goto out;
    }
    if (!spread) {
        int step;
        while ((step = timed_step(s, st)) == SQLITE_ROW)
            if (!deliver(s, st, 0, t->ncols, f, sink))
                goto out;   /* the sink stopped */
        if (step != SQLITE_DONE)
            rc = sq_fail(s, err, "sample");
        goto out;
    }
    uint64_t rng = spec->seed ^ dm_fnv64(DM_FNV64_INIT, t->name, strlen(t->name));
    int64_t last = INT64_MIN;
    bool have_last = false;
    for (uint64_t i = 0; i < spec->rows; i++) {
        uint64_t lo = (uint64_t)((unsigned __int128)span * i / spec->rows);
        uint64_t hi = (uint64_t)((unsigned __int128)span * (i + 1) / spec->rows);
        int64_t target = t->min_rowid + (int64_t)(lo + splitmix(&rng) % (hi - lo));
        if (have_last && target <= last) {
            if (last == t->max_rowid)
                break;
            target = last + 1;
        }
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, target);
        int step = timed_step(s, st);
        if (step == SQLITE_DONE)
            break;      /* nothing at or past target: the end of the table */
        if (step != SQLITE_ROW) {
            rc = sq_fail(s, err, "sample");
            goto out;
        }
        last = sqlite3_column_int64(st, 0);
        have_last = true;
        if (!deliver(s, st, 1, t->ncols, f, sink))
            break;
    }
out:
    sqlite3_finalize(st);
    dm_buf_free(&q);
    free(f);
    return rc;
}

const dm_source_ops dm_source_sqlite_ops = {
    .open = sq_open,
    .close = sq_close,
    .list_assets = sq_list_assets,
    .list_tables = sq_list_tables,
    .read_rows = sq_read_rows,
    .read_tags = NULL,
    .free_table_data = sq_table_free,
    .table_columns = sq_table_columns,
    .write_column_comment = NULL,
};
