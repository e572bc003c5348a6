# The clang builds of the reliability checks (docs/reliability.md), sourced by
# scripts/test-sanitizers.sh, scripts/test-fuzz.sh and scripts/fuzz-long.sh.
#   build/asan  ASan + UBSan (+ LSan), libFuzzer coverage: the C++ and C
#               suites, the fuzz targets, the allocation-failure test
#   build/tsan  TSan: only the library and the tests that start threads
# -O1: half the compile time of -O2 under the sanitizers, and still fast
# enough to fuzz. Only what these checks need is built (no Python, examples
# or benchmarks); clang's own warnings are not made errors here.

yr_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
yr_jobs="${YR_JOBS:-$(nproc)}"

# Every sanitizer report ends the process with a failure.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:abort_on_error=1:strict_string_checks=1:check_initialization_order=1:detect_stack_use_after_return=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}"

# yr_configure asan|tsan: configures build/<name>; quick when nothing changed.
yr_configure() {
  local name="$1" flags
  case "$name" in
    asan) flags=(-DYR_SANITIZE=address -DYR_FUZZ=ON) ;;
    tsan) flags=(-DYR_SANITIZE=thread -DYR_FUZZ=OFF) ;;
    *) echo "yr_configure: asan or tsan, not $name" >&2; return 2 ;;
  esac
  cmake -S "$yr_root" -B "$yr_root/build/$name" -G Ninja \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
    "-DCMAKE_C_FLAGS_DEBUG=-O1 -g" "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g" \
    -DYR_BUILD_PYTHON=OFF -DYR_BUILD_EXAMPLES=OFF -DYR_BUILD_BENCHMARKS=OFF -DYR_WARNINGS_AS_ERRORS=OFF \
    "${flags[@]}" >/dev/null
}

# yr_build NAME [TARGET...]: builds those targets (all without any), niced:
# the machine is shared.
yr_build() {
  local name="$1"; shift
  local targets=()
  for t in "$@"; do targets+=(--target "$t"); done
  nice -n 10 cmake --build "$yr_root/build/$name" -j"$yr_jobs" "${targets[@]}"
}

# The fuzz targets, as fuzz/CMakeLists.txt names them.
yr_fuzz_targets=(program overlay person credential jcs coordination)
