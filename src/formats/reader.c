/*
 * Record readers: the format-independent part. Opening (the format's row
 * from the table, its state in the reader's allocation), the column table,
 * record assembly across buffer refills (dm_rd_fetch), warnings, UTF-8
 * validation, resync.
 */
#include "formats/reader_impl.h"
#include "formats/encoding_impl.h"

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
        if (r->cols[c].len == len && memcmp(r->cols[c].name, name, len) == 0)
            return (long)c;
    }
}

static void htab_insert(dm_reader *r, size_t col)
{
    size_t mask = r->hcap - 1;
    size_t i = (size_t)name_hash(r->cols[col].name, r->cols[col].len) & mask;
    while (r->htab[i] != 0)
        i = (i + 1) & mask;
    r->htab[i] = (uint32_t)col + 1;
}

long dm_rd_col_add(dm_reader *r, const char *name, size_t len)
{
    if (r->ncols >= r->lim.max_columns)
        return -1;
    DM_GROW(r->cols, r->cap_cols, r->ncols + 1);
    if ((r->ncols + 1) * 2 > r->hcap) {
        free(r->htab);
        r->hcap = r->hcap ? r->hcap * 2 : 64;
        r->htab = dm_xcalloc(r->hcap, sizeof *r->htab);
        for (size_t c = 0; c < r->ncols; c++)
            htab_insert(r, c);
    }
    size_t c = r->ncols++;
    r->cols[c].name = dm_xstrndup(name, len);
    r->cols[c].len = len;
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
        free(r->cols[c].name);
    r->ncols = n;
    memset(r->htab, 0, r->hcap * sizeof *r->htab);
    for (size_t c = 0; c < r->ncols; c++)
        htab_insert(r, c);
}

void dm_rd_fields_reserve(dm_reader *r, size_t n)
{
    DM_GROW(r->fields, r->cap_fields, n);
}

void dm_rd_scratch_reserve(dm_reader *r, size_t n)
{
    /* at least one byte, so that scratch + off is never arithmetic on NULL */
    DM_GROW(r->scratch, r->scratch_cap, r->scratch_len + (n ? n : 1));
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
    DM_GROW(r->carry, r->carry_cap, r->carry_len + n);
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
    const dm_format_def *fmt = sniff ? dm_format_def_of(sniff->format) : NULL;
    if (fmt == NULL || fmt->open == NULL)
        return DM_FAIL(err, DM_ERR_ARG, "%s: unknown record format", dm_stream_name(s));
    dm_reader *r = dm_xcalloc(1, sizeof *r + fmt->state_size);
    r->fmt = fmt;
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

    rc = fmt->open(r, err);
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
    int rc = r->fmt->next(r, row, err);
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

/* "csv and jsonl": the formats that can resync, from the table. */
static void resync_formats(char *out, size_t outlen)
{
    size_t n = 0, k = 0, len = 0;
    for (int f = 1; f < DM_FMT_COUNT; f++)
        n += dm_format_can_resync((dm_format)f);
    out[0] = '\0';
    for (int f = 1; f < DM_FMT_COUNT && len < outlen; f++) {
        if (!dm_format_can_resync((dm_format)f))
            continue;
        const char *sep = k == 0 ? "" : k + 1 == n ? " and " : ", ";
        len += (size_t)snprintf(out + len, outlen - len, "%s%s", sep, dm_format_name((dm_format)f));
        k++;
    }
}

dm_status dm_reader_resync(dm_reader *r, uint64_t offset, dm_error *err)
{
    if (r->fmt->resync == NULL) {
        char which[128];
        resync_formats(which, sizeof which);
        return DM_FAIL(err, DM_ERR_ARG, "%s: cannot resync a %s stream (%s only)",
                       dm_stream_name(r->s), r->fmt->name, which);
    }
    if (!dm_stream_can_seek(r->s))
        return DM_FAIL(err, DM_ERR_ARG, "%s: cannot resync a non-seekable %s stream",
                       dm_stream_name(r->s), r->fmt->name);
    if (r->failed) {
        if (err)
            *err = r->fatal;
        return r->fatal.code;
    }
    return r->fmt->resync(r, offset, err);
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

void dm_reader_plan(dm_reader *r, uint64_t rows)
{
    if (r->fmt->plan)
        r->fmt->plan(r, rows);
}

size_t dm_reader_ncols(const dm_reader *r)
{
    return r->ncols;
}

const char *dm_reader_colname(const dm_reader *r, size_t col)
{
    return col < r->ncols ? r->cols[col].name : NULL;
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
    if (r->fmt->close)
        r->fmt->close(r);
    for (size_t c = 0; c < r->ncols; c++)
        free(r->cols[c].name);
    free(r->cols);
    free(r->htab);
    free(r->fields);
    free(r->carry);
    free(r->scratch);
    free(r->fix);
    free(r);
}

void dm_rd_fix_utf8(dm_reader *r)
{
    size_t need = 0;
    for (size_t i = 0; i < r->nfields; i++)
        if (!dm_rd_utf8_valid(r->fields[i].ptr, r->fields[i].len))
            need += DM_ENC_MAX_EXPANSION * r->fields[i].len;
    if (need > r->fix_cap) {
        r->fix = dm_xrealloc(r->fix, need);
        r->fix_cap = need;
    }
    char *o = r->fix;
    for (size_t i = 0; i < r->nfields; i++) {
        dm_field *f = &r->fields[i];
        if (dm_rd_utf8_valid(f->ptr, f->len))
            continue;
        char *start = o;
        for (size_t k = 0; k < f->len; k++)
            o += dm_enc_put_utf8(dm_enc_cp1252((unsigned char)f->ptr[k]), o);
        f->ptr = start;
        f->len = (size_t)(o - start);
    }
}
