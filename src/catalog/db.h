/*
 * Catalog database interface (internal to src/catalog)
 *
 * A small layer over one SQL database so that catalog.c holds portable SQL
 * only. Each backend (db_sqlite.c, db_postgres.c) fills a
 * dm_db_ops table and embeds `struct dm_db` as the first member of its
 * handle; the generic parts (URL dispatch, nested transactions, binding a
 * list of values) live in db.c.
 *
 * SQL written against this interface:
 *   - placeholders are `?`, numbered from 1 in the order they appear (the
 *     PostgreSQL backend rewrites them to $1, $2, ...); never put a `?`
 *     inside a string literal or comment;
 *   - no backend-only SQL: ON CONFLICT upserts, RETURNING, COALESCE, partial
 *     indexes and SAVEPOINT are fine; CURRENT_TIMESTAMP, datetime(),
 *     INSERT OR REPLACE, rowid, last_insert_rowid() are not (times are
 *     computed in C as UTC ISO 8601 strings);
 *   - a bound parameter needs a type the server can infer from its context:
 *     `col = ?`, `VALUES (?)`, `COALESCE(?, col)` are fine, `? IS NULL` is
 *     not (PostgreSQL cannot type it): build the SQL conditionally instead;
 *   - booleans are INTEGER 0/1, ids are BIGINT, floats DOUBLE PRECISION;
 *   - DDL in migration scripts writes @ID@ for an auto-generated BIGINT
 *     primary key; dm_db_expand_ddl() substitutes the backend's spelling.
 *
 * Columns of a result row are numbered from 0. Text returned by
 * dm_db_col_text stays valid until the next step, reset or finalize.
 *
 * Finalize every statement before dm_db_close. A backend may keep finalized
 * statements prepared for reuse (both do). A dm_db handle belongs to one
 * thread at a time.
 *
 * Contracts for several writers (processes or machines on one catalog):
 *   - Isolation: write transactions run under READ COMMITTED (PostgreSQL;
 *     SQLite's BEGIN IMMEDIATE serialises writers, which is stronger). A
 *     read whose answer decides a write inside the same transaction (the
 *     next schema version, "does this row exist?") takes a row lock: append
 *     ops->row_lock to that SELECT, or write with INSERT ... ON CONFLICT so
 *     the unique index decides. A queue claim appends ops->claim_lock so
 *     claimers skip each other's rows instead of waiting on them.
 *   - A serialization failure or deadlock is DM_ERR_CONFLICT: the whole
 *     transaction was rolled back, and the caller runs it again from its
 *     beginning (dm_db_retryable() tells the codes worth a new attempt).
 *   - Migrations: each step runs in a transaction that first takes
 *     ops->migrate_lock_sql (PostgreSQL: a transaction-scoped advisory
 *     lock), then re-reads the version, so any number of processes starting
 *     at once apply each step once.
 *   - Statement timeouts: the PostgreSQL backend cancels a statement after
 *     the URL's statement_timeout seconds (default 60) with DM_ERR_TIMEOUT;
 *     SQLite waits up to 10 s for a lock, then DM_ERR_TIMEOUT.
 *   - An error inside a PostgreSQL transaction aborts it: only rollback (of
 *     the level the error happened in) is then possible. Code that expects
 *     a statement to fail (a unique violation it handles) runs it inside a
 *     nested dm_db_begin and rolls that level back.
 */
#ifndef DM_CATALOG_DB_H
#define DM_CATALOG_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

typedef struct dm_db dm_db;
typedef struct dm_db_stmt dm_db_stmt;

typedef struct dm_db_ops {
    const char *name;           /* "sqlite", "postgres": for messages only, never compared */
    const char *id_column;      /* DDL of an auto-generated BIGINT primary key */
    const char *begin_sql;      /* opens a write transaction ("BEGIN IMMEDIATE") */
    const char *begin_read_sql; /* opens a read-only snapshot ("BEGIN", "BEGIN READ ONLY") */
    /* Appended to the SELECT that picks the next queue row to claim
     * (" FOR UPDATE SKIP LOCKED"); "" where the write transaction already
     * serialises claimers. */
    const char *claim_lock;
    /* Appended to a SELECT whose answer decides a write in the same
     * transaction (" FOR UPDATE"); "" where writers are serialised. */
    const char *row_lock;
    /* Run first in each migration step's transaction so concurrent
     * migrators queue (an advisory lock); NULL when BEGIN already does. */
    const char *migrate_lock_sql;
    /* Run first in a claim transaction that counts running jobs per source
     * (a limit is set), so two claimers cannot both see room for one more;
     * NULL when BEGIN already serialises claimers. */
    const char *claim_serialize_sql;
    /* Sent inside a transaction that queued a job; waiters are told at
     * commit (PostgreSQL NOTIFY). NULL: no notifications, waiters poll. */
    const char *notify_jobs_sql;

    /* Run a script of one or more statements without parameters. */
    dm_status (*exec)(dm_db *db, const char *script, dm_error *err);
    dm_status (*prepare)(dm_db *db, const char *sql, dm_db_stmt **out, dm_error *err);
    /* Binds: idx counts from 1. bind_text copies s; s == NULL binds NULL. */
    dm_status (*bind_text)(dm_db_stmt *st, int idx, const char *s, dm_error *err);
    dm_status (*bind_int64)(dm_db_stmt *st, int idx, int64_t v, dm_error *err);
    dm_status (*bind_double)(dm_db_stmt *st, int idx, double v, dm_error *err);
    dm_status (*bind_null)(dm_db_stmt *st, int idx, dm_error *err);
    /* Advance: *row is true when a row is available, false when done. */
    dm_status (*step)(dm_db_stmt *st, bool *row, dm_error *err);
    /* Back to before the first step, bindings cleared, ready to bind again. */
    void (*reset)(dm_db_stmt *st);
    bool (*col_is_null)(dm_db_stmt *st, int col);
    const char *(*col_text)(dm_db_stmt *st, int col);   /* NULL for SQL NULL */
    int64_t (*col_int64)(dm_db_stmt *st, int col);      /* 0 for SQL NULL */
    double (*col_double)(dm_db_stmt *st, int col);
    void (*finalize)(dm_db_stmt *st);                   /* NULL is a no-op */

    dm_status (*table_exists)(dm_db *db, const char *name, bool *exists, dm_error *err);
    /* True when the database holds any table of its user: before the first
     * migration, that means the file belongs to somebody else. A backend on
     * a shared server, where other tables are normal, answers false. */
    dm_status (*has_user_tables)(dm_db *db, bool *any, dm_error *err);
    /* Apply persistent settings (SQLite: WAL) once the caller knows the
     * database is a catalog or empty. NULL when there are none. */
    dm_status (*claim)(dm_db *db, dm_error *err);
    /* True while the backend has a transaction open (it may have ended one
     * on its own after an error, e.g. SQLite on SQLITE_FULL). */
    bool (*in_transaction)(dm_db *db);
    /* Wait up to timeout_ms for notify_jobs_sql from any connection
     * (listening from the first call on); *woken tells whether one came.
     * Call with no transaction open. NULL when notify_jobs_sql is NULL. */
    dm_status (*wait_jobs)(dm_db *db, int timeout_ms, bool *woken, dm_error *err);
    void (*close)(dm_db *db);   /* rolls back an open transaction */
} dm_db_ops;

struct dm_db {
    const dm_db_ops *ops;
    char *label;                /* what error messages call it: a path, or a URL without secrets */
    int tx_depth;               /* 0: none; 1: a transaction; >1: savepoints inside it */
};

/* Open by catalog URL: a path, "sqlite:///abs/path", "sqlite://rel/path",
 * ":memory:", or "postgres://..." / "postgresql://..." (db_postgres.c); any
 * other scheme fails with DM_ERR_ARG. */
dm_status dm_db_open(const char *url, dm_db **out, dm_error *err);
/* The same, but a missing file is not created: DM_ERR_NOT_FOUND (read-only
 * commands must not leave an empty catalog behind a mistyped path). */
dm_status dm_db_open_existing(const char *url, dm_db **out, dm_error *err);
void dm_db_close(dm_db *db);    /* NULL is a no-op */

/* PostgreSQL backend: a libpq URL plus datamap's password_file= and
 * statement_timeout= parameters (db_postgres.c). The database must exist;
 * a refused password is DM_ERR_AUTH, an unreachable server DM_ERR_IO. */
dm_status dm_db_postgres_open(const char *url, dm_db **out, dm_error *err);

/* A copy of url (malloc'ed) safe to show: the password of its user part and
 * any password= parameter replaced by "***". */
char *dm_db_redact_url(const char *url);

/* True for failures after which running the transaction again may succeed:
 * DM_ERR_CONFLICT (serialization failure, deadlock). */
static inline bool dm_db_retryable(dm_status rc)
{
    return rc == DM_ERR_CONFLICT;
}

/* SQLite backend: path is a file name or ":memory:". A missing file is
 * created mode 0600; a file that is not a SQLite database is refused with
 * DM_ERR_BACKEND and left untouched. */
dm_status dm_db_sqlite_open(const char *path, dm_db **out, dm_error *err);
/* create false: a missing file fails with DM_ERR_NOT_FOUND, nothing created. */
dm_status dm_db_sqlite_open_mode(const char *path, bool create, dm_db **out, dm_error *err);

/*
 * Transactions nest: the outermost dm_db_begin opens a write transaction, the
 * inner ones are savepoints, so a function can make its own writes atomic
 * whether or not its caller has a transaction open. dm_db_commit of the
 * outermost level commits; when that fails the transaction is rolled back.
 * dm_db_rollback undoes the innermost level only (NULL-safe, no-op when
 * nothing is open).
 */
dm_status dm_db_begin(dm_db *db, dm_error *err);
/* The same for a series of reads: one consistent snapshot and one lock
 * instead of one per statement, without blocking writers (end it with
 * dm_db_rollback). Inside a transaction it is a savepoint like dm_db_begin. */
dm_status dm_db_begin_read(dm_db *db, dm_error *err);
dm_status dm_db_commit(dm_db *db, dm_error *err);
void dm_db_rollback(dm_db *db);

/* A value to bind; build them with the DV_* macros. */
typedef enum dm_db_kind { DM_DB_NULL, DM_DB_TEXT, DM_DB_INT, DM_DB_DOUBLE } dm_db_kind;
typedef struct dm_db_val {
    dm_db_kind kind;
    const char *s;
    int64_t i;
    double d;
} dm_db_val;

#define DV_NULL ((dm_db_val){.kind = DM_DB_NULL})
#define DV_T(x) ((dm_db_val){.kind = DM_DB_TEXT, .s = (x)})   /* NULL pointer binds NULL */
#define DV_I(x) ((dm_db_val){.kind = DM_DB_INT, .i = (int64_t)(x)})
#define DV_B(x) ((dm_db_val){.kind = DM_DB_INT, .i = (x) ? 1 : 0})
#define DV_D(x) ((dm_db_val){.kind = DM_DB_DOUBLE, .d = (double)(x)})

/* Bind vals[0..n) to parameters 1..n. */
dm_status dm_db_bind_vals(dm_db_stmt *st, const dm_db_val *vals, size_t n, dm_error *err);

/* Substitute the backend's spellings into a migration script (@ID@).
 * The result is malloc'ed; free() it. */
char *dm_db_expand_ddl(dm_db *db, const char *script);

/* Every statement handle of a backend starts with this header so the
 * generic wrappers reach the ops table. */
struct dm_db_stmt {
    dm_db *db;
};

/* Thin wrappers over the ops table. */
static inline dm_status dm_db_exec(dm_db *db, const char *script, dm_error *err)
{
    return db->ops->exec(db, script, err);
}
static inline dm_status dm_db_prepare(dm_db *db, const char *sql, dm_db_stmt **out, dm_error *err)
{
    return db->ops->prepare(db, sql, out, err);
}
static inline dm_status dm_db_step(dm_db_stmt *st, bool *row, dm_error *err)
{
    return st->db->ops->step(st, row, err);
}
static inline void dm_db_reset(dm_db_stmt *st)
{
    st->db->ops->reset(st);
}
static inline bool dm_db_col_is_null(dm_db_stmt *st, int col)
{
    return st->db->ops->col_is_null(st, col);
}
static inline const char *dm_db_col_text(dm_db_stmt *st, int col)
{
    return st->db->ops->col_text(st, col);
}
static inline int64_t dm_db_col_int64(dm_db_stmt *st, int col)
{
    return st->db->ops->col_int64(st, col);
}
static inline double dm_db_col_double(dm_db_stmt *st, int col)
{
    return st->db->ops->col_double(st, col);
}
static inline void dm_db_finalize(dm_db_stmt *st)
{
    if (st != NULL)
        st->db->ops->finalize(st);
}

#endif
