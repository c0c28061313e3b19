#!/usr/bin/env bash
# A DynamoDB endpoint stopped in the middle of a run: tables fail with a
# clear error after the retries, and a restarted server (same data, on
# disk) lets the next run finish. Own dynalite on port 24577.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/aws_lib.sh"
PORT=24577
EP=http://127.0.0.1:$PORT
export DM_SERVICES_DIR=$WORK/services
svc() { bash "$DM_SRC/scripts/services/dynalite.sh" "$1" $PORT; }
trap 'svc stop >/dev/null 2>&1; rm -rf "$WORK"' EXIT
svc start || { echo "FAIL: cannot start a dynalite on port $PORT" >&2; exit 1; }
export AWS_ACCESS_KEY_ID=dmtest AWS_SECRET_ACCESS_KEY=dmtestsecret DATAMAP_CATALOG=$WORK/cat.db
DDB_EP=$EP
for t in dm-out-a dm-out-b; do
  ddb CreateTable "{\"TableName\":\"$t\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}" >/dev/null &&
  ddb PutItem "{\"TableName\":\"$t\",\"Item\":{\"id\":{\"S\":\"1\"},\"email\":{\"S\":\"ann@example.com\"}}}" >/dev/null || fail "setup $t"
done
expect_status 0 "$DATAMAP" init
expect_status 0 "$DATAMAP" source add out dynamodb:// --option endpoint=$EP --option max_attempts=3
expect_status 0 "$DATAMAP" discover && ok "discovered with the server up"
svc stop
expect_status 1 "$DATAMAP" run && ok "run with the server stopped exits 1"
[ "$(grep -c "127.0.0.1:$PORT" "$WORK/err")" -ge 2 ] && ok "each table's error names the endpoint" || fail "errors: $(head -c 800 "$WORK/err")"
svc stop
# dynalite keeps data in memory: a restart is an empty server, so recreate one table
svc start || fail "restart dynalite"
ddb CreateTable "{\"TableName\":\"dm-out-a\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}" >/dev/null
ddb PutItem "{\"TableName\":\"dm-out-a\",\"Item\":{\"id\":{\"S\":\"1\"},\"email\":{\"S\":\"ann@example.com\"}}}" >/dev/null
expect_status 0 "$DATAMAP" run && grep -q "1 crawled, 1 classified" "$WORK/out" && grep -q "1 vanished" "$WORK/out" &&
  ok "after a restart: the table there is done, the one gone is marked vanished" || fail "rerun: $(cat "$WORK/out") $(head -c 500 "$WORK/err")"
finish
