#!/usr/bin/env bash
# `datamap scan --format json` on a fixture folder, checked field by field
# against DESIGN.md's shape: assets, tables (naming rules, partitions,
# formats), columns (types), entities (type, ratio, matches, sampled,
# confidence, masked examples), tags, errors.
. "$(dirname "$0")/lib.sh"
F=$WORK/estate
mkdir -p "$F/sales/events/day=2025-01-01" "$F/sales/events/day=2025-01-02" "$F/hr"
{
  echo "id,email,signup,score,active"
  for i in $(seq 1 40); do echo "$i,user$i@example.com,2024-01-$(printf %02d $(( (i % 28) + 1 ))),$i.5,true"; done
} > "$F/sales/customers.csv"
gzip -c "$F/sales/customers.csv" > "$F/sales/backup.csv.gz"
for d in 2025-01-01 2025-01-02; do
  for i in 1 2 3; do echo "{\"ip\":\"192.0.2.$i\",\"user\":{\"mail\":\"a$i@example.org\"},\"ua\":\"Mozilla/5.0 Chrome/120.0.6099.109\"}"; done > "$F/sales/events/day=$d/part.jsonl"
done
printf 'Purpose of Processing: Billing\nData Subjects: Customers\n' > "$F/sales/.datamap-tags.yaml"
printf 'a;b\n1;x\n2;y\n' > "$F/hr/plain.csv"

expect_status 0 "$DATAMAP" scan "$F" --format json || true
cp "$WORK/out" "$WORK/scan.json"
python3 - "$WORK/scan.json" "$F" <<'PY' || FAILS=$((FAILS + 1))
import json, sys
doc = json.load(open(sys.argv[1])); root = sys.argv[2]
errs = []
def check(cond, msg):
    if not cond: errs.append(msg)
check(set(doc) >= {"assets", "errors"}, "top-level keys")
check(doc["errors"] == [], f"no errors expected: {doc['errors']}")
assets = {a["name"]: a for a in doc["assets"]}
check(sorted(assets) == ["hr", "sales"], f"assets {sorted(assets)}")
s = assets["sales"]
for k, v in {"source": "local", "kind": "folder", "location": f"file://{root}/sales"}.items():
    check(s.get(k) == v, f"sales.{k} = {s.get(k)!r}, expected {v!r}")
check(s["tags"] == {"Purpose of Processing": "Billing", "Data Subjects": "Customers"}, f"tags {s['tags']}")
tables = {t["name"]: t for t in s["tables"]}
check(sorted(tables) == ["backup", "customers", "events"], f"tables {sorted(tables)}")
c = tables["customers"]
check(c["location"] == f"file://{root}/sales/customers.csv", "customers.location")
check(c["format"] == "csv" and c["rows_sampled"] == 40, f"customers format/rows {c['format']} {c['rows_sampled']}")
cols = {x["name"]: x for x in c["columns"]}
check([x["name"] for x in c["columns"]] == ["id", "email", "signup", "score", "active"], "column order")
types = {n: cols[n]["type"] for n in cols}
check(types == {"id": "bigint", "email": "string", "signup": "date", "score": "double", "active": "boolean"}, f"types {types}")
em = cols["email"]["entities"]
check(len(em) == 1 and em[0]["type"] == "EMAIL", f"email entities {em}")
if em:
    e = em[0]
    check(e["ratio"] == 1.0 and e["matches"] == 40 and e["sampled"] == 40, f"email counts {e}")
    check(e["confidence"] == "high", "email confidence")
    check(all("@" in x and "*" in x for x in e["examples"]) and not any("user1@" in x for x in e["examples"]),
          f"examples must be masked: {e['examples']}")
check(all(cols[n]["entities"] == [] for n in ("id", "signup", "score", "active")), "no entities on non-personal columns")
b = tables["backup"]
check(b["format"] == "csv" and b["compression"] == "gzip", f"backup {b['format']} {b['compression']}")
ev = tables["events"]
evcols = {x["name"]: x for x in ev["columns"]}
check(ev["format"] == "jsonl" and ev["rows_sampled"] == 6, f"events {ev['format']} {ev['rows_sampled']}")
check("user.mail" in evcols, f"nested flattened: {list(evcols)}")
check(evcols.get("day", {}).get("partition") is True and evcols["day"]["type"] == "date", f"partition col {evcols.get('day')}")
check([x["name"] for x in ev["columns"]][-1] == "day", "partition column last")
check([e["type"] for e in evcols["ip"]["entities"]] == ["IP_ADDRESS"], f"ip {evcols['ip']['entities']}")
check(evcols["ua"]["entities"] == [], f"user agents are not IPs: {evcols['ua']['entities']}")
check([e["type"] for e in evcols["user.mail"]["entities"]] == ["EMAIL"], "nested email")
hr = assets["hr"]["tables"][0]
check(hr["name"] == "plain" and [x["name"] for x in hr["columns"]] == ["a", "b"], f"semicolon csv {hr}")
if errs:
    print("\n".join(errs), file=sys.stderr); sys.exit(1)
print("scan json: all fields as expected")
PY
finish
