// R1-R3 on one person and one date.
#include <algorithm>
#include <limits>

#include "components_eval.hpp"
#include "messages.hpp"
#include "plan.hpp"
#include "yrkesresan/evaluation.hpp"
#include "yrkesresan/experience.hpp"

namespace yrkesresan {

std::string_view to_string(ItemState state) noexcept {
    switch (state) {
        case ItemState::done: return "done";
        case ItemState::waived: return "waived";
        case ItemState::blocked: return "blocked";
        case ItemState::overdue: return "overdue";
        case ItemState::pending: return "pending";
    }
    return "";
}

std::string_view to_string(Action::Kind kind) noexcept {
    switch (kind) {
        case Action::Kind::item: return "item";
        case Action::Kind::assign_codes: return "assign_codes";
        case Action::Kind::name_role_holder: return "name_role_holder";
        case Action::Kind::enrol: return "enrol";
        case Action::Kind::submit_homework: return "submit_homework";
        case Action::Kind::issue_certificate: return "issue_certificate";
    }
    return "";
}

namespace detail {
namespace {

constexpr std::int32_t not_done = std::numeric_limits<std::int32_t>::max();

// The deadline of a due rule as an inclusive last day (R1: half-open periods
// shown with their last day).
std::optional<Date> due_date(const DueRule& rule, const Clock& employment) {
    switch (rule.kind) {
        case DueRule::Kind::none: return std::nullopt;
        case DueRule::Kind::months_after_start: return employment.within_months(rule.amount).last();
        case DueRule::Kind::days_before_start: return employment.anchor().add_days(-rule.amount);
    }
    return std::nullopt;
}

struct EntryView {
    const std::string& id;
    const std::string& label;
    const std::string& comment;
    const SourceRef& source;
};

EntryView view(const PlanEntry& e, const ProgramData& program, const PersonRecord& person) {
    static const SourceRef none;
    if (e.item >= 0) {
        const Item& it = program.items[static_cast<std::size_t>(e.item)];
        return {it.id, it.label, it.comment, it.source};
    }
    const PlanItem& a = person.plan.added_items[static_cast<std::size_t>(e.added)];
    return {a.id, a.label, a.comment, none};
}

}  // namespace
}  // namespace detail

Evaluation evaluate(const Program& program_handle, const PersonRecord& person, Date as_of,
                    const EvaluateOptions& options) {
    using namespace detail;
    const ProgramData& program = program_handle.data();
    const Language lang = options.language;
    const PersonPlan plan = build_plan(program, person);
    const auto n = plan.entries.size();

    Evaluation ev;
    ev.person = person.id;
    ev.municipality = person.municipality;
    ev.unit = person.unit;
    ev.program = program.id;
    ev.program_version = program.version;
    ev.as_of = as_of;
    ev.language = lang;

    // R1: the experience clock and the phase it puts the person in (R2).
    const Clock experience = Clock::experience(person);
    const Clock employment = Clock::employment(person);
    ev.experience.anchor = experience.anchor();
    ev.experience.months = experience.months_on(as_of);
    ev.experience.leave_days = experience.leave_days_before(std::max(as_of, experience.anchor()));
    ev.experience.next_month_on = experience.reached_on(ev.experience.months + 1);
    ev.experience.months_at_employment_start = experience.months_on(person.employment_start);
    const Phase& phase = program_handle.phase_at(ev.experience.months);
    ev.phase = {phase.id, phase.label, phase.from_months, phase.to_months};

    // Recorded facts. A completion after as_of is an input error (R3).
    std::vector<std::int32_t> done(n, not_done);
    ComponentFacts component_facts;
    {
        Diagnostics diag;
        for (std::size_t i = 0; i < person.events.size(); ++i) {
            const Event& e = person.events[i];
            const std::string path = "/events/" + std::to_string(i);
            if (e.date > as_of) {
                diag.add(ErrorCode::future_event, path + "/date", "recorded after the evaluation date");
                continue;
            }
            if (e.type != EventType::item_done) continue;
            bool removed = false;
            auto entry = plan.find(e.ref, program, person, &removed);
            if (!entry) {
                if (!removed) {
                    diag.add(ErrorCode::unknown_reference, path + "/item", "no item with this id in the plan");
                    continue;
                }
                const Item& item = program.items[*program_handle.find_item(e.ref)];
                const auto date = e.date.to_string();
                ev.warnings.push_back({"event_for_removed_item",
                                       message("event_for_removed_item", lang, {{"item", item.label}, {"date", date}}),
                                       item.source, item.id, e.date});
                continue;
            }
            auto& d = done[*entry];
            if (d != not_done) {
                const auto v = view(plan.entries[*entry], program, person);
                // An added item's label is the person's plan: never put it in a message.
                const std::string label = plan.entries[*entry].item >= 0 ? v.label : message("added_item", lang);
                ev.warnings.push_back({"duplicate_event", message("duplicate_event", lang, {{"item", label}}), v.source,
                                       v.id, e.date});
            }
            d = std::min(d, e.date.day_number());
        }
        component_facts = collect_component_facts(program, person, as_of, lang, diag, ev.warnings);
        diag.throw_if_any();
    }

    // Item states (R3).
    const std::int32_t today = as_of.day_number();
    auto satisfied = [&](std::uint32_t entry) {
        return done[entry] <= today || plan.entries[entry].codes.waived();
    };
    std::vector<ItemState> state(n);
    std::vector<std::optional<Date>> due(n);
    for (std::uint32_t e = 0; e < n; ++e) {
        const PlanEntry& entry = plan.entries[e];
        const DueRule rule = entry.item >= 0 ? program.items[static_cast<std::size_t>(entry.item)].due
                                             : program.checklists[entry.checklist].due;
        due[e] = due_date(rule, employment);
        bool open_prerequisite = false;
        if (entry.item >= 0)
            for (auto r : program.items[static_cast<std::size_t>(entry.item)].requires) {
                const auto re = plan.entry_of_item[r];
                if (re >= 0 && !satisfied(static_cast<std::uint32_t>(re))) open_prerequisite = true;
            }
        if (done[e] <= today) state[e] = ItemState::done;
        else if (entry.codes.waived()) state[e] = ItemState::waived;
        else if (due[e] && as_of > *due[e]) state[e] = ItemState::overdue;
        else if (open_prerequisite) state[e] = ItemState::blocked;
        else state[e] = ItemState::pending;
    }

    // Results per checklist, and the facts that contradict prerequisites.
    bool fa_needed = false, forste_needed = false;
    std::optional<Date> fa_due, forste_due;
    SourceRef fa_source, forste_source;  // the rule behind the first such item
    auto sooner = [](std::optional<Date>& acc, std::optional<Date> d) {
        if (d && (!acc || *d < *acc)) acc = d;
    };
    for (std::uint32_t c = 0; c < program.checklists.size(); ++c) {
        const Checklist& list = program.checklists[c];
        ChecklistResult cr;
        cr.id = list.id;
        cr.label = list.label;
        cr.due = due_date(list.due, employment);
        std::int32_t last_done = std::numeric_limits<std::int32_t>::min();
        std::optional<Date> unassigned_due;
        for (std::uint32_t e = plan.checklist_begin[c]; e < plan.checklist_begin[c + 1]; ++e) {
            const PlanEntry& entry = plan.entries[e];
            const auto v = view(entry, program, person);
            ItemResult ir;
            ir.id = v.id;
            ir.label = v.label;
            ir.comment = v.comment;
            ir.section = program.sections[entry.section].id;
            ir.responsible = entry.codes;
            ir.state = state[e];
            ir.due = due[e];
            ir.added = entry.item < 0;
            if (done[e] != not_done) {
                ir.done = Date::from_day_number(done[e]);
                last_done = std::max(last_done, done[e]);
            }
            if (entry.item >= 0) {
                for (auto r : program.items[static_cast<std::size_t>(entry.item)].requires) {
                    const auto re = plan.entry_of_item[r];
                    if (re < 0) continue;
                    const auto req = static_cast<std::uint32_t>(re);
                    if (!satisfied(req)) {
                        if (ir.state != ItemState::done) ir.blocked_by.push_back(program.items[r].id);
                    }
                    // A completion before its prerequisite is a recorded fact: kept, reported.
                    if (ir.state == ItemState::done && !plan.entries[req].codes.waived() && done[req] > done[e]) {
                        const auto date = ir.done->to_string();
                        ev.warnings.push_back({"prerequisite_violation",
                                               message("prerequisite_violation", lang,
                                                       {{"item", v.label}, {"date", date}, {"requires", program.items[r].label}}),
                                               v.source, v.id, ir.done});
                    }
                }
            }
            switch (ir.state) {
                case ItemState::done: ++cr.summary.done; break;
                case ItemState::waived: ++cr.summary.waived; break;
                case ItemState::blocked: ++cr.summary.blocked; break;
                case ItemState::overdue: ++cr.summary.overdue; break;
                case ItemState::pending: ++cr.summary.pending; break;
            }
            const bool open = ir.state != ItemState::done && ir.state != ItemState::waived;
            if (entry.codes.empty()) {
                cr.unassigned.push_back(ir.id);
                if (open) sooner(unassigned_due, ir.due);
            }
            if (open) {
                if (entry.codes.has(Role::FA)) {
                    if (!fa_needed) fa_source = program.checklists[entry.checklist].source;
                    fa_needed = true;
                    sooner(fa_due, ir.due);
                }
                if (entry.codes.has(Role::forste)) {
                    if (!forste_needed) forste_source = program.checklists[entry.checklist].source;
                    forste_needed = true;
                    sooner(forste_due, ir.due);
                }
                for (int r = 0; r < role_count; ++r) {
                    const auto role = static_cast<Role>(r);
                    if (role == Role::EJ || !entry.codes.has(role)) continue;
                    ev.actions.push_back({role, Action::Kind::item, ir.label, ir.due, cr.id, "", ir.id, ir.state});
                }
            }
            cr.items.push_back(std::move(ir));
        }
        cr.summary.unassigned = static_cast<int>(cr.unassigned.size());
        cr.summary.total = static_cast<int>(cr.items.size());
        cr.complete = cr.summary.done + cr.summary.waived == cr.summary.total;
        if (cr.complete && last_done != std::numeric_limits<std::int32_t>::min())
            cr.completed_on = Date::from_day_number(last_done);
        if (cr.complete) cr.handed_to = list.handover_to;
        if (cr.summary.unassigned > 0 && !cr.complete) {
            const auto count = std::to_string(cr.summary.unassigned);
            ev.actions.push_back({Role::EC, Action::Kind::assign_codes,
                                  message("action_assign_codes", lang, {{"n", count}, {"checklist", cr.label}}),
                                  unassigned_due, cr.id, "", "", std::nullopt});
        }
        ev.checklists.push_back(std::move(cr));
    }

    // R3: FA needs a named fadder, 1:e a named 1:e.
    if (fa_needed && !person.people.count("FA")) {
        ev.warnings.push_back({"fadder_not_named", message("fadder_not_named", lang), fa_source, "FA", std::nullopt});
        ev.actions.push_back({Role::EC, Action::Kind::name_role_holder, message("action_name_fadder", lang), fa_due, "", "",
                              "", std::nullopt});
    }
    if (forste_needed && !person.people.count("1:e")) {
        ev.warnings.push_back({"forste_not_named", message("forste_not_named", lang), forste_source, "1:e", std::nullopt});
        ev.actions.push_back({Role::EC, Action::Kind::name_role_holder, message("action_name_forste", lang), forste_due,
                              "", "", "", std::nullopt});
    }

    // R4-R8: the course, supervision, support, annual activities, certificates.
    evaluate_components(program, person, as_of, experience, employment, component_facts, ev);

    // Each role's to-do list: soonest first, undated last, program order otherwise.
    std::stable_sort(ev.actions.begin(), ev.actions.end(), [](const Action& a, const Action& b) {
        if (a.due.has_value() != b.due.has_value()) return a.due.has_value();
        return a.due && *a.due < *b.due;
    });
    return ev;
}

}  // namespace yrkesresan
