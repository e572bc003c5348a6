#!/usr/bin/env bash
# The README's test command: sets up what is missing, builds everything and
# runs every suite (C++, C ABI, Python). Safe to run again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/ensure-deps.sh" --python
cmake --workflow --preset default
# Suites outside CTest (each script sets up what it needs).
for suite in "$root"/scripts/test-*.sh; do
  [ -x "$suite" ] || continue
  echo "test.sh: running $(basename "$suite")"
  "$suite"
done
# The code examples of README.md and docs/ ran in CTest (docs.*) and pytest;
# their counts (tests/docs/examples.py).
"$root/.venv/bin/python" "$root/tests/docs/examples.py" summary
echo "test.sh: all suites passed"
