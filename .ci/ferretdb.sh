#!/usr/bin/env bash
# FerretDB v1.24.2 (MongoDB wire protocol over SQLite) for the MongoDB read-store tests and CI.
#
#   bash .ci/ferretdb.sh start   build if needed, start on 127.0.0.1, print MONGODB_URL=mongodb://127.0.0.1:PORT/
#   bash .ci/ferretdb.sh stop    stop it and delete its data
#   bash .ci/ferretdb.sh status  print MONGODB_URL=… if running, exit 1 otherwise
#
# Only the MONGODB_URL line goes to stdout, so `export "$(bash .ci/ferretdb.sh start)"` works.
# Environment: FERRETDB_PORT (preferred port, default 27018 so a developer's MongoDB on 27017 is
# left alone; a free port is used when it is taken), FERRETDB_START_TIMEOUT (seconds, default 30),
# FERRETDB_STATE_DIR (default .tools/ferretdb-run).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_module="$repo_root/tools/ferretdb"
binary="$repo_root/.tools/bin/ferretdb"
state_dir="${FERRETDB_STATE_DIR:-$repo_root/.tools/ferretdb-run}"
pid_file="$state_dir/pid"
data_dir_file="$state_dir/data-dir"
uri_file="$state_dir/uri"
port="${FERRETDB_PORT:-27018}"
start_timeout="${FERRETDB_START_TIMEOUT:-30}"

log() { echo "ferretdb.sh: $*" >&2; }

# A killed server can linger as a zombie when nothing reaps it (containers without an init):
# kill -0 still succeeds on it, /proc says Z.
is_alive() {
  local pid="$1" stat
  kill -0 "$pid" 2>/dev/null || return 1
  if stat="$(cat "/proc/$pid/stat" 2>/dev/null)"; then
    stat="${stat##*) }"
    [[ "${stat%% *}" != Z ]] || return 1
  fi
}

running_pid() {
  [[ -f "$pid_file" ]] || return 1
  local pid
  pid="$(cat "$pid_file")"
  [[ "$pid" =~ ^[0-9]+$ ]] && is_alive "$pid" && echo "$pid"
}

needs_build() {
  [[ -x "$binary" ]] || return 0
  local source
  for source in "$tools_module"/go.mod "$tools_module"/go.sum "$tools_module"/*.go; do
    [[ "$source" -nt "$binary" ]] && return 0
  done
  return 1
}

build() {
  command -v go >/dev/null || { log "Go is required to build FerretDB (https://go.dev/dl/)"; exit 1; }
  log "building FerretDB from $tools_module (the first build downloads and compiles for a few minutes)"
  mkdir -p "$(dirname "$binary")"
  # -buildvcs=false: the wrapper needs no VCS stamp, and a fresh clone may have no commit yet.
  (cd "$tools_module" && go build -buildvcs=false -trimpath -o "$binary.tmp" .) >&2
  mv "$binary.tmp" "$binary"
}

accepts_connections() {
  local host_port="${1#mongodb://}"
  host_port="${host_port%%/*}"
  (exec 3<>"/dev/tcp/${host_port%:*}/${host_port##*:}") 2>/dev/null
}

start() {
  if pid="$(running_pid)"; then
    if [[ -s "$uri_file" ]] && accepts_connections "$(cat "$uri_file")"; then
      log "already running (pid $pid)"
      echo "MONGODB_URL=$(cat "$uri_file")"
      return 0
    fi
    log "pid $pid does not accept connections; restarting"
    stop
  fi
  if needs_build; then build; fi

  # Left over by a server that died without `stop` (a crash, a reboot).
  cleanup_state
  mkdir -p "$state_dir"
  local data_dir
  data_dir="$(mktemp -d "${TMPDIR:-/tmp}/celltrail-ferretdb.XXXXXX")"
  echo "$data_dir" >"$data_dir_file"

  # setsid: a Ctrl-C in the shell that ran `start` must not take the server down with it.
  local detach=()
  if command -v setsid >/dev/null; then detach=(setsid); fi
  "${detach[@]}" "$binary" \
    --listen-addr="127.0.0.1:$port" \
    --fallback-to-free-port \
    --sqlite-url="file:$data_dir/" \
    --uri-file="$uri_file" \
    --log-level=warn \
    >"$data_dir/ferretdb.log" 2>&1 </dev/null &
  echo $! >"$pid_file"

  local deadline=$((SECONDS + start_timeout))
  until [[ -s "$uri_file" ]] && accepts_connections "$(cat "$uri_file")"; do
    if ! running_pid >/dev/null; then
      log "FerretDB exited during start-up; its log:"
      cat "$data_dir/ferretdb.log" >&2
      cleanup_state
      exit 1
    fi
    if ((SECONDS >= deadline)); then
      log "FerretDB did not accept connections within ${start_timeout}s; its log:"
      cat "$data_dir/ferretdb.log" >&2
      stop
      exit 1
    fi
    sleep 0.1
  done
  log "running (pid $(cat "$pid_file"), data in $data_dir)"
  echo "MONGODB_URL=$(cat "$uri_file")"
}

cleanup_state() {
  if [[ -f "$data_dir_file" ]]; then
    local data_dir
    data_dir="$(cat "$data_dir_file")"
    # Only ever delete a directory this script created.
    [[ "$data_dir" == */celltrail-ferretdb.* && -d "$data_dir" ]] && rm -rf -- "$data_dir"
  fi
  rm -f "$pid_file" "$data_dir_file" "$uri_file"
}

stop() {
  local pid
  if pid="$(running_pid)"; then
    kill -TERM "$pid"
    for _ in $(seq 1 100); do
      is_alive "$pid" || break
      sleep 0.1
    done
    if is_alive "$pid"; then
      log "pid $pid ignored SIGTERM for 10s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    log "stopped (pid $pid)"
  else
    log "not running"
  fi
  cleanup_state
}

status() {
  if pid="$(running_pid)"; then
    echo "MONGODB_URL=$(cat "$uri_file")"
  else
    log "not running"
    return 1
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *)
    echo "usage: bash .ci/ferretdb.sh start|stop|status" >&2
    exit 2
    ;;
esac
