# Shared steps of scripts/start.sh, scripts/test.sh and scripts/bench.sh. Source it; do not run it.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
API_MAIN="$ROOT/dist/apps/api/apps/api/src/main.js"
WORKER_MAIN="$ROOT/dist/apps/worker/apps/worker/src/main.js"
CLI_MAIN="$ROOT/dist/apps/api/apps/api/src/cli.js"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

require_node() {
  command -v node >/dev/null || fail "Node.js >= 20.19 is required (https://nodejs.org or your package manager)."
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
    || fail "Node.js >= 20.19 is required; this is $(node -v)."
}

# npm ci is not used: the registry mirror here lacks other platforms' optional binaries, which the
# lockfile would then demand. npm install with the lockfile present installs the locked versions.
install_deps() {
  require_node
  if [[ ! -d $ROOT/node_modules || $ROOT/package-lock.json -nt $ROOT/node_modules/.package-lock.json ]]; then
    step "Installing npm dependencies"
    (cd "$ROOT" && npm install --no-audit --no-fund --loglevel=error)
  fi
}

services_up() {
  step "Starting local services (PostgreSQL, Redis, mail inbox) unless DATABASE_URL/REDIS_URL/SMTP_URL point elsewhere"
  bash "$ROOT/scripts/services.sh" up
  eval "$(bash "$ROOT/scripts/services.sh" env)"
}

services_down() { bash "$ROOT/scripts/services.sh" down || true; }

build() {
  step "Building API and worker"
  (cd "$ROOT" && node node_modules/@nestjs/cli/bin/nest.js build api && node node_modules/@nestjs/cli/bin/nest.js build worker)
}

# The web UI is its own npm package (apps/web) with its own lockfile.
install_web_deps() {
  if [[ ! -d $ROOT/apps/web/node_modules || $ROOT/apps/web/package-lock.json -nt $ROOT/apps/web/node_modules/.package-lock.json ]]; then
    step "Installing web UI dependencies"
    npm install --prefix "$ROOT/apps/web" --no-audit --no-fund --loglevel=error
  fi
}

# Typecheck and build apps/web into apps/web/dist, which the API serves (restart the API after a build).
build_web() {
  step "Building the web UI"
  npm run --prefix "$ROOT/apps/web" --silent build
}

migrate() {
  step "Applying database migrations"
  (cd "$ROOT" && node node_modules/typeorm/cli.js migration:run -d dist/apps/api/apps/api/src/data-source.js)
}

seed() {
  step "Seeding demo data (only into an empty database)"
  (cd "$ROOT" && node "$CLI_MAIN" seed)
}

# wait_for_url URL SECONDS PID: until URL answers 2xx, the process dies, or time runs out.
wait_for_url() {
  local url=$1 seconds=$2 pid=${3:-}
  for ((i = 0; i < seconds * 5; i++)); do
    curl -sf -o /dev/null "$url" && return 0
    [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null && return 1
    sleep 0.2
  done
  return 1
}

# stop_pids PID...: SIGTERM (graceful shutdown), then SIGKILL after 15 s.
stop_pids() {
  local pid
  for pid in "$@"; do kill -TERM "$pid" 2>/dev/null || true; done
  for ((i = 0; i < 75; i++)); do
    local alive=0
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || return 0
    sleep 0.2
  done
  for pid in "$@"; do kill -KILL "$pid" 2>/dev/null || true; done
}
