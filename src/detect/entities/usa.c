/*
 * United States entities.
 *
 * Formats and where they come from:
 * - USA_SSN: SSA ("SSN randomization" FAQ, 2011): area 000, 666 and 900-999,
 *   group 00 and serial 0000 are never issued; 078-05-1120 (the Woolworth
 *   wallet card) and 219-09-9999 (an SSA pamphlet) were printed in
 *   advertising and are void. No check digit.
 * - USA_ITIN / USA_ATIN: IRS: 9 digits starting with 9; ITIN middle digits
 *   50-65, 70-88, 90-92, 94-99; ATIN middle digits 93.
 * - USA_PTIN: IRS: 'P' followed by 8 digits.
 * - USA_PASSPORT_NUMBER: U.S. Department of State: 9 digits; next-generation
 *   books (2021+) a letter followed by 8 digits.
 * - USA_DRIVING_LICENSE: each state has its own format (AAMVA members); the
 *   common ones are covered: letter + 6-14 digits (CA, AZ, FL, IL, MD, MI,
 *   MN, NJ, WI...), 7-9 digits, and a few mixed ones (ID, IA, MO, ND, NH).
 * - USA_HCPCS_CODE: CMS HCPCS Level II: a letter (A-V, the ones in use) and
 *   four digits.
 * - USA_NATIONAL_DRUG_CODE: FDA: 10 digits as 4-4-2, 5-3-2 or 5-4-1; HIPAA's
 *   11-digit 5-4-2 is one of those padded with a leading zero in a segment.
 * - USA_NATIONAL_PROVIDER_IDENTIFIER: CMS NPI final rule (69 FR 3434):
 *   10 digits, first 1 or 2, Luhn check digit computed over "80840" + NPI.
 * - USA_DEA_NUMBER: DEA: registrant-type letter, the registrant's initial (or
 *   '9'), 6 digits and a check digit ((d1+d3+d5) + 2*(d2+d4+d6)) mod 10.
 * - USA_HEALTH_INSURANCE_CLAIM_NUMBER: CMS/SSA (POMS GN 01050.005): the
 *   wage earner's SSN plus a beneficiary identification code (BIC); Railroad
 *   Retirement Board numbers: an alphabetic prefix and 6 or 9 digits.
 * - USA_MEDICARE_BENEFICIARY_IDENTIFIER: CMS "Understanding the MBI format":
 *   11 characters C A AN N A AN N A A N N, C = 1-9, letters without
 *   S L O I B Z; printed 4-3-4 with dashes.
 */
#include <stdint.h>
#include <string.h>

#include "detect/entities/entity_impl.h"

/* ---- helpers (ASCII, no locale) ----------------------------------------------- */


/* A piece of a longer number (see dm_glued). */
static bool glued(const dm_span *s)
{
    return dm_glued(s->cell, s->cell_len, s->start, s->end, s->ngroups > 1 ? s->sep[1] : 0);
}

static bool seps_all(const dm_span *s, int from, char c)
{
    for (int i = from; i < s->ngroups; i++)
        if (s->sep[i] != c || s->seplen[i] != 1)
            return false;
    return true;
}

/* Joiners from group `from` on are all '-' or all ' ', one char each. */
static bool seps_dash_or_space(const dm_span *s, int from)
{
    return s->ngroups <= from || seps_all(s, from, '-') || seps_all(s, from, ' ');
}

/* ---- SSN, ITIN, ATIN: 9 digits written 3-2-4 ------------------------------------ */

enum { TIN_NONE, TIN_BARE, TIN_SPACED, TIN_DASHED };

static int tin_layout(const dm_span *s)
{
    if (s->norm_len != 9 || !dm_all_digits(s->norm, 9) || glued(s))
        return TIN_NONE;
    if (s->ngroups == 1)
        return TIN_BARE;
    if (s->ngroups == 3 && s->glen[0] == 3 && s->glen[1] == 2 && s->glen[2] == 4) {
        if (seps_all(s, 1, '-'))
            return TIN_DASHED;
        if (seps_all(s, 1, ' '))
            return TIN_SPACED;
    }
    return TIN_NONE;
}

/*
 * None of the three has a check digit; random 9-digit strings pass the SSN
 * rules ~89% of the time, so bare digits are WEAK. The dashed 3-2-4 layout
 * is how these numbers are printed, and little else is: STRONG. Spaced
 * 3-2-4 is MEDIUM.
 */
static dm_verdict tin_verdict(int layout)
{
    return layout == TIN_DASHED ? DM_STRONG : layout == TIN_SPACED ? DM_MEDIUM : DM_WEAK;
}

/* The SSA rules on d[0, 9); also refuses the advertising numbers and the
 * "123-45-6789" / "111-11-1111" placeholders. */
static bool ssn_digits_ok(const char *d)
{
    int area = dm_digits_value(d, 3), group = dm_digits_value(d + 3, 2), serial = dm_digits_value(d + 5, 4);
    if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0)
        return false;
    if (memcmp(d, "078051120", 9) == 0 || memcmp(d, "219099999", 9) == 0 ||
        memcmp(d, "123456789", 9) == 0 || dm_all_same(d, 9))
        return false;
    return true;
}

static dm_verdict ssn_validate(const dm_span *s)
{
    int lay = tin_layout(s);
    if (lay == TIN_NONE || !ssn_digits_ok(s->norm))
        return DM_NO;
    return tin_verdict(lay);
}

static dm_verdict itin_validate(const dm_span *s)
{
    int lay = tin_layout(s);
    if (lay == TIN_NONE || s->norm[0] != '9')
        return DM_NO;
    int mid = dm_digits_value(s->norm + 3, 2);
    if (!((mid >= 50 && mid <= 65) || (mid >= 70 && mid <= 88) || (mid >= 90 && mid <= 92) || mid >= 94))
        return DM_NO;
    if (dm_digits_value(s->norm + 5, 4) == 0)
        return DM_NO;
    return tin_verdict(lay);
}

static dm_verdict atin_validate(const dm_span *s)
{
    int lay = tin_layout(s);
    if (lay == TIN_NONE || s->norm[0] != '9' || dm_digits_value(s->norm + 3, 2) != 93 || dm_digits_value(s->norm + 5, 4) == 0)
        return DM_NO;
    return tin_verdict(lay);
}

/* ---- PTIN ---------------------------------------------------------------------------- */

/* 'P' and 8 digits. "P12345678" is only a letter and eight digits (WEAK);
 * written "P-12345678" / "P 12345678" as the IRS prints it: MEDIUM. */
static dm_verdict ptin_validate(const dm_span *s)
{
    const char *d = s->norm;
    if (s->norm_len != 9 || d[0] != 'P' || !dm_all_digits(d + 1, 8) || dm_all_same(d + 1, 8) || glued(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_WEAK;
    if (s->ngroups == 2 && s->glen[0] == 1 && s->seplen[1] == 1 && (s->sep[1] == '-' || s->sep[1] == ' '))
        return DM_MEDIUM;
    return DM_NO;
}

/* ---- passport ---------------------------------------------------------------------------- */

/* 9 digits, or a letter and 8 digits, unbroken. No check digit: WEAK. */
static dm_verdict passport_validate(const dm_span *s)
{
    const char *d = s->norm;
    if (s->ngroups != 1 || s->norm_len != 9 || glued(s))
        return DM_NO;
    const char *digits = is_upper(d[0]) ? d + 1 : d;
    size_t nd = (size_t)(s->norm_len - (size_t)(digits - d));
    if (!dm_all_digits(digits, nd) || dm_all_same(digits, nd))
        return DM_NO;
    return DM_WEAK;
}

/* ---- driver's licence ---------------------------------------------------------------------- */

/*
 * The common state formats (see shapes). Any grouping with one kind of
 * joiner ('-' or ' ': Florida prints "S530-460-72-123-0"). No check digit
 * and formats shared with everything: WEAK, needs a hint.
 */
static dm_verdict dl_validate(const dm_span *s)
{
    const char *d = s->norm;
    size_t n = s->norm_len;
    if (s->ngroups > 5 || !seps_dash_or_space(s, 1) || glued(s))
        return DM_NO;
    /* the digits must not be a filler ("A0000000", "999999999") */
    char first = 0;
    bool same = true, zero = true;
    size_t nd = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_digit(d[i]))
            continue;
        if (!nd)
            first = d[i];
        same = same && d[i] == first;
        zero = zero && d[i] == '0';
        nd++;
    }
    if (nd == 0 || zero || (same && nd > 3))
        return DM_NO;
    return DM_WEAK;
}

/* ---- HCPCS ---------------------------------------------------------------------------------- */

/* A Level II section letter (A-V in use: no F I N O) and four digits. A
 * letter and four digits is common: WEAK. */
static dm_verdict hcpcs_validate(const dm_span *s)
{
    if (s->ngroups != 1 || s->norm_len != 5 || !strchr("ABCDEGHJKLMPQRSTUV", s->norm[0]) ||
        !dm_all_digits(s->norm + 1, 4))
        return DM_NO;
    return DM_WEAK;
}

/* ---- NDC ------------------------------------------------------------------------------------- */

/*
 * Dashed 4-4-2, 5-3-2, 5-4-1 (10 digits) or 5-4-2 (HIPAA 11 digits, which
 * must show the padding zero in one segment): MEDIUM, the dashed three-segment
 * layout being specific. Bare 10 or 11 digits: WEAK. No check digit.
 */
static dm_verdict ndc_validate(const dm_span *s)
{
    const char *d = s->norm;
    size_t n = s->norm_len;
    if ((n != 10 && n != 11) || !dm_all_digits(d, n) || dm_all_same(d, n) || glued(s))
        return DM_NO;
    if (s->ngroups == 1) {
        if (n == 11 && d[0] != '0' && d[5] != '0' && d[9] != '0')
            return DM_NO;
        return DM_WEAK;
    }
    if (s->ngroups != 3 || !seps_all(s, 1, '-'))
        return DM_NO;
    int a = s->glen[0], b = s->glen[1], c = s->glen[2];
    bool ten = (a == 4 && b == 4 && c == 2) || (a == 5 && b == 3 && c == 2) || (a == 5 && b == 4 && c == 1);
    bool eleven = a == 5 && b == 4 && c == 2;
    if (!(n == 10 ? ten : eleven))
        return DM_NO;
    if (eleven && d[0] != '0' && d[5] != '0' && d[9] != '0')
        return DM_NO;
    if (dm_digits_value(d, a) == 0 || dm_digits_value(d + a, b) == 0)
        return DM_NO;
    return DM_MEDIUM;
}

/* ---- NPI --------------------------------------------------------------------------------------- */

/*
 * 10 digits from 1 or 2, Luhn over "80840" + NPI. One mod-10 check digit
 * (random 10-digit strings starting 1/2 pass 1 in 10; Unix timestamps start
 * with 1): MEDIUM.
 */
static dm_verdict npi_validate(const dm_span *s)
{
    const char *d = s->norm;
    if (s->ngroups != 1 || s->norm_len != 10 || !dm_all_digits(d, 10) || (d[0] != '1' && d[0] != '2') ||
        glued(s))
        return DM_NO;
    char buf[15];
    memcpy(buf, "80840", 5);
    memcpy(buf + 5, d, 10);
    return dm_luhn(buf, 15) ? DM_MEDIUM : DM_NO;
}

/* ---- DEA ---------------------------------------------------------------------------------------- */

/*
 * Registrant type, initial (letter or '9'), 6 digits, check digit. One
 * check digit and constrained letters: MEDIUM.
 */
static dm_verdict dea_validate(const dm_span *s)
{
    const char *d = s->norm;
    if (s->ngroups != 1 || s->norm_len != 9 || !strchr("ABCDEFGHJKLMNPRSTUX", d[0]) ||
        !(is_upper(d[1]) || d[1] == '9') || !dm_all_digits(d + 2, 7))
        return DM_NO;
    const char *x = d + 2;
    int sum = (x[0] - '0') + (x[2] - '0') + (x[4] - '0') + 2 * ((x[1] - '0') + (x[3] - '0') + (x[5] - '0'));
    if (sum % 10 != x[6] - '0' || dm_all_same(x, 7))
        return DM_NO;
    return DM_MEDIUM;
}

/* ---- HICN ---------------------------------------------------------------------------------------- */

/* Railroad Retirement Board prefixes. */
static bool rrb_prefix(const char *p, size_t n)
{
    static const char *const prefixes[] = {"A",  "CA", "H",   "JA",  "MA",  "MH", "PA", "PD", "PH",
                                           "WA", "WD", "WF",  "WH",  "WCA", "WCD", "WCH", NULL};
    for (const char *const *q = prefixes; *q; q++)
        if (strlen(*q) == n && memcmp(*q, p, n) == 0)
            return true;
    return false;
}

/*
 * SSA form: a valid SSN and a BIC (letter of A B C D E F G H J K M T W,
 * then optionally a digit 1-9 or another such letter). Written 3-2-4 with
 * dashes it is STRONG ("123-45-6789A" / "123-45-6789-A"); otherwise MEDIUM.
 * RRB form: prefix + 6 digits (pre-1964) or + 9 (an SSN): WEAK, since a
 * letter or two and digits is common.
 */
static dm_verdict hicn_validate(const dm_span *s)
{
    const char *d = s->norm;
    size_t n = s->norm_len;
    if (glued(s) || !seps_dash_or_space(s, 1) || s->ngroups > 4)
        return DM_NO;
    if (n >= 10 && n <= 11 && dm_all_digits(d, 9)) {
        const char *bic = d + 9;
        static const char bic_letters[] = "ABCDEFGHJKMTW";
        if (!strchr(bic_letters, bic[0]))
            return DM_NO;
        if (n == 11 && !((bic[1] >= '1' && bic[1] <= '9') || strchr(bic_letters, bic[1])))
            return DM_NO;
        if (!ssn_digits_ok(d))
            return DM_NO;
        /* groups: [9+bic], [9][bic], [3][2][4+bic], [3][2][4][bic] */
        int g = s->ngroups;
        if (g == 2 && s->glen[0] != 9)
            return DM_NO;
        if (g >= 3) {
            if (s->glen[0] != 3 || s->glen[1] != 2)
                return DM_NO;
            if ((g == 3 && s->glen[2] != 4 + (int)(n - 9)) || (g == 4 && s->glen[2] != 4))
                return DM_NO;
            return seps_all(s, 1, '-') ? DM_STRONG : DM_MEDIUM;
        }
        return DM_MEDIUM;
    }
    /* RRB */
    size_t np = 0;
    while (np < n && np < 3 && is_upper(d[np]))
        np++;
    size_t nd = n - np;
    if (np == 0 || (nd != 6 && nd != 9) || !dm_all_digits(d + np, nd) || !rrb_prefix(d, np))
        return DM_NO;
    if (nd == 9 && !ssn_digits_ok(d + np))
        return DM_NO;
    if (nd == 6 && dm_all_same(d + np, 6))
        return DM_NO;
    if (s->ngroups > 1 && s->glen[0] != (int)np)
        return DM_NO;
    return DM_WEAK;
}

/* ---- MBI ---------------------------------------------------------------------------------------- */

static inline bool mbi_letter(char c)
{
    return is_upper(c) && !strchr("SLOIBZ", c);
}

/*
 * 11 characters by position: C A AN N A AN N A A N N, letters without
 * S L O I B Z. Unbroken or 4-3-4 with dashes (or spaces). The positional
 * pattern over a restricted alphabet is specific: STRONG.
 */
static dm_verdict mbi_validate(const dm_span *s)
{
    static const char pattern[] = "CAXNAXNAANN";   /* X: letter or digit */
    const char *d = s->norm;
    if (s->norm_len != 11 || glued(s))
        return DM_NO;
    if (s->ngroups == 3) {
        if (s->glen[0] != 4 || s->glen[1] != 3 || s->glen[2] != 4 || !seps_dash_or_space(s, 1))
            return DM_NO;
    } else if (s->ngroups != 1) {
        return DM_NO;
    }
    for (int i = 0; i < 11; i++) {
        char c = d[i];
        switch (pattern[i]) {
        case 'C':
            if (c < '1' || c > '9')
                return DM_NO;
            break;
        case 'N':
            if (!is_digit(c))
                return DM_NO;
            break;
        case 'A':
            if (!mbi_letter(c))
                return DM_NO;
            break;
        default:
            if (!is_digit(c) && !mbi_letter(c))
                return DM_NO;
        }
    }
    return DM_STRONG;
}

/* ---- the table ------------------------------------------------------------------------------------ */

static const char *const tin_shapes[] = {"e:D3-D2-D4", "e:D3 D2 D4", "e:D9/w", NULL};

static const char *const ssn_hints[] = {
    "ssn", "social_security_number", "social_security", "social_security_no", "soc_sec_no",
    "ss_number", "ssn_number", "numero_de_seguro_social", "seguro_social", NULL};
static const char *const ssn_context[] = {"ssn", "social security", "soc sec", "s.s.n", "seguro social", NULL};
static const char *const ssn_examples[] = {"536-22-1784", "772-14-0913", "SSN: 401 88 2216", "245103347", NULL};
static const char *const ssn_counter[] = {
    "000-12-3456", "666-12-3456", "912-34-5678", "536-00-1784", "536-22-0000",
    "078-05-1120",      /* Woolworth wallet card */
    "219-09-9999",      /* SSA advertising */
    "123-45-6789", "536-22-1784-01", NULL};

static const char *const itin_hints[] = {
    "itin", "individual_taxpayer_identification_number", "taxpayer_id", "taxpayer_identification_number",
    "tin", "numero_de_identificacion_personal_del_contribuyente", NULL};
static const char *const itin_context[] = {"itin:", "itin ", "itin#", "itin no", "individual taxpayer", NULL};
static const char *const itin_examples[] = {"912-70-1234", "900-50-4321", "983 94 1122", "955991234", NULL};
static const char *const itin_counter[] = {"912-93-1234", "912-89-1234", "912-66-1234", "812-70-1234",
                                           "912-70-0000", NULL};

static const char *const atin_hints[] = {"atin", "adoption_taxpayer_identification_number",
                                         "adoption_taxpayer_id", NULL};
static const char *const atin_context[] = {"atin:", "atin ", "atin#", "atin no", "adoption taxpayer", NULL};
static const char *const atin_examples[] = {"912-93-1234", "987 93 4567", "900931234", NULL};
static const char *const atin_counter[] = {"912-94-1234", "812-93-1234", "912-92-1234", "912-93-0000", NULL};

static const char *const ptin_shapes[] = {"c:L1D8", NULL};
static const char *const ptin_hints[] = {"ptin", "preparer_tax_identification_number", "preparer_ptin",
                                         "preparer_tin", "preparer_id", NULL};
static const char *const ptin_context[] = {"ptin:", "ptin ", "ptin#", "ptin no", "preparer tax", NULL};
static const char *const ptin_examples[] = {"P01594846", "P-00634642", "P 12345678", NULL};
static const char *const ptin_counter[] = {"Q01594846", "P0159484", "P00000000", "P-015-94846", NULL};

static const char *const passport_shapes[] = {"e:D9/w", "c:L1D8/w", NULL};
static const char *const passport_hints[] = {
    "passport", "passport_number", "passport_no", "passport_num", "passport_id", "pasaporte",
    "numero_de_pasaporte", "passeport", "numero_de_passeport", "reisepass", "passaporto", NULL};
static const char *const passport_context[] = {"passport", "pasaporte", "passeport", "reisepass", NULL};
static const char *const passport_examples[] = {"488839667", "A12345678", "C03005988", NULL};
static const char *const passport_counter[] = {"000000000", "A00000000", "AB1234567", "12345678", NULL};

/* Every licence format is WEAK: "/w" keys (see entity.h) */
static const char *const dl_shapes[] = {
    "c:L1D6~14/w",    /* CA L7, AZ/MA/VA... L8, IN/OK L9, IL/MI L10~12, FL/MD/MN L12, WI L13, NJ L14 */
    "c:D7~9/w",       /* many states: 7-9 digits */
    "c:L2D6L1/w",     /* Idaho */
    "c:D3L2D4/w",     /* Iowa */
    "c:D2L3D5/w",     /* New Hampshire */
    "c:L3D6/w",       /* North Dakota */
    "c:D8L2/w",       /* Missouri */
    "c:D9L1/w",       /* Missouri */
    "c:D7L1/w",       /* Maine, Vermont */
    "c:L2D3~7/w",     /* Ohio, West Virginia */
    NULL};
static const char *const dl_hints[] = {
    "driver_license", "drivers_license", "driving_license", "driver_licence", "drivers_licence",
    "driving_licence", "driver_license_number", "dl_number", "dl_no", "dl_num", "dl", "dln",
    "license_no", "license_number", "licence_number", "licencia_de_conducir",
    "numero_de_licencia", "licencia", NULL};
static const char *const dl_context[] = {"driver", "driving", "dl#", "dl no", "dl:", "dmv", "licencia",
                                         NULL};
static const char *const dl_examples[] = {"D1234567", "S530-460-72-123-0", "123456789", "A123456789012",
                                          "123AB4567", NULL};
static const char *const dl_counter[] = {"D0000000", "999999999", "12345", "ABCDEFGH", NULL};

static const char *const hcpcs_shapes[] = {"c:L1D4/w", NULL};
static const char *const hcpcs_hints[] = {"hcpcs", "hcpcs_code", "hcpcs_cd", "procedure_code", "proc_code",
                                          "cpt_hcpcs", "billing_code", NULL};
static const char *const hcpcs_context[] = {"hcpcs", "procedure code", "j-code", NULL};
static const char *const hcpcs_examples[] = {"E0114", "J1885", "A0428", "G0202", NULL};
static const char *const hcpcs_counter[] = {"F0114", "N1234", "W1234", "Z9999", "I0001", NULL};

static const char *const ndc_shapes[] = {"e:D4-D4-D2", "e:D5-D3-D2", "e:D5-D4-D1", "e:D5-D4-D2",
                                         "e:D10", "e:D11", NULL};
static const char *const ndc_hints[] = {"ndc", "ndc_code", "national_drug_code", "drug_code", "ndc10",
                                        "ndc11", "product_ndc", "package_ndc", NULL};
static const char *const ndc_context[] = {"ndc:", "ndc ", "ndc#", "national drug code", NULL};
static const char *const ndc_examples[] = {"0777-3105-02", "50242-040-62", "12345-6789-1", "00777-3105-02",
                                           "0002-1433-80", NULL};
static const char *const ndc_counter[] = {"12345-6789-12", "0000-1234-56", "123-4567-89", "1234-5678-901",
                                          NULL};

static const char *const npi_shapes[] = {"e:D10", NULL};
static const char *const npi_hints[] = {"npi", "npi_number", "national_provider_identifier", "national_provider_id",
                                        "provider_npi", "prescriber_npi", "rendering_npi", "billing_npi", NULL};
static const char *const npi_context[] = {"npi", "national provider", NULL};
static const char *const npi_examples[] = {"1234567893", "1245319599", "1003000126", "2000000002", NULL};
static const char *const npi_counter[] = {"1234567890", "3234567893", "1245319598", "0123456789", NULL};

static const char *const dea_shapes[] = {"c:L2D7", "c:L1D8", NULL};
static const char *const dea_hints[] = {"dea", "dea_number", "dea_no", "dea_registration", "dea_registration_number",
                                        "prescriber_dea", NULL};
static const char *const dea_context[] = {"dea#", "dea:", "dea no", "dea number", "dea registration", NULL};
static const char *const dea_examples[] = {"AB1234563", "BJ5836727", "F91234563", "MK2718281", NULL};
static const char *const dea_counter[] = {"AB1234564", "ZB1234563", "IB1234563", "A11234563", NULL};

static const char *const hicn_shapes[] = {"c:D9L1", "c:D9L1D1", "c:D9L2", "c:L1D6", "c:L2D6", "c:L3D6",
                                          "c:L1D9", "c:L2D9", "c:L3D9", NULL};
static const char *const hicn_hints[] = {"hicn", "hic", "hic_number", "hic_no", "health_insurance_claim_number",
                                         "medicare_claim_number", "medicare_number", "medicare_id", NULL};
static const char *const hicn_context[] = {"hicn", "hic#", "hic no", "medicare", "claim number", NULL};
static const char *const hicn_examples[] = {"536-22-1784A", "536221784B1", "536-22-1784-C2", "WA536221784",
                                            "A123456", NULL};
static const char *const hicn_counter[] = {"000-22-1784A", "536221784Z", "536-22-1784AQ", "XY536221784",
                                           "666221784A", NULL};

static const char *const mbi_shapes[] = {"l:11:DLDD", "l:11:DLLD", NULL};
static const char *const mbi_hints[] = {"mbi", "medicare_beneficiary_identifier", "medicare_beneficiary_id",
                                        "medicare_id", "medicare_number", "beneficiary_id", NULL};
static const char *const mbi_context[] = {"mbi:", "mbi ", "mbi#", "medicare", "beneficiary identifier", NULL};
static const char *const mbi_examples[] = {"1EG4-TE5-MK73", "1EG4TE5MK73", "3FH7JK2MN45", "5KD2-HJ8-PT41",
                                           NULL};
static const char *const mbi_counter[] = {"1SG4-TE5-MK73", "0EG4-TE5-MK73", "1EG4-TE5-MK7A", "1EG4-TE5-ML73",
                                          "1EG4-TEB-MK73", NULL};

const dm_entity_def dm_entities_usa[] = {
    /* Order breaks ties the engine does not keep: a bare 9-digit number is an
     * SSN before it is a passport or a licence. The MBI, which has no
     * look-alike, goes first: the registry's entity 0 never ties (engine
     * priority buckets). */
    {
        .name = "USA_MEDICARE_BENEFICIARY_IDENTIFIER",
        .region = "US",
        .category = DM_CAT_HEALTH,
        .description = "Medicare Beneficiary Identifier (11 characters, CMS position rules)",
        .shapes = mbi_shapes,
        .validate = mbi_validate,
        .hints = mbi_hints,
        .context = mbi_context,
        .examples = mbi_examples,
        .counterexamples = mbi_counter,
    },
    {
        .name = "USA_SSN",
        .region = "US",
        .category = DM_CAT_NATIONAL_ID,
        .description = "U.S. Social Security number (SSA area, group and serial rules)",
        .shapes = tin_shapes,
        .validate = ssn_validate,
        .hints = ssn_hints,
        .context = ssn_context,
        .examples = ssn_examples,
        .counterexamples = ssn_counter,
    },
    {
        .name = "USA_ITIN",
        .region = "US",
        .category = DM_CAT_TAX_ID,
        .description = "U.S. Individual Taxpayer Identification Number (9xx, IRS middle-digit ranges)",
        .shapes = tin_shapes,
        .validate = itin_validate,
        .hints = itin_hints,
        .context = itin_context,
        .examples = itin_examples,
        .counterexamples = itin_counter,
    },
    {
        .name = "USA_ATIN",
        .region = "US",
        .category = DM_CAT_TAX_ID,
        .description = "U.S. Adoption Taxpayer Identification Number (9xx-93-xxxx)",
        .shapes = tin_shapes,
        .validate = atin_validate,
        .hints = atin_hints,
        .context = atin_context,
        .examples = atin_examples,
        .counterexamples = atin_counter,
    },
    {
        .name = "USA_PTIN",
        .region = "US",
        .category = DM_CAT_TAX_ID,
        .description = "U.S. Preparer Tax Identification Number (P + 8 digits)",
        .shapes = ptin_shapes,
        .validate = ptin_validate,
        .hints = ptin_hints,
        .context = ptin_context,
        .examples = ptin_examples,
        .counterexamples = ptin_counter,
    },
    {
        .name = "USA_PASSPORT_NUMBER",
        .region = "US",
        .category = DM_CAT_PASSPORT,
        .description = "U.S. passport number (9 digits, or a letter and 8 digits)",
        .shapes = passport_shapes,
        .validate = passport_validate,
        .hints = passport_hints,
        .context = passport_context,
        .examples = passport_examples,
        .counterexamples = passport_counter,
    },
    {
        .name = "USA_DRIVING_LICENSE",
        .region = "US",
        .category = DM_CAT_DRIVERS_LICENSE,
        .description = "U.S. driver's license number (common state formats)",
        .shapes = dl_shapes,
        .validate = dl_validate,
        .hints = dl_hints,
        .context = dl_context,
        .examples = dl_examples,
        .counterexamples = dl_counter,
    },
    {
        .name = "USA_HCPCS_CODE",
        .region = "US",
        .category = DM_CAT_HEALTH,
        .description = "HCPCS Level II code (section letter + 4 digits)",
        .shapes = hcpcs_shapes,
        .validate = hcpcs_validate,
        .hints = hcpcs_hints,
        .context = hcpcs_context,
        .examples = hcpcs_examples,
        .counterexamples = hcpcs_counter,
    },
    {
        .name = "USA_NATIONAL_DRUG_CODE",
        .region = "US",
        .category = DM_CAT_HEALTH,
        .description = "FDA National Drug Code (4-4-2, 5-3-2, 5-4-1; HIPAA 5-4-2)",
        .shapes = ndc_shapes,
        .validate = ndc_validate,
        .hints = ndc_hints,
        .context = ndc_context,
        .examples = ndc_examples,
        .counterexamples = ndc_counter,
    },
    {
        .name = "USA_NATIONAL_PROVIDER_IDENTIFIER",
        .region = "US",
        .category = DM_CAT_HEALTH,
        .description = "CMS National Provider Identifier (10 digits, Luhn with prefix 80840)",
        .shapes = npi_shapes,
        .validate = npi_validate,
        .hints = npi_hints,
        .context = npi_context,
        .examples = npi_examples,
        .counterexamples = npi_counter,
    },
    {
        .name = "USA_DEA_NUMBER",
        .region = "US",
        .category = DM_CAT_HEALTH,
        .description = "DEA registration number (2 letters + 7 digits with check digit)",
        .shapes = dea_shapes,
        .validate = dea_validate,
        .hints = dea_hints,
        .context = dea_context,
        .examples = dea_examples,
        .counterexamples = dea_counter,
    },
    {
        .name = "USA_HEALTH_INSURANCE_CLAIM_NUMBER",
        .region = "US",
        .category = DM_CAT_HEALTH,
        .description = "Medicare Health Insurance Claim Number (SSN + BIC, or RRB prefix + digits)",
        .shapes = hicn_shapes,
        .validate = hicn_validate,
        .hints = hicn_hints,
        .context = hicn_context,
        .examples = hicn_examples,
        .counterexamples = hicn_counter,
    },
    {0},
};
