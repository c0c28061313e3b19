#!/usr/bin/env bash
# The sample estate generator is deterministic and the committed estate is
# exactly its output.
#
#  1. bench/synth.py --selftest: check-digit code against published examples.
#  2. Two runs of examples/estate/generate.py into temp folders, under
#     different hash seeds, locales and time zones, give identical bytes.
#  3. The committed examples/estate holds exactly those files (nothing
#     missing, nothing edited by hand, no stray data files).
#  4. The compressed files open with the real gzip / zstd tools, every file
#     LABELS.json names exists, and the estate stays small.
#
# Uses DM_SRC (set by ctest) or the repository this script lives in.
set -euo pipefail

SRC=${DM_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
EST="$SRC/examples/estate"
GEN="$EST/generate.py"
PY=${PYTHON:-python3}
MAX_BYTES=$((3 * 1024 * 1024))

fail() { echo "FAIL: $*" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/estate-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# 1. check-digit algorithms
"$PY" "$SRC/bench/synth.py" --selftest >/dev/null || fail "bench/synth.py --selftest failed (see above)"

# 2. two fresh runs, different environments
PYTHONHASHSEED=0 LC_ALL=C TZ=UTC "$PY" "$GEN" --out "$tmp/a" 2>/dev/null \
  || fail "generate.py failed (first run)"
(cd "$tmp" && PYTHONHASHSEED=31337 LC_ALL=C.UTF-8 TZ=Pacific/Auckland "$PY" "$GEN" --out "$tmp/b" 2>/dev/null) \
  || fail "generate.py failed (second run)"
if ! diff -r "$tmp/a" "$tmp/b" >"$tmp/diff.txt" 2>&1; then
  head -20 "$tmp/diff.txt" >&2
  fail "two runs of generate.py differ: the generator is not deterministic"
fi

# 3. the committed estate equals a fresh generation
(cd "$tmp/a" && find . -type f | LC_ALL=C sort) >"$tmp/fresh.lst"
(cd "$EST" && find . -type f ! -name generate.py ! -name multilingual.py ! -path '*/__pycache__/*' | LC_ALL=C sort) >"$tmp/committed.lst"
if ! diff "$tmp/fresh.lst" "$tmp/committed.lst" >"$tmp/lst.diff"; then
  sed -n 's/^< /  missing from examples\/estate: /p; s/^> /  not produced by generate.py: /p' "$tmp/lst.diff" >&2
  fail "examples/estate does not hold exactly the generated files; run: $PY examples/estate/generate.py"
fi
changed=0
while IFS= read -r f; do
  if ! cmp -s "$tmp/a/$f" "$EST/$f"; then
    echo "  differs from a fresh generation: examples/estate/${f#./}" >&2
    changed=1
  fi
done <"$tmp/fresh.lst"
[ "$changed" = 0 ] || fail "examples/estate was edited by hand or is stale; edit generate.py and run: $PY examples/estate/generate.py"

# 4. sanity of the output
if command -v gzip >/dev/null; then
  for f in $(cd "$tmp/a" && find . -name '*.gz'); do
    gzip -t "$tmp/a/$f" || fail "gzip -t rejects $f"
  done
fi
if command -v zstd >/dev/null; then
  for f in $(cd "$tmp/a" && find . -name '*.zst'); do
    zstd -q -t "$tmp/a/$f" || fail "zstd -t rejects $f"
  done
else
  echo "note: zstd not installed, .zst files not checked with it" >&2
fi
"$PY" - "$tmp/a" <<'EOF' || fail "LABELS.json does not match the files"
import gzip, json, os, sys
root = sys.argv[1]
labels = json.load(open(os.path.join(root, ".labels.json"), encoding="utf-8"))
errors = []
pii_files = 0
for path, f in labels["files"].items():
    full = os.path.join(root, path)
    if not os.path.isfile(full):
        errors.append("LABELS.json names a missing file: " + path)
        continue
    if not f["columns"]:
        errors.append("no columns listed for " + path)
    if f["format"] == "csv":
        with open(full, encoding="utf-8") as fh:
            header = fh.readline().rstrip("\n").split(f.get("delimiter", ","))
        if header != list(f["columns"]):
            errors.append("%s: header %r differs from the labelled columns" % (path, header))
    if any(f["columns"].values()):
        pii_files += 1
for path in ("products/products.csv", "products/inventory.json"):
    if any(labels["files"][path]["columns"].values()):
        errors.append(path + " must hold no personal data")
if pii_files < 5:
    errors.append("only %d files with personal data" % pii_files)
for e in errors:
    print("  " + e, file=sys.stderr)
sys.exit(1 if errors else 0)
EOF
size=$(cd "$tmp/a" && find . -type f -exec cat {} + | wc -c)
[ "$size" -le "$MAX_BYTES" ] || fail "estate is $size bytes, more than $MAX_BYTES"

echo "ok: estate generator deterministic, committed estate matches ($size bytes)"
