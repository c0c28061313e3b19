/*
 * Global entities: EMAIL, CREDIT_CARD, IP_ADDRESS, MAC_ADDRESS, PHONE_NUMBER,
 * BANK_ACCOUNT, AWS_ACCESS_KEY, AWS_SECRET_KEY.
 *
 * Formats and where they come from:
 * - EMAIL: RFC 5321/5322 addr-spec restricted to the dot-atom forms seen in
 *   data ([A-Za-z0-9._%+-] local part, LDH domain labels of 1-63, an
 *   alphabetic TLD of 2+ or an "xn--" one); local part <= 64, total <= 254.
 * - CREDIT_CARD: ISO/IEC 7812 Luhn; issuer ranges (IIN) and lengths as the
 *   networks publish them (Visa, Mastercard incl. the 2221-2720 series, Amex,
 *   Discover/Diners/JCB/UnionPay/RuPay per Discover's IIN tables, Maestro, Mir,
 *   Dankort, Verve, Troy, Elo).
 * - IP_ADDRESS: RFC 791 dotted quad (no leading zeros, the way inet_pton
 *   reads it), RFC 4291 / RFC 5952 text forms of IPv6.
 * - MAC_ADDRESS: IEEE 802 EUI-48 written as six hex pairs with ':' or '-'
 *   (IEEE 802-2014 9.2.1 uses '-'), or Cisco's dotted 4.4.4.
 * - PHONE_NUMBER: ITU-T E.164 (country codes of the ITU list of assigned
 *   codes, at most 15 digits), national significant number lengths from the
 *   national plans; national layouts of NANP (NANPA: NXX area codes and
 *   exchanges, 555-0100..0199 reserved for fiction), UK (Ofcom), DE, FR, ES,
 *   IT, NL, IN, BR, AU, JP.
 * - BANK_ACCOUNT: what AWS Glue's BANK_ACCOUNT and Macie/Purview call a U.S.
 *   bank account number: 8-17 digits with no check digit. An ABA routing
 *   number (ABA check, Fed prefixes) right before it raises it.
 * - AWS_ACCESS_KEY: IAM unique-ID prefixes (IAM user guide, "Understanding
 *   unique ID prefixes") + 16 base-32 characters [A-Z2-7].
 * - AWS_SECRET_KEY: 40 characters of the base64 alphabet.
 * The documented placeholders (AKIAIOSFODNN7EXAMPLE, the "...EXAMPLEKEY"
 * secret) are refused: they mark documentation, not credentials.
 */
#include <arpa/inet.h>
#include <stdint.h>
#include <string.h>

#include "detect/entities/entity_impl.h"

/* ---- ASCII helpers (no locale) ---------------------------------------------- */

static inline bool is_alnum(char c)
{
    return is_digit(c) || is_alpha(c);
}

static inline bool is_hex(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static inline bool is_joiner(char c)
{
    return c == ' ' || c == '-' || c == '.' || c == '/' || c == ':' || c == '(' || c == ')';
}

static inline char lower(char c)
{
    return is_upper(c) ? (char)(c + 32) : c;
}

/* Value of the first k digits of d. */

/* A piece of a longer number (see dm_glued). */
static bool glued(const dm_span *s)
{
    return dm_glued(s->cell, s->cell_len, s->start, s->end, s->ngroups > 1 ? s->sep[1] : 0);
}

/* Every joiner between groups is c, one char long. */
static bool seps_all(const dm_span *s, char c)
{
    for (int i = 1; i < s->ngroups; i++)
        if (s->sep[i] != c || s->seplen[i] != 1)
            return false;
    return true;
}

/* Group lengths read as a string of digits: "334" for 415-555-2671. */
static bool layout_is(const dm_span *s, const char *pat)
{
    int n = (int)strlen(pat);
    if (n != s->ngroups)
        return false;
    for (int i = 0; i < n; i++)
        if (s->glen[i] != pat[i] - '0')
            return false;
    return true;
}

/* ---- EMAIL ------------------------------------------------------------------- */

static inline bool email_local_char(char c)
{
    return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

static inline bool email_domain_char(char c)
{
    return is_alnum(c) || c == '.' || c == '-';
}

/* Domain dom[0, n): two or more LDH labels of 1-63, the last alphabetic of
 * 2-63 or an IDN "xn--" label; not an asset name like "2x.png". */
static bool email_domain_ok(const char *dom, size_t n)
{
    size_t labels = 0, ls = 0;
    if (n < 4 || n > 253)
        return false;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && dom[i] != '.')
            continue;
        size_t ll = i - ls;
        if (ll == 0 || ll > 63 || dom[ls] == '-' || dom[i - 1] == '-')
            return false;
        labels++;
        if (i == n) {
            const char *t = dom + ls;
            if (ll >= 5 && lower(t[0]) == 'x' && lower(t[1]) == 'n' && t[2] == '-' && t[3] == '-')
                break;
            if (ll < 2)
                return false;
            for (size_t k = 0; k < ll; k++)
                if (!is_alpha(t[k]))
                    return false;
        }
        ls = i + 1;
    }
    if (labels < 2)
        return false;
    /* "icon@2x.png": retina asset names, not addresses */
    if (is_digit(dom[0]) && lower(dom[1]) == 'x' && dom[2] == '.')
        return false;
    return true;
}

static void email_find(const char *cell, size_t len, dm_emit_fn emit, void *ctx)
{
    size_t pos = 0, done = 0;
    while (pos < len) {
        const char *at = memchr(cell + pos, '@', len - pos);
        if (at == NULL)
            return;
        size_t a = (size_t)(at - cell);
        pos = a + 1;
        size_t ls = a;
        while (ls > done && a - ls <= 64 && email_local_char(cell[ls - 1]))
            ls--;
        if (a - ls > 64)
            continue;
        while (ls < a && cell[ls] == '.')
            ls++;
        if (ls == a || cell[a - 1] == '.' || (ls > 0 && cell[ls - 1] == '@'))
            continue;
        bool dots = false;
        for (size_t i = ls + 1; i < a && !dots; i++)
            dots = cell[i] == '.' && cell[i - 1] == '.';
        if (dots)
            continue;
        size_t de = a + 1;
        while (de < len && de - a <= 254 && email_domain_char(cell[de]))
            de++;
        if (de < len && (cell[de] == '@' || cell[de] == '_'))
            continue;
        while (de > a + 1 && cell[de - 1] == '.')  /* sentence end: "write to x@y.com." */
            de--;
        if (de - ls > 254 || !email_domain_ok(cell + a + 1, de - a - 1))
            continue;
        emit(ctx, DM_STRONG, ls, de);
        done = de;
        pos = de;
    }
}

/* ---- CREDIT_CARD --------------------------------------------------------------- */

/* Issuer range and length per issuer (digits d[0, n), all digits). */
static bool card_issuer_ok(const char *d, size_t n)
{
    int p2 = dm_digits_value(d, 2), p3 = dm_digits_value(d, 3), p4 = dm_digits_value(d, 4), p6 = dm_digits_value(d, 6);
    bool l16_19 = n >= 16 && n <= 19;
    if (d[0] == '4')                                    /* Visa (Elo 4xxx inside) */
        return n == 13 || n == 16 || n == 19;
    if (p2 >= 51 && p2 <= 55)                           /* Mastercard */
        return n == 16;
    if (p4 >= 2221 && p4 <= 2720)                       /* Mastercard 2-series */
        return n == 16;
    if (p4 >= 2200 && p4 <= 2204)                       /* Mir */
        return l16_19;
    if (p2 == 34 || p2 == 37)                           /* American Express */
        return n == 15;
    if (p4 >= 3528 && p4 <= 3589)                       /* JCB */
        return l16_19;
    if ((p3 >= 300 && p3 <= 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39)
        return n >= 14 && n <= 19;                      /* Diners Club */
    if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65)
        return l16_19;                                  /* Discover (RuPay, Elo 65xx) */
    if (p2 == 62)                                       /* UnionPay (Discover 622126-622925) */
        return l16_19;
    if (p2 == 81 && p4 <= 8171)                         /* UnionPay 8100-8171 */
        return l16_19;
    if (p4 == 5018 || p4 == 5020 || p4 == 5038 || p4 == 5893 || p4 == 6304 || p4 == 6759 ||
        (p4 >= 6761 && p4 <= 6763))                     /* Maestro */
        return n >= 12 && n <= 19;
    if (p4 == 5019)                                     /* Dankort */
        return n == 16;
    if ((p6 >= 508500 && p6 <= 508999) || (p6 >= 606985 && p6 <= 607984) ||
        (p6 >= 608001 && p6 <= 608500))                 /* RuPay */
        return n == 16;
    if (p6 >= 506099 && p6 <= 506198)                   /* Verve */
        return n == 16 || n == 18 || n == 19;
    if (p4 == 9792)                                     /* Troy */
        return n == 16;
    if (p3 == 509 || p4 == 5067 || p4 == 6277 || p4 == 6362 || p4 == 6363 || p6 == 606282)
        return n == 16 || n == 19;                      /* Elo, Hipercard */
    return false;
}

/* Groups as cards are printed: 4-4-4-4 (and 4-4-4[-4][-1..4] for 12-19
 * digits), 4-6-5 (Amex), 4-6-4 (Diners); one joiner, ' ' or '-'. */
static bool card_layout(const dm_span *s)
{
    char sep = s->sep[1];
    int g = s->ngroups;
    if ((sep != ' ' && sep != '-') || !seps_all(s, sep))
        return false;
    if (g == 3 && s->glen[0] == 4 && s->glen[1] == 6 && (s->glen[2] == 5 || s->glen[2] == 4))
        return true;
    if (g < 3 || g > 5)
        return false;
    for (int i = 0; i < g - 1; i++)
        if (s->glen[i] != 4)
            return false;
    return s->glen[g - 1] >= 1 && s->glen[g - 1] <= 4;
}

/*
 * Luhn (1 in 10 of random digits pass) times an issuer range and its length
 * (around a third of random 16-digit strings start like a card): a bare
 * number is MEDIUM. Written in card grouping it is distinctive: STRONG.
 */
static dm_verdict card_validate(const dm_span *s)
{
    const char *d = s->norm;
    size_t n = s->norm_len;
    if (n < 12 || n > 19 || !dm_all_digits(d, n))
        return DM_NO;
    if (!card_issuer_ok(d, n) || !dm_luhn(d, n) || glued(s))
        return DM_NO;
    if (s->ngroups == 1)
        return DM_MEDIUM;
    return card_layout(s) ? DM_STRONG : DM_NO;
}

/* ---- IP_ADDRESS ------------------------------------------------------------------ */

/* The word right before the candidate (past one joiner) is "v", "ver",
 * "version" or "build": "v 1.2.3.4", "version: 2.0.0.1". */
static bool after_version_word(const char *cell, size_t start)
{
    static const char *const words[] = {"v", "ver", "version", "build", "release", NULL};
    size_t i = start;
    size_t nj = 0;
    while (i > 0 && nj < 2 && (is_joiner(cell[i - 1]) || cell[i - 1] == '='))
        i--, nj++;
    if (nj == 0)
        return false;
    size_t e = i;
    while (i > 0 && is_alpha(cell[i - 1]))
        i--;
    size_t wl = e - i;
    if (wl == 0 || (i > 0 && is_digit(cell[i - 1])))
        return false;
    for (const char *const *w = words; *w; w++) {
        if (strlen(*w) != wl)
            continue;
        size_t k = 0;
        while (k < wl && lower(cell[i + k]) == (*w)[k])
            k++;
        if (k == wl)
            return true;
    }
    return false;
}

/*
 * Four octets 0-255, '.' only, no leading zero ("010" is octal to some
 * parsers and never how addresses are logged). Refused as a version string:
 * after "name/" ("Chrome/120.0.0.0"), after "v"/"version", or as part of a
 * longer dotted run ("1.2.3.4.5"). All-single-digit quads ("1.2.0.0") and
 * 0.x.x.x look like versions too: MEDIUM; other quads are STRONG.
 */
static dm_verdict ipv4_validate(const dm_span *s)
{
    const char *c = s->cell;
    size_t st = s->start, en = s->end;
    if (s->ngroups != 4 || !seps_all(s, '.'))
        return DM_NO;
    const char *d = s->norm;
    bool small = true;
    for (int g = 0; g < 4; g++) {
        int l = s->glen[g];
        if (l < 1 || l > 3 || (l > 1 && d[0] == '0'))
            return DM_NO;
        int v = dm_digits_value(d, l);
        if (v > 255)
            return DM_NO;
        small = small && v < 10;
        d += l;
    }
    if (st >= 1) {
        char b = c[st - 1];
        if (b == '.' && st >= 2 && is_digit(c[st - 2]))
            return DM_NO;
        if (b == '/' && st >= 2 && is_alnum(c[st - 2]))
            return DM_NO;
        if (is_alnum(b))
            return DM_NO;
    }
    if (en < s->cell_len && c[en] == '.' && en + 1 < s->cell_len && is_digit(c[en + 1]))
        return DM_NO;
    if (after_version_word(c, st))
        return DM_NO;
    return (small || s->norm[0] == '0') ? DM_MEDIUM : DM_STRONG;
}

/*
 * IPv6, anchored on ':'. The run of hex digits, ':' and '.' (for the IPv4
 * tail of "::ffff:192.0.2.1") around it must stand alone (no letter or digit
 * glued to it: "std::vector" is code), hold a digit, and parse with
 * inet_pton. inet_pton already refuses times ("12:30:45") and six-pair MAC
 * addresses; full forms made only of 1-2 char groups ("de:ad:be:ef:00:11:22:33")
 * are byte lists, not addresses. Short compressed forms ("::1", "fe80::1")
 * are MEDIUM, others STRONG.
 */
static void ipv6_find(const char *cell, size_t len, dm_emit_fn emit, void *ctx)
{
    size_t pos = 0;
    while (pos < len) {
        const char *p = memchr(cell + pos, ':', len - pos);
        if (p == NULL)
            return;
        size_t i = (size_t)(p - cell);
        size_t st = i, en = i;
        while (st > 0 && (is_hex(cell[st - 1]) || cell[st - 1] == ':'))
            st--;
        while (en < len && (is_hex(cell[en]) || cell[en] == ':' || cell[en] == '.'))
            en++;
        pos = en > i ? en : i + 1;
        while (en > st && cell[en - 1] == '.')
            en--;
        if (en - st >= 2 && cell[en - 1] == ':' && cell[en - 2] != ':')
            en--;   /* "host 2001:db8::1: refused" */
        if (en - st < 3 || en - st > 45)
            continue;
        if ((st > 0 && (is_alnum(cell[st - 1]) || cell[st - 1] == '.' || cell[st - 1] == '_')) ||
            (en < len && (is_alnum(cell[en]) || cell[en] == '_')))
            continue;
        char buf[48];
        int colons = 0, groups = 0, maxg = 0, gl = 0;
        bool digit = false, dbl = false, dotted = false;
        for (size_t k = st; k < en; k++) {
            char ch = cell[k];
            buf[k - st] = ch;
            digit = digit || is_digit(ch);
            dotted = dotted || ch == '.';
            if (ch == ':') {
                colons++;
                if (k > st && cell[k - 1] == ':')
                    dbl = true;
                if (gl)
                    groups++;
                gl = 0;
            } else {
                gl++;
                if (gl > maxg)
                    maxg = gl;
            }
        }
        if (gl)
            groups++;
        buf[en - st] = '\0';
        if (colons < 2 || !digit)
            continue;
        if (!dbl && !dotted && maxg <= 2)
            continue;
        unsigned char addr[16];
        if (inet_pton(AF_INET6, buf, addr) != 1)
            continue;
        emit(ctx, (groups >= 3 || dotted) ? DM_STRONG : DM_MEDIUM, st, en);
    }
}

/* ---- MAC_ADDRESS ------------------------------------------------------------------ */

/*
 * 12 hex digits as 6 pairs joined by ':' or '-', or 3 quads joined by '.'.
 * 00:00:00:00:00:00 and ff:ff:ff:ff:ff:ff are refused: the first is an unset
 * placeholder, the second the broadcast address; neither names a device.
 * A piece of a longer hex list ("aa:bb:cc:dd:ee:ff:00" fingerprints) is
 * refused. Hex pairs with letters are STRONG; six all-decimal pairs are
 * MEDIUM; all-decimal dotted quads ("1234.5678.9012") are WEAK.
 */
static dm_verdict mac_validate(const dm_span *s)
{
    const char *d = s->norm;
    if (s->norm_len != 12)
        return DM_NO;
    bool letters = false;
    for (int i = 0; i < 12; i++) {
        if (!is_hex(d[i]))
            return DM_NO;
        letters = letters || !is_digit(d[i]);
    }
    char sep = s->sep[1];
    if (s->ngroups == 6) {
        if ((sep != ':' && sep != '-') || !seps_all(s, sep))
            return DM_NO;
    } else if (s->ngroups == 3) {
        if (sep != '.' || !seps_all(s, '.'))
            return DM_NO;
    } else {
        return DM_NO;
    }
    if ((s->start >= 2 && s->cell[s->start - 1] == sep && is_hex(s->cell[s->start - 2])) ||
        (s->end + 1 < s->cell_len && s->cell[s->end] == sep && is_hex(s->cell[s->end + 1])))
        return DM_NO;
    if (dm_all_same(d, 12) && (d[0] == '0' || d[0] == 'F'))
        return DM_NO;
    if (letters)
        return DM_STRONG;
    return s->ngroups == 6 ? DM_MEDIUM : DM_WEAK;
}

/* ---- PHONE_NUMBER ------------------------------------------------------------------- */

/* ITU-T E.164 assigned geographic country codes (no global services). The
 * set is prefix-free, so a number has at most one reading. */
static const uint16_t cc_assigned[] = {
    1, 7, 20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54,
    55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
    211, 212, 213, 216, 218, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232,
    233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250,
    251, 252, 253, 254, 255, 256, 257, 258, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269,
    290, 291, 297, 298, 299, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 370, 371, 372,
    373, 374, 375, 376, 377, 378, 379, 380, 381, 382, 383, 385, 386, 387, 389, 420, 421, 423,
    500, 501, 502, 503, 504, 505, 506, 507, 508, 509, 590, 591, 592, 593, 594, 595, 596, 597,
    598, 599, 670, 672, 673, 674, 675, 676, 677, 678, 679, 680, 681, 682, 683, 685, 686, 687,
    688, 689, 690, 691, 692, 850, 852, 853, 855, 856, 880, 886, 960, 961, 962, 963, 964, 965,
    966, 967, 968, 970, 971, 972, 973, 974, 975, 976, 977, 992, 993, 994, 995, 996, 998,
};

/* National significant number lengths of countries whose plans we know. */
typedef struct cc_rule {
    uint16_t cc;
    uint8_t nmin, nmax;
} cc_rule;

static const cc_rule cc_rules[] = {
    {1, 10, 10},   {7, 10, 10},   {20, 9, 10},   {27, 9, 9},    {30, 10, 10},  {31, 9, 9},
    {32, 8, 9},    {33, 9, 9},    {34, 9, 9},    {36, 8, 9},    {39, 6, 11},   {40, 9, 9},
    {41, 9, 9},    {43, 4, 13},   {44, 9, 10},   {45, 8, 8},    {46, 7, 10},   {47, 8, 8},
    {48, 9, 9},    {49, 6, 13},   {51, 8, 9},    {52, 10, 10},  {53, 8, 8},    {54, 10, 11},
    {55, 10, 11},  {56, 9, 9},    {57, 10, 10},  {58, 10, 10},  {60, 8, 10},   {61, 9, 9},
    {62, 8, 12},   {63, 8, 10},   {64, 8, 10},   {65, 8, 8},    {66, 8, 9},    {81, 9, 10},
    {82, 8, 10},   {84, 9, 10},   {86, 10, 11},  {90, 10, 10},  {91, 10, 10},  {92, 9, 10},
    {94, 9, 9},    {98, 10, 10},  {212, 9, 9},   {213, 8, 9},   {216, 8, 8},   {234, 8, 10},
    {254, 9, 9},   {351, 9, 9},   {353, 7, 9},   {358, 5, 12},  {380, 9, 9},   {420, 9, 9},
    {421, 9, 9},   {852, 8, 8},   {886, 8, 9},   {966, 8, 9},   {971, 8, 9},   {972, 8, 9},
};

static bool cc_is_assigned(int cc)
{
    size_t lo = 0, hi = sizeof cc_assigned / sizeof cc_assigned[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cc_assigned[mid] == cc)
            return true;
        if (cc_assigned[mid] < cc)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

static const cc_rule *cc_rule_of(int cc)
{
    for (size_t i = 0; i < sizeof cc_rules / sizeof cc_rules[0]; i++)
        if (cc_rules[i].cc == cc)
            return &cc_rules[i];
    return NULL;
}

/* NANP number (10 digits, no trunk 1): NXX area code and NXX exchange (first
 * digit 2-9, not N11), not the 555-0100..0199 range kept for fiction. */
static bool nanp_ok(const char *d)
{
    if (d[0] < '2' || (d[1] == '1' && d[2] == '1'))
        return false;
    if (d[3] < '2' || (d[4] == '1' && d[5] == '1'))
        return false;
    if (d[3] == '5' && d[4] == '5' && d[5] == '5' && d[6] == '0' && d[7] == '1')
        return false;
    return true;
}

/*
 * E.164 digits (country code first), n of them: STRONG when the country's
 * plan is known and the national number fits it, MEDIUM for another assigned
 * code with a plausible length, DM_NO otherwise. first_group: length of the
 * first written group, which must hold the whole country code.
 */
static dm_verdict e164_verdict(const char *d, size_t n, int first_group)
{
    if (n < 8 || n > 15)
        return DM_NO;
    int cc = -1, cl = 0;
    if (d[0] == '0')
        return DM_NO;
    for (int k = 1; k <= 3 && cc < 0; k++)
        if (cc_is_assigned(dm_digits_value(d, k)))
            cc = dm_digits_value(d, k), cl = k;
    if (cc < 0 || first_group < cl)
        return DM_NO;
    const char *nsn = d + cl;
    size_t nl = n - (size_t)cl;
    const cc_rule *r = cc_rule_of(cc);
    if (r == NULL)
        return nsn[0] != '0' && nl >= 4 ? DM_MEDIUM : DM_NO;
    if (nl < r->nmin || nl > r->nmax || (nsn[0] == '0' && cc != 39))
        return DM_NO;
    if (cc == 1 && !nanp_ok(nsn))
        return DM_NO;
    return DM_STRONG;
}

/* How the groups are joined. */
typedef enum sep_style {
    SEP_BARE,       /* one group */
    SEP_PLAIN,      /* ' ', '-' or '.' between groups, one char each */
    SEP_PARENS,     /* "(415) 555-2671": first group in parentheses, then ' '/'-' */
    SEP_SLASH,      /* "030/901820" */
    SEP_OTHER,
} sep_style;

static sep_style phone_sep_style(const dm_span *s, bool *uniform)
{
    *uniform = true;
    if (s->ngroups == 1)
        return SEP_BARE;
    int from = 1;
    sep_style st = SEP_PLAIN;
    if (s->start >= 1 && s->cell[s->start - 1] == '(' && s->sep[1] == ')') {
        if (s->seplen[1] == 2 && s->cell[s->gpos[1] - 1] != ' ')
            return SEP_OTHER;
        if (s->seplen[1] > 2)
            return SEP_OTHER;
        st = SEP_PARENS;
        from = 2;
    } else if (s->ngroups == 2 && s->sep[1] == '/' && s->seplen[1] == 1) {
        return SEP_SLASH;
    }
    for (int i = from; i < s->ngroups; i++) {
        char c = s->sep[i];
        if (s->seplen[i] != 1 || (c != ' ' && c != '-' && c != '.'))
            return SEP_OTHER;
        if (c != s->sep[from])
            *uniform = false;
    }
    return st;
}

static dm_verdict vmax(dm_verdict a, dm_verdict b)
{
    return a > b ? a : b;
}

/* The national layouts: MEDIUM when written the country's way, WEAK bare. */
static dm_verdict national_verdict(const dm_span *s, const char *d, size_t n)
{
    bool uni;
    sep_style st = phone_sep_style(s, &uni);
    bool bare = st == SEP_BARE;
    bool grouped = (st == SEP_PLAIN && uni) || st == SEP_PARENS;
    dm_verdict v = DM_NO;

    /* NANP: 10 digits, or 11 with the trunk 1; "(415) 555-2671" and
     * "1-415-555-2671" are STRONG, "415-555-2671" MEDIUM, bare WEAK */
    if ((n == 10 && nanp_ok(d)) || (n == 11 && d[0] == '1' && nanp_ok(d + 1))) {
        bool trunk = n == 11;
        int a = trunk ? 1 : 0;      /* the area code's group */
        if (bare) {
            v = vmax(v, DM_WEAK);
        } else if (layout_is(s, trunk ? "1334" : "334")) {
            bool paren = s->gpos[a] >= 1 && s->cell[s->gpos[a] - 1] == '(' && s->sep[a + 1] == ')' &&
                         (s->seplen[a + 1] == 1 || s->cell[s->gpos[a + 1] - 1] == ' ') &&
                         s->seplen[a + 1] <= 2 && s->seplen[a + 2] == 1 && strchr(" -.", s->sep[a + 2]) &&
                         (!trunk || (s->seplen[1] <= 2 && strchr(" -(", s->sep[1])));
            if (paren)
                v = vmax(v, DM_STRONG);
            else if (st == SEP_PLAIN)   /* "415-555-2671", "415 555-2671" */
                v = vmax(v, trunk && uni && s->sep[1] == '-' ? DM_STRONG : DM_MEDIUM);
        }
    }
    /* UK: 0 + 10 digits */
    if (n == 11 && d[0] == '0' && strchr("1235789", d[1])) {
        if (bare)
            v = vmax(v, DM_WEAK);
        else if ((grouped && (st == SEP_PARENS || s->sep[1] == ' ')) &&
                 ((layout_is(s, "344") && d[1] == '2') || layout_is(s, "434") || layout_is(s, "533") ||
                  layout_is(s, "56")))
            v = vmax(v, DM_MEDIUM);
    }
    /* France: 0 + 9 digits in pairs */
    if (n == 10 && d[0] == '0' && d[1] != '0') {
        if (bare)
            v = vmax(v, DM_WEAK);
        else if (st == SEP_PLAIN && uni && layout_is(s, "22222"))
            v = vmax(v, DM_MEDIUM);
    }
    /* Spain: 9 digits from 6-9 */
    if (n == 9 && d[0] >= '6') {
        if (bare)
            v = vmax(v, DM_WEAK);
        else if (grouped && (layout_is(s, "333") || layout_is(s, "3222") || layout_is(s, "2322")))
            v = vmax(v, DM_MEDIUM);
    }
    /* Germany: 0 + area code (2-5) + subscriber, 7-12 digits in all */
    if (d[0] == '0' && d[1] != '0' && n >= 7 && n <= 12 && s->ngroups <= 2) {
        if (bare)
            v = vmax(v, DM_WEAK);
        else if (s->ngroups == 2 && s->glen[0] >= 3 && s->glen[0] <= 6 && s->glen[1] >= 3)
            v = vmax(v, (st == SEP_SLASH || st == SEP_PARENS) ? DM_MEDIUM : (grouped ? DM_WEAK : DM_NO));
    }
    /* Italy: mobiles 3xx + 6-7, landlines 0 + 5-10 digits */
    if ((d[0] == '3' && n >= 9 && n <= 10) || (d[0] == '0' && n >= 6 && n <= 11)) {
        if (bare)
            v = vmax(v, DM_WEAK);
        else if (grouped && (layout_is(s, "37") || layout_is(s, "334") || layout_is(s, "343") ||
                             layout_is(s, "36") || layout_is(s, "28") || layout_is(s, "244") ||
                             layout_is(s, "46")))
            v = vmax(v, DM_MEDIUM);
    }
    /* Netherlands: 0 + 9 digits */
    if (n == 10 && d[0] == '0' && d[1] != '0') {
        if (bare)
            v = vmax(v, DM_WEAK);
        else if (grouped && (layout_is(s, "28") || layout_is(s, "37") || layout_is(s, "46") ||
                             layout_is(s, "334")))
            v = vmax(v, DM_MEDIUM);
    }
    /* India: mobiles 10 digits from 6-9, "98765 43210"; landlines 0 + 10 */
    if (n == 10 && d[0] >= '6') {
        if (bare)
            v = vmax(v, DM_WEAK);
        else if (grouped && layout_is(s, "55"))
            v = vmax(v, DM_MEDIUM);
    }
    if (n == 11 && d[0] == '0' && d[1] != '0' && grouped && (layout_is(s, "344") || layout_is(s, "47")))
        v = vmax(v, DM_MEDIUM);
    /* Brazil: area code 11-99, 8 digits or 9 for mobiles (9xxxx) */
    if ((n == 10 || (n == 11 && d[2] == '9')) && d[0] != '0' && d[1] != '0') {
        if (bare)
            v = vmax(v, DM_WEAK);
        else if ((st == SEP_PLAIN || st == SEP_PARENS) && layout_is(s, n == 10 ? "244" : "254"))
            v = vmax(v, DM_MEDIUM);
    }
    /* Australia: 0 + 9 digits, areas 2 3 7 8, mobiles 04 */
    if (n == 10 && d[0] == '0' && strchr("23478", d[1])) {
        if (bare)
            v = vmax(v, DM_WEAK);
        else if (grouped && (layout_is(s, "244") || (d[1] == '4' && layout_is(s, "433"))))
            v = vmax(v, DM_MEDIUM);
    }
    /* Japan: 0 + 9 digits with dashes; mobiles 070/080/090 + 8 */
    if (n == 10 && d[0] == '0' && d[1] != '0') {
        if (bare)
            v = vmax(v, DM_WEAK);
        else if (st == SEP_PLAIN && uni && s->sep[1] == '-' &&
                 (layout_is(s, "244") || layout_is(s, "334") || layout_is(s, "424") || layout_is(s, "514")))
            v = vmax(v, DM_MEDIUM);
    }
    if (n == 11 && d[0] == '0' && strchr("789", d[1]) && d[2] == '0') {
        if (bare)
            v = vmax(v, DM_WEAK);
        else if (st == SEP_PLAIN && uni && s->sep[1] == '-' && layout_is(s, "344"))
            v = vmax(v, DM_MEDIUM);
    }
    return v;
}

/*
 * International form "+<cc><number>": STRONG when the country's numbering
 * rules hold (see e164_verdict). International prefix "00" instead of '+':
 * at most MEDIUM. National forms: see national_verdict; a bare run of digits
 * is never more than WEAK.
 */
static dm_verdict phone_validate(const dm_span *s)
{
    const char *d = s->norm;
    size_t n = s->norm_len;
    if (n < 8 || n > 15 || !dm_all_digits(d, n) || dm_all_same(d, n) || glued(s))
        return DM_NO;
    bool plus = s->start >= 1 && s->cell[s->start - 1] == '+' &&
                (s->start < 2 || !is_alnum(s->cell[s->start - 2]));
    if (plus || (d[0] == '0' && d[1] == '0' && s->glen[0] >= 4)) {
        /* any of ' ' '-' '.' '(' ')' '/' between groups, never ':' (times) */
        for (int i = 1; i < s->ngroups; i++)
            if (s->sep[i] == ':' || s->seplen[i] > 2)
                return DM_NO;
        char buf[16];
        size_t o = 0;
        int first = s->glen[0];
        size_t skip = plus ? 0 : 2;
        for (int g = 0, at = 0; g < s->ngroups; at += s->glen[g], g++) {
            /* trunk "(0)" after the country code: "+44 (0)20 7946 0958" */
            if (g == 1 && s->glen[1] == 1 && d[at] == '0' && s->cell[s->gpos[1] - 1] == '(')
                continue;
            for (int k = 0; k < s->glen[g]; k++) {
                if (skip) {
                    skip--;
                    continue;
                }
                buf[o++] = d[at + k];
            }
        }
        dm_verdict v = e164_verdict(buf, o, plus ? first : first - 2);
        return plus ? v : (v > DM_MEDIUM ? DM_MEDIUM : v);
    }
    return national_verdict(s, d, n);
}

/* ---- BANK_ACCOUNT ----------------------------------------------------------------- */

/* A valid ABA routing number standing alone in the 40 bytes before
 * cell[start]: "021000021 123456789", "routing 011000015, account 4455667788". */
static bool routing_before(const char *cell, size_t start)
{
    size_t from = start > 40 ? start - 40 : 0;
    size_t i = start;
    while (i > from) {
        if (!is_digit(cell[i - 1])) {
            i--;
            continue;
        }
        size_t e = i;
        while (i > from && is_digit(cell[i - 1]))
            i--;
        if (e - i == 9 && (i == 0 || !is_alnum(cell[i - 1])) && !is_alnum(cell[e]) &&
            dm_aba_routing(cell + i, 9))
            return true;
    }
    return false;
}

/*
 * 8-17 digits, unbroken or in up to three groups with one joiner ('-' or
 * ' '). No check digit exists, so WEAK: it counts only under a bank-account
 * column name or after words such as "account". Right after a valid ABA
 * routing number it is MEDIUM (a routing + account pair).
 */
static dm_verdict bank_validate(const dm_span *s)
{
    const char *d = s->norm;
    size_t n = s->norm_len;
    if (n < 8 || n > 17 || !dm_all_digits(d, n) || dm_all_same(d, n) || s->ngroups > 3)
        return DM_NO;
    if (s->ngroups > 1 && ((s->sep[1] != '-' && s->sep[1] != ' ') || !seps_all(s, s->sep[1])))
        return DM_NO;
    if (glued(s))
        return DM_NO;
    return routing_before(s->cell, s->start) ? DM_MEDIUM : DM_WEAK;
}

/* ---- AWS_ACCESS_KEY / AWS_SECRET_KEY ---------------------------------------------- */

/*
 * A key ID: an IAM unique-ID prefix and 16 base-32 characters, upper case
 * as AWS prints them, in one unbroken group. The prefixes are IAM's own and
 * the length and alphabet fixed: STRONG. (A key of 20 letters without a
 * digit is a "word" group to the engine and is not seen: ~4% of keys.)
 */
static dm_verdict aws_access_validate(const dm_span *s)
{
    static const char prefixes[][5] = {"AKIA", "ASIA", "AGPA", "AIDA", "AROA",
                                       "AIPA", "ANPA", "ANVA", "APKA"};
    if (s->ngroups != 1 || s->norm_len != 20)
        return DM_NO;
    const char *r = s->cell + s->start;     /* as written: case matters */
    bool known = false;
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0] && !known; i++)
        known = memcmp(r, prefixes[i], 4) == 0;
    if (!known)
        return DM_NO;
    for (int i = 4; i < 20; i++)
        if (!is_upper(r[i]) && !(r[i] >= '2' && r[i] <= '7'))
            return DM_NO;
    if (dm_all_same(r + 4, 16) || memcmp(r + 13, "EXAMPLE", 7) == 0)
        return DM_NO;
    return DM_STRONG;
}

static inline int b64_value(char c)
{
    if (is_upper(c))
        return c - 'A';
    if (is_lower(c))
        return c - 'a' + 26;
    if (is_digit(c))
        return c - '0' + 52;
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

/* Decoded, the 40 characters are mostly printable text: base64 of words. */
static bool b64_is_text(const char *p)
{
    int printable = 0;
    for (int i = 0; i < 40; i += 4) {
        uint32_t v = 0;
        for (int k = 0; k < 4; k++)
            v = v << 6 | (uint32_t)b64_value(p[i + k]);
        for (int k = 2; k >= 0; k--) {
            unsigned b = v >> (8 * k) & 0xff;
            printable += (b >= 0x20 && b < 0x7f) || b == '\t' || b == '\n' || b == '\r';
        }
    }
    return printable >= 27;
}

/* A 40-char run p[0, 40) that looks like a secret access key. */
static bool aws_secret_ok(const char *p)
{
    bool up = false, lo = false, dg = false, hex = true;
    int slashes = 0, lrun = 0, maxlrun = 0;
    for (int i = 0; i < 40; i++) {
        char c = p[i];
        up = up || is_upper(c);
        lo = lo || is_lower(c);
        dg = dg || is_digit(c);
        hex = hex && is_hex(c);
        slashes += c == '/';
        lrun = is_lower(c) ? lrun + 1 : 0;
        if (lrun > maxlrun)
            maxlrun = lrun;
    }
    if (!up || !lo || !dg || hex)
        return false;
    /* paths ("a/b/c/..."), words ("thisIsAVeryLongName"), documented example */
    if (slashes >= 3 || p[0] == '/' || p[39] == '/' || maxlrun >= 8)
        return false;
    if (memcmp(p + 30, "EXAMPLEKEY", 10) == 0)
        return false;
    return !b64_is_text(p);
}

static inline bool b64_char(char c)
{
    return is_alnum(c) || c == '+' || c == '/';
}

/*
 * Secret access keys: exactly 40 characters of [A-Za-z0-9+/] standing alone
 * (not part of a longer base64 or base64url run, no '=' padding after), with
 * upper, lower and digits, not hex (SHA-1), not base64 of text. MEDIUM: a
 * random-looking 40-char token could be another secret; "secret" or
 * "aws_secret_access_key" before it (context) makes it STRONG.
 */
static void aws_secret_find(const char *cell, size_t len, dm_emit_fn emit, void *ctx)
{
    if (len < 40)
        return;
    size_t i = 0;
    while (i + 40 <= len) {
        if (!b64_char(cell[i])) {
            i++;
            continue;
        }
        size_t st = i;
        while (i < len && b64_char(cell[i]))
            i++;
        if (i - st != 40)
            continue;
        if (st > 0 && (cell[st - 1] == '-' || cell[st - 1] == '_'))
            continue;
        if (i < len && (cell[i] == '=' || cell[i] == '-' || cell[i] == '_'))
            continue;
        if (aws_secret_ok(cell + st))
            emit(ctx, DM_MEDIUM, st, i);
    }
}

/* ---- the table ------------------------------------------------------------------------ */

static const char *const email_hints[] = {
    "email", "e_mail", "email_address", "mail", "correo", "correo_electronico", "courriel",
    "adresse_mail", "e_mail_adresse", "posta_elettronica", "mailadres", "メール", NULL};
static const char *const email_context[] = {"email", "e-mail", "mailto:", "correo", "courriel", NULL};
static const char *const email_examples[] = {
    "john.smith@example.com", "Contact: maria.garcia+news@mail.example.co.uk for details",
    "o_brien-2024@sub.example-domain.org", "user@xn--bcher-kva.example", NULL};
static const char *const email_counter[] = {
    "user@localhost", "a@b", "icon@2x.png", "john@example.c", "john..smith@example.com",
    "npm install lodash@4.17.21", NULL};

static const char *const card_shapes[] = {"c:D12~19", NULL};
static const char *const card_hints[] = {
    "credit_card", "card_number", "cc_number", "ccnum", "pan", "card_no", "creditcard",
    "tarjeta_de_credito", "numero_de_tarjeta", "kreditkarte", "kartennummer", "carte_bancaire",
    "numero_de_carte", "carta_di_credito", "numero_carta", "cartao_de_credito", NULL};
/* "card" and its translations before a Luhn-valid number with an issuer's
 * prefix ("I paid with card 4111 ...", "mit Karte", "cartão"): the number
 * already passed two checks, the word only says what it is. */
static const char *const card_context[] = {"card", "visa", "mastercard", "amex", "tarjeta", "karte", "carte",
                                           "carta", "cartao", "cartão", "kaart", "karta", "kart", NULL};
static const char *const card_examples[] = {
    "4111 1111 1111 1111", "5555-5555-5555-4444", "3782 822463 10005", "6011111111111117",
    "3530111333300000", "30569309025904", "2223000048400011", "6200000000000005", NULL};
static const char *const card_counter[] = {
    "4111 1111 1111 1112",      /* Luhn fails */
    "1234567812345678",         /* no issuer, Luhn fails */
    "0000000000000000",         /* Luhn passes, no issuer */
    "5555555555554444555",      /* Mastercard is 16 digits */
    "4111-1111-11111111",       /* not a card grouping */
    NULL};

static const char *const ip_shapes[] = {"e:D1~3.D1~3.D1~3.D1~3", NULL};
static const char *const ip_hints[] = {
    "ip", "ip_address", "ipaddress", "ip_addr", "client_ip", "remote_addr", "source_ip",
    "src_ip", "dst_ip", "host_ip", "ipv4", "ipv6", "direccion_ip", "adresse_ip", "indirizzo_ip",
    NULL};
static const char *const ip_context[] = {"ip address", "ip:", "ip=", "client ip", "remote_addr", "from ip",
                                         NULL};
static const char *const ip_antihints[] = {"version", "build_number", "release", "firmware", NULL};
static const char *const ip_examples[] = {
    "192.168.1.20", "203.0.113.7", "login from 198.51.100.23 failed", "2001:db8:85a3::8a2e:370:7334",
    "::ffff:192.0.2.128", "fe80::1ff:fe23:4567:890a", NULL};
static const char *const ip_counter[] = {
    "300.1.2.3", "192.168.01.1", "Mozilla/5.0 Chrome/120.0.0.0 Safari/537.36", "1.2.3.4.5",
    "v1.2.3.4", "12:30:45", "std::vector", "version 2.0.0.1", NULL};

static const char *const mac_shapes[] = {"s:2:2:2:2:2:2", "s:2-2-2-2-2-2", "s:4.4.4", NULL};
static const char *const mac_hints[] = {
    "mac", "mac_address", "macaddress", "mac_addr", "hw_address", "hwaddr", "ethernet_address",
    "bssid", "direccion_mac", "adresse_mac", "indirizzo_mac", NULL};
static const char *const mac_context[] = {"mac address", "mac:", "mac=", "hwaddr", "ether ", "bssid", NULL};
static const char *const mac_examples[] = {
    "00:1A:2B:3C:4D:5E", "a4-5e-60-c2-19-8f", "0011.22aa.bbcc", "device f0:9f:c2:7a:11:03 joined",
    NULL};
static const char *const mac_counter[] = {
    "00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff", "00:1G:2B:3C:4D:5E", "00:1A:2B:3C:4D",
    "00:1a:2b:3c:4d:5e:6f:70", "00:1A-2B:3C-4D:5E", NULL};

static const char *const phone_shapes[] = {"c:D8~15", NULL};
static const char *const phone_hints[] = {
    "phone", "phone_number", "telephone", "tel", "mobile", "cell_phone", "cellphone", "msisdn",
    "fax", "contact_number", "telefono", "numero_de_telefono", "movil", "celular", "telefon",
    "telefonnummer", "handy", "telephone_portable", "numero_de_telephone", "cellulare",
    "telefoonnummer", "telefone", "电话", "電話番号", NULL};
static const char *const phone_context[] = {"phone", "tel:", "tel.", "tel #", "mobile", "call me", "fax",
                                            "teléfono", "telefon", "téléphone", NULL};
static const char *const phone_examples[] = {
    "+1 415 555 2671", "(415) 555-2671", "+34 912 345 678", "+49 30 901820", "+33 1 42 68 53 00",
    "+91 98765 43210", "+14155552671", "1-415-555-2671", "+49 (0)30 901820",
    "+55 11 91234-5678", "+61 2 9876 5432", "+81 3-1234-5678", NULL};
static const char *const phone_counter[] = {
    "+1 015 555 2671",          /* NANP area codes never start with 0 */
    "+1 415 555 0123",          /* 555-01xx is kept for fiction */
    "+44 20 7946",              /* too short for the UK plan */
    "+999 1234 5678",           /* unassigned country code */
    "12:30:45 1234",            /* times */
    "+1234567890123456",        /* 16 digits: over E.164's 15 */
    "0000000000",
    NULL};

static const char *const bank_shapes[] = {"c:D8~17/w", NULL};
static const char *const bank_hints[] = {
    "bank_account", "account_number", "acct", "acct_no", "acct_num", "account_no",
    "bank_account_number", "checking_account", "savings_account", "dda_account", "kontonummer",
    "numero_de_cuenta", "cuenta_bancaria", "numero_de_compte", "compte_bancaire", "numero_conto",
    "conto_corrente", "rekeningnummer", "numero_da_conta", "conta_bancaria", NULL};
/* A context word makes a match STRONG: only words that name an account. */
static const char *const bank_context[] = {"account no", "account number", "account #", "acct",
                                           "checking account", "savings account", "bank account",
                                           "a/c", "kontonummer", "cuenta", NULL};
static const char *const bank_examples[] = {"12345678", "000123456789", "4100-2233-9981", "9876543210123",
                                            NULL};
static const char *const bank_counter[] = {"1234567", "123456789012345678", "11111111", "1234.5678.9012",
                                           NULL};

static const char *const aws_key_shapes[] = {"l:20:LLLL", NULL};
static const char *const aws_key_hints[] = {"aws_access_key_id", "access_key_id", "aws_access_key",
                                            "access_key", "accesskeyid", "aws_key", NULL};
static const char *const aws_key_context[] = {"aws_access_key_id", "access_key", "accesskeyid", NULL};
static const char *const aws_key_examples[] = {"AKIA2OGYBAH6RTGWS5PQ", "ASIAZ4K7Q2MNX3VB5R6T",
                                               "aws_access_key_id = AKIAJ7Q3D5L2WXMZ4N6K", NULL};
static const char *const aws_key_counter[] = {
    "AKIAIOSFODNN7EXAMPLE",     /* AWS's documented placeholder */
    "AKIA2OGYBAH6RTGWS5P1",     /* '1' is not base 32 */
    "akia2ogybah6rtgws5pq",     /* keys are upper case */
    "AXYZ2OGYBAH6RTGWS5PQ",     /* unknown prefix */
    "AKIA2OGYBAH6RTGWS5P",      /* 19 chars */
    NULL};

static const char *const aws_secret_hints[] = {"aws_secret_access_key", "secret_access_key",
                                               "aws_secret_key", "secret_key", "secretaccesskey",
                                               "aws_secret", NULL};
static const char *const aws_secret_context[] = {"aws_secret_access_key", "secret_access_key",
                                                 "secretaccesskey", "secret", NULL};
static const char *const aws_secret_examples[] = {
    "q2T8vZ0xLk4Rj+9mW3pN7bYc1HsE6uAf/D5gK0oQ", "Rz7Kp3Lw9Xq2Vn8Bm4Tc6Yh1Jd5Fg0Hs+Ua/Ne2W",
    "aws_secret_access_key=3fGh8Jk2Lm9Np4Qr7St1Uv6Wx0Yz5Ab+Cd/Ef3Gh", NULL};
static const char *const aws_secret_counter[] = {
    "da39a3ee5e6b4b0d3255bfef95601890afd80709",     /* SHA-1, hex */
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",     /* AWS's documented placeholder */
    "VGhlIHF1aWNrIGJyb3duIGZveCBqdW1wcyBvdmVy",     /* base64 of English text */
    "q2T8vZ0xLk4Rj+9mW3pN7bYc1HsE6uAf/D5gK0oQx",    /* 41 chars */
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123",     /* a word-like run */
    NULL};

const dm_entity_def dm_entities_global[] = {
    {
        .name = "EMAIL",
        .region = "global",
        .category = DM_CAT_EMAIL,
        .description = "Email address (RFC 5322 dot-atom local part, domain with a TLD)",
        .shapes = NULL,
        .find = email_find,
        .hints = email_hints,
        .context = email_context,
        .examples = email_examples,
        .counterexamples = email_counter,
        .flags = DM_ENT_FREE_TEXT_OK,
        .needs = DM_NEED_AT,
        .min_len = 6,
    },
    {
        .name = "CREDIT_CARD",
        .region = "global",
        .category = DM_CAT_CREDIT_CARD,
        .description = "Payment card number: issuer range, length and Luhn (ISO/IEC 7812)",
        .shapes = card_shapes,
        .validate = card_validate,
        .hints = card_hints,
        .context = card_context,
        .examples = card_examples,
        .counterexamples = card_counter,
        .flags = DM_ENT_FREE_TEXT_OK,
    },
    {
        .name = "IP_ADDRESS",
        .region = "global",
        .category = DM_CAT_IP_ADDRESS,
        .description = "IPv4 dotted quad or IPv6 address (not version strings)",
        .shapes = ip_shapes,
        .validate = ipv4_validate,
        .find = ipv6_find,
        .hints = ip_hints,
        .context = ip_context,
        .examples = ip_examples,
        .counterexamples = ip_counter,
        .flags = DM_ENT_FREE_TEXT_OK,
        .needs = DM_NEED_COLON | DM_NEED_DIGIT,
        .min_len = 3,
        .antihints = ip_antihints,
    },
    {
        .name = "MAC_ADDRESS",
        .region = "global",
        .category = DM_CAT_MAC_ADDRESS,
        .description = "EUI-48 MAC address: six hex pairs with ':' or '-', or Cisco 4.4.4",
        .shapes = mac_shapes,
        .validate = mac_validate,
        .hints = mac_hints,
        .context = mac_context,
        .examples = mac_examples,
        .counterexamples = mac_counter,
        .flags = DM_ENT_FREE_TEXT_OK,
    },
    {
        .name = "PHONE_NUMBER",
        .region = "global",
        .category = DM_CAT_PHONE,
        .description = "Phone number: E.164 with a valid country code, or a national layout",
        .shapes = phone_shapes,
        .validate = phone_validate,
        .hints = phone_hints,
        .context = phone_context,
        .examples = phone_examples,
        .counterexamples = phone_counter,
        .flags = DM_ENT_FREE_TEXT_OK | DM_ENT_UMBRELLA,
    },
    {
        .name = "BANK_ACCOUNT",
        .region = "global",
        .category = DM_CAT_BANK_ACCOUNT,
        .description = "Bank account number (U.S. style, 8-17 digits, no check digit)",
        .shapes = bank_shapes,
        .validate = bank_validate,
        .hints = bank_hints,
        .context = bank_context,
        .examples = bank_examples,
        .counterexamples = bank_counter,
    },
    {
        .name = "AWS_ACCESS_KEY",
        .region = "global",
        .category = DM_CAT_CREDENTIALS,
        .description = "AWS access key ID (AKIA/ASIA... + 16 base-32 characters)",
        .shapes = aws_key_shapes,
        .validate = aws_access_validate,
        .hints = aws_key_hints,
        .context = aws_key_context,
        .examples = aws_key_examples,
        .counterexamples = aws_key_counter,
        .flags = DM_ENT_FREE_TEXT_OK,
    },
    {
        .name = "AWS_SECRET_KEY",
        .region = "global",
        .category = DM_CAT_CREDENTIALS,
        .description = "AWS secret access key (40 base64 characters, random-looking)",
        .shapes = NULL,
        .find = aws_secret_find,
        .hints = aws_secret_hints,
        .context = aws_secret_context,
        .examples = aws_secret_examples,
        .counterexamples = aws_secret_counter,
        .flags = DM_ENT_FREE_TEXT_OK,
        .needs = DM_NEED_DIGIT | DM_NEED_UPPER,
        .min_len = 40,
    },
    {
        /* Found by no value of its own: the engine reports it for a column
         * whose cells are the national IDs of several countries, each with
         * its share (engine.c, category_finding). */
        .name = "NATIONAL_ID",
        .region = "global",
        .category = DM_CAT_NATIONAL_ID,
        .description = "Mixed national identifiers: two or more countries' national IDs in one column, "
                       "together at least the threshold",
        .flags = DM_ENT_CATEGORY,
    },
    {0},
};
