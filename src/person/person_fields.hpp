// The person record's fields as the fast reader reads them (person_read.hpp):
// a valid record only, giving up (GiveUp) on anything else, so that the
// strict path reads the record and names the problem. Written once over any
// source `In` that hands out a document's values in order:
//   in.object(f)      calls f(key) for each member; the member's value is read next
//   in.array(f)       calls f() for each item
//   in.string_view()  a string (valid UTF-8, within the string limit); string() a copy
//   in.id()           a string that is not empty
//   in.date()         a date ("YYYY-MM-DD", or a date of the source's own kind)
//   in.integer(max)   a plain integer in [0, max]
// each counting the document's values and giving up past a limit. JSON text
// (person_fast.cpp) and a Python dict (python/src/person_input.cpp) are two.
#pragma once

#include "yrkesresan/version.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "json_input.hpp"
#include "person_read.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail::fast_person {

// Anything the fast reader does not expect: the strict path reads the record.
struct GiveUp {};

// The fields of each object of the record, as the strict path defines them.
inline constexpr std::string_view person_fields[] = {"id", "municipality", "unit", "employment_start", "hired_on",
                                              "profession_start", "prior_experience_months", "leaves",
                                              "people", "plan", "events", "mentor"};
inline constexpr std::string_view leave_fields[] = {"from", "to", "kind"};
inline constexpr std::string_view plan_fields[] = {"assignments", "added_items", "removed_items", "planned"};
inline constexpr std::string_view added_item_fields[] = {"id", "checklist", "section", "label", "comment", "responsible",
                                                  "planned"};
// Every field any event type has; event() checks which its type takes.
inline constexpr std::string_view event_fields[] = {"type", "item", "module", "component", "date", "round", "certificate"};
inline constexpr std::string_view mentor_fields[] = {"id", "municipality", "profession_start", "prior_experience_months"};

// Each of an object's fields at most once, and no other.
class Members {
public:
    template <std::size_t N>
    explicit Members(const std::string_view (&fields)[N]) : fields_(fields), count_(N) {}
    // The index of `key` among the fields.
    std::size_t take(std::string_view key) {
        for (std::size_t i = 0; i < count_; ++i) {
            if (fields_[i] != key) continue;
            if (has(i)) throw GiveUp{};
            seen_ |= 1u << i;
            return i;
        }
        throw GiveUp{};
    }
    bool has(std::size_t i) const { return (seen_ >> i) & 1u; }

private:
    const std::string_view* fields_;
    std::size_t count_;
    std::uint32_t seen_ = 0;
};

// read_codes of person_parse.cpp, for valid codes only.
template <class In>
RoleSet codes(In& in) {
    RoleSet set;
    in.array([&] {
        const auto role = parse_role(in.string_view());
        if (!role) throw GiveUp{};
        set.add(*role);
    });
    if (set.has(Role::EJ) && !set.waived()) throw GiveUp{};
    return set;
}

template <class In>
Leave leave(In& in) {
    Leave l{Date::from_day_number(0), Date::from_day_number(0)};
    Members m(leave_fields);
    in.object([&](std::string_view key) {
        switch (m.take(key)) {
            case 0: l.from = in.date(); break;
            case 1: l.to = in.date(); break;
            default:
                const auto kind = parse_leave_kind(in.string_view());
                if (!kind) throw GiveUp{};
                l.kind = *kind;
        }
    });
    if (!m.has(0) || !m.has(1) || l.to < l.from) throw GiveUp{};
    return l;
}

template <class In>
PlanItem added_item(In& in) {
    PlanItem item;
    Members m(added_item_fields);
    in.object([&](std::string_view key) {
        switch (m.take(key)) {
            case 0:
                item.id = in.id();
                if (!is_valid_id(item.id)) throw GiveUp{};
                break;
            case 1: item.checklist = in.id(); break;
            case 2: item.section = in.id(); break;
            case 3:
                item.label = in.string();
                if (item.label.empty()) throw GiveUp{};
                break;
            case 4: item.comment = in.string(); break;
            case 5: item.responsible = codes(in); break;
            default: item.planned = in.date();
        }
    });
    if (!m.has(0) || !m.has(1) || !m.has(3)) throw GiveUp{};
    return item;
}

template <class In>
void plan(In& in, Plan& plan) {
    Members m(plan_fields);
    in.object([&](std::string_view key) {
        switch (m.take(key)) {
            case 0:
                in.object([&](std::string_view item) {
                    if (!is_valid_id(item)) throw GiveUp{};
                    plan.assignments.emplace_back(std::string(item), codes(in));
                });
                // In key order, as the strict path reads them (and no key twice).
                std::sort(plan.assignments.begin(), plan.assignments.end(),
                          [](const auto& a, const auto& b) { return a.first < b.first; });
                for (std::size_t i = 1; i < plan.assignments.size(); ++i)
                    if (plan.assignments[i - 1].first == plan.assignments[i].first) throw GiveUp{};
                break;
            case 1: in.array([&] { plan.added_items.push_back(added_item(in)); }); break;
            case 2: in.array([&] { plan.removed_items.push_back(in.id()); }); break;
            default:
                in.object([&](std::string_view item) {
                    if (!is_valid_id(item)) throw GiveUp{};
                    plan.planned.emplace_back(std::string(item), in.date());
                });
                std::sort(plan.planned.begin(), plan.planned.end(),
                          [](const auto& a, const auto& b) { return a.first < b.first; });
                for (std::size_t i = 1; i < plan.planned.size(); ++i)
                    if (plan.planned[i - 1].first == plan.planned[i].first) throw GiveUp{};
        }
    });
}

template <class In>
Event event(In& in) {
    // The type decides which fields the event has, and it may come last:
    // the other members are kept until the end.
    Event ev;
    std::string_view type, item, module, component, round, certificate;
    bool has_date = false;
    Members m(event_fields);
    in.object([&](std::string_view key) {
        switch (m.take(key)) {
            case 0: type = in.string_view(); break;
            case 1: item = in.string_view(); break;
            case 2: module = in.string_view(); break;
            case 3: component = in.string_view(); break;
            case 4:
                ev.date = in.date();
                has_date = true;
                break;
            case 5: round = in.string_view(); break;
            default: certificate = in.string_view();
        }
    });
    // Which of item (1), module (2), component (3), round (5), certificate
    // (6) the type takes; the reference is required and not empty.
    std::size_t ref = 0, extra = 0;
    const auto parsed = parse_event_type(type);
    if (!parsed) throw GiveUp{};
    ev.type = *parsed;
    switch (ev.type) {
        case EventType::item_done: ref = 1; break;
        case EventType::module_attended: ref = 2, extra = 5; break;
        case EventType::homework_submitted: ref = 2; break;
        case EventType::session_attended: ref = 3; break;
        case EventType::certificate_issued: ref = 3, extra = 6; break;
    }
    for (std::size_t field : {1, 2, 3, 5, 6})
        if (m.has(field) && field != ref && field != extra) throw GiveUp{};
    const std::string_view reference = ref == 1 ? item : ref == 2 ? module : component;
    if (!has_date || !is_valid_id(reference)) throw GiveUp{};
    ev.ref = std::string(reference);
    ev.round = std::string(extra == 5 ? round : extra == 6 ? certificate : std::string_view());
    return ev;
}

template <class In>
MentorProfile mentor(In& in) {
    MentorProfile mp;
    Members m(mentor_fields);
    in.object([&](std::string_view key) {
        switch (m.take(key)) {
            case 0: mp.id = in.id(); break;
            case 1: mp.municipality = in.id(); break;
            case 2: mp.profession_start = in.date(); break;
            default: mp.prior_experience_months = in.integer(600);
        }
    });
    if (!m.has(0) || !m.has(1) || !m.has(2)) throw GiveUp{};
    return mp;
}

// The record, from the source's first value; the caller checks that nothing
// follows it.
template <class In>
PersonRecord record(In& in) {
    PersonRecord p;
    Members m(person_fields);
    in.object([&](std::string_view key) {
        switch (m.take(key)) {
            case 0: p.id = in.id(); break;
            case 1: p.municipality = in.id(); break;
            case 2: p.unit = in.string(); break;
            case 3: p.employment_start = in.date(); break;
            case 4: p.hired_on = in.date(); break;
            case 5: p.profession_start = in.date(); break;
            case 6: p.prior_experience_months = in.integer(600); break;
            case 7: in.array([&] { p.leaves.push_back(leave(in)); }); break;
            case 8:
                in.object([&](std::string_view role) {
                    if (!is_named_role(role)) throw GiveUp{};
                    if (!p.people.emplace(std::string(role), in.id()).second) throw GiveUp{};
                });
                break;
            case 9: plan(in, p.plan); break;
            case 10: in.array([&] { p.events.push_back(event(in)); }); break;
            default: p.mentor = mentor(in);
        }
    });
    if (!m.has(0) || !m.has(1) || !m.has(3)) throw GiveUp{};
    if (p.hired_on && *p.hired_on > p.employment_start) throw GiveUp{};
    if (p.mentor) {
        const auto named = p.people.find("mentor");
        if (named != p.people.end() && named->second != p.mentor->id) throw GiveUp{};
    }
    return p;
}

}  // namespace detail::fast_person
YRKESRESAN_END_NAMESPACE
