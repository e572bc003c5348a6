#!/usr/bin/env bash
# Third-party checks of the signed certificates (called by scripts/test.sh
# after CTest; runs alone too, after a build): credentials issued through the
# C++ API, the C ABI (build/default/tests/yr_interop_issue) and Python are
# validated against 1EdTech's official OB 3.0 JSON Schemas and verified by
# Digital Bazaar's JavaScript stack offline (tests/interop/verify.mjs, pinned
# by tests/interop/package-lock.json); the library verifies a credential that
# stack signed. docs/certificates.md says what each check shows.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/ensure-deps.sh" --python >&2
if ! command -v npm >/dev/null; then
  echo "test-interop: installing Debian's nodejs and npm"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
py="$root/.venv/bin/python"
"$py" -m pip install -q --no-build-isolation --no-deps "$root"
# npm ci only when the lock changed since the last install.
stamp="$root/tests/interop/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$root/tests/interop/package-lock.json" -nt "$stamp" ]; then
  ( cd "$root/tests/interop" && npm ci --no-audit --no-fund --silent )
fi
issuer="$root/build/default/tests/yr_interop_issue"
[ -x "$issuer" ] || cmake --build --preset default --target yr_interop_issue

out="$root/build/artifacts/interop"
rm -rf "$out"
mkdir -p "$out"
"$issuer" "$out"
"$py" tests/interop/interop.py issue "$out"
( cd "$root/tests/interop" && node verify.mjs "$out" )
"$py" tests/interop/interop.py library "$out"
"$py" tests/interop/interop.py schema "$out"
echo "test-interop: all third-party checks passed"
