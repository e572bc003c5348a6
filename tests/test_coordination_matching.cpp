// R6 mentor matching (docs/coordination.md): a maximum b-matching across
// municipalities to more experienced mentors, checked against exhaustive
// search; unmatched adepts explained.
#include <algorithm>
#include <functional>
#include <random>
#include <set>

#include <catch2/catch.hpp>

#include "support.hpp"
#include "yrkesresan/coordination.hpp"

using namespace yr_test;

namespace {

bool allowed(const MentorAdept& a, const MentorOffer& m, const MatchingRules& rules) {
    return (!rules.other_municipality || a.municipality != m.municipality) &&
           (!rules.more_experienced || m.experience_months > a.experience_months);
}

// The objective of a matching: the number matched, then how many of each
// experience value, most experienced first (their mentor window closes soonest).
std::vector<int> objective_of(const std::vector<MentorAdept>& adepts, const std::vector<bool>& matched) {
    std::vector<int> months;
    for (const auto& a : adepts) months.push_back(a.experience_months);
    std::sort(months.begin(), months.end(), std::greater<>());
    months.erase(std::unique(months.begin(), months.end()), months.end());
    std::vector<int> out(1 + months.size(), 0);
    for (std::size_t i = 0; i < adepts.size(); ++i) {
        if (!matched[i]) continue;
        ++out[0];
        ++out[1 + static_cast<std::size_t>(std::find(months.begin(), months.end(), adepts[i].experience_months) -
                                           months.begin())];
    }
    return out;
}

// Exhaustive: each adept to no one or to an allowed mentor with capacity left;
// the lexicographically best objective_of.
std::vector<int> brute_force(const std::vector<MentorAdept>& adepts, const std::vector<MentorOffer>& mentors,
                             const MatchingRules& rules) {
    std::vector<int> left;
    for (const auto& m : mentors) left.push_back(m.capacity);
    std::vector<bool> matched(adepts.size(), false);
    std::vector<int> best = objective_of(adepts, matched);
    std::function<void(std::size_t)> go = [&](std::size_t i) {
        if (i == adepts.size()) {
            best = std::max(best, objective_of(adepts, matched));
            return;
        }
        go(i + 1);
        for (std::size_t m = 0; m < mentors.size(); ++m)
            if (left[m] > 0 && allowed(adepts[i], mentors[m], rules)) {
                --left[m];
                matched[i] = true;
                go(i + 1);
                matched[i] = false;
                ++left[m];
                if (rules.more_experienced || rules.other_municipality) continue;
                break;  // without rules every mentor is alike for this adept
            }
    };
    go(0);
    return best;
}

void check_valid(const std::vector<MentorAdept>& adepts, const std::vector<MentorOffer>& mentors,
                 const MatchingRules& rules, const MatchingResult& r) {
    std::vector<int> used(mentors.size(), 0);
    std::set<std::size_t> seen;
    for (const auto& p : r.pairs) {
        REQUIRE(seen.insert(p.adept).second);
        REQUIRE(allowed(adepts[p.adept], mentors[p.mentor], rules));
        ++used[p.mentor];
    }
    for (std::size_t m = 0; m < mentors.size(); ++m) {
        REQUIRE(used[m] <= mentors[m].capacity);
        CHECK(r.remaining_capacity[m] == mentors[m].capacity - used[m]);
    }
    for (const auto& u : r.unmatched) {
        REQUIRE(seen.insert(u.adept).second);
        int eligible = 0, free = 0;
        for (std::size_t m = 0; m < mentors.size(); ++m)
            if (mentors[m].capacity > 0 && allowed(adepts[u.adept], mentors[m], rules)) {
                ++eligible;
                free += r.remaining_capacity[m];
            }
        CHECK(u.eligible_mentors == eligible);
        CHECK(u.reason == (eligible ? UnmatchedReason::mentors_at_capacity : UnmatchedReason::no_eligible_mentor));
        CHECK(free == 0);  // otherwise the matching would not be maximal
    }
    REQUIRE(seen.size() == adepts.size());
}

MentorAdept adept(std::string id, std::string municipality, int months) {
    return {std::move(id), std::move(municipality), months, std::nullopt};
}

}  // namespace

TEST_CASE("Random small cases match as many adepts as exhaustive search, the most experienced first",
          "[coordination][R6]") {
    std::mt19937 rng(20261122);
    const MatchingRules variants[] = {{true, true}, {true, false}, {false, true}, {false, false}};
    for (int round = 0; round < 1500; ++round) {
        const MatchingRules rules = variants[round % 4 == 3 ? 1 + rng() % 3 : 0];
        const int municipalities = 1 + static_cast<int>(rng() % 4);
        std::vector<MentorAdept> adepts;
        std::vector<MentorOffer> mentors;
        const int na = static_cast<int>(rng() % 8), nm = static_cast<int>(rng() % 5);
        for (int i = 0; i < na; ++i)
            adepts.push_back(adept("a" + std::to_string(i), "k" + std::to_string(rng() % municipalities),
                                   24 + static_cast<int>(rng() % 6)));
        for (int i = 0; i < nm; ++i)
            mentors.push_back({"m" + std::to_string(i), "k" + std::to_string(rng() % municipalities),
                               24 + static_cast<int>(rng() % 10), static_cast<int>(rng() % 4)});
        const MatchingResult r = match_mentors(adepts, mentors, rules);
        INFO("round " << round);
        check_valid(adepts, mentors, rules, r);
        std::vector<bool> matched(adepts.size(), false);
        for (const auto& p : r.pairs) matched[p.adept] = true;
        CHECK(objective_of(adepts, matched) == brute_force(adepts, mentors, rules));
    }
}

TEST_CASE("A greedy choice that blocks a later adept is not made", "[coordination][R6]") {
    // a1 (k1) can take m1 (k2) or m2 (k3); a2 (k2) only m2. Both are matched.
    const std::vector<MentorAdept> adepts{adept("a1", "k1", 30), adept("a2", "k2", 30)};
    const std::vector<MentorOffer> mentors{{"m1", "k2", 60, 1}, {"m2", "k3", 60, 1}};
    const auto r = match_mentors(adepts, mentors);
    REQUIRE(r.pairs.size() == 2);
    CHECK(r.pairs[0].mentor == 0);
    CHECK(r.pairs[1].mentor == 1);
}

TEST_CASE("Unmatched adepts say why: no eligible mentor, or all capacity used", "[coordination][R6]") {
    const std::vector<MentorAdept> adepts{adept("a1", "kungalv", 30), adept("a2", "kungalv", 31),
                                          adept("a3", "ale", 35), adept("a4", "molndal", 30)};
    // Only one mentor elsewhere than kungalv with more experience, capacity 1;
    // the one in kungalv cannot take kungalv's adepts; nobody beats a3's 35 months but m-ale (same municipality).
    const std::vector<MentorOffer> mentors{{"m-ale", "ale", 40, 1}, {"m-kungalv", "kungalv", 34, 3}};
    const auto r = match_mentors(adepts, mentors);
    check_valid(adepts, mentors, {}, r);
    CHECK(r.pairs.size() == 2);  // one kungalv adept with m-ale, a4 with m-kungalv
    REQUIRE(r.unmatched.size() == 2);
    CHECK(adepts[r.unmatched[0].adept].id < adepts[r.unmatched[1].adept].id);
    for (const auto& u : r.unmatched) {
        if (adepts[u.adept].id == "a3") {
            CHECK(u.reason == UnmatchedReason::no_eligible_mentor);
        } else {
            CHECK(u.reason == UnmatchedReason::mentors_at_capacity);
            CHECK(u.eligible_mentors == 1);
        }
    }
}

TEST_CASE("Mentors of one kind take turns before anyone gets a second adept", "[coordination][R6]") {
    std::vector<MentorAdept> adepts;
    for (int i = 0; i < 3; ++i) adepts.push_back(adept("a" + std::to_string(i), "k1", 30));
    const std::vector<MentorOffer> mentors{{"m1", "k2", 60, 3}, {"m2", "k2", 60, 3}, {"m3", "k2", 60, 3}};
    const auto r = match_mentors(adepts, mentors);
    for (int left : r.remaining_capacity) CHECK(left == 2);
}

TEST_CASE("Matching is the same whatever the input order", "[coordination][R6]") {
    std::mt19937 rng(3);
    std::vector<MentorAdept> adepts;
    std::vector<MentorOffer> mentors;
    for (int i = 0; i < 40; ++i)
        adepts.push_back(adept("a" + std::to_string(i), "k" + std::to_string(rng() % 5), 24 + static_cast<int>(rng() % 12)));
    for (int i = 0; i < 12; ++i)
        mentors.push_back({"m" + std::to_string(i), "k" + std::to_string(rng() % 5), 30 + static_cast<int>(rng() % 40), 2});
    auto pairs_of = [](const std::vector<MentorAdept>& a, const std::vector<MentorOffer>& m, const MatchingResult& r) {
        std::set<std::pair<std::string, std::string>> out;
        for (const auto& p : r.pairs) out.emplace(a[p.adept].id, m[p.mentor].id);
        return out;
    };
    const auto expected = pairs_of(adepts, mentors, match_mentors(adepts, mentors));
    for (int i = 0; i < 5; ++i) {
        std::shuffle(adepts.begin(), adepts.end(), rng);
        std::shuffle(mentors.begin(), mentors.end(), rng);
        CHECK(pairs_of(adepts, mentors, match_mentors(adepts, mentors)) == expected);
    }
}

TEST_CASE("Mentor input errors name the entry", "[coordination][R6]") {
    const std::vector<MentorAdept> adepts{adept("a1", "k1", 30), adept("a1", "k2", 30)};
    CHECK(expect_error([&] { match_mentors(adepts, {}); }).path() == "/adepts/1/id");
    const std::vector<MentorOffer> mentors{{"m1", "k2", 60, -1}};
    CHECK(expect_error([&] { match_mentors({}, mentors); }).path() == "/mentors/0/capacity");
    CHECK(match_mentors({}, {}).pairs.empty());
}
