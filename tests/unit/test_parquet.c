/*
 * Parquet: the Thrift compact decoder, the RLE/bit-packed and delta
 * decoders, and every fixture of tests/data/parquet (three writers: DuckDB,
 * parquetjs, parquet-wasm; every codec, dictionary and plain, DELTA_* and
 * BYTE_STREAM_SPLIT, data pages v1 and v2) read back row by row against
 * expected.json, the rows the writers were given. Malformed files (cut
 * short, footer or pages overwritten) are errors naming the file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "formats/parquet_impl.h"
#include "formats/reader_impl.h"
#include "formats/thrift.h"

#define PQ_DIR DM_TEST_DATA "/parquet"

/* ---- Thrift compact protocol ---- */

static void test_thrift_struct(void **state)
{
    (void)state;
    /* struct { 1: i32 -3, 2: string "ab", 4: list<i64> [1, 300], 20: bool true, 21: struct { 1: double 0.5 } } */
    static const uint8_t msg[] = {
        0x15, 0x05,                      /* field 1 (delta 1) i32: zigzag(-3) = 5 */
        0x18, 0x02, 'a', 'b',            /* field 2 binary */
        0x29, 0x26, 0x02, 0xd8, 0x04,    /* field 4 (delta 2) list: 2 x i64: 1 -> 2, 300 -> 600 */
        0x01, 0x28,                      /* field 20 (delta 0, id as zigzag i16 40 = 20) bool true */
        0x1c, 0x17, 0, 0, 0, 0, 0, 0, 0xe0, 0x3f, 0x00,   /* field 21 struct { 1: double } */
        0x00,
    };
    dm_thrift t;
    int last = 0, id, type, et;
    dm_thrift_init(&t, msg, sizeof msg);
    assert_true(dm_thrift_field(&t, &last, &id, &type));
    assert_int_equal(id, 1);
    assert_int_equal(type, DM_TT_I32);
    assert_int_equal(dm_thrift_i32(&t), -3);
    assert_true(dm_thrift_field(&t, &last, &id, &type));
    const uint8_t *p;
    assert_int_equal(dm_thrift_binary(&t, &p), 2);
    assert_memory_equal(p, "ab", 2);
    assert_true(dm_thrift_field(&t, &last, &id, &type));
    assert_int_equal(id, 4);
    assert_int_equal(dm_thrift_list(&t, &et), 2);
    assert_int_equal(et, DM_TT_I64);
    assert_int_equal(dm_thrift_i64(&t), 1);
    assert_int_equal(dm_thrift_i64(&t), 300);
    assert_true(dm_thrift_field(&t, &last, &id, &type));
    assert_int_equal(id, 20);
    assert_true(dm_thrift_field_bool(type));
    assert_true(dm_thrift_field(&t, &last, &id, &type));
    assert_int_equal(id, 21);
    dm_thrift_skip(&t, type);
    assert_false(dm_thrift_field(&t, &last, &id, &type));
    assert_false(t.bad);
    assert_int_equal(dm_thrift_used(&t, msg), sizeof msg);

    /* every prefix is malformed: never a read past the end, always bad */
    for (size_t n = 0; n < sizeof msg - 1; n++) {
        dm_thrift_init(&t, msg, n);
        last = 0;
        while (dm_thrift_field(&t, &last, &id, &type))
            dm_thrift_skip(&t, type);
        assert_true(t.bad);
    }
}

static void test_thrift_hostile(void **state)
{
    (void)state;
    dm_thrift t;
    int last = 0, id, type;
    /* a list claiming 2^31 elements in 3 bytes */
    static const uint8_t big[] = {0x19, 0xf5, 0xff, 0xff, 0xff, 0xff, 0x07};
    dm_thrift_init(&t, big, sizeof big);
    assert_true(dm_thrift_field(&t, &last, &id, &type));
    dm_thrift_skip(&t, type);
    assert_true(t.bad);
    /* structs nested 1000 deep */
    uint8_t deep[1000];
    memset(deep, 0x1c, sizeof deep);
    dm_thrift_init(&t, deep, sizeof deep);
    last = 0;
    assert_true(dm_thrift_field(&t, &last, &id, &type));
    dm_thrift_skip(&t, type);
    assert_true(t.bad);
    /* type 13 does not exist */
    static const uint8_t badtype[] = {0x1d, 0x00};
    dm_thrift_init(&t, badtype, sizeof badtype);
    last = 0;
    assert_false(dm_thrift_field(&t, &last, &id, &type));
    assert_true(t.bad);
    /* a varint of 11 continuation bytes */
    static const uint8_t longvar[] = {0x16, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01};
    dm_thrift_init(&t, longvar, sizeof longvar);
    last = 0;
    assert_true(dm_thrift_field(&t, &last, &id, &type));
    dm_thrift_i64(&t);
    assert_true(t.bad);
}

/* ---- RLE / bit-packed hybrid, delta ---- */

static void test_rle_hybrid(void **state)
{
    (void)state;
    /* width 3: an RLE run of 4 x 5, then a bit-packed group of 8 values 0..7
     * (the spec's example: 0b10001000 0b11000110 0b11111010) */
    static const uint8_t data[] = {0x08, 0x05, 0x03, 0x88, 0xc6, 0xfa};
    pq_rle d;
    pq_rle_init(&d, data, sizeof data, 3);
    for (int i = 0; i < 4; i++)
        assert_int_equal(pq_rle_next(&d), 5);
    for (uint32_t i = 0; i < 8; i++)
        assert_int_equal(pq_rle_next(&d), i);
    assert_false(d.bad);
    pq_rle_next(&d);
    assert_true(d.bad);     /* exhausted */
    /* a bit-packed run claiming more groups than there are bytes */
    static const uint8_t short_run[] = {0x0b, 0xff};     /* 5 groups of width 3: 15 bytes, 1 there */
    pq_rle_init(&d, short_run, sizeof short_run, 3);
    assert_int_equal(pq_rle_next(&d), 7);
    assert_int_equal(pq_rle_next(&d), 7);
    pq_rle_next(&d);
    pq_rle_next(&d);
    assert_true(d.bad);
    assert_int_equal(pq_bit_width(0), 0);
    assert_int_equal(pq_bit_width(1), 1);
    assert_int_equal(pq_bit_width(2), 2);
    assert_int_equal(pq_bit_width(7), 3);
    assert_int_equal(pq_bit_width(8), 4);
}

static void test_delta(void **state)
{
    (void)state;
    /* the spec's example 1..5: block 128, 4 miniblocks, 5 values, first 1;
     * min delta 1, widths 0: all deltas are exactly 1 */
    static const uint8_t ex[] = {0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00};
    pq_delta d;
    assert_true(pq_delta_init(&d, ex, sizeof ex));
    for (int64_t i = 1; i <= 5; i++)
        assert_int_equal(pq_delta_next(&d), i);
    assert_false(d.bad);
    assert_ptr_equal(pq_delta_end(&d), ex + sizeof ex);
    pq_delta_next(&d);
    assert_true(d.bad);
    /* 7, 5, 3, 1, 2, 3, 4, 5: deltas -2 -2 -2 1 1 1 1, min -2, width 2: 0 0 0 3 3 3 3 (0 pad) */
    static const uint8_t ex2[] = {0x80, 0x01, 0x04, 0x08, 0x0e, 0x03, 0x02, 0x00, 0x00, 0x00,
                                  0xc0, 0xff, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
    assert_true(pq_delta_init(&d, ex2, sizeof ex2));
    static const int64_t want[] = {7, 5, 3, 1, 2, 3, 4, 5};
    for (size_t i = 0; i < 8; i++)
        assert_int_equal(pq_delta_next(&d), want[i]);
    assert_false(d.bad);
    /* a header whose miniblock size is not a multiple of 8 */
    static const uint8_t bad[] = {0x0c, 0x04, 0x01, 0x00};
    assert_false(pq_delta_init(&d, bad, sizeof bad));
}

static const char *cstr(dm_buf *b)
{
    dm_buf_putc(b, '\0');
    b->len--;
    return b->data;
}

static void test_show(void **state)
{
    (void)state;
    dm_buf b = DM_BUF_INIT;
    pq_leaf l = {.type = PQ_INT32, .show = PQ_SHOW_DATE};
    pq_show_int(&l, 0, &b);
    dm_buf_puts(&b, "|");
    pq_show_int(&l, -1, &b);
    dm_buf_puts(&b, "|");
    pq_show_int(&l, 19800, &b);
    assert_string_equal(cstr(&b), "1970-01-01|1969-12-31|2024-03-18");
    dm_buf_reset(&b);
    l = (pq_leaf){.type = PQ_INT64, .show = PQ_SHOW_TIMESTAMP, .unit = PQ_UNIT_MICROS};
    pq_show_int(&l, 1710678272000001LL, &b);
    assert_string_equal(cstr(&b), "2024-03-17T12:24:32.000001");
    dm_buf_reset(&b);
    l = (pq_leaf){.type = PQ_INT64, .show = PQ_SHOW_DECIMAL, .scale = 2};
    pq_show_int(&l, -5, &b);
    dm_buf_puts(&b, "|");
    pq_show_int(&l, 12345, &b);
    assert_string_equal(cstr(&b), "-0.05|123.45");
    dm_buf_reset(&b);
    static const uint8_t be[] = {0xff, 0x85};     /* -123 at scale 1 */
    l = (pq_leaf){.type = PQ_FIXED, .type_length = 2, .show = PQ_SHOW_DECIMAL, .scale = 1};
    pq_show_bytes(&l, be, 2, &b);
    assert_string_equal(cstr(&b), "-12.3");
    dm_buf_reset(&b);
    l = (pq_leaf){.type = PQ_INT32, .show = PQ_SHOW_UINT};
    pq_show_int(&l, -1, &b);
    assert_string_equal(cstr(&b), "4294967295");
    dm_buf_reset(&b);
    /* INT96: Julian day 2440589 (1970-01-02) + 1 s */
    uint8_t i96[12] = {0};
    uint64_t ns = 1000000000ull;
    uint32_t jd = 2440589;
    memcpy(i96, &ns, 8);
    memcpy(i96 + 8, &jd, 4);
    l = (pq_leaf){.type = PQ_INT96, .show = PQ_SHOW_INT96};
    pq_show_bytes(&l, i96, 12, &b);
    assert_string_equal(cstr(&b), "1970-01-02T00:00:01.000000000");
    dm_buf_free(&b);
}

/* ---- fixtures ---- */

typedef struct read_result {
    dm_status open_rc;
    int last_rc;            /* of dm_reader_next: 0 end, -1 error */
    char err[600];
    json_t *rows;           /* array of {column: text} */
} read_result;

static read_result read_file(const char *path, uint64_t plan)
{
    read_result res = {0};
    dm_error err = {0};
    dm_stream *s = NULL;
    dm_reader *r = NULL;
    dm_sniff sn;
    res.rows = json_array();
    assert_int_equal(dm_stream_open_file(path, &s, &err), DM_OK);
    if (!dm_format_sniff_binary(s, path, &sn, &err)) {
        res.open_rc = DM_ERR_FORMAT;
        snprintf(res.err, sizeof res.err, "not sniffed as a binary format");
        dm_stream_close(s);
        return res;
    }
    assert_int_equal(sn.format, DM_FMT_PARQUET);
    res.open_rc = dm_reader_open(s, &sn, NULL, &r, &err);
    if (res.open_rc != DM_OK) {
        snprintf(res.err, sizeof res.err, "%s", err.msg);
        dm_stream_close(s);
        return res;
    }
    if (plan)
        dm_reader_plan(r, plan);
    dm_row row;
    while ((res.last_rc = dm_reader_next(r, &row, &err)) == 1) {
        json_t *o = json_object();
        for (size_t i = 0; i < row.nfields; i++) {
            const dm_field *f = &row.fields[i];
            json_object_set_new(o, dm_reader_colname(r, f->col), json_stringn(f->ptr, f->len));
        }
        json_array_append_new(res.rows, o);
    }
    if (res.last_rc < 0)
        snprintf(res.err, sizeof res.err, "%s", err.msg);
    dm_reader_free(r);
    dm_stream_close(s);
    return res;
}

static const char *get(json_t *row, const char *k)
{
    json_t *v = json_object_get(row, k);
    return v ? json_string_value(v) : NULL;
}

/* Check one file's rows against expected.json. */
static void check_fixture(const char *file, json_t *expect)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", PQ_DIR, file);
    read_result res = read_file(path, 0);
    if (res.open_rc != DM_OK || res.last_rc != 0)
        fail_msg("%s: %s", file, res.err);
    assert_int_equal(json_array_size(res.rows), json_array_size(expect));
    bool duck = strncmp(file, "duckdb", 6) == 0;
    for (size_t i = 0; i < json_array_size(expect); i++) {
        json_t *e = json_array_get(expect, i), *g = json_array_get(res.rows, i);
        char want[256];
        static const char *const same[] = {"id", "first_name", "last_name", "email", "phone", "date_of_birth", "iban"};
        for (size_t k = 0; k < sizeof same / sizeof same[0]; k++) {
            const char *w = json_string_value(json_object_get(e, same[k]));
            const char *got = get(g, same[k]);
            if (w == NULL) {
                if (got != NULL)
                    fail_msg("%s row %zu %s: %s, expected none", file, i, same[k], got);
                continue;
            }
            if (got == NULL || strcmp(w, got) != 0)
                fail_msg("%s row %zu %s: %s, expected %s", file, i, same[k], got ? got : "(none)", w);
        }
        /* nested: address.city (struct), tags (list joined like a JSON array) */
        const char *city = get(g, "address.city");
        assert_non_null(city);
        assert_string_equal(city, json_string_value(json_object_get(e, "city")));
        json_t *tags = json_object_get(e, "tags");
        if (json_array_size(tags) == 0) {
            assert_null(get(g, "tags"));
        } else {
            snprintf(want, sizeof want, "%s, %s", json_string_value(json_array_get(tags, 0)),
                     json_string_value(json_array_get(tags, 1)));
            if (get(g, "tags") == NULL || strcmp(get(g, "tags"), want) != 0)
                fail_msg("%s row %zu tags: %s, expected %s", file, i, get(g, "tags"), want);
        }
        /* timestamps: "2024-03-17T12:24:32Z" written, "2024-03-17T12:24:32.000..." read */
        const char *ts = get(g, "signup_at");
        assert_non_null(ts);
        assert_memory_equal(ts, json_string_value(json_object_get(e, "signup_at")), 19);
        snprintf(want, sizeof want, "%lld", (long long)json_integer_value(json_object_get(e, "loyalty_points")));
        assert_string_equal(get(g, "loyalty_points"), want);
        assert_string_equal(get(g, "active"), json_is_true(json_object_get(e, "active")) ? "true" : "false");
        snprintf(want, sizeof want, "%g", json_number_value(json_object_get(e, "score")));
        assert_string_equal(get(g, "score"), want);
        if (duck) {
            /* DECIMAL(10,2), a MAP (attrs.key / attrs.value), a struct's own name */
            snprintf(want, sizeof want, "%.2f", (double)json_integer_value(json_object_get(e, "loyalty_points")) / 100);
            assert_string_equal(get(g, "balance"), want);
            assert_string_equal(get(g, "attrs.key"), "tier, email2");
            snprintf(want, sizeof want, "gold, %s", json_string_value(json_object_get(e, "email")));
            assert_string_equal(get(g, "attrs.value"), want);
        }
    }
    json_decref(res.rows);
}

static json_t *expected(void)
{
    json_error_t je;
    json_t *e = json_load_file(PQ_DIR "/expected.json", 0, &je);
    if (e == NULL)
        fail_msg("expected.json: %s", je.text);
    return e;
}

static void test_fixtures(void **state)
{
    (void)state;
    static const char *const files[] = {
        "duckdb_snappy.parquet", "duckdb_zstd.parquet", "duckdb_gzip.parquet", "duckdb_lz4.parquet",
        "duckdb_brotli.parquet", "duckdb_uncompressed_nodict.parquet", "duckdb_v2_zstd.parquet",
        "parquetjs_snappy_v1.parquet", "parquetjs_gzip_v2.parquet", "parquetjs_brotli_v2.parquet",
        "parquetjs_plain_v1.parquet", "wasm_snappy_v1.parquet", "wasm_zstd_v2.parquet",
        "wasm_gzip_v1_nodict.parquet", "wasm_snappy_v2_nodict.parquet", "wasm_lz4raw_v2_bss.parquet",
        "wasm_groups.parquet",
    };
    json_t *e = expected();
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        check_fixture(files[i], e);
    json_decref(e);
}

/* Column names: dotted for structs, list and map wrappers dropped. */
static void test_column_names(void **state)
{
    (void)state;
    dm_error err = {0};
    dm_stream *s;
    dm_reader *r;
    dm_sniff sn;
    assert_int_equal(dm_stream_open_file(PQ_DIR "/duckdb_snappy.parquet", &s, &err), DM_OK);
    assert_true(dm_format_sniff_binary(s, NULL, &sn, &err));
    assert_int_equal(dm_reader_open(s, &sn, NULL, &r, &err), DM_OK);
    static const char *const want[] = {"id", "first_name", "last_name", "email", "phone", "date_of_birth",
                                       "address.street", "address.city", "address.postcode", "country",
                                       "credit_card", "iban", "signup_at", "loyalty_points", "balance", "active",
                                       "score", "tags", "attrs.key", "attrs.value"};
    /* known once open, before any row: the footer holds them */
    assert_int_equal(dm_reader_ncols(r), sizeof want / sizeof want[0]);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        assert_string_equal(dm_reader_colname(r, i), want[i]);
    dm_reader_free(r);
    dm_stream_close(s);
}

/* A file cut short, a footer overwritten, pages overwritten: an error
 * naming the file, no crash (run under ASan in CI), never rows invented. */
static void write_bytes(const char *path, const uint8_t *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(p, 1, n, f), n);
    fclose(f);
}

static void test_corrupt(void **state)
{
    (void)state;
    FILE *f = fopen(PQ_DIR "/duckdb_snappy.parquet", "rb");
    assert_non_null(f);
    static uint8_t good[1 << 16], bad[1 << 16];
    size_t n = fread(good, 1, sizeof good, f);
    fclose(f);
    assert_true(n > 1000 && n < sizeof good);
    char tmp[] = "/tmp/dm_pq_XXXXXX";
    int fd = mkstemp(tmp);
    assert_true(fd >= 0);
    close(fd);

    /* cut short at many places */
    for (size_t cut = 4; cut < n; cut += n / 37) {
        write_bytes(tmp, good, cut);
        read_result res = read_file(tmp, 0);
        assert_int_not_equal(res.open_rc, DM_OK);
        assert_non_null(strstr(res.err, tmp));
        json_decref(res.rows);
    }
    /* the last 4 bytes of the footer's length point before the file */
    memcpy(bad, good, n);
    bad[n - 5] = 0x7f;
    write_bytes(tmp, bad, n);
    read_result res = read_file(tmp, 0);
    assert_int_equal(res.open_rc, DM_ERR_FORMAT);
    assert_non_null(strstr(res.err, "footer"));
    json_decref(res.rows);

    /* overwrite 16 bytes at many places: an error or rows, never a crash;
     * inside the footer or the first column's pages, an error */
    unsigned errors = 0, runs = 0;
    for (size_t at = 4; at + 16 < n - 8; at += 97) {
        memcpy(bad, good, n);
        memset(bad + at, 0xa5, 16);
        write_bytes(tmp, bad, n);
        res = read_file(tmp, 0);
        runs++;
        if (res.open_rc != DM_OK || res.last_rc < 0) {
            errors++;
            assert_non_null(strstr(res.err, tmp));
        } else {
            assert_true(json_array_size(res.rows) <= 60);
        }
        json_decref(res.rows);
    }
    assert_true(errors > runs / 4);
    remove(tmp);
}

/* A plan of N rows reads only as many row groups as it needs, spread over
 * the file; a plan of more rows than the file has reads it all. */
static void test_plan(void **state)
{
    (void)state;
    json_t *e = expected();
    /* wasm_groups: 6 row groups of 10 rows */
    read_result res = read_file(PQ_DIR "/wasm_groups.parquet", 5);
    assert_int_equal(res.last_rc, 0);
    assert_int_equal(json_array_size(res.rows), 10);
    assert_string_equal(get(json_array_get(res.rows, 0), "id"), json_string_value(json_object_get(json_array_get(e, 0), "id")));
    json_decref(res.rows);
    res = read_file(PQ_DIR "/wasm_groups.parquet", 25);     /* 3 groups: the 1st, 3rd and 5th */
    assert_int_equal(json_array_size(res.rows), 30);
    static const size_t firsts[] = {0, 20, 40};
    for (size_t k = 0; k < 3; k++)
        assert_string_equal(get(json_array_get(res.rows, k * 10), "id"),
                            json_string_value(json_object_get(json_array_get(e, firsts[k]), "id")));
    json_decref(res.rows);
    res = read_file(PQ_DIR "/wasm_groups.parquet", 1000);
    assert_int_equal(json_array_size(res.rows), 60);
    json_decref(res.rows);
    json_decref(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_thrift_struct), cmocka_unit_test(test_thrift_hostile),
        cmocka_unit_test(test_rle_hybrid),    cmocka_unit_test(test_delta),
        cmocka_unit_test(test_show),          cmocka_unit_test(test_fixtures),
        cmocka_unit_test(test_column_names),  cmocka_unit_test(test_corrupt),
        cmocka_unit_test(test_plan),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
