// RFC 8785 JSON Canonicalization Scheme (JCS): the bytes that are hashed and
// signed (eddsa-jcs-2022).
#pragma once

#include "yrkesresan/version.hpp"

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "json_value.hpp"
#include "utf8.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

// Appends the canonical form of `v`. Throws Error(invalid_value) for a string
// that is not valid UTF-8 or a number that is not finite.
void write_jcs(const JsonValue& v, std::string& out);
std::string jcs(const JsonValue& v);

// The canonical form of an object without one member (`skip`), and with the
// member `replace_key` (if present in the object or not) replaced by
// `replacement` when that is non-null. The proof algorithms use it to hash a
// document without its proof without copying the document.
void write_jcs_object(const JsonValue& object, std::string& out, std::string_view skip,
                      std::string_view replace_key = {}, const JsonValue* replacement = nullptr);

// The shortest decimal digits that read back as a finite, nonzero double:
// v = (negative ? -1 : 1) * 0.d1..dk * 10^n, k = count.
struct ShortestDigits {
    char digits[20];
    int count = 0;
    int n = 0;
    bool negative = false;
};
ShortestDigits shortest_digits(double v) noexcept;

// ECMAScript Number.prototype.toString (RFC 8785 section 3.2.2.3): the
// shortest digits that round-trip, in fixed notation from 1e-6 up to 1e21 and
// in exponent notation outside; -0 is "0". Throws for NaN and infinities.
void write_jcs_number(double v, std::string& out);
// A string's canonical form, quotes included (section 3.2.2.2).
void write_jcs_string(std::string_view s, std::string& out);

// Writes JCS text directly, for documents the library builds: the caller
// emits each object's keys in JCS order, and the writer checks that order
// (std::logic_error otherwise, so that a mistake fails every test). Keys must
// stay alive until their object ends (string literals, in practice).
class JcsWriter {
public:
    explicit JcsWriter(std::string& out) : out_(out) {}

    JcsWriter& begin_object();
    JcsWriter& end_object();
    JcsWriter& begin_array();
    JcsWriter& end_array();
    JcsWriter& key(std::string_view k);
    JcsWriter& string(std::string_view s);
    JcsWriter& number(double v);
    JcsWriter& boolean(bool b);
    JcsWriter& null();
    // A string array, e.g. a "type" or "@context".
    JcsWriter& strings(std::initializer_list<std::string_view> items);
    // A value given as its canonical text, written as it stands (the caller
    // vouches for it: constants and the writer's own output).
    JcsWriter& raw(std::string_view canonical);

    JcsWriter& member(std::string_view k, std::string_view s) { return key(k).string(s); }
    JcsWriter& member(std::string_view k, const char* s) { return key(k).string(s); }
    JcsWriter& member(std::string_view k, const std::string& s) { return key(k).string(s); }
    JcsWriter& member(std::string_view k, double v) { return key(k).number(v); }
    JcsWriter& member(std::string_view k, bool b) { return key(k).boolean(b); }

private:
    void before_value();
    struct Frame {
        bool object;
        bool first = true;
        std::string_view last_key{};
    };
    std::string& out_;
    std::vector<Frame> stack_;
    bool after_key_ = false;
};

// Canonicalizes JSON text read strictly (json_value.hpp).
std::string canonicalize(std::string_view json_text, const InputLimits& limits = {});

}  // namespace detail
YRKESRESAN_END_NAMESPACE
