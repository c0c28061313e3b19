/*
 * Free text (issue 11 item 7): identifiers inside sentences count when the
 * words before them say what they are, in the languages people write
 * tickets in; the same numbers without such words in prose do not.
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cards_in_sentences),
        cmocka_unit_test(test_order_numbers_in_prose_are_not_cards),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
