/*
 * More European personal numbers with a check: social security, health and
 * tax numbers that are not the national identity number (europe_ids.c), and
 * a few national identifiers of non-EU European countries.
 *
 * Formats and checks, from the issuing bodies' public descriptions:
 *   ES NAF/NUSS     Tesorería General de la Seguridad Social: province (01-53,
 *                   66-99), 8 digits, 2 control digits = the first ten mod 97
 *                   (for a number below 10 000 000 some issuers take province x
 *                   10^7 + number: both are accepted). Printed PP/NNNNNNNN/CC.
 *   AT SVNR         Dachverband der Sozialversicherungsträger: NNN C DDMMYY, C =
 *                   (3 7 9 on NNN, 5 8 4 2 1 6 on DDMMYY) mod 11, 10 never issued.
 *   GR AFM          ΑΑΔΕ: 9 digits, weights 256 128 ... 2, sum mod 11 mod 10.
 *   GR AMKA         ΗΔΙΚΑ: DDMMYY + 5 digits, Luhn over the eleven.
 *   HU adóazonosító NAV: 10 digits, 8 first, days since 1867-01-01, sum(i x d_i,
 *                   i = 1..9) mod 11 is the last (10 never issued).
 *   HU TAJ          NEAK: 9 digits, weights 3 7 3 7 3 7 3 7, sum mod 10 is the last.
 *   IS kennitala    Þjóðskrá: DDMMYY RR C K, C = 11 - (3 2 7 6 5 4 3 2) mod 11
 *                   (11 -> 0, 10 never), K the century (8 1800s, 9 1900s, 0 2000s).
 *   LU matricule    CNS / CTIE (loi du 19 juin 2013): YYYYMMDD NNN, then a Luhn
 *                   and a Verhoeff check digit, both over the first eleven.
 *   FR SPI          DGFiP (numéro fiscal de référence): 13 digits, first 0-3, the
 *                   last three = the first ten mod 511.
 *   CY TIC          Τμήμα Φορολογίας: 8 digits + check letter, the rule of CY VAT
 *                   numbers (odd positions 0->1 1->0 2->5 ... 9->21, mod 26).
 *   SI davčna       FURS: 8 digits (first not 0), weights 8..2, 11 - sum mod 11
 *                   (10 -> 0, 11 never).
 *   PT Cartão de    AMA (Cartão de Cidadão document number): 8-digit civil id,
 *   Cidadão         its check digit, 2 letters (version), check digit: Luhn-style
 *                   over digits and letters (A=10 ... Z=35), doubling every second
 *                   from the right, sum mod 10 = 0.
 *   TR T.C. Kimlik  NVİ: 11 digits, first not 0; d10 = (7 x (d1+d3+d5+d7+d9) -
 *                   (d2+d4+d6+d8)) mod 10, d11 = (d1 + ... + d10) mod 10.
 *   DE Reisepass /  Bundesdruckerei (since November 2010; PassV, PAuswV): 9
 *   Personalausweis characters from 0-9 C F G H J K L M N P R T V W X Y Z, the
 *                   first a letter: C F G H J K passports, L M N P R T V W X Y
 *                   identity cards; the MRZ adds an ICAO 9303 check digit (and
 *                   the nationality D). Specimens: C01X00T47(8), T22000129(3).
 *                   Without the check digit the format alone proves little: WEAK.
 *   Passports       No check digit outside the MRZ, so format only, WEAK and
 *   FR IT ES NL     counted only under the country's own words for a passport
 *                   number (DM_ENT_NEEDS_HINT). Formats as the EU member states
 *                   print them (PRADO / Purview EU passport definitions): FR 2
 *                   digits, 2 letters, 5 digits; IT 2 letters, 7 digits; ES 2-3
 *                   letters, 6 digits; NL 2 letters, 6 letters or digits (no O),
 *                   1 digit.
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "detect/entities/entity_impl.h"

/* ---- helpers ------------------------------------------------------------------ */

/* Every joiner is a single `c` (any single joiner, all alike, when c is 0). */
static bool joiners_are(const dm_span *s, char c)
{
    for (int i = 1; i < s->ngroups; i++)
        if (s->seplen[i] != 1 || s->sep[i] != (c ? c : s->sep[1]))
            return false;
    return true;
}

static bool yy_date(int yy, int mm, int dd)
{
    return dm_valid_date(1900 + yy, mm, dd) || dm_valid_date(2000 + yy, mm, dd);
}

static long value_of(const char *d, size_t n)
{
    long v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (d[i] - '0');
    return v;
}

/* n digits in one group (placeholders are refused by the callers once the
 * check holds: most windows fail earlier and cheaper). */
static bool bare(const dm_span *s, size_t n)
{
    return s->norm_len == n && s->ngroups == 1 && dm_all_digits(s->norm, n);
}

/* ---- SPAIN_SSN ------------------------------------------------------------------- */

static dm_verdict validate_es_ssn(const dm_span *s)
{
    static const int l282[] = {2, 8, 2};
    const char *d = s->norm;
    if (s->norm_len != 12 || !dm_all_digits(d, 12) || dm_dummy_digits(d, 12))
        return DM_NO;
    bool printed = dm_layout_is(s, l282, 3) && joiners_are(s, 0);
    if (s->ngroups != 1 && !printed)
        return DM_NO;
    int pp = two(d);
    if (pp < 1 || (pp > 53 && pp < 66))
        return DM_NO;
    long num = value_of(d + 2, 8);
    int cc = two(d + 10);
    bool ok = value_of(d, 10) % 97 == cc || (num < 10000000 && (pp * 10000000L + num) % 97 == cc);
    if (!ok || dm_piece_of_longer(s))
        return DM_NO;
    return printed ? DM_STRONG : DM_MEDIUM;
}

static const char *const es_ssn_shapes[] = {"c:D12", NULL};
static const char *const es_ssn_hints[] = {"numero_seguridad_social", "nss", "naf", "nuss", "numero_afiliacion",
                                           "seguridad_social", "spanish_ssn", NULL};
static const char *const es_ssn_context[] = {"seguridad social", "nuss", "naf", NULL};
static const char *const es_ssn_examples[] = {"28/12345678/40", "088765432146", "46 10203040 38", NULL};
static const char *const es_ssn_counter[] = {"28/12345678/41", "60/12345678/38", "00/12345678/01", NULL};

/* ---- AUSTRIA_SSN ------------------------------------------------------------------- */

static dm_verdict validate_at_ssn(const dm_span *s)
{
    static const int w[10] = {3, 7, 9, 0, 5, 8, 4, 2, 1, 6};
    static const int l46[] = {4, 6};
    const char *d = s->norm;
    if (s->norm_len != 10 || !dm_all_digits(d, 10) || d[0] == '0')
        return DM_NO;
    bool printed = dm_layout_is(s, l46, 2) && joiners_are(s, ' ');
    if ((s->ngroups != 1 && !printed) || !yy_date(two(d + 8), two(d + 6), two(d + 4)))
        return DM_NO;
    unsigned c = dm_weighted_sum(d, w, 10) % 11;
    if (c == 10 || c != (unsigned)(d[3] - '0') || dm_dummy_digits(d, 10) || dm_piece_of_longer(s))
        return DM_NO;
    return printed ? DM_STRONG : DM_MEDIUM;
}

static const char *const at_ssn_shapes[] = {"c:D10", NULL};
static const char *const at_ssn_hints[] = {"sozialversicherungsnummer", "svnr", "sv_nummer", "svn",
                                           "versicherungsnummer", "austrian_ssn", NULL};
static const char *const at_ssn_context[] = {"svnr", "sv-nr", "sozialversicherungsnummer", NULL};
static const char *const at_ssn_examples[] = {"1237 010180", "4070150360", "9871 290200", NULL};
static const char *const at_ssn_counter[] = {"1238 010180", "1237 011380", "0237 010180", NULL};

/* ---- GREECE_TAX_IDENTIFICATION_NUMBER (AFM) ------------------------------------------------ */

static dm_verdict validate_gr_afm(const dm_span *s)
{
    static const int w[8] = {256, 128, 64, 32, 16, 8, 4, 2};
    if (!bare(s, 9) || dm_weighted_sum(s->norm, w, 8) % 11 % 10 != (unsigned)(s->norm[8] - '0') ||
        dm_dummy_digits(s->norm, 9) || dm_piece_of_longer(s))
        return DM_NO;
    return DM_WEAK;     /* one check digit: 1 in 10 */
}

static const char *const gr_afm_shapes[] = {"c:D9/w", NULL};
static const char *const gr_afm_hints[] = {"afm", "αφμ", "arithmos_forologikou_mitroou", "greek_tax_id",
                                           "greek_tin", NULL};
static const char *const gr_afm_context[] = {"αφμ", "a.f.m", "afm", NULL};
static const char *const gr_afm_examples[] = {"094256318", "123456783", "045803406", NULL};
static const char *const gr_afm_counter[] = {"094256319", "123456784", "000000000", NULL};

/* ---- GREECE_SSN (AMKA) ---------------------------------------------------------------------- */

static dm_verdict validate_gr_amka(const dm_span *s)
{
    const char *d = s->norm;
    if (!bare(s, 11) || !yy_date(two(d + 4), two(d + 2), two(d)) || !dm_luhn(d, 11) || dm_dummy_digits(d, 11) ||
        dm_piece_of_longer(s))
        return DM_NO;
    return DM_MEDIUM;
}

static const char *const gr_amka_shapes[] = {"c:D11", NULL};
static const char *const gr_amka_hints[] = {"amka", "αμκα", "arithmos_mitroou_koinonikis_asfalisis", "greek_ssn",
                                            NULL};
static const char *const gr_amka_context[] = {"αμκα", "amka", NULL};
static const char *const gr_amka_examples[] = {"01019012341", "15078500210", "29020055553", NULL};
static const char *const gr_amka_counter[] = {"01019012342", "32019012347", "29021955556", NULL};

/* ---- HUNGARY_TAX_IDENTIFICATION_NUMBER / HUNGARY_SSN ----------------------------------------- */

static dm_verdict validate_hu_tax(const dm_span *s)
{
    static const int w[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    const char *d = s->norm;
    if (!bare(s, 10) || d[0] != '8')
        return DM_NO;
    unsigned r = dm_weighted_sum(d, w, 9) % 11;
    if (r == 10 || r != (unsigned)(d[9] - '0') || dm_dummy_digits(d, 10) || dm_piece_of_longer(s))
        return DM_NO;
    return DM_MEDIUM;
}

static const char *const hu_tax_shapes[] = {"c:D10", NULL};
static const char *const hu_tax_hints[] = {"adoazonosito_jel", "adoazonosito", "adóazonosító_jel", "hungarian_tax_id",
                                           "hungarian_tin", NULL};
static const char *const hu_tax_context[] = {"adóazonosító", "adoazonosito", NULL};
static const char *const hu_tax_examples[] = {"8123456786", "8023987658", "8345678904", NULL};
static const char *const hu_tax_counter[] = {"8123456787", "7123456787", "8123456785", NULL};

static dm_verdict validate_hu_taj(const dm_span *s)
{
    static const int w[8] = {3, 7, 3, 7, 3, 7, 3, 7};
    static const int l333[] = {3, 3, 3};
    const char *d = s->norm;
    if (s->norm_len != 9 || !dm_all_digits(d, 9) || dm_dummy_digits(d, 9))
        return DM_NO;
    if (s->ngroups != 1 && !(dm_layout_is(s, l333, 3) && joiners_are(s, 0)))
        return DM_NO;
    if (dm_weighted_sum(d, w, 8) % 10 != (unsigned)(d[8] - '0') || dm_piece_of_longer(s))
        return DM_NO;
    return DM_WEAK;     /* one check digit: 1 in 10 */
}

static const char *const hu_taj_shapes[] = {"c:D9/w", NULL};
static const char *const hu_taj_hints[] = {"taj", "taj_szam", "tajszam", "társadalombiztosítási_azonosító_jel",
                                           "hungarian_ssn", NULL};
static const char *const hu_taj_context[] = {"taj", NULL};
static const char *const hu_taj_examples[] = {"123456788", "037 002 343", "987654322", NULL};
static const char *const hu_taj_counter[] = {"123456789", "037 002 344", "111111111", NULL};

/* ---- ICELAND_NATIONAL_IDENTIFICATION_NUMBER (kennitala) -------------------------------------- */

static dm_verdict validate_is_kt(const dm_span *s)
{
    static const int w[8] = {3, 2, 7, 6, 5, 4, 3, 2};
    static const int l64[] = {6, 4};
    const char *d = s->norm;
    if (s->norm_len != 10 || !dm_all_digits(d, 10))
        return DM_NO;
    bool printed = dm_layout_is(s, l64, 2) && joiners_are(s, '-');
    if (s->ngroups != 1 && !printed)
        return DM_NO;
    int century = d[9] == '8' ? 1800 : d[9] == '9' ? 1900 : d[9] == '0' ? 2000 : -1;
    if (century < 0 || !dm_valid_date(century + two(d + 4), two(d + 2), two(d)))
        return DM_NO;
    unsigned c = 11 - dm_weighted_sum(d, w, 8) % 11;
    if (c == 10 || (c == 11 ? 0u : c) != (unsigned)(d[8] - '0') || dm_piece_of_longer(s))
        return DM_NO;
    return printed ? DM_STRONG : DM_MEDIUM;
}

static const char *const is_kt_shapes[] = {"c:D10", NULL};
static const char *const is_kt_hints[] = {"kennitala", "icelandic_id", "icelandic_national_id", NULL};
static const char *const is_kt_context[] = {"kennitala", "kt.", NULL};
static const char *const is_kt_examples[] = {"120191-2339", "0101901269", "311289-3499", NULL};
static const char *const is_kt_counter[] = {"120191-2349", "120191-2335", "310289-3491", NULL};

/* ---- LUXEMBOURG_NATIONAL_INDIVIDUAL_NUMBER / LUXEMBOURG_TAX_IDENTIFICATION_NUMBER ----------- */

static dm_verdict validate_lu_nin(const dm_span *s)
{
    static const int l8311[] = {8, 3, 1, 1}, l85[] = {8, 5};
    const char *d = s->norm;
    if (s->norm_len != 13 || !dm_all_digits(d, 13))
        return DM_NO;
    if (s->ngroups != 1 && !((dm_layout_is(s, l8311, 4) || dm_layout_is(s, l85, 2)) && joiners_are(s, 0)))
        return DM_NO;
    int year = (int)value_of(d, 4);
    if (year < 1850 || year > 2099 || !dm_valid_date(year, two(d + 4), two(d + 6)))
        return DM_NO;
    if (!dm_luhn(d, 12) || dm_piece_of_longer(s))
        return DM_NO;
    char t[12];     /* the Verhoeff digit is over the first eleven too */
    memcpy(t, d, 11);
    t[11] = d[12];
    return dm_verhoeff(t, 12) ? DM_STRONG : DM_NO;
}

static const char *const lu_nin_shapes[] = {"c:D13", NULL};
static const char *const lu_nin_hints[] = {"matricule", "numero_matricule", "numero_identification_national",
                                           "matricule_national", "cns", "luxembourg_national_id", NULL};
static const char *const lu_nin_context[] = {"matricule", NULL};
static const char *const lu_nin_examples[] = {"1983070512378", "19701231 987 1 1", "2000022900197", NULL};
static const char *const lu_nin_counter[] = {"1983070512388", "1983070512377", "1983130512371", NULL};
static const char *const lu_tin_hints[] = {"numero_fiscal", "steiernummer", "luxembourg_tax_id", "luxembourg_tin",
                                           "tin_lu", NULL};

/* ---- FRANCE_TAX_IDENTIFICATION_NUMBER (SPI) -------------------------------------------------- */

static dm_verdict validate_fr_spi(const dm_span *s)
{
    static const int l22333[] = {2, 2, 3, 3, 3};
    const char *d = s->norm;
    if (s->norm_len != 13 || !dm_all_digits(d, 13) || d[0] > '3')
        return DM_NO;
    if (s->ngroups != 1 && !(dm_layout_is(s, l22333, 5) && joiners_are(s, ' ')))
        return DM_NO;
    if (value_of(d, 10) % 511 != value_of(d + 10, 3) || dm_dummy_digits(d, 13) || dm_piece_of_longer(s))
        return DM_NO;
    return DM_STRONG;   /* 1 in 511 */
}

static const char *const fr_spi_shapes[] = {"c:D13", NULL};
static const char *const fr_spi_hints[] = {"numero_fiscal", "numero_fiscal_de_reference", "spi", "numero_spi",
                                           "identifiant_fiscal", "french_tax_id", "french_tin", NULL};
static const char *const fr_spi_context[] = {"numéro fiscal", "numero fiscal", "spi", NULL};
static const char *const fr_spi_examples[] = {"3023217600053", "30 23 217 600 053", "1234567890066", NULL};
static const char *const fr_spi_counter[] = {"3023217600054", "9023217600053", "0701987765492", NULL};

/* ---- CYPRUS_TAX_IDENTIFICATION_NUMBER --------------------------------------------------------- */

static dm_verdict validate_cy_tic(const dm_span *s)
{
    static const unsigned char odd[10] = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};
    const char *d = s->norm;
    if (s->norm_len != 9 || !dm_all_digits(d, 8) || !is_upper(d[8]) || !strchr("013459", d[0]) ||
        dm_all_same(d, 8))
        return DM_NO;
    if (s->ngroups != 1 && !(s->ngroups == 2 && s->glen[0] == 8))
        return DM_NO;
    unsigned sum = 0;
    for (int i = 0; i < 8; i++)
        sum += i % 2 == 0 ? odd[d[i] - '0'] : (unsigned)(d[i] - '0');
    if (d[8] != (char)('A' + sum % 26) || dm_piece_of_longer(s))
        return DM_NO;
    return DM_STRONG;
}

static const char *const cy_tic_shapes[] = {"c:D8L1", NULL};
static const char *const cy_tic_hints[] = {"tic", "arithmos_forologikis_taftotitas", "cypriot_tax_id",
                                           "cyprus_tin", "tax_identification_code", NULL};
static const char *const cy_tic_context[] = {"tic", NULL};
static const char *const cy_tic_examples[] = {"10259033P", "30010823A", "90000000Y", NULL};
static const char *const cy_tic_counter[] = {"10259033Q", "20259033P", "00000000A", NULL};

/* ---- SLOVENIA_TAX_IDENTIFICATION_NUMBER ------------------------------------------------------- */

static dm_verdict validate_si_tax(const dm_span *s)
{
    static const int w[7] = {8, 7, 6, 5, 4, 3, 2};
    const char *d = s->norm;
    if (!bare(s, 8) || d[0] == '0')
        return DM_NO;
    unsigned c = 11 - dm_weighted_sum(d, w, 7) % 11;
    if (c == 11 || (c == 10 ? 0u : c) != (unsigned)(d[7] - '0') || dm_dummy_digits(d, 8) || dm_piece_of_longer(s))
        return DM_NO;
    return DM_WEAK;     /* one check digit on 8 bare digits */
}

static const char *const si_tax_shapes[] = {"c:D8/w", NULL};
static const char *const si_tax_hints[] = {"davcna_stevilka", "davčna_številka", "davcna", "slovenian_tax_id",
                                           "slovenian_tin", NULL};
static const char *const si_tax_context[] = {"davčna", "davcna", NULL};
static const char *const si_tax_examples[] = {"50229249", "12345679", "98765434", NULL};
static const char *const si_tax_counter[] = {"50229240", "05022924", "12345678", NULL};

/* ---- PORTUGAL_NATIONAL_IDENTIFICATION_NUMBER (Cartão de Cidadão) ------------------------------ */

static dm_verdict validate_pt_cc(const dm_span *s)
{
    const char *d = s->norm;
    if (s->norm_len != 12 || !dm_all_digits(d, 9) || !is_upper(d[9]) || !is_upper(d[10]) || d[11] < '0' ||
        d[11] > '9')
        return DM_NO;
    /* one run, or "12345678 9 ZZ4" */
    static const int l813[] = {8, 1, 3};
    if (s->ngroups != 1 && !(dm_layout_is(s, l813, 3) && joiners_are(s, 0)))
        return DM_NO;
    unsigned sum = 0;
    for (int i = 11; i >= 0; i--) {
        unsigned v = d[i] <= '9' ? (unsigned)(d[i] - '0') : (unsigned)(d[i] - 'A' + 10);
        if ((11 - i) % 2 == 1) {
            v *= 2;
            if (v > 9)
                v -= 9;
        }
        sum += v;
    }
    if (sum % 10 != 0 || dm_piece_of_longer(s))
        return DM_NO;
    return DM_STRONG;
}

static const char *const pt_cc_shapes[] = {"c:D9L2D1", NULL};
static const char *const pt_cc_hints[] = {"cartao_de_cidadao", "cartao_cidadao", "numero_documento",
                                          "numero_cc", "numero_identificacao_civil", NULL};
static const char *const pt_cc_context[] = {"cartão de cidadão", "cartao de cidadao", "n.º cc", NULL};
static const char *const pt_cc_examples[] = {"00000000 0 ZZ4", "123456782ZZ6", "14987652 0 zw3", NULL};
static const char *const pt_cc_counter[] = {"00000000 0 ZZ5", "123456782ZZ7", "123456782AB8", NULL};

/* ---- TURKEY_NATIONAL_IDENTIFICATION_NUMBER ----------------------------------------------------- */

static dm_verdict validate_tr_tckn(const dm_span *s)
{
    const char *d = s->norm;
    if (!bare(s, 11) || d[0] == '0')
        return DM_NO;
    int odd = 0, even = 0, all = 0;
    for (int i = 0; i < 9; i++) {
        if (i % 2 == 0)
            odd += d[i] - '0';
        else
            even += d[i] - '0';
    }
    int d10 = ((odd * 7 - even) % 10 + 10) % 10;
    for (int i = 0; i < 10; i++)
        all += d[i] - '0';
    if (d10 != d[9] - '0' || all % 10 != d[10] - '0' || dm_dummy_digits(d, 11) || dm_piece_of_longer(s))
        return DM_NO;
    return DM_MEDIUM;   /* two mod-10 checks, no date: 1 in 100 */
}

static const char *const tr_tckn_shapes[] = {"c:D11", NULL};
static const char *const tr_tckn_hints[] = {"tc_kimlik_no", "tc_kimlik", "kimlik_no", "tckn", "tc_no",
                                            "turkish_national_id", NULL};
static const char *const tr_tckn_context[] = {"kimlik", "tckn", "t.c.", NULL};
static const char *const tr_tckn_examples[] = {"10000000146", "12345678950", "54545454590", NULL};
static const char *const tr_tckn_counter[] = {"10000000147", "10000000156", "02345678950", NULL};

/* ---- GERMANY_PASSPORT_NUMBER / GERMANY_PERSONAL_IDENTIFICATION_NUMBER --------------------- */

/* A German document number whose first letter is in `first`: 9 characters,
 * optional ICAO check digit, optional nationality D. */
static dm_verdict de_document(const dm_span *s, const char *first)
{
    static const char alphabet[] = "0123456789CFGHJKLMNPRTVWXYZ";
    const char *d = s->norm;
    size_t n = s->norm_len;
    if (n == 11 || (n == 10 && d[9] == 'D' && s->ngroups == 2 && s->glen[1] == 1))
        if (d[n - 1] == 'D')
            n--;    /* "C01X00T478D": the MRZ's nationality */
    if ((n != 9 && n != 10) || s->ngroups > 2 || !strchr(first, d[0]))
        return DM_NO;
    if (s->ngroups == 2 && !(s->glen[0] == 9 && s->seplen[1] == 1))
        return DM_NO;   /* only "C01X00T47 8" or "... D" may stand apart */
    bool digit = false;
    for (int i = 1; i < 9; i++) {
        if (!strchr(alphabet, d[i]) || d[i] == '\0')
            return DM_NO;
        digit = digit || (d[i] >= '0' && d[i] <= '9');
    }
    if (!digit || dm_piece_of_longer(s))
        return DM_NO;
    if (n == 9)
        return s->norm_len == 9 ? DM_WEAK : DM_NO;
    return dm_icao9303(d, 9) == d[9] - '0' ? DM_MEDIUM : DM_NO;
}

static dm_verdict validate_de_passport(const dm_span *s)
{
    return de_document(s, "CFGHJK");
}

static dm_verdict validate_de_idcard(const dm_span *s)
{
    return de_document(s, "LMNPRTVWXY");
}

/* Every arrangement of letters and digits after the leading letter. */
static const char *const de_doc_shapes[] = {
    "l:9:LDDD",  "l:9:LDDL",  "l:9:LDLD",  "l:9:LDLL",  "l:9:LLDD",  "l:9:LLDL",  "l:9:LLLD",  "l:9:LLLL",
    "l:10:LDDD", "l:10:LDDL", "l:10:LDLD", "l:10:LDLL", "l:10:LLDD", "l:10:LLDL", "l:10:LLLD", "l:10:LLLL",
    "l:11:LDDD", "l:11:LDDL", "l:11:LDLD", "l:11:LDLL", "l:11:LLDD", "l:11:LLDL", "l:11:LLLD", "l:11:LLLL",
    NULL};
#define de_passport_shapes de_doc_shapes
#define de_idcard_shapes de_doc_shapes
/* German words only: a generic "passport_number" column is as likely American
 * (letter + 8 digits) */
static const char *const de_passport_hints[] = {"reisepassnummer", "reisepass", "passnummer", "reisepass_nr",
                                                "pass_nr", "german_passport", "german_passport_number", NULL};
static const char *const de_passport_context[] = {"reisepass", "passnummer", "pass-nr", NULL};
static const char *const de_passport_examples[] = {"C01X00T47", "C01X00T478", "c01x00t478d", "F3K9M2HT4", NULL};
static const char *const de_passport_counter[] = {
    "C01X00T479",   /* check digit */
    "T01X00T47",    /* T: an identity card letter */
    "C01A00T47",    /* A is not in the alphabet */
    "CHJKLMNPR",    /* no digit */
    NULL};
static const char *const de_idcard_hints[] = {"personalausweis", "personalausweisnummer", "ausweisnummer",
                                              "ausweis_nr", "ausweis", "german_id_card", NULL};
static const char *const de_idcard_context[] = {"personalausweis", "ausweis", NULL};
static const char *const de_idcard_examples[] = {"T22000129", "T220001293", "l01x00t47", "M7RT4KZ2J", NULL};
static const char *const de_idcard_counter[] = {
    "T220001294",   /* check digit */
    "C22000129",    /* C: a passport letter */
    "T22000I29",    /* I is not in the alphabet */
    NULL};

/* ---- FRANCE / ITALY / SPAIN / NETHERLANDS_PASSPORT_NUMBER ------------------------------- */

/* The norm follows `pattern` ('D' a digit, 'L' a letter, 'A' either) exactly,
 * as one run, and its digits are not all zero. */
static bool passport_like(const dm_span *s, const char *pattern)
{
    size_t n = strlen(pattern);
    bool nonzero = false;
    if (s->norm_len != n || s->ngroups != 1)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s->norm[i];
        bool digit = c >= '0' && c <= '9';
        if ((pattern[i] == 'D' && !digit) || (pattern[i] == 'L' && !is_upper(c)) || (!digit && !is_upper(c)))
            return false;
        nonzero = nonzero || (digit && c != '0');
    }
    return nonzero && !dm_piece_of_longer(s);
}

static dm_verdict validate_fr_passport(const dm_span *s)
{
    return passport_like(s, "DDLLDDDDD") ? DM_WEAK : DM_NO;
}

static dm_verdict validate_it_passport(const dm_span *s)
{
    return passport_like(s, "LLDDDDDDD") ? DM_WEAK : DM_NO;
}

static dm_verdict validate_es_passport(const dm_span *s)
{
    return passport_like(s, "LLLDDDDDD") || passport_like(s, "LLDDDDDD") ? DM_WEAK : DM_NO;
}

static dm_verdict validate_nl_passport(const dm_span *s)
{
    if (!passport_like(s, "LLAAAAAAD") || memchr(s->norm, 'O', 9) != NULL)
        return DM_NO;
    return DM_WEAK;
}

static const char *const fr_passport_shapes[] = {"c:D2L2D5/w", NULL};
static const char *const fr_passport_hints[] = {"numero_passeport", "numero_de_passeport", "passeport",
                                                "n_passeport", "no_passeport", "french_passport", NULL};
static const char *const fr_passport_context[] = {"passeport", NULL};
static const char *const fr_passport_examples[] = {"12AB34567", "05xy98765", "99ZZ00001", NULL};
static const char *const fr_passport_counter[] = {"123B34567", "12AB3456", "00AA00000", NULL};

static const char *const it_passport_shapes[] = {"c:L2D7/w", NULL};
static const char *const it_passport_hints[] = {"numero_passaporto", "passaporto", "numero_di_passaporto",
                                                "n_passaporto", "italian_passport", NULL};
static const char *const it_passport_context[] = {"passaporto", NULL};
static const char *const it_passport_examples[] = {"YA1234567", "ya7654321", "AA0012345", NULL};
static const char *const it_passport_counter[] = {"Y1234567", "YAB123456", "YA0000000", NULL};

static const char *const es_passport_shapes[] = {"c:L3D6/w", "c:L2D6/w", NULL};
static const char *const es_passport_hints[] = {"numero_pasaporte", "pasaporte", "numero_de_pasaporte",
                                                "n_pasaporte", "spanish_passport", NULL};
static const char *const es_passport_context[] = {"pasaporte", NULL};
static const char *const es_passport_examples[] = {"PAA123456", "XDA654321", "AB123456", NULL};
static const char *const es_passport_counter[] = {"PA1234567", "PAAB12345", "PAA000000", NULL};

#define NL_PASSPORT_SHAPES "l:9:LLDD", "l:9:LLDL", "l:9:LLLD", "l:9:LLLL"
static const char *const nl_passport_shapes[] = {NL_PASSPORT_SHAPES, NULL};
static const char *const nl_passport_hints[] = {"paspoortnummer", "paspoort", "paspoort_nr", "paspoortnr",
                                                "dutch_passport", NULL};
static const char *const nl_passport_context[] = {"paspoort", NULL};
static const char *const nl_passport_examples[] = {"NW3K8P2L4", "SPECI2014", "bx1234567", NULL};
static const char *const nl_passport_counter[] = {"NO3K8P2L4", "NW3K8P2LA", "1W3K8P2L4", NULL};

/* ---- table ---------------------------------------------------------------------------- */

const dm_entity_def dm_entities_europe_more[] = {
    ENTITY("SPAIN_SSN", "ES", DM_CAT_NATIONAL_ID, "Spanish social security number (NAF): PP/NNNNNNNN/CC, mod 97", es_ssn,
           validate_es_ssn, 0),
    ENTITY("AUSTRIA_SSN", "AT", DM_CAT_NATIONAL_ID, "Austrian social insurance number: NNN C DDMMYY, mod 11", at_ssn,
           validate_at_ssn, 0),
    ENTITY("GREECE_TAX_IDENTIFICATION_NUMBER", "GR", DM_CAT_TAX_ID, "Greek tax number (AFM): 9 digits, check digit",
           gr_afm, validate_gr_afm, 0),
    ENTITY("GREECE_SSN", "GR", DM_CAT_NATIONAL_ID, "Greek social security number (AMKA): DDMMYY + 5 digits, Luhn", gr_amka,
           validate_gr_amka, 0),
    ENTITY("HUNGARY_TAX_IDENTIFICATION_NUMBER", "HU", DM_CAT_TAX_ID, "Hungarian tax number: 8 + 9 digits, mod 11", hu_tax,
           validate_hu_tax, 0),
    ENTITY("HUNGARY_SSN", "HU", DM_CAT_NATIONAL_ID, "Hungarian social security number (TAJ): 9 digits, check digit", hu_taj,
           validate_hu_taj, 0),
    ENTITY("ICELAND_NATIONAL_IDENTIFICATION_NUMBER", "IS", DM_CAT_NATIONAL_ID,
           "Icelandic kennitala: DDMMYY-RRCK, mod 11, century digit", is_kt, validate_is_kt, 0),
    ENTITY("LUXEMBOURG_NATIONAL_INDIVIDUAL_NUMBER", "LU", DM_CAT_NATIONAL_ID,
           "Luxembourg national number (matricule): YYYYMMDD NNN, Luhn and Verhoeff", lu_nin, validate_lu_nin, 0),
    {
        .name = "LUXEMBOURG_TAX_IDENTIFICATION_NUMBER",
        .region = "LU",
        .category = DM_CAT_TAX_ID,
        .description = "Luxembourg matricule under a tax-number column name",
        .shapes = lu_nin_shapes,
        .validate = validate_lu_nin,
        .hints = lu_tin_hints,
        .context = lu_nin_context,
        .examples = lu_nin_examples,
        .counterexamples = lu_nin_counter,
        .flags = DM_ENT_NEEDS_HINT,
    },
    ENTITY("FRANCE_TAX_IDENTIFICATION_NUMBER", "FR", DM_CAT_TAX_ID,
           "French tax number (numéro fiscal, SPI): 13 digits, mod 511", fr_spi, validate_fr_spi, 0),
    ENTITY("CYPRUS_TAX_IDENTIFICATION_NUMBER", "CY", DM_CAT_TAX_ID, "Cypriot tax identification code: 8 digits + letter",
           cy_tic, validate_cy_tic, 0),
    ENTITY("SLOVENIA_TAX_IDENTIFICATION_NUMBER", "SI", DM_CAT_TAX_ID, "Slovenian tax number: 8 digits, mod 11", si_tax,
           validate_si_tax, 0),
    ENTITY("PORTUGAL_NATIONAL_IDENTIFICATION_NUMBER", "PT", DM_CAT_NATIONAL_ID,
           "Portuguese Cartão de Cidadão number: 8 digits, check, 2 letters, check", pt_cc, validate_pt_cc, 0),
    ENTITY("TURKEY_NATIONAL_IDENTIFICATION_NUMBER", "TR", DM_CAT_NATIONAL_ID,
           "Turkish T.C. Kimlik No: 11 digits, two check digits", tr_tckn, validate_tr_tckn, 0),
    ENTITY("GERMANY_PASSPORT_NUMBER", "DE", DM_CAT_PASSPORT,
           "German passport number: C/F/G/H/J/K + 8 characters, ICAO check digit when present", de_passport,
           validate_de_passport, 0),
    ENTITY("GERMANY_PERSONAL_IDENTIFICATION_NUMBER", "DE", DM_CAT_NATIONAL_ID,
           "German identity card number (since 2010): 9 characters, ICAO check digit when present", de_idcard,
           validate_de_idcard, 0),
#define PASSPORT(nm, reg, desc, pfx) \
    { \
        .name = nm, .region = reg, .category = DM_CAT_PASSPORT, .description = desc, \
        .shapes = pfx##_shapes, .validate = validate_##pfx, .hints = pfx##_hints, .context = pfx##_context, \
        .examples = pfx##_examples, .counterexamples = pfx##_counter, .flags = DM_ENT_NEEDS_HINT, \
    }
    PASSPORT("FRANCE_PASSPORT_NUMBER", "FR", "French passport number: 2 digits, 2 letters, 5 digits (under its name)",
             fr_passport),
    PASSPORT("ITALY_PASSPORT_NUMBER", "IT", "Italian passport number: 2 letters, 7 digits (under its name)",
             it_passport),
    PASSPORT("SPAIN_PASSPORT_NUMBER", "ES", "Spanish passport number: 2-3 letters, 6 digits (under its name)",
             es_passport),
    PASSPORT("NETHERLANDS_PASSPORT_NUMBER", "NL",
             "Dutch passport number: 2 letters, 6 letters or digits, 1 digit (under its name)", nl_passport),
    {0},
};
