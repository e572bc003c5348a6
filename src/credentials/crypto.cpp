// libsodium behind crypto.hpp, and the key and signature encodings.
#include "crypto.hpp"

#include <sodium.h>

#include <algorithm>

#include "yrkesresan/error.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

void ensure_sodium() {
    // sodium_init is itself thread-safe and idempotent; the static keeps the
    // check to one call.
    static const int status = sodium_init();
    if (status < 0) throw Error(ErrorCode::invalid_value, "", "libsodium could not be initialised");
}

Bytes64 ed25519_sign(const std::uint8_t* message, std::size_t size, const Bytes64& secret_key) noexcept {
    Bytes64 sig{};
    crypto_sign_detached(sig.data(), nullptr, message, size, secret_key.data());
    return sig;
}

bool ed25519_verify(const std::uint8_t* message, std::size_t size, const Bytes64& signature,
                    const Bytes32& public_key) noexcept {
    return crypto_sign_verify_detached(signature.data(), message, size, public_key.data()) == 0;
}

namespace {
constexpr char alphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

struct DigitTable {
    signed char value[256];
    constexpr DigitTable() : value() {
        for (auto& v : value) v = -1;
        for (int i = 0; i < 58; ++i) value[static_cast<unsigned char>(alphabet[i])] = static_cast<signed char>(i);
    }
};
constexpr DigitTable digits{};

int digit_of(char c) noexcept { return digits.value[static_cast<unsigned char>(c)]; }

constexpr std::uint8_t ed25519_pub_prefix[2] = {0xed, 0x01};
constexpr std::uint8_t ed25519_priv_prefix[2] = {0x80, 0x26};

std::optional<Bytes32> parse_multikey(std::string_view text, const std::uint8_t (&prefix)[2]) {
    if (text.size() < 2 || text[0] != 'z') return std::nullopt;
    const auto bytes = base58btc_decode(text.substr(1));
    if (!bytes || bytes->size() != 34 || (*bytes)[0] != prefix[0] || (*bytes)[1] != prefix[1]) return std::nullopt;
    Bytes32 key{};
    std::copy(bytes->begin() + 2, bytes->end(), key.begin());
    return key;
}
}  // namespace

// Base conversion through large limbs: base 58^5 (five digits) for encoding,
// base 2^32 for decoding, three bytes or four digits per step. Keys and
// signatures are short, but a verification decodes one of each.
std::string base58btc_encode(const std::uint8_t* data, std::size_t size) {
    constexpr std::uint64_t limb_base = 58ull * 58 * 58 * 58 * 58;
    std::size_t zeros = 0;
    while (zeros < size && data[zeros] == 0) ++zeros;
    std::vector<std::uint32_t> limbs;  // little-endian, base 58^5
    limbs.reserve(size / 3 + 2);
    std::size_t i = zeros;
    while (i < size) {
        const std::size_t n = i == zeros && (size - zeros) % 3 != 0 ? (size - zeros) % 3 : 3;
        std::uint64_t carry = 0;
        for (std::size_t k = 0; k < n; ++k) carry = (carry << 8) | data[i + k];
        i += n;
        for (auto& limb : limbs) {
            const std::uint64_t x = (std::uint64_t(limb) << (8 * n)) + carry;
            limb = static_cast<std::uint32_t>(x % limb_base);
            carry = x / limb_base;
        }
        while (carry > 0) {
            limbs.push_back(static_cast<std::uint32_t>(carry % limb_base));
            carry /= limb_base;
        }
    }
    std::string out(zeros, '1');
    for (std::size_t l = limbs.size(); l-- > 0;) {
        char d[5];
        std::uint32_t v = limbs[l];
        for (int k = 4; k >= 0; --k) {
            d[k] = alphabet[v % 58];
            v /= 58;
        }
        int from = 0;
        if (l + 1 == limbs.size())  // the top limb without leading zeros
            while (from < 4 && d[from] == '1') ++from;
        out.append(d + from, static_cast<std::size_t>(5 - from));
    }
    return out;
}

std::optional<std::vector<std::uint8_t>> base58btc_decode(std::string_view text) {
    std::size_t ones = 0;
    while (ones < text.size() && text[ones] == '1') ++ones;
    std::vector<std::uint32_t> limbs;  // little-endian, base 2^32
    limbs.reserve(text.size() / 5 + 2);
    std::size_t i = ones;
    while (i < text.size()) {
        const std::size_t n = i == ones && (text.size() - ones) % 4 != 0 ? (text.size() - ones) % 4 : 4;
        std::uint64_t carry = 0, scale = 1;
        for (std::size_t k = 0; k < n; ++k) {
            const int d = digit_of(text[i + k]);
            if (d < 0) return std::nullopt;
            carry = carry * 58 + static_cast<std::uint64_t>(d);
            scale *= 58;
        }
        i += n;
        for (auto& limb : limbs) {
            const std::uint64_t x = std::uint64_t(limb) * scale + carry;
            limb = static_cast<std::uint32_t>(x);
            carry = x >> 32;
        }
        if (carry > 0) limbs.push_back(static_cast<std::uint32_t>(carry));
    }
    std::vector<std::uint8_t> out(ones, 0);
    bool leading = true;  // the number's own leading zero bytes are not written
    for (std::size_t l = limbs.size(); l-- > 0;) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            const auto b = static_cast<std::uint8_t>(limbs[l] >> shift);
            if (leading && b == 0) continue;
            leading = false;
            out.push_back(b);
        }
    }
    return out;
}

std::string ed25519_public_multibase(const Bytes32& public_key) {
    std::uint8_t buf[34];
    std::copy(std::begin(ed25519_pub_prefix), std::end(ed25519_pub_prefix), buf);
    std::copy(public_key.begin(), public_key.end(), buf + 2);
    return "z" + base58btc_encode(buf, sizeof buf);
}

std::optional<Bytes32> parse_ed25519_public_multibase(std::string_view text) {
    return parse_multikey(text, ed25519_pub_prefix);
}

std::optional<Bytes32> parse_ed25519_private_multibase(std::string_view text) {
    return parse_multikey(text, ed25519_priv_prefix);
}

std::string did_key(const Bytes32& public_key) { return "did:key:" + ed25519_public_multibase(public_key); }

std::string did_key_verification_method(const Bytes32& public_key) {
    const std::string mb = ed25519_public_multibase(public_key);
    return "did:key:" + mb + "#" + mb;
}

std::string to_hex(const std::uint8_t* data, std::size_t size) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        out += hex[data[i] >> 4];
        out += hex[data[i] & 0xF];
    }
    return out;
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
