// Strict reading of JSON input: limits, duplicate keys, types, unknown fields,
// each problem recorded with its JSON Pointer. Never quotes an input value.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "yrkesresan/date.hpp"
#include "yrkesresan/error.hpp"

namespace yrkesresan::detail {

using json = nlohmann::json;

struct InputLimits {
    std::size_t max_bytes = 16u << 20;  // one document
    std::size_t max_depth = 32;         // no format of ours nests deeper than ~6
};

// Parses a document; throws Error(parse_error | limit_exceeded) naming the byte
// offset, never the content. Duplicate object keys are rejected.
json parse_json(std::string_view text, const InputLimits& limits = {});

// Collects problems so that one pass reports all of them.
class Diagnostics {
public:
    void add(ErrorCode code, std::string path, std::string message) {
        problems_.push_back(Problem{code, std::move(path), std::move(message)});
    }
    bool empty() const noexcept { return problems_.empty(); }
    // Hands every problem but those with `code` to another collector.
    void forward_except(ErrorCode code, Diagnostics& to) const {
        for (const auto& p : problems_)
            if (p.code != code) to.problems_.push_back(p);
    }
    void throw_if_any() {
        if (!problems_.empty()) throw Error(std::move(problems_));
    }

private:
    std::vector<Problem> problems_;
};

const char* type_name(const json& j) noexcept;

// A view of one JSON object being read; reports missing, mistyped and unknown
// fields to the Diagnostics it was given.
class ObjectReader {
public:
    ObjectReader(const json& j, std::string path, Diagnostics& diag,
                 std::initializer_list<std::string_view> fields);

    bool ok() const noexcept { return obj_ != nullptr; }
    const std::string& path() const noexcept { return path_; }
    std::string path(std::string_view key) const { return path_ + "/" + json_pointer_token(key); }
    const json* find(std::string_view key) const;
    bool has(std::string_view key) const { return find(key) != nullptr; }

    std::optional<std::string> string(std::string_view key, bool required = false) const;
    std::optional<std::string> id(std::string_view key, bool required = false) const;
    std::optional<Date> date(std::string_view key, bool required = false) const;
    std::optional<long long> integer(std::string_view key, long long min, long long max,
                                     bool required = false) const;
    std::optional<bool> boolean(std::string_view key, bool required = false) const;
    const json* array(std::string_view key, bool required = false) const;
    const json* object(std::string_view key, bool required = false) const;

private:
    const json* get(std::string_view key, bool required) const;
    const json* obj_ = nullptr;
    std::string path_;
    Diagnostics* diag_;
};

// Free-standing readers for values inside arrays.
std::optional<std::string> read_string(const json& j, const std::string& path, Diagnostics& diag);
std::optional<std::string> read_id(const json& j, const std::string& path, Diagnostics& diag);
std::optional<Date> read_date(const json& j, const std::string& path, Diagnostics& diag);

// Program-level ids: lowercase ASCII letters, digits, '-', '_', '.', ':'; 1..64 chars.
bool is_valid_id(std::string_view s) noexcept;

}  // namespace yrkesresan::detail
