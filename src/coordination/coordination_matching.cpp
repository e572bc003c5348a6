// R6 mentor matching: a maximum b-matching of adepts to mentors, each pair
// across municipalities and the mentor more experienced, as a maximum flow.
//
// Adepts of one (municipality, experience) are interchangeable, and so are
// mentors of one (municipality, level), a mentor's level being how many of
// the adepts' distinct experience values lie below its own. The flow runs
// over these classes, so its size does not grow with the population. "Any
// municipality but the adept's own" is reached through two chains per
// experience value, a prefix and a suffix over the municipalities, instead
// of an edge to every other municipality (docs/coordination.md).
#include <algorithm>
#include <limits>
#include <numeric>

#include "yrkesresan/coordination.hpp"
#include "yrkesresan/error.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace {

// Dinic's maximum flow on an adjacency array; edges come in (forward,
// reverse) pairs, e ^ 1 is the partner of e.
class MaxFlow {
public:
    static constexpr std::int64_t infinite = std::numeric_limits<std::int64_t>::max() / 4;

    explicit MaxFlow(std::size_t nodes) : first_(nodes, none) {}

    std::size_t add_node() {
        first_.push_back(none);
        return first_.size() - 1;
    }
    std::size_t add_edge(std::size_t from, std::size_t to, std::int64_t capacity) {
        const std::size_t e = to_.size();
        to_.push_back(to);
        cap_.push_back(capacity);
        next_.push_back(first_[from]);
        first_[from] = e;
        to_.push_back(from);
        cap_.push_back(0);
        next_.push_back(first_[to]);
        first_[to] = e + 1;
        original_.push_back(capacity);
        original_.push_back(0);
        return e;
    }
    std::int64_t run(std::size_t source, std::size_t sink) {
        std::int64_t total = 0;
        while (levels(source, sink)) {
            current_ = first_;
            while (std::int64_t pushed = push(source, sink, infinite)) total += pushed;
        }
        return total;
    }
    // Flow on a forward edge.
    std::int64_t flow(std::size_t e) const { return original_[e] - cap_[e]; }
    std::size_t head(std::size_t e) const { return to_[e]; }
    std::size_t first(std::size_t node) const { return first_[node]; }
    std::size_t next(std::size_t e) const { return next_[e]; }
    bool forward(std::size_t e) const { return (e & 1u) == 0; }
    // Opens a forward edge that carries no flow yet to `capacity`.
    void open(std::size_t e, std::int64_t capacity) {
        cap_[e] = capacity;
        original_[e] = capacity;
    }
    // Takes back `amount` of flow from a forward edge (path decomposition).
    void take(std::size_t e, std::int64_t amount) { cap_[e] += amount; }

    static constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

private:
    bool levels(std::size_t source, std::size_t sink) {
        level_.assign(first_.size(), -1);
        std::vector<std::size_t> queue{source};
        level_[source] = 0;
        for (std::size_t q = 0; q < queue.size(); ++q) {
            const std::size_t u = queue[q];
            for (std::size_t e = first_[u]; e != none; e = next_[e])
                if (cap_[e] > 0 && level_[to_[e]] < 0) {
                    level_[to_[e]] = level_[u] + 1;
                    queue.push_back(to_[e]);
                }
        }
        return level_[sink] >= 0;
    }
    // The graph is acyclic with paths of a few hundred nodes at most, so the
    // recursion stays shallow.
    std::int64_t push(std::size_t u, std::size_t sink, std::int64_t limit) {
        if (u == sink) return limit;
        for (std::size_t& e = current_[u]; e != none; e = next_[e]) {
            const std::size_t v = to_[e];
            if (cap_[e] <= 0 || level_[v] != level_[u] + 1) continue;
            if (std::int64_t got = push(v, sink, std::min(limit, cap_[e]))) {
                cap_[e] -= got;
                cap_[e ^ 1u] += got;
                return got;
            }
        }
        return 0;
    }

    std::vector<std::size_t> first_, to_, next_, current_;
    std::vector<std::int64_t> cap_, original_;
    std::vector<int> level_;
};

template <class T>
std::vector<std::size_t> sorted_by_id(const std::vector<T>& rows, const char* table) {
    std::vector<std::size_t> order(rows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rows[a].id < rows[b].id; });
    for (std::size_t i = 1; i < order.size(); ++i)
        if (rows[order[i]].id == rows[order[i - 1]].id)
            throw Error(ErrorCode::duplicate_id, std::string("/") + table + "/" + std::to_string(order[i]) + "/id",
                        "the id is given to another entry of the same list");
    return order;
}

}  // namespace

std::string_view to_string(UnmatchedReason reason) noexcept {
    switch (reason) {
        case UnmatchedReason::no_eligible_mentor: return "no_eligible_mentor";
        case UnmatchedReason::mentors_at_capacity: return "mentors_at_capacity";
    }
    return "";
}

MatchingResult match_mentors(const std::vector<MentorAdept>& adepts, const std::vector<MentorOffer>& mentors,
                             const MatchingRules& rules) {
    for (std::size_t i = 0; i < mentors.size(); ++i)
        if (mentors[i].capacity < 0)
            throw Error(ErrorCode::invalid_value, "/mentors/" + std::to_string(i) + "/capacity",
                        "a mentor's capacity is zero or more");
    const std::vector<std::size_t> adept_order = sorted_by_id(adepts, "adepts");
    const std::vector<std::size_t> mentor_order = sorted_by_id(mentors, "mentors");

    MatchingResult result;
    result.remaining_capacity.resize(mentors.size());
    for (std::size_t i = 0; i < mentors.size(); ++i) result.remaining_capacity[i] = mentors[i].capacity;

    // Municipality codes in name order. Without the other-municipality rule
    // adepts get a code of their own that excludes no mentor.
    std::vector<std::string> names;
    for (const auto& m : mentors) names.push_back(m.municipality);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    const std::size_t m_count = names.size();
    auto code_of = [&](const std::string& municipality) {
        auto it = std::lower_bound(names.begin(), names.end(), municipality);
        return it != names.end() && *it == municipality ? static_cast<std::size_t>(it - names.begin()) : m_count;
    };

    // Experience levels: the adepts' distinct values. They also order who is
    // matched first (below), so they are kept when experience is no rule.
    auto adept_value = [](const MentorAdept& a) { return a.experience_months; };
    std::vector<int> values;
    for (const auto& a : adepts) values.push_back(adept_value(a));
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    const std::size_t levels = values.size();
    auto adept_level = [&](const MentorAdept& a) {
        return static_cast<std::size_t>(std::lower_bound(values.begin(), values.end(), adept_value(a)) - values.begin());
    };
    // A mentor serves the adepts of levels [0, mentor_level): those with less
    // experience, or all when experience is no rule.
    auto mentor_level = [&](const MentorOffer& m) {
        if (!rules.more_experienced) return levels;
        return static_cast<std::size_t>(std::lower_bound(values.begin(), values.end(), m.experience_months) -
                                        values.begin());
    };
    auto adept_code = [&](const MentorAdept& a) { return rules.other_municipality ? code_of(a.municipality) : m_count; };

    // Classes, each in the order its members are used.
    const std::size_t cells = m_count * levels;
    std::vector<std::vector<std::size_t>> adept_class(std::max<std::size_t>(1, (m_count + 1) * levels));
    for (std::size_t i : adept_order) adept_class[adept_code(adepts[i]) * levels + adept_level(adepts[i])].push_back(i);
    for (auto& c : adept_class)
        std::stable_sort(c.begin(), c.end(), [&](std::size_t x, std::size_t y) {
            const auto &p = adepts[x].start_by, &q = adepts[y].start_by;
            return p && (!q || *p < *q);
        });
    // mentor_class[code * levels + (level - 1)]: mentors of that level.
    std::vector<std::vector<std::size_t>> mentor_class(cells);
    for (std::size_t i : mentor_order) {
        const std::size_t lvl = mentor_level(mentors[i]);
        if (lvl > 0 && mentors[i].capacity > 0) mentor_class[code_of(mentors[i].municipality) * levels + lvl - 1].push_back(i);
    }
    // Mentors serving level t from municipality j, and from all: counts over levels.
    std::vector<int> serving_count(cells, 0), serving_count_all(levels, 0);
    for (std::size_t j = 0; j < m_count; ++j)
        for (std::size_t t = levels; t-- > 0;) {
            const int count = (t + 1 < levels ? serving_count[j * levels + t + 1] : 0) +
                              static_cast<int>(mentor_class[j * levels + t].size());
            serving_count[j * levels + t] = count;
            serving_count_all[t] += count;
        }

    // The network. C(j,t): mentors of municipality j serving level t;
    // P(j,t) / S(j,t): of municipalities 0..j / j..m-1.
    const std::size_t source = 0, sink = 1;
    auto C = [&](std::size_t j, std::size_t t) { return 2 + j * levels + t; };
    auto P = [&](std::size_t j, std::size_t t) { return 2 + cells + j * levels + t; };
    auto S = [&](std::size_t j, std::size_t t) { return 2 + 2 * cells + j * levels + t; };
    MaxFlow net(2 + 3 * cells);
    for (std::size_t j = 0; j < m_count; ++j)
        for (std::size_t t = 0; t < levels; ++t) {
            if (t + 1 < levels) net.add_edge(C(j, t), C(j, t + 1), MaxFlow::infinite);
            std::int64_t cap = 0;
            for (std::size_t i : mentor_class[j * levels + t]) cap += mentors[i].capacity;
            if (cap > 0) net.add_edge(C(j, t), sink, cap);
            net.add_edge(P(j, t), C(j, t), MaxFlow::infinite);
            if (j > 0) net.add_edge(P(j, t), P(j - 1, t), MaxFlow::infinite);
            net.add_edge(S(j, t), C(j, t), MaxFlow::infinite);
            if (j + 1 < m_count) net.add_edge(S(j, t), S(j + 1, t), MaxFlow::infinite);
        }
    struct AdeptNode {
        std::size_t cls, node, supply_edge;
    };
    std::vector<AdeptNode> adept_nodes;
    for (std::size_t cls = 0; cls < adept_class.size(); ++cls) {
        if (adept_class[cls].empty() || m_count == 0) continue;
        const std::size_t j = cls / levels, t = cls % levels;
        const std::size_t node = net.add_node();
        const std::size_t e = net.add_edge(source, node, 0);  // opened level by level below
        if (j >= m_count) {
            net.add_edge(node, P(m_count - 1, t), MaxFlow::infinite);
        } else {
            if (j > 0) net.add_edge(node, P(j - 1, t), MaxFlow::infinite);
            if (j + 1 < m_count) net.add_edge(node, S(j + 1, t), MaxFlow::infinite);
        }
        adept_nodes.push_back({cls, node, e});
    }
    // The most experienced first: their mentor window closes soonest. The
    // adepts of one level are let in together and the flow is augmented;
    // augmenting never unmatches an adept, so the matching ends maximum and,
    // among maximum matchings, has as many adepts as possible of the highest
    // level, then of the next (the greedy algorithm on a transversal matroid).
    for (std::size_t t = levels; t-- > 0;) {
        for (const AdeptNode& an : adept_nodes)
            if (an.cls % levels == t) net.open(an.supply_edge, static_cast<std::int64_t>(adept_class[an.cls].size()));
        net.run(source, sink);
    }

    // Decompose the flow into (adept class, mentor cell, amount) along paths
    // from each adept node, then give out people in class order; mentors of
    // one cell take turns, so the load spreads before anyone's second adept.
    std::vector<std::size_t> next_adept(adept_class.size(), 0);
    std::vector<std::size_t> turn(cells, 0);
    std::vector<std::size_t> path;
    for (const AdeptNode& an : adept_nodes) {
        while (net.flow(an.supply_edge) > 0) {
            path.clear();
            std::size_t u = an.node;
            std::int64_t amount = net.flow(an.supply_edge);
            while (u != sink) {
                std::size_t e = net.first(u);
                while (e != MaxFlow::none && !(net.forward(e) && net.flow(e) > 0)) e = net.next(e);
                path.push_back(e);
                amount = std::min(amount, net.flow(e));
                u = net.head(e);
            }
            net.take(an.supply_edge, amount);
            for (std::size_t e : path) net.take(e, amount);
            const std::size_t last = path.back();
            const std::size_t cell = net.head(last ^ 1u) - C(0, 0);  // the C node the path leaves by
            auto& pool = mentor_class[cell];
            for (std::int64_t x = 0; x < amount; ++x) {
                const std::size_t adept = adept_class[an.cls][next_adept[an.cls]++];
                std::size_t& at = turn[cell];
                while (result.remaining_capacity[pool[at % pool.size()]] == 0) ++at;
                const std::size_t mentor = pool[at % pool.size()];
                ++at;
                --result.remaining_capacity[mentor];
                result.pairs.push_back({adept, mentor});
            }
        }
    }

    // Unmatched adepts, explained by the mentors the rules allow them.
    for (std::size_t cls = 0; cls < adept_class.size(); ++cls)
        for (std::size_t x = next_adept[cls]; x < adept_class[cls].size(); ++x) {
            const std::size_t j = levels ? cls / levels : 0, t = levels ? cls % levels : 0;
            int allowed = 0;
            if (m_count > 0) {
                allowed = serving_count_all[t];
                if (j < m_count) allowed -= serving_count[j * levels + t];
            }
            const UnmatchedReason reason =
                allowed > 0 ? UnmatchedReason::mentors_at_capacity : UnmatchedReason::no_eligible_mentor;
            result.unmatched.push_back({adept_class[cls][x], reason, allowed});
        }
    auto by_adept_id = [&](std::size_t x, std::size_t y) { return adepts[x].id < adepts[y].id; };
    std::sort(result.pairs.begin(), result.pairs.end(),
              [&](const MentorPair& p, const MentorPair& q) { return by_adept_id(p.adept, q.adept); });
    std::sort(result.unmatched.begin(), result.unmatched.end(),
              [&](const UnmatchedAdept& p, const UnmatchedAdept& q) { return by_adept_id(p.adept, q.adept); });
    return result;
}

YRKESRESAN_END_NAMESPACE
