#!/usr/bin/env bash
# The full import beside the sqlite3 shell's plain `.import` of the same files, on the same machine (issue 11: the
# import must take at most 4x the shell). The shell gets the files already decompressed and loads each into a table
# of text columns with no checks and no indexes: the floor for reading these bytes into SQLite. `versus import` reads
# the files as carried (gzipped), checks every value and builds every index and the title index snapshot.
# Usage: Scripts/bench-import.sh [runs]   (default 3; the best run of each is compared, as noise only adds time)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"
runs=${1:-3}

if ! command -v sqlite3 >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3
fi
swift build -c release --product versus >/dev/null 2>&1 || swift build -c release --product versus  # the second shows why
versus=$PWD/.build/release/versus

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R Data "$work/data"
find "$work/data" -name '*.gz' -exec gunzip {} +

# One `.import` per data file the importer reads (PROVENANCE.md and read-me files are not data).
script="$work/import.sql"
: >"$script"
n=0
while IFS= read -r -d '' file; do
  n=$((n + 1))
  case "$file" in
    *.csv) echo ".mode csv" >>"$script" ;;
    *) echo ".mode tabs" >>"$script" ;;
  esac
  printf '.import "%s" t%d\n' "$file" "$n" >>"$script"
done < <(find "$work/data" -type f \( -name '*.csv' -o -name '*.tsv' -o -name '*.txt' \) ! -name 'Read Me.txt' -print0 | sort -z)

# Wall-clock seconds of a command, to the millisecond.
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; return 1; }
  end=$(date +%s.%N)
  printf '%.3f' "$(echo "$end - $start" | bc)"
}
best() { printf '%s\n' "$@" | sort -n | head -1; }

shell_file=() shell_memory=() ours=()
for _ in $(seq "$runs"); do
  rm -f "$work/shell.sqlite"
  shell_file+=("$(seconds sqlite3 "$work/shell.sqlite" ".read $script")")
  shell_memory+=("$(seconds sqlite3 :memory: ".read $script")")
  rm -f "$work/versus.sqlite"
  ours+=("$(seconds "$versus" import --quiet --data "$PWD/Data" --database "$work/versus.sqlite")")
done
peak_kib=$( { /usr/bin/time -f '%M' "$versus" import --quiet --data "$PWD/Data" --database "$work/versus.sqlite" >/dev/null; } 2>&1 | tail -1)

file_best=$(best "${shell_file[@]}") memory_best=$(best "${shell_memory[@]}") ours_best=$(best "${ours[@]}")
echo "files: $n ($(du -sh "$work/data" | cut -f1) decompressed), runs: $runs (best of each)"
echo "sqlite3 .import, file:     ${file_best} s   (runs: ${shell_file[*]})"
echo "sqlite3 .import, :memory:  ${memory_best} s   (runs: ${shell_memory[*]})"
echo "versus import:             ${ours_best} s   (runs: ${ours[*]}), peak RSS $((peak_kib / 1024)) MiB"
echo "ratio versus / sqlite3 file: $(echo "scale=2; $ours_best / $file_best" | bc)x (target <= 4x)"
