#!/usr/bin/env python3
"""Generate datamap's sample estate (examples/estate/).

    python3 examples/estate/generate.py [--out DIR]

Writes a small, realistic set of data stores (one folder per asset), the
sidecar tag files and .labels.json, the expected entities of every column.
The output is committed; tests/integration/test_estate_generator.sh checks
that it matches a fresh run byte for byte, so edit this script, not the
generated files.

Deterministic by construction: fixed seeds, values from bench/synth.py (which
uses only random.Random.random()), no iteration over sets, no locale or time
zone, gzip written by our own fixed-Huffman deflate (zlib's output may differ
between zlib and zlib-ng builds) with mtime 0, and zstd as a frame of raw
blocks (valid zstd that any decoder reads, not compressed).
"""

import argparse
import csv
import datetime
import io
import json
import os
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "bench"))
import synth as S  # noqa: E402

sys.path.insert(0, HERE)
sys.dont_write_bytecode = True      # no __pycache__ folder in the estate (it would be an asset)
import multilingual as ML  # noqa: E402

SEED = 20250114
THRESHOLD = 0.1


# ---------------------------------------------------------------- deflate (RFC 1951), fixed Huffman codes

def _rev(code, n):
    r = 0
    for _ in range(n):
        r = (r << 1) | (code & 1)
        code >>= 1
    return r


_LEN_BASE = (3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
             67, 83, 99, 115, 131, 163, 195, 227, 258)
_LEN_EXTRA = (0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0)
_DIST_BASE = (1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
              1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577)
_DIST_EXTRA = (0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10,
               11, 11, 12, 12, 13, 13)


def _fixed_tables():
    lit = []
    for v in range(288):
        if v < 144:
            code, n = 0x30 + v, 8
        elif v < 256:
            code, n = 0x190 + v - 144, 9
        elif v < 280:
            code, n = v - 256, 7
        else:
            code, n = 0xC0 + v - 280, 8
        lit.append((_rev(code, n), n))
    length = [None] * 259
    idx = 0
    for L in range(3, 259):
        while idx + 1 < len(_LEN_BASE) and _LEN_BASE[idx + 1] <= L:
            idx += 1
        bits, n = lit[257 + idx]
        length[L] = (bits | ((L - _LEN_BASE[idx]) << n), n + _LEN_EXTRA[idx])
    dist = [None] * 32769
    idx = 0
    for d in range(1, 32769):
        while idx + 1 < len(_DIST_BASE) and _DIST_BASE[idx + 1] <= d:
            idx += 1
        dist[d] = (_rev(idx, 5) | ((d - _DIST_BASE[idx]) << 5), 5 + _DIST_EXTRA[idx])
    return lit, length, dist


_LIT, _LEN, _DIST = _fixed_tables()
_MAX_CHAIN = 8


def _match_len(data, a, b, maxlen):
    """Length of the common prefix of data[a:] and data[b:], up to maxlen."""
    if data[a:a + maxlen] == data[b:b + maxlen]:
        return maxlen
    lo, hi = 0, maxlen          # data[a:a+lo] matches, data[a:a+hi] does not
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if data[a:a + mid] == data[b:b + mid]:
            lo = mid
        else:
            hi = mid
    return lo


def deflate_fixed(data):
    """One final fixed-Huffman block, greedy LZ77 with hash chains."""
    n = len(data)
    out = bytearray()
    acc, nacc = 0b011, 3        # BFINAL=1, BTYPE=01
    head = {}
    prev = [-1] * n
    lit, lens, dists = _LIT, _LEN, _DIST
    i = 0
    while i < n:
        best_len, best_dist = 0, 0
        maxlen = min(258, n - i)
        if maxlen >= 3:
            cand = head.get(data[i:i + 3], -1)
            chain = 0
            while cand >= 0 and i - cand <= 32768 and chain < _MAX_CHAIN:
                if data[cand + best_len] == data[i + best_len]:
                    L = _match_len(data, cand, i, maxlen)
                    if L > best_len:
                        best_len, best_dist = L, i - cand
                        if L == maxlen:
                            break
                cand = prev[cand]
                chain += 1
        if best_len >= 3:
            bits, nb = lens[best_len]
            acc |= bits << nacc
            nacc += nb
            bits, nb = dists[best_dist]
            acc |= bits << nacc
            nacc += nb
            step = best_len
        else:
            bits, nb = lit[data[i]]
            acc |= bits << nacc
            nacc += nb
            step = 1
        end = min(i + step, n - 2)
        for p in range(i, end):
            key = data[p:p + 3]
            prev[p] = head.get(key, -1)
            head[key] = p
        i += step
        if nacc >= 32:
            out += (acc & 0xFFFFFFFF).to_bytes(4, "little")
            acc >>= 32
            nacc -= 32
    bits, nb = lit[256]
    acc |= bits << nacc
    nacc += nb
    while nacc > 0:
        out.append(acc & 0xFF)
        acc >>= 8
        nacc -= 8
    return bytes(out)


def gzip_bytes(data):
    """RFC 1952 member: no name, mtime 0, OS unknown."""
    body = deflate_fixed(data)
    gz = (b"\x1f\x8b\x08\x00" + b"\x00\x00\x00\x00" + b"\x00\xff" + body
          + struct.pack("<II", zlib.crc32(data) & 0xFFFFFFFF, len(data) & 0xFFFFFFFF))
    if zlib.decompress(gz, 31) != data:
        raise AssertionError("deflate round trip failed")
    return gz


def zstd_raw_bytes(data):
    """RFC 8878 frame: single segment, 4-byte content size, raw blocks."""
    out = bytearray(b"\x28\xb5\x2f\xfd")
    out.append(0xA0)                       # FCS_flag=2, Single_Segment=1, no checksum, no dict
    out += struct.pack("<I", len(data))
    if not data:
        out += (1).to_bytes(3, "little")   # empty last raw block
        return bytes(out)
    block = 128 * 1024
    for off in range(0, len(data), block):
        chunk = data[off:off + block]
        last = 1 if off + block >= len(data) else 0
        out += ((len(chunk) << 3) | last).to_bytes(3, "little")   # Block_Type 0 = raw
        out += chunk
    return bytes(out)


# ---------------------------------------------------------------- table bookkeeping

class Labelled:
    """Rows of one file plus, per column, what each cell holds."""

    def __init__(self, path, asset, table, fmt, columns, **extra):
        self.path = path
        self.asset = asset
        self.table = table
        self.fmt = fmt
        self.columns = list(columns)
        self.extra = extra
        self.tallies = {c: S.ColumnTally() for c in self.columns}
        self.rows = 0

    def tally(self, column, value, entities=()):
        if column not in self.tallies:
            self.columns.append(column)
            self.tallies[column] = S.ColumnTally()
        self.tallies[column].add(value, entities)

    def label(self):
        cols, shares = {}, {}
        for c in self.columns:
            t = self.tallies[c]
            bad = t.borderline(THRESHOLD)
            if bad:
                raise AssertionError("%s: column %s has a share too close to the threshold: %r"
                                     % (self.path, c, bad))
            cols[c] = t.expected(THRESHOLD)
            sh = {e: round(r, 3) for e, r in t.shares() if e in cols[c] and r < 1.0}
            if sh:
                shares[c] = sh
        d = {"asset": self.asset, "table": self.table, "format": self.fmt}
        d.update(self.extra)
        d["rows"] = self.rows
        d["columns"] = cols
        if shares:
            d["shares"] = shares
        return d


def csv_bytes(header, rows, delimiter=","):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    return buf.getvalue().encode("utf-8")


def json_line(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


# ---------------------------------------------------------------- customers

CUSTOMER_COUNTRIES = [(22, "US"), (20, "GB"), (16, "DE"), (14, "FR"), (9, "ES"), (9, "IT"), (10, "NL")]
IBAN_COUNTRIES = ("DE", "FR", "ES", "IT", "NL")


def phone_entities(country):
    return ("PHONE_NUMBER", "UK_PHONE_NUMBER") if country == "GB" else ("PHONE_NUMBER",)


def gen_customers(rng, n):
    cols = ["id", "first_name", "last_name", "email", "phone", "date_of_birth", "street_address",
            "city", "postcode", "country", "credit_card", "iban", "signup_at", "loyalty_points", "notes"]
    t = Labelled("customers/customers.csv", "customers", "customers", "csv", cols, delimiter=",")
    rows, people = [], []
    for k in range(n):
        country = rng.weighted(CUSTOMER_COUNTRIES)
        p = S.person(rng, country)
        mail = S.email(rng, p)
        phone = S.PHONE_BY_COUNTRY[country](rng)
        street = S.street_line(rng, country)
        city, postcode, _ = S.city_postcode(rng, country)
        card = S.card_number(rng) if rng.chance(0.9) else ""
        iban = S.iban(rng, country) if country in IBAN_COUNTRIES and rng.chance(0.85) else ""
        r = rng.below(100)
        if r < 45:
            notes, note_ents = "", ()
        elif r < 59:
            notes, note_ents = S.note_with_email(rng, S.email(rng, p)), ("EMAIL",)
        elif r < 70:
            alt = S.PHONE_BY_COUNTRY[country](rng)
            notes, note_ents = S.note_with_phone(rng, alt), phone_entities(country)
        else:
            notes, note_ents = S.note_plain(rng), ()
        row = [str(100001 + k), p.first, p.last, mail, phone, S.dob(rng, "iso"), street, city,
               postcode, country, card, iban,
               S.timestamp(rng, "iso", (2019, 1, 1), (2025, 1, 10)), str(rng.below(5000)), notes]
        ents = [(), ("PERSON_NAME",), ("PERSON_NAME",), ("EMAIL",), phone_entities(country),
                ("DATE_OF_BIRTH",), ("ADDRESS",), (), (), (), ("CREDIT_CARD",),
                (iban_entity(country),), (), (), note_ents]
        for c, v, e in zip(cols, row, ents):
            t.tally(c, v, e)
        rows.append(row)
        people.append((p, mail, country, street, city, postcode))
    t.rows = n
    return t, csv_bytes(cols, rows), people


def iban_entity(country):
    return {"DE": "GERMANY_BANK_ACCOUNT", "FR": "FRANCE_BANK_ACCOUNT", "ES": "SPAIN_BANK_ACCOUNT",
            "IT": "ITALY_BANK_ACCOUNT", "NL": "NETHERLANDS_BANK_ACCOUNT"}.get(country, "")


def gen_orders(rng, n, people, products):
    t = Labelled("customers/orders.jsonl.gz", "customers", "orders", "jsonl", [], compression="gzip")
    lines = []
    start = datetime.datetime(2024, 10, 1)
    for k in range(n):
        p, mail, country, street, city, postcode = rng.choice(people)
        created = start + datetime.timedelta(seconds=k * 2700 + rng.below(2700))
        items, total = [], 0
        for _ in range(rng.between(1, 4)):
            sku, name, cents = rng.choice(products)
            qty = rng.between(1, 3)
            total += qty * cents
            items.append({"sku": sku, "name": name, "qty": qty, "unit_price": round(cents / 100, 2)})
        ip = S.ipv4(rng) if rng.chance(0.75) else S.ipv6(rng)
        ua = S.user_agent(rng)
        order = {
            "order_id": "ORD-%d-%06d" % (created.year, 4000 + k),
            "created_at": S.fmt_ts(created, "iso"),
            "customer": {"email": mail, "name": p.full},
            "shipping": {"address": street, "city": city, "postcode": postcode, "country": country},
            "items": items,
            "total": round(total / 100, 2),
            "currency": "USD" if country == "US" else "GBP" if country == "GB" else "EUR",
            "payment": {"method": rng.weighted([(6, "card"), (3, "paypal"), (1, "sepa_debit")]),
                        "status": rng.weighted([(9, "captured"), (1, "refunded")])},
            "ip_address": ip,
            "user_agent": ua,
        }
        lines.append(json_line(order))
        t.tally("order_id", order["order_id"])
        t.tally("created_at", order["created_at"])
        t.tally("customer.email", mail, ("EMAIL",))
        t.tally("customer.name", p.full, ("PERSON_NAME",))
        t.tally("shipping.address", street, ("ADDRESS",))
        t.tally("shipping.city", city)
        t.tally("shipping.postcode", postcode)
        t.tally("shipping.country", country)
        for it in items:
            t.tally("items.sku", it["sku"])
            t.tally("items.name", it["name"])
            t.tally("items.qty", str(it["qty"]))
            t.tally("items.unit_price", str(it["unit_price"]))
        t.tally("total", str(order["total"]))
        t.tally("currency", order["currency"])
        t.tally("payment.method", order["payment"]["method"])
        t.tally("payment.status", order["payment"]["status"])
        t.tally("ip_address", ip, ("IP_ADDRESS",))
        t.tally("user_agent", ua)
    t.rows = n
    raw = ("\n".join(lines) + "\n").encode("utf-8")
    return t, gzip_bytes(raw)


# ---------------------------------------------------------------- hr

DEPARTMENTS = ["Engineering", "Finance", "Sales", "Marketing", "Operations", "Customer Support", "Legal"]


def gen_employees(rng, n):
    cols = ["employee_id", "full_name", "work_email", "location", "department", "ssn", "uk_nino",
            "nhs_number", "salary", "currency", "hire_date", "date_of_birth", "sort_code",
            "account_number", "manager"]
    t = Labelled("hr/employees.csv", "hr", "employees", "csv", cols, delimiter=";")
    staff = []
    heads = {}
    for k in range(n):
        loc = "US" if rng.chance(0.5) else "GB"
        p = S.person(rng, loc, foreign=0.3)
        dept = rng.choice(DEPARTMENTS)
        e = {
            "employee_id": "E%05d" % (10001 + k),
            "person": p,
            "location": loc,
            "department": dept,
            "work_email": "%s.%s@corp.example.com" % (S.ascii_fold(p.first), S.ascii_fold(p.last)),
            "ssn": S.ssn(rng) if loc == "US" else "",
            "nino": S.nino(rng) if loc == "GB" else "",
            "nhs": S.nhs_number(rng, "space") if loc == "GB" and rng.chance(0.9) else "",
            "salary": rng.between(28, 160) * 1000 + rng.choice([0, 250, 500, 750]),
            "currency": "USD" if loc == "US" else "GBP",
            "hire": S.date_between(rng, (2008, 1, 1), (2024, 12, 31)),
            "dob": S.date_between(rng, (1960, 1, 1), (2002, 12, 31)),
            "sort_code": S.sort_code(rng) if loc == "GB" else "",
            "account": S.uk_account(rng) if loc == "GB" else "",
        }
        if dept not in heads:
            heads[dept] = p.full
            e["manager"] = ""
        else:
            e["manager"] = heads[dept]
        staff.append(e)
    rows = []
    for e in staff:
        p = e["person"]
        row = [e["employee_id"], p.full, e["work_email"], e["location"], e["department"], e["ssn"],
               e["nino"], e["nhs"], str(e["salary"]), e["currency"], S.fmt_date(e["hire"], "eu"),
               S.fmt_date(e["dob"], "eu"), e["sort_code"], e["account"], e["manager"]]
        ents = [(), ("PERSON_NAME",), ("EMAIL",), (), (), ("USA_SSN",), ("UK_NATIONAL_INSURANCE_NUMBER",),
                ("UK_NATIONAL_HEALTH_SERVICE_NUMBER",), (), (), (), ("DATE_OF_BIRTH",),
                ("UK_BANK_SORT_CODE",), ("BANK_ACCOUNT",), ("PERSON_NAME",)]
        for c, v, en in zip(cols, row, ents):
            t.tally(c, v, en)
        rows.append(row)
    t.rows = n
    return t, csv_bytes(cols, rows, ";"), staff


PAYROLL_MONTHS = [(2024, 12), (2025, 1), (2025, 2), (2025, 3)]


def gen_payroll(rng, staff, year, month):
    path = "hr/payroll/year=%d/month=%02d/part-0.csv" % (year, month)
    cols = ["employee_id", "full_name", "pay_date", "currency", "gross_pay", "tax_withheld",
            "net_pay", "tax_id", "sort_code", "account_number"]
    t = Labelled(path, "hr", "payroll", "csv", cols, delimiter=",", partition={"year": str(year), "month": "%02d" % month})
    rows = []
    pay_day = datetime.date(year, month, 25)
    for e in staff:
        gross = e["salary"] * 100 // 12
        rate = 0.22 + rng.below(80) / 1000
        tax = int(gross * rate)
        tax_id = e["ssn"] if e["location"] == "US" else e["nino"]
        row = [e["employee_id"], e["person"].full, S.fmt_date(pay_day, "iso"), e["currency"],
               "%.2f" % (gross / 100), "%.2f" % (tax / 100), "%.2f" % ((gross - tax) / 100), tax_id,
               e["sort_code"], e["account"]]
        ents = [(), ("PERSON_NAME",), (), (), (), (), (),
                # SSNs and NINOs in one column: also the category as a whole
                ("USA_SSN", "NATIONAL_ID") if e["location"] == "US" else ("UK_NATIONAL_INSURANCE_NUMBER", "NATIONAL_ID"),
                ("UK_BANK_SORT_CODE",), ("BANK_ACCOUNT",)]
        for c, v, en in zip(cols, row, ents):
            t.tally(c, v, en)
        rows.append(row)
    t.rows = len(rows)
    return t, csv_bytes(cols, rows)


# ---------------------------------------------------------------- weblogs

WEB_PATHS = ["/", "/cart", "/checkout", "/checkout/payment", "/account", "/account/orders",
             "/search", "/api/v1/cart/items", "/api/v1/recommendations", "/static/app.3f9a1c.js",
             "/static/styles.8be21d.css", "/favicon.ico", "/robots.txt", "/healthz", "/login", "/logout"]
REFERRERS = ["https://www.google.com/", "https://www.bing.com/", "https://duckduckgo.com/",
             "https://shop.example.com/", "https://shop.example.com/cart", "https://news.example.org/deals",
             "https://www.facebook.com/", "https://t.co/"]
METHODS = [(80, "GET"), (15, "POST"), (3, "PUT"), (2, "DELETE")]
STATUSES = [(82, 200), (6, 304), (4, 302), (4, 404), (2, 401), (1, 500), (1, 503)]


def gen_weblog(rng, day, n, path, compression):
    t = Labelled(path, "weblogs", "access", "jsonl", [], **({"compression": compression} if compression else {}))
    base = datetime.datetime(*day)
    secs = sorted(rng.below(86400 * 1000) for _ in range(n))
    lines = []
    for ms in secs:
        ts = base + datetime.timedelta(milliseconds=ms)
        ip = S.ipv4(rng, private=0.1) if rng.chance(0.78) else S.ipv6(rng)
        r = rng.below(100)
        path_ents = ()
        if r < 30:
            p = "/products/%s-%d" % (rng.choice(S.PRODUCT_ITEM).replace(" ", "-"), rng.between(1000, 9999))
        elif r < 38:
            p = "/search?q=%s+%s" % (rng.choice(S.PRODUCT_ADJ).lower(), rng.choice(S.PRODUCT_ITEM).split(" ")[0])
        elif r < 40:
            # a few unsubscribe links carry the address in the query string: a
            # share far below the threshold, so the column is not EMAIL
            p = "/account/unsubscribe?email=%s" % S.email(rng)
            path_ents = ("EMAIL",)
        else:
            p = rng.choice(WEB_PATHS)
        ua = S.user_agent(rng)
        ref = rng.choice(REFERRERS) if rng.chance(0.55) else None
        rec = {"timestamp": S.fmt_ts(ts, "ms"), "ip": ip, "method": rng.weighted(METHODS), "path": p,
               "status": rng.weighted(STATUSES), "bytes": rng.between(120, 250000), "user_agent": ua,
               "referrer": ref, "request_id": S.uuid4(rng), "duration_ms": rng.between(1, 1800)}
        lines.append(json_line(rec))
        t.tally("timestamp", rec["timestamp"])
        t.tally("ip", ip, ("IP_ADDRESS",))
        t.tally("method", rec["method"])
        t.tally("path", p, path_ents)
        t.tally("status", str(rec["status"]))
        t.tally("bytes", str(rec["bytes"]))
        t.tally("user_agent", ua)
        t.tally("referrer", ref)
        t.tally("request_id", rec["request_id"])
        t.tally("duration_ms", str(rec["duration_ms"]))
    t.rows = n
    raw = ("\n".join(lines) + "\n").encode("utf-8")
    if compression == "gzip":
        raw = gzip_bytes(raw)
    elif compression == "zstd":
        raw = zstd_raw_bytes(raw)
    return t, raw


# ---------------------------------------------------------------- products (no personal data)

WAREHOUSES = [("WH-LEJ-01", "Leipzig", "DE"), ("WH-RTM-02", "Rotterdam", "NL"), ("WH-LYS-01", "Lyon", "FR"),
              ("WH-EMA-03", "Nottingham", "GB"), ("WH-IND-01", "Indianapolis", "US"), ("WH-MXP-01", "Milano", "IT")]


def gen_products(rng, n):
    cols = ["sku", "name", "description", "price", "weight", "category", "supplier", "ean", "created_at"]
    t = Labelled("products/products.csv", "products", "products", "csv", cols, delimiter=",")
    rows, catalog = [], []
    suppliers = [S.company(rng) for _ in range(25)]
    for k in range(n):
        sku = "SKU-%05d" % (20001 + k * 3)
        name = S.product_name(rng)
        cents = rng.between(299, 34999)
        row = [sku, name, S.product_description(rng), "%.2f" % (cents / 100), "%.2f" % rng.uniform(0.05, 12.0),
               rng.choice(S.CATEGORIES), rng.choice(suppliers), S.ean13(rng),
               S.timestamp(rng, "sql", (2018, 1, 1), (2024, 12, 31))]
        for c, v in zip(cols, row):
            t.tally(c, v)
        rows.append(row)
        catalog.append((sku, name, cents))
    t.rows = n
    return t, csv_bytes(cols, rows), catalog


def gen_inventory(rng, catalog):
    t = Labelled("products/inventory.json", "products", "inventory", "json", [])
    items = []
    for sku, name, cents in catalog:
        code, city, country = rng.choice(WAREHOUSES)
        electronic = any(w in name for w in ("lamp", "headphones", "bike light"))
        rec = {"sku": sku,
               "warehouse": {"code": code, "city": city, "country": country},
               "quantity": rng.between(0, 900),
               "reorder_level": rng.choice([10, 25, 50, 100]),
               "batch_id": S.uuid4(rng),
               "firmware_version": S.version4(rng) if electronic else None,
               "label_checksum": S.sha256_hex(rng),
               "last_counted_at": S.timestamp(rng, "iso", (2025, 1, 1), (2025, 3, 31)),
               "unit_cost": round(cents * rng.between(35, 60) / 10000, 2)}
        items.append(rec)
        for path, v in (("sku", sku), ("warehouse.code", code), ("warehouse.city", city),
                        ("warehouse.country", country), ("quantity", str(rec["quantity"])),
                        ("reorder_level", str(rec["reorder_level"])), ("batch_id", rec["batch_id"]),
                        ("firmware_version", rec["firmware_version"]), ("label_checksum", rec["label_checksum"]),
                        ("last_counted_at", rec["last_counted_at"]), ("unit_cost", str(rec["unit_cost"]))):
            t.tally(path, v)
    t.rows = len(items)
    body = "[\n" + ",\n".join(json_line(x) for x in items) + "\n]\n"
    return t, body.encode("utf-8")


# ---------------------------------------------------------------- security

def gen_keys(rng, n):
    cols = ["user_email", "access_key_id", "secret_access_key", "status", "created_at", "last_used_at",
            "last_used_service", "mfa_enabled"]
    t = Labelled("security/iam_access_keys.csv", "security", "iam_access_keys", "csv", cols, delimiter=",")
    rows = []
    for _ in range(n):
        p = S.person(rng, rng.choice(["US", "GB", "DE", "FR"]))
        created = S.timestamp_between(rng, (2021, 1, 1), (2024, 12, 31))
        used = created + datetime.timedelta(seconds=rng.below(90 * 86400))
        row = ["%s.%s@corp.example.com" % (S.ascii_fold(p.first), S.ascii_fold(p.last)),
               S.aws_access_key(rng), S.aws_secret_key(rng),
               rng.weighted([(8, "Active"), (2, "Inactive")]), S.fmt_ts(created), S.fmt_ts(used),
               rng.choice(["s3", "dynamodb", "sts", "ec2", "glue", "lambda"]),
               rng.choice(["true", "false"])]
        ents = [("EMAIL",), ("AWS_ACCESS_KEY",), ("AWS_SECRET_KEY",), (), (), (), (), ()]
        for c, v, e in zip(cols, row, ents):
            t.tally(c, v, e)
        rows.append(row)
    t.rows = n
    return t, csv_bytes(cols, rows)


# ---------------------------------------------------------------- tags (GDPR Art. 30)

TAGS = {
    "customers": [
        ("Purpose of Processing", "Order fulfilment, customer support and the loyalty programme"),
        ("Data Subjects", "Customers"),
        ("Processing Activity", "Customer relationship management"),
        ("Business Function", "Sales"),
        ("APP_NAME", "webshop"),
        ("APP_ID", "app-0142"),
        ("Data Consumers", "Customer support; Finance; Payment service provider"),
        ("Retention", "6 years after the last order"),
        ("Legal Basis", "Art. 6(1)(b) contract"),
        ("Security Measures", "Encryption at rest; role-based access; quarterly access review"),
        ("Third Country Transfers", "United States (payment processor, Standard Contractual Clauses)"),
    ],
    "hr": [
        ("Purpose of Processing", "Payroll and personnel administration"),
        ("Data Subjects", "Employees"),
        ("Processing Activity", "Payroll"),
        ("Business Function", "Human Resources"),
        ("APP_NAME", "hr-core"),
        ("APP_ID", "app-0007"),
        ("Data Consumers", "HR; Finance; tax authorities (HMRC, IRS)"),
        ("Retention", "6 years after the end of employment"),
        ("Legal Basis", "Art. 6(1)(b) contract; Art. 6(1)(c) legal obligation"),
        ("Security Measures", "Encryption at rest; access limited to HR and payroll staff; audit log"),
        ("Third Country Transfers", "United States (group HR system, intra-group agreement)"),
    ],
    "weblogs": [
        ("Purpose of Processing", "Service security and troubleshooting"),
        ("Data Subjects", "Website visitors"),
        ("Processing Activity", "Web access logging"),
        ("Business Function", "IT Operations"),
        ("APP_NAME", "edge-proxy"),
        ("APP_ID", "app-0311"),
        ("Data Consumers", "Site reliability team; security team"),
        ("Retention", "90 days"),
        ("Legal Basis", "Art. 6(1)(f) legitimate interests"),
        ("Security Measures", "Encryption at rest; logs readable by the operations group only"),
    ],
}


def yaml_quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def tags_yaml(pairs):
    lines = ["# Art. 30 tags of this asset, read by datamap (generated by generate.py)"]
    for k, v in pairs:
        lines.append("%s: %s" % (yaml_quote(k), yaml_quote(v)))
    return ("\n".join(lines) + "\n").encode("utf-8")


# ---------------------------------------------------------------- main

def readme(labels):
    out = ["# Sample estate", "",
           "Generated by `generate.py` (do not edit by hand; run `python3 examples/estate/generate.py`).",
           "All values are synthetic. `.labels.json` (hidden, so datamap does not scan it as data) lists the entities expected in every column:",
           "an entity is expected when it is in at least 10% of the column's non-empty cells.",
           "Nested JSON fields are named by their dotted path (`customer.email`; array elements",
           "through the array's name: `items.sku`).", "",
           "| file | table | columns with personal data |", "|---|---|---|"]
    for path, f in labels["files"].items():
        pii = ["`%s` %s" % (c, "/".join(e)) for c, e in f["columns"].items() if e]
        out.append("| %s | %s | %s |" % (path, f["table"], "; ".join(pii) if pii else "none"))
    out += ["", "Tags (`.datamap-tags.yaml`): " + ", ".join("%s/" % a for a in labels["tags"] if labels["tags"][a])
            + "; `products/` and `security/` have none (the report should list security/ as a gap).", "",
            "## The multilingual store (eu/)", "",
            "`eu/` holds a Portuguese clinic's patients (`nome`, `data_nascimento` dd/mm/yyyy, NIF, `telefone`,",
            "`diagnostico` as ICD-10 codes, `tipo_sanguineo`, `sexo`), a German HR file (`Vorname`, `Nachname`,",
            "`Geburtsdatum` dd.mm.yyyy, `Steuer-ID`, `Konfession`, `Gewerkschaft`), and a Spanish (DNI) and a French",
            "(NIR) CRM. It carries special-category data (health, religious belief, trade-union membership: GDPR",
            "Art. 9) and gender, and a `Special Category Basis` tag. Generated by `multilingual.py`.", "",
            "### Sources (facts and statistics used; no data set is copied)", "",
            "| what | source | licence / terms |", "|---|---|---|",
            "| Portuguese given names and surnames, rank order | Instituto Nacional de Estatística (INE) and Instituto dos Registos e do Notariado (IRN), published lists of the most frequent names | public statistics; names typed as a ranked list (facts) |",
            "| German given names, rank order | Gesellschaft für deutsche Sprache (GfdS), annual lists of given names | published rankings (facts) |",
            "| German surnames, rank order | Duden Familiennamen ranking of the most frequent surnames | published ranking (facts) |",
            "| Spanish given names and surnames, rank order | INE (Spain), \"Nombres y apellidos más frecuentes\" | public statistics, reuse permitted with attribution (INE) |",
            "| French given names and surnames, rank order | INSEE, \"Fichier des prénoms\" and surname frequencies of births 1891-1990 | Licence Ouverte / Etalab (prénoms); published ranking (facts) |",
            "| share of women (PT 52.4%, FR 51.6%) | INE Portugal, Census 2021; INSEE population estimates | public statistics |",
            "| ABO/RhD shares of Portuguese donors | Instituto Português do Sangue e da Transplantação (IPST), approximate shares | public statistics (approximate) |",
            "| religious affiliation in Germany, 2022 shares | Destatis / EKD / Deutsche Bischofskonferenz membership statistics | public statistics |",
            "| DGB unions by members, union density about 16% | DGB membership statistics 2023; OECD/AIAS trade-union density | public statistics |",
            "| ICD-10 codes | WHO ICD-10 classification (codes only; weights illustrative, not statistics) | codes are facts of the classification |",
            "| NIF, Steuer-IdNr, DNI, NIR check digits | the issuers' published rules (AT PT, BZSt, Spanish Ministry of the Interior, INSEE) | specifications |",
            "",
            "Names are weighted by 1/rank: the order is the statistics', the weights are not counts.", ""]
    return ("\n".join(out)).encode("utf-8")


def build():
    """Returns [(relative path, bytes)] in a fixed order, and the labels."""
    root = S.Rng(SEED)
    files, tables = [], []

    pt, pbytes, catalog = gen_products(root.fork("products"), 300)
    ct, cbytes, people = gen_customers(root.fork("customers"), 2000)
    ot, obytes = gen_orders(root.fork("orders"), 2400, people, catalog)
    files += [(ct.path, cbytes), (ot.path, obytes)]
    tables += [ct, ot]
    files.append(("customers/.datamap-tags.yaml", tags_yaml(TAGS["customers"])))

    et, ebytes, staff = gen_employees(root.fork("employees"), 240)
    files.append((et.path, ebytes))
    tables.append(et)
    for y, m in PAYROLL_MONTHS:
        t, b = gen_payroll(root.fork("payroll-%d-%02d" % (y, m)), staff, y, m)
        files.append((t.path, b))
        tables.append(t)
    files.append(("hr/.datamap-tags.yaml", tags_yaml(TAGS["hr"])))

    for day, n, name, comp in (((2025, 1, 14), 1200, "2025-01-14.jsonl", None),
                               ((2025, 1, 15), 1500, "2025-01-15.jsonl.gz", "gzip"),
                               ((2025, 1, 16), 400, "2025-01-16.jsonl.zst", "zstd")):
        t, b = gen_weblog(root.fork("weblog-" + name), day, n, "weblogs/access/" + name, comp)
        files.append((t.path, b))
        tables.append(t)
    files.append(("weblogs/.datamap-tags.yaml", tags_yaml(TAGS["weblogs"])))

    it, ibytes = gen_inventory(root.fork("inventory"), catalog)
    files += [(pt.path, pbytes), (it.path, ibytes)]
    tables += [pt, it]

    kt, kbytes = gen_keys(root.fork("keys"), 120)
    files.append((kt.path, kbytes))
    tables.append(kt)

    for gen, name, n in ((ML.gen_clinic, "eu-clinic", 400), (ML.gen_hr, "eu-hr", 300),
                         (ML.gen_crm_es, "eu-crm-es", 300), (ML.gen_crm_fr, "eu-crm-fr", 300)):
        t, cols, rows = gen(Labelled, root.fork(name), n)
        files.append((t.path, csv_bytes(cols, rows, t.extra["delimiter"])))
        tables.append(t)
    files.append(("eu/.datamap-tags.yaml", tags_yaml(ML.TAGS)))

    labels = {
        "about": "Expected entities per file and column of examples/estate (ground truth for tests). "
                 "Generated by generate.py. An entity is expected when at least `threshold` of the "
                 "column's non-empty cells hold it; `shares` gives that fraction where it is below 1.",
        "threshold": THRESHOLD,
        "files": {t.path: t.label() for t in tables},
        "tags": {a: {k: v for k, v in (ML.TAGS if a == "eu" else TAGS.get(a, []))}
                 for a in ("customers", "hr", "weblogs", "products", "security", "eu")},
    }
    files.append((".labels.json", (json.dumps(labels, ensure_ascii=False, indent=1) + "\n").encode("utf-8")))
    files.append(("README.md", readme(labels)))
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=HERE, help="output folder (default: this script's folder)")
    args = ap.parse_args()
    files = build()
    total = 0
    for rel, data in files:
        path = os.path.join(args.out, *rel.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        total += len(data)
    print("estate: %d files, %d bytes in %s" % (len(files), total, args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
