// Reading a population's columns into per-person facts: the tables are
// checked and their dictionaries resolved against the program once, so that
// decoding a person is array lookups, with no strings built.
#pragma once

#include <optional>
#include <vector>

#include "assessment.hpp"
#include "yrkesresan/population.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

// Rows of a long table grouped by person (a counting sort, stable in row order).
// A table already in person order (as frames usually are) needs no row list.
struct Grouped {
    std::vector<std::uint32_t> begin;  // rows of person p: row(begin[p]) .. row(begin[p+1] - 1)
    std::vector<std::uint32_t> rows;   // empty: the table is in person order, row(k) is k
    std::size_t row(std::size_t k) const noexcept { return rows.empty() ? k : rows[k]; }
};

// Codes as the seed writes them, "EC,FA" or "EC FA"; problems as for the person record.
struct ParsedCodes {
    RoleSet set;
    std::optional<ErrorCode> problem;
};

// The tables, checked and resolved once; shared read-only by the threads.
struct PreparedTables {
    Grouped events, leaves, assignments, planned;
    // per label of events.type / events.ref / leaves.kind / assignments.item / assignments.codes
    std::vector<std::optional<EventType>> event_type;
    std::vector<bool> event_ref_valid;
    std::vector<std::int32_t> event_item, event_module, event_component;  // -1: not in the program
    std::vector<std::optional<LeaveKind>> leave_kind;  // per label of the kind column; nullopt: not a kind
    std::vector<std::int32_t> assignment_item, planned_item;
    std::vector<ParsedCodes> codes;
    // The role columns that name a fadder, a 1:e, a mentor, an introduktör (null: absent).
    const StringColumn *fa = nullptr, *forste = nullptr, *mentor = nullptr, *introduktor = nullptr;
    // The program's plan before any person's codes: every person's starting point.
    PersonPlan template_plan;
};

// Throws Error for tables that cannot be read (lengths, codes out of range,
// dates outside 1900-9999, unknown role columns, persons out of range).
PreparedTables prepare_tables(const ProgramData& program, const PopulationInput& in);

// Per-thread scratch for decode_row.
struct DecodeScratch {
    std::vector<std::uint32_t> assigned;  // per program item: 1 + the last person row that assigned it
    std::vector<std::uint32_t> dated;     // per program item: 1 + the last person row that planned it
};

// Decodes persons row p into `facts`; problems, with JSON Pointers into the
// tables, are appended to `problems`. Returns false when there are any.
bool decode_row(const ProgramData& program, const PopulationInput& in, const PreparedTables& prep, std::size_t p,
                Date as_of, PersonFacts& facts, DecodeScratch& scratch, std::vector<Problem>& problems);

std::string row_path(std::string_view table, std::size_t row, std::string_view column);

}  // namespace detail
YRKESRESAN_END_NAMESPACE
