/*
 * European bank accounts (src/detect/entities/europe.c): the IBAN registry
 * table, each validator on its examples and look-alikes, and whole columns
 * through the engine. The .c is compiled in to reach its statics.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "detect/engine.h"
#include "detect/entities/europe.c"
#include "entity_testlib.h"

/* Upper-case IBAN from country and BBAN with computed check digits. */
static void make_iban(const char *cc, const char *bban, char *out)
{
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%s%s00", bban, cc);
    unsigned r = dm_mod97(tmp, strlen(tmp));
    snprintf(out, 40, "%s%02u%s", cc, 98 - r, bban);
}

/* Deterministic pseudo-random BBAN following a SWIFT structure. */
static void random_bban(const char *fmt, uint32_t *seed, char *out)
{
    size_t o = 0;
    while (*fmt) {
        unsigned count = 0;
        while (*fmt >= '0' && *fmt <= '9')
            count = count * 10 + (unsigned)(*fmt++ - '0');
        char kind = *fmt++;
        for (unsigned i = 0; i < count; i++) {
            *seed = *seed * 1103515245u + 12345u;
            unsigned x = (*seed >> 16) & 0x7fff;
            if (kind == 'n')
                out[o++] = (char)('0' + x % 10);
            else if (kind == 'a')
                out[o++] = (char)('A' + x % 26);
            else
                out[o++] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[x % 36];
        }
    }
    out[o] = '\0';
}

/* The validator that owns a country's IBANs. */
static dm_validate_fn owner(const char *cc)
{
    if (memcmp(cc, "DE", 2) == 0)
        return validate_de;
    if (memcmp(cc, "FR", 2) == 0)
        return validate_fr;
    if (memcmp(cc, "IT", 2) == 0)
        return validate_it;
    if (memcmp(cc, "NL", 2) == 0)
        return validate_nl;
    if (memcmp(cc, "ES", 2) == 0)
        return validate_es;
    return validate_iban;
}

static void test_registry_table(void **state)
{
    for (size_t i = 0; i < NREGISTRY; i++) {
        const iban_format *f = &registry[i];
        if (i > 0 && memcmp(registry[i - 1].cc, f->cc, 2) >= 0)
            fail_msg("registry not sorted at %s", f->cc);
        unsigned total = 0;
        for (const char *p = f->bban; *p;) {
            unsigned c = 0;
            while (*p >= '0' && *p <= '9')
                c = c * 10 + (unsigned)(*p++ - '0');
            assert_non_null(strchr("nac", *p));
            p++;
            total += c;
        }
        if (total + 4 != f->len)
            fail_msg("%s: BBAN structure %s does not add up to %u", f->cc, f->bban, f->len);
        assert_ptr_equal(registry_find(f->cc), f);
    }
    assert_null(registry_find("XX"));
    assert_null(registry_find("AA"));
    assert_null(registry_find("ZZ"));
}

/* The SWIFT registry's own example IBAN of each country it gives one for. */
static const char *const registry_examples[] = {
    "AD12 0001 2030 2003 5910 0100", "AE07 0331 2345 6789 0123 456",
    "AL47 2121 1009 0000 0002 3569 8741", "AT61 1904 3002 3457 3201",
    "AZ21 NABZ 0000 0000 1370 1000 1944", "BA39 1290 0794 0102 8494", "BE68 5390 0754 7034",
    "BG80 BNBG 9661 1020 3456 78", "BH67 BMAG 0000 1299 1234 56",
    "BR18 0036 0305 0000 1000 9795 493C 1", "BY13 NBRB 3600 9000 0000 2Z00 AB00",
    "CH93 0076 2011 6238 5295 7", "CR05 0152 0200 1026 2840 66",
    "CY17 0020 0128 0000 0012 0052 7600", "CZ65 0800 0000 1920 0014 5399",
    "DE89 3704 0044 0532 0130 00", "DK50 0040 0440 1162 43", "DO28 BAGR 0000 0001 2124 5361 1324",
    "EE38 2200 2210 2014 5685", "EG38 0019 0005 0000 0000 2631 8000 2",
    "ES91 2100 0418 4502 0005 1332", "FI21 1234 5600 0007 85", "FO62 6460 0001 6316 34",
    "FR14 2004 1010 0505 0001 3M02 606", "GE29 NB00 0000 0101 9049 17",
    "GI75 NWBK 0000 0000 7099 453", "GL89 6471 0001 0002 06",
    "GR16 0110 1250 0000 0001 2300 695", "GT82 TRAJ 0102 0000 0012 1002 9690",
    "HR12 1001 0051 8630 0016 0", "HU42 1177 3016 1111 1018 0000 0000",
    "IE29 AIBK 9311 5212 3456 78", "IL62 0108 0000 0009 9999 999", "IQ98 NBIQ 8501 2345 6789 012",
    "IS14 0159 2600 7654 5510 7303 39", "IT60 X054 2811 1010 0000 0123 456",
    "JO94 CBJO 0010 0000 0000 0131 0003 02", "KW81 CBKU 0000 0000 0000 1234 5601 01",
    "KZ86 125K ZT50 0410 0100", "LB62 0999 0000 0001 0019 0122 9114",
    "LC55 HEMM 0001 0001 0012 0012 0002 3015", "LI21 0881 0000 2324 013A A",
    "LT12 1000 0111 0100 1000", "LU28 0019 4006 4475 0000", "LV80 BANK 0000 4351 9500 1",
    "MC58 1122 2000 0101 2345 6789 030", "MD24 AG00 0225 1000 1310 4168",
    "ME25 5050 0001 2345 6789 51", "MK07 2501 2000 0058 984", "MR13 0002 0001 0100 0012 3456 753",
    "MT84 MALT 0110 0001 2345 MTLC AST0 01S", "MU17 BOMM 0101 1010 3030 0200 000M UR",
    "NL91 ABNA 0417 1643 00", "NO93 8601 1117 947", "PK36 SCBL 0000 0011 2345 6702",
    "PL61 1090 1014 0000 0712 1981 2874", "PS92 PALS 0000 0000 0400 1234 5670 2",
    "PT50 0002 0123 1234 5678 9015 4", "QA58 DOHB 0000 1234 5678 90AB CDEF G",
    "RO49 AAAA 1B31 0075 9384 0000", "RS35 2600 0560 1001 6113 79", "SA03 8000 0000 6080 1016 7519",
    "SC18 SSCB 1101 0000 0000 0000 1497 USD", "SE45 5000 0000 0583 9825 7466",
    "SI56 2633 0001 2039 086", "SK31 1200 0000 1987 4263 7541", "SM86 U032 2509 8000 0000 0270 100",
    "ST23 0001 0001 0051 8453 1014 6", "SV62 CENR 0000 0000 0000 0070 0025",
    "TL38 0080 0123 4567 8910 157", "TN59 1000 6035 1835 9847 8831",
    "TR33 0006 1005 1978 6457 8413 26", "UA21 3223 1300 0002 6007 2335 6600 1",
    "VA59 0011 2300 0012 3456 78", "VG96 VPVG 0000 0123 4567 8901", "XK05 1212 0123 4567 8906",
    "BI42 1000 0100 0100 0033 2045 181", "LY83 0020 4800 0020 1001 2036 1",
    "SD21 2901 0501 2340 01", NULL};

static void test_registry_examples(void **state)
{
    static const dm_validate_fn all[] = {validate_de, validate_fr, validate_it, validate_nl, validate_es,
                                         validate_iban};
    for (const char *const *e = registry_examples; *e; e++) {
        dm_validate_fn own = owner(*e);
        for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
            dm_verdict v = check(all[i], *e);
            if (all[i] == own && v != DM_STRONG)
                fail_msg("%s: not found by its entity", *e);
            if (all[i] != own && v != DM_NO)
                fail_msg("%s: claimed by another entity (#%zu)", *e, i);
        }
    }
}

/* Every registry country: a generated IBAN passes; each single-character
 * change of a digit fails (mod 97 catches every one). */
static void test_every_country_generated(void **state)
{
    uint32_t seed = 20240601;
    for (size_t i = 0; i < NREGISTRY; i++) {
        const iban_format *f = &registry[i];
        if (memcmp(f->cc, "GB", 2) == 0)
            continue;   /* UK_BANK_ACCOUNT's (uk.c) */
        dm_validate_fn fn = owner(f->cc);
        int good = 0;
        for (int tries = 0; tries < 200 && good < 3; tries++) {
            char bban[40], iban[40];
            random_bban(f->bban, &seed, bban);
            make_iban(f->cc, bban, iban);
            assert_int_equal(strlen(iban), f->len);
            dm_verdict v = check(fn, iban);
            if (v == DM_NO && fn != validate_iban)
                continue;   /* national check (RIB key, CIN, CCC, bank code) not met */
            if (v != DM_STRONG)
                fail_msg("%s: generated %s not accepted", f->cc, iban);
            good++;
            for (size_t k = 2; k < f->len; k++) {
                if (iban[k] < '0' || iban[k] > '9')
                    continue;
                char bad[40];
                memcpy(bad, iban, sizeof bad);
                bad[k] = (char)('0' + (iban[k] - '0' + 1 + (int)(k % 9)) % 10);
                if (check(fn, bad) != DM_NO)
                    fail_msg("%s: %s accepted with position %zu changed", f->cc, bad, k);
            }
        }
        if (good == 0)
            fail_msg("%s: no generated IBAN accepted", f->cc);
    }
}

static void test_germany(void **state)
{
    assert_int_equal(check(validate_de, "DE89 3704 0044 0532 0130 00"), DM_STRONG);
    assert_int_equal(check(validate_de, "de89370400440532013000"), DM_STRONG);
    assert_int_equal(check(validate_de, "DE89-3704-0044-0532-0130-00"), DM_STRONG);
    assert_int_equal(check(validate_de, "DE89 3704 0044 0532 0130 01"), DM_NO);     /* mod 97 */
    assert_int_equal(check(validate_de, "DE54 3704 0044 0532 0130 001"), DM_NO);    /* 23 long */
    assert_int_equal(check(validate_de, "DE63 0704 0044 0532 0130 00"), DM_NO);     /* BLZ 0... */
    assert_int_equal(check(validate_de, "DE98 3704 0044 0532 0130 32"), DM_STRONG);
    assert_int_equal(check(validate_de, "DE01 3704 0044 0532 0130 32"), DM_NO);     /* 01 ~ 98 */
    char iban[40];
    make_iban("DE", "90000000" "1234567890", iban);                                 /* BLZ 9... */
    assert_int_equal(check(validate_de, iban), DM_NO);
    /* Kontonummer alone: weak, placeholders refused */
    assert_int_equal(check(validate_de, "5407324931"), DM_WEAK);
    assert_int_equal(check(validate_de, "1234567"), DM_WEAK);
    assert_int_equal(check(validate_de, "123456"), DM_NO);
    assert_int_equal(check(validate_de, "0000000000"), DM_NO);
}

static void test_france(void **state)
{
    assert_int_equal(check(validate_fr, "FR14 2004 1010 0505 0001 3M02 606"), DM_STRONG);
    assert_int_equal(check(validate_fr, "fr7630004000030001001234591"), DM_STRONG);
    assert_int_equal(check(validate_fr, "FR14 2004 1020 0505 0001 3M02 606"), DM_NO);
    assert_int_equal(check(validate_fr, "FR43 3000 2005 5000 0015 7845 Z03"), DM_NO);   /* RIB key */
    assert_int_equal(check(validate_fr, "FR86 2004 1010 0505 0001 3M02 60"), DM_NO);
    /* Monaco shares the RIB layout but is not France */
    assert_int_equal(check(validate_fr, "MC58 1122 2000 0101 2345 6789 030"), DM_NO);
    /* RIB alone: the key keeps it at medium */
    assert_int_equal(check(validate_fr, "30002 00550 0000157845Z 02"), DM_MEDIUM);
    assert_int_equal(check(validate_fr, "20041010050500013M02606"), DM_MEDIUM);
    assert_int_equal(check(validate_fr, "30002 00550 0000157845Z 03"), DM_NO);
    assert_int_equal(check(validate_fr, "30002 0055A 0000157845Z 02"), DM_NO);  /* branch is numeric */
}

static void test_italy(void **state)
{
    assert_int_equal(check(validate_it, "IT60 X054 2811 1010 0000 0123 456"), DM_STRONG);
    assert_int_equal(check(validate_it, "IT70B0306909606100000000123"), DM_STRONG);
    assert_int_equal(check(validate_it, "IT60 X054 2811 2010 0000 0123 456"), DM_NO);
    assert_int_equal(check(validate_it, "IT64 Y054 2811 1010 0000 0123 456"), DM_NO);   /* CIN */
    assert_int_equal(check(validate_it, "SM86 U032 2509 8000 0000 0270 100"), DM_NO);
    assert_int_equal(check(validate_it, "X 05428 11101 000000123456"), DM_MEDIUM);
    assert_int_equal(check(validate_it, "Y 05428 11101 000000123456"), DM_NO);
    /* every other CIN letter fails too */
    char b[32];
    for (char c = 'A'; c <= 'Z'; c++) {
        snprintf(b, sizeof b, "%c0542811101000000123456", c);
        assert_int_equal(check(validate_it, b), c == 'X' ? DM_MEDIUM : DM_NO);
    }
}

static void test_netherlands(void **state)
{
    assert_int_equal(check(validate_nl, "NL91 ABNA 0417 1643 00"), DM_STRONG);
    assert_int_equal(check(validate_nl, "nl20ingb0001234567"), DM_STRONG);
    assert_int_equal(check(validate_nl, "NL91 ABNA 0417 1643 01"), DM_NO);
    assert_int_equal(check(validate_nl, "NL53 1234 0417 1643 00"), DM_NO);  /* bank code letters */
    assert_int_equal(check(validate_nl, "NL58 ABNA 0417 1643 0"), DM_NO);   /* 17 long */
    assert_int_equal(check(validate_nl, "417164300"), DM_WEAK);
    assert_int_equal(check(validate_nl, "41716430"), DM_NO);
}

static void test_spain(void **state)
{
    assert_int_equal(check(validate_es, "ES91 2100 0418 4502 0005 1332"), DM_STRONG);
    assert_int_equal(check(validate_es, "es7000491500010512345678"), DM_STRONG);
    assert_int_equal(check(validate_es, "ES91 2100 0418 4502 0005 2332"), DM_NO);
    assert_int_equal(check(validate_es, "ES29 2100 0418 4602 0005 1332"), DM_NO);   /* DC */
    assert_int_equal(check(validate_es, "2100 0418 45 0200051332"), DM_MEDIUM);
    assert_int_equal(check(validate_es, "21000418450200051332"), DM_MEDIUM);
    assert_int_equal(check(validate_es, "2100 0418 46 0200051332"), DM_NO);
    assert_int_equal(check(validate_es, "2100 0418 55 0200051332"), DM_NO);
    /* control digits 10 -> 1 and 11 -> 0 */
    assert_int_equal(ccc_digit("0000000000"), 0);
    assert_int_equal(ccc_digit("0000000001"), 5);
    assert_int_equal(ccc_digit("1000000000"), 1);
}

static void test_generic_iban(void **state)
{
    assert_int_equal(check(validate_iban, "AT61 1904 3002 3457 3201"), DM_STRONG);
    assert_int_equal(check(validate_iban, "at611904300234573201"), DM_STRONG);
    assert_int_equal(check(validate_iban, "AT61 1904 3002 3458 3201"), DM_NO);
    assert_int_equal(check(validate_iban, "AT25 1904 3002 3457 320"), DM_NO);
    assert_int_equal(check(validate_iban, "XX36 1904 3002 3457 3201"), DM_NO);
    assert_int_equal(check(validate_iban, "CH72 0076 A011 6238 5295 7"), DM_NO);
    assert_int_equal(check(validate_iban, "DE89 3704 0044 0532 0130 00"), DM_NO);
    assert_int_equal(check(validate_iban, "GB29 NWBK 6016 1331 9268 19"), DM_NO);
    /* check digits 00, 01, 99 are never issued even when the arithmetic holds */
    char bban[40], iban[40];
    uint32_t seed = 7;
    int seen = 0;
    for (int i = 0; i < 5000 && seen < 3; i++) {
        random_bban("5n11n", &seed, bban);
        make_iban("AT", bban, iban);
        int cd = dm_digits_value(iban + 2, 2);
        if (cd != 97 && cd != 98 && cd != 2)
            continue;
        char alt[64];
        snprintf(alt, sizeof alt, "AT%02d%s", cd == 2 ? 99 : cd - 97, bban);
        assert_true(dm_iban_mod97(alt, strlen(alt)));
        assert_int_equal(check(validate_iban, iban), DM_STRONG);
        assert_int_equal(check(validate_iban, alt), DM_NO);
        seen++;
    }
    assert_int_equal(seen, 3);
}

/* ---- through the engine ------------------------------------------------------- */

#define NCELLS 40

/* Generated IBANs of one country in groups of four, as printed. */
static void printed_ibans(const char *cc, const char *fmt, char cells[][48], const char **ptrs, uint32_t seed)
{
    for (int i = 0; i < NCELLS;) {
        char bban[40], iban[40];
        random_bban(fmt, &seed, bban);
        make_iban(cc, bban, iban);
        if (memcmp(cc, "DE", 2) == 0 && (iban[4] == '0' || iban[4] == '9'))
            continue;
        size_t o = 0;
        for (size_t k = 0; iban[k]; k++) {
            if (k && k % 4 == 0)
                cells[i][o++] = ' ';
            cells[i][o++] = iban[k];
        }
        cells[i][o] = '\0';
        ptrs[i] = cells[i];
        i++;
    }
}

static void test_engine_columns(void **state)
{
    static char cells[NCELLS][48];
    const char *ptrs[NCELLS];
    dm_detection det[16];

    /* a column "iban" of German IBANs with spaces: GERMANY_BANK_ACCOUNT, not IBAN */
    printed_ibans("DE", "8n10n", cells, ptrs, 11);
    size_t n = classify("iban", ptrs, NCELLS, det, 16);
    const dm_detection *d = find_det(det, n, "GERMANY_BANK_ACCOUNT");
    assert_non_null(d);
    assert_int_equal(d->matches, NCELLS);
    assert_string_equal(d->confidence, "high");
    assert_null(find_det(det, n, "IBAN"));
    assert_null(find_det(det, n, "NETHERLANDS_BANK_ACCOUNT"));

    /* Austrian IBANs under a neutral name: the generic IBAN */
    printed_ibans("AT", "5n11n", cells, ptrs, 12);
    n = classify("col_7", ptrs, NCELLS, det, 16);
    d = find_det(det, n, "IBAN");
    assert_non_null(d);
    assert_int_equal(d->matches, NCELLS);
    assert_null(find_det(det, n, "GERMANY_BANK_ACCOUNT"));
    /* the evidence is masked */
    assert_true(d->nexamples > 0);
    assert_null(strstr(d->examples[0], ptrs[0] + 5));

    /* the same values with one digit changed: nothing, even under "kontonummer" */
    for (int i = 0; i < NCELLS; i++) {
        size_t last = strlen(cells[i]) - 1;
        cells[i][last] = (char)('0' + (cells[i][last] - '0' + 1) % 10);
    }
    n = classify("kontonummer", ptrs, NCELLS, det, 16);
    assert_null(find_det(det, n, "GERMANY_BANK_ACCOUNT"));
    assert_null(find_det(det, n, "IBAN"));

    /* bare 10-digit numbers: a Kontonummer only with a name hint */
    static const char *const konten[] = {"5407324931", "0532013000", "1234567890", "7391028475"};
    n = classify("value", konten, 4, det, 16);
    assert_null(find_det(det, n, "GERMANY_BANK_ACCOUNT"));
    n = classify("Kontonummer", konten, 4, det, 16);
    assert_non_null(find_det(det, n, "GERMANY_BANK_ACCOUNT"));
    /* context words in the cell lift a weak match (alone: other entities'
     * look-alikes win the span before context is weighed, see the engine) */
    dm_engine *full = eng;
    dm_error err = {0};
    dm_engine_opts only = {.only = "GERMANY_BANK_ACCOUNT"};
    assert_int_equal(dm_engine_new(&only, &eng, &err), DM_OK);
    static const char *const ctx[] = {"Kontonummer 5407324931", "Konto-Nr. 0532013000"};
    n = classify("notes", ctx, 2, det, 16);
    assert_non_null(find_det(det, n, "GERMANY_BANK_ACCOUNT"));
    static const char *const noctx[] = {"Ref 5407324931", "Order 0532013000"};
    n = classify("notes", noctx, 2, det, 16);
    assert_null(find_det(det, n, "GERMANY_BANK_ACCOUNT"));
    dm_engine_free(eng);
    eng = full;

    /* an IBAN in free text */
    static const char *const text[] = {"Bitte überweisen Sie auf DE89 3704 0044 0532 0130 00, danke",
                                       "no account"};
    n = classify("comment", text, 2, det, 16);
    d = find_det(det, n, "GERMANY_BANK_ACCOUNT");
    assert_non_null(d);
    assert_int_equal(d->matches, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_registry_table),
        cmocka_unit_test(test_registry_examples),
        cmocka_unit_test(test_every_country_generated),
        cmocka_unit_test(test_germany),
        cmocka_unit_test(test_france),
        cmocka_unit_test(test_italy),
        cmocka_unit_test(test_netherlands),
        cmocka_unit_test(test_spain),
        cmocka_unit_test(test_generic_iban),
        cmocka_unit_test(test_engine_columns),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
