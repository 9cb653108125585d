#!/usr/bin/env bash
# The README's test command (and CI's, through .ci/run): the same bring-up as start, then typecheck,
# lint and every test on the real services. Prints each stage's wall time and the total, and ends with
# one line "N passed, N failed".
#
# Stages that wait on the network or use one core run beside others (marked "in parallel" in the times): the web
# UI's dependencies and bundle while the API's are installed and built; the web's typecheck and its
# type-aware lint (single-threaded, ~3 min) while the API is typechecked, linted and tested. Nothing is
# skipped: a failed background stage fails the run like any other.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
export VGBF_SERVICES_MODE=test
mkdir -p .local/logs
export STAGE_TIMES_FILE="$ROOT/.local/logs/stage-times"
: >"$STAGE_TIMES_FILE"

on_exit() {
  stop_background
  services_down
}
trap on_exit EXIT
set -e
# The web UI's packages and bundle need nothing from the API's side: fetched and built meanwhile.
web_prepare() {
  timed "Web UI dependencies (in parallel)" install_web_deps || return
  timed "Web UI bundle, Vite (in parallel)" build_web_bundle
}
background web-prepare web_prepare
timed "npm dependencies" install_deps
timed "Local services" services_up
timed "Build API and worker" build
step "Waiting for the web UI's dependencies and bundle"
collect web-prepare
timed "Migrations" migrate
timed "Seed" seed
set +e

FAILED=()
rm -rf reports && mkdir -p reports

# The web's own checks: its typecheck (the browser code and the Node-side code) and its type-aware lint.
web_checks() {
  local rc=0
  step "Web UI typecheck"
  timed "Web UI typecheck (in parallel)" npm run --prefix apps/web --silent typecheck || rc=1
  step "Web UI lint"
  timed "Web UI lint (in parallel)" npm run --prefix apps/web --silent lint || rc=1
  return "$rc"
}
background web-checks web_checks

step "Typecheck (sources and tests)"
timed "Typecheck" node node_modules/typescript/bin/tsc -p tsconfig.json --noEmit || FAILED+=(typecheck)

step "Lint"
timed "Lint (libs, apps, tests, scripts; prettier)" npm run --silent lint:root || FAILED+=(lint)

step "Unit tests"
timed "Unit tests" node node_modules/jest/bin/jest.js --selectProjects unit --ci --json --outputFile=reports/unit.json \
  || FAILED+=(unit)

step "Integration and end-to-end tests (real PostgreSQL and Redis)"
# Two workers: a file spends much of its time waiting on PostgreSQL, Redis and the mail inbox (each file
# has its own database and queue prefix), which jest's default of one worker on 2 cores leaves idle.
# The resilience and process proofs (SIGKILL mid-send, PostgreSQL and Redis stopped, SIGTERM with a
# request in flight) are left for the stage after: they time what they prove, and are run one at a time.
SERIAL_PROOFS='test/(resilience|process)/'
timed "Integration tests" node node_modules/jest/bin/jest.js --selectProjects integration --ci --maxWorkers=2 --json \
  --testPathIgnorePatterns "$SERIAL_PROOFS" --outputFile=reports/integration.json || FAILED+=(integration)

step "Resilience and process proofs (one at a time)"
timed "Resilience and process proofs" node node_modules/jest/bin/jest.js --selectProjects integration --ci --runInBand \
  --json --testPathPatterns "$SERIAL_PROOFS" --outputFile=reports/resilience.json || FAILED+=(resilience)

step "Web UI typecheck and lint (ran beside the stages above)"
collect web-checks || FAILED+=(web-checks)

step "Browser tests (Chromium)"
timed "Browser tests" bash scripts/browser-test.sh || FAILED+=(browser)

trap - EXIT
services_down >/dev/null
echo
print_stage_times
((${#FAILED[@]})) && echo "Failed stages: ${FAILED[*]}"
node scripts/report-summary.js unit integration resilience browser
summary=$?
((${#FAILED[@]} == 0 && summary == 0))
