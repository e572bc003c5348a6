// RFC 8785 (JCS) serialization.
#include "jcs.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

namespace {

// RFC 8785 section 3.2.2.2: the short escapes, \u00xx (lowercase) for the
// other control characters, everything else as it is; one pass that also
// checks the UTF-8.
void write_string(std::string_view s, std::string& out) {
    static constexpr char hex[] = "0123456789abcdef";
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    const auto* run = p;  // start of the pending run copied as it is
    out += '"';
    while (p < end) {
        if (end - p >= 8 && eight_plain(p)) {
            p += 8;
            continue;
        }
        const unsigned c = *p;
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            ++p;
            continue;
        }
        if (c >= 0x80) {
            const std::size_t n = utf8_sequence_length(p, end);
            if (n == 0) throw Error(ErrorCode::invalid_value, "", "a string that is not valid UTF-8 has no canonical form");
            p += n;
            continue;
        }
        out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\f': out += "\\f"; break;
            case '\r': out += "\\r"; break;
            default: {
                const char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
                out.append(esc, 6);
            }
        }
        run = ++p;
    }
    out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(end - run));
    out += '"';
}

}  // namespace

ShortestDigits shortest_digits(double v) noexcept {
    // std::to_chars' shortest form picks the digits closest to the value among
    // the shortest, as ECMAScript's Number::toString does; read back from
    // d.ddde±x.
    ShortestDigits d;
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    const char* p = buf;
    d.negative = *p == '-';
    if (d.negative) ++p;
    for (; p < r.ptr && *p != 'e'; ++p)
        if (*p != '.') d.digits[d.count++] = *p;
    int e = 0;  // p points at 'e'; the exponent follows with its sign
    std::from_chars(p + 1 + (p[1] == '+'), r.ptr, e);
    d.n = e + 1;
    return d;
}

void write_jcs_number(double v, std::string& out) {
    if (!std::isfinite(v)) throw Error(ErrorCode::invalid_value, "", "NaN and infinity have no JSON form");
    if (v == 0) {  // both zeros
        out += '0';
        return;
    }
    const ShortestDigits d = shortest_digits(v);
    if (d.negative) out += '-';
    const char* digits = d.digits;
    const int k = d.count, n = d.n;
    if (k <= n && n <= 21) {
        out.append(digits, static_cast<std::size_t>(k));
        out.append(static_cast<std::size_t>(n - k), '0');
    } else if (0 < n && n <= 21) {
        out.append(digits, static_cast<std::size_t>(n));
        out += '.';
        out.append(digits + n, static_cast<std::size_t>(k - n));
    } else if (-6 < n && n <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-n), '0');
        out.append(digits, static_cast<std::size_t>(k));
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out.append(digits + 1, static_cast<std::size_t>(k - 1));
        }
        out += 'e';
        out += n - 1 < 0 ? '-' : '+';
        char exp[8];
        const auto er = std::to_chars(exp, exp + sizeof exp, std::abs(n - 1));
        out.append(exp, er.ptr);
    }
}

void write_jcs_string(std::string_view s, std::string& out) { write_string(s, out); }

void write_jcs(const JsonValue& v, std::string& out) {
    if (const std::string_view source = v.canonical_source(); !source.empty()) {
        out += source;  // read from text that was canonical already
        return;
    }
    switch (v.kind()) {
        case JsonValue::Kind::null: out += "null"; return;
        case JsonValue::Kind::boolean: out += v.boolean() ? "true" : "false"; return;
        case JsonValue::Kind::number: write_jcs_number(v.number(), out); return;
        case JsonValue::Kind::string: write_string(v.str(), out); return;
        case JsonValue::Kind::array: {
            out += '[';
            bool first = true;
            for (const auto& item : v.items()) {
                if (!first) out += ',';
                first = false;
                write_jcs(item, out);
            }
            out += ']';
            return;
        }
        case JsonValue::Kind::object: write_jcs_object(v, out, {}); return;
    }
}

void write_jcs_object(const JsonValue& object, std::string& out, std::string_view skip, std::string_view replace_key,
                      const JsonValue* replacement) {
    out += '{';
    bool first = true;
    bool replaced = replacement == nullptr;
    const auto member = [&](std::string_view key, const JsonValue& value) {
        if (!first) out += ',';
        first = false;
        write_string(key, out);
        out += ':';
        write_jcs(value, out);
    };
    for (const auto& m : object.members()) {
        if (!skip.empty() && m.key == skip) continue;
        if (!replaced && !jcs_key_less(m.key, replace_key)) {
            // The replacement goes here: before the first key after it.
            member(replace_key, *replacement);
            replaced = true;
            if (m.key == replace_key) continue;
        }
        member(m.key, m.value);
    }
    if (!replaced) member(replace_key, *replacement);
    out += '}';
}

void JcsWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (stack_.empty()) return;
    if (stack_.back().object) throw std::logic_error("JcsWriter: a value in an object needs a key");
    if (!stack_.back().first) out_ += ',';
    stack_.back().first = false;
}

JcsWriter& JcsWriter::begin_object() {
    before_value();
    out_ += '{';
    stack_.push_back(Frame{true});
    return *this;
}

JcsWriter& JcsWriter::end_object() {
    if (stack_.empty() || !stack_.back().object || after_key_) throw std::logic_error("JcsWriter: no object to end");
    stack_.pop_back();
    out_ += '}';
    return *this;
}

JcsWriter& JcsWriter::begin_array() {
    before_value();
    out_ += '[';
    stack_.push_back(Frame{false});
    return *this;
}

JcsWriter& JcsWriter::end_array() {
    if (stack_.empty() || stack_.back().object) throw std::logic_error("JcsWriter: no array to end");
    stack_.pop_back();
    out_ += ']';
    return *this;
}

JcsWriter& JcsWriter::key(std::string_view k) {
    if (stack_.empty() || !stack_.back().object || after_key_) throw std::logic_error("JcsWriter: a key outside an object");
    Frame& f = stack_.back();
    if (!f.first && !jcs_key_less(f.last_key, k)) throw std::logic_error("JcsWriter: keys out of JCS order");
    if (!f.first) out_ += ',';
    f.first = false;
    f.last_key = k;
    write_string(k, out_);
    out_ += ':';
    after_key_ = true;
    return *this;
}

JcsWriter& JcsWriter::string(std::string_view s) {
    before_value();
    write_string(s, out_);
    return *this;
}

JcsWriter& JcsWriter::number(double v) {
    before_value();
    write_jcs_number(v, out_);
    return *this;
}

JcsWriter& JcsWriter::boolean(bool b) {
    before_value();
    out_ += b ? "true" : "false";
    return *this;
}

JcsWriter& JcsWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

JcsWriter& JcsWriter::strings(std::initializer_list<std::string_view> items) {
    begin_array();
    for (auto item : items) string(item);
    return end_array();
}

JcsWriter& JcsWriter::raw(std::string_view canonical) {
    before_value();
    out_ += canonical;
    return *this;
}

std::string jcs(const JsonValue& v) {
    std::string out;
    write_jcs(v, out);
    return out;
}

std::string canonicalize(std::string_view json_text, const InputLimits& limits) {
    std::string out;
    out.reserve(json_text.size());
    write_jcs(read_json_strict(json_text, limits), out);
    return out;
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
