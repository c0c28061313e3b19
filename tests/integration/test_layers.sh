#!/usr/bin/env bash
# The layers' include rules that the compiler cannot see: src/cli (the
# commands) sits on top and nothing below it reaches up into it; in
# particular src/server is started by cli/serve.c and never includes cli/.
# Each top-level folder of src/ includes only the folders listed for it in
# `allowed` below (README.md, "Layout", says the same in prose).
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$(dirname "$0")/../../src" && pwd)

up=$(cd "$SRC" && grep -rln --include='*.c' --include='*.h' '#include "cli/' . | grep -v '^\./cli/' | grep -v '^\./main\.c$' || true)
[ -z "$up" ] && ok "only src/cli and main.c include cli/" || fail "below cli, these include cli/: $up"
cmds=$(cd "$SRC" && grep -rln --include='*.c' '^int dm_cmd_' . | grep -v '^\./cli/' || true)
[ -z "$cmds" ] && ok "every command (dm_cmd_*) lives in src/cli" || fail "commands outside src/cli: $cmds"

# folder: the other folders of src/ it may include ("-" for none)
allowed="
core: -
aws: core
catalog: core
detect: core
formats: core
sources: core formats aws
report: core catalog detect
pipeline: core catalog detect formats sources
server: core catalog pipeline report sources
cli: core aws catalog detect formats sources report pipeline server
"
for dir in "$SRC"/*/; do
  d=$(basename "$dir")
  may=$(printf '%s\n' "$allowed" | sed -n "s/^$d: //p")
  [ -n "$may" ] || { fail "src/$d is not in test_layers.sh's table: say what it may include (and in README.md)"; continue; }
  bad=""
  for inc in $(cd "$SRC" && grep -rhoE --include='*.c' --include='*.h' '^#include "[a-z_]+/' "$d" | sed -E 's/^#include "//; s#/$##' | sort -u); do
    [ "$inc" = "$d" ] && continue
    case " $may " in *" $inc "*) ;; *) bad="$bad $inc" ;; esac
  done
  [ -z "$bad" ] && ok "src/$d includes only: $may" || fail "src/$d includes$bad (allowed: $may)"
done
main_inc=$(grep -hoE '^#include "[a-z_]+/' "$SRC/main.c" | sed -E 's/^#include "//; s#/$##' | grep -vxE 'cli|core' | sort -u | tr '\n' ' ' || true)
[ -z "$main_inc" ] && ok "main.c includes only cli and core" || fail "main.c includes $main_inc"
finish
