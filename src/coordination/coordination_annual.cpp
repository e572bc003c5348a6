// R7: the groups of an annual activity in one calendar year. Uppsala's
// yrkeshandledning and workshops are for all employees ("Rekommendationer för
// samtliga medarbetare", seed 000) and "Grupperna mixas om möjligt över
// kommungränserna"; the seed sets no group size, so the program may leave it
// to the coordinator. The groups themselves are formed by
// form_supervision_groups (docs/coordination.md): the most people placed,
// then the fewest pairs from one municipality, which is no pair at all
// whenever the numbers allow.
#include <algorithm>
#include <numeric>

#include "coordination_annual.hpp"
#include "yrkesresan/components.hpp"
#include "yrkesresan/error.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

ResolvedAnnualGroups resolve_annual_groups(const Program& program, const AnnualGroupRequest& request) {
    ResolvedAnnualGroups out;
    const auto ci = program.find_component(request.component);
    if (!ci) throw Error(ErrorCode::unknown_reference, "/component", "no component with this id in the program");
    const Component& component = program.components()[*ci];
    const AnnualActivity* annual = component.as<AnnualActivity>();
    if (!annual)
        throw Error(ErrorCode::invalid_value, "/component",
                    component.kind() == ComponentKind::supervision
                        ? "a supervision, not an annual activity: its groups are planned in the report's supervision"
                        : "not an annual activity of the program");
    out.component = *ci;
    if (!request.year) throw Error(ErrorCode::missing_field, "/year", "the calendar year to form the groups for");
    if (*request.year < 1 || *request.year > 9999)
        throw Error(ErrorCode::invalid_value, "/year", "a calendar year from 1 to 9999");
    out.year = *request.year;

    const bool requested = request.min_size || request.max_size;
    if (requested && !request.min_size)
        throw Error(ErrorCode::missing_field, "/group/min", "a group size has both min and max");
    if (requested && !request.max_size)
        throw Error(ErrorCode::missing_field, "/group/max", "a group size has both min and max");
    const GroupRule& group = annual->group;
    const bool program_sized = group.min >= 1 && group.max >= group.min;
    if (program_sized) {
        // The program's size is a rule of the program (cited from its source):
        // a request may repeat it, not change it.
        if (requested && (*request.min_size != group.min || *request.max_size != group.max))
            throw Error(ErrorCode::invalid_value, "/group",
                        "the program sets this activity's group size (" + std::to_string(group.min) + "-" +
                            std::to_string(group.max) + "); a request gives a size only where the program sets none");
        out.spec = {group.min, group.max, group.mix_municipalities};
        return out;
    }
    if (!requested)
        throw Error(ErrorCode::missing_field, "/group",
                    "the program sets no group size for this activity: the request gives group.min and group.max");
    if (*request.min_size < 1 || *request.min_size > 1000)
        throw Error(ErrorCode::invalid_value, "/group/min", "a group size from 1 to 1000");
    if (*request.max_size < *request.min_size || *request.max_size > 1000)
        throw Error(ErrorCode::invalid_value, "/group/max", "max is below min (or above 1000)");
    out.spec = {*request.min_size, *request.max_size, group.mix_municipalities};
    out.size_from_request = true;
    return out;
}

AnnualGroupPlan annual_groups_of(const Program& program, const std::vector<PersonRecord>& persons,
                                 const ResolvedAnnualGroups& r) {
    AnnualGroupPlan plan;
    plan.component = program.components()[r.component].id;
    plan.year = r.year;
    plan.spec = r.spec;
    plan.size_from_request = r.size_from_request;
    const Date first = Date::from_ymd(r.year, 1, 1), last = Date::from_ymd(r.year, 12, 31);
    for (std::size_t i = 0; i < persons.size(); ++i)
        if (persons[i].employment_start <= last) plan.candidates.push_back(i);
    std::sort(plan.candidates.begin(), plan.candidates.end(),
              [&](std::size_t a, std::size_t b) { return persons[a].id < persons[b].id; });
    std::vector<GroupingCandidate> candidates;
    candidates.reserve(plan.candidates.size());
    for (std::size_t i : plan.candidates) {
        const Date start = persons[i].employment_start;
        if (first < start) plan.joining.push_back({i, start});
        // Placed first when not everyone can be: employed from the year's
        // first day, then the earliest to join.
        candidates.push_back({persons[i].id, persons[i].municipality, std::max(first, start)});
    }
    plan.grouping = form_supervision_groups(candidates, plan.spec);
    return plan;
}

}  // namespace detail

AnnualGroupPlan plan_annual_groups(const Program& program, const std::vector<PersonRecord>& persons,
                                   const AnnualGroupRequest& request) {
    const auto resolved = detail::resolve_annual_groups(program, request);
    std::vector<std::size_t> by_id(persons.size());
    std::iota(by_id.begin(), by_id.end(), std::size_t{0});
    std::stable_sort(by_id.begin(), by_id.end(),
                     [&](std::size_t a, std::size_t b) { return persons[a].id < persons[b].id; });
    for (std::size_t i = 1; i < by_id.size(); ++i)
        if (persons[by_id[i]].id == persons[by_id[i - 1]].id)
            throw Error(ErrorCode::duplicate_id, "/persons/" + std::to_string(by_id[i]) + "/id",
                        "the id is given to another person");
    return detail::annual_groups_of(program, persons, resolved);
}

YRKESRESAN_END_NAMESPACE
