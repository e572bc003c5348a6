// The person record (docs/contract.md): what is known about one social worker.
// Pseudonymous: the library needs no name and no personnummer.
#pragma once

#include "yrkesresan/version.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yrkesresan/date.hpp"
#include "yrkesresan/roles.hpp"

YRKESRESAN_BEGIN_NAMESPACE

// The kinds of leave a record names, spelled in JSON as to_string gives them.
enum class LeaveKind : std::uint8_t { parental, sick, study, other };
inline constexpr int leave_kind_count = 4;
std::string_view to_string(LeaveKind kind) noexcept;
std::optional<LeaveKind> parse_leave_kind(std::string_view text) noexcept;

struct Leave {
    Date from;
    Date to;  // inclusive, as recorded
    LeaveKind kind = LeaveKind::other;  // "other" when the record does not say
};

// An item the unit manager adds to one person's plan.
struct PlanItem {
    std::string id;
    std::string checklist;
    std::string section;  // a section id of that checklist; empty: the checklist's last section
    std::string label;
    std::string comment;
    std::optional<RoleSet> responsible;  // absent: the checklist's default codes
    std::optional<Date> planned;         // the plan's date: the item's due for this person
};

// The individual layer of R3: codes filled in per person, items added or
// removed, and when items are to be done ("vem som ansvarar för vad och när").
struct Plan {
    std::vector<std::pair<std::string, RoleSet>> assignments;  // item id -> codes
    std::vector<PlanItem> added_items;
    std::vector<std::string> removed_items;
    std::vector<std::pair<std::string, Date>> planned;  // item id -> planned date (its due)
};

// The types of event a record holds, spelled in JSON as to_string gives them.
enum class EventType : std::uint8_t {
    item_done, module_attended, homework_submitted, session_attended, certificate_issued
};
inline constexpr int event_type_count = 5;
std::string_view to_string(EventType type) noexcept;
std::optional<EventType> parse_event_type(std::string_view text) noexcept;

struct Event {
    EventType type = EventType::item_done;
    std::string ref;    // the item, module or component the event is about
    Date date = Date::from_day_number(0);
    std::string round;  // module_attended: the course round (omgång); certificate_issued: the certificate id
};

// What the record knows of a named mentor, to check R6: more experienced,
// from another municipality.
struct MentorProfile {
    std::string id;
    std::string municipality;
    Date profession_start;
    int prior_experience_months = 0;
};

struct PersonRecord {
    std::string id;
    std::string municipality;
    std::string unit;
    Date employment_start = Date::from_day_number(0);
    std::optional<Date> hired_on;          // the hiring decision
    std::optional<Date> profession_start;  // defaults to employment_start
    int prior_experience_months = 0;
    std::vector<Leave> leaves;
    std::map<std::string, std::string> people;  // role ("EC", "1:e", "FA", "AD", "introduktor", "mentor") -> person id
    Plan plan;
    std::vector<Event> events;
    std::optional<MentorProfile> mentor;

    // Strict reading of a person record (docs/contract.md); throws Error listing every
    // problem with its JSON Pointer, never quoting a value.
    static PersonRecord from_json(std::string_view json);
    std::string to_json() const;

    Date experience_start() const noexcept { return profession_start.value_or(employment_start); }
};

YRKESRESAN_END_NAMESPACE
