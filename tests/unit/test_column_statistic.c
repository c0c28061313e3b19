/*
 * The column statistic (engine.c, column_statistic): a column whose cells
 * pass a check far more often than chance holds the entity even when one
 * cell proves little and the name says nothing ("field_1" in a legacy
 * export); random numbers of the same layout, a format without a check,
 * and a name that speaks for something else do not. A column mixing the
 * national IDs of several countries gets the category as a whole
 * (NATIONAL_ID) with every type and its share.
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

/* A Spanish DNI: 8 digits and the letter of their value mod 23. */
static void dni(char out[10])
{
    unsigned long v = 0;
    for (int i = 0; i < 8; i++) {
        out[i] = (char)('0' + (i == 0 ? 1 + rnd(9) : rnd(10)));
        v = v * 10 + (unsigned long)(out[i] - '0');
    }
    out[8] = "TRWAGMYFPDXBNJZSQVHLCKE"[v % 23];
    out[9] = '\0';
}

/* A Dutch BSN: 9 digits passing the 11-test (weights 9..2, then -1). */
static void bsn(char out[10])
{
    for (;;) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            out[i] = (char)('0' + (i == 0 ? 1 + rnd(9) : rnd(10)));
            sum += (out[i] - '0') * (9 - i);
        }
        if (sum % 11 < 10) {
            out[8] = (char)('0' + sum % 11);
            out[9] = '\0';
            return;
        }
    }
}

/* The detections of a column "national_id" (or col) mixing, per 100 cells,
 * dni_pct DNIs, aadhaar_pct Aadhaar numbers, bsn_pct BSNs and the rest PESEL
 * and TCKN examples. */
static size_t mixed_column(const char *col, int dni_pct, int aadhaar_pct, int bsn_pct, dm_detection *det, size_t max)
{
    static const char *const other[] = {"44051401359", "02230109818", "90110312346", "10000000146", "12345678950"};
    dm_colstats *cs = dm_colstats_new(eng, col);
    for (int i = 0; i < 1000; i++) {
        char v[16];
        int k = i % 100;
        if (k < dni_pct)
            dni(v);
        else if (k < dni_pct + aadhaar_pct)
            twelve(v, true);
        else if (k < dni_pct + aadhaar_pct + bsn_pct)
            bsn(v);
        else
            snprintf(v, sizeof v, "%s", other[i % 5]);
        dm_colstats_add(cs, v, strlen(v));
    }
    dm_classify_opts o = {0.1, 1};
    size_t k = dm_colstats_verdict(cs, &o, det, max);
    dm_colstats_free(cs);
    return k;
}

static const dm_member *member(const dm_detection *d, const char *name)
{
    for (int i = 0; d && i < d->nmembers; i++)
        if (strcmp(d->members[i].entity->name, name) == 0)
            return &d->members[i];
    return NULL;
}

/* Issue 11 item 6: a column of several countries' national IDs gets one
 * NATIONAL_ID finding whose members are every type present, each with its
 * share, those under the threshold too; they are not findings of their own. */
static void test_mixed_national_ids(void **state)
{
    dm_detection det[16];
    size_t n = mixed_column("national_id", 60, 15, 8, det, 16);
    const dm_detection *cat = find_det(det, n, "NATIONAL_ID");
    assert_non_null(cat);
    assert_true(cat->ratio >= 0.9);
    assert_string_equal(cat->entity->category, "user.government_id.national_identification_number");
    assert_true(cat->nmembers >= 4);
    const dm_member *m = member(cat, "NETHERLANDS_CITIZEN_SERVICE_NUMBER");
    assert_non_null(m);     /* bare 9 digits, 8% of the cells: only the column tells */
    assert_true(m->ratio > 0.07 && m->ratio < 0.09);
    assert_non_null(member(cat, "SPAIN_DNI"));
    assert_non_null(member(cat, "INDIA_AADHAAR_NUMBER"));
    assert_non_null(member(cat, "POLAND_IDENTIFICATION_NUMBER"));
    /* members most first */
    for (int i = 1; i < cat->nmembers; i++)
        assert_true(cat->members[i - 1].matches >= cat->members[i].matches);
    /* above the threshold: a finding of its own too; below it: only a member */
    assert_non_null(find_det(det, n, "SPAIN_DNI"));
    assert_null(find_det(det, n, "NETHERLANDS_CITIZEN_SERVICE_NUMBER"));
    assert_null(find_det(det, n, "POLAND_IDENTIFICATION_NUMBER"));
    /* ordinary findings carry no members */
    assert_int_equal(find_det(det, n, "SPAIN_DNI")->nmembers, 0);
}

/* A PESEL: YYMMDD (19xx), 4 digits, check digit of weights 1 3 7 9. */
static void pesel(char out[12])
{
    static const int w[10] = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
    snprintf(out, 12, "%02u%02u%02u%04u", 40 + rnd(60), 1 + rnd(12), 1 + rnd(28), rnd(10000));
    int sum = 0;
    for (int i = 0; i < 10; i++)
        sum += (out[i] - '0') * w[i];
    out[10] = (char)('0' + (10 - sum % 10) % 10);
    out[11] = '\0';
}

static void test_one_kind_is_not_mixed(void **state)
{
    /* PESELs under no name: a few also pass the Belgian number's date and
     * mod 97, but only on the PESELs' own cells */
    {
        dm_detection det[16];
        dm_colstats *cs = dm_colstats_new(eng, "field_5");
        for (int i = 0; i < 2000; i++) {
            char v[12];
            pesel(v);
            dm_colstats_add(cs, v, strlen(v));
        }
        dm_classify_opts o = {0.1, 1};
        size_t n = dm_colstats_verdict(cs, &o, det, 16);
        dm_colstats_free(cs);
        assert_non_null(find_det(det, n, "POLAND_IDENTIFICATION_NUMBER"));
        assert_null(find_det(det, n, "NATIONAL_ID"));
    }
    dm_detection det[16];
    /* all DNIs, under the category's name or the type's own */
    size_t n = mixed_column("national_id", 100, 0, 0, det, 16);
    assert_non_null(find_det(det, n, "SPAIN_DNI"));
    assert_null(find_det(det, n, "NATIONAL_ID"));
    n = mixed_column("dni", 100, 0, 0, det, 16);
    assert_null(find_det(det, n, "NATIONAL_ID"));
    /* random 12-digit numbers beside the DNIs are no second kind */
    dm_colstats *cs = dm_colstats_new(eng, "national_id");
    for (int i = 0; i < 1000; i++) {
        char v[16];
        if (i % 2)
            dni(v);
        else
            twelve(v, false);
        dm_colstats_add(cs, v, strlen(v));
    }
    dm_classify_opts o = {0.1, 1};
    n = dm_colstats_verdict(cs, &o, det, 16);
    dm_colstats_free(cs);
    assert_null(find_det(det, n, "NATIONAL_ID"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_anonymous_column_of_checked_ids),
        cmocka_unit_test(test_random_numbers_are_not_ids),
        cmocka_unit_test(test_a_name_for_something_else),
        cmocka_unit_test(test_unnamed_birth_dates),
        cmocka_unit_test(test_mixed_national_ids),
        cmocka_unit_test(test_one_kind_is_not_mixed),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
