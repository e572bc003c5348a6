# Compares the ABI of the built libyrkesresan_c.so with the committed
# baseline (capi/abi/libyrkesresan_c.abi) using libabigail: any change fails,
# compatible or not, until it is recorded deliberately (capi/ABI.md).
#   cmake -DABIDW=abidw -DABIDIFF=abidiff -DLIB=libyrkesresan_c.so
#         -DHEADERS=capi/include -DSOURCE_DIR=. -DBASELINE=capi/abi/libyrkesresan_c.abi
#         -DOUT=build/.../libyrkesresan_c.abi [-DUPDATE=ON] -P check_abi.cmake
# UPDATE=ON writes the baseline from the library instead of comparing.
cmake_minimum_required(VERSION 3.25)

if(NOT ABIDW OR NOT ABIDIFF)
  message(FATAL_ERROR "abidw/abidiff not found: install the Debian package abigail-tools "
                      "(scripts/ensure-deps.sh does it)")
endif()

# Only the exported functions and the types the public header declares; not
# the DT_NEEDED list (private link dependencies are not the C ABI).
set(abidw_args --headers-dir ${HEADERS} --drop-private-types --exported-interfaces-only
               --no-corpus-path --no-comp-dir-path --no-show-locs --no-elf-needed --type-id-style hash)
if(UPDATE)
  set(OUT ${BASELINE})
endif()
execute_process(COMMAND ${ABIDW} ${abidw_args} --out-file ${OUT} ${LIB}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "abidw failed (${rc}):\n${out}")
endif()
# Translation units are named by absolute path: make them relative to the
# source tree, so the baseline is the same on every checkout.
file(READ ${OUT} abi)
string(REPLACE "path='${SOURCE_DIR}/" "path='" abi "${abi}")
file(WRITE ${OUT} "${abi}")
if(UPDATE)
  message(STATUS "wrote ${BASELINE}")
  return()
endif()

execute_process(COMMAND ${ABIDIFF} --no-default-suppression ${BASELINE} ${OUT}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
# abidiff's status is a bit field: 1 error, 2 usage error, 4 ABI change,
# 8 incompatible ABI change. Every non-zero status fails.
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the ABI of ${LIB} differs from ${BASELINE} (abidiff status ${rc}):\n${out}\n"
                      "If the change is deliberate, record it: see capi/ABI.md.\n"
                      "capi.abi: 0 passed, 1 failed")
endif()
message(STATUS "ABI unchanged against ${BASELINE}")
message(STATUS "capi.abi: 1 passed, 0 failed")
