#!/usr/bin/env python3
"""National identifiers with valid check digits, for bench/realworld.py.

Each generator takes a synth.Rng and returns one identifier in a layout its
issuer publishes. The check rules are written here from the public
specifications (see /work/shared/REFERENCES.md); nothing is taken from the
engine's code. `python3 bench/rw_ids.py --selftest` checks every rule
against published examples and every generator against its own check.
"""

import datetime
import sys

# ---------------------------------------------------------------- Verhoeff (Aadhaar)

_VD = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
       [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
       [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
       [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_VP = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
       [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 7, 6, 8, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
       [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
_VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_ok(num):
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = _VD[c][_VP[i % 8][int(ch)]]
    return c == 0


def verhoeff_digit(payload):
    c = 0
    for i, ch in enumerate(reversed(payload)):
        c = _VD[c][_VP[(i + 1) % 8][int(ch)]]
    return str(_VINV[c])


def luhn_digit(payload):
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(num):
    return luhn_digit(num[:-1]) == num[-1]


def birth(rng, first=1935, last=2007):
    a = datetime.date(first, 1, 1).toordinal()
    b = datetime.date(last, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.between(a, b))


# ---------------------------------------------------------------- generators

def aadhaar(rng, spaced=None):
    payload = rng.choice("23456789") + rng.digits(10)
    n = payload + verhoeff_digit(payload)
    if spaced is None:
        spaced = rng.chance(0.5)
    return "%s %s %s" % (n[:4], n[4:8], n[8:]) if spaced else n


def india_pan(rng):
    # 3 letters (series), 4th = holder type (P: individual), 5th = surname initial
    return rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 3) + "P" + rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1) + \
        rng.digits(4) + rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1)


DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def spain_dni(rng):
    n = rng.between(1000000, 99999999)
    return "%08d%s" % (n, DNI_LETTERS[n % 23])


def dni_ok(s):
    return DNI_LETTERS[int(s[:8]) % 23] == s[8]


_CF_ODD = dict(zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                   [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11,
                    3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]))
_CF_EVEN = dict(zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", list(range(10)) + list(range(26))))
_CF_MONTH = "ABCDEHLMPRST"


def cf_check(fifteen):
    s = 0
    for i, ch in enumerate(fifteen):
        s += _CF_ODD[ch] if i % 2 == 0 else _CF_EVEN[ch]
    return chr(65 + s % 26)


def _cf_part(word, given):
    w = "".join(c for c in word.upper() if "A" <= c <= "Z")
    cons = [c for c in w if c not in "AEIOU"]
    vow = [c for c in w if c in "AEIOU"]
    if given and len(cons) >= 4:
        cons = [cons[0], cons[2], cons[3]]
    return ("".join(cons + vow) + "XXX")[:3]


def italy_cf(rng, surname="", given="", female=None):
    """Codice fiscale from (ASCII-folded) names, a birth date and a
    cadastral code (a letter and three digits)."""
    if female is None:
        female = rng.chance(0.5)
    d = birth(rng)
    body = _cf_part(surname or rng.chars("BCDFGLMNPRSTV", 3), False) + \
        _cf_part(given or rng.chars("BCDFGLMNPRSTV", 3), True) + \
        "%02d%s%02d" % (d.year % 100, _CF_MONTH[d.month - 1], d.day + (40 if female else 0)) + \
        rng.choice("ABCDEFGHILM") + "%03d" % rng.between(1, 999)
    return body + cf_check(body)


def france_nir(rng, spaced=None):
    d = birth(rng)
    dept = rng.choice(["%02d" % x for x in range(1, 96) if x != 20])
    body = "%d%02d%02d%s%03d%03d" % (rng.between(1, 2), d.year % 100, d.month, dept,
                                     rng.between(1, 990), rng.between(1, 999))
    key = 97 - int(body) % 97
    if spaced is None:
        spaced = rng.chance(0.5)
    if spaced:
        return "%s %s %s %s %s %s %02d" % (body[0], body[1:3], body[3:5], body[5:7], body[7:10], body[10:], key)
    return "%s%02d" % (body, key)


def nl_bsn(rng):
    while True:
        d = [rng.between(1, 9)] + [rng.below(10) for _ in range(7)]
        s = sum(x * (9 - i) for i, x in enumerate(d))
        last = s % 11
        if last < 10:
            return "".join(map(str, d)) + str(last)


def bsn_ok(s):
    d = [int(c) for c in s]
    return (sum(x * (9 - i) for i, x in enumerate(d[:8])) - d[8]) % 11 == 0


_PESEL_W = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]


def pesel(rng):
    d = birth(rng, 1935, 2007)
    month = d.month + (20 if d.year >= 2000 else 0)
    body = "%02d%02d%02d%04d" % (d.year % 100, month, d.day, rng.below(10000))
    return body + str((10 - sum(int(c) * w for c, w in zip(body, _PESEL_W)) % 10) % 10)


def pesel_ok(s):
    return str((10 - sum(int(c) * w for c, w in zip(s[:10], _PESEL_W)) % 10) % 10) == s[10]


def _cpf_digit(digits):
    n = len(digits) + 1
    r = sum(int(c) * (n - i) for i, c in enumerate(digits)) * 10 % 11
    return str(0 if r == 10 else r)


def brazil_cpf(rng, formatted=None):
    while True:
        body = rng.digits(9)
        if len(set(body)) > 1:
            break
    body += _cpf_digit(body)
    body += _cpf_digit(body)
    if formatted is None:
        formatted = rng.chance(0.7)
    return "%s.%s.%s-%s" % (body[:3], body[3:6], body[6:9], body[9:]) if formatted else body


def tckn(rng):
    d = [rng.between(1, 9)] + [rng.below(10) for _ in range(8)]
    d10 = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    d.append(d10)
    d.append(sum(d) % 10)
    return "".join(map(str, d))


def tckn_ok(s):
    d = [int(c) for c in s]
    return d[0] != 0 and ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10 == d[9] \
        and sum(d[:10]) % 10 == d[10]


def sweden_pnr(rng, long_form=None):
    d = birth(rng)
    body = "%02d%02d%02d%03d" % (d.year % 100, d.month, d.day, rng.below(1000))
    n = body + luhn_digit(body)
    if long_form is None:
        long_form = rng.chance(0.3)
    cent = "%02d" % (d.year // 100) if long_form else ""
    return cent + n[:6] + "-" + n[6:]


_CN_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_CN_REGIONS = ["110101", "110105", "120101", "310101", "310104", "320102", "330106", "370102",
               "410105", "420106", "440103", "440305", "450103", "500103", "510104", "610103"]


def china_id(rng):
    d = birth(rng)
    body = rng.choice(_CN_REGIONS) + "%04d%02d%02d" % (d.year, d.month, d.day) + "%03d" % rng.below(1000)
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, _CN_W)) % 11]


def china_ok(s):
    return "10X98765432"[sum(int(c) * w for c, w in zip(s[:17], _CN_W)) % 11] == s[17]


def japan_my_number(rng):
    body = rng.digits(11)
    s = 0
    for n in range(1, 12):
        p = int(body[11 - n])
        q = n + 1 if n <= 6 else n - 5
        s += p * q
    r = s % 11
    return body + str(0 if r <= 1 else 11 - r)


def belgium_nn(rng):
    d = birth(rng)
    body = "%02d%02d%02d%03d" % (d.year % 100, d.month, d.day, rng.between(1, 997))
    key = 97 - int(("2" if d.year >= 2000 else "") + body) % 97
    return "%s.%s.%s-%s.%02d" % (body[:2], body[2:4], body[4:6], body[6:9], key)


def canada_sin(rng):
    body = rng.choice("1234567") + rng.digits(7)
    n = body + luhn_digit(body)
    return "%s %s %s" % (n[:3], n[3:6], n[6:])


def portugal_nif(rng):
    """NIF of a person: first digit 1-3, weights 9..2, check 11 - sum mod 11 (10, 11 -> 0)."""
    body = rng.choice("123") + rng.digits(7)
    r = 11 - sum(int(c) * (9 - i) for i, c in enumerate(body)) % 11
    return body + str(0 if r >= 10 else r)


def nif_ok(s):
    r = 11 - sum(int(c) * (9 - i) for i, c in enumerate(s[:8])) % 11
    return str(0 if r >= 10 else r) == s[8]


def emirates_id(rng):
    """784-YYYY-NNNNNNN-C: country code, birth year, serial, Luhn over the 14 digits."""
    body = "784%04d%s" % (birth(rng).year, rng.digits(7))
    n = body + luhn_digit(body)
    return "%s-%s-%s-%s" % (n[:3], n[3:7], n[7:14], n[14])


# ---------------------------------------------------------------- self-test

def selftest():
    sys.path.insert(0, __file__.rsplit("/", 1)[0])
    import synth as S
    ok = True

    def check(cond, what):
        nonlocal ok
        if not cond:
            ok = False
            print("rw_ids selftest FAILED: " + what, file=sys.stderr)

    check(verhoeff_digit("236") == "3" and verhoeff_ok("2363") and not verhoeff_ok("2364"), "Verhoeff 2363")
    check(dni_ok("12345678Z"), "DNI 12345678Z")
    check(cf_check("RSSMRA85T10A562") == "S", "codice fiscale RSSMRA85T10A562S")
    check(bsn_ok("111222333") and not bsn_ok("111222334"), "BSN 111222333")
    check(pesel_ok("44051401359"), "PESEL 44051401359")
    check(brazil_cpf.__name__ and _cpf_digit("111444777") == "3" and _cpf_digit("1114447773") == "5",
          "CPF 111.444.777-35")
    check(tckn_ok("10000000146"), "TCKN 10000000146")
    check(china_ok("11010519491231002X"), "China 11010519491231002X")
    check(luhn_ok("8112289874"), "personnummer 811228-9874")
    check(nif_ok("123456789"), "NIF 123456789")
    rng = S.Rng(7)
    for _ in range(2000):
        check(verhoeff_ok(aadhaar(rng, False)), "aadhaar")
        check(dni_ok(spain_dni(rng)), "dni")
        cf = italy_cf(rng)
        check(cf_check(cf[:15]) == cf[15], "cf")
        check(bsn_ok(nl_bsn(rng)), "bsn")
        check(pesel_ok(pesel(rng)), "pesel")
        c = brazil_cpf(rng, False)
        check(_cpf_digit(c[:9]) == c[9] and _cpf_digit(c[:10]) == c[10], "cpf")
        check(tckn_ok(tckn(rng)), "tckn")
        check(luhn_ok(sweden_pnr(rng, False).replace("-", "")), "pnr")
        check(china_ok(china_id(rng)), "china")
        n = france_nir(rng, False)
        check(97 - int(n[:13]) % 97 == int(n[13:]), "nir")
        check(luhn_ok(canada_sin(rng).replace(" ", "")), "sin")
        check(nif_ok(portugal_nif(rng)), "nif")
        check(luhn_ok(emirates_id(rng).replace("-", "")), "emirates")
    print("rw_ids selftest: %s" % ("ok" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    if sys.argv[1:] == ["--selftest"]:
        sys.exit(selftest())
    print(__doc__)
