/*
 * The schedule of `datamap serve` (src/server/schedule.c): slots from the
 * config, which sources the stage-wide fan-out leaves to their own slot,
 * and what is due given the scheduler's memory, across a DST change and an
 * outage.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/config.h"
#include "server/schedule.h"

static int64_t at(const char *s)
{
    struct tm tm = {0};
    assert_non_null(strptime(s, "%Y-%m-%d %H:%M", &tm));
    return (int64_t)timegm(&tm);
}

static const char *const yaml = "schedule:\n"
                                "  timezone: Europe/Berlin\n"
                                "  discover: \"0 * * * *\"\n"
                                "  classify: \"off\"\n"
                                "  sources:\n"
                                "    crm:\n"
                                "      discover: \"*/10 * * * *\"\n"
                                "      classify: \"0 7 * * *\"\n"
                                "    hr:\n"
                                "      crawl: \"off\"\n";

static void load(dm_config *cfg, dm_schedule **s)
{
    char path[] = "/tmp/dmsched.XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_true(write(fd, yaml, strlen(yaml)) == (ssize_t)strlen(yaml));
    close(fd);
    dm_error err = {0};
    if (dm_config_load(path, cfg, &err) != DM_OK)
        fail_msg("%s", err.msg);
    unlink(path);
    if (dm_schedule_new(cfg, s, &err) != DM_OK)
        fail_msg("%s", err.msg);
}

static void expect_slot(const dm_schedule *s, size_t i, const char *kind, const char *target, const char *expr)
{
    assert_true(i < s->nslots);
    assert_string_equal(s->slots[i].kind, kind);
    assert_string_equal(s->slots[i].target, target);
    assert_string_equal(s->slots[i].expr, expr);
}

static void test_schedule_new(void **state)
{
    (void)state;
    dm_config cfg;
    dm_schedule *s = NULL;
    load(&cfg, &s);
    assert_string_equal(dm_tz_name(s->tz), "Europe/Berlin");
    /* classify is off stage-wide, hr's crawl is off: no slot for either */
    assert_int_equal(s->nslots, 5);
    expect_slot(s, 0, "schedule_discover", "all", "0 * * * *");
    expect_slot(s, 1, "schedule_crawl", "all", "0 2 * * *");      /* default */
    expect_slot(s, 2, "schedule_tags", "all", "30 2 * * *");       /* default */
    expect_slot(s, 3, "schedule_discover", "crm", "*/10 * * * *");
    expect_slot(s, 4, "schedule_classify", "crm", "0 7 * * *");

    /* the "all" fan-out leaves out a source's stage that has its own expression, "off" included */
    assert_true(dm_schedule_source_owns(&cfg, "discover", "crm"));
    assert_true(dm_schedule_source_owns(&cfg, "classify", "crm"));
    assert_false(dm_schedule_source_owns(&cfg, "crawl", "crm"));
    assert_false(dm_schedule_source_owns(&cfg, "tags", "crm"));
    assert_true(dm_schedule_source_owns(&cfg, "crawl", "hr"));
    assert_false(dm_schedule_source_owns(&cfg, "discover", "hr"));
    assert_false(dm_schedule_source_owns(&cfg, "discover", "sales"));
    assert_false(dm_schedule_source_owns(&cfg, "bogus", "crm"));
    assert_false(dm_schedule_source_owns(NULL, "discover", "crm"));
    dm_schedule_free(s);
    dm_config_free(&cfg);

    /* no config: the four defaults in UTC */
    assert_int_equal(dm_schedule_new(NULL, &s, NULL), DM_OK);
    assert_null(s->tz);
    assert_int_equal(s->nslots, 4);
    expect_slot(s, 2, "schedule_classify", "all", "0 6 * * 1-5");
    assert_string_equal(dm_schedule_default("tags"), "30 2 * * *");
    assert_null(dm_schedule_default("bogus"));
    dm_schedule_free(s);

    /* the zone file vanished after the config was read */
    dm_config bad = {.schedule_timezone = (char *)"Mars/Olympus_Mons"};
    dm_error err = {0};
    s = (dm_schedule *)1;
    assert_int_equal(dm_schedule_new(&bad, &s, &err), DM_ERR_NOT_FOUND);
    assert_null(s);
    assert_non_null(strstr(err.msg, "Mars/Olympus_Mons"));
}

/* What is due at 03:05 CEST on the night the clocks go forward. */
static void test_schedule_due_dst(void **state)
{
    (void)state;
    dm_config cfg;
    dm_schedule *s = NULL;
    load(&cfg, &s);
    int64_t now = at("2026-03-29 01:05");
    int64_t last[5] = {
        at("2026-03-29 00:00"),     /* discover all, 01:00 CET: 02:00 does not exist, 03:00 CEST did */
        at("2026-03-28 01:00"),     /* crawl all "0 2": the missing 02:00 fired at the change, 01:00 UTC */
        -1,                         /* tags all: never ran */
        at("2026-03-29 00:55"),     /* crm discover: 01:55 CET; 02:00-02:50 do not exist, 03:00 CEST did */
        at("2026-03-28 06:00"),     /* crm classify "0 7": next 07:00 CEST, 05:00 UTC */
    };
    bool due[5];
    assert_int_equal(dm_schedule_due(s, last, now, due), 4);
    assert_true(due[0] && due[1] && due[2] && due[3]);
    assert_false(due[4]);
    /* just before the change nothing that ran is due */
    assert_int_equal(dm_schedule_due(s, last, at("2026-03-29 00:59"), due), 1);
    assert_true(due[2]);

    /* a scheduler ticking every 15 s over the autumn change, down from
     * 23:00 to 05:00 UTC (the repeated hour included): each slot fires once
     * for the whole outage, then on its times again */
    int64_t mem[5] = {-1, -1, -1, -1, -1};
    int fired[5] = {0};
    for (int64_t t = at("2026-10-24 12:00"); t < at("2026-10-26 12:00"); t += 15) {
        if (t >= at("2026-10-24 23:00") && t < at("2026-10-25 05:00"))
            continue;
        dm_schedule_due(s, mem, t, due);
        for (int i = 0; i < 5; i++)
            if (due[i])
                mem[i] = t, fired[i]++;
    }
    /* discover all "0 * * * *": once at the start (never ran), 13:00..22:00 on the 24th,
     * once for the outage (at 05:00, itself a slot), then every hour 06:00..11:00 next day */
    assert_int_equal(fired[0], 1 + 10 + 1 + 30);
    assert_int_equal(fired[3], 1 + 65 + 1 + 185);  /* crm "every 10 minutes", the same way */
    assert_int_equal(fired[1], 1 + 1 + 1);     /* start, outage (02:00 CEST on the 25th), 02:00 CET on the 26th */
    assert_int_equal(fired[2], 1 + 1 + 1);     /* the same for "30 2" */
    assert_int_equal(fired[4], 1 + 1 + 1);     /* start, 07:00 on the 25th and 26th */
    dm_schedule_free(s);
    dm_config_free(&cfg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schedule_new),
        cmocka_unit_test(test_schedule_due_dst),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
