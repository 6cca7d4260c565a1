#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ and runs each for a bounded time, then prints each target's executions.
# Usage: Scripts/fuzz.sh [seconds per target, default 30] [target ...]   (CI: a short pass; by hand: 1,000,000+ runs)
# Seeds: the first lines of every file in Data/ (plain and gzipped) and the eval queries fixture. What a run
# finds is kept in Fuzz/.corpus/<target> for the next run; a crash leaves Fuzz/.artifacts/<target>/crash-*, makes
# the script fail, and should become a regression test (Tests/VersusStoreTests/FuzzRegressionTests.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"
seconds=${1:-30}
shift || true
root=$PWD

cd Fuzz
swift build -c release -Xswiftc -sanitize=fuzzer 2>&1 | grep -E 'error|warning: .*Fuzz/|Compiling (Import|Eval)|Build' || true
bin=$(swift build -c release -Xswiftc -sanitize=fuzzer --show-bin-path)
# Every target named in Package.swift, unless some are named on the command line.
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(sed -nE 's/^ *fuzzTarget\("([A-Za-z0-9]+)".*/\1/p' Package.swift)

seed() {  # seed <target> <name> <bytes on stdin>
  mkdir -p ".corpus/$1"
  cat >".corpus/$1/seed-$2"
}
data_heads() {  # the first 40 lines of each data file, decompressed: name, then bytes
  find "$root/Data" -type f \( -name '*.tsv*' -o -name '*.txt*' -o -name '*.csv*' \) | sort | while IFS= read -r file; do
    name=$(basename "$file" | tr -c 'A-Za-z0-9._-' '_')
    if [[ $file == *.gz ]]; then gzip -dc "$file" | head -40 >"$tmp/$name"; else head -40 "$file" >"$tmp/$name"; fi
    echo "$name"
  done
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for name in $(data_heads); do
  format=$'\x00'; [[ $name == *.csv* ]] && format=$'\x01'
  { printf '%s' "$format"; cat "$tmp/$name"; } | seed ImportDelimited "$name"
  { printf '%s' "$format"; cat "$tmp/$name"; } | seed ImportTable "$name"
  gzip -9 -n -c "$tmp/$name" | seed ImportGzip "$name.gz"
  sed -n '2p' "$tmp/$name" | tr '\t,' '\n\n' | head -20 | while IFS= read -r field; do
    printf '%s' "$field" | seed ImportFieldBytes "$(printf '%s' "$field" | md5sum | cut -c1-12)"
  done
done
for file in "$root"/Data/*/PROVENANCE.md "$root"/Data/*/*/PROVENANCE.md; do
  [ -f "$file" ] && seed ImportProvenance "$(echo "$file" | md5sum | cut -c1-12)" <"$file"
done
seed EvalCases title-queries <"$root/Tests/VersusStoreTests/Fixtures/title-queries.tsv"

status=0
summary=()
for target in "${targets[@]}"; do
  mkdir -p ".corpus/$target" ".artifacts/$target"
  log=".artifacts/$target/last-run.log"
  echo "fuzz: $target for ${seconds}s"
  if "$bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix=".artifacts/$target/" ".corpus/$target" >"$log" 2>&1; then
    result=ok
  else
    result="CRASH (see Fuzz/$log and Fuzz/.artifacts/$target/)"
    status=1
  fi
  runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log" | tail -1)
  summary+=("$(printf '%-18s %12s executions  %s' "$target" "${runs:-?}" "$result")")
done
printf '%s\n' "${summary[@]}"
exit $status
