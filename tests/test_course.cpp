// R4 and R8 as code: the modules as data, issuing a certificate, checks at load and the
// language of explanations. The rule cases are tests/scenarios/r4-*.json and r8-*.json.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace yr_test;

namespace {
json attended(const char* module, const char* date, const char* round = "2026-1") {
    return {{"type", "module_attended"}, {"module", module}, {"date", date}, {"round", round}};
}
json homework(const char* module, const char* date) { return {{"type", "homework_submitted"}, {"module", module}, {"date", date}}; }

// All eight modules in order, homework a week after each module with a task.
json whole_course() {
    return json::array({attended("m1", "2026-05-20"), homework("m1", "2026-05-27"), attended("m2", "2026-06-03"),
                        homework("m2", "2026-06-10"), attended("m3", "2026-06-17"), homework("m3", "2026-06-24"),
                        attended("m4", "2026-08-19"), attended("m5", "2026-09-02"), homework("m5", "2026-09-09"),
                        attended("m6", "2026-09-16"), attended("m7", "2026-09-30"), homework("m7", "2026-10-05"),
                        attended("m8", "2026-10-07")});
}

}  // namespace

TEST_CASE("GR's eight modules are data, as Bilaga 2 lists them", "[R4]") {
    const Program& p = gr();
    REQUIRE(p.modules().size() == 8);
    const Module& m2 = p.modules()[*p.find_module("m2")];
    CHECK(m2.tasks == std::vector<std::string>{"Göra en förhandsbedömning", "Göra en utredningsplan"});
    CHECK(m2.material == std::vector<std::string>{"BBIC, del B"});
    std::vector<std::string> with_homework;
    for (const auto& m : p.modules())
        if (m.has_homework()) with_homework.push_back(m.id);
    CHECK(with_homework == std::vector<std::string>{"m1", "m2", "m3", "m5", "m7"});
    const Module& m4 = p.modules()[*p.find_module("m4")];
    REQUIRE(m4.requires_homework.size() == 1);
    CHECK(p.modules()[m4.requires_homework[0]].id == "m3");
    CHECK(p.modules()[*p.find_module("m3")].content.front() == "Reflektion över uppgiften");
}

TEST_CASE("a certificate due has a stable id, and issuing it is idempotent", "[R4][R8]") {
    json p = newcomer();
    p["events"] = whole_course();
    const auto ev = evaluate_and_keep(gr(), p, "2026-11-01");
    // Due, on m8's date: tests/scenarios/r4-course-certificate-due.json.
    const auto& cert = certificate(ev, "introduktionsprogram");
    const auto again = evaluate_and_keep(gr(), p, "2027-03-01");
    CHECK(certificate(again, "introduktionsprogram").certificate_id == cert.certificate_id);
    CHECK(cert.certificate_id.rfind("urn:yrkesresan:intyg:", 0) == 0);

    // Issuance is idempotent: same facts, same id and content.
    const auto person = PersonRecord::from_json(p.dump());
    const Certificate a = issue_certificate(gr(), person, d("2026-11-01"), "introduktionsprogram");
    const Certificate b = issue_certificate(gr(), person, d("2027-06-01"), "introduktionsprogram");
    CHECK(a.id == cert.certificate_id);
    CHECK(a.to_json() == b.to_json());
    CHECK(a.parts.size() == 8);
    CHECK(a.hours == 48);
    CHECK(a.completed_on == d("2026-10-07"));
    CHECK(a.issuer == "Göteborgsregionens kommunalförbund (GR)");
    const auto doc = json::parse(a.to_json());
    CHECK(doc["proof"].is_null());
    CHECK(doc["content"].dump() == a.content_json());
    CHECK(doc["content"]["parts"][1]["homework_submitted"] == "2026-06-10");
    // Other facts, another id.
    p["events"][0]["date"] = "2026-05-21";
    CHECK(issue_certificate(gr(), PersonRecord::from_json(p.dump()), d("2026-11-01"), "introduktionsprogram").id != a.id);
}

TEST_CASE("issuing a certificate whose requirements are not met is refused, with what is missing as data", "[R8]") {
    json p = newcomer();
    p["events"] = whole_course();
    p["events"].erase(p["events"].size() - 2);  // m7's homework is missing
    // Not due, m7's homework missing: tests/scenarios/r8-course-certificate-homework-missing.json.
    const Error e = expect_error([&] {
        issue_certificate(gr(), PersonRecord::from_json(p.dump()), d("2026-11-01"), "introduktionsprogram");
    });
    CHECK(e.code() == ErrorCode::requirements_not_met);
    CHECK(e.path().empty());
    // The missing requirement as data: the finding's code and what is missing.
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].code == ErrorCode::homework_not_submitted);
    CHECK(e.problems()[0].path == "/modules/m7");
    CHECK(e.message() == e.problems()[0].message);
    CHECK(expect_error([&] { issue_certificate(gr(), PersonRecord::from_json(p.dump()), d("2026-11-01"), "mentor"); })
              .code() == ErrorCode::unknown_reference);
}

TEST_CASE("module prerequisites are checked at load: unknown ids and cycles", "[R4][R9]") {
    json def = json::parse(gr().to_json());
    def["components"][0]["modules"][0]["requires"]["attended"] = {"m8"};
    Error e = expect_error([&] { Program::from_json(def.dump()); });
    CHECK(e.code() == ErrorCode::cycle);
    CHECK_THAT(e.message(), Catch::Contains("m1 -> m8"));
    def = json::parse(gr().to_json());
    def["components"][0]["modules"][2]["requires"]["attended"] = {"m22"};
    e = expect_error([&] { Program::from_json(def.dump()); });
    CHECK(e.code() == ErrorCode::unknown_reference);
    CHECK(e.path() == "/components/0/modules/2/requires/attended/0");
    def = json::parse(gr().to_json());
    def["components"][0]["modules"][4]["requires"]["homework"] = {"m4"};  // m4 has no task
    CHECK(expect_error([&] { Program::from_json(def.dump()); }).path() == "/components/0/modules/4/requires/homework/0");
}

TEST_CASE("explanations come in Swedish and English with the rule's source", "[R4][explanations]") {
    json p = newcomer();
    p["prior_experience_months"] = 30;
    const auto sv = evaluate_and_keep(gr(), p, "2026-06-01");
    const auto en = evaluate_and_keep(gr(), p, "2026-06-01", Language::en);
    const auto& a = component(sv, "introduktionsprogram").reasons.at(0);
    const auto& b = component(en, "introduktionsprogram").reasons.at(0);
    CHECK(a.code == b.code);
    CHECK_THAT(a.message, Catch::Contains("kan ändå anmäla"));
    CHECK_THAT(b.message, Catch::Contains("may still enrol"));
    CHECK(a.source.seed == "001");
    CHECK(a.source.pages == "29");
}
