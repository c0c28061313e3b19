#!/usr/bin/env bash
# The web UI of `datamap serve` in headless Chromium (Debian's, driven by
# playwright-core from scripts/deps/npm-serve.txt; ui_browser.js beside this
# file): a folder source with a contacts table (email, phone, name and a
# non-personal column), a tagged care folder (sidecar Processing Activity and
# purpose, a hostile column name) and BULK small folders, classified through
# POST /api/v1/run behind a bearer token. The browser answers the token
# prompt, searches the inventory, opens the asset and checks the personal-data
# marks, the tags with their origin, findings, gaps (paged, no_purpose for the
# untagged asset), the report page and a download; the inventory's
# personal-data column counts and categories, a failed asset shown failed
# with its error, a source --tag overridden by a sidecar; no console error, no
# request away from 127.0.0.1, no injected markup.
. "$(dirname "$0")/lib.sh"
: "${DM_SRC:?set DM_SRC to the source tree}"

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  fail "chromium not found at $CHROMIUM (scripts/deps/apt-serve.txt; run scripts/install-deps)"; finish
fi
if [ ! -f "$DM_SRC/node_modules/playwright-core/package.json" ]; then
  fail "playwright-core missing in $DM_SRC/node_modules (scripts/deps/npm-serve.txt; run scripts/install-deps)"; finish
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
py() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
TOKEN=ui-test-token-$$
AUTH=(-H "Authorization: Bearer $TOKEN")
SERVE_PID=
cleanup() { [ -n "$SERVE_PID" ] && kill -9 "$SERVE_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

# ---- the estate ------------------------------------------------------------------
BULK=60
D=$WORK/data
mkdir -p "$D/contacts" "$D/care"
cat >"$D/contacts/people.csv" <<'EOF'
email,phone,full_name,shoe_size
alice.martin@example.com,+44 20 7946 0958,Alice Martin,38
bob.jones@example.org,+44 20 7946 0959,Bob Jones,44
carol.white@example.net,+44 20 7946 0960,Carol White,39
dave.smith@example.com,+44 20 7946 0961,Dave Smith,42
emma.brown@example.org,+44 20 7946 0962,Emma Brown,37
EOF
{
  echo 'ticket,customer_email,<img src=x onerror=alert(1)>'
  for i in 1 2 3 4 5; do echo "T$i,client$i@example.com,open"; done
} >"$D/care/tickets.csv"
cat >"$D/care/.datamap-tags.yaml" <<'EOF'
"Processing Activity": "Customer care"
"Purpose of Processing": "Answer support tickets"
EOF
HOSTILE_DIR='ops<svg onload=alert(2)>'     # a hostile asset name, no personal data
mkdir -p "$D/$HOSTILE_DIR"
printf 'id,size\n1,10\n2,20\n' >"$D/$HOSTILE_DIR/sizes.csv"
for i in $(seq -w 1 $BULK); do
  mkdir -p "$D/bulk$i"
  printf 'id,email\n1,user%s@example.com\n2,other%s@example.org\n' "$i" "$i" >"$D/bulk$i/t.csv"
done
cat >"$WORK/datamap.yaml" <<'EOF'
schedule:
  discover: "off"
  crawl: "off"
  classify: "off"
  tags: "off"
EOF
CAT=$WORK/c.db
"$DATAMAP" --catalog "$CAT" init >/dev/null
"$DATAMAP" --catalog "$CAT" source add local "$D" >/dev/null

# ---- serve with a token, run through the API ------------------------------------------
PORT=$(free_port)
URL="http://127.0.0.1:$PORT"
DATAMAP_TOKEN=$TOKEN "$DATAMAP" --catalog "$CAT" --config "$WORK/datamap.yaml" serve --listen "127.0.0.1:$PORT" \
  --workers 2 >>"$WORK/serve.log" 2>&1 &
SERVE_PID=$!
for _ in $(seq 100); do
  curl -sf "$URL/healthz" >/dev/null 2>&1 && break
  kill -0 "$SERVE_PID" 2>/dev/null || break
  sleep 0.1
done
curl -sf "$URL/healthz" >/dev/null || { fail "serve did not come up: $(tail -5 "$WORK/serve.log")"; finish; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "${AUTH[@]}" "$URL/api/v1/run")" = 202 ] || fail "POST /api/v1/run"
want=$((BULK + 3))
for _ in $(seq 600); do
  n=$(curl -s "${AUTH[@]}" "$URL/api/v1/assets?state=classified&limit=1" | py 'd["total"]' 2>/dev/null || echo 0)
  [ "$n" = "$want" ] && break
  sleep 0.1
done
[ "$n" = "$want" ] && ok "$want assets classified" || { fail "only $n/$want assets classified: $(tail -5 "$WORK/serve.log")"; finish; }
# the run job is done once tags are captured too
for _ in $(seq 300); do
  [ "$(curl -s "${AUTH[@]}" "$URL/api/v1/jobs?state=done" | py 'len(d["items"])' 2>/dev/null)" = 1 ] && break
  sleep 0.1
done
id_of() { curl -s "${AUTH[@]}" "$URL/api/v1/assets?q=$1" | py "[a['id'] for a in d['items'] if a['name'] == '$1'][0]"; }
CONTACTS_ID=$(id_of contacts)
CARE_ID=$(id_of care)

# a second source run from the command line beside the service: its --tag
# Retention is overridden by billing's sidecar (the precedence rule), and
# broken's only file is a truncated gzip stream, so that asset fails
X=$WORK/extra
mkdir -p "$X/billing" "$X/broken"
printf 'invoice,email\n1,ann.lee@example.com\n2,tom.ray@example.org\n3,sue.kim@example.net\n' >"$X/billing/invoices.csv"
cat >"$X/billing/.datamap-tags.yaml" <<'EOF'
"Purpose of Processing": "Invoicing"
"Retention": "7 years"
EOF
{ echo email; for i in $(seq 3000); do echo "user$i@example.com"; done; } | gzip | head -c 400 >"$X/broken/t.csv.gz" || true
"$DATAMAP" --catalog "$CAT" source add extra "$X" --tag "Retention=1 year" >/dev/null
"$DATAMAP" --catalog "$CAT" run extra >/dev/null 2>"$WORK/extra.err" && fail "run extra: the broken asset did not fail"
grep -q 'truncated gzip' "$WORK/extra.err" || fail "run extra: $(head -c 300 "$WORK/extra.err")"
BILLING_ID=$(id_of billing)
TOTAL=$((BULK + 5))

# ---- the browser ---------------------------------------------------------------------------
mkdir -p "$WORK/out" "$WORK/new/crm"
printf 'id,email\n1,john.doe@example.com\n2,jane@example.org\n3,bob@test.net\n' >"$WORK/new/crm/customers.csv"
if DM_SRC="$DM_SRC" CHROMIUM="$CHROMIUM" URL="$URL" TOKEN="$TOKEN" CONTACTS_ID="$CONTACTS_ID" CARE_ID="$CARE_ID" \
    BILLING_ID="$BILLING_ID" TOTAL="$TOTAL" BULK="$BULK" OUT="$WORK/out" NEWDIR="$WORK/new" DM_UI_SHOTS="${DM_UI_SHOTS:-}" node "$(dirname "$0")/ui_browser.js" >"$WORK/browser.out" 2>"$WORK/browser.err"; then
  :
else
  fail "browser checks (exit $?)"
fi
cat "$WORK/browser.out"
n_ok=$(grep -c '^ok: ' "$WORK/browser.out" || true)
n_fail=$(grep -c '^FAIL: ' "$WORK/browser.out" || true)
[ "$n_fail" = 0 ] || FAILS=$((FAILS + n_fail))
[ "$n_ok" -ge 38 ] || fail "only $n_ok browser checks passed; stderr: $(head -c 800 "$WORK/browser.err")"
[ -n "${DM_KEEP_SCREENSHOT:-}" ] && cp "$WORK/out/ui.png" "$DM_KEEP_SCREENSHOT"

grep -q "$TOKEN" "$WORK/serve.log" && fail "the token appears in the serve log"
kill -TERM "$SERVE_PID"
rc=0
wait "$SERVE_PID" || rc=$?
SERVE_PID=
[ "$rc" = 0 ] && ok "serve: exit 0 on SIGTERM" || fail "serve exited $rc on SIGTERM"
grep -qE 'runtime error|Sanitizer' "$WORK/serve.log" && fail "sanitizer report: $(grep -m3 -E 'runtime error|Sanitizer' "$WORK/serve.log")"
finish
