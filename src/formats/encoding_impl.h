/*
 * Text encodings: the interface a decoder implements. Not for callers
 * outside src/formats/ (they use encoding.h).
 *
 * An encoding is one dm_encoding_def: its canonical name, its aliases, its
 * byte order mark, and a decode that turns a run of its bytes into UTF-8.
 * The stream driver in encoding.c does the rest (buffering, a code unit
 * split across buffer refills, the end of the stream).
 *
 * Adding an encoding (the recipe: one file, one row):
 * 1. A decode function and `const dm_encoding_def dm_encoding_<name>` in a
 *    file of its own (or next to its family: enc_8bit.c, enc_utf16.c).
 * 2. One row in formats/encoding_list.h, which gives DM_ENC_<ID>.
 * 3. If it can be told from content, a rule in dm_encoding_detect.
 * Tests: tests/unit/test_encoding.c.
 */
#ifndef DM_FORMATS_ENCODING_IMPL_H
#define DM_FORMATS_ENCODING_IMPL_H

#include "formats/encoding.h"

/* Longest UTF-8 output for one input byte (8-bit: 3, UTF-16: 2 bytes -> 3,
 * 4 bytes -> 4, a final odd byte -> 3). */
#define DM_ENC_MAX_EXPANSION 3

typedef struct dm_encoding_def {
    const char *name;       /* canonical, as reported: "windows-1252" */
    const char *aliases;    /* space separated, compared without case: "cp1252 win1252" */
    const char *bom;        /* byte order mark consumed at the start, or NULL */
    size_t bom_len;
    /* Decode in[0, n) into out (room for DM_ENC_MAX_EXPANSION * n bytes);
     * return the bytes written and set *used to the input consumed. Without
     * eof, a code unit or pair cut at the end is left unconsumed (at most 3
     * bytes); with eof, everything is consumed. NULL: UTF-8, not decoded. */
    size_t (*decode)(const unsigned char *in, size_t n, bool eof, char *out, size_t *used);
} dm_encoding_def;

/* Write code point cp (< 0x110000) as UTF-8; the bytes written. */
static inline size_t dm_enc_put_utf8(unsigned cp, char *o)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Windows-1252's code point for byte b (every byte has one; the five bytes
 * the code page leaves undefined map to the C1 controls of the same value,
 * as Windows itself decodes them). */
unsigned dm_enc_cp1252(unsigned char b);

#endif
