#!/usr/bin/env bash
# The README's test command (and CI's, through .ci/run): the same bring-up as start, then typecheck,
# lint and every test on the real services. Ends with one line "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
export VGBF_SERVICES_MODE=test

trap services_down EXIT
set -e
install_deps
services_up
build
install_web_deps
build_web
migrate
seed
set +e

FAILED=()
rm -rf reports && mkdir -p reports

step "Typecheck (sources and tests)"
node node_modules/typescript/bin/tsc -p tsconfig.json --noEmit || FAILED+=(typecheck)

step "Lint"
npm run --silent lint || FAILED+=(lint)

step "Unit tests"
node node_modules/jest/bin/jest.js --selectProjects unit --ci --json --outputFile=reports/unit.json || FAILED+=(unit)

step "Integration and end-to-end tests (real PostgreSQL and Redis)"
node node_modules/jest/bin/jest.js --selectProjects integration --ci --json --outputFile=reports/integration.json \
  || FAILED+=(integration)

step "Browser tests (Chromium)"
bash scripts/browser-test.sh || FAILED+=(browser)

trap - EXIT
services_down >/dev/null
echo
((${#FAILED[@]})) && echo "Failed stages: ${FAILED[*]}"
node scripts/report-summary.js unit integration browser
summary=$?
((${#FAILED[@]} == 0 && summary == 0))
