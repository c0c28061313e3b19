#!/usr/bin/env bash
# datamap report end to end: a small folder estate with .datamap-tags.yaml
# files through the real pipeline, tag history across two `tags` runs, the
# four formats, --check exit codes (3 with gaps, 0 without), config errors.
. "$(dirname "$0")/lib.sh"

export DATAMAP_CATALOG=$WORK/dm.db
unset DATAMAP_CONFIG
E=$WORK/estate
mkdir -p "$E/hr" "$E/crm"
python3 - "$E/hr/staff.csv" <<'PY'
import random, sys
random.seed(7)
def nhs():  # valid UK NHS numbers: weights 10..2, check 11 - sum mod 11 (10 is invalid)
    while True:
        d = [random.randint(0, 9) for _ in range(9)]
        c = 11 - sum(x * w for x, w in zip(d, range(10, 1, -1))) % 11
        if c != 10:
            n = "".join(map(str, d)) + str(c % 11)
            return f"{n[:3]} {n[3:6]} {n[6:]}"
with open(sys.argv[1], "w") as f:
    f.write("full_name,email,nhs_number\n")
    for i in range(40):
        f.write(f"Person {i},person{i}@example.com,{nhs()}\n")
PY
{
  echo "customer_email,city"
  for i in $(seq 1 40); do echo "c$i@example.org,Paris"; done
} > "$E/crm/contacts.csv"
cat > "$E/hr/.datamap-tags.yaml" <<'EOF'
"Processing Activity": "Payroll"
"Purpose of Processing": "Pay the staff"
"data_subjects": "Employees"
"LEGAL BASIS": "Art. 6(1)(c) legal obligation"
"Retention": "6 years"
EOF
cat > "$E/crm/.datamap-tags.yaml" <<'EOF'
"Processing Activity": "CRM"
"Purpose of Processing": "Customer support"
EOF
cat > "$WORK/datamap.yaml" <<'EOF'
controller:
  name: Example Ltd
  contact: privacy@example.com
  dpo: Jane Doe
report:
  stale_days: 30
EOF
D() { "$DATAMAP" --config "$WORK/datamap.yaml" "$@"; }

expect_status 0 D init
expect_status 0 D source add estate "$E"
expect_status 0 D run --rows all

# ---- tag history: change a tag, run tags again -------------------------------
sed -i 's/"Retention": "6 years"/"Retention": "10 years"/' "$E/hr/.datamap-tags.yaml"
expect_status 0 D tags
hist=$(sqlite3 "$DATAMAP_CATALOG" "SELECT coalesce(old_value,'NULL') || '>' || coalesce(new_value,'NULL')
  FROM tag_history h JOIN assets a ON a.id = h.asset_id WHERE a.name = 'hr' AND h.key = 'Retention' ORDER BY h.id")
[ "$hist" = $'NULL>6 years\n6 years>10 years' ] && ok "tag history keeps old and new values" \
  || fail "tag history for Retention: '$hist'"
now=$(sqlite3 "$DATAMAP_CATALOG" "SELECT t.value FROM tags t JOIN assets a ON a.id = t.asset_id
  WHERE a.name = 'hr' AND t.key = 'Retention'")
[ "$now" = "10 years" ] && ok "current tag value" || fail "current Retention tag: '$now'"
# a run without change adds no history
expect_status 0 D tags
n=$(sqlite3 "$DATAMAP_CATALOG" "SELECT count(*) FROM tag_history h JOIN assets a ON a.id = h.asset_id WHERE a.name = 'hr'")
[ "$n" = 6 ] && ok "no history without change" || fail "hr history rows: $n, expected 6 (5 added, 1 changed)"

# ---- --check with gaps: crm has no data subjects / legal basis ---------------
expect_status 3 D report --check && ok "--check exits 3 with gaps"
grep -q "^no_data_subjects	store estate/crm" "$WORK/out" && grep -q "^no_legal_basis	store estate/crm" "$WORK/out" \
  && ok "gaps listed" || fail "gaps: $(cat "$WORK/out")"
grep -q "no_special_basis	store estate/hr" "$WORK/out" && ok "special-category gap (NHS number)" \
  || fail "no special-category gap: $(cat "$WORK/out")"
[ "$(wc -l < "$WORK/out")" = 3 ] || fail "expected 3 gaps: $(cat "$WORK/out")"

# ---- the four formats ---------------------------------------------------------
expect_status 0 D report --format json -o "$WORK/r.json"
python3 - "$WORK/r.json" <<'PY' || fail "json report"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["controller"]["name"]["value"] == "Example Ltd", d["controller"]
assert d["controller"]["dpo"]["origin"] == "config"
acts = {a["name"]: a for a in d["activities"]}
assert sorted(acts) == ["CRM", "Payroll"], sorted(acts)
p = acts["Payroll"]
assert p["assets"] == ["estate/hr"], p["assets"]
ret = p["fields"]["retention"]
assert [v["value"] for v in ret] == ["10 years"], ret
assert ret[0]["origin"] == "tag" and ret[0]["key"] == "Retention" and ret[0]["tag_origin"] == "sidecar"
assert p["fields"]["data_subjects"][0]["key"] == "data_subjects"
assert p["fields"]["legal_basis"][0]["key"] == "LEGAL BASIS"
cats = {c["category"]: c for c in p["categories"]}
assert "user.contact.email" in cats and cats["user.contact.email"]["columns"] == ["estate/hr/staff.email"], cats
assert cats["user.health_and_medical"]["special"] is True
assert cats["user.health_and_medical"]["entities"] == ["UK_NATIONAL_HEALTH_SERVICE_NUMBER"]
assert d["overview"]["gaps"] == 3
PY
expect_status 0 D report -o "$WORK/r.csv" --bom
head -c 3 "$WORK/r.csv" | od -An -tx1 | grep -q "ef bb bf" && ok "csv BOM" || fail "no BOM"
python3 - "$WORK/r.csv" <<'PY' || fail "csv report"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
by = {(r["Processing activity"], r["Data category (taxonomy)"]): r for r in rows}
r = by[("Payroll", "user.contact.email")]
assert r["Purpose of processing"] == "Pay the staff"
assert r["Controller"] == "Example Ltd" and r["Data protection officer"] == "Jane Doe"
assert r["Categories of individuals"] == "Employees"
assert r["Categories of personal data"] == "Contact details (email)"
assert r["Retention schedule"] == "10 years"
assert r["Lawful basis (Art. 6)"] == "Art. 6(1)(c) legal obligation"
assert r["Columns"] == "estate/hr/staff.email"
c = by[("CRM", "user.contact.email")]
assert c["Categories of individuals"] == "" and c["Lawful basis (Art. 6)"] == ""
PY
expect_status 0 D report --format md
grep -q "^### 2. Payroll" "$WORK/out" && grep -q "| Controller | Example Ltd | config controller.name |" "$WORK/out" \
  && ok "markdown" || fail "markdown: $(head -40 "$WORK/out")"
expect_status 0 D report -o "$WORK/r.html"
grep -q "<h3>1. CRM</h3>" "$WORK/r.html" && grep -q "Gaps (3)" "$WORK/r.html" && ok "html" || fail "html"
expect_status 2 D report --format pdf
expect_status 2 D report extra

# ---- -o FILE: the extension picks the format, in any case ---------------------
mkdir -p "$WORK/d.v2"
expect_status 0 D report -o "$WORK/d.v2/R.HTML" && grep -q "<h3>1. CRM</h3>" "$WORK/d.v2/R.HTML" \
  && ok "report -o R.HTML writes html" || fail "report -o R.HTML: $(head -c 200 "$WORK/d.v2/R.HTML")"
expect_status 0 D report -o "$WORK/r.Json" && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/r.Json" \
  && ok "report -o r.Json writes json" || fail "report -o r.Json is not JSON"
expect_status 0 D report -o "$WORK/r.MarkDown" && grep -q "^### 2. Payroll" "$WORK/r.MarkDown" \
  && ok "report -o r.MarkDown writes markdown" || fail "report -o r.MarkDown"
# an unknown extension (or none: the dot of a folder does not count) is a usage error naming the file and
# the extensions known, and writes nothing
for f in "$WORK/r.pdf" "$WORK/d.v2/report"; do
  if expect_status 2 D report -o "$f"; then
    grep -qF "$f" "$WORK/err" && grep -q "\.html, \.htm, \.md, \.markdown, \.csv, \.json" "$WORK/err" \
      && ok "report -o $(basename "$f"): exit 2 naming the file and the extensions" || fail "report -o $f: $(cat "$WORK/err")"
  fi
  [ ! -e "$f" ] || fail "report -o $f wrote a file"
done
# --format overrides the extension
expect_status 0 D report --format csv -o "$WORK/r.pdf" && head -1 "$WORK/r.pdf" | grep -q "^Processing activity," \
  && ok "--format csv -o r.pdf writes csv" || fail "--format csv -o r.pdf: $(head -c 200 "$WORK/r.pdf")"

# ---- --check without gaps ----------------------------------------------------
cat >> "$E/hr/.datamap-tags.yaml" <<'EOF'
"Special Category Basis": "Art. 9(2)(b) employment law"
EOF
cat >> "$E/crm/.datamap-tags.yaml" <<'EOF'
"Data Subjects": "Customers"
"Legal Basis": "Art. 6(1)(b) contract"
EOF
expect_status 0 D tags
expect_status 0 D report --check && ok "--check exits 0 without gaps"
[ ! -s "$WORK/out" ] || fail "gaps printed: $(cat "$WORK/out")"
# a stale classification is a gap again
cat > "$WORK/stale.yaml" <<'EOF'
report:
  stale_days: 1
controller:
  name: Example Ltd
EOF
sqlite3 "$DATAMAP_CATALOG" "UPDATE assets SET classified_at = '2020-01-01T00:00:00Z' WHERE name = 'crm'"
expect_status 3 "$DATAMAP" --config "$WORK/stale.yaml" report --check
grep -q "^stale	store estate/crm was last classified on 2020-01-01" "$WORK/out" && ok "stale gap" \
  || fail "stale: $(cat "$WORK/out")"
# a vanished store is a gap
rm -rf "$E/crm"
expect_status 0 D discover
expect_status 3 D report --check
grep -q "^vanished	store estate/crm vanished" "$WORK/out" && ok "vanished gap" || fail "vanished: $(cat "$WORK/out")"

# ---- -o onto something that is not a regular file is written in place ---------
# (renaming the temporary file over a FIFO or a device would replace it)
mkfifo "$WORK/pipe"
cat "$WORK/pipe" > "$WORK/from_pipe" &
reader=$!
"$DATAMAP" report --format md -o "$WORK/pipe" >/dev/null 2>&1 || true
wait $reader
if [ -p "$WORK/pipe" ] && grep -q "Record of processing activities" "$WORK/from_pipe"; then
  ok "report -o FIFO writes through, the FIFO stays"
else
  fail "report -o FIFO: pipe replaced or nothing written"
fi

# ---- config errors name the file and line ------------------------------------
printf 'tag_mapping:\n  purpose: [Zweck]\n  colour: [x]\n' > "$WORK/bad.yaml"
expect_status 2 "$DATAMAP" --config "$WORK/bad.yaml" report
grep -q "bad.yaml:3: unknown key 'tag_mapping.colour'" "$WORK/err" && ok "config error" || fail "$(cat "$WORK/err")"
finish
