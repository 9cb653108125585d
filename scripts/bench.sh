#!/usr/bin/env bash
# npm run bench -- <name>: the same bring-up as start, then scripts/bench/<name>.js.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
name=${1:-}
if [[ -z $name || ! -f scripts/bench/$name.js ]]; then
  echo "usage: npm run bench -- <name>; available:" >&2
  (cd scripts/bench && ls -1 ./*.js | sed 's#^\./##; s#\.js$##' | grep -v '^lib$' | sed 's/^/  /') >&2
  exit 2
fi
trap services_down EXIT
install_deps
services_up
build
migrate
step "Benchmark $name"
node "scripts/bench/$name.js" "${@:2}"
