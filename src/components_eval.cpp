// R4-R8: eligibility, module states, internal support, annual activities,
// certificates, and the actions that follow from them.
#include "components_eval.hpp"

#include <algorithm>

#include "messages.hpp"
#include "sha256.hpp"

namespace yrkesresan {

std::string_view to_string(Eligibility e) noexcept {
    switch (e) {
        case Eligibility::not_targeted: return "not_targeted";
        case Eligibility::not_yet: return "not_yet";
        case Eligibility::eligible: return "eligible";
        case Eligibility::window_passed: return "window_passed";
        case Eligibility::in_progress: return "in_progress";
        case Eligibility::completed: return "completed";
    }
    return "";
}

std::string_view to_string(ModuleState s) noexcept {
    switch (s) {
        case ModuleState::completed: return "completed";
        case ModuleState::available: return "available";
        case ModuleState::locked: return "locked";
    }
    return "";
}

std::string_view to_string(CertificateStatus s) noexcept {
    switch (s) {
        case CertificateStatus::issued: return "issued";
        case CertificateStatus::due: return "due";
        case CertificateStatus::not_due: return "not_due";
    }
    return "";
}

std::string_view to_string(Compliance c) noexcept {
    switch (c) {
        case Compliance::met: return "met";
        case Compliance::open: return "open";
        case Compliance::not_met: return "not_met";
    }
    return "";
}

namespace detail {
namespace {

const Clock& clock_of(const Window& w, const Clock& experience, const Clock& employment) {
    return w.clock == Window::Clock::experience ? experience : employment;
}

Period window_period(const Window& w, const Clock& experience, const Clock& employment) {
    const Clock& clock = clock_of(w, experience, employment);
    return Period{clock.reached_on(w.from_months), clock.reached_on(w.to_months)};
}

// The windowed states shared by the course and supervision (R4, R5).
Eligibility windowed(bool completed, bool started, bool targeted, Date as_of, const Period& window) {
    if (completed) return Eligibility::completed;
    if (started) return Eligibility::in_progress;
    if (!targeted) return Eligibility::not_targeted;
    if (as_of < window.from) return Eligibility::not_yet;
    if (as_of < window.until) return Eligibility::eligible;
    return Eligibility::window_passed;
}

ComponentResult result_for(const Component& c) {
    ComponentResult r;
    r.id = c.id;
    r.label = c.label;
    r.kind = c.kind;
    return r;
}

struct Context {
    const ProgramData& program;
    const PersonRecord& person;
    Date as_of;
    Language lang;
    const Clock& experience;
    const Clock& employment;
    const ComponentFacts& facts;
    Evaluation& ev;
};

Finding finding(const Context& cx, std::string_view code, MessageArgs args, const SourceRef& source,
                const std::string& ref = "", std::optional<Date> date = std::nullopt) {
    return Finding{std::string(code), message(code, cx.lang, args), source, ref, date};
}

// The reason that explains a windowed eligibility.
void explain(const Context& cx, const Component& c, ComponentResult& r, int months_at_employment) {
    const auto& window = *r.window;
    const auto from = window.from.to_string(), to = window.last().to_string();
    const SourceRef& wsrc = c.window ? c.window->source : c.source;
    switch (r.eligibility) {
        case Eligibility::completed: {
            const auto date = r.completed_on ? r.completed_on->to_string() : std::string();
            r.reasons.push_back(finding(cx, "completed", {{"component", c.label}, {"date", date}}, c.certificate_source, c.id));
            break;
        }
        case Eligibility::in_progress: {
            const auto date = r.started_on ? r.started_on->to_string() : std::string();
            r.reasons.push_back(finding(cx, "started", {{"component", c.label}, {"date", date}}, c.source, c.id));
            break;
        }
        case Eligibility::not_targeted: {
            const auto months = std::to_string(months_at_employment);
            const auto max = std::to_string(c.target->max_experience_months_at_employment);
            r.reasons.push_back(finding(cx, "not_targeted",
                                        {{"months", months}, {"component", c.label}, {"target", c.target->label}, {"max", max}},
                                        c.target->source, c.id));
            break;
        }
        case Eligibility::not_yet:
            r.reasons.push_back(finding(cx, "window_not_open", {{"component", c.label}, {"from", from}, {"to", to}}, wsrc, c.id));
            break;
        case Eligibility::eligible:
            r.reasons.push_back(finding(cx, "window_open", {{"component", c.label}, {"from", from}, {"to", to}}, wsrc, c.id));
            break;
        case Eligibility::window_passed:
            r.reasons.push_back(finding(cx, "window_passed", {{"component", c.label}, {"to", to}}, wsrc, c.id));
            break;
    }
}

void enrol_actions(const Context& cx, const Component& c, const ComponentResult& r) {
    const auto to = r.window->last().to_string();
    // Only an open or passed window asks something of EC now.
    if (r.eligibility == Eligibility::eligible)
        cx.ev.actions.push_back({Role::EC, Action::Kind::enrol,
                                 message("action_enrol", cx.lang, {{"component", c.label}, {"to", to}}),
                                 r.window->last(), "", c.id, "", std::nullopt});
    else if (r.eligibility == Eligibility::window_passed)
        cx.ev.actions.push_back({Role::EC, Action::Kind::enrol,
                                 message("action_enrol_late", cx.lang, {{"component", c.label}, {"to", to}}),
                                 r.window->last(), "", c.id, "", std::nullopt});
}

void started_outside(const Context& cx, const Component& c, const ComponentResult& r, bool targeted) {
    if (!targeted || !r.started_on || r.window->contains(*r.started_on)) return;
    const auto date = r.started_on->to_string(), from = r.window->from.to_string(), to = r.window->last().to_string();
    cx.ev.warnings.push_back(finding(cx, "started_outside_window",
                                     {{"component", c.label}, {"date", date}, {"from", from}, {"to", to}},
                                     c.window->source, c.id, r.started_on));
}

void course(const Context& cx, std::uint32_t ci, const CertificateFacts& cert) {
    const Component& c = cx.program.components[ci];
    const auto& f = cx.facts;
    ComponentResult r = result_for(c);
    r.window = window_period(*c.window, cx.experience, cx.employment);
    for (std::uint32_t m = c.first_module; m < c.first_module + c.module_count; ++m)
        if (f.attended[m] && (!r.started_on || *f.attended[m] < *r.started_on)) r.started_on = f.attended[m];
    r.completed_on = cert.completed_on;
    const int months_at_employment = cx.experience.months_on(cx.person.employment_start);
    const bool targeted = !c.target || months_at_employment < c.target->max_experience_months_at_employment;
    r.eligibility = windowed(cert.met, r.started_on.has_value(), targeted, cx.as_of, *r.window);
    explain(cx, c, r, months_at_employment);
    enrol_actions(cx, c, r);
    started_outside(cx, c, r, targeted);

    // R4 module states; attendance against the prerequisites is a recorded fact, kept and reported.
    for (std::uint32_t m = c.first_module; m < c.first_module + c.module_count; ++m) {
        const Module& module = cx.program.modules[m];
        ModuleResult mr;
        mr.id = module.id;
        mr.label = module.label;
        mr.component = c.id;
        mr.attended = f.attended[m];
        mr.round = f.round[m];
        mr.homework_required = module.has_homework();
        mr.homework_submitted = f.homework[m];
        auto check = [&](std::uint32_t req, bool homework) {
            const Module& rm = cx.program.modules[req];
            const std::optional<Date>& met = homework ? f.homework[req] : f.attended[req];
            if (!met) {
                mr.missing.push_back(finding(cx, homework ? "homework_not_submitted" : "module_not_attended",
                                             {{"module", rm.label}}, c.source, rm.id));
            }
            if (mr.attended && (!met || *mr.attended < *met)) {
                const auto date = mr.attended->to_string();
                const std::string what = homework ? message("homework_of", cx.lang, {{"module", rm.label}}) : rm.label;
                cx.ev.warnings.push_back(finding(cx, "prerequisite_violation",
                                                 {{"item", module.label}, {"date", date}, {"requires", what}}, c.source,
                                                 module.id, mr.attended));
            }
        };
        for (auto req : module.requires_attended) check(req, false);
        for (auto req : module.requires_homework) check(req, true);
        if (mr.attended) {
            mr.state = ModuleState::completed;
            mr.missing.clear();
        } else {
            mr.state = mr.missing.empty() ? ModuleState::available : ModuleState::locked;
        }
        if (mr.attended && mr.homework_required && !mr.homework_submitted) {
            std::string tasks;
            for (const auto& t : module.tasks) tasks += (tasks.empty() ? "" : "; ") + t;
            cx.ev.actions.push_back({Role::SJ, Action::Kind::submit_homework,
                                     message("action_submit_homework", cx.lang, {{"module", module.label}, {"task", tasks}}),
                                     std::nullopt, "", c.id, module.id, std::nullopt});
        }
        cx.ev.modules.push_back(std::move(mr));
    }
    cx.ev.components.push_back(std::move(r));
}

void supervision(const Context& cx, std::uint32_t ci, const CertificateFacts& cert) {
    const Component& c = cx.program.components[ci];
    const auto& sessions = cx.facts.sessions[ci];
    ComponentResult r = result_for(c);
    r.window = window_period(*c.window, cx.experience, cx.employment);
    if (!sessions.empty()) r.started_on = sessions.front();
    r.completed_on = cert.completed_on;
    r.sessions_required = c.certificate_min_sessions;
    for (const auto& part : cert.parts) r.sessions_counted += part.date <= cx.as_of;
    const int months_at_employment = cx.experience.months_on(cx.person.employment_start);
    const bool targeted = !c.target || months_at_employment < c.target->max_experience_months_at_employment;
    r.eligibility = windowed(cert.met, r.started_on.has_value(), targeted, cx.as_of, *r.window);
    explain(cx, c, r, months_at_employment);
    enrol_actions(cx, c, r);
    started_outside(cx, c, r, targeted);
    cx.ev.components.push_back(std::move(r));
}

// R6: a named holder over a window (mentor, introduktör).
void support(const Context& cx, std::uint32_t ci) {
    const Component& c = cx.program.components[ci];
    ComponentResult r = result_for(c);
    r.window = window_period(*c.window, cx.experience, cx.employment);
    const char* role = c.kind == Component::Kind::mentor ? "mentor" : "introduktor";
    if (auto it = cx.person.people.find(role); it != cx.person.people.end()) r.holder = it->second;
    if (c.kind == Component::Kind::mentor && cx.person.mentor) r.holder = cx.person.mentor->id;
    const bool named = !r.holder.empty();
    const auto from = r.window->from.to_string(), to = r.window->last().to_string();
    const SourceRef& wsrc = c.window->source;
    if (cx.as_of < r.window->from) {
        r.eligibility = named ? Eligibility::in_progress : Eligibility::not_yet;
    } else if (cx.as_of < r.window->until) {
        r.eligibility = named ? Eligibility::in_progress : Eligibility::eligible;
    } else {
        r.eligibility = named ? Eligibility::completed : Eligibility::window_passed;
    }
    const std::string_view code = named ? "holder_named"
                                  : r.eligibility == Eligibility::not_yet ? "window_not_open"
                                  : r.eligibility == Eligibility::eligible ? "holder_missing"
                                                                           : "window_passed";
    r.reasons.push_back(finding(cx, code, {{"component", c.label}, {"from", from}, {"to", to}}, named ? c.source : wsrc, c.id));
    if (!named && r.eligibility == Eligibility::eligible) {
        const bool mentor = c.kind == Component::Kind::mentor;
        // An introduktör is there from the first day; a mentor by the end of the window.
        const Date due = mentor ? r.window->last() : std::max(r.window->from, cx.person.employment_start);
        cx.ev.actions.push_back({Role::EC, Action::Kind::name_role_holder,
                                 message(mentor ? "action_name_mentor" : "action_name_introduktor", cx.lang), due, "", c.id,
                                 "", std::nullopt});
    }
    if (c.kind == Component::Kind::mentor && cx.person.mentor) {
        const MentorProfile& m = *cx.person.mentor;
        if (c.other_municipality && m.municipality == cx.person.municipality)
            cx.ev.warnings.push_back(finding(cx, "mentor_same_municipality", {}, c.source, c.id));
        const int mentor_months = Clock(m.profession_start.add_months(-m.prior_experience_months), {}).months_on(cx.as_of);
        const int months = cx.experience.months_on(cx.as_of);
        if (c.more_experienced && mentor_months <= months) {
            const auto a = std::to_string(mentor_months), b = std::to_string(months);
            cx.ev.warnings.push_back(finding(cx, "mentor_not_more_experienced", {{"mentor", a}, {"months", b}}, c.source, c.id));
        }
    }
    if (c.kind == Component::Kind::introduktor) {
        const int months = cx.employment.months_on(cx.as_of);
        for (const auto& band : c.hours_per_week)
            if (cx.as_of >= cx.person.employment_start && band.from_months <= months && months < band.to_months)
                r.hours_per_week = band.hours;
        r.hours_owed = introduktor_hours_owed(cx.program.components[ci], cx.employment, cx.person.employment_start,
                                              cx.as_of.add_days(1));
    }
    cx.ev.components.push_back(std::move(r));
}

// R7: counts per calendar year from the year of employment.
void annual(const Context& cx, std::uint32_t ci) {
    const Component& c = cx.program.components[ci];
    ComponentResult r = result_for(c);
    r.eligibility = cx.as_of < cx.person.employment_start ? Eligibility::not_yet : Eligibility::eligible;
    const auto& sessions = cx.facts.sessions[ci];
    for (int year = cx.person.employment_start.year(); year <= cx.as_of.year(); ++year) {
        AnnualCount count{year, c.per_year, 0, Compliance::open};
        for (Date s : sessions) count.attended += s.year() == year;
        if (count.attended >= c.per_year) count.state = Compliance::met;
        else count.state = year < cx.as_of.year() ? Compliance::not_met : Compliance::open;
        if (!c.at_least && count.attended > c.per_year) {
            const auto y = std::to_string(year), n = std::to_string(count.attended), req = std::to_string(c.per_year);
            cx.ev.warnings.push_back(finding(cx, "more_than_offered",
                                             {{"component", c.label}, {"year", y}, {"attended", n}, {"required", req}},
                                             c.source, c.id));
        }
        r.years.push_back(count);
    }
    if (!r.years.empty()) {
        const auto& now = r.years.back();
        const auto y = std::to_string(now.year), n = std::to_string(now.attended), req = std::to_string(now.required);
        r.reasons.push_back(finding(cx, "annual_status", {{"component", c.label}, {"year", y}, {"attended", n}, {"required", req}},
                                    c.source, c.id));
    }
    cx.ev.components.push_back(std::move(r));
}

void certificate(const Context& cx, std::uint32_t ci, const CertificateFacts& facts) {
    const Component& c = cx.program.components[ci];
    CertificateResult r;
    r.component = c.id;
    r.missing = facts.missing;
    r.completed_on = facts.completed_on;
    r.issued_on = cx.facts.issued[ci];
    if (r.issued_on) {
        r.status = CertificateStatus::issued;
        if (!facts.met) {
            const auto date = r.issued_on->to_string();
            cx.ev.warnings.push_back(finding(cx, "certificate_issued_early", {{"component", c.label}, {"date", date}},
                                             c.certificate_source, c.id, r.issued_on));
        }
    } else {
        r.status = facts.met ? CertificateStatus::due : CertificateStatus::not_due;
    }
    if (facts.met) r.certificate_id = certificate_id(cx.program, cx.person, ci, facts);
    if (r.status == CertificateStatus::due)
        cx.ev.actions.push_back({Role::EC, Action::Kind::issue_certificate,
                                 message("action_issue_certificate", cx.lang, {{"component", c.label}}), facts.completed_on, "",
                                 c.id, "", std::nullopt});
    cx.ev.certificates.push_back(std::move(r));
}

}  // namespace

double introduktor_hours_owed(const Component& c, const Clock& employment, Date from, Date until) {
    double hours = 0;
    for (const auto& band : c.hours_per_week) {
        const Date a = std::max(from, employment.reached_on(band.from_months));
        const Date b = std::min(until, employment.reached_on(band.to_months));
        if (!(a < b)) continue;
        const int leave = employment.leave_days_before(b) - employment.leave_days_before(a);
        hours += static_cast<double>((b - a) - leave) * band.hours / 7.0;
    }
    return hours;
}

std::string certificate_id(const ProgramData& program, const PersonRecord& person, std::uint32_t component,
                           const CertificateFacts& facts) {
    // R8: the same person, program version, component and completion facts
    // give the same id. Canonical: sorted keys, no whitespace.
    nlohmann::json parts = nlohmann::json::array();
    for (const auto& p : facts.parts)
        parts.push_back({p.id, p.date.to_string(), p.homework_submitted ? p.homework_submitted->to_string() : ""});
    const nlohmann::json key = {{"person", person.id},
                                {"program", program.id},
                                {"program_version", program.version},
                                {"component", program.components[component].id},
                                {"completed_on", facts.completed_on ? facts.completed_on->to_string() : ""},
                                {"parts", parts}};
    return "urn:yrkesresan:intyg:" + sha256_hex(key.dump()).substr(0, 32);
}

void evaluate_components(const ProgramData& program, const PersonRecord& person, Date as_of, const Clock& experience,
                         const Clock& employment, const ComponentFacts& facts, Evaluation& ev) {
    const Context cx{program, person, as_of, ev.language, experience, employment, facts, ev};
    for (std::uint32_t ci = 0; ci < program.components.size(); ++ci) {
        const Component& c = program.components[ci];
        CertificateFacts cert;
        if (c.certificate) cert = certificate_facts(program, ci, facts, as_of, ev.language);
        switch (c.kind) {
            case Component::Kind::course: course(cx, ci, cert); break;
            case Component::Kind::supervision: supervision(cx, ci, cert); break;
            case Component::Kind::mentor:
            case Component::Kind::introduktor: support(cx, ci); break;
            case Component::Kind::annual: annual(cx, ci); break;
        }
        if (c.certificate) certificate(cx, ci, cert);
    }
    for (const auto& rec : program.recommendations) {
        const Period w = window_period(rec.window, experience, employment);
        ev.recommendations.push_back({rec.id, rec.label, rec.value, w, w.contains(as_of), rec.source});
    }
}

}  // namespace detail

double introduktor_hours_owed(const Program& program, const PersonRecord& person, Date from, Date until) {
    for (const auto& c : program.components())
        if (c.kind == Component::Kind::introduktor)
            return detail::introduktor_hours_owed(c, Clock::employment(person), from, until);
    throw Error(ErrorCode::unknown_reference, "", "the program has no introduktör component");
}

}  // namespace yrkesresan
