#!/usr/bin/env bash
# Soak: a release `versus serve` held at saturation with wrk for a bounded time, on a mix of hub, catalog and ad-hoc
# comparison pages, /api/compare, occupation pages and documents, search pages, /api/search and /api/suggest, assets
# and /healthz (Scripts/load/make-mix.py writes it; Scripts/load/pairs.lua cycles through it). The server's RSS
# (/proc/PID/status VmRSS) is sampled every second.
#
# Fails on any non-2xx/3xx answer, any socket error (connect, read, write, timeout), or memory beyond these bounds:
#   - peak RSS under 300 MB;
#   - no growth once warm: the largest RSS of the last 10% of the run at most 10% over the RSS at 20% of the run
#     (by then the 64 MiB response cache is full: the mix has far more distinct pages than it holds; every profile
#     and every state's wages were read at start-up).
# Prints requests/s, p50/p99 latency, requests, errors and RSS (start, at 20%, last 10%, peak), then
# "soak: 1 passed, 0 failed" or the reasons it failed.
#
# Usage: Scripts/soak.sh [--duration SECONDS]   (CI: --duration 60; by hand: --duration 600)
#        VERSUS_BIN=path/to/versus Scripts/soak.sh   to skip the release build.  THREADS=2 CONNECTIONS=64 MIX=20000
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"

DURATION=60
while [ $# -gt 0 ]; do
  case $1 in
    --duration) DURATION=$2; shift 2 ;;
    *) echo "usage: Scripts/soak.sh [--duration SECONDS]" >&2; exit 2 ;;
  esac
done
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
MIX=${MIX:-20000}
PEAK_MB=300
GROWTH=1.10

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "soak: installing ${missing[*]} from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

source Scripts/lib/serve.sh
find_versus soak
work=$(mktemp -d)
versus_pid=""
sampler_pid=""
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  stop_process "$versus_pid"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_versus soak "$versus" "$work/versus.log" --log-level error
python3 Scripts/load/make-mix.py "$url" "$MIX" "$work/mix.txt"

rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$versus_pid/status"; }
start_kb=$(rss_kb)
# One sample a second, numbered from the start of the run.
( n=0; while kill -0 "$versus_pid" 2>/dev/null; do echo "$n $(rss_kb)"; n=$((n + 1)); sleep 1; done ) >"$work/rss.txt" &
sampler_pid=$!

echo "soak: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on $url, pid $versus_pid, RSS at start $((start_kb / 1024)) MB"
WRK_THREADS=$THREADS PAIRS_FILE="$work/mix.txt" \
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency -s Scripts/load/pairs.lua "$url" >"$work/wrk.txt" 2>&1
kill "$sampler_pid" 2>/dev/null || true
sampler_pid=""
alive=yes
kill -0 "$versus_pid" 2>/dev/null || alive=no

to_ms() { # "1.23ms" "456.78us" "1.02s" → milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$work/wrk.txt")
requests=$(awk '/requests in/ { print $1 }' "$work/wrk.txt")
p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$work/wrk.txt")")
p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")")
non2xx=$(awk '/Non-2xx or 3xx responses/ { print $NF }' "$work/wrk.txt")
socket=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$work/wrk.txt")
read -r at20 last10 peak samples < <(awk -v d="$DURATION" '
  { rss[$1] = $2; if ($2 > peak) peak = $2; n = $1 }
  END {
    at = int(d * 0.2); while (!(at in rss) && at > 0) at--
    from = int(d * 0.9); for (i = from; i <= n && i < d; i++) if (rss[i] > last) last = rss[i]
    printf "%d %d %d %d\n", rss[at], last, peak, n + 1
  }' "$work/rss.txt")

echo
printf '%-26s %s\n' "duration" "${DURATION} s, $THREADS threads, $CONNECTIONS connections, $(wc -l <"$work/mix.txt") paths in the mix"
printf '%-26s %s\n' "requests/s" "$rps ($requests requests)"
printf '%-26s %s\n' "latency p50 / p99" "$p50 ms / $p99 ms"
printf '%-26s %s\n' "errors" "${non2xx:-0} non-2xx/3xx, ${socket:-0} socket errors"
printf '%-26s %s\n' "RSS (MB)" "start $((start_kb / 1024)), at 20% $((at20 / 1024)), last 10% max $((last10 / 1024)), peak $((peak / 1024)) ($samples samples)"
grep -E '^pairs:' "$work/wrk.txt" | sed 's/^pairs:/mix:/' || true
echo

failed=()
[ "$alive" = yes ] || failed+=("the server died")
[ "${non2xx:-0}" -eq 0 ] || failed+=("$non2xx non-2xx/3xx answers")
[ "${socket:-0}" -eq 0 ] || failed+=("$socket socket errors: $(grep 'Socket errors' "$work/wrk.txt")")
[ "${requests:-0}" -gt 0 ] || failed+=("no requests made")
[ "$peak" -lt $((PEAK_MB * 1024)) ] || failed+=("peak RSS $((peak / 1024)) MB, bound $PEAK_MB MB")
awk -v a="$last10" -v b="$at20" -v g="$GROWTH" 'BEGIN { exit !(a <= b * g) }' \
  || failed+=("RSS grew: $((last10 / 1024)) MB in the last 10% against $((at20 / 1024)) MB at 20% (bound +10%)")
if [ ${#failed[@]} -gt 0 ]; then
  printf 'soak: FAILED: %s\n' "${failed[@]}"
  tail -5 "$work/versus.log"
  echo "soak: 0 passed, 1 failed"
  exit 1
fi
echo "soak: 1 passed, 0 failed"
