#!/usr/bin/env bash
# Cold-process timings of the release CLI with the database already built (hyperfine: apt-get install -y hyperfine).
# Targets: `versus show` < 100 ms; `versus search` and `versus compare` < 150 ms.
# Usage: Scripts/bench-cli.sh [extra hyperfine options]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product versus >/dev/null
versus=.build/release/versus
export NO_COLOR=1
"$versus" show 11-1021.00 >/dev/null   # builds the database on first use, outside the timing
hyperfine --warmup 3 -N "${@:---min-runs=30}" \
  --command-name 'show, text'                         "$versus show 11-1021.00" \
  --command-name 'show, json'                         "$versus show 11-1021.00 --json" \
  --command-name 'search'                             "$versus search 'ops mgr'" \
  --command-name 'compare seed pair, text'            "$versus compare 'operations manager' coo" \
  --command-name 'compare seed pair, json'            "$versus compare 'operations manager' coo --format json" \
  --command-name 'compare by code, markdown'          "$versus compare 29-1141.00 15-1252.00 --format markdown" \
  --command-name 'compare typed titles, --state'      "$versus compare 'registered nurse' 'nurse practitioner' --state California"
