/*
 * The schedule: section of the config file (src/core/config.c): the time
 * zone, per-source expressions under schedule.sources, and errors that name
 * the file, the line and the key for bad expressions, unknown keys and
 * zones, and wrong nesting.
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

static char *write_tmp(const char *text)
{
    char *p = strdup("/tmp/dmcfg.XXXXXX");
    int fd = mkstemp(p);
    assert_true(fd >= 0);
    assert_true(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
    close(fd);
    return p;
}

/* Load text; it must fail with a message holding "FILE:line:" and each fragment. */
static void expect_error(const char *text, int line, const char *frag1, const char *frag2)
{
    dm_config cfg;
    dm_error err = {0};
    char *p = write_tmp(text);
    dm_status rc = dm_config_load(p, &cfg, &err);
    char where[128];
    snprintf(where, sizeof where, "%s:%d:", p, line);
    if (rc != DM_ERR_CONFIG || err.code != DM_ERR_CONFIG || strstr(err.msg, where) == NULL ||
        strstr(err.msg, frag1) == NULL || (frag2 && strstr(err.msg, frag2) == NULL))
        fail_msg("config:\n%s\ngave %d '%s'; want '%s' with '%s' and '%s'", text, rc, err.msg, where, frag1,
                 frag2 ? frag2 : "");
    /* a failed load leaves nothing behind */
    assert_null(cfg.schedule_sources);
    assert_null(cfg.schedule_timezone);
    unlink(p);
    free(p);
}

static void test_config_schedule_sources(void **state)
{
    (void)state;
    dm_config cfg;
    dm_error err = {0};
    char *p = write_tmp("catalog: x.db\n"
                        "schedule:\n"
                        "  timezone: Europe/Berlin\n"
                        "  discover: \"0 * * * *\"\n"
                        "  sources:\n"
                        "    crm:                    # a source name\n"
                        "      discover: \"*/10 * * * *\"\n"
                        "      classify: \"off\"\n"
                        "    hr:\n"
                        "      tags: \"@daily\"\n"
                        "  crawl: \"0 3 * * *\"\n"     /* after the nested block: still schedule */
                        "server:\n"
                        "  workers: 3\n");
    if (dm_config_load(p, &cfg, &err) != DM_OK)
        fail_msg("%s", err.msg);
    assert_string_equal(cfg.schedule_timezone, "Europe/Berlin");
    assert_string_equal(cfg.schedule_discover, "0 * * * *");
    assert_string_equal(cfg.schedule_crawl, "0 3 * * *");
    assert_null(cfg.schedule_classify);
    assert_int_equal(cfg.server_workers, 3);
    assert_int_equal(cfg.nschedule_sources, 2);
    const dm_config_source_schedule *crm = &cfg.schedule_sources[0], *hr = &cfg.schedule_sources[1];
    assert_string_equal(crm->source, "crm");
    assert_int_equal(crm->line, 6);
    assert_string_equal(crm->stage[0], "*/10 * * * *");
    assert_null(crm->stage[1]);
    assert_string_equal(crm->stage[2], "off");
    assert_null(crm->stage[3]);
    assert_string_equal(hr->source, "hr");
    assert_int_equal(hr->line, 9);
    assert_null(hr->stage[0]);
    assert_string_equal(hr->stage[3], "@daily");
    assert_string_equal(dm_config_schedule_stages[2], "classify");
    assert_null(dm_config_schedule_stages[DM_CONFIG_NSTAGES]);
    dm_config_free(&cfg);
    assert_null(cfg.schedule_sources);
    assert_int_equal(cfg.nschedule_sources, 0);
    unlink(p);
    free(p);

    /* no schedule: UTC and no per-source entries */
    p = write_tmp("catalog: x.db\n");
    assert_int_equal(dm_config_load(p, &cfg, &err), DM_OK);
    assert_null(cfg.schedule_timezone);
    assert_int_equal(cfg.nschedule_sources, 0);
    dm_config_free(&cfg);
    unlink(p);
    free(p);

    /* an empty mapping for a source is allowed (it changes nothing) */
    p = write_tmp("schedule:\n  sources:\n    crm: {}\n");
    assert_int_equal(dm_config_load(p, &cfg, &err), DM_OK);
    assert_int_equal(cfg.nschedule_sources, 1);
    assert_null(cfg.schedule_sources[0].stage[0]);
    dm_config_free(&cfg);
    unlink(p);
    free(p);
}

static void test_config_schedule_errors(void **state)
{
    (void)state;
    /* bad expressions, at every level, with the file, the line and the key */
    expect_error("schedule:\n  discover: \"0 25 * * *\"\n", 2, "schedule.discover", "hour 25 out of range");
    expect_error("schedule:\n  sources:\n    crm:\n      classify: \"off\"\n      discover: \"61 * * * *\"\n", 5,
                 "schedule.sources.crm.discover", "minute 61 out of range");
    expect_error("schedule:\n  sources:\n    crm:\n      tags: \"0 0 * *\"\n", 4, "schedule.sources.crm.tags",
                 "4 fields");
    /* unknown keys */
    expect_error("schedule:\n  sources:\n    crm:\n      clasify: \"off\"\n", 4,
                 "unknown key 'schedule.sources.crm.clasify'", NULL);
    expect_error("schedule:\n  timezone: UTC\n  discovr: \"off\"\n", 3, "unknown key 'schedule.discovr'", NULL);
    /* unknown and malformed zones */
    expect_error("catalog: x.db\nschedule:\n  timezone: Europe/Berln\n", 3, "schedule.timezone",
                 "unknown time zone 'Europe/Berln'");
    expect_error("schedule:\n  timezone: ../../etc/passwd\n", 2, "schedule.timezone", "../../etc/passwd");
    /* shapes */
    expect_error("schedule:\n  sources:\n    crm: \"0 * * * *\"\n", 3, "schedule.sources.crm must be a mapping",
                 NULL);
    expect_error("schedule:\n  sources: crm\n", 2, "schedule.sources must be a mapping", NULL);
    expect_error("schedule:\n  sources:\n    crm:\n      discover:\n        x: 1\n", 4, "too deeply nested", NULL);
    expect_error("classify:\n  rows:\n    x: 1\n", 2, "too deeply nested", "classify.rows");
    expect_error("schedule:\n  discover:\n    x: 1\n", 2, "too deeply nested", NULL);
    expect_error("schedule:\n  sources:\n    - crm\n", 3, "takes a single value", NULL);
    /* names */
    expect_error("schedule:\n  sources:\n    crm:\n      discover: \"off\"\n    crm:\n      tags: \"off\"\n", 5,
                 "schedule.sources.crm given twice", "line 3");
    expect_error("schedule:\n  sources:\n    all:\n      discover: \"off\"\n", 3, "'all' is reserved", NULL);
    expect_error("schedule:\n  sources:\n    a/b:\n      discover: \"off\"\n", 3, "'a/b' is not a source name",
                 NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_config_schedule_sources),
        cmocka_unit_test(test_config_schedule_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
