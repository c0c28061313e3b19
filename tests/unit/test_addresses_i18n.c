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

static bool is_address(const char *col, const char *cell)
{
    int id = dm_engine_find(eng, "ADDRESS");
    dm_colstats *cs = dm_colstats_new(eng, col);
    dm_colstats_add(cs, cell, strlen(cell));
    dm_detection det[16];
    dm_classify_opts o = {0.1, 1};
    size_t n = dm_colstats_verdict(cs, &o, det, 16);
    bool hit = false;
    for (size_t i = 0; i < n; i++)
        hit = hit || det[i].entity_id == (size_t)id;
    dm_colstats_free(cs);
    return hit;
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
    return cmocka_run_group_tests(tests, setup, teardown);
}
