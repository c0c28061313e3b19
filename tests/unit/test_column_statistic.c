/*
 * The column statistic (engine.c, column_statistic): a column whose cells
 * pass a check far more often than chance holds the entity even when one
 * cell proves little and the name says nothing ("field_1" in a legacy
 * export); random numbers of the same layout, a format without a check,
 * and a name that speaks for something else do not.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "detect/checks.h"
#include "detect/engine.h"
#include "entity_testlib.h"


static uint64_t rng = 88172645463325252ULL;

static unsigned rnd(unsigned n)
{
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return (unsigned)((rng >> 33) % n);
}

/* 12 random digits, the first 2-9; with valid true the last one makes the
 * Verhoeff check pass (an Aadhaar number), else it makes it fail. */
static void twelve(char out[13], bool valid)
{
    for (int i = 0; i < 12; i++)
        out[i] = (char)('0' + (i == 0 ? 2 + rnd(8) : rnd(10)));
    out[12] = '\0';
    for (int c = 0; c < 10; c++) {
        out[11] = (char)('0' + c);
        if (dm_verhoeff(out, 12) == valid && !(valid && dm_dummy_digits(out, 12)))
            return;
    }
}

/* Whether a column named col of n cells (share valid, the rest failing the
 * check) gets the entity. */
static bool column_gets(const char *col, const char *entity, int n, double share)
{
    int id = dm_engine_find(eng, entity);
    assert_true(id >= 0);
    dm_colstats *cs = dm_colstats_new(eng, col);
    for (int i = 0; i < n; i++) {
        char v[13];
        twelve(v, (double)i < share * n);
        dm_colstats_add(cs, v, 12);
    }
    dm_detection det[32];
    dm_classify_opts o = {0.1, 1};
    size_t k = dm_colstats_verdict(cs, &o, det, 32);
    bool got = false;
    for (size_t i = 0; i < k; i++)
        got = got || det[i].entity_id == (size_t)id;
    dm_colstats_free(cs);
    return got;
}

static void test_anonymous_column_of_checked_ids(void **state)
{
    assert_true(column_gets("field_1", "INDIA_AADHAAR_NUMBER", 2000, 1.0));
    assert_true(column_gets("col12", "INDIA_AADHAAR_NUMBER", 500, 1.0));
    assert_true(column_gets("", "INDIA_AADHAAR_NUMBER", 200, 0.7));
    assert_true(column_gets("Unnamed: 3", "INDIA_AADHAAR_NUMBER", 300, 0.9));
}

static void test_random_numbers_are_not_ids(void **state)
{
    /* numbers that fail the check, and numbers that pass it by chance */
    assert_false(column_gets("field_1", "INDIA_AADHAAR_NUMBER", 2000, 0.0));
    assert_false(column_gets("field_1", "INDIA_AADHAAR_NUMBER", 2000, 0.12));
    /* too few cells to tell */
    assert_false(column_gets("field_1", "INDIA_AADHAAR_NUMBER", 8, 1.0));
}

static void test_a_name_for_something_else(void **state)
{
    /* the statistic speaks only where the name does not */
    assert_false(column_gets("order_number", "INDIA_AADHAAR_NUMBER", 2000, 1.0));
    assert_false(column_gets("tracking_id", "INDIA_AADHAAR_NUMBER", 2000, 1.0));
}

/* Dates under a name that says nothing: DATE_OF_BIRTH when their years
 * spread as births do, not when they crowd the last years (orders, hires). */
static bool dates_are_births(int from, int to, int n)
{
    int id = dm_engine_find(eng, "DATE_OF_BIRTH");
    dm_colstats *cs = dm_colstats_new(eng, "field_16");
    for (int i = 0; i < n; i++) {
        char v[40];
        snprintf(v, sizeof v, "%02u/%02u/%04u", 1 + rnd(28), 1 + rnd(12), (unsigned)from + rnd((unsigned)(to - from + 1)));
        dm_colstats_add(cs, v, strlen(v));
    }
    dm_detection det[32];
    dm_classify_opts o = {0.1, 1};
    size_t k = dm_colstats_verdict(cs, &o, det, 32);
    bool got = false;
    for (size_t i = 0; i < k; i++)
        got = got || det[i].entity_id == (size_t)id;
    dm_colstats_free(cs);
    return got;
}

static void test_unnamed_birth_dates(void **state)
{
    assert_true(dates_are_births(1940, 2002, 500));
    assert_false(dates_are_births(2023, 2025, 500));     /* orders */
    assert_false(dates_are_births(1985, 2025, 500));     /* hires */
    assert_false(dates_are_births(1940, 2002, 10));      /* too few to tell */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_anonymous_column_of_checked_ids),
        cmocka_unit_test(test_random_numbers_are_not_ids),
        cmocka_unit_test(test_a_name_for_something_else),
        cmocka_unit_test(test_unnamed_birth_dates),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
