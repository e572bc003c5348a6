#pragma once

#include "yrkesresan/version.hpp"

#include <cstddef>
#include <string_view>

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

struct EmbeddedProgram {
    const char* id;
    std::string_view definition;
};

// Generated at build time from data/programs/ (cmake/embed_programs.cmake).
extern const EmbeddedProgram embedded_programs[];
extern const std::size_t embedded_program_count;

}  // namespace detail
YRKESRESAN_END_NAMESPACE
