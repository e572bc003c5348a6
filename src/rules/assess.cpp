// R1-R3 on decoded facts: the experience clock, the phase, checklist item
// states and what they need from the unit. R4-R8: assess_components.cpp.
#include <algorithm>

#include "assessment.hpp"
#include "assess_components.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {
namespace {

// Deadlines in months after the employment start repeat across items: each
// distinct month count is computed once per person.
class DueDays {
public:
    DueDays(const Clock& employment, std::int32_t hired_on) : employment_(employment), hired_on_(hired_on) {}
    // The deadline of a due rule as an inclusive last day (R1: half-open
    // periods shown with their last day).
    std::int32_t operator()(const DueRule& rule) {
        switch (rule.kind) {
            case DueRule::Kind::none: return no_day;
            case DueRule::Kind::months_after_start: {
                for (const auto& [months, day] : cache_)
                    if (months == rule.amount) return day;
                const std::int32_t day = employment_.within_months(rule.amount).last().day_number();
                cache_.emplace_back(rule.amount, day);
                return day;
            }
            case DueRule::Kind::days_before_start: return employment_.anchor().add_days(-rule.amount).day_number();
            case DueRule::Kind::days_after_hired:
                // R3: "så fort som möjligt efter beslut om anställning"; a record
                // without the decision takes the rule's fallback.
                if (hired_on_ != no_day) return hired_on_ + rule.amount;
                return (*this)(DueRule{rule.otherwise_kind, rule.otherwise_amount});
        }
        return no_day;
    }

private:
    const Clock& employment_;
    std::int32_t hired_on_;
    std::vector<std::pair<int, std::int32_t>> cache_;
};

void sooner(std::int32_t& acc, std::int32_t day) {
    if (day != no_day && (acc == no_day || day < acc)) acc = day;
}

}  // namespace

void assess(const ProgramData& program, const PersonFacts& facts, Date as_of, Assessment& out,
            const AssessScope& scope) {
    auto covered = [&](std::uint32_t c) { return scope.checklists.empty() || scope.checklists[c]; };
    const PersonPlan& plan = facts.plan;
    const auto n = static_cast<std::uint32_t>(plan.entries.size());
    out.warnings.clear();

    // R1: the experience clock and the phase it puts the person in (R2).
    const Clock experience(facts.experience_start.add_months(-facts.prior_experience_months), facts.leaves);
    const Clock employment(facts.employment_start, facts.leaves);
    out.anchor = experience.anchor();
    out.months = experience.months_on(as_of);
    out.leave_days = experience.leave_days_before(std::max(as_of, experience.anchor()));
    out.next_month_on = experience.reached_on(out.months + 1);
    out.months_at_employment_start = experience.months_on(facts.employment_start);
    out.phase = 0;
    for (std::uint32_t p = 0; p < program.phases.size(); ++p)
        if (program.phases[p].from_months <= out.months) out.phase = p;

    // Item states (R3). Precedence: done, waived, overdue, blocked, pending.
    const std::int32_t today = as_of.day_number();
    auto satisfied = [&](std::uint32_t entry) {
        return (facts.done[entry] != no_day && facts.done[entry] <= today) || plan.entries[entry].codes.waived();
    };
    DueDays due_day(employment, facts.hired_on);
    out.states.resize(n);
    out.due.resize(n);
    for (std::uint32_t e = 0; e < n; ++e) {
        const PlanEntry& entry = plan.entries[e];
        if (!covered(entry.checklist)) continue;
        const Item* item = entry.item >= 0 ? &program.items[static_cast<std::size_t>(entry.item)] : nullptr;
        // The written plan's date, where it gives one, is the item's due (R3).
        const std::int32_t due =
            entry.planned != no_day ? entry.planned : due_day(item ? item->due : program.checklists[entry.checklist].due);
        out.due[e] = due;
        bool open_prerequisite = false;
        for (auto r : prerequisites(program, entry)) {
            const auto re = plan.entry_of_item[r];
            if (re >= 0 && !satisfied(static_cast<std::uint32_t>(re))) open_prerequisite = true;
        }
        ItemState s = ItemState::pending;
        if (facts.done[e] != no_day && facts.done[e] <= today) s = ItemState::done;
        else if (entry.codes.waived()) s = ItemState::waived;
        else if (due != no_day && today > due) s = ItemState::overdue;
        else if (open_prerequisite) s = ItemState::blocked;
        out.states[e] = s;
    }

    // Per checklist: counts, completion, and the roles the open items need.
    out.fa_needed = out.forste_needed = false;
    out.fa_due = out.forste_due = no_day;
    std::int32_t fa_checklist = -1, forste_checklist = -1;
    out.checklists.resize(program.checklists.size());
    for (std::uint32_t c = 0; c < program.checklists.size(); ++c) {
        ChecklistOutcome& co = out.checklists[c];
        co = ChecklistOutcome{};
        if (!covered(c)) continue;
        co.due = due_day(program.checklists[c].due);
        std::int32_t last_done = no_day;
        for (std::uint32_t e = plan.checklist_begin[c]; e < plan.checklist_begin[c + 1]; ++e) {
            const PlanEntry& entry = plan.entries[e];
            const ItemState s = out.states[e];
            if (facts.done[e] != no_day) last_done = std::max(last_done, facts.done[e]);
            if (s == ItemState::done)
                for (auto r : prerequisites(program, entry)) {
                    const auto re = plan.entry_of_item[r];
                    if (re < 0) continue;
                    const auto req = static_cast<std::uint32_t>(re);
                    // A completion before its prerequisite is a recorded fact: kept, reported.
                    if (!plan.entries[req].codes.waived() &&
                        (facts.done[req] == no_day || facts.done[req] > facts.done[e]))
                        out.warnings.push_back({RawWarning::Code::item_prerequisite_violation,
                                                static_cast<std::int32_t>(e), static_cast<std::int32_t>(r),
                                                facts.done[e]});
                }
            switch (s) {
                case ItemState::done: ++co.summary.done; break;
                case ItemState::waived: ++co.summary.waived; break;
                case ItemState::blocked: ++co.summary.blocked; break;
                case ItemState::overdue: ++co.summary.overdue; break;
                case ItemState::pending: ++co.summary.pending; break;
            }
            const bool open = s != ItemState::done && s != ItemState::waived;
            if (entry.codes.empty()) {
                ++co.summary.unassigned;
                if (open) sooner(co.unassigned_due, out.due[e]);
            }
            if (!open) continue;
            if (entry.codes.has(Role::FA)) {
                if (!out.fa_needed) fa_checklist = static_cast<std::int32_t>(entry.checklist);
                out.fa_needed = true;
                sooner(out.fa_due, out.due[e]);
            }
            if (entry.codes.has(Role::forste)) {
                if (!out.forste_needed) forste_checklist = static_cast<std::int32_t>(entry.checklist);
                out.forste_needed = true;
                sooner(out.forste_due, out.due[e]);
            }
        }
        co.summary.total = static_cast<int>(plan.checklist_begin[c + 1] - plan.checklist_begin[c]);
        co.complete = co.summary.done + co.summary.waived == co.summary.total;
        if (co.complete) co.completed_on = last_done;
    }

    // R3: FA needs a named fadder, 1:e a named 1:e.
    if (out.fa_needed && !facts.named_fa) out.warnings.push_back({RawWarning::Code::fadder_not_named, fa_checklist});
    if (out.forste_needed && !facts.named_forste)
        out.warnings.push_back({RawWarning::Code::forste_not_named, forste_checklist});

    if (scope.components) assess_components(program, facts, as_of, experience, employment, out);

    // Recommendations (R6): each on its own clock.
    out.recommendation_windows.resize(program.recommendations.size());
    for (std::size_t r = 0; r < program.recommendations.size(); ++r)
        out.recommendation_windows[r] = window_period(program.recommendations[r].window, experience, employment);
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
