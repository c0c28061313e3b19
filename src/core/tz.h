/*
 * Time zones for the scheduler of `datamap serve`
 *
 * A zone is an IANA name ("Europe/Berlin") whose TZif file (RFC 8536) is
 * read from $TZDIR, else /usr/share/zoneinfo (Debian package tzdata). Only
 * the 64-bit data of version 2 and later files is used; times after the
 * last transition of the file follow the POSIX TZ rule of its footer
 * ("CET-1CEST,M3.5.0,M10.5.0/3": Mm.w.d, Jn and n dates, times from -167 to
 * 167 hours as RFC 8536 allows). "UTC" needs no file.
 *
 * Nothing here touches the TZ variable or localtime(): a loaded zone is
 * immutable and may be shared by threads.
 */
#ifndef DM_CORE_TZ_H
#define DM_CORE_TZ_H

#include <stdbool.h>
#include <stdint.h>

#include "core/error.h"

typedef struct dm_tz dm_tz;

/* Load zone `name`. The name is a relative path of letters, digits and
 * "_+-./" without ".." parts. Errors: DM_ERR_NOT_FOUND "unknown time zone
 * 'Europe/Berln'" (no such file), DM_ERR_FORMAT naming the zone and the
 * problem for a malformed or truncated file (leap-second "right/" zones
 * are refused too); DM_ERR_ARG for a bad name. *out is NULL on failure. */
dm_status dm_tz_load(const char *name, dm_tz **out, dm_error *err);

/* A zone from a POSIX TZ string alone ("EST5EDT,M3.2.0,M11.1.0"), as in a
 * TZif footer; a DST name needs a rule. DM_ERR_FORMAT when malformed. */
dm_status dm_tz_parse_posix(const char *spec, dm_tz **out, dm_error *err);

void dm_tz_free(dm_tz *tz);

/* The name given to dm_tz_load (the spec for dm_tz_parse_posix). */
const char *dm_tz_name(const dm_tz *tz);

/* Offset of local time from UTC at instant t (Unix seconds), in seconds,
 * east positive: +3600 for Berlin in winter. tz NULL is UTC (0). */
int32_t dm_tz_offset(const dm_tz *tz, int64_t t);

/* The stretch of time around an instant in which the offset stays put:
 * [start, end) holds t, start is the transition at or before t (INT64_MIN
 * when none), end the next one (INT64_MAX when none). A transition may
 * change only the abbreviation, then prev_offset == offset. */
typedef struct dm_tz_span {
    int64_t start, end;
    int32_t offset;         /* in [start, end) */
    int32_t prev_offset;    /* just before start; == offset when start is INT64_MIN */
} dm_tz_span;

void dm_tz_span_at(const dm_tz *tz, int64_t t, dm_tz_span *out);

#endif
