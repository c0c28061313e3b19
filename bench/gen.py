#!/usr/bin/env python3
"""Labelled benchmark data for datamap's detection engine.

    bench/gen.py [--out DIR] [--rows N] [--seed S] [--verbose]
        Writes one CSV per table into DIR and DIR/labels.json:
        {"table": {"column": ["ENTITY", ...], ...}, ...}, tables named after
        their file without the extension (as `datamap scan DIR` names them).
        Each column holds one entity (a positive), a deliberate mix, or a hard
        negative (label []). See bench/README.md for the tables and the
        labelling rules.

    bench/gen.py [--out DIR] --big MB [--seed S]
        Writes DIR/big.csv, one wide table of about MB * 10^6 bytes mixing
        positives and negatives, for throughput.

    DIR defaults to bench/data/acc for the tables and bench/data for big.csv
    (where bench/run.sh looks).

Same arguments, same bytes (see bench/synth.py for how).
"""

import argparse
import csv
import io
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import synth as S  # noqa: E402

THRESHOLD = 0.1

E = "EMAIL"
CC = "CREDIT_CARD"
IP = "IP_ADDRESS"
MAC = "MAC_ADDRESS"
PH = "PHONE_NUMBER"
UKPH = "UK_PHONE_NUMBER"
SSN = "USA_SSN"
NAME = "PERSON_NAME"
DOB = "DATE_OF_BIRTH"
ADDR = "ADDRESS"
IBAN_ENTITY = {"DE": "GERMANY_BANK_ACCOUNT", "FR": "FRANCE_BANK_ACCOUNT", "ES": "SPAIN_BANK_ACCOUNT",
               "IT": "ITALY_BANK_ACCOUNT", "NL": "NETHERLANDS_BANK_ACCOUNT"}
NONE = ()

# Each table is a function (rng, row index) -> [(column, value, entities)].
# Column order is the order of that list; it must be the same for every row.


def t_customers(rng, i):
    """A webshop's customer table (US)."""
    p = S.person(rng, "US")
    r = rng.below(100)
    if r < 30:
        comment, comment_ents = S.note_with_email(rng, S.email(rng)), (E,)
    else:
        comment, comment_ents = S.note_plain(rng), NONE
    city, zip_, state = S.city_postcode(rng, "US")
    return [
        ("customer_id", str(i + 1), NONE),
        ("first_name", p.first, (NAME,)),
        ("last_name", p.last, (NAME,)),
        ("email", S.email(rng, p), (E,)),
        ("email_verified", rng.choice(["true", "false"]), NONE),
        ("phone", S.phone_us(rng), (PH,)),
        ("dob", S.dob(rng, "iso"), (DOB,)),
        ("street_address", S.street_line(rng, "US"), (ADDR,)),
        ("city", city, NONE),
        ("state", state, NONE),
        ("zip", zip_, NONE),
        ("created_at", S.timestamp(rng, "sql"), NONE),
        ("notes", S.email(rng), (E,)),            # misleading name: holds e-mail addresses
        ("comment", comment, comment_ents),       # free text, ~30% mention an e-mail
    ]


def t_payments(rng, i):
    holder = S.person(rng)
    return [
        ("payment_id", S.uuid4(rng), NONE),
        ("order_number", S.not_luhn_16(rng), NONE),      # 16 digits failing Luhn
        ("card_number", S.card_number(rng), (CC,)),
        ("card_holder", holder.full.upper() if rng.chance(0.5) else holder.full, (NAME,)),
        ("card_expiry", "%02d/%02d" % (rng.between(1, 12), rng.between(25, 31)), NONE),
        ("amount", S.price(rng, 2, 900), NONE),
        ("currency", rng.choice(["EUR", "USD", "GBP"]), NONE),
        ("invoice_no", str(rng.between(100000000, 999999999)), NONE),   # 9 digits
        ("tracking_number", rng.choice("123456789") + rng.digits(9), NONE),  # 10 digits
        ("shipped_at", S.timestamp(rng, "iso"), NONE),
        ("created_epoch", str(rng.between(1500000000, 1740000000)), NONE),
    ]


def t_us_people(rng, i):
    """SSNs under telling and neutral names, with and without dashes."""
    p = S.person(rng, "US", foreign=0.3)
    return [
        ("person_id", str(500000 + i), NONE),
        ("full_name", p.full, (NAME,)),
        ("ssn", S.ssn(rng, dashed=True), (SSN,)),
        ("social_security_no", S.ssn(rng, dashed=False), (SSN,)),
        ("ref", S.ssn(rng, dashed=True), (SSN,)),            # neutral name
        ("record_ref", S.ssn(rng, dashed=False), (SSN,)),    # neutral name, no dashes
        ("ssn_last_updated", S.timestamp(rng, "iso"), NONE),  # telling name, timestamps
        ("itin", S.itin(rng, dashed=rng.chance(0.7)), ("USA_ITIN",)),
        ("passport_number", S.us_passport(rng), ("USA_PASSPORT_NUMBER",)),
        ("birth_date", S.dob(rng, "us"), (DOB,)),
        ("invoice_number", str(rng.between(100000000, 999999999)), NONE),
        ("state", rng.choice(["TX", "CA", "NY", "FL", "WA", "IL", "OH", "GA"]), NONE),
    ]


def t_us_providers(rng, i):
    p = S.person(rng, "US", foreign=0.3)
    _, zip_, _ = S.city_postcode(rng, "US")
    return [
        ("provider_id", str(i + 1), NONE),
        ("provider_name", p.full, (NAME,)),
        ("npi", S.npi(rng), ("USA_NATIONAL_PROVIDER_IDENTIFIER",)),
        ("dea_number", S.dea(rng, p.last), ("USA_DEA_NUMBER",)),
        ("practice_phone", S.phone_us(rng), (PH,)),
        ("taxonomy_code", rng.choice(["207Q00000X", "208D00000X", "207R00000X", "363L00000X",
                                      "1223G0001X", "183500000X", "207X00000X"]), NONE),
        ("license_expires", S.fmt_date(S.date_between(rng, (2025, 1, 1), (2029, 12, 31)), "iso"), NONE),
        ("practice_zip", zip_, NONE),
    ]


def t_uk_employees(rng, i):
    p = S.person(rng, "GB", foreign=0.3)
    return [
        ("employee_no", "E%06d" % (i + 1), NONE),
        ("employee_name", p.full, (NAME,)),
        ("nino", S.nino(rng), ("UK_NATIONAL_INSURANCE_NUMBER",)),
        ("nhs_number", S.nhs_number(rng), ("UK_NATIONAL_HEALTH_SERVICE_NUMBER",)),
        ("sort_code", S.sort_code(rng), ("UK_BANK_SORT_CODE",)),
        ("account_number", S.uk_account(rng), ("BANK_ACCOUNT",)),
        ("mobile", S.phone_uk(rng), (UKPH, PH)),  # a UK number is a phone number too: both, as Glue reports them
        ("home_address", S.full_address(rng, "GB"), (ADDR,)),
        ("postcode", S.city_postcode(rng, "GB")[1], NONE),
        ("date_of_birth", S.dob(rng, "eu"), (DOB,)),
        ("hire_date", S.fmt_date(S.date_between(rng, (2005, 1, 1), (2024, 12, 31)), "eu"), NONE),
        ("salary", str(rng.between(22, 140) * 1000), NONE),
    ]


def t_uk_suppliers(rng, i):
    contact = S.person(rng, "GB")
    city, _, _ = S.city_postcode(rng, "GB")
    return [
        ("supplier_id", "SUP-%05d" % (i + 1), NONE),
        ("company_name", S.company(rng), NONE),
        ("company_number", ("SC" + rng.digits(6)) if rng.chance(0.2) else rng.digits(8), NONE),
        ("vat_number", S.uk_vat(rng), ("UK_VALUE_ADDED_TAX",)),
        ("contact_email", S.email(rng, contact), (E,)),
        ("city", city, NONE),
        ("payment_terms_days", rng.choice(["14", "30", "45", "60"]), NONE),
    ]


def t_eu_bank_accounts(rng, i):
    holder = S.person(rng, rng.choice(["DE", "FR", "ES", "IT", "NL"]))
    mixed_cc = rng.choice(["DE", "FR", "ES", "IT", "NL"])
    return [
        ("account_id", str(i + 1), NONE),
        ("holder", holder.full, (NAME,)),
        ("iban_de", S.iban(rng, "DE"), (IBAN_ENTITY["DE"],)),
        ("iban_fr", S.iban(rng, "FR"), (IBAN_ENTITY["FR"],)),
        ("iban_es", S.iban(rng, "ES"), (IBAN_ENTITY["ES"],)),
        ("iban_it", S.iban(rng, "IT"), (IBAN_ENTITY["IT"],)),
        ("iban_nl", S.iban(rng, "NL"), (IBAN_ENTITY["NL"],)),
        ("iban", S.iban(rng, mixed_cc), (IBAN_ENTITY[mixed_cc],)),   # all five countries
        ("bic", S.bic(rng), NONE),
        ("mandate_id", "MNDT-%d-%06d" % (rng.between(2019, 2025), rng.below(1000000)), NONE),
    ]


def t_network_events(rng, i):
    lat, lon = S.lat_long(rng)
    return [
        ("event_id", S.uuid4(rng), NONE),
        ("occurred_at", S.timestamp(rng, "ms"), NONE),
        ("client_ip", S.ipv4(rng, private=0.1), (IP,)),
        ("client_ipv6", S.ipv6(rng), (IP,)),
        ("device_mac", S.mac(rng), (MAC,)),
        ("user_agent", S.user_agent(rng), NONE),
        ("firmware_version", S.version4(rng), NONE),
        ("server_hostname", S.hostname(rng), NONE),
        ("bytes_sent", str(rng.between(0, 5000000)), NONE),
        ("lat", lat, NONE),
        ("long", lon, NONE),
    ]


def t_cloud_credentials(rng, i):
    p = S.person(rng)
    return [
        ("iam_user_email", S.email(rng, p), (E,)),
        ("access_key_id", S.aws_access_key(rng), ("AWS_ACCESS_KEY",)),
        ("secret_access_key", S.aws_secret_key(rng), ("AWS_SECRET_KEY",)),
        ("key_sha1", S.sha1_hex(rng), NONE),
        ("config_sha256", S.sha256_hex(rng), NONE),
        ("region", rng.choice(["eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-south-1"]), NONE),
        ("created_at", S.timestamp(rng, "iso"), NONE),
    ]


def t_products(rng, i):
    """Only hard negatives."""
    city, _, _ = S.city_postcode(rng, rng.choice(["DE", "FR", "GB", "NL", "IT"]))
    return [
        ("row_id", str(i + 1), NONE),
        ("sku", "SKU-%06d" % (100000 + i * 7), NONE),
        ("product_name", S.product_name(rng), NONE),
        ("description", S.product_description(rng), NONE),
        ("price", S.price(rng), NONE),
        ("weight_kg", "%.3f" % rng.uniform(0.01, 25.0), NONE),
        ("category", rng.choice(S.CATEGORIES), NONE),
        ("supplier", S.company(rng), NONE),
        ("ean", S.ean13(rng), NONE),
        ("isbn", S.isbn13(rng, hyphens=rng.chance(0.6)), NONE),
        ("isbn10", S.isbn10(rng), NONE),
        ("in_stock", rng.choice(["Y", "N"]), NONE),
        ("quantity", str(rng.between(0, 20)), NONE),
        ("warehouse_city", city, NONE),
        ("version", S.version4(rng), NONE),
        ("created_at", S.timestamp(rng, "sql"), NONE),
    ]


TABLES = [
    ("customers", t_customers),
    ("payments", t_payments),
    ("us_people", t_us_people),
    ("us_providers", t_us_providers),
    ("uk_employees", t_uk_employees),
    ("uk_suppliers", t_uk_suppliers),
    ("eu_bank_accounts", t_eu_bank_accounts),
    ("network_events", t_network_events),
    ("cloud_credentials", t_cloud_credentials),
    ("products", t_products),
]


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def gen_accuracy(out, rows, seed, verbose):
    os.makedirs(out, exist_ok=True)
    root = S.Rng(seed)
    labels = {}
    warnings = 0
    for name, fn in TABLES:
        rng = root.fork(name)
        header, tallies, data = None, None, []
        for i in range(rows):
            cells = fn(rng, i)
            if header is None:
                header = [c for c, _, _ in cells]
                tallies = [S.ColumnTally() for _ in header]
            row = []
            for k, (c, v, ents) in enumerate(cells):
                tallies[k].add(v, ents)
                row.append(v)
            data.append(row)
        write_csv(os.path.join(out, name + ".csv"), header, data)
        labels[name] = {}
        for c, t in zip(header, tallies):
            labels[name][c] = t.expected(THRESHOLD)
            for e, r in t.borderline(THRESHOLD):
                warnings += 1
                print("gen: warning: %s.%s: %s in %.3f of the cells, close to the threshold %.2f"
                      % (name, c, e, r, THRESHOLD), file=sys.stderr)
            if verbose:
                print("%-18s %-20s %s" % (name, c, ", ".join("%s %.3f" % (e, r) for e, r in t.shares()) or "-"),
                      file=sys.stderr)
    with open(os.path.join(out, "labels.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(labels, f, indent=1)
        f.write("\n")
    ncols = sum(len(c) for c in labels.values())
    npos = sum(1 for c in labels.values() for e in c.values() if e)
    print("gen: %d tables, %d columns (%d with personal data, %d hard negatives), %d rows each -> %s"
          % (len(labels), ncols, npos, ncols - npos, rows, out), file=sys.stderr)
    return warnings


# ---------------------------------------------------------------- throughput

BIG_COLUMNS = [
    ("id", None),
    ("uuid", lambda r: S.uuid4(r)),
    ("first_name", lambda r: S.person(r).first),
    ("last_name", lambda r: S.person(r).last),
    ("email", lambda r: S.email(r)),
    ("email_verified", lambda r: r.choice(["true", "false"])),
    ("phone", lambda r: S.PHONE_BY_COUNTRY[r.choice(["US", "GB", "DE", "FR"])](r)),
    ("dob", lambda r: S.dob(r)),
    ("street_address", lambda r: S.street_line(r, r.choice(["US", "GB", "DE", "FR"]))),
    ("city", lambda r: S.city_postcode(r, r.choice(["US", "GB", "DE", "FR"]))[0]),
    ("zip", lambda r: S.city_postcode(r, "US")[1]),
    ("card_number", lambda r: S.card_number(r)),
    ("order_number", lambda r: S.not_luhn_16(r)),
    ("amount", lambda r: S.price(r)),
    ("iban", lambda r: S.iban(r, r.choice(["DE", "FR", "ES", "IT", "NL"]))),
    ("ssn", lambda r: S.ssn(r)),
    ("invoice_no", lambda r: str(r.between(100000000, 999999999))),
    ("client_ip", lambda r: S.ipv4(r)),
    ("client_ipv6", lambda r: S.ipv6(r)),
    ("device_mac", lambda r: S.mac(r)),
    ("user_agent", lambda r: S.user_agent(r)),
    ("created_at", lambda r: S.timestamp(r)),
    ("sha256", lambda r: S.sha256_hex(r)),
    ("description", lambda r: S.product_description(r)),
    ("comment", lambda r: S.note_with_email(r, S.email(r)) if r.chance(0.3) else S.note_plain(r)),
    ("version", lambda r: S.version4(r)),
    ("ean", lambda r: S.ean13(r)),
    ("lat", lambda r: S.lat_long(r)[0]),
    ("long", lambda r: S.lat_long(r)[1]),
]
# Distinct primes: column k of row i is pool_k[(i * step_k + k) % size_k], so
# rows never repeat within any realistic file size.
POOL_SIZES = [2003, 2011, 2017, 2027, 2029, 2039, 2053, 2063, 2069, 2081, 2083, 2087, 2089, 2099,
              2111, 2113, 2129, 2131, 2137, 2141, 2143, 2153, 2161, 2179, 2203, 2207, 2213, 2221,
              2237, 2239]


def csv_field(v):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow([v])
    return buf.getvalue()


def gen_big(out, mb, seed):
    os.makedirs(out, exist_ok=True)
    target = int(mb * 1000000)
    root = S.Rng(seed).fork("big")
    pools = []
    for k, (name, fn) in enumerate(BIG_COLUMNS):
        if fn is None:
            pools.append(None)
            continue
        r = root.fork(name)
        pools.append([csv_field(fn(r)) for _ in range(POOL_SIZES[k])])
    path = os.path.join(out, "big.csv")
    written = 0
    i = 0
    with open(path, "wb") as f:
        head = (",".join(n for n, _ in BIG_COLUMNS) + "\n").encode()
        f.write(head)
        written += len(head)
        while written < target:
            lines = []
            for _ in range(2000):
                cells = [str(i + 1)]
                for k in range(1, len(pools)):
                    pool = pools[k]
                    cells.append(pool[(i * (k + 1) + k) % len(pool)])
                lines.append(",".join(cells))
                i += 1
            chunk = ("\n".join(lines) + "\n").encode("utf-8")
            if written + len(chunk) > target:
                # finish on a whole line at or just past the target
                cut = chunk.find(b"\n", max(0, target - written - 1)) + 1
                i -= chunk[cut:].count(b"\n")
                chunk = chunk[:cut]
            f.write(chunk)
            written += len(chunk)
    print("gen: %s: %d rows, %d bytes" % (path, i, written), file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description="Labelled benchmark data for datamap (see bench/README.md).")
    ap.add_argument("--out", help="output folder (default: bench/data/acc, or bench/data with --big)")
    ap.add_argument("--rows", type=int, default=10000, help="rows per table (default 10000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--big", type=float, metavar="MB",
                    help="instead of the labelled tables, write OUT/big.csv of about MB * 10^6 bytes")
    ap.add_argument("--verbose", action="store_true", help="print each column's entity shares")
    args = ap.parse_args()
    if args.rows < 1:
        ap.error("--rows must be at least 1")
    data = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
    if args.big is not None:
        if args.big <= 0:
            ap.error("--big must be positive")
        gen_big(args.out or data, args.big, args.seed)
    else:
        gen_accuracy(args.out or os.path.join(data, "acc"), args.rows, args.seed, args.verbose)


if __name__ == "__main__":
    main()
