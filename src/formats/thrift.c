/*
 * Thrift compact protocol decoder (see thrift.h). Field headers carry the
 * id as a delta from the previous one in the high nibble (0: the id follows
 * as a zigzag i16), the type in the low nibble; lists carry their size in
 * the high nibble (15: a varint follows) and the element type in the low.
 */
#include "formats/thrift.h"

#include <string.h>

static void fail(dm_thrift *t, const char *why)
{
    if (!t->bad)
        t->why = why;
    t->bad = true;
    t->p = t->end;
}

void dm_thrift_init(dm_thrift *t, const void *p, size_t n)
{
    memset(t, 0, sizeof *t);
    t->p = p;
    t->end = t->p + n;
}

static uint64_t varint(dm_thrift *t)
{
    uint64_t v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        if (t->p >= t->end) {
            fail(t, "truncated");
            return 0;
        }
        uint8_t b = *t->p++;
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80))
            return v;
    }
    fail(t, "varint too long");
    return 0;
}

static int64_t zigzag(uint64_t v)
{
    return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

int64_t dm_thrift_i64(dm_thrift *t)
{
    return zigzag(varint(t));
}

int32_t dm_thrift_i32(dm_thrift *t)
{
    int64_t v = zigzag(varint(t));
    if (v < INT32_MIN || v > INT32_MAX) {
        fail(t, "i32 out of range");
        return 0;
    }
    return (int32_t)v;
}

int8_t dm_thrift_byte(dm_thrift *t)
{
    if (t->p >= t->end) {
        fail(t, "truncated");
        return 0;
    }
    return (int8_t)*t->p++;
}

double dm_thrift_double(dm_thrift *t)
{
    double d = 0;
    if (t->end - t->p < 8) {
        fail(t, "truncated");
        return 0;
    }
    memcpy(&d, t->p, 8);        /* little-endian on the wire, as on every host we build for */
    t->p += 8;
    return d;
}

size_t dm_thrift_binary(dm_thrift *t, const uint8_t **p)
{
    uint64_t n = varint(t);
    if (n > (uint64_t)(t->end - t->p)) {
        fail(t, "truncated");
        *p = t->p;
        return 0;
    }
    *p = t->p;
    t->p += n;
    return (size_t)n;
}

bool dm_thrift_field_bool(int type)
{
    return type == DM_TT_TRUE;
}

bool dm_thrift_elem_bool(dm_thrift *t)
{
    return dm_thrift_byte(t) == DM_TT_TRUE;
}

bool dm_thrift_field(dm_thrift *t, int *last, int *id, int *type)
{
    if (t->bad)
        return false;
    if (t->p >= t->end) {
        fail(t, "truncated");
        return false;
    }
    uint8_t h = *t->p++;
    *type = h & 0x0f;
    if (*type == DM_TT_STOP)
        return false;
    if (*type > DM_TT_STRUCT) {
        fail(t, "bad type");
        return false;
    }
    int delta = h >> 4;
    if (delta)
        *id = *last + delta;
    else
        *id = (int)dm_thrift_i64(t);
    *last = *id;
    return !t->bad;
}

uint32_t dm_thrift_list(dm_thrift *t, int *elem)
{
    uint8_t h = (uint8_t)dm_thrift_byte(t);
    *elem = h & 0x0f;
    uint64_t n = h >> 4;
    if (n == 15)
        n = varint(t);
    /* every element takes at least one byte, except bools' 0-byte... they take one too */
    if (t->bad || n > (uint64_t)(t->end - t->p)) {
        fail(t, "truncated");
        return 0;
    }
    return (uint32_t)n;
}

bool dm_thrift_enter(dm_thrift *t)
{
    if (++t->depth > DM_THRIFT_MAX_DEPTH) {
        fail(t, "nested too deep");
        return false;
    }
    return !t->bad;
}

void dm_thrift_leave(dm_thrift *t)
{
    t->depth--;
}

static void skip_value(dm_thrift *t, int type, bool elem)
{
    const uint8_t *p;
    int last = 0, id, ft, et, kt, vt;
    switch (type) {
    case DM_TT_TRUE:
    case DM_TT_FALSE:
        if (elem)
            dm_thrift_byte(t);
        break;
    case DM_TT_BYTE:
        dm_thrift_byte(t);
        break;
    case DM_TT_I16:
    case DM_TT_I32:
    case DM_TT_I64:
        varint(t);
        break;
    case DM_TT_DOUBLE:
        dm_thrift_double(t);
        break;
    case DM_TT_BINARY:
        dm_thrift_binary(t, &p);
        break;
    case DM_TT_LIST:
    case DM_TT_SET: {
        uint32_t n = dm_thrift_list(t, &et);
        if (!dm_thrift_enter(t))
            break;
        for (uint32_t i = 0; i < n && !t->bad; i++)
            skip_value(t, et, true);
        dm_thrift_leave(t);
        break;
    }
    case DM_TT_MAP: {
        uint64_t n = varint(t);
        if (n == 0)
            break;
        uint8_t kv = (uint8_t)dm_thrift_byte(t);
        kt = kv >> 4;
        vt = kv & 0x0f;
        if (n > (uint64_t)(t->end - t->p) || !dm_thrift_enter(t)) {
            fail(t, "truncated");
            break;
        }
        for (uint64_t i = 0; i < n && !t->bad; i++) {
            skip_value(t, kt, true);
            skip_value(t, vt, true);
        }
        dm_thrift_leave(t);
        break;
    }
    case DM_TT_STRUCT:
        if (!dm_thrift_enter(t))
            break;
        while (dm_thrift_field(t, &last, &id, &ft))
            skip_value(t, ft, false);
        dm_thrift_leave(t);
        break;
    default:
        fail(t, "bad type");
    }
}

void dm_thrift_skip(dm_thrift *t, int type)
{
    skip_value(t, type, false);
}
