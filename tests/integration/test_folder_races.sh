#!/usr/bin/env bash
# Issue 17 items 2-3: a local folder is walked with directory descriptors.
# - A listed file swapped for a FIFO before it is opened must not hang the
#   scan; swapped for a symbolic link to a file outside the source, the
#   outside file must never be read. A loop swaps the name while scans run.
# - Nesting deeper than PATH_MAX allows as one path still reads the file.
. "$(dirname "$0")/lib.sh"
E=$WORK/estate
OUT=$WORK/outside
mkdir -p "$E/a" "$OUT"
{ echo "outside_marker_column"; for i in $(seq 1 20); do echo "secret$i"; done; } > "$OUT/secret.csv"
{ echo "id,city"; for i in $(seq 1 20); do echo "$i,Paris"; done; } > "$WORK/regular.csv"
# a_big.csv is read first and takes a while: the scan has listed the folder
# once it holds a_big.csv open, and z_data.csv is swapped then, before it
# is opened (tables are read in name order after the listing).
python3 -c '
import sys
with open(sys.argv[1], "w") as f:
    f.write("n,note\n")
    row = "".join("%d,some words to make the row longer than it needs to be\n" % i for i in range(1000))
    for _ in range(300): f.write(row)
' "$E/a/a_big.csv"

swapped_scan() {   # swapped_scan fifo|link: swap z_data.csv while a_big.csv is read
  rm -f "$E/a/z_data.csv"; cp "$WORK/regular.csv" "$E/a/z_data.csv"
  timeout 30 "$DATAMAP" scan "$E" --rows all --format json >"$WORK/out" 2>"$WORK/err" & local pid=$!
  local scanpid=
  for _ in $(seq 1 400); do
    scanpid=$(pgrep -P $pid datamap || true)
    [ -n "$scanpid" ] && ls -l /proc/$scanpid/fd 2>/dev/null | grep -q a_big.csv && break
    sleep 0.025
  done
  if [ "$1" = fifo ]; then mkfifo "$E/a/.swap"; else ln -s "$OUT/secret.csv" "$E/a/.swap"; fi
  mv -f "$E/a/.swap" "$E/a/z_data.csv"
  local rc=0; wait $pid || rc=$?
  echo $rc
}
for kind in fifo link; do
  for i in 1 2; do
    rc=$(swapped_scan $kind)
    [ "$rc" = 124 ] && fail "$kind swap: the scan hung"
    grep -q outside_marker_column "$WORK/out" "$WORK/err" && fail "$kind swap: the file outside the source was read"
    python3 - "$WORK/out" "$kind" <<'PY' || fail "$kind swap: no error entry for the swapped file"
import json, sys
doc = json.load(open(sys.argv[1]))
errs = [e for e in doc["errors"] if "z_data.csv" in e["target"] + e["message"]]
assert errs, doc["errors"]
want = "a FIFO" if sys.argv[2] == "fifo" else "symbolic link"
assert any(want in e["message"] for e in errs), errs
print(sys.argv[2], "swap:", errs[0]["message"])
PY
  done
done
rm -rf "$E/a"

# A file 17 folders deep under 250-byte names: one path of ~4.3 KB > PATH_MAX.
python3 - "$E" <<'PY'
import os, sys
fd = os.open(sys.argv[1], os.O_RDONLY)
os.mkdir("deep", dir_fd=fd); fd = os.open("deep", os.O_RDONLY, dir_fd=fd)
for d in range(17):
    name = ("%02d" % d) + "x" * 248
    os.mkdir(name, dir_fd=fd)
    fd = os.open(name, os.O_RDONLY, dir_fd=fd)
f = os.open("people.csv", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
os.write(f, ("name,email\n" + "".join("P%d,p%d@example.com\n" % (i, i) for i in range(30))).encode())
os.close(f)
PY
expect_status 0 "$DATAMAP" scan "$E/deep" --format json || true
python3 - "$WORK/out" <<'PY' || fail "the deep file was not read"
import json, sys
doc = json.load(open(sys.argv[1]))
tables = [t for a in doc["assets"] for t in a["tables"]]
assert doc["errors"] == [], doc["errors"]
assert len(tables) == 1 and tables[0]["rows_sampled"] == 30, [(t["name"][:10], t["rows_sampled"]) for t in tables]
assert any(e["type"] == "EMAIL" for c in tables[0]["columns"] for e in c["entities"])
PY
finish
