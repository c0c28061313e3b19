#include "pipeline/infer.h"

#include <string.h>
#include <strings.h>

#include "core/placeholder.h"

enum { T_BOOL = 1, T_BIGINT = 2, T_DOUBLE = 4, T_DATE = 8, T_TIMESTAMP = 16, T_STRING = 32, T_ARRAY = 64 };

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return n > 0;
}

static bool is_bigint(const char *s, size_t n)
{
    size_t i = 0;
    if (n && s[0] == '-')     /* '+' is left out: "+14155552671" is a phone, not a number */
        i = 1;
    if (!digits(s + i, n - i) || n - i > 19)
        return false;
    if (n - i > 1 && s[i] == '0')
        return false;
    if (n - i == 19 && strncmp(s + i, "9223372036854775807", 19) > 0)
        return false;
    return true;
}

static bool is_double(const char *s, size_t n)
{
    size_t i = 0, d = 0;
    if (n && s[0] == '-')
        i++;
    if (i + 1 < n && s[i] == '0' && s[i + 1] >= '0' && s[i + 1] <= '9')
        return false;   /* "007", "02134": an identifier, not a number */
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++, d++;
    if (i < n && s[i] == '.') {
        i++;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++, d++;
    }
    if (d == 0)
        return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '-' || s[i] == '+'))
            i++;
        if (!digits(s + i, n - i))
            return false;
        i = n;
    }
    return i == n;
}

static bool is_date(const char *s, size_t n)
{
    return n == 10 && digits(s, 4) && s[4] == '-' && digits(s + 5, 2) && s[7] == '-' && digits(s + 8, 2) &&
           (s[5] - '0') * 10 + (s[6] - '0') >= 1 && (s[5] - '0') * 10 + (s[6] - '0') <= 12 &&
           (s[8] - '0') * 10 + (s[9] - '0') >= 1 && (s[8] - '0') * 10 + (s[9] - '0') <= 31;
}

static bool is_timestamp(const char *s, size_t n)
{
    if (n < 16 || !is_date(s, 10) || (s[10] != 'T' && s[10] != ' '))
        return false;
    if (!digits(s + 11, 2) || s[13] != ':' || !digits(s + 14, 2))
        return false;
    size_t i = 16;
    if (i < n && s[i] == ':') {
        if (i + 3 > n || !digits(s + i + 1, 2))
            return false;
        i += 3;
        if (i < n && (s[i] == '.' || s[i] == ',')) {
            i++;
            size_t st = i;
            while (i < n && s[i] >= '0' && s[i] <= '9')
                i++;
            if (i == st)
                return false;
        }
    }
    if (i < n && s[i] == ' ')
        i++;
    if (i == n)
        return true;
    if (s[i] == 'Z' && i + 1 == n)
        return true;
    if ((s[i] == '+' || s[i] == '-') && (n - i == 6 || n - i == 5 || n - i == 3))
        return digits(s + i + 1, 2);
    return false;
}

void dm_infer_add(dm_infer *inf, dm_value_kind kind, const char *s, size_t len)
{
    if (kind == DM_VAL_NULL || len == 0 || ((kind == DM_VAL_TEXT || kind == DM_VAL_STRING) && dm_is_placeholder(s, len))) {
        inf->nulls++;
        return;
    }
    inf->values++;
    switch (kind) {
    case DM_VAL_BOOL:
        inf->seen |= T_BOOL;
        return;
    case DM_VAL_ARRAY:
        inf->seen |= T_ARRAY;
        return;
    case DM_VAL_NUMBER:
        inf->seen |= is_bigint(s, len) ? T_BIGINT : T_DOUBLE;
        return;
    case DM_VAL_STRING:
        inf->seen |= is_timestamp(s, len) ? T_TIMESTAMP : is_date(s, len) ? T_DATE : T_STRING;
        return;
    default:
        break;
    }
    if (inf->seen & T_STRING)   /* already a string: nothing narrower can follow */
        return;
    if ((len == 4 && strncasecmp(s, "true", 4) == 0) || (len == 5 && strncasecmp(s, "false", 5) == 0))
        inf->seen |= T_BOOL;
    else if (is_bigint(s, len))
        inf->seen |= T_BIGINT;
    else if (is_double(s, len))
        inf->seen |= T_DOUBLE;
    else if (is_date(s, len))
        inf->seen |= T_DATE;
    else if (is_timestamp(s, len))
        inf->seen |= T_TIMESTAMP;
    else
        inf->seen |= T_STRING;
}

const char *dm_infer_type(const dm_infer *inf)
{
    uint32_t t = inf->seen;
    if (t == 0 || (t & T_STRING))
        return "string";
    if (t == T_ARRAY)
        return "array";
    if (t == T_BOOL)
        return "boolean";
    if (t == T_BIGINT)
        return "bigint";
    if ((t & ~(uint32_t)(T_BIGINT | T_DOUBLE)) == 0)
        return "double";
    if (t == T_DATE)
        return "date";
    if ((t & ~(uint32_t)(T_DATE | T_TIMESTAMP)) == 0)
        return "timestamp";
    return "string";
}

bool dm_infer_nullable(const dm_infer *inf, uint64_t rows)
{
    return inf->nulls > 0 || inf->values < rows;
}
