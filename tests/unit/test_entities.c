/*
 * Every entity of every region table, through the whole engine: each of its
 * examples must be found as the only cell of a column named after its first
 * hint, and none of its counterexamples may be found under the same name.
 * Also checks the registry itself: unique names, every entity of
 * shared/entities.txt known, required fields present, every category one
 * of detect/category.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "detect/category.h"
#include "detect/engine.h"

static dm_engine *eng;

static int setup(void **state)
{
    dm_error err = {0};
    return dm_engine_new(NULL, &eng, &err) == DM_OK ? 0 : -1;
}

static int teardown(void **state)
{
    dm_engine_free(eng);
    return 0;
}

/* Which entities one value makes a column named col hold. */
static bool found(size_t id, const char *col, const char *value)
{
    dm_colstats *cs = dm_colstats_new(eng, col);
    dm_colstats_add(cs, value, strlen(value));
    dm_detection det[16];
    dm_classify_opts o = {0.1, 1};
    size_t n = dm_colstats_verdict(cs, &o, det, 16);
    bool hit = false;
    for (size_t i = 0; i < n; i++)
        hit = hit || det[i].entity_id == id;
    dm_colstats_free(cs);
    return hit;
}

static void test_examples_found(void **state)
{
    int failures = 0, checked = 0;
    for (size_t id = 0; id < dm_engine_count(eng); id++) {
        const dm_entity_def *d = dm_engine_entity(eng, id);
        const char *col = d->hints && d->hints[0] ? d->hints[0] : "value";
        for (const char *const *ex = d->examples; ex && *ex; ex++) {
            checked++;
            if (!found(id, col, *ex)) {
                /* the value itself is not printed on purpose: examples are
                 * public test vectors, but keep the habit */
                char m[64];
                dm_mask(*ex, strlen(*ex), m, sizeof m);
                fprintf(stderr, "%s: example #%d (%s) not found under column '%s'\n", d->name,
                        (int)(ex - d->examples), m, col);
                failures++;
            }
        }
        for (const char *const *ce = d->counterexamples; ce && *ce; ce++) {
            checked++;
            if (found(id, col, *ce)) {
                fprintf(stderr, "%s: counterexample #%d '%s' found under column '%s'\n", d->name,
                        (int)(ce - d->counterexamples), *ce, col);
                failures++;
            }
        }
    }
    fprintf(stderr, "checked %d example values\n", checked);
    assert_int_equal(failures, 0);
}

static void test_registry_sane(void **state)
{
    size_t n = dm_engine_count(eng);
    size_t family_end = 0;      /* entities before this one are found by a family's finder */
    for (size_t i = 0; i < n; i++) {
        const dm_entity_def *d = dm_engine_entity(eng, i);
        if (d->find && d->family)
            family_end = i + d->family + 1;
        assert_non_null(d->region);
        assert_non_null(d->category);
        if (dm_category_find(d->category) == NULL)
            fail_msg("entity %s: category '%s' is not one of detect/category.h", d->name, d->category);
        assert_non_null(d->description);
        assert_true(d->shapes == NULL || d->validate != NULL);
        assert_true(d->shapes != NULL || d->find != NULL || i < family_end || (d->flags & DM_ENT_CATEGORY));
        assert_true(!(d->flags & DM_ENT_CATEGORY) || (d->shapes == NULL && d->find == NULL));
        for (size_t j = i + 1; j < n; j++)
            if (strcmp(d->name, dm_engine_entity(eng, j)->name) == 0)
                fail_msg("entity %s defined twice", d->name);
    }
}

static void test_only_except(void **state)
{
    dm_engine *e2 = NULL;
    dm_error err = {0};
    dm_engine_opts o = {.only = "NO_SUCH_ENTITY"};
    assert_int_equal(dm_engine_new(&o, &e2, &err), DM_ERR_ARG);
    assert_non_null(strstr(err.msg, "NO_SUCH_ENTITY"));
    assert_null(e2);
}

static void test_mask(void **state)
{
    char m[64];
    dm_mask("john.smith@example.com", 22, m, sizeof m);
    assert_string_equal(m, "j***@e***.com");
    dm_mask("123-45-6789", 11, m, sizeof m);
    assert_string_equal(m, "1**-**-****");
    dm_mask("John Smith", 10, m, sizeof m);
    assert_string_equal(m, "J*** S****");
    dm_mask("GB82 WEST 1234", 14, m, sizeof m);
    assert_string_equal(m, "G*8* W*** ****");
}

static void test_span_whole(void **state)
{
    dm_span sp;
    char norm[DM_SPAN_MAX_NORM + 1];
    assert_true(dm_span_whole("gb82 west-1234", 14, &sp, norm));
    assert_string_equal(sp.norm, "GB82WEST1234");
    assert_int_equal(sp.ngroups, 3);
    assert_int_equal(sp.glen[1], 4);
    assert_int_equal(sp.sep[2], '-');
    assert_int_equal(sp.gpos[2], 10);
    assert_false(dm_span_whole("a@b", 3, &sp, norm));
    assert_false(dm_span_whole(" 12", 3, &sp, norm));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_registry_sane),
        cmocka_unit_test(test_examples_found),
        cmocka_unit_test(test_only_except),
        cmocka_unit_test(test_mask),
        cmocka_unit_test(test_span_whole),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
