#!/usr/bin/env bash
# A refused password (in a source URL or an --option) is answered with what
# that driver really reads instead, and nothing another driver reads: no
# PGPASSWORD for mysql://, no MYSQL_PWD for postgres://, no password_file
# (no driver has it). The password itself is never echoed.
. "$(dirname "$0")/lib.sh"
CAT=$WORK/c.db
"$DATAMAP" --catalog "$CAT" init >/dev/null
# check WHAT MUST MUSTNOT...: the last stderr holds each MUST and no MUSTNOT
check() {
  local what=$1 w; shift
  for w in "$@"; do
    case $w in
      !*) ! grep -qF -- "${w#!}" "$WORK/err" || fail "$what: names '${w#!}': $(cat "$WORK/err")" ;;
      *) grep -qF -- "$w" "$WORK/err" || fail "$what: does not name '$w': $(cat "$WORK/err")" ;;
    esac
  done
  ! grep -q "S3cr3tPw" "$WORK/err" || fail "$what: the password is echoed"
}
PG=(PGPASSWORD '~/.pgpass' PGPASSFILE '!MYSQL_PWD' '!option_file' '!password_file' '!AWS_')
MY=(MYSQL_PWD option_file=PATH '!PGPASSWORD' '!pgpass' '!password_file' '!AWS_')
AW=(AWS_ACCESS_KEY_ID '~/.aws/credentials' profile= '!PGPASSWORD' '!MYSQL_PWD' '!password_file')
expect_status 2 "$DATAMAP" --catalog "$CAT" source add p "postgres://u:S3cr3tPw@127.0.0.1:25432/db" && check "source add postgres URL" "${PG[@]}"
expect_status 2 "$DATAMAP" --catalog "$CAT" source add p "postgresql://u@127.0.0.1/db?password=S3cr3tPw" && check "source add postgresql ?password=" "${PG[@]}"
expect_status 2 "$DATAMAP" --catalog "$CAT" source add m "mysql://u:S3cr3tPw@127.0.0.1:23306/db" && check "source add mysql URL" "${MY[@]}"
expect_status 2 "$DATAMAP" --catalog "$CAT" source add m --option password=S3cr3tPw "mysql://u@127.0.0.1:23306/db" && check "source add mysql --option" "${MY[@]}"
expect_status 2 "$DATAMAP" --catalog "$CAT" source add p "postgres://u@127.0.0.1:25432/db" --option password=S3cr3tPw && check "source add postgres --option" "${PG[@]}"
expect_status 2 "$DATAMAP" --catalog "$CAT" source add b "s3://AK:S3cr3tPw@bucket" && check "source add s3 URL" "${AW[@]}"
expect_status 2 "$DATAMAP" scan --option password=S3cr3tPw "mysql://u@127.0.0.1:1/db" && check "scan mysql --option" "${MY[@]}"
expect_status 2 "$DATAMAP" scan --option password=S3cr3tPw "postgres://u@127.0.0.1:1/db" && check "scan postgres --option" "${PG[@]}"
expect_status 1 "$DATAMAP" scan "mysql://u:S3cr3tPw@127.0.0.1:1/db" && check "scan mysql URL" "${MY[@]}"
n=$("$DATAMAP" --catalog "$CAT" source list --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d if isinstance(d, list) else d.get("sources", d.get("items", []))))')
[ "$n" = 0 ] || fail "a refused source was stored ($n)"
ok "password hints name only the driver's own conventions"
finish
