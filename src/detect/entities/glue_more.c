/*
 * The last Glue names: numbers of several regions that no other file held.
 * Where the issuer publishes a check it is applied; the rest are formats
 * only, WEAK and counted only under the country's own words for them
 * (DM_ENT_NEEDS_HINT), never under a generic "id_number" or "phone".
 *
 * With a check (rules as the issuing bodies describe them, in our words):
 *   AT Steuernummer   Bundesministerium für Finanzen: 2-digit tax office, 6
 *                     digits, 1 check digit; the check is Luhn's (every second
 *                     digit from the left doubled, digits of the products
 *                     summed, total a multiple of 10). Printed "12-345/6789" or
 *                     "12 345/6789". Luhn alone is 1 in 10: bare it is WEAK.
 *   UA РНОКПП (ІПН)   ДПС України: 10 digits; the first five count the days
 *                     from 31.12.1899 to the birth date, the ninth is odd for
 *                     men, the tenth = (-1 5 7 9 4 6 10 5 7 weighted sum of the
 *                     first nine) mod 11 mod 10.
 *   CH Versicherten-  Verordnung über die Versichertenkarte (VVK) with ISO/IEC
 *   karte             7812-1: a 20-digit card number, 80 (health) + 756
 *                     (Switzerland) + issuer + serial, Luhn check digit last.
 *   CA PHN            British Columbia Ministry of Health: 10 digits, first 9;
 *                     digits 2-9 times 2 4 8 5 10 9 7 3, each product mod 11,
 *                     summed; the last digit is 11 - sum mod 11 (10 and 11
 *                     never issued). Ontario's health number (OHIP): 10 digits,
 *                     Luhn, optionally a 2-letter version code; Luhn alone is
 *                     1 in 10, so Ontario's bare number is WEAK.
 *   PL SSN            ZUS identifies the insured by the PESEL (europe_ids.c):
 *                     the PESEL under a social-insurance column name.
 *   CN phone numbers  MIIT numbering plan: mobiles 1[3-9] + 9 digits; fixed
 *                     lines a trunk 0, area code 10 / 2X (8-digit subscriber)
 *                     or 3XX-9XX (7-8 digits); +86 / 0086 before either
 *                     without the trunk 0. A bare mobile is WEAK (any 11 digits
 *                     starting 13-19 pass); 3-4-4 printed MEDIUM; +86 STRONG.
 *   CN plates         GA 36 (Ministry of Public Security): the province's
 *                     one-character abbreviation, the issuing office's letter,
 *                     5 letters/digits (6 for new-energy vehicles), I and O
 *                     never used after the office letter; 4 + 学 警 港 澳 挂 领
 *                     for special plates. A format without a check, but a
 *                     Chinese character followed by this layout is rare
 *                     outside plates: MEDIUM.
 *
 * Formats only (public descriptions of the numbers; best efforts marked *):
 *   MT ID card        Identity Malta: up to 7 digits and a letter, M G A P L H
 *                     B Z (the letter says the register). The Maltese TIN of an
 *                     individual is the ID card number (OECD TIN sheet).
 *   LI PEID           Personenidentifikationsnummer: up to 12 digits, also the
 *                     TIN for individuals (Steuerverwaltung, OECD TIN sheet).
 *   CY ID card        Αριθμός ταυτότητας: up to 10 digits (*).
 *   HR osobna         Croatian identity card number: 9 digits.
 *   iskaznica
 *   IS VSK-númer      Skatturinn: 5 or 6 digits, sometimes "IS" before.
 *   CA UCI            IRCC's client identifier on the PR card: 8 digits
 *                     (1234-5678) or 10 (12-3456-7890).
 *   CA photo ID       provincial photo identity cards (*: formats differ by
 *                     province; a letter and 8-14 digits, or 7-12 digits).
 *   JP 口座番号       Zengin format: 7-digit account, optionally after the
 *                     3-digit branch and 4-digit bank codes.
 *   BR conta          bank's account number and its verifier digit (0-9 or X)
 *                     after a hyphen; the verifier's rule differs per bank.
 *   CN 回乡证         Mainland Travel Permit for HK/Macao residents: H or M +
 *                     8 digits (10 on older cards).
 *   CN 台胞证         Mainland Travel Permit for Taiwan residents: 8 digits
 *                     (10 on older cards).
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "detect/entities/entity_impl.h"

#define L(...) {__VA_ARGS__, NULL}

/* Every joiner of the span is one character, all the same. */
static bool one_joiner(const dm_span *s)
{
    for (int i = 1; i < s->ngroups; i++)
        if (s->seplen[i] != 1 || s->sep[i] != s->sep[1])
            return false;
    return true;
}

/* Validators of format-only numbers: the patterns and an optional check of
 * the norm (as documents.c). */

/* ---- AUSTRIA_TAX_IDENTIFICATION_NUMBER ------------------------------------------------ */

static dm_verdict validate_at_tin(const dm_span *s)
{
    static const int l234[] = {2, 3, 4};
    const char *d = s->norm;
    if (s->norm_len != 9 || !dm_all_digits(d, 9) || dm_dummy_digits(d, 9))
        return DM_NO;
    bool printed = dm_layout_is(s, l234, 3) && s->sep[2] == '/' && (s->sep[1] == '-' || s->sep[1] == ' ') &&
                   s->seplen[1] == 1 && s->seplen[2] == 1;
    if ((s->ngroups != 1 && !printed) || !dm_luhn(d, 9) || dm_piece_of_longer(s))
        return DM_NO;
    return printed ? DM_MEDIUM : DM_WEAK;
}

static const char *const at_tin_shapes[] = L("e:D9/w", "e:D2-D3/D4", "e:D2 D3/D4");
static const char *const at_tin_hints[] = L("steuernummer", "steuer_nr", "steuernr", "abgabenkontonummer",
                                            "austrian_tax_id", "austrian_tin", "at_tin");
static const char *const at_tin_context[] = L("steuernummer", "st.nr", "stnr");
static const char *const at_tin_examples[] = L("59-119/9013", "12 345/6782", "461234569");
static const char *const at_tin_counter[] = L("59-119/9014", "12 345/6783", "11-111/1111");

/* ---- UKRAINE_INDIVIDUAL_IDENTIFICATION_NUMBER (РНОКПП) -------------------------------- */

static dm_verdict validate_ua_rnokpp(const dm_span *s)
{
    static const int w[9] = {-1, 5, 7, 9, 4, 6, 10, 5, 7};
    const char *d = s->norm;
    if (s->norm_len != 10 || s->ngroups != 1 || !dm_all_digits(d, 10))
        return DM_NO;
    int days = dm_digits_value(d, 5);
    if (days < 1 || days > 47600)   /* 1900-01-01 .. 2030 */
        return DM_NO;
    int sum = 0;
    for (int i = 0; i < 9; i++)
        sum += w[i] * (d[i] - '0');
    if (((sum % 11 + 11) % 11) % 10 != d[9] - '0' || dm_dummy_digits(d, 10) || dm_piece_of_longer(s))
        return DM_NO;
    return DM_MEDIUM;   /* 1 in 10, and a birth-date prefix */
}

static const char *const ua_rnokpp_shapes[] = L("e:D10");
static const char *const ua_rnokpp_hints[] = L("rnokpp", "рнокпп", "РНОКПП", "ipn", "іпн", "ІПН", "инн_украина",
                                               "identyfikatsiinyi_kod", "identifikacijnij_kod",
                                               "идентификационный_код", "ідентифікаційний_код",
                                               "податковий_номер", "podatkovyi_nomer", "ukrainian_tax_id",
                                               "ukraine_individual_id", "ukrainian_tin");
static const char *const ua_rnokpp_context[] = L("рнокпп", "іпн", "ідентифікаційний код", "ipn");
static const char *const ua_rnokpp_examples[] = L("1759013776", "3025412349", "2456789015");
static const char *const ua_rnokpp_counter[] = L("1759013775", "3025412348", "5025412349");

/* ---- SWITZERLAND_HEALTH_INSURANCE_NUMBER (Versichertenkarte) ---------------------------- */

static dm_verdict validate_ch_hic(const dm_span *s)
{
    const char *d = s->norm;
    if (s->norm_len != 20 || !dm_all_digits(d, 20) || memcmp(d, "80756", 5) != 0)
        return DM_NO;
    if ((s->ngroups != 1 && !one_joiner(s)) || !dm_luhn(d, 20) || dm_piece_of_longer(s))
        return DM_NO;
    return DM_STRONG;   /* a fixed 5-digit prefix and Luhn */
}

static const char *const ch_hic_shapes[] = L("e:D20", "e:D5 D5 D5 D5", "e:D5-D5-D5-D5", "e:D5.D5.D5.D5");
static const char *const ch_hic_hints[] = L("versichertenkarte", "versichertenkartennummer", "kartennummer_kvg",
                                            "carte_d_assure", "numero_carte_assure", "tessera_d_assicurato",
                                            "krankenkassenkarte", "swiss_health_insurance_card",
                                            "swiss_health_insurance_number");
static const char *const ch_hic_context[] = L("versichertenkarte", "carte d'assuré", "kvg", "lamal");
static const char *const ch_hic_examples[] = L("80756012345678901237", "80756 00112 23344 55665",
                                               "80756998877665544339");
static const char *const ch_hic_counter[] = L("80756012345678901238", "80757012345678901236",
                                              "80756 00112 23344-55665");

/* ---- CANADA_PERSONAL_HEALTH_NUMBER ------------------------------------------------------ */

static bool bc_phn_ok(const char *d)
{
    static const int w[8] = {2, 4, 8, 5, 10, 9, 7, 3};
    if (d[0] != '9')
        return false;
    int sum = 0;
    for (int i = 0; i < 8; i++)
        sum += (d[i + 1] - '0') * w[i] % 11;
    int c = 11 - sum % 11;
    return c < 10 && c == d[9] - '0';
}

static dm_verdict validate_ca_phn(const dm_span *s)
{
    static const int l433[] = {4, 3, 3}, l4332[] = {4, 3, 3, 2}, l102[] = {10, 2};
    const char *d = s->norm;
    size_t n = s->norm_len;
    if ((n != 10 && n != 12) || !dm_all_digits(d, 10) || dm_dummy_digits(d, 10))
        return DM_NO;
    bool version = n == 12;     /* Ontario's version code */
    if (version && (!is_upper(d[10]) || !is_upper(d[11])))
        return DM_NO;
    bool printed = (version ? dm_layout_is(s, l4332, 4) : dm_layout_is(s, l433, 3)) && one_joiner(s);
    bool plain = s->ngroups == 1 || (version && dm_layout_is(s, l102, 2));
    if ((!printed && !plain) || dm_piece_of_longer(s))
        return DM_NO;
    if (!version && bc_phn_ok(d))
        return printed ? DM_STRONG : DM_MEDIUM;     /* 9 and mod 11: about 1 in 110 */
    if (!dm_luhn(d, 10))
        return DM_NO;
    return version ? DM_MEDIUM : DM_WEAK;
}

static const char *const ca_phn_shapes[] = L("e:D10", "e:D4 D3 D3", "e:D4-D3-D3", "e:D10L2", "e:D10 L2",
                                             "e:D10-L2", "e:D4 D3 D3 L2", "e:D4-D3-D3-L2");
static const char *const ca_phn_hints[] = L("personal_health_number", "phn", "health_card_number", "health_number",
                                            "ohip", "ohip_number", "health_card", "carte_sante",
                                            "numero_assurance_maladie", "care_card", "bc_services_card",
                                            "canada_health_number");
static const char *const ca_phn_context[] = L("phn", "ohip", "health card", "carte santé");
static const char *const ca_phn_examples[] = L("9698 658 215", "9876543218", "1234-567-897-AB", "9876543217");
static const char *const ca_phn_counter[] = L("9698 658 216", "1234-567-898-AB", "8698658215");

/* ---- CANADA_PERMANENT_RESIDENCE_NUMBER (UCI) -------------------------------------------- */

static const char *const ca_pr_fmt[] = L("dddd-dddd", "dd-dddd-dddd", "dddddddd", "dddddddddd");
static const char *const ca_pr_shapes[] = L("e:D4-D4/w", "e:D4 D4/w", "e:D2-D4-D4/w", "e:D2 D4 D4/w", "e:D8/w",
                                            "e:D10/w");
static const char *const ca_pr_hints[] = L("uci", "unique_client_identifier", "client_id_ircc", "ircc_client_id",
                                           "pr_card_number", "permanent_resident_number", "permanent_residence_number",
                                           "numero_resident_permanent", "identificateur_client_unique",
                                           "carte_rp");
static const char *const ca_pr_context[] = L("uci", "ircc", "permanent resident");
static const char *const ca_pr_examples[] = L("1234-5678", "01-2345-6789", "87654321");
static const char *const ca_pr_counter[] = L("123-45678", "0000-0000", "1234-56789");
DOC_VALIDATOR(ca_pr, NULL)

/* ---- CANADA_GOVERNMENT_IDENTIFICATION_CARD_NUMBER ---------------------------------------- */

static const char *const ca_gid_fmt[] = L("ldddddddd", "lddddddddd", "ldddd-ddddd-ddddd", "lddddddddddddd",
                                          "ddddddd", "dddddddd", "ddddddddd", "dddddddddd", "ddddddddddd",
                                          "dddddddddddd");
static const char *const ca_gid_shapes[] = L("e:L1D8~9/w", "e:L1D13/w", "e:L1D4-D5-D5/w", "e:D7~12/w");
static const char *const ca_gid_hints[] = L("photo_card_number", "photo_card", "ontario_photo_card", "bcid",
                                            "bc_id_card", "identification_card_number_ca", "provincial_id_card",
                                            "provincial_id", "carte_avec_photo", "carte_d_identite_provinciale",
                                            "canada_government_id", "canadian_id_card");
static const char *const ca_gid_context[] = L("photo card", "carte avec photo");
static const char *const ca_gid_examples[] = L("A1234-56789-01234", "P12345678", "7654321");
static const char *const ca_gid_counter[] = L("AB1234567", "A0000-00000-00000", "123456");
DOC_VALIDATOR(ca_gid, NULL)

/* ---- MALTA_NATIONAL_IDENTIFICATION_NUMBER / MALTA_TAX_IDENTIFICATION_NUMBER --------------- */

static bool mt_letter_ok(const char *d, size_t n)
{
    return n >= 2 && strchr("MGAPLHBZ", d[n - 1]) != NULL;
}

static const char *const mt_id_fmt[] = L("dddl", "ddddl", "dddddl", "ddddddl", "dddddddl", "ddddddd l");
static const char *const mt_id_shapes[] = L("e:D3~7L1/w", "e:D7 L1/w");
static const char *const mt_id_hints[] = L("karta_tal_identita", "numru_tal_karta_tal_identita", "numru_id", "id_malta",
                                           "maltese_id", "maltese_id_card", "malta_id_card", "malta_national_id");
static const char *const mt_id_context[] = L("karta tal-identità", "identity malta");
static const char *const mt_id_examples[] = L("1234567M", "0012345G", "589M");
static const char *const mt_id_counter[] = L("1234567X", "12345678M", "0000000M");
DOC_VALIDATOR(mt_id, mt_letter_ok)
static const char *const mt_tin_hints[] = L("numru_tat_taxxa", "numru_ta_identifikazzjoni_tat_taxxa",
                                            "maltese_tax_id", "maltese_tin", "malta_tin", "malta_tax_number");

/* ---- LIECHTENSTEIN_NATIONAL_IDENTIFICATION_NUMBER / _TAX_IDENTIFICATION_NUMBER (PEID) ------- */

static const char *const li_peid_fmt[] = L("dddd", "ddddd", "dddddd", "ddddddd", "dddddddd", "ddddddddd",
                                           "dddddddddd", "ddddddddddd", "dddddddddddd");
static const char *const li_peid_shapes[] = L("e:D4~12/w");
static const char *const li_peid_hints[] = L("peid", "peid_nummer", "personenidentifikationsnummer",
                                             "liechtenstein_id", "liechtenstein_national_id");
static const char *const li_peid_context[] = L("peid");
static const char *const li_peid_examples[] = L("1234567", "00001234567", "98765");
static const char *const li_peid_counter[] = L("123", "1234567890123", "0000000");
DOC_VALIDATOR(li_peid, NULL)
static const char *const li_tin_hints[] = L("steuer_peid", "peid_steuer", "steuernummer_li", "liechtenstein_tax_id",
                                            "liechtenstein_tin", "li_tin");

/* ---- CYPRUS_NATIONAL_IDENTIFICATION_NUMBER ---------------------------------------------------- */

static const char *const cy_id_fmt[] = L("dddddd", "ddddddd", "dddddddd", "ddddddddd", "dddddddddd");
static const char *const cy_id_shapes[] = L("e:D6~10/w");
static const char *const cy_id_hints[] = L("arithmos_taftotitas", "αριθμός_ταυτότητας", "αριθμος_ταυτοτητας",
                                           "Αριθμός_Ταυτότητας", "ΑΡΙΘΜΟΣ_ΤΑΥΤΟΤΗΤΑΣ", "ταυτότητα", "Ταυτότητα",
                                           "ταυτοτητα", "taftotita", "cypriot_id", "cyprus_id_card",
                                           "cyprus_national_id");
static const char *const cy_id_context[] = L("ταυτότητα", "α.δ.τ.", "taftotita");
static const char *const cy_id_examples[] = L("1234567", "0987654321", "712345");
static const char *const cy_id_counter[] = L("12345", "12345678901", "0000000");
DOC_VALIDATOR(cy_id, NULL)

/* ---- CROATIA_IDENTITY_NUMBER (osobna iskaznica) -------------------------------------------- */

static const char *const hr_id_fmt[] = L("ddddddddd");
static const char *const hr_id_shapes[] = L("e:D9/w");
static const char *const hr_id_hints[] = L("osobna_iskaznica", "broj_osobne_iskaznice", "broj_osobne",
                                           "osobna_iskaznica_broj", "croatian_id_card", "croatia_identity_card",
                                           "croatia_identity_number");
static const char *const hr_id_context[] = L("osobna iskaznica", "osobne iskaznice");
static const char *const hr_id_examples[] = L("112233445", "098765432", "200300400");
static const char *const hr_id_counter[] = L("12345678", "1234567890", "000000000");
DOC_VALIDATOR(hr_id, NULL)

/* ---- ICELAND_VALUE_ADDED_TAX (VSK-númer) ------------------------------------------------------ */

static const char *const is_vsk_fmt[] = L("ddddd", "dddddd", "ISddddd", "ISdddddd", "IS ddddd", "IS dddddd");
static const char *const is_vsk_shapes[] = L("e:D5~6/w", "e:L2D5~6/w", "e:L2 D5~6/w");
static const char *const is_vsk_hints[] = L("vsk", "vsk_numer", "vsk_nr", "virdisaukaskattsnumer",
                                            "icelandic_vat", "iceland_vat", "vat_is");
static const char *const is_vsk_context[] = L("vsk", "virðisaukaskatt");
static const char *const is_vsk_examples[] = L("12345", "IS123456", "654321");
static const char *const is_vsk_counter[] = L("1234", "1234567", "AB12345");
DOC_VALIDATOR(is_vsk, NULL)

/* ---- JAPAN_BANK_ACCOUNT (口座番号) ----------------------------------------------------------- */

static const char *const jp_bank_fmt[] = L("ddddddd", "ddd-ddddddd", "dddd-ddd-ddddddd");
static const char *const jp_bank_shapes[] = L("e:D7/w", "e:D3-D7/w", "e:D3 D7/w", "e:D4-D3-D7/w", "e:D4 D3 D7/w");
static const char *const jp_bank_hints[] = L("口座番号", "koza_bango", "kouza_bangou", "koza_no", "kouza_no",
                                             "yokin_koza", "預金口座", "japanese_bank_account", "japan_bank_account");
static const char *const jp_bank_context[] = L("口座番号", "普通", "当座");
static const char *const jp_bank_examples[] = L("1234567", "123-7654321", "0001-123-1234567");
static const char *const jp_bank_counter[] = L("123456", "12345678", "0000000");
DOC_VALIDATOR(jp_bank, NULL)

/* ---- BRAZIL_BANK_ACCOUNT (conta) ------------------------------------------------------------ */

/* The account number and its verifier: digits then '-' and one digit or X. */
static bool br_conta_ok(const char *d, size_t n)
{
    return n >= 5 && dm_all_digits(d, n - 1) && (is_digit(d[n - 1]) || d[n - 1] == 'X');
}

static const char *const br_bank_fmt[] = L("dddd-a", "ddddd-a", "dddddd-a", "ddddddd-a", "dddddddd-a",
                                           "ddddddddd-a", "dddddddddd-a", "ddddddddddd-a", "dddddddddddd-a");
static const char *const br_bank_shapes[] = L("e:D4~12-D1/w", "e:D4~12-L1/w");
static const char *const br_bank_hints[] = L("conta_corrente", "numero_da_conta", "numero_conta", "conta_bancaria",
                                             "conta_poupanca", "nr_conta", "num_conta", "brazil_bank_account",
                                             "brazilian_bank_account");
static const char *const br_bank_context[] = L("conta corrente", "c/c", "conta:");
static const char *const br_bank_examples[] = L("12345-6", "0012345-X", "123456789-0");
static const char *const br_bank_counter[] = L("12345-67", "123-4", "12345-A");
DOC_VALIDATOR(br_bank, br_conta_ok)

/* ---- CHINA_MAINLAND_TRAVEL_PERMIT_ID_HONG_KONG_MACAU / _TAIWAN --------------------------------- */

static const char *const cn_hkmo_fmt[] = L("Hdddddddd", "Mdddddddd", "Hdddddddddd", "Mdddddddddd");
static const char *const cn_hkmo_shapes[] = L("e:L1D8/w", "e:L1D10/w");
static const char *const cn_hkmo_hints[] = L("回乡证", "回鄉證", "回乡证号码", "回乡证号", "回鄉證號碼", "港澳居民来往内地通行证", "港澳居民來往內地通行證",
                                             "huixiangzheng", "home_return_permit", "mainland_travel_permit_hk",
                                             "mainland_travel_permit_hong_kong_macau");
static const char *const cn_hkmo_context[] = L("回乡证", "回鄉證", "回乡证号码", "回乡证号", "回鄉證號碼", "通行证");
static const char *const cn_hkmo_examples[] = L("H12345678", "M87654321", "H1234567801");
static const char *const cn_hkmo_counter[] = L("A12345678", "H1234567", "H00000000");
DOC_VALIDATOR(cn_hkmo, NULL)

static const char *const cn_tw_fmt[] = L("dddddddd", "dddddddddd");
static const char *const cn_tw_shapes[] = L("e:D8/w", "e:D10/w");
static const char *const cn_tw_hints[] = L("台胞证", "台胞證", "台胞证号码", "台胞证号", "台胞證號碼", "台湾居民来往大陆通行证", "臺灣居民來往大陸通行證",
                                           "taibaozheng", "mtp_taiwan", "mainland_travel_permit_taiwan",
                                           "taiwan_compatriot_permit");
static const char *const cn_tw_context[] = L("台胞证", "台胞證");
static const char *const cn_tw_examples[] = L("12345678", "08123456", "1234567801");
static const char *const cn_tw_counter[] = L("1234567", "123456789", "00000000");
DOC_VALIDATOR(cn_tw, NULL)

/* ---- CHINA_PHONE_NUMBER --------------------------------------------------------------------- */

/* A Chinese national significant number (no trunk 0) of m digits. */
static bool cn_nsn(const char *n, size_t m)
{
    if (n[0] == '2' || (n[0] == '1' && n[1] == '0'))
        return m == 10;                                      /* 10, 2X + 8 */
    if (n[0] == '1')
        return m == 11 && n[1] >= '3';                       /* mobile, 13-19 */
    return n[0] >= '3' && m >= 10 && m <= 11;                /* 3XX-9XX + 7 or 8 */
}

static dm_verdict validate_cn_phone(const dm_span *s)
{
    static const int l344[] = {3, 4, 4};
    const char *d = s->norm;
    size_t n = s->norm_len;
    if (!dm_all_digits(d, n))
        return DM_NO;
    size_t off = 0;
    if (n >= 14 && memcmp(d, "0086", 4) == 0)
        off = 4;
    else if (n >= 12 && d[0] == '8' && d[1] == '6' && s->start > 0 && s->cell[s->start - 1] == '+')
        off = 2;
    if (off) {
        /* the subscriber part starts a group of its own: "+86 138..." or "+86138..." */
        if (d[off] == '0' || !cn_nsn(d + off, n - off))
            return DM_NO;
        return DM_STRONG;
    }
    if (dm_piece_of_longer(s) || dm_dummy_digits(d, n))
        return DM_NO;
    if (d[0] == '1' && n == 11 && d[1] >= '3') {
        if (s->ngroups == 1)
            return DM_WEAK;
        return dm_layout_is(s, l344, 3) && one_joiner(s) ? DM_MEDIUM : DM_NO;
    }
    if (d[0] != '0' || s->ngroups != 2 || s->sep[1] != '-')
        return DM_NO;
    /* "010-12345678", "0755-1234567": trunk 0 and area code, a hyphen, the subscriber */
    size_t area = s->glen[0];
    bool two = d[1] == '1' || d[1] == '2';
    if ((two && area != 3) || (!two && area != 4) || (two && d[1] == '1' && d[2] != '0'))
        return DM_NO;
    return cn_nsn(d + 1, n - 1) ? DM_WEAK : DM_NO;
}

/* Exact layouts: mobiles bare or 3-4-4, +86 / 0086 before a mobile or an area
 * code, fixed lines 0AA-NNNNNNNN / 0AAA-NNNNNNN(N). */
static const char *const cn_phone_shapes[] = L("e:D11", "e:D3 D4 D4", "e:D3-D4-D4", "e:D13", "e:D12", "e:D15", "e:D14",
                                               "e:D2 D11", "e:D2-D11", "e:D2 D3 D4 D4", "e:D2-D3-D4-D4",
                                               "e:D2 D2 D4 D4", "e:D2-D2-D4-D4", "e:D2 D2 D8", "e:D2 D3 D8",
                                               "e:D2 D3 D7", "e:D2 D3 D3 D4", "e:D4 D3 D4 D4", "e:D4 D11",
                                               "e:D3-D8", "e:D4-D7", "e:D4-D8");
static const char *const cn_phone_hints[] = L("手机", "手机号", "手机号码", "电话", "电话号码", "联系电话", "手機", "電話",
                                              "shouji", "shoujihao", "dianhua", "lianxi_dianhua", "china_phone",
                                              "chinese_phone", "cn_phone", "cn_mobile");
static const char *const cn_phone_context[] = L("手机", "电话", "手機", "電話");
static const char *const cn_phone_examples[] = L("+86 138 0013 8000", "+86 10 6552 9988", "008613912345678",
                                                 "138 0013 8000", "13800138000", "010-65529988");
static const char *const cn_phone_counter[] = L("+86 0138 0013 8000", "12800138000", "+86 138 0013 800",
                                                "020 7946 0958");

/* ---- CHINA_LICENSE_PLATE_NUMBER ---------------------------------------------------------------- */

/* The 31 provincial abbreviations, UTF-8 (3 bytes each). */
static const char cn_provinces[] = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
static const char cn_plate_suffix[] = "学警港澳挂领";

static bool in_utf8_set(const char *set, const unsigned char *p)
{
    for (const char *q = set; *q; q += 3)
        if (memcmp(q, p, 3) == 0)
            return true;
    return false;
}

static bool plate_char(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'O');
}

/* Length of a plate's tail at p (after the province and the office letter):
 * 5 or 6 letters/digits, or 4 and a special-plate character; 0 if none. */
static size_t plate_tail(const unsigned char *p, size_t avail)
{
    size_t k = 0;
    bool digit = false;
    while (k < avail && k < 6 && plate_char(p[k])) {
        digit = digit || (p[k] >= '0' && p[k] <= '9');
        k++;
    }
    if (!digit)
        return 0;
    if (k == 4 && avail >= 7 && in_utf8_set(cn_plate_suffix, p + 4))
        return 7;
    if (k < 5 || (k < avail && (p[k] < 0x80 && (is_alpha((char)p[k]) || is_digit((char)p[k])))))
        return 0;
    return k;
}

static void cn_plate_find(const char *cell, size_t len, dm_emit_fn emit, void *ctx)
{
    const unsigned char *s = (const unsigned char *)cell;
    for (size_t i = 0; i + 9 <= len; i++) {
        if (s[i] != 0xE4 && s[i] != 0xE5 && s[i] != 0xE6 && s[i] != 0xE7 && s[i] != 0xE8 && s[i] != 0xE9)
            continue;
        if (!in_utf8_set(cn_provinces, s + i))
            continue;
        size_t j = i + 3;
        if (s[j] < 'A' || s[j] > 'Z' || s[j] == 'I')
            continue;
        j++;
        if (j + 2 <= len && s[j] == 0xC2 && s[j + 1] == 0xB7)
            j += 2;     /* "京A·12345" */
        else if (j < len && (s[j] == ' ' || s[j] == '-'))
            j++;
        size_t t = plate_tail(s + j, len - j);
        if (t)
            emit(ctx, DM_MEDIUM, i, j + t);
        i = j - 1;
    }
}

static const char *const cn_plate_hints[] = L("车牌", "车牌号", "车牌号码", "車牌", "chepai", "chepaihao",
                                              "license_plate", "licence_plate", "plate_number", "number_plate",
                                              "vehicle_plate", "china_license_plate");
static const char *const cn_plate_context[] = L("车牌", "車牌");
static const char *const cn_plate_examples[] = L("京A12345", "粤B·D12345", "沪C 9X8Y7", "苏E1234学");
static const char *const cn_plate_counter[] = L("京I12345", "京A1234", "北A12345", "京A12345678", "京ABCDEF");

/* ---- table ---------------------------------------------------------------------------------- */

#define FMT(nm, reg, cat, desc, x) \
    { \
        .name = nm, .region = reg, .category = cat, .description = desc, .shapes = x##_shapes, \
        .validate = validate_##x, .hints = x##_hints, .context = x##_context, .examples = x##_examples, \
        .counterexamples = x##_counter, .flags = DM_ENT_NEEDS_HINT, \
    }
/* A second Glue name for the same number, under other column names. */
#define FMT_AS(nm, reg, cat, desc, hint_list, x) \
    { \
        .name = nm, .region = reg, .category = cat, .description = desc, .shapes = x##_shapes, \
        .validate = validate_##x, .hints = hint_list, .context = x##_context, .examples = x##_examples, \
        .counterexamples = x##_counter, .flags = DM_ENT_NEEDS_HINT, \
    }

const dm_entity_def dm_entities_glue_more[] = {
    ENTITY("AUSTRIA_TAX_IDENTIFICATION_NUMBER", "AT", DM_CAT_TAX_ID,
           "Austrian tax number (Steuernummer): 12-345/6789, Luhn", at_tin, validate_at_tin, 0),
    ENTITY("UKRAINE_INDIVIDUAL_IDENTIFICATION_NUMBER", "UA", DM_CAT_TAX_ID,
           "Ukrainian taxpayer number (RNOKPP/IPN): 10 digits, birth-day count, mod-11 check", ua_rnokpp,
           validate_ua_rnokpp, 0),
    ENTITY("SWITZERLAND_HEALTH_INSURANCE_NUMBER", "CH", DM_CAT_HEALTH,
           "Swiss health insurance card number: 20 digits, 80756 prefix, Luhn", ch_hic, validate_ch_hic, 0),
    ENTITY("CANADA_PERSONAL_HEALTH_NUMBER", "CA", DM_CAT_HEALTH,
           "Canadian health number: BC PHN (9 + 8 digits, mod 11) or Ontario (10 digits, Luhn, version code)", ca_phn,
           validate_ca_phn, 0),
    FMT("CANADA_PERMANENT_RESIDENCE_NUMBER", "CA", DM_CAT_NATIONAL_ID,
        "Canadian client identifier (UCI) on the PR card: 8 or 10 digits (under its name)", ca_pr),
    FMT("CANADA_GOVERNMENT_IDENTIFICATION_CARD_NUMBER", "CA", DM_CAT_NATIONAL_ID,
        "Canadian provincial photo identity card number (under its name)", ca_gid),
    FMT("MALTA_NATIONAL_IDENTIFICATION_NUMBER", "MT", DM_CAT_NATIONAL_ID,
        "Maltese identity card number: up to 7 digits + M/G/A/P/L/H/B/Z (under its name)", mt_id),
    FMT_AS("MALTA_TAX_IDENTIFICATION_NUMBER", "MT", DM_CAT_TAX_ID,
           "Maltese identity card number under a tax-number column name", mt_tin_hints, mt_id),
    FMT("LIECHTENSTEIN_NATIONAL_IDENTIFICATION_NUMBER", "LI", DM_CAT_NATIONAL_ID,
        "Liechtenstein person identification number (PEID): up to 12 digits (under its name)", li_peid),
    FMT_AS("LIECHTENSTEIN_TAX_IDENTIFICATION_NUMBER", "LI", DM_CAT_TAX_ID,
           "Liechtenstein PEID under a tax-number column name", li_tin_hints, li_peid),
    FMT("CYPRUS_NATIONAL_IDENTIFICATION_NUMBER", "CY", DM_CAT_NATIONAL_ID,
        "Cypriot identity card number: up to 10 digits (under its name)", cy_id),
    FMT("CROATIA_IDENTITY_NUMBER", "HR", DM_CAT_NATIONAL_ID,
        "Croatian identity card (osobna iskaznica) number: 9 digits (under its name)", hr_id),
    FMT("ICELAND_VALUE_ADDED_TAX", "IS", DM_CAT_TAX_ID, "Icelandic VAT number (VSK): 5-6 digits (under its name)",
        is_vsk),
    FMT("JAPAN_BANK_ACCOUNT", "JP", DM_CAT_BANK_ACCOUNT,
        "Japanese bank account: 7 digits, optionally after bank and branch codes (under its name)", jp_bank),
    FMT("BRAZIL_BANK_ACCOUNT", "BR", DM_CAT_BANK_ACCOUNT,
        "Brazilian bank account: number and verifier digit, 12345-6 (under its name)", br_bank),
    FMT("CHINA_MAINLAND_TRAVEL_PERMIT_ID_HONG_KONG_MACAU", "CN", DM_CAT_PASSPORT,
        "Mainland travel permit for Hong Kong and Macao residents: H/M + 8 or 10 digits (under its name)", cn_hkmo),
    FMT("CHINA_MAINLAND_TRAVEL_PERMIT_ID_TAIWAN", "CN", DM_CAT_PASSPORT,
        "Mainland travel permit for Taiwan residents: 8 or 10 digits (under its name)", cn_tw),
    ENTITY("CHINA_PHONE_NUMBER", "CN", DM_CAT_PHONE,
           "Chinese phone number: mobile 1[3-9] + 9 digits, fixed line with area code, +86", cn_phone,
           validate_cn_phone, 0),
    {
        .name = "CHINA_LICENSE_PLATE_NUMBER",
        .region = "CN",
        .category = DM_CAT_VEHICLE_REGISTRATION,
        .description = "Chinese licence plate: province character, office letter, 5-6 letters/digits",
        .find = cn_plate_find,
        .hints = cn_plate_hints,
        .context = cn_plate_context,
        .examples = cn_plate_examples,
        .counterexamples = cn_plate_counter,
        .needs = DM_NEED_DIGIT | DM_NEED_HIGH,
        .min_len = 9,
    },
    {0},
};
