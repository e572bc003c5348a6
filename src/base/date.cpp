#include "yrkesresan/date.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "yrkesresan/error.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace {
// Boost.Date_Time's calendar does the day-number conversions; its `months`
// duration is deliberately not used (it snaps to month end, see R1).
using calendar = boost::gregorian::gregorian_calendar;

// Range the library accepts; keeps every day number inside int32 and every
// year four digits.
constexpr int min_year = 1900;
constexpr int max_year = 9999;

bool valid_ymd(int y, int m, int d) noexcept {
    if (y < min_year || y > max_year || m < 1 || m > 12 || d < 1) return false;
    return d <= calendar::end_of_month_day(static_cast<unsigned short>(y), static_cast<unsigned short>(m));
}

std::int32_t to_day_number(int y, int m, int d) noexcept {
    calendar::ymd_type ymd(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                           static_cast<unsigned short>(d));
    return static_cast<std::int32_t>(calendar::day_number(ymd));
}

// Boost's calendar throws outside the years 1400-9999. Input dates are kept
// to 1900-9999, but arithmetic on them (a milestone 100 years on, leave added
// to 9999-12-31) may leave the range: such dates saturate at its ends, so
// that nothing noexcept ever throws.
constexpr int calendar_first_year = 1400;
constexpr int calendar_last_year = 9999;

std::int32_t first_day() noexcept {
    static const std::int32_t n = to_day_number(calendar_first_year, 1, 1);
    return n;
}
std::int32_t last_day() noexcept {
    static const std::int32_t n = to_day_number(calendar_last_year, 12, 31);
    return n;
}

calendar::ymd_type ymd_of(std::int32_t n) noexcept {
    n = n < first_day() ? first_day() : n > last_day() ? last_day() : n;
    return calendar::from_day_number(static_cast<calendar::date_int_type>(n));
}

int digit(char c) noexcept { return (c >= '0' && c <= '9') ? c - '0' : -1; }
}  // namespace

Date Date::from_ymd(int year, int month, int day) {
    if (!valid_ymd(year, month, day))
        throw Error(ErrorCode::invalid_date, "", "the date does not exist in the calendar");
    return Date(to_day_number(year, month, day));
}

std::optional<Date> Date::parse(std::string_view s) noexcept {
    // Hand-written: Boost's from_simple_string is ~30x slower and lenient.
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    int v[8];
    const int pos[8] = {0, 1, 2, 3, 5, 6, 8, 9};
    for (int i = 0; i < 8; ++i) {
        v[i] = digit(s[static_cast<std::size_t>(pos[i])]);
        if (v[i] < 0) return std::nullopt;
    }
    const int y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
    const int m = v[4] * 10 + v[5];
    const int d = v[6] * 10 + v[7];
    if (!valid_ymd(y, m, d)) return std::nullopt;
    return Date(to_day_number(y, m, d));
}

int Date::year() const noexcept { return ymd_of(days_).year; }
int Date::month() const noexcept { return ymd_of(days_).month; }
int Date::day() const noexcept { return ymd_of(days_).day; }

std::string Date::to_string() const {
    const auto ymd = ymd_of(days_);
    char buf[11];
    const int y = ymd.year, m = ymd.month, d = ymd.day;
    buf[0] = static_cast<char>('0' + y / 1000 % 10);
    buf[1] = static_cast<char>('0' + y / 100 % 10);
    buf[2] = static_cast<char>('0' + y / 10 % 10);
    buf[3] = static_cast<char>('0' + y % 10);
    buf[4] = '-';
    buf[5] = static_cast<char>('0' + m / 10);
    buf[6] = static_cast<char>('0' + m % 10);
    buf[7] = '-';
    buf[8] = static_cast<char>('0' + d / 10);
    buf[9] = static_cast<char>('0' + d % 10);
    buf[10] = '\0';
    return std::string(buf, 10);
}

Date Date::add_months(int n) const noexcept {
    const auto ymd = ymd_of(days_);
    const int index = ymd.year * 12 + (ymd.month - 1) + n;  // months since year 0
    const int y = index / 12;
    const int m = index % 12 + 1;
    if (y > calendar_last_year) return Date(last_day());
    if (y < calendar_first_year) return Date(first_day());
    const int last = calendar::end_of_month_day(static_cast<unsigned short>(y), static_cast<unsigned short>(m));
    const int day = ymd.day;
    const int d = day < last ? day : last;  // clamp, never snap
    return Date(to_day_number(y, m, d));
}

int whole_months_between(Date from, Date to) noexcept {
    if (to < from) return 0;
    int n = (to.year() - from.year()) * 12 + (to.month() - from.month());
    // Clamped addition is monotone in n, so at most a step back is needed.
    while (n > 0 && to < from.add_months(n)) --n;
    return n;
}

YRKESRESAN_END_NAMESPACE
