# Installs the build to a temporary prefix and consumes it as a user would:
# examples/c-client through find_package (shared, and static in its C-only
# project), the same client through pkg-config, and a C++ program through the
# C++ target. The consumers are configured with nlohmann_json and Boost
# disabled: the package must not ask for them, nor its headers include them.
#   cmake -DBUILD_DIR= -DSOURCE_DIR= -DWORK_DIR= -DLIBDIR= -DGENERATOR= -DMAKE_PROGRAM=
#         -DC_COMPILER= -DCXX_COMPILER= -DPKG_CONFIG= -P install_consume.cmake
cmake_minimum_required(VERSION 3.25)

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}\ncapi.install: 0 passed, 1 failed")
  endif()
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

function(expect_in text needle what)
  string(FIND "${text}" "${needle}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${what}: no '${needle}' in:\n${text}\ncapi.install: 0 passed, 1 failed")
  endif()
endfunction()

set(prefix ${WORK_DIR}/prefix)
file(REMOVE_RECURSE ${WORK_DIR})
# The two install components, as a packager would split them.
run("cmake --install (runtime)" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix} --component runtime)
file(GLOB_RECURSE runtime_files RELATIVE ${prefix} ${prefix}/*)
if(NOT runtime_files STREQUAL "${LIBDIR}/libyrkesresan_c.so.1")
  message(FATAL_ERROR "the runtime component is not just the shared library: ${runtime_files}\n"
                      "capi.install: 0 passed, 1 failed")
endif()
run("cmake --install (development)" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix}
    --component development)

foreach(f include/yrkesresan/yrkesresan.h include/yrkesresan/yrkesresan.hpp
          ${LIBDIR}/libyrkesresan_c.so.1 ${LIBDIR}/libyrkesresan_c.so ${LIBDIR}/libyrkesresan_c.a
          ${LIBDIR}/libyrkesresan.a ${LIBDIR}/cmake/yrkesresan/yrkesresanConfig.cmake
          ${LIBDIR}/cmake/yrkesresan/yrkesresanConfigVersion.cmake ${LIBDIR}/pkgconfig/yrkesresan_c.pc)
  if(NOT EXISTS ${prefix}/${f})
    message(FATAL_ERROR "not installed: ${f}\ncapi.install: 0 passed, 1 failed")
  endif()
endforeach()

set(person ${SOURCE_DIR}/examples/c-client/person.json)
set(configure_args -G ${GENERATOR} -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=${prefix}
                   -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_C_COMPILER=${C_COMPILER}
                   -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
                   -DCMAKE_DISABLE_FIND_PACKAGE_nlohmann_json=ON -DCMAKE_DISABLE_FIND_PACKAGE_Boost=ON
                   --no-warn-unused-cli)

# examples/c-client, linked to the shared and to the static C library.
foreach(kind shared static)
  set(build ${WORK_DIR}/c-client-${kind})
  set(static OFF)
  if(kind STREQUAL "static")
    set(static ON)
  endif()
  run("configuring examples/c-client (${kind})" ${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/c-client -B ${build}
      ${configure_args} -DYR_CLIENT_STATIC=${static})
  file(STRINGS ${build}/CMakeCache.txt found REGEX "^yrkesresan_DIR:")
  expect_in("${found}" "${prefix}/" "the client must find the installed package")
  # A C project: the static library brings the C++ runtime itself.
  file(GLOB cxx ${build}/CMakeFiles/*/CMakeCXXCompiler.cmake)
  if(cxx)
    message(FATAL_ERROR "examples/c-client enabled C++: ${cxx}\ncapi.install: 0 passed, 1 failed")
  endif()
  run("building examples/c-client (${kind})" ${CMAKE_COMMAND} --build ${build})
  run("running yr-c-client (${kind})" ${build}/yr-c-client --as-of 2026-05-12 --lang en ${person})
  expect_in("${run_output}" "\"person\":\"p-1042\"" "yr-c-client (${kind})")
  expect_in("${run_output}" "\"language\":\"en\"" "yr-c-client (${kind})")
  set(output_${kind} "${run_output}")
endforeach()
if(NOT output_shared STREQUAL output_static)
  message(FATAL_ERROR "the shared and the static library disagree\ncapi.install: 0 passed, 1 failed")
endif()

# The shared build runs against the installed libyrkesresan_c.so.1.
run("ldd" ldd ${WORK_DIR}/c-client-shared/yr-c-client)
expect_in("${run_output}" "${prefix}/${LIBDIR}/libyrkesresan_c.so.1" "yr-c-client's libyrkesresan_c")

# Without CMake: pkg-config.
set(ENV{PKG_CONFIG_PATH} ${prefix}/${LIBDIR}/pkgconfig)
run("pkg-config" ${PKG_CONFIG} --cflags --libs yrkesresan_c)
string(STRIP "${run_output}" flags)
separate_arguments(flags UNIX_COMMAND "${flags}")
run("compiling with pkg-config flags" ${C_COMPILER} -std=c99 -Wall -Werror ${SOURCE_DIR}/examples/c-client/main.c
    ${flags} -Wl,-rpath,${prefix}/${LIBDIR} -o ${WORK_DIR}/yr-c-client-pc)
run("running the pkg-config build" ${WORK_DIR}/yr-c-client-pc --as-of 2026-05-12 --lang en ${person})
if(NOT run_output STREQUAL output_shared)
  message(FATAL_ERROR "the pkg-config build disagrees\ncapi.install: 0 passed, 1 failed")
endif()

# The C++ target, with its dependencies found by the package config.
set(build ${WORK_DIR}/cxx-consumer)
run("configuring the C++ consumer" ${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/capi/consumer-cxx -B ${build}
    ${configure_args})
run("building the C++ consumer" ${CMAKE_COMMAND} --build ${build})
run("running the C++ consumer" ${build}/yr-cxx-consumer)
expect_in("${run_output}" "gr-barn-unga" "the C++ consumer")
expect_in("${run_output}" "did:key:z6Mk" "the C++ consumer (libsodium through the package)")
# The headers the consumer compiled, as the compiler reported them: the
# installed ones, none of nlohmann_json or Boost.
if(GENERATOR STREQUAL "Ninja")
  run("listing the C++ consumer's headers" ${MAKE_PROGRAM} -C ${build} -t deps)
  expect_in("${run_output}" "${prefix}/include/yrkesresan/yrkesresan.hpp" "the C++ consumer's headers")
  string(REGEX MATCH "[^\n]*(nlohmann|boost)/[^\n]*" private_header "${run_output}")
  if(private_header)
    message(FATAL_ERROR "a public header includes a private dependency: ${private_header}\n"
                        "capi.install: 0 passed, 1 failed")
  endif()
endif()

message(STATUS "installed to ${prefix}; consumed through find_package (C shared, C static, C++) and pkg-config")
message(STATUS "capi.install: 1 passed, 0 failed")
