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
#include <string.h>

#include "core/mem.h"

#define JSON_MAX_DEPTH 64
#define JSON_PATH_MAX 1024
#define JSONL_GIVE_UP 8     /* invalid lines before any valid one: not JSON Lines */

typedef struct jp {
    dm_reader *r;           /* NULL: validate only */
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

static void set_field(dm_reader *r, uint32_t col, uint8_t kind, dm_rd_span v)
{
    size_t idx;
    if (r->col_stamp[col] == r->rec_no) {
        idx = r->col_field[col];
    } else {
        dm_rd_fields_reserve(r, r->nfields + 1);
        idx = r->nfields++;
        r->col_stamp[col] = r->rec_no;
        r->col_field[col] = (uint32_t)idx;
    }
    r->fields[idx].col = col;
    r->fields[idx].kind = kind;
    r->fields[idx].len = v.len;
    r->spans[idx] = v;
}

static void emit(jp *j, uint8_t kind, dm_rd_span v)
{
    dm_reader *r = j->r;
    if (r == NULL || j->mute || (j->in_array && kind == DM_VAL_NULL))
        return;
    long col = dm_rd_col_find(r, j->path, j->plen);
    if (col < 0)
        col = dm_rd_col_add(r, j->path, j->plen);
    if (col < 0) {
        j->too_many_cols = true;
        return;
    }
    if (j->in_array) {
        if (r->npend == r->cap_pend) {
            r->cap_pend = r->cap_pend ? r->cap_pend * 2 : 64;
            r->pend = dm_xrealloc(r->pend, r->cap_pend * sizeof *r->pend);
        }
        r->pend[r->npend].col = (uint32_t)col;
        r->pend[r->npend].v = v;
        r->npend++;
        return;
    }
    set_field(r, (uint32_t)col, kind, v);
}

static inline const char *span_ptr(const dm_reader *r, const dm_rd_span *v)
{
    return v->ptr ? v->ptr : r->scratch + v->off;
}

static void bump(uint32_t *counter, uint32_t *stamps, size_t n)
{
    if (++*counter == 0) {
        memset(stamps, 0, n * sizeof *stamps);
        *counter = 1;
    }
}

/* An outermost array ended: join its scalars per column, in the order the
 * columns were met. */
static void flush_array(jp *j, size_t first)
{
    dm_reader *r = j->r;
    if (r->npend == first) {
        long col = dm_rd_col_find(r, j->path, j->plen);
        if (col < 0)
            col = dm_rd_col_add(r, j->path, j->plen);
        if (col < 0) {
            j->too_many_cols = true;
            return;
        }
        set_field(r, (uint32_t)col, DM_VAL_ARRAY, (dm_rd_span){"", 0, 0});
        return;
    }
    bump(&r->arr_no, r->grp_stamp, r->ncols);
    size_t ngroups = 0, total = 0;
    for (size_t i = first; i < r->npend; i++) {
        uint32_t c = r->pend[i].col;
        if (r->grp_stamp[c] != r->arr_no) {
            r->grp_stamp[c] = r->arr_no;
            r->grp_len[c] = r->pend[i].v.len;
            r->grp_idx[ngroups++] = c;
        } else {
            r->grp_len[c] += 2 + r->pend[i].v.len;
        }
    }
    for (size_t g = 0; g < ngroups; g++)
        total += r->grp_len[r->grp_idx[g]];
    dm_rd_scratch_reserve(r, total);
    size_t off = r->scratch_len;
    for (size_t g = 0; g < ngroups; g++) {
        uint32_t c = r->grp_idx[g];
        r->grp_off[c] = off;
        off += r->grp_len[c];
        r->grp_len[c] = 0;
    }
    for (size_t i = first; i < r->npend; i++) {
        uint32_t c = r->pend[i].col;
        char *dst = r->scratch + r->grp_off[c] + r->grp_len[c];
        if (r->grp_len[c] > 0) {
            memcpy(dst, ", ", 2);
            dst += 2;
            r->grp_len[c] += 2;
        }
        memcpy(dst, span_ptr(r, &r->pend[i].v), r->pend[i].v.len);
        r->grp_len[c] += r->pend[i].v.len;
    }
    r->scratch_len = off;
    for (size_t g = 0; g < ngroups; g++) {
        uint32_t c = r->grp_idx[g];
        set_field(r, c, DM_VAL_ARRAY, (dm_rd_span){NULL, r->grp_off[c], r->grp_len[c]});
    }
    r->npend = first;
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
        emit(j, DM_VAL_STRING, (dm_rd_span){start, 0, raw});
        return true;
    }
    dm_reader *r = j->r;
    dm_rd_scratch_reserve(r, raw);
    size_t off = r->scratch_len;
    size_t n = unescape(start, raw, r->scratch + off);
    r->scratch_len += n;
    emit(j, DM_VAL_STRING, (dm_rd_span){NULL, off, n});
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
    emit(j, DM_VAL_NUMBER, (dm_rd_span){start, 0, (size_t)(s - start)});
    return true;
}

static bool parse_literal(jp *j, const char *word, size_t n, uint8_t kind)
{
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, word, n) != 0)
        return fail(j, "unexpected character");
    const char *start = j->p;
    j->p += n;
    emit(j, kind, kind == DM_VAL_NULL ? (dm_rd_span){"", 0, 0} : (dm_rd_span){start, 0, n});
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
    size_t first = j->r ? j->r->npend : 0;
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

bool dm_json_is_object(const char *p, size_t n)
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
    bump(&r->rec_no, r->col_stamp, r->ncols);
    r->nfields = 0;
    r->npend = 0;
    r->scratch_len = 0;
    size_t ncols_before = r->ncols;
    if (!parse_top_object(&j)) {
        snprintf(why, whylen, "invalid JSON: %s at byte %zu", j.err, j.err_at + 1);
        dm_rd_cols_truncate(r, ncols_before);
        r->nfields = 0;
        return false;
    }
    for (size_t i = 0; i < r->nfields; i++)
        r->fields[i].ptr = span_ptr(r, &r->spans[i]);
    if (j.too_many_cols)
        dm_rd_warn(r, r->rec_line, "more than %zu columns, extra fields dropped",
                   r->lim.max_columns);
    else if (j.long_key)
        dm_rd_warn(r, r->rec_line, "key path longer than %d bytes, field dropped",
                   JSON_PATH_MAX);
    else if (!dm_rd_utf8_valid(rec, len))
        dm_rd_warn(r, r->rec_line, "invalid UTF-8");
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
            if (!r->json_seen_valid && ++r->json_bad_lines >= JSONL_GIVE_UP)
                return dm_rd_fail(r, err, DM_ERR_FORMAT,
                                  "not JSON Lines: the first %d lines are invalid JSON",
                                  JSONL_GIVE_UP);
            continue;
        }
        r->resynced = false;
        r->json_seen_valid = true;
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

dm_status dm_rd_jsonl_open(dm_reader *r, dm_error *err)
{
    r->scan = jsonl_scan;
    r->next = jsonl_next;
    r->resync = jsonl_resync;
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

size_t dm_json_value_extent(const char *p, size_t n)
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
    for (;;) {
        const char *data;
        size_t n;
        if (dm_stream_fill(r->s, &data, &n, err) != DM_OK)
            return -1;
        if (n == 0) {
            if (r->json_state == J_TOP)
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
        switch (r->json_state) {
        case J_TOP:
            if (c == '[') {
                dm_stream_consume(r->s, 1);
                r->json_state = J_ARR_FIRST;
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
                r->json_state = J_TOP;
                continue;
            }
            r->json_state = J_ARR_NEXT;
            break;
        case J_ARR_ELEM:
            if (c == ']')
                return dm_rd_fail(r, err, DM_ERR_FORMAT,
                                  "line %llu: invalid JSON: ']' after ','",
                                  (unsigned long long)r->line);
            r->json_state = J_ARR_NEXT;
            break;
        default: /* J_ARR_NEXT */
            if (c == ',') {
                dm_stream_consume(r->s, 1);
                r->json_state = J_ARR_ELEM;
                continue;
            }
            if (c == ']') {
                dm_stream_consume(r->s, 1);
                r->json_state = J_TOP;
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

dm_status dm_rd_json_open(dm_reader *r, dm_error *err)
{
    r->scan = value_scan;
    r->next = json_next;
    r->resync = NULL;
    r->json_state = J_TOP;
    r->data_start = dm_stream_offset(r->s);
    r->data_start_line = r->line;
    return DM_OK;
}
