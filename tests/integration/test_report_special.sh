#!/usr/bin/env bash
# Special categories from detection, end to end: a clinic's patient table
# (ICD-10 codes, diagnoses in German, blood groups, gender, religion) and an
# HR table (gender only) through `datamap scan` and `run`, then `report
# --format json`: the special-category columns and the Art. 9 gap
# ("no_special_basis") come from what the engine found, with no tag naming
# the data; a `Special Category Basis` tag closes the gap; gender alone is
# personal data but not special.
. "$(dirname "$0")/lib.sh"

export DATAMAP_CATALOG=$WORK/dm.db
unset DATAMAP_CONFIG
E=$WORK/estate
mkdir -p "$E/clinic" "$E/hr" "$E/lab"
python3 - "$E/clinic/patients.csv" "$E/hr/staff.csv" "$E/lab/results.csv" <<'PY'
import random, sys
random.seed(11)
icd = ["E11.9", "I10", "J45.9", "F32.1", "K21.0", "M54.5", "N39.0", "C50.9", "G43.9", "E78.5"]
diag = ["Diabetes mellitus Typ 2", "Bluthochdruck", "Asthma", "Migräne", "Depression", "Herzinfarkt"]
blood = ["A+", "0+", "B-", "AB+", "0-", "A-"]
sex = ["männlich", "weiblich", "weiblich", "männlich", "divers"]
rel = ["römisch-katholisch", "evangelisch", "konfessionslos", "muslimisch"]
with open(sys.argv[1], "w") as f:
    f.write("patient_no,icd_code,Diagnose,Blutgruppe,Geschlecht,Konfession\n")
    for i in range(60):
        f.write(f"P{1000 + i},{random.choice(icd)},{random.choice(diag)},{random.choice(blood)},"
                f"{random.choice(sex)},{random.choice(rel)}\n")
with open(sys.argv[2], "w") as f:
    f.write("staff_no,gender,department\n")
    for i in range(60):
        f.write(f"S{i},{random.choice(['Male', 'Female'])},{random.choice(['Sales', 'IT', 'Finance'])}\n")
with open(sys.argv[3], "w") as f:
    f.write("sample,marker\n")
    for i in range(60):
        f.write(f"L{i},{random.choice(['rs429358', 'rs7412'])} {random.choice(['CT', 'TT', 'CC'])}\n")
PY
for s in clinic hr lab; do
  cat > "$E/$s/.datamap-tags.yaml" <<EOF
"Processing Activity": "$s"
"Purpose of Processing": "care"
"Data Subjects": "Patients"
"Legal Basis": "Art. 6(1)(c)"
EOF
done
echo '"Special Category Basis": "Art. 9(2)(h) health care"' >> "$E/lab/.datamap-tags.yaml"

# ---- scan: the types per column ------------------------------------------------
expect_status 0 "$DATAMAP" scan "$E/clinic/patients.csv" --rows all --format json
python3 - "$WORK/out" <<'PY' || fail "scan types"
import json, sys
d = json.load(open(sys.argv[1]))
cols = {c["name"]: [e["type"] for e in c.get("entities", [])] for c in d["assets"][0]["tables"][0]["columns"]}
assert cols["icd_code"] == ["HEALTH"], cols
assert cols["Diagnose"] == ["HEALTH"], cols
assert cols["Blutgruppe"] == ["HEALTH"], cols
assert cols["Geschlecht"] == ["GENDER"], cols
assert cols["Konfession"] == ["RELIGIOUS_BELIEF"], cols
assert cols["patient_no"] == [], cols
PY
ok "scan finds health, religion and gender columns"

cat > "$WORK/datamap.yaml" <<'EOF'
controller:
  name: Example Clinic
  contact: privacy@example.com
  dpo: Jane Doe
EOF
D() { "$DATAMAP" --config "$WORK/datamap.yaml" "$@"; }

# ---- run + report: special columns and the Art. 9 gap from detection -------------
expect_status 0 D init
expect_status 0 D source add estate "$E"
expect_status 0 D run --rows all
expect_status 0 D report --format json -o "$WORK/r.json"
python3 - "$WORK/r.json" <<'PY' || fail "json report"
import json, sys
d = json.load(open(sys.argv[1]))
special = sorted(f'{c["table"]}.{c["column"]}:{c["entity"]}' for c in d["columns"] if c["special"])
assert special == ["patients.Blutgruppe:HEALTH", "patients.Diagnose:HEALTH", "patients.Konfession:RELIGIOUS_BELIEF",
                   "patients.icd_code:HEALTH", "results.marker:GENETIC_DATA"], special
assert d["overview"]["special_category_columns"] == 5, d["overview"]
gender = [c for c in d["columns"] if c["entity"] == "GENDER"]
assert sorted(c["asset"] for c in gender) == ["estate/clinic", "estate/hr"], gender
assert all(not c["special"] and c["category"] == "user.demographic.gender" for c in gender), gender
gaps = sorted((g["kind"], g["asset"]) for g in d["gaps"])
assert ("no_special_basis", "estate/clinic") in gaps, gaps
assert ("no_special_basis", "estate/hr") not in gaps, gaps       # gender is not special
assert ("no_special_basis", "estate/lab") not in gaps, gaps      # tagged with its Art. 9 condition
msg = [g["message"] for g in d["gaps"] if g["kind"] == "no_special_basis"][0]
assert "Health and medical" in msg and "religious belief" in msg, msg
PY
ok "report: special columns and no_special_basis from detection"

expect_status 3 D report --check
grep -q "^no_special_basis	store estate/clinic" "$WORK/out" && ok "--check lists the Art. 9 gap" \
  || fail "--check: $(cat "$WORK/out")"

# the tag closes it
echo '"Special Category Basis": "Art. 9(2)(h) health care"' >> "$E/clinic/.datamap-tags.yaml"
expect_status 0 D tags
expect_status 0 D report --check && ok "tagged: no gap left"
finish
