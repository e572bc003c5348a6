// Reading the components of a program (R4-R7) and its recommendations.
#include <algorithm>

#include "id_messages.hpp"
#include "program_data.hpp"

YRKESRESAN_BEGIN_NAMESPACE

std::string_view to_string(ComponentKind kind) noexcept {
    switch (kind) {
        case ComponentKind::course: return "course";
        case ComponentKind::supervision: return "supervision";
        case ComponentKind::mentor: return "mentor";
        case ComponentKind::introduktor: return "introduktor";
        case ComponentKind::annual: return "annual";
    }
    return "";
}

std::string_view to_string(Obligation obligation) noexcept {
    switch (obligation) {
        case Obligation::duty: return "duty";
        case Obligation::offer: return "offer";
        case Obligation::recommendation: return "recommendation";
    }
    return "";
}

namespace detail {

yrkesresan::Component public_component(const Component& c) {
    yrkesresan::Component out;
    out.id = c.id;
    out.label = c.label;
    out.label_en = c.label_en;
    out.source = c.source;
    out.organiser = c.organiser;
    out.obligation = c.obligation;
    out.obligation_source = c.obligation_source;
    out.target = c.target;
    out.window = c.window;
    const GroupRule group{c.group_min, c.group_max, c.mix_municipalities, c.group_source};
    switch (c.kind) {
        case ComponentKind::course:
            out.rules = Course{c.first_module, c.module_count, c.module_hours,
                               c.certificate ? std::optional<SourceRef>(c.certificate_source) : std::nullopt};
            break;
        case ComponentKind::supervision: {
            Supervision s{c.sessions, c.session_hours, group, std::nullopt};
            if (c.certificate)
                s.certificate = SupervisionCertificate{c.certificate_min_sessions, c.certificate_within_months,
                                                       c.certificate_source};
            out.rules = std::move(s);
            break;
        }
        case ComponentKind::mentor:
            out.rules = Mentor{c.holder_named_by, c.other_municipality, c.more_experienced};
            break;
        case ComponentKind::introduktor: out.rules = Introduktor{c.holder_named_by, c.hours_per_week}; break;
        case ComponentKind::annual: out.rules = AnnualActivity{c.per_year, c.at_least, group}; break;
    }
    return out;
}

namespace {

constexpr long long max_months = 1200;

std::vector<std::string> read_strings(const ObjectReader& r, const char* key, Diagnostics& diag) {
    std::vector<std::string> out;
    if (const json* a = r.array(key))
        for (std::size_t i = 0; i < a->size(); ++i)
            if (auto s = read_string((*a)[i], r.path(key) + "/" + std::to_string(i), diag)) out.push_back(std::move(*s));
    return out;
}

// A label's optional English form; given, it must not be empty.
std::string english_label(const ObjectReader& r, Diagnostics& diag) {
    auto l = r.string("label_en");
    if (!l) return {};
    if (l->empty()) diag.add(ErrorCode::invalid_value, r.path("label_en"), "must not be empty");
    return std::move(*l);
}

void read_source(const ObjectReader& r, SourceRef* out, Diagnostics& diag, bool required = false) {
    if (const json* s = r.object("source", required)) ItemReader::check_source(*s, r.path("source"), diag, out);
}

std::optional<Window> read_window(const ObjectReader& parent, Diagnostics& diag, bool required) {
    const json* w = parent.object("window", required);
    if (!w) return std::nullopt;
    ObjectReader r(*w, parent.path("window"), diag, {"clock", "from_months", "to_months", "source"});
    if (!r.ok()) return std::nullopt;
    Window window;
    if (auto clock = r.string("clock", true)) {
        if (*clock == "employment") window.clock = Window::Clock::employment;
        else if (*clock == "experience") window.clock = Window::Clock::experience;
        else diag.add(ErrorCode::invalid_value, r.path("clock"), "clock is 'employment' or 'experience'");
    }
    auto from = r.integer("from_months", 0, max_months, true);
    auto to = r.integer("to_months", 1, max_months, true);
    read_source(r, &window.source, diag);
    if (!from || !to) return std::nullopt;
    if (*to <= *from) {
        diag.add(ErrorCode::invalid_value, r.path("to_months"), "a window must end after it starts");
        return std::nullopt;
    }
    window.from_months = static_cast<int>(*from);
    window.to_months = static_cast<int>(*to);
    return window;
}

std::optional<TargetGroup> read_target(const ObjectReader& parent, Diagnostics& diag) {
    const json* t = parent.object("target");
    if (!t) return std::nullopt;
    ObjectReader r(*t, parent.path("target"), diag, {"max_experience_months_at_employment", "label", "source"});
    TargetGroup target;
    if (auto m = r.integer("max_experience_months_at_employment", 0, max_months, true))
        target.max_experience_months_at_employment = static_cast<int>(*m);
    if (auto l = r.string("label")) target.label = std::move(*l);
    read_source(r, &target.source, diag);
    return target;
}

std::optional<Organiser> read_organiser(const ObjectReader& parent, Diagnostics& diag) {
    const json* o = parent.object("organiser");
    if (!o) return std::nullopt;
    ObjectReader r(*o, parent.path("organiser"), diag, {"id", "label", "source"});
    if (!r.ok()) return std::nullopt;
    Organiser organiser;
    if (auto id = r.id("id", true)) {
        if (!is_valid_id(*id)) diag.add(ErrorCode::invalid_value, r.path("id"), "ids are lowercase ASCII without spaces");
        organiser.id = std::move(*id);
    }
    if (auto l = r.string("label", true)) {
        if (l->empty()) diag.add(ErrorCode::invalid_value, r.path("label"), "must not be empty");
        organiser.label = std::move(*l);
    }
    read_source(r, &organiser.source, diag);
    return organiser;
}

// Groups of a supervision (its size required) or an annual activity (a size
// the program may leave to the coordinator).
void read_group(const ObjectReader& r, Component& c, Diagnostics& diag, bool size_required) {
    const json* g = r.object("group");
    if (!g) return;
    ObjectReader gr(*g, r.path("group"), diag, {"min", "max", "mix_municipalities", "source"});
    auto mn = gr.integer("min", 1, 1000, size_required);
    auto mx = gr.integer("max", 1, 1000, size_required);
    if (mn.has_value() != mx.has_value())
        diag.add(ErrorCode::missing_field, gr.path(mn ? "max" : "min"), "a group size has both min and max");
    if (mn && mx && *mx < *mn) diag.add(ErrorCode::invalid_value, gr.path("max"), "max is below min");
    c.group_min = static_cast<int>(mn.value_or(0));
    c.group_max = static_cast<int>(mx.value_or(0));
    c.mix_municipalities = gr.boolean("mix_municipalities").value_or(false);
    read_source(gr, &c.group_source, diag);
}

std::optional<double> read_hours(const ObjectReader& r, const char* key, Diagnostics& diag, bool required) {
    const json* v = r.find(key);
    if (!v) {
        if (required) diag.add(ErrorCode::missing_field, r.path(key), "required field is missing");
        return std::nullopt;
    }
    if (!v->is_number() || v->get<double>() < 0 || v->get<double>() > 168) {
        diag.add(ErrorCode::invalid_value, r.path(key), "expected a number of hours between 0 and 168");
        return std::nullopt;
    }
    return v->get<double>();
}

struct PendingModuleRef {
    std::uint32_t module;
    bool homework;
    std::string id;
    std::string path;
};

// The ids a program's modules and components were first used at.
std::optional<HolderDeadline> read_holder_deadline(const ObjectReader& r, Diagnostics& diag) {
    const json* j = r.object("holder_named_by");
    if (!j) return std::nullopt;
    ObjectReader hr(*j, r.path("holder_named_by"), diag, {"at", "source"});
    HolderDeadline d;
    if (auto at = hr.string("at", true)) {
        if (*at == "window_start") d.at = HolderDeadline::At::window_start;
        else if (*at == "window_end") d.at = HolderDeadline::At::window_end;
        else diag.add(ErrorCode::invalid_value, hr.path("at"), "at is window_start or window_end");
    }
    read_source(hr, &d.source, diag);
    return d;
}

struct ComponentIds {
    FirstUse modules, components;
};

void read_modules(const ObjectReader& r, Component& c, std::uint32_t component, ProgramData& p,
                  std::vector<PendingModuleRef>& pending, ComponentIds& ids, Diagnostics& diag) {
    const json* modules = r.array("modules", true);
    c.first_module = static_cast<std::uint32_t>(p.modules.size());
    for (std::size_t i = 0; modules && i < modules->size(); ++i) {
        ObjectReader mr((*modules)[i], r.path("modules") + "/" + std::to_string(i), diag,
                        {"id", "label", "label_en", "content", "material", "tasks", "goals", "requires", "source"});
        if (!mr.ok()) continue;
        Module m;
        m.component = component;
        const auto index = static_cast<std::uint32_t>(p.modules.size());
        if (auto id = mr.id("id", true)) {
            if (!is_valid_id(*id)) diag.add(ErrorCode::invalid_value, mr.path("id"), "ids are lowercase ASCII without spaces");
            else if (ids.modules.claim(*id, mr.path("id"), diag, "module id"))
                p.module_index.emplace(*id, index);
            m.id = std::move(*id);
        }
        if (auto l = mr.string("label", true)) {
            if (l->empty()) diag.add(ErrorCode::invalid_value, mr.path("label"), "must not be empty");
            m.label = std::move(*l);
        }
        m.label_en = english_label(mr, diag);
        m.content = read_strings(mr, "content", diag);
        m.material = read_strings(mr, "material", diag);
        m.tasks = read_strings(mr, "tasks", diag);
        m.goals = read_strings(mr, "goals", diag);
        SourceRef ignored;
        read_source(mr, &ignored, diag);
        if (const json* req = mr.object("requires")) {
            ObjectReader rr(*req, mr.path("requires"), diag, {"attended", "homework"});
            for (const char* key : {"attended", "homework"}) {
                const json* list = rr.array(key);
                for (std::size_t k = 0; list && k < list->size(); ++k) {
                    const std::string path = rr.path(key) + "/" + std::to_string(k);
                    if (auto id = read_id((*list)[k], path, diag))
                        pending.push_back({index, std::string(key) == "homework", std::move(*id), path});
                }
            }
        }
        p.modules.push_back(std::move(m));
    }
    c.module_count = static_cast<std::uint32_t>(p.modules.size()) - c.first_module;
    if (modules && c.module_count == 0) diag.add(ErrorCode::invalid_value, r.path("modules"), "a course needs modules");
}

// R4: prerequisites must name modules, and must not depend on themselves.
void resolve_modules(ProgramData& p, const std::vector<PendingModuleRef>& pending, Diagnostics& diag) {
    for (const auto& ref : pending) {
        auto it = p.module_index.find(ref.id);
        if (it == p.module_index.end()) {
            std::vector<std::string_view> known;
            for (const auto& m : p.modules) known.push_back(m.id);
            diag.add(ErrorCode::unknown_reference, ref.path,
                     "no module " + quoted_id(ref.id, "with this id") + " in the program" + existing_ids(ref.id, known));
            continue;
        }
        Module& m = p.modules[ref.module];
        if (ref.homework && !p.modules[it->second].has_homework()) {
            diag.add(ErrorCode::invalid_value, ref.path, "module " + quoted_id(ref.id, "with this id") + " has no homework to require");
            continue;
        }
        (ref.homework ? m.requires_homework : m.requires_attended).push_back(it->second);
    }
    // Depth-first search with an explicit stack over both kinds of edge.
    enum : unsigned char { unseen, active, finished };
    std::vector<unsigned char> mark(p.modules.size(), unseen);
    struct Frame {
        std::uint32_t module;
        std::size_t next;
    };
    auto edges = [&](std::uint32_t m) {
        std::vector<std::uint32_t> e = p.modules[m].requires_attended;
        e.insert(e.end(), p.modules[m].requires_homework.begin(), p.modules[m].requires_homework.end());
        return e;
    };
    for (std::uint32_t start = 0; start < p.modules.size(); ++start) {
        if (mark[start] != unseen) continue;
        std::vector<Frame> stack{{start, 0}};
        mark[start] = active;
        while (!stack.empty()) {
            Frame& f = stack.back();
            const auto e = edges(f.module);
            if (f.next == e.size()) {
                mark[f.module] = finished;
                stack.pop_back();
                continue;
            }
            const auto next = e[f.next++];
            if (mark[next] == active) {
                std::string names;
                auto from = std::find_if(stack.begin(), stack.end(), [next](const Frame& x) { return x.module == next; });
                for (auto it = from; it != stack.end(); ++it) names += p.modules[it->module].id + " -> ";
                names += p.modules[next].id;
                diag.add(ErrorCode::cycle, "/components", "module prerequisites form a cycle: " + names);
                return;
            }
            if (mark[next] == unseen) {
                mark[next] = active;
                stack.push_back({next, 0});
            }
        }
    }
}

void read_component(const json& j, const std::string& path, ProgramData& p, std::vector<PendingModuleRef>& pending,
                    ComponentIds& ids, Diagnostics& diag) {
    if (!j.is_object() || !j.contains("kind") || !j["kind"].is_string()) {
        if (!j.is_object()) diag.add(ErrorCode::wrong_type, path, "expected an object");
        else diag.add(ErrorCode::missing_field, path + "/kind", "a component needs a kind");
        return;
    }
    const auto kind = j["kind"].get<std::string>();
    Component c;
    std::initializer_list<std::string_view> common = {"id", "kind", "label", "label_en", "source", "organiser",
                                                      "obligation", "obligation_source"};
    std::vector<std::string_view> fields(common);
    if (kind == "course") {
        c.kind = Component::Kind::course;
        fields.insert(fields.end(), {"target", "window", "modules", "module_hours", "module_hours_source", "certificate"});
    } else if (kind == "supervision") {
        c.kind = Component::Kind::supervision;
        fields.insert(fields.end(), {"target", "window", "sessions", "session_hours", "group", "certificate"});
    } else if (kind == "mentor") {
        c.kind = Component::Kind::mentor;
        fields.insert(fields.end(), {"window", "holder_named_by", "other_municipality", "more_experienced"});
    } else if (kind == "introduktor") {
        c.kind = Component::Kind::introduktor;
        fields.insert(fields.end(), {"window", "holder_named_by", "hours_per_week"});
    } else if (kind == "annual") {
        c.kind = Component::Kind::annual;
        fields.insert(fields.end(), {"per_year", "at_least", "group"});
    } else {
        diag.add(ErrorCode::invalid_value, path + "/kind", "kind is course, supervision, mentor, introduktor or annual");
        return;
    }
    for (auto it = j.begin(); it != j.end(); ++it)
        if (std::find(fields.begin(), fields.end(), it.key()) == fields.end())
            report_unknown_field(path, it.key(), fields.data(), fields.size(), diag, "field not defined for this kind");
    Diagnostics own;  // the reader's problems but unknown fields, reported above per kind
    ObjectReader r(j, path, own, {"id", "kind", "label", "label_en", "source", "organiser", "obligation", "obligation_source",
                                   "target", "window", "modules", "module_hours", "module_hours_source", "certificate",
                                   "sessions", "session_hours", "group", "other_municipality", "more_experienced",
                                   "hours_per_week", "per_year", "at_least", "holder_named_by"});
    const auto index = static_cast<std::uint32_t>(p.components.size());
    if (auto id = r.id("id", true)) {
        if (!is_valid_id(*id)) diag.add(ErrorCode::invalid_value, r.path("id"), "ids are lowercase ASCII without spaces");
        else if (ids.components.claim(*id, r.path("id"), diag, "component id"))
            p.component_index.emplace(*id, index);
        c.id = std::move(*id);
    }
    if (auto l = r.string("label", true)) {
        if (l->empty()) diag.add(ErrorCode::invalid_value, r.path("label"), "must not be empty");
        c.label = std::move(*l);
    }
    c.label_en = english_label(r, diag);
    read_source(r, &c.source, diag);
    c.organiser = read_organiser(r, diag);
    if (auto o = r.string("obligation")) {
        if (*o == "duty") c.obligation = Obligation::duty;
        else if (*o == "offer") c.obligation = Obligation::offer;
        else if (*o == "recommendation") c.obligation = Obligation::recommendation;
        else diag.add(ErrorCode::invalid_value, r.path("obligation"), "obligation is duty, offer or recommendation");
    }
    if (const json* s = r.object("obligation_source"))
        ItemReader::check_source(*s, r.path("obligation_source"), diag, &c.obligation_source);
    c.target = read_target(r, diag);
    const bool windowed = c.kind != Component::Kind::annual;
    c.window = read_window(r, diag, windowed);

    auto read_certificate = [&](std::initializer_list<std::string_view> keys) -> std::optional<ObjectReader> {
        const json* cert = r.object("certificate");
        if (!cert) return std::nullopt;
        ObjectReader cr(*cert, r.path("certificate"), diag, keys);
        c.certificate = cr.ok();
        read_source(cr, &c.certificate_source, diag);
        return cr;
    };
    switch (c.kind) {
        case Component::Kind::course: {
            read_modules(r, c, index, p, pending, ids, diag);
            // An author without figures gives none: certificates then say nothing of hours.
            c.module_hours = read_hours(r, "module_hours", diag, false);
            if (const json* s = r.object("module_hours_source")) {
                SourceRef ignored;
                ItemReader::check_source(*s, r.path("module_hours_source"), diag, &ignored);
            }
            if (auto cr = read_certificate({"requires", "source"}))
                if (auto req = cr->string("requires", true); req && *req != "all_modules_and_homework")
                    diag.add(ErrorCode::invalid_value, cr->path("requires"), "a course certificate requires all_modules_and_homework");
            break;
        }
        case Component::Kind::supervision: {
            if (auto n = r.integer("sessions", 1, 1000, true)) c.sessions = static_cast<int>(*n);
            c.session_hours = read_hours(r, "session_hours", diag, false);
            read_group(r, c, diag, true);
            if (auto cr = read_certificate({"min_sessions", "within_months", "source"})) {
                if (auto n = cr->integer("min_sessions", 1, 1000, true)) c.certificate_min_sessions = static_cast<int>(*n);
                if (auto n = cr->integer("within_months", 1, max_months, true)) c.certificate_within_months = static_cast<int>(*n);
            }
            break;
        }
        case Component::Kind::mentor:
            c.holder_named_by = read_holder_deadline(r, diag);
            c.other_municipality = r.boolean("other_municipality").value_or(false);
            c.more_experienced = r.boolean("more_experienced").value_or(false);
            break;
        case Component::Kind::introduktor:
            c.holder_named_by = read_holder_deadline(r, diag);
            if (const json* rates = r.array("hours_per_week", true)) {
                int covered = 0;
                for (std::size_t i = 0; i < rates->size(); ++i) {
                    ObjectReader hr((*rates)[i], r.path("hours_per_week") + "/" + std::to_string(i), diag,
                                    {"from_months", "to_months", "hours"});
                    auto from = hr.integer("from_months", 0, max_months, true);
                    auto to = hr.integer("to_months", 1, max_months, true);
                    const double hours = read_hours(hr, "hours", diag, true).value_or(0);
                    if (!from || !to) continue;
                    if (*to <= *from || *from < covered)
                        diag.add(ErrorCode::invalid_value, hr.path(), "rates must be in order and not overlap");
                    covered = static_cast<int>(*to);
                    c.hours_per_week.push_back({static_cast<int>(*from), static_cast<int>(*to), hours});
                }
            }
            break;
        case Component::Kind::annual:
            if (auto n = r.integer("per_year", 1, 366, true)) c.per_year = static_cast<int>(*n);
            c.at_least = r.boolean("at_least").value_or(false);
            read_group(r, c, diag, false);
            break;
    }
    own.forward_except(ErrorCode::unknown_field, diag);
    p.components.push_back(std::move(c));
}

}  // namespace

void read_components(const ObjectReader& root, ProgramData& p, Diagnostics& diag) {
    std::vector<PendingModuleRef> pending;
    ComponentIds ids;
    if (const json* components = root.array("components"))
        for (std::size_t i = 0; i < components->size(); ++i)
            read_component((*components)[i], root.path("components") + "/" + std::to_string(i), p, pending, ids, diag);
    resolve_modules(p, pending, diag);
    if (const json* recs = root.array("recommendations")) {
        for (std::size_t i = 0; i < recs->size(); ++i) {
            ObjectReader r((*recs)[i], root.path("recommendations") + "/" + std::to_string(i), diag,
                           {"id", "label", "label_en", "value", "window", "source"});
            if (!r.ok()) continue;
            Recommendation rec;
            if (auto id = r.id("id", true)) {
                if (!is_valid_id(*id)) diag.add(ErrorCode::invalid_value, r.path("id"), "ids are lowercase ASCII without spaces");
                rec.id = std::move(*id);
            }
            if (auto l = r.string("label", true)) {
                if (l->empty()) diag.add(ErrorCode::invalid_value, r.path("label"), "must not be empty");
                rec.label = std::move(*l);
            }
            rec.label_en = english_label(r, diag);
            const json* v = r.find("value");
            if (!v || !v->is_number()) diag.add(ErrorCode::wrong_type, r.path("value"), "expected a number");
            else rec.value = v->get<double>();
            if (auto w = read_window(r, diag, true)) rec.window = *w;
            read_source(r, &rec.source, diag);
            p.recommendations.push_back(std::move(rec));
        }
    }
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
