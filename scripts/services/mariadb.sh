#!/usr/bin/env bash
# MariaDB for the tests: 127.0.0.1 port 23306, user root@127.0.0.1 without a
# password (all privileges), and the socket $DM_SERVICES_DIR/mariadb/sock.
#   mariadb.sh start|stop      state under $DM_SERVICES_DIR/mariadb
# --no-defaults comes first everywhere, so /etc/mysql and ~/.my.cnf are not read.
set -euo pipefail
PORT=23306
BASE=${DM_SERVICES_DIR:?DM_SERVICES_DIR not set}/mariadb
mkdir -p "$BASE"
SOCK=$BASE/sock
# a socket path must fit in sun_path (108 bytes)
[ ${#SOCK} -lt 100 ] || { mkdir -p /tmp/dm-mariadb; SOCK=/tmp/dm-mariadb/sock.$PORT; }
running() { mariadb-admin --no-defaults -h 127.0.0.1 -P $PORT -uroot --connect-timeout=1 ping >/dev/null 2>&1; }

case "${1:-}" in
start)
  running && exit 0
  if [ ! -d "$BASE/data/mysql" ]; then
    mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$BASE/data" \
      --auth-root-authentication-method=normal --skip-test-db >"$BASE/install.log" 2>&1
    fresh=1
  fi
  setsid mariadbd --no-defaults --user="$(id -un)" --datadir="$BASE/data" --socket="$SOCK" \
    --pid-file="$BASE/pid" --port=$PORT --bind-address=127.0.0.1 --skip-name-resolve \
    --log-error="$BASE/err.log" --innodb-buffer-pool-size=64M --max-connections=300 \
    </dev/null >/dev/null 2>&1 &
  for _ in $(seq 1 300); do
    mariadb-admin --no-defaults -S "$SOCK" -uroot ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  if [ "${fresh:-0}" = 1 ] || ! running; then
    mariadb --no-defaults -S "$SOCK" -uroot -e "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1';
      GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;"
  fi
  running || { echo "mariadb did not start, see $BASE/err.log" >&2; exit 1; }
  ;;
stop)
  [ -f "$BASE/pid" ] || exit 0
  pid=$(cat "$BASE/pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  ! kill -0 "$pid" 2>/dev/null && rm -f "$BASE/pid"
  ;;
*) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
