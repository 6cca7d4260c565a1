#!/usr/bin/env bash
# Cold-process timings of the release CLI with the database already built (hyperfine: apt-get install hyperfine).
# Targets: `versus show` < 100 ms; `versus search` < 150 ms (it loads the title index the import stored).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product versus >/dev/null
bin=.build/release/versus
"$bin" show 11-1021.00 >/dev/null   # builds the database on first use, outside the timing
hyperfine --warmup 3 --runs 30 --export-markdown /dev/stdout \
  "$bin show 11-1021.00" \
  "$bin show 11-1021.00 --json" \
  "$bin search 'ops mgr'"
