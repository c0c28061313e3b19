/*
 * CSV sniffing: CSV is what text is when no other format claims it (the
 * fallback row of the format table). From the first records it finds:
 * - the delimiter: among , TAB ; | the one that splits the first records
 *   (quotes respected) into the same number (>= 2) of fields most
 *   consistently; ties go to the extension's (.tsv/.tab: TAB, .psv: |),
 *   then to more fields;
 * - whether the first record is a header: see has_header() below.
 */
#include "formats/reader_impl.h"

#include <string.h>
#include <strings.h>

#define SNIFF_ROWS 50
#define SNIFF_COLS 256

static const char delims[] = {',', '\t', ';', '|'};

/* ---- CSV records for sniffing ---- */

typedef struct cell {
    const char *p;
    size_t len;
} cell;

/* Split the record at p[0, n) (quotes respected, content between quotes as
 * is). Returns the bytes up to and including its newline; *complete is
 * false when no newline ends it within n. */
static size_t sniff_record(const char *p, size_t n, char delim, cell *cells, size_t *ncells,
                           bool *complete)
{
    size_t i = 0, nf = 0;
    *complete = false;
    for (;;) {
        size_t start = i, end;
        if (i < n && p[i] == '"') {
            start = ++i;
            for (;;) {
                while (i < n && p[i] != '"')
                    i++;
                if (i + 1 < n && p[i + 1] == '"') {
                    i += 2;
                    continue;
                }
                break;
            }
            end = i;
            if (i < n)
                i++;
            while (i < n && p[i] != delim && p[i] != '\n')
                i++;
        } else {
            while (i < n && p[i] != delim && p[i] != '\n')
                i++;
            end = i;
            if (end > start && p[end - 1] == '\r' && (i >= n || p[i] == '\n'))
                end--;
        }
        if (cells && nf < SNIFF_COLS)
            cells[nf] = (cell){p + start, end - start};
        nf++;
        if (i >= n) {
            *ncells = nf;
            return n;
        }
        if (p[i] == '\n') {
            *complete = true;
            *ncells = nf;
            return i + 1;
        }
        i++;    /* delimiter */
    }
}

static bool blank_record(const char *p, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (p[i] != '\r' && p[i] != '\n')
            return false;
    return true;
}

typedef struct delim_score {
    double consistency;     /* share of records with the modal field count */
    size_t fields;          /* the modal field count */
} delim_score;

static delim_score score_delim(const char *p, size_t n, bool whole, char delim)
{
    size_t counts[SNIFF_ROWS];
    size_t k = 0, off = 0;
    while (k < SNIFF_ROWS && off < n) {
        size_t nf;
        bool complete;
        size_t used = sniff_record(p + off, n - off, delim, NULL, &nf, &complete);
        if (!complete && !whole && k > 0)
            break;
        if (!blank_record(p + off, used))
            counts[k++] = nf;
        off += used;
    }
    delim_score best = {0, 0};
    for (size_t a = 0; a < k; a++) {
        size_t same = 0;
        for (size_t b = 0; b < k; b++)
            same += counts[b] == counts[a];
        double c = (double)same / (double)k;
        if (counts[a] >= 2 && (c > best.consistency ||
                               (c == best.consistency && counts[a] > best.fields))) {
            best.consistency = c;
            best.fields = counts[a];
        }
    }
    return best;
}

static char pick_delimiter(const char *p, size_t n, bool whole, const char *ext)
{
    char preferred = ',';
    if (strcmp(ext, "tsv") == 0 || strcmp(ext, "tab") == 0)
        preferred = '\t';
    else if (strcmp(ext, "psv") == 0)
        preferred = '|';
    char best = 0;
    delim_score bs = {0, 0};
    for (size_t i = 0; i < sizeof delims; i++) {
        delim_score s = score_delim(p, n, whole, delims[i]);
        if (s.fields < 2)
            continue;
        double diff = s.consistency - bs.consistency;
        bool better = best == 0 || diff > 1e-9 ||
                      (diff > -1e-9 && delims[i] == preferred && best != preferred) ||
                      (diff > -1e-9 && best != preferred && s.fields > bs.fields);
        if (better) {
            best = delims[i];
            bs = s;
        }
    }
    return best ? best : preferred;
}

/* ---- header detection ---- */

enum { C_EMPTY = 0, C_TEXT, C_INT, C_DEC, C_DATE, C_EMAIL, C_BOOL, C_LONG, C_NTYPES };

static bool data_like(int t)
{
    return t >= C_INT;
}

static bool all_digits(const char *p, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (p[i] < '0' || p[i] > '9')
            return false;
    return true;
}

static int classify(const char *p, size_t n)
{
    dm_csv_trim(&p, &n);
    if (n == 0)
        return C_EMPTY;
    if (n > 64)
        return C_LONG;
    if ((n == 4 && strncasecmp(p, "true", 4) == 0) || (n == 5 && strncasecmp(p, "false", 5) == 0))
        return C_BOOL;
    /* numbers: [+-]digits[.,digits][e[+-]digits] */
    {
        size_t i = 0;
        if (p[i] == '+' || p[i] == '-')
            i++;
        size_t d0 = i;
        while (i < n && p[i] >= '0' && p[i] <= '9')
            i++;
        bool digits = i > d0, dec = false;
        if (i < n && (p[i] == '.' || p[i] == ',') && digits) {
            size_t d1 = ++i;
            while (i < n && p[i] >= '0' && p[i] <= '9')
                i++;
            dec = i > d1;
            if (!dec)
                i = n + 1;
        }
        if (i < n && (p[i] == 'e' || p[i] == 'E') && digits) {
            i++;
            if (i < n && (p[i] == '+' || p[i] == '-'))
                i++;
            dec = all_digits(p + i, n - i);
            i = dec ? n : n + 1;
        }
        if (digits && i == n)
            return dec ? C_DEC : C_INT;
    }
    bool digit = false, other = false;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (c >= '0' && c <= '9')
            digit = true;
        else if (!strchr("-/:.T Z+()", c))
            other = true;
    }
    if (digit && !other)
        return C_DATE;
    const char *at = memchr(p, '@', n);
    if (at && at > p && memchr(at, '.', n - (size_t)(at - p)) != NULL)
        return C_EMAIL;
    return C_TEXT;
}

static bool is_year(const char *p, size_t n)
{
    dm_csv_trim(&p, &n);
    return n == 4 && all_digits(p, 4) && (p[0] == '1' || p[0] == '2');
}

/*
 * Could this text cell be a column name? Names are words: letters, digits
 * and the punctuation names use, no long run of digits (an account
 * number, a phone number) and none of the characters that build records
 * of their own (':' '$' '=' in a password file line, '@' in an address).
 */
static bool name_like(const char *p, size_t n)
{
    dm_csv_trim(&p, &n);
    size_t run = 0, letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c >= '0' && c <= '9') {
            if (++run > 4)
                return false;
            continue;
        }
        run = 0;
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
            letters++;
        else if (c >= 0x80)
            letters++;      /* a UTF-8 byte of a letter in any script */
        else if (!strchr(" _-./()#%&'", c))
            return false;
    }
    return letters > 0;
}

/* Whether the caller's check reads any cell of the record as a value. */
static bool holds_value(const dm_sniff_input *in, const cell *cells, size_t n)
{
    if (in->is_value == NULL)
        return false;
    for (size_t j = 0; j < n; j++) {
        const char *p = cells[j].p;
        size_t len = cells[j].len;
        dm_csv_trim(&p, &len);
        if (len > 0 && in->is_value(in->is_value_ctx, p, len))
            return true;
    }
    return false;
}

/*
 * Does the first record name the columns? A record holding a value the
 * caller would classify (see dm_value_check) never does. Each column votes:
 * - a data-like first cell (number, date, email, boolean, long text) over
 *   values of the same kind (or in a one-record file) says "data";
 * - a text first cell over data-like values below says "header".
 * More header votes than data votes: header. Otherwise any data vote, or
 * repeated names in the first row: no header. Otherwise (text over text,
 * a header-only file) a header, as files of only text columns usually
 * have one; but one column of text over text is a header only when its
 * first cell could be a name (name_like): one vote must be as strong
 * as several, or the first of a column of account numbers or password
 * file lines becomes its name.
 */
static bool has_header(const dm_sniff_input *in, char delim)
{
    const char *p = in->p;
    size_t n = in->n;
    bool whole = in->whole;
    cell first[SNIFF_COLS], cells[SNIFF_COLS];
    size_t nfirst = 0, off = 0;
    bool complete;
    /* the first non-blank record */
    while (off < n) {
        size_t used = sniff_record(p + off, n - off, delim, first, &nfirst, &complete);
        bool blank = blank_record(p + off, used);
        off += used;
        if (!blank)
            break;
        nfirst = 0;
    }
    if (nfirst == 0)
        return false;
    if (nfirst > SNIFF_COLS)
        nfirst = SNIFF_COLS;
    if (holds_value(in, first, nfirst))
        return false;
    int t0[SNIFF_COLS];
    for (size_t j = 0; j < nfirst; j++)
        t0[j] = classify(first[j].p, first[j].len);
    bool dup = false;
    for (size_t a = 0; a < nfirst && !dup; a++)
        for (size_t b = a + 1; b < nfirst; b++)
            if (first[a].len > 0 && first[a].len == first[b].len &&
                memcmp(first[a].p, first[b].p, first[a].len) == 0) {
                dup = true;
                break;
            }

    /* types of the later records, per column */
    uint16_t tally[SNIFF_COLS][C_NTYPES];
    memset(tally, 0, sizeof tally);
    size_t later = 0;
    while (off < n && later < SNIFF_ROWS) {
        size_t nf;
        size_t used = sniff_record(p + off, n - off, delim, cells, &nf, &complete);
        if (!complete && !whole)
            break;
        bool blank = blank_record(p + off, used);
        off += used;
        if (blank)
            continue;
        later++;
        for (size_t j = 0; j < nf && j < nfirst; j++)
            tally[j][classify(cells[j].p, cells[j].len)]++;
    }
    size_t header_votes = 0, data_votes = 0;
    for (size_t j = 0; j < nfirst; j++) {
        int maj = C_EMPTY;
        size_t best = 0;
        for (int t = C_TEXT; t < C_NTYPES; t++)
            if (tally[j][t] > best) {
                best = tally[j][t];
                maj = t;
            }
        if (data_like(t0[j])) {
            /* data when the values below are of the same kind: a year
             * ("2019") over decimals is a column name */
            bool numeric = (t0[j] == C_INT || t0[j] == C_DEC) && (maj == C_INT || maj == C_DEC);
            bool year = t0[j] == C_INT && maj == C_DEC && is_year(first[j].p, first[j].len);
            if (later == 0 || t0[j] == C_LONG || t0[j] == maj || (numeric && !year))
                data_votes++;
            continue;
        }
        if (t0[j] == C_TEXT && later > 0 && data_like(maj))
            header_votes++;
    }
    if (header_votes > data_votes)
        return true;
    if (data_votes > 0 || dup)
        return false;
    if (nfirst == 1)
        return name_like(first[0].p, first[0].len);
    return true;
}

bool dm_csv_sniff(const dm_sniff_input *in, dm_sniff *out)
{
    out->delimiter = pick_delimiter(in->p, in->n, in->whole, in->ext);
    out->has_header = has_header(in, out->delimiter);
    return true;
}
