/*
 * Catalog database backend: SQLite.
 *
 * Connection settings: foreign_keys=ON, synchronous=NORMAL, a 10 s busy
 * timeout, extended result codes; journal_mode=WAL is set by claim() once the
 * caller has checked that the file is a catalog (or empty), because the
 * journal mode is written into the file. Write transactions start with
 * BEGIN IMMEDIATE so two writers queue on the busy timeout instead of failing
 * when a read lock cannot be upgraded. The connection uses SQLite's default
 * threading mode; one handle serves one thread at a time.
 */
#include "catalog/db.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/hash.h"
#include "core/mem.h"

#define BUSY_TIMEOUT_MS 10000
#define CACHE_MAX 64        /* prepared statements kept for reuse */

typedef struct sqlite_stmt {
    struct dm_db_stmt base; /* first */
    sqlite3_stmt *st;
    uint64_t hash;          /* of sql, when cached */
    char *sql;              /* when cached */
    bool cached, in_use;
} sqlite_stmt;

/* The catalog runs the same few dozen statements over and over: preparing
 * one costs more than running it, so finalize() hands a statement back to a
 * small cache (reset, bindings cleared) and prepare() takes it from there. */
typedef struct sqlite_db {
    struct dm_db base;      /* first: a dm_db * points here */
    sqlite3 *h;
    sqlite_stmt *cache[CACHE_MAX];
    size_t ncache;
} sqlite_db;

static const dm_db_ops sqlite_ops;

static sqlite_db *db_of(dm_db *db)
{
    return (sqlite_db *)db;
}

static sqlite_stmt *stmt_of(dm_db_stmt *st)
{
    return (sqlite_stmt *)st;
}

/* Turn a SQLite result code into a dm_status with a message naming the file. */
static dm_status fail(sqlite_db *d, int rc, dm_error *err)
{
    const char *label = d->base.label;
    const char *msg = d->h ? sqlite3_errmsg(d->h) : sqlite3_errstr(rc);
    dm_status st;
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
        return DM_FAIL(err, DM_ERR_BACKEND, "catalog %s is not a SQLite database (or is encrypted); it was left untouched",
                       label);
    case SQLITE_CORRUPT:
        return DM_FAIL(err, DM_ERR_BACKEND, "catalog %s is corrupt (%s); it was left untouched: restore it from a backup",
                       label, msg);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return DM_FAIL(err, DM_ERR_TIMEOUT, "catalog %s is locked by another process (waited %d s): %s", label,
                       BUSY_TIMEOUT_MS / 1000, msg);
    case SQLITE_NOMEM:
        return DM_FAIL(err, DM_ERR_NOMEM, "catalog %s: out of memory", label);
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
        st = DM_FAIL(err, DM_ERR_IO, "catalog %s: %s", label, msg);
        if (err != NULL && d->h != NULL)
            err->sys_errno = sqlite3_system_errno(d->h);
        return st;
    default:
        return DM_FAIL(err, DM_ERR_BACKEND, "catalog %s: %s", label, msg);
    }
}

static dm_status sq_exec(dm_db *db, const char *script, dm_error *err)
{
    sqlite_db *d = db_of(db);
    int rc = sqlite3_exec(d->h, script, NULL, NULL, NULL);
    return rc == SQLITE_OK ? DM_OK : fail(d, rc, err);
}

static uint64_t fnv1a(const char *s)
{
    return dm_fnv64_str(DM_FNV64_INIT, s);
}

static dm_status sq_prepare(dm_db *db, const char *sql, dm_db_stmt **out, dm_error *err)
{
    sqlite_db *d = db_of(db);
    sqlite3_stmt *st = NULL;
    uint64_t hash = fnv1a(sql);
    *out = NULL;
    for (size_t i = 0; i < d->ncache; i++) {
        sqlite_stmt *c = d->cache[i];
        if (!c->in_use && c->hash == hash && strcmp(c->sql, sql) == 0) {
            c->in_use = true;
            *out = &c->base;
            return DM_OK;
        }
    }
    bool cache = d->ncache < CACHE_MAX;
    int rc = sqlite3_prepare_v3(d->h, sql, -1, cache ? SQLITE_PREPARE_PERSISTENT : 0, &st, NULL);
    if (rc != SQLITE_OK) {
        dm_status s = fail(d, rc, err);
        dm_error_prefix(err, "preparing \"%.60s\"", sql);
        return s;
    }
    sqlite_stmt *s = dm_xcalloc(1, sizeof *s);
    s->base.db = db;
    s->st = st;
    s->in_use = true;
    if (cache) {
        s->cached = true;
        s->hash = hash;
        s->sql = dm_xstrdup(sql);
        d->cache[d->ncache++] = s;
    }
    *out = &s->base;
    return DM_OK;
}

static dm_status bind_rc(dm_db_stmt *st, int rc, dm_error *err)
{
    return rc == SQLITE_OK ? DM_OK : fail(db_of(st->db), rc, err);
}

static dm_status sq_bind_text(dm_db_stmt *st, int idx, const char *s, dm_error *err)
{
    sqlite3_stmt *h = stmt_of(st)->st;
    int rc = s ? sqlite3_bind_text(h, idx, s, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(h, idx);
    return bind_rc(st, rc, err);
}

static dm_status sq_bind_int64(dm_db_stmt *st, int idx, int64_t v, dm_error *err)
{
    return bind_rc(st, sqlite3_bind_int64(stmt_of(st)->st, idx, v), err);
}

static dm_status sq_bind_double(dm_db_stmt *st, int idx, double v, dm_error *err)
{
    return bind_rc(st, sqlite3_bind_double(stmt_of(st)->st, idx, v), err);
}

static dm_status sq_bind_null(dm_db_stmt *st, int idx, dm_error *err)
{
    return bind_rc(st, sqlite3_bind_null(stmt_of(st)->st, idx), err);
}

static dm_status sq_step(dm_db_stmt *st, bool *row, dm_error *err)
{
    int rc = sqlite3_step(stmt_of(st)->st);
    *row = rc == SQLITE_ROW;
    if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        return DM_OK;
    return fail(db_of(st->db), rc, err);
}

static void sq_reset(dm_db_stmt *st)
{
    sqlite3_reset(stmt_of(st)->st);
    sqlite3_clear_bindings(stmt_of(st)->st);
}

static bool sq_col_is_null(dm_db_stmt *st, int col)
{
    return sqlite3_column_type(stmt_of(st)->st, col) == SQLITE_NULL;
}

static const char *sq_col_text(dm_db_stmt *st, int col)
{
    return (const char *)sqlite3_column_text(stmt_of(st)->st, col);
}

static int64_t sq_col_int64(dm_db_stmt *st, int col)
{
    return sqlite3_column_int64(stmt_of(st)->st, col);
}

static double sq_col_double(dm_db_stmt *st, int col)
{
    return sqlite3_column_double(stmt_of(st)->st, col);
}

static void sq_finalize(dm_db_stmt *st)
{
    sqlite_stmt *s = stmt_of(st);
    if (s->cached) {
        sqlite3_reset(s->st);
        sqlite3_clear_bindings(s->st);
        s->in_use = false;
        return;
    }
    sqlite3_finalize(s->st);
    free(s);
}

/* Run a one-row, one-column integer query. */
static dm_status query_int(sqlite_db *d, const char *sql, const char *arg, int64_t *v, dm_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(d->h, sql, -1, &st, NULL);
    if (rc == SQLITE_OK && arg != NULL)
        rc = sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *v = sqlite3_column_int64(st, 0);
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            *v = 0;
            rc = SQLITE_OK;
        }
    }
    dm_status s = rc == SQLITE_OK ? DM_OK : fail(d, rc, err);
    sqlite3_finalize(st);
    return s;
}

static dm_status sq_table_exists(dm_db *db, const char *name, bool *exists, dm_error *err)
{
    int64_t n = 0;
    dm_status rc = query_int(db_of(db), "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
                             name, &n, err);
    *exists = n > 0;
    return rc;
}

static dm_status sq_has_user_tables(dm_db *db, bool *any, dm_error *err)
{
    int64_t n = 0;
    dm_status rc = query_int(db_of(db),
                             "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                             "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
                             NULL, &n, err);
    *any = n > 0;
    return rc;
}

static dm_status sq_claim(dm_db *db, dm_error *err)
{
    /* An in-memory database answers "memory"; a file on a filesystem
     * without shared memory may stay in another mode: both still work.
     * Several processes switching a new file to WAL at once can get
     * SQLITE_BUSY at once, without the busy handler (it would deadlock):
     * try again for up to the busy timeout. */
    sqlite_db *d = db_of(db);
    int rc = SQLITE_BUSY;
    for (int waited = 0; waited <= BUSY_TIMEOUT_MS; waited += 20) {
        rc = sqlite3_exec(d->h, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
        if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
            break;
        sqlite3_sleep(20);
    }
    return rc == SQLITE_OK ? DM_OK : fail(d, rc, err);
}

static bool sq_in_transaction(dm_db *db)
{
    return sqlite3_get_autocommit(db_of(db)->h) == 0;
}

static void sq_close(dm_db *db)
{
    sqlite_db *d = db_of(db);
    for (size_t i = 0; i < d->ncache; i++) {
        sqlite3_finalize(d->cache[i]->st);
        free(d->cache[i]->sql);
        free(d->cache[i]);
    }
    if (d->h != NULL) {
        if (sqlite3_get_autocommit(d->h) == 0)
            sqlite3_exec(d->h, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_close_v2(d->h);
    }
    free(d->base.label);
    free(d);
}

static const dm_db_ops sqlite_ops = {
    .name = "sqlite",
    .id_column = "INTEGER PRIMARY KEY AUTOINCREMENT",
    .begin_sql = "BEGIN IMMEDIATE",
    .begin_read_sql = "BEGIN DEFERRED",
    .claim_lock = "",
    .row_lock = "",
    .migrate_lock_sql = NULL,   /* BEGIN IMMEDIATE queues migrators */
    .claim_serialize_sql = NULL,
    .notify_jobs_sql = NULL,
    .wait_jobs = NULL,
    .exec = sq_exec,
    .prepare = sq_prepare,
    .bind_text = sq_bind_text,
    .bind_int64 = sq_bind_int64,
    .bind_double = sq_bind_double,
    .bind_null = sq_bind_null,
    .step = sq_step,
    .reset = sq_reset,
    .col_is_null = sq_col_is_null,
    .col_text = sq_col_text,
    .col_int64 = sq_col_int64,
    .col_double = sq_col_double,
    .finalize = sq_finalize,
    .table_exists = sq_table_exists,
    .has_user_tables = sq_has_user_tables,
    .claim = sq_claim,
    .in_transaction = sq_in_transaction,
    .close = sq_close,
};

/* Create path mode 0600 when it does not exist, so SQLite (which would use
 * 0644 less the umask) never creates it; an existing file is left as is. */
static dm_status create_private(const char *path, dm_error *err)
{
    struct stat sb;
    if (stat(path, &sb) == 0) {
        if (!S_ISREG(sb.st_mode))
            return DM_FAIL(err, DM_ERR_ARG, "catalog %s is not a regular file", path);
        return DM_OK;
    }
    if (errno != ENOENT) {
        int e = errno;
        dm_status s = DM_FAIL(err, DM_ERR_IO, "catalog %s: %s", path, strerror(e));
        if (err != NULL)
            err->sys_errno = e;
        return s;
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0 && errno != EEXIST) {
        int e = errno;
        dm_status s = DM_FAIL(err, DM_ERR_IO, "cannot create catalog %s: %s", path, strerror(e));
        if (err != NULL)
            err->sys_errno = e;
        return s;
    }
    if (fd >= 0)
        close(fd);
    return DM_OK;
}

dm_status dm_db_sqlite_open(const char *path, dm_db **out, dm_error *err)
{
    return dm_db_sqlite_open_mode(path, true, out, err);
}

dm_status dm_db_sqlite_open_mode(const char *path, bool create, dm_db **out, dm_error *err)
{
    *out = NULL;
    bool memory = strcmp(path, ":memory:") == 0;
    dm_status rc = DM_OK;
    struct stat sb;
    if (!memory && !create) {
        if (stat(path, &sb) != 0) {
            if (errno == ENOENT)
                return DM_FAIL(err, DM_ERR_NOT_FOUND, "no catalog at %s", path);
            return DM_FAIL(err, DM_ERR_IO, "catalog %s: %s", path, strerror(errno));
        }
        if (!S_ISREG(sb.st_mode))
            return DM_FAIL(err, DM_ERR_ARG, "catalog %s is not a regular file", path);
    }
    if (!memory && create && (rc = create_private(path, err)) != DM_OK)
        return rc;

    sqlite_db *d = dm_xcalloc(1, sizeof *d);
    d->base.ops = &sqlite_ops;
    d->base.label = dm_xstrdup(path);
    int flags = SQLITE_OPEN_READWRITE | (memory ? SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY : 0);
    int src = sqlite3_open_v2(path, &d->h, flags, NULL);
    if (src != SQLITE_OK) {
        rc = fail(d, src, err);
        goto out;
    }
    sqlite3_extended_result_codes(d->h, 1);
    sqlite3_busy_timeout(d->h, BUSY_TIMEOUT_MS);
    /* Read the schema before anything else: SQLite opens lazily, and this is
     * where a file that is not a database (or a corrupt one) shows, before
     * any statement could write to it. */
    int64_t n;
    if ((rc = query_int(d, "SELECT count(*) FROM sqlite_master", NULL, &n, err)) != DM_OK)
        goto out;
    if ((rc = sq_exec(&d->base, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL", err)) != DM_OK)
        goto out;
    *out = &d->base;
    d = NULL;
out:
    if (d != NULL)
        sq_close(&d->base);
    return rc;
}
