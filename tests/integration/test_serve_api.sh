# The service API beyond assets and jobs (test_serve.sh): findings, tags,
# gaps and the Art. 30 report in every format, with filters, paging and
# errors; a hostile (non-UTF-8, HTML) asset name; the event intake's own
# shared secret next to the bearer token.
source "$DM_TESTS/integration/lib.sh"
source "$DM_TESTS/integration/serve_lib.sh"

schedules_off
cp -r "$DM_SRC/examples/estate" "$WORK/estate"
HOSTILE="$WORK/estate/$(printf 'x<img src=y>\xff')"
mkdir "$HOSTILE"
printf 'id,email\n1,john.doe@example.com\n2,jane@example.org\n' >"$HOSTILE/t.csv"
CAT="$WORK/c.db"
"$DATAMAP" --catalog "$CAT" source add estate "$WORK/estate" >/dev/null
"$DATAMAP" --catalog "$CAT" source add lake s3://event-bucket >/dev/null
"$DATAMAP" --catalog "$CAT" run estate >/dev/null 2>&1 || true
printf 's3cret-token\n' >"$WORK/token"
printf 'ev3nts-secret\n' >"$WORK/events-secret"
cat >>"$WORK/datamap.yaml" <<YAML
server:
  token_file: $WORK/token
YAML
SERVE_GLOBAL="--log-format json" start_serve "$CAT" --no-watch --workers 2 --events-secret-file "$WORK/events-secret"
AUTH=(-H 'Authorization: Bearer s3cret-token')
get() { curl -s "${AUTH[@]}" "$URL/api/v1/$1"; }

# ---- findings ---------------------------------------------------------------------
get 'findings?entity=EMAIL' >"$WORK/f"
[ "$(py 'd["total"] >= 3 and all(f["entity"] == "EMAIL" for f in d["items"])' <"$WORK/f")" = True ] &&
  ok "findings filtered by entity" || fail "findings: $(head -c 600 "$WORK/f")"
grep -q 'john.doe@example.com' "$WORK/f" && fail "findings show a raw value"
[ "$(py 'all("*" in x for f in d["items"] for x in f["examples"])' <"$WORK/f")" = True ] &&
  ok "findings evidence masked" || fail "evidence: $(head -c 600 "$WORK/f")"
total=$(get 'findings' | py 'd["total"]')
# offsets near 2^63 were added to without a check (UBSan in five places): a 400 now
for ep in findings assets tags jobs gaps; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "${AUTH[@]}" "$URL/api/v1/$ep?offset=9223372036854775807")
  [ "$code" = 400 ] || fail "$ep?offset=2^63-1 answered $code, expected 400"
done
get 'findings?limit=5&offset=5' >"$WORK/f2"
[ "$(py 'len(d["items"]) == 5 and d["next"] == "/api/v1/findings?limit=5&offset=10"' <"$WORK/f2")" = True ] && [ "$total" -gt 20 ] &&
  ok "findings paging ($total findings)" || fail "findings paging: $(head -c 300 "$WORK/f2")"
CUST=$(get 'assets?q=customers' | py 'd["items"][0]["id"]')
[ "$(get "findings?asset=$CUST" | py 'd["total"] > 0 and {f["asset"] for f in d["items"]} == {"customers"}')" = True ] &&
  ok "findings of one asset" || fail "findings by asset"
[ "$(curl -s "${AUTH[@]}" -o /dev/null -w '%{http_code}' "$URL/api/v1/findings?asset=abc")" = 400 ] &&
  ok "findings?asset=abc: 400" || fail "bad asset id"

# ---- unknown filter values: 400 with the one error shape; every list has a total ----
for q in 'findings?entity=EMAILX' 'findings?confidence=x' 'assets?entity=EMAILX' 'assets?state=bogus' 'jobs?state=bogus'; do
  code=$(curl -s "${AUTH[@]}" -o "$WORK/e" -w '%{http_code}' "$URL/api/v1/$q")
  [ "$code" = 400 ] && [ "$(py 'isinstance(d["error"], dict) and d["error"]["code"] == "bad_request" and "unknown" in d["error"]["message"]' <"$WORK/e")" = True ] \
    || fail "$q: $code $(head -c 300 "$WORK/e")"
done
[ "$(get 'assets?entity=EMAIL&state=classified' | py '"total" in d')" = True ] || fail "known filter values refused"
for l in sources assets findings tags gaps jobs runs; do
  [ "$(get "$l" | py 'isinstance(d.get("total"), int) and d["total"] >= len(d["items"])')" = True ] || fail "$l has no total: $(get "$l" | head -c 200)"
done
ok "unknown filter values are a 400; every list carries total"

# ---- tags -------------------------------------------------------------------------
get 'tags?key=Processing%20Activity' >"$WORK/t"
[ "$(py 'd["total"] >= 3 and all(t["key"] == "Processing Activity" and t["origin"] == "sidecar" for t in d["items"])' <"$WORK/t")" = True ] &&
  ok "tags by key, with their origin" || fail "tags: $(head -c 600 "$WORK/t")"
[ "$(get "tags?asset=$CUST&key=Data%20Subjects" | py '[t["value"] for t in d["items"]]')" = "['Customers']" ] &&
  ok "tags of one asset" || fail "tags by asset: $(get "tags?asset=$CUST")"
[ "$(get "assets/$CUST" | py 'any(t["key"] == "Retention" and t["origin"] == "sidecar" for t in d["tag_list"])')" = True ] &&
  ok "asset detail lists tags with origin" || fail "tag_list"

# ---- gaps ---------------------------------------------------------------------------
get 'gaps' >"$WORK/g"
[ "$(py 'd["counts"].get("no_controller") == 1 and d["total"] == sum(d["counts"].values()) and d["total"] == len(d["items"])' <"$WORK/g")" = True ] &&
  ok "gaps with counts by kind" || fail "gaps: $(head -c 800 "$WORK/g")"
[ "$(get 'gaps?kind=no_purpose' | py 'd["total"] >= 1 and all(g["kind"] == "no_purpose" and g["asset_id"] for g in d["items"])')" = True ] &&
  ok "gaps filtered by kind, linked to assets" || fail "gaps by kind: $(get 'gaps?kind=no_purpose')"
GID=$(get 'gaps?kind=no_purpose' | py 'd["items"][0]["asset_id"]')
GNAME=$(get 'gaps?kind=no_purpose' | py 'd["items"][0]["asset"]')
[ "$(get "assets/$GID" | py 'd["source"] + "/" + d["name"]')" = "$GNAME" ] && ok "a gap's asset_id is its asset" ||
  fail "gap asset $GID is not $GNAME"

# ---- report ---------------------------------------------------------------------------
get 'report' >"$WORK/r.json"
[ "$(py 'any(a["name"] == "Customer relationship management" for a in d["activities"]) and len(d["gaps"]) >= 1' <"$WORK/r.json")" = True ] &&
  ok "report as JSON" || fail "report json: $(head -c 400 "$WORK/r.json")"
get 'report?sections=overview,activities' >"$WORK/r2.json"
[ "$(py 'sorted(d) == ["activities", "generated_at", "overview", "stale_days"] and d["overview"]["assets"] >= 5' <"$WORK/r2.json")" = True ] &&
  [ "$(py 'len(d["activities"])' <"$WORK/r2.json")" = "$(py 'len(d["activities"])' <"$WORK/r.json")" ] &&
  ok "report?sections= gives only those sections" || fail "sections: $(head -c 300 "$WORK/r2.json")"
[ "$(curl -s "${AUTH[@]}" -o /dev/null -w '%{http_code}' "$URL/api/v1/report?sections=overview,bogus")" = 400 ] &&
  ok "report?sections=bogus: 400" || fail "bad section accepted"
curl -s "${AUTH[@]}" -D "$WORK/h" -o "$WORK/r.html" "$URL/api/v1/report?format=html"
grep -qi '^content-type: text/html' "$WORK/h" && grep -q 'Customer relationship management' "$WORK/r.html" &&
  grep -qi "^content-security-policy: default-src 'none'" "$WORK/h" && ok "report as HTML (no-network CSP)" || fail "report html: $(cat "$WORK/h")"
grep -q '<img src=y>' "$WORK/r.html" && fail "hostile name unescaped in the HTML report"
curl -s "${AUTH[@]}" -D "$WORK/h" -o "$WORK/r.md" "$URL/api/v1/report?format=md"
grep -qi '^content-type: text/markdown' "$WORK/h" && grep -q '^# ' "$WORK/r.md" && ok "report as Markdown" || fail "report md"
curl -s "${AUTH[@]}" -D "$WORK/h" -o "$WORK/r.csv" "$URL/api/v1/report?format=csv"
grep -qi '^content-type: text/csv' "$WORK/h" && head -1 "$WORK/r.csv" | grep -q '^Processing activity,' && ok "report as CSV" || fail "report csv"
[ "$(curl -s "${AUTH[@]}" -o /dev/null -w '%{http_code}' "$URL/api/v1/report?format=pdf")" = 400 ] && ok "report?format=pdf: 400" || fail "bad format"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/v1/report?format=html")" = 401 ] && ok "report needs the token" || fail "report without token"

# ---- a hostile asset name -------------------------------------------------------------
get 'assets?q=img' >"$WORK/a"
[ "$(py 'd["total"] == 1 and d["items"][0]["name"].startswith("x<img src=y>")' <"$WORK/a")" = True ] &&
  ok "non-UTF-8 asset name listed as valid JSON" || fail "hostile asset: $(cat "$WORK/a")"
HID=$(py 'd["items"][0]["id"]' <"$WORK/a")
[ "$(get "assets/$HID" | py 'd["tables"][0]["columns"][1]["entities"][0]["type"]')" = EMAIL ] && ok "hostile asset detail" ||
  fail "hostile asset detail: $(get "assets/$HID")"

# ---- sources through the API -------------------------------------------------------------
mkdir -p "$WORK/new/crm"
printf 'id,email\n1,john.doe@example.com\n2,jane@example.org\n' >"$WORK/new/crm/c.csv"
post() { curl -s "${AUTH[@]}" -o "$WORK/p" -w '%{http_code}' -X POST -d "$2" "$URL/api/v1/$1"; }
[ "$(post sources '{"name":"fresh","url":"'"$WORK/new"'","tags":{"Data Subjects":"Customers"}}')" = 201 ] &&
  [ "$(py 'd["name"] == "fresh" and d["url"].startswith("file:///") and d["queued"]["kind"] == "run"' <"$WORK/p")" = True ] &&
  ok "POST /sources registers a folder and queues its first run" || fail "POST sources: $(cat "$WORK/p")"
wait_for 20 'any(a["name"] == "crm" and a["state"] == "classified" for a in d["items"])' "/api/v1/assets?source=fresh" &&
  ok "the new source is classified" || fail "fresh not classified: $(get 'assets?source=fresh')"
[ "$(get 'tags?source=fresh&key=Data%20Subjects' | py '[t["value"] + "/" + t["origin"] for t in d["items"]]')" = "['Customers/source']" ] &&
  ok "its tags apply" || fail "fresh tags: $(get 'tags?source=fresh')"
for bad in '{"name":"x"}' 'nope' '{"name":"a/b","url":"/tmp"}' '{"name":"r","url":"relative/path"}' \
  '{"name":"z","url":"gopher://x"}' '{"name":"fresh","url":"/tmp"}' '{"name":"o","url":"/tmp","options":{"k":1}}'; do
  code=$(post sources "$bad")
  [ "$code" = 400 ] && [ "$(py 'd["error"]["code"]' <"$WORK/p")" = bad_request ] || fail "POST sources '$bad': $code $(cat "$WORK/p")"
done
ok "bad source bodies: 400 with the reason"
[ "$(post sources '{"name":"pg","url":"postgres://u@127.0.0.1:1/db","options":{"password":"hunter2"}}')" = 400 ] &&
  ! grep -q hunter2 "$WORK/p" && ok "a secret option is refused, not echoed" || fail "secret option: $(cat "$WORK/p")"
grep -q hunter2 "$CAT" && fail "a secret reached the catalog"
[ "$(curl -s "${AUTH[@]}" -o "$WORK/p" -w '%{http_code}' -X DELETE "$URL/api/v1/sources/fresh")" = 200 ] &&
  [ "$(get sources | py '"fresh" in [s["name"] for s in d["items"]]')" = False ] &&
  [ "$(get 'assets?source=fresh' | py 'd["total"]')" = 0 ] && ok "DELETE /sources/NAME: gone, its assets vanished" ||
  fail "DELETE source: $(cat "$WORK/p")"
[ "$(curl -s "${AUTH[@]}" -o /dev/null -w '%{http_code}' -X DELETE "$URL/api/v1/sources/nosuch")" = 404 ] &&
  ok "DELETE an unknown source: 404" || fail "DELETE unknown"
[ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -d '{"name":"t","url":"/tmp"}' "$URL/api/v1/sources")" = 401 ] &&
  ok "POST /sources needs the token" || fail "POST sources without token"

# ---- event intake: bearer token or its own secret ------------------------------------------
EV='{"source":"aws.s3","detail":{"eventName":"CreateBucket","requestParameters":{"bucketName":"event-bucket"}}}'
[ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -d "$EV" "$URL/api/v1/events")" = 401 ] && ok "event without secret: 401" || fail "event open"
[ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'X-Datamap-Events-Secret: wrong' -d "$EV" "$URL/api/v1/events")" = 401 ] &&
  ok "event with a wrong secret: 401" || fail "wrong secret accepted"
curl -s -o "$WORK/e" -w '%{http_code}' -X POST -H 'X-Datamap-Events-Secret: ev3nts-secret' -d "$EV" "$URL/api/v1/events" >"$WORK/code"
[ "$(cat "$WORK/code")" = 202 ] && [ "$(py '[q["target"] for q in d["queued"]]' <"$WORK/e")" = "['lake']" ] &&
  ok "event with the secret: 202, run queued" || fail "event with secret: $(cat "$WORK/code") $(cat "$WORK/e")"
[ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "${AUTH[@]}" -d "$EV" "$URL/api/v1/events")" = 202 ] &&
  ok "event with the bearer token: 202" || fail "event with token"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Datamap-Events-Secret: ev3nts-secret' "$URL/api/v1/assets")" = 401 ] &&
  ok "the events secret opens nothing else" || fail "events secret opened the API"
stop_serve
grep -q 's3cret-token\|ev3nts-secret' "$WORK/serve.log" && fail "a secret in the log"
python3 - "$WORK/serve.log" <<'PY' && ok "--log-format json: the service logs JSON lines (start, jobs, stop)" || fail "log: $(head -5 "$WORK/serve.log")"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
msgs = [l["msg"] for l in lines]
assert any(m.startswith("serve: listening on") for m in msgs), msgs
assert any(m.startswith("job ") for m in msgs), msgs
assert msgs[-1] == "serve: stopped", msgs[-1]
assert all({"time", "level", "msg"} <= set(l) for l in lines)
PY
finish
