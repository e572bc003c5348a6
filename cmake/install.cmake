# Install rules, the CMake package config and the pkg-config file.
#   find_package(yrkesresan CONFIG)                  yrkesresan::yrkesresan (C++) and the C targets
#   find_package(yrkesresan CONFIG COMPONENTS c)     only the C targets
#   pkg-config --cflags --libs yrkesresan_c          the shared C library
# Neither needs nlohmann_json or Boost where the package is used.
# Included from the root CMakeLists.txt. Install components: "runtime" (the
# shared C library alone) and "development" (everything else), so packagers
# can split them; the Python wheel installs neither (its component is "python").
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(YR_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/yrkesresan)

# What the static libraries need at link time besides themselves, found on
# the consumer's machine by the package config (hints: where this build found
# them): libsodium and zlib; and, for a program the C compiler links, the C++
# runtime, which is what the C++ compiler links that the C compiler does not
# (stdc++ and m with GCC's libstdc++, c++ with libc++).
set(YR_CXX_RUNTIME ${CMAKE_CXX_IMPLICIT_LINK_LIBRARIES})
if(CMAKE_C_IMPLICIT_LINK_LIBRARIES)
  list(REMOVE_ITEM YR_CXX_RUNTIME ${CMAKE_C_IMPLICIT_LINK_LIBRARIES})
endif()
list(REMOVE_DUPLICATES YR_CXX_RUNTIME)
set(YR_SODIUM_HINTS ${SODIUM_LIBRARY_DIRS})
set(YR_ZLIB_HINTS "")
foreach(_yr_lib IN LISTS ZLIB_LIBRARIES)
  if(IS_ABSOLUTE "${_yr_lib}")
    get_filename_component(_yr_dir "${_yr_lib}" DIRECTORY)
    list(APPEND YR_ZLIB_HINTS ${_yr_dir})
  endif()
endforeach()

# The C++ library and its headers.
install(TARGETS yrkesresan EXPORT yrkesresan-cxx-targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/yrkesresan
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT development
        FILES_MATCHING PATTERN "*.hpp")
# The generated version headers: version.hpp (C++), yrkesresan_version.h (C).
install(FILES ${YR_GENERATED_INCLUDE}/yrkesresan/version.hpp ${YR_GENERATED_INCLUDE}/yrkesresan/yrkesresan_version.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/yrkesresan COMPONENT development)
install(EXPORT yrkesresan-cxx-targets
        NAMESPACE yrkesresan::
        FILE yrkesresan-cxx-targets.cmake
        DESTINATION ${YR_CMAKE_DIR} COMPONENT development)

# The C ABI: shared and static library, one header.
if(TARGET yrkesresan_c)
  install(TARGETS yrkesresan_c yrkesresan_c_static EXPORT yrkesresan-c-targets
          LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime
                  NAMELINK_COMPONENT development  # the libyrkesresan_c.so symlink
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
          RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
  install(FILES ${PROJECT_SOURCE_DIR}/capi/include/yrkesresan/yrkesresan.h
          DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/yrkesresan COMPONENT development)
  install(EXPORT yrkesresan-c-targets
          NAMESPACE yrkesresan::
          FILE yrkesresan-c-targets.cmake
          DESTINATION ${YR_CMAKE_DIR} COMPONENT development)

  # pkg-config: paths relative to the .pc file, so the prefix can move.
  file(RELATIVE_PATH YR_PC_TO_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
  string(REGEX REPLACE "/$" "" YR_PC_TO_PREFIX "${YR_PC_TO_PREFIX}")
  set(YR_PC_PREFIX "\${pcfiledir}/${YR_PC_TO_PREFIX}")
  if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
    set(YR_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  endif()
  # What a static link needs besides the C++ runtime: libsodium and zlib when
  # the core links them (the root CMakeLists.txt, certificates that travel).
  list(TRANSFORM YR_CXX_RUNTIME PREPEND "-l" OUTPUT_VARIABLE YR_PC_LIBS_PRIVATE)
  string(JOIN " " YR_PC_LIBS_PRIVATE ${YR_PC_LIBS_PRIVATE})
  if(TARGET PkgConfig::SODIUM)
    string(APPEND YR_PC_LIBS_PRIVATE " -lsodium")
  endif()
  if(TARGET ZLIB::ZLIB)
    string(APPEND YR_PC_LIBS_PRIVATE " -lz")  # status lists (revocation)
  endif()
  file(CONFIGURE OUTPUT ${PROJECT_BINARY_DIR}/yrkesresan_c.pc @ONLY CONTENT [[
prefix=@YR_PC_PREFIX@
libdir=${prefix}/@CMAKE_INSTALL_LIBDIR@
includedir=${prefix}/@CMAKE_INSTALL_INCLUDEDIR@

Name: yrkesresan_c
Description: @PROJECT_DESCRIPTION@ (stable C ABI)
Version: @PROJECT_VERSION@
Cflags: -I${includedir}
Libs: -L${libdir} -lyrkesresan_c
Libs.private: @YR_PC_LIBS_PRIVATE@
]])
  install(FILES ${PROJECT_BINARY_DIR}/yrkesresan_c.pc
          DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT development)
endif()

# The package config: nothing but the installed files and, for the static
# libraries, the three above; nlohmann_json and Boost are private to the build.
file(WRITE ${PROJECT_BINARY_DIR}/yrkesresanConfig.cmake.in [==[
# find_package(yrkesresan CONFIG [COMPONENTS c cxx])
#   yrkesresan::yrkesresan          the C++ library, static (component cxx)
#   yrkesresan::yrkesresan_c        the C ABI, shared (component c)
#   yrkesresan::yrkesresan_c_static the C ABI, static (component c)
# Without COMPONENTS both are loaded. Neither needs nlohmann_json or Boost.
# The static libraries bring libsodium and zlib to the link (found here, by
# name, where this package was built or on the default paths), and, in a
# program linked by the C compiler, the C++ runtime.
@PACKAGE_INIT@

set(_yr_components ${${CMAKE_FIND_PACKAGE_NAME}_FIND_COMPONENTS})
if(NOT _yr_components)
  set(_yr_components c cxx)
endif()

foreach(_yr_component IN LISTS _yr_components)
  if(NOT _yr_component MATCHES "^(c|cxx)$")
    set(${CMAKE_FIND_PACKAGE_NAME}_FOUND FALSE)
    set(${CMAKE_FIND_PACKAGE_NAME}_NOT_FOUND_MESSAGE "unknown component '${_yr_component}' (known: c, cxx)")
    return()
  endif()
endforeach()

# A library that is not found is left to the linker by name (-lsodium), so a
# program that links only the shared C library configures without it.
foreach(_yr_dep sodium zlib)
  if(NOT TARGET yrkesresan::${_yr_dep})
    if(_yr_dep STREQUAL "sodium")
      set(_yr_hints "@YR_SODIUM_HINTS@")
      find_library(yrkesresan_SODIUM_LIBRARY NAMES sodium HINTS ${_yr_hints})
      set(_yr_found ${yrkesresan_SODIUM_LIBRARY})
      set(_yr_name sodium)
    else()
      set(_yr_hints "@YR_ZLIB_HINTS@")
      find_library(yrkesresan_ZLIB_LIBRARY NAMES z zlib HINTS ${_yr_hints})
      set(_yr_found ${yrkesresan_ZLIB_LIBRARY})
      set(_yr_name z)
    endif()
    if(NOT _yr_found)
      set(_yr_found ${_yr_name})
    endif()
    add_library(yrkesresan::${_yr_dep} INTERFACE IMPORTED)
    set_target_properties(yrkesresan::${_yr_dep} PROPERTIES INTERFACE_LINK_LIBRARIES "${_yr_found}")
  endif()
endforeach()
if(NOT TARGET yrkesresan::cxx_runtime)
  # Only where the C compiler links: the C++ compiler adds its runtime itself.
  add_library(yrkesresan::cxx_runtime INTERFACE IMPORTED)
  foreach(_yr_lib @YR_CXX_RUNTIME@)
    if(CMAKE_VERSION VERSION_LESS 3.18)  # no $<LINK_LANGUAGE>: always, harmless where C++ links
      set_property(TARGET yrkesresan::cxx_runtime APPEND PROPERTY INTERFACE_LINK_LIBRARIES ${_yr_lib})
    else()
      set_property(TARGET yrkesresan::cxx_runtime APPEND PROPERTY
                   INTERFACE_LINK_LIBRARIES "$<$<LINK_LANGUAGE:C>:${_yr_lib}>")
    endif()
  endforeach()
endif()

if("cxx" IN_LIST _yr_components)
  include(${CMAKE_CURRENT_LIST_DIR}/yrkesresan-cxx-targets.cmake)
  set(${CMAKE_FIND_PACKAGE_NAME}_cxx_FOUND TRUE)
endif()

if("c" IN_LIST _yr_components)
  if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/yrkesresan-c-targets.cmake)
    include(${CMAKE_CURRENT_LIST_DIR}/yrkesresan-c-targets.cmake)
    set(${CMAKE_FIND_PACKAGE_NAME}_c_FOUND TRUE)
  else()
    set(${CMAKE_FIND_PACKAGE_NAME}_c_FOUND FALSE)  # built with YR_BUILD_CAPI=OFF
  endif()
endif()

unset(_yr_dep)
unset(_yr_hints)
unset(_yr_found)
unset(_yr_name)
unset(_yr_lib)
unset(_yr_component)
unset(_yr_components)
check_required_components(${CMAKE_FIND_PACKAGE_NAME})
]==])
configure_package_config_file(
  ${PROJECT_BINARY_DIR}/yrkesresanConfig.cmake.in
  ${PROJECT_BINARY_DIR}/yrkesresanConfig.cmake
  INSTALL_DESTINATION ${YR_CMAKE_DIR})
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/yrkesresanConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/yrkesresanConfig.cmake ${PROJECT_BINARY_DIR}/yrkesresanConfigVersion.cmake
        DESTINATION ${YR_CMAKE_DIR} COMPONENT development)
