# Sanitizer and fuzzing builds (docs/reliability.md). Included from
# the root CMakeLists.txt before any target, so the flags reach every target
# of the build, C and C++ alike. Clang (Debian's clang and libclang-rt-dev).
#
#   -DYR_SANITIZE=address  ASan + UBSan (LSan with it), every report fatal,
#                          libstdc++'s bounds checks on
#   -DYR_SANITIZE=thread   TSan
#   -DYR_FUZZ=ON           libFuzzer coverage on every target, and fuzz/
#
# scripts/test-sanitizers.sh and scripts/test-fuzz.sh configure these.

set(YR_SANITIZE "" CACHE STRING "Sanitizers for every target: address (ASan+UBSan+LSan) or thread (TSan)")
set_property(CACHE YR_SANITIZE PROPERTY STRINGS "" address thread)
option(YR_FUZZ "Instrument for libFuzzer and build the fuzz targets of fuzz/ (clang)" OFF)

if(YR_SANITIZE OR YR_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang" OR NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "YR_SANITIZE and YR_FUZZ need clang: -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++")
  endif()
endif()

if(YR_SANITIZE STREQUAL "address")
  # -fno-sanitize-recover: a UBSan finding fails the run instead of printing.
  set(_yr_sanitize_flags -fsanitize=address,undefined -fno-sanitize-recover=all)
  # Out-of-bounds operator[] inside a vector's capacity, which ASan cannot see.
  add_compile_definitions(_GLIBCXX_ASSERTIONS)
elseif(YR_SANITIZE STREQUAL "thread")
  set(_yr_sanitize_flags -fsanitize=thread)
elseif(NOT YR_SANITIZE STREQUAL "")
  message(FATAL_ERROR "YR_SANITIZE is 'address', 'thread' or empty, not '${YR_SANITIZE}'")
endif()

if(YR_SANITIZE)
  add_compile_options(${_yr_sanitize_flags} -fno-omit-frame-pointer)
  add_link_options(${_yr_sanitize_flags})
  # A C program linked with the C++ library needs the C++ half of the
  # runtimes (UBSan's vptr check), which clang links only for C++.
  add_link_options($<$<LINK_LANGUAGE:C>:-fsanitize-link-c++-runtime> $<$<LINK_LANGUAGE:C>:-lstdc++>)
endif()

if(YR_FUZZ)
  # Coverage for libFuzzer everywhere; only the fuzz targets link its main
  # (-fsanitize=fuzzer, fuzz/CMakeLists.txt), so the test suites of the same
  # build keep their own main.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# Compile time is the cost of these builds: the library keeps -O1 (where the
# tests spend their time) and libFuzzer's coverage; the programs under tests/
# and fuzz/ are compiled at -O0 with line tables only and no coverage (about
# half the time, still under the sanitizers), and Catch2's main, which holds
# no library code, plain (a sixth of the time). Applied once every directory
# has made its targets.
function(_yr_lighter_test_programs dir)
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(sub ${subdirs})
    _yr_lighter_test_programs(${sub})
  endforeach()
  file(RELATIVE_PATH rel ${PROJECT_SOURCE_DIR} ${dir})
  if(NOT rel MATCHES "^(tests|fuzz)")
    return()
  endif()
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  foreach(t ${targets})
    get_target_property(type ${t} TYPE)
    if(type STREQUAL "EXECUTABLE")
      target_compile_options(${t} PRIVATE -O0 -gline-tables-only $<$<BOOL:${YR_FUZZ}>:-fno-sanitize=fuzzer-no-link>)
    endif()
  endforeach()
  if(EXISTS ${dir}/main.cpp)
    set_source_files_properties(${dir}/main.cpp DIRECTORY ${dir} PROPERTIES COMPILE_OPTIONS "-fno-sanitize=all;-g0")
  endif()
endfunction()
if(YR_SANITIZE OR YR_FUZZ)
  cmake_language(DEFER DIRECTORY ${PROJECT_SOURCE_DIR} CALL _yr_lighter_test_programs ${PROJECT_SOURCE_DIR})
endif()
