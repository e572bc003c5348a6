// Evaluating one person against a program on one date: a pure function of
// (program, person, as_of). No clock, no I/O, no global state.
#pragma once

#include "yrkesresan/version.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yrkesresan/components.hpp"
#include "yrkesresan/date.hpp"
#include "yrkesresan/person.hpp"
#include "yrkesresan/program.hpp"

YRKESRESAN_BEGIN_NAMESPACE

enum class Language : std::uint8_t { sv, en };

// R3 item states. Precedence: done, waived, overdue, blocked, pending (an
// overdue item whose prerequisite is open stays overdue and names it).
enum class ItemState : std::uint8_t { done, waived, blocked, overdue, pending };
std::string_view to_string(ItemState state) noexcept;

// A warning, reason or missing requirement: a stable code, a message in the
// requested language and the rule's source.
struct Finding {
    std::string code;
    std::string message;
    SourceRef source;
    std::string ref;           // the item, checklist or role it concerns; may be empty
    std::optional<Date> date;  // the recorded date it concerns, if any
    std::string path = {};     // JSON Pointer to the record's fact it concerns; may be empty
};

struct ItemResult {
    std::string id;
    std::string label;
    std::string section;  // section id
    std::string comment;
    RoleSet responsible;
    ItemState state = ItemState::pending;
    std::optional<Date> due;      // inclusive last day: the planned date, else the checklist's rule
    std::optional<Date> planned;  // the individual plan's date for the item, if any
    std::optional<Date> done;     // completion date
    std::vector<std::string> blocked_by;  // open prerequisites
    bool added = false;                   // added by the individual plan
};

struct ChecklistSummary {
    int done = 0, waived = 0, blocked = 0, overdue = 0, pending = 0;
    int unassigned = 0;  // items with no responsibility code: the plan is incomplete
    int total = 0;
};

struct ChecklistResult {
    std::string id;
    std::string label;
    std::optional<Date> due;  // the checklist's own deadline (inclusive last day)
    std::vector<ItemResult> items;
    ChecklistSummary summary;
    std::vector<std::string> unassigned;  // ids of items without a code
    bool complete = false;                // every item done or waived
    std::optional<Date> completed_on;     // the last completion date, when complete
    std::optional<Role> handed_to;        // a complete list is handed to this role (R3)
};

// R4-R6 eligibility of a person for a component, as docs/contract.md names it.
enum class Eligibility : std::uint8_t { not_targeted, not_yet, eligible, window_passed, in_progress, completed };
std::string_view to_string(Eligibility e) noexcept;

enum class ModuleState : std::uint8_t { completed, available, locked };
std::string_view to_string(ModuleState s) noexcept;

enum class CertificateStatus : std::uint8_t { issued, due, not_due };
std::string_view to_string(CertificateStatus s) noexcept;

// R7 compliance in one calendar year. The year in which the employment starts
// (unless on 1 January) is a partial year: counted, not judged.
enum class Compliance : std::uint8_t { met, open, not_met, partial_year };
std::string_view to_string(Compliance c) noexcept;

struct AnnualCount {
    int year = 0;
    int required = 0;
    int attended = 0;
    Compliance state = Compliance::open;
};

struct ComponentResult {
    std::string id;
    std::string label;
    Component::Kind kind = Component::Kind::course;
    Eligibility eligibility = Eligibility::not_yet;
    Obligation obligation = Obligation::duty;
    std::string organiser, organiser_label;  // empty: the program names none
    std::optional<Period> window;  // shown with inclusive first and last days
    std::vector<Finding> reasons;  // why this eligibility
    std::optional<Date> started_on;
    std::optional<Date> completed_on;
    int sessions_counted = 0;   // supervision: sessions inside [first, first + N months)
    int sessions_required = 0;  // supervision: for the certificate
    std::string holder;         // mentor or introduktör named
    double hours_per_week = 0;  // introduktör: the rate on as_of
    double hours_owed = 0;      // introduktör: hours owed from employment start up to as_of
    std::vector<AnnualCount> years;  // annual activities (R7)
};

struct ModuleResult {
    std::string id;
    std::string label;
    std::string component;
    ModuleState state = ModuleState::locked;
    std::vector<Finding> missing;  // unmet prerequisites of a locked module
    std::optional<Date> attended;
    std::string round;
    bool homework_required = false;
    std::optional<Date> homework_submitted;
};

struct CertificateResult {
    std::string component;
    CertificateStatus status = CertificateStatus::not_due;
    std::vector<Finding> missing;      // requirements not met
    std::optional<Date> completed_on;  // the day the last requirement was met
    std::optional<Date> issued_on;
    std::string certificate_id;        // deterministic; set when due or issued
};

struct RecommendationResult {
    std::string id;
    std::string label;
    double value = 0;
    Period window;
    bool applies = false;  // as_of inside the window
    SourceRef source;
};

// Something a role has to do next.
struct Action {
    enum class Kind : std::uint8_t {
        item, assign_codes, name_role_holder, enrol, submit_homework, issue_certificate
    };
    Role role = Role::EC;
    Kind kind = Kind::item;
    std::string what;  // the item's label, or a message
    std::optional<Date> due;
    std::string checklist;           // Kind::item / assign_codes
    std::string component;           // Kind::enrol / submit_homework / issue_certificate / name_role_holder
    std::string item;                 // Kind::item: the item; submit_homework: the module
    std::optional<ItemState> state;   // Kind::item only
};
std::string_view to_string(Action::Kind kind) noexcept;

struct ExperienceResult {
    int months = 0;             // completed months of relevant experience on as_of
    Date anchor;                // profession start moved earlier by prior credit
    int leave_days = 0;         // leave days between the anchor and as_of
    Date next_month_on;         // the day months + 1 is reached
    int months_at_employment_start = 0;
};

struct PhaseResult {
    std::string id;
    std::string label;
    int from_months = 0;
    std::optional<int> to_months;
};

struct Evaluation {
    std::string person, municipality, unit;
    std::string program, program_version;
    std::vector<std::string> layers;  // the overlays that apply to the person, in order
    Date as_of;
    Language language = Language::sv;
    ExperienceResult experience;
    PhaseResult phase;
    std::vector<ChecklistResult> checklists;
    std::vector<ComponentResult> components;
    std::vector<ModuleResult> modules;
    std::vector<CertificateResult> certificates;
    std::vector<RecommendationResult> recommendations;
    std::vector<Action> actions;     // soonest first
    std::vector<Finding> warnings;   // recorded facts that contradict the rules, kept

    // The evaluation document (docs/contract.md, data/schema/evaluation.schema.json).
    std::string to_json() const;
};

struct EvaluateOptions {
    Language language = Language::sv;
};

// R6: hours of introduktör time owed in [from, until): the program's weekly
// rates on the employment clock, pro rata per day, leave days excluded.
double introduktor_hours_owed(const Program& program, const PersonRecord& person, Date from, Date until);

// Throws Error for input that cannot be evaluated (an unknown item, a
// completion after as_of, an invalid plan), with a JSON Pointer into the
// person record.
Evaluation evaluate(const Program& program, const PersonRecord& person, Date as_of,
                    const EvaluateOptions& options = {});

YRKESRESAN_END_NAMESPACE
