// R4: the introduction course, its modules, prerequisites, window and certificate.
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

TEST_CASE("all modules and homework give a certificate due on the last requirement, with a stable id", "[R4][R8]") {
    json p = newcomer();
    p["events"] = whole_course();
    const auto ev = evaluate_and_keep(gr(), p, "2026-11-01");
    const auto& cert = certificate(ev, "introduktionsprogram");
    CHECK(cert.status == CertificateStatus::due);
    CHECK(cert.missing.empty());
    CHECK(ev.warnings.empty());
    CHECK(cert.completed_on == d("2026-10-07"));  // m8, the last requirement met
    CHECK(component(ev, "introduktionsprogram").eligibility == Eligibility::completed);
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

TEST_CASE("a certificate is issued only when its requirements are met", "[R8]") {
    json p = newcomer();
    p["events"] = whole_course();
    p["events"].erase(p["events"].size() - 2);  // m7's homework is missing
    const auto ev = evaluate_and_keep(gr(), p, "2026-11-01");
    const auto& cert = certificate(ev, "introduktionsprogram");
    CHECK(cert.status == CertificateStatus::not_due);
    REQUIRE(cert.missing.size() == 1);
    CHECK(cert.missing[0].code == "homework_not_submitted");
    CHECK(cert.missing[0].ref == "m7");
    CHECK(cert.missing[0].source.pages == "30");
    CHECK_FALSE(cert.completed_on);
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

TEST_CASE("a recorded issuance makes the certificate issued; an early one is kept and reported", "[R8]") {
    json p = newcomer();
    p["events"] = whole_course();
    p["events"].push_back({{"type", "certificate_issued"}, {"component", "introduktionsprogram"}, {"date", "2026-10-20"}});
    auto ev = evaluate_and_keep(gr(), p, "2026-11-01");
    CHECK(certificate(ev, "introduktionsprogram").status == CertificateStatus::issued);
    CHECK(certificate(ev, "introduktionsprogram").issued_on == d("2026-10-20"));
    CHECK(ev.warnings.empty());
    p["events"].erase(0);  // m1 never attended
    ev = evaluate_and_keep(gr(), p, "2026-11-01");
    CHECK(certificate(ev, "introduktionsprogram").status == CertificateStatus::issued);
    REQUIRE_FALSE(ev.warnings.empty());
    CHECK(ev.warnings.back().code == "certificate_issued_early");
}

TEST_CASE("a certificate recorded issued before the last requirement was met stays reported once it is met", "[R8]") {
    json p = newcomer();
    p["events"] = whole_course();
    const Date completed = *certificate(evaluate_and_keep(gr(), p, "2026-11-01"), "introduktionsprogram").completed_on;
    p["events"].push_back({{"type", "certificate_issued"},
                           {"component", "introduktionsprogram"},
                           {"date", completed.add_days(-1).to_string()}});
    const auto ev = evaluate_and_keep(gr(), p, "2026-11-01");
    CHECK(certificate(ev, "introduktionsprogram").status == CertificateStatus::issued);
    REQUIRE_FALSE(ev.warnings.empty());
    CHECK(ev.warnings.back().code == "certificate_issued_early");
    CHECK(ev.warnings.back().date == completed.add_days(-1));
}

TEST_CASE("attending m4 without m3 is kept as completed and reported", "[R4][warnings]") {
    json p = newcomer();
    p["events"] = {attended("m1", "2026-05-20"), homework("m1", "2026-05-27"), attended("m2", "2026-06-03"),
                   homework("m2", "2026-06-10"), attended("m4", "2026-06-17")};
    const auto ev = evaluate_and_keep(gr(), p, "2026-07-01");
    CHECK(module(ev, "m4").state == ModuleState::completed);
    CHECK(module(ev, "m4").attended == d("2026-06-17"));
    std::vector<std::string> codes;
    for (const auto& w : ev.warnings) {
        CHECK(w.ref == "m4");
        codes.push_back(w.code);
    }
    CHECK(codes == std::vector<std::string>{"prerequisite_violation", "prerequisite_violation"});  // m3 and its homework
    CHECK(module(ev, "m3").state == ModuleState::available);
    CHECK(module(ev, "m5").state == ModuleState::available);  // m4 is attended
    CHECK(module(ev, "m6").state == ModuleState::locked);
}

TEST_CASE("locked modules list their missing prerequisites", "[R4]") {
    json p = newcomer();
    p["events"] = {attended("m1", "2026-05-20"), attended("m2", "2026-06-03")};
    const auto ev = evaluate_and_keep(gr(), p, "2026-07-01");
    CHECK(module(ev, "m1").state == ModuleState::completed);
    const auto& m3 = module(ev, "m3");
    CHECK(m3.state == ModuleState::locked);
    REQUIRE(m3.missing.size() == 1);
    CHECK(m3.missing[0].code == "homework_not_submitted");
    CHECK(m3.missing[0].ref == "m2");
    const auto& m4 = module(ev, "m4");
    REQUIRE(m4.missing.size() == 2);
    CHECK(m4.missing[0].code == "module_not_attended");
    bool asked = false;
    for (const auto& a : ev.actions)
        asked = asked || (a.kind == Action::Kind::submit_homework && a.item == "m2" && a.role == Role::SJ);
    CHECK(asked);
}

TEST_CASE("a module missed in one round is made up in a later round", "[R4]") {
    json p = newcomer();
    p["events"] = whole_course();
    p["events"][4] = attended("m3", "2027-02-10", "2027-1");  // m3 made up in the next round
    p["events"][5] = homework("m3", "2027-02-17");
    const auto ev = evaluate_and_keep(gr(), p, "2027-03-01");
    CHECK(module(ev, "m3").round == "2027-1");
    CHECK(certificate(ev, "introduktionsprogram").status == CertificateStatus::due);
    CHECK(certificate(ev, "introduktionsprogram").completed_on == d("2027-02-17"));
    // m4 came before its prerequisites were made up: kept, reported.
    CHECK_FALSE(ev.warnings.empty());
}

TEST_CASE("homework for a module without a task is kept and reported", "[R4][warnings]") {
    json p = newcomer();
    p["events"] = {attended("m1", "2026-05-20"), homework("m4", "2026-05-27")};
    const auto ev = evaluate_and_keep(gr(), p, "2026-07-01");
    REQUIRE(ev.warnings.size() == 1);
    CHECK(ev.warnings[0].code == "homework_without_task");
    p["events"] = json::array({attended("m9", "2026-05-20")});
    const auto kept = evaluate_and_keep(gr(), p, "2026-07-01");
    REQUIRE(kept.warnings.size() == 1);
    CHECK(kept.warnings[0].code == "unknown_in_program");
    CHECK(kept.warnings[0].path == "/events/0/module");
}

TEST_CASE("the course window: start within 4 months to 1 year of employment", "[R4][R1]") {
    json p = newcomer();  // employed 2026-01-12
    auto ev = evaluate_and_keep(gr(), p, "2026-05-11");
    const auto& c = component(ev, "introduktionsprogram");
    CHECK(c.eligibility == Eligibility::not_yet);
    CHECK(c.window->from == d("2026-05-12"));
    CHECK(c.window->last() == d("2027-01-11"));
    CHECK(c.reasons.at(0).code == "window_not_open");
    CHECK(component(evaluate_and_keep(gr(), p, "2026-05-12"), "introduktionsprogram").eligibility == Eligibility::eligible);
    CHECK(component(evaluate_and_keep(gr(), p, "2027-01-11"), "introduktionsprogram").eligibility == Eligibility::eligible);
    ev = evaluate_and_keep(gr(), p, "2027-01-12");
    CHECK(component(ev, "introduktionsprogram").eligibility == Eligibility::window_passed);
    bool flagged = false;
    for (const auto& a : ev.actions)
        flagged = flagged || (a.role == Role::EC && a.kind == Action::Kind::enrol && a.component == "introduktionsprogram");
    CHECK(flagged);
}

TEST_CASE("parental leave moves the course window by its length", "[R4][R1]") {
    json p = newcomer();
    p["leaves"] = {{{"from", "2026-03-01"}, {"to", "2026-04-25"}, {"kind", "parental"}}};  // 56 days
    const auto ev = evaluate_and_keep(gr(), p, "2026-06-01");
    const auto& c = component(ev, "introduktionsprogram");
    CHECK(c.window->from == d("2026-05-12").add_days(56));
    CHECK(c.window->until == d("2027-01-12").add_days(56));
    CHECK(c.eligibility == Eligibility::not_yet);
}

TEST_CASE("a person hired with 30 months of experience is not targeted by the course", "[R4]") {
    json p = newcomer();
    p["prior_experience_months"] = 30;
    auto ev = evaluate_and_keep(gr(), p, "2026-06-01");
    const auto& c = component(ev, "introduktionsprogram");
    CHECK(c.eligibility == Eligibility::not_targeted);
    CHECK(c.reasons.at(0).code == "not_targeted");
    CHECK_THAT(c.reasons.at(0).message, Catch::Contains("kan ändå anmäla"));
    // 11 months is still new in the profession; 12 is not.
    p["prior_experience_months"] = 11;
    CHECK(component(evaluate_and_keep(gr(), p, "2026-06-01"), "introduktionsprogram").eligibility == Eligibility::eligible);
    p["prior_experience_months"] = 12;
    CHECK(component(evaluate_and_keep(gr(), p, "2026-06-01"), "introduktionsprogram").eligibility == Eligibility::not_targeted);
    // A manager may still enrol them: then they are in progress.
    p["events"] = json::array({attended("m1", "2026-05-20")});
    CHECK(component(evaluate_and_keep(gr(), p, "2026-06-01"), "introduktionsprogram").eligibility == Eligibility::in_progress);
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
    CHECK_THAT(b.message, Catch::Contains("may still enrol"));
    CHECK(a.source.seed == "001");
    CHECK(a.source.pages == "29");
}
