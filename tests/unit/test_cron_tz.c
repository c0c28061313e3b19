/*
 * Time zones (src/core/tz.c) and cron on a zone's wall clock
 * (dm_cron_next_tz, dm_cron_due_tz in src/core/cron.c): offsets from the
 * real zone files against glibc, the POSIX footer rules against the full
 * transition tables, the DST rule of cron.h across the 2026 changes of
 * Europe/Berlin, America/New_York and Australia/Lord_Howe, local month ends
 * and leap days, due-once after an outage, and malformed TZif files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/cron.h"
#include "core/tz.h"

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

static dm_tz *zone(const char *name)
{
    dm_tz *tz = NULL;
    dm_error err = {0};
    if (dm_tz_load(name, &tz, &err) != DM_OK)
        fail_msg("%s: %s", name, err.msg);
    return tz;
}

/* next fire of expr in zone after `after` (UTC), compared as UTC text */
static void expect_next(const char *zname, const char *expr, const char *after, const char *want)
{
    dm_cron c;
    dm_error err = {0};
    char buf[32];
    if (dm_cron_parse(expr, &c, &err) != DM_OK)
        fail_msg("%s: %s", expr, err.msg);
    dm_tz *tz = zone(zname);
    const char *got = fmt(dm_cron_next_tz(&c, tz, at(after)), buf);
    dm_tz_free(tz);
    if (strcmp(got, want) != 0)
        fail_msg("%s '%s' after %s UTC: got %s, want %s UTC", zname, expr, after, got, want);
}

/* All fire times of expr in [from, to) UTC, written "HH:MM,HH:MM,..." (UTC). */
static void fires(const char *zname, const char *expr, const char *from, const char *to, char *out, size_t cap)
{
    dm_cron c;
    assert_int_equal(dm_cron_parse(expr, &c, NULL), DM_OK);
    dm_tz *tz = zone(zname);
    int64_t end = at(to);
    out[0] = '\0';
    for (int64_t t = dm_cron_next_tz(&c, tz, at(from) - 1); t >= 0 && t < end; t = dm_cron_next_tz(&c, tz, t)) {
        char buf[32];
        fmt(t, buf);
        size_t len = strlen(out);
        snprintf(out + len, cap - len, "%s%s", len ? "," : "", buf + 11);
    }
    dm_tz_free(tz);
}

static void expect_fires(const char *zname, const char *expr, const char *from, const char *to, const char *want)
{
    char got[4096];
    fires(zname, expr, from, to, got, sizeof got);
    if (strcmp(got, want) != 0)
        fail_msg("%s '%s' in [%s, %s) UTC:\n got  %s\n want %s", zname, expr, from, to, got, want);
}

static int count_fires(const char *zname, const char *expr, const char *from, const char *to)
{
    dm_cron c;
    assert_int_equal(dm_cron_parse(expr, &c, NULL), DM_OK);
    dm_tz *tz = zone(zname);
    int64_t end = at(to), prev = -1;
    int n = 0;
    for (int64_t t = dm_cron_next_tz(&c, tz, at(from) - 1); t >= 0 && t < end; t = dm_cron_next_tz(&c, tz, t)) {
        assert_true(t > prev);
        prev = t;
        n++;
    }
    dm_tz_free(tz);
    return n;
}

/* ---- offsets -------------------------------------------------------------- */

/* Issue 17 item 6: no overflow far from today (UBSan found one beyond
 * +/-2^36 s); the offset follows the rule's 400-year cycle. */
static void test_tz_offset_extremes(void **state)
{
    (void)state;
    dm_tz *b = zone("Europe/Berlin");
    const int64_t cycle = 146097LL * 86400;
    int64_t summer = at("2026-07-01 12:00"), winter = at("2026-01-15 12:00");
    for (int64_t k = 1; k <= 4000000; k *= 20) {
        assert_int_equal(dm_tz_offset(b, summer + k * cycle), 7200);
        assert_int_equal(dm_tz_offset(b, winter + k * cycle), 3600);
    }
    int32_t o = dm_tz_offset(b, INT64_MAX);
    assert_true(o == 3600 || o == 7200);
    o = dm_tz_offset(b, INT64_MIN);
    assert_true(o > -86400 && o < 86400);
    assert_int_equal(dm_tz_offset(b, -(1LL << 40)), dm_tz_offset(b, -(1LL << 37) - 3 * cycle));
    dm_tz_free(b);
}

static void test_tz_offset_2026_changes(void **state)
{
    (void)state;
    dm_tz *b = zone("Europe/Berlin");
    assert_int_equal(dm_tz_offset(b, at("2026-03-29 01:00") - 1), 3600);
    assert_int_equal(dm_tz_offset(b, at("2026-03-29 01:00")), 7200);
    assert_int_equal(dm_tz_offset(b, at("2026-10-25 01:00") - 1), 7200);
    assert_int_equal(dm_tz_offset(b, at("2026-10-25 01:00")), 3600);
    dm_tz_span sp;
    dm_tz_span_at(b, at("2026-06-01 00:00"), &sp);
    assert_true(sp.start == at("2026-03-29 01:00") && sp.end == at("2026-10-25 01:00"));
    assert_int_equal(sp.offset, 7200);
    assert_int_equal(sp.prev_offset, 3600);
    /* 2040: past the table of the file, from its footer rule */
    assert_int_equal(dm_tz_offset(b, at("2040-03-25 01:00") - 1), 3600);
    assert_int_equal(dm_tz_offset(b, at("2040-03-25 01:00")), 7200);
    assert_string_equal(dm_tz_name(b), "Europe/Berlin");
    dm_tz_free(b);

    dm_tz *ny = zone("America/New_York");
    assert_int_equal(dm_tz_offset(ny, at("2026-03-08 07:00") - 1), -5 * 3600);
    assert_int_equal(dm_tz_offset(ny, at("2026-03-08 07:00")), -4 * 3600);
    assert_int_equal(dm_tz_offset(ny, at("2026-11-01 06:00") - 1), -4 * 3600);
    assert_int_equal(dm_tz_offset(ny, at("2026-11-01 06:00")), -5 * 3600);
    dm_tz_free(ny);

    dm_tz *lh = zone("Australia/Lord_Howe");
    assert_int_equal(dm_tz_offset(lh, at("2026-04-04 15:00") - 1), 11 * 3600);
    assert_int_equal(dm_tz_offset(lh, at("2026-04-04 15:00")), 10 * 3600 + 1800);
    assert_int_equal(dm_tz_offset(lh, at("2026-10-03 15:30") - 1), 10 * 3600 + 1800);
    assert_int_equal(dm_tz_offset(lh, at("2026-10-03 15:30")), 11 * 3600);
    dm_tz_free(lh);

    assert_int_equal(dm_tz_offset(NULL, at("2026-06-01 00:00")), 0);
    dm_tz *utc = zone("UTC");
    assert_int_equal(dm_tz_offset(utc, at("2026-06-01 00:00")), 0);
    dm_tz_free(utc);
}

/* glibc's localtime_r as an independent reference (setenv is fine in a
 * single-threaded test; the service never does this). */
static long glibc_offset(int64_t t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    localtime_r(&tt, &tm);
    return tm.tm_gmtoff;
}

static void test_tz_offset_matches_glibc(void **state)
{
    (void)state;
    static const char *const zones[] = {"Europe/Berlin",   "America/New_York", "Australia/Lord_Howe",
                                        "America/Nuuk",    "Europe/Dublin",    "Pacific/Auckland",
                                        "Asia/Tehran",     "America/Santiago", "Antarctica/Troll",
                                        "Africa/Casablanca"};
    char *old = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
    for (size_t z = 0; z < sizeof zones / sizeof *zones; z++) {
        dm_tz *tz = zone(zones[z]);
        setenv("TZ", zones[z], 1);
        tzset();
        int64_t from = at("1971-01-01 00:00"), to = at("2060-01-01 00:00");
        /* every 7 hours (all hours of the day in turn) */
        for (int64_t t = from; t < to; t += 7 * 3600)
            if (dm_tz_offset(tz, t) != glibc_offset(t))
                fail_msg("%s at %lld: %d, glibc %ld", zones[z], (long long)t, dm_tz_offset(tz, t), glibc_offset(t));
        /* and on both sides of every transition */
        int changes = 0;
        for (int64_t t = from; t < to;) {
            dm_tz_span sp;
            dm_tz_span_at(tz, t, &sp);
            assert_true(sp.start <= t && t < sp.end);
            if (sp.end >= to)
                break;
            if (dm_tz_offset(tz, sp.end - 1) != glibc_offset(sp.end - 1) ||
                dm_tz_offset(tz, sp.end) != glibc_offset(sp.end))
                fail_msg("%s around %lld: %d/%d, glibc %ld/%ld", zones[z], (long long)sp.end,
                         dm_tz_offset(tz, sp.end - 1), dm_tz_offset(tz, sp.end), glibc_offset(sp.end - 1),
                         glibc_offset(sp.end));
            dm_tz_span nx;
            dm_tz_span_at(tz, sp.end, &nx);
            assert_true(nx.start == sp.end);
            assert_int_equal(nx.prev_offset, sp.offset);
            changes += nx.offset != sp.offset;
            t = sp.end;
        }
        if (strcmp(zones[z], "Europe/Berlin") == 0)
            assert_int_equal(changes, 2 * (2060 - 1980));     /* summer time since 1980 */
        dm_tz_free(tz);
    }
    if (old) {
        setenv("TZ", old, 1);
        free(old);
    } else {
        unsetenv("TZ");
    }
    tzset();
}

/* A "slim" TZif file: no transitions at all, only the footer. */
static uint8_t *tzif_build(const int64_t *trans, const uint8_t *types, uint32_t ntrans, const int32_t *utoff,
                           uint32_t ntypes, const char *footer, size_t *len)
{
    size_t cap = 200 + ntrans * 9 + ntypes * 6 + strlen(footer);
    uint8_t *d = calloc(1, cap), *p = d;
    for (int v = 0; v < 2; v++) {
        memcpy(p, "TZif2", 5);
        p += 20;
        uint32_t counts[6] = {0, 0, 0, v ? ntrans : 0, v ? ntypes : 1, v ? 4 : 1};
        for (int i = 0; i < 6; i++, p += 4)
            p[0] = (uint8_t)(counts[i] >> 24), p[1] = (uint8_t)(counts[i] >> 16), p[2] = (uint8_t)(counts[i] >> 8),
            p[3] = (uint8_t)counts[i];
        if (!v) {
            p += 6 + 1;     /* one zero type, one NUL of abbreviations */
            continue;
        }
        for (uint32_t i = 0; i < ntrans; i++, p += 8)
            for (int b = 0; b < 8; b++)
                p[b] = (uint8_t)((uint64_t)trans[i] >> (56 - 8 * b));
        if (ntrans > 0)
            memcpy(p, types, ntrans);
        p += ntrans;
        for (uint32_t i = 0; i < ntypes; i++, p += 6)
            p[0] = (uint8_t)((uint32_t)utoff[i] >> 24), p[1] = (uint8_t)((uint32_t)utoff[i] >> 16),
            p[2] = (uint8_t)((uint32_t)utoff[i] >> 8), p[3] = (uint8_t)utoff[i];
        memcpy(p, "ABC", 4);
        p += 4;
    }
    p += sprintf((char *)p, "\n%s\n", footer);
    *len = (size_t)(p - d);
    return d;
}

static char tzdir[64];

static void put_zone(const char *name, const uint8_t *d, size_t n)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", tzdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_true(fwrite(d, 1, n, f) == n);
    fclose(f);
}

static void use_tzdir(bool on)
{
    if (on) {
        snprintf(tzdir, sizeof tzdir, "/tmp/dmtz.XXXXXX");
        assert_non_null(mkdtemp(tzdir));
        setenv("TZDIR", tzdir, 1);
    } else {
        unsetenv("TZDIR");
    }
}

static void rm_tzdir(const char *const *names, size_t n)
{
    char path[256];
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", tzdir, names[i]);
        unlink(path);
    }
    rmdir(tzdir);
}

/* The footer rule alone (a slim file) gives the offsets of the full table. */
static void test_tz_footer_rule_matches_table(void **state)
{
    (void)state;
    static const struct {
        const char *zone, *footer;
    } cases[] = {
        {"Europe/Berlin", "CET-1CEST,M3.5.0,M10.5.0/3"},
        {"America/New_York", "EST5EDT,M3.2.0,M11.1.0"},
        {"Australia/Lord_Howe", "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0"},
        {"America/Nuuk", "<-02>2<-01>,M3.5.0/-1,M10.5.0/0"},      /* negative rule time */
        {"America/Santiago", "<-04>4<-03>,M9.1.6/24,M4.1.6/24"},  /* 24:00 */
        {"Europe/Dublin", "IST-1GMT0,M10.5.0,M3.5.0/1"},          /* "DST" is winter */
    };
    int32_t zero = 0;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        dm_tz *full = zone(cases[i].zone);
        size_t n;
        uint8_t *slim = tzif_build(NULL, NULL, 0, &zero, 1, cases[i].footer, &n);
        use_tzdir(true);
        put_zone("Slim", slim, n);
        dm_tz *rule = zone("Slim");
        dm_tz *posix = NULL;
        assert_int_equal(dm_tz_parse_posix(cases[i].footer, &posix, NULL), DM_OK);
        /* the same spans, transition by transition, and the same offsets every 7 hours */
        for (int64_t t = at("2027-01-01 00:00"); t < at("2037-01-01 00:00");) {
            dm_tz_span a, b, c;
            dm_tz_span_at(full, t, &a);
            dm_tz_span_at(rule, t, &b);
            dm_tz_span_at(posix, t, &c);
            char buf[32];
            if (a.start != b.start || a.end != b.end || a.offset != b.offset || a.prev_offset != b.prev_offset ||
                memcmp(&b, &c, sizeof b) != 0)
                fail_msg("%s at %s UTC: rule [%lld, %lld) %d (before %d), table [%lld, %lld) %d (before %d)",
                         cases[i].footer, fmt(t, buf), (long long)b.start, (long long)b.end, b.offset,
                         b.prev_offset, (long long)a.start, (long long)a.end, a.offset, a.prev_offset);
            t = a.end;
        }
        for (int64_t t = at("2027-01-01 00:00"); t < at("2037-01-01 00:00"); t += 7 * 3600)
            assert_int_equal(dm_tz_offset(rule, t), dm_tz_offset(full, t));
        dm_tz_free(posix);
        dm_tz_free(rule);
        dm_tz_free(full);
        free(slim);
        rm_tzdir((const char *const[]){"Slim"}, 1);
        use_tzdir(false);
    }
    /* Julian-day forms: J60 is March 1 every year, 59 is March 1 only in leap years */
    dm_tz *j = NULL;
    assert_int_equal(dm_tz_parse_posix("AAA-1BBB,J60/0,J305/0", &j, NULL), DM_OK);
    assert_int_equal(dm_tz_offset(j, at("2028-02-29 22:59")), 3600);  /* 23:59 local, leap day */
    assert_int_equal(dm_tz_offset(j, at("2028-02-29 23:00")), 7200);  /* March 1 00:00 */
    dm_tz_free(j);
    assert_int_equal(dm_tz_parse_posix("AAA-1BBB,59/0,305/0", &j, NULL), DM_OK);
    assert_int_equal(dm_tz_offset(j, at("2028-02-28 22:59")), 3600);
    assert_int_equal(dm_tz_offset(j, at("2028-02-28 23:00")), 7200);  /* day 59 = Feb 29 in 2028 */
    assert_int_equal(dm_tz_offset(j, at("2027-02-28 23:00")), 7200);  /* = March 1 in 2027 */
    assert_int_equal(dm_tz_offset(j, at("2027-02-28 22:59")), 3600);
    dm_tz_free(j);
    /* DST all year ("0/0,J365/25"): never standard time */
    assert_int_equal(dm_tz_parse_posix("EST5EDT,0/0,J365/25", &j, NULL), DM_OK);
    for (int64_t t = at("2026-01-01 00:00"); t < at("2029-01-01 00:00"); t += 3600)
        assert_int_equal(dm_tz_offset(j, t), -4 * 3600);
    dm_tz_free(j);
    /* no DST */
    assert_int_equal(dm_tz_parse_posix("<+0330>-3:30", &j, NULL), DM_OK);
    assert_int_equal(dm_tz_offset(j, at("2026-07-01 00:00")), 3 * 3600 + 1800);
    dm_tz_free(j);

    static const char *const bad[] = {"",          "CET",        "C-1",   "CET-1CEST",  "CET-1CEST,M13.1.0,M10.5.0",
                                      "CET-1CEST,M3.6.0,M10.5.0", "CET-1CEST,M3.5.0", "CET-1CEST,M3.5.0,M10.5.0/168",
                                      "CET-25",    "<+1030-10:30", "CET-1CEST,J0,J365",  "CET-1x"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        dm_error err = {0};
        if (dm_tz_parse_posix(bad[i], &j, &err) == DM_OK)
            fail_msg("'%s' parsed", bad[i]);
        assert_null(j);
        assert_int_equal(err.code, DM_ERR_FORMAT);
    }
}

/* ---- cron on a zone's wall clock ---------------------------------------------- */

static void test_cron_next_tz_berlin(void **state)
{
    (void)state;
    const char *z = "Europe/Berlin";
    /* ordinary days: 02:30 local is 01:30 UTC in winter, 00:30 UTC in summer */
    expect_next(z, "30 2 * * *", "2026-01-10 12:00", "2026-01-11 01:30");
    expect_next(z, "30 2 * * *", "2026-07-10 12:00", "2026-07-11 00:30");
    /* spring forward: 02:30 does not exist; once, at the change (03:00 CEST) */
    expect_fires(z, "30 2 * * *", "2026-03-27 12:00", "2026-03-31 12:00", "01:30,01:00,00:30,00:30");
    expect_next(z, "30 2 * * *", "2026-03-29 01:00", "2026-03-30 00:30");
    expect_next(z, "0 2 * * *", "2026-03-28 12:00", "2026-03-29 01:00");
    /* several missing times and the first real one after: one fire at the change */
    expect_fires(z, "0 1-3 * * *", "2026-03-28 22:00", "2026-03-29 22:00", "00:00,01:00");
    expect_fires(z, "15,45 2 * * *", "2026-03-28 22:00", "2026-03-29 22:00", "01:00");
    /* fall back: 02:30 happens twice; only the first (CEST, 00:30 UTC) */
    expect_fires(z, "30 2 * * *", "2026-10-24 12:00", "2026-10-27 12:00", "00:30,01:30,01:30");
    expect_fires(z, "0 1-3 * * *", "2026-10-24 22:00", "2026-10-25 22:00", "23:00,00:00,02:00");
    /* wildcard jobs follow the wall clock: no 02:xx in spring, two in autumn */
    expect_fires(z, "*/15 * * * *", "2026-03-29 00:30", "2026-03-29 01:31", "00:30,00:45,01:00,01:15,01:30");
    expect_fires(z, "*/15 * * * *", "2026-10-24 23:45", "2026-10-25 01:31",
                 "23:45,00:00,00:15,00:30,00:45,01:00,01:15,01:30");
    expect_fires(z, "0 * * * *", "2026-10-24 22:00", "2026-10-25 03:00", "22:00,23:00,00:00,01:00,02:00");
    expect_fires(z, "* 2 * * *", "2026-10-25 00:58", "2026-10-25 01:02", "00:58,00:59,01:00,01:01");
    /* local days of 23, 24 and 25 hours */
    assert_int_equal(count_fires(z, "0 * * * *", "2026-03-28 23:00", "2026-03-29 22:00"), 23);
    assert_int_equal(count_fires(z, "0 * * * *", "2026-10-24 22:00", "2026-10-25 23:00"), 25);
    assert_int_equal(count_fires(z, "*/15 * * * *", "2026-10-24 22:00", "2026-10-25 23:00"), 100);
    assert_int_equal(count_fires(z, "*/15 * * * *", "2026-03-28 23:00", "2026-03-29 22:00"), 92);
    assert_int_equal(count_fires(z, "30 2 * * *", "2026-01-01 00:00", "2027-01-01 00:00"), 365);
    assert_int_equal(count_fires(z, "*/5 1-3 * * *", "2026-01-01 00:00", "2027-01-01 00:00"),
                     365 * 36 - 12 + 12);    /* spring: 02:xx missing; autumn: 02:xx twice */
    /* month ends, weekdays and leap days are local */
    expect_next(z, "0 0 1 * *", "2026-03-31 12:00", "2026-03-31 22:00");   /* April 1st 00:00 CEST */
    expect_next(z, "0 0 1 * *", "2026-11-15 12:00", "2026-11-30 23:00");   /* December 1st 00:00 CET */
    expect_next(z, "59 23 31 * *", "2026-01-01 00:00", "2026-01-31 22:59");
    expect_next(z, "0 0 29 2 *", "2026-01-01 00:00", "2028-02-28 23:00");
    expect_next(z, "30 23 28 2 *", "2027-03-01 00:00", "2028-02-28 22:30");
    expect_next(z, "0 0 * * 1", "2026-11-26 12:00", "2026-11-29 23:00");   /* Monday 00:00 CET, Sunday UTC */
    expect_next(z, "0 0 1 1 *", "2026-06-01 00:00", "2026-12-31 23:00");   /* new year local */
    expect_next(z, "0 0 30 2 *", "2026-01-01 00:00", "never");
}

static void test_cron_next_tz_new_york_lord_howe(void **state)
{
    (void)state;
    const char *ny = "America/New_York";
    expect_fires(ny, "30 2 * * *", "2026-03-07 00:00", "2026-03-10 00:00", "07:30,07:00,06:30");
    expect_fires(ny, "30 1 * * *", "2026-10-31 00:00", "2026-11-03 00:00", "05:30,05:30,06:30");
    expect_fires(ny, "0 * * * *", "2026-11-01 04:00", "2026-11-01 08:00", "04:00,05:00,06:00,07:00");
    expect_next(ny, "0 0 1 * *", "2026-03-15 00:00", "2026-04-01 04:00");
    expect_next(ny, "0 0 29 2 *", "2026-06-01 00:00", "2028-02-29 05:00");

    /* Lord Howe moves by 30 minutes: 02:00 -> 02:30 on 2026-10-04, 02:00 -> 01:30 on 2026-04-05 */
    const char *lh = "Australia/Lord_Howe";
    expect_fires(lh, "15 2 * * *", "2026-10-02 12:00", "2026-10-05 12:00", "15:45,15:30,15:15");
    expect_fires(lh, "*/15 * * * *", "2026-10-03 15:00", "2026-10-03 15:46", "15:00,15:15,15:30,15:45");
    expect_fires(lh, "45 1 * * *", "2026-04-03 12:00", "2026-04-06 12:00", "14:45,14:45,15:15");
    expect_fires(lh, "*/15 * * * *", "2026-04-04 14:15", "2026-04-04 15:31",
                 "14:15,14:30,14:45,15:00,15:15,15:30");
    expect_fires(lh, "0 2 * * *", "2026-04-04 12:00", "2026-04-05 12:00", "15:30");
    /* the gap [02:00, 02:30) holds 02:00 and 02:15 but not 02:30 */
    expect_fires(lh, "0,15,30 2 * * *", "2026-10-03 12:00", "2026-10-04 12:00", "15:30");
    expect_fires(lh, "30 2 * * *", "2026-10-03 12:00", "2026-10-04 12:00", "15:30");
    /* local days of 23.5 hours (02:00 and 02:15 missing) and 24.5 hours (01:30, 01:45 twice) */
    assert_int_equal(count_fires(lh, "*/15 * * * *", "2026-10-03 13:30", "2026-10-04 13:00"), 94);
    assert_int_equal(count_fires(lh, "*/15 * * * *", "2026-04-04 13:00", "2026-04-05 13:30"), 98);
    assert_int_equal(count_fires(lh, "45 1 * * *", "2026-04-04 13:00", "2026-04-05 13:30"), 1);
}

/* The scheduler ticks every 15 s and remembers when it last queued; a
 * fixed-time job fires once a day across both changes, and once after an
 * outage however many slots (and DST changes) it missed. */
static void test_cron_due_tz_outage(void **state)
{
    (void)state;
    dm_cron c;
    assert_int_equal(dm_cron_parse("30 2 * * *", &c, NULL), DM_OK);
    dm_tz *tz = zone("Europe/Berlin");
    static const char *const windows[][2] = {{"2026-03-26 00:00", "2026-04-02 00:00"},
                                             {"2026-10-22 00:00", "2026-10-29 00:00"}};
    for (int w = 0; w < 2; w++) {
        int64_t last = at(windows[w][0]), fired = 0;
        for (int64_t now = last; now < at(windows[w][1]); now += 15)
            if (dm_cron_due_tz(&c, tz, last, now))
                last = now, fired++;
        assert_int_equal(fired, 7);
    }
    /* down from 2026-03-28 03:00 local (after that day's run) to 2026-03-31 12:00 UTC */
    int64_t last = at("2026-03-28 02:00");
    assert_false(dm_cron_due_tz(&c, tz, last, at("2026-03-29 00:59")));
    assert_true(dm_cron_due_tz(&c, tz, last, at("2026-03-29 01:00")));     /* the change itself */
    assert_true(dm_cron_due_tz(&c, tz, last, at("2026-03-31 12:00")));
    last = at("2026-03-31 12:00");                                          /* queued once, remembered */
    assert_false(dm_cron_due_tz(&c, tz, last, at("2026-03-31 12:00") + 15));
    assert_false(dm_cron_due_tz(&c, tz, last, at("2026-04-01 00:29")));
    assert_true(dm_cron_due_tz(&c, tz, last, at("2026-04-01 00:30")));
    assert_true(dm_cron_due_tz(&c, tz, -1, at("2026-04-01 00:00")));       /* never ran */
    /* same over the autumn change: not due again at the second 02:30 */
    last = at("2026-10-25 00:30");
    assert_false(dm_cron_due_tz(&c, tz, last, at("2026-10-25 01:30")));
    assert_false(dm_cron_due_tz(&c, tz, last, at("2026-10-26 01:29")));
    assert_true(dm_cron_due_tz(&c, tz, last, at("2026-10-26 01:30")));
    dm_tz_free(tz);
    /* NULL zone: UTC, as dm_cron_due */
    assert_true(dm_cron_due_tz(&c, NULL, at("2026-03-29 01:00"), at("2026-03-29 02:30")));
    assert_false(dm_cron_due_tz(&c, NULL, at("2026-03-29 01:00"), at("2026-03-29 02:29")));
}

/* ---- loading ------------------------------------------------------------------ */

static void expect_load_error(const char *name, dm_status code, const char *fragment)
{
    dm_tz *tz = (dm_tz *)1;
    dm_error err = {0};
    dm_status rc = dm_tz_load(name, &tz, &err);
    if (rc == DM_OK)
        fail_msg("zone '%s' loaded", name);
    assert_null(tz);
    if (rc != code || strstr(err.msg, fragment) == NULL)
        fail_msg("zone '%s': %d '%s', want %d with '%s'", name, rc, err.msg, code, fragment);
}

static void test_tz_load_errors(void **state)
{
    (void)state;
    expect_load_error("Europe/Berln", DM_ERR_NOT_FOUND, "unknown time zone 'Europe/Berln'");
    expect_load_error("Europe", DM_ERR_NOT_FOUND, "unknown time zone 'Europe'");
    expect_load_error("../../etc/passwd", DM_ERR_ARG, "../../etc/passwd");
    expect_load_error("/etc/passwd", DM_ERR_ARG, "not a zone name");
    expect_load_error("Europe/../../x", DM_ERR_ARG, "not a zone name");
    expect_load_error("", DM_ERR_ARG, "not a zone name");

    /* every truncation of a real file is an error, never a crash or a read past the end */
    FILE *f = fopen("/usr/share/zoneinfo/Europe/Berlin", "rb");
    assert_non_null(f);
    uint8_t *d = malloc(1 << 16);
    size_t n = fread(d, 1, 1 << 16, f);
    fclose(f);
    assert_true(n > 1000);
    use_tzdir(true);
    for (size_t len = 0; len < n; len++) {
        put_zone("Cut", d, len);
        expect_load_error("Cut", DM_ERR_FORMAT, "time zone 'Cut'");
    }
    put_zone("Cut", d, n);      /* whole: fine */
    dm_tz *tz = zone("Cut");
    assert_int_equal(dm_tz_offset(tz, at("2026-07-01 00:00")), 7200);
    dm_tz_free(tz);

    /* damaged content */
    int32_t offs[2] = {3600, 7200};
    int64_t trans[2] = {1000, 2000};
    size_t len;
    uint8_t *b = tzif_build(trans, (const uint8_t[]){0, 2}, 2, offs, 2, "CET-1CEST,M3.5.0,M10.5.0/3", &len);
    put_zone("Bad", b, len);
    expect_load_error("Bad", DM_ERR_FORMAT, "no local time type");
    free(b);
    b = tzif_build((const int64_t[]){2000, 1000}, (const uint8_t[]){0, 1}, 2, offs, 2, "", &len);
    put_zone("Bad", b, len);
    expect_load_error("Bad", DM_ERR_FORMAT, "out of order");
    free(b);
    b = tzif_build(trans, (const uint8_t[]){0, 1}, 2, (const int32_t[]){3600, 200000}, 2, "", &len);
    put_zone("Bad", b, len);
    expect_load_error("Bad", DM_ERR_FORMAT, "bad local time type");
    free(b);
    b = tzif_build(trans, (const uint8_t[]){0, 1}, 2, offs, 2, "CET-1CEST", &len);
    put_zone("Bad", b, len);
    expect_load_error("Bad", DM_ERR_FORMAT, "time zone 'Bad'");
    free(b);
    memcpy(d, "TZjf", 4);
    put_zone("Bad", d, n);
    expect_load_error("Bad", DM_ERR_FORMAT, "not a TZif file");
    memcpy(d, "TZif", 4);
    d[4] = 0;   /* version 1 */
    put_zone("Bad", d, n);
    expect_load_error("Bad", DM_ERR_FORMAT, "version 1");
    /* a table and an empty footer: the last type stays */
    b = tzif_build(trans, (const uint8_t[]){0, 1}, 2, offs, 2, "", &len);
    put_zone("Good", b, len);
    tz = zone("Good");
    assert_int_equal(dm_tz_offset(tz, 999), 3600);
    assert_int_equal(dm_tz_offset(tz, 1500), 3600);
    assert_int_equal(dm_tz_offset(tz, 2000), 7200);
    assert_int_equal(dm_tz_offset(tz, at("2030-01-01 00:00")), 7200);
    dm_tz_free(tz);
    free(b);
    free(d);
    rm_tzdir((const char *const[]){"Cut", "Bad", "Good"}, 3);
    use_tzdir(false);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tz_offset_2026_changes),
        cmocka_unit_test(test_tz_offset_extremes),
        cmocka_unit_test(test_tz_offset_matches_glibc),
        cmocka_unit_test(test_tz_footer_rule_matches_table),
        cmocka_unit_test(test_cron_next_tz_berlin),
        cmocka_unit_test(test_cron_next_tz_new_york_lord_howe),
        cmocka_unit_test(test_cron_due_tz_outage),
        cmocka_unit_test(test_tz_load_errors),
    };
    if (getenv("DM_TEST_FILTER"))
        cmocka_set_test_filter(getenv("DM_TEST_FILTER"));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
