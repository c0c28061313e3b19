#!/usr/bin/env bash
# dynalite, the DynamoDB of the tests (in memory; any key works, tags only
# through TagResource).
#   endpoint http://127.0.0.1:24567
# State under $DM_SERVICES_DIR/dynalite. Usage: dynalite.sh start|stop [PORT]
# (another PORT runs an extra instance, for tests that stop their server).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PORT=${2:-24567}
D=${DM_SERVICES_DIR:?}/dynalite-$PORT
[ "$PORT" = 24567 ] && D=${DM_SERVICES_DIR}/dynalite
PID=$D/pid
answers() { curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/"; }
running() { [ -f "$PID" ] && kill -0 "$(cat "$PID")" 2>/dev/null; }
case "${1:-}" in
  start)
    running && answers && exit 0
    [ -x "$ROOT/node_modules/.bin/dynalite" ] || { echo "dynalite: not installed (scripts/install-deps)" >&2; exit 1; }
    mkdir -p "$D"
    setsid "$ROOT/node_modules/.bin/dynalite" --host 127.0.0.1 --port "$PORT" --createTableMs 0 \
      --deleteTableMs 0 --updateTableMs 0 > "$D/log" 2>&1 < /dev/null &
    echo $! > "$PID"
    # node takes seconds to start on a loaded 2-core machine
    for _ in $(seq 1 600); do answers && exit 0; running || break; sleep 0.1; done
    echo "dynalite: no answer on 127.0.0.1:$PORT; its log:" >&2; tail -5 "$D/log" >&2; exit 1 ;;
  stop)
    if running; then
      pid=$(cat "$PID"); kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$PID"; exit 0 ;;
  *) echo "usage: $0 start|stop [PORT]" >&2; exit 2 ;;
esac
