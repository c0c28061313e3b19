#!/usr/bin/env bash
# Issue 17 item 4: secrets in URLs and options are refused or redacted by
# one rule, never stored, printed or returned: credentials in an endpoint
# URL's user-info, sslpassword in a postgres:// URL, a catalog URL's
# password quoted back by libpq.
. "$(dirname "$0")/lib.sh"
export DATAMAP_CATALOG=$WORK/dm.db
unset DATAMAP_CONFIG
S=topSecret42
no_secret() {   # no_secret LABEL FILE...
  if grep -aqF "$S" "${@:2}"; then fail "$1 shows the secret: $(grep -ahF "$S" "${@:2}" | head -2)"; else ok "$1"; fi
}
expect_status 0 "$DATAMAP" init
"$DATAMAP" source add rgw s3:// --option "endpoint=http://AKIDEXAMPLE:$S@127.0.0.1:28180" >"$WORK/out" 2>"$WORK/err" &&
  fail "source add accepted endpoint credentials"
no_secret "source add with endpoint credentials" "$WORK/out" "$WORK/err"
"$DATAMAP" source add pg "postgres://u@127.0.0.1:25432/db?sslpassword=$S" >"$WORK/out" 2>"$WORK/err" &&
  fail "source add accepted sslpassword in the URL"
no_secret "source add with sslpassword" "$WORK/out" "$WORK/err"
"$DATAMAP" scan s3:// --option "endpoint=http://AKIDEXAMPLE:$S@127.0.0.1:28180" >"$WORK/out" 2>"$WORK/err" &&
  fail "scan accepted endpoint credentials"
no_secret "scan --option endpoint with credentials" "$WORK/out" "$WORK/err"
AWS_ENDPOINT_URL="http://AKIDEXAMPLE:$S@127.0.0.1:28180" AWS_ACCESS_KEY_ID=k AWS_SECRET_ACCESS_KEY=s \
  "$DATAMAP" scan s3:// -vv >"$WORK/out" 2>"$WORK/err" && fail "scan used an endpoint with credentials"
no_secret "AWS_ENDPOINT_URL with credentials" "$WORK/out" "$WORK/err"
"$DATAMAP" --catalog "postgres://u:$S@[::1/x" catalog >"$WORK/out" 2>"$WORK/err" && fail "a bad catalog URL worked"
no_secret "a malformed catalog URL's error" "$WORK/out" "$WORK/err"
"$DATAMAP" scan "postgres://u:$S@[::1/x" >"$WORK/out" 2>"$WORK/err" && fail "a bad source URL worked"
no_secret "a malformed source URL's error" "$WORK/out" "$WORK/err"
expect_status 0 "$DATAMAP" source list && no_secret "source list" "$WORK/out"
no_secret "the catalog file" "$DATAMAP_CATALOG"
finish
