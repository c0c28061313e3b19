#!/usr/bin/env bash
# The real-world bench's checks and scorer, without the network:
#
#  1. bench/rw_ids.py --selftest: the national-ID check rules against
#     published examples, and every generator against its own rule.
#  2. bench/score.py --meta --known-entities on a small hand-made result:
#     the per-language and per-item micro/macro F1, the false positives on
#     hard negatives, the PERSON_NAME findings on gender columns, the
#     category-level check of a mixed column and the known-types score are
#     the numbers worked out by hand below.
#
# Uses DM_SRC (set by ctest) or the repository this script lives in.
set -euo pipefail

SRC=${DM_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
PY=${PYTHON:-python3}
fail() { echo "FAIL: $*" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-scorer.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

"$PY" "$SRC/bench/rw_ids.py" --selftest >/dev/null || fail "bench/rw_ids.py --selftest failed"

cat >"$tmp/labels.json" <<'EOF'
{"de_kunden": {"Vorname": ["PERSON_NAME"], "Geschlecht": ["GENDER"], "Ort": [], "Geburtsdatum": ["DATE_OF_BIRTH"]},
 "ids": {"national_id": ["SPAIN_DNI", "INDIA_AADHAAR_NUMBER"], "company": []}}
EOF
cat >"$tmp/meta.json" <<'EOF'
{"items": {"1": "names", "4": "dates of birth", "6": "mixed"},
 "tables": {
  "de_kunden": {"lang": "de", "columns": {
     "Vorname": {"items": ["1"]}, "Geschlecht": {"items": ["1"], "negative_for": ["PERSON_NAME"]},
     "Ort": {"items": ["1"]}, "Geburtsdatum": {"items": ["4"]}}},
  "ids": {"lang": "multi", "columns": {
     "national_id": {"items": ["6"], "category": "user.government_id.national_identification_number",
                     "members": {"SPAIN_DNI": 0.17, "INDIA_AADHAAR_NUMBER": 0.15, "ITALY_FISCAL_CODE": 0.06}},
     "company": {"items": ["1"]}}}}}
EOF
# Vorname found; Geschlecht reported as a name (GENDER unknown to this engine);
# Ort reported as a name (false positive on a hard negative); birth date
# missed; DNI found, Aadhaar missed, no category finding; company clean.
cat >"$tmp/result.json" <<'EOF'
{"assets": [{"tables": [
 {"name": "de_kunden", "columns": [
   {"name": "Vorname", "entities": [{"type": "PERSON_NAME", "ratio": 0.9, "confidence": "high"}]},
   {"name": "Geschlecht", "entities": [{"type": "PERSON_NAME", "ratio": 0.4, "confidence": "medium"}]},
   {"name": "Ort", "entities": [{"type": "PERSON_NAME", "ratio": 0.2, "confidence": "low"}]},
   {"name": "Geburtsdatum", "entities": []}]},
 {"name": "ids", "columns": [
   {"name": "national_id", "entities": [{"type": "SPAIN_DNI", "ratio": 0.17, "confidence": "medium"}]},
   {"name": "company", "entities": []}]}]}]}
EOF
printf 'ENTITY REGION CATEGORY DESCRIPTION\nPERSON_NAME global x y\nDATE_OF_BIRTH global x y\nSPAIN_DNI ES x y\nINDIA_AADHAAR_NUMBER IN x y\n' \
  >"$tmp/known.txt"

"$PY" "$SRC/bench/score.py" --labels "$tmp/labels.json" --meta "$tmp/meta.json" --result "$tmp/result.json" \
  --known-entities "$tmp/known.txt" --json "$tmp/score.json" --markdown "$tmp/score.md" >"$tmp/score.txt" \
  || fail "score.py failed"

"$PY" - "$tmp/score.json" <<'EOF' || fail "score.py numbers differ from the hand-worked ones (see above)"
import json, sys
s = json.load(open(sys.argv[1]))
bad = []
def eq(what, got, want):
    if (round(got, 4) if isinstance(got, float) else got) != want:
        bad.append("%s: got %r, want %r" % (what, got, want))
o = s["overall"]
# tp: Vorname, DNI = 2; fp: Geschlecht NAME, Ort NAME = 2; fn: GENDER, DOB, AADHAAR = 3
eq("overall tp/fp/fn", (o["tp"], o["fp"], o["fn"]), (2, 2, 3))
eq("overall micro F1", o["f1"], round(2 * 0.5 * 0.4 / 0.9, 4))
k = s["known_only"]
# GENDER left out: tp 2, fp 2, fn 2
eq("known tp/fp/fn", (k["tp"], k["fp"], k["fn"]), (2, 2, 2))
eq("known unknown types", k["unknown_types"], ["GENDER"])
g = {(kind, r["group"]): r for kind, rows in s["groups"].items() for r in rows}
de = g[("language", "de")]
eq("de tp/fp/fn", (de["tp"], de["fp"], de["fn"]), (1, 2, 2))
eq("de FP on []", de["fp_on_hard_negatives"], 1)
multi = g[("language", "multi")]
eq("multi tp/fp/fn", (multi["tp"], multi["fp"], multi["fn"]), (1, 0, 1))
eq("multi macro F1", multi["macro_f1"], 0.5)          # DNI 1.0, AADHAAR 0.0
i1 = g[("item", "1")]
eq("item 1 tp/fp/fn", (i1["tp"], i1["fp"], i1["fn"]), (1, 2, 1))
eq("item 4 recall", g[("item", "4")]["recall"], 0.0)
eq("FP on hard negatives", [(x["column"], x["entity"]) for x in s["false_positives_on_hard_negatives"]],
   [("de_kunden.Ort", "PERSON_NAME")])
eq("names on gender columns", [(x["column"], x["entity"]) for x in s["false_positives_on_negative_for"]],
   [("de_kunden.Geschlecht", "PERSON_NAME")])
eq("category check", [(c["column"], c["reported"]) for c in s["category_checks"]], [("ids.national_id", False)])
for b in bad:
    print("FAIL: " + b, file=sys.stderr)
sys.exit(1 if bad else 0)
EOF

# a category-level finding is recognised when the scan reports one
"$PY" - "$tmp/result.json" <<'EOF'
import json, sys
p = sys.argv[1]
d = json.load(open(p))
col = d["assets"][0]["tables"][1]["columns"][0]
col["entities"].append({"type": "NATIONAL_ID", "category": "user.government_id.national_identification_number",
                        "ratio": 0.6, "confidence": "high",
                        "members": [{"type": "SPAIN_DNI", "ratio": 0.17}, {"type": "ITALY_FISCAL_CODE", "ratio": 0.06}]})
json.dump(d, open(p, "w"))
EOF
"$PY" "$SRC/bench/score.py" --labels "$tmp/labels.json" --meta "$tmp/meta.json" --result "$tmp/result.json" \
  --json "$tmp/score2.json" >/dev/null || fail "score.py failed (second result)"
"$PY" -c 'import json,sys; s=json.load(open(sys.argv[1])); sys.exit(0 if s["category_checks"][0]["reported"] else 1)' \
  "$tmp/score2.json" || fail "a finding carrying the category was not counted as the category-level finding"
# its members: DNI and CF listed (CF below the threshold), Aadhaar not
"$PY" -c 'import json,sys; c=json.load(open(sys.argv[1]))["category_checks"][0]
sys.exit(0 if (c["members_reported"], c["members_expected"], c["members_missing"]) == (2, 3, ["INDIA_AADHAAR_NUMBER"]) else 1)' \
  "$tmp/score2.json" || fail "the category finding'"'"'s members were not compared with the column'"'"'s types"

grep -q "by language" "$tmp/score.txt" || fail "text report has no per-language table"
grep -q "| item |" "$tmp/score.md" || fail "markdown report has no per-item table"
echo "ok: bench scorer and rw_ids checks"
