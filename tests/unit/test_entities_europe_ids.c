/*
 * European national identifiers and tax numbers (src/detect/entities/
 * europe_ids.c): each validator on separators, lower case, check digits off by
 * one, impossible dates inside the number; look-alikes of neighbouring
 * countries through the engine (which one wins, and why); random numbers of
 * every length in a neutral column stay unclaimed. The .c is compiled in to
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
#include "detect/entities/europe_ids.c"
#include "entity_testlib.h"

static void test_spain(void **state)
{
    (void)state;
    assert_int_equal(check(validate_es_dni, "12345678Z"), DM_STRONG);
    assert_int_equal(check(validate_es_dni, "12345678-z"), DM_STRONG);
    assert_int_equal(check(validate_es_dni, "12.345.678-Z"), DM_STRONG);
    assert_int_equal(check(validate_es_dni, "12345678 Z"), DM_STRONG);
    assert_int_equal(check(validate_es_dni, "12345678Y"), DM_NO);           /* letter off by one */
    assert_int_equal(check(validate_es_dni, "1234-5678Z"), DM_NO);          /* groups across the number */
    assert_int_equal(check(validate_es_dni, "11111111H"), DM_NO);           /* placeholder, letter holds */
    each_digit_breaks(validate_es_dni, "45678912S", NULL);
    /* inside a longer number: not a DNI */
    assert_int_equal(check_in(validate_es_dni, "ref 99-12345678Z", "12345678Z"), DM_NO);

    assert_int_equal(check(validate_es_nie, "X1234567L"), DM_STRONG);
    assert_int_equal(check(validate_es_nie, "x-1234567-l"), DM_STRONG);
    assert_int_equal(check(validate_es_nie, "Y 7654321 G"), DM_STRONG);
    assert_int_equal(check(validate_es_nie, "Y7654321H"), DM_NO);           /* letter */
    assert_int_equal(check(validate_es_nie, "X7654321G"), DM_NO);           /* prefix is part of the number */
    assert_int_equal(check(validate_es_nie, "Y76543-21G"), DM_NO);

    /* NIF: K/L/M strong, CIF medium (one control of 10), DNI/NIE forms weak:
     * they belong to SPAIN_DNI / SPAIN_NIE unless the column says NIF */
    assert_int_equal(check(validate_es_nif, "K1234567L"), DM_STRONG);
    assert_int_equal(check(validate_es_nif, "m2345678t"), DM_STRONG);
    assert_int_equal(check(validate_es_nif, "Q2826000H"), DM_MEDIUM);
    assert_int_equal(check(validate_es_nif, "B58221235"), DM_MEDIUM);
    assert_int_equal(check(validate_es_nif, "B5822123E"), DM_NO);           /* B: digit only */
    assert_int_equal(check(validate_es_nif, "G5822123E"), DM_MEDIUM);       /* G: either */
    assert_int_equal(check(validate_es_nif, "G58221235"), DM_MEDIUM);
    assert_int_equal(check(validate_es_nif, "A58115395"), DM_MEDIUM);
    assert_int_equal(check(validate_es_nif, "A5811539E"), DM_NO);           /* A: digit only */
    assert_int_equal(check(validate_es_nif, "Q28260008"), DM_NO);           /* Q: letter only */
    assert_int_equal(check(validate_es_nif, "Q2826000I"), DM_NO);
    assert_int_equal(check(validate_es_nif, "12345678Z"), DM_WEAK);
    assert_int_equal(check(validate_es_nif, "X1234567L"), DM_WEAK);
    assert_int_equal(check(validate_es_nif, "X1234567M"), DM_NO);
    each_digit_breaks(validate_es_nif, "B58221235", NULL);
}

static void test_spain_dni_or_nif(void **state)
{
    (void)state;
    static const char *const dnis[] = {"12345678Z", "45678912S", "71234567W"};
    /* a neutral name: the DNI (strong) wins, the NIF (weak) does not count */
    assert_true(column_has("documento", dnis, 3, "SPAIN_DNI"));
    assert_false(column_has("documento", dnis, 3, "SPAIN_NIF"));
    /* the column calls them NIF: the hint wins over the verdict */
    assert_true(column_has("nif", dnis, 3, "SPAIN_NIF"));
    assert_false(column_has("nif", dnis, 3, "SPAIN_DNI"));
}

static void test_italy(void **state)
{
    (void)state;
    assert_int_equal(check(validate_it_cf, "RSSMRA85T10A562S"), DM_STRONG);
    assert_int_equal(check(validate_it_cf, "rssmra85t10a562s"), DM_STRONG);
    assert_int_equal(check(validate_it_cf, "RSS MRA 85T10 A562S"), DM_STRONG);
    assert_int_equal(check(validate_it_cf, "RSSMRA85T10A56NH"), DM_STRONG);     /* omocodia */
    assert_int_equal(check(validate_it_cf, "RSSMRA85T10A562R"), DM_NO);         /* letter off by one */
    assert_int_equal(check(validate_it_cf, "BNCGPP70A72H501S"), DM_NO);         /* day 72 (women 41-71) */
    assert_int_equal(check(validate_it_cf, "RSSMRA85B30A562G"), DM_NO);         /* 30 February */
    assert_int_equal(check(validate_it_cf, "RSSMRA85T10A5W2S"), DM_NO);         /* W is no omocodia letter */
    each_digit_breaks(validate_it_cf, "BNCGPP70A41H501G", NULL);
}

static void test_france(void **state)
{
    (void)state;
    assert_int_equal(check(validate_fr_nir, "1 85 05 78 006 084 91"), DM_STRONG);
    assert_int_equal(check(validate_fr_nir, "185057800608491"), DM_STRONG);
    assert_int_equal(check(validate_fr_nir, "1850578006084-91"), DM_STRONG);
    assert_int_equal(check(validate_fr_nir, "1 78 02 2a 123 455 38"), DM_STRONG);   /* Corsica 2A = 19 */
    assert_int_equal(check(validate_fr_nir, "1 78 02 2B 123 455 65"), DM_STRONG);   /* 2B = 18 */
    assert_int_equal(check(validate_fr_nir, "1 78 02 2B 123 455 38"), DM_NO);
    assert_int_equal(check(validate_fr_nir, "1 85 05 78 006 084 90"), DM_NO);       /* key off by one */
    assert_int_equal(check(validate_fr_nir, "1 85 05 00 006 084 70"), DM_NO);       /* department 00 */
    assert_int_equal(check(validate_fr_nir, "18 50 57 80 06 08 49 1"), DM_NO);      /* groups across fields */
    each_digit_breaks(validate_fr_nir, "255081416802538", NULL);
}

static void test_france_nir_or_insee(void **state)
{
    (void)state;
    static const char *const nirs[] = {"1 85 05 78 006 084 91", "255081416802538", "2 95 10 99 123 456 32"};
    assert_true(column_has("nir", nirs, 3, "FRANCE_NATIONAL_IDENTIFICATION_NUMBER"));
    assert_false(column_has("nir", nirs, 3, "FRANCE_INSEE_CODE"));
    assert_true(column_has("patient", nirs, 3, "FRANCE_NATIONAL_IDENTIFICATION_NUMBER"));
    /* under an INSEE name the same numbers are FRANCE_INSEE_CODE only */
    assert_true(column_has("code_insee", nirs, 3, "FRANCE_INSEE_CODE"));
    assert_false(column_has("code_insee", nirs, 3, "FRANCE_NATIONAL_IDENTIFICATION_NUMBER"));
}

static void test_netherlands(void **state)
{
    (void)state;
    assert_int_equal(check(validate_nl_bsn, "111222333"), DM_WEAK);
    assert_int_equal(check(validate_nl_bsn, "1112.22.333"), DM_MEDIUM);
    assert_int_equal(check(validate_nl_bsn, "111-222-333"), DM_NO);
    assert_int_equal(check(validate_nl_bsn, "111222334"), DM_NO);
    assert_int_equal(check(validate_nl_bsn, "000000000"), DM_NO);           /* sum 0 */
    each_digit_breaks(validate_nl_bsn, "123456782", NULL);
    /* bare: only with the hint or a word before it */
    static const char *const bare[] = {"111222333", "123456782", "273819914"};
    assert_false(column_has("klant_ref", bare, 3, "NETHERLANDS_CITIZEN_SERVICE_NUMBER"));
    assert_true(column_has("bsn", bare, 3, "NETHERLANDS_CITIZEN_SERVICE_NUMBER"));
    static const char *const ctx[] = {"BSN: 111222333", "bsn 123456782", "klant zonder nummer"};
    assert_true(column_has("opmerking", ctx, 3, "NETHERLANDS_CITIZEN_SERVICE_NUMBER"));
}

static void test_belgium(void **state)
{
    (void)state;
    assert_int_equal(check(validate_be_nn, "85.07.30-033.28"), DM_STRONG);
    assert_int_equal(check(validate_be_nn, "85073003328"), DM_STRONG);
    assert_int_equal(check(validate_be_nn, "01.03.15-287.13"), DM_STRONG);   /* born 2000+: 2 in front */
    assert_int_equal(check(validate_be_nn, "85.07.30-033.27"), DM_NO);       /* check off by one */
    assert_int_equal(check(validate_be_nn, "85.02.30-033.90"), DM_NO);       /* 30 February */
    assert_int_equal(check(validate_be_nn, "850.730-033.28"), DM_NO);        /* groups across fields */
    each_digit_breaks(validate_be_nn, "90010112395", NULL);
}

static void test_poland(void **state)
{
    (void)state;
    assert_int_equal(check(validate_pl_pesel, "44051401359"), DM_MEDIUM);
    assert_int_equal(check(validate_pl_pesel, "02230109818"), DM_MEDIUM);    /* 2000s: month +20 */
    assert_int_equal(check(validate_pl_pesel, "44051401358"), DM_NO);
    assert_int_equal(check(validate_pl_pesel, "44023001356"), DM_NO);        /* 30 February, check holds */
    assert_int_equal(check(validate_pl_pesel, "440514 01359"), DM_NO);       /* written as one run */
    each_digit_breaks(validate_pl_pesel, "44051401359", NULL);

    assert_int_equal(check(validate_pl_nip, "1234563218"), DM_WEAK);
    assert_int_equal(check(validate_pl_nip, "123-456-32-18"), DM_MEDIUM);
    assert_int_equal(check(validate_pl_nip, "123-45-63-218"), DM_MEDIUM);
    assert_int_equal(check(validate_pl_nip, "123 456 32 18"), DM_NO);
    assert_int_equal(check(validate_pl_nip, "123-456-32-17"), DM_NO);
    each_digit_breaks(validate_pl_nip, "5260002501", NULL);

    assert_int_equal(check(validate_pl_regon, "123456785"), DM_WEAK);
    assert_int_equal(check(validate_pl_regon, "12345678512347"), DM_WEAK);
    assert_int_equal(check(validate_pl_regon, "123456784"), DM_NO);
    assert_int_equal(check(validate_pl_regon, "12345678412340"), DM_NO);     /* its 9-digit part fails */
}

static void test_nordics(void **state)
{
    (void)state;
    assert_int_equal(check(validate_se_pnr, "811228-9874"), DM_STRONG);
    assert_int_equal(check(validate_se_pnr, "8112289874"), DM_MEDIUM);
    assert_int_equal(check(validate_se_pnr, "19811228-9874"), DM_STRONG);
    assert_int_equal(check(validate_se_pnr, "811288-9871"), DM_STRONG);      /* samordningsnummer: day +60 */
    assert_int_equal(check(validate_se_pnr, "811228-9873"), DM_NO);
    assert_int_equal(check(validate_se_pnr, "811232-9870"), DM_NO);          /* day 32 */
    assert_int_equal(check(validate_se_pnr, "811228 9874"), DM_NO);
    each_digit_breaks(validate_se_pnr, "6408233234", NULL);

    assert_int_equal(check(validate_dk_cpr, "010190-1234"), DM_WEAK);
    assert_int_equal(check(validate_dk_cpr, "2902001234"), DM_WEAK);         /* 29 February 2000 */
    assert_int_equal(check(validate_dk_cpr, "290201-1234"), DM_NO);
    assert_int_equal(check(validate_dk_cpr, "010190/1234"), DM_NO);

    assert_int_equal(check(validate_fi_hetu, "131052-308T"), DM_STRONG);
    assert_int_equal(check(validate_fi_hetu, "131052-308t"), DM_STRONG);
    assert_int_equal(check(validate_fi_hetu, "010594Y9021"), DM_STRONG);     /* 2023 century letters */
    assert_int_equal(check(validate_fi_hetu, "020301A123X"), DM_STRONG);
    assert_int_equal(check(validate_fi_hetu, "131052-308V"), DM_NO);
    assert_int_equal(check(validate_fi_hetu, "290201A123X"), DM_NO);         /* 29 February 2001 */
    assert_int_equal(check(validate_fi_hetu, "131052 308T"), DM_NO);
    each_digit_breaks(validate_fi_hetu, "131052-308T", NULL);

    assert_int_equal(check(validate_no_nin, "15078725475"), DM_STRONG);
    assert_int_equal(check(validate_no_nin, "150787 25475"), DM_STRONG);
    assert_int_equal(check(validate_no_nin, "41019012393"), DM_STRONG);      /* D-number */
    assert_int_equal(check(validate_no_birth, "41019012393"), DM_NO);
    assert_int_equal(check(validate_no_nin, "15078725474"), DM_NO);
    assert_int_equal(check(validate_no_nin, "01819012365"), DM_NO);          /* synthetic (month +80) */
    each_digit_breaks(validate_no_nin, "31056835760", NULL);
}

/* A Swedish number in DK layout is both a date-and-digits CPR (weak, no
 * check) and a personnummer (Luhn): under a neutral name only Sweden counts;
 * the CPR needs its name. Danish numbers pass the Swedish Luhn 1 time in 10
 * and its date test less often still: too rare to make a column Swedish. */
static void test_sweden_or_denmark(void **state)
{
    (void)state;
    static const char *const se[] = {"811228-9874", "640823-3234", "850770-1236", "121212-1212"};
    assert_true(column_has("kund", se, 4, "SWEDEN_PERSONAL_IDENTIFICATION_NUMBER"));
    assert_false(column_has("kund", se, 4, "DENMARK_PERSONAL_IDENTIFICATION_NUMBER"));
    static const char *const dk[] = {"010190-1234", "251285-1237", "290200-4321", "170372-0931"};
    assert_true(column_has("cpr_nummer", dk, 4, "DENMARK_PERSONAL_IDENTIFICATION_NUMBER"));
    assert_false(column_has("kunde", dk, 4, "DENMARK_PERSONAL_IDENTIFICATION_NUMBER"));
    assert_false(column_has("kunde", dk, 4, "SWEDEN_PERSONAL_IDENTIFICATION_NUMBER"));
}

static void test_norway_names(void **state)
{
    (void)state;
    static const char *const fnr[] = {"15078725475", "31056835760", "01019012480"};
    assert_true(column_has("kunde", fnr, 3, "NORWAY_NATIONAL_IDENTIFICATION_NUMBER"));
    assert_false(column_has("kunde", fnr, 3, "NORWAY_BIRTH_NUMBER"));
    assert_true(column_has("fodselsnummer", fnr, 3, "NORWAY_BIRTH_NUMBER"));
    assert_false(column_has("fodselsnummer", fnr, 3, "NORWAY_NATIONAL_IDENTIFICATION_NUMBER"));
}

static void test_germany_switzerland_ireland_portugal(void **state)
{
    (void)state;
    assert_int_equal(check(validate_de_idnr, "86095742719"), DM_MEDIUM);
    assert_int_equal(check(validate_de_idnr, "86 095 742 719"), DM_STRONG);
    assert_int_equal(check(validate_de_idnr, "11012345675"), DM_MEDIUM);     /* 1 three times, not in a row */
    assert_int_equal(check(validate_de_idnr, "11123456786"), DM_NO);         /* three in a row */
    assert_int_equal(check(validate_de_idnr, "65321908746"), DM_NO);         /* no repeated digit */
    assert_int_equal(check(validate_de_idnr, "86095742710"), DM_NO);
    assert_int_equal(check(validate_de_idnr, "860-957-427-19"), DM_NO);
    each_digit_breaks(validate_de_idnr, "47123456083", NULL);

    assert_int_equal(check(validate_ch_ahv, "756.1234.5678.97"), DM_STRONG);
    assert_int_equal(check(validate_ch_ahv, "756 1234 5678 97"), DM_STRONG);
    assert_int_equal(check(validate_ch_ahv, "7561234567897"), DM_MEDIUM);
    assert_int_equal(check(validate_ch_ahv, "756.1234 5678.97"), DM_NO);     /* mixed joiners */
    assert_int_equal(check(validate_ch_ahv, "756.1234.5678.96"), DM_NO);
    assert_int_equal(check(validate_ch_ahv, "4006381333931"), DM_NO);        /* an EAN-13, not 756 */
    each_digit_breaks(validate_ch_ahv, "7569217435867", "012");

    assert_int_equal(check(validate_ie_pps, "1234567T"), DM_STRONG);
    assert_int_equal(check(validate_ie_pps, "1234567fa"), DM_STRONG);
    assert_int_equal(check(validate_ie_pps, "8765432SW"), DM_STRONG);
    assert_int_equal(check(validate_ie_pps, "1234567 T"), DM_STRONG);
    assert_int_equal(check(validate_ie_pps, "1234567U"), DM_NO);
    assert_int_equal(check(validate_ie_pps, "1234567TJ"), DM_NO);            /* J is no second letter */
    each_digit_breaks(validate_ie_pps, "7654321G", NULL);

    assert_int_equal(check(validate_pt_nif, "222333448"), DM_WEAK);
    assert_int_equal(check(validate_pt_nif, "222 333 448"), DM_WEAK);
    assert_int_equal(check(validate_pt_nif, "222333449"), DM_NO);
    assert_int_equal(check(validate_pt_nif, "422333441"), DM_NO);            /* 4x only as 45 */
    each_digit_breaks(validate_pt_nif, "301234566", "0");
}

static void test_central_eastern(void **state)
{
    (void)state;
    assert_int_equal(check(validate_ro_cnp, "1960822401231"), DM_MEDIUM);
    assert_int_equal(check(validate_ro_cnp, "1960822401230"), DM_NO);
    assert_int_equal(check(validate_ro_cnp, "1960230401238"), DM_NO);        /* 30 February */
    each_digit_breaks(validate_ro_cnp, "2961214400150", NULL);

    assert_int_equal(check(validate_rodne_cislo, "736028/5108"), DM_STRONG);
    assert_int_equal(check(validate_rodne_cislo, "7360285108"), DM_MEDIUM);
    assert_int_equal(check(validate_rodne_cislo, "736028-5108"), DM_MEDIUM);
    assert_int_equal(check(validate_rodne_cislo, "736028/5107"), DM_NO);
    assert_int_equal(check(validate_rodne_cislo, "540101/0000"), DM_STRONG); /* 1954: 10 digits */
    assert_int_equal(check(validate_rodne_cislo, "530101/123"), DM_WEAK);    /* before 1954: no check */
    assert_int_equal(check(validate_rodne_cislo, "530101123"), DM_NO);
    each_digit_breaks(validate_rodne_cislo, "7851120112", NULL);

    assert_int_equal(check(validate_ee_lt, "37605210297"), DM_MEDIUM);
    assert_int_equal(check(validate_ee_lt, "33309240064"), DM_MEDIUM);
    assert_int_equal(check(validate_ee_lt, "37605210296"), DM_NO);
    assert_int_equal(check(validate_ee_lt, "37602300290"), DM_NO);           /* 30 February */
    each_digit_breaks(validate_ee_lt, "48807261238", NULL);

    assert_int_equal(check(validate_lv_pk, "121181-12349"), DM_STRONG);
    assert_int_equal(check(validate_lv_pk, "12118112349"), DM_MEDIUM);
    assert_int_equal(check(validate_lv_pk, "121181-12348"), DM_NO);
    assert_int_equal(check(validate_lv_pk, "321234-56789"), DM_WEAK);        /* 2017 format */
    each_digit_breaks(validate_lv_pk, "01019012349", NULL);

    assert_int_equal(check(validate_bg_egn, "7523169263"), DM_MEDIUM);
    assert_int_equal(check(validate_bg_egn, "0341011231"), DM_MEDIUM);       /* 2003: month +40 */
    assert_int_equal(check(validate_bg_egn, "7523169262"), DM_NO);
    each_digit_breaks(validate_bg_egn, "8201011233", NULL);

    assert_int_equal(check(validate_hr_oib, "69435151530"), DM_WEAK);
    assert_int_equal(check(validate_hr_oib, "69435151531"), DM_NO);
    each_digit_breaks(validate_hr_oib, "94271509877", NULL);
}

static void test_jmbg_regions(void **state)
{
    (void)state;
    static const struct {
        const char *value;
        int region;
    } cases[] = {
        {"0101990151238", 1}, {"0101990211230", 2}, {"0101990331236", 3}, {"0101990411230", 4},
        {"0101990501239", 5}, {"0101990711233", 7}, {"0101990801232", 8}, {"0101990911232", 9},
        {"2902000011232", 1}, {"2902000091236", 9},
    };
    for (size_t i = 0; i < COUNT_OF(cases); i++) {
        dm_span sp;
        char norm[DM_SPAN_MAX_NORM + 1];
        assert_true(dm_span_whole(cases[i].value, strlen(cases[i].value), &sp, norm));
        assert_int_equal(jmbg_region(&sp), cases[i].region);
    }
    assert_int_equal(check(validate_jmbg_rs, "0101990711233"), DM_MEDIUM);
    assert_int_equal(check(validate_jmbg_vo, "0101990711233"), DM_NO);       /* another region */
    assert_int_equal(check(validate_jmbg_rs, "3002990711236"), DM_NO);       /* 30 February */
    assert_int_equal(check(validate_jmbg_rs, "2902001711234"), DM_NO);       /* 2001 is no leap year */
    each_digit_breaks(validate_jmbg_si, "1507985551236", NULL);
    /* a column of Slovenian numbers is Slovenian only */
    static const char *const si[] = {"0101990501239", "1507985551236", "2902000051234"};
    assert_true(column_has("emso", si, 3, "SLOVENIA_UNIQUE_MASTER_CITIZEN_NUMBER"));
    assert_false(column_has("emso", si, 3, "SERBIA_UNIQUE_MASTER_CITIZEN_NUMBER"));
}

/* Estonia and Lithuania share the format and the check: every isikukood is a
 * valid asmens kodas. The column name decides; without one both are reported
 * (the engine keeps tied look-alikes). Czech and Slovak birth numbers alike. */
static void test_estonia_or_lithuania(void **state)
{
    (void)state;
    static const char *const ee[] = {"37605210297", "48807261238", "50101010009", "61202291237"};
    assert_true(column_has("isikukood", ee, 4, "ESTONIA_PERSONAL_IDENTIFICATION_CODE"));
    assert_false(column_has("isikukood", ee, 4, "LITHUANIA_PERSONAL_IDENTIFICATION_NUMBER"));
    assert_true(column_has("asmens_kodas", ee, 4, "LITHUANIA_PERSONAL_IDENTIFICATION_NUMBER"));
    assert_false(column_has("asmens_kodas", ee, 4, "ESTONIA_PERSONAL_IDENTIFICATION_CODE"));
    assert_true(column_has("klient", ee, 4, "ESTONIA_PERSONAL_IDENTIFICATION_CODE"));
    assert_true(column_has("klient", ee, 4, "LITHUANIA_PERSONAL_IDENTIFICATION_NUMBER"));
}

/* Deterministic random numbers of each length in a neutral column: no
 * entity of this table may claim them (invoice numbers, order ids, EANs,
 * epoch seconds). */
static bool europe_ids_entity(const dm_entity_def *e)
{
    return in_table(dm_entities_europe_ids, e);
}

static void test_random_numbers_unclaimed(void **state)
{
    (void)state;
    random_numbers_unclaimed(12345, europe_ids_entity);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spain),
        cmocka_unit_test(test_spain_dni_or_nif),
        cmocka_unit_test(test_italy),
        cmocka_unit_test(test_france),
        cmocka_unit_test(test_france_nir_or_insee),
        cmocka_unit_test(test_netherlands),
        cmocka_unit_test(test_belgium),
        cmocka_unit_test(test_poland),
        cmocka_unit_test(test_nordics),
        cmocka_unit_test(test_sweden_or_denmark),
        cmocka_unit_test(test_norway_names),
        cmocka_unit_test(test_germany_switzerland_ireland_portugal),
        cmocka_unit_test(test_central_eastern),
        cmocka_unit_test(test_jmbg_regions),
        cmocka_unit_test(test_estonia_or_lithuania),
        cmocka_unit_test(test_random_numbers_unclaimed),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
