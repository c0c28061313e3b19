/*
 * Text encodings: which one a stream is in, and decoding it to UTF-8.
 *
 * Every record reader works on UTF-8. A stream in another encoding is
 * wrapped, under the readers and above decompression, into a stream of its
 * UTF-8 translation (dm_stream_decode), so the readers never see the
 * difference. UTF-8 input is not wrapped at all: its fast path is untouched.
 *
 * Detection (dm_encoding_detect) looks at the first bytes only:
 * - a byte order mark: UTF-8, UTF-16 LE or BE;
 * - NUL bytes in every other position of the first bytes: UTF-16 without
 *   a BOM (ASCII text has a zero high byte);
 * - valid UTF-8 (plain ASCII included): UTF-8;
 * - otherwise one of the 8-bit encodings: bytes 0x80-0x9F are printable in
 *   Windows-1252 (€ ‚ „ … ’ “ ” Š Œ Ž œ ...) and control codes in
 *   ISO-8859-1/-15, which no text uses: any of them means windows-1252.
 *   Without them, 8859-15 differs from 8859-1 in eight bytes; 0xA4 is € in
 *   8859-15 and ¤ in 8859-1, and œ Œ š Š ž Ž Ÿ stand between letters where
 *   8859-1 would have ½ ¼ ¨ ¦ ¸ ´ ¾: iso-8859-15 when those say so, else
 *   iso-8859-1.
 *
 * A cell is never lost to an encoding error: a byte the chosen 8-bit
 * encoding has only as a control code (0x80-0x9F in 8859-1/-15) is read as
 * Windows-1252, which maps every byte; a lone UTF-16 surrogate or a final
 * odd byte becomes U+FFFD. (A UTF-8 stream with a bad record is handled by
 * the readers: see dm_rd_fix_utf8 in reader_impl.h.)
 */
#ifndef DM_FORMATS_ENCODING_H
#define DM_FORMATS_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "formats/stream.h"

/* An encoding's id: its row in formats/encoding_list.h. DM_ENC_AUTO (0):
 * detect. */
typedef enum dm_encoding {
    DM_ENC_AUTO = 0,
#define DM_ENCODING_ROW(id, def) DM_ENC_##id,
#include "formats/encoding_list.h"
#undef DM_ENCODING_ROW
    DM_ENC_COUNT        /* one past the last id */
} dm_encoding;

/* The canonical name, "utf-8", "windows-1252"; "auto" for DM_ENC_AUTO or
 * an id out of range. */
const char *dm_encoding_name(dm_encoding e);

/* A name or alias (case-insensitive: "cp1252", "latin-9", "UTF-16LE",
 * "auto") to its id. Unknown: DM_ERR_ARG "unknown encoding 'X' (known: ...)". */
dm_status dm_encoding_lookup(const char *name, dm_encoding *out, dm_error *err);
/* "auto, utf-8, utf-16le, ...": for help texts and usage errors. */
const char *dm_encoding_known(void);

/* The encoding of a stream that starts with p[0, n); whole: that is all of it. */
dm_encoding dm_encoding_detect(const char *p, size_t n, bool whole);

/* Detect (force == DM_ENC_AUTO) or take force, and give the stream to read:
 * `inner` itself when it is UTF-8, else a decoding stream that owns inner.
 * *used says which encoding was read. Looks at up to 64 KiB (peek). */
dm_status dm_stream_decode(dm_stream *inner, dm_encoding force, dm_stream **out, dm_encoding *used,
                           dm_error *err);

#endif
