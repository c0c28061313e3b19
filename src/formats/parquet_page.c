/*
 * Parquet pages: one column chunk read page by page (see parquet_impl.h).
 *
 * A page is decompressed whole into the column's page buffer (its
 * uncompressed size is in its header, capped at PAGE_MAX), then its levels
 * and values are decoded one entry at a time as the row assembly asks:
 * nothing of a page is expanded beyond the buffer, and dictionary pages are
 * turned into text once per row group. Every read checks the page's end: a
 * malformed page is an error naming the column, never a read out of bounds.
 */
#include "formats/parquet_impl.h"

#include <brotli/decode.h>
#include <lz4.h>
#include <math.h>
#include <snappy-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

#include "formats/reader_impl.h"
#include "formats/thrift.h"

#define PAGE_MAX (256u << 20)       /* one page, decompressed */
#define DICT_MAX (64u << 20)        /* a dictionary, as text */

enum { PAGE_DATA = 0, PAGE_INDEX = 1, PAGE_DICT = 2, PAGE_DATA_V2 = 3 };

/* ---- RLE / bit-packed hybrid ---- */

int pq_bit_width(uint32_t max)
{
    int w = 0;
    while (max) {
        w++;
        max >>= 1;
    }
    return w;
}

void pq_rle_init(pq_rle *d, const uint8_t *p, size_t n, int width)
{
    memset(d, 0, sizeof *d);
    d->p = p;
    d->end = p + n;
    d->width = width;
    d->bad = width < 0 || width > 32;
}

static bool uvarint(const uint8_t **pp, const uint8_t *end, uint64_t *out)
{
    uint64_t v = 0;
    const uint8_t *p = *pp;
    for (unsigned shift = 0; shift < 64 && p < end; shift += 7) {
        uint8_t b = *p++;
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *pp = p;
            *out = v;
            return true;
        }
    }
    return false;
}

static bool rle_header(pq_rle *d)
{
    uint64_t h;
    if (!uvarint(&d->p, d->end, &h))
        return false;
    if (h & 1) {
        uint64_t groups = h >> 1;
        if (groups > UINT32_MAX / 8)
            return false;
        uint64_t bytes = groups * (uint64_t)d->width;
        /* a last run may stop short of its group padding: values past the
         * end are never asked for, and the bounds check below catches it */
        if (bytes > (uint64_t)(d->end - d->p))
            bytes = (uint64_t)(d->end - d->p);
        d->packed = true;
        d->bp = d->p;
        d->bp_end = d->p + bytes;
        d->bp_idx = 0;
        d->left = (uint32_t)(groups * 8);
        d->p += bytes;
    } else {
        size_t nb = ((size_t)d->width + 7) / 8;
        if (h >> 1 > UINT32_MAX || nb > (size_t)(d->end - d->p))
            return false;
        d->packed = false;
        d->left = (uint32_t)(h >> 1);
        d->value = 0;
        for (size_t i = 0; i < nb; i++)
            d->value |= (uint32_t)d->p[i] << (8 * i);
        d->p += nb;
    }
    return true;
}

/* Bits [bit, bit + width) of a little-endian packed run, width <= 64. */
static bool unpack(const uint8_t *p, const uint8_t *end, uint64_t bit, int width, uint64_t *out)
{
    if (width == 0) {
        *out = 0;
        return true;
    }
    size_t byte = (size_t)(bit >> 3);
    unsigned sh = (unsigned)(bit & 7);
    size_t nb = (sh + (unsigned)width + 7) / 8;
    if (byte + nb > (size_t)(end - p))
        return false;
    unsigned __int128 v = 0;
    for (size_t i = 0; i < nb; i++)
        v |= (unsigned __int128)p[byte + i] << (8 * i);
    v >>= sh;
    *out = width == 64 ? (uint64_t)v : (uint64_t)v & ((1ull << width) - 1);
    return true;
}

uint32_t pq_rle_next(pq_rle *d)
{
    while (d->left == 0) {
        if (d->bad || !rle_header(d)) {
            d->bad = true;
            return 0;
        }
    }
    d->left--;
    if (!d->packed)
        return d->value;
    uint64_t v;
    if (!unpack(d->bp, d->bp_end, (uint64_t)d->bp_idx++ * (uint64_t)d->width, d->width, &v)) {
        d->bad = true;
        return 0;
    }
    return (uint32_t)v;
}

/* ---- DELTA_BINARY_PACKED ---- */

static int64_t unzigzag(uint64_t v)
{
    return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

bool pq_delta_init(pq_delta *d, const uint8_t *p, size_t n)
{
    uint64_t first;
    memset(d, 0, sizeof *d);
    d->p = p;
    d->end = p + n;
    if (!uvarint(&d->p, d->end, &d->block) || !uvarint(&d->p, d->end, &d->mini_count) ||
        !uvarint(&d->p, d->end, &d->total) || !uvarint(&d->p, d->end, &first) || d->mini_count == 0 ||
        d->block == 0 || d->block % d->mini_count || (d->block / d->mini_count) % 8 || d->block > (1u << 20)) {
        d->bad = true;
        return false;
    }
    d->per_mini = d->block / d->mini_count;
    d->last = unzigzag(first);
    d->in_block = d->block;     /* a block header comes first */
    d->mini = d->p;
    return true;
}

int64_t pq_delta_next(pq_delta *d)
{
    if (d->bad || d->done >= d->total) {
        d->bad = true;
        return 0;
    }
    if (d->done++ == 0)
        return d->last;
    if (d->in_block == d->block) {
        uint64_t md;
        if (!uvarint(&d->p, d->end, &md) || d->mini_count > (uint64_t)(d->end - d->p)) {
            d->bad = true;
            return 0;
        }
        d->min_delta = unzigzag(md);
        d->widths = d->p;
        d->p += d->mini_count;
        d->mini = d->p;
        d->in_block = 0;
        d->mini_idx = 0;
    }
    uint64_t m = d->in_block / d->per_mini, j = d->in_block % d->per_mini;
    if (j == 0) {
        if (m > 0)
            d->mini += d->per_mini * d->widths[m - 1] / 8;
        if (d->widths[m] > 64 || d->mini > d->end) {
            d->bad = true;
            return 0;
        }
        /* p tracks the end of the miniblocks begun: the next block starts there */
        d->p = d->mini + d->per_mini * d->widths[m] / 8;
        if (d->p > d->end)
            d->p = d->end;      /* a short last miniblock: the bounds check below still holds */
    }
    uint64_t v;
    if (!unpack(d->mini, d->end, j * d->widths[m], d->widths[m], &v)) {
        d->bad = true;
        return 0;
    }
    d->in_block++;
    d->last = (int64_t)((uint64_t)d->last + (uint64_t)d->min_delta + v);
    return d->last;
}

const uint8_t *pq_delta_end(pq_delta *d)
{
    return d->p;
}

/* ---- values shown as text ---- */

static void put_frac(dm_buf *out, uint64_t frac, int digits)
{
    char f[24];
    snprintf(f, sizeof f, ".%0*llu", digits, (unsigned long long)frac);
    dm_buf_puts(out, f);
}

/* Days since 1970-01-01 -> year, month, day (proleptic Gregorian), from the
 * civil calendar's 400-year cycle of 146097 days. */
static void civil(int64_t days, int64_t *y, unsigned *m, unsigned *d)
{
    days += 719468;
    int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    unsigned doe = (unsigned)(days - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static void put_date(dm_buf *out, int64_t days)
{
    int64_t y;
    unsigned m, d;
    civil(days, &y, &m, &d);
    dm_buf_printf(out, "%04lld-%02u-%02u", (long long)y, m, d);
}

static int64_t per_second(int unit)
{
    return unit == PQ_UNIT_MILLIS ? 1000 : unit == PQ_UNIT_MICROS ? 1000000 : 1000000000;
}

static void put_time_of_day(dm_buf *out, int64_t secs, uint64_t frac, int unit)
{
    dm_buf_printf(out, "%02lld:%02lld:%02lld", (long long)(secs / 3600), (long long)(secs / 60 % 60),
                  (long long)(secs % 60));
    put_frac(out, frac, unit == PQ_UNIT_MILLIS ? 3 : unit == PQ_UNIT_MICROS ? 6 : 9);
}

static void put_timestamp(dm_buf *out, int64_t v, int unit)
{
    int64_t ps = per_second(unit);
    int64_t secs = v / ps, frac = v % ps;
    if (frac < 0) {
        frac += ps;
        secs--;
    }
    int64_t days = secs / 86400, sod = secs % 86400;
    if (sod < 0) {
        sod += 86400;
        days--;
    }
    put_date(out, days);
    dm_buf_putc(out, 'T');
    put_time_of_day(out, sod, (uint64_t)frac, unit);
}

/* A scaled integer of up to 128 bits: "-12.50" for -1250 at scale 2. */
static void put_decimal(dm_buf *out, __int128 v, int scale)
{
    char digits[48];
    int n = 0;
    bool neg = v < 0;
    unsigned __int128 u = neg ? (unsigned __int128)0 - (unsigned __int128)v : (unsigned __int128)v;
    do {
        digits[n++] = (char)('0' + (int)(u % 10));
        u /= 10;
    } while (u && n < 40);
    if (scale < 0 || scale > 38)
        scale = 0;
    while (n <= scale)
        digits[n++] = '0';
    if (neg)
        dm_buf_putc(out, '-');
    for (int i = n - 1; i >= 0; i--) {
        dm_buf_putc(out, digits[i]);
        if (i == scale && scale > 0)
            dm_buf_putc(out, '.');
    }
}

void pq_show_int(const pq_leaf *l, int64_t v, dm_buf *out)
{
    switch (l->show) {
    case PQ_SHOW_UINT:
        dm_buf_printf(out, "%llu", (unsigned long long)(l->type == PQ_INT32 ? (uint32_t)v : (uint64_t)v));
        break;
    case PQ_SHOW_DECIMAL:
        put_decimal(out, v, l->scale);
        break;
    case PQ_SHOW_DATE:
        put_date(out, v);
        break;
    case PQ_SHOW_TIME: {
        int64_t ps = per_second(l->unit);
        if (v < 0)
            v = 0;
        put_time_of_day(out, v / ps, (uint64_t)(v % ps), l->unit);
        break;
    }
    case PQ_SHOW_TIMESTAMP:
        put_timestamp(out, v, l->unit);
        break;
    case PQ_SHOW_BOOL:
        dm_buf_puts(out, v ? "true" : "false");
        break;
    default:
        dm_buf_printf(out, "%lld", (long long)v);
        break;
    }
}

static void put_double(dm_buf *out, double d, int digits)
{
    char s[40];
    if (!isfinite(d)) {
        dm_buf_puts(out, isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        return;
    }
    snprintf(s, sizeof s, "%.*g", digits, d);
    if (strtod(s, NULL) != d)
        snprintf(s, sizeof s, "%.17g", d);
    dm_buf_puts(out, s);
}

void pq_show_bytes(const pq_leaf *l, const uint8_t *p, size_t n, dm_buf *out)
{
    switch (l->show) {
    case PQ_SHOW_DECIMAL: {
        if (n == 0 || n > 16)
            return;
        __int128 v = (int8_t)p[0];      /* big-endian two's complement */
        for (size_t i = 1; i < n; i++)
            v = (__int128)((unsigned __int128)v << 8) | p[i];
        put_decimal(out, v, l->scale);
        return;
    }
    case PQ_SHOW_UUID:
        if (n == 16)
            for (size_t i = 0; i < 16; i++)
                dm_buf_printf(out, "%s%02x", i == 4 || i == 6 || i == 8 || i == 10 ? "-" : "", p[i]);
        return;
    case PQ_SHOW_INT96: {
        if (n != 12)
            return;
        uint64_t nanos;
        uint32_t jday;
        memcpy(&nanos, p, 8);
        memcpy(&jday, p + 8, 4);
        int64_t days = (int64_t)jday - 2440588;     /* Julian day of 1970-01-01 */
        put_timestamp(out, days * 86400 * 1000000000LL + (int64_t)(nanos % 86400000000000ULL), PQ_UNIT_NANOS);
        return;
    }
    case PQ_SHOW_STRING:
    case PQ_SHOW_BYTES:
        if (dm_rd_utf8_valid((const char *)p, n))
            dm_buf_append(out, p, n);
        return;
    default:
        return;
    }
}

/* One PLAIN value at *pp (not BOOLEAN: bits); false when the page ends. */
static bool plain_value(const pq_leaf *l, const uint8_t **pp, const uint8_t *end, dm_buf *out)
{
    const uint8_t *p = *pp;
    size_t avail = (size_t)(end - p);
    switch (l->type) {
    case PQ_INT32: {
        int32_t v;
        if (avail < 4)
            return false;
        memcpy(&v, p, 4);
        pq_show_int(l, v, out);
        *pp = p + 4;
        return true;
    }
    case PQ_INT64: {
        int64_t v;
        if (avail < 8)
            return false;
        memcpy(&v, p, 8);
        pq_show_int(l, v, out);
        *pp = p + 8;
        return true;
    }
    case PQ_INT96:
        if (avail < 12)
            return false;
        pq_show_bytes(l, p, 12, out);
        *pp = p + 12;
        return true;
    case PQ_FLOAT: {
        float v;
        if (avail < 4)
            return false;
        memcpy(&v, p, 4);
        put_double(out, v, 9);
        *pp = p + 4;
        return true;
    }
    case PQ_DOUBLE: {
        double v;
        if (avail < 8)
            return false;
        memcpy(&v, p, 8);
        put_double(out, v, 15);
        *pp = p + 8;
        return true;
    }
    case PQ_BYTE_ARRAY: {
        uint32_t n;
        if (avail < 4)
            return false;
        memcpy(&n, p, 4);
        if (n > avail - 4)
            return false;
        pq_show_bytes(l, p + 4, n, out);
        *pp = p + 4 + n;
        return true;
    }
    case PQ_FIXED:
        if (l->type_length < 0 || (size_t)l->type_length > avail)
            return false;
        pq_show_bytes(l, p, (size_t)l->type_length, out);
        *pp = p + l->type_length;
        return true;
    default:
        return false;
    }
}

static size_t fixed_size(const pq_leaf *l)
{
    switch (l->type) {
    case PQ_INT32:
    case PQ_FLOAT:
        return 4;
    case PQ_INT64:
    case PQ_DOUBLE:
        return 8;
    case PQ_INT96:
        return 12;
    case PQ_FIXED:
        return l->type_length > 0 ? (size_t)l->type_length : 0;
    default:
        return 0;
    }
}

/* ---- decompression ---- */

bool pq_codec_known(int codec)
{
    return codec >= PQ_UNCOMPRESSED && codec <= PQ_LZ4_RAW && codec != PQ_LZO;
}

const char *pq_codec_name(int codec)
{
    static const char *const names[] = {"uncompressed", "snappy", "gzip", "lzo", "brotli", "lz4", "zstd", "lz4_raw"};
    return codec >= 0 && codec <= PQ_LZ4_RAW ? names[codec] : "unknown";
}

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Hadoop's LZ4 framing (codec LZ4): blocks of [BE uncompressed size][BE
 * compressed size][LZ4 block]; some writers put a bare block instead. */
static bool lz4_hadoop(const uint8_t *in, size_t n, uint8_t *out, size_t cap)
{
    size_t ip = 0, op = 0;
    while (n - ip >= 8) {
        uint32_t ulen = be32(in + ip), clen = be32(in + ip + 4);
        ip += 8;
        if (clen > n - ip || ulen > cap - op)
            return false;
        int got = LZ4_decompress_safe((const char *)in + ip, (char *)out + op, (int)clen, (int)ulen);
        if (got != (int)ulen)
            return false;
        ip += clen;
        op += ulen;
    }
    return ip == n && op == cap;
}

static dm_status decompress(int codec, const uint8_t *in, size_t n, uint8_t *out, size_t cap, dm_error *err)
{
    const char *name = pq_codec_name(codec);
    bool ok = false;
    switch (codec) {
    case PQ_UNCOMPRESSED:
        ok = n == cap;
        if (ok)
            memcpy(out, in, n);
        break;
    case PQ_SNAPPY: {
        size_t len = cap;
        ok = snappy_uncompress((const char *)in, n, (char *)out, &len) == SNAPPY_OK && len == cap;
        break;
    }
    case PQ_GZIP: {
        z_stream z;
        memset(&z, 0, sizeof z);
        if (inflateInit2(&z, 15 + 32) != Z_OK)
            return DM_FAIL(err, DM_ERR_NOMEM, "gzip: cannot start");
        z.next_in = (Bytef *)(uintptr_t)in;
        z.avail_in = (uInt)n;
        z.next_out = out;
        z.avail_out = (uInt)cap;
        int zr = inflate(&z, Z_FINISH);
        ok = (zr == Z_STREAM_END || (zr == Z_BUF_ERROR && z.avail_out == 0)) && z.total_out == cap;
        inflateEnd(&z);
        break;
    }
    case PQ_ZSTD: {
        size_t r = ZSTD_decompress(out, cap, in, n);
        ok = !ZSTD_isError(r) && r == cap;
        break;
    }
    case PQ_LZ4_RAW:
        ok = cap <= INT32_MAX && n <= INT32_MAX &&
             LZ4_decompress_safe((const char *)in, (char *)out, (int)n, (int)cap) == (int)cap;
        break;
    case PQ_LZ4:
        ok = lz4_hadoop(in, n, out, cap) ||
             (cap <= INT32_MAX && n <= INT32_MAX &&
              LZ4_decompress_safe((const char *)in, (char *)out, (int)n, (int)cap) == (int)cap);
        break;
    case PQ_BROTLI: {
        size_t len = cap;
        ok = BrotliDecoderDecompress(n, in, &len, out) == BROTLI_DECODER_RESULT_SUCCESS && len == cap;
        break;
    }
    default:
        return DM_FAIL(err, DM_ERR_FORMAT, "compression %s is not supported", name);
    }
    if (!ok)
        return DM_FAIL(err, DM_ERR_FORMAT, "corrupt %s data in a page", name);
    return DM_OK;
}

/* ---- pages ---- */

typedef struct page_header {
    int type;
    int32_t usize, csize;
    int32_t num_values;
    int encoding, def_enc, rep_enc;
    int32_t num_nulls, num_rows, def_len, rep_len;
    bool compressed;
} page_header;

static void read_data_header(dm_thrift *t, page_header *h, bool v2)
{
    int last = 0, id, type;
    if (!dm_thrift_enter(t))
        return;
    while (dm_thrift_field(t, &last, &id, &type)) {
        if (type == DM_TT_I32 && id == 1)
            h->num_values = dm_thrift_i32(t);
        else if (type == DM_TT_I32 && id == 2 && !v2)
            h->encoding = dm_thrift_i32(t);
        else if (type == DM_TT_I32 && id == 3 && !v2)
            h->def_enc = dm_thrift_i32(t);
        else if (type == DM_TT_I32 && id == 4 && !v2)
            h->rep_enc = dm_thrift_i32(t);
        else if (type == DM_TT_I32 && id == 2 && v2)
            h->num_nulls = dm_thrift_i32(t);
        else if (type == DM_TT_I32 && id == 3 && v2)
            h->num_rows = dm_thrift_i32(t);
        else if (type == DM_TT_I32 && id == 4 && v2)
            h->encoding = dm_thrift_i32(t);
        else if (type == DM_TT_I32 && id == 5 && v2)
            h->def_len = dm_thrift_i32(t);
        else if (type == DM_TT_I32 && id == 6 && v2)
            h->rep_len = dm_thrift_i32(t);
        else if ((type == DM_TT_TRUE || type == DM_TT_FALSE) && id == 7 && v2)
            h->compressed = dm_thrift_field_bool(type);
        else
            dm_thrift_skip(t, type);
    }
    dm_thrift_leave(t);
}

/* The page header at p[0, n): *hlen its size. false when malformed. */
static bool read_page_header(const uint8_t *p, size_t n, page_header *h, size_t *hlen, const char **why)
{
    dm_thrift t;
    int last = 0, id, type;
    memset(h, 0, sizeof *h);
    h->type = -1;
    h->compressed = true;
    dm_thrift_init(&t, p, n);
    while (dm_thrift_field(&t, &last, &id, &type)) {
        if (type == DM_TT_I32 && id == 1)
            h->type = dm_thrift_i32(&t);
        else if (type == DM_TT_I32 && id == 2)
            h->usize = dm_thrift_i32(&t);
        else if (type == DM_TT_I32 && id == 3)
            h->csize = dm_thrift_i32(&t);
        else if (type == DM_TT_STRUCT && (id == 5 || id == 7))     /* data page, dictionary page */
            read_data_header(&t, h, false);
        else if (type == DM_TT_STRUCT && id == 8)
            read_data_header(&t, h, true);
        else
            dm_thrift_skip(&t, type);
    }
    *hlen = dm_thrift_used(&t, p);
    *why = t.why;
    return !t.bad && h->usize >= 0 && h->csize >= 0 && h->num_values >= 0;
}

static dm_status page_buffer(pq_col *c, size_t n, dm_error *err)
{
    if (n > PAGE_MAX)
        return DM_FAIL(err, DM_ERR_LIMIT, "a page of %zu bytes is over the limit of %u MiB", n,
                       PAGE_MAX >> 20);
    if (n + 8 > c->page_cap) {
        free(c->page);
        c->page_cap = n + 8;
        c->page = dm_xmalloc(c->page_cap);
    }
    return DM_OK;
}

/* The dictionary page's values (PLAIN) as text. */
static dm_status read_dictionary(pq_col *c, const uint8_t *p, size_t n, uint32_t count, dm_error *err)
{
    const pq_leaf *l = c->leaf;
    dm_buf_reset(&c->dict);
    c->ndict = 0;
    if (count > n + 1 || (l->type == PQ_BOOLEAN))
        return DM_FAIL(err, DM_ERR_FORMAT, "malformed dictionary page");
    if (count + 1 > c->dict_cap) {
        c->dict_cap = count + 1;
        c->dict_off = dm_xrealloc(c->dict_off, c->dict_cap * sizeof *c->dict_off);
    }
    const uint8_t *end = p + n;
    c->dict_off[0] = 0;
    for (uint32_t i = 0; i < count; i++) {
        if (!plain_value(l, &p, end, &c->dict))
            return DM_FAIL(err, DM_ERR_FORMAT, "dictionary page ends early");
        if (c->dict.len > DICT_MAX)
            return DM_FAIL(err, DM_ERR_LIMIT, "dictionary over %u MiB of text", DICT_MAX >> 20);
        c->dict_off[i + 1] = (uint32_t)c->dict.len;
    }
    c->ndict = count;
    c->has_dict = true;
    return DM_OK;
}

/* A level section of a v1 page: 4-byte length, then RLE runs. */
static bool v1_levels(pq_rle *d, const uint8_t **pp, const uint8_t *end, int enc, int max)
{
    uint32_t len;
    if (enc != PQ_ENC_RLE || end - *pp < 4)
        return false;
    memcpy(&len, *pp, 4);
    if (len > (size_t)(end - *pp) - 4)
        return false;
    pq_rle_init(d, *pp + 4, len, pq_bit_width((uint32_t)max));
    *pp += 4 + len;
    return true;
}

static void reserve_lens(pq_col *c, uint64_t n)
{
    if (n > c->lens_cap) {
        c->lens_cap = (size_t)n;
        c->lens = dm_xrealloc(c->lens, c->lens_cap * sizeof *c->lens);
        c->prefix = dm_xrealloc(c->prefix, c->lens_cap * sizeof *c->prefix);
    }
}

/* Decode a DELTA_BINARY_PACKED run of lengths into out; *pp moves past it. */
static bool delta_lengths(pq_col *c, const uint8_t **pp, const uint8_t *end, uint32_t *out, uint64_t want)
{
    pq_delta d;
    if (!pq_delta_init(&d, *pp, (size_t)(end - *pp)) || d.total != want)
        return false;
    for (uint64_t i = 0; i < want; i++) {
        int64_t v = pq_delta_next(&d);
        if (d.bad || v < 0 || v > UINT32_MAX)
            return false;
        out[i] = (uint32_t)v;
    }
    *pp = pq_delta_end(&d);
    (void)c;
    return true;
}

static dm_status values_init(pq_col *c, int enc, const uint8_t *p, const uint8_t *end, dm_error *err)
{
    const pq_leaf *l = c->leaf;
    c->enc = enc;
    c->vp = p;
    c->vend = end;
    c->bit = 0;
    c->vidx = 0;
    switch (enc) {
    case PQ_ENC_PLAIN:
        return DM_OK;
    case PQ_ENC_PLAIN_DICTIONARY:
    case PQ_ENC_RLE_DICTIONARY:
        if (!c->has_dict)
            return DM_FAIL(err, DM_ERR_FORMAT, "column %s: dictionary-encoded page without a dictionary", l->path);
        if (p >= end) {
            /* every value of the page is null: no index width even */
            pq_rle_init(&c->idx, p, 0, 0);
            return DM_OK;
        }
        pq_rle_init(&c->idx, p + 1, (size_t)(end - p - 1), p[0]);
        if (c->idx.bad)
            return DM_FAIL(err, DM_ERR_FORMAT, "column %s: bad dictionary index width %u", l->path, p[0]);
        return DM_OK;
    case PQ_ENC_RLE: {
        uint32_t len;
        if (l->type != PQ_BOOLEAN || end - p < 4)
            break;
        memcpy(&len, p, 4);
        if (len > (size_t)(end - p) - 4)
            break;
        pq_rle_init(&c->idx, p + 4, len, 1);
        return DM_OK;
    }
    case PQ_ENC_DELTA_BINARY_PACKED:
        if ((l->type != PQ_INT32 && l->type != PQ_INT64) || !pq_delta_init(&c->delta, p, (size_t)(end - p)))
            break;
        return DM_OK;
    case PQ_ENC_DELTA_LENGTH_BYTE_ARRAY:
    case PQ_ENC_DELTA_BYTE_ARRAY: {
        pq_delta d;
        if ((l->type != PQ_BYTE_ARRAY && l->type != PQ_FIXED) || !pq_delta_init(&d, p, (size_t)(end - p)) ||
            d.total > (uint64_t)(end - p) * 8 + 1)
            break;
        c->nvals = (uint32_t)d.total;
        reserve_lens(c, d.total + 1);
        if (enc == PQ_ENC_DELTA_BYTE_ARRAY && !delta_lengths(c, &p, end, c->prefix, d.total))
            break;
        if (!delta_lengths(c, &p, end, c->lens, d.total))
            break;
        c->vp = p;
        dm_buf_reset(&c->prev);
        return DM_OK;
    }
    case PQ_ENC_BYTE_STREAM_SPLIT: {
        size_t w = fixed_size(l);
        if (w == 0)
            break;
        c->nvals = (uint32_t)((size_t)(end - p) / w);
        return DM_OK;
    }
    default:
        return DM_FAIL(err, DM_ERR_FORMAT, "column %s: encoding %d is not supported", l->path, enc);
    }
    return DM_FAIL(err, DM_ERR_FORMAT, "column %s: malformed values (encoding %d)", l->path, enc);
}

int pq_col_next_page(pq_col *c, dm_error *err)
{
    const pq_leaf *l = c->leaf;
    for (;;) {
        if (c->values_left <= 0 || c->pos >= c->chunk_len)
            return 0;
        page_header h;
        size_t hlen;
        const char *why = NULL;
        if (!read_page_header(c->chunk + c->pos, c->chunk_len - c->pos, &h, &hlen, &why) ||
            (size_t)h.csize > c->chunk_len - c->pos - hlen) {
            DM_FAIL(err, DM_ERR_FORMAT, "column %s: malformed page header at byte %zu of its chunk (%s)", l->path,
                    c->pos, why ? why : "page past the chunk's end");
            return -1;
        }
        const uint8_t *data = c->chunk + c->pos + hlen;
        c->pos += hlen + (size_t)h.csize;
        if (h.type == PAGE_DICT) {
            if (page_buffer(c, (size_t)h.usize, err) != DM_OK ||
                decompress(c->codec, data, (size_t)h.csize, c->page, (size_t)h.usize, err) != DM_OK ||
                read_dictionary(c, c->page, (size_t)h.usize, (uint32_t)h.num_values, err) != DM_OK) {
                dm_error_prefix(err, "column %s", l->path);
                return -1;
            }
            continue;
        }
        if (h.type != PAGE_DATA && h.type != PAGE_DATA_V2)
            continue;       /* index pages: nothing to sample */
        if (h.num_values == 0)
            continue;
        const uint8_t *p, *end;
        if (h.type == PAGE_DATA) {
            if (page_buffer(c, (size_t)h.usize, err) != DM_OK ||
                decompress(c->codec, data, (size_t)h.csize, c->page, (size_t)h.usize, err) != DM_OK) {
                dm_error_prefix(err, "column %s", l->path);
                return -1;
            }
            p = c->page;
            end = c->page + h.usize;
            if ((l->max_rep > 0 && !v1_levels(&c->rep, &p, end, h.rep_enc, l->max_rep)) ||
                (l->max_def > 0 && !v1_levels(&c->def, &p, end, h.def_enc, l->max_def))) {
                DM_FAIL(err, DM_ERR_FORMAT, "column %s: malformed levels in a page", l->path);
                return -1;
            }
        } else {
            if (h.rep_len < 0 || h.def_len < 0 || (int64_t)h.rep_len + h.def_len > h.csize ||
                (int64_t)h.rep_len + h.def_len > h.usize) {
                DM_FAIL(err, DM_ERR_FORMAT, "column %s: malformed v2 page header", l->path);
                return -1;
            }
            pq_rle_init(&c->rep, data, (size_t)h.rep_len, pq_bit_width((uint32_t)l->max_rep));
            pq_rle_init(&c->def, data + h.rep_len, (size_t)h.def_len, pq_bit_width((uint32_t)l->max_def));
            size_t off = (size_t)h.rep_len + (size_t)h.def_len;
            size_t vc = (size_t)h.csize - off, vu = (size_t)h.usize - off;
            if (h.compressed && c->codec != PQ_UNCOMPRESSED) {
                if (page_buffer(c, vu, err) != DM_OK ||
                    decompress(c->codec, data + off, vc, c->page, vu, err) != DM_OK) {
                    dm_error_prefix(err, "column %s", l->path);
                    return -1;
                }
                p = c->page;
                end = c->page + vu;
            } else {
                p = data + off;
                end = data + off + vc;
            }
        }
        if (values_init(c, h.encoding, p, end, err) != DM_OK)
            return -1;
        c->left = (uint32_t)h.num_values;
        c->values_left -= h.num_values;
        return 1;
    }
}

dm_status pq_col_value(pq_col *c, dm_buf *out, dm_error *err)
{
    const pq_leaf *l = c->leaf;
    bool ok = true;
    switch (c->enc) {
    case PQ_ENC_PLAIN:
        if (l->type == PQ_BOOLEAN) {
            uint32_t byte = c->bit >> 3;
            ok = byte < (size_t)(c->vend - c->vp);
            if (ok)
                dm_buf_puts(out, (c->vp[byte] >> (c->bit & 7)) & 1 ? "true" : "false");
            c->bit++;
        } else {
            ok = plain_value(l, &c->vp, c->vend, out);
        }
        break;
    case PQ_ENC_PLAIN_DICTIONARY:
    case PQ_ENC_RLE_DICTIONARY: {
        uint32_t i = pq_rle_next(&c->idx);
        ok = !c->idx.bad && i < c->ndict;
        if (ok)
            dm_buf_append(out, c->dict.data + c->dict_off[i], c->dict_off[i + 1] - c->dict_off[i]);
        break;
    }
    case PQ_ENC_RLE: {
        uint32_t b = pq_rle_next(&c->idx);
        ok = !c->idx.bad;
        if (ok)
            dm_buf_puts(out, b ? "true" : "false");
        break;
    }
    case PQ_ENC_DELTA_BINARY_PACKED: {
        int64_t v = pq_delta_next(&c->delta);
        ok = !c->delta.bad;
        if (ok)
            pq_show_int(l, l->type == PQ_INT32 ? (int32_t)v : v, out);
        break;
    }
    case PQ_ENC_DELTA_LENGTH_BYTE_ARRAY:
    case PQ_ENC_DELTA_BYTE_ARRAY: {
        ok = c->vidx < c->nvals;
        if (!ok)
            break;
        uint32_t len = c->lens[c->vidx];
        ok = len <= (size_t)(c->vend - c->vp);
        if (!ok)
            break;
        if (c->enc == PQ_ENC_DELTA_LENGTH_BYTE_ARRAY) {
            pq_show_bytes(l, c->vp, len, out);
        } else {
            uint32_t pre = c->prefix[c->vidx];
            ok = pre <= c->prev.len;
            if (!ok)
                break;
            c->prev.len = pre;
            dm_buf_append(&c->prev, c->vp, len);
            pq_show_bytes(l, (const uint8_t *)c->prev.data, c->prev.len, out);
        }
        c->vp += len;
        c->vidx++;
        break;
    }
    case PQ_ENC_BYTE_STREAM_SPLIT: {
        size_t w = fixed_size(l);
        uint8_t tmp[64];
        ok = c->vidx < c->nvals && w <= sizeof tmp;
        if (!ok)
            break;
        for (size_t k = 0; k < w; k++)
            tmp[k] = c->vp[k * c->nvals + c->vidx];
        c->vidx++;
        const uint8_t *tp = tmp;
        ok = plain_value(l, &tp, tmp + w, out);
        break;
    }
    default:
        ok = false;
    }
    if (!ok)
        return DM_FAIL(err, DM_ERR_FORMAT, "column %s: page values end early or are malformed", l->path);
    return DM_OK;
}

void pq_col_reset(pq_col *c)
{
    if (c->chunk_owned)
        free(c->chunk);
    c->chunk = NULL;
    c->chunk_owned = false;
    c->chunk_len = c->pos = 0;
    c->values_left = 0;
    c->has_dict = false;
    c->ndict = 0;
    c->left = 0;
    c->have = false;
}

void pq_col_free(pq_col *c)
{
    pq_col_reset(c);
    dm_buf_free(&c->dict);
    free(c->dict_off);
    free(c->page);
    free(c->lens);
    free(c->prefix);
    dm_buf_free(&c->prev);
}
