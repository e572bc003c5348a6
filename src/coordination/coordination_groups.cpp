// R5 group formation: groups of min_size..max_size that mix municipalities.
//
// The objective and the proof that this reaches it are in
// docs/coordination.md; in short, with k groups a municipality of c people
// adds at least the pairs of spreading c as evenly as possible over k groups,
// and dealing people out to the k groups in turn, one municipality after
// another, meets that bound for every municipality at once with group sizes
// that differ by at most one. What remains is choosing k and, when not
// everyone fits, whom to leave out.
#include <algorithm>
#include <numeric>

#include "yrkesresan/coordination.hpp"
#include "yrkesresan/error.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace {

std::int64_t pairs_of(std::int64_t c) { return c * (c - 1) / 2; }

// Pairs when c people are spread as evenly as possible over k groups.
std::int64_t even_spread_pairs(std::int64_t c, std::int64_t k) {
    const std::int64_t q = c / k, r = c % k;
    return r * pairs_of(q + 1) + (k - r) * pairs_of(q);
}

// The least pairs with k groups: municipalities of at most k people add none,
// so only the head of the counts (sorted descending) is read.
std::int64_t lower_bound_pairs(const std::vector<std::int64_t>& counts_desc, std::int64_t k) {
    std::int64_t total = 0;
    for (std::int64_t c : counts_desc) {
        if (c <= k) break;
        total += even_spread_pairs(c, k);
    }
    return total;
}

// start_by ascending with none last, then id: who is placed first.
bool placed_before(const GroupingCandidate& a, const GroupingCandidate& b) {
    if (a.start_by != b.start_by) {
        if (!a.start_by) return false;
        if (!b.start_by) return true;
        return *a.start_by < *b.start_by;
    }
    return a.id < b.id;
}

void check_unique_ids(const std::vector<std::size_t>& by_id, const std::vector<std::string>& ids, const char* table) {
    for (std::size_t i = 1; i < by_id.size(); ++i)
        if (ids[by_id[i]] == ids[by_id[i - 1]])
            throw Error(ErrorCode::duplicate_id, std::string("/") + table + "/" + std::to_string(by_id[i]) + "/id",
                        "the id is given to another entry of the same list");
}

}  // namespace

bool better(const GroupingObjective& a, const GroupingObjective& b) noexcept {
    if (a.placed != b.placed) return a.placed > b.placed;
    if (a.same_municipality_pairs != b.same_municipality_pairs)
        return a.same_municipality_pairs < b.same_municipality_pairs;
    if (a.size_spread != b.size_spread) return a.size_spread < b.size_spread;
    return a.groups < b.groups;
}

std::string_view to_string(UnplacedReason reason) noexcept {
    switch (reason) {
        case UnplacedReason::too_few_people: return "too_few_people";
        case UnplacedReason::groups_full: return "groups_full";
    }
    return "";
}

GroupingResult form_supervision_groups(const std::vector<GroupingCandidate>& candidates, const GroupSpec& spec) {
    if (spec.min_size < 1 || spec.max_size < spec.min_size)
        throw Error(ErrorCode::invalid_value, "/group",
                    "group sizes must satisfy 1 <= min_size <= max_size");
    const std::size_t n = candidates.size();
    std::vector<std::size_t> by_id(n);
    std::iota(by_id.begin(), by_id.end(), std::size_t{0});
    {
        std::vector<std::string> ids(n);
        for (std::size_t i = 0; i < n; ++i) ids[i] = candidates[i].id;
        std::stable_sort(by_id.begin(), by_id.end(), [&](std::size_t a, std::size_t b) { return ids[a] < ids[b]; });
        check_unique_ids(by_id, ids, "candidates");
    }

    // Municipalities as codes in name order (the real ones, for reporting).
    std::vector<std::string> names;
    names.reserve(n);
    for (const auto& c : candidates) names.push_back(c.municipality);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::vector<std::uint32_t> code(n);
    for (std::size_t i = 0; i < n; ++i)
        code[i] = static_cast<std::uint32_t>(std::lower_bound(names.begin(), names.end(), candidates[i].municipality) -
                                             names.begin());

    // The members of each mixing class in placement order. Without mixing
    // every candidate is a class of its own: the objective then has no pairs.
    const std::size_t classes = spec.mix_municipalities ? names.size() : n;
    std::vector<std::vector<std::size_t>> members(classes);
    for (std::size_t i = 0; i < n; ++i) members[spec.mix_municipalities ? code[i] : i].push_back(i);
    for (auto& m : members)
        std::sort(m.begin(), m.end(),
                  [&](std::size_t a, std::size_t b) { return placed_before(candidates[a], candidates[b]); });

    GroupingResult result;
    const std::int64_t a = spec.min_size, b = spec.max_size, total = static_cast<std::int64_t>(n);
    if (total < a) {
        for (std::size_t i : by_id) result.unplaced.push_back({i, UnplacedReason::too_few_people});
        return result;
    }

    // (1) Most people placed: k groups hold between k*a and k*b people, so
    // k_max = floor(N/a) groups place min(N, k_max*b), and no other k does as well.
    const std::int64_t k_max = total / a;
    const std::int64_t placed = std::min(total, k_max * b);
    std::int64_t k = k_max;
    std::vector<std::int64_t> keep(classes);
    for (std::size_t j = 0; j < classes; ++j) keep[j] = static_cast<std::int64_t>(members[j].size());

    if (placed < total) {
        // Only k_max groups, all full, place that many. Pairs are convex in a
        // municipality's size, so leaving out one person at a time from the
        // largest municipality is optimal (docs/coordination.md). Ties: the
        // municipality whose last person in placement order starts latest.
        for (std::int64_t left = total - placed; left > 0; --left) {
            std::size_t worst = classes;
            for (std::size_t j = 0; j < classes; ++j) {
                if (keep[j] == 0) continue;
                if (worst == classes || keep[j] > keep[worst]) {
                    worst = j;
                } else if (keep[j] == keep[worst]) {
                    const auto& x = candidates[members[j][static_cast<std::size_t>(keep[j] - 1)]];
                    const auto& y = candidates[members[worst][static_cast<std::size_t>(keep[worst] - 1)]];
                    if (placed_before(y, x)) worst = j;
                }
            }
            --keep[worst];
        }
    } else {
        // Everyone fits; any k in [ceil(N/b), floor(N/a)] works. (2) The least
        // pairs with k groups never grows with k, so the fewest pairs are
        // those of k_max; among the k that reach them, (3) sizes that differ
        // least (0 when k divides N, else 1), then (4) the fewest groups.
        std::vector<std::int64_t> counts_desc(keep);
        std::sort(counts_desc.begin(), counts_desc.end(), std::greater<>());
        const std::int64_t k_min = (total + b - 1) / b;
        const std::int64_t best_pairs = lower_bound_pairs(counts_desc, k_max);
        for (std::int64_t kk = k_max; kk >= k_min && lower_bound_pairs(counts_desc, kk) == best_pairs; --kk) {
            const bool even = total % kk == 0, best_even = total % k == 0;
            if (even || !best_even) k = kk;
        }
    }

    // Deal: classes largest first (then by name), each in placement order,
    // to groups 0, 1, ..., k-1, 0, 1, ... continuing where the last one ended.
    std::vector<std::size_t> order(classes);
    if (spec.mix_municipalities) std::iota(order.begin(), order.end(), std::size_t{0});
    else order = by_id;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return keep[x] > keep[y]; });
    result.groups.resize(static_cast<std::size_t>(k));
    std::int64_t position = 0;
    std::vector<char> is_placed(n, 0);
    for (std::size_t j : order) {
        for (std::int64_t t = 0; t < keep[j]; ++t, ++position) {
            const std::size_t person = members[j][static_cast<std::size_t>(t)];
            result.groups[static_cast<std::size_t>(position % k)].members.push_back(person);
            is_placed[person] = 1;
        }
    }

    // Report with the real municipalities.
    std::vector<std::int64_t> in_group(names.size(), 0);
    std::vector<std::int64_t> placed_per_municipality(names.size(), 0);
    int smallest = static_cast<int>(b), largest = 0;
    for (auto& g : result.groups) {
        std::sort(g.members.begin(), g.members.end(),
                  [&](std::size_t x, std::size_t y) { return candidates[x].id < candidates[y].id; });
        for (std::size_t p : g.members) ++in_group[code[p]];
        for (std::size_t p : g.members) {
            std::int64_t& c = in_group[code[p]];
            if (c == 0) continue;  // counted already
            g.same_municipality_pairs += pairs_of(c);
            ++g.municipalities;
            placed_per_municipality[code[p]] += c;
            c = 0;
        }
        const int size = static_cast<int>(g.members.size());
        smallest = std::min(smallest, size);
        largest = std::max(largest, size);
        result.objective.same_municipality_pairs += g.same_municipality_pairs;
    }
    for (std::int64_t c : placed_per_municipality)
        result.pairs_lower_bound += c > k_max ? even_spread_pairs(c, k_max) : 0;
    result.objective.placed = static_cast<int>(placed);
    result.objective.groups = static_cast<int>(k);
    result.objective.size_spread = largest - smallest;
    for (std::size_t i : by_id)
        if (!is_placed[i]) result.unplaced.push_back({i, UnplacedReason::groups_full});
    return result;
}

YRKESRESAN_END_NAMESPACE
