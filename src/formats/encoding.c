/*
 * Text encodings: the table (formats/encoding_list.h), detection, and the
 * decoding stream. See encoding.h for the rules.
 *
 * The decoding stream reads its input straight out of the inner stream's
 * buffer (dm_stream_fill/consume) and writes UTF-8 into the outer stream's
 * buffer, like the decompressors: memory stays two stream buffers whatever
 * the file's size. A code unit cut by a refill is made whole with
 * dm_stream_peek (at most 4 bytes are moved).
 */
#include "formats/encoding_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"

#define DETECT_BYTES (64 * 1024)

/* UTF-8 is a row like the others, with no decoder: a UTF-8 stream is read
 * as it is (its BOM is skipped by the reader). */
const dm_encoding_def dm_encoding_utf8 = {
    .name = "utf-8",
    .aliases = "utf8 us-ascii ascii",
};

#define DM_ENCODING_ROW(id, def) extern const dm_encoding_def def;
#include "formats/encoding_list.h"
#undef DM_ENCODING_ROW

static const dm_encoding_def *const encodings[DM_ENC_COUNT] = {
#define DM_ENCODING_ROW(id, def) [DM_ENC_##id] = &def,
#include "formats/encoding_list.h"
#undef DM_ENCODING_ROW
};

const char *dm_encoding_name(dm_encoding e)
{
    return e > DM_ENC_AUTO && e < DM_ENC_COUNT ? encodings[e]->name : "auto";
}

static bool in_list(const char *list, const char *name)
{
    size_t len = strlen(name);
    while (*list) {
        size_t n = strcspn(list, " ");
        if (n == len && strncasecmp(list, name, len) == 0)
            return true;
        list += n;
        list += strspn(list, " ");
    }
    return false;
}

const char *dm_encoding_known(void)
{
    static char known[256];
    if (known[0] == '\0') {
        size_t o = (size_t)snprintf(known, sizeof known, "auto");
        for (int e = 1; e < DM_ENC_COUNT && o < sizeof known; e++)
            o += (size_t)snprintf(known + o, sizeof known - o, ", %s", encodings[e]->name);
    }
    return known;
}

dm_status dm_encoding_lookup(const char *name, dm_encoding *out, dm_error *err)
{
    *out = DM_ENC_AUTO;
    if (name == NULL || strcasecmp(name, "auto") == 0 || name[0] == '\0')
        return DM_OK;
    for (int e = 1; e < DM_ENC_COUNT; e++)
        if (strcasecmp(encodings[e]->name, name) == 0 || in_list(encodings[e]->aliases, name)) {
            *out = (dm_encoding)e;
            return DM_OK;
        }
    return DM_FAIL(err, DM_ERR_ARG, "unknown encoding '%s' (known: %s)", name, dm_encoding_known());
}

/* ---- detection ---- */

/* Is p[0, n) UTF-8? Without whole, a sequence cut at the end is fine. */
static bool utf8_ok(const unsigned char *p, size_t n, bool whole)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t len;
        unsigned min;
        if (c >= 0xC2 && c <= 0xDF)
            len = 2, min = 0x80;
        else if (c >= 0xE0 && c <= 0xEF)
            len = 3, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4)
            len = 4, min = 0x10000;
        else
            return false;
        if (i + len > n) {
            for (size_t k = i + 1; k < n; k++)
                if ((p[k] & 0xC0) != 0x80)
                    return false;
            return !whole;
        }
        unsigned cp = c & (0x7F >> len);
        for (size_t k = 1; k < len; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = cp << 6 | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000))
            return false;
        i += len;
    }
    return true;
}

static bool letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

static bool digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Is there a digit next to p[i], spaces and a decimal comma or point
 * between allowed ("12,50 €", "€ 9")? */
static bool near_digit(const unsigned char *p, size_t n, size_t i)
{
    for (size_t k = i; k > 0 && i - k < 3; k--) {
        unsigned char c = p[k - 1];
        if (digit(c))
            return true;
        if (c != ' ' && c != 0xA0)
            break;
    }
    for (size_t k = i + 1; k < n && k - i <= 3; k++) {
        if (digit(p[k]))
            return true;
        if (p[k] != ' ' && p[k] != 0xA0)
            break;
    }
    return false;
}

/* 8859-15 or 8859-1, from the bytes where they differ: votes for -15 when
 * 0xA4 stands by a number (a price in euros) or œ Œ š Š ž Ÿ by letters
 * (cœur, Šimon); for -1 when ¼ ½ ¾ stand by a number (1½) or ¤ alone. */
static dm_encoding latin_variant(const unsigned char *p, size_t n)
{
    long v15 = 0, v1 = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        bool before = i > 0 && letter(p[i - 1]), after = i + 1 < n && letter(p[i + 1]);
        switch (c) {
        case 0xA4:
            if (near_digit(p, n, i))
                v15++;
            else if (!before && !after)
                v1++;
            break;
        case 0xBC: case 0xBD: case 0xBE:
            if (near_digit(p, n, i))
                v1++;
            else if (before || after)
                v15++;
            break;
        case 0xA6: case 0xA8: case 0xB8:
            if (before && after)
                v15++;
            break;
        default:
            break;
        }
    }
    return v15 > v1 ? DM_ENC_LATIN9 : DM_ENC_LATIN1;
}

dm_encoding dm_encoding_detect(const char *data, size_t n, bool whole)
{
    const unsigned char *p = (const unsigned char *)data;
    for (int e = 1; e < DM_ENC_COUNT; e++) {
        const dm_encoding_def *d = encodings[e];
        if (d->bom && n >= d->bom_len && memcmp(p, d->bom, d->bom_len) == 0)
            return (dm_encoding)e;
    }
    if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
        return DM_ENC_UTF8;

    /* UTF-16 without a BOM: text in Latin script has a zero byte in most
     * of its units, always on the same side. */
    size_t units = (n < 1024 ? n : 1024) / 2, zero_even = 0, zero_odd = 0;
    for (size_t i = 0; i < units; i++) {
        zero_even += p[2 * i] == 0;
        zero_odd += p[2 * i + 1] == 0;
    }
    if (units > 0 && zero_odd * 2 >= units && zero_even * 10 <= zero_odd)
        return DM_ENC_UTF16LE;
    if (units > 0 && zero_even * 2 >= units && zero_odd * 10 <= zero_even)
        return DM_ENC_UTF16BE;

    if (utf8_ok(p, n, whole))
        return DM_ENC_UTF8;
    for (size_t i = 0; i < n; i++)
        if (p[i] >= 0x80 && p[i] < 0xA0)
            return DM_ENC_CP1252;
    return latin_variant(p, n);
}

/* ---- the decoding stream ---- */

typedef struct dec_ctx {
    dm_stream *inner;
    const dm_encoding_def *def;
    bool started;           /* the BOM was looked for */
    char spill[4 * DM_ENC_MAX_EXPANSION];   /* output a small read had no room for */
    size_t spill_pos, spill_len;
} dec_ctx;

static ssize_t dec_read(void *ctx, void *buf, size_t n, dm_error *err)
{
    dec_ctx *c = ctx;
    if (n == 0)
        return 0;
    if (c->spill_pos < c->spill_len) {
        size_t k = c->spill_len - c->spill_pos;
        if (k > n)
            k = n;
        memcpy(buf, c->spill + c->spill_pos, k);
        c->spill_pos += k;
        return (ssize_t)k;
    }
    for (;;) {
        const char *in;
        size_t len;
        bool eof = false;
        if (dm_stream_fill(c->inner, &in, &len, err) != DM_OK)
            return -1;
        if (len < 4) {
            /* a unit or pair may be cut: make 4 bytes whole, or see the end */
            if (dm_stream_peek(c->inner, 4, &in, &len, err) != DM_OK)
                return -1;
            eof = len < 4;
        }
        if (!c->started) {
            c->started = true;
            const dm_encoding_def *d = c->def;
            if (d->bom && len >= d->bom_len && memcmp(in, d->bom, d->bom_len) == 0)
                dm_stream_consume(c->inner, d->bom_len);
            continue;
        }
        if (len == 0)
            return 0;
        /* Never more input than the output has room for; a read too small
         * for 4 bytes of input decodes into spill and hands that out. */
        size_t max_in = n / DM_ENC_MAX_EXPANSION;
        char *dst = buf;
        bool small = max_in < 4;
        if (small) {
            dst = c->spill;
            max_in = 4;
        }
        if (len > max_in) {
            len = max_in;
            eof = false;
        }
        size_t used = 0;
        size_t wrote = c->def->decode((const unsigned char *)in, len, eof, dst, &used);
        dm_stream_consume(c->inner, used);
        if (wrote == 0)
            continue;
        if (!small)
            return (ssize_t)wrote;
        c->spill_len = wrote;
        c->spill_pos = wrote < n ? wrote : n;
        memcpy(buf, c->spill, c->spill_pos);
        return (ssize_t)c->spill_pos;
    }
}

static void dec_close(void *ctx)
{
    dec_ctx *c = ctx;
    dm_stream_close(c->inner);
    free(c);
}

static const dm_stream_ops dec_ops = {.name = "decode", .read = dec_read, .close = dec_close};

dm_status dm_stream_decode(dm_stream *inner, dm_encoding force, dm_stream **out, dm_encoding *used,
                           dm_error *err)
{
    *out = NULL;
    const char *head;
    size_t len;
    dm_status rc = dm_stream_peek(inner, DETECT_BYTES, &head, &len, err);
    if (rc != DM_OK)
        return rc;
    dm_encoding e = force;
    if (e <= DM_ENC_AUTO || e >= DM_ENC_COUNT) {
        e = dm_encoding_detect(head, len, len < DETECT_BYTES);
    } else if (e == DM_ENC_UTF16LE || e == DM_ENC_UTF16BE) {
        /* "utf-16" forced: the byte order mark, when there is one, says which */
        if (len >= 2 && memcmp(head, "\xff\xfe", 2) == 0)
            e = DM_ENC_UTF16LE;
        else if (len >= 2 && memcmp(head, "\xfe\xff", 2) == 0)
            e = DM_ENC_UTF16BE;
    }
    if (used)
        *used = e;
    const dm_encoding_def *d = encodings[e];
    if (d->decode == NULL) {
        *out = inner;
        return DM_OK;
    }
    dec_ctx *c = dm_xcalloc(1, sizeof *c);
    c->inner = inner;
    c->def = d;
    *out = dm_stream_new(&dec_ops, c, dm_stream_name(inner), UINT64_MAX);
    return DM_OK;
}
