/*
 * Column-parallel work (pipeline/colpar.h): every column's cells reach the
 * work function in row order, whole, one call at a time per column, with
 * any number of threads; columns that appear late (after a drain) start
 * with the row they appear in; a row bigger than a batch passes whole.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline/colpar.h"

#define MAXC 40

/* Per column: an order-sensitive hash of what arrived, and a busy flag that
 * catches two threads in one column at once. */
typedef struct seen {
    uint64_t hash[MAXC];
    uint64_t cells[MAXC];
    atomic_int busy[MAXC];
    atomic_int overlap;
} seen;

static uint64_t mix(uint64_t h, const char *p, size_t len, uint8_t kind)
{
    h = (h ^ kind) * 0x100000001b3ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)p[i]) * 0x100000001b3ull;
    return (h ^ len) * 0x100000001b3ull;
}

static void work(void *ctx, size_t col, const dm_field *cells, size_t n)
{
    seen *s = ctx;
    if (atomic_fetch_add(&s->busy[col], 1) != 0)
        atomic_store(&s->overlap, 1);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(cells[i].col, col);
        s->hash[col] = mix(s->hash[col], cells[i].ptr, cells[i].len, cells[i].kind);
        s->cells[col]++;
    }
    atomic_fetch_sub(&s->busy[col], 1);
}

/* The rows of a table: column count grows at rows 5000 and 30000 (a drain
 * first, as the pipeline does); row 20000 holds a 3 MiB cell. */
static void feed(int jobs, seen *s, size_t limit_cols)
{
    memset(s, 0, sizeof *s);
    for (size_t c = 0; c < MAXC; c++)
        s->hash[c] = 0xcbf29ce484222325ull;
    dm_colpar *cp = jobs > 0 ? dm_colpar_new(jobs, work, s) : NULL;
    size_t big = 3u << 20;
    char *huge = malloc(big);
    memset(huge, 'h', big);
    char buf[MAXC][32];
    dm_field f[MAXC];
    size_t ncols = 8;
    for (size_t r = 0; r < 40000; r++) {
        if (r == 5000 || r == 30000) {
            if (cp)
                dm_colpar_drain(cp);
            ncols += r == 5000 ? 12 : 20;
        }
        size_t n = 0;
        for (size_t c = 0; c < ncols; c++) {
            if ((r + c) % 7 == 0)
                continue;   /* a missing cell, as JSON Lines have */
            int len = snprintf(buf[c], sizeof buf[c], "%zu:%zu", r * 31 % 977, c);
            f[n] = (dm_field){(uint32_t)c, (uint8_t)(c % 3), buf[c], (size_t)len};
            if (r == 20000 && c == 3)
                f[n].ptr = huge, f[n].len = big;
            n++;
        }
        if (cp)
            dm_colpar_row(cp, f, n, limit_cols);
        else
            for (size_t i = 0; i < n; i++)
                if (f[i].col < limit_cols)
                    work(s, f[i].col, &f[i], 1);
    }
    dm_colpar_free(cp);
    free(huge);
}

static void test_same_as_one_thread(void **state)
{
    (void)state;
    static seen want, got;
    feed(0, &want, MAXC);
    assert_int_equal(want.cells[0] + want.cells[1] > 60000, 1);
    for (int jobs = 1; jobs <= 4; jobs++) {
        feed(jobs, &got, MAXC);
        assert_int_equal(atomic_load(&got.overlap), 0);
        for (size_t c = 0; c < MAXC; c++) {
            assert_int_equal(got.cells[c], want.cells[c]);
            if (got.hash[c] != want.hash[c])
                fail_msg("jobs %d: column %zu got its cells in another order", jobs, c);
        }
    }
}

static void test_columns_beyond_the_limit_are_not_given(void **state)
{
    (void)state;
    static seen got;
    feed(3, &got, 10);
    for (size_t c = 10; c < MAXC; c++)
        assert_int_equal(got.cells[c], 0);
    assert_true(got.cells[9] > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_as_one_thread),
        cmocka_unit_test(test_columns_beyond_the_limit_are_not_given),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
