#include "detect/checks.h"
#include "detect/entity.h"

#include <stdint.h>
#include <string.h>

/* Eight bytes at a time: x ^ '0' leaves digits as 0..9; adding 0x76 sets
 * the top bit of every byte above 9, and a byte with its top bit already set
 * is caught by the OR (carries only leave such bytes). */
static inline bool digits8(const char *s)
{
    uint64_t x;
    memcpy(&x, s, 8);
    x ^= 0x3030303030303030ULL;
    return (((x + 0x7676767676767676ULL) | x) & 0x8080808080808080ULL) == 0;
}

bool dm_all_digits(const char *s, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        if (!digits8(s + i))
            return false;
    for (; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return n > 0;
}

bool dm_all_same(const char *s, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (s[i] != s[0])
            return false;
    return n > 0;
}

int dm_digits_value(const char *s, size_t n)
{
    int v = 0;
    if (n > 9)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool dm_luhn(const char *d, size_t n)
{
    unsigned sum = 0;
    bool dbl = false;
    if (n < 2)
        return false;
    for (size_t i = n; i-- > 0;) {
        if (d[i] < '0' || d[i] > '9')
            return false;
        unsigned v = (unsigned)(d[i] - '0');
        if (dbl) {
            v *= 2;
            if (v > 9)
                v -= 9;
        }
        sum += v;
        dbl = !dbl;
    }
    return sum % 10 == 0;
}

static int alnum_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    return -1;
}

unsigned dm_mod97(const char *s, size_t n)
{
    unsigned r = 0;
    for (size_t i = 0; i < n; i++) {
        int v = alnum_value(s[i]);
        if (v < 0)
            return 97;  /* not a remainder: signals bad input */
        r = v >= 10 ? (r * 100 + (unsigned)v) % 97 : (r * 10 + (unsigned)v) % 97;
    }
    return r;
}

bool dm_iban_mod97(const char *iban, size_t n)
{
    if (n < 5 || n > 34)
        return false;
    unsigned r = 0;
    for (size_t k = 0; k < n; k++) {
        char c = iban[(k + 4) % n];
        int v = alnum_value(c);
        if (v < 0)
            return false;
        r = v >= 10 ? (r * 100 + (unsigned)v) % 97 : (r * 10 + (unsigned)v) % 97;
    }
    return r == 1;
}

bool dm_verhoeff(const char *d, size_t n)
{
    static const uint8_t mul[10][10] = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
        {2, 3, 4, 0, 1, 7, 8, 9, 5, 6}, {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
        {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
        {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
        {8, 7, 6, 5, 9, 3, 2, 1, 0, 4}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    static const uint8_t perm[8][10] = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
        {5, 8, 0, 3, 7, 9, 6, 1, 4, 2}, {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
        {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
        {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};
    unsigned c = 0;
    if (n < 2)
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = d[n - 1 - i];
        if (ch < '0' || ch > '9')
            return false;
        c = mul[c][perm[i % 8][ch - '0']];
    }
    return c == 0;
}

bool dm_iso7064_mod11_10(const char *d, size_t n)
{
    unsigned p = 10;
    if (n < 2)
        return false;
    for (size_t i = 0; i + 1 < n; i++) {
        if (d[i] < '0' || d[i] > '9')
            return false;
        unsigned s = (p + (unsigned)(d[i] - '0')) % 10;
        if (s == 0)
            s = 10;
        p = (s * 2) % 11;
    }
    if (d[n - 1] < '0' || d[n - 1] > '9')
        return false;
    unsigned check = (11 - p) % 10;
    return check == (unsigned)(d[n - 1] - '0');
}

bool dm_iso7064_mod11_2(const char *s, size_t n)
{
    unsigned sum = 0;
    if (n < 2)
        return false;
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        sum = ((sum + (unsigned)(s[i] - '0')) * 2) % 11;
    }
    unsigned check = (12 - sum) % 11;
    char last = s[n - 1];
    if (check == 10)
        return last == 'X' || last == 'x';
    return last == (char)('0' + check);
}

unsigned dm_weighted_sum(const char *d, const int *w, size_t n)
{
    unsigned sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += (unsigned)((d[i] - '0') * w[i]);
    return sum;
}

bool dm_valid_date(int y, int m, int d)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1)
        return false;
    int max = days[m - 1];
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        max = 29;
    return d <= max;
}

/* ' ' '(' ')' '-' '.' '/' ':' as bits above 0x20 */
#define NEAR_JOINERS (1u << 0 | 1u << 8 | 1u << 9 | 1u << 13 | 1u << 14 | 1u << 15 | 1u << 26)

static inline bool near_joiner(char c)
{
    unsigned d = (unsigned char)c - 0x20u;
    return d < 32 && (NEAR_JOINERS >> d & 1);
}

static inline bool near_alnum(char c)
{
    unsigned u = (unsigned char)c;
    return u - '0' < 10u || (u | 0x20u) - 'a' < 26u;
}

unsigned dm_near_groups(const char *cell, size_t len, size_t start, size_t end)
{
    unsigned r = 0;
    size_t i = start;
    for (int g = 0; g < 12; g++) {     /* leftwards */
        size_t j = i, nj = 0;
        while (j > 0 && near_joiner(cell[j - 1]) && nj < 4)
            j--, nj++;
        if (nj == 0 || nj > 3 || j == 0 || !near_alnum(cell[j - 1]))
            break;
        size_t k = j;
        bool digit = false;
        while (k > 0 && near_alnum(cell[k - 1])) {
            digit = digit || (cell[k - 1] >= '0' && cell[k - 1] <= '9');
            k--;
        }
        if (!digit && j - k >= 5)
            break;
        r |= DM_NEAR_LEFT | (digit ? DM_NEAR_LEFT_DIGIT : 0);
        i = k;
    }
    i = end;
    for (int g = 0; g < 12; g++) {     /* rightwards */
        size_t j = i, nj = 0;
        while (j < len && near_joiner(cell[j]) && nj < 4)
            j++, nj++;
        if (nj == 0 || nj > 3 || j >= len || !near_alnum(cell[j]))
            break;
        size_t k = j;
        bool digit = false;
        while (k < len && near_alnum(cell[k])) {
            digit = digit || (cell[k] >= '0' && cell[k] <= '9');
            k++;
        }
        if (!digit && k - j >= 5)
            break;
        r |= DM_NEAR_RIGHT | (digit ? DM_NEAR_RIGHT_DIGIT : 0);
        i = k;
    }
    return r;
}

bool dm_aba_routing(const char *d, size_t n)
{
    static const int w[9] = {3, 7, 1, 3, 7, 1, 3, 7, 1};
    if (n != 9 || !dm_all_digits(d, n) || dm_all_same(d, n))
        return false;
    int p = (d[0] - '0') * 10 + (d[1] - '0');
    if (!(p <= 12 || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) || p == 80))
        return false;
    return dm_weighted_sum(d, w, 9) % 10 == 0;
}

bool dm_glued(const char *cell, size_t len, size_t start, size_t end, char own)
{
    if (start >= 2) {
        char j = cell[start - 1];
        if (cell[start - 2] >= '0' && cell[start - 2] <= '9' && (own ? j == own : (j == '-' || j == '.')))
            return true;
    }
    if (end + 1 < len) {
        char j = cell[end];
        if (cell[end + 1] >= '0' && cell[end + 1] <= '9' && (own ? j == own : (j == '-' || j == '.')))
            return true;
    }
    return false;
}

int dm_icao9303(const char *s, size_t n)
{
    static const int w[3] = {7, 3, 1};
    int sum = 0;
    for (size_t i = 0; i < n; i++) {
        int v;
        if (s[i] >= '0' && s[i] <= '9')
            v = s[i] - '0';
        else if (s[i] >= 'A' && s[i] <= 'Z')
            v = s[i] - 'A' + 10;
        else if (s[i] == '<')
            v = 0;
        else
            return -1;
        sum += v * w[i % 3];
    }
    return sum % 10;
}

bool dm_dummy_digits(const char *d, size_t n)
{
    if (n < 2)
        return false;
    int step = (d[1] - d[0] + 10) % 10;
    if (step != 0 && step != 1 && step != 9)   /* most values leave here */
        return false;
    if (dm_all_same(d, n))
        return true;
    bool up = true, down = true;
    for (size_t i = 1; i < n && (up || down); i++) {
        up = up && d[i] == (char)('0' + (d[i - 1] - '0' + 1) % 10);
        down = down && d[i] == (char)('0' + (d[i - 1] - '0' + 9) % 10);
    }
    return up || down;
}

bool dm_piece_of_longer(const struct dm_span *s)
{
    unsigned near = dm_near_groups(s->cell, s->cell_len, s->start, s->end);
    return (near & (DM_NEAR_LEFT_DIGIT | DM_NEAR_RIGHT_DIGIT)) != 0;
}

bool dm_layout_is(const struct dm_span *s, const int *lens, int n)
{
    if (s->ngroups != n)
        return false;
    for (int i = 0; i < n; i++)
        if (s->glen[i] != lens[i])
            return false;
    return true;
}
