#!/usr/bin/env bash
# The HTTP service under a bounded load on loopback (wrk, from Debian) beside
# the Python API called directly, in one run (benchmarks/service.py): the
# figures in the README's "Speed". Arguments go to service.py (--seconds,
# --connections). Safe to run again; not part of the test command.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/ensure-deps.sh" --python >&2
if ! command -v wrk >/dev/null; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
"$root/.venv/bin/python" -m pip install -q --no-build-isolation --no-deps "$root"
exec "$root/.venv/bin/python" "$root/benchmarks/service.py" "$@"
