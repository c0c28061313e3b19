# Shared helpers for integration tests (sourced, not run by ctest: no test_ prefix).
set -euo pipefail
: "${DATAMAP:?set DATAMAP to the datamap binary}"
WORK=$(mktemp -d /tmp/dmtest.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
FAILS=0
fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
ok() { echo "ok: $*"; }
# expect_status WANT CMD...: run, compare exit status
expect_status() {
  local want=$1; shift
  local got=0
  "$@" >"$WORK/out" 2>"$WORK/err" || got=$?
  if [ "$got" != "$want" ]; then
    fail "'$*' exited $got, expected $want; stderr: $(head -c 600 "$WORK/err")"
    return 1
  fi
  return 0
}
finish() {
  if [ "$FAILS" -gt 0 ]; then echo "$FAILS failure(s)" >&2; exit 1; fi
  echo "all passed"
}
