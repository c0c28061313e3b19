/*
 * Event intake (src/server/events.c): every row of the event-kind table
 * queues runs for the sources whose URLs it concerns and no others; a
 * bucket narrows S3 matches; malformed and unknown events queue nothing.
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

#include "core/mem.h"
#include "server/service.h"

typedef struct fixture {
    char dir[64];
    char path[128];
    dm_catalog *cat;
} fixture;

static int setup(void **state)
{
    static const char *const sources[][2] = {
        {"s3a", "s3://bucket-a/prefix"}, {"s3all", "s3://"},          {"s3b", "s3://bucket-b"},
        {"ddb", "dynamodb://"},          {"pg", "postgres://u@h/db"}, {"pgl", "postgresql://u@h/db"},
        {"my", "mysql://u@h/db"},        {"local", "file:///tmp"},
    };
    fixture *fx = calloc(1, sizeof *fx);
    dm_error err = {0};
    snprintf(fx->dir, sizeof fx->dir, "/tmp/dm_test_events.XXXXXX");
    assert_non_null(mkdtemp(fx->dir));
    snprintf(fx->path, sizeof fx->path, "%s/c.db", fx->dir);
    assert_int_equal(dm_catalog_open(fx->path, &fx->cat, &err), DM_OK);
    assert_int_equal(dm_catalog_migrate(fx->cat, &err), DM_OK);
    for (size_t i = 0; i < sizeof sources / sizeof sources[0]; i++) {
        dm_source_rec s = {0, (char *)sources[i][0], (char *)sources[i][1], "{}", "{}", NULL, NULL};
        assert_int_equal(dm_catalog_source_add(fx->cat, &s, NULL, &err), DM_OK);
    }
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    char cmd[160];
    dm_catalog_close(fx->cat);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
    assert_int_equal(system(cmd), 0);
    free(fx);
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The sorted targets an event queues, "a b c"; "ERR: message" when refused. */
static char *intake(fixture *fx, const char *event)
{
    json_t *queued = NULL;
    dm_error err = {0};
    if (dm_events_intake(fx->cat, event, strlen(event), &queued, &err) != DM_OK) {
        assert_int_equal(err.code, DM_ERR_ARG);
        assert_null(queued);
        return dm_xasprintf("ERR: %s", err.msg);
    }
    const char *names[16];
    size_t n = json_array_size(queued);
    assert_true(n <= 16);
    for (size_t i = 0; i < n; i++) {
        json_t *q = json_array_get(queued, i);
        assert_string_equal(json_string_value(json_object_get(q, "kind")), "run");
        names[i] = json_string_value(json_object_get(q, "target"));
    }
    qsort(names, n, sizeof names[0], cmp_str);
    dm_buf b = DM_BUF_INIT;
    for (size_t i = 0; i < n; i++)
        dm_buf_printf(&b, "%s%s", i ? " " : "", names[i]);
    char *s = n ? dm_buf_steal(&b) : dm_xstrdup("");
    json_decref(queued);
    return s;
}

static void expect(fixture *fx, const char *event, const char *want)
{
    char *got = intake(fx, event);
    if (strcmp(got, want) != 0)
        fail_msg("event %s\n  queued: %s\n  wanted: %s", event, got, want);
    free(got);
}

static void expect_refused(fixture *fx, const char *event, const char *part)
{
    char *got = intake(fx, event);
    if (strncmp(got, "ERR: ", 5) != 0 || strstr(got, part) == NULL)
        fail_msg("event %s\n  answer: %s\n  wanted a refusal with '%s'", event, got, part);
    free(got);
}

#define EB(source, name, params)                                                                   \
    "{\"source\":\"" source "\",\"detail\":{\"eventName\":\"" name "\",\"requestParameters\":" params "}}"

static void test_each_kind_queues_the_sources_it_concerns(void **state)
{
    fixture *fx = *state;
    expect(fx, EB("aws.s3", "CreateBucket", "{\"bucketName\":\"bucket-a\"}"), "s3a s3all");
    expect(fx, EB("aws.s3", "CreateBucket", "{\"bucketName\":\"bucket-c\"}"), "s3all");
    expect(fx, EB("aws.dynamodb", "CreateTable", "{\"tableName\":\"t\"}"), "ddb");
    expect(fx, EB("aws.rds", "CreateDBInstance", "{}"), "my pg pgl");
    expect(fx, EB("aws.rds", "CreateDBCluster", "{\"dBClusterIdentifier\":\"c\"}"), "my pg pgl");
    expect(fx, EB("aws.glue", "CreateTable", "{\"databaseName\":\"d\"}"), "s3a s3all s3b");
    expect(fx,
           "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\","
           "\"s3\":{\"bucket\":{\"name\":\"bucket-b\"},\"object\":{\"key\":\"a.csv\"}}}]}",
           "s3all s3b");
}

static void test_bad_events_queue_nothing(void **state)
{
    fixture *fx = *state;
    int64_t before[4], after[4];
    dm_error err = {0};
    assert_int_equal(dm_catalog_job_counts(fx->cat, before, &err), DM_OK);
    expect_refused(fx, "not json", "not JSON");
    expect_refused(fx, "[]", "JSON object");
    expect_refused(fx, "{\"source\":\"aws.s3\"}", "not an EventBridge event");
    expect_refused(fx, "{\"source\":\"aws.s3\",\"detail\":{\"eventName\":\"CreateBucket\"}}",
                   "requestParameters missing");
    /* the unknown-event message lists the table */
    expect_refused(fx, EB("aws.s3", "DeleteBucket", "{\"bucketName\":\"b\"}"),
                   "accepted: aws.s3 CreateBucket, aws.dynamodb CreateTable, aws.rds CreateDBInstance, aws.rds "
                   "CreateDBCluster, aws.glue CreateTable, aws:s3 notifications");
    expect_refused(fx, EB("aws.s3", "CreateBucket", "{}"), "without requestParameters.bucketName");
    expect_refused(fx, EB("aws.dynamodb", "CreateTable", "{}"), "without requestParameters.tableName");
    expect_refused(fx, "{\"Records\":[{\"eventSource\":\"aws:s3\",\"s3\":{}}]}", "without s3.bucket.name");
    expect_refused(fx, "{\"Records\":[{\"eventSource\":\"aws:sqs\"}]}", "Records");
    expect_refused(fx, "{\"Records\":[]}", "Records");
    /* a notification's eventSource is not an EventBridge source, nor the reverse */
    expect_refused(fx, EB("aws:s3", "CreateBucket", "{\"bucketName\":\"b\"}"), "unknown event");
    expect_refused(fx, "{\"Records\":[{\"eventSource\":\"aws.s3\",\"s3\":{\"bucket\":{\"name\":\"b\"}}}]}", "Records");
    assert_int_equal(dm_catalog_job_counts(fx->cat, after, &err), DM_OK);
    assert_memory_equal(before, after, sizeof before);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_each_kind_queues_the_sources_it_concerns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_events_queue_nothing, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
