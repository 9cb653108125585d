#!/usr/bin/env bash
# The README's start command: install, bring up PostgreSQL/Redis/mail inbox (unless DATABASE_URL,
# REDIS_URL, SMTP_URL point elsewhere), migrate, seed a demo on first run, run API + worker, print URLs.
# Ctrl-C stops everything this script started; the next start reuses the data in .local/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

PIDS=()
cleanup() {
  trap - INT TERM EXIT
  printf '\n==> Stopping\n'
  ((${#PIDS[@]})) && stop_pids "${PIDS[@]}"
  services_down
}
trap cleanup EXIT
trap 'exit 130' INT TERM

install_deps
services_up
build
install_web_deps
build_web
migrate
seed

step "Starting API and worker"
mkdir -p .local/logs
node "$API_MAIN" &
PIDS+=($!)
API_PID=$!
node "$WORKER_MAIN" &
PIDS+=($!)

set -a
# shellcheck disable=SC1091
source <(grep -E '^(API_PORT|PUBLIC_URL)=' config/defaults.env)
set +a
BASE="http://127.0.0.1:${API_PORT}"
wait_for_url "$BASE/health/ready" 60 "$API_PID" || fail "The API did not become ready at $BASE/health/ready (see its log above)."

cat <<INFO

  VGBF Cohort is running.
    Web app        $BASE/
    API            $BASE/api/v1
    OpenAPI docs   $BASE/api/docs
    Health         $BASE/health/ready
    Mail inbox     ${MAIL_INBOX_URL:-(external SMTP: $SMTP_URL)}
  Demo accounts are listed in README.md. Press Ctrl-C to stop.

INFO

# Stay up until Ctrl-C, or until either process exits (then stop the other and fail).
wait -n "${PIDS[@]}"
fail "A process exited unexpectedly; stopping the rest."
