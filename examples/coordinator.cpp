// A regional coordinator's term plan for a synthetic GR region:
// thirteen municipalities (by name only; every number here is invented),
// social workers hired over four years, some already on the course, in
// supervision or with a mentor, and a handful of experienced colleagues
// offering to mentor.
//
//   yrkesresan-coordinator [--persons N] [--seed S] [--as-of YYYY-MM-DD]
//                          [--term-from YYYY-MM-DD] [--term-to YYYY-MM-DD] [--json]
//
// Prints the plan as text (or the report document with --json): who should
// start the course this term, who has passed a window, proposed supervision
// groups, proposed mentor pairs, certificates to issue and introduktör hours.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "yrkesresan/coordination.hpp"
#include "yrkesresan/error.hpp"
#include "yrkesresan/program.hpp"

using namespace yrkesresan;

namespace {

// GR's member municipalities and invented relative sizes.
const std::pair<const char*, int> municipalities[] = {
    {"goteborg", 40}, {"molndal", 6},    {"kungsbacka", 7}, {"partille", 4}, {"harryda", 4},
    {"lerum", 4},     {"alingsas", 4},   {"kungalv", 4},    {"ale", 3},      {"stenungsund", 3},
    {"tjorn", 2},     {"ockero", 1},     {"lilla-edet", 2}};

struct Options {
    int persons = 400;
    unsigned seed = 2026;
    Date as_of = Date::from_ymd(2026, 12, 1);
    Date term_from = Date::from_ymd(2027, 1, 1);
    Date term_to = Date::from_ymd(2027, 6, 30);
    bool json = false;
};

std::string id_of(const char* prefix, int n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s-%04d", prefix, n);
    return buf;
}

// The synthetic region, seeded: the same plan for the same options.
CoordinationRequest synthetic_region(const Options& opt) {
    std::mt19937 rng(opt.seed);
    auto uniform = [&](int lo, int hi) { return lo + static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1)); };
    auto chance = [&](int percent) { return uniform(1, 100) <= percent; };
    std::vector<int> weights;
    for (const auto& m : municipalities) weights.push_back(m.second);
    std::discrete_distribution<int> pick_municipality(weights.begin(), weights.end());

    CoordinationRequest request;
    request.as_of = opt.as_of;
    request.term = {opt.term_from, opt.term_to.add_days(1)};
    for (int i = 0; i < opt.persons; ++i) {
        PersonRecord p;
        p.id = id_of("p", i);
        p.municipality = municipalities[pick_municipality(rng)].first;
        p.employment_start = opt.as_of.add_days(-uniform(1, 4 * 365));
        if (chance(15)) p.prior_experience_months = uniform(12, 60);  // not new in the profession
        if (chance(10)) {
            const Date from = p.employment_start.add_days(uniform(30, 300));
            if (from.add_days(120) < opt.as_of)
                p.leaves.push_back({from, from.add_days(uniform(30, 120)), LeaveKind::parental});
        }
        const int days_employed = opt.as_of - p.employment_start;
        if (days_employed < 2 * 365 && chance(75))
            p.people["introduktor"] = "i-" + p.municipality + "-" + std::to_string(uniform(1, 3));
        // The course: some started in their window, module after module, three weeks apart.
        const Date window = p.employment_start.add_months(4);
        if (p.prior_experience_months == 0 && p.leaves.empty() && window < opt.as_of && chance(60)) {
            Date day = window.add_days(uniform(0, 60));
            for (int m = 1; m <= 8 && day.add_days(7) < opt.as_of; ++m, day = day.add_days(21)) {
                const std::string module = "m" + std::to_string(m);
                p.events.push_back({EventType::module_attended, module, day, std::to_string(day.year()) + "-1"});
                if (m == 1 || m == 2 || m == 3 || m == 5 || m == 7)
                    p.events.push_back({EventType::homework_submitted, module, day.add_days(7), ""});
            }
        }
        // Supervision: about a third of those past a year have started.
        const Date year_one = p.employment_start.add_months(12);
        if (p.prior_experience_months == 0 && p.leaves.empty() && year_one.add_days(30) < opt.as_of && chance(35))
            for (Date s = year_one.add_days(uniform(0, 60)); s < opt.as_of; s = s.add_months(1))
                p.events.push_back({EventType::session_attended, "handledning", s, ""});
        // Some of those past two years have a mentor already.
        if (days_employed > 2 * 365 && chance(30)) p.people["mentor"] = "m-named";
        request.persons.push_back(std::move(p));
    }
    // Experienced colleagues offering to mentor, one or two adepts each.
    for (int i = 0; i < 10; ++i)
        request.mentors.push_back({id_of("mentor", i), municipalities[pick_municipality(rng)].first,
                                   Date::from_ymd(uniform(2005, 2021), uniform(1, 12), 1), 0, uniform(1, 2)});
    return request;
}

bool parse_date(const char* text, Date& out) {
    auto d = Date::parse(text ? text : "");
    if (d) out = *d;
    return d.has_value();
}

void print_plan(const Program& program, const CoordinationRequest& request, const CoordinationReport& r) {
    const auto& pid = r.person_ids;
    const auto& pmun = r.person_municipalities;
    // Long lists show their first entries (the most urgent) and a count.
    const std::size_t shown = 10;
    auto more = [&](std::size_t total) {
        if (total > shown) std::printf("   ... and %zu more\n", total - shown);
    };
    std::printf("Term plan: %s %s, term %s..%s, as of %s\n", r.program.c_str(), r.program_version.c_str(),
                r.term.from.to_string().c_str(), r.term.last().to_string().c_str(), r.as_of.to_string().c_str());
    std::map<std::string, int> per_municipality;
    for (const auto& m : pmun) ++per_municipality[m];
    std::printf("Region: %zu social workers in %zu municipalities, %zu mentors offered\n\n", pid.size(),
                per_municipality.size(), request.mentors.size());

    int urgent = 0, now = 0;
    for (const auto& s : r.course_starts) urgent += s.closes_in_term, now += s.closes_before_term;
    std::printf("1. Start the course this term: %zu people (%d whose window closes in the term, %d of them even "
                "before it starts)\n",
                r.course_starts.size(), urgent, now);
    for (std::size_t n = 0; n < r.course_starts.size() && n < shown; ++n) {
        const auto& s = r.course_starts[n];
        std::printf("   %-7s %-12s %-8s window %s..%s%s\n", pid[s.person].c_str(), pmun[s.person].c_str(),
                    std::string(to_string(s.eligibility)).c_str(), s.window.from.to_string().c_str(),
                    s.window.last().to_string().c_str(),
                    s.closes_before_term ? "  closes before the term: start now"
                    : s.closes_in_term   ? "  closes in the term"
                                         : "");
    }
    more(r.course_starts.size());

    std::map<std::string, int> passed;
    for (const auto& w : r.windows_passed) ++passed[w.component];
    std::printf("\n2. Windows passed (flag to the unit manager):");
    for (const auto& kv : passed) std::printf(" %s %d;", kv.first.c_str(), kv.second);
    std::printf("\n");

    for (const auto& plan : r.supervision) {
        const auto& g = plan.grouping;
        std::printf("\n3. Supervision groups (%s, %d-%d, mixing municipalities): %zu due to start, %d groups, "
                    "%d placed, %lld same-municipality pairs (the least possible: %lld)\n",
                    plan.component.c_str(), plan.spec.min_size, plan.spec.max_size, plan.candidates.size(),
                    g.objective.groups, g.objective.placed, static_cast<long long>(g.objective.same_municipality_pairs),
                    static_cast<long long>(g.pairs_lower_bound));
        for (std::size_t n = 0; n < g.groups.size(); ++n) {
            const auto& group = g.groups[n];
            std::printf("   Group %zu: %zu people from %d municipalities:", n + 1, group.members.size(),
                        group.municipalities);
            for (std::size_t c : group.members)
                std::printf(" %s (%s)", pid[plan.candidates[c]].c_str(), pmun[plan.candidates[c]].c_str());
            std::printf("\n");
        }
        for (const auto& u : g.unplaced)
            std::printf("   Not placed: %s (%s): %s\n", pid[plan.candidates[u.candidate]].c_str(),
                        pmun[plan.candidates[u.candidate]].c_str(), std::string(to_string(u.reason)).c_str());
    }

    for (const auto& plan : r.mentoring) {
        const auto& m = plan.matching;
        std::printf("\n4. Mentor pairs (%s): %zu adepts without a mentor, %zu matched\n", plan.component.c_str(),
                    plan.adepts.size(), m.pairs.size());
        for (std::size_t n = 0; n < m.pairs.size() && n < shown; ++n) {
            const auto& p = m.pairs[n];
            std::printf("   %-7s %-12s %3d months  <-  %-10s %-12s %3d months\n", pid[plan.adepts[p.adept]].c_str(),
                        pmun[plan.adepts[p.adept]].c_str(), plan.adept_months[p.adept], r.mentor_ids[p.mentor].c_str(),
                        r.mentor_municipalities[p.mentor].c_str(), plan.mentor_months[p.mentor]);
        }
        more(m.pairs.size());
        for (std::size_t n = 0; n < m.unmatched.size() && n < shown; ++n) {
            const auto& u = m.unmatched[n];
            std::printf("   %-7s %-12s no mentor: %s (%d allowed)\n", pid[plan.adepts[u.adept]].c_str(),
                        pmun[plan.adepts[u.adept]].c_str(), std::string(to_string(u.reason)).c_str(),
                        u.eligible_mentors);
        }
        more(m.unmatched.size());
    }

    std::printf("\n5. Certificates to issue: %zu\n", r.certificates_due.size());
    for (std::size_t n = 0; n < r.certificates_due.size() && n < shown; ++n) {
        const auto& c = r.certificates_due[n];
        std::printf("   %-7s %-12s %s completed %s\n", pid[c.person].c_str(), pmun[c.person].c_str(),
                    c.component.c_str(), c.completed_on.to_string().c_str());
    }
    more(r.certificates_due.size());

    if (r.has_introduktor) {
        // The heaviest loads first.
        std::vector<const IntroduktorLoad*> loads;
        for (const auto& load : r.introduktor_hours) loads.push_back(&load);
        std::stable_sort(loads.begin(), loads.end(),
                         [](const IntroduktorLoad* a, const IntroduktorLoad* b) { return a->hours > b->hours; });
        std::printf("\n6. Introduktör hours over the term, the heaviest first\n");
        for (std::size_t n = 0; n < loads.size() && n < shown; ++n) {
            const IntroduktorLoad& load = *loads[n];
            std::printf("   %-22s %6.1f h for %zu newcomer(s)\n",
                        load.introduktor.empty() ? "(none named)" : load.introduktor.c_str(), load.hours,
                        load.newcomers.size());
        }
        more(loads.size());
    }
    (void)program;
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    for (int i = 1; i < argc; ++i) {
        const char* next = i + 1 < argc ? argv[i + 1] : nullptr;
        bool ok = true;
        if (!std::strcmp(argv[i], "--persons") && next) opt.persons = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--seed") && next) opt.seed = static_cast<unsigned>(std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--as-of")) ok = parse_date(argv[++i], opt.as_of);
        else if (!std::strcmp(argv[i], "--term-from")) ok = parse_date(argv[++i], opt.term_from);
        else if (!std::strcmp(argv[i], "--term-to")) ok = parse_date(argv[++i], opt.term_to);
        else if (!std::strcmp(argv[i], "--json")) opt.json = true;
        else ok = false;
        if (!ok || i >= argc) {
            std::fprintf(stderr,
                         "usage: %s [--persons N] [--seed S] [--as-of YYYY-MM-DD] [--term-from YYYY-MM-DD] "
                         "[--term-to YYYY-MM-DD] [--json]\n",
                         argv[0]);
            return 2;
        }
    }
    try {
        const Program gr = Program::builtin("gr-barn-unga");
        const CoordinationRequest request = synthetic_region(opt);
        const CoordinationReport report = coordinate(gr, request);
        if (opt.json)
            std::cout << report.to_json() << "\n";
        else
            print_plan(gr, request, report);
    } catch (const Error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
