// The work the library splits across threads gives the same answer on one
// thread and on several: a population of 400 (evaluate_population uses a
// thread per 64 persons at most) and a coordination request of 200 persons
// (a thread per 32). Small enough for ThreadSanitizer, which runs this in
// scripts/test-sanitizers.sh (docs/reliability.md); plain in ctest.
//
//   yr_parallel
#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

#include "yrkesresan/coordination.hpp"
#include "yrkesresan/population.hpp"
#include "yrkesresan/yrkesresan.hpp"

namespace {

using namespace yrkesresan;

int failures = 0;

void expect(bool ok, const std::string& what) {
    if (!ok) {
        ++failures;
        std::cerr << "FAIL: " << what << "\n";
    }
}

std::int32_t day(const char* iso) { return Date::parse(iso)->day_number(); }

const std::vector<std::string> municipalities = {"ale", "kungalv", "lerum", "molndal", "goteborg"};

// A region of newcomers: starts spread over a year, some with leave, some
// with keys handed over, some with a course module attended.
struct Tables {
    std::vector<std::int32_t> municipality, start, event_person, event_type, event_ref, event_date, leave_person,
        leave_from, leave_to;
    PopulationInput input;

    explicit Tables(std::size_t n) {
        for (std::size_t p = 0; p < n; ++p) {
            const auto i = static_cast<std::int32_t>(p);
            municipality.push_back(i % static_cast<std::int32_t>(municipalities.size()));
            start.push_back(day("2025-09-01") + i % 365);
            if (p % 3 == 0) {
                event_person.push_back(i);
                event_type.push_back(0);
                event_ref.push_back(0);
                event_date.push_back(start.back() + 1);
            }
            if (p % 5 == 0) {
                event_person.push_back(i);
                event_type.push_back(1);
                event_ref.push_back(1);
                event_date.push_back(start.back() + 40);
            }
            if (p % 7 == 0) {
                leave_person.push_back(i);
                leave_from.push_back(start.back() + 10);
                leave_to.push_back(start.back() + 30);
            }
        }
        input.persons = n;
        input.municipality = {ColumnView<std::int32_t>(municipality), municipalities};
        input.employment_start = ColumnView<std::int32_t>(start);
        input.events.person = ColumnView<std::int32_t>(event_person);
        input.events.type = {ColumnView<std::int32_t>(event_type), {"item_done", "module_attended"}};
        input.events.ref = {ColumnView<std::int32_t>(event_ref), {"nycklar", "m1"}};
        input.events.date = ColumnView<std::int32_t>(event_date);
        input.leaves.person = ColumnView<std::int32_t>(leave_person);
        input.leaves.from = ColumnView<std::int32_t>(leave_from);
        input.leaves.to = ColumnView<std::int32_t>(leave_to);
    }
};

bool same(const std::vector<OutputColumn>& a, const std::vector<OutputColumn>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].name != b[i].name || a[i].categories != b[i].categories || a[i].values != b[i].values) return false;
    return true;
}

void population(const Program& program) {
    const Tables t(400);
    const Date as_of = *Date::parse("2026-11-02");
    const PopulationResult one = evaluate_population(program, t.input, as_of, {1, false});
    for (unsigned threads : {2u, 4u}) {
        const PopulationResult many = evaluate_population(program, t.input, as_of, {threads, false});
        expect(same(one.persons, many.persons) && same(one.items, many.items),
               "evaluate_population on " + std::to_string(threads) + " threads gives the columns of one");
    }
}

void coordination(const Program& program) {
    CoordinationRequest request;
    request.as_of = *Date::parse("2026-12-01");
    request.term = {*Date::parse("2027-01-01"), *Date::parse("2027-07-01")};
    for (int p = 0; p < 200; ++p) {
        const std::string start = Date::from_day_number(day("2025-12-01") + p).to_string();
        request.persons.push_back(PersonRecord::from_json(
            R"({"id": "c-)" + std::to_string(1000 + p) + R"(", "municipality": ")" +
            municipalities[static_cast<std::size_t>(p) % municipalities.size()] + R"(", "employment_start": ")" +
            start + R"(", "people": {"introduktor": "i-)" + std::to_string(p % 9) + R"("}})"));
    }
    for (int m = 0; m < 12; ++m)
        request.mentors.push_back({"m-" + std::to_string(m), municipalities[static_cast<std::size_t>(m) % 5],
                                   *Date::parse("2015-01-01"), 0, 2});
    request.threads = 1;
    const std::string one = coordinate(program, request).to_json();
    for (unsigned threads : {2u, 4u}) {
        request.threads = threads;
        expect(coordinate(program, request).to_json() == one,
               "coordinate on " + std::to_string(threads) + " threads gives the report of one");
    }
}

}  // namespace

int main() {
    try {
        const Program gr = Program::builtin("gr-barn-unga");
        population(gr);
        coordination(gr);
    } catch (const std::exception& e) {
        std::cerr << "FAIL: " << e.what() << "\n";
        return 1;
    }
    if (failures) return 1;
    std::cout << "parallel: one thread and several agree\n";
    return 0;
}
