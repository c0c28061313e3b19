#!/usr/bin/env bash
# Progress (issue 15 item 7), under a pseudo-terminal (script(1)): the line
# shows stores, tables and rows done out of the total known, the rate and the
# time left; it is erased before anything else is written (the scan's table
# header used to follow "...262144 rows" on the same line; log lines too);
# -v says what each stage does; with --log-format json there is no line, the
# same events are JSON lines ("event": discover_start, store_start,
# table_start, table_read, progress); piped, no line at all.
. "$(dirname "$0")/lib.sh"
command -v script >/dev/null || { fail "script(1) (util-linux) is needed"; finish; }

python3 - "$WORK" <<'EOF'
import os, sys
w = sys.argv[1]
os.makedirs(w + '/big', exist_ok=True)
with open(w + '/big/big.csv', 'w') as f:
    f.write('id,email,note\n')
    for i in range(250000):
        f.write('%d,user%d@example.com,note %d\n' % (i, i, i))
for s in range(6):
    os.makedirs('%s/estate/s%d' % (w, s), exist_ok=True)
    with open('%s/estate/s%d/t.csv' % (w, s), 'w') as f:
        f.write('id,email\n')
        for i in range(60000):
            f.write('%d,u%d.s%d@example.org\n' % (i, i, s))
EOF
# a store that fails: its only file is a truncated gzip stream
mkdir -p "$WORK/estate/zbroken"
{ echo email; for i in $(seq 3000); do echo "user$i@example.com"; done; } | gzip | head -c 400 >"$WORK/estate/zbroken/t.csv.gz" || true

# Redraw on every update, rate at once: what the line shows must not depend
# on how fast this machine scans (a quiet machine read big.csv in 0.4 s,
# before the rate's half second).
export DATAMAP_PROGRESS_EVERY_MS=0
# on a terminal: script -c CMD; the typescript keeps every byte written
tty_run() { script -qec "$1" /dev/null >"$2" 2>&1 || true; }

# every occurrence of TEXT starts a line: at the start, after \n, or after
# the progress line's erase (\r ESC [ K)
starts_clean() {
  python3 - "$1" "$2" <<'EOF'
import sys
data = open(sys.argv[1], 'rb').read()
text = sys.argv[2].encode()
bad = []
i = data.find(text)
while i >= 0:
    before = data[max(0, i - 4):i]
    if not (i == 0 or before.endswith(b'\n') or before.endswith(b'\r\x1b[K')):
        bad.append(data[max(0, i - 60):i + len(text)])
    i = data.find(text, i + 1)
print('\n'.join(repr(b) for b in bad[:3]))
sys.exit(1 if bad else 0)
EOF
}

# ---- scan: the table header after the line ---------------------------------------------
tty_run "$DATAMAP scan $WORK/big/big.csv --rows all" "$WORK/scan.tty"
grep -aq 'rows [0-9,]*[0-9]' "$WORK/scan.tty" && grep -aq 'rows/s' "$WORK/scan.tty" \
  && ok "scan on a terminal: a progress line with rows and the rate" || fail "no progress line: $(head -c 300 "$WORK/scan.tty" | od -c | head -5)"
grep -aq 'ASSET' "$WORK/scan.tty" || fail "no table in the scan's output"
if bad=$(starts_clean "$WORK/scan.tty" 'ASSET'); then ok "scan: the table header starts on a cleared line"
else fail "scan: the header follows the progress line: $bad"; fi

# ---- run over 7 stores: totals, time left, the error line ----------------------------------
CAT=$WORK/c.db
"$DATAMAP" --catalog "$CAT" init >/dev/null
"$DATAMAP" --catalog "$CAT" source add estate "$WORK/estate" >/dev/null
tty_run "$DATAMAP --catalog $CAT run --rows 60000" "$WORK/run.tty"
tr '\r' '\n' <"$WORK/run.tty" >"$WORK/run.lines"
grep -aqE 'stores [1-6]/7 \| tables [0-9]+/[0-9]+ \| rows [0-9,]+/[0-9,]+' "$WORK/run.lines" \
  && ok "run: stores, tables and rows done out of the total known" || fail "run: no totals: $(grep -a 'stores' "$WORK/run.lines" | head -3)"
grep -aqE 'rows/s \| [0-9]+:[0-9]{2} left' "$WORK/run.lines" && ok "run: the rate and the time left" \
  || fail "run: no time left: $(grep -a 'rows/s' "$WORK/run.lines" | tail -3)"
grep -aq 'truncated gzip stream' "$WORK/run.tty" || fail "run: the broken store's error is missing"
if bad=$(starts_clean "$WORK/run.tty" 'datamap: error'); then ok "run: the error line starts on a cleared line"
else fail "run: an error line follows the progress line: $bad"; fi
if bad=$(starts_clean "$WORK/run.tty" 'assets: '); then ok "run: the summary starts on a cleared line"
else fail "run: the summary follows the progress line: $bad"; fi
# after the last erase (ESC [ K) only the summary: no progress line drawn again
python3 -c "import sys; sys.exit('rows/s' in open(sys.argv[1], 'rb').read().decode('utf-8', 'replace').split('\x1b[K')[-1])" \
  "$WORK/run.tty" || fail "run: the progress line is left on the screen at the end"

# ---- -v: what each stage does ------------------------------------------------------------------
tty_run "$DATAMAP -v --catalog $CAT run --rows 60000 --force" "$WORK/v.tty"
for want in 'info: discover estate: listing its stores' 'info: discover estate: 7 store(s) kept, 0 vanished' \
    'info: crawl+classify estate/s0: 1 table(s)' 'info: scan s0/t: reading up to the sample' \
    'info: scan s0/t: 60000 rows, 2 column(s) in'; do
  grep -aqF "$want" "$WORK/v.tty" && ok "-v: '$want'" || fail "-v lacks '$want'"
done
if bad=$(starts_clean "$WORK/v.tty" 'datamap: info'); then ok "-v: every info line starts on a cleared line"
else fail "-v: an info line follows the progress line: $bad"; fi

# ---- JSON logs: the same events, no line even on a terminal ----------------------------------------
tty_run "$DATAMAP --log-format json -v --catalog $CAT run --rows 60000 --force 2>$WORK/json.err >/dev/null" "$WORK/json.tty"
grep -aq $'\e\[K' "$WORK/json.err" && fail "JSON logs: a progress line was drawn"
python3 - "$WORK/json.err" >"$WORK/json.check" <<'EOF'
import json, sys
events, last = {}, None
for line in open(sys.argv[1]):
    d = json.loads(line)           # every line is JSON
    e = d.get('event')
    if e:
        events[e] = events.get(e, 0) + 1
    if e == 'progress':
        last = d
print(sorted(events))
print(events.get('table_start'), events.get('table_read'))
print(last['stores_done'], last['stores_total'], last['tables_done'], last['tables_total'], last['rows_done'], last['rows_total'])
EOF
if [ $? = 0 ]; then
  [ "$(sed -n 1p "$WORK/json.check")" = "['discover_done', 'discover_start', 'progress', 'store_start', 'table_read', 'table_start']" ] \
    && ok "JSON logs: discover, store, table and progress events" || fail "JSON events: $(sed -n 1p "$WORK/json.check")"
  [ "$(sed -n 2p "$WORK/json.check")" = "7 7" ] && ok "JSON logs: a start and a read event per table" \
    || fail "JSON table events: $(sed -n 2p "$WORK/json.check")"
  [ "$(sed -n 3p "$WORK/json.check")" = "7 7 7 7 360000 360000" ] \
    && ok "JSON logs: the last progress event: 7/7 stores, 7/7 tables, 360000/360000 rows" \
    || fail "JSON last progress: $(sed -n 3p "$WORK/json.check")"
else
  fail "JSON logs: a line is not JSON: $(head -c 300 "$WORK/json.err")"
fi

# ---- piped: no progress line ------------------------------------------------------------------------
"$DATAMAP" --catalog "$CAT" run --rows 60000 --force >/dev/null 2>"$WORK/piped.err" || true
grep -aq $'\e\[K' "$WORK/piped.err" && fail "piped: a progress line was drawn" || ok "piped stderr: no progress line"
finish
