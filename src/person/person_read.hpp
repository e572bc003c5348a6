// Reading a person record (docs/contract.md) from its text, two ways.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "yrkesresan/person.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

// A key of the record's "people" (yrkesresan/roles.hpp, named_roles).
inline bool is_named_role(std::string_view key) {
    return std::find(named_roles.begin(), named_roles.end(), key) != named_roles.end();
}

// The strict path (person_parse.cpp): the limited reader's DOM, then every
// field checked; throws Error listing every problem with its JSON Pointer.
PersonRecord read_person_strict(std::string_view text);
// Its second half: every field of a document already read within the limits
// (parse_json, or a binding's DomBuilder, json_dom.hpp).
PersonRecord parse_person(const nlohmann::json& document);

// The common case, a well-formed and valid record, read straight from the
// text without a DOM (person_fast.cpp; the DOM is most of the strict path's
// time). Anything it does not expect (an error of any kind, an escape in a
// string, a number with a fraction, a key twice, a value past a limit) gives
// nullopt, and the strict path reads the record and names the problem. So it
// accepts a subset of what the strict path accepts, and gives the same record
// for it: tests/test_person_input.cpp and the person fuzz target hold it to
// that.
std::optional<PersonRecord> read_person_fast(std::string_view text);

}  // namespace detail
YRKESRESAN_END_NAMESPACE
