/*
 * Shared SQL-source logic (src/sources/sql_common.c): declared type mapping,
 * options, include/exclude globs, globs as LIKE patterns, comments as tags,
 * URL redaction, cell caps and the column-comment marker.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "sources/sql_common.h"

static void test_dm_sql_map_type(void **state)
{
    static const char *const cases[][2] = {
        {"integer", "bigint"}, {"BIGINT", "bigint"}, {"int(11) unsigned", "bigint"}, {"smallserial", "bigint"},
        {"mediumint", "bigint"}, {"tinyint(1)", "boolean"}, {"boolean", "boolean"}, {"bool", "boolean"},
        {"bit(1)", "boolean"}, {"double precision", "double"}, {"numeric(8,2)", "double"}, {"REAL", "double"},
        {"decimal(10,0)", "double"}, {"float", "double"}, {"money", "double"}, {"date", "date"},
        {"DATE", "date"}, {"timestamp without time zone", "timestamp"}, {"timestamp(3) with time zone", "timestamp"},
        {"datetime", "timestamp"}, {"time without time zone", "string"}, {"interval", "string"},
        {"point", "string"}, {"character varying(200)", "string"}, {"text", "string"}, {"uuid", "string"},
        {"jsonb", "string"}, {"bytea", "string"}, {"text[]", "array"}, {"integer[]", "array"}, {"", "string"},
        {"VARCHAR(100)", "string"}, {"BLOB", "string"}, {"enum('a','b')", "string"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = dm_sql_map_type(cases[i][0]);
        if (strcmp(got, cases[i][1]) != 0)
            fail_msg("%s -> %s, expected %s", cases[i][0], got, cases[i][1]);
    }
    assert_string_equal(dm_sql_map_type(NULL), "string");
}

static void test_dm_sql_opts_parse(void **state)
{
    dm_sql_opts o;
    dm_error err = {0};
    assert_int_equal(dm_sql_opts_parse(NULL, &o, &err), DM_OK);
    assert_false(o.views);
    assert_int_equal(o.max_cell_bytes, 4096);
    assert_int_equal(o.statement_timeout_ms, 30000);
    dm_sql_opts_free(&o);

    assert_int_equal(dm_sql_opts_parse("{\"views\":\"true\",\"include\":\"public.*, sales.c?\",\"exclude\":\"*.tmp_*\","
                                      "\"max_cell_bytes\":\"100\",\"statement_timeout\":\"250\","
                                      "\"databases\":\"app_*\"}",
                                      &o, &err),
                     DM_OK);
    assert_true(o.views);
    assert_int_equal(o.ninclude, 2);
    assert_string_equal(o.include[1], "sales.c?");
    assert_int_equal(o.max_cell_bytes, 100);
    assert_int_equal(o.statement_timeout_ms, 250);
    assert_true(dm_sql_opts_wanted(&o, "public", "customers"));
    assert_true(dm_sql_opts_wanted(&o, "sales", "c1"));
    assert_false(dm_sql_opts_wanted(&o, "sales", "c12"));
    assert_false(dm_sql_opts_wanted(&o, "public", "tmp_x"));
    assert_false(dm_sql_opts_wanted(&o, "hr", "people"));
    assert_true(dm_sql_opts_wanted_db(&o, "app_one"));
    assert_false(dm_sql_opts_wanted_db(&o, "postgres"));
    dm_sql_opts_free(&o);

    assert_int_equal(dm_sql_opts_parse("{\"view\":\"true\"}", &o, &err), DM_ERR_ARG);
    assert_non_null(strstr(err.msg, "unknown option 'view'"));
    assert_int_equal(dm_sql_opts_parse("{\"views\":\"maybe\"}", &o, &err), DM_ERR_ARG);
    assert_int_equal(dm_sql_opts_parse("{\"max_cell_bytes\":\"1x\"}", &o, &err), DM_ERR_ARG);
    assert_int_equal(dm_sql_opts_parse("{\"statement_timeout\":\"0\"}", &o, &err), DM_ERR_ARG);
    assert_int_equal(dm_sql_opts_parse("[1]", &o, &err), DM_ERR_ARG);
}

static void test_dm_sql_glob_to_like(void **state)
{
    char *s = dm_sql_glob_to_like("public.cust*_?%\\");
    assert_string_equal(s, "public.cust%\\__\\%\\\\");
    free(s);
}

static void test_dm_sql_tags_parse(void **state)
{
    dm_kvlist t = {0};
    assert_int_equal(dm_sql_tags_parse(&t, " Purpose of Processing = Billing; Data Subjects=Customers;;junk; =x"), 2);
    assert_int_equal(dm_sql_tags_parse(&t, "Data Subjects=Staff\nRetention=5 years"), 2);
    assert_int_equal(dm_sql_tags_parse(&t, "just a comment"), 0);
    assert_int_equal(dm_sql_tags_parse(&t, NULL), 0);
    assert_int_equal(t.n, 3);
    assert_string_equal(t.v[0].key, "Purpose of Processing");
    assert_string_equal(t.v[0].value, "Billing");
    assert_string_equal(dm_kv_get(&t, "Data Subjects"), "Customers"); /* the first value of a key wins */
    assert_string_equal(t.v[2].key, "Retention");
    assert_string_equal(t.v[2].value, "5 years");
    dm_kv_free(&t);
}

static void test_dm_sql_redact_url(void **state)
{
    static const char *const cases[][2] = {
        {"postgres://alice:s3cret@db.example:5432/app?sslmode=require",
         "postgres://alice:***@db.example:5432/app?sslmode=require"},
        {"postgres://alice@h/app?password=s3cret&sslmode=verify-full",
         "postgres://alice@h/app?password=***&sslmode=verify-full"},
        {"postgres://h/app?sslmode=disable&PASSWORD=x", "postgres://h/app?sslmode=disable&PASSWORD=***"},
        {"postgres://h/app?sslpassword=x&sslkey=/k.pem", "postgres://h/app?sslpassword=***&sslkey=/k.pem"},
        {"mysql://root:p%40ss@127.0.0.1:3306/shop", "mysql://root:***@127.0.0.1:3306/shop"},
        {"mysql://u:p@w@h/db", "mysql://u:***@h/db"},
        {"sqlite:///tmp/a.db", "sqlite:///tmp/a.db"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = dm_sql_redact_url(cases[i][0]);
        if (strcmp(got, cases[i][1]) != 0)
            fail_msg("%s -> %s, expected %s", cases[i][0], got, cases[i][1]);
        free(got);
    }
}

static void test_dm_sql_cell_len(void **state)
{
    assert_int_equal(dm_sql_cell_len("abcdef", 6, 10), 6);
    assert_int_equal(dm_sql_cell_len("abcdef", 6, 4), 4);
    /* "aé€" = 61 C3A9 E282AC: a cut inside a sequence backs off to its start */
    const char *s = "a\xc3\xa9\xe2\x82\xac";
    assert_int_equal(dm_sql_cell_len(s, 6, 2), 1);
    assert_int_equal(dm_sql_cell_len(s, 6, 3), 3);
    assert_int_equal(dm_sql_cell_len(s, 6, 4), 3);
    assert_int_equal(dm_sql_cell_len(s, 6, 5), 3);
}

static void test_dm_sql_comment_merge(void **state)
{
    char *s = dm_sql_comment_merge(NULL, "Sensitive Data Element | ['EMAIL']");
    assert_string_equal(s, "Sensitive Data Element | ['EMAIL']");
    free(s);
    s = dm_sql_comment_merge("Contact address", "Sensitive Data Element | ['EMAIL']");
    assert_string_equal(s, "Contact address\nSensitive Data Element | ['EMAIL']");
    free(s);
    s = dm_sql_comment_merge("Contact address\nSensitive Data Element | ['OLD']", "Sensitive Data Element | ['EMAIL']");
    assert_string_equal(s, "Contact address\nSensitive Data Element | ['EMAIL']");
    free(s);
    assert_null(dm_sql_comment_merge("Contact\nSensitive Data Element | ['EMAIL']", "Sensitive Data Element | ['EMAIL']"));
    assert_null(dm_sql_comment_merge("Contact address", NULL));
    assert_null(dm_sql_comment_merge(NULL, NULL));
    s = dm_sql_comment_merge("Sensitive Data Element | ['OLD']", NULL);
    assert_string_equal(s, "");
    free(s);
    s = dm_sql_comment_merge("Contact\nSensitive Data Element | ['OLD']", NULL);
    assert_string_equal(s, "Contact");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dm_sql_map_type),     cmocka_unit_test(test_dm_sql_opts_parse),
        cmocka_unit_test(test_dm_sql_glob_to_like), cmocka_unit_test(test_dm_sql_tags_parse),
        cmocka_unit_test(test_dm_sql_redact_url),   cmocka_unit_test(test_dm_sql_cell_len),
        cmocka_unit_test(test_dm_sql_comment_merge),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
