// The rules' conclusions as numbers: what one person's facts come to on one
// date, in states, day numbers and counts, with no text. Every face reads it:
// evaluate() describes it in words (describe.cpp), the population API writes
// it to columns. The rules live in assess*.cpp and only there.
//
// Flow: a front end (the person record, or population columns) decodes the
// person into PersonFacts, validating references against the program;
// assess() turns facts into an Assessment. Both reuse their vectors, so a
// thread evaluating many persons allocates almost nothing per person.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "plan.hpp"
#include "program_data.hpp"
#include "yrkesresan/evaluation.hpp"
#include "yrkesresan/experience.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

inline constexpr std::int32_t no_day = std::numeric_limits<std::int32_t>::min();

inline std::optional<Date> to_date(std::int32_t day) {
    return day == no_day ? std::nullopt : std::optional<Date>(Date::from_day_number(day));
}
inline std::int32_t to_day(const std::optional<Date>& d) { return d ? d->day_number() : no_day; }

// Recorded facts that contradict the rules: kept, and reported as warnings.
// `subject` and `other` are indices whose meaning the code names.
struct RawWarning {
    enum class Code : std::uint8_t {
        event_for_removed_item,         // subject: program item
        duplicate_item_event,           // subject: plan entry
        item_prerequisite_violation,    // subject: plan entry, other: program item required
        fadder_not_named,               // subject: checklist of the first open FA item
        forste_not_named,               // subject: checklist of the first open 1:e item
        homework_without_task,          // subject: module
        duplicate_session,              // subject: component
        started_outside_window,         // subject: component
        module_prerequisite_violation,  // subject: module, other: module required, a: 1 for its homework
        mentor_same_municipality,       // subject: component
        mentor_not_more_experienced,    // subject: component, a: mentor's months, b: person's months
        more_than_offered,              // subject: component, a: year, b: attended
        certificate_issued_early,       // subject: component
        unknown_in_program,             // subject: event, a: EventType (an id the program does not have)
    };
    Code code;
    std::int32_t subject = -1;
    std::int32_t other = -1;
    std::int32_t day = no_day;
    std::int32_t a = 0, b = 0;
};

// One person, decoded against the program.
struct PersonFacts {
    Date employment_start;
    std::int32_t hired_on = no_day;  // the hiring decision, if recorded
    Date experience_start;  // profession start, or employment start
    int prior_experience_months = 0;
    std::vector<Leave> leaves;
    bool named_fa = false, named_forste = false, named_mentor = false, named_introduktor = false;
    bool has_mentor_profile = false;
    bool mentor_same_municipality = false;
    Date mentor_anchor;  // the mentor's profession start moved earlier by prior credit

    PersonPlan plan;
    std::vector<std::int32_t> done;  // per plan entry: the first completion, or no_day
    // per module: the first attendance, the event that recorded it, the first homework
    std::vector<std::int32_t> attended, attended_event, homework;
    std::vector<std::vector<std::int32_t>> sessions;  // per component: session days, sorted, distinct for supervision
    std::vector<std::int32_t> issued;                 // per component: certificate issued on
    std::vector<RawWarning> event_warnings;          // from item events, then from component events

    // Empties the facts for a new person of `program` (keeps capacity).
    void reset(const ProgramData& program);
    // Recording one event each; the rules on repeated events live here.
    void item_done(std::uint32_t entry, std::int32_t day);
    void removed_item_done(std::uint32_t item, std::int32_t day);
    // A recorded fact about an item, module or component the (layered)
    // program does not have: kept as a warning, never a reason to refuse the record.
    void unknown_in_program(std::int32_t event, EventType type, std::int32_t day);
    void module_attended(const ProgramData& program, std::uint32_t module, std::int32_t day, std::int32_t event);
    void homework_submitted(const ProgramData& program, std::uint32_t module, std::int32_t day);
    void session_attended(std::uint32_t component, std::int32_t day);
    void certificate_issued(std::uint32_t component, std::int32_t day);
    // After the last event: sorts the sessions; supervision meets once a day.
    void finish_events(const ProgramData& program);
};

struct ChecklistOutcome {
    std::int32_t due = no_day;
    ChecklistSummary summary;
    bool complete = false;
    std::int32_t completed_on = no_day;
    std::int32_t unassigned_due = no_day;  // soonest due among open items without a code
};

struct ComponentOutcome {
    Eligibility eligibility = Eligibility::not_yet;
    bool has_window = false;
    Period window;
    std::int32_t started_on = no_day, completed_on = no_day;
    bool targeted = true;
    // An experience-clock window that closed before the employment began: the
    // person came with more experience than the component is for (R4).
    bool closed_before_employment = false;
    int sessions_counted = 0, sessions_required = 0;
    double hours_per_week = 0, hours_owed = 0;
    // Mentor, introduktör: the holder is not named and the window is open; by when to name one (no_day: the program sets no date).
    bool holder_wanted = false;
    std::int32_t holder_due = no_day;
    std::uint32_t first_year = 0, year_count = 0;  // annual counts: Assessment::years[first .. first + count)
};

struct ModuleOutcome {
    ModuleState state = ModuleState::locked;
};

struct CertificateOutcome {
    std::uint32_t component = 0;
    CertificateStatus status = CertificateStatus::not_due;
    bool met = false;
    std::int32_t completed_on = no_day, issued_on = no_day;
    int counted = 0;             // supervision: sessions inside the period
    std::int32_t period_from = no_day, period_until = no_day;  // supervision: [first, first + N months)
};

struct Assessment {
    int months = 0, leave_days = 0, months_at_employment_start = 0;
    Date anchor, next_month_on;
    std::uint32_t phase = 0;
    std::vector<ItemState> states;   // per plan entry
    std::vector<std::int32_t> due;   // per plan entry
    std::vector<ChecklistOutcome> checklists;
    bool fa_needed = false, forste_needed = false;
    std::int32_t fa_due = no_day, forste_due = no_day;
    std::vector<ComponentOutcome> components;
    std::vector<ModuleOutcome> modules;
    std::vector<CertificateOutcome> certificates;  // for components with a certificate, in program order
    std::vector<AnnualCount> years;
    std::vector<Period> recommendation_windows;  // per recommendation: it applies while as_of is inside
    std::vector<RawWarning> warnings;
};

// An entry's prerequisites: the item's own (its list's included), or for an
// item the plan adds, its list's.
inline const std::vector<std::uint32_t>& prerequisites(const ProgramData& program, const PlanEntry& entry) {
    return entry.item >= 0 ? program.items[static_cast<std::size_t>(entry.item)].prerequisites
                           : program.checklists[entry.checklist].prerequisites;
}

// Decodes a person record's events into facts; throws Error listing every
// problem with its JSON Pointer into the record (future events, unknown refs,
// an invalid plan). With items=false only the component events are read.
void decode_person(const ProgramData& program, const PersonRecord& person, Date as_of, PersonFacts& facts,
                   bool items = true);

// What assess() covers: every rule by default. A population run asked for
// some columns only leaves the rest out; their parts of the Assessment keep
// whatever they held, and warnings are complete only with everything covered.
struct AssessScope {
    std::vector<bool> checklists;  // per checklist whether to assess it; empty: every one
    bool components = true;        // R4-R8: components, modules, certificates
};

// The rules (R1-R8) on decoded facts. Never throws on valid facts.
void assess(const ProgramData& program, const PersonFacts& facts, Date as_of, Assessment& out,
            const AssessScope& scope = {});

// R4, R5, R8: whether a component's certificate requirements are met, and when.
CertificateOutcome assess_certificate(const ProgramData& program, std::uint32_t component, const PersonFacts& facts,
                                      Date as_of);

// R6: hours of introduktör time owed in [from, until) on the employment clock.
double introduktor_hours_owed(const Component& component, const Clock& employment, Date from, Date until);

}  // namespace detail
YRKESRESAN_END_NAMESPACE
