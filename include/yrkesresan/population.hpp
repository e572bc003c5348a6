// Evaluating a whole population in one call: columns in, columns out.
//
// The per-person API (PersonRecord + evaluate) is right for one person at a
// time; a region's analysts ask about tens of thousands of people at once. The
// input here is the columnar shape of a data frame: a persons table and long
// tables of events, leaves and plan assignments, each column a borrowed view
// of plain integers, strings dictionary-encoded (codes into a small table of
// labels, as pandas' factorize and Arrow's dictionary arrays give them). Every
// person is decoded from the columns into compact facts and assessed by the
// same rules as yrkesresan::evaluate; the results are written straight into
// columns, with no text built per person.
//
// Thread safety: evaluate_population splits the persons across threads; the
// views must stay valid and unchanged for the duration of the call.
#pragma once

#include "yrkesresan/version.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "yrkesresan/date.hpp"
#include "yrkesresan/program.hpp"

YRKESRESAN_BEGIN_NAMESPACE

// A missing day number (NaT) or a missing integer.
inline constexpr std::int32_t missing_value = std::numeric_limits<std::int32_t>::min();
// A date column's value that is present but not a calendar date (text such as
// "2026-02-30", a time of day): that row alone is reported, as invalid_date.
inline constexpr std::int32_t not_a_date = missing_value + 1;

// A borrowed, read-only view of one column (C++17 has no std::span). An empty
// view means the column is absent.
template <class T>
struct ColumnView {
    const T* data = nullptr;
    std::size_t size = 0;
    ColumnView() = default;
    ColumnView(const T* d, std::size_t n) : data(d), size(n) {}
    explicit ColumnView(const std::vector<T>& v) : data(v.data()), size(v.size()) {}
    bool empty() const noexcept { return size == 0; }
    const T& operator[](std::size_t i) const noexcept { return data[i]; }
};

// A dictionary-encoded string column: row i holds labels[codes[i]], or is
// missing when codes[i] < 0.
struct StringColumn {
    ColumnView<std::int32_t> codes;
    std::vector<std::string> labels;
    bool empty() const noexcept { return codes.empty(); }
};

// The tables of a population, as a document with JSON Pointers into it:
// errors name "/persons/<row>/<column>", "/events/<row>/<column>" and so on.
struct PopulationInput {
    // persons: one row per person; day numbers as Date::day_number().
    std::size_t persons = 0;
    StringColumn id;                                  // optional: only to name people in results
    StringColumn municipality;                        // required
    StringColumn unit;                                // optional
    ColumnView<std::int32_t> employment_start;        // required
    ColumnView<std::int32_t> hired_on;                // optional, missing_value where unknown
    ColumnView<std::int32_t> profession_start;        // optional, missing_value: employment_start
    ColumnView<std::int32_t> prior_experience_months; // optional, missing_value: 0
    // The named people of the person record ("EC", "1:e", "FA", "AD",
    // "introduktor", "mentor"): one string column per role that is given.
    struct NamedRole {
        std::string role;
        StringColumn holder;
    };
    std::vector<NamedRole> people;
    // The mentor's profile (R6: from another municipality, more experienced),
    // for the rows where mentor_municipality is given; the mentor's id is the
    // "mentor" column of `people`.
    StringColumn mentor_municipality;
    ColumnView<std::int32_t> mentor_profession_start;
    ColumnView<std::int32_t> mentor_prior_experience_months;

    // events: one row per event, in any order; person = row in persons.
    struct Events {
        ColumnView<std::int32_t> person;
        StringColumn type;   // item_done, module_attended, homework_submitted, session_attended
        StringColumn ref;    // the item, module or component
        ColumnView<std::int32_t> date;
        StringColumn round;  // optional: module_attended's course round
    } events;

    // leaves: one row per leave period; `to` inclusive, as in the person record.
    struct Leaves {
        ColumnView<std::int32_t> person;
        ColumnView<std::int32_t> from;
        ColumnView<std::int32_t> to;
        StringColumn kind;  // optional: parental, sick, study, other
    } leaves;

    // plan assignments: one row per (person, item) with the codes the unit
    // manager filled in, written as in the seed and separated by commas or
    // spaces ("EC,FA", "EJ").
    struct Assignments {
        ColumnView<std::int32_t> person;
        StringColumn item;
        StringColumn codes;
    } assignments;

    // planned dates: one row per (person, item) dated by the written plan;
    // the date is that item's due for the person (R3).
    struct Planned {
        ColumnView<std::int32_t> person;
        StringColumn item;
        ColumnView<std::int32_t> date;
    } planned;
};

struct PopulationOptions {
    PopulationOptions() = default;
    // {threads, keep_errors}, as callers wrote before the outputs could be chosen.
    PopulationOptions(unsigned threads_, bool keep_errors_ = false) : threads(threads_), keep_errors(keep_errors_) {}

    unsigned threads = 0;      // 0: one per hardware thread
    bool keep_errors = false;  // false: throw the first person's error; true: report them in columns
    // The person columns wanted; absent: every column. Each entry is a column
    // name ("experience_months", "introduktion.overdue") or a group of them:
    // "experience" (experience_months, months_at_employment_start, leave_days,
    // next_month_on), a checklist's id (its ten columns), a component's id
    // (its five columns and its certificate's two), "certificates",
    // "recommendations", "totals" (overdue, warnings). "person", "error" and
    // "error_path" are always there. What is not asked for is neither
    // allocated nor, where the rules allow, computed: no component is
    // assessed unless one of its columns (or warnings) is wanted, no
    // checklist unless one of its columns (or overdue, warnings, items) is.
    // An unknown name throws Error (unknown_field, "/outputs/<index>").
    std::optional<std::vector<std::string>> outputs;
    bool items = true;  // false: the items table is neither computed nor built (PopulationResult::items empty)
};

// One output column. Integers, day numbers and booleans use missing_value for
// "none"; a category column holds codes into `categories` (-1: none).
struct OutputColumn {
    enum class Kind : std::uint8_t { integer, day, boolean, category };
    std::string name;
    Kind kind = Kind::integer;
    std::vector<std::string> categories;
    std::vector<std::int32_t> values;
};

struct PopulationResult {
    // One row per person, in input order: the column "person" (row in the
    // persons table), then experience, phase, per-checklist counts and dates
    // ("<checklist>.overdue"...), per-component eligibility, window and dates
    // ("<component>.eligibility"...), per-certificate status
    // ("<component>.certificate"), the overdue total, the warning count, and
    // "error" / "error_path" (empty unless keep_errors). Columns that depend
    // on the program are named from its ids, never fixed in code.
    std::vector<OutputColumn> persons;
    // One row per person x checklist item: person, checklist, section, item,
    // responsible, state, due, planned, done.
    std::vector<OutputColumn> items;

    const OutputColumn* find_person_column(const std::string& name) const noexcept;
};

// Throws Error for tables that cannot be read at all (columns of different
// lengths, a person row out of range) and, unless keep_errors, for the first
// person whose record is invalid, with a JSON Pointer into the tables.
PopulationResult evaluate_population(const Program& program, const PopulationInput& input, Date as_of,
                                     const PopulationOptions& options = {});

YRKESRESAN_END_NAMESPACE
