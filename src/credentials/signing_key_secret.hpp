// A signing key's secret, for the library's signing code (and its tests)
// only: the public SigningKey has no accessor for it.
#pragma once

#include <array>
#include <cstdint>

#include "yrkesresan/credential.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

struct SigningKeyAccess {
    static const std::array<std::uint8_t, 64>& secret(const SigningKey& key) noexcept { return key.secret_; }
};

// libsodium's 64-byte secret key: the seed, then the public key.
inline const std::array<std::uint8_t, 64>& secret_key_bytes(const SigningKey& key) noexcept {
    return SigningKeyAccess::secret(key);
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
