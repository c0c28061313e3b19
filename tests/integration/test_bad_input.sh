#!/usr/bin/env bash
# Bad input: each bad file gives an error entry naming it, the good files are
# still scanned, the exit status is 1, and a registered catalog stays intact.
. "$(dirname "$0")/lib.sh"
F=$WORK/data/bad
mkdir -p "$F"
printf 'email\nx@example.com\ny@example.com\n' > "$F/good.csv"
head -c 4096 /dev/urandom > "$F/random.bin"
printf '\x00\x01\x02binary\x00' >> "$F/random.bin"
for i in $(seq 1 2000); do echo "$i,someone$i@example.com"; done | gzip -c | head -c 3000 > "$F/truncated.csv.gz"
: > "$F/empty.csv"
printf 'name\n\xff\xfe\xfa bad utf8\nok\n' > "$F/latin.csv"
{ echo "c"; head -c $((50 * 1024 * 1024)) /dev/zero | tr '\0' 'a'; echo; echo "z@example.com"; } > "$F/longline.csv"
printf 'email\nsecret@example.com\n' > "$F/unreadable.csv"; chmod 000 "$F/unreadable.csv"

expect_status 1 "$DATAMAP" scan "$WORK/data" --format json || true
python3 - "$WORK/out" <<'PY' || FAILS=$((FAILS + 1))
import json, sys, os
doc = json.load(open(sys.argv[1]))
errs = {os.path.basename(e["target"]): e["message"] for e in doc["errors"]}
want = {"random.bin": "binary", "truncated.csv.gz": "truncated", "empty.csv": "empty",
        "longline.csv": "longer than"}
bad = []
for f, word in want.items():
    if f not in errs or word.lower() not in errs[f].lower():
        bad.append(f"{f}: expected an error mentioning '{word}', got {errs.get(f)!r}")
if os.geteuid() != 0 and ("unreadable.csv" not in errs):
    bad.append("unreadable.csv: no error")
tables = {t["name"]: t for a in doc["assets"] for t in a["tables"]}
good = tables.get("good")
if not good or [e["type"] for e in good["columns"][0]["entities"]] != ["EMAIL"]:
    bad.append(f"good.csv must still be scanned: {good}")
# not UTF-8 is no longer an error: the file is read in the 8-bit encoding its bytes say
lat = tables.get("latin")
if "latin.csv" in errs or not lat or lat.get("encoding") != "iso-8859-1" or lat["rows_sampled"] != 2:
    bad.append(f"latin.csv: read whole as iso-8859-1, no error: {errs.get('latin.csv')!r} {lat}")
ll = tables.get("longline")
if not ll or ll["rows_sampled"] != 1:
    bad.append(f"longline.csv: the record after the long line is still read: {ll and ll['rows_sampled']}")
if bad:
    print("\n".join(bad), file=sys.stderr); sys.exit(1)
print("bad inputs reported:", sorted(errs))
PY
chmod 600 "$F/unreadable.csv"

# A sidecar tags file that is not a flat map: an error naming file and line,
# the folder's data is still classified.
T=$WORK/tagsbad/a
mkdir -p "$T"
printf 'email\nx@example.com\n' > "$T/t.csv"
printf 'Purpose:\n  nested: x\n' > "$T/.datamap-tags.yaml"
expect_status 1 "$DATAMAP" scan "$WORK/tagsbad" --format json &&
  grep -q '.datamap-tags.yaml:2: tags must be a flat map' "$WORK/err" &&
  grep -q '"EMAIL"' "$WORK/out" && ok "bad sidecar tags reported, data still classified" ||
  fail "bad sidecar tags: $(cat "$WORK/err")"

# An unreadable file: root reads everything, so run that scan as nobody.
U=$(mktemp -d /tmp/dmunread.XXXXXX)
printf 'email\nx@example.com\n' > "$U/ok.csv"
printf 'email\nsecret@example.com\n' > "$U/locked.csv"
chmod 755 "$U"; chmod 644 "$U/ok.csv"; chmod 000 "$U/locked.csv"
as_nobody=()
if [ "$(id -u)" = 0 ]; then as_nobody=(setpriv --reuid=nobody --regid=nogroup --clear-groups); fi
got=0
"${as_nobody[@]}" "$DATAMAP" scan "$U" --format json >"$WORK/unread.json" 2>"$WORK/unread.err" || got=$?
python3 - "$WORK/unread.json" "$got" <<'PY' || FAILS=$((FAILS + 1))
import json, sys, os
doc = json.load(open(sys.argv[1])); status = int(sys.argv[2])
errs = {os.path.basename(e["target"]): e["message"] for e in doc["errors"]}
tables = {t["name"] for a in doc["assets"] for t in a["tables"]}
assert status == 1, f"exit status {status}, expected 1"
assert "permission denied" in errs.get("locked.csv", "").lower(), f"locked.csv error: {errs}"
assert "ok" in tables, f"ok.csv still scanned: {tables}"
print("unreadable file reported:", errs["locked.csv"])
PY
rm -rf "$U"

# A registered catalog stays intact when a later run meets a broken file.
export DATAMAP_CATALOG=$WORK/cat.db
mkdir -p "$WORK/reg/a"
printf 'email\nx@example.com\n' > "$WORK/reg/a/t.csv"
expect_status 0 "$DATAMAP" source add s "$WORK/reg" && expect_status 0 "$DATAMAP" run && ok "first run"
printf '\x1f\x8b\x08\x00garbage' > "$WORK/reg/a/broken.csv.gz"
expect_status 1 "$DATAMAP" run && ok "second run fails on the broken file"
expect_status 0 "$DATAMAP" catalog --format json
python3 -c "
import json,sys; d=json.load(open('$WORK/out'))
t={t['name']:t for a in d['assets'] for t in a['tables']}
assert [e['type'] for e in t['t']['columns'][0]['entities']]==['EMAIL'], t
print('catalog intact')" || fail "catalog lost earlier results"
sqlite3 "$WORK/cat.db" 'PRAGMA integrity_check' | grep -qx ok || fail "integrity_check"
finish
