// SigningKey: an Ed25519 key the host supplies (credential.hpp).
#include <sodium.h>

#include "crypto.hpp"
#include "yrkesresan/credential.hpp"
#include "yrkesresan/error.hpp"

YRKESRESAN_BEGIN_NAMESPACE

SigningKey SigningKey::from_seed(const std::uint8_t* seed, std::size_t size) {
    if (seed == nullptr || size != seed_size)
        throw Error(ErrorCode::invalid_value, "", "an Ed25519 private key (seed) is 32 bytes");
    detail::ensure_sodium();
    SigningKey key;
    crypto_sign_seed_keypair(key.public_.data(), key.secret_.data(), seed);
    return key;
}

SigningKey SigningKey::from_multibase(std::string_view private_key_multibase) {
    auto seed = detail::parse_ed25519_private_multibase(private_key_multibase);
    if (!seed) throw Error(ErrorCode::invalid_value, "", "not a Multikey Ed25519 private key (z + base58btc of 0x8026 + 32 bytes)");
    SigningKey key = from_seed(seed->data(), seed->size());
    sodium_memzero(seed->data(), seed->size());
    return key;
}

SigningKey SigningKey::generate() {
    detail::ensure_sodium();
    SigningKey key;
    crypto_sign_keypair(key.public_.data(), key.secret_.data());
    return key;
}

SigningKey::SigningKey(const SigningKey& other) noexcept : secret_(other.secret_), public_(other.public_) {}

SigningKey& SigningKey::operator=(const SigningKey& other) noexcept {
    secret_ = other.secret_;
    public_ = other.public_;
    return *this;
}

SigningKey::~SigningKey() { sodium_memzero(secret_.data(), secret_.size()); }

std::string SigningKey::public_key_multibase() const { return detail::ed25519_public_multibase(public_); }
std::string SigningKey::did_key() const { return detail::did_key(public_); }
std::string SigningKey::did_key_verification_method() const { return detail::did_key_verification_method(public_); }

std::string SigningKey::private_key_multibase() const {
    // libsodium's secret key is seed || public key.
    std::uint8_t buf[34] = {0x80, 0x26};
    std::copy(secret_.begin(), secret_.begin() + 32, buf + 2);
    std::string out = "z" + detail::base58btc_encode(buf, sizeof buf);
    sodium_memzero(buf, sizeof buf);
    return out;
}

YRKESRESAN_END_NAMESPACE
