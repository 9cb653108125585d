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
# --prefer-offline: the lockfile pins every version, so a package already in npm's cache is taken
# from there without asking the registry whether its metadata changed (hundreds of round trips).
NPM_INSTALL_FLAGS=(--no-audit --no-fund --prefer-offline --loglevel=error)

install_deps() {
  require_node
  if [[ ! -d $ROOT/node_modules || $ROOT/package-lock.json -nt $ROOT/node_modules/.package-lock.json ]]; then
    step "Installing npm dependencies"
    (cd "$ROOT" && npm install "${NPM_INSTALL_FLAGS[@]}")
  fi
}

services_up() {
  step "Starting local services (PostgreSQL, Redis, mail inbox) unless DATABASE_URL/REDIS_URL/SMTP_URL point elsewhere"
  bash "$ROOT/scripts/services.sh" up
  eval "$(bash "$ROOT/scripts/services.sh" env)"
}

services_down() { bash "$ROOT/scripts/services.sh" down || true; }

# The API and the worker are two programs (dist/apps/api, dist/apps/worker), each compiled by its own
# single-threaded tsc: built side by side, they take the time of the longer one, not of both.
build() {
  step "Building API and worker"
  local nest="$ROOT/node_modules/@nestjs/cli/bin/nest.js" api worker rc=0
  (cd "$ROOT" && node "$nest" build api) &
  api=$!
  (cd "$ROOT" && node "$nest" build worker) &
  worker=$!
  wait "$api" || rc=$?
  wait "$worker" || rc=$?
  return "$rc"
}

# The web UI is its own npm package (apps/web) with its own lockfile.
install_web_deps() {
  if [[ ! -d $ROOT/apps/web/node_modules || $ROOT/apps/web/package-lock.json -nt $ROOT/apps/web/node_modules/.package-lock.json ]]; then
    step "Installing web UI dependencies"
    npm install --prefix "$ROOT/apps/web" "${NPM_INSTALL_FLAGS[@]}"
  fi
}

# Typecheck and build apps/web into apps/web/dist, which the API serves (restart the API after a build).
build_web() {
  step "Building the web UI"
  npm run --prefix "$ROOT/apps/web" --silent build
}

# Only the bundle (Vite strips types): for the test command, which type-checks the web in its own stage.
build_web_bundle() {
  step "Building the web UI bundle (Vite)"
  (cd "$ROOT/apps/web" && node node_modules/vite/bin/vite.js build --logLevel warn)
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

# Stage wall times for the test command's summary: `timed NAME command…` runs the command (in this
# shell: a function's exports stay) and appends "NAME|seconds|exit status" to $STAGE_TIMES_FILE. Under
# set -e a failing command still ends the script at once, as it would unwrapped.
STAGE_TIMES_FILE=${STAGE_TIMES_FILE:-}
timed() {
  local name=$1 started=$SECONDS rc
  shift
  "$@"
  rc=$?
  [[ -n $STAGE_TIMES_FILE ]] && printf '%s|%s|%s\n' "$name" "$((SECONDS - started))" "$rc" >>"$STAGE_TIMES_FILE"
  return "$rc"
}

# Stages that run beside others: `background NAME command…` starts the command in a subshell with its
# output in .local/logs/stage-NAME.log; `collect NAME` waits for it, prints that output and returns its
# exit status. (Times come from `timed` inside the command.)
declare -A BACKGROUND_PIDS=()
background() {
  local name=$1
  shift
  mkdir -p "$ROOT/.local/logs"
  (
    set +e
    "$@"
  ) >"$ROOT/.local/logs/stage-$name.log" 2>&1 &
  BACKGROUND_PIDS[$name]=$!
}
collect() {
  local name=$1 rc=0
  wait "${BACKGROUND_PIDS[$name]}" || rc=$?
  cat "$ROOT/.local/logs/stage-$name.log"
  unset "BACKGROUND_PIDS[$name]"
  return "$rc"
}
# On an early exit: stop what still runs in the background (their children too).
stop_background() {
  local pid
  for pid in "${BACKGROUND_PIDS[@]}"; do pkill -TERM -P "$pid" 2>/dev/null; kill -TERM "$pid" 2>/dev/null; done
  return 0
}

# The stage times recorded so far, longest first, and the total since the script started.
print_stage_times() {
  [[ -n $STAGE_TIMES_FILE && -f $STAGE_TIMES_FILE ]] || return 0
  local name seconds rc
  echo 'Stage wall times (a stage marked "in parallel" ran beside the others):'
  while IFS='|' read -r name seconds rc; do
    printf '  %-58s %3d:%02d%s\n' "$name" $((seconds / 60)) $((seconds % 60)) "$( ((rc)) && echo '  failed')"
  done <"$STAGE_TIMES_FILE"
  printf '  %-58s %3d:%02d\n' "Total (wall)" $((SECONDS / 60)) $((SECONDS % 60))
}
