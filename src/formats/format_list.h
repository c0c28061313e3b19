/*
 * The record formats, one row each: DM_FORMAT_ROW(ID, definition).
 *
 * This list is the only place a format is registered. It is included twice:
 * by reader.h, where each row becomes the public id DM_FMT_<ID> (its position
 * here, from 1), and by format.c, where it becomes the format table that
 * sniffing and dm_reader_open walk. The definition is the format's
 * dm_format_def (reader_impl.h), defined in its own file.
 *
 * Order matters twice: ids are positions (append new rows, so existing ids
 * do not shift), and sniffing asks the rows in this order (binary formats
 * first, and the one flagged DM_FORMAT_FALLBACK, CSV, last whatever its
 * place). See "Adding a format" in reader_impl.h.
 */
DM_FORMAT_ROW(CSV, dm_format_csv)
DM_FORMAT_ROW(JSONL, dm_format_jsonl)
DM_FORMAT_ROW(JSON, dm_format_json)
DM_FORMAT_ROW(PARQUET, dm_format_parquet)
