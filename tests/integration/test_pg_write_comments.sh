#!/usr/bin/env bash
# classify --write-comments right after run writes the comments from the
# catalog's current findings (no --force, nothing sampled again), and a
# table the role does not own is one problem, not one per column.
# Against the PostgreSQL test server (127.0.0.1:25432).
. "$(dirname "$0")/lib.sh"
PORT=25432
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p $PORT -U postgres)
if ! "${PSQL[@]}" -d postgres -Atc 'SELECT 1' >/dev/null 2>&1; then
  echo "FAIL: PostgreSQL is not reachable on 127.0.0.1:$PORT" >&2
  exit 1
fi
ID=dm_wc_$$_$RANDOM
ROLE=${ID}_r
PW="pw-$RANDOM-x"
cleanup() {
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $ID WITH (FORCE)" -c "DROP ROLE IF EXISTS $ROLE" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $ID" -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PW'" >/dev/null
"${PSQL[@]}" -d "$ID" >/dev/null <<SQL
CREATE TABLE mine(id int, email text, full_name text, note text);
INSERT INTO mine SELECT i, 'm' || i || '@example.com',
  (ARRAY['Alice Martin','Bruno Dubois','Chloe Schmidt','David Rossi','Emma Garcia'])[1 + i % 5], 'x'
FROM generate_series(1, 50) i;
ALTER TABLE mine OWNER TO $ROLE;
CREATE TABLE theirs(id int, email text, contact text, other_email text);
INSERT INTO theirs SELECT i, 't' || i || '@example.com', 'c' || i || '@example.org', 'o' || i || '@example.net'
FROM generate_series(1, 50) i;
GRANT SELECT ON theirs TO $ROLE;
SQL
export PGPASSWORD=$PW
CAT=$WORK/c.db
expect_status 0 "$DATAMAP" --catalog "$CAT" source add pg "postgres://$ROLE@127.0.0.1:$PORT/$ID" || true
expect_status 0 "$DATAMAP" --catalog "$CAT" run || true
[ -z "$("${PSQL[@]}" -d "$ID" -Atc "SELECT col_description('mine'::regclass, 2)")" ] || fail "run alone wrote a comment"
expect_status 1 "$DATAMAP" --catalog "$CAT" classify --write-comments || true
cat "$WORK/out" "$WORK/err" > "$WORK/all"
got=$("${PSQL[@]}" -d "$ID" -Atc "SELECT col_description('mine'::regclass, 2)")
[ "$got" = "Sensitive Data Element | ['EMAIL']" ] && ok "comments written right after run, without --force" \
  || fail "mine.email comment: '$got'; output: $(cat "$WORK/all")"
got=$("${PSQL[@]}" -d "$ID" -Atc "SELECT coalesce(col_description('mine'::regclass, 4), '<none>')")
[ "$got" = "<none>" ] || fail "mine.note got a comment: $got"
n=$(grep -c "must be owner" "$WORK/all" || true)
[ "$n" = 1 ] && ok "'must be owner' reported once for the table" || fail "'must be owner' reported $n times: $(cat "$WORK/all")"
grep "must be owner" "$WORK/all" | grep -q "theirs" || fail "the problem does not name the table: $(cat "$WORK/all")"
! grep -q -- "$PW" "$WORK/all" || fail "the password leaked"
finish
