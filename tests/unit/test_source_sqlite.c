/*
 * SQLite source driver (src/sources/sqlite.c) through the source calls: cell
 * cap at a UTF-8 boundary, blobs not read, rowid sampling (budget, spread,
 * no duplicates, reproducible), declared columns, options.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sources/source.h"

typedef struct collect {
    size_t ncols, rows, max_len, blobs_seen;
    int64_t ids[4096];
    bool utf8_ok;
} collect;

static void c_column(void *ctx, size_t col, const char *name)
{
    collect *c = ctx;
    if (col + 1 > c->ncols)
        c->ncols = col + 1;
}

static bool valid_utf8_end(const char *p, size_t len)
{
    /* the last sequence is complete */
    size_t i = len;
    size_t back = 0;
    while (i > 0 && ((unsigned char)p[i - 1] & 0xC0) == 0x80 && back < 4) {
        i--;
        back++;
    }
    if (i == 0)
        return back == 0;
    unsigned char lead = (unsigned char)p[i - 1];
    size_t need = lead < 0x80 ? 0 : lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
    return need == back;
}

static bool c_row(void *ctx, const dm_field *f, size_t n)
{
    collect *c = ctx;
    for (size_t i = 0; i < n; i++) {
        if (f[i].col == 0 && f[i].kind != DM_VAL_NULL && c->rows < 4096)
            c->ids[c->rows] = strtoll(f[i].ptr, NULL, 10);
        if (f[i].len > c->max_len)
            c->max_len = f[i].len;
        if (f[i].col == 2 && f[i].kind != DM_VAL_NULL)
            c->blobs_seen++;
        if (!valid_utf8_end(f[i].ptr, f[i].len))
            c->utf8_ok = false;
    }
    c->rows++;
    return true;
}

static void c_problem(void *ctx, const char *target, const char *msg) { fail_msg("problem %s: %s", target, msg); }

static char db_path[64];

static int setup(void **state)
{
    snprintf(db_path, sizeof db_path, "/tmp/dm_sqlite_unit_%d.db", (int)getpid());
    unlink(db_path);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT, pic BLOB, n NUMERIC NOT NULL);"
                                  "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 5000)"
                                  " INSERT INTO t SELECT i, CASE WHEN i % 100 = 0 THEN replace(hex(zeroblob(20000)),"
                                  " '00', 'é') ELSE 'x' || i END, zeroblob(10), i FROM c;",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    return 0;
}

static int teardown(void **state)
{
    unlink(db_path);
    return 0;
}

static void read_table(const char *options, uint64_t rows, uint64_t seed, collect *c, const dm_column_decl **cols,
                       size_t *ncols)
{
    char url[96];
    snprintf(url, sizeof url, "sqlite://%s", db_path);
    dm_source *src = NULL;
    dm_error err = {0};
    assert_int_equal(dm_source_open(url, options, &src, &err), DM_OK);
    dm_asset_desc *assets = NULL;
    size_t na = 0;
    assert_int_equal(dm_source_list_assets(src, &assets, &na, c_problem, NULL, &err), DM_OK);
    assert_int_equal(na, 1);
    dm_table_desc *tables = NULL;
    size_t nt = 0;
    assert_int_equal(dm_source_list_tables(src, &assets[0], &tables, &nt, c_problem, NULL, &err), DM_OK);
    assert_int_equal(nt, 1);
    assert_int_equal(tables[0].rows_estimate, 5000);
    if (cols) {
        assert_int_equal(dm_source_table_columns(src, &tables[0], cols, ncols, &err), DM_OK);
        assert_int_equal(*ncols, 4);
        assert_string_equal((*cols)[0].type, "bigint");
        assert_true((*cols)[0].primary_key);
        assert_string_equal((*cols)[3].type, "double");
        assert_false((*cols)[3].nullable);
    }
    memset(c, 0, sizeof *c);
    c->utf8_ok = true;
    dm_row_sink sink = {c, c_column, c_row, c_problem, NULL, NULL, NULL};
    dm_sample_spec spec = {rows, seed, DM_ENC_AUTO};
    assert_int_equal(dm_source_read_rows(src, &tables[0], &spec, &sink, &err), DM_OK);
    dm_table_desc_free_list(src, tables, nt);
    dm_asset_desc_free_list(assets, na);
    dm_source_close(src);
}

static void test_sqlite_cell_cap(void **state)
{
    collect c;
    const dm_column_decl *cols;
    size_t n;
    read_table("{\"max_cell_bytes\":\"101\"}", UINT64_MAX, 1, &c, &cols, &n);
    assert_int_equal(c.rows, 5000);
    assert_int_equal(c.ncols, 4);
    assert_true(c.max_len <= 101);
    assert_true(c.max_len >= 99);     /* 'é' is 2 bytes: 101 cuts back to 100 */
    assert_true(c.utf8_ok);
    assert_int_equal(c.blobs_seen, 0);
}

static void test_sqlite_rowid_sample(void **state)
{
    collect c, again;
    read_table(NULL, 500, 42, &c, NULL, NULL);
    assert_int_equal(c.rows, 500);
    /* increasing (no duplicates), one per stratum of 10 rowids: spread over the whole range */
    for (size_t i = 0; i < c.rows; i++) {
        if (i)
            assert_true(c.ids[i] > c.ids[i - 1]);
        assert_true(c.ids[i] > (int64_t)(i * 10) && c.ids[i] <= (int64_t)(i * 10 + 10));
    }
    read_table(NULL, 500, 42, &again, NULL, NULL);
    assert_memory_equal(c.ids, again.ids, 500 * sizeof c.ids[0]);    /* same seed, same sample */
    read_table(NULL, 500, 7, &again, NULL, NULL);
    assert_memory_not_equal(c.ids, again.ids, 500 * sizeof c.ids[0]);
}

static void test_sqlite_open_errors(void **state)
{
    dm_source *src = NULL;
    dm_error err = {0};
    assert_int_equal(dm_source_open("sqlite:///nonexistent/x.db", NULL, &src, &err), DM_ERR_NOT_FOUND);
    assert_null(src);
    char url[96];
    snprintf(url, sizeof url, "sqlite://%s", db_path);
    assert_int_equal(dm_source_open(url, "{\"bogus\":\"1\"}", &src, &err), DM_ERR_ARG);
    assert_null(src);
    assert_non_null(strstr(err.msg, "unknown option 'bogus'"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sqlite_cell_cap),
        cmocka_unit_test(test_sqlite_rowid_sample),
        cmocka_unit_test(test_sqlite_open_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
