// The experience clock of docs/rules.md R1: months counted from an anchor date,
// paused during leave. The same clock, anchored at the employment start,
// gives employment-relative deadlines ("within 4 months").
#pragma once

#include "yrkesresan/version.hpp"

#include <vector>

#include "yrkesresan/date.hpp"
#include "yrkesresan/person.hpp"

YRKESRESAN_BEGIN_NAMESPACE

class Clock {
public:
    // Overlapping and adjacent leave periods are merged; leave before the
    // anchor does not count.
    Clock(Date anchor, const std::vector<Leave>& leaves);

    // Relevant experience: from profession_start (default employment_start),
    // moved earlier by prior_experience_months of credit.
    static Clock experience(const PersonRecord& person);
    // Employment: from employment_start, for deadlines relative to employment.
    static Clock employment(const PersonRecord& person);

    Date anchor() const noexcept { return anchor_; }
    // Merged leave, half-open periods, in date order.
    const std::vector<Period>& leave() const noexcept { return leave_; }
    // Leave days inside [anchor, d).
    int leave_days_before(Date d) const noexcept;
    // The first date D with anchor + n months + (leave days in [anchor, D)) <= D.
    Date reached_on(int months) const noexcept;
    // Completed months on d: the largest n with reached_on(n) <= d (0 before the anchor).
    int months_on(Date d) const noexcept;
    // "Within n months": the half-open period [anchor, reached_on(n)).
    Period within_months(int n) const noexcept { return Period{anchor_, reached_on(n)}; }

private:
    Date anchor_;
    std::vector<Period> leave_;
};

YRKESRESAN_END_NAMESPACE
