// A program (GR, Uppsala, or a local adaptation) loaded from data, validated
// and compiled into dense index-based tables. Immutable and cheap to copy:
// any number of threads may evaluate against one Program at once.
#pragma once

#include "yrkesresan/version.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yrkesresan/date.hpp"
#include "yrkesresan/roles.hpp"

YRKESRESAN_BEGIN_NAMESPACE

namespace detail {
struct ProgramData;
struct ProgramAccess;
}

struct Component;
struct Module;
struct Recommendation;

// Where a rule comes from: a source document (data/sources/), its pages, and
// the words the rule rests on. A rule that rests on no words of the sources
// says so in `assumption` and quotes nothing.
struct SourceRef {
    std::string seed;
    std::string pages;
    std::string quote;           // the exact words, whitespace normalised; may be empty
    std::string assumption;      // what the rule assumes where the sources are silent
    std::string interpretation;  // how an ambiguous quote is read
};

// A career phase: experience in months, half-open [from_months, to_months).
struct Phase {
    std::string id;
    std::string label;
    std::string label_en;  // the English label, used for language "en" when given; else label
    int from_months = 0;
    std::optional<int> to_months;  // nullopt: open-ended
    SourceRef source;
};

// When a checklist item is due: relative to the employment start, or to the
// hiring decision with a rule for records that do not give it.
struct DueRule {
    enum class Kind : std::uint8_t {
        none,                // no deadline: never overdue
        months_after_start,  // within N months of employment start, moved by leave (R1)
        days_before_start,   // N days before the first working day (0: on it)
        days_after_hired,    // N days after hired_on; `otherwise` without it
    };
    Kind kind = Kind::none;
    int amount = 0;
    // days_after_hired: the rule for a record without hired_on (never itself days_after_hired).
    Kind otherwise_kind = Kind::none;
    int otherwise_amount = 0;
};

// One entry of a program's changelog: what a version changed and why.
struct ProgramChange {
    std::string version;
    Date date;
    std::string summary;
    std::vector<SourceRef> sources;
};

struct Checklist {
    std::string id;
    std::string label;
    std::string label_en;  // the English label, used for language "en" when given; else label
    DueRule due;
    RoleSet responsible;                // default codes of its items (empty: filled in per person)
    std::optional<Role> handover_to;    // a completed list is handed to this role
    std::vector<std::uint32_t> prerequisites;  // of every item of the list, added ones too
    std::uint32_t first_section = 0, section_count = 0;
    std::uint32_t first_item = 0, item_count = 0;
    SourceRef source;
};

struct Section {
    std::string id;
    std::string label;
    std::uint32_t checklist = 0;
    SourceRef source;
};

struct Item {
    std::string id;
    std::string label;    // as the seed spells it
    std::string label_en;  // the English label, used for language "en" when given; else label
    std::string comment;  // the table's Kommentar column, may be empty
    std::uint32_t checklist = 0;
    std::uint32_t section = 0;
    RoleSet responsible;                 // default codes (item's own, else the checklist's)
    DueRule due;                         // item's own, else the checklist's
    std::vector<std::uint32_t> prerequisites;  // items, possibly in other checklists
    SourceRef source;
};

class Program {
public:
    // A program shipped inside the library; throws Error(not_found).
    static Program builtin(std::string_view id);
    static std::vector<std::string> builtin_ids();
    // A program definition (data/schema/program.schema.json); throws Error
    // listing every problem with its JSON Pointer.
    static Program from_json(std::string_view definition);
    // R3 layering: template, then municipality overlays, then unit overlays
    // (data/schema/overlay.schema.json). Returns a new Program; this one is unchanged.
    Program with_overlay(std::string_view overlay) const;
    Program with_overlays(const std::vector<std::string>& overlays) const;

    const std::string& id() const noexcept;
    const std::string& version() const noexcept;
    const std::string& title() const noexcept;
    Date valid_from() const noexcept;
    // Ids of the overlays applied, in order.
    const std::vector<std::string>& layers() const noexcept;

    const std::vector<Phase>& phases() const noexcept;
    const std::vector<Checklist>& checklists() const noexcept;
    const std::vector<Section>& sections() const noexcept;
    const std::vector<Item>& items() const noexcept;
    std::optional<std::uint32_t> find_item(std::string_view id) const noexcept;
    std::optional<std::uint32_t> find_checklist(std::string_view id) const noexcept;
    const std::vector<Component>& components() const noexcept;
    const std::vector<Module>& modules() const noexcept;
    const std::vector<Recommendation>& recommendations() const noexcept;
    std::optional<std::uint32_t> find_component(std::string_view id) const noexcept;
    std::optional<std::uint32_t> find_module(std::string_view id) const noexcept;
    const std::string& organisation() const noexcept;
    // The changelog, newest first.
    const std::vector<ProgramChange>& changes() const noexcept;
    // The phase holding an experience of `months` (phases tile [0, inf)).
    const Phase& phase_at(int months) const noexcept;

    // The effective definition after overlays; from_json(to_json()) gives an
    // equal program. Used to pickle and to ship programs to workers.
    const std::string& to_json() const noexcept;

private:
    friend struct detail::ProgramAccess;  // the library's own code reads the definition
    explicit Program(std::shared_ptr<const detail::ProgramData> data) : data_(std::move(data)) {}
    std::shared_ptr<const detail::ProgramData> data_;
};

YRKESRESAN_END_NAMESPACE
