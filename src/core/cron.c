/*
 * Cron expressions: parsing into bit sets and next-fire search on the UTC
 * calendar, or on a zone's wall clock with the DST rules of cron.h.
 */
#include "core/cron.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

typedef struct field_spec {
    const char *name;
    int min, max;
    const char *const *names;   /* names[i] is value min + i, or NULL */
} field_spec;

static const char *const month_names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec", NULL};
static const char *const wday_names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat", NULL};

static const field_spec fields[5] = {
    {"minute", 0, 59, NULL},
    {"hour", 0, 23, NULL},
    {"day-of-month", 1, 31, NULL},
    {"month", 1, 12, month_names},
    {"day-of-week", 0, 7, wday_names},
};

static const struct {
    const char *alias, *expr;
} aliases[] = {
    {"@yearly", "0 0 1 1 *"}, {"@annually", "0 0 1 1 *"}, {"@monthly", "0 0 1 * *"},
    {"@weekly", "0 0 * * 0"}, {"@daily", "0 0 * * *"},    {"@midnight", "0 0 * * *"},
    {"@hourly", "0 * * * *"},
};

/* Read a number or a name at *p; advances *p. */
static bool read_value(const field_spec *f, const char **p, int *v)
{
    const char *s = *p;
    if (isdigit((unsigned char)*s)) {
        long n = 0;
        while (isdigit((unsigned char)*s) && n < 1000)
            n = n * 10 + (*s++ - '0');
        if (isdigit((unsigned char)*s))
            return false;
        *v = (int)n;
        *p = s;
        return true;
    }
    if (f->names == NULL)
        return false;
    for (int i = 0; f->names[i]; i++) {
        if (strncasecmp(s, f->names[i], 3) == 0 && !isalpha((unsigned char)s[3])) {
            *v = f->min + i;
            *p = s + 3;
            return true;
        }
    }
    return false;
}

/* Parse one field [s, s+len) into *bits; *star when it starts with '*'. */
static dm_status parse_field(const char *expr, const field_spec *f, const char *s, size_t len, uint64_t *bits,
                             bool *star, dm_error *err)
{
    char buf[128];
    if (len >= sizeof buf)
        return DM_FAIL(err, DM_ERR_ARG, "cron '%s': %s field too long", expr, f->name);
    memcpy(buf, s, len);
    buf[len] = '\0';
    *bits = 0;
    *star = buf[0] == '*';
    if (buf[0] == ',' || buf[len - 1] == ',' || strstr(buf, ",,") != NULL)
        return DM_FAIL(err, DM_ERR_ARG, "cron '%s': %s '%s': empty list item", expr, f->name, buf);
    char *save = NULL;
    for (char *item = strtok_r(buf, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
        const char *p = item;
        int lo, hi, step = 1;
        bool range = false;
        if (*p == '*') {
            lo = f->min, hi = f->max, p++;
            range = true;
        } else {
            if (!read_value(f, &p, &lo))
                return DM_FAIL(err, DM_ERR_ARG, "cron '%s': %s '%s' is not a number%s", expr, f->name, item,
                               f->names ? " or a name" : "");
            hi = lo;
            if (*p == '-') {
                p++;
                if (!read_value(f, &p, &hi))
                    return DM_FAIL(err, DM_ERR_ARG, "cron '%s': %s '%s': bad range end", expr, f->name, item);
                range = true;
            }
        }
        if (*p == '/') {
            p++;
            const char *q = p;
            if (!read_value(&(field_spec){f->name, 0, 0, NULL}, &p, &step) || p == q || step <= 0)
                return DM_FAIL(err, DM_ERR_ARG, "cron '%s': %s '%s': step must be a positive number", expr, f->name,
                               item);
            if (!range)
                hi = f->max;    /* "a/n": from a to the maximum */
        }
        if (*p != '\0')
            return DM_FAIL(err, DM_ERR_ARG, "cron '%s': %s '%s': unexpected '%c'", expr, f->name, item, *p);
        if (lo < f->min || lo > f->max)
            return DM_FAIL(err, DM_ERR_ARG, "cron '%s': %s %d out of range %d-%d", expr, f->name, lo, f->min, f->max);
        if (hi < f->min || hi > f->max)
            return DM_FAIL(err, DM_ERR_ARG, "cron '%s': %s %d out of range %d-%d", expr, f->name, hi, f->min, f->max);
        if (hi < lo)
            return DM_FAIL(err, DM_ERR_ARG, "cron '%s': %s range %d-%d goes backwards", expr, f->name, lo, hi);
        for (int v = lo; v <= hi; v += step)
            *bits |= 1ULL << v;
    }
    if (*bits == 0)
        return DM_FAIL(err, DM_ERR_ARG, "cron '%s': %s field is empty", expr, f->name);
    return DM_OK;
}

dm_status dm_cron_parse(const char *expr, dm_cron *out, dm_error *err)
{
    memset(out, 0, sizeof *out);
    if (expr == NULL)
        return DM_FAIL(err, DM_ERR_ARG, "cron expression missing");
    const char *text = expr;
    while (isspace((unsigned char)*text))
        text++;
    if (*text == '@') {
        size_t n = strcspn(text, " \t\r\n");
        for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
            if (strlen(aliases[i].alias) == n && strncasecmp(text, aliases[i].alias, n) == 0 &&
                text[n + strspn(text + n, " \t\r\n")] == '\0')
                return dm_cron_parse(aliases[i].expr, out, err);
        return DM_FAIL(err, DM_ERR_ARG, "cron '%s': unknown alias (@hourly @daily @weekly @monthly @yearly)", expr);
    }
    uint64_t bits[5];
    bool star[5];
    int nf = 0;
    const char *p = text;
    while (*p) {
        size_t len = strcspn(p, " \t\r\n");
        if (nf == 5)
            return DM_FAIL(err, DM_ERR_ARG, "cron '%s': more than 5 fields", expr);
        dm_status rc = parse_field(expr, &fields[nf], p, len, &bits[nf], &star[nf], err);
        if (rc != DM_OK)
            return rc;
        nf++;
        p += len;
        while (isspace((unsigned char)*p))
            p++;
    }
    if (nf != 5)
        return DM_FAIL(err, DM_ERR_ARG, "cron '%s': %d field%s, expected 5 (minute hour day-of-month month day-of-week)",
                       expr, nf, nf == 1 ? "" : "s");
    out->minutes = bits[0];
    out->hours = (uint32_t)bits[1];
    out->mdays = (uint32_t)bits[2];
    out->months = (uint16_t)bits[3];
    out->wdays = (uint8_t)((bits[4] | (bits[4] >> 7)) & 0x7f);  /* 7 is Sunday too */
    out->minute_star = star[0];
    out->hour_star = star[1];
    out->mday_star = star[2];
    out->wday_star = star[4];
    return DM_OK;
}

static bool day_matches(const dm_cron *c, const struct tm *tm)
{
    bool md = (c->mdays >> tm->tm_mday) & 1, wd = (c->wdays >> tm->tm_wday) & 1;
    if (c->mday_star || c->wday_star)
        return md && wd;
    return md || wd;
}

/* The first whole minute strictly after `after` that matches, on the UTC
 * calendar, when it is before `before`; else -1. The tz functions run this
 * on local wall-clock seconds (local time as if it were UTC). */
static int64_t next_naive(const dm_cron *c, int64_t after, int64_t before)
{
    if (c->minutes == 0)
        return -1;
    time_t t = (time_t)(after - (after % 60 + 60) % 60 + 60);
    struct tm tm;
    while (t < before) {
        gmtime_r(&t, &tm);
        if (!((c->months >> (tm.tm_mon + 1)) & 1)) {
            /* first minute of the next month */
            tm.tm_mon++, tm.tm_mday = 1, tm.tm_hour = 0, tm.tm_min = 0, tm.tm_sec = 0;
            t = timegm(&tm);
            continue;
        }
        if (!day_matches(c, &tm)) {
            tm.tm_mday++, tm.tm_hour = 0, tm.tm_min = 0, tm.tm_sec = 0;
            t = timegm(&tm);
            continue;
        }
        if (!((c->hours >> tm.tm_hour) & 1)) {
            tm.tm_hour++, tm.tm_min = 0, tm.tm_sec = 0;
            t = timegm(&tm);
            continue;
        }
        if (!((c->minutes >> tm.tm_min) & 1)) {
            t += 60;
            continue;
        }
        return (int64_t)t;
    }
    return -1;
}

#define HORIZON ((int64_t)8 * 366 * 86400)

int64_t dm_cron_next(const dm_cron *c, int64_t after)
{
    return next_naive(c, after, after + HORIZON);
}

int64_t dm_cron_next_tz(const dm_cron *c, const dm_tz *tz, int64_t after)
{
    if (tz == NULL)
        return dm_cron_next(c, after);
    if (c->minutes == 0)
        return -1;
    bool fixed = !c->minute_star && !c->hour_star;
    int64_t limit = after + HORIZON;
    int64_t t = after;      /* the answer is strictly after t */
    while (t < limit) {
        dm_tz_span sp;
        dm_tz_span_at(tz, t + 1, &sp);
        int64_t from = t + sp.offset;   /* local; strictly after */
        if (fixed && sp.prev_offset > sp.offset && sp.start != INT64_MIN && from < sp.start + sp.prev_offset - 1)
            from = sp.start + sp.prev_offset - 1;   /* the repeated hour: its times fired before the change */
        int64_t end = sp.end < limit ? sp.end : limit;
        int64_t hit = next_naive(c, from, end + sp.offset);
        if (hit >= 0)
            return hit - sp.offset;
        if (sp.end >= limit)
            return -1;
        int32_t next_off = dm_tz_offset(tz, sp.end);
        /* clocks jump forward: local [end + offset, end + next_off) never shows;
         * a fixed-time job due in there fires at the change */
        if (fixed && next_off > sp.offset && next_naive(c, sp.end + sp.offset - 1, sp.end + next_off) >= 0)
            return sp.end;
        t = sp.end - 1;
    }
    return -1;
}

bool dm_cron_due(const dm_cron *c, int64_t last_run, int64_t now)
{
    if (last_run < 0)
        return true;
    int64_t next = dm_cron_next(c, last_run);
    return next >= 0 && next <= now;
}

bool dm_cron_due_tz(const dm_cron *c, const dm_tz *tz, int64_t last_run, int64_t now)
{
    if (last_run < 0)
        return true;
    int64_t next = dm_cron_next_tz(c, tz, last_run);
    return next >= 0 && next <= now;
}
