// What the opaque C handles hold, and the one way strings leave the library.
#pragma once

#include <string>

#include "yrkesresan/date.hpp"
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

// A strict ISO 8601 date argument; throws ArgumentError (invalid_date) naming
// the parameter.
yrkesresan::Date read_iso_date(const char* iso, const char* name);

// Checks an options struct's leading version against the newest this
// library knows; throws ArgumentError naming the parameter.
void check_options_version(unsigned int version, unsigned int newest, const char* name);

}  // namespace yr_capi
