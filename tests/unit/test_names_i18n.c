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

static dm_engine *eng;

static int setup(void **state)
{
    dm_error err = {0};
    return dm_engine_new(NULL, &eng, &err) == DM_OK ? 0 : -1;
}

static int teardown(void **state)
{
    dm_engine_free(eng);
    return 0;
}

/* The share of the cells that count for entity under column col, or -1
 * when the column does not get it. */
static double share(const char *col, const char *entity, const char *const *cells)
{
    int id = dm_engine_find(eng, entity);
    assert_true(id >= 0);
    dm_colstats *cs = dm_colstats_new(eng, col);
    for (const char *const *c = cells; *c; c++)
        dm_colstats_add(cs, *c, strlen(*c));
    dm_detection det[32];
    dm_classify_opts o = {0.1, 1};
    size_t n = dm_colstats_verdict(cs, &o, det, 32);
    double r = -1;
    for (size_t i = 0; i < n; i++)
        if (det[i].entity_id == (size_t)id)
            r = det[i].ratio;
    dm_colstats_free(cs);
    return r;
}

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
        double r = share(*n, "DATE_OF_BIRTH", birth_dates);
        if (r < 0.99)
            fail_msg("birth dates under '%s': share %.2f", *n, r);
    }
    /* other dates stay dates */
    const char *const others[] = {"data_pedido", "fecha_factura", "Bestelldatum", "date_commande", NULL};
    for (const char *const *n = others; *n; n++)
        if (share(*n, "DATE_OF_BIRTH", birth_dates) >= 0)
            fail_msg("dates under '%s' called birth dates", *n);
}

static void test_names_under_native_words(void **state)
{
    const char *const people[] = {"Maria Silva", "João Pereira", "Ana Costa", "Pedro Santos", "Rita Oliveira",
                                  "Carlos Ferreira", "Sofia Almeida", "Miguel Rodrigues", NULL};
    const char *const names[] = {"nome", "Nome Completo", "nomeCompleto", "Vorname", "prénom", "PRENOM",
                                 "apellidos", "cognome", "achternaam", "nazwisko", "ad_soyad", NULL};
    for (const char *const *n = names; *n; n++)
        if (share(*n, "PERSON_NAME", people) < 0.5)
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
        if (share(*n, "PERSON_NAME", cells) >= 0)
            fail_msg("cells under '%s' called person names", *n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_birth_dates_in_many_languages),
        cmocka_unit_test(test_names_under_native_words),
        cmocka_unit_test(test_words_against_win),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
