#!/usr/bin/env bash
# Sources, the asset state machine, incremental skips, --force, schema
# versions, vanished assets, usage errors.
. "$(dirname "$0")/lib.sh"
export DATAMAP_CATALOG=$WORK/cat.db
R=$WORK/root
mkdir -p "$R/shop"
printf 'id,email\n1,a@example.com\n2,b@example.com\n' > "$R/shop/users.csv"

expect_status 2 "$DATAMAP" source add && ok "source add without args is a usage error"
expect_status 2 "$DATAMAP" scan --no-such-option x && ok "unknown option is a usage error"
expect_status 2 "$DATAMAP" nosuchcommand && ok "unknown command"
expect_status 0 "$DATAMAP" init && ok "init"
[ "$(stat -c %a "$WORK/cat.db")" = 600 ] && ok "catalog mode 0600" || fail "catalog mode $(stat -c %a "$WORK/cat.db")"
expect_status 0 "$DATAMAP" source add local "$R" --tag "Data Subjects=Customers" && ok "source add"
expect_status 2 "$DATAMAP" source add local "$R" && ok "duplicate source name refused"
expect_status 2 "$DATAMAP" source add s2 "$R" --option secret_access_key=hunter2XYZ &&
  ! grep -q hunter2XYZ "$WORK/err" && ok "a secret option is refused, not echoed" || fail "secret option: $(cat "$WORK/err")"
! grep -aq hunter2XYZ "$WORK/cat.db" && ok "and not stored" || fail "secret stored in the catalog"
expect_status 0 "$DATAMAP" source test local && grep -q "1 asset" "$WORK/out" && ok "source test" || fail "source test: $(cat "$WORK/out")"
expect_status 0 "$DATAMAP" discover
state() { sqlite3 "$WORK/cat.db" "select state from assets where name='$1'"; }
[ "$(state shop)" = discovered ] && ok "state discovered" || fail "state after discover: $(state shop)"
expect_status 0 "$DATAMAP" crawl
[ "$(state shop)" = cataloged ] && ok "state cataloged" || fail "state after crawl: $(state shop)"
expect_status 0 "$DATAMAP" classify
[ "$(state shop)" = classified ] && ok "state classified" || fail "state after classify: $(state shop)"
expect_status 0 "$DATAMAP" run
grep -q "0 crawled, 0 classified, 1 unchanged" "$WORK/out" && ok "unchanged table skipped" || fail "skip: $(cat "$WORK/out")"
expect_status 0 "$DATAMAP" run --force
grep -q "1 crawled, 1 classified" "$WORK/out" && ok "--force redoes it" || fail "force: $(cat "$WORK/out")"
sleep 1.1
printf 'id,email,phone\n1,a@example.com,+14155552671\n' > "$R/shop/users.csv"
expect_status 0 "$DATAMAP" run
grep -q "1 crawled, 1 classified" "$WORK/out" && ok "changed table redone" || fail "change: $(cat "$WORK/out")"
v=$(sqlite3 "$WORK/cat.db" "select schema_version from tables where name='users'")
[ "$v" = 2 ] && ok "schema version 2 after an added column" || fail "schema_version=$v"
expect_status 0 "$DATAMAP" catalog shop --format json
python3 -c "
import json; d=json.load(open('$WORK/out')); a=d['assets'][0]
assert a['tags'].get('Data Subjects')=='Customers', a['tags']
print('source tag captured')" || fail "source tags"
rm -rf "$R/shop"
expect_status 0 "$DATAMAP" discover
d=$(sqlite3 "$WORK/cat.db" "select deleted_at is not null from assets where name='shop'")
[ "$d" = 1 ] && ok "vanished asset marked deleted, kept" || fail "vanished: $d"
finish
