/*
 * Thrift compact protocol, decoding only: what Parquet's footer and page
 * headers are written in (parquet.thrift, "Thrift compact protocol" spec).
 *
 * A dm_thrift is a cursor over bytes already in memory. Readers walk a
 * struct with dm_thrift_field, read the fields they know and
 * dm_thrift_skip the others. Errors are sticky: any read past the end, an
 * unknown type or nesting deeper than DM_THRIFT_MAX_DEPTH sets t->bad and
 * returns zeros from then on, so a caller checks t->bad once at the end
 * instead of after every read (malformed input never reads out of bounds).
 */
#ifndef DM_FORMATS_THRIFT_H
#define DM_FORMATS_THRIFT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DM_THRIFT_MAX_DEPTH 32

/* Compact protocol type ids (the low nibble of a field header). */
enum {
    DM_TT_STOP = 0,
    DM_TT_TRUE = 1,     /* a bool field's value is its type */
    DM_TT_FALSE = 2,
    DM_TT_BYTE = 3,
    DM_TT_I16 = 4,
    DM_TT_I32 = 5,
    DM_TT_I64 = 6,
    DM_TT_DOUBLE = 7,
    DM_TT_BINARY = 8,
    DM_TT_LIST = 9,
    DM_TT_SET = 10,
    DM_TT_MAP = 11,
    DM_TT_STRUCT = 12,
};

typedef struct dm_thrift {
    const uint8_t *p, *end;
    bool bad;
    const char *why;    /* the first problem: "truncated", "bad type", "too deep" */
    int depth;
} dm_thrift;

void dm_thrift_init(dm_thrift *t, const void *p, size_t n);

/* The next field of the struct being read: false at its end (STOP) or on
 * error. *last is the previous field id (0 at the struct's start). */
bool dm_thrift_field(dm_thrift *t, int *last, int *id, int *type);

/* Values. Integers are zigzag varints (i16, i32, i64; a byte is one byte). */
int64_t dm_thrift_i64(dm_thrift *t);
int32_t dm_thrift_i32(dm_thrift *t);
int8_t dm_thrift_byte(dm_thrift *t);
double dm_thrift_double(dm_thrift *t);
/* Bytes of a binary/string: *p points into the input (not terminated). */
size_t dm_thrift_binary(dm_thrift *t, const uint8_t **p);
/* A bool that is a field (its value is the header's type). */
bool dm_thrift_field_bool(int type);
/* A bool that is a list element: one byte. */
bool dm_thrift_elem_bool(dm_thrift *t);
/* A list or set header: its size; *elem the element type. */
uint32_t dm_thrift_list(dm_thrift *t, int *elem);

/* Enter / leave a nested struct (depth accounting only). */
bool dm_thrift_enter(dm_thrift *t);
void dm_thrift_leave(dm_thrift *t);

/* Skip a value of this type (a field's, or a list element's). */
void dm_thrift_skip(dm_thrift *t, int type);

/* Bytes consumed since p (for page headers: where the page data starts). */
static inline size_t dm_thrift_used(const dm_thrift *t, const void *start)
{
    return (size_t)(t->p - (const uint8_t *)start);
}

#endif
