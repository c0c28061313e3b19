/*
 * UTF-16, little and big endian (RFC 2781). A surrogate pair makes one
 * code point; a lone surrogate, or an odd byte at the end, becomes U+FFFD
 * so the rest of its cell is still read. A unit or pair cut at the end of
 * the input is left for the next call unless the stream has ended.
 */
#include "formats/encoding_impl.h"

#define REPLACEMENT 0xFFFD

static inline size_t decode_utf16(const unsigned char *in, size_t n, bool eof, char *out, size_t *used,
                                  bool le)
{
    char *o = out;
    size_t i = 0;
    while (i + 1 < n) {
        unsigned u = le ? (unsigned)in[i] | (unsigned)in[i + 1] << 8 : (unsigned)in[i] << 8 | in[i + 1];
        if (u < 0x80) {
            *o++ = (char)u;
            i += 2;
            continue;
        }
        if (u >= 0xD800 && u < 0xDC00) {
            if (i + 3 >= n) {
                if (!eof)
                    break;                  /* the low half may follow */
                o += dm_enc_put_utf8(REPLACEMENT, o);
                i += 2;
                continue;
            }
            unsigned v = le ? (unsigned)in[i + 2] | (unsigned)in[i + 3] << 8
                            : (unsigned)in[i + 2] << 8 | in[i + 3];
            if (v >= 0xDC00 && v < 0xE000) {
                o += dm_enc_put_utf8(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00), o);
                i += 4;
            } else {
                o += dm_enc_put_utf8(REPLACEMENT, o);   /* v is read on its own next */
                i += 2;
            }
            continue;
        }
        o += dm_enc_put_utf8(u >= 0xDC00 && u < 0xE000 ? REPLACEMENT : u, o);
        i += 2;
    }
    if (eof && i < n) {
        o += dm_enc_put_utf8(REPLACEMENT, o);       /* an odd byte at the end */
        i = n;
    }
    *used = i;
    return (size_t)(o - out);
}

static size_t decode_le(const unsigned char *in, size_t n, bool eof, char *out, size_t *used)
{
    return decode_utf16(in, n, eof, out, used, true);
}

static size_t decode_be(const unsigned char *in, size_t n, bool eof, char *out, size_t *used)
{
    return decode_utf16(in, n, eof, out, used, false);
}

const dm_encoding_def dm_encoding_utf16le = {
    .name = "utf-16le",
    .aliases = "utf16le utf-16 utf16 ucs-2le ucs-2",
    .bom = "\xff\xfe",
    .bom_len = 2,
    .decode = decode_le,
};

const dm_encoding_def dm_encoding_utf16be = {
    .name = "utf-16be",
    .aliases = "utf16be ucs-2be",
    .bom = "\xfe\xff",
    .bom_len = 2,
    .decode = decode_be,
};
