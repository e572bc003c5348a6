#!/usr/bin/env bash
# The fuzz targets for longer than the test command does (docs/reliability.md):
#   scripts/fuzz-long.sh                      every target, 1 hour each
#   YR_FUZZ_SECONDS=600 scripts/fuzz-long.sh person credential
#   scripts/fuzz-long.sh --merge [TARGET...]  then also merge what was found
#                                             into the seeds of fuzz/corpus/
# Runs YR_FUZZ_JOBS targets at a time (default: the cores).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/clang-builds.sh"
merge=0
if [ "${1:-}" = "--merge" ]; then merge=1; shift; fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${yr_fuzz_targets[@]}")

YR_FUZZ_SECONDS="${YR_FUZZ_SECONDS:-3600}" "$yr_root/scripts/test-fuzz.sh" "${targets[@]}"

if [ $merge -eq 1 ]; then
  # Only the inputs that add coverage join the committed seeds.
  for t in "${targets[@]}"; do
    "$yr_root/build/asan/fuzz/yr_fuzz_$t" -merge=1 "$yr_root/fuzz/corpus/$t" \
      "$yr_root/build/asan/fuzz-runs/$t/corpus" 2>&1 | tail -n 1
  done
  echo "fuzz-long.sh: review and commit fuzz/corpus/"
fi
