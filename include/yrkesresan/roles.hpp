// Responsibility codes of the introduction plan (docs/rules.md R3), spelled exactly
// as in the seed: EC, 1:e, FA, AD, SJ, EJ.
#pragma once

#include "yrkesresan/version.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

YRKESRESAN_BEGIN_NAMESPACE

enum class Role : std::uint8_t {
    EC = 0,      // enhetschef
    forste = 1,  // "1:e": förste socialsekreterare / metodhandledare
    FA = 2,      // fadder
    AD = 3,      // administratör
    SJ = 4,      // söker och läser själv (the newcomer)
    EJ = 5,      // behöver ingen introduktion: the item is waived
};
inline constexpr int role_count = 6;

std::string_view to_string(Role role) noexcept;
std::optional<Role> parse_role(std::string_view code) noexcept;

// The roles a person record names a holder for (its "people"): the four codes
// someone other than the newcomer holds, then the holders of the mentor and
// introduktör components.
inline constexpr std::array<std::string_view, 6> named_roles = {"EC", "1:e", "FA", "AD", "introduktor", "mentor"};

// A set of codes on one item. EJ never shares the set with another code; the
// readers reject such input (conflicting_codes) before a RoleSet is built.
class RoleSet {
public:
    constexpr RoleSet() noexcept = default;
    static constexpr RoleSet from_bits(std::uint8_t bits) noexcept { return RoleSet(bits); }
    constexpr bool has(Role r) const noexcept { return bits_ & bit(r); }
    constexpr void add(Role r) noexcept { bits_ = static_cast<std::uint8_t>(bits_ | bit(r)); }
    constexpr bool empty() const noexcept { return bits_ == 0; }
    constexpr bool waived() const noexcept { return bits_ == bit(Role::EJ); }
    constexpr std::uint8_t bits() const noexcept { return bits_; }
    friend constexpr bool operator==(RoleSet a, RoleSet b) noexcept { return a.bits_ == b.bits_; }
    friend constexpr bool operator!=(RoleSet a, RoleSet b) noexcept { return a.bits_ != b.bits_; }

private:
    constexpr explicit RoleSet(std::uint8_t bits) noexcept : bits_(bits) {}
    static constexpr std::uint8_t bit(Role r) noexcept {
        return static_cast<std::uint8_t>(1u << static_cast<unsigned>(r));
    }
    std::uint8_t bits_ = 0;
};

YRKESRESAN_END_NAMESPACE
