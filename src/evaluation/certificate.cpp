// R8: issuing a certificate (intyg) and its document.
#include "yrkesresan/certificate.hpp"

#include "certificate_id.hpp"
#include "certificate_parts.hpp"
#include "describe.hpp"
#include "json_input.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace {

// The error code of a certificates[].missing finding (describe_components.cpp).
ErrorCode missing_requirement_code(std::string_view finding) {
    if (finding == "module_not_attended") return ErrorCode::module_not_attended;
    if (finding == "homework_not_submitted") return ErrorCode::homework_not_submitted;
    if (finding == "sessions_missing") return ErrorCode::sessions_missing;
    if (finding == "attendance_period_over") return ErrorCode::attendance_period_over;
    return ErrorCode::requirements_not_met;  // a finding added later keeps the general code
}

// Where the missing requirement is in the program, by id: a module of the
// course, or the supervision component itself.
std::string missing_requirement_path(std::string_view finding, const std::string& ref) {
    if (ref.empty()) return "";
    const bool module = finding == "module_not_attended" || finding == "homework_not_submitted";
    return (module ? "/modules/" : "/components/") + json_pointer_token(ref);
}

}  // namespace

Certificate issue_certificate(const Program& program, const PersonRecord& person, Date as_of, std::string_view component,
                              const IssueOptions& options) {
    // Overlays dated after the employment began do not apply to the person.
    const detail::ProgramData& data = detail::program_data(program).for_employment(person.employment_start);
    const auto found = data.component_index.find(component);
    const std::optional<std::uint32_t> ci =
        found == data.component_index.end() ? std::nullopt : std::optional<std::uint32_t>(found->second);
    if (!ci || !data.components[*ci].certificate)
        throw Error(ErrorCode::unknown_reference, "", "the program has no component with this id and a certificate");
    const detail::Component& c = data.components[*ci];

    detail::Diagnostics diag;
    for (std::size_t i = 0; i < person.events.size(); ++i)
        if (person.events[i].date > as_of)
            diag.add(ErrorCode::future_event, "/events/" + std::to_string(i) + "/date", "recorded after the evaluation date");
    diag.throw_if_any();
    detail::PersonFacts facts;
    detail::decode_person(data, person, as_of, facts, /*items=*/false);
    const auto outcome = detail::assess_certificate(data, *ci, facts, as_of);
    if (!outcome.met) {
        // Each missing requirement is a problem with the code of its finding
        // and the path of what is missing; the error itself is the request.
        std::vector<Problem> problems;
        for (const auto& m : detail::describe_missing(data, facts, outcome, as_of, Language::en))
            problems.push_back({missing_requirement_code(m.code), missing_requirement_path(m.code, m.ref),
                                m.code + (m.ref.empty() ? "" : " " + m.ref) + ": " + m.message});
        Problem summary{ErrorCode::requirements_not_met, "", problems.empty() ? std::string() : problems.front().message};
        throw Error(std::move(summary), std::move(problems));
    }
    Certificate out;
    detail::CertificateContent content = detail::certificate_content(data, person, facts, outcome);
    out.id = detail::certificate_id(detail::certificate_key(data, person.id, outcome, content.parts));
    out.person = person.id;
    out.program = data.id;
    out.program_version = data.version;
    out.program_title = data.title;
    out.component = c.id;
    out.component_label = c.label;
    out.completed_on = Date::from_day_number(outcome.completed_on);
    out.parts = std::move(content.parts);
    out.hours = content.hours;
    out.issuer = options.issuer.empty() ? data.organisation : options.issuer;
    out.source = c.certificate_source;
    return out;
}

YRKESRESAN_END_NAMESPACE
