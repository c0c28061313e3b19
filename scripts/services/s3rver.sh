#!/usr/bin/env bash
# s3rver, a second, quirkier S3 (no bucket tagging, no signature checks).
#   endpoint http://127.0.0.1:24568 (path-style), access/secret key S3RVER
# State under $DM_SERVICES_DIR/s3rver. Usage: s3rver.sh start|stop [PORT]
# (another PORT runs an extra instance, for tests that stop their server).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PORT=${2:-24568}
D=${DM_SERVICES_DIR:?}/s3rver-$PORT
[ "$PORT" = 24568 ] && D=${DM_SERVICES_DIR}/s3rver
PID=$D/pid
answers() { curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/"; }
running() { [ -f "$PID" ] && kill -0 "$(cat "$PID")" 2>/dev/null; }
case "${1:-}" in
  start)
    running && answers && exit 0
    [ -x "$ROOT/node_modules/.bin/s3rver" ] || { echo "s3rver: not installed (scripts/install-deps)" >&2; exit 1; }
    mkdir -p "$D/data"
    NODE_OPTIONS=--openssl-legacy-provider setsid "$ROOT/node_modules/.bin/s3rver" -d "$D/data" \
      -a 127.0.0.1 -p "$PORT" --silent > "$D/log" 2>&1 < /dev/null &
    echo $! > "$PID"
    # node takes seconds to start on a loaded 2-core machine
    for _ in $(seq 1 600); do answers && exit 0; running || break; sleep 0.1; done
    echo "s3rver: no answer on 127.0.0.1:$PORT; its log:" >&2; tail -5 "$D/log" >&2; exit 1 ;;
  stop)
    if running; then
      pid=$(cat "$PID"); kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$PID"; exit 0 ;;
  *) echo "usage: $0 start|stop [PORT]" >&2; exit 2 ;;
esac
