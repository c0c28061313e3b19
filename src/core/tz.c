/*
 * Time zones: a TZif reader (RFC 8536: the version 2+ header, data block and
 * footer) and the POSIX TZ rules of footers (see tz.h).
 */
#include "core/tz.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/mem.h"

#define TZIF_MAX_BYTES (1u << 20)   /* real zone files are a few KB */
#define MAX_UTOFF 93599              /* RFC 8536: offsets within [-89999, 93599] */
#define MIN_UTOFF (-89999)

/* One end of a DST period: a date rule and the local time of day. */
typedef struct rule_date {
    char kind;              /* 'J' (1-365, no Feb 29), 'n' (0-365), 'M' (month.week.day) */
    int a, b, c;            /* J/n: a = day; M: a = month, b = week (5 = last), c = weekday */
    int32_t secs;           /* time of day, -167h..167h */
} rule_date;

typedef struct posix_rule {
    int32_t std_off, dst_off;   /* UTC offsets, east positive */
    bool has_dst;
    rule_date start, end;       /* start in standard time, end in DST */
} posix_rule;

struct dm_tz {
    char *name;
    size_t ntrans;
    int64_t *trans;         /* strictly ascending */
    uint8_t *trans_type;    /* index into utoff */
    size_t ntypes;
    int32_t *utoff;
    bool has_rule;          /* the footer (or the spec) holds a rule */
    posix_rule rule;
};

/* ---- calendar ------------------------------------------------------------ */

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static bool is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    static const int before_month[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    int64_t y1 = y - 1;
    /* days of the years 1..y-1, counted from 0001-01-01, minus those up to 1970 */
    int64_t days = y1 * 365 + floor_div(y1, 4) - floor_div(y1, 100) + floor_div(y1, 400) - 719162;
    days += before_month[m - 1] + (m > 2 && is_leap(y)) + d - 1;
    return days;
}

static int64_t year_of_days(int64_t days)
{
    int64_t y = 1970 + floor_div(days * 400, 146097);
    while (days_from_civil(y, 1, 1) > days)
        y--;
    while (days_from_civil(y + 1, 1, 1) <= days)
        y++;
    return y;
}

static int month_length(int64_t y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return len[m - 1] + (m == 2 && is_leap(y));
}

/* The day (days since the epoch) a rule date falls on in year y. */
static int64_t rule_day(const rule_date *r, int64_t y)
{
    int64_t jan1 = days_from_civil(y, 1, 1);
    if (r->kind == 'J')
        return jan1 + r->a - 1 + (is_leap(y) && r->a >= 60);
    if (r->kind == 'n')
        return jan1 + r->a;
    int64_t first = days_from_civil(y, r->a, 1);
    int wday_first = (int)(((first % 7) + 7 + 4) % 7);   /* 1970-01-01 was a Thursday */
    int64_t day = first + (r->c - wday_first + 7) % 7 + 7 * (r->b - 1);
    while (day >= first + month_length(y, r->a))
        day -= 7;
    return day;
}

/* ---- POSIX TZ strings ---------------------------------------------------- */

/* A zone abbreviation: "CET" (3+ letters) or "<+1030>". */
static bool parse_abbr(const char **p)
{
    const char *s = *p;
    if (*s == '<') {
        s++;
        const char *b = s;
        while (isalnum((unsigned char)*s) || *s == '+' || *s == '-')
            s++;
        if (*s != '>' || s - b < 3)
            return false;
        *p = s + 1;
        return true;
    }
    const char *b = s;
    while (isalpha((unsigned char)*s))
        s++;
    if (s - b < 3)
        return false;
    *p = s;
    return true;
}

/* [+-]hh[:mm[:ss]] with hh <= max_hours; *secs signed as written. */
static bool parse_hms(const char **p, int max_hours, int32_t *secs)
{
    const char *s = *p;
    int sign = 1;
    if (*s == '+' || *s == '-')
        sign = *s++ == '-' ? -1 : 1;
    int part[3] = {0, 0, 0};
    for (int i = 0; i < 3; i++) {
        if (i > 0) {
            if (*s != ':')
                break;
            s++;
        }
        if (!isdigit((unsigned char)*s))
            return false;
        int v = 0, nd = 0;
        while (isdigit((unsigned char)*s) && nd < 3)
            v = v * 10 + (*s++ - '0'), nd++;
        if (isdigit((unsigned char)*s) || (i > 0 && (nd != 2 || v > 59)) || (i == 0 && v > max_hours))
            return false;
        part[i] = v;
    }
    *secs = sign * (part[0] * 3600 + part[1] * 60 + part[2]);
    *p = s;
    return true;
}

static bool parse_number(const char **p, int lo, int hi, int *v)
{
    const char *s = *p;
    int n = 0, nd = 0;
    while (isdigit((unsigned char)*s) && nd < 4)
        n = n * 10 + (*s++ - '0'), nd++;
    if (nd == 0 || isdigit((unsigned char)*s) || n < lo || n > hi)
        return false;
    *v = n;
    *p = s;
    return true;
}

static bool parse_rule_date(const char **p, rule_date *r)
{
    const char *s = *p;
    memset(r, 0, sizeof *r);
    if (*s == 'J') {
        s++;
        r->kind = 'J';
        if (!parse_number(&s, 1, 365, &r->a))
            return false;
    } else if (*s == 'M') {
        s++;
        r->kind = 'M';
        if (!parse_number(&s, 1, 12, &r->a) || *s++ != '.' || !parse_number(&s, 1, 5, &r->b) || *s++ != '.' ||
            !parse_number(&s, 0, 6, &r->c))
            return false;
    } else {
        r->kind = 'n';
        if (!parse_number(&s, 0, 365, &r->a))
            return false;
    }
    r->secs = 2 * 3600;
    if (*s == '/') {
        s++;
        if (!parse_hms(&s, 167, &r->secs))
            return false;
    }
    *p = s;
    return true;
}

static dm_status parse_posix(const char *spec, posix_rule *r, dm_error *err)
{
    const char *p = spec;
    int32_t west;
    memset(r, 0, sizeof *r);
    if (!parse_abbr(&p))
        return DM_FAIL(err, DM_ERR_FORMAT, "tz string '%s': bad standard-time name", spec);
    if (!parse_hms(&p, 24, &west))
        return DM_FAIL(err, DM_ERR_FORMAT, "tz string '%s': bad standard-time offset", spec);
    r->std_off = r->dst_off = -west;
    if (*p == '\0')
        return DM_OK;
    if (!parse_abbr(&p))
        return DM_FAIL(err, DM_ERR_FORMAT, "tz string '%s': bad daylight-time name", spec);
    r->dst_off = r->std_off + 3600;
    if (*p != ',' && *p != '\0') {
        if (!parse_hms(&p, 24, &west))
            return DM_FAIL(err, DM_ERR_FORMAT, "tz string '%s': bad daylight-time offset", spec);
        r->dst_off = -west;
    }
    if (*p != ',')
        return DM_FAIL(err, DM_ERR_FORMAT, "tz string '%s': daylight time without a rule", spec);
    p++;
    if (!parse_rule_date(&p, &r->start) || *p++ != ',' || !parse_rule_date(&p, &r->end))
        return DM_FAIL(err, DM_ERR_FORMAT, "tz string '%s': bad rule (Mm.w.d, Jn or n, then /time)", spec);
    if (*p != '\0')
        return DM_FAIL(err, DM_ERR_FORMAT, "tz string '%s': unexpected '%c'", spec, *p);
    r->has_dst = r->dst_off != r->std_off;
    return DM_OK;
}

/* ---- rule evaluation ----------------------------------------------------- */

typedef struct rule_event {
    int64_t at;             /* UTC */
    int32_t off;            /* offset from then on */
} rule_event;

/* Offset of the rule at t and the transitions around it. */
static void rule_span(const posix_rule *r, int64_t t, dm_tz_span *out)
{
    if (!r->has_dst) {
        *out = (dm_tz_span){INT64_MIN, INT64_MAX, r->std_off, r->std_off};
        return;
    }
    /* the events of five years around t, sorted (ties keep year order) */
    rule_event ev[10];
    int n = 0;
    int64_t y0 = year_of_days(floor_div(t + r->std_off, 86400));
    for (int64_t y = y0 - 2; y <= y0 + 2; y++) {
        rule_event s = {rule_day(&r->start, y) * 86400 + r->start.secs - r->std_off, r->dst_off};
        rule_event e = {rule_day(&r->end, y) * 86400 + r->end.secs - r->dst_off, r->std_off};
        ev[n++] = s.at <= e.at ? s : e;
        ev[n++] = s.at <= e.at ? e : s;
    }
    for (int i = 1; i < n; i++)
        for (int k = i; k > 0 && ev[k - 1].at > ev[k].at; k--) {
            rule_event tmp = ev[k];
            ev[k] = ev[k - 1];
            ev[k - 1] = tmp;
        }
    /* drop an event that another one at the same instant overrides, then
     * events that change nothing (DST all year: "EST5EDT,0/0,J365/25") */
    int m = 0;
    for (int i = 0; i < n; i++) {
        if (i + 1 < n && ev[i + 1].at == ev[i].at)
            continue;
        if (m > 0 && ev[m - 1].off == ev[i].off)
            continue;
        ev[m++] = ev[i];
    }
    int k = -1;
    while (k + 1 < m && ev[k + 1].at <= t)
        k++;
    if (k < 0) {
        int32_t before = m > 0 && ev[0].off == r->dst_off ? r->std_off : r->dst_off;
        *out = (dm_tz_span){INT64_MIN, m > 0 ? ev[0].at : INT64_MAX, before, before};
        return;
    }
    out->start = ev[k].at;
    out->end = k + 1 < m ? ev[k + 1].at : INT64_MAX;
    out->offset = ev[k].off;
    out->prev_offset = k > 0 ? ev[k - 1].off : (ev[k].off == r->dst_off ? r->std_off : r->dst_off);
}

void dm_tz_span_at(const dm_tz *tz, int64_t t, dm_tz_span *out)
{
    if (tz == NULL) {
        *out = (dm_tz_span){INT64_MIN, INT64_MAX, 0, 0};
        return;
    }
    size_t n = tz->ntrans;
    int32_t first = tz->ntypes > 0 ? tz->utoff[0] : 0;
    if (n == 0) {
        if (tz->has_rule)
            rule_span(&tz->rule, t, out);
        else
            *out = (dm_tz_span){INT64_MIN, INT64_MAX, first, first};
        return;
    }
    if (t < tz->trans[0]) {
        /* before the first transition: time type 0 (RFC 8536 3.2) */
        *out = (dm_tz_span){INT64_MIN, tz->trans[0], first, first};
        return;
    }
    if (t >= tz->trans[n - 1]) {
        int32_t last = tz->utoff[tz->trans_type[n - 1]];
        int32_t before_last = n >= 2 ? tz->utoff[tz->trans_type[n - 2]] : first;
        if (!tz->has_rule) {
            *out = (dm_tz_span){tz->trans[n - 1], INT64_MAX, last, before_last};
            return;
        }
        rule_span(&tz->rule, t, out);
        if (out->start <= tz->trans[n - 1]) {
            out->start = tz->trans[n - 1];
            out->prev_offset = before_last;
        }
        return;
    }
    size_t lo = 0, hi = n - 1;     /* trans[lo] <= t < trans[hi] */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (tz->trans[mid] <= t)
            lo = mid;
        else
            hi = mid;
    }
    out->start = tz->trans[lo];
    out->end = tz->trans[hi];
    out->offset = tz->utoff[tz->trans_type[lo]];
    out->prev_offset = lo > 0 ? tz->utoff[tz->trans_type[lo - 1]] : first;
}

int32_t dm_tz_offset(const dm_tz *tz, int64_t t)
{
    /* The Gregorian calendar and so a POSIX rule repeat every 400 years
     * (146097 days), and every TZif transition lies well inside +/-2^36 s
     * (years -208 to 4147): fold a time beyond that back by whole cycles,
     * where the year arithmetic cannot overflow; its offset is the same. */
    const int64_t cycle = 146097LL * 86400, lim = 1LL << 36;
    if (t >= lim)
        t = lim - cycle + (t - lim) % cycle;
    else if (t <= -lim)
        t = -lim + cycle - (-(t + lim)) % cycle;
    dm_tz_span sp;
    dm_tz_span_at(tz, t, &sp);
    return sp.offset;
}

/* ---- TZif ------------------------------------------------------------------ */

typedef struct tzif_header {
    char version;
    uint32_t isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt;
} tzif_header;

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int64_t be64(const uint8_t *p)
{
    return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

static bool read_header(const uint8_t *d, size_t n, size_t at, tzif_header *h)
{
    if (n - at < 44 || memcmp(d + at, "TZif", 4) != 0)
        return false;
    h->version = (char)d[at + 4];
    const uint8_t *c = d + at + 20;
    h->isutcnt = be32(c), h->isstdcnt = be32(c + 4), h->leapcnt = be32(c + 8);
    h->timecnt = be32(c + 12), h->typecnt = be32(c + 16), h->charcnt = be32(c + 20);
    return true;
}

/* Bytes of the data block after a header; time_size 4 (v1) or 8. */
static uint64_t block_size(const tzif_header *h, unsigned time_size)
{
    return (uint64_t)h->timecnt * time_size + h->timecnt + (uint64_t)h->typecnt * 6 + h->charcnt +
           (uint64_t)h->leapcnt * (time_size + 4) + h->isstdcnt + h->isutcnt;
}

static dm_status parse_tzif(dm_tz *tz, const uint8_t *d, size_t n, dm_error *err)
{
    const char *name = tz->name;
    tzif_header h;
    if (!read_header(d, n, 0, &h))
        return DM_FAIL(err, DM_ERR_FORMAT, "time zone '%s': not a TZif file", name);
    if (h.version < '2')
        return DM_FAIL(err, DM_ERR_FORMAT, "time zone '%s': TZif version 1 files are not supported", name);
    uint64_t v1 = block_size(&h, 4);
    if (v1 > n - 44)
        return DM_FAIL(err, DM_ERR_FORMAT, "time zone '%s': truncated TZif data", name);
    size_t at = 44 + (size_t)v1;
    if (!read_header(d, n, at, &h))
        return DM_FAIL(err, DM_ERR_FORMAT, "time zone '%s': truncated TZif data (no version 2 header)", name);
    at += 44;
    if (block_size(&h, 8) > n - at)
        return DM_FAIL(err, DM_ERR_FORMAT, "time zone '%s': truncated TZif data", name);
    if (h.typecnt == 0 || h.typecnt > 256 || h.charcnt == 0 || (h.isutcnt != 0 && h.isutcnt != h.typecnt) ||
        (h.isstdcnt != 0 && h.isstdcnt != h.typecnt))
        return DM_FAIL(err, DM_ERR_FORMAT, "time zone '%s': inconsistent TZif counts", name);
    if (h.leapcnt != 0)
        return DM_FAIL(err, DM_ERR_FORMAT, "time zone '%s': zone files with leap seconds are not supported", name);
    const uint8_t *times = d + at, *types = times + (size_t)h.timecnt * 8, *ttinfo = types + h.timecnt;
    tz->ntrans = h.timecnt;
    tz->ntypes = h.typecnt;
    tz->trans = dm_xmalloc((h.timecnt ? h.timecnt : 1) * sizeof *tz->trans);
    tz->trans_type = dm_xmalloc(h.timecnt ? h.timecnt : 1);
    tz->utoff = dm_xmalloc(h.typecnt * sizeof *tz->utoff);
    for (uint32_t i = 0; i < h.typecnt; i++) {
        int32_t off = (int32_t)be32(ttinfo + 6 * i);
        if (off < MIN_UTOFF || off > MAX_UTOFF || ttinfo[6 * i + 4] > 1 || ttinfo[6 * i + 5] >= h.charcnt)
            return DM_FAIL(err, DM_ERR_FORMAT, "time zone '%s': bad local time type %u", name, i);
        tz->utoff[i] = off;
    }
    for (uint32_t i = 0; i < h.timecnt; i++) {
        tz->trans[i] = be64(times + 8 * i);
        tz->trans_type[i] = types[i];
        if (types[i] >= h.typecnt)
            return DM_FAIL(err, DM_ERR_FORMAT, "time zone '%s': transition %u has no local time type", name, i);
        if (i > 0 && tz->trans[i] <= tz->trans[i - 1])
            return DM_FAIL(err, DM_ERR_FORMAT, "time zone '%s': transitions out of order", name);
    }
    at += (size_t)block_size(&h, 8);
    /* footer: "\n" TZ-string "\n" */
    const uint8_t *nl = at < n ? memchr(d + at + 1, '\n', n - at - 1) : NULL;
    if (at >= n || d[at] != '\n' || nl == NULL)
        return DM_FAIL(err, DM_ERR_FORMAT, "time zone '%s': truncated TZif data (no footer)", name);
    size_t len = (size_t)(nl - (d + at + 1));
    if (len == 0)
        return DM_OK;   /* no rule: the last type stays */
    if (len > 255 || memchr(d + at + 1, '\0', len) != NULL)
        return DM_FAIL(err, DM_ERR_FORMAT, "time zone '%s': bad footer", name);
    char spec[256];
    memcpy(spec, d + at + 1, len);
    spec[len] = '\0';
    dm_status rc = parse_posix(spec, &tz->rule, err);
    if (rc != DM_OK) {
        dm_error_prefix(err, "time zone '%s'", name);
        return rc;
    }
    tz->has_rule = true;
    return DM_OK;
}

static bool name_ok(const char *name)
{
    size_t len = strlen(name);
    if (len == 0 || len > 200 || name[0] == '/' || name[0] == '.')
        return false;
    for (const char *p = name; *p; p++)
        if (!isalnum((unsigned char)*p) && strchr("_+-./", *p) == NULL)
            return false;
    return strstr(name, "..") == NULL && strstr(name, "/.") == NULL;
}

dm_status dm_tz_load(const char *name, dm_tz **out, dm_error *err)
{
    dm_tz *tz = NULL;
    FILE *f = NULL;
    uint8_t *buf = NULL;
    char *path = NULL;
    dm_status rc = DM_OK;
    *out = NULL;
    if (name == NULL || !name_ok(name))
        return DM_FAIL(err, DM_ERR_ARG, "time zone '%s': not a zone name like Europe/Berlin", name ? name : "");
    tz = dm_xcalloc(1, sizeof *tz);
    tz->name = dm_xstrdup(name);
    if (strcmp(name, "UTC") == 0) {
        tz->has_rule = true;    /* "UTC0" */
        goto out;
    }
    const char *dir = getenv("TZDIR");
    path = dm_xasprintf("%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", name);
    f = fopen(path, "rb");
    if (f == NULL) {
        if (errno == ENOENT || errno == ENOTDIR || errno == EISDIR)
            rc = DM_FAIL(err, DM_ERR_NOT_FOUND, "unknown time zone '%s' (no %s)", name, path);
        else
            rc = DM_FAIL(err, DM_ERR_IO, "time zone '%s': %s: %s", name, path, strerror(errno));
        goto out;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || S_ISDIR(st.st_mode)) {
        rc = DM_FAIL(err, DM_ERR_NOT_FOUND, "unknown time zone '%s' (%s is not a file)", name, path);
        goto out;
    }
    size_t want = st.st_size > 0 && st.st_size <= TZIF_MAX_BYTES ? (size_t)st.st_size + 1 : TZIF_MAX_BYTES + 1;
    buf = dm_xmalloc(want);
    size_t n = fread(buf, 1, want, f);
    if (ferror(f)) {
        rc = DM_FAIL(err, DM_ERR_IO, "time zone '%s': %s: %s", name, path, strerror(errno));
        goto out;
    }
    if (n > TZIF_MAX_BYTES) {
        rc = DM_FAIL(err, DM_ERR_FORMAT, "time zone '%s': %s is larger than %u bytes", name, path, TZIF_MAX_BYTES);
        goto out;
    }
    rc = parse_tzif(tz, buf, n, err);
out:
    if (f)
        fclose(f);
    free(buf);
    free(path);
    if (rc != DM_OK)
        dm_tz_free(tz);
    else
        *out = tz;
    return rc;
}

dm_status dm_tz_parse_posix(const char *spec, dm_tz **out, dm_error *err)
{
    posix_rule r;
    *out = NULL;
    dm_status rc = parse_posix(spec ? spec : "", &r, err);
    if (rc != DM_OK)
        return rc;
    dm_tz *tz = dm_xcalloc(1, sizeof *tz);
    tz->name = dm_xstrdup(spec);
    tz->rule = r;
    tz->has_rule = true;
    *out = tz;
    return DM_OK;
}

void dm_tz_free(dm_tz *tz)
{
    if (tz == NULL)
        return;
    free(tz->name);
    free(tz->trans);
    free(tz->trans_type);
    free(tz->utoff);
    free(tz);
}

const char *dm_tz_name(const dm_tz *tz)
{
    return tz ? tz->name : "UTC";
}
