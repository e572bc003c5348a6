// R5 group formation (docs/coordination.md): the algorithm reaches the
// lexicographic optimum (placed, same-municipality pairs, size spread, groups)
// that exhaustive search finds, on adversarial and random small cases.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <random>
#include <set>

#include <catch2/catch.hpp>

#include "support.hpp"
#include "yrkesresan/coordination.hpp"

using namespace yr_test;

namespace {

std::vector<GroupingCandidate> people(const std::vector<int>& counts) {
    // counts[j] people from municipality "k<j>"; ids p-000, p-001, ...
    std::vector<GroupingCandidate> out;
    for (std::size_t j = 0; j < counts.size(); ++j)
        for (int i = 0; i < counts[j]; ++i) {
            char id[16];
            std::snprintf(id, sizeof id, "p-%03zu", out.size());
            out.push_back({id, "k" + std::to_string(j), std::nullopt});
        }
    return out;
}

std::int64_t pairs(std::int64_t c) { return c * (c - 1) / 2; }

GroupingObjective objective_of(const std::vector<std::vector<int>>& groups_municipalities) {
    GroupingObjective o;
    int smallest = 1 << 30, largest = 0;
    for (const auto& g : groups_municipalities) {
        std::map<int, std::int64_t> count;
        for (int m : g) ++count[m];
        for (const auto& kv : count) o.same_municipality_pairs += pairs(kv.second);
        o.placed += static_cast<int>(g.size());
        smallest = std::min(smallest, static_cast<int>(g.size()));
        largest = std::max(largest, static_cast<int>(g.size()));
    }
    o.groups = static_cast<int>(groups_municipalities.size());
    o.size_spread = groups_municipalities.empty() ? 0 : largest - smallest;
    return o;
}

// Exhaustive over people: every person unplaced or in a group (groups in
// canonical order: a new group is opened only after the existing ones),
// every group of size [a, b]. Pairs are counted as people are added.
GroupingObjective brute_force_people(const std::vector<int>& municipality, int a, int b) {
    const int n = static_cast<int>(municipality.size());
    int municipalities = 0;
    for (int m : municipality) municipalities = std::max(municipalities, m + 1);
    std::vector<std::vector<int>> count;  // per group, per municipality
    std::vector<int> size;
    GroupingObjective best;
    bool any = false;
    std::function<void(int, int, std::int64_t)> go = [&](int i, int placed, std::int64_t pairs_so_far) {
        if (i == n) {
            GroupingObjective o;
            int smallest = 1 << 30, largest = 0;
            for (int s : size) {
                if (s < a) return;
                smallest = std::min(smallest, s);
                largest = std::max(largest, s);
            }
            o.placed = placed;
            o.same_municipality_pairs = pairs_so_far;
            o.groups = static_cast<int>(size.size());
            o.size_spread = size.empty() ? 0 : largest - smallest;
            if (!any || better(o, best)) best = o, any = true;
            return;
        }
        const int m = municipality[static_cast<std::size_t>(i)];
        go(i + 1, placed, pairs_so_far);  // unplaced
        for (std::size_t g = 0; g < size.size(); ++g)
            if (size[g] < b) {
                const int before = count[g][static_cast<std::size_t>(m)]++;
                ++size[g];
                go(i + 1, placed + 1, pairs_so_far + before);
                --size[g];
                --count[g][static_cast<std::size_t>(m)];
            }
        count.emplace_back(static_cast<std::size_t>(municipalities), 0);
        count.back()[static_cast<std::size_t>(m)] = 1;
        size.push_back(1);
        go(i + 1, placed + 1, pairs_so_far);
        size.pop_back();
        count.pop_back();
    };
    go(0, 0, 0);
    return best;
}

// Exhaustive over counts: people of one municipality are interchangeable, so
// every k and every matrix x[g][j] (plus the unplaced of each municipality)
// covers every partition. Groups are interchangeable, so only matrices whose
// columns (groups) are in non-increasing lexicographic order are visited.
// Reaches larger N than brute_force_people.
GroupingObjective brute_force_counts(const std::vector<int>& counts, int a, int b) {
    int n = 0;
    for (int c : counts) n += c;
    GroupingObjective best;
    bool any = false;
    for (int k = 0; k * a <= n; ++k) {
        std::vector<std::vector<int>> x(static_cast<std::size_t>(k), std::vector<int>(counts.size(), 0));
        std::vector<int> size(static_cast<std::size_t>(k), 0);
        // tied[g]: group g equals group g-1 in every municipality so far.
        std::vector<char> tied(static_cast<std::size_t>(k), 1);
        // Municipality j, group g: how many of j's remaining people go to g.
        std::function<void(std::size_t, int, int)> go = [&](std::size_t j, int g, int left) {
            if (j == counts.size()) {
                GroupingObjective o;
                int smallest = 1 << 30, largest = 0;
                for (int gg = 0; gg < k; ++gg) {
                    if (size[gg] < a) return;
                    for (int v : x[gg]) o.same_municipality_pairs += pairs(v);
                    o.placed += size[gg];
                    smallest = std::min(smallest, size[gg]);
                    largest = std::max(largest, size[gg]);
                }
                o.groups = k;
                o.size_spread = k ? largest - smallest : 0;
                if (!any || better(o, best)) best = o, any = true;
                return;
            }
            if (g == k) {  // the rest of j stays unplaced
                std::vector<char> saved = tied;
                for (int gg = 1; gg < k; ++gg) tied[gg] = tied[gg] && x[gg][j] == x[gg - 1][j];
                go(j + 1, 0, j + 1 < counts.size() ? counts[j + 1] : 0);
                tied = saved;
                return;
            }
            const int cap = g > 0 && tied[g] ? std::min(left, x[g - 1][j]) : left;
            for (int v = 0; v <= cap && size[g] + v <= b; ++v) {
                x[g][j] = v;
                size[g] += v;
                go(j, g + 1, left - v);
                size[g] -= v;
                x[g][j] = 0;
            }
        };
        go(0, 0, counts.empty() ? 0 : counts[0]);
    }
    return best;
}

// The result is a valid grouping and its stated objective is its own.
void check_valid(const std::vector<GroupingCandidate>& cands, const GroupSpec& spec, const GroupingResult& r) {
    std::set<std::size_t> seen;
    std::vector<std::vector<int>> gm;
    std::map<std::string, int> code;
    for (const auto& c : cands) code.emplace(c.municipality, static_cast<int>(code.size()));
    for (const auto& g : r.groups) {
        REQUIRE(static_cast<int>(g.members.size()) >= spec.min_size);
        REQUIRE(static_cast<int>(g.members.size()) <= spec.max_size);
        gm.emplace_back();
        std::set<std::string> munis;
        for (std::size_t p : g.members) {
            REQUIRE(seen.insert(p).second);
            gm.back().push_back(code[cands[p].municipality]);
            munis.insert(cands[p].municipality);
        }
        CHECK(g.municipalities == static_cast<int>(munis.size()));
        CHECK(std::is_sorted(g.members.begin(), g.members.end(),
                             [&](std::size_t x, std::size_t y) { return cands[x].id < cands[y].id; }));
    }
    for (const auto& u : r.unplaced) REQUIRE(seen.insert(u.candidate).second);
    REQUIRE(seen.size() == cands.size());
    const GroupingObjective o = objective_of(gm);
    CHECK(o.placed == r.objective.placed);
    CHECK(o.same_municipality_pairs == r.objective.same_municipality_pairs);
    CHECK(o.size_spread == r.objective.size_spread);
    CHECK(o.groups == r.objective.groups);
    if (spec.mix_municipalities) CHECK(r.objective.same_municipality_pairs == r.pairs_lower_bound);
}

void check_optimal(const std::vector<int>& counts, int a, int b, bool people_too) {
    const auto cands = people(counts);
    const GroupSpec spec{a, b, true};
    const GroupingResult r = form_supervision_groups(cands, spec);
    INFO("a=" << a << " b=" << b << " counts=" << ::Catch::Detail::stringify(counts));
    check_valid(cands, spec, r);
    const GroupingObjective bf = brute_force_counts(counts, a, b);
    CHECK(r.objective.placed == bf.placed);
    CHECK(r.objective.same_municipality_pairs == bf.same_municipality_pairs);
    CHECK(r.objective.size_spread == bf.size_spread);
    CHECK(r.objective.groups == bf.groups);
    if (people_too) {
        std::vector<int> municipality;
        for (std::size_t j = 0; j < counts.size(); ++j)
            for (int i = 0; i < counts[j]; ++i) municipality.push_back(static_cast<int>(j));
        const GroupingObjective bp = brute_force_people(municipality, a, b);
        CHECK(bp.placed == bf.placed);
        CHECK(bp.same_municipality_pairs == bf.same_municipality_pairs);
        CHECK(bp.size_spread == bf.size_spread);
        CHECK(bp.groups == bf.groups);
    }
}

}  // namespace

TEST_CASE("GR groups of 6-8 with one municipality holding most people reach the exhaustive optimum",
          "[coordination][R5]") {
    // N = 5, 6, 9, 13, 15, 17: one municipality holds all but two, all but
    // one, or everyone; and a second distribution with two large ones.
    for (int n : {5, 6, 9, 13, 15, 17}) {
        check_optimal({n}, 6, 8, n <= 12);
        check_optimal({n - 1, 1}, 6, 8, n <= 12);
        check_optimal({n - 2, 1, 1}, 6, 8, n <= 12);
        check_optimal({n - n / 3, n / 3}, 6, 8, n <= 12);
        std::vector<int> spread(static_cast<std::size_t>(n), 1);  // everyone from a different municipality
        check_optimal({n - 3, 1, 1, 1}, 6, 8, n <= 12);
        const auto r = form_supervision_groups(people(spread), {6, 8, true});
        CHECK(r.objective.same_municipality_pairs == 0);
    }
}

TEST_CASE("The worked adversarial cases: who is placed, where, and why not", "[coordination][R5]") {
    SECTION("N = 5: no group can be formed") {
        const auto r = form_supervision_groups(people({3, 2}), {6, 8, true});
        CHECK(r.groups.empty());
        REQUIRE(r.unplaced.size() == 5);
        for (const auto& u : r.unplaced) CHECK(u.reason == UnplacedReason::too_few_people);
    }
    SECTION("N = 6 from one municipality: one group, 15 pairs unavoidable") {
        const auto r = form_supervision_groups(people({6}), {6, 8, true});
        REQUIRE(r.groups.size() == 1);
        CHECK(r.objective.same_municipality_pairs == 15);
        CHECK(r.pairs_lower_bound == 15);
    }
    SECTION("N = 13, 11 from one municipality: two groups of 6 and 7, the two others apart") {
        const auto cands = people({11, 1, 1});
        const auto r = form_supervision_groups(cands, {6, 8, true});
        REQUIRE(r.groups.size() == 2);
        CHECK(r.unplaced.empty());
        // 11 spread 6+5 or 5+6: 15 + 10 = 25 pairs.
        CHECK(r.objective.same_municipality_pairs == 25);
        for (const auto& g : r.groups) CHECK(g.municipalities == 2);
    }
    SECTION("N = 17: two full groups; the one left out is from the largest municipality, the latest to start") {
        auto cands = people({13, 2, 2});
        for (std::size_t i = 0; i < 13; ++i) cands[i].start_by = d("2027-06-30").add_days(static_cast<int>(i));
        const auto r = form_supervision_groups(cands, {6, 8, true});
        REQUIRE(r.groups.size() == 2);
        for (const auto& g : r.groups) CHECK(g.members.size() == 8);
        REQUIRE(r.unplaced.size() == 1);
        CHECK(r.unplaced[0].reason == UnplacedReason::groups_full);
        CHECK(cands[r.unplaced[0].candidate].id == "p-012");  // k0's latest start_by
        // 12 of k0 spread 6+6 = 30 pairs; k1 and k2 split 1+1.
        CHECK(r.objective.same_municipality_pairs == 30);
    }
    SECTION("N = 15 in two groups of 8 and 7; N = 9 fills one group of 8 and leaves one out") {
        const auto r15 = form_supervision_groups(people({12, 3}), {6, 8, true});
        REQUIRE(r15.groups.size() == 2);
        CHECK(r15.objective.size_spread == 1);
        CHECK(r15.objective.same_municipality_pairs == 2 * pairs(6) + pairs(2));
        const auto r9 = form_supervision_groups(people({8, 1}), {6, 8, true});
        REQUIRE(r9.groups.size() == 1);
        REQUIRE(r9.unplaced.size() == 1);
        CHECK(r9.unplaced[0].reason == UnplacedReason::groups_full);
        CHECK(r9.objective.same_municipality_pairs == pairs(7));  // the one left out is from the 8
    }
}

TEST_CASE("Random small cases reach the optimum of exhaustive search over people and over counts",
          "[coordination][R5]") {
    std::mt19937 rng(20261122);  // seeded: the same cases every run
    const std::vector<std::pair<int, int>> specs{{2, 3}, {3, 4}, {2, 4}, {3, 5}, {4, 4}, {6, 8}, {1, 2}, {2, 2}};
    for (int round = 0; round < 400; ++round) {
        const auto [a, b] = specs[static_cast<std::size_t>(round) % specs.size()];
        const int municipalities = 1 + static_cast<int>(rng() % 5);
        const int n = static_cast<int>(rng() % 11);  // 0..10 people
        std::vector<int> counts(static_cast<std::size_t>(municipalities), 0);
        // Skewed: the first municipality draws more often.
        for (int i = 0; i < n; ++i) {
            const auto j = (rng() % 3 == 0) ? 0u : rng() % static_cast<unsigned>(municipalities);
            ++counts[j];
        }
        counts.erase(std::remove(counts.begin(), counts.end(), 0), counts.end());
        check_optimal(counts, a, b, true);
    }
}

TEST_CASE("Larger cases (N up to 16) reach the optimum of exhaustive search over counts", "[coordination][R5]") {
    std::mt19937 rng(7);
    const std::vector<std::pair<int, int>> specs{{2, 3}, {3, 4}, {3, 5}, {6, 8}, {4, 6}};
    for (int round = 0; round < 60; ++round) {
        const auto [a, b] = specs[static_cast<std::size_t>(round) % specs.size()];
        const int n = 11 + static_cast<int>(rng() % 6);
        std::vector<int> counts(3, 0);
        for (int i = 0; i < n; ++i) ++counts[rng() % 2 == 0 ? 0 : rng() % 3];
        counts.erase(std::remove(counts.begin(), counts.end(), 0), counts.end());
        check_optimal(counts, a, b, false);
    }
}

TEST_CASE("Everyone from a different municipality: no pairs, even sizes, fewest groups", "[coordination][R5]") {
    // 48 people fit 6 groups of 8 or 8 of 6, both even: the fewest groups win.
    std::vector<int> spread(48, 1);
    const auto r = form_supervision_groups(people(spread), {6, 8, true});
    CHECK(r.objective.groups == 6);
    CHECK(r.objective.size_spread == 0);
    CHECK(r.objective.same_municipality_pairs == 0);
    // 40 from one municipality: 8 groups of 6 spread them 5 each, which beats 6 groups of 8.
    const auto heavy = form_supervision_groups(people({40, 1, 1, 1, 1, 1, 1, 1, 1}), {6, 8, true});
    CHECK(heavy.objective.groups == 8);
    CHECK(heavy.objective.same_municipality_pairs == 8 * pairs(5));
}

TEST_CASE("Groups are the same whatever the input order", "[coordination][R5]") {
    std::mt19937 rng(99);
    auto cands = people({9, 7, 5, 3, 2, 2, 1, 1, 1});
    const auto first = form_supervision_groups(cands, {6, 8, true});
    auto as_ids = [](const std::vector<GroupingCandidate>& c, const GroupingResult& r) {
        std::vector<std::vector<std::string>> out;
        for (const auto& g : r.groups) {
            out.emplace_back();
            for (auto p : g.members) out.back().push_back(c[p].id);
        }
        return out;
    };
    const auto expected = as_ids(cands, first);
    for (int i = 0; i < 5; ++i) {
        std::shuffle(cands.begin(), cands.end(), rng);
        CHECK(as_ids(cands, form_supervision_groups(cands, {6, 8, true})) == expected);
    }
}

TEST_CASE("Hundreds of people: valid, at the lower bound, sizes within one", "[coordination][R5]") {
    std::mt19937 rng(5);
    for (int round = 0; round < 30; ++round) {
        const int n = 50 + static_cast<int>(rng() % 400);
        std::vector<int> counts(13, 0);
        for (int i = 0; i < n; ++i) ++counts[rng() % 4 == 0 ? 0 : rng() % 13];
        counts.erase(std::remove(counts.begin(), counts.end(), 0), counts.end());
        const auto cands = people(counts);
        const GroupSpec spec{6, 8, true};
        const auto r = form_supervision_groups(cands, spec);
        check_valid(cands, spec, r);
        CHECK(r.objective.placed == n);
        CHECK(r.objective.size_spread <= 1);
    }
}

TEST_CASE("Without mixing, groups follow ids and pairs are only reported", "[coordination][R5]") {
    const auto cands = people({7, 7});
    const auto r = form_supervision_groups(cands, {6, 8, false});
    REQUIRE(r.groups.size() == 2);  // 14 = 7 + 7 (even) with the fewest groups
    CHECK(cands[r.groups[0].members[0]].id == "p-000");
    CHECK(r.objective.same_municipality_pairs >= r.pairs_lower_bound);
}

TEST_CASE("Invalid group specs and duplicate ids are input errors", "[coordination][R5]") {
    CHECK(expect_error([] { form_supervision_groups(people({3}), {0, 8, true}); }).code() == ErrorCode::invalid_value);
    CHECK(expect_error([] { form_supervision_groups(people({3}), {8, 6, true}); }).code() == ErrorCode::invalid_value);
    auto cands = people({2, 2});
    cands[3].id = cands[1].id;
    const Error e = expect_error([&] { form_supervision_groups(cands, {1, 2, true}); });
    CHECK(e.code() == ErrorCode::duplicate_id);
    CHECK(e.path() == "/candidates/3/id");
}
