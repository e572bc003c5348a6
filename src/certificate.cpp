// R8: issuing a certificate (intyg) and its document.
#include "yrkesresan/certificate.hpp"

#include <cmath>

#include "assessment.hpp"
#include "describe.hpp"

namespace yrkesresan {
namespace {

using json = nlohmann::json;  // std::map keys: dump() is sorted, hence canonical

json number(double v) {
    if (std::floor(v) == v && std::fabs(v) < 1e15) return json(static_cast<long long>(v));
    return json(v);
}

json content(const Certificate& c) {
    json parts = json::array();
    for (const auto& p : c.parts) {
        json part = {{"id", p.id}, {"label", p.label}, {"date", p.date.to_string()}};
        if (p.homework_submitted) part["homework_submitted"] = p.homework_submitted->to_string();
        if (!p.round.empty()) part["round"] = p.round;
        parts.push_back(std::move(part));
    }
    json source = {{"seed", c.source.seed}, {"pages", c.source.pages}};
    if (!c.source.note.empty()) source["note"] = c.source.note;
    return {{"person", c.person},
            {"program", {{"id", c.program}, {"version", c.program_version}, {"title", c.program_title}}},
            {"component", {{"id", c.component}, {"label", c.component_label}}},
            {"completed_on", c.completed_on.to_string()},
            {"parts", std::move(parts)},
            {"hours", number(c.hours)},
            {"issuer", {{"organisation", c.issuer}}},
            {"language", c.language},
            {"source", std::move(source)}};
}

}  // namespace

std::string Certificate::content_json() const { return content(*this).dump(); }

std::string Certificate::to_json() const {
    const json doc = {{"type", "yrkesresan-intyg"}, {"format", 1}, {"id", id}, {"content", content(*this)}, {"proof", nullptr}};
    return doc.dump();
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
