// The person record: strict reading, typed errors with JSON Pointers, no
// personal value ever repeated in a message.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace yr_test;

namespace {
Error person_error(const json& p) {
    return expect_error([&] { PersonRecord::from_json(p.dump()); });
}
}  // namespace

TEST_CASE("a person record round-trips", "[person]") {
    json p = newcomer();
    p["leaves"] = {{{"from", "2026-06-15"}, {"to", "2026-08-09"}, {"kind", "parental"}}};
    p["people"] = {{"EC", "p-0100"}, {"FA", "p-2001"}};
    p["plan"] = {{"assignments", {{"nycklar", {"FA"}}}}, {"removed_items", {"visitkort"}}};
    p["events"] = {{{"type", "item_done"}, {"item", "nycklar"}, {"date", "2026-01-13"}}};
    const auto person = PersonRecord::from_json(p.dump());
    CHECK(json::parse(person.to_json()) == p);
}

TEST_CASE("unknown fields are rejected, naming them", "[person][errors]") {
    json p = newcomer();
    p["employment_stat"] = "2026-01-12";
    Error e = person_error(p);
    CHECK(e.code() == ErrorCode::unknown_field);
    CHECK(e.path() == "/employment_stat");
    p = newcomer();
    p["events"] = {{{"type", "item_done"}, {"item", "nycklar"}, {"date", "2026-01-13"}, {"note", "x"}}};
    CHECK(person_error(p).path() == "/events/0/note");
    p = newcomer();
    p["people"] = {{"boss", "p-1"}};
    CHECK(person_error(p).path() == "/people/boss");
}

TEST_CASE("required fields, wrong types and impossible dates", "[person][errors]") {
    json p = newcomer();
    p.erase("municipality");
    Error e = person_error(p);
    CHECK(e.code() == ErrorCode::missing_field);
    CHECK(e.path() == "/municipality");

    p = newcomer();
    p["prior_experience_months"] = "12";
    e = person_error(p);
    CHECK(e.code() == ErrorCode::wrong_type);
    CHECK(e.path() == "/prior_experience_months");

    p = newcomer();
    p["employment_start"] = "2026-02-30";
    e = person_error(p);
    CHECK(e.code() == ErrorCode::invalid_date);
    CHECK(e.path() == "/employment_start");

    p = newcomer();
    p["prior_experience_months"] = 99999999999999;
    CHECK(person_error(p).code() == ErrorCode::invalid_value);
    p["prior_experience_months"] = -1;
    CHECK(person_error(p).code() == ErrorCode::invalid_value);
}

TEST_CASE("a leave that ends before it starts is an input error", "[R1][person][errors]") {
    json p = newcomer();
    p["leaves"] = {{{"from", "2026-08-09"}, {"to", "2026-06-15"}}};
    const Error e = person_error(p);
    CHECK(e.code() == ErrorCode::reversed_period);
    CHECK(e.path() == "/leaves/0/to");
}

TEST_CASE("codes are checked: unknown codes, EJ with another code", "[R3][person][errors]") {
    json p = newcomer();
    p["plan"] = {{"assignments", {{"nycklar", {"EJ", "FA"}}}}};
    Error e = person_error(p);
    CHECK(e.code() == ErrorCode::conflicting_codes);
    CHECK(e.path() == "/plan/assignments/nycklar");
    p["plan"] = {{"assignments", {{"nycklar", {"ec"}}}}};
    e = person_error(p);
    CHECK(e.code() == ErrorCode::unknown_code);
    CHECK(e.path() == "/plan/assignments/nycklar/0");
}

TEST_CASE("malformed JSON gets a parse error without echoing the input", "[person][errors]") {
    const std::string secret = "19121212-1212";  // Skatteverket test personnummer
    Error e = expect_error([&] { PersonRecord::from_json("{\"id\": \"" + secret + "\", "); });
    CHECK(e.code() == ErrorCode::parse_error);
    CHECK_THAT(std::string(e.what()), !Catch::Contains(secret));
    // A wrong value is named by its place, never quoted.
    json p = newcomer();
    p["employment_start"] = secret;
    p["unit"] = 5;
    p["leaves"] = {{{"from", "Tolvan Tolvansson"}, {"to", "2026-01-01"}}};
    e = person_error(p);
    CHECK(e.problems().size() == 3);
    for (const auto& problem : e.problems()) {
        CHECK_THAT(problem.message, !Catch::Contains(secret));
        CHECK_THAT(problem.message, !Catch::Contains("Tolvan"));
    }
    CHECK(expect_error([] { PersonRecord::from_json(R"({"id":"a","id":"b"})"); }).code() == ErrorCode::parse_error);
    CHECK(expect_error([] { PersonRecord::from_json("\"\xff\""); }).code() == ErrorCode::parse_error);
}
