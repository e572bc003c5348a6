// SHA-256 of certificates: with the x86 SHA extensions when the processor has
// them (about ten times libsodium's portable code, which would otherwise cost
// a third of a verification), else libsodium.
#include <sodium.h>

#include <cstring>

#include "crypto.hpp"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#define YR_SHA_NI 1
#endif

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

#ifdef YR_SHA_NI
namespace {

alignas(16) constexpr std::uint32_t k256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

bool has_sha_extensions() noexcept {
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return false;
    const bool ssse3 = (c & (1u << 9)) != 0, sse41 = (c & (1u << 19)) != 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
    return ssse3 && sse41 && (b & (1u << 29)) != 0;
}

// FIPS 180-4 compression of whole 64-byte blocks with SHA256RNDS2: two
// rounds per instruction, state kept as ABEF / CDGH.
__attribute__((target("sha,sse4.1,ssse3"))) void compress_ni(std::uint32_t state[8], const std::uint8_t* data,
                                                              std::size_t blocks) noexcept {
    const __m128i byteswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i tmp = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state)), 0xB1);  // CDAB
    __m128i cdgh = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state + 4)), 0x1B);  // EFGH
    __m128i abef = _mm_alignr_epi8(tmp, cdgh, 8);
    cdgh = _mm_blend_epi16(cdgh, tmp, 0xF0);
    for (; blocks > 0; --blocks, data += 64) {
        const __m128i abef_in = abef, cdgh_in = cdgh;
        __m128i w[4];  // the message schedule, four words a slot, as a ring
#pragma GCC unroll 4
        for (int i = 0; i < 4; ++i)
            w[i] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * i)), byteswap);
#pragma GCC unroll 16
        for (int r = 0; r < 16; ++r) {
            __m128i& g = w[r & 3];
            if (r >= 4) {  // W[t] = s1(W[t-2]) + W[t-7] + s0(W[t-15]) + W[t-16], four at a time
                const __m128i s0 = _mm_sha256msg1_epu32(g, w[(r + 1) & 3]);
                const __m128i t7 = _mm_alignr_epi8(w[(r + 3) & 3], w[(r + 2) & 3], 4);
                g = _mm_sha256msg2_epu32(_mm_add_epi32(s0, t7), w[(r + 3) & 3]);
            }
            __m128i m = _mm_add_epi32(g, _mm_load_si128(reinterpret_cast<const __m128i*>(k256 + 4 * r)));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, m);
            m = _mm_shuffle_epi32(m, 0x0E);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, m);
        }
        abef = _mm_add_epi32(abef, abef_in);
        cdgh = _mm_add_epi32(cdgh, cdgh_in);
    }
    tmp = _mm_shuffle_epi32(abef, 0x1B);  // FEBA
    cdgh = _mm_shuffle_epi32(cdgh, 0xB1);  // DCHG
    _mm_storeu_si128(reinterpret_cast<__m128i*>(state), _mm_blend_epi16(tmp, cdgh, 0xF0));  // DCBA
    _mm_storeu_si128(reinterpret_cast<__m128i*>(state + 4), _mm_alignr_epi8(cdgh, tmp, 8));  // HGFE
}

Bytes32 sha256_ni(std::string_view text) noexcept {
    std::uint32_t state[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                              0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    const auto* data = reinterpret_cast<const std::uint8_t*>(text.data());
    const std::size_t whole = text.size() / 64;
    compress_ni(state, data, whole);
    // The tail: 0x80, zeros, the length in bits, big-endian.
    std::uint8_t tail[128] = {};
    const std::size_t rest = text.size() - whole * 64;
    if (rest > 0) std::memcpy(tail, data + whole * 64, rest);
    tail[rest] = 0x80;
    const std::size_t tail_blocks = rest + 9 > 64 ? 2 : 1;
    const std::uint64_t bits = static_cast<std::uint64_t>(text.size()) * 8;
    for (int i = 0; i < 8; ++i) tail[tail_blocks * 64 - 1 - static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(bits >> (8 * i));
    compress_ni(state, tail, tail_blocks);
    Bytes32 out{};
    for (int i = 0; i < 8; ++i)
        for (int j = 0; j < 4; ++j) out[static_cast<std::size_t>(4 * i + j)] = static_cast<std::uint8_t>(state[i] >> (24 - 8 * j));
    return out;
}

const bool use_sha_ni = has_sha_extensions();

}  // namespace
#endif

Bytes32 sha256_bytes(std::string_view data) noexcept {
#ifdef YR_SHA_NI
    if (use_sha_ni) return sha256_ni(data);
#endif
    return sha256_portable(data);
}

Bytes32 sha256_portable(std::string_view data) noexcept {
    Bytes32 out{};
    crypto_hash_sha256(out.data(), reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return out;
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
