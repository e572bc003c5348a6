// What the opaque C handles hold, and the one way strings leave the library.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "yrkesresan/credential.hpp"
#include "yrkesresan/date.hpp"
#include "yrkesresan/program.hpp"
#include "yrkesresan/yrkesresan.h"

// A loaded program: immutable, shared by any number of threads.
struct yr_program {
    yrkesresan::Program program;
};

// A signing key; its public forms are kept for the borrowed getters.
struct yr_signing_key {
    yrkesresan::SigningKey key;
    std::string public_multibase, verification_method;
};

namespace yr_capi {

yr_signing_key* new_key(yrkesresan::SigningKey key);

// The built-in programs as yr_program_list gives them (built once).
const std::string& builtin_list();
// The vocabularies as yr_vocabularies gives them (built once).
const std::string& vocabulary_list();

// The overlay texts of a load call, every pointer checked before any work (a
// NULL is reported as such); sizes NULL: NUL-terminated texts.
std::vector<std::string_view> read_overlays(const char* const* overlays, const std::size_t* sizes, std::size_t count);
// Applies overlays in order; a problem names the overlay it is in.
yrkesresan::Program with_overlays(yrkesresan::Program program, const std::vector<std::string_view>& overlays);
yr_program* new_handle(yrkesresan::Program program);

// A strict ISO 8601 date argument; throws ArgumentError (invalid_date) naming
// the parameter.
yrkesresan::Date read_iso_date(const char* iso, const char* name);

// Checks an options struct's leading version against the newest this
// library knows; throws ArgumentError naming the parameter.
void check_options_version(unsigned int version, unsigned int newest, const char* name);

}  // namespace yr_capi
