/*
 * National identifiers and tax numbers of the Middle East and Africa.
 *
 * Formats and checks, from the issuing bodies' public descriptions:
 *   IL Teudat Zehut Population and Immigration Authority: 9 digits (shorter ones
 *                   padded with zeros on the left), the last a check digit:
 *                   weights 1 2 1 2 ... from the left, the digits of each product
 *                   summed, total = 0 mod 10 (the Luhn rule over nine digits).
 *   ZA ID number    Department of Home Affairs (Identification Act 68 of 1997):
 *                   YYMMDD SSSS C A Z, SSSS 0000-4999 women, 5000-9999 men, C 0
 *                   citizen, 1 permanent resident, 2 refugee, A 8 (9 on older
 *                   numbers), Z a Luhn check digit over the thirteen.
 *   AE Emirates ID  ICP (Federal Authority for Identity and Citizenship): 15
 *                   digits 784-YYYY-NNNNNNN-C, 784 the ISO 3166 code of the UAE,
 *                   YYYY the year of birth, C a Luhn check digit.
 *   TR Vergi        Gelir İdaresi Başkanlığı: 10 digits; for the first nine,
 *   Kimlik No       t = (d + 9 - i) mod 10 (i = 0..8), p = t x 2^(9-i) mod 9, 9
 *                   when p = 0 and t != 0; check = (10 - sum p mod 10) mod 10.
 *
 * Verdicts: the Emirates ID in its dashed layout is STRONG (prefix, year,
 * Luhn); bare it is MEDIUM, like the South African number (a date, a status
 * digit, a Luhn check: random 13-digit values and EAN-13 barcodes pass well
 * under 1%). A bare Israeli number and the Turkish tax number (one check digit
 * of 1 in 10) are WEAK and need the column's name or context.
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "detect/entities/entity_impl.h"

/* ---- helpers ------------------------------------------------------------------ */

static bool joiners_are(const dm_span *s, char c)
{
    for (int i = 1; i < s->ngroups; i++)
        if (s->seplen[i] != 1 || s->sep[i] != c)
            return false;
    return true;
}

static bool yy_date(int yy, int mm, int dd)
{
    return dm_valid_date(1900 + yy, mm, dd) || dm_valid_date(2000 + yy, mm, dd);
}

#define LATEST_YEAR 2026

/* ---- ISRAEL_IDENTIFICATION_NUMBER ------------------------------------------------- */

static dm_verdict validate_il_id(const dm_span *s)
{
    const char *d = s->norm;
    if (s->norm_len != 9 || s->ngroups != 1 || !dm_all_digits(d, 9) || dm_dummy_digits(d, 9) || !dm_luhn(d, 9) ||
        dm_piece_of_longer(s))
        return DM_NO;
    return DM_WEAK;     /* 1 in 10 */
}

static const char *const il_id_shapes[] = {"e:D9/w", NULL};
static const char *const il_id_hints[] = {"teudat_zehut", "mispar_zehut", "zehut", "israeli_id", "israel_id",
                                          "id_number_il", "תעודת_זהות", NULL};
static const char *const il_id_context[] = {"ת.ז", "teudat zehut", "zehut", NULL};
static const char *const il_id_examples[] = {"034567891", "203948575", "318475928", NULL};
static const char *const il_id_counter[] = {"034567892", "203948576", "111111111", NULL};

/* ---- SOUTH_AFRICA_PERSONAL_IDENTIFICATION_NUMBER ---------------------------------------- */

static dm_verdict validate_za_id(const dm_span *s)
{
    static const int l643[] = {6, 4, 3};
    if (s->ngroups != 1 && s->ngroups != 3)
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    if (s->norm_len != 13 || !dm_all_digits(d, 13) || !yy_date(two(d), two(d + 2), two(d + 4)) || d[10] > '2' ||
        (d[11] != '8' && d[11] != '9') || !dm_luhn(d, 13) || dm_dummy_digits(d + 6, 4) || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1 || (dm_layout_is(s, l643, 3) && (joiners_are(s, ' ') || joiners_are(s, '-'))))
        return DM_MEDIUM;
    return DM_NO;
}

static const char *const za_id_shapes[] = {"e:D13", "e:D6 D4 D3", "e:D6-D4-D3", NULL};
static const char *const za_id_hints[] = {"sa_id", "south_african_id", "rsa_id", "sa_id_number", "id_nommer",
                                          "identiteitsnommer", "za_id", NULL};
static const char *const za_id_context[] = {"sa id", "rsa id", "id no", NULL};
static const char *const za_id_examples[] = {"8503155123081", "920817 0159 081", "0105055001082", "7501018000083",
                                             NULL};
static const char *const za_id_counter[] = {
    "8503155123082",    /* Luhn */
    "8513155123087",    /* month 13 */
    "8503155123381",    /* status digit 3 */
    "8503155123051",    /* A digit 0 */
    NULL};

/* ---- UNITED_ARAB_EMIRATES_PERSONAL_NUMBER ---------------------------------------------- */

static dm_verdict validate_ae_eid(const dm_span *s)
{
    static const int l3471[] = {3, 4, 7, 1};
    if (s->ngroups != 1 && s->ngroups != 4)
        return DM_NO;   /* other groupings leave before any arithmetic */
    const char *d = s->norm;
    if (s->norm_len != 15 || !dm_all_digits(d, 15) || strncmp(d, "784", 3) != 0)
        return DM_NO;
    int year = (d[3] - '0') * 1000 + (d[4] - '0') * 100 + two(d + 5);
    if (year < 1900 || year > LATEST_YEAR || dm_dummy_digits(d + 7, 7) || !dm_luhn(d, 15) || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_MEDIUM;
    return dm_layout_is(s, l3471, 4) && joiners_are(s, '-') ? DM_STRONG : DM_NO;
}

static const char *const ae_eid_shapes[] = {"e:D15", "e:D3-D4-D7-D1", NULL};
static const char *const ae_eid_hints[] = {"emirates_id", "eid", "emirates_id_number", "uae_id", "eid_number",
                                           "raqam_al_hawiya", NULL};
static const char *const ae_eid_context[] = {"emirates id", "eid", NULL};
static const char *const ae_eid_examples[] = {"784-1985-2837461-8", "784-2001-1938475-6", "784200193847520", NULL};
static const char *const ae_eid_counter[] = {"784-1985-2837461-9", "785-1985-2837461-8", "784-1885-2837461-8", "784-1985-1234567-3",
                                             NULL};

/* ---- TURKEY_VALUE_ADDED_TAX (Vergi Kimlik Numarası) ------------------------------------- */

static dm_verdict validate_tr_vkn(const dm_span *s)
{
    const char *d = s->norm;
    if (s->norm_len != 10 || s->ngroups != 1 || !dm_all_digits(d, 10) || dm_dummy_digits(d, 10))
        return DM_NO;
    int sum = 0;
    for (int i = 0; i < 9; i++) {
        int t = (d[i] - '0' + 9 - i) % 10;
        int p = (t << (9 - i)) % 9;
        sum += t != 0 && p == 0 ? 9 : p;
    }
    if ((10 - sum % 10) % 10 != d[9] - '0' || dm_piece_of_longer(s))
        return DM_NO;
    return DM_WEAK;     /* 1 in 10 */
}

static const char *const tr_vkn_shapes[] = {"e:D10/w", NULL};
static const char *const tr_vkn_hints[] = {"vergi_kimlik_no", "vergi_kimlik_numarasi", "vergi_no", "vkn",
                                           "vergi_numarasi", "turkish_tax_number", NULL};
static const char *const tr_vkn_context[] = {"vkn", "vergi no", "vergi kimlik", NULL};
static const char *const tr_vkn_examples[] = {"7382019453", "6029384713", "4561237896", "1928374655", NULL};
static const char *const tr_vkn_counter[] = {"7382019454", "6029384710", "0000000000", "1234567890", NULL};

/* ---- TURKEY_PASSPORT_NUMBER: format only ------------------------------------------------- *
 * Nüfus ve Vatandaşlık İşleri prints a letter (U ordinary, S special, Z
 * service, D diplomatic) and 8 digits; no check outside the MRZ: WEAK, under
 * Turkish passport words only. */

static dm_verdict validate_tr_pp(const dm_span *s)
{
    const char *d = s->norm;
    if (s->ngroups != 1 || s->norm_len != 9 || !strchr("USZD", d[0]) || d[0] == 0 || !dm_all_digits(d + 1, 8) ||
        dm_all_same(d + 1, 8) || dm_piece_of_longer(s))
        return DM_NO;
    return DM_WEAK;
}

static const char *const tr_pp_shapes[] = {"e:L1D8", NULL};
static const char *const tr_pp_hints[] = {"pasaport_no", "pasaport_numarasi", "pasaport", "turkish_passport",
                                          "tr_passport", NULL};
static const char *const tr_pp_context[] = {"pasaport", NULL};
static const char *const tr_pp_examples[] = {"U82736419", "S29384756", "u10293847", NULL};
static const char *const tr_pp_counter[] = {"A82736419", "U00000000", "U8273641", NULL};

/* ---- table ------------------------------------------------------------------------------ */

const dm_entity_def dm_entities_middle_east_africa[] = {
    ENTITY("ISRAEL_IDENTIFICATION_NUMBER", "IL", DM_CAT_NATIONAL_ID, "Israeli identity number (Teudat Zehut): 9 digits, Luhn",
           il_id, validate_il_id, 0),
    ENTITY("SOUTH_AFRICA_PERSONAL_IDENTIFICATION_NUMBER", "ZA", DM_CAT_NATIONAL_ID,
           "South African ID number: YYMMDD SSSS C A Z, Luhn", za_id, validate_za_id, 0),
    ENTITY("UNITED_ARAB_EMIRATES_PERSONAL_NUMBER", "AE", DM_CAT_NATIONAL_ID,
           "UAE Emirates ID: 784-YYYY-NNNNNNN-C, Luhn", ae_eid, validate_ae_eid, 0),
    ENTITY("TURKEY_VALUE_ADDED_TAX", "TR", DM_CAT_TAX_ID, "Turkish tax number (Vergi Kimlik No): 10 digits, check digit",
           tr_vkn, validate_tr_vkn, 0),
    {
        .name = "TURKEY_PASSPORT_NUMBER",
        .region = "TR",
        .category = DM_CAT_PASSPORT,
        .description = "Turkish passport: U/S/Z/D + 8 digits (under its name)",
        .shapes = tr_pp_shapes,
        .validate = validate_tr_pp,
        .hints = tr_pp_hints,
        .context = tr_pp_context,
        .examples = tr_pp_examples,
        .counterexamples = tr_pp_counter,
        .flags = DM_ENT_NEEDS_HINT,
    },
    {0},
};
