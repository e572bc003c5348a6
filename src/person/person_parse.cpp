// Reading and writing the person record (docs/contract.md).
#include <algorithm>
#include <iterator>

#include "json_input.hpp"
#include "json_writer.hpp"
#include "person_read.hpp"
#include "yrkesresan/person.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {
namespace {

// `element_paths` false: `path` ends at a parent (a key that may not be
// shown), so each code is reported there.
RoleSet read_codes(const json& codes, const std::string& path, Diagnostics& diag, bool element_paths = true) {
    RoleSet set;
    if (!codes.is_array()) {
        diag.add(ErrorCode::wrong_type, path, std::string("expected an array of codes, found ") + type_name(codes));
        return set;
    }
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const std::string p = element_paths ? path + "/" + std::to_string(i) : path;
        if (auto s = read_string(codes[i], p, diag)) {
            if (auto role = parse_role(*s)) set.add(*role);
            else diag.add(ErrorCode::unknown_code, p, "not one of EC, 1:e, FA, AD, SJ, EJ");
        }
    }
    if (set.has(Role::EJ) && !set.waived())
        diag.add(ErrorCode::conflicting_codes, path, "EJ (no introduction needed) must stand alone");
    return set;
}

void read_plan(const ObjectReader& root, PersonRecord& p, Diagnostics& diag) {
    const json* plan = root.object("plan");
    if (!plan) return;
    ObjectReader r(*plan, root.path("plan"), diag, {"assignments", "added_items", "removed_items", "planned"});
    if (const json* a = r.object("assignments")) {
        for (auto it = a->begin(); it != a->end(); ++it) {
            // Keys are item ids; a key that may not be shown ends the path.
            const std::string path = member_path(r.path("assignments"), it.key());
            if (!is_valid_id(it.key())) {
                diag.add(ErrorCode::invalid_value, path, "an assignment's key is an item id: lowercase ASCII without spaces");
                continue;
            }
            p.plan.assignments.emplace_back(it.key(), read_codes(it.value(), path, diag, key_may_be_shown(it.key())));
        }
    }
    if (const json* added = r.array("added_items")) {
        for (std::size_t i = 0; i < added->size(); ++i) {
            ObjectReader ir((*added)[i], r.path("added_items") + "/" + std::to_string(i), diag,
                            {"id", "checklist", "section", "label", "comment", "responsible", "planned"});
            if (!ir.ok()) continue;
            PlanItem item;
            if (auto v = ir.id("id", true)) {
                if (!is_valid_id(*v)) diag.add(ErrorCode::invalid_value, ir.path("id"), "ids are lowercase ASCII without spaces");
                item.id = std::move(*v);
            }
            if (auto v = ir.id("checklist", true)) item.checklist = std::move(*v);
            if (auto v = ir.id("section")) item.section = std::move(*v);
            if (auto v = ir.string("label", true)) {
                if (v->empty()) diag.add(ErrorCode::invalid_value, ir.path("label"), "must not be empty");
                item.label = std::move(*v);
            }
            if (auto v = ir.string("comment")) item.comment = std::move(*v);
            if (const json* codes = ir.find("responsible")) item.responsible = read_codes(*codes, ir.path("responsible"), diag);
            item.planned = ir.date("planned");
            p.plan.added_items.push_back(std::move(item));
        }
    }
    if (const json* planned = r.object("planned")) {
        for (auto it = planned->begin(); it != planned->end(); ++it) {
            const std::string path = member_path(r.path("planned"), it.key());  // a key that may not be shown ends the path
            if (!is_valid_id(it.key())) {
                diag.add(ErrorCode::invalid_value, path, "a planned date's key is an item id: lowercase ASCII without spaces");
                continue;
            }
            if (auto d = read_date(it.value(), path, diag)) p.plan.planned.emplace_back(it.key(), *d);
        }
    }
    if (const json* removed = r.array("removed_items")) {
        for (std::size_t i = 0; i < removed->size(); ++i)
            if (auto id = read_id((*removed)[i], r.path("removed_items") + "/" + std::to_string(i), diag))
                p.plan.removed_items.push_back(std::move(*id));
    }
}

void read_event(const json& e, const std::string& path, PersonRecord& p, Diagnostics& diag) {
    if (!e.is_object()) {
        diag.add(ErrorCode::wrong_type, path, std::string("expected an object, found ") + type_name(e));
        return;
    }
    auto t = e.find("type");
    if (t == e.end()) {
        diag.add(ErrorCode::missing_field, path + "/type", "required field is missing");
        return;
    }
    auto type = read_string(*t, path + "/type", diag);
    if (!type) return;
    const auto parsed = parse_event_type(*type);
    if (!parsed) {
        diag.add(ErrorCode::invalid_value, path + "/type",
                 "event type is item_done, module_attended, homework_submitted, session_attended or certificate_issued");
        return;
    }
    Event ev;
    ev.type = *parsed;
    const char* ref = ev.type == EventType::item_done ? "item"
                      : ev.type == EventType::module_attended || ev.type == EventType::homework_submitted
                          ? "module"
                          : "component";
    const char* extra = ev.type == EventType::module_attended      ? "round"
                        : ev.type == EventType::certificate_issued ? "certificate"
                                                                   : nullptr;
    ObjectReader r = extra ? ObjectReader(e, path, diag, {"type", ref, "date", extra})
                           : ObjectReader(e, path, diag, {"type", ref, "date"});
    // The reference must be an id (the schema's pattern): one the program lacks is kept
    // as a warning, so what is not an id at all must be refused here.
    if (auto v = r.id(ref, true)) {
        if (!is_valid_id(*v)) diag.add(ErrorCode::invalid_value, r.path(ref), "ids are lowercase ASCII without spaces");
        ev.ref = std::move(*v);
    }
    if (auto d = r.date("date", true)) ev.date = *d;
    if (extra)
        if (auto x = r.string(extra)) ev.round = std::move(*x);
    p.events.push_back(std::move(ev));
}

}  // namespace

PersonRecord parse_person(const json& doc) {
    Diagnostics diag;
    PersonRecord p;
    ObjectReader r(doc, "", diag,
                   {"id", "municipality", "unit", "employment_start", "hired_on", "profession_start",
                    "prior_experience_months", "leaves", "people", "plan", "events", "mentor"});
    if (!r.ok()) diag.throw_if_any();
    if (auto v = r.id("id", true)) p.id = std::move(*v);
    if (auto v = r.id("municipality", true)) p.municipality = std::move(*v);
    if (auto v = r.string("unit")) p.unit = std::move(*v);
    const auto start = r.date("employment_start", true);
    if (start) p.employment_start = *start;
    p.hired_on = r.date("hired_on");
    p.profession_start = r.date("profession_start");
    if (auto m = r.integer("prior_experience_months", 0, 600)) p.prior_experience_months = static_cast<int>(*m);
    if (p.hired_on && start && *p.hired_on > *start)
        diag.add(ErrorCode::reversed_period, r.path("hired_on"), "the hiring decision comes after the employment start");

    if (const json* leaves = r.array("leaves")) {
        for (std::size_t i = 0; i < leaves->size(); ++i) {
            ObjectReader lr((*leaves)[i], r.path("leaves") + "/" + std::to_string(i), diag, {"from", "to", "kind"});
            if (!lr.ok()) continue;
            auto from = lr.date("from", true);
            auto to = lr.date("to", true);
            Leave leave{from.value_or(Date::from_day_number(0)), to.value_or(Date::from_day_number(0))};
            if (auto k = lr.string("kind")) {
                if (auto kind = parse_leave_kind(*k)) leave.kind = *kind;
                else diag.add(ErrorCode::invalid_value, lr.path("kind"), "leave kind is parental, sick, study or other");
            }
            if (from && to && *to < *from) diag.add(ErrorCode::reversed_period, lr.path("to"), "the leave ends before it starts");
            if (from && to) p.leaves.push_back(std::move(leave));
        }
    }
    if (const json* people = r.object("people")) {
        for (auto it = people->begin(); it != people->end(); ++it) {
            if (!is_named_role(it.key())) {
                report_unknown_field(r.path("people"), it.key(), named_roles.data(), named_roles.size(), diag,
                                     "not a role: EC, 1:e, FA, AD, introduktor or mentor");
                continue;
            }
            if (auto id = read_id(it.value(), r.path("people") + "/" + json_pointer_token(it.key()), diag))
                p.people.emplace(it.key(), std::move(*id));
        }
    }
    if (const json* mentor = r.object("mentor")) {
        ObjectReader mr(*mentor, r.path("mentor"), diag, {"id", "municipality", "profession_start", "prior_experience_months"});
        MentorProfile m;
        auto id = mr.id("id", true);
        auto municipality = mr.id("municipality", true);
        auto mentor_start = mr.date("profession_start", true);
        if (auto months = mr.integer("prior_experience_months", 0, 600)) m.prior_experience_months = static_cast<int>(*months);
        if (id && municipality && mentor_start) {
            m.id = std::move(*id);
            m.municipality = std::move(*municipality);
            m.profession_start = *mentor_start;
            auto named = p.people.find("mentor");
            if (named != p.people.end() && named->second != m.id)
                diag.add(ErrorCode::invalid_value, mr.path("id"), "differs from the mentor named in /people/mentor");
            p.mentor = std::move(m);
        }
    }
    read_plan(r, p, diag);
    if (const json* events = r.array("events")) {
        p.events.reserve(events->size());
        for (std::size_t i = 0; i < events->size(); ++i) read_event((*events)[i], r.path("events") + "/" + std::to_string(i), p, diag);
    }
    diag.throw_if_any();
    return p;
}

namespace {

void write_plan(JsonWriter& w, const Plan& plan) {
    w.begin_object();
    if (!plan.added_items.empty()) {
        w.key("added_items").begin_array();
        for (const auto& it : plan.added_items) {
            w.begin_object().member("checklist", it.checklist);
            if (!it.comment.empty()) w.member("comment", it.comment);
            w.member("id", it.id).member("label", it.label);
            if (it.planned) w.member("planned", *it.planned);
            if (it.responsible) w.member("responsible", *it.responsible);
            if (!it.section.empty()) w.member("section", it.section);
            w.end_object();
        }
        w.end_array();
    }
    if (!plan.assignments.empty()) {
        // By item id; of two assignments of one item the later holds (an
        // object has one member per key).
        std::vector<std::size_t> order(plan.assignments.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return plan.assignments[a].first < plan.assignments[b].first;
        });
        w.key("assignments").begin_object();
        for (std::size_t k = 0; k < order.size(); ++k) {
            const auto& [id, codes] = plan.assignments[order[k]];
            if (k + 1 < order.size() && plan.assignments[order[k + 1]].first == id) continue;
            w.member(id, codes);
        }
        w.end_object();
    }
    if (!plan.planned.empty()) {
        std::vector<std::pair<std::string, Date>> planned(plan.planned);
        std::stable_sort(planned.begin(), planned.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        w.key("planned").begin_object();
        for (std::size_t k = 0; k < planned.size(); ++k)
            if (k + 1 == planned.size() || planned[k + 1].first != planned[k].first) w.member(planned[k].first, planned[k].second);
        w.end_object();
    }
    if (!plan.removed_items.empty()) w.member("removed_items", plan.removed_items);
    w.end_object();
}

void write_event(JsonWriter& w, const Event& e) {
    const bool about_component = e.type == EventType::session_attended || e.type == EventType::certificate_issued;
    const bool certificate = e.type == EventType::certificate_issued;
    w.begin_object();
    if (certificate && !e.round.empty()) w.member("certificate", e.round);
    if (about_component) w.member("component", e.ref);
    w.member("date", e.date);
    if (e.type == EventType::item_done) w.member("item", e.ref);
    if (!about_component && e.type != EventType::item_done) w.member("module", e.ref);
    if (!certificate && !e.round.empty()) w.member("round", e.round);
    w.member("type", to_string(e.type)).end_object();
}

}  // namespace

PersonRecord read_person_strict(std::string_view text) {
    const Document doc(parse_json(text, person_limits));
    return parse_person(doc.get());
}

// Keys in sorted order, as the record has always been written.
std::string person_to_json(const PersonRecord& p) {
    std::string out;
    JsonWriter w(out);
    w.begin_object().member("employment_start", p.employment_start);
    if (!p.events.empty()) {
        w.key("events").begin_array();
        for (const auto& e : p.events) write_event(w, e);
        w.end_array();
    }
    if (p.hired_on) w.member("hired_on", *p.hired_on);
    w.member("id", p.id);
    if (!p.leaves.empty()) {
        w.key("leaves").begin_array();
        for (const auto& l : p.leaves) w.begin_object().member("from", l.from).member("kind", to_string(l.kind)).member("to", l.to).end_object();
        w.end_array();
    }
    if (p.mentor) {
        const MentorProfile& m = *p.mentor;
        w.key("mentor").begin_object().member("id", m.id).member("municipality", m.municipality);
        if (m.prior_experience_months) w.member("prior_experience_months", m.prior_experience_months);
        w.member("profession_start", m.profession_start).end_object();
    }
    w.member("municipality", p.municipality);
    if (!p.people.empty()) {
        w.key("people").begin_object();
        for (const auto& [role, id] : p.people) w.member(role, id);
        w.end_object();
    }
    if (!p.plan.assignments.empty() || !p.plan.added_items.empty() || !p.plan.removed_items.empty() ||
        !p.plan.planned.empty())
        write_plan(w.key("plan"), p.plan);
    if (p.prior_experience_months) w.member("prior_experience_months", p.prior_experience_months);
    if (p.profession_start) w.member("profession_start", *p.profession_start);
    if (!p.unit.empty()) w.member("unit", p.unit);
    w.end_object();
    return out;
}

}  // namespace detail

PersonRecord PersonRecord::from_json(std::string_view text) {
    if (auto record = detail::read_person_fast(text)) return std::move(*record);
    return detail::read_person_strict(text);
}

std::string PersonRecord::to_json() const { return detail::person_to_json(*this); }

YRKESRESAN_END_NAMESPACE
