// Small conversions shared by the bindings: codes and enums as the strings of
// the JSON contract, so Python sees the same vocabulary as the documents.
#pragma once

#include <string>
#include <vector>

#include "yrkesresan/roles.hpp"

namespace yr_python {

inline std::vector<std::string> codes(yrkesresan::RoleSet set) {
    std::vector<std::string> out;
    for (int r = 0; r < yrkesresan::role_count; ++r)
        if (set.has(static_cast<yrkesresan::Role>(r))) out.emplace_back(yrkesresan::to_string(static_cast<yrkesresan::Role>(r)));
    return out;
}

}  // namespace yr_python
