// R3: item states, prerequisites across checklists, codes, handover, to-do lists.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace yr_test;

namespace {
json done(const char* item, const char* date) { return {{"type", "item_done"}, {"item", item}, {"date", date}}; }
}  // namespace

TEST_CASE("an item is pending on its due date and overdue the day after", "[R3][R1]") {
    json p = newcomer();
    p["plan"] = {{"assignments", {{"nycklar", {"FA"}}}}};
    p["people"] = {{"FA", "p-2001"}};
    CHECK(item(evaluate_and_keep(gr(), p, "2026-05-11"), "nycklar").due == d("2026-05-11"));
    CHECK(item(evaluate_and_keep(gr(), p, "2026-05-11"), "nycklar").state == ItemState::pending);
    CHECK(item(evaluate_and_keep(gr(), p, "2026-05-12"), "nycklar").state == ItemState::overdue);
    // Leave before the deadline moves it by the leave days.
    p["leaves"] = {{{"from", "2026-03-01"}, {"to", "2026-03-10"}}};
    CHECK(item(evaluate_and_keep(gr(), p, "2026-05-12"), "nycklar").due == d("2026-05-21"));
    CHECK(item(evaluate_and_keep(gr(), p, "2026-05-21"), "nycklar").state == ItemState::pending);
}

TEST_CASE("arrival checklists are due the day before the first working day", "[R3][R1]") {
    const auto ev = evaluate_and_keep(gr(), newcomer(), "2026-01-11");
    CHECK(checklist(ev, "ankomst-enhetschef").due == d("2026-01-11"));
    CHECK(item(ev, "ec-informera-enheten").state == ItemState::pending);
    CHECK(item(evaluate_and_keep(gr(), newcomer(), "2026-01-12"), "ec-informera-enheten").state == ItemState::overdue);
}

TEST_CASE("a completion after the evaluation date is an input error", "[R3][errors]") {
    json p = newcomer();
    p["events"] = {done("nycklar", "2026-01-13"), done("postfack", "2026-03-01")};
    const Error e = expect_error([&] { evaluate_and_keep(gr(), p, "2026-02-01"); });
    CHECK(e.code() == ErrorCode::future_event);
    CHECK(e.path() == "/events/1/date");
    CHECK(item(evaluate_and_keep(gr(), p, "2026-03-01"), "postfack").state == ItemState::done);
}

TEST_CASE("EJ items are waived, not pending", "[R3]") {
    json p = newcomer();
    p["plan"] = {{"assignments", {{"socialtjanstlagen", {"EJ"}}, {"bbic", {"EJ"}}}}};
    const auto ev = evaluate_and_keep(gr(), p, "2026-06-01");
    CHECK(item(ev, "socialtjanstlagen").state == ItemState::waived);
    CHECK(checklist(ev, "introduktion").summary.waived == 2);
    for (const auto& a : ev.actions) CHECK(a.item != "bbic");
}

TEST_CASE("administrator items are blocked until EC has informed the administrator", "[R3]") {
    json p = newcomer();
    auto ev = evaluate_and_keep(gr(), p, "2025-12-01");
    CHECK(item(ev, "ad-dator").state == ItemState::blocked);
    CHECK(item(ev, "ad-dator").blocked_by == std::vector<std::string>{"ec-informera-administrator"});
    p["events"] = json::array({done("ec-informera-administrator", "2025-11-21")});
    ev = evaluate_and_keep(gr(), p, "2025-12-01");
    CHECK(item(ev, "ad-dator").state == ItemState::pending);
    // The welcome letter also waits for the manager's draft.
    CHECK(item(ev, "ad-skicka-valkomstbrev").state == ItemState::blocked);
    CHECK(item(ev, "ad-skicka-valkomstbrev").blocked_by == std::vector<std::string>{"ec-forbered-valkomstbrev"});
}

TEST_CASE("an overdue item whose prerequisite is open is overdue and names it", "[R3]") {
    const auto ev = evaluate_and_keep(gr(), newcomer(), "2026-01-20");
    CHECK(item(ev, "ad-dator").state == ItemState::overdue);
    CHECK(item(ev, "ad-dator").blocked_by == std::vector<std::string>{"ec-informera-administrator"});
}

TEST_CASE("a completion before its prerequisite is kept and reported", "[R3][warnings]") {
    json p = newcomer();
    p["events"] = {done("ad-dator", "2025-12-01"), done("ec-informera-administrator", "2025-12-05")};
    const auto ev = evaluate_and_keep(gr(), p, "2025-12-10");
    CHECK(item(ev, "ad-dator").state == ItemState::done);
    REQUIRE(ev.warnings.size() == 1);
    CHECK(ev.warnings[0].code == "prerequisite_violation");
    CHECK(ev.warnings[0].ref == "ad-dator");
    CHECK(ev.warnings[0].source.pages == "36");
}

TEST_CASE("the administrator's completed list is handed to the unit manager", "[R3]") {
    json p = newcomer();
    json events = {done("ec-informera-administrator", "2025-11-21"), done("ec-forbered-valkomstbrev", "2025-11-22")};
    for (const auto& it : gr().items())
        if (gr().checklists()[it.checklist].id == "ankomst-administrator") events.push_back(done(it.id.c_str(), "2025-12-01"));
    events.back()["date"] = "2025-12-03";
    p["events"] = events;
    auto ev = evaluate_and_keep(gr(), p, "2025-12-10");
    const auto& admin = checklist(ev, "ankomst-administrator");
    CHECK(admin.complete);
    CHECK(admin.handed_to == Role::EC);
    CHECK(admin.completed_on == d("2025-12-03"));
    CHECK_FALSE(checklist(ev, "ankomst-enhetschef").handed_to.has_value());
    p["events"].erase(p["events"].size() - 1);  // the last item still open
    ev = evaluate_and_keep(gr(), p, "2025-12-10");
    CHECK_FALSE(checklist(ev, "ankomst-administrator").complete);
    CHECK_FALSE(checklist(ev, "ankomst-administrator").handed_to.has_value());
}

TEST_CASE("items without a code make the plan incomplete and are listed", "[R3]") {
    json p = newcomer();
    p["plan"] = {{"assignments", {{"nycklar", {"FA"}}, {"postfack", {"AD"}}}}};
    p["people"] = {{"FA", "p-2001"}};
    const auto ev = evaluate_and_keep(gr(), p, "2026-02-01");
    const auto& intro = checklist(ev, "introduktion");
    CHECK(intro.summary.unassigned == 56);
    CHECK(std::find(intro.unassigned.begin(), intro.unassigned.end(), "nycklar") == intro.unassigned.end());
    bool asked = false;
    for (const auto& a : ev.actions) asked = asked || (a.kind == Action::Kind::assign_codes && a.role == Role::EC);
    CHECK(asked);
    CHECK(checklist(ev, "ankomst-administrator").summary.unassigned == 0);
}

TEST_CASE("FA needs a named fadder and 1:e a named 1:e", "[R3][warnings]") {
    json p = newcomer();
    p["plan"] = {{"assignments", {{"nycklar", {"FA"}}, {"bbic", {"1:e", "SJ"}}}}};
    auto ev = evaluate_and_keep(gr(), p, "2026-02-01");
    std::vector<std::string> codes;
    for (const auto& w : ev.warnings) codes.push_back(w.code);
    CHECK(codes == std::vector<std::string>{"fadder_not_named", "forste_not_named"});
    CHECK(ev.warnings[0].source.seed == "001");  // the checklist's rule
    p["people"] = {{"FA", "p-2001"}, {"1:e", "p-0300"}};
    ev = evaluate_and_keep(gr(), p, "2026-02-01");
    CHECK(ev.warnings.empty());
}

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

TEST_CASE("the individual plan removes and adds items, checked against the program", "[R3][layering]") {
    json p = newcomer();
    p["plan"] = {{"removed_items", {"visitkort"}},
                 {"added_items", {{{"id", "egen-punkt"}, {"checklist", "introduktion"}, {"section", "tjansten"},
                                   {"label", "Egen punkt"}, {"responsible", {"SJ"}}}}}};
    p["events"] = json::array({done("visitkort", "2026-01-15")});
    const auto ev = evaluate_and_keep(gr(), p, "2026-02-01");
    CHECK(checklist(ev, "introduktion").summary.total == 58);
    CHECK(item(ev, "egen-punkt").added);
    CHECK(item(ev, "egen-punkt").due == d("2026-05-11"));
    REQUIRE(ev.warnings.size() == 1);
    CHECK(ev.warnings[0].code == "event_for_removed_item");

    p["plan"] = {{"removed_items", {"visitkorten"}}};
    const Error e = expect_error([&] { evaluate_and_keep(gr(), p, "2026-02-01"); });
    CHECK(e.code() == ErrorCode::unknown_reference);
    CHECK(e.path() == "/plan/removed_items/0");
    CHECK_THAT(e.message(), !Catch::Contains("visitkorten"));  // named by its place, not echoed

    // A completion of an item the program does not have is a recorded fact: kept, named by its place.
    p = newcomer();
    p["events"] = json::array({done("no-such-item", "2026-01-15")});
    const auto kept = evaluate_and_keep(gr(), p, "2026-02-01");
    REQUIRE(kept.warnings.size() == 1);
    CHECK(kept.warnings[0].code == "unknown_in_program");
    CHECK(kept.warnings[0].path == "/events/0/item");
    CHECK(kept.warnings[0].date == d("2026-01-15"));
    CHECK_THAT(kept.warnings[0].message, !Catch::Contains("no-such-item"));
}

TEST_CASE("experience and phase on the evaluation date", "[R1][R2]") {
    json p = newcomer();
    CHECK(evaluate_and_keep(gr(), p, "2028-01-11").phase.id == "introduktion");
    CHECK(evaluate_and_keep(gr(), p, "2028-01-12").phase.id == "fordjupning");
    p["leaves"] = {{{"from", "2026-06-15"}, {"to", "2026-08-09"}, {"kind", "parental"}}};
    const auto ev = evaluate_and_keep(gr(), p, "2028-01-12");
    CHECK(ev.experience.months == 22);
    CHECK(ev.experience.leave_days == 56);
    CHECK(ev.phase.id == "introduktion");
    CHECK(evaluate_and_keep(gr(), p, "2025-12-01").experience.months == 0);
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

TEST_CASE("an item recorded done twice keeps its earliest completion; the other record is the duplicate", "[R3][warnings]") {
    // The same facts in either order give the same evaluation.
    for (bool earliest_first : {true, false}) {
        json p = newcomer();
        json early = done("nycklar", "2026-02-01"), late = done("nycklar", "2026-03-01");
        p["events"] = earliest_first ? json{early, late} : json{late, early};
        const auto ev = evaluate_and_keep(gr(), p, "2026-04-01");
        CHECK(item(ev, "nycklar").done == d("2026-02-01"));
        REQUIRE(ev.warnings.size() >= 1);
        const auto& w = ev.warnings.front();
        CHECK(w.code == "duplicate_event");
        CHECK(w.ref == "nycklar");
        CHECK(w.date == d("2026-03-01"));
    }
}

TEST_CASE("an item the plan adds to a checklist waits for the checklist's prerequisites", "[R3]") {
    // Every administrator item waits until EC has informed the administrator; one the plan adds too.
    json p = newcomer();
    p["plan"] = {{"added_items",
                  {{{"id", "lokal-1"}, {"checklist", "ankomst-administrator"}, {"label", "Lokal rutin"}, {"responsible", {"AD"}}}}}};
    auto ev = evaluate_and_keep(gr(), p, "2025-12-20");
    CHECK(item(ev, "lokal-1").state == item(ev, "ad-dator").state);
    CHECK(item(ev, "lokal-1").state == ItemState::blocked);
    CHECK(item(ev, "lokal-1").blocked_by == std::vector<std::string>{"ec-informera-administrator"});
    // One that names no codes takes the list's defaults, as the list's own items do.
    json unnamed = p;
    unnamed["plan"]["added_items"][0].erase("responsible");
    const auto ev_unnamed = evaluate_and_keep(gr(), unnamed, "2025-12-20");
    CHECK_FALSE(item(ev_unnamed, "lokal-1").responsible.empty());
    CHECK(item(ev_unnamed, "lokal-1").responsible == item(ev_unnamed, "ad-dator").responsible);
    // Done before its prerequisite: kept, and reported without the plan's own label.
    p["events"] = json::array({done("lokal-1", "2025-12-10")});
    ev = evaluate_and_keep(gr(), p, "2025-12-20");
    CHECK(item(ev, "lokal-1").state == ItemState::done);
    bool warned = false;
    for (const auto& w : ev.warnings)
        if (w.code == "prerequisite_violation" && w.ref == "lokal-1") {
            warned = true;
            CHECK(w.message.find("Lokal rutin") == std::string::npos);
        }
    CHECK(warned);
}
