// What the rule cases of R3 (tests/scenarios/r3-*.json) cannot say: the to-do list's
// order, the language of messages, and messages that do not echo the record's words.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace yr_test;

namespace {
json done(const char* item, const char* date) { return {{"type", "item_done"}, {"item", item}, {"date", date}}; }
}  // namespace

TEST_CASE("each role's to-do list holds its open items, soonest first", "[R3][actions]") {
    json p = newcomer();
    p["plan"] = {{"assignments", {{"nycklar", {"FA", "SJ"}}, {"bbic", {"SJ"}}}}};
    p["people"] = {{"FA", "p-2001"}};
    p["events"] = json::array({done("bbic", "2026-01-20")});
    const auto ev = evaluate_and_keep(gr(), p, "2026-02-01");
    std::vector<std::string> sj;
    for (const auto& a : ev.actions)
        if (a.role == Role::SJ) sj.push_back(a.item);
    CHECK(sj == std::vector<std::string>{"nycklar"});
    for (std::size_t i = 1; i < ev.actions.size(); ++i)
        if (ev.actions[i].due && ev.actions[i - 1].due) CHECK(*ev.actions[i - 1].due <= *ev.actions[i].due);
    // Informing the administrator, 7 days after the hiring decision (2025-11-20), comes first.
    CHECK(ev.actions.front().due == d("2025-11-27"));
    CHECK(ev.actions.front().item == "ec-informera-administrator");
}

TEST_CASE("messages come in Swedish by default and English on request", "[explanations]") {
    json p = newcomer();
    p["plan"] = {{"assignments", {{"nycklar", {"FA"}}}}};
    const auto sv = evaluate_and_keep(gr(), p, "2026-02-01");
    const auto en = evaluate_and_keep(gr(), p, "2026-02-01", Language::en);
    CHECK_THAT(sv.warnings[0].message, Catch::Contains("fadder"));
    CHECK_THAT(en.warnings[0].message, Catch::Contains("no fadder is named"));
    CHECK(sv.warnings[0].code == en.warnings[0].code);
}

TEST_CASE("a message names a reference by its place and does not echo the record's words", "[R3][explanations]") {
    // The rule cases are tests/scenarios/r3-plan-removes-unknown-item.json,
    // r3-completion-of-unknown-item-kept.json and r3-added-item-done-before-prerequisite.json.
    json p = newcomer();
    p["plan"] = {{"removed_items", {"visitkorten"}}};
    CHECK_THAT(expect_error([&] { evaluate_and_keep(gr(), p, "2026-02-01"); }).message(), !Catch::Contains("visitkorten"));
    p = newcomer();
    p["events"] = json::array({done("no-such-item", "2026-01-15")});
    const auto kept = evaluate_and_keep(gr(), p, "2026-02-01");
    REQUIRE(kept.warnings.size() == 1);
    CHECK_THAT(kept.warnings[0].message, !Catch::Contains("no-such-item"));
    p = newcomer();
    p["plan"] = {{"added_items",
                  {{{"id", "lokal-1"}, {"checklist", "ankomst-administrator"}, {"label", "Lokal rutin"}, {"responsible", {"AD"}}}}}};
    p["events"] = json::array({done("lokal-1", "2025-12-10")});
    bool warned = false;
    for (const auto& w : evaluate_and_keep(gr(), p, "2025-12-20").warnings)
        if (w.code == "prerequisite_violation" && w.ref == "lokal-1") {
            warned = true;
            CHECK(w.message.find("Lokal rutin") == std::string::npos);
        }
    CHECK(warned);
}
