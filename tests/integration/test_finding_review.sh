#!/usr/bin/env bash
# `datamap finding`: dismiss, confirm, undo, list through the real pipeline on
# a folder estate; the decision shows in `catalog --format json`, survives a
# forced re-scan, lapses when the column's values change shape; address
# syntax (escaped dots) and the errors for unknown asset/table/column/entity.
. "$(dirname "$0")/lib.sh"

export DATAMAP_CATALOG=$WORK/dm.db
unset DATAMAP_CONFIG
E=$WORK/estate
mkdir -p "$E/crm" "$E/v1.2"
write_contacts() {  # $1: note column value pattern
  {
    echo "customer_email,city,note"
    for i in $(seq 1 40); do printf 'c%d@example.org,Paris,%s\n' "$i" "$(printf "$1" "$i")"; done
  } > "$E/crm/contacts.csv"
}
write_contacts 'n%d@example.net'
{ echo "email"; for i in $(seq 1 20); do echo "v$i@example.org"; done; } > "$E/v1.2/people.csv"
D() { "$DATAMAP" "$@"; }

expect_status 0 D init
expect_status 0 D source add estate "$E"
expect_status 0 D run --rows all

personal() { D catalog | tail -1 | sed -E 's/.* ([0-9]+) with personal data/\1/'; }
[ "$(personal)" = 3 ] && ok "three personal columns before review" || fail "personal before: $(D catalog | tail -1)"

# ---- dismiss -------------------------------------------------------------------
expect_status 0 D finding dismiss estate/crm.contacts.note EMAIL --reason "test addresses" --by alice &&
  ok "dismiss accepted"
[ "$(personal)" = 2 ] && ok "dismissed column not counted" || fail "personal after dismiss: $(D catalog | tail -1)"
D catalog --format json > "$WORK/cat.json"
python3 - "$WORK/cat.json" <<'PY' && ok "catalog json carries the review" || fail "catalog json review"
import json, sys
doc = json.load(open(sys.argv[1]))
cols = {c["name"]: c for a in doc["assets"] for t in a["tables"] for c in t["columns"]}
r = cols["note"]["entities"][0]["review"]
assert r["decision"] == "dismissed" and r["by"] == "alice" and r["reason"] == "test addresses", r
assert r["at"].endswith("Z")
assert "review" not in cols["customer_email"]["entities"][0]
PY
out=$(D finding list)
grep -q "dismissed  estate/crm.contacts.note" <<<"$out" && grep -q "alice" <<<"$out" && ok "finding list shows it" ||
  fail "finding list: $out"

# ---- an unchanged forced re-scan keeps it ---------------------------------------------
expect_status 0 D run --rows all --force
[ "$(personal)" = 2 ] && ok "dismissal survives an unchanged re-scan" || fail "after re-scan: $(D catalog | tail -1)"

# ---- escaped dots: the asset v1.2 ---------------------------------------------------
expect_status 0 D finding confirm 'v1\.2.people.email' EMAIL --reason "real customers" --by bob &&
  ok "escaped dot in an asset name"
D catalog | grep -q "EMAIL (100%, high, confirmed)" && ok "confirmed shown, confidence kept" ||
  fail "confirmed not shown: $(D catalog)"

# ---- errors ------------------------------------------------------------------------------
expect_status 1 D finding dismiss nope.contacts.note EMAIL --reason x &&
  grep -q "no asset named 'nope'" "$WORK/err" && ok "unknown asset named"
expect_status 1 D finding dismiss crm.nope.note EMAIL --reason x &&
  grep -q "no table 'nope'" "$WORK/err" && ok "unknown table named"
expect_status 1 D finding dismiss crm.contacts.zip EMAIL --reason x &&
  grep -q "no column 'zip'" "$WORK/err" && ok "unknown column named"
expect_status 1 D finding dismiss crm.contacts.city EMAIL --reason x &&
  grep -q "no current finding of EMAIL" "$WORK/err" && ok "entity without a finding named"
expect_status 2 D finding dismiss crm.contacts EMAIL --reason x && ok "two-part address refused"
expect_status 2 D finding dismiss v1.2.people.email EMAIL --reason x && grep -q "more than three parts" "$WORK/err" &&
  ok "unescaped dot refused"
expect_status 2 D finding dismiss crm.contacts.note EMAIL && grep -q -- "--reason" "$WORK/err" && ok "reason required"

# ---- undo, then dismiss again and change the values' shape ---------------------------------
expect_status 0 D finding undo crm.contacts.note EMAIL --by alice && ok "undo accepted"
[ "$(personal)" = 3 ] && ok "undone finding counted again" || fail "after undo: $(D catalog | tail -1)"
expect_status 2 D finding undo crm.contacts.note EMAIL && ok "nothing left to undo"
expect_status 0 D finding dismiss crm.contacts.note EMAIL --reason "test addresses again" --by alice
write_contacts '%d-n@example.net'
expect_status 0 D run --rows all
[ "$(personal)" = 3 ] && ok "dismissal lapses when the values change shape" || fail "after shape change: $(D catalog)"
D finding list --history --format json > "$WORK/hist.json"
python3 - "$WORK/hist.json" <<'PY' && ok "history keeps decision, undo and lapse" || fail "history: $(cat "$WORK/hist.json")"
import json, sys
h = [(r["column"], r["decision"]) for r in json.load(open(sys.argv[1]))]
assert h == [("note", "dismissed"), ("email", "confirmed"), ("note", "undone"), ("note", "dismissed"),
             ("note", "lapsed")], h
PY
# ---- the report: a dismissed finding is listed, not counted, and makes no gap ----------------
D report --format json -o "$WORK/before.json"
python3 - "$WORK/before.json" <<'PY' && ok "report: confirmed column counted, gaps for v1.2" || fail "report before"
import json, sys
r = json.load(open(sys.argv[1]))
assert any(c["asset"] == "estate/v1.2" and c.get("review") == "confirmed" for c in r["columns"]), r["columns"]
assert any(g["asset"] == "estate/v1.2" and g["kind"] == "no_purpose" for g in r["gaps"]), r["gaps"]
PY
expect_status 0 D finding dismiss 'v1\.2.people.email' EMAIL --reason "generated test people" --by carol
D report --format json -o "$WORK/after.json"
python3 - "$WORK/after.json" <<'PY' && ok "report: dismissed not counted, no gap, listed" || fail "report after"
import json, sys
r = json.load(open(sys.argv[1]))
assert not any(c["asset"] == "estate/v1.2" for c in r["columns"]), r["columns"]
assert not any(g["asset"] == "estate/v1.2" and g["kind"].startswith("no_") for g in r["gaps"]), r["gaps"]
d = [x for x in r["dismissed"] if x["asset"] == "estate/v1.2"]
assert d and d[0]["by"] == "carol" and d[0]["reason"] == "generated test people", r["dismissed"]
assert r["overview"]["assets_with_personal_data"] == 1, r["overview"]
PY
D report --format md -o "$WORK/r.md"
grep -q "people / email EMAIL: dismissed by carol on [0-9-]*: generated test people" "$WORK/r.md" &&
  ok "markdown appendix line" || fail "md: $(grep -i dismissed "$WORK/r.md")"
D report --format html -o "$WORK/r.html"
grep -q "dismissed by carol on [0-9-]*: generated test people" "$WORK/r.html" && ok "html appendix line" ||
  fail "html appendix"
D report --format csv -o "$WORK/r.csv"
python3 - "$WORK/r.csv" <<'PY' && ok "csv: dismissed row and confirmed column with who, when, why" || fail "csv review"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
assert list(rows[0].keys())[-1] == "Human review", list(rows[0].keys())
dis = [r for r in rows if r["Human review"].startswith("dismissed")]
assert len(dis) == 1, dis
d = dis[0]
assert d["Columns"] == "estate/v1.2/people.email" and d["Entity types"] == "EMAIL", d
assert d["Data category (taxonomy)"] == "" and d["Processing activity"] == "Unassigned", d
h = d["Human review"]
assert h.startswith("dismissed by carol on 20") and h.endswith(": generated test people"), h
# the only remaining confirmed-or-dismissed column is note (undone, then lapsed): no confirmed line left
conf = [r for r in rows if "confirmed by" in r["Human review"]]
assert conf == [], conf
PY
# confirm the customers' e-mail: its category row names the decision
expect_status 0 D finding confirm crm.contacts.customer_email EMAIL --reason "real customers, CRM" --by dave
D report --format csv -o "$WORK/r2.csv"
python3 - "$WORK/r2.csv" <<'PY' && ok "csv: confirmed finding on its category row" || fail "csv confirmed"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
r = [r for r in rows if r["Data category (taxonomy)"] == "user.contact.email"]
assert len(r) == 1, r
h = r[0]["Human review"]
assert h.startswith("estate/crm/contacts.customer_email EMAIL: confirmed by dave on 20"), h
assert h.endswith(": real customers, CRM"), h
PY
D report --format json -o "$WORK/r3.json"
python3 - "$WORK/r3.json" <<'PY' && ok "json: confirmed column with who, when, why" || fail "json confirmed"
import json, sys
c = [c for c in json.load(open(sys.argv[1]))["columns"] if c["column"] == "customer_email"][0]
assert c["review"] == "confirmed" and c["review_by"] == "dave" and c["review_reason"] == "real customers, CRM", c
PY
finish
