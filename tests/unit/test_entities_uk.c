/*
 * United Kingdom entities (src/detect/entities/uk.c): validators on the
 * official formats and their look-alikes, and whole columns through the
 * engine. The .c is compiled in to reach its statics.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "detect/engine.h"
#include "detect/entities/uk.c"
#include "entity_testlib.h"

static void test_nino(void **state)
{
    assert_int_equal(check(validate_nino, "AB 12 34 56 C"), DM_STRONG);
    assert_int_equal(check(validate_nino, "JG103759A"), DM_STRONG);
    assert_int_equal(check(validate_nino, "ce-12-34-56-d"), DM_STRONG);
    /* D F I Q U V never as first or second letter, O never second */
    char v[16];
    for (const char *p = "DFIQUV"; *p; p++) {
        snprintf(v, sizeof v, "%cA123456A", *p);
        assert_int_equal(check(validate_nino, v), DM_NO);
        snprintf(v, sizeof v, "A%c123456A", *p);
        assert_int_equal(check(validate_nino, v), DM_NO);
    }
    assert_int_equal(check(validate_nino, "AO123456A"), DM_NO);
    assert_int_equal(check(validate_nino, "OA123456A"), DM_STRONG);
    static const char *const banned[] = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"};
    for (size_t i = 0; i < sizeof banned / sizeof banned[0]; i++) {
        snprintf(v, sizeof v, "%s123456A", banned[i]);
        assert_int_equal(check(validate_nino, v), DM_NO);
    }
    assert_int_equal(check(validate_nino, "QQ 12 34 56 A"), DM_NO);     /* HMRC's specimen */
    /* suffix A-D only */
    for (char c = 'A'; c <= 'Z'; c++) {
        snprintf(v, sizeof v, "AB123456%c", c);
        assert_int_equal(check(validate_nino, v), c <= 'D' ? DM_STRONG : DM_NO);
    }
    /* without the suffix: weak, and never as the front of a longer value */
    assert_int_equal(check(validate_nino, "AB123456"), DM_WEAK);
    assert_int_equal(check_in(validate_nino, "AB 12 34 56 E", "AB 12 34 56"), DM_NO);
    assert_int_equal(check_in(validate_nino, "NI: AB 12 34 56", "AB 12 34 56"), DM_WEAK);
}

static void test_nhs(void **state)
{
    static const char *const ok[] = {"401 023 2137", "4505577104", "640 832 1003", "7201234560", "3301234569",
                                     NULL};
    for (const char *const *p = ok; *p; p++)
        assert_int_equal(check(validate_nhs, *p), DM_MEDIUM);
    /* any single changed digit fails: weights 10..2 are all units mod 11 */
    const char *base = "4010232137";
    char v[16];
    for (int pos = 0; pos < 10; pos++)
        for (int dd = 1; dd <= 9; dd++) {
            memcpy(v, base, 11);
            v[pos] = (char)('0' + (base[pos] - '0' + dd) % 10);
            if (check(validate_nhs, v) != DM_NO)
                fail_msg("%s passes", v);
        }
    assert_int_equal(check(validate_nhs, "987 654 4321"), DM_NO);   /* layout example, bad check */
    assert_int_equal(check(validate_nhs, "943 476 5919"), DM_NO);   /* good check, 9xx not issued */
    assert_int_equal(check(validate_nhs, "6123456784"), DM_MEDIUM);
    assert_int_equal(check(validate_nhs, "5123456781"), DM_NO);     /* 5xx not issued */
    assert_int_equal(check(validate_nhs, "0012345675"), DM_NO);     /* below CHI's range */
    /* layouts: 3-3-4 (same joiner) or one run */
    assert_int_equal(check(validate_nhs, "401-023-2137"), DM_MEDIUM);
    assert_int_equal(check(validate_nhs, "40102 32137"), DM_NO);
    assert_int_equal(check(validate_nhs, "401 023-2137"), DM_NO);
    /* a piece of a longer number is not one */
    assert_int_equal(check_in(validate_nhs, "12 4010232137", "4010232137"), DM_NO);
}

static void test_utr(void **state)
{
    assert_int_equal(check(validate_utr, "2234567890"), DM_MEDIUM);     /* HMRC's reference example */
    assert_int_equal(check(validate_utr, "11234 56789"), DM_MEDIUM);
    assert_int_equal(check(validate_utr, "9987654321K"), DM_STRONG);
    assert_int_equal(check(validate_utr, "k 7555666777"), DM_STRONG);
    assert_int_equal(check(validate_utr, "75556 66777 K"), DM_STRONG);
    assert_int_equal(check(validate_utr, "1234567890"), DM_NO);
    assert_int_equal(check(validate_utr, "2234567891"), DM_NO);
    assert_int_equal(check(validate_utr, "9987654321X"), DM_NO);
    assert_int_equal(check(validate_utr, "223 456 7890"), DM_NO);       /* not a UTR layout */
    assert_int_equal(check(validate_utr, "2222222222"), DM_NO);
    /* the mapping of remainders: 0 -> 2, 1 -> 1, 2 -> 9, ..., 10 -> 1 */
    assert_int_equal(check(validate_utr, "9000000001"), DM_MEDIUM);     /* sum 2 */
    assert_int_equal(check(validate_utr, "2000000000"), DM_MEDIUM);     /* sum 0 */
    assert_int_equal(check(validate_utr, "1000000002"), DM_NO);         /* sum 4 -> 7 */
    assert_int_equal(check(validate_utr, "7000000002"), DM_MEDIUM);
}

static void test_vat(void **state)
{
    assert_int_equal(check(validate_vat, "GB 999 9999 73"), DM_STRONG);     /* HMRC's specimen */
    assert_int_equal(check(validate_vat, "gb782237517"), DM_STRONG);
    assert_int_equal(check(validate_vat, "XI 782 2375 17"), DM_STRONG);      /* Northern Ireland */
    assert_int_equal(check(validate_vat, "GB 100 0123 18"), DM_STRONG);      /* 97-55 series */
    assert_int_equal(check(validate_vat, "GB 100 0123 73"), DM_STRONG);      /* mod 97 in the same range */
    assert_int_equal(check(validate_vat, "GB 002 3456 27"), DM_STRONG);      /* Isle of Man */
    assert_int_equal(check(validate_vat, "GB 002 3456 69"), DM_NO);          /* 97-55 below 100 0000 */
    assert_int_equal(check(validate_vat, "GB 012 3456 20"), DM_NO);          /* 01-09 not VAT */
    assert_int_equal(check(validate_vat, "GB 999 9999 74"), DM_NO);
    assert_int_equal(check(validate_vat, "GB123456782001"), DM_STRONG);      /* branch trader */
    assert_int_equal(check(validate_vat, "GB123456783001"), DM_NO);
    assert_int_equal(check(validate_vat, "FR 782 2375 17"), DM_NO);
    assert_int_equal(check(validate_vat, "GBGD001"), DM_STRONG);
    assert_int_equal(check(validate_vat, "GBGD499"), DM_STRONG);
    assert_int_equal(check(validate_vat, "GBGD500"), DM_NO);
    assert_int_equal(check(validate_vat, "GBHA500"), DM_STRONG);
    assert_int_equal(check(validate_vat, "GBHA499"), DM_NO);
    assert_int_equal(check(validate_vat, "GBXX001"), DM_NO);
    /* without the prefix: the 3-4-2 layout is distinctive, nine bare digits are not */
    assert_int_equal(check(validate_vat, "782 2375 17"), DM_STRONG);
    assert_int_equal(check(validate_vat, "782237517"), DM_MEDIUM);
    assert_int_equal(check(validate_vat, "782237518"), DM_NO);
    assert_int_equal(check(validate_vat, "123456782001"), DM_NO);            /* branch needs GB */
}

static void test_driving_license(void **state)
{
    assert_int_equal(check(validate_driving_license, "MORGA753116SM9IJ"), DM_STRONG);  /* DVLA's sample */
    assert_int_equal(check(validate_driving_license, "morga753116sm9ij"), DM_STRONG);
    assert_int_equal(check(validate_driving_license, "LEE99657044J99XY"), DM_STRONG);
    assert_int_equal(check(validate_driving_license, "O9999801225JA9AB"), DM_STRONG);  /* one-letter name */
    assert_int_equal(check(validate_driving_license, "MORGA753116SM9IJ 35"), DM_STRONG);
    assert_int_equal(check(validate_driving_license, "MORGA753116SM9IJ AB"), DM_NO);
    assert_int_equal(check(validate_driving_license, "SMITH813225JA9AB"), DM_NO);      /* month 13 */
    assert_int_equal(check(validate_driving_license, "SMITH863225JA9AB"), DM_NO);      /* month 63 */
    assert_int_equal(check(validate_driving_license, "SMITH862225JA9AB"), DM_STRONG);  /* December, woman */
    assert_int_equal(check(validate_driving_license, "SMITH802305JA9AB"), DM_NO);      /* 30 February */
    assert_int_equal(check(validate_driving_license, "SMITH802294JA9AB"), DM_STRONG);  /* 29 Feb 1984 */
    assert_int_equal(check(validate_driving_license, "SMITH802295JA9AB"), DM_NO);      /* 29 Feb 1985 */
    assert_int_equal(check(validate_driving_license, "SMITH800005JA9AB"), DM_NO);      /* month 0 */
    assert_int_equal(check(validate_driving_license, "SM9TH801225JA9AB"), DM_NO);
    assert_int_equal(check(validate_driving_license, "SMITH8012259A9AB"), DM_NO);
    assert_int_equal(check(validate_driving_license, "SMITH801225JAXAB"), DM_NO);      /* digit 14 */
    assert_int_equal(check(validate_driving_license, "9MITH801225JA9AB"), DM_NO);
}

static void test_phone(void **state)
{
    /* +44 or 0044: strong */
    assert_int_equal(check_in(validate_phone, "+44 20 7946 0958", "44 20 7946 0958"), DM_STRONG);
    assert_int_equal(check_in(validate_phone, "+447700900123", "447700900123"), DM_STRONG);
    assert_int_equal(check_in(validate_phone, "+44 (0)20 7946 0958", "44 (0)20 7946 0958"), DM_STRONG);
    assert_int_equal(check(validate_phone, "0044 113 496 0000"), DM_STRONG);
    assert_int_equal(check_in(validate_phone, "+44 800 123 456", "44 800 123 456"), DM_STRONG);
    assert_int_equal(check_in(validate_phone, "+44 7624 123456", "44 7624 123456"), DM_STRONG);
    /* 44 without the plus is just digits */
    assert_int_equal(check(validate_phone, "44 20 7946 0958"), DM_NO);
    assert_int_equal(check_in(validate_phone, "+44 020 7946 0958", "44 020 7946 0958"), DM_NO);
    assert_int_equal(check_in(validate_phone, "+44 20 7946 095", "44 20 7946 095"), DM_NO);
    assert_int_equal(check_in(validate_phone, "+44 76 1234 5678", "44 76 1234 5678"), DM_NO);
    assert_int_equal(check_in(validate_phone, "+44 60 1234 5678", "44 60 1234 5678"), DM_NO);
    assert_int_equal(check_in(validate_phone, "+44 21 1234 5678", "44 21 1234 5678"), DM_NO);
    /* national forms in Ofcom's layouts: medium */
    assert_int_equal(check(validate_phone, "020 7946 0958"), DM_MEDIUM);
    assert_int_equal(check_in(validate_phone, "(020) 7946 0958", "020) 7946 0958"), DM_MEDIUM);
    assert_int_equal(check(validate_phone, "07700 900123"), DM_MEDIUM);
    assert_int_equal(check(validate_phone, "0161 496 0000"), DM_MEDIUM);
    assert_int_equal(check(validate_phone, "01632 960123"), DM_MEDIUM);
    assert_int_equal(check(validate_phone, "0800 123 456"), DM_MEDIUM);
    assert_int_equal(check(validate_phone, "0300 123 4567"), DM_MEDIUM);
    /* other layouts and bare landlines: weak; a bare mobile: medium */
    assert_int_equal(check(validate_phone, "0207 946 0958"), DM_WEAK);
    assert_int_equal(check(validate_phone, "02079460958"), DM_WEAK);
    assert_int_equal(check(validate_phone, "07700900123"), DM_MEDIUM);
    /* outside the plan */
    assert_int_equal(check(validate_phone, "06700 900123"), DM_NO);
    assert_int_equal(check(validate_phone, "07700 90012"), DM_NO);
    assert_int_equal(check(validate_phone, "0207 946 09581"), DM_NO);
    assert_int_equal(check(validate_phone, "09098 790123"), DM_NO);     /* premium rate: not personal */
    assert_int_equal(check(validate_phone, "07624 123456"), DM_MEDIUM);
    assert_int_equal(check(validate_phone, "07612 123456"), DM_NO);
}

static void test_bank(void **state)
{
    assert_int_equal(check(validate_bank_account, "GB29 NWBK 6016 1331 9268 19"), DM_STRONG);
    assert_int_equal(check(validate_bank_account, "gb29nwbk60161331926819"), DM_STRONG);
    assert_int_equal(check(validate_bank_account, "GB29 NWBK 6016 1331 9268 18"), DM_NO);
    assert_int_equal(check(validate_bank_account, "GB01 NWBK 6016 1331 9268 19"), DM_NO);
    assert_int_equal(check(validate_bank_account, "DE89 3704 0044 0532 0130 00"), DM_NO);
    assert_int_equal(check(validate_bank_account, "31926819"), DM_WEAK);
    assert_int_equal(check(validate_bank_account, "12345678"), DM_NO);
    assert_int_equal(check(validate_bank_account, "00000000"), DM_NO);
    /* inside an IBAN: not an account of its own; after a sort code: yes */
    assert_int_equal(check_in(validate_bank_account, "GB29 NWBK 6016 1331 9268 18", "1331 9268"), DM_NO);
    assert_int_equal(check_in(validate_bank_account, "60-16-13 31926819", "31926819"), DM_WEAK);
    assert_int_equal(check_in(validate_bank_account, "Sort code: 60-16-13 31926819", "31926819"), DM_WEAK);
    assert_int_equal(check_in(validate_bank_account, "4-60-16-13 31926819", "31926819"), DM_NO);

    assert_int_equal(check(validate_sort_code, "20-00-00"), DM_MEDIUM);
    assert_int_equal(check(validate_sort_code, "60 16 13"), DM_MEDIUM);
    assert_int_equal(check(validate_sort_code, "12-05-21"), DM_WEAK);   /* reads as a date */
    assert_int_equal(check(validate_sort_code, "309634"), DM_WEAK);
    assert_int_equal(check(validate_sort_code, "00-00-00"), DM_NO);
    assert_int_equal(check(validate_sort_code, "12/05/21"), DM_NO);
    assert_int_equal(check(validate_sort_code, "20-00 00"), DM_NO);
    assert_int_equal(check_in(validate_sort_code, "60-16-13 31926819", "60-16-13"), DM_MEDIUM);
    assert_int_equal(check_in(validate_sort_code, "60-16-13 3192", "60-16-13"), DM_NO);
    assert_int_equal(check_in(validate_sort_code, "07 60-16-13", "60-16-13"), DM_NO);

    assert_int_equal(check(validate_passport, "925076473"), DM_WEAK);
    assert_int_equal(check(validate_passport, "123456789"), DM_NO);
    assert_int_equal(check(validate_passport, "999999999"), DM_NO);
    assert_int_equal(check(validate_passport, "925 076 473"), DM_NO);

    assert_int_equal(check(validate_electoral_roll, "AB1234"), DM_WEAK);
    assert_int_equal(check(validate_electoral_roll, "ABC 12"), DM_WEAK);
    assert_int_equal(check(validate_electoral_roll, "AB0"), DM_NO);
    assert_int_equal(check_in(validate_electoral_roll, "AB12 3CD", "AB12"), DM_NO);    /* a postcode */
}

static void test_near_groups(void **state)
{
    const char *c = "GB29 NWBK 6016 1331 9268 19";
    size_t st = 15, en = 24;    /* "1331 9268" */
    unsigned r = dm_near_groups(c, strlen(c), st, en);
    assert_int_equal(r, DM_NEAR_LEFT | DM_NEAR_LEFT_DIGIT | DM_NEAR_RIGHT | DM_NEAR_RIGHT_DIGIT);
    c = "Kontonummer 12345678";
    assert_int_equal(dm_near_groups(c, strlen(c), 12, 20), 0);          /* a word is not chained */
    c = "Nr. 12345678, 99";
    assert_int_equal(dm_near_groups(c, strlen(c), 4, 12), DM_NEAR_LEFT);    /* ',' breaks the chain */
    c = "12    345";
    assert_int_equal(dm_near_groups(c, strlen(c), 6, 9), 0);            /* 4 joiners break it */
    c = "12   345";
    assert_int_equal(dm_near_groups(c, strlen(c), 5, 8), DM_NEAR_LEFT | DM_NEAR_LEFT_DIGIT);
    c = "ab cd 12";
    assert_int_equal(dm_near_groups(c, strlen(c), 6, 8), DM_NEAR_LEFT);
}

/* ---- through the engine ------------------------------------------------------- */

#define NCELLS 60

static uint32_t next(uint32_t *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7fff;
}

static void test_engine_nino_column(void **state)
{
    static char cells[NCELLS][16];
    const char *ptrs[NCELLS];
    dm_detection det[16];
    uint32_t seed = 3;
    for (int i = 0; i < NCELLS;) {
        char a = (char)('A' + next(&seed) % 26), b = (char)('A' + next(&seed) % 26);
        if (!nino_prefix(a, b))
            continue;
        snprintf(cells[i], sizeof cells[i], "%c%c %02u %02u %02u %c", a, b, next(&seed) % 100, next(&seed) % 100,
                 next(&seed) % 100, (char)('A' + next(&seed) % 4));
        ptrs[i] = cells[i];
        i++;
    }
    size_t n = classify("field_3", ptrs, NCELLS, det, 16);
    const dm_detection *d = find_det(det, n, "UK_NATIONAL_INSURANCE_NUMBER");
    assert_non_null(d);
    assert_int_equal(d->matches, NCELLS);
    assert_string_equal(d->confidence, "high");
    assert_false(d->name_hint);
    assert_int_equal(n, 1);
}

static void test_engine_nhs_columns(void **state)
{
    static char cells[NCELLS][16];
    const char *ptrs[NCELLS];
    dm_detection det[16];
    uint32_t seed = 5;
    /* 10-digit numbers in NHS ranges that fail the check: nothing at all */
    for (int i = 0; i < NCELLS;) {
        unsigned hi = 400 + next(&seed) % 100, mid = next(&seed) % 1000, lo = next(&seed) % 10000;
        snprintf(cells[i], sizeof cells[i], "%03u%03u%04u", hi, mid, lo);
        dm_span sp;
        char norm[DM_SPAN_MAX_NORM + 1];
        assert_true(dm_span_whole(cells[i], 10, &sp, norm));
        if (validate_nhs(&sp) != DM_NO)
            continue;
        ptrs[i] = cells[i];
        i++;
    }
    size_t n = classify("ref", ptrs, NCELLS, det, 16);
    for (size_t i = 0; i < n; i++)
        fprintf(stderr, "unexpected: %s %.2f\n", det[i].entity->name, det[i].ratio);
    assert_int_equal(n, 0);
    /* the same under an NHS name: still not NHS numbers */
    n = classify("nhs_number", ptrs, NCELLS, det, 16);
    assert_null(find_det(det, n, "UK_NATIONAL_HEALTH_SERVICE_NUMBER"));

    /* valid ones printed 3-3-4 under a neutral name: medium matches, whole column */
    for (int i = 0; i < NCELLS;) {
        char d9[10];
        snprintf(d9, sizeof d9, "%03u%03u%03u", 400 + next(&seed) % 100, next(&seed) % 1000, next(&seed) % 1000);
        static const int w[9] = {10, 9, 8, 7, 6, 5, 4, 3, 2};
        unsigned c = 11 - dm_weighted_sum(d9, w, 9) % 11;
        if (c == 10)
            continue;
        snprintf(cells[i], sizeof cells[i], "%.3s %.3s %.3s%u", d9, d9 + 3, d9 + 6, c == 11 ? 0 : c);
        ptrs[i] = cells[i];
        i++;
    }
    n = classify("ref", ptrs, NCELLS, det, 16);
    const dm_detection *d = find_det(det, n, "UK_NATIONAL_HEALTH_SERVICE_NUMBER");
    assert_non_null(d);
    assert_int_equal(d->matches, NCELLS);
}

static void test_engine_phone_and_vat(void **state)
{
    static const char *const phones[] = {"+44 20 7946 0958", "+44 7700 900123", "+44 161 496 0000",
                                         "+44 (0)1632 960123"};
    dm_detection det[16];
    size_t n = classify("contact", phones, 4, det, 16);
    const dm_detection *d = find_det(det, n, "UK_PHONE_NUMBER");
    assert_non_null(d);
    assert_int_equal(d->matches, 4);
    /* a UK number is a phone number too: the generic type is reported beside
     * it (DM_ENT_UMBRELLA), as Glue reports both */
    d = find_det(det, n, "PHONE_NUMBER");
    assert_non_null(d);
    assert_int_equal(d->matches, 4);
    static const char *const vats[] = {"GB 999 9999 73", "GB782237517", "GB 100 0123 18", "GBGD001"};
    n = classify("supplier_ref", vats, 4, det, 16);
    d = find_det(det, n, "UK_VALUE_ADDED_TAX");
    assert_non_null(d);
    assert_int_equal(d->matches, 4);
}

static void test_engine_bank_account(void **state)
{
    dm_detection det[16];
    static const char *const accts[] = {"31926819", "73849201", "40218377", "55102938"};
    /* a generic account column is not claimed as British */
    size_t n = classify("account_number", accts, 4, det, 16);
    assert_null(find_det(det, n, "UK_BANK_ACCOUNT"));
    n = classify("uk_bank_account", accts, 4, det, 16);
    assert_non_null(find_det(det, n, "UK_BANK_ACCOUNT"));
    /* a sort code before the account speaks for it (alone: look-alikes of other
     * entities may win the span before context is weighed) */
    dm_engine *full = eng;
    dm_error err = {0};
    dm_engine_opts only = {.only = "UK_BANK_ACCOUNT,UK_BANK_SORT_CODE"};
    assert_int_equal(dm_engine_new(&only, &eng, &err), DM_OK);
    static const char *const cells[] = {"sort code 60-16-13 account 31926819", "Sort-code: 20-00-00 73849201"};
    n = classify("notes", cells, 2, det, 16);
    const dm_detection *d = find_det(det, n, "UK_BANK_ACCOUNT");
    assert_non_null(d);
    assert_int_equal(d->matches, 2);
    d = find_det(det, n, "UK_BANK_SORT_CODE");
    assert_non_null(d);
    assert_int_equal(d->matches, 2);
    dm_engine_free(eng);
    eng = full;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nino),
        cmocka_unit_test(test_nhs),
        cmocka_unit_test(test_utr),
        cmocka_unit_test(test_vat),
        cmocka_unit_test(test_driving_license),
        cmocka_unit_test(test_phone),
        cmocka_unit_test(test_bank),
        cmocka_unit_test(test_near_groups),
        cmocka_unit_test(test_engine_nino_column),
        cmocka_unit_test(test_engine_nhs_columns),
        cmocka_unit_test(test_engine_phone_and_vat),
        cmocka_unit_test(test_engine_bank_account),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
