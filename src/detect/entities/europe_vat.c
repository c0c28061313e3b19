/*
 * European VAT identification numbers (<COUNTRY>_VALUE_ADDED_TAX).
 *
 * Only the international form with the country prefix is claimed (Council
 * Directive 2006/112/EC art. 215; the EU Commission's VIES "VAT number
 * validation" notes give each structure and check): the prefix and the exact
 * length make the format itself distinctive, and each country's check digit
 * must hold, so matches are STRONG. The same numbers without the prefix are
 * national tax numbers (NIP, NIF, CPR ...), left to europe_ids.c or unclaimed.
 *
 *   AT  ATU + 8 digits: odd positions (1..7) as is, even doubled (digit sum),
 *       check = (10 - (sum + 4) mod 10) mod 10.
 *   BE  BE + 10 digits (0/1 first): last two = 97 - (first eight mod 97).
 *   BG  BG + 9 digits: weights 1..8 mod 11, if 10 weights 3..10, if 10 again 0;
 *       BG + 10 digits: a person's EGN (weights 2 4 8 5 10 9 7 3 6).
 *   CY  CY + 8 digits (first 0 1 3 4 5 9, not 12) + letter: odd positions
 *       through 0->1 1->0 2->5 3->7 4->9 5->13 6->15 7->17 8->19 9->21, even as
 *       is, letter = A + sum mod 26.
 *   CZ  CZ + 8 digits: weights 8..2, c = 11 - sum mod 11 (10 -> 0, 11 -> 1);
 *       CZ + 9/10 digits: a rodné číslo (10 digits: 0 mod 11).
 *   DE  DE + 9 digits (first not 0): ISO 7064 MOD 11,10.
 *   DK  DK + 8 digits (first not 0): weights 2 7 6 5 4 3 2 1, 0 mod 11.
 *   EE  EE + 9 digits starting 10: weights 3 7 1 3 7 1 3 7, (10 - sum mod 10) mod 10.
 *   EL  EL (Greece) + 9 digits: weights 256 128 ... 2, sum mod 11 mod 10.
 *   ES  ES + NIF: DNI (8 digits + letter), NIE, K/L/M, or entity CIF (see
 *       europe_ids.c).
 *   FI  FI + 8 digits: weights 7 9 10 5 8 4 2, 11 - sum mod 11 (11 -> 0, 10 never).
 *   FR  FR + 2-digit key + SIREN (9 digits, Luhn): key = (12 + 3 x (SIREN mod 97))
 *       mod 97. (New-style keys with letters are not claimed.)
 *   HU  HU + 8 digits: weights 9 7 3 1 9 7 3, (10 - sum mod 10) mod 10.
 *   IE  IE + 7 digits + check letter (+ A-I or W): the PPSN rule, mod 23.
 *   IT  IT + 11 digits (partita IVA): Luhn; office code (8th-10th) 001-100,
 *       120, 121, 888, 999.
 *   LT  LT + 9 digits (8th is 1) or 12 digits (11th is 1): weights 1..9,1(,2,..)
 *       mod 11, second pass with weights 3.. when 10, 10 -> 0.
 *   LU  LU + 8 digits: first six mod 89 = last two.
 *   LV  LV + 11 digits: legal persons (first digit > 3) weights 9 1 4 8 3 10 2 5
 *       7 6 1 sum = 3 mod 11; natural persons: the personas kods (DDMMYY).
 *   MT  MT + 8 digits: weights 3 4 6 7 8 9, last two = 37 - sum mod 37.
 *   NL  NL + 9 digits + B + 2 digits: the 11-test (9..2, -1), or since 2020 the
 *       whole as an IBAN-style mod 97 = 1.
 *   NO  NO + 9 digits (organisation number) + MVA: weights 3 2 7 6 5 4 3 2,
 *       11 - sum mod 11 (11 -> 0, 10 never).
 *   PL  PL + 10 digits: the NIP check.
 *   PT  PT + 9 digits: the NIF check (weights 9..2, 11 - sum mod 11, >= 10 -> 0).
 *   RO  RO + 2-10 digits (CUI; fewer than 6 not claimed: too short to tell from
 *       other codes): weights 7 5 3 2 1 7 5 3 2 aligned right, (10 x sum mod 11)
 *       mod 10.
 *   RS  RS + 9 digits (PIB, Poreska uprava): ISO 7064 MOD 11,10.
 *   SE  SE + 10 digits + 01: Luhn over the ten.
 *   SI  SI + 8 digits (first not 0): weights 8..2, 11 - sum mod 11 (10 -> 0,
 *       11 never).
 *   SK  SK + 10 digits: 0 mod 11, first digit not 0, third 2 3 4 7 8 9.
 *   CH  CHE + 9 digits (UID, Bundesamt für Statistik) + MWST/TVA/IVA: weights
 *       5 4 3 2 7 6 5 4, 11 - sum mod 11 (11 -> 0, 10 never).
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "detect/entities/entity_impl.h"

/* ---- helpers ------------------------------------------------------------------ */

/* The span is prefix cc followed by n characters: *d points at them. The
 * prefix stands as its own group or glued to the number. */
static bool prefixed(const dm_span *s, const char *cc, const char **d, size_t *n)
{
    size_t k = strlen(cc);
    if (s->norm_len <= k || memcmp(s->norm, cc, k) != 0)
        return false;
    if (s->ngroups > 1 && s->glen[0] < k)   /* "D E123..." */
        return false;
    if (dm_piece_of_longer(s))
        return false;
    *d = s->norm + k;
    *n = s->norm_len - k;
    return true;
}

static long value_of(const char *d, size_t n)
{
    long v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (d[i] - '0');
    return v;
}

/* Weighted sum mod 11 with a second pass of other weights when it is 10
 * (Bulgaria, Lithuania): 10 after both -> 0. */
static unsigned two_pass_mod11(const char *d, const int *w1, const int *w2, size_t n)
{
    unsigned r = dm_weighted_sum(d, w1, n) % 11;
    if (r == 10)
        r = dm_weighted_sum(d, w2, n) % 11;
    return r == 10 ? 0 : r;
}

#define DIGITS(d, n, want) ((n) == (want) && dm_all_digits((d), (n)) && !dm_all_same((d), (n)))

/* ---- validators ------------------------------------------------------------------ */

static dm_verdict validate_at(const dm_span *s)
{
    const char *d;
    size_t n;
    if (!prefixed(s, "ATU", &d, &n) || !DIGITS(d, n, 8))
        return DM_NO;
    unsigned sum = 0;
    for (int i = 0; i < 7; i++) {
        unsigned v = (unsigned)(d[i] - '0') * (i % 2 ? 2u : 1u);
        sum += v / 10 + v % 10;
    }
    return (10 - (sum + 4) % 10) % 10 == (unsigned)(d[7] - '0') ? DM_STRONG : DM_NO;
}

static dm_verdict validate_be(const dm_span *s)
{
    const char *d;
    size_t n;
    if (!prefixed(s, "BE", &d, &n) || !DIGITS(d, n, 10) || d[0] > '1')
        return DM_NO;
    return 97 - value_of(d, 8) % 97 == two(d + 8) ? DM_STRONG : DM_NO;
}

static dm_verdict validate_bg(const dm_span *s)
{
    static const int w1[8] = {1, 2, 3, 4, 5, 6, 7, 8}, w2[8] = {3, 4, 5, 6, 7, 8, 9, 10};
    static const int egn[9] = {2, 4, 8, 5, 10, 9, 7, 3, 6};
    const char *d;
    size_t n;
    if (!prefixed(s, "BG", &d, &n))
        return DM_NO;
    if (DIGITS(d, n, 9))
        return two_pass_mod11(d, w1, w2, 8) == (unsigned)(d[8] - '0') ? DM_STRONG : DM_NO;
    if (!DIGITS(d, n, 10))
        return DM_NO;
    int mm = two(d + 2);
    if (mm > 40)
        mm -= 40;
    else if (mm > 20)
        mm -= 20;
    if (!dm_valid_date(2000 + two(d), mm, two(d + 4)) && !dm_valid_date(1900 + two(d), mm, two(d + 4)))
        return DM_NO;
    unsigned r = dm_weighted_sum(d, egn, 9) % 11;
    return (r == 10 ? 0u : r) == (unsigned)(d[9] - '0') ? DM_STRONG : DM_NO;
}

static dm_verdict validate_cy(const dm_span *s)
{
    static const unsigned char odd[10] = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};
    const char *d;
    size_t n;
    if (!prefixed(s, "CY", &d, &n) || n != 9 || !DIGITS(d, 8, 8) || !is_upper(d[8]))
        return DM_NO;
    if (!strchr("013459", d[0]) || (d[0] == '1' && d[1] == '2'))
        return DM_NO;
    unsigned sum = 0;
    for (int i = 0; i < 8; i++)
        sum += i % 2 == 0 ? odd[d[i] - '0'] : (unsigned)(d[i] - '0');
    return d[8] == (char)('A' + sum % 26) ? DM_STRONG : DM_NO;
}

static dm_verdict validate_cz(const dm_span *s)
{
    static const int w[7] = {8, 7, 6, 5, 4, 3, 2};
    const char *d;
    size_t n;
    if (!prefixed(s, "CZ", &d, &n))
        return DM_NO;
    if (DIGITS(d, n, 8)) {
        if (d[0] == '9')
            return DM_NO;
        int c = 11 - (int)(dm_weighted_sum(d, w, 7) % 11);
        c = c == 10 ? 0 : c == 11 ? 1 : c;
        return c == d[7] - '0' ? DM_STRONG : DM_NO;
    }
    if (DIGITS(d, n, 10)) {     /* a person's rodné číslo */
        int mm = two(d + 2);
        mm = mm > 70 ? mm - 70 : mm > 50 ? mm - 50 : mm > 20 ? mm - 20 : mm;
        if (!dm_valid_date((two(d) >= 54 ? 1900 : 2000) + two(d), mm, two(d + 4)))
            return DM_NO;
        long c = value_of(d, 9) % 11;
        return (c == 10 ? 0 : c) == d[9] - '0' ? DM_STRONG : DM_NO;
    }
    return DM_NO;
}

static dm_verdict validate_de(const dm_span *s)
{
    const char *d;
    size_t n;
    if (!prefixed(s, "DE", &d, &n) || !DIGITS(d, n, 9) || d[0] == '0')
        return DM_NO;
    return dm_iso7064_mod11_10(d, 9) ? DM_STRONG : DM_NO;
}

static dm_verdict validate_dk(const dm_span *s)
{
    static const int w[8] = {2, 7, 6, 5, 4, 3, 2, 1};
    const char *d;
    size_t n;
    if (!prefixed(s, "DK", &d, &n) || !DIGITS(d, n, 8) || d[0] == '0')
        return DM_NO;
    return dm_weighted_sum(d, w, 8) % 11 == 0 ? DM_STRONG : DM_NO;
}

static dm_verdict validate_ee(const dm_span *s)
{
    static const int w[8] = {3, 7, 1, 3, 7, 1, 3, 7};
    const char *d;
    size_t n;
    if (!prefixed(s, "EE", &d, &n) || !DIGITS(d, n, 9) || d[0] != '1' || d[1] != '0')
        return DM_NO;
    return (10 - dm_weighted_sum(d, w, 8) % 10) % 10 == (unsigned)(d[8] - '0') ? DM_STRONG : DM_NO;
}

static dm_verdict validate_el(const dm_span *s)
{
    static const int w[8] = {256, 128, 64, 32, 16, 8, 4, 2};
    const char *d;
    size_t n;
    if (!prefixed(s, "EL", &d, &n) || !DIGITS(d, n, 9))
        return DM_NO;
    return dm_weighted_sum(d, w, 8) % 11 % 10 == (unsigned)(d[8] - '0') ? DM_STRONG : DM_NO;
}

static dm_verdict validate_es(const dm_span *s)
{
    static const char letters[] = "TRWAGMYFPDXBNJZSQVHLCKE";
    const char *d;
    size_t n;
    if (!prefixed(s, "ES", &d, &n) || n != 9 || !dm_all_digits(d + 1, 7) || dm_all_same(d + 1, 7))
        return DM_NO;
    char t[8];
    if (is_digit(d[0]) || d[0] == 'X' || d[0] == 'Y' || d[0] == 'Z' || d[0] == 'K' || d[0] == 'L' ||
        d[0] == 'M') {   /* a person's NIF: DNI, NIE or K/L/M, control letter mod 23 */
        if (!is_upper(d[8]))
            return DM_NO;
        t[0] = is_digit(d[0]) ? d[0] : d[0] == 'Y' ? '1' : d[0] == 'Z' ? '2' : '0';
        memcpy(t + 1, d + 1, 7);
        return d[8] == letters[value_of(t, 8) % 23] ? DM_STRONG : DM_NO;
    }
    if (!strchr("ABCDEFGHJNPQRSUVW", d[0]))
        return DM_NO;
    unsigned sum = 0;
    for (int i = 0; i < 7; i++) {
        unsigned v = (unsigned)(d[1 + i] - '0');
        if (i % 2 == 0) {
            v *= 2;
            v = v / 10 + v % 10;
        }
        sum += v;
    }
    unsigned c = (10 - sum % 10) % 10;
    bool letter_only = strchr("NPQRSW", d[0]) != NULL, digit_only = strchr("ABEH", d[0]) != NULL;
    if (is_digit(d[8]))
        return !letter_only && (unsigned)(d[8] - '0') == c ? DM_STRONG : DM_NO;
    return !digit_only && d[8] == "JABCDEFGHI"[c] ? DM_STRONG : DM_NO;
}

static dm_verdict validate_fi(const dm_span *s)
{
    static const int w[7] = {7, 9, 10, 5, 8, 4, 2};
    const char *d;
    size_t n;
    if (!prefixed(s, "FI", &d, &n) || !DIGITS(d, n, 8))
        return DM_NO;
    unsigned c = 11 - dm_weighted_sum(d, w, 7) % 11;
    if (c == 10)
        return DM_NO;
    return (c == 11 ? 0 : c) == (unsigned)(d[7] - '0') ? DM_STRONG : DM_NO;
}

static dm_verdict validate_fr(const dm_span *s)
{
    const char *d;
    size_t n;
    if (!prefixed(s, "FR", &d, &n) || !DIGITS(d, n, 11) || !dm_luhn(d + 2, 9))
        return DM_NO;
    return (12 + 3 * (value_of(d + 2, 9) % 97)) % 97 == two(d) ? DM_STRONG : DM_NO;
}

static dm_verdict validate_hu(const dm_span *s)
{
    static const int w[7] = {9, 7, 3, 1, 9, 7, 3};
    const char *d;
    size_t n;
    if (!prefixed(s, "HU", &d, &n) || !DIGITS(d, n, 8))
        return DM_NO;
    return (10 - dm_weighted_sum(d, w, 7) % 10) % 10 == (unsigned)(d[7] - '0') ? DM_STRONG : DM_NO;
}

static dm_verdict validate_ie(const dm_span *s)
{
    static const int w[7] = {8, 7, 6, 5, 4, 3, 2};
    const char *d;
    size_t n;
    if (!prefixed(s, "IE", &d, &n) || (n != 8 && n != 9) || !DIGITS(d, 7, 7) || !is_upper(d[7]))
        return DM_NO;
    unsigned sum = dm_weighted_sum(d, w, 7);
    if (n == 9) {
        if (d[8] >= 'A' && d[8] <= 'I')
            sum += 9u * (unsigned)(d[8] - 'A' + 1);
        else if (d[8] != 'W')
            return DM_NO;
    }
    unsigned r = sum % 23;
    return d[7] == (r == 0 ? 'W' : (char)('A' + r - 1)) ? DM_STRONG : DM_NO;
}

static dm_verdict validate_it(const dm_span *s)
{
    const char *d;
    size_t n;
    if (!prefixed(s, "IT", &d, &n) || !DIGITS(d, n, 11) || value_of(d, 7) == 0)
        return DM_NO;
    int office = (d[7] - '0') * 100 + two(d + 8);
    if (!((office >= 1 && office <= 100) || office == 120 || office == 121 || office == 888 || office == 999))
        return DM_NO;
    return dm_luhn(d, 11) ? DM_STRONG : DM_NO;
}

static dm_verdict validate_lt(const dm_span *s)
{
    static const int w1[11] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2}, w2[11] = {3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4};
    const char *d;
    size_t n;
    if (!prefixed(s, "LT", &d, &n) || !((DIGITS(d, n, 9) && d[7] == '1') || (DIGITS(d, n, 12) && d[10] == '1')))
        return DM_NO;
    return two_pass_mod11(d, w1, w2, n - 1) == (unsigned)(d[n - 1] - '0') ? DM_STRONG : DM_NO;
}

static dm_verdict validate_lu(const dm_span *s)
{
    const char *d;
    size_t n;
    if (!prefixed(s, "LU", &d, &n) || !DIGITS(d, n, 8))
        return DM_NO;
    return value_of(d, 6) % 89 == two(d + 6) ? DM_STRONG : DM_NO;
}

static dm_verdict validate_lv(const dm_span *s)
{
    static const int legal[11] = {9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1};
    static const int person[10] = {1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    const char *d;
    size_t n;
    if (!prefixed(s, "LV", &d, &n) || !DIGITS(d, n, 11))
        return DM_NO;
    if (d[0] > '3')
        return dm_weighted_sum(d, legal, 11) % 11 == 3 ? DM_STRONG : DM_NO;
    if (d[6] > '2' || !dm_valid_date(1800 + 100 * (d[6] - '0') + two(d + 4), two(d + 2), two(d)))
        return DM_NO;
    int c = (1101 - (int)dm_weighted_sum(d, person, 10)) % 11;
    if (c < 0)
        c += 11;
    return c != 10 && c == d[10] - '0' ? DM_STRONG : DM_NO;
}

static dm_verdict validate_mt(const dm_span *s)
{
    static const int w[6] = {3, 4, 6, 7, 8, 9};
    const char *d;
    size_t n;
    if (!prefixed(s, "MT", &d, &n) || !DIGITS(d, n, 8) || d[0] == '0')
        return DM_NO;
    return (int)(37 - dm_weighted_sum(d, w, 6) % 37) == two(d + 6) ? DM_STRONG : DM_NO;
}

static dm_verdict validate_nl(const dm_span *s)
{
    static const int w[8] = {9, 8, 7, 6, 5, 4, 3, 2};
    const char *d;
    size_t n;
    if (!prefixed(s, "NL", &d, &n) || n != 12 || !DIGITS(d, 9, 9) || d[9] != 'B' || !dm_all_digits(d + 10, 2))
        return DM_NO;
    int sum = (int)dm_weighted_sum(d, w, 8) - (d[8] - '0');
    if (sum % 11 == 0 && sum > 0)
        return DM_STRONG;
    return dm_mod97(s->norm, s->norm_len) == 1 ? DM_STRONG : DM_NO;   /* 2020 sole-proprietor numbers */
}

static dm_verdict validate_no(const dm_span *s)
{
    static const int w[8] = {3, 2, 7, 6, 5, 4, 3, 2};
    const char *d;
    size_t n;
    if (!prefixed(s, "NO", &d, &n) || n != 12 || memcmp(d + 9, "MVA", 3) != 0 || !DIGITS(d, 9, 9) ||
        (d[0] != '8' && d[0] != '9'))
        return DM_NO;
    unsigned c = 11 - dm_weighted_sum(d, w, 8) % 11;
    if (c == 10)
        return DM_NO;
    return (c == 11 ? 0 : c) == (unsigned)(d[8] - '0') ? DM_STRONG : DM_NO;
}

static dm_verdict validate_pl(const dm_span *s)
{
    static const int w[9] = {6, 5, 7, 2, 3, 4, 5, 6, 7};
    const char *d;
    size_t n;
    if (!prefixed(s, "PL", &d, &n) || !DIGITS(d, n, 10) || d[0] == '0')
        return DM_NO;
    unsigned r = dm_weighted_sum(d, w, 9) % 11;
    return r != 10 && r == (unsigned)(d[9] - '0') ? DM_STRONG : DM_NO;
}

static dm_verdict validate_pt(const dm_span *s)
{
    static const int w[8] = {9, 8, 7, 6, 5, 4, 3, 2};
    const char *d;
    size_t n;
    if (!prefixed(s, "PT", &d, &n) || !DIGITS(d, n, 9) || d[0] == '0')
        return DM_NO;
    unsigned c = 11 - dm_weighted_sum(d, w, 8) % 11;
    return (c >= 10 ? 0 : c) == (unsigned)(d[8] - '0') ? DM_STRONG : DM_NO;
}

static dm_verdict validate_ro(const dm_span *s)
{
    static const int w[9] = {7, 5, 3, 2, 1, 7, 5, 3, 2};
    const char *d;
    size_t n;
    if (!prefixed(s, "RO", &d, &n) || n < 6 || n > 10 || !dm_all_digits(d, n) || d[0] == '0' ||
        dm_all_same(d, n))
        return DM_NO;
    unsigned sum = dm_weighted_sum(d, w + (10 - n), n - 1);
    return sum * 10 % 11 % 10 == (unsigned)(d[n - 1] - '0') ? DM_STRONG : DM_NO;
}

static dm_verdict validate_rs(const dm_span *s)
{
    const char *d;
    size_t n;
    if (!prefixed(s, "RS", &d, &n) || !DIGITS(d, n, 9) || d[0] == '0')
        return DM_NO;
    return dm_iso7064_mod11_10(d, 9) ? DM_STRONG : DM_NO;
}

static dm_verdict validate_se(const dm_span *s)
{
    const char *d;
    size_t n;
    if (!prefixed(s, "SE", &d, &n) || !DIGITS(d, n, 12) || d[10] != '0' || d[11] != '1')
        return DM_NO;
    return dm_luhn(d, 10) ? DM_STRONG : DM_NO;
}

static dm_verdict validate_si(const dm_span *s)
{
    static const int w[7] = {8, 7, 6, 5, 4, 3, 2};
    const char *d;
    size_t n;
    if (!prefixed(s, "SI", &d, &n) || !DIGITS(d, n, 8) || d[0] == '0')
        return DM_NO;
    unsigned c = 11 - dm_weighted_sum(d, w, 7) % 11;
    if (c == 11)
        return DM_NO;
    return (c == 10 ? 0 : c) == (unsigned)(d[7] - '0') ? DM_STRONG : DM_NO;
}

static dm_verdict validate_sk(const dm_span *s)
{
    const char *d;
    size_t n;
    if (!prefixed(s, "SK", &d, &n) || !DIGITS(d, n, 10) || d[0] == '0' || !strchr("234789", d[2]))
        return DM_NO;
    return value_of(d, 10) % 11 == 0 ? DM_STRONG : DM_NO;
}

static dm_verdict validate_ch(const dm_span *s)
{
    static const int w[8] = {5, 4, 3, 2, 7, 6, 5, 4};
    const char *d;
    size_t n;
    if (!prefixed(s, "CHE", &d, &n) || n < 9 || !DIGITS(d, 9, 9))
        return DM_NO;
    if (n != 9 && !(n == 12 && (memcmp(d + 9, "TVA", 3) == 0 || memcmp(d + 9, "IVA", 3) == 0)) &&
        !(n == 13 && memcmp(d + 9, "MWST", 4) == 0))
        return DM_NO;
    unsigned c = 11 - dm_weighted_sum(d, w, 8) % 11;
    if (c == 10)
        return DM_NO;
    return (c == 11 ? 0 : c) == (unsigned)(d[8] - '0') ? DM_STRONG : DM_NO;
}

/* ---- table ---------------------------------------------------------------------------- */

static const char *const at_shapes[] = {"c:L3D8", NULL};
static const char *const at_hints[] = {"uid", "uid_nummer", "ust_idnr", "umsatzsteuer_id", "vat", "vat_number",
                                       "vat_id", NULL};
static const char *const at_examples[] = {"ATU13585627", "ATU 10000194", "atu12345675", NULL};
static const char *const at_counter[] = {"ATU13585628", "ATU1358562", "ATX13585627", NULL};

static const char *const be_shapes[] = {"c:L2D10", NULL};
static const char *const be_hints[] = {"btw", "btw_nummer", "tva", "numero_tva", "ondernemingsnummer", "vat",
                                       "vat_number", NULL};
static const char *const be_examples[] = {"BE0403063506", "BE 0876.543.270", "be1234567894", NULL};
static const char *const be_counter[] = {"BE0403063507", "BE2403063575", "BE0000000000", NULL};

static const char *const bg_shapes[] = {"c:L2D9", "c:L2D10", NULL};
static const char *const bg_hints[] = {"dds", "dds_nomer", "vat", "vat_number", "bulstat", "eik", NULL};
static const char *const bg_examples[] = {"BG175666572", "BG 123456786", "BG7523169263", NULL};
static const char *const bg_counter[] = {"BG175666573", "BG7523169264", "BG7513169266", NULL};

static const char *const cy_shapes[] = {"c:L2D8L1", NULL};
static const char *const cy_hints[] = {"vat", "vat_number", "fpa", "arithmos_fpa", NULL};
static const char *const cy_examples[] = {"CY10259033P", "CY30010823A", "cy90000000y", NULL};
static const char *const cy_counter[] = {"CY10259033Q", "CY20259033P", "CY12000000C", NULL};

static const char *const cz_shapes[] = {"c:L2D8", "c:L2D10", NULL};
static const char *const cz_hints[] = {"dic", "dič", "vat", "vat_number", "danove_identifikacni_cislo", NULL};
static const char *const cz_examples[] = {"CZ25736027", "CZ 46177582", "CZ7360285108", NULL};
static const char *const cz_counter[] = {"CZ25736028", "CZ91234565", "CZ7360285109", NULL};

static const char *const de_shapes[] = {"c:L2D9", NULL};
static const char *const de_hints[] = {"ust_idnr", "ustidnr", "ust_id", "umsatzsteuer_id",
                                       "umsatzsteuer_identifikationsnummer", "vat", "vat_number", "vat_id", NULL};
static const char *const de_examples[] = {"DE136695976", "DE 814 826 626", "de271673810", NULL};
static const char *const de_counter[] = {"DE136695977", "DE036695979", "DE13669597", NULL};

static const char *const dk_shapes[] = {"c:L2D8", NULL};
static const char *const dk_hints[] = {"cvr", "cvr_nummer", "se_nummer", "moms", "momsnummer", "vat", "vat_number",
                                       NULL};
static const char *const dk_examples[] = {"DK13116296", "DK 21 98 76 54", "dk88380118", NULL};
static const char *const dk_counter[] = {"DK13116297", "DK03116296", "DK88380119", NULL};

static const char *const ee_shapes[] = {"c:L2D9", NULL};
static const char *const ee_hints[] = {"kmkr", "kmkr_number", "kaibemaksukohustuslase_number", "vat",
                                       "vat_number", NULL};
static const char *const ee_examples[] = {"EE100931024", "EE100345678", "ee101234568", NULL};
static const char *const ee_counter[] = {"EE100931025", "EE200931022", "EE10093102", NULL};

static const char *const el_shapes[] = {"c:L2D9", NULL};
static const char *const el_hints[] = {"afm", "αφμ", "vat", "vat_number", "greek_vat", NULL};
static const char *const el_examples[] = {"EL094256318", "EL 123456783", "el994789767", NULL};
static const char *const el_counter[] = {"EL094256319", "GR094256318", "EL99478976", NULL};

static const char *const es_shapes[] = {"c:L2D8L1", "c:L3D7L1", "c:L3D8", NULL};
static const char *const es_hints[] = {"nif_iva", "numero_iva", "iva", "vat", "vat_number", "nif_intracomunitario",
                                       NULL};
static const char *const es_examples[] = {"ESQ2826000H", "ES B58221235", "es12345678z", "ESX1234567L", NULL};
static const char *const es_counter[] = {"ESQ2826000J", "ES12345678A", "ESB58221234", "ESI1234567J", NULL};

static const char *const fi_shapes[] = {"c:L2D8", NULL};
static const char *const fi_hints[] = {"alv", "alv_numero", "y_tunnus", "vat", "vat_number", NULL};
static const char *const fi_examples[] = {"FI20098068", "FI 15728600", "fi07375462", NULL};
static const char *const fi_counter[] = {"FI20098069", "FI15728601", "FI2009806", NULL};

static const char *const fr_shapes[] = {"c:L2D11", NULL};
static const char *const fr_hints[] = {"tva", "numero_tva", "tva_intracommunautaire", "numero_tva_intracom",
                                       "vat", "vat_number", NULL};
static const char *const fr_examples[] = {"FR40303265045", "FR 83 404833048", "fr13542107651", NULL};
static const char *const fr_counter[] = {"FR41303265045", "FR40303265046", "FR00000000000", NULL};

static const char *const hu_shapes[] = {"c:L2D8", NULL};
static const char *const hu_hints[] = {"adoszam", "közösségi_adószám", "kozossegi_adoszam", "vat", "vat_number",
                                       NULL};
static const char *const hu_examples[] = {"HU21200236", "HU 12345676", "hu69876541", NULL};
static const char *const hu_counter[] = {"HU21200237", "HU12345677", "HU2120023", NULL};

static const char *const ie_shapes[] = {"c:L2D7L1", "c:L2D7L2", NULL};
static const char *const ie_hints[] = {"vat", "vat_number", "vat_no", "irish_vat", NULL};
static const char *const ie_examples[] = {"IE1234567T", "IE 1234567FA", "ie8765432sw", NULL};
static const char *const ie_counter[] = {"IE1234567U", "IE1234567FB", "IE1234567TZ", NULL};

static const char *const it_shapes[] = {"c:L2D11", NULL};
static const char *const it_hints[] = {"partita_iva", "p_iva", "piva", "numero_partita_iva", "vat", "vat_number",
                                       NULL};
static const char *const it_examples[] = {"IT00743110157", "IT 12345670025", "it02116651007", NULL};
static const char *const it_counter[] = {"IT00743110158", "IT00743112157", "IT00000000000", NULL};

static const char *const lt_shapes[] = {"c:L2D9", "c:L2D12", NULL};
static const char *const lt_hints[] = {"pvm", "pvm_kodas", "pvm_moketojo_kodas", "vat", "vat_number", NULL};
static const char *const lt_examples[] = {"LT119511515", "LT 210034519", "lt100000110118", NULL};
static const char *const lt_counter[] = {"LT119511516", "LT119122136", "LT100000110119", NULL};

static const char *const lu_shapes[] = {"c:L2D8", NULL};
static const char *const lu_hints[] = {"tva", "numero_tva", "vat", "vat_number", NULL};
static const char *const lu_examples[] = {"LU26375245", "LU 15027442", "lu12345613", NULL};
static const char *const lu_counter[] = {"LU26375246", "LU15027443", "LU2637524", NULL};

static const char *const lv_shapes[] = {"c:L2D11", NULL};
static const char *const lv_hints[] = {"pvn", "pvn_numurs", "pvn_registracijas_numurs", "vat", "vat_number",
                                       NULL};
static const char *const lv_examples[] = {"LV40003065121", "LV 90000001306", "LV12118112349", NULL};
static const char *const lv_counter[] = {"LV40003065122", "LV12118112348", "LV12138112346", NULL};

static const char *const mt_shapes[] = {"c:L2D8", NULL};
static const char *const mt_hints[] = {"vat", "vat_number", "vat_no", "maltese_vat", NULL};
static const char *const mt_examples[] = {"MT11297903", "MT 20456035", "mt12345634", NULL};
static const char *const mt_counter[] = {"MT11297904", "MT01297903", "MT1129790", NULL};

static const char *const nl_shapes[] = {"l:14:LLDD", NULL};    /* L2D9L1D2: 4 runs, see fi_hetu_shapes */
static const char *const nl_hints[] = {"btw", "btw_nummer", "btw_id", "omzetbelastingnummer", "vat", "vat_number",
                                       NULL};
static const char *const nl_examples[] = {"NL004495445B01", "NL 123456782 B01", "nl004499542b01", NULL};
static const char *const nl_counter[] = {"NL004495446B01", "NL123456789B01", "NL004495445C01", NULL};

static const char *const no_shapes[] = {"c:L2D9L3", NULL};
static const char *const no_hints[] = {"mva", "mva_nummer", "organisasjonsnummer", "orgnr", "vat", "vat_number",
                                       NULL};
static const char *const no_examples[] = {"NO974076268MVA", "NO 981 811 127 MVA", "no974076268mva", NULL};
static const char *const no_counter[] = {"NO974076269MVA", "NO974076268VAT", "NO574076264MVA", NULL};

static const char *const pl_shapes[] = {"c:L2D10", NULL};
static const char *const pl_hints[] = {"nip_ue", "vat_ue", "vat", "vat_number", "nip", NULL};
static const char *const pl_examples[] = {"PL5260002501", "PL 123-456-32-18", "pl7778889998", NULL};
static const char *const pl_counter[] = {"PL5260002502", "PL0260002508", "PL1234563219", NULL};

static const char *const pt_shapes[] = {"c:L2D9", NULL};
static const char *const pt_hints[] = {"nif", "nipc", "numero_contribuinte", "vat", "vat_number", NULL};
static const char *const pt_examples[] = {"PT500000000", "PT 123 456 789", "pt987654322", NULL};
static const char *const pt_counter[] = {"PT500000001", "PT123456780", "PT012345679", NULL};

static const char *const ro_shapes[] = {"c:L2D6~10", NULL};
static const char *const ro_hints[] = {"cui", "cif", "cod_fiscal", "cod_tva", "vat", "vat_number", NULL};
static const char *const ro_examples[] = {"RO16306155", "RO 18418767", "ro143998407", NULL};
static const char *const ro_counter[] = {"RO16306156", "RO18418768", "RO00000000", NULL};

static const char *const rs_shapes[] = {"c:L2D9", NULL};
static const char *const rs_hints[] = {"pib", "poreski_identifikacioni_broj", "vat", "vat_number", NULL};
static const char *const rs_examples[] = {"RS101483956", "RS 123456788", "rs987654328", NULL};
static const char *const rs_counter[] = {"RS101483957", "RS012345673", "RS10148395", NULL};

static const char *const se_shapes[] = {"c:L2D12", NULL};
static const char *const se_hints[] = {"momsnummer", "momsregistreringsnummer", "vat", "vat_number", NULL};
static const char *const se_examples[] = {"SE556036079301", "SE 212000142101", "se502071365601", NULL};
static const char *const se_counter[] = {"SE556036079201", "SE556036079302", "SE556036078301", NULL};

static const char *const si_shapes[] = {"c:L2D8", NULL};
static const char *const si_hints[] = {"ddv", "davcna_stevilka", "id_za_ddv", "vat", "vat_number", NULL};
static const char *const si_examples[] = {"SI50229249", "SI 12345679", "si98765434", NULL};
static const char *const si_counter[] = {"SI50229240", "SI05022924", "SI5022924", NULL};

static const char *const sk_shapes[] = {"c:L2D10", NULL};
static const char *const sk_hints[] = {"ic_dph", "icdph", "dph", "vat", "vat_number", NULL};
static const char *const sk_examples[] = {"SK2022274562", "SK 4021234569", "sk7123456780", NULL};
static const char *const sk_counter[] = {"SK2022274563", "SK2012274566", "SK0022274560", NULL};

static const char *const ch_shapes[] = {"c:L3D9", "c:L3D9L3", "c:L3D9L4", NULL};
static const char *const ch_hints[] = {"mwst", "mwst_nr", "uid", "uid_nummer", "tva", "vat", "vat_number", NULL};
static const char *const ch_examples[] = {"CHE-109.445.828 MWST", "CHE116043091", "che-123.456.788 tva", NULL};
static const char *const ch_counter[] = {"CHE-109.445.829 MWST", "CHE-109.445.827", "CHE-123.456.789", NULL};

static const char *const vat_context[] = {"vat", "tva", "mwst", "ust-id", "ust-idnr", "iva", "btw", "moms", NULL};

#define VAT(nm, reg, desc, cc) \
    { \
        .name = nm, .region = reg, .category = DM_CAT_TAX_ID, .description = desc, \
        .shapes = cc##_shapes, .validate = validate_##cc, .hints = cc##_hints, .context = vat_context, \
        .examples = cc##_examples, .counterexamples = cc##_counter, \
    }

const dm_entity_def dm_entities_europe_vat[] = {
    VAT("AUSTRIA_VALUE_ADDED_TAX", "AT", "Austrian VAT number (UID): ATU + 8 digits, check digit", at),
    VAT("BELGIUM_VALUE_ADDED_TAX", "BE", "Belgian VAT number: BE + 10 digits, mod 97", be),
    VAT("BULGARIA_VALUE_ADDED_TAX", "BG", "Bulgarian VAT number: BG + 9 digits or an EGN, mod 11", bg),
    VAT("CYPRUS_VALUE_ADDED_TAX", "CY", "Cypriot VAT number: CY + 8 digits + check letter", cy),
    VAT("CZECHIA_VALUE_ADDED_TAX", "CZ", "Czech VAT number (DIČ): CZ + 8 digits or a birth number, mod 11", cz),
    VAT("DENMARK_VALUE_ADDED_TAX", "DK", "Danish VAT number: DK + 8 digits, mod 11", dk),
    VAT("ESTONIA_VALUE_ADDED_TAX", "EE", "Estonian VAT number (KMKR): EE + 9 digits, check digit", ee),
    VAT("FINLAND_VALUE_ADDED_TAX", "FI", "Finnish VAT number: FI + 8 digits, mod 11", fi),
    VAT("FRANCE_VALUE_ADDED_TAX", "FR", "French VAT number: FR + 2-digit key + SIREN (Luhn)", fr),
    VAT("GERMANY_VALUE_ADDED_TAX", "DE", "German VAT number (USt-IdNr): DE + 9 digits, ISO 7064 mod 11,10", de),
    VAT("GREECE_VALUE_ADDED_TAX", "GR", "Greek VAT number: EL + 9 digits, powers-of-2 weights mod 11", el),
    VAT("HUNGARY_VALUE_ADDED_TAX", "HU", "Hungarian VAT number: HU + 8 digits, check digit", hu),
    VAT("IRELAND_VALUE_ADDED_TAX", "IE", "Irish VAT number: IE + 7 digits + check letter(s), mod 23", ie),
    VAT("ITALY_VALUE_ADDED_TAX", "IT", "Italian VAT number (partita IVA): IT + 11 digits, Luhn", it),
    VAT("LATVIA_VALUE_ADDED_TAX", "LV", "Latvian VAT number: LV + 11 digits, mod 11", lv),
    VAT("LITHUANIA_VALUE_ADDED_TAX", "LT", "Lithuanian VAT number: LT + 9 or 12 digits, mod 11", lt),
    VAT("LUXEMBOURG_VALUE_ADDED_TAX", "LU", "Luxembourg VAT number: LU + 8 digits, mod 89", lu),
    VAT("MALTA_VALUE_ADDED_TAX", "MT", "Maltese VAT number: MT + 8 digits, mod 37", mt),
    VAT("NETHERLANDS_VALUE_ADDED_TAX", "NL", "Dutch VAT number: NL + 9 digits + B + 2 digits, 11-test or mod 97",
        nl),
    VAT("NORWAY_VALUE_ADDED_TAX", "NO", "Norwegian VAT number: NO + organisation number + MVA, mod 11", no),
    VAT("POLAND_VALUE_ADDED_TAX", "PL", "Polish VAT number: PL + NIP (10 digits, mod 11)", pl),
    VAT("PORTUGAL_VALUE_ADDED_TAX", "PT", "Portuguese VAT number: PT + NIF (9 digits, mod 11)", pt),
    VAT("ROMANIA_VALUE_ADDED_TAX", "RO", "Romanian VAT number: RO + 6-10 digits (CUI), mod 11", ro),
    VAT("SERBIA_VALUE_ADDED_TAX", "RS", "Serbian tax number (PIB) with RS prefix: 9 digits, ISO 7064 mod 11,10", rs),
    VAT("SLOVAKIA_VALUE_ADDED_TAX", "SK", "Slovak VAT number (IČ DPH): SK + 10 digits, mod 11", sk),
    VAT("SLOVENIA_VALUE_ADDED_TAX", "SI", "Slovenian VAT number: SI + 8 digits, mod 11", si),
    VAT("SPAIN_VALUE_ADDED_TAX", "ES", "Spanish VAT number: ES + NIF (DNI, NIE or CIF with its control)", es),
    VAT("SWEDEN_VALUE_ADDED_TAX", "SE", "Swedish VAT number: SE + 10 digits (Luhn) + 01", se),
    VAT("SWITZERLAND_VALUE_ADDED_TAX", "CH", "Swiss VAT number: CHE + 9-digit UID (mod 11) + MWST/TVA/IVA", ch),
    {0},
};
