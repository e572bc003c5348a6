// Where a JSON Pointer's value is in a document's text, so that a problem
// found on the parsed document can name its line and column as an editor
// shows them (json_input.hpp, position_of).
#pragma once

#include "yrkesresan/version.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

#include "json_input.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

// The byte offset of what `pointer` names in well-formed JSON `text`: a
// member's key (where an author looks for it), an array element's first
// character, 0 for "". The innermost existing value when the pointer goes
// further than the document (a missing field is reported at its object),
// nullopt when `text` is not JSON this reader can walk.
std::optional<std::size_t> locate_pointer(std::string_view text, std::string_view pointer);

// position_of(locate_pointer(...)); nullopt when it cannot be located.
std::optional<TextPosition> pointer_position(std::string_view text, std::string_view pointer);

}  // namespace detail
YRKESRESAN_END_NAMESPACE
