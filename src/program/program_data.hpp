// The compiled form of a program: dense vectors indexed by small integers,
// plus the id maps used while decoding input.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "json_input.hpp"
#include "yrkesresan/components.hpp"
#include "yrkesresan/program.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

// A component as the engine reads it: every kind's fields side by side, so
// that the rules index them without a visit. Users see yrkesresan::Component,
// the small per-kind types of components.hpp, made from this at compile time.
struct Component {
    using Kind = ComponentKind;
    std::string id;
    std::string label;
    std::string label_en;
    Kind kind = Kind::course;
    SourceRef source;
    std::optional<Organiser> organiser;
    Obligation obligation = Obligation::duty;
    SourceRef obligation_source;
    std::optional<TargetGroup> target;
    std::optional<Window> window;
    // course
    std::uint32_t first_module = 0, module_count = 0;
    std::optional<double> module_hours;
    // supervision
    int sessions = 0;
    std::optional<double> session_hours;
    // supervision and annual activities
    int group_min = 0, group_max = 0;
    bool mix_municipalities = false;
    SourceRef group_source;
    int certificate_min_sessions = 0;
    int certificate_within_months = 0;
    // course and supervision
    bool certificate = false;
    SourceRef certificate_source;
    // mentor and introduktör
    std::optional<HolderDeadline> holder_named_by;
    // mentor
    bool other_municipality = false;
    bool more_experienced = false;
    // introduktör
    std::vector<HoursPerWeek> hours_per_week;
    // annual activity
    int per_year = 0;
    bool at_least = false;
};

// The user's view of a component (components.hpp).
yrkesresan::Component public_component(const Component& c);

struct ProgramData {
    std::string id, version, title, organisation, field;
    Date valid_from = Date::from_day_number(0);
    std::vector<std::string> layers;

    std::vector<Phase> phases;  // sorted by from_months, tiling [0, inf)
    std::vector<Checklist> checklists;
    std::vector<Section> sections;
    std::vector<Item> items;  // grouped by checklist, then section, in display order

    std::vector<Component> components;
    std::vector<yrkesresan::Component> public_components;  // the same, as Program::components() shows them
    std::vector<Module> modules;  // grouped by component
    std::vector<Recommendation> recommendations;
    std::vector<ProgramChange> changes;  // newest first
    std::string experience_note;         // what counts as relevant experience
    SourceRef experience_source;

    // Looked up by string_view without building a string: Program::find_*
    // are noexcept, and a string built there could fail to allocate.
    using Index = std::map<std::string, std::uint32_t, std::less<>>;
    Index item_index;
    Index component_index;
    Index module_index;
    Index checklist_index;

    std::string definition;  // effective definition JSON (after overlays)

    // An overlay with applies_from leaves the program as it was for persons
    // employed before that date. Sorted by `until`: a person employed before
    // earlier[i].until, and not before earlier[i-1].until, has earlier[i].data;
    // everyone else this program. Only the program an overlay was applied to has them.
    struct Earlier {
        Date until;
        std::shared_ptr<const ProgramData> data;
    };
    std::vector<Earlier> earlier;
    std::string document;  // to_json(): the definition with its earlier programs; empty when there are none

    const ProgramData& for_employment(Date employment_start) const noexcept {
        for (const auto& e : earlier)
            if (employment_start < e.until) return *e.data;
        return *this;
    }
};

// Where an overlay put a value into the definition, so that a problem the
// compiled program finds there is reported in the overlay: (path in the
// definition, path in the overlay).
using OverlayPaths = std::vector<std::pair<std::string, std::string>>;
// Applies an overlay document to a definition document in place
// (program_overlay.cpp); throws Error with paths into the overlay.
OverlayPaths apply_overlay(json& definition, const json& overlay);

// Reads and validates a definition document; every problem is reported, with
// its JSON Pointer, in one Error.
ProgramData compile_program(const json& definition);

// Reads the components and recommendations of a definition (R4-R7).
void read_components(const ObjectReader& root, ProgramData& program, Diagnostics& diag);

// Reads one item object (shared by definitions, overlays and individual plans).
struct ItemReader {
    // `element_paths` false: `path` ends at a parent (a key that may not be shown).
    static void check_codes(const json& codes, const std::string& path, Diagnostics& diag,
                            RoleSet* out, bool element_paths = true);
    static void check_due(const json& due, const std::string& path, Diagnostics& diag, DueRule* out);
    static void check_source(const json& source, const std::string& path, Diagnostics& diag,
                             SourceRef* out);
};

// A program's definition, for the library's own code: the public Program
// has no accessor for it.
struct ProgramAccess {
    static const ProgramData& data(const Program& program) noexcept { return *program.data_; }
};
inline const ProgramData& program_data(const Program& program) noexcept { return ProgramAccess::data(program); }

}  // namespace detail
YRKESRESAN_END_NAMESPACE
