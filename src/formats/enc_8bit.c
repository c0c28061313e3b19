/*
 * The 8-bit encodings of Western European text: Windows-1252, ISO-8859-1
 * and ISO-8859-15 (latin-9). Each maps 0x00-0x7F as ASCII and the bytes
 * above through a table; the code points are Unicode's mapping tables for
 * the three (unicode.org, MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT and
 * MAPPINGS/ISO8859/8859-1.TXT, 8859-15.TXT).
 *
 * 8859-1 and -15 have only C1 control codes at 0x80-0x9F, which no text
 * holds: such a byte is read as Windows-1252 (as browsers read every
 * "iso-8859-1" page), so a file mislabelled or mixed loses nothing.
 */
#include "formats/encoding_impl.h"

/* 0x80-0x9F in Windows-1252. */
static const unsigned short cp1252_c1[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

unsigned dm_enc_cp1252(unsigned char b)
{
    return b >= 0x80 && b < 0xA0 ? cp1252_c1[b - 0x80] : b;
}

/* ISO-8859-15 differs from 8859-1 in eight bytes. */
static unsigned latin9(unsigned char b)
{
    switch (b) {
    case 0xA4: return 0x20AC;   /* € (8859-1: ¤) */
    case 0xA6: return 0x0160;   /* Š (¦) */
    case 0xA8: return 0x0161;   /* š (¨) */
    case 0xB4: return 0x017D;   /* Ž (´) */
    case 0xB8: return 0x017E;   /* ž (¸) */
    case 0xBC: return 0x0152;   /* Œ (¼) */
    case 0xBD: return 0x0153;   /* œ (½) */
    case 0xBE: return 0x0178;   /* Ÿ (¾) */
    default: return dm_enc_cp1252(b);
    }
}

/* ASCII runs are copied as they are; only high bytes go through map. */
static inline size_t decode_8bit(const unsigned char *in, size_t n, char *out, size_t *used,
                                 unsigned (*map)(unsigned char))
{
    char *o = out;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = in[i];
        if (b < 0x80)
            *o++ = (char)b;
        else
            o += dm_enc_put_utf8(map(b), o);
    }
    *used = n;
    return (size_t)(o - out);
}

static size_t decode_cp1252(const unsigned char *in, size_t n, bool eof, char *out, size_t *used)
{
    (void)eof;
    return decode_8bit(in, n, out, used, dm_enc_cp1252);
}

static size_t decode_latin9(const unsigned char *in, size_t n, bool eof, char *out, size_t *used)
{
    (void)eof;
    return decode_8bit(in, n, out, used, latin9);
}

const dm_encoding_def dm_encoding_cp1252 = {
    .name = "windows-1252",
    .aliases = "cp1252 win1252 windows1252 x-cp1252 ms-ansi",
    .decode = decode_cp1252,
};

/* Same decoder: 0xA0-0xFF are the code points, 0x80-0x9F as above. */
const dm_encoding_def dm_encoding_latin1 = {
    .name = "iso-8859-1",
    .aliases = "iso8859-1 iso_8859-1 iso88591 latin1 latin-1 l1 cp819",
    .decode = decode_cp1252,
};

const dm_encoding_def dm_encoding_latin9 = {
    .name = "iso-8859-15",
    .aliases = "iso8859-15 iso_8859-15 iso885915 latin9 latin-9 l9",
    .decode = decode_latin9,
};
