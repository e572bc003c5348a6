// Messages about ids (id_messages.hpp).
#include "id_messages.hpp"

#include <algorithm>

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

std::string existing_ids(std::string_view wanted, const std::vector<std::string_view>& ids, std::size_t shown) {
    if (ids.empty()) return "; there are none";
    std::vector<std::pair<std::size_t, std::size_t>> ranked;  // (distance, position)
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (key_may_be_shown(ids[i])) ranked.emplace_back(edit_distance(wanted, ids[i]), i);
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    if (ranked.empty()) return "";
    std::string out = "; the ids that exist: ";
    for (std::size_t k = 0; k < ranked.size() && k < shown; ++k) {
        if (k > 0) out += ", ";
        out += "'" + std::string(ids[ranked[k].second]) + "'";
    }
    if (ids.size() > std::min(shown, ranked.size())) out += " (of " + std::to_string(ids.size()) + ")";
    return out;
}

bool FirstUse::claim(const std::string& id, const std::string& path, Diagnostics& diag, std::string_view what) {
    auto [it, fresh] = first_.emplace(id, path);
    if (!fresh) diag.add(ErrorCode::duplicate_id, path, std::string(what) + " used twice (first at " + it->second + ")");
    return fresh;
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
