/*
 * Identity documents without a published check: driving licences and
 * passports of the countries not covered by their region's file. Format
 * only, so every match is weak (DM_ENT_NEEDS_HINT) and counts only under the
 * country's own column names: the words for the document in the country's
 * languages and "<country>_driving_licence" / "<country>_passport" forms.
 * No entity here has a bare generic hint ("passport", "driving_licence",
 * "license_number"): such a column is claimed by none of them. Look-alike
 * formats (two letters and six digits: CZ, EE, HU, NZ licences, BE passports,
 * UA international passports) are told apart by the column name only; where
 * two countries share a word and a format, the first in the table wins.
 *
 * Where a licence number is a personal number with a check, the check is
 * applied (the verdict stays weak: the column name is what says "licence"):
 *   ES  DNI/NIE, mod-23 letter            FI  henkilötunnus, mod-31 character
 *   SE  personnummer YYMMDD-NNNC, Luhn    NO  fødselsnummer, two mod-11 digits
 *   CL  RUN, mod-11 digit or K            SG  NRIC/FIN (S T F G), mod-11 letter
 * Passport numbers carry no check of their own (the ICAO 9303 check digit is
 * printed only in the machine-readable zone, after the number), so passports
 * are format only.
 *
 * Sources (public descriptions of the number formats; best efforts marked *):
 *   EU licences and passports: Microsoft Purview "sensitive information type"
 *   entity definitions (per-country driver's licence and passport number
 *   patterns), cross-read with the national issuers' sample cards published
 *   in the EU driving-licence model (Directive 2006/126/EC, field 5) and
 *   PRADO (Council of the EU public register of identity documents).
 *   AT 8 digits; BE 10 digits; BG 9 digits; HR 8 digits; CY 12 digits;
 *   CZ E + letter + 6 digits; DK 8 digits; EE 2 letters + 6 digits; FI the
 *   henkilötunnus DDMMYY-NNNC; FR 12 digits; DE 11 characters (letter/digit,
 *   2 digits, 6 letters/digits, digit, letter/digit); GR 9 digits; HU 2 letters
 *   + 6 digits; IE 6 digits + 4 letters; IT 2 letters/"U1" + 7 digits +
 *   letter; LV 3 letters + 6 digits; LT 8 digits; LU 6 digits; MT 2 letters
 *   or digits + 6 digits, optionally spaced "AB 123 456"; NL 10 digits; PL
 *   NNNNN/NN/NNNN; PT 2 letters - 5-6 digits and a digit, or 1 letter - 6 or 8 digits and a
 *   digit ("L-123456 7"; the last digit's check is not published: format
 *   only; also accepted without the joiners); RO letter or digit + 8 digits; SK
 *   letter + 7 digits; SI 9 digits; ES DNI/NIE; SE personnummer.
 *   Passports: AT letter + 7 digits; BE 2 letters + 6 digits; HR 9 digits;
 *   CY letter + 6-8 digits; EE letter + 7 digits; FI 2 letters + 7 digits; GR 2
 *   letters + 7 digits; HU 2 letters + 6-7 digits; IS A + 7 digits; IE 2
 *   letters/digits + 7 digits; LV 2 letters/digits + 7 digits; LI letter + 5
 *   digits (*); LU 8 letters/digits (*; only the layouts 2 letters + 6 digits and
 *   letter + 7 digits are looked for, to keep the keys narrow); PL 2 letters +
 *   7 digits (the series check digit is not published reliably: not used); PT
 *   letter + 6 digits; RO 8-9 digits; SK letter + 7 digits or 2 letters +
 *   6-7 digits; SI "P" + letter + 7 digits; SE 8 digits; CH letter + 7 digits.
 *   Ukraine: domestic passport booklet 2 Cyrillic letters + 6 digits, ID card
 *   (since 2016) 9 digits; international passport 2 Latin letters + 6 digits.
 *   Elsewhere: NO licence as the fødselsnummer (*: the card shows it in field
 *   4d); CA Ontario letter + 14 digits (L1234-56789-01234) and Québec letter +
 *   12 digits (L1234-123456-12), other provinces not covered; CL the RUN; MX
 *   letter + 8 digits (*: varies by state); NZ 2 letters + 6 digits; SG the
 *   NRIC/FIN; AU 8-9 digits (*: varies by state); JP 12 digits (issuing
 *   commission, year, serial, check and reissue digits; the check is not
 *   published: format only); VE the cédula V/E + 6-8 digits (*).
 *
 * Cost: the shape keys are exact-layout keys ("e:D8/w", "e:L1-D6 D1/w"),
 * generated from the patterns, not compact ones ("c:D8" would be looked up on
 * every 8-digit window of any grouping: dates, IP addresses, phones); the few
 * formats with letters or digits anywhere (DE licence, IE and LV passports)
 * use length-prefix keys of lengths other entities already use. With
 * DM_ENT_NEEDS_HINT the engine never calls these validators in a column
 * without the entity's hint. Measured on 20,000 rows of bench/data/big.csv
 * under callgrind: +0.6% instructions (compact keys and an 8-character
 * length-prefix key for LU passports cost +4.2%).
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "detect/entities/entity_impl.h"

/* ---- checks of the licences that are personal numbers ---------------------------------- */

/* Spain DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter), mod 23. */
static bool es_dni_ok(const char *d, size_t n)
{
    char buf[9];
    if (n != 9)
        return false;
    memcpy(buf, d, 8);
    if (d[0] == 'X' || d[0] == 'Y' || d[0] == 'Z')
        buf[0] = (char)('0' + (d[0] - 'X'));
    int v = dm_digits_value(buf, 8);
    return v >= 0 && d[8] == "TRWAGMYFPDXBNJZSQVHLCKE"[v % 23];
}

/* Finland henkilötunnus DDMMYY NNN C (norm without the century sign). */
static bool fi_hetu_ok(const char *d, size_t n)
{
    if (n != 10 || !dm_all_digits(d, 9))
        return false;
    int dd = dm_digits_value(d, 2), mm = dm_digits_value(d + 2, 2);
    if (dd < 1 || dd > 31 || mm < 1 || mm > 12 || dm_digits_value(d + 6, 3) < 2)
        return false;
    return d[9] == "0123456789ABCDEFHJKLMNPRSTUVWXY"[dm_digits_value(d, 9) % 31];
}

/* Sweden personnummer YYMMDD NNNC: month, day (+60 for a coordination
 * number), Luhn over the ten digits. */
static bool se_pnr_ok(const char *d, size_t n)
{
    if (n != 10 || !dm_all_digits(d, 10))
        return false;
    int mm = dm_digits_value(d + 2, 2), dd = dm_digits_value(d + 4, 2);
    if (dd > 60)
        dd -= 60;
    return mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31 && dm_luhn(d, 10);
}

/* Norway fødselsnummer: DDMMYY (day + 40 for a D-number), 3 digits, two
 * mod-11 check digits. */
static bool no_fnr_ok(const char *d, size_t n)
{
    static const int w1[] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    static const int w2[] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    if (n != 11 || !dm_all_digits(d, 11))
        return false;
    int dd = dm_digits_value(d, 2), mm = dm_digits_value(d + 2, 2);
    if (dd > 40)
        dd -= 40;
    if (dd < 1 || dd > 31 || mm < 1 || mm > 12)
        return false;
    unsigned k1 = (11 - dm_weighted_sum(d, w1, 9) % 11) % 11;
    unsigned k2 = (11 - dm_weighted_sum(d, w2, 10) % 11) % 11;
    return k1 != 10 && k2 != 10 && (unsigned)(d[9] - '0') == k1 && (unsigned)(d[10] - '0') == k2;
}

/* Chile RUN: 7-8 digits and a mod-11 digit or K (weights 2..7 from the right). */
static bool cl_run_ok(const char *d, size_t n)
{
    if (n < 8 || n > 9 || !dm_all_digits(d, n - 1))
        return false;
    unsigned sum = 0, w = 2;
    for (size_t i = n - 1; i-- > 0;) {
        sum += (unsigned)(d[i] - '0') * w;
        w = w == 7 ? 2 : w + 1;
    }
    unsigned r = 11 - sum % 11;
    char want = r == 11 ? '0' : r == 10 ? 'K' : (char)('0' + r);
    return d[n - 1] == want;
}

/* Singapore NRIC/FIN: S/T/F/G, 7 digits, mod-11 letter. */
static bool sg_nric_ok(const char *d, size_t n)
{
    static const int w[] = {2, 7, 6, 5, 4, 3, 2};
    if (n != 9 || !strchr("STFG", d[0]) || !dm_all_digits(d + 1, 7))
        return false;
    unsigned sum = dm_weighted_sum(d + 1, w, 7) + (d[0] == 'T' || d[0] == 'G' ? 4u : 0u);
    const char *tab = d[0] == 'S' || d[0] == 'T' ? "JZIHGFEDCBA" : "XWUTRQPNMLK";
    return d[8] == tab[sum % 11];
}

/* Venezuela cédula: V (national) or E (foreigner). */
static bool ve_ci_ok(const char *d, size_t n)
{
    return n >= 7 && (d[0] == 'V' || d[0] == 'E');
}

/* Luxembourg passport: 8 letters/digits with at least one of each. */
static bool lu_pp_ok(const char *d, size_t n)
{
    bool dig = false, let = false;
    for (size_t i = 0; i < n; i++) {
        dig = dig || is_digit(d[i]);
        let = let || is_upper(d[i]);
    }
    return dig && let;
}

/* ---- Ukraine domestic passport: Cyrillic series before the digits --------------------- */

/* A UTF-8 Cyrillic capital letter (U+0400..U+042F) ends at cell[end). */
static bool cyrillic_cap_before(const char *cell, size_t end)
{
    if (end < 2)
        return false;
    unsigned char a = (unsigned char)cell[end - 2], b = (unsigned char)cell[end - 1];
    return (a == 0xD0 && b >= 0x80 && b <= 0xAF) || (a == 0xD2 && (b == 0x90 || b == 0x91));
}

static dm_verdict validate_ua_pp_dom(const dm_span *s)
{
    static const char *const card[] = {"ddddddddd", NULL};
    static const char *const book[] = {"dddddd", NULL};
    if (document_like(s, card))
        return DM_WEAK;
    if (!document_like(s, book))
        return DM_NO;
    size_t p = s->start;
    if (p > 0 && s->cell[p - 1] == ' ')
        p--;
    return cyrillic_cap_before(s->cell, p) && cyrillic_cap_before(s->cell, p - 2) ? DM_WEAK : DM_NO;
}

/* ---- the entities ------------------------------------------------------------------------ */

/* Each entity `x` has x_fmt (patterns), x_shapes, x_hints, x_context,
 * x_examples, x_counter; DOC_VALIDATOR makes validate_x from the patterns and
 * an optional check over the norm. */

#define L(...) {__VA_ARGS__, NULL}

/* Driving licences ------------------------------------------------------------------------- */

#define DE_WORDS "fuhrerschein", "führerschein", "fuehrerschein", "fuhrerscheinnummer", "führerscheinnummer", \
    "fuehrerscheinnummer", "fuhrerschein_nummer", "führerschein_nummer", "fuehrerschein_nummer"

static const char *const at_dl_fmt[] = L("dddddddd");
static const char *const at_dl_shapes[] = L("e:D8/w");
static const char *const at_dl_hints[] = L("austrian_driving_licence", "austria_driving_license",
                                           "austrian_driving_license", DE_WORDS);
static const char *const at_dl_context[] = L("führerschein", "fuhrerschein");
static const char *const at_dl_examples[] = L("12345678", "08154711", "98765432");
static const char *const at_dl_counter[] = L("1234567", "123456789", "00000000");
DOC_VALIDATOR(at_dl, NULL)

static const char *const be_dl_fmt[] = L("dddddddddd");
static const char *const be_dl_shapes[] = L("e:D10/w");
static const char *const be_dl_hints[] = L("belgian_driving_licence", "belgium_driving_license",
                                           "belgian_driving_license", "permis_de_conduire_be",
                                           "numero_permis_de_conduire_be");
static const char *const be_dl_context[] = L("permis de conduire");
static const char *const be_dl_examples[] = L("1234567890", "0123456789", "9876543210");
static const char *const be_dl_counter[] = L("123456789", "12345678901", "0000000000");
DOC_VALIDATOR(be_dl, NULL)

static const char *const bg_dl_fmt[] = L("ddddddddd");
static const char *const bg_dl_shapes[] = L("e:D9/w");
static const char *const bg_dl_hints[] = L("bulgarian_driving_licence", "bulgaria_driving_license",
                                           "shofyorska_knizhka", "shofiorska_knijka", "svidetelstvo_za_upravlenie",
                                           "шофьорска_книжка", "свидетелство_за_управление");
static const char *const bg_dl_context[] = L("шофьорска книжка");
static const char *const bg_dl_examples[] = L("123456789", "287654321", "300123456");
static const char *const bg_dl_counter[] = L("12345678", "1234567890", "000000000");
DOC_VALIDATOR(bg_dl, NULL)

static const char *const ca_dl_fmt[] = L("ldddddddddddddd", "ldddd-ddddd-ddddd", "ldddddddddddd", "ldddd-dddddd-dd");
static const char *const ca_dl_shapes[] = L("e:L1D14/w", "e:L1D4-D5-D5/w", "e:L1D12/w", "e:L1D4-D6-D2/w");
static const char *const ca_dl_hints[] = L("canadian_driving_licence", "canada_driving_license",
                                           "canadian_drivers_licence", "ontario_driver_licence",
                                           "ontario_drivers_license", "quebec_permis_de_conduire",
                                           "permis_de_conduire_quebec");
static const char *const ca_dl_context[] = L("ontario", "québec", "quebec");
static const char *const ca_dl_examples[] = L("A1234-56789-01234", "T0123-123456-12", "s12345678901234");
static const char *const ca_dl_counter[] = L("A1234-5678-901234", "12345-56789-01234", "A0000-00000-00000");
DOC_VALIDATOR(ca_dl, NULL)

static const char *const cl_dl_fmt[] = L("dd.ddd.ddd-d", "dd.ddd.ddd-K", "d.ddd.ddd-d", "d.ddd.ddd-K", "dddddddd-d",
                                         "dddddddd-K", "ddddddd-d", "ddddddd-K", "ddddddddd", "ddddddddK");
static const char *const cl_dl_shapes[] = L("e:D2.D3.D3-D1/w", "e:D2.D3.D3-L1/w", "e:D1.D3.D3-D1/w", "e:D1.D3.D3-L1/w",
                                            "e:D8-D1/w", "e:D8-L1/w", "e:D7-D1/w", "e:D7-L1/w", "e:D9/w", "e:D8L1/w");
static const char *const cl_dl_hints[] = L("chilean_driving_licence", "chile_driving_license",
                                           "licencia_de_conducir", "licencia_conducir",
                                           "numero_licencia_de_conducir");
static const char *const cl_dl_context[] = L("licencia de conducir");
static const char *const cl_dl_examples[] = L("12.345.678-5", "7654321-6", "18765432-7");
static const char *const cl_dl_counter[] = L("12.345.678-4", "7654321-K", "12.345-678-5");
/* The RUN written 12.345.678-5, 12345678-5 or bare; the joiners must be those. */
static dm_verdict validate_cl_dl(const dm_span *s)
{
    if (!document_like(s, cl_dl_fmt) || !cl_run_ok(s->norm, s->norm_len))
        return DM_NO;
    if (s->ngroups == 4 && (s->sep[1] != '.' || s->sep[2] != '.' || s->sep[3] != '-' || s->seplen[1] != 1 ||
                            s->seplen[2] != 1 || s->seplen[3] != 1))
        return DM_NO;
    if (s->ngroups == 2 && (s->sep[1] != '-' || s->seplen[1] != 1))
        return DM_NO;
    return DM_WEAK;
}

static const char *const hr_dl_fmt[] = L("dddddddd");
static const char *const hr_dl_shapes[] = L("e:D8/w");
static const char *const hr_dl_hints[] = L("croatian_driving_licence", "croatia_driving_license",
                                           "vozacka_dozvola", "vozačka_dozvola", "broj_vozacke_dozvole",
                                           "broj_vozačke_dozvole");
static const char *const hr_dl_context[] = L("vozačka", "vozacka");
static const char *const hr_dl_examples[] = L("12345678", "10203040", "98765432");
static const char *const hr_dl_counter[] = L("1234567", "123456789", "11111111");
DOC_VALIDATOR(hr_dl, NULL)

#define GR_DL_WORDS "adeia_odigisis", "άδεια_οδήγησης", "arithmos_adeias_odigisis"

static const char *const cy_dl_fmt[] = L("dddddddddddd");
static const char *const cy_dl_shapes[] = L("e:D12/w");
static const char *const cy_dl_hints[] = L("cyprus_driving_licence", "cypriot_driving_licence",
                                           "cyprus_driving_license", GR_DL_WORDS);
static const char *const cy_dl_context[] = L("άδεια οδήγησης");
static const char *const cy_dl_examples[] = L("123456789012", "010203040506", "987654321098");
static const char *const cy_dl_counter[] = L("12345678901", "1234567890123", "000000000000");
DOC_VALIDATOR(cy_dl, NULL)

static const char *const cz_dl_fmt[] = L("Eldddddd", "El dddddd");
static const char *const cz_dl_shapes[] = L("e:L2D6/w", "e:L2 D6/w", "e:L2-D6/w");
static const char *const cz_dl_hints[] = L("czech_driving_licence", "czech_driving_license", "ridicsky_prukaz",
                                           "řidičský_průkaz", "cislo_ridicskeho_prukazu",
                                           "číslo_řidičského_průkazu");
static const char *const cz_dl_context[] = L("řidičský průkaz", "ridicsky prukaz");
static const char *const cz_dl_examples[] = L("EA123456", "EF 654321", "eb102030");
static const char *const cz_dl_counter[] = L("AB123456", "EA12345", "EA000000");
DOC_VALIDATOR(cz_dl, NULL)

static const char *const dk_dl_fmt[] = L("dddddddd");
static const char *const dk_dl_shapes[] = L("e:D8/w");
static const char *const dk_dl_hints[] = L("danish_driving_licence", "denmark_driving_license", "korekort",
                                           "kørekort", "koerekort", "korekortnummer", "kørekortnummer",
                                           "koerekortnummer", "korekort_nr", "kørekort_nr");
static const char *const dk_dl_context[] = L("kørekort");
static const char *const dk_dl_examples[] = L("12345678", "20304050", "87654321");
static const char *const dk_dl_counter[] = L("1234567", "123456789", "00000000");
DOC_VALIDATOR(dk_dl, NULL)

static const char *const ee_dl_fmt[] = L("lldddddd", "ll dddddd");
static const char *const ee_dl_shapes[] = L("e:L2D6/w", "e:L2 D6/w", "e:L2-D6/w");
static const char *const ee_dl_hints[] = L("estonian_driving_licence", "estonia_driving_license", "juhiluba",
                                           "juhiloa_number", "juhiloa_nr");
static const char *const ee_dl_context[] = L("juhiluba");
static const char *const ee_dl_examples[] = L("ET123456", "EH 654321", "eg102030");
static const char *const ee_dl_counter[] = L("E1234567", "ET12345", "ET000000");
DOC_VALIDATOR(ee_dl, NULL)

static const char *const fi_dl_fmt[] = L("dddddd-dddd", "dddddd-dddl");
static const char *const fi_dl_shapes[] = L("e:D6-D4/w", "e:D6-D3L1/w");
static const char *const fi_dl_hints[] = L("finnish_driving_licence", "finland_driving_license", "ajokortti",
                                           "ajokortin_numero", "ajokorttinumero", "ajokortti_nro");
static const char *const fi_dl_context[] = L("ajokortti");
static const char *const fi_dl_examples[] = L("131052-308T", "010190-123M", "241170-4564");
static const char *const fi_dl_counter[] = L("131052-308U", "131052308T", "320190-123M");
DOC_VALIDATOR(fi_dl, fi_hetu_ok)

static const char *const fr_dl_fmt[] = L("dddddddddddd");
static const char *const fr_dl_shapes[] = L("e:D12/w");
static const char *const fr_dl_hints[] = L("french_driving_licence", "france_driving_license", "permis_de_conduire",
                                           "numero_permis_de_conduire", "numero_de_permis_de_conduire",
                                           "permis_conduire", "num_permis_conduire");
static const char *const fr_dl_context[] = L("permis de conduire");
static const char *const fr_dl_examples[] = L("123456789012", "070175100123", "991234567890");
static const char *const fr_dl_counter[] = L("12345678901", "1234567890123", "000000000000");
DOC_VALIDATOR(fr_dl, NULL)

static const char *const de_dl_fmt[] = L("addaaaaaada");
static const char *const de_dl_shapes[] = L("l:11:LDDL", "l:11:LDDD", "l:11:DDDL", "l:11:DDDD");
static const char *const de_dl_hints[] = L("german_driving_licence", "germany_driving_license", DE_WORDS,
                                           "fahrerlaubnis", "fahrerlaubnisnummer");
static const char *const de_dl_context[] = L("führerschein", "fuhrerschein");
static const char *const de_dl_examples[] = L("B072RRE2I55", "J010000SD51", "F101234X561");
static const char *const de_dl_counter[] = L("B0RXRRE2I55", "B072RRE2IX5", "BB72RRE2I55");
DOC_VALIDATOR(de_dl, NULL)

static const char *const gr_dl_fmt[] = L("ddddddddd");
static const char *const gr_dl_shapes[] = L("e:D9/w");
static const char *const gr_dl_hints[] = L("greek_driving_licence", "greece_driving_license", GR_DL_WORDS);
static const char *const gr_dl_context[] = L("άδεια οδήγησης");
static const char *const gr_dl_examples[] = L("123456789", "203040506", "987654321");
static const char *const gr_dl_counter[] = L("12345678", "1234567890", "000000000");
DOC_VALIDATOR(gr_dl, NULL)

static const char *const hu_dl_fmt[] = L("lldddddd", "ll dddddd");
static const char *const hu_dl_shapes[] = L("e:L2D6/w", "e:L2 D6/w", "e:L2-D6/w");
static const char *const hu_dl_hints[] = L("hungarian_driving_licence", "hungary_driving_license", "jogositvany",
                                           "jogosítvány", "jogositvanyszam", "jogosítványszám", "vezetoi_engedely",
                                           "vezetői_engedély");
static const char *const hu_dl_context[] = L("jogosítvány", "jogositvany");
static const char *const hu_dl_examples[] = L("AB123456", "CD 654321", "pq102030");
static const char *const hu_dl_counter[] = L("A1234567", "AB12345", "AB000000");
DOC_VALIDATOR(hu_dl, NULL)

static const char *const ie_dl_fmt[] = L("ddddddllll");
static const char *const ie_dl_shapes[] = L("e:D6L4/w");
static const char *const ie_dl_hints[] = L("irish_driving_licence", "ireland_driving_license",
                                           "irish_driving_license", "ceadunas_tiomana", "ceadúnas_tiomána");
static const char *const ie_dl_context[] = L("ceadúnas tiomána");
static const char *const ie_dl_examples[] = L("123456ABCD", "654321wxyz", "102030EFGH");
static const char *const ie_dl_counter[] = L("12345ABCDE", "123456ABC", "000000ABCD");
DOC_VALIDATOR(ie_dl, NULL)

static const char *const it_dl_fmt[] = L("ladddddddl");
static const char *const it_dl_shapes[] = L("e:L2D7L1/w", "e:L1D8L1/w");
static const char *const it_dl_hints[] = L("italian_driving_licence", "italy_driving_license", "patente",
                                           "patente_di_guida", "numero_patente", "n_patente");
static const char *const it_dl_context[] = L("patente");
static const char *const it_dl_examples[] = L("MI1234567A", "U12345678X", "rm7654321z");
static const char *const it_dl_counter[] = L("M12345678", "MI123456A", "MI0000000A");
DOC_VALIDATOR(it_dl, NULL)

static const char *const lv_dl_fmt[] = L("llldddddd", "lll dddddd");
static const char *const lv_dl_shapes[] = L("e:L3D6/w", "e:L3 D6/w", "e:L3-D6/w");
static const char *const lv_dl_hints[] = L("latvian_driving_licence", "latvia_driving_license",
                                           "vaditaja_apliecība", "vaditaja_apliecibas", "vadītāja_apliecība",
                                           "vaditaja_apliecibas_numurs", "vadītāja_apliecības_numurs");
static const char *const lv_dl_context[] = L("vadītāja apliecība");
static const char *const lv_dl_examples[] = L("AAB123456", "ABC 654321", "xyz102030");
static const char *const lv_dl_counter[] = L("AB1234567", "AAB12345", "AAB000000");
DOC_VALIDATOR(lv_dl, NULL)

static const char *const lt_dl_fmt[] = L("dddddddd");
static const char *const lt_dl_shapes[] = L("e:D8/w");
static const char *const lt_dl_hints[] = L("lithuanian_driving_licence", "lithuania_driving_license",
                                           "vairuotojo_pazymejimas", "vairuotojo_pažymėjimas",
                                           "vairuotojo_pazymejimo_nr", "vairuotojo_pažymėjimo_nr");
static const char *const lt_dl_context[] = L("vairuotojo pažymėjimas");
static const char *const lt_dl_examples[] = L("12345678", "30405060", "87654321");
static const char *const lt_dl_counter[] = L("1234567", "123456789", "22222222");
DOC_VALIDATOR(lt_dl, NULL)

static const char *const lu_dl_fmt[] = L("dddddd");
static const char *const lu_dl_shapes[] = L("e:D6/w");
static const char *const lu_dl_hints[] = L("luxembourg_driving_licence", "luxembourg_driving_license",
                                           "permis_de_conduire_lu", "luxembourgish_driving_licence",
                                           "fuhrerschein_lu", "führerschein_lu");
static const char *const lu_dl_context[] = L("luxembourg");
static const char *const lu_dl_examples[] = L("123456", "010203", "987654");
static const char *const lu_dl_counter[] = L("12345", "1234567", "000000");
DOC_VALIDATOR(lu_dl, NULL)

static const char *const mt_dl_fmt[] = L("aadddddd", "aa dddddd", "aa ddd ddd");
#define MT_FIRST(f) "e:L2" f, "e:D2" f, "e:L1D1" f, "e:D1L1" f
static const char *const mt_dl_shapes[] = L(MT_FIRST("D6/w"), MT_FIRST(" D6/w"), MT_FIRST(" D3 D3/w"));
static const char *const mt_dl_hints[] = L("maltese_driving_licence", "malta_driving_license",
                                           "licenzja_tas_sewqan", "licenzja_tas-sewqan");
static const char *const mt_dl_context[] = L("licenzja tas-sewqan");
static const char *const mt_dl_examples[] = L("AB 123 456", "MT654321", "12 345 678");
static const char *const mt_dl_counter[] = L("ABC12345", "AB 123 45", "AB 000 000");
DOC_VALIDATOR(mt_dl, NULL)

static const char *const mx_dl_fmt[] = L("ldddddddd");
static const char *const mx_dl_shapes[] = L("e:L1D8/w");
static const char *const mx_dl_hints[] = L("mexican_driving_licence", "mexico_driving_license",
                                           "licencia_de_manejo", "licencia_manejo", "numero_licencia_manejo",
                                           "numero_de_licencia_de_manejo");
static const char *const mx_dl_context[] = L("licencia de manejo");
static const char *const mx_dl_examples[] = L("A12345678", "N87654321", "c10203040");
static const char *const mx_dl_counter[] = L("AB1234567", "A1234567", "A00000000");
DOC_VALIDATOR(mx_dl, NULL)

static const char *const nl_dl_fmt[] = L("dddddddddd");
static const char *const nl_dl_shapes[] = L("e:D10/w");
static const char *const nl_dl_hints[] = L("dutch_driving_licence", "netherlands_driving_license", "rijbewijs",
                                           "rijbewijsnummer", "rijbewijs_nummer", "rijbewijsnr", "rijbewijs_nr");
static const char *const nl_dl_context[] = L("rijbewijs");
static const char *const nl_dl_examples[] = L("1234567890", "4012345678", "5987654321");
static const char *const nl_dl_counter[] = L("123456789", "12345678901", "0000000000");
DOC_VALIDATOR(nl_dl, NULL)

static const char *const nz_dl_fmt[] = L("lldddddd");
static const char *const nz_dl_shapes[] = L("e:L2D6/w");
static const char *const nz_dl_hints[] = L("nz_driving_licence", "new_zealand_driving_licence",
                                           "nz_drivers_licence", "nz_driver_licence", "new_zealand_drivers_licence",
                                           "nz_licence_number");
static const char *const nz_dl_context[] = L("nzta");
static const char *const nz_dl_examples[] = L("DL123456", "AB654321", "ek102030");
static const char *const nz_dl_counter[] = L("D1234567", "DL12345", "DL000000");
DOC_VALIDATOR(nz_dl, NULL)

static const char *const no_dl_fmt[] = L("ddddddddddd", "dddddd ddddd");
static const char *const no_dl_shapes[] = L("e:D11/w", "e:D6 D5/w", "e:D6-D5/w");
static const char *const no_dl_hints[] = L("norwegian_driving_licence", "norway_driving_license", "forerkort",
                                           "førerkort", "foererkort", "forerkortnummer", "førerkortnummer",
                                           "forerkort_nr", "førerkort_nr");
static const char *const no_dl_context[] = L("førerkort");
static const char *const no_dl_examples[] = L("15038523462", "311299 45616", "01019012480");
static const char *const no_dl_counter[] = L("15038523463", "01019012481", "32019012480");
DOC_VALIDATOR(no_dl, no_fnr_ok)

static const char *const pl_dl_fmt[] = L("ddddd/dd/dddd", "ddddd dd dddd");
static const char *const pl_dl_shapes[] = L("e:D5/D2/D4/w", "e:D5 D2 D4/w", "e:D5-D2-D4/w");
static const char *const pl_dl_hints[] = L("polish_driving_licence", "poland_driving_license", "prawo_jazdy",
                                           "numer_prawa_jazdy", "nr_prawa_jazdy");
static const char *const pl_dl_context[] = L("prawo jazdy");
static const char *const pl_dl_examples[] = L("00123/15/0211", "12345/07/1234", "54321 99 4321");
static const char *const pl_dl_counter[] = L("0012/315/0211", "00123150211", "00000/00/0000");
DOC_VALIDATOR(pl_dl, NULL)

static const char *const pt_dl_fmt[] = L("ll-ddddd d", "ll-dddddd d", "l-dddddd d", "l-dddddddd d", "llddddddd",
                                         "lddddddd");
static const char *const pt_dl_shapes[] = L("e:L2-D5 D1/w", "e:L2-D6 D1/w", "e:L1-D6 D1/w", "e:L1-D8 D1/w", "e:L2D7/w",
                                            "e:L1D7/w");
static const char *const pt_dl_hints[] = L("portuguese_driving_licence", "portugal_driving_license",
                                           "carta_de_conducao", "carta_de_condução", "carta_conducao",
                                           "carta_condução", "numero_carta_conducao", "numero_carta_de_conducao");
static const char *const pt_dl_context[] = L("carta de condução", "carta de conducao");
static const char *const pt_dl_examples[] = L("L-123456 7", "P-654321 0", "AV-102030 4");
static const char *const pt_dl_counter[] = L("L-1234567 7", "123456 7", "L-000000 0");
DOC_VALIDATOR(pt_dl, NULL)

static const char *const ro_dl_fmt[] = L("ldddddddd", "ddddddddd");
static const char *const ro_dl_shapes[] = L("e:L1D8/w", "e:D9/w");
static const char *const ro_dl_hints[] = L("romanian_driving_licence", "romania_driving_license",
                                           "permis_de_conducere", "permis_conducere", "numar_permis_conducere",
                                           "număr_permis_conducere", "nr_permis_conducere");
static const char *const ro_dl_context[] = L("permis de conducere");
static const char *const ro_dl_examples[] = L("B12345678", "123456789", "c87654321");
static const char *const ro_dl_counter[] = L("BC1234567", "12345678", "B00000000");
DOC_VALIDATOR(ro_dl, NULL)

static const char *const sg_dl_fmt[] = L("ldddddddl");
static const char *const sg_dl_shapes[] = L("e:L1D7L1/w");
static const char *const sg_dl_hints[] = L("singapore_driving_licence", "singapore_driving_license",
                                           "sg_driving_licence", "sg_driving_license", "singapore_driver_licence");
static const char *const sg_dl_context[] = L("singapore");
static const char *const sg_dl_examples[] = L("S1234567D", "T0123456G", "F2345678T");
static const char *const sg_dl_counter[] = L("S1234567E", "A1234567D", "G7654321M");
DOC_VALIDATOR(sg_dl, sg_nric_ok)

#define SK_DL_WORDS "vodicsky_preukaz", "vodičský_preukaz", "cislo_vodicskeho_preukazu", "číslo_vodičského_preukazu"
static const char *const sk_dl_fmt[] = L("lddddddd");
static const char *const sk_dl_shapes[] = L("e:L1D7/w");
static const char *const sk_dl_hints[] = L("slovak_driving_licence", "slovakia_driving_license", SK_DL_WORDS);
static const char *const sk_dl_context[] = L("vodičský preukaz");
static const char *const sk_dl_examples[] = L("A1234567", "S7654321", "e1020304");
static const char *const sk_dl_counter[] = L("AB123456", "A123456", "A0000000");
DOC_VALIDATOR(sk_dl, NULL)

static const char *const si_dl_fmt[] = L("ddddddddd");
static const char *const si_dl_shapes[] = L("e:D9/w");
static const char *const si_dl_hints[] = L("slovenian_driving_licence", "slovenia_driving_license",
                                           "voznisko_dovoljenje", "vozniško_dovoljenje",
                                           "stevilka_vozniskega_dovoljenja", "številka_vozniškega_dovoljenja");
static const char *const si_dl_context[] = L("vozniško dovoljenje");
static const char *const si_dl_examples[] = L("123456789", "012345678", "987654321");
static const char *const si_dl_counter[] = L("12345678", "1234567890", "000000000");
DOC_VALIDATOR(si_dl, NULL)

static const char *const es_dl_fmt[] = L("ddddddddl", "dddddddd l", "ldddddddl", "lddddddd l");
static const char *const es_dl_shapes[] = L("e:D8L1/w", "e:D8 L1/w", "e:D8-L1/w", "e:L1D7L1/w", "e:L1D7 L1/w",
                                            "e:L1D7-L1/w");
static const char *const es_dl_hints[] = L("spanish_driving_licence", "spain_driving_license", "carnet_de_conducir",
                                           "carne_de_conducir", "permiso_de_conducir", "permiso_conducir",
                                           "numero_permiso_de_conducir", "numero_carnet_de_conducir");
static const char *const es_dl_context[] = L("permiso de conducir", "carnet de conducir");
static const char *const es_dl_examples[] = L("12345678Z", "87654321-X", "X1234567L");
static const char *const es_dl_counter[] = L("12345678A", "X1234567A", "A1234567L");
DOC_VALIDATOR(es_dl, es_dni_ok)

static const char *const se_dl_fmt[] = L("dddddd-dddd", "dddddddddd");
static const char *const se_dl_shapes[] = L("e:D6-D4/w", "e:D10/w");
static const char *const se_dl_hints[] = L("swedish_driving_licence", "sweden_driving_license", "korkort",
                                           "körkort", "korkortsnummer", "körkortsnummer", "korkort_nr",
                                           "körkort_nr");
static const char *const se_dl_context[] = L("körkort");
static const char *const se_dl_examples[] = L("811228-9874", "640823-3234", "9001011239");
static const char *const se_dl_counter[] = L("811228-9875", "811328-9874", "8112289873");
DOC_VALIDATOR(se_dl, se_pnr_ok)

static const char *const au_dl_fmt[] = L("dddddddd", "ddddddddd", "ddd ddd ddd", "dd ddd ddd");
static const char *const au_dl_shapes[] = L("e:D8/w", "e:D9/w", "e:D3 D3 D3/w", "e:D3-D3-D3/w", "e:D2 D3 D3/w",
                                            "e:D2-D3-D3/w");
static const char *const au_dl_hints[] = L("australian_driving_licence", "australia_driving_license",
                                           "australian_drivers_licence", "au_driving_licence", "au_drivers_licence",
                                           "au_licence_number");
static const char *const au_dl_context[] = L("vicroads", "rms", "tmr");
static const char *const au_dl_examples[] = L("12345678", "123 456 789", "987654321");
static const char *const au_dl_counter[] = L("1234567", "1234567890", "00000000");
DOC_VALIDATOR(au_dl, NULL)

static const char *const jp_dl_fmt[] = L("dddddddddddd", "dddd dddd dddd");
static const char *const jp_dl_shapes[] = L("e:D12/w", "e:D4 D4 D4/w", "e:D4-D4-D4/w");
static const char *const jp_dl_hints[] = L("japanese_driving_licence", "japan_driving_license",
                                           "japanese_drivers_license", "unten_menkyo", "menkyosho",
                                           "menkyosho_bango", "運転免許証", "運転免許証番号", "免許証番号");
static const char *const jp_dl_context[] = L("運転免許", "免許証");
static const char *const jp_dl_examples[] = L("301234567890", "4412 3456 7801", "123456789012");
static const char *const jp_dl_counter[] = L("30123456789", "3012345678901", "000000000000");
DOC_VALIDATOR(jp_dl, NULL)

static const char *const ve_dl_fmt[] = L("lddddddd", "ldddddddd", "l dddddddd", "l ddddddd",
                                         "l-dd.ddd.ddd", "l-d.ddd.ddd");
static const char *const ve_dl_shapes[] = L("e:L1D7/w", "e:L1D8/w", "e:L1 D8/w", "e:L1-D8/w", "e:L1 D7/w", "e:L1-D7/w",
                                            "e:L1-D2.D3.D3/w", "e:L1-D1.D3.D3/w");
static const char *const ve_dl_hints[] = L("venezuelan_driving_licence", "venezuela_driving_license",
                                           "licencia_para_conducir", "licencia_de_conducir_ve",
                                           "licencia_de_conducir");
static const char *const ve_dl_context[] = L("licencia para conducir");
static const char *const ve_dl_examples[] = L("V-12345678", "E-87654321", "v1234567");
static const char *const ve_dl_counter[] = L("X-12345678", "V-123456789", "V-00000000");
DOC_VALIDATOR(ve_dl, ve_ci_ok)

/* Passports --------------------------------------------------------------------------------- */

#define REISEPASS "reisepass", "reisepassnummer", "reisepass_nummer", "reisepass_nr"

static const char *const at_pp_fmt[] = L("lddddddd", "l ddddddd");
static const char *const at_pp_shapes[] = L("e:L1D7/w", "e:L1 D7/w", "e:L1-D7/w");
static const char *const at_pp_hints[] = L("austrian_passport", "austria_passport", "osterreichischer_reisepass",
                                           "österreichischer_reisepass", REISEPASS);
static const char *const at_pp_context[] = L("reisepass");
static const char *const at_pp_examples[] = L("P1234567", "U 7654321", "n1020304");
static const char *const at_pp_counter[] = L("PP123456", "P123456", "P0000000");
DOC_VALIDATOR(at_pp, NULL)

static const char *const be_pp_fmt[] = L("lldddddd");
static const char *const be_pp_shapes[] = L("e:L2D6/w");
static const char *const be_pp_hints[] = L("belgian_passport", "belgium_passport", "passeport_belge",
                                           "belgisch_paspoort", "numero_passeport_be");
static const char *const be_pp_context[] = L("passeport belge", "belgisch paspoort");
static const char *const be_pp_examples[] = L("EH123456", "EN654321", "ej102030");
static const char *const be_pp_counter[] = L("E1234567", "EH12345", "EH000000");
DOC_VALIDATOR(be_pp, NULL)

static const char *const hr_pp_fmt[] = L("ddddddddd");
static const char *const hr_pp_shapes[] = L("e:D9/w");
static const char *const hr_pp_hints[] = L("croatian_passport", "croatia_passport", "putovnica", "broj_putovnice",
                                           "putovnica_broj");
static const char *const hr_pp_context[] = L("putovnica");
static const char *const hr_pp_examples[] = L("123456789", "099887766", "987654321");
static const char *const hr_pp_counter[] = L("12345678", "1234567890", "000000000");
DOC_VALIDATOR(hr_pp, NULL)

#define GR_PP_WORDS "diavatirio", "διαβατήριο", "arithmos_diavatiriou", "αριθμός_διαβατηρίου"
static const char *const cy_pp_fmt[] = L("ldddddd", "lddddddd", "ldddddddd");
static const char *const cy_pp_shapes[] = L("e:L1D6/w", "e:L1D7/w", "e:L1D8/w");
static const char *const cy_pp_hints[] = L("cyprus_passport", "cypriot_passport", GR_PP_WORDS);
static const char *const cy_pp_context[] = L("διαβατήριο");
static const char *const cy_pp_examples[] = L("K123456", "E12345678", "k0123456");
static const char *const cy_pp_counter[] = L("KK123456", "K12345", "K000000");
DOC_VALIDATOR(cy_pp, NULL)

static const char *const ee_pp_fmt[] = L("lddddddd");
static const char *const ee_pp_shapes[] = L("e:L1D7/w");
static const char *const ee_pp_hints[] = L("estonian_passport", "estonia_passport", "passi_number", "passi_nr",
                                           "eesti_pass");
static const char *const ee_pp_context[] = L("eesti pass");
static const char *const ee_pp_examples[] = L("K1234567", "K7654321", "k0102030");
static const char *const ee_pp_counter[] = L("KK123456", "K123456", "K0000000");
DOC_VALIDATOR(ee_pp, NULL)

static const char *const fi_pp_fmt[] = L("llddddddd");
static const char *const fi_pp_shapes[] = L("e:L2D7/w");
static const char *const fi_pp_hints[] = L("finnish_passport", "finland_passport", "passin_numero", "passinumero",
                                           "passi", "suomen_passi");
static const char *const fi_pp_context[] = L("passi");
static const char *const fi_pp_examples[] = L("XP1234567", "FP7654321", "xm0102030");
static const char *const fi_pp_counter[] = L("X12345678", "XP123456", "XP0000000");
DOC_VALIDATOR(fi_pp, NULL)

static const char *const gr_pp_fmt[] = L("llddddddd");
static const char *const gr_pp_shapes[] = L("e:L2D7/w");
static const char *const gr_pp_hints[] = L("greek_passport", "greece_passport", GR_PP_WORDS);
static const char *const gr_pp_context[] = L("διαβατήριο");
static const char *const gr_pp_examples[] = L("AE1234567", "AN7654321", "ak0102030");
static const char *const gr_pp_counter[] = L("A12345678", "AE123456", "AE0000000");
DOC_VALIDATOR(gr_pp, NULL)

static const char *const hu_pp_fmt[] = L("lldddddd", "llddddddd");
static const char *const hu_pp_shapes[] = L("e:L2D6/w", "e:L2D7/w");
static const char *const hu_pp_hints[] = L("hungarian_passport", "hungary_passport", "utlevel", "útlevél",
                                           "utlevelszam", "útlevélszám", "utlevel_szam", "útlevél_szám");
static const char *const hu_pp_context[] = L("útlevél", "utlevel");
static const char *const hu_pp_examples[] = L("BA123456", "BE1234567", "ba0102030");
static const char *const hu_pp_counter[] = L("B1234567", "BA12345", "BA000000");
DOC_VALIDATOR(hu_pp, NULL)

static const char *const is_pp_fmt[] = L("Addddddd");
static const char *const is_pp_shapes[] = L("e:L1D7/w");
static const char *const is_pp_hints[] = L("icelandic_passport", "iceland_passport", "vegabref", "vegabréf",
                                           "vegabrefsnumer", "vegabréfsnúmer");
static const char *const is_pp_context[] = L("vegabréf", "vegabref");
static const char *const is_pp_examples[] = L("A1234567", "A7654321", "a0102030");
static const char *const is_pp_counter[] = L("B1234567", "A123456", "A0000000");
DOC_VALIDATOR(is_pp, NULL)

#define AADDDDDDD_SHAPES "l:9:LLDD/w", "l:9:LDDD/w", "l:9:DLDD/w", "l:9:DDDD/w"
static const char *const ie_pp_fmt[] = L("aaddddddd");
static const char *const ie_pp_shapes[] = L(AADDDDDDD_SHAPES);
static const char *const ie_pp_hints[] = L("irish_passport", "ireland_passport", "pas_eireannach",
                                           "uimhir_pas", "uimhir_an_phas");
static const char *const ie_pp_context[] = L("irish passport");
static const char *const ie_pp_examples[] = L("PA1234567", "LB7654321", "1A0102030");
static const char *const ie_pp_counter[] = L("PAB234567", "PA123456", "PA0000000");
DOC_VALIDATOR(ie_pp, NULL)

static const char *const lv_pp_fmt[] = L("aaddddddd");
static const char *const lv_pp_shapes[] = L(AADDDDDDD_SHAPES);
static const char *const lv_pp_hints[] = L("latvian_passport", "latvia_passport", "pases_numurs", "pases_nr",
                                           "latvijas_pase");
static const char *const lv_pp_context[] = L("pases numurs");
static const char *const lv_pp_examples[] = L("LV1234567", "PA7654321", "lv0102030");
static const char *const lv_pp_counter[] = L("LVA234567", "LV123456", "LV0000000");
DOC_VALIDATOR(lv_pp, NULL)

static const char *const li_pp_fmt[] = L("lddddd");
static const char *const li_pp_shapes[] = L("e:L1D5/w");
static const char *const li_pp_hints[] = L("liechtenstein_passport", "liechtensteiner_pass",
                                           "liechtensteinischer_reisepass", "reisepass_li");
static const char *const li_pp_context[] = L("liechtenstein");
static const char *const li_pp_examples[] = L("R12345", "S54321", "r01020");
static const char *const li_pp_counter[] = L("RR1234", "R1234", "R00000");
DOC_VALIDATOR(li_pp, NULL)

static const char *const lu_pp_fmt[] = L("aaaaaaaa");
static const char *const lu_pp_shapes[] = L("e:L2D6/w", "e:L1D7/w");
static const char *const lu_pp_hints[] = L("luxembourg_passport", "luxembourgish_passport",
                                           "passeport_luxembourgeois", "lux_passport");
static const char *const lu_pp_context[] = L("passeport luxembourgeois");
static const char *const lu_pp_examples[] = L("JJ123456", "A1234567", "lu654321");
static const char *const lu_pp_counter[] = L("ABCDEFGH", "JJ1234567", "JJ12345", "J1234567A");
DOC_VALIDATOR(lu_pp, lu_pp_ok)

static const char *const pl_pp_fmt[] = L("llddddddd");
static const char *const pl_pp_shapes[] = L("e:L2D7/w");
static const char *const pl_pp_hints[] = L("polish_passport", "poland_passport", "paszport", "numer_paszportu",
                                           "nr_paszportu", "seria_paszportu");
static const char *const pl_pp_context[] = L("paszport");
static const char *const pl_pp_examples[] = L("EA1234567", "ZS7654321", "ea0102030");
static const char *const pl_pp_counter[] = L("E12345678", "EA123456", "EA0000000");
DOC_VALIDATOR(pl_pp, NULL)

static const char *const pt_pp_fmt[] = L("ldddddd");
static const char *const pt_pp_shapes[] = L("e:L1D6/w");
static const char *const pt_pp_hints[] = L("portuguese_passport", "portugal_passport", "passaporte",
                                           "numero_passaporte", "numero_do_passaporte", "n_passaporte");
static const char *const pt_pp_context[] = L("passaporte");
static const char *const pt_pp_examples[] = L("N123456", "C654321", "p010203");
static const char *const pt_pp_counter[] = L("NN12345", "N12345", "N000000");
DOC_VALIDATOR(pt_pp, NULL)

static const char *const ro_pp_fmt[] = L("dddddddd", "ddddddddd");
static const char *const ro_pp_shapes[] = L("e:D8/w", "e:D9/w");
static const char *const ro_pp_hints[] = L("romanian_passport", "romania_passport", "pasaport", "pașaport",
                                           "numar_pasaport", "număr_pașaport", "nr_pasaport");
static const char *const ro_pp_context[] = L("pașaport", "pasaport");
static const char *const ro_pp_examples[] = L("12345678", "054321987", "987654321");
static const char *const ro_pp_counter[] = L("1234567", "1234567890", "00000000");
DOC_VALIDATOR(ro_pp, NULL)

static const char *const sk_pp_fmt[] = L("lddddddd", "lldddddd", "llddddddd");
static const char *const sk_pp_shapes[] = L("e:L1D7/w", "e:L2D6/w", "e:L2D7/w");
static const char *const sk_pp_hints[] = L("slovak_passport", "slovakia_passport", "cestovny_pas",
                                           "cestovný_pas", "cislo_pasu", "číslo_pasu", "cislo_cestovneho_pasu");
static const char *const sk_pp_context[] = L("cestovný pas", "cestovny pas");
static const char *const sk_pp_examples[] = L("B1234567", "E7654321", "p0102030");
static const char *const sk_pp_counter[] = L("ABC12345", "B123456", "B0000000");
DOC_VALIDATOR(sk_pp, NULL)

static const char *const si_pp_fmt[] = L("Plddddddd");
static const char *const si_pp_shapes[] = L("e:L2D7/w");
static const char *const si_pp_hints[] = L("slovenian_passport", "slovenia_passport", "potni_list",
                                           "stevilka_potnega_lista", "številka_potnega_lista");
static const char *const si_pp_context[] = L("potni list");
static const char *const si_pp_examples[] = L("PB1234567", "PA7654321", "pe0102030");
static const char *const si_pp_counter[] = L("AB1234567", "PB123456", "PB0000000");
DOC_VALIDATOR(si_pp, NULL)

static const char *const se_pp_fmt[] = L("dddddddd");
static const char *const se_pp_shapes[] = L("e:D8/w");
static const char *const se_pp_hints[] = L("swedish_passport", "sweden_passport", "passnummer", "svenskt_pass",
                                           "pass_nummer");
static const char *const se_pp_context[] = L("passnummer");
static const char *const se_pp_examples[] = L("12345678", "91234567", "70102030");
static const char *const se_pp_counter[] = L("1234567", "123456789", "00000000");
DOC_VALIDATOR(se_pp, NULL)

static const char *const ch_pp_fmt[] = L("lddddddd");
static const char *const ch_pp_shapes[] = L("e:L1D7/w");
static const char *const ch_pp_hints[] = L("swiss_passport", "switzerland_passport", "schweizer_pass",
                                           "schweizer_reisepass", "passeport_suisse", "passaporto_svizzero",
                                           REISEPASS);
static const char *const ch_pp_context[] = L("schweizer pass", "passeport suisse");
static const char *const ch_pp_examples[] = L("X1234567", "S7654321", "f0102030");
static const char *const ch_pp_counter[] = L("XX123456", "X123456", "X0000000");
DOC_VALIDATOR(ch_pp, NULL)

#define UA_WORDS "pasport", "паспорт", "nomer_pasporta", "номер_паспорта", "номер_паспорту"
static const char *const ua_pp_dom_shapes[] = L("e:D9/w", "e:D6/w");
static const char *const ua_pp_dom_hints[] = L("ukrainian_passport", "ukraine_passport",
                                               "ukrainian_internal_passport", "ukrainian_id_card",
                                               "vnutrishnii_pasport", "внутрішній_паспорт", UA_WORDS);
static const char *const ua_pp_dom_context[] = L("паспорт");
static const char *const ua_pp_dom_examples[] = L("123456789", "МЕ123456", "АВ 654321");
static const char *const ua_pp_dom_counter[] = L("12345678", "AB123456", "000000000");

static const char *const ua_pp_int_fmt[] = L("lldddddd");
static const char *const ua_pp_int_shapes[] = L("e:L2D6/w");
static const char *const ua_pp_int_hints[] = L("ukrainian_international_passport", "ukraine_international_passport",
                                               "zakordonnyi_pasport", "закордонний_паспорт",
                                               "zagranpasport", "загранпаспорт", UA_WORDS);
static const char *const ua_pp_int_context[] = L("закордонний паспорт");
static const char *const ua_pp_int_examples[] = L("FA123456", "EK654321", "fb102030");
static const char *const ua_pp_int_counter[] = L("F1234567", "FA12345", "FA000000");
DOC_VALIDATOR(ua_pp_int, NULL)

/* ---- table ---------------------------------------------------------------------------------- */

#define DOC(nm, reg, cat, desc, x) \
    { \
        .name = nm, .region = reg, .category = cat, .description = desc, .shapes = x##_shapes, \
        .validate = validate_##x, .hints = x##_hints, .context = x##_context, .examples = x##_examples, \
        .counterexamples = x##_counter, .flags = DM_ENT_NEEDS_HINT, \
    }
#define DL(nm, reg, desc, x) DOC(nm, reg, DM_CAT_DRIVERS_LICENSE, desc, x)
#define PP(nm, reg, desc, x) DOC(nm, reg, DM_CAT_PASSPORT, desc, x)

const dm_entity_def dm_entities_documents[] = {
    DL("AUSTRIA_DRIVING_LICENSE", "AT", "Austrian driving licence: 8 digits (under its name)", at_dl),
    DL("BELGIUM_DRIVING_LICENSE", "BE", "Belgian driving licence: 10 digits (under its name)", be_dl),
    DL("BULGARIA_DRIVING_LICENSE", "BG", "Bulgarian driving licence: 9 digits (under its name)", bg_dl),
    DL("CANADA_DRIVING_LICENSE", "CA",
       "Canadian driving licence, Ontario (letter + 14 digits) or Quebec (letter + 12 digits) (under its name)", ca_dl),
    DL("CHILE_DRIVING_LICENSE", "CL", "Chilean driving licence: the RUN, mod-11 check (under its name)", cl_dl),
    DL("CROATIA_DRIVING_LICENSE", "HR", "Croatian driving licence: 8 digits (under its name)", hr_dl),
    DL("CYPRUS_DRIVING_LICENSE", "CY", "Cypriot driving licence: 12 digits (under its name)", cy_dl),
    DL("CZECHIA_DRIVING_LICENSE", "CZ", "Czech driving licence: E + letter + 6 digits (under its name)", cz_dl),
    DL("DENMARK_DRIVING_LICENSE", "DK", "Danish driving licence: 8 digits (under its name)", dk_dl),
    DL("ESTONIA_DRIVING_LICENSE", "EE", "Estonian driving licence: 2 letters + 6 digits (under its name)", ee_dl),
    DL("FINLAND_DRIVING_LICENSE", "FI",
       "Finnish driving licence: the henkilötunnus DDMMYY-NNNC, mod-31 check (under its name)", fi_dl),
    DL("FRANCE_DRIVING_LICENSE", "FR", "French driving licence: 12 digits (under its name)", fr_dl),
    DL("GERMANY_DRIVING_LICENSE", "DE", "German driving licence: 11 letters/digits (under its name)", de_dl),
    DL("GREECE_DRIVING_LICENSE", "GR", "Greek driving licence: 9 digits (under its name)", gr_dl),
    DL("HUNGARY_DRIVING_LICENSE", "HU", "Hungarian driving licence: 2 letters + 6 digits (under its name)", hu_dl),
    DL("IRELAND_DRIVING_LICENSE", "IE", "Irish driving licence: 6 digits + 4 letters (under its name)", ie_dl),
    DL("ITALY_DRIVING_LICENSE", "IT",
       "Italian driving licence (patente): 2 characters, 7 digits, letter (under its name)", it_dl),
    DL("LATVIA_DRIVING_LICENSE", "LV", "Latvian driving licence: 3 letters + 6 digits (under its name)", lv_dl),
    DL("LITHUANIA_DRIVING_LICENSE", "LT", "Lithuanian driving licence: 8 digits (under its name)", lt_dl),
    DL("LUXEMBOURG_DRIVING_LICENSE", "LU", "Luxembourg driving licence: 6 digits (under its name)", lu_dl),
    DL("MALTA_DRIVING_LICENSE", "MT", "Maltese driving licence: 2 letters/digits + 6 digits (under its name)",
       mt_dl),
    DL("MEXICO_DRIVING_LICENSE", "MX", "Mexican driving licence: letter + 8 digits (under its name)", mx_dl),
    DL("NETHERLANDS_DRIVING_LICENSE", "NL", "Dutch driving licence (rijbewijs): 10 digits (under its name)", nl_dl),
    DL("NEW_ZEALAND_DRIVING_LICENSE", "NZ", "New Zealand driver licence: 2 letters + 6 digits (under its name)", nz_dl),
    DL("NORWAY_DRIVING_LICENSE", "NO", "Norwegian driving licence: fødselsnummer, two mod-11 checks (under its name)",
       no_dl),
    DL("POLAND_DRIVING_LICENSE", "PL", "Polish driving licence: NNNNN/NN/NNNN (under its name)", pl_dl),
    DL("PORTUGAL_DRIVING_LICENSE", "PT",
       "Portuguese driving licence: L-123456 7 or AV-12345 6 (under its name)", pt_dl),
    DL("ROMANIA_DRIVING_LICENSE", "RO", "Romanian driving licence: letter or digit + 8 digits (under its name)", ro_dl),
    DL("SINGAPORE_DRIVING_LICENSE", "SG", "Singapore driving licence: the NRIC/FIN, check letter (under its name)",
       sg_dl),
    DL("SLOVAKIA_DRIVING_LICENSE", "SK", "Slovak driving licence: letter + 7 digits (under its name)", sk_dl),
    DL("SLOVENIA_DRIVING_LICENSE", "SI", "Slovenian driving licence: 9 digits (under its name)", si_dl),
    DL("SPAIN_DRIVING_LICENSE", "ES", "Spanish driving licence: the DNI/NIE, mod-23 letter (under its name)", es_dl),
    DL("SWEDEN_DRIVING_LICENSE", "SE", "Swedish driving licence: the personnummer, Luhn (under its name)", se_dl),
    DL("AUSTRALIA_DRIVING_LICENSE", "AU", "Australian driver licence: 8-9 digits (under its name)", au_dl),
    DL("JAPAN_DRIVING_LICENSE", "JP", "Japanese driving licence: 12 digits (under its name)", jp_dl),
    DL("VENEZUELA_DRIVING_LICENSE", "VE", "Venezuelan driving licence: the cédula V/E + 6-8 digits (under its name)",
       ve_dl),
    PP("AUSTRIA_PASSPORT_NUMBER", "AT", "Austrian passport: letter + 7 digits (under its name)", at_pp),
    PP("BELGIUM_PASSPORT_NUMBER", "BE", "Belgian passport: 2 letters + 6 digits (under its name)", be_pp),
    PP("CROATIA_PASSPORT_NUMBER", "HR", "Croatian passport: 9 digits (under its name)", hr_pp),
    PP("CYPRUS_PASSPORT_NUMBER", "CY", "Cypriot passport: letter + 6-8 digits (under its name)", cy_pp),
    PP("ESTONIA_PASSPORT_NUMBER", "EE", "Estonian passport: letter + 7 digits (under its name)", ee_pp),
    PP("FINLAND_PASSPORT_NUMBER", "FI", "Finnish passport: 2 letters + 7 digits (under its name)", fi_pp),
    PP("GREECE_PASSPORT_NUMBER", "GR", "Greek passport: 2 letters + 7 digits (under its name)", gr_pp),
    PP("HUNGARY_PASSPORT_NUMBER", "HU", "Hungarian passport: 2 letters + 6-7 digits (under its name)", hu_pp),
    PP("ICELAND_PASSPORT_NUMBER", "IS", "Icelandic passport: A + 7 digits (under its name)", is_pp),
    PP("IRELAND_PASSPORT_NUMBER", "IE", "Irish passport: 2 letters/digits + 7 digits (under its name)", ie_pp),
    PP("LATVIA_PASSPORT_NUMBER", "LV", "Latvian passport: 2 letters/digits + 7 digits (under its name)", lv_pp),
    PP("LIECHTENSTEIN_PASSPORT_NUMBER", "LI", "Liechtenstein passport: letter + 5 digits (under its name)", li_pp),
    PP("LUXEMBOURG_PASSPORT_NUMBER", "LU",
       "Luxembourg passport: 2 letters + 6 digits or letter + 7 digits (under its name)", lu_pp),
    PP("POLAND_PASSPORT_NUMBER", "PL", "Polish passport: 2 letters + 7 digits (under its name)", pl_pp),
    PP("PORTUGAL_PASSPORT_NUMBER", "PT", "Portuguese passport: letter + 6 digits (under its name)", pt_pp),
    PP("ROMANIA_PASSPORT_NUMBER", "RO", "Romanian passport: 8-9 digits (under its name)", ro_pp),
    PP("SLOVAKIA_PASSPORT_NUMBER", "SK",
       "Slovak passport: letter + 7 digits or 2 letters + 6-7 digits (under its name)", sk_pp),
    PP("SLOVENIA_PASSPORT_NUMBER", "SI", "Slovenian passport: P + letter + 7 digits (under its name)", si_pp),
    PP("SWEDEN_PASSPORT_NUMBER", "SE", "Swedish passport: 8 digits (under its name)", se_pp),
    PP("SWITZERLAND_PASSPORT_NUMBER", "CH", "Swiss passport: letter + 7 digits (under its name)", ch_pp),
    PP("UKRAINE_PASSPORT_NUMBER_DOMESTIC", "UA",
       "Ukrainian domestic passport: 2 Cyrillic letters + 6 digits, or ID card 9 digits (under its name)", ua_pp_dom),
    PP("UKRAINE_PASSPORT_NUMBER_INTERNATIONAL", "UA",
       "Ukrainian international passport: 2 letters + 6 digits (under its name)", ua_pp_int),
    {.name = NULL},
};
