/*
 * More European numbers (src/detect/entities/europe_more.c): validators on
 * layouts, lower case, off-by-one checks and impossible dates; the names that
 * share a number (tax, health insurance) through the engine; random numbers
 * in a neutral column stay unclaimed by every European table added with
 * europe_ids.c, europe_vat.c and europe_more.c. The .c is compiled in to
 * reach its statics.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "detect/engine.h"
#include "detect/entities/europe_more.c"
#include "entity_testlib.h"

static void test_validators(void **state)
{
    (void)state;
    assert_int_equal(check(validate_es_ssn, "28/12345678/40"), DM_STRONG);
    assert_int_equal(check(validate_es_ssn, "28-12345678-40"), DM_STRONG);
    assert_int_equal(check(validate_es_ssn, "281234567840"), DM_MEDIUM);
    assert_int_equal(check(validate_es_ssn, "28/12345678-40"), DM_NO);      /* mixed joiners */
    assert_int_equal(check(validate_es_ssn, "28/01234567/85"), DM_STRONG);  /* first ten mod 97 */
    assert_int_equal(check(validate_es_ssn, "28/01234567/42"), DM_STRONG);  /* province x 10^7 + number */
    each_digit_breaks(validate_es_ssn, "281234567840", NULL);

    assert_int_equal(check(validate_at_ssn, "1237 010180"), DM_STRONG);
    assert_int_equal(check(validate_at_ssn, "1237010180"), DM_MEDIUM);
    assert_int_equal(check(validate_at_ssn, "1237-010180"), DM_NO);
    assert_int_equal(check(validate_at_ssn, "1237 300280"), DM_NO);          /* 30 February */
    each_digit_breaks(validate_at_ssn, "4070150360", NULL);

    assert_int_equal(check(validate_gr_afm, "094256318"), DM_WEAK);
    assert_int_equal(check(validate_gr_afm, "094256317"), DM_NO);
    assert_int_equal(check(validate_gr_amka, "01019012341"), DM_MEDIUM);
    assert_int_equal(check(validate_gr_amka, "01139012340"), DM_NO);        /* month 13 */
    each_digit_breaks(validate_gr_amka, "15078500210", NULL);

    assert_int_equal(check(validate_hu_tax, "8123456786"), DM_MEDIUM);
    assert_int_equal(check(validate_hu_tax, "8123456785"), DM_NO);
    each_digit_breaks(validate_hu_tax, "8345678904", NULL);
    assert_int_equal(check(validate_hu_taj, "037 002 343"), DM_WEAK);
    assert_int_equal(check(validate_hu_taj, "037-002-343"), DM_WEAK);
    assert_int_equal(check(validate_hu_taj, "037 002-343"), DM_NO);

    assert_int_equal(check(validate_is_kt, "120191-2339"), DM_STRONG);
    assert_int_equal(check(validate_is_kt, "1201912339"), DM_MEDIUM);
    assert_int_equal(check(validate_is_kt, "120191 2339"), DM_NO);
    assert_int_equal(check(validate_is_kt, "300291-2339"), DM_NO);          /* 30 February */
    each_digit_breaks(validate_is_kt, "3112893499", "9");   /* the century digit */

    assert_int_equal(check(validate_lu_nin, "1983070512378"), DM_STRONG);
    assert_int_equal(check(validate_lu_nin, "19830705 123 7 8"), DM_STRONG);
    assert_int_equal(check(validate_lu_nin, "19830705 12378"), DM_STRONG);
    assert_int_equal(check(validate_lu_nin, "1983070512379"), DM_NO);       /* Verhoeff digit */
    assert_int_equal(check(validate_lu_nin, "1983070512368"), DM_NO);       /* Luhn digit */
    each_digit_breaks(validate_lu_nin, "2000022900197", NULL);

    assert_int_equal(check(validate_fr_spi, "30 23 217 600 053"), DM_STRONG);
    assert_int_equal(check(validate_fr_spi, "3023217600053"), DM_STRONG);
    assert_int_equal(check(validate_fr_spi, "302 321 760 0053"), DM_NO);
    assert_int_equal(check(validate_fr_spi, "4023217600053"), DM_NO);       /* first digit 0-3 */
    each_digit_breaks(validate_fr_spi, "1234567890066", NULL);

    assert_int_equal(check(validate_cy_tic, "10259033P"), DM_STRONG);
    assert_int_equal(check(validate_cy_tic, "10259033 p"), DM_STRONG);
    assert_int_equal(check(validate_cy_tic, "10259033O"), DM_NO);
    assert_int_equal(check(validate_cy_tic, "60259033P"), DM_NO);           /* first digit */
    each_digit_breaks(validate_cy_tic, "30010823A", NULL);

    assert_int_equal(check(validate_si_tax, "50229249"), DM_WEAK);
    assert_int_equal(check(validate_si_tax, "50229248"), DM_NO);

    assert_int_equal(check(validate_pt_cc, "00000000 0 ZZ4"), DM_STRONG);
    assert_int_equal(check(validate_pt_cc, "000000000zz4"), DM_STRONG);
    assert_int_equal(check(validate_pt_cc, "00000000 0 ZZ3"), DM_NO);
    assert_int_equal(check(validate_pt_cc, "00000000 0 ZY4"), DM_NO);       /* a letter changed */
    each_digit_breaks(validate_pt_cc, "149876520ZW3", NULL);

    assert_int_equal(check(validate_tr_tckn, "10000000146"), DM_MEDIUM);
    assert_int_equal(check(validate_tr_tckn, "10000000145"), DM_NO);
    each_digit_breaks(validate_tr_tckn, "12345678950", NULL);
}

/* ICAO 9303 on the Bundesdruckerei specimens, and the German documents */
static void test_german_documents(void **state)
{
    (void)state;
    assert_int_equal(dm_icao9303("C01X00T47", 9), 8);
    assert_int_equal(dm_icao9303("T22000129", 9), 3);
    assert_int_equal(dm_icao9303("L898902C<", 9), 3);     /* ICAO Doc 9303 part 4 specimen */
    assert_int_equal(dm_icao9303("C01X00T4a", 9), -1);
    assert_int_equal(check(validate_de_passport, "C01X00T478"), DM_MEDIUM);
    assert_int_equal(check(validate_de_passport, "C01X00T47 8"), DM_MEDIUM);
    assert_int_equal(check(validate_de_passport, "C01X00T478D"), DM_MEDIUM);
    assert_int_equal(check(validate_de_passport, "C01X00T47"), DM_WEAK);
    assert_int_equal(check(validate_de_passport, "C01X00T477"), DM_NO);
    assert_int_equal(check(validate_de_passport, "C01X 00T47"), DM_NO);
    assert_int_equal(check(validate_de_idcard, "C01X00T478"), DM_NO);       /* a passport */
    assert_int_equal(check(validate_de_idcard, "T220001293"), DM_MEDIUM);
    assert_int_equal(check(validate_de_idcard, "t22000129"), DM_WEAK);
    assert_int_equal(check(validate_de_idcard, "T2200O129"), DM_NO);        /* O is not in the alphabet */
    /* without the check digit only under the German name; a generic
     * passport column of letter + 8 digits stays American */
    static const char *const bare[] = {"C01X00T47", "F3K9M2HT4", "G12345678"};
    assert_true(column_has("reisepassnummer", bare, 3, "GERMANY_PASSPORT_NUMBER"));
    assert_false(column_has("passport_number", bare, 3, "GERMANY_PASSPORT_NUMBER"));
}

/* Passports without a check: only under the country's own word for them */
static void test_passports(void **state)
{
    (void)state;
    assert_int_equal(check(validate_fr_passport, "12ab34567"), DM_WEAK);
    assert_int_equal(check(validate_fr_passport, "12 AB 34567"), DM_NO);     /* one run */
    assert_int_equal(check(validate_it_passport, "YA1234567"), DM_WEAK);
    assert_int_equal(check(validate_es_passport, "PAA123456"), DM_WEAK);
    assert_int_equal(check(validate_es_passport, "AB123456"), DM_WEAK);
    assert_int_equal(check(validate_nl_passport, "SPECI2014"), DM_WEAK);
    assert_int_equal(check(validate_nl_passport, "SPECO2014"), DM_NO);      /* no letter O */
    static const char *const fr[] = {"12AB34567", "05XY98765", "99ZZ00001"};
    assert_true(column_has("numero_passeport", fr, 3, "FRANCE_PASSPORT_NUMBER"));
    assert_false(column_has("passport_number", fr, 3, "FRANCE_PASSPORT_NUMBER"));
    assert_false(column_has("reference", fr, 3, "FRANCE_PASSPORT_NUMBER"));
    static const char *const es[] = {"PAA123456", "XDA654321", "AAA000123"};
    assert_true(column_has("numero_pasaporte", es, 3, "SPAIN_PASSPORT_NUMBER"));
    assert_false(column_has("numero_pasaporte", es, 3, "ITALY_PASSPORT_NUMBER"));
}

/* One number, several names: the column name picks the Glue name. */
static void test_shared_numbers(void **state)
{
    (void)state;
    static const char *const nir[] = {"1 85 05 78 006 084 91", "255081416802538", "2 95 10 99 123 456 32"};
    assert_true(column_has("carte_vitale", nir, 3, "FRANCE_HEALTH_INSURANCE_NUMBER"));
    assert_false(column_has("carte_vitale", nir, 3, "FRANCE_NATIONAL_IDENTIFICATION_NUMBER"));
    assert_false(column_has("patient", nir, 3, "FRANCE_HEALTH_INSURANCE_NUMBER"));
    static const char *const pnr[] = {"811228-9874", "640823-3234", "850770-1236"};
    assert_true(column_has("skatteregistreringsnummer", pnr, 3, "SWEDEN_TAX_IDENTIFICATION_NUMBER"));
    assert_false(column_has("skatteregistreringsnummer", pnr, 3, "SWEDEN_PERSONAL_IDENTIFICATION_NUMBER"));
    assert_false(column_has("kund", pnr, 3, "SWEDEN_TAX_IDENTIFICATION_NUMBER"));
    static const char *const lu[] = {"1983070512378", "1970123198711", "2000022900197"};
    assert_true(column_has("matricule", lu, 3, "LUXEMBOURG_NATIONAL_INDIVIDUAL_NUMBER"));
    assert_true(column_has("numero_fiscal", lu, 3, "LUXEMBOURG_TAX_IDENTIFICATION_NUMBER"));
    assert_false(column_has("numero_fiscal", lu, 3, "LUXEMBOURG_NATIONAL_INDIVIDUAL_NUMBER"));
    /* "numero_fiscal" is also the French SPI's name: a French SPI there is
     * French (the matricule check fails on it) */
    static const char *const spi[] = {"3023217600053", "1234567890066", "0701987765493"};
    assert_true(column_has("numero_fiscal", spi, 3, "FRANCE_TAX_IDENTIFICATION_NUMBER"));
    assert_false(column_has("numero_fiscal", spi, 3, "LUXEMBOURG_TAX_IDENTIFICATION_NUMBER"));
}

/* Deterministic random digit strings of 8-16 digits, plain and in the 6-4 /
 * 6-5 dashed layouts, under a neutral name: none of the European tables
 * added with these files may claim them. */
static bool ours(const dm_entity_def *e)
{
    return in_table(dm_entities_europe_ids, e) || in_table(dm_entities_europe_vat, e) ||
           in_table(dm_entities_europe_more, e);
}

static void test_random_numbers_unclaimed(void **state)
{
    (void)state;
    static char cells[400][24];
    const char *ptrs[400];
    uint32_t seed = 777;
    for (int len = 8; len <= 16; len++) {
        for (int dashed = 0; dashed <= 1; dashed++) {
            if (dashed && len != 10 && len != 11)
                continue;
            for (int i = 0; i < 400; i++) {
                int o = 0;
                for (int k = 0; k < len; k++) {
                    if (dashed && k == 6)
                        cells[i][o++] = '-';
                    seed = seed * 1103515245u + 12345u;
                    cells[i][o++] = (char)('0' + ((seed >> 16) % 10));
                }
                cells[i][o] = '\0';
                ptrs[i] = cells[i];
            }
            dm_detection det[32];
            size_t nd = classify("reference", ptrs, 400, det, 32);
            for (size_t i = 0; i < nd; i++)
                if (ours(det[i].entity))
                    fail_msg("%d-digit random numbers%s classified as %s (%.3f)", len, dashed ? " (dashed)" : "",
                             det[i].entity->name, det[i].ratio);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_validators),
        cmocka_unit_test(test_german_documents),
        cmocka_unit_test(test_passports),
        cmocka_unit_test(test_shared_numbers),
        cmocka_unit_test(test_random_numbers_unclaimed),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
