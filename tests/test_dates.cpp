// R1: calendar dates and clamped month arithmetic.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace yr_test;

TEST_CASE("month arithmetic clamps to the last day of a shorter month", "[R1][dates]") {
    CHECK(d("2026-01-31").add_months(1) == d("2026-02-28"));
    CHECK(d("2026-02-28").add_months(1) == d("2026-03-28"));  // Boost's months would give 03-31
    CHECK(d("2024-01-31").add_months(1) == d("2024-02-29"));  // leap year
    CHECK(d("2026-03-31").add_months(-1) == d("2026-02-28"));
    CHECK(d("2026-10-31").add_months(4) == d("2027-02-28"));
    CHECK(d("2026-01-12").add_months(12) == d("2027-01-12"));
}

TEST_CASE("dates parse strictly as ISO 8601 calendar dates", "[R1][dates]") {
    CHECK(d("2024-02-29").to_string() == "2024-02-29");
    CHECK_FALSE(Date::parse("2026-02-30"));
    CHECK_FALSE(Date::parse("2025-02-29"));
    CHECK_FALSE(Date::parse("2026-13-01"));
    CHECK_FALSE(Date::parse("2026-00-10"));
    CHECK_FALSE(Date::parse("2026-1-01"));
    CHECK_FALSE(Date::parse("2026-01-01T00:00"));
    CHECK_FALSE(Date::parse("20260101"));
    CHECK_FALSE(Date::parse(""));
    CHECK_FALSE(Date::parse("2026-01-0x"));
}

TEST_CASE("day arithmetic and ordering are integer operations", "[R1][dates]") {
    CHECK(d("2026-02-28").add_days(1) == d("2026-03-01"));
    CHECK(d("2026-03-01") - d("2026-02-01") == 28);
    CHECK(d("2026-01-01") < d("2026-01-02"));
    CHECK(whole_months_between(d("2026-01-31"), d("2026-02-27")) == 0);
    CHECK(whole_months_between(d("2026-01-31"), d("2026-02-28")) == 1);
    CHECK(whole_months_between(d("2026-01-12"), d("2027-01-11")) == 11);
    CHECK(whole_months_between(d("2026-01-12"), d("2027-01-12")) == 12);
    CHECK(whole_months_between(d("2026-05-01"), d("2026-01-01")) == 0);
}

TEST_CASE("half-open periods are shown with inclusive last days", "[R1][dates]") {
    Period p{d("2026-01-12"), d("2026-05-12")};
    CHECK(p.last() == d("2026-05-11"));
    CHECK(p.contains(d("2026-05-11")));
    CHECK_FALSE(p.contains(d("2026-05-12")));
    CHECK(p.days() == 120);
}

TEST_CASE("arithmetic past the end of the calendar saturates instead of failing", "[R1][dates]") {
    const Date last = d("9999-12-31");
    CHECK(last.add_months(1) == last);
    CHECK(last.add_months(1200).to_string() == "9999-12-31");
    CHECK(last.add_days(400).to_string() == "9999-12-31");
    CHECK(d("9999-06-15").add_months(12) == last);
    CHECK(d("1900-01-31").add_months(-6000).to_string() == "1400-01-31");
    CHECK(d("1900-01-31").add_months(-6012).to_string() == "1400-01-01");
    const Clock clock(d("9999-01-01"), {{d("9999-06-01"), d("9999-12-31"), LeaveKind::parental}});
    CHECK(clock.reached_on(24) >= last);
    CHECK(clock.months_on(last) == 5);  // 213 days of leave before it
}
