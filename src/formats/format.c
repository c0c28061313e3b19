/*
 * The format table, built from formats/format_list.h, and the questions
 * callers ask of a format id.
 */
#include "formats/reader_impl.h"

#define DM_FORMAT_ROW(id, def) extern const dm_format_def def;
#include "formats/format_list.h"
#undef DM_FORMAT_ROW

/* Indexed by dm_format: the row of DM_FMT_<ID> is at [DM_FMT_<ID>]. */
static const dm_format_def *const formats[DM_FMT_COUNT] = {
#define DM_FORMAT_ROW(id, def) [DM_FMT_##id] = &def,
#include "formats/format_list.h"
#undef DM_FORMAT_ROW
};

const dm_format_def *dm_format_def_of(dm_format f)
{
    return (unsigned)f < DM_FMT_COUNT ? formats[f] : NULL;
}

const char *dm_format_name(dm_format f)
{
    const dm_format_def *d = dm_format_def_of(f);
    return d ? d->name : "unknown";
}

const char *dm_sniff_format_name(const dm_sniff *s)
{
    const dm_format_def *d = dm_format_def_of(s->format);
    if (d && d->sniff_name)
        return d->sniff_name(s);
    return dm_format_name(s->format);
}

bool dm_format_can_resync(dm_format f)
{
    const dm_format_def *d = dm_format_def_of(f);
    return d && d->resync;
}

bool dm_format_random_access(dm_format f)
{
    const dm_format_def *d = dm_format_def_of(f);
    return d && (d->flags & DM_FORMAT_RANDOM_ACCESS);
}
