// Decoding a person's course, supervision and certificate events (R4, R5, R8).
#include <algorithm>

#include "components_eval.hpp"
#include "messages.hpp"

namespace yrkesresan::detail {

ComponentFacts collect_component_facts(const ProgramData& program, const PersonRecord& person, Date as_of,
                                       Language lang, Diagnostics& diag, std::vector<Finding>& warnings) {
    ComponentFacts f;
    f.attended.resize(program.modules.size());
    f.round.resize(program.modules.size());
    f.homework.resize(program.modules.size());
    f.sessions.resize(program.components.size());
    f.issued.resize(program.components.size());
    for (std::size_t i = 0; i < person.events.size(); ++i) {
        const Event& e = person.events[i];
        if (e.type == EventType::item_done || e.date > as_of) continue;  // item events and future dates: evaluate.cpp
        const std::string path = "/events/" + std::to_string(i);
        if (e.type == EventType::module_attended || e.type == EventType::homework_submitted) {
            auto m = program.module_index.find(e.ref);
            if (m == program.module_index.end()) {
                diag.add(ErrorCode::unknown_reference, path + "/module", "no module with this id in the program");
                continue;
            }
            const Module& module = program.modules[m->second];
            if (e.type == EventType::module_attended) {
                auto& first = f.attended[m->second];
                // A module attended again (a later round) keeps its first attendance.
                if (!first || e.date < *first) {
                    first = e.date;
                    f.round[m->second] = e.round;
                }
            } else if (!module.has_homework()) {
                const auto date = e.date.to_string();
                warnings.push_back({"homework_without_task",
                                    message("homework_without_task", lang, {{"module", module.label}, {"date", date}}),
                                    program.components[module.component].source, module.id, e.date});
            } else {
                auto& first = f.homework[m->second];
                if (!first || e.date < *first) first = e.date;
            }
            continue;
        }
        auto c = program.component_index.find(e.ref);
        const bool known = c != program.component_index.end();
        const auto kind = known ? program.components[c->second].kind : Component::Kind::course;
        if (e.type == EventType::session_attended) {
            if (!known || (kind != Component::Kind::supervision && kind != Component::Kind::annual)) {
                diag.add(ErrorCode::unknown_reference, path + "/component",
                         "no supervision or annual activity with this id in the program");
                continue;
            }
            f.sessions[c->second].push_back(e.date);
        } else {  // certificate_issued
            if (!known || !program.components[c->second].certificate) {
                diag.add(ErrorCode::unknown_reference, path + "/component",
                         "no component with this id and a certificate in the program");
                continue;
            }
            auto& first = f.issued[c->second];
            if (!first || e.date < *first) first = e.date;
        }
    }
    for (std::uint32_t c = 0; c < program.components.size(); ++c) {
        auto& s = f.sessions[c];
        std::sort(s.begin(), s.end());
        // Supervision meets once a day: a second record of the same day is kept as a warning.
        if (program.components[c].kind == Component::Kind::supervision) {
            auto dup = std::adjacent_find(s.begin(), s.end());
            if (dup != s.end())
                warnings.push_back({"duplicate_event",
                                    message("duplicate_event", lang, {{"item", program.components[c].label}}),
                                    program.components[c].source, program.components[c].id, *dup});
            s.erase(std::unique(s.begin(), s.end()), s.end());
        }
    }
    return f;
}

CertificateFacts certificate_facts(const ProgramData& program, std::uint32_t component, const ComponentFacts& facts,
                                   Date as_of, Language lang) {
    const Component& c = program.components[component];
    CertificateFacts out;
    auto later = [&](std::optional<Date> d) {
        if (d && (!out.completed_on || *out.completed_on < *d)) out.completed_on = d;
    };
    if (c.kind == Component::Kind::course) {
        // R4: every module attended and every homework submitted.
        for (std::uint32_t m = c.first_module; m < c.first_module + c.module_count; ++m) {
            const Module& module = program.modules[m];
            if (!facts.attended[m])
                out.missing.push_back({"module_not_attended", message("module_not_attended", lang, {{"module", module.label}}),
                                       c.certificate_source, module.id, std::nullopt});
            if (module.has_homework() && !facts.homework[m])
                out.missing.push_back({"homework_not_submitted",
                                       message("homework_not_submitted", lang, {{"module", module.label}}),
                                       c.certificate_source, module.id, std::nullopt});
            later(facts.attended[m]);
            if (module.has_homework()) later(facts.homework[m]);
            if (facts.attended[m])
                out.parts.push_back({module.id, module.label, *facts.attended[m], facts.homework[m], facts.round[m]});
        }
        out.hours = c.module_hours * static_cast<double>(out.parts.size());
    } else if (c.kind == Component::Kind::supervision) {
        // R5: at least N sessions within [first, first + M months).
        const auto& sessions = facts.sessions[component];
        const int required = c.certificate_min_sessions;
        int counted = 0;
        std::optional<Period> period;
        if (!sessions.empty()) {
            period = Period{sessions.front(), sessions.front().add_months(c.certificate_within_months)};
            for (Date s : sessions) {
                if (!period->contains(s)) break;
                ++counted;
                out.parts.push_back({"s" + std::to_string(counted), c.label, s, std::nullopt, ""});
                if (counted == required) out.completed_on = s;
            }
        }
        out.hours = c.session_hours * counted;
        if (counted < required) {
            out.completed_on.reset();
            const auto missing = std::to_string(required - counted), req = std::to_string(required);
            if (period && as_of >= period->until) {
                const auto from = period->from.to_string(), to = period->last().to_string(), n = std::to_string(counted);
                out.missing.push_back({"attendance_period_over",
                                       message("attendance_period_over", lang,
                                               {{"from", from}, {"to", to}, {"counted", n}, {"required", req}}),
                                       c.certificate_source, c.id, std::nullopt});
            } else {
                out.missing.push_back({"sessions_missing",
                                       message("sessions_missing", lang, {{"missing", missing}, {"required", req}}),
                                       c.certificate_source, c.id, std::nullopt});
            }
        }
        out.met = counted >= required;
        return out;
    }
    out.met = out.missing.empty();
    if (!out.met) out.completed_on.reset();
    return out;
}

}  // namespace yrkesresan::detail
