// Regional coordination at national scale: group formation and
// mentor matching for 50,000 people in 290 municipalities whose sizes follow
// Zipf's law (the largest ~8,000, the smallest ~28), as Sweden's are skewed.
//
//   yr-bench-coordination [--people N] [--municipalities M] [--repeat R] [--report]
//
// Prints the median and best of R runs for each step. --report also times the
// whole coordinator's report (every person evaluated on one date) on a
// synthetic national population of the same shape. Seeded: the same figures'
// inputs every run. Built with the project, never run by the tests.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "yrkesresan/coordination.hpp"
#include "yrkesresan/program.hpp"

using namespace yrkesresan;

namespace {

struct Options {
    int people = 50000;
    int municipalities = 290;
    int repeat = 7;
    bool report = false;
};

// Municipality sizes proportional to 1/rank, summing to `people`.
std::vector<int> zipf_sizes(int people, int municipalities) {
    double h = 0;
    for (int r = 1; r <= municipalities; ++r) h += 1.0 / r;
    std::vector<int> sizes;
    int total = 0;
    for (int r = 1; r <= municipalities; ++r) {
        sizes.push_back(std::max(1, static_cast<int>(people / (h * r))));
        total += sizes.back();
    }
    sizes[0] += people - total;  // rounding goes to the largest
    return sizes;
}

std::string municipality_name(int rank) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "kommun-%03d", rank);
    return buf;
}

// Runs f `repeat` times; prints median and best in milliseconds.
void time_it(const char* what, int repeat, const std::function<void()>& f) {
    std::vector<double> ms;
    for (int i = 0; i < repeat; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        const auto t1 = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("  %-58s median %8.1f ms   best %8.1f ms\n", what, ms[ms.size() / 2], ms.front());
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    for (int i = 1; i < argc; ++i) {
        auto next = [&]() { return i + 1 < argc ? std::atoi(argv[++i]) : 0; };
        if (!std::strcmp(argv[i], "--people")) opt.people = next();
        else if (!std::strcmp(argv[i], "--municipalities")) opt.municipalities = next();
        else if (!std::strcmp(argv[i], "--repeat")) opt.repeat = std::max(1, next());
        else if (!std::strcmp(argv[i], "--report")) opt.report = true;
        else {
            std::fprintf(stderr, "usage: %s [--people N] [--municipalities M] [--repeat R] [--report]\n", argv[0]);
            return 2;
        }
    }
    const std::vector<int> sizes = zipf_sizes(opt.people, opt.municipalities);
    std::printf("yr-bench-coordination: %d people in %d municipalities (Zipf: largest %d, smallest %d), %d runs each\n",
                opt.people, opt.municipalities, sizes.front(), sizes.back(), opt.repeat);

    std::mt19937 rng(20261122);
    std::vector<std::string> muni_of;  // per person
    for (int r = 0; r < opt.municipalities; ++r)
        for (int k = 0; k < sizes[static_cast<std::size_t>(r)]; ++k) muni_of.push_back(municipality_name(r + 1));
    std::shuffle(muni_of.begin(), muni_of.end(), rng);
    auto person_id = [](std::size_t i) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "p-%06zu", i);
        return std::string(buf);
    };

    // 1. Everyone due to start supervision at once: the worst case for R5.
    std::vector<GroupingCandidate> candidates;
    for (std::size_t i = 0; i < muni_of.size(); ++i)
        candidates.push_back({person_id(i), muni_of[i], Date::from_ymd(2027, 1, 1).add_days(static_cast<int>(rng() % 365))});
    GroupingResult grouping;
    std::printf("group formation (R5, groups of 6-8, mixing municipalities):\n");
    time_it("form_supervision_groups, all people", opt.repeat, [&] { grouping = form_supervision_groups(candidates, {6, 8, true}); });
    std::printf("    %zu groups, %d placed, %lld same-municipality pairs (lower bound %lld), sizes within %d\n",
                grouping.groups.size(), grouping.objective.placed,
                static_cast<long long>(grouping.objective.same_municipality_pairs),
                static_cast<long long>(grouping.pairs_lower_bound), grouping.objective.size_spread);

    // 2. Mentor matching (R6): half the people are adepts with 24-35 months,
    // the other half mentors with 25-400 months and room for 1-3 adepts.
    std::vector<MentorAdept> adepts;
    std::vector<MentorOffer> mentors;
    for (std::size_t i = 0; i < muni_of.size(); ++i) {
        if (i % 2 == 0)
            adepts.push_back({person_id(i), muni_of[i], 24 + static_cast<int>(rng() % 12), std::nullopt});
        else
            mentors.push_back({person_id(i), muni_of[i], 25 + static_cast<int>(rng() % 376), 1 + static_cast<int>(rng() % 3)});
    }
    MatchingResult matching;
    std::printf("mentor matching (R6, other municipality, more experience, capacities):\n");
    time_it("match_mentors, 25,000 adepts x 25,000 mentors (ample capacity)", opt.repeat,
            [&] { matching = match_mentors(adepts, mentors); });
    std::printf("    %zu matched, %zu unmatched\n", matching.pairs.size(), matching.unmatched.size());

    // Scarce: mentors with little experience and one place each, so the flow
    // has to route around municipalities and experience levels.
    std::vector<MentorOffer> scarce;
    for (std::size_t i = 0; i < mentors.size(); i += 2)
        scarce.push_back({mentors[i].id, mentors[i].municipality, 25 + static_cast<int>(rng() % 14), 1});
    time_it("match_mentors, 25,000 adepts x 6,250 junior mentors (scarce)", opt.repeat,
            [&] { matching = match_mentors(adepts, scarce); });
    std::printf("    %zu matched, %zu unmatched\n", matching.pairs.size(), matching.unmatched.size());

    // 3. Both steps as a coordinator runs them for a national term.
    time_it("groups for all + matching (ample), together", opt.repeat, [&] {
        grouping = form_supervision_groups(candidates, {6, 8, true});
        matching = match_mentors(adepts, mentors);
    });

    if (opt.report) {
        // A national population of newcomers (employed over four years) on one date.
        const Program gr = Program::builtin("gr-barn-unga");
        CoordinationRequest request;
        request.as_of = Date::from_ymd(2026, 12, 1);
        request.term = {Date::from_ymd(2027, 1, 1), Date::from_ymd(2027, 7, 1)};
        for (std::size_t i = 0; i < muni_of.size(); ++i) {
            PersonRecord p;
            p.id = person_id(i);
            p.municipality = muni_of[i];
            p.employment_start = Date::from_ymd(2022, 12, 1).add_days(static_cast<int>(rng() % (4 * 365)));
            if (rng() % 2) p.people["introduktor"] = "i-" + std::to_string(i / 3);
            request.persons.push_back(std::move(p));
        }
        for (std::size_t i = 0; i < 5000; ++i)
            request.mentors.push_back({"m-" + std::to_string(i), municipality_name(1 + static_cast<int>(rng() % 290)),
                                       Date::from_ymd(2005, 1, 1).add_days(static_cast<int>(rng() % 5000)), 0, 2});
        CoordinationReport report;
        std::printf("the coordinator's report (every person evaluated, both cores):\n");
        time_it("coordinate, national population", std::min(opt.repeat, 3), [&] { report = coordinate(gr, request); });
        std::size_t groups = 0, pairs = 0;
        for (const auto& s : report.supervision) groups += s.grouping.groups.size();
        for (const auto& m : report.mentoring) pairs += m.matching.pairs.size();
        std::printf("    %zu course starts, %zu supervision groups, %zu mentor pairs, %zu windows passed\n",
                    report.course_starts.size(), groups, pairs, report.windows_passed.size());
        time_it("to_json of that report", std::min(opt.repeat, 3), [&] { (void)report.to_json(); });
    }
    return 0;
}
