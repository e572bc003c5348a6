#include "yrkesresan/roles.hpp"

YRKESRESAN_BEGIN_NAMESPACE

std::string_view to_string(Role role) noexcept {
    switch (role) {
        case Role::EC: return "EC";
        case Role::forste: return "1:e";
        case Role::FA: return "FA";
        case Role::AD: return "AD";
        case Role::SJ: return "SJ";
        case Role::EJ: return "EJ";
    }
    return "";
}

std::optional<Role> parse_role(std::string_view code) noexcept {
    for (int i = 0; i < role_count; ++i) {
        const auto r = static_cast<Role>(i);
        if (to_string(r) == code) return r;
    }
    return std::nullopt;
}

YRKESRESAN_END_NAMESPACE
