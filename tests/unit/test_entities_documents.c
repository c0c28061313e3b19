/*
 * Driving licences and passports (src/detect/entities/documents.c): each
 * format is found under its country's own words and not under a neutral
 * name; a generic passport / driving-licence column is claimed by none of
 * these entities; look-alike formats of different countries are told apart
 * by the column name; the checks of the licences that are personal numbers
 * (ES, FI, SE, NO, CL, SG) refuse a wrong check character.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "detect/engine.h"
#include "detect/entity.h"
#include "entity_testlib.h"

typedef struct native_case {
    const char *entity;
    const char *column;     /* a column name in the country's language */
    const char *value;
} native_case;

static const native_case natives[] = {
    {"AUSTRIA_DRIVING_LICENSE", "Führerscheinnummer", "08154711"},
    {"BELGIUM_DRIVING_LICENSE", "belgian_driving_licence_no", "0123456789"},
    {"BULGARIA_DRIVING_LICENSE", "shofyorska_knizhka", "287654321"},
    {"CANADA_DRIVING_LICENSE", "ontario_driver_licence", "A1234-56789-01234"},
    {"CHILE_DRIVING_LICENSE", "numero_licencia_de_conducir", "12.345.678-5"},
    {"CROATIA_DRIVING_LICENSE", "broj_vozacke_dozvole", "10203040"},
    {"CYPRUS_DRIVING_LICENSE", "adeia_odigisis", "010203040506"},
    {"CZECHIA_DRIVING_LICENSE", "cislo_ridicskeho_prukazu", "EF 654321"},
    {"DENMARK_DRIVING_LICENSE", "kørekortnummer", "20304050"},
    {"ESTONIA_DRIVING_LICENSE", "juhiluba", "ET123456"},
    {"FINLAND_DRIVING_LICENSE", "ajokortin_numero", "131052-308T"},
    {"FRANCE_DRIVING_LICENSE", "numero_permis_de_conduire", "070175100123"},
    {"GERMANY_DRIVING_LICENSE", "fuehrerschein_nummer", "B072RRE2I55"},
    {"GREECE_DRIVING_LICENSE", "adeia_odigisis", "203040506"},
    {"HUNGARY_DRIVING_LICENSE", "jogositvanyszam", "CD 654321"},
    {"IRELAND_DRIVING_LICENSE", "ceadunas_tiomana", "102030EFGH"},
    {"ITALY_DRIVING_LICENSE", "numero_patente", "MI1234567A"},
    {"LATVIA_DRIVING_LICENSE", "vaditaja_apliecibas_numurs", "AAB123456"},
    {"LITHUANIA_DRIVING_LICENSE", "vairuotojo_pazymejimas", "30405060"},
    {"LUXEMBOURG_DRIVING_LICENSE", "permis_de_conduire_lu", "010203"},
    {"MALTA_DRIVING_LICENSE", "licenzja_tas_sewqan", "MT 654 321"},
    {"MEXICO_DRIVING_LICENSE", "licencia_de_manejo", "A12345678"},
    {"NETHERLANDS_DRIVING_LICENSE", "rijbewijsnummer", "4012345678"},
    {"NEW_ZEALAND_DRIVING_LICENSE", "nz_drivers_licence", "DL123456"},
    {"NORWAY_DRIVING_LICENSE", "førerkortnummer", "15038523462"},
    {"POLAND_DRIVING_LICENSE", "numer_prawa_jazdy", "00123/15/0211"},
    {"PORTUGAL_DRIVING_LICENSE", "carta_de_conducao", "L-123456 7"},
    {"ROMANIA_DRIVING_LICENSE", "permis_de_conducere", "B12345678"},
    {"SINGAPORE_DRIVING_LICENSE", "sg_driving_licence", "S1234567D"},
    {"SLOVAKIA_DRIVING_LICENSE", "vodicsky_preukaz", "S7654321"},
    {"SLOVENIA_DRIVING_LICENSE", "voznisko_dovoljenje", "012345678"},
    {"SPAIN_DRIVING_LICENSE", "carnet_de_conducir", "12345678Z"},
    {"SWEDEN_DRIVING_LICENSE", "körkortsnummer", "811228-9874"},
    {"AUSTRALIA_DRIVING_LICENSE", "au_drivers_licence", "123 456 789"},
    {"JAPAN_DRIVING_LICENSE", "menkyosho_bango", "301234567890"},
    {"VENEZUELA_DRIVING_LICENSE", "licencia_para_conducir", "V-12345678"},
    {"AUSTRIA_PASSPORT_NUMBER", "reisepassnummer", "P1234567"},
    {"BELGIUM_PASSPORT_NUMBER", "belgisch_paspoort", "EH123456"},
    {"CROATIA_PASSPORT_NUMBER", "broj_putovnice", "099887766"},
    {"CYPRUS_PASSPORT_NUMBER", "cyprus_passport", "K123456"},
    {"ESTONIA_PASSPORT_NUMBER", "passi_number", "K1234567"},
    {"FINLAND_PASSPORT_NUMBER", "passinumero", "XP1234567"},
    {"GREECE_PASSPORT_NUMBER", "arithmos_diavatiriou", "AE1234567"},
    {"HUNGARY_PASSPORT_NUMBER", "útlevélszám", "BE1234567"},
    {"ICELAND_PASSPORT_NUMBER", "vegabrefsnumer", "A1234567"},
    {"IRELAND_PASSPORT_NUMBER", "irish_passport_no", "PA1234567"},
    {"LATVIA_PASSPORT_NUMBER", "pases_numurs", "LV1234567"},
    {"LIECHTENSTEIN_PASSPORT_NUMBER", "liechtenstein_passport", "R12345"},
    {"LUXEMBOURG_PASSPORT_NUMBER", "passeport_luxembourgeois", "JJ123456"},
    {"POLAND_PASSPORT_NUMBER", "numer_paszportu", "EA1234567"},
    {"PORTUGAL_PASSPORT_NUMBER", "numero_do_passaporte", "N123456"},
    {"ROMANIA_PASSPORT_NUMBER", "numar_pasaport", "054321987"},
    {"SLOVAKIA_PASSPORT_NUMBER", "cislo_pasu", "E7654321"},
    {"SLOVENIA_PASSPORT_NUMBER", "stevilka_potnega_lista", "PB1234567"},
    {"SWEDEN_PASSPORT_NUMBER", "passnummer", "91234567"},
    {"SWITZERLAND_PASSPORT_NUMBER", "schweizer_pass", "X1234567"},
    {"UKRAINE_PASSPORT_NUMBER_DOMESTIC", "паспорт", "МЕ123456"},
    {"UKRAINE_PASSPORT_NUMBER_INTERNATIONAL", "zakordonnyi_pasport", "FA123456"},
};

/* Each format under its country's word is found; the same value under a
 * neutral name is not. */
static void test_native_names(void **state)
{
    (void)state;
    size_t n = 0;
    for (const dm_entity_def *d = dm_entities_documents; d->name; d++)
        n++;
    assert_int_equal(n, COUNT_OF(natives));     /* one case per entity */
    for (size_t i = 0; i < COUNT_OF(natives); i++) {
        const native_case *c = &natives[i];
        const char *cells[] = {c->value, c->value};
        if (!column_has(c->column, cells, 2, c->entity))
            fail_msg("%s not found under %s", c->entity, c->column);
        if (column_has("reference", cells, 2, c->entity) || column_has("value", cells, 2, c->entity))
            fail_msg("%s found under a neutral name", c->entity);
    }
}

/* A generic passport / licence column is claimed by none of these: every
 * example of every entity of the table, under each generic name. */
static void test_generic_names_unclaimed(void **state)
{
    (void)state;
    static const char *const generic[] = {"passport_number", "passport", "passport_no", "driving_license",
                                          "drivers_license_number", "driving_licence", "license_number",
                                          "licence_no", "document_number", "id_number"};
    for (const dm_entity_def *d = dm_entities_documents; d->name; d++) {
        size_t ne = 0;
        while (d->examples[ne])
            ne++;
        for (size_t g = 0; g < COUNT_OF(generic); g++)
            if (column_has(generic[g], d->examples, ne, d->name))
                fail_msg("%s claims the generic column %s", d->name, generic[g]);
    }
}

/* Look-alikes: the column name decides the country. */
static void test_lookalikes(void **state)
{
    (void)state;
    static const char *const ll6[] = {"EA123456", "EB654321", "EC102030"};
    static const char *const ll6_names[][2] = {
        {"ridicsky_prukaz", "CZECHIA_DRIVING_LICENSE"},       {"juhiluba", "ESTONIA_DRIVING_LICENSE"},
        {"jogositvany", "HUNGARY_DRIVING_LICENSE"},           {"nz_driver_licence", "NEW_ZEALAND_DRIVING_LICENSE"},
        {"passeport_belge", "BELGIUM_PASSPORT_NUMBER"},
        {"zakordonnyi_pasport", "UKRAINE_PASSPORT_NUMBER_INTERNATIONAL"},
    };
    for (size_t i = 0; i < COUNT_OF(ll6_names); i++) {
        dm_detection det[32];
        size_t nd = classify(ll6_names[i][0], ll6, 3, det, 32);
        for (size_t k = 0; k < COUNT_OF(ll6_names); k++) {
            bool has = find_det(det, nd, ll6_names[k][1]) != NULL;
            if (has != (k == i))
                fail_msg("under %s: %s %s", ll6_names[i][0], ll6_names[k][1], has ? "claimed" : "missing");
        }
    }

    /* 8 digits: Austrian, Croatian, Danish, Lithuanian licences, Swedish and
     * Romanian passports */
    static const char *const d8[] = {"12345678", "20304050", "87654321"};
    assert_true(column_has("führerschein", d8, 3, "AUSTRIA_DRIVING_LICENSE"));
    assert_false(column_has("führerschein", d8, 3, "GERMANY_DRIVING_LICENSE"));
    assert_true(column_has("kørekort", d8, 3, "DENMARK_DRIVING_LICENSE"));
    assert_false(column_has("kørekort", d8, 3, "SWEDEN_PASSPORT_NUMBER"));
    assert_true(column_has("passnummer", d8, 3, "SWEDEN_PASSPORT_NUMBER"));
    assert_false(column_has("passnummer", d8, 3, "DENMARK_DRIVING_LICENSE"));
    assert_true(column_has("vozacka_dozvola", d8, 3, "CROATIA_DRIVING_LICENSE"));
    assert_false(column_has("vozacka_dozvola", d8, 3, "LITHUANIA_DRIVING_LICENSE"));

    /* letter + 7 digits: Austria, Switzerland, Slovakia, Estonia */
    static const char *const l7[] = {"X1234567", "S7654321", "P0102030"};
    assert_true(column_has("swiss_passport", l7, 3, "SWITZERLAND_PASSPORT_NUMBER"));
    assert_false(column_has("swiss_passport", l7, 3, "AUSTRIA_PASSPORT_NUMBER"));
    assert_true(column_has("cestovny_pas", l7, 3, "SLOVAKIA_PASSPORT_NUMBER"));
    assert_false(column_has("cestovny_pas", l7, 3, "SLOVAKIA_DRIVING_LICENSE"));
    assert_true(column_has("vodicsky_preukaz", l7, 3, "SLOVAKIA_DRIVING_LICENSE"));
    assert_false(column_has("vodicsky_preukaz", l7, 3, "SLOVAKIA_PASSPORT_NUMBER"));

    /* 2 letters + 7 digits: Finland, Greece, Poland passports */
    static const char *const l2d7[] = {"AE1234567", "XP7654321", "EA0102030"};
    assert_true(column_has("paszport", l2d7, 3, "POLAND_PASSPORT_NUMBER"));
    assert_false(column_has("paszport", l2d7, 3, "GREECE_PASSPORT_NUMBER"));
    assert_true(column_has("diavatirio", l2d7, 3, "GREECE_PASSPORT_NUMBER"));
    assert_false(column_has("diavatirio", l2d7, 3, "FINLAND_PASSPORT_NUMBER"));

    /* a DNI under a Spanish licence name is the licence, not under "dni" */
    static const char *const dni[] = {"12345678Z", "87654321X", "45678901G"};
    assert_true(column_has("permiso_de_conducir", dni, 3, "SPAIN_DRIVING_LICENSE"));
    assert_false(column_has("dni", dni, 3, "SPAIN_DRIVING_LICENSE"));
}

/* The checks and the layouts. */
static void test_validators(void **state)
{
    (void)state;
    assert_int_equal(v("SPAIN_DRIVING_LICENSE", "12345678Z"), DM_WEAK);
    assert_int_equal(v("SPAIN_DRIVING_LICENSE", "12345678A"), DM_NO);       /* mod-23 letter */
    assert_int_equal(v("SPAIN_DRIVING_LICENSE", "X1234567L"), DM_WEAK);     /* NIE */
    assert_int_equal(v("SWEDEN_DRIVING_LICENSE", "811228-9874"), DM_WEAK);
    assert_int_equal(v("SWEDEN_DRIVING_LICENSE", "811228-9875"), DM_NO);    /* Luhn */
    assert_int_equal(v("SWEDEN_DRIVING_LICENSE", "811328-9874"), DM_NO);    /* month 13 */
    assert_int_equal(v("FINLAND_DRIVING_LICENSE", "131052-308T"), DM_WEAK);
    assert_int_equal(v("FINLAND_DRIVING_LICENSE", "131052-309T"), DM_NO);   /* mod 31 */
    assert_int_equal(v("NORWAY_DRIVING_LICENSE", "15038523462"), DM_WEAK);
    assert_int_equal(v("NORWAY_DRIVING_LICENSE", "15038523472"), DM_NO);    /* first check digit */
    assert_int_equal(v("CHILE_DRIVING_LICENSE", "12.345.678-5"), DM_WEAK);
    assert_int_equal(v("CHILE_DRIVING_LICENSE", "12345678-5"), DM_WEAK);
    assert_int_equal(v("CHILE_DRIVING_LICENSE", "12.345.678-4"), DM_NO);
    assert_int_equal(v("CHILE_DRIVING_LICENSE", "12 345 678-5"), DM_NO);    /* joiners of the RUN */
    assert_int_equal(v("SINGAPORE_DRIVING_LICENSE", "S1234567D"), DM_WEAK);
    assert_int_equal(v("SINGAPORE_DRIVING_LICENSE", "S1234567E"), DM_NO);
    assert_int_equal(v("POLAND_DRIVING_LICENSE", "00123/15/0211"), DM_WEAK);
    assert_int_equal(v("POLAND_DRIVING_LICENSE", "0012/315/0211"), DM_NO);  /* 5/2/4 only */
    assert_int_equal(v("GERMANY_DRIVING_LICENSE", "B072RRE2I55"), DM_WEAK);
    assert_int_equal(v("GERMANY_DRIVING_LICENSE", "B072RRE2IX5"), DM_NO);   /* position 10 a digit */
    assert_int_equal(v("AUSTRIA_PASSPORT_NUMBER", "P 1234567"), DM_WEAK);
    assert_int_equal(v("AUSTRIA_PASSPORT_NUMBER", "P 123 4567"), DM_NO);
    assert_int_equal(v("SLOVENIA_PASSPORT_NUMBER", "AB1234567"), DM_NO);    /* starts with P */
    assert_int_equal(v("LUXEMBOURG_PASSPORT_NUMBER", "ABCDEFGH"), DM_NO);   /* needs a digit */
    assert_int_equal(v("AUSTRIA_DRIVING_LICENSE", "11111111"), DM_NO);      /* one digit repeated */

    /* a piece of a longer number is no licence: 8 digits inside an IBAN */
    assert_int_equal(vin("AUSTRIA_DRIVING_LICENSE", "AT61 1904 3002 3457 3201", "3002 3457"), DM_NO);
    assert_int_equal(vin("AUSTRIA_DRIVING_LICENSE", "Nr. 08154711", "08154711"), DM_WEAK);

    /* Ukrainian domestic passport: Cyrillic series, not Latin */
    assert_int_equal(vin("UKRAINE_PASSPORT_NUMBER_DOMESTIC", "МЕ123456", "123456"), DM_WEAK);
    assert_int_equal(vin("UKRAINE_PASSPORT_NUMBER_DOMESTIC", "МЕ 123456", "123456"), DM_WEAK);
    assert_int_equal(vin("UKRAINE_PASSPORT_NUMBER_DOMESTIC", "x 123456", "123456"), DM_NO);
    assert_int_equal(vin("UKRAINE_PASSPORT_NUMBER_DOMESTIC", "é123456", "123456"), DM_NO);
    assert_int_equal(v("UKRAINE_PASSPORT_NUMBER_DOMESTIC", "123456789"), DM_WEAK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_native_names),
        cmocka_unit_test(test_generic_names_unclaimed),
        cmocka_unit_test(test_lookalikes),
        cmocka_unit_test(test_validators),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
