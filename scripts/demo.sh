#!/usr/bin/env bash
# The README's main job: evaluates the sample cohort against the built-in GR
# program and prints the report a unit manager reads. Safe to run again.
#   scripts/demo.sh [--as-of YYYY-MM-DD] [--lang sv|en]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/ensure-deps.sh" >&2
cmake --preset default >/dev/null
cmake --build --preset default --target yrkesresan-demo >/dev/null
exec "$root/build/default/examples/yrkesresan-demo" --cohort "$root/examples/cohort.json" "$@"
