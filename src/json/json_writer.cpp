// JSON text written as nlohmann::json::dump() writes it (json_writer.hpp).
#include "json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "jcs.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

void JsonWriter::separate() {
    if (depth_ == 0 || out_.empty()) return;
    const char last = out_.back();
    if (last != '{' && last != '[' && last != ':') out_ += ',';
}

JsonWriter& JsonWriter::open(char bracket) {
    separate();
    out_ += bracket;
    ++depth_;
    return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
    out_ += bracket;
    --depth_;
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
    separate();
    write_jcs_string(k, out_);
    out_ += ':';
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
    separate();
    write_jcs_string(s, out_);
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    separate();
    out_ += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::value(std::nullptr_t) {
    separate();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::value(Date d) {
    separate();
    out_ += '"';
    out_ += d.to_string();
    out_ += '"';
    return *this;
}

JsonWriter& JsonWriter::value(RoleSet set) {
    begin_array();
    for (int r = 0; r < role_count; ++r)
        if (set.has(static_cast<Role>(r))) value(to_string(static_cast<Role>(r)));
    return end_array();
}

JsonWriter& JsonWriter::integer(long long v) {
    char buf[24];
    return text(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

JsonWriter& JsonWriter::integer(unsigned long long v) {
    char buf[24];
    return text(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

JsonWriter& JsonWriter::text(const char* first, const char* last) {
    separate();
    out_.append(first, last);
    return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json_text) { return text(json_text.data(), json_text.data() + json_text.size()); }

// nlohmann's format (its to_chars and format_buffer): the shortest digits;
// fixed notation for decimal exponents from -4 to 15, with ".0" when
// integral; otherwise d.ddde+XX with at least two exponent digits.
JsonWriter& JsonWriter::value(double v) {
    separate();
    if (!std::isfinite(v)) {
        out_ += "null";
        return *this;
    }
    if (v == 0) {
        out_ += std::signbit(v) ? "-0.0" : "0.0";
        return *this;
    }
    const ShortestDigits d = shortest_digits(v);
    if (d.negative) out_ += '-';
    const char* digits = d.digits;
    const int k = d.count, n = d.n;
    constexpr int min_exp = -4, max_exp = 15;
    if (k <= n && n <= max_exp) {
        out_.append(digits, static_cast<std::size_t>(k));
        out_.append(static_cast<std::size_t>(n - k), '0');
        out_ += ".0";
    } else if (0 < n && n <= max_exp) {
        out_.append(digits, static_cast<std::size_t>(n));
        out_ += '.';
        out_.append(digits + n, static_cast<std::size_t>(k - n));
    } else if (min_exp < n && n <= 0) {
        out_ += "0.";
        out_.append(static_cast<std::size_t>(-n), '0');
        out_.append(digits, static_cast<std::size_t>(k));
    } else {
        out_ += digits[0];
        if (k > 1) {
            out_ += '.';
            out_.append(digits + 1, static_cast<std::size_t>(k - 1));
        }
        const int e = n - 1;
        out_ += e < 0 ? "e-" : "e+";
        if (std::abs(e) < 10) out_ += '0';
        char exp[8];
        const auto r = std::to_chars(exp, exp + sizeof exp, std::abs(e));
        out_.append(exp, r.ptr);
    }
    return *this;
}

}  // namespace detail
YRKESRESAN_END_NAMESPACE
