// R4-R8 in words: why each eligibility, module prerequisites, certificates
// and what they lack, and the actions for EC and SJ.

#include "assess_components.hpp"
#include "certificate_id.hpp"
#include "certificate_parts.hpp"
#include "describe.hpp"
#include "messages.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {
namespace {

struct Context {
    const ProgramData& program;
    const PersonRecord& person;
    const PersonFacts& facts;
    const Assessment& a;
    Date as_of;
    Language lang;
    Evaluation& ev;
};

Finding finding(const Context& cx, std::string_view code, MessageArgs args, const SourceRef& source,
                const std::string& ref = "", std::optional<Date> date = std::nullopt) {
    return Finding{std::string(code), message(code, cx.lang, args), source, ref, date};
}

// R4: the reason a component is not this employment's: the target group, or a
// window on the experience clock that closed before the person was hired.
Finding not_targeted(const Context& cx, const Component& c, const ComponentOutcome& o) {
    const auto months = std::to_string(cx.a.months_at_employment_start);
    if (o.closed_before_employment || !c.target) {
        const auto to = o.window.last().to_string();
        return Finding{"not_targeted",
                       message("not_targeted_experienced", cx.lang, {{"months", months}, {"component", label_in(c, cx.lang)}, {"to", to}}),
                       c.window ? c.window->source : c.source, c.id, std::nullopt};
    }
    const auto max = std::to_string(c.target->max_experience_months_at_employment);
    return finding(cx, "not_targeted", {{"months", months}, {"component", label_in(c, cx.lang)}, {"target", c.target->label}, {"max", max}},
                   c.target->source, c.id);
}

// A passed window: a duty not delivered, or an offer not taken up.
Finding window_passed(const Context& cx, const Component& c, const std::string& to) {
    const bool duty = c.obligation == Obligation::duty;
    return Finding{"window_passed",
                   message(duty ? "window_passed" : "window_passed_offer", cx.lang, {{"component", label_in(c, cx.lang)}, {"to", to}}),
                   c.window ? c.window->source : c.source, c.id, std::nullopt};
}

ComponentResult result_for(const Component& c, const ComponentOutcome& o, Language lang) {
    ComponentResult r;
    r.id = c.id;
    r.label = label_in(c, lang);
    r.kind = c.kind;
    r.eligibility = o.eligibility;
    r.obligation = c.obligation;
    if (c.organiser) {
        r.organiser = c.organiser->id;
        r.organiser_label = c.organiser->label;
    }
    if (o.has_window) r.window = o.window;
    r.started_on = to_date(o.started_on);
    r.completed_on = to_date(o.completed_on);
    r.sessions_counted = o.sessions_counted;
    r.sessions_required = o.sessions_required;
    r.hours_per_week = o.hours_per_week;
    r.hours_owed = o.hours_owed;
    return r;
}

// The reason that explains a windowed eligibility (R4, R5).
void explain(const Context& cx, const Component& c, const ComponentOutcome& o, ComponentResult& r) {
    const auto& window = *r.window;
    const auto from = window.from.to_string(), to = window.last().to_string();
    const SourceRef& wsrc = c.window ? c.window->source : c.source;
    switch (r.eligibility) {
        case Eligibility::completed: {
            const auto date = r.completed_on ? r.completed_on->to_string() : std::string();
            r.reasons.push_back(finding(cx, "completed", {{"component", label_in(c, cx.lang)}, {"date", date}}, c.certificate_source, c.id));
            break;
        }
        case Eligibility::in_progress: {
            const auto date = r.started_on ? r.started_on->to_string() : std::string();
            r.reasons.push_back(finding(cx, "started", {{"component", label_in(c, cx.lang)}, {"date", date}}, c.source, c.id));
            break;
        }
        case Eligibility::not_targeted: r.reasons.push_back(not_targeted(cx, c, o)); break;
        case Eligibility::not_yet:
            r.reasons.push_back(finding(cx, "window_not_open", {{"component", label_in(c, cx.lang)}, {"from", from}, {"to", to}}, wsrc, c.id));
            break;
        case Eligibility::eligible:
            r.reasons.push_back(finding(cx, "window_open", {{"component", label_in(c, cx.lang)}, {"from", from}, {"to", to}}, wsrc, c.id));
            break;
        case Eligibility::window_passed: r.reasons.push_back(window_passed(cx, c, to)); break;
    }
    // Only an open window, or the passed window of a duty, asks something of EC now.
    if (r.eligibility == Eligibility::eligible)
        cx.ev.actions.push_back({Role::EC, Action::Kind::enrol,
                                 message("action_enrol", cx.lang, {{"component", label_in(c, cx.lang)}, {"to", to}}), window.last(), "",
                                 c.id, "", std::nullopt});
    else if (r.eligibility == Eligibility::window_passed && c.obligation == Obligation::duty)
        cx.ev.actions.push_back({Role::EC, Action::Kind::enrol,
                                 message("action_enrol_late", cx.lang, {{"component", label_in(c, cx.lang)}, {"to", to}}), window.last(),
                                 "", c.id, "", std::nullopt});
}

void modules(const Context& cx, const Component& c) {
    const PersonFacts& f = cx.facts;
    for (std::uint32_t m = c.first_module; m < c.first_module + c.module_count; ++m) {
        const Module& module = cx.program.modules[m];
        ModuleResult mr;
        mr.id = module.id;
        mr.label = label_in(module, cx.lang);
        mr.component = c.id;
        mr.state = cx.a.modules[m].state;
        mr.attended = to_date(f.attended[m]);
        if (f.attended_event[m] >= 0) mr.round = cx.person.events[static_cast<std::size_t>(f.attended_event[m])].round;
        mr.homework_required = module.has_homework();
        mr.homework_submitted = to_date(f.homework[m]);
        if (mr.state == ModuleState::locked) {
            for (auto req : module.requires_attended)
                if (f.attended[req] == no_day)
                    mr.missing.push_back(finding(cx, "module_not_attended", {{"module", label_in(cx.program.modules[req], cx.lang)}},
                                                 c.source, cx.program.modules[req].id));
            for (auto req : module.requires_homework)
                if (f.homework[req] == no_day)
                    mr.missing.push_back(finding(cx, "homework_not_submitted", {{"module", label_in(cx.program.modules[req], cx.lang)}},
                                                 c.source, cx.program.modules[req].id));
        }
        if (mr.attended && mr.homework_required && !mr.homework_submitted) {
            std::string tasks;
            for (const auto& t : module.tasks) tasks += (tasks.empty() ? "" : "; ") + t;
            cx.ev.actions.push_back({Role::SJ, Action::Kind::submit_homework,
                                     message("action_submit_homework", cx.lang, {{"module", label_in(module, cx.lang)}, {"task", tasks}}),
                                     std::nullopt, "", c.id, module.id, std::nullopt});
        }
        cx.ev.modules.push_back(std::move(mr));
    }
}

// R6: a named holder over a window (mentor, introduktör).
void support(const Context& cx, const Component& c, const ComponentOutcome& o, ComponentResult& r) {
    const char* role = c.kind == Component::Kind::mentor ? "mentor" : "introduktor";
    if (auto it = cx.person.people.find(role); it != cx.person.people.end()) r.holder = it->second;
    if (c.kind == Component::Kind::mentor && cx.person.mentor) r.holder = cx.person.mentor->id;
    const bool named = !r.holder.empty();
    const auto from = r.window->from.to_string(), to = r.window->last().to_string();
    if (!named && r.eligibility == Eligibility::not_targeted) r.reasons.push_back(not_targeted(cx, c, o));
    else if (!named && r.eligibility == Eligibility::window_passed) r.reasons.push_back(window_passed(cx, c, to));
    else {
        const std::string_view code = named ? "holder_named"
                                      : r.eligibility == Eligibility::not_yet ? "window_not_open"
                                                                               : "holder_missing";
        r.reasons.push_back(finding(cx, code, {{"component", label_in(c, cx.lang)}, {"from", from}, {"to", to}},
                                    named ? c.source : c.window->source, c.id));
    }
    if (o.holder_wanted) {
        // The program's own rule picks the words: "from another municipality" only where it asks for it.
        const std::string_view words = c.kind == Component::Kind::introduktor ? "action_name_introduktor"
                                       : c.other_municipality                 ? "action_name_mentor_other_municipality"
                                                                              : "action_name_mentor";
        cx.ev.actions.push_back(
            {Role::EC, Action::Kind::name_role_holder, message(words, cx.lang), to_date(o.holder_due), "", c.id, "", std::nullopt});
    }
}

// R7: the current year's count in words.
void annual(const Context& cx, const Component& c, const ComponentOutcome& o, ComponentResult& r) {
    r.years.assign(cx.a.years.begin() + o.first_year, cx.a.years.begin() + o.first_year + o.year_count);
    if (r.years.empty()) return;
    const auto& now = r.years.back();
    const auto y = std::to_string(now.year), n = std::to_string(now.attended), req = std::to_string(now.required);
    r.reasons.push_back(finding(cx, "annual_status", {{"component", label_in(c, cx.lang)}, {"year", y}, {"attended", n}, {"required", req}},
                                c.source, c.id));
}

void certificate(const Context& cx, const Component& c, const CertificateOutcome& o) {
    CertificateResult r;
    r.component = c.id;
    r.status = o.status;
    r.missing = describe_missing(cx.program, cx.facts, o, cx.as_of, cx.lang);
    r.completed_on = to_date(o.completed_on);
    r.issued_on = to_date(o.issued_on);
    if (o.met) {
        const CertificateContent content = certificate_content(cx.program, cx.person, cx.facts, o);
        r.certificate_id = certificate_id(certificate_key(cx.program, cx.person.id, o, content.parts));
    }
    if (r.status == CertificateStatus::due)
        cx.ev.actions.push_back({Role::EC, Action::Kind::issue_certificate,
                                 message("action_issue_certificate", cx.lang, {{"component", label_in(c, cx.lang)}}), r.completed_on, "",
                                 c.id, "", std::nullopt});
    cx.ev.certificates.push_back(std::move(r));
}

}  // namespace

std::vector<Finding> describe_missing(const ProgramData& program, const PersonFacts& facts, const CertificateOutcome& o,
                                      Date as_of, Language lang) {
    const Component& c = program.components[o.component];
    std::vector<Finding> out;
    auto missing = [&](std::string_view code, MessageArgs args, const std::string& ref) {
        out.push_back({std::string(code), message(code, lang, args), c.certificate_source, ref, std::nullopt});
    };
    if (c.kind == Component::Kind::course) {
        // R4: every module attended and every homework submitted.
        for (std::uint32_t m = c.first_module; m < c.first_module + c.module_count; ++m) {
            const Module& module = program.modules[m];
            if (facts.attended[m] == no_day) missing("module_not_attended", {{"module", label_in(module, lang)}}, module.id);
            if (module.has_homework() && facts.homework[m] == no_day)
                missing("homework_not_submitted", {{"module", label_in(module, lang)}}, module.id);
        }
    } else if (c.kind == Component::Kind::supervision) {
        // R5: at least N sessions within [first, first + M months).
        const int required = c.certificate_min_sessions;
        if (o.counted < required) {
            const auto req = std::to_string(required);
            if (o.period_until != no_day && as_of.day_number() >= o.period_until) {
                const auto from = Date::from_day_number(o.period_from).to_string();
                const auto to = Date::from_day_number(o.period_until - 1).to_string();
                const auto n = std::to_string(o.counted);
                missing("attendance_period_over", {{"from", from}, {"to", to}, {"counted", n}, {"required", req}}, c.id);
            } else {
                const auto left = std::to_string(required - o.counted);
                missing("sessions_missing", {{"missing", left}, {"required", req}}, c.id);
            }
        }
    }
    return out;
}

void describe_components(const ProgramData& program, const PersonRecord& person, const PersonFacts& facts,
                         const Assessment& a, Date as_of, Evaluation& ev) {
    const Context cx{program, person, facts, a, as_of, ev.language, ev};
    std::size_t next_certificate = 0;
    for (std::uint32_t ci = 0; ci < program.components.size(); ++ci) {
        const Component& c = program.components[ci];
        const ComponentOutcome& o = a.components[ci];
        ComponentResult r = result_for(c, o, cx.lang);
        switch (c.kind) {
            case Component::Kind::course:
                explain(cx, c, o, r);
                modules(cx, c);
                break;
            case Component::Kind::supervision: explain(cx, c, o, r); break;
            case Component::Kind::mentor:
            case Component::Kind::introduktor: support(cx, c, o, r); break;
            case Component::Kind::annual: annual(cx, c, o, r); break;
        }
        ev.components.push_back(std::move(r));
        if (c.certificate) certificate(cx, c, a.certificates[next_certificate++]);
    }
    for (std::size_t i = 0; i < program.recommendations.size(); ++i) {
        const auto& rec = program.recommendations[i];
        const Period& w = a.recommendation_windows[i];
        ev.recommendations.push_back({rec.id, label_in(rec, cx.lang), rec.value, w, w.contains(as_of), rec.source});
    }
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
