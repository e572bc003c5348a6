#!/usr/bin/env bash
# The C++ and C suites under AddressSanitizer + UndefinedBehaviorSanitizer
# (LeakSanitizer with them), every report fatal, with each fuzz target's
# seeds and past crashes and the allocation-failure test; then the work the
# library splits across threads under ThreadSanitizer. Run by
# scripts/test.sh; safe to run again (docs/reliability.md).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/clang-builds.sh"
"$yr_root/scripts/ensure-deps.sh"
started=$SECONDS

yr_configure asan
yr_build asan
# Not here: the ABI baseline and the symbol list describe the g++ build, and
# the install test builds uninstrumented clients. The C++ suite runs below.
ctest --test-dir "$yr_root/build/asan" --output-on-failure -j"$yr_jobs" -E '^(capi\.(install|abi|symbols)|cpp\.unit)$'
# The C++ suite without its four brute-force checks of algorithms (exhaustive
# search, every bit of a credential, 17 overlays): pure computation that the
# default build runs, and three quarters of the suite's time under ASan.
(cd "$yr_root/build/asan/tests" && ./yr_tests \
  '~Random small cases reach the optimum of exhaustive search over people and over counts' \
  '~Larger cases (N up to 16) reach the optimum of exhaustive search over counts' \
  '~every single-bit change of a signed credential is rejected' \
  '~overlays: 16 on one program*')  # a comma would split the name
asan_done=$SECONDS

yr_configure tsan
yr_build tsan yr_capi_threads yr_parallel
ctest --test-dir "$yr_root/build/tsan" --output-on-failure -R '^(capi\.threads|cpp\.parallel)$'

echo "test-sanitizers.sh: ASan+UBSan $((asan_done - started)) s, TSan $((SECONDS - asan_done)) s (builds included)"
