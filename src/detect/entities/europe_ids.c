/*
 * European national identifiers and personal tax numbers with a real check.
 *
 * Formats and checks, from the issuing bodies' public descriptions:
 *   ES DNI          Ministerio del Interior (Real Decreto 1553/2005): 8 digits and
 *                   a control letter "TRWAGMYFPDXBNJZSQVHLCKE"[number mod 23].
 *   ES NIE          Orden INT/2058/2008: X, Y or Z (read as 0, 1, 2), 7 digits,
 *                   the DNI letter over the 8 digits.
 *   ES NIF          Real Decreto 1065/2007 art. 18-22 (AEAT): persons use their DNI
 *                   or NIE; K, L, M + 7 digits + DNI letter for Spaniards without
 *                   DNI; entities (CIF) A-W + 7 digits + a control: odd positions
 *                   doubled (digit sum), even added, c = (10 - sum mod 10) mod 10,
 *                   printed as a digit or as "JABCDEFGHI"[c] (a letter for N P Q R
 *                   S W, a digit for A B E H).
 *   IT codice       DM 23/12/1976 (Agenzia delle Entrate): 3+3 letters of the
 *   fiscale         names, year (2 digits), month letter ABCDEHLMPRST, day (+40 for
 *                   women), place (letter + 3 digits), control letter: characters
 *                   at odd positions through the odd table (0/A=1, 1/B=0, 2/C=5,
 *                   ...), at even positions 0-9/A-Z = 0-25, sum mod 26. Digits may
 *                   be replaced by LMNPQRSTUV (omocodia).
 *   FR NIR          INSEE (numéro d'inscription au répertoire): sex 1/2 (7/8
 *                   temporary), year, month 01-12 or 20, 30-42, 50-99 (unknown),
 *                   department 01-99 or 2A/2B, commune 3, order 001-999, key =
 *                   97 - (13 digits mod 97), 2A read as 19, 2B as 18.
 *   NL BSN          Wet algemene bepalingen burgerservicenummer art. 3: 9 digits,
 *                   "elfproef" 9..2 weights and -1 on the last, sum = 0 mod 11.
 *   BE INSZ/NISS    Rijksregister: YY.MM.DD-SSS.CC, CC = 97 - (YYMMDDSSS mod 97),
 *                   with a 2 in front for births from 2000; month +20/+40 for bis
 *                   numbers, month/day 00 when unknown; SSS 001-997.
 *   PL PESEL        Ustawa o ewidencji ludności: YYMMDD (month +80 1800s, +20
 *                   2000s, +40 2100s, +60 2200s), 4 digits, check weights 1 3 7 9,
 *                   (10 - sum mod 10) mod 10.
 *   PL NIP          Ministerstwo Finansów: 10 digits, weights 6 5 7 2 3 4 5 6 7, sum
 *                   mod 11 is the last digit (10 never issued).
 *   PL REGON        GUS: 9 digits (weights 8 9 2 3 4 5 6 7) or 14 (2 4 8 5 0 9 7 3
 *                   6 1 2 4 8), sum mod 11 mod 10.
 *   SE personnummer Skatteverket SKV 704: YYMMDD-NNNC (day +60 samordningsnummer),
 *                   Luhn over the ten digits; YYYYMMDD-NNNC in systems.
 *   DK CPR          CPR-kontoret: DDMMYY-SSSS; no check digit since 2007.
 *   FI HETU         Digi- ja väestötietovirasto: DDMMYY C ZZZ Q, C '+' 1800, '-' or
 *                   U-Y 1900, A-F 2000; Q = "0123456789ABCDEFHJKLMNPRSTUVWXY"[DDMMYYZZZ
 *                   mod 31]; ZZZ 002-899 (900-999 temporary).
 *   NO fødsels-     Skatteetaten: DDMMYY III K1 K2, K1 weights 3 7 6 1 8 9 4 5 2,
 *   nummer          K2 5 4 3 2 7 6 5 4 3 2, each 11 - sum mod 11 (11 -> 0, 10 never
 *                   issued); D-number day +40, H-number month +40; synthetic test
 *                   numbers month +80.
 *   DE IdNr         Bundeszentralamt für Steuern (§139b AO): 11 digits, first not 0;
 *                   among the first ten exactly one digit occurs twice or three
 *                   times (not three in a row), the others at most once; ISO 7064
 *                   MOD 11,10 check digit.
 *   CH AHV          Zentrale Ausgleichsstelle: 756.XXXX.XXXX.XC, EAN-13 check.
 *   IE PPSN         Revenue / DSP: 7 digits, check letter, optional second letter
 *                   (A-I, W): weights 8..2, plus 9 x the second letter (A=1, W=0),
 *                   mod 23, 0 = W, 1 = A ...
 *   PT NIF          Autoridade Tributária: 9 digits, first 1-3 persons, 45 non-
 *                   residents, 5 6 8 9 / 70-79 entities; weights 9..2, 11 - sum mod
 *                   11, 10 and 11 -> 0.
 *   RO CNP          Legea 119/1996 (MAI): S YYMMDD JJ NNN C, S 1-9 (century, sex,
 *                   residents), county 01-48, 51, 52, weights 2 7 9 1 4 6 3 5 8 2 7 9,
 *                   sum mod 11, 10 -> 1.
 *   CZ/SK rodné     Zákon 133/2000 Sb. (CZ), 301/1995 Z.z. (SK): YYMMDD/SSSC, month
 *   číslo           +50 women, +20/+70 from 2004; the 10-digit number is 0 mod 11
 *                   (or the first 9 are 10 mod 11 and C is 0); 9 digits before 1954.
 *   EE isikukood /  EVS 585:2007, LT Gyventojų registro įstatymas: G YYMMDD SSS C, G
 *   LT asmens kodas 1-6 (century and sex), C = sum(weights 1..9,1) mod 11, if 10
 *                   then weights 3..9,1,2,3, if 10 again 0.
 *   LV personas     PMLP: DDMMYY-CNNNN, C 0/1/2 the century, check (1101 - sum of
 *   kods            weights 1 6 3 7 9 10 5 8 4 2) mod 11; codes from 1 July 2017
 *                   start with 32 and carry no birth date.
 *   BG ЕГН          Наредба за ЕГН: YYMMDD (month +20 1800s, +40 2000s) SSS C,
 *                   weights 2 4 8 5 10 9 7 3 6, sum mod 11, 10 -> 0.
 *   HR OIB          Zakon o osobnom identifikacijskom broju: 11 digits, ISO 7064 MOD
 *                   11,10.
 *   JMBG / EMŠO     Yugoslav unique master citizen number (1976), kept by its
 *                   successor states: DDMMYYY RR BBB K, RR the region (0x
 *                   foreigners, 1x Bosnia and Herzegovina, 2x Montenegro, 3x
 *                   Croatia, 4x North Macedonia, 5x Slovenia, 7x central Serbia, 8x
 *                   Vojvodina, 9x Kosovo), K = 11 - sum(weights 7..2,7..2) mod 11,
 *                   10 and 11 -> 0. One entity per Glue name by region digit.
 *
 * Verdicts: a check letter (DNI, NIE, codice fiscale, HETU, PPSN), a mod-97 key
 * (NIR, Belgian number), two check digits with a date (Norway), or a check digit
 * with a birth date in the number's official layout ("811228-9874",
 * "736028/5108", "86 095 742 719") are STRONG; a bare run of digits with a date
 * and a check digit (random values pass 0.3-2%) is MEDIUM; bare digits with one
 * check digit and nothing else (1 in 10 or 11: BSN, NIP, REGON, PT NIF, OIB) or
 * a date without a check (CPR) are WEAK and need the column's hint or context
 * ("/w" keys). Numbers that serve as tax or health-insurance numbers too are
 * entities of their own that count only under their own column names.
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

/* Every joiner of the span is one `c` (or any single joiner when c is 0). */
static bool joiners_are(const dm_span *s, char c)
{
    for (int i = 1; i < s->ngroups; i++)
        if (s->seplen[i] != 1 || (c && s->sep[i] != c))
            return false;
    return true;
}

/* Every boundary between groups falls on one of the field offsets `cuts`
 * (counted in letters/digits from the start). */
static bool cuts_at(const dm_span *s, const int *cuts, int ncuts)
{
    int pos = 0;
    for (int i = 0; i + 1 < s->ngroups; i++) {
        pos += s->glen[i];
        bool ok = false;
        for (int k = 0; k < ncuts && !ok; k++)
            ok = cuts[k] == pos;
        if (!ok)
            return false;
    }
    return true;
}

/* A two-digit year whose century is unknown: valid in 19yy or 20yy (only 29
 * February tells them apart). */
static bool yy_date(int yy, int mm, int dd)
{
    return dm_valid_date(1900 + yy, mm, dd) || dm_valid_date(2000 + yy, mm, dd);
}

/* ---- SPAIN_DNI / SPAIN_NIE / SPAIN_NIF --------------------------------------------- */

static const char dni_letters[] = "TRWAGMYFPDXBNJZSQVHLCKE";

/* 8 digits + the DNI letter. */
static bool dni_ok(const char *d)
{
    if (!dm_all_digits(d, 8) || dm_all_same(d, 8))
        return false;
    long v = 0;
    for (int i = 0; i < 8; i++)
        v = v * 10 + (d[i] - '0');
    return d[8] == dni_letters[v % 23];
}

/* X/Y/Z + 7 digits + letter. */
static bool nie_ok(const char *d)
{
    if (d[0] != 'X' && d[0] != 'Y' && d[0] != 'Z')
        return false;
    char t[9];
    t[0] = (char)('0' + (d[0] - 'X'));
    memcpy(t + 1, d + 1, 8);
    return !dm_all_same(d + 1, 7) && dni_ok(t);
}

/* Spanish layouts: one run, or the letter apart ("12345678-Z", "X-1234567-L"),
 * or the DNI's dotted thousands ("12.345.678-Z"). */
static bool es_layout(const dm_span *s, bool lead_letter)
{
    static const int dotted[] = {2, 3, 3, 1};
    if (s->ngroups == 1)
        return true;
    if (lead_letter) {
        static const int l171[] = {1, 7, 1}, l18[] = {1, 8}, l81[] = {8, 1};
        return dm_layout_is(s, l171, 3) || dm_layout_is(s, l18, 2) || dm_layout_is(s, l81, 2);
    }
    static const int l81[] = {8, 1};
    return dm_layout_is(s, l81, 2) || dm_layout_is(s, dotted, 4);
}

static dm_verdict validate_es_dni(const dm_span *s)
{
    if (s->norm_len != 9 || !es_layout(s, false) || !dni_ok(s->norm) || dm_piece_of_longer(s))
        return DM_NO;
    return DM_STRONG;
}

static const char *const es_dni_shapes[] = {"c:D8L1", NULL};
static const char *const es_dni_hints[] = {"dni", "numero_dni", "documento_nacional_de_identidad", "num_dni",
                                           "dni_number", "spanish_id", "documento_identidad", NULL};
static const char *const es_dni_context[] = {"dni", "d.n.i", NULL};
static const char *const es_dni_examples[] = {"12345678Z", "45678912-S", "71.234.567-w", "45678912 s", NULL};
static const char *const es_dni_counter[] = {
    "12345678A",    /* wrong letter */
    "45678912T",    /* wrong letter */
    "00000000T",    /* placeholder: the letter holds */
    "99999999R",    /* placeholder */
    "12345678Ñ",    /* no such letter */
    NULL};

static dm_verdict validate_es_nie(const dm_span *s)
{
    if (s->norm_len != 9 || !es_layout(s, true) || !nie_ok(s->norm) || dm_piece_of_longer(s))
        return DM_NO;
    return DM_STRONG;
}

static const char *const es_nie_shapes[] = {"c:L1D7L1", NULL};
static const char *const es_nie_hints[] = {"nie", "numero_nie", "numero_de_identidad_de_extranjero",
                                           "numero_identidad_extranjero", "nie_number", "foreigner_id", NULL};
static const char *const es_nie_context[] = {"nie:", "nie ", "n.i.e", NULL};
static const char *const es_nie_examples[] = {"X1234567L", "Y-7654321-G", "z2345678m", NULL};
static const char *const es_nie_counter[] = {
    "X1234567T",    /* wrong letter */
    "W1234567L",    /* W is not a NIE prefix */
    "X0000000T",    /* placeholder */
    NULL};

/* CIF control over the 7 digits after the entity letter. */
static int cif_control(const char *d7)
{
    unsigned sum = 0;
    for (int i = 0; i < 7; i++) {
        unsigned v = (unsigned)(d7[i] - '0');
        if (i % 2 == 0) {
            v *= 2;
            v = v / 10 + v % 10;
        }
        sum += v;
    }
    return (int)((10 - sum % 10) % 10);
}

static dm_verdict validate_es_nif(const dm_span *s)
{
    const char *d = s->norm;
    if (s->norm_len != 9 || dm_piece_of_longer(s))
        return DM_NO;
    if (is_digit(d[0]))     /* a DNI is the NIF of a Spaniard: SPAIN_DNI's unless named so */
        return es_layout(s, false) && dni_ok(d) ? DM_WEAK : DM_NO;
    if (!es_layout(s, true) || !dm_all_digits(d + 1, 7) || dm_all_same(d + 1, 7))
        return DM_NO;
    if (d[0] == 'X' || d[0] == 'Y' || d[0] == 'Z')  /* a NIE: SPAIN_NIE's unless named so */
        return nie_ok(d) ? DM_WEAK : DM_NO;
    if (d[0] == 'K' || d[0] == 'L' || d[0] == 'M') {
        char t[9];
        t[0] = '0';
        memcpy(t + 1, d + 1, 8);
        return dni_ok(t) ? DM_STRONG : DM_NO;
    }
    if (!strchr("ABCDEFGHJNPQRSUVW", d[0]))
        return DM_NO;
    int c = cif_control(d + 1);
    bool letter_only = strchr("NPQRSW", d[0]) != NULL, digit_only = strchr("ABEH", d[0]) != NULL;
    if (is_digit(d[8]))
        return !letter_only && d[8] - '0' == c ? DM_MEDIUM : DM_NO;
    return !digit_only && d[8] == "JABCDEFGHI"[c] ? DM_MEDIUM : DM_NO;
}

static const char *const es_nif_shapes[] = {"c:D8L1", "c:L1D7L1", "c:L1D8", NULL};
static const char *const es_nif_hints[] = {"nif", "numero_nif", "numero_de_identificacion_fiscal", "cif",
                                           "nif_cif", "identificacion_fiscal", "spanish_tax_id", NULL};
static const char *const es_nif_context[] = {"nif:", "nif ", "cif:", "cif ", "n.i.f", NULL};
static const char *const es_nif_examples[] = {"K1234567L", "Q2826000H", "B58221235", "p-0800000-b",
                                              "12345678Z", NULL};
static const char *const es_nif_counter[] = {
    "K1234567T",    /* wrong letter */
    "Q2826000A",    /* wrong control letter */
    "B58221234",    /* wrong control digit */
    "Q28260008",    /* Q takes a letter */
    "I1234567J",    /* I is no entity letter */
    NULL};

/* ---- ITALY_FISCAL_CODE ----------------------------------------------------------- */

/* A digit or its omocodia letter (L=0 ... V=9): its value, or -1. */
static int cf_digit(char c)
{
    static const char omo[] = "LMNPQRSTUV";
    if (is_digit(c))
        return c - '0';
    const char *p = c ? strchr(omo, c) : NULL;
    return p ? (int)(p - omo) : -1;
}

static bool cf_check(const char *d)
{
    static const unsigned char odd[26] = {1,  0,  5,  7,  9,  13, 15, 17, 19, 21, 2,  4,  18,
                                          20, 11, 3,  6,  8,  12, 14, 16, 10, 22, 25, 24, 23};
    unsigned sum = 0;
    for (int i = 0; i < 15; i++) {
        unsigned v = is_digit(d[i]) ? (unsigned)(d[i] - '0') : (unsigned)(d[i] - 'A');
        sum += i % 2 == 0 ? odd[v] : v;
    }
    return d[15] == (char)('A' + sum % 26);
}

static dm_verdict validate_it_cf(const dm_span *s)
{
    static const char months[] = "ABCDEHLMPRST";
    const char *d = s->norm;
    if (s->norm_len != 16)
        return DM_NO;
    for (int i = 0; i < 6; i++)
        if (!is_upper(d[i]))
            return DM_NO;
    static const int num[] = {6, 7, 9, 10, 12, 13, 14};
    int v[7];
    for (int i = 0; i < 7; i++)
        if ((v[i] = cf_digit(d[num[i]])) < 0)
            return DM_NO;
    const char *m = strchr(months, d[8]);
    if (!is_upper(d[8]) || m == NULL || !is_upper(d[11]) || !is_upper(d[15]))
        return DM_NO;
    int yy = v[0] * 10 + v[1], day = v[2] * 10 + v[3];
    if (day > 40)
        day -= 40;
    if (!yy_date(yy, (int)(m - months) + 1, day))
        return DM_NO;
    if (!cf_check(d) || dm_piece_of_longer(s))
        return DM_NO;
    return DM_STRONG;
}

static const char *const it_cf_shapes[] = {"l:16:LLLL", NULL};
static const char *const it_cf_hints[] = {"codice_fiscale", "cod_fiscale", "codicefiscale", "cf",
                                          "fiscal_code", "italian_tax_code", "tax_code", NULL};
static const char *const it_cf_context[] = {"codice fiscale", "cod. fisc", "c.f.", NULL};
static const char *const it_cf_examples[] = {"RSSMRA85T10A562S", "BNCGPP70A41H501G", "vrdlgu80m01f205k",
                                             "RSSMRA85T10A56NH", NULL};
static const char *const it_cf_counter[] = {
    "RSSMRA85T10A562T",     /* control letter */
    "RSSMRA85F10A562S",     /* F is no month letter */
    "RSSMRA85B30A562G",     /* 30 February, control letter holds */
    "RSSMRA85T32A562Y",     /* day 32, control letter holds */
    "RSSMRA85F10A562R",     /* F is no month letter, control letter holds */
    NULL};

/* ---- FRANCE_NATIONAL_IDENTIFICATION_NUMBER / FRANCE_INSEE_CODE (NIR) -------------- */

static dm_verdict validate_fr_nir(const dm_span *s)
{
    static const int cuts[] = {1, 3, 5, 7, 10, 13};
    const char *d = s->norm;
    if (s->norm_len != 15 || !cuts_at(s, cuts, 6))
        return DM_NO;
    if (!(d[0] == '1' || d[0] == '2' || d[0] == '7' || d[0] == '8') || !dm_all_digits(d, 5))
        return DM_NO;
    int mm = two(d + 3);
    if (!((mm >= 1 && mm <= 12) || mm == 20 || (mm >= 30 && mm <= 42) || mm >= 50))
        return DM_NO;
    char t[13];
    memcpy(t, d, 13);
    if (d[5] == '2' && (d[6] == 'A' || d[6] == 'B')) {  /* Corsica */
        t[5] = '1';
        t[6] = d[6] == 'A' ? '9' : '8';
    } else if (!is_digit(d[6]) || two(d + 5) == 0) {
        return DM_NO;
    }
    if (!dm_all_digits(d + 7, 8) || three(d + 10) == 0)
        return DM_NO;
    unsigned key = 97 - dm_mod97(t, 13);
    if ((int)key != two(d + 13) || dm_piece_of_longer(s))
        return DM_NO;
    return DM_STRONG;
}

static const char *const fr_nir_shapes[] = {"c:D15", "c:D6L1D8", NULL};
static const char *const fr_nir_hints[] = {"nir", "numero_securite_sociale", "securite_sociale", "numero_secu",
                                           "num_secu", "no_secu", "numero_ss", "french_ssn",
                                           "social_security_number", NULL};
static const char *const fr_nir_context[] = {"nir", "sécurité sociale", "securite sociale", "n° ss", NULL};
static const char *const fr_nir_examples[] = {"1 85 05 78 006 084 91", "255081416802538", "1 78 02 2A 123 455 38",
                                              "2690549588157 80", NULL};
static const char *const fr_nir_counter[] = {
    "1 85 05 78 006 084 92",    /* key */
    "3 85 05 78 006 084 88",    /* sex 3, key holds */
    "1 85 13 78 006 084 25",    /* month 13, key holds */
    "1 85 05 78 006 000 78",    /* order 000, key holds */
    "1 85 0 578 006 084 91",    /* groups across fields */
    NULL};

/* The same number under the name INSEE gives it (and "code INSEE" columns). */
static const char *const fr_insee_hints[] = {"insee", "code_insee", "numero_insee", "insee_code", "insee_number",
                                             "n_insee", NULL};
static const char *const fr_insee_examples[] = {"1 85 05 78 006 084 91", "255081416802538",
                                                "2 95 10 99 123 456 32", NULL};

/* ---- NETHERLANDS_CITIZEN_SERVICE_NUMBER (BSN) ---------------------------------- */

static bool elfproef(const char *d)
{
    static const int w[8] = {9, 8, 7, 6, 5, 4, 3, 2};
    int sum = (int)dm_weighted_sum(d, w, 8) - (d[8] - '0');
    return sum > 0 && sum % 11 == 0;
}

static dm_verdict validate_nl_bsn(const dm_span *s)
{
    static const int dotted[] = {4, 2, 3};
    if (s->norm_len != 9 || !dm_all_digits(s->norm, 9) || dm_dummy_digits(s->norm, 9) || !elfproef(s->norm) ||
        dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_WEAK;     /* 1 in 11 random 9-digit numbers pass */
    return dm_layout_is(s, dotted, 3) && joiners_are(s, '.') ? DM_MEDIUM : DM_NO;
}

static const char *const nl_bsn_shapes[] = {"c:D9/w", "e:D4.D2.D3", NULL};
static const char *const nl_bsn_hints[] = {"bsn", "burgerservicenummer", "bsn_nummer", "sofinummer",
                                           "sofi_nummer", "citizen_service_number", "dutch_ssn", NULL};
static const char *const nl_bsn_context[] = {"bsn", "burgerservicenummer", "sofinummer", NULL};
static const char *const nl_bsn_examples[] = {"111222333", "123456782", "2345.67.892", "273819914", NULL};
static const char *const nl_bsn_counter[] = {"123456789", "111222334", "999999999", "1234.56.783", NULL};

/* ---- BELGIUM_NATIONAL_IDENTIFICATION_NUMBER --------------------------------------- */

static dm_verdict validate_be_nn(const dm_span *s)
{
    static const int cuts[] = {2, 4, 6, 9};
    const char *d = s->norm;
    if (s->norm_len != 11 || !dm_all_digits(d, 11) || !cuts_at(s, cuts, 4))
        return DM_NO;
    int yy = two(d), mm = two(d + 2), dd = two(d + 4), serial = three(d + 6), cc = two(d + 9);
    if (mm >= 40)
        mm -= 40;
    else if (mm >= 20)
        mm -= 20;
    if (mm > 12 || dd > 31 || serial == 0 || serial > 997)
        return DM_NO;
    long n = 0;
    for (int i = 0; i < 9; i++)
        n = n * 10 + (d[i] - '0');
    bool c19 = 97 - n % 97 == cc, c20 = 97 - (2000000000L + n) % 97 == cc;
    if (!c19 && !c20)
        return DM_NO;
    if (mm != 0 && dd != 0) {   /* a known date must exist in its century */
        bool ok = (c19 && dm_valid_date(1900 + yy, mm, dd)) || (c20 && dm_valid_date(2000 + yy, mm, dd));
        if (!ok)
            return DM_NO;
    }
    if (dm_piece_of_longer(s))
        return DM_NO;
    return DM_STRONG;
}

static const char *const be_nn_shapes[] = {"c:D11", NULL};
static const char *const be_nn_hints[] = {"rijksregisternummer", "numero_national", "insz", "niss",
                                          "national_number", "rijksregister", "registre_national",
                                          "belgian_national_number", NULL};
static const char *const be_nn_context[] = {"rijksregister", "registre national", "insz", "niss", NULL};
static const char *const be_nn_examples[] = {"85.07.30-033.28", "90010112395", "01.03.15-287.13", "72 02 15 123 80",
                                             NULL};
static const char *const be_nn_counter[] = {
    "85.07.30-033.29",  /* check */
    "85.13.30-033.70",  /* month 13, check holds */
    "85.07.30-000.61",  /* serial 000, check holds */
    "85.07.30-998.33",  /* serial 998, check holds */
    "85.073.0-033.28",  /* groups across fields */
    NULL};

/* ---- POLAND_IDENTIFICATION_NUMBER (PESEL) ------------------------------------------- */

static dm_verdict validate_pl_pesel(const dm_span *s)
{
    static const int w[10] = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
    const char *d = s->norm;
    if (s->norm_len != 11 || s->ngroups != 1 || !dm_all_digits(d, 11))
        return DM_NO;
    int yy = two(d), mm = two(d + 2), dd = two(d + 4);
    static const int base[5] = {1900, 2000, 2100, 2200, 1800};
    int year = base[mm / 20 > 4 ? 0 : mm / 20] + yy;
    if (mm / 20 > 4 || !dm_valid_date(year, mm % 20, dd))
        return DM_NO;
    if ((10 - dm_weighted_sum(d, w, 10) % 10) % 10 != (unsigned)(d[10] - '0') || dm_dummy_digits(d, 11) ||
        dm_piece_of_longer(s))
        return DM_NO;
    return DM_MEDIUM;
}

static const char *const pl_pesel_shapes[] = {"c:D11", NULL};
static const char *const pl_pesel_hints[] = {"pesel", "numer_pesel", "nr_pesel", "pesel_number", NULL};
static const char *const pl_pesel_context[] = {"pesel", NULL};
static const char *const pl_pesel_examples[] = {"44051401359", "02230109818", "90110312346", "85123100037", NULL};
static const char *const pl_pesel_counter[] = {
    "44051401358",  /* check */
    "44053201353",  /* day 32, check holds */
    "44131401350",  /* month 13, check holds */
    "00000000000",
    NULL};

/* ---- POLAND_TAX_IDENTIFICATION_NUMBER (NIP) ----------------------------------------- */

static dm_verdict validate_pl_nip(const dm_span *s)
{
    static const int w[9] = {6, 5, 7, 2, 3, 4, 5, 6, 7};
    static const int l3322[] = {3, 3, 2, 2}, l3223[] = {3, 2, 2, 3};
    const char *d = s->norm;
    if (s->norm_len != 10 || !dm_all_digits(d, 10) || d[0] == '0' || dm_dummy_digits(d, 10))
        return DM_NO;
    unsigned r = dm_weighted_sum(d, w, 9) % 11;
    if (r == 10 || r != (unsigned)(d[9] - '0') || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_WEAK;     /* 1 in 11 */
    if ((dm_layout_is(s, l3322, 4) || dm_layout_is(s, l3223, 4)) && joiners_are(s, '-'))
        return DM_MEDIUM;
    return DM_NO;
}

static const char *const pl_nip_shapes[] = {"c:D10/w", "e:D3-D3-D2-D2", "e:D3-D2-D2-D3", NULL};
static const char *const pl_nip_hints[] = {"nip", "numer_nip", "nr_nip", "numer_identyfikacji_podatkowej",
                                           "polish_tax_id", "nip_number", NULL};
static const char *const pl_nip_context[] = {"nip:", "nip ", "nip-", NULL};
static const char *const pl_nip_examples[] = {"1234563218", "526-000-25-01", "951-23-45-675", NULL};
static const char *const pl_nip_counter[] = {"1234563219", "526-000-25-02", "0123456789", "1111111111", NULL};

/* ---- POLAND_REGON_NUMBER --------------------------------------------------------------- */

static bool regon_ok(const char *d, size_t n)
{
    static const int w9[8] = {8, 9, 2, 3, 4, 5, 6, 7};
    static const int w14[13] = {2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8};
    unsigned r = n == 9 ? dm_weighted_sum(d, w9, 8) % 11 % 10 : dm_weighted_sum(d, w14, 13) % 11 % 10;
    return r == (unsigned)(d[n - 1] - '0');
}

static dm_verdict validate_pl_regon(const dm_span *s)
{
    const char *d = s->norm;
    size_t n = s->norm_len;
    if ((n != 9 && n != 14) || s->ngroups != 1 || !dm_all_digits(d, n) || dm_dummy_digits(d, n))
        return DM_NO;
    /* a 14-digit REGON is a local unit of the 9-digit one, which must hold */
    if (!regon_ok(d, 9) || (n == 14 && !regon_ok(d, 14)) || dm_piece_of_longer(s))
        return DM_NO;
    return DM_WEAK;
}

static const char *const pl_regon_shapes[] = {"c:D9/w", "c:D14/w", NULL};
static const char *const pl_regon_hints[] = {"regon", "numer_regon", "nr_regon", "regon_number", NULL};
static const char *const pl_regon_context[] = {"regon", NULL};
static const char *const pl_regon_examples[] = {"123456785", "731250461", "12345678512347", NULL};
static const char *const pl_regon_counter[] = {"123456786", "731250462", "12345678512348", "000000000", NULL};

/* ---- SWEDEN_PERSONAL_IDENTIFICATION_NUMBER ----------------------------------------------- */

static dm_verdict validate_se_pnr(const dm_span *s)
{
    const char *d = s->norm;
    size_t n = s->norm_len;
    if ((n != 10 && n != 12) || !dm_all_digits(d, n))
        return DM_NO;
    int year;
    if (n == 12) {
        int cc = two(d);
        if (cc < 18 || cc > 20)
            return DM_NO;
        year = cc * 100 + two(d + 2);
        d += 2;
    } else {
        year = 1900 + two(d);
    }
    int mm = two(d + 2), dd = two(d + 4);
    if (dd > 60)    /* samordningsnummer */
        dd -= 60;
    bool date = n == 12 ? dm_valid_date(year, mm, dd) : yy_date(year - 1900, mm, dd);
    if (!date || !dm_luhn(d, 10) || dm_dummy_digits(s->norm, n) || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_MEDIUM;
    static const int l64[] = {6, 4}, l84[] = {8, 4};
    if ((dm_layout_is(s, l64, 2) || dm_layout_is(s, l84, 2)) && joiners_are(s, '-'))
        return DM_STRONG;
    return DM_NO;
}

static const char *const se_pnr_shapes[] = {"c:D10", "c:D12", NULL};
static const char *const se_pnr_hints[] = {"personnummer", "personnr", "person_nummer", "pnr",
                                           "samordningsnummer", "swedish_personal_number", "swedish_ssn", NULL};
static const char *const se_pnr_context[] = {"personnummer", "pers.nr", "samordningsnummer", NULL};
static const char *const se_pnr_examples[] = {"811228-9874", "6408233234", "19850770-1236", "198112289874", NULL};
static const char *const se_pnr_counter[] = {
    "811228-9875",      /* Luhn */
    "811328-9873",      /* month 13, Luhn holds */
    "640823-3235",      /* Luhn */
    "218112289874",     /* century 21 */
    NULL};

/* ---- DENMARK_PERSONAL_IDENTIFICATION_NUMBER (CPR) ------------------------------------------ */

static dm_verdict validate_dk_cpr(const dm_span *s)
{
    static const int l64[] = {6, 4};
    const char *d = s->norm;
    if (s->norm_len != 10 || !dm_all_digits(d, 10) || dm_dummy_digits(d, 10))
        return DM_NO;
    if (s->ngroups != 1 && !(dm_layout_is(s, l64, 2) && joiners_are(s, '-')))
        return DM_NO;
    if (!yy_date(two(d + 4), two(d + 2), two(d)) || dm_piece_of_longer(s))
        return DM_NO;
    return DM_WEAK;     /* a date and four digits: no check since 2007 */
}

static const char *const dk_cpr_shapes[] = {"c:D10/w", NULL};
static const char *const dk_cpr_hints[] = {"cpr", "cpr_nummer", "cpr_number", "cpr_nr", "personnummer_dk",
                                           "danish_personal_number", NULL};
static const char *const dk_cpr_context[] = {"cpr", NULL};
static const char *const dk_cpr_examples[] = {"010190-1234", "2512851237", "290200-4321", NULL};
static const char *const dk_cpr_counter[] = {"320190-1234", "011390-1234", "290201-4321", "0000000000", NULL};

/* ---- FINLAND_NATIONAL_IDENTIFICATION_NUMBER (HETU) --------------------------------------- */

static dm_verdict validate_fi_hetu(const dm_span *s)
{
    const char *d = s->norm;
    char buf[10];
    char sep, q;
    if (s->norm_len == 11 && s->ngroups == 1) {     /* century letter inside */
        sep = d[6];
        memcpy(buf, d, 6);
        memcpy(buf + 6, d + 7, 3);
        q = d[10];
    } else if (s->norm_len == 10 && s->ngroups == 2 && s->glen[0] == 6 && s->sep[1] == '-' &&
               s->seplen[1] == 1) {
        sep = '-';
        memcpy(buf, d, 9);
        q = d[9];
    } else {
        return DM_NO;
    }
    int base;
    if (sep == '-' || (sep >= 'U' && sep <= 'Y'))
        base = 1900;
    else if (sep >= 'A' && sep <= 'F')
        base = 2000;
    else
        return DM_NO;
    if (!dm_all_digits(buf, 9) || !dm_valid_date(base + two(buf + 4), two(buf + 2), two(buf)) ||
        three(buf + 6) < 2)
        return DM_NO;
    long v = 0;
    for (int i = 0; i < 9; i++)
        v = v * 10 + (buf[i] - '0');
    if (q != "0123456789ABCDEFHJKLMNPRSTUVWXY"[v % 31] || dm_piece_of_longer(s))
        return DM_NO;
    return DM_STRONG;
}

/* century letter inside: "l:11:DDDD" rather than the compact D6L1D3L1,
 * whose 4 runs would raise the most runs the engine follows for compact keys */
static const char *const fi_hetu_shapes[] = {"l:11:DDDD", "c:D10", "c:D9L1", NULL};
static const char *const fi_hetu_hints[] = {"henkilotunnus", "hetu", "henkilötunnus", "personbeteckning",
                                            "finnish_personal_identity_code", "finnish_ssn", NULL};
static const char *const fi_hetu_context[] = {"hetu", "henkilötunnus", "henkilotunnus", NULL};
static const char *const fi_hetu_examples[] = {"131052-308T", "010594Y9021", "020301a123x", "311299-045N", NULL};
static const char *const fi_hetu_counter[] = {
    "131052-308U",  /* check */
    "131052G308T",  /* G is no century sign */
    "310252-308Y",  /* 31 February, check holds */
    "131052-001W",  /* individual number 001, check holds */
    NULL};

/* ---- NORWAY_NATIONAL_IDENTIFICATION_NUMBER / NORWAY_BIRTH_NUMBER -------------------------- */

/* 11 digits with both check digits; *kind: 'F' birth number, 'D' D-number,
 * 'H' H-number. Synthetic test numbers (month +80) are refused. */
static bool no_number(const dm_span *s, char *kind)
{
    static const int w1[9] = {3, 7, 6, 1, 8, 9, 4, 5, 2}, w2[10] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    static const int l65[] = {6, 5};
    const char *d = s->norm;
    if (s->norm_len != 11 || !dm_all_digits(d, 11))
        return false;
    if (s->ngroups != 1 && !(dm_layout_is(s, l65, 2) && joiners_are(s, 0)))
        return false;
    int dd = two(d), mm = two(d + 2);
    *kind = 'F';
    if (dd > 40)
        dd -= 40, *kind = 'D';
    if (mm > 40 && mm <= 52 && *kind == 'F')
        mm -= 40, *kind = 'H';
    if (!yy_date(two(d + 4), mm, dd))
        return false;
    unsigned k1 = (11 - dm_weighted_sum(d, w1, 9) % 11) % 11, k2 = (11 - dm_weighted_sum(d, w2, 10) % 11) % 11;
    return k1 != 10 && k2 != 10 && k1 == (unsigned)(d[9] - '0') && k2 == (unsigned)(d[10] - '0') &&
           !dm_dummy_digits(d, 11) && !dm_piece_of_longer(s);
}

static dm_verdict validate_no_nin(const dm_span *s)
{
    char kind;
    return no_number(s, &kind) ? DM_STRONG : DM_NO;
}

static dm_verdict validate_no_birth(const dm_span *s)
{
    char kind;
    return no_number(s, &kind) && kind == 'F' ? DM_STRONG : DM_NO;
}

static const char *const no_shapes[] = {"c:D11", NULL};
static const char *const no_nin_hints[] = {"national_identity_number", "identitetsnummer", "d_nummer",
                                           "dnummer", "norwegian_national_id", "norwegian_id", NULL};
static const char *const no_nin_context[] = {"d-nummer", "identitetsnummer", "fødselsnummer", NULL};
static const char *const no_nin_examples[] = {"15078725475", "310568 35760", "41019012393", NULL};
static const char *const no_nin_counter[] = {
    "15078725476",  /* second check digit */
    "15078725465",  /* first check digit */
    "01819012365",  /* synthetic test number (month +80), checks hold */
    "32078725400",  /* day 32 */
    NULL};
static const char *const no_birth_hints[] = {"fodselsnummer", "fødselsnummer", "fodselsnr", "fnr",
                                             "birth_number", "personnummer_no", NULL};
static const char *const no_birth_context[] = {"fødselsnummer", "fodselsnummer", "f.nr", NULL};
static const char *const no_birth_examples[] = {"15078725475", "310568 35760", "01019012480", "12128598772",
                                                NULL};
static const char *const no_birth_counter[] = {
    "41019012393",  /* a D-number: not a birth number */
    "15078725476",  /* check */
    "01819012365",  /* synthetic test number */
    NULL};

/* ---- GERMANY_TAX_IDENTIFICATION_NUMBER (Steuerliche IdNr) ------------------------------- */

static bool de_digit_rule(const char *d)
{
    int count[10] = {0};
    for (int i = 0; i < 10; i++)
        count[d[i] - '0']++;
    int twice = 0, thrice = 0, more = 0;
    for (int i = 0; i < 10; i++) {
        twice += count[i] == 2;
        thrice += count[i] == 3;
        more += count[i] > 3;
    }
    if (more || twice + thrice != 1)
        return false;
    if (thrice)     /* three times, but never three in a row */
        for (int i = 0; i + 2 < 10; i++)
            if (d[i] == d[i + 1] && d[i] == d[i + 2])
                return false;
    return true;
}

static dm_verdict validate_de_idnr(const dm_span *s)
{
    static const int l2333[] = {2, 3, 3, 3};
    const char *d = s->norm;
    if (s->norm_len != 11 || !dm_all_digits(d, 11) || d[0] == '0' || !de_digit_rule(d) ||
        !dm_iso7064_mod11_10(d, 11) || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_MEDIUM;
    return dm_layout_is(s, l2333, 4) && joiners_are(s, ' ') ? DM_STRONG : DM_NO;
}

static const char *const de_idnr_shapes[] = {"c:D11", NULL};
static const char *const de_idnr_hints[] = {"steuer_id", "steueridentifikationsnummer", "steuerid",
                                            "steuerliche_identifikationsnummer", "idnr", "steuer_idnr",
                                            "german_tax_id", NULL};
static const char *const de_idnr_context[] = {"steuer-id", "steuer-idnr", "idnr", "identifikationsnummer", NULL};
static const char *const de_idnr_examples[] = {"86095742719", "47 123 456 083", "11012345675", "57823021696",
                                               NULL};
static const char *const de_idnr_counter[] = {
    "86095742718",  /* check */
    "65321908746",  /* every digit once, check holds */
    "29951337404",  /* two digits twice, check holds */
    "11123456786",  /* one digit three times in a row */
    "06095742715",  /* leading 0, check holds */
    NULL};

/* ---- SWITZERLAND_AHV ------------------------------------------------------------------- */

static bool ean13_ok(const char *d)
{
    unsigned sum = 0;
    for (int i = 0; i < 12; i++)
        sum += (unsigned)(d[i] - '0') * (i % 2 ? 3u : 1u);
    return (10 - sum % 10) % 10 == (unsigned)(d[12] - '0');
}

static dm_verdict validate_ch_ahv(const dm_span *s)
{
    static const int l3442[] = {3, 4, 4, 2};
    const char *d = s->norm;
    if (s->norm_len != 13 || !dm_all_digits(d, 13) || memcmp(d, "756", 3) != 0 || !ean13_ok(d) ||
        dm_all_same(d + 3, 9) || dm_piece_of_longer(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_MEDIUM;
    return dm_layout_is(s, l3442, 4) && joiners_are(s, 0) && s->sep[1] == s->sep[2] && s->sep[2] == s->sep[3]
               ? DM_STRONG
               : DM_NO;
}

static const char *const ch_ahv_shapes[] = {"c:D13", NULL};
static const char *const ch_ahv_hints[] = {"ahv", "ahv_nummer", "ahv_nr", "avs", "numero_avs", "avs_number",
                                           "sozialversicherungsnummer", "social_security_number", "ahv_number",
                                           NULL};
static const char *const ch_ahv_context[] = {"ahv", "avs", "sozialversicherungsnummer", NULL};
static const char *const ch_ahv_examples[] = {"756.1234.5678.97", "7569217435867", "756 3012 3456 73", NULL};
static const char *const ch_ahv_counter[] = {"756.1234.5678.98", "7571234567896", "756.0000.0000.02",
                                             "756.12.345678.97", NULL};

/* ---- IRELAND_PERSONAL_PUBLIC_SERVICE_NUMBER ------------------------------------------------ */

static dm_verdict validate_ie_pps(const dm_span *s)
{
    static const int w[7] = {8, 7, 6, 5, 4, 3, 2};
    const char *d = s->norm;
    size_t n = s->norm_len;
    if ((n != 8 && n != 9) || !dm_all_digits(d, 7) || dm_all_same(d, 7) || !is_upper(d[7]))
        return DM_NO;
    if (s->ngroups != 1 && !(s->ngroups == 2 && s->glen[0] == 7))
        return DM_NO;
    unsigned sum = dm_weighted_sum(d, w, 7);
    if (n == 9) {
        if (d[8] == 'W')
            sum += 0;
        else if (d[8] >= 'A' && d[8] <= 'I')
            sum += 9u * (unsigned)(d[8] - 'A' + 1);
        else
            return DM_NO;
    }
    unsigned r = sum % 23;
    if (d[7] != (r == 0 ? 'W' : (char)('A' + r - 1)) || dm_piece_of_longer(s))
        return DM_NO;
    return DM_STRONG;
}

static const char *const ie_pps_shapes[] = {"c:D7L1", "c:D7L2", NULL};
static const char *const ie_pps_hints[] = {"ppsn", "pps", "pps_number", "pps_no", "personal_public_service_number",
                                           "rsi_number", "irish_ssn", NULL};
static const char *const ie_pps_context[] = {"ppsn", "pps no", "pps number", "pps:", NULL};
static const char *const ie_pps_examples[] = {"1234567T", "1234567FA", "8765432sw", "7654321 G", NULL};
static const char *const ie_pps_counter[] = {"1234567A", "1234567FB", "1234567TZ", "0000000W", NULL};

/* ---- PORTUGAL_TAX_IDENTIFICATION_NUMBER (NIF) -------------------------------------------- */

static dm_verdict validate_pt_nif(const dm_span *s)
{
    static const int w[8] = {9, 8, 7, 6, 5, 4, 3, 2};
    static const int l333[] = {3, 3, 3};
    const char *d = s->norm;
    if (s->norm_len != 9 || !dm_all_digits(d, 9) || dm_dummy_digits(d, 9))
        return DM_NO;
    if (s->ngroups != 1 && !(dm_layout_is(s, l333, 3) && joiners_are(s, ' ')))
        return DM_NO;
    int p = two(d);
    bool first = strchr("123568", d[0]) != NULL || p == 45 || (p >= 70 && p <= 79 && p != 73 && p != 76 && p != 78) ||
                 p == 90 || p == 91 || p == 98 || p == 99;
    unsigned c = 11 - dm_weighted_sum(d, w, 8) % 11;
    if (c >= 10)
        c = 0;
    if (!first || c != (unsigned)(d[8] - '0') || dm_piece_of_longer(s))
        return DM_NO;
    return DM_WEAK;     /* 1 in 11, like any 9-digit number */
}

static const char *const pt_nif_shapes[] = {"c:D9/w", NULL};
static const char *const pt_nif_hints[] = {"nif", "numero_de_contribuinte", "contribuinte", "nif_pt", "nipc",
                                           "numero_identificacao_fiscal", "portuguese_tax_id", NULL};
static const char *const pt_nif_context[] = {"contribuinte", "nif:", "nif ", "nipc", NULL};
static const char *const pt_nif_examples[] = {"246813571", "222333448", "301234566", "500 000 000", NULL};
static const char *const pt_nif_counter[] = {"123456780", "422333441", "111111111", "222333447", NULL};

/* ---- ROMANIA_NUMERICAL_PERSONAL_CODE (CNP) ----------------------------------------------- */

static dm_verdict validate_ro_cnp(const dm_span *s)
{
    static const int w[12] = {2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9};
    const char *d = s->norm;
    if (s->norm_len != 13 || s->ngroups != 1 || !dm_all_digits(d, 13) || d[0] == '0')
        return DM_NO;
    int yy = two(d + 1), mm = two(d + 3), dd = two(d + 5), jj = two(d + 7);
    bool date;
    if (d[0] <= '2')
        date = dm_valid_date(1900 + yy, mm, dd);
    else if (d[0] <= '4')
        date = dm_valid_date(1800 + yy, mm, dd);
    else if (d[0] <= '6')
        date = dm_valid_date(2000 + yy, mm, dd);
    else
        date = yy_date(yy, mm, dd);
    if (!date || jj < 1 || (jj > 48 && jj != 51 && jj != 52) || three(d + 9) == 0)
        return DM_NO;
    unsigned r = dm_weighted_sum(d, w, 12) % 11;
    if ((r == 10 ? 1u : r) != (unsigned)(d[12] - '0') || dm_piece_of_longer(s))
        return DM_NO;
    return DM_MEDIUM;
}

static const char *const ro_cnp_shapes[] = {"c:D13", NULL};
static const char *const ro_cnp_hints[] = {"cnp", "cod_numeric_personal", "codul_numeric_personal", "cnp_number",
                                           "romanian_personal_code", NULL};
static const char *const ro_cnp_context[] = {"cnp", "cod numeric personal", NULL};
static const char *const ro_cnp_examples[] = {"1960822401231", "2961214400150", "5020101123453", NULL};
static const char *const ro_cnp_counter[] = {
    "1960822401232",    /* check */
    "1961322401234",    /* month 13, check holds */
    "1960822601230",    /* county 60, check holds */
    "0960822401232",    /* sex digit 0 */
    NULL};

/* ---- CZECHIA_PERSONAL_IDENTIFICATION_NUMBER / SLOVAKIA_NATIONAL_IDENTIFICATION_NUMBER ---- */

static dm_verdict validate_rodne_cislo(const dm_span *s)
{
    const char *d = s->norm;
    size_t n = s->norm_len;
    if ((n != 9 && n != 10) || !dm_all_digits(d, n))
        return DM_NO;
    bool slash = s->ngroups == 2 && s->glen[0] == 6 && s->sep[1] == '/' && s->seplen[1] == 1;
    if (s->ngroups != 1 && !(s->ngroups == 2 && s->glen[0] == 6 && s->seplen[1] == 1 &&
                             (slash || s->sep[1] == ' ' || s->sep[1] == '-')))
        return DM_NO;
    int yy = two(d), mm = two(d + 2), dd = two(d + 4);
    if (mm > 70)
        mm -= 70;
    else if (mm > 50)
        mm -= 50;
    else if (mm > 20)
        mm -= 20;
    int year = n == 9 ? 1900 + yy : (yy >= 54 ? 1900 + yy : 2000 + yy);
    if ((n == 9 && yy >= 54) || !dm_valid_date(year, mm, dd) || dm_piece_of_longer(s))
        return DM_NO;
    if (n == 9)     /* before 1954: no check digit */
        return slash ? DM_WEAK : DM_NO;
    long v = 0;
    for (int i = 0; i < 9; i++)
        v = v * 10 + (d[i] - '0');
    long c = v % 11;
    if ((c == 10 ? 0 : c) != d[9] - '0')
        return DM_NO;
    if (s->ngroups == 1)
        return DM_MEDIUM;
    return slash ? DM_STRONG : DM_MEDIUM;
}

static const char *const rc_shapes[] = {"c:D10", "c:D9/w", NULL};
static const char *const cz_rc_hints[] = {"rodne_cislo", "rodné_číslo", "rc", "czech_birth_number",
                                          "czech_personal_number", "birth_number", NULL};
static const char *const sk_rc_hints[] = {"rodne_cislo", "rodné_číslo", "slovak_birth_number",
                                          "slovak_personal_number", "birth_number", NULL};
static const char *const rc_context[] = {"rodné číslo", "rodne cislo", "r.č.", NULL};
static const char *const rc_examples[] = {"736028/5108", "7851120112", "045228/0400", "540101/0000", NULL};
static const char *const rc_counter[] = {
    "736028/5109",  /* mod 11 */
    "731328/5100",  /* month 13, mod 11 holds */
    "736032/5104",  /* day 32, mod 11 holds */
    "541231/123",   /* 9 digits: only before 1954 */
    NULL};

/* ---- ESTONIA_PERSONAL_IDENTIFICATION_CODE / LITHUANIA_PERSONAL_IDENTIFICATION_NUMBER ---- */

static bool baltic_check(const char *d)
{
    static const int w1[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1}, w2[10] = {3, 4, 5, 6, 7, 8, 9, 1, 2, 3};
    unsigned r = dm_weighted_sum(d, w1, 10) % 11;
    if (r == 10)
        r = dm_weighted_sum(d, w2, 10) % 11;
    if (r == 10)
        r = 0;
    return r == (unsigned)(d[10] - '0');
}

static dm_verdict validate_ee_lt(const dm_span *s)
{
    const char *d = s->norm;
    if (s->norm_len != 11 || s->ngroups != 1 || !dm_all_digits(d, 11) || d[0] < '1' || d[0] > '6')
        return DM_NO;
    int year = 1800 + 100 * ((d[0] - '1') / 2) + two(d + 1);
    if (!dm_valid_date(year, two(d + 3), two(d + 5)) || !baltic_check(d) || dm_dummy_digits(d, 11) ||
        dm_piece_of_longer(s))
        return DM_NO;
    return DM_MEDIUM;
}

static const char *const baltic_shapes[] = {"c:D11", NULL};
static const char *const ee_hints[] = {"isikukood", "isikukoodi", "estonian_personal_code",
                                       "estonian_id_code", NULL};
static const char *const ee_context[] = {"isikukood", NULL};
static const char *const ee_examples[] = {"37605210297", "48807261238", "50101010009", "61202291237", NULL};
static const char *const ee_counter[] = {"37605210298", "37613210291", "76052102971", "61302291238", NULL};
static const char *const lt_hints[] = {"asmens_kodas", "asmenskodas", "asmens_kodo", "lithuanian_personal_code",
                                       "lithuanian_id_code", NULL};
static const char *const lt_context[] = {"asmens kodas", NULL};
static const char *const lt_examples[] = {"33309240064", "49507181239", "50512311110", NULL};
static const char *const lt_counter[] = {"33309240065", "33313240066", "73309240064", NULL};

/* ---- LATVIA_PERSONAL_IDENTIFICATION_NUMBER ---------------------------------------------- */

static dm_verdict validate_lv_pk(const dm_span *s)
{
    static const int w[10] = {1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const int l65[] = {6, 5};
    const char *d = s->norm;
    if (s->norm_len != 11 || !dm_all_digits(d, 11) || dm_dummy_digits(d, 11))
        return DM_NO;
    bool dashed = dm_layout_is(s, l65, 2) && joiners_are(s, '-');
    if (s->ngroups != 1 && !dashed)
        return DM_NO;
    if (dm_piece_of_longer(s))
        return DM_NO;
    if (d[0] == '3' && d[1] == '2')     /* since July 2017: no date, no published check */
        return DM_WEAK;
    if (d[6] < '0' || d[6] > '2' || !dm_valid_date(1800 + 100 * (d[6] - '0') + two(d + 4), two(d + 2), two(d)))
        return DM_NO;
    int c = (int)((1101 - (int)dm_weighted_sum(d, w, 10)) % 11);
    if (c < 0)
        c += 11;
    if (c == 10 || c != d[10] - '0')
        return DM_NO;
    return dashed ? DM_STRONG : DM_MEDIUM;
}

static const char *const lv_shapes[] = {"c:D11", NULL};
static const char *const lv_hints[] = {"personas_kods", "personaskods", "pers_kods", "latvian_personal_code",
                                       "latvian_id_code", NULL};
static const char *const lv_context[] = {"personas kods", "p.k.", NULL};
static const char *const lv_examples[] = {"121181-12349", "01019012349", "290200-21239", "321234-56789", NULL};
static const char *const lv_counter[] = {"121181-12348", "121381-12346", "121181-32347", "000000-00000", NULL};

/* ---- BULGARIA_UNIFORM_CIVIL_NUMBER (ЕГН) -------------------------------------------------- */

static dm_verdict validate_bg_egn(const dm_span *s)
{
    static const int w[9] = {2, 4, 8, 5, 10, 9, 7, 3, 6};
    const char *d = s->norm;
    if (s->norm_len != 10 || s->ngroups != 1 || !dm_all_digits(d, 10))
        return DM_NO;
    int yy = two(d), mm = two(d + 2), year = 1900 + yy;
    if (mm > 40)
        mm -= 40, year += 100;
    else if (mm > 20)
        mm -= 20, year -= 100;
    if (!dm_valid_date(year, mm, two(d + 4)))
        return DM_NO;
    unsigned r = dm_weighted_sum(d, w, 9) % 11;
    if ((r == 10 ? 0u : r) != (unsigned)(d[9] - '0') || dm_dummy_digits(d, 10) || dm_piece_of_longer(s))
        return DM_NO;
    return DM_MEDIUM;
}

static const char *const bg_egn_shapes[] = {"c:D10", NULL};
static const char *const bg_egn_hints[] = {"egn", "егн", "edinen_grazhdanski_nomer", "uniform_civil_number",
                                           "bulgarian_personal_number", "egn_number", NULL};
static const char *const bg_egn_context[] = {"егн", "egn", NULL};
static const char *const bg_egn_examples[] = {"7523169263", "8201011233", "0341011231", NULL};
static const char *const bg_egn_counter[] = {"7523169264", "7513169266", "7533169260", "0000000000", NULL};

/* ---- CROATIA_PERSONAL_IDENTIFICATION_NUMBER (OIB) ------------------------------------------ */

static dm_verdict validate_hr_oib(const dm_span *s)
{
    const char *d = s->norm;
    if (s->norm_len != 11 || s->ngroups != 1 || !dm_all_digits(d, 11) || dm_dummy_digits(d, 11) ||
        !dm_iso7064_mod11_10(d, 11) || dm_piece_of_longer(s))
        return DM_NO;
    return DM_WEAK;     /* one check digit: 1 in 10 */
}

static const char *const hr_oib_shapes[] = {"c:D11/w", NULL};
static const char *const hr_oib_hints[] = {"oib", "osobni_identifikacijski_broj", "oib_broj", "croatian_tax_id",
                                           "croatian_personal_id", NULL};
static const char *const hr_oib_context[] = {"oib", NULL};
static const char *const hr_oib_examples[] = {"69435151530", "94271509877", "33613220318", NULL};
static const char *const hr_oib_counter[] = {"69435151531", "94271509878", "00000000000", NULL};

/* ---- <REGION>_UNIQUE_MASTER_CITIZEN_NUMBER (JMBG / EMŠO) --------------------------------- */

/* The region digit (republic or province) of a valid JMBG, or -1. */
static int jmbg_region(const dm_span *s)
{
    static const int w[12] = {7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    const char *d = s->norm;
    if (s->norm_len != 13 || s->ngroups != 1 || !dm_all_digits(d, 13) || dm_dummy_digits(d, 13))
        return -1;
    int yyy = three(d + 4);
    int year = yyy >= 800 ? 1000 + yyy : yyy <= 99 ? 2000 + yyy : -1;
    if (year < 0 || !dm_valid_date(year, two(d + 2), two(d)))
        return -1;
    unsigned m = 11 - dm_weighted_sum(d, w, 12) % 11;
    if ((m > 9 ? 0u : m) != (unsigned)(d[12] - '0') || dm_piece_of_longer(s))
        return -1;
    int rr = two(d + 7);
    return rr < 10 ? (rr == 0 || rr == 6 ? -1 : rr) : rr / 10;
}

/* The region digit read straight off the number, before the full check: the
 * seven entities share every 13-digit window, only one can match it. */
static int jmbg_quick_region(const dm_span *s)
{
    const char *d = s->norm;
    if (s->norm_len != 13 || !is_digit(d[7]) || !is_digit(d[8]))
        return -1;
    return d[7] == '0' ? d[8] - '0' : d[7] - '0';
}

#define JMBG_VALIDATOR(fn, digit) \
    static dm_verdict fn(const dm_span *s) \
    { \
        if (jmbg_quick_region(s) != (digit)) \
            return DM_NO; \
        return jmbg_region(s) == (digit) ? DM_MEDIUM : DM_NO; \
    }

JMBG_VALIDATOR(validate_jmbg_ba, 1)
JMBG_VALIDATOR(validate_jmbg_me, 2)
JMBG_VALIDATOR(validate_jmbg_mk, 4)
JMBG_VALIDATOR(validate_jmbg_si, 5)
JMBG_VALIDATOR(validate_jmbg_rs, 7)
JMBG_VALIDATOR(validate_jmbg_vo, 8)
JMBG_VALIDATOR(validate_jmbg_xk, 9)

static const char *const jmbg_shapes[] = {"c:D13", NULL};
static const char *const jmbg_context[] = {"jmbg", "emšo", "emso", "матични број", "ЕМБГ", NULL};
static const char *const jmbg_ba_hints[] = {"jmbg", "jmb", "maticni_broj", "bosnian_jmbg",
                                            "unique_master_citizen_number", NULL};
static const char *const jmbg_me_hints[] = {"jmbg", "jmb", "maticni_broj", "montenegrin_jmbg",
                                            "unique_master_citizen_number", NULL};
static const char *const jmbg_mk_hints[] = {"embg", "jmbg", "emb", "maticen_broj",
                                            "unique_master_citizen_number", NULL};
static const char *const jmbg_si_hints[] = {"emso", "emšo", "jmbg", "maticna_stevilka",
                                            "unique_master_citizen_number", NULL};
static const char *const jmbg_rs_hints[] = {"jmbg", "jmb", "maticni_broj", "serbian_jmbg",
                                            "unique_master_citizen_number", NULL};
static const char *const jmbg_vo_hints[] = {"jmbg", "jmb", "maticni_broj", "unique_master_citizen_number", NULL};
static const char *const jmbg_xk_hints[] = {"jmbg", "numri_personal", "maticni_broj",
                                            "unique_master_citizen_number", NULL};
static const char *const jmbg_ba_examples[] = {"0101990151238", "1507985101230", "2902000011232", NULL};
static const char *const jmbg_me_examples[] = {"0101990211230", "1507985261238", "2902000021238", NULL};
static const char *const jmbg_mk_examples[] = {"0101990411230", "1507985451231", "2902000041239", NULL};
static const char *const jmbg_si_examples[] = {"0101990501239", "1507985551236", "2902000051234", NULL};
static const char *const jmbg_rs_examples[] = {"0101990711233", "1507985791237", "2902000071235", NULL};
static const char *const jmbg_vo_examples[] = {"0101990801232", "1507985851230", "2902000081230", NULL};
static const char *const jmbg_xk_examples[] = {"0101990911232", "1507985961230", "2902000091236", NULL};
/* Shared look-alikes: check digit, 30 February, year 750, a Croatian (region
 * 3x, no entity of its own) and a Serbian or Bosnian number of another region. */
#define JMBG_COUNTER(other) {"0101990711230", "3002990711236", "0101750711236", "0101990331236", other, NULL}
static const char *const jmbg_ba_counter[] = JMBG_COUNTER("0101990711233");
static const char *const jmbg_me_counter[] = JMBG_COUNTER("0101990151238");
static const char *const jmbg_mk_counter[] = JMBG_COUNTER("0101990151238");
static const char *const jmbg_si_counter[] = JMBG_COUNTER("0101990151238");
static const char *const jmbg_rs_counter[] = JMBG_COUNTER("0101990801232");
static const char *const jmbg_vo_counter[] = JMBG_COUNTER("0101990711233");
static const char *const jmbg_xk_counter[] = JMBG_COUNTER("0101990711233");

/* ---- table ---------------------------------------------------------------------------- */

#define UMCN(nm, reg, desc, sfx) \
    { \
        .name = nm, .region = reg, .category = DM_CAT_NATIONAL_ID, .description = desc, .shapes = jmbg_shapes, \
        .validate = validate_jmbg_##sfx, .hints = jmbg_##sfx##_hints, .context = jmbg_context, \
        .examples = jmbg_##sfx##_examples, .counterexamples = jmbg_##sfx##_counter, \
    }


/* ---- the same numbers under other Glue names (need their column name) ------------ *
 * Several countries use one number for identity, tax and health insurance. These
 * entities share the validator of the number and count only under their own
 * column names (DM_ENT_NEEDS_HINT): a column called "skattenummer" holding
 * personnummer is SWEDEN_TAX_IDENTIFICATION_NUMBER, a neutral one stays
 * SWEDEN_PERSONAL_IDENTIFICATION_NUMBER. */
static const char *const se_tin_hints[] = {"skatteregistreringsnummer", "skattenummer", "swedish_tax_id",
                                           "swedish_tin", "tin_se", NULL};
static const char *const dk_tin_hints[] = {"skattenummer", "skatteydernummer", "danish_tax_id", "danish_tin",
                                           "tin_dk", NULL};
static const char *const nl_tin_hints[] = {"fiscaal_nummer", "fiscaalnummer", "dutch_tax_id", "dutch_tin",
                                           "tin_nl", "fiscaal_identificatienummer", NULL};
static const char *const be_tin_hints[] = {"numero_fiscal", "fiscaal_nummer_be", "belgian_tax_id", "belgian_tin",
                                           "tin_be", "numero_identification_fiscale", NULL};
static const char *const ie_tin_hints[] = {"irish_tax_id", "irish_tin", "tin_ie", "tax_reference_number",
                                           "revenue_number", NULL};
static const char *const lt_tin_hints[] = {"mokescio_moketojo_kodas", "mokesciu_moketojo_kodas",
                                           "lithuanian_tax_id", "lithuanian_tin", "tin_lt", NULL};
static const char *const fi_hin_hints[] = {"kela", "kela_kortti", "kelakortti", "sairausvakuutus",
                                           "sairausvakuutusnumero", "finnish_health_insurance", NULL};
static const char *const no_hin_hints[] = {"trygdenummer", "helsekort", "helfo", "norwegian_health_insurance",
                                           "trygd", NULL};
/* ZUS (Zakład Ubezpieczeń Społecznych) identifies the insured by the PESEL. */
static const char *const pl_ssn_hints[] = {"numer_ubezpieczenia", "numer_ubezpieczenia_spolecznego",
                                           "ubezpieczenie_spoleczne", "nr_ubezpieczenia", "zus", "numer_zus",
                                           "polish_ssn", "poland_ssn", NULL};
static const char *const fr_hin_hints[] = {"carte_vitale", "numero_assure", "assurance_maladie",
                                           "numero_assurance_maladie", "numero_carte_vitale", NULL};

#define lt_shapes baltic_shapes  /* names the ALIAS macro pastes */
#define no_nin_shapes no_shapes

#define ALIAS(nm, reg, cat, desc, hint_list, pfx, fn) \
    { \
        .name = nm, .region = reg, .category = cat, .description = desc, .shapes = pfx##_shapes, \
        .validate = fn, .hints = hint_list, .context = pfx##_context, .examples = pfx##_examples, \
        .counterexamples = pfx##_counter, .flags = DM_ENT_NEEDS_HINT, \
    }

const dm_entity_def dm_entities_europe_ids[] = {
    ENTITY("SPAIN_DNI", "ES", DM_CAT_NATIONAL_ID, "Spanish DNI: 8 digits + control letter (mod 23)", es_dni,
           validate_es_dni, 0),
    ENTITY("SPAIN_NIE", "ES", DM_CAT_NATIONAL_ID, "Spanish foreigner number (NIE): X/Y/Z + 7 digits + control letter",
           es_nie, validate_es_nie, 0),
    ENTITY("SPAIN_NIF", "ES", DM_CAT_TAX_ID,
           "Spanish tax number (NIF): K/L/M + 7 digits + letter, entity CIF; DNI/NIE forms under a NIF name",
           es_nif, validate_es_nif, 0),
    ENTITY("ITALY_FISCAL_CODE", "IT", DM_CAT_NATIONAL_ID,
           "Italian codice fiscale: 16 characters from names, birth date and place, control letter", it_cf,
           validate_it_cf, 0),
    ENTITY("FRANCE_NATIONAL_IDENTIFICATION_NUMBER", "FR", DM_CAT_NATIONAL_ID,
           "French NIR (social security number): 13 digits + mod-97 key", fr_nir, validate_fr_nir, 0),
    {
        .name = "FRANCE_INSEE_CODE",
        .region = "FR",
        .category = DM_CAT_NATIONAL_ID,
        .description = "French INSEE number (the NIR) under an INSEE column name",
        .shapes = fr_nir_shapes,
        .validate = validate_fr_nir,
        .hints = fr_insee_hints,
        .context = fr_nir_context,
        .examples = fr_insee_examples,
        .counterexamples = fr_nir_counter,
        .flags = DM_ENT_NEEDS_HINT,
    },
    ENTITY("NETHERLANDS_CITIZEN_SERVICE_NUMBER", "NL", DM_CAT_NATIONAL_ID,
           "Dutch citizen service number (BSN): 9 digits, 11-test", nl_bsn, validate_nl_bsn, 0),
    ENTITY("BELGIUM_NATIONAL_IDENTIFICATION_NUMBER", "BE", DM_CAT_NATIONAL_ID,
           "Belgian national register number: YY.MM.DD-SSS.CC, mod 97", be_nn, validate_be_nn, 0),
    ENTITY("POLAND_IDENTIFICATION_NUMBER", "PL", DM_CAT_NATIONAL_ID, "Polish PESEL: birth date + 4 digits + check digit",
           pl_pesel, validate_pl_pesel, 0),
    ENTITY("POLAND_TAX_IDENTIFICATION_NUMBER", "PL", DM_CAT_TAX_ID, "Polish NIP: 10 digits, weighted mod 11", pl_nip,
           validate_pl_nip, 0),
    ENTITY("POLAND_REGON_NUMBER", "PL", DM_CAT_TAX_ID, "Polish REGON: 9 or 14 digits, weighted mod 11", pl_regon,
           validate_pl_regon, 0),
    ENTITY("SWEDEN_PERSONAL_IDENTIFICATION_NUMBER", "SE", DM_CAT_NATIONAL_ID,
           "Swedish personnummer / samordningsnummer: (YY)YYMMDD-NNNC, Luhn", se_pnr, validate_se_pnr, 0),
    ENTITY("DENMARK_PERSONAL_IDENTIFICATION_NUMBER", "DK", DM_CAT_NATIONAL_ID,
           "Danish CPR number: DDMMYY-SSSS (no check digit)", dk_cpr, validate_dk_cpr, 0),
    ENTITY("FINLAND_NATIONAL_IDENTIFICATION_NUMBER", "FI", DM_CAT_NATIONAL_ID,
           "Finnish personal identity code (HETU): DDMMYY, century sign, 3 digits, mod-31 check", fi_hetu,
           validate_fi_hetu, 0),
    {
        .name = "NORWAY_NATIONAL_IDENTIFICATION_NUMBER",
        .region = "NO",
        .category = DM_CAT_NATIONAL_ID,
        .description = "Norwegian national identity number (birth, D or H number): 11 digits, two mod-11 checks",
        .shapes = no_shapes,
        .validate = validate_no_nin,
        .hints = no_nin_hints,
        .context = no_nin_context,
        .examples = no_nin_examples,
        .counterexamples = no_nin_counter,
    },
    {
        .name = "NORWAY_BIRTH_NUMBER",
        .region = "NO",
        .category = DM_CAT_NATIONAL_ID,
        .description = "Norwegian birth number (fødselsnummer) under a birth-number column name",
        .shapes = no_shapes,
        .validate = validate_no_birth,
        .hints = no_birth_hints,
        .context = no_birth_context,
        .examples = no_birth_examples,
        .counterexamples = no_birth_counter,
        .flags = DM_ENT_NEEDS_HINT,
    },
    ENTITY("GERMANY_TAX_IDENTIFICATION_NUMBER", "DE", DM_CAT_TAX_ID,
           "German tax ID (Steuer-IdNr): 11 digits, digit-repetition rule, ISO 7064 mod 11,10", de_idnr,
           validate_de_idnr, 0),
    ENTITY("SWITZERLAND_AHV", "CH", DM_CAT_NATIONAL_ID, "Swiss AHV/AVS number: 756.XXXX.XXXX.XC, EAN-13 check", ch_ahv,
           validate_ch_ahv, 0),
    ENTITY("IRELAND_PERSONAL_PUBLIC_SERVICE_NUMBER", "IE", DM_CAT_NATIONAL_ID,
           "Irish PPS number: 7 digits + check letter (+ A-I or W), mod 23", ie_pps, validate_ie_pps, 0),
    ENTITY("PORTUGAL_TAX_IDENTIFICATION_NUMBER", "PT", DM_CAT_TAX_ID, "Portuguese NIF: 9 digits, mod-11 check digit",
           pt_nif, validate_pt_nif, 0),
    ENTITY("ROMANIA_NUMERICAL_PERSONAL_CODE", "RO", DM_CAT_NATIONAL_ID,
           "Romanian CNP: sex/century, birth date, county, serial, mod-11 check", ro_cnp, validate_ro_cnp, 0),
    {
        .name = "CZECHIA_PERSONAL_IDENTIFICATION_NUMBER",
        .region = "CZ",
        .category = DM_CAT_NATIONAL_ID,
        .description = "Czech birth number (rodné číslo): YYMMDD/SSSC, mod 11",
        .shapes = rc_shapes,
        .validate = validate_rodne_cislo,
        .hints = cz_rc_hints,
        .context = rc_context,
        .examples = rc_examples,
        .counterexamples = rc_counter,
    },
    {
        .name = "SLOVAKIA_NATIONAL_IDENTIFICATION_NUMBER",
        .region = "SK",
        .category = DM_CAT_NATIONAL_ID,
        .description = "Slovak birth number (rodné číslo): YYMMDD/SSSC, mod 11",
        .shapes = rc_shapes,
        .validate = validate_rodne_cislo,
        .hints = sk_rc_hints,
        .context = rc_context,
        .examples = rc_examples,
        .counterexamples = rc_counter,
    },
    {
        .name = "ESTONIA_PERSONAL_IDENTIFICATION_CODE",
        .region = "EE",
        .category = DM_CAT_NATIONAL_ID,
        .description = "Estonian isikukood: G YYMMDD SSS C, two-stage mod 11",
        .shapes = baltic_shapes,
        .validate = validate_ee_lt,
        .hints = ee_hints,
        .context = ee_context,
        .examples = ee_examples,
        .counterexamples = ee_counter,
    },
    {
        .name = "LITHUANIA_PERSONAL_IDENTIFICATION_NUMBER",
        .region = "LT",
        .category = DM_CAT_NATIONAL_ID,
        .description = "Lithuanian asmens kodas: G YYMMDD SSS C, two-stage mod 11",
        .shapes = baltic_shapes,
        .validate = validate_ee_lt,
        .hints = lt_hints,
        .context = lt_context,
        .examples = lt_examples,
        .counterexamples = lt_counter,
    },
    ENTITY("LATVIA_PERSONAL_IDENTIFICATION_NUMBER", "LV", DM_CAT_NATIONAL_ID,
           "Latvian personas kods: DDMMYY-CNNNN with check digit, or 32xxxx-xxxxx (2017 on)", lv, validate_lv_pk, 0),
    ENTITY("BULGARIA_UNIFORM_CIVIL_NUMBER", "BG", DM_CAT_NATIONAL_ID, "Bulgarian EGN: birth date, 3 digits, mod-11 check",
           bg_egn, validate_bg_egn, 0),
    ENTITY("CROATIA_PERSONAL_IDENTIFICATION_NUMBER", "HR", DM_CAT_NATIONAL_ID,
           "Croatian OIB: 11 digits, ISO 7064 mod 11,10", hr_oib, validate_hr_oib, 0),
    UMCN("BOSNIA_UNIQUE_MASTER_CITIZEN_NUMBER", "BA", "JMBG of Bosnia and Herzegovina (region 1x), mod 11", ba),
    UMCN("MONTENEGRO_UNIQUE_MASTER_CITIZEN_NUMBER", "ME", "JMBG of Montenegro (region 2x), mod 11", me),
    UMCN("MACEDONIA_UNIQUE_MASTER_CITIZEN_NUMBER", "MK", "EMBG of North Macedonia (region 4x), mod 11", mk),
    UMCN("SLOVENIA_UNIQUE_MASTER_CITIZEN_NUMBER", "SI", "Slovenian EMŠO (region 5x), mod 11", si),
    UMCN("SERBIA_UNIQUE_MASTER_CITIZEN_NUMBER", "RS", "JMBG of central Serbia (region 7x), mod 11", rs),
    UMCN("VOJVODINA_UNIQUE_MASTER_CITIZEN_NUMBER", "RS", "JMBG of Vojvodina (region 8x), mod 11", vo),
    UMCN("KOSOVO_UNIQUE_MASTER_CITIZEN_NUMBER", "XK", "JMBG of Kosovo (region 9x), mod 11", xk),
    ALIAS("SWEDEN_TAX_IDENTIFICATION_NUMBER", "SE", DM_CAT_TAX_ID, "Swedish personnummer under a tax-number column name",
          se_tin_hints, se_pnr, validate_se_pnr),
    ALIAS("DENMARK_TAX_IDENTIFICATION_NUMBER", "DK", DM_CAT_TAX_ID, "Danish CPR number under a tax-number column name",
          dk_tin_hints, dk_cpr, validate_dk_cpr),
    ALIAS("NETHERLANDS_TAX_IDENTIFICATION_NUMBER", "NL", DM_CAT_TAX_ID, "Dutch BSN under a tax-number column name",
          nl_tin_hints, nl_bsn, validate_nl_bsn),
    ALIAS("BELGIUM_TAX_IDENTIFICATION_NUMBER", "BE", DM_CAT_TAX_ID,
          "Belgian national number under a tax-number column name", be_tin_hints, be_nn, validate_be_nn),
    ALIAS("IRELAND_TAX_IDENTIFICATION_NUMBER", "IE", DM_CAT_TAX_ID, "Irish PPS number under a tax-number column name",
          ie_tin_hints, ie_pps, validate_ie_pps),
    ALIAS("LITHUANIA_TAX_IDENTIFICATION_NUMBER", "LT", DM_CAT_TAX_ID,
          "Lithuanian asmens kodas under a tax-number column name", lt_tin_hints, lt, validate_ee_lt),
    ALIAS("FINLAND_HEALTH_INSURANCE_NUMBER", "FI", DM_CAT_HEALTH,
          "Finnish HETU under a health-insurance (Kela) column name", fi_hin_hints, fi_hetu, validate_fi_hetu),
    ALIAS("NORWAY_HEALTH_INSURANCE_NUMBER", "NO", DM_CAT_HEALTH,
          "Norwegian national identity number under a health-insurance column name", no_hin_hints, no_nin,
          validate_no_nin),
    ALIAS("POLAND_SSN", "PL", DM_CAT_NATIONAL_ID, "Polish PESEL under a social-insurance (ZUS) column name",
          pl_ssn_hints, pl_pesel, validate_pl_pesel),
    ALIAS("FRANCE_HEALTH_INSURANCE_NUMBER", "FR", DM_CAT_HEALTH,
          "French NIR under a health-insurance (carte Vitale) column name", fr_hin_hints, fr_nir, validate_fr_nir),
    {0},
};
