/*
 * Placeholders: the values people write for "no value".
 *
 * One rule for the whole program. A cell is empty when, with spaces around
 * it removed, it is nothing, or one of the words and signs that exports and
 * forms use for a missing value ("null", "n/a", "-", "unknown", "k.A.",
 * "desconocido" ... see placeholder.c), compared without case. An empty
 * cell:
 *   - is not counted among a column's sampled cells by the detection engine,
 *     so "n/a" in half the rows neither dilutes a column of e-mail addresses
 *     below the threshold nor is a value that could be personal data;
 *   - makes a column nullable and does not change its inferred type (a
 *     column of integers with "N/A" stays bigint).
 * Words that are real values somewhere ("0", "no", "x", "tbd") are not
 * placeholders.
 */
#ifndef DM_CORE_PLACEHOLDER_H
#define DM_CORE_PLACEHOLDER_H

#include <stdbool.h>
#include <stddef.h>

/* Bytes a placeholder can start with (space included, for the trimming):
 * most cells leave at this test without a call. */
extern const unsigned char dm_placeholder_first[256];

bool dm_is_placeholder_slow(const char *s, size_t n);

static inline bool dm_is_placeholder(const char *s, size_t n)
{
    return n == 0 || (dm_placeholder_first[(unsigned char)s[0]] && dm_is_placeholder_slow(s, n));
}

#endif
