// R1's clock as code: Clock's milestones, merged leave and month arithmetic. The rule
// cases, through a person's record, are tests/scenarios/r1-*.json.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace yr_test;

TEST_CASE("a leave period moves the 12-month milestone by exactly its length", "[R1][experience]") {
    const Clock without(d("2026-01-12"), {});
    CHECK(without.reached_on(12) == d("2027-01-12"));
    // 56 days of parental leave, inclusive 2026-06-15..2026-08-09.
    const Clock with(d("2026-01-12"), {{d("2026-06-15"), d("2026-08-09"), LeaveKind::parental}});
    CHECK(with.leave_days_before(d("2027-01-12")) == 56);
    CHECK(with.reached_on(12) == d("2027-01-12").add_days(56));
    CHECK(with.months_on(d("2027-01-12").add_days(55)) == 11);
    CHECK(with.months_on(d("2027-01-12").add_days(56)) == 12);
}

TEST_CASE("leave after a milestone does not move it", "[R1][experience]") {
    const Clock clock(d("2026-01-12"), {{d("2026-03-01"), d("2026-03-10"), LeaveKind::sick}});
    CHECK(clock.reached_on(1) == d("2026-02-12"));
    CHECK(clock.reached_on(2) == d("2026-03-22"));  // 03-12 + 10 days
}

TEST_CASE("overlapping leave periods are merged, never counted twice", "[R1][experience]") {
    const Clock clock(d("2026-01-01"), {{d("2026-03-01"), d("2026-03-31"), LeaveKind::parental},
                                        {d("2026-03-15"), d("2026-04-14"), LeaveKind::sick},
                                        {d("2026-04-15"), d("2026-04-20"), LeaveKind::study}});
    REQUIRE(clock.leave().size() == 1);  // touching periods merge too
    CHECK(clock.leave()[0].from == d("2026-03-01"));
    CHECK(clock.leave()[0].last() == d("2026-04-20"));
    CHECK(clock.leave_days_before(d("2027-01-01")) == 51);
}

TEST_CASE("leave reaching into the milestone keeps extending it", "[R1][experience]") {
    // Leave [2026-12-20, 2027-03-01] straddles the unshifted 12-month date.
    const Clock clock(d("2026-01-12"), {{d("2026-12-20"), d("2027-03-01"), LeaveKind::parental}});
    const int leave = d("2027-03-02") - d("2026-12-20");
    CHECK(clock.reached_on(12) == d("2027-01-12").add_days(leave));
}

TEST_CASE("employment-relative deadlines: within 4 months of 2026-01-12", "[R1][deadlines]") {
    const auto person = PersonRecord::from_json(newcomer().dump());
    const Period within = Clock::employment(person).within_months(4);
    CHECK(within.from == d("2026-01-12"));
    CHECK(within.until == d("2026-05-12"));
    CHECK(within.last() == d("2026-05-11"));
    // The course window of R4, 4 months to 1 year, is [2026-05-12, 2027-01-12).
    CHECK(Clock::employment(person).reached_on(12).add_days(-1) == d("2027-01-11"));
}

TEST_CASE("experience is zero before the anchor and counts completed months", "[R1][experience]") {
    const Clock clock(d("2026-01-31"), {});
    CHECK(clock.months_on(d("2025-12-01")) == 0);
    CHECK(clock.months_on(d("2026-02-27")) == 0);
    CHECK(clock.months_on(d("2026-02-28")) == 1);
    CHECK(clock.months_on(d("2026-03-30")) == 1);
    CHECK(clock.months_on(d("2026-03-31")) == 2);
}
