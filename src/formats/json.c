/*
 * JSON Lines and JSON readers, over a small strict JSON parser of our own
 * (RFC 8259: no comments, no trailing commas, no single quotes, no leading
 * zeros, no raw control characters in strings).
 *
 * The parser works on one complete record in memory (a line, or one element
 * of a top-level array found by bracket matching) and emits flattened fields
 * as it goes, without allocating per value:
 * - nested objects: dotted names, {"address":{"city":"x"}} -> "address.city";
 * - scalars: DM_VAL_STRING (unescaped), NUMBER (as written), BOOL, NULL;
 * - arrays: every scalar inside, at any depth, goes to the column of its
 *   path and the values of one column are joined with ", " into one
 *   DM_VAL_ARRAY field: {"tags":["a","b"]} -> tags = "a, b";
 *   {"o":[{"id":1},{"id":2}]} -> o.id = "1, 2". Nulls inside arrays are
 *   left out; an array with no scalar at all gives an empty DM_VAL_ARRAY
 *   field for its own path.
 * - a key met twice in one record: the last value wins.
 * Strings without escapes point into the record; unescaped strings and joined
 * arrays live in r->scratch and are addressed by offset until the record is
 * complete (scratch may move while it grows).
 *
 * A JSON file is read as a sequence of top-level values: an array of
 * objects is streamed element by element (each element is one record, never
 * the whole file); an object is one record.
 */
#include "formats/reader_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

#define JSON_MAX_DEPTH 64
#define JSON_PATH_MAX 1024
#define JSONL_GIVE_UP 8     /* invalid lines before any valid one: not JSON Lines */

/* A value being assembled: ptr into the record, or (ptr == NULL) an offset
 * into r->scratch, which may move while the record is parsed. */
typedef struct span {
    const char *ptr;
    size_t off;
    size_t len;
} span;

/* A scalar met inside an array, joined into its column at the array end. */
typedef struct pending {
    uint32_t col;
    span v;
} pending;

/* Per column of the reader. */
typedef struct json_col {
    uint32_t stamp;         /* record number its field was set in */
    uint32_t field;         /* ... and the field index */
    uint32_t grp_stamp;     /* array number it was grouped in */
    size_t grp_len, grp_off;
} json_col;

/* The JSON and JSON Lines readers' own state (the reader's r->state). */
typedef struct json_state {
    json_col *cols;         /* as many as the reader has columns */
    size_t cap_cols;
    uint32_t *grp_idx;      /* the columns of one array, in order met */
    size_t cap_grp;
    span *spans;            /* where each field's bytes are until resolved */
    size_t cap_spans;
    DM_VEC(pending) pend;
    uint32_t rec_no, arr_no;
    int top;                /* JSON file: position in the top-level structure */
    int bad_lines;          /* JSONL: invalid lines before the first valid one */
    bool seen_valid;
} json_state;

static inline json_state *json_of(dm_reader *r)
{
    return (json_state *)(void *)r->state;
}

typedef struct jp {
    dm_reader *r;           /* NULL: validate only */
    json_state *js;
    const char *p, *end, *base;
    char path[JSON_PATH_MAX];
    size_t plen;
    int depth;
    int in_array;
    int mute;               /* > 0: parse but do not emit (key path too long) */
    const char *err;
    size_t err_at;
    bool long_key, too_many_cols;
} jp;

static bool fail(jp *j, const char *msg)
{
    if (j->err == NULL) {
        j->err = msg;
        j->err_at = (size_t)(j->p - j->base);
    }
    return false;
}

static inline void skip_ws(jp *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
        j->p++;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static unsigned hex4(const char *s)
{
    return (unsigned)(hexval(s[0]) << 12 | hexval(s[1]) << 8 | hexval(s[2]) << 4 | hexval(s[3]));
}

/* After the opening quote: find the closing one, checking escapes and
 * control characters. */
static bool scan_string(jp *j, const char **start, size_t *rawlen, bool *esc)
{
    const char *s = j->p, *end = j->end;
    *esc = false;
    while (s < end) {
        unsigned char c = (unsigned char)*s;
        if (c == '"') {
            *start = j->p;
            *rawlen = (size_t)(s - j->p);
            j->p = s + 1;
            return true;
        }
        if (c < 0x20) {
            j->p = s;
            return fail(j, "control character in string");
        }
        if (c == '\\') {
            *esc = true;
            if (s + 1 >= end)
                break;
            switch (s[1]) {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                s += 2;
                continue;
            case 'u':
                if (end - s < 6 || hexval(s[2]) < 0 || hexval(s[3]) < 0 || hexval(s[4]) < 0 ||
                    hexval(s[5]) < 0) {
                    j->p = s;
                    return fail(j, "bad \\u escape");
                }
                s += 6;
                continue;
            default:
                j->p = s;
                return fail(j, "bad escape");
            }
        }
        s++;
    }
    j->p = end;
    return fail(j, "unterminated string");
}

static size_t put_utf8(unsigned cp, char *o)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xc0 | cp >> 6);
        o[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xe0 | cp >> 12);
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        o[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    o[0] = (char)(0xf0 | cp >> 18);
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
    o[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

/* Unescape a string already checked by scan_string; the output is never
 * longer than the input. Lone surrogates become U+FFFD. */
static size_t unescape(const char *s, size_t n, char *o0)
{
    const char *e = s + n;
    char *o = o0;
    while (s < e) {
        const char *bs = memchr(s, '\\', (size_t)(e - s));
        size_t run = (size_t)((bs ? bs : e) - s);
        memcpy(o, s, run);
        o += run;
        s += run;
        if (bs == NULL)
            break;
        char c = s[1];
        s += 2;
        switch (c) {
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            unsigned cp = hex4(s);
            s += 4;
            if (cp >= 0xd800 && cp <= 0xdbff && e - s >= 6 && s[0] == '\\' && s[1] == 'u') {
                unsigned lo = hex4(s + 2);
                if (lo >= 0xdc00 && lo <= 0xdfff) {
                    cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                    s += 6;
                }
            }
            if (cp >= 0xd800 && cp <= 0xdfff)
                cp = 0xfffd;
            o += put_utf8(cp, o);
            break;
        }
        default: *o++ = c; break;   /* " \ / */
        }
    }
    return (size_t)(o - o0);
}

/* ---- emitting fields ---- */

/* A new column for the current path, with its stamps; -1 at max_columns. */
static long add_path_col(jp *j)
{
    dm_reader *r = j->r;
    long col = dm_rd_col_add(r, j->path, j->plen);
    if (col < 0) {
        j->too_many_cols = true;
        return -1;
    }
    json_state *js = j->js;
    DM_GROW(js->cols, js->cap_cols, r->ncols);
    DM_GROW(js->grp_idx, js->cap_grp, r->ncols);
    js->cols[col].stamp = 0;
    js->cols[col].grp_stamp = 0;
    return col;
}

/* The column of the current path, added when new; -1 at max_columns. */
static inline long path_col(jp *j)
{
    long col = dm_rd_col_find(j->r, j->path, j->plen);
    return col >= 0 ? col : add_path_col(j);
}

static void set_field(dm_reader *r, json_state *js, uint32_t col, uint8_t kind, span v)
{
    size_t idx;
    json_col *c = &js->cols[col];
    if (c->stamp == js->rec_no) {
        idx = c->field;
    } else {
        dm_rd_fields_reserve(r, r->nfields + 1);
        DM_GROW(js->spans, js->cap_spans, r->nfields + 1);
        idx = r->nfields++;
        c->stamp = js->rec_no;
        c->field = (uint32_t)idx;
    }
    r->fields[idx].col = col;
    r->fields[idx].kind = kind;
    r->fields[idx].len = v.len;
    js->spans[idx] = v;
}

static void emit(jp *j, uint8_t kind, span v)
{
    if (j->r == NULL || j->mute || (j->in_array && kind == DM_VAL_NULL))
        return;
    long col = path_col(j);
    if (col < 0)
        return;
    if (j->in_array) {
        *DM_PUSH(j->js->pend) = (pending){(uint32_t)col, v};
        return;
    }
    set_field(j->r, j->js, (uint32_t)col, kind, v);
}

static inline const char *span_ptr(const dm_reader *r, const span *v)
{
    return v->ptr ? v->ptr : r->scratch + v->off;
}

/* The next record (arr: array) number. When the counter wraps, the stamps
 * are cleared so that no column looks set in the current one. */
static void bump(json_state *js, size_t ncols, bool arr)
{
    uint32_t *counter = arr ? &js->arr_no : &js->rec_no;
    if (++*counter == 0) {
        for (size_t c = 0; c < ncols; c++) {
            if (arr)
                js->cols[c].grp_stamp = 0;
            else
                js->cols[c].stamp = 0;
        }
        *counter = 1;
    }
}

/* An outermost array ended: join its scalars per column, in the order the
 * columns were met. */
static void flush_array(jp *j, size_t first)
{
    dm_reader *r = j->r;
    json_state *js = j->js;
    if (js->pend.n == first) {
        long col = path_col(j);
        if (col < 0)
            return;
        set_field(r, js, (uint32_t)col, DM_VAL_ARRAY, (span){"", 0, 0});
        return;
    }
    bump(js, r->ncols, true);
    json_col *cols = js->cols;
    const pending *pend = js->pend.v;
    size_t ngroups = 0, total = 0;
    for (size_t i = first; i < js->pend.n; i++) {
        uint32_t c = pend[i].col;
        if (cols[c].grp_stamp != js->arr_no) {
            cols[c].grp_stamp = js->arr_no;
            cols[c].grp_len = pend[i].v.len;
            js->grp_idx[ngroups++] = c;
        } else {
            cols[c].grp_len += 2 + pend[i].v.len;
        }
    }
    for (size_t g = 0; g < ngroups; g++)
        total += cols[js->grp_idx[g]].grp_len;
    dm_rd_scratch_reserve(r, total);
    size_t off = r->scratch_len;
    for (size_t g = 0; g < ngroups; g++) {
        json_col *c = &cols[js->grp_idx[g]];
        c->grp_off = off;
        off += c->grp_len;
        c->grp_len = 0;
    }
    for (size_t i = first; i < js->pend.n; i++) {
        json_col *c = &cols[pend[i].col];
        char *dst = r->scratch + c->grp_off + c->grp_len;
        if (c->grp_len > 0) {
            memcpy(dst, ", ", 2);
            dst += 2;
            c->grp_len += 2;
        }
        memcpy(dst, span_ptr(r, &pend[i].v), pend[i].v.len);
        c->grp_len += pend[i].v.len;
    }
    r->scratch_len = off;
    for (size_t g = 0; g < ngroups; g++) {
        uint32_t c = js->grp_idx[g];
        set_field(r, js, c, DM_VAL_ARRAY, (span){NULL, cols[c].grp_off, cols[c].grp_len});
    }
    js->pend.n = first;
}

/* ---- the parser ---- */

static bool parse_value(jp *j);

static bool parse_string_value(jp *j)
{
    const char *start;
    size_t raw;
    bool esc;
    j->p++;
    if (!scan_string(j, &start, &raw, &esc))
        return false;
    if (j->r == NULL || j->mute)
        return true;
    if (!esc) {
        emit(j, DM_VAL_STRING, (span){start, 0, raw});
        return true;
    }
    dm_reader *r = j->r;
    dm_rd_scratch_reserve(r, raw);
    size_t off = r->scratch_len;
    size_t n = unescape(start, raw, r->scratch + off);
    r->scratch_len += n;
    emit(j, DM_VAL_STRING, (span){NULL, off, n});
    return true;
}

static bool parse_number(jp *j)
{
    const char *s = j->p, *e = j->end, *start = s;
    if (s < e && *s == '-')
        s++;
    if (s >= e || *s < '0' || *s > '9') {
        j->p = s;
        return fail(j, "bad number");
    }
    if (*s == '0') {
        s++;
    } else {
        while (s < e && *s >= '0' && *s <= '9')
            s++;
    }
    if (s < e && *s == '.') {
        s++;
        if (s >= e || *s < '0' || *s > '9') {
            j->p = s;
            return fail(j, "bad number");
        }
        while (s < e && *s >= '0' && *s <= '9')
            s++;
    }
    if (s < e && (*s == 'e' || *s == 'E')) {
        s++;
        if (s < e && (*s == '+' || *s == '-'))
            s++;
        if (s >= e || *s < '0' || *s > '9') {
            j->p = s;
            return fail(j, "bad number");
        }
        while (s < e && *s >= '0' && *s <= '9')
            s++;
    }
    if (s < e && ((*s >= '0' && *s <= '9') || *s == '.' || *s == 'e' || *s == 'E' || *s == '+' ||
                  *s == '-')) {
        j->p = s;
        return fail(j, "bad number");
    }
    j->p = s;
    emit(j, DM_VAL_NUMBER, (span){start, 0, (size_t)(s - start)});
    return true;
}

static bool parse_literal(jp *j, const char *word, size_t n, uint8_t kind)
{
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, word, n) != 0)
        return fail(j, "unexpected character");
    const char *start = j->p;
    j->p += n;
    emit(j, kind, kind == DM_VAL_NULL ? (span){"", 0, 0} : (span){start, 0, n});
    return true;
}

static bool enter(jp *j)
{
    if (++j->depth > JSON_MAX_DEPTH)
        return fail(j, "nesting deeper than 64 levels");
    return true;
}

static bool parse_object(jp *j)
{
    if (!enter(j))
        return false;
    j->p++;
    skip_ws(j);
    if (j->p < j->end && *j->p == '}') {
        j->p++;
        j->depth--;
        return true;
    }
    for (;;) {
        if (j->p >= j->end || *j->p != '"')
            return fail(j, "expected a key");
        j->p++;
        const char *key;
        size_t raw;
        bool esc;
        if (!scan_string(j, &key, &raw, &esc))
            return false;
        size_t saved = j->plen;
        bool muted = false;
        if (j->r != NULL && !j->mute) {
            if (saved + 1 + raw > sizeof j->path) {
                muted = true;
                j->mute++;
                j->long_key = true;
            } else {
                if (saved)
                    j->path[j->plen++] = '.';
                if (esc)
                    j->plen += unescape(key, raw, j->path + j->plen);
                else {
                    memcpy(j->path + j->plen, key, raw);
                    j->plen += raw;
                }
            }
        }
        skip_ws(j);
        if (j->p >= j->end || *j->p != ':')
            return fail(j, "expected ':'");
        j->p++;
        skip_ws(j);
        if (!parse_value(j))
            return false;
        j->plen = saved;
        if (muted)
            j->mute--;
        skip_ws(j);
        if (j->p < j->end && *j->p == ',') {
            j->p++;
            skip_ws(j);
            continue;
        }
        if (j->p < j->end && *j->p == '}') {
            j->p++;
            j->depth--;
            return true;
        }
        return fail(j, "expected ',' or '}'");
    }
}

static bool parse_array(jp *j)
{
    if (!enter(j))
        return false;
    j->p++;
    bool outer = j->in_array == 0;
    size_t first = j->r ? j->js->pend.n : 0;
    j->in_array++;
    skip_ws(j);
    if (j->p < j->end && *j->p == ']') {
        j->p++;
    } else {
        for (;;) {
            if (!parse_value(j))
                return false;
            skip_ws(j);
            if (j->p < j->end && *j->p == ',') {
                j->p++;
                skip_ws(j);
                continue;
            }
            if (j->p < j->end && *j->p == ']') {
                j->p++;
                break;
            }
            return fail(j, "expected ',' or ']'");
        }
    }
    j->in_array--;
    j->depth--;
    if (outer && j->r != NULL && !j->mute)
        flush_array(j, first);
    return true;
}

static bool parse_value(jp *j)
{
    if (j->p >= j->end)
        return fail(j, "unexpected end");
    switch (*j->p) {
    case '{': return parse_object(j);
    case '[': return parse_array(j);
    case '"': return parse_string_value(j);
    case 't': return parse_literal(j, "true", 4, DM_VAL_BOOL);
    case 'f': return parse_literal(j, "false", 5, DM_VAL_BOOL);
    case 'n': return parse_literal(j, "null", 4, DM_VAL_NULL);
    default:
        if (*j->p == '-' || (*j->p >= '0' && *j->p <= '9'))
            return parse_number(j);
        return fail(j, "unexpected character");
    }
}

static void jp_init(jp *j, dm_reader *r, const char *p, size_t n)
{
    j->r = r;
    j->js = r ? json_of(r) : NULL;
    j->p = j->base = p;
    j->end = p + n;
    j->plen = 0;
    j->depth = 0;
    j->in_array = 0;
    j->mute = 0;
    j->err = NULL;
    j->err_at = 0;
    j->long_key = j->too_many_cols = false;
}

/* One object with optional whitespace around it. */
static bool parse_top_object(jp *j)
{
    skip_ws(j);
    if (j->p >= j->end || *j->p != '{')
        return fail(j, "not an object");
    if (!parse_object(j))
        return false;
    skip_ws(j);
    if (j->p != j->end)
        return fail(j, "data after the object");
    return true;
}

static bool json_is_object(const char *p, size_t n)
{
    jp j;
    jp_init(&j, NULL, p, n);
    return parse_top_object(&j);
}

/* Parse one record into r->fields. On failure the columns the record added
 * are removed again and *why says what was wrong. */
static bool parse_record(dm_reader *r, const char *rec, size_t len, char *why, size_t whylen)
{
    jp j;
    jp_init(&j, r, rec, len);
    json_state *js = j.js;
    bump(js, r->ncols, false);
    r->nfields = 0;
    js->pend.n = 0;
    r->scratch_len = 0;
    size_t ncols_before = r->ncols;
    if (!parse_top_object(&j)) {
        snprintf(why, whylen, "invalid JSON: %s at byte %zu", j.err, j.err_at + 1);
        dm_rd_cols_truncate(r, ncols_before);
        r->nfields = 0;
        return false;
    }
    for (size_t i = 0; i < r->nfields; i++)
        r->fields[i].ptr = span_ptr(r, &js->spans[i]);
    if (j.too_many_cols)
        dm_rd_warn(r, r->rec_line, "more than %zu columns, extra fields dropped",
                   r->lim.max_columns);
    else if (j.long_key)
        dm_rd_warn(r, r->rec_line, "key path longer than %d bytes, field dropped",
                   JSON_PATH_MAX);
    else if (!dm_rd_utf8_valid(rec, len)) {
        dm_rd_fix_utf8(r);
        dm_rd_warn(r, r->rec_line, "invalid UTF-8, read as windows-1252");
    }
    return true;
}

/* ---- JSON Lines ---- */

static size_t jsonl_scan(dm_reader *r, const char *p, size_t n, size_t *rec_len, bool *ended)
{
    const char *nl = memchr(p, '\n', n);
    if (nl == NULL) {
        *rec_len = n;
        *ended = false;
        return n;
    }
    r->line++;
    *rec_len = (size_t)(nl - p);
    *ended = true;
    return (size_t)(nl - p) + 1;
}

static bool only_ws(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
            return false;
    return true;
}

static int jsonl_next(dm_reader *r, dm_row *row, dm_error *err)
{
    json_state *js = json_of(r);
    for (;;) {
        const char *rec;
        size_t len;
        int rc = dm_rd_fetch(r, &rec, &len, err);
        if (rc <= 0)
            return rc;
        if (rc == 2 || only_ws(rec, len))
            continue;
        char why[160];
        if (!parse_record(r, rec, len, why, sizeof why)) {
            if (r->resynced) {
                r->resynced = false;
                continue;
            }
            dm_rd_warn(r, r->rec_line, "%s", why);
            if (!js->seen_valid && ++js->bad_lines >= JSONL_GIVE_UP)
                return dm_rd_fail(r, err, DM_ERR_FORMAT,
                                  "not JSON Lines: the first %d lines are invalid JSON",
                                  JSONL_GIVE_UP);
            continue;
        }
        r->resynced = false;
        js->seen_valid = true;
        row->fields = r->fields;
        row->nfields = r->nfields;
        row->line = r->lines_known ? r->rec_line : 0;
        return 1;
    }
}

static dm_status jsonl_resync(dm_reader *r, uint64_t offset, dm_error *err)
{
    return dm_rd_resync_lines(r, offset, err);
}

static dm_status jsonl_open(dm_reader *r, dm_error *err)
{
    (void)err;
    r->scan = jsonl_scan;
    r->data_start = dm_stream_offset(r->s);
    r->data_start_line = r->line;
    return DM_OK;
}

/* ---- JSON: top-level values, arrays streamed element by element ---- */

enum { V_INIT = 0, V_CONT, V_STR, V_ESC, V_SCALAR };

/* Find the end of one JSON value by bracket matching (strings respected);
 * the parser checks it properly afterwards. */
static size_t value_scan(dm_reader *r, const char *p, size_t n, size_t *rec_len, bool *ended)
{
    int st = r->scan_state, depth = r->scan_depth;
    size_t i = 0;
    if (st == V_INIT) {
        char c = p[0];
        if (c == '{' || c == '[') {
            st = V_CONT;
            depth = 1;
        } else if (c == '"') {
            st = V_STR;
            depth = 0;
        } else if (c == ',' || c == ']' || c == '}' || c == ':') {
            i = 1;              /* a stray structural character: a one-byte record */
            goto done;
        } else {
            st = V_SCALAR;
            i = 0;
            goto scan;
        }
        i = 1;
    }
scan:
    while (i < n) {
        char c = p[i];
        switch (st) {
        case V_CONT:
            if (c == '"') {
                st = V_STR;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    i++;
                    goto done;
                }
            } else if (c == '\n') {
                r->line++;
            }
            break;
        case V_STR:
            if (c == '"') {
                st = V_CONT;
                if (depth == 0) {
                    i++;
                    goto done;
                }
            } else if (c == '\\') {
                st = V_ESC;
            } else if (c == '\n') {
                r->line++;
            }
            break;
        case V_ESC:
            st = V_STR;
            if (c == '\n')
                r->line++;
            break;
        default: /* V_SCALAR */
            if (c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\r' ||
                c == '\n' || c == '[' || c == '{' || c == '"')
                goto done;
            break;
        }
        i++;
    }
    r->scan_state = st;
    r->scan_depth = depth;
    *rec_len = n;
    *ended = false;
    return n;
done:
    r->scan_state = V_INIT;
    *rec_len = i;
    *ended = true;
    return i;
}

static size_t json_value_extent(const char *p, size_t n)
{
    if (n == 0)
        return 0;
    dm_reader tmp;
    memset(&tmp, 0, sizeof tmp);
    size_t len;
    bool ended;
    value_scan(&tmp, p, n, &len, &ended);
    return ended ? len : 0;
}

enum { J_TOP = 0, J_ARR_FIRST, J_ARR_NEXT, J_ARR_ELEM };

static int json_next(dm_reader *r, dm_row *row, dm_error *err)
{
    json_state *js = json_of(r);
    for (;;) {
        const char *data;
        size_t n;
        if (dm_stream_fill(r->s, &data, &n, err) != DM_OK)
            return -1;
        if (n == 0) {
            if (js->top == J_TOP)
                return 0;
            return dm_rd_fail(r, err, DM_ERR_FORMAT,
                              "line %llu: truncated JSON: the file ends inside an array",
                              (unsigned long long)r->line);
        }
        size_t i = 0;
        while (i < n && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n')) {
            if (data[i] == '\n')
                r->line++;
            i++;
        }
        dm_stream_consume(r->s, i);
        if (i == n)
            continue;
        char c = data[i];
        switch (js->top) {
        case J_TOP:
            if (c == '[') {
                dm_stream_consume(r->s, 1);
                js->top = J_ARR_FIRST;
                continue;
            }
            if (c != '{')
                return dm_rd_fail(r, err, DM_ERR_FORMAT,
                                  "line %llu: not JSON: expected '[' or '{'",
                                  (unsigned long long)r->line);
            break;
        case J_ARR_FIRST:
            if (c == ']') {
                dm_stream_consume(r->s, 1);
                js->top = J_TOP;
                continue;
            }
            js->top = J_ARR_NEXT;
            break;
        case J_ARR_ELEM:
            if (c == ']')
                return dm_rd_fail(r, err, DM_ERR_FORMAT,
                                  "line %llu: invalid JSON: ']' after ','",
                                  (unsigned long long)r->line);
            js->top = J_ARR_NEXT;
            break;
        default: /* J_ARR_NEXT */
            if (c == ',') {
                dm_stream_consume(r->s, 1);
                js->top = J_ARR_ELEM;
                continue;
            }
            if (c == ']') {
                dm_stream_consume(r->s, 1);
                js->top = J_TOP;
                continue;
            }
            return dm_rd_fail(r, err, DM_ERR_FORMAT,
                              "line %llu: invalid JSON: expected ',' or ']' after an array element",
                              (unsigned long long)r->line);
        }
        /* a value: an object record, or an array element */
        const char *rec;
        size_t len;
        int rc = dm_rd_fetch(r, &rec, &len, err);
        if (rc < 0)
            return -1;
        if (rc == 0 || rc == 2)
            continue;
        if (r->at_eof_record)
            return dm_rd_fail(r, err, DM_ERR_FORMAT,
                              "line %llu: truncated JSON: the file ends inside a value",
                              (unsigned long long)r->rec_line);
        char why[160];
        if (rec[0] != '{') {
            dm_rd_warn(r, r->rec_line, "array element is not an object, skipped");
            continue;
        }
        if (!parse_record(r, rec, len, why, sizeof why)) {
            dm_rd_warn(r, r->rec_line, "%s", why);
            continue;
        }
        row->fields = r->fields;
        row->nfields = r->nfields;
        row->line = r->rec_line;
        return 1;
    }
}

static dm_status json_open(dm_reader *r, dm_error *err)
{
    (void)err;
    r->scan = value_scan;
    json_of(r)->top = J_TOP;
    r->data_start = dm_stream_offset(r->s);
    r->data_start_line = r->line;
    return DM_OK;
}

static void json_close(dm_reader *r)
{
    json_state *js = json_of(r);
    free(js->cols);
    free(js->grp_idx);
    free(js->spans);
    free(js->pend.v);
}

/* ---- sniffing: the JSON and JSON Lines rows ---- */

static bool sniff_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Text starting with '{': JSON Lines when the first object ends on its line
 * and the next line starts another one; JSON when it spans lines
 * (pretty-printed). A single one-line object is JSON Lines for
 * .jsonl/.ndjson names, else JSON (same rows either way). Neither
 * (DM_FMT_UNKNOWN): the extension decides, .json JSON, .jsonl/.ndjson JSON
 * Lines; otherwise CSV will take it. */
static dm_format sniff_object(const dm_sniff_input *in)
{
    const char *p = in->p + in->first;
    size_t n = in->n - in->first;
    const char *ext = in->ext;
    bool lines_ext = strcmp(ext, "jsonl") == 0 || strcmp(ext, "ndjson") == 0;
    dm_format f;
    size_t len = json_value_extent(p, n);
    size_t i = len;
    if (len == 0) {
        f = lines_ext ? DM_FMT_JSONL : DM_FMT_JSON;     /* longer than the window */
        goto out;
    }
    if (memchr(p, '\n', len) != NULL) {
        f = DM_FMT_JSON;                                /* pretty-printed */
        goto out;
    }
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r'))
        i++;
    if (i < n && p[i] != '\n') {
        f = p[i] == '{' || p[i] == '[' ? DM_FMT_JSON : DM_FMT_UNKNOWN;
        goto out;
    }
    while (i < n && sniff_ws(p[i]))
        i++;
    if (i >= n && in->whole)
        f = lines_ext ? DM_FMT_JSONL : DM_FMT_JSON;     /* a single object */
    else if (i < n && p[i] != '{' && !json_is_object(p, len))
        f = DM_FMT_UNKNOWN;
    else
        f = DM_FMT_JSONL;
out:
    if (f == DM_FMT_UNKNOWN && (strcmp(ext, "json") == 0 || lines_ext))
        f = strcmp(ext, "json") == 0 ? DM_FMT_JSON : DM_FMT_JSONL;
    return f;
}

static bool jsonl_sniff(const dm_sniff_input *in, dm_sniff *out)
{
    (void)out;
    return in->p[in->first] == '{' && sniff_object(in) == DM_FMT_JSONL;
}

/* '[' followed by '{' or ']' (or nothing within the window): an array of
 * objects; '{': see sniff_object. */
static bool json_sniff(const dm_sniff_input *in, dm_sniff *out)
{
    (void)out;
    const char *q = in->p + in->first;
    size_t qn = in->n - in->first;
    if (*q == '[') {
        size_t i = 1;
        while (i < qn && sniff_ws(q[i]))
            i++;
        return i >= qn || q[i] == '{' || q[i] == ']';
    }
    return *q == '{' && sniff_object(in) == DM_FMT_JSON;
}

const dm_format_def dm_format_jsonl = {
    .name = "jsonl",
    .sniff = jsonl_sniff,
    .state_size = sizeof(json_state),
    .open = jsonl_open,
    .next = jsonl_next,
    .resync = jsonl_resync,
    .close = json_close,
};

const dm_format_def dm_format_json = {
    .name = "json",
    .sniff = json_sniff,
    .state_size = sizeof(json_state),
    .open = json_open,
    .next = json_next,
    .close = json_close,
};
