/*
 * United Kingdom entities (Glue's UK_* names).
 *
 * Formats and checks, from the issuing bodies' public descriptions:
 *   NHS number      NHS Data Dictionary "NHS Number": 10 digits printed 3-3-4,
 *                   mod 11 with weights 10..2 on the first nine, 11 -> 0, 10 never
 *                   issued; ranges: CHI (Scotland) 010 100 0000-311 299 9999,
 *                   Northern Ireland 320-399, England/Wales/IoM 3xx, 4xx, 6xx-7xx;
 *                   999 xxx xxxx is the test range.
 *   NINO            HMRC National Insurance Manual NIM39110: 2 prefix letters, 6
 *                   digits, suffix A-D; prefix letters never D F I Q U V, second
 *                   never O, prefixes BG GB KN NK NT TN ZZ never used.
 *   Driver number   DVLA: surname (5, padded with 9), decade digit, month (+50
 *                   for women), day, year digit, 2 initials (padded with 9), an
 *                   arbitrary digit, 2 computer check characters; 2 issue digits
 *                   may follow.
 *   UTR             HMRC: 10 digits, the first a check digit over the other nine,
 *                   weights 6 7 8 9 10 5 4 3 2, "21987654321"[sum mod 11]; Self
 *                   Assessment prints a trailing K.
 *   VAT             HMRC VAT Notice 700 / EU VIES: GB + 9 digits (3-4-2), the
 *                   last two a check: 8..2 weights on the first seven plus the
 *                   two check digits = 0 mod 97, or (series from 100 0000 on,
 *                   "97-55") = 42 mod 97; 01-09 prefixes reserved for non-VAT
 *                   schemes; GB + 12 digits for branch traders; GBGD000-499
 *                   government departments, GBHA500-999 health authorities; XI for
 *                   Northern Ireland.
 *   Phone           Ofcom National Telephone Numbering Plan: +44 then a 10-digit
 *                   national significant number (9 digits for a few 01 areas and
 *                   0800); 01/02 geographic, 03 non-geographic, 055/056, 07
 *                   mobile/personal (076 pagers except 07624), 080/084/087.
 *   Passport        HM Passport Office (NHS Data Dictionary "Passport Number"):
 *                   9 digits, no check digit.
 *   Electoral roll  Electoral Commission register format: polling district
 *                   letters followed by the elector's number within the district
 *                   (numbered from 1); gov.uk's e-GIF schema: 2-3 letters + 1-4
 *                   digits.
 *   Bank account    8 digits (no public check: modulus checking needs the Vocalink
 *                   per-sort-code tables); sort code nn-nn-nn. GB IBANs (SWIFT
 *                   IBAN registry: GB 22, 4 letters + 6-digit sort code + 8-digit
 *                   account) count as UK bank accounts.
 */
#include <stdbool.h>
#include <stddef.h>

#include "detect/entities/entity_impl.h"

/* ---- helpers ------------------------------------------------------------------ */

/* Two-digit value at d (digits checked by the caller). */
/* ---- UK_BANK_ACCOUNT ------------------------------------------------------------ */

/* GB IBAN: GB, 2 check digits, 4-letter bank code, 6-digit sort code, 8-digit
 * account, ISO 7064 mod 97-10. */
static bool gb_iban(const char *d, size_t n)
{
    if (n != 22 || d[0] != 'G' || d[1] != 'B')
        return false;
    int cd = dm_digits_value(d + 2, 2);
    if (cd < 2 || cd > 98)
        return false;
    for (int i = 4; i < 8; i++)
        if (!is_upper(d[i]))
            return false;
    return dm_all_digits(d + 8, 14) && dm_iban_mod97(d, n);
}

/* cell[start, end) is preceded by a sort code "nn-nn-nn " ("20-00-00 12345678"). */
static bool after_sort_code(const dm_span *s)
{
    size_t i = s->start, nj = 0;
    while (i > 0 && (s->cell[i - 1] == ' ' || s->cell[i - 1] == '-' || s->cell[i - 1] == '/') && nj < 3)
        i--, nj++;
    if (nj == 0 || i < 8)
        return false;
    const char *p = s->cell + i - 8;
    if (!(is_digit(p[0]) && is_digit(p[1]) && is_digit(p[3]) && is_digit(p[4]) && is_digit(p[6]) &&
          is_digit(p[7]) && p[2] == p[5] && (p[2] == '-' || p[2] == ' ')))
        return false;
    return !(dm_near_groups(s->cell, s->cell_len, i - 8, i) & DM_NEAR_LEFT_DIGIT);
}

static dm_verdict validate_bank_account(const dm_span *s)
{
    if (s->norm_len == 22)
        return gb_iban(s->norm, s->norm_len) ? DM_STRONG : DM_NO;
    if (s->norm_len != 8 || !dm_all_digits(s->norm, 8) || dm_dummy_digits(s->norm, 8))
        return DM_NO;
    unsigned near = dm_near_groups(s->cell, s->cell_len, s->start, s->end);
    if (near & DM_NEAR_RIGHT_DIGIT)
        return DM_NO;
    if ((near & DM_NEAR_LEFT_DIGIT) && !after_sort_code(s))
        return DM_NO;
    return DM_WEAK;
}

static const char *const bank_account_shapes[] = {"c:D8/w", "l:22:LLDD", NULL};
/* UK-specific names only: a plain "account_number" column of 8-digit numbers is
 * the global BANK_ACCOUNT's, not necessarily British */
static const char *const bank_account_hints[] = {
    "uk_bank_account", "uk_account_number", "uk_bank_account_number", "british_bank_account",
    "sort_code_account", "bank_account_uk", "account_number_uk", NULL};
static const char *const bank_account_context[] = {"sort code", "sort-code", "sortcode", NULL};
static const char *const bank_account_examples[] = {"31926819", "73849201", "GB29 NWBK 6016 1331 9268 19",
                                                    "gb74barc20000012345678", NULL};
static const char *const bank_account_counter[] = {
    "00000000", "12345678",
    "GB29 NWBK 6016 1331 9268 18",  /* mod 97 fails */
    "GB01 NWBK 6016 1331 9268 19",  /* check digits out of 02-98 */
    NULL};

/* ---- UK_BANK_SORT_CODE ------------------------------------------------------------ */

/* "12-05-21" reads as a date (dd-mm-yy or yy-mm-dd): sort codes and dates share
 * the layout, so such values prove little. */
static bool date_like(const char *d)
{
    int a = two(d), b = two(d + 2), c = two(d + 4);
    return dm_valid_date(2000 + c, b, a) || dm_valid_date(2000 + a, b, c);
}

/* Right of the candidate there is exactly one 8-digit group (an account number). */
static bool before_account(const dm_span *s)
{
    size_t i = s->end, nj = 0;
    while (i < s->cell_len && (s->cell[i] == ' ' || s->cell[i] == '-' || s->cell[i] == '/') && nj < 3)
        i++, nj++;
    size_t k = i;
    while (k < s->cell_len && is_digit(s->cell[k]))
        k++;
    if (nj == 0 || k - i != 8)
        return false;
    return k == s->cell_len || !(is_digit(s->cell[k]) || is_upper(s->cell[k]) ||
                                 (s->cell[k] >= 'a' && s->cell[k] <= 'z'));
}

static dm_verdict validate_sort_code(const dm_span *s)
{
    static const int dashed[] = {2, 2, 2};
    if (s->norm_len != 6 || !dm_all_digits(s->norm, 6) || dm_all_same(s->norm, 6))
        return DM_NO;
    unsigned near = dm_near_groups(s->cell, s->cell_len, s->start, s->end);
    if ((near & DM_NEAR_LEFT_DIGIT) || ((near & DM_NEAR_RIGHT_DIGIT) && !before_account(s)))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_WEAK;
    if (!dm_layout_is(s, dashed, 3) || s->sep[1] != s->sep[2] || s->seplen[1] != 1 || s->seplen[2] != 1 ||
        (s->sep[1] != '-' && s->sep[1] != ' '))
        return DM_NO;
    return date_like(s->norm) ? DM_WEAK : DM_MEDIUM;
}

static const char *const sort_code_shapes[] = {"e:D2-D2-D2", "e:D2 D2 D2", "e:D6/w", NULL};
static const char *const sort_code_hints[] = {"sort_code", "sortcode", "bank_sort_code", "sort_no", "bank_code",
                                              NULL};
static const char *const sort_code_context[] = {"sort code", "sort-code", "sortcode", NULL};
static const char *const sort_code_examples[] = {"20-00-00", "40-47-84", "309634", "60 16 13", NULL};
static const char *const sort_code_counter[] = {"00-00-00", "11-11-11", "12/05/21", "20.00.00", NULL};

/* ---- UK_DRIVING_LICENSE ------------------------------------------------------------ */

static dm_verdict validate_driving_license(const dm_span *s)
{
    const char *d = s->norm;
    if (s->norm_len != 16 && !(s->norm_len == 18 && is_digit(d[16]) && is_digit(d[17])))
        return DM_NO;
    /* surname: 1-5 letters, then 9s */
    if (!is_upper(d[0]))
        return DM_NO;
    bool pad = false;
    for (int i = 1; i < 5; i++) {
        if (d[i] == '9')
            pad = true;
        else if (pad || !is_upper(d[i]))
            return DM_NO;
    }
    if (!dm_all_digits(d + 5, 6))
        return DM_NO;
    int month = two(d + 6), day = two(d + 8);
    if (month > 50)
        month -= 50;
    /* century unknown: 20yy has the same leap years as 19yy except 1900 */
    if (!dm_valid_date(2000 + (d[5] - '0') * 10 + (d[10] - '0'), month, day))
        return DM_NO;
    if (!is_upper(d[11]) || !(is_upper(d[12]) || d[12] == '9') || !is_digit(d[13]))
        return DM_NO;
    if (!(is_upper(d[14]) || is_digit(d[14])) || !(is_upper(d[15]) || is_digit(d[15])))
        return DM_NO;
    return DM_STRONG;
}

static const char *const driving_license_shapes[] = {"l:16:LLLL", "l:16:LLLD", "l:16:LLDD", "l:16:LDDD",
                                                     "l:18:LLLL", "l:18:LLLD", "l:18:LLDD", "l:18:LDDD",
                                                     NULL};
static const char *const driving_license_hints[] = {
    "driving_licence", "driving_license", "drivers_license", "driver_license", "driving_licence_number",
    "driver_number", "licence_number", "license_number", "dvla", "dl_number", NULL};
static const char *const driving_license_context[] = {"licence", "license", "dvla", "driver number", NULL};
static const char *const driving_license_examples[] = {"MORGA753116SM9IJ", "SMITH801225JA9AB", "LEE99657044J99XY",
                                                       "MORGA753116SM9IJ 35", NULL};
static const char *const driving_license_counter[] = {
    "SMITH813225JA9AB",     /* month 13 */
    "SMITH802305JA9AB",     /* 30 February */
    "SM9TH801225JA9AB",     /* a letter after the 9 padding */
    "SMITH8012259A9AB",     /* first initial missing */
    "SMITH863225JA9AB",     /* female month 63 */
    NULL};

/* ---- UK_ELECTORAL_ROLL_NUMBER ------------------------------------------------------- */

static dm_verdict validate_electoral_roll(const dm_span *s)
{
    const char *d = s->norm;
    size_t nl = 0;
    while (nl < s->norm_len && is_upper(d[nl]))
        nl++;
    if (nl < 2 || nl > 3 || s->norm_len - nl < 1 || s->norm_len - nl > 4 || !dm_all_digits(d + nl, s->norm_len - nl))
        return DM_NO;
    if (dm_digits_value(d + nl, s->norm_len - nl) == 0)     /* electors are numbered from 1 */
        return DM_NO;
    unsigned near = dm_near_groups(s->cell, s->cell_len, s->start, s->end);
    if (near & (DM_NEAR_LEFT_DIGIT | DM_NEAR_RIGHT))
        return DM_NO;
    return DM_WEAK;
}

static const char *const electoral_roll_shapes[] = {"c:L2~3D1~4/w", NULL};
static const char *const electoral_roll_hints[] = {
    "electoral_roll_number", "electoral_roll", "elector_number", "electoral_number", "electoral_register",
    "poll_number", "polling_number", "voter_number", "roll_number", NULL};
static const char *const electoral_roll_context[] = {"electoral roll", "elector number", "electoral number",
                                                     "poll number", "polling number", NULL};
static const char *const electoral_roll_examples[] = {"AB1234", "ABC 123", "XY-1", NULL};
static const char *const electoral_roll_counter[] = {"AB0", "ABC 0000", "AB12 3CD", NULL};

/* ---- UK_NATIONAL_HEALTH_SERVICE_NUMBER ------------------------------------------------ */

static dm_verdict validate_nhs(const dm_span *s)
{
    static const int spaced[] = {3, 3, 4};
    const char *d = s->norm;
    if (s->norm_len != 10 || !dm_all_digits(d, 10))
        return DM_NO;
    /* not issued: 5xx, 8xx, 9xx (999 is the test range), below CHI 010 100 0000 */
    if (d[0] == '5' || d[0] == '8' || d[0] == '9' || dm_digits_value(d, 4) < 101)
        return DM_NO;
    if (s->ngroups != 1 && !(dm_layout_is(s, spaced, 3) && s->sep[1] == s->sep[2]))
        return DM_NO;
    static const int w[9] = {10, 9, 8, 7, 6, 5, 4, 3, 2};
    unsigned c = 11 - dm_weighted_sum(d, w, 9) % 11;
    if (c == 11)
        c = 0;
    if (c == 10 || c != (unsigned)(d[9] - '0'))
        return DM_NO;
    if (dm_piece_of_longer(s))
        return DM_NO;
    return DM_MEDIUM;
}

static const char *const nhs_shapes[] = {"c:D10", NULL};
static const char *const nhs_hints[] = {"nhs_number", "nhs", "nhs_no", "nhsno", "nhs_id", "chi_number", "chi_no",
                                        "health_and_care_number", "hcn", NULL};
/* ISBN-10 uses the very same weighted mod-11 check: a book number passes
 * it every time. */
static const char *const nhs_antihints[] = {"isbn", "book", NULL};
static const char *const nhs_context[] = {"nhs", "chi no", "chi number", "health and care number", NULL};
static const char *const nhs_examples[] = {"401 023 2137", "4505577104", "640 832 1003", "330-123-4569", NULL};
static const char *const nhs_counter[] = {
    "401 023 2138",     /* check digit */
    "987 654 4321",     /* NHS Data Dictionary layout example, fails the check */
    "943 476 5919",     /* passes the check, 9xx never issued */
    "101 066 1230",     /* check would be 10: never issued */
    NULL};

/* ---- UK_NATIONAL_INSURANCE_NUMBER ------------------------------------------------------ */

static bool nino_prefix(char a, char b)
{
    static const char *const banned[] = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"};
    for (const char *p = "DFIQUV"; *p; p++)
        if (a == *p || b == *p)
            return false;
    if (b == 'O')
        return false;
    for (size_t i = 0; i < sizeof banned / sizeof banned[0]; i++)
        if (a == banned[i][0] && b == banned[i][1])
            return false;
    return true;
}

static dm_verdict validate_nino(const dm_span *s)
{
    const char *d = s->norm;
    if (s->norm_len != 9 && s->norm_len != 8)
        return DM_NO;
    if (!is_upper(d[0]) || !is_upper(d[1]) || !nino_prefix(d[0], d[1]) || !dm_all_digits(d + 2, 6))
        return DM_NO;
    if (s->norm_len == 9)
        return d[8] >= 'A' && d[8] <= 'D' ? DM_STRONG : DM_NO;
    /* no suffix letter (some systems drop it): weak, and not when a group follows */
    unsigned near = dm_near_groups(s->cell, s->cell_len, s->start, s->end);
    return near & (DM_NEAR_RIGHT | DM_NEAR_LEFT_DIGIT) ? DM_NO : DM_WEAK;
}

static const char *const nino_shapes[] = {"c:L2D6L1", "c:L2D6", NULL};
static const char *const nino_hints[] = {"national_insurance_number", "national_insurance", "nino", "ni_number",
                                         "ni_no", "nin", NULL};
static const char *const nino_context[] = {"national insurance", "nino", "ni number", "ni no", NULL};
static const char *const nino_examples[] = {"AB 12 34 56 C", "JG103759A", "CE123456D", "pr-12-34-56-b", NULL};
static const char *const nino_counter[] = {
    "QQ 12 34 56 C",    /* NIM39110 specimen: Q never used */
    "GB123456A",        /* prefix never used */
    "AO123456B",        /* O never second */
    "AB123456E",        /* suffix beyond D */
    "DA123456A",        /* D never used */
    "AB 12 34 56 E",    /* the suffix-less window must not stand in for a bad suffix */
    NULL};

/* ---- UK_PASSPORT_NUMBER --------------------------------------------------------------- */

static dm_verdict validate_passport(const dm_span *s)
{
    if (s->norm_len != 9 || !dm_all_digits(s->norm, 9) || dm_dummy_digits(s->norm, 9) || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups != 1)    /* printed as one run of nine digits */
        return DM_NO;
    return DM_WEAK;
}

static const char *const passport_shapes[] = {"c:D9/w", NULL};
static const char *const passport_hints[] = {"uk_passport_number", "uk_passport", "british_passport",
                                             "passport_number", "passport", "passport_no", "passport_num",
                                             NULL};
static const char *const passport_context[] = {"passport", NULL};
static const char *const passport_examples[] = {"925076473", "120382978", "548061702", NULL};
static const char *const passport_counter[] = {"000000000", "123456789", "987654321", "925 076 473", NULL};

/* ---- UK_PHONE_NUMBER ------------------------------------------------------------------ */

/* National significant number (after +44 or the trunk 0) of m digits. */
static bool uk_nsn(const char *n, size_t m)
{
    switch (n[0]) {
    case '1':
        return (m == 10 || m == 9) && n[1] != '0';
    case '2':   /* 020 023 024 028 029 */
        return m == 10 && (n[1] == '0' || n[1] == '3' || n[1] == '4' || n[1] == '8' || n[1] == '9');
    case '3':   /* 030 033 034 037 */
        return m == 10 && (n[1] == '0' || n[1] == '3' || n[1] == '4' || n[1] == '7');
    case '5':   /* 055 056 */
        return m == 10 && (n[1] == '5' || n[1] == '6');
    case '7':   /* 070-079, 076 pagers except 07624 (Isle of Man mobiles) */
        return m == 10 && (n[1] != '6' || (n[2] == '2' && n[3] == '4'));
    case '8':   /* 0800 (9 or 10 digits), 0808, 084, 087 */
        if (n[1] == '0' && n[2] == '0')
            return m == 9 || m == 10;
        if (n[1] == '0' && n[2] == '8')
            return m == 10;
        return m == 10 && (n[1] == '4' || n[1] == '7');
    default:
        return false;
    }
}

/* Group layouts Ofcom prints for each kind of number (lengths include the 0). */
static bool phone_layout(const dm_span *s, char kind)
{
    static const int l344[] = {3, 4, 4}, l38[] = {3, 8}, l434[] = {4, 3, 4}, l47[] = {4, 7}, l56[] = {5, 6},
                     l55[] = {5, 5}, l533[] = {5, 3, 3}, l64[] = {6, 4}, l65[] = {6, 5}, l433[] = {4, 3, 3},
                     l46[] = {4, 6};
    switch (kind) {
    case '2':
        return dm_layout_is(s, l344, 3) || dm_layout_is(s, l38, 2);
    case '1':
        return dm_layout_is(s, l434, 3) || dm_layout_is(s, l47, 2) || dm_layout_is(s, l56, 2) ||
               dm_layout_is(s, l55, 2) || dm_layout_is(s, l533, 3) || dm_layout_is(s, l64, 2) ||
               dm_layout_is(s, l65, 2);
    case '7':
        return dm_layout_is(s, l56, 2) || dm_layout_is(s, l533, 3) || dm_layout_is(s, l434, 3);
    default:    /* 03, 05, 08 */
        return dm_layout_is(s, l434, 3) || dm_layout_is(s, l47, 2) || dm_layout_is(s, l433, 3) ||
               dm_layout_is(s, l46, 2) || dm_layout_is(s, l344, 3);
    }
}

static dm_verdict validate_phone(const dm_span *s)
{
    const char *d = s->norm;
    size_t n = s->norm_len, off;
    bool intl = false;
    if (!dm_all_digits(d, n))
        return DM_NO;
    if (d[0] == '0' && d[1] == '0' && d[2] == '4' && d[3] == '4')
        intl = true, off = 4;
    else if (d[0] == '4' && d[1] == '4' && s->start > 0 && s->cell[s->start - 1] == '+')
        intl = true, off = 2;
    else if (d[0] == '0')
        off = 1;
    else
        return DM_NO;
    if (intl && d[off] == '0') {
        /* "+44 (0)20 7946 0958": the trunk 0 only as a group of its own */
        size_t pos = 0;
        int g = 0;
        while (g < s->ngroups && pos < off)
            pos += s->glen[g++];
        if (pos != off || g >= s->ngroups || s->glen[g] != 1)
            return DM_NO;
        off++;
    }
    if (n - off < 9 || !uk_nsn(d + off, n - off))
        return DM_NO;
    if (intl)
        return DM_STRONG;
    if (dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups > 1)
        return phone_layout(s, d[1]) ? DM_MEDIUM : DM_WEAK;
    /* one run of digits: 07 + 9 digits is a mobile's usual form */
    return d[1] == '7' && n == 11 ? DM_MEDIUM : DM_WEAK;
}

static const char *const phone_shapes[] = {"c:D10~14", NULL};
static const char *const phone_hints[] = {"phone", "phone_number", "telephone", "tel", "mobile", "mobile_number",
                                          "mobile_phone", "landline", "contact_number", "telephone_number",
                                          "cell_phone", NULL};
static const char *const phone_context[] = {"tel:", "tel.", "phone", "mobile", "mob:", NULL};
static const char *const phone_examples[] = {"+44 20 7946 0958", "020 7946 0958", "07700 900123", "+447700900123",
                                             "0161 496 0000", "+44 (0)1632 960123", "0044 113 496 0000", NULL};
static const char *const phone_counter[] = {
    "+44 20 7946 095",      /* one digit short */
    "06700 900123",         /* 06 not in the plan */
    "07700 90012",          /* mobile one digit short */
    "+44 021 7946 0958",    /* trunk 0 inside the area code after +44 */
    "+44 76 1234 5678",     /* 076 pagers */
    NULL};

/* ---- UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER ----------------------------------------------- */

static dm_verdict validate_utr(const dm_span *s)
{
    static const int w[9] = {6, 7, 8, 9, 10, 5, 4, 3, 2};
    const char *d = s->norm;
    size_t n = s->norm_len;
    bool k = false;
    if (n == 11 && d[10] == 'K')
        k = true, n = 10;
    else if (n == 11 && d[0] == 'K')
        k = true, d++, n = 10;
    if (n != 10 || !dm_all_digits(d, 10) || dm_all_same(d, 10))
        return DM_NO;
    /* one run of digits, or 5-5 as HMRC letters print it; a K may stand apart */
    int first = 0, last = s->ngroups - 1;
    if (k && s->ngroups > 1 && s->norm[0] == 'K' && s->glen[0] == 1)
        first = 1;
    else if (k && s->ngroups > 1 && s->norm[s->norm_len - 1] == 'K' && s->glen[last] == 1)
        last--;
    if (last - first == 1) {
        size_t lead = s->glen[first] - (s->norm[0] == 'K' && first == 0 ? 1 : 0);
        if (lead != 5)
            return DM_NO;
    } else if (last != first) {
        return DM_NO;
    }
    if ("21987654321"[dm_weighted_sum(d + 1, w, 9) % 11] != d[0])
        return DM_NO;
    if (dm_piece_of_longer(s))
        return DM_NO;
    return k ? DM_STRONG : DM_MEDIUM;
}

static const char *const utr_shapes[] = {"c:D10", "c:D10L1", "c:L1D10", NULL};
static const char *const utr_hints[] = {"utr", "unique_taxpayer_reference", "taxpayer_reference", "tax_reference",
                                        "sa_utr", "ct_utr", "self_assessment", "taxpayer_number", NULL};
static const char *const utr_context[] = {"utr", "taxpayer reference", "tax reference", NULL};
static const char *const utr_examples[] = {"2234567890", "11234 56789", "9987654321K", "k7555666777", NULL};
static const char *const utr_counter[] = {"1234567890", "2234567891", "12345 67890", "0000000000", NULL};

/* ---- UK_VALUE_ADDED_TAX ---------------------------------------------------------------- */

static dm_verdict validate_vat(const dm_span *s)
{
    static const int w[7] = {8, 7, 6, 5, 4, 3, 2};
    static const int l342[] = {3, 4, 2};
    const char *d = s->norm;
    size_t n = s->norm_len;
    bool prefixed = false;
    if (n >= 2 && is_upper(d[0])) {
        if (!((d[0] == 'G' && d[1] == 'B') || (d[0] == 'X' && d[1] == 'I')))
            return DM_NO;
        prefixed = true;
        d += 2, n -= 2;
        if (n == 5) {   /* GBGD000-499 government departments, GBHA500-999 health authorities */
            int v = dm_digits_value(d + 2, 3);
            if (v < 0)
                return DM_NO;
            if (d[0] == 'G' && d[1] == 'D')
                return v < 500 ? DM_STRONG : DM_NO;
            if (d[0] == 'H' && d[1] == 'A')
                return v >= 500 ? DM_STRONG : DM_NO;
            return DM_NO;
        }
    }
    if (!(n == 9 || (prefixed && n == 12)) || !dm_all_digits(d, n) || dm_all_same(d, 9))
        return DM_NO;
    if (d[0] == '0' && d[1] != '0')     /* 01-09: non-VAT HMRC schemes */
        return DM_NO;
    unsigned r = (dm_weighted_sum(d, w, 7) + (unsigned)two(d + 7)) % 97;
    if (!(r == 0 || (r == 42 && dm_digits_value(d, 3) >= 100)))
        return DM_NO;
    if (prefixed)
        return DM_STRONG;
    if (dm_piece_of_longer(s))
        return DM_NO;
    return dm_layout_is(s, l342, 3) ? DM_STRONG : DM_MEDIUM;
}

static const char *const vat_shapes[] = {"c:L2D9", "c:L2D12", "c:L4D3", "c:D9", NULL};
static const char *const vat_hints[] = {"vat", "vat_number", "vat_no", "vat_id", "vat_registration_number",
                                        "vat_reg_no", "vrn", NULL};
static const char *const vat_context[] = {"vat", "vrn", NULL};
static const char *const vat_examples[] = {"GB 999 9999 73", "GB782237517", "GB 100 0123 18", "GB123456782001",
                                           "GBGD001", "GBHA599", "123 4567 82", NULL};
static const char *const vat_counter[] = {
    "GB 999 9999 74",   /* check */
    "GB 012 3456 20",   /* 01-09 reserved for non-VAT schemes */
    "GB 002 3456 69",   /* 97-55 series starts at 100 0000 */
    "GBGD500",          /* GD is 000-499 */
    "GBHA499",          /* HA is 500-999 */
    "GB000000000",
    NULL};

/* ---- table ---------------------------------------------------------------------------- */

const dm_entity_def dm_entities_uk[] = {
    {
        .name = "UK_NATIONAL_INSURANCE_NUMBER",
        .region = "GB",
        .category = DM_CAT_NATIONAL_ID,
        .description = "UK National Insurance number (NINO): 2 letters, 6 digits, A-D",
        .shapes = nino_shapes,
        .validate = validate_nino,
        .hints = nino_hints,
        .context = nino_context,
        .examples = nino_examples,
        .counterexamples = nino_counter,
    },
    {
        .name = "UK_NATIONAL_HEALTH_SERVICE_NUMBER",
        .region = "GB",
        .category = DM_CAT_HEALTH,
        .description = "UK NHS / CHI / H&C number: 10 digits, mod 11 check",
        .shapes = nhs_shapes,
        .validate = validate_nhs,
        .hints = nhs_hints,
        .antihints = nhs_antihints,
        .context = nhs_context,
        .examples = nhs_examples,
        .counterexamples = nhs_counter,
    },
    {
        .name = "UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER",
        .region = "GB",
        .category = DM_CAT_TAX_ID,
        .description = "UK Unique Taxpayer Reference: 10 digits, leading check digit",
        .shapes = utr_shapes,
        .validate = validate_utr,
        .hints = utr_hints,
        .context = utr_context,
        .examples = utr_examples,
        .counterexamples = utr_counter,
    },
    {
        .name = "UK_VALUE_ADDED_TAX",
        .region = "GB",
        .category = DM_CAT_TAX_ID,
        .description = "UK VAT registration number: GB + 9 digits (mod 97 / 97-55), branch, GD, HA",
        .shapes = vat_shapes,
        .validate = validate_vat,
        .hints = vat_hints,
        .context = vat_context,
        .examples = vat_examples,
        .counterexamples = vat_counter,
    },
    {
        .name = "UK_DRIVING_LICENSE",
        .region = "GB",
        .category = DM_CAT_DRIVERS_LICENSE,
        .description = "UK (DVLA) driver number: 16 characters from surname, birth date, initials",
        .shapes = driving_license_shapes,
        .validate = validate_driving_license,
        .hints = driving_license_hints,
        .context = driving_license_context,
        .examples = driving_license_examples,
        .counterexamples = driving_license_counter,
    },
    {
        .name = "UK_PHONE_NUMBER",
        .region = "GB",
        .category = DM_CAT_PHONE,
        .description = "UK phone number: +44 or 0, Ofcom numbering plan ranges and lengths",
        .shapes = phone_shapes,
        .validate = validate_phone,
        .hints = phone_hints,
        .context = phone_context,
        .examples = phone_examples,
        .counterexamples = phone_counter,
    },
    {
        .name = "UK_BANK_ACCOUNT",
        .region = "GB",
        .category = DM_CAT_BANK_ACCOUNT,
        .description = "UK bank account number (8 digits) or GB IBAN",
        .shapes = bank_account_shapes,
        .validate = validate_bank_account,
        .hints = bank_account_hints,
        .context = bank_account_context,
        .examples = bank_account_examples,
        .counterexamples = bank_account_counter,
    },
    {
        .name = "UK_BANK_SORT_CODE",
        .region = "GB",
        .category = DM_CAT_BANK_ACCOUNT,
        .description = "UK bank sort code: nn-nn-nn",
        .shapes = sort_code_shapes,
        .validate = validate_sort_code,
        .hints = sort_code_hints,
        .context = sort_code_context,
        .examples = sort_code_examples,
        .counterexamples = sort_code_counter,
    },
    {
        .name = "UK_PASSPORT_NUMBER",
        .region = "GB",
        .category = DM_CAT_PASSPORT,
        .description = "UK passport number: 9 digits",
        .shapes = passport_shapes,
        .validate = validate_passport,
        .hints = passport_hints,
        .context = passport_context,
        .examples = passport_examples,
        .counterexamples = passport_counter,
    },
    {
        .name = "UK_ELECTORAL_ROLL_NUMBER",
        .region = "GB",
        .category = DM_CAT_VOTER_ID,
        .description = "UK electoral roll (elector) number: polling district letters + elector number",
        .shapes = electoral_roll_shapes,
        .validate = validate_electoral_roll,
        .hints = electoral_roll_hints,
        .context = electoral_roll_context,
        .examples = electoral_roll_examples,
        .counterexamples = electoral_roll_counter,
    },
    {0},
};
