// R7: groups for an annual activity. Uppsala's yrkeshandledning
// and workshops are for all employees, and "Grupperna mixas om möjligt över
// kommungränserna" (seed 000); the seed sets no group size, so the program
// data leaves it to the coordinator, who passes one in the request. Before,
// the coordination functions formed groups only for supervision.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <catch2/catch.hpp>

#include "support.hpp"
#include "yrkesresan/coordination.hpp"

using namespace yr_test;

namespace {

// A region's program with three annual activities: one whose groups mix
// municipalities with no size set (as Uppsala's yrkeshandledning), one whose
// program sets the size, one with no groups at all (a lecture).
const Program& region() {
    static const Program p = Program::from_json(R"({
      "format": 1, "id": "lan-test", "version": "1", "valid_from": "2019-01-01", "title": "Länsgemensamt",
      "phases": [{"id": "medarbetare", "label": "Medarbetare", "from_months": 0}],
      "checklists": [{"id": "c", "label": "C", "sections": [{"id": "s", "label": "S", "items": [{"id": "x", "label": "X"}]}]}],
      "components": [
        {"id": "yrkeshandledning", "kind": "annual", "label": "Yrkeshandledning", "per_year": 4,
         "group": {"mix_municipalities": true}},
        {"id": "workshop", "kind": "annual", "label": "Workshop", "per_year": 1,
         "group": {"mix_municipalities": true, "min": 4, "max": 6}},
        {"id": "foredrag", "kind": "annual", "label": "Föredrag", "per_year": 1, "at_least": true}
      ]
    })");
    return p;
}

json person(const std::string& id, const std::string& municipality, const std::string& employment_start) {
    return {{"id", id}, {"municipality", municipality}, {"employment_start", employment_start}};
}

const char* const municipalities[] = {"alvkarleby", "enkoping", "habo", "heby", "knivsta", "osthammar", "tierp", "uppsala"};

// Three employees in each of the county's eight municipalities, employed
// before 2027; one joining in September 2027; one hired for 2028.
json county() {
    json persons = json::array();
    for (int m = 0; m < 8; ++m)
        for (int i = 0; i < 3; ++i) {
            char id[32];
            std::snprintf(id, sizeof id, "%s-%d", municipalities[m], i);
            persons.push_back(person(id, municipalities[m], d("2019-03-01").add_months(7 * i + m).to_string()));
        }
    persons.push_back(person("tierp-new", "tierp", "2027-09-01"));
    persons.push_back(person("heby-2028", "heby", "2028-02-01"));
    return persons;
}

json request(json persons, json annual_groups) {
    return {{"as_of", "2026-12-01"},
            {"term", {{"from", "2027-01-01"}, {"to", "2027-06-30"}}},
            {"persons", std::move(persons)},
            {"annual_groups", std::move(annual_groups)}};
}

json size(int min, int max) { return {{"min", min}, {"max", max}}; }

// Coordinates, keeping the request and the report for the schema check
// (tests/validate_coordination.py).
json coordinate_doc(const Program& program, const json& req) {
    static int counter = 0;
    const std::string dir = std::string(YR_COORDINATION_DUMP_DIR);
    std::filesystem::create_directories(dir);
    const std::string n = std::to_string(counter++);
    std::ofstream(dir + "/request-annual-" + n + ".json") << req.dump();
    const std::string text = coordinate(program, CoordinationRequest::from_json(req.dump())).to_json();
    std::ofstream(dir + "/report-annual-" + n + ".json") << text;
    return json::parse(text);
}

Error coordinate_error(const Program& program, const json& req) {
    return expect_error([&] { coordinate(program, CoordinationRequest::from_json(req.dump())); });
}

// The most members any municipality has in any one group.
int most_from_one_municipality(const json& plan) {
    int most = 0;
    for (const auto& g : plan["groups"]) {
        std::map<std::string, int> count;
        for (const auto& m : g["members"]) most = std::max(most, ++count[m["municipality"].get<std::string>()]);
    }
    return most;
}

}  // namespace

TEST_CASE("Annual groups: everyone employed in the year, no two from one municipality where the numbers allow",
          "[coordination][R7]") {
    const json r = coordinate_doc(region(), request(county(), json::array({{{"component", "yrkeshandledning"},
                                                                            {"year", 2027},
                                                                            {"group", size(6, 8)}}})));
    REQUIRE(r["annual_groups"].size() == 1);
    const json& plan = r["annual_groups"][0];
    CHECK(plan["component"] == "yrkeshandledning");
    CHECK(plan["year"] == 2027);
    CHECK(plan["group"] == json{{"min", 6}, {"max", 8}, {"mix_municipalities", true}, {"size_from", "request"}});
    // The 24, and tierp-new who joins in September; not heby-2028.
    CHECK(plan["candidates"] == 25);
    REQUIRE(plan["joining"].size() == 1);
    CHECK(plan["joining"][0] == json{{"person", "tierp-new"}, {"municipality", "tierp"}, {"employment_start", "2027-09-01"}});
    // Four groups (25 = 7 + 6 + 6 + 6); tierp's four and every other
    // municipality's three are spread one to a group.
    CHECK(plan["objective"]["placed"] == 25);
    CHECK(plan["objective"]["groups"] == 4);
    CHECK(plan["objective"]["same_municipality_pairs"] == 0);
    CHECK(plan["objective"]["pairs_lower_bound"] == 0);
    CHECK(most_from_one_municipality(plan) == 1);
    std::set<std::string> placed;
    for (const auto& g : plan["groups"]) {
        CHECK(g["municipalities"] == g["size"]);
        for (const auto& m : g["members"]) placed.insert(m["person"].get<std::string>());
    }
    CHECK(placed.size() == 25);
    CHECK(placed.count("heby-2028") == 0);
    CHECK(plan["unplaced"].empty());
    CHECK(r["summary"]["annual_groups"] == 4);
    // The supervision of a program without one is untouched.
    CHECK(r["supervision"].empty());
}

TEST_CASE("Annual groups where one municipality holds most: as mixed as the numbers allow", "[coordination][R7]") {
    // uppsala 12, six others one each: 3 groups of 6, uppsala 4 + 4 + 4, the
    // six others two to a group: 3 x C(4,2) = 18 pairs, the least possible.
    json persons = json::array();
    for (int i = 0; i < 12; ++i) persons.push_back(person("u-" + std::to_string(10 + i), "uppsala", "2020-01-01"));
    for (int m = 0; m < 6; ++m) persons.push_back(person(std::string("o-") + municipalities[m], municipalities[m], "2020-01-01"));
    const json r = coordinate_doc(region(), request(persons, json::array({{{"component", "yrkeshandledning"},
                                                                           {"group", size(6, 8)}}})));
    const json& plan = r["annual_groups"][0];
    CHECK(plan["year"] == 2027);  // the year the term starts in
    CHECK(plan["objective"]["groups"] == 3);
    CHECK(plan["objective"]["same_municipality_pairs"] == 18);
    CHECK(plan["objective"]["pairs_lower_bound"] == 18);
    CHECK(most_from_one_municipality(plan) == 4);
    for (const auto& g : plan["groups"]) CHECK(g["municipalities"] == 3);  // uppsala and two others
}

TEST_CASE("Annual groups: who waits when the groups are full, and too few", "[coordination][R7]") {
    // 9 employed with groups of 4-4: two groups, one left out. uppsala has
    // three, one of them joining in 2027: the latest to join waits.
    json persons = json::array({person("a-1", "uppsala", "2020-01-01"), person("a-2", "uppsala", "2020-01-01"),
                                person("a-3", "uppsala", "2027-03-01"), person("b-1", "tierp", "2020-01-01"),
                                person("b-2", "tierp", "2020-01-01"), person("c-1", "heby", "2020-01-01"),
                                person("c-2", "heby", "2020-01-01"), person("d-1", "habo", "2020-01-01"),
                                person("e-1", "knivsta", "2020-01-01")});
    json req = request(persons, json::array({{{"component", "yrkeshandledning"}, {"group", size(4, 4)}}}));
    req["language"] = "en";
    const json r = coordinate_doc(region(), req);
    const json& plan = r["annual_groups"][0];
    CHECK(plan["objective"]["placed"] == 8);
    REQUIRE(plan["unplaced"].size() == 1);
    CHECK(plan["unplaced"][0]["person"] == "a-3");
    CHECK(plan["unplaced"][0]["reason"] == "groups_full");
    CHECK(plan["unplaced"][0]["message"].get<std::string>().find("Every group has 4 members") == 0);
    CHECK(plan["objective"]["same_municipality_pairs"] == 0);

    const json few = coordinate_doc(region(), request(json::array({person("a-1", "uppsala", "2020-01-01")}),
                                                      json::array({{{"component", "yrkeshandledning"},
                                                                    {"year", 2027}, {"group", size(6, 8)}}})));
    REQUIRE(few["annual_groups"][0]["unplaced"].size() == 1);
    CHECK(few["annual_groups"][0]["unplaced"][0]["reason"] == "too_few_people");
    CHECK(few["annual_groups"][0]["unplaced"][0]["message"] == "Färre än 6 är anställda 2027: ingen grupp kan bildas.");
    CHECK(few["annual_groups"][0]["groups"].empty());
}

TEST_CASE("Annual groups: the size is the program's where it sets one, else the request's", "[coordination][R7]") {
    SECTION("the program's size, the request naming none") {
        const json r = coordinate_doc(region(), request(county(), json::array({{{"component", "workshop"}}})));
        const json& plan = r["annual_groups"][0];
        CHECK(plan["group"] == json{{"min", 4}, {"max", 6}, {"mix_municipalities", true}, {"size_from", "program"}});
        CHECK(plan["objective"]["groups"] == 5);  // 25 people: 5 groups of 5
        CHECK(plan["objective"]["size_spread"] == 0);
        CHECK(most_from_one_municipality(plan) == 1);
    }
    SECTION("the request repeating the program's size") {
        const json r = coordinate_doc(region(), request(county(), json::array({{{"component", "workshop"}, {"group", size(4, 6)}}})));
        CHECK(r["annual_groups"][0]["group"]["size_from"] == "program");
    }
    SECTION("a request changing the program's size is refused") {
        const Error e = coordinate_error(region(), request(county(), json::array({{{"component", "workshop"}, {"group", size(6, 8)}}})));
        CHECK(e.code() == ErrorCode::invalid_value);
        CHECK(e.path() == "/annual_groups/0/group");
    }
    SECTION("neither the program nor the request gives a size: a typed error pointing at the entry") {
        json req = request(county(), json::array({{{"component", "workshop"}},
                                                  {{"component", "yrkeshandledning"}, {"year", 2027}}}));
        const Error e = coordinate_error(region(), req);
        CHECK(e.code() == ErrorCode::missing_field);
        CHECK(e.path() == "/annual_groups/1/group");
        CHECK(std::string(e.what()).find("group size") != std::string::npos);
    }
    SECTION("an activity without groups in the program: the request's size, municipalities not mixed on purpose") {
        const json r = coordinate_doc(region(), request(county(), json::array({{{"component", "foredrag"}, {"group", size(20, 30)}}})));
        const json& plan = r["annual_groups"][0];
        CHECK(plan["group"]["mix_municipalities"] == false);
        CHECK(plan["objective"]["groups"] == 1);
    }
}

TEST_CASE("Annual group requests: errors point into the request", "[coordination][R7]") {
    auto entry = [](json e) { return request(county(), json::array({std::move(e)})); };
    CHECK(coordinate_error(region(), entry({{"component", "handledning"}, {"group", size(6, 8)}})).path() ==
          "/annual_groups/0/component");
    CHECK(coordinate_error(region(), entry({{"component", "handledning"}})).code() == ErrorCode::unknown_reference);
    // GR's supervision is no annual activity: its groups are in supervision[].
    json gr_request = entry({{"component", "handledning"}, {"group", size(6, 8)}});
    const Error sup = coordinate_error(gr(), gr_request);
    CHECK(sup.code() == ErrorCode::invalid_value);
    CHECK(sup.path() == "/annual_groups/0/component");

    json twice = request(county(), json::array({{{"component", "yrkeshandledning"}, {"group", size(6, 8)}},
                                                {{"component", "yrkeshandledning"}, {"year", 2027}, {"group", size(6, 8)}}}));
    const Error dup = coordinate_error(region(), twice);
    CHECK(dup.code() == ErrorCode::duplicate_id);
    CHECK(dup.path() == "/annual_groups/1/component");
    // The same activity in two years is two plans.
    twice["annual_groups"][1]["year"] = 2028;
    const json two = coordinate_doc(region(), twice);
    REQUIRE(two["annual_groups"].size() == 2);
    CHECK(two["annual_groups"][1]["candidates"] == 26);  // heby-2028 too

    // What the request reader itself refuses, every problem at once.
    json bad = request(county(), json::array({{{"component", "yrkeshandledning"}, {"group", {{"min", 6}}}},
                                              {{"component", "yrkeshandledning"}, {"group", size(8, 6)}},
                                              {{"component", "yrkeshandledning"}, {"year", 0}},
                                              {{"component", "yrkeshandledning"}, {"size", 6}}}));
    const Error e = expect_error([&] { CoordinationRequest::from_json(bad.dump()); });
    std::set<std::string> paths;
    for (const auto& p : e.problems()) paths.insert(p.path);
    CHECK(paths == std::set<std::string>{"/annual_groups/0/group/max", "/annual_groups/1/group/max",
                                         "/annual_groups/2/year", "/annual_groups/3/size"});
}

TEST_CASE("plan_annual_groups: the C++ function alone", "[coordination][R7]") {
    std::vector<PersonRecord> persons;
    for (const auto& p : county()) persons.push_back(PersonRecord::from_json(p.dump()));
    AnnualGroupRequest ask;
    ask.component = "yrkeshandledning";
    ask.year = 2028;
    CHECK(expect_error([&] { plan_annual_groups(region(), persons, ask); }).path() == "/group");
    ask.min_size = 6;
    CHECK(expect_error([&] { plan_annual_groups(region(), persons, ask); }).path() == "/group/max");
    ask.max_size = 8;
    const AnnualGroupPlan plan = plan_annual_groups(region(), persons, ask);
    CHECK(plan.year == 2028);
    CHECK(plan.size_from_request);
    CHECK(plan.spec.mix_municipalities);
    CHECK(plan.candidates.size() == 26);
    REQUIRE(plan.joining.size() == 1);
    CHECK(persons[plan.joining[0].person].id == "heby-2028");
    CHECK(plan.grouping.objective.same_municipality_pairs == 0);
    // Candidates and members are by id, whatever the order of the persons.
    for (std::size_t i = 1; i < plan.candidates.size(); ++i)
        CHECK(persons[plan.candidates[i - 1]].id < persons[plan.candidates[i]].id);
    std::vector<PersonRecord> reversed(persons.rbegin(), persons.rend());
    const AnnualGroupPlan again = plan_annual_groups(region(), reversed, ask);
    REQUIRE(again.grouping.groups.size() == plan.grouping.groups.size());
    for (std::size_t g = 0; g < plan.grouping.groups.size(); ++g)
        for (std::size_t k = 0; k < plan.grouping.groups[g].members.size(); ++k)
            CHECK(reversed[again.candidates[again.grouping.groups[g].members[k]]].id ==
                  persons[plan.candidates[plan.grouping.groups[g].members[k]]].id);

    ask.year.reset();
    CHECK(expect_error([&] { plan_annual_groups(region(), persons, ask); }).path() == "/year");
    ask.year = 2027;
    persons[3].id = persons[0].id;
    const Error dup = expect_error([&] { plan_annual_groups(region(), persons, ask); });
    CHECK(dup.code() == ErrorCode::duplicate_id);
    CHECK(dup.path() == "/persons/3/id");
}

TEST_CASE("Uppsala's yrkeshandledning and workshop: groups across the county's municipalities, the size from the coordinator",
          "[coordination][R7]") {
    const Program uppsala = Program::builtin("uppsala-bistand-lss");
    for (const char* id : {"yrkeshandledning", "workshop"}) {
        const Component& c = uppsala.components()[*uppsala.find_component(id)];
        const GroupRule& group = c.kind() == ComponentKind::supervision ? c.as<Supervision>()->group : c.as<AnnualActivity>()->group;
        CHECK(group.mix_municipalities);
        CHECK(group.min == 0);  // seed 000 sets no size
    }
    const json persons = county();
    // Without a size the coordinator is told where to give one.
    const Error e = coordinate_error(uppsala, request(persons, json::array({{{"component", "workshop"}}})));
    CHECK(e.code() == ErrorCode::missing_field);
    CHECK(e.path() == "/annual_groups/0/group");

    const json r = coordinate_doc(uppsala, request(persons, json::array({
        {{"component", "yrkeshandledning"}, {"group", size(6, 8)}},
        {{"component", "workshop"}, {"group", size(10, 14)}},
        {{"component", "foredrag"}, {"group", size(20, 30)}}})));
    REQUIRE(r["annual_groups"].size() == 3);
    const json& handledning = r["annual_groups"][0];
    CHECK(handledning["group"]["mix_municipalities"] == true);
    CHECK(handledning["group"]["size_from"] == "request");
    CHECK(handledning["objective"]["groups"] == 4);
    CHECK(most_from_one_municipality(handledning) == 1);
    // 25 in groups of 10-14: two groups, every municipality's three or four split.
    const json& workshop = r["annual_groups"][1];
    CHECK(workshop["objective"]["groups"] == 2);
    CHECK(workshop["objective"]["same_municipality_pairs"] == workshop["objective"]["pairs_lower_bound"]);
    CHECK(most_from_one_municipality(workshop) == 2);
    // The lecture's groups are not mixed by the program.
    CHECK(r["annual_groups"][2]["group"]["mix_municipalities"] == false);
    CHECK(r["summary"]["annual_groups"] == 4 + 2 + 1);
}
