/*
 * Allow lists (classify.allow.*, detect/allow.c): read from a real config
 * file, applied in the engine's verdict. Allow-listed cells leave the count
 * and the examples and are counted on the finding; exact values ignore case
 * and apply per entity or to all; patterns match the whole value found or
 * the whole cell; a column of allow-listed values only has no finding, also
 * where only the column statistic would find it; errors name the file, line,
 * key and entity or pattern.
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

#include "core/config.h"
#include "detect/engine.h"

static char *write_tmp(const char *text)
{
    char *p = strdup("/tmp/dmallow.XXXXXX");
    int fd = mkstemp(p);
    assert_true(fd >= 0);
    assert_true(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
    close(fd);
    return p;
}

/* An engine with the allow lists of this YAML. */
static dm_engine *engine_with(const char *yaml, dm_config *cfg)
{
    char *p = write_tmp(yaml);
    dm_error err = {0};
    assert_int_equal(dm_config_load(p, cfg, &err), DM_OK);
    unlink(p);
    free(p);
    dm_engine_opts o = {.allow = cfg};
    dm_engine *eng = NULL;
    if (dm_engine_new(&o, &eng, &err) != DM_OK)
        fail_msg("engine: %s", err.msg);
    return eng;
}

/* Classify cells under a column name; the detection of entity, or NULL. */
static const dm_detection *classify(dm_engine *eng, const char *column, const char *const *cells, size_t n,
                                    const char *entity, dm_detection *out)
{
    dm_colstats *cs = dm_colstats_new(eng, column);
    for (size_t i = 0; i < n; i++)
        dm_colstats_add(cs, cells[i], strlen(cells[i]));
    dm_classify_opts co = {0.1, 1};
    dm_detection det[16];
    size_t nd = dm_colstats_verdict(cs, &co, det, 16);
    dm_colstats_free(cs);
    for (size_t i = 0; i < nd; i++)
        if (strcmp(det[i].entity->name, entity) == 0) {
            *out = det[i];
            return out;
        }
    return NULL;
}

static void test_exact_values(void **state)
{
    (void)state;
    dm_config cfg;
    dm_engine *eng = engine_with("classify:\n"
                                 "  allow:\n"
                                 "    values:\n"
                                 "      EMAIL: [Noreply@Example.com, ' test@example.com ']\n"
                                 "      PHONE_NUMBER: '+1 202 555 0100'\n"
                                 "      USA_SSN: '+44 20 7946 0018'\n",
                                 &cfg);
    const char *cells[] = {"ann@corp.example", "bob@corp.example", "cy@corp.example", "noreply@example.com",
                           "NOREPLY@EXAMPLE.COM", "test@example.com", "Write to test@example.com please"};
    dm_detection d;
    assert_non_null(classify(eng, "email", cells, 7, "EMAIL", &d));
    assert_int_equal(d.matches, 3);          /* only the real addresses */
    assert_int_equal(d.allowed, 4);          /* the value found, any case, also inside text */
    assert_int_equal(d.sampled, 7);
    for (int i = 0; i < d.nexamples; i++)
        assert_null(strstr(d.examples[i], "n***@"));   /* no example of an allow-listed value */
    /* only allow-listed values: no finding */
    const char *test_only[] = {"test@example.com", "noreply@example.com", "TEST@example.com"};
    assert_null(classify(eng, "email", test_only, 3, "EMAIL", &d));
    /* a value listed for another entity is still found as this one */
    const char *phone[] = {"+44 20 7946 0018"};
    dm_detection p;
    assert_non_null(classify(eng, "phone", phone, 1, "UK_PHONE_NUMBER", &p));
    assert_int_equal(p.allowed, 0);
    dm_engine_free(eng);
    dm_config_free(&cfg);
}

static void test_patterns_and_all(void **state)
{
    (void)state;
    dm_config cfg;
    /* Ofcom's numbers for drama (020 7946 0000-0999), for every type */
    dm_engine *eng = engine_with("classify:\n"
                                 "  allow:\n"
                                 "    patterns:\n"
                                 "      all: ['\\+44 ?20 ?7946 ?0\\d{3}']\n"
                                 "      EMAIL: ['.*@example\\.(com|org)']\n",
                                 &cfg);
    const char *phones[] = {"+44 20 7946 0018", "+44 20 7946 0999", "+442079460123", "+44 113 496 0000",
                            "+44 161 496 0753"};
    dm_detection d;
    assert_non_null(classify(eng, "phone", phones, 5, "UK_PHONE_NUMBER", &d));
    assert_int_equal(d.matches, 2);
    assert_int_equal(d.allowed, 3);
    /* anchored at both ends: a longer value is not the pattern's */
    const char *mails[] = {"a@example.com", "b@example.org", "c@example.com.evil.test", "d@corp.test"};
    assert_non_null(classify(eng, "email", mails, 4, "EMAIL", &d));
    assert_int_equal(d.matches, 2);
    assert_int_equal(d.allowed, 2);
    dm_engine_free(eng);
    dm_config_free(&cfg);
}

/* A column whose name says nothing, found by the column statistic alone:
 * allow-listed cells leave that count too. */
static void test_column_statistic(void **state)
{
    (void)state;
    char yaml[4096];
    size_t o = (size_t)snprintf(yaml, sizeof yaml, "classify:\n  allow:\n    values:\n      all: [");
    char cells[40][24];
    const char *ptr[40];
    /* 40 valid UK NHS numbers (mod 11), all allow-listed */
    int made = 0;
    for (long base = 400000000; made < 40; base += 7) {
        int sum = 0;
        long v = base;
        int dg[9];
        for (int i = 8; i >= 0; i--, v /= 10)
            dg[i] = (int)(v % 10);
        for (int i = 0; i < 9; i++)
            sum += dg[i] * (10 - i);
        int check = 11 - sum % 11;
        if (check == 10)
            continue;
        if (check == 11)
            check = 0;
        snprintf(cells[made], sizeof cells[made], "%ld%d", base, check);
        ptr[made] = cells[made];
        o += (size_t)snprintf(yaml + o, sizeof yaml - o, "%s'%s'", made ? ", " : "", cells[made]);
        made++;
    }
    snprintf(yaml + o, sizeof yaml - o, "]\n");
    dm_config none = {0}, cfg;
    none.threshold = -1;
    dm_engine_opts plain = {.allow = &none};
    dm_engine *e0 = NULL;
    dm_error err = {0};
    assert_int_equal(dm_engine_new(&plain, &e0, &err), DM_OK);
    dm_detection d;
    assert_non_null(classify(e0, "field_7", ptr, 40, "UK_NATIONAL_HEALTH_SERVICE_NUMBER", &d));
    dm_engine_free(e0);
    dm_engine *eng = engine_with(yaml, &cfg);
    assert_null(classify(eng, "field_7", ptr, 40, "UK_NATIONAL_HEALTH_SERVICE_NUMBER", &d));
    dm_engine_free(eng);
    dm_config_free(&cfg);
}

static void expect_error(const char *yaml, const char *frag1, const char *frag2)
{
    char *p = write_tmp(yaml);
    dm_config cfg;
    dm_error err = {0};
    dm_status rc = dm_config_load(p, &cfg, &err);
    if (rc == DM_OK) {
        dm_engine_opts o = {.allow = &cfg};
        dm_engine *eng = NULL;
        rc = dm_engine_new(&o, &eng, &err);
        dm_engine_free(eng);
        dm_config_free(&cfg);
    }
    assert_int_equal(rc, DM_ERR_CONFIG);
    if (strstr(err.msg, p) == NULL || strstr(err.msg, frag1) == NULL || strstr(err.msg, frag2) == NULL)
        fail_msg("error '%s' lacks '%s', '%s' or '%s'", err.msg, p, frag1, frag2);
    unlink(p);
    free(p);
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("classify:\n  allow:\n    values:\n      EMAL: [a@b.example]\n", ":4: classify.allow.values.EMAL",
                 "unknown entity type 'EMAL'");
    expect_error("classify:\n  allow:\n    patterns:\n      all: ['(open']\n", ":4: classify.allow.patterns.all",
                 "'(open' is not a pattern");
    expect_error("classify:\n  allow:\n    values:\n      ALL: [x]\n", "classify.allow.values", "write all");
    expect_error("classify:\n  allow:\n    value:\n      all: [x]\n", "classify.allow.value",
                 "did you mean classify.allow.values");
    expect_error("classify:\n  allow:\n    values:\n      email: [x]\n", "classify.allow.values",
                 "not an entity type");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact_values),
        cmocka_unit_test(test_patterns_and_all),
        cmocka_unit_test(test_column_statistic),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
