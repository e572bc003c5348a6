// R4-R8 on decoded facts: eligibility, module states, internal support,
// annual activities and certificates, as numbers and states.
#include "assess_components.hpp"

#include <algorithm>

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

Period window_period(const Window& w, const Clock& experience, const Clock& employment) {
    const Clock& clock = w.clock == Window::Clock::experience ? experience : employment;
    return Period{clock.reached_on(w.from_months), clock.reached_on(w.to_months)};
}

namespace {

// The windowed states shared by the course and supervision (R4, R5).
Eligibility windowed(bool completed, bool started, bool targeted, Date as_of, const Period& window) {
    if (completed) return Eligibility::completed;
    if (started) return Eligibility::in_progress;
    if (!targeted) return Eligibility::not_targeted;
    if (as_of < window.from) return Eligibility::not_yet;
    if (as_of < window.until) return Eligibility::eligible;
    return Eligibility::window_passed;
}

struct Context {
    const ProgramData& program;
    const PersonFacts& facts;
    Date as_of;
    const Clock& experience;
    const Clock& employment;
    Assessment& out;
    int months_at_employment;
};

void warn(const Context& cx, RawWarning::Code code, std::uint32_t component, std::int32_t day = no_day,
          std::int32_t a = 0, std::int32_t b = 0) {
    cx.out.warnings.push_back({code, static_cast<std::int32_t>(component), -1, day, a, b});
}

// R4: a window on the experience clock that closed before the employment
// began is not this employment's to deliver.
bool closed_before_employment(const Context& cx, const Window& w, const Period& window) {
    return w.clock == Window::Clock::experience && !(cx.facts.employment_start < window.until);
}

// R4, R5: the target group, the window, started and completed.
void windowed_component(const Context& cx, std::uint32_t ci, const CertificateOutcome& cert, std::int32_t started) {
    const Component& c = cx.program.components[ci];
    ComponentOutcome& r = cx.out.components[ci];
    r.has_window = true;
    r.window = window_period(*c.window, cx.experience, cx.employment);
    r.started_on = started;
    r.completed_on = cert.completed_on;
    r.closed_before_employment = closed_before_employment(cx, *c.window, r.window);
    r.targeted = !r.closed_before_employment &&
                 (!c.target || cx.months_at_employment < c.target->max_experience_months_at_employment);
    r.eligibility = windowed(cert.met, started != no_day, r.targeted, cx.as_of, r.window);
    if (r.targeted && started != no_day && !r.window.contains(Date::from_day_number(started)))
        warn(cx, RawWarning::Code::started_outside_window, ci, started);
}

void course(const Context& cx, std::uint32_t ci, const CertificateOutcome& cert) {
    const Component& c = cx.program.components[ci];
    const PersonFacts& f = cx.facts;
    std::int32_t started = no_day;
    for (std::uint32_t m = c.first_module; m < c.first_module + c.module_count; ++m)
        if (f.attended[m] != no_day && (started == no_day || f.attended[m] < started)) started = f.attended[m];
    windowed_component(cx, ci, cert, started);

    // R4 module states; attendance against the prerequisites is a recorded fact, kept and reported.
    for (std::uint32_t m = c.first_module; m < c.first_module + c.module_count; ++m) {
        const Module& module = cx.program.modules[m];
        bool missing = false;
        auto check = [&](std::uint32_t req, bool homework) {
            const std::int32_t met = homework ? f.homework[req] : f.attended[req];
            if (met == no_day) missing = true;
            if (f.attended[m] != no_day && (met == no_day || f.attended[m] < met))
                cx.out.warnings.push_back({RawWarning::Code::module_prerequisite_violation,
                                           static_cast<std::int32_t>(m), static_cast<std::int32_t>(req), f.attended[m],
                                           homework ? 1 : 0});
        };
        for (auto req : module.requires_attended) check(req, false);
        for (auto req : module.requires_homework) check(req, true);
        cx.out.modules[m].state = f.attended[m] != no_day ? ModuleState::completed
                                  : missing                ? ModuleState::locked
                                                           : ModuleState::available;
    }
}

void supervision(const Context& cx, std::uint32_t ci, const CertificateOutcome& cert) {
    const Component& c = cx.program.components[ci];
    const auto& sessions = cx.facts.sessions[ci];
    windowed_component(cx, ci, cert, sessions.empty() ? no_day : sessions.front());
    ComponentOutcome& r = cx.out.components[ci];
    r.sessions_required = c.certificate_min_sessions;
    r.sessions_counted = cert.counted;
}

// R6: a named holder over a window (mentor, introduktör).
void support(const Context& cx, std::uint32_t ci) {
    const Component& c = cx.program.components[ci];
    ComponentOutcome& r = cx.out.components[ci];
    r.has_window = true;
    r.window = window_period(*c.window, cx.experience, cx.employment);
    const bool mentor = c.kind == Component::Kind::mentor;
    const bool named = mentor ? cx.facts.named_mentor : cx.facts.named_introduktor;
    r.closed_before_employment = closed_before_employment(cx, *c.window, r.window);
    r.targeted = !r.closed_before_employment;
    if (!named && !r.targeted) r.eligibility = Eligibility::not_targeted;
    else if (cx.as_of < r.window.from) r.eligibility = named ? Eligibility::in_progress : Eligibility::not_yet;
    else if (cx.as_of < r.window.until) r.eligibility = named ? Eligibility::in_progress : Eligibility::eligible;
    else r.eligibility = named ? Eligibility::completed : Eligibility::window_passed;
    r.holder_wanted = !named && r.eligibility == Eligibility::eligible;
    if (r.holder_wanted && c.holder_named_by)
        r.holder_due = c.holder_named_by->at == HolderDeadline::At::window_end
                           ? r.window.last().day_number()
                           : std::max(r.window.from, cx.facts.employment_start).day_number();
    if (mentor && cx.facts.has_mentor_profile) {
        if (c.other_municipality && cx.facts.mentor_same_municipality)
            warn(cx, RawWarning::Code::mentor_same_municipality, ci);
        const int mentor_months = Clock(cx.facts.mentor_anchor, {}).months_on(cx.as_of);
        const int months = cx.experience.months_on(cx.as_of);
        if (c.more_experienced && mentor_months <= months)
            warn(cx, RawWarning::Code::mentor_not_more_experienced, ci, no_day, mentor_months, months);
    }
    if (c.kind == Component::Kind::introduktor) {
        const int months = cx.employment.months_on(cx.as_of);
        for (const auto& band : c.hours_per_week)
            if (cx.as_of >= cx.facts.employment_start && band.from_months <= months && months < band.to_months)
                r.hours_per_week = band.hours;
        r.hours_owed = introduktor_hours_owed(c, cx.employment, cx.facts.employment_start, cx.as_of.add_days(1));
    }
}

// R7: counts per calendar year from the year of employment.
void annual(const Context& cx, std::uint32_t ci) {
    const Component& c = cx.program.components[ci];
    ComponentOutcome& r = cx.out.components[ci];
    r.eligibility = cx.as_of < cx.facts.employment_start ? Eligibility::not_yet : Eligibility::eligible;
    r.first_year = static_cast<std::uint32_t>(cx.out.years.size());
    const auto& sessions = cx.facts.sessions[ci];
    auto s = sessions.begin();
    for (int year = cx.facts.employment_start.year(); year <= cx.as_of.year(); ++year) {
        AnnualCount count{year, c.per_year, 0, Compliance::open};
        // Sessions are sorted: count this year's, skipping earlier ones.
        const std::int32_t next_year = Date::from_ymd(year + 1, 1, 1).day_number();
        const std::int32_t this_year = Date::from_ymd(year, 1, 1).day_number();
        while (s != sessions.end() && *s < this_year) ++s;
        for (; s != sessions.end() && *s < next_year; ++s) ++count.attended;
        // "Erbjuds": the year the employment starts in is offered only in part,
        // so it is counted and not judged (R7).
        const bool partial = year == cx.facts.employment_start.year() &&
                             !(cx.facts.employment_start.month() == 1 && cx.facts.employment_start.day() == 1);
        if (partial) count.state = Compliance::partial_year;
        else if (count.attended >= c.per_year) count.state = Compliance::met;
        else count.state = year < cx.as_of.year() ? Compliance::not_met : Compliance::open;
        if (!c.at_least && count.attended > c.per_year)
            warn(cx, RawWarning::Code::more_than_offered, ci, no_day, year, count.attended);
        cx.out.years.push_back(count);
    }
    r.year_count = static_cast<std::uint32_t>(cx.out.years.size()) - r.first_year;
}

void certificate(const Context& cx, std::uint32_t ci, CertificateOutcome& cert) {
    cert.issued_on = cx.facts.issued[ci];
    if (cert.issued_on != no_day) {
        cert.status = CertificateStatus::issued;
        // Issued before the last requirement was met (or while one is still open): kept, reported.
        if (!cert.met || cert.issued_on < cert.completed_on)
            warn(cx, RawWarning::Code::certificate_issued_early, ci, cert.issued_on);
    } else {
        cert.status = cert.met ? CertificateStatus::due : CertificateStatus::not_due;
    }
    cx.out.certificates.push_back(cert);
}

}  // namespace

CertificateOutcome assess_certificate(const ProgramData& program, std::uint32_t component, const PersonFacts& facts,
                                      Date as_of) {
    const Component& c = program.components[component];
    CertificateOutcome out;
    out.component = component;
    auto later = [&](std::int32_t d) {
        if (d != no_day && (out.completed_on == no_day || out.completed_on < d)) out.completed_on = d;
    };
    if (c.kind == Component::Kind::course) {
        // R4: every module attended and every homework submitted.
        bool met = true;
        for (std::uint32_t m = c.first_module; m < c.first_module + c.module_count; ++m) {
            const bool homework = program.modules[m].has_homework();
            met = met && facts.attended[m] != no_day && (!homework || facts.homework[m] != no_day);
            later(facts.attended[m]);
            if (homework) later(facts.homework[m]);
        }
        out.met = met;
    } else if (c.kind == Component::Kind::supervision) {
        // R5: at least N sessions within [first, first + M months).
        const auto& sessions = facts.sessions[component];
        if (!sessions.empty()) {
            const Date first = Date::from_day_number(sessions.front());
            out.period_from = first.day_number();
            out.period_until = first.add_months(c.certificate_within_months).day_number();
            for (std::int32_t s : sessions) {
                if (s >= out.period_until) break;
                ++out.counted;
                if (out.counted == c.certificate_min_sessions) out.completed_on = s;
            }
        }
        // Sessions after as_of are input errors; none are counted here.
        (void)as_of;
        out.met = out.counted >= c.certificate_min_sessions;
    }
    if (!out.met) out.completed_on = no_day;
    return out;
}

void assess_components(const ProgramData& program, const PersonFacts& facts, Date as_of, const Clock& experience,
                       const Clock& employment, Assessment& out) {
    out.components.assign(program.components.size(), ComponentOutcome{});
    out.modules.assign(program.modules.size(), ModuleOutcome{});
    out.certificates.clear();
    out.years.clear();
    const Context cx{program, facts, as_of, experience, employment, out, experience.months_on(facts.employment_start)};
    for (std::uint32_t ci = 0; ci < program.components.size(); ++ci) {
        const Component& c = program.components[ci];
        CertificateOutcome cert;
        if (c.certificate) cert = assess_certificate(program, ci, facts, as_of);
        switch (c.kind) {
            case Component::Kind::course: course(cx, ci, cert); break;
            case Component::Kind::supervision: supervision(cx, ci, cert); break;
            case Component::Kind::mentor:
            case Component::Kind::introduktor: support(cx, ci); break;
            case Component::Kind::annual: annual(cx, ci); break;
        }
        if (c.certificate) certificate(cx, ci, cert);
    }
}

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

}  // namespace detail
YRKESRESAN_END_NAMESPACE
