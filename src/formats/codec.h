/*
 * Compression codecs: the interface a decompressor implements, and the
 * helpers they share. Not for callers outside src/formats/ (they use
 * dm_stream_decompress in stream.h).
 *
 * A codec is one dm_codec_def: its name, the name suffixes that mean it,
 * its magic number, and an open that wraps the compressed stream into a
 * decompressing one. dm_stream_decompress (decompress.c) peeks at the first
 * bytes and opens the first codec whose magic they start with.
 *
 * Adding a codec (the recipe: one file, one row):
 * 1. src/formats/<name>.c: a dm_stream_ops over the library's streaming
 *    API, reading its input straight out of the inner stream's buffer
 *    (dm_stream_fill/consume) and capping its output with dm_codec_room /
 *    dm_codec_over_cap; and `const dm_codec_def dm_codec_<name> = {...};`.
 * 2. One row in formats/codec_list.h: DM_CODEC_ROW(<ID>, dm_codec_<name>),
 *    which gives the public id DM_COMP_<ID>.
 * 3. The library in CMakeLists.txt's pkg_check_modules (bzip2: bzip2,
 *    xz: liblzma).
 * Tests: run_compressed cases in tests/unit/test_formats.c (whole, two
 * members or frames back to back, truncated, corrupt, over the cap).
 */
#ifndef DM_FORMATS_CODEC_H
#define DM_FORMATS_CODEC_H

#include <stdbool.h>

#include "formats/stream.h"

#define DM_CODEC_MAGIC_MAX 8

typedef struct dm_codec_def {
    const char *name;               /* "gzip": reports and the catalog */
    const char *suffixes;           /* name extensions, space separated: "gz gzip" */
    const char *magic;              /* the first bytes of every stream of the codec */
    size_t magic_len;               /* <= DM_CODEC_MAGIC_MAX */
    /* Wrap inner (owned by the result on success, untouched on failure)
     * into a stream of its decompressed bytes, capped at max_output. */
    dm_status (*open)(dm_stream *inner, uint64_t max_output, dm_stream **out, dm_error *err);
} dm_codec_def;

/* Is ext[0, len) a compression suffix of some codec ("gz", "ZST")? */
bool dm_codec_is_suffix(const char *ext, size_t len);

/* Output accounting shared by the decompressors: input, output cap and the
 * name for messages. */
typedef struct dm_codec_out {
    dm_stream *inner;
    uint64_t max_output;    /* 0: no cap */
    uint64_t produced;
    bool done;              /* the compressed data ended cleanly */
} dm_codec_out;

/* How much of n the cap still allows: one byte past it, so passing the cap
 * is seen (and refused) instead of silently truncating. */
size_t dm_codec_room(const dm_codec_out *c, size_t n);
/* DM_ERR_LIMIT "NAME: <kind> output exceeds the limit of N bytes"; -1. */
ssize_t dm_codec_over_cap(const dm_codec_out *c, const char *kind, dm_error *err);

#endif
