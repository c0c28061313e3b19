/*
 * Street addresses written as Poland, Turkey and India write them (issue 11
 * item 5): "ul. Długa 5/3, 00-238 Warszawa", "Atatürk Caddesi No: 12 D: 4",
 * "Flat 12, Gandhi Marg, Pune 411001"; and look-alikes that are no address.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "detect/engine.h"
#include "entity_testlib.h"


static bool is_address(const char *col, const char *cell)
{
    return column_has(col, &cell, 1, "ADDRESS");
}

static void test_addresses(void **state)
{
    const char *const yes[] = {
        "ul. Długa 5/3, 00-238 Warszawa", "al. Jerozolimskie 44, 00-024 Warszawa", "os. Tysiąclecia 12",
        "Atatürk Caddesi No: 12 D: 4, 06100 Ankara", "Bağdat Cad. No: 210", "Lale Sokak No 7", "Gül Sk. 3",
        "Flat 12, Gandhi Marg, Pune 411001", "House No. 45, Nehru Nagar, Bhopal 462003", "Plot 7, Sunder Colony",
        "22 Rajpath Marg", NULL,
    };
    for (const char *const *c = yes; *c; c++)
        if (!is_address("notes", *c))
            fail_msg("not found as an address: %s", *c);
}

static void test_look_alikes(void **state)
{
    const char *const no[] = {
        "Order No: 100", "Invoice 12, Main Street Bank", "Flat 12%", "Marg", "Sokak", "ul.", "Plot 4, chart 7",
        "Time: 10 No: 5", NULL,
    };
    for (const char *const *c = no; *c; c++)
        if (is_address("notes", *c))
            fail_msg("called an address: %s", *c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_addresses),
        cmocka_unit_test(test_look_alikes),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
