/*
 * The row sink's "stop" (dm_row_sink.row returning false) through the
 * source calls: a folder of big CSV files and a big SQLite table, read whole
 * and sampled. The read must deliver exactly the rows the sink took, never
 * call it again, return DM_OK, and return long before a full read would.
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
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "catalog/catalog.h"
#include "pipeline/pipeline.h"
#include "sources/source.h"

#define PARTS 4
#define ROWS_PER_PART 250000

typedef struct stopper {
    uint64_t limit;     /* stop after this many rows; UINT64_MAX: never */
    uint64_t rows;
    uint64_t late;      /* calls after the sink said stop */
    size_t problems;
} stopper;

static void s_column(void *ctx, size_t col, const char *name) {}

static bool s_row(void *ctx, const dm_field *f, size_t n)
{
    stopper *s = ctx;
    if (s->rows >= s->limit) {
        s->late++;
        return false;
    }
    s->rows++;
    return s->rows < s->limit;
}

static void s_problem(void *ctx, const char *target, const char *msg)
{
    ((stopper *)ctx)->problems++;
    print_message("problem %s: %s\n", target, msg);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Read the first table of the first asset of url with a sink that stops
 * after limit rows; the time read_rows took. */
static double read_first_table(const char *url, uint64_t rows, uint64_t limit, stopper *s)
{
    dm_source *src = NULL;
    dm_error err = {0};
    assert_int_equal(dm_source_open(url, NULL, &src, &err), DM_OK);
    dm_asset_desc *assets = NULL;
    size_t na = 0;
    assert_int_equal(dm_source_list_assets(src, &assets, &na, NULL, NULL, &err), DM_OK);
    assert_true(na >= 1);
    dm_table_desc *tables = NULL;
    size_t nt = 0;
    assert_int_equal(dm_source_list_tables(src, &assets[0], &tables, &nt, NULL, NULL, &err), DM_OK);
    assert_int_equal(nt, 1);
    memset(s, 0, sizeof *s);
    s->limit = limit;
    dm_row_sink sink = {s, s_column, s_row, s_problem, NULL, NULL, NULL};
    dm_sample_spec spec = {rows, 7, DM_ENC_AUTO};
    double t0 = now_s();
    assert_int_equal(dm_source_read_rows(src, &tables[0], &spec, &sink, &err), DM_OK);
    double secs = now_s() - t0;
    dm_table_desc_free_list(src, tables, nt);
    dm_asset_desc_free_list(assets, na);
    dm_source_close(src);
    return secs;
}

static char dir[64], db_path[64];

static int setup(void **state)
{
    snprintf(dir, sizeof dir, "/tmp/dm_stop_%d", (int)getpid());
    char sub[96], path[128];
    /* asset "estate", its subfolder "people" one table of PARTS files */
    snprintf(sub, sizeof sub, "%s/estate", dir);
    if (mkdir(dir, 0700) != 0 || mkdir(sub, 0700) != 0)
        return -1;
    snprintf(sub, sizeof sub, "%s/estate/people", dir);
    if (mkdir(sub, 0700) != 0)
        return -1;
    for (int p = 0; p < PARTS; p++) {
        snprintf(path, sizeof path, "%s/part-%d.csv", sub, p);
        FILE *f = fopen(path, "w");
        if (f == NULL)
            return -1;
        fprintf(f, "id,email,note\n");
        for (int i = 0; i < ROWS_PER_PART; i++)
            fprintf(f, "%d,user%d@example.com,row %d of part %d\n", p * ROWS_PER_PART + i, i, i, p);
        fclose(f);
    }
    snprintf(db_path, sizeof db_path, "/tmp/dm_stop_%d.db", (int)getpid());
    unlink(db_path);
    sqlite3 *db;
    if (sqlite3_open(db_path, &db) != SQLITE_OK)
        return -1;
    int rc = sqlite3_exec(db,
                          "CREATE TABLE t(id INTEGER PRIMARY KEY, email TEXT, note TEXT);"
                          "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000000)"
                          " INSERT INTO t SELECT i, 'user' || i || '@example.com', 'row ' || i FROM c;",
                          NULL, NULL, NULL);
    sqlite3_close(db);
    return rc == SQLITE_OK ? 0 : -1;
}

static int teardown(void **state)
{
    char path[128];
    for (int p = 0; p < PARTS; p++) {
        snprintf(path, sizeof path, "%s/estate/people/part-%d.csv", dir, p);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/estate/people", dir);
    rmdir(path);
    snprintf(path, sizeof path, "%s/estate", dir);
    rmdir(path);
    rmdir(dir);
    unlink(db_path);
    return 0;
}

/* Stopped reads deliver exactly `limit` rows, whole or sampled, and a
 * stopped whole read takes a small part of a full one. */
static void check_stops(const char *url, uint64_t total)
{
    stopper s;
    double full = read_first_table(url, UINT64_MAX, UINT64_MAX, &s);
    assert_int_equal(s.rows, total);
    assert_int_equal(s.problems, 0);

    double stopped = read_first_table(url, UINT64_MAX, 100, &s);
    assert_int_equal(s.rows, 100);
    assert_int_equal(s.late, 0);
    assert_int_equal(s.problems, 0);
    print_message("%s: full read %.3f s, stopped after 100 rows %.3f s\n", url, full, stopped);
    assert_true(stopped < full / 4);

    read_first_table(url, 5000, 10, &s);    /* sampled: spread reads, blocks or reservoir */
    assert_int_equal(s.rows, 10);
    assert_int_equal(s.late, 0);

    read_first_table(url, UINT64_MAX, 1, &s);   /* the very first row */
    assert_int_equal(s.rows, 1);
    assert_int_equal(s.late, 0);
}

static void test_stop_csv_folder(void **state)
{
    char url[96];
    snprintf(url, sizeof url, "file://%s", dir);
    check_stops(url, (uint64_t)PARTS * ROWS_PER_PART);
}

static void test_stop_sqlite(void **state)
{
    char url[96];
    snprintf(url, sizeof url, "sqlite://%s", db_path);
    check_stops(url, 1000000);
}

/* The pipeline with its stop flag set (SIGTERM in serve/worker): no table
 * is read or stored and the asset stays discovered; cleared, the same
 * asset is crawled. */
static void test_pipeline_stop_flag(void **state)
{
    dm_catalog *cat = NULL;
    dm_error err = {0};
    assert_int_equal(dm_catalog_open(":memory:", &cat, &err), DM_OK);
    assert_int_equal(dm_catalog_migrate(cat, &err), DM_OK);
    char url[96];
    snprintf(url, sizeof url, "file://%s", dir);
    dm_source_rec src = {0, "local", url, NULL, NULL, NULL, NULL};
    assert_int_equal(dm_catalog_source_add(cat, &src, &src.id, &err), DM_OK);
    atomic_bool stop = true;
    dm_pipeline_opts po = {.rows = 1000, .classify = {.threshold = 0.1, .min_count = 1}, .stop = &stop};
    for (int pass = 0; pass < 2; pass++) {
        dm_pipeline *p = NULL;
        assert_int_equal(dm_pipeline_new(cat, &po, "crawl", &p, &err), DM_OK);
        if (pass == 0)
            dm_pipeline_discover(p, &src);
        dm_asset_filter f = {.source = "local"};
        dm_asset_rec *assets = NULL;
        size_t na = 0;
        assert_int_equal(dm_catalog_asset_list(cat, &f, &assets, &na, &err), DM_OK);
        assert_int_equal(na, 1);
        dm_pipeline_asset(p, &src, &assets[0], true, false);
        dm_asset_list_free(assets, na);
        assert_int_equal(dm_catalog_asset_list(cat, &f, &assets, &na, &err), DM_OK);
        dm_table_rec *tables = NULL;
        size_t nt = 0;
        assert_int_equal(dm_catalog_table_list(cat, assets[0].id, &tables, &nt, &err), DM_OK);
        const dm_pipeline_stats *st = dm_pipeline_get_stats(p);
        size_t np = 0;
        const dm_problem *probs = dm_pipeline_problems(p, &np);
        if (pass == 0) {
            assert_int_equal(np, 1);    /* a stopped job is not done */
            assert_non_null(strstr(probs[0].message, "stopped before table 1 of 1"));
            assert_int_equal(st->rows_read, 0);
            assert_int_equal(nt, 0);
            assert_string_equal(assets[0].state, DM_ASSET_DISCOVERED);
        } else {
            assert_int_equal(np, 0);
            assert_true(st->rows_read >= 1000);
            assert_int_equal(nt, 1);
            assert_string_equal(assets[0].state, DM_ASSET_CATALOGED);
        }
        dm_table_list_free(tables, nt);
        dm_asset_list_free(assets, na);
        dm_pipeline_finish(p);
        dm_pipeline_free(p);
        stop = false;
    }
    dm_catalog_close(cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stop_csv_folder),
        cmocka_unit_test(test_stop_sqlite),
        cmocka_unit_test(test_pipeline_stop_flag),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
