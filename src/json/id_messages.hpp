// What a message about an id tells the author of a program or an overlay:
// where an id used twice was first used, and which ids exist where one is
// unknown. Ids are shown only when they may be (json_input.hpp, quoted_id).
#pragma once

#include "yrkesresan/version.hpp"

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "json_input.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

// Optimal string alignment distance (edits and swaps of neighbours), capped at 64.
std::size_t edit_distance(std::string_view a, std::string_view b);

// "; the ids that exist: 'a', 'b', 'c' (of 12)": the few nearest in
// spelling to `wanted` first, then in the order given; "; there are none"
// for an empty list.
std::string existing_ids(std::string_view wanted, const std::vector<std::string_view>& ids, std::size_t shown = 5);

// The path of each id's first use, so that a second use names the first.
class FirstUse {
public:
    // Whether `id` is new here; otherwise reports duplicate_id at `path`:
    // "<what> used twice (first at <path of the first>)".
    bool claim(const std::string& id, const std::string& path, Diagnostics& diag, std::string_view what);

private:
    std::map<std::string, std::string, std::less<>> first_;
};

}  // namespace detail
YRKESRESAN_END_NAMESPACE
