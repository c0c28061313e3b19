#!/usr/bin/env bash
# --jobs (issue 16 item 5): the findings, types and counts of a scan are
# byte-identical whatever the number of threads classifying a table's
# columns: on bench-like data (labelled tables and a slice of big.csv, each
# many batches long), examples/estate, a CSV whose quoted fields hold
# newlines (records that straddle the batches), the same file gzipped, and
# JSON Lines whose keys appear late (new columns while batches are in
# flight). A bad --jobs is a usage error.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
D=$WORK/data
mkdir -p "$D/bench" "$D/odd"
python3 "$ROOT/bench/gen.py" --out "$D/bench/acc" --rows 3000 --seed 3 >/dev/null
python3 "$ROOT/bench/gen.py" --out "$D/bench" --big 4 --seed 3 >/dev/null
python3 - "$D/odd" <<'PY'
import gzip, json, random, sys
d = sys.argv[1]
r = random.Random(7)
given = ["Anna", "Jonas", "Marie", "Lukas", "Sofia", "Paul", "Emma", "Noah"]
family = ["Berg", "Lindqvist", "Moreau", "Costa", "Novak", "Keller", "Walsh", "Ito"]
# quoted fields with newlines, commas and quotes; about 7 MB: many batches
lines = ["id,name,note,email,amount"]
for i in range(60000):
    note = '"line one of %d\nline two, with ""quotes""\n%s"' % (i, "x" * r.randint(0, 60))
    lines.append('%d,%s %s,%s,%s,%d.%02d' % (i, r.choice(given), r.choice(family), note,
                 "%s.%d@example.net" % (r.choice(given).lower(), i) if i % 5 else "",
                 r.randint(0, 999), r.randint(0, 99)))
data = ("\n".join(lines) + "\n").encode()
open(d + "/multiline.csv", "wb").write(data)
with gzip.open(d + "/multiline_gz.csv.gz", "wb") as f:
    f.write(data)
# JSON Lines: phone appears after 30,000 records, ip after 50,000
with open(d + "/events.jsonl", "w") as f:
    for i in range(60000):
        o = {"id": i, "user": "%s.%s@example.org" % (r.choice(given), r.choice(family))}
        if i >= 30000:
            o["phone"] = "+44 20 7946 %04d" % r.randint(0, 9999)
        if i >= 50000:
            o["ip"] = "10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))
        f.write(json.dumps(o) + "\n")
PY

# scan TARGET JOBS -> $WORK/j<JOBS>.json
scan() {
  expect_status 0 "$DATAMAP" scan "$1" --rows all --format json --jobs "$2" && cp "$WORK/out" "$WORK/j$2.json"
}
for target in "$D/bench" "$ROOT/examples/estate" "$D/odd"; do
  name=$(basename "$target")
  scan "$target" 1 || continue
  for j in 2 4; do
    scan "$target" "$j" || continue
    if cmp -s "$WORK/j1.json" "$WORK/j$j.json"; then
      ok "$name: --jobs $j gives the findings of --jobs 1 byte for byte"
    else
      fail "$name: --jobs $j differs from --jobs 1: $(diff "$WORK/j1.json" "$WORK/j$j.json" | head -c 600)"
    fi
  done
done

# the odd files were read whole and classified (so the comparison above means something)
python3 - "$WORK/j1.json" <<'PY' && ok "multi-line CSV, its gzip and late JSON keys read whole" || fail "odd files: $(head -c 400 "$WORK/j1.json")"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["errors"] == [], doc["errors"]
t = {t["name"]: t for a in doc["assets"] for t in a["tables"]}
for n in ("multiline", "multiline_gz"):
    assert t[n]["rows_sampled"] == 60000, (n, t[n]["rows_sampled"])
    cols = {c["name"]: [e["type"] for e in c["entities"]] for c in t[n]["columns"]}
    assert "EMAIL" in cols["email"] and "PERSON_NAME" in cols["name"], cols
    assert cols["note"] == [] and cols["amount"] == [], cols
e = t["events"]
assert e["rows_sampled"] == 60000, e["rows_sampled"]
cols = {c["name"]: [x["type"] for x in c["entities"]] for c in e["columns"]}
assert any("PHONE" in x for x in cols["phone"]) and "IP_ADDRESS" in cols["ip"] and "EMAIL" in cols["user"], cols
PY

expect_status 2 "$DATAMAP" scan "$D/odd" --jobs 0 && grep -q -- "--jobs takes a number" "$WORK/err" \
  && ok "--jobs 0 is a usage error" || fail "--jobs 0: $(cat "$WORK/err")"
finish
