/*
 * Robustness of src/formats/ on hostile input: random and mutated bytes go
 * through decompression, sniffing and every reader (bounded iterations, a
 * fixed seed so failures reproduce). Run under ASan/UBSan to catch memory
 * errors; the checks here are the invariants any caller relies on:
 * - every call returns (1, 0 or -1) and a fatal error carries a message;
 * - field.col < ncols, column names exist, pointers are readable;
 * - reading through a driver that returns a few bytes per read (so records
 *   straddle refills all the time) gives exactly the same rows, lines and
 *   warnings as reading the same bytes in one piece.
 * DM_FUZZ_SEED and DM_FUZZ_ITER (environment) run a longer, different
 * campaign by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <zlib.h>
#include <zstd.h>

#include "core/mem.h"
#include "formats/reader.h"
#include "formats/stream.h"

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;
static size_t rows_seen, fatal_seen, sniff_refused;

static uint64_t rnd(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

static size_t rnd_below(size_t n)
{
    return n ? (size_t)(rnd() % n) : 0;
}

/* A memory driver that hands out 1..7 bytes per read. */
typedef struct chunky {
    const char *data;
    size_t len, pos;
} chunky;

static ssize_t chunky_read(void *ctx, void *buf, size_t n, dm_error *err)
{
    chunky *c = ctx;
    size_t take = 1 + (c->pos * 2654435761u >> 7) % 7;
    if (take > n)
        take = n;
    if (take > c->len - c->pos)
        take = c->len - c->pos;
    memcpy(buf, c->data + c->pos, take);
    c->pos += take;
    return (ssize_t)take;
}

static dm_status chunky_seek(void *ctx, uint64_t off, dm_error *err)
{
    chunky *c = ctx;
    c->pos = off > c->len ? c->len : (size_t)off;
    return DM_OK;
}

static void chunky_close(void *ctx)
{
    free(ctx);
}

static const dm_stream_ops chunky_ops = {
    .name = "chunky", .read = chunky_read, .seek = chunky_seek, .close = chunky_close};

static dm_stream *open_chunky(const char *data, size_t len)
{
    chunky *c = dm_xcalloc(1, sizeof *c);
    c->data = data;
    c->len = len;
    return dm_stream_new(&chunky_ops, c, "fuzz", len);
}

/* Read everything; return a transcript of rows, warnings and the end. */
static char *read_all(dm_stream *s, const dm_sniff *forced, const dm_reader_limits *lim,
                      bool resync)
{
    dm_buf t = DM_BUF_INIT;
    dm_buf_append(&t, "", 0);
    dm_error err = {0};
    dm_sniff sn;
    if (forced) {
        sn = *forced;
    } else if (dm_format_sniff(s, "fuzz.dat", &sn, &err) != DM_OK) {
        assert_true(err.msg[0] != '\0');
        sniff_refused++;
        dm_buf_printf(&t, "sniff: %s\n", err.msg);
        return dm_buf_steal(&t);
    }
    dm_buf_printf(&t, "format %d delim %d header %d\n", sn.format, sn.delimiter, sn.has_header);
    dm_reader *r;
    if (dm_reader_open(s, &sn, lim, &r, &err) != DM_OK) {
        assert_true(err.msg[0] != '\0');
        dm_buf_printf(&t, "open: %s\n", err.msg);
        return dm_buf_steal(&t);
    }
    dm_row row;
    int rc;
    size_t rows = 0;
    while ((rc = dm_reader_next(r, &row, &err)) == 1) {
        size_t ncols = dm_reader_ncols(r);
        rows_seen++;
        dm_buf_printf(&t, "%llu:", (unsigned long long)row.line);
        for (size_t i = 0; i < row.nfields; i++) {
            const dm_field *f = &row.fields[i];
            assert_true(f->col < ncols);
            assert_non_null(dm_reader_colname(r, f->col));
            assert_true(f->kind <= DM_VAL_ARRAY);
            if (f->len)
                assert_non_null(f->ptr);
            dm_buf_printf(&t, "%s=", dm_reader_colname(r, f->col));
            dm_buf_append(&t, f->ptr, f->len);
            dm_buf_putc(&t, '|');
        }
        dm_buf_putc(&t, '\n');
        if (resync && ++rows == 3 && dm_stream_can_seek(s)) {
            uint64_t size = dm_stream_size(s);
            dm_status st = dm_reader_resync(r, size ? rnd_below(size + 2) : 0, &err);
            assert_true(st == DM_OK || st == DM_ERR_ARG);
            resync = false;
        }
    }
    assert_true(rc == 0 || rc == -1);
    if (rc < 0) {
        assert_true(err.msg[0] != '\0');
        fatal_seen++;
        dm_buf_printf(&t, "fatal: %s\n", err.msg);
        /* the error repeats */
        assert_int_equal(dm_reader_next(r, &row, &err), -1);
    }
    dm_buf_printf(&t, "bad %llu warning %s\n", (unsigned long long)dm_reader_bad_records(r),
                  dm_reader_warning(r) ? dm_reader_warning(r) : "-");
    dm_reader_free(r);
    return dm_buf_steal(&t);
}

/* Both ways (whole and chunky) must agree. */
static void check_input(const char *data, size_t len, const dm_sniff *forced,
                        const dm_reader_limits *lim)
{
    dm_stream *a = dm_stream_open_mem(data, len, "fuzz");
    dm_stream *b = open_chunky(data, len);
    char *ta = read_all(a, forced, lim, false);
    char *tb = read_all(b, forced, lim, false);
    assert_string_equal(ta, tb);
    free(ta);
    free(tb);
    dm_stream_close(a);
    dm_stream_close(b);
    /* now and then with a resync in the middle, which only has to survive */
    if (rnd_below(4) == 0) {
        a = dm_stream_open_mem(data, len, "fuzz");
        free(read_all(a, forced, lim, true));
        dm_stream_close(a);
    }
}

static const char *const seeds[] = {
    "id,name,email\n1,\"Doe, J\",j@example.com\n2,\"multi\nline\",\"q\"\"q\"\n3,x,y\r\n",
    "a;b;c\n1;2;3\n4;5\n6;7;8;9\n",
    "x\ty\n\"1\t2\"\t3\n",
    "{\"a\":{\"b\":[1,2,{\"c\":\"\\ud83d\\ude00\"}]},\"d\":null,\"e\":true}\n{\"a\":\"\\u00e9\"}\n",
    "[{\"id\":1,\"t\":[\"x\",\"y\"]},{\"id\":2,\"n\":{\"m\":-1.5e3}}]",
    "{\n \"k\": [ {\"v\": 1}, {\"v\": 2} ],\n \"s\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\"\n}",
    "\xef\xbb\xbfh1,h2\n\xff\xfe,\xc3\n",
};

static const char alphabet[] = ",;\t|\"\n\r{}[]:\\u0aZ \xc3\xa9\xff.-e\x01";

static void mutate(char *buf, size_t *len, size_t cap)
{
    int ops = 1 + (int)rnd_below(8);
    for (int k = 0; k < ops; k++) {
        size_t n = *len;
        switch (rnd_below(5)) {
        case 0: /* flip a byte */
            if (n)
                buf[rnd_below(n)] = (char)rnd();
            break;
        case 1: /* insert a structural character */
            if (n < cap) {
                size_t at = rnd_below(n + 1);
                memmove(buf + at + 1, buf + at, n - at);
                buf[at] = alphabet[rnd_below(sizeof alphabet - 1)];
                (*len)++;
            }
            break;
        case 2: /* delete a range */
            if (n) {
                size_t at = rnd_below(n), cnt = 1 + rnd_below(8);
                if (cnt > n - at)
                    cnt = n - at;
                memmove(buf + at, buf + at + cnt, n - at - cnt);
                *len -= cnt;
            }
            break;
        case 3: /* duplicate a range */
            if (n && n < cap) {
                size_t at = rnd_below(n), cnt = 1 + rnd_below(32);
                if (cnt > n - at)
                    cnt = n - at;
                if (cnt > cap - n)
                    cnt = cap - n;
                memmove(buf + at + cnt, buf + at, n - at);
                *len += cnt;
            }
            break;
        default: /* truncate */
            *len = rnd_below(n + 1);
            break;
        }
    }
}

static const dm_sniff forced_formats[] = {
    {DM_FMT_CSV, ',', true},
    {DM_FMT_CSV, '\t', false},
    {DM_FMT_JSONL, 0, false},
    {DM_FMT_JSON, 0, false},
};

static int iterations(int dflt)
{
    const char *e = getenv("DM_FUZZ_ITER");
    return e && atoi(e) > 0 ? atoi(e) : dflt;
}

static void test_fuzz_readers(void **state)
{
    enum { CAP = 4096 };
    const int ITER = iterations(4000);
    const char *seed_env = getenv("DM_FUZZ_SEED");
    if (seed_env && strtoull(seed_env, NULL, 10))
        rng_state = strtoull(seed_env, NULL, 10);
    char *buf = dm_xmalloc(CAP);
    dm_reader_limits small = {48, 6};
    for (int it = 0; it < ITER; it++) {
        size_t len;
        if (it % 4 == 0) {
            /* random bytes from a structural alphabet */
            len = rnd_below(300);
            for (size_t i = 0; i < len; i++)
                buf[i] = alphabet[rnd_below(sizeof alphabet - 1)];
        } else {
            const char *seed = seeds[rnd_below(sizeof seeds / sizeof seeds[0])];
            len = strlen(seed);
            memcpy(buf, seed, len);
            mutate(buf, &len, CAP);
        }
        const dm_reader_limits *lim = it % 3 == 0 ? &small : NULL;
        check_input(buf, len, NULL, lim);
        check_input(buf, len, &forced_formats[rnd_below(4)], lim);
    }
    free(buf);
    /* the inputs reached the readers and all three outcomes happened */
    assert_true(rows_seen > (size_t)ITER);
    assert_true(fatal_seen > 10);
    assert_true(sniff_refused > 10);
}

static void test_fuzz_compressed(void **state)
{
    const int ITER = iterations(4000) / 5;
    const char *plain = seeds[0];
    size_t plen = strlen(plain);
    z_stream z = {0};
    char gz[512];
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    z.next_in = (Bytef *)plain;
    z.avail_in = (uInt)plen;
    z.next_out = (Bytef *)gz;
    z.avail_out = sizeof gz;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t glen = z.total_out;
    deflateEnd(&z);
    char zs[512];
    size_t zlen = ZSTD_compress(zs, sizeof zs, plain, plen, 3);
    assert_false(ZSTD_isError(zlen));

    char buf[1024];
    for (int it = 0; it < ITER; it++) {
        size_t len = it % 2 ? glen : zlen;
        memcpy(buf, it % 2 ? gz : zs, len);
        mutate(buf, &len, sizeof buf);
        dm_stream *inner = dm_stream_open_mem(buf, len, "fuzz.gz"), *s;
        dm_error err = {0};
        dm_compression kind;
        assert_int_equal(dm_stream_decompress(inner, 1 << 20, &s, &kind, &err), DM_OK);
        char *t = read_all(s, NULL, NULL, false);
        free(t);
        dm_stream_close(s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fuzz_readers),
        cmocka_unit_test(test_fuzz_compressed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
