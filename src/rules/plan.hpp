// The individual plan (R3's last layer): the program's items with the codes
// the unit manager filled in, minus removed items, plus added ones.
#pragma once

#include <limits>
#include <optional>
#include <string_view>
#include <vector>

#include "program_data.hpp"
#include "yrkesresan/person.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

struct PlanEntry {
    std::int32_t item = -1;   // program item index, or -1 for an added item
    std::int32_t added = -1;  // index into person.plan.added_items
    std::uint32_t checklist = 0;
    std::uint32_t section = 0;
    RoleSet codes;
    std::int32_t planned = std::numeric_limits<std::int32_t>::min();  // the plan's date (a day number), or none
};

struct PersonPlan {
    std::vector<PlanEntry> entries;               // grouped by checklist, in display order
    std::vector<std::uint32_t> checklist_begin;   // entries of checklist c: [begin[c], begin[c+1])
    std::vector<std::int32_t> entry_of_item;      // program item -> entry; -1 if removed

    // The entry for an item id, or nullopt; `removed` is set for a removed program item.
    std::optional<std::uint32_t> find(std::string_view id, const ProgramData& program,
                                      const PersonRecord& person, bool* removed) const;
};

// Throws Error with JSON Pointers into the person record for codes on unknown
// items, unknown removals, duplicate ids and added items in unknown places.
PersonPlan build_plan(const ProgramData& program, const PersonRecord& person);

}  // namespace detail
YRKESRESAN_END_NAMESPACE
