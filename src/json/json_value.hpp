// A small JSON value for what is signed and verified (certificates), and its
// strict reader.
//
// Why not nlohmann::json here: RFC 8785 (JCS) sees every number as an IEEE
// double and orders keys by UTF-16 code units, and verification must reject
// duplicate keys, lone surrogates and invalid UTF-8. nlohmann's DOM also costs
// more to build than the Ed25519 verification itself (benchmarks/), so this
// value keeps object members sorted in JCS order as they are read, and the
// reader checks everything in one pass. A document read with
// read_json_borrowed refers to its text instead of copying it, and remembers
// which parts of the text are already canonical, so that canonicalizing
// them again is a copy.
#pragma once

#include "yrkesresan/version.hpp"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "json_input.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

struct JsonMember;

class JsonValue {
public:
    enum class Kind : std::uint8_t { null, boolean, number, string, array, object };

    JsonValue() noexcept = default;  // null
    JsonValue(bool b) noexcept : kind_(Kind::boolean), boolean_(b) {}
    JsonValue(double n) noexcept : kind_(Kind::number), number_(n) {}
    JsonValue(int n) noexcept : kind_(Kind::number), number_(n) {}
    JsonValue(std::string s) noexcept : kind_(Kind::string), string_(std::move(s)) {}
    JsonValue(const char* s) : kind_(Kind::string), string_(s) {}
    JsonValue(std::string_view s) : kind_(Kind::string), string_(s) {}
    static JsonValue array() { return JsonValue(Kind::array); }
    static JsonValue object() { return JsonValue(Kind::object); }
    static JsonValue array(std::initializer_list<JsonValue> items);

    Kind kind() const noexcept { return kind_; }
    bool is_null() const noexcept { return kind_ == Kind::null; }
    bool is_string() const noexcept { return kind_ == Kind::string; }
    bool is_array() const noexcept { return kind_ == Kind::array; }
    bool is_object() const noexcept { return kind_ == Kind::object; }

    bool boolean() const noexcept { return boolean_; }
    double number() const noexcept { return number_; }
    std::string_view str() const noexcept {
        return borrowed_ ? std::string_view(borrowed_, borrowed_size_) : std::string_view(string_);
    }
    const std::vector<JsonValue>& items() const noexcept { return items_; }
    // Object members, always in JCS order (UTF-16 code units) and unique.
    const std::vector<JsonMember>& members() const noexcept { return members_; }
    // The value's text in the document it was read from, when that text is
    // already its canonical (JCS) form; empty otherwise.
    std::string_view canonical_source() const noexcept { return source_; }

    // Changes forget the canonical source (of this value; a value that holds
    // this one is changed only through its own set()).
    void push_back(JsonValue v) {
        source_ = {};
        items_.push_back(std::move(v));
    }
    // Sets a member, keeping the order; replaces an existing one.
    JsonValue& set(std::string key, JsonValue v);
    bool erase(std::string_view key);
    const JsonValue* find(std::string_view key) const noexcept;
    // The string at `key`; nullopt if absent or not a string.
    std::optional<std::string_view> find_string(std::string_view key) const noexcept;

    friend bool operator==(const JsonValue& a, const JsonValue& b) noexcept;
    friend bool operator!=(const JsonValue& a, const JsonValue& b) noexcept { return !(a == b); }

private:
    friend class JsonReader;
    explicit JsonValue(Kind k) noexcept : kind_(k) {}

    Kind kind_ = Kind::null;
    bool boolean_ = false;
    double number_ = 0;
    std::string string_;                  // an owned string value
    const char* borrowed_ = nullptr;      // or a borrowed one (read_json_borrowed)
    std::size_t borrowed_size_ = 0;
    std::string_view source_;             // see canonical_source()
    std::vector<JsonValue> items_;
    std::vector<JsonMember> members_;
};

struct JsonMember {
    std::string key;
    JsonValue value;
};

// Key order of RFC 8785 section 3.2.3: by UTF-16 code units, on UTF-8 keys.
// It equals byte order except between characters above U+FFFF (surrogate
// pairs, 0xD800..) and U+E000..U+FFFF.
bool jcs_key_less(std::string_view a, std::string_view b) noexcept;

// Reads RFC 8259 JSON strictly, as I-JSON (RFC 7493) asks: UTF-8 only (no
// BOM), no lone surrogates, no duplicate keys, numbers within a double. Throws
// Error(parse_error | limit_exceeded) naming the byte offset, never the text.
JsonValue read_json_strict(std::string_view text, const InputLimits& limits = {});
// The same, but the value refers to `text` (strings and canonical sources):
// `text` must outlive the value and every copy of it.
JsonValue read_json_borrowed(std::string_view text, const InputLimits& limits = {});

// A document built with nlohmann (tests, vectors). Integers become doubles
// (JCS); one beyond 2^53 that a double cannot hold throws.
JsonValue from_nlohmann(const nlohmann::json& j);

}  // namespace detail
YRKESRESAN_END_NAMESPACE
