// R9: programs as data; R2 phases; the shipped GR and Uppsala programs.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace yr_test;

namespace {
int items_in(const Program& p, std::string_view checklist) {
    return static_cast<int>(p.checklists()[*p.find_checklist(checklist)].item_count);
}

std::string label_of(const Program& p, std::string_view id) { return p.items()[*p.find_item(id)].label; }

json minimal_program() {
    return json::parse(R"({
      "format": 1, "id": "test", "version": "1", "valid_from": "2026-01-01", "title": "Test",
      "phases": [{"id": "a", "label": "A", "from_months": 0, "to_months": 12},
                 {"id": "b", "label": "B", "from_months": 12}],
      "checklists": [{"id": "c", "label": "C", "due": {"months_after_start": 4},
                      "sections": [{"id": "s", "label": "S", "items": [
                        {"id": "x", "label": "X"}, {"id": "y", "label": "Y", "requires": ["x"]}]}]}]
    })");
}
}  // namespace

TEST_CASE("both programs ship inside the library", "[R9]") {
    const auto ids = Program::builtin_ids();
    CHECK(ids == std::vector<std::string>{"gr-barn-unga", "uppsala-bistand-lss"});
    const Program u = Program::builtin("uppsala-bistand-lss");
    CHECK(u.phases().size() == 1);  // seed 000 has no phases: one phase for all experience
    CHECK(items_in(u, "nyanstalld") == 3);
    const Error e = expect_error([] { Program::builtin("no-such-program"); });
    CHECK(e.code() == ErrorCode::not_found);
}

TEST_CASE("GR checklists hold every item of seed 001 pages 34-37", "[R3][R9]") {
    const Program& p = gr();
    CHECK(items_in(p, "introduktion") == 58);           // pages 34-35
    CHECK(items_in(p, "ankomst-administrator") == 12);  // page 36
    CHECK(items_in(p, "ankomst-enhetschef") == 10);     // page 37
    // Labels as the seed spells them, comments on the items they follow.
    CHECK(label_of(p, "telefon-kalender") == "Ordna telefon, kalender m.m");
    CHECK(label_of(p, "sjukanmalan-franvaro") == "Sjukanmälan / frånvaro");
    CHECK(label_of(p, "ec-informera-administrator") == "Informera administratör om anställningen");
    CHECK(label_of(p, "ad-informera-vakt") ==
          "Informera vakt i receptionen om datum för när den nyanställde börjar, så att tag finns");
    CHECK(p.items()[*p.find_item("samverkansparter")].comment == "Ex Västbus, Barnahus m.m");
    CHECK(p.items()[*p.find_item("arbetsmetoder")].comment == "Ex ADAD, Ester, AUDIT m.m");
    CHECK(p.items()[*p.find_item("valkomstbrev")].comment == "Se mall för välkomstbrev");
}

TEST_CASE("GR phases follow R2 (docs/rules.md)", "[R2]") {
    const Program& p = gr();
    CHECK(p.phase_at(0).id == "introduktion");
    CHECK(p.phase_at(23).id == "introduktion");
    CHECK(p.phase_at(24).id == "fordjupning");
    CHECK(p.phase_at(59).id == "fordjupning");
    CHECK(p.phase_at(60).id == "specialist");
    CHECK(p.phase_at(600).id == "specialist");
    const Program u = Program::builtin("uppsala-bistand-lss");
    // Uppsala bistånd/LSS distinguishes by employment, not experience.
    CHECK(u.phase_at(0).id == "medarbetare");
    CHECK(u.phase_at(12).id == "medarbetare");
    CHECK(u.phase_at(600).id == "medarbetare");
}

TEST_CASE("GR encodes the arrival prerequisites across checklists", "[R3]") {
    const Program& p = gr();
    const auto inform = *p.find_item("ec-informera-administrator");
    for (const auto& it : p.items()) {
        if (it.checklist != *p.find_checklist("ankomst-administrator")) continue;
        CHECK(std::find(it.prerequisites.begin(), it.prerequisites.end(), inform) != it.prerequisites.end());
    }
    const auto& send = p.items()[*p.find_item("ad-skicka-valkomstbrev")].prerequisites;
    CHECK(std::find(send.begin(), send.end(), *p.find_item("ec-forbered-valkomstbrev")) != send.end());
}

TEST_CASE("a program round-trips through its definition", "[R9]") {
    const Program again = Program::from_json(gr().to_json());
    CHECK(again.items().size() == gr().items().size());
    CHECK(again.to_json() == gr().to_json());
}

TEST_CASE("a phase table with a gap is rejected, naming the gap", "[R2]") {
    json def = minimal_program();
    def["phases"][1]["from_months"] = 18;
    const Error e = expect_error([&] { Program::from_json(def.dump()); });
    CHECK(e.code() == ErrorCode::phase_gap);
    CHECK(e.path() == "/phases/1");
    CHECK_THAT(e.message(), Catch::Contains("[12, 18)"));
}

TEST_CASE("overlapping phases and a closed last phase are rejected", "[R2]") {
    json def = minimal_program();
    def["phases"][1]["from_months"] = 6;
    CHECK(expect_error([&] { Program::from_json(def.dump()); }).code() == ErrorCode::phase_overlap);
    def = minimal_program();
    def["phases"][1]["to_months"] = 60;
    const Error e = expect_error([&] { Program::from_json(def.dump()); });
    CHECK(e.code() == ErrorCode::phase_gap);
    CHECK_THAT(e.message(), Catch::Contains("[60, inf)"));
    def = minimal_program();
    def["phases"][0]["from_months"] = 1;
    CHECK(expect_error([&] { Program::from_json(def.dump()); }).code() == ErrorCode::phase_gap);
}

TEST_CASE("program validation reports every problem with a JSON Pointer", "[R9][errors]") {
    json def = minimal_program();
    def["checklists"][0]["sections"][0]["items"][1]["requires"] = {"nope"};
    def["checklists"][0]["sections"][0]["items"][0]["responsible"] = {"EJ", "EC"};
    def["checklists"][0]["sections"][0]["items"][0]["colour"] = "red";
    def["valid_from"] = "2026-02-30";
    const Error e = expect_error([&] { Program::from_json(def.dump()); });
    REQUIRE(e.problems().size() == 4);
    auto has = [&](ErrorCode code, std::string_view path) {
        for (const auto& p : e.problems())
            if (p.code == code && p.path == path) return true;
        return false;
    };
    CHECK(has(ErrorCode::invalid_date, "/valid_from"));
    CHECK(has(ErrorCode::unknown_field, "/checklists/0/sections/0/items/0/colour"));
    CHECK(has(ErrorCode::conflicting_codes, "/checklists/0/sections/0/items/0/responsible"));
    CHECK(has(ErrorCode::unknown_reference, "/checklists/0/sections/0/items/1/requires/0"));
}

TEST_CASE("cycles and duplicate ids are rejected, naming them", "[R3][R9]") {
    json def = minimal_program();
    def["checklists"][0]["sections"][0]["items"][0]["requires"] = {"y"};
    Error e = expect_error([&] { Program::from_json(def.dump()); });
    CHECK(e.code() == ErrorCode::cycle);
    CHECK_THAT(e.message(), Catch::Contains("x -> y -> x"));
    def = minimal_program();
    def["checklists"][0]["sections"][0]["items"][1]["id"] = "x";
    e = expect_error([&] { Program::from_json(def.dump()); });
    CHECK(e.code() == ErrorCode::duplicate_id);
    CHECK(e.path() == "/checklists/0/sections/0/items/1/id");
}

TEST_CASE("malformed program documents get typed errors, never a crash", "[R9][errors]") {
    CHECK(expect_error([] { Program::from_json("{"); }).code() == ErrorCode::parse_error);
    CHECK(expect_error([] { Program::from_json("[]"); }).code() == ErrorCode::wrong_type);
    CHECK(expect_error([] { Program::from_json(R"({"a":1,"a":2})"); }).code() == ErrorCode::parse_error);
    CHECK(expect_error([] { Program::from_json(std::string(100000, '[')); }).code() == ErrorCode::limit_exceeded);
    json def = minimal_program();
    def["phases"] = "many";
    const Error e = expect_error([&] { Program::from_json(def.dump()); });
    CHECK(e.code() == ErrorCode::wrong_type);
    CHECK(e.path() == "/phases");
}

TEST_CASE("a due rule on the hiring decision names the rule for records without one", "[R3][R9]") {
    json def = minimal_program();
    auto& item = def["checklists"][0]["sections"][0]["items"][0];
    item["due"] = {{"days_after_hired", 7}, {"otherwise", {{"days_before_start", 1}}}};
    const Program p = Program::from_json(def.dump());
    const DueRule& due = p.items()[*p.find_item("x")].due;
    CHECK(due.kind == DueRule::Kind::days_after_hired);
    CHECK(due.amount == 7);
    CHECK(due.otherwise_kind == DueRule::Kind::days_before_start);
    CHECK(due.otherwise_amount == 1);

    item["due"] = {{"days_after_hired", 7}};
    Error e = expect_error([&] { Program::from_json(def.dump()); });
    CHECK(e.code() == ErrorCode::missing_field);
    CHECK(e.path() == "/checklists/0/sections/0/items/0/due/otherwise");
    item["due"] = {{"days_after_hired", 7}, {"otherwise", {{"days_after_hired", 3}, {"otherwise", {{"days_before_start", 1}}}}}};
    e = expect_error([&] { Program::from_json(def.dump()); });
    CHECK(e.path() == "/checklists/0/sections/0/items/0/due/otherwise");
    item["due"] = {{"months_after_start", 4}, {"otherwise", {{"days_before_start", 1}}}};
    e = expect_error([&] { Program::from_json(def.dump()); });
    CHECK(e.path() == "/checklists/0/sections/0/items/0/due/otherwise");
    item["due"] = {{"days_after_hired", 400}, {"otherwise", {{"days_before_start", 1}}}};  // out of range: one problem
    e = expect_error([&] { Program::from_json(def.dump()); });
    CHECK(e.problems().size() == 1);
    CHECK(e.path() == "/checklists/0/sections/0/items/0/due/days_after_hired");
    item["due"] = {{"months_after_start", 4}, {"days_before_start", 1}};
    e = expect_error([&] { Program::from_json(def.dump()); });
    CHECK(e.code() == ErrorCode::invalid_value);
    CHECK(e.path() == "/checklists/0/sections/0/items/0/due");
}

TEST_CASE("a citation quotes the words a rule rests on, or states its assumption", "[R9]") {
    json def = minimal_program();
    auto& list = def["checklists"][0];
    list["source"] = {{"seed", "001"}, {"pages", "34"}, {"quote", "Checklista för introduktion"}};
    CHECK(Program::from_json(def.dump()).checklists()[0].source.quote == "Checklista för introduktion");
    list["source"] = {{"seed", "001"}, {"pages", "34"}, {"assumption", "fyra månader"}};
    CHECK(Program::from_json(def.dump()).checklists()[0].source.assumption == "fyra månader");
    list["source"] = {{"seed", "001"}, {"pages", "34"}, {"interpretation", "utan ord att stå på"}};
    Error e = expect_error([&] { Program::from_json(def.dump()); });
    CHECK(e.code() == ErrorCode::missing_field);
    CHECK(e.path() == "/checklists/0/source/quote");
    list["source"] = {{"seed", "001"}, {"pages", "34"}, {"note", "the old free text"}};
    e = expect_error([&] { Program::from_json(def.dump()); });
    bool unknown = false;
    for (const auto& problem : e.problems()) unknown = unknown || problem.path == "/checklists/0/source/note";
    CHECK(unknown);
}

TEST_CASE("both programs carry a dated changelog with the sources of each change", "[R9]") {
    for (const auto& id : Program::builtin_ids()) {
        const Program p = Program::builtin(id);
        REQUIRE_FALSE(p.changes().empty());
        CHECK(p.changes().front().version == p.version());  // newest first
        for (const auto& change : p.changes()) {
            CHECK_FALSE(change.summary.empty());
            for (const auto& s : change.sources) CHECK((!s.quote.empty() || !s.assumption.empty()));
        }
    }
}

TEST_CASE("every component of the built-in programs names its organiser", "[R9]") {
    for (const auto& id : Program::builtin_ids())
        for (const auto& c : Program::builtin(id).components()) {
            INFO(id << " " << c.id);
            REQUIRE(c.organiser.has_value());
            CHECK_FALSE(c.organiser->label.empty());
        }
    const Program& p = gr();
    CHECK(p.components()[*p.find_component("introduktionsprogram")].organiser->id == "gr");
    CHECK(p.components()[*p.find_component("handledning")].obligation == Obligation::offer);
    CHECK(p.components()[*p.find_component("introduktor")].obligation == Obligation::recommendation);
    CHECK_FALSE(p.components()[*p.find_component("handledning")].target.has_value());  // page 30: "viss erfarenhet"
}

TEST_CASE("a component shows the rules of its own kind and no other", "[api]") {
    const Program& p = gr();
    const Component& course = p.components()[*p.find_component("introduktionsprogram")];
    REQUIRE(course.kind() == ComponentKind::course);
    REQUIRE(course.as<Course>() != nullptr);
    CHECK(course.as<Supervision>() == nullptr);
    CHECK(course.as<Course>()->module_count == 8);
    CHECK(course.as<Course>()->module_hours == 6.0);
    CHECK(course.gives_certificate());

    const Component& supervision = p.components()[*p.find_component("handledning")];
    const Supervision* s = supervision.as<Supervision>();
    REQUIRE(s != nullptr);
    CHECK(s->sessions == 10);
    CHECK(s->session_hours == 2.0);
    CHECK(s->group.min == 6);
    CHECK(s->group.max == 8);
    CHECK(s->group.mix_municipalities);
    REQUIRE(s->certificate.has_value());
    CHECK(s->certificate->min_sessions == 8);
    CHECK(s->certificate->within_months == 12);

    const Component& mentor = p.components()[*p.find_component("mentor")];
    REQUIRE(mentor.as<Mentor>() != nullptr);
    CHECK(mentor.as<Mentor>()->other_municipality);
    CHECK(mentor.as<Mentor>()->more_experienced);
    CHECK_FALSE(mentor.gives_certificate());

    const Component& introduktor = p.components()[*p.find_component("introduktor")];
    REQUIRE(introduktor.as<Introduktor>() != nullptr);
    CHECK(introduktor.as<Introduktor>()->hours_per_week.size() == 2);
    CHECK(to_string(introduktor.kind()) == "introduktor");
}
