/*
 * Decompressing streams: the codec table (formats/codec_list.h) and what the
 * codecs share.
 *
 * A decompressor reads its input straight out of the inner stream's buffer
 * (dm_stream_fill/consume) and writes into the buffer of the outer stream, so
 * no third buffer exists. Its output is capped (max_output) so a zip bomb
 * stops with DM_ERR_LIMIT; a stream that ends before its compressed data
 * does is DM_ERR_FORMAT "NAME: truncated gzip stream".
 */
#include "formats/codec.h"

#include <string.h>
#include <strings.h>

#define DM_CODEC_ROW(id, def) extern const dm_codec_def def;
#include "formats/codec_list.h"
#undef DM_CODEC_ROW

/* Indexed by dm_compression: the row of DM_COMP_<ID> is at [DM_COMP_<ID>]. */
static const dm_codec_def *const codecs[DM_COMP_COUNT] = {
#define DM_CODEC_ROW(id, def) [DM_COMP_##id] = &def,
#include "formats/codec_list.h"
#undef DM_CODEC_ROW
};

const char *dm_compression_name(dm_compression c)
{
    return c > DM_COMP_NONE && c < DM_COMP_COUNT ? codecs[c]->name : "none";
}

bool dm_codec_is_suffix(const char *ext, size_t len)
{
    for (int c = 1; c < DM_COMP_COUNT; c++) {
        const char *s = codecs[c]->suffixes;
        while (*s) {
            size_t n = strcspn(s, " ");
            if (n == len && strncasecmp(s, ext, len) == 0)
                return true;
            s += n;
            s += strspn(s, " ");
        }
    }
    return false;
}

size_t dm_codec_room(const dm_codec_out *c, size_t n)
{
    if (c->max_output == 0)
        return n;
    uint64_t room = c->max_output - c->produced + 1;
    return room < n ? (size_t)room : n;
}

ssize_t dm_codec_over_cap(const dm_codec_out *c, const char *kind, dm_error *err)
{
    dm_error_set(err, DM_ERR_LIMIT, "%s: %s output exceeds the limit of %llu bytes",
                 dm_stream_name(c->inner), kind, (unsigned long long)c->max_output);
    return -1;
}

dm_status dm_stream_decompress(dm_stream *inner, uint64_t max_output, dm_stream **out,
                               dm_compression *kind, dm_error *err)
{
    *out = NULL;
    if (kind)
        *kind = DM_COMP_NONE;
    const char *head;
    size_t len;
    dm_status rc = dm_stream_peek(inner, DM_CODEC_MAGIC_MAX, &head, &len, err);
    if (rc != DM_OK)
        return rc;
    for (int c = 1; c < DM_COMP_COUNT; c++) {
        const dm_codec_def *d = codecs[c];
        if (len < d->magic_len || memcmp(head, d->magic, d->magic_len) != 0)
            continue;
        rc = d->open(inner, max_output, out, err);
        if (rc == DM_OK && kind)
            *kind = (dm_compression)c;
        return rc;
    }
    *out = inner;
    return DM_OK;
}
