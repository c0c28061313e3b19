#!/usr/bin/env bash
# Issue 17 item 1: personal data never becomes a column name. A one-column
# file of account numbers, password-file lines, a first row of names over
# names and JSON keys that are email addresses are scanned and run into a
# catalog; no raw value may appear in any output (scan JSON, catalog in
# every format, the Glue export, every report format, the catalog's bytes).
. "$(dirname "$0")/lib.sh"
export DATAMAP_CATALOG=$WORK/dm.db
unset DATAMAP_CONFIG
E=$WORK/estate
mkdir -p "$E/bank" "$E/sys" "$E/crm" "$E/app"
python3 - "$E/bank/ibans.csv" <<'PY'
import random, sys
random.seed(17)
def iban():     # German IBANs with valid ISO 7064 check digits
    bban = "%08d%010d" % (random.randint(10000000, 99999999), random.randint(0, 10**10 - 1))
    n = int(bban + "131400")  # D=13 E=14, then 00
    return "DE%02d%s" % (98 - n % 97, bban)
with open(sys.argv[1], "w") as f:
    for _ in range(50):
        f.write(iban() + "\n")
PY
FIRST_IBAN=$(head -1 "$E/bank/ibans.csv")
printf 'root:$6$Zx9Qw$kq0PqLMn5bYtq8oAbCdEf:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\nbin:*:19000:0:99999:7:::\n' \
  > "$E/sys/shadow.csv"
{ echo "Maria Garcia,Lisbon"; for i in $(seq 1 30); do echo "Person Number$i,Paris"; done; } > "$E/crm/people.csv"
for i in $(seq 1 20); do echo "{\"alice.smith@example.com\": $i, \"id\": $i}"; done > "$E/app/events.jsonl"

secrets=("$FIRST_IBAN" 'root:$6$' 'Zx9Qw' 'Maria Garcia' 'alice.smith@example.com')
check_clean() {   # check_clean LABEL FILE
  for v in "${secrets[@]}"; do
    if grep -aqF -- "$v" "$2"; then fail "$1 holds the raw value '$v'"; fi
  done
}

expect_status 0 "$DATAMAP" scan "$E" --format json && check_clean "scan --format json" "$WORK/out"
python3 - "$WORK/out" <<'PY' || fail "scan JSON columns"
import json, sys
doc = json.load(open(sys.argv[1]))
tables = {t["name"]: t for a in doc["assets"] for t in a["tables"]}
ib = tables["ibans"]
assert [c["name"] for c in ib["columns"]] == ["col0"], ib["columns"]
assert ib["rows_sampled"] == 50, ib["rows_sampled"]      # the first value is data
assert [c["name"] for c in tables["shadow"]["columns"]] == ["col0"], tables["shadow"]["columns"]
assert tables["shadow"]["rows_sampled"] == 3
assert [c["name"] for c in tables["people"]["columns"]] == ["col0", "col1"], tables["people"]["columns"]
names = [c["name"] for c in tables["events"]["columns"]]
assert "id" in names and len(names) == 2 and all("@" not in n or "*" in n for n in names), names
PY

expect_status 0 "$DATAMAP" init
expect_status 0 "$DATAMAP" source add estate "$E"
expect_status 0 "$DATAMAP" run
check_clean "run's output" "$WORK/out"; check_clean "run's stderr" "$WORK/err"
for fmt in table json glue; do
  expect_status 0 "$DATAMAP" catalog --format $fmt && check_clean "catalog --format $fmt" "$WORK/out"
done
for fmt in html md csv json; do
  "$DATAMAP" report --format $fmt -o "$WORK/report.$fmt" >/dev/null 2>&1 || true
  [ -s "$WORK/report.$fmt" ] || fail "report --format $fmt wrote nothing"
  check_clean "report --format $fmt" "$WORK/report.$fmt"
done
check_clean "the catalog file" "$DATAMAP_CATALOG"
finish
