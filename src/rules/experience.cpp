#include "yrkesresan/experience.hpp"

#include <algorithm>

YRKESRESAN_BEGIN_NAMESPACE

Clock::Clock(Date anchor, const std::vector<Leave>& leaves) : anchor_(anchor) {
    leave_.reserve(leaves.size());
    for (const auto& l : leaves) {
        Period p{l.from, l.to.add_days(1)};  // recorded `to` is inclusive
        if (p.from < anchor_) p.from = anchor_;
        if (p.from < p.until) leave_.push_back(p);
    }
    std::sort(leave_.begin(), leave_.end(), [](const Period& a, const Period& b) { return a.from < b.from; });
    // Merge overlapping (and touching) periods so that no day counts twice.
    std::size_t out = 0;
    for (std::size_t i = 0; i < leave_.size(); ++i) {
        if (out > 0 && leave_[i].from <= leave_[out - 1].until) {
            leave_[out - 1].until = std::max(leave_[out - 1].until, leave_[i].until);
        } else {
            leave_[out++] = leave_[i];
        }
    }
    leave_.resize(out);
}

Clock Clock::experience(const PersonRecord& person) {
    return Clock(person.experience_start().add_months(-person.prior_experience_months), person.leaves);
}

Clock Clock::employment(const PersonRecord& person) { return Clock(person.employment_start, person.leaves); }

int Clock::leave_days_before(Date d) const noexcept {
    int days = 0;
    for (const auto& p : leave_) {
        if (p.from >= d) break;
        days += (std::min(p.until, d) - p.from);
    }
    return days;
}

Date Clock::reached_on(int months) const noexcept {
    // Least fixpoint of D = base + leave(D); leave(D) grows by at most a day
    // per day, so iterating from base converges, once per leave period at most.
    const Date base = anchor_.add_months(months);
    Date d = base;
    for (;;) {
        const Date next = base.add_days(leave_days_before(d));
        if (next == d) return d;
        d = next;
    }
}

int Clock::months_on(Date d) const noexcept {
    // n months are reached by d exactly when anchor + n months <= d - leave(d),
    // since D - leave(D) never decreases.
    return whole_months_between(anchor_, d.add_days(-leave_days_before(d)));
}

YRKESRESAN_END_NAMESPACE
