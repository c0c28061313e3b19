#!/usr/bin/env bash
# POST /api/v1/findings/review: dismiss, confirm, undo through the service;
# the decision shows in GET findings and GET assets/{id}; errors are 400/404.
source "$DM_TESTS/integration/lib.sh"
source "$DM_TESTS/integration/serve_lib.sh"
trap serve_cleanup EXIT

schedules_off
mkdir -p "$WORK/estate/crm"
{ echo "customer_email,note"; for i in $(seq 1 30); do echo "c$i@example.org,n$i@example.net"; done; } \
  >"$WORK/estate/crm/contacts.csv"
CAT="$WORK/c.db"
"$DATAMAP" --catalog "$CAT" source add estate "$WORK/estate" >/dev/null
"$DATAMAP" --catalog "$CAT" run estate >/dev/null 2>&1
start_serve "$CAT" --no-watch --workers 1
get() { curl -s "${AUTH[@]}" "$URL/api/v1/$1"; }
post() { curl -s -o "$WORK/body" -w '%{http_code}' "${AUTH[@]}" -H 'Content-Type: application/json' \
  -X POST --data "$2" "$URL/api/v1/$1"; }

code=$(post findings/review '{"asset":"estate/crm","table":"contacts","column":"note","entity":"EMAIL",
  "decision":"dismiss","reason":"test addresses","by":"alice"}')
[ "$code" = 201 ] && [ "$(py 'd["decision"]' <"$WORK/body")" = dismissed ] && ok "POST review: 201" ||
  fail "POST review: $code $(cat "$WORK/body")"
get 'findings?entity=EMAIL' >"$WORK/f"
python3 - "$WORK/f" <<'PY' && ok "GET findings carries the review" || fail "findings: $(head -c 800 "$WORK/f")"
import json, sys
d = json.load(open(sys.argv[1]))
by = {f["column"]: f for f in d["items"]}
assert by["note"]["review"] == {"decision": "dismissed", "by": "alice", "at": by["note"]["review"]["at"],
                                "reason": "test addresses"}, by["note"]
assert "review" not in by["customer_email"]
PY
ID=$(get 'assets?q=crm' | py 'd["items"][0]["id"]')
get "assets/$ID" >"$WORK/a"
grep -q '"decision": *"dismissed"' "$WORK/a" && ok "GET assets/{id} carries the review" ||
  fail "asset: $(head -c 800 "$WORK/a")"

code=$(post findings/review '{"asset":"crm","table":"contacts","column":"nope","entity":"EMAIL",
  "decision":"confirm","reason":"x","by":"bob"}')
[ "$code" = 404 ] && grep -q "no column 'nope'" "$WORK/body" && ok "unknown column: 404 naming it" ||
  fail "unknown column: $code $(cat "$WORK/body")"
code=$(post findings/review '{"asset":"crm","table":"contacts","column":"note","entity":"EMAIL",
  "decision":"maybe","reason":"x","by":"bob"}')
[ "$code" = 400 ] && ok "bad decision: 400" || fail "bad decision: $code"
code=$(post findings/review '{"asset":"crm","table":"contacts"}')
[ "$code" = 400 ] && ok "incomplete body: 400" || fail "incomplete body: $code"
code=$(post findings/review '{"asset":"crm","table":"contacts","column":"note","entity":"EMAIL",
  "decision":"undo","reason":"mistake","by":"alice"}')
[ "$code" = 201 ] && [ "$(get 'findings?entity=EMAIL' | py 'any("review" in f for f in d["items"])')" = False ] &&
  ok "undo through the API" || fail "undo: $code $(cat "$WORK/body")"
stop_serve
n=$("$DATAMAP" --catalog "$CAT" finding list --history --format json | py 'len(d)')
[ "$n" = 2 ] && ok "history has the decision and the undo" || fail "history: $n rows"
finish
