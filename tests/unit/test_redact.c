/* core/redact: one rule for secrets in URLs and options (issue 17 item 4). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "aws/config.h"
#include "core/redact.h"
#include "sources/secret_option.h"

static bool key(const char *k)
{
    return dm_secret_key(k, strlen(k));
}

static void test_secret_keys(void **state)
{
    (void)state;
    assert_true(key("password"));
    assert_true(key("PASSWORD"));
    assert_true(key("sslpassword"));
    assert_true(key("secret_key"));
    assert_true(key("session_token"));
    assert_true(key("api_key"));
    assert_true(key("db_pwd"));
    assert_false(key("password_file"));     /* names a file holding it */
    assert_false(key("sslmode"));
    assert_false(key("sslkey"));            /* a path */
    assert_false(key("endpoint"));
    assert_false(key("user"));
}

static void test_url_has_secret(void **state)
{
    (void)state;
    assert_true(dm_url_has_secret("postgres://u:pw@h/db"));
    assert_true(dm_url_has_secret("postgres://u@h/db?sslmode=require&sslpassword=x"));
    assert_true(dm_url_has_secret("http://AKIA:s3cr3t@127.0.0.1:9000"));
    assert_true(dm_url_has_secret("mysql://u:p@w@h/db"));
    assert_false(dm_url_has_secret("postgres://u@h/db?sslmode=require&password_file=/run/pw"));
    assert_false(dm_url_has_secret("http://127.0.0.1:9000/a@b"));    /* '@' in the path */
    assert_false(dm_url_has_secret("/data/a:b@c"));
    assert_false(dm_url_has_secret(NULL));
}

static void check(const char *in, const char *want)
{
    char *got = dm_url_redact(in);
    if (strcmp(got, want) != 0)
        fail_msg("%s -> %s, expected %s", in, got, want);
    free(got);
}

static void test_url_redact(void **state)
{
    (void)state;
    check("http://AKIA:s3cr3t@127.0.0.1:9000", "http://AKIA:***@127.0.0.1:9000");
    check("postgres://u@h/db?sslpassword=x&sslmode=require#f", "postgres://u@h/db?sslpassword=***&sslmode=require#f");
    check("postgres://u:a@b@h:5432/db?token=t", "postgres://u:***@h:5432/db?token=***");
    check("sqlite:///tmp/a.db", "sqlite:///tmp/a.db");
    check("/plain/path", "/plain/path");
}

static void test_text_redact(void **state)
{
    (void)state;
    const char *url = "postgres://u:topsecret@[::1/x";
    char *got = dm_text_redact_url("bad URI: \"postgres://u:topsecret@[::1/x\" near topsecret@", url);
    assert_null(strstr(got, "topsecret"));
    assert_non_null(strstr(got, "postgres://u:***@[::1/x"));
    free(got);
    got = dm_text_redact_url("nothing to hide", "postgres://h/db");
    assert_string_equal(got, "nothing to hide");
    free(got);
}

static void test_secret_options(void **state)
{
    (void)state;
    assert_true(dm_source_secret_option("password=x"));
    assert_true(dm_source_secret_option("endpoint=http://AKIA:s3cr3t@127.0.0.1:9000"));
    assert_true(dm_source_secret_option("endpoint=http://h:9000/?X-Amz-Security-Token=t"));
    assert_false(dm_source_secret_option("endpoint=http://127.0.0.1:9000"));
    assert_false(dm_source_secret_option("password_file=/run/pw"));
}

/* An endpoint with credentials is refused, and the refusal does not show them. */
static void test_aws_endpoint_userinfo(void **state)
{
    (void)state;
    dm_aws_config cfg;
    dm_error err = {0};
    setenv("AWS_ACCESS_KEY_ID", "k", 1);
    setenv("AWS_SECRET_ACCESS_KEY", "s", 1);
    assert_int_equal(dm_aws_config_load("s3", "{\"endpoint\":\"http://AKIA:s3cr3t@127.0.0.1:9000\"}", &cfg, &err),
                     DM_ERR_ARG);
    assert_null(strstr(err.msg, "s3cr3t"));
    setenv("AWS_ENDPOINT_URL", "http://AKIA:s3cr3t@127.0.0.1:9000", 1);
    memset(&err, 0, sizeof err);
    assert_int_equal(dm_aws_config_load("s3", "{}", &cfg, &err), DM_ERR_ARG);
    assert_null(strstr(err.msg, "s3cr3t"));
    unsetenv("AWS_ENDPOINT_URL");
    assert_int_equal(dm_aws_config_load("s3", "{\"endpoint\":\"http://127.0.0.1:9000\"}", &cfg, &err), DM_OK);
    dm_aws_config_free(&cfg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_secret_keys),      cmocka_unit_test(test_url_has_secret),
        cmocka_unit_test(test_url_redact),       cmocka_unit_test(test_text_redact),
        cmocka_unit_test(test_secret_options),   cmocka_unit_test(test_aws_endpoint_userinfo),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
