#!/usr/bin/env bash
# One tag precedence rule everywhere (issue 15 item 2): a folder's sidecar
# says "Data Subjects: Customers", its source's --tag says "Data Subjects=
# Staff". The sidecar (on the asset itself) wins over the source's default in
# `catalog --format json`, every report format and the API; a folder without
# a sidecar keeps the source's value; the API lists the overridden value with
# overridden_by; ?tag=key=value matches only values in force. The report
# reads keys per field, so "data_subjects" from the source is overridden by
# the sidecar's "Data Subjects" too.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/serve_lib.sh"

D=$WORK/data
mkdir -p "$D/crm" "$D/plain"
printf 'email,name\nalice@example.com,Alice Martin\nbob@example.org,Bob Jones\ncarol@example.net,Carol White\n' \
  >"$D/crm/people.csv"
cp "$D/crm/people.csv" "$D/plain/people.csv"
cat >"$D/crm/.datamap-tags.yaml" <<'EOF'
Data Subjects: Customers
Purpose of Processing: Customer billing
EOF
CAT=$WORK/c.db
"$DATAMAP" --catalog "$CAT" init >/dev/null
"$DATAMAP" --catalog "$CAT" source add local "$D" --tag "Data Subjects=Staff" --tag "purpose_of_processing=Payroll" \
  >/dev/null
expect_status 0 "$DATAMAP" --catalog "$CAT" run || { finish; }

# ---- catalog --format json ----------------------------------------------------------
"$DATAMAP" --catalog "$CAT" catalog --format json >"$WORK/cat.json"
subj() { python3 -c "import json,sys; d=json.load(open('$WORK/cat.json')); \
a=[x for x in d['assets'] if x['name']=='$1'][0]; print(a['tags'].get('$2'))"; }
[ "$(subj crm 'Data Subjects')" = Customers ] && ok "catalog json: crm's sidecar value wins" \
  || fail "catalog json: crm Data Subjects = $(subj crm 'Data Subjects'), expected the sidecar's Customers"
[ "$(subj plain 'Data Subjects')" = Staff ] && ok "catalog json: plain keeps the source's value" \
  || fail "catalog json: plain Data Subjects = $(subj plain 'Data Subjects')"
# different keys stay in the catalog (the precedence is per key there)
[ "$(subj crm purpose_of_processing)" = Payroll ] && ok "catalog json: another key of the source stays" \
  || fail "catalog json: crm purpose_of_processing = $(subj crm purpose_of_processing)"

# ---- the report: json, markdown, csv, html ---------------------------------------------
"$DATAMAP" --catalog "$CAT" report --format json -o "$WORK/r.json" 2>/dev/null || true
python3 - "$WORK/r.json" >"$WORK/rj.txt" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
def vals(a, f):
    v = a.get('fields', {}).get(f) or a.get(f) or []
    return sorted(x['value'] for x in v)
for a in d['assets']:
    print(a['name'], 'subjects', '|'.join(vals(a, 'data_subjects')))
    print(a['name'], 'purpose', '|'.join(vals(a, 'purpose')))
EOF
grep -qx 'crm subjects Customers' "$WORK/rj.txt" && ok "report json: crm's data subjects are the sidecar's only" \
  || fail "report json: $(grep 'crm subjects' "$WORK/rj.txt")"
grep -qx 'crm purpose Customer billing' "$WORK/rj.txt" \
  && ok "report json: the field rule: the source's purpose_of_processing gives way to the sidecar's Purpose of Processing" \
  || fail "report json: $(grep 'crm purpose' "$WORK/rj.txt")"
grep -qx 'plain subjects Staff' "$WORK/rj.txt" && ok "report json: plain's data subjects are the source's" \
  || fail "report json: $(grep 'plain subjects' "$WORK/rj.txt")"
# md, csv, html: a catalog of crm alone (the source's --tag on it), so any
# Staff or Payroll in the record could only be the overridden values
D2=$WORK/only
mkdir -p "$D2" && cp -r "$D/crm" "$D2/"
CAT2=$WORK/c2.db
"$DATAMAP" --catalog "$CAT2" init >/dev/null
"$DATAMAP" --catalog "$CAT2" source add local "$D2" --tag "Data Subjects=Staff" --tag "purpose_of_processing=Payroll" \
  >/dev/null
expect_status 0 "$DATAMAP" --catalog "$CAT2" run || true
for fmt in md csv html; do
  "$DATAMAP" --catalog "$CAT2" report --format $fmt -o "$WORK/r.$fmt" 2>/dev/null || true
  if grep -q 'Customers' "$WORK/r.$fmt" && grep -q 'Customer billing' "$WORK/r.$fmt" && ! grep -q 'Staff' "$WORK/r.$fmt" \
      && ! grep -q 'Payroll' "$WORK/r.$fmt"; then
    ok "report $fmt: the sidecar's Customers and Customer billing, not the overridden Staff and Payroll"
  else
    fail "report $fmt: Customers $(grep -c Customers "$WORK/r.$fmt"), Staff $(grep -c Staff "$WORK/r.$fmt"), Payroll $(grep -c Payroll "$WORK/r.$fmt")"
  fi
done

# ---- the API ---------------------------------------------------------------------------------
schedules_off
start_serve "$CAT"
ID=$(curl -s "$URL/api/v1/assets?q=crm" | py "[a['id'] for a in d['items'] if a['name']=='crm'][0]")
curl -s "$URL/api/v1/assets/$ID" >"$WORK/a.json"
[ "$(py "d['tags']['Data Subjects']" <"$WORK/a.json")" = Customers ] && ok "API asset: tags hold the value in force" \
  || fail "API asset tags: $(py "d['tags']" <"$WORK/a.json")"
got=$(py "sorted((t['origin'], t['value'], t.get('overridden_by')) for t in d['tag_list'] if t['key']=='Data Subjects')" <"$WORK/a.json")
[ "$got" = "[('sidecar', 'Customers', None), ('source', 'Staff', 'sidecar')]" ] \
  && ok "API asset: tag_list marks the source's value overridden by the sidecar" || fail "API tag_list: $got"
got=$(curl -s "$URL/api/v1/tags?asset=$ID&key=Data%20Subjects" | py "[(t['value'], t.get('overridden_by')) for t in d['items']]")
[ "$got" = "[('Customers', None), ('Staff', 'sidecar')]" ] && ok "API tags: the value in force first, then the overridden" \
  || fail "API tags: $got"
got=$(curl -s "$URL/api/v1/assets?tag=Data%20Subjects=Staff" | py "sorted(a['name'] for a in d['items'])")
[ "$got" = "['plain']" ] && ok "API assets ?tag=Data Subjects=Staff: plain only (crm's Staff is overridden)" \
  || fail "API assets ?tag=Data Subjects=Staff: $got"
got=$(curl -s "$URL/api/v1/assets?tag=Data%20Subjects=Customers" | py "sorted(a['name'] for a in d['items'])")
[ "$got" = "['crm']" ] && ok "API assets ?tag=Data Subjects=Customers: crm" || fail "API assets ?tag=...Customers: $got"
got=$(curl -s "$URL/api/v1/tags?value=Staff" | py "sorted(t['asset'] for t in d['items'])")
[ "$got" = "['plain']" ] && ok "API tags ?value=Staff: values in force only" || fail "API tags ?value=Staff: $got"
curl -s "$URL/api/v1/report?format=json" >"$WORK/api-r.json" 2>/dev/null || true
if python3 -c "import json; json.load(open('$WORK/api-r.json'))" 2>/dev/null; then
  python3 - "$WORK/api-r.json" >"$WORK/arj.txt" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
for a in d['assets']:
    v = a.get('fields', {}).get('data_subjects') or a.get('data_subjects') or []
    print(a['name'], '|'.join(sorted(x['value'] for x in v)))
EOF
  grep -qx 'crm Customers' "$WORK/arj.txt" && ok "API report: crm's data subjects are the sidecar's only" \
    || fail "API report: $(cat "$WORK/arj.txt")"
else
  fail "API report json not readable: $(head -c 300 "$WORK/api-r.json")"
fi
stop_serve
finish
