#!/usr/bin/env bash
# SQLite source: `datamap scan sqlite:///...` finds personal data in the
# JSON shape with declared types; a hostile table name is crawled and
# sampled and the file is unchanged afterwards (bytes and every table's
# checksum); rows are sampled over the whole rowid range, not the head;
# views, include/exclude, the statement time limit and errors.
. "$(dirname "$0")/lib.sh"
DB=$WORK/shop.db
python3 - "$DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
first = ["Alice", "Bruno", "Chloe", "David", "Emma", "Farid", "Giulia", "Hugo", "Ines", "Jonas"]
last = ["Martin", "Bernard", "Dubois", "Schmidt", "Rossi", "Garcia", "Nowak", "Jensen", "Silva", "Meyer"]
db.execute("CREATE TABLE customers(id INTEGER PRIMARY KEY, full_name TEXT NOT NULL, email VARCHAR(100),"
           " signup DATE, seen_at DATETIME, score REAL, active BOOLEAN, notes BLOB)")
for i in range(3000):
    f, l = first[i % 10], last[(i * 7) % 10]
    db.execute("INSERT INTO customers(full_name,email,signup,seen_at,score,active,notes) VALUES(?,?,?,?,?,?,?)",
               (f"{f} {l}", f"{f.lower()}.{l.lower()}{i}@example.com", f"2021-03-{i % 28 + 1:02d}",
                f"2021-03-01 10:{i % 60:02d}:00", i / 7, i % 2, b"\x00\x01"))
db.execute('CREATE TABLE "x""; DROP TABLE customers; --"("we""ird col" TEXT, "Émail Adresse" TEXT, "Mixed Case" INT)')
for i in range(50):
    db.execute('INSERT INTO "x""; DROP TABLE customers; --" VALUES(?,?,?)', (f"v{i}", f"user{i}@example.org", i))
# the second half of the rowid range holds the emails: a head sample sees none
db.execute("CREATE TABLE events(id INTEGER PRIMARY KEY, contact TEXT)")
for i in range(20000):
    db.execute("INSERT INTO events(contact) VALUES(?)", (f"person{i}@example.net" if i >= 10000 else f"ref-{i}",))
db.execute("CREATE TABLE kv(k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID")
db.executemany("INSERT INTO kv VALUES(?,?)", [(f"k{i}", f"kv{i}@example.com") for i in range(30)])
db.execute("CREATE VIEW v_customers AS SELECT email FROM customers")
db.execute("CREATE VIEW v_slow AS WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 100000000)"
           " SELECT sum(n) AS total FROM c")
db.commit()
PY
checksums() {
  python3 - "$DB" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
for (name,) in db.execute("SELECT name FROM sqlite_schema WHERE type='table' ORDER BY name"):
    q = '"' + name.replace('"', '""') + '"'
    rows = sorted(repr(r) for r in db.execute(f"SELECT * FROM {q}"))
    print(name, len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
PY
  sha256sum "$DB" | cut -d' ' -f1
}
checksums > "$WORK/before"

expect_status 0 "$DATAMAP" scan "sqlite://$DB" --format json || true
cp "$WORK/out" "$WORK/scan.json"
python3 - "$WORK/scan.json" "$DB" <<'PY' || FAILS=$((FAILS + 1))
import json, sys
doc = json.load(open(sys.argv[1])); db = sys.argv[2]
errs = []
def check(cond, msg):
    if not cond: errs.append(msg)
check(doc["errors"] == [], f"errors {doc['errors']}")
check(len(doc["assets"]) == 1, "one asset")
a = doc["assets"][0]
check((a["name"], a["kind"], a["location"]) == ("shop", "database", f"sqlite://{db}"), f"asset {a['name']} {a['kind']} {a['location']}")
tables = {t["name"]: t for t in a["tables"]}
hostile = 'x"; DROP TABLE customers; --'
check(sorted(tables) == sorted(["customers", "events", "kv", hostile]), f"tables {sorted(tables)} (views only on request)")
def cols(t): return {c["name"]: c for c in tables[t]["columns"]}
def ents(t, c): return [e["type"] for e in cols(t)[c]["entities"]]
c = cols("customers")
types = {n: c[n]["type"] for n in c}
check(types == {"id": "bigint", "full_name": "string", "email": "string", "signup": "date", "seen_at": "timestamp",
                "score": "double", "active": "boolean", "notes": "string"}, f"declared types {types}")
check(c["id"]["nullable"] is False and c["full_name"]["nullable"] is False and c["email"]["nullable"] is True, "nullability")
check(ents("customers", "email") == ["EMAIL"], f"email {ents('customers', 'email')}")
check("PERSON_NAME" in ents("customers", "full_name"), f"full_name {ents('customers', 'full_name')}")
check(ents("customers", "score") == [] and ents("customers", "notes") == [], "no findings in numbers and blobs")
check(tables["customers"]["rows_sampled"] == 3000 and tables["customers"]["format"] == "sqlite", "customers rows/format")
check(tables[hostile]["rows_sampled"] == 50, f"hostile table sampled {tables[hostile]['rows_sampled']}")
check(sorted(cols(hostile)) == sorted(['we"ird col', "Émail Adresse", "Mixed Case"]), f"hostile columns {sorted(cols(hostile))}")
check(ents(hostile, "Émail Adresse") == ["EMAIL"], "EMAIL in the hostile table")
check(tables[hostile]["location"] == f"sqlite://{db}/{hostile}", "hostile location")
check(ents("kv", "v") == ["EMAIL"] and tables["kv"]["rows_sampled"] == 30, "WITHOUT ROWID table read")
for e in errs: print("FAIL:", e, file=sys.stderr)
sys.exit(1 if errs else 0)
PY
checksums > "$WORK/after"
if cmp -s "$WORK/before" "$WORK/after"; then ok "scan leaves the file and every table unchanged"; else fail "data changed: $(diff "$WORK/before" "$WORK/after")"; fi

# sampling spreads over the rowid range: 1000 of 20000 rows, emails only in the second half
expect_status 0 "$DATAMAP" scan "sqlite://$DB" --format json --rows 1000 || true
python3 - "$WORK/out" <<'PY' || FAILS=$((FAILS + 1))
import json, sys
doc = json.load(open(sys.argv[1]))
t = {t["name"]: t for t in doc["assets"][0]["tables"]}["events"]
assert t["rows_sampled"] == 1000, t["rows_sampled"]
e = [e for c in t["columns"] if c["name"] == "contact" for e in c["entities"]]
assert e and e[0]["type"] == "EMAIL" and 0.35 <= e[0]["ratio"] <= 0.65, f"spread sample expected ~0.5 emails: {e}"
print("ok: rowid sample spread over the table, email ratio", e[0]["ratio"])
PY

# a registered source with views, include/exclude, and a statement time limit
CAT=$WORK/cat.db
expect_status 0 "$DATAMAP" --catalog "$CAT" source add shop "sqlite://$DB" --option views=true \
  --option 'exclude=main.x*,main.kv' --option statement_timeout=2000 || true
start=$(date +%s%N)
expect_status 1 "$DATAMAP" --catalog "$CAT" run || true
ms=$(( ($(date +%s%N) - start) / 1000000 ))
grep -q "v_slow.*time limit (2000 ms)" "$WORK/err" && ok "statement time limit names the view (${ms} ms)" \
  || fail "no time-limit error for v_slow: $(cat "$WORK/err")"
[ "$ms" -lt 15000 ] || fail "time limit not enforced: run took $ms ms"
expect_status 0 "$DATAMAP" --catalog "$CAT" catalog --format json || true
python3 - "$WORK/out" <<'PY' || FAILS=$((FAILS + 1))
import json, sys
doc = json.load(open(sys.argv[1]))
names = sorted(t["name"] for a in doc["assets"] for t in a["tables"])
assert names == ["customers", "events", "v_customers"], names
v = [t for a in doc["assets"] for t in a["tables"] if t["name"] == "v_customers"][0]
assert [e["type"] for c in v["columns"] for e in c["entities"]] == ["EMAIL"], v
print("ok: views on request, include/exclude applied, the others crawled despite the slow view")
PY

# errors: a missing file and a file that is not a database
echo "not a database" > "$WORK/plain.db"
expect_status 1 "$DATAMAP" scan "sqlite://$WORK/missing.db" "sqlite://$WORK/plain.db" "sqlite://$DB" --format json || true
python3 - "$WORK/out" "$WORK" <<'PY' || FAILS=$((FAILS + 1))
import json, sys
doc = json.load(open(sys.argv[1])); w = sys.argv[2]
msgs = {e["target"]: e["message"] for e in doc["errors"]}
assert any("missing.db" in t and "No such file" in m for t, m in msgs.items()), msgs
assert any("plain.db" in t and "not a SQLite database" in m for t, m in msgs.items()), msgs
assert any(a["name"] == "shop" and a["tables"] for a in doc["assets"]), "the good file is still scanned"
print("ok: missing and non-database files are errors naming them, the good one is scanned")
PY
# scan takes the driver options of `source add`: include one table only
expect_status 0 "$DATAMAP" scan "sqlite://$DB" --option include=main.kv --format json || true
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); t=[t["name"] for a in d["assets"] for t in a["tables"]]; sys.exit(t != ["kv"])' "$WORK/out" &&
  ok "scan --option include=main.kv reads that table only" || fail "scan --option: $(head -c 400 "$WORK/out")"
expect_status 2 "$DATAMAP" scan "sqlite://$DB" --option password=hunter2 || true
grep -q hunter2 "$WORK/err" && fail "scan echoed a secret option" || ok "scan refuses a secret option without echoing it"
checksums > "$WORK/after2"
cmp -s "$WORK/before" "$WORK/after2" || fail "data changed after the later runs"
finish
