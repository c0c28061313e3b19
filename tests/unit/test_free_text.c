/*
 * Free text (issue 11 item 7): identifiers inside sentences count when the
 * words before them say what they are, in the languages people write
 * tickets in; the same numbers without such words in prose do not. Names
 * after a title or a greeting ("Dear Mr X", "Frau X", "Sr. X") count; a
 * greeting before an everyday word does not.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "detect/engine.h"
#include "entity_testlib.h"

static void test_cards_in_sentences(void **state)
{
    /* bare 16-digit numbers (a MEDIUM match on their own) after the word for
     * "card", among other tickets: 4 of 12 cells */
    const char *const cells[] = {
        "The refund was processed today. I paid with card 4885872270984911. Best wishes",
        "Ich habe mit der Karte 4638623517354123 bezahlt, bitte erstatten.",
        "Paguei com o cartão 3566786112946615, obrigado.",
        "J'ai payé avec la carte 4556737586899855 hier.",
        "Your order has been delayed.", "Thanks for getting back to us.", "Please reply by e-mail.",
        "The parcel arrived damaged.", "Can I change the delivery address?", "Where is my invoice?",
        "Order 4411 is late.", "Thank you!", NULL,
    };
    assert_true(column_share("body", cells, "CREDIT_CARD") > 0.3);
}

static void test_order_numbers_in_prose_are_not_cards(void **state)
{
    /* Luhn-failing or prefix-less 16-digit references with other words */
    const char *const cells[] = {
        "Your order 1234567812345678 has shipped.", "Tracking 9400111899223344 updated.",
        "Reference 0000111122223333 closed.", "Order 1111222233334444 refunded.", NULL,
    };
    assert_true(column_share("body", cells, "CREDIT_CARD") < 0);
}

/* The share of cells a finder reads a name in, whole column. */
static double names_in(const char *const *cells)
{
    return column_share("notes", cells, "PERSON_NAME");
}

static void test_names_after_titles_and_greetings(void **state)
{
    /* one cell per language, as tickets and call notes write them */
    const char *const cells[] = {
        "Dear Mr Smith, your order has been delayed. Kind regards",
        "Hi Sarah, thanks for getting back to us.",
        "Frau Oberhuber hat angerufen. Lieferung verspätet.",
        "Sehr geehrter Herr Müller, die Rechnung wurde erneut versendet.",
        "Bonjour M. Dupont, colis livré en retard.",
        "Mme Lefèvre a rappelé.",
        "Estimado Sr. García: hemos recibido su solicitud.",
        "Estimada Sra. Fernández: la factura está pendiente.",
        "Gentile Sig.ra Rossi, il pacco è in consegna.",
        "Geachte Dhr. de Vries, uw bestelling is verzonden.",
        "Szanowny Pan Kowalski, zamówienie zostało wysłane.",
        "Sayın Bay Yılmaz, siparişiniz kargoya verildi.",
        "Smt Sharma called about the refund.",
        "Prezado Sr. Almeida, pedido entregue.",
        NULL,
    };
    for (const char *const *c = cells; *c; c++) {
        const char *one[] = {*c, NULL};
        if (names_in(one) < 0.99)
            fail_msg("no name found in cell #%d", (int)(c - cells));
    }
}

static void test_titles_without_names(void **state)
{
    /* greetings before everyday words, titles in brands, streets and
     * product text: no name */
    const char *const cells[] = {
        "Dear Customer, your order has been delayed.",
        "Hi Team, the build is green.",
        "Hello World example for the new API.",
        "Delivered to 12 Oak Dr Springfield yesterday.",
        "Bay Area shipping is free this week.",
        "Miss Universe 2024 souvenir mug, 500 ml.",
        "Pan Pizza Classic XL with extra cheese.",
        "Dear Sir or Madam, we received your request.",
        "Estimado cliente: su pedido llegará mañana.",
        "Sehr geehrte Damen und Herren, vielen Dank.",
        NULL,
    };
    for (const char *const *c = cells; *c; c++) {
        const char *one[] = {*c, NULL};
        if (names_in(one) >= 0)
            fail_msg("a name found in cell #%d", (int)(c - cells));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cards_in_sentences),
        cmocka_unit_test(test_order_numbers_in_prose_are_not_cards),
        cmocka_unit_test(test_names_after_titles_and_greetings),
        cmocka_unit_test(test_titles_without_names),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
