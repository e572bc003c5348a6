#!/usr/bin/env bash
# The README's benchmark command: builds the library and the Google Benchmark
# harness, installs the Python package into .venv, then runs
# benchmarks/run.py, which prints every face side by side on the same
# generated data with the goals' ratios. Arguments go to run.py
# (e.g. --sizes 1000,10000 for a quick run). Safe to run again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/ensure-deps.sh" --python >&2
cmake --preset default >/dev/null
cmake --build --preset default --target yr-bench-evaluate
"$root/.venv/bin/python" -m pip install -q --no-build-isolation --no-deps "$root"
# Benchmark-only: the OpenFisca model of benchmarks/openfisca_model.py.
"$root/.venv/bin/python" -m pip install -q "openfisca-core==46.0.1"
exec "$root/.venv/bin/python" "$root/benchmarks/run.py" --bench-binary "$root/build/default/benchmarks/yr-bench-evaluate" "$@"
