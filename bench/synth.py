#!/usr/bin/env python3
"""Synthetic values for datamap's sample estate and benchmark.

Every generator takes an Rng and returns a string. Identifiers carry valid
check digits per their public specification (see CHECKS below and
/work/shared/REFERENCES.md); look-alikes used as hard negatives are built to
fail them where that matters. All names, streets, companies and phrases are
small lists typed for this file: no third-party data set is used.

Determinism: the only source of randomness is random.Random(seed).random(),
whose sequence Python guarantees for a given integer seed across versions.
Choices, ranges and shuffles are implemented here on top of it, nothing
iterates over a set or depends on the locale, the time zone or hash seeds.

`python3 bench/synth.py --selftest` checks the check-digit code against
published examples and checks that generated values pass their own checks.
"""

import datetime
import hashlib
import ipaddress
import random
import sys

DIGITS = "0123456789"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
HEX = "0123456789abcdef"


class Rng:
    """Deterministic random source (see module doc)."""

    def __init__(self, seed):
        self.seed = seed
        self._f = random.Random(seed).random

    def fork(self, label):
        """An independent stream named `label`: adding a column or a file
        elsewhere does not shift the values of this one."""
        h = hashlib.sha256(("%d/%s" % (self.seed, label)).encode()).digest()
        return Rng(int.from_bytes(h[:8], "big"))

    def below(self, n):
        return int(self._f() * n)

    def between(self, lo, hi):
        """lo <= x <= hi"""
        return lo + int(self._f() * (hi - lo + 1))

    def chance(self, p):
        return self._f() < p

    def uniform(self, lo, hi):
        return lo + (hi - lo) * self._f()

    def choice(self, seq):
        return seq[int(self._f() * len(seq))]

    def weighted(self, pairs):
        """pairs: [(weight, value), ...] in a fixed order."""
        total = 0.0
        for w, _ in pairs:
            total += w
        x = self._f() * total
        for w, v in pairs:
            x -= w
            if x < 0:
                return v
        return pairs[-1][1]

    def digits(self, n):
        out = []
        while n > 0:
            k = min(n, 9)
            out.append(str(int(self._f() * 10 ** k)).zfill(k))
            n -= k
        return "".join(out)

    def chars(self, alphabet, n):
        f = self._f
        m = len(alphabet)
        return "".join(alphabet[int(f() * m)] for _ in range(n))

    def randbytes(self, n):
        f = self._f
        return bytes(int(f() * 256) for _ in range(n))

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = int(self._f() * (i + 1))
            items[i], items[j] = items[j], items[i]


# ---------------------------------------------------------------- checks

def luhn_ok(number):
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_digit(payload):
    """The digit that makes payload + digit pass Luhn."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = ord(ch) - 48
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def _alnum_to_digits(s):
    """IBAN letter conversion: A=10 ... Z=35."""
    return "".join(str(int(c, 36)) for c in s)


def iban_ok(iban):
    s = iban.replace(" ", "").upper()
    if len(s) != IBAN_LENGTHS.get(s[:2], -1):
        return False
    return int(_alnum_to_digits(s[4:] + s[:4])) % 97 == 1


def iban_make(country, bban):
    chk = 98 - int(_alnum_to_digits(bban + country + "00")) % 97
    iban = "%s%02d%s" % (country, chk, bban)
    assert len(iban) == IBAN_LENGTHS[country], iban
    return iban


# ISO 13616 registry lengths for the countries we generate.
IBAN_LENGTHS = {"DE": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18, "GB": 22}


def fr_rib_key(bank, branch, account):
    """Clé RIB: 97 - ((89*bank + 15*branch + 3*account) mod 97), letters of
    the account mapped A,J->1 B,K,S->2 ... Z->9."""
    acc = int("".join(c if c.isdigit() else str(_RIB_LETTER[c]) for c in account))
    return "%02d" % (97 - ((89 * int(bank) + 15 * int(branch) + 3 * acc) % 97))


_RIB_LETTER = {}
for _row, _first in (("ABCDEFGHI", 1), ("JKLMNOPQR", 1), ("STUVWXYZ", 2)):
    for _i, _c in enumerate(_row):
        _RIB_LETTER[_c] = _first + _i


def _es_dc(ten_digits):
    w = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)
    s = sum(int(d) * w[i] for i, d in enumerate(ten_digits))
    r = 11 - s % 11
    return "0" if r == 11 else "1" if r == 10 else str(r)


def es_control_digits(entity, office, account):
    """Spanish CCC: first digit checks "00"+entity+office, second the account."""
    return _es_dc("00" + entity + office) + _es_dc(account)


_CIN_ODD = (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12,
            14, 16, 10, 22, 25, 24, 23)


def it_cin(abi, cab, account):
    """Italian CIN: odd positions through the odd table, even positions by
    value (digits 0-9, letters A=0..Z=25), sum mod 26 as a letter."""
    s = 0
    for i, c in enumerate(abi + cab + account):
        v = int(c) if c.isdigit() else ord(c) - 65
        s += _CIN_ODD[v] if i % 2 == 0 else v
    return UPPER[s % 26]


def nl_elfproef_ok(ten_digits):
    return sum(int(d) * (10 - i) for i, d in enumerate(ten_digits)) % 11 == 0


def nhs_check(nine):
    """Check digit of an NHS number, or None when the payload is unusable."""
    s = sum(int(d) * (10 - i) for i, d in enumerate(nine))
    c = 11 - s % 11
    if c == 11:
        return "0"
    if c == 10:
        return None
    return str(c)


def nhs_ok(number):
    n = number.replace(" ", "").replace("-", "")
    return len(n) == 10 and n.isdigit() and nhs_check(n[:9]) == n[9]


def npi_ok(number):
    return len(number) == 10 and number[0] in "12" and luhn_ok("80840" + number)


def dea_ok(dea):
    if len(dea) != 9 or not dea[:2].isalpha() or not dea[2:].isdigit():
        return False
    d = [int(c) for c in dea[2:]]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


def uk_vat_ok(vat):
    n = vat.upper().replace("GB", "").replace(" ", "")
    if len(n) != 9 or not n.isdigit():
        return False
    w = sum(int(n[i]) * (8 - i) for i in range(7)) + int(n[7:])
    return w % 97 == 0 or (w + 55) % 97 == 0


NINO_BAD_FIRST = "DFIQUV"
NINO_BAD_SECOND = "DFIQUVO"
NINO_BAD_PREFIX = ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ")


def nino_ok(nino):
    n = nino.replace(" ", "").upper()
    return (len(n) == 9 and n[0] not in NINO_BAD_FIRST and n[1] not in NINO_BAD_SECOND
            and n[:2] not in NINO_BAD_PREFIX and n[2:8].isdigit() and n[8] in "ABCD")


def ssn_ok(ssn):
    n = ssn.replace("-", "")
    if len(n) != 9 or not n.isdigit():
        return False
    area, group, serial = int(n[:3]), int(n[3:5]), int(n[5:])
    return 0 < area < 900 and area != 666 and group != 0 and serial != 0


def itin_ok(itin):
    n = itin.replace("-", "")
    if len(n) != 9 or not n.isdigit() or n[0] != "9":
        return False
    g = int(n[3:5])
    return 50 <= g <= 65 or 70 <= g <= 88 or 90 <= g <= 92 or 94 <= g <= 99


def ean_digit(payload12):
    s = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(payload12))
    return str((10 - s % 10) % 10)


def isbn10_digit(payload9):
    s = sum(int(d) * (10 - i) for i, d in enumerate(payload9))
    c = (11 - s % 11) % 11
    return "X" if c == 10 else str(c)


# ---------------------------------------------------------------- people
# Given names and surnames typed for this file, grouped by country so that a
# person's name, phone and address agree.

GIVEN = {
    "US": ["James", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "David",
           "Linda", "Daniel", "Ashley", "Tyler", "Brianna", "Marcus", "Keisha",
           "Carlos", "Megan", "Kevin", "Samantha"],
    "GB": ["Oliver", "Amelia", "Harry", "Isla", "George", "Charlotte", "Jack",
           "Emily", "Thomas", "Poppy", "Alfie", "Freya", "Callum", "Siobhan",
           "Rhys", "Niamh"],
    "DE": ["Lukas", "Anna", "Leon", "Mia", "Felix", "Hannah", "Jonas", "Lena",
           "Maximilian", "Sophie", "Jürgen", "Ursula", "Tobias", "Katrin"],
    "FR": ["Louis", "Camille", "Gabriel", "Léa", "Hugo", "Manon", "Jules",
           "Chloé", "Arthur", "Inès", "François", "Amélie", "Mathis", "Océane"],
    "ES": ["Alejandro", "Lucía", "Pablo", "María", "Javier", "Carmen", "Sergio",
           "Elena", "Íñigo", "Nerea"],
    "IT": ["Lorenzo", "Giulia", "Matteo", "Francesca", "Alessandro", "Chiara",
           "Giuseppe", "Martina", "Niccolò", "Beatrice"],
    "NL": ["Daan", "Sanne", "Bram", "Fleur", "Sem", "Lotte", "Thijs", "Noor",
           "Joris", "Femke"],
    "PL": ["Jakub", "Zuzanna", "Łukasz", "Agnieszka", "Wojciech", "Małgorzata"],
    "IN": ["Aarav", "Priya", "Rohan", "Ananya", "Vikram", "Deepika"],
    "CN": ["Wei", "Fang", "Jing", "Hao", "Xiuying", "Jun"],
}

SURNAMES = {
    "US": ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
           "Davis", "Rodriguez", "Wilson", "Anderson", "Jackson", "Thompson",
           "Harris", "Nguyen", "Kim", "Washington", "Rivera"],
    "GB": ["Taylor", "Davies", "Evans", "Walker", "Wright", "Roberts", "Hughes",
           "Clarke", "Patel", "O'Brien", "McDonald", "Fletcher", "Ashworth",
           "Pritchard", "Whitfield", "Campbell"],
    "DE": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer",
           "Wagner", "Becker", "Schulz", "Hoffmann", "Krüger", "Weiß",
           "Zimmermann", "Hartmann"],
    "FR": ["Bernard", "Dubois", "Durand", "Lefèvre", "Moreau", "Laurent",
           "Girard", "Fournier", "Mercier", "Rousseau", "Faure", "Lemaire",
           "Chevalier", "Gauthier"],
    "ES": ["García", "Fernández", "González", "Rodríguez", "López", "Martínez",
           "Sánchez", "Pérez", "Gómez", "Jiménez"],
    "IT": ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano",
           "Colombo", "Ricci", "Marino", "Greco"],
    "NL": ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk",
           "Bakker", "Visser", "Smit", "Meijer", "de Boer"],
    "PL": ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Zieliński"],
    "IN": ["Sharma", "Gupta", "Singh", "Kumar", "Reddy", "Iyer"],
    "CN": ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang"],
}

NAME_ORIGINS = ["US", "GB", "DE", "FR", "ES", "IT", "NL", "PL", "IN", "CN"]

_FOLD = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e",
         "ê": "e", "ë": "e", "à": "a", "á": "a", "â": "a", "ç": "c", "í": "i",
         "ì": "i", "î": "i", "ï": "i", "ñ": "n", "ó": "o", "ò": "o", "ô": "o",
         "ú": "u", "ù": "u", "û": "u", "ł": "l", "ś": "s", "ź": "z", "ż": "z",
         "ą": "a", "ę": "e", "ć": "c", "ń": "n", "ő": "o", "Í": "I", "Ł": "L",
         "Ś": "S", "Ż": "Z", "'": "", " ": ""}


def ascii_fold(s):
    return "".join(_FOLD.get(c, c) for c in s.lower())


class Person:
    __slots__ = ("country", "first", "last")

    def __init__(self, country, first, last):
        self.country = country
        self.first = first
        self.last = last

    @property
    def full(self):
        return self.first + " " + self.last


def person(rng, country=None, foreign=0.2):
    """A person living in `country`; with probability `foreign` the name
    comes from another origin (names do not follow borders)."""
    if country is None:
        country = rng.choice(NAME_ORIGINS)
    origin = country if country in GIVEN else "US"
    if rng.chance(foreign):
        origin = rng.choice(NAME_ORIGINS)
    return Person(country, rng.choice(GIVEN[origin]), rng.choice(SURNAMES[origin]))


# Reserved example domains (RFC 2606) and sub-domains of them: no generated
# address can belong to a real mailbox.
EMAIL_DOMAINS = ["example.com", "example.net", "example.org", "mail.example.com",
                 "inbox.example.net", "post.example.org", "web.example.com",
                 "corp.example.net", "kunden.example.org", "clients.example.com"]


def email(rng, p=None):
    if p is None:
        p = person(rng)
    f, l = ascii_fold(p.first), ascii_fold(p.last)
    style = rng.below(7)
    if style == 0:
        local = f + "." + l
    elif style == 1:
        local = f[0] + l
    elif style == 2:
        local = f + "_" + l + str(rng.between(1, 99))
    elif style == 3:
        local = f + l + str(rng.between(1960, 2005))
    elif style == 4:
        local = l + "." + f[0]
    elif style == 5:
        local = f + "." + l + "+" + rng.choice(["shop", "news", "orders", "web"])
    else:
        local = f + str(rng.between(1, 999))
    addr = local + "@" + rng.choice(EMAIL_DOMAINS)
    if rng.chance(0.04):
        addr = p.first[0].upper() + addr[1:]
    return addr


# ---------------------------------------------------------------- phones

US_AREA = ["201", "202", "206", "212", "213", "303", "305", "312", "404", "415",
           "503", "512", "617", "646", "702", "713", "718", "773", "808", "818",
           "917", "919", "971"]


def phone_us(rng):
    area = rng.choice(US_AREA)
    while True:
        exch = str(rng.between(200, 999))
        if exch[1:] != "11" and exch != "555":
            break
    line = rng.digits(4)
    style = rng.below(6)
    if style == 0:
        return "(%s) %s-%s" % (area, exch, line)
    if style == 1:
        return "%s-%s-%s" % (area, exch, line)
    if style == 2:
        return "%s.%s.%s" % (area, exch, line)
    if style == 3:
        return "+1 %s-%s-%s" % (area, exch, line)
    if style == 4:
        return "+1%s%s%s" % (area, exch, line)
    return "1-%s-%s-%s" % (area, exch, line)


# UK landlines from Ofcom's ranges for drama (area code, local prefix); plus
# mobiles.
UK_DRAMA = [("113", "496 0"), ("114", "496 0"), ("115", "496 0"), ("116", "496 0"),
            ("117", "496 0"), ("118", "496 0"), ("121", "496 0"), ("131", "496 0"),
            ("141", "496 0"), ("151", "496 0"), ("161", "496 0"), ("191", "498 0"),
            ("20", "7946 0")]


def phone_uk(rng):
    if rng.chance(0.55):
        # mobile 07xxx xxxxxx
        nsn = "7" + str(rng.between(400, 999)) + rng.digits(6)
        groups = (nsn[:4], nsn[4:])
    else:
        area, prefix = rng.choice(UK_DRAMA)
        local = prefix + rng.digits(3)
        groups = (area,) + tuple(local.split(" "))
        nsn = area + local.replace(" ", "")
    style = rng.below(4)
    if style == 0:
        return "0" + " ".join(groups)
    if style == 1:
        return "+44 " + " ".join(groups)
    if style == 2:
        return "+44" + nsn
    return "0" + nsn


DE_AREA = ["30", "40", "89", "221", "69", "711", "211", "341", "351"]
DE_MOBILE = ["151", "152", "157", "160", "162", "170", "171", "172", "175", "176", "177", "179"]


def phone_de(rng):
    if rng.chance(0.4):
        area, sub = rng.choice(DE_MOBILE), rng.digits(rng.between(7, 8))
    else:
        area, sub = rng.choice(DE_AREA), str(rng.between(2, 9)) + rng.digits(rng.between(5, 7))
    style = rng.below(4)
    if style == 0:
        return "+49 %s %s" % (area, sub)
    if style == 1:
        return "+49%s%s" % (area, sub)
    if style == 2:
        return "0%s %s" % (area, sub)
    return "(0%s) %s" % (area, sub)


def phone_fr(rng):
    nsn = rng.choice("1234567") + rng.digits(8)
    pairs = [nsn[1:3], nsn[3:5], nsn[5:7], nsn[7:9]]
    style = rng.below(4)
    if style == 0:
        return "+33 %s %s" % (nsn[0], " ".join(pairs))
    if style == 1:
        return "+33" + nsn
    if style == 2:
        return "0%s %s" % (nsn[0], " ".join(pairs))
    return "0%s.%s" % (nsn[0], ".".join(pairs))


def phone_es(rng):
    nsn = rng.choice("6796") + rng.digits(8)
    return "+34 %s %s %s" % (nsn[:3], nsn[3:6], nsn[6:])


def phone_it(rng):
    if rng.chance(0.5):
        return "+39 3%s %s %s" % (rng.digits(2), rng.digits(3), rng.digits(4))
    return "+39 0%s %s %s" % (rng.choice("26"), rng.digits(4), rng.digits(4))


def phone_nl(rng):
    if rng.chance(0.5):
        return "+31 6 %s" % rng.digits(8)
    return "+31 %s %s %s" % (rng.choice(["20", "10", "30", "70"]), rng.digits(3), rng.digits(4))


PHONE_BY_COUNTRY = {"US": phone_us, "GB": phone_uk, "DE": phone_de, "FR": phone_fr,
                    "ES": phone_es, "IT": phone_it, "NL": phone_nl}


# ---------------------------------------------------------------- payment

# (prefixes, length) per card brand, from the issuers' published IIN ranges.
CARD_BRANDS = [
    (40, ["4"], 16),                                        # Visa
    (25, ["51", "52", "53", "54", "55", "2221", "2300", "2480", "2720"], 16),  # Mastercard
    (12, ["34", "37"], 15),                                 # American Express
    (8, ["6011", "644", "645", "649", "65"], 16),           # Discover
    (8, ["3528", "3530", "3566", "3589"], 16),              # JCB
    (4, ["36", "38"], 14),                                  # Diners Club
    (3, ["4"], 13),                                         # old Visa
]


def card_number(rng, style=None):
    """A Luhn-valid number with a real IIN prefix, formatted in one of the ways
    people write it."""
    _, prefixes, length = rng.weighted([(w, (w, p, n)) for w, p, n in CARD_BRANDS])
    payload = rng.choice(prefixes)
    payload += rng.digits(length - 1 - len(payload))
    num = payload + luhn_digit(payload)
    if style is None:
        style = rng.weighted([(5, "plain"), (4, "space"), (1, "dash")])
    if style == "plain" or length == 13:
        return num
    sep = " " if style == "space" else "-"
    if length == 15:
        return sep.join((num[:4], num[4:10], num[10:]))
    if length == 14:
        return sep.join((num[:4], num[4:10], num[10:]))
    return sep.join(num[i:i + 4] for i in range(0, length, 4))


def not_luhn_16(rng):
    """16 digits that fail Luhn (order numbers)."""
    payload = rng.choice("123456789") + rng.digits(14)
    good = int(luhn_digit(payload))
    return payload + str((good + 1 + rng.below(9)) % 10)


DE_BLZ = ["10070000", "37040044", "50010517", "12030000", "20041133",
          "70150000", "43060967", "50070010", "60050101", "76010085"]
FR_BANKS = ["30004", "30003", "20041", "30002", "10278", "17515", "18206"]
ES_BANKS = ["0049", "2100", "0182", "0081", "0128", "2085", "0075"]
IT_ABI = ["03069", "02008", "05034", "01030", "03062", "05584", "03048"]
NL_BANKS = ["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ"]


def iban(rng, country, spaced=None):
    if country == "DE":
        bban = rng.choice(DE_BLZ) + rng.digits(10)
    elif country == "FR":
        bank, branch = rng.choice(FR_BANKS), rng.digits(5)
        account = rng.digits(11)
        if rng.chance(0.1):
            account = account[:8] + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + account[9:]
        bban = bank + branch + account + fr_rib_key(bank, branch, account)
    elif country == "ES":
        ent, off, acc = rng.choice(ES_BANKS), rng.digits(4), rng.digits(10)
        bban = ent + off + es_control_digits(ent, off, acc) + acc
    elif country == "IT":
        abi, cab = rng.choice(IT_ABI), rng.digits(5)
        acc = "0" * rng.between(0, 6)
        acc += rng.digits(12 - len(acc))
        bban = it_cin(abi, cab, acc) + abi + cab + acc
    elif country == "NL":
        while True:   # Dutch account numbers pass the 11-test
            acc = "0" + rng.digits(9)
            if nl_elfproef_ok(acc):
                break
        bban = rng.choice(NL_BANKS) + acc
    else:
        raise ValueError(country)
    value = iban_make(country, bban)
    if spaced is None:
        spaced = rng.chance(0.4)
    if spaced:
        value = " ".join(value[i:i + 4] for i in range(0, len(value), 4))
    return value


def bic(rng):
    bank = rng.chars(UPPER, 4)
    country = rng.choice(["DE", "FR", "ES", "IT", "NL", "GB", "BE", "AT"])
    loc = rng.chars(UPPER + "23456789", 2)
    branch = "XXX" if rng.chance(0.6) else rng.chars(UPPER + DIGITS, 3)
    return bank + country + loc + ("" if rng.chance(0.3) else branch)


UK_SORT_PREFIX = ["20", "30", "77", "40", "60", "83", "09", "04", "11", "16"]


def sort_code(rng, sep="-"):
    return sep.join((rng.choice(UK_SORT_PREFIX), rng.digits(2), rng.digits(2)))


def uk_account(rng):
    return rng.choice("123456789") + rng.digits(7)


# ---------------------------------------------------------------- government ids

def ssn(rng, dashed=True):
    while True:
        area = rng.between(1, 899)
        if area == 666:
            continue
        group, serial = rng.between(1, 99), rng.between(1, 9999)
        s = "%03d-%02d-%04d" % (area, group, serial)
        if s not in ("078-05-1120", "219-09-9999"):   # famous invalid ones
            break
    return s if dashed else s.replace("-", "")


ITIN_GROUPS = list(range(50, 66)) + list(range(70, 89)) + [90, 91, 92] + list(range(94, 100))


def itin(rng, dashed=True):
    s = "9%s-%02d-%s" % (rng.digits(2), rng.choice(ITIN_GROUPS), rng.digits(4))
    return s if dashed else s.replace("-", "")


def us_passport(rng):
    if rng.chance(0.6):   # Next Generation passport book: letter + 8 digits
        return rng.choice("ABCEFGHJKLMNPRSTUVWXYZ") + rng.digits(8)
    return rng.choice("123456789") + rng.digits(8)


def npi(rng):
    payload = rng.choice("12") + rng.digits(8)
    return payload + luhn_digit("80840" + payload)


DEA_TYPES = "ABFGM"


def dea(rng, surname):
    initial = ascii_fold(surname)[:1].upper() or "X"
    d = [rng.below(10) for _ in range(6)]
    d.append((d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10)
    return rng.choice(DEA_TYPES) + initial + "".join(map(str, d))


def nino(rng, spaced=None):
    first = [c for c in UPPER if c not in NINO_BAD_FIRST]
    second = [c for c in UPPER if c not in NINO_BAD_SECOND]
    while True:
        pre = rng.choice(first) + rng.choice(second)
        if pre not in NINO_BAD_PREFIX:
            break
    num, suf = rng.digits(6), rng.choice("ABCD")
    if spaced is None:
        spaced = rng.chance(0.5)
    if spaced:
        return "%s %s %s %s %s" % (pre, num[:2], num[2:4], num[4:], suf)
    return pre + num + suf


def nhs_number(rng, style=None):
    """From the ranges issued in England, Wales and the Isle of Man."""
    while True:
        lead = rng.choice(["4", "6", "7"])
        nine = lead + rng.digits(8)
        c = nhs_check(nine)
        if c is not None:
            break
    n = nine + c
    if style is None:
        style = rng.weighted([(5, "space"), (4, "plain"), (1, "dash")])
    if style == "space":
        return "%s %s %s" % (n[:3], n[3:6], n[6:])
    if style == "dash":
        return "%s-%s-%s" % (n[:3], n[3:6], n[6:])
    return n


def uk_vat(rng, style=None):
    while True:
        seven = rng.choice("123456789") + rng.digits(6)
        w = sum(int(seven[i]) * (8 - i) for i in range(7))
        if rng.chance(0.7):
            c = 97 - w % 97
        else:                      # the "9755" series issued since 2010
            c = 97 - (w + 55) % 97
        if c < 97:
            break
    n = seven + "%02d" % c
    if style is None:
        style = rng.weighted([(5, "compact"), (3, "spaced"), (2, "digits")])
    if style == "compact":
        return "GB" + n
    if style == "spaced":
        return "GB %s %s %s" % (n[:3], n[3:7], n[7:])
    return "%s %s %s" % (n[:3], n[3:7], n[7:])


def aws_access_key(rng):
    return "AKIA" + rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)


def aws_secret_key(rng):
    return rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+", 40)


# ---------------------------------------------------------------- network

def ipv4(rng, private=0.0):
    if rng.chance(private):
        if rng.chance(0.5):
            return "10.%d.%d.%d" % (rng.below(256), rng.below(256), rng.between(1, 254))
        return "192.168.%d.%d" % (rng.below(256), rng.between(1, 254))
    while True:
        a = ipaddress.IPv4Address(rng.between(0x01000000, 0xDFFFFFFF))
        if a.is_global:
            return str(a)


IPV6_PREFIXES = [0x2a020810, 0x2a0104f8, 0x2001067c, 0x24047f00, 0x2600387f,
                 0x2a002380, 0x28060600, 0x2c0f4f00, 0x2401db00, 0x2a0a5000]


def ipv6(rng):
    hi = rng.choice(IPV6_PREFIXES) << 96
    hi |= rng.below(1 << 16) << 80
    kind = rng.below(4)
    if kind == 0:            # server: small interface id
        low = rng.between(1, 0xfff)
    elif kind == 1:          # SLAAC-like random
        low = (rng.below(1 << 32) << 32) | rng.below(1 << 32)
    elif kind == 2:          # EUI-64 from a MAC
        m = rng.randbytes(6)
        low = int.from_bytes(bytes([m[0] ^ 2, m[1], m[2], 0xff, 0xfe, m[3], m[4], m[5]]), "big")
    else:                    # subnet + small host
        low = (rng.below(1 << 16) << 48) | rng.between(1, 0xffff)
    addr = ipaddress.IPv6Address(hi | low)
    return addr.exploded if rng.chance(0.08) else addr.compressed


MAC_OUIS = ["3c:22:fb", "a4:83:e7", "f0:18:98", "00:1b:63", "b8:27:eb",
            "dc:a6:32", "00:50:56", "52:54:00", "ac:de:48", "f4:f5:d8"]


def mac(rng):
    b = MAC_OUIS[rng.below(len(MAC_OUIS))].split(":") + ["%02x" % rng.below(256) for _ in range(3)]
    style = rng.weighted([(5, "colon"), (3, "dash"), (1, "dot")])
    if style == "colon":
        s = ":".join(b)
        return s.upper() if rng.chance(0.3) else s
    if style == "dash":
        return "-".join(b).upper()
    h = "".join(b)
    return "%s.%s.%s" % (h[:4], h[4:8], h[8:])


UA_TEMPLATES = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{cm}.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{cm}.0.{cb}.{cp} Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{cm}.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{cm}.0.0.0 Safari/537.36 Edg/{cm}.0.{eb}.{ep}",
    "Mozilla/5.0 (X11; Linux x86_64; rv:{fm}.0) Gecko/20100101 Firefox/{fm}.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{fm}.0) Gecko/20100101 Firefox/{fm}.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{sm}.{sn} Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS {im}_{sn}_{ip} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{im}.{sn} Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android {am}; Pixel {pm}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{cm}.0.{cb}.{cp} Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android {am}; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/{sb}.0 Chrome/{cm}.0.0.0 Mobile Safari/537.36",
    "ShopApp/{v1}.{v2}.{v3}.{v4} (iOS {im}.{sn}; iPhone14,2)",
    "ShopApp/{v1}.{v2}.{v3}.{v4} (Android {am}; okhttp/4.12.0)",
    "curl/8.{v2}.0",
    "python-requests/2.{v3}.0",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
]


def user_agent(rng):
    t = rng.choice(UA_TEMPLATES)
    return t.format(cm=rng.between(108, 124), cb=rng.between(5000, 6400), cp=rng.between(40, 230),
                    eb=rng.between(1500, 2400), ep=rng.between(30, 120), fm=rng.between(110, 124),
                    sm=rng.between(15, 17), sn=rng.between(0, 6), im=rng.between(15, 17),
                    ip=rng.between(1, 3), am=rng.between(10, 14), pm=rng.between(5, 8),
                    sb=rng.between(20, 23), v1=rng.between(2, 9), v2=rng.between(0, 20),
                    v3=rng.between(0, 40), v4=rng.between(0, 250))


def version4(rng):
    """Four-part version numbers; most have every part <= 255, so they have
    the shape of an IPv4 address."""
    if rng.chance(0.7):
        return "%d.%d.%d.%d" % (rng.between(1, 12), rng.between(0, 30), rng.between(0, 99), rng.between(0, 250))
    return "%d.%d.%d.%d" % (rng.between(1, 12), rng.between(0, 9), rng.between(1000, 22000), rng.between(0, 4000))


HOST_WORDS = ["web", "api", "db", "cache", "edge", "worker", "batch", "auth", "mq", "search"]


def hostname(rng):
    return "%s-%02d.%s.internal.example.net" % (rng.choice(HOST_WORDS), rng.between(1, 40),
                                              rng.choice(["eu-west-1", "us-east-1", "eu-central-1", "ap-south-1"]))


# ---------------------------------------------------------------- places

US_CITIES = [("Austin", "TX", "787"), ("Denver", "CO", "802"), ("Portland", "OR", "972"),
             ("Chicago", "IL", "606"), ("Boston", "MA", "021"), ("Seattle", "WA", "981"),
             ("Atlanta", "GA", "303"), ("Miami", "FL", "331"), ("Phoenix", "AZ", "850"),
             ("Columbus", "OH", "432"), ("Raleigh", "NC", "276"), ("Minneapolis", "MN", "554")]
UK_CITIES = [("Leeds", ["LS"]), ("Bristol", ["BS"]), ("Manchester", ["M"]),
             ("London", ["E", "N", "SE", "SW", "W", "NW", "EC"]), ("Birmingham", ["B"]),
             ("Edinburgh", ["EH"]), ("Glasgow", ["G"]), ("Cardiff", ["CF"]),
             ("Liverpool", ["L"]), ("Sheffield", ["S"]), ("Nottingham", ["NG"]), ("Belfast", ["BT"])]
DE_CITIES = [("Berlin", 10115, 14199), ("Hamburg", 20095, 22769), ("München", 80331, 81929),
             ("Köln", 50667, 51149), ("Frankfurt am Main", 60306, 60599), ("Stuttgart", 70173, 70629),
             ("Leipzig", 4103, 4357), ("Dresden", 1067, 1328), ("Düsseldorf", 40210, 40629)]
FR_CITIES = [("Paris", 75001, 75020), ("Lyon", 69001, 69009), ("Marseille", 13001, 13016),
             ("Toulouse", 31000, 31500), ("Nantes", 44000, 44300), ("Lille", 59000, 59800),
             ("Bordeaux", 33000, 33800), ("Strasbourg", 67000, 67200)]
ES_CITIES = [("Madrid", 28001, 28080), ("Barcelona", 8001, 8042), ("Valencia", 46001, 46026),
             ("Sevilla", 41001, 41020), ("Bilbao", 48001, 48015)]
IT_CITIES = [("Roma", 118, 199), ("Milano", 20121, 20162), ("Torino", 10121, 10156),
             ("Napoli", 80121, 80147), ("Bologna", 40121, 40141)]
NL_CITIES = [("Amsterdam", 1011, 1109), ("Rotterdam", 3011, 3089), ("Utrecht", 3511, 3585),
             ("Den Haag", 2511, 2597), ("Eindhoven", 5611, 5658)]

US_STREETS = ["Maple", "Oak", "Pine", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park",
              "Sunset", "Main", "Highland", "Jefferson", "Madison", "Franklin", "Walnut", "Willow"]
US_SUFFIX = ["Street", "St", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Blvd", "Lane", "Drive", "Dr", "Court", "Way"]
UK_STREETS = ["High Street", "Station Road", "Church Lane", "Victoria Road", "Park Avenue",
              "Mill Lane", "Kings Road", "Queens Road", "The Green", "Manor Close", "London Road",
              "Springfield Road", "Orchard Way", "Albert Street", "Castle Terrace"]
DE_STREETS = ["Hauptstraße", "Bahnhofstraße", "Gartenweg", "Lindenallee", "Schillerstraße",
              "Goethestraße", "Am Markt", "Kirchplatz", "Berliner Straße", "Friedrichstraße",
              "Ringstraße", "Birkenweg", "Mühlenweg"]
FR_STREETS = ["rue de la République", "avenue Jean Jaurès", "boulevard Voltaire", "place du Marché",
              "impasse des Lilas", "rue Nationale", "rue des Écoles", "avenue de la Gare",
              "chemin des Vignes", "rue du Moulin", "quai de la Loire"]
ES_STREETS = ["Calle Mayor", "Avenida de la Constitución", "Calle del Sol", "Paseo de la Castellana",
              "Calle de Alcalá", "Plaza de España"]
IT_STREETS = ["Via Roma", "Corso Vittorio Emanuele II", "Piazza Garibaldi", "Via Dante",
              "Via dei Mille", "Viale Europa"]
NL_STREETS = ["Kerkstraat", "Dorpsstraat", "Prinsengracht", "Stationsweg", "Molenstraat", "Beukenlaan"]

UK_POST_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def city_postcode(rng, country):
    """(city, postcode, region) for a country."""
    if country == "US":
        city, state, pre = rng.choice(US_CITIES)
        return city, pre + rng.digits(2), state
    if country == "GB":
        city, areas = rng.choice(UK_CITIES)
        area = rng.choice(areas)
        pc = "%s%d %d%s" % (area, rng.between(1, 20), rng.between(0, 9), rng.chars(UK_POST_LETTERS, 2))
        return city, pc, ""
    if country == "NL":
        city, lo, hi = rng.choice(NL_CITIES)
        return city, "%04d %s" % (rng.between(lo, hi), rng.chars("ABCDEFGHJKLMNPRSTVWXZ", 2)), ""
    table = {"DE": DE_CITIES, "FR": FR_CITIES, "ES": ES_CITIES, "IT": IT_CITIES}[country]
    city, lo, hi = rng.choice(table)
    return city, "%05d" % rng.between(lo, hi), ""


def street_line(rng, country):
    n = rng.between(1, 250)
    if country == "US":
        s = "%d %s %s" % (rng.between(1, 9999), rng.choice(US_STREETS), rng.choice(US_SUFFIX))
        if rng.chance(0.15):
            s += " Apt %d%s" % (rng.between(1, 30), rng.choice("ABCD"))
        return s
    if country == "GB":
        s = "%d %s" % (n, rng.choice(UK_STREETS))
        return ("Flat %d, " % rng.between(1, 12) + s) if rng.chance(0.15) else s
    if country == "DE":
        return "%s %d%s" % (rng.choice(DE_STREETS), n, rng.choice(["", "", "", "a", "b"]))
    if country == "FR":
        return "%d%s %s" % (n, rng.choice(["", "", "", " bis"]), rng.choice(FR_STREETS))
    if country == "ES":
        return "%s %d, %dº %s" % (rng.choice(ES_STREETS), n, rng.between(1, 9), rng.choice("ABCD"))
    if country == "IT":
        return "%s %d" % (rng.choice(IT_STREETS), n)
    if country == "NL":
        return "%s %d" % (rng.choice(NL_STREETS), n)
    raise ValueError(country)


def full_address(rng, country):
    line = street_line(rng, country)
    city, pc, region = city_postcode(rng, country)
    if country == "US":
        return "%s, %s, %s %s" % (line, city, region, pc)
    if country == "GB":
        return "%s, %s %s" % (line, city, pc)
    return "%s, %s %s" % (line, pc, city)


def lat_long(rng):
    return "%.6f" % rng.uniform(35.0, 60.0), "%.6f" % rng.uniform(-10.0, 25.0)


# ---------------------------------------------------------------- business

COMPANY_HEADS = ["Nordlicht", "Bluecrest", "Ironbark", "Silverline", "Harborview", "Clearwater",
                 "Brightpath", "Redwood", "Stonebridge", "Evergreen", "Northstar", "Lumen",
                 "Vertex", "Cobalt", "Meridian", "Orbis", "Helix", "Sable", "Aurora", "Kestrel",
                 "Tidewater", "Granite Peak", "Alpenglow", "Blue Lagoon", "Copperleaf"]
COMPANY_TRADES = ["Logistics", "Components", "Foods", "Textiles", "Systems", "Supplies", "Trading",
                  "Manufacturing", "Technologies", "Packaging", "Outdoor", "Electronics"]
COMPANY_FORMS = ["Ltd", "GmbH", "SARL", "S.p.A.", "B.V.", "Inc.", "LLC", "S.L.", "plc", "AG"]


def company(rng):
    return "%s %s %s" % (rng.choice(COMPANY_HEADS), rng.choice(COMPANY_TRADES), rng.choice(COMPANY_FORMS))


PRODUCT_ADJ = ["Lightweight", "Waterproof", "Insulated", "Compact", "Heavy-duty", "Recycled",
               "Ergonomic", "Stainless", "Wireless", "Foldable", "Organic", "Reflective"]
PRODUCT_MAT = ["merino", "cotton", "aluminium", "bamboo", "steel", "nylon", "ceramic", "oak", "silicone", "wool"]
PRODUCT_ITEM = ["running shirt", "trail jacket", "water bottle", "desk lamp", "backpack", "cutting board",
                "headphones", "camping chair", "travel mug", "bike light", "yoga mat", "rain cover",
                "phone stand", "storage box", "sleeping bag"]
CATEGORIES = ["Apparel", "Outdoor", "Kitchen", "Electronics", "Home", "Sports", "Office", "Travel"]
DESC_BITS = ["Designed for everyday use.", "Machine washable at 30 degrees.",
             "Ships in plastic-free packaging.", "Fits most standard mounts.",
             "Tested for 5000 cycles in our lab.", "Available in three colours.",
             "Made from 60% recycled material.", "Keeps drinks hot for up to 12 hours.",
             "Weighs less than a paperback.", "Two-year warranty included.",
             "Assembly takes about ten minutes.", "Dishwasher safe.",
             "Certified for outdoor use in rain and snow.", "USB-C charging, 20 hours of battery.",
             "Folds flat for storage.", "Replacement parts sold separately."]


def product_name(rng):
    return "%s %s %s" % (rng.choice(PRODUCT_ADJ), rng.choice(PRODUCT_MAT), rng.choice(PRODUCT_ITEM))


def product_description(rng):
    n = rng.between(1, 3)
    return " ".join(rng.choice(DESC_BITS) for _ in range(n))


EAN_PREFIXES = ["400", "401", "405", "409", "425", "440", "500", "501", "505", "300",
                "340", "370", "376", "380", "590", "800", "840", "870", "871", "890"]


def ean13(rng):
    p = rng.choice(EAN_PREFIXES)
    payload = p + rng.digits(12 - len(p))
    return payload + ean_digit(payload)


def isbn13(rng, hyphens=True):
    group = rng.choice(["0", "1", "3", "2", "84", "88", "90"])
    pub = rng.digits(rng.between(2, 5))
    title = rng.digits(9 - len(group) - len(pub))
    payload = "978" + group + pub + title
    num = payload + ean_digit(payload)
    if not hyphens:
        return num
    return "-".join(("978", group, pub, title, num[-1]))


def isbn10(rng):
    payload = rng.choice("0123") + rng.digits(8)
    return payload + isbn10_digit(payload)


def uuid4(rng):
    b = bytearray(rng.randbytes(16))
    b[6] = (b[6] & 0x0F) | 0x40
    b[8] = (b[8] & 0x3F) | 0x80
    h = b.hex()
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def sha1_hex(rng):
    return hashlib.sha1(rng.randbytes(16)).hexdigest()


def sha256_hex(rng):
    return hashlib.sha256(rng.randbytes(16)).hexdigest()


def price(rng, lo=1.0, hi=500.0):
    return "%.2f" % rng.uniform(lo, hi)


# ---------------------------------------------------------------- time

EPOCH = datetime.datetime(1970, 1, 1)


def date_between(rng, first, last):
    """A datetime.date between two (y, m, d) tuples, inclusive."""
    a = datetime.date(*first).toordinal()
    b = datetime.date(*last).toordinal()
    return datetime.date.fromordinal(rng.between(a, b))


def fmt_date(d, style):
    if style == "iso":
        return "%04d-%02d-%02d" % (d.year, d.month, d.day)
    if style == "us":
        return "%02d/%02d/%04d" % (d.month, d.day, d.year)
    if style == "eu":
        return "%02d/%02d/%04d" % (d.day, d.month, d.year)
    if style == "de":
        return "%02d.%02d.%04d" % (d.day, d.month, d.year)
    raise ValueError(style)


def dob(rng, style="iso"):
    return fmt_date(date_between(rng, (1941, 1, 1), (2006, 12, 31)), style)


def timestamp_between(rng, first, last):
    """A datetime (UTC, naive) between two (y, m, d) tuples."""
    a = (datetime.datetime(*first) - EPOCH).total_seconds()
    b = (datetime.datetime(*last) - EPOCH).total_seconds()
    return EPOCH + datetime.timedelta(seconds=rng.between(int(a), int(b)))


def fmt_ts(t, style="iso"):
    if style == "iso":
        return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (t.year, t.month, t.day, t.hour, t.minute, t.second)
    if style == "sql":
        return "%04d-%02d-%02d %02d:%02d:%02d" % (t.year, t.month, t.day, t.hour, t.minute, t.second)
    if style == "ms":
        return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (t.year, t.month, t.day, t.hour, t.minute,
                                                       t.second, t.microsecond // 1000)
    raise ValueError(style)


def timestamp(rng, style="iso", first=(2019, 1, 1), last=(2025, 3, 31)):
    t = timestamp_between(rng, first, last)
    if style == "ms":
        t += datetime.timedelta(milliseconds=rng.below(1000))
    return fmt_ts(t, style)


# ---------------------------------------------------------------- free text

PLAIN_NOTES = [
    "Customer asked about delivery times.", "Prefers delivery after 5pm.",
    "Package left with neighbour.", "Refund issued for damaged item.",
    "Requested a paper invoice.", "Gift wrapping on every order.",
    "Interested in the loyalty programme.", "Complained about late delivery, voucher sent.",
    "Do not send marketing material.", "Returned two items, size too small.",
    "VIP since 2021.", "Asked for the size guide.", "Account merged with an older duplicate.",
    "Switched to monthly newsletter.", "Address confirmed by phone.",
]
EMAIL_NOTES = [
    "Please send the invoice to {e} as well.", "New contact address: {e}",
    "Wants order updates at {e} instead of the account address.",
    "Forwarded complaint from {e} to support.", "Alternate email {e} (work).",
    "Asked us to cc {e} on shipping notices.",
]
PHONE_NOTES = [
    "Call back on {p} after 6pm.", "Courier should ring {p} on arrival.",
    "Mobile for delivery: {p}", "Left voicemail at {p} about the refund.",
]


def note_plain(rng):
    return rng.choice(PLAIN_NOTES)


def note_with_email(rng, e):
    return rng.choice(EMAIL_NOTES).format(e=e)


def note_with_phone(rng, p):
    return rng.choice(PHONE_NOTES).format(p=p)


# ---------------------------------------------------------------- labels

# Entity names used in labels: Glue's names (as in Glue's list of managed
# data types) plus datamap's own additions. A label outside this list is a
# typo and stops the generator.
GLUE_ENTITIES = (
    "PERSON_NAME", "EMAIL", "CREDIT_CARD", "IP_ADDRESS", "MAC_ADDRESS", "PHONE_NUMBER",
    "USA_SSN", "USA_ITIN", "USA_PASSPORT_NUMBER", "USA_NATIONAL_PROVIDER_IDENTIFIER",
    "USA_DEA_NUMBER", "BANK_ACCOUNT", "UK_BANK_ACCOUNT", "UK_BANK_SORT_CODE", "UK_NATIONAL_HEALTH_SERVICE_NUMBER",
    "UK_NATIONAL_INSURANCE_NUMBER", "UK_PHONE_NUMBER", "UK_VALUE_ADDED_TAX",
    "FRANCE_BANK_ACCOUNT", "GERMANY_BANK_ACCOUNT", "ITALY_BANK_ACCOUNT",
    "NETHERLANDS_BANK_ACCOUNT", "SPAIN_BANK_ACCOUNT",
    "PORTUGAL_TAX_IDENTIFICATION_NUMBER", "GERMANY_TAX_IDENTIFICATION_NUMBER", "SPAIN_DNI",
    "FRANCE_NATIONAL_IDENTIFICATION_NUMBER",
)
DATAMAP_ENTITIES = ("DATE_OF_BIRTH", "ADDRESS", "AWS_ACCESS_KEY", "AWS_SECRET_KEY",
                    # special categories (Art. 9/10) and gender, as `datamap entities` lists them
                    "HEALTH", "ETHNIC_ORIGIN", "RELIGIOUS_BELIEF", "POLITICAL_OPINION", "TRADE_UNION_MEMBERSHIP",
                    "SEXUAL_ORIENTATION", "GENETIC_DATA", "BIOMETRIC_DATA", "CRIMINAL_RECORD", "GENDER",
                    "NATIONAL_ID")  # a column mixing the national IDs of several countries
KNOWN_ENTITIES = frozenset(GLUE_ENTITIES + DATAMAP_ENTITIES)


class ColumnTally:
    """Counts, for one column, the non-empty cells and the cells holding each
    entity, and turns that into the expected entity list: an entity is
    expected when it is in at least `threshold` of the non-empty cells (the
    rule datamap applies, DESIGN.md); lists are sorted by name."""

    __slots__ = ("cells", "counts")

    def __init__(self):
        self.cells = 0
        self.counts = {}

    def add(self, value, entities):
        if value is None or value == "":
            return
        self.cells += 1
        for e in entities:
            if e not in KNOWN_ENTITIES:
                raise ValueError("unknown entity name %r" % e)
            self.counts[e] = self.counts.get(e, 0) + 1

    def shares(self):
        return [(e, c / self.cells) for e, c in self.counts.items()] if self.cells else []

    def expected(self, threshold=0.1):
        return sorted(e for e, r in self.shares() if r >= threshold)

    def borderline(self, threshold=0.1, margin=0.03):
        """Entities whose share is so close to the threshold that the
        expected list would be fragile."""
        return [(e, r) for e, r in self.shares() if threshold - margin <= r < threshold + margin]


# ---------------------------------------------------------------- self-test

def selftest():
    fails = []

    def ok(cond, what):
        if not cond:
            fails.append(what)

    # Published examples.
    ok(luhn_ok("79927398713"), "luhn example 79927398713")
    ok(not luhn_ok("79927398710"), "luhn rejects 79927398710")
    ok(luhn_digit("7992739871") == "3", "luhn digit of 7992739871")
    for good in ("GB82WEST12345698765432", "DE89370400440532013000",
                 "FR1420041010050500013M02606", "ES9121000418450200051332",
                 "IT60X0542811101000000123456", "NL91ABNA0417164300"):
        ok(iban_ok(good), "iban example " + good)
    ok(not iban_ok("DE89370400440532013001"), "iban rejects a changed digit")
    ok(not iban_ok("DE8937040044053201300"), "iban rejects a wrong length")
    ok(fr_rib_key("20041", "01005", "0500013M026") == "06", "clé RIB of the FR example")
    ok(es_control_digits("2100", "0418", "0200051332") == "45", "ES control digits of the example")
    ok(es_control_digits("0072", "0101", "0000122351")[0] == "9", "ES first control digit 0072/0101")
    ok(it_cin("05428", "11101", "000000123456") == "X", "IT CIN of the example")
    ok(nl_elfproef_ok("0417164300"), "NL elfproef of the example")
    ok(nhs_ok("943 476 5919"), "NHS example 943 476 5919")
    ok(not nhs_ok("9876544321"), "NHS format example 987 654 4321 is not check-valid")
    ok(not nhs_ok("9434765918"), "NHS rejects 9434765918")
    ok(npi_ok("1234567893"), "NPI example 1234567893")
    ok(not npi_ok("1234567890"), "NPI rejects 1234567890")
    ok(dea_ok("AP5836727"), "DEA example AP5836727")
    ok(not dea_ok("AB4523763"), "DEA rejects AB4523763")
    ok(uk_vat_ok("GB 782 2375 17"), "UK VAT example 782237517")
    ok(not uk_vat_ok("GB123456789"), "UK VAT rejects 123456789")
    ok(ean_digit("400638133393") == "1", "EAN example 4006381333931")
    ok(ean_digit("978316148410") == "0", "ISBN-13 example 978-3-16-148410-0")
    ok(isbn10_digit("030640615") == "2", "ISBN-10 example 0-306-40615-2")
    ok(ssn_ok("123-45-6789") and not ssn_ok("666-12-3456") and not ssn_ok("900-12-3456")
       and not ssn_ok("123-00-4567") and not ssn_ok("123-45-0000"), "SSN area/group/serial rules")
    ok(itin_ok("912-70-1234") and not itin_ok("912-89-1234") and not itin_ok("912-93-1234"), "ITIN groups")
    ok(nino_ok("AB123456C") and not nino_ok("GB123456A") and not nino_ok("DA123456A")
       and not nino_ok("AO123456A"), "NINO prefix rules")

    # Generated values pass their own checks.
    rng = Rng(12345)
    for _ in range(3000):
        c = card_number(rng)
        ok(luhn_ok(c.replace(" ", "").replace("-", "")), "card " + c)
        ok(not luhn_ok(not_luhn_16(rng)), "not_luhn_16")
        for cc in ("DE", "FR", "ES", "IT", "NL"):
            v = iban(rng, cc)
            ok(iban_ok(v), "iban " + v)
            s = v.replace(" ", "")
            if cc == "FR":
                ok(fr_rib_key(s[4:9], s[9:14], s[14:25]) == s[25:], "clé RIB " + v)
            if cc == "ES":
                ok(es_control_digits(s[4:8], s[8:12], s[14:]) == s[12:14], "ES DC " + v)
            if cc == "IT":
                ok(it_cin(s[5:10], s[10:15], s[15:]) == s[4], "IT CIN " + v)
            if cc == "NL":
                ok(nl_elfproef_ok(s[8:]), "NL elfproef " + v)
        ok(ssn_ok(ssn(rng)), "ssn")
        ok(itin_ok(itin(rng)), "itin")
        ok(npi_ok(npi(rng)), "npi")
        ok(dea_ok(dea(rng, rng.choice(SURNAMES["US"]))), "dea")
        ok(nino_ok(nino(rng)), "nino")
        ok(nhs_ok(nhs_number(rng)), "nhs")
        ok(uk_vat_ok(uk_vat(rng)), "uk vat")
        e = ean13(rng)
        ok(ean_digit(e[:12]) == e[12], "ean")
        ok(ipaddress.ip_address(ipv6(rng)).version == 6, "ipv6")
        ok(ipaddress.ip_address(ipv4(rng, 0.2)).version == 4, "ipv4")
    for f in fails[:20]:
        print("selftest: FAIL " + f, file=sys.stderr)
    if not fails:
        print("selftest: ok")
    return 1 if fails else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--selftest"]:
        sys.exit(selftest())
    print("usage: synth.py --selftest", file=sys.stderr)
    sys.exit(2)
