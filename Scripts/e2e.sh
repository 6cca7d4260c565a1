#!/usr/bin/env bash
# The end-to-end tests (Tests/e2e): headless Chromium against a real `versus serve`, axe-core, and the static
# export's links. Installs what they need (Debian: chromium, chromium-driver; PyPI: Tests/e2e/requirements.txt),
# builds the release binary unless VERSUS_BIN names one, runs pytest and exits with its status.
# Works unattended as root on a fresh Debian 12 (CI=true, no stdin). Extra arguments go to pytest.
# Screenshots and axe reports: $E2E_ARTIFACTS (default Tests/e2e/artifacts/).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1

missing=()
for package in chromium chromium-driver; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
command -v python3 >/dev/null || missing+=(python3 python3-pip)
if [ ${#missing[@]} -gt 0 ]; then
  echo "e2e: apt-get install ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" </dev/null >/dev/null
fi
if ! python3 -m pip --version >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq python3-pip </dev/null >/dev/null
fi

requirements=Tests/e2e/requirements.txt
echo "e2e: pip install -r $requirements"
# Debian's own Python refuses system-wide installs (PEP 668); a root CI machine may override that.
python3 -m pip install -q --ignore-requires-python -r "$requirements" </dev/null \
  || python3 -m pip install -q --ignore-requires-python --break-system-packages -r "$requirements" </dev/null

if [ -z "${VERSUS_BIN:-}" ]; then
  echo "e2e: swift build -c release --product versus"
  swift build -c release --product versus
  export VERSUS_BIN="$PWD/.build/release/versus"
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
python3 -m pytest Tests/e2e -p no:cacheprovider -ra "$@" </dev/null 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
summary=$(grep -E '^=+ .*(passed|failed|error|skipped|no tests ran).* =+$' "$log" | tail -1 | sed -E 's/^=+ //; s/ =+$//')
echo "e2e: ${summary:-no pytest summary} (exit $status)"
if [ "$status" -eq 5 ]; then
  echo "e2e: pytest collected no tests" >&2
fi
exit "$status"
