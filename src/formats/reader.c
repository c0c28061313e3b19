/*
 * Record readers: the format-independent part. Opening and dispatch, the
 * column table, record assembly across buffer refills (dm_rd_fetch),
 * warnings, UTF-8 validation, resync.
 */
#include "formats/reader_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/hash.h"
#include "core/mem.h"

#define DEFAULT_MAX_RECORD ((size_t)8 << 20)
#define DEFAULT_MAX_COLUMNS 4096

const char *dm_format_name(dm_format f)
{
    switch (f) {
    case DM_FMT_CSV: return "csv";
    case DM_FMT_JSONL: return "jsonl";
    case DM_FMT_JSON: return "json";
    case DM_FMT_UNKNOWN: break;
    }
    return "unknown";
}

const char *dm_sniff_format_name(const dm_sniff *s)
{
    if (s->format == DM_FMT_CSV && s->delimiter == '\t')
        return "tsv";
    return dm_format_name(s->format);
}

void dm_rd_human_size(size_t n, char *out, size_t outlen)
{
    if (n >= ((size_t)1 << 20) && n % ((size_t)1 << 20) == 0)
        snprintf(out, outlen, "%zu MiB", n >> 20);
    else if (n >= 1024 && n % 1024 == 0)
        snprintf(out, outlen, "%zu KiB", n >> 10);
    else
        snprintf(out, outlen, "%zu bytes", n);
}

/* ---- warnings and fatal errors ---- */

void dm_rd_warn(dm_reader *r, uint64_t line, const char *fmt, ...)
{
    r->bad++;
    if (r->has_warning)
        return;
    char what[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (r->lines_known)
        snprintf(r->warning, sizeof r->warning, "line %llu: %s", (unsigned long long)line, what);
    else
        snprintf(r->warning, sizeof r->warning, "record at byte %llu: %s",
                 (unsigned long long)r->rec_offset, what);
    r->has_warning = true;
}

int dm_rd_fail(dm_reader *r, dm_error *err, dm_status code, const char *fmt, ...)
{
    char what[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    dm_error_set(&r->fatal, code, "%s: %s", dm_stream_name(r->s), what);
    r->failed = true;
    r->done = true;
    if (err)
        *err = r->fatal;
    return -1;
}

/* ---- columns ---- */

static uint64_t name_hash(const char *p, size_t n)
{
    uint64_t h = dm_fnv64(DM_FNV64_INIT, p, n);
    return h ^ (h >> 29);
}

long dm_rd_col_find(const dm_reader *r, const char *name, size_t len)
{
    if (r->hcap == 0)
        return -1;
    size_t mask = r->hcap - 1;
    for (size_t i = (size_t)name_hash(name, len) & mask;; i = (i + 1) & mask) {
        uint32_t slot = r->htab[i];
        if (slot == 0)
            return -1;
        size_t c = slot - 1;
        if (r->name_lens[c] == len && memcmp(r->names[c], name, len) == 0)
            return (long)c;
    }
}

static void htab_insert(dm_reader *r, size_t col)
{
    size_t mask = r->hcap - 1;
    size_t i = (size_t)name_hash(r->names[col], r->name_lens[col]) & mask;
    while (r->htab[i] != 0)
        i = (i + 1) & mask;
    r->htab[i] = (uint32_t)col + 1;
}

long dm_rd_col_add(dm_reader *r, const char *name, size_t len)
{
    if (r->ncols >= r->lim.max_columns)
        return -1;
    if (r->ncols == r->cap_cols) {
        size_t cap = r->cap_cols ? r->cap_cols * 2 : 16;
        r->names = dm_xrealloc(r->names, cap * sizeof *r->names);
        r->name_lens = dm_xrealloc(r->name_lens, cap * sizeof *r->name_lens);
        r->col_stamp = dm_xrealloc(r->col_stamp, cap * sizeof *r->col_stamp);
        r->col_field = dm_xrealloc(r->col_field, cap * sizeof *r->col_field);
        r->grp_stamp = dm_xrealloc(r->grp_stamp, cap * sizeof *r->grp_stamp);
        r->grp_idx = dm_xrealloc(r->grp_idx, cap * sizeof *r->grp_idx);
        r->grp_len = dm_xrealloc(r->grp_len, cap * sizeof *r->grp_len);
        r->grp_off = dm_xrealloc(r->grp_off, cap * sizeof *r->grp_off);
        r->cap_cols = cap;
    }
    if ((r->ncols + 1) * 2 > r->hcap) {
        free(r->htab);
        r->hcap = r->hcap ? r->hcap * 2 : 64;
        r->htab = dm_xcalloc(r->hcap, sizeof *r->htab);
        for (size_t c = 0; c < r->ncols; c++)
            htab_insert(r, c);
    }
    size_t c = r->ncols++;
    r->names[c] = dm_xstrndup(name, len);
    r->name_lens[c] = len;
    r->col_stamp[c] = 0;
    r->grp_stamp[c] = 0;
    htab_insert(r, c);
    return (long)c;
}

long dm_rd_col_add_unique(dm_reader *r, const char *name, size_t len, size_t idx)
{
    char gen[32];
    if (len == 0) {
        len = (size_t)snprintf(gen, sizeof gen, "col%zu", idx);
        name = gen;
    }
    if (dm_rd_col_find(r, name, len) < 0)
        return dm_rd_col_add(r, name, len);
    char *tmp = dm_xmalloc(len + 24);
    memcpy(tmp, name, len);
    long col = -1;
    for (unsigned long k = 2;; k++) {
        size_t n = len + (size_t)snprintf(tmp + len, 24, "_%lu", k);
        if (dm_rd_col_find(r, tmp, n) < 0) {
            col = dm_rd_col_add(r, tmp, n);
            break;
        }
    }
    free(tmp);
    return col;
}

void dm_rd_cols_truncate(dm_reader *r, size_t n)
{
    if (n >= r->ncols)
        return;
    for (size_t c = n; c < r->ncols; c++)
        free(r->names[c]);
    r->ncols = n;
    memset(r->htab, 0, r->hcap * sizeof *r->htab);
    for (size_t c = 0; c < r->ncols; c++)
        htab_insert(r, c);
}

void dm_rd_fields_reserve(dm_reader *r, size_t n)
{
    if (n <= r->cap_fields)
        return;
    size_t cap = r->cap_fields ? r->cap_fields : 16;
    while (cap < n)
        cap *= 2;
    r->fields = dm_xrealloc(r->fields, cap * sizeof *r->fields);
    r->spans = dm_xrealloc(r->spans, cap * sizeof *r->spans);
    r->cap_fields = cap;
}

void dm_rd_scratch_reserve(dm_reader *r, size_t n)
{
    if (r->scratch != NULL && n <= r->scratch_cap - r->scratch_len)
        return;
    size_t cap = r->scratch_cap ? r->scratch_cap : 4096;
    while (cap - r->scratch_len < n)
        cap *= 2;
    r->scratch = dm_xrealloc(r->scratch, cap);
    r->scratch_cap = cap;
}

/* ---- UTF-8 ---- */

bool dm_rd_utf8_valid(const char *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p, *end = s + n;
    while (s < end) {
        /* ASCII runs, 16 then 8 bytes at a time */
#ifdef __SSE2__
        while (end - s >= 16 &&
               _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)s)) == 0)
            s += 16;
#endif
        while (end - s >= 8) {
            uint64_t w;
            memcpy(&w, s, 8);
            if (w & 0x8080808080808080ULL)
                break;
            s += 8;
        }
        if (s >= end)
            break;
        unsigned c = *s;
        if (c < 0x80) {
            s++;
            continue;
        }
        size_t need;
        unsigned min;
        if (c >= 0xc2 && c <= 0xdf) {
            need = 1;
            min = 0x80;
        } else if (c >= 0xe0 && c <= 0xef) {
            need = 2;
            min = 0x800;
        } else if (c >= 0xf0 && c <= 0xf4) {
            need = 3;
            min = 0x10000;
        } else {
            return false;
        }
        if ((size_t)(end - s) <= need)
            return false;
        unsigned cp = c & (0x3f >> need);
        for (size_t i = 1; i <= need; i++) {
            if ((s[i] & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        s += need + 1;
    }
    return true;
}

/* ---- record assembly ---- */

static void warn_long(dm_reader *r)
{
    char sz[32];
    dm_rd_human_size(r->lim.max_record, sz, sizeof sz);
    dm_rd_warn(r, r->rec_line, "record longer than %s, skipped", sz);
}

static void carry_append(dm_reader *r, const char *p, size_t n)
{
    if (n > r->carry_cap - r->carry_len) {
        size_t cap = r->carry_cap ? r->carry_cap : 4096;
        while (cap - r->carry_len < n)
            cap *= 2;
        r->carry = dm_xrealloc(r->carry, cap);
        r->carry_cap = cap;
    }
    memcpy(r->carry + r->carry_len, p, n);
    r->carry_len += n;
}

int dm_rd_fetch(dm_reader *r, const char **rec, size_t *len, dm_error *err)
{
    r->at_eof_record = false;
    for (;;) {
        const char *data;
        size_t n;
        if (dm_stream_fill(r->s, &data, &n, err) != DM_OK)
            return -1;
        if (r->skip_to_newline) {
            if (n == 0)
                return 0;
            const char *nl = memchr(data, '\n', n);
            dm_stream_consume(r->s, nl ? (size_t)(nl - data) + 1 : n);
            if (nl)
                r->skip_to_newline = false;
            continue;
        }
        if (n == 0) {
            if (!r->pending)
                return 0;
            r->pending = false;
            if (r->skipping) {
                r->skipping = false;
                warn_long(r);
                return 2;
            }
            r->at_eof_record = true;
            *rec = r->carry;
            *len = r->carry_len;
            return 1;
        }
        if (!r->pending) {
            r->scan_state = 0;
            r->scan_depth = 0;
            r->scan_quoted = false;
            r->rec_line = r->line;
            r->rec_offset = dm_stream_offset(r->s);
        }
        size_t rl = 0;
        bool ended = false;
        size_t used = r->scan(r, data, n, &rl, &ended);
        if (!r->pending && ended) {
            dm_stream_consume(r->s, used);
            if (rl > r->lim.max_record) {
                warn_long(r);
                return 2;
            }
            *rec = data;
            *len = rl;
            return 1;
        }
        if (!r->pending) {
            r->pending = true;
            r->skipping = false;
            r->carry_len = 0;
        }
        if (!r->skipping) {
            if (rl > r->lim.max_record - r->carry_len) {
                r->skipping = true;
                r->carry_len = 0;
            } else {
                carry_append(r, data, rl);
            }
        }
        dm_stream_consume(r->s, used);
        if (ended) {
            r->pending = false;
            if (r->skipping) {
                r->skipping = false;
                warn_long(r);
                return 2;
            }
            *rec = r->carry;
            *len = r->carry_len;
            return 1;
        }
    }
}

/* ---- public API ---- */

dm_status dm_reader_open(dm_stream *s, const dm_sniff *sniff, const dm_reader_limits *lim,
                         dm_reader **out, dm_error *err)
{
    *out = NULL;
    if (sniff == NULL || sniff->format == DM_FMT_UNKNOWN)
        return DM_FAIL(err, DM_ERR_ARG, "%s: unknown record format", dm_stream_name(s));
    dm_reader *r = dm_xcalloc(1, sizeof *r);
    r->s = s;
    r->sniff = *sniff;
    r->lim.max_record = lim && lim->max_record ? lim->max_record : DEFAULT_MAX_RECORD;
    r->lim.max_columns = lim && lim->max_columns ? lim->max_columns : DEFAULT_MAX_COLUMNS;
    if (r->lim.max_columns > UINT32_MAX - 1)
        r->lim.max_columns = UINT32_MAX - 1;
    r->line = 1;
    r->lines_known = true;

    /* A UTF-8 byte order mark is not data. */
    const char *head;
    size_t hlen;
    dm_status rc = dm_stream_peek(s, 3, &head, &hlen, err);
    if (rc != DM_OK)
        goto out;
    if (hlen == 3 && memcmp(head, "\xef\xbb\xbf", 3) == 0)
        dm_stream_consume(s, 3);

    switch (sniff->format) {
    case DM_FMT_CSV: rc = dm_rd_csv_open(r, err); break;
    case DM_FMT_JSONL: rc = dm_rd_jsonl_open(r, err); break;
    case DM_FMT_JSON: rc = dm_rd_json_open(r, err); break;
    default: rc = DM_FAIL(err, DM_ERR_ARG, "%s: unknown record format", dm_stream_name(s)); break;
    }
out:
    if (rc != DM_OK) {
        dm_reader_free(r);
        return rc;
    }
    *out = r;
    return DM_OK;
}

int dm_reader_next(dm_reader *r, dm_row *row, dm_error *err)
{
    if (r->failed) {
        if (err)
            *err = r->fatal;
        return -1;
    }
    if (r->done)
        return 0;
    int rc = r->next(r, row, err);
    if (rc < 0 && !r->failed) {
        /* a stream error: keep it so later calls repeat it */
        if (err)
            r->fatal = *err;
        else
            dm_error_set(&r->fatal, DM_ERR_IO, "%s: read failed", dm_stream_name(r->s));
        r->failed = true;
    }
    if (rc <= 0)
        r->done = true;
    return rc;
}

dm_status dm_reader_resync(dm_reader *r, uint64_t offset, dm_error *err)
{
    if (r->resync == NULL)
        return DM_FAIL(err, DM_ERR_ARG, "%s: cannot resync a %s stream (csv and jsonl only)",
                       dm_stream_name(r->s), dm_format_name(r->sniff.format));
    if (!dm_stream_can_seek(r->s))
        return DM_FAIL(err, DM_ERR_ARG, "%s: cannot resync a non-seekable %s stream",
                       dm_stream_name(r->s), dm_format_name(r->sniff.format));
    if (r->failed) {
        if (err)
            *err = r->fatal;
        return r->fatal.code;
    }
    return r->resync(r, offset, err);
}

dm_status dm_rd_resync_lines(dm_reader *r, uint64_t offset, dm_error *err)
{
    bool skip = offset > r->data_start;
    dm_status rc = dm_stream_seek(r->s, skip ? offset - 1 : r->data_start, err);
    if (rc != DM_OK)
        return rc;
    r->pending = r->skipping = false;
    r->carry_len = 0;
    r->skip_to_newline = skip;
    r->resynced = skip;
    r->lines_known = !skip;
    if (!skip)
        r->line = r->data_start_line;
    r->done = false;
    return DM_OK;
}

size_t dm_reader_ncols(const dm_reader *r)
{
    return r->ncols;
}

const char *dm_reader_colname(const dm_reader *r, size_t col)
{
    return col < r->ncols ? r->names[col] : NULL;
}

uint64_t dm_reader_bad_records(const dm_reader *r)
{
    return r->bad;
}

const char *dm_reader_warning(const dm_reader *r)
{
    return r->has_warning ? r->warning : NULL;
}

void dm_reader_free(dm_reader *r)
{
    if (r == NULL)
        return;
    for (size_t c = 0; c < r->ncols; c++)
        free(r->names[c]);
    free(r->names);
    free(r->name_lens);
    free(r->htab);
    free(r->fields);
    free(r->spans);
    free(r->carry);
    free(r->scratch);
    free(r->col_stamp);
    free(r->col_field);
    free(r->grp_stamp);
    free(r->grp_idx);
    free(r->grp_len);
    free(r->grp_off);
    free(r->pend);
    free(r);
}
