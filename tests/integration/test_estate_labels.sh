#!/usr/bin/env bash
# The demo estate against its ground truth: every column of every table must
# get exactly the entities examples/estate/.labels.json expects, no more, no
# fewer. (LABELS.json is written by the generator from the values it made.)
. "$(dirname "$0")/lib.sh"
EST=$DM_SRC/examples/estate
expect_status 0 "$DATAMAP" scan "$EST" --rows all --format json || true
python3 - "$WORK/out" "$EST/.labels.json" <<'PY' || FAILS=$((FAILS + 1))
import json, sys, collections
doc = json.load(open(sys.argv[1])); labels = json.load(open(sys.argv[2]))
want = collections.defaultdict(lambda: collections.defaultdict(set))
for path, f in labels["files"].items():
    for col, ents in f["columns"].items():
        want[(f["asset"], f["table"])][col] |= set(ents)
got = {}
for a in doc["assets"]:
    for t in a["tables"]:
        got[(a["name"], t["name"])] = {c["name"]: {e["type"] for e in c["entities"]} for c in t["columns"]}
bad = []
for key, cols in sorted(want.items()):
    if key not in got:
        bad.append(f"table {key[0]}/{key[1]} missing"); continue
    for col, ents in sorted(cols.items()):
        g = got[key].get(col)
        if g is None:
            bad.append(f"{key[0]}/{key[1]}.{col}: column missing")
        elif g != ents:
            extra, miss = sorted(g - ents), sorted(ents - g)
            bad.append(f"{key[0]}/{key[1]}.{col}: " + (f"false {extra} " if extra else "") + (f"missed {miss}" if miss else ""))
for key in got:
    if key not in want:
        bad.append(f"unexpected table {key[0]}/{key[1]}")
n = sum(len(c) for c in want.values())
if bad:
    print(f"{len(bad)} of {n} columns wrong:\n  " + "\n  ".join(bad), file=sys.stderr); sys.exit(1)
print(f"all {n} columns of the estate classified as labelled")
PY
finish
