// R8: issuing a certificate (intyg) and its document.
#include "yrkesresan/certificate.hpp"

#include "assessment.hpp"
#include "credential_format.hpp"
#include "describe.hpp"
#include "jcs.hpp"

namespace yrkesresan {

// Canonical JSON (JCS: sorted keys, no whitespace), member for member as the
// credential carries it (credential.cpp).
std::string Certificate::content_json() const {
    std::string out;
    detail::JcsWriter w(out);
    detail::write_certificate_content(w, *this);
    return out;
}

std::string Certificate::to_json() const {
    std::string out;
    detail::JcsWriter w(out);
    w.begin_object().key("content");
    detail::write_certificate_content(w, *this);
    w.member("format", 1.0).member("id", id).key("proof").null().member("type", "yrkesresan-intyg").end_object();
    return out;
}

Certificate issue_certificate(const Program& program, const PersonRecord& person, Date as_of, std::string_view component,
                              const IssueOptions& options) {
    const detail::ProgramData& data = program.data();
    const auto ci = program.find_component(component);
    if (!ci || !data.components[*ci].certificate)
        throw Error(ErrorCode::unknown_reference, "", "the program has no component with this id and a certificate");
    const Component& c = data.components[*ci];

    detail::Diagnostics diag;
    for (std::size_t i = 0; i < person.events.size(); ++i)
        if (person.events[i].date > as_of)
            diag.add(ErrorCode::future_event, "/events/" + std::to_string(i) + "/date", "recorded after the evaluation date");
    diag.throw_if_any();
    detail::PersonFacts facts;
    detail::decode_person(data, person, as_of, facts, /*items=*/false);
    const auto outcome = detail::assess_certificate(data, *ci, facts, as_of);
    const auto cert = detail::describe_certificate(data, person, facts, outcome, as_of, Language::en);
    if (!outcome.met) {
        std::vector<Problem> problems;
        for (const auto& m : cert.missing)
            problems.push_back({ErrorCode::requirements_not_met, "", m.code + (m.ref.empty() ? "" : " " + m.ref) + ": " + m.message});
        throw Error(std::move(problems));
    }
    Certificate out;
    out.id = detail::certificate_id(data, person.id, outcome, cert.parts);
    out.person = person.id;
    out.program = data.id;
    out.program_version = data.version;
    out.program_title = data.title;
    out.component = c.id;
    out.component_label = c.label;
    out.completed_on = Date::from_day_number(outcome.completed_on);
    out.parts = cert.parts;
    out.hours = cert.hours;
    out.issuer = options.issuer.empty() ? data.organisation : options.issuer;
    out.source = c.certificate_source;
    return out;
}

}  // namespace yrkesresan
