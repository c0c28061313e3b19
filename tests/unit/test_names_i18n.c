/*
 * Column names in many languages (src/detect/names_i18n.c): the same values
 * are found under the everyday words of other languages, accents and case
 * do not matter, words against an entity win over words for it, and a
 * category's generic word lets checked identifiers of several countries
 * count in one column.
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


static const char *const birth_dates[] = {
    "12/03/1985", "01/11/1972", "23/07/1990", "30/01/1964", "05/05/2001", "17/09/1958", "09/12/1988",
    "28/02/1979", "14/06/1995", "03/10/1969", NULL,
};

static void test_birth_dates_in_many_languages(void **state)
{
    const char *const names[] = {
        "data_nascimento", "Data de Nascimento", "Geburtsdatum", "GEBURTSDATUM", "date_de_naissance",
        "Date de naissance", "fechaNacimiento", "fecha_nacimiento", "data_di_nascita", "geboortedatum",
        "data_urodzenia", "doğum_tarihi", "Doğum Tarihi", "janm_tithi", "syntymäaika", "födelsedatum",
        "datum_narození", "szuletesi_datum", "customer.birthDate", NULL,
    };
    for (const char *const *n = names; *n; n++) {
        double r = column_share(*n, birth_dates, "DATE_OF_BIRTH");
        if (r < 0.99)
            fail_msg("birth dates under '%s': share %.2f", *n, r);
    }
    /* other dates stay dates */
    const char *const others[] = {"data_pedido", "fecha_factura", "Bestelldatum", "date_commande", NULL};
    for (const char *const *n = others; *n; n++)
        if (column_share(*n, birth_dates, "DATE_OF_BIRTH") >= 0)
            fail_msg("dates under '%s' called birth dates", *n);
}

static void test_names_under_native_words(void **state)
{
    const char *const people[] = {"Maria Silva", "João Pereira", "Ana Costa", "Pedro Santos", "Rita Oliveira",
                                  "Carlos Ferreira", "Sofia Almeida", "Miguel Rodrigues", NULL};
    const char *const names[] = {"nome", "Nome Completo", "nomeCompleto", "Vorname", "prénom", "PRENOM",
                                 "apellidos", "cognome", "achternaam", "familienaam", "nazwisko", "ad_soyad", NULL};
    for (const char *const *n = names; *n; n++)
        if (column_share(*n, people, "PERSON_NAME") < 0.5)
            fail_msg("names under '%s' not found", *n);
}

static void test_words_against_win(void **state)
{
    /* surname-like company and town names under a name word plus a word
     * against people: the word against wins */
    const char *const cells[] = {"Silva Santos", "Pereira Costa", "Oliveira Ferreira", "Almeida Rodrigues",
                                 "Martins Sousa", "Gomes Lopes", "Ribeiro Carvalho", "Pinto Teixeira", NULL};
    const char *const names[] = {"nome_empresa", "nom_entreprise", "razao_social", "Firmenname",
                                 "nome_cidade", "ciudad", "Wohnort", "company_name", "cinsiyet", NULL};
    for (const char *const *n = names; *n; n++)
        if (column_share(*n, cells, "PERSON_NAME") >= 0)
            fail_msg("cells under '%s' called person names", *n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_birth_dates_in_many_languages),
        cmocka_unit_test(test_names_under_native_words),
        cmocka_unit_test(test_words_against_win),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
