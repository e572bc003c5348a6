#include "certificate_parts.hpp"

#include "jcs.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

CertificateContent certificate_content(const ProgramData& program, const PersonRecord& person,
                                       const PersonFacts& facts, const CertificateOutcome& o) {
    const Component& c = program.components[o.component];
    CertificateContent out;
    if (c.kind == Component::Kind::course) {
        // R4: the modules attended, each with its homework when submitted.
        for (std::uint32_t m = c.first_module; m < c.first_module + c.module_count; ++m) {
            if (facts.attended[m] == no_day) continue;
            const Module& module = program.modules[m];
            const std::string round =
                facts.attended_event[m] >= 0 ? person.events[static_cast<std::size_t>(facts.attended_event[m])].round : "";
            out.parts.push_back({module.id, module.label, Date::from_day_number(facts.attended[m]), to_date(facts.homework[m]),
                                 round});
        }
        if (c.module_hours) out.hours = *c.module_hours * static_cast<double>(out.parts.size());
    } else if (c.kind == Component::Kind::supervision) {
        // R5: the sessions counted inside the period.
        const auto& sessions = facts.sessions[o.component];
        for (int k = 0; k < o.counted; ++k)
            out.parts.push_back({"s" + std::to_string(k + 1), c.label, Date::from_day_number(sessions[static_cast<std::size_t>(k)]),
                                 std::nullopt, ""});
        if (c.session_hours) out.hours = *c.session_hours * o.counted;
    }
    return out;
}

std::string certificate_key(const ProgramData& program, const std::string& person, const CertificateOutcome& o,
                            const std::vector<CertificatePart>& parts) {
    // Any other fact gives another key, and so another id.
    std::string key;
    JcsWriter w(key);
    w.begin_object()
        .member("completed_on", o.completed_on == no_day ? std::string() : Date::from_day_number(o.completed_on).to_string())
        .member("component", program.components[o.component].id)
        .key("parts")
        .begin_array();
    for (const auto& p : parts) {
        w.begin_array().string(p.id).string(p.date.to_string());
        w.string(p.homework_submitted ? p.homework_submitted->to_string() : std::string()).end_array();
    }
    w.end_array().member("person", person).member("program", program.id).member("program_version", program.version);
    w.end_object();
    return key;
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
