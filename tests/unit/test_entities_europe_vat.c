/*
 * European VAT numbers (src/detect/entities/europe_vat.c): the prefix is
 * required and must be the country's own, separators and lower case are
 * accepted, every single-digit change breaks the check where the algorithm
 * guarantees it; through the engine, a VAT number beats the national number
 * inside it. The .c is compiled in to reach its statics.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "detect/engine.h"
#include "detect/entities/europe_vat.c"
#include "entity_testlib.h"

/* A STRONG value whose every digit changed by +1 and -1 fails. */
static void each_digit_breaks_strong(dm_validate_fn fn, const char *valid)
{
    assert_int_equal(check(fn, valid), DM_STRONG);
    each_digit_breaks(fn, valid, NULL);
}

static void test_single_digit_errors(void **state)
{
    (void)state;
    /* checks whose weights are all invertible: every single change is caught */
    each_digit_breaks_strong(validate_at, "ATU13585627");
    each_digit_breaks_strong(validate_be, "BE0403063506");
    each_digit_breaks_strong(validate_cy, "CY10259033P");
    each_digit_breaks_strong(validate_de, "DE136695976");
    each_digit_breaks_strong(validate_dk, "DK13116296");
    each_digit_breaks_strong(validate_ee, "EE100931024");
    each_digit_breaks_strong(validate_fr, "FR40303265045");
    each_digit_breaks_strong(validate_hu, "HU21200236");
    each_digit_breaks_strong(validate_ie, "IE1234567T");
    each_digit_breaks_strong(validate_it, "IT00743110157");
    each_digit_breaks_strong(validate_lu, "LU26375245");
    each_digit_breaks_strong(validate_mt, "MT11297903");
    each_digit_breaks_strong(validate_pl, "PL5260002501");
    each_digit_breaks_strong(validate_se, "SE556036079301");
    each_digit_breaks_strong(validate_sk, "SK2022274562");
    each_digit_breaks_strong(validate_ch, "CHE116043091");
    each_digit_breaks_strong(validate_rs, "RS101483956");
}

static void test_prefix_and_layout(void **state)
{
    (void)state;
    assert_int_equal(check(validate_de, "DE136695976"), DM_STRONG);
    assert_int_equal(check(validate_de, "de 136 695 976"), DM_STRONG);
    assert_int_equal(check(validate_de, "DE-136695976"), DM_STRONG);
    assert_int_equal(check(validate_de, "136695976"), DM_NO);           /* no prefix: not claimed */
    assert_int_equal(check(validate_de, "AT136695976"), DM_NO);
    assert_int_equal(check(validate_de, "D E136695976"), DM_NO);        /* prefix split */
    assert_int_equal(check(validate_at, "AT U13585627"), DM_NO);
    assert_int_equal(check(validate_at, "ATU 13585627"), DM_STRONG);
    assert_int_equal(check(validate_el, "EL094256318"), DM_STRONG);
    assert_int_equal(check(validate_el, "GR094256318"), DM_NO);         /* VIES uses EL */
    assert_int_equal(check(validate_nl, "NL004495445B01"), DM_STRONG);
    assert_int_equal(check(validate_nl, "NL 0044.95.445 B01"), DM_STRONG);
    assert_int_equal(check(validate_nl, "NL004495445B"), DM_NO);
    assert_int_equal(check(validate_no, "NO 974 076 268 MVA"), DM_STRONG);
    assert_int_equal(check(validate_no, "NO974076268"), DM_NO);         /* MVA belongs to the form */
    assert_int_equal(check(validate_ch, "CHE-116.043.091 MWST"), DM_STRONG);
    assert_int_equal(check(validate_ch, "CHE-116.043.091 IVA"), DM_STRONG);
    assert_int_equal(check(validate_ch, "CHE-116.043.091 VAT"), DM_NO);
    assert_int_equal(check(validate_ro, "RO 16306155"), DM_STRONG);
    assert_int_equal(check(validate_ro, "RO19"), DM_NO);                /* a valid CUI, too short to claim */
    assert_int_equal(check(validate_ro, "RO12345678901"), DM_NO);       /* 11 digits */
}

static void test_country_rules(void **state)
{
    (void)state;
    /* Spain: persons by the DNI/NIE letter, entities by the CIF control */
    assert_int_equal(check(validate_es, "ES12345678Z"), DM_STRONG);
    assert_int_equal(check(validate_es, "ESX1234567L"), DM_STRONG);
    assert_int_equal(check(validate_es, "ESK1234567L"), DM_STRONG);
    assert_int_equal(check(validate_es, "ESQ2826000H"), DM_STRONG);
    assert_int_equal(check(validate_es, "ESA58115395"), DM_STRONG);
    assert_int_equal(check(validate_es, "ESA5811539E"), DM_NO);         /* A: digit only */
    assert_int_equal(check(validate_es, "ESQ28260008"), DM_NO);         /* Q: letter only */
    /* Bulgaria and Czechia: persons by their birth-number rules */
    assert_int_equal(check(validate_bg, "BG7523169263"), DM_STRONG);
    assert_int_equal(check(validate_bg, "BG7513169266"), DM_NO);        /* month 13 */
    assert_int_equal(check(validate_cz, "CZ7360285108"), DM_STRONG);
    assert_int_equal(check(validate_cz, "CZ7313285100"), DM_NO);        /* month 13 */
    /* Latvia: legal persons (first digit > 3) and natural persons (date) */
    assert_int_equal(check(validate_lv, "LV40003065121"), DM_STRONG);
    assert_int_equal(check(validate_lv, "LV12118112349"), DM_STRONG);
    assert_int_equal(check(validate_lv, "LV12138112346"), DM_NO);
    /* Lithuania: the 8th (or 11th) digit is 1 */
    assert_int_equal(check(validate_lt, "LT119511515"), DM_STRONG);
    assert_int_equal(check(validate_lt, "LT100000110118"), DM_STRONG);
    assert_int_equal(check(validate_lt, "LT119122136"), DM_NO);
    /* Italy: office code 001-100, 120, 121, 888, 999 */
    assert_int_equal(check(validate_it, "IT00743110157"), DM_STRONG);
    assert_int_equal(check(validate_it, "IT00743112157"), DM_NO);
    /* Slovakia: third digit 2 3 4 7 8 9 */
    assert_int_equal(check(validate_sk, "SK2012274566"), DM_NO);
    /* Netherlands: 11-test, or the 2020 mod-97 numbers */
    assert_int_equal(check(validate_nl, "NL123456782B01"), DM_STRONG);
    assert_int_equal(check(validate_nl, "NL123456789B01"), DM_NO);
    /* France: SIREN must pass Luhn even when the key matches it */
    assert_int_equal(check(validate_fr, "FR40303265045"), DM_STRONG);
    assert_int_equal(check(validate_fr, "FR13542107651"), DM_STRONG);
}

/* A VAT number holds a national number: the longer, prefixed match wins the
 * cell, so the column is a VAT column, not a NIP or DNI column. */
static void test_vat_over_national(void **state)
{
    (void)state;
    static const char *const pl[] = {"PL 526-000-25-01", "PL 123-456-32-18", "PL 777-888-99-98"};
    assert_true(column_has("kontrahent", pl, 3, "POLAND_VALUE_ADDED_TAX"));
    assert_false(column_has("kontrahent", pl, 3, "POLAND_TAX_IDENTIFICATION_NUMBER"));
    static const char *const es[] = {"ES 12345678Z", "ES 45678912S", "ES X1234567L"};
    assert_true(column_has("cliente", es, 3, "SPAIN_VALUE_ADDED_TAX"));
    assert_false(column_has("cliente", es, 3, "SPAIN_DNI"));
    assert_false(column_has("cliente", es, 3, "SPAIN_NIE"));
    /* a mixed column under a VAT name: every country present is reported */
    static const char *const mixed[] = {"DE136695976", "FR40303265045", "IT00743110157", "NL004495445B01",
                                        "ATU13585627", "DE814826626", "FR83404833048", "IT12345670025",
                                        "NL123456782B01", "ATU10000194"};
    static const char *const names[] = {"GERMANY_VALUE_ADDED_TAX", "FRANCE_VALUE_ADDED_TAX", "ITALY_VALUE_ADDED_TAX",
                                        "NETHERLANDS_VALUE_ADDED_TAX", "AUSTRIA_VALUE_ADDED_TAX"};
    for (size_t i = 0; i < COUNT_OF(names); i++)
        assert_true(column_has("vat_number", mixed, COUNT_OF(mixed), names[i]));
    assert_false(column_has("vat_number", mixed, COUNT_OF(mixed), "UK_VALUE_ADDED_TAX"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_digit_errors),
        cmocka_unit_test(test_prefix_and_layout),
        cmocka_unit_test(test_country_rules),
        cmocka_unit_test(test_vat_over_national),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
