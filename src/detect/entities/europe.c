/*
 * European bank accounts: IBANs (ISO 13616) per country, and the generic IBAN.
 *
 * Formats from the SWIFT IBAN registry (release 102, June 2026): per country
 * the IBAN length and the BBAN structure in SWIFT notation ("5n5n11c2n": n
 * digits, a upper-case letters, c letters or digits). Every IBAN is checked
 * with ISO 7064 MOD 97-10 (check digits 02-98); a random value of the right
 * shape passes 1 time in 97, so a full IBAN is STRONG.
 *
 * Where the BBAN carries a national check it must hold too (it is part of
 * every real IBAN of the country):
 *   FR  RIB key: bank(5) branch(5) account(11, letters as A/J=1 B/K/S=2 ...
 *       I/R/Z=9) key(2); the 23 digits are 0 mod 97 (Banque de France).
 *   ES  CCC: entity(4) office(4) DC(2) account(10); first DC over "00" +
 *       entity + office, second over the account, weights 1 2 4 8 5 10 9 7 3 6,
 *       11 - sum mod 11, 10 -> 1, 11 -> 0.
 *   IT  CIN: one letter before ABI(5) CAB(5) account(12), from the odd/even
 *       position tables (odd positions: 0/A=1 1/B=0 2/C=5 ... ), sum mod 26.
 *   DE  the bank code (BLZ) starts with the clearing area 1-8.
 * National account numbers printed without the IBAN are weaker: the RIB, CCC
 * and Italian BBAN keep their national check (MEDIUM), the German Kontonummer
 * and the Dutch rekeningnummer have none that holds for every bank (WEAK,
 * need a hint or context).
 *
 * The generic IBAN entity covers every other registry country (AT, BE, CH,
 * ..., also outside Europe); GB IBANs belong to UK_BANK_ACCOUNT (uk.c).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "detect/entities/entity_impl.h"

/* ---- the registry ----------------------------------------------------------- */

typedef struct iban_format {
    char cc[3];
    uint8_t len;            /* whole IBAN */
    const char *bban;       /* SWIFT notation, '!' dropped */
} iban_format;

/* Sorted by country code (binary search; the unit test checks the order). */
static const iban_format registry[] = {
    {"AD", 24, "4n4n12c"},          {"AE", 23, "3n16n"},            {"AL", 28, "8n16c"},
    {"AT", 20, "5n11n"},            {"AZ", 28, "4a20c"},            {"BA", 20, "3n3n8n2n"},
    {"BE", 16, "3n7n2n"},           {"BG", 22, "4a4n2n8c"},         {"BH", 22, "4a14c"},
    {"BI", 27, "5n5n11n2n"},        {"BR", 29, "8n5n10n1a1c"},      {"BY", 28, "4c4n16c"},
    {"CH", 21, "5n12c"},            {"CR", 22, "4n14n"},            {"CY", 28, "3n5n16c"},
    {"CZ", 24, "4n6n10n"},          {"DE", 22, "8n10n"},            {"DJ", 27, "5n5n11n2n"},
    {"DK", 18, "4n9n1n"},           {"DO", 28, "4c20n"},            {"EE", 20, "2n2n11n1n"},
    {"EG", 29, "4n4n17n"},          {"ES", 24, "4n4n1n1n10n"},      {"FI", 18, "3n11n"},
    {"FK", 18, "2a12n"},            {"FO", 18, "4n9n1n"},           {"FR", 27, "5n5n11c2n"},
    {"GB", 22, "4a6n8n"},           {"GE", 22, "2a16n"},            {"GI", 23, "4a15c"},
    {"GL", 18, "4n9n1n"},           {"GR", 27, "3n4n16c"},          {"GT", 28, "4c20c"},
    {"HN", 28, "4a20n"},            {"HR", 21, "7n10n"},            {"HU", 28, "3n4n1n15n1n"},
    {"IE", 22, "4a6n8n"},           {"IL", 23, "3n3n13n"},          {"IQ", 23, "4a3n12n"},
    {"IS", 26, "4n2n6n10n"},        {"IT", 27, "1a5n5n12c"},        {"JO", 30, "4a4n18c"},
    {"KW", 30, "4a22c"},            {"KZ", 20, "3n13c"},            {"LB", 28, "4n20c"},
    {"LC", 32, "4a24c"},            {"LI", 21, "5n12c"},            {"LT", 20, "5n11n"},
    {"LU", 20, "3n13c"},            {"LV", 21, "4a13c"},            {"LY", 25, "3n3n15n"},
    {"MC", 27, "5n5n11c2n"},        {"MD", 24, "2c18c"},            {"ME", 22, "3n13n2n"},
    {"MK", 19, "3n10c2n"},          {"MN", 20, "4n12n"},            {"MR", 27, "5n5n11n2n"},
    {"MT", 31, "4a5n18c"},          {"MU", 30, "4a2n2n12n3n3a"},    {"NI", 28, "4a20n"},
    {"NL", 18, "4a10n"},            {"NO", 15, "4n6n1n"},           {"OM", 23, "3n16c"},
    {"PK", 24, "4a16c"},            {"PL", 28, "8n16n"},            {"PS", 29, "4a21c"},
    {"PT", 25, "4n4n11n2n"},        {"QA", 29, "4a21c"},            {"RO", 24, "4a16c"},
    {"RS", 22, "3n13n2n"},          {"RU", 33, "9n5n15c"},          {"SA", 24, "2n18c"},
    {"SC", 31, "4a2n2n16n3a"},      {"SD", 18, "2n12n"},            {"SE", 24, "3n16n1n"},
    {"SI", 19, "5n8n2n"},           {"SK", 24, "4n6n10n"},          {"SM", 27, "1a5n5n12c"},
    {"SO", 23, "4n3n12n"},          {"ST", 25, "4n4n11n2n"},        {"SV", 28, "4a20n"},
    {"TL", 23, "3n14n2n"},          {"TN", 24, "2n3n13n2n"},        {"TR", 26, "5n1n16c"},
    {"UA", 29, "6n19c"},            {"VA", 22, "3n15n"},            {"VG", 24, "4a16n"},
    {"XK", 20, "4n10n2n"},          {"YE", 30, "4a4n18c"},
};

#define NREGISTRY (sizeof registry / sizeof registry[0])

/* Countries with an entity of their own: not the generic IBAN's. */
static bool own_entity(const char *cc)
{
    static const char *const own[] = {"DE", "ES", "FR", "GB", "IT", "NL"};
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
        if (cc[0] == own[i][0] && cc[1] == own[i][1])
            return true;
    return false;
}

static const iban_format *registry_find(const char *cc)
{
    size_t lo = 0, hi = NREGISTRY;
    int key = (unsigned char)cc[0] << 8 | (unsigned char)cc[1];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = ((unsigned char)registry[mid].cc[0] << 8 | (unsigned char)registry[mid].cc[1]) - key;
        if (c == 0)
            return &registry[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* The n characters at b follow the SWIFT structure fmt exactly. */
static bool bban_matches(const char *fmt, const char *b, size_t n)
{
    size_t pos = 0;
    while (*fmt) {
        unsigned count = 0;
        while (*fmt >= '0' && *fmt <= '9')
            count = count * 10 + (unsigned)(*fmt++ - '0');
        char kind = *fmt++;
        if (pos + count > n)
            return false;
        for (unsigned i = 0; i < count; i++, pos++) {
            char c = b[pos];
            bool digit = c >= '0' && c <= '9', upper = c >= 'A' && c <= 'Z';
            if ((kind == 'n' && !digit) || (kind == 'a' && !upper) || (kind == 'c' && !digit && !upper))
                return false;
        }
    }
    return pos == n;
}

/* A complete IBAN (norm: upper case, no spaces): known country, its length
 * and BBAN structure, check digits 02-98, mod 97. Returns its format. */
static const iban_format *iban_valid(const char *s, size_t n)
{
    if (n < 15 || n > 34)
        return NULL;
    const iban_format *f = registry_find(s);
    if (f == NULL || f->len != n)
        return NULL;
    int cd = dm_digits_value(s + 2, 2);
    if (cd < 2 || cd > 98 || !bban_matches(f->bban, s + 4, n - 4))
        return NULL;
    return dm_iban_mod97(s, n) ? f : NULL;
}

/* ---- national checks ----------------------------------------------------------- */

/* French RIB (23 characters: 5n5n11c2n, structure checked by the caller):
 * account letters map A/J=1 B/K/S=2 C/L/T=3 ... I/R/Z=9; 0 mod 97. */
static bool rib_key_ok(const char *b)
{
    static const char letters[26] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5, 6, 7, 8, 9};
    uint64_t r = 0;     /* reduced every 12 digits: stays far below 2^64 */
    for (int i = 0; i < 23; i++) {
        char c = b[i];
        unsigned v = c >= 'A' && c <= 'Z' ? (unsigned)letters[c - 'A'] : (unsigned)(c - '0');
        r = r * 10 + v;
        if (i % 12 == 11)
            r %= 97;
    }
    return r % 97 == 0;
}

/* One Spanish control digit over 10 digits. */
static int ccc_digit(const char *d)
{
    static const int w[10] = {1, 2, 4, 8, 5, 10, 9, 7, 3, 6};
    int c = 11 - (int)(dm_weighted_sum(d, w, 10) % 11);
    return c == 11 ? 0 : c == 10 ? 1 : c;
}

/* Spanish CCC (20 digits): entity, office, 2 control digits, account. */
static bool ccc_ok(const char *b)
{
    char first[10] = {'0', '0'};
    memcpy(first + 2, b, 8);
    return ccc_digit(first) == b[8] - '0' && ccc_digit(b + 10) == b[9] - '0';
}

/* Italian CIN: b = CIN letter + ABI(5) + CAB(5) + account(12), structure
 * checked by the caller. */
static bool cin_ok(const char *b)
{
    static const uint8_t odd[26] = {1,  0,  5,  7,  9,  13, 15, 17, 19, 21, 2,  4,  18,
                                    20, 11, 3,  6,  8,  12, 14, 16, 10, 22, 25, 24, 23};
    unsigned sum = 0;
    for (int i = 0; i < 22; i++) {
        char c = b[1 + i];
        unsigned v = c >= 'A' && c <= 'Z' ? (unsigned)(c - 'A') : (unsigned)(c - '0');
        sum += i % 2 == 0 ? odd[v] : v;
    }
    return b[0] == (char)('A' + sum % 26);
}

/* ---- helpers ---------------------------------------------------------------------- */

/* The country's own IBAN: format or NULL. */
static const iban_format *country_iban(const dm_span *s, const char *cc)
{
    if (s->norm[0] != cc[0] || s->norm[1] != cc[1])
        return NULL;
    return iban_valid(s->norm, s->norm_len);
}

/* A bare national account number of lo..hi digits: weak, and not a piece of a
 * longer number or a placeholder. */
static dm_verdict bare_account(const dm_span *s, size_t lo, size_t hi)
{
    if (s->norm_len < lo || s->norm_len > hi || !dm_all_digits(s->norm, s->norm_len) ||
        dm_all_same(s->norm, s->norm_len) || dm_piece_of_longer(s))
        return DM_NO;
    return DM_WEAK;
}

/* ---- GERMANY_BANK_ACCOUNT ---------------------------------------------------------- */

static dm_verdict validate_de(const dm_span *s)
{
    if (s->norm_len == 22 && s->norm[0] == 'D') {
        if (!country_iban(s, "DE"))
            return DM_NO;
        return s->norm[4] >= '1' && s->norm[4] <= '8' ? DM_STRONG : DM_NO;
    }
    return bare_account(s, 7, 10);
}

static const char *const de_shapes[] = {"l:22:LLDD", "c:D7~10/w", NULL};
static const char *const de_hints[] = {"kontonummer", "iban", "konto", "kontonr", "konto_nr", "bankkonto",
                                       "girokonto", "bankverbindung", "german_bank_account", NULL};
static const char *const de_context[] = {"iban", "kontonummer", "konto-nr", "konto nr", "kto.", NULL};
static const char *const de_examples[] = {"DE89 3704 0044 0532 0130 00", "DE65100700000123456789",
                                          "de44 5001 0517 5407 3249 31", "5407324931", NULL};
static const char *const de_counter[] = {
    "DE89 3704 0044 0532 0130 01",      /* one digit changed: mod 97 */
    "DE54 3704 0044 0532 0130 001",     /* 23 characters, mod 97 holds */
    "DE63 0704 0044 0532 0130 00",      /* bank code 0xxxxxxx, mod 97 holds */
    "DE01 3704 0044 0532 0130 32",      /* check digits 01 for 98 */
    "0000000000",
    NULL};

/* ---- FRANCE_BANK_ACCOUNT ----------------------------------------------------------- */

static dm_verdict validate_fr(const dm_span *s)
{
    if (s->norm_len == 27) {
        if (!country_iban(s, "FR"))
            return DM_NO;
        return rib_key_ok(s->norm + 4) ? DM_STRONG : DM_NO;
    }
    /* RIB alone: bank, branch, account, key */
    if (s->norm_len != 23 || !bban_matches("5n5n11c2n", s->norm, 23) || !rib_key_ok(s->norm) ||
        dm_piece_of_longer(s))
        return DM_NO;
    return DM_MEDIUM;
}

static const char *const fr_shapes[] = {"l:27:LLDD", "l:23:DDDD", NULL};
static const char *const fr_hints[] = {"rib", "iban", "numero_de_compte", "compte_bancaire", "compte",
                                       "releve_identite_bancaire", "coordonnees_bancaires", "cle_rib", NULL};
static const char *const fr_context[] = {"iban", "rib ", "rib:", "compte", NULL};
static const char *const fr_examples[] = {"FR14 2004 1010 0505 0001 3M02 606", "FR7030002005500000157845Z02",
                                          "fr76 3000 4000 0300 0100 1234 591", "30002 00550 0000157845Z 02",
                                          NULL};
static const char *const fr_counter[] = {
    "FR14 2004 1020 0505 0001 3M02 606",    /* one digit changed: mod 97 */
    "FR43 3000 2005 5000 0015 7845 Z03",    /* mod 97 holds, RIB key does not */
    "FR86 2004 1010 0505 0001 3M02 60",     /* 26 characters, mod 97 holds */
    "30002 00550 0000157845Z 03",           /* RIB key */
    NULL};

/* ---- ITALY_BANK_ACCOUNT ------------------------------------------------------------ */

static dm_verdict validate_it(const dm_span *s)
{
    if (s->norm_len == 27) {
        if (!country_iban(s, "IT"))
            return DM_NO;
        return cin_ok(s->norm + 4) ? DM_STRONG : DM_NO;
    }
    /* BBAN alone: CIN, ABI, CAB, account */
    if (s->norm_len != 23 || !bban_matches("1a5n5n12c", s->norm, 23) || !cin_ok(s->norm) || dm_piece_of_longer(s))
        return DM_NO;
    return DM_MEDIUM;
}

static const char *const it_shapes[] = {"l:27:LLDD", "l:23:LDDD", NULL};
static const char *const it_hints[] = {"conto_corrente", "iban", "conto", "numero_conto", "numero_di_conto",
                                       "coordinate_bancarie", "codice_iban", "cc_bancario", NULL};
static const char *const it_context[] = {"iban", "conto", "c/c", NULL};
static const char *const it_examples[] = {"IT60 X054 2811 1010 0000 0123 456", "IT70B0306909606100000000123",
                                          "it54 i020 0801 6000 0010 0543 210", "X 05428 11101 000000123456",
                                          NULL};
static const char *const it_counter[] = {
    "IT60 X054 2811 2010 0000 0123 456",    /* one digit changed: mod 97 */
    "IT64 Y054 2811 1010 0000 0123 456",    /* mod 97 holds, CIN does not */
    "Y 05428 11101 000000123456",           /* CIN */
    "IT60 X054 2811 1010 0000 0123 45",     /* 26 characters */
    NULL};

/* ---- NETHERLANDS_BANK_ACCOUNT ------------------------------------------------------ */

static dm_verdict validate_nl(const dm_span *s)
{
    if (s->norm_len == 18 && s->norm[0] == 'N')
        return country_iban(s, "NL") ? DM_STRONG : DM_NO;
    return bare_account(s, 9, 10);
}

static const char *const nl_shapes[] = {"l:18:LLDD", "c:D9~10/w", NULL};
static const char *const nl_hints[] = {"rekeningnummer", "iban", "rekening", "bankrekening",
                                       "bankrekeningnummer", "rekeningnr", "dutch_bank_account", NULL};
static const char *const nl_context[] = {"iban", "rekeningnummer", "rekening", "rek.nr", NULL};
static const char *const nl_examples[] = {"NL91 ABNA 0417 1643 00", "NL20INGB0001234567", "nl44 rabo 0123 4567 89",
                                          "417164300", NULL};
static const char *const nl_counter[] = {
    "NL91 ABNA 0417 1643 01",   /* one digit changed: mod 97 */
    "NL53 1234 0417 1643 00",   /* mod 97 holds, bank code must be letters */
    "NL58 ABNA 0417 1643 0",    /* 17 characters, mod 97 holds */
    "999999999",
    NULL};

/* ---- SPAIN_BANK_ACCOUNT ------------------------------------------------------------ */

static dm_verdict validate_es(const dm_span *s)
{
    if (s->norm_len == 24) {
        if (!country_iban(s, "ES"))
            return DM_NO;
        return ccc_ok(s->norm + 4) ? DM_STRONG : DM_NO;
    }
    /* CCC alone: entity, office, control digits, account */
    if (s->norm_len != 20 || !dm_all_digits(s->norm, 20) || !ccc_ok(s->norm) || dm_all_same(s->norm, 20) ||
        dm_piece_of_longer(s))
        return DM_NO;
    return DM_MEDIUM;
}

static const char *const es_shapes[] = {"l:24:LLDD", "c:D20", NULL};
static const char *const es_hints[] = {"numero_de_cuenta", "iban", "cuenta", "cuenta_bancaria", "ccc",
                                       "codigo_cuenta_cliente", "cuenta_corriente", "num_cuenta", NULL};
static const char *const es_context[] = {"iban", "cuenta", "ccc", NULL};
static const char *const es_examples[] = {"ES91 2100 0418 4502 0005 1332", "ES7000491500010512345678",
                                          "es35 2085 2066 6203 0001 2345", "2100 0418 45 0200051332", NULL};
static const char *const es_counter[] = {
    "ES91 2100 0418 4502 0005 2332",    /* one digit changed: mod 97 */
    "ES29 2100 0418 4602 0005 1332",    /* mod 97 holds, control digits do not */
    "2100 0418 46 0200051332",          /* control digits */
    "ES91 2100 0418 4502 0005 133",     /* 23 characters */
    NULL};

/* ---- IBAN (every other registry country) ------------------------------------------- */

static dm_verdict validate_iban(const dm_span *s)
{
    if (own_entity(s->norm))
        return DM_NO;
    return iban_valid(s->norm, s->norm_len) ? DM_STRONG : DM_NO;
}

/* Every length of the registry (15-33). */
static const char *const iban_shapes[] = {"l:15~34:LLDD", NULL};
static const char *const iban_hints[] = {"iban", "international_bank_account_number", "iban_number",
                                         "account_iban", "iban_code", "bank_iban", NULL};
static const char *const iban_context[] = {"iban", NULL};
static const char *const iban_examples[] = {
    "AT61 1904 3002 3457 3201", "BE68 5390 0754 7034", "CH93 0076 2011 6238 5295 7",
    "PL61 1090 1014 0000 0712 1981 2874", "NO9386011117947", "MT84 MALT 0110 0001 2345 MTLC AST0 01S",
    "sa03 8000 0000 6080 1016 7519", NULL};
static const char *const iban_counter[] = {
    "AT61 1904 3002 3458 3201",         /* one digit changed: mod 97 */
    "AT25 1904 3002 3457 320",          /* 19 characters, mod 97 holds */
    "XX36 1904 3002 3457 3201",         /* no such country, mod 97 holds */
    "CH72 0076 A011 6238 5295 7",       /* letter in the numeric part, mod 97 holds */
    "DE89 3704 0044 0532 0130 00",      /* German: GERMANY_BANK_ACCOUNT's */
    NULL};

/* ---- table ---------------------------------------------------------------------------- */

const dm_entity_def dm_entities_europe[] = {
    {
        .name = "GERMANY_BANK_ACCOUNT",
        .region = "DE",
        .category = DM_CAT_BANK_ACCOUNT,
        .description = "German IBAN (DE, 22: bank code + account, mod 97) or Kontonummer",
        .shapes = de_shapes,
        .validate = validate_de,
        .hints = de_hints,
        .context = de_context,
        .examples = de_examples,
        .counterexamples = de_counter,
    },
    {
        .name = "FRANCE_BANK_ACCOUNT",
        .region = "FR",
        .category = DM_CAT_BANK_ACCOUNT,
        .description = "French IBAN (FR, 27, mod 97 and RIB key) or RIB",
        .shapes = fr_shapes,
        .validate = validate_fr,
        .hints = fr_hints,
        .context = fr_context,
        .examples = fr_examples,
        .counterexamples = fr_counter,
    },
    {
        .name = "ITALY_BANK_ACCOUNT",
        .region = "IT",
        .category = DM_CAT_BANK_ACCOUNT,
        .description = "Italian IBAN (IT, 27, mod 97 and CIN) or BBAN",
        .shapes = it_shapes,
        .validate = validate_it,
        .hints = it_hints,
        .context = it_context,
        .examples = it_examples,
        .counterexamples = it_counter,
    },
    {
        .name = "NETHERLANDS_BANK_ACCOUNT",
        .region = "NL",
        .category = DM_CAT_BANK_ACCOUNT,
        .description = "Dutch IBAN (NL, 18: bank code + account, mod 97) or rekeningnummer",
        .shapes = nl_shapes,
        .validate = validate_nl,
        .hints = nl_hints,
        .context = nl_context,
        .examples = nl_examples,
        .counterexamples = nl_counter,
    },
    {
        .name = "SPAIN_BANK_ACCOUNT",
        .region = "ES",
        .category = DM_CAT_BANK_ACCOUNT,
        .description = "Spanish IBAN (ES, 24, mod 97 and CCC control digits) or CCC",
        .shapes = es_shapes,
        .validate = validate_es,
        .hints = es_hints,
        .context = es_context,
        .examples = es_examples,
        .counterexamples = es_counter,
    },
    {
        .name = "IBAN",
        .region = "global",
        .category = DM_CAT_BANK_ACCOUNT,
        .description = "IBAN of any other SWIFT registry country (length, BBAN structure, mod 97)",
        .shapes = iban_shapes,
        .validate = validate_iban,
        .hints = iban_hints,
        .context = iban_context,
        .examples = iban_examples,
        .counterexamples = iban_counter,
    },
    {0},
};
