#!/usr/bin/env bash
# Commands that only read the catalog (catalog, report, source list) never
# create one: on a path with no catalog they say so and exit 2, and leave no
# file behind; an empty file is no catalog either. init then works.
. "$(dirname "$0")/lib.sh"
cd "$WORK"
unset DATAMAP_CATALOG
for cmd in "catalog" "catalog --format json" "report" "source list"; do
  # shellcheck disable=SC2086
  if expect_status 2 "$DATAMAP" $cmd; then
    grep -q 'no catalog at datamap.db (run `datamap init` or pass --catalog)' "$WORK/err" \
      || fail "$cmd: message: $(cat "$WORK/err")"
  fi
  [ ! -e "$WORK/datamap.db" ] || { fail "$cmd created ./datamap.db"; rm -f "$WORK/datamap.db"; }
done
expect_status 2 "$DATAMAP" --catalog "$WORK/sub/cat.db" report -o "$WORK/r.md" || true
[ ! -e "$WORK/sub/cat.db" ] && [ ! -e "$WORK/r.md" ] || fail "report created a file"
: > "$WORK/empty.db"
expect_status 2 "$DATAMAP" --catalog "$WORK/empty.db" catalog && grep -q "no catalog at" "$WORK/err" \
  || fail "an empty file is no catalog"
expect_status 0 "$DATAMAP" --catalog "$WORK/new.db" init || true
expect_status 0 "$DATAMAP" --catalog "$WORK/new.db" catalog || true
ok "read-only commands do not create a catalog"
finish
