# Helpers for the `datamap serve` tests (sourced after lib.sh; not a test).
#   start_serve CATALOG ARGS...  serve on a free port with $WORK/datamap.yaml; sets URL, SERVE_PID
#                                (global options before `serve`: SERVE_GLOBAL=-v)
#   stop_serve                   SIGTERM, expect exit 0
#   wait_for SECONDS COND PATH   poll GET PATH until the Python condition on d holds
#   py EXPR < json               print a Python expression over the document d
# AUTH=(-H "Authorization: Bearer ...") is passed to curl by wait_for.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
py() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

SERVE_PID=
start_serve() {
  local cat=$1; shift
  PORT=$(free_port)
  URL="http://127.0.0.1:$PORT"
  AWS_ENDPOINT_URL=${AWS_ENDPOINT_URL:-http://127.0.0.1:1} AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-x} \
    AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-y} AWS_REGION=${AWS_REGION:-us-east-1} \
    "$DATAMAP" --catalog "$cat" --config "$WORK/datamap.yaml" ${SERVE_GLOBAL:-} serve --listen "127.0.0.1:$PORT" "$@" \
    >>"$WORK/serve.log" 2>&1 &
  SERVE_PID=$!
  for _ in $(seq 100); do
    curl -sf "$URL/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$SERVE_PID" 2>/dev/null || break
    sleep 0.1
  done
  fail "serve did not come up: $(tail -5 "$WORK/serve.log")"
  exit 1
}
stop_serve() {
  kill -TERM "$SERVE_PID"
  local rc=0
  wait "$SERVE_PID" || rc=$?
  [ "$rc" = 0 ] && ok "SIGTERM: exit 0" || fail "serve exited $rc on SIGTERM"
  SERVE_PID=
}
serve_cleanup() { [ -n "$SERVE_PID" ] && kill -9 "$SERVE_PID" 2>/dev/null; rm -rf "$WORK"; }
trap serve_cleanup EXIT
AUTH=()
wait_for() {
  local secs=$1 cond=$2 path=$3
  for _ in $(seq $((secs * 10))); do
    if [ "$(curl -s "${AUTH[@]}" "$URL$path" | py "bool($cond)" 2>/dev/null)" = True ]; then return 0; fi
    sleep 0.1
  done
  return 1
}
# schedules off: only what a test asks for runs
schedules_off() {
  cat >"$WORK/datamap.yaml" <<'YAML'
schedule:
  discover: "off"
  crawl: "off"
  classify: "off"
  tags: "off"
YAML
}
