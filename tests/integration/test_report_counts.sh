#!/usr/bin/env bash
# Counts mean what their label says: the report's "personal-data columns"
# is the number of distinct columns with at least one finding, the number
# `run` prints as "column(s) with personal data", not the number of findings
# (a column holding two entity types counts once; "findings" is added).
. "$(dirname "$0")/lib.sh"
D=$WORK/data
mkdir -p "$D"
{ echo "id,contact,email,note"
  for i in $(seq 1 40); do
    if [ $((i % 2)) = 0 ]; then c="p$i@example.com"; else c="+44 20 7946 0$((100 + i))"; fi
    echo "$i,$c,u$i@example.org,x"
  done; } > "$D/people.csv"
CAT=$WORK/c.db
"$DATAMAP" --catalog "$CAT" source add d "$D" >/dev/null
expect_status 0 "$DATAMAP" --catalog "$CAT" run || true
cli=$(grep -oE '[0-9]+ column\(s\) with personal data' "$WORK/out" | grep -oE '^[0-9]+' | tail -1)
expect_status 0 "$DATAMAP" --catalog "$CAT" report --format json -o "$WORK/r.json" || true
python3 - "$WORK/r.json" "$cli" <<'PY' || FAILS=$((FAILS + 1))
import json, sys
doc = json.load(open(sys.argv[1]))
ov = doc["overview"]
cols = {(c.get("asset"), c.get("table"), c.get("column")) for c in doc.get("columns", [])} if isinstance(doc.get("columns"), list) else None
assert str(ov["personal_data_columns"]) == sys.argv[2], (ov, sys.argv[2])
assert ov["findings"] > ov["personal_data_columns"], ov
if cols is not None:
    assert len(cols) == ov["personal_data_columns"], (len(cols), ov)
print("ok: report personal_data_columns", ov["personal_data_columns"], "= run's", sys.argv[2], "; findings", ov["findings"])
PY
expect_status 0 "$DATAMAP" --catalog "$CAT" report --format md -o "$WORK/r.md" || true
grep -q "Personal-data columns: $cli " "$WORK/r.md" || fail "markdown overview: $(grep -i 'personal-data columns' "$WORK/r.md")"
# a folder with one good CSV and one binary file is partly classified, not
# "never classified" while its personal data is listed
M=$WORK/mix/f
mkdir -p "$M"
printf 'email\na@example.com\nb@example.org\n' > "$M/good.csv"
head -c 2000 /dev/urandom > "$M/blob.bin"
"$DATAMAP" --catalog "$WORK/m.db" source add m "$M" >/dev/null
"$DATAMAP" --catalog "$WORK/m.db" run >/dev/null 2>&1 || true
expect_status 0 "$DATAMAP" --catalog "$WORK/m.db" report --format json -o "$WORK/m.json" || true
python3 - "$WORK/m.json" <<'PY' || FAILS=$((FAILS + 1))
import json, sys
msgs = [g["message"] for g in json.load(open(sys.argv[1]))["gaps"]]
assert not any("never classified" in m for m in msgs), msgs
assert any("only partly classified" in m for m in msgs), msgs
print("ok: a store with one unreadable file is partly classified, not never classified")
PY
finish
