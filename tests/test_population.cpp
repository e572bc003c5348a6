// Population evaluation: the columns give the same answers as evaluating each
// person record, and errors point into the tables.
#include <catch2/catch.hpp>

#include "support.hpp"
#include "yrkesresan/population.hpp"

using namespace yr_test;

namespace {

// Three GR newcomers as tables: one with leave, one with events, one plain.
struct Tables {
    std::vector<std::int32_t> municipality{0, 1, 0}, start, events_person{1, 1, 2}, events_date, leave_person{0},
        leave_from, leave_to, type{0, 0, 0}, ref{0, 1, 0}, assign_person{0}, assign_item{0}, assign_codes{0};
    PopulationInput input;
    Tables() {
        start = {d("2026-01-12").day_number(), d("2026-01-12").day_number(), d("2026-02-02").day_number()};
        events_date = {d("2026-01-13").day_number(), d("2026-03-01").day_number(), d("2026-02-02").day_number()};
        leave_from = {d("2026-03-01").day_number()};
        leave_to = {d("2026-04-25").day_number()};
        input.persons = 3;
        input.municipality = {ColumnView<std::int32_t>(municipality), {"kungalv", "lerum"}};
        input.employment_start = ColumnView<std::int32_t>(start);
        input.events.person = ColumnView<std::int32_t>(events_person);
        input.events.type = {ColumnView<std::int32_t>(type), {"item_done"}};
        input.events.ref = {ColumnView<std::int32_t>(ref), {"nycklar", "postfack"}};
        input.events.date = ColumnView<std::int32_t>(events_date);
        input.leaves.person = ColumnView<std::int32_t>(leave_person);
        input.leaves.from = ColumnView<std::int32_t>(leave_from);
        input.leaves.to = ColumnView<std::int32_t>(leave_to);
        input.assignments.person = ColumnView<std::int32_t>(assign_person);
        input.assignments.item = {ColumnView<std::int32_t>(assign_item), {"nycklar"}};
        input.assignments.codes = {ColumnView<std::int32_t>(assign_codes), {"FA"}};
    }
};

const OutputColumn& column(const std::vector<OutputColumn>& cols, const std::string& name) {
    for (const auto& c : cols)
        if (c.name == name) return c;
    FAIL("no column " << name);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("population columns agree with evaluating each person record", "[population]") {
    Tables t;
    for (unsigned threads : {1u, 2u}) {
        const auto result = evaluate_population(gr(), t.input, d("2026-05-12"), {threads, false});
        json p0 = {{"id", "row-0"}, {"municipality", "kungalv"}, {"employment_start", "2026-01-12"},
                   {"leaves", {{{"from", "2026-03-01"}, {"to", "2026-04-25"}}}},
                   {"plan", {{"assignments", {{"nycklar", {"FA"}}}}}}};
        json p1 = {{"id", "row-1"}, {"municipality", "lerum"}, {"employment_start", "2026-01-12"},
                   {"events", {{{"type", "item_done"}, {"item", "nycklar"}, {"date", "2026-01-13"}},
                               {{"type", "item_done"}, {"item", "postfack"}, {"date", "2026-03-01"}}}}};
        json p2 = {{"id", "row-2"}, {"municipality", "kungalv"}, {"employment_start", "2026-02-02"},
                   {"events", {{{"type", "item_done"}, {"item", "nycklar"}, {"date", "2026-02-02"}}}}};
        const json people[] = {p0, p1, p2};
        std::size_t row = 0;
        for (std::size_t p = 0; p < 3; ++p) {
            const Evaluation ev = evaluate(gr(), PersonRecord::from_json(people[p].dump()), d("2026-05-12"));
            CHECK(column(result.persons, "experience_months").values[p] == ev.experience.months);
            CHECK(column(result.persons, "introduktion.overdue").values[p] == checklist(ev, "introduktion").summary.overdue);
            CHECK(column(result.persons, "introduktion.done").values[p] == checklist(ev, "introduktion").summary.done);
            CHECK(column(result.persons, "error").values[p] == -1);
            for (const auto& c : ev.checklists)
                for (const auto& it : c.items) {
                    REQUIRE(row < column(result.items, "person").values.size());
                    const auto& item_col = column(result.items, "item");
                    CHECK(item_col.categories[static_cast<std::size_t>(item_col.values[row])] == it.id);
                    CHECK(column(result.items, "state").values[row] == static_cast<std::int32_t>(it.state));
                    CHECK(column(result.items, "due").values[row] == (it.due ? it.due->day_number() : missing_value));
                    ++row;
                }
        }
        CHECK(row == column(result.items, "person").values.size());
    }
}

TEST_CASE("population errors point into the tables", "[population][errors]") {
    Tables t;
    // A completion after the evaluation date, in the events table's row 1.
    const Error e = expect_error([&] { evaluate_population(gr(), t.input, d("2026-02-01")); });
    CHECK(e.code() == ErrorCode::future_event);
    CHECK(e.path() == "/events/1/date");
    const auto kept = evaluate_population(gr(), t.input, d("2026-02-01"), {2, true});
    const auto& err = column(kept.persons, "error");
    CHECK(err.values[0] == -1);
    REQUIRE(err.values[1] >= 0);
    CHECK(err.categories[static_cast<std::size_t>(err.values[1])] == "future_event");
    CHECK(column(kept.persons, "experience_months").values[1] == missing_value);

    t.leave_to[0] = d("2026-02-01").day_number();
    CHECK(expect_error([&] { evaluate_population(gr(), t.input, d("2026-05-12")); }).path() == "/leaves/0/to");
    t.leave_to[0] = d("2026-04-25").day_number();
    t.input.assignments.codes.labels = {"EJ,SJ"};
    CHECK(expect_error([&] { evaluate_population(gr(), t.input, d("2026-05-12")); }).code() == ErrorCode::conflicting_codes);
    t.input.assignments.codes.labels = {"FA"};
    t.input.assignments.item.labels = {"no-such-item"};
    CHECK(expect_error([&] { evaluate_population(gr(), t.input, d("2026-05-12")); }).path() == "/assignments/0/item");
    t.events_person[0] = 7;
    CHECK(expect_error([&] { evaluate_population(gr(), t.input, d("2026-05-12")); }).path() == "/events/0/person");
}

TEST_CASE("a date that is not a calendar date, or outside 1900-9999, refuses its row alone", "[population][errors]") {
    Tables t;
    t.start[1] = not_a_date;                          // "2026-02-30" in a text column
    t.events_date[2] = d("1900-01-01").day_number() - 1;  // person 2's event, in 1899
    const Error e = expect_error([&] { evaluate_population(gr(), t.input, d("2026-05-12")); });
    CHECK(e.code() == ErrorCode::invalid_date);
    CHECK(e.path() == "/persons/1/employment_start");
    const auto kept = evaluate_population(gr(), t.input, d("2026-05-12"), {1, true});
    const auto& err = column(kept.persons, "error");
    const auto& where = column(kept.persons, "error_path");
    CHECK(err.values[0] == -1);
    CHECK(column(kept.persons, "experience_months").values[0] == 2);  // 56 days of leave
    for (std::size_t p : {1u, 2u}) {
        REQUIRE(err.values[p] >= 0);
        CHECK(err.categories[static_cast<std::size_t>(err.values[p])] == "invalid_date");
    }
    CHECK(where.categories[static_cast<std::size_t>(where.values[1])] == "/persons/1/employment_start");
    CHECK(where.categories[static_cast<std::size_t>(where.values[2])] == "/events/2/date");
    // Only the bad date is reported: no second problem for a missing start.
    t.events_date[2] = d("2026-02-02").day_number();
    CHECK(expect_error([&] { evaluate_population(gr(), t.input, d("2026-05-12")); }).problems().size() == 1);
}

TEST_CASE("outputs on request: only the columns asked for, the same values, no items", "[population][outputs]") {
    Tables t;
    const auto full = evaluate_population(gr(), t.input, d("2026-05-12"));
    PopulationOptions options;
    options.outputs = std::vector<std::string>{"experience_months", "phase", "introduktion.overdue"};
    options.items = false;
    const auto some = evaluate_population(gr(), t.input, d("2026-05-12"), options);
    std::vector<std::string> got;
    for (const auto& c : some.persons) got.push_back(c.name);
    CHECK(got == std::vector<std::string>{"person", "experience_months", "phase", "introduktion.overdue", "error",
                                          "error_path"});
    for (const char* name : {"experience_months", "phase", "introduktion.overdue"}) {
        CHECK(column(some.persons, name).values == column(full.persons, name).values);
        CHECK(column(some.persons, name).categories == column(full.persons, name).categories);
    }
    CHECK(some.items.empty());
    CHECK(some.find_person_column("warnings") == nullptr);

    // Groups: a checklist's id gives its ten columns; "totals" gives overdue and warnings.
    options.outputs = std::vector<std::string>{"introduktion", "totals"};
    options.items = true;
    const auto grouped = evaluate_population(gr(), t.input, d("2026-05-12"), options);
    CHECK(grouped.persons.size() == 3 + 10 + 2);
    CHECK(column(grouped.persons, "warnings").values == column(full.persons, "warnings").values);
    CHECK(column(grouped.persons, "introduktion.completed_on").values ==
          column(full.persons, "introduktion.completed_on").values);
    CHECK(column(grouped.items, "state").values == column(full.items, "state").values);

    // An unknown name is the caller's error, at its place in the list.
    options.outputs = std::vector<std::string>{"phase", "no_such_column"};
    const Error e = expect_error([&] { evaluate_population(gr(), t.input, d("2026-05-12"), options); });
    CHECK(e.code() == ErrorCode::unknown_field);
    CHECK(e.path() == "/outputs/1");
}

TEST_CASE("a long table in person order or in any order gives the same columns", "[population]") {
    Tables t;
    const auto ordered = evaluate_population(gr(), t.input, d("2026-05-12"));
    // The same events, person 2's first: the rows are grouped by person again.
    std::swap(t.events_person[0], t.events_person[2]);
    std::swap(t.events_date[0], t.events_date[2]);
    std::swap(t.ref[0], t.ref[2]);
    const auto shuffled = evaluate_population(gr(), t.input, d("2026-05-12"));
    for (const char* name : {"experience_months", "introduktion.done", "introduktion.overdue", "warnings"})
        CHECK(column(shuffled.persons, name).values == column(ordered.persons, name).values);
    CHECK(column(shuffled.items, "done").values == column(ordered.items, "done").values);
    CHECK(column(shuffled.items, "state").values == column(ordered.items, "state").values);
}
