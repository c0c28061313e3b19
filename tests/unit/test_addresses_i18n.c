/*
 * Street addresses written as Poland, Turkey and India write them (issue 11
 * item 5): "ul. Długa 5/3, 00-238 Warszawa", "Atatürk Caddesi No: 12 D: 4",
 * "Flat 12, Gandhi Marg, Pune 411001"; Japanese block addresses in kanji and
 * romanised ("千代田区千代田1丁目1番1号", "6-29-9 Yamanojo, Akaike 460-4066");
 * and look-alikes that are no address.
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

/* Japan numbers blocks, not streets: kanji with a municipality and chome /
 * banchi / go, or romanised block numbers with a place word or a postcode. */
static void test_japanese(void **state)
{
    const char *const yes[] = {
        "東京都千代田区千代田1丁目1番1号", "〒530-0001 大阪府大阪市北区梅田3丁目1番3号", "北海道札幌市中央区北1条西2丁目",
        "神奈川県横浜市西区みなとみらい2番地", "6-29-9 Yamanojo, Akaike 460-4066", "1-19-12 Zushimachi, Obanazawa",
        "Ginza 4-chome 5-6, Chuo-ku, Tokyo", "2-1-8 Kuramatsu-cho, Kamaishi", NULL,
    };
    const char *const no[] = {
        "1-2-3 Classic", "Order 12-03-84 Berlin", "Pro 3-12-5 Kit", "call 03-1234-5678 Sato", "100-0001",
        "東京都千代田区", "3番", "version 1-2-3 Release", NULL,
    };
    for (const char *const *c = yes; *c; c++)
        if (!is_address("notes", *c))
            fail_msg("not found as an address: %s", *c);
    for (const char *const *c = no; *c; c++)
        if (is_address("notes", *c))
            fail_msg("called an address: %s", *c);
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
        cmocka_unit_test(test_japanese),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
