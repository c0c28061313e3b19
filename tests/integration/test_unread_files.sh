#!/usr/bin/env bash
# Nothing skipped in silence (issue 13 item 3): every file a crawl does not
# read is counted on its asset by kind and reason ("2 .pdf not supported,
# 1 .parquet corrupt"), shown by scan (table and JSON), catalog, the API;
# the report gets a gap for such a store, and a store with nothing readable
# is never reported as free of personal data (its categories are
# "unknown", not "none found"). A corrupt file in a multi-file table is read
# again on the next run, so the count does not vanish when nothing changed.
source "$DM_TESTS/integration/lib.sh"
source "$DM_TESTS/integration/serve_lib.sh"
schedules_off 2>/dev/null || true
F=$DM_TESTS/data/parquet
R=$WORK/estate
mkdir -p "$R/docs" "$R/scans" "$R/lake/customers/part=1" "$R/lake/customers/part=2"
cp "$F/duckdb_zstd.parquet" "$R/docs/customers.parquet"
printf '%%PDF-1.4 not a table\n' >"$R/docs/contract.pdf"
printf '%%PDF-1.4 another\n' >"$R/docs/invoice.PDF"
head -c 3000 "$F/wasm_groups.parquet" >"$R/docs/cut.parquet"
printf 'PK\003\004 a workbook\n' >"$R/docs/people.xlsx"
printf '%%PDF-1.4 scanned id card\n' >"$R/scans/id_card.pdf"
printf '\x89PNG\r\n' >"$R/scans/passport.png"
cp "$F/lake/customers/country=DE/part_0.parquet" "$R/lake/customers/part=1/a.parquet"
head -c 600 "$F/lake/customers/country=FR/part_0.parquet" >"$R/lake/customers/part=2/b.parquet"
printf 'Processing Activity: Identity checks\n' >"$R/scans/.datamap-tags.yaml"

# scan: the table output lists what was not read, and says the record may be incomplete
"$DATAMAP" scan "$R" >"$WORK/out" 2>"$WORK/err" || true
grep -q "^docs .*4 file(s): 2 .pdf not supported, 1 .parquet corrupt, 1 .xlsx not supported" "$WORK/out" &&
  grep -q "^scans .*2 file(s): 1 .pdf not supported, 1 .png not supported (nothing readable: its personal data is unknown)" "$WORK/out" &&
  grep -q "^lake .*1 file(s): 1 .parquet corrupt" "$WORK/out" &&
  grep -q "7 file(s) not read: the record may be incomplete" "$WORK/out" &&
  ok "scan: files not read, per asset by kind and reason" || fail "scan table: $(cat "$WORK/out")"
"$DATAMAP" scan "$R" --format json >"$WORK/out" 2>/dev/null || true
python3 - "$WORK/out" <<'PY' && ok "scan JSON: unread_files per asset" || fail "scan json: $(head -c 1500 "$WORK/out")"
import json, sys
d = json.load(open(sys.argv[1]))
a = {x["name"]: x for x in d["assets"]}
def u(n): return sorted((x["kind"], x["reason"], x["files"]) for x in a[n]["unread_files"])
assert u("docs") == [(".parquet", "corrupt", 1), (".pdf", "not supported", 2), (".xlsx", "not supported", 1)], u("docs")
assert u("scans") == [(".pdf", "not supported", 1), (".png", "not supported", 1)], u("scans")
assert a["scans"]["tables"] == [], a["scans"]
assert u("lake") == [(".parquet", "corrupt", 1)], u("lake")
t = {x["name"]: x for x in a["lake"]["tables"]}
assert t["customers"]["rows_sampled"] > 0      # the good part is still read
PY

# run into a catalog; a second run with nothing changed keeps the counts
CAT=$WORK/c.db
"$DATAMAP" --catalog "$CAT" source add estate "$R" >/dev/null
"$DATAMAP" --catalog "$CAT" run >/dev/null 2>&1 || true
"$DATAMAP" --catalog "$CAT" run >/dev/null 2>&1 || true
"$DATAMAP" --catalog "$CAT" catalog --format json >"$WORK/out" 2>/dev/null || true
python3 - "$WORK/out" <<'PY' && ok "catalog after two runs: the counts stay" || fail "catalog json: $(head -c 1500 "$WORK/out")"
import json, sys
d = json.load(open(sys.argv[1]))
a = {x["name"]: x for x in d["assets"]}
tot = {n: sum(x["files"] for x in a[n]["unread_files"]) for n in a}
assert tot == {"docs": 4, "scans": 2, "lake": 1}, tot
PY
"$DATAMAP" --catalog "$CAT" report --format json >"$WORK/out" 2>/dev/null || true
python3 - "$WORK/out" <<'PY' && ok "report: a gap per store with unread files; nothing readable is unknown" || fail "report: $(head -c 2000 "$WORK/out")"
import json, sys
d = json.load(open(sys.argv[1]))
g = [x for x in d["gaps"] if x["kind"] == "unread_files"]
by = {x["asset"]: x["message"] for x in g}
assert set(by) == {"estate/docs", "estate/scans", "estate/lake"}, by
assert "4 file(s) datamap could not read (2 .pdf not supported, 1 .parquet corrupt, 1 .xlsx not supported)" in by["estate/docs"], by
assert "its personal data is unknown" in by["estate/scans"], by
a = {x["id"]: x for x in d["assets"]}
assert a["estate/scans"]["files_unread"] == 2 and a["estate/docs"]["unread"].startswith("2 .pdf"), a["estate/scans"]
PY
"$DATAMAP" --catalog "$CAT" report --format md >"$WORK/out" 2>/dev/null || true
grep -q "unknown: none found in the files read, 2 file(s) could not be read" "$WORK/out" && ! grep -q "none found\*" "$WORK/out" &&
  ok "report md: no activity of unread stores says 'none found'" || fail "report md: $(grep -n 'none found' "$WORK/out")"

# the API: assets and one asset carry unread_files
start_serve "$CAT" --no-watch
id=$(curl -s "$URL/api/v1/assets?q=scans" | py 'd["items"][0]["id"]')
curl -s "$URL/api/v1/assets?q=scans" | py 'd["items"][0]["unread_files"]' | grep -q "'.png'" &&
  curl -s "$URL/api/v1/assets/$id" | py 'sum(x["files"] for x in d["unread_files"])' | grep -qx 2 &&
  ok "API: unread_files on the list and the asset" || fail "API: $(curl -s "$URL/api/v1/assets/$id" | head -c 600)"
stop_serve
finish
