#!/usr/bin/env bash
# The HTML report rendered in headless Chromium (Debian's, driven by
# playwright-core from scripts/deps/npm-report.txt): the key texts are
# visible (innerText), a hostile column name shows as text and runs nothing,
# the inline SVG chart has bars, nothing is fetched, and a full-page
# screenshot is written (not blank).
. "$(dirname "$0")/lib.sh"
: "${DM_SRC:?set DM_SRC to the source tree}"

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  fail "chromium not found at $CHROMIUM (scripts/deps/apt-report.txt; run scripts/install-deps)"; finish
fi
if [ ! -f "$DM_SRC/node_modules/playwright-core/package.json" ]; then
  fail "playwright-core missing in $DM_SRC/node_modules (scripts/deps/npm-report.txt; run scripts/install-deps)"; finish
fi

export DATAMAP_CATALOG=$WORK/dm.db
unset DATAMAP_CONFIG
E=$WORK/estate
mkdir -p "$E/hr" "$E/ops"
{
  echo 'full_name,email,<script>alert(1)</script>'
  for i in $(seq 1 30); do echo "Person $i,person$i@example.com,staff$i@example.net"; done
} > "$E/hr/staff.csv"
{
  echo 'host,ip'
  for i in $(seq 1 30); do echo "web$i,10.0.$i.7"; done
} > "$E/ops/access.csv"
cat > "$E/hr/.datamap-tags.yaml" <<'EOF'
"Processing Activity": "Payroll"
"Purpose of Processing": "Pay the staff"
"Data Subjects": "Employees"
"Legal Basis": "Art. 6(1)(c) legal obligation"
EOF
printf 'controller:\n  name: Example Ltd\n  dpo: Jane Doe\n' > "$WORK/datamap.yaml"
D() { "$DATAMAP" --config "$WORK/datamap.yaml" "$@"; }
expect_status 0 D init
expect_status 0 D source add estate "$E"
expect_status 0 D run --rows all
expect_status 0 D report -o "$WORK/report.html"

cat > "$WORK/render.js" <<'EOF'
const path = require('path');
const { chromium } = require(path.join(process.env.DM_SRC, 'node_modules', 'playwright-core'));
(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const requests = [];
  page.on('request', r => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
  const dialogs = [];
  page.on('dialog', d => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto('file://' + process.argv[2]);
  const out = await page.evaluate(() => ({
    text: document.body.innerText,
    scripts: document.querySelectorAll('script').length,
    bars: document.querySelectorAll('svg rect').length,
    svgText: Array.from(document.querySelectorAll('svg text')).map(t => t.textContent).join('|'),
    title: document.title,
  }));
  await page.screenshot({ path: process.argv[3], fullPage: true });
  await page.emulateMedia({ media: 'print' });
  const printText = await page.evaluate(() => document.body.innerText);
  await browser.close();
  out.requests = requests;
  out.dialogs = dialogs;
  out.printText = printText;
  console.log(JSON.stringify(out));
})().catch(e => { console.error(e); process.exit(1); });
EOF
if ! DM_SRC="$DM_SRC" CHROMIUM="$CHROMIUM" node "$WORK/render.js" "$WORK/report.html" "$WORK/report.png" \
    > "$WORK/render.json" 2> "$WORK/render.err"; then
  fail "chromium render: $(head -c 800 "$WORK/render.err")"; finish
fi
python3 - "$WORK/render.json" <<'PY' || fail "rendered report"
import json, sys
d = json.load(open(sys.argv[1]))
text = d["text"]
for want in ["Record of processing activities", "Controller", "Example Ltd", "Jane Doe", "Overview",
             "Processing activities", "1. Payroll", "2. Unassigned", "Pay the staff", "Employees",
             "Contact details (email)", "Device identifiers (ip address)", "Gaps (3)",
             "no_purpose", "estate/ops", "Appendix: personal-data columns and their evidence",
             "<script>alert(1)</script>", "tag 'Purpose of Processing' (sidecar) on estate/hr"]:
    assert want in text, f"not visible: {want!r}"
assert d["scripts"] == 0, f"{d['scripts']} script element(s)"
assert d["dialogs"] == [], d["dialogs"]
assert d["requests"] == [], f"network requests: {d['requests']}"
assert d["bars"] >= 3, f"chart has {d['bars']} rects"
assert "estate/hr" in d["svgText"] and "estate/ops" in d["svgText"], d["svgText"]
assert "Pay the staff" in d["printText"] and "Gaps (3)" in d["printText"]
assert d["title"] == "Record of processing activities"
PY
size=$(stat -c %s "$WORK/report.png" 2>/dev/null || echo 0)
[ "$size" -gt 20000 ] && ok "screenshot $size bytes" || fail "screenshot too small: $size bytes"
python3 - "$WORK/report.png" <<'PY' || fail "screenshot is blank"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
w, h = struct.unpack(">II", data[16:24])
assert w >= 1000 and h >= 800, (w, h)
# inflate the image data and count distinct byte values: a blank page has ~1
pos, idat = 8, b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IDAT":
        idat += data[pos + 8:pos + 8 + n]
    pos += 12 + n
raw = zlib.decompress(idat)
assert len(set(raw[: 4 * w * 400])) > 20, "no variety in the first rows"
PY
[ -n "${DM_KEEP_SCREENSHOT:-}" ] && cp "$WORK/report.png" "$DM_KEEP_SCREENSHOT"
finish
