#!/usr/bin/env bash
# Runs every libFuzzer target of fuzz/ for YR_FUZZ_SECONDS (default 30) under
# ASan + UBSan, YR_FUZZ_JOBS (default: the cores) at a time, from its seeds,
# its past crashes and what earlier runs found (build/asan/fuzz-runs/). A
# crash fails the run and names the input to turn into a regression test
# (docs/reliability.md). Run by scripts/test.sh; scripts/fuzz-long.sh runs longer.
#   scripts/test-fuzz.sh [TARGET...]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/clang-builds.sh"
"$yr_root/scripts/ensure-deps.sh"
seconds="${YR_FUZZ_SECONDS:-30}"
fuzz_jobs="${YR_FUZZ_JOBS:-$yr_jobs}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${yr_fuzz_targets[@]}")

yr_configure asan
yr_build asan "${targets[@]/#/yr_fuzz_}"

runs="$yr_root/build/asan/fuzz-runs"
run_one() {
  local t="$1" work="$runs/$1"
  local dirs=("$work/corpus" "$yr_root/fuzz/corpus/$t")
  [ -d "$yr_root/fuzz/regressions/$t" ] && dirs+=("$yr_root/fuzz/regressions/$t")
  rm -f "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*
  mkdir -p "$work/corpus"
  # -timeout: an input that takes seconds is a finding too.
  "$yr_root/build/asan/fuzz/yr_fuzz_$t" -max_total_time="$seconds" -timeout=20 -print_final_stats=1 \
    -artifact_prefix="$work/" "${dirs[@]}" >"$work/log" 2>&1
}
export -f run_one
export yr_root runs seconds

status=0
printf '%s\n' "${targets[@]}" | xargs -P "$fuzz_jobs" -I{} bash -c 'run_one {}' || status=$?

printf '%-14s %12s %10s %8s\n' target executions "execs/s" corpus
for t in "${targets[@]}"; do
  log="$runs/$t/log"
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  corpus=$(find "$runs/$t/corpus" -type f | wc -l)
  printf '%-14s %12s %10s %8s\n' "$t" "${execs:-?}" "${speed:-?}" "$corpus"
  for found in "$runs/$t"/crash-* "$runs/$t"/leak-* "$runs/$t"/timeout-* "$runs/$t"/oom-*; do
    [ -e "$found" ] || continue
    status=1
    echo "test-fuzz.sh: $t failed on $found; its report: $log"
    echo "  keep it: mkdir -p fuzz/regressions/$t && cp $found fuzz/regressions/$t/<what-it-is>"
    tail -n 40 "$log"
  done
done
exit $status
