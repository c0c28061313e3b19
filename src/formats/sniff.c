/*
 * Format sniffing: tell the format of a stream from the first 64 KiB of its
 * content, asking the formats of the table (formats/format_list.h) in turn.
 * The name's extension only breaks ties.
 *
 * 1. Binary formats (DM_FORMAT_BINARY: magic numbers) look at the raw bytes.
 * 2. The text checks: empty (or only whitespace): "empty file"; NUL bytes,
 *    or more than 10% control characters: "binary file". A UTF-8 byte order
 *    mark is skipped.
 * 3. Text formats, in table order: JSON ('[' then '{' or ']') and JSON Lines
 *    ('{' ... one object per line) claim what they recognise, see json.c.
 * 4. The fallback, CSV, takes any other text and finds its delimiter and
 *    header, see csv_sniff.c.
 */
#include "formats/reader_impl.h"

#include <ctype.h>
#include <string.h>

#include "formats/codec.h"

#define SNIFF_BYTES (64 * 1024)

/* The extension that matters: "csv" for "a/b.csv.gz". */
static void extension(const char *name, char *out, size_t outlen)
{
    out[0] = '\0';
    if (name == NULL)
        return;
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    size_t n = strlen(base);
    for (int pass = 0; pass < 2; pass++) {
        const char *dot = NULL;
        for (size_t i = n; i > 0; i--)
            if (base[i - 1] == '.') {
                dot = base + i - 1;
                break;
            }
        if (dot == NULL || dot == base)
            return;
        size_t el = n - (size_t)(dot + 1 - base);
        if (pass == 0 && dm_codec_is_suffix(dot + 1, el)) {
            n = (size_t)(dot - base);
            continue;
        }
        if (el >= outlen)
            return;
        for (size_t i = 0; i < el; i++)
            out[i] = (char)tolower((unsigned char)dot[1 + i]);
        out[el] = '\0';
        return;
    }
}

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Ask the rows that have every flag of want and none of skip, in table
 * order; the first that claims the stream is its format. */
static bool ask(const dm_sniff_input *in, unsigned want, unsigned skip, dm_sniff *out)
{
    for (int f = 1; f < DM_FMT_COUNT; f++) {
        const dm_format_def *d = dm_format_def_of((dm_format)f);
        if ((d->flags & want) != want || (d->flags & skip) || d->sniff == NULL)
            continue;
        if (d->sniff(in, out)) {
            out->format = (dm_format)f;
            return true;
        }
    }
    return false;
}

bool dm_format_sniff_binary(dm_stream *s, const char *name, dm_sniff *out, dm_error *err)
{
    memset(out, 0, sizeof *out);
    const char *p;
    size_t n;
    if (dm_stream_peek(s, SNIFF_BYTES, &p, &n, err) != DM_OK)
        return false;
    char ext[16];
    extension(name ? name : dm_stream_name(s), ext, sizeof ext);
    dm_sniff_input in = {.p = p, .n = n, .first = 0, .whole = n < SNIFF_BYTES, .ext = ext};
    return ask(&in, DM_FORMAT_BINARY, 0, out);
}

dm_status dm_format_sniff(dm_stream *s, const char *name, dm_sniff *out, dm_error *err)
{
    return dm_format_sniff_checked(s, name, NULL, NULL, out, err);
}

dm_status dm_format_sniff_checked(dm_stream *s, const char *name, dm_value_check check, void *check_ctx,
                                  dm_sniff *out, dm_error *err)
{
    memset(out, 0, sizeof *out);
    const char *p;
    size_t n;
    dm_status rc = dm_stream_peek(s, SNIFF_BYTES, &p, &n, err);
    if (rc != DM_OK)
        return rc;
    char ext[16];
    extension(name ? name : dm_stream_name(s), ext, sizeof ext);
    dm_sniff_input in = {.p = p, .n = n, .first = 0, .whole = n < SNIFF_BYTES, .ext = ext,
                       .is_value = check, .is_value_ctx = check_ctx};
    if (ask(&in, DM_FORMAT_BINARY, 0, out))
        return DM_OK;

    if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
        p += 3;
        n -= 3;
    }
    size_t ctrl = 0, first = n;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == 0)
            return DM_FAIL(err, DM_ERR_FORMAT, "binary file");
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') ||
            c == 0x7f)
            ctrl++;
        else if (first == n && !is_ws((char)c))
            first = i;
    }
    if (first == n)
        return DM_FAIL(err, DM_ERR_FORMAT, "empty file");
    if (ctrl * 10 > n)
        return DM_FAIL(err, DM_ERR_FORMAT, "binary file");

    in.p = p;
    in.n = n;
    in.first = first;
    if (ask(&in, 0, DM_FORMAT_BINARY | DM_FORMAT_FALLBACK, out) ||
        ask(&in, DM_FORMAT_FALLBACK, DM_FORMAT_BINARY, out))
        return DM_OK;
    memset(out, 0, sizeof *out);
    return DM_FAIL(err, DM_ERR_FORMAT, "unknown format");
}
