#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ and runs each for a bounded time, then prints each target's executions.
# Usage: Scripts/fuzz.sh [seconds per target, default 30] [target ...]
#        Scripts/fuzz.sh --runs N [target ...]   each target for N executions (by hand: --runs 1000000)
#        Scripts/fuzz.sh --ci                    CI's short pass: a debug build (a third of the release build's time on
#                                                two cores), every target for 15 s, then "fuzz: N passed, 0 failed"
# Seeds: the first lines of every file in Data/ (plain and gzipped), the eval queries fixture, and addresses, slugs
# and codes of the site. What a run finds is kept in Fuzz/.corpus/<target> for the next run; a crash leaves
# Fuzz/.artifacts/<target>/crash-*, makes the script fail, and should become a regression test (the importer's in
# Tests/VersusStoreTests/FuzzRegressionTests.swift, the others in the tests of the module they crash).
# TitleSearch loads the database of Data/ the way the product does (built on first use; VERSUS_DATABASE chooses one).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"
limit=(-max_total_time=30)
ci=0
configuration=${FUZZ_CONFIGURATION:-release}
case "${1:-}" in
  --ci) limit=(-max_total_time=15); ci=1; configuration=${FUZZ_CONFIGURATION:-debug}; shift ;;
  --runs) limit=(-runs="$2"); shift 2 ;;
  [0-9]*) limit=(-max_total_time="$1"); shift ;;
esac
root=$PWD

cd Fuzz
started=$SECONDS
build_log=$(mktemp)
if ! swift build -c "$configuration" -Xswiftc -sanitize=fuzzer >"$build_log" 2>&1; then
  grep -E 'error' "$build_log" | head -20
  echo "fuzz: the $configuration build failed"
  exit 1
fi
grep -E 'warning: .*Fuzz/' "$build_log" || true
rm -f "$build_log"
echo "fuzz: $configuration build in $((SECONDS - started)) s"
bin=$(swift build -c "$configuration" -Xswiftc -sanitize=fuzzer --show-bin-path)
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
  sed -n '2p' "$tmp/$name" | tr '\t,' '\n\n' | awk 'NR <= 20' | while IFS= read -r field; do
    printf '%s' "$field" | seed ImportFieldBytes "$(printf '%s' "$field" | md5sum | cut -c1-12)"
  done
done
for file in "$root"/Data/*/PROVENANCE.md "$root"/Data/*/*/PROVENANCE.md; do
  [ -f "$file" ] && seed ImportProvenance "$(echo "$file" | md5sum | cut -c1-12)" <"$file"
done
seed EvalCases title-queries <"$root/Tests/VersusStoreTests/Fixtures/title-queries.tsv"
# Typed titles: the eval queries and posting-style titles, one a seed; a first byte for TitleSearch's limit and mode.
# awk reads its input to the end: head would close the pipe early, and pipefail would stop the script.
cut -f1 "$root"/Tests/VersusStoreTests/Fixtures/{title-queries,posting-titles}.tsv | awk 'NR > 1 && NR <= 201' | while IFS= read -r query; do
  name=$(printf '%s' "$query" | md5sum | cut -c1-12)
  printf '%s' "$query" | seed TitleNormalizer "$name"
  { printf '\x15'; printf '%s' "$query"; } | seed TitleSearch "$name"
done
# Addresses, slugs and codes; ComparisonSlug's inputs are a slug or code, NUL, a typed title, NUL, a typed title.
while IFS= read -r line; do
  name=$(printf '%s' "$line" | md5sum | cut -c1-12)
  printf '%b' "$line" | seed ComparisonSlug "$name"
  printf '%b' "$line" | seed QueryString "$name"
done <<'SEEDS'
operations-manager-vs-coo
registered-nurse-vs-nurse-practitioner?state=Texas
ops-mgr-vs-chief-operating-officer\000ops mgr\000COO
11-1021.00\000R&D Director\000C++ developer
11-1021\000Café owner\000RN - ICU
51-91XX\000coach vs trainer\000nurse
/compare?a=ops+mgr&b=coo&state=Texas
/compare?a=%E2%80%99s&b=%2B%2B&area=0014460
/search?q=registered%20nurse
/api/search?q=nurse&limit=5
/api/compare?a=%3Csvg%20onload%3D1%3E&b=%22%27
/occupations/29-1141.00?area=Boston
/api/suggest?q=regis&q=x&=&&k
/compare?a=%EF%BB%BFnurse&%EF%BB%BF=1&b=\357\273\277coo
http://example.org:8080/compare/a-vs-b?x=1#frag
SEEDS

# Swift's own crash handler would take the trap before libFuzzer's, so no crash-* input would be written.
export SWIFT_BACKTRACE=enable=no
status=0
passed=0
failed=0
summary=()
for target in "${targets[@]}"; do
  mkdir -p ".corpus/$target" ".artifacts/$target"
  log=".artifacts/$target/last-run.log"
  echo "fuzz: $target ${limit[*]}"
  if "$bin/$target" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix=".artifacts/$target/" ".corpus/$target" >"$log" 2>&1; then
    result=ok
  else
    result="CRASH (see Fuzz/$log and Fuzz/.artifacts/$target/)"
    status=1
    # What trapped, and the input, so that a CI log alone says what to reproduce.
    grep -m4 -E 'Fatal error|ERROR: libFuzzer|Test unit written|^Base64:' "$log" || true
  fi
  runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log" | tail -1)
  seconds=$(sed -nE 's/^Done [0-9]+ runs in ([0-9]+) second.*/\1/p' "$log" | tail -1)
  [ "$result" = ok ] && passed=$((passed + 1)) || failed=$((failed + 1))
  summary+=("$(printf '%-18s %12s executions in %4s s  %s' "$target" "${runs:-?}" "${seconds:-?}" "$result")")
done
printf '%s\n' "${summary[@]}"
[ $ci = 1 ] && echo "fuzz: $passed passed, $failed failed (targets)"
exit $status
