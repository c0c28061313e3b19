/*
 * The catalog's SQLite backend (src/catalog/db_sqlite.c) through its
 * interface, catalog/db.h: prepare, bind, step and read columns; nested
 * transactions and rollback; two connections on one file (busy waiting,
 * snapshots); NULLs; int64 extremes; UTF-8 byte for byte; error messages
 * that name the problem in the SQL. The catalog on top of it is
 * test_catalog.c; the SQLite *source* is test_source_sqlite.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "catalog/db.h"

typedef struct fixture {
    char dir[64];
    char path[128];     /* dir/db.sqlite */
    dm_db *db;          /* open on path, with table t */
} fixture;

static void exec_ok(dm_db *db, const char *sql)
{
    dm_error err = {0};
    if (dm_db_exec(db, sql, &err) != DM_OK)
        fail_msg("%s: %s", sql, err.msg);
}

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    dm_error err = {0};
    snprintf(fx->dir, sizeof fx->dir, "/tmp/dm_test_db_sqlite.XXXXXX");
    if (mkdtemp(fx->dir) == NULL)
        return -1;
    snprintf(fx->path, sizeof fx->path, "%s/db.sqlite", fx->dir);
    if (dm_db_open(fx->path, &fx->db, &err) != DM_OK || fx->db->ops->claim(fx->db, &err) != DM_OK)
        return -1;
    exec_ok(fx->db, "CREATE TABLE t (k TEXT PRIMARY KEY, i BIGINT, d DOUBLE PRECISION, s TEXT)");
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    dm_db_close(fx->db);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
    if (system(cmd) != 0)
        return -1;
    free(fx);
    return 0;
}

/* count(*) of t, WHERE k = key when key is not NULL. */
static int64_t count_rows(dm_db *db, const char *key)
{
    dm_error err = {0};
    dm_db_stmt *st = NULL;
    bool row = false;
    assert_int_equal(dm_db_prepare(db, key ? "SELECT count(*) FROM t WHERE k = ?" : "SELECT count(*) FROM t", &st, &err),
                     DM_OK);
    if (key)
        assert_int_equal(dm_db_bind_vals(st, (const dm_db_val[]){DV_T(key)}, 1, &err), DM_OK);
    assert_int_equal(dm_db_step(st, &row, &err), DM_OK);
    assert_true(row);
    int64_t n = dm_db_col_int64(st, 0);
    dm_db_finalize(st);
    return n;
}

static dm_status insert(dm_db *db, const char *k, int64_t i, dm_error *err)
{
    dm_db_stmt *st = NULL;
    bool row = true;
    dm_status rc = dm_db_prepare(db, "INSERT INTO t (k, i) VALUES (?, ?)", &st, err);
    if (rc == DM_OK)
        rc = dm_db_bind_vals(st, (const dm_db_val[]){DV_T(k), DV_I(i)}, 2, err);
    if (rc == DM_OK)
        rc = dm_db_step(st, &row, err);
    if (rc == DM_OK)
        assert_false(row);
    dm_db_finalize(st);
    return rc;
}

/* ---- statements ------------------------------------------------------------ */

static void test_bind_step_columns(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    dm_db_stmt *st = NULL;
    bool row = false;
    assert_int_equal(dm_db_prepare(fx->db, "INSERT INTO t (k, i, d, s) VALUES (?, ?, ?, ?)", &st, &err), DM_OK);
    assert_int_equal(dm_db_bind_vals(st, (const dm_db_val[]){DV_T("a"), DV_I(42), DV_D(0.25), DV_B(true)}, 4, &err),
                     DM_OK);
    assert_int_equal(dm_db_step(st, &row, &err), DM_OK);
    assert_false(row);      /* an INSERT is done at once */
    /* reset clears the bindings: the same statement inserts the next row */
    dm_db_reset(st);
    assert_int_equal(dm_db_bind_vals(st, (const dm_db_val[]){DV_T("b"), DV_I(-7), DV_D(-1.5), DV_T("x")}, 4, &err),
                     DM_OK);
    assert_int_equal(dm_db_step(st, &row, &err), DM_OK);
    dm_db_finalize(st);

    assert_int_equal(dm_db_prepare(fx->db, "SELECT k, i, d, s FROM t ORDER BY k", &st, &err), DM_OK);
    assert_int_equal(dm_db_step(st, &row, &err), DM_OK);
    assert_true(row);
    assert_string_equal(dm_db_col_text(st, 0), "a");
    assert_int_equal(dm_db_col_int64(st, 1), 42);
    assert_true(dm_db_col_double(st, 2) == 0.25);
    assert_string_equal(dm_db_col_text(st, 3), "1");    /* DV_B is INTEGER 1, read back as text */
    assert_int_equal(dm_db_step(st, &row, &err), DM_OK);
    assert_true(row);
    assert_string_equal(dm_db_col_text(st, 0), "b");
    assert_int_equal(dm_db_col_int64(st, 1), -7);
    assert_true(dm_db_col_double(st, 2) == -1.5);
    assert_string_equal(dm_db_col_text(st, 3), "x");
    assert_int_equal(dm_db_step(st, &row, &err), DM_OK);
    assert_false(row);
    dm_db_finalize(st);
    dm_db_finalize(NULL);   /* a no-op */
}

/* The backend keeps finalized statements for reuse: the same SQL prepared
 * twice while the first is still stepping must give two independent ones,
 * and a reused one starts without the old bindings. */
static void test_statement_reuse(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    dm_db_stmt *a = NULL, *b = NULL;
    bool row = false;
    static const char sql[] = "SELECT ? + 1";
    for (int round = 0; round < 3; round++) {
        assert_int_equal(dm_db_prepare(fx->db, sql, &a, &err), DM_OK);
        assert_int_equal(dm_db_bind_vals(a, (const dm_db_val[]){DV_I(10)}, 1, &err), DM_OK);
        assert_int_equal(dm_db_step(a, &row, &err), DM_OK);
        assert_true(row);
        assert_int_equal(dm_db_prepare(fx->db, sql, &b, &err), DM_OK);
        assert_ptr_not_equal(a, b);
        assert_int_equal(dm_db_bind_vals(b, (const dm_db_val[]){DV_I(20)}, 1, &err), DM_OK);
        assert_int_equal(dm_db_step(b, &row, &err), DM_OK);
        assert_int_equal(dm_db_col_int64(b, 0), 21);
        assert_int_equal(dm_db_col_int64(a, 0), 11);
        dm_db_finalize(b);
        dm_db_finalize(a);
    }
    assert_int_equal(dm_db_prepare(fx->db, sql, &a, &err), DM_OK);
    assert_int_equal(dm_db_step(a, &row, &err), DM_OK);
    assert_true(dm_db_col_is_null(a, 0));
    dm_db_finalize(a);
    /* more distinct statements than the cache holds still work */
    for (int i = 0; i < 100; i++) {
        char q[64];
        snprintf(q, sizeof q, "SELECT %d", i);
        assert_int_equal(dm_db_prepare(fx->db, q, &a, &err), DM_OK);
        assert_int_equal(dm_db_step(a, &row, &err), DM_OK);
        assert_int_equal(dm_db_col_int64(a, 0), i);
        dm_db_finalize(a);
    }
}

static void test_nulls(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    dm_db_stmt *st = NULL;
    bool row = false;
    /* DV_NULL and DV_T(NULL) both bind SQL NULL */
    assert_int_equal(dm_db_prepare(fx->db, "INSERT INTO t (k, i, d, s) VALUES (?, ?, ?, ?)", &st, &err), DM_OK);
    assert_int_equal(dm_db_bind_vals(st, (const dm_db_val[]){DV_T("n"), DV_NULL, DV_NULL, DV_T(NULL)}, 4, &err), DM_OK);
    assert_int_equal(dm_db_step(st, &row, &err), DM_OK);
    dm_db_finalize(st);
    assert_int_equal(dm_db_prepare(fx->db, "SELECT i, d, s, s IS NULL, '' FROM t WHERE k = 'n'", &st, &err), DM_OK);
    assert_int_equal(dm_db_step(st, &row, &err), DM_OK);
    assert_true(row);
    for (int c = 0; c < 3; c++) {
        assert_true(dm_db_col_is_null(st, c));
        assert_null(dm_db_col_text(st, c));     /* NULL, not "" */
    }
    assert_int_equal(dm_db_col_int64(st, 0), 0);
    assert_true(dm_db_col_double(st, 1) == 0.0);
    assert_int_equal(dm_db_col_int64(st, 3), 1);
    /* the empty string is not NULL */
    assert_false(dm_db_col_is_null(st, 4));
    assert_string_equal(dm_db_col_text(st, 4), "");
    dm_db_finalize(st);
}

static void test_int64_extremes(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    static const int64_t vals[] = {INT64_MIN, INT64_MIN + 1, -1, 0, 1, (int64_t)1 << 53, ((int64_t)1 << 53) + 1,
                                   INT64_MAX - 1, INT64_MAX};
    char k[32];
    for (size_t n = 0; n < sizeof vals / sizeof vals[0]; n++) {
        snprintf(k, sizeof k, "v%zu", n);
        assert_int_equal(insert(fx->db, k, vals[n], &err), DM_OK);
    }
    dm_db_stmt *st = NULL;
    bool row = false;
    assert_int_equal(dm_db_prepare(fx->db, "SELECT i, typeof(i), CAST(i AS TEXT) FROM t WHERE k = ?", &st, &err), DM_OK);
    for (size_t n = 0; n < sizeof vals / sizeof vals[0]; n++) {
        snprintf(k, sizeof k, "v%zu", n);
        dm_db_reset(st);
        assert_int_equal(dm_db_bind_vals(st, (const dm_db_val[]){DV_T(k)}, 1, &err), DM_OK);
        assert_int_equal(dm_db_step(st, &row, &err), DM_OK);
        assert_true(row);
        /* exact, not through a double (2^53 + 1 would round) */
        assert_true(dm_db_col_int64(st, 0) == vals[n]);
        assert_string_equal(dm_db_col_text(st, 1), "integer");
        char want[32];
        snprintf(want, sizeof want, "%lld", (long long)vals[n]);
        assert_string_equal(dm_db_col_text(st, 2), want);
    }
    dm_db_finalize(st);
    /* the extremes as query parameters and in comparisons */
    assert_int_equal(dm_db_prepare(fx->db, "SELECT count(*) FROM t WHERE i >= ? AND i <= ?", &st, &err), DM_OK);
    assert_int_equal(dm_db_bind_vals(st, (const dm_db_val[]){DV_I(INT64_MIN), DV_I(INT64_MAX)}, 2, &err), DM_OK);
    assert_int_equal(dm_db_step(st, &row, &err), DM_OK);
    assert_int_equal(dm_db_col_int64(st, 0), (int64_t)(sizeof vals / sizeof vals[0]));
    dm_db_finalize(st);
}

/* Code points in a UTF-8 string (continuation bytes not counted). */
static int64_t code_points(const char *s)
{
    int64_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xc0) != 0x80;
    return n;
}

static void test_utf8_round_trip(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    char path[512], line[1024];
    snprintf(path, sizeof path, "%s/utf8_samples.txt", DM_TEST_DATA);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    dm_db_stmt *ins = NULL, *sel = NULL;
    bool row = false;
    int samples = 0;
    assert_int_equal(dm_db_prepare(fx->db, "INSERT INTO t (k, s) VALUES (?, ?)", &ins, &err), DM_OK);
    assert_int_equal(dm_db_prepare(fx->db, "SELECT s, length(s), length(CAST(s AS BLOB)) FROM t WHERE k = ?", &sel,
                                   &err),
                     DM_OK);
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char key[16];
        snprintf(key, sizeof key, "u%d", samples++);
        dm_db_reset(ins);
        assert_int_equal(dm_db_bind_vals(ins, (const dm_db_val[]){DV_T(key), DV_T(line)}, 2, &err), DM_OK);
        assert_int_equal(dm_db_step(ins, &row, &err), DM_OK);
        dm_db_reset(sel);
        assert_int_equal(dm_db_bind_vals(sel, (const dm_db_val[]){DV_T(key)}, 1, &err), DM_OK);
        assert_int_equal(dm_db_step(sel, &row, &err), DM_OK);
        assert_true(row);
        assert_string_equal(dm_db_col_text(sel, 0), line);                  /* byte for byte */
        assert_int_equal(dm_db_col_int64(sel, 1), code_points(line));      /* stored as UTF-8 text */
        assert_int_equal(dm_db_col_int64(sel, 2), (int64_t)strlen(line));
    }
    fclose(f);
    dm_db_finalize(ins);
    dm_db_finalize(sel);
    assert_true(samples >= 10);
    assert_int_equal(count_rows(fx->db, NULL), samples);
}

/* ---- transactions ---------------------------------------------------------- */

static void test_commit_and_rollback(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    assert_int_equal(dm_db_begin(fx->db, &err), DM_OK);
    assert_true(fx->db->ops->in_transaction(fx->db));
    assert_int_equal(insert(fx->db, "kept", 1, &err), DM_OK);
    assert_int_equal(dm_db_commit(fx->db, &err), DM_OK);
    assert_false(fx->db->ops->in_transaction(fx->db));

    assert_int_equal(dm_db_begin(fx->db, &err), DM_OK);
    assert_int_equal(insert(fx->db, "undone", 2, &err), DM_OK);
    assert_int_equal(count_rows(fx->db, "undone"), 1);      /* visible inside */
    dm_db_rollback(fx->db);
    assert_false(fx->db->ops->in_transaction(fx->db));
    assert_int_equal(count_rows(fx->db, "undone"), 0);
    assert_int_equal(count_rows(fx->db, "kept"), 1);

    /* nothing open: rollback is a no-op, commit a programming error */
    dm_db_rollback(fx->db);
    dm_db_rollback(NULL);
    assert_int_equal(dm_db_commit(fx->db, &err), DM_ERR_INTERNAL);
    assert_non_null(strstr(err.msg, "commit without a transaction"));
}

/* Inner levels are savepoints: rolling one back keeps the outer work. */
static void test_nested_transactions(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    assert_int_equal(dm_db_begin(fx->db, &err), DM_OK);
    assert_int_equal(insert(fx->db, "outer", 1, &err), DM_OK);
    assert_int_equal(dm_db_begin(fx->db, &err), DM_OK);
    assert_int_equal(fx->db->tx_depth, 2);
    assert_int_equal(insert(fx->db, "inner-undone", 2, &err), DM_OK);
    dm_db_rollback(fx->db);     /* the inner level only */
    assert_int_equal(fx->db->tx_depth, 1);
    assert_true(fx->db->ops->in_transaction(fx->db));
    assert_int_equal(dm_db_begin(fx->db, &err), DM_OK);
    assert_int_equal(insert(fx->db, "inner-kept", 3, &err), DM_OK);
    assert_int_equal(dm_db_begin_read(fx->db, &err), DM_OK);   /* a savepoint too, inside */
    assert_int_equal(fx->db->tx_depth, 3);
    assert_int_equal(dm_db_commit(fx->db, &err), DM_OK);
    assert_int_equal(dm_db_commit(fx->db, &err), DM_OK);
    assert_true(fx->db->ops->in_transaction(fx->db));          /* the outer one is still open */
    assert_int_equal(dm_db_commit(fx->db, &err), DM_OK);
    assert_int_equal(fx->db->tx_depth, 0);
    assert_false(fx->db->ops->in_transaction(fx->db));
    assert_int_equal(count_rows(fx->db, "outer"), 1);
    assert_int_equal(count_rows(fx->db, "inner-undone"), 0);
    assert_int_equal(count_rows(fx->db, "inner-kept"), 1);

    /* rolling back the outer level undoes the committed inner ones */
    assert_int_equal(dm_db_begin(fx->db, &err), DM_OK);
    assert_int_equal(dm_db_begin(fx->db, &err), DM_OK);
    assert_int_equal(insert(fx->db, "gone", 4, &err), DM_OK);
    assert_int_equal(dm_db_commit(fx->db, &err), DM_OK);
    dm_db_rollback(fx->db);
    assert_int_equal(count_rows(fx->db, "gone"), 0);
}

/* A failed statement inside a transaction leaves the transaction usable;
 * its error names the constraint. */
static void test_error_inside_transaction(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    assert_int_equal(dm_db_begin(fx->db, &err), DM_OK);
    assert_int_equal(insert(fx->db, "dup", 1, &err), DM_OK);
    assert_int_equal(insert(fx->db, "dup", 2, &err), DM_ERR_BACKEND);
    assert_non_null(strstr(err.msg, "UNIQUE constraint failed: t.k"));
    assert_non_null(strstr(err.msg, fx->path));     /* which catalog */
    assert_true(fx->db->ops->in_transaction(fx->db));
    assert_int_equal(insert(fx->db, "after", 3, &err), DM_OK);
    assert_int_equal(dm_db_commit(fx->db, &err), DM_OK);
    assert_int_equal(count_rows(fx->db, "dup"), 1);
    assert_int_equal(count_rows(fx->db, "after"), 1);
}

/* ---- two connections --------------------------------------------------------- */

typedef struct holder {
    dm_db *db;
    int hold_ms;
} holder;

static void *commit_later(void *arg)
{
    holder *h = arg;
    dm_error err = {0};
    struct timespec ts = {h->hold_ms / 1000, (long)(h->hold_ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
    if (dm_db_commit(h->db, &err) != DM_OK)
        return (void *)1;
    return NULL;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* A second writer waits for the first (busy timeout) instead of failing;
 * a reader meanwhile sees the last committed state (WAL snapshot). */
static void test_busy_writer_waits(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    dm_db *other = NULL;
    assert_int_equal(dm_db_open(fx->path, &other, &err), DM_OK);

    assert_int_equal(dm_db_begin(fx->db, &err), DM_OK);
    assert_int_equal(insert(fx->db, "first", 1, &err), DM_OK);

    /* reading does not wait for the writer and does not see its row */
    assert_int_equal(dm_db_begin_read(other, &err), DM_OK);
    assert_int_equal(count_rows(other, "first"), 0);
    dm_db_rollback(other);

    holder h = {fx->db, 300};
    pthread_t th;
    assert_int_equal(pthread_create(&th, NULL, commit_later, &h), 0);
    double t0 = now_ms();
    dm_status rc = dm_db_begin(other, &err);                /* waits for the commit */
    double waited = now_ms() - t0;
    void *ret = NULL;
    pthread_join(th, &ret);     /* before any assert, which would leave the thread running */
    if (rc != DM_OK)
        fail_msg("second writer: %s", err.msg);
    assert_null(ret);
    assert_true(waited >= 200.0);
    assert_int_equal(count_rows(other, "first"), 1);
    assert_int_equal(insert(other, "second", 2, &err), DM_OK);
    assert_int_equal(dm_db_commit(other, &err), DM_OK);
    assert_int_equal(count_rows(fx->db, "second"), 1);
    dm_db_close(other);
}

/* Closing a connection with a transaction open rolls it back and releases
 * the lock at once. */
static void test_close_rolls_back(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    dm_db *other = NULL;
    assert_int_equal(dm_db_open(fx->path, &other, &err), DM_OK);
    assert_int_equal(dm_db_begin(other, &err), DM_OK);
    assert_int_equal(insert(other, "lost", 1, &err), DM_OK);
    dm_db_close(other);
    double t0 = now_ms();
    assert_int_equal(dm_db_begin(fx->db, &err), DM_OK);
    assert_true(now_ms() - t0 < 1000.0);
    assert_int_equal(count_rows(fx->db, "lost"), 0);
    dm_db_rollback(fx->db);
}

/* ---- errors -------------------------------------------------------------------- */

static void test_error_messages(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    dm_db_stmt *st = NULL;
    bool row = false;

    /* a syntax error: the message says which statement and where */
    assert_int_equal(dm_db_prepare(fx->db, "SELEC k FROM t", &st, &err), DM_ERR_BACKEND);
    assert_null(st);
    assert_non_null(strstr(err.msg, "preparing \"SELEC k FROM t\""));
    assert_non_null(strstr(err.msg, "near \"SELEC\": syntax error"));

    /* unknown table and column are named */
    assert_int_equal(dm_db_prepare(fx->db, "SELECT k FROM nosuch", &st, &err), DM_ERR_BACKEND);
    assert_non_null(strstr(err.msg, "no such table: nosuch"));
    assert_int_equal(dm_db_prepare(fx->db, "SELECT nocol FROM t", &st, &err), DM_ERR_BACKEND);
    assert_non_null(strstr(err.msg, "no such column: nocol"));

    /* a long statement is cut in the message, not copied whole */
    char longsql[400];
    snprintf(longsql, sizeof longsql, "SELECT k FROM t WHERE %0300d = 1 AND", 0);
    assert_int_equal(dm_db_prepare(fx->db, longsql, &st, &err), DM_ERR_BACKEND);
    assert_true(strlen(err.msg) < 300);

    /* binding past the placeholders is refused */
    assert_int_equal(dm_db_prepare(fx->db, "SELECT ?", &st, &err), DM_OK);
    assert_int_equal(dm_db_bind_vals(st, (const dm_db_val[]){DV_I(1), DV_I(2)}, 2, &err), DM_ERR_BACKEND);
    assert_non_null(strstr(err.msg, "column index out of range"));
    dm_db_finalize(st);

    /* a NOT NULL constraint, at step */
    exec_ok(fx->db, "CREATE TABLE nn (v TEXT NOT NULL)");
    assert_int_equal(dm_db_prepare(fx->db, "INSERT INTO nn (v) VALUES (?)", &st, &err), DM_OK);
    assert_int_equal(dm_db_bind_vals(st, (const dm_db_val[]){DV_NULL}, 1, &err), DM_OK);
    assert_int_equal(dm_db_step(st, &row, &err), DM_ERR_BACKEND);
    assert_non_null(strstr(err.msg, "NOT NULL constraint failed: nn.v"));
    dm_db_finalize(st);

    /* a script stops at its failing statement */
    assert_int_equal(dm_db_exec(fx->db, "INSERT INTO nn VALUES ('a'); INSERT INTO nosuch VALUES (1)", &err),
                     DM_ERR_BACKEND);
    assert_non_null(strstr(err.msg, "no such table: nosuch"));
}

/* The backend's DDL spelling replaces @ID@; a file that is not SQLite is
 * refused untouched; a new file is private. */
static void test_ddl_and_files(void **state)
{
    fixture *fx = *state;
    dm_error err = {0};
    char *ddl = dm_db_expand_ddl(fx->db, "CREATE TABLE a (id @ID@, b TEXT); CREATE TABLE c (id @ID@)");
    assert_string_equal(ddl, "CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT, b TEXT); "
                             "CREATE TABLE c (id INTEGER PRIMARY KEY AUTOINCREMENT)");
    exec_ok(fx->db, ddl);
    free(ddl);

    struct stat sb;
    assert_int_equal(stat(fx->path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);

    char other[160];
    snprintf(other, sizeof other, "%s/notes.txt", fx->dir);
    FILE *f = fopen(other, "w");
    assert_non_null(f);
    static const char text[] = "these are not the pages of a database, but long enough to look like a header....\n";
    fputs(text, f);
    fclose(f);
    dm_db *db = NULL;
    assert_int_equal(dm_db_open(other, &db, &err), DM_ERR_BACKEND);
    assert_null(db);
    assert_non_null(strstr(err.msg, "is not a SQLite database"));
    assert_non_null(strstr(err.msg, other));
    char back[sizeof text + 8] = "";
    f = fopen(other, "r");
    assert_non_null(f);
    size_t n = fread(back, 1, sizeof back - 1, f);
    fclose(f);
    assert_int_equal(n, strlen(text));
    assert_string_equal(back, text);

    assert_int_equal(dm_db_open("ftp://host/db", &db, &err), DM_ERR_ARG);
    assert_non_null(strstr(err.msg, "unsupported scheme"));
    assert_int_equal(dm_db_open("sqlite://", &db, &err), DM_ERR_ARG);
    assert_non_null(strstr(err.msg, "names no file"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_bind_step_columns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_statement_reuse, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nulls, setup, teardown),
        cmocka_unit_test_setup_teardown(test_int64_extremes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_utf8_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_commit_and_rollback, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nested_transactions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_error_inside_transaction, setup, teardown),
        cmocka_unit_test_setup_teardown(test_busy_writer_waits, setup, teardown),
        cmocka_unit_test_setup_teardown(test_close_rolls_back, setup, teardown),
        cmocka_unit_test_setup_teardown(test_error_messages, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ddl_and_files, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
