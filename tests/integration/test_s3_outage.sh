#!/usr/bin/env bash
# An S3 server stopped in the middle of a run (after discovery, before the
# crawl): every bucket fails with a clear error naming the endpoint after
# the retries, nothing is lost, and the next run after a restart finishes
# the work. Uses its own s3rver on port 24578 so other tests are not
# disturbed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/aws_lib.sh"
PORT=24578
EP=http://127.0.0.1:$PORT
export DM_SERVICES_DIR=$WORK/services
svc() { bash "$DM_SRC/scripts/services/s3rver.sh" "$1" $PORT; }
trap 'svc stop >/dev/null 2>&1; rm -rf "$WORK"' EXIT
svc start || { echo "FAIL: cannot start an s3rver on port $PORT (above: its log)" >&2; exit 1; }
export AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER DATAMAP_CATALOG=$WORK/cat.db
S3_EP=$EP
printf 'id,email\n1,ann@example.com\n2,bob@example.com\n' > "$WORK/u.csv"
for b in dm-out-a dm-out-b; do
  s3 PUT "/$b" >/dev/null && s3 PUT "/$b/users.csv" -f "$WORK/u.csv" >/dev/null && s3 PUT "/$b/more/x.csv" -f "$WORK/u.csv" >/dev/null || fail "setup $b"
done
expect_status 0 "$DATAMAP" init
expect_status 0 "$DATAMAP" source add out s3:// --option endpoint=$EP --option max_attempts=3
expect_status 0 "$DATAMAP" discover && ok "discovered with the server up"
svc stop
t0=$(date +%s)
expect_status 1 "$DATAMAP" -v -v run && ok "run with the server stopped exits 1"
t1=$(date +%s)
grep -q "127.0.0.1:$PORT" "$WORK/err" && grep -qi "connect" "$WORK/err" &&
  ok "the error names the endpoint and the failure" || fail "errors: $(head -c 800 "$WORK/err")"
[ "$(grep -c "retry" "$WORK/err")" -ge 2 ] && ok "requests were retried with backoff" || fail "no retries logged"
[ $((t1 - t0)) -lt 30 ] && ok "gave up in $((t1 - t0)) s" || fail "took $((t1 - t0)) s"
st=$(sqlite3 "$WORK/cat.db" "select group_concat(state) from assets where deleted_at is null")
[ "$st" = "discovered,discovered" ] && ok "assets kept, still to crawl" || fail "states: $st"
svc start || fail "restart s3rver"
expect_status 0 "$DATAMAP" run && grep -q "4 crawled, 4 classified" "$WORK/out" &&
  ok "after a restart the next run finishes the work" || fail "rerun: $(cat "$WORK/out") $(head -c 500 "$WORK/err")"
finish
