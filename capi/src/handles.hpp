// What the opaque C handles hold, and the one way strings leave the library.
#pragma once

#include <string>

#include "yrkesresan/program.hpp"
#include "yrkesresan/yrkesresan.h"

// A loaded program: immutable, shared by any number of threads.
struct yr_program {
    yrkesresan::Program program;
};

namespace yr_capi {

// A malloc'ed copy for a `char **out_json`; yr_string_free releases it.
// Throws std::bad_alloc.
char* to_c_string(const std::string& s);

}  // namespace yr_capi
