// The coordinator's report: a GR region on one date planning the
// spring term; every section checked, the JSON written for the schema check.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include <catch2/catch.hpp>

#include "support.hpp"
#include "yrkesresan/coordination.hpp"

using namespace yr_test;

namespace {

json person(const std::string& id, const std::string& municipality, const std::string& employment_start) {
    return {{"id", id}, {"municipality", municipality}, {"employment_start", employment_start}};
}

// Every module attended and every homework submitted: the course is done.
json completed_course(json p, const std::string& first_day) {
    json events = json::array();
    Date day = d(first_day);
    for (int m = 1; m <= 8; ++m, day = day.add_days(14)) {
        const std::string id = "m" + std::to_string(m);
        events.push_back({{"type", "module_attended"}, {"module", id}, {"date", day.to_string()}, {"round", "2026-1"}});
        if (m == 1 || m == 2 || m == 3 || m == 5 || m == 7)
            events.push_back({{"type", "homework_submitted"}, {"module", id}, {"date", day.add_days(7).to_string()}});
    }
    p["events"] = events;
    return p;
}

// A GR region on 2026-12-01 planning the term 2027-01-01..2027-06-30.
json region_request() {
    json persons = json::array();
    // The course (window 4-12 months after employment).
    persons.push_back(person("c-open", "ale", "2026-06-01"));        // open, closes 2027-05-31: in the term
    persons.push_back(person("c-opens", "kungalv", "2026-09-01"));   // opens 2027-01-01
    persons.push_back(person("c-later", "molndal", "2026-11-15"));   // opens 2027-03-15, closes after the term
    json seasoned = person("c-seasoned", "ale", "2026-06-01");       // not new in the profession
    seasoned["prior_experience_months"] = 24;
    persons.push_back(seasoned);
    // Supervision (12-24 months of experience): 15 people, 9 of them from goteborg;
    // with c-open, whose window opens in June, 16 candidates.
    const char* sup_munis[] = {"goteborg", "goteborg", "goteborg", "goteborg", "goteborg", "goteborg", "goteborg",
                               "goteborg", "goteborg", "ale", "ale", "kungalv", "molndal", "partille", "lerum"};
    for (int i = 0; i < 15; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "s-%02d", i);
        // Employed 2025-07-01 .. 2025-11-01: supervision windows open on as_of,
        // mentor windows open after the term.
        json p = person(id, sup_munis[i], d("2025-07-01").add_months(i % 5).to_string());
        if (i == 0) p = completed_course(p, "2025-11-10");
        persons.push_back(p);
    }
    // Mentor (24-36 months of experience).
    persons.push_back(person("a-1", "goteborg", "2024-06-01"));
    persons.push_back(person("a-2", "goteborg", "2024-05-01"));
    persons.push_back(person("a-3", "ale", "2024-04-01"));
    persons.push_back(person("a-4", "stenungsund", "2024-02-01"));
    // Introduktör time: two newcomers share an introduktör; one has none named.
    persons[0]["people"] = {{"introduktor", "i-ale-1"}};
    persons[1]["people"] = {{"introduktor", "i-kungalv-1"}};
    persons[2]["people"] = {{"introduktor", "i-kungalv-1"}};
    json mentors = json::array();
    mentors.push_back({{"id", "m-goteborg"}, {"municipality", "goteborg"}, {"profession_start", "2012-01-01"}, {"capacity", 2}});
    mentors.push_back({{"id", "m-ale"}, {"municipality", "ale"}, {"profession_start", "2019-08-15"}, {"capacity", 1}});
    mentors.push_back({{"id", "m-novice"}, {"municipality", "lerum"}, {"profession_start", "2024-07-01"}, {"capacity", 3}});
    return {{"as_of", "2026-12-01"},
            {"term", {{"from", "2027-01-01"}, {"to", "2027-06-30"}}},
            {"persons", persons},
            {"mentors", mentors}};
}

// Keeps the report for the schema check (tests/validate_coordination.py).
json report_doc(const CoordinationReport& report) {
    static int counter = 0;
    const std::string dir = std::string(YR_COORDINATION_DUMP_DIR);
    std::filesystem::create_directories(dir);
    const std::string text = report.to_json();
    std::ofstream(dir + "/report-" + std::to_string(counter++) + ".json") << text;
    return json::parse(text);
}

std::set<std::string> ids(const json& list, const char* key) {
    std::set<std::string> out;
    for (const auto& e : list) out.insert(e[key].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("A GR coordinator's spring term: who starts, who is late, groups, mentors, certificates, hours",
          "[coordination][R4][R5][R6][R8]") {
    const std::string dir = std::string(YR_COORDINATION_DUMP_DIR);
    std::filesystem::create_directories(dir);
    std::ofstream(dir + "/request-0.json") << region_request().dump();
    const auto request = CoordinationRequest::from_json(region_request().dump());
    const json r = report_doc(coordinate(gr(), request));
    CHECK(r["term"] == json{{"from", "2027-01-01"}, {"to", "2027-06-30"}});

    SECTION("course: open windows and windows opening in the term, the urgent ones first") {
        const auto& starts = r["course_starts"];
        REQUIRE(starts.size() == 3);
        CHECK(starts[0]["person"] == "c-open");
        CHECK(starts[0]["eligibility"] == "eligible");
        CHECK(starts[0]["closes_in_term"] == true);
        CHECK(starts[0]["closes_before_term"] == false);
        CHECK(starts[1]["person"] == "c-opens");
        CHECK(starts[1]["eligibility"] == "not_yet");
        CHECK(starts[2]["person"] == "c-later");
        CHECK(starts[2]["closes_in_term"] == false);
        CHECK(starts[2]["window"]["from"] == "2027-03-15");
    }
    SECTION("windows passed: the supervision cohort missed the course (but s-00, who completed it)") {
        std::set<std::string> course_passed;
        for (const auto& w : r["windows_passed"])
            if (w["component"] == "introduktionsprogram") course_passed.insert(w["person"].get<std::string>());
        CHECK(course_passed.count("s-01") == 1);
        CHECK(course_passed.count("s-00") == 0);
        CHECK(course_passed.count("c-open") == 0);
    }
    SECTION("supervision: 16 in two groups of 8, goteborg's 9 split 5+4, ale's 3 split 2+1") {
        REQUIRE(r["supervision"].size() == 1);
        const auto& s = r["supervision"][0];
        CHECK(s["component"] == "handledning");
        CHECK(s["group"]["min"] == 6);
        CHECK(s["candidates"] == 16);
        CHECK(s["objective"]["placed"] == 16);
        CHECK(s["objective"]["same_municipality_pairs"] == s["objective"]["pairs_lower_bound"]);
        CHECK(s["objective"]["same_municipality_pairs"] == 10 + 6 + 1);
        REQUIRE(s["groups"].size() == 2);
        for (const auto& g : s["groups"]) {
            CHECK(g["size"] == 8);
            CHECK(g["municipalities"].get<int>() >= 3);
        }
        CHECK(s["unplaced"].empty());
    }
    SECTION("mentoring: across municipalities, more experienced, capacity kept; the rest explained") {
        REQUIRE(r["mentoring"].size() == 1);
        const auto& m = r["mentoring"][0];
        CHECK(m["adepts"] == 5);  // a-1..a-4, and c-seasoned with 24 months of credit
        // m-goteborg (2) takes ale and stenungsund; m-ale (1) one of goteborg's; m-novice has too little experience.
        REQUIRE(m["pairs"].size() == 3);
        for (const auto& p : m["pairs"]) {
            CHECK(p["adept_municipality"] != p["mentor_municipality"]);
            CHECK(p["mentor_experience_months"].get<int>() > p["adept_experience_months"].get<int>());
        }
        REQUIRE(m["unmatched"].size() == 2);
        CHECK(ids(m["unmatched"], "adept") == std::set<std::string>{"a-1", "c-seasoned"});
        for (const auto& u : m["unmatched"]) {
            CHECK(u["reason"] == "mentors_at_capacity");
            CHECK(u["eligible_mentors"] == 1);
            CHECK(u["message"] == "Det finns en möjlig mentor från en annan kommun med mer erfarenhet, men dess platser är tagna.");
        }
        for (const auto& load : m["mentor_load"])
            if (load["mentor"] == "m-novice") CHECK(load["adepts"] == 0);
    }
    SECTION("certificates due: s-00 completed the course") {
        REQUIRE(r["certificates_due"].size() == 1);
        CHECK(r["certificates_due"][0]["person"] == "s-00");
        CHECK(r["certificates_due"][0]["component"] == "introduktionsprogram");
        CHECK(r["certificates_due"][0]["certificate_id"].get<std::string>().rfind("urn:yrkesresan:intyg:", 0) == 0);
    }
    SECTION("introduktör hours over the term: 4 hours a week in the first year") {
        const auto& intro = r["introduktor_hours"];
        CHECK(intro["period"]["from"] == "2027-01-01");
        const auto names = ids(intro["introduktors"], "introduktor");
        CHECK(names == std::set<std::string>{"i-ale-1", "i-kungalv-1"});
        for (const auto& load : intro["introduktors"]) {
            if (load["introduktor"] == "i-kungalv-1") {
                CHECK(load["newcomers"].size() == 2);
                // c-opens and c-later are in their first year all term: 181 days at 4 h/week, twice.
                CHECK(load["hours"].get<double>() == Approx(2 * 181 * 4.0 / 7).margin(0.01));
            }
        }
        // Everyone else in their first two years of employment is owed time without an introduktör.
        CHECK(ids(intro["without_introduktor"], "person").count("c-seasoned") == 1);
    }
}

TEST_CASE("The C++ report equals the one read from a request document", "[coordination]") {
    const json doc = region_request();
    CoordinationRequest request;
    request.as_of = d("2026-12-01");
    request.term = {d("2027-01-01"), d("2027-07-01")};
    for (const auto& p : doc["persons"]) request.persons.push_back(PersonRecord::from_json(p.dump()));
    for (const auto& m : doc["mentors"])
        request.mentors.push_back({m["id"], m["municipality"], d(m["profession_start"].get<std::string>()), 0,
                                   m["capacity"].get<int>()});
    request.threads = 1;
    const std::string one = coordinate(gr(), request).to_json();
    request.threads = 2;
    CHECK(coordinate(gr(), request).to_json() == one);
    CHECK(coordinate(gr(), CoordinationRequest::from_json(doc.dump())).to_json() == one);
}

TEST_CASE("Uppsala has no supervision groups or mentors to plan, only introduktör hours", "[coordination][R7]") {
    json doc = region_request();
    for (auto& p : doc["persons"]) p.erase("events");  // GR's modules are no events of Uppsala's
    const auto request = CoordinationRequest::from_json(doc.dump());
    const json r = report_doc(coordinate(Program::builtin("uppsala-bistand-lss"), request));
    CHECK(r["supervision"].empty());
    CHECK(r["mentoring"].empty());
    CHECK(r["annual_groups"].empty());  // none asked for (tests/test_coordination_annual.cpp)
    CHECK(r["course_starts"].empty());
    CHECK(r["introduktor_hours"].is_object());
}

TEST_CASE("English messages for the unplaced and unmatched", "[coordination]") {
    json doc = region_request();
    doc["language"] = "en";
    doc["persons"] = json::array({person("x-1", "ale", "2025-06-01"), person("x-2", "ale", "2025-06-01")});
    const json r = report_doc(coordinate(gr(), CoordinationRequest::from_json(doc.dump())));
    const auto& unplaced = r["supervision"][0]["unplaced"];
    REQUIRE(unplaced.size() == 2);
    CHECK(unplaced[0]["reason"] == "too_few_people");
    CHECK(unplaced[0]["message"].get<std::string>().find("Fewer than 6") == 0);
}

TEST_CASE("Request errors point into the request", "[coordination]") {
    json doc = region_request();
    doc["persons"][2]["employment_start"] = "2026-02-30";
    doc["mentors"][1]["capacity"] = -1;
    const Error e = expect_error([&] { CoordinationRequest::from_json(doc.dump()); });
    std::set<std::string> paths;
    for (const auto& p : e.problems()) paths.insert(p.path);
    CHECK(paths.count("/persons/2/employment_start") == 1);
    CHECK(paths.count("/mentors/1/capacity") == 1);

    json twice = region_request();
    twice["persons"][5]["id"] = "c-open";
    CHECK(expect_error([&] { coordinate(gr(), CoordinationRequest::from_json(twice.dump())); }).path() ==
          "/persons/5/id");

    json reversed = region_request();
    reversed["term"]["to"] = "2026-12-31";
    CHECK(expect_error([&] { CoordinationRequest::from_json(reversed.dump()); }).path() == "/term/to");

    json future = region_request();
    future["persons"][3]["events"] = json::array({{{"type", "module_attended"}, {"module", "m1"}, {"date", "2027-01-10"}}});
    const Error f = expect_error([&] { coordinate(gr(), CoordinationRequest::from_json(future.dump())); });
    CHECK(f.code() == ErrorCode::future_event);
    CHECK(f.path().rfind("/persons/3/events/0", 0) == 0);
}

TEST_CASE("Introduktör load sums per introduktör over a period", "[coordination][R6]") {
    std::vector<PersonRecord> persons;
    persons.push_back(PersonRecord::from_json(R"({"id":"n-1","municipality":"ale","employment_start":"2026-01-05",
        "people":{"introduktor":"i-1"}})"));
    persons.push_back(PersonRecord::from_json(R"({"id":"n-2","municipality":"ale","employment_start":"2025-01-05",
        "people":{"introduktor":"i-1"}})"));
    persons.push_back(PersonRecord::from_json(R"({"id":"n-3","municipality":"ale","employment_start":"2020-01-05",
        "people":{"introduktor":"i-2"}})"));
    const Period week{d("2026-03-02"), d("2026-03-09")};
    const auto loads = introduktor_load(gr(), persons, week);
    REQUIRE(loads.size() == 1);  // n-3 is past the two years: owed nothing
    CHECK(loads[0].introduktor == "i-1");
    CHECK(loads[0].hours == Approx(4.0 + 2.0));
    CHECK_NOTHROW(introduktor_load(Program::builtin("uppsala-bistand-lss"), persons, week));
}
