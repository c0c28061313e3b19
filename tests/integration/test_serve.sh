# datamap serve end to end: a local folder source classified through the API
# (run now), a new folder picked up by the next run, filters and paging,
# the bearer token (401), malformed and matching events, job retry, metrics,
# the embedded UI, SIGTERM (exit 0), and kill -9 in the middle of a run
# followed by a restart that finishes the work.
source "$DM_TESTS/integration/lib.sh"
source "$DM_TESTS/integration/serve_lib.sh"

schedules_off
mkdir -p "$WORK/data/crm"
printf 'id,email,phone\n1,john.doe@example.com,+44 20 7946 0958\n2,jane@example.org,+44 20 7946 0959\n3,bob@test.net,+44 20 7946 0960\n' \
  >"$WORK/data/crm/customers.csv"
CAT="$WORK/c.db"
"$DATAMAP" --catalog "$CAT" init >/dev/null
"$DATAMAP" --catalog "$CAT" source add local "$WORK/data" >/dev/null
"$DATAMAP" --catalog "$CAT" source add lake s3://event-bucket >/dev/null

start_serve "$CAT" --workers 2 --no-watch   # "run now" here; test_serve_watch.sh watches

# ---- run now, then a new folder ------------------------------------------
code=$(curl -s -o "$WORK/r" -w '%{http_code}' -X POST -d '{"sources":["local"]}' "$URL/api/v1/run")
[ "$code" = 202 ] && [ "$(py 'd["queued"][0]["target"]' <"$WORK/r")" = local ] && ok "POST /api/v1/run queues a run job" ||
  fail "POST /api/v1/run: $code $(cat "$WORK/r")"
wait_for 20 'd["total"] == 1 and d["items"][0]["state"] == "classified"' "/api/v1/assets?source=local" &&
  ok "crm classified" || fail "crm not classified: $(curl -s "$URL/api/v1/assets")"

mkdir -p "$WORK/data/hr"
printf 'name,mail,ssn\nA,alice@example.com,x\nB,bert@example.net,y\nC,carl@example.org,z\n' >"$WORK/data/hr/staff.csv"
curl -s -o /dev/null -X POST "$URL/api/v1/run"
wait_for 20 'any(a["name"] == "hr" and a["state"] == "classified" for a in d["items"])' "/api/v1/assets?source=local" &&
  ok "new folder hr classified" || fail "hr not classified: $(curl -s "$URL/api/v1/assets")"
HR=$(curl -s "$URL/api/v1/assets?source=local" | py '[a["id"] for a in d["items"] if a["name"] == "hr"][0]')
curl -s "$URL/api/v1/assets/$HR" >"$WORK/hr.json"
[ "$(py '[c["name"] for t in d["tables"] for c in t["columns"] if any(e["type"] == "EMAIL" for e in c["entities"])]' <"$WORK/hr.json")" = "['mail']" ] &&
  ok "asset API: hr's mail column is EMAIL" || fail "asset API: $(head -c 800 "$WORK/hr.json")"
grep -q 'alice@example.com' "$WORK/hr.json" && fail "asset API shows a raw value"
[ "$(py 'd["tables"][0]["columns"][1]["entities"][0]["examples"][0]' <"$WORK/hr.json")" = 'a***@e***.com' ] &&
  ok "evidence masked" || fail "evidence: $(head -c 800 "$WORK/hr.json")"

# ---- filters, paging, errors ---------------------------------------------
curl -s "$URL/api/v1/assets?limit=1" >"$WORK/p1"
[ "$(py '(d["total"], len(d["items"]), d["next"])' <"$WORK/p1")" = "(2, 1, '/api/v1/assets?limit=1&offset=1')" ] &&
  ok "paging with a next link" || fail "paging: $(cat "$WORK/p1")"
[ "$(curl -s "$URL/api/v1/assets?limit=1&offset=1" | py '(d["items"][0]["name"], d["next"])')" = "('hr', None)" ] &&
  ok "second page" || fail "second page"
[ "$(curl -s "$URL/api/v1/assets?entity=EMAIL" | py 'd["total"]')" = 2 ] && ok "entity filter" || fail "entity filter"
[ "$(curl -s "$URL/api/v1/assets?entity=USA_SSN" | py 'd["total"]')" = 0 ] && ok "entity filter (none)" || fail "entity filter none"
[ "$(curl -s "$URL/api/v1/assets?state=discovered" | py 'd["total"]')" = 0 ] && ok "state filter" || fail "state filter"
[ "$(curl -s -w '%{http_code}' -o "$WORK/e" "$URL/api/v1/assets?limit=0")" = 400 ] &&
  [ "$(py 'd["error"]["code"]' <"$WORK/e")" = bad_request ] && ok "bad paging: 400 error object" || fail "bad paging: $(cat "$WORK/e")"
[ "$(curl -s -w '%{http_code}' -o "$WORK/e" "$URL/api/v1/assets/9999")" = 404 ] &&
  [ "$(py 'd["error"]["code"]' <"$WORK/e")" = not_found ] && ok "unknown asset: 404" || fail "unknown asset: $(cat "$WORK/e")"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/v1/nope")" = 404 ] && ok "unknown endpoint: 404" || fail "unknown endpoint"
# routing follows the route table: a known path with a wrong method is 405 and says which methods it takes
allow_of() { tr -d '\r' <"$WORK/h" | sed -n 's/^[Aa]llow: //p'; }
for t in "PUT sources|GET, HEAD, POST" "DELETE assets|GET, HEAD" "GET jobs/1/retry|POST" "GET sources/lake|DELETE" \
         "GET events|POST" "POST report|GET, HEAD"; do
  req=${t%%|*} want=${t#*|}
  code=$(curl -s -D "$WORK/h" -o "$WORK/e" -w '%{http_code}' -X "${req%% *}" "$URL/api/v1/${req#* }")
  [ "$code" = 405 ] && [ "$(allow_of)" = "$want" ] && [ "$(py 'd["error"]["code"]' <"$WORK/e")" = method_not_allowed ] &&
    ok "$req: 405, Allow: $want" || fail "$req: $code, Allow '$(allow_of)', $(cat "$WORK/e")"
done
for path in sources/lake/extra assets/1/tables jobs/1 jobs/1/retry/now runs/1 "" v1; do
  code=$(curl -s -o "$WORK/e" -w '%{http_code}' "$URL/api/v1/$path")
  [ "$code" = 404 ] && [ "$(py 'd["error"]["code"]' <"$WORK/e")" = not_found ] || fail "GET /api/v1/$path: $code $(cat "$WORK/e")"
done
ok "paths no route matches: 404 not_found"
[ "$(curl -s -o /dev/null -w '%{http_code}' -I "$URL/api/v1/sources")" = 200 ] && ok "HEAD on a GET endpoint: 200" || fail "HEAD sources"
[ "$(curl -s -D "$WORK/h" -o /dev/null -w '%{http_code}' -X POST "$URL/metrics")" = 405 ] && [ "$(allow_of)" = "GET, HEAD" ] &&
  ok "POST /metrics: 405, Allow: GET, HEAD" || fail "POST /metrics"
[ "$(curl -s "$URL/api/v1/sources" | py '[s["name"] for s in d["items"]]')" = "['lake', 'local']" ] &&
  ok "sources" || fail "sources: $(curl -s "$URL/api/v1/sources")"
[ "$(curl -s "$URL/api/v1/runs" | py 'len(d["items"]) >= 2 and d["items"][0]["command"] == "run"')" = True ] &&
  ok "runs" || fail "runs: $(curl -s "$URL/api/v1/runs" | head -c 400)"

# ---- events -----------------------------------------------------------------
jobs_before=$(curl -s "$URL/api/v1/jobs?limit=1000" | py 'len(d["items"])')
for bad in 'not json' '[]' '{"source":"aws.s3"}' \
  '{"source":"aws.s3","detail":{"eventName":"DeleteBucket","requestParameters":{"bucketName":"b"}}}' \
  '{"source":"aws.s3","detail":{"eventName":"CreateBucket","requestParameters":{}}}' \
  '{"Records":[{"eventSource":"aws:sqs"}]}'; do
  code=$(curl -s -o "$WORK/e" -w '%{http_code}' -X POST -d "$bad" "$URL/api/v1/events")
  if [ "$code" != 400 ] || [ "$(py 'd["error"]["code"]' <"$WORK/e")" != bad_event ]; then
    fail "event '$bad': $code $(cat "$WORK/e")"
  fi
done
[ "$(curl -s "$URL/api/v1/jobs?limit=1000" | py 'len(d["items"])')" = "$jobs_before" ] &&
  ok "malformed and unknown events: 400 and nothing queued" || fail "a bad event queued a job"
curl -s -o "$WORK/e" -w '%{http_code}' -X POST "$URL/api/v1/events" -d \
  '{"version":"0","detail-type":"AWS API Call via CloudTrail","source":"aws.s3","detail":{"eventSource":"s3.amazonaws.com","eventName":"CreateBucket","requestParameters":{"bucketName":"event-bucket"}}}' >"$WORK/code"
[ "$(cat "$WORK/code")" = 202 ] && [ "$(py '[(q["kind"], q["target"]) for q in d["queued"]]' <"$WORK/e")" = "[('run', 'lake')]" ] &&
  ok "CloudTrail CreateBucket for a registered bucket queues its run" || fail "CreateBucket: $(cat "$WORK/code") $(cat "$WORK/e")"
[ "$(curl -s -X POST "$URL/api/v1/events" -d '{"source":"aws.s3","detail":{"eventName":"CreateBucket","requestParameters":{"bucketName":"other"}}}' | py 'd["queued"]')" = "[]" ] &&
  ok "CreateBucket for an unregistered bucket queues nothing" || fail "unregistered bucket"
[ "$(curl -s -X POST "$URL/api/v1/events" -d '{"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"event-bucket"},"object":{"key":"a.csv"}}}]}' -o /dev/null -w '%{http_code}')" = 202 ] &&
  ok "S3 notification accepted" || fail "S3 notification"

# ---- jobs and retry -----------------------------------------------------------
DONE=$(curl -s "$URL/api/v1/jobs?state=done" | py 'd["items"][-1]["id"]')
[ "$(curl -s -X POST "$URL/api/v1/jobs/$DONE/retry" | py 'd["state"] in ("queued", "running", "done")')" = True ] &&
  ok "retry by hand" || fail "retry"
[ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$URL/api/v1/jobs/99999/retry")" = 404 ] && ok "retry unknown: 404" || fail "retry unknown"

# ---- metrics and UI -------------------------------------------------------------
curl -s "$URL/metrics" >"$WORK/m"
grep -q '^datamap_jobs{state="done"} [1-9]' "$WORK/m" && grep -q '^datamap_findings{entity="EMAIL"} 2$' "$WORK/m" &&
  grep -q '^datamap_rows_scanned_total [1-9]' "$WORK/m" && grep -q '^datamap_bytes_scanned_total [1-9]' "$WORK/m" && grep -q '^datamap_stage_duration_seconds_count{stage="run"} [1-9]' "$WORK/m" &&
  ok "metrics" || fail "metrics: $(head -30 "$WORK/m")"
curl -s "$URL/" | grep -q '<script src="/app.js"' && [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/app.js")" = 200 ] &&
  ok "web UI served from the binary" || fail "web UI"
stop_serve

# ---- bearer token ----------------------------------------------------------------
DATAMAP_TOKEN=s3cret-token start_serve "$CAT" --workers 1
[ "$(curl -s -o "$WORK/e" -w '%{http_code}' "$URL/api/v1/assets")" = 401 ] && [ "$(py 'd["error"]["code"]' <"$WORK/e")" = unauthorized ] &&
  ok "no token: 401" || fail "no token: $(cat "$WORK/e")"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer wrong' -X POST "$URL/api/v1/run")" = 401 ] &&
  ok "wrong token: 401" || fail "wrong token"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer s3cret-token' "$URL/api/v1/assets")" = 200 ] &&
  ok "right token: 200" || fail "right token"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/healthz")" = 200 ] && ok "healthz open" || fail "healthz"
# who may ask comes before what is wrong with the request: no 404 or 405 tells a stranger what exists
[ "$(curl -s -o /dev/null -w '%{http_code}' -X PUT "$URL/api/v1/sources")" = 401 ] &&
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/v1/nope")" = 401 ] &&
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer s3cret-token' -X PUT "$URL/api/v1/sources")" = 405 ] &&
  ok "without the token a wrong method or path is 401, with it 405" || fail "401 before 404/405"
grep -q 's3cret-token' "$WORK/serve.log" && fail "the token appears in the log"
stop_serve

# ---- kill -9 in the middle of a run, then a restart finishes it ---------------------
python3 - "$WORK/big" <<'PY'
import os, sys
for f in range(40):
    d = os.path.join(sys.argv[1], "set%02d" % f)
    os.makedirs(d)
    with open(os.path.join(d, "people.csv"), "w") as o:
        o.write("id,email,note\n")
        for i in range(40000):
            o.write("%d,user%d.%d@example.com,hello %d\n" % (i, i, f, i))
PY
CAT2="$WORK/c2.db"
"$DATAMAP" --catalog "$CAT2" source add big "$WORK/big" >/dev/null
cat >>"$WORK/datamap.yaml" <<'EOF'
classify:
  rows: all
EOF
start_serve "$CAT2" --workers 1 --lease 2
curl -s -o /dev/null -X POST "$URL/api/v1/run"
for _ in $(seq 600); do   # kill as soon as the first asset is classified
  [ "$(sqlite3 "$CAT2" "SELECT COUNT(*) FROM assets WHERE state = 'classified'" 2>/dev/null)" -ge 1 ] 2>/dev/null && break
  sleep 0.05
done
kill -9 "$SERVE_PID"; wait "$SERVE_PID" 2>/dev/null || true; SERVE_PID=
classified=$(sqlite3 "$CAT2" "SELECT COUNT(*) FROM assets WHERE state = 'classified'")
state=$(sqlite3 "$CAT2" "SELECT state FROM jobs WHERE kind = 'run'")
if [ "$classified" -lt 40 ] && [ "$state" = running ]; then ok "killed mid-run ($classified/40 classified, job running)"
else fail "kill -9 came too late: $classified classified, job $state"; fi
start_serve "$CAT2" --workers 1 --lease 2
wait_for 90 'd["items"][0]["state"] == "done"' "/api/v1/jobs?state=done&limit=1" &&
  [ "$(curl -s "$URL/api/v1/assets?state=classified" | py 'd["total"]')" = 40 ] &&
  ok "restart: the expired lease is taken again and the run finishes (40/40)" ||
  fail "restart did not finish: $(curl -s "$URL/api/v1/jobs") $(curl -s "$URL/api/v1/assets?state=classified" | head -c 200)"
[ "$(sqlite3 "$CAT2" "SELECT attempts FROM jobs WHERE kind = 'run'")" = 2 ] && ok "second attempt" || fail "attempts"
[ "$(sqlite3 "$CAT2" "SELECT COUNT(*) FROM tables")" = 40 ] && ok "no duplicated tables" || fail "tables duplicated"
stop_serve
finish
