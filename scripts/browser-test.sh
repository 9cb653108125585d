#!/usr/bin/env bash
# Browser tests (Playwright driving Debian's chromium) against the built API, worker and web UI.
# Expects what scripts/test.sh has done: services up with their env exported
# (eval "$(bash scripts/services.sh env)"), API and worker built, the vgbf database migrated.
# Starts its own API and worker on BROWSER_TEST_PORT (3301), never touches the services, and stops
# what it started on exit. Writes reports/browser.json; fails on a failed test or an API/client drift.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

PORT=${BROWSER_TEST_PORT:-3301}
export API_PORT=$PORT
export PUBLIC_URL="http://127.0.0.1:$PORT"
# Every test signs in from this one address, and the committee test signs in 52 applicants through
# the API to set up a selection: the per-address sign-in limit (100 a minute) would refuse them.
# The per-account limit (10 failed sign-ins a minute per account and address, against password
# guessing; a success clears it) is raised too, for specs that show a wrong password on purpose; the
# throttling itself is tested in test/identity/throttling.
export LOGIN_MAX_PER_IP=${LOGIN_MAX_PER_IP:-1000}
export LOGIN_MAX_PER_ACCOUNT=${LOGIN_MAX_PER_ACCOUNT:-100}
LOGS="$ROOT/.local/logs"
mkdir -p "$LOGS" reports

if [[ ! -x /usr/bin/chromium ]]; then
  if ((EUID == 0)); then
    step "Installing Chromium (Debian package chromium)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
      || fail "Could not install chromium with apt-get."
  else
    fail "Chromium is missing. Install it: sudo apt-get update && sudo apt-get install -y chromium"
  fi
fi

install_web_deps || exit 1
[[ -f apps/web/dist/index.html ]] || build_web || exit 1

if curl -s -o /dev/null "$PUBLIC_URL/health"; then
  fail "Port $PORT is already in use; set BROWSER_TEST_PORT to a free port."
fi

PIDS=()
cleanup() {
  trap - EXIT INT TERM
  ((${#PIDS[@]})) && stop_pids "${PIDS[@]}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "Starting API and worker for the browser tests on $PUBLIC_URL"
node "$API_MAIN" >"$LOGS/browser-api.log" 2>&1 &
API_PID=$!
PIDS+=("$API_PID")
node "$WORKER_MAIN" >"$LOGS/browser-worker.log" 2>&1 &
WORKER_PID=$!
PIDS+=("$WORKER_PID")
if ! wait_for_url "$PUBLIC_URL/health/ready" 60 "$API_PID"; then
  tail -n 30 "$LOGS/browser-api.log" >&2
  fail "The API did not become ready at $PUBLIC_URL/health/ready (log: $LOGS/browser-api.log)."
fi
# Without a worker no email leaves the outbox, and the tests would only time out waiting for one.
if ! kill -0 "$WORKER_PID" 2>/dev/null; then
  tail -n 30 "$LOGS/browser-worker.log" >&2
  fail "The worker exited at start (log: $LOGS/browser-worker.log)."
fi

FAILED=0
step "OpenAPI drift check (apps/web/src/api/schema.d.ts against the running API)"
API_URL="$PUBLIC_URL" node apps/web/scripts/generate-api-types.mjs --check || FAILED=1

step "Playwright (chromium: desktop and phone)"
(cd apps/web && BROWSER_REPORT="$ROOT/reports/browser.json" node node_modules/@playwright/test/cli.js test) || FAILED=1
# The whole-year test's trace (every person's browser, step by step) is kept as an artifact: Playwright
# leaves it in test-results/browser/whole-year-…/trace.zip; a copy under a stable name goes next to the report.
for trace in test-results/browser/whole-year-*/trace.zip; do
  [[ -f $trace ]] && cp "$trace" reports/whole-year-trace.zip && echo "Whole-year trace: reports/whole-year-trace.zip"
done

exit "$FAILED"
