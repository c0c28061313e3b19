/*
 * Record readers
 *
 * A reader turns a (decompressed) byte stream into rows of fields. Columns
 * are numbered in the order the reader first meets them: a CSV header gives
 * them all at once; JSON Lines add columns as new keys appear (nested objects
 * are flattened to dotted names, "address.city"). A row lists only the fields
 * it has: field.col says which column each one is.
 *
 * Field bytes are valid until the next dm_reader_next call. JSON strings are
 * unescaped; CSV quotes are removed and doubled quotes undone.
 *
 * Errors are of two kinds:
 * - fatal (binary data, truncated compressed stream, not JSON at all):
 *   dm_reader_next returns -1 with err set; the reader is done.
 * - per record (a line over max_record bytes, one malformed JSON line, invalid
 *   UTF-8): the record is skipped or kept as bytes, dm_reader_bad_records
 *   counts them and dm_reader_warning describes the first one, naming the
 *   line. The caller reports it as an error entry for the file and goes on.
 */
#ifndef DM_FORMATS_READER_H
#define DM_FORMATS_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "formats/stream.h"

/* A format's id: its row in formats/format_list.h (DM_FMT_CSV, DM_FMT_JSONL,
 * DM_FMT_JSON, ...). Callers that only need a name use dm_format_name. */
typedef enum dm_format {
    DM_FMT_UNKNOWN = 0,
#define DM_FORMAT_ROW(id, def) DM_FMT_##id,
#include "formats/format_list.h"
#undef DM_FORMAT_ROW
    DM_FMT_COUNT        /* one past the last id */
} dm_format;

typedef struct dm_sniff {
    dm_format format;
    char delimiter;     /* CSV only */
    bool has_header;    /* CSV only: false -> columns are named col0, col1, ... */
} dm_sniff;

/* Look at the start of a decompressed stream (consumes nothing) and tell its
 * format from the content, using the name's extension only to break ties.
 * Binary content (NUL bytes, mostly non-text) is DM_ERR_FORMAT "binary file";
 * an empty stream is DM_ERR_FORMAT "empty file". */
dm_status dm_format_sniff(dm_stream *s, const char *name, dm_sniff *out, dm_error *err);

/* Does a cell read as a value the caller would classify (personal data)?
 * The CSV sniffer asks it of every cell of a header candidate: a record
 * holding such a value is data, never column names. */
typedef bool (*dm_value_check)(void *ctx, const char *p, size_t n);

/* dm_format_sniff with a value check (NULL: none). */
dm_status dm_format_sniff_checked(dm_stream *s, const char *name, dm_value_check check, void *check_ctx,
                                  dm_sniff *out, dm_error *err);

/* Sniff only the binary formats (magic numbers, DM_FORMAT_BINARY) on raw,
 * undecompressed bytes: true with *out set when one claims the stream. */
bool dm_format_sniff_binary(dm_stream *s, const char *name, dm_sniff *out, dm_error *err);

/* The format's name, "csv", "jsonl", "json"; "unknown" for an id out of range. */
const char *dm_format_name(dm_format f);
/* The name with what the sniff found taken into account: "tsv" for CSV with
 * a tab, else dm_format_name(s->format) (which cannot see the delimiter). */
const char *dm_sniff_format_name(const dm_sniff *s);
/* Can a reader of this format jump with dm_reader_resync (on a seekable,
 * uncompressed stream)? Callers plan sampling spread over a file with it. */
bool dm_format_can_resync(dm_format f);

typedef enum dm_value_kind {
    DM_VAL_TEXT = 0,    /* CSV cell: untyped text */
    DM_VAL_STRING,      /* JSON string */
    DM_VAL_NUMBER,      /* JSON number, text as written */
    DM_VAL_BOOL,        /* JSON true/false, text "true"/"false" */
    DM_VAL_NULL,        /* JSON null (len 0) */
    DM_VAL_ARRAY,       /* JSON array of scalars: elements' text joined by ", " */
} dm_value_kind;

typedef struct dm_field {
    uint32_t col;
    uint8_t kind;           /* dm_value_kind */
    const char *ptr;
    size_t len;
} dm_field;

typedef struct dm_row {
    const dm_field *fields;
    size_t nfields;
    uint64_t line;          /* 1-based line where the record starts (CSV/JSONL) */
} dm_row;

typedef struct dm_reader_limits {
    size_t max_record;      /* bytes in one record; default 8 MiB */
    size_t max_columns;     /* default 4096; more columns are dropped with a warning */
} dm_reader_limits;

typedef struct dm_reader dm_reader;

/* The reader borrows the stream: the caller closes it after dm_reader_free. */
dm_status dm_reader_open(dm_stream *s, const dm_sniff *sniff, const dm_reader_limits *lim,
                         dm_reader **out, dm_error *err);
/* 1: a row is in *row; 0: end; -1: fatal error in err. */
int dm_reader_next(dm_reader *r, dm_row *row, dm_error *err);

/* Jump to a byte offset of a seekable, uncompressed CSV or JSONL stream and
 * resume at the next record start (for sampling spread over a big file).
 * Returns DM_ERR_ARG when the stream or format cannot do it. */
dm_status dm_reader_resync(dm_reader *r, uint64_t offset, dm_error *err);

/* A hint before the first dm_reader_next: about this many rows, spread over
 * the data, are wanted (sampling). A format that can skip what it does not
 * need reads only that (Parquet: as many row groups as the rows need,
 * spread over the file); the others ignore it and read everything. */
void dm_reader_plan(dm_reader *r, uint64_t rows);

/* Is this format read from a stream it seeks in (Parquet: its footer), so
 * it is sniffed on the raw bytes and never decompressed or decoded? Its
 * column names are known once the reader is open. */
bool dm_format_random_access(dm_format f);

size_t dm_reader_ncols(const dm_reader *r);
const char *dm_reader_colname(const dm_reader *r, size_t col);
uint64_t dm_reader_bad_records(const dm_reader *r);
const char *dm_reader_warning(const dm_reader *r);  /* first per-record problem, or NULL */
void dm_reader_free(dm_reader *r);                  /* NULL is a no-op */

#endif
