// What an author of a program or an overlay is told: where a syntax error
// is (line and column), which ids exist, and the program checker's findings.
#include <catch2/catch.hpp>

#include "support.hpp"
#include "yrkesresan/coordination.hpp"
#include "yrkesresan/credential.hpp"

using namespace yr_test;

namespace {
// The first problem of a document that does not load.
Problem first_problem(const std::function<void()>& f) { return expect_error(f).problems().front(); }
}  // namespace

TEST_CASE("every syntax error names its line and column beside the byte", "[authoring][errors]") {
    // A trailing comma on line 3: the closing bracket is where reading stops.
    const std::string trailing = "{\n  \"format\": 1,\n  \"id\": \"x\",\n}";
    Problem p = first_problem([&] { Program::from_json(trailing); });
    CHECK(p.code == ErrorCode::parse_error);
    CHECK(p.line == 4);
    CHECK(p.column == 1);
    CHECK_THAT(p.message, Catch::StartsWith("malformed JSON at line 4, column 1 (byte 30)"));
    CHECK_THAT(p.message, Catch::Contains("a comma after the last member"));

    // A word processor's curly quote: columns count characters, not bytes.
    const std::string curly = "{\n  \"label\": \"Åsa\", \xE2\x80\x9C" "id\xE2\x80\x9D: 1}";
    p = first_problem([&] { Program::from_json(curly); });
    CHECK(p.line == 2);
    CHECK(p.column == 19);
    CHECK_THAT(p.message, Catch::Contains("typographic (curly) quote"));
    CHECK_THAT(p.message, !Catch::Contains("Åsa"));

    // Every reader: overlays, person records, coordination requests, credentials.
    const Program gr_program = gr();
    p = first_problem([&] { gr_program.with_overlay("{\n\n  \"format\": 1 \"level\": \"unit\"}"); });
    INFO(p.message);
    CHECK((p.line == 3 && p.column == 15));
    CHECK_THAT(p.message, Catch::Contains("a comma or a colon missing"));
    const std::string secret = "19121212-1212";
    p = first_problem([&] { PersonRecord::from_json("{\"id\": \"" + secret + "\",\n \"employment_start\": 2026-01-12}"); });
    CHECK(p.line == 2);
    CHECK((p.column >= 22 && p.column <= 31));  // within the unquoted date
    CHECK_THAT(p.message, !Catch::Contains(secret));
    p = first_problem([&] { CoordinationRequest::from_json("// a comment\n{}"); });
    CHECK((p.line == 1 && p.column == 1));
    CHECK_THAT(p.message, Catch::Contains("a comment (JSON has none)"));
    p = first_problem([&] { canonicalize_json("{\"a\": [1,\n 2,]}"); });
    CHECK((p.line == 2 && p.column == 4));
    // The end of the text: something is not closed.
    p = first_problem([&] { Program::from_json("{\n\"id\": \"x\""); });
    CHECK(p.line == 2);
    CHECK_THAT(p.message, Catch::Contains("ends early"));
}

namespace {
// A small program that loads without a warning; each test breaks one thing.
json clean_program() {
    return json::parse(R"({
      "format": 1, "id": "exempel", "version": "1", "valid_from": "2026-01-01", "title": "Exempel",
      "sources": {"001": "Exempelkommunens introduktionsplan"},
      "phases": [{"id": "ny", "label": "Ny", "from_months": 0, "to_months": 12,
                  "source": {"seed": "001", "pages": "1", "quote": "det första året"}},
                 {"id": "erfaren", "label": "Erfaren", "from_months": 12}],
      "checklists": [{"id": "start", "label": "Start", "due": {"months_after_start": 1}, "responsible": ["EC"],
                      "sections": [{"id": "s", "label": "S", "items": [
                        {"id": "nycklar", "label": "Nycklar"}, {"id": "dator", "label": "Dator", "requires": ["nycklar"]}]}]}],
      "components": [{"id": "handledning", "kind": "supervision", "label": "Handledning",
                      "target": {"max_experience_months_at_employment": 12},
                      "window": {"clock": "experience", "from_months": 0, "to_months": 24},
                      "sessions": 6, "session_hours": 2, "group": {"min": 3, "max": 6},
                      "certificate": {"min_sessions": 5, "within_months": 24}}]
    })");
}

std::vector<std::string> codes_of(const CheckReport& report) {
    std::vector<std::string> codes;
    for (const auto& f : report.findings) codes.push_back(f.code);
    return codes;
}

// The text at a finding's line and column.
std::string_view text_at(std::string_view text, const CheckFinding& f) {
    REQUIRE(f.line > 0);
    std::size_t at = 0;
    for (std::size_t l = 1; l < f.line; ++l) at = text.find('\n', at) + 1;
    for (std::size_t c = 1; c < f.column; ++c) {  // columns count characters
        ++at;
        while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    }
    return text.substr(at);
}

CheckFinding only(const CheckReport& report) {
    REQUIRE(report.findings.size() == 1);
    return report.findings.front();
}
}  // namespace

TEST_CASE("the checker: a clean program has no finding, the built-in ones none but what they say", "[authoring][check]") {
    CHECK(check_program(clean_program().dump(2)).findings.empty());
    CHECK(check_program(Program::builtin("uppsala-bistand-lss").to_json()).findings.empty());
    // GR's supervision is for anyone whose 12-24-month window is open
    // (docs/rules.md R5, target group): a choice the warning asks about.
    const CheckReport gr_report = check_program(Program::builtin("gr-barn-unga").to_json());
    INFO(gr_report.to_json());
    REQUIRE(gr_report.findings.size() == 1);
    CHECK(gr_report.findings[0].code == "window_without_target");
    CHECK(gr_report.findings[0].path == "/components/1/window/clock");
}

TEST_CASE("the checker reports the loader's errors with their line and column", "[authoring][check]") {
    json p = clean_program();
    p["checklists"][0]["sections"][0]["items"][1]["requires"] = {"nyckel"};
    const std::string text = p.dump(2);
    const CheckReport report = check_program(text);
    CHECK_FALSE(report.loads());
    const CheckFinding& f = only(report);
    CHECK(f.severity == CheckFinding::Severity::error);
    CHECK(f.code == "unknown_reference");
    CHECK(f.path == "/checklists/0/sections/0/items/1/requires/0");
    CHECK_THAT(std::string(text_at(text, f)), Catch::StartsWith("\"nyckel\""));
    // A syntax error keeps its own place.
    const CheckFinding& syntax = only(check_program("{\n  \"format\": 1,\n}"));
    CHECK(syntax.code == "parse_error");
    CHECK((syntax.line == 3 && syntax.column == 1));
}

TEST_CASE("the checker warns about what loads but cannot be right", "[authoring][check]") {
    json p = clean_program();
    p.erase("sources");
    CHECK(codes_of(check_program(p.dump())) == std::vector<std::string>{"no_sources"});

    p = clean_program();
    p["phases"][0]["source"]["seed"] = "002";
    const std::string cited_text = p.dump(2);
    const CheckReport cited = check_program(cited_text);
    CHECK(codes_of(cited) == std::vector<std::string>{"unknown_source", "unused_source"});
    CHECK(cited.findings[0].path == "/phases/0/source/seed");
    CHECK(cited.findings[0].severity == CheckFinding::Severity::warning);
    CHECK_THAT(std::string(text_at(cited_text, cited.findings[0])), Catch::StartsWith("\"seed\": \"002\""));
    CHECK(cited.findings[1].path == "/sources/001");
    CHECK(cited.loads());

    p = clean_program();
    p["components"][0]["certificate"]["min_sessions"] = 7;
    CheckFinding f = only(check_program(p.dump()));
    CHECK(f.code == "certificate_unreachable");
    CHECK(f.path == "/components/0/certificate/min_sessions");
    CHECK_THAT(f.message, Catch::Contains("7 sessions") && Catch::Contains("offers 6"));

    p = clean_program();
    p["components"][0].erase("target");
    f = only(check_program(p.dump()));
    CHECK(f.code == "window_without_target");
    CHECK(f.path == "/components/0/window/clock");

    // Due on the first day, requiring an item due a month after the start.
    p = clean_program();
    p["checklists"][0]["sections"][0]["items"][1]["due"] = {{"days_before_start", 0}};
    f = only(check_program(p.dump()));
    CHECK(f.code == "deadline_before_prerequisite");
    CHECK(f.path == "/checklists/0/sections/0/items/1/requires/0");
    CHECK(f.message == "due 0 days before the start, the item it requires 1 months after the start: it is overdue before what it waits for is due");
    p["checklists"][0]["sections"][0]["items"][0]["due"] = {{"days_before_start", 1}};
    CHECK(check_program(p.dump()).findings.empty());

    p = clean_program();
    p["checklists"][0]["sections"][0]["items"][1]["label"] = "Nycklar";
    f = only(check_program(p.dump()));
    CHECK(f.code == "duplicate_label");
    CHECK_THAT(f.message, Catch::Contains("/checklists/0/sections/0/items/0"));
}

TEST_CASE("the checker checks overlays in order, on the program they are layered on", "[authoring][check]") {
    const std::string program = clean_program().dump();
    const std::string removes_and_requires = R"({
      "format": 1, "overlay": "kommun", "level": "municipality", "program": "exempel",
      "remove_items": ["nycklar"],
      "add_items": [{"checklist": "start", "id": "passerkort", "label": "Passerkort", "requires": ["nycklar"]}]
    })";
    CheckReport report = check_program(program, {removes_and_requires});
    CHECK(report.loads());
    CheckFinding f = only(report);
    CHECK(f.code == "requires_removed_item");
    CHECK(f.document == 1);
    CHECK(f.path == "/add_items/0/requires/0");
    CHECK(f.line == 4);
    CHECK_THAT(std::string(text_at(removes_and_requires, f)), Catch::StartsWith("\"nycklar\"]}]"));

    report = check_program(program, {R"({"format": 1, "overlay": "tom", "level": "unit", "program": "exempel"})"});
    CHECK(codes_of(report) == std::vector<std::string>{"overlay_changes_nothing"});

    // A date that divides no one: on or before the program's first day.
    const std::string dated = R"({"format": 1, "overlay": "d", "level": "unit", "program": "exempel", "applies_from": "%s",
                                  "set_responsible": {"nycklar": ["EC"]}})";
    auto with_date = [&](const char* day) { return dated.substr(0, dated.find("%s")) + day + dated.substr(dated.find("%s") + 2); };
    report = check_program(program, {with_date("2000-01-01")});
    CHECK(codes_of(report) == std::vector<std::string>{"applies_from_before_program"});
    CHECK(report.findings.at(0).path == "/applies_from");
    CHECK(check_program(program, {with_date("2099-01-01")}).findings.empty());

    report = check_program(program, {removes_and_requires, "{\"format\": 1,\n \"overlay\": \"x\", \"level\": \"unit\", \"program\": \"annat\"}"});
    CHECK_FALSE(report.loads());
    REQUIRE(report.findings.size() == 2);  // the error first, then the first overlay's warning
    CHECK(report.findings[0].document == 2);
    CHECK(report.findings[0].path == "/program");
    CHECK((report.findings[0].line == 2 && report.findings[0].column == 35));
    CHECK(report.findings[1].code == "requires_removed_item");

    const json doc = json::parse(report.to_json());
    CHECK(doc["loads"] == false);
    CHECK(doc["errors"] == 1);
    CHECK(doc["warnings"] == 1);
    CHECK(doc["findings"][0]["severity"] == "error");
    CHECK(doc["findings"][0]["document"] == 2);
}

TEST_CASE("messages name what the author needs: the first use, the ids that exist, the program expected", "[authoring][errors]") {
    json p = clean_program();
    auto& items = p["checklists"][0]["sections"][0]["items"];
    items.push_back({{"id", "nycklar"}, {"label", "Nycklar igen"}});
    Problem e = first_problem([&] { Program::from_json(p.dump()); });
    CHECK(e.code == ErrorCode::duplicate_id);
    CHECK(e.path == "/checklists/0/sections/0/items/2/id");
    CHECK_THAT(e.message, Catch::Contains("first at /checklists/0/sections/0/items/0/id"));

    p = clean_program();
    p["phases"][1]["id"] = "ny";
    e = first_problem([&] { Program::from_json(p.dump()); });
    CHECK_THAT(e.message, Catch::Contains("first at /phases/0/id"));

    p = clean_program();
    p["checklists"][0]["sections"][0]["items"][1]["requires"] = {"nyckel"};
    e = first_problem([&] { Program::from_json(p.dump()); });
    CHECK(e.message == "no item 'nyckel' in the program; the ids that exist: 'nycklar', 'dator'");

    // GR has dozens of items: the nearest few, and how many there are.
    const std::string remove = R"({"format": 1, "overlay": "k", "level": "municipality", "program": "gr-barn-unga",
                                   "remove_items": ["nyckel"]})";
    e = first_problem([&] { gr().with_overlay(remove); });
    CHECK_THAT(e.message, Catch::StartsWith("no item 'nyckel' to remove; the ids that exist: 'nycklar', "));
    CHECK_THAT(e.message, Catch::EndsWith(" (of " + std::to_string(gr().items().size()) + ")"));

    const std::string section = R"({"format": 1, "overlay": "k", "level": "municipality", "program": "exempel",
      "add_items": [{"checklist": "start", "section": "t", "id": "ny", "label": "Ny"}]})";
    e = first_problem([&] { Program::from_json(clean_program().dump()).with_overlay(section); });
    CHECK(e.message == "no section 't' in the checklist; the ids that exist: 's'");
    const std::string checklist = R"({"format": 1, "overlay": "k", "level": "municipality", "program": "exempel",
      "add_items": [{"checklist": "slut", "id": "ny", "label": "Ny"}]})";
    e = first_problem([&] { Program::from_json(clean_program().dump()).with_overlay(checklist); });
    CHECK(e.message == "no checklist 'slut' in the program; the ids that exist: 'start'");

    const std::string other = R"({"format": 1, "overlay": "k", "level": "municipality", "program": "gr-barn-unga"})";
    e = first_problem([&] { Program::from_json(clean_program().dump()).with_overlay(other); });
    CHECK(e.path == "/program");
    CHECK(e.message == "the overlay is written for program 'gr-barn-unga', not for 'exempel'");
}

TEST_CASE("the templates of data/templates load, check clean and evaluate a newcomer", "[authoring][templates]") {
    const std::string program_text = read_file(std::string(YR_SOURCE_DIR) + "/data/templates/program.json");
    const std::string overlay_text = read_file(std::string(YR_SOURCE_DIR) + "/data/templates/overlay.json");
    const CheckReport report = check_program(program_text, {overlay_text});
    INFO(report.to_json());
    CHECK(report.findings.empty());
    const Program p = Program::from_json(program_text).with_overlay(overlay_text);
    CHECK(p.layers() == std::vector<std::string>{"municipality:mall-kommun"});
    CHECK_FALSE(p.find_item("fadder"));
    REQUIRE(p.find_item("kommun-intranat"));
    json person = {{"id", "p-1"}, {"municipality", "exempelkommun"}, {"employment_start", "2026-02-02"},
                   {"events", {{{"type", "item_done"}, {"item", "nycklar"}, {"date", "2026-02-02"}},
                               {{"type", "module_attended"}, {"module", "m1"}, {"date", "2026-03-10"}}}}};
    const Evaluation ev = evaluate_and_keep(p, person, "2026-06-01");
    CHECK(ev.phase.id == "introduktion");
    CHECK(item(ev, "nycklar").state == ItemState::done);
    CHECK(item(ev, "kommun-intranat").state == ItemState::overdue);
    CHECK(module(ev, "m1").attended.has_value());
    CHECK(component(ev, "utbildning").eligibility == Eligibility::in_progress);
}

TEST_CASE("an overlay adapts deadlines and a component's settings within what its kind allows", "[authoring][R3]") {
    const Program base = Program::from_json(clean_program().dump());
    const std::string adapt = R"({"format": 1, "overlay": "kommun", "level": "municipality", "program": "exempel",
      "set_due": {"start": {"months_after_start": 2}, "dator": {"days_before_start": 3}},
      "set_component": {"handledning": {"sessions": 10, "window": {"clock": "experience", "from_months": 0, "to_months": 36},
                                        "certificate": {"min_sessions": 8, "within_months": 24}}}})";
    const Program p = base.with_overlay(adapt);
    const auto& lists = p.checklists();
    CHECK(lists[0].due.kind == DueRule::Kind::months_after_start);
    CHECK(lists[0].due.amount == 2);
    CHECK(p.items()[*p.find_item("nycklar")].due.amount == 2);  // follows its checklist
    CHECK(p.items()[*p.find_item("dator")].due.kind == DueRule::Kind::days_before_start);
    const Component& c = p.components()[*p.find_component("handledning")];
    const Supervision* s = c.as<Supervision>();
    REQUIRE(s != nullptr);
    CHECK(s->sessions == 10);
    CHECK(c.window->to_months == 36);
    REQUIRE(s->certificate.has_value());
    CHECK(s->certificate->min_sessions == 8);
    CHECK(s->group.max == 6);  // what the overlay does not name stays the program's
    CHECK(check_program(clean_program().dump(), {adapt}).findings.empty());

    // A checklist's default codes, for its items without their own.
    const Program coded = base.with_overlay(R"({"format": 1, "overlay": "k", "level": "unit", "program": "exempel",
      "set_responsible": {"start": ["1:e"], "dator": ["FA"]}})");
    CHECK(coded.items()[*coded.find_item("nycklar")].responsible.has(Role::forste));
    CHECK_FALSE(coded.items()[*coded.find_item("nycklar")].responsible.has(Role::EC));
    CHECK(coded.items()[*coded.find_item("dator")].responsible.has(Role::FA));

    // Problems are reported in the overlay, where the value is set.
    Problem e = first_problem([&] { base.with_overlay(R"({"format": 1, "overlay": "k", "level": "unit", "program": "exempel",
      "set_component": {"handledning": {"sessions": 0, "modules": []}}})"); });
    CHECK(e.code == ErrorCode::unknown_field);
    CHECK(e.path == "/set_component/handledning/modules");
    e = first_problem([&] { base.with_overlay(R"({"format": 1, "overlay": "k", "level": "unit", "program": "exempel",
      "set_component": {"handledning": {"sessions": 0}}})"); });
    CHECK(e.code == ErrorCode::invalid_value);
    CHECK(e.path == "/set_component/handledning/sessions");
    e = first_problem([&] { base.with_overlay(R"({"format": 1, "overlay": "k", "level": "unit", "program": "exempel",
      "set_due": {"nyckel": {"months_after_start": 1}}})"); });
    CHECK(e.code == ErrorCode::unknown_reference);
    CHECK(e.path == "/set_due/nyckel");
    CHECK_THAT(e.message, Catch::Contains("'nycklar'"));
    e = first_problem([&] { base.with_overlay(R"({"format": 1, "overlay": "k", "level": "unit", "program": "exempel",
      "set_due": {"start": {"weeks": 1}}})"); });
    CHECK(e.path == "/set_due/start/weeks");
    // A certificate the overlay makes unreachable is a warning of the checker.
    const CheckReport report = check_program(clean_program().dump(), {R"({"format": 1, "overlay": "k", "level": "unit",
      "program": "exempel", "set_component": {"handledning": {"sessions": 4}}})"});
    const CheckFinding f = only(report);
    CHECK(f.code == "certificate_unreachable");
    CHECK(f.document == 1);
    CHECK(f.path == "/set_component/handledning/certificate/min_sessions");
    CHECK(f.line == 2);  // the innermost place the overlay has: its entry for the component
}
