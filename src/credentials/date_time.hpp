// XML Schema dateTimeStamp ("2026-11-02T09:00:00Z", "...+01:00"): the times
// of credentials (validFrom, validUntil, proof.created). Only credentials use
// times of day; the rules use calendar dates (date.hpp).
#pragma once

#include "yrkesresan/version.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

// A point in time: seconds since 1970-01-01T00:00:00Z and nanoseconds.
struct Instant {
    std::int64_t seconds = 0;
    std::int32_t nanos = 0;
    friend bool operator<(const Instant& a, const Instant& b) noexcept {
        return std::tie(a.seconds, a.nanos) < std::tie(b.seconds, b.nanos);
    }
};

// YYYY-MM-DDThh:mm:ss[.fraction](Z|(+|-)hh:mm), years 0001..9999, an
// existing date, hours 00..23; nullopt otherwise. The zone is required.
std::optional<Instant> parse_date_time_stamp(std::string_view text) noexcept;

}  // namespace detail
YRKESRESAN_END_NAMESPACE
