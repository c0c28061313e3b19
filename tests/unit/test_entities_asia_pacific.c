/*
 * Identifiers of Asia-Pacific, the Middle East and Africa
 * (src/detect/entities/asia_pacific.c, middle_east_africa.c): validators on
 * separators, lower case, check digits off by one, impossible dates inside
 * the numbers; look-alikes through the engine (which one wins, and why); EAN-13
 * barcodes and random numbers of 8-16 digits in a neutral column unclaimed.
 * The .c files are compiled in to reach their statics (their helpers share
 * names, so the second one is renamed on the way in).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "detect/engine.h"
#include "detect/entities/asia_pacific.c"
#define dummy_digits mea_dummy_digits
#define piece_of_longer mea_piece_of_longer
#define layout_is mea_layout_is
#define joiners_are mea_joiners_are
#define yy_date mea_yy_date
#undef LATEST_YEAR
#include "detect/entities/middle_east_africa.c"
#include "entity_testlib.h"

static void test_india(void **state)
{
    (void)state;
    assert_int_equal(check(validate_in_aadhaar, "2345 6789 0124"), DM_MEDIUM);
    assert_int_equal(check(validate_in_aadhaar, "2345-6789-0124"), DM_MEDIUM);
    assert_int_equal(check(validate_in_aadhaar, "234567890124"), DM_WEAK);
    assert_int_equal(check(validate_in_aadhaar, "2345 6789 0125"), DM_NO);
    assert_int_equal(check(validate_in_aadhaar, "1345 6789 0125"), DM_NO);    /* first digit 1 */
    assert_int_equal(check(validate_in_aadhaar, "234 5678 90124"), DM_NO);
    assert_true(dm_verhoeff("2363", 4));                                      /* the classic example */
    assert_false(dm_verhoeff("2364", 4));
    each_digit_breaks(validate_in_aadhaar, "491827364507", NULL);

    assert_int_equal(check(validate_in_pan, "AFZPK7190K"), DM_MEDIUM);
    assert_int_equal(check(validate_in_pan, "afzpk7190k"), DM_MEDIUM);
    assert_int_equal(check(validate_in_pan, "AFZXK7190K"), DM_NO);           /* X is no holder type */
    assert_int_equal(check(validate_in_pan, "AFZPK 7190K"), DM_NO);
}

static void test_china_hk_macau_taiwan(void **state)
{
    (void)state;
    assert_int_equal(check(validate_cn_id, "11010519491231002X"), DM_STRONG);
    assert_int_equal(check(validate_cn_id, "11010519491231002x"), DM_STRONG);
    assert_int_equal(check(validate_cn_id, "110105 19491231 002X"), DM_STRONG);
    assert_int_equal(check(validate_cn_id, "110105194912310021"), DM_NO);     /* check */
    assert_int_equal(check(validate_cn_id, "110105194913310020"), DM_NO);     /* month 13 */
    assert_int_equal(check(validate_cn_id, "110105203012310028"), DM_NO);     /* born 2030 */
    each_digit_breaks(validate_cn_id, "510108198509176512", NULL);

    assert_int_equal(check_in(validate_hk_id, "A528371(2)", "A528371(2"), DM_STRONG);
    assert_int_equal(check(validate_hk_id, "A5283712"), DM_MEDIUM);
    assert_int_equal(check_in(validate_hk_id, "z683365(a)", "z683365(a"), DM_STRONG);   /* check A */
    assert_int_equal(check_in(validate_hk_id, "AB928374(7)", "AB928374(7"), DM_STRONG);
    assert_int_equal(check(validate_hk_id, "A5283713"), DM_NO);
    assert_int_equal(check(validate_hk_id, "B5283712"), DM_NO);               /* the letter counts */
    each_digit_breaks(validate_hk_id, "G1987657", NULL);

    assert_int_equal(check(validate_mo_bir, "1/283746/5"), DM_WEAK);
    assert_int_equal(check(validate_mo_bir, "3/283746/5"), DM_NO);
    static const char *const bir[] = {"1/283746/5", "5284917(3)", "72938461"};
    assert_true(column_has("bir", bir, 3, "MACAU_RESIDENT_IDENTITY_CARD"));
    assert_false(column_has("numero", bir, 3, "MACAU_RESIDENT_IDENTITY_CARD"));

    assert_int_equal(check(validate_tw_id, "A128374657"), DM_MEDIUM);
    assert_int_equal(check(validate_tw_id, "a128374657"), DM_MEDIUM);
    assert_int_equal(check(validate_tw_id, "A128374658"), DM_NO);
    assert_int_equal(check(validate_tw_id, "B128374657"), DM_NO);
    assert_int_equal(check(validate_tw_id, "A123456789"), DM_NO);             /* the textbook sample */
    each_digit_breaks(validate_tw_id, "F228931453", "1");                      /* sex digit 2 -> 1 stays valid-shaped */
}

static void test_korea_japan(void **state)
{
    (void)state;
    assert_int_equal(check(validate_kr_citizen, "850315-1234566"), DM_STRONG);
    assert_int_equal(check(validate_kr_citizen, "8503151234566"), DM_MEDIUM);
    assert_int_equal(check(validate_kr_citizen, "850315-1283745"), DM_WEAK);  /* no check since 2020 */
    assert_int_equal(check(validate_kr_citizen, "850315-1234567"), DM_NO);    /* a placeholder serial */
    assert_int_equal(check(validate_kr_citizen, "8503151234567"), DM_NO);     /* bare: the check is needed */
    assert_int_equal(check(validate_kr_citizen, "850230-1234562"), DM_NO);    /* 30 February */
    assert_int_equal(check(validate_kr_citizen, "880101-5123450"), DM_NO);    /* a foreigner */
    assert_int_equal(check(validate_kr_foreigner, "880101-5123450"), DM_STRONG);
    assert_int_equal(check(validate_kr_foreigner, "850315-1234566"), DM_NO);
    assert_int_equal(check(validate_kr_citizen, "850315 1234566"), DM_NO);

    assert_int_equal(check(validate_jp_my_number, "1234 5678 9018"), DM_MEDIUM);
    assert_int_equal(check(validate_jp_my_number, "123456789018"), DM_WEAK);
    assert_int_equal(check(validate_jp_my_number, "1234 5678 9017"), DM_NO);
    assert_int_equal(check(validate_jp_my_number, "12 3456 789018"), DM_NO);
    each_digit_breaks(validate_jp_my_number, "610293847528", NULL);
}

static void test_singapore_malaysia_thailand_indonesia(void **state)
{
    (void)state;
    assert_int_equal(check(validate_sg_nric, "S1234567D"), DM_STRONG);
    assert_int_equal(check(validate_sg_nric, "s1234567d"), DM_STRONG);
    assert_int_equal(check(validate_sg_nric, "T0123456G"), DM_STRONG);
    assert_int_equal(check(validate_sg_nric, "M1234567K"), DM_STRONG);
    assert_int_equal(check(validate_sg_nric, "S1234567C"), DM_NO);
    assert_int_equal(check(validate_sg_nric, "G1234567D"), DM_NO);            /* F/G table differs */
    each_digit_breaks(validate_sg_nric, "S8392017C", NULL);
    static const char *const uen[] = {"53012345D", "201934785K", "T09LL0001B"};
    assert_true(column_has("uen", uen, 3, "SINGAPORE_UNIQUE_ENTITY_NUMBER"));
    assert_false(column_has("code", uen, 3, "SINGAPORE_UNIQUE_ENTITY_NUMBER"));

    assert_int_equal(check(validate_my_mykad, "850315-14-5231"), DM_MEDIUM);
    assert_int_equal(check(validate_my_mykad, "850315145231"), DM_WEAK);
    assert_int_equal(check(validate_my_mykad, "850230-14-5231"), DM_NO);      /* 30 February */
    assert_int_equal(check(validate_my_mykad, "850315-00-5231"), DM_NO);      /* place 00 */
    assert_int_equal(check(validate_my_mykad, "850315 14 5231"), DM_NO);

    assert_int_equal(check(validate_th_pid, "1-1017-00203-45-0"), DM_MEDIUM);
    assert_int_equal(check(validate_th_pid, "1 1017 00203 45 0"), DM_MEDIUM);
    assert_int_equal(check(validate_th_pid, "1101700203450"), DM_WEAK);
    assert_int_equal(check(validate_th_pid, "1-1017-00203-45-9"), DM_NO);
    assert_int_equal(check(validate_th_pid, "11-017-00203-45-0"), DM_NO);
    /* (11 - r) mod 10 maps r = 0 and r = 10 to 1: a value whose check is 1
     * has one blind neighbour (a property of the spec); take one with check 0 */
    each_digit_breaks(validate_th_pid, "1101700203450", "2");     /* weight 11 at offset 2: blind */

    assert_int_equal(check(validate_id_nik, "3171014503850002"), DM_WEAK);    /* a woman: day 45 = 5 */
    assert_int_equal(check(validate_id_nik, "3171017203850002"), DM_NO);      /* day 72 - 40 = 32 */
    assert_int_equal(check(validate_id_nik, "3171012902850002"), DM_NO);      /* 29 February 1985 */
    assert_int_equal(check(validate_id_nik, "3171012902840002"), DM_WEAK);    /* 1984 was leap */
}

static void test_australia_new_zealand(void **state)
{
    (void)state;
    assert_int_equal(check(validate_au_tfn, "123 456 782"), DM_MEDIUM);
    assert_int_equal(check(validate_au_tfn, "123456782"), DM_WEAK);
    assert_int_equal(check(validate_au_tfn, "123 456 783"), DM_NO);
    each_digit_breaks(validate_au_tfn, "314159262", NULL);

    assert_int_equal(check(validate_au_abn, "51 824 753 556"), DM_STRONG);
    assert_int_equal(check(validate_au_abn, "51824753556"), DM_MEDIUM);
    assert_int_equal(check(validate_au_abn, "51 824 753 557"), DM_NO);
    assert_int_equal(check(validate_au_abn, "518 247 535 56"), DM_NO);
    each_digit_breaks(validate_au_abn, "53004085616", NULL);

    assert_int_equal(check(validate_au_acn, "004 085 616"), DM_WEAK);
    assert_int_equal(check(validate_au_acn, "004 085 617"), DM_NO);
    each_digit_breaks(validate_au_acn, "010499966", NULL);

    assert_int_equal(check(validate_au_medicare, "2123 45670 1"), DM_MEDIUM);
    assert_int_equal(check(validate_au_medicare, "2123456701"), DM_WEAK);
    assert_int_equal(check(validate_au_medicare, "2123 45671 1"), DM_NO);
    each_digit_breaks(validate_au_medicare, "2948371002", "9");               /* the issue number is free */

    assert_int_equal(check(validate_nz_ird, "49-091-850"), DM_MEDIUM);
    assert_int_equal(check(validate_nz_ird, "136-410-132"), DM_MEDIUM);        /* second weight set */
    assert_int_equal(check(validate_nz_ird, "49091850"), DM_WEAK);
    assert_int_equal(check(validate_nz_ird, "049091850"), DM_WEAK);
    assert_int_equal(check(validate_nz_ird, "49-091-851"), DM_NO);
    assert_int_equal(check(validate_nz_ird, "160-000-005"), DM_NO);            /* out of range */

    assert_int_equal(check(validate_nz_nhi, "WLD9413"), DM_MEDIUM);
    assert_int_equal(check(validate_nz_nhi, "wld9413"), DM_MEDIUM);
    assert_int_equal(check(validate_nz_nhi, "ABC12DV"), DM_MEDIUM);            /* new format, mod 24 */
    assert_int_equal(check(validate_nz_nhi, "WLD9414"), DM_NO);
    assert_int_equal(check(validate_nz_nhi, "ABC12DU"), DM_NO);
    assert_int_equal(check(validate_nz_nhi, "ZAC5361"), DM_NO);                /* Z: test range */
    assert_int_equal(check(validate_nz_nhi, "OLD9413"), DM_NO);                /* no I or O */
}

static void test_sri_lanka_middle_east_africa(void **state)
{
    (void)state;
    assert_int_equal(check(validate_lk_nic, "853400937V"), DM_MEDIUM);
    assert_int_equal(check(validate_lk_nic, "853400937v"), DM_MEDIUM);
    assert_int_equal(check(validate_lk_nic, "925871234X"), DM_MEDIUM);        /* a woman: day 587 */
    assert_int_equal(check(validate_lk_nic, "853670937V"), DM_NO);            /* day 367 */
    assert_int_equal(check(validate_lk_nic, "199034000937"), DM_WEAK);
    assert_int_equal(check(validate_lk_nic, "199000000937"), DM_NO);          /* day 000 */

    assert_int_equal(check(validate_il_id, "034567891"), DM_WEAK);
    assert_int_equal(check(validate_il_id, "034567892"), DM_NO);
    each_digit_breaks(validate_il_id, "318475928", NULL);

    assert_int_equal(check(validate_za_id, "8503155123081"), DM_MEDIUM);
    assert_int_equal(check(validate_za_id, "850315 5123 081"), DM_MEDIUM);
    assert_int_equal(check(validate_za_id, "8503155123082"), DM_NO);
    assert_int_equal(check(validate_za_id, "8502305123086"), DM_NO);         /* 30 February */
    each_digit_breaks(validate_za_id, "7501018000083", "0");                   /* 75 -> 65/85 stays a year */

    assert_int_equal(check(validate_ae_eid, "784-1985-2837461-8"), DM_STRONG);
    assert_int_equal(check(validate_ae_eid, "784198528374618"), DM_MEDIUM);
    assert_int_equal(check(validate_ae_eid, "784-1985-2837461-9"), DM_NO);
    assert_int_equal(check(validate_ae_eid, "784-2085-2837461-6"), DM_NO);    /* born 2085 */
    assert_int_equal(check(validate_ae_eid, "7841-985-2837461-8"), DM_NO);

    assert_int_equal(check(validate_tr_vkn, "7382019453"), DM_WEAK);
    assert_int_equal(check(validate_tr_vkn, "7382019454"), DM_NO);
    each_digit_breaks(validate_tr_vkn, "6029384713", NULL);
}

/* Look-alikes through the engine: which one a column gets, and why. */
static void test_lookalikes(void **state)
{
    (void)state;
    /* 3-3-3 groups of digits: SIN, TFN (medium) and ACN (weak) share the
     * layout; the column name decides, a neutral name needs most cells to
     * pass one check */
    static const char *const tfn[] = {"123 456 782", "314 159 262", "456 789 328", "539 201 847"};
    assert_true(column_has("tfn", tfn, 4, "AUSTRALIA_TAX_FILE_NUMBER"));
    assert_false(column_has("tfn", tfn, 4, "CANADA_SOCIAL_INSURANCE_NUMBER"));
    assert_false(column_has("tfn", tfn, 4, "AUSTRALIA_COMPANY_NUMBER"));
    static const char *const acn[] = {"000 000 019", "004 085 616", "010 499 966"};
    assert_true(column_has("acn", acn, 3, "AUSTRALIA_COMPANY_NUMBER"));
    assert_false(column_has("reference", acn, 3, "AUSTRALIA_COMPANY_NUMBER"));
    /* 4-4-4: Aadhaar (Verhoeff) and My Number (mod 11) by name */
    static const char *const aad[] = {"2345 6789 0124", "4918 2736 4507", "5820 1937 4621"};
    assert_true(column_has("aadhaar", aad, 3, "INDIA_AADHAAR_NUMBER"));
    assert_false(column_has("aadhaar", aad, 3, "JAPAN_MY_NUMBER"));
    assert_true(column_has("number", aad, 3, "INDIA_AADHAAR_NUMBER"));
    /* bare 9 digits passing Luhn: an Israeli ID only under its name, never
     * in an SSN column */
    static const char *const il[] = {"034567891", "203948575", "318475928"};
    assert_true(column_has("teudat_zehut", il, 3, "ISRAEL_IDENTIFICATION_NUMBER"));
    assert_false(column_has("ssn", il, 3, "ISRAEL_IDENTIFICATION_NUMBER"));
    assert_false(column_has("reference", il, 3, "ISRAEL_IDENTIFICATION_NUMBER"));
    /* 18 digits: a Chinese ID (date, region, mod 11-2: strong) beats a
     * CLABE (medium) when a value is both; a CLABE column stays CLABE */
    static const char *const clabe[] = {"032180000118359719", "002180012345678906", "072580001234567895"};
    assert_true(column_has("cuenta", clabe, 3, "MEXICO_CLABE_NUMBER"));
    assert_false(column_has("cuenta", clabe, 3, "CHINA_IDENTIFICATION"));
    static const char *const cn[] = {"11010519491231002X", "44030419900307123X", "510108198509176512"};
    assert_true(column_has("cuenta", cn, 3, "CHINA_IDENTIFICATION"));
    /* Korean citizens vs foreigners: the sex digit decides, never both */
    static const char *const kr[] = {"850315-1234566", "920817-2123451"};
    assert_true(column_has("id", kr, 2, "KOREA_RESIDENCE_REGISTRATION_NUMBER_FOR_CITIZENS"));
    assert_false(column_has("id", kr, 2, "KOREA_RESIDENCE_REGISTRATION_NUMBER_FOR_FOREIGNERS"));
}

/* EAN-13 barcodes (a bench hard negative): 13 digits with their own check
 * digit; no 13-digit national number may claim a column of them. */
static void test_ean13_unclaimed(void **state)
{
    (void)state;
    static char cells[400][16];
    const char *ptrs[400];
    static const char *const prefixes[] = {"400", "500", "590", "690", "760", "800", "840", "870", "880", "885"};
    uint32_t seed = 99;
    for (int i = 0; i < 400; i++) {
        int sum = 0;
        memcpy(cells[i], prefixes[i % 10], 3);
        for (int k = 3; k < 12; k++) {
            seed = seed * 1103515245u + 12345u;
            cells[i][k] = (char)('0' + ((seed >> 16) % 10));
        }
        for (int k = 0; k < 12; k++)
            sum += (cells[i][k] - '0') * (k % 2 ? 3 : 1);
        cells[i][12] = (char)('0' + (10 - sum % 10) % 10);
        cells[i][13] = '\0';
        ptrs[i] = cells[i];
    }
    static const char *const names[] = {"ean", "barcode", "gtin", "product_code"};
    static const char *const ours[] = {"THAILAND_PERSONAL_IDENTIFICATION_NUMBER",
                                       "SOUTH_AFRICA_PERSONAL_IDENTIFICATION_NUMBER",
                                       "KOREA_RESIDENCE_REGISTRATION_NUMBER_FOR_CITIZENS",
                                       "KOREA_RESIDENCE_REGISTRATION_NUMBER_FOR_FOREIGNERS"};
    for (size_t n = 0; n < COUNT_OF(names); n++)
        for (size_t k = 0; k < COUNT_OF(ours); k++)
            if (column_has(names[n], ptrs, 400, ours[k]))
                fail_msg("EAN-13 column %s classified as %s", names[n], ours[k]);
}

static bool ours(const dm_entity_def *e)
{
    return in_table(dm_entities_asia_pacific, e) || in_table(dm_entities_middle_east_africa, e);
}

/* Passports and the LTO licence have no check: only under the country's own
 * words; the same shape (2 letters + 7 digits: JP, TH, AU, PH) goes to the
 * country the column names, and a generic passport column names none. */
static void test_passports(void **state)
{
    (void)state;
    static const char *const l2d7[] = {"TK8273641", "MZ2938475", "TR1029384"};
    assert_true(column_has("japanese_passport", l2d7, 3, "JAPAN_PASSPORT_NUMBER"));
    assert_false(column_has("japanese_passport", l2d7, 3, "THAILAND_PASSPORT_NUMBER"));
    assert_true(column_has("thai_passport", l2d7, 3, "THAILAND_PASSPORT_NUMBER"));
    assert_false(column_has("thai_passport", l2d7, 3, "JAPAN_PASSPORT_NUMBER"));
    static const char *const names[] = {"passport_number", "passport", "document_number"};
    dm_detection det[32];
    for (size_t n = 0; n < COUNT_OF(names); n++) {
        size_t nd = classify(names[n], l2d7, 3, det, 32);
        for (size_t i = 0; i < nd; i++)
            if (ours(det[i].entity))
                fail_msg("generic %s column claimed by %s", names[n], det[i].entity->name);
    }
    assert_int_equal(check(validate_kr_pp, "M293A8475"), DM_WEAK);
    assert_int_equal(check(validate_kr_pp, "M293AB475"), DM_NO);
    assert_int_equal(check(validate_sg_pp, "S8273641K"), DM_NO);       /* S: an NRIC, not a passport */
    assert_int_equal(check(validate_ph_dl, "N01-12-827364"), DM_WEAK);
    assert_int_equal(check(validate_ph_dl, "N0112-827364"), DM_NO);
    assert_int_equal(check(validate_tr_pp, "U82736419"), DM_WEAK);
    assert_int_equal(check(validate_tr_pp, "A82736419"), DM_NO);
}

static void test_random_numbers_unclaimed(void **state)
{
    (void)state;
    random_numbers_unclaimed(777, ours);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_india),
        cmocka_unit_test(test_china_hk_macau_taiwan),
        cmocka_unit_test(test_korea_japan),
        cmocka_unit_test(test_singapore_malaysia_thailand_indonesia),
        cmocka_unit_test(test_australia_new_zealand),
        cmocka_unit_test(test_sri_lanka_middle_east_africa),
        cmocka_unit_test(test_lookalikes),
        cmocka_unit_test(test_ean13_unclaimed),
        cmocka_unit_test(test_passports),
        cmocka_unit_test(test_random_numbers_unclaimed),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
