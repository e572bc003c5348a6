// SHA-256 (FIPS 180-4), for deterministic certificate ids.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace yrkesresan::detail {

std::array<std::uint8_t, 32> sha256(std::string_view data) noexcept;
std::string sha256_hex(std::string_view data);

}  // namespace yrkesresan::detail
