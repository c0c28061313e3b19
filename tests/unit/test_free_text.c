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

static double share(const char *col, const char *entity, const char *const *cells)
{
    dm_engine *eng;
    dm_error err = {0};
    assert_int_equal(dm_engine_new(NULL, &eng, &err), DM_OK);
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
    dm_engine_free(eng);
    return r;
}

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
    assert_true(share("body", "CREDIT_CARD", cells) > 0.3);
}

static void test_order_numbers_in_prose_are_not_cards(void **state)
{
    /* Luhn-failing or prefix-less 16-digit references with other words */
    const char *const cells[] = {
        "Your order 1234567812345678 has shipped.", "Tracking 9400111899223344 updated.",
        "Reference 0000111122223333 closed.", "Order 1111222233334444 refunded.", NULL,
    };
    assert_true(share("body", "CREDIT_CARD", cells) < 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cards_in_sentences),
        cmocka_unit_test(test_order_numbers_in_prose_are_not_cards),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
