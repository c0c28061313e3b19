/*
 * Record readers: internals shared by reader.c, csv.c, json.c and sniff.c.
 * Not for callers outside src/formats/.
 *
 * Records are assembled by dm_rd_fetch: a format supplies a scanner that
 * finds where the current record ends in a chunk of the stream buffer. A
 * record that fits in the buffer is handed out in place; one that straddles
 * the buffer end is copied into r->carry; one longer than max_record is
 * consumed to its end without being kept, then counted and reported.
 */
#ifndef DM_FORMATS_READER_IMPL_H
#define DM_FORMATS_READER_IMPL_H

#include "formats/reader.h"

/* Scan p[0, n) continuing the current record. Return the bytes to consume;
 * set *rec_len to how many of them belong to the record, *ended when the
 * record's end is in this chunk. Newlines passed are added to r->line. */
typedef size_t (*dm_rd_scan_fn)(dm_reader *r, const char *p, size_t n, size_t *rec_len,
                                bool *ended);

/* A value being assembled: ptr into the record, or (ptr == NULL) an offset
 * into r->scratch, which may move while the record is parsed. */
typedef struct dm_rd_span {
    const char *ptr;
    size_t off;
    size_t len;
} dm_rd_span;

/* A scalar met inside a JSON array, joined into its column at the array end. */
typedef struct dm_rd_pending {
    uint32_t col;
    dm_rd_span v;
} dm_rd_pending;

struct dm_reader {
    dm_stream *s;
    dm_sniff sniff;
    dm_reader_limits lim;

    /* columns, and an open-addressing index name -> column (slot holds col + 1) */
    char **names;
    size_t *name_lens;
    size_t ncols, cap_cols;
    uint32_t *htab;
    size_t hcap;

    /* the row handed out */
    dm_field *fields;
    dm_rd_span *spans;      /* JSON: where each field's bytes are until resolved */
    size_t nfields, cap_fields;

    /* record assembly */
    dm_rd_scan_fn scan;
    char *carry;
    size_t carry_len, carry_cap;
    bool pending;           /* a record is being assembled across fills */
    bool skipping;          /* ... and it is over max_record: dropped */
    int scan_state;         /* scanner state, reset at each record start */
    int scan_depth;
    bool scan_quoted;       /* CSV: the record holds a quote */
    bool nonascii;          /* CSV fast path: the record has a byte >= 0x80 */
    size_t first_high;      /* ... the first one, from the record start */
    uint64_t line;          /* 1-based line of the next byte */
    uint64_t rec_line;      /* line where the current record starts */
    uint64_t rec_offset;    /* stream offset where it starts */
    bool lines_known;       /* false after a resync */
    bool at_eof_record;     /* the record just fetched ended at the end of stream */

    /* scratch for unquoted / unescaped / joined values */
    char *scratch;
    size_t scratch_len, scratch_cap;

    uint64_t bad;
    char warning[256];
    bool has_warning;
    bool done;              /* end reached or fatal error */
    dm_error fatal;
    bool failed;

    /* format behaviour */
    int (*next)(dm_reader *r, dm_row *row, dm_error *err);
    dm_status (*resync)(dm_reader *r, uint64_t offset, dm_error *err);
    uint64_t data_start;    /* offset of the first data record (after BOM, header) */
    uint64_t data_start_line;
    bool resynced;          /* drop the next record if it does not fit (CSV) */
    bool skip_to_newline;   /* after a resync: discard up to the next newline */

    /* CSV */
    char delim;
    size_t header_cols;

    /* JSON */
    uint32_t *col_stamp;    /* per column: record number its field was set in */
    uint32_t *col_field;    /* ... and the field index */
    uint32_t *grp_stamp;    /* per column: array number it was grouped in */
    uint32_t *grp_idx;      /* the columns of one array, in order met */
    size_t *grp_len, *grp_off;
    uint32_t rec_no, arr_no;
    dm_rd_pending *pend;
    size_t npend, cap_pend;
    int json_state;         /* JSON file: position in the top-level structure */
    int json_bad_lines;     /* JSONL: invalid lines before the first valid one */
    bool json_seen_valid;
};

/* ---- reader.c ---- */

/* Fetch the next record: 1 with *rec and *len set (in the stream buffer or in
 * r->carry, valid until the next fetch), 2 when a record over max_record was
 * consumed and reported instead, 0 at the end, -1 on a stream error. */
int dm_rd_fetch(dm_reader *r, const char **rec, size_t *len, dm_error *err);

/* Count a bad record and keep the first warning: "line N: <what>". */
void dm_rd_warn(dm_reader *r, uint64_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A fatal error: the reader is done; returns -1. */
int dm_rd_fail(dm_reader *r, dm_error *err, dm_status code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Column lookup; -1 when absent. */
long dm_rd_col_find(const dm_reader *r, const char *name, size_t len);
/* Add a column with exactly this name (absent): its index, or -1 at max_columns. */
long dm_rd_col_add(dm_reader *r, const char *name, size_t len);
/* Add a column named name (or "col<idx>" when empty), made unique with a
 * "_2", "_3" ... suffix; -1 at max_columns. */
long dm_rd_col_add_unique(dm_reader *r, const char *name, size_t len, size_t idx);

/* Drop the columns from n on (undoing those a malformed record added). */
void dm_rd_cols_truncate(dm_reader *r, size_t n);
/* Make room for n fields / n more scratch bytes. */
void dm_rd_fields_reserve(dm_reader *r, size_t n);
void dm_rd_scratch_reserve(dm_reader *r, size_t n);

bool dm_rd_utf8_valid(const char *p, size_t n);

/* Resync for line-based formats (CSV, JSONL): seek to offset - 1 and
 * restart after the next newline; offset <= data_start restarts at the
 * first data record. */
dm_status dm_rd_resync_lines(dm_reader *r, uint64_t offset, dm_error *err);

/* "8 MiB", "512 KiB" or "1000 bytes" */
void dm_rd_human_size(size_t n, char *out, size_t outlen);

/* ---- csv.c ---- */
dm_status dm_rd_csv_open(dm_reader *r, dm_error *err);

/* ---- json.c ---- */
dm_status dm_rd_jsonl_open(dm_reader *r, dm_error *err);
dm_status dm_rd_json_open(dm_reader *r, dm_error *err);
/* For sniffing: is p[0, n) exactly one valid JSON object (whitespace around)? */
bool dm_json_is_object(const char *p, size_t n);
/* For sniffing: length of the JSON value starting at p[0] ('{', '[' or a
 * scalar) by bracket matching, or 0 when it does not end within n bytes. */
size_t dm_json_value_extent(const char *p, size_t n);

#endif
