// The parts of a program beyond its checklists (docs/rules.md R4-R7): the course
// and its modules, group supervision, mentor, introduktör, annual activities,
// as compiled from the program data.
#pragma once

#include "yrkesresan/version.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "yrkesresan/program.hpp"

YRKESRESAN_BEGIN_NAMESPACE

// A window counted in months on one of the person's clocks, half-open
// [from_months, to_months).
struct Window {
    enum class Clock : std::uint8_t { employment, experience };
    Clock clock = Clock::employment;
    int from_months = 0;
    int to_months = 0;
    SourceRef source;
};

// Who a component is meant for: new in the profession, i.e. experience at
// employment start below a number of months.
struct TargetGroup {
    int max_experience_months_at_employment = 0;
    std::string label;
    SourceRef source;
};

struct Module {
    std::string id;
    std::string label;
    std::string label_en;  // the English label, used for language "en" when given; else label
    std::vector<std::string> content, material, tasks, goals;
    std::vector<std::uint32_t> requires_attended;  // module indices
    std::vector<std::uint32_t> requires_homework;  // module indices
    std::uint32_t component = 0;
    bool has_homework() const noexcept { return !tasks.empty(); }
};

struct HoursPerWeek {
    int from_months = 0, to_months = 0;  // on the employment clock
    double hours = 0;
};

// Who arranges a component (the municipality, the region, municipalities together).
struct Organiser {
    std::string id;
    std::string label;
    SourceRef source;
};

// How binding a component is: a duty of the employer, an offer the person may
// take up, or a recommendation. Only a passed window of a duty asks EC to act.
enum class Obligation : std::uint8_t { duty, offer, recommendation };
std::string_view to_string(Obligation obligation) noexcept;

// Mentor and introduktör (R6): by when the unit manager must have named the
// holder, on the component's window.
struct HolderDeadline {
    enum class At : std::uint8_t {
        window_start,  // the first day of the window (not before the employment)
        window_end,    // the last day of the window
    };
    At at = At::window_start;
    SourceRef source;
};

enum class ComponentKind : std::uint8_t { course, supervision, mentor, introduktor, annual };
std::string_view to_string(ComponentKind kind) noexcept;

// Group sizes of supervision and annual activities (0: the program sets none).
struct GroupRule {
    int min = 0, max = 0;
    bool mix_municipalities = false;
    SourceRef source;
};

// R4: the introduction course. Its modules are Program::modules()
// [first_module, first_module + module_count); the certificate needs every
// module attended and every homework submitted.
struct Course {
    std::uint32_t first_module = 0, module_count = 0;
    std::optional<double> module_hours;  // absent: the program gives no hours, and certificates say none
    std::optional<SourceRef> certificate;  // present when the course gives a certificate, with its rule's source
};

// R5: group supervision; its certificate needs at least min_sessions
// sessions within within_months months of the first.
struct SupervisionCertificate {
    int min_sessions = 0;
    int within_months = 0;
    SourceRef source;
};
struct Supervision {
    int sessions = 0;
    std::optional<double> session_hours;  // absent: as Course::module_hours
    GroupRule group;
    std::optional<SupervisionCertificate> certificate;
};

// R6: a mentor, named by the unit manager.
struct Mentor {
    std::optional<HolderDeadline> holder_named_by;  // absent: the program sets no date
    bool other_municipality = false;
    bool more_experienced = false;
};

// R6: an introduktör, with the hours per week the program gives them.
struct Introduktor {
    std::optional<HolderDeadline> holder_named_by;  // absent: the program sets no date
    std::vector<HoursPerWeek> hours_per_week;
};

// R7: an activity per calendar year.
struct AnnualActivity {
    int per_year = 0;
    bool at_least = false;
    GroupRule group;
};

// A part of the program beyond its checklists: what every component has,
// and the rules of its kind.
struct Component {
    using Kind = ComponentKind;
    std::string id;
    std::string label;
    std::string label_en;  // the English label, used for language "en" when given; else label
    SourceRef source;
    std::optional<Organiser> organiser;
    Obligation obligation = Obligation::duty;
    SourceRef obligation_source;
    std::optional<TargetGroup> target;
    std::optional<Window> window;
    // In the order of ComponentKind.
    std::variant<Course, Supervision, Mentor, Introduktor, AnnualActivity> rules;

    Kind kind() const noexcept { return static_cast<Kind>(rules.index()); }
    // The rules of the kind asked for, or nullptr for a component of another kind.
    template <class Rules>
    const Rules* as() const noexcept {
        return std::get_if<Rules>(&rules);
    }
    // Whether the component gives a certificate (R8: a course or a supervision whose rules say so).
    bool gives_certificate() const noexcept {
        if (const Course* c = as<Course>()) return c->certificate.has_value();
        if (const Supervision* s = as<Supervision>()) return s->certificate.has_value();
        return false;
    }
};

struct Recommendation {
    std::string id;
    std::string label;
    std::string label_en;  // the English label, used for language "en" when given; else label
    double value = 0;
    Window window;
    SourceRef source;
};

YRKESRESAN_END_NAMESPACE
