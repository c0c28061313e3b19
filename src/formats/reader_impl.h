/*
 * Record readers: the format interface, and the internals the formats share
 * (format.c, reader.c, sniff.c, csv.c, csv_sniff.c, json.c). Not for callers
 * outside src/formats/.
 *
 * A format is one dm_format_def: its name, how it is recognised (sniff), how
 * big its private state is, and how a reader of it opens, hands out rows,
 * jumps (resync) and frees what it allocated. The framework (reader.c) owns
 * everything formats have in common: the dm_reader with the format's state
 * in the same allocation, the column table, the row handed out, record
 * assembly across buffer refills (dm_rd_fetch), warnings and fatal errors.
 *
 * Adding a format (the recipe: one file, one row):
 * 1. src/formats/<name>.c: a state struct of its own, the functions below,
 *    and `const dm_format_def dm_format_<name> = {.name = "<name>", ...};`
 *    (CMake picks the file up by itself).
 * 2. One row in formats/format_list.h: DM_FORMAT_ROW(<ID>, dm_format_<name>).
 *    It gives the public id DM_FMT_<ID> and puts the format in the table that
 *    sniffing and dm_reader_open walk.
 * A text format whose records are lines or bracketed values assembles them
 * with dm_rd_fetch and a scanner (r->scan); a binary one reads the stream
 * itself (dm_stream_fill/consume), or seeks in it (Parquet, below). Tests: tests/unit/test_formats.c (behaviour) and
 * test_formats_fuzz.c (add the format to forced_formats).
 *
 * Formats that do not fit a forward stream: Parquet keeps its schema in a
 * footer at the end of the file, so its row sets DM_FORMAT_BINARY (sniffed
 * by magic number on the raw bytes, before decompression, decoding and the
 * text checks that would call NUL bytes "binary file") and
 * DM_FORMAT_RANDOM_ACCESS: its reader seeks in the stream it is given (a
 * file, or an S3 object read by ranged GETs) and refuses one it cannot
 * seek in. Its plan hook lets a sampling caller say how many rows it wants,
 * so only the row groups (and column chunks) that sample needs are read.
 * Avro may be read forward but is binary; xlsx is a zip whose directory is
 * at the end (random access, like Parquet).
 */
#ifndef DM_FORMATS_READER_IMPL_H
#define DM_FORMATS_READER_IMPL_H

#include <stddef.h>

#include "formats/reader.h"

/* ---- the format interface ---- */

/* What a format's sniff looks at: the start of the decompressed stream. */
typedef struct dm_sniff_input {
    const char *p;          /* up to 64 KiB, a UTF-8 byte order mark skipped */
    size_t n;
    size_t first;           /* offset of the first non-blank byte (text formats) */
    bool whole;             /* p[0, n) is the whole stream */
    const char *ext;        /* the name's extension, lower case, without a compression
                             * suffix ("csv" for "a/b.CSV.gz"), "" when none: only for ties */
    dm_value_check is_value;    /* optional: see dm_format_sniff_checked */
    void *is_value_ctx;
} dm_sniff_input;

enum {
    /* Sniffed on the raw bytes before the text checks (empty, NUL bytes,
     * control characters), by magic number: Parquet, Avro, zip. Without
     * it a format is text: asked only after those checks passed. */
    DM_FORMAT_BINARY = 1u << 0,
    /* Asked last, after every other format declined: what text is when
     * nothing claims it (CSV). At most one row. */
    DM_FORMAT_FALLBACK = 1u << 1,
    /* Read by seeking in a stream of the whole object (a file, ranged GETs). */
    DM_FORMAT_RANDOM_ACCESS = 1u << 2,
};

typedef struct dm_format_def {
    const char *name;               /* "csv": reports, the catalog, signatures */
    unsigned flags;                 /* DM_FORMAT_* */
    /* Is this the format? true claims the stream; fill the format's own
     * fields of out (CSV: delimiter, has_header), not out->format. */
    bool (*sniff)(const dm_sniff_input *in, dm_sniff *out);
    /* Optional: the name for what sniff found ("tsv" for CSV with a tab);
     * NULL: name. */
    const char *(*sniff_name)(const dm_sniff *s);
    size_t state_size;              /* bytes of r->state, zeroed by the framework */
    /* Read what comes before the data (a header) and set r->scan when the
     * format uses dm_rd_fetch; a fatal error fails the open. */
    dm_status (*open)(dm_reader *r, dm_error *err);
    /* 1: a row in *row; 0: end; -1: fatal (dm_rd_fail, or a stream error in err). */
    int (*next)(dm_reader *r, dm_row *row, dm_error *err);
    /* Optional: resume at the first record after a byte offset (the stream
     * is seekable: checked before). NULL: the format cannot. */
    dm_status (*resync)(dm_reader *r, uint64_t offset, dm_error *err);
    /* Optional: the caller wants about this many rows spread over the data,
     * asked before the first next: a format that can choose what it reads
     * (Parquet: row groups) reads no more than that needs. NULL: ignored. */
    void (*plan)(dm_reader *r, uint64_t rows);
    /* Optional: free what the state points to (not the state itself). */
    void (*close)(dm_reader *r);
} dm_format_def;

/* The row of a format id, or NULL (DM_FMT_UNKNOWN, out of range). */
const dm_format_def *dm_format_def_of(dm_format f);

/* ---- the reader ---- */

/* Scan p[0, n) continuing the current record. Return the bytes to consume;
 * set *rec_len to how many of them belong to the record, *ended when the
 * record's end is in this chunk. Newlines passed are added to r->line.
 * r->pending is false on the first call for a record, true on the calls
 * that continue it; r->scan_state and r->scan_depth are 0 at the first. */
typedef size_t (*dm_rd_scan_fn)(dm_reader *r, const char *p, size_t n, size_t *rec_len,
                                bool *ended);

typedef struct dm_rd_col {
    char *name;
    size_t len;
} dm_rd_col;

struct dm_reader {
    const dm_format_def *fmt;
    dm_stream *s;
    dm_sniff sniff;
    dm_reader_limits lim;

    /* columns, and an open-addressing index name -> column (slot holds col + 1) */
    dm_rd_col *cols;
    size_t ncols, cap_cols;
    uint32_t *htab;
    size_t hcap;

    /* the row handed out */
    dm_field *fields;
    size_t nfields, cap_fields;

    /* record assembly (dm_rd_fetch) */
    dm_rd_scan_fn scan;
    char *carry;
    size_t carry_len, carry_cap;
    bool pending;           /* a record is being assembled across fills */
    bool skipping;          /* ... and it is over max_record: dropped */
    int scan_state;         /* the scanner's state, reset at each record start */
    int scan_depth;
    uint64_t line;          /* 1-based line of the next byte */
    uint64_t rec_line;      /* line where the current record starts */
    uint64_t rec_offset;    /* stream offset where it starts */
    bool lines_known;       /* false after a resync */
    bool at_eof_record;     /* the record just fetched ended at the end of stream */

    /* scratch for unquoted / unescaped / joined values */
    char *scratch;
    size_t scratch_len, scratch_cap;
    /* fields re-read as Windows-1252 (dm_rd_fix_utf8) */
    char *fix;
    size_t fix_cap;

    uint64_t bad;
    char warning[256];
    bool has_warning;
    bool done;              /* end reached or fatal error */
    dm_error fatal;
    bool failed;

    /* line-based resync (dm_rd_resync_lines) */
    uint64_t data_start;    /* offset of the first data record (after BOM, header) */
    uint64_t data_start_line;
    bool resynced;          /* the next record may start mid-record: the format checks it */
    bool skip_to_newline;   /* after a resync: discard up to the next newline */

    /* the format's own state, fmt->state_size bytes, zeroed at open */
    max_align_t state[];
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
/* Make room for n fields / n more scratch bytes (scratch is never NULL after). */
void dm_rd_fields_reserve(dm_reader *r, size_t n);
void dm_rd_scratch_reserve(dm_reader *r, size_t n);

bool dm_rd_utf8_valid(const char *p, size_t n);
/* A record of a UTF-8 stream that is not UTF-8 (a later record in another
 * encoding than the start showed): its fields that are not valid UTF-8 are
 * re-read as Windows-1252, which maps every byte, so no cell is lost. */
void dm_rd_fix_utf8(dm_reader *r);

/* Resync for line-based formats (CSV, JSONL): seek to offset - 1 and
 * restart after the next newline; offset <= data_start restarts at the
 * first data record. */
dm_status dm_rd_resync_lines(dm_reader *r, uint64_t offset, dm_error *err);

/* "8 MiB", "512 KiB" or "1000 bytes" */
void dm_rd_human_size(size_t n, char *out, size_t outlen);

/* ---- csv_sniff.c and csv.c ---- */
bool dm_csv_sniff(const dm_sniff_input *in, dm_sniff *out);     /* the CSV row's sniff */
void dm_csv_trim(const char **p, size_t *len);      /* drop spaces and tabs around */

#endif
