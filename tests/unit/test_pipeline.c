/*
 * Schema inference, sampling spread, configuration loading.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "core/config.h"
#include "pipeline/infer.h"
#include "sources/objects.h"

static const char *infer_all(const char *const *vals, dm_value_kind kind)
{
    static dm_infer inf;
    memset(&inf, 0, sizeof inf);
    for (; *vals; vals++)
        dm_infer_add(&inf, kind, *vals, strlen(*vals));
    return dm_infer_type(&inf);
}

static void test_infer_types(void **state)
{
    const char *ints[] = {"1", "-42", "9223372036854775807", NULL};
    const char *too_big[] = {"1", "9223372036854775808", NULL};
    const char *lead0[] = {"007", "12", NULL};
    const char *dbl[] = {"1", "2.5", "-3e10", ".5", NULL};
    const char *bools[] = {"true", "FALSE", "True", NULL};
    const char *dates[] = {"2024-01-31", "1999-12-01", NULL};
    const char *ts[] = {"2024-01-31", "2024-01-31T10:11:12Z", "2024-01-31 10:11:12.123+02:00", NULL};
    const char *bad_date[] = {"2024-13-01", NULL};
    const char *phone[] = {"+14155552671", NULL};
    const char *mixed[] = {"1", "true", NULL};
    assert_string_equal(infer_all(ints, DM_VAL_TEXT), "bigint");
    assert_string_equal(infer_all(too_big, DM_VAL_TEXT), "double");
    assert_string_equal(infer_all(lead0, DM_VAL_TEXT), "string");
    assert_string_equal(infer_all(dbl, DM_VAL_TEXT), "double");
    assert_string_equal(infer_all(bools, DM_VAL_TEXT), "boolean");
    assert_string_equal(infer_all(dates, DM_VAL_TEXT), "date");
    assert_string_equal(infer_all(ts, DM_VAL_TEXT), "timestamp");
    assert_string_equal(infer_all(bad_date, DM_VAL_TEXT), "string");
    assert_string_equal(infer_all(phone, DM_VAL_TEXT), "string");
    assert_string_equal(infer_all(mixed, DM_VAL_TEXT), "string");
    /* JSON kinds: numbers by content, strings stay strings unless dates */
    const char *jnum[] = {"3", "4.5", NULL};
    assert_string_equal(infer_all(jnum, DM_VAL_NUMBER), "double");
    const char *jstr[] = {"12", NULL};
    assert_string_equal(infer_all(jstr, DM_VAL_STRING), "string");
    const char *arr[] = {"a, b", NULL};
    assert_string_equal(infer_all(arr, DM_VAL_ARRAY), "array");
}

static void test_infer_nullable(void **state)
{
    dm_infer inf = {0};
    dm_infer_add(&inf, DM_VAL_TEXT, "1", 1);
    dm_infer_add(&inf, DM_VAL_TEXT, "2", 1);
    assert_false(dm_infer_nullable(&inf, 2));
    assert_true(dm_infer_nullable(&inf, 3));    /* a row without the column */
    dm_infer_add(&inf, DM_VAL_TEXT, "", 0);
    assert_true(dm_infer_nullable(&inf, 3));
    assert_string_equal(dm_infer_type(&inf), "bigint");
}

/* ---- sampling ----------------------------------------------------------- */

typedef struct sample_ctx {
    size_t id_col;
    long min_id, max_id;
    size_t rows;
    long ids[20000];
    int problems;
} sample_ctx;

static void s_column(void *ctx, size_t col, const char *name)
{
    sample_ctx *c = ctx;
    if (strcmp(name, "id") == 0)
        c->id_col = col;
}

static bool s_row(void *ctx, const dm_field *f, size_t n)
{
    sample_ctx *c = ctx;
    for (size_t i = 0; i < n; i++)
        if (f[i].col == c->id_col) {
            long v = strtol(f[i].ptr, NULL, 10);
            if (c->rows < 20000)
                c->ids[c->rows] = v;
            if (v < c->min_id)
                c->min_id = v;
            if (v > c->max_id)
                c->max_id = v;
        }
    c->rows++;
    return true;
}

static void s_problem(void *ctx, const char *target, const char *msg)
{
    ((sample_ctx *)ctx)->problems++;
}

static dm_status open_path(void *ctx, const dm_object *obj, dm_stream **out, dm_error *err)
{
    return dm_stream_open_file(obj->key, out, err);
}

/* 200k rows (~7 MB): a 1000-row sample must come from the whole file. */
static void sample_file(const char *path, bool gz, uint64_t rows, sample_ctx *c)
{
    char tmpl[] = "/tmp/dmsample.XXXXXX";
    int fd = mkstemp(tmpl);
    assert_true(fd >= 0);
    close(fd);
    if (gz) {
        gzFile g = gzopen(tmpl, "wb1");
        gzprintf(g, "id,payload\n");
        for (int i = 1; i <= 200000; i++)
            gzprintf(g, "%d,some text to make the row longer %d\n", i, i * 7);
        gzclose(g);
    } else {
        FILE *f = fopen(tmpl, "w");
        fprintf(f, "id,payload\n");
        for (int i = 1; i <= 200000; i++)
            fprintf(f, "%d,some text to make the row longer %d\n", i, i * 7);
        fclose(f);
    }
    FILE *f = fopen(tmpl, "rb");
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fclose(f);
    dm_object obj = {tmpl, tmpl, (uint64_t)size, NULL};
    dm_sample_spec spec = {rows, 42, DM_ENC_AUTO};
    dm_row_sink sink = {c, s_column, s_row, s_problem, NULL, NULL, NULL};
    memset(c, 0, sizeof *c);
    c->min_id = 1L << 40;
    c->max_id = -1;
    c->id_col = (size_t)-1;
    assert_int_equal(dm_objects_read_rows(&obj, 1, NULL, 0, open_path, NULL, &spec, &sink, NULL), DM_OK);
    unlink(tmpl);
    (void)path;
}

static void check_spread(const sample_ctx *c, size_t want)
{
    assert_int_equal(c->problems, 0);
    assert_true(c->rows >= want * 9 / 10 && c->rows <= want * 11 / 10);
    assert_true(c->min_id < 20000);     /* from the first tenth */
    assert_true(c->max_id > 180000);    /* and from the last tenth */
    /* and from the middle */
    int mid = 0;
    for (size_t i = 0; i < c->rows && i < 20000; i++)
        mid += c->ids[i] > 80000 && c->ids[i] < 120000;
    assert_true(mid > 0);
}

static void test_sample_blocks_spread(void **state)
{
    sample_ctx *c = calloc(1, sizeof *c);
    sample_file("plain", false, 1000, c);
    check_spread(c, 1000);
    free(c);
}

/* Compressed: a reservoir over the part (read up to DM_OBJECTS_SCAN_FACTOR
 * times the budget: 2000 x 100 covers these 200k rows). */
static void test_sample_reservoir_spread(void **state)
{
    sample_ctx *c = calloc(1, sizeof *c);
    sample_file("gzip", true, 2000, c);
    check_spread(c, 2000);
    free(c);
    /* past the bound, the sample comes from the first budget x 100 rows */
    c = calloc(1, sizeof *c);
    sample_file("gzip", true, 500, c);
    assert_int_equal(c->rows, 500);
    assert_true(c->max_id <= 50000);
    free(c);
}

static void test_sample_all(void **state)
{
    sample_ctx *c = calloc(1, sizeof *c);
    sample_file("all", false, UINT64_MAX, c);
    assert_int_equal(c->rows, 200000);
    assert_int_equal(c->min_id, 1);
    assert_int_equal(c->max_id, 200000);
    free(c);
}

/* ---- config ------------------------------------------------------------- */

static char *write_tmp(const char *text)
{
    char *p = strdup("/tmp/dmcfg.XXXXXX");
    int fd = mkstemp(p);
    assert_true(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
    close(fd);
    return p;
}

static void test_config(void **state)
{
    dm_config cfg;
    dm_error err = {0};
    char *p = write_tmp("catalog: /tmp/x.db\nclassify:\n  rows: all\n  threshold: 0.25\n  only: EMAIL\n");
    assert_int_equal(dm_config_load(p, &cfg, &err), DM_OK);
    assert_string_equal(cfg.catalog, "/tmp/x.db");
    assert_true(cfg.rows == UINT64_MAX);
    assert_true(cfg.threshold > 0.249 && cfg.threshold < 0.251);
    assert_string_equal(cfg.only, "EMAIL");
    dm_config_free(&cfg);
    unlink(p);
    free(p);

    p = write_tmp("catalog: x.db\nclassify:\n  rowz: 10\n");
    assert_int_equal(dm_config_load(p, &cfg, &err), DM_ERR_CONFIG);
    assert_non_null(strstr(err.msg, "unknown key 'classify.rowz'"));
    assert_non_null(strstr(err.msg, ":3:"));    /* names the line */
    assert_non_null(strstr(err.msg, p));        /* and the file */
    unlink(p);
    free(p);

    p = write_tmp("classify:\n  threshold: 7\n");
    assert_int_equal(dm_config_load(p, &cfg, &err), DM_ERR_CONFIG);
    assert_non_null(strstr(err.msg, "threshold"));
    unlink(p);
    free(p);

    assert_int_equal(dm_config_load("/nonexistent/datamap.yaml", &cfg, &err), DM_ERR_CONFIG);
    assert_non_null(strstr(err.msg, "/nonexistent/datamap.yaml"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_infer_types),
        cmocka_unit_test(test_infer_nullable),
        cmocka_unit_test(test_sample_blocks_spread),
        cmocka_unit_test(test_sample_reservoir_spread),
        cmocka_unit_test(test_sample_all),
        cmocka_unit_test(test_config),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
