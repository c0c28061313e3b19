/*
 * National identifiers and tax numbers of Asia and the Pacific.
 *
 * Formats and checks, from the issuing bodies' public descriptions:
 *   IN Aadhaar      UIDAI: 12 digits, the first 2-9, the last a Verhoeff check
 *                   digit; printed 2345 6789 0123.
 *   IN PAN          Income Tax Department (Rule 114, Income-tax Rules): 5
 *                   letters, 4 digits, 1 letter; the 4th letter is the holder
 *                   type P C H F A T B L J G; the last letter is a check whose
 *                   rule is not published (format only).
 *   CN 居民身份证    GB 11643-1999: 6-digit region (provinces 11-15 21-23 31-37
 *                   41-46 50-54 61-65, 71 81 82 83), YYYYMMDD, 3-digit order, ISO
 *                   7064 MOD 11-2 check (0-9 or X).
 *   HK HKID         Immigration Department: 1-2 letters, 6 digits, check in
 *                   brackets: weights 9..2 (a single letter counts as a space
 *                   = 36 at weight 9, A=10 ... Z=35), c = (11 - sum mod 11) mod
 *                   11, 10 printed A; A123456(3).
 *   TW 身分證       Ministry of the Interior: letter (the place, A=10 B=11 ... with
 *                   I=34 O=35 W=32 X=30 Y=31 Z=33), 1/2 sex (8/9 resident
 *                   certificates since 2021), 7 digits, check: tens + 9 x units
 *                   of the letter, weights 8..1 on the digits, sum + check = 0
 *                   mod 10.
 *   MO BIR          Direcção dos Serviços de Identificação: 1/5/7 + 6 digits +
 *                   a bracketed control whose rule is not published (name only).
 *   KR 주민등록번호  Resident Registration Act: YYMMDD-GNNNNNC, G 1/2 (1900s), 3/4
 *                   (2000s), 9/0 (1800s) for citizens, 5/6/7/8 for foreigners;
 *                   C = (11 - sum(weights 2..9,2..5) mod 11) mod 10 for numbers
 *                   issued before October 2020 (later ones are random).
 *   JP My Number    行政手続番号利用法 施行令 (Cabinet Order, art. 8): 12 digits, the
 *                   last = 11 - sum(Pn x Qn) mod 11 (0 if the remainder is 0
 *                   or 1), Qn = n + 1 for n 1-6 and n - 5 for n 7-11 from the right.
 *   SG NRIC/FIN     ICA: S T (citizens, PR) F G M (foreigners) + 7 digits + check
 *                   letter: weights 2 7 6 5 4 3 2, +4 for T and G, +3 for M, mod
 *                   11 through JZIHGFEDCBA (S T), XWUTRQPNMLK (F G), and for M
 *                   the letter KLJNPQRTUWX[10 - r].
 *   SG UEN          ACRA / UEN registry: 8 digits + letter (businesses), YYYY +
 *                   5 digits + letter (companies), T/S/R + YY + 2-letter entity
 *                   type + 4 digits + letter (others); check rule not published.
 *   MY MyKad        JPN: YYMMDD-PB-###G, PB the place of birth (01-16 states,
 *                   21-59 states, 60-99 countries, some unused); no check digit.
 *   TH บัตรประชาชน   Department of Provincial Administration: 13 digits, the first
 *                   the person type 1-8, check = (11 - sum(weights 13..2) mod 11)
 *                   mod 10; printed 1-2345-67890-12-1.
 *   ID NIK          Dukcapil (Permendagri 72/2019 region codes): province 2,
 *                   regency 2, district 2, DDMMYY (day + 40 for women), serial
 *                   0001-9999; no check digit.
 *   AU TFN          ATO: 9 digits, weights 1 4 3 7 5 8 6 9 10, sum = 0 mod 11.
 *   AU ABN          ATO (ABN format): 11 digits, 1 subtracted from the first,
 *                   weights 10 1 3 5 7 9 11 13 15 17 19, sum = 0 mod 89.
 *   AU ACN          ASIC (Corporations Act s 1274A): 9 digits, weights 8..1,
 *                   check = (10 - sum mod 10) mod 10; printed 000 000 019.
 *   AU Medicare     Services Australia: 10 digits (+ a position digit), the first
 *                   2-6, digit 9 = (weights 1 3 7 9 1 3 7 9) mod 10, digit 10 the
 *                   issue number; printed 2123 45670 1.
 *   NZ IRD          Inland Revenue (RWT / IRD number validation spec): 8-9 digits,
 *                   10 000 000 - 150 000 000, weights 3 2 7 6 5 4 3 2 on the
 *                   9-digit form, check = 11 - sum mod 11 (0 when 0); when that is
 *                   10, weights 7 4 3 2 5 2 7 6 again, 10 a second time invalid.
 *   NZ NHI          Te Whatu Ora, HISO 10046:2022/2023: letters without I and O
 *                   (A=1 ... Z=24), old AAANNNC: weights 7..2, r = sum mod 11 (0
 *                   invalid), C = (11 - r) mod 10; new AAANNAX: sum mod 24, X the
 *                   letter of value 24 - r. Z-prefixed numbers are test values.
 *   LK NIC          Department for Registration of Persons: old YYDDDSSSC + V/X,
 *                   DDD the day of the year (1-366, +500 women); new (2016)
 *                   YYYYDDDSSSSC, 12 digits; the check rule is not published.
 *
 * Verdicts: a check letter (NRIC, HKID in brackets), a date + region + mod 11-2
 * (China), a date + sex digit + check in the dashed layout (Korea), two letters
 * of rules and a check (Taiwan is 1 in 50) are STRONG or MEDIUM as marked; bare
 * digits with one check of 1 in 10-11 (Aadhaar, My Number, Thai, TFN, ACN,
 * Medicare, IRD) and numbers without a check (MyKad, NIK, new Sri Lankan NIC,
 * UEN, Macau) are WEAK and need the column's name or context ("/w" keys or
 * DM_ENT_NEEDS_HINT); their printed layouts with one check are MEDIUM. A bare
 * 12- or 13-digit number (an EAN-13 barcode, an order id) is nobody's here
 * without a name.
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "detect/entities/entity_impl.h"

/* ---- helpers ------------------------------------------------------------------ */

static inline int three(const char *d)
{
    return (d[0] - '0') * 100 + (d[1] - '0') * 10 + (d[2] - '0');
}

/* Every joiner is one `c`. */
static bool joiners_are(const dm_span *s, char c)
{
    for (int i = 1; i < s->ngroups; i++)
        if (s->seplen[i] != 1 || s->sep[i] != c)
            return false;
    return true;
}

/* The span is laid out as `lens` with every joiner one space or every joiner
 * one dash. */
static bool printed_as(const dm_span *s, const int *lens, int n)
{
    return dm_layout_is(s, lens, n) && (joiners_are(s, ' ') || joiners_are(s, '-'));
}

static bool yy_date(int yy, int mm, int dd)
{
    return dm_valid_date(1900 + yy, mm, dd) || dm_valid_date(2000 + yy, mm, dd);
}

static int value_of(const char *d, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++)
        v = v * 10 + (d[i] - '0');
    return v;
}

#define LATEST_YEAR 2026    /* births after this year are not numbers yet */

/* ---- INDIA ------------------------------------------------------------------------- */

static dm_verdict validate_in_aadhaar(const dm_span *s)
{
    static const int l444[] = {4, 4, 4};
    if (s->ngroups != 1 && s->ngroups != 3)
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    if (s->norm_len != 12 || !dm_all_digits(d, 12) || d[0] < '2' || dm_dummy_digits(d, 12) || !dm_verhoeff(d, 12) ||
        dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_WEAK;     /* 1 in 10 */
    return printed_as(s, l444, 3) ? DM_MEDIUM : DM_NO;
}

static const char *const in_aadhaar_shapes[] = {"e:D12/w", "e:D4 D4 D4", "e:D4-D4-D4", NULL};
static const char *const in_aadhaar_hints[] = {"aadhaar", "aadhar", "aadhaar_number", "aadhaar_no", "uidai",
                                               "aadhaar_card", "adhar", NULL};
static const char *const in_aadhaar_context[] = {"aadhaar", "aadhar", "uidai", NULL};
static const char *const in_aadhaar_examples[] = {"2345 6789 0124", "4918-2736-4507", "730291847568",
                                                  "5820 1937 4621", NULL};
static const char *const in_aadhaar_counter[] = {
    "2345 6789 0125",   /* Verhoeff */
    "4918 2736 4503",   /* Verhoeff: once failed with a wrong row 4 of the permutation table */
    "1234 5678 9012",   /* first digit 1 */
    "2222 2222 2222",
    "23 4567 890124",   /* groups across the layout */
    NULL};

static dm_verdict validate_in_pan(const dm_span *s)
{
    const char *d = s->norm;
    if (s->norm_len != 10 || s->ngroups != 1)
        return DM_NO;
    for (int i = 0; i < 5; i++)
        if (!is_upper(d[i]))
            return DM_NO;
    if (!strchr("PCHFATBLJG", d[3]) || !dm_all_digits(d + 5, 4) || !is_upper(d[9]) || dm_all_same(d + 5, 4))
        return DM_NO;
    return DM_MEDIUM;   /* format and holder type, no published check */
}

static const char *const in_pan_shapes[] = {"e:L5D4L1", NULL};
static const char *const in_pan_hints[] = {"pan", "pan_number", "pan_no", "permanent_account_number", "pan_card",
                                           "income_tax_pan", NULL};
static const char *const in_pan_context[] = {"pan", "pan no", "permanent account", NULL};
static const char *const in_pan_examples[] = {"AFZPK7190K", "BNZAA2318J", "aaacr5055k", "CLKPS4821M", NULL};
static const char *const in_pan_counter[] = {
    "ABCDE1234F",       /* D is no holder type */
    "AFZPK0000K",       /* serial 0000 */
    "AFZP7190KK",       /* digits out of place */
    NULL};

/* ---- CHINA_IDENTIFICATION --------------------------------------------------------------- */

static bool cn_province(int p)
{
    return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) || (p >= 41 && p <= 46) ||
           (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 || p == 81 || p == 82 || p == 83;
}

static dm_verdict validate_cn_id(const dm_span *s)
{
    static const int l684[] = {6, 8, 4};
    if (s->ngroups != 1 && s->ngroups != 3)
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    if (s->norm_len != 18 || !dm_all_digits(d, 17) || !cn_province(two(d)))
        return DM_NO;
    int year = value_of(d + 6, 4);
    if (year < 1900 || year > LATEST_YEAR || !dm_valid_date(year, two(d + 10), two(d + 12)) ||
        !dm_iso7064_mod11_2(d, 18) || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1 || printed_as(s, l684, 3))
        return DM_STRONG;
    return DM_NO;
}

static const char *const cn_id_shapes[] = {"e:D18", "e:D17L1", "e:D6 D8 D4", "e:D6 D8 D3L1", NULL};
static const char *const cn_id_hints[] = {"shenfenzheng", "shenfenzheng_hao", "sfz", "sfzh", "id_card_number",
                                          "resident_identity_card", "chinese_id", "china_id", "zhengjian_haoma",
                                          "身份证号", "身份证", "身份证号码", NULL};
static const char *const cn_id_context[] = {"身份证", "shenfenzheng", NULL};
static const char *const cn_id_examples[] = {"11010519491231002X", "44030419900307123X", "310115200111164825",
                                             "510108198509176512", NULL};
static const char *const cn_id_counter[] = {
    "11010519491231002Y",   /* not a check character */
    "110105194912310021",   /* check */
    "991105194912310025",   /* province 99 */
    "110105194902300025",   /* 30 February */
    NULL};

/* ---- HONG_KONG_IDENTITY_CARD / MACAU_RESIDENT_IDENTITY_CARD --------------------------------- */

static dm_verdict validate_hk_id(const dm_span *s)
{
    const char *d = s->norm;
    size_t n = s->norm_len;
    if (n != 8 && n != 9)
        return DM_NO;
    int nl = (int)n - 7;
    if (!is_upper(d[0]) || !is_upper(d[nl - 1]) || !dm_all_digits(d + nl, 6) || dm_dummy_digits(d + nl, 6))
        return DM_NO;
    char c = d[n - 1];
    if (!is_digit(c) && c != 'A')
        return DM_NO;
    int sum = nl == 1 ? 36 * 9 + (d[0] - 'A' + 10) * 8 : (d[0] - 'A' + 10) * 9 + (d[1] - 'A' + 10) * 8;
    for (int i = 0; i < 6; i++)
        sum += (d[nl + i] - '0') * (7 - i);
    int want = (11 - sum % 11) % 11;
    if ((want == 10 ? 'A' : '0' + want) != c || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_MEDIUM;
    /* A123456(3): the check alone after a bracket */
    if (s->ngroups == 2 && s->glen[1] == 1 && s->sep[1] == '(' && s->seplen[1] == 1)
        return DM_STRONG;
    return DM_NO;
}

static const char *const hk_id_shapes[] = {"c:L1D7", "c:L2D7", "c:L1D6L1", "c:L2D6L1", NULL};
static const char *const hk_id_hints[] = {"hkid", "hkic", "hong_kong_id", "hong_kong_identity_card", "hkid_number",
                                          "identity_card_number", "香港身份證", "身份證號碼", NULL};
static const char *const hk_id_context[] = {"hkid", "hkic", NULL};
static const char *const hk_id_examples[] = {"A528371(2)", "G198765(7)", "AB928374(7)", "z683365(A)", NULL};
static const char *const hk_id_counter[] = {"A528371(3)", "G198765(A)", "A123456(3)", "AB92837(47)", NULL};

static dm_verdict validate_mo_bir(const dm_span *s)
{
    static const int l161[] = {1, 6, 1};
    if (s->ngroups > 3)
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    if (s->norm_len != 8 || !dm_all_digits(d, 8) || (d[0] != '1' && d[0] != '5' && d[0] != '7') ||
        dm_dummy_digits(d + 1, 6) || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_WEAK;
    if (dm_layout_is(s, l161, 3) && joiners_are(s, '/'))
        return DM_WEAK;
    if (s->ngroups == 2 && s->glen[0] == 7 && s->sep[1] == '(')
        return DM_WEAK;
    return DM_NO;
}

static const char *const mo_bir_shapes[] = {"e:D8/w", "e:D1/D6/D1", "e:D7(D1", NULL};
static const char *const mo_bir_hints[] = {"bir", "bir_number", "macau_id", "macao_id", "bilhete_de_identidade",
                                           "bilhete_de_identidade_de_residente", "澳門身份證", NULL};
static const char *const mo_bir_context[] = {"bir", NULL};
static const char *const mo_bir_examples[] = {"1/283746/5", "5284917(3)", "72938461", NULL};
static const char *const mo_bir_counter[] = {"3/283746/5", "1/111111/1", "9284917(3)", NULL};

/* ---- TAIWAN_NATIONAL_IDENTIFICATION_NUMBER --------------------------------------------- */

static dm_verdict validate_tw_id(const dm_span *s)
{
    /* place letter values, A..Z */
    static const int place[26] = {10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21,
                                  22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33};
    const char *d = s->norm;
    if (s->norm_len != 10 || s->ngroups != 1 || !is_upper(d[0]) || !dm_all_digits(d + 1, 9) ||
        !strchr("1289", d[1]) || dm_dummy_digits(d + 2, 7))
        return DM_NO;
    int v = place[d[0] - 'A'];
    int sum = v / 10 + (v % 10) * 9;
    for (int i = 1; i <= 8; i++)
        sum += (d[i] - '0') * (9 - i);
    sum += d[9] - '0';
    return sum % 10 == 0 && !dm_piece_of_longer(s) ? DM_MEDIUM : DM_NO;
}

static const char *const tw_id_shapes[] = {"e:L1D9", NULL};
static const char *const tw_id_hints[] = {"shenfenzheng", "taiwan_id", "national_id_taiwan", "id_number_tw",
                                          "身分證字號", "身分證", "統一證號", NULL};
static const char *const tw_id_context[] = {"身分證", NULL};
static const char *const tw_id_examples[] = {"A128374657", "F228931453", "b182736456", "S293847564", NULL};
static const char *const tw_id_counter[] = {"A128374658", "A328374657", "F228931454", "A123456789", NULL};

/* ---- KOREA_RESIDENCE_REGISTRATION_NUMBER_FOR_CITIZENS / _FOR_FOREIGNERS ---------------------- */

/* The number's verdict when its sex digit is one of `sexes`. */
static dm_verdict kr_rrn(const dm_span *s, const char *sexes)
{
    static const int w[12] = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
    static const int l67[] = {6, 7};
    if (s->ngroups != 1 && s->ngroups != 2)
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    if (s->norm_len != 13 || !dm_all_digits(d, 13) || !strchr(sexes, d[6]))
        return DM_NO;
    static const int century[10] = {1800, 1900, 1900, 2000, 2000, 1900, 1900, 2000, 2000, 1800};
    if (!dm_valid_date(century[d[6] - '0'] + two(d), two(d + 2), two(d + 4)) || dm_dummy_digits(d + 7, 6) ||
        dm_piece_of_longer(s))
        return DM_NO;
    bool check = (11 - dm_weighted_sum(d, w, 12) % 11) % 10 == (unsigned)(d[12] - '0');
    bool dashed = dm_layout_is(s, l67, 2) && joiners_are(s, '-');
    if (s->ngroups == 1)
        return check ? DM_MEDIUM : DM_NO;
    if (!dashed)
        return DM_NO;
    return check ? DM_STRONG : DM_WEAK;     /* numbers since October 2020 carry no check */
}

static dm_verdict validate_kr_citizen(const dm_span *s)
{
    return kr_rrn(s, "123490");
}

static dm_verdict validate_kr_foreigner(const dm_span *s)
{
    return kr_rrn(s, "5678");
}

static const char *const kr_rrn_shapes[] = {"e:D13", "e:D6-D7", NULL};
static const char *const kr_rrn_hints[] = {"rrn", "jumin_deungrok_beonho", "jumin_beonho", "resident_registration_number",
                                           "juminbeonho", "주민등록번호", "주민번호", NULL};
static const char *const kr_frn_hints[] = {"alien_registration_number", "oegugin_deungrok_beonho",
                                           "foreign_registration_number", "외국인등록번호", "rrn", NULL};
static const char *const kr_rrn_context[] = {"주민등록번호", "rrn", NULL};
static const char *const kr_rrn_examples[] = {"850315-1234566", "920817-2123451", "0105053456781", NULL};
static const char *const kr_frn_examples[] = {"880101-5123450", "030708-7234561", "8801015123450", NULL};
static const char *const kr_rrn_counter[] = {"8503151234567", "851315-1234563", "850315-5234562", "0105053456782",
                                             NULL};
static const char *const kr_frn_counter[] = {"8801015123451", "880230-5123452", "880101-1123454", NULL};

/* ---- JAPAN_MY_NUMBER ----------------------------------------------------------------------- */

static dm_verdict validate_jp_my_number(const dm_span *s)
{
    static const int l444[] = {4, 4, 4};
    if (s->ngroups != 1 && s->ngroups != 3)
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    if (s->norm_len != 12 || !dm_all_digits(d, 12) || dm_dummy_digits(d, 12))
        return DM_NO;
    int sum = 0;
    for (int n = 1; n <= 11; n++)
        sum += (d[11 - n] - '0') * (n <= 6 ? n + 1 : n - 5);
    int r = sum % 11;
    if ((r <= 1 ? 0 : 11 - r) != d[11] - '0' || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_WEAK;
    return printed_as(s, l444, 3) ? DM_MEDIUM : DM_NO;
}

static const char *const jp_mn_shapes[] = {"e:D12/w", "e:D4 D4 D4", "e:D4-D4-D4", NULL};
static const char *const jp_mn_hints[] = {"my_number", "mynumber", "kojin_bango", "kojin_bangou", "kojin_bangoo",
                                          "mai_nanbaa", "mai_nanba", "individual_number", "マイナンバー", "個人番号",
                                          NULL};
static const char *const jp_mn_context[] = {"マイナンバー", "個人番号", "my number", NULL};
static const char *const jp_mn_examples[] = {"1234 5678 9018", "2738-4915-2064", "610293847528", NULL};
static const char *const jp_mn_counter[] = {"1234 5678 9019", "2738-4915-2065", "1111 1111 1111", NULL};

/* ---- SINGAPORE NRIC/FIN / UEN ------------------------------------------------------------------ */

static dm_verdict validate_sg_nric(const dm_span *s)
{
    static const int w[7] = {2, 7, 6, 5, 4, 3, 2};
    const char *d = s->norm;
    if (s->norm_len != 9 || s->ngroups != 1 || !strchr("STFGM", d[0]) || !dm_all_digits(d + 1, 7) ||
        dm_all_same(d + 1, 7))
        return DM_NO;
    int sum = (int)dm_weighted_sum(d + 1, w, 7) + (d[0] == 'T' || d[0] == 'G' ? 4 : d[0] == 'M' ? 3 : 0);
    int r = sum % 11;
    char want = d[0] == 'S' || d[0] == 'T' ? "JZIHGFEDCBA"[r] : d[0] == 'M' ? "KLJNPQRTUWX"[10 - r]
                                                                              : "XWUTRQPNMLK"[r];
    return d[8] == want && !dm_piece_of_longer(s) ? DM_STRONG : DM_NO;
}

static const char *const sg_nric_shapes[] = {"e:L1D7L1", NULL};
static const char *const sg_nric_hints[] = {"nric", "fin", "nric_fin", "nric_number", "uin", "singapore_id",
                                            "identity_card_number", NULL};
static const char *const sg_nric_context[] = {"nric", "fin", NULL};
static const char *const sg_nric_examples[] = {"S1234567D", "t0123456g", "F2345678T", "G3456789T", "M1234567K",
                                               NULL};
static const char *const sg_nric_counter[] = {"S1234567E", "T0123456D", "A1234567D", "S1111111F", NULL};

static dm_verdict validate_sg_uen(const dm_span *s)
{
    const char *d = s->norm;
    size_t n = s->norm_len;
    if (s->ngroups != 1 || !is_upper(d[n - 1]))
        return DM_NO;
    if (n == 9 && dm_all_digits(d, 8) && !dm_dummy_digits(d, 8))
        return DM_WEAK;     /* businesses: 53012345D */
    if (n == 10 && dm_all_digits(d, 9)) {
        int year = value_of(d, 4);
        return year >= 1800 && year <= LATEST_YEAR && !dm_dummy_digits(d + 4, 5) ? DM_WEAK : DM_NO;
    }
    if (n == 10 && strchr("TSR", d[0]) && is_digit(d[1]) && is_digit(d[2]) && is_upper(d[3]) && is_upper(d[4]) &&
        dm_all_digits(d + 5, 4))
        return DM_WEAK;     /* T09LL0001B */
    return DM_NO;
}

static const char *const sg_uen_shapes[] = {"e:D8L1/w", "e:D9L1/w", "e:L1D2L2D4L1", NULL};
static const char *const sg_uen_hints[] = {"uen", "unique_entity_number", "uen_number", "acra_uen",
                                           "company_registration_number_sg", NULL};
static const char *const sg_uen_context[] = {"uen", NULL};
static const char *const sg_uen_examples[] = {"53012345D", "201934785K", "T09LL0001B", NULL};
static const char *const sg_uen_counter[] = {"11111111D", "170012345K", "X09LL0001B", NULL};

/* ---- MALAYSIA_MYKAD_NUMBER ------------------------------------------------------------------------ */

static bool my_place(int pb)
{
    return (pb >= 1 && pb <= 16) || (pb >= 21 && pb <= 68) || pb == 71 || pb == 72 || (pb >= 74 && pb <= 79) ||
           (pb >= 82 && pb <= 93) || pb == 98 || pb == 99;
}

static dm_verdict validate_my_mykad(const dm_span *s)
{
    static const int l624[] = {6, 2, 4};
    if (s->ngroups != 1 && s->ngroups != 3)
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    if (s->norm_len != 12 || !dm_all_digits(d, 12) || !yy_date(two(d), two(d + 2), two(d + 4)) ||
        !my_place(two(d + 6)) || dm_dummy_digits(d + 8, 4) || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_WEAK;     /* a date and a place code, no check */
    return dm_layout_is(s, l624, 3) && joiners_are(s, '-') ? DM_MEDIUM : DM_NO;
}

static const char *const my_mykad_shapes[] = {"e:D12/w", "e:D6-D2-D4", NULL};
static const char *const my_mykad_hints[] = {"mykad", "ic_number", "no_kp", "nombor_kad_pengenalan", "kad_pengenalan",
                                             "nric_my", "ic_no", "mykad_number", NULL};
static const char *const my_mykad_context[] = {"mykad", "no. k/p", "kad pengenalan", NULL};
static const char *const my_mykad_examples[] = {"850315-14-5231", "920817-10-6248", "010505-01-1372", NULL};
static const char *const my_mykad_counter[] = {
    "851315-14-5231",   /* month 13 */
    "850315-19-5231",   /* place 19 unused */
    "850315-14-0000",
    NULL};

/* ---- THAILAND_PERSONAL_IDENTIFICATION_NUMBER -------------------------------------------------------- */

static dm_verdict validate_th_pid(const dm_span *s)
{
    static const int w[12] = {13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2};
    static const int l14521[] = {1, 4, 5, 2, 1};
    if (s->ngroups != 1 && s->ngroups != 5)
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    if (s->norm_len != 13 || !dm_all_digits(d, 13) || d[0] < '1' || d[0] > '8' || dm_dummy_digits(d, 13) ||
        (11 - dm_weighted_sum(d, w, 12) % 11) % 10 != (unsigned)(d[12] - '0') || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_WEAK;     /* 1 in 10; EAN-13 barcodes are 13 digits too */
    return printed_as(s, l14521, 5) ? DM_MEDIUM : DM_NO;
}

static const char *const th_pid_shapes[] = {"e:D13/w", "e:D1-D4-D5-D2-D1", "e:D1 D4 D5 D2 D1", NULL};
static const char *const th_pid_hints[] = {"thai_id", "citizen_id", "id_card_thai", "lek_prachachon",
                                           "เลขประจำตัวประชาชน", "เลขบัตรประชาชน", "thai_national_id", NULL};
static const char *const th_pid_context[] = {"เลขประจำตัวประชาชน", "thai id", NULL};
static const char *const th_pid_examples[] = {"1-1017-00203-45-0", "3 1006 00123 45 0", "5712345609821", NULL};
static const char *const th_pid_counter[] = {"1-1017-00203-45-1", "9-1017-00203-45-0", "1-1111-11111-11-1", NULL};

/* ---- INDONESIA_IDENTITY_CARD_NUMBER (NIK) ------------------------------------------------------------- */

static bool id_province(int p)
{
    return (p >= 11 && p <= 19) || p == 21 || (p >= 31 && p <= 36) || (p >= 51 && p <= 53) ||
           (p >= 61 && p <= 65) || (p >= 71 && p <= 76) || p == 81 || p == 82 || (p >= 91 && p <= 96);
}

static dm_verdict validate_id_nik(const dm_span *s)
{
    const char *d = s->norm;
    if (s->norm_len != 16 || s->ngroups != 1 || !dm_all_digits(d, 16) || !id_province(two(d)) ||
        two(d + 2) == 0 || two(d + 4) == 0)
        return DM_NO;
    int dd = two(d + 6);
    if (dd > 40)
        dd -= 40;
    if (!yy_date(two(d + 10), two(d + 8), dd) || value_of(d + 12, 4) == 0 || dm_piece_of_longer(s))
        return DM_NO;
    return DM_WEAK;     /* no check digit */
}

static const char *const id_nik_shapes[] = {"e:D16/w", NULL};
static const char *const id_nik_hints[] = {"nik", "nomor_induk_kependudukan", "no_ktp", "ktp", "nomor_ktp",
                                           "nik_ktp", NULL};
static const char *const id_nik_context[] = {"nik", "ktp", NULL};
static const char *const id_nik_examples[] = {"3171014503850002", "3273011708920011", "5171035112990003", NULL};
static const char *const id_nik_counter[] = {
    "9971014503850002", /* province 99 */
    "3171013213850002", /* day 32, month 13 */
    "3171014503850000", /* serial 0000 */
    NULL};

/* ---- AUSTRALIA ------------------------------------------------------------------------------------ */

static const int l333[] = {3, 3, 3};

static dm_verdict validate_au_tfn(const dm_span *s)
{
    static const int w[9] = {1, 4, 3, 7, 5, 8, 6, 9, 10};
    if (s->ngroups != 1 && s->ngroups != 3)
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    if (s->norm_len != 9 || !dm_all_digits(d, 9) || dm_dummy_digits(d, 9) || dm_weighted_sum(d, w, 9) % 11 != 0 ||
        dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_WEAK;
    return printed_as(s, l333, 3) ? DM_MEDIUM : DM_NO;
}

static const char *const au_tfn_shapes[] = {"e:D9/w", "e:D3 D3 D3", "e:D3-D3-D3", NULL};
static const char *const au_tfn_hints[] = {"tfn", "tax_file_number", "tfn_number", "australian_tfn", NULL};
static const char *const au_tfn_context[] = {"tfn", "tax file", NULL};
static const char *const au_tfn_examples[] = {"123 456 782", "314-159-262", "456789328", NULL};
static const char *const au_tfn_counter[] = {"123 456 783", "876-543-211", "111 111 111", NULL};

static dm_verdict validate_au_abn(const dm_span *s)
{
    static const int w[11] = {10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19};
    static const int l2333[] = {2, 3, 3, 3};
    if (s->ngroups != 1 && s->ngroups != 4)
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    if (s->norm_len != 11 || !dm_all_digits(d, 11) || d[0] == '0' || dm_dummy_digits(d, 11))
        return DM_NO;
    unsigned sum = dm_weighted_sum(d, w, 11) - 10;  /* 1 off the first digit */
    if (sum % 89 != 0 || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_MEDIUM;   /* 1 in 89 */
    return printed_as(s, l2333, 4) ? DM_STRONG : DM_NO;
}

static const char *const au_abn_shapes[] = {"e:D11", "e:D2 D3 D3 D3", "e:D2-D3-D3-D3", NULL};
static const char *const au_abn_hints[] = {"abn", "australian_business_number", "abn_number", NULL};
static const char *const au_abn_context[] = {"abn", NULL};
static const char *const au_abn_examples[] = {"51 824 753 556", "53 004 085 616", "81602456821", NULL};
static const char *const au_abn_counter[] = {"51 824 753 557", "52 004 085 616", "11 111 111 111", NULL};

static dm_verdict validate_au_acn(const dm_span *s)
{
    static const int w[8] = {8, 7, 6, 5, 4, 3, 2, 1};
    if (s->ngroups != 1 && s->ngroups != 3)
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    if (s->norm_len != 9 || !dm_all_digits(d, 9) || dm_all_same(d, 9) ||
        (10 - dm_weighted_sum(d, w, 8) % 10) % 10 != (unsigned)(d[8] - '0') || dm_piece_of_longer(s))
        return DM_NO;
    /* 1 in 10, in the layout SIN and TFN print too: only under an ACN name */
    return s->ngroups == 1 || printed_as(s, l333, 3) ? DM_WEAK : DM_NO;
}

static const char *const au_acn_shapes[] = {"e:D9/w", "e:D3 D3 D3", "e:D3-D3-D3", NULL};
static const char *const au_acn_hints[] = {"acn", "australian_company_number", "acn_number", NULL};
static const char *const au_acn_context[] = {"acn", NULL};
static const char *const au_acn_examples[] = {"000 000 019", "004 085 616", "010499966", NULL};
static const char *const au_acn_counter[] = {"000 000 018", "004 085 617", "111 111 111", NULL};

static dm_verdict validate_au_medicare(const dm_span *s)
{
    static const int w[8] = {1, 3, 7, 9, 1, 3, 7, 9};
    static const int l451[] = {4, 5, 1};
    if (s->ngroups != 1 && s->ngroups != 3)
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    if (s->norm_len != 10 || !dm_all_digits(d, 10) || d[0] < '2' || d[0] > '6' || d[9] == '0' ||
        dm_weighted_sum(d, w, 8) % 10 != (unsigned)(d[8] - '0') || dm_dummy_digits(d, 9) || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_WEAK;
    return printed_as(s, l451, 3) ? DM_MEDIUM : DM_NO;
}

static const char *const au_medicare_shapes[] = {"e:D10/w", "e:D4 D5 D1", "e:D4-D5-D1", NULL};
static const char *const au_medicare_hints[] = {"medicare", "medicare_number", "medicare_card", "medicare_no", NULL};
static const char *const au_medicare_context[] = {"medicare", NULL};
static const char *const au_medicare_examples[] = {"2123 45670 1", "2948 37100 2", "4058726151", NULL};
static const char *const au_medicare_counter[] = {"2123 45671 1", "7123 45670 1", "2123 45670 0", NULL};

/* ---- NEW ZEALAND ------------------------------------------------------------------------------------ */

static bool ird_ok(const char *d9)
{
    static const int w1[8] = {3, 2, 7, 6, 5, 4, 3, 2}, w2[8] = {7, 4, 3, 2, 5, 2, 7, 6};
    int r = (int)(dm_weighted_sum(d9, w1, 8) % 11);
    int c = r == 0 ? 0 : 11 - r;
    if (c == 10) {
        r = (int)(dm_weighted_sum(d9, w2, 8) % 11);
        c = r == 0 ? 0 : 11 - r;
        if (c == 10)
            return false;
    }
    return c == d9[8] - '0';
}

static dm_verdict validate_nz_ird(const dm_span *s)
{
    static const int l233[] = {2, 3, 3};
    if (s->ngroups != 1 && s->ngroups != 3)
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    size_t n = s->norm_len;
    if ((n != 8 && n != 9) || !dm_all_digits(d, n) || dm_dummy_digits(d, n))
        return DM_NO;
    char d9[9];
    d9[0] = '0';
    memcpy(d9 + 9 - n, d, n);
    int v = value_of(d9, 8);    /* the number without its check digit */
    if (v < 1000000 || v > 15000000 || !ird_ok(d9) || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_WEAK;
    return (n == 8 ? dm_layout_is(s, l233, 3) : dm_layout_is(s, l333, 3)) && joiners_are(s, '-') ? DM_MEDIUM : DM_NO;
}

static const char *const nz_ird_shapes[] = {"e:D8/w", "e:D9/w", "e:D2-D3-D3", "e:D3-D3-D3", NULL};
static const char *const nz_ird_hints[] = {"ird", "ird_number", "irdnumber", "inland_revenue_number",
                                           "nz_tax_number", "tax_number_nz", NULL};
static const char *const nz_ird_context[] = {"ird", NULL};
static const char *const nz_ird_examples[] = {"49-091-850", "35-901-981", "49098576", "136-410-132", NULL};
static const char *const nz_ird_counter[] = {"49-091-851", "136-410-133", "9-123-456", "11-111-111", NULL};

static int nhi_value(char c)
{
    if (is_digit(c))
        return c - '0';
    if (!is_upper(c) || c == 'I' || c == 'O')
        return -1;
    return c - 'A' + 1 - (c > 'I') - (c > 'O');
}

static dm_verdict validate_nz_nhi(const dm_span *s)
{
    const char *d = s->norm;
    if (s->norm_len != 7 || s->ngroups != 1 || d[0] == 'Z')   /* Z: test numbers */
        return DM_NO;
    int sum = 0;
    for (int i = 0; i < 6; i++) {
        int v = nhi_value(d[i]);
        if (v < 0 || (i < 3 && is_digit(d[i])) || ((i == 3 || i == 4) && !is_digit(d[i])))
            return DM_NO;
        sum += v * (7 - i);
    }
    if (is_digit(d[5])) {   /* AAANNNC */
        int r = sum % 11;
        return r != 0 && (11 - r) % 10 == d[6] - '0' ? DM_MEDIUM : DM_NO;
    }
    if (nhi_value(d[6]) <= 0 || is_digit(d[6]))  /* AAANNAX */
        return DM_NO;
    return 24 - sum % 24 == nhi_value(d[6]) ? DM_MEDIUM : DM_NO;
}

static const char *const nz_nhi_shapes[] = {"e:L3D4", "e:L3D2L2", NULL};
static const char *const nz_nhi_hints[] = {"nhi", "nhi_number", "national_health_index", "nhi_no", NULL};
static const char *const nz_nhi_context[] = {"nhi", NULL};
static const char *const nz_nhi_examples[] = {"WLD9413", "ABC1235", "kxp4823", "ABC12DV", "HNT90WK", NULL};
static const char *const nz_nhi_counter[] = {"WLD9414", "ABC12DW", "ZAC5361", "IBC1235", NULL};

/* ---- SRI_LANKA_NATIONAL_IDENTIFICATION_NUMBER -------------------------------------------------------- */

static bool lk_day(int ddd)
{
    return (ddd >= 1 && ddd <= 366) || (ddd >= 501 && ddd <= 866);
}

static dm_verdict validate_lk_nic(const dm_span *s)
{
    const char *d = s->norm;
    size_t n = s->norm_len;
    if (s->ngroups != 1 || dm_piece_of_longer(s))
        return DM_NO;
    if (n == 10) {  /* YYDDDSSSC + V/X */
        if (!dm_all_digits(d, 9) || (d[9] != 'V' && d[9] != 'X') || !lk_day(three(d + 2)) || dm_dummy_digits(d, 9))
            return DM_NO;
        return DM_MEDIUM;
    }
    if (n != 12 || !dm_all_digits(d, 12))
        return DM_NO;
    int year = value_of(d, 4);
    if (year < 1900 || year > LATEST_YEAR || !lk_day(three(d + 4)) || dm_dummy_digits(d + 7, 5))
        return DM_NO;
    return DM_WEAK;
}

static const char *const lk_nic_shapes[] = {"e:D9L1", "e:D12/w", NULL};
static const char *const lk_nic_hints[] = {"nic", "nic_number", "nic_no", "national_identity_card",
                                           "sri_lanka_nic", "jathika_handunumpath", NULL};
static const char *const lk_nic_context[] = {"nic", NULL};
static const char *const lk_nic_examples[] = {"853400937V", "925871234X", "199034000937", NULL};
static const char *const lk_nic_counter[] = {"853700937V", "850004567V", "199037001234", NULL};

/* ---- passports and driving licences: format only ------------------------------------------------ *
 * Passport numbers carry no check digit outside the MRZ: their formats (as the
 * issuing states print them; PRADO and the ICAO 9303 data pages) only
 * narrow the shape, so they are WEAK and count only under the country's own
 * words for the document (DM_ENT_NEEDS_HINT): a generic "passport_number"
 * column names no country. */

/* The norm follows one of the patterns ('D' digit, 'L' letter, a literal
 * upper-case letter itself), as one group, with its digits not all zero. */
static bool doc_like(const dm_span *s, const char *const *patterns)
{
    if (s->ngroups != 1 || dm_piece_of_longer(s))
        return false;
    for (const char *const *p = patterns; *p; p++) {
        size_t n = strlen(*p);
        bool ok = s->norm_len == n, nonzero = false;
        for (size_t i = 0; ok && i < n; i++) {
            char c = s->norm[i], want = (*p)[i];
            ok = want == 'D' ? is_digit(c) : want == 'L' ? is_upper(c) : c == want;
            nonzero = nonzero || (is_digit(c) && c != '0');
        }
        if (ok && nonzero)
            return true;
    }
    return false;
}

#define DOC(pfx, ...) \
    static const char *const pfx##_patterns[] = {__VA_ARGS__, NULL}; \
    static dm_verdict validate_##pfx(const dm_span *s) \
    { \
        return doc_like(s, pfx##_patterns) ? DM_WEAK : DM_NO; \
    }

DOC(au_pp, "LDDDDDDD", "LLDDDDDDD")
static const char *const au_pp_shapes[] = {"e:L1D7", "e:L2D7", NULL};
static const char *const au_pp_hints[] = {"australian_passport", "au_passport", "passport_au",
                                          "australian_passport_number", NULL};
static const char *const au_pp_context[] = {"australian passport", NULL};
static const char *const au_pp_examples[] = {"N4829173", "PA8273641", "e2938475", NULL};
static const char *const au_pp_counter[] = {"N0000000", "N48291735", "4829173N", NULL};

DOC(jp_pp, "LLDDDDDDD")
static const char *const jp_pp_shapes[] = {"e:L2D7", NULL};
static const char *const jp_pp_hints[] = {"japanese_passport", "ryoken_bango", "jp_passport", "旅券番号",
                                          "パスポート番号", NULL};
static const char *const jp_pp_context[] = {"旅券番号", "パスポート", NULL};
static const char *const jp_pp_examples[] = {"TK8273641", "MZ2938475", "tr1029384", NULL};
static const char *const jp_pp_counter[] = {"TK0000000", "T82736415", "TK827364", NULL};

DOC(kr_pp, "LDDDDDDDD", "LDDDLDDDD")
static const char *const kr_pp_shapes[] = {"e:L1D8", "e:L1D3L1D4", NULL};
static const char *const kr_pp_hints[] = {"korean_passport", "yeokwon_beonho", "kr_passport", "여권번호", NULL};
static const char *const kr_pp_context[] = {"여권번호", NULL};
static const char *const kr_pp_examples[] = {"M82736419", "M293A8475", "s10293847", NULL};
static const char *const kr_pp_counter[] = {"M00000000", "MM2736419", "M293AB475", NULL};

DOC(cn_pp, "EDDDDDDDD", "ELDDDDDDD", "GDDDDDDDD")
static const char *const cn_pp_shapes[] = {"e:L1D8", "e:L2D7", NULL};
static const char *const cn_pp_hints[] = {"chinese_passport", "huzhao_haoma", "cn_passport", "护照号码", "护照号",
                                          NULL};
static const char *const cn_pp_context[] = {"护照", NULL};
static const char *const cn_pp_examples[] = {"E82736419", "EA2938475", "g10293847", NULL};
static const char *const cn_pp_counter[] = {"A82736419", "E00000000", "EA293847", NULL};

DOC(sg_pp, "EDDDDDDDL", "KDDDDDDDL")
static const char *const sg_pp_shapes[] = {"e:L1D7L1", NULL};
static const char *const sg_pp_hints[] = {"singapore_passport", "sg_passport", "singapore_passport_number", NULL};
static const char *const sg_pp_context[] = {"singapore passport", NULL};
static const char *const sg_pp_examples[] = {"E8273641K", "K2938475A", "e1029384j", NULL};
static const char *const sg_pp_counter[] = {"S8273641K", "E0000000K", "E82736415", NULL};

DOC(my_pp, "ADDDDDDDD", "HDDDDDDDD", "KDDDDDDDD")
static const char *const my_pp_shapes[] = {"e:L1D8", NULL};
static const char *const my_pp_hints[] = {"malaysian_passport", "nombor_pasport", "no_pasport", "pasport",
                                          "my_passport", NULL};
static const char *const my_pp_context[] = {"pasport", NULL};
static const char *const my_pp_examples[] = {"A82736419", "H29384756", "k10293847", NULL};
static const char *const my_pp_counter[] = {"B82736419", "A00000000", "A8273641", NULL};

DOC(tw_pp, "DDDDDDDDD")
static const char *const tw_pp_shapes[] = {"e:D9/w", NULL};
static const char *const tw_pp_hints[] = {"taiwan_passport", "tw_passport", "huzhao_haoma_tw", "護照號碼", NULL};
static const char *const tw_pp_context[] = {"護照", NULL};
static const char *const tw_pp_examples[] = {"382736419", "329384756", "310293847", NULL};
static const char *const tw_pp_counter[] = {"000000000", "38273641", "3827364190", NULL};

DOC(th_pp, "LLDDDDDDD")
static const char *const th_pp_shapes[] = {"e:L2D7", NULL};
static const char *const th_pp_hints[] = {"thai_passport", "th_passport", "nangsue_doenthang", "หนังสือเดินทาง",
                                          NULL};
static const char *const th_pp_context[] = {"หนังสือเดินทาง", NULL};
static const char *const th_pp_examples[] = {"AA8273641", "AB2938475", "aa1029384", NULL};
static const char *const th_pp_counter[] = {"AA0000000", "A82736419", "AA827364", NULL};

DOC(ph_pp, "PDDDDDDDL", "LLDDDDDDD")
static const char *const ph_pp_shapes[] = {"e:L1D7L1", "e:L2D7", NULL};
static const char *const ph_pp_hints[] = {"philippine_passport", "ph_passport", "philippines_passport",
                                          "pasaporte_ph", NULL};
static const char *const ph_pp_context[] = {"philippine passport", NULL};
static const char *const ph_pp_examples[] = {"P8273641A", "EB2938475", "p1029384b", NULL};
static const char *const ph_pp_counter[] = {"Q8273641A", "P0000000A", "P82736415", NULL};

/* LTO licence numbers: office letter and 2 digits, year 2 digits, 6-digit serial (N01-12-345678). */
static dm_verdict validate_ph_dl(const dm_span *s)
{
    static const int l326[] = {3, 2, 6};
    const char *d = s->norm;
    if (s->norm_len != 11 || !is_upper(d[0]) || !dm_all_digits(d + 1, 10) || dm_dummy_digits(d + 5, 6) ||
        dm_piece_of_longer(s))
        return DM_NO;
    return s->ngroups == 1 || (dm_layout_is(s, l326, 3) && joiners_are(s, '-')) ? DM_WEAK : DM_NO;
}

static const char *const ph_dl_shapes[] = {"c:L1D10", NULL};
static const char *const ph_dl_hints[] = {"lto_license", "lto_license_number", "philippine_drivers_license",
                                          "ph_drivers_license", "ph_driving_license", NULL};
static const char *const ph_dl_context[] = {"lto", NULL};
static const char *const ph_dl_examples[] = {"N01-12-827364", "D2319293847", "n04-98-102938", NULL};
static const char *const ph_dl_counter[] = {"N01-12-111111", "N0-112-827364", "NN1-12-827364", NULL};

/* ---- table ------------------------------------------------------------------------------------------ */

#define kr_frn_shapes kr_rrn_shapes  /* names the ENTITY macro pastes */
#define kr_frn_context kr_rrn_context

const dm_entity_def dm_entities_asia_pacific[] = {
    ENTITY("INDIA_AADHAAR_NUMBER", "IN", DM_CAT_NATIONAL_ID, "Indian Aadhaar: 12 digits, first 2-9, Verhoeff check",
           in_aadhaar, validate_in_aadhaar, 0),
    ENTITY("INDIA_PERMANENT_ACCOUNT_NUMBER", "IN", DM_CAT_TAX_ID,
           "Indian PAN: 5 letters (4th the holder type), 4 digits, 1 letter", in_pan, validate_in_pan, 0),
    ENTITY("CHINA_IDENTIFICATION", "CN", DM_CAT_NATIONAL_ID,
           "Chinese resident identity card: region, YYYYMMDD, order, ISO 7064 MOD 11-2 (0-9 or X)", cn_id,
           validate_cn_id, 0),
    ENTITY("HONG_KONG_IDENTITY_CARD", "HK", DM_CAT_NATIONAL_ID, "Hong Kong identity card: A123456(3), mod-11 check (0-9, A)",
           hk_id, validate_hk_id, 0),
    ENTITY("MACAU_RESIDENT_IDENTITY_CARD", "MO", DM_CAT_NATIONAL_ID,
           "Macau resident identity card (BIR): 1/5/7 + 6 digits + control; under a BIR name only", mo_bir,
           validate_mo_bir, DM_ENT_NEEDS_HINT),
    ENTITY("TAIWAN_NATIONAL_IDENTIFICATION_NUMBER", "TW", DM_CAT_NATIONAL_ID,
           "Taiwanese national ID: place letter, sex digit, 7 digits, check", tw_id, validate_tw_id, 0),
    ENTITY("KOREA_RESIDENCE_REGISTRATION_NUMBER_FOR_CITIZENS", "KR", DM_CAT_NATIONAL_ID,
           "Korean resident registration number (sex digit 1-4, 9, 0): YYMMDD-GNNNNNC", kr_rrn, validate_kr_citizen,
           0),
    ENTITY("KOREA_RESIDENCE_REGISTRATION_NUMBER_FOR_FOREIGNERS", "KR", DM_CAT_NATIONAL_ID,
           "Korean foreigner registration number (sex digit 5-8): YYMMDD-GNNNNNC", kr_frn, validate_kr_foreigner, 0),
    ENTITY("JAPAN_MY_NUMBER", "JP", DM_CAT_NATIONAL_ID, "Japanese individual number (My Number): 12 digits, mod-11 check",
           jp_mn, validate_jp_my_number, 0),
    ENTITY("SINGAPORE_NATIONAL_REGISTRY_IDENTIFICATION_NUMBER", "SG", DM_CAT_NATIONAL_ID,
           "Singapore NRIC/FIN: S/T/F/G/M + 7 digits + check letter", sg_nric, validate_sg_nric, 0),
    ENTITY("SINGAPORE_UNIQUE_ENTITY_NUMBER", "SG", DM_CAT_TAX_ID,
           "Singapore UEN (business, company, other entity formats); under a UEN name only", sg_uen, validate_sg_uen,
           DM_ENT_NEEDS_HINT),
    ENTITY("MALAYSIA_MYKAD_NUMBER", "MY", DM_CAT_NATIONAL_ID, "Malaysian MyKad: YYMMDD-PB-NNNN, place-of-birth code", my_mykad,
           validate_my_mykad, 0),
    ENTITY("THAILAND_PERSONAL_IDENTIFICATION_NUMBER", "TH", DM_CAT_NATIONAL_ID,
           "Thai citizen ID: 1-2345-67890-12-1, mod-11 check", th_pid, validate_th_pid, 0),
    ENTITY("INDONESIA_IDENTITY_CARD_NUMBER", "ID", DM_CAT_NATIONAL_ID,
           "Indonesian NIK: region, DDMMYY (+40 women), serial; no check", id_nik, validate_id_nik, 0),
    ENTITY("AUSTRALIA_TAX_FILE_NUMBER", "AU", DM_CAT_TAX_ID, "Australian TFN: 9 digits, weighted mod 11", au_tfn,
           validate_au_tfn, 0),
    ENTITY("AUSTRALIA_BUSINESS_NUMBER", "AU", DM_CAT_TAX_ID, "Australian ABN: 11 digits, weighted mod 89", au_abn,
           validate_au_abn, 0),
    ENTITY("AUSTRALIA_COMPANY_NUMBER", "AU", DM_CAT_TAX_ID, "Australian ACN: 9 digits, weighted mod 10; under an ACN name",
           au_acn, validate_au_acn, 0),
    ENTITY("AUSTRALIA_MEDICARE_NUMBER", "AU", DM_CAT_HEALTH,
           "Australian Medicare card number: 10 digits, weighted check, issue number", au_medicare,
           validate_au_medicare, 0),
    ENTITY("NEW_ZEALAND_TAX_IDENTIFICATION_NUMBER", "NZ", DM_CAT_TAX_ID, "New Zealand IRD number: 8-9 digits, mod 11",
           nz_ird, validate_nz_ird, 0),
    ENTITY("NEW_ZEALAND_NATIONAL_HEALTH_INDEX_NUMBER", "NZ", DM_CAT_HEALTH,
           "New Zealand NHI: AAANNNC (mod 11) or AAANNAX (mod 24)", nz_nhi, validate_nz_nhi, 0),
    ENTITY("SRI_LANKA_NATIONAL_IDENTIFICATION_NUMBER", "LK", DM_CAT_NATIONAL_ID,
           "Sri Lankan NIC: YYDDDSSSC + V/X, or YYYYDDDSSSSC (day of year, +500 women)", lk_nic, validate_lk_nic, 0),
#define PASSPORT(nm, reg, desc, pfx) \
    ENTITY(nm, reg, DM_CAT_PASSPORT, desc, pfx, validate_##pfx, DM_ENT_NEEDS_HINT)
    PASSPORT("AUSTRALIA_PASSPORT_NUMBER", "AU", "Australian passport: 1-2 letters, 7 digits (under its name)", au_pp),
    PASSPORT("JAPAN_PASSPORT_NUMBER", "JP", "Japanese passport: 2 letters, 7 digits (under its name)", jp_pp),
    PASSPORT("KOREA_PASSPORT_NUMBER", "KR", "Korean passport: letter + 8 digits, or M123A4567 (under its name)", kr_pp),
    PASSPORT("CHINA_PASSPORT_NUMBER", "CN", "Chinese passport: E + 8 digits or EA + 7 digits (under its name)", cn_pp),
    PASSPORT("SINGAPORE_PASSPORT_NUMBER", "SG", "Singapore passport: E/K + 7 digits + letter (under its name)", sg_pp),
    PASSPORT("MALAYSIA_PASSPORT_NUMBER", "MY", "Malaysian passport: A/H/K + 8 digits (under its name)", my_pp),
    PASSPORT("TAIWAN_PASSPORT_NUMBER", "TW", "Taiwanese passport: 9 digits (under its name)", tw_pp),
    PASSPORT("THAILAND_PASSPORT_NUMBER", "TH", "Thai passport: 2 letters, 7 digits (under its name)", th_pp),
    PASSPORT("PHILIPPINES_PASSPORT_NUMBER", "PH", "Philippine passport: P + 7 digits + letter, or 2 letters + 7 digits"
             " (under its name)", ph_pp),
    ENTITY("PHILIPPINES_DRIVING_LICENSE", "PH", DM_CAT_DRIVERS_LICENSE,
           "Philippine LTO driver's license: N01-12-345678 (under its name)", ph_dl, validate_ph_dl, DM_ENT_NEEDS_HINT),
    {0},
};
