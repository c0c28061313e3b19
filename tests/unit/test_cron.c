/*
 * Cron expressions (src/core/cron.c): parsing, next-fire times on the UTC
 * calendar, the day-of-month/day-of-week rule, and due-ness after downtime.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "core/cron.h"

/* "YYYY-MM-DD HH:MM" UTC -> epoch seconds */
static int64_t at(const char *s)
{
    struct tm tm = {0};
    assert_non_null(strptime(s, "%Y-%m-%d %H:%M", &tm));
    return (int64_t)timegm(&tm);
}

static const char *fmt(int64_t t, char buf[32])
{
    if (t < 0)
        return "never";
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(buf, 32, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

static void expect_next(const char *expr, const char *after, const char *want)
{
    dm_cron c;
    dm_error err = {0};
    char buf[32];
    if (dm_cron_parse(expr, &c, &err) != DM_OK)
        fail_msg("%s: %s", expr, err.msg);
    const char *got = fmt(dm_cron_next(&c, at(after)), buf);
    if (strcmp(got, want) != 0)
        fail_msg("'%s' after %s: got %s, want %s", expr, after, got, want);
}

static void expect_error(const char *expr, const char *fragment)
{
    dm_cron c;
    dm_error err = {0};
    if (dm_cron_parse(expr, &c, &err) == DM_OK)
        fail_msg("'%s' parsed but should not", expr);
    assert_int_equal(err.code, DM_ERR_ARG);
    if (strstr(err.msg, fragment) == NULL)
        fail_msg("'%s': message '%s' lacks '%s'", expr, err.msg, fragment);
}

static void test_cron_next_basic(void **state)
{
    (void)state;
    expect_next("0 * * * *", "2026-03-10 10:00", "2026-03-10 11:00");    /* strictly after */
    expect_next("0 * * * *", "2026-03-10 10:59", "2026-03-10 11:00");
    expect_next("0 2 * * *", "2026-03-10 02:00", "2026-03-11 02:00");
    expect_next("30 2 * * *", "2026-12-31 23:59", "2027-01-01 02:30"); /* year end */
    expect_next("* * * * *", "2026-03-10 10:00", "2026-03-10 10:01");
    /* seconds inside a minute round up to the next whole minute */
    dm_cron c;
    assert_int_equal(dm_cron_parse("* * * * *", &c, NULL), DM_OK);
    assert_int_equal(dm_cron_next(&c, at("2026-03-10 10:00") + 59), at("2026-03-10 10:01"));
}

static void test_cron_next_month_ends_and_leap_years(void **state)
{
    (void)state;
    expect_next("0 0 31 * *", "2026-01-31 00:00", "2026-03-31 00:00");  /* no 31st in February */
    expect_next("0 0 31 * *", "2026-03-31 00:00", "2026-05-31 00:00");  /* nor in April */
    expect_next("0 0 30 * *", "2026-01-30 12:00", "2026-03-30 00:00");
    expect_next("0 0 29 2 *", "2026-01-01 00:00", "2028-02-29 00:00");  /* next leap year */
    expect_next("0 0 29 2 *", "2028-02-29 00:00", "2032-02-29 00:00");
    expect_next("0 0 29 2 *", "2096-03-01 00:00", "2104-02-29 00:00");  /* 2100 is not a leap year */
    expect_next("0 0 30 2 *", "2026-01-01 00:00", "never");
    expect_next("59 23 28-31 2 *", "2028-02-28 23:59", "2028-02-29 23:59");
}

static void test_cron_steps_ranges_lists(void **state)
{
    (void)state;
    expect_next("*/15 * * * *", "2026-03-10 10:07", "2026-03-10 10:15");
    expect_next("*/15 * * * *", "2026-03-10 10:45", "2026-03-10 11:00");
    expect_next("10-20/5 * * * *", "2026-03-10 10:16", "2026-03-10 10:20");
    expect_next("10-20/5 * * * *", "2026-03-10 10:20", "2026-03-10 11:10");
    expect_next("50/5 * * * *", "2026-03-10 10:56", "2026-03-10 11:50");   /* a/n: a to the maximum */
    expect_next("5,7,9 * * * *", "2026-03-10 10:07", "2026-03-10 10:09");
    expect_next("0 1-3,22 * * *", "2026-03-10 03:00", "2026-03-10 22:00");
    expect_next("0 */6 * * *", "2026-03-10 13:00", "2026-03-10 18:00");
}

static void test_cron_names_and_weekdays(void **state)
{
    (void)state;
    /* 2026-03-10 is a Tuesday */
    expect_next("0 6 * * 1-5", "2026-03-13 06:00", "2026-03-16 06:00");     /* Friday -> Monday */
    expect_next("0 6 * * mon-fri", "2026-03-13 06:00", "2026-03-16 06:00");
    expect_next("0 0 * * SUN", "2026-03-10 00:00", "2026-03-15 00:00");
    expect_next("0 0 * * 7", "2026-03-10 00:00", "2026-03-15 00:00");       /* 7 is Sunday too */
    expect_next("0 0 * * 5-7", "2026-03-14 12:00", "2026-03-15 00:00");
    expect_next("0 0 1 jan,Jul *", "2026-03-10 00:00", "2026-07-01 00:00");
    expect_next("0 0 1 feb-apr/2 *", "2026-02-01 00:00", "2026-04-01 00:00");
    expect_next("@daily", "2026-03-10 00:00", "2026-03-11 00:00");
    expect_next("@hourly", "2026-03-10 00:30", "2026-03-10 01:00");
    expect_next("@weekly", "2026-03-10 00:00", "2026-03-15 00:00");
    expect_next("@yearly", "2026-03-10 00:00", "2027-01-01 00:00");
}

static void test_cron_day_rule(void **state)
{
    (void)state;
    /* both restricted: either matches (the 13th, or a Friday) */
    expect_next("0 0 13 * 5", "2026-03-10 00:00", "2026-03-13 00:00");   /* Friday 13th */
    expect_next("0 0 13 * 5", "2026-03-13 00:00", "2026-03-20 00:00");   /* next Friday */
    expect_next("0 0 1,15 * 1", "2026-03-10 00:00", "2026-03-15 00:00"); /* the 15th comes first */
    expect_next("0 0 1,15 * 1", "2026-03-15 00:00", "2026-03-16 00:00"); /* then a Monday */
    /* one of them '*' (even '*' with a step): both must match */
    expect_next("0 0 */2 * 1", "2026-03-10 00:00", "2026-03-23 00:00");  /* odd days that are Mondays */
    expect_next("0 0 13 * *", "2026-03-14 00:00", "2026-04-13 00:00");
}

static void test_cron_errors(void **state)
{
    (void)state;
    expect_error("0 0 32 * *", "day-of-month 32 out of range 1-31");
    expect_error("60 * * * *", "minute 60 out of range 0-59");
    expect_error("0 24 * * *", "hour 24 out of range 0-23");
    expect_error("0 0 0 * *", "day-of-month 0 out of range 1-31");
    expect_error("0 0 * 13 *", "month 13 out of range 1-12");
    expect_error("0 0 * * 8", "day-of-week 8 out of range 0-7");
    expect_error("0 0 * *", "4 fields, expected 5");
    expect_error("0 0 * * * *", "more than 5 fields");
    expect_error("", "0 fields, expected 5");
    expect_error("*/0 * * * *", "step must be a positive number");
    expect_error("*/x * * * *", "step must be a positive number");
    expect_error("5-1 * * * *", "range 5-1 goes backwards");
    expect_error("0 0 * foo *", "month 'foo' is not a number or a name");
    expect_error("0 0 * * mon-", "bad range end");
    expect_error("a * * * *", "minute 'a' is not a number");
    expect_error("1,,2 * * * *", "empty list item");
    expect_error("0 0 * * 1x", "unexpected 'x'");
    expect_error("@often", "unknown alias");
}

static void test_cron_due_runs_missed_slots_once(void **state)
{
    (void)state;
    dm_cron c;
    assert_int_equal(dm_cron_parse("0 * * * *", &c, NULL), DM_OK);
    assert_true(dm_cron_due(&c, -1, at("2026-03-10 10:30")));               /* never ran */
    assert_false(dm_cron_due(&c, at("2026-03-10 10:00"), at("2026-03-10 10:59")));
    assert_true(dm_cron_due(&c, at("2026-03-10 10:00"), at("2026-03-10 11:00")));
    /* down from 10:00 to 15:20: five slots missed, due once ... */
    int64_t last = at("2026-03-10 10:00"), now = at("2026-03-10 15:20");
    assert_true(dm_cron_due(&c, last, now));
    /* ... and after running at 15:20, not again until 16:00 */
    last = now;
    assert_false(dm_cron_due(&c, last, at("2026-03-10 15:59")));
    assert_true(dm_cron_due(&c, last, at("2026-03-10 16:00")));
    /* a slot at the very same minute as the last run is not due again */
    assert_false(dm_cron_due(&c, at("2026-03-10 16:00") + 30, at("2026-03-10 16:00") + 59));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cron_next_basic),
        cmocka_unit_test(test_cron_next_month_ends_and_leap_years),
        cmocka_unit_test(test_cron_steps_ranges_lists),
        cmocka_unit_test(test_cron_names_and_weekdays),
        cmocka_unit_test(test_cron_day_rule),
        cmocka_unit_test(test_cron_errors),
        cmocka_unit_test(test_cron_due_runs_missed_slots_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
