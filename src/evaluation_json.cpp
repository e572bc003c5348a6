// The CONTRACT evaluation document.
#include <cmath>

#include <nlohmann/json.hpp>

#include "yrkesresan/evaluation.hpp"

namespace yrkesresan {
namespace {

using json = nlohmann::ordered_json;

json date_or_null(const std::optional<Date>& d) { return d ? json(d->to_string()) : json(nullptr); }

json codes(RoleSet set) {
    json a = json::array();
    for (int r = 0; r < role_count; ++r)
        if (set.has(static_cast<Role>(r))) a.push_back(to_string(static_cast<Role>(r)));
    return a;
}

json source(const SourceRef& s) {
    if (s.seed.empty()) return nullptr;
    json j = {{"seed", s.seed}, {"pages", s.pages}};
    if (!s.note.empty()) j["note"] = s.note;
    return j;
}

json finding(const Finding& f) {
    json j = {{"code", f.code}, {"message", f.message}, {"source", source(f.source)}};
    if (!f.ref.empty()) j["ref"] = f.ref;
    if (f.date) j["date"] = f.date->to_string();
    return j;
}

}  // namespace

std::string Evaluation::to_json() const {
    json j;
    j["person"] = person;
    j["municipality"] = municipality;
    if (!unit.empty()) j["unit"] = unit;
    j["program"] = program;
    j["program_version"] = program_version;
    j["as_of"] = as_of.to_string();
    j["language"] = language == Language::en ? "en" : "sv";
    j["experience_months"] = experience.months;
    j["experience"] = {{"months", experience.months},
                       {"anchor", experience.anchor.to_string()},
                       {"leave_days", experience.leave_days},
                       {"next_month_on", experience.next_month_on.to_string()},
                       {"months_at_employment_start", experience.months_at_employment_start}};
    j["phase"] = {{"id", phase.id}, {"label", phase.label}, {"from_months", phase.from_months},
                  {"to_months", phase.to_months ? json(*phase.to_months) : json(nullptr)}};
    json& lists = j["checklists"] = json::array();
    for (const auto& c : checklists) {
        json items = json::array();
        for (const auto& it : c.items) {
            json item = {{"id", it.id},
                         {"label", it.label},
                         {"section", it.section},
                         {"responsible", codes(it.responsible)},
                         {"state", to_string(it.state)},
                         {"due", date_or_null(it.due)},
                         {"done", date_or_null(it.done)}};
            if (!it.comment.empty()) item["comment"] = it.comment;
            if (!it.blocked_by.empty()) item["blocked_by"] = it.blocked_by;
            if (it.added) item["added"] = true;
            items.push_back(std::move(item));
        }
        const auto& s = c.summary;
        json list = {{"id", c.id},
                     {"label", c.label},
                     {"due", date_or_null(c.due)},
                     {"complete", c.complete},
                     {"completed_on", date_or_null(c.completed_on)},
                     {"handed_to", c.handed_to ? json(to_string(*c.handed_to)) : json(nullptr)},
                     {"summary",
                      {{"done", s.done}, {"waived", s.waived}, {"blocked", s.blocked}, {"overdue", s.overdue},
                       {"pending", s.pending}, {"unassigned", s.unassigned}, {"total", s.total}}},
                     {"unassigned", c.unassigned},
                     {"items", std::move(items)}};
        lists.push_back(std::move(list));
    }
    json& comps = j["components"] = json::array();
    for (const auto& c : components) {
        json reasons = json::array();
        for (const auto& r : c.reasons) reasons.push_back(finding(r));
        json comp = {{"id", c.id},
                     {"label", c.label},
                     {"kind", to_string(c.kind)},
                     {"eligibility", to_string(c.eligibility)},
                     {"window", c.window ? json{{"from", c.window->from.to_string()}, {"to", c.window->last().to_string()}}
                                         : json(nullptr)},
                     {"reasons", std::move(reasons)},
                     {"started_on", date_or_null(c.started_on)},
                     {"completed_on", date_or_null(c.completed_on)}};
        switch (c.kind) {
            case Component::Kind::supervision:
                comp["sessions_counted"] = c.sessions_counted;
                comp["sessions_required"] = c.sessions_required;
                break;
            case Component::Kind::mentor:
                comp["holder"] = c.holder.empty() ? json(nullptr) : json(c.holder);
                break;
            case Component::Kind::introduktor:
                comp["holder"] = c.holder.empty() ? json(nullptr) : json(c.holder);
                comp["hours_per_week"] = c.hours_per_week;
                comp["hours_owed"] = std::round(c.hours_owed * 100) / 100;
                break;
            case Component::Kind::annual: {
                json years = json::array();
                for (const auto& y : c.years)
                    years.push_back({{"year", y.year}, {"required", y.required}, {"attended", y.attended},
                                     {"state", to_string(y.state)}});
                comp["years"] = std::move(years);
                break;
            }
            case Component::Kind::course: break;
        }
        comps.push_back(std::move(comp));
    }
    json& mods = j["modules"] = json::array();
    for (const auto& m : modules) {
        json missing = json::array();
        for (const auto& f : m.missing) missing.push_back(finding(f));
        mods.push_back({{"id", m.id},
                        {"label", m.label},
                        {"component", m.component},
                        {"state", to_string(m.state)},
                        {"missing", std::move(missing)},
                        {"attended", date_or_null(m.attended)},
                        {"round", m.round.empty() ? json(nullptr) : json(m.round)},
                        {"homework_required", m.homework_required},
                        {"homework_submitted", date_or_null(m.homework_submitted)}});
    }
    json& certs = j["certificates"] = json::array();
    for (const auto& c : certificates) {
        json missing = json::array();
        for (const auto& f : c.missing) missing.push_back(finding(f));
        certs.push_back({{"component", c.component},
                         {"status", to_string(c.status)},
                         {"missing", std::move(missing)},
                         {"completed_on", date_or_null(c.completed_on)},
                         {"issued_on", date_or_null(c.issued_on)},
                         {"certificate_id", c.certificate_id.empty() ? json(nullptr) : json(c.certificate_id)}});
    }
    json& recs = j["recommendations"] = json::array();
    for (const auto& r : recommendations)
        recs.push_back({{"id", r.id},
                        {"label", r.label},
                        {"value", r.value},
                        {"applies", r.applies},
                        {"window", {{"from", r.window.from.to_string()}, {"to", r.window.last().to_string()}}},
                        {"source", source(r.source)}});
    json& acts = j["actions"] = json::array();
    for (const auto& a : actions) {
        json act = {{"role", to_string(a.role)}, {"kind", to_string(a.kind)}, {"what", a.what}, {"due", date_or_null(a.due)}};
        if (!a.checklist.empty()) act["checklist"] = a.checklist;
        if (!a.component.empty()) act["component"] = a.component;
        if (!a.item.empty()) act["item"] = a.item;
        if (a.state) act["state"] = to_string(*a.state);
        acts.push_back(std::move(act));
    }
    json& warns = j["warnings"] = json::array();
    for (const auto& w : warnings) warns.push_back(finding(w));
    return j.dump();
}

}  // namespace yrkesresan
