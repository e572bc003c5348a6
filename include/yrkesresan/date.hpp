// Calendar dates for the rules: no times, no time zones (docs/rules.md R1).
#pragma once

#include "yrkesresan/version.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

YRKESRESAN_BEGIN_NAMESPACE

// A proleptic Gregorian calendar date stored as a day number, so that
// comparisons and day arithmetic are integer operations.
class Date {
public:
    // Day number 0: a placeholder, never a date the library reads or writes.
    constexpr Date() noexcept = default;
    // Throws yrkesresan::Error (code invalid_date) if the date does not exist.
    static Date from_ymd(int year, int month, int day);
    // Strict ISO 8601 calendar date, "YYYY-MM-DD"; nullopt if malformed or non-existent.
    static std::optional<Date> parse(std::string_view iso) noexcept;
    static constexpr Date from_day_number(std::int32_t n) noexcept { return Date(n); }

    constexpr std::int32_t day_number() const noexcept { return days_; }
    int year() const noexcept;
    int month() const noexcept;
    int day() const noexcept;
    std::string to_string() const;

    constexpr Date add_days(std::int32_t n) const noexcept { return Date(days_ + n); }
    // Clamped month arithmetic: the day of month is kept where it exists, else
    // the last day of the target month. 2026-01-31 + 1 = 2026-02-28, and
    // 2026-02-28 + 1 = 2026-03-28 (unlike boost::gregorian::months, which snaps
    // to the end of month).
    Date add_months(int n) const noexcept;

    friend constexpr bool operator==(Date a, Date b) noexcept { return a.days_ == b.days_; }
    friend constexpr bool operator!=(Date a, Date b) noexcept { return a.days_ != b.days_; }
    friend constexpr bool operator<(Date a, Date b) noexcept { return a.days_ < b.days_; }
    friend constexpr bool operator<=(Date a, Date b) noexcept { return a.days_ <= b.days_; }
    friend constexpr bool operator>(Date a, Date b) noexcept { return a.days_ > b.days_; }
    friend constexpr bool operator>=(Date a, Date b) noexcept { return a.days_ >= b.days_; }
    friend constexpr std::int32_t operator-(Date a, Date b) noexcept { return a.days_ - b.days_; }

private:
    constexpr explicit Date(std::int32_t n) noexcept : days_(n) {}
    std::int32_t days_ = 0;
};

// A half-open period [from, until): `until` is the first day outside. Shown
// to people with its inclusive last day, last() = until - 1.
struct Period {
    Date from;
    Date until;
    constexpr bool contains(Date d) const noexcept { return from <= d && d < until; }
    constexpr Date last() const noexcept { return until.add_days(-1); }
    constexpr std::int32_t days() const noexcept { return until - from; }
};

// Whole months from `from` to `to` in clamped arithmetic: the largest n with
// from.add_months(n) <= to (0 if to < from).
int whole_months_between(Date from, Date to) noexcept;

YRKESRESAN_END_NAMESPACE
