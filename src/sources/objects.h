/*
 * Tables made of objects (files, S3 objects)
 *
 * Shared by the drivers whose tables are sets of files: opens each part,
 * decompresses and sniffs it, and delivers sampled rows to a sink with
 * table-wide column numbers and the Hive-style partition values as columns.
 *
 * Sampling with a row budget spreads over the whole table, not its head:
 * the budget is split between parts by size; a big, seekable, uncompressed
 * part is read in blocks spread over its length; any other part is read
 * through a reservoir (every row has the same chance), stopping after
 * DM_OBJECTS_SCAN_FACTOR times its budget of rows or 1 GiB of text.
 */
#ifndef DM_SOURCES_OBJECTS_H
#define DM_SOURCES_OBJECTS_H

#include "formats/stream.h"
#include "sources/source.h"

#define DM_OBJECTS_SCAN_FACTOR 100

typedef struct dm_object {
    char *key;              /* path or object key */
    char *url;              /* names the part in problems */
    uint64_t size;
    char **pvals;           /* partition values, one per table partition key */
} dm_object;

typedef dm_status (*dm_object_open_fn)(void *ctx, const dm_object *obj, dm_stream **out, dm_error *err);

dm_status dm_objects_read_rows(const dm_object *objs, size_t n, char *const *pkeys, size_t npkeys,
                               dm_object_open_fn open, void *octx, const dm_sample_spec *spec,
                               const dm_row_sink *sink, dm_error *err);

/* Column names of the first record of one object (for grouping files by
 * schema), as a sorted, '\n'-joined malloc'd string; NULL on failure. enc:
 * the source's encoding option (DM_ENC_AUTO: detect). */
char *dm_objects_signature(const dm_object *obj, dm_object_open_fn open, void *octx, dm_encoding enc);

/* The "encoding" option of a file or object source (absent: DM_ENC_AUTO).
 * An unknown name is DM_ERR_ARG listing the known ones. With rest, also
 * the options without it (malloc'd; for option parsers that refuse keys
 * they do not know). */
dm_status dm_objects_encoding_option(const char *options_json, dm_encoding *enc, char **rest, dm_error *err);

void dm_object_free_array(dm_object *objs, size_t n, size_t npkeys);

/* Layout rules shared by the drivers of file-like stores (local folders,
 * S3): files that are never tables (documents, code, images, archives), and
 * a table's name from its file name without extensions
 * (customers.csv.gz -> customers; malloc'd). */
bool dm_objects_not_data(const char *file_name);
/* A .datamap-tags.yaml sidecar: a flat map of scalar keys to scalar values,
 * added to *tags. Anything else, or a key given twice, is DM_ERR_FORMAT
 * naming `name` and the line. */
dm_status dm_objects_tags_yaml(const char *name, const char *data, size_t len, dm_kvlist *tags, dm_error *err);
char *dm_objects_table_name(const char *file_name);

#endif
