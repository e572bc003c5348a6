#!/usr/bin/env bash
# The Python suites (called by scripts/test.sh after the C++ suites; runs alone
# too): installs the package into .venv, then runs pytest (API, scenarios,
# population, the ctypes client of the C ABI, the notebook), mypy --strict on
# the package and a typed usage file, and stubtest on the compiled module.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/ensure-deps.sh" --python >&2
py="$root/.venv/bin/python"

# pyproject's build-dir keeps this incremental; the build tools come from
# requirements-dev.txt, so no isolated environment is set up each time.
echo "test-python: installing the package into .venv"
"$py" -m pip install -q --no-build-isolation --no-deps "$root"

# The tests import the installed package; the ctypes test finds the C ABI in
# the default CMake build (scripts/test.sh builds it first).
echo "test-python: pytest"
"$py" -m pytest -q -p no:cacheprovider

echo "test-python: mypy"
# Run from a folder without sources so that mypy checks what was installed.
( cd "$root/tests/python" && "$py" -m mypy --strict --no-incremental -p yrkesresan )
( cd "$root" && "$py" -m mypy --strict --no-incremental tests/python/typed_usage.py )
( cd "$root/tests/python" && "$py" -m mypy.stubtest yrkesresan._core --allowlist stubtest-allowlist.txt )
echo "test-python: all Python suites passed"
