// The cryptography the certificates use, over libsodium: SHA-256, Ed25519,
// and the encodings of keys and signatures (multibase base58btc, Multikey,
// did:key).
#pragma once

#include "yrkesresan/version.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

using Bytes32 = std::array<std::uint8_t, 32>;
using Bytes64 = std::array<std::uint8_t, 64>;

// Initialises libsodium once (thread-safe); throws if it cannot.
void ensure_sodium();

// SHA-256 (crypto_sha256.cpp): the x86 SHA extensions when present, else
// libsodium; sha256_portable is always libsodium's.
Bytes32 sha256_bytes(std::string_view data) noexcept;
Bytes32 sha256_portable(std::string_view data) noexcept;

// Ed25519 over `message`: libsodium's crypto_sign_detached / _verify_detached
// (which rejects non-canonical S and small-order keys).
Bytes64 ed25519_sign(const std::uint8_t* message, std::size_t size, const Bytes64& secret_key) noexcept;
bool ed25519_verify(const std::uint8_t* message, std::size_t size, const Bytes64& signature,
                    const Bytes32& public_key) noexcept;

// Base58 with the Bitcoin alphabet; leading zero bytes are leading '1's.
std::string base58btc_encode(const std::uint8_t* data, std::size_t size);
// nullopt for any character outside the alphabet.
std::optional<std::vector<std::uint8_t>> base58btc_decode(std::string_view text);

// Multikey (W3C Controlled Identifiers): 'z' + base58btc(multicodec prefix + key).
// ed25519-pub is 0xed 0x01, ed25519-priv 0x80 0x26.
std::string ed25519_public_multibase(const Bytes32& public_key);
std::optional<Bytes32> parse_ed25519_public_multibase(std::string_view text);
std::optional<Bytes32> parse_ed25519_private_multibase(std::string_view text);
// The did:key of a public key and its verification method (did#fragment).
std::string did_key(const Bytes32& public_key);
std::string did_key_verification_method(const Bytes32& public_key);

std::string to_hex(const std::uint8_t* data, std::size_t size);

}  // namespace detail
YRKESRESAN_END_NAMESPACE
