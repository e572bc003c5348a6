// The coordinator's term plan: every person evaluated on one date by
// yrkesresan::evaluate (the single source of the rules), then who should
// start what this term, who is past a window, supervision groups, mentor
// pairs, the groups of annual activities, certificates due and introduktör
// hours. No rule is decided here: eligibilities and windows come from the
// evaluations, group sizes and mentor rules from the program's components
// (an annual activity's group size from the request where the program sets
// none).
#include <algorithm>
#include <exception>
#include <map>
#include <numeric>
#include <thread>

#include "coordination_annual.hpp"
#include "yrkesresan/components.hpp"
#include "yrkesresan/coordination.hpp"
#include "yrkesresan/error.hpp"
#include "yrkesresan/experience.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace {

// An error about persons[i] or mentors[i], with its paths moved under the list.
Error under(const Error& e, const std::string& prefix) {
    std::vector<Problem> problems = e.problems();
    for (auto& p : problems) p.path = prefix + p.path;
    return Error(std::move(problems));
}

// What the report reads of one person's evaluation. The evaluation itself
// (checklists, messages) is dropped at once: a national population's
// evaluations would not fit in memory together.
struct ComponentFact {
    Eligibility eligibility = Eligibility::not_yet;
    std::optional<Period> window;
};
struct PersonFacts {
    int months = 0;                           // experience on as_of
    std::vector<ComponentFact> components;    // per program component
    std::vector<CertificateDueEntry> due;     // certificates due
};

PersonFacts facts_of(const Program& program, const Evaluation& ev, std::size_t person) {
    PersonFacts f;
    f.months = ev.experience.months;
    f.components.resize(program.components().size());
    for (const auto& r : ev.components)
        if (auto ci = program.find_component(r.id)) f.components[*ci] = {r.eligibility, r.window};
    for (const auto& cert : ev.certificates)
        if (cert.status == CertificateStatus::due && cert.completed_on)
            f.due.push_back({person, cert.component, *cert.completed_on, cert.certificate_id});
    return f;
}

std::vector<PersonFacts> evaluate_all(const Program& program, const CoordinationRequest& request) {
    const std::size_t n = request.persons.size();
    std::vector<PersonFacts> out(n);
    const EvaluateOptions options{request.language};
    unsigned threads = request.threads ? request.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, n / 32)));
    // Each thread evaluates one contiguous range and stops at its first error;
    // the error of the lowest person index is the one reported.
    std::vector<std::size_t> failed_at(threads, n);
    std::vector<std::exception_ptr> failure(threads);
    auto work = [&](unsigned t) {
        const std::size_t first = n * t / threads, last = n * (t + 1) / threads;
        for (std::size_t i = first; i < last; ++i) {
            try {
                out[i] = facts_of(program, evaluate(program, request.persons[i], request.as_of, options), i);
            } catch (...) {
                failed_at[t] = i;
                failure[t] = std::current_exception();
                return;
            }
        }
    };
    if (threads == 1) {
        work(0);
    } else {
        std::vector<std::thread> pool;
        for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work, t);
        for (auto& th : pool) th.join();
    }
    for (unsigned t = 0; t < threads; ++t) {
        if (!failure[t]) continue;
        try {
            std::rethrow_exception(failure[t]);
        } catch (const Error& e) {
            throw under(e, "/persons/" + std::to_string(failed_at[t]));
        }
    }
    return out;
}

// Due to start in the term: the window is open now, or opens before the term ends.
bool due_in_term(const ComponentFact& r, const Period& term) {
    if (!r.window) return false;
    if (r.eligibility == Eligibility::eligible) return true;
    return r.eligibility == Eligibility::not_yet && r.window->from < term.until;
}

int months_of(const MentorVolunteer& m, Date as_of) {
    // As the evaluation reads a named mentor's profile (R6): profession start
    // moved earlier by the prior credit, no leave known.
    return Clock(m.profession_start.add_months(-m.prior_experience_months), {}).months_on(as_of);
}

}  // namespace

std::vector<IntroduktorLoad> introduktor_load(const Program& program, const std::vector<PersonRecord>& persons,
                                              Period period) {
    std::map<std::string, IntroduktorLoad> loads;
    for (std::size_t i = 0; i < persons.size(); ++i) {
        const double hours = introduktor_hours_owed(program, persons[i], period.from, period.until);
        if (!(hours > 0)) continue;
        const auto it = persons[i].people.find("introduktor");
        const std::string holder = it == persons[i].people.end() ? std::string() : it->second;
        IntroduktorLoad& load = loads[holder];
        load.introduktor = holder;
        load.hours += hours;
        load.newcomers.push_back({i, hours});
    }
    std::vector<IntroduktorLoad> out;
    for (auto& kv : loads) {
        std::sort(kv.second.newcomers.begin(), kv.second.newcomers.end(),
                  [&](const IntroduktorNewcomer& a, const IntroduktorNewcomer& b) {
                      return persons[a.person].id < persons[b.person].id;
                  });
        out.push_back(std::move(kv.second));
    }
    return out;
}

CoordinationReport coordinate(const Program& program, const CoordinationRequest& request) {
    if (!(request.term.from < request.term.until))
        throw Error(ErrorCode::reversed_period, "/term", "the term ends before it starts");
    const auto& persons = request.persons;
    {
        std::vector<std::size_t> order(persons.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return persons[a].id < persons[b].id; });
        for (std::size_t i = 1; i < order.size(); ++i)
            if (persons[order[i]].id == persons[order[i - 1]].id)
                throw Error(ErrorCode::duplicate_id, "/persons/" + std::to_string(order[i]) + "/id",
                            "the id is given to another person of the request");
    }
    for (std::size_t i = 0; i < request.mentors.size(); ++i)
        if (request.mentors[i].municipality.empty())
            throw Error(ErrorCode::invalid_value, "/mentors/" + std::to_string(i) + "/municipality",
                        "a mentor's municipality is required");
    // Every annual activity asked for is checked before anyone is evaluated.
    std::vector<detail::ResolvedAnnualGroups> annual;
    for (std::size_t i = 0; i < request.annual_groups.size(); ++i) {
        AnnualGroupRequest entry = request.annual_groups[i];
        if (!entry.year) entry.year = request.term.from.year();
        const std::string path = "/annual_groups/" + std::to_string(i);
        try {
            annual.push_back(detail::resolve_annual_groups(program, entry));
        } catch (const Error& e) {
            throw under(e, path);
        }
        for (std::size_t j = 0; j + 1 < annual.size(); ++j)
            if (annual[j].component == annual.back().component && annual[j].year == annual.back().year)
                throw Error(ErrorCode::duplicate_id, path + "/component",
                            "the same activity and year are asked for by another entry");
    }

    const std::vector<PersonFacts> facts = evaluate_all(program, request);

    CoordinationReport report;
    report.program = program.id();
    report.program_version = program.version();
    report.as_of = request.as_of;
    report.term = request.term;
    report.language = request.language;
    for (const auto& p : persons) {
        report.person_ids.push_back(p.id);
        report.person_municipalities.push_back(p.municipality);
    }
    for (const auto& m : request.mentors) {
        report.mentor_ids.push_back(m.id);
        report.mentor_municipalities.push_back(m.municipality);
    }
    auto by_id = [&](std::size_t a, std::size_t b) { return persons[a].id < persons[b].id; };

    for (std::size_t ci = 0; ci < program.components().size(); ++ci) {
        const Component& c = program.components()[ci];
        std::vector<std::size_t> due;  // persons due to start this component in the term, by id
        std::vector<WindowPassedEntry> passed;
        for (std::size_t i = 0; i < facts.size(); ++i) {
            const ComponentFact* r = &facts[i].components[ci];
            if (r->eligibility == Eligibility::window_passed && r->window) passed.push_back({i, c.id, *r->window});
            if (!due_in_term(*r, request.term)) continue;
            due.push_back(i);
            if (c.kind() == ComponentKind::course)
                report.course_starts.push_back({i, c.id, r->eligibility, *r->window,
                                                r->window->until <= request.term.until,
                                                r->window->until <= request.term.from});
        }
        std::sort(due.begin(), due.end(), by_id);
        // Windows passed: components in program order, the longest passed first.
        std::sort(passed.begin(), passed.end(), [&](const WindowPassedEntry& a, const WindowPassedEntry& b) {
            if (a.window.until != b.window.until) return a.window.until < b.window.until;
            return by_id(a.person, b.person);
        });
        report.windows_passed.insert(report.windows_passed.end(), passed.begin(), passed.end());

        if (const Supervision* supervision = c.as<Supervision>()) {
            const GroupRule& group = supervision->group;
            SupervisionPlan plan;
            plan.component = c.id;
            plan.spec = {group.min, group.max, group.mix_municipalities};
            plan.candidates = due;
            if (group.min >= 1) {
                std::vector<GroupingCandidate> cands;
                for (std::size_t i : due)
                    cands.push_back({persons[i].id, persons[i].municipality, facts[i].components[ci].window->last()});
                plan.grouping = form_supervision_groups(cands, plan.spec);
            }
            report.supervision.push_back(std::move(plan));
        } else if (const Mentor* mentor = c.as<Mentor>()) {
            MentorPlan plan;
            plan.component = c.id;
            plan.rules = {mentor->other_municipality, mentor->more_experienced};
            plan.adepts = due;
            std::vector<MentorAdept> adepts;
            for (std::size_t i : due) {
                plan.adept_months.push_back(facts[i].months);
                adepts.push_back({persons[i].id, persons[i].municipality, facts[i].months,
                                  facts[i].components[ci].window->last()});
            }
            std::vector<MentorOffer> offers;
            for (const auto& m : request.mentors) {
                plan.mentor_months.push_back(months_of(m, request.as_of));
                offers.push_back({m.id, m.municipality, plan.mentor_months.back(), m.capacity});
            }
            plan.matching = match_mentors(adepts, offers, plan.rules);
            report.mentoring.push_back(std::move(plan));
        } else if (c.kind() == ComponentKind::introduktor && !report.has_introduktor) {
            report.has_introduktor = true;
            report.introduktor_hours = introduktor_load(program, persons, request.term);
        }
    }

    for (const auto& a : annual) report.annual_groups.push_back(detail::annual_groups_of(program, persons, a));

    for (const auto& f : facts) report.certificates_due.insert(report.certificates_due.end(), f.due.begin(), f.due.end());

    std::sort(report.course_starts.begin(), report.course_starts.end(), [&](const StartEntry& a, const StartEntry& b) {
        if (a.window.until != b.window.until) return a.window.until < b.window.until;
        if (a.person != b.person) return by_id(a.person, b.person);
        return a.component < b.component;
    });
    std::sort(report.certificates_due.begin(), report.certificates_due.end(),
              [&](const CertificateDueEntry& a, const CertificateDueEntry& b) {
                  if (a.person != b.person) return by_id(a.person, b.person);
                  return a.component < b.component;
              });
    return report;
}

YRKESRESAN_END_NAMESPACE
