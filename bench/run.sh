#!/usr/bin/env bash
# Benchmark datamap's detection: accuracy on labelled tables, then throughput.
#
#   bench/run.sh [all|accuracy|realworld|throughput]
#
# Builds nothing: uses $DATAMAP, else build/datamap. Generates the data into
# bench/data (gitignored) when it is missing or was made with other
# parameters or another version of the generator, writes everything it
# measured into bench/out (gitignored) and prints a summary.
#
# Environment:
#   DATAMAP                 binary to test (default: build/datamap)
#   BENCH_ROWS=10000        rows per accuracy table
#   BENCH_SEED=1            generator seed
#   BENCH_BIG_MB=100        size of the throughput file, in 10^6 bytes
#   BENCH_RUNS=3            timed runs over the big file (median wall time, max RSS)
#   BENCH_MIN_CONFIDENCE=   score only findings at or above low|medium|high
#   BENCH_RW_ROWS=2000      rows per real-world table
#   BENCH_SOURCES=bench/data/sources   where realworld.py installs its pinned packages
#
# Accuracy: `datamap scan bench/data/acc --rows all --format json`, scored by
# bench/score.py against bench/data/acc/labels.json (column-level precision,
# recall and F1 per entity and overall; every false positive on a hard
# negative by table.column). Throughput: `datamap scan bench/data/big.csv
# --rows all --format json` under /usr/bin/time -v, reported as file size /
# wall seconds (warm page cache) and peak resident set size. Real world:
# bench/realworld.py builds bench/data/realworld (44 tables in 13 languages
# from public statistics, see bench/README.md), scanned the same way and
# scored with --meta: micro and macro F1 overall, per language and per item
# of issue 11.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
DATA="$BENCH/data"
OUT="$BENCH/out"
DATAMAP=${DATAMAP:-$ROOT/build/datamap}
ROWS=${BENCH_ROWS:-10000}
SEED=${BENCH_SEED:-1}
BIG_MB=${BENCH_BIG_MB:-100}
RUNS=${BENCH_RUNS:-3}
MIN_CONF=${BENCH_MIN_CONFIDENCE:-}
RW_ROWS=${BENCH_RW_ROWS:-2000}
SOURCES=${BENCH_SOURCES:-$DATA/sources}
WHAT=${1:-all}
PY=${PYTHON:-python3}

case "$WHAT" in
  all|accuracy|realworld|throughput) ;;
  *) echo "usage: bench/run.sh [all|accuracy|realworld|throughput]" >&2; exit 2 ;;
esac
case "$RUNS" in ''|*[!0-9]*|0) echo "bench: BENCH_RUNS must be a positive integer" >&2; exit 2 ;; esac
case "$ROWS" in ''|*[!0-9]*|0) echo "bench: BENCH_ROWS must be a positive integer" >&2; exit 2 ;; esac
case "$RW_ROWS" in ''|*[!0-9]*|0) echo "bench: BENCH_RW_ROWS must be a positive integer" >&2; exit 2 ;; esac
case "$DATAMAP" in /*) ;; *) DATAMAP="$PWD/$DATAMAP" ;; esac
if [ ! -x "$DATAMAP" ]; then
  echo "bench: no datamap binary at $DATAMAP; build it first (cmake -S . -B build && make -C build) or set DATAMAP" >&2
  exit 2
fi
mkdir -p "$DATA" "$OUT"
status=0
summary=()

gen_version() { cat "$BENCH/gen.py" "$BENCH/synth.py" | sha256sum | cut -c1-16; }
rw_version() { cat "$BENCH/realworld.py" "$BENCH/rw_ids.py" "$BENCH/rw_sources.py" "$BENCH/synth.py" | sha256sum | cut -c1-16; }

# Regenerate when the parameters or the generator changed.
ensure_data() {  # name params-string command...
  local name=$1 params=$2; shift 2
  local stamp="$DATA/$name.params"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$params" ]; then
    return 0
  fi
  echo "bench: generating $name ($params)" >&2
  rm -f "$stamp"
  if ! "$@"; then
    echo "bench: generating $name failed" >&2
    return 1
  fi
  echo "$params" >"$stamp"
}

version=$("$DATAMAP" --version 2>/dev/null | head -1)
summary+=("datamap bench: ${version:-datamap (version unknown)}, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cpu(s), $(uname -m)")

# ---------------------------------------------------------------- accuracy
if [ "$WHAT" = all ] || [ "$WHAT" = accuracy ]; then
  if ensure_data acc "rows=$ROWS seed=$SEED gen=$(gen_version)" \
      "$PY" "$BENCH/gen.py" --out "$DATA/acc" --rows "$ROWS" --seed "$SEED"; then
    echo "bench: datamap scan $DATA/acc --rows all --format json" >&2
    start=$(date +%s.%N)
    (cd "$OUT" && "$DATAMAP" scan "$DATA/acc" --rows all --format json >"$OUT/acc.json" 2>"$OUT/acc.stderr")
    rc=$?
    secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
    if [ $rc -ne 0 ]; then
      echo "bench: datamap scan exited $rc (stderr in $OUT/acc.stderr); scoring what it printed" >&2
      [ $rc -eq 1 ] || status=1
    fi
    score_args=(--labels "$DATA/acc/labels.json" --result "$OUT/acc.json"
                --json "$OUT/score.json" --markdown "$OUT/score.md")
    [ -n "$MIN_CONF" ] && score_args+=(--min-confidence "$MIN_CONF")
    if "$PY" "$BENCH/score.py" "${score_args[@]}" >"$OUT/score.txt"; then
      cat "$OUT/score.txt"
      line=$("$PY" - "$OUT/score.json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
o = s["overall"]
f = lambda x: "n/a" if x is None else "%.3f" % x
print("precision %s, recall %s, F1 %s (micro); macro F1 %s; %d false positive(s) on %d hard negatives; %d miss(es)"
      % (f(o["precision"]), f(o["recall"]), f(o["f1"]), f(o["macro_f1"]),
         len(s["false_positives_on_hard_negatives"]), s["hard_negative_columns"], len(s["misses"])))
EOF
)
      summary+=("accuracy: $ROWS rows per table, scan took ${secs}s: $line")
    else
      echo "bench: scoring failed: the scan printed no usable JSON (see $OUT/acc.json, $OUT/acc.stderr)" >&2
      summary+=("accuracy: no result (datamap scan exit $rc, no usable JSON)")
      status=1
    fi
  else
    summary+=("accuracy: data generation failed")
    status=1
  fi
fi

# ---------------------------------------------------------------- real world
if [ "$WHAT" = all ] || [ "$WHAT" = realworld ]; then
  RW="$DATA/realworld"
  gstart=$(date +%s.%N)
  if ensure_data realworld "rows=$RW_ROWS seed=$SEED gen=$(rw_version)" \
      "$PY" "$BENCH/realworld.py" --out "$RW" --rows "$RW_ROWS" --seed "$SEED" --sources "$SOURCES"; then
    gsecs=$(awk -v a="$gstart" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
    echo "bench: datamap scan $RW/tables --rows all --format json" >&2
    start=$(date +%s.%N)
    (cd "$OUT" && "$DATAMAP" scan "$RW/tables" --rows all --format json >"$OUT/realworld.json" 2>"$OUT/realworld.stderr")
    rc=$?
    secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
    if [ $rc -ne 0 ]; then
      echo "bench: datamap scan exited $rc (stderr in $OUT/realworld.stderr); scoring what it printed" >&2
      [ $rc -eq 1 ] || status=1
    fi
    "$DATAMAP" entities >"$OUT/realworld_entities.txt" 2>/dev/null
    score_args=(--labels "$RW/labels.json" --meta "$RW/meta.json" --result "$OUT/realworld.json"
                --known-entities "$OUT/realworld_entities.txt"
                --json "$OUT/realworld_score.json" --markdown "$OUT/realworld_score.md")
    [ -n "$MIN_CONF" ] && score_args+=(--min-confidence "$MIN_CONF")
    if "$PY" "$BENCH/score.py" "${score_args[@]}" >"$OUT/realworld_score.txt"; then
      cat "$OUT/realworld_score.txt"
      line=$("$PY" - "$OUT/realworld_score.json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
o = s["overall"]
f = lambda x: "n/a" if x is None else "%.3f" % x
cat = s.get("category_checks", [])
k = s.get("known_only") or {}
print("precision %s, recall %s, F1 %s (micro); macro F1 %s; on the types this engine knows F1 %s (micro), %s (macro); "
      "%d false positive(s) on %d hard negatives, "
      "%d name finding(s) on gender/address columns; %d miss(es); category-level findings %d/%d"
      % (f(o["precision"]), f(o["recall"]), f(o["f1"]), f(o["macro_f1"]), f(k.get("f1")), f(k.get("macro_f1")),
         len(s["false_positives_on_hard_negatives"]), s["hard_negative_columns"],
         len(s.get("false_positives_on_negative_for", [])), len(s["misses"]),
         sum(1 for c in cat if c["reported"]), len(cat)))
EOF
)
      summary+=("realworld: $RW_ROWS rows per table, generated/checked in ${gsecs}s, scan took ${secs}s: $line")
    else
      echo "bench: scoring failed: the scan printed no usable JSON (see $OUT/realworld.json, $OUT/realworld.stderr)" >&2
      summary+=("realworld: no result (datamap scan exit $rc, no usable JSON)")
      status=1
    fi
  else
    summary+=("realworld: data generation failed")
    status=1
  fi
fi

# ---------------------------------------------------------------- throughput
elapsed_secs() {  # "h:mm:ss" or "m:ss.ss" -> seconds
  [ -n "$1" ] || { echo 0; return; }
  awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }' <<<"$1"
}

time_run() {  # out-prefix jobs: runs the scan, writes <prefix>.time with wall, cpu and max RSS (kB)
  local prefix=$1 jobs=$2
  if [ -x /usr/bin/time ]; then
    (cd "$OUT" && /usr/bin/time -v -o "$prefix.timev" \
      "$DATAMAP" scan "$DATA/big.csv" --rows all --format json --jobs "$jobs" >"$OUT/big.j$jobs.json" 2>"$OUT/big.stderr")
    local rc=$?
    local el user sys rss
    el=$(sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$prefix.timev")
    user=$(sed -n 's/^[[:space:]]*User time (seconds): //p' "$prefix.timev")
    sys=$(sed -n 's/^[[:space:]]*System time (seconds): //p' "$prefix.timev")
    rss=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$prefix.timev")
    echo "$(elapsed_secs "$el") $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') ${rss:-0}" >"$prefix.time"
    return $rc
  fi
  # No GNU time: measure with wait4() (same numbers, finer wall clock).
  "$PY" - "$prefix.time" "$jobs" "$DATAMAP" scan "$DATA/big.csv" --rows all --format json --jobs "$jobs" <<'EOF'
import os, subprocess, sys, time
out = sys.argv[1]
with open(os.path.join(os.path.dirname(out), "big.j%s.json" % sys.argv[2]), "wb") as so, \
     open(os.path.join(os.path.dirname(out), "big.stderr"), "wb") as se:
    t0 = time.monotonic()
    p = subprocess.Popen(sys.argv[3:], stdout=so, stderr=se, cwd=os.path.dirname(out))
    _, st, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
open(out, "w").write("%.3f %.3f %d\n" % (wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(st))
EOF
}

if [ "$WHAT" = all ] || [ "$WHAT" = throughput ]; then
  if ensure_data big "mb=$BIG_MB seed=$SEED gen=$(gen_version)" \
      "$PY" "$BENCH/gen.py" --out "$DATA" --big "$BIG_MB" --seed "$SEED"; then
    size=$(stat -c %s "$DATA/big.csv")
    cat "$DATA/big.csv" >/dev/null          # warm the page cache: we measure the engine, not the disk
    # --jobs 1 (per core) and --jobs 2, alternating so both see the same machine
    declare -A walls=() cpus=() rsss=()
    failed=0
    for i in $(seq 1 "$RUNS"); do
      for j in 1 2; do
        if ! time_run "$OUT/big.$i.j$j" "$j"; then
          echo "bench: datamap scan of big.csv --jobs $j failed (run $i, stderr in $OUT/big.stderr)" >&2
          failed=1
        fi
        [ -s "$OUT/big.$i.j$j.time" ] || echo "0 0 0" >"$OUT/big.$i.j$j.time"
        read -r w c r <"$OUT/big.$i.j$j.time"
        walls[$j]+="$w " cpus[$j]+="$c " rsss[$j]+="$r "
        echo "bench: throughput run $i --jobs $j: wall ${w}s, cpu ${c}s, max RSS ${r} kB" >&2
      done
    done
    cp "$OUT/big.j1.json" "$OUT/big.json" 2>/dev/null
    if cmp -s "$OUT/big.j1.json" "$OUT/big.j2.json"; then same="--jobs 2 findings identical to --jobs 1"
    else same="--jobs 2 FINDINGS DIFFER from --jobs 1"; status=1; fi
    line=$("$PY" - "$size" "${walls[1]}" "${cpus[1]}" "${rsss[1]}" "${walls[2]}" "${cpus[2]}" "${rsss[2]}" <<'EOF'
import sys
size = int(sys.argv[1])
def med(s):
    v = sorted(float(x) for x in s.split())
    return v[len(v) // 2]
w1, c1, r1 = med(sys.argv[2]), med(sys.argv[3]), max(int(x) for x in sys.argv[4].split())
w2, c2, r2 = med(sys.argv[5]), med(sys.argv[6]), max(int(x) for x in sys.argv[7].split())
mb = size / 1e6
f = lambda w: mb / w if w > 0 else float("inf")
print("big.csv %.1f MB, --jobs 1: wall %.2fs -> %.1f MB/s, cpu %.2fs, peak RSS %.1f MB; "
      "--jobs 2: wall %.2fs -> %.1f MB/s (%.2fx), cpu %.2fs, peak RSS %.1f MB (medians of %d)"
      % (mb, w1, f(w1), c1, r1 / 1024, w2, f(w2), w1 / w2 if w2 > 0 else 0, c2, r2 / 1024,
         len(sys.argv[2].split())))
EOF
)
    line="$line; $same"
    if [ $failed -ne 0 ]; then
      line="$line (scan FAILED, see $OUT/big.stderr)"
      status=1
    elif ! "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if isinstance(d.get("assets"), list) else 1)' "$OUT/big.json" 2>/dev/null; then
      line="$line (output is not scan JSON, see $OUT/big.json)"
      status=1
    fi
    summary+=("throughput: $line")
  else
    summary+=("throughput: data generation failed")
    status=1
  fi
fi

echo
printf '%s\n' "${summary[@]}" | tee "$OUT/summary.txt"
exit $status
