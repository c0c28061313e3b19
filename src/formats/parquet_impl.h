/*
 * Parquet internals shared by parquet.c (footer, schema, row assembly) and
 * parquet_page.c (pages: decompression, levels, value encodings). Not for
 * callers outside those two files.
 *
 * Names and numbers are parquet.thrift's (the format specification): the
 * physical types, the converted and logical types, encodings and codecs.
 */
#ifndef DM_FORMATS_PARQUET_IMPL_H
#define DM_FORMATS_PARQUET_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/mem.h"

/* physical types */
enum { PQ_BOOLEAN, PQ_INT32, PQ_INT64, PQ_INT96, PQ_FLOAT, PQ_DOUBLE, PQ_BYTE_ARRAY, PQ_FIXED };

/* encodings */
enum {
    PQ_ENC_PLAIN = 0,
    PQ_ENC_PLAIN_DICTIONARY = 2,
    PQ_ENC_RLE = 3,
    PQ_ENC_BIT_PACKED = 4,
    PQ_ENC_DELTA_BINARY_PACKED = 5,
    PQ_ENC_DELTA_LENGTH_BYTE_ARRAY = 6,
    PQ_ENC_DELTA_BYTE_ARRAY = 7,
    PQ_ENC_RLE_DICTIONARY = 8,
    PQ_ENC_BYTE_STREAM_SPLIT = 9,
};

/* compression codecs */
enum { PQ_UNCOMPRESSED, PQ_SNAPPY, PQ_GZIP, PQ_LZO, PQ_BROTLI, PQ_LZ4, PQ_ZSTD, PQ_LZ4_RAW };

/* How a leaf's values are shown: from its physical type and its logical
 * (or converted) annotation. The text is what the catalog's type inference
 * reads: "2024-03-01" is a date, "2024-03-01T10:00:00.000000" a timestamp. */
typedef enum pq_show {
    PQ_SHOW_BOOL,
    PQ_SHOW_INT,        /* signed integer */
    PQ_SHOW_UINT,       /* unsigned (UINT_32, UINT_64, INTEGER(signed=false)) */
    PQ_SHOW_DECIMAL,    /* integer or big-endian bytes, scale digits after the point */
    PQ_SHOW_DATE,       /* INT32 days since 1970-01-01 */
    PQ_SHOW_TIME,       /* since midnight, in unit */
    PQ_SHOW_TIMESTAMP,  /* since the epoch, in unit */
    PQ_SHOW_INT96,      /* legacy Impala/Spark timestamp: nanoseconds of day + Julian day */
    PQ_SHOW_FLOAT,
    PQ_SHOW_DOUBLE,
    PQ_SHOW_STRING,     /* UTF-8 text (STRING, ENUM, JSON annotations) */
    PQ_SHOW_BYTES,      /* unannotated bytes: shown when valid UTF-8, else left out */
    PQ_SHOW_UUID,       /* 16 bytes: 8-4-4-4-12 hex */
    PQ_SHOW_NONE,       /* nothing to classify (INTERVAL, BSON, FLOAT16): left out */
} pq_show;

enum { PQ_UNIT_MILLIS = 1, PQ_UNIT_MICROS, PQ_UNIT_NANOS };

typedef struct pq_leaf {
    char *name;             /* dotted path, list and map wrappers dropped: "address.city", "phones" */
    char *path;             /* the path as the file spells it, for messages: "phones.list.element" */
    int type;               /* physical type */
    int type_length;        /* FIXED_LEN_BYTE_ARRAY */
    pq_show show;
    int unit;               /* PQ_UNIT_* for TIME and TIMESTAMP */
    int scale;              /* DECIMAL */
    int max_def, max_rep;
    long col;               /* reader column, -1: not read (over max_columns) */
} pq_leaf;

/* ---- RLE / bit-packed hybrid (levels, dictionary indices, booleans) ---- */

typedef struct pq_rle {
    const uint8_t *p, *end;
    int width;
    uint32_t left;          /* values left in the current run */
    bool packed;
    uint32_t value;         /* RLE run */
    const uint8_t *bp, *bp_end;  /* bit-packed run */
    uint32_t bp_idx;
    bool bad;
} pq_rle;

void pq_rle_init(pq_rle *d, const uint8_t *p, size_t n, int width);
/* The next value; d->bad on malformed or exhausted input (then 0). */
uint32_t pq_rle_next(pq_rle *d);
/* Bits needed for values up to max. */
int pq_bit_width(uint32_t max);

/* ---- DELTA_BINARY_PACKED ---- */

typedef struct pq_delta {
    const uint8_t *p, *end;
    uint64_t block, mini_count, per_mini, total, done;
    int64_t last, min_delta;
    uint64_t in_block;      /* values of the current block taken */
    const uint8_t *widths;  /* one byte per miniblock of the current block */
    const uint8_t *mini;    /* the current miniblock's packed bits */
    uint64_t mini_idx;
    bool bad;
} pq_delta;

bool pq_delta_init(pq_delta *d, const uint8_t *p, size_t n);
int64_t pq_delta_next(pq_delta *d);
/* Where the encoded values end (after all total values): the next section. */
const uint8_t *pq_delta_end(pq_delta *d);

/* ---- a column chunk being read page by page ---- */

typedef struct pq_col {
    const pq_leaf *leaf;
    int codec;
    uint8_t *chunk;         /* the compressed column chunk, whole */
    bool chunk_owned;       /* else it lies in the row group's span (parquet.c) */
    size_t chunk_len, pos;
    int64_t values_left;    /* level entries left in the chunk (num_values) */

    /* dictionary values as text, one after another */
    dm_buf dict;
    uint32_t *dict_off;     /* ndict + 1 offsets into dict */
    uint32_t ndict, dict_cap;
    bool has_dict;

    /* the current data page */
    uint8_t *page;          /* decompressed bytes */
    size_t page_cap;
    uint32_t left;          /* entries (levels) left in the page */
    pq_rle rep, def;
    int enc;
    const uint8_t *vp, *vend;   /* values */
    pq_rle idx;             /* dictionary indices, booleans (RLE) */
    uint32_t bit;           /* PLAIN booleans: next bit */
    pq_delta delta;         /* DELTA_* : integers, lengths or prefixes */
    uint32_t *lens;         /* DELTA_LENGTH / DELTA_BYTE_ARRAY: lengths of the page */
    uint32_t *prefix;       /* DELTA_BYTE_ARRAY: prefix lengths */
    size_t lens_cap;
    uint32_t vidx, nvals;   /* values taken of the page, values in it (BYTE_STREAM_SPLIT, DELTA_*) */
    dm_buf prev;            /* DELTA_BYTE_ARRAY: the previous value */

    /* the entry read ahead: levels of the next value */
    bool have;
    int cur_rep, cur_def;
} pq_col;

/* Load the next data page (dictionary pages on the way are read into the
 * dictionary). 1: a page; 0: the chunk has ended; -1: error in err (the
 * message names the column, the caller prefixes the file). */
int pq_col_next_page(pq_col *c, dm_error *err);
/* Append the next value's text to out. */
dm_status pq_col_value(pq_col *c, dm_buf *out, dm_error *err);
void pq_col_reset(pq_col *c);       /* between row groups: frees the page state, keeps buffers */
void pq_col_free(pq_col *c);

/* Value -> text (also for dictionary pages). */
void pq_show_int(const pq_leaf *l, int64_t v, dm_buf *out);
void pq_show_bytes(const pq_leaf *l, const uint8_t *p, size_t n, dm_buf *out);
bool pq_codec_known(int codec);
const char *pq_codec_name(int codec);

#endif
