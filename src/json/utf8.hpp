// UTF-8 and the plain characters of a JSON string, once for every reader and
// writer of src/json and src/person: RFC 3629 sequences (no overlong form,
// no surrogate, nothing past U+10FFFF), and the eight-bytes-at-a-time scan
// over what needs no escape.
#pragma once

#include "yrkesresan/version.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

// The length of the valid UTF-8 sequence at p (p < end, *p >= 0x80), or 0
// when there is none.
inline std::size_t utf8_sequence_length(const unsigned char* p, const unsigned char* end) noexcept {
    const unsigned b0 = p[0];
    const auto cont = [&](std::ptrdiff_t k) { return p + k < end && (p[k] & 0xC0u) == 0x80u; };
    if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        if (!cont(1) || !cont(2)) return 0;
        if (b0 == 0xE0 && p[1] < 0xA0) return 0;  // overlong
        if (b0 == 0xED && p[1] > 0x9F) return 0;  // a surrogate
        return 3;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3)) return 0;
        if (b0 == 0xF0 && p[1] < 0x90) return 0;  // overlong
        if (b0 == 0xF4 && p[1] > 0x8F) return 0;  // beyond U+10FFFF
        return 4;
    }
    return 0;
}

inline std::size_t utf8_sequence_length(const char* p, const char* end) noexcept {
    return utf8_sequence_length(reinterpret_cast<const unsigned char*>(p), reinterpret_cast<const unsigned char*>(end));
}

// Whether none of the eight bytes at p needs a second look inside a JSON
// string: each is printable ASCII, and neither '"' nor '\\'.
inline bool eight_plain(const void* p) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const auto has_zero = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
    std::uint64_t x;
    std::memcpy(&x, p, 8);
    return (((x - ones * 0x20) | x | has_zero(x ^ (ones * '"')) | has_zero(x ^ (ones * '\\'))) & highs) == 0;
}

// Where the run of plain characters from p ends (at most at end).
inline const char* plain_run(const char* p, const char* end) noexcept {
    while (end - p >= 8 && eight_plain(p)) p += 8;
    while (p < end) {
        const auto c = static_cast<unsigned char>(*p);
        if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
        ++p;
    }
    return p;
}

// The character a JSON short escape stands for (the letter after the
// backslash: " \\ / b f n r t), or 0 for any other letter.
inline char short_escape(char letter) noexcept {
    switch (letter) {
        case '"': return '"';
        case '\\': return '\\';
        case '/': return '/';
        case 'b': return '\b';
        case 'f': return '\f';
        case 'n': return '\n';
        case 'r': return '\r';
        case 't': return '\t';
        default: return 0;
    }
}

// The code point cp (a Unicode scalar value) in UTF-8.
inline void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
