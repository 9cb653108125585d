#!/usr/bin/env bash
# Local PostgreSQL, Redis and mail inbox (maildev) for development, tests and the demo.
#
#   bash scripts/services.sh up       start what is local (reuses running ones)
#   bash scripts/services.sh down     stop what these scripts started
#   bash scripts/services.sh status   one line per service: up / down / external
#   bash scripts/services.sh env      export lines: eval "$(bash scripts/services.sh env)"
#
# A service is external (never started or stopped here) when the caller sets its URL:
# DATABASE_URL (PostgreSQL), REDIS_URL (Redis), SMTP_URL (mail inbox). Ports of the
# local ones come from config/defaults.env (LOCAL_*_PORT); the environment wins.
# VGBF_SERVICES_MODE=test starts PostgreSQL without fsync (test-only speed-ups).
# Data lives in .local/ (pg/data, redis, mail, run, logs) inside the checkout.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
LOCAL_DIR="$ROOT/.local"
RUN_DIR="$LOCAL_DIR/run"
LOG_DIR="$LOCAL_DIR/logs"
STARTED_FILE="$RUN_DIR/started-by-us"
DEFAULTS_FILE="$ROOT/config/defaults.env"
WAIT_SECS="${VGBF_SERVICES_TIMEOUT:-20}"
IS_ROOT=0
[[ $EUID -eq 0 ]] && IS_ROOT=1

say() { printf '[services] %s\n' "$*"; }
err() { printf '[services] %s\n' "$*" >&2; }
die() { err "error: $*"; exit 1; }
log_tail() { # file
  if [[ -f $1 ]]; then
    err "last lines of $1:"
    tail -n 25 "$1" | sed 's/^/[services]   /' >&2 || true
  fi
}

# --- configuration: what the caller set wins; detect external services first ---------
CALLER_DATABASE_URL="${DATABASE_URL:-}"
CALLER_REDIS_URL="${REDIS_URL:-}"
CALLER_SMTP_URL="${SMTP_URL:-}"
CALLER_MAIL_INBOX_URL="${MAIL_INBOX_URL:-}"

load_defaults() { # KEY=VALUE lines; a variable already set (non-empty) is kept
  local line key val
  [[ -f $DEFAULTS_FILE ]] || die "missing $DEFAULTS_FILE"
  while IFS= read -r line || [[ -n $line ]]; do
    line="${line%$'\r'}"
    [[ $line =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
    key="${BASH_REMATCH[2]}"
    val="${BASH_REMATCH[3]}"
    if [[ $val =~ ^\"(.*)\"$ || $val =~ ^\'(.*)\'$ ]]; then val="${BASH_REMATCH[1]}"; fi
    [[ -n ${!key:-} ]] && continue
    printf -v "$key" '%s' "$val"
  done <"$DEFAULTS_FILE"
}
load_defaults

for p in LOCAL_PG_PORT LOCAL_REDIS_PORT LOCAL_SMTP_PORT LOCAL_MAIL_WEB_PORT; do
  [[ ${!p:-} =~ ^[0-9]+$ ]] || die "$p must be a port number (got '${!p:-}'); see config/defaults.env"
done
PG_PORT="$LOCAL_PG_PORT"
REDIS_PORT="$LOCAL_REDIS_PORT"
SMTP_PORT="$LOCAL_SMTP_PORT"
MAIL_WEB_PORT="$LOCAL_MAIL_WEB_PORT"

LOCAL_DATABASE_URL="postgres://vgbf:vgbf@127.0.0.1:$PG_PORT/vgbf"
LOCAL_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
LOCAL_SMTP_URL="smtp://127.0.0.1:$SMTP_PORT"
LOCAL_MAIL_INBOX_URL="http://127.0.0.1:$MAIL_WEB_PORT"

# A URL the caller got from our own `env` output (VGBF_SERVICES_LOCAL lists it and the
# value is unchanged) still means the local service, so `up`/`down`/`status` keep working
# in a shell that ran eval "$(bash scripts/services.sh env)".
is_external() { # name caller_value local_value
  [[ -n $2 ]] || return 1
  if [[ " ${VGBF_SERVICES_LOCAL:-} " == *" $1 "* && $2 == "$3" ]]; then return 1; fi
  return 0
}
EXT_PG=0 EXT_REDIS=0 EXT_MAIL=0
is_external postgres "$CALLER_DATABASE_URL" "$LOCAL_DATABASE_URL" && EXT_PG=1
is_external redis "$CALLER_REDIS_URL" "$LOCAL_REDIS_URL" && EXT_REDIS=1
is_external mail "$CALLER_SMTP_URL" "$LOCAL_SMTP_URL" && EXT_MAIL=1
# the local inbox URL from our own `env` output is not the caller's choice either
is_external mail "$CALLER_MAIL_INBOX_URL" "$LOCAL_MAIL_INBOX_URL" || CALLER_MAIL_INBOX_URL=""

url_port() { # best effort host:port of a URL, for status lines
  local rest="${1#*://}"
  rest="${rest#*@}"
  printf '%s' "${rest%%/*}"
}

# --- helpers ----------------------------------------------------------------------------
port_open() { # port -> 0 if something accepts TCP connections on 127.0.0.1:port
  # shellcheck disable=SC2016 # $1 is expanded by the inner bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

pid_alive() { # pidfile pattern -> prints pid if alive and its command line matches
  local pid
  [[ -f $1 ]] || return 1
  pid="$(tr -dc '0-9' <"$1")"
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2" || return 1
  printf '%s' "$pid"
}

wait_pid_gone() { # pid seconds
  local i
  for ((i = 0; i < $2 * 5; i++)); do
    kill -0 "$1" 2>/dev/null || return 0
    sleep 0.2
  done
  return 1
}

mark_started() {
  mkdir -p "$RUN_DIR"
  touch "$STARTED_FILE"
  grep -qx "$1" "$STARTED_FILE" || printf '%s\n' "$1" >>"$STARTED_FILE"
}
unmark_started() {
  [[ -f $STARTED_FILE ]] || return 0
  local rest
  rest="$(grep -vx "$1" "$STARTED_FILE" || true)"
  if [[ -n $rest ]]; then printf '%s\n' "$rest" >"$STARTED_FILE"; else rm -f "$STARTED_FILE"; fi
}
was_started() { [[ -f $STARTED_FILE ]] && grep -qx "$1" "$STARTED_FILE"; }

apt_install() { # package
  if ((IS_ROOT)); then
    say "installing $1 with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 ||
      die "apt-get update failed; install $1 by hand"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >&2 ||
      die "apt-get install $1 failed; install it by hand"
  else
    err "$1 is not installed. Install it with:"
    err "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y $1"
    exit 1
  fi
}

# --- PostgreSQL ---------------------------------------------------------------------------
PG_BIN=""
find_pg_bin() { # sets PG_BIN; returns 1 if none
  local d=""
  if command -v pg_config >/dev/null 2>&1; then d="$(pg_config --bindir 2>/dev/null || true)"; fi
  if [[ -z $d || ! -x $d/initdb || ! -x $d/pg_ctl ]]; then
    d="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -1)" # newest version
  fi
  [[ -n $d && -x $d/initdb && -x $d/pg_ctl ]] || return 1
  PG_BIN="$d"
}

as_pg() { # run a command as the postgres user when root (PostgreSQL refuses root)
  if ((IS_ROOT)); then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# Sets PG_BASE, PG_DATA, PG_SOCK, PG_LOG. Uses .local/pg unless (as root) the postgres
# user cannot reach it, or the socket path would be too long / unquotable.
pg_paths() {
  local hash alt
  hash="$(printf '%s' "$ROOT" | sha1sum | cut -c1-10)"
  alt="/var/tmp/vgbf-pg-$hash"
  PG_BASE="$LOCAL_DIR/pg"
  PG_DATA="$PG_BASE/data"
  PG_SOCK="$RUN_DIR/pg"
  PG_LOG="$LOG_DIR/postgres.log"
  local probe="$LOCAL_DIR"
  [[ -d $probe ]] || probe="$ROOT" # before the first `up`
  if ((IS_ROOT)) && ! runuser -u postgres -- test -x "$probe" 2>/dev/null; then
    PG_BASE="$alt" PG_DATA="$alt/data" PG_SOCK="$alt/run" PG_LOG="$alt/postgres.log"
  elif ((${#PG_SOCK} > 80)) || [[ ! $PG_SOCK =~ ^[A-Za-z0-9/._-]+$ ]]; then
    PG_SOCK="$alt/run"
  fi
}

pg_running() { [[ -f $PG_DATA/PG_VERSION ]] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

pg_ready() {
  local isready="$PG_BIN/pg_isready"
  [[ -x $isready ]] || isready=pg_isready
  "$isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2 >/dev/null 2>&1
}

psql_admin() { # [db] ; SQL on stdin, as superuser postgres over TCP
  local psql="$PG_BIN/psql"
  [[ -x $psql ]] || psql=psql
  PGCONNECT_TIMEOUT=5 PGOPTIONS='-c client_min_messages=warning' "$psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "${1:-postgres}" \
    -v ON_ERROR_STOP=1 >/dev/null
}

pg_prepare_dirs() {
  mkdir -p "$LOCAL_DIR" "$RUN_DIR" "$LOG_DIR"
  if ((IS_ROOT)); then
    if ! id postgres >/dev/null 2>&1; then
      useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres ||
        die "could not create the postgres user"
    fi
    pg_paths
    mkdir -p "$PG_BASE" "$PG_DATA" "$PG_SOCK"
    [[ $PG_BASE == /var/tmp/* ]] && chown postgres: "$PG_BASE" && chmod 700 "$PG_BASE"
    chown postgres: "$PG_DATA" "$PG_SOCK"
    touch "$PG_LOG"
    chown postgres: "$PG_LOG"
  else
    pg_paths
    mkdir -p "$PG_DATA" "$PG_SOCK"
    touch "$PG_LOG"
  fi
  chmod 700 "$PG_DATA"
  chmod 755 "$PG_SOCK"
}

pg_initdb() {
  local out="$PG_BASE/initdb.log"
  [[ $PG_BASE == "$LOCAL_DIR/pg" ]] && out="$LOG_DIR/initdb.log"
  say "postgres: creating data folder $PG_DATA"
  # a half-made data folder (no PG_VERSION) from an earlier failure is thrown away
  find "$PG_DATA" -mindepth 1 -delete
  local locale
  for locale in C.UTF-8 C; do
    if as_pg "$PG_BIN/initdb" -D "$PG_DATA" --auth=trust -U postgres --encoding=UTF8 \
      --locale="$locale" >"$out" 2>&1; then
      return 0
    fi
    find "$PG_DATA" -mindepth 1 -delete
  done
  log_tail "$out"
  die "initdb failed (see $out)"
}

pg_setup_db() {
  local i
  for ((i = 0; i < WAIT_SECS; i++)); do
    pg_ready && break
    sleep 1
  done
  if ! pg_ready; then
    log_tail "$PG_LOG"
    die "postgres does not answer on 127.0.0.1:$PG_PORT after ${WAIT_SECS}s (see $PG_LOG)"
  fi
  psql_admin postgres <<'SQL' || die "could not create role/database vgbf (see output above)"
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vgbf') THEN
    CREATE ROLE vgbf LOGIN CREATEDB NOSUPERUSER PASSWORD 'vgbf';
  END IF;
END
$$;
ALTER ROLE vgbf LOGIN CREATEDB NOSUPERUSER PASSWORD 'vgbf';
SQL
  # extensions in template1 first, so every database created later (vgbf too) has them
  local db
  for db in template1 vgbf; do
    if [[ $db == vgbf ]]; then
      psql_admin postgres <<'SQL' || die "could not create database vgbf"
SELECT 'CREATE DATABASE vgbf OWNER vgbf'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'vgbf')
\gexec
SQL
    fi
    psql_admin "$db" <<'SQL' || die "could not create extensions unaccent, pg_trgm in $db"
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
SQL
  done
}

pg_up() {
  if ((EXT_PG)); then
    say "postgres: external ($(url_port "$CALLER_DATABASE_URL")), not started"
    return 0
  fi
  find_pg_bin || { apt_install postgresql && find_pg_bin; } ||
    die "PostgreSQL binaries not found even after installing postgresql"
  pg_prepare_dirs
  if pg_running; then
    if ! pg_ready; then
      die "postgres of $PG_DATA runs but not on port $PG_PORT; run 'bash scripts/services.sh down' first"
    fi
    say "postgres: already running on port $PG_PORT, reusing"
    if [[ ${VGBF_SERVICES_MODE:-} == test ]]; then
      say "postgres: note: reused as is; test-mode settings (fsync=off) apply after a restart"
    fi
    mark_started postgres
  else
    [[ -f $PG_DATA/PG_VERSION ]] || pg_initdb
    if port_open "$PG_PORT"; then
      die "port $PG_PORT is taken by another program; stop it or set LOCAL_PG_PORT (or DATABASE_URL for an external database)"
    fi
    local opts="-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_SOCK -c max_connections=200"
    if [[ ${VGBF_SERVICES_MODE:-} == test ]]; then
      opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    say "postgres: starting on port $PG_PORT (data $PG_DATA)"
    mark_started postgres
    if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$((WAIT_SECS * 3))" \
      -o "$opts" start >/dev/null 2>&1 9>&-; then
      log_tail "$PG_LOG"
      die "postgres did not start (see $PG_LOG); 'bash scripts/services.sh down' cleans up"
    fi
  fi
  pg_setup_db
  say "postgres: up, $LOCAL_DATABASE_URL"
}

pg_down() {
  was_started postgres || return 0
  if find_pg_bin; then
    pg_paths
    if pg_running; then
      say "postgres: stopping"
      if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1; then
        log_tail "$PG_LOG"
        die "postgres did not stop (data $PG_DATA)"
      fi
    fi
  fi
  unmark_started postgres
}

pg_status() {
  if ((EXT_PG)); then
    say "postgres: external ($(url_port "$CALLER_DATABASE_URL"))"
  elif find_pg_bin && pg_paths && pg_running && pg_ready; then
    say "postgres: up (port $PG_PORT)"
  else
    say "postgres: down (port $PG_PORT)"
  fi
}

# --- Redis --------------------------------------------------------------------------------
REDIS_PID="$RUN_DIR/redis.pid"
REDIS_LOG="$LOG_DIR/redis.log"
redis_ping() { [[ "$(timeout 3 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }

redis_up() {
  if ((EXT_REDIS)); then
    say "redis: external ($(url_port "$CALLER_REDIS_URL")), not started"
    return 0
  fi
  if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
    apt_install redis-server
  fi
  mkdir -p "$LOCAL_DIR/redis" "$RUN_DIR" "$LOG_DIR"
  if pid_alive "$REDIS_PID" redis-server >/dev/null; then
    redis_ping || die "redis of $REDIS_PID runs but does not answer on port $REDIS_PORT; run 'bash scripts/services.sh down' first"
    say "redis: already running on port $REDIS_PORT, reusing"
    mark_started redis
    return 0
  fi
  rm -f "$REDIS_PID"
  if port_open "$REDIS_PORT"; then
    die "port $REDIS_PORT is taken by another program; stop it or set LOCAL_REDIS_PORT (or REDIS_URL for an external Redis)"
  fi
  say "redis: starting on port $REDIS_PORT"
  mark_started redis
  if ! redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$LOCAL_DIR/redis" --save '' \
    --appendonly no --daemonize yes --pidfile "$REDIS_PID" --logfile "$REDIS_LOG" >/dev/null 2>&1 9>&-; then
    log_tail "$REDIS_LOG"
    die "redis-server did not start (see $REDIS_LOG)"
  fi
  local i
  for ((i = 0; i < WAIT_SECS * 2; i++)); do
    redis_ping && break
    sleep 0.5
  done
  if ! redis_ping; then
    log_tail "$REDIS_LOG"
    die "redis does not answer PONG on port $REDIS_PORT after ${WAIT_SECS}s (see $REDIS_LOG)"
  fi
  say "redis: up, $LOCAL_REDIS_URL"
}

redis_down() {
  was_started redis || return 0
  local pid
  if pid="$(pid_alive "$REDIS_PID" redis-server)"; then
    say "redis: stopping"
    timeout 10 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    if ! wait_pid_gone "$pid" 10; then
      kill "$pid" 2>/dev/null || true
      wait_pid_gone "$pid" 5 || die "redis (pid $pid) did not stop; kill it by hand: kill -9 $pid"
    fi
  fi
  rm -f "$REDIS_PID"
  unmark_started redis
}

redis_status() {
  if ((EXT_REDIS)); then
    say "redis: external ($(url_port "$CALLER_REDIS_URL"))"
  elif pid_alive "$REDIS_PID" redis-server >/dev/null && redis_ping; then
    say "redis: up (port $REDIS_PORT)"
  else
    say "redis: down (port $REDIS_PORT)"
  fi
}

# --- mail inbox (maildev) -----------------------------------------------------------------
MAIL_PID="$RUN_DIR/maildev.pid"
MAIL_LOG="$LOG_DIR/maildev.log"
MAILDEV="$ROOT/node_modules/.bin/maildev"
# maildev 3 serves its REST API under /api (GET /api/email); maildev 2 used /email
mail_ready() {
  local u="http://127.0.0.1:$MAIL_WEB_PORT"
  curl -sf -o /dev/null --max-time 2 "$u/api/email" || curl -sf -o /dev/null --max-time 2 "$u/email"
}

mail_up() {
  if ((EXT_MAIL)); then
    say "mail: external ($(url_port "$CALLER_SMTP_URL")), not started"
    return 0
  fi
  [[ -x $MAILDEV ]] || die "$MAILDEV is missing: run 'npm install' (in $ROOT) first"
  command -v curl >/dev/null 2>&1 || apt_install curl
  mkdir -p "$LOCAL_DIR/mail" "$RUN_DIR" "$LOG_DIR"
  if pid_alive "$MAIL_PID" maildev >/dev/null; then
    mail_ready || die "maildev of $MAIL_PID runs but does not answer on port $MAIL_WEB_PORT; run 'bash scripts/services.sh down' first"
    say "mail: already running (smtp $SMTP_PORT, web $MAIL_WEB_PORT), reusing"
    mark_started mail
    return 0
  fi
  rm -f "$MAIL_PID"
  local p
  for p in "$SMTP_PORT" "$MAIL_WEB_PORT"; do
    if port_open "$p"; then
      die "port $p is taken by another program; stop it or set LOCAL_SMTP_PORT/LOCAL_MAIL_WEB_PORT (or SMTP_URL for an external server)"
    fi
  done
  say "mail: starting maildev (smtp $SMTP_PORT, web $MAIL_WEB_PORT)"
  mark_started mail
  setsid nohup "$MAILDEV" --smtp "$SMTP_PORT" --ip 127.0.0.1 --web "$MAIL_WEB_PORT" \
    --web-ip 127.0.0.1 --mail-directory "$LOCAL_DIR/mail" >"$MAIL_LOG" 2>&1 </dev/null 9>&- &
  local pid=$!
  printf '%s\n' "$pid" >"$MAIL_PID"
  local i
  for ((i = 0; i < WAIT_SECS * 2; i++)); do
    mail_ready && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if ! mail_ready; then
    log_tail "$MAIL_LOG"
    kill "$pid" 2>/dev/null || true
    die "maildev does not answer on http://127.0.0.1:$MAIL_WEB_PORT/api/email after ${WAIT_SECS}s (see $MAIL_LOG)"
  fi
  say "mail: up, $LOCAL_SMTP_URL, inbox $LOCAL_MAIL_INBOX_URL"
}

mail_down() {
  was_started mail || return 0
  local pid
  if pid="$(pid_alive "$MAIL_PID" maildev)"; then
    say "mail: stopping"
    kill "$pid" 2>/dev/null || true
    if ! wait_pid_gone "$pid" 10; then
      kill -9 "$pid" 2>/dev/null || true
      wait_pid_gone "$pid" 5 || die "maildev (pid $pid) did not stop"
    fi
  fi
  rm -f "$MAIL_PID"
  unmark_started mail
}

mail_status() {
  if ((EXT_MAIL)); then
    say "mail: external ($(url_port "$CALLER_SMTP_URL"))"
  elif pid_alive "$MAIL_PID" maildev >/dev/null && mail_ready; then
    say "mail: up (smtp $SMTP_PORT, web $MAIL_WEB_PORT)"
  else
    say "mail: down (smtp $SMTP_PORT, web $MAIL_WEB_PORT)"
  fi
}

# --- commands -----------------------------------------------------------------------------
lock() { # one up/down at a time per checkout (started daemons get 9>&- so they do not keep it)
  mkdir -p "$RUN_DIR"
  exec 9>"$RUN_DIR/services.lock"
  flock -w 120 9 || die "another 'services.sh' holds $RUN_DIR/services.lock"
}

print_env() {
  local db="$LOCAL_DATABASE_URL" redis="$LOCAL_REDIS_URL" smtp="$LOCAL_SMTP_URL"
  local inbox="$LOCAL_MAIL_INBOX_URL" locals=()
  if ((EXT_PG)); then db="$CALLER_DATABASE_URL"; else locals+=(postgres); fi
  if ((EXT_REDIS)); then redis="$CALLER_REDIS_URL"; else locals+=(redis); fi
  if ((EXT_MAIL)); then
    smtp="$CALLER_SMTP_URL"
    inbox="$CALLER_MAIL_INBOX_URL"
  else
    locals+=(mail)
  fi
  printf 'export DATABASE_URL=%q\n' "$db"
  printf 'export REDIS_URL=%q\n' "$redis"
  printf 'export SMTP_URL=%q\n' "$smtp"
  printf 'export MAIL_INBOX_URL=%q\n' "$inbox"
  printf 'export VGBF_SERVICES_LOCAL=%q\n' "${locals[*]:-}"
}

ensure_gitignore() { # .local/ must never be committed
  local gi="$ROOT/.gitignore"
  [[ -f $gi ]] && grep -qxE '/?\.local/?' "$gi" && return 0
  printf '.local/\n' >>"$gi"
}

cmd="${1:-}"
case "$cmd" in
  up)
    ensure_gitignore
    lock
    pg_up
    redis_up
    mail_up
    ;;
  down)
    lock
    # only what these scripts started (listed in started-by-us), never an external service
    mail_down
    redis_down
    pg_down
    say "down"
    ;;
  status)
    pg_status
    redis_status
    mail_status
    ;;
  env)
    print_env
    ;;
  *)
    err "usage: bash scripts/services.sh up|down|status|env"
    exit 2
    ;;
esac
