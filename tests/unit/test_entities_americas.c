/*
 * Identifiers of the Americas (src/detect/entities/americas.c): each
 * validator on separators, lower case, check digits off by one, impossible
 * dates; look-alikes through the engine (SIN vs SSN, CPF vs CUIT, RUT vs RG);
 * random numbers of 8-16 digits in a neutral column stay unclaimed. The .c is
 * compiled in to reach its statics.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "detect/engine.h"
#include "detect/entities/americas.c"
#include "entity_testlib.h"

static void test_canada_sin(void **state)
{
    (void)state;
    assert_int_equal(check(validate_ca_sin, "193 456 787"), DM_MEDIUM);
    assert_int_equal(check(validate_ca_sin, "193-456-787"), DM_MEDIUM);
    assert_int_equal(check(validate_ca_sin, "193456787"), DM_WEAK);       /* bare: needs the name */
    assert_int_equal(check(validate_ca_sin, "193 456 788"), DM_NO);       /* Luhn off by one */
    assert_int_equal(check(validate_ca_sin, "193-456 787"), DM_NO);       /* mixed joiners */
    assert_int_equal(check(validate_ca_sin, "19 3456 787"), DM_NO);
    assert_int_equal(check(validate_ca_sin, "046 454 286"), DM_NO);       /* 0 not assigned */
    assert_int_equal(check_in(validate_ca_sin, "+1 193 456 787", "193 456 787"), DM_NO);  /* in a phone number */
    each_digit_breaks(validate_ca_sin, "273849109", NULL);
}

static void test_sin_or_ssn(void **state)
{
    (void)state;
    /* bare 9-digit values passing Luhn: a neutral column claims no SIN; a
     * SIN column does; an SSN column keeps USA_SSN and no SIN */
    static const char *const bare[] = {"193456787", "273849109", "650123458", "523456788"};
    assert_false(column_has("reference", bare, 4, "CANADA_SOCIAL_INSURANCE_NUMBER"));
    assert_true(column_has("sin", bare, 4, "CANADA_SOCIAL_INSURANCE_NUMBER"));
    assert_false(column_has("ssn", bare, 4, "CANADA_SOCIAL_INSURANCE_NUMBER"));
    /* the SIN layout is found under a neutral name when the column is full of it */
    static const char *const spaced[] = {"193 456 787", "273 849 109", "650 123 458", "523 456 788"};
    assert_true(column_has("numero", spaced, 4, "CANADA_SOCIAL_INSURANCE_NUMBER"));
    /* SSN layout stays SSN's */
    static const char *const ssn[] = {"123-45-6782", "219-09-9999", "078-05-1121"};
    assert_false(column_has("numero", ssn, 3, "CANADA_SOCIAL_INSURANCE_NUMBER"));
}

static void test_brazil(void **state)
{
    (void)state;
    assert_int_equal(check(validate_br_cpf, "111.444.777-35"), DM_STRONG);
    assert_int_equal(check(validate_br_cpf, "11144477735"), DM_MEDIUM);
    assert_int_equal(check(validate_br_cpf, "111.444.777-36"), DM_NO);
    assert_int_equal(check(validate_br_cpf, "111-444-777.35"), DM_NO);    /* joiners swapped */
    assert_int_equal(check(validate_br_cpf, "000.000.000-00"), DM_NO);
    each_digit_breaks(validate_br_cpf, "52998224725", NULL);

    assert_int_equal(check(validate_br_cnpj, "11.222.333/0001-81"), DM_STRONG);
    assert_int_equal(check(validate_br_cnpj, "11222333000181"), DM_MEDIUM);
    assert_int_equal(check(validate_br_cnpj, "11.222.333/0001-80"), DM_NO);
    assert_int_equal(check(validate_br_cnpj, "11.222.333.0001-81"), DM_NO);
    each_digit_breaks(validate_br_cnpj, "33592051000109", NULL);

    assert_int_equal(check(validate_br_rg, "35.702.961-6"), DM_WEAK);
    assert_int_equal(check(validate_br_rg, "39.876.543-1"), DM_WEAK);
    assert_int_equal(check(validate_br_rg, "39.876.543-X"), DM_NO);
    assert_int_equal(check(validate_br_rg, "35.702.961-7"), DM_NO);
    each_digit_breaks(validate_br_rg, "481293309", NULL);
    static const char *const rg[] = {"35.702.961-6", "48.129.330-9", "24.678.131-2"};
    assert_true(column_has("rg", rg, 3, "BRAZIL_NATIONAL_IDENTIFICATION_NUMBER"));
    assert_false(column_has("numero", rg, 3, "BRAZIL_NATIONAL_IDENTIFICATION_NUMBER"));
}

static void test_mexico(void **state)
{
    (void)state;
    assert_int_equal(check(validate_mx_curp, "HEGG560427MVZRRL04"), DM_STRONG);
    assert_int_equal(check(validate_mx_curp, "hegg560427mvzrrl04"), DM_STRONG);
    assert_int_equal(check(validate_mx_curp, "HEGG560427MVZRRL05"), DM_NO);    /* check */
    assert_int_equal(check(validate_mx_curp, "HEGG560231MVZRRL01"), DM_NO);    /* 31 February */
    assert_int_equal(check(validate_mx_curp, "HEGG560427QVZRRL04"), DM_NO);    /* sex Q */
    /* position 8 weighs 10: the CURP check cannot see it (a property of the spec) */
    each_digit_breaks(validate_mx_curp, "PEMJ900615MJCRRN08", "8");

    assert_int_equal(check(validate_mx_rfc, "GODE561231GR8"), DM_STRONG);
    assert_int_equal(check(validate_mx_rfc, "gode-561231-gr8"), DM_STRONG);
    assert_int_equal(check(validate_mx_rfc, "GODE561231 GR8"), DM_STRONG);
    assert_int_equal(check(validate_mx_rfc, "EKU9003173C9"), DM_STRONG);       /* company: 3 letters */
    assert_int_equal(check(validate_mx_rfc, "EKU9003173C8"), DM_NO);
    assert_int_equal(check(validate_mx_rfc, "GOD-E561231-GR8"), DM_NO);        /* groups across fields */
    assert_int_equal(check(validate_mx_rfc, "XEXX010101000"), DM_NO);          /* generic foreign RFC */
    each_digit_breaks(validate_mx_rfc, "GODE561231GR8", NULL);

    assert_int_equal(check(validate_mx_clabe, "032180000118359719"), DM_MEDIUM);
    assert_int_equal(check(validate_mx_clabe, "032180000118359710"), DM_NO);
    assert_int_equal(check(validate_mx_clabe, "702180012345678905"), DM_NO);   /* no such bank */
    each_digit_breaks(validate_mx_clabe, "072580001234567895", "0");           /* bank digit may stay a bank */
}

static void test_chile_argentina(void **state)
{
    (void)state;
    assert_int_equal(check(validate_cl_rut, "12.875.302-8"), DM_MEDIUM);
    assert_int_equal(check(validate_cl_rut, "12875302-8"), DM_MEDIUM);
    assert_int_equal(check(validate_cl_rut, "16.204.981-k"), DM_MEDIUM);     /* K, lower case */
    assert_int_equal(check(validate_cl_rut, "128753028"), DM_WEAK);
    assert_int_equal(check(validate_cl_rut, "16204981K"), DM_WEAK);
    assert_int_equal(check(validate_cl_rut, "16.204.981-0"), DM_NO);
    assert_int_equal(check(validate_cl_rut, "12.875.302.8"), DM_NO);         /* dot before the check */
    each_digit_breaks(validate_cl_rut, "30686957-4", NULL);
    /* bare RUTs need the name; "run" alone is not one (run_id columns) */
    static const char *const bare[] = {"128753028", "83491272", "306869574"};
    assert_true(column_has("rut", bare, 3, "CHILE_NATIONAL_IDENTIFICATION_NUMBER"));
    assert_false(column_has("run_id", bare, 3, "CHILE_NATIONAL_IDENTIFICATION_NUMBER"));

    assert_int_equal(check(validate_ar_cuit, "20-28475310-1"), DM_STRONG);
    assert_int_equal(check(validate_ar_cuit, "20284753101"), DM_MEDIUM);
    assert_int_equal(check(validate_ar_cuit, "20 28475310 1"), DM_NO);
    assert_int_equal(check(validate_ar_cuit, "20-28475310-2"), DM_NO);
    assert_int_equal(check(validate_ar_cuit, "25-28475310-1"), DM_NO);       /* type 25 */
    each_digit_breaks(validate_ar_cuit, "27349180273", "01");
}

static void test_colombia_venezuela(void **state)
{
    (void)state;
    assert_int_equal(check(validate_co_nit, "800.197.268-4"), DM_MEDIUM);
    assert_int_equal(check(validate_co_nit, "800197268-4"), DM_MEDIUM);
    assert_int_equal(check(validate_co_nit, "8001972684"), DM_WEAK);
    assert_int_equal(check(validate_co_nit, "800.197.268-5"), DM_NO);
    assert_int_equal(check(validate_co_nit, "8001.97.268-4"), DM_NO);
    each_digit_breaks(validate_co_nit, "8600010227", NULL);

    assert_int_equal(check(validate_ve_rif, "J-29384712-5"), DM_STRONG);
    assert_int_equal(check(validate_ve_rif, "j293847125"), DM_MEDIUM);
    assert_int_equal(check(validate_ve_rif, "G-20000041-4"), DM_STRONG);
    assert_int_equal(check(validate_ve_rif, "G-20000041-5"), DM_NO);
    assert_int_equal(check(validate_ve_rif, "V-20000041-4"), DM_NO);         /* the letter counts */
    each_digit_breaks(validate_ve_rif, "V148293054", NULL);

    /* cédulas have no check: only under their names */
    static const char *const cc[] = {"1.020.304.050", "79.845.123", "52346781"};
    assert_true(column_has("cedula", cc, 3, "COLOMBIA_PERSONAL_IDENTIFICATION_NUMBER"));
    assert_false(column_has("numero", cc, 3, "COLOMBIA_PERSONAL_IDENTIFICATION_NUMBER"));
    static const char *const ci[] = {"V-12.875.302", "E-81234567", "V 8349127"};
    assert_true(column_has("cedula", ci, 3, "VENEZUELA_NATIONAL_IDENTIFICATION_NUMBER"));
    assert_false(column_has("cedula", ci, 3, "COLOMBIA_PERSONAL_IDENTIFICATION_NUMBER"));
    assert_false(column_has("codigo", ci, 3, "VENEZUELA_NATIONAL_IDENTIFICATION_NUMBER"));
}

/* Look-alikes through the engine: which one a column gets, and why. */
static void test_lookalikes(void **state)
{
    (void)state;
    /* 11 bare digits passing CPF: CPF (two check digits) under a neutral name */
    static const char *const cpf[] = {"11144477735", "52998224725", "98765432100"};
    assert_true(column_has("documento", cpf, 3, "BRAZIL_NATURAL_PERSON_REGISTRY_NUMBER"));
    assert_false(column_has("documento", cpf, 3, "ARGENTINA_TAX_IDENTIFICATION_NUMBER"));
    /* dotted RUT layout: Chile's (medium) under a neutral name, never the RG (weak) */
    static const char *const rut[] = {"12.875.302-8", "8.349.127-2", "16.204.981-K"};
    assert_true(column_has("documento", rut, 3, "CHILE_NATIONAL_IDENTIFICATION_NUMBER"));
    assert_false(column_has("documento", rut, 3, "BRAZIL_NATIONAL_IDENTIFICATION_NUMBER"));
    /* the same shape under "rg" passing the RG check: the name wins */
    static const char *const rg[] = {"35.702.961-6", "48.129.330-9"};
    assert_true(column_has("rg", rg, 2, "BRAZIL_NATIONAL_IDENTIFICATION_NUMBER"));
    /* CURP and RFC share their first ten characters, not their length */
    static const char *const curp[] = {"HEGG560427MVZRRL04", "PEMJ900615MJCRRN08"};
    assert_true(column_has("clave", curp, 2, "MEXICO_UNIQUE_POPULATION_REGISTRY_CODE"));
    assert_false(column_has("clave", curp, 2, "MEXICO_TAX_IDENTIFICATION_NUMBER"));
}

/* Passports have no check: only under the country's own words, never under a
 * generic passport column (which names no country). */
static void test_passports(void **state)
{
    (void)state;
    static const char *const ca[] = {"AB827364", "GK293847", "HP102938"};
    assert_true(column_has("canadian_passport", ca, 3, "CANADA_PASSPORT_NUMBER"));
    assert_false(column_has("passport_number", ca, 3, "CANADA_PASSPORT_NUMBER"));
    static const char *const mx[] = {"G82736419", "N29384756", "E10293847"};
    assert_true(column_has("numero_de_pasaporte", mx, 3, "MEXICO_PASSPORT_NUMBER"));
    assert_false(column_has("passport_number", mx, 3, "MEXICO_PASSPORT_NUMBER"));
    assert_int_equal(check(validate_mx_pp, "G00000000"), DM_NO);
    assert_int_equal(check(validate_ca_pp, "AB 827364"), DM_NO);
}

static bool americas_entity(const dm_entity_def *e)
{
    return in_table(dm_entities_americas, e);
}

static void test_random_numbers_unclaimed(void **state)
{
    (void)state;
    random_numbers_unclaimed(4242, americas_entity);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_canada_sin),
        cmocka_unit_test(test_sin_or_ssn),
        cmocka_unit_test(test_brazil),
        cmocka_unit_test(test_mexico),
        cmocka_unit_test(test_chile_argentina),
        cmocka_unit_test(test_colombia_venezuela),
        cmocka_unit_test(test_lookalikes),
        cmocka_unit_test(test_passports),
        cmocka_unit_test(test_random_numbers_unclaimed),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
