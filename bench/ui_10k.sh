#!/usr/bin/env bash
# Benchmark the service API and web UI on a catalog of 10,000 assets.
#
#   bench/ui_10k.sh
#
# Builds nothing: uses $DATAMAP, else build/datamap. Writes a folder estate
# of BENCH_ASSETS subfolders, each one small CSV (a third with emails, a third
# with phone numbers, a third without personal data; every tenth folder
# tagged with a Processing Activity and purpose by a sidecar), catalogs it
# with a real `datamap run`, starts `datamap serve` (schedules off, a bearer
# token) on a free loopback port and measures:
#   - API answers (curl: the first GET, then the median of BENCH_RUNS more): assets first page, assets
#     filtered by entity=EMAIL, the last page (offset 9950), findings, gaps,
#     the report as JSON
#   - the UI in headless Chromium (playwright-core, Debian's chromium): time
#     from navigation start to the inventory table shown, and to the gaps and
#     report pages shown (the first load, then the median of
#     BENCH_RUNS more, each a fresh page)
# Not a pass/fail test: prints a table (also bench/out/ui_10k.txt).
#
# Environment: DATAMAP, BENCH_ASSETS=10000, BENCH_RUNS=5, CHROMIUM=/usr/bin/chromium,
# BENCH_KEEP=1 keeps the work folder.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATAMAP=${DATAMAP:-$ROOT/build/datamap}
N=${BENCH_ASSETS:-10000}
RUNS=${BENCH_RUNS:-5}
DEEP=$((N > 50 ? N - 50 : 0))   # the last page: offset 9950 for 10,000
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
[ -x "$DATAMAP" ] || { echo "ui_10k: no datamap binary at $DATAMAP (set DATAMAP)" >&2; exit 2; }
W=$(mktemp -d /tmp/dmui10k.XXXXXX)
SERVE_PID=
cleanup() { [ -n "$SERVE_PID" ] && kill -TERM "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$W"; }
trap cleanup EXIT
mkdir -p "$ROOT/bench/out"
OUT=$ROOT/bench/out/ui_10k.txt

python3 - "$W/estate" "$N" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    d = os.path.join(root, "a%05d" % i)
    os.makedirs(d)
    with open(os.path.join(d, "t.csv"), "w") as f:
        if i % 3 == 0:
            f.write("id,email\n" + "".join("%d,user%d.%d@example.com\n" % (k, i, k) for k in range(3)))
        elif i % 3 == 1:
            f.write("id,phone\n" + "".join("%d,+44 20 7946 %04d\n" % (k, (i * 3 + k) % 10000) for k in range(3)))
        else:
            f.write("id,size\n" + "".join("%d,%d\n" % (k, i + k) for k in range(3)))
    if i % 10 == 0:
        with open(os.path.join(d, ".datamap-tags.yaml"), "w") as f:
            f.write('"Processing Activity": "Activity %d"\n"Purpose of Processing": "Purpose %d"\n' % (i // 1000, i // 1000))
PY
printf 'schedule:\n  discover: "off"\n  crawl: "off"\n  classify: "off"\n  tags: "off"\n' >"$W/datamap.yaml"
CAT=$W/c.db
"$DATAMAP" --catalog "$CAT" init >/dev/null
"$DATAMAP" --catalog "$CAT" source add local "$W/estate" >/dev/null
t0=$(date +%s.%N)
"$DATAMAP" -q --catalog "$CAT" --config "$W/datamap.yaml" run >/dev/null
t1=$(date +%s.%N)
RUN_S=$(python3 -c "print('%.1f' % ($t1 - $t0))")

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL=http://127.0.0.1:$PORT
TOKEN=bench-token
DATAMAP_TOKEN=$TOKEN "$DATAMAP" --catalog "$CAT" --config "$W/datamap.yaml" serve --listen "127.0.0.1:$PORT" \
  --workers 1 >"$W/serve.log" 2>&1 &
SERVE_PID=$!
for _ in $(seq 100); do curl -sf "$URL/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
total=$(curl -s -H "Authorization: Bearer $TOKEN" "$URL/api/v1/assets?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')

# timings PATH: the first GET's wall time, the median of the RUNS that follow, the body size
timings() {
  local times=() size=0 first
  first=$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "$URL$1")
  for _ in $(seq "$RUNS"); do
    read -r t size < <(curl -s -o /dev/null -w '%{time_total} %{size_download}\n' -H "Authorization: Bearer $TOKEN" "$URL$1")
    times+=("$t")
  done
  python3 -c "import statistics,sys; print('%.1f %.1f %s' % (float(sys.argv[1]) * 1000, statistics.median(map(float, sys.argv[3:])) * 1000, sys.argv[2]))" "$first" "$size" "${times[@]}"
}
{
  echo "datamap serve, $total assets ($N folders; datamap run took ${RUN_S} s), median of $RUNS, $(nproc) CPU(s)"
  echo
  printf '| %-55s | %9s | %9s | %10s |\n' "request" "first ms" "median ms" "bytes"
  printf '|%s|%s|%s|%s|\n' "---------------------------------------------------------" "----------:" "----------:" "-----------:"
  for p in "/api/v1/assets?limit=50" "/api/v1/assets?entity=EMAIL&limit=50" "/api/v1/assets?limit=50&offset=$DEEP" \
           "/api/v1/findings?limit=50" "/api/v1/findings?entity=EMAIL&limit=50&offset=3000" "/api/v1/gaps?limit=50" \
           "/api/v1/gaps?kind=no_purpose&limit=50&offset=5000" "/api/v1/tags?limit=50" "/api/v1/report?format=json"; do
    read -r first ms size < <(timings "$p")
    printf '| %-55s | %9s | %9s | %10s |\n' "GET $p" "$first" "$ms" "$size"
  done
} | tee "$OUT"

if [ -x "$CHROMIUM" ] && [ -f "$ROOT/node_modules/playwright-core/package.json" ]; then
  cat >"$W/render.js" <<'EOF'
const path = require('path');
const { chromium } = require(path.join(process.env.ROOT, 'node_modules', 'playwright-core'));
const URL0 = process.env.URL, RUNS = Number(process.env.RUNS);
const median = a => a.slice().sort((x, y) => x - y)[Math.floor(a.length / 2)];
(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(t => localStorage.setItem('datamap-token', t), process.env.TOKEN);
  const pages = [['inventory, first page', '/#/', '#assets tbody tr[data-asset-id]'],
                 [`inventory, offset ${process.env.DEEP}`, `/#/?offset=${process.env.DEEP}`, '#assets tbody tr[data-asset-id]'],
                 ['findings, first page', '/#/findings', '#findings tr[data-finding]'],
                 ['gaps, first page', '/#/gaps', '#gaps tr[data-gap-kind]'],
                 ['report (all activities)', '/#/report', '#record section.activity']];
  for (const [label, hash, sel] of pages) {
    const times = [];
    for (let i = 0; i <= RUNS; i++) {
      const page = await context.newPage();
      // in the page: the time (since navigation start) of the first frame
      // painted after the selector matched, seen by a MutationObserver
      await page.addInitScript(s => {
        new MutationObserver((_, obs) => {
          if (!document.querySelector(s)) return;
          obs.disconnect();
          requestAnimationFrame(() => { window.__shown = performance.now(); });
        }).observe(document, { childList: true, subtree: true });
      }, sel);
      await page.goto(URL0 + hash);
      await page.waitForFunction(() => window.__shown !== undefined, null, { timeout: 60000 });
      times.push(await page.evaluate(() => window.__shown));
      await page.close();
    }
    console.log(`| UI: ${label.padEnd(51)} | ${times[0].toFixed(1).padStart(9)} | ${median(times.slice(1)).toFixed(1).padStart(9)} | ${''.padStart(10)} |`);
  }
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
EOF
  ROOT=$ROOT URL=$URL TOKEN=$TOKEN RUNS=$RUNS DEEP=$DEEP CHROMIUM=$CHROMIUM node "$W/render.js" | tee -a "$OUT"
else
  echo "(no chromium or playwright-core: UI timings skipped)" | tee -a "$OUT"
fi
