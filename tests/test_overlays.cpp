// R3 layering: program template -> municipality overlay -> unit sections -> individual plan.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace yr_test;

namespace {
std::string overlay_file(const char* name) { return read_file(std::string(YR_SOURCE_DIR) + "/data/overlays/" + name); }

json overlay(json body) {
    json o = {{"format", 1}, {"overlay", "test"}, {"level", "municipality"}, {"program", "gr-barn-unga"}};
    o.update(body);
    return o;
}
}  // namespace

TEST_CASE("municipality and unit overlays add, remove and code items", "[R3][layering]") {
    const Program p = gr().with_overlays({overlay_file("example-kungalv.json"), overlay_file("example-kungalv-utredning.json")});
    CHECK(p.layers() == std::vector<std::string>{"municipality:kungalv", "unit:kungalv-utredning"});
    CHECK(p.find_item("kungalv-signs-of-safety"));
    CHECK(p.find_item("utredning-ga-bredvid"));
    CHECK_FALSE(p.find_item("visitkort"));
    CHECK(p.items()[*p.find_item("valkomstbrev")].responsible.has(Role::EC));
    const auto& added = p.items()[*p.find_item("utredning-ga-bredvid")];
    REQUIRE(added.prerequisites.size() == 1);
    CHECK(p.items()[added.prerequisites[0]].id == "utredning-mallar");
    CHECK(p.checklists()[0].item_count == 58 + 1 + 2 - 1);
    // The template itself is unchanged, and the layered program round-trips.
    CHECK(gr().find_item("visitkort"));
    CHECK(Program::from_json(p.to_json()).layers() == p.layers());
}

TEST_CASE("removing an unknown item is rejected, naming it", "[R3][layering]") {
    const Error e = expect_error([] { gr().with_overlay(overlay({{"remove_items", {"postfack", "no-such-item"}}}).dump()); });
    CHECK(e.code() == ErrorCode::unknown_reference);
    CHECK(e.path() == "/remove_items/1");
    CHECK_THAT(e.message(), Catch::Contains("no-such-item"));
}

TEST_CASE("coding an item that does not exist is rejected, naming it", "[R3][layering]") {
    const Error e = expect_error([] { gr().with_overlay(overlay({{"set_responsible", {{"ghost", {"EC"}}}}}).dump()); });
    CHECK(e.code() == ErrorCode::unknown_reference);
    CHECK(e.path() == "/set_responsible/ghost");
    const Error removed = expect_error([] {
        gr().with_overlay(overlay({{"remove_items", {"nycklar"}}, {"set_responsible", {{"nycklar", {"EC"}}}}}).dump());
    });
    CHECK(removed.path() == "/set_responsible/nycklar");
}

TEST_CASE("item ids stay unique after layering", "[R3][layering]") {
    const json add = {{"checklist", "introduktion"}, {"section", "tjansten"}, {"id", "nycklar"}, {"label", "Nycklar igen"}};
    const Error e = expect_error([&] { gr().with_overlay(overlay({{"add_items", {add}}}).dump()); });
    CHECK(e.code() == ErrorCode::duplicate_id);
    CHECK(e.path() == "/add_items/0/id");
}

TEST_CASE("overlays are checked like programs: codes, places, order, target", "[R3][layering]") {
    json add = {{"checklist", "introduktion"}, {"section", "nowhere"}, {"id", "ny"}, {"label", "Ny"}};
    CHECK(expect_error([&] { gr().with_overlay(overlay({{"add_items", {add}}}).dump()); }).path() == "/add_items/0/section");
    add["section"] = "tjansten";
    add["responsible"] = {"EJ", "SJ"};
    CHECK(expect_error([&] { gr().with_overlay(overlay({{"add_items", {add}}}).dump()); }).code() ==
          ErrorCode::conflicting_codes);
    CHECK(expect_error([] { gr().with_overlay(overlay({{"program", "uppsala-bistand-lss"}}).dump()); }).path() == "/program");
    CHECK(expect_error([] { gr().with_overlay(overlay({{"colour", 1}}).dump()); }).code() == ErrorCode::unknown_field);
    const Program unit = gr().with_overlay(overlay({{"level", "unit"}}).dump());
    CHECK(expect_error([&] { unit.with_overlay(overlay(json::object()).dump()); }).path() == "/level");
}

TEST_CASE("an overlay's odd values get typed errors, each reported once", "[R3][layering][errors]") {
    for (const json& bad_id : {json(nullptr), json(7), json::array({"x"})}) {
        const json add = {{"checklist", "introduktion"}, {"section", "tjansten"}, {"id", bad_id}, {"label", "Ny"}};
        const Error e = expect_error([&] { gr().with_overlay(overlay({{"add_items", {add}}}).dump()); });
        CHECK(e.path() == "/add_items/0/id");
        const json section = {{"checklist", "introduktion"}, {"id", "ny-sektion"}, {"label", "Ny"},
                              {"items", {{{"id", bad_id}, {"label", "Ny"}}}}};
        CHECK(expect_error([&] { gr().with_overlay(overlay({{"add_sections", {section}}}).dump()); }).path() ==
              "/add_sections/0/items/0/id");
    }
    const json add = {{"checklist", "introduktion"}, {"section", "tjansten"}, {"id", "ny"}, {"label", "Ny"}, {"colour", 1}};
    const Error e = expect_error([&] { gr().with_overlay(overlay({{"add_items", {add}}}).dump()); });
    CHECK(e.problems().size() == 1);
    CHECK(e.path() == "/add_items/0/colour");
    const json section = {{"checklist", "introduktion"}, {"id", "ny-sektion"}, {"label", ""}, {"items", json::array()}};
    CHECK(expect_error([&] { gr().with_overlay(overlay({{"add_sections", {section}}}).dump()); }).path() ==
          "/add_sections/0/label");
}

TEST_CASE("a field a component's kind does not define is reported once", "[R9][errors]") {
    json def = json::parse(gr().to_json());
    def["components"][2]["sessions"] = 3;  // the mentor component has no sessions
    const Error e = expect_error([&] { Program::from_json(def.dump()); });
    CHECK(e.problems().size() == 1);
    CHECK(e.path() == "/components/2/sessions");
}

TEST_CASE("overlays dated applies_from divide the employments: each person gets the layers dated on or before the start", "[R3][layering]") {
    // Dated out of order, with an undated unit overlay last: the program for
    // each period is the template with the overlays that apply in it, in order.
    auto dated = [](const char* name, const char* from, const char* item) {
        return overlay({{"overlay", name},
                        {"applies_from", from},
                        {"add_items", {{{"checklist", "introduktion"}, {"section", "tjansten"}, {"id", item}, {"label", "x"}}}}})
            .dump();
    };
    const json unit = {{"format", 1}, {"overlay", "enhet"}, {"level", "unit"}, {"program", "gr-barn-unga"},
                       {"set_responsible", {{"nycklar", {"AD"}}}}};
    const Program p = gr().with_overlays({dated("sen", "2027-06-01", "sen-punkt"), dated("tidig", "2027-01-01", "tidig-punkt"), unit.dump()});
    auto layers_for = [&](const char* start) {
        json person = newcomer();
        person["employment_start"] = start;
        return evaluate_and_keep(p, person, "2027-08-01").layers;
    };
    using L = std::vector<std::string>;
    CHECK(layers_for("2026-12-31") == L{"unit:enhet"});
    CHECK(layers_for("2027-01-01") == L{"municipality:tidig", "unit:enhet"});
    CHECK(layers_for("2027-05-31") == L{"municipality:tidig", "unit:enhet"});
    CHECK(layers_for("2027-06-01") == L{"municipality:sen", "municipality:tidig", "unit:enhet"});
    CHECK(p.layers() == L{"municipality:sen", "municipality:tidig", "unit:enhet"});
    // The undated overlay reached every period.
    json before = newcomer();
    before["employment_start"] = "2026-12-31";
    const RoleSet codes = item(evaluate_and_keep(p, before, "2027-08-01"), "nycklar").responsible;
    CHECK((codes.has(Role::AD) && !codes.has(Role::EC)));

    // to_json keeps the earlier programs: the program loads again with the same periods.
    const Program again = Program::from_json(p.to_json());
    CHECK(evaluate_and_keep(again, before, "2027-08-01").layers == L{"unit:enhet"});
    CHECK(again.to_json() == p.to_json());

    // An undated overlay that does not fit an earlier program is reported for it.
    const json codes_late_item = {{"format", 1}, {"overlay", "enhet2"}, {"level", "unit"}, {"program", "gr-barn-unga"},
                                  {"set_responsible", {{"sen-punkt", {"AD"}}}}};
    const Error e = expect_error([&] { p.with_overlay(codes_late_item.dump()); });
    CHECK(e.code() == ErrorCode::unknown_reference);
    CHECK(e.path() == "/set_responsible/sen-punkt");
    CHECK_THAT(e.message(), Catch::Contains("employed before 2027-01-01"));
}
