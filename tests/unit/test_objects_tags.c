/*
 * .datamap-tags.yaml sidecars (dm_objects_tags_yaml, src/sources/objects.c)
 * into a dm_kvlist: a flat map is read in order; nesting, sequences and a key
 * given twice are DM_ERR_FORMAT naming the file and the line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "sources/objects.h"

static dm_status parse(const char *yaml, dm_kvlist *tags, dm_error *err)
{
    return dm_objects_tags_yaml("x/.datamap-tags.yaml", yaml, strlen(yaml), tags, err);
}

static void test_flat_map(void **state)
{
    dm_kvlist tags = {0};
    dm_error err = {0};
    assert_int_equal(parse("Purpose: Billing\nowner: 'team a'\nretention: 5 years\n", &tags, &err), DM_OK);
    assert_int_equal(tags.n, 3);
    assert_string_equal(tags.v[0].key, "Purpose");
    assert_string_equal(tags.v[0].value, "Billing");
    assert_string_equal(dm_kv_get(&tags, "owner"), "team a");
    assert_string_equal(tags.v[2].value, "5 years");
    dm_kv_free(&tags);
    assert_int_equal(parse("", &tags, &err), DM_OK);
    assert_int_equal(tags.n, 0);
}

static void test_errors(void **state)
{
    dm_kvlist tags = {0};
    dm_error err = {0};
    assert_int_equal(parse("a: 1\nb:\n  c: 2\n", &tags, &err), DM_ERR_FORMAT);
    assert_non_null(strstr(err.msg, "x/.datamap-tags.yaml:3: tags must be a flat map"));
    dm_kv_free(&tags);
    assert_int_equal(parse("a: [1, 2]\n", &tags, &err), DM_ERR_FORMAT);
    dm_kv_free(&tags);
    assert_int_equal(parse("owner: a\nPurpose: b\nowner: c\n", &tags, &err), DM_ERR_FORMAT);
    assert_non_null(strstr(err.msg, ":3: tag owner given twice"));
    dm_kv_free(&tags);
    assert_int_equal(parse("a: 'unterminated\n", &tags, &err), DM_ERR_FORMAT);
    dm_kv_free(&tags);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_flat_map),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
