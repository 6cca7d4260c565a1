#!/usr/bin/env bash
# Cold-process timing of `versus compare` (target: under 150 ms with the database built).
# Builds the release binary, makes sure the database exists, then times with hyperfine
# (apt-get install -y hyperfine). Run from anywhere: Scripts/bench-cli.sh [extra hyperfine options]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product versus
versus=.build/release/versus
export NO_COLOR=1
"$versus" compare 11-1021.00 11-1011.00 > /dev/null   # builds the database on first use (~25 s)
hyperfine --warmup 3 --min-runs 30 -N "$@" \
  --command-name 'seed pair (catalog), text'         "$versus compare 'operations manager' coo" \
  --command-name 'seed pair (catalog), json'         "$versus compare 'operations manager' coo --format json" \
  --command-name 'by code, not in catalog, markdown' "$versus compare 29-1141.00 15-1252.00 --format markdown" \
  --command-name 'with --state, text'                "$versus compare 'registered nurse' 'nurse practitioner' --state California"
