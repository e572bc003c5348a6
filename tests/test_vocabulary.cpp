// The closed vocabularies of a person record, each spelled once: every value
// of each enum reads back from its spelling, nothing else reads, and a leave's
// kind travels through the record's JSON unchanged.
#include <catch2/catch.hpp>

#include "support.hpp"
#include "yrkesresan/error.hpp"
#include "yrkesresan/person.hpp"
#include "yrkesresan/roles.hpp"

using namespace yr_test;

TEST_CASE("each vocabulary reads back what it spells, and nothing else", "[vocabulary]") {
    for (int i = 0; i < role_count; ++i) CHECK(parse_role(to_string(static_cast<Role>(i))) == static_cast<Role>(i));
    for (int i = 0; i < event_type_count; ++i)
        CHECK(parse_event_type(to_string(static_cast<EventType>(i))) == static_cast<EventType>(i));
    for (int i = 0; i < leave_kind_count; ++i)
        CHECK(parse_leave_kind(to_string(static_cast<LeaveKind>(i))) == static_cast<LeaveKind>(i));
    // One past the last of each is no value: the counts cover every enumerator.
    CHECK(to_string(static_cast<Role>(role_count)).empty());
    CHECK(to_string(static_cast<EventType>(event_type_count)).empty());
    CHECK(to_string(static_cast<LeaveKind>(leave_kind_count)).empty());
    for (const char* wrong : {"", "Parental", "sick ", "ec", "1:E", "item-done", "unknown"}) {
        CHECK_FALSE(parse_role(wrong));
        CHECK_FALSE(parse_event_type(wrong));
        CHECK_FALSE(parse_leave_kind(wrong));
    }
}

TEST_CASE("the named roles begin with the four codes someone other than the newcomer holds", "[vocabulary]") {
    for (const Role r : {Role::EC, Role::forste, Role::FA, Role::AD})
        CHECK(named_roles[static_cast<std::size_t>(r)] == to_string(r));
    CHECK(named_roles[4] == "introduktor");
    CHECK(named_roles[5] == "mentor");
}

TEST_CASE("a leave's kind is read, defaulted and written as the contract spells it", "[vocabulary][person]") {
    auto record = [](const char* leave) {
        return PersonRecord::from_json(std::string(R"({"id":"p-1","municipality":"kungalv",)"
                                                   R"("employment_start":"2026-01-12","leaves":[)") +
                                       leave + "]}");
    };
    const PersonRecord sick = record(R"({"from":"2026-03-01","to":"2026-03-10","kind":"sick"})");
    REQUIRE(sick.leaves.size() == 1);
    CHECK(sick.leaves[0].kind == LeaveKind::sick);
    CHECK(sick.to_json().find(R"("kind":"sick")") != std::string::npos);
    CHECK(record(R"({"from":"2026-03-01","to":"2026-03-10"})").leaves[0].kind == LeaveKind::other);
    const Error e = expect_error([&] { record(R"({"from":"2026-03-01","to":"2026-03-10","kind":"vab"})"); });
    CHECK(e.code() == ErrorCode::invalid_value);
    CHECK(e.path() == "/leaves/0/kind");
}
