#!/usr/bin/env bash
# The README's "lists the N entity types" is the number `datamap entities`
# lists (computed, not written here: entity types are added often).
. "$(dirname "$0")/lib.sh"
README=${DM_SRC:-$(dirname "$0")/../..}/README.md
said=$(grep -oE 'lists the [0-9]+ entity types' "$README" | grep -oE '[0-9]+' || true)
[ -n "$said" ] || fail "README.md has no sentence 'lists the N entity types'"
expect_status 0 "$DATAMAP" entities --format json || true
have=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$WORK/out")
[ "$said" = "$have" ] && ok "README and datamap entities agree: $have entity types" \
  || fail "README.md says $said entity types, datamap entities lists $have: fix the README sentence"
finish
