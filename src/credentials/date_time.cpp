#include "date_time.hpp"

#include "yrkesresan/date.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {
namespace {
bool digits(std::string_view s, std::size_t at, std::size_t n, int& out) noexcept {
    if (at + n > s.size()) return false;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}
}  // namespace

std::optional<Instant> parse_date_time_stamp(std::string_view s) noexcept {
    // The date part is what Date::parse reads (strict, existing dates).
    if (s.size() < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':') return std::nullopt;
    const auto date = Date::parse(s.substr(0, 10));
    if (!date || date->year() < 1) return std::nullopt;
    int hh = 0, mm = 0, ss = 0;
    if (!digits(s, 11, 2, hh) || !digits(s, 14, 2, mm) || !digits(s, 17, 2, ss)) return std::nullopt;
    if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
    std::size_t p = 19;
    std::int32_t nanos = 0;
    if (p < s.size() && s[p] == '.') {
        ++p;
        const std::size_t start = p;
        std::int32_t scale = 100000000;
        while (p < s.size() && s[p] >= '0' && s[p] <= '9') {
            nanos += (s[p] - '0') * scale;  // digits past nanoseconds are dropped
            scale /= 10;
            ++p;
        }
        if (p == start) return std::nullopt;
    }
    int offset_minutes = 0;
    if (p < s.size() && s[p] == 'Z') {
        ++p;
    } else if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
        int oh = 0, om = 0;
        if (!digits(s, p + 1, 2, oh) || p + 3 >= s.size() || s[p + 3] != ':' || !digits(s, p + 4, 2, om)) return std::nullopt;
        if (oh > 14 || om > 59 || (oh == 14 && om != 0)) return std::nullopt;
        offset_minutes = (s[p] == '-' ? -1 : 1) * (oh * 60 + om);
        p += 6;
    } else {
        return std::nullopt;
    }
    if (p != s.size()) return std::nullopt;
    // Day numbers of Date are days since 1970-01-01 only up to a constant.
    static const std::int32_t epoch = Date::from_ymd(1970, 1, 1).day_number();
    const std::int64_t days = std::int64_t(date->day_number()) - epoch;
    Instant t;
    t.seconds = days * 86400 + hh * 3600 + mm * 60 + ss - std::int64_t(offset_minutes) * 60;
    t.nanos = nanos;
    return t;
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
