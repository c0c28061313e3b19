/*
 * Placeholders (core/placeholder.h): one rule for "no value", the same in
 * the detection engine (not a sampled cell) and in schema inference (a
 * null, not a string).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/placeholder.h"
#include "detect/engine.h"
#include "pipeline/infer.h"

#define P(s) dm_is_placeholder((s), strlen(s))

static void test_the_rule(void **state)
{
    const char *const yes[] = {"", "   ", "null", "NULL", " n/a ", "N/A", "#N/A", "-", "--", "?", "none", "NaN",
                               "unknown", "Unbekannt", "k.A.", "desconocido", "não informado", "s/d", "(null)",
                               NULL};
    const char *const no[] = {"0", "no", "x", "tbd", "Anna", "n", "null island", "unknown soldier", "-1", "N/A/B",
                              NULL};
    for (const char *const *s = yes; *s; s++)
        if (!P(*s))
            fail_msg("'%s' should be a placeholder", *s);
    for (const char *const *s = no; *s; s++)
        if (P(*s))
            fail_msg("'%s' is a value", *s);
}

static void test_engine_does_not_count_them(void **state)
{
    dm_engine *eng;
    dm_error err = {0};
    assert_int_equal(dm_engine_new(NULL, &eng, &err), DM_OK);
    dm_colstats *cs = dm_colstats_new(eng, "contact");
    const char *const cells[] = {"ann@example.com", "n/a", "unknown", "-", "bob@example.org", "N/A", "k.A.",
                                 "NULL", "cy@example.net", "?", NULL};
    for (const char *const *c = cells; *c; c++)
        dm_colstats_add(cs, *c, strlen(*c));
    assert_int_equal(dm_colstats_nonempty(cs), 3);
    dm_detection det[8];
    dm_classify_opts o = {0.1, 1};
    size_t n = dm_colstats_verdict(cs, &o, det, 8);
    assert_true(n >= 1);
    assert_string_equal(det[0].entity->name, "EMAIL");
    assert_true(det[0].ratio > 0.99);
    dm_colstats_free(cs);
    dm_engine_free(eng);
}

static void test_inference_sees_nulls(void **state)
{
    dm_infer inf;
    memset(&inf, 0, sizeof inf);
    const char *const cells[] = {"12", "N/A", "7", "-", "", "unknown", "42", NULL};
    uint64_t rows = 0;
    for (const char *const *c = cells; *c; c++, rows++)
        dm_infer_add(&inf, DM_VAL_TEXT, *c, strlen(*c));
    assert_string_equal(dm_infer_type(&inf), "bigint");
    assert_true(dm_infer_nullable(&inf, rows));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_rule),
        cmocka_unit_test(test_engine_does_not_count_them),
        cmocka_unit_test(test_inference_sees_nulls),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
