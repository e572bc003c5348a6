// Internal: the two steps of plan_annual_groups, for coordinate() to check
// every request entry before it evaluates anyone.
#pragma once

#include <cstdint>
#include <vector>

#include "yrkesresan/coordination.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

struct ResolvedAnnualGroups {
    std::uint32_t component = 0;
    int year = 0;
    GroupSpec spec;
    bool size_from_request = false;
};

// The component, year and group size of a request entry, checked against the
// program; throws Error with paths relative to the entry ("/group").
ResolvedAnnualGroups resolve_annual_groups(const Program& program, const AnnualGroupRequest& request);

// The plan over persons whose ids are unique.
AnnualGroupPlan annual_groups_of(const Program& program, const std::vector<PersonRecord>& persons,
                                 const ResolvedAnnualGroups& resolved);

}  // namespace detail
YRKESRESAN_END_NAMESPACE
