// Reading a person record (CONTRACT) from its text, two ways.
#pragma once

#include <optional>
#include <string_view>

#include "yrkesresan/person.hpp"

namespace yrkesresan::detail {

// The strict path (person_parse.cpp): the limited reader's DOM, then every
// field checked; throws Error listing every problem with its JSON Pointer.
PersonRecord read_person_strict(std::string_view text);

// The common case, a well-formed and valid record, read straight from the
// text without a DOM (person_fast.cpp; the DOM is most of the strict path's
// time). Anything it does not expect (an error of any kind, an escape in a
// string, a number with a fraction, a key twice, a value past a limit) gives
// nullopt, and the strict path reads the record and names the problem. So it
// accepts a subset of what the strict path accepts, and gives the same record
// for it: tests/test_person_input.cpp and the person fuzz target hold it to
// that.
std::optional<PersonRecord> read_person_fast(std::string_view text);

}  // namespace yrkesresan::detail
