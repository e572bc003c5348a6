// Writes JSON text straight into a string, for the documents the library
// hands out: evaluations, coordination reports, verification results, person
// records, the C ABI's problem and program lists.
//
// Why not nlohmann::json values: building a DOM to dump it costs most of an
// evaluation's time, and nlohmann 3.11's destructor allocates (it is
// noexcept), so a document dropped while memory runs out ends the process
// (docs/reliability.md). Here running out of memory throws std::bad_alloc
// from the string, and unwinding frees the string alone.
//
// The text is what nlohmann::json::dump() writes: compact, strings escaped
// alike (JCS rules, UTF-8 checked), integers as integers, doubles in their
// shortest round-trip digits with ".0" when integral, non-finite as null.
// The caller writes keys in the order the document defines.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "yrkesresan/date.hpp"
#include "yrkesresan/roles.hpp"

YRKESRESAN_BEGIN_NAMESPACE
namespace detail {

class JsonWriter {
public:
    explicit JsonWriter(std::string& out) noexcept : out_(out) {}

    JsonWriter& begin_object() { return open('{'); }
    JsonWriter& end_object() { return close('}'); }
    JsonWriter& begin_array() { return open('['); }
    JsonWriter& end_array() { return close(']'); }
    JsonWriter& key(std::string_view k);

    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
    JsonWriter& value(bool b);
    JsonWriter& value(double v);
    JsonWriter& value(std::nullptr_t);
    JsonWriter& value(Date d);     // "YYYY-MM-DD"
    JsonWriter& value(RoleSet set);  // its codes, in role order: ["EC", "SJ"]
    template <class Int, std::enable_if_t<std::is_integral_v<Int> && !std::is_same_v<Int, bool>, int> = 0>
    JsonWriter& value(Int v) {
        if constexpr (std::is_unsigned_v<Int>)
            return integer(static_cast<unsigned long long>(v));
        else
            return integer(static_cast<long long>(v));
    }
    // The value, or null when there is none.
    template <class T>
    JsonWriter& value(const std::optional<T>& v) {
        return v ? value(*v) : value(nullptr);
    }
    // An array of the values.
    template <class T>
    JsonWriter& value(const std::vector<T>& items) {
        begin_array();
        for (const auto& item : items) value(item);
        return end_array();
    }
    // A string, or null when it is empty.
    JsonWriter& string_or_null(std::string_view s) { return s.empty() ? value(nullptr) : value(s); }
    // JSON text written elsewhere (canonical content), copied as it is.
    JsonWriter& raw(std::string_view json_text);

    template <class T>
    JsonWriter& member(std::string_view k, const T& v) {
        key(k);
        return value(v);
    }
    JsonWriter& member(std::string_view k, const char* v) {
        key(k);
        return value(std::string_view(v));
    }

private:
    JsonWriter& open(char bracket);
    JsonWriter& close(char bracket);
    JsonWriter& integer(long long v);
    JsonWriter& integer(unsigned long long v);
    JsonWriter& text(const char* first, const char* last);  // a value's text, after a comma if one is due
    // A comma when a value or key follows another in the same container.
    void separate();

    std::string& out_;
    std::size_t depth_ = 0;
};

}  // namespace detail
YRKESRESAN_END_NAMESPACE
