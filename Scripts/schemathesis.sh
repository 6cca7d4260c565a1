#!/usr/bin/env bash
# The API contract: Schemathesis (PyPI, the version pinned in Scripts/schemathesis-requirements.txt) generates requests
# from a real `versus serve`'s /openapi.json (the hand-written Sources/VersusWeb/Resources/Assets/openapi.json) and
# checks every answer against it: no 5xx, documented status codes, content types and response schemas, invalid input
# refused and valid input accepted (Scripts/schemathesis.toml says which 400s and 414s are the documented answers). Bounded: at most $EXAMPLES examples per operation (default 50) in each phase
# (examples, coverage, fuzzing), with a fixed seed so that a failure can be run again. Zero failures, or it exits 1.
# Prints "schemathesis: N passed, M failed" (operations × phases) and the number of test cases generated.
#
# Usage: Scripts/schemathesis.sh   (VERSUS_BIN=path/to/versus to skip the release build; EXAMPLES=N; SEED=N)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
EXAMPLES=${EXAMPLES:-50}
SEED=${SEED:-11}

command -v python3 >/dev/null || { apt-get update -qq && apt-get install -y -qq python3 python3-pip </dev/null >/dev/null; }
if ! python3 -m pip --version >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq python3-pip </dev/null >/dev/null
fi
requirements=Scripts/schemathesis-requirements.txt
if ! python3 -m schemathesis.cli --version 2>/dev/null | grep -qF "$(sed -nE 's/^schemathesis==//p' "$requirements")"; then
  echo "schemathesis: pip install -r $requirements"
  # Debian's own Python refuses system-wide installs (PEP 668); a root CI machine may override that.
  python3 -m pip install -q -r "$requirements" </dev/null \
    || python3 -m pip install -q --break-system-packages -r "$requirements" </dev/null
fi

source Scripts/lib/serve.sh
find_versus schemathesis
work=$(mktemp -d)
versus_pid=""
cleanup() {
  stop_process "$versus_pid"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_versus schemathesis "$versus" "$work/versus.log" --log-level error

echo "schemathesis: $url/openapi.json, at most $EXAMPLES examples per operation and phase, seed $SEED"
set +e
python3 -m schemathesis.cli --config-file Scripts/schemathesis.toml run "$url/openapi.json" --checks all --max-examples "$EXAMPLES" --seed "$SEED" \
  --generation-deterministic --workers 2 --request-timeout 30 --report junit --report-junit-path "$work/junit.xml" \
  </dev/null 2>&1 | tee "$work/out.txt"
status=${PIPESTATUS[0]}
set -e
kill -0 "$versus_pid" 2>/dev/null || { echo "schemathesis: the server died"; status=1; }
# JUnit: one test case per operation; a failure or an error in any phase fails it.
read -r cases failures < <(python3 - "$work/junit.xml" <<'EOF'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
cases = root.iter("testcase")
total = failed = 0
for case in cases:
    total += 1
    failed += any(child.tag in ("failure", "error") for child in case)
print(total, failed)
EOF
)
generated=$(grep -oE '[0-9]+ generated' "$work/out.txt" | grep -oE '[0-9]+' | paste -sd+ | bc 2>/dev/null || true)
echo "schemathesis: ${generated:-?} test cases generated"
[ "$status" -eq 0 ] || [ "${failures:-1}" -gt 0 ] || failures=1
echo "schemathesis: $((cases - failures)) passed, $failures failed (operations, and the stateful run through their links)"
exit "$status"
