#!/usr/bin/env bash
# The layers' include rules that the compiler cannot see: src/cli (the
# commands) sits on top and nothing below it reaches up into it; in
# particular src/server is started by cli/serve.c and never includes cli/.
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$(dirname "$0")/../../src" && pwd)

up=$(cd "$SRC" && grep -rln --include='*.c' --include='*.h' '#include "cli/' . | grep -v '^\./cli/' | grep -v '^\./main\.c$' || true)
[ -z "$up" ] && ok "only src/cli and main.c include cli/" || fail "below cli, these include cli/: $up"
cmds=$(cd "$SRC" && grep -rln --include='*.c' '^int dm_cmd_' . | grep -v '^\./cli/' || true)
[ -z "$cmds" ] && ok "every command (dm_cmd_*) lives in src/cli" || fail "commands outside src/cli: $cmds"
finish
