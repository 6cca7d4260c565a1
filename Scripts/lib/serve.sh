# Sourced by the scripts that test a real server: find the release binary, start `versus serve` on a free port,
# and stop a process politely.

# find_versus NAME: sets versus to $VERSUS_BIN, or builds the release binary and uses it.
find_versus() {
  if [ -n "${VERSUS_BIN:-}" ]; then
    versus=$(realpath "$VERSUS_BIN")
  else
    echo "$1: swift build -c release --product versus"
    swift build -c release --product versus >/dev/null
    versus=$PWD/.build/release/versus
  fi
}

# start_versus NAME BINARY LOG [serve options…]: sets versus_pid and url, or prints the log and exits 1.
start_versus() {
  local name=$1 binary=$2 log=$3
  shift 3
  "$binary" serve --host 127.0.0.1 --port 0 "$@" </dev/null >"$log" 2>&1 &
  versus_pid=$!
  for _ in $(seq 900); do grep -q "Versus is serving at" "$log" && break; kill -0 "$versus_pid" || break; sleep 1; done
  url=$(grep -oE 'http://[0-9.]+:[0-9]+' "$log" | head -1)
  [ -n "$url" ] || { echo "$name: versus serve did not start"; cat "$log"; exit 1; }
}

# stop_process PID: SIGTERM, five seconds to finish, then SIGKILL.
stop_process() {
  [ -n "$1" ] || return 0
  kill -TERM "$1" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
}
