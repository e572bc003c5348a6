// R5 group supervision, R6 internal support, R7 Uppsala's annual activities.
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

bool warned(const Evaluation& ev, std::string_view code) {
    for (const auto& w : ev.warnings)
        if (w.code == code) return true;
    return false;
}
}  // namespace

TEST_CASE("7 sessions within 12 months give no supervision certificate and 8 do", "[R5][R8]") {
    json p = newcomer();
    p["events"] = sessions(7);
    auto ev = evaluate_and_keep(gr(), p, "2027-12-01");
    CHECK(certificate(ev, "handledning").status == CertificateStatus::not_due);
    CHECK(certificate(ev, "handledning").missing.at(0).code == "sessions_missing");
    CHECK(component(ev, "handledning").eligibility == Eligibility::in_progress);
    CHECK(component(ev, "handledning").sessions_counted == 7);
    p["events"] = sessions(8);
    ev = evaluate_and_keep(gr(), p, "2027-12-01");
    CHECK(certificate(ev, "handledning").status == CertificateStatus::due);
    CHECK(certificate(ev, "handledning").completed_on == d("2027-09-01"));
    CHECK(component(ev, "handledning").eligibility == Eligibility::completed);
    const auto cert = issue_certificate(gr(), PersonRecord::from_json(p.dump()), d("2027-12-01"), "handledning");
    CHECK(cert.parts.size() == 8);
    CHECK(cert.hours == 16);
}

TEST_CASE("a session on the day 12 months after the first does not count", "[R5]") {
    json p = newcomer();
    p["events"] = sessions(7);
    p["events"].push_back(session("2028-02-01"));  // first + 12 months
    auto ev = evaluate_and_keep(gr(), p, "2028-03-01");
    CHECK(component(ev, "handledning").sessions_counted == 7);
    CHECK(certificate(ev, "handledning").status == CertificateStatus::not_due);
    CHECK(certificate(ev, "handledning").missing.at(0).code == "attendance_period_over");
    p["events"].back() = session("2028-01-31");  // the last day inside
    ev = evaluate_and_keep(gr(), p, "2028-03-01");
    CHECK(certificate(ev, "handledning").status == CertificateStatus::due);
}

TEST_CASE("supervision starts at 12-24 months of experience", "[R5][R1]") {
    json p = newcomer();
    CHECK(component(evaluate_and_keep(gr(), p, "2027-01-11"), "handledning").eligibility == Eligibility::not_yet);
    const auto ev = evaluate_and_keep(gr(), p, "2027-01-12");
    CHECK(component(ev, "handledning").eligibility == Eligibility::eligible);
    CHECK(component(ev, "handledning").window->last() == d("2028-01-11"));
    const auto passed = evaluate_and_keep(gr(), p, "2028-01-12");
    CHECK(component(passed, "handledning").eligibility == Eligibility::window_passed);
    // Taking part is voluntary ("önskar", page 30): an offer not taken, no duty for EC.
    CHECK(component(passed, "handledning").obligation == Obligation::offer);
    for (const auto& a : passed.actions) CHECK(a.component != "handledning");
    CHECK_THAT(component(passed, "handledning").reasons.at(0).message, Catch::Contains("Erbjudandet"));
    p["events"] = json::array({session("2026-12-01")});  // before the window: kept, reported
    CHECK(warned(evaluate_and_keep(gr(), p, "2027-01-01"), "started_outside_window"));
}

TEST_CASE("the same session recorded twice counts once and is reported", "[R5][warnings]") {
    json p = newcomer();
    p["events"] = sessions(8);
    p["events"][7] = session("2027-08-01");  // a duplicate of the 7th
    const auto ev = evaluate_and_keep(gr(), p, "2027-12-01");
    CHECK(component(ev, "handledning").sessions_counted == 7);
    CHECK(warned(ev, "duplicate_event"));
}

TEST_CASE("every further record of a supervision day is a duplicate_event", "[R5][warnings]") {
    json p = newcomer();
    p["events"] = {session("2027-02-01"), session("2027-02-01"), session("2027-02-01"), session("2027-03-01"),
                   session("2027-03-01")};
    const auto ev = evaluate_and_keep(gr(), p, "2027-04-01");
    CHECK(component(ev, "handledning").sessions_counted == 2);
    std::vector<Date> dates;
    for (const auto& w : ev.warnings)
        if (w.code == "duplicate_event") dates.push_back(*w.date);
    CHECK(dates == std::vector<Date>{d("2027-02-01"), d("2027-02-01"), d("2027-03-01")});
}

TEST_CASE("a named mentor from the same municipality is flagged", "[R6][warnings]") {
    json p = newcomer();
    p["prior_experience_months"] = 24;
    p["mentor"] = {{"id", "p-0900"}, {"municipality", "kungalv"}, {"profession_start", "2010-08-16"}};
    auto ev = evaluate_and_keep(gr(), p, "2026-03-01");
    CHECK(component(ev, "mentor").eligibility == Eligibility::in_progress);
    CHECK(component(ev, "mentor").holder == "p-0900");
    CHECK(warned(ev, "mentor_same_municipality"));
    CHECK_FALSE(warned(ev, "mentor_not_more_experienced"));
    p["mentor"]["municipality"] = "molndal";
    p["mentor"]["profession_start"] = "2024-01-08";  // 25 months on 2026-03-01, person 25 too
    ev = evaluate_and_keep(gr(), p, "2026-03-01");
    CHECK_FALSE(warned(ev, "mentor_same_municipality"));
    CHECK(warned(ev, "mentor_not_more_experienced"));
}

TEST_CASE("the mentor window is 24-36 months of experience", "[R6]") {
    json p = newcomer();
    auto ev = evaluate_and_keep(gr(), p, "2028-01-12");
    CHECK(component(ev, "mentor").eligibility == Eligibility::eligible);
    bool asked = false;
    for (const auto& a : ev.actions) asked = asked || (a.component == "mentor" && a.role == Role::EC);
    CHECK(asked);
    CHECK(component(evaluate_and_keep(gr(), p, "2029-01-12"), "mentor").eligibility == Eligibility::window_passed);
    CHECK(component(evaluate_and_keep(gr(), p, "2028-01-11"), "mentor").eligibility == Eligibility::not_yet);
    p["people"] = {{"mentor", "p-0900"}};
    p["mentor"] = {{"id", "p-0901"}, {"municipality", "ale"}, {"profession_start", "2010-01-01"}};
    CHECK(expect_error([&] { PersonRecord::from_json(p.dump()); }).path() == "/mentor/id");
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
    const auto ev = evaluate_and_keep(gr(), p, "2026-01-18");
    CHECK(component(ev, "introduktor").hours_owed == Approx(4.0));
    CHECK(component(ev, "introduktor").hours_per_week == 4);
    CHECK(component(ev, "introduktor").eligibility == Eligibility::eligible);
}

TEST_CASE("about half of full time on cases in the first year", "[R6]") {
    const auto ev = evaluate_and_keep(gr(), newcomer(), "2026-06-01");
    REQUIRE(ev.recommendations.size() == 1);
    CHECK(ev.recommendations[0].value == Approx(0.5));
    CHECK(ev.recommendations[0].applies);
    CHECK_FALSE(evaluate_and_keep(gr(), newcomer(), "2027-01-12").recommendations[0].applies);
}

TEST_CASE("Uppsala: yrkeshandledning 4 a year, workshop once, föredrag at least once", "[R7]") {
    const Program u = Program::builtin("uppsala-bistand-lss");
    json p = newcomer();
    p["events"] = {session("2026-02-10", "yrkeshandledning"), session("2026-05-10", "yrkeshandledning"),
                   session("2026-09-10", "yrkeshandledning"), session("2026-11-10", "yrkeshandledning"),
                   session("2026-04-01", "foredrag"),         session("2026-10-01", "foredrag"),
                   session("2027-03-10", "yrkeshandledning"), session("2026-06-01", "workshop"),
                   session("2026-06-02", "workshop"),         session("2027-02-01", "foredrag"),
                   session("2027-02-02", "foredrag")};
    const auto ev = evaluate_and_keep(u, p, "2027-04-01");
    const auto& yh = component(ev, "yrkeshandledning");
    REQUIRE(yh.years.size() == 2);
    CHECK(yh.years[0].year == 2026);
    // Employed from 12 January: 2026 is offered only in part, counted and not judged.
    CHECK(yh.years[0].attended == 4);
    CHECK(yh.years[0].state == Compliance::partial_year);
    CHECK(yh.years[1].attended == 1);
    CHECK(yh.years[1].state == Compliance::open);
    CHECK(component(ev, "foredrag").years[0].state == Compliance::partial_year);
    CHECK(component(ev, "foredrag").years[1].state == Compliance::met);  // at least once: 2 is fine
    CHECK(component(ev, "workshop").years[0].state == Compliance::partial_year);
    CHECK(component(ev, "workshop").years[1].state == Compliance::open);
    CHECK(warned(ev, "more_than_offered"));  // two workshops in 2026, one offered
    const auto later = evaluate_and_keep(u, p, "2028-01-02");
    CHECK(component(later, "yrkeshandledning").years[1].state == Compliance::not_met);
    CHECK(component(later, "workshop").years[1].state == Compliance::not_met);
    // The new-employee requirements are a checklist; Uppsala has no course or supervision certificate.
    CHECK(later.certificates.empty());
    CHECK(later.checklists.at(0).id == "nyanstalld");
}

TEST_CASE("supervision is for anyone whose window is open, not only those new at employment", "[R5]") {
    json p = newcomer();  // employed 2026-01-12
    p["prior_experience_months"] = 18;
    const auto ev = evaluate_and_keep(gr(), p, "2026-03-01");
    CHECK(component(ev, "handledning").eligibility == Eligibility::eligible);
    CHECK(component(ev, "introduktionsprogram").eligibility == Eligibility::not_targeted);
}

TEST_CASE("a window on the experience clock that closed before the employment is not targeted", "[R4][R5][R6]") {
    json p = newcomer();
    p["prior_experience_months"] = 36;  // the mentor's 24-36 months closed on the day before employment
    auto ev = evaluate_and_keep(gr(), p, "2026-06-01");
    CHECK(component(ev, "mentor").eligibility == Eligibility::not_targeted);
    CHECK(component(ev, "mentor").window->until == d("2026-01-12"));
    CHECK(component(ev, "handledning").eligibility == Eligibility::not_targeted);
    CHECK_THAT(component(ev, "mentor").reasons.at(0).message, Catch::Contains("innan anställningen"));
    for (const auto& a : ev.actions) CHECK(a.component != "mentor");
    p["prior_experience_months"] = 35;  // one day of the window left at employment: still this employment's
    ev = evaluate_and_keep(gr(), p, "2026-06-01");
    CHECK(component(ev, "mentor").eligibility == Eligibility::window_passed);
}
