/*
 * Schema inference, as Glue's built-in classifiers type columns: every
 * non-null value of a column is tested against the types from the narrowest
 * up; the column gets the narrowest type that holds all of them.
 *
 *   boolean  true/false (any case)
 *   bigint   optional sign and digits, fits 64 bits, no leading zeros
 *            ("007" is an identifier, kept as string)
 *   double   decimal or exponent notation
 *   date     YYYY-MM-DD
 *   timestamp YYYY-MM-DD[T ]HH:MM[:SS[.frac]][Z|+HH:MM]
 *   string   anything else
 *   array    JSON arrays
 * Widening: bigint + double -> double; date + timestamp -> timestamp; any
 * other mix -> string. A column is nullable when some row lacks it or holds
 * an empty value or null.
 */
#ifndef DM_PIPELINE_INFER_H
#define DM_PIPELINE_INFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "formats/reader.h"

typedef struct dm_infer {
    uint32_t seen;          /* bit per type seen (internal) */
    uint64_t values;        /* non-null values */
    uint64_t nulls;         /* empty or null values */
} dm_infer;

void dm_infer_add(dm_infer *inf, dm_value_kind kind, const char *s, size_t len);
/* The inferred type name ("string" when no value was seen). */
const char *dm_infer_type(const dm_infer *inf);
/* Nullable given the number of rows the column could have appeared in. */
bool dm_infer_nullable(const dm_infer *inf, uint64_t rows);

#endif
