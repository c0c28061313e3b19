#!/usr/bin/env bash
# The configuration key reference from the command line: `datamap config keys`
# prints docs/config.md (md) and JSON, works even when the config file is
# broken, and a typo in the file stops a command with exit 2 naming the key,
# the file, the line and the key meant.
. "$(dirname "$0")/lib.sh"
: "${DM_SRC:?set DM_SRC to the source tree}"

expect_status 0 "$DATAMAP" config keys --format md &&
  diff -u "$DM_SRC/docs/config.md" "$WORK/out" >"$WORK/diff" && ok "config keys --format md is docs/config.md" ||
  fail "docs/config.md differs: $(head -c 600 "$WORK/diff")"

expect_status 0 "$DATAMAP" config keys --format json &&
  python3 -c '
import json, sys
keys = {k["key"]: k for k in json.load(open(sys.argv[1]))}
assert keys["classify.threshold"]["default"] == "0.1", keys["classify.threshold"]
assert keys["server.workers"]["max"] == 64
assert keys["controller.dpo"]["default"] is None
assert "schedule.sources.NAME.classify" in keys
' "$WORK/out" && ok "config keys --format json" || fail "json: $(head -c 300 "$WORK/out")"

printf 'catalog: %s/c.db\nclassify:\n  treshold: 0.5\n' "$WORK" > "$WORK/typo.yaml"
expect_status 2 "$DATAMAP" --config "$WORK/typo.yaml" init &&
  grep -q "typo.yaml:3: unknown key 'classify.treshold'; did you mean classify.threshold?" "$WORK/err" &&
  ok "a typo names key, file, line and the key meant" || fail "typo: $(cat "$WORK/err")"

expect_status 0 "$DATAMAP" --config "$WORK/typo.yaml" config keys && grep -q '^classify.threshold ' "$WORK/out" &&
  ok "config keys with a broken config" || fail "config keys with a broken config: $(cat "$WORK/err")"

expect_status 2 "$DATAMAP" config keys --format yaml && grep -q "text, md or json" "$WORK/err" &&
  ok "unknown format refused" || fail "format: $(cat "$WORK/err")"
expect_status 2 "$DATAMAP" config && ok "config without keys refused" || true
finish
