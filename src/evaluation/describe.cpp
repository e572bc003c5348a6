// R1-R3 in words: experience, phase, checklists and their items, warnings,
// and the actions of each role.
#include "describe.hpp"

#include <algorithm>

#include "messages.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {
namespace {

struct EntryView {
    const std::string& id;
    const std::string& label;
    const std::string& comment;
    const SourceRef& source;
};

EntryView view(const PlanEntry& e, const ProgramData& program, const PersonRecord& person, Language lang) {
    static const SourceRef none;
    if (e.item >= 0) {
        const Item& it = program.items[static_cast<std::size_t>(e.item)];
        return {it.id, label_in(it, lang), it.comment, it.source};
    }
    const PlanItem& a = person.plan.added_items[static_cast<std::size_t>(e.added)];
    return {a.id, a.label, a.comment, none};
}

std::string day_text(std::int32_t day) { return Date::from_day_number(day).to_string(); }

}  // namespace

Finding describe_warning(const ProgramData& program, const PersonRecord& person, const PersonFacts& facts,
                         const Assessment& a, const RawWarning& w, Language lang) {
    using Code = RawWarning::Code;
    const auto s = static_cast<std::size_t>(w.subject);
    const std::optional<Date> date = to_date(w.day);
    const std::string day = w.day == no_day ? std::string() : day_text(w.day);
    switch (w.code) {
        case Code::event_for_removed_item: {
            const Item& item = program.items[s];
            return {"event_for_removed_item", message("event_for_removed_item", lang, {{"item", label_in(item, lang)}, {"date", day}}),
                    item.source, item.id, date};
        }
        case Code::duplicate_item_event: {
            const PlanEntry& entry = facts.plan.entries[s];
            const auto v = view(entry, program, person, lang);
            // An added item's label is the person's plan: never put it in a message.
            const std::string label = entry.item >= 0 ? v.label : message("added_item", lang);
            return {"duplicate_event", message("duplicate_event", lang, {{"item", label}}), v.source, v.id, date};
        }
        case Code::item_prerequisite_violation: {
            const PlanEntry& entry = facts.plan.entries[s];
            const auto v = view(entry, program, person, lang);
            const std::string label = entry.item >= 0 ? v.label : message("added_item", lang);
            const Item& required = program.items[static_cast<std::size_t>(w.other)];
            return {"prerequisite_violation",
                    message("prerequisite_violation", lang, {{"item", label}, {"date", day}, {"requires", label_in(required, lang)}}),
                    v.source, v.id, date};
        }
        case Code::fadder_not_named:
            return {"fadder_not_named", message("fadder_not_named", lang), program.checklists[s].source, "FA", std::nullopt};
        case Code::forste_not_named:
            return {"forste_not_named", message("forste_not_named", lang), program.checklists[s].source, "1:e", std::nullopt};
        case Code::homework_without_task: {
            const Module& module = program.modules[s];
            return {"homework_without_task", message("homework_without_task", lang, {{"module", label_in(module, lang)}, {"date", day}}),
                    program.components[module.component].source, module.id, date};
        }
        case Code::duplicate_session: {
            const Component& c = program.components[s];
            return {"duplicate_event", message("duplicate_event", lang, {{"item", label_in(c, lang)}}), c.source, c.id, date};
        }
        case Code::started_outside_window: {
            const Component& c = program.components[s];
            const Period& window = a.components[s].window;
            const auto from = window.from.to_string(), to = window.last().to_string();
            return {"started_outside_window",
                    message("started_outside_window", lang, {{"component", label_in(c, lang)}, {"date", day}, {"from", from}, {"to", to}}),
                    c.window->source, c.id, date};
        }
        case Code::module_prerequisite_violation: {
            const Module& module = program.modules[s];
            const Module& required = program.modules[static_cast<std::size_t>(w.other)];
            const std::string what = w.a ? message("homework_of", lang, {{"module", label_in(required, lang)}}) : label_in(required, lang);
            return {"prerequisite_violation",
                    message("prerequisite_violation", lang, {{"item", label_in(module, lang)}, {"date", day}, {"requires", what}}),
                    program.components[module.component].source, module.id, date};
        }
        case Code::mentor_same_municipality: {
            const Component& c = program.components[s];
            return {"mentor_same_municipality", message("mentor_same_municipality", lang), c.source, c.id, std::nullopt};
        }
        case Code::mentor_not_more_experienced: {
            const Component& c = program.components[s];
            const auto mentor = std::to_string(w.a), months = std::to_string(w.b);
            return {"mentor_not_more_experienced",
                    message("mentor_not_more_experienced", lang, {{"mentor", mentor}, {"months", months}}),
                    c.source, c.id, std::nullopt};
        }
        case Code::more_than_offered: {
            const Component& c = program.components[s];
            const auto y = std::to_string(w.a), n = std::to_string(w.b), req = std::to_string(c.per_year);
            return {"more_than_offered",
                    message("more_than_offered", lang, {{"component", label_in(c, lang)}, {"year", y}, {"attended", n}, {"required", req}}),
                    c.source, c.id, std::nullopt};
        }
        case Code::certificate_issued_early: {
            const Component& c = program.components[s];
            return {"certificate_issued_early",
                    message("certificate_issued_early", lang, {{"component", label_in(c, lang)}, {"date", day}}), c.certificate_source,
                    c.id, date};
        }
        case Code::unknown_in_program: {
            const auto type = static_cast<EventType>(w.a);
            const char* field = type == EventType::item_done ? "item"
                                : (type == EventType::module_attended || type == EventType::homework_submitted) ? "module"
                                                                                                                : "component";
            return {"unknown_in_program", message(std::string("unknown_in_program_") + field, lang, {{"date", day}}), {}, {}, date,
                    "/events/" + std::to_string(w.subject) + "/" + field};
        }
    }
    return {};
}

Evaluation describe(const ProgramData& program, const PersonRecord& person, const PersonFacts& facts,
                    const Assessment& a, Date as_of, Language lang) {
    const PersonPlan& plan = facts.plan;
    Evaluation ev;
    ev.person = person.id;
    ev.municipality = person.municipality;
    ev.unit = person.unit;
    ev.program = program.id;
    ev.program_version = program.version;
    ev.layers = program.layers;
    ev.as_of = as_of;
    ev.language = lang;
    ev.experience = {a.months, a.anchor, a.leave_days, a.next_month_on, a.months_at_employment_start};
    const Phase& phase = program.phases[a.phase];
    ev.phase = {phase.id, label_in(phase, lang), phase.from_months, phase.to_months};

    // Warnings in the order the facts were read: events, then R3, then R4-R8.
    for (const auto& w : facts.event_warnings) ev.warnings.push_back(describe_warning(program, person, facts, a, w, lang));
    for (const auto& w : a.warnings) ev.warnings.push_back(describe_warning(program, person, facts, a, w, lang));

    auto satisfied = [&](std::uint32_t e) { return facts.done[e] != no_day || plan.entries[e].codes.waived(); };
    for (std::uint32_t c = 0; c < program.checklists.size(); ++c) {
        const Checklist& list = program.checklists[c];
        const ChecklistOutcome& co = a.checklists[c];
        ChecklistResult cr;
        cr.id = list.id;
        cr.label = label_in(list, lang);
        cr.due = to_date(co.due);
        cr.summary = co.summary;
        cr.complete = co.complete;
        cr.completed_on = to_date(co.completed_on);
        if (co.complete) cr.handed_to = list.handover_to;
        for (std::uint32_t e = plan.checklist_begin[c]; e < plan.checklist_begin[c + 1]; ++e) {
            const PlanEntry& entry = plan.entries[e];
            const auto v = view(entry, program, person, lang);
            ItemResult ir;
            ir.id = v.id;
            ir.label = v.label;
            ir.comment = v.comment;
            ir.section = program.sections[entry.section].id;
            ir.responsible = entry.codes;
            ir.state = a.states[e];
            ir.due = to_date(a.due[e]);
            ir.planned = to_date(entry.planned);
            ir.done = to_date(facts.done[e]);
            ir.added = entry.item < 0;
            if (ir.state != ItemState::done)
                for (auto r : prerequisites(program, entry)) {
                    const auto re = plan.entry_of_item[r];
                    if (re >= 0 && !satisfied(static_cast<std::uint32_t>(re))) ir.blocked_by.push_back(program.items[r].id);
                }
            if (entry.codes.empty()) cr.unassigned.push_back(ir.id);
            if (ir.state != ItemState::done && ir.state != ItemState::waived)
                for (int r = 0; r < role_count; ++r) {
                    const auto role = static_cast<Role>(r);
                    if (role == Role::EJ || !entry.codes.has(role)) continue;
                    ev.actions.push_back({role, Action::Kind::item, ir.label, ir.due, cr.id, "", ir.id, ir.state});
                }
            cr.items.push_back(std::move(ir));
        }
        if (co.summary.unassigned > 0 && !co.complete) {
            const auto count = std::to_string(co.summary.unassigned);
            ev.actions.push_back({Role::EC, Action::Kind::assign_codes,
                                  message("action_assign_codes", lang, {{"n", count}, {"checklist", cr.label}}),
                                  to_date(co.unassigned_due), cr.id, "", "", std::nullopt});
        }
        ev.checklists.push_back(std::move(cr));
    }

    if (a.fa_needed && !facts.named_fa)
        ev.actions.push_back({Role::EC, Action::Kind::name_role_holder, message("action_name_fadder", lang), to_date(a.fa_due),
                              "", "", "", std::nullopt});
    if (a.forste_needed && !facts.named_forste)
        ev.actions.push_back({Role::EC, Action::Kind::name_role_holder, message("action_name_forste", lang),
                              to_date(a.forste_due), "", "", "", std::nullopt});

    describe_components(program, person, facts, a, as_of, ev);

    // Each role's to-do list: soonest first, undated last, program order otherwise.
    std::stable_sort(ev.actions.begin(), ev.actions.end(), [](const Action& x, const Action& y) {
        if (x.due.has_value() != y.due.has_value()) return x.due.has_value();
        return x.due && *x.due < *y.due;
    });
    return ev;
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
