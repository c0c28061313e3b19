/*
 * USA entities (src/detect/entities/usa.c): each validator with the
 * verdict its layout earns, then whole columns through the engine (hint and
 * no hint, dashed and bare).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "detect/engine.h"
#include "entity_testlib.h"


/* ---- SSN / ITIN / ATIN ----------------------------------------------------------------- */

static void test_ssn(void **state)
{
    assert_int_equal(v("USA_SSN", "536-22-1784"), DM_STRONG);
    assert_int_equal(v("USA_SSN", "536 22 1784"), DM_MEDIUM);
    assert_int_equal(v("USA_SSN", "536221784"), DM_WEAK);
    assert_int_equal(v("USA_SSN", "772-14-0913"), DM_STRONG);   /* randomized-era area */
    assert_int_equal(v("USA_SSN", "001-01-0001"), DM_STRONG);

    assert_int_equal(v("USA_SSN", "000-22-1784"), DM_NO);
    assert_int_equal(v("USA_SSN", "666-22-1784"), DM_NO);
    assert_int_equal(v("USA_SSN", "900-22-1784"), DM_NO);
    assert_int_equal(v("USA_SSN", "999-22-1784"), DM_NO);
    assert_int_equal(v("USA_SSN", "536-00-1784"), DM_NO);
    assert_int_equal(v("USA_SSN", "536-22-0000"), DM_NO);
    assert_int_equal(v("USA_SSN", "078-05-1120"), DM_NO);       /* Woolworth */
    assert_int_equal(v("USA_SSN", "219-09-9999"), DM_NO);       /* SSA advertising */
    assert_int_equal(v("USA_SSN", "078051120"), DM_NO);
    assert_int_equal(v("USA_SSN", "123-45-6789"), DM_NO);
    assert_int_equal(v("USA_SSN", "555-55-5555"), DM_NO);
    /* other layouts of the same digits */
    assert_int_equal(v("USA_SSN", "53-622-1784"), DM_NO);
    assert_int_equal(v("USA_SSN", "536-22 1784"), DM_NO);
    assert_int_equal(v("USA_SSN", "536.22.1784"), DM_NO);
    /* a piece of a longer number */
    assert_int_equal(vin("USA_SSN", "536-22-1784-01", "536-22-1784"), DM_NO);
    assert_int_equal(vin("USA_SSN", "77-536-22-1784", "536-22-1784"), DM_NO);
    assert_int_equal(vin("USA_SSN", "SSN 536-22-1784.", "536-22-1784"), DM_STRONG);
}

static void test_itin_atin(void **state)
{
    assert_int_equal(v("USA_ITIN", "912-70-1234"), DM_STRONG);
    assert_int_equal(v("USA_ITIN", "912-50-1234"), DM_STRONG);
    assert_int_equal(v("USA_ITIN", "912-65-1234"), DM_STRONG);
    assert_int_equal(v("USA_ITIN", "912-88-1234"), DM_STRONG);
    assert_int_equal(v("USA_ITIN", "912-90-1234"), DM_STRONG);
    assert_int_equal(v("USA_ITIN", "912-99-1234"), DM_STRONG);
    assert_int_equal(v("USA_ITIN", "912 94 1234"), DM_MEDIUM);
    assert_int_equal(v("USA_ITIN", "912701234"), DM_WEAK);
    const char *not_itin[] = {"912-49-1234", "912-66-1234", "912-69-1234", "912-89-1234", "912-93-1234",
                              "812-70-1234", "912-70-0000"};
    for (size_t i = 0; i < COUNT_OF(not_itin); i++)
        if (v("USA_ITIN", not_itin[i]) != DM_NO)
            fail_msg("%s taken for an ITIN", not_itin[i]);

    assert_int_equal(v("USA_ATIN", "912-93-1234"), DM_STRONG);
    assert_int_equal(v("USA_ATIN", "912 93 1234"), DM_MEDIUM);
    assert_int_equal(v("USA_ATIN", "912931234"), DM_WEAK);
    assert_int_equal(v("USA_ATIN", "912-92-1234"), DM_NO);
    assert_int_equal(v("USA_ATIN", "812-93-1234"), DM_NO);
    /* an ITIN or ATIN is never an SSN (area 9xx) */
    assert_int_equal(v("USA_SSN", "912-70-1234"), DM_NO);
    assert_int_equal(v("USA_SSN", "912-93-1234"), DM_NO);
}

static void test_tin_columns(void **state)
{
    const char *bare[] = {"536221784", "401882216", "245103347", "772140913", "318507726", "690334112"};
    /* bare 9 digits: an SSN only where the column says so */
    assert_true(column_has("ssn", bare, COUNT_OF(bare), "USA_SSN"));
    assert_true(column_has("customer_SSN", bare, COUNT_OF(bare), "USA_SSN"));
    assert_true(column_has("SocialSecurityNumber", bare, COUNT_OF(bare), "USA_SSN"));
    assert_false(column_has("invoice_no", bare, COUNT_OF(bare), "USA_SSN"));
    /* dashed 3-2-4 is an SSN whatever the column's name */
    const char *dashed[] = {"536-22-1784", "401-88-2216", "245-10-3347", "772-14-0913", "318-50-7726"};
    assert_true(column_has("ref", dashed, COUNT_OF(dashed), "USA_SSN"));
    /* ... also inside text */
    const char *text[] = {"customer gave 536-22-1784 on the phone", "no id", "pending", "n/a"};
    assert_true(column_has("notes", text, COUNT_OF(text), "USA_SSN"));
    /* "SSN" before bare digits in the cell is enough */
    const char *ctx[] = {"SSN: 536221784", "SSN: 401882216", "none", "tbd"};
    assert_true(column_has("notes", ctx, COUNT_OF(ctx), "USA_SSN"));
    /* same for a passport: the look-alikes of one span are all kept */
    const char *pctx[] = {"passport 536221784", "passport 401882216", "none", "tbd"};
    assert_true(column_has("notes", pctx, COUNT_OF(pctx), "USA_PASSPORT_NUMBER"));
    assert_false(column_has("notes", pctx, COUNT_OF(pctx), "USA_SSN"));
    /* spaced 3-2-4: medium, counts when most of the column holds it */
    const char *spaced[] = {"536 22 1784", "401 88 2216", "245 10 3347", "772 14 0913"};
    assert_true(column_has("ref", spaced, COUNT_OF(spaced), "USA_SSN"));
    /* invalid SSNs do not make a column */
    const char *invalid[] = {"000-22-1784", "666-22-1784", "536-00-1784", "078-05-1120", "219-09-9999"};
    assert_false(column_has("ssn", invalid, COUNT_OF(invalid), "USA_SSN"));
    /* ITINs are not SSNs */
    const char *itins[] = {"912-70-1234", "955-99-1234", "983-94-1122", "900-50-4321"};
    assert_true(column_has("ref", itins, COUNT_OF(itins), "USA_ITIN"));
    assert_false(column_has("ref", itins, COUNT_OF(itins), "USA_SSN"));
    const char *atins[] = {"912-93-1234", "987-93-4567"};
    assert_true(column_has("tax_ref", atins, COUNT_OF(atins), "USA_ATIN"));
}

/* ---- PTIN, passport, driver's licence -------------------------------------------------------- */

static void test_ptin(void **state)
{
    assert_int_equal(v("USA_PTIN", "P01594846"), DM_WEAK);
    assert_int_equal(v("USA_PTIN", "p01594846"), DM_WEAK);
    assert_int_equal(v("USA_PTIN", "P-00634642"), DM_MEDIUM);
    assert_int_equal(v("USA_PTIN", "P 00634642"), DM_MEDIUM);
    assert_int_equal(v("USA_PTIN", "Q01594846"), DM_NO);
    assert_int_equal(v("USA_PTIN", "P00000000"), DM_NO);
    assert_int_equal(v("USA_PTIN", "P-0063-4642"), DM_NO);
    assert_int_equal(v("USA_PTIN", "P.00634642"), DM_NO);
    const char *p[] = {"P01594846", "P00634642", "P12345678"};
    assert_true(column_has("preparer_ptin", p, COUNT_OF(p), "USA_PTIN"));
    assert_false(column_has("sku", p, COUNT_OF(p), "USA_PTIN"));
}

static void test_passport(void **state)
{
    assert_int_equal(v("USA_PASSPORT_NUMBER", "488839667"), DM_WEAK);
    assert_int_equal(v("USA_PASSPORT_NUMBER", "A12345678"), DM_WEAK);
    assert_int_equal(v("USA_PASSPORT_NUMBER", "000000000"), DM_NO);
    assert_int_equal(v("USA_PASSPORT_NUMBER", "A00000000"), DM_NO);
    assert_int_equal(v("USA_PASSPORT_NUMBER", "A1234-5678"), DM_NO);
    const char *p[] = {"A12345678", "C03005988", "E98765432"};
    assert_true(column_has("passport_no", p, COUNT_OF(p), "USA_PASSPORT_NUMBER"));
    assert_true(column_has("numero_de_pasaporte", p, COUNT_OF(p), "USA_PASSPORT_NUMBER"));
    assert_false(column_has("order_ref", p, COUNT_OF(p), "USA_PASSPORT_NUMBER"));
}

static void test_driving_license(void **state)
{
    const char *ok[] = {"D1234567",          /* California */
                        "A123456789012",     /* Florida, Maryland, Minnesota */
                        "S530-460-72-123-0", /* Florida as printed */
                        "A12345678901234",   /* New Jersey */
                        "123456789"};        /* many states */
    for (size_t i = 0; i < COUNT_OF(ok); i++)
        if (v("USA_DRIVING_LICENSE", ok[i]) != DM_WEAK)
            fail_msg("%s not a licence", ok[i]);
    assert_int_equal(v("USA_DRIVING_LICENSE", "123AB4567"), DM_WEAK);   /* Iowa */
    assert_int_equal(v("USA_DRIVING_LICENSE", "AB123456C"), DM_WEAK);   /* Idaho */
    assert_int_equal(v("USA_DRIVING_LICENSE", "D0000000"), DM_NO);
    assert_int_equal(v("USA_DRIVING_LICENSE", "999999999"), DM_NO);
    assert_int_equal(v("USA_DRIVING_LICENSE", "D123-4567 8"), DM_NO);   /* mixed joiners */

    const char *dl[] = {"D1234567", "F7654321", "B2468013", "N1357924"};
    assert_true(column_has("driver_license", dl, COUNT_OF(dl), "USA_DRIVING_LICENSE"));
    assert_true(column_has("DLNumber", dl, COUNT_OF(dl), "USA_DRIVING_LICENSE"));
    assert_true(column_has("license_no", dl, COUNT_OF(dl), "USA_DRIVING_LICENSE"));
    assert_false(column_has("product", dl, COUNT_OF(dl), "USA_DRIVING_LICENSE"));
}

/* ---- health ------------------------------------------------------------------------------------ */

static void test_hcpcs(void **state)
{
    const char *ok[] = {"A0428", "B4034", "C1713", "D0120", "E0114", "G0202", "H0001", "J1885", "K0001",
                        "L3000", "M0075", "P3000", "Q0091", "R0070", "S0012", "T1015", "U0001", "V2020"};
    for (size_t i = 0; i < COUNT_OF(ok); i++)
        if (v("USA_HCPCS_CODE", ok[i]) != DM_WEAK)
            fail_msg("%s not an HCPCS code", ok[i]);
    const char *no[] = {"F0114", "I1234", "N1234", "O1234", "W1234", "X1234", "Y1234", "Z1234", "A042",
                        "AB428"};
    for (size_t i = 0; i < COUNT_OF(no); i++)
        if (v("USA_HCPCS_CODE", no[i]) != DM_NO)
            fail_msg("%s taken for an HCPCS code", no[i]);
    const char *codes[] = {"E0114", "J1885", "A0428", "G0202"};
    assert_true(column_has("hcpcs_code", codes, COUNT_OF(codes), "USA_HCPCS_CODE"));
    assert_false(column_has("part_no", codes, COUNT_OF(codes), "USA_HCPCS_CODE"));
}

static void test_ndc(void **state)
{
    assert_int_equal(v("USA_NATIONAL_DRUG_CODE", "0777-3105-02"), DM_MEDIUM);    /* 4-4-2 */
    assert_int_equal(v("USA_NATIONAL_DRUG_CODE", "50242-040-62"), DM_MEDIUM);    /* 5-3-2 */
    assert_int_equal(v("USA_NATIONAL_DRUG_CODE", "12345-6789-1"), DM_MEDIUM);    /* 5-4-1 */
    assert_int_equal(v("USA_NATIONAL_DRUG_CODE", "00777-3105-02"), DM_MEDIUM);   /* HIPAA 5-4-2 */
    assert_int_equal(v("USA_NATIONAL_DRUG_CODE", "50242-0040-62"), DM_MEDIUM);
    assert_int_equal(v("USA_NATIONAL_DRUG_CODE", "12345-6789-01"), DM_MEDIUM);
    assert_int_equal(v("USA_NATIONAL_DRUG_CODE", "0777310502"), DM_WEAK);
    assert_int_equal(v("USA_NATIONAL_DRUG_CODE", "00777310502"), DM_WEAK);
    /* 11 digits without the padding zero cannot come from a 10-digit NDC */
    assert_int_equal(v("USA_NATIONAL_DRUG_CODE", "12345-6789-12"), DM_NO);
    assert_int_equal(v("USA_NATIONAL_DRUG_CODE", "12345678912"), DM_NO);
    assert_int_equal(v("USA_NATIONAL_DRUG_CODE", "0000-3105-02"), DM_NO);       /* no labeler */
    assert_int_equal(v("USA_NATIONAL_DRUG_CODE", "0777-0000-02"), DM_NO);
    assert_int_equal(v("USA_NATIONAL_DRUG_CODE", "0777 3105 02"), DM_NO);
    assert_int_equal(v("USA_NATIONAL_DRUG_CODE", "077-73105-02"), DM_NO);
    const char *ndc[] = {"0777-3105-02", "50242-040-62", "0002-1433-80", "0069-0150-01"};
    assert_true(column_has("item", ndc, COUNT_OF(ndc), "USA_NATIONAL_DRUG_CODE"));
}

static void test_npi(void **state)
{
    assert_int_equal(v("USA_NATIONAL_PROVIDER_IDENTIFIER", "1234567893"), DM_MEDIUM);
    assert_int_equal(v("USA_NATIONAL_PROVIDER_IDENTIFIER", "1993999998"), DM_MEDIUM);
    assert_int_equal(v("USA_NATIONAL_PROVIDER_IDENTIFIER", "2000000002"), DM_MEDIUM);
    assert_int_equal(v("USA_NATIONAL_PROVIDER_IDENTIFIER", "1234567890"), DM_NO);
    assert_int_equal(v("USA_NATIONAL_PROVIDER_IDENTIFIER", "3234567893"), DM_NO);
    assert_int_equal(v("USA_NATIONAL_PROVIDER_IDENTIFIER", "123456789"), DM_NO);
    assert_int_equal(v("USA_NATIONAL_PROVIDER_IDENTIFIER", "1234-567893"), DM_NO);
    /* a column of NPIs without a telling name: medium, the whole column */
    const char *npi[] = {"1234567893", "1245319599", "1003000126", "1508765439", "1993999998"};
    assert_true(column_has("provider", npi, COUNT_OF(npi), "USA_NATIONAL_PROVIDER_IDENTIFIER"));
    /* Unix timestamps: ~1 in 10 pass Luhn, never most of a column */
    const char *ts[20];
    char buf[20][11];
    for (int i = 0; i < 20; i++) {
        snprintf(buf[i], sizeof buf[i], "%d", 1700000000 + i * 37);
        ts[i] = buf[i];
    }
    assert_false(column_has("created_at", ts, 20, "USA_NATIONAL_PROVIDER_IDENTIFIER"));
}

static void test_dea(void **state)
{
    assert_int_equal(v("USA_DEA_NUMBER", "AB1234563"), DM_MEDIUM);
    assert_int_equal(v("USA_DEA_NUMBER", "BJ5836727"), DM_MEDIUM);
    assert_int_equal(v("USA_DEA_NUMBER", "F91234563"), DM_MEDIUM);      /* business: '9' */
    assert_int_equal(v("USA_DEA_NUMBER", "ab1234563"), DM_MEDIUM);
    assert_int_equal(v("USA_DEA_NUMBER", "AB1234564"), DM_NO);          /* check digit */
    assert_int_equal(v("USA_DEA_NUMBER", "QB1234563"), DM_NO);          /* no such registrant type */
    assert_int_equal(v("USA_DEA_NUMBER", "A81234563"), DM_NO);          /* initial or '9' only */
    assert_int_equal(v("USA_DEA_NUMBER", "AB-1234563"), DM_NO);
    assert_int_equal(v("USA_DEA_NUMBER", "AB0000000"), DM_NO);
}

static void test_hicn(void **state)
{
    assert_int_equal(v("USA_HEALTH_INSURANCE_CLAIM_NUMBER", "536-22-1784A"), DM_STRONG);
    assert_int_equal(v("USA_HEALTH_INSURANCE_CLAIM_NUMBER", "536-22-1784-C2"), DM_STRONG);
    assert_int_equal(v("USA_HEALTH_INSURANCE_CLAIM_NUMBER", "536221784B1"), DM_MEDIUM);
    assert_int_equal(v("USA_HEALTH_INSURANCE_CLAIM_NUMBER", "536221784 D"), DM_MEDIUM);
    assert_int_equal(v("USA_HEALTH_INSURANCE_CLAIM_NUMBER", "536 22 1784 A"), DM_MEDIUM);
    assert_int_equal(v("USA_HEALTH_INSURANCE_CLAIM_NUMBER", "WA536221784"), DM_WEAK);    /* RRB */
    assert_int_equal(v("USA_HEALTH_INSURANCE_CLAIM_NUMBER", "A123456"), DM_WEAK);        /* RRB pre-1964 */
    assert_int_equal(v("USA_HEALTH_INSURANCE_CLAIM_NUMBER", "WCD123456"), DM_WEAK);

    assert_int_equal(v("USA_HEALTH_INSURANCE_CLAIM_NUMBER", "000-22-1784A"), DM_NO);
    assert_int_equal(v("USA_HEALTH_INSURANCE_CLAIM_NUMBER", "536-22-1784Z"), DM_NO);    /* no such BIC */
    assert_int_equal(v("USA_HEALTH_INSURANCE_CLAIM_NUMBER", "536-22-1784AQ"), DM_NO);
    assert_int_equal(v("USA_HEALTH_INSURANCE_CLAIM_NUMBER", "53-622-1784A"), DM_NO);
    assert_int_equal(v("USA_HEALTH_INSURANCE_CLAIM_NUMBER", "XY536221784"), DM_NO);     /* no RRB prefix */
    assert_int_equal(v("USA_HEALTH_INSURANCE_CLAIM_NUMBER", "WA666221784"), DM_NO);
    assert_int_equal(v("USA_HEALTH_INSURANCE_CLAIM_NUMBER", "A000000"), DM_NO);

    /* the HICN wins over the SSN inside it */
    const char *h[] = {"536-22-1784A", "401-88-2216B", "245-10-3347C1"};
    assert_true(column_has("member", h, COUNT_OF(h), "USA_HEALTH_INSURANCE_CLAIM_NUMBER"));
    assert_false(column_has("member", h, COUNT_OF(h), "USA_SSN"));
}

static void test_mbi(void **state)
{
    assert_int_equal(v("USA_MEDICARE_BENEFICIARY_IDENTIFIER", "1EG4-TE5-MK73"), DM_STRONG);
    assert_int_equal(v("USA_MEDICARE_BENEFICIARY_IDENTIFIER", "1EG4TE5MK73"), DM_STRONG);
    assert_int_equal(v("USA_MEDICARE_BENEFICIARY_IDENTIFIER", "1eg4-te5-mk73"), DM_STRONG);
    assert_int_equal(v("USA_MEDICARE_BENEFICIARY_IDENTIFIER", "5KD2-HJ8-PT41"), DM_STRONG);
    assert_int_equal(v("USA_MEDICARE_BENEFICIARY_IDENTIFIER", "3F57J92MN45"), DM_STRONG);  /* AN as digits */
    const char *no[] = {"0EG4-TE5-MK73",  /* position 1: 1-9 */
                        "1SG4-TE5-MK73",  /* S, L, O, I, B, Z are never used */
                        "1LG4-TE5-MK73", "1OG4-TE5-MK73", "1IG4-TE5-MK73", "1BG4-TE5-MK73", "1ZG4-TE5-MK73",
                        "1EG4-TE5-MK7A",  /* position 11: digit */
                        "1EGA-TE5-MK73",  /* position 4: digit */
                        "1EG4-TE5-M873",  /* position 9: letter */
                        "1EG-4TE5-MK73",  /* printed 4-3-4 */
                        "1EG4-TE5-MK734"};
    for (size_t i = 0; i < COUNT_OF(no); i++)
        if (v("USA_MEDICARE_BENEFICIARY_IDENTIFIER", no[i]) != DM_NO)
            fail_msg("%s taken for an MBI", no[i]);
    const char *m[] = {"1EG4-TE5-MK73", "5KD2-HJ8-PT41", "3FH7JK2MN45"};
    assert_true(column_has("patient_ref", m, COUNT_OF(m), "USA_MEDICARE_BENEFICIARY_IDENTIFIER"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ssn),      cmocka_unit_test(test_itin_atin), cmocka_unit_test(test_tin_columns),
        cmocka_unit_test(test_ptin),     cmocka_unit_test(test_passport),  cmocka_unit_test(test_driving_license),
        cmocka_unit_test(test_hcpcs),    cmocka_unit_test(test_ndc),       cmocka_unit_test(test_npi),
        cmocka_unit_test(test_dea),      cmocka_unit_test(test_hicn),      cmocka_unit_test(test_mbi),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
