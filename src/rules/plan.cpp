#include "plan.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {
namespace {
constexpr std::int32_t no_planned_day = std::numeric_limits<std::int32_t>::min();
}

std::optional<std::uint32_t> PersonPlan::find(std::string_view id, const ProgramData& program,
                                              const PersonRecord& person, bool* removed) const {
    if (removed) *removed = false;
    if (auto it = program.item_index.find(id); it != program.item_index.end()) {
        const auto e = entry_of_item[it->second];
        if (e < 0) {
            if (removed) *removed = true;
            return std::nullopt;
        }
        return static_cast<std::uint32_t>(e);
    }
    for (std::uint32_t e = 0; e < entries.size(); ++e)
        if (entries[e].added >= 0 && person.plan.added_items[static_cast<std::size_t>(entries[e].added)].id == id)
            return e;
    return std::nullopt;
}

PersonPlan build_plan(const ProgramData& program, const PersonRecord& person) {
    Diagnostics diag;
    const auto& plan = person.plan;
    std::vector<bool> removed(program.items.size(), false);
    for (std::size_t i = 0; i < plan.removed_items.size(); ++i) {
        const std::string path = "/plan/removed_items/" + std::to_string(i);
        auto it = program.item_index.find(plan.removed_items[i]);
        if (it == program.item_index.end())
            diag.add(ErrorCode::unknown_reference, path, "no item with this id to remove");
        else if (removed[it->second])
            diag.add(ErrorCode::duplicate_id, path, "the item is removed twice");
        else
            removed[it->second] = true;
    }

    // Where each added item goes: its checklist and section.
    struct Placement {
        std::uint32_t checklist = 0, section = 0;
        bool ok = false;
    };
    std::vector<Placement> placement(plan.added_items.size());
    for (std::size_t i = 0; i < plan.added_items.size(); ++i) {
        const auto& a = plan.added_items[i];
        const std::string path = "/plan/added_items/" + std::to_string(i);
        if (program.item_index.count(a.id))
            diag.add(ErrorCode::duplicate_id, path + "/id", "an item with this id already exists in the program");
        for (std::size_t k = 0; k < i; ++k)
            if (plan.added_items[k].id == a.id) diag.add(ErrorCode::duplicate_id, path + "/id", "an item with this id is added twice");
        auto c = program.checklist_index.find(a.checklist);
        if (c == program.checklist_index.end()) {
            diag.add(ErrorCode::unknown_reference, path + "/checklist", "no checklist with this id in the program");
            continue;
        }
        const Checklist& list = program.checklists[c->second];
        if (list.section_count == 0) {
            diag.add(ErrorCode::unknown_reference, path + "/checklist", "the checklist has no section");
            continue;
        }
        std::uint32_t section = list.first_section + list.section_count - 1;
        if (!a.section.empty()) {
            bool found = false;
            for (std::uint32_t s = list.first_section; s < list.first_section + list.section_count; ++s)
                if (program.sections[s].id == a.section) {
                    section = s;
                    found = true;
                }
            if (!found) {
                diag.add(ErrorCode::unknown_reference, path + "/section", "no section with this id in the checklist");
                continue;
            }
        }
        placement[i] = {c->second, section, true};
    }

    PersonPlan out;
    out.entry_of_item.assign(program.items.size(), -1);
    out.checklist_begin.reserve(program.checklists.size() + 1);
    out.entries.reserve(program.items.size() + plan.added_items.size());
    for (std::uint32_t c = 0; c < program.checklists.size(); ++c) {
        const Checklist& list = program.checklists[c];
        out.checklist_begin.push_back(static_cast<std::uint32_t>(out.entries.size()));
        std::uint32_t item = list.first_item;
        for (std::uint32_t s = list.first_section; s < list.first_section + list.section_count; ++s) {
            for (; item < list.first_item + list.item_count && program.items[item].section == s; ++item) {
                if (removed[item]) continue;
                out.entry_of_item[item] = static_cast<std::int32_t>(out.entries.size());
                out.entries.push_back({static_cast<std::int32_t>(item), -1, c, s, program.items[item].responsible});
            }
            for (std::size_t a = 0; a < plan.added_items.size(); ++a)
                if (placement[a].ok && placement[a].section == s) {
                    // An added item that names no codes takes its list's defaults, as the list's own items do.
                    const auto& codes = plan.added_items[a].responsible;
                    const auto& added = plan.added_items[a];
                    out.entries.push_back({-1, static_cast<std::int32_t>(a), c, s, codes ? *codes : list.responsible,
                                           added.planned ? added.planned->day_number() : no_planned_day});
                }
        }
    }
    out.checklist_begin.push_back(static_cast<std::uint32_t>(out.entries.size()));

    // The plan's entry for an item the person's plan names under `key`, or a problem at its path.
    auto entry_named = [&](const std::string& id, const char* key) -> std::optional<std::uint32_t> {
        bool was_removed = false;
        auto e = out.find(id, program, person, &was_removed);
        if (!e)
            diag.add(ErrorCode::unknown_reference, member_path(key, id),  // a key that may not be shown ends the path
                     was_removed ? "the item is removed from the plan" : "no item with this id in the plan");
        return e;
    };
    // Codes filled in per person override the template's defaults.
    for (const auto& [id, codes] : plan.assignments)
        if (auto e = entry_named(id, "/plan/assignments")) out.entries[*e].codes = codes;
    // Dates filled in per person: "när olika insatser ska genomföras" (R3).
    for (const auto& [id, date] : plan.planned) {
        auto e = entry_named(id, "/plan/planned");
        if (!e) continue;
        if (out.entries[*e].added >= 0 && plan.added_items[static_cast<std::size_t>(out.entries[*e].added)].planned) {
            diag.add(ErrorCode::duplicate_id, member_path("/plan/planned", id), "the added item has its own planned date");
            continue;
        }
        out.entries[*e].planned = date.day_number();
    }
    diag.throw_if_any();
    return out;
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
