#!/usr/bin/env bash
# Allow lists (classify.allow.values / .patterns): values never reported, in
# scan, run (catalog, report) and serve (API). Allow-listed cells leave the
# counts and the examples, the finding says how many there were, and no raw
# value reaches an output or the catalog; a column of allow-listed values
# only has no finding. A bad list is an error naming the file and line, for
# scan and at serve's start.
source "$DM_TESTS/integration/lib.sh"
source "$DM_TESTS/integration/serve_lib.sh"
trap serve_cleanup EXIT

E=$WORK/estate
mkdir -p "$E/crm"
{
  echo "email,phone,support"
  for i in $(seq 1 30); do printf 'c%d@corp.test,+44 161 496 %04d,help@corp.test\n' "$i" "$i"; done
  for i in $(seq 1 10); do printf 'QA.Tester@Example.com,+44 20 7946 %04d,qa.tester@example.com\n' "$i"; done
} > "$E/crm/contacts.csv"
schedules_off
cat >>"$WORK/datamap.yaml" <<'YAML'
classify:
  allow:
    values:
      EMAIL: [qa.tester@example.com, help@corp.test]
    patterns:
      all: ['\+44 20 7946 \d{4}']     # Ofcom's numbers for drama
YAML

# ---- scan: without the lists, then with them ------------------------------------------
expect_status 0 "$DATAMAP" --config /dev/null scan "$E" --rows all --format json
python3 - "$WORK/out" <<'PY' && ok "without allow lists: test values found" || fail "scan without lists: $(head -c 600 "$WORK/out")"
import json, sys
cols = {c["name"]: c for a in json.load(open(sys.argv[1]))["assets"] for t in a["tables"] for c in t["columns"]}
assert {e["type"] for e in cols["support"]["entities"]} == {"EMAIL"}, cols["support"]
assert [e["matches"] for e in cols["email"]["entities"] if e["type"] == "EMAIL"] == [40], cols["email"]
PY
expect_status 0 "$DATAMAP" --config "$WORK/datamap.yaml" scan "$E" --rows all --format json
python3 - "$WORK/out" <<'PY' && ok "scan: allow-listed cells out of counts and examples, counted on the finding" ||
import json, sys
cols = {c["name"]: c for a in json.load(open(sys.argv[1]))["assets"] for t in a["tables"] for c in t["columns"]}
email = [e for e in cols["email"]["entities"] if e["type"] == "EMAIL"][0]
assert email["matches"] == 30 and email["sampled"] == 40 and email["allow_listed"] == 10, email
assert not any(x.lower().startswith("q") for x in email["examples"]), email
phones = [e for e in cols["phone"]["entities"] if e["type"] == "UK_PHONE_NUMBER"][0]
assert phones["matches"] == 30 and phones["allow_listed"] == 10, phones
assert cols["support"]["entities"] == [], cols["support"]
PY
  fail "scan with lists: $(head -c 900 "$WORK/out")"
expect_status 0 "$DATAMAP" --config "$WORK/datamap.yaml" scan "$E" --rows all
grep -q "EMAIL (75%, high, 10 cells allow-listed)" "$WORK/out" && ok "table output says how many cells" ||
  fail "table: $(cat "$WORK/out")"
grep -qi "qa.tester\|7946" "$WORK/out" "$WORK/err" && fail "a raw allow-listed value in the output" || ok "no raw value shown"

# ---- run: catalog, report --------------------------------------------------------------
CAT=$WORK/c.db
D() { "$DATAMAP" --catalog "$CAT" --config "$WORK/datamap.yaml" "$@"; }
expect_status 0 D source add estate "$E"
expect_status 0 D run --rows all
D catalog --format json > "$WORK/cat.json"
python3 - "$WORK/cat.json" <<'PY' && ok "run: the catalog keeps the allow-listed count" || fail "catalog: $(head -c 800 "$WORK/cat.json")"
import json, sys
cols = {c["name"]: c for a in json.load(open(sys.argv[1]))["assets"] for t in a["tables"] for c in t["columns"]}
email = [e for e in cols["email"]["entities"] if e["type"] == "EMAIL"][0]
assert email["matches"] == 30 and email["allow_listed"] == 10, email
assert cols["support"]["entities"] == [], cols["support"]
PY
D report --format json -o "$WORK/r.json"
python3 - "$WORK/r.json" <<'PY' && ok "report json: allow_listed on the column" || fail "report json"
import json, sys
c = [c for c in json.load(open(sys.argv[1]))["columns"] if c["column"] == "email"][0]
assert c["allow_listed"] == 10 and c["matches"] == 30, c
PY
D report --format md -o "$WORK/r.md"
grep -q "| email | EMAIL | .*high; 10 cells allow-listed |" "$WORK/r.md" && ok "report md: N cells allow-listed" ||
  fail "md: $(grep '| email |' "$WORK/r.md")"
grep -aqi "qa.tester" "$CAT" "$WORK/r.md" "$WORK/r.json" && fail "a raw allow-listed value in the catalog or report" ||
  ok "no raw value in the catalog or report"

# ---- serve: the same lists, through the API ----------------------------------------------
CAT2=$WORK/s.db
"$DATAMAP" --catalog "$CAT2" source add estate "$E" >/dev/null
start_serve "$CAT2" --no-watch --workers 1
curl -s -X POST "$URL/api/v1/run" >/dev/null
wait_for 60 'any(f["column"] == "email" for f in d["items"])' '/api/v1/findings?entity=EMAIL' &&
  curl -s "$URL/api/v1/findings?entity=EMAIL" > "$WORK/f.json"
python3 - "$WORK/f.json" <<'PY' && ok "serve: findings carry allow_listed" || fail "serve findings: $(head -c 800 "$WORK/f.json")"
import json, sys
items = json.load(open(sys.argv[1]))["items"]
by = {f["column"]: f for f in items}
assert by["email"]["allow_listed"] == 10 and by["email"]["matches"] == 30, by["email"]
assert "support" not in by, by
PY
stop_serve

# ---- errors: file and line named; serve does not start --------------------------------------
printf 'classify:\n  allow:\n    values:\n      EMAL: [x@y.test]\n' > "$WORK/bad.yaml"
expect_status 1 "$DATAMAP" --config "$WORK/bad.yaml" scan "$E"
grep -q "bad.yaml:4: classify.allow.values.EMAL: unknown entity type 'EMAL'" "$WORK/err" &&
  ok "scan: unknown entity type named with file and line" || fail "scan error: $(cat "$WORK/err")"
printf 'classify:\n  allow:\n    patterns:\n      EMAIL: ["[a-"]\n' > "$WORK/bad2.yaml"
expect_status 2 "$DATAMAP" --catalog "$WORK/x.db" --config "$WORK/bad2.yaml" serve --listen 127.0.0.1:0 --no-watch
grep -q "bad2.yaml:4: classify.allow.patterns.EMAIL: '\[a-' is not a pattern" "$WORK/err" &&
  ok "serve refuses to start on a bad pattern" || fail "serve error: $(cat "$WORK/err")"
finish
