# The exported dynamic symbols of libyrkesresan_c.so are exactly the
# documented API: the committed list capi/abi/symbols.txt, which must also
# be the set of functions yrkesresan.h declares with YR_API, each of which
# the invalid-input test must call.
#   cmake -DNM=nm -DLIB=libyrkesresan_c.so -DSYMBOLS=capi/abi/symbols.txt
#         -DHEADER=capi/include/yrkesresan/yrkesresan.h
#         -DINVALID_INPUT_TEST=tests/capi/c_invalid_input.c [-DUPDATE=ON]
#         -P check_symbols.cmake
# UPDATE=ON rewrites SYMBOLS from the library (see capi/ABI.md).
cmake_minimum_required(VERSION 3.25)

execute_process(COMMAND ${NM} -D --defined-only ${LIB}
                OUTPUT_VARIABLE nm_out ERROR_VARIABLE nm_err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${NM} failed on ${LIB}: ${nm_err}")
endif()
string(REPLACE "\n" ";" nm_lines "${nm_out}")
set(exported "")
foreach(line IN LISTS nm_lines)
  # "0000000000012340 T yr_evaluate" (versioned names would end in @VERSION)
  if(line MATCHES "^[0-9a-fA-F]* *([A-Za-z]) ([^ ]+)$")
    list(APPEND exported "${CMAKE_MATCH_2}")
  endif()
endforeach()
list(SORT exported)

if(UPDATE)
  list(JOIN exported "\n" text)
  file(WRITE ${SYMBOLS} "${text}\n")
  message(STATUS "wrote ${SYMBOLS}")
  return()
endif()

file(STRINGS ${SYMBOLS} committed REGEX "^[^#]")
list(SORT committed)

file(READ ${HEADER} header)
string(REGEX MATCHALL "YR_API[^;(]*[ *](yr_[a-z0-9_]+)\\(" decls "${header}")
set(declared "")
foreach(d IN LISTS decls)
  string(REGEX REPLACE ".*[ *](yr_[a-z0-9_]+)\\($" "\\1" name "${d}")
  list(APPEND declared ${name})
endforeach()
list(SORT declared)

file(READ ${INVALID_INPUT_TEST} invalid_test)

set(failed FALSE)
macro(compare what a b)
  set(only_a ${${a}})
  list(REMOVE_ITEM only_a ${${b}})
  set(only_b ${${b}})
  list(REMOVE_ITEM only_b ${${a}})
  if(only_a OR only_b)
    set(failed TRUE)
    message(SEND_ERROR "${what}:\n  only in ${a}: ${only_a}\n  only in ${b}: ${only_b}")
  endif()
endmacro()
compare("exported symbols differ from capi/abi/symbols.txt" exported committed)
compare("functions declared YR_API in yrkesresan.h differ from capi/abi/symbols.txt" declared committed)
foreach(name IN LISTS committed)
  if(NOT invalid_test MATCHES "${name}\\(")
    set(failed TRUE)
    message(SEND_ERROR "${name} is never called by ${INVALID_INPUT_TEST}")
  endif()
endforeach()
list(LENGTH committed n)
if(failed)
  message(FATAL_ERROR "capi.symbols: 0 passed, 1 failed (re-baseline deliberately: see capi/ABI.md)")
endif()
message(STATUS "${n} exported symbols, exactly the documented API")
message(STATUS "capi.symbols: 1 passed, 0 failed")
