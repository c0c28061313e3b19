/*
 * The last Glue names (src/detect/entities/glue_more.c, and POLAND_SSN in
 * europe_ids.c): validators on their checks and layouts, every type found
 * under its own column name and the format-only ones under no other, the
 * look-alikes that share a number told apart by the name, the plate finder
 * in a cell, random numbers of each shape unclaimed, and every one of the
 * 256 Glue names (tests/data/glue_entities.txt) known to the engine. The .c
 * is compiled in to reach its statics.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "detect/engine.h"
#include "detect/entities/glue_more.c"
#include "entity_testlib.h"

static void test_validators(void **state)
{
    (void)state;
    /* AT: Luhn; printed 12-345/6789 is MEDIUM, bare WEAK */
    assert_int_equal(check(validate_at_tin, "59-119/9013"), DM_MEDIUM);
    assert_int_equal(check(validate_at_tin, "59 119/9013"), DM_MEDIUM);
    assert_int_equal(check(validate_at_tin, "591199013"), DM_WEAK);
    assert_int_equal(check(validate_at_tin, "59/119-9013"), DM_NO);
    assert_int_equal(check(validate_at_tin, "59-119/9014"), DM_NO);
    each_digit_breaks(validate_at_tin, "461234569", NULL);

    /* UA: day count and mod 11 mod 10 */
    assert_int_equal(check(validate_ua_rnokpp, "1759013776"), DM_MEDIUM);
    assert_int_equal(check(validate_ua_rnokpp, "1759013775"), DM_NO);
    assert_int_equal(check(validate_ua_rnokpp, "0000013776"), DM_NO);       /* day 0 */
    assert_int_equal(check(validate_ua_rnokpp, "1759-013776"), DM_NO);
    each_digit_breaks(validate_ua_rnokpp, "3025412349", NULL);

    /* CH: 80756 and Luhn over 20 */
    assert_int_equal(check(validate_ch_hic, "80756012345678901237"), DM_STRONG);
    assert_int_equal(check(validate_ch_hic, "80756 00112 23344 55665"), DM_STRONG);
    assert_int_equal(check(validate_ch_hic, "80757012345678901236"), DM_NO);    /* not Switzerland */
    each_digit_breaks(validate_ch_hic, "80756998877665544339", NULL);

    /* CA: BC PHN (9, mod 11) and Ontario (Luhn, version code) */
    assert_int_equal(check(validate_ca_phn, "9698 658 215"), DM_STRONG);
    assert_int_equal(check(validate_ca_phn, "9698658215"), DM_MEDIUM);
    assert_int_equal(check(validate_ca_phn, "9698 658 216"), DM_NO);
    assert_int_equal(check(validate_ca_phn, "1234-567-897-AB"), DM_MEDIUM);
    assert_int_equal(check(validate_ca_phn, "1234567897AB"), DM_MEDIUM);
    assert_int_equal(check(validate_ca_phn, "1234567897"), DM_WEAK);
    assert_int_equal(check(validate_ca_phn, "1234-567-897-A1"), DM_NO);
    assert_int_equal(check(validate_ca_phn, "12-34567897"), DM_NO);
    /* any one digit changed breaks BC's check (Ontario's Luhn may then hold) */
    char phn[] = "9876543218";
    for (int i = 1; i < 10; i++)
        for (int delta = 1; delta <= 9; delta += 8) {
            char keep = phn[i];
            phn[i] = (char)('0' + (keep - '0' + delta) % 10);
            if (bc_phn_ok(phn))
                fail_msg("BC PHN %s accepted", phn);
            phn[i] = keep;
        }

    /* CN phones */
    assert_int_equal(check_in(validate_cn_phone, "+86 138 0013 8000", "86 138 0013 8000"), DM_STRONG);
    assert_int_equal(check_in(validate_cn_phone, "+86 10 6552 9988", "86 10 6552 9988"), DM_STRONG);
    assert_int_equal(check(validate_cn_phone, "008613912345678"), DM_STRONG);
    assert_int_equal(check(validate_cn_phone, "86 138 0013 8000"), DM_NO);      /* 86 without + is not a prefix */
    assert_int_equal(check(validate_cn_phone, "138 0013 8000"), DM_MEDIUM);
    assert_int_equal(check(validate_cn_phone, "13800138000"), DM_WEAK);
    assert_int_equal(check(validate_cn_phone, "010-65529988"), DM_WEAK);
    assert_int_equal(check(validate_cn_phone, "0755-1234567"), DM_WEAK);
    assert_int_equal(check(validate_cn_phone, "011-65529988"), DM_NO);         /* 11 is no area code */
    assert_int_equal(check(validate_cn_phone, "12800138000"), DM_NO);
    assert_int_equal(check(validate_cn_phone, "020 7946 0958"), DM_NO);        /* a London layout */

    /* formats only: always WEAK, the letter or the pattern checked */
    assert_int_equal(check(validate_mt_id, "1234567M"), DM_WEAK);
    assert_int_equal(check(validate_mt_id, "1234567m"), DM_WEAK);
    assert_int_equal(check(validate_mt_id, "1234567X"), DM_NO);
    assert_int_equal(check(validate_br_bank, "12345-6"), DM_WEAK);
    assert_int_equal(check(validate_br_bank, "12345-X"), DM_WEAK);
    assert_int_equal(check(validate_br_bank, "12345-A"), DM_NO);
    assert_int_equal(check(validate_cn_hkmo, "H12345678"), DM_WEAK);
    assert_int_equal(check(validate_cn_hkmo, "K12345678"), DM_NO);
    assert_int_equal(check(validate_is_vsk, "IS 123456"), DM_WEAK);
    assert_int_equal(check(validate_is_vsk, "DK 123456"), DM_NO);
    assert_int_equal(check(validate_jp_bank, "0001-123-1234567"), DM_WEAK);
    assert_int_equal(check(validate_jp_bank, "0001-1234-123456"), DM_NO);
}

/* Chinese plates inside a cell, and what is not a plate */
typedef struct found {
    int n;
    size_t start, end;
    dm_verdict v;
} found;

static void plate_emit(void *ctx, dm_verdict v, size_t start, size_t end)
{
    found *f = ctx;
    f->n++;
    f->start = start;
    f->end = end;
    f->v = v;
}

static found plates(const char *cell)
{
    found f = {0};
    cn_plate_find(cell, strlen(cell), plate_emit, &f);
    return f;
}

static void test_plates(void **state)
{
    (void)state;
    found f = plates("车牌 京A12345 已登记");
    assert_int_equal(f.n, 1);
    assert_int_equal(f.start, strlen("车牌 "));
    assert_int_equal(f.end, strlen("车牌 京A12345"));
    assert_int_equal(f.v, DM_MEDIUM);
    assert_int_equal(plates("粤B·D12345").end, strlen("粤B·D12345"));    /* new-energy, middle dot */
    assert_int_equal(plates("苏E1234学").end, strlen("苏E1234学"));      /* driving-school plate */
    assert_int_equal(plates("沪C-9X8Y7").n, 1);
    assert_int_equal(plates("京I12345").n, 0);         /* no office letter I */
    assert_int_equal(plates("京A1234").n, 0);          /* too short */
    assert_int_equal(plates("京A12345678").n, 0);      /* part of a longer run */
    assert_int_equal(plates("京ABCDEF").n, 0);         /* no digit: a word */
    assert_int_equal(plates("京A12O45").n, 0);         /* O is never used */
    assert_int_equal(plates("北A12345").n, 0);         /* not a province abbreviation */
    static const char *const col[] = {"京A12345", "粤B·D12345", "川A8K9L2", "浙C 55T21"};
    assert_true(column_has("车牌号", col, 4, "CHINA_LICENSE_PLATE_NUMBER"));
    assert_true(column_has("vehicle", col, 4, "CHINA_LICENSE_PLATE_NUMBER"));   /* the layout is enough */
    static const char *const words[] = {"新A款手机", "京东ABC", "云南A座"};
    assert_false(column_has("车牌号", words, 3, "CHINA_LICENSE_PLATE_NUMBER"));
}

/* Every new type under its own words; the format-only ones under no other. */
static void test_found_under_their_names(void **state)
{
    (void)state;
    static const struct {
        const char *entity, *col, *cells[3];
        bool anywhere;      /* found under a neutral name too */
    } cases[] = {
        {"AUSTRIA_TAX_IDENTIFICATION_NUMBER", "Steuernummer", {"59-119/9013", "12 345/6782", "46-123/4569"}, true},
        {"UKRAINE_INDIVIDUAL_IDENTIFICATION_NUMBER", "РНОКПП", {"1759013776", "3025412349", "2456789015"}, true},
        {"SWITZERLAND_HEALTH_INSURANCE_NUMBER", "Versichertenkarte",
         {"80756012345678901237", "80756001122334455665", "80756998877665544339"}, true},
        {"CANADA_PERSONAL_HEALTH_NUMBER", "PHN", {"9698 658 215", "9876543218", "9111111117"}, true},
        {"CANADA_PERMANENT_RESIDENCE_NUMBER", "UCI", {"1234-5678", "01-2345-6789", "87654321"}, false},
        {"CANADA_GOVERNMENT_IDENTIFICATION_CARD_NUMBER", "photo_card_number",
         {"A1234-56789-01234", "P12345678", "7654321"}, false},
        {"MALTA_NATIONAL_IDENTIFICATION_NUMBER", "karta_tal_identita", {"1234567M", "0012345G", "589M"}, false},
        {"MALTA_TAX_IDENTIFICATION_NUMBER", "numru_tat_taxxa", {"1234567M", "0012345G", "589M"}, false},
        {"LIECHTENSTEIN_NATIONAL_IDENTIFICATION_NUMBER", "PEID", {"1234567", "00001234567", "98765"}, false},
        {"LIECHTENSTEIN_TAX_IDENTIFICATION_NUMBER", "liechtenstein_tin", {"1234567", "00001234567", "98765"}, false},
        {"CYPRUS_NATIONAL_IDENTIFICATION_NUMBER", "Αριθμός Ταυτότητας", {"1234567", "0987654321", "712345"}, false},
        {"CROATIA_IDENTITY_NUMBER", "broj_osobne_iskaznice", {"112233445", "098765432", "200300400"}, false},
        {"ICELAND_VALUE_ADDED_TAX", "VSK-númer", {"12345", "IS123456", "654321"}, false},
        {"JAPAN_BANK_ACCOUNT", "口座番号", {"1234567", "123-7654321", "0001-123-1234567"}, false},
        {"BRAZIL_BANK_ACCOUNT", "conta_corrente", {"12345-6", "0012345-X", "123456789-0"}, false},
        {"CHINA_MAINLAND_TRAVEL_PERMIT_ID_HONG_KONG_MACAU", "回乡证号码", {"H12345678", "M87654321", "H1234567801"},
         false},
        {"CHINA_MAINLAND_TRAVEL_PERMIT_ID_TAIWAN", "台胞证号码", {"12345678", "08123456", "1234567801"}, false},
        {"CHINA_PHONE_NUMBER", "手机号码", {"13800138000", "13912345678", "15011112222"}, false},
        {"CHINA_PHONE_NUMBER", "contact", {"+86 138 0013 8000", "+86 10 6552 9988", "+86 139 1234 5678"}, true},
        {"POLAND_SSN", "numer_ubezpieczenia", {"44051401359", "02230109818", "90110312346"}, false},
    };
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        if (!column_has(cases[i].col, cases[i].cells, 3, cases[i].entity))
            fail_msg("%s not found under '%s'", cases[i].entity, cases[i].col);
        if (column_has("reference", cases[i].cells, 3, cases[i].entity) != cases[i].anywhere)
            fail_msg("%s %s under 'reference'", cases[i].entity, cases[i].anywhere ? "not found" : "found");
    }
}

/* Numbers that are two Glue names, and look-alike formats: the column name decides. */
static void test_lookalikes_by_name(void **state)
{
    (void)state;
    static const char *const mt[] = {"1234567M", "0012345G", "7654321A"};
    assert_true(column_has("karta_tal_identita", mt, 3, "MALTA_NATIONAL_IDENTIFICATION_NUMBER"));
    assert_false(column_has("karta_tal_identita", mt, 3, "MALTA_TAX_IDENTIFICATION_NUMBER"));
    assert_false(column_has("maltese_tin", mt, 3, "MALTA_NATIONAL_IDENTIFICATION_NUMBER"));

    static const char *const li[] = {"1234567", "2345678", "98765"};
    assert_false(column_has("peid", li, 3, "LIECHTENSTEIN_TAX_IDENTIFICATION_NUMBER"));
    assert_false(column_has("liechtenstein_tin", li, 3, "LIECHTENSTEIN_NATIONAL_IDENTIFICATION_NUMBER"));

    /* PESEL: the national number under its own name, the SSN under ZUS words */
    static const char *const pesel[] = {"44051401359", "02230109818", "90110312346"};
    assert_true(column_has("pesel", pesel, 3, "POLAND_IDENTIFICATION_NUMBER"));
    assert_false(column_has("pesel", pesel, 3, "POLAND_SSN"));
    assert_false(column_has("numer_ubezpieczenia", pesel, 3, "POLAND_IDENTIFICATION_NUMBER"));

    /* nine digits in Croatia: identity card or passport by the word */
    static const char *const hr[] = {"112233445", "098765432", "200300400"};
    assert_false(column_has("osobna_iskaznica", hr, 3, "CROATIA_PASSPORT_NUMBER"));
    assert_true(column_has("broj_putovnice", hr, 3, "CROATIA_PASSPORT_NUMBER"));
    assert_false(column_has("broj_putovnice", hr, 3, "CROATIA_IDENTITY_NUMBER"));

    /* eight digits: a Taiwan permit only under its name, a UCI only under its */
    static const char *const eight[] = {"12345678", "08123456", "87654321"};
    assert_false(column_has("台胞证", eight, 3, "CANADA_PERMANENT_RESIDENCE_NUMBER"));
    assert_false(column_has("uci", eight, 3, "CHINA_MAINLAND_TRAVEL_PERMIT_ID_TAIWAN"));

    /* a bare Chinese mobile under an English "phone" stays PHONE_NUMBER's to
     * judge; London numbers are never Chinese */
    static const char *const mob[] = {"13800138000", "13912345678", "15011112222"};
    assert_false(column_has("phone", mob, 3, "CHINA_PHONE_NUMBER"));
    static const char *const uk[] = {"020 7946 0958", "0161 496 0000", "07700 900123"};
    assert_false(column_has("phone", uk, 3, "CHINA_PHONE_NUMBER"));
    assert_true(column_has("phone", uk, 3, "UK_PHONE_NUMBER"));

    /* BC and Ontario health numbers are not SINs, nor SINs health numbers */
    static const char *const sin[] = {"046 454 286", "130 692 544", "193 456 787"};
    assert_false(column_has("phn", sin, 3, "CANADA_SOCIAL_INSURANCE_NUMBER") &&
                 column_has("phn", sin, 3, "CANADA_PERSONAL_HEALTH_NUMBER"));
}

static bool ours(const dm_entity_def *e)
{
    return in_table(dm_entities_glue_more, e) || strcmp(e->name, "POLAND_SSN") == 0;
}

static void test_random_numbers_unclaimed(void **state)
{
    (void)state;
    random_numbers_unclaimed(20251207u, ours);
    /* and random numbers with the printed layouts, and letter + digits */
    static char cells[400][32];
    const char *ptrs[400];
    static const char *const layouts[] = {"dd-ddd/dddd", "dddd ddd ddd", "ddd dddd dddd", "dddddddl", "ldddddddd",
                                          "dddddd-d", "ddd-ddddddd"};
    uint32_t seed = 4242;
    for (size_t l = 0; l < COUNT_OF(layouts); l++) {
        for (int i = 0; i < 400; i++) {
            size_t k = 0;
            for (; layouts[l][k]; k++) {
                seed = seed * 1103515245u + 12345u;
                unsigned r = (seed >> 16) % 26;
                char c = layouts[l][k];
                cells[i][k] = c == 'd' ? (char)('0' + r % 10) : c == 'l' ? (char)('A' + r) : c;
            }
            cells[i][k] = '\0';
            ptrs[i] = cells[i];
        }
        dm_detection det[32];
        size_t nd = classify("reference", ptrs, 400, det, 32);
        for (size_t i = 0; i < nd; i++)
            if (ours(det[i].entity))
                fail_msg("random '%s' classified as %s (%.3f)", layouts[l], det[i].entity->name, det[i].ratio);
    }
}

/* Every Glue name (a copy of the list in tests/data) is an entity of the engine. */
static void test_all_glue_names_known(void **state)
{
    (void)state;
    FILE *f = fopen(DM_TEST_DATA "/glue_entities.txt", "r");
    assert_non_null(f);
    char line[128];
    int n = 0, missing = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '\0')
            continue;
        n++;
        if (dm_engine_find(eng, line) < 0) {
            fprintf(stderr, "unknown Glue entity %s\n", line);
            missing++;
        }
    }
    fclose(f);
    assert_int_equal(n, 256);
    assert_int_equal(missing, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_validators),
        cmocka_unit_test(test_plates),
        cmocka_unit_test(test_found_under_their_names),
        cmocka_unit_test(test_lookalikes_by_name),
        cmocka_unit_test(test_random_numbers_unclaimed),
        cmocka_unit_test(test_all_glue_names_known),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
