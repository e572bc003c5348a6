#pragma once

#include <cstddef>
#include <string_view>

namespace yrkesresan::detail {

struct EmbeddedProgram {
    const char* id;
    std::string_view definition;
};

// Generated at build time from data/programs/ (cmake/embed_programs.cmake).
extern const EmbeddedProgram embedded_programs[];
extern const std::size_t embedded_program_count;

}  // namespace yrkesresan::detail
