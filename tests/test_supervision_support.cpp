// R5 and R6 as code: issuing the supervision certificate, an author's own program, the
// introduktör's hours as a function, the words of reasons. The rule cases are
// tests/scenarios/r5-*.json, r6-*.json and r7-*.json.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace yr_test;

namespace {
json session(const char* date, const char* component = "handledning") {
    return {{"type", "session_attended"}, {"component", component}, {"date", date}};
}

// Monthly sessions from 2027-02-01.
json sessions(int n) {
    json a = json::array();
    Date day = d("2027-02-01");
    for (int i = 0; i < n; ++i) a.push_back(session(day.add_months(i).to_string().c_str()));
    return a;
}
}  // namespace

TEST_CASE("the supervision certificate issued: eight sessions, two hours each", "[R5][R8]") {
    // 7 not due, 8 due: tests/scenarios/r5-seven-sessions.json and r5-eight-sessions.json.
    json p = newcomer();
    p["events"] = sessions(8);
    const auto cert = issue_certificate(gr(), PersonRecord::from_json(p.dump()), d("2027-12-01"), "handledning");
    CHECK(cert.parts.size() == 8);
    CHECK(cert.hours == 16);
}

TEST_CASE("naming a mentor: the date and the words come from the program's rule, never from the engine", "[R6]") {
    json def = json::parse(gr().to_json());
    for (auto& c : def["components"])
        if (c["id"] == "mentor") {
            c.erase("holder_named_by");
            c["other_municipality"] = false;
        }
    const Program own = Program::from_json(def.dump());
    const auto ev = evaluate_and_keep(own, newcomer(), "2028-01-12");
    const Action* name = nullptr;
    for (const auto& a : ev.actions)
        if (a.component == "mentor") name = &a;
    REQUIRE(name);
    CHECK(name->kind == Action::Kind::name_role_holder);
    CHECK_FALSE(name->due);  // the program sets no date: none is invented
    CHECK(name->what == "Utse mentor");
}

TEST_CASE("introduktör hours: 4 h/week in the first year, 2 in the second, leave excluded", "[R6]") {
    json p = newcomer();  // employed 2026-01-12
    auto person = PersonRecord::from_json(p.dump());
    CHECK(introduktor_hours_owed(gr(), person, d("2026-01-12"), d("2026-01-19")) == Approx(4.0));
    CHECK(introduktor_hours_owed(gr(), person, d("2026-01-12"), d("2027-01-12")) == Approx(365 * 4.0 / 7));
    CHECK(introduktor_hours_owed(gr(), person, d("2027-01-12"), d("2027-01-26")) == Approx(4.0));
    CHECK(introduktor_hours_owed(gr(), person, d("2026-01-09"), d("2026-01-16")) == Approx(4 * 4.0 / 7));  // pro rata
    CHECK(introduktor_hours_owed(gr(), person, d("2028-01-12"), d("2028-06-01")) == Approx(0.0));
    // Two weeks of leave: nothing owed then, and the first year ends two weeks later.
    p["leaves"] = {{{"from", "2026-03-02"}, {"to", "2026-03-15"}, {"kind", "sick"}}};
    person = PersonRecord::from_json(p.dump());
    CHECK(introduktor_hours_owed(gr(), person, d("2026-03-02"), d("2026-03-16")) == Approx(0.0));
    CHECK(introduktor_hours_owed(gr(), person, d("2027-01-12"), d("2027-01-26")) == Approx(8.0));
    // In an evaluation: tests/scenarios/r6-introduktor-with-leave.json.
}

TEST_CASE("reasons say why in words: an offer not taken, a window closed before the employment", "[R5][R6][explanations]") {
    // The rule cases are tests/scenarios/r5-window-passed-no-duty.json and
    // r6-window-closed-before-employment.json.
    json p = newcomer();
    CHECK_THAT(component(evaluate_and_keep(gr(), p, "2028-01-12"), "handledning").reasons.at(0).message,
               Catch::Contains("Erbjudandet"));
    p["prior_experience_months"] = 36;
    CHECK_THAT(component(evaluate_and_keep(gr(), p, "2026-06-01"), "mentor").reasons.at(0).message,
               Catch::Contains("innan anställningen"));
}

TEST_CASE("the mentor is named once: people.mentor and mentor.id that disagree are refused at the mentor's id", "[R6][errors]") {
    // A comparison of two values no schema can make, so not a shared scenario (tests/validate_schemas.py).
    json p = newcomer();
    p["people"] = {{"mentor", "p-0900"}};
    p["mentor"] = {{"id", "p-0901"}, {"municipality", "ale"}, {"profession_start", "2010-01-01"}};
    CHECK(expect_error([&] { PersonRecord::from_json(p.dump()); }).path() == "/mentor/id");
}
