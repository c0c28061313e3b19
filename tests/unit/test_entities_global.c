/*
 * Global entities (src/detect/entities/global.c): validators and finders on
 * their own, with the verdict strength each layout earns, then whole columns
 * through the engine.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "detect/checks.h"
#include "detect/engine.h"
#include "entity_testlib.h"

typedef struct found_span {
    dm_verdict v;
    size_t start, end;
} found_span;

typedef struct emits {
    found_span s[8];
    int n;
} emits;

static void collect(void *ctx, dm_verdict verdict, size_t start, size_t end)
{
    emits *e = ctx;
    if (e->n < 8)
        e->s[e->n++] = (found_span){verdict, start, end};
}

static emits run_find(const char *name, const char *cell)
{
    emits e = {0};
    entity(name)->find(cell, strlen(cell), collect, &e);
    return e;
}


/* ---- EMAIL ---------------------------------------------------------------------------- */

static void test_email_find(void **state)
{
    const char *text = "Contact: jane.doe@example.org, or bob+x@mail.example.co.uk.";
    emits e = run_find("EMAIL", text);
    assert_int_equal(e.n, 2);
    assert_int_equal(e.s[0].v, DM_STRONG);
    assert_int_equal(e.s[0].start, 9);
    assert_int_equal(e.s[0].end, 29);
    /* the sentence's final dot is not part of the address */
    assert_int_equal(e.s[1].end, strlen(text) - 1);
    assert_memory_equal(text + e.s[1].start, "bob+x@", 6);

    const char *no[] = {"user@localhost", "a@b", "icon@2x.png", "x@example.c", "john..doe@example.com",
                        ".@example.com", "lodash@4.17.21", "a@-bad.com", "a@bad-.com", "@example.com",
                        "a@b@c.com"};
    for (size_t i = 0; i < COUNT_OF(no); i++) {
        e = run_find("EMAIL", no[i]);
        if (e.n != 0)
            fail_msg("'%s' taken for an email", no[i]);
    }
    /* local part over 64 characters */
    char longl[128];
    memset(longl, 'a', 65);
    strcpy(longl + 65, "@example.com");
    assert_int_equal(run_find("EMAIL", longl).n, 0);
    longl[64] = '@';
    strcpy(longl + 65, "example.com");
    e = run_find("EMAIL", longl);
    assert_int_equal(e.n, 1);
    assert_int_equal(e.s[0].start, 0);
    /* IDN TLD */
    assert_int_equal(run_find("EMAIL", "info@example.xn--p1ai").n, 1);
}

/* ---- CREDIT_CARD ------------------------------------------------------------------------ */

static void test_card(void **state)
{
    /* bare Luhn + issuer: medium; in card grouping: strong */
    assert_int_equal(v("CREDIT_CARD", "4111111111111111"), DM_MEDIUM);
    assert_int_equal(v("CREDIT_CARD", "4111 1111 1111 1111"), DM_STRONG);
    assert_int_equal(v("CREDIT_CARD", "5555-5555-5555-4444"), DM_STRONG);
    assert_int_equal(v("CREDIT_CARD", "3782 822463 10005"), DM_STRONG);      /* Amex 4-6-5 */
    assert_int_equal(v("CREDIT_CARD", "3056 930902 5904"), DM_STRONG);       /* Diners 4-6-4 */
    assert_int_equal(v("CREDIT_CARD", "2223000048400011"), DM_MEDIUM);       /* Mastercard 2-series */
    assert_int_equal(v("CREDIT_CARD", "6011111111111117"), DM_MEDIUM);       /* Discover */
    assert_int_equal(v("CREDIT_CARD", "3530111333300000"), DM_MEDIUM);       /* JCB */
    assert_int_equal(v("CREDIT_CARD", "6759649826438453"), DM_MEDIUM);       /* Maestro */
    assert_int_equal(v("CREDIT_CARD", "2200000000000004"), DM_MEDIUM);       /* Mir */
    /* test numbers are cards like any other */
    assert_int_equal(v("CREDIT_CARD", "4012888888881881"), DM_MEDIUM);

    assert_int_equal(v("CREDIT_CARD", "4111111111111112"), DM_NO);          /* Luhn */
    assert_int_equal(v("CREDIT_CARD", "0000000000000000"), DM_NO);          /* Luhn ok, no issuer */
    assert_int_equal(v("CREDIT_CARD", "9999999999999995"), DM_NO);          /* Luhn ok, no issuer */
    assert_int_equal(v("CREDIT_CARD", "3782822463100051"), DM_NO);          /* Amex is 15 digits */
    assert_int_equal(v("CREDIT_CARD", "555555555555444"), DM_NO);           /* Mastercard is 16 */
    assert_int_equal(v("CREDIT_CARD", "4111 11111111 1111"), DM_NO);        /* not a card grouping */
    assert_int_equal(v("CREDIT_CARD", "4111.1111.1111.1111"), DM_NO);
    assert_int_equal(v("CREDIT_CARD", "4111 1111-1111 1111"), DM_NO);       /* mixed joiners */
    /* the first groups of a longer number are not a card */
    assert_int_equal(vin("CREDIT_CARD", "4111 1111 1111 1111 1111", "4111 1111 1111 1111"), DM_NO);
}

static void test_card_columns(void **state)
{
    /* 16-digit numbers that fail Luhn: never cards, whatever the column */
    const char *bad[] = {"4111111111111112", "5555555555554445", "6011111111111118", "4012888888881882",
                         "3530111333300001"};
    assert_false(column_has("credit_card", bad, COUNT_OF(bad), "CREDIT_CARD"));
    assert_false(column_has("value", bad, COUNT_OF(bad), "CREDIT_CARD"));
    /* bare valid numbers: medium, enough when most of the column holds them */
    const char *good[] = {"4111111111111111", "5555555555554444", "6011111111111117", "4012888888881881",
                          "3530111333300000"};
    assert_true(column_has("value", good, COUNT_OF(good), "CREDIT_CARD"));
    /* one grouped card in free text is strong on its own */
    const char *text[] = {"paid with 4111 1111 1111 1111 yesterday", "no card here", "nothing", "x", "y"};
    assert_true(column_has("notes", text, COUNT_OF(text), "CREDIT_CARD"));
}

/* ---- IP_ADDRESS ------------------------------------------------------------------------- */

static void test_ipv4(void **state)
{
    assert_int_equal(v("IP_ADDRESS", "192.168.1.20"), DM_STRONG);
    assert_int_equal(v("IP_ADDRESS", "255.255.255.255"), DM_STRONG);
    assert_int_equal(v("IP_ADDRESS", "10.0.0.1"), DM_STRONG);
    assert_int_equal(v("IP_ADDRESS", "1.2.3.4"), DM_MEDIUM);       /* version-like */
    assert_int_equal(v("IP_ADDRESS", "0.9.12.100"), DM_MEDIUM);
    assert_int_equal(v("IP_ADDRESS", "300.1.2.3"), DM_NO);
    assert_int_equal(v("IP_ADDRESS", "1.2.3.256"), DM_NO);
    assert_int_equal(v("IP_ADDRESS", "192.168.01.1"), DM_NO);       /* leading zero */
    assert_int_equal(v("IP_ADDRESS", "192-168-1-20"), DM_NO);

    /* version strings */
    assert_int_equal(vin("IP_ADDRESS", "Chrome/120.0.0.0 Safari", "120.0.0.0"), DM_NO);
    assert_int_equal(vin("IP_ADDRESS", "1.2.3.4.5", "1.2.3.4"), DM_NO);
    assert_int_equal(vin("IP_ADDRESS", "1.2.3.4.5", "2.3.4.5"), DM_NO);
    assert_int_equal(vin("IP_ADDRESS", "version 10.2.0.1", "10.2.0.1"), DM_NO);
    assert_int_equal(vin("IP_ADDRESS", "v. 10.2.0.1", "10.2.0.1"), DM_NO);
    /* ... but not a URL, a port, a CIDR, or a sentence */
    assert_int_equal(vin("IP_ADDRESS", "http://10.2.0.1/admin", "10.2.0.1"), DM_STRONG);
    assert_int_equal(vin("IP_ADDRESS", "10.2.0.1:8080", "10.2.0.1"), DM_STRONG);
    assert_int_equal(vin("IP_ADDRESS", "10.2.0.0/16", "10.2.0.0"), DM_STRONG);
    assert_int_equal(vin("IP_ADDRESS", "from 10.2.0.1.", "10.2.0.1"), DM_STRONG);
}

static void test_ipv6(void **state)
{
    const char *yes[] = {"2001:db8:85a3::8a2e:370:7334", "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
                         "::ffff:192.0.2.128", "fe80::1ff:fe23:4567:890a"};
    for (size_t i = 0; i < COUNT_OF(yes); i++) {
        emits e = run_find("IP_ADDRESS", yes[i]);
        assert_int_equal(e.n, 1);
        assert_int_equal(e.s[0].v, DM_STRONG);
        assert_int_equal(e.s[0].start, 0);
        assert_int_equal(e.s[0].end, strlen(yes[i]));
    }
    emits e = run_find("IP_ADDRESS", "::1");
    assert_int_equal(e.n, 1);
    assert_int_equal(e.s[0].v, DM_MEDIUM);
    /* inside text, brackets and ports */
    e = run_find("IP_ADDRESS", "GET from [2001:db8::1]:443 ok");
    assert_int_equal(e.n, 1);
    assert_int_equal(e.s[0].start, 10);
    assert_int_equal(e.s[0].end, 21);
    e = run_find("IP_ADDRESS", "host 2001:db8::7: refused");
    assert_int_equal(e.n, 1);
    assert_int_equal(e.s[0].end, 16);

    const char *no[] = {"12:30:45", "10:30:00.123", "2024-01-15T10:30:00Z", "00:1a:2b:3c:4d:5e",
                        "std::vector<int>", "Foo::Bar::baz", "dead::beef", "de:ad:be:ef:00:11:22:33",
                        "1:2", "2001:db8:::1", "ratio 3:4:5"};
    for (size_t i = 0; i < COUNT_OF(no); i++) {
        e = run_find("IP_ADDRESS", no[i]);
        if (e.n != 0)
            fail_msg("'%s' taken for IPv6", no[i]);
    }
}

static void test_ip_columns(void **state)
{
    const char *ua[] = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.109 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1.2.0 Safari/605.1.15",
        "curl/8.4.0.1", "MyApp/2.10.3.4 (build 1.2.3.4.5)"};
    assert_false(column_has("user_agent", ua, COUNT_OF(ua), "IP_ADDRESS"));
    const char *bad[] = {"300.1.2.3", "256.256.256.256", "999.1.1.1"};
    assert_false(column_has("ip", bad, COUNT_OF(bad), "IP_ADDRESS"));
    /* dotted quads under a version column are versions */
    const char *vers[] = {"10.2.0.1", "10.2.1.0", "10.3.0.12", "11.0.0.4"};
    assert_false(column_has("app_version", vers, COUNT_OF(vers), "IP_ADDRESS"));
    assert_true(column_has("host", vers, COUNT_OF(vers), "IP_ADDRESS"));
    const char *logs[] = {"GET /index.html from 203.0.113.7", "POST /login from 198.51.100.23",
                          "GET / from 2001:db8::42", "health check"};
    assert_true(column_has("message", logs, COUNT_OF(logs), "IP_ADDRESS"));
}

/* ---- MAC_ADDRESS -------------------------------------------------------------------------- */

static void test_mac(void **state)
{
    assert_int_equal(v("MAC_ADDRESS", "00:1A:2B:3C:4D:5E"), DM_STRONG);
    assert_int_equal(v("MAC_ADDRESS", "a4-5e-60-c2-19-8f"), DM_STRONG);
    assert_int_equal(v("MAC_ADDRESS", "0011.22aa.bbcc"), DM_STRONG);
    assert_int_equal(v("MAC_ADDRESS", "12:34:56:78:90:12"), DM_MEDIUM);   /* decimal pairs */
    assert_int_equal(v("MAC_ADDRESS", "1234.5678.9012"), DM_WEAK);
    /* placeholder and broadcast name no device */
    assert_int_equal(v("MAC_ADDRESS", "00:00:00:00:00:00"), DM_NO);
    assert_int_equal(v("MAC_ADDRESS", "FF:FF:FF:FF:FF:FF"), DM_NO);
    assert_int_equal(v("MAC_ADDRESS", "ff-ff-ff-ff-ff-ff"), DM_NO);
    assert_int_equal(v("MAC_ADDRESS", "00:1G:2B:3C:4D:5E"), DM_NO);
    assert_int_equal(v("MAC_ADDRESS", "00:1A-2B:3C-4D:5E"), DM_NO);
    assert_int_equal(v("MAC_ADDRESS", "00.1A.2B.3C.4D.5E"), DM_NO);
    assert_int_equal(vin("MAC_ADDRESS", "aa:bb:cc:dd:ee:ff:00:11", "aa:bb:cc:dd:ee:ff"), DM_NO);
}

/* ---- PHONE_NUMBER ---------------------------------------------------------------------------- */

static void test_phone_e164(void **state)
{
    assert_int_equal(vin("PHONE_NUMBER", "+1 415 555 2671", "1 415 555 2671"), DM_STRONG);
    assert_int_equal(vin("PHONE_NUMBER", "+14155552671", "14155552671"), DM_STRONG);
    assert_int_equal(vin("PHONE_NUMBER", "+1 (415) 555-2671", "1 (415) 555-2671"), DM_STRONG);
    assert_int_equal(vin("PHONE_NUMBER", "+44 20 7946 0958", "44 20 7946 0958"), DM_STRONG);
    assert_int_equal(vin("PHONE_NUMBER", "+44 (0)20 7946 0958", "44 (0)20 7946 0958"), DM_STRONG);
    assert_int_equal(vin("PHONE_NUMBER", "+33 1 42 68 53 00", "33 1 42 68 53 00"), DM_STRONG);
    assert_int_equal(vin("PHONE_NUMBER", "+49 30 901820", "49 30 901820"), DM_STRONG);
    assert_int_equal(vin("PHONE_NUMBER", "+39 06 1234 5678", "39 06 1234 5678"), DM_STRONG);
    assert_int_equal(vin("PHONE_NUMBER", "+81 90-1234-5678", "81 90-1234-5678"), DM_STRONG);
    assert_int_equal(vin("PHONE_NUMBER", "tel:+353 1 234 5678", "353 1 234 5678"), DM_STRONG);
    /* assigned code without a plan we know: medium */
    assert_int_equal(vin("PHONE_NUMBER", "+256 41 4123456", "256 41 4123456"), DM_MEDIUM);
    /* "00" international prefix instead of '+': medium at most */
    assert_int_equal(v("PHONE_NUMBER", "0044 20 7946 0958"), DM_MEDIUM);

    assert_int_equal(vin("PHONE_NUMBER", "+1 015 555 2671", "1 015 555 2671"), DM_NO);  /* NANP area */
    assert_int_equal(vin("PHONE_NUMBER", "+1 415 155 2671", "1 415 155 2671"), DM_NO);  /* exchange */
    assert_int_equal(vin("PHONE_NUMBER", "+1 415 555 0123", "1 415 555 0123"), DM_NO);  /* fiction */
    assert_int_equal(vin("PHONE_NUMBER", "+44 20 7946 09", "44 20 7946 09"), DM_NO);    /* short */
    assert_int_equal(vin("PHONE_NUMBER", "+33 01 42 68 53 00", "33 01 42 68 53 00"), DM_NO);
    assert_int_equal(vin("PHONE_NUMBER", "+999 1234 5678", "999 1234 5678"), DM_NO);    /* unassigned */
    assert_int_equal(vin("PHONE_NUMBER", "+4 4 20 7946 0958", "4 4 20 7946 0958"), DM_NO);
    assert_int_equal(vin("PHONE_NUMBER", "+1 415:555:2671", "1 415:555:2671"), DM_NO);
    /* the tail of a '+' number is not a number of its own */
    assert_int_equal(vin("PHONE_NUMBER", "+1 415 555 2671", "415 555 2671"), DM_NO);
}

static void test_phone_national(void **state)
{
    /* NANP */
    assert_int_equal(vin("PHONE_NUMBER", "(415) 555-2671", "415) 555-2671"), DM_STRONG);
    assert_int_equal(v("PHONE_NUMBER", "1-415-555-2671"), DM_STRONG);
    assert_int_equal(v("PHONE_NUMBER", "1 (415) 555-2671"), DM_STRONG);
    assert_int_equal(v("PHONE_NUMBER", "1(415)555-2671"), DM_STRONG);
    assert_int_equal(vin("PHONE_NUMBER", "(415)555-2671", "415)555-2671"), DM_STRONG);
    assert_int_equal(vin("PHONE_NUMBER", "(415):555-2671", "415):555-2671"), DM_NO);
    assert_int_equal(v("PHONE_NUMBER", "1 415 555 2671"), DM_MEDIUM);
    assert_int_equal(v("PHONE_NUMBER", "415 555-2671"), DM_MEDIUM);
    assert_int_equal(v("PHONE_NUMBER", "415.555-2671"), DM_MEDIUM);
    assert_int_equal(v("PHONE_NUMBER", "415-555/2671"), DM_NO);
    assert_int_equal(v("PHONE_NUMBER", "415-555-2671"), DM_MEDIUM);
    assert_int_equal(v("PHONE_NUMBER", "415.555.2671"), DM_MEDIUM);
    assert_int_equal(v("PHONE_NUMBER", "4155552671"), DM_WEAK);
    assert_int_equal(v("PHONE_NUMBER", "415-555-0150"), DM_NO);     /* 555-01xx */
    assert_int_equal(v("PHONE_NUMBER", "415-055-2671"), DM_NO);
    assert_int_equal(v("PHONE_NUMBER", "415-555:2671"), DM_NO);
    /* national layouts: medium; bare: weak */
    assert_int_equal(v("PHONE_NUMBER", "020 7946 0958"), DM_MEDIUM);        /* UK */
    assert_int_equal(v("PHONE_NUMBER", "07700 900123"), DM_MEDIUM);
    assert_int_equal(v("PHONE_NUMBER", "01 42 68 53 00"), DM_MEDIUM);       /* FR */
    assert_int_equal(v("PHONE_NUMBER", "912 345 678"), DM_MEDIUM);          /* ES */
    assert_int_equal(v("PHONE_NUMBER", "030/901820"), DM_MEDIUM);           /* DE */
    assert_int_equal(v("PHONE_NUMBER", "02241 12345"), DM_WEAK);
    assert_int_equal(v("PHONE_NUMBER", "347 1234567"), DM_MEDIUM);          /* IT */
    assert_int_equal(v("PHONE_NUMBER", "06-12345678"), DM_MEDIUM);          /* NL */
    assert_int_equal(v("PHONE_NUMBER", "98765 43210"), DM_MEDIUM);          /* IN */
    assert_int_equal(vin("PHONE_NUMBER", "(11) 91234-5678", "11) 91234-5678"), DM_MEDIUM);   /* BR */
    assert_int_equal(v("PHONE_NUMBER", "0412 345 678"), DM_MEDIUM);         /* AU */
    assert_int_equal(v("PHONE_NUMBER", "03-1234-5678"), DM_MEDIUM);         /* JP */
    assert_int_equal(v("PHONE_NUMBER", "090-1234-5678"), DM_MEDIUM);
    assert_int_equal(v("PHONE_NUMBER", "0142685300"), DM_WEAK);
    /* not phones */
    assert_int_equal(v("PHONE_NUMBER", "2024-01-15"), DM_NO);
    assert_int_equal(v("PHONE_NUMBER", "0000000000"), DM_NO);
    assert_int_equal(v("PHONE_NUMBER", "978-3-16-148410-0"), DM_NO);       /* ISBN */
    assert_int_equal(v("PHONE_NUMBER", "12345678"), DM_NO);
    assert_int_equal(vin("PHONE_NUMBER", "4111 1111 1111 1111", "1111 1111 1111"), DM_NO);
}

static void test_phone_columns(void **state)
{
    const char *us[] = {"(415) 555-2671", "(212) 555-0199", "(650) 253-0000", "(312) 555-7788"};
    /* 212-555-0199 is fictional: three of four still make the column */
    assert_true(column_has("contact", us, COUNT_OF(us), "PHONE_NUMBER"));
    const char *bare[] = {"4155552671", "6502530000", "3125557788", "2125550100"};
    assert_false(column_has("value", bare, COUNT_OF(bare), "PHONE_NUMBER"));
    assert_true(column_has("mobile", bare, COUNT_OF(bare), "PHONE_NUMBER"));
    assert_true(column_has("telefono_movil", bare, COUNT_OF(bare), "PHONE_NUMBER"));
}

/* ---- BANK_ACCOUNT ----------------------------------------------------------------------------- */

static void test_bank(void **state)
{
    assert_int_equal(v("BANK_ACCOUNT", "12345678"), DM_WEAK);
    assert_int_equal(v("BANK_ACCOUNT", "12345678901234567"), DM_WEAK);
    assert_int_equal(v("BANK_ACCOUNT", "4100-2233-9981"), DM_WEAK);
    assert_int_equal(v("BANK_ACCOUNT", "1234567"), DM_NO);
    assert_int_equal(v("BANK_ACCOUNT", "123456789012345678"), DM_NO);
    assert_int_equal(v("BANK_ACCOUNT", "00000000"), DM_NO);
    assert_int_equal(v("BANK_ACCOUNT", "1234.5678.9012"), DM_NO);
    /* after a valid ABA routing number: a routing + account pair */
    assert_int_equal(vin("BANK_ACCOUNT", "021000021 123456789", "123456789"), DM_MEDIUM);
    assert_int_equal(vin("BANK_ACCOUNT", "routing 011000015, account 4455667788", "4455667788"), DM_MEDIUM);
    assert_int_equal(vin("BANK_ACCOUNT", "021000022 123456789", "123456789"), DM_WEAK);

    assert_true(dm_aba_routing("021000021", 9));    /* JPMorgan Chase, NY */
    assert_true(dm_aba_routing("011000015", 9));    /* Federal Reserve Bank of Boston */
    assert_true(dm_aba_routing("121000358", 9));
    assert_false(dm_aba_routing("021000022", 9));   /* check digit */
    assert_false(dm_aba_routing("000000000", 9));
    assert_false(dm_aba_routing("401000020", 9));   /* 40 is no Fed prefix */
    assert_false(dm_aba_routing("02100002", 8));

    const char *acct[] = {"000123456789", "987654321", "4455667788", "120034569981"};
    assert_true(column_has("account_number", acct, COUNT_OF(acct), "BANK_ACCOUNT"));
    assert_true(column_has("Kontonummer", acct, COUNT_OF(acct), "BANK_ACCOUNT"));
    assert_false(column_has("quantity", acct, COUNT_OF(acct), "BANK_ACCOUNT"));
    const char *ctx[] = {"checking account 00123456789012", "n/a", "unknown", "later", "none yet"};
    assert_true(column_has("notes", ctx, COUNT_OF(ctx), "BANK_ACCOUNT"));
    /* "checking" alone names no account */
    const char *chk[] = {"checking order 00123456789012", "n/a", "unknown", "later", "none yet"};
    assert_false(column_has("notes", chk, COUNT_OF(chk), "BANK_ACCOUNT"));
}

/* ---- AWS keys ---------------------------------------------------------------------------------- */

static void test_aws_access_key(void **state)
{
    assert_int_equal(v("AWS_ACCESS_KEY", "AKIA2OGYBAH6RTGWS5PQ"), DM_STRONG);
    assert_int_equal(v("AWS_ACCESS_KEY", "ASIAZ4K7Q2MNX3VB5R6T"), DM_STRONG);
    assert_int_equal(v("AWS_ACCESS_KEY", "AROA3XFRBF535PLBIFPI"), DM_STRONG);
    assert_int_equal(v("AWS_ACCESS_KEY", "AKIAIOSFODNN7EXAMPLE"), DM_NO);   /* documentation */
    assert_int_equal(v("AWS_ACCESS_KEY", "akia2ogybah6rtgws5pq"), DM_NO);
    assert_int_equal(v("AWS_ACCESS_KEY", "AKIA2OGYBAH6RTGWS5P8"), DM_NO);   /* 8 is not base 32 */
    assert_int_equal(v("AWS_ACCESS_KEY", "ABCD2OGYBAH6RTGWS5PQ"), DM_NO);
    assert_int_equal(v("AWS_ACCESS_KEY", "AKIA-2OGYBAH6RTGWS5PQ"), DM_NO);

    const char *cfg[] = {"aws_access_key_id = AKIA2OGYBAH6RTGWS5PQ", "region = us-east-1", "output = json"};
    assert_true(column_has("line", cfg, COUNT_OF(cfg), "AWS_ACCESS_KEY"));
}

static void test_aws_secret_key(void **state)
{
    const char *key = "q2T8vZ0xLk4Rj+9mW3pN7bYc1HsE6uAf/D5gK0oQ";
    emits e = run_find("AWS_SECRET_KEY", key);
    assert_int_equal(e.n, 1);
    assert_int_equal(e.s[0].v, DM_MEDIUM);
    char line[128];
    snprintf(line, sizeof line, "aws_secret_access_key=%s", key);
    e = run_find("AWS_SECRET_KEY", line);
    assert_int_equal(e.n, 1);
    assert_int_equal(e.s[0].start, 22);
    assert_int_equal(e.s[0].end, 62);

    const char *no[] = {
        "da39a3ee5e6b4b0d3255bfef95601890afd80709",     /* SHA-1 */
        "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",     /* AWS documentation */
        "VGhlIHF1aWNrIGJyb3duIGZveCBqdW1wcyBvdmVy",     /* base64("The quick brown fox jumps over") */
        "q2T8vZ0xLk4Rj+9mW3pN7bYc1HsE6uAf/D5gK0oQ==",   /* longer base64 */
        "xq2T8vZ0xLk4Rj+9mW3pN7bYc1HsE6uAf/D5gK0oQ",
        "eyJhbGciOiJIUzI1NiJ9.q2T8vZ0xLk4Rj-9mW3pN7bYc1HsE6uAf_D5gK0oQ",
        "usr/local/lib/python3/site/packages/abc1",     /* a path */
        "ThisIsAnIdentifierWithLongLowercase12345",
        "q2T8vZ0xLk4Rj+9mW3pN7bYc1HsE6uAf/D5gK0o",      /* 39 */
    };
    for (size_t i = 0; i < COUNT_OF(no); i++) {
        e = run_find("AWS_SECRET_KEY", no[i]);
        if (e.n != 0)
            fail_msg("'%s' taken for a secret key", no[i]);
    }
    /* medium alone; "secret" before it in the cell makes it count */
    const char *lines[] = {"secret: q2T8vZ0xLk4Rj+9mW3pN7bYc1HsE6uAf/D5gK0oQ", "a", "b", "c", "d"};
    assert_true(column_has("config", lines, COUNT_OF(lines), "AWS_SECRET_KEY"));
    const char *bare[] = {"q2T8vZ0xLk4Rj+9mW3pN7bYc1HsE6uAf/D5gK0oQ", "a", "b", "c", "d"};
    assert_false(column_has("config", bare, COUNT_OF(bare), "AWS_SECRET_KEY"));
}

/* ---- EMAIL columns ------------------------------------------------------------------------------- */

static void test_email_columns(void **state)
{
    const char *text[] = {"Please reach me at anna.k@example.com after 5pm",
                          "forwarded from support@help.example.org: ticket closed", "no contact given",
                          "see attached"};
    assert_true(column_has("comment", text, COUNT_OF(text), "EMAIL"));
    const char *hosts[] = {"user@localhost", "root@127.0.0.1", "a@b", "git@server"};
    assert_false(column_has("email", hosts, COUNT_OF(hosts), "EMAIL"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_email_find),        cmocka_unit_test(test_email_columns),
        cmocka_unit_test(test_card),              cmocka_unit_test(test_card_columns),
        cmocka_unit_test(test_ipv4),              cmocka_unit_test(test_ipv6),
        cmocka_unit_test(test_ip_columns),        cmocka_unit_test(test_mac),
        cmocka_unit_test(test_phone_e164),        cmocka_unit_test(test_phone_national),
        cmocka_unit_test(test_phone_columns),     cmocka_unit_test(test_bank),
        cmocka_unit_test(test_aws_access_key),    cmocka_unit_test(test_aws_secret_key),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
