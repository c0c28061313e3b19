/*
 * CSV reader (RFC 4180, lenient where files in the wild are not).
 *
 * - A quote opens a quoted field only at the start of a field; elsewhere it
 *   is a literal character. Inside quotes, "" is one quote and delimiters
 *   and newlines are data. Text after a closing quote is kept as is
 *   ("ab"cd -> abcd). An unterminated quote runs to the end of the file.
 * - Records end at LF; a CR before it is dropped (CRLF). Blank lines are
 *   skipped.
 * - Fields point into the stream buffer (or into r->carry when the record
 *   straddled a refill); only quoted fields with "" or text after the
 *   closing quote are copied, into r->scratch. Nothing is allocated per
 *   record once the arrays have grown to the widest row.
 * - Header names are trimmed of spaces and tabs and cut to 1024 bytes; an
 *   empty name becomes col<i> (i: 0-based position), a repeated one gets
 *   "_2", "_3" ... appended. Without a header, columns are col0, col1 ...
 * - Field i is column i. A row longer than the header gets columns named
 *   col<i> (unique); a row shorter than it has fewer fields. Fields past
 *   max_columns are dropped and the record counted with a warning.
 *
 * Speed: a record that lies whole in the stream buffer and has no
 * multi-line or malformed quoted field is found and split in one pass
 * (fast_split: 16 bytes at a time with SSE2, a byte loop elsewhere) that
 * also notes where the first non-ASCII byte is, so UTF-8 validation runs
 * only on records (and from the byte) that need it. Other records go
 * through the quote state machine (csv_scan) and csv_split.
 */
#include "formats/reader_impl.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/mem.h"

enum { S_START = 0, S_UNQ, S_Q, S_QQ };

#define CSV_NAME_MAX 1024   /* header names are cut to this many bytes */

/* The CSV reader's own state (the reader's r->state). */
typedef struct csv_state {
    char delim;
    size_t header_cols;     /* columns the header named; 0 without a header */
    bool quoted;            /* the record being scanned holds a quote (csv_scan) */
    bool nonascii;          /* fast path: the record has a byte >= 0x80 ... */
    size_t first_high;      /* ... the first one, from the record start */
} csv_state;

static inline csv_state *csv_of(dm_reader *r)
{
    return (csv_state *)(void *)r->state;
}

#define FAST_NONE ((size_t)0)          /* no newline before end */
#define FAST_SLOW ((size_t)-1)         /* a quote, or too many fields: the slow path */

/* One field of the fast path; false past max_columns. */
static inline bool fast_push(dm_reader *r, size_t *nf, const char *a, const char *b)
{
    if (*nf >= r->lim.max_columns)
        return false;
    if (*nf == r->cap_fields)
        dm_rd_fields_reserve(r, *nf + 1);
    dm_field *f = &r->fields[*nf];
    f->col = (uint32_t)*nf;
    f->kind = DM_VAL_TEXT;
    f->ptr = a;
    f->len = (size_t)(b - a);
    (*nf)++;
    return true;
}

/* The end of a record at c (the LF): last field, without a CR before it. */
static inline size_t fast_end(dm_reader *r, size_t nf, const char *p, const char *fstart,
                              const char *c, const char *fh)
{
    const char *fe = c > fstart && c[-1] == '\r' ? c - 1 : c;
    if (!fast_push(r, &nf, fstart, fe))
        return FAST_SLOW;
    r->nfields = nf;
    csv_of(r)->nonascii = fh != NULL;
    csv_of(r)->first_high = fh ? (size_t)(fh - p) : 0;
    return (size_t)(c - p) + 1;
}

/* Where the first byte >= 0x80 of a[0, b) is, or NULL. */
static const char *first_high_in(const char *a, const char *b)
{
#ifdef __SSE2__
    while (b - a >= 16) {
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)a));
        if (m)
            return a + __builtin_ctz(m);
        a += 16;
    }
#endif
    for (; a < b; a++)
        if ((unsigned char)*a & 0x80)
            return a;
    return NULL;
}

/*
 * A quoted field at c (the opening quote) in the fast path: one line, the
 * closing quote followed by a delimiter or the end of the line. Pushes the
 * field (unquoted into r->scratch when it has "") and returns where the
 * record goes on (after the delimiter), or NULL for the slow path; *eol is
 * set to the LF when the record ends there.
 */
static const char *fast_quoted(dm_reader *r, size_t *nf, const char *c, const char *end,
                               const char **fh, const char **eol)
{
    const char *start = c + 1, *q = start;
    bool doubled = false;
    for (;;) {
        q = memchr(q, '"', (size_t)(end - q));
        if (q == NULL || q + 1 >= end)
            return NULL;
        if (q[1] != '"')
            break;
        doubled = true;
        q += 2;
    }
    if (memchr(start, '\n', (size_t)(q - start)) != NULL)
        return NULL;                    /* a multi-line field: lines to count */
    const char *after = q + 1;
    *eol = NULL;
    if (*after == '\r' && after + 1 < end && after[1] == '\n')
        *eol = after + 1;
    else if (*after == '\n')
        *eol = after;
    else if (*after != csv_of(r)->delim)
        return NULL;                    /* text after the closing quote */
    if (*fh == NULL)
        *fh = first_high_in(start, q);
    if (!doubled) {
        if (!fast_push(r, nf, start, q))
            return NULL;
    } else {
        /* the record lies in the stream buffer, and scratch holds a whole
         * buffer (reserved at open), so this never moves scratch */
        char *o0 = r->scratch + r->scratch_len, *o = o0;
        for (const char *x = start; x < q; x++) {
            *o++ = *x;
            if (*x == '"')
                x++;
        }
        r->scratch_len += (size_t)(o - o0);
        if (!fast_push(r, nf, o0, o))
            return NULL;
    }
    return after + 1;
}

/* Split the record starting at p if it lies whole in p[0, end), holds no
 * multi-line or malformed quoted field and at most max_columns fields.
 * Returns its length with the LF, FAST_NONE when no LF ends it before end,
 * or FAST_SLOW. Sets nonascii and first_high. */
static size_t fast_split(dm_reader *r, const char *p, const char *end)
{
    const char delim = csv_of(r)->delim;
    const char *s = p, *fstart = p, *fh = NULL;
    size_t nf = 0;
    r->scratch_len = 0;
#ifdef __SSE2__
    const __m128i vd = _mm_set1_epi8(delim), vn = _mm_set1_epi8('\n'), vq = _mm_set1_epi8('"');
    while (end - s >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
        unsigned md = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vd));
        unsigned mn = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vn));
        unsigned mq = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vq));
        unsigned hv = (unsigned)_mm_movemask_epi8(v);
        /* only the bytes before the first LF, and before the first quote,
         * are handled here */
        unsigned below = mn ? (mn & -mn) - 1 : 0xffffu;
        unsigned stop = mq & below;
        if (stop)
            below = (stop & -stop) - 1;
        md &= below;
        while (md) {
            const char *c = s + __builtin_ctz(md);
            md &= md - 1;
            if (!fast_push(r, &nf, fstart, c))
                return FAST_SLOW;
            fstart = c + 1;
        }
        if (fh == NULL && (hv & below) != 0)
            fh = s + __builtin_ctz(hv & below);
        if (stop) {
            const char *c = s + __builtin_ctz(stop), *eol;
            if (c != fstart)
                return FAST_SLOW;       /* a quote inside an unquoted field */
            const char *next = fast_quoted(r, &nf, c, end, &fh, &eol);
            if (next == NULL)
                return FAST_SLOW;
            if (eol != NULL) {
                r->nfields = nf;
                csv_of(r)->nonascii = fh != NULL;
                csv_of(r)->first_high = fh ? (size_t)(fh - p) : 0;
                return (size_t)(eol - p) + 1;
            }
            s = fstart = next;
            continue;
        }
        if (mn)
            return fast_end(r, nf, p, fstart, s + __builtin_ctz(mn), fh);
        s += 16;
    }
#endif
    for (; s < end; s++) {
        char c = *s;
        if (fh == NULL && ((unsigned char)c & 0x80))
            fh = s;
        if (c == delim) {
            if (!fast_push(r, &nf, fstart, s))
                return FAST_SLOW;
            fstart = s + 1;
        } else if (c == '\n') {
            return fast_end(r, nf, p, fstart, s, fh);
        } else if (c == '"') {
            return FAST_SLOW;
        }
    }
    return FAST_NONE;
}

static void count_lines(dm_reader *r, const char *p, const char *end)
{
    while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        r->line++;
        p++;
    }
}

static size_t csv_scan(dm_reader *r, const char *p, size_t n, size_t *rec_len, bool *ended)
{
    csv_state *cs = csv_of(r);
    int st = r->scan_state;
    const char *s = p, *end = p + n;
    const char delim = cs->delim;
    if (!r->pending)
        cs->quoted = false;     /* a new record */
    for (;;) {
        if (st == S_Q) {
            const char *q = memchr(s, '"', (size_t)(end - s));
            count_lines(r, s, q ? q : end);
            if (q == NULL)
                break;
            st = S_QQ;
            s = q + 1;
            continue;
        }
        if (st == S_QQ) {
            if (s == end)
                break;
            if (*s == '"') {        /* doubled quote: still quoted */
                st = S_Q;
                s++;
                continue;
            }
            st = S_UNQ;             /* closed; a delimiter at *s is seen below via s[-1] */
        }
        /* outside quotes */
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *lim = nl ? nl : end;
        const char *q = memchr(s, '"', (size_t)(lim - s));
        if (q == NULL) {
            if (nl != NULL) {
                r->line++;
                r->scan_state = S_START;
                *rec_len = (size_t)(nl - p);
                *ended = true;
                return (size_t)(nl - p) + 1;
            }
            if (end > s)
                st = end[-1] == delim ? S_START : S_UNQ;
            break;
        }
        cs->quoted = true;
        bool at_start = q == s ? st == S_START : q[-1] == delim;
        st = at_start ? S_Q : S_UNQ;
        s = q + 1;
    }
    r->scan_state = st;
    *rec_len = n;
    *ended = false;
    return n;
}

/* Append a field; false when max_columns is reached. */
static inline bool push_field(dm_reader *r, const char *p, size_t len)
{
    if (r->nfields >= r->lim.max_columns)
        return false;
    if (r->nfields == r->cap_fields)
        dm_rd_fields_reserve(r, r->nfields + 1);
    dm_field *f = &r->fields[r->nfields];
    f->col = (uint32_t)r->nfields;
    f->kind = DM_VAL_TEXT;
    f->ptr = p;
    f->len = len;
    r->nfields++;
    return true;
}

/* Split a complete record into r->fields. Returns false when fields were
 * dropped at max_columns. */
static bool csv_split(dm_reader *r, const char *rec, size_t len, bool quoted)
{
    const char *f = rec, *end = rec + len;
    const char delim = csv_of(r)->delim;
    if (end > f && end[-1] == '\r')
        end--;
    r->nfields = 0;
    if (!quoted) {
        for (;;) {
            const char *d = memchr(f, delim, (size_t)(end - f));
            if (!push_field(r, f, (size_t)((d ? d : end) - f)))
                return false;
            if (d == NULL)
                return true;
            f = d + 1;
        }
    }
    /* Unquoted text never grows, so this reservation keeps scratch from
     * moving while fields point into it. */
    r->scratch_len = 0;
    dm_rd_scratch_reserve(r, len);
    for (;;) {
        if (f < end && *f == '"') {
            const char *start = f + 1, *s = start, *q;
            bool doubled = false;
            for (;;) {
                q = memchr(s, '"', (size_t)(end - s));
                if (q == NULL) {
                    q = end;            /* unterminated: the rest of the record */
                    break;
                }
                if (q + 1 < end && q[1] == '"') {
                    doubled = true;
                    s = q + 2;
                    continue;
                }
                break;
            }
            const char *after = q < end ? q + 1 : end;
            const char *d = memchr(after, delim, (size_t)(end - after));
            const char *fe = d ? d : end;
            bool ok;
            if (!doubled && after == fe) {
                ok = push_field(r, start, (size_t)(q - start));
            } else {
                char *o0 = r->scratch + r->scratch_len, *o = o0;
                for (const char *x = start; x < q; x++) {
                    *o++ = *x;
                    if (*x == '"')
                        x++;            /* the second of a doubled quote */
                }
                memcpy(o, after, (size_t)(fe - after));
                o += fe - after;
                r->scratch_len += (size_t)(o - o0);
                ok = push_field(r, o0, (size_t)(o - o0));
            }
            if (!ok)
                return false;
            if (d == NULL)
                return true;
            f = d + 1;
            continue;
        }
        const char *d = memchr(f, delim, (size_t)(end - f));
        if (!push_field(r, f, (size_t)((d ? d : end) - f)))
            return false;
        if (d == NULL)
            return true;
        f = d + 1;
    }
}

static bool blank(const char *rec, size_t len)
{
    return len == 0 || (len == 1 && rec[0] == '\r');
}

static int csv_next(dm_reader *r, dm_row *row, dm_error *err)
{
    csv_state *cs = csv_of(r);
    for (;;) {
        const char *rec = NULL;
        size_t len = 0;
        bool split = false, check_utf8 = true, complete = true;
        if (!r->pending && !r->skip_to_newline) {
            /* the common case: a quote-free record whole in the buffer */
            const char *data;
            size_t n;
            if (dm_stream_fill(r->s, &data, &n, err) != DM_OK)
                return -1;
            size_t got = n ? fast_split(r, data, data + n) : FAST_NONE;
            if (got != FAST_NONE && got != FAST_SLOW && got - 1 <= r->lim.max_record) {
                r->rec_line = r->line++;
                if (!r->lines_known)
                    r->rec_offset = dm_stream_offset(r->s);
                dm_stream_consume(r->s, got);
                rec = data;
                len = got - 1;
                split = true;
                check_utf8 = cs->nonascii;
            }
        }
        if (!split) {
            int rc = dm_rd_fetch(r, &rec, &len, err);
            if (rc <= 0)
                return rc;
            if (rc == 2)
                continue;
        }
        if (blank(rec, len))
            continue;
        if (!split)
            complete = csv_split(r, rec, len, cs->quoted);
        if (r->resynced) {
            /* The first record after a jump may start inside a quoted field. */
            r->resynced = false;
            size_t expect = cs->header_cols ? cs->header_cols : r->ncols;
            if (expect && r->nfields != expect)
                continue;
        }
        while (r->ncols < r->nfields) {
            if (dm_rd_col_add_unique(r, NULL, 0, r->ncols) < 0) {
                r->nfields = r->ncols;
                complete = false;
            }
        }
        if (!complete)
            dm_rd_warn(r, r->rec_line, "more than %zu columns, extra fields dropped",
                       r->lim.max_columns);
        else if (check_utf8 && !(split ? dm_rd_utf8_valid(rec + cs->first_high, len - cs->first_high)
                                       : dm_rd_utf8_valid(rec, len))) {
            dm_rd_fix_utf8(r);
            dm_rd_warn(r, r->rec_line, "invalid UTF-8, read as windows-1252");
        }
        row->fields = r->fields;
        row->nfields = r->nfields;
        row->line = r->lines_known ? r->rec_line : 0;
        return 1;
    }
}

static dm_status csv_resync(dm_reader *r, uint64_t offset, dm_error *err)
{
    return dm_rd_resync_lines(r, offset, err);
}

void dm_csv_trim(const char **p, size_t *len)
{
    while (*len && (**p == ' ' || **p == '\t')) {
        (*p)++;
        (*len)--;
    }
    while (*len && ((*p)[*len - 1] == ' ' || (*p)[*len - 1] == '\t'))
        (*len)--;
}

static dm_status csv_open(dm_reader *r, dm_error *err)
{
    csv_state *cs = csv_of(r);
    cs->delim = r->sniff.delimiter ? r->sniff.delimiter : ',';
    if (cs->delim == '"' || cs->delim == '\n' || cs->delim == '\r')
        return DM_FAIL(err, DM_ERR_ARG, "%s: a quote or line break cannot be the CSV delimiter",
                       dm_stream_name(r->s));
    r->scan = csv_scan;
    dm_rd_scratch_reserve(r, DM_STREAM_BUF);    /* see fast_quoted() */
    if (r->sniff.has_header) {
        for (;;) {
            const char *rec;
            size_t len;
            dm_error local = {0};
            int rc = dm_rd_fetch(r, &rec, &len, &local);
            if (rc < 0) {
                if (err)
                    *err = local;
                return local.code ? local.code : DM_ERR_IO;
            }
            if (rc == 0)
                break;
            if (rc == 2 || blank(rec, len))
                continue;
            bool complete = csv_split(r, rec, len, cs->quoted);
            for (size_t i = 0; i < r->nfields; i++) {
                const char *name = r->fields[i].ptr;
                size_t nlen = r->fields[i].len;
                dm_csv_trim(&name, &nlen);
                if (nlen > CSV_NAME_MAX) {
                    /* cut at a UTF-8 character boundary */
                    nlen = CSV_NAME_MAX;
                    while (nlen > 0 && ((unsigned char)name[nlen] & 0xc0) == 0x80)
                        nlen--;
                }
                dm_rd_col_add_unique(r, name, nlen, i);
            }
            if (!complete)
                dm_rd_warn(r, r->rec_line, "more than %zu columns, extra fields dropped",
                           r->lim.max_columns);
            cs->header_cols = r->ncols;
            break;
        }
    }
    r->nfields = 0;
    r->data_start = dm_stream_offset(r->s);
    r->data_start_line = r->line;
    return DM_OK;
}

/* "tsv" for CSV with a tab: what reports and the catalog call it. */
static const char *csv_sniff_name(const dm_sniff *s)
{
    return s->delimiter == '\t' ? "tsv" : "csv";
}

const dm_format_def dm_format_csv = {
    .name = "csv",
    .flags = DM_FORMAT_FALLBACK,
    .sniff = dm_csv_sniff,
    .sniff_name = csv_sniff_name,
    .state_size = sizeof(csv_state),
    .open = csv_open,
    .next = csv_next,
    .resync = csv_resync,
};
